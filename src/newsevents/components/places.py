"""``newsevents_places_v1``: fills ``doc._.places`` (see :class:`newsevents.record` for the item shape).

Not built yet: the stage runs and leaves its layer empty.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import stage_call


class PlaceResolver:
    """Stage ``places``."""

    @stage_call("places")
    def __call__(self, doc: Doc) -> Doc:
        doc._.places = []
        return doc


@Language.factory("newsevents_places_v1", requires=["doc.ents", "doc._.entities"], assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> PlaceResolver:
    """Factory for :class:`PlaceResolver`."""
    return PlaceResolver()
