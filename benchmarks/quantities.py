"""Quantity spans on re3d (``$NEWSEVENTS_DATA/re3d``): entity types Quantity and Money.

re3d marks the number with its unit ("35km", "$1 billion", "15 to 20 percent"), without the qualifier or the
counted noun, so the predicted span compared is ``doc.spans["quantities.number"]`` (qualifier + number + unit); the
whole item span (``doc._.quantities`` text, with the counted noun) is scored too. Prints precision/recall/F1 for
exact span match and for overlap (one-to-one greedy matching), for Quantity, Money (our MONEY items) and both.

    .venv/bin/python benchmarks/quantities.py [--limit N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, read_jsonl  # noqa: E402


def _prf(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool) -> tuple[float, float, float]:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for k, p in enumerate(pred):
            if k in used:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(k)
                tp += 1
                break
    prec = tp / len(pred) if pred else 0.0
    rec = tp / len(gold) if gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return 100 * prec, 100 * rec, 100 * f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    from newsevents.pipeline import load_pipeline

    docs = list(read_jsonl(DATA / "re3d" / "documents.jsonl"))[:args.limit]
    nlp = load_pipeline()
    gold: dict[str, list] = {"Quantity": [], "Money": []}
    number: dict[str, list] = {"Quantity": [], "Money": []}
    whole: dict[str, list] = {"Quantity": [], "Money": []}
    for n, (record, doc) in enumerate(zip(docs, nlp.pipe(d["text"] for d in docs))):
        for ent in record["entities"]:
            if ent["type"] in gold:
                gold[ent["type"]].append((n, ent["start"], ent["end"]))
        for item, span in zip(doc._.quantities, _number_spans(doc)):
            if span is None:
                continue  # a count without a numeral ("a man was killed"): not what re3d marks
            kind = "Money" if item["category"] == "MONEY" else "Quantity"
            number[kind].append((n, span[0], span[1]))
            whole[kind].append((n, item["start"], item["end"]))
    print(f"re3d: {len(docs)} documents; gold Quantity {len(gold['Quantity'])}, Money {len(gold['Money'])}")
    print("| type | predicted span | exact P / R / F1 | overlap P / R / F1 |\n|---|---|---|---|")
    for kind in ("Quantity", "Money", "both"):
        g = gold["Quantity"] + gold["Money"] if kind == "both" else gold[kind]
        for label, table in (("number + unit", number), ("whole item", whole)):
            p = table["Quantity"] + table["Money"] if kind == "both" else table[kind]
            cells = []
            for exact in (True, False):
                scores = _by_doc(g, p, exact)
                cells.append(" / ".join(f"{x:.1f}" for x in scores))
            print(f"| {kind} | {label} | {cells[0]} | {cells[1]} |")


def _number_spans(doc) -> list:
    """The number+unit span of each item, in item order (None for a count written without a numeral)."""
    numbers = sorted((s.start_char, s.end_char) for s in doc.spans.get("quantities.number", []))
    out = []
    for item in doc._.quantities:
        inside = [s for s in numbers if item["start"] <= s[0] and s[1] <= item["end"]]
        out.append(inside[0] if inside else None)
    return out


def _by_doc(gold: list[tuple], pred: list[tuple], exact: bool) -> tuple[float, float, float]:
    """Micro P/R/F1 with matching inside each document."""
    docs = {g[0] for g in gold} | {p[0] for p in pred}
    tp_p = tp_r = 0.0
    for d in docs:
        g = [(a, b) for n, a, b in gold if n == d]
        p = [(a, b) for n, a, b in pred if n == d]
        prec, rec, _ = _prf(g, p, exact)
        tp_p += prec * len(p) / 100
        tp_r += rec * len(g) / 100
    prec = 100 * tp_p / len(pred) if pred else 0.0
    rec = 100 * tp_r / len(gold) if gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


if __name__ == "__main__":
    main()
