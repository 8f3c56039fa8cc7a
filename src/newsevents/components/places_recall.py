"""Gazetteer-backed toponym recall for ``newsevents_places_v1``: places the NER model missed or mislabelled.

The small spaCy model tags many towns PERSON or ORG ("a hospital in Milton Keynes", "Tabriz resident"), leaves
datelines ("BEIRUT —") and names inside organisations ("University of Manitoba") untagged, and labels a name
GPE once and PERSON the next time. Each rule here only accepts a span whose text is a primary or official
gazetteer name, and asks for evidence that depends on how strong the name is:

* a country, continent or big first-level area: anywhere outside a person's name (the bare-name scan);
* a city or area of at least :data:`MIN_CONTEXT_CITY_POP` people: a locative context ("in X", "X police", "the
  town of X", a list or an "X, Y" pair with other toponyms), a locative compound ("U.S.-led", "London-based"),
  or inside an organisation after "University of" / "in", or closing it ("Costco Canada", "CTV Winnipeg");
* any gazetteer town: a dateline at the start of the article or of a line ("HOLLIDAY, Mo. —"), or a "Town, Area"
  pair whose area (by name or abbreviation: "Churchill, Man.") contains a town of that name;
* a name the article already uses as a toponym: every other capitalised mention of it.

Never taken: a span inside a person's full name ("Paul Jackson", then "Jackson"), common words that are also
area names ("Centre", "Southern"), acronyms that only match hamlets ("HIV"). Thresholds were measured on the
TR-News dev set and checked on GeoVirus (see benchmarks/RESULTS.md, Places).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Optional

import numpy
from spacy.attrs import IDX, IS_SPACE, IS_TITLE, IS_UPPER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc

from ..gazetteer.build import name_key, read_resource_tsv
from ..gazetteer.lookup import Gazetteer
from . import doc_text
from .entities_lexicon import token_hits
from .places_regions import region_points
from .places_words import place_words

#: a city named in a locative context must have at least this many inhabitants: 5,000 keeps "in Innisfail"
#: (8,000) and drops most surnames that are also hamlets (measured on TR-News, checked on GeoVirus)
MIN_CONTEXT_CITY_POP = 5_000
#: first-level areas at least this populous (summed over their towns) are taken anywhere, like countries (30,000 /
#: 100,000 / 300,000: TR-News unchanged; GeoVirus e2e P 89.6 / 89.6 / 89.8, Acc@161 79.7 / 79.7 / 79.5)
BIG_AREA_POP = 100_000
#: words before a toponym ("in Cairns"); "the" between them is skipped
LOCATIVE_BEFORE = place_words("locative_before")
#: area nouns right before a name after "the" ("the province Gauteng", "the state Bavaria"; lower case only, so
#: not "the State Police"): GeoVirus e2e Acc@161 79.3 -> 79.4, TR-News unchanged
AREA_BEFORE = frozenset({"province", "state", "region", "county", "district", "governorate", "prefecture"})
#: nouns that make "<noun> of X" locative ("the town of Garissa")
OF_HEADS = place_words("of_heads")
#: institutions named after their town ("University of Calgary")
ORG_OF_HEADS = place_words("org_of_heads")
#: words after a toponym ("Tabriz resident", "Beaconsfield Mayor")
LOCATIVE_AFTER = place_words("locative_after")
#: a dateline ends with one of these right after the place name ("BEIRUT —", "PARIS, Texas (AP) -")
_DATELINE_END = frozenset({"\u2014", "\u2013", "-", "--", ",", "("})
_PERSON_TYPES = frozenset({"PERSON", "PER"})
#: place names that are also ordinary words: the recall rules never take them on their own
COMMON_WORD_AREAS = place_words("common_word_areas")


def name_mask(doc: Doc) -> list[bool]:
    """Per token: a Title or UPPER case word (read from the Doc's arrays: building every Token costs more than
    the rest of the stage)."""
    if not len(doc):
        return []
    arr = doc.to_array([IS_TITLE, IS_UPPER])
    return (arr[:, 0] | arr[:, 1]).astype(bool).tolist()


def propn_mask(doc: Doc) -> list[bool]:
    """Per token: tagged PROPN."""
    return (doc.to_array(POS) == PROPN).tolist() if len(doc) else []


def is_name_token(token) -> bool:
    """A capitalised word (Title, UPPER or an abbreviation like "Ky.")."""
    return token.is_title or token.is_upper or (token.text[:1].isupper() and "." in token.text)


def known_place(gaz: Gazetteer, text: str, min_city_pop: int, alternate: bool = False) -> bool:
    """Whether ``text`` is the primary/official name of a country, continent, big area or a city ≥ min_city_pop
    (``alternate``: also another spelling of a town or area that big, "Saxony-Anhalt" for Sachsen-Anhalt)."""
    if len(text) < 3 or (len(text) < 4 and not text.isupper()) or name_key(text) in COMMON_WORD_AREAS:
        return False
    if name_key(text) in region_points():  # "across Java", "the coast of Sumatra"
        return True
    acronym = text.isupper() and len(text) <= 4  # "NSW", "UK" name areas; "HIV", "ALMA" match only hamlets
    for c in gaz.candidates(text):
        if acronym and c.kind not in ("country", "admin1"):
            continue
        if c.how >= 2:
            if alternate and c.kind in ("city", "admin1", "admin2") and c.population >= min_city_pop:
                return True
            continue
        if c.kind in ("country", "continent") or (c.kind == "admin1" and c.population >= BIG_AREA_POP):
            return True
        if c.kind in ("city", "admin2", "admin1") and c.population >= min_city_pop:
            return True
    return False


def strong_anywhere(gaz: Gazetteer, text: str) -> bool:
    """A country, continent or big first-level area by its primary or official name."""
    acronym = text.isupper() and len(text) <= 4
    # an area only by its own name: its aliases are abbreviations ("Wash.", "Miss.") that are words without the
    # dot; an upper-case alias of three letters or more is no word ("NSW", "P.E.I."; two letters are: "OK", "IN")
    return any(c.how < 2 and (c.kind == "country" or (c.kind == "continent" and not acronym) or
                              (c.kind == "admin1" and (c.how == 0 or text.isupper() and len(text) >= 3)
                               and c.population >= BIG_AREA_POP))
               for c in gaz.candidates(text))


def is_country_or_area(gaz: Gazetteer, text: str) -> bool:
    """A country or big first-level area by its primary or official name (not a common word like "Centre")."""
    return name_key(text) not in COMMON_WORD_AREAS and strong_anywhere(gaz, text)


def is_country(gaz: Gazetteer, text: str) -> bool:
    """A country by its primary or official name."""
    return any(c.how < 2 and c.kind == "country" for c in gaz.candidates(text))


def locative(doc: Doc, start: int, end: int, is_place: Callable[[int], bool]) -> bool:
    """Whether the token span [start, end) stands where a place stands.

    Args:
        doc: The parsed Doc.
        start: First token.
        end: Token after the last.
        is_place: Whether the token at an index already belongs to a toponym (for lists and "X, Y").
    """
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in LOCATIVE_BEFORE:
        return True
    if i >= 1 and doc[i].is_lower and doc[i].lower_ in AREA_BEFORE and doc[i - 1].lower_ == "the":
        return True  # "in the province Gauteng"
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in OF_HEADS:
        return True
    if end < len(doc) and doc[end].lower_ in LOCATIVE_AFTER:
        return True
    # a list or a "Town, Region" pair with a toponym on either side: "Cairo, Giza, and Al-Minya", "Austin, Indiana"
    j = end
    while j < len(doc) and doc[j].text in (",", "and", "or", "&"):
        j += 1
    if j > end and j < len(doc) and is_place(j):
        return True
    k = start - 1
    while k >= 0 and doc[k].text in (",", "and", "or", "&"):
        k -= 1
    return k < start - 1 and k >= 0 and is_place(k)


#: "the village of X", "a town called X": the words say X is a settlement
SETTLEMENT_HEADS = place_words("settlement_heads")


def named_settlement(doc: Doc, start: int) -> bool:
    """Whether the span starting at ``start`` follows "the village of", "a town called", "the city of"."""
    i = start - 1
    if i >= 1 and doc[i].lower_ in ("of", "called", "named") and doc[i - 1].lower_ in SETTLEMENT_HEADS:
        return True
    return False


def dateline_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Upper-case town names opening the article or a line and followed by a dash, comma or bracket."""
    out = []
    # the token after each line break: line breaks are whitespace tokens (found by array, not by building Tokens)
    spaces = numpy.nonzero(doc.to_array(IS_SPACE))[0].tolist() if len(doc) else []
    starts = [0] + [i + 1 for i in spaces if "\n" in doc[i].text]
    for s in starts:
        while s < len(doc) and doc[s].is_space:
            s += 1
        if s >= len(doc) or not doc[s].is_upper or not doc[s].is_alpha:
            continue
        e = s
        while e < len(doc) and e - s < 4 and doc[e].is_upper and doc[e].is_alpha:
            e += 1
        if e < len(doc) and doc[e].text in _DATELINE_END and gaz.candidates(doc[s:e].text.title()):
            out.append((s, e))
    return out


