"""A news site for the intake tests: an HTTP server on 127.0.0.1 (a thread of http.server),
serving what each test puts in ``Site.routes``, and counting what it was asked.

Pages, feeds and sitemaps are written here; a route may also be slow, fail, redirect, or send
an endless body.  Nothing leaves the machine: every address the tests use is this server's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Body = bytes | Callable[[], Iterator[bytes]]


@dataclass
class Route:
    body: Body = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    # answers given before this one, in turn, then this one for good (e.g. a 429 first)
    before: list[Route] = field(default_factory=list)
    length: bool = True  # send Content-Length (else the body is chunked)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                with site.lock:
                    site.hits.append((self.path, dict(self.headers)))
                    route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                    if route is not None and route.before:
                        route = route.before.pop(0)
                if route is None:
                    self._send(Route(b"not found", 404))
                    return
                if route.delay:
                    time.sleep(route.delay)
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self._send(Route(b"", 304, {"ETag": etag}))
                    return
                self._send(route)

            def _send(self, route: Route) -> None:
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if callable(route.body):
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for chunk in route.body():
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        if route.length and "Content-Length" not in route.headers:
                            self.send_header("Content-Length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: fine
                    self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> int:
        """How many requests were made for ``path`` (query included when given)."""
        with self.lock:
            return sum(1 for p, _ in self.hits if p == path or ("?" not in path and p.split("?")[0] == path))

    # --- content ---------------------------------------------------------------------------

    def page(self, path: str, n: int, *, title: str | None = None, quote: str | None = None,
             canonical: str | None = None, lang: str = "en", **route: Any) -> str:
        """An article page at ``path``; returns its address."""
        title = title or f"Story number {n} from the talks"
        quote = quote or f"We will keep talking about point {n} until it is settled"
        link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        html = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{link}
<meta property="og:site_name" content="Loopback News"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-11-{n % 28 + 1:02d}T10:00:00Z"></head>
<body><article><h1>{title}</h1>
<p>Negotiators met again on Tuesday in Geneva for round {n} of the talks, after a pause of several weeks.</p>
<p>Olena Petrenko said: “{quote}.”</p>
<p>Officials from both delegations said that the schedule for the coming weeks was agreed, and that
the next meeting would take place before the end of the month in the same building.</p>
</article></body></html>"""
        return self._put(path, html.encode(), "text/html; charset=utf-8", route)

    def atom(self, path: str, links: list[str], **route: Any) -> str:
        entries = "".join(
            f"<entry><title>Entry {i}</title><id>{link}</id><link rel=\"alternate\" href=\"{link}\"/>"
            f"<updated>2024-11-{i % 28 + 1:02d}T10:00:00Z</updated></entry>"
            for i, link in enumerate(links)
        )
        xml = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback News</title>
<link rel="self" href="{self.url(path)}"/><link rel="alternate" href="{self.url('/')}"/>
<id>{self.url(path)}</id><updated>2024-11-30T10:00:00Z</updated>{entries}</feed>"""
        return self._put(path, xml.encode(), "application/atom+xml", route)

    def rss(self, path: str, links: list[str], **route: Any) -> str:
        items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
        xml = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback</title>
<link>{self.url('/')}</link><description>x</description>{items}</channel></rss>"""
        return self._put(path, xml.encode(), "application/rss+xml", route)

    def sitemap(self, path: str, links: list[str], index: bool = False, **route: Any) -> str:
        tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
        locs = "".join(f"<{item}><loc>{link}</loc></{item}>" for link in links)
        xml = (f'<?xml version="1.0" encoding="UTF-8"?>'
               f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</{tag}>')
        return self._put(path, xml.encode(), "application/xml", route)

    def _put(self, path: str, body: bytes, content_type: str, route: dict[str, Any]) -> str:
        headers = {"Content-Type": content_type, **route.pop("headers", {})}
        self.routes[path] = Route(body, headers=headers, **route)
        return self.url(path)

    def robots(self, text: str) -> None:
        self.routes["/robots.txt"] = Route(text.encode(), headers={"Content-Type": "text/plain"})
