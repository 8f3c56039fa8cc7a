"""``newsevents_quotes_v1``: fills ``doc._.quotes`` (see :class:`newsevents.record` for the item shape).

Not built yet: the stage runs and leaves its layer empty.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import stage_call


class QuoteExtractor:
    """Stage ``quotes``."""

    @stage_call("quotes")
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("newsevents_quotes_v1", requires=["token.dep", "doc.ents", "doc._.entities"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    """Factory for :class:`QuoteExtractor`."""
    return QuoteExtractor()
