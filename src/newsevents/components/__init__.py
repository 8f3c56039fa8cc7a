"""newsevents' spaCy components, one module per extraction stage.

Each stage registers ``newsevents_<stage>_v1`` with what it requires and assigns, writes span layers
(``doc.spans["<stage>…"]``) and one list of plain dicts on ``doc._.<stage>`` that :func:`newsevents.record.from_doc`
validates. :func:`stage_call` is the shared guard: a stage that raises on one article records error E202 on that
article and leaves its layer empty, so the other stages and the batch go on; stages skip non-English text.
"""
from __future__ import annotations

import functools
import logging
import threading
from typing import Callable

from spacy.tokens import Doc

from ..errors import Code, error_item
from ..record import register_extensions

logger = logging.getLogger(__name__)

register_extensions()


#: One-slot cache of the text of the Doc being processed, per thread (the API runs extractions in a thread pool, and
#: two slots written one after the other could pair one article's Doc with another's text). ``Doc.text`` joins every
#: token on each access, and the rules of several stages read the text around each match (quantities on 60 news
#: articles: 38 s with ``doc.text``, well under 1 s cached). Stages run one Doc at a time per thread.
_TEXT_CACHE = threading.local()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (stages read it instead of ``doc.text`` in loops)."""
    cached = getattr(_TEXT_CACHE, "last", None)
    if cached is not None and cached[0] is doc:
        return cached[1]
    text = doc.text
    _TEXT_CACHE.last = (doc, text)
    return text


def is_english(doc: Doc) -> bool:
    """Whether the English stages should run: language unknown or ``en``."""
    lang = (doc._.meta or {}).get("language")
    return lang in (None, "", "en")


def stage_call(stage: str) -> Callable[[Callable[..., Doc]], Callable[..., Doc]]:
    """Decorate a component's ``__call__``: skip non-English docs, turn a crash into error E202 on the doc."""

    def wrap(method: Callable[..., Doc]) -> Callable[..., Doc]:
        @functools.wraps(method)
        def call(self: object, doc: Doc) -> Doc:
            if not is_english(doc):
                setattr(doc._, stage, [])
                return doc
            try:
                return method(self, doc)
            except Exception as exc:  # one article's failure must not stop the batch
                logger.exception("stage %s failed", stage)
                setattr(doc._, stage, [])
                doc._.errors = [*(doc._.errors or []),
                                error_item(Code.E202, stage, detail=f"{type(exc).__name__}: {exc}")]
                return doc

        return call

    return wrap
