"""The SQLite store: opening, versioning, writing records with their derived rows, reading them back.

Records come from tests/data/export_records.jsonl: hand-built ArticleRecords (invented sentences) with entities,
times, places, quantities, a quote and events, plus one error record. No NLP runs here.
"""
from __future__ import annotations

import sqlite3

import pytest

from newsevents.errors import StoreError
from newsevents.record import ArticleRecord
from newsevents.store.db import (STORE_SCHEMA_VERSION, has_record, ingest_paths, iter_records, open_store,
                                 store_counts, write_record)


@pytest.fixture(scope="module")
def records(test_data) -> list[ArticleRecord]:
    lines = (test_data / "export_records.jsonl").read_text("utf-8").splitlines()
    return [ArticleRecord.model_validate_json(line) for line in lines]


def test_store_open_sets_wal_foreign_keys_and_version(tmp_path):
    with open_store(tmp_path / "sub" / "s.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        version = conn.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
        assert version["value"] == STORE_SCHEMA_VERSION
        assert isinstance(conn.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)


def test_store_open_missing_without_create_is_e301(tmp_path):
    with pytest.raises(StoreError) as info:
        with open_store(tmp_path / "none.db", create=False):
            pass
    assert info.value.code.name == "E301"
    assert not (tmp_path / "none.db").exists()


def test_store_open_not_a_database_is_e301(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not an sqlite file at all" * 100)
    with pytest.raises(StoreError) as info:
        with open_store(path):
            pass
    assert info.value.code.name == "E301"


def test_store_open_other_schema_version_is_e302(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as conn, conn:
        conn.execute("UPDATE store_meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as info:
        with open_store(path):
            pass
    assert info.value.code.name == "E302"
    assert "0" in str(info.value) and STORE_SCHEMA_VERSION in str(info.value)


def test_store_write_record_derives_rows(tmp_path, records):
    record = records[0]
    with open_store(tmp_path / "s.db") as conn:
        assert write_record(conn, record, "in.jsonl#1") is True
        article = conn.execute("SELECT * FROM articles").fetchone()
        assert (article["id"], article["input_key"], article["published_day"], article["outlet"]) == (
            record.id, "in.jsonl#1", "2025-03-11", "Example Wire")
        assert article["url"] == "https://news.example.org/a1" and article["source_id"] == "rec-1"
        entity = conn.execute("SELECT * FROM entities WHERE id = 'E3'").fetchone()
        assert (entity["name"], entity["country"], entity["sector"], entity["n_mentions"]) == (
            "Congolese soldiers", "COD", "MIL", 1)
        assert record.text[entity["start"]:entity["end"]] == "Congolese soldiers"
        quote = conn.execute("SELECT * FROM quotes").fetchone()
        assert (quote["speaker_name"], quote["speaker_entity_id"], quote["content_text"], quote["kind"]) == (
            "Ana Ruiz", "E5", "We will not stop,", "direct")
        quantity = conn.execute("SELECT * FROM quantities WHERE category = 'KILL'").fetchone()
        assert (quantity["value"], quantity["counts_text"], quantity["start"]) == (
            5, "fighters", record.text.index("five"))
        place = conn.execute("SELECT * FROM places WHERE id = 'P2'").fetchone()
        assert (place["name"], place["country"], place["geonameid"]) == ("Goma", "CD", 216281)
        events = {row["id"]: row for row in conn.execute("SELECT * FROM events")}
        assert (events["V1"]["day"], events["V1"]["actor_country"], events["V1"]["actor_sector"]) == (
            "2025-03-10", "PER", "COP")
        # V2's time points at T2 by id only: its day comes from that time's value
        assert (events["V2"]["day"], events["V2"]["place_name"], events["V2"]["lat"]) == ("2025-03-09", "Goma",
                                                                                         -1.67409)
        # V3 has no time: dated by the report
        assert events["V3"]["day"] == "2025-03-11"
        assert record.text[events["V2"]["trigger_start"]:events["V2"]["trigger_end"]] == "shelled"
        fts = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'shelled'").fetchall()
        assert len(fts) == 1


def test_store_write_record_twice_is_ignored(tmp_path, records):
    with open_store(tmp_path / "s.db") as conn:
        assert write_record(conn, records[0]) is True
        assert write_record(conn, records[0]) is False
        counts = store_counts(conn)
    assert (counts["articles"], counts["entities"], counts["events"]) == (1, 5, 3)


def test_store_error_record_keeps_its_problems(tmp_path, records):
    error = records[2]
    with open_store(tmp_path / "s.db") as conn:
        write_record(conn, error, "empty.txt")
        row = conn.execute("SELECT severity, code, stage FROM problems").fetchone()
        assert tuple(row) == ("error", "E101", "ingest")
        assert store_counts(conn)["errors"] == 1
        assert has_record(conn, error.id)


def test_store_iter_records_round_trip(tmp_path, records):
    with open_store(tmp_path / "s.db") as conn:
        for record in records:
            write_record(conn, record)
        assert list(iter_records(conn)) == records
        assert [r.id for r in iter_records(conn, status="error")] == [records[2].id]


def test_store_ingest_record_jsonl_stores_records_as_they_are(tmp_path, test_data, records):
    source = (test_data / "export_records.jsonl").read_text("utf-8")
    path = tmp_path / "records.jsonl"
    path.write_text(source + '{"id": "x", "schema_version": "1.0", "status": "ok", "text": 5}\n', "utf-8")
    summary = ingest_paths([path], tmp_path / "s.db", progress=False)
    assert (summary["inputs"], summary["added"], summary["errors"]) == (4, 4, 2)
    with open_store(tmp_path / "s.db") as conn:
        stored = list(iter_records(conn))
        keys = [row[0] for row in conn.execute("SELECT input_key FROM articles ORDER BY rowid")]
    assert stored[:3] == records
    assert stored[3].status == "error" and stored[3].errors[0].code == "E106"
    assert keys == [f"{path}#{n}" for n in (1, 2, 3, 4)]
    again = ingest_paths([path], tmp_path / "s.db", progress=False)
    assert (again["added"], again["skipped_existing"]) == (0, 4)
