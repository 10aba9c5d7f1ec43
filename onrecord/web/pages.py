"""Server-rendered pages: search, article (statements highlighted in place), speaker (position
charts per issue, shifts marked, statements), quote cluster, article list."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from onrecord.ledger.stances import shift_row
from onrecord.model.statement import KINDS
from onrecord.timeline.charts import timelines_svg
from onrecord.web import data
from onrecord.web.highlight import describe, highlighted_html

router = APIRouter(include_in_schema=False)


def _render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def _date_or_none(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{value!r} is not a date like 2024-11-01") from None


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                speaker: Annotated[str, Query(max_length=200)] = "",
                issue: Annotated[str, Query(max_length=64)] = "",
                kind: Annotated[str, Query(max_length=32)] = "",
                since: Annotated[str, Query(max_length=10)] = "",
                until: Annotated[str, Query(max_length=10)] = "",
                outlet: Annotated[str, Query(max_length=200)] = "",
                venue: Annotated[str, Query(max_length=200)] = "",
                cursor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    if kind and kind not in KINDS:
        raise HTTPException(422, f"unknown kind {kind!r}")
    ledger = request.app.state.ledger
    with ledger.engine.connect() as conn:
        page = data.list_statements(conn, limit=request.app.state.settings.page_size, cursor=cursor, q=q,
                                    speaker=speaker or None, issue=ledger.issue_id(issue or None), kind=kind or None,
                                    venue=venue or None, outlet=outlet or None,
                                    since=_date_or_none(since), until=_date_or_none(until))
        filtered = q or speaker or issue or kind or since or until or outlet or venue
        recent = data.list_articles(conn, limit=12) if not filtered else None
    form = {"q": q, "speaker": speaker, "issue": issue, "kind": kind, "since": since, "until": until,
            "outlet": outlet, "venue": venue}
    return _render(request, "search.html", {"page": page, "form": form, "recent": recent, "kinds": KINDS})


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, cursor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with request.app.state.ledger.engine.connect() as conn:
        page = data.list_articles(conn, limit=request.app.state.settings.page_size, cursor=cursor)
    return _render(request, "articles.html", {"page": page})


@router.get("/articles/{key:path}", response_class=HTMLResponse)
def article_page(request: Request, key: str) -> HTMLResponse:
    with request.app.state.ledger.engine.connect() as conn:
        article = data.get_article(conn, key)
    statements = article["statements"]
    # the body only: a header the reader recognised (date line, byline, caption) is shown as metadata
    body = highlighted_html(article["text"], statements, article["body_start"], article["body_end"])
    rows = [{"n": i, "statement": st, "line": describe(st)} for i, st in enumerate(statements)]
    return _render(request, "article.html", {"article": article, "body": body, "rows": rows})


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                  cursor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with request.app.state.ledger.engine.connect() as conn:
        page = data.list_speakers(conn, limit=request.app.state.settings.page_size, cursor=cursor, q=q or None)
    return _render(request, "speakers.html", {"page": page, "q": q})


@router.get("/clusters", response_class=HTMLResponse)
def clusters_page(request: Request, cursor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with request.app.state.ledger.engine.connect() as conn:
        page = data.list_clusters(conn, limit=request.app.state.settings.page_size, cursor=cursor, min_reports=2)
    return _render(request, "clusters.html", {"page": page})


@router.get("/speakers/{speaker_id:path}", response_class=HTMLResponse)
def speaker_page(request: Request, speaker_id: Annotated[str, Path(max_length=255)]) -> HTMLResponse:
    ledger = request.app.state.ledger
    with ledger.engine.connect() as conn:
        speaker = data.get_speaker(conn, speaker_id)
        page = data.list_statements(conn, limit=200, speaker=speaker_id)
    timelines = ledger.positions(speaker_id)
    by_issue: dict[str, list[Any]] = {}
    for (_, issue), entries in timelines.items():
        by_issue.setdefault(issue, []).extend(entries)
    charts = [{"issue": issue, "svg": Markup(timelines_svg({issue: entries})), "points": len(entries)}
              for issue, entries in by_issue.items()]  # timelines_svg escapes every text it writes
    shifts = [shift_row(s) for s in ledger.shifts(speaker=speaker_id, weaker=True)]  # shown apart by kind
    return _render(request, "speaker.html", {"speaker": speaker, "charts": charts, "shifts": shifts,
                                             "statements": page.items})


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: Annotated[int, Path(ge=0, le=2**62)],
                 cursor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with request.app.state.ledger.engine.connect() as conn:
        cluster = data.get_cluster(conn, cluster_id, limit=request.app.state.settings.page_size, cursor=cursor)
    return _render(request, "cluster.html", {"cluster": cluster, "cursor": cursor})
