"""``newsevents_times_v1``: fills ``doc._.times`` (see :class:`newsevents.record` for the item shape).

Not built yet: the stage runs and leaves its layer empty.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import stage_call


class TimeTagger:
    """Stage ``times``."""

    @stage_call("times")
    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc


@Language.factory("newsevents_times_v1", requires=["doc.ents", "token.tag"], assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> TimeTagger:
    """Factory for :class:`TimeTagger`."""
    return TimeTagger()
