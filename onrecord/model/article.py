"""Article: the text of one news report and what is known about it.

``text`` is the text exactly as given (for HTML: the text trafilatura extracted); every offset
the extractor reports indexes it.  ``body_start``/``body_end`` mark the part that is body text:
a photo caption, byline or time line before it is metadata, never a statement.  An article that
could not be read carries its problem in ``errors`` (``Article.failed``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    id: str
    text: str
    date: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DDTHH:MM
    title: str | None = None
    url: str | None = None
    caption: str | None = None
    body_start: int = 0
    body_end: int | None = None
    source: str | None = None  # the file (and line) it was read from
    errors: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]

    def meta(self) -> dict[str, str | None]:
        return {
            k: getattr(self, k) for k in ("date", "outlet", "author", "published", "title", "url", "caption")
        }

    @classmethod
    def failed(cls, id: str, error: str, source: str | None = None) -> Article:
        """A document that could not be read: no text, and one message saying why."""
        return cls(id=id, text="", source=source, errors=[error])

