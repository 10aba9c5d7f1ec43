"""A polite HTTP client: every request OnRecord makes to a web site goes through ``Fetcher``.

Polite: robots.txt is obeyed (``robots``); one host gets at most ``web_host_concurrency``
requests at a time, ``web_host_interval`` seconds apart (longer when its robots.txt asks with
Crawl-delay, or a 429/503 with Retry-After); the User-Agent says who we are and how to reach us;
a page we hold is asked for again with If-None-Match / If-Modified-Since (RFC 9110, 13.1), so an
unchanged page costs the site a 304 and no body.

Robust: timeouts on connecting and on every read; a timeout, a dropped connection, 429 or 5xx
is tried again after a backoff (``web_backoff``, doubled each time, or the server's
Retry-After); a body larger than ``web_max_bytes`` is cut off and reported; redirects are
followed by hand, so that each hop is checked against robots.txt, loops are caught, and a hop
to another site is refused unless ``web_offsite_redirects``.  Every failure is a ``FetchError``
naming the reason, for the one URL.

urllib3 (which trafilatura itself uses) does the HTTP; its own retries and redirects are off.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3

from onrecord.config import Config
from onrecord.errors import FetchError
from onrecord.readers.web.robots import Robots
from onrecord.readers.web.urls import host_of, same_site

REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
CHUNK = 64 * 1024


@dataclass
class Response:
    """A page as fetched: ``status`` 200 (with ``body``) or 304 (unchanged since the validators)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    location: str | None = None  # where a redirect points

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Host:
    """A host's share of the limits: a cap on requests in flight and the earliest next start."""

    def __init__(self, concurrency: int) -> None:
        self.slots = threading.Semaphore(concurrency)
        self.lock = threading.Lock()
        self.next_at = 0.0


class Fetcher:
    """GET with the politeness and robustness settings of ``config`` (the ``web_*`` fields).

    ``sleep`` and ``clock`` are the waiting and the time it uses (tests pass ones that record
    waits instead of waiting).  Safe to use from several threads."""

    def __init__(self, config: Config, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.agent = config.user_agent
        self.sleep = sleep
        self.clock = clock
        timeout = urllib3.Timeout(connect=config.web_timeout, read=config.web_timeout)
        self._http = urllib3.PoolManager(num_pools=32, maxsize=config.web_host_concurrency, block=False,
                                         retries=False, timeout=timeout)
        # sent with every request (a request's own headers replace the pool's, so they are merged here)
        self._headers = {"User-Agent": self.agent, "Accept-Encoding": "gzip, deflate"}
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.robots = Robots(self._robots_get, self.agent, clock)

    def close(self) -> None:
        self._http.clear()

    # --- the one public call ------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at ``url``, following redirects; 304 when the validators still hold.
        Raises FetchError (with the reason) for anything else."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, robots=True)

    # --- redirects ------------------------------------------------------------------------------

    def _follow(self, url: str, headers: dict[str, str], *, robots: bool, accept_errors: bool = False) -> Response:
        current, visited = url, {url}
        for _ in range(self.config.web_max_redirects + 1):
            if robots and (refused := self.robots.check(current)):
                raise FetchError(url, refused if current == url else f"{refused} (redirected to {current})")
            response = self._request(url, current, headers, accept_errors)
            if response.status not in REDIRECTS:
                return response
            target = urljoin(current, response.location or "")
            if not target.lower().startswith(("http://", "https://")):
                raise FetchError(url, f"redirect to a non-web address: {target}")
            if target in visited:
                raise FetchError(url, f"redirect loop: {current} -> {target}")
            if not self.config.web_offsite_redirects and not same_site(url, target):
                raise FetchError(url, f"redirect to another site not followed: {target} (web_offsite_redirects)")
            visited.add(target)
            current = target
        raise FetchError(url, f"more than {self.config.web_max_redirects} redirects (web_max_redirects)")

    # --- one request, with its retries ----------------------------------------------------------

    def _request(self, url: str, current: str, headers: dict[str, str], accept_errors: bool) -> Response:
        host = self._host(current)
        problem = ""
        for attempt in range(self.config.web_retries + 1):
            wait = self.config.web_backoff * 2**attempt
            with self._slot(current, host):
                try:
                    raw = self._http.request("GET", current, headers={**self._headers, **headers}, redirect=False,
                                             preload_content=False, decode_content=True)
                except (urllib3.exceptions.HTTPError, OSError) as e:
                    problem = _describe(e)
                    raw = None
                if raw is not None:
                    status = raw.status
                    if status in RETRY_STATUSES:
                        problem = f"HTTP {status}"
                        wait = _retry_after(raw.headers.get("Retry-After")) or wait
                        _discard(raw)
                        if wait > self.config.web_max_retry_after:
                            raise FetchError(url, f"HTTP {status}, Retry-After {wait:.0f} s: longer than "
                                                  f"web_max_retry_after ({self.config.web_max_retry_after:.0f} s)")
                    else:
                        try:
                            return self._response(url, current, raw, accept_errors)
                        except FetchError:
                            raise
                        except (urllib3.exceptions.HTTPError, OSError) as e:  # the connection failed mid-body
                            problem = _describe(e)
            if attempt < self.config.web_retries:
                # the host waits too, not only this URL: a 429 speaks for the whole site
                with host.lock:
                    host.next_at = max(host.next_at, self.clock() + wait)
        raise FetchError(url, f"{problem} (after {self.config.web_retries + 1} tries)")

    def _response(self, url: str, current: str, raw: urllib3.BaseHTTPResponse, accept_errors: bool) -> Response:
        status = raw.status
        etag, modified = raw.headers.get("ETag"), raw.headers.get("Last-Modified")
        if status in REDIRECTS:
            location = raw.headers.get("Location")
            _discard(raw)
            if not location:
                raise FetchError(url, f"HTTP {status} without a Location")
            return Response(url, current, status, b"", "", etag, modified, location)
        if status == 304:
            _discard(raw)
            return Response(url, current, 304, b"", "", etag, modified)
        if not 200 <= status < 300 and not accept_errors:
            _discard(raw)
            raise FetchError(url, f"HTTP {status} {raw.reason or ''}".strip())
        body = self._read(url, raw)
        return Response(url, current, status, body, raw.headers.get("Content-Type", ""), etag, modified)

    def _read(self, url: str, raw: urllib3.BaseHTTPResponse) -> bytes:
        """The body, at most ``web_max_bytes`` (after decompression: a small gzip can be huge)."""
        limit = self.config.web_max_bytes
        declared = raw.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            _discard(raw, drain=False)
            raise FetchError(url, f"page too large: {int(declared):,} bytes (web_max_bytes is {limit:,})")
        chunks, size = [], 0
        for chunk in raw.stream(CHUNK):
            size += len(chunk)
            if size > limit:
                _discard(raw, drain=False)
                raise FetchError(url, f"page too large: over {limit:,} bytes, not read further (web_max_bytes)")
            chunks.append(chunk)
        raw.release_conn()
        return b"".join(chunks)

    # --- the per-host limits --------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = host_of(url)
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.config.web_host_concurrency)
            return self._hosts[key]

    def _slot(self, url: str, host: _Host) -> _Slot:
        return _Slot(self, url, host)

    def _robots_get(self, url: str) -> tuple[int, bytes]:
        response = self._follow(url, {}, robots=False, accept_errors=True)
        return response.status, response.body


