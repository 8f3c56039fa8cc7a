"""URL → Article through httpx, with an injectable transport (tests use ``httpx.MockTransport``; no network).

Timeouts (``settings.fetch_timeout``), redirects (at most 10), a streaming size limit (``settings.fetch_max_bytes``,
checked against ``Content-Length`` first and then while reading, so a huge page is never held in memory) and the
charset from the ``Content-Type`` header. Every failure is an error Article: E121 (network or protocol), E122 (HTTP
status ≥ 400), E123 (timeout), E105 (too large), E102 (not HTML or text).
"""
from __future__ import annotations

import logging
from typing import Optional

import httpx

from . import Article
from ..config import get_settings
from ..errors import Code, InputError, error_item
from .decode import decode_bytes, looks_like_html
from .finish import from_text, make_source

logger = logging.getLogger(__name__)

_MAX_REDIRECTS = 10
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


def _fail(url: str, code: Code, **fields: object) -> Article:
    return Article(source=make_source(url=url), errors=[error_item(code, "ingest", url=url, **fields)])


def fetch_url(url: str, transport: Optional[httpx.BaseTransport] = None, timeout: Optional[float] = None,
              max_bytes: Optional[int] = None) -> Article:
    """Fetch a page and extract its article.

    Args:
        url: An http(s) address.
        transport: An httpx transport to use instead of the network (e.g. ``httpx.MockTransport``).
        timeout: Seconds for connect/read/write/pool each; ``settings.fetch_timeout`` by default.
        max_bytes: Largest body accepted; ``settings.fetch_max_bytes`` by default.

    Returns:
        The Article (``source.url`` the address asked for, ``meta.url`` the page's canonical or final address), or
        an error Article. Never raises for network or content problems.
    """
    settings = get_settings()
    timeout = settings.fetch_timeout if timeout is None else timeout
    max_bytes = settings.fetch_max_bytes if max_bytes is None else max_bytes
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    try:
        with httpx.Client(transport=transport, timeout=httpx.Timeout(timeout), follow_redirects=True,
                          max_redirects=_MAX_REDIRECTS, headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    return _fail(url, Code.E122, status=response.status_code)
                body = _read_limited(response, max_bytes)
                final_url = str(response.url)
                content_type = response.headers.get("content-type", "")
                charset = response.charset_encoding
    except InputError as exc:
        return Article(source=make_source(url=url), errors=[exc.to_item()])
    except httpx.TimeoutException:
        return _fail(url, Code.E123, timeout=timeout)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        return _fail(url, Code.E121, detail=f"{type(exc).__name__}: {exc}")
    return _to_article(url, final_url, body, content_type, charset)


def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(Code.E105, size=int(declared), limit=max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(Code.E105, size=size, limit=max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _to_article(url: str, final_url: str, body: bytes, content_type: str, charset: Optional[str]) -> Article:
    from .html import extract_html

    mime = content_type.split(";")[0].strip().lower()
    if mime and not (mime in _HTML_TYPES or mime in _TEXT_TYPES or mime.startswith("text/")):
        return Article(source=make_source(url=url),
                       errors=[error_item(Code.E102, "ingest", detail=f"content type {mime}")])
    try:
        text, warnings = decode_bytes(body, charset=charset, html=mime != "text/plain")
    except InputError as exc:
        return Article(source=make_source(url=url), errors=[exc.to_item()])
    if mime in _HTML_TYPES or (mime != "text/plain" and looks_like_html(text)):
        article = extract_html(text, url=final_url)
        article.warnings = [*warnings, *article.warnings]
        article.source = make_source(url=url)
        if final_url != url:
            article.meta.setdefault("url", final_url)
        return article
    return from_text(text, source=make_source(url=url), warnings=warnings)
