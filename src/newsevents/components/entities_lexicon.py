"""Loader for the entities stage's data files in ``resources/`` (country forms, sector nouns, outlets, IGOs).

* ``actor_countries.tsv``: hand-written aliases (``US``, ``Britain``, ``Briton``, US states) → ISO3;
* ``actor_demonyms.tsv``: demonyms and capitals → ISO3, generated from countryinfo's data;
* country names from pycountry (``name``, ``common_name``, ``official_name``), read once;
* ``actor_sectors.tsv``: role/group nouns → PLOVER sector and the kind of actor they make;
* ``actor_outlets.tsv`` and ``actor_orgs.tsv``: named media outlets (→ country, MED) and IGOs/NGOs.

Everything is read once per process (``functools.lru_cache``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

#: Short forms matched case-sensitively only ("US" the country, not "us" the pronoun).
_CASE_SENSITIVE_MAX = 3


def _rows(name: str) -> list[list[str]]:
    """Data rows of a packaged TSV: comments and the header line skipped."""
    text = resources.files("newsevents.resources").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@dataclass(frozen=True)
class CountryForm:
    """What a surface form says about a country: its ISO3 code and kind (name, demonym, capital, state)."""

    iso3: str
    kind: str


@dataclass(frozen=True)
class Sector:
    """A sector lexicon entry: PLOVER sector (or None), kind (ORG, GROUP, ROLE, …) and gender for titles."""

    sector: Optional[str]
    kind: str
    gender: Optional[str] = None


@dataclass(frozen=True)
class ActorLexicon:
    """All actor-coding tables, keyed for fast lookup."""

    exact: dict[str, CountryForm] = field(default_factory=dict)  # case-sensitive short forms
    folded: dict[str, CountryForm] = field(default_factory=dict)  # lower-case forms
    sectors: dict[str, dict[str, Sector]] = field(default_factory=dict)  # kind -> phrase -> Sector
    sector_words: frozenset = frozenset()  # last words of every ORG/GROUP/ROLE/LEADER phrase
    max_phrase: int = 1
    outlets: dict[str, str] = field(default_factory=dict)  # name -> ISO3
    orgs: dict[str, tuple[str, Optional[str]]] = field(default_factory=dict)  # name -> (code, sector)
    names: dict[str, str] = field(default_factory=dict)  # ISO3 -> short country name
    shared: dict[str, str] = field(default_factory=dict)  # lower-case state name a country shares -> state's ISO3


def _add_form(lex: ActorLexicon, form: str, iso3: str, kind: str, override: bool) -> None:
    form = form.strip()
    if not form:
        return
    entry = CountryForm(iso3, kind)
    if len(form) <= _CASE_SENSITIVE_MAX and (form.isupper() or "." in form):
        table, key = lex.exact, form
    else:
        table, key = lex.folded, form.lower()
    if override or key not in table:
        table[key] = entry


@lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    """Read every actor table once (cached).

    Returns:
        The :class:`ActorLexicon`; precedence for a country form: hand-written aliases, then pycountry names,
        then generated demonyms/capitals.
    """
    import pycountry

    lex = ActorLexicon()
    for row in _rows("actor_countries.tsv"):
        if row[2] == "shared":  # the country's reading stays the form's; see entities_actors.resolve_shared_states
            lex.shared[row[0].lower()] = row[1]
        else:
            _add_form(lex, row[0], row[1], row[2], override=True)
    for country in pycountry.countries:
        iso3 = country.alpha_3
        short = getattr(country, "common_name", None) or country.name
        lex.names.setdefault(iso3, short.split(",")[0])
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                _add_form(lex, value, iso3, "name", override=False)
    for row in _rows("actor_demonyms.tsv"):
        _add_form(lex, row[0], row[1], row[2], override=False)
    for row in _rows("actor_countries.tsv"):  # hand-written names win for ISO3 -> name too ("Russia", "Syria")
        if row[2] == "name" and row[1] not in ("USA", "GBR") and " " not in row[0] and len(row[0]) > 3:
            lex.names[row[1]] = row[0]
    lex.names.update({"USA": "United States", "GBR": "United Kingdom", "IGO": "IGO", "NGO": "NGO"})
    words, longest = set(), 1
    for row in _rows("actor_sectors.tsv"):
        phrase, sector, kind = row[0], row[1], row[2]
        gender = row[3] if len(row) > 3 and row[3] else None
        lex.sectors.setdefault(kind, {})[phrase] = Sector(None if sector == "-" else sector, kind, gender)
        if kind in ("ORG", "GROUP", "ROLE", "LEADER"):
            words.add(phrase.split()[-1])
            longest = max(longest, len(phrase.split()))
    object.__setattr__(lex, "sector_words", frozenset(words))
    object.__setattr__(lex, "max_phrase", longest)
    for row in _rows("actor_outlets.tsv"):
        lex.outlets[row[0]] = row[1]
    for row in _rows("actor_orgs.tsv"):
        lex.orgs[row[0]] = (row[1], None if row[2] == "-" else row[2])
    return lex


def country_form(text: str) -> Optional[CountryForm]:
    """The country a name, demonym, capital or US state form stands for.

    Args:
        text: The surface form ("U.S.", "Russians", "Syria", "Moscow"); a leading "the" and a plural "s" are tried.

    Returns:
        The :class:`CountryForm`, or None when the form is not known.
    """
    lex = actor_lexicon()
    text = text.strip()
    if text in lex.exact:
        return lex.exact[text]
    low = text.lower()
    for key in (low, low[4:] if low.startswith("the ") else None,
                low[:-1] if low.endswith("s") else None, low[:-2] if low.endswith("es") else None):
        if key and key in lex.folded:
            return lex.folded[key]
    return None


def country_name(iso3: Optional[str]) -> Optional[str]:
    """A short English name for an ISO3 code ("RUS" → "Russia"), or None."""
    return actor_lexicon().names.get(iso3) if iso3 else None


def token_hits(doc, attr: str, words) -> list[int]:
    """Indices of the tokens whose ``attr`` ("LOWER", "ORTH") is one of ``words``, without a Python token loop.

    Iterating a Doc creates a Token object per word; one ``Doc.to_array`` call and a set test over hashes keeps
    the stage at a few per cent of the pipeline's time.
    """
    from spacy.attrs import IDS

    if not len(doc):
        return []
    strings = doc.vocab.strings
    wanted = {strings[w] if isinstance(w, str) else w for w in words}
    column = doc.to_array(IDS[attr]).tolist()
    return [i for i, h in enumerate(column) if h in wanted]


def sector_entry(words: list[str], kinds: tuple[str, ...]) -> tuple[Optional[Sector], int]:
    """The longest sector phrase that ends the given lower-case words.

    Args:
        words: Lower-case words ending with the head noun ("state", "news", "agency").
        kinds: Which kinds of entry to accept, in order of preference for equal length.

    Returns:
        ``(entry, n_words)`` for the longest match, or ``(None, 0)``.
    """
    lex = actor_lexicon()
    for n in range(min(len(words), lex.max_phrase), 0, -1):
        phrase = " ".join(words[-n:])
        for kind in kinds:
            entry = lex.sectors.get(kind, {}).get(phrase)
            if entry is not None:
                return entry, n
    return None, 0
