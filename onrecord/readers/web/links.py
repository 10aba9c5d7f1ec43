"""What a fetched document is (a feed, a sitemap, a page) and the article links a feed or a
sitemap holds.

The parsing is trafilatura's: ``trafilatura.feeds.find_links`` reads RSS 2.0, Atom and JSON
Feed; ``trafilatura.sitemaps.SitemapObject`` reads XML sitemaps (hreflang links for a language),
sitemap indexes and plain-text sitemaps.  Its own link filters are not used: they go through
courlan's domain checks, which refuse hosts without a public suffix (an intranet host, the
tests' 127.0.0.1), and ``crawl`` filters links by the source's own rules instead.
"""

from __future__ import annotations

import re
import zlib
from urllib.parse import urljoin, urlsplit

from trafilatura import feeds, sitemaps
from trafilatura.utils import decode_file

from onrecord.errors import FetchError

_SITEMAP = re.compile(r"<(?:[\w.-]+:)?(?:sitemapindex|urlset)\b")
_SITEMAP_INDEX = re.compile(r"<(?:[\w.-]+:)?sitemapindex\b")
_FEED = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|RDF)\b")
_JSON_FEED = re.compile(r'^\s*\{.*"items"\s*:', re.DOTALL)
HEAD = 2000  # how much of a document decides what it is
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit on an uncompressed sitemap


def text_of(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> str:
    """A fetched body as text: gunzipped when it is a gzip file (sitemap.xml.gz, served as is),
    decoded by trafilatura's charset detection."""
    if body[:2] == b"\x1f\x8b":
        inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            body = inflate.decompress(body, limit)
        except zlib.error as e:
            raise FetchError("", f"not a valid gzip file: {e}") from None
        if inflate.unconsumed_tail:
            raise FetchError("", f"gzip file larger than {limit:,} bytes once unpacked")
    return decode_file(body)


def kind_of(text: str, content_type: str = "") -> str:
    """'sitemap', 'feed' or 'page'."""
    head = text[:HEAD]
    if _SITEMAP.search(head):
        return "sitemap"
    if _FEED.search(head) and feeds.is_potential_feed(head.lstrip()):
        return "feed"
    if "json" in content_type.lower() and _JSON_FEED.match(head):
        return "feed"
    return "page"


def _absolute(base: str, links: list[str]) -> list[str]:
    """Links made absolute, web addresses only, each once, in document order."""
    out = []
    for link in links:
        url = urljoin(base, link.strip())
        if urlsplit(url).scheme in ("http", "https"):
            out.append(url)
    return list(dict.fromkeys(out))


def feed_links(text: str, url: str) -> list[str]:
    """The entries' links of an RSS, Atom or JSON feed (not the feed itself, nor a site's home
    page, which Atom lists as the feed's own alternate link)."""
    parts = urlsplit(url)
    params = feeds.FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url)
    links = _absolute(url, feeds.find_links(text.strip(), params))
    return [link for link in links if link != url and urlsplit(link).path not in ("", "/")]


class _Sitemap(sitemaps.SitemapObject):
    """trafilatura's sitemap reader with our own link handling: every location kept, as a
    sitemap when it looks like one (trafilatura's test), else as a page."""

    def handle_link(self, link: str) -> None:
        url = urljoin(self.current_url, link.strip())
        if url == self.current_url or urlsplit(url).scheme not in ("http", "https"):
            return
        if sitemaps.DETECT_SITEMAP_LINK.search(url):
            self.sitemap_urls.append(url)
        else:
            self.urls.append(url)


def sitemap_links(text: str, url: str, language: str | None = None) -> tuple[list[str], list[str]]:
    """(page links, sitemap links) of a sitemap; every location of a sitemap index is a sitemap."""
    parts = urlsplit(url)
    sitemap = _Sitemap(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", [], language, True)
    sitemap.current_url = url
    sitemap.content = text
    sitemap.process()
    pages, nested = _absolute(url, sitemap.urls), _absolute(url, sitemap.sitemap_urls)
    if _SITEMAP_INDEX.search(text[:HEAD]):
        return [], list(dict.fromkeys(nested + pages))
    return pages, nested
