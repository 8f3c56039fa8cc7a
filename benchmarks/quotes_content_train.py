"""Train the content-span chooser (src/newsevents/resources/quote_content_model.{npy,json}) on PolNeAR TRAIN.

Data: ../shared/data/polnear/train.jsonl (840 articles, first annotator), parses cached as for
benchmarks/quotes_train.py (``--parsed``). The quotes stage (``convention="polnear"``, committed cue model) runs on
each article with a recording chooser: every clause attribution's candidate contents
(:func:`newsevents.components.quotes_content.content_candidates`) are kept; a candidate is positive when its span,
trimmed as the scorer trims, is a gold content span of the article. Attributions with no positive candidate are
left out of training (nothing to rank). Model: the cue model's hashed logistic regression (``quotes_train.fit``);
the chooser takes each attribution's highest-scoring candidate.

Measured by 5-fold cross-validation over train articles: out-of-fold scores drive the stage end to end, exact
F1 of source / cue / content on train against the rules' spans. Dev is never read. Then the model is refit on
all of train and written.

Run: .venv/bin/python benchmarks/quotes_content_train.py [--parsed scratch/quotes/train-all.spacy] [--folds 5]
     [--limit N] [--no-write]
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from typing import Iterable

from _common import DATA, read_jsonl, scorer
import quotes_train
from quotes_train import (design, exact_f1, fit, fold_fits, gold_of, load_docs, predict, save_model,
                          train_parser)

from newsevents.components.quotes import QuoteExtractor
from newsevents.components.quotes_content import CONTENT_META, CONTENT_WEIGHTS, ContentModel, best_offset

DIM_BITS = 18
L2 = 1e-5  # 5-fold train CV content exact F1: 66.9 at 1e-5, 66.8 at 3e-6 and 1e-4; third pass 67.5 at 1e-5 and 3e-5,
#           67.3 at 3e-6


class _Recorder:
    """A chooser that keeps the rule's offsets and records every choice it is offered, keyed by (doc, cue
    token, side): content start "S" and end "E" (:func:`quotes_content.choose_content`), cue start "K" and end
    "C" (:func:`quotes_content.choose_cue`), as the choosers name the side."""

    def __init__(self):
        self.doc_i = 0
        self.groups: dict[tuple[int, int, str], tuple[str, list]] = {}

    def best(self, cue, rule, cands, side):
        self.groups[(self.doc_i, cue.i, side)] = (rule, cands)
        return cands[0][0]


class _Fixed:
    """A chooser answering from precomputed (out-of-fold) scores keyed by (doc, cue, side, offset)."""

    def __init__(self, scores: dict):
        self.scores, self.doc_i = scores, 0

    def best(self, cue, rule, cands, side):
        return best_offset(cands, lambda off, _: self.scores.get((self.doc_i, cue.i, side, off), 0.0))


def _targets(sc, art: dict, groups: dict, doc_i: int, cue_tokens: Iterable[int]) -> dict:
    """The gold offset each recorded choice should make, per (doc, cue token, side), for the cue tokens
    ``cue_tokens`` of article ``doc_i``: the content's start and end of the gold content overlapping the rule's
    most; the cue's of the gold cue holding the cue token."""
    text = art["text"]
    gold = art["annotations"][0]["attributions"]
    contents = [x for x in (sc.norm_span(text, s["start"], s["end"]) for g in gold for s in g["content"]) if x]
    out = {}
    d = doc_i
    for cue_i in cue_tokens:
        if (d, cue_i, "S") in groups and (d, cue_i, "E") in groups:
            rule = sc.norm_span(text, groups[(d, cue_i, "S")][1][0][0], groups[(d, cue_i, "E")][1][0][0])
            overlap = [(min(g[1], rule[1]) - max(g[0], rule[0]), g) for g in contents] if rule else []
            overlap = [o for o in overlap if o[0] > 0]
            if overlap:
                target = max(overlap)[1]
                out[(d, cue_i, "S")], out[(d, cue_i, "E")] = target
        if (d, cue_i, "K") in groups and (d, cue_i, "C") in groups:
            # the gold cue holding the rule cue's first or last character
            first, last = groups[(d, cue_i, "K")][1][0][0], groups[(d, cue_i, "C")][1][0][0] - 1
            cues = [x for x in (sc.norm_span(text, s["start"], s["end"]) for g in gold for s in g["cue"]
                                if s["start"] <= first < s["end"] or s["start"] <= last < s["end"]) if x]
            if cues:
                out[(d, cue_i, "K")], out[(d, cue_i, "C")] = min(cues, key=lambda c: c[1] - c[0])
    return out


