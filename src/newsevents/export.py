"""Export the store: ArticleRecords (JSONL), its tables (CSV, Parquet) and events in PLOVER, GDELT and ACLED layouts.

``newsevents export --db news.db --format FMT --out PATH`` calls :func:`export_db`. Formats:

- ``jsonl``: one ArticleRecord JSON per line (the full truth; ``newsevents ingest`` reads it back as it is).
- ``csv``: a directory with one CSV per store table (``articles`` without the record JSON, ``entities``, ``times``,
  ``places``, ``quantities``, ``quotes``, ``events``, ``problems``).
- ``parquet``: the same tables as Parquet files (needs the ``parquet`` extra: pyarrow).
- ``plover``: events as PLOVER JSON records (a JSON array; JSON Lines if PATH ends in ``.jsonl``), field names as in
  the PLOVER data spec and gold-standard records; only non-empty fields are written, as PLOVER does.
- ``gdelt``: a GDELT 2.0 event table, tab-separated with a header row.
- ``acled``: an ACLED-style CSV of the events ACLED records (violence, demonstrations, strategic developments).

Event exports are built from ``record.events`` with actors, places and dates resolved by
:func:`newsevents.store.rows.event_view`, so every format says the same thing about an event.
"""
from __future__ import annotations

import csv
import json
import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

from . import __version__
from .errors import Code, StoreError
from .progress import track
from .store.db import iter_records, open_store
from .store.rows import event_view

logger = logging.getLogger(__name__)

#: Store tables exported by ``csv``/``parquet``, in this order; ``articles.record`` (the JSON) is left out.
TABLES = ("articles", "entities", "times", "places", "quantities", "quotes", "events", "problems")

#: Default file suffix per single-file format (added when ``out`` has none).
_SUFFIX = {"jsonl": ".jsonl", "plover": ".json", "gdelt": ".tsv", "acled": ".csv"}


def _file_target(out: Path, fmt: str) -> Path:
    """The file to write: ``out`` itself, ``out`` + the format's suffix, or a default name inside a directory."""
    if out.is_dir():
        return out / f"newsevents-{fmt}{_SUFFIX[fmt]}"
    target = out if out.suffix else out.with_suffix(_SUFFIX[fmt])
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _table_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[str], Iterator[tuple]]:
    """Column names, declared types and rows of a store table (without the record JSON)."""
    info = [(r["name"], (r["type"] or "").upper()) for r in conn.execute(f"PRAGMA table_info({table})")]
    info = [(name, kind) for name, kind in info if name != "record"]
    names = [name for name, _ in info]
    cursor = conn.execute(f"SELECT {', '.join(f'[{n}]' for n in names)} FROM {table} ORDER BY rowid")
    return names, [kind for _, kind in info], (tuple(row) for row in cursor)


def _records(conn: sqlite3.Connection, progress: bool, status: Optional[str] = None) -> Iterator:
    total = conn.execute("SELECT count(*) FROM articles" + (" WHERE status = ?" if status else ""),
                         (status,) if status else ()).fetchone()[0]
    return track(iter_records(conn, status=status), "exporting", total=total, enabled=progress)


def _event_views(conn: sqlite3.Connection, progress: bool = False) -> Iterator[dict]:
    for record in _records(conn, progress, status="ok"):
        for event in record.events:
            yield event_view(record, event)


def _ingested(conn: sqlite3.Connection) -> dict[str, str]:
    """Article id → ingested_at (ISO), for the exports' "date added" columns."""
    return {row[0]: row[1] for row in conn.execute("SELECT id, ingested_at FROM articles")}


# ------------------------------------------------------------------------------------------------ formats


def export_jsonl(conn: sqlite3.Connection, out: Path, progress: bool = False) -> dict:
    """Write every ArticleRecord as one JSON line."""
    target = _file_target(out, "jsonl")
    count = 0
    with target.open("w", encoding="utf-8") as handle:
        for record in _records(conn, progress):
            handle.write(record.model_dump_json() + "\n")
            count += 1
    return {"out": str(target), "records": count}


