"""Train the quote-cue classifier (src/newsevents/resources/quote_cue_model.{npy,json}) on PolNeAR TRAIN.

Data: ../shared/data/polnear/train.jsonl (840 articles, first annotator), parsed with the project's spaCy model
(a DocBin cache: ``--parsed``, made as in scratch/quotes/parse.py; parsed here and cached when missing).
Candidates come from :func:`newsevents.components.quotes_model.candidates` for every verb and noun outside
quotation marks; a candidate is positive when a gold attribution's cue holds the head and its content holds the
complement head (and the subject exactly when the frame takes it: ``s+<dep>``, ``pass-subj``).
Model: logistic regression on CRC-32-hashed features (2^DIM_BITS weights), full-batch Adam with L2, numpy only.

Thresholds are chosen by 5-fold cross-validation over train articles: out-of-fold probabilities are fed to the
quotes stage (``convention="polnear"``) and the verb threshold, then the noun threshold, then the threshold for
keeping an attribution nested in another's content are taken at the best mean source/cue/content exact F1 on
train. Dev is never read. Then the model is refit on all of train and written with those thresholds.

Score (2026-11-25, 840 articles, 104,466 candidates, 16,710 positive; with the boundary chooser of
components/quotes_content.py): train-CV exact F1 source / cue / content 73.3 / 70.2 / 64.2 at thresholds verb
0.25, noun 0.4, nested 0.8 (PolNeAR dev with the model: 75.9 / 71.1 / 63.0, benchmarks/RESULTS.md). 6 min CPU
with the threshold search, 1.5 min with ``--thresholds``.

Run: .venv/bin/python benchmarks/quotes_train.py [--parsed scratch/quotes/train-all.spacy] [--folds 5]
     [--limit N] [--no-write] [--thresholds 0.25,0.4,0.8]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Iterator

import numpy as np
from _common import DATA, ROOT, read_jsonl, scorer

from newsevents.components.quotes_marks import find_quoted
from newsevents.components.quotes_model import (MODEL_META, MODEL_WEIGHTS, DocContext, HashedLR, candidates,
                                                features, indices, subject_before, takes_subject)
from newsevents.components.quotes_rules import inside

DIM_BITS = 18
L2 = 3e-5  # 3-fold candidate log-loss on train: 0.1870 vs 0.1905 at 1e-4, 0.2026 at 3e-4
STEPS = 250
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
NESTED = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def load_docs(arts: list[dict], cache: Path):
    """Parsed train articles (DocBin cache, made when missing), in the order of ``arts``."""
    import spacy
    from spacy.tokens import DocBin

    if not cache.exists():
        from newsevents.pipeline import load_pipeline

        nlp = load_pipeline(stages=())
        db = DocBin(store_user_data=False)
        for d in nlp.pipe([a["text"] for a in arts], batch_size=8):
            db.add(d)
        db.to_disk(cache)
    docs = list(DocBin().from_disk(cache).get_docs(spacy.blank("en").vocab))
    byid = {d.text: d for d in docs}
    return [byid[a["text"]] for a in arts]


def _holds(spans: list[dict], tok) -> bool:
    return any(s["start"] <= tok.idx < s["end"] for s in spans)


def doc_candidates(doc, art: dict):
    """(key, features, label) for each candidate of one article; key = (verb index, frame, complement index)."""
    quoted = find_quoted(doc.text)
    gold = art["annotations"][0]["attributions"]
    out = []
    ctx = DocContext(doc)
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN") or inside(tok.idx, quoted):
            continue
        subj = subject_before(tok)
        for frame, comp in candidates(tok):
            # a two-piece content (subject + complement) is the s+ frame's, not the plain frame's
            label = any(_holds(g["cue"], tok) and _holds(g["content"], comp) and
                        (subj is None or _holds(g["content"], subj) == takes_subject(frame)) for g in gold)
            out.append(((tok.i, frame, comp.i), features(tok, frame, comp, ctx=ctx), label))
    return out


def fit(rows: np.ndarray, cols: np.ndarray, y: np.ndarray, dim: int) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch Adam (``STEPS`` steps, L2 ``L2``) on a sparse 0/1 design given as
    (row, column) pairs."""
    n = len(y)
    w = np.zeros(dim)
    b = 0.0
    m, v = np.zeros(dim + 1), np.zeros(dim + 1)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, STEPS + 1):
        z = b + np.bincount(rows, weights=w[cols], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = (p - y) / n
        grad = np.append(np.bincount(cols, weights=g[rows], minlength=dim) + L2 * w, g.sum())
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        step = lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8)
        w -= step[:-1]
        b -= step[-1]
    return w, b


