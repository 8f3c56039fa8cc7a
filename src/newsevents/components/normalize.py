"""``newsevents_normalize_v1``: typographic apostrophes and quote marks normalised for the model.

The canonical text is never changed. The statistical components read NORM, PREFIX, SUFFIX and SHAPE; for a token with a
typographic mark the stage sets its NORM, and its lexeme's NORM/PREFIX/SUFFIX/SHAPE, to those of the ASCII form, so
"didn’t" and "didn't" look the same to the tagger, parser and NER (measured: without this "n’t" was tagged NN, not
RB) while the token's text and every offset stay as they were.
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
    """Make tokens holding typographic marks look like their ASCII form to the model."""

    def __init__(self) -> None:
        self._done: set[int] = set()  # lexemes already aligned in this vocab

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab
        for token in doc:
            if not _MARKS.intersection(token.text):
                continue
            token.norm_ = token.norm_.translate(_TABLE)
            if token.orth not in self._done:
                lex, ascii_lex = vocab[token.orth], vocab[token.text.translate(_TABLE)]
                lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = (
                    ascii_lex.norm_, ascii_lex.prefix_, ascii_lex.suffix_, ascii_lex.shape_)
                self._done.add(token.orth)
        return doc


@Language.factory("newsevents_normalize_v1", assigns=["token.norm", "token.shape", "token.prefix", "token.suffix"])
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    """Factory for :class:`Normalizer`; must run before ``tok2vec``."""
    return Normalizer()
