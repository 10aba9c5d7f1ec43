"""robots.txt, read with the standard library's ``urllib.robotparser`` and kept per site.

What a robots.txt answer means follows RFC 9309 (the Robots Exclusion Protocol) and the
standard parser: a file found is obeyed (its ``Crawl-delay`` too); 401 and 403 forbid the whole
site (``RobotFileParser.read`` does the same); other 4xx (no file) allow everything; a server
error or no answer forbids everything until we ask again (RFC 9309, section 2.3.1.4).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from onrecord.errors import FetchError

# RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt
MAX_ROBOTS_BYTES = 512 * 1024
KEEP_SECONDS = 24 * 3600.0  # a file read is used this long (RFC 9309: no more than a day)
UNREACHABLE_SECONDS = 600.0  # an unreachable one is asked again after this

# (URL) -> (status, body); raises FetchError when no answer came
RawGet = Callable[[str], tuple[int, bytes]]


@dataclass
class _Entry:
    parser: RobotFileParser
    until: float
    reason: str | None  # why everything is forbidden, when it is


class Robots:
    """The robots.txt rules of every site asked so far, for one user agent."""

    def __init__(self, get: RawGet, agent: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._get = get
        self._agent = agent
        self._clock = clock
        self._sites: dict[str, _Entry] = {}
        self._lock = threading.Lock()
        self._fetching: dict[str, threading.Lock] = {}

    def check(self, url: str) -> str | None:
        """None when ``url`` may be fetched, else why not."""
        entry = self._entry(url)
        if entry.reason:
            return entry.reason
        if not entry.parser.can_fetch(self._agent, url):
            return f"disallowed by robots.txt for {self._token}"
        return None

    def delay(self, url: str) -> float:
        """The site's Crawl-delay for us, in seconds (0 when none)."""
        value = self._entry(url).parser.crawl_delay(self._agent)
        try:
            return float(value or 0)
        except (TypeError, ValueError):
            return 0.0

    @property
    def _token(self) -> str:
        return self._agent.split("/")[0]

    def _entry(self, url: str) -> _Entry:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            gate = self._fetching.setdefault(site, threading.Lock())
        with gate:  # one fetch of a site's robots.txt at a time, however many threads ask
            entry = self._sites.get(site)
            if entry is None or entry.until <= self._clock():
                entry = self._sites[site] = self._read(site)
            return entry

    def _read(self, site: str) -> _Entry:
        parser = RobotFileParser(site + "/robots.txt")
        now = self._clock()
        try:
            status, body = self._get(site + "/robots.txt")
        except FetchError as e:
            parser.disallow_all = True
            return _Entry(parser, now + UNREACHABLE_SECONDS, f"robots.txt unreachable ({e.reason}): not fetched")
        if status in (401, 403):
            parser.disallow_all = True
            return _Entry(parser, now + KEEP_SECONDS, f"robots.txt answers {status}: the site is closed to crawlers")
        if 400 <= status < 500:
            parser.allow_all = True
        elif status >= 300:  # 5xx after the retries, or a redirect not followed
            parser.disallow_all = True
            return _Entry(parser, now + UNREACHABLE_SECONDS, f"robots.txt answers {status}: not fetched")
        else:
            parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        parser.modified()  # the parser allows nothing until it was told the file was read
        return _Entry(parser, now + KEEP_SECONDS, None)
