"""Server-rendered pages: the seed's statements highlighted in place, the speaker page with the
territory shift, the cluster page, listings and search, and untrusted text rendered as text
(checked in the raw HTML)."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from web_support import GOLD, HOSTILE_ID, SEED, SEED_KEY, ZELENSKY, make_app

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the checkout")
TEMPLATES = Path(__file__).resolve().parents[2] / "onrecord" / "web" / "templates"


def elements(html: str) -> tuple[set[str], set[str]]:
    """The tag names and attribute names of a page, as a browser's parser sees them."""
    tags: set[str] = set()
    attributes: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.add(tag)
            attributes.update(name for name, _ in attrs)

    Collect().feed(html)
    return tags, attributes


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", unescape(re.sub(r"<[^>]+>", " ", text)).lower().replace("’", "'"))


def marked(html: str, role: str) -> list[str]:
    return re.findall(rf'<mark class="{role}[^"]*"[^>]*>(.*?)</mark>', html, re.S)


@needs_seed
def test_seed_article_page_shows_the_gold_statements(client) -> None:
    page = client.get(f"/articles/{SEED_KEY}")
    assert page.status_code == 200
    html = page.text
    body = html[html.index('<div class="body">') : html.index("</article>")]
    contents = " ".join(" ".join(words(m)) for m in marked(body, "content"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    required = [g for g in gold["statements"] if not g.get("optional")]
    found = [g for g in required if " ".join(words(g["quote"]))[:60] in contents]
    assert len(found) >= 14, [g["id"] for g in required if g not in found]
    # each gold cue is marked as a cue, each gold speaker's name or pronoun as a mention
    cues = {" ".join(words(c)) for c in marked(body, "cue")}
    assert sum(" ".join(words(g["cue"])) in cues for g in required) >= 14
    assert len(marked(body, "cue")) >= 12 and len(marked(body, "mention")) >= 10
    # the legend names the three colours
    legend = re.search(r'<p class="legend">(.*?)</p>', html, re.S).group(1)
    assert all(f'<mark class="{role}">' in legend for role in ("content", "cue", "mention"))
    # a pronoun speaker shows the resolved name, beside the mark and in the list of statements
    assert re.search(r'>[Hh]e</mark><span class="resolved-name"[^>]*>Volodymyr Zelensky</span>', body)
    assert re.search(r'<span class="muted resolved">\(“[Hh]e”\)</span>', html)
    assert 'title="speaker: Volodymyr Zelensky"' in body
    # venue, translator and date on hover (title) and in the list
    assert re.search(r'<mark class="content[^"]*"[^>]*title="Volodymyr Zelensky · direct · “said” · at/on Sky News '
                     r'\(interview\) · through a translator · said 2024-11-29"', body)
    assert "venue: Sky News (interview)" in html and "through a translator" in html
    # the header (caption, byline, time line) is metadata, not body text
    assert "Photo by MADS CLAUS RASMUSSEN" in html and "Photo by" not in body


@needs_seed
def test_speaker_page_shows_the_territory_shift(client) -> None:
    page = client.get(f"/speakers/{ZELENSKY}")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Volodymyr Zelensky</h1>" in html
    chart = re.search(r'<figure class="chart" data-issue="territory">(.*?)</figure>', html, re.S)
    assert chart and chart.group(1).count("<circle") >= 2
    assert 'stroke="black"' in chart.group(1)  # the ringed dot of a shift
    assert "<title>2024-11-29 · conditional" in chart.group(1)
    shift_rows = re.findall(r'<tr class="shift">(.*?)</tr>', html, re.S)
    assert any("territory" in r and "oppose" in r and "conditional" in r for r in shift_rows)
    statements = re.search(r"<h2>Statements</h2>(.*)", html, re.S).group(1)
    assert statements.count("<tr>") >= 8 and "NATO umbrella" in statements
    # the same page through the encoded id, and a speaker that is not there
    assert client.get(f"/speakers/{quote(ZELENSKY, safe='')}").status_code == 200
    missing = client.get("/speakers/nobody")
    assert missing.status_code == 404 and "<h1>Error 404</h1>" in missing.text


def test_speaker_page_without_positions(client) -> None:
    dahl = client.get("/api/speakers", params={"q": "Dahl"}).json()["items"][0]["id"]
    page = client.get(f"/speakers/{dahl}")
    assert page.status_code == 200 and "Ingrid Dahl" in page.text and "same map" in page.text


def test_search_page_lists_statements_and_pages(client) -> None:
    page = client.get("/", params={"q": "truce"})
    assert page.status_code == 200
    quotes = re.findall(r'<td class="quote">(.*?)<div', page.text, re.S)
    assert quotes and all("truce" in q.lower() for q in quotes)
    assert 'value="truce"' in page.text and "Recently stored articles" not in page.text
    by_outlet = client.get("/", params={"outlet": "Wire B"}).text
    assert "one single incident" in by_outlet and "arguing about the same map" not in by_outlet
    assert client.get("/", params={"kind": "poem"}).status_code == 422
    bad_date = client.get("/", params={"since": "soon"})
    assert bad_date.status_code == 422 and "<h1>Error 422</h1>" in bad_date.text
    home = client.get("/")
    assert "Recently stored articles" in home.text and 'class="next"' in home.text
    nxt = unescape(re.search(r'<a class="next" href="([^"]+)"', home.text).group(1))
    second = client.get(nxt)
    assert second.status_code == 200 and second.text != home.text


def test_cluster_page_shows_outlets_first_report_and_variants(client) -> None:
    clusters = client.get("/api/clusters").json()["items"]
    dahl = next(cl for cl in clusters if cl["speaker_name"] == "Ingrid Dahl")
    page = client.get(f"/clusters/{dahl['id']}")
    assert page.status_code == 200
    html = page.text
    assert "<strong>Reported by 2 outlets</strong>" in html
    # another translation of the words: linked apart, not counted
    other = re.search(r'<section class="translations">(.*?)</section>', html, re.S).group(1)
    assert "another translation" in other and "allow a single incident" in other
    first = re.search(r'<section class="first-report">(.*?)</section>', html, re.S).group(1)
    assert 'href="/articles/wire-a/dahl"' in first and "Wire A" in first and "2025-03-17" in first
    assert re.search(r'<ul class="outlets"><li>Wire A</li><li>Wire B</li></ul>', html)
    variants = re.findall(r'<li class="variant"><blockquote>(.*?)</blockquote>', html, re.S)
    assert len(variants) == 2 and "a single incident" in variants[0] and "one single incident" in variants[1]
    listing = client.get("/clusters").text
    assert f'href="/clusters/{dahl["id"]}"' in listing
    assert client.get("/clusters/999999999").status_code == 404
    assert client.get("/clusters/x").status_code == 422


def test_cluster_page_lists_its_reports_a_page_at_a_time(web_ledger) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(make_app(web_ledger, page_size=1))
    dahl = next(cl for cl in client.get("/api/clusters").json()["items"] if cl["speaker_name"] == "Ingrid Dahl")
    html = client.get(f"/clusters/{dahl['id']}").text
    reports = re.findall(r'<li class="report"><a href="([^"]+)"', html)
    assert reports == ["/articles/wire-a/dahl"] and "(1 on this page of 2)" in html
    assert "<strong>Reported by 2 outlets</strong>" in html  # the headline is the whole cluster's
    more = unescape(re.search(r'<a class="next" href="([^"]+)">More reports', html).group(1))
    second = client.get(more).text
    assert re.findall(r'<li class="report"><a href="([^"]+)"', second) == ["/articles/wire-b/dahl"]
    assert "More reports" not in second and "wire-a/dahl" in second  # still named as the first report
    assert client.get(f"/clusters/{dahl['id']}", params={"cursor": "not-a-cursor"}).status_code == 400


def test_listing_pages(client) -> None:
    articles = client.get("/articles").text
    assert 'href="/articles/01_oslo_truce"' in articles and 'href="/articles/wire-a/dahl"' in articles
    speakers = client.get("/speakers", params={"q": "dahl"}).text
    assert re.search(r'<a href="/speakers/person%3Ai-dahl">Ingrid Dahl</a>', speakers)
    assert "No speaker found" in client.get("/speakers", params={"q": "zzzxqv"}).text
    missing = client.get("/articles/none-such")
    assert missing.status_code == 404 and "no article" in missing.text
    assert missing.headers["content-type"].startswith("text/html")


def test_untrusted_text_is_rendered_as_text(client) -> None:
    r = client.get("/articles/" + quote(HOSTILE_ID))
    assert r.status_code == 200
    html = r.text
    # markup in the body, the title and the outlet is text
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(3)&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html  # the title
    assert "<b>Evil</b>" not in html and "&lt;b&gt;Evil&lt;/b&gt; Wire" in html
    # quotes cannot break out of an attribute: no attribute but ours anywhere
    assert 'onmouseover="x' not in html and "&#34; onmouseover=&#34;x" in html
    tags, attributes = elements(html)
    assert not tags & {"script", "img", "b", "iframe", "object", "svg"}, tags
    assert attributes <= {"lang", "charset", "name", "content", "rel", "href", "class", "data-statement", "title",
                          "role", "method", "action", "type", "value", "placeholder", "aria-label", "id"}, attributes
    # a javascript: source address is not made a link
    assert "javascript:" not in html
    # the CSP stands behind it all
    csp = r.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "default-src 'self'" in csp and "style-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # the hostile key and outlet in listings stay inside their attributes
    for listing in (client.get("/articles").text, client.get("/", params={"q": "bridge"}).text):
        assert "<script" not in listing and "<b>" not in listing
        assert 'href="/articles/hostile%22%20onmouseover%3D%22x"' in listing


def test_templates_never_mark_text_safe() -> None:
    """Only the highlighter (which escapes every piece) and the chart make markup: no template
    marks anything safe or switches autoescape off."""
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape" not in text, template.name
        assert "<script" not in text and "style=" not in text, template.name


def test_static_css_and_pages_for_small_screens(client) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "@media (max-width" in css.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in client.get("/").text


def test_a_report_shows_its_words_of_the_quote_and_the_whole_statement_apart(client) -> None:
    # a report that quotes three sentences, one of them this cluster's: the sentence is the report,
    # the whole statement is behind a link-like summary, escaped
    report = {"article": "wire-x/one", "title": "T", "outlet": "Wire X", "date": "2025-03-17", "published": None,
              "speaker": "Ingrid Dahl", "statement_id": 41, "quote": "The talks go on.",
              "statement_quote": "We met. The talks go on. <b>Nothing</b> is agreed."}
    cluster = {"id": 7, "quote_text": "The talks go on.", "n_outlets": 2, "n_reports": 2, "speaker_id": None,
               "speaker_name": "Ingrid Dahl", "outlets": ["Wire X"], "first_report": report, "variants": [],
               "reports": [report, {**report, "statement_id": 42, "statement_quote": "The talks go on."}],
               "translations": [], "attributions": []}
    html = client.app.state.templates.get_template("cluster.html").render(cluster=cluster)
    reports = re.findall(r'<li class="report">(.*?)</li>', html, re.S)
    assert "<blockquote>The talks go on.</blockquote>" in reports[0]
    assert "whole statement (41)" in reports[0] and "&lt;b&gt;Nothing&lt;/b&gt;" in reports[0]
    assert "whole statement" not in reports[1]  # the statement is these words: nothing more to show


def test_a_stance_too_unsure_for_a_position_is_shown_tentative(app) -> None:
    """A filled-in or low-confidence label is marked "?" and says why on hover; a confident
    label, a person's, and "unclear" are not marked; the reason is text, never markup."""
    chip = app.state.templates.env.from_string(
        '{% from "_stance.html" import stance_chip %}{{ stance_chip(issue, stance) }}')
    filled = chip.render(issue="negotiations", stance={
        "label": "support", "evidence": ["consulting"], "source": "model", "confidence": 0.63,
        "reason": 'the learned reader reads support <script>alert("x")</script>'})
    assert 'class="stance support tentative"' in filled and ">negotiations: support?</span>" in filled
    assert "confidence 0.63 · model" in filled and "<script>" not in filled and "&lt;script&gt;" in filled
    sure = chip.render(issue="nato", stance={"label": "oppose", "evidence": ["never"], "source": "rules",
                                             "confidence": 0.9, "reason": "'never' on the issue: oppose"})
    assert 'class="stance oppose"' in sure and ">nato: oppose</span>" in sure
    person = chip.render(issue="nato", stance={"label": "support", "evidence": [], "source": "human"})
    unclear = chip.render(issue="nato", stance={"label": "unclear", "evidence": [], "confidence": 0.6})
    legacy = chip.render(issue="nato", stance={"label": "support", "evidence": ["want"]})  # stored before confidences
    assert "tentative" not in person + unclear and "tentative" in legacy
