"""The FastAPI application: JSON routes and the web pages over one store, with one JSON error shape.

Every error, whatever raised it (an unknown route, a validation failure, a too-large body, a missing token, a bad
filter, a crash), is answered as ``{"error": {"code": "E5xx", "message": "[E5xx] …", "status": 4xx}}``; web pages
(``/ui/…``) render the same fields as an HTML page unless ``format=json`` was asked for.

Reads open the store per request with ``PRAGMA query_only`` (a page can never write). The one write route,
``POST /extract?store=true``, goes through the store writer. When an API token is set (``token=`` or the
``NEWSEVENTS_API_TOKEN`` environment variable), POST routes need ``Authorization: Bearer <token>``.
"""
from __future__ import annotations

import hmac
import logging
import os
import sqlite3
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import get_settings
from ..errors import ApiError, Code, NewsEventsError, StoreError
from ..packages import package_dir

logger = logging.getLogger(__name__)

#: HTTP status of each API error code.
STATUS = {"E501": 404, "E502": 413, "E503": 401, "E504": 400, "E505": 500}
#: Error code of each HTTP status Starlette itself raises.
CODE_OF_STATUS = {404: Code.E501, 413: Code.E502, 401: Code.E503}
#: Room for the JSON envelope around the largest accepted article (max_bytes).
BODY_OVERHEAD = 64 * 1024


def error_body(code: str, message: str, status: int) -> dict:
    """The one error shape."""
    return {"error": {"code": code, "message": message, "status": status}}


def _status_of(exc: NewsEventsError) -> int:
    if isinstance(exc, StoreError):
        return 503
    return STATUS.get(exc.code.name, 500 if not isinstance(exc, ApiError) else 400)


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413 (E502) before the app reads them."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(int(declared), scope, send)
            return
        # no (or a lying) Content-Length: read the body up to the limit, then replay it to the app
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                await self._refuse(size, scope, send)
                return
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, size: int, scope, send) -> None:
        response = JSONResponse(error_body("E502", Code.E502.format(size=size, limit=self.limit), 413), status_code=413)
        await response(scope, None, send)


#: Pages load only their own script and styles: nothing from another host can run or be fetched (inline style
#: attributes carry the entity colours, hence 'unsafe-inline' for styles only).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class SecurityHeaders:
    """ASGI middleware: a Content-Security-Policy and nosniff on every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def _swagger_ui_assets() -> Path:
    """The Swagger UI 5 files (OpenAPI 3.1) that swagger-ui-py ships; found without importing its web handlers."""
    root = package_dir("swagger_ui")
    if root is None:
        raise NewsEventsError(Code.E505, "api", detail="swagger-ui-py is not installed")
    return root / "static"


def create_app(db_path: str | Path, token: Optional[str] = None, max_body: Optional[int] = None) -> FastAPI:
    """Build the application over the store at ``db_path``.

    Args:
        db_path: The SQLite store (read per request; created by ``POST /extract?store=true`` if missing).
        token: API token for POST routes; ``NEWSEVENTS_API_TOKEN`` when None; no token means POST routes are open.
        max_body: Largest request body in bytes; the configured ``max_bytes`` plus 64 KiB by default.
    """
    db_path = Path(db_path)
    token = token if token is not None else (os.environ.get("NEWSEVENTS_API_TOKEN") or None)
    limit = max_body if max_body is not None else get_settings().max_bytes + BODY_OVERHEAD
    # FastAPI's own /docs and /redoc pages load their scripts from a CDN and run an inline script, which the
    # offline rule and our CSP both forbid: /docs is served from the packaged swagger-ui-py files instead (pages.docs)
    app = FastAPI(title="newsevents", version=__version__, docs_url=None, redoc_url=None,
                  description="News articles → structured, evidence-linked event data. JSON routes and web pages "
                              "over a newsevents SQLite store. Every error has the shape "
                              '`{"error": {"code", "message", "status"}}`.')
    app.state.db_path = db_path
    app.state.token = token
    app.state.templates = Jinja2Templates(directory=str(resources.files("newsevents").joinpath("web/templates")))
    app.add_middleware(BodyLimit, limit=limit)
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app)
    static = resources.files("newsevents").joinpath("web/static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.mount("/swagger-ui", StaticFiles(directory=str(_swagger_ui_assets())), name="swagger-ui")

    from . import pages, routes

    app.include_router(routes.router)
    app.include_router(pages.router)
    app.include_router(pages.root)
    return app


def _wants_html(request: Request) -> bool:
    return request.url.path.startswith("/ui") and request.query_params.get("format") != "json"


def _respond(request: Request, code: str, message: str, status: int):
    if _wants_html(request):
        try:
            return request.app.state.templates.TemplateResponse(
                request, "error.html", {"error": error_body(code, message, status)["error"]}, status_code=status)
        except Exception:  # noqa: BLE001 - a broken template must not hide the error itself
            logger.exception("error page failed")
    return JSONResponse(error_body(code, message, status), status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsEventsError)
    async def _coded(request: Request, exc: NewsEventsError):
        code = exc.code.name if exc.code.name.startswith("E") else "E504"
        return _respond(request, code, str(exc), _status_of(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = CODE_OF_STATUS.get(exc.status_code, Code.E504)
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if code is Code.E501 and detail == "Not Found":
            detail = f"no route {request.method} {request.url.path}"
        return _respond(request, code.name, code.format(detail=detail, size="?", limit="?"), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return _respond(request, "E504", Code.E504.format(detail=problems or "invalid request"), 422)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return _respond(request, "E505", Code.E505.format(detail=type(exc).__name__), 500)


@contextmanager
def read_store(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the store (``query_only``), closed after use.

    Raises:
        StoreError: E301 when the store does not exist or cannot be read, E302 for another schema version.
    """
    from ..store.db import open_store

    with open_store(db_path, create=False, check_same_thread=False) as conn:
        conn.execute("PRAGMA query_only = ON")
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(Code.E301, path=db_path, detail=str(exc)) from exc


def store_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: a read-only store connection for one request."""
    with read_store(request.app.state.db_path) as conn:
        yield conn


def require_token(request: Request) -> None:
    """FastAPI dependency for write routes: check ``Authorization: Bearer <token>`` when a token is set."""
    expected = request.app.state.token
    if not expected:
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), expected.encode()):
        raise ApiError(Code.E503)


def page(request: Request, template: str, data: dict, **extra) -> HTMLResponse | JSONResponse:
    """Render a web page, or its JSON twin (``?format=json``): ``data`` is exactly what the JSON twin returns."""
    if request.query_params.get("format") == "json":
        return JSONResponse(data)
    return request.app.state.templates.TemplateResponse(request, template, {"data": data, **extra})


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and pages with uvicorn (blocking). Binds 127.0.0.1 unless told otherwise."""
    import uvicorn

    if not Path(db).is_file():
        logger.warning("store %s does not exist yet: pages will report E301 until it is built", db)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
