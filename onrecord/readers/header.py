"""The header of a plain-text article: date line, byline and time line before the body.

The seed layout:   " date 2024-11-29 <photo caption>"
                   "OAN Staff James Meyers"          (or "By Jane Doe")
                   "3:49 PM – Friday, November 29, 2024"
then the body.  Each line after the first is optional, and a title line may stand where the
date line would, when a byline or time line follows it.

Headlines and datelines are never statements, so the body starts after them: ``furniture_end``
skips a record's own title repeated as its first lines (``title_lines_end``) and a dateline
opening the first paragraph (``dateline_end``: "PARIS (AP) — ", "WATERBURY, Conn. — ",
"GENEVA: ").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass


@dataclass
class Header:
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    title: str | None = None
    caption: str | None = None
    body_start: int = 0


_DATE_LINE = re.compile(r"\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<caption>.*?))?\s*")
_STAFF_BYLINE = re.compile(r"(?P<outlet>.+?)\s+Staff(?:\s+(?:Writer|Reporter))?(?:\s+(?P<author>.+?))?\s*")
_BY_BYLINE = re.compile(r"By:?\s+(?P<author>[^,|]+?)\s*(?:[,|]\s*(?P<rest>.*))?", re.IGNORECASE)
_NAME_WORD = re.compile(r"[\w.'’-]+")
_NAME_PARTICLES = {"de", "da", "del", "der", "van", "von", "bin", "al", "la", "le"}

_CLOCK = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?"
_MONTH = r"[A-Z][a-z]{2,8}\.?"
# "Friday, November 29, 2024" or "Friday 29 November 2024"
_DAY = (
    rf"(?:[A-Z][a-z]+,?\s+)?(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}))"
    r",?\s+(?P<year>\d{4})"
)
_SEP = r"\s*(?:[–—|,-]|at)?\s*"
# "3:49 PM – Friday, November 29, 2024" and "Friday, November 29, 2024, 3:49 PM" (time optional)
_TIME_LINES = (
    re.compile(rf"(?:Published:?\s+)?{_CLOCK}{_SEP}{_DAY}\s*"),
    re.compile(rf"(?:Published:?\s+)?{_DAY}(?:{_SEP}{_CLOCK})?\s*"),
)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_SPACE = re.compile(r"\s*")
_LINE = re.compile(r"^.*$", re.MULTILINE)
HEADER_LINES = 8  # non-blank lines looked at; a header is never longer


def _looks_like_name(s: str | None) -> bool:
    """'James Meyers', 'Jane Doe and Ali Ben Said': two to five capitalised words per person.
    Strict on purpose, so that a body sentence ('By Tuesday, the talks ...') is never a byline."""
    if not s:
        return False
    for person in s.split(" and "):
        words = person.split()
        if not 2 <= len(words) <= 5:
            return False
        if not all(_NAME_WORD.fullmatch(w) and (w[0].isupper() or w in _NAME_PARTICLES) for w in words):
            return False
    return True


def _looks_like_outlet(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 5 and s[0].isupper() and not s.endswith((".", ",", ":"))


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(outlet, author) of a byline, or None when the line is not one."""
    m = _STAFF_BYLINE.fullmatch(line)
    if m and _looks_like_outlet(m["outlet"]) and (m["author"] is None or _looks_like_name(m["author"])):
        return m["outlet"], m["author"]
    m = _BY_BYLINE.fullmatch(line)
    # "By Jane Doe, Senior Correspondent": the part after the comma is a title, not kept
    if m and _looks_like_name(m["author"]) and not (m["rest"] or "").endswith("."):
        return None, m["author"]
    return None


def _time_line(line: str) -> tuple[str, str | None] | None:
    """(date, published) of a time line such as '3:49 PM – Friday, November 29, 2024';
    published is None when the line has no clock time."""
    for pattern in _TIME_LINES:
        m = pattern.fullmatch(line)
        if m:
            return _parse_time_line(m)
    return None


