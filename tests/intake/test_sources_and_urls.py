"""URLs in key form, same-site checks, and the sources file of ``onrecord watch``."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import SourcesError
from onrecord.readers.web import normalise, read_sources
from onrecord.readers.web.sources import seconds
from onrecord.readers.web.urls import same_site


@pytest.mark.parametrize(("url", "key"), [
    ("HTTP://Example.com:80/a/b.html?utm_source=x&fbclid=3#top", "http://example.com/a/b.html"),
    ("https://example.com/a?id=3&page=2&gclid=z", "https://example.com/a?id=3&page=2"),
    ("https://example.com/a?page=2&id=3", "https://example.com/a?id=3&page=2"),
    ("https://m.example.com/news/story.html", "https://example.com/news/story.html"),
    ("https://amp.example.com/news/story.html?amp=1", "https://example.com/news/story.html"),
    ("https://example.com/news/story/amp/", "https://example.com/news/story/"),
    ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
    ("https://m.co/x", "https://m.co/x"),  # a short domain is not a mobile prefix
])
def test_key_form(url: str, key: str) -> None:
    assert normalise(url) == key


def test_same_site() -> None:
    assert same_site("https://example.com/a", "https://www.example.com/b")
    assert same_site("https://news.example.com/a", "https://example.com/b")
    assert not same_site("https://example.com/a", "https://example.org/a")
    assert not same_site("https://badexample.com/a", "https://example.com/a")


def test_sources_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("""
interval: 15m
sources:
  - outlet: Example News
    feed: https://example.com/rss.xml
    include: ["/world/"]
    exclude: ["/live/"]
    language: en
    interval: 90s
  - name: Another
    sitemap: https://another.example/sitemap.xml
    urls: [https://another.example/a.html]
""", encoding="utf-8")
    first, second, third = read_sources(path)
    assert (first.outlet, first.interval, first.language) == ("Example News", 90.0, "en")
    assert first.include[0].search("https://example.com/world/x") and first.exclude[0].pattern == "/live/"
    assert (second.url, second.outlet, second.interval) == ("https://another.example/sitemap.xml", "Another", 900.0)
    assert third.url == "https://another.example/a.html"


@pytest.mark.parametrize(("text", "message"), [
    ("sources: [{outlet: X}]", "a source needs an address"),
    ("sources: [{feed: 'https://x.org/f', include: ['(']}]", "not a regular expression"),
    ("sources: [{feed: 'https://x.org/f', every: 3}]", "every: Extra inputs are not permitted"),
    ("sources: [{feed: 'https://x.org/f', interval: soon}]", "not a duration"),
    ("sources: [", "not valid YAML"),
])
def test_bad_sources_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesError, match=message):
        read_sources(path)


def test_durations() -> None:
    assert [seconds(v) for v in (30, "45s", "15m", "2h", "1d")] == [30, 45, 900, 7200, 86400]
