"""Casualty counts on Gun Violence Archive incidents (``$NEWSEVENTS_DATA/gva-incidents``).

Each article runs through the full pipeline (``meta.published`` = the article's dct, ``meta.title`` = its title);
:func:`newsevents.components.quantities_casualties.article_casualties` reads killed/injured from the record and
:func:`incident_casualties` combines an incident's articles. Truth is the database's ``num_killed``/``num_injured``
(None predictions count as 0). An article whose text extraction came out empty (E101) is read from its headline
alone, as the cached path does; a record with a stage error still gives the layers it has. Prints exact-match
accuracy and MAE per article, per incident (every combination policy) and on incidents with one article, with the
zero baseline; per incident also on the even and odd incident ids (the rules were written on the even half and
checked on the odd half).

    .venv/bin/python benchmarks/casualties.py [--limit N] [--n-process 2] [--save preds.jsonl] [--cache DIR]

``--limit`` takes the first N incidents (file order) that have database counts. ``--cache DIR`` keeps the parses
made before the quantities stage (articles and headlines, a spaCy DocBin with user data) in DIR: the first run
writes them, later runs read them and run only the quantities stage and the aggregation (seconds, not minutes).
A cache is only valid for the code of the stages before quantities that made it; delete DIR after changing them.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, read_jsonl  # noqa: E402

#: Stages that do not feed the quantities stage: left out of a cached parse.
_AFTER = ("quantities", "quotes")


def _score(pairs: list[tuple[int, int]]) -> str:
    n = len(pairs)
    if not n:
        return "n/a"
    exact = 100.0 * sum(p == t for p, t in pairs) / n
    mae = sum(abs(p - t) for p, t in pairs) / n
    return f"{exact:5.1f} % exact, MAE {mae:5.2f}"


def _items(incidents: list[dict]) -> tuple[list[dict], list[str]]:
    items, owners = [], []
    for inc in incidents:
        for doc in inc["documents"]:
            items.append({"text": doc["text"] or " ", "title": doc.get("title") or None, "published": doc.get("dct")})
            owners.append(inc["incident_id"])
    return items, owners


def _pipeline_results(items: list[dict], n_process: int) -> list[dict]:
    from newsevents.components.quantities_casualties import article_casualties
    from newsevents.engines.local import process
    from newsevents.ingest.jsonl import from_item
    from newsevents.pipeline import load_pipeline

    nlp = load_pipeline()
    out = []
    for item, record in zip(items, process((from_item(i) for i in items), nlp=nlp, n_process=n_process)):
        if record.text.strip():
            # a record with a stage error (status "error") still has the quantities layer the other stages left
            out.append(article_casualties(record, nlp=nlp, detail=True))
        elif item["title"]:
            # no text after extraction (E101): the headline alone, as the cached path reads it
            out.append(article_casualties({"text": "", "quantities": []}, title=item["title"], nlp=nlp, detail=True))
        else:
            out.append({"killed": None, "injured": None})
    return out


_NLP = None


def _parse_chunk(chunk: list[dict]) -> bytes:
    """Articles and their cleaned headlines parsed up to (not including) the quantities stage, as DocBin bytes."""
    from spacy.tokens import DocBin

    from newsevents.components.quantities_casualties import clean_headline
    from newsevents.ingest.jsonl import from_item

    nlp = _NLP
    docs = []
    for item in chunk:
        article = from_item(item)
        doc = nlp.make_doc(article.text if article.ok else "")
        doc._.meta = dict(article.meta)
        doc._.errors = []
        docs.append(doc)
        docs.append(nlp.make_doc(clean_headline(item["title"]) if item["title"] else ""))
    with nlp.select_pipes(disable=[p for p in _AFTER if p in nlp.pipe_names]):
        parsed = list(nlp.pipe(docs, batch_size=32))
    out = DocBin(store_user_data=True)
    for doc in parsed:
        out.add(doc)
    return out.to_bytes()


def _cached_results(items: list[dict], cache: Path, n_process: int) -> list[dict]:
    from spacy.tokens import DocBin

    from newsevents.components.quantities import QuantityTagger
    from newsevents.components.quantities_casualties import article_casualties
    from newsevents.pipeline import load_pipeline

    global _NLP
    nlp = _NLP = load_pipeline()
    path = cache / "docs.spacy"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        chunks = [items[i:i + 64] for i in range(0, len(items), 64)]
        merged = DocBin(store_user_data=True)
        if n_process > 1:
            with multiprocessing.get_context("fork").Pool(n_process) as pool:
                parts = pool.map(_parse_chunk, chunks, chunksize=1)
        else:
            parts = [_parse_chunk(c) for c in chunks]
        for part in parts:
            merged.merge(DocBin(store_user_data=True).from_bytes(part))
        merged.to_disk(path)
    docs = list(DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab))
    if len(docs) != 2 * len(items):
        raise SystemExit(f"cache {path} holds {len(docs) // 2} articles, not {len(items)}: delete it")
    tagger = QuantityTagger()
    out = []
    for n, item in enumerate(items):
        doc, title = tagger(docs[2 * n]), tagger(docs[2 * n + 1])
        out.append(article_casualties(doc, title=title if item["title"] else None, detail=True))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N incidents with database counts")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--save", type=Path, default=None, help="write per-article predictions (JSONL)")
    parser.add_argument("--cache", type=Path, default=None, help="directory of cached parses (made if missing)")
    args = parser.parse_args()

    from newsevents.components.quantities_casualties import POLICIES, incident_casualties

    incidents = [i for i in read_jsonl(DATA / "gva-incidents" / "incidents.jsonl")
                 if i.get("structured") and i["structured"].get("num_killed") is not None]
    if args.limit:
        incidents = incidents[:args.limit]
    items, owners = _items(incidents)
    started = time.perf_counter()
    if args.cache:
        results = _cached_results(items, args.cache, args.n_process)
    else:
        results = _pipeline_results(items, args.n_process)
    elapsed = time.perf_counter() - started
    per_incident: dict[str, list[dict]] = defaultdict(list)
    for owner, item, result in zip(owners, items, results):
        per_incident[owner].append({**result, "published": item["published"]})
    if args.save:
        with open(args.save, "w", encoding="utf-8") as saved:
            for owner, item, result in zip(owners, items, results):
                saved.write(json.dumps({"incident_id": owner, "published": item["published"], **result}) + "\n")

    truth = {i["incident_id"]: i["structured"] for i in incidents}
    rows = []
    for key in ("killed", "injured"):
        gold = lambda iid: int(truth[iid][f"num_{key}"])  # noqa: E731
        article = [(r[key] or 0, gold(iid)) for iid, rs in per_incident.items() for r in rs]
        rows.append((key, "per article", _score(article), _score([(0, t) for _, t in article])))
        for policy in POLICIES:
            combined = {iid: incident_casualties(rs, policy)[key] or 0 for iid, rs in per_incident.items()}
            pairs = [(combined[iid], gold(iid)) for iid in per_incident]
            label = f"per incident ({policy}{', default' if policy == 'vote' else ''})"
            rows.append((key, label, _score(pairs), _score([(0, t) for _, t in pairs])))
            if policy in ("vote", "latest"):
                for half, rest in (("even", 0), ("odd", 1)):
                    sub = [(combined[iid], gold(iid)) for iid in per_incident if int(iid) % 2 == rest]
                    rows.append((key, f"per incident ({policy}), {half} ids", _score(sub),
                                 _score([(0, t) for _, t in sub])))
        single = [(rs[0][key] or 0, gold(iid)) for iid, rs in per_incident.items() if len(rs) == 1]
        rows.append((key, "incidents with one article", _score(single), _score([(0, t) for _, t in single])))
        for half, rest in (("even", 0), ("odd", 1)):
            sub = [(rs[0][key] or 0, gold(iid)) for iid, rs in per_incident.items()
                   if len(rs) == 1 and int(iid) % 2 == rest]
            rows.append((key, f"incidents with one article, {half} ids", _score(sub),
                         _score([(0, t) for _, t in sub])))

    n_articles = sum(len(rs) for rs in per_incident.values())
    n_single = sum(len(rs) == 1 for rs in per_incident.values())
    print(f"GVA incidents: {len(per_incident)} ({n_single} with one article), {n_articles} articles, "
          f"{'cached parses + quantities' if args.cache else 'pipeline'} {elapsed:.0f} s")
    print("| count | level | newsevents | zero baseline |\n|---|---|---|---|")
    for key, level, ours, zero in rows:
        print(f"| {key} | {level} | {ours} | {zero} |")


if __name__ == "__main__":
    main()
