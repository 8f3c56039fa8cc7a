"""Hand-built ArticleRecords with every layer (events included) and a store built from them.

Used by the query, API and web tests: no stage produces events yet, so these invented wire-style articles carry
hand-made entities, times, places, quantities, quotes and events whose offsets are computed from the text here.
"""
from __future__ import annotations

import asyncio
import bisect
import re
from pathlib import Path

import httpx

from newsevents.record import ArticleRecord, error_record, text_id
from newsevents.store.db import open_store, write_record

_SENT_END = re.compile(r'(?<=[.!?])["”]?\s+|\n+')


def at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``needle`` in ``text`` (fails loudly if absent)."""
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


class _Builder:
    """Collects layer items for one text, with offsets looked up by string."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = []
        pos = 0
        for match in _SENT_END.finditer(text):
            if text[pos:match.start()].strip():
                self.sentences.append({"start": pos, "end": match.start() + (1 if text[match.start()] == '"' else 0)})
            pos = match.end()
        if text[pos:].strip():
            self.sentences.append({"start": pos, "end": len(text)})
        self.starts = [s["start"] for s in self.sentences]
        self.layers: dict[str, list] = {k: [] for k in ("entities", "times", "places", "quantities", "quotes",
                                                         "events")}

    def sent(self, start: int) -> int:
        return max(0, bisect.bisect_right(self.starts, start) - 1)

    def span(self, needle: str, nth: int = 1) -> dict:
        start, end = at(self.text, needle, nth)
        return {"start": start, "end": end, "text": needle}

    def entity(self, eid: str, name: str, type_: str, country: str | None, sector: str | None,
               mentions: list[tuple[str, int]], role: str | None = None) -> None:
        spans = [{**self.span(m, n), "sentence": self.sent(at(self.text, m, n)[0])} for m, n in mentions]
        self.layers["entities"].append({"id": eid, "name": name, "type": type_, "role": role, "mentions": spans,
                                        "actor": {"country": country, "sector": sector} if country or sector else None})

    def item(self, layer: str, needle: str, nth: int = 1, **fields) -> None:
        span = self.span(needle, nth)
        prefix = layer[0].upper()
        self.layers[layer].append({"id": f"{prefix}{len(self.layers[layer]) + 1}", **span,
                                   "sentence": self.sent(span["start"]), **fields})

    def quote(self, kind: str, whole: str, content: str, cue: str, speaker: str, entity_id: str | None) -> None:
        start, end = at(self.text, whole)
        inside = self.text[start:end]
        parts = {}
        for key, needle in (("content", content), ("cue", cue), ("speaker", speaker)):
            rel = inside.index(needle)
            parts[key] = {"start": start + rel, "end": start + rel + len(needle), "text": needle}
        parts["speaker"]["entity_id"] = entity_id
        self.layers["quotes"].append({"id": f"Q{len(self.layers['quotes']) + 1}", "kind": kind, "start": start,
                                      "end": end, "text": inside, "sentence": self.sent(start), **parts})

    def event(self, eid: str, type_: str, trigger: str, nth: int = 1, **fields) -> None:
        start, end = at(self.text, trigger, nth)
        self.layers["events"].append({"id": eid, "type": type_, "evidence": {
            "sentence": self.sent(start), "trigger": {"start": start, "end": end, "text": trigger}}, **fields})

    def record(self, **extra) -> ArticleRecord:
        return ArticleRecord(id=text_id(self.text), text=self.text, sentences=self.sentences, **self.layers, **extra)


