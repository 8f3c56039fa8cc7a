"""``newsevents_normalize_v1``: typographic apostrophes and quote marks normalised for the model.

The canonical text is never changed: only ``Token.norm_`` is set (the statistical components read NORM), so
"Putin’s" and "Putin's" look the same to the tagger, parser and NER while every offset stays as it was.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# ’ ‘ ‛ ′ → '   “ ” „ ‟ ″ « » → "
_TABLE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                        "\u00ab": '"', "\u00bb": '"'})
_MARKS = frozenset("\u2019\u2018\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb")


class Normalizer:
    """Set NORM of tokens holding typographic marks to their ASCII form."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if _MARKS.intersection(token.text):
                token.norm_ = token.norm_.translate(_TABLE)
        return doc


@Language.factory("newsevents_normalize_v1", assigns=["token.norm"])
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    """Factory for :class:`Normalizer`; must run before ``tok2vec``."""
    return Normalizer()
