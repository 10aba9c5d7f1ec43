"""Server-rendered pages: the seed's statements highlighted in place, the speaker page with the
territory shift, the cluster page, and untrusted text rendered as text."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from web_support import SEED

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the checkout")
GOLD = SEED.parent / "gold.json"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", unescape(text).lower().replace("’", "'"))


@needs_seed
def test_seed_article_page_shows_the_gold_statements(client) -> None:
    page = client.get("/articles/000_4318a879f6337696")
    assert page.status_code == 200
    html = page.text
    marked = " ".join(words(" ".join(re.findall(r'<mark class="content[^"]*"[^>]*>(.*?)</mark>', html, re.S))))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    required = [g for g in gold["statements"] if not g.get("optional")]
    found = [g for g in required if " ".join(words(g["quote"]))[:60] in marked]
    assert len(found) >= 14, [g["id"] for g in required if g not in found]
    assert html.count('<mark class="cue') >= 14 and html.count('<mark class="mention') >= 10
    # a pronoun speaker shows the resolved name
    assert re.search(r'<span class="muted resolved">\(“[Hh]e”\)</span>', html)
    assert 'title="speaker: Volodymyr Zelensky"' in html
    assert "Sky News" in html and "through a translator" in html


@needs_seed
def test_speaker_page_shows_the_territory_shift(client) -> None:
    page = client.get("/speakers/person:v-zelenski")
    assert page.status_code == 200
    html = page.text
    chart = re.search(r'<figure class="chart" data-issue="territory">(.*?)</figure>', html, re.S)
    assert chart and chart.group(1).count("<circle") >= 2
    assert 'stroke="black"' in chart.group(1)  # the ringed dot of a shift
    shift_rows = re.findall(r'<tr class="shift">(.*?)</tr>', html, re.S)
    assert any("territory" in r and "oppose" in r and "conditional" in r for r in shift_rows)


def test_search_page_lists_statements_and_pages(client) -> None:
    page = client.get("/", params={"q": "truce"})
    assert page.status_code == 200 and "truce" in page.text.lower()
    assert client.get("/", params={"kind": "poem"}).status_code == 422
    home = client.get("/")
    assert "Recently stored articles" in home.text


def test_cluster_and_articles_pages(client) -> None:
    cluster = client.get("/api/clusters?min_reports=1&limit=1").json()["items"][0]
    page = client.get(f"/clusters/{cluster['id']}")
    assert page.status_code == 200 and "Reports, first first" in page.text
    assert client.get("/articles").status_code == 200
    missing = client.get("/articles/none-such")
    assert missing.status_code == 404 and "no article" in missing.text


def test_untrusted_text_is_rendered_as_text(client) -> None:
    html = client.get("/articles/hostile").text
    assert "<script" not in html and "alert(&#34;x&#34;)" in html
    assert 'onmouseover="alert' not in html and "onmouseover=&#34;alert(1)&#34;" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>Evil</b>" not in html
    headers = client.get("/articles/hostile").headers
    assert "script-src 'none'" in headers["content-security-policy"]
    listing = client.get("/", params={"q": "bridge"}).text
    assert "<script" not in listing
