"""Mine the reporting-cue lexicon (src/newsevents/resources/quote_cues.tsv) from PolNeAR's TRAIN split.

For every verb in a train article that governs a clausal complement (``ccomp``), an open complement
(``xcomp``), an object (``dobj``) or a prepositional object (``prep-for`` …), count how often PolNeAR's first annotator marked it as the head of an attribution cue. The rate
``cue / total`` per (lemma, frame) is what the quotes stage uses to decide whether a verb reports speech or thought.
Only the train split is read (dev is for measuring, test is held out).

Run: .venv/bin/python benchmarks/quotes_lexicon.py [--min-count 3] [--cache /tmp/polnear-train.spacy]
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
from pathlib import Path

from _common import DATA, ROOT, read_jsonl

from newsevents.components.quotes_marks import find_quoted

OUT = ROOT / "src" / "newsevents" / "resources" / "quote_cues.tsv"
FRAMES = ("ccomp", "xcomp", "dobj")


def cue_head(doc, start: int, end: int):
    """The syntactic head of the tokens covering ``[start, end)`` (punctuation ignored), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    toks = [t for t in span if not t.is_punct] or list(span)
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head is t]
    return heads[0] if heads else toks[0]


def parse(texts: list[str], cache: Path | None):
    """Parse with the project's model (normaliser included), cached as a DocBin when ``cache`` is given."""
    from spacy.tokens import DocBin

    from newsevents.pipeline import build_pipeline

    nlp = build_pipeline(stages=())
    if cache and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=3,
                    help="keep (lemma, frame) rows marked as cue at least this often")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin cache of the parsed train split")
    args = ap.parse_args()
    arts = list(read_jsonl(DATA / "polnear" / "train.jsonl"))
    docs = parse([a["text"] for a in arts], args.cache)
    total: collections.Counter = collections.Counter()
    cue: collections.Counter = collections.Counter()
    for art, doc in zip(arts, docs):
        heads = set()
        contents: dict[int, list] = collections.defaultdict(list)  # cue head -> its attribution's content spans
        for att in art["annotations"][0]["attributions"]:
            for c in att["cue"]:
                h = cue_head(doc, c["start"], c["end"])
                if h is not None:
                    heads.add(h.i)
                    contents[h.i].extend((s["start"], s["end"]) for s in att["content"])
        inside = [(q.start, q.end) for q in find_quoted(doc.text)]
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            deps = {c.dep_ for c in tok.children}
            quoted = any(s <= tok.idx < e for s, e in inside)
            for frame in FRAMES:
                if frame in deps:
                    key = (tok.lemma_.lower(), frame + ("@q" if quoted else ""))
                    total[key] += 1
                    cue[key] += tok.i in heads
            # "called for X", "referring to X": the preposition is part of the cue; counted only for verbs with no
            # other frame, where the prepositional object can be the content ("said in May that" is a ccomp)
            for c in tok.children if not deps & set(FRAMES) else ():
                if c.dep_ == "prep" and c.i > tok.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                    key = (tok.lemma_.lower(), "prep-" + c.lower_ + ("@q" if quoted else ""))
                    obj = next(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
                    total[key] += 1  # a cue only when its content holds the object ("said in a statement" is not)
                    cue[key] += any(s <= obj.idx < e for s, e in contents.get(tok.i, ()))
                    break
    rows = sorted((k for k in total if cue[k] >= args.min_count), key=lambda k: (k[1], -cue[k] / total[k], k[0]))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Reporting-cue lexicon for newsevents_quotes_v1, mined by benchmarks/quotes_lexicon.py from the\n"
                 f"# PolNeAR train split ({len(arts)} articles, first annotator) on {dt.date.today().isoformat()}.\n"
                 "# lemma: spaCy lemma of a verb; frame: it governs a ccomp (clause), xcomp (to-infinitive) or dobj\n"
                 "# (object) or prep-<p> (a prepositional object: 'call for'), with '@q' when the verb itself\n"
                 "# stands inside quotation marks (speech inside a direct quote);\n"
                 "# cue: times it headed a gold attribution cue in that frame; total: times seen in that frame;\n"
                 f"# rate = cue/total. Rows with cue >= {args.min_count} only.\n")
        fh.write("lemma\tframe\tcue\ttotal\trate\n")
        for k in rows:
            fh.write(f"{k[0]}\t{k[1]}\t{cue[k]}\t{total[k]}\t{cue[k] / total[k]:.3f}\n")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
