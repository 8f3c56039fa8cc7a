"""Server-rendered web pages (``/ui/…``). Every page has a JSON twin: the same URL with ``?format=json`` returns
exactly the data the page was rendered from, which comes from the same query functions as the JSON routes."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse

from ..errors import ApiError, Code
from ..store import queries
from . import charts, markup
from .app import page
from .routes import Day, EventFilters, EventSort, Limit, Offset, Order, StoreConn, event_filters

router = APIRouter(prefix="/ui", include_in_schema=False)
root = APIRouter(include_in_schema=False)
#: the layers the article view can switch on and off, in the order of the checkboxes
LAYERS = ("entities", "times", "places", "quantities", "quotes")


def _query(request: Request, **changes: object) -> str:
    """The current query string with some parameters replaced (None removes one); ``format`` is always dropped."""
    params = {k: v for k, v in request.query_params.items() if k != "format"}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return ("?" + urlencode(params)) if params else ""


def _common(request: Request) -> dict:
    return {"json_url": request.url.path + _query(request, format="json"), "qs": lambda **c: _query(request, **c),
            "type_colour": charts.type_colour}


@root.get("/")
def home() -> RedirectResponse:
    """The home page is the articles list."""
    return RedirectResponse("/ui/articles", status_code=307)


@root.get("/docs")
def docs(request: Request):
    """Interactive API documentation (Swagger UI from the packaged swagger-ui-py: no CDN, no inline script)."""
    return request.app.state.templates.TemplateResponse(request, "docs.html", {"openapi_url": request.app.openapi_url})


@router.get("/articles")
def articles_page(request: Request, conn: StoreConn, q: Optional[str] = None, outlet: Optional[str] = None,
                  date_from: Day = None, date_to: Day = None, has_event_type: Optional[str] = None,
                  limit: Limit = 50, offset: Offset = 0):
    """Articles with search."""
    filters = {"q": q or None, "outlet": outlet or None, "date_from": date_from or None, "date_to": date_to or None,
               "has_event_type": has_event_type or None}
    data = {"filters": filters, "articles": queries.list_articles(conn, **filters, limit=limit, offset=offset),
            "outlets": queries.outlets(conn), "event_types": queries.event_facets(conn)["type"]}
    return page(request, "articles.html", data, **_common(request), snippet=_snippet)


def _snippet(item: dict):
    spans = [markup.Span(s, e, "match") for s, e in item.get("snippet_marks") or []]
    return markup.markup(item.get("snippet") or "", spans)


@router.get("/articles/{article_id}")
def article_page(request: Request, conn: StoreConn, article_id: str):
    """One article with every layer highlighted and its events beside it."""
    record = queries.get_article(conn, article_id)
    if record is None:
        raise ApiError(Code.E501, detail=f"no article {article_id!r}")
    entities = sorted(record.get("entities", []), key=lambda e: (-len(e.get("mentions", [])), e["name"]))
    legend = [{"name": e["name"], "type": e.get("type"), "code": markup.actor_code(e.get("actor")),
               "colour": markup.actor_colour(markup.actor_code(e.get("actor"))), "n": len(e.get("mentions", []))}
              for e in entities]
    counts = {layer: len(record.get(layer, [])) for layer in LAYERS}
    return page(request, "article.html", {"record": record}, **_common(request), html=markup.article_html(record),
                events=markup.event_cards(record), legend=legend, layers=LAYERS, counts=counts)


@router.get("/events")
def events_page(request: Request, conn: StoreConn, filters: EventFilters = Depends(event_filters),
                sort: EventSort = "day", order: Order = "desc",
                limit: Limit = 50, offset: Offset = 0):
    """Events: filterable table, timeline per day by type, and a map of event places."""
    given = filters.given()
    data = {"filters": given, "sort": sort, "order": order,
            "events": queries.list_events(conn, **given, sort=sort, order=order, limit=limit, offset=offset),
            "timeline": queries.events_timeline(conn, **given), "places": queries.event_places(conn, **given),
            "facets": queries.event_facets(conn)}
    return page(request, "events.html", data, **_common(request), filter_names=list(EventFilters.model_fields),
                timeline_svg=charts.timeline_svg(data["timeline"]), map_svg=charts.world_map_svg(data["places"]))


@router.get("/quotes")
def quotes_page(request: Request, conn: StoreConn, speaker: Optional[str] = None, q: Optional[str] = None,
                kind: Optional[str] = Query(None, description="direct, indirect or mixed"), limit: Limit = 50,
                offset: Offset = 0):
    """Who said what, grouped by speaker."""
    filters = {"speaker": speaker or None, "q": q or None, "kind": kind}
    data = {"filters": filters, "quotes": queries.list_quotes(conn, **filters, limit=limit, offset=offset)}
    groups: list[dict] = []
    for item in data["quotes"]["items"]:
        if not groups or groups[-1]["name"] != item["speaker_name"]:
            groups.append({"name": item["speaker_name"], "items": []})
        groups[-1]["items"].append(item)
    return page(request, "quotes.html", data, **_common(request), groups=groups)


@router.get("/entities")
def entities_page(request: Request, conn: StoreConn, name: Optional[str] = None, type: Optional[str] = None,
                  limit: Limit = 50, offset: Offset = 0):
    """Entities across articles with their actor codes."""
    filters = {"name": name or None, "type": type or None}
    data = {"filters": filters, "entities": queries.list_entities(conn, **filters, limit=limit, offset=offset)}
    return page(request, "entities.html", data, **_common(request), colour=markup.actor_colour)


@router.get("/stats")
def stats_page(conn: StoreConn, request: Request):
    """What the store holds."""
    return page(request, "stats.html", {"stats": queries.stats(conn)}, **_common(request))
