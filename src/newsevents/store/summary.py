"""The short human summary of a store that ``newsevents demo`` prints (counts and a few example rows)."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Union

#: Example rows shown per section: enough to see that every stage produced something, short enough to read.
_TOP = 5


def _rows(conn: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    return list(conn.execute(sql, (_TOP,)))


def sample_summary(conn: sqlite3.Connection, db: Union[str, Path], ingest: dict) -> str:
    """Render counts and example rows (top speakers, actors, places, casualty counts, dates) as plain text."""
    from .db import store_counts

    counts = store_counts(conn)
    lines = [f"newsevents sample: {ingest['inputs']} inputs read, {ingest['added']} added, "
             f"{ingest['skipped_existing']} already stored ({ingest['seconds']:.1f} s) -> {db}",
             "store: " + ", ".join(f"{counts[k]} {k}" for k in
                                   ("articles", "errors", "entities", "quotes", "times", "places", "quantities",
                                    "events"))]
    sections = [
        ("top speakers", "SELECT speaker_name AS k, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL "
                         "GROUP BY speaker_name ORDER BY n DESC, k LIMIT ?",
         lambda r: f"{r['k']} ({r['n']} quotes)"),
        ("top actors", "SELECT max(name) AS k, country, sector, sum(n_mentions) AS n FROM entities "
                       "WHERE country IS NOT NULL OR sector IS NOT NULL GROUP BY lower(name), country, sector "
                       "ORDER BY n DESC, k LIMIT ?",
         lambda r: f"{r['k']} [{r['country'] or '-'} {r['sector'] or '-'}] x{r['n']}"),
        ("places", "SELECT coalesce(name, text) AS k, country, count(*) AS n FROM places GROUP BY k, country "
                   "ORDER BY n DESC, k LIMIT ?",
         lambda r: f"{r['k']} ({r['country'] or '?'})"),
        ("casualty and crowd counts", "SELECT text AS k, category, counts_text FROM quantities "
                                      "WHERE category NOT IN ('OTHER', 'MONEY', 'PERCENT') "
                                      "ORDER BY article_id, start LIMIT ?",
         lambda r: f"{r['category']}: {r['k']!r}" + (f" of {r['counts_text']!r}" if r['counts_text'] else "")),
        ("dates", "SELECT text AS k, value FROM times WHERE value IS NOT NULL ORDER BY article_id, start LIMIT ?",
         lambda r: f"{r['k']!r} = {r['value']}"),
    ]
    for title, sql, show in sections:
        rows = _rows(conn, sql)
        if rows:
            lines.append(f"{title}: " + "; ".join(show(r) for r in rows))
    codes = list(conn.execute("SELECT code, count(*) AS n FROM problems GROUP BY code ORDER BY code"))
    if codes:
        lines.append("problems: " + ", ".join(f"{r['code']} x{r['n']}" for r in codes))
    lines.append(f"next: newsevents stats --db {db}; newsevents serve --db {db}; "
                 f"newsevents export --db {db} --format csv")
    return "\n".join(lines)
