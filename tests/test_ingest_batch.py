"""A batch with bad items goes on: one record per input, in order, through the local engine."""
from __future__ import annotations

import io
import json
import sys

import pytest

from newsevents.engines.local import process
from newsevents.ingest import read_inputs

STORY = ("Ferry service to Skarra island resumes after storm\n\n"
         "The ferry to Skarra island sailed again on Friday, a week after a storm tore part of the pier away.\n\n"
         "READ MORE: Islanders count the cost of the worst storm in decades\n\n"
         "The operator said two crossings a day would run until repairs were finished.")
PAGE = ("<html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen in May</h1>"
        "<p>The mayor of Eastport said on Tuesday that the Harbour Bridge would reopen in May after repairs to its "
        "deck, which was damaged by a storm in January.</p><p>Engineers found cracks in three of the supports, "
        "the city said in a statement.</p></article></body></html>")
GERMAN = "Die Hafenbehörde teilte am Dienstag mit, dass der Streik den Hafen täglich zwei Millionen Euro koste."


@pytest.fixture()
def batch_dir(tmp_path):
    (tmp_path / "a-story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b-page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c-items.jsonl").write_text("\n".join([
        json.dumps({"id": "c1", "text": "The port reopened on Monday after a week-long strike by dockworkers."}),
        "{broken",
        json.dumps({"id": "c3", "title": "no body"}),
        json.dumps({"id": "c4", "text": GERMAN}),
    ]) + "\n", encoding="utf-8")
    (tmp_path / "d-binary.txt").write_bytes(b"\x1f\x8b\x08\x00compressed")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e-empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")          # not an input type: skipped in a directory
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")  # hidden: skipped
    return tmp_path


def test_ingest_batch_directory_one_record_per_input_in_order(nlp, batch_dir):
    single, articles = read_inputs(str(batch_dir), published="2024-05-06")
    assert single is False
    records = list(process(articles, nlp=nlp, n_process=1))
    summary = [(r.source.path.rsplit("/", 1)[-1], r.source.id, r.status, [e.code for e in r.errors])
               for r in records]
    assert summary == [
        ("a-story.txt", None, "ok", []),
        ("b-page.html", None, "ok", []),
        ("c-items.jsonl", "c1", "ok", []),
        ("c-items.jsonl", "2", "error", ["E106"]),
        ("c-items.jsonl", "c3", "error", ["E106"]),
        ("c-items.jsonl", "c4", "ok", []),
        ("d-binary.txt", None, "error", ["E102"]),
        ("e-empty.txt", None, "error", ["E101"]),
    ]
    story, page, _c1, _bad, _nobody, german = records[:6]
    assert story.meta.title == "Ferry service to Skarra island resumes after storm"
    assert story.meta.published == "2024-05-06"
    assert story.removed_boilerplate == ["READ MORE: Islanders count the cost of the worst storm in decades"]
    assert story.text.index("The operator said") == story.text.index("pier away.") + len("pier away.") + 2
    assert page.meta.title == "Bridge to reopen in May"  # the h1 beats <title>
    assert german.meta.language == "de" and [w.code for w in german.warnings] == ["W101"]
    assert german.entities == [] and german.times == []
    assert len({r.id for r in records}) == len(records)


def test_ingest_batch_stdin_text_and_html(monkeypatch):
    for content, title in ((STORY, "Ferry service to Skarra island resumes after storm"), (PAGE, "Bridge to reopen in May")):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content.encode("utf-8")), encoding="utf-8"))
        single, articles = read_inputs("-", published="2024-05-06")
        (article,) = list(articles)
        assert single is True and article.ok
        assert article.source == {"path": "-"}
        assert article.meta["title"] == title and article.meta["published"] == "2024-05-06"


def test_ingest_batch_stdin_binary(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"PK\x03\x04zipdata"), encoding="utf-8"))
    _single, articles = read_inputs("-")
    assert [e["code"] for e in next(articles).errors] == ["E102"]
