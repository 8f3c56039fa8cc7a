"""Shared helpers for the benchmark scripts: where the shared dev data and scorers are, JSONL reading."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
#: ``NEWSEVENTS_DATA`` points at the shared dev data (default ``../shared/data`` beside the repository).
DATA = Path(os.environ.get("NEWSEVENTS_DATA", ROOT.parent / "shared" / "data"))
#: ``NEWSEVENTS_SCORERS`` points at the shared scorers (default ``../shared/scorers``).
SCORERS = Path(os.environ.get("NEWSEVENTS_SCORERS", ROOT.parent / "shared" / "scorers"))


def scorer(module: str):
    """Import one of the shared scorer modules by name (e.g. ``quotes_polnear``)."""
    if str(SCORERS) not in sys.path:
        sys.path.insert(0, str(SCORERS))
    return __import__(module)


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield the JSON objects of a JSONL file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
