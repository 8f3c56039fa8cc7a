"""The command line: extract (JSON, JSONL, YAML), schema, ingest, stats, demo and export, through Typer's CliRunner.

One store is built once for the module by ``newsevents demo`` (the bundled sample corpus) and shared by the
stats and export tests. Articles here are invented for these tests.
"""
from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from newsevents.cli import app

STORY = ("Harbour workers in Gdansk walked out on Monday over unpaid wages, the union said.\n\n"
         "\"We have waited three months,\" said union leader Piotr Nowak.\n")
N_SAMPLE = 7  # inputs in src/newsevents/samples/: 5 JSONL lines, 1 .html page, 1 .txt story


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _json_tail(text: str) -> dict:
    """The JSON object a command echoed (the last thing on stderr)."""
    return json.loads(text[text.index("{"):text.rindex("}") + 1])


@pytest.fixture(scope="module")
def demo(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("cli") / "sample.db"
    result = _invoke("demo", "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db, result.stdout


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "strike.txt"
    path.write_text(STORY, "utf-8")
    return path


def test_cli_extract_txt_prints_one_json_record(story, nlp):
    result = _invoke("extract", str(story), "--published", "2025-04-07", "-q")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["text"].startswith("Harbour workers in Gdansk") and record["status"] == "ok"
    assert record["meta"]["published"] == "2025-04-07"
    assert record["source"]["path"] == str(story)


def test_cli_extract_jsonl_keeps_order_and_bad_lines(tmp_path, nlp):
    lines = [json.dumps({"id": "one", "text": "Voters in Tallinn chose a new mayor on Sunday."}),
             "{broken",
             json.dumps({"id": "three", "text": "Trains between Milan and Turin were cancelled on Friday."})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = _invoke("extract", str(path), "-q")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]  # nothing but records on stdout
    assert [r["status"] for r in out] == ["ok", "error", "ok"]
    assert [out[0]["source"]["id"], out[2]["source"]["id"]] == ["one", "three"]
    assert out[1]["errors"][0]["code"] == "E106"


def test_cli_extract_yaml(story, nlp):
    result = _invoke("extract", str(story), "--format", "yaml", "-q")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(result.stdout)
    assert record["text"].startswith("Harbour workers in Gdansk")
    assert set(record) >= {"id", "schema_version", "entities", "quotes"}


def test_cli_schema_prints_json_schema():
    result = _invoke("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "ArticleRecord"
    assert {"entities", "quotes", "events", "schema_version"} <= set(schema["properties"])


def test_cli_ingest_twice_adds_nothing(tmp_path, story, nlp):
    db = tmp_path / "s.db"
    first = _invoke("ingest", str(story), "--db", str(db), "-q")
    assert first.exit_code == 0, first.output
    assert _json_tail(first.stderr)["added"] == 1 and first.stdout == ""
    second = _invoke("ingest", str(story), "--db", str(db), "-q")
    summary = _json_tail(second.stderr)
    assert (summary["added"], summary["skipped_existing"]) == (0, 1)


def test_cli_demo_prints_summary(demo):
    _db, output = demo
    assert f"{N_SAMPLE} inputs read, {N_SAMPLE} added" in output
    assert f"{N_SAMPLE} articles, 0 errors" in output
    assert "top speakers:" in output and "places:" in output


def test_cli_demo_again_adds_nothing(demo):
    db, _output = demo
    result = _invoke("demo", "--db", str(db), "-q")
    assert f"{N_SAMPLE} inputs read, 0 added, {N_SAMPLE} already stored" in result.stdout


def test_cli_stats_counts_the_sample(demo):
    db, _output = demo
    result = _invoke("stats", "--db", str(db))
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["tables"]["articles"] == N_SAMPLE
    assert stats["tables"]["quotes"] > 0 and stats["tables"]["entities"] > 0


def test_cli_stats_missing_store_fails_with_code(tmp_path):
    result = _invoke("stats", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "[E301]" in result.stderr


@pytest.mark.parametrize("fmt,out,check", [
    ("jsonl", "records.jsonl", lambda p: len(p.read_text("utf-8").splitlines()) == N_SAMPLE),
    ("csv", "tables", lambda p: (p / "quotes.csv").is_file() and (p / "articles.csv").is_file()),
    ("parquet", "parquet", lambda p: (p / "entities.parquet").is_file()),
    ("plover", "events.json", lambda p: json.loads(p.read_text("utf-8")) == []),
    ("gdelt", "events.tsv", lambda p: p.read_text("utf-8").startswith("GLOBALEVENTID\tSQLDATE\t")),
    ("acled", "acled.csv", lambda p: p.read_text("utf-8").startswith("event_id_cnty,event_date,")),
])
def test_cli_export_each_format(demo, tmp_path, fmt, out, check):
    db, _output = demo
    result = _invoke("export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / out))
    assert result.exit_code == 0, result.output
    assert _json_tail(result.stderr)["format"] == fmt
    assert check(tmp_path / out)


def test_cli_export_jsonl_ingests_back(demo, tmp_path):
    db, _output = demo
    _invoke("export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "r.jsonl"))
    result = _invoke("ingest", str(tmp_path / "r.jsonl"), "--db", str(tmp_path / "copy.db"), "-q")
    assert _json_tail(result.stderr)["added"] == N_SAMPLE
    original = _invoke("export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "a.jsonl"))
    copy = _invoke("export", "--db", str(tmp_path / "copy.db"), "--format", "jsonl", "--out", str(tmp_path / "b.jsonl"))
    assert original.exit_code == copy.exit_code == 0
    assert (tmp_path / "a.jsonl").read_text("utf-8") == (tmp_path / "b.jsonl").read_text("utf-8")


def test_cli_export_unknown_format_fails_with_code(demo, tmp_path):
    db, _output = demo
    result = _invoke("export", "--db", str(db), "--format", "xml", "--out", str(tmp_path / "x"))
    assert result.exit_code == 2 and "[E304]" in result.stderr
