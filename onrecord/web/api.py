"""The JSON API: /api/articles, /api/statements, /api/speakers, /api/clusters, /api/positions,
/api/shifts; POST /api/articles ingests (behind the API token)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError

from onrecord.errors import InvalidBody, NotFound
from onrecord.ledger.stances import entry_row, shift_row
from onrecord.model.article import Article
from onrecord.model.statement import Kind
from onrecord.readers import read_html, read_text
from onrecord.web import data
from onrecord.web.errors import error_body
from onrecord.web.intake import Busy, OverBudget
from onrecord.web.security import check_token


class ErrorInfo(BaseModel):
    status: int
    message: str = Field(description="what went wrong, in words")
    detail: list[dict[str, Any]] | None = Field(None, description="for 422: each invalid part and why")


class ErrorOut(BaseModel):
    """Every error of the API: ``{"error": {"status", "message", "detail"?}}``."""

    error: ErrorInfo


router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": ErrorOut, "description": "a cursor this API did not make"},
    401: {"model": ErrorOut, "description": "reading needs the read token (when one is set)"},
    404: {"model": ErrorOut, "description": "no such item"},
    422: {"model": ErrorOut, "description": "an invalid parameter"},
})

NO_NUL = "^[^\\x00]*$"  # PostgreSQL text cannot hold NUL: the Guard refuses it, the schema says so
DateQuery = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")]
Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
# a widely quoted remark has thousands of reports: its page of one cluster lists them this many at a time
REPORTS_PER_PAGE = 100
Cursor = Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="next_cursor of the previous page")]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date like 2024-11-01") from None


RETRY_AFTER_S = 5


def _ledger(request: Request) -> Any:
    return request.app.state.ledger



class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None = Field(None, description="pass as ?cursor= for the next page; null at the end")


@router.get("/articles", response_model=PageOut, summary="Articles, most recently stored first")
def list_articles(request: Request, limit: Limit = 50, cursor: Cursor = None,
                  outlet: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                  since: DateQuery = None, until: DateQuery = None) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_articles(conn, limit=limit, cursor=cursor, outlet=outlet, since=_iso(since),
                                  until=_iso(until)).to_dict()


@router.get("/articles/{key:path}", summary="One article: its text, metadata and statements")
def get_article(request: Request, key: str) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.get_article(conn, key)


class ArticleIn(BaseModel):
    """An article to ingest as JSON: the text (plain, with the seed's header layout recognised, or
    HTML when format is html) and what is known about it.  A record of the corpus releases (url,
    outlet, date, title, author, text, other keys ignored) is one of these."""

    text: str = Field(..., min_length=1, description="the article: plain text, or HTML when format is html")
    id: str | None = Field(None, min_length=1, max_length=300, description="your id for it (default: a content hash)")
    format: Literal["text", "html"] = "text"
    date: str | None = Field(None, max_length=40, description="the article's date, YYYY-MM-DD")
    outlet: str | None = Field(None, max_length=300)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    author: str | None = Field(None, max_length=300)


class IngestOut(BaseModel):
    ingested: int = Field(description="1 when the article was stored (new or changed), else 0")
    skipped: int = Field(description="1 when the same article was stored already")
    article: dict[str, Any] | None = Field(description="the stored article with its statements")


RAW_TYPES = {"text/plain": "text", "text/html": "html"}
_POST_BODY = {
    "required": True,
    "description": "JSON (an ArticleIn record), or the article itself as text/plain or text/html; for "
                   "a raw body, the query parameters carry what is known about it",
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
        "text/html": {"schema": {"type": "string", "minLength": 1}},
    },
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": what}
    for status, what in ((401, "no or a wrong API token"), (403, "writing is switched off"),
                         (413, "the body is over the size limit"), (415, "not JSON, text or HTML"),
                         (422, "the body or a parameter is invalid, the article could not be read, or its "
                               "extraction ran past the time budget"),
                         (503, "the ingest queue is full, or the database is busy: retry after Retry-After"))
}


def _parse_body(raw: bytes, content_type: str) -> tuple[ArticleIn | None, str]:
    """(the JSON record, or None for a raw body, and the raw body's format)."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        try:
            return ArticleIn.model_validate_json(raw), "json"
        except ValidationError as e:
            detail = [{"where": ".".join(["body", *(str(p) for p in err.get("loc", ()))]), "message": err.get("msg")}
                      for err in e.errors()]
            raise InvalidBody(detail) from None
    if media in RAW_TYPES:
        return None, RAW_TYPES[media]
    raise HTTPException(
        415, f"POST /api/articles takes application/json, text/plain or text/html, not {media or 'no type'!r}")


@router.post("/articles", status_code=201, response_model=IngestOut, summary="Ingest one article (needs the API token)",
             description="Extracts the article's statements and stores them.  201 when stored, 200 when the same "
                         "article was stored already.  Send `Authorization: Bearer <ONRECORD_API_TOKEN>`.",
             openapi_extra={"requestBody": _POST_BODY}, responses={200: {"description": "stored already"}, **_ERRORS})
async def post_article(
    request: Request,
    id: Annotated[str | None, Query(min_length=1, max_length=300, description="raw body: your id for it")] = None,
    date: Annotated[str | None, Query(max_length=40, pattern=NO_NUL,
                                      description="raw body: the article's date")] = None,
    outlet: Annotated[str | None, Query(max_length=300, pattern=NO_NUL)] = None,
    title: Annotated[str | None, Query(max_length=1000, pattern=NO_NUL)] = None,
    url: Annotated[str | None, Query(max_length=2000, pattern=NO_NUL)] = None,
    author: Annotated[str | None, Query(max_length=300, pattern=NO_NUL)] = None,
) -> Response:
    check_token(request, request.app.state.settings.api_token, "ingesting")  # the Guard checked it before the body
    raw = await request.body()
    try:
        record, fmt = _parse_body(raw, request.headers.get("content-type", ""))
    except InvalidBody as e:
        return JSONResponse(error_body(422, "invalid request: " + "; ".join(
            f"{d['where']}: {d['message']}" for d in e.detail[:5]), e.detail), 422)
    if record is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPException(422, "the body is not UTF-8 text") from None
        if not text.strip():
            raise HTTPException(422, "the body is empty: send the article's text")
        record = ArticleIn(text=text, format=fmt, id=id, date=date, outlet=outlet, title=title, url=url,
                           author=author)
    else:
        for name, value in (("id", id), ("date", date), ("outlet", outlet), ("title", title), ("url", url),
                            ("author", author)):
            if value is not None and getattr(record, name) is None:
                setattr(record, name, value)
    if not record.text.strip():
        raise HTTPException(422, "text is blank: send the article's text")
    for name, value in record.model_dump().items():
        if isinstance(value, str) and "\x00" in value:
            raise HTTPException(422, f"{name} holds a NUL character: send text, not binary data")
    intake = request.app.state.intake
    try:
        # reading (trafilatura for HTML), extracting and writing run on the intake's own threads
        report, parsed = await intake.ingest(lambda: _article(record))
    except Busy:
        raise HTTPException(503, f"{intake.queue} articles are being ingested already: try again shortly",
                            headers={"Retry-After": str(RETRY_AFTER_S)}) from None
    except OverBudget:
        raise HTTPException(422, f"extracting this article took over {intake.budget_s:g} s, the time budget of "
                                 "one document (ingest_budget_s): it is not stored") from None
    if report.errors:
        raise HTTPException(422, "; ".join(message for _, message in report.errors))
    stored = await run_in_threadpool(_stored, _ledger(request), parsed)
    changed = report.stored + report.replaced
    body = {"ingested": changed, "skipped": report.skipped, "article": stored}
    return JSONResponse(jsonable_encoder(body), 201 if changed else 200)


def _stored(ledger: Any, article: Article) -> dict[str, Any]:
    """The stored article: under its key, or (the same content sent under another id is stored
    once) under the key it was stored with."""
    import sqlalchemy as sa

    from onrecord.ledger.ingest import content_hash
    from onrecord.ledger.schema import articles

    with ledger.engine.connect() as conn:
        try:
            return data.get_article(conn, article.id)
        except NotFound:
            same = sa.select(articles.c.key).where(articles.c.content_hash == content_hash(article))
            key = conn.execute(same).scalar()
            if key is None:
                raise
            return data.get_article(conn, key)


def _article(record: ArticleIn) -> Article:
    key = record.id or "api/" + hashlib.sha256(record.text.encode()).hexdigest()[:16]
    parsed: Article = read_html(record.text, key) if record.format == "html" else read_text(record.text, key)
    if parsed.errors:
        raise HTTPException(422, "; ".join(parsed.errors))
    for name in ("outlet", "title", "url", "author"):
        if getattr(record, name):
            setattr(parsed, name, getattr(record, name))
    if record.date:
        parsed.date = _date(record.date[:10], "date")
    return parsed


@router.get("/statements", response_model=PageOut, summary="Statements, filtered; most recently stored first")
def list_statements(
    request: Request, limit: Limit = 50, cursor: Cursor = None,
    q: Annotated[str, Query(max_length=500, pattern=NO_NUL,
                            description="words of the quote; \"a phrase\"; prefix*")] = "",
    speaker: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    issue: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
    kind: Kind | None = None,
    venue: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    outlet: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    since: DateQuery = None, until: DateQuery = None,
) -> dict[str, Any]:
    ledger = _ledger(request)
    with ledger.engine.connect() as conn:
        return data.list_statements(conn, limit=limit, cursor=cursor, q=q, speaker=speaker,
                                    issue=ledger.issue_id(issue), kind=kind, venue=venue, outlet=outlet,
                                    since=_iso(since),
                                    until=_iso(until)).to_dict()


@router.get("/speakers", response_model=PageOut, summary="Speakers with statement counts")
def list_speakers(request: Request, limit: Limit = 50, cursor: Cursor = None,
                  q: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="part of a name")] = None
                  ) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_speakers(conn, limit=limit, cursor=cursor, q=q).to_dict()


