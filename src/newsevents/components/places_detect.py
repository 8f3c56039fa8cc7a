"""Toponym detection for ``newsevents_places_v1``: which spans of the text name places.

Sources, in order: spaCy GPE/LOC entities (minus a leading "the", a possessive "'s", a lower-case "province";
"Paris, Texas" inside one entity is split in two; a name the model cut is completed from the gazetteer),
toponyms that open an ORG or FAC entity ("Pittsburgh Police", "Allegheny County Jail"), "<Name> County" sequences
the model missed, names of countries and big areas outside any entity, and the gazetteer-backed recall rules of
:mod:`.places_recall` (datelines, mislabelled towns in a locative context, "Town, Prov." pairs, other mentions of
a name already used as a place), and streets (:mod:`.places_streets`). What looks like a toponym and is not (a
disease, a saint's building, an acronym) is dropped by :mod:`.places_filters`. Demonyms ("Syrian") are not places:
:func:`demonym_mentions` returns them as context for ranking.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import numpy
from spacy.attrs import IS_TITLE, IS_UPPER, ORTH, POS, SPACY
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ..gazetteer.build import key_start, name_key, read_resource_tsv
from ..gazetteer.lookup import Gazetteer
from .entities_lexicon import token_hits
from .entities_mentions import spaced_dashes
from .places_filters import (POSSESSIVE, disease_names, has_disease_word, named_thing, names_a_disease, outlet_or_title,
                             relative_named, saints_building, time_word, town_acronym, unknown_name)
from .places_recall import (COMMON_WORD_AREAS, LOCATIVE_AFTER, MIN_CONTEXT_CITY_POP, dateline_spans,
                            dotted_abbreviations, full_name_person_tokens, hyphen_compound_spans, inner_org_spans,
                            is_country, is_country_or_area, is_name_token, known_place, locative, name_mask,
                            named_settlement, person_name_words, propn_mask, same_name_spans, town_area_pairs)
from .places_regions import region_points
from .places_streets import street_spans
from .places_words import place_words

#: entity labels whose whole span is a toponym
PLACE_LABELS = ("GPE", "LOC")
#: entity labels that may open with a toponym ("Pittsburgh Police", "Allegheny County Jail", "Kabul airport")
HOST_LABELS = ("ORG", "FAC")
#: labels the small model often gives a well-known place ("Aleppo" NORP, "Winnipeg" PRODUCT, "Spring" DATE): such an
#: entity is taken as a toponym when its whole text is a strong place name (never PERSON: "Jordan" the person stays
#: one)
MISLABELS = ("NORP", "LANGUAGE", "PRODUCT", "EVENT", "WORK_OF_ART", "ORG", "FAC", "DATE")
#: an embedded toponym must be at least this populous if it is a city: below it, the first word of an
#: organisation name ("Liberty Mutual", "Bay Area Rapid Transit") is far more often not a place (20,000 / 50,000 /
#: 100,000: end-to-end P TR-News 90.7 / 92.0 / 92.1, GeoVirus 88.6 / 89.6 / 89.7; Acc@161 TR-News 77.8 / 77.8 / 77.7,
#: GeoVirus 79.7 at each)
MIN_EMBEDDED_CITY_POP = 50_000
#: country names that are also given names: tagged PERSON they stay people
_GIVEN_NAME_COUNTRIES = place_words("given_name_countries")
#: a town's own public services are named after it ("New Milford Police Department", "Litchfield Superior Court",
#: "Enfield Council"): before one of these words a smaller town opens the organisation's name
CIVIC_WORDS = frozenset({"Police", "Court", "Council", "Sheriff", "Fire", "EMS", "Township", "Borough"})
#: with one, any gazetteer town: TR-News e2e Acc@161 at 50,000 / 5,000 / 1,000 / 0 people: 76.7 / 77.1 / 77.1 / 77.3
#: (GeoVirus 79.1 at each; one false positive more, "Camborne")
MIN_CIVIC_CITY_POP = 0
#: words that open court and police names and are also towns
CIVIC_NOT_TOWNS = place_words("civic_not_towns")
#: the last word of a newspaper's title: the town opening it is no place of the story
NEWSPAPER_WORDS = place_words("newspaper_words")
#: detection sources reliable enough to make other mentions of the same name toponyms (measured: a name from an
#: ORG's first word spreads its errors to every later mention; a whole mislabelled entity, "Aleppo" tagged NORP,
#: is a big place by construction and spreads well: TR-News e2e Acc@161 +0.4 at equal precision)
PROPAGATING = ("ent:", "dateline", "context:", "county", "town-area", "mislabel:")
#: sources that prove a town of any size ("Churchill, Man.", "HOLLIDAY, Mo. —"): its other mentions are toponyms
#: even below MIN_CONTEXT_CITY_POP ("a Churchill doctor")
PAIRED = ("town-area", "dateline")
#: labels whose entity may be a toponym in a locative context ("a hospital in Milton Keynes" tagged PERSON)
CONTEXT_LABELS = ("PERSON", "ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE")
_AREA_WORDS = frozenset({"County", "Parish", "Province", "Governorate", "District", "Oblast", "Prefecture"})
_AREA_WORDS_LOWER = frozenset(w.lower() for w in _AREA_WORDS)
#: lower-case area words after a name in a place entity: not part of the name
_LOWER_AREA_WORDS = place_words("lower_area_words")
#: words that make "<...> District" a service's district, not a place
_SERVICE_WORDS = place_words("service_words")
#: direction words that open a region of a place
_DIRECTION_WORDS = place_words("direction_words")
#: lower-case words inside multi-word place names
_NAME_JOINERS = place_words("name_joiners")


@dataclass
class Mention:
    """A toponym in the text (character offsets into ``doc.text``)."""

    start: int
    end: int
    text: str
    source: str
    container: Optional[int] = None  # index of the mention right after ", " ("Paris, Texas": Texas's index)
    tokens: tuple[int, int] = (0, 0)  # token span (start, end) for the parse-based metonymy check
    kind: Optional[str] = None  # what the words around it say it is: "the City of X" → city, "X province" → admin1
    owner: Optional[int] = None  # index of the mention right before "'s" ("London's Heathrow": London's index)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym key (see :func:`name_key`) → ISO2, with regular plurals ("Syrians", "Afghans", "Iraqis")."""
    out: dict[str, str] = {}
    for row in read_resource_tsv("place_demonyms.tsv"):
        word, iso = row["demonym"], row["iso2"]
        out[name_key(word)] = iso
        if word.endswith(("an", "i", "ian")):
            out[name_key(word + "s")] = iso
    return out


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token span without a leading determiner and a trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in POSSESSIVE
                           or (doc[end - 1].is_punct and doc[end - 1].text != ".")):
        end -= 1
    return start, end


