"""Round trip: store → JSONL export → ingest into a fresh store → the same records, without re-running the NLP."""
from __future__ import annotations

import pytest

import newsevents.engines.local as engine
from newsevents.export import export_db
from newsevents.record import ArticleRecord
from newsevents.store.db import ingest_paths, iter_records, open_store, store_counts, write_record

TEXTS = [
    ("Rescuers in Antalya pulled 14 people from a collapsed hotel on Sunday, the governor's office said. "
     "\"We are still hearing voices,\" said rescue coordinator Emre Aydin.", "2025-01-12"),
    ("The central bank of Chile raised its main interest rate to 6 percent on Wednesday, its third increase "
     "since October.", "2025-01-15"),
]


@pytest.fixture()
def no_nlp(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a JSONL of ArticleRecords must not be processed again")

    monkeypatch.setattr(engine, "process", refuse)


def _round_trip(records: list[ArticleRecord], tmp_path) -> tuple[list[ArticleRecord], dict, dict]:
    with open_store(tmp_path / "a.db") as conn:
        for record in records:
            write_record(conn, record, "test")
        before = store_counts(conn)
    export_db(tmp_path / "a.db", "jsonl", tmp_path / "out.jsonl")
    summary = ingest_paths([tmp_path / "out.jsonl"], tmp_path / "b.db", progress=False)
    with open_store(tmp_path / "b.db", create=False) as conn:
        return list(iter_records(conn)), store_counts(conn), {"before": before, "ingest": summary}


def test_export_roundtrip_hand_built_records(tmp_path, test_data, no_nlp):
    lines = (test_data / "export_records.jsonl").read_text("utf-8").splitlines()
    records = [ArticleRecord.model_validate_json(line) for line in lines]
    back, counts, info = _round_trip(records, tmp_path)
    assert back == records
    assert counts == info["before"]
    assert info["ingest"]["added"] == len(records)


def test_export_roundtrip_pipeline_records(tmp_path, run, monkeypatch):
    records = [run(text, published=published) for text, published in TEXTS]
    assert records[0].entities and records[0].quotes
    monkeypatch.setattr(engine, "process", lambda *a, **k: (_ for _ in ()).throw(AssertionError("NLP ran")))
    back, counts, info = _round_trip(records, tmp_path)
    assert back == records
    assert counts == info["before"] and counts["quotes"] >= 1
