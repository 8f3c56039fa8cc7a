"""The embedded SQLite store: open it, write records, ingest inputs into it, read records back.

One writer at a time, WAL journal (readers never block the writer). ``articles.record`` holds the ArticleRecord JSON
and is the truth; the other tables (``store/schema.sql``) are derived from it on insert by :mod:`.rows`.

Ingest is idempotent and resumable: the article id is the sha256 of its canonical text, articles already stored are
skipped *before* the NLP runs, and every record is committed as soon as it is made. A run that is killed loses at
most the record being written; running it again does the rest. Error records (inputs that could not be read) are
stored too, keyed by their source, so nothing is lost and nothing is retried for ever.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import time
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from pydantic import ValidationError

from ..errors import Code, StoreError, error_item
from ..record import ArticleRecord, error_record, text_id
from .rows import TABLES, article_row, utc_now

logger = logging.getLogger(__name__)

#: Version of the store's table layout (``store_meta.schema_version``); records carry their own schema_version.
STORE_SCHEMA_VERSION = "1"

PathLike = Union[str, Path]


def _schema_sql() -> str:
    return resources.files("newsevents.store").joinpath("schema.sql").read_text("utf-8")


def _check_version(conn: sqlite3.Connection, path: str) -> None:
    """Raise E302 if the store was written with another table layout; stamp a new store with ours."""
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'").fetchone()
    found = None
    if has_meta:
        row = conn.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
        found = row[0] if row else None
    if found is not None and found != STORE_SCHEMA_VERSION:
        raise StoreError(Code.E302, path=path, found=found, expected=STORE_SCHEMA_VERSION)
    conn.executescript(_schema_sql())
    if found is None:
        with conn:
            conn.execute("INSERT OR IGNORE INTO store_meta (key, value) VALUES ('schema_version', ?)",
                         (STORE_SCHEMA_VERSION,))
            conn.execute("INSERT OR IGNORE INTO store_meta (key, value) VALUES ('created_at', ?)", (utc_now(),))


@contextmanager
def open_store(path: PathLike, create: bool = True, check_same_thread: bool = True) -> Iterator[sqlite3.Connection]:
    """Open (and create) the store and yield a connection; it is closed on exit.

    The connection has ``row_factory = sqlite3.Row``, foreign keys on, WAL journal and the schema applied.

    Args:
        path: The SQLite file (``":memory:"`` for a throw-away store).
        create: Create the file if it does not exist; with False a missing file is error E301.
        check_same_thread: Passed to :func:`sqlite3.connect` (False lets a web server share it across threads).

    Raises:
        StoreError: E301 if the file cannot be opened or is not a newsevents store, E302 if its schema version
            differs from the one this newsevents writes.
    """
    name = str(path)
    if name != ":memory:":
        file = Path(path)
        if not create and not file.is_file():
            raise StoreError(Code.E301, path=name, detail="no such store; build one with `newsevents ingest`")
        if create:
            file.parent.mkdir(parents=True, exist_ok=True)
    try:
        # 30 s: a second writer (the API storing a record during an ingest) waits for the lock instead of failing
        conn = sqlite3.connect(name, timeout=30, check_same_thread=check_same_thread)
    except sqlite3.Error as exc:
        raise StoreError(Code.E301, path=name, detail=str(exc)) from exc
    try:
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode (only an OS crash can lose the last commit)
            conn.execute("PRAGMA synchronous = NORMAL")
            _check_version(conn, name)
        except sqlite3.DatabaseError as exc:
            raise StoreError(Code.E301, path=name, detail=str(exc)) from exc
        yield conn
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    sql = (f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def write_record(conn: sqlite3.Connection, record: ArticleRecord, input_key: Optional[str] = None) -> bool:
    """Store one record and its derived rows in one transaction; a record whose id is stored already is ignored.

    Args:
        conn: A connection from :func:`open_store`.
        record: The ArticleRecord (ok or error).
        input_key: Where it came from (path, path#line, URL), for finding an input's article again.

    Returns:
        True if the record was added, False if its id was already in the store.
    """
    try:
        with conn:
            row = article_row(record, input_key, utc_now())
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO articles ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                tuple(row.values()))
            if cursor.rowcount == 0:
                return False
            for table, make_rows in TABLES.items():
                _insert(conn, table, make_rows(record))
    except sqlite3.Error as exc:
        path = conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
        raise StoreError(Code.E301, path=path, detail=f"writing {record.id[:12]}: {exc}") from exc
    return True


def has_record(conn: sqlite3.Connection, article_id: str) -> bool:
    """Whether an article id is in the store."""
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def iter_records(conn: sqlite3.Connection, status: Optional[str] = None) -> Iterator[ArticleRecord]:
    """Yield the stored ArticleRecords in insertion order (optionally only ``ok`` or ``error`` ones)."""
    sql, args = "SELECT record FROM articles", ()
    if status:
        sql, args = sql + " WHERE status = ?", (status,)
    for row in conn.execute(sql + " ORDER BY rowid", args):
        yield ArticleRecord.model_validate_json(row[0])


def store_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts of what the store holds: articles (ok/error) and the rows of each derived table."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    counts = {"articles": one("SELECT count(*) FROM articles"),
              "ok": one("SELECT count(*) FROM articles WHERE status = 'ok'"),
              "errors": one("SELECT count(*) FROM articles WHERE status = 'error'"),
              "warnings": one("SELECT count(*) FROM problems WHERE severity = 'warning'")}
    for table in ("entities", "times", "places", "quantities", "quotes", "events"):
        counts[table] = one(f"SELECT count(*) FROM {table}")
    return counts


# --------------------------------------------------------------------------------------------------- ingest


def _record_lines(path: Path) -> bool:
    """True if ``path`` is a JSONL file of ArticleRecords (first object has ``schema_version`` and ``status``)."""
    if not (path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson")):
        return False
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and {"id", "schema_version", "status", "text"} <= set(first)
    return False


def _read_records(path: Path) -> Iterator[tuple[ArticleRecord, str]]:
    """ArticleRecords from a JSONL export, each with its input key; a bad line becomes an E106 error record."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            key = f"{path}#{number}"
            try:
                yield ArticleRecord.model_validate_json(line), key
            except ValidationError as exc:
                detail = str(exc).splitlines()[0][:200]
                item = error_item(Code.E106, "ingest", line=number, detail=detail)
                yield error_record([item], {"path": str(path), "id": str(number)}), key


def _input_key(source: dict) -> str:
    base = source.get("path") or source.get("url") or "-"
    return f"{base}#{source['id']}" if source.get("id") else str(base)


def _article_id(article) -> str:
    """The id the record of an Article will have (ok: text hash; error: hash of its source)."""
    if article.ok:
        return text_id(article.text)
    return error_record(article.errors, article.source, article.meta, article.text).id


def ingest_paths(paths: Iterable[PathLike], db: PathLike, published: Optional[str] = None,
                 n_process: Optional[int] = None, progress: bool = True) -> dict:
    """Process inputs into the store; inputs already stored are skipped before the NLP runs.

    Every input :func:`newsevents.ingest.read_inputs` reads is accepted (files, directories, URLs, ``-``). A
    ``.jsonl`` file of ArticleRecords (what ``newsevents export --format jsonl`` writes; recognised by its first
    line having ``id``, ``schema_version``, ``status`` and ``text``) is stored as it is, without running the NLP again.

    Args:
        paths: Inputs to read.
        db: The SQLite store (created if missing).
        published: Publication date (ISO 8601) for inputs that carry none.
        n_process: Worker processes for the pipeline.
        progress: Show a progress bar on stderr (only when it is a terminal).

    Returns:
        ``{inputs, added, skipped_existing, errors, seconds}``: articles read, records added, articles skipped
        because their id was stored already (or seen earlier in this run), error records added, wall time.
    """
    from ..progress import track

    started = time.perf_counter()
    summary = {"inputs": 0, "added": 0, "skipped_existing": 0, "errors": 0, "seconds": 0.0}
    paths = [str(p) for p in paths]
    record_files = [Path(p) for p in paths if _record_lines(Path(p))]
    other = [p for p in paths if Path(p) not in record_files]
    with open_store(db) as conn:
        def store(record: ArticleRecord, key: Optional[str]) -> None:
            if write_record(conn, record, key):
                summary["added"] += 1
                summary["errors"] += record.status == "error"
            else:
                summary["skipped_existing"] += 1

        for path in record_files:
            for record, key in track(_read_records(path), f"loading {path.name}", enabled=progress):
                summary["inputs"] += 1
                store(record, key)
        if other:
            _ingest_articles(conn, other, published, n_process, progress, summary, store)
    summary["seconds"] = round(time.perf_counter() - started, 3)
    logger.info("ingest: %s", summary)
    return summary


def _ingest_articles(conn: sqlite3.Connection, paths: list[str], published: Optional[str],
                     n_process: Optional[int], progress: bool, summary: dict, store) -> None:
    """Read articles, drop the stored ones, run the rest through the engine and store each record as it comes."""
    from ..engines.local import process
    from ..ingest import read_inputs
    from ..progress import track

    keys: list[str] = []  # input keys of the articles sent to the engine, in order (it keeps input order)
    seen: set[str] = set()

    def articles():
        for path in paths:
            _single, items = read_inputs(path, published=published)
            for article in items:
                summary["inputs"] += 1
                article_id = _article_id(article)
                if article_id in seen or has_record(conn, article_id):
                    summary["skipped_existing"] += 1
                    continue
                seen.add(article_id)
                keys.append(_input_key(article.source or {}))
                yield article

    for index, record in enumerate(process(track(articles(), "ingesting", enabled=progress), n_process=n_process)):
        store(record, keys[index])


# --------------------------------------------------------------------------------------------------- sample

#: Publication date given to sample inputs that carry none (the .txt story); the others carry their own.
SAMPLE_PUBLISHED = "2025-03-13"


def sample_dir() -> Path:
    """The bundled sample corpus (invented wire-style stories written for newsevents)."""
    return Path(str(resources.files("newsevents").joinpath("samples")))


def run_sample(db: PathLike, progress: bool = True) -> str:
    """The main job: process the bundled sample corpus into the store ``db`` and return a short summary.

    Running it again on the same store adds nothing and prints the same counts.
    """
    from .summary import sample_summary

    ingest = ingest_paths([sample_dir()], db, published=SAMPLE_PUBLISHED, progress=progress)
    with open_store(db, create=False) as conn:
        return sample_summary(conn, db, ingest)
