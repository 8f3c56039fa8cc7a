"""``newsevents_entities_v1``: fills ``doc._.entities`` (see :class:`newsevents.record` for the item shape).

Not built yet: the stage runs and leaves its layer empty.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import stage_call


class EntityLinker:
    """Stage ``entities``."""

    @stage_call("entities")
    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = []
        return doc


@Language.factory("newsevents_entities_v1", requires=["doc.ents", "token.dep", "token.tag"], assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str) -> EntityLinker:
    """Factory for :class:`EntityLinker`."""
    return EntityLinker()
