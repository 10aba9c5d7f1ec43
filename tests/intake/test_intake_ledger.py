"""Intake into the ledger, with the fake extractor: what is stored, once, across rounds and
restarts; the same article by two URLs; an updated article; failures recorded per URL."""

from __future__ import annotations

from pathlib import Path

from intake_helpers import Waits
from ledger_fakes import CountingExtractor, fake_extract
from loopsite import Route, Site

from onrecord.config import Config
from onrecord.intake import Watch
from onrecord.ledger import Ledger
from onrecord.ledger.pages import seen
from onrecord.readers.web import Fetcher, WebSource, normalise


def outlet(site: Site, feed_articles: int = 5, sitemap_articles: int = 3) -> tuple[str, str]:
    """The loopback outlet: an Atom feed of ``feed_articles`` and a sitemap of ``sitemap_articles`` more."""
    feed = site.atom("/feed.xml", [site.page(f"/news/{i}.html", i) for i in range(feed_articles)])
    sitemap = site.sitemap("/sitemap.xml", [site.page(f"/more/{i}.html", 100 + i) for i in range(sitemap_articles)])
    return feed, sitemap


def articles(ledger: Ledger) -> int:
    return ledger.stats()["articles"]


def test_feed_then_watch_then_one_more_then_restart(site: Site, ledger: Ledger, config: Config) -> None:
    feed, sitemap = outlet(site)
    assert ledger.ingest([feed], extractor=fake_extract).stored == 5
    assert articles(ledger) == 5
    both = [WebSource(feed, outlet="Loopback"), WebSource(sitemap, outlet="Loopback")]
    first = Watch(ledger, both, extractor=fake_extract)
    assert first.run(once=True) == 1
    assert articles(ledger) == 8
    # the feed gains one article: exactly one more is stored, and only it is fetched
    site.atom("/feed.xml", [site.page(f"/news/{i}.html", i) for i in range(6)])
    counting = CountingExtractor()
    Watch(ledger, both, extractor=counting).run(once=True)
    assert articles(ledger) == 9
    assert counting.seen == [normalise(site.url("/news/5.html"))]
    assert site.asked("/news/0.html") == 1
    # a restart (a new Watch, a new process's memory: only the ledger) stores nothing new
    with Ledger(config=config) as again:
        counting = CountingExtractor()
        Watch(again, both, extractor=counting).run(once=True)
        assert counting.seen == [] and articles(again) == 9


def test_watch_on_a_fresh_ledger_stores_8(site: Site, ledger: Ledger) -> None:
    feed, sitemap = outlet(site)
    Watch(ledger, [WebSource(feed), WebSource(sitemap)], extractor=fake_extract).run(once=True)
    assert articles(ledger) == 8
    kinds = {r["url"]: r["kind"] for r in seen(ledger.engine)}
    assert kinds[normalise(feed)] == "feed" and kinds[normalise(sitemap)] == "sitemap"


def test_feed_and_sitemap_are_asked_conditionally(site: Site, ledger: Ledger) -> None:
    feed = site.atom("/feed.xml", [site.page("/news/0.html", 0)], headers={"ETag": '"f1"'})
    Watch(ledger, [WebSource(feed)], extractor=fake_extract).run(once=True)
    Watch(ledger, [WebSource(feed)], extractor=fake_extract).run(once=True)
    feed_hits = [h for p, h in site.hits if p == "/feed.xml"]
    assert [h.get("If-None-Match") for h in feed_hits] == [None, '"f1"']
    assert articles(ledger) == 1


def test_sitemap_index_and_rss(site: Site, ledger: Ledger) -> None:
    site.sitemap("/s1.xml", [site.page("/a/1.html", 1)])
    site.sitemap("/s2.xml", [site.page("/a/2.html", 2)])
    index = site.sitemap("/index.xml", [site.url("/s1.xml"), site.url("/s2.xml")], index=True)
    rss = site.rss("/rss", [site.page("/b/1.html", 3)])
    report = ledger.ingest([index, rss], extractor=fake_extract)
    assert report.stored == 3 and report.failed == 0


def test_include_exclude_and_language(site: Site, ledger: Ledger) -> None:
    import re

    links = [site.page("/world/1.html", 1), site.page("/world/live/2.html", 2), site.page("/sport/3.html", 3),
             site.page("/world/4.html", 4, lang="de")]
    feed = site.atom("/feed.xml", links)
    source = WebSource(feed, include=(re.compile("/world/"),), exclude=(re.compile("/live/"),), language="en")
    report = ledger.ingest_web([source], extractor=fake_extract)
    assert report.stored == 1
    assert site.asked("/sport/3.html") == 0 and site.asked("/world/live/2.html") == 0
    skipped = {r["url"]: r["reason"] for r in seen(ledger.engine) if r["status"] == "skipped"}
    assert skipped == {normalise(site.url("/world/4.html")): "in de, not en"}


def test_one_article_by_two_urls_is_stored_once(site: Site, ledger: Ledger) -> None:
    canonical = site.url("/news/story.html")
    site.page("/news/story.html", 1, canonical=canonical)
    site.page("/news/story.html/amp", 1, canonical=canonical)  # the AMP copy names the original
    site.page("/m/story.html", 1, canonical=canonical)  # a mobile copy
    tracked = canonical + "?utm_source=twitter&fbclid=abc"
    feed = site.atom("/feed.xml", [site.url("/m/story.html"), tracked, site.url("/news/story.html/amp")])
    report = ledger.ingest([feed], extractor=fake_extract)
    assert articles(ledger) == 1
    # the tracked and the AMP address are one in key form (fetched once); the mobile copy meets
    # them at its canonical link and its content: read twice, stored once
    assert (report.read, report.stored, report.skipped) == (2, 1, 1)
    assert site.asked("/news/story.html/amp") == 0
    with ledger.engine.connect() as conn:
        import sqlalchemy as sa

        keys = conn.execute(sa.text("SELECT key, url FROM articles")).all()
    assert keys == [(canonical, canonical)]
    # all three addresses are seen: the next round fetches none of them
    asked = len(site.hits)
    ledger.ingest_web([feed], extractor=fake_extract)
    assert [p for p, _ in site.hits[asked:] if p != "/robots.txt"] == ["/feed.xml"]


