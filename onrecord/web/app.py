"""The web app: a JSON API under /api (OpenAPI docs at /docs) and server-rendered pages over the
ledger.  ``create_app(db_url)`` builds it; ``onrecord serve`` runs it with uvicorn.

Security: all article text is untrusted and escaped (Jinja autoescape; the highlighted article is
built from escaped pieces); a strict Content-Security-Policy forbids scripts and inline styles;
writing (POST /api/articles) needs the API token; reading needs the read token when one is set;
request bodies are size-limited while they stream in.  Every error is JSON under /api (and
/openapi.json), an HTML page elsewhere."""

from __future__ import annotations

import logging
import os
import re
import secrets
import threading
import tomllib
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord.ledger import Ledger
from onrecord.web.data import BadCursor, NotFound

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
DEFAULT_MAX_BODY = 5_000_000
TOKEN_COOKIE = "onrecord_read_token"
COOKIE_SAFE = re.compile(r"[A-Za-z0-9._~+/=-]{1,200}")
OPEN_PATHS = ("/static/", "/healthz", "/docs", "/openapi.json")  # readable without the read token
log = logging.getLogger("onrecord.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SettingsError(ValueError):
    """A config file or variable the app cannot use."""


@dataclass
class WebSettings:
    """Settings of the app.  ``load`` reads a config file (TOML or YAML) and then the ONRECORD_*
    variables, which win:

    ========================  ==========================  =============================================
    file key                  variable                    meaning
    ========================  ==========================  =============================================
    api_token                 ONRECORD_API_TOKEN          POST needs it; without one, writing is off
    api_token_file            ONRECORD_API_TOKEN_FILE     a file holding the API token
    read_token                ONRECORD_API_READ_TOKEN     when set, reading (API and pages) needs it
    read_token_file           ONRECORD_API_READ_TOKEN_FILE
    protect_reads             ONRECORD_PROTECT_READS      reads need a token (the read or the API one)
    max_body_bytes            ONRECORD_MAX_BODY_BYTES     larger request bodies get 413
    page_size                 ONRECORD_PAGE_SIZE          rows per page of the HTML listings
    ========================  ==========================  =============================================

    The file is ``--config`` of ``onrecord serve``, else $ONRECORD_WEB_CONFIG."""

    api_token: str | None = None
    read_token: str | None = None
    protect_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    page_size: int = 50
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def reads_protected(self) -> bool:
        return bool(self.read_token) or self.protect_reads

    def read_tokens(self) -> list[str]:
        """Tokens that open reading: the read token and the API token (who may write may read)."""
        return [t for t in (self.read_token, self.api_token) if t]

    @classmethod
    def from_env(cls) -> WebSettings:
        return cls.load(None)

    @classmethod
    def load(cls, config: str | Path | None = None, environ: MutableMapping[str, str] | None = None
             ) -> WebSettings:
        env = os.environ if environ is None else environ
        path = config or env.get("ONRECORD_WEB_CONFIG") or None
        values: dict[str, Any] = read_config(path) if path else {}
        for key, var in (("api_token", "ONRECORD_API_TOKEN"), ("api_token_file", "ONRECORD_API_TOKEN_FILE"),
                         ("read_token", "ONRECORD_API_READ_TOKEN"),
                         ("read_token_file", "ONRECORD_API_READ_TOKEN_FILE"),
                         ("protect_reads", "ONRECORD_PROTECT_READS"), ("max_body_bytes", "ONRECORD_MAX_BODY_BYTES"),
                         ("page_size", "ONRECORD_PAGE_SIZE")):
            if env.get(var):
                values[key] = env[var]
                if key.endswith("_file"):  # a variable's file beats the file's token
                    values.pop(key[: -len("_file")], None)
                elif f"{key}_file" in values:
                    values.pop(f"{key}_file")
        for key in ("api_token", "read_token"):
            token_file = values.pop(f"{key}_file", None)
            if token_file and not values.get(key):
                try:
                    values[key] = Path(str(token_file)).expanduser().read_text(encoding="utf-8").strip() or None
                except OSError as e:
                    raise SettingsError(f"{key}_file: cannot read {token_file}: {e.strerror or e}") from None
        known = {f.name for f in fields(cls)} - {"extra"}
        settings = cls(extra={k: v for k, v in values.items() if k not in known})
        for key in known & values.keys():
            setattr(settings, key, _setting(key, values[key]))
        return settings


def _setting(key: str, value: Any) -> Any:
    if key in {"api_token", "read_token"}:
        return str(value).strip() or None if value is not None else None
    if key == "protect_reads":
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if str(value).strip().lower() in {"", "0", "false", "no", "off"}:
            return False
        raise SettingsError(f"protect_reads: {value!r} is not true or false")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{key}: {value!r} is not a whole number") from None
    if number < 1:
        raise SettingsError(f"{key}: must be at least 1, not {number}")
    return number


def read_config(path: str | Path) -> dict[str, Any]:
    """A config file's settings: TOML (``.toml``, also under a ``[web]`` table) or YAML."""
    p = Path(path).expanduser()
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as e:
        raise SettingsError(f"cannot read the config file {p}: {e.strerror or e}") from None
    try:
        if p.suffix.lower() == ".toml":
            data = tomllib.loads(raw)
        else:
            import yaml

            data = yaml.safe_load(raw) or {}
    except Exception as e:  # tomllib.TOMLDecodeError, yaml.YAMLError
        raise SettingsError(f"{p}: not valid {'TOML' if p.suffix.lower() == '.toml' else 'YAML'}: {e}") from None
    if isinstance(data, dict) and isinstance(data.get("web"), dict):
        data = data["web"]
    if not isinstance(data, dict):
        raise SettingsError(f"{p}: expected a table of settings")
    return dict(data)


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


def _same(given: str | None, expected: str) -> bool:
    return bool(given) and secrets.compare_digest(str(given).encode(), expected.encode())


def check_token(request: Request, expected: str | None, what: str) -> None:
    """401 unless the request carries ``expected`` (Authorization: Bearer, or X-API-Token)."""
    given = _token_of(request)
    if expected is None:
        raise HTTPException(403, f"{what} is switched off: set ONRECORD_API_TOKEN to allow it")
    if not _same(given, expected):
        raise HTTPException(401, f"{what} needs the API token (Authorization: Bearer …)",
                            headers={"WWW-Authenticate": "Bearer"})


def speaker_href(speaker_id: str | None, name: str | None) -> str:
    """The speaker's page, or a search by name for a speaker without an id (templates escape it)."""
    if speaker_id:
        return "/speakers/" + quote(speaker_id, safe="")
    return "/?" + urlencode({"speaker": name or ""})


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path in {"/api", "/openapi.json"}


ERROR_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error {status}</title>"
              "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><main><h1>Error {status}</h1>"
              "<p class=\"error\">{message}</p><p><a href=\"/\">Back to search</a></p></main></body></html>")


