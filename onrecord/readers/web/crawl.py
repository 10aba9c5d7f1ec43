"""From sources to Articles: fetch each source, find the article links of its feeds and
sitemaps, fetch the pages not seen yet, extract them.

What was seen is kept by a ``Memory`` (the ledger's, so that it survives restarts; none for a
plain read): for each address in key form, its validators (ETag, Last-Modified), the links a
feed or sitemap held, and whether it is due to be fetched again.  Pages are fetched in a pool of
``web_concurrency`` threads (``Fetcher`` keeps the per-host limits) and come out in order.

Nothing here raises for a bad URL: a failure is an Article carrying its reason (``Article.failed``,
keyed by the URL), so the ledger records it for the run and the batch goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from onrecord.errors import FetchError
from onrecord.model.article import Article
from onrecord.readers.web.http import Fetcher, Response
from onrecord.readers.web.links import feed_links, kind_of, sitemap_links, text_of
from onrecord.readers.web.pages import page_article
from onrecord.readers.web.sources import WebSource
from onrecord.readers.web.urls import normalise, same_site, wanted

MAX_SITEMAPS = 50  # sitemaps read per source and round (an index of indexes stops here)


class Memory(Protocol):
    """What was seen, by address in key form (``urls.normalise``)."""

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) to ask with, or (None, None) to ask for the whole document."""
        ...

    def links(self, url: str) -> tuple[list[str], list[str]] | None:
        """(page links, sitemap links) of a feed or sitemap when last read (used when it
        answers 304); None for a page."""
        ...

    def due(self, url: str) -> bool:
        """Whether a page link is to be fetched (never seen, or seen long enough ago)."""
        ...

    def remember(self, url: str, *, kind: str, status: str, reason: str | None = None,
                 response: Response | None = None, article: Article | None = None,
                 links: tuple[list[str], list[str]] | None = None) -> None:
        """Note what fetching ``url`` gave: status 'ok', 'unchanged', 'failed', 'robots' or 'skipped'."""
        ...


class NoMemory:
    """Remembers nothing: every link is fetched, in full."""

    def validators(self, url: str) -> tuple[str | None, str | None]:
        return None, None

    def links(self, url: str) -> tuple[list[str], list[str]] | None:
        return None

    def due(self, url: str) -> bool:
        return True

    def remember(self, url: str, **_: object) -> None:
        return None


@dataclass
class _Job:
    link: str  # as found
    key: str  # in key form
    source: WebSource


class Crawl:
    """One round over some sources.  ``stop`` is asked between documents: when it says so, the
    round ends after the pages in flight (what was fetched is still handed on)."""

    def __init__(self, fetcher: Fetcher, memory: Memory | None = None, *, force: bool = False,
                 stop: Callable[[], bool] = lambda: False) -> None:
        self.fetcher = fetcher
        self.memory = memory or NoMemory()
        self.force = force
        self.stop = stop

    def articles(self, sources: Iterable[WebSource]) -> Iterator[Article]:
        """The new and changed articles of ``sources``, and one failed Article per URL that failed."""
        jobs: list[_Job] = []
        queued: set[str] = set()
        for source in sources:
            if self.stop():
                return
            yield from self._source(source, jobs, queued)
        yield from self._pages(jobs)

    # --- feeds and sitemaps -------------------------------------------------------------------

    def _source(self, source: WebSource, jobs: list[_Job], queued: set[str]) -> Iterator[Article]:
        todo, read = [source.url], 0
        while todo and read < MAX_SITEMAPS and not self.stop():
            url = todo.pop(0)
            read += 1
            key = normalise(url)
            got = self._settle(url, key, self._download(url, *self._validators(key)))
            if isinstance(got, Article):
                yield got
                continue
            if got is None:
                continue
            response, text, kind = got
            if kind == "page":
                yield from self._page(response, text, key, source)
                continue
            if response.not_modified:
                links, nested = self.memory.links(key) or ([], [])
            elif kind == "feed":
                links, nested = feed_links(text, response.final_url), []
            else:
                links, nested = sitemap_links(text, response.final_url, source.language)
            self.memory.remember(key, kind=kind, status="unchanged" if response.not_modified else "ok",
                                 response=response, links=(links, nested))
            todo.extend(u for u in nested if source.external or same_site(u, source.url))
            for link in links:
                link_key = normalise(link)
                if link_key in queued or not wanted(link, list(source.include), list(source.exclude)):
                    continue
                if not source.external and not same_site(link, source.url):
                    continue
                queued.add(link_key)
                if self.force or self.memory.due(link_key):
                    jobs.append(_Job(link, link_key, source))

    def _validators(self, key: str) -> tuple[str | None, str | None]:
        return (None, None) if self.force else self.memory.validators(key)

    def _download(self, url: str, etag: str | None, modified: str | None) -> Response | FetchError:
        """The fetch alone (run in the pool's threads: no memory here)."""
        try:
            return self.fetcher.get(url, etag=etag, last_modified=modified)
        except FetchError as e:
            return e

    def _settle(self, url: str, key: str, got: Response | FetchError) -> Article | tuple[Response, str, str] | None:
        """(response, its text, its kind), a failed Article, or None (a page answered 304)."""
        if isinstance(got, FetchError):
            return self._failed(url, key, got.reason)
        if got.not_modified:
            if self.memory.links(key) is None:
                self.memory.remember(key, kind="page", status="unchanged", response=got)
                return None
            return got, "", "feed"
        try:
            text = text_of(got.body)
        except FetchError as e:
            return self._failed(url, key, e.reason)
        return got, text, kind_of(text, got.content_type)

    def _failed(self, url: str, key: str, reason: str) -> Article:
        status = "robots" if "robots.txt" in reason else "failed"
        self.memory.remember(key, kind="page", status=status, reason=reason)
        return Article.failed(key, reason, url)

    # --- pages --------------------------------------------------------------------------------

    def _page(self, response: Response, text: str, key: str, source: WebSource) -> Iterator[Article]:
        article, left_out = page_article(text, response.url, response.final_url, source.outlet, source.language)
        if article is None:
            self.memory.remember(key, kind="page", status="skipped", reason=left_out, response=response)
            return
        status = "failed" if article.errors else "ok"
        reason = "; ".join(article.errors) or None
        self.memory.remember(key, kind="page", status=status, reason=reason, response=response, article=article)
        if article.id != key:  # the canonical address is seen too, so a link to it is not fetched again
            self.memory.remember(article.id, kind="page", status=status, reason=reason, response=response,
                                 article=article)
        yield article

    def _pages(self, jobs: list[_Job]) -> Iterator[Article]:
        if not jobs:
            return
        width = self.fetcher.config.web_concurrency
        with ThreadPoolExecutor(max_workers=width, thread_name_prefix="onrecord-fetch") as pool:
            pending: deque[tuple[_Job, Future[Response | FetchError]]] = deque()
            todo = iter(jobs)
            try:
                while True:
                    while len(pending) < 2 * width and not self.stop() and (job := next(todo, None)):
                        validators = self._validators(job.key)
                        pending.append((job, pool.submit(self._download, job.link, *validators)))
                    if not pending:
                        return
                    job, future = pending.popleft()
                    got = self._settle(job.link, job.key, future.result())
                    if isinstance(got, Article):
                        yield got
                    elif got is not None:
                        response, text, _ = got  # a link is read as a page, whatever it holds
                        yield from self._page(response, text, job.key, job.source)
            finally:
                for _, future in pending:
                    future.cancel()
