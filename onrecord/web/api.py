"""The JSON API: /api/articles, /api/statements, /api/speakers, /api/clusters, /api/positions,
/api/shifts; POST /api/articles ingests (behind the API token)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from onrecord.article import Article, read_html, read_text
from onrecord.ledger.positions import entry_row, shift_row
from onrecord.web import data
from onrecord.web.app import check_token

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]
Kind = Literal["direct", "indirect", "mixed", "reported_position"]


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date like 2024-11-01") from None


def _ledger(request: Request) -> Any:
    return request.app.state.ledger


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None = Field(None, description="pass as ?cursor= for the next page; null at the end")


@router.get("/articles", response_model=PageOut, summary="Articles, most recently stored first")
def list_articles(request: Request, limit: Limit = 50, cursor: Cursor = None,
                  outlet: Annotated[str | None, Query(max_length=200)] = None,
                  since: str | None = None, until: str | None = None) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_articles(conn, limit=limit, cursor=cursor, outlet=outlet, since=_date(since, "since"),
                                  until=_date(until, "until")).to_dict()


@router.get("/articles/{key:path}", summary="One article: its text, metadata and statements")
def get_article(request: Request, key: str) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        article = data.get_article(conn, key)
    if article is None:
        raise HTTPException(404, f"no article {key!r}")
    return article


class ArticleIn(BaseModel):
    """An article to ingest: plain text (the seed layout is recognised), HTML, or a JSON record."""

    text: str = Field(..., min_length=1, description="the article: plain text, or HTML when format is html")
    id: str | None = Field(None, max_length=300, description="your id for it (default: a content hash)")
    format: Literal["text", "html"] = "text"
    date: str | None = None
    outlet: str | None = Field(None, max_length=300)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    author: str | None = Field(None, max_length=300)


@router.post("/articles", status_code=201, summary="Ingest one article (needs the API token)")
def post_article(request: Request, article: Annotated[ArticleIn, Body()]) -> dict[str, Any]:
    check_token(request, request.app.state.settings.api_token, "ingesting")
    import hashlib

    key = article.id or "api/" + hashlib.sha256(article.text.encode()).hexdigest()[:16]
    parsed: Article = read_html(article.text, key) if article.format == "html" else read_text(article.text, key)
    for name in ("outlet", "title", "url", "author"):
        if getattr(article, name):
            setattr(parsed, name, getattr(article, name))
    if article.date:
        parsed.date = _date(article.date, "date")
    if parsed.errors:
        raise HTTPException(422, "; ".join(parsed.errors))
    ledger = _ledger(request)
    report = ledger.ingest_articles([parsed])
    if report.errors:
        raise HTTPException(422, "; ".join(message for _, message in report.errors))
    with ledger.engine.connect() as conn:
        stored = data.get_article(conn, parsed.id)
    return {"ingested": report.stored + report.replaced, "skipped": report.skipped, "article": stored}


@router.get("/statements", response_model=PageOut, summary="Statements, filtered; most recently stored first")
def list_statements(
    request: Request, limit: Limit = 50, cursor: Cursor = None,
    q: Annotated[str, Query(max_length=500, description="words of the quote; \"a phrase\"; prefix*")] = "",
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    issue: Annotated[str | None, Query(max_length=64)] = None,
    kind: Kind | None = None,
    venue: Annotated[str | None, Query(max_length=200)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: str | None = None, until: str | None = None,
) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_statements(conn, limit=limit, cursor=cursor, q=q, speaker=speaker, issue=issue, kind=kind,
                                    venue=venue, outlet=outlet, since=_date(since, "since"),
                                    until=_date(until, "until")).to_dict()


@router.get("/speakers", response_model=PageOut, summary="Speakers with statement counts")
def list_speakers(request: Request, limit: Limit = 50, cursor: Cursor = None,
                  q: Annotated[str | None, Query(max_length=200, description="part of a name")] = None
                  ) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_speakers(conn, limit=limit, cursor=cursor, q=q).to_dict()


@router.get("/speakers/{speaker_id}", summary="One speaker: names, aliases, statement count")
def get_speaker(request: Request, speaker_id: str) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        found = data.get_speaker(conn, speaker_id)
    if found is None:
        raise HTTPException(404, f"no speaker {speaker_id!r}")
    return found


@router.get("/clusters", response_model=PageOut, summary="The same quote reported by several articles")
def list_clusters(request: Request, limit: Limit = 50, cursor: Cursor = None,
                  speaker: Annotated[str | None, Query(max_length=200)] = None,
                  min_reports: Annotated[int, Query(ge=1, le=10_000)] = 2) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        return data.list_clusters(conn, limit=limit, cursor=cursor, speaker=speaker,
                                  min_reports=min_reports).to_dict()


@router.get("/clusters/{cluster_id}", summary="One quote cluster: first report, outlets, every report")
def get_cluster(request: Request, cluster_id: Annotated[int, Path(ge=0, le=2**62)]) -> dict[str, Any]:
    with _ledger(request).engine.connect() as conn:
        found = data.get_cluster(conn, cluster_id)
    if found is None:
        raise HTTPException(404, f"no quote cluster {cluster_id}")
    return found


@router.get("/positions", summary="A speaker's stance per issue over time")
def positions(request: Request, speaker: Annotated[str, Query(min_length=1, max_length=200)],
              issue: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
    timelines = _ledger(request).positions(speaker, issue)
    return {"timelines": [{"speaker_id": sid, "issue": i, "entries": [entry_row(e) for e in entries]}
                          for (sid, i), entries in timelines.items()]}


@router.get("/shifts", summary="Changes of stance, newest first")
def shifts(request: Request, since: str | None = None,
           speaker: Annotated[str | None, Query(max_length=200)] = None,
           issue: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
    found = _ledger(request).shifts(since=_date(since, "since"), speaker=speaker, issue=issue)
    return {"items": [shift_row(s) for s in found]}
