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
