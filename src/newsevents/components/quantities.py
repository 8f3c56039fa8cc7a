"""``newsevents_quantities_v1``: fills ``doc._.quantities`` (see :class:`newsevents.record` for the item shape).

Not built yet: the stage runs and leaves its layer empty.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import stage_call


class QuantityTagger:
    """Stage ``quantities``."""

    @stage_call("quantities")
    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = []
        return doc


@Language.factory("newsevents_quantities_v1", requires=["doc.ents", "token.dep", "doc._.times"], assigns=["doc._.quantities"])
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    """Factory for :class:`QuantityTagger`."""
    return QuantityTagger()