def inner_org_spans(doc: Doc, ent, gaz: Gazetteer, min_city_pop: int) -> list[tuple[int, int]]:
    """Toponyms inside an organisation or facility name after "of"/"in" ("University of Manitoba in Winnipeg"),
    or a country closing it ("Costco Canada", "Environment Canada")."""
    out = []
    i = ent.start
    while i < ent.end:
        if doc[i].lower_ in ("of", "in") and i + 1 < ent.end:
            s = i + 1 + (doc[i + 1].lower_ == "the")
            # a town needs an institution before "of" ("University of Calgary"; not "Head of Mission")
            city_ok = doc[i].lower_ == "in" or (i > ent.start and doc[i - 1].lower_ in ORG_OF_HEADS)
            for e in range(min(ent.end, s + 4), s, -1):
                if all(is_name_token(t) for t in doc[s:e]) and (
                        is_country_or_area(gaz, doc[s:e].text) if not city_ok
                        else known_place(gaz, doc[s:e].text, min_city_pop)):
                    out.append((s, e))
                    i = e - 1
                    break
        i += 1
    last = ent.end
    while last > ent.start and (doc[last - 1].tag_ == "POS" or doc[last - 1].is_punct):
        last -= 1
    if last - ent.start >= 2 and is_name_token(doc[last - 1]) and doc[last - 2].lower_ not in ("of", "in") \
            and not any(s <= last - 1 < e for s, e in out):
        closing = doc[last - 1].text
        # a broadcaster's or a service's local desk: "CTV Winnipeg", "NHS Scotland"
        desk = last - ent.start == 2 and doc[ent.start].is_upper and 2 <= len(doc[ent.start]) <= 4
        if is_country_or_area(gaz, closing) or (desk and known_place(gaz, closing, min_city_pop)):
            out.append((last - 1, last))
    return out


