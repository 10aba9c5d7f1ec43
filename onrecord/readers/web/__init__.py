"""Reading from the web: article pages, RSS/Atom feeds and sitemaps, fetched politely.

``Fetcher`` (``http``) makes every request: robots.txt (``robots``), per-host limits, retries,
size and redirect checks.  ``Crawl`` (``crawl``) turns ``WebSource``s (``sources``) into
Articles: documents sorted into feeds, sitemaps and pages (``links``), pages extracted by
trafilatura (``pages``), URLs compared in key form (``urls``).  What was seen is kept by a
``Memory`` the caller gives: the ledger's, for ``onrecord ingest URL`` and ``onrecord watch``.
"""

from onrecord.readers.web.crawl import Crawl, Memory, NoMemory
from onrecord.readers.web.http import Fetcher, Response
from onrecord.readers.web.sources import WebSource, read_sources
from onrecord.readers.web.urls import is_url, normalise

__all__ = ["Crawl", "Fetcher", "Memory", "NoMemory", "Response", "WebSource", "is_url", "normalise", "read_sources"]
