"""Exports: JSONL, CSV, Parquet, PLOVER JSON, GDELT 2.0 event table, ACLED CSV.

The store is built from tests/data/export_records.jsonl: hand-built records (invented sentences) whose events have
actors, places, times and sizes, since no pipeline stage produces events yet.
"""
from __future__ import annotations

import csv
import json
import sys

import pytest

from newsevents.errors import StoreError
from newsevents.export import export_db
from newsevents.export_events import ACLED_COLUMNS, GDELT_COLUMNS
from newsevents.record import ArticleRecord
from newsevents.store.db import ingest_paths


@pytest.fixture(scope="module")
def store(tmp_path_factory, test_data):
    db = tmp_path_factory.mktemp("export") / "s.db"
    ingest_paths([test_data / "export_records.jsonl"], db, progress=False)
    return db


@pytest.fixture(scope="module")
def source(test_data) -> list[ArticleRecord]:
    lines = (test_data / "export_records.jsonl").read_text("utf-8").splitlines()
    return [ArticleRecord.model_validate_json(line) for line in lines]


def _csv(path, delimiter=","):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_export_jsonl_writes_every_record(store, source, tmp_path):
    summary = export_db(store, "jsonl", tmp_path / "records")
    assert summary == {"format": "jsonl", "out": str(tmp_path / "records.jsonl"), "records": 3}
    lines = (tmp_path / "records.jsonl").read_text("utf-8").splitlines()
    assert [ArticleRecord.model_validate_json(line) for line in lines] == source


def test_export_csv_one_file_per_table(store, source, tmp_path):
    summary = export_db(store, "csv", tmp_path / "tables")
    assert summary["rows"] == {"articles": 3, "entities": 5, "times": 2, "places": 4, "quantities": 2,
                               "quotes": 1, "events": 4, "problems": 1}
    articles = _csv(tmp_path / "tables" / "articles.csv")
    assert "record" not in articles[0] and articles[0]["text"] == source[0].text
    events = _csv(tmp_path / "tables" / "events.csv")
    assert [(e["id"], e["type"], e["day"], e["place_name"]) for e in events[:2]] == [
        ("V1", "COERCE", "2025-03-10", "Lima"), ("V2", "ASSAULT", "2025-03-09", "Goma")]
    quotes = _csv(tmp_path / "tables" / "quotes.csv")
    assert (quotes[0]["speaker_name"], quotes[0]["start"]) == ("Ana Ruiz", str(source[0].text.index('"We')))