#: words after "<place>-" that make the compound locative ("U.S.-led")
HYPHEN_LOCATIVE = place_words("hyphen_locative")


def hyphen_compound_spans(doc: Doc, gaz: Gazetteer, free: Callable[[int], bool]) -> list[tuple[int, int, str]]:
    """Places opening a locative compound: "the U.S.-led campaign", "a London-based charity".

    Returns:
        Token spans with source "hyphen"; a compound the tokenizer kept whole ("U.S.-led") is returned as its one
        token with source "hyphen-token" (the place is the part before the hyphen).
    """
    out: list[tuple[int, int, str]] = []
    for i in token_hits(doc, "SUFFIX", {w[-3:] for w in HYPHEN_LOCATIVE}):  # by 3-letter suffix: no Token per word
        token = doc[i]
        if not free(i) or "-" not in token.text[1:-1] or not token.text[:1].isupper():
            continue
        head, _, tail = token.text.rpartition("-")
        if tail.lower() in HYPHEN_LOCATIVE and known_place(gaz, head, MIN_CONTEXT_CITY_POP):
            out.append((i, i + 1, "hyphen-token"))
    for i in token_hits(doc, "LOWER", ["-"]):
        if i + 1 >= len(doc) or doc[i + 1].lower_ not in HYPHEN_LOCATIVE:
            continue
        for n in (3, 2, 1):
            s = i - n
            if s >= 0 and all(free(k) and is_name_token(doc[k]) for k in range(s, i)) \
                    and known_place(gaz, doc[s:i].text, MIN_CONTEXT_CITY_POP):
                out.append((s, i, "hyphen"))
                break
    return out


