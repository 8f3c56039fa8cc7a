"""The article view's marked-up text: every layer of a record as nested ``<span>``\\ s built from its offsets.

Spans from different layers overlap freely (a quote holds entities, an event's sentence cuts through a quote), but
HTML elements must nest. :func:`markup` walks the span boundaries in order and, when a span ends while spans opened
after it are still open, closes those, closes it, and reopens them, so the output is always well formed and each
character sits inside exactly the spans that cover it. All text is escaped; attributes are escaped.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Optional

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of text: ``[start, end)`` with its CSS classes and data attributes."""

    start: int
    end: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = field(default=())
    #: among spans with the same boundaries, lower rank opens first (outermost)
    rank: int = 0


def _open(span: Span, continued: bool) -> str:
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in span.attrs)
    cont = " cont" if continued else ""
    return f'<span class="{escape(span.classes)}{cont}"{attrs}>'


def markup(text: str, spans: list[Span]) -> Markup:
    """Escape ``text`` and wrap each span's stretch in its ``<span>``, splitting spans that cross.

    Args:
        text: The article text.
        spans: Spans with offsets into ``text``; empty or out-of-range parts are dropped.

    Returns:
        Safe HTML (the text itself, escaped, when there are no spans).
    """
    length = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= length]
    opening: dict[int, list[Span]] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.rank)):
        opening.setdefault(span.start, []).append(span)
    cuts = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    for i, pos in enumerate(cuts):
        ending = [k for k, s in enumerate(stack) if s.end == pos]
        if ending:
            lowest = ending[0]
            reopen = [s for s in stack[lowest:] if s.end != pos]
            out.append("</span>" * (len(stack) - lowest))
            del stack[lowest:]
            for span in reopen:
                out.append(_open(span, continued=True))
                stack.append(span)
        for span in opening.get(pos, []):
            out.append(_open(span, continued=False))
            stack.append(span)
        if i + 1 < len(cuts):
            out.append(str(escape(text[pos:cuts[i + 1]])))
    out.append("</span>" * len(stack))
    return Markup("".join(out))


def actor_code(actor: Optional[dict]) -> str:
    """``CHL GOV``-style actor code of an entity (empty when it has none)."""
    actor = actor or {}
    return " ".join(p for p in (actor.get("country"), actor.get("sector")) if p)


def actor_colour(code: str) -> str:
    """A stable pastel background for an actor code (grey for entities without one)."""
    if not code:
        return "hsl(0, 0%, 88%)"
    hue = int(hashlib.sha1(code.encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue}, 75%, 84%)"


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def _time_tip(t: dict) -> str:
    bits = [f"{t.get('type', 'TIME')} {t.get('value') or '(no value)'}"]
    if t.get("mod"):
        bits.append(f"mod {t['mod']}")
    if t.get("anchor"):
        bits.append(f"anchored on {t['anchor']}")
    return " · ".join(bits)


def _place_tip(p: dict) -> str:
    if p.get("geonameid") is None:
        return f"place: unresolved ({p.get('reason') or 'no candidate'})"
    bits = [p.get("name") or p.get("text", ""), p.get("country") or "", p.get("precision") or "",
            f"GeoNames {p['geonameid']}"]
    if p.get("score") is not None:
        bits.append(f"score {p['score']:.2f}")
    if p.get("metonymic"):
        bits.append("metonymic")
    return " · ".join(b for b in bits if b)


def _quantity_tip(q: dict) -> str:
    if q.get("value") is not None:
        value = _num(q["value"])
    else:
        value = "–".join(_num(q[k]) for k in ("low", "high") if q.get(k) is not None) or "?"
    amount = " ".join(b for b in (q.get("qualifier"), value, q.get("unit")) if b)
    bits = [amount, q.get("category") or "OTHER"]
    if (q.get("counts") or {}).get("text"):
        bits.append(f"counts: {q['counts']['text']}")
    if q.get("approximate"):
        bits.append("approximate")
    return " · ".join(bits)


