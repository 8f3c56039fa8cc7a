"""CI gate for the quotes stage: project-written fixture articles (tests/data/quotes/) with expected quotes.

Floors only go up: raise them when the stage improves.
"""
from __future__ import annotations

import pytest
import yaml

#: Share of expected quotes found with exactly the expected content (15 expected; 14 found when set).
CONTENT_FLOOR = 0.9
#: Share of expected quotes found with exact content, speaker, kind, cue and carried_over.
FULL_FLOOR = 0.9
#: Share of produced quotes that are expected (the rest are nested or object-frame attributions).
PRECISION_FLOOR = 0.75


@pytest.fixture(scope="module")
def gate(nlp, test_data):
    from newsevents.engines.local import process
    from newsevents.ingest import Article

    expected = yaml.safe_load((test_data / "quotes" / "expected.yaml").read_text(encoding="utf-8"))
    found = {}
    for name in expected:
        text = (test_data / "quotes" / name).read_text(encoding="utf-8")
        found[name] = next(process([Article(text=text, meta={})], nlp=nlp, n_process=1))
    return expected, found


def _key(q) -> tuple:
    return (q.content.text, q.speaker.text if q.speaker else None, q.kind, q.cue.text if q.cue else None,
            q.carried_over)


def test_quotes_gate_floors(gate):
    expected, found = gate
    n_exp = sum(len(v) for v in expected.values())
    content_hits = full_hits = produced = 0
    for name, items in expected.items():
        rec = found[name]
        assert rec.status == "ok"
        got = {_key(q) for q in rec.quotes}
        contents = {q.content.text for q in rec.quotes}
        produced += len(rec.quotes)
        for item in items:
            content_hits += item["content"] in contents
            full_hits += (item["content"], item["speaker"], item["kind"], item["cue"], item["carried_over"]) in got
        for q in rec.quotes:  # offsets agree with the text
            assert rec.text[q.content.start:q.content.end] == q.content.text
            assert rec.text[q.start:q.end] == q.text
    assert content_hits / n_exp >= CONTENT_FLOOR
    assert full_hits / n_exp >= FULL_FLOOR
    assert full_hits / produced >= PRECISION_FLOOR
