"""Ingest: anything → :class:`Article` (canonical text + metadata). The only place that knows HTML, feeds or files.

The text an Article carries is canonical: every offset anywhere else points into it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import httpx


@dataclass
class Article:
    """One input turned into article text, or into the coded errors that stopped it.

    Attributes:
        text: Canonical body text ("" when ``errors`` is not empty).
        meta: :class:`newsevents.record.Meta` fields (title, standfirst, published, outlet, author, language, url).
        source: :class:`newsevents.record.Source` fields (id, url, path, feed).
        removed_boilerplate: Lines dropped from the body (promos, related headlines, credit lines), in order.
        warnings: ``{code, stage, message}`` rows; processing goes on.
        errors: ``{code, stage, message}`` rows; a non-empty list makes this an error row, not processed further.
    """

    text: str = ""
    meta: dict = field(default_factory=dict)
    source: dict = field(default_factory=dict)
    removed_boilerplate: list[str] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the article has text to process."""
        return not self.errors


def read_inputs(target: str, published: str | None = None,
                transport: httpx.BaseTransport | None = None) -> tuple[bool, Iterator[Article]]:
    """Read a file, directory, JSONL file, URL or ``-`` (stdin) into Articles; see :func:`.sources.read_inputs`."""
    from .sources import read_inputs as _read_inputs

    return _read_inputs(target, published=published, transport=transport)


def __getattr__(name: str):
    # the readers import Article from here, so they are exposed lazily to avoid an import cycle
    lazy = {"clean_text": ".text", "extract_html": ".html", "fetch_url": ".fetch", "from_item": ".jsonl",
            "detect_language": ".language"}
    if name in lazy:
        import importlib

        return getattr(importlib.import_module(lazy[name], __name__), name)
    raise AttributeError(name)


__all__ = ["Article", "clean_text", "detect_language", "extract_html", "fetch_url", "from_item", "read_inputs"]
