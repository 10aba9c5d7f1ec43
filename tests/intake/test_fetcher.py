"""The polite client against the loopback site: robots.txt, Retry-After, size and redirect
limits, timeouts, retries, conditional requests, the agent, the per-host interval."""

from __future__ import annotations

import pytest
from intake_helpers import FAST, Waits
from loopsite import Route, Site

from onrecord.config import Config
from onrecord.errors import FetchError
from onrecord.readers.web import Fetcher

FIFTY_MB = 50 * 1024 * 1024


def fetcher(waits: Waits | None = None, **settings: object) -> Fetcher:
    config = Config(**{**FAST, **settings})
    if waits is None:
        return Fetcher(config)
    return Fetcher(config, sleep=waits.sleep, clock=waits.clock)


def test_the_agent_names_us_and_the_contact(site: Site) -> None:
    site.page("/a.html", 1)
    fetcher().get(site.url("/a.html"))
    agents = {h["User-Agent"] for _, h in site.hits}
    assert agents == {"OnRecord/0.1 (attributed statements from news; +https://github.com/onrecord/onrecord) "
                      "(contact: tests@example.org)"}
    assert site.asked("/robots.txt") == 1  # robots.txt first, once per site


def test_robots_txt_disallowing_a_path_refuses_its_urls(site: Site) -> None:
    site.robots("User-agent: *\nDisallow: /private/\n")
    site.page("/private/a.html", 1)
    site.page("/public/a.html", 2)
    f = fetcher()
    with pytest.raises(FetchError, match="disallowed by robots.txt for OnRecord"):
        f.get(site.url("/private/a.html"))
    assert f.get(site.url("/public/a.html")).status == 200
    assert site.asked("/private/a.html") == 0


def test_robots_txt_for_our_agent_only(site: Site) -> None:
    site.robots("User-agent: OnRecord\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    site.page("/a.html", 1)
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher().get(site.url("/a.html"))


def test_robots_txt_server_error_closes_the_site_for_now(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"down", 503)
    site.page("/a.html", 1)
    with pytest.raises(FetchError, match=r"robots.txt unreachable \(HTTP 503"):
        fetcher(web_retries=0).get(site.url("/a.html"))


def test_crawl_delay_spaces_requests(site: Site, waits: Waits) -> None:
    site.robots("User-agent: *\nCrawl-delay: 7\n")
    for i in range(3):
        site.page(f"/{i}.html", i)
    f = fetcher(waits)
    for i in range(3):
        f.get(site.url(f"/{i}.html"))
    assert waits.waits == [7.0, 7.0]  # the first request goes at once, the next ones 7 s apart


def test_host_interval_spaces_requests(site: Site, waits: Waits) -> None:
    for i in range(3):
        site.page(f"/{i}.html", i)
    f = fetcher(waits, web_host_interval=1.5)
    for i in range(3):
        f.get(site.url(f"/{i}.html"))
    # robots.txt, then 3 pages: each 1.5 s after the one before
    assert waits.waits == [1.5, 1.5, 1.5]


def test_429_with_retry_after_waits_and_retries(site: Site, waits: Waits) -> None:
    site.page("/a.html", 1)
    site.routes["/a.html"].before = [Route(b"slow down", 429, {"Retry-After": "3"})]
    response = fetcher(waits).get(site.url("/a.html"))
    assert response.status == 200 and b"round 1" in response.body
    assert waits.waits == [3.0]  # what the server asked, not the backoff
    assert site.asked("/a.html") == 2


def test_retry_after_longer_than_the_limit_fails_the_url(site: Site, waits: Waits) -> None:
    site.routes["/a.html"] = Route(b"later", 429, {"Retry-After": "3600"})
    with pytest.raises(FetchError, match="Retry-After 3600 s: longer than web_max_retry_after"):
        fetcher(waits).get(site.url("/a.html"))
    assert waits.waits == []


def test_5xx_is_retried_with_backoff_then_reported(site: Site, waits: Waits) -> None:
    site.routes["/a.html"] = Route(b"oops", 502)
    with pytest.raises(FetchError, match=r"HTTP 502 \(after 3 tries\)"):
        fetcher(waits, web_backoff=0.5).get(site.url("/a.html"))
    assert waits.waits == [0.5, 1.0]  # doubled each time
    assert site.asked("/a.html") == 3


def test_a_50_mb_page_is_an_error(site: Site) -> None:
    site.routes["/big.html"] = Route(b"", headers={"Content-Length": str(FIFTY_MB)})
    with pytest.raises(FetchError, match="page too large: 52,428,800 bytes"):
        fetcher().get(site.url("/big.html"))


def test_a_50_mb_page_without_a_length_is_cut_off(site: Site) -> None:
    def endless() -> object:
        for _ in range(FIFTY_MB // 65536):
            yield b"x" * 65536

    site.routes["/big.html"] = Route(endless)  # chunked: the size shows only while reading
    with pytest.raises(FetchError, match="page too large: over 2,000,000 bytes, not read further"):
        fetcher().get(site.url("/big.html"))


def test_a_redirect_loop_is_an_error(site: Site) -> None:
    site.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Route(status=301, headers={"Location": site.url("/a")})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher().get(site.url("/a"))


def test_redirects_are_followed_on_the_site_and_not_off_it(site: Site) -> None:
    site.page("/new.html", 1)
    site.routes["/old.html"] = Route(status=301, headers={"Location": "/new.html"})
    got = fetcher().get(site.url("/old.html"))
    assert got.final_url == site.url("/new.html") and got.status == 200
    site.routes["/away"] = Route(status=302, headers={"Location": "http://localhost:9/elsewhere"})
    with pytest.raises(FetchError, match="redirect to another site not followed"):
        fetcher().get(site.url("/away"))


def test_too_many_redirects(site: Site) -> None:
    for i in range(8):
        site.routes[f"/r{i}"] = Route(status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher().get(site.url("/r0"))


def test_a_redirect_into_a_disallowed_path_is_refused(site: Site) -> None:
    site.robots("User-agent: *\nDisallow: /private/\n")
    site.routes["/a"] = Route(status=302, headers={"Location": "/private/x.html"})
    with pytest.raises(FetchError, match="disallowed by robots.txt.*redirected to"):
        fetcher().get(site.url("/a"))


def test_a_slow_page_times_out_after_the_retries(site: Site) -> None:
    site.routes["/slow.html"] = Route(b"late", delay=0.5)
    with pytest.raises(FetchError, match=r"timed out \(after 2 tries\)"):
        fetcher(web_timeout=0.1, web_retries=1).get(site.url("/slow.html"))


def test_a_closed_port_is_an_error() -> None:
    with pytest.raises(FetchError, match="cannot connect|robots.txt unreachable"):
        fetcher(web_retries=0).get("http://127.0.0.1:9/a.html")


def test_conditional_requests_get_304(site: Site) -> None:
    site.page("/a.html", 1, headers={"ETag": '"v1"', "Content-Type": "text/html"})
    f = fetcher()
    first = f.get(site.url("/a.html"))
    assert first.etag == '"v1"'
    again = f.get(site.url("/a.html"), etag=first.etag)
    assert again.not_modified and again.body == b""
    assert site.hits[-1][1]["If-None-Match"] == '"v1"'
