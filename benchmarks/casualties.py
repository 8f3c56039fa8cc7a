"""Casualty counts on Gun Violence Archive incidents (``$NEWSEVENTS_DATA/gva-incidents``).

Each article runs through the full pipeline (``meta.published`` = the article's dct, ``meta.title`` = its title);
:func:`newsevents.components.quantities_casualties.article_casualties` reads killed/injured from the record and
:func:`incident_casualties` combines an incident's articles. Truth is the database's ``num_killed``/``num_injured``
(None predictions count as 0). Prints exact-match accuracy and MAE per article, per incident (every combination
policy) and on incidents with one article, with the zero baseline.

    .venv/bin/python benchmarks/casualties.py [--limit N] [--n-process 2] [--save preds.jsonl]

``--limit`` takes the first N incidents (file order) that have database counts.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, read_jsonl  # noqa: E402


def _score(pairs: list[tuple[int, int]]) -> str:
    n = len(pairs)
    if not n:
        return "n/a"
    exact = 100.0 * sum(p == t for p, t in pairs) / n
    mae = sum(abs(p - t) for p, t in pairs) / n
    return f"{exact:5.1f} % exact, MAE {mae:5.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N incidents with database counts")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--save", type=Path, default=None, help="write per-article predictions (JSONL)")
    args = parser.parse_args()

    from newsevents.components.quantities_casualties import POLICIES, article_casualties, incident_casualties
    from newsevents.engines.local import process
    from newsevents.ingest.jsonl import from_item
    from newsevents.pipeline import load_pipeline

    incidents = [i for i in read_jsonl(DATA / "gva-incidents" / "incidents.jsonl")
                 if i.get("structured") and i["structured"].get("num_killed") is not None]
    if args.limit:
        incidents = incidents[:args.limit]
    items, owners = [], []
    for inc in incidents:
        for doc in inc["documents"]:
            items.append({"text": doc["text"] or " ", "title": doc.get("title") or None, "published": doc.get("dct")})
            owners.append(inc["incident_id"])
    nlp = load_pipeline()
    started = time.perf_counter()
    per_incident: dict[str, list[dict]] = defaultdict(list)
    saved = open(args.save, "w", encoding="utf-8") if args.save else None
    for owner, item, record in zip(owners, items, process((from_item(i) for i in items), nlp=nlp,
                                                          n_process=args.n_process)):
        result = article_casualties(record, nlp=nlp) if record.status == "ok" else {"killed": None, "injured": None}
        per_incident[owner].append({**result, "published": item["published"]})
        if saved:
            saved.write(json.dumps({"incident_id": owner, **result}) + "\n")
    elapsed = time.perf_counter() - started
    if saved:
        saved.close()

    truth = {i["incident_id"]: i["structured"] for i in incidents}
    rows = []
    for key in ("killed", "injured"):
        gold = lambda iid: int(truth[iid][f"num_{key}"])  # noqa: E731
        article = [(r[key] or 0, gold(iid)) for iid, rs in per_incident.items() for r in rs]
        rows.append((key, "per article", _score(article), _score([(0, t) for _, t in article])))
        for policy in POLICIES:
            combined = {iid: incident_casualties(rs, policy)[key] or 0 for iid, rs in per_incident.items()}
            pairs = [(combined[iid], gold(iid)) for iid in per_incident]
            label = f"per incident ({policy}{', default' if policy == 'latest' else ''})"
            rows.append((key, label, _score(pairs), _score([(0, t) for _, t in pairs])))
        single = [(rs[0][key] or 0, gold(iid)) for iid, rs in per_incident.items() if len(rs) == 1]
        rows.append((key, "incidents with one article", _score(single), _score([(0, t) for _, t in single])))

    n_articles = sum(len(rs) for rs in per_incident.values())
    n_single = sum(len(rs) == 1 for rs in per_incident.values())
    print(f"GVA incidents: {len(per_incident)} ({n_single} with one article), {n_articles} articles, "
          f"pipeline {elapsed:.0f} s")
    print("| count | level | newsevents | zero baseline |\n|---|---|---|---|")
    for key, level, ours, zero in rows:
        print(f"| {key} | {level} | {ours} | {zero} |")


if __name__ == "__main__":
    main()
