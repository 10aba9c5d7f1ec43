"""The JSON API, every endpoint, with FastAPI's TestClient."""

from __future__ import annotations

import pytest
from web_support import SEED, TOKEN

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the checkout")


def all_pages(client, url: str, limit: int = 3) -> list[dict]:
    items, cursor = [], None
    while True:
        sep = "&" if "?" in url else "?"
        r = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else ""))
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return items


def test_articles_pages_are_complete_and_disjoint(client) -> None:
    items = all_pages(client, "/api/articles", limit=2)
    keys = [a["key"] for a in items]
    assert len(keys) == len(set(keys)) >= 7
    assert all(a["statements"] is not None for a in items)


def test_cursor_is_stable_when_new_articles_arrive(client) -> None:
    first = client.get("/api/statements?limit=5").json()
    second = client.get(f"/api/statements?limit=5&cursor={first['next_cursor']}").json()
    r = client.post("/api/articles", json={"id": "late", "text": '"We are late," Karl Berg said.'},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    again = client.get(f"/api/statements?limit=5&cursor={first['next_cursor']}").json()
    assert [i["id"] for i in again["items"]] == [i["id"] for i in second["items"]]


def test_one_article_with_statements(client) -> None:
    body = client.get("/api/articles/01_oslo_truce").json()
    assert body["outlet"] == "NPW" and body["date"] == "2025-03-11"
    assert body["caption"] and body["statements"]
    for st in body["statements"]:
        assert body["text"][st["quote"]["start"] : st["quote"]["end"]]


def test_statements_filters(client) -> None:
    by_speaker = all_pages(client, "/api/statements?speaker=Dahl")
    assert by_speaker and all("Dahl" in i["speaker"] for i in by_speaker)
    direct = all_pages(client, "/api/statements?kind=direct", limit=50)
    assert direct and all(i["kind"] == "direct" for i in direct)
    text = client.get("/api/statements", params={"q": "truce"}).json()["items"]
    assert text and all("truce" in i["quote"].lower() for i in text)
    dated = all_pages(client, "/api/statements?since=2025-07-01&until=2025-07-31", limit=50)
    assert dated and all("2025-07-01" <= (i["said_on"] or i["date"]) <= "2025-07-31" for i in dated)
    assert client.get("/api/statements?outlet=NPW").json()["items"]
    assert client.get("/api/statements?venue=interview").status_code == 200


@needs_seed
def test_issue_filter_and_venue(client) -> None:
    territory = all_pages(client, "/api/statements?issue=territory", limit=10)
    assert territory and all("territory" in i["statement"]["issues"] for i in territory)
    sky = client.get("/api/statements", params={"venue": "Sky News"}).json()["items"]
    assert sky and all(i["venue"] == "Sky News" for i in sky)


def test_speakers_list_and_one(client) -> None:
    speakers = all_pages(client, "/api/speakers", limit=10)
    ids = [s["id"] for s in speakers]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    some = client.get("/api/speakers?q=Dahl").json()["items"]
    assert some and some[0]["statements"] >= 1
    one = client.get(f"/api/speakers/{some[0]['id']}").json()
    assert one["name"] == some[0]["name"] and one["statements"] >= 1
    assert client.get("/api/speakers/nobody").status_code == 404


def test_clusters_list_and_one(client) -> None:
    clusters = client.get("/api/clusters?min_reports=1&limit=3").json()
    assert clusters["items"] and clusters["next_cursor"]
    cid = clusters["items"][0]["id"]
    one = client.get(f"/api/clusters/{cid}").json()
    assert one["reports"] and one["reports"][0]["statement_id"]
    assert client.get("/api/clusters/999999999").status_code == 404


@needs_seed
def test_positions_and_shifts(client) -> None:
    body = client.get("/api/positions", params={"speaker": "Zelensky", "issue": "territory"}).json()
    entries = body["timelines"][0]["entries"]
    assert [e["stance"] for e in entries][:2] == ["oppose", "conditional"]
    shifts = client.get("/api/shifts", params={"speaker": "Zelensky", "issue": "territory"}).json()["items"]
    assert any(s["from"] == "oppose" and s["to"] == "conditional" for s in shifts)


def test_post_needs_the_token_and_reports_bad_input(client) -> None:
    article = {"text": '"The port stays shut," Karl Berg said on Friday.', "date": "2025-03-07"}
    assert client.post("/api/articles", json=article).status_code == 401
    assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201
    assert r.json()["article"]["statements"][0]["said_on"]["date"] == "2025-03-07"
    html = {"text": "<html><body><article><p>&quot;We wait,&quot; Ana Silva said.</p></article></body></html>",
            "format": "html", "id": "html-one"}
    assert client.post("/api/articles", json=html, headers={"X-API-Token": TOKEN}).status_code in {201, 422}
    bad = client.post("/api/articles", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422 and bad.json()["error"]["message"]


def test_errors_are_json_with_messages(client) -> None:
    r = client.post("/api/articles", content=b"{" + b" " * 300_000 + b"}",
                    headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]["message"]
    assert client.get("/api/statements?cursor=bogus!").status_code == 400
    assert client.get("/api/statements?kind=poem").json()["error"]["status"] == 422
    assert client.get("/api/statements?since=yesterday").status_code == 422
    assert client.get("/api/articles/none-such").json() == {
        "error": {"status": 404, "message": "no article 'none-such'"}}


def test_security_headers_and_docs(client) -> None:
    r = client.get("/api/articles")
    assert "script-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/openapi.json").json()["paths"]["/api/statements"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/statements" in docs.text and "<script" not in docs.text


def test_read_token_when_configured(web_ledger) -> None:
    from fastapi.testclient import TestClient

    from onrecord.web.app import WebSettings, create_app

    private = TestClient(create_app(settings=WebSettings(read_token="r"), ledger=web_ledger))
    assert private.get("/api/articles").status_code == 401
    assert private.get("/api/articles", headers={"Authorization": "Bearer r"}).status_code == 200
    # without a write token, writing is switched off altogether
    assert private.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer r"}).status_code == 403
