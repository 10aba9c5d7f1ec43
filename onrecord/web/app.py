"""The web app: a JSON API under /api (OpenAPI docs at /docs) and server-rendered pages over the
ledger.  ``create_app(db_url)`` builds it; ``onrecord serve`` runs it with uvicorn.

Security: all article text is untrusted and escaped (Jinja autoescape; the highlighted article is
built from escaped pieces); a strict Content-Security-Policy forbids scripts and inline styles;
writing (POST /api/articles) needs the API token; request bodies are size-limited."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord.ledger import Ledger
from onrecord.web.data import BadCursor

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
DEFAULT_MAX_BODY = 5_000_000


@dataclass
class WebSettings:
    """Settings of the app; ``from_env`` reads them from ONRECORD_* variables."""

    api_token: str | None = None  # POST needs it; without one, writing is switched off
    read_token: str | None = None  # when set, reads need it too
    max_body_bytes: int = DEFAULT_MAX_BODY
    page_size: int = 50
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> WebSettings:
        token_file = os.environ.get("ONRECORD_API_TOKEN_FILE")
        token = os.environ.get("ONRECORD_API_TOKEN")
        if not token and token_file and Path(token_file).is_file():
            token = Path(token_file).read_text(encoding="utf-8").strip() or None
        return cls(
            api_token=token,
            read_token=os.environ.get("ONRECORD_API_READ_TOKEN") or None,
            max_body_bytes=int(os.environ.get("ONRECORD_MAX_BODY_BYTES", DEFAULT_MAX_BODY)),
        )


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": {"status": status, "message": message}}
    if detail is not None:
        body["error"]["detail"] = detail
    return body


def _token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def check_token(request: Request, expected: str | None, what: str) -> None:
    given = _token_of(request)
    if expected is None:
        raise HTTPException(403, f"{what} is switched off: set ONRECORD_API_TOKEN to allow it")
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, f"{what} needs the API token (Authorization: Bearer …)")


def create_app(db_url: str | None = None, settings: WebSettings | None = None,
               ledger: Ledger | None = None) -> FastAPI:
    settings = settings or WebSettings.from_env()
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
    app.state.ledger = ledger or Ledger(db_url)
    app.state.settings = settings
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        # size limit before the body is read: a declared length, then the bytes themselves
        if request.method in {"POST", "PUT", "PATCH"}:
            declared = request.headers.get("content-length")
            limit = settings.max_body_bytes
            if declared is not None and (not declared.isdigit() or int(declared) > limit):
                return JSONResponse(error_body(413, f"request body over the limit of {limit:,} bytes"), 413)
            body = await request.body()
            if len(body) > limit:
                return JSONResponse(error_body(413, f"request body over the limit of {limit:,} bytes"), 413)
        if settings.read_token and request.method in {"GET", "HEAD"} and not (
            request.url.path.startswith("/static") or request.url.path in {"/docs", "/openapi.json"}
        ):
            given = _token_of(request) or request.query_params.get("token")
            if not given or not secrets.compare_digest(given.encode(), settings.read_token.encode()):
                return JSONResponse(error_body(401, "reading needs the read token"), 401)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and request.url.path not in {"/openapi.json"}

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if wants_html(request):
            return app.state.templates.TemplateResponse(
                request, "error.html", {"status": exc.status_code, "message": message}, status_code=exc.status_code)
        return JSONResponse(error_body(exc.status_code, message), exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg")}
                  for e in exc.errors()]
        if wants_html(request):
            message = "; ".join(f"{d['where']}: {d['message']}" for d in detail)
            return app.state.templates.TemplateResponse(
                request, "error.html", {"status": 422, "message": message}, status_code=422)
        return JSONResponse(error_body(422, "invalid request", detail), 422)

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor) -> Response:
        return JSONResponse(error_body(400, str(exc)), 400)

    from onrecord.web.api import router as api_router
    from onrecord.web.pages import router as pages_router

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
                operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                                   "params": params, "body": "requestBody" in op})
        return app.state.templates.TemplateResponse(request, "docs.html", {"operations": operations,
                                                                           "info": schema.get("info", {})})

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> HTMLResponse:
        return HTMLResponse("ok")

    return app
