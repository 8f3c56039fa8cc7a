"""Read queries over the store: the one place the API, the web pages and the CLI ``stats`` command read from.

Plain functions over a :class:`sqlite3.Connection` (``row_factory = sqlite3.Row``) that return JSON-able dicts.
Lists are paginated as ``{total, limit, offset, items}``. Every filter value is a bound parameter; sort keys and
orders are checked against a whitelist; full-text search terms are quoted so user input is never FTS5 syntax.
A bad argument raises :class:`newsevents.errors.ApiError` ``E504`` (the API answers it as 400).
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Any, Iterable, Optional

from ..errors import ApiError, Code

#: Largest page a caller can ask for (the API validates the same bound).
MAX_LIMIT = 500
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEX = re.compile(r"^[0-9a-f]{8,64}$")
_TABLES = ("articles", "entities", "times", "places", "quantities", "quotes", "events", "problems")
#: FTS5 snippet markers (control characters never found in article text after ingest).
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"

EVENT_SORTS = {
    "day": "e.day", "type": "e.type", "mode": "e.mode", "status": "e.status", "confidence": "e.confidence",
    "actor_country": "e.actor_country", "place_country": "e.place_country", "published": "a.published",
}
ENTITY_SORTS = {"mentions": "n_mentions", "articles": "n_articles", "name": "name"}
ARTICLE_SORTS = {"published": "a.published", "title": "a.title", "outlet": "a.outlet", "ingested": "a.rowid"}


def _bad(detail: str) -> ApiError:
    return ApiError(Code.E504, stage="queries", detail=detail)


def _page(limit: int, offset: int) -> tuple[int, int]:
    try:
        limit, offset = int(limit), int(offset)
    except (TypeError, ValueError) as exc:
        raise _bad("limit and offset must be integers") from exc
    if not 0 <= limit <= MAX_LIMIT:
        raise _bad(f"limit must be between 0 and {MAX_LIMIT}")
    if offset < 0:
        raise _bad("offset must not be negative")
    return limit, offset


def _day(value: Optional[str], name: str) -> Optional[str]:
    if value in (None, ""):
        return None
    if not _DAY.match(str(value)):
        raise _bad(f"{name} must be a date YYYY-MM-DD, got {value!r}")
    return str(value)


def _order(sort: str, order: str, allowed: dict[str, str]) -> str:
    if sort not in allowed:
        raise _bad(f"sort must be one of {', '.join(sorted(allowed))}, got {sort!r}")
    if str(order).lower() not in ("asc", "desc"):
        raise _bad(f"order must be asc or desc, got {order!r}")
    return f"{allowed[sort]} {str(order).upper()}"


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with its own ``%``/``_`` taken literally (ESCAPE '\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts_query(q: str) -> Optional[str]:
    """Turn free text into a safe FTS5 query: every word a quoted phrase, all of them required.

    Returns None when ``q`` holds no word (nothing to search for).
    """
    words = [w for w in re.split(r"\s+", q or "") if any(ch.isalnum() for ch in w)]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or None


class _Where:
    """Collects ``WHERE`` conditions with their bound parameters (values never enter the SQL text)."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        """Add a condition whose ``?`` take ``params``."""
        self.conditions.append(condition)
        self.params.extend(params)

    def equal(self, column: str, value: Optional[str], nocase: bool = False) -> None:
        """``column = value`` when a value is given (codes compare case-insensitively: users type 'usa' or 'sy')."""
        if value:
            self.add(f"{column} = ?{' COLLATE NOCASE' if nocase else ''}", value)

    def days(self, column: str, first: Optional[str], last: Optional[str]) -> None:
        """``first <= column <= last`` for the bounds given (``YYYY-MM-DD``)."""
        if (day := _day(first, "date_from")) is not None:
            self.add(f"{column} >= ?", day)
        if (day := _day(last, "date_to")) is not None:
            self.add(f"{column} <= ?", day)

    def sql(self, extra: str = "") -> str:
        """The ``WHERE …`` clause (with an extra condition that has no parameter), or ''."""
        conditions = [*self.conditions, extra] if extra else self.conditions
        return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def _rows(cur: Iterable[sqlite3.Row]) -> list[dict[str, Any]]:
    return [dict(row) for row in cur]


def _paged(conn: sqlite3.Connection, select: str, count: str, params: list, limit: int, offset: int) -> dict:
    total = conn.execute(count, params).fetchone()[0]
    items = _rows(conn.execute(f"{select} LIMIT ? OFFSET ?", [*params, limit, offset])) if limit else []
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# --------------------------------------------------------------------------------------------------------- stats


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts of what the store holds: rows per table, articles per status, events per type, problems per code.

    Args:
        conn: An open store connection.

    Returns:
        ``{tables, status, event_types, errors, warnings, outlets, published}``.
    """
    tables = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}  # names are constants
    status = {r[0]: r[1] for r in conn.execute("SELECT status, count(*) FROM articles GROUP BY status ORDER BY 1")}
    types = {r[0]: r[1] for r in conn.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")}
    problems: dict[str, dict[str, int]] = {"error": {}, "warning": {}}
    for row in conn.execute("SELECT severity, code, count(*) FROM problems GROUP BY 1, 2 ORDER BY 1, 2"):
        problems[row[0]][row[1]] = row[2]
    outlets = {r[0]: r[1] for r in conn.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT 20")}
    first, last = conn.execute("SELECT min(published_day), max(published_day) FROM articles").fetchone()
    return {"tables": tables, "status": status, "event_types": types, "errors": problems["error"],
            "warnings": problems["warning"], "outlets": outlets, "published": {"first": first, "last": last}}


# ------------------------------------------------------------------------------------------------------ articles


def list_articles(conn: sqlite3.Connection, date_from: Optional[str] = None, date_to: Optional[str] = None,
                  outlet: Optional[str] = None, q: Optional[str] = None, has_event_type: Optional[str] = None,
                  status: Optional[str] = None, sort: str = "published", order: str = "desc", limit: int = 50,
                  offset: int = 0) -> dict[str, Any]:
    """Articles matching the filters, newest first, with layer counts (and a search snippet when ``q`` is given).

    Args:
        conn: An open store connection.
        date_from: First publication day (``YYYY-MM-DD``), inclusive.
        date_to: Last publication day, inclusive.
        outlet: Exact outlet name.
        q: Free-text search over title and text (FTS5; every word must occur).
        has_event_type: Only articles with at least one event of this PLOVER type.
        status: ``ok`` or ``error``.
        sort: One of :data:`ARTICLE_SORTS`.
        order: ``asc`` or ``desc``.
        limit: Page size (at most :data:`MAX_LIMIT`).
        offset: Rows to skip.
    """
    limit, offset = _page(limit, offset)
    where, join, snippet = _Where(), "", "NULL"
    where.days("a.published_day", date_from, date_to)
    where.equal("a.outlet", outlet)
    where.equal("a.status", status)
    if has_event_type:
        where.add("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = ?)", has_event_type)
    match = fts_query(q) if q else None
    if match:
        join = "JOIN articles_fts f ON f.rowid = a.rowid"
        where.add("articles_fts MATCH ?", match)
        snippet = f"snippet(articles_fts, 1, '{_MARK_OPEN}', '{_MARK_CLOSE}', '…', 24)"
    clause, params = where.sql(), where.params
    counts = ", ".join(f"(SELECT count(*) FROM {t} x WHERE x.article_id = a.id) AS n_{t}"
                       for t in ("entities", "times", "places", "quantities", "quotes", "events"))
    select = (f"SELECT a.id, a.title, a.published, a.outlet, a.url, a.status, a.language, length(a.text) AS n_chars, "
              f"{counts}, {snippet} AS snippet FROM articles a {join} {clause} "
              f"ORDER BY {_order(sort, order, ARTICLE_SORTS)}, a.rowid DESC")
    page = _paged(conn, select, f"SELECT count(*) FROM articles a {join} {clause}", params, limit, offset)
    for item in page["items"]:
        item["snippet"], item["snippet_marks"] = _split_marks(item["snippet"])
    return page


def _split_marks(snippet: Optional[str]) -> tuple[Optional[str], list[list[int]]]:
    """Remove the FTS5 markers from a snippet and return it with the ``[start, end]`` of each match."""
    if not snippet:
        return None, []
    out, marks, start = [], [], 0
    length = 0
    for ch in snippet:
        if ch == _MARK_OPEN:
            start = length
        elif ch == _MARK_CLOSE:
            marks.append([start, length])
        else:
            out.append(ch)
            length += 1
    return "".join(out), marks


def get_article(conn: sqlite3.Connection, article_id: str) -> Optional[dict[str, Any]]:
    """The ArticleRecord dict of one article, or None.

    Args:
        conn: An open store connection.
        article_id: The full id, or a unique prefix of at least 8 hex characters.
    """
    row = conn.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None and _HEX.match(article_id or ""):
        # a range on the unique index: every id with this prefix sorts between it and the prefix followed by 'g'
        rows = conn.execute("SELECT record FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                            [article_id, article_id + "g"]).fetchall()
        row = rows[0] if len(rows) == 1 else None
    return json.loads(row["record"]) if row else None


def outlets(conn: sqlite3.Connection) -> list[str]:
    """Every outlet name in the store, sorted (for filter menus)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]


# -------------------------------------------------------------------------------------------------------- events


def _event_filters(type: Optional[str] = None, mode: Optional[str] = None, status: Optional[str] = None,
                   actor_country: Optional[str] = None, actor_sector: Optional[str] = None,
                   place_country: Optional[str] = None, date_from: Optional[str] = None,
                   date_to: Optional[str] = None, article_id: Optional[str] = None) -> _Where:
    where = _Where()
    for column, value in (("e.type", type), ("e.mode", mode), ("e.status", status), ("e.article_id", article_id)):
        where.equal(column, value)
    for column, value in (("e.actor_country", actor_country), ("e.actor_sector", actor_sector),
                          ("e.place_country", place_country)):
        where.equal(column, value, nocase=True)
    where.days("e.day", date_from, date_to)
    return where


def list_events(conn: sqlite3.Connection, type: Optional[str] = None, mode: Optional[str] = None,
                status: Optional[str] = None, actor_country: Optional[str] = None, actor_sector: Optional[str] = None,
                place_country: Optional[str] = None, date_from: Optional[str] = None, date_to: Optional[str] = None,
                article_id: Optional[str] = None, sort: str = "day", order: str = "desc", limit: int = 50,
                offset: int = 0) -> dict[str, Any]:
    """Events matching the filters, each with its article and its evidence (actors, trigger, sentence).

    Args:
        conn: An open store connection.
        type: PLOVER event type (``PROTEST``, ``ASSAULT``…).
        mode: PLOVER mode.
        status: ``occurred``, ``announced``, ``intended``, ``negated``, ``hypothetical``, ``ongoing``.
        actor_country: ISO 3166-1 alpha-3 code of the first actor.
        actor_sector: PLOVER sector of the first actor.
        place_country: ISO 3166-1 alpha-2 code of the event's place.
        date_from: First event day (``YYYY-MM-DD``), inclusive.
        date_to: Last event day, inclusive.
        article_id: Only this article's events.
        sort: One of :data:`EVENT_SORTS`.
        order: ``asc`` or ``desc``.
        limit: Page size.
        offset: Rows to skip.
    """
    limit, offset = _page(limit, offset)
    where = _event_filters(type, mode, status, actor_country, actor_sector, place_country, date_from, date_to,
                           article_id)
    clause, params = where.sql(), where.params
    select = ("SELECT e.*, a.title, a.outlet, a.published FROM events e JOIN articles a ON a.id = e.article_id "
              f"{clause} ORDER BY {_order(sort, order, EVENT_SORTS)}, e.article_id, e.id")
    page = _paged(conn, select, f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id {clause}",
                  params, limit, offset)
    _add_evidence(conn, page["items"])
    return page


def _add_evidence(conn: sqlite3.Connection, items: list[dict]) -> None:
    """Add actor/recipient names, trigger text and sentence text from each event's record (one parse per article)."""
    records: dict[str, dict] = {}
    for item in items:
        rec = records.get(item["article_id"])
        if rec is None:
            rec = records[item["article_id"]] = get_article(conn, item["article_id"]) or {}
        names = {e["id"]: e["name"] for e in rec.get("entities", [])}
        event = next((e for e in rec.get("events", []) if e.get("id") == item["id"]), {})
        item["actors"] = [names.get(i, i) for i in event.get("actor", [])]
        item["recipients"] = [names.get(i, i) for i in event.get("recipient", [])]
        text = rec.get("text", "")
        start, end = item.get("trigger_start"), item.get("trigger_end")
        item["trigger_text"] = text[start:end] if start is not None and end is not None else None
        sentences = rec.get("sentences", [])
        index = item.get("sentence")
        ok = isinstance(index, int) and 0 <= index < len(sentences)
        item["sentence_text"] = text[sentences[index]["start"]:sentences[index]["end"]] if ok else None


def events_timeline(conn: sqlite3.Connection, **filters: Any) -> dict[str, Any]:
    """Events per day by type, for the same filters as :func:`list_events` (sort and paging ignored).

    Returns:
        ``{items: [{day, type, n}], types: [type…], first, last, total}``; events without a day are left out.
    """
    filters = {k: v for k, v in filters.items() if k not in ("sort", "order", "limit", "offset")}
    where = _event_filters(**filters)
    items = _rows(conn.execute(f"SELECT e.day AS day, e.type AS type, count(*) AS n FROM events e "
                               f"{where.sql('e.day IS NOT NULL')} GROUP BY e.day, e.type ORDER BY e.day, e.type",
                               where.params))
    totals: dict[str, int] = {}
    for item in items:
        totals[item["type"]] = totals.get(item["type"], 0) + item["n"]
    return {"items": items, "types": sorted(totals, key=lambda t: (-totals[t], t)),
            "first": items[0]["day"] if items else None, "last": items[-1]["day"] if items else None,
            "total": sum(totals.values())}


def event_places(conn: sqlite3.Connection, **filters: Any) -> dict[str, Any]:
    """Where the filtered events happened: points (events per place) and events per place country.

    Returns:
        ``{points: [{place_name, place_country, lat, lon, n, types}], countries: {ISO2: n}, unplaced: n}``.
    """
    filters = {k: v for k, v in filters.items() if k not in ("sort", "order", "limit", "offset")}
    where = _event_filters(**filters)
    points = _rows(conn.execute(
        "SELECT e.place_name, e.place_country, e.lat, e.lon, count(*) AS n, json_group_array(DISTINCT e.type) AS types "
        f"FROM events e {where.sql('e.lat IS NOT NULL AND e.lon IS NOT NULL')} "
        "GROUP BY e.place_name, e.place_country, e.lat, e.lon ORDER BY n DESC, e.place_name", where.params))
    for point in points:
        point["types"] = sorted(t for t in json.loads(point["types"]) if t)
    countries = {r[0]: r[1] for r in conn.execute(
        f"SELECT upper(e.place_country), count(*) FROM events e {where.sql('e.place_country IS NOT NULL')} "
        "GROUP BY 1 ORDER BY 2 DESC", where.params)}
    unplaced = conn.execute(f"SELECT count(*) FROM events e {where.sql('e.lat IS NULL')}", where.params).fetchone()[0]
    return {"points": points, "countries": countries, "unplaced": unplaced}


def event_facets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Distinct values of the event filter columns (for filter menus)."""
    facets = {}
    for name in ("type", "mode", "status", "actor_country", "actor_sector", "place_country"):
        facets[name] = [r[0] for r in conn.execute(
            f"SELECT DISTINCT {name} FROM events WHERE {name} IS NOT NULL ORDER BY 1")]  # names are constants
    return facets


# ------------------------------------------------------------------------------------------- entities and quotes


def list_entities(conn: sqlite3.Connection, name: Optional[str] = None, type: Optional[str] = None,
                  country: Optional[str] = None, sector: Optional[str] = None, article_id: Optional[str] = None,
                  sort: str = "mentions", order: str = "desc", limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Entities across articles, grouped by (name, type, actor country, actor sector), with counts.

    Args:
        conn: An open store connection.
        name: Part of the entity name (case-insensitive).
        type: Entity type (``PERSON``, ``ORG``, ``GPE``…).
        country: Actor country (ISO 3166-1 alpha-3).
        sector: Actor sector (PLOVER).
        article_id: Only this article's entities.
        sort: ``mentions``, ``articles`` or ``name``.
        order: ``asc`` or ``desc``.
        limit: Page size.
        offset: Rows to skip.

    Returns:
        Items ``{name, type, country, sector, n_articles, n_mentions, roles}``.
    """
    limit, offset = _page(limit, offset)
    where = _Where()
    if name:
        where.add("name LIKE ? ESCAPE '\\'", _like(name))
    for column, value in (("type", type), ("country", country), ("sector", sector)):
        where.equal(column, value, nocase=True)
    where.equal("article_id", article_id)
    clause, params = where.sql(), where.params
    grouped = ("SELECT name, type, country, sector, count(DISTINCT article_id) AS n_articles, "
               "sum(n_mentions) AS n_mentions, json_group_array(DISTINCT role) AS roles "
               f"FROM entities {clause} GROUP BY name, type, country, sector")
    select = f"SELECT * FROM ({grouped}) ORDER BY {_order(sort, order, ENTITY_SORTS)}, name, type"
    page = _paged(conn, select, f"SELECT count(*) FROM ({grouped})", params, limit, offset)
    for item in page["items"]:
        item["roles"] = sorted(r for r in json.loads(item["roles"]) if r)
    return page


def list_quotes(conn: sqlite3.Connection, speaker: Optional[str] = None, kind: Optional[str] = None,
                article_id: Optional[str] = None, q: Optional[str] = None, limit: int = 50,
                offset: int = 0) -> dict[str, Any]:
    """Who said what: quotes ordered by speaker, with the speakers grouped (canonical name and its variants).

    Args:
        conn: An open store connection.
        speaker: Part of the speaker's canonical name or of the speaker text as written (case-insensitive).
        kind: ``direct``, ``indirect`` or ``mixed``.
        article_id: Only this article's quotes.
        q: Part of the quoted content (case-insensitive).
        limit: Page size.
        offset: Rows to skip.

    Returns:
        The page of quotes (each with its article's title, outlet and date) plus ``speakers``: every matching
        speaker ``{name, n_quotes, n_articles, variants}`` (``name`` null for unattributed quotes), most quoted first.
    """
    limit, offset = _page(limit, offset)
    where = _Where()
    if speaker:
        where.add("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')", _like(speaker),
                  _like(speaker))
    where.equal("q.kind", kind)
    where.equal("q.article_id", article_id)
    if q:
        where.add("q.content_text LIKE ? ESCAPE '\\'", _like(q))
    clause, params = where.sql(), where.params
    base = "FROM quotes q JOIN articles a ON a.id = q.article_id"
    select = (f"SELECT q.*, a.title, a.outlet, a.published {base} {clause} "
              "ORDER BY q.speaker_name IS NULL, q.speaker_name COLLATE NOCASE, a.published DESC, q.article_id, q.start")
    page = _paged(conn, select, f"SELECT count(*) {base} {clause}", params, limit, offset)
    speakers = _rows(conn.execute(
        f"SELECT q.speaker_name AS name, count(*) AS n_quotes, count(DISTINCT q.article_id) AS n_articles, "
        f"json_group_array(DISTINCT q.speaker_text) AS variants {base} {clause} "
        "GROUP BY q.speaker_name ORDER BY q.speaker_name IS NULL, n_quotes DESC, q.speaker_name LIMIT 200", params))
    for group in speakers:
        group["variants"] = sorted(v for v in json.loads(group["variants"]) if v)
    page["speakers"] = speakers
    return page
