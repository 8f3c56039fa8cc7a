"""Targets → Articles: one file, a directory, a JSONL file, a URL or standard input; read lazily, in order."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Optional

import httpx

from . import Article
from ..config import get_settings
from ..errors import Code, InputError, error_item
from .decode import decode_bytes, looks_like_html
from .finish import check_size, from_text, guarded, make_source

logger = logging.getLogger(__name__)

#: File suffixes read as one article each, and how.
ARTICLE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
#: File suffixes read as many articles.
BATCH_SUFFIXES = {".jsonl": "jsonl"}


def is_url(target: str) -> bool:
    """Whether a target is an http(s) address."""
    return target.lower().startswith(("http://", "https://"))


def _with_published(article: Article, published: Optional[str]) -> Article:
    if published and article.ok and not article.meta.get("published"):
        article.meta["published"] = published
    return article


def _article_from_bytes(data: bytes, kind: str, source: dict, published: Optional[str]) -> Article:
    """Decode and extract one article's bytes; ``kind`` is ``text``, ``html`` or ``sniff`` (stdin)."""
    from .html import extract_html

    try:
        text, warnings = decode_bytes(data, html=kind != "text")
    except InputError as exc:
        return Article(source=source, errors=[exc.to_item()])
    if kind == "html" or (kind == "sniff" and looks_like_html(text)):
        article = extract_html(text)
        article.source = {**article.source, **source}
        article.warnings = [*warnings, *article.warnings]
        return _with_published(article, published)
    return from_text(text, source=source, warnings=warnings, published=published)


def read_file(path: Path, published: Optional[str] = None) -> Article:
    """One .txt/.html/.htm file → Article (E105 is decided from the file size, before reading it)."""
    return guarded(lambda: _read_file(path, published), make_source(path=path))


def _read_file(path: Path, published: Optional[str]) -> Article:
    source = make_source(path=path)
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return Article(source=source, errors=[error_item(Code.E108, "ingest", detail=repr(str(path)))])
    try:
        check_size(path.stat().st_size)
        data = path.read_bytes()
    except InputError as exc:
        return Article(source=source, errors=[exc.to_item()])
    except OSError as exc:
        return Article(source=source, errors=[error_item(Code.E107, "ingest", detail=f"{path}: {exc.strerror}")])
    return _article_from_bytes(data, kind, source, published)


def read_stream(stream: BinaryIO, published: Optional[str] = None) -> Article:
    """Standard input (or any byte stream) → Article; HTML or plain text is decided by sniffing the start."""
    return guarded(lambda: _read_stream(stream, published), make_source(path="-"))


def _read_stream(stream: BinaryIO, published: Optional[str]) -> Article:
    limit = get_settings().max_bytes
    data = stream.read(limit + 1)
    source = make_source(path="-")
    if len(data) > limit:
        return Article(source=source, errors=[error_item(Code.E105, "ingest", size=len(data), limit=limit)])
    return _article_from_bytes(data, "sniff", source, published)


def _directory_files(root: Path) -> list[Path]:
    suffixes = {**ARTICLE_SUFFIXES, **BATCH_SUFFIXES}
    files = [p for p in root.rglob("*") if p.suffix.lower() in suffixes and p.is_file()
             and not any(part.startswith(".") for part in p.relative_to(root).parts)]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def _read_directory(root: Path, published: Optional[str]) -> Iterator[Article]:
    from .jsonl import read_jsonl

    for path in _directory_files(root):
        if path.suffix.lower() in BATCH_SUFFIXES:
            yield from read_jsonl(path, published)
        else:
            yield read_file(path, published)


def _one(make: Callable[[], Article]) -> Iterator[Article]:
    yield make()


def read_inputs(target: str, published: Optional[str] = None,
                transport: Optional[httpx.BaseTransport] = None) -> tuple[bool, Iterator[Article]]:
    """Read a target into Articles.

    Args:
        target: A .txt/.html/.htm file, a .jsonl file, a directory of those (recursive, sorted by relative path;
            hidden files and other suffixes skipped), an http(s) URL, or ``-`` for standard input.
        published: Publication date (ISO 8601) for articles whose input carries none.
        transport: httpx transport for URL targets (tests pass ``httpx.MockTransport``).

    Returns:
        ``(single, articles)``: ``single`` is True when the target is one article (a file, URL or stdin);
        ``articles`` is a lazy iterator, one Article per input article in order, error Articles included
        (E107 missing path, E108 unsupported file).
    """
    if target == "-":
        return True, _one(lambda: read_stream(sys.stdin.buffer, published))
    if is_url(target):
        from .fetch import fetch_url

        return True, _one(lambda: guarded(lambda: _with_published(fetch_url(target, transport=transport), published),
                                          make_source(url=target)))
    path = Path(target)
    if path.is_dir():
        return False, _read_directory(path, published)
    if not path.exists():
        source = make_source(path=target)
        return True, iter([Article(source=source, errors=[error_item(Code.E107, "ingest",
                                                                     detail=f"{target}: no such file")])])
    if path.suffix.lower() in BATCH_SUFFIXES:
        from .jsonl import read_jsonl

        return False, read_jsonl(path, published)
    return True, _one(lambda: read_file(path, published))
