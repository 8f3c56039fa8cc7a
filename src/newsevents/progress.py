"""Progress bars on stderr (rich), shown only when stderr is a terminal and not turned off with ``--quiet``."""
from __future__ import annotations

import sys
from typing import Iterable, Iterator, Optional, TypeVar

T = TypeVar("T")


def track(items: Iterable[T], description: str, total: Optional[int] = None, enabled: bool = True) -> Iterator[T]:
    """Yield from ``items`` with a progress bar on stderr when enabled and stderr is a TTY."""
    if not (enabled and sys.stderr.isatty()):
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    # rich shows the bar only after it has been up for a moment, so sub-second runs print nothing visible
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
