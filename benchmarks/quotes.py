"""Quote attribution on PolNeAR dev: exact-span and token-overlap P/R/F1 for source, cue and content.

Scored with the shared scorer ../shared/scorers/quotes_polnear.py (``score(gold, predicted)``, first annotator,
spans trimmed of whitespace and punctuation). Our quotes are converted one to one: speaker → source, cue → cue,
content → content. The stage runs with ``convention="polnear"`` (content keeps the complementizer "that", the cue
leaves out the addressee, as PolNeAR's annotators did) and, for comparison, with the default convention.

Run: .venv/bin/python benchmarks/quotes.py [--limit N] [--split dev] [--baseline] [--parsed CACHE.spacy]
  --baseline  also run the scorer's own naive reporting-verb rule (per paragraph, as the scorer does)
  --parsed    reuse a DocBin of spaCy parses (only the quotes stage is then run: no entities; for quick iteration)
  --lexicon   with --parsed: the lexicon rules instead of the trained cue model (convention polnear)
  --speed N   instead: CPU time of each pipeline component over N news-corpus docs (what quotes add;
              with --convention polnear: the cue-model path)
"""
from __future__ import annotations

import argparse
import sys
import time

from _common import DATA, read_jsonl, scorer

ROLES = ("source", "cue", "content")


def to_attributions(quotes: list[dict]) -> list[dict]:
    """Our ``doc._.quotes`` items in the scorer's attribution format."""
    out = []
    for q in quotes:
        att = {"source": [], "cue": [], "content": [{"start": q["content"]["start"], "end": q["content"]["end"]}]}
        if q.get("speaker"):
            att["source"].append({"start": q["speaker"]["start"], "end": q["speaker"]["end"]})
        if q.get("cue"):
            att["cue"].append({"start": q["cue"]["start"], "end": q["cue"]["end"]})
        out.append(att)
    return out


def run_pipeline(arts: list[dict], convention: str) -> tuple[dict, float, float]:
    """Our full pipeline on each article; returns (predictions, CPU seconds total, CPU seconds in the quotes
    stage)."""
    from newsevents.pipeline import load_pipeline

    nlp = load_pipeline()
    quotes = nlp.get_pipe("quotes")
    quotes.convention = convention
    preds, t_quotes = {}, 0.0
    t0 = time.process_time()
    for art in arts:
        doc = nlp.make_doc(art["text"])
        doc._.meta = {"published": art.get("publication_date")}
        for name, proc in nlp.pipeline:
            t1 = time.process_time()
            doc = proc(doc)
            if name == "quotes":
                t_quotes += time.process_time() - t1
        preds[art["id"]] = to_attributions(doc._.quotes or [])
    return preds, time.process_time() - t0, t_quotes


def run_parsed(arts: list[dict], cache: str, convention: str, lexicon: bool = False) -> tuple[dict, float, float]:
    """Only the quotes stage, on cached parses."""
    import spacy
    from spacy.tokens import DocBin

    from newsevents.components.quotes import QuoteExtractor

    docs = list(DocBin().from_disk(cache).get_docs(spacy.blank("en").vocab))
    byid = {d.text: d for d in docs}
    stage = QuoteExtractor(convention, False if lexicon else None)
    preds, t0 = {}, time.process_time()  # CPU time, as run_pipeline and the printed "CPU s" say
    for art in arts:
        doc = byid[art["text"]]
        doc._.entities = []
        preds[art["id"]] = to_attributions(stage.extract(doc))
    took = time.process_time() - t0
    return preds, took, took


def run_baseline(arts: list[dict], sc) -> dict:
    """The scorer's naive rule, per paragraph, on the same spaCy model."""
    import spacy

    nlp = spacy.load(sc.SPACY_MODEL)
    preds = {}
    for art in arts:
        items = sc.paragraphs(art["text"])
        preds[art["id"]] = []
        for (off, _), doc in zip(items, nlp.pipe([p for _, p in items])):
            preds[art["id"]].extend(sc.rule_baseline(doc, off, {}))
    return preds


