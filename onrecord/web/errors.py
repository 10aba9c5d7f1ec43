"""Errors as the web app answers them: JSON under /api (and /openapi.json), an HTML page elsewhere."""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import escape

MAX_MESSAGE = 300


def short(message: str) -> str:
    """An error message cut to MAX_MESSAGE characters: an error never echoes a long input whole."""
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": {"status": status, "message": message}}
    if detail is not None:
        body["error"]["detail"] = detail
    return body


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path in {"/api", "/openapi.json"}


ERROR_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error {status}</title>"
              "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><main><h1>Error {status}</h1>"
              "<p class=\"error\">{message}</p><p><a href=\"/\">Back to search</a></p></main></body></html>")


def plain_error(path: str, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error response made without templates (for errors raised outside the routes)."""
    message = short(message)
    if wants_json(path):
        return JSONResponse(error_body(status, message), status, headers=headers)
    return HTMLResponse(ERROR_PAGE.format(status=status, message=escape(message)), status, headers=headers)