def design(cands: list, dim: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, cols, y = [], [], []
    for r, (_, feats, label) in enumerate(cands):
        idx = indices(feats, dim)
        rows.extend([r] * len(idx))
        cols.extend(idx)
        y.append(float(label))
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(y)


class _Fixed:
    """A stand-in cue model answering from precomputed (out-of-fold) probabilities."""

    def __init__(self, probs: dict, threshold: float, noun_threshold: float, nested_threshold: float):
        self.probs, self.threshold, self.noun_threshold = probs, threshold, noun_threshold
        self.nested_threshold = nested_threshold

    def score(self, tok, frame, comp, in_quote: bool = False, ctx=None) -> float:
        return self.probs.get((tok.i, frame, comp.i), 0.0)


def evaluate(arts, docs, per_doc_probs: list[dict], thresholds: tuple[float, float, float], sc) -> dict:
    """End-to-end exact scores of the quotes stage (polnear convention) on train with the given probabilities."""
    from newsevents.components.quotes import QuoteExtractor

    preds = predict(arts, docs, lambda i: QuoteExtractor("polnear", _Fixed(per_doc_probs[i], *thresholds)))
    return sc.score(gold_of(arts), preds)


def predict(arts: list[dict], docs: list, stage_for) -> dict:
    """The scorer's predictions per article id: ``stage_for(i)`` (a ``QuoteExtractor``) run on article ``i``'s
    parse, without entities."""
    from quotes import to_attributions

    preds = {}
    for i, (art, doc) in enumerate(zip(arts, docs)):
        doc._.entities = []
        preds[art["id"]] = to_attributions(stage_for(i).extract(doc))
    return preds


def fold_fits(rows: list[tuple], folds: int, dim: int) -> Iterator[tuple[int, np.ndarray, float]]:
    """For each fold ``k``: (k, weights, bias) fitted on the (doc index, key, features, label) rows of the
    articles outside it (doc index % folds != k)."""
    for k in range(folds):
        yield (k, *fit(*design([(key, f, lab) for d, key, f, lab in rows if d % folds != k], dim), dim))


def exact_f1(s: dict) -> list[float]:
    """Exact F1 (percent) of source, cue and content from a scorer result."""
    return [100 * s["exact"][r]["f1"] for r in ("source", "cue", "content")]


def gold_of(arts: list[dict]) -> list[dict]:
    """The scorer's gold (first annotator) for PolNeAR articles."""
    return [{"id": a["id"], "text": a["text"], "attributions": [
        {r: [{"start": s["start"], "end": s["end"]} for s in g[r]] for r in ("source", "cue", "content")}
        for g in a["annotations"][0]["attributions"]]} for a in arts]


def save_model(weights_path: Path, meta_path: Path, w: np.ndarray, meta: dict, t0: float) -> None:
    """Write hashed weights (float16 .npy) and their JSON metadata, and say so."""
    np.save(weights_path, w.astype(np.float16), allow_pickle=False)
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {weights_path} ({weights_path.stat().st_size} bytes) and {meta_path.name} "
          f"({time.time() - t0:.0f} s)")