@lru_cache(maxsize=1)
def dotted_abbreviations() -> frozenset[str]:
    """Area abbreviations written with a period in the alias table ("Ont.", "Ky."): the period is part of them."""
    return frozenset(r["alias"][:-1] for r in read_resource_tsv("place_aliases.tsv") if r["alias"].endswith("."))


def town_area_pairs(doc: Doc, gaz: Gazetteer, free: Callable[[int], bool],
                    is_place: Callable[[int], bool]) -> list[tuple[int, int, str]]:
    """"Churchill, Man.", "Barrie, Ont.", "EDMONTON, Ky": an area (by name or abbreviation) after a comma, and the
    town before it when the gazetteer has that town inside that area (any size: the pair is the evidence); the
    area may be a toponym already (``is_place``), the town may not."""
    out = []
    for c in token_hits(doc, "LOWER", [","]):
        k = c + 1
        if c == 0 or k >= len(doc) or not is_name_token(doc[k]) or not (free(k) or is_place(k)):
            continue
        end = k + 1
        if end < len(doc) and doc[end].text == "." and doc[k].text in dotted_abbreviations():
            end += 1  # "Que." tokenised as "Que" "."
        areas = [a for a in gaz.candidates(doc[k:end].text) if a.how < 2 and a.kind in ("admin1", "country")]
        if not areas or name_key(doc[k:end].text) in COMMON_WORD_AREAS:
            continue
        s = c
        while s > 0 and c - s < 3 and is_name_token(doc[s - 1]) and (free(s - 1) or is_place(s - 1)):
            s -= 1
        if s == c:
            continue
        left_place = all(is_place(i) for i in range(s, c))
        inside = left_place or any(
            t.how < 2 and any(t.country == a.country and (a.kind == "country" or t.admin1 == a.admin1)
                              for a in areas) and t.geonameid not in {a.geonameid for a in areas}
            for t in gaz.candidates(doc[s:c].text))
        if not inside:
            continue
        if not left_place and all(free(i) for i in range(s, c)):
            out.append((s, c, "town-area"))
        if free(k):  # an area the model found already ("Leonard of Ada, Oklahoma") gives only its town
            out.append((k, end, "town-area"))
    return out


def _run_on_name(parts: list[str]) -> bool:
    """"Trump - Wisconsin": the model ran a person's name on over a dash into a place; it names no person."""
    return not all(p[:1].isalpha() for p in parts)


def _home_town_cut(gaz: Gazetteer, name: str) -> str:
    """A person's name without the home town the model ran into it: "Leonard of Ada" → "Leonard" when the part
    after "of" is a gazetteer name (the obituary style "survived by a son, Leonard of Ada, Oklahoma")."""
    head, sep, tail = name.partition(" of ")
    if sep and head and tail[:1].isupper() and any(c.how < 2 for c in gaz.candidates(tail)):
        return head
    return name