def export_csv(conn: sqlite3.Connection, out: Path, progress: bool = False) -> dict:
    """Write one CSV file per store table into the directory ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    for table in track(TABLES, "exporting tables", total=len(TABLES), enabled=progress):
        names, _kinds, data = _table_rows(conn, table)
        with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(names)
            rows[table] = 0
            for row in data:
                writer.writerow(row)
                rows[table] += 1
    return {"out": str(out), "rows": rows}


def export_parquet(conn: sqlite3.Connection, out: Path, progress: bool = False) -> dict:
    """Write one Parquet file per store table into the directory ``out`` (needs pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError(Code.E303, stage="export", fmt="parquet", package="pyarrow", extra="parquet") from exc
    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    for table in track(TABLES, "exporting tables", total=len(TABLES), enabled=progress):
        names, types, data = _table_rows(conn, table)
        columns = list(zip(*data)) or [() for _ in names]
        schema = pa.schema([(name, kinds.get(kind, pa.string())) for name, kind in zip(names, types)])
        arrays = [pa.array(list(col), type=field.type) for col, field in zip(columns, schema)]
        pq.write_table(pa.Table.from_arrays(arrays, schema=schema), out / f"{table}.parquet")
        rows[table] = len(columns[0]) if names else 0
    return {"out": str(out), "rows": rows}


def _plover_actors(entities: list) -> list[dict]:
    actors = []
    for ent in entities:
        item = {"actorText": ent.name, "code": ent.actor.country if ent.actor else None,
                "sector": ent.actor.sector if ent.actor else None, "entityId": ent.id}
        actors.append({k: v for k, v in item.items() if v})
    return actors


def plover_item(view: dict, date_coded: Optional[str] = None) -> dict[str, Any]:
    """One event as a PLOVER JSON record (PLOVER field names; empty fields left out, as PLOVER does).

    Besides PLOVER's own fields (``id date event mode source target eventText text eventLoc size dead injured
    language publication coder dateCoded``) it carries the evidence that makes it checkable: ``articleId``,
    ``eventId``, ``url``, ``status``, ``confidence`` and ``evidence`` (trigger offsets into the article text).
    """
    record, place, size = view["record"], view["place"], view["size"]
    location = None
    if place is not None:
        location = {"name": place.name or place.text, "country code": place.country, "lat": place.lat,
                    "lon": place.lon, "geonameid": place.geonameid, "precision": place.precision}
        location = {k: v for k, v in location.items() if v is not None}
    count = lambda key: str(size[key]) if size.get(key) is not None else None  # noqa: E731 (PLOVER: strings)
    item = {
        "id": f"{record.id[:16]}-{view['id']}", "date": view["day"], "event": view["type"], "mode": view["mode"],
        "source": _plover_actors(view["actors"]), "target": _plover_actors(view["recipients"]),
        "eventText": view["trigger_text"], "text": view["sentence_text"], "eventLoc": location,
        "size": count("crowd") or count("size"), "dead": count("dead"), "injured": count("injured"),
        "language": record.meta.language, "publication": record.meta.outlet,
        "url": record.source.url or record.meta.url, "coder": f"newsevents {__version__}", "dateCoded": date_coded,
        "articleId": record.id, "eventId": view["id"], "status": view["status"], "confidence": view["confidence"],
        "evidence": {"start": view["trigger_start"], "end": view["trigger_end"], "sentence": view["sentence"]},
    }
    return {k: v for k, v in item.items() if v not in (None, "", [], {})}


def export_plover(conn: sqlite3.Connection, out: Path, progress: bool = False) -> dict:
    """Write events as PLOVER JSON: an array, or one record per line when ``out`` ends in ``.jsonl``."""
    target = _file_target(out, "plover")
    added = _ingested(conn)
    count = 0
    with target.open("w", encoding="utf-8") as handle:
        lines = target.suffix.lower() == ".jsonl"
        if not lines:
            handle.write("[")
        for view in _event_views(conn, progress):
            item = plover_item(view, (added.get(view["article_id"]) or "")[:10] or None)
            if lines:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            else:
                handle.write((",\n" if count else "\n") + json.dumps(item, ensure_ascii=False))
            count += 1
        if not lines:
            handle.write("\n]\n")
    return {"out": str(target), "events": count}


def export_gdelt(conn: sqlite3.Connection, out: Path, progress: bool = False) -> dict:
    """Write events as a GDELT 2.0 event table (tab-separated, header row)."""
    from .export_events import GDELT_COLUMNS, gdelt_row

    target = _file_target(out, "gdelt")
    added = _ingested(conn)
    count = 0
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(GDELT_COLUMNS)
        for view in _event_views(conn, progress):
            stamp = (added.get(view["article_id"]) or "").replace("-", "").replace("T", "").replace(":", "")[:14]
            writer.writerow(gdelt_row(view, stamp))
            count += 1
    return {"out": str(target), "events": count}


def export_acled(conn: sqlite3.Connection, out: Path, progress: bool = False) -> dict:
    """Write the events ACLED records as an ACLED-style CSV; other event types are counted as skipped."""
    from .export_events import ACLED_COLUMNS, acled_rows

    target = _file_target(out, "acled")
    total = sum(1 for _ in _event_views(conn))
    count = 0
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        added = _ingested(conn)
        for row in acled_rows(_event_views(conn, progress), lambda view: _timestamp(added.get(view["article_id"]))):
            writer.writerow(row)
            count += 1
    return {"out": str(target), "events": count, "skipped_not_acled": total - count}


def _timestamp(iso: Optional[str]) -> Any:
    """Unix seconds of an ISO datetime (ACLED's ``timestamp``: when the row was added)."""
    try:
        return int(datetime.fromisoformat(iso).timestamp()) if iso else ""
    except ValueError:
        return ""


FORMATS: dict[str, Callable[..., dict]] = {
    "jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet, "plover": export_plover,
    "gdelt": export_gdelt, "acled": export_acled,
}


def export_db(db: Union[str, Path], fmt: str, out: Union[str, Path], progress: bool = False) -> dict:
    """Export the store ``db`` in format ``fmt`` to ``out`` (a file, or a directory for csv/parquet).

    Args:
        db: An existing store.
        fmt: One of :data:`FORMATS` (jsonl, csv, parquet, plover, gdelt, acled).
        out: Output path; a file name without suffix gets the format's own (``.jsonl``, ``.json``, ``.tsv``, ``.csv``).
        progress: Show a progress bar on stderr (only when it is a terminal).

    Returns:
        A summary: ``format``, ``out`` and what was written (``records``, ``rows`` per table or ``events``).

    Raises:
        StoreError: E304 for an unknown format, E303 when the format's optional package is missing, E301 when
            the store cannot be opened.
    """
    writer = FORMATS.get(fmt.lower())
    if writer is None:
        raise StoreError(Code.E304, stage="export", fmt=fmt, known=", ".join(FORMATS))
    with open_store(db, create=False) as conn:
        summary = writer(conn, Path(out), progress=progress)
    logger.info("export %s: %s", fmt, summary)
    return {"format": fmt.lower(), **summary}