def train_parser(description: str) -> argparse.ArgumentParser:
    """The options the PolNeAR-train trainers share: --parsed, --folds, --limit, --no-write."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--parsed", type=Path, default=ROOT / "scratch" / "quotes" / "train-all.spacy")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-write", action="store_true")
    return ap


def main() -> int:
    ap = train_parser(__doc__.splitlines()[0])
    ap.add_argument("--thresholds", default=None,
                    help="verb,noun,nested: score the CV at these thresholds only (no search)")
    args = ap.parse_args()
    t0 = time.time()
    arts = list(read_jsonl(DATA / "polnear" / "train.jsonl"))[: args.limit]
    docs = load_docs(arts, args.parsed)
    per_doc = [doc_candidates(d, a) for d, a in zip(docs, arts)]
    dim = 1 << DIM_BITS
    n_cand = sum(len(c) for c in per_doc)
    n_pos = sum(lab for c in per_doc for _, _, lab in c)
    print(f"{len(arts)} train articles, {n_cand} candidates, {n_pos} positive ({time.time() - t0:.0f} s)", flush=True)
    oof: list[dict] = [dict() for _ in per_doc]
    rows = [(i, key, feats, lab) for i, cs in enumerate(per_doc) for key, feats, lab in cs]
    for k, w, b in fold_fits(rows, args.folds, dim):
        model = HashedLR(w, b)
        for i, cs in enumerate(per_doc):
            if i % args.folds == k:
                oof[i] = {key: model.probability(feats) for key, feats, _ in cs}
        print(f"fold {k + 1}/{args.folds} done ({time.time() - t0:.0f} s)", flush=True)
    sc = scorer("quotes_polnear")
    best = None
    # verb threshold first (nouns off, nested attributions dropped), then the noun one, then the nested one
    grid = [(th, 1.0, 2.0) for th in THRESHOLDS] + [(None, th, 2.0) for th in THRESHOLDS] + \
        [(None, None, th) for th in NESTED]
    if args.thresholds:
        grid = [tuple(float(x) for x in args.thresholds.split(","))]
    for th, nth, nest in grid:
        th = best[0][0] if th is None else th
        nth = best[0][1] if nth is None else nth
        s = evaluate(arts, docs, oof, (th, nth, nest), sc)
        ex = exact_f1(s)
        print(f"thresholds verb {th:.2f} noun {nth:.2f} nested {nest:.2f}: train-CV exact F1 source / cue / "
              f"content {ex[0]:.1f} / {ex[1]:.1f} / {ex[2]:.1f} (mean {sum(ex) / 3:.1f})", flush=True)
        if best is None or sum(ex) > best[1]:
            best = ((th, nth, nest), sum(ex), ex)
    (th, nth, nest), _, ex = best
    print(f"chosen thresholds verb {th} noun {nth} nested {nest} (train-CV exact F1 {ex[0]:.1f} / {ex[1]:.1f} / "
          f"{ex[2]:.1f})")
    if args.no_write:
        return 0
    w, b = fit(*design([c for cs in per_doc for c in cs], dim), dim)
    meta = {"what": "quote-cue classifier of newsevents_quotes_v1 (hashed-feature logistic regression, weights in "
                    "quote_cue_model.npy, float16, CRC-32 feature hashing; see components/quotes_model.py)",
            "made_by": "benchmarks/quotes_train.py on PolNeAR train (first annotator), "
                       f"{dt.date.today().isoformat()}",
            "articles": len(arts), "candidates": n_cand, "positives": int(n_pos), "dim": dim, "l2": L2,
            "steps": STEPS, "bias": float(b), "threshold": th, "noun_threshold": nth, "nested_threshold": nest,
            "train_cv_exact_f1": {"source": round(ex[0], 1), "cue": round(ex[1], 1), "content": round(ex[2], 1)}}
    save_model(MODEL_WEIGHTS, MODEL_META, w, meta, t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