def _name_part(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """The place name in an entity span: without a lower-case area word ("Sichuan province" → "Sichuan") or a
    "City of" / "County of" head, and extended to neighbouring words when the longer name is in the gazetteer
    and the model cut it ("Goz [Beida]", "[Rio Grande] do Sul", "[Democratic Republic] of the Congo")."""
    if end - start >= 2 and doc[end - 1].lower_ in _LOWER_AREA_WORDS and doc[end - 1].is_lower \
            and gaz.candidates(doc[start:end - 1].text):
        end -= 1
    if end - start >= 3 and doc[start].lower_ in ("city", "county", "town", "province", "state") \
            and doc[start + 1].lower_ == "of" and gaz.candidates(doc[start + 2:end].text):
        start += 2
    if end < len(doc) and doc[end].text == "." and doc[end - 1].text in dotted_abbreviations():
        end += 1  # "Que" "." → "Que." (the period belongs to the abbreviation)
    best = (start, end)
    for left in (0, 1, 2):
        for right in (0, 1, 2, 3):
            a, b = start - left, end + right
            if (left, right) == (0, 0) or a < 0 or b > len(doc) or b - a <= best[1] - best[0]:
                continue
            toks = doc[a:b]
            if not (is_name_token(toks[0]) and is_name_token(toks[-1])) or toks[0].is_sent_start and left \
                    or any(not (is_name_token(t) or t.lower_ in _NAME_JOINERS or t.text == "-") for t in toks):
                continue
            # an alternate spelling counts for a multi-word name of a real town ("Beni Suef", "Mbanza Congo")
            if any(c.how < 2 or (c.population >= MIN_CONTEXT_CITY_POP and c.kind != "continent")
                   for c in gaz.candidates(toks.text)):
                best = (a, b)
    return best


def _after_direction(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """Start of the place after leading direction words ("Far North Queensland", "Western Canada",
    "North-Western Sydney") when the whole is not in the gazetteer but the rest is."""
    i = start
    while i < end - 1 and (doc[i].lower_ in _DIRECTION_WORDS or doc[i].text == "-"):
        i += 1
    return i if i > start and gaz.candidates(doc[i:end].text) else start


def _split_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """'Paris, Texas' in one entity → two token spans; a spaced dash splits too ("Central Africa - Nigeria")."""
    cuts = {i for i in range(start, end) if doc[i].text == ","} | set(spaced_dashes(doc, start + 1, end - 1))
    parts, s = [], start
    for i in sorted(cuts):
        if i > s:
            parts.append((s, i))
        s = i + 1
    if s < end:
        parts.append((s, end))
    return parts


def _strong(gaz: Gazetteer, text: str, min_city_pop: int = MIN_EMBEDDED_CITY_POP) -> bool:
    """Whether a text is the primary or official name of a country, area, or a big enough city."""
    if len(text) < 4 and not text.isupper():
        return False  # "Al" (Jazeera), "La", "El": two-letter towns open too many names
    if name_key(text) in COMMON_WORD_AREAS:
        return False  # "the Southern Poverty Law Center", "North Summit School District"
    has_area_word = any(w in _AREA_WORDS for w in text.split())
    if name_key(text) in region_points():  # "Sumatra" tagged NORP, "Java" PERSON
        return True
    return any(c.how < 2 and (c.kind in ("country", "admin1", "continent")
                              or (c.kind == "admin2" and (has_area_word or c.population >= min_city_pop))
                              or (c.kind == "city" and c.population >= min_city_pop))
               for c in gaz.candidates(text))


def _embedded(doc: Doc, ent: Span, gaz: Gazetteer) -> Optional[tuple[int, int]]:
    """The longest toponym opening an ORG/FAC entity, if it is a strong one (see MIN_EMBEDDED_CITY_POP)."""
    start, end = _trim(doc, ent.start, ent.end)
    if end - start >= 2 and doc[end - 1].text in NEWSPAPER_WORDS:
        return None
    for stop in range(min(end, start + 4), start, -1):
        toks = doc[start:stop]
        if not all(is_name_token(t) for t in toks) or name_key(toks.text) in demonyms():
            continue
        if stop == end and ent.label_ == "ORG" and not (stop - start == 1):
            continue  # a multi-word ORG that is wholly a place name is a team or a company named after it
        civic = any(t.text in CIVIC_WORDS for t in doc[stop:end]) and not toks.text.isupper() \
            and toks.text.lower() not in CIVIC_NOT_TOWNS
        if _strong(gaz, toks.text, MIN_CIVIC_CITY_POP if civic else MIN_EMBEDDED_CITY_POP):
            return start, stop
    return None


def _whole_town(doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
    """A multi-word organisation or facility that is wholly a town's name, even an alternate spelling, where a
    place stands ("from Beni Suef", "the town of Mbanza Congo"): the town, not its first word."""
    if not 2 <= len(ent) <= 4 or not _name_tokens(doc, ent.start, ent.end):
        return False
    if not any(c.kind == "city" and c.population >= MIN_CONTEXT_CITY_POP for c in gaz.candidates(ent.text)):
        return False
    return locative(doc, ent.start, ent.end, lambda i: False)


def _run_on(doc: Doc, ent: Span) -> list[tuple[int, int]]:
    """The parts of an entity the model ran on over a spaced dash ("Trump - Wisconsin", "Sri Lanka - approximately
    28,500"), or none."""
    dashes = spaced_dashes(doc, ent.start + 1, ent.end - 1)
    if not dashes:
        return []
    bounds = [ent.start] + [x for i in dashes for x in (i, i + 1)] + [ent.end]
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2]) if b > a]