def speed(n: int, convention: str | None = None) -> None:
    """CPU time per doc of each pipeline component over ``n`` news-corpus docs: what the quotes stage adds.

    Every component is timed on every doc (``time.process_time``, not wall time: the machine is shared); then
    the batched ``nlp.pipe`` is timed with and without the stage (``nlp.select_pipes(disable=["quotes"])``).
    """
    from newsevents.pipeline import load_pipeline

    nlp = load_pipeline()
    if convention:
        nlp.get_pipe("quotes").convention = convention
    texts = [d["text"] for d, _ in zip(read_jsonl(DATA / "news-corpus" / "docs.jsonl"), range(n))]
    list(nlp.pipe(texts[:3]))  # warm up (gazetteer, lexicons)
    per = {name: 0.0 for name in nlp.pipe_names}
    make = 0.0
    for text in texts:
        t0 = time.process_time()
        doc = nlp.make_doc(text)
        make += time.process_time() - t0
        for name, proc in nlp.pipeline:
            t1 = time.process_time()
            doc = proc(doc)
            per[name] += time.process_time() - t1
    total = make + sum(per.values())
    without = total - per["quotes"]
    print(f"{len(texts)} news-corpus docs, CPU ms/doc: " + ", ".join(
        f"{name} {1000 * t / len(texts):.1f}" for name, t in [("tokenizer", make), *per.items()]))
    print(f"per-doc calls: pipeline {1000 * total / len(texts):.1f} ms/doc with quotes, "
          f"{1000 * without / len(texts):.1f} without; quotes add {100 * per['quotes'] / without:.1f} %")
    took: dict[str, list[float]] = {"with": [], "without": []}
    for label in ("with", "without", "with", "without"):  # batched nlp.pipe, best of two
        with nlp.select_pipes(disable=[] if label == "with" else ["quotes"]):
            t0 = time.process_time()
            for _ in nlp.pipe(texts, batch_size=16):
                pass
            took[label].append(time.process_time() - t0)
    with_q, no_q = min(took["with"]), min(took["without"])
    print(f"nlp.pipe + select_pipes: {1000 * with_q / len(texts):.1f} ms/doc with quotes, "
          f"{1000 * no_q / len(texts):.1f} without; quotes add {100 * (with_q - no_q) / no_q:.1f} %")


def row(name: str, s: dict) -> str:
    cells = [f"{100 * s['exact'][r]['p']:.1f} / {100 * s['exact'][r]['r']:.1f} / **{100 * s['exact'][r]['f1']:.1f}**"
             for r in ROLES]
    cells += [f"{100 * s['token'][r]['f1']:.1f}" for r in ROLES]
    a = s["attr"]
    return f"| {name} | " + " | ".join(cells) + f" | {100 * a['recall']:.1f} | {100 * a['spk_acc_strict']:.1f} |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--parsed", default=None)
    ap.add_argument("--convention", default=None, help="only this convention (polnear or newsevents)")
    ap.add_argument("--speed", type=int, default=None)
    ap.add_argument("--lexicon", action="store_true", help="with --parsed: the lexicon rules, not the cue model")
    args = ap.parse_args()
    if args.speed:
        speed(args.speed, args.convention)
        return 0
    sc = scorer("quotes_polnear")
    path = DATA / "polnear" / f"{args.split}.jsonl"
    arts = list(read_jsonl(path))[: args.limit]
    ids = {a["id"] for a in arts}
    gold = [g for g in sc.load_gold(str(path), "first") if g["id"] in ids]
    print(f"PolNeAR {args.split}: {len(gold)} articles, {sum(len(g['attributions']) for g in gold)} attributions "
          "(first annotator)")
    print("| system | source exact P/R/F1 | cue exact P/R/F1 | content exact P/R/F1 | source tok F1 | cue tok F1 | "
          "content tok F1 | attr R | spk acc |")
    print("|---|---|---|---|---|---|---|---|---|")
    conventions = [args.convention] if args.convention else ["polnear", "newsevents"]
    for conv in conventions:
        preds, took, t_q = run_parsed(arts, args.parsed, conv, args.lexicon) if args.parsed else run_pipeline(arts, conv)
        print(row(f"newsevents quotes ({conv} convention)", sc.score(gold, preds)), flush=True)
        print(f"<!-- {conv}: {took:.1f} CPU s total, quotes stage {t_q:.2f} s ({100 * t_q / took:.1f} %) -->",
              flush=True)
    if args.baseline:
        print(row("scorer's naive rule baseline", sc.score(gold, run_baseline(arts, sc))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
