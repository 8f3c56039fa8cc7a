"""Steps every input shares once it is text: the size limit, the empty check, language, the published date."""
from __future__ import annotations

import logging
from typing import Callable, Optional

from . import Article
from ..config import get_settings
from ..errors import Code, InputError, error_item
from .language import detect_language
from .text import clean_text

logger = logging.getLogger(__name__)

#: Fields of :class:`newsevents.record.Meta` and :class:`newsevents.record.Source` that ingest may fill.
META_KEYS = ("title", "standfirst", "published", "outlet", "author", "language", "url")


def _source_keys() -> tuple[str, ...]:
    from ..record import Source

    return tuple(Source.model_fields)


def keep_known(meta: dict, keys: tuple[str, ...] = META_KEYS) -> dict:
    """``meta`` without empty values and without keys the record does not have."""
    out = {}
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str):
            value = " ".join(value.split())
        if value not in (None, ""):
            out[key] = value
    return out


def make_source(**fields: object) -> dict:
    """A source dict with only the fields :class:`newsevents.record.Source` knows."""
    known = _source_keys()
    out = {k: (str(v) if hasattr(v, "__fspath__") else v) for k, v in fields.items()
           if k in known and v not in (None, "")}
    if "id" in out:
        out["id"] = str(out["id"])
    return out


def check_size(size: int, limit: Optional[int] = None) -> None:
    """Raise E105 when an input of ``size`` bytes is over ``limit`` (``settings.max_bytes`` by default)."""
    limit = get_settings().max_bytes if limit is None else limit
    if size > limit:
        raise InputError(Code.E105, size=size, limit=limit)


def finish(article: Article, published: Optional[str] = None) -> Article:
    """Complete an Article: E101 if it has no text, ``meta.language`` (+ W101 if not English), ``published``.

    Args:
        article: An Article fresh from one of the readers (error Articles pass through unchanged).
        published: Publication date to set when the input gave none.
    """
    if published and not article.meta.get("published"):
        article.meta["published"] = published
    if not article.ok:
        article.text = ""
        return article
    if not article.text.strip():
        article.text = ""
        article.errors = [error_item(Code.E101, "ingest")]
        return article
    language, _confidence = detect_language(article.text)
    article.meta["language"] = language
    if language != "en" and not any(w["code"] == Code.W101.name for w in article.warnings):
        article.warnings.append(error_item(Code.W101, "ingest", language=language))
    return article


def from_text(raw: str, source: Optional[dict] = None, meta: Optional[dict] = None,
              warnings: Optional[list[dict]] = None, published: Optional[str] = None) -> Article:
    """An Article from plain text: cleaned (:func:`clean_text`), metadata merged, finished (:func:`finish`).

    Metadata given by the caller (``meta``) wins over what the text itself shows (headline, credit line).
    """
    text, found, removed = clean_text(raw)
    merged = {**found, **keep_known(meta or {})}
    article = Article(text=text, meta=merged, source=dict(source or {}), removed_boilerplate=removed,
                      warnings=list(warnings or []))
    return finish(article, published)


def guarded(make: Callable[[], Article], source: dict) -> Article:
    """Run one input's reader; an unexpected exception becomes error E109 on that input instead of ending a batch."""
    try:
        return make()
    except Exception as exc:  # one input's failure must not stop a batch (the error row says it is a bug)
        logger.exception("ingest failed on %s", source)
        return Article(source=dict(source), errors=[error_item(Code.E109, "ingest",
                                                               detail=f"{type(exc).__name__}: {exc}")])
