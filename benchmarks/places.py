"""Places benchmark: toponym recognition and GeoNames resolution on TR-News and GeoVirus (shared dev data).

Run:  .venv/bin/python benchmarks/places.py [--limit N] [--sets tr-news,geovirus] [--demonyms] [--errors FILE]
      .venv/bin/python benchmarks/places.py --timing 200   (share of pipeline time, news-corpus)

Two modes, scored by the shared scorer ``places_geo.score``: **end to end** (our own toponym detection,
``doc._.places``) and **gold spans** (the gold toponym spans resolved in the article context with
``newsevents.components.places.resolve_spans``). Every annotated toponym is gold (the scorer's LGL convention);
TR-News also annotates demonyms ("Turkish" → Turkey), which we do not treat as places: ``--demonyms`` adds our
demonym mentions to the end-to-end predictions to show what that convention costs.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, read_jsonl, scorer, stage_share  # noqa: E402


def load_set(name: str, limit: int | None) -> tuple[dict, dict, dict]:
    """texts, meta, gold in the scorer's format for one shared set."""
    texts, metas, gold = {}, {}, {}
    for i, a in enumerate(read_jsonl(DATA / name / "articles.jsonl")):
        if limit and i >= limit:
            break
        did, text = str(a["id"]), a["text"]
        texts[did] = text
        metas[did] = {k: v for k, v in (("url", a.get("url")), ("outlet", a.get("domain"))) if v}
        gold[did] = [{"start": t["start"], "end": t["end"], "lat": t.get("lat"), "lon": t.get("lon"),
                      "geonames_id": t.get("geonames_id"), "name": t["name"], "group": t.get("fcode")}
                     for t in a["toponyms"]
                     if t.get("start") is not None and text[t["start"]:t["end"]] == t["name"]]
    return texts, metas, gold


def run_set(nlp, name: str, limit: int | None, demonyms: bool) -> tuple[dict, dict, dict, dict, float]:
    from newsevents.components.places import resolve_spans
    from newsevents.components.places_detect import demonym_mentions

    texts, metas, gold = load_set(name, limit)
    e2e, given = {}, {}
    t0 = time.perf_counter()
    for did, text in texts.items():
        doc = nlp.make_doc(text)
        doc._.meta = metas[did]
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        e2e[did] = [dict(p) for p in doc._.places or []]
        if demonyms:
            e2e[did] += [{"start": d["start"], "end": d["end"], "country": d["country"], "demonym": True}
                         for d in demonym_mentions(doc)]
        given[did] = resolve_spans(doc, [(g["start"], g["end"]) for g in gold[did]])
    seconds = time.perf_counter() - t0
    if demonyms:
        from newsevents.gazetteer.lookup import get_gazetteer

        gaz = get_gazetteer()
        for preds in e2e.values():
            for p in preds:
                if p.get("demonym"):
                    c = gaz.place(gaz.country_id[p["country"]])
                    p.update(lat=c.lat, lon=c.lon, geonameid=c.geonameid)
    return gold, e2e, given, texts, seconds


def fmt(x, pct=True) -> str:
    if x is None:
        return "n/a"
    return f"{100 * x:.1f}" if pct else f"{x:.0f}"


def timing(n: int) -> None:
    """The places stage's share of pipeline time over n news-corpus docs, and the memory the gazetteer adds."""
    from newsevents.gazetteer.lookup import get_gazetteer

    rss0 = _rss_mb()
    get_gazetteer()
    print(f"RSS {rss0:.0f} MB before the gazetteer was opened, {_rss_mb():.0f} MB after")
    print(stage_share("places", n))


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per set")
    ap.add_argument("--sets", default="tr-news,geovirus")
    ap.add_argument("--demonyms", action="store_true", help="count our demonym mentions as predictions (e2e)")
    ap.add_argument("--errors", default=None, help="write per-gold errors (JSONL) to this scratch file")
    ap.add_argument("--timing", type=int, default=0, help="measure the stage's share of pipeline time instead")
    args = ap.parse_args()
    if args.timing:
        timing(args.timing)
        return
    from newsevents.pipeline import build_pipeline

    sc = scorer("places_geo")
    nlp = build_pipeline(stages=("entities", "places"))
    print("set       | mode       |  P    R    F1  | ovF1 | Acc@161 exactID median mean  | n_gold n_pred | s")
    errors = []
    for name in args.sets.split(","):
        gold, e2e, given, texts, seconds = run_set(nlp, name, args.limit, args.demonyms)
        for mode, pred in (("end to end", e2e), ("gold spans", given)):
            r = sc.score(gold, pred)
            rec = " ".join(fmt(r["exact"][k]) for k in ("P", "R", "F1")) if mode == "end to end" else " n/a n/a n/a "
            print(f"{name:9s} | {mode:10s} | {rec} | {fmt(r['overlap']['F1']) if mode == 'end to end' else 'n/a'} |"
                  f" {fmt(r.get('acc161'))}  {fmt(r['exact_id'])}  {fmt(r.get('median_km'), False)}"
                  f"  {fmt(r.get('mean_km'), False)} | {r['n_gold']} {r['n_pred']} | {seconds:.0f}")
            for g in r["per_gold"]:
                if g["err"] > 161 or g["id_ok"] is False:
                    gg = gold[g["doc"]][g["i"]]
                    match = [p for p in pred.get(g["doc"], []) if p["start"] < gg["end"] and gg["start"] < p["end"]]
                    errors.append({"set": name, "mode": mode, "name": gg["name"], "gold_id": gg["geonames_id"],
                                   "fcode": gg["group"], "err_km": round(g["err"]),
                                   "pred": [(p.get("text"), p.get("name"), p.get("geonameid"), p.get("feature"),
                                             p.get("country")) for p in match]})
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
