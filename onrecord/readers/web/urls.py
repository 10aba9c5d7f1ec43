"""URLs as keys: one form for the many ways a link to the same article is written.

Tracking parameters (utm_*, fbclid, gclid, …) and default ports go by courlan's
``normalize_url`` (the URL cleaner trafilatura uses); the fragment goes too (it never names
another document), and so do the marks of an AMP or mobile copy of a page: an ``amp``
parameter or path segment, and an ``m.``/``amp.``/``mobile.`` host prefix.  Two URLs of one
article that this cannot see as one still meet at the page's canonical link, and then at the
content hash (``crawl``).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

_AMP_PARAMS = {"amp", "outputtype", "usqp", "amp_js_v", "_gsa"}
_AMP_PATH = re.compile(r"(?:/amp|\.amp)(?=/?$|\.html?$)")
_COPY_HOST = re.compile(r"^(?:m|amp|mobile)\.(?=[^.]+\.[^.]+)")


def is_url(text: str) -> bool:
    """An http(s) address (what ``ingest`` fetches instead of reading a file)."""
    return bool(re.match(r"https?://[^/\s]+", text, re.IGNORECASE))


def normalise(url: str) -> str:
    """The key form of a URL: lower-case scheme and host, no default port, no fragment, no
    tracking or AMP parameters (the rest sorted), no AMP path mark, no mobile host prefix."""
    try:
        url = normalize_url(url.strip(), strict=False)
    except ValueError:  # courlan refuses some malformed URLs: keep what we can
        url = url.strip()
    parts = urlsplit(url)
    host = _COPY_HOST.sub("", parts.netloc)
    path = _AMP_PATH.sub("", parts.path) or "/"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if k.lower() not in _AMP_PARAMS))
    return urlunsplit((parts.scheme, host, path, query, ""))


def host_of(url: str) -> str:
    """``host[:port]``, lower case: what the per-host limits count by."""
    return urlsplit(url).netloc.lower()


def site_of(url: str) -> str:
    """The site a URL belongs to, for 'same site' checks: the host without ``www.`` and the
    mobile/AMP prefixes (a redirect from example.com to www.example.com stays on the site)."""
    host = urlsplit(url).hostname or ""
    return _COPY_HOST.sub("", host.removeprefix("www."))


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on one site (one is the other or a subdomain of it)."""
    x, y = site_of(a), site_of(b)
    return bool(x) and (x == y or x.endswith("." + y) or y.endswith("." + x))


def wanted(url: str, include: list[re.Pattern[str]], exclude: list[re.Pattern[str]]) -> bool:
    """Whether a link passes a source's patterns: any include matches (or there is none) and
    no exclude does (``re.search`` on the whole URL)."""
    if include and not any(p.search(url) for p in include):
        return False
    return not any(p.search(url) for p in exclude)
