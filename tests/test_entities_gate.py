"""CI gate for the entities stage: actor codes on project-written wire-style articles (tests/data/entities/).

Each expected row names a mention text; the entity holding that mention must exist (recall) and have the
expected type, country and sector (exact match per field). Floors only go up.
"""
from __future__ import annotations

import pytest
import yaml

#: Floors measured when the gate was written: 20/21 expected entities found (the model does not tag one
#: person's name), and 20/21 with type, country and sector all right.
RECALL_FLOOR = 0.90
CODE_FLOOR = 0.85


@pytest.fixture(scope="module")
def gate_results(nlp, test_data):
    folder = test_data / "entities"
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    rows = []
    for name, wanted in expected.items():
        text = (folder / name).read_text(encoding="utf-8")
        entities = nlp(text)._.entities
        for row in wanted:
            start = text.index(row["name"])
            ent = next((e for e in entities if any(m["start"] == start and m["end"] == start + len(row["name"])
                                                   for m in e["mentions"])), None)
            rows.append((name, row, ent))
    return rows


def test_entities_gate_recall(gate_results):
    found = sum(ent is not None for _, _, ent in gate_results)
    assert found / len(gate_results) >= RECALL_FLOOR, [r["name"] for _, r, e in gate_results if e is None]


def test_entities_gate_actor_codes(gate_results):
    def right(row, ent):
        actor = ent["actor"] or {}
        return (ent["type"] == row["type"] and actor.get("country") == row["country"]
                and actor.get("sector") == row["sector"])

    good = sum(ent is not None and right(row, ent) for _, row, ent in gate_results)
    wrong = [(row["name"], ent and (ent["type"], ent["actor"])) for _, row, ent in gate_results
             if ent is None or not right(row, ent)]
    assert good / len(gate_results) >= CODE_FLOOR, wrong