def record_spans(record: dict) -> list[Span]:
    """Every layer of a record dict as spans (entities, times, places, quantities, quotes, event evidence)."""
    spans: list[Span] = []
    entities = {e["id"]: e for e in record.get("entities", [])}
    for ent in entities.values():
        code = actor_code(ent.get("actor"))
        tip = " · ".join(b for b in (ent["name"], ent.get("type"), code, ent.get("role")) if b)
        for m in ent.get("mentions", []):
            spans.append(Span(m["start"], m["end"], "hl ent", (
                ("data-layer", "entities"), ("data-entity", ent["id"]), ("data-actor", code),
                ("style", f"--ent: {actor_colour(code)}"), ("title", tip)), rank=4))
    for t in record.get("times", []):
        spans.append(Span(t["start"], t["end"], "hl tm", (("data-layer", "times"), ("data-value", t.get("value") or ""),
                                                          ("title", _time_tip(t))), rank=5))
    for p in record.get("places", []):
        spans.append(Span(p["start"], p["end"], "hl pl" + (" unresolved" if p.get("geonameid") is None else ""), (
            ("data-layer", "places"), ("data-precision", p.get("precision") or ""), ("title", _place_tip(p))), rank=6))
    for q in record.get("quantities", []):
        spans.append(Span(q["start"], q["end"], "hl qt", (("data-layer", "quantities"),
                                                          ("data-category", q.get("category") or "OTHER"),
                                                          ("title", _quantity_tip(q))), rank=7))
    for q in record.get("quotes", []):
        speaker = q.get("speaker") or {}
        who = entities.get(speaker.get("entity_id") or "", {}).get("name") or speaker.get("text") or "unknown speaker"
        tip = f"{q.get('kind', 'quote')} quote · speaker: {who}"
        spans.append(Span(q["content"]["start"], q["content"]["end"], "hl qc", (
            ("data-layer", "quotes"), ("data-quote", q["id"]), ("data-speaker", who), ("title", tip)), rank=2))
        if q.get("cue"):
            spans.append(Span(q["cue"]["start"], q["cue"]["end"], "hl qcue",
                              (("data-layer", "quotes"), ("data-quote", q["id"]), ("title", f"cue · {tip}")), rank=3))
        if speaker.get("start") is not None:
            spans.append(Span(speaker["start"], speaker["end"], "hl qs", (
                ("data-layer", "quotes"), ("data-quote", q["id"]), ("title", f"speaker of {q['id']}: {who}")), rank=3))
    sentences = record.get("sentences", [])
    for ev in record.get("events", []):
        evidence = ev.get("evidence") or {}
        sent = evidence.get("sentence")
        if isinstance(sent, int) and 0 <= sent < len(sentences):
            sent = sentences[sent]
        if isinstance(sent, dict) and "start" in sent:
            spans.append(Span(sent["start"], sent["end"], "ev-sent", (("data-ev", ev["id"]),), rank=0))
        trigger = evidence.get("trigger") or {}
        if trigger.get("start") is not None:
            spans.append(Span(trigger["start"], trigger["end"], "ev-trig",
                              (("data-ev", ev["id"]), ("title", f"{ev['id']} {ev.get('type', '')} trigger")), rank=1))
    return spans


def article_html(record: dict) -> Markup:
    """The record's text with every layer highlighted (safe HTML)."""
    return markup(record.get("text", ""), record_spans(record))


def event_cards(record: dict) -> list[dict[str, Any]]:
    """The record's events with their references resolved for display (actor names, place, time, sentence)."""
    entities = {e["id"]: e for e in record.get("entities", [])}
    places = {p["id"]: p for p in record.get("places", [])}
    times = {t["id"]: t for t in record.get("times", [])}
    cards = []
    for ev in record.get("events", []):
        place = places.get((ev.get("place") or {}).get("id") or "")
        time = ev.get("time") or {}
        time_item = times.get(time.get("id") or "")
        trigger = (ev.get("evidence") or {}).get("trigger") or {}
        cards.append({
            "id": ev["id"], "type": ev.get("type"), "mode": ev.get("mode"), "status": ev.get("status"),
            "actors": [entities.get(i, {}).get("name", i) for i in ev.get("actor", [])],
            "recipients": [entities.get(i, {}).get("name", i) for i in ev.get("recipient", [])],
            "place": (place.get("name") or place.get("text")) if place else (ev.get("place") or {}).get("name"),
            "time": (time_item or {}).get("value") or time.get("value"),
            "size": ev.get("size") or {}, "confidence": ev.get("confidence"),
            "trigger": trigger.get("text") or (record.get("text", "")[trigger["start"]:trigger["end"]]
                                               if trigger.get("start") is not None else None),
        })
    return cards
