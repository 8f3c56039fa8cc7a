"""JSON routes of the API: thin wrappers over :mod:`newsevents.store.queries` and :func:`newsevents.extract`."""
from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import ApiError, Code
from ..record import ArticleRecord
from ..store import queries
from .app import require_token, store_conn

router = APIRouter()


Limit = Annotated[int, Query(ge=0, le=queries.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
# empty is allowed (and ignored): an HTML form sends its blank date fields
Day = Annotated[Optional[str], Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD, inclusive.")]
StoreConn = Annotated[sqlite3.Connection, Depends(store_conn)]
Order = Literal["asc", "desc"]
ArticleSort = Literal[tuple(queries.ARTICLE_SORTS)]  # type: ignore[valid-type]
EventSort = Literal[tuple(queries.EVENT_SORTS)]  # type: ignore[valid-type]
EntitySort = Literal[tuple(queries.ENTITY_SORTS)]  # type: ignore[valid-type]


class ErrorDetail(BaseModel):
    code: str = Field(description="E5xx (or E3xx for the store)")
    message: str
    status: int


class ErrorBody(BaseModel):
    """The one error shape every route answers with."""

    error: ErrorDetail


class Page(BaseModel):
    """A page of results."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class QuotePage(Page):
    speakers: list[dict[str, Any]] = Field(description="matching speakers: {name, n_quotes, n_articles, variants}")


class ExtractRequest(BaseModel):
    """One article to extract: ``text`` or ``html``, with optional metadata."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = Field(None, description="plain article text")
    html: Optional[str] = Field(None, description="a web page; its main text and metadata are extracted")
    url: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 publication date")
    title: Optional[str] = None
    outlet: Optional[str] = None

    @model_validator(mode="after")
    def _one_body(self) -> "ExtractRequest":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


ERRORS = {status: {"model": ErrorBody} for status in (400, 404, 413, 422, 503)}


@router.post("/extract", response_model=ArticleRecord, tags=["extract"], dependencies=[Depends(require_token)],
             responses={**ERRORS, 401: {"model": ErrorBody}})
def extract_article(body: ExtractRequest, request: Request,
                    store: bool = Query(False, description="also write the record to the store")) -> ArticleRecord:
    """Extract an ArticleRecord from text or HTML (runs the full pipeline); ``store=true`` also stores it."""
    from ..engines.local import extract

    record = extract(body.text, html=body.html, url=body.url, published=body.published, title=body.title,
                     outlet=body.outlet)
    if store:
        from ..store.db import open_store, write_record

        with open_store(request.app.state.db_path) as conn:
            write_record(conn, record, body.url or f"api#{record.id[:16]}")
    return record


@router.get("/articles", response_model=Page, tags=["articles"], responses=ERRORS)
def articles(conn: StoreConn, date_from: Day = None, date_to: Day = None, outlet: Optional[str] = None,
             q: Optional[str] = Query(None, description="full-text search; every word must occur"),
             has_event_type: Optional[str] = Query(None, description="only articles with an event of this type"),
             status: Optional[Literal["ok", "error"]] = None,
             sort: ArticleSort = "published", order: Order = "desc",
             limit: Limit = 50, offset: Offset = 0) -> dict:
    """Articles with filters, full-text search and layer counts."""
    return queries.list_articles(conn, date_from=date_from, date_to=date_to, outlet=outlet, q=q,
                                 has_event_type=has_event_type, status=status, sort=sort, order=order, limit=limit,
                                 offset=offset)


@router.get("/articles/{article_id}", response_model=ArticleRecord, tags=["articles"], responses=ERRORS)
def article(conn: StoreConn, article_id: str) -> dict:
    """One article's full ArticleRecord (by id, or a unique prefix of 8+ characters)."""
    record = queries.get_article(conn, article_id)
    if record is None:
        raise ApiError(Code.E501, detail=f"no article {article_id!r}")
    return record


class EventFilters(BaseModel):
    """Event filters shared by the event routes and the events page."""

    type: Optional[str] = None
    mode: Optional[str] = None
    status: Optional[str] = None
    actor_country: Optional[str] = None
    actor_sector: Optional[str] = None
    place_country: Optional[str] = None
    date_from: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    date_to: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")

    def given(self) -> dict[str, str]:
        """The filters that have a value."""
        return {k: v for k, v in self.model_dump().items() if v}


def event_filters(type: Optional[str] = Query(None, description="PLOVER event type"),
                  mode: Optional[str] = Query(None, description="PLOVER mode"),
                  status: Optional[str] = Query(None, description="occurred, announced, intended, negated, …"),
                  actor_country: Optional[str] = Query(None, description="ISO 3166-1 alpha-3 of the first actor"),
                  actor_sector: Optional[str] = Query(None, description="PLOVER sector of the first actor"),
                  place_country: Optional[str] = Query(None, description="ISO 3166-1 alpha-2 of the place"),
                  date_from: Day = None, date_to: Day = None) -> EventFilters:
    """FastAPI dependency: the event filters of a request (blank values ignored)."""
    return EventFilters(type=type or None, mode=mode or None, status=status or None,
                        actor_country=actor_country or None, actor_sector=actor_sector or None,
                        place_country=place_country or None, date_from=date_from or None, date_to=date_to or None)


@router.get("/events", response_model=Page, tags=["events"], responses=ERRORS)
def events(conn: StoreConn, filters: EventFilters = Depends(event_filters),
           sort: EventSort = "day", order: Order = "desc",
           limit: Limit = 50, offset: Offset = 0) -> dict:
    """Events with filters, sorting and pagination; each with its article and evidence."""
    return queries.list_events(conn, **filters.given(), sort=sort, order=order, limit=limit, offset=offset)


@router.get("/events/timeline", tags=["events"], responses=ERRORS)
def timeline(conn: StoreConn, filters: EventFilters = Depends(event_filters)) -> dict:
    """Events per day by type (same filters as ``/events``)."""
    return queries.events_timeline(conn, **filters.given())


@router.get("/events/places", tags=["events"], responses=ERRORS)
def places(conn: StoreConn, filters: EventFilters = Depends(event_filters)) -> dict:
    """Event places (points and per-country counts) for the map (same filters as ``/events``)."""
    return queries.event_places(conn, **filters.given())


@router.get("/entities", response_model=Page, tags=["entities"], responses=ERRORS)
def entities(conn: StoreConn, name: Optional[str] = Query(None, description="part of the name"),
             type: Optional[str] = None,
             country: Optional[str] = None, sector: Optional[str] = None,
             sort: EntitySort = "mentions", order: Order = "desc",
             limit: Limit = 50, offset: Offset = 0) -> dict:
    """Entities across articles, grouped by name, type and actor code."""
    return queries.list_entities(conn, name=name, type=type, country=country, sector=sector, sort=sort, order=order,
                                 limit=limit, offset=offset)


@router.get("/quotes", response_model=QuotePage, tags=["quotes"], responses=ERRORS)
def quotes(conn: StoreConn,
           speaker: Optional[str] = Query(None, description="part of the speaker's name as canonical or written"),
           kind: Optional[Literal["direct", "indirect", "mixed"]] = None,
           q: Optional[str] = Query(None, description="part of the quoted content"),
           limit: Limit = 50, offset: Offset = 0) -> dict:
    """Who said what, ordered and grouped by speaker."""
    return queries.list_quotes(conn, speaker=speaker, kind=kind, q=q, limit=limit, offset=offset)


@router.get("/stats", tags=["stats"], responses=ERRORS)
def stats(conn: StoreConn) -> dict:
    """Counts of what the store holds."""
    return queries.stats(conn)
