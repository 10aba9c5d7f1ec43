"""The web app: a JSON API under /api (OpenAPI docs at /docs) and server-rendered pages over the
ledger.  ``create_app(db_url)`` builds it; ``onrecord serve`` runs it with uvicorn.

Security: all article text is untrusted and escaped (Jinja autoescape; the highlighted article is
built from escaped pieces); a strict Content-Security-Policy forbids scripts and inline styles;
writing (POST /api/articles) needs the API token; reading needs the read token when one is set;
request bodies are size-limited while they stream in.  Every error is JSON under /api (and
/openapi.json), an HTML page elsewhere."""


from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from onrecord.config import Config
from onrecord.errors import BadCursor, NotFound
from onrecord.ledger import Ledger
from onrecord.ledger.ingest import Extractor
from onrecord.timeline.stances import CONFIDENT
from onrecord.web.api import router as api_router
from onrecord.web.errors import error_body, short, wants_json
from onrecord.web.intake import Intake
from onrecord.web.pages import router as pages_router
from onrecord.web.security import Guard, redact_access_log
from onrecord.web.settings import WebSettings

HERE = Path(__file__).resolve().parent
BUSY_RETRY_S = 5
log = logging.getLogger("onrecord.web")


def speaker_href(speaker_id: str | None, name: str | None) -> str:
    """The speaker's page, or a search by name for a speaker without an id (templates escape it)."""
    if speaker_id:
        return "/speakers/" + quote(speaker_id, safe="")
    return "/?" + urlencode({"speaker": name or ""})


def create_app(db_url: str | None = None, *, config: Config | None = None, ledger: Ledger | None = None,
               extractor: Extractor | None = None) -> FastAPI:
    """The app over the ledger at ``db_url`` (default: the config's database), or over an open
    ``ledger``; ``config`` defaults to ``Config.load()`` (a config file, the ONRECORD_* variables);
    ``extractor`` replaces the spaCy pipeline for POSTed articles (tests)."""
    config = config or (ledger.config if ledger is not None else Config.load())
    settings = WebSettings.from_config(config)
    app = FastAPI(
        title="OnRecord",
        summary="Who said what, when, where, to whom, about which issue.",
        description="Attributed statements from news: articles, statements, speakers, quote clusters, "
                    "positions and shifts.",
        version="0.1.0",
        # Swagger UI needs scripts from a CDN and inline code: neither is allowed by our CSP nor
        # reachable offline.  /docs is our own page, rendered from the same OpenAPI schema.
        docs_url=None,
        redoc_url=None,
    )
    app.state.ledger = ledger or Ledger(db_url, config=config)
    app.state.settings = settings
    app.state.intake = Intake(app.state.ledger, config, queue=settings.ingest_queue,
                              budget_s=settings.ingest_budget_s, extractor=extractor)
    # a redirect to the URL with(out) its slash would be absolute, built from the Host header
    app.router.redirect_slashes = False
    redact_access_log()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    app.state.templates = Jinja2Templates(env=env)  # every template autoescapes, whatever its name
    env.globals["speaker_href"] = speaker_href
    env.globals["confident"] = CONFIDENT  # a stance below it makes no position: shown as tentative
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Guard, settings=settings)
    if settings.allowed_hosts:  # outermost: a request for another host is refused before anything
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))

    def render_error(request: Request, status: int, message: str, headers: dict[str, str] | None = None,
                     detail: Any = None) -> Response:
        message = short(message)  # a 404 for a 20 kB key does not echo it whole
        if wants_json(request.url.path):
            return JSONResponse(error_body(status, message, detail), status, headers=headers)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return render_error(request, exc.status_code, message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg")}
                  for e in exc.errors()]
        message = "invalid request: " + "; ".join(f"{d['where']}: {d['message']}" for d in detail[:5])
        return render_error(request, 422, message, detail=detail)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return render_error(request, 404, str(exc.args[0]))

    @app.exception_handler(OperationalError)
    async def database_busy(request: Request, exc: OperationalError) -> Response:
        text = str(exc.orig if exc.orig is not None else exc).lower()
        if "locked" not in text and "busy" not in text:
            raise exc
        log.warning("database busy serving %s %s: %s", request.method, request.url.path, text)
        return render_error(request, 503, "the database is busy with another write: try again shortly",
                            {"Retry-After": str(BUSY_RETRY_S)})

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor) -> Response:
        return render_error(request, 400, str(exc))

    app.include_router(api_router)
    app.include_router(pages_router)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        schema = app.openapi()
        operations = []
        for path, methods in schema.get("paths", {}).items():
            for method, op in methods.items():
                params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                           "description": p.get("description") or p.get("schema", {}).get("description", "")}
                          for p in op.get("parameters", [])]
                body = list(op.get("requestBody", {}).get("content", {}))
                operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                                   "description": op.get("description", ""), "params": params, "body": body,
                                   "responses": sorted(op.get("responses", {}))})
        return app.state.templates.TemplateResponse(request, "docs.html", {"operations": operations,
                                                                           "info": schema.get("info", {})})

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> HTMLResponse:  # on the event loop: no thread to wait for under load
        return HTMLResponse("ok")

    return app
