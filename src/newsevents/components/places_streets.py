"""Streets and roads for ``newsevents_places_v1``: "Hertford Road", "Dufferin Street", "North Jackson Highway".

Local news names streets as places, and news corpora annotate them as toponyms; the small spaCy model tags them
FAC, ORG or PERSON (or nothing), and the gazetteer has none. A capitalised name ending in a street word is a
toponym; it resolves to a spot (precision ``sub-city``, ``geonameid`` null, GeoNames feature ``R.ST``) at the
point of the town it is in: the place named right after it ("Fore Street, Edmonton", "Rest Acres Road in
Paris"), else the town the article names most often. A building or site given as a toponym that the gazetteer
lacks ("Thomas Memorial Hospital in South Charleston") resolves the same way; the stage does not detect
buildings itself (names ending in a building word were toponyms for 20 of 66 such entities on TR-News, 5 of 63
on GeoVirus). Measured on TR-News and GeoVirus (see benchmarks/RESULTS.md, Places).
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Span

from ..gazetteer.lookup import Candidate
from .entities_lexicon import token_hits
from .places_recall import is_name_token
from .places_words import place_words

#: the last word of a street's name (capitalised, as in the name)
STREET_WORDS = place_words("street_words")
#: the last word of a building's or a site's name
BUILDING_WORDS = place_words("building_words")
#: streets news names for the institution on them (metonymy), not as a place
NOT_STREETS = place_words("not_streets")
#: what may stand between a street and the town it is in ("Fore Street, Edmonton", "Weir Road in Russell")
_IN_TOWN = frozenset({",", "in", "of"})
#: words of a street's name before its street word, at most
_MAX_NAME_WORDS = 4
STREET_REASON = "a street or road inside the town named with it or most often in the article; the point is that town's"


def is_street(text: str) -> bool:
    """Whether a name is a street's: it ends in a street word ("Dufferin Street") after a name word."""
    words = text.split()
    return len(words) >= 2 and words[-1].rstrip(".") in STREET_WORDS and text.lower() not in NOT_STREETS


def is_building(text: str) -> bool:
    """Whether a name is a building's or a site's: it ends in a facility word ("Thomas Memorial Hospital")."""
    words = text.split()
    return len(words) >= 2 and words[-1] in BUILDING_WORDS


def street_spans(doc: Doc, ents: tuple[Span, ...]) -> list[tuple[int, int, str]]:
    """Token spans of street names: capitalised words ending in a street word, inside an entity of any label
    (the model tags them FAC, ORG or PERSON) or outside every entity (``ents``: ``doc.ents``, read once by the
    caller)."""
    out: list[tuple[int, int, str]] = []
    hits = [i for i in token_hits(doc, "ORTH", STREET_WORDS) if i > 0]  # as written: "road" is no street word
    if not hits:
        return out
    labels = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent
    for i in hits:
        if i + 1 < len(doc) and (is_name_token(doc[i + 1]) or doc[i + 1].like_num):
            continue  # not the end of the name: "State Highway Patrol", "Provincial Highway 11"
        ent = labels.get(i)
        s = i
        while s > 0 and i - s < _MAX_NAME_WORDS and (is_name_token(doc[s - 1]) or doc[s - 1].text == "-") \
                and (ent is None or s - 1 >= ent.start) and labels.get(s - 1) is ent:
            s -= 1
        while s < i and doc[s].text == "-":
            s += 1
        if s == i or not is_name_token(doc[s]) or doc[s].is_sent_start and ent is None:
            continue
        if doc[s:i + 1].text.lower() in NOT_STREETS:
            continue
        out.append((s, i + 1, f"street:{ent.label_ if ent is not None else 'none'}"))
    return out


def _anchor(mentions, choices, i: int, text: str) -> Optional[tuple[Candidate, float]]:
    """The town a street is in: the place right after it (", X", "in X"), else the article's most named town."""
    m = mentions[i]
    after = sorted((k for k, n in enumerate(mentions) if n.start >= m.end), key=lambda k: mentions[k].start)
    if after and text[m.end:mentions[after[0]].start].strip().lower() in _IN_TOWN:
        best = choices[after[0]].best
        if best is not None and best.kind in ("city", "admin2", "spot"):
            return best, choices[after[0]].confidence
    towns: Counter = Counter()
    first: dict[int, int] = {}
    for k, ch in enumerate(choices):
        best = ch.best
        if best is not None and best.kind == "city" and ch.confidence >= 0.5 and not is_street(ch.mention.text):
            towns[best.geonameid] += 1
            first.setdefault(best.geonameid, k)
    if not towns:
        return None
    gid = max(towns, key=lambda g: (towns[g], -first[g]))
    return choices[first[gid]].best, choices[first[gid]].confidence


def street_anchors(mentions, choices, text: str) -> dict[int, Optional[tuple[Candidate, float]]]:
    """For every street, and every building the gazetteer does not have, its town and that town's confidence
    (None if the article names no town): the ranker makes it a spot at that town's point (see the module
    docstring).

    Args:
        mentions: The article's toponym mentions (``.text``, ``.start``, ``.end``).
        choices: Their ranked choices, in the same order (``.best``, ``.confidence``, ``.mention``).
        text: The article text.
    """
    return {i: _anchor(mentions, choices, i, text) for i, m in enumerate(mentions)
            if is_street(m.text) or choices[i].best is None and is_building(m.text)}
