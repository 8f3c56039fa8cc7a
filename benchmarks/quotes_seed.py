"""Dev aid (not a test): print what the quotes stage finds on the seed article, for reading against
../shared/examples/syria-withdrawal.expected.yaml.

Run: .venv/bin/python benchmarks/quotes_seed.py [path/to/article.txt] [--published 2016-03-15]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _common import ROOT

SEED = ROOT.parent / "shared" / "examples" / "syria-withdrawal.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=SEED)
    ap.add_argument("--published", default="2016-03-15")
    args = ap.parse_args()
    from newsevents.engines.local import process
    from newsevents.ingest.finish import from_text
    from newsevents.pipeline import load_pipeline

    article = from_text(args.path.read_text(encoding="utf-8"), published=args.published)  # ingest drops promos
    rec = next(process([article], nlp=load_pipeline(), n_process=1))
    names = {e.id: e.name for e in rec.entities}
    for q in rec.quotes:
        spk = q.speaker
        who = f"{spk.text!r} -> {names.get(spk.entity_id, spk.entity_id)}" if spk else "-"
        print(f"{q.id} {q.kind:8s} carried={q.carried_over!s:5s} speaker={who}  cue={q.cue.text if q.cue else None!r}")
        print(f"    content: {q.content.text[:150]!r}")
    print(f"{len(rec.quotes)} quotes; errors: {rec.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