def _dockers() -> ArticleRecord:
    b = _Builder(
        "VALPARAISO, Chile (Harbor Wire) — About 2,000 dock workers walked off the job in Valparaiso on Monday, "
        "halting cargo traffic at Chile's busiest port.\n\n"
        "\"We will not let machines take our jobs,\" said Marta Rojas, a spokeswoman for the dockers' union. "
        "Police arrested 14 people near the port gates, the Interior Ministry said.\n\n"
        "Transport Minister Diego Alarcon said on Tuesday that the government would meet union leaders within two "
        "weeks.")
    b.entity("E1", "Marta Rojas", "PERSON", "CHL", "LAB", [("Marta Rojas", 1)], role="spokeswoman for the dockers' union")
    b.entity("E2", "dockers' union", "ORG", "CHL", "LAB", [("dockers' union", 1), ("union leaders", 1)])
    b.entity("E3", "Police", "ORG", "CHL", "COP", [("Police", 1)])
    b.entity("E4", "Interior Ministry", "ORG", "CHL", "GOV", [("Interior Ministry", 1)])
    b.entity("E5", "Diego Alarcon", "PERSON", "CHL", "GOV", [("Diego Alarcon", 1)], role="Transport Minister")
    b.entity("E6", "dock workers", "GROUP", "CHL", "LAB", [("dock workers", 1)])
    b.item("times", "Monday", type="DATE", value="2026-03-02", anchor="2026-03-03")
    b.item("times", "Tuesday", type="DATE", value="2026-03-03", anchor="2026-03-03")
    b.item("times", "within two weeks", type="DURATION", value="P2W", mod="LESS_THAN")
    b.item("places", "VALPARAISO", name="Valparaíso", geonameid=3868626, lat=-33.04, lon=-71.63, country="CL",
           country_iso3="CHL", feature="P.PPLA", precision="city", score=0.93)
    b.item("places", "Chile", name="Chile", geonameid=3895114, lat=-30.0, lon=-71.0, country="CL",
           country_iso3="CHL", feature="A.PCLI", precision="country", score=0.99)
    b.item("places", "Valparaiso", name="Valparaíso", geonameid=3868626, lat=-33.04, lon=-71.63, country="CL",
           country_iso3="CHL", feature="P.PPLA", precision="city", score=0.95)
    b.item("quantities", "About 2,000", value=2000, qualifier="about", approximate=True, category="PROTEST",
           counts={"start": at(b.text, "dock workers")[0], "end": at(b.text, "dock workers")[1], "text": "dock workers"})
    b.item("quantities", "14", value=14, category="ARREST",
           counts={"start": at(b.text, "people")[0], "end": at(b.text, "people")[1], "text": "people"})
    b.quote("direct", "\"We will not let machines take our jobs,\" said Marta Rojas",
            "We will not let machines take our jobs,", "said", "Marta Rojas", "E1")
    b.quote("indirect", "Police arrested 14 people near the port gates, the Interior Ministry said",
            "Police arrested 14 people near the port gates", "said", "the Interior Ministry", "E4")
    b.quote("indirect", "Diego Alarcon said on Tuesday that the government would meet union leaders within two weeks",
            "the government would meet union leaders within two weeks", "said", "Diego Alarcon", "E5")
    b.event("EV1", "PROTEST", "walked off the job", mode="strike", actor=["E6"], status="occurred",
            time={"id": "T1"}, place={"id": "P3"}, size={"participants": 2000}, confidence=0.91)
    b.event("EV2", "COERCE", "arrested", mode="arrest", actor=["E3"], status="occurred", time={"id": "T1"},
            place={"id": "P3"}, size={"arrested": 14}, confidence=0.84)
    b.event("EV3", "CONSULT", "meet", actor=["E5"], recipient=["E2"], status="intended", confidence=0.62)
    return b.record(meta={"title": "Dock workers strike in Valparaiso over port automation",
                          "published": "2026-03-03T08:15:00Z", "outlet": "Harbor Wire", "language": "en"},
                    source={"url": "https://example.org/harbor/dockers"},
                    removed_boilerplate=["Sign up for the Harbor Wire morning briefing", "Related: Port strike spreads north"])


def _drone() -> ArticleRecord:
    b = _Builder(
        "KHARKIV, Ukraine — Two people were killed and 11 wounded when a drone struck a residential building in "
        "Kharkiv overnight, regional governor Ivan Petrenko said on Wednesday.\n\n"
        "The United Nations said it would send emergency aid to the city. "
        "\"Civilians are paying the price,\" UN coordinator Amira Haddad told reporters.")
    b.entity("E1", "Ivan Petrenko", "PERSON", "UKR", "GOV", [("Ivan Petrenko", 1)], role="regional governor")
    b.entity("E2", "United Nations", "ORG", "IGO", "IGO", [("United Nations", 1), ("UN", 1)])
    b.entity("E3", "Amira Haddad", "PERSON", "IGO", "IGO", [("Amira Haddad", 1)], role="UN coordinator")
    b.item("times", "overnight", type="TIME", value="2026-03-04TNI")
    b.item("times", "Wednesday", type="DATE", value="2026-03-04", anchor="2026-03-04")
    b.item("places", "KHARKIV", name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25, country="UA",
           country_iso3="UKR", feature="P.PPLA", precision="city", score=0.97)
    b.item("places", "Ukraine", name="Ukraine", geonameid=690791, lat=49.0, lon=32.0, country="UA",
           country_iso3="UKR", feature="A.PCLI", precision="country", score=0.99)
    b.item("places", "Kharkiv", name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25, country="UA",
           country_iso3="UKR", feature="P.PPLA", precision="city", score=0.97)
    b.item("quantities", "Two", value=2, category="KILL",
           counts={"start": at(b.text, "people")[0], "end": at(b.text, "people")[1], "text": "people"})
    b.item("quantities", "11", value=11, category="WOUND")
    b.quote("indirect", "Two people were killed and 11 wounded when a drone struck a residential building in "
            "Kharkiv overnight, regional governor Ivan Petrenko said",
            "Two people were killed and 11 wounded when a drone struck a residential building in Kharkiv overnight",
            "said", "regional governor Ivan Petrenko", "E1")
    b.quote("indirect", "The United Nations said it would send emergency aid to the city",
            "it would send emergency aid to the city", "said", "The United Nations", "E2")
    b.quote("direct", "\"Civilians are paying the price,\" UN coordinator Amira Haddad told",
            "Civilians are paying the price,", "told", "UN coordinator Amira Haddad", "E3")
    b.event("EV1", "ASSAULT", "struck", mode="aerial", status="occurred", time={"id": "T1"}, place={"id": "P3"},
            size={"dead": 2, "injured": 11}, confidence=0.88)
    b.event("EV2", "AID", "send", mode="humanitarian", actor=["E2"], status="intended", place={"id": "P3"},
            confidence=0.7)
    return b.record(meta={"title": "Drone strike kills two in Kharkiv", "published": "2026-03-04",
                          "outlet": "Northern Ledger", "language": "en"},
                    warnings=[{"code": "W103", "stage": "times", "message": "[W103] sample warning"}])


