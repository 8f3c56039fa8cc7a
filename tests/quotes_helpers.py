"""Helpers shared by the quotes stage's test modules (imported as ``quotes_helpers``; not a conftest)."""
from __future__ import annotations


def span(text: str, part: str | None, after: int = 0) -> tuple[int, int] | None:
    """Exact (start, end) of ``part`` in ``text`` (searched from ``after``); None for None."""
    if part is None:
        return None
    start = text.index(part, after)
    return start, start + len(part)


def extract(nlp, text: str, convention: str) -> list[dict]:
    """The quotes stage's items for ``text`` parsed by ``nlp``, in the given convention."""
    from newsevents.components.quotes import QuoteExtractor

    return QuoteExtractor(convention).extract(nlp(text))


def offsets(item: dict | None) -> tuple[int, int] | None:
    """(start, end) of a quote's content, cue or speaker dict (None for None)."""
    return None if item is None else (item["start"], item["end"])


def by_content(quotes: list[dict], text: str, content: str) -> dict | None:
    """The first quote whose content is exactly ``content`` (its first occurrence in ``text``), else None."""
    want = span(text, content)
    return next((q for q in quotes if offsets(q["content"]) == want), None)