def _whole_place(doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
    s, e = _trim(doc, ent.start, ent.end)
    text = doc[s:e].text
    return e > s and e - s <= 3 and name_key(text) not in demonyms() and _strong(gaz, text)


def _season_time(doc: Doc, ent: Span) -> bool:
    """A time word the model tagged DATE ("by Spring", "Spring arrived early") is a time unless it stands where a
    place stands ("shot in Spring", the Texas town)."""
    s, e = _trim(doc, ent.start, ent.end)
    return ent.label_ == "DATE" and time_word(doc[s:e].text) and not locative(doc, s, e, lambda i: False)


def _county_spans(doc: Doc) -> list[tuple[int, int]]:
    """'<Name> County' (and Parish, Province…) sequences, whatever the model labelled them."""
    out = []
    for i in token_hits(doc, "LOWER", _AREA_WORDS_LOWER):
        lower = doc[i].is_lower  # "Maoxian county": the lower-case word is not part of the name
        if (doc[i].text in _AREA_WORDS or lower) and i > 0 and is_name_token(doc[i - 1]) \
                and doc[i - 1].pos_ == "PROPN":
            s = i - 1
            while s > 0 and s > i - 3 and doc[s - 1].pos_ == "PROPN" and is_name_token(doc[s - 1]):
                s -= 1
            if not any(t.text in _SERVICE_WORDS for t in doc[s:i]):  # "Box Elder School District"
                out.append((s, i) if lower else (s, i + 1))
    return out


def _country_name_spans(doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[tuple[int, int]]:
    """Country (and continent, big first-level area) names the model left out of every entity (headlines,
    lists)."""
    out: list[tuple[int, int]] = []
    n_tok = len(doc)
    if not n_tok:
        return out
    # this scan sees every word outside the entities: it reads case, texts and spacing from the Doc's arrays (a Span
    # or Token built per word was the stage's largest cost), and a word whose key starts no country or area name
    # opens none
    arr = doc.to_array([ORTH, SPACY, POS, IS_TITLE, IS_UPPER])
    free_arr = ((arr[:, 3] | arr[:, 4]) != 0) & ~numpy.asarray(taken, dtype=bool)
    free = free_arr.tolist()
    strings, starts = doc.vocab.strings, gaz.area_name_starts()

    def text(k: int) -> str:
        return strings[int(arr[k, 0])]

    next_free = 0
    for i in numpy.flatnonzero(free_arr).tolist():
        if i < next_free:
            continue
        first = key_start(name_key(text(i)))
        if first not in starts and first not in ("", "the"):  # see key_start: these do not fix the key's start
            continue
        for n in (3, 2, 1):
            if i + n > n_tok or not all(free[i:i + n]):
                continue
            span = "".join(text(k) + (" " if arr[k, 1] else "") for k in range(i, i + n - 1)) + text(i + n - 1)
            # the bare-name scan takes countries, continents and big first-level areas only
            if is_country_or_area(gaz, span) and not (i > 0 and text(i - 1) in ("$", "[")) \
                    and (n > 1 or arr[i, 2] == PROPN or is_country(gaz, span)):  # "$US 15", "Rivers rose"
                out.append((i, i + n))
                next_free = i + n
                break
    return out


def _context_spans(doc: Doc, gaz: Gazetteer, spans: list[tuple[int, int, str]], taken: list[bool],
                   person: list[bool], ents: tuple[Span, ...]) -> list[tuple[int, int, str]]:
    """Known places the model tagged as something else or not at all, in a locative context (see places_recall)."""
    place = _token_mask(len(doc), spans)
    found: list[tuple[int, int, str]] = []
    propn, names = propn_mask(doc), name_mask(doc)
    for _ in range(4):  # later passes let a list of mislabelled towns ("Migori, Homa Bay, Rongo") chain
        before = len(found)
        for ent in ents:
            if ent.label_ not in CONTEXT_LABELS or any(place[ent.start:ent.end]) or any(person[ent.start:ent.end]):
                continue
            s, e = _trim(doc, ent.start, ent.end)
            parts = _coordinated(doc, s, e)
            if len(parts) > 1:  # "Ingham or Townsville" tagged ORG: every part a gazetteer name, one a known place
                if all(any(c.how < 2 for c in gaz.candidates(doc[a:b].text)) for a, b in parts) \
                        and any(known_place(gaz, doc[a:b].text, MIN_CONTEXT_CITY_POP) for a, b in parts) \
                        and locative(doc, s, e, lambda i: place[i]):
                    for a, b in parts:
                        found.append((a, b, f"context:{ent.label_}"))
                        place[a:b] = [True] * (b - a)
                continue
            if 0 < e - s <= 4 and _name_tokens(doc, s, e) \
                    and name_key(doc[s:e].text) not in demonyms() \
                    and (known_place(gaz, doc[s:e].text, MIN_CONTEXT_CITY_POP, alternate=True)
                         and locative(doc, s, e, lambda i: place[i])
                         or named_settlement(doc, s) and known_place(gaz, doc[s:e].text, 0, alternate=True)):
                found.append((s, e, f"context:{ent.label_}"))
                place[s:e] = [True] * (e - s)
        i = 0
        while i < len(doc):  # capitalised proper nouns outside every entity
            hit = None
            if not taken[i] and not place[i] and not person[i] and propn[i] and names[i]:
                for n in (3, 2, 1):
                    e = i + n
                    if e > len(doc) or any(taken[i:e]) or any(place[i:e]) or not _name_tokens(doc, i, e):
                        continue
                    text = doc[i:e].text
                    small = named_settlement(doc, i)  # "the village of X": any size
                    if name_key(text) in demonyms() or not known_place(
                            gaz, text, 0 if small else MIN_CONTEXT_CITY_POP, alternate=True):
                        continue
                    # a capitalised first word of a sentence needs more than a preposition: "X police", "X, Y"
                    after = e < len(doc) and (doc[e].lower_ in LOCATIVE_AFTER or (
                        doc[e].text == "," and e + 1 < len(doc) and place[e + 1]))
                    if (not doc[i].is_sent_start or after) and locative(doc, i, e, lambda k: place[k]):
                        hit = (i, e)
                        break
            if hit:
                found.append((*hit, "context:none"))
                place[hit[0]:hit[1]] = [True] * (hit[1] - hit[0])
                i = hit[1]
            else:
                i += 1
        if len(found) == before:
            break
    return found


def _token_mask(n: int, spans) -> list[bool]:
    """Per token of an n-token doc: inside one of the (start, end, ...) token spans."""
    mask = [False] * n
    for s, e, *_ in spans:
        mask[s:e] = [True] * (e - s)
    return mask


def _coordinated(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Name parts of "A or B", "A, B and C" inside one span (one part if there is no coordination)."""
    parts, s = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].lower_ in ("and", "or", ",", "&"):
            if i > s:
                if not _name_tokens(doc, s, i):
                    return [(start, end)]
                parts.append((s, i))
            s = i + 1
    return parts or [(start, end)]


def _name_tokens(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words, possibly joined by hyphens ("Al-Minya", "Vest-Agder")."""
    return is_name_token(doc[start]) and is_name_token(doc[end - 1]) and all(
        is_name_token(t) or t.text == "-" for t in doc[start:end])


def _mentions(doc: Doc, spans: list[tuple[int, int, str]], person: list[bool], ents: tuple[Span, ...],
              gaz: Gazetteer) -> list[Mention]:
    """Non-overlapping mentions in text order (the first span at a position wins), "X, Y" containers linked."""
    mentions: list[Mention] = []
    last_end = -1
    # one name, one reading: a name the article uses for a disease ("the Marburg virus") is the disease in its
    # other mentions too ("a case of imported Marburg"), but where a place stands it stays one ("monkeys imported
    # to Reston, Virginia" beside "the Ebola-Reston strain") if the gazetteer knows it ("died from Ebola" does not)
    sick = has_disease_word(doc)
    diseases = {name_key(doc[s:e].text) for s, e in [sp[:2] for sp in spans] + [(t.start, t.end) for t in ents]
                if names_a_disease(doc, s, e)} | disease_names(doc) if sick else set()
    place = _token_mask(len(doc), spans) if diseases else []
    for s, e, source in sorted(spans):
        if s < last_end:
            continue
        span = doc[s:e]
        text = span.text
        if not any(ch.isupper() for ch in text) or name_key(text) in demonyms() or any(person[s:e]) \
                or sick and names_a_disease(doc, s, e) \
                or name_key(text) in diseases and (unknown_name(gaz, text)
                                                   or not locative(doc, s, e, lambda i: place[i] and not s <= i < e)):
            continue
        if source == "hyphen-token":  # "U.S.-led" is one token: the place is the part before the hyphen
            text = text.rpartition("-")[0]
            mentions.append(Mention(span.start_char, span.start_char + len(text), text, source, tokens=(s, e)))
        else:
            mentions.append(Mention(span.start_char, span.end_char, text, source, tokens=(s, e),
                                    kind=kind_hint(doc, s, e)))
        last_end = e
    link_pairs(doc, mentions)
    return mentions


def detect_toponyms(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Every toponym mention in the doc, in text order, without overlaps.

    Args:
        doc: A parsed Doc with NER.
        gaz: The open gazetteer (for embedded toponyms, bare country names and the recall rules).
    """
    spans: list[tuple[int, int, str]] = []
    ents = doc.ents  # Doc.ents walks the Doc and builds a Span per entity on every read
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            s, e = _name_part(doc, *_trim(doc, ent.start, ent.end), gaz)
            for a, b in _split_names(doc, s, e):
                text = doc[a:b].text
                if b > a and unknown_name(gaz, text):
                    a = _after_direction(doc, a, b, gaz)  # "Far North Queensland" → "Queensland"
                    hit = _embedded(doc, doc[a:b], gaz)  # "Allegheny County Jail" labelled GPE
                    a, b = hit if hit else (a, b)
                if b > a:
                    spans.append((a, b, f"ent:{ent.label_}"))
        elif parts := _run_on(doc, ent):  # "Sri Lanka - approximately" tagged PERSON: each part on its own
            spans += [(a, b, "run-on") for a, b in parts if _whole_place(doc, doc[a:b], gaz)]
        elif ent.label_ in MISLABELS and _whole_place(doc, ent, gaz) and not _season_time(doc, ent):
            spans.append((*_trim(doc, ent.start, ent.end), f"mislabel:{ent.label_}"))
        elif ent.label_ == "PERSON" and is_country(gaz, ent.text) and name_key(ent.text) not in demonyms() \
                and name_key(ent.text) not in _GIVEN_NAME_COUNTRIES:
            # "Tunisia was one of the first…" tagged PERSON; a person so named ("Jordan Smith … Jordan said") is
            # dropped again with the person's other name words (_not_people)
            spans.append((ent.start, ent.end, "mislabel:PERSON"))
        elif ent.label_ in HOST_LABELS and _whole_town(doc, ent, gaz):
            spans.append((ent.start, ent.end, f"context:{ent.label_}"))
        elif ent.label_ in HOST_LABELS:
            hit = _embedded(doc, ent, gaz)
            if hit:
                spans.append((*hit, f"in:{ent.label_}"))
            spans += [(s, e, f"inner:{ent.label_}") for s, e in inner_org_spans(doc, ent, gaz, MIN_EMBEDDED_CITY_POP)
                      if not hit or e <= hit[0] or s >= hit[1]]
    spans += [(s, e, "dateline") for s, e in dateline_spans(doc, gaz)]
    streets = street_spans(doc, ents)
    if streets:  # a street's name is not a town's ("Mont-Royal Avenue" is not Montana); the town after it is
        on_street = _token_mask(len(doc), streets)
        spans = [sp for sp in spans if not any(on_street[sp[0]:sp[1]])] + streets
    taken = _token_mask(len(doc), spans)
    for s, e in _county_spans(doc):
        if not any(taken[s:e]):
            spans.append((s, e, "county"))
            for i in range(s, e):
                taken[i] = True
    for ent in ents:  # names of people and groups are never scanned for bare country names
        for i in range(ent.start, ent.end):
            taken[i] = True
    spans += [(s, e, "country-name") for s, e in _country_name_spans(doc, gaz, taken)]
    person = full_name_person_tokens(doc, gaz)
    place = _token_mask(len(doc), spans)
    spans += _owned_facilities(doc, place, ents)
    pairs = town_area_pairs(doc, gaz, lambda i: not place[i] and not person[i], lambda i: place[i])
    spans += hyphen_compound_spans(doc, gaz, lambda i: not place[i] and not person[i])
    spans += pairs
    spans += _context_spans(doc, gaz, spans, taken, person, ents)
    mentions = _mentions(doc, spans, person, ents, gaz)
    # one name, one reading: other capitalised mentions of a name used as a toponym are toponyms too
    names = {name_key(m.text) for m in mentions if m.source.startswith(PROPAGATING) and gaz.candidates(m.text)
             and not (m.text.isupper() and len(m.text) <= 4)
             and (m.source in PAIRED or known_place(gaz, m.text, MIN_CONTEXT_CITY_POP))}
    blocked = list(person)
    for m in mentions:
        for i in range(*m.tokens):
            blocked[i] = True
    for ent in ents:
        if ent.label_ not in PLACE_LABELS and len(ent) > 1:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    extra = same_name_spans(doc, names, blocked)
    if extra:
        mentions = _mentions(doc, spans + [(s, e, "same-name") for s, e in extra], person, ents, gaz)
    keep = [m for m in mentions if not (town_acronym(gaz, m.text, m.source) or saints_building(doc, *m.tokens)
                                         or outlet_or_title(doc, *m.tokens, m.kind)
                                         or named_thing(doc, *m.tokens, gaz) or relative_named(doc, *m.tokens))]
    keep = _not_people(doc, keep, gaz)
    if len(keep) < len(mentions):
        link_pairs(doc, keep)  # container and owner links are indices into the list: once, after both filters
    return keep


def _not_people(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Drop one-word mentions that are the first or last name of a person named in full in the article
    ("Nine-year-old Georgia Stevens ... Georgia began skating"), unless they stand where a place stands and the
    gazetteer knows them ("Barrette and British Columbia" after "Gaetan Barrette" is the man). Pair links are left
    to the caller."""
    words = person_name_words(doc, gaz)
    if not words:
        return mentions
    place = _token_mask(len(doc), [m.tokens for m in mentions])
    return [m for m in mentions
            if not (m.tokens[1] - m.tokens[0] == 1 and m.text.lower() in words and m.source != "dateline"
                    and (unknown_name(gaz, m.text) or not locative(doc, *m.tokens, lambda i: place[i])))]


#: words around a name that say what kind of place it is ("the City of Turkey", "Sichuan province")
_KIND_BEFORE = {"city": "city", "town": "city", "village": "city", "county": "admin2", "district": "admin2",
                "province": "admin1", "state": "admin1", "governor": "admin1"}
_KIND_AFTER = {"city": "city", "town": "city", "village": "city", "county": "admin2", "district": "admin2",
               "province": "admin1", "state": "admin1", "governorate": "admin1", "prefecture": "admin1"}

#: a governor heads a first-level area (a US state, a province), whatever the case: "the governor of X", "X Gov."
_GOVERNOR_AFTER = frozenset({"governor", "gov.", "gov"})


def kind_hint(doc: Doc, start: int, end: int) -> Optional[str]:
    """The kind of place the neighbouring words name: "City of X", "X county" (lower case: not part of the name),
    "the governor of X", "X Gov." (a first-level area)."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _KIND_BEFORE:
        return _KIND_BEFORE[doc[start - 2].lower_]
    if end < len(doc) and doc[end].is_lower and doc[end].lower_ in _KIND_AFTER:
        return _KIND_AFTER[doc[end].lower_]
    if end < len(doc) and doc[end].lower_ in _GOVERNOR_AFTER:  # "Georgia Gov. Brian Kemp", "the Ohio Governor"
        return "admin1"
    if end < len(doc) and doc[end].text == "State":  # "Georgia State Patrol", "Ohio State University"
        return "admin1"
    if end + 1 < len(doc) and doc[end].lower_ in ("highway", "route") and doc[end + 1].like_num:
        return "admin1"  # "Georgia Highway 174": a numbered road named after the area that numbers it
    return None


def _owned_facilities(doc: Doc, place: list[bool], ents: tuple[Span, ...]) -> list[tuple[int, int, str]]:
    """Facilities named right after a toponym's possessive ("Toronto's Pearson International Airport"): annotated
    as toponyms in news corpora; they resolve to a spot inside the owner (see ``places_rank``)."""
    return [(ent.start, ent.end, "owned:FAC") for ent in ents
            if ent.label_ == "FAC" and ent.start >= 2 and doc[ent.start - 1].lower_ in POSSESSIVE
            and place[ent.start - 2] and not any(place[ent.start:ent.end])]


def link_pairs(doc: Doc, mentions: list[Mention]) -> None:
    """Set ``container`` for "X, Y" pairs (X's is Y's index: "Paris, Texas") and ``owner`` for "X's Y" (Y's is
    X's index: "London's Heathrow"), by the tokens between neighbouring mentions in text order (line-break and
    extra-space tokens skipped). The one pair rule for detected mentions and for given spans; mentions without
    tokens ((0, 0): no span found) are never linked."""
    for m in mentions:
        m.container = m.owner = None
    order = sorted((i for i, m in enumerate(mentions) if m.tokens != (0, 0)), key=lambda i: mentions[i].tokens)
    for i, j in zip(order, order[1:]):
        a, b = mentions[i], mentions[j]
        between = _lone_token(doc, a.tokens[1], b.tokens[0])
        if between is None:
            continue
        if between.text == ",":  # (Doc.text would be rebuilt: compare tokens)
            a.container = j
        elif between.lower_ in POSSESSIVE:
            b.owner = i


def _lone_token(doc: Doc, start: int, end: int) -> Optional[Token]:
    """The one token in [start, end) that is not a space, or None if there are none or several (stops at the
    second: the gap between two mentions is usually a whole sentence, and each Token read is built)."""
    found = None
    for k in range(start, end):
        t = doc[k]
        if t.is_space:
            continue
        if found is not None:
            return None
        found = t
    return found


def demonym_mentions(doc: Doc) -> list[dict]:
    """Demonyms in the text ("Syrian", "Russians") with their country: context for ranking, not places.

    Returns:
        ``[{start, end, text, country}]`` in text order.
    """
    table = demonyms()
    out = []
    for i in token_hits(doc, "LOWER", table):  # keys are lower case; only the tokens that match are built
        token = doc[i]
        if token.text[:1].isupper():
            out.append({"start": token.idx, "end": token.idx + len(token.text), "text": token.text,
                        "country": table[token.lower_]})
    return out
