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


def news_docs(n_docs: int) -> list[dict]:
    """The first ``n_docs`` non-empty news-corpus articles as ``{text, published}`` (the speed-test texts)."""
    out = []
    for row in read_jsonl(DATA / "news-corpus" / "docs.jsonl"):
        if row.get("text", "").strip():
            out.append({"text": row["text"], "published": row.get("publication_date")})
        if len(out) >= n_docs:
            break
    return out


def stage_share(stage: str, n_docs: int = 200) -> str:
    """CPU time of one stage against the whole pipeline over news-corpus articles, as a printable line.

    The pipeline runs batched with the stage disabled (``select_pipes``); then the stage alone runs over the same
    Docs. CPU time (``time.process_time``), not wall time, so other load on a shared machine does not count.
    """
    import time

    from newsevents.pipeline import build_pipeline

    nlp = build_pipeline()
    rows = news_docs(n_docs)

    def docs():
        for row in rows:
            doc = nlp.make_doc(row["text"])
            doc._.meta = {"published": row["published"], "language": "en"}
            yield doc

    list(nlp.pipe(list(docs())[:5]))  # warm-up: lexicons, patterns, the gazetteer opened once
    with nlp.select_pipes(disable=[stage]):
        t0 = time.process_time()
        done = list(nlp.pipe(docs(), batch_size=32))
        rest = time.process_time() - t0
    proc = nlp.get_pipe(stage)
    t0 = time.process_time()
    for doc in done:
        proc(doc)
    alone = time.process_time() - t0
    return (f"{len(done)} news-corpus docs: pipeline without {stage} {rest:.2f} s CPU, {stage} alone {alone:.2f} s "
            f"= {100 * alone / (rest + alone):.1f} % of pipeline time ({1000 * alone / len(done):.1f} ms/doc)")