def test_export_parquet_tables_with_types(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    summary = export_db(store, "parquet", tmp_path / "pq")
    assert summary["rows"]["events"] == 4
    table = pq.read_table(tmp_path / "pq" / "places.parquet")
    assert table.num_rows == 4
    assert str(table.schema.field("lat").type) == "double" and str(table.schema.field("start").type) == "int64"
    assert table.column("name").to_pylist()[:2] == ["Lima", "Goma"]


def test_export_parquet_without_pyarrow_is_e303(store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(StoreError) as info:
        export_db(store, "parquet", tmp_path / "pq")
    assert info.value.code.name == "E303" and "newsevents[parquet]" in str(info.value)


def test_export_plover_field_names(store, source, tmp_path):
    summary = export_db(store, "plover", tmp_path / "plover")
    assert summary["events"] == 4
    items = json.loads((tmp_path / "plover.json").read_text("utf-8"))
    first, second = items[0], items[1]
    assert first["event"] == "COERCE" and first["mode"] == "arrest" and first["date"] == "2025-03-10"
    assert first["source"] == [{"actorText": "Peruvian police", "code": "PER", "sector": "COP", "entityId": "E1"}]
    assert first["target"][0]["sector"] == "CVL"
    assert first["eventText"] == "arrested"
    assert first["text"] == "Peruvian police arrested 12 protesters in Lima on Monday, the Interior Ministry said."
    assert first["eventLoc"]["name"] == "Lima" and first["eventLoc"]["country code"] == "PE"
    assert source[0].text[first["evidence"]["start"]:first["evidence"]["end"]] == "arrested"
    assert second["dead"] == "5" and "injured" not in second
    assert items[3]["size"] == "thousands" and "source" not in items[3]
    lines = export_db(store, "plover", tmp_path / "plover.jsonl")
    assert lines["events"] == 4
    assert [json.loads(x) for x in (tmp_path / "plover.jsonl").read_text("utf-8").splitlines()] == items


def test_export_gdelt_columns_and_codes(store, tmp_path):
    export_db(store, "gdelt", tmp_path / "events")
    text = (tmp_path / "events.tsv").read_text("utf-8")
    assert text.splitlines()[0].split("\t") == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    rows = _csv(tmp_path / "events.tsv", delimiter="\t")
    arrest, shelling, meeting, protest = rows
    assert (arrest["SQLDATE"], arrest["MonthYear"], arrest["Year"]) == ("20250310", "202503", "2025")
    assert (arrest["Actor1Code"], arrest["Actor1CountryCode"], arrest["Actor1Type1Code"]) == ("PERCOP", "PER", "COP")
    assert (arrest["EventCode"], arrest["EventRootCode"], arrest["QuadClass"]) == ("170", "17", "4")
    assert arrest["IsRootEvent"] == "1" and shelling["IsRootEvent"] == "0"
    assert (shelling["EventCode"], shelling["EventBaseCode"], shelling["EventRootCode"]) == ("194", "194", "19")
    # GDELT geography uses FIPS 10-4 country codes: DR Congo is CG, Switzerland SZ
    assert (shelling["ActionGeo_CountryCode"], shelling["ActionGeo_ADM1Code"]) == ("CG", "CG11")
    assert (shelling["ActionGeo_Type"], shelling["ActionGeo_FeatureID"]) == ("4", "216281")
    assert shelling["ActionGeo_FullName"] == "Goma, North Kivu, Democratic Republic of the Congo"
    assert meeting["ActionGeo_CountryCode"] == "SZ" and meeting["QuadClass"] == "1"
    assert arrest["SOURCEURL"] == "https://news.example.org/a1" and len(arrest["DATEADDED"]) == 14
    assert protest["ActionGeo_Type"] == "" and protest["EventRootCode"] == "14"
    assert len({r["GLOBALEVENTID"] for r in rows}) == 4 and all(r["GLOBALEVENTID"].isdigit() for r in rows)


def test_export_acled_types_actors_and_fatalities(store, tmp_path):
    summary = export_db(store, "acled", tmp_path / "acled.csv")
    assert (summary["events"], summary["skipped_not_acled"]) == (3, 1)
    with open(tmp_path / "acled.csv", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ACLED_COLUMNS
    arrest, shelling, protest = _csv(tmp_path / "acled.csv")
    assert (arrest["event_id_cnty"], arrest["event_date"], arrest["year"]) == ("PER1", "2025-03-10", "2025")
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert (arrest["actor1"], arrest["assoc_actor_1"], arrest["inter1"]) == (
        "Police Forces of Peru", "Peruvian police", "1")
    assert (arrest["actor2"], arrest["inter2"], arrest["interaction"]) == ("Civilians (Peru)", "7", "17")
    assert (arrest["country"], arrest["iso"], arrest["admin1"], arrest["location"]) == ("Peru", "604", "Lima", "Lima")
    assert (arrest["geo_precision"], arrest["time_precision"]) == ("1", "1")
    assert shelling["event_type"] == "Explosions/Remote violence"
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (shelling["fatalities"], shelling["disorder_type"], shelling["inter2"]) == ("5", "Political violence", "2")
    assert shelling["notes"].startswith("Congolese soldiers shelled")
    # dated only by its report: known to the week
    assert (protest["event_type"], protest["time_precision"], protest["tags"]) == (
        "Protests", "2", "crowd size=thousands")


def test_export_unknown_format_is_e304(store, tmp_path):
    with pytest.raises(StoreError) as info:
        export_db(store, "xml", tmp_path / "x")
    assert info.value.code.name == "E304" and "plover" in str(info.value)


def test_export_missing_store_is_e301(tmp_path):
    with pytest.raises(StoreError) as info:
        export_db(tmp_path / "missing.db", "jsonl", tmp_path / "x")
    assert info.value.code.name == "E301"