def _march() -> ArticleRecord:
    b = _Builder(
        "SANTIAGO (Harbor Wire) — Hundreds of students marched through central Santiago on Thursday in support of "
        "the striking dock workers. Rojas told the crowd the strike would continue \"until the ministry listens\".")
    b.entity("E1", "Marta Rojas", "PERSON", "CHL", "LAB", [("Rojas", 1)])
    b.entity("E2", "students", "GROUP", "CHL", "EDU", [("students", 1)])
    b.item("times", "Thursday", type="DATE", value="2026-03-05", anchor="2026-03-05")
    b.item("places", "SANTIAGO", name="Santiago", geonameid=3871336, lat=-33.46, lon=-70.65, country="CL",
           country_iso3="CHL", feature="P.PPLC", precision="city", score=0.9)
    b.item("places", "Santiago", name="Santiago", geonameid=3871336, lat=-33.46, lon=-70.65, country="CL",
           country_iso3="CHL", feature="P.PPLC", precision="city", score=0.9)
    b.item("quantities", "Hundreds", low=100, category="PROTEST", vague=True, approximate=True)
    b.quote("mixed", "Rojas told the crowd the strike would continue \"until the ministry listens\"",
            "the strike would continue \"until the ministry listens\"", "told", "Rojas", "E1")
    b.event("EV1", "PROTEST", "marched", mode="demonstrate", actor=["E2"], status="occurred", time={"id": "T1"},
            place={"id": "P2"}, size={"participants": 100}, confidence=0.86)
    return b.record(meta={"title": "Students march in Santiago for dock workers", "published": "2026-03-05",
                          "outlet": "Harbor Wire", "language": "en"})


def _plain() -> ArticleRecord:
    """Like real records today: entities and times but no events."""
    b = _Builder("The city council of Tromso approved a new ferry timetable on Friday after a short debate.")
    b.entity("E1", "city council of Tromso", "ORG", "NOR", "GOV", [("city council of Tromso", 1)])
    b.item("times", "Friday", type="DATE", value="2026-02-27")
    return b.record(meta={"title": "Tromso approves ferry timetable", "published": "2026-02-28",
                          "outlet": "Fjord Post", "language": "en"})


def records() -> list[ArticleRecord]:
    """The fixture records: three with events, one without, one error row."""
    bad = error_record([{"code": "E104", "stage": "ingest", "message": "[E104] HTML with no article body"}],
                       source={"url": "https://example.org/stub"})
    return [_dockers(), _drone(), _march(), _plain(), bad]


def build_store(path: Path, extra: list[ArticleRecord] = ()) -> Path:
    """A store at ``path`` holding :func:`records` (plus ``extra``), written by the store writer."""
    with open_store(path) as conn:
        for i, rec in enumerate([*records(), *extra]):
            write_record(conn, rec, f"fixture#{i}")
    return path


class Client:
    """A small synchronous client over ``httpx.ASGITransport`` (Starlette's TestClient warns on this httpx)."""

    def __init__(self, app, raise_app_exceptions: bool = True) -> None:
        self.app = app
        self.raise_app_exceptions = raise_app_exceptions

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=self.raise_app_exceptions)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(send())

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)
