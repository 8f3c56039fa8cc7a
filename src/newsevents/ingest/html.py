"""HTML → Article: main text with trafilatura, page metadata, then the same promo-line cleaning as plain text."""
from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Optional

from . import Article
from .decode import decode_bytes
from .finish import check_size, finish, keep_known
from .text import clean_text
from ..errors import Code, InputError, error_item

logger = logging.getLogger(__name__)

#: trafilatura options. ``include_comments=False``: reader comments are not the article (0.953 → 0.960 F1 on a
#: 181-page news benchmark in findings.md). ``favor_precision`` was measured on the trafilatura evaluation corpus
#: (benchmarks/RESULTS.md): it trades recall for precision there, so we keep the balanced default.
EXTRACT_OPTIONS: dict = {"include_comments": False, "include_tables": True, "include_formatting": False,
                         "favor_precision": False}

_PUBLISHED_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="date"]/@content',
    '//time[@itemprop="datePublished"]/@datetime',
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _iso(value: str) -> Optional[str]:
    """An ISO 8601 string for a date-time value found in the page, or None if it does not parse as ISO."""
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _published(tree, html: str, date: Optional[str]) -> Optional[str]:
    """The publication date: the page's own ISO date-time if it agrees with trafilatura's (htmldate) date.

    htmldate gives only ``YYYY-MM-DD``; ``article:published_time`` and JSON-LD ``datePublished`` usually carry
    the time and zone, which anchors "on Monday" better for articles published near midnight.
    """
    found: list[str] = []
    if tree is not None:
        for xpath in _PUBLISHED_XPATHS:
            found.extend(str(v) for v in tree.xpath(xpath))
    found.extend(_JSONLD_DATE.findall(html[:200_000]))
    for value in found:
        iso = _iso(value)
        if iso and (date is None or iso.startswith(date)):
            return iso
    return date


def _link_texts(tree) -> set[str]:
    """Whitespace-normalised texts of the page's links with at least 4 words (related-story headline candidates)."""
    texts = set()
    for anchor in tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text.split()) >= 4:
            texts.add(text)
    return texts


def _parse_tree(html: str):
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except Exception:  # lxml raises several types on hopeless markup; treated as "no body" below
        logger.debug("lxml could not parse the page", exc_info=True)
        return None


def extract_html(html: str | bytes, url: Optional[str] = None, *, clean: bool = True,
                 options: Optional[dict] = None) -> Article:
    """Extract the article from a web page.

    Args:
        html: The page, as text or as bytes in any encoding (decoded with the page's declared charset, UTF-8 or
            charset detection).
        url: Where the page came from (recorded as ``source.url``; helps trafilatura resolve metadata).
        clean: Also drop in-body promo and navigation lines (:func:`newsevents.ingest.text.clean_text`).
        options: trafilatura ``bare_extraction`` options replacing :data:`EXTRACT_OPTIONS` (benchmarks).

    Returns:
        An Article with the main text and ``meta`` (title, published ISO 8601, outlet from the site name, author,
        canonical url, language); or an error Article: E102 binary, E103 undecodable, E104 no article body,
        E105 too large, E101 nothing left after cleaning. Never raises for bad content.
    """
    source = {"url": url} if url else {}
    warnings: list[dict] = []
    if not html or not html.strip():
        return Article(source=source, errors=[error_item(Code.E101, "ingest")])
    try:
        if isinstance(html, bytes):
            check_size(len(html))
            html, warnings = decode_bytes(html, html=True)
        else:
            check_size(len(html.encode("utf-8", "surrogatepass")))
    except InputError as exc:
        return Article(source=source, errors=[exc.to_item()])
    return _extract(html, url, source, warnings, clean, options)


def _extract(html: str, url: Optional[str], source: dict, warnings: list[dict], clean: bool,
             options: Optional[dict]) -> Article:
    import trafilatura

    tree = _parse_tree(html)
    if tree is None or not "".join(tree.itertext()).strip():
        return Article(source=source, warnings=warnings, errors=[error_item(Code.E104, "ingest")])
    opts = {**EXTRACT_OPTIONS, **(options or {})}
    try:
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                          date_extraction_params={"original_date": True, "extensive_search": True},
                                          **opts)
    except Exception as exc:  # trafilatura bugs on odd pages must not stop a batch
        logger.warning("trafilatura failed on %s: %s", url or "page", exc)
        doc = None
    body = (doc.text if doc is not None else "") or ""
    if not body.strip():
        return Article(source=source, warnings=warnings, errors=[error_item(Code.E104, "ingest")])
    meta = keep_known({
        "title": doc.title, "published": _published(tree, html, doc.date), "outlet": doc.sitename,
        "author": doc.author, "url": doc.url or url,
    })
    removed: list[str] = []
    if clean:
        text, found, removed = clean_text(body, headline=False, lines_are_paragraphs=True,
                                          link_texts=_link_texts(tree))
        for key, value in found.items():
            meta.setdefault(key, value)
    else:
        text = "\n\n".join(" ".join(line.split()) for line in body.split("\n") if line.strip())
    article = Article(text=text, meta=meta, source=source, removed_boilerplate=removed, warnings=warnings)
    return finish(article)

