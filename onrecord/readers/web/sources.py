"""What to follow: ``WebSource`` (one feed, sitemap or page, with its outlet and filters) and
the sources file of ``onrecord watch`` (YAML)::

    interval: 15m                 # how often each source is polled (default: web_interval)
    sources:
      - outlet: Example News      # stored as the articles' outlet (default: the page's site name)
        feed: https://example.com/rss.xml
        include: ["/world/", "ukraine"]   # regular expressions on the link (any must match)
        exclude: ["/live/"]               # none may match
        language: en              # pages in another language are left out
        interval: 10m             # this source's own interval
      - outlet: Example News
        sitemap: https://example.com/news-sitemap.xml
      - outlet: Another Paper
        urls: [https://another.example/2024/11/29/talks.html]

``feed``, ``sitemap``, ``url`` and ``urls`` all take addresses; what each document is, is read
from its content, so the key is for the reader of the file.  A source with ``external: true``
also takes links to other sites from its feed or sitemap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from onrecord.errors import SourcesError
from onrecord.readers.web.urls import is_url

_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class WebSource:
    """One address to read: a feed, a sitemap (or index) or an article page."""

    url: str
    outlet: str | None = None
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    language: str | None = None
    external: bool = False
    interval: float | None = None  # seconds between polls; None: the configured default
    name: str = field(default="", compare=False)  # how reports name it

    @property
    def label(self) -> str:
        return self.name or self.outlet or self.url


def seconds(value: Any) -> float:
    """A duration: seconds as a number, or '90s', '15m', '2h', '1d'."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and (m := _DURATION.fullmatch(value)):
        number = float(m[1]) * _UNITS[(m[2] or "s").lower()]
    else:
        raise ValueError(f"not a duration: {value!r} (e.g. 90, '90s', '15m', '2h')")
    if number <= 0:
        raise ValueError(f"a duration must be positive, not {value!r}")
    return number


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    outlet: str | None = Field(None, alias="name")
    feed: str | None = None
    sitemap: str | None = None
    url: str | None = None
    urls: list[str] = []
    include: list[str] = []
    exclude: list[str] = []
    language: str | None = None
    external: bool = False
    interval: float | None = None

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> float | None:
        return None if value is None else seconds(value)

    @field_validator("include", "exclude")
    @classmethod
    def _patterns(cls, values: list[str]) -> list[str]:
        for v in values:
            try:
                re.compile(v)
            except re.error as e:
                raise ValueError(f"not a regular expression: {v!r} ({e})") from None
        return values

    @model_validator(mode="after")
    def _addresses(self) -> _Entry:
        given = [u for u in (self.feed, self.sitemap, self.url, *self.urls) if u]
        if not given:
            raise ValueError("a source needs an address: feed, sitemap, url or urls")
        for u in given:
            if not is_url(u):
                raise ValueError(f"not an http(s) address: {u!r}")
        return self

    def sources(self, default_interval: float | None) -> list[WebSource]:
        include = tuple(re.compile(p) for p in self.include)
        exclude = tuple(re.compile(p) for p in self.exclude)
        return [
            WebSource(url=u, outlet=self.outlet, include=include, exclude=exclude, language=self.language,
                      external=self.external, interval=self.interval or default_interval, name=self.outlet or u)
            for u in (self.feed, self.sitemap, self.url, *self.urls) if u
        ]  # fmt: skip


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interval: float | None = None
    sources: list[_Entry]

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> float | None:
        return None if value is None else seconds(value)


def read_sources(path: str | Path) -> list[WebSource]:
    """The sources of a sources file; a SourcesError names the file and the source at fault."""
    p = Path(path).expanduser()
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise SourcesError(f"cannot read the sources file {p}: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        raise SourcesError(f"{p}: not valid YAML: {e}") from None
    if isinstance(data, list):  # a bare list of sources
        data = {"sources": data}
    try:
        parsed = _File.model_validate(data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = ".".join(str(x) for x in err.get("loc", ()))
            problems.append(f"{loc}: {str(err.get('msg', 'invalid')).removeprefix('Value error, ')}")
        raise SourcesError(f"{p}: " + "; ".join(problems)) from None
    found = [s for entry in parsed.sources for s in entry.sources(parsed.interval)]
    if not found:
        raise SourcesError(f"{p}: no sources")
    return found