def test_an_updated_article_is_extracted_again_and_keeps_its_labels(site: Site, tmp_path: Path) -> None:
    config = Config(db=f"sqlite:///{tmp_path / 'l.db'}", web_host_interval=0, web_recheck_after=0)
    page = site.page("/news/1.html", 1, quote="We will not give up the east")
    feed = site.atom("/feed.xml", [page])
    with Ledger(config=config) as ledger:
        ledger.ingest([feed], extractor=fake_extract)
        (statement,) = ledger.statements()
        ledger.label_stance(statement.id, "territory", "oppose", note="checked by hand")
        site.page("/news/1.html", 1, quote="We will not give up the east",
                  title="Story number 1 from the talks (updated)")
        report = ledger.ingest_web([feed], extractor=fake_extract)
        assert (report.replaced, report.stored) == (1, 0)
        (again,) = ledger.statements()
        assert again.title == "Story number 1 from the talks (updated)"
        with ledger.engine.connect() as conn:
            import sqlalchemy as sa

            labels = conn.execute(sa.text("SELECT statement_id, label, note FROM stance_labels")).all()
        assert labels == [(again.id, "oppose", "checked by hand")]


def test_failures_are_recorded_per_url_and_the_round_goes_on(site: Site, ledger: Ledger) -> None:
    site.robots("User-agent: *\nDisallow: /private/\n")
    good = site.page("/news/ok.html", 1)
    site.routes["/news/big.html"] = Route(b"", headers={"Content-Length": str(50 * 1024 * 1024)})
    site.routes["/news/loop.html"] = Route(status=302, headers={"Location": "/news/loop.html"})
    site.routes["/news/gone.html"] = Route(b"gone", 404)
    site.routes["/news/empty.html"] = Route(b"<html><body></body></html>", headers={"Content-Type": "text/html"})
    private = site.page("/private/secret.html", 2)
    links = [good, private] + [site.url(f"/news/{n}.html") for n in ("big", "loop", "gone", "empty")]
    feed = site.atom("/feed.xml", links)
    report = ledger.ingest([feed], extractor=fake_extract)
    assert report.stored == 1 and report.failed == 5
    (run,) = ledger.runs(limit=1)
    reasons = {e["article_key"].rsplit("/", 1)[-1]: e["message"] for e in run["errors"]}
    assert reasons["secret.html"] == "disallowed by robots.txt for OnRecord"
    assert reasons["big.html"] == "page too large: 52,428,800 bytes (web_max_bytes is 2,000,000)"
    assert reasons["loop.html"].startswith("redirect loop: ")
    assert reasons["gone.html"] == "HTTP 404 Not Found"
    assert reasons["empty.html"] == "no article text found on the page"
    assert all(e["source"].startswith(site.base) for e in run["errors"])  # the URL as linked
    assert site.asked("/private/secret.html") == 0
    # the next round does not ask for them again before web_recheck_after
    again = ledger.ingest_web([feed], extractor=fake_extract)
    assert again.failed == 0 and site.asked("/news/big.html") == 1


def test_a_fetched_page_whose_article_was_not_stored_is_fetched_again(site: Site, ledger: Ledger) -> None:
    feed = site.atom("/feed.xml", [site.page("/news/1.html", 1)])

    def dies(items: object) -> object:  # the process stops between the fetch and the write
        for _ in items:  # type: ignore[attr-defined]
            raise KeyboardInterrupt

    try:
        ledger.ingest([feed], extractor=dies)
    except KeyboardInterrupt:
        pass
    assert articles(ledger) == 0
    assert ledger.ingest_web([feed], extractor=fake_extract).stored == 1


def test_stop_ends_a_round_between_pages(site: Site, ledger: Ledger) -> None:
    feed = site.atom("/feed.xml", [site.page(f"/news/{i}.html", i) for i in range(20)])
    watch = Watch(ledger, [WebSource(feed)], fetcher=Fetcher(ledger.config), extractor=fake_extract)
    stored: list[int] = []

    def extractor(items: object) -> object:
        for result in fake_extract(items):  # type: ignore[arg-type]
            stored.append(1)
            if len(stored) == 3:
                watch.stop()
            yield result

    watch.extractor = extractor
    watch.run()
    (run,) = ledger.runs(limit=1)
    assert run["status"] == "finished"
    assert 3 <= articles(ledger) < 20  # what was fetched before the stop is stored; the rest waits


def test_a_round_that_fails_does_not_end_the_watch(site: Site, ledger: Ledger, waits: Waits) -> None:
    feed = site.atom("/feed.xml", [site.page("/news/1.html", 1)])
    rounds = []
    calls = {"n": 0}

    def flaky(items: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the database went away")
        return fake_extract(items)  # type: ignore[arg-type]

    def on_round(done: object) -> None:
        rounds.append(done)
        if len(rounds) == 2:
            watch.stop()

    watch = Watch(ledger, [WebSource(feed, interval=0.01)], extractor=flaky, on_round=on_round)
    watch.run()
    assert rounds[0].error == "RuntimeError: the database went away" and rounds[1].report is not None
    assert articles(ledger) == 1