def plain_error(path: str, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error response made without templates (for errors raised outside the routes)."""
    from markupsafe import escape

    if wants_json(path):
        return JSONResponse(error_body(status, message), status, headers=headers)
    return HTMLResponse(ERROR_PAGE.format(status=status, message=escape(message)), status, headers=headers)


class Guard:
    """ASGI middleware around the whole app: security headers on every response, the read
    token, the request size limit (counted while the body streams in, so an oversized body is
    never held whole), and JSON (or an HTML page) for any error a route did not handle."""

    def __init__(self, app: Any, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = scope.get("path", "")
        refusal, remember = self.check_read(request, path)
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if remember:  # ?token= in a browser: the next pages need no token in the URL
                    cookie = f"{TOKEN_COOKIE}={remember}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append((b"set-cookie", (cookie + ("; Secure" if scope.get("scheme") == "https"
                                                              else "")).encode()))
                message["headers"] = headers
            await send(message)

        if refusal is None and ("\x00" in path or "%00" in scope.get("query_string", b"").decode("latin-1")):
            # no text column of PostgreSQL can hold NUL: refuse it here, for every route alike
            refusal = plain_error(path, 422, "a NUL character in the path or the query: send text")
        if refusal is not None:
            await refusal(scope, receive, send_secured)
            return
        if scope["method"] in {"POST", "PUT", "PATCH", "DELETE"}:
            limited = await self.read_body(scope, receive)
            if isinstance(limited, Response):
                await limited(scope, receive, send_secured)
                return
            receive = limited
        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            log.exception("error serving %s %s", scope["method"], path)
            if started:
                raise
            message = "internal error: the server could not answer this request (it has been logged)"
            await plain_error(path, 500, message)(scope, receive, send_secured)

    def check_read(self, request: Request, path: str) -> tuple[Response | None, str | None]:
        """(a 401 response or None, a token to remember in a cookie or None)."""
        s = self.settings
        if not s.reads_protected or request.method not in {"GET", "HEAD"} or path.startswith(OPEN_PATHS):
            return None, None
        tokens = s.read_tokens()
        for given in (_token_of(request), request.cookies.get(TOKEN_COOKIE)):
            if any(_same(given, t) for t in tokens):
                return None, None
        in_url = request.query_params.get("token")
        if any(_same(in_url, t) for t in tokens):
            return None, in_url if in_url and COOKIE_SAFE.fullmatch(in_url) else None
        message = ("reading needs the read token: Authorization: Bearer …, or ?token=… once in a browser"
                   if tokens else "reading is protected but no token is configured (ONRECORD_API_READ_TOKEN)")
        return plain_error(path, 401, message, {"WWW-Authenticate": "Bearer"}), None

    async def read_body(self, scope: Scope, receive: Receive) -> Receive | Response:
        limit = self.settings.max_body_bytes
        path = scope.get("path", "")
        too_large = f"request body over the limit of {limit:,} bytes"
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return plain_error(path, 413 if declared.isdigit() else 400,
                               too_large if declared.isdigit() else "Content-Length is not a number")
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return plain_error(path, 400, "the client went away")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return plain_error(path, 413, too_large)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay


def create_app(db_url: str | None = None, settings: WebSettings | None = None,
               ledger: Ledger | None = None) -> FastAPI:
    """The app over the ledger at ``db_url`` (default: $ONRECORD_DB, else ./onrecord.db), or over
    an open ``ledger``; ``settings`` default to ``WebSettings.load()`` (config file, environment)."""
    settings = settings or WebSettings.load()
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
    app.state.ingest_lock = threading.Lock()  # one ingest at a time: spaCy and SQLite writes
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    app.state.templates = Jinja2Templates(env=env)  # every template autoescapes, whatever its name
    env.globals["speaker_href"] = speaker_href
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Guard, settings=settings)

    def render_error(request: Request, status: int, message: str, headers: dict[str, str] | None = None,
                     detail: Any = None) -> Response:
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

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor) -> Response:
        return render_error(request, 400, str(exc))

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
                body = list(op.get("requestBody", {}).get("content", {}))
                operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                                   "description": op.get("description", ""), "params": params, "body": body,
                                   "responses": sorted(op.get("responses", {}))})
        return app.state.templates.TemplateResponse(request, "docs.html", {"operations": operations,
                                                                           "info": schema.get("info", {})})

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> HTMLResponse:
        return HTMLResponse("ok")

    return app