@router.get("/speakers/{speaker_id:path}", summary="One speaker: names, aliases, statement count")
def get_speaker(request: Request, speaker_id: str) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.get_speaker(conn, speaker_id)


@router.get("/clusters", response_model=PageOut, summary="The same quote reported by several articles")
def list_clusters(request: Request, limit: Limit = 50, cursor: Cursor = None,
                  speaker: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                  min_reports: Annotated[int, Query(ge=1, le=10_000)] = 2) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_clusters(conn, limit=limit, cursor=cursor, speaker=speaker,
                                  min_reports=min_reports).to_dict()


@router.get("/clusters/{cluster_id}",
            summary="One quote cluster: first report, outlets, wordings, its reports a page at a time")
def get_cluster(request: Request, cluster_id: Annotated[int, Path(ge=0, le=2**62)],
                limit: Annotated[int, Query(ge=1, le=1000, description="reports per page")] = REPORTS_PER_PAGE,
                cursor: Annotated[str | None, Query(max_length=200, pattern=NO_NUL,
                                                    description="reports_next_cursor of the previous page")] = None,
                ) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.get_cluster(conn, cluster_id, limit=limit, cursor=cursor)


@router.get("/positions", summary="A speaker's stance per issue over time")
def positions(request: Request, speaker: Annotated[str, Query(min_length=1, max_length=200)],
              issue: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None) -> dict[str, Any]:
    timelines = _ledger(request).positions(speaker, issue)
    return {"timelines": [{"speaker_id": sid, "issue": i, "entries": [entry_row(e) for e in entries]}
                          for (sid, i), entries in timelines.items()]}


@router.get("/shifts", summary="Changes of position, ranked; weaker=true adds support ↔ conditional")
def shifts(request: Request, since: DateQuery = None,
           speaker: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
           issue: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
           weaker: bool = False) -> dict[str, Any]:
    found = _ledger(request).shifts(since=_iso(since), speaker=speaker, issue=issue, weaker=weaker)
    return {"items": [shift_row(s) for s in found]}