def _parse_time_line(m: re.Match[str]) -> tuple[str, str | None] | None:
    month = _MONTHS.get((m["month"] or m["month2"])[:3].lower())
    try:
        day = dt.date(int(m["year"]), month or 0, int(m["day"] or m["day2"]))
    except ValueError:  # "Smith 31, 2024" or February 30: not a date after all
        return None
    if m["hour"] is None:
        return day.isoformat(), None
    hour, minute = int(m["hour"]), int(m["minute"])
    if m["ampm"]:
        hour = hour % 12 + (12 if m["ampm"][0] in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    return day.isoformat(), f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _date_line(line: str) -> tuple[str, str | None] | None:
    """(date, caption) of the seed's first line ' date 2024-11-29 <caption>'."""
    m = _DATE_LINE.fullmatch(line.lstrip("\ufeff"))
    if not m or iso_date(m["date"]) is None:
        return None
    return m["date"], m["caption"] or None


def _apply_meta_line(header: Header, line: str) -> bool:
    """Fill the header from a byline or time line; False when the line is neither (or repeats
    what the header already has: then it is body)."""
    line = line.strip()
    if header.author is None and header.outlet is None and (by := _byline(line)):
        header.outlet, header.author = by
        return True
    if header.published is None and (when := _time_line(line)):
        header.date = header.date or when[0]
        header.published = when[1]
        return True
    return False


def _is_meta_line(line: str) -> bool:
    return _byline(line.strip()) is not None or _time_line(line.strip()) is not None


def parse_header(text: str) -> Header:
    """The header lines at the top of a plain-text article, and where its body starts.

    Without a recognised header the body starts at 0 and every field is None."""
    lines = [
        (m.start(), m.group().rstrip("\r")) for m in itertools.islice(_LINE.finditer(text), 4 * HEADER_LINES)
    ]
    lines = [(start, line) for start, line in lines if line.strip()][:HEADER_LINES]
    header = Header()
    used = 0
    if lines and (first := _date_line(lines[0][1])):
        header.date, header.caption = first
        used = 1
    elif len(lines) > 1 and len(lines[0][1]) <= 200 and _is_meta_line(lines[1][1]):
        header.title = lines[0][1].lstrip("# ").strip()  # a Markdown heading is a title too
        used = 1
    while used < len(lines) and _apply_meta_line(header, lines[used][1]):
        used += 1
    if used == 0:
        return Header()
    start, line = lines[used - 1]
    header.body_start = _SPACE.match(text, start + len(line)).end()
    return header



def iso_date(value: str | None) -> str | None:
    """'2024-11-29' from '2024-11-29' or '2024-11-29T15:49:00Z'; None for anything else, since
    later stages rely on the YYYY-MM-DD form."""
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def iso_minute(value: str | None) -> str | None:
    """'2024-11-29T15:49' from an ISO date-time; None when there is no time of day."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})", value or "")
    if not m or iso_date(m[1]) is None or int(m[2]) > 23 or int(m[3]) > 59:
        return None
    return f"{m[1]}T{m[2]}:{m[3]}"


# --- headline and dateline -------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
MIN_TITLE_PREFIX_WORDS = 4  # a first line that is only the start of a long title ("X; " then "Y")
# "PARIS (AP) — ", "WATERBURY, Conn. — ", "FAIRVIEW, W.Va. - ", "WASHINGTON — ", "GENEVA: "
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s+[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12})?)?"
    r"(?:\s*\([A-Za-z.\s-]{1,30}\))?"
    r"\s*(?P<mark>—|–|--|-|:)[ \t]+(?=[A-Z“\"‘'])"
)
# a paragraph that opens with a label in capitals ("PENCE: …"): a transcript, where "NAME:" is a turn
_LABEL_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]{1,40}:\s")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def title_lines_end(text: str, title: str | None, start: int = 0) -> int:
    """Title rule: a record whose text opens with its own title (give or take punctuation, and
    over the lines of a title split as "Headline; " / "Standfirst") has its body after those
    lines; else ``start``."""
    wanted = _words(title or "")
    if not wanted:
        return start
    got: list[str] = []
    pos = start
    for m in itertools.islice(_LINE.finditer(text, start), 2 * HEADER_LINES):
        line = m.group()
        if not line.strip():
            continue
        words = _words(line)
        if not words or got + words != wanted[: len(got) + len(words)]:
            break
        got += words
        pos = m.end()
        if got == wanted:
            break
    if got == wanted or len(got) >= MIN_TITLE_PREFIX_WORDS:
        return _SPACE.match(text, pos).end()
    return start


def dateline_end(text: str, start: int = 0) -> int:
    """Dateline rule: a place in capitals opening the first paragraph, with an optional state
    and agency, ended by a dash ("PARIS (AP) — ") or a colon ("GENEVA: ").  A colon is a
    dateline only when no other paragraph opens with a label in capitals: in a transcript,
    "PENCE: …" is a speaker's turn.  Returns where the body goes on, else ``start``."""
    m = _DATELINE.match(text, start)
    if m is None or not any(len(w) >= 3 for w in _WORD.findall(m["place"])):
        return start
    if m["mark"] == ":" and _LABEL_PARAGRAPH.search(text, m.end()):
        return start
    return m.end()


def furniture_end(text: str, title: str | None, start: int = 0) -> int:
    """Where the body starts past a repeated title and a dateline (each optional); a text that
    is nothing but its title keeps it as its body."""
    end = dateline_end(text, title_lines_end(text, title, start))
    return end if text[end:].strip() else start