def _run(arts, docs, chooser) -> dict:
    stage = QuoteExtractor("polnear", content_model=chooser)

    def stage_for(i: int) -> QuoteExtractor:
        if chooser is not False:
            chooser.doc_i = i
        return stage

    return predict(arts, docs, stage_for)


def main() -> int:
    ap = train_parser(__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args()
    t0 = time.time()
    quotes_train.L2 = args.l2
    sc = scorer("quotes_polnear")
    arts = list(read_jsonl(DATA / "polnear" / "train.jsonl"))[: args.limit]
    docs = load_docs(arts, args.parsed)
    gold = gold_of(arts)
    base = exact_f1(sc.score(gold, _run(arts, docs, False)))
    rec = _Recorder()
    _run(arts, docs, rec)
    cues_of: dict[int, set[int]] = {}  # the recorded cue tokens per article, gathered once (not per article)
    for d, c, _ in rec.groups:
        cues_of.setdefault(d, set()).add(c)
    targets: dict = {}
    for i, art in enumerate(arts):
        targets.update(_targets(sc, art, rec.groups, i, cues_of.get(i, ())))
    rows = []  # (doc index, key, features, label) per candidate offset of a choice that has a right one
    counts: dict = {}
    for (doc_i, cue_i, side), (rule, cands) in rec.groups.items():
        want = targets.get((doc_i, cue_i, side))
        if want is None:
            continue
        text = arts[doc_i]["text"]
        lemma = docs[doc_i][cue_i].lemma_
        at_start = side in "SK"
        norm = [(sc.norm_span(text, off, len(text)) if at_start else sc.norm_span(text, 0, off)) for off, _ in cands]
        labels = [x is not None and x[0 if at_start else 1] == want for x in norm]
        n = counts.setdefault(side, [0, 0, 0])
        n[0] += 1
        n[1] += labels[0]
        if not any(labels) or len(cands) < 2:
            continue
        n[2] += 1
        for (off, feats), lab in zip(cands, labels):
            rows.append((doc_i, (doc_i, cue_i, side, off), ContentModel.crossed(feats, rule, lemma), lab))
    print(f"{len(arts)} train articles, choices with a gold target / rule right / some candidate right: " +
          ", ".join(f"{side} {n[0]} / {n[1]} / {n[2]}" for side, n in sorted(counts.items())) +
          f"; {len(rows)} candidates ({time.time() - t0:.0f} s)", flush=True)
    print(f"rules' spans: train exact F1 source / cue / content {base[0]:.1f} / {base[1]:.1f} / {base[2]:.1f}")
    dim = 1 << DIM_BITS
    oof: dict = {}
    for k, w, b in fold_fits(rows, args.folds, dim):
        model = ContentModel(w, b)
        for (doc_i, cue_i, side), (rule, cands) in rec.groups.items():
            if doc_i % args.folds == k:
                for off, feats in cands:
                    oof[(doc_i, cue_i, side, off)] = model.probability(feats, rule, docs[doc_i][cue_i].lemma_)
    for side in sorted(counts):  # how often the out-of-fold choice is the gold offset, against the rule's
        by_group: dict = {}
        for d, key, _, lab in rows:
            if key[2] == side:
                by_group.setdefault(key[:3], []).append((oof[key], lab))
        right = sum(max(g)[1] for g in by_group.values())
        rule = sum(g[0][1] for g in by_group.values())
        print(f"{side}: {len(by_group)} choices with a right candidate, rule right {rule}, chooser right {right}")
    cv = exact_f1(sc.score(gold, _run(arts, docs, _Fixed(oof))))
    print(f"chooser, {args.folds}-fold CV: train exact F1 source / cue / content {cv[0]:.1f} / {cv[1]:.1f} / "
          f"{cv[2]:.1f} ({time.time() - t0:.0f} s)", flush=True)
    if args.no_write:
        return 0
    w, b = fit(*design([(key, f, lab) for _, key, f, lab in rows], dim), dim)
    meta = {"what": "content-span chooser of newsevents_quotes_v1 (hashed-feature logistic regression over "
                    "candidate content spans, weights in quote_content_model.npy, float16, CRC-32 feature "
                    "hashing; see components/quotes_content.py)",
            "made_by": "benchmarks/quotes_content_train.py on PolNeAR train (first annotator), "
                       f"{dt.date.today().isoformat()}",
            "articles": len(arts), "choices (target / rule right / candidate right)": counts,
            "candidates": len(rows), "dim": dim, "l2": args.l2,
            "bias": float(b),
            "train_cv_exact_f1": {"source": round(cv[0], 1), "cue": round(cv[1], 1), "content": round(cv[2], 1)},
            "rules_train_exact_f1": {"source": round(base[0], 1), "cue": round(base[1], 1),
                                     "content": round(base[2], 1)}}
    save_model(CONTENT_WEIGHTS, CONTENT_META, w, meta, t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
