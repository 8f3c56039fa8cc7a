"""What looks like a toponym and is not, for ``newsevents_places_v1``: a disease named after a place ("Marburg
virus"), a saint's building ("St. Peter's Square"), an acronym that only matches towns ("BA" is not Ba, Fiji), a
news outlet or a person's title named like a town ("Xinhua", "the Pope"), an unknown name that names a titled
person, a holiday or a pathogen ("Ms Raggi", "Easter", "Ebolavirus"), a relative or a degree ("his wife, Nina",
"Murphy, M.D.").
Each was measured on TR-News and GeoVirus, end to end, with recall and Acc@161 unchanged (see
benchmarks/RESULTS.md, Places): the disease's other mentions, GeoVirus P 89.3 -> 89.5; the acronyms, P TR-News
91.0 -> 91.5 and GeoVirus 89.5 -> 89.6; the saints' buildings, TR-News P 91.5 -> 91.9; outlets and titles
("Xinhua reported", "the Pope"; they had been listed as common words), TR-News P 91.9 -> 92.0, GeoVirus 3 false
positives fewer; unknown names of other things, TR-News P 92.0 -> 92.8, GeoVirus 89.6 -> 90.2; relatives and
degrees, TR-News P 92.8 -> 93.4."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from ..gazetteer.build import name_key
from ..gazetteer.lookup import Gazetteer
from .entities_lexicon import actor_lexicon, token_hits
from .places_recall import is_name_token
from .places_regions import region_points
from .places_streets import is_building, is_street
from .places_words import place_words
from .times_lexicon import lexicon as time_lexicon

#: words after a place name that make it the name of a disease or a pathogen
_DISEASE_WORDS = place_words("disease_words")
#: words after a disease word that make the place a place again ("the United States flu season")
_SEASON_WORDS = frozenset({"season", "seasons"})
#: words that open a saint's name ("St. Peter's Square")
_SAINT_WORDS = frozenset({"St.", "St", "Saint", "Ste.", "Sainte"})
#: the possessive token ("London's Heathrow", "St. Peter's")
POSSESSIVE = ("'s", "\u2019s")
#: an unknown name that ends like a pathogen's or a disease's ("Ebolavirus", "Filoviridae", "Meningitis") or is an
#: influenza subtype ("H5N1")
_DISEASE_NAME = re.compile(r"(?:virus|viridae|itis|osis)$|^H\d{1,2}N\d{1,2}$", re.IGNORECASE)
#: academic degrees written after a name ("Charles Murphy, M.D.,"), not the area of the same key (Md., Maryland)
DEGREES = place_words("degrees")
#: nouns of kinship: "his wife, Nina,", "His daughters, Malia and Sasha," name relatives
KIN_WORDS = place_words("kin_words")
#: kinds of the entities stage's sector phrases that are a person's title or role ("pope", "premier", "bishop")
_TITLE_KINDS = ("TITLE", "LEADER", "ROLE")


def has_disease_word(doc: Doc) -> bool:
    """Whether any word of the article is a disease word: without one no name in it names a disease (most news
    articles have none, and :func:`names_a_disease` reads several Tokens per span)."""
    return bool(token_hits(doc, "LOWER", _DISEASE_WORDS))


def names_a_disease(doc: Doc, start: int, end: int) -> bool:
    """"Marburg virus", "Ebola-Reston strain", "Rift Valley fever": a disease named after a place, not the place."""
    i = end
    while i < len(doc) and i < end + 3 and (doc[i].text == "-" or is_name_token(doc[i])):
        i += 1  # "Ebola-Reston virus": skip the rest of the compound name
    if i > end and doc[end].text != "-":
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in _SEASON_WORDS:
        return False  # "the United States flu season": the country's season of the disease
    return i < len(doc) and doc[i].lower_ in _DISEASE_WORDS or (
        start > 0 and doc[start - 1].text == "-" and end < len(doc) and doc[end].lower_ in _DISEASE_WORDS)


def disease_names(doc: Doc) -> set[str]:
    """Keys of the names written right before a disease word anywhere in the article ("the Ebola virus" tagged
    nothing or ORG as a whole; one to three name words)."""
    out = set()
    for i in token_hits(doc, "LOWER", _DISEASE_WORDS):
        s = i
        while s > 0 and i - s < 3 and is_name_token(doc[s - 1]):
            s -= 1
        if s < i and names_a_disease(doc, s, i):  # not "the United States flu season"
            out.add(name_key(doc[s:i].text))
    return out


def saints_building(doc: Doc, s: int, e: int) -> bool:
    """"St. Peter's Square", "St. Michael's Hospital", "officials at St. Paul's": a saint's name (tokens [s, e))
    with a possessive names a church, a school or a hospital, not the town of that name (unless a place follows:
    "St. John's, Newfoundland")."""
    if e - s < 2 or doc[s].text not in _SAINT_WORDS or e >= len(doc) or doc[e].lower_ not in POSSESSIVE:
        return False
    return not (e + 1 < len(doc) and doc[e + 1].text == ",")


def town_acronym(gaz: Gazetteer, text: str, source: str) -> bool:
    """An upper-case mention of three letters or fewer that names no country, first-level area, region or known
    unresolvable place: an acronym ("BA cabin crew", "the UN") that only matches towns ("Ba", Fiji; "Un", India).
    Datelines stay ("ROME —")."""
    return text.isupper() and len(text) <= 3 and source != "dateline" \
        and not any(c.kind in ("country", "admin1", "continent") for c in gaz.candidates(text)) \
        and name_key(text) not in region_points() and not gaz.unresolvable_reason(text)


def _title_word(lower: str) -> bool:
    """A person's title or role word of the entities stage's lexicon ("pope", "ms", "king")."""
    sectors = actor_lexicon().sectors
    return any(lower in sectors.get(k, ()) for k in _TITLE_KINDS)


def outlet_or_title(doc: Doc, s: int, e: int, kind: Optional[str]) -> bool:
    """A news outlet's name ("Xinhua reported", "according to Kyodo"; the entities stage's outlet table) unless
    the words around it make it an area ("Fars province": ``kind``, see ``places_detect.kind_hint``), or one word
    that is a person's title or role (the entities stage's title words) after "the" or before a name ("the Pope",
    "Pope Tawadros"; not "Bishop, Calif."): the outlet or the person, not the town of that name (Xinhua, China;
    Pope, Latvia)."""
    if kind is None and doc[s:e].text in actor_lexicon().outlets:
        return True
    if e - s != 1 or not _title_word(doc[s].lower_):
        return False
    return (s > 0 and doc[s - 1].lower_ == "the") or (e < len(doc) and is_name_token(doc[e]) and doc[e].pos_ == "PROPN")


def time_word(text: str) -> bool:
    """Whether a text is a season, month, weekday or holiday name of the times lexicon ("Spring", "May")."""
    lex, key = time_lexicon(), text.lower()
    return key in lex.season or key in lex.month or key in lex.weekday or key in lex.holiday


def unknown_name(gaz: Gazetteer, text: str) -> bool:
    """A name with no gazetteer entry, no hand-written region point and no known-unresolvable entry."""
    return not gaz.candidates(text) and not gaz.unresolvable_reason(text) and name_key(text) not in region_points()


def named_thing(doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
    """An unknown name (see :func:`unknown_name`; not a street or a building) that names something else: a person
    with a title ("Ms Raggi", "King Bach"), a holiday ("Easter"; the times stage's holidays), a pathogen or a
    disease ("Ebolavirus", "Meningitis", "H5N1"). The model tags such names GPE or LOC; a known place name is left
    to the other rules."""
    text = doc[s:e].text
    if not unknown_name(gaz, text) or is_street(text) or is_building(text):
        return False
    if _DISEASE_NAME.search(text) or text.lower() in time_lexicon().holiday:
        return True
    return e - s >= 2 and _title_word(doc[s].lower_)


def relative_named(doc: Doc, s: int, e: int) -> bool:
    """A name in apposition to a noun of kinship ("survived by his wife, Nina, of Paris", "His daughters, Malia
    and Sasha"): a relative, not the town of that name (Neenah, Mália); looks back over other names of the list.
    Also a degree after a name and a comma ("Charles Murphy, M.D.,"): the person's, not Maryland."""
    if s > 0 and doc[s - 1].text == "," and doc[s:e].text in DEGREES:
        return True
    i = s - 1
    while i >= 1 and (doc[i].lower_ in ("and", ",") or is_name_token(doc[i])) and s - i <= 6:
        if doc[i].text == "," and doc[i - 1].lower_ in KIN_WORDS:
            return True
        i -= 1
    return False
