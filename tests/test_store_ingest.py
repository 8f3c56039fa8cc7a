"""Ingest into the store: idempotent re-runs, resume after a crash or a hard kill, error inputs stored too.

The inputs are short invented wire-style paragraphs written for these tests.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

import newsevents.engines.local as engine
import newsevents.store.db as store_db
from newsevents.store.db import ingest_paths, iter_records, open_store

ARTICLES = [
    {"id": "a1", "published": "2025-02-03", "outlet": "Test Wire",
     "text": "Firefighters in Valparaiso said on Monday that a forest fire had destroyed 40 homes. "
             "\"The wind changed direction twice,\" said fire chief Marta Leiva."},
    {"id": "a2", "published": "2025-02-04",
     "text": "The foreign ministers of Ghana and Togo met in Lome on Tuesday to discuss border security."},
    {"id": "a3", "published": "2025-02-05",
     "text": "Police in Dhaka detained 18 students after a sit-in outside the education ministry, officials said."},
    {"id": "a4", "published": "2025-02-06",
     "text": "A ferry carrying 120 passengers ran aground near Zanzibar on Thursday; nobody was hurt, the port "
             "authority said."},
    {"id": "a5", "published": "2025-02-07",
     "text": "Farmers blocked a motorway near Lyon with tractors for six hours on Friday to protest against "
             "fuel taxes."},
]
N_OK = len(ARTICLES)


@pytest.fixture()
def inputs(tmp_path):
    """A JSONL input: five articles, one line that is not JSON and one repeated article."""
    lines = [json.dumps(a) for a in ARTICLES[:3]] + ["{not json"] + [json.dumps(a) for a in ARTICLES[3:]]
    lines.append(json.dumps({**ARTICLES[0], "id": "a1-again"}))
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture()
def counting(monkeypatch):
    """Count the articles that reach the NLP engine."""
    seen: list[str] = []
    real = engine.process

    def process(articles, **kwargs):
        def spy():
            for article in articles:
                seen.append(article.source.get("id") or "?")
                yield article
        return real(spy(), **kwargs)

    monkeypatch.setattr(engine, "process", process)
    return seen


def _stored(db):
    with open_store(db, create=False) as conn:
        records = list(iter_records(conn))
        n_rows = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return records, n_rows


def test_store_ingest_twice_adds_nothing(tmp_path, inputs, nlp, counting):
    db = tmp_path / "s.db"
    first = ingest_paths([inputs], db, progress=False)
    assert (first["inputs"], first["added"], first["errors"], first["skipped_existing"]) == (7, 6, 1, 1)
    assert counting.count("a1") == 1 and "a1-again" not in counting
    counting.clear()
    second = ingest_paths([inputs], db, progress=False)
    assert (second["inputs"], second["added"], second["skipped_existing"]) == (7, 0, 7)
    # stored articles are skipped before the NLP: nothing reached the engine
    assert counting == []
    records, n_rows = _stored(db)
    assert n_rows == len(records) == N_OK + 1
    assert [r.source.id for r in records if r.status == "ok"] == [a["id"] for a in ARTICLES]
    errors = [r for r in records if r.status == "error"]
    assert [e.code for e in errors[0].errors] == ["E106"]


def test_store_ingest_resumes_after_a_crash(tmp_path, inputs, nlp, monkeypatch, counting):
    db = tmp_path / "s.db"
    real_write = store_db.write_record
    calls = {"n": 0}

    def crashing_write(conn, record, input_key=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("injected crash after two records")
        return real_write(conn, record, input_key)

    monkeypatch.setattr(store_db, "write_record", crashing_write)
    with pytest.raises(RuntimeError):
        ingest_paths([inputs], db, progress=False)
    records, _ = _stored(db)
    assert [r.source.id for r in records] == ["a1", "a2"]
    monkeypatch.setattr(store_db, "write_record", real_write)
    counting.clear()
    resumed = ingest_paths([inputs], db, progress=False)
    assert resumed["added"] == N_OK + 1 - 2
    # only what was not stored went through the NLP again
    assert "a1" not in counting and "a2" not in counting and "a3" in counting
    records, n_rows = _stored(db)
    assert n_rows == len({r.id for r in records}) == N_OK + 1


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    import newsevents.store.db as store_db
    real = store_db.write_record
    done = []
    def write(conn, record, input_key=None):
        if len(done) == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
        done.append(record.id)
        return real(conn, record, input_key)
    store_db.write_record = write
    store_db.ingest_paths([sys.argv[1]], sys.argv[2], progress=False)
""")


def test_store_ingest_resumes_after_a_hard_kill(tmp_path, inputs, nlp):
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(inputs), str(db), "3"], capture_output=True,
                          timeout=240, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    records, _ = _stored(db)
    assert len(records) == 3
    resumed = ingest_paths([inputs], db, progress=False)
    assert resumed["added"] == N_OK + 1 - 3
    records, n_rows = _stored(db)
    assert n_rows == len({r.id for r in records}) == N_OK + 1
    assert sorted(r.source.id for r in records if r.status == "ok") == sorted(a["id"] for a in ARTICLES)
