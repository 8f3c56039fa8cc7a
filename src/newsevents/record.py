"""The public ArticleRecord and the one conversion from a processed spaCy Doc.

Every extracted item carries ``start``/``end`` character offsets into ``ArticleRecord.text`` (the canonical text
that ingest produced) and ``sentence``, the index into ``ArticleRecord.sentences`` of the sentence it starts in.

Stages write their items as plain JSON-like dicts on Doc extensions (``doc._.entities``, ``doc._.times``, …) so
that Docs survive ``nlp.pipe(n_process=2)``; :func:`from_doc` validates them into the models below. A change of
shape bumps :data:`SCHEMA_VERSION` and is listed in CHANGELOG.md.
"""
from __future__ import annotations

import bisect
import hashlib
from functools import lru_cache
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from spacy.tokens import Doc

from .errors import Code, error_item

SCHEMA_VERSION = "1.0"

#: Doc extensions the stages fill; each holds a list of dicts shaped like the matching item model.
LAYERS = ("entities", "times", "places", "quantities", "quotes", "events")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Offsets(_Model):
    """A character span into the article text."""

    start: int
    end: int
    text: str = ""


class Problem(_Model):
    """An error or warning row: ``{code, stage, message}``."""

    code: str
    stage: str
    message: str


class Source(_Model):
    """Where the article came from."""

    id: Optional[str] = Field(None, description="the caller's own id (e.g. the 'id' of a JSONL input line)")
    url: Optional[str] = None
    path: Optional[str] = None
    line: Optional[int] = Field(None, description="1-based line number in a JSONL input file")
    feed: Optional[str] = None


class Meta(_Model):
    """Article metadata from the source or found by ingest."""

    title: Optional[str] = None
    standfirst: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or datetime")
    outlet: Optional[str] = None
    author: Optional[str] = None
    language: Optional[str] = Field(None, description="ISO 639-1 code detected from the text")
    url: Optional[str] = Field(None, description="canonical URL given by the page")


class Sentence(_Model):
    start: int
    end: int


class _Item(_Model):
    """Fields every text-derived item shares."""

    start: int
    end: int
    text: str
    sentence: Optional[int] = None


class Actor(_Model):
    """PLOVER-style actor code: country ISO 3166-1 alpha-3 (or IGO code) and sector."""

    country: Optional[str] = None
    sector: Optional[str] = None


class Mention(_Model):
    start: int
    end: int
    text: str
    sentence: Optional[int] = None


class Entity(_Model):
    """A canonical entity with every mention of it."""

    id: str
    name: str
    type: str = Field(description="PERSON, ORG, GPE, NORP, GROUP, LOC, FAC, WEAPON, …")
    actor: Optional[Actor] = None
    role: Optional[str] = Field(None, description="role phrase from the text, e.g. 'former US diplomat'")
    mentions: list[Mention] = []


