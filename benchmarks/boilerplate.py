"""Body-text extraction quality: ours (newsevents.ingest.extract_html) against plain trafilatura.

Default: the trafilatura evaluation corpus (../shared/data/trafilatura-eval, 990 pages, mostly German), scored
with trafilatura's own protocol: for each page up to 6 "with" segments (must be in the text) and 6 "without"
segments (boilerplate that must not be), a segment counts as present when its whitespace-normalised form is a
substring of the whitespace-normalised extraction; precision/recall/accuracy/F1 over all segments of all pages.
Our extraction is run on every page whatever its language (non-English pages only get warning W101; their text is
kept), so the numbers measure body text only.

``--aeb DATA`` instead scores HTML + gold-body pairs (JSONL, optionally gzipped, lines ``{id, html,
article_body}``: the article-extraction-benchmark layout) with the shared AEB scorer
(../shared/scorers/boilerplate_aeb.py ``score``: word 4-gram shingle P/R/F1 per page, averaged).

Usage::

    .venv/bin/python benchmarks/boilerplate.py [--limit N] [--systems ours,trafilatura_default,...]
    .venv/bin/python benchmarks/boilerplate.py --aeb path/to/data.jsonl.gz [--limit N]
    .venv/bin/python benchmarks/boilerplate.py --seed-example   # promo lines of ../shared/examples/*.txt
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, read_jsonl, scorer  # noqa: E402

EVAL_DIR = DATA / "trafilatura-eval"
MAX_SEGMENTS = 6  # per side per page, as trafilatura's evaluation


def _trafilatura(**options) -> Callable[[bytes], Optional[str]]:
    def run(page: bytes) -> Optional[str]:
        import trafilatura

        return trafilatura.extract(page, **options)
    return run


def _ours(**kwargs) -> Callable[[bytes], Optional[str]]:
    def run(page: bytes) -> Optional[str]:
        from newsevents.ingest.html import extract_html

        article = extract_html(page, **kwargs)
        return article.text if article.ok else None
    return run


SYSTEMS: dict[str, Callable[[bytes], Optional[str]]] = {
    "trafilatura_default": _trafilatura(),                          # library defaults (comments kept)
    "trafilatura_nocomments": _trafilatura(include_comments=False),
    "ours": _ours(),                                                # extract_html as shipped
    "ours_no_promo_cleaning": _ours(clean=False),
    "ours_favor_precision": _ours(options={"favor_precision": True}),
    "ours_favor_recall": _ours(options={"favor_recall": True}),
}
DEFAULT_SYSTEMS = "trafilatura_default,trafilatura_nocomments,ours,ours_no_promo_cleaning,ours_favor_precision"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def segment_counts(item: dict, result: Optional[str]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page under trafilatura's protocol."""
    with_, without = item["with"][:MAX_SEGMENTS], item["without"][:MAX_SEGMENTS]
    extracted = _norm(result) if isinstance(result, str) else None
    tp = sum(1 for s in with_ if extracted is not None and _norm(s) in extracted)
    fp = sum(1 for s in without if extracted is not None and _norm(s) in extracted)
    return tp, fp, len(with_) - tp, len(without) - fp


def scores(tp: int, fp: int, fn: int, tn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    return {"precision": precision, "recall": recall, "accuracy": (tp + tn) / total if total else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0}


def run_eval_corpus(systems: list[str], limit: Optional[int]) -> None:
    items = list(read_jsonl(EVAL_DIR / "index.jsonl"))[:limit]
    pages = [gzip.decompress((EVAL_DIR / item["html_path"]).read_bytes()) for item in items]
    print(f"trafilatura-eval: {len(items)} pages, "
          f"{sum(min(len(i['with']), 6) for i in items)} text / {sum(min(len(i['without']), 6) for i in items)}"
          " boilerplate segments")
    print(f"{'system':<26}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'errors':>8}{'ms/page':>9}")
    for name in systems:
        fn = SYSTEMS[name]
        totals = [0, 0, 0, 0]
        errors = 0
        fn(pages[0])  # untimed warm-up: imports and lazy model loading are not extraction time
        started = time.perf_counter()
        for item, page in zip(items, pages):
            try:
                result = fn(page)
            except Exception as exc:  # a crash counts as a full miss, as in trafilatura's evaluation
                print(f"  {name} crashed on {item['file']}: {exc}", file=sys.stderr)
                result, errors = None, errors + 1
            for k, v in enumerate(segment_counts(item, result)):
                totals[k] += v
        ms = (time.perf_counter() - started) * 1000 / max(1, len(items))
        s = scores(*totals)
        print(f"{name:<26}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['accuracy']:>7.3f}"
              f"{errors:>8}{ms:>9.1f}", flush=True)


def run_aeb(path: Path, systems: list[str], limit: Optional[int]) -> None:
    aeb = scorer("boilerplate_aeb")
    rows = aeb.load_data(str(path))[:limit]
    gold = {r["id"]: {"articleBody": r["article_body"]} for r in rows}
    print(f"AEB-style data {path}: {len(rows)} pages")
    print(f"{'system':<26}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'ms/page':>9}")
    for name in systems:
        fn = SYSTEMS[name]
        fn(rows[0]["html"].encode("utf-8"))  # untimed warm-up
        started = time.perf_counter()
        predicted = {}
        for row in rows:
            html = row["html"]
            try:
                predicted[row["id"]] = {"articleBody": fn(html.encode("utf-8") if isinstance(html, str) else html)}
            except Exception as exc:
                print(f"  {name} crashed on {row['id']}: {exc}", file=sys.stderr)
                predicted[row["id"]] = {"articleBody": None}
        ms = (time.perf_counter() - started) * 1000 / max(1, len(rows))
        m = aeb.score(gold, predicted, n_bootstrap=200)
        print(f"{name:<26}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['accuracy']:>7.3f}{ms:>9.1f}",
              flush=True)


def check_examples() -> bool:
    """Clean each ../shared/examples/*.txt and compare with its .expected.yaml ``boilerplate_removed`` and outlet."""
    import yaml

    from newsevents.ingest.text import clean_text

    all_ok = True
    for path in sorted((DATA.parent / "examples").glob("*.txt")):
        expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text("utf-8"))["article"]
        text, meta, removed = clean_text(path.read_text("utf-8"))
        gold = [" ".join(line.split()) for line in expected.get("boilerplate_removed", [])]
        lost = [p for p in gold if p not in removed]
        extra = [p for p in removed if p not in gold]
        ok = not lost and not extra and meta.get("outlet") == expected.get("outlet")
        all_ok &= ok
        print(f"{path.name}: {'OK' if ok else 'FAIL'}  removed {len(removed)}/{len(gold)}  "
              f"paragraphs {len(text.split(chr(10) * 2))}  meta {meta}")
        for line in lost:
            print(f"  not removed: {line!r}")
        for line in extra:
            print(f"  removed but real text: {line!r}")
    return all_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--systems", default=DEFAULT_SYSTEMS, help=f"comma-separated, from: {', '.join(SYSTEMS)}")
    parser.add_argument("--aeb", type=Path, default=None, help="score HTML+gold JSONL with the shared AEB scorer")
    parser.add_argument("--seed-example", action="store_true", help="check promo removal on ../shared/examples")
    args = parser.parse_args()
    if args.seed_example:
        sys.exit(0 if check_examples() else 1)
    systems = [s for s in args.systems.split(",") if s]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown systems {unknown}")
    if args.aeb:
        run_aeb(args.aeb, systems, args.limit)
    else:
        run_eval_corpus(systems, args.limit)


if __name__ == "__main__":
    main()
