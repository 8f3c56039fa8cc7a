"""Times benchmark: TempEval-3 Task A (TIMEX3 extraction + normalisation) on TimeBank and AQUAINT.

Runs the times stage (model + ``newsevents_times_v1``) over ``../shared/data/tempeval3/train_{timebank,aquaint}.jsonl``
with each document's DCT as the publication date, and scores with the shared scorer ``times_te3.score``: strict and
relaxed span P/R/F1, type accuracy, value accuracy and value F1 (TE3's ranking score), per corpus and together.

Usage:
    .venv/bin/python benchmarks/times.py [--limit N] [--baseline] [--errors N] [--speed N] [--seed]

``--baseline`` also runs the scorer's own spaCy+dateparser baseline for comparison; ``--speed N`` measures the
CPU share of the stage in the full pipeline over N news-corpus documents; ``--seed`` checks the seed article's
times (``../shared/examples/syria-withdrawal``) against its expected YAML.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, scorer, stage_share  # noqa: E402

CORPORA = ("timebank", "aquaint")


def run_stage(nlp, docs: dict) -> dict:
    """Predicted timexes per doc id: the stage run with the DCT as publication date."""
    from newsevents.record import register_extensions

    register_extensions()
    ids = list(docs)
    inputs = []
    for doc_id in ids:
        doc = nlp.make_doc(docs[doc_id]["text"])
        doc._.meta = {"published": docs[doc_id]["dct"] or None, "language": "en"}
        inputs.append(doc)
    pred = {}
    for doc_id, doc in zip(ids, nlp.pipe(inputs, batch_size=16)):
        pred[doc_id] = [{"start": t["start"], "end": t["end"], "type": t["type"], "value": t["value"] or ""}
                        for t in (doc._.times or [])]
    return pred


SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "examples" / "syria-withdrawal"


def seed_check(nlp) -> str:
    """The seed article's times against its expected YAML (read from the shared examples, never copied): an
    expected time counts when a predicted one inside its text has its value (and modifier, when one is given)."""
    import datetime as dt

    import yaml

    exp = yaml.safe_load(SEED.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    from newsevents.record import register_extensions

    register_extensions()
    doc = nlp.make_doc(text)
    doc._.meta = {"published": str(exp["article"]["published"]), "language": "en"}
    got = nlp(doc)._.times
    bad = []
    for e in exp["times"]:
        value = e["value"].isoformat() if isinstance(e["value"], dt.date) else str(e["value"])
        norm = e["text"].replace("’", "'")
        if not any(t["text"].replace("’", "'") in norm and t["value"] == value
                   and (e.get("modifier") is None or t["mod"] == e["modifier"]) for t in got):
            bad.append(f"{e['text']!r} {value}")
    n = len(exp["times"])
    return f"seed times: {n - len(bad)}/{n} right" + (f"; wrong: {', '.join(bad)}" if bad else "")


def row(name: str, m: dict) -> str:
    """One table row (percentages)."""
    return (f"| {name} | {m['strict_p']*100:.1f} | {m['strict_r']*100:.1f} | {m['strict_f1']*100:.1f} | "
            f"{m['relaxed_p']*100:.1f} | {m['relaxed_r']*100:.1f} | {m['relaxed_f1']*100:.1f} | "
            f"{m['type_accuracy']*100:.1f} | {m['value_accuracy']*100:.1f} | {m['value_f1']*100:.1f} | "
            f"{m['n_pred']}/{m['n_gold']} |")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="documents per corpus (0 = all)")
    ap.add_argument("--baseline", action="store_true", help="also run the scorer's spaCy+dateparser baseline")
    ap.add_argument("--errors", type=int, default=0, help="print up to N error lines")
    ap.add_argument("--speed", type=int, default=0, help="time the stage over N news-corpus docs")
    ap.add_argument("--seed", action="store_true", help="also check the seed article's times (shared examples)")
    args = ap.parse_args(argv)

    te3 = scorer("times_te3")
    from newsevents.pipeline import build_pipeline

    nlp = build_pipeline(stages=("times",))
    gold_all, docs_all, pred_all, base_all = {}, {}, {}, {}
    rows = []
    baseline = te3.SpacyDateparserBaseline() if args.baseline else None
    for corpus in CORPORA:
        gold, docs = te3.load_gold(DATA / "tempeval3" / f"train_{corpus}.jsonl")
        if args.limit:
            keep = list(gold)[:args.limit]
            gold = {k: gold[k] for k in keep}
            docs = {k: docs[k] for k in keep}
        t0 = time.perf_counter()
        pred = run_stage(nlp, docs)
        secs = time.perf_counter() - t0
        rows.append(row(f"newsevents, {corpus}", te3.score(gold, pred)))
        gold_all.update(gold)
        docs_all.update(docs)
        pred_all.update(pred)
        print(f"{corpus}: {len(docs)} docs in {secs:.1f}s", file=sys.stderr)
        if baseline:
            base = {k: baseline.predict(d["text"], d["dct"]) for k, d in docs.items()}
            base_all.update(base)
            rows.append(row(f"scorer baseline (spaCy+dateparser), {corpus}", te3.score(gold, base)))
    rows.append(row("newsevents, both", te3.score(gold_all, pred_all)))
    if baseline:
        rows.append(row("scorer baseline (spaCy+dateparser), both", te3.score(gold_all, base_all)))
    print("| system, corpus | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type acc | "
          "value acc | value F1 | pred/gold |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if args.errors:
        print("\n".join(te3._errors(gold_all, docs_all, pred_all, args.errors)))
    if args.seed:
        print(seed_check(nlp))
    if args.speed:
        print(stage_share("times", args.speed))


if __name__ == "__main__":
    main()
