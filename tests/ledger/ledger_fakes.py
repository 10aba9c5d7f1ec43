"""A fast, fully predictable stand-in for the extraction pipeline, and articles written for the
ledger's tests, so that these tests exercise storage and never extraction quality.

The fake reads only four sentence shapes:
    Name Surname said[ on|at|to Venue]: “quote”      -> direct
    “quote,” Name Surname said, “more quote”          -> direct, one quote in two segments
    “quote,” Name Surname said.                       -> direct
    Name Surname said that clause.                    -> indirect
A speaker named "Someone" is an unnamed speaker (name "unknown", type unknown).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.model import Article
from onrecord.model.statement import Cue, Mention, Quote, Speaker, Statement, Venue

_NAME = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*"
_VENUE = r"(?: (?:on|at|to) (?:the )?(?P<venue>[A-Z][\w]*(?: [A-Z][\w]*)*))?"
UNNAMED = "Someone"
_PATTERNS = [
    ("direct", re.compile(rf"(?P<speaker>{_NAME}) (?P<cue>said){_VENUE}[:,] [“\"](?P<quote>[^”\"]+)[”\"]")),
    ("direct", re.compile(
        rf"[“\"](?P<quote>[^”\"]+?),[”\"] (?P<speaker>{_NAME}) (?P<cue>said), [“\"](?P<quote2>[^”\"]+)[”\"]")),
    ("direct", re.compile(rf"[“\"](?P<quote>[^”\"]+?),[”\"] (?P<speaker>{_NAME}) (?P<cue>said)")),
    ("indirect", re.compile(rf"(?P<speaker>{_NAME}) (?P<cue>said) that (?P<quote>[^.]+)\.")),
]


def statements_of(text: str, offset: int = 0) -> list[Statement]:
    found: list[tuple[int, Statement]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            qs, qe = m.span("quote")
            ranges = [(qs + offset, qe + offset)]
            if "quote2" in m.groupdict():
                ranges.append((m.start("quote2") + offset, m.end("quote2") + offset))
            cs, ce = m.span("cue")
            ss, se = m.span("speaker")
            venue = None
            if "venue" in m.groupdict() and m.group("venue"):
                vs, ve = m.span("venue")
                venue = Venue(m.group("venue"), "media", m.group("venue"), vs + offset, ve + offset)
            found.append(
                (
                    qs,
                    Statement(
                        kind=kind,  # type: ignore[arg-type]
                        quote=Quote.of(" " * offset + text, ranges),
                        cue=Cue(m.group("cue"), cs + offset, ce + offset, "say", "neutral"),
                        speaker=Speaker("unknown", "unknown") if m.group("speaker") == UNNAMED else Speaker(
                            m.group("speaker"),
                            "person",
                            Mention(m.group("speaker"), ss + offset, se + offset),
                        ),
                        venue=venue,
                        negated=" not " in f" {m.group('quote')} ",
                    ),
                )
            )
    seen: set[int] = set()
    out = []
    for start, st in sorted(found, key=lambda x: x[0]):
        if start not in seen:  # one statement per quotation
            seen.add(start)
            out.append(st)
    return out


def fake_extract(articles: Iterable[Article], delay: float = 0.0) -> Iterator[dict[str, Any]]:
    """Same contract as ``onrecord.extraction.pipeline.extract_articles``: one result per article, in order."""
    for article in articles:
        if delay:
            time.sleep(delay)
        if article.errors:
            errors = list(article.errors)
        elif "EXTRACTION FAILS" in article.text:
            errors = ["the fake extractor was told to fail"]
        else:
            errors = []
        statements = [] if errors else statements_of(article.body, article.body_start)
        yield {
            "id": article.id,
            "article": article.meta(),
            "statements": [s.to_dict() for s in statements],
            "errors": errors,
        }


class CountingExtractor:
    """The fake, remembering which articles it was given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
        def tap() -> Iterator[Article]:
            for a in articles:
                self.seen.append(a.id)
                yield a

        return fake_extract(tap())


def article(
    key: str, text: str, outlet: str = "The Test Gazette", date: str = "2024-11-01", **kw: Any
) -> Article:
    return Article(id=key, text=text, outlet=outlet, date=date, source=f"{key}.json", **kw)


def corpus() -> list[Article]:
    """A small news week, written for these tests (fresh objects each time)."""
    return [
        article(
            "a1",
            "Anna Kovalenko said on Radio Lumen: “We will not trade the northern valleys for a quiet winter.”"
            " "
            "Marek Dvorak said that the talks in Vienna would resume after the holidays.",
            outlet="Lumen Daily",
            date="2024-11-02",
            published="2024-11-02T09:15",
        ),
        article(
            "a2",
            "“The grain corridor stays open for every ship that respects the rules of the sea,”"
            " Anna Kovalenko said. "
            "Ilse Brandt said: “Our umbrella of protection must cover the whole coast.”",
            outlet="Harbour Post",
            date="2024-11-05",
            published="2024-11-05T18:40",
        ),
        article(
            "a3",
            "Marek Dvorak said at the Vienna Forum: “Nobody in this room wants a frozen conflict.” "
            "Anna Kovalenko said that the harvest would be exported by sea.",
            outlet="Lumen Daily",
            date="2024-11-12",
        ),
        article(
            "a4",
            "Ilse Brandt said on Sky News: “A protection umbrella without ships is only a promise.”",
            outlet="Coastal Courier",
            date="2024-11-20",
            published="2024-11-20T07:00",
        ),
        article("a5", "This note quotes nobody at all.", outlet="Coastal Courier", date="2024-11-21"),
    ]


_SPEAKERS = ["Anna Kovalenko", "Marek Dvorak", "Ilse Brandt", "Tomas Lind"]
_OUTLETS = ["Lumen Daily", "Harbour Post", "Coastal Courier", "Wire Service"]
_WORDS = (
    "harbour corridor winter valley talks ships grain coast bridge border treaty partners rules sea "
    "convoy lighthouse pass river market signal council envoy harvest frontier"
).split()


def many_articles(n: int) -> list[Article]:
    """``n`` articles (deterministic) with 0 to 3 statements each; every fifth repeats an
    earlier remark, so clustering has work to do."""
    out = []
    for i in range(n):
        sentences = []
        for j in range(i % 4):
            speaker = _SPEAKERS[(i + j) % len(_SPEAKERS)]
            k = (i // 5) * 5 if i % 5 == 4 and j == 0 else i  # a repeat of article i//5*5's first remark
            words = " ".join(_WORDS[(k * 7 + j * 3 + w) % len(_WORDS)] for w in range(9))
            if k != i:
                speaker = _SPEAKERS[k % len(_SPEAKERS)]
            sentences.append(f"{speaker} said: “The {words} number {k}-{j} matters to us.”")
        out.append(
            article(
                f"bulk/{i:04d}",
                " ".join(sentences) or f"Article {i} quotes nobody.",
                outlet=_OUTLETS[i % len(_OUTLETS)],
                date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            )
        )
    return out


def fake_batch(articles: list[Article]) -> list[dict[str, Any]]:
    """The fake over one batch, for the worker pool (a module-level function, sent by name)."""
    return list(fake_extract(articles))
