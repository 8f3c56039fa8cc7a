"""Metonymy for ``newsevents_places_v1``: a place that stands for its government or people.

"Moscow said…", "Washington and Beijing agreed…", "Syria rejected…": a country or capital that is the subject of
a speech or action verb (``resources/place_metonymy_verbs.tsv``) is flagged ``metonymic``; it stays a place.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..gazetteer.build import read_resource_tsv

#: only places of these kinds speak for a state ("Geneva said" is rare; "Texas sued" is a state government, kept)
METONYMIC_KINDS = frozenset({"country", "admin1"})


@lru_cache(maxsize=1)
def metonymy_verbs() -> frozenset[str]:
    """Lemmas of verbs whose subject, if a country or capital, stands for its government."""
    return frozenset(row["lemma"] for row in read_resource_tsv("place_metonymy_verbs.tsv"))


def _subject_verb(doc: Doc, start: int, end: int):
    """The verb whose subject (possibly through a conjunction) is the token span, or None."""
    span = doc[start:end]
    root = span.root
    token = root
    while token.dep_ == "conj" and token.head.i != token.i:  # "Moscow and Beijing said": climb to the first conjunct
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    return None


def is_metonymic(doc: Doc, start: int, end: int, kind: str, feature: str | None) -> bool:
    """Whether the place in tokens ``start:end`` is used for its government ("Moscow warned…").

    Args:
        doc: The parsed Doc.
        start, end: Token span of the toponym.
        kind: Gazetteer kind of the resolved place (country, admin1, city, …).
        feature: GeoNames feature (``P.PPLC`` marks a capital).
    """
    if kind not in METONYMIC_KINDS and feature != "P.PPLC":
        return False
    verb = _subject_verb(doc, start, end)
    if verb is None:
        return False
    return verb.lemma_.lower() in metonymy_verbs()
