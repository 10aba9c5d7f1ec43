"""Security around the whole app: tokens, the read token's cookie, the request size limit, and the
headers every response carries (a Content-Security-Policy that allows no script at all).

All article text is untrusted: the pages escape it (Jinja autoescape; the highlighted article is
built from escaped pieces) and the CSP forbids scripts and inline styles besides."""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import Response

from onrecord.web.errors import plain_error
from onrecord.web.settings import WebSettings

CSP = ("default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
TOKEN_COOKIE = "onrecord_read_token"
COOKIE_SAFE = re.compile(r"[A-Za-z0-9._~+/=-]{1,200}")
OPEN_PATHS = ("/static/", "/healthz", "/docs", "/openapi.json")  # readable without the read token
log = logging.getLogger("onrecord.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def _token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def _same(given: str | None, expected: str) -> bool:
    return bool(given) and secrets.compare_digest(str(given).encode(), expected.encode())


def token_refusal(request: Request, expected: str | None, what: str) -> tuple[int, str, dict[str, str]] | None:
    """(status, message, headers) of a refused write, or None when the token is right."""
    if expected is None:
        return 403, f"{what} is switched off: set ONRECORD_API_TOKEN to allow it", {}
    if not _same(_token_of(request), expected):
        return 401, f"{what} needs the API token (Authorization: Bearer …)", {"WWW-Authenticate": "Bearer"}
    return None


_QUERY_TOKEN = re.compile(r"((?:^|[?&])token=)[^&\s]*", re.IGNORECASE)


class RedactTokens(logging.Filter):
    """Access-log lines show ``?token=…`` as ``token=[redacted]``: secrets are never logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_QUERY_TOKEN.sub(r"\1[redacted]", a) if isinstance(a, str) else a
                                for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = _QUERY_TOKEN.sub(r"\1[redacted]", record.msg)
        return True


def redact_access_log() -> None:
    """Put ``RedactTokens`` on uvicorn's access log (once)."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokens) for f in access.filters):
        access.addFilter(RedactTokens())


def check_token(request: Request, expected: str | None, what: str) -> None:
    """401 unless the request carries ``expected`` (Authorization: Bearer, or X-API-Token)."""
    given = _token_of(request)
    if expected is None:
        raise HTTPException(403, f"{what} is switched off: set ONRECORD_API_TOKEN to allow it")
    if not _same(given, expected):
        raise HTTPException(401, f"{what} needs the API token (Authorization: Bearer …)",
                            headers={"WWW-Authenticate": "Bearer"})


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
        if scope["method"] == "OPTIONS":
            await self.options(scope, receive, send_secured)
            return
        if scope["method"] == "HEAD":
            # answered like GET without the body (the routes are declared for GET only)
            scope = {**scope, "method": "GET"}
            send_secured = _without_body(send_secured)
        if scope["method"] in {"POST", "PUT", "PATCH", "DELETE"} and _answered(scope):
            # the token before the body: an unauthenticated upload is refused unread (a method
            # no route takes goes on unread too, to its 405)
            refused = token_refusal(request, self.settings.api_token, "writing")
            if refused is not None:
                await plain_error(path, *refused)(scope, receive, send_secured)
                return
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

    async def options(self, scope: Scope, receive: Receive, send: Send) -> None:
        """OPTIONS: 204 with every method the path answers in Allow (Starlette lists only the
        first matching route's), 404 for a path that is not there."""
        # asked method by method: routers nest (FastAPI's included routers), and a route that
        # takes the path with another method matches only partly
        methods = {m for m in ("GET", "POST", "PUT", "PATCH", "DELETE") if _answered({**scope, "method": m})}
        path = scope.get("path", "")
        if not methods:
            await plain_error(path, 404, "no such path")(scope, receive, send)
            return
        allow = ", ".join(sorted(methods | {"HEAD", "OPTIONS"}))
        await Response(status_code=204, headers={"Allow": allow})(scope, receive, send)

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


def _answered(scope: Scope) -> bool:
    """Whether a route takes this path and method."""
    from starlette.routing import Match

    return any(route.matches(scope)[0] is Match.FULL for route in getattr(scope.get("app"), "routes", []))


def _without_body(send: Send) -> Send:
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_head