class Time(_Item):
    """A TIMEX3-style time expression."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: Optional[str] = Field(None, description="TIMEX3 value: 2016-03-14, 2015-09, 2016-W11, P5Y, PAST_REF…")
    mod: Optional[str] = Field(None, description="START, MID, END, APPROX, MORE_THAN, LESS_THAN, …")
    anchor: Optional[str] = Field(None, description="the date the value was resolved against, if relative")


class Admin(_Model):
    code: Optional[str] = None
    name: Optional[str] = None


class PlaceCandidate(_Model):
    geonameid: int
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: Optional[str] = None
    score: float


class Place(_Item):
    """A toponym resolved to GeoNames (``geonameid`` null with a ``reason`` when unresolved)."""

    id: str
    name: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-2")
    country_iso3: Optional[str] = None
    admin1: Optional[Admin] = None
    feature: Optional[str] = Field(None, description="GeoNames feature class.code, e.g. 'P.PPLC', 'A.PCLI'")
    precision: Optional[Literal["country", "admin1", "admin2", "city", "sub-city", "region"]] = None
    score: Optional[float] = None
    metonymic: bool = False
    reason: Optional[str] = Field(None, description="why geonameid is null")
    candidates: Optional[list[PlaceCandidate]] = None


class Quantity(_Item):
    """A number in the text with what it counts."""

    id: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[str] = Field(None, description="more-than, less-than, at-least, up-to, almost, about, …")
    unit: Optional[str] = Field(None, description="currency code, 'percent', 'fraction', 'km', …")
    counts: Optional[Offsets] = Field(None, description="span of what is counted")
    category: str = Field("OTHER", description="KILL WOUND ARREST KIDNAP DISPLACE DEPLOY PROTEST AFFECT MONEY PERCENT OTHER")
    approximate: bool = False
    vague: bool = Field(False, description="'dozens', 'hundreds': a conservative low value (ACLED convention)")
    trigger: Optional[Offsets] = Field(None, description="the word that says what happened to the counted group")
    agent: Optional[Offsets] = Field(None, description="who did it ('Russian forces' for 'have killed')")
    source: Optional[Offsets] = Field(None, description="who gives the number ('US estimates', 'police')")
    part_of: Optional[str] = Field(None, description="id of the larger quantity this one is a subset of ('including')")


class Speaker(_Model):
    start: int
    end: int
    text: str
    entity_id: Optional[str] = None


class Quote(_Item):
    """An attribution: who said what. ``start``/``end`` cover the whole quote construction."""

    id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: Offsets
    cue: Optional[Offsets] = None
    speaker: Optional[Speaker] = None
    carried_over: bool = False


class Event(_Model):
    """A PLOVER event with its evidence (no stage produces events yet)."""

    id: str
    type: str
    mode: Optional[str] = None
    cameo: Optional[str] = None
    quad: Optional[int] = None
    actor: list[str] = []
    recipient: list[str] = []
    status: Optional[str] = None
    time: Optional[dict[str, Any]] = None
    place: Optional[dict[str, Any]] = None
    size: Optional[dict[str, Any]] = None
    evidence: dict[str, Any] = {}
    confidence: Optional[float] = None


class ArticleRecord(_Model):
    """Everything newsevents read out of one article, each item tied to offsets into ``text``."""

    id: str = Field(description="sha256 of the canonical text (hex); for an error row without text, of the source")
    schema_version: str = SCHEMA_VERSION
    status: Literal["ok", "error"] = "ok"
    source: Source = Source()
    meta: Meta = Meta()
    text: str = ""
    removed_boilerplate: list[str] = []
    sentences: list[Sentence] = []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    entities: list[Entity] = []
    times: list[Time] = []
    places: list[Place] = []
    quantities: list[Quantity] = []
    quotes: list[Quote] = []
    events: list[Event] = []


def text_id(text: str) -> str:
    """The article id: sha256 of the canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register_extensions() -> None:
    """Register the Doc extensions newsevents uses (idempotent)."""
    for name in (*LAYERS, "meta", "source", "removed_boilerplate", "errors", "warnings"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def _with_sentence(item: dict, starts: list[int]) -> dict:
    if "start" in item and item.get("sentence") is None:
        item = {**item, "sentence": max(0, bisect.bisect_right(starts, item["start"]) - 1)}
    if "mentions" in item:
        item["mentions"] = [_with_sentence(m, starts) for m in item["mentions"]]
    return item


@lru_cache(maxsize=None)
def _layer_adapter(name: str) -> TypeAdapter:
    return TypeAdapter(ArticleRecord.model_fields[name].annotation)


def _checked_layer(doc: Doc, name: str, starts: list[int], errors: list[dict]) -> list:
    """A stage's items checked against the record schema; a layer that does not fit is dropped with an E202 row
    (the article and the other layers are kept: one stage's bad item never loses the article)."""
    items = [_with_sentence(dict(item), starts) for item in (getattr(doc._, name) or [])]
    try:
        return _layer_adapter(name).validate_python(items)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        errors.append(error_item(Code.E202, name, detail=f"its output does not fit the record schema ({name}.{where}: "
                                                          f"{first['msg']})"))
        return []


def from_doc(doc: Doc) -> ArticleRecord:
    """Convert a processed Doc into the public ArticleRecord (the one conversion)."""
    sentences = [{"start": s.start_char, "end": s.end_char} for s in doc.sents] if doc.has_annotation("SENT_START") else []
    starts = [s["start"] for s in sentences]
    errors = list(doc._.errors or [])
    layers = {name: _checked_layer(doc, name, starts, errors) for name in LAYERS}
    return ArticleRecord(
        id=text_id(doc.text),
        status="error" if errors else "ok",
        source=Source(**(doc._.source or {})),
        meta=Meta(**(doc._.meta or {})),
        text=doc.text,
        removed_boilerplate=list(doc._.removed_boilerplate or []),
        sentences=sentences,
        errors=errors,
        warnings=list(doc._.warnings or []),
        **layers,
    )


def error_record(errors: list[dict], source: Optional[dict] = None, meta: Optional[dict] = None,
                 text: str = "") -> ArticleRecord:
    """A record for an input that could not be processed: status ``error`` with its coded rows."""
    src = Source(**(source or {}))
    key = text or "|".join(str(v) for v in (src.id, src.url, src.path, errors[0]["code"] if errors else ""))
    return ArticleRecord(id=text_id(key), status="error", source=src, meta=Meta(**(meta or {})), text=text,
                         errors=errors)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ArticleRecord (what ``newsevents schema`` prints)."""
    return ArticleRecord.model_json_schema()