class _Slot:
    """Holding one of a host's request slots, started no sooner than the host's interval allows:
    each request reserves its start time under the host's lock, so waits never overlap."""

    def __init__(self, fetcher: Fetcher, url: str, host: _Host) -> None:
        self.fetcher, self.url, self.host = fetcher, url, host

    def __enter__(self) -> None:
        f = self.fetcher
        gap = f.config.web_host_interval
        if not self.url.endswith("/robots.txt"):  # robots.txt itself is read before its delay is known
            gap = max(gap, f.robots.delay(self.url))
        self.host.slots.acquire()
        with self.host.lock:
            now = f.clock()
            start = max(now, self.host.next_at)
            self.host.next_at = start + gap
        if start > now:
            f.sleep(start - now)

    def __exit__(self, *exc: object) -> None:
        self.host.slots.release()


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date (RFC 9110, 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _discard(raw: urllib3.BaseHTTPResponse, drain: bool = True) -> None:
    """Done with a response: a short body is read so the connection is reused; a long one (or
    one we refuse) closes it."""
    try:
        if drain and (raw.headers.get("Content-Length", "") or "0").isdigit() \
                and int(raw.headers.get("Content-Length") or 0) <= CHUNK:
            raw.drain_conn()
            raw.release_conn()
        else:
            raw.close()
    except (urllib3.exceptions.HTTPError, OSError):
        raw.close()


def _describe(error: BaseException) -> str:
    """A network failure in a few words (urllib3's messages carry object reprs)."""
    name = type(error).__name__
    if isinstance(error, urllib3.exceptions.TimeoutError | TimeoutError):
        return "timed out"
    if isinstance(error, urllib3.exceptions.NewConnectionError | ConnectionRefusedError):
        return "cannot connect"
    reason = getattr(error, "reason", None) or error
    return f"{name}: {reason}"[:300]
