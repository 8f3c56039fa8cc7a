"""Ingest: anything → :class:`Article` (canonical text + metadata). The only place that knows HTML, feeds or files.

The text an Article carries is canonical: every offset anywhere else points into it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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
