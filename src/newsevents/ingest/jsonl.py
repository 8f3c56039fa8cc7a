"""JSON Lines input: one article per line, ``{id?, text | html, url?, published?, title?, outlet?, author?}``.

Conventions (what :func:`read_jsonl` promises):

* exactly one Article per line, in file order, so that output row N answers input line N (``wc -l`` of both
  agree); a line that holds only whitespace becomes an error Article E106; line numbers are 1-based, as an editor
  shows them;
* a line that is not a JSON object, or has neither a string ``text`` nor a string ``html``, becomes an error
  Article E106; a line over ``settings.max_bytes`` becomes E105 without being read into memory whole;
* ``source.id`` is the item's ``id`` (as a string), or the line number when the item has none, so that two bad
  lines without ids still give two distinct records; ``source.path`` is the file; ``source.url`` the item's url;
* when an item has both ``text`` and ``html``, ``text`` is the article and ``html`` is ignored;
* metadata given in the item (title, published, outlet, author) wins over what ingest finds in the text or page.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterator, Optional

from . import Article
from ..config import get_settings
from ..errors import Code, InputError, error_item
from .decode import binary_kind
from .finish import check_size, from_text, guarded, keep_known, make_source

logger = logging.getLogger(__name__)

_ITEM_META = ("title", "published", "outlet", "author", "standfirst")


def _bad(detail: str, line: Optional[int], source: dict) -> Article:
    where = line if line is not None else "(item)"
    return Article(source=source, errors=[error_item(Code.E106, "ingest", line=where, detail=detail)])


def from_item(item: dict, line: Optional[int] = None) -> Article:
    """Turn one input item into an Article; never raises for bad content.

    Args:
        item: ``{id?, text | html, url?, published?, title?, outlet?, author?}``.
        line: The item's 1-based line number in its JSONL file, for messages and ``source``.

    Returns:
        The Article, or an error Article (E106 for a malformed item, E101/E102/E103/E104/E105 from the content).
    """
    source = make_source(id=item.get("id") if isinstance(item, dict) else None, line=line)
    return guarded(lambda: _from_item(item, line), source)


def _from_item(item: dict, line: Optional[int]) -> Article:
    if not isinstance(item, dict):
        return _bad(f"expected a JSON object, got {type(item).__name__}", line, make_source(line=line))
    item_id = item.get("id")
    if item_id is None and line is not None:
        item_id = line
    url = item.get("url") if isinstance(item.get("url"), str) else None
    source = make_source(id=item_id, url=url, line=line)
    given = keep_known({k: (str(item[k]) if item.get(k) is not None else None) for k in _ITEM_META})
    text, html = item.get("text"), item.get("html")
    if isinstance(text, str):
        try:
            check_size(len(text.encode("utf-8", "surrogatepass")))
        except InputError as exc:
            return Article(source=source, meta=given, errors=[exc.to_item()])
        return from_text(text, source=source, meta=given)
    if isinstance(html, str):
        from .html import extract_html

        article = extract_html(html, url=url)
        article.source = {**article.source, **source}
        article.meta = {**article.meta, **given}
        return article
    present = [k for k in ("text", "html") if k in item]
    detail = (f"'{present[0]}' must be a string" if present else "missing 'text' or 'html'")
    return _bad(detail, line, source)


def _too_long_line(handle, first: bytes) -> int:
    """Skip the rest of an over-long line; returns its full length in bytes."""
    size = len(first)
    chunk = first
    while chunk and not chunk.endswith(b"\n"):
        chunk = handle.readline(1 << 20)
        size += len(chunk)
    return size


def read_jsonl(path: Path, published: Optional[str] = None) -> Iterator[Article]:
    """Yield one Article per line of a JSONL file (see the module docstring for the conventions).

    Args:
        path: The .jsonl file.
        published: Publication date for items that carry none.
    """
    limit = get_settings().max_bytes
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Article(source=make_source(path=path),
                      errors=[error_item(Code.E107, "ingest", detail=f"{path}: {exc.strerror}")])
        return
    with handle:
        kind = binary_kind(handle.read(8192))
        if kind:
            yield Article(source=make_source(path=path), errors=[error_item(Code.E102, "ingest", detail=kind)])
            return
        handle.seek(0)
        number = 0
        while True:
            raw = handle.readline(limit + 1)
            if not raw:
                break
            number += 1
            source = make_source(path=path, id=number, line=number)
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = _too_long_line(handle, raw)
                yield Article(source=source, errors=[error_item(Code.E105, "ingest", size=size, limit=limit)])
                continue
            if not raw.strip():
                yield Article(source=source, errors=[error_item(Code.E106, "ingest", line=number, detail="empty line")])
                continue
            yield guarded(lambda: _line_article(raw, number, path, published), source)


def _line_article(raw: bytes, number: int, path: Path, published: Optional[str]) -> Article:
    source = make_source(path=path, id=number, line=number)
    try:
        item = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _bad("the line is not UTF-8", number, source)
    except ValueError as exc:
        return _bad(f"not valid JSON ({exc.msg} at column {exc.colno})", number, source)
    article = from_item(item, line=number)
    article.source = {**article.source, **make_source(path=path)}
    if published and not article.meta.get("published"):
        article.meta["published"] = published
    return article