def full_name_person_tokens(doc: Doc, gaz: Gazetteer) -> list[bool]:
    """Per token: inside a mention of a person whose name has two or more words and is not itself a known place
    (not "Cairns" nor "Milton Keynes" tagged PERSON)."""
    inside = [False] * len(doc)
    idx: list[int] = []
    text = ""
    starts: dict[int, int] = {}
    for ent in doc._.entities or []:
        name = (ent.get("name") or "").strip()
        if (ent.get("type") or "") not in _PERSON_TYPES or " " not in name or _run_on_name(name.split()) \
                or known_place(gaz, name, MIN_CONTEXT_CITY_POP):
            continue
        if not idx:  # token offsets once per doc, on the first person that needs them
            idx = doc.to_array(IDX).tolist()
            text = doc_text(doc)
            starts = {c: i for i, c in enumerate(idx)}
        for m in ent.get("mentions") or []:
            i = starts.get(m["start"])
            if i is not None and idx[i] + len(doc[i]) >= m["end"] and strong_anywhere(gaz, doc[i].text) \
                    and locative(doc, i, i + 1, lambda k: False):
                continue  # "seen in Victoria" beside a "Racing Victoria" the model took for a person
            end = m["start"] + len(_home_town_cut(gaz, text[m["start"]:m["end"]]))
            while i is not None and i < len(doc) and idx[i] < end:
                inside[i] = True
                i += 1
    return inside


def person_name_words(doc: Doc, gaz: Gazetteer) -> frozenset[str]:
    """Lower-case first and last names of the article's people with full names ("Georgia Stevens" → georgia,
    stevens), unless the full name is itself a place ("Milton Keynes")."""
    names = {(ent.get("name") or "").strip() for ent in doc._.entities or []
             if (ent.get("type") or "") in _PERSON_TYPES}
    names |= {ent.text for ent in doc.ents if ent.label_ in _PERSON_TYPES}  # the model's, if the stage typed it ORG
    words = set()
    for name in names:
        parts = _home_town_cut(gaz, name).split()
        if _run_on_name(parts):
            continue
        if len(parts) >= 2 and not known_place(gaz, name, MIN_CONTEXT_CITY_POP):
            words.update({parts[0].lower(), parts[-1].lower()})
    return frozenset(words)


#: verbs whose subject is a person: a place-named subject of one of them is a surname ("Barnes said")
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "explain", "note", "ask", "write", "recall", "describe"})


def _speaker(token) -> bool:
    return token.dep_ == "nsubj" and token.head.lemma_ in _SPEECH_LEMMAS


def same_name_spans(doc: Doc, names: Iterable[str], blocked: list[bool]) -> list[tuple[int, int]]:
    """Other capitalised mentions of names the article already uses as toponyms ("Aleppo" tagged NORP later)."""
    by_first: dict[str, set[int]] = {}
    for key in names:
        words = key.split()
        if words:
            by_first.setdefault(words[0], set()).add(len(words))
    out: list[tuple[int, int]] = []
    for i in token_hits(doc, "LOWER", by_first):
        if out and i < out[-1][1] or not is_name_token(doc[i]):
            continue
        hit: Optional[tuple[int, int]] = None
        for n in sorted(by_first[doc[i].lower_], reverse=True):
            e = i + n
            compound = (i > 0 and doc[i - 1].text == "-") or (e < len(doc) and doc[e].text == "-")  # "Ebola-Reston"
            if e <= len(doc) and _speaker(doc[i:e].root):
                continue  # "Barnes said": a surname that is also a town, speaking
            if e <= len(doc) and not compound and not any(blocked[i:e]) and name_key(doc[i:e].text) in names \
                    and all(is_name_token(t) or not t.is_alpha for t in doc[i:e]):
                hit = (i, e)
                break
        if hit:
            out.append(hit)
    return out
