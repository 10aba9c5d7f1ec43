"""The JSON API, every endpoint, with FastAPI's TestClient: listings and their cursors, filters,
one item of each kind, positions and shifts, ingest through POST, and errors as JSON."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from web_support import HOSTILE_ID, SEED, SEED_KEY, TOKEN, ZELENSKY

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the checkout")
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def all_pages(client, url: str, limit: int = 3, **params) -> list[dict]:
    items, cursor, seen = [], None, set()
    while True:
        r = client.get(url, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return items
        assert cursor not in seen, "a cursor came back twice"
        seen.add(cursor)


# --- articles ----------------------------------------------------------------------------------


def test_articles_pages_are_complete_and_disjoint(client) -> None:
    items = all_pages(client, "/api/articles", limit=2)
    keys = [a["key"] for a in items]
    assert len(keys) == len(set(keys)) >= 9
    assert all(a["statements"] is not None for a in items)
    assert {"01_oslo_truce", "wire-a/dahl", HOSTILE_ID} <= set(keys)
    one_page = client.get("/api/articles", params={"limit": 500}).json()
    assert [a["key"] for a in one_page["items"]] == keys and one_page["next_cursor"] is None


def test_articles_filters(client) -> None:
    npw = client.get("/api/articles", params={"outlet": "npw"}).json()["items"]
    assert npw and all(a["outlet"] == "NPW" for a in npw)
    march = all_pages(client, "/api/articles", since="2025-03-01", until="2025-03-31")
    assert march and all("2025-03-01" <= a["date"] <= "2025-03-31" for a in march)


def test_one_article_with_statements(client) -> None:
    body = client.get("/api/articles/01_oslo_truce").json()
    assert body["outlet"] == "NPW" and body["date"] == "2025-03-11"
    assert body["caption"] and body["statements"]
    for st in body["statements"]:
        assert body["text"][st["quote"]["start"] : st["quote"]["end"]]
        assert body["text"][st["cue"]["start"] : st["cue"]["end"]] == st["cue"]["text"]
    # keys with slashes and quotes
    assert client.get("/api/articles/wire-a/dahl").json()["outlet"] == "Wire A"
    assert client.get("/api/articles/" + quote(HOSTILE_ID)).json()["key"] == HOSTILE_ID


# --- statements --------------------------------------------------------------------------------


def test_cursor_is_stable_when_new_articles_arrive(client) -> None:
    first = client.get("/api/statements?limit=5").json()
    second = client.get("/api/statements", params={"limit": 5, "cursor": first["next_cursor"]}).json()
    r = client.post("/api/articles", json={"id": "late", "text": '"We are late," Karl Berg said.'}, headers=AUTH)
    assert r.status_code == 201, r.text
    again = client.get("/api/statements", params={"limit": 5, "cursor": first["next_cursor"]}).json()
    assert [i["id"] for i in again["items"]] == [i["id"] for i in second["items"]]
    # the new statement is on the first page, not pushed into the next ones
    assert client.get("/api/statements?limit=1").json()["items"][0]["article"] == "late"


def test_statements_pages_are_complete(client) -> None:
    paged = all_pages(client, "/api/statements", limit=7)
    whole = client.get("/api/statements", params={"limit": 500}).json()["items"]
    assert [i["id"] for i in paged] == [i["id"] for i in whole]
    assert len(whole) == len({i["id"] for i in whole}) >= 40


def test_statements_filters(client) -> None:
    by_speaker = all_pages(client, "/api/statements", speaker="Dahl")
    assert by_speaker and all("Dahl" in i["speaker"] for i in by_speaker)
    direct = all_pages(client, "/api/statements", kind="direct", limit=50)
    assert direct and all(i["kind"] == "direct" for i in direct)
    text = client.get("/api/statements", params={"q": "truce"}).json()["items"]
    assert text and all("truce" in i["quote"].lower() for i in text)
    phrase = client.get("/api/statements", params={"q": '"same map"'}).json()["items"]
    assert [i["speaker"] for i in phrase] == ["Ingrid Dahl"]
    dated = all_pages(client, "/api/statements", since="2025-07-01", until="2025-07-31", limit=50)
    assert dated and all("2025-07-01" <= (i["said_on"] or i["date"]) <= "2025-07-31" for i in dated)
    wire = all_pages(client, "/api/statements", outlet="Wire")
    assert {i["outlet"] for i in wire} >= {"Wire A", "Wire B"}
    assert client.get("/api/statements", params={"venue": "interview"}).status_code == 200
    # filters combine
    both = client.get("/api/statements", params={"speaker": "Dahl", "outlet": "Wire B"}).json()["items"]
    assert both and all(i["outlet"] == "Wire B" and "Dahl" in i["speaker"] for i in both)
    assert client.get("/api/statements", params={"q": "zzzxqv"}).json() == {"items": [], "next_cursor": None}


@needs_seed
def test_issue_filter_and_venue(client) -> None:
    territory = all_pages(client, "/api/statements", issue="territory", limit=2)
    assert len(territory) >= 2 and all("territory" in i["statement"]["issues"] for i in territory)
    sky = client.get("/api/statements", params={"venue": "Sky News"}).json()["items"]
    assert sky and all(i["venue"] == "Sky News" for i in sky)
    assert sky[0]["statement"]["via_translator"] is True


# --- speakers ----------------------------------------------------------------------------------


def test_speakers_list_and_one(client) -> None:
    speakers = all_pages(client, "/api/speakers", limit=10)
    ids = [s["id"] for s in speakers]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    some = client.get("/api/speakers", params={"q": "Dahl"}).json()["items"]
    assert some and some[0]["statements"] >= 1
    one = client.get(f"/api/speakers/{some[0]['id']}").json()
    assert one["name"] == some[0]["name"] and one["statements"] >= 1 and "aliases" in one
    assert client.get("/api/speakers/nobody").status_code == 404


@needs_seed
def test_zelensky(client) -> None:
    one = client.get(f"/api/speakers/{ZELENSKY}").json()
    assert one["name"] == "Volodymyr Zelensky" and one["statements"] >= 8


# --- clusters ----------------------------------------------------------------------------------


def test_clusters_list_and_one(client) -> None:
    clusters = client.get("/api/clusters").json()["items"]
    top = next((cl for cl in clusters if cl["speaker_name"] == "Ingrid Dahl"), None)
    assert top, "the two wire reports of Dahl's quote are one cluster"
    assert top["n_reports"] == 2 and top["outlets"] == ["Wire A", "Wire B"]
    one = client.get(f"/api/clusters/{top['id']}").json()
    assert [r["article"] for r in one["reports"]] == ["wire-a/dahl", "wire-b/dahl"]
    assert one["first_report"]["outlet"] == "Wire A" and one["first_report"]["date"] == "2025-03-17"
    assert len(one["variants"]) == 2  # "a single incident" and "one single incident"
    assert client.get("/api/clusters/999999999").status_code == 404
    assert one["n_outlets"] == 2
    assert [t["quote_text"] for t in one["translations"]] == [
        "We will not allow a single incident at the border to stop these talks"]
    # reported by most outlets first, then most reports, then by id; every cluster once across pages
    singles = all_pages(client, "/api/clusters", min_reports=1, limit=4)
    assert singles[0]["n_reports"] >= 2 and len({c["id"] for c in singles}) == len(singles) >= 40
    order = [(-c["n_outlets"], -c["n_reports"], c["id"]) for c in singles]
    assert order == sorted(order)
    assert client.get("/api/clusters", params={"speaker": "Dahl", "min_reports": 1}).json()["items"]


def test_one_clusters_reports_come_a_page_at_a_time(client) -> None:
    clusters = client.get("/api/clusters").json()["items"]
    dahl = next(cl for cl in clusters if cl["speaker_name"] == "Ingrid Dahl")
    url = f"/api/clusters/{dahl['id']}"
    whole = client.get(url).json()
    assert len(whole["reports"]) == 2 and whole["reports_next_cursor"] is None
    first = client.get(url, params={"limit": 1}).json()
    assert [r["article"] for r in first["reports"]] == ["wire-a/dahl"] and first["reports_next_cursor"]
    second = client.get(url, params={"limit": 1, "cursor": first["reports_next_cursor"]}).json()
    assert [r["article"] for r in second["reports"]] == ["wire-b/dahl"] and second["reports_next_cursor"] is None
    # the headline, the first report, the wordings and the outlets are the whole cluster's on every page
    for page in (first, second):
        assert page["first_report"] == whole["first_report"] and page["variants"] == whole["variants"]
        assert page["n_reports"] == 2 and page["outlets"] == ["Wire A", "Wire B"]
    assert client.get(url, params={"cursor": "eyJhIjogMX0"}).status_code == 400  # another listing's cursor
    assert client.get(url, params={"limit": 0}).status_code == 422


# --- positions and shifts ----------------------------------------------------------------------


@needs_seed
def test_positions_and_shifts(client) -> None:
    body = client.get("/api/positions", params={"speaker": "Zelensky", "issue": "territory"}).json()
    assert [t["issue"] for t in body["timelines"]] == ["territory"]
    entries = body["timelines"][0]["entries"]
    assert [e["stance"] for e in entries][:2] == ["oppose", "conditional"]
    every_issue = client.get("/api/positions", params={"speaker": ZELENSKY}).json()["timelines"]
    assert {"territory", "nato"} <= {t["issue"] for t in every_issue}
    shifts = client.get("/api/shifts", params={"speaker": "Zelensky", "issue": "territory"}).json()["items"]
    assert any(s["from"] == "oppose" and s["to"] == "conditional" for s in shifts)
    assert client.get("/api/shifts", params={"since": "2030-01-01"}).json() == {"items": []}
    assert client.get("/api/positions", params={"speaker": "Nobody At All"}).json() == {"timelines": []}
    assert client.get("/api/positions").status_code == 422


# --- ingest ------------------------------------------------------------------------------------


def test_post_needs_the_token(client) -> None:
    article = {"text": '"The port stays shut," Karl Berg said on Friday.', "date": "2025-03-07"}
    r = client.post("/api/articles", json=article)
    assert r.status_code == 401 and "token" in r.json()["error"]["message"]
    assert r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/articles", json=article, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["article"]["statements"][0]["said_on"]["date"] == "2025-03-07"
    again = client.post("/api/articles", json=article, headers={"X-API-Token": TOKEN})
    assert again.status_code == 200 and again.json()["skipped"] == 1


def test_post_text_html_and_json_records(client) -> None:
    text = "“We keep the crossing open,” Lena Varga said on Tuesday."
    r = client.post("/api/articles", params={"id": "raw-text", "outlet": "Raw Wire", "date": "2025-04-01"},
                    content=text.encode(), headers={**AUTH, "content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 201, r.text
    stored = r.json()["article"]
    assert stored["outlet"] == "Raw Wire" and stored["statements"][0]["speaker"]["name"] == "Lena Varga"
    html = ("<html><head><title>Crossing</title></head><body><article><h1>Crossing</h1>"
            "<p>“We keep the crossing open until May,” Lena Varga said on Tuesday.</p></article></body></html>")
    r = client.post("/api/articles", params={"id": "raw-html"}, content=html.encode(),
                    headers={**AUTH, "content-type": "text/html"})
    assert r.status_code == 201, r.text
    assert "<p>" not in r.json()["article"]["text"] and "crossing open until May" in r.json()["article"]["text"]
    record = {"id": "json-html", "format": "html", "text": html, "outlet": "JSON Wire", "license": "ignored"}
    r = client.post("/api/articles", json=record, headers=AUTH)
    assert r.status_code == 201 and r.json()["article"]["outlet"] == "JSON Wire"
    assert client.get("/api/articles/raw-text").status_code == 200


def test_post_rejects_bad_input_with_json_messages(client) -> None:
    def post(**kw):
        r = client.post("/api/articles", **kw)
        assert r.headers["content-type"].startswith("application/json"), r.text
        return r.status_code, r.json()["error"]

    status, error = post(json={"text": ""}, headers=AUTH)
    assert status == 422 and error["detail"][0]["where"] == "body.text"
    status, error = post(json={"txt": "no text field"}, headers=AUTH)
    assert status == 422 and "text" in error["message"]
    status, error = post(content=b"{not json", headers={**AUTH, "content-type": "application/json"})
    assert status == 422
    status, error = post(content=b"\x89PNG", headers={**AUTH, "content-type": "image/png"})
    assert status == 415 and "text/plain" in error["message"]
    status, error = post(content=b"\xff\xfe bad", headers={**AUTH, "content-type": "text/plain"})
    assert status == 422 and "UTF-8" in error["message"]
    status, error = post(content=b"   ", headers={**AUTH, "content-type": "text/plain"})
    assert status == 422 and "empty" in error["message"]
    status, error = post(json={"text": "a\x00b"}, headers=AUTH)
    assert status == 422 and "NUL" in error["message"]
    status, error = post(json={"text": "Fine.", "date": "last week"}, headers=AUTH)
    assert status == 422 and "date" in error["message"]


def test_request_size_limit(client) -> None:
    big = b"{" + b" " * 300_000 + b"}"
    r = client.post("/api/articles", content=big, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]["message"]
    assert "default-src 'self'" in r.headers["content-security-policy"]

    def chunks():  # no Content-Length: counted as it streams in
        for _ in range(30):
            yield b"x" * 10_000

    r = client.post("/api/articles", content=chunks(), headers={**AUTH, "content-type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["status"] == 413


# --- errors, headers, docs ---------------------------------------------------------------------


def test_errors_are_json_with_messages(client) -> None:
    assert client.get("/api/statements?cursor=bogus!").json()["error"]["status"] == 400
    forged = client.get("/api/statements", params={"cursor": "WzEsIDJd"})  # [1, 2]: another listing's
    assert forged.status_code == 400 and "cursor" in forged.json()["error"]["message"]
    huge = client.get("/api/statements", params={"cursor": "MTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw"})
    assert huge.status_code == 400
    kind = client.get("/api/statements?kind=poem").json()
    assert kind["error"]["status"] == 422 and kind["error"]["detail"][0]["where"] == "query.kind"
    assert client.get("/api/statements?since=yesterday").status_code == 422
    assert client.get("/api/statements?limit=0").status_code == 422
    assert client.get("/api/articles/none-such").json() == {
        "error": {"status": 404, "message": "no article 'none-such'"}}
    assert client.get("/api/nothing-here").json()["error"]["status"] == 404
    assert client.delete("/api/articles").json()["error"]["status"] == 405
    assert client.get("/api/statements", params={"q": "a\x00b"}).json()["error"]["status"] == 422


def test_unexpected_errors_are_json_too(web_ledger) -> None:
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    app = create_app(ledger=web_ledger)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    r = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    assert r.status_code == 500 and r.json()["error"]["status"] == 500
    assert "a bug" not in r.text and r.headers["x-content-type-options"] == "nosniff"


def test_security_headers_and_docs(client) -> None:
    r = client.get("/api/articles")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'none'" in csp and "style-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    schema = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{key}", "/api/statements", "/api/speakers", "/api/speakers/{speaker_id}",
            "/api/clusters", "/api/clusters/{cluster_id}", "/api/positions", "/api/shifts"} <= set(schema["paths"])
    post = schema["paths"]["/api/articles"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "text/plain", "text/html"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/statements" in docs.text and "<script" not in docs.text
    assert "text/html" in docs.text and "next_cursor" in docs.text


# --- settings and tokens -----------------------------------------------------------------------


def test_read_token_when_configured(web_ledger) -> None:
    from fastapi.testclient import TestClient

    from onrecord.config import Config
    from onrecord.web.app import create_app

    private = TestClient(create_app(config=Config.load(environ={}, read_token="r", api_token="w"), ledger=web_ledger))
    r = private.get("/api/articles")
    assert r.status_code == 401 and r.json()["error"]["message"].startswith("reading needs the read token")
    assert private.get("/api/articles", headers={"Authorization": "Bearer r"}).status_code == 200
    assert private.get("/api/articles", headers={"Authorization": "Bearer w"}).status_code == 200
    assert private.get("/articles").status_code == 401  # the pages too
    assert "<h1>Error 401</h1>" in private.get("/articles").text
    assert private.get("/docs").status_code == 200 and private.get("/static/style.css").status_code == 200
    # reading does not open writing
    assert private.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer r"}).status_code == 401
    # a browser passes the token once in the URL; a cookie carries it to the next pages
    browser = TestClient(create_app(config=Config.load(environ={}, read_token="r"), ledger=web_ledger))
    first = browser.get("/articles?token=r")
    assert first.status_code == 200 and "HttpOnly" in first.headers["set-cookie"]
    assert browser.get("/speakers").status_code == 200
    # without a write token, writing is switched off altogether
    assert browser.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer r"}).status_code == 403


def test_protect_reads_without_a_read_token_uses_the_api_token(web_ledger) -> None:
    from fastapi.testclient import TestClient

    from onrecord.config import Config
    from onrecord.web.app import create_app

    app = create_app(config=Config.load(environ={}, api_token="w", protect_reads=True), ledger=web_ledger)
    c = TestClient(app)
    assert c.get("/api/statements").status_code == 401
    assert c.get("/api/statements", headers={"X-API-Token": "w"}).status_code == 200


def test_settings_from_a_config_file_and_the_environment(tmp_path) -> None:
    from onrecord.config import Config
    from onrecord.errors import ConfigError
    from onrecord.web.settings import WebSettings

    def web(*args, **kwargs) -> WebSettings:
        return WebSettings.from_config(Config.load(*args, **kwargs))

    (tmp_path / "token").write_text("from-a-file\n")
    toml = tmp_path / "web.toml"
    toml.write_text('[web]\napi_token_file = "token"\nread_token = "r"\nmax_body_bytes = 1000\n')  # beside the file
    s = web(toml, environ={})
    assert (s.api_token, s.read_token, s.max_body_bytes, s.reads_protected) == ("from-a-file", "r", 1000, True)
    s = web(toml, environ={"ONRECORD_API_TOKEN": "env", "ONRECORD_MAX_BODY_BYTES": "5"})
    assert (s.api_token, s.max_body_bytes) == ("env", 5)
    yaml = tmp_path / "web.yaml"
    yaml.write_text("api_token: y\nprotect_reads: yes\npage_size: 20\n")
    s = web(None, environ={"ONRECORD_WEB_CONFIG": str(yaml)})
    assert (s.api_token, s.read_token, s.protect_reads, s.page_size) == ("y", None, True, 20)
    assert web(None, environ={"ONRECORD_API_READ_TOKEN": "rr"}).read_token == "rr"
    assert web(None, environ={}).api_token is None
    (tmp_path / "bad.toml").write_text("max_body_bytes = 'lots'\n")
    with pytest.raises(ConfigError, match="max_body_bytes"):
        web(tmp_path / "bad.toml", environ={})
    with pytest.raises(ConfigError, match="cannot read"):
        web(tmp_path / "missing.toml", environ={})
    (tmp_path / "typo.toml").write_text("page_sise = 3\n")
    with pytest.raises(ConfigError, match="page_sise"):
        web(tmp_path / "typo.toml", environ={})


# --- both backends -----------------------------------------------------------------------------


def test_the_same_answers_on_each_backend(backend_client, client) -> None:
    """SQLite and PostgreSQL hold the same articles: listings page the same way."""
    c = backend_client
    keys = [a["key"] for a in all_pages(c, "/api/articles", limit=4)]
    assert {"01_oslo_truce", "wire-a/dahl", HOSTILE_ID} <= set(keys)
    quotes = sorted(i["quote"] for i in all_pages(c, "/api/statements", limit=9, speaker="Dahl"))
    assert quotes and quotes == sorted(i["quote"] for i in all_pages(client, "/api/statements", speaker="Dahl"))
    assert all("truce" in i["quote"].lower() for i in c.get("/api/statements", params={"q": "truce"}).json()["items"])
    assert ["Wire A", "Wire B"] in [cl["outlets"] for cl in c.get("/api/clusters").json()["items"]]
    speakers = [s["id"] for s in all_pages(c, "/api/speakers", limit=5)]
    assert speakers == sorted(speakers)
    assert c.get("/api/statements", params={"cursor": "bogus!"}).status_code == 400
    if SEED.exists():
        territory = [i["quote"] for i in all_pages(c, "/api/statements", issue="territory", limit=2)]
        assert len(territory) >= 2
        assert territory == [i["quote"] for i in all_pages(client, "/api/statements", issue="territory")]
        shifts = c.get("/api/shifts", params={"speaker": ZELENSKY, "issue": "territory"}).json()["items"]
        assert any(s["from"] == "oppose" and s["to"] == "conditional" for s in shifts)
        assert c.get(f"/articles/{SEED_KEY}").text.count('<mark class="cue') >= 14
