"""Dates of time phrases: "on Friday", "last week", "in March 2022" resolved against the
article's date.  ``dateparser`` reads the phrase; a thin layer keeps our news conventions: only
the shapes of phrase a reporter uses for the time of saying are read (not a duration "two
weeks", a clock time "3:25 p.m." or a weekday with a date "Friday, Feb. 28, 2025"), a weekday
is the latest such day on or before the article's date, a weekend is its Saturday, a month or a
year is its first day, and a resolved date is never after the article's date.  No spaCy:
the phrases are found in the parse by ``when.py``."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

from onrecord.lexicons.calendar import MONTH_ABBREVIATIONS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from onrecord.model.statement import SaidOn

Precision = Literal["day", "week", "month", "year"]

MONTH_NUMBER = {**{m: i for i, m in enumerate(MONTHS, 1)}, **MONTH_ABBREVIATIONS}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
MODIFIERS = ("earlier", "early", "later", "late", "mid")  # they narrow a period, never move it
LEADING_PREPOSITIONS = ("on", "in", "at", "during", "over")
# a time phrase after one of these is a bound of something else ("since Monday"), not a time of
# saying
NOT_A_TIME_OF_SAYING = {"since", "until", "till", "by", "before", "after", "from", "between", "to", "through",
                        "next", "following", "ahead", "within", "for", "of"}

_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_PART = "|".join(PARTS_OF_DAY)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"
_NUMBER = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + ")"

# The shapes of phrase read, each with the period dateparser must find in it (None: the unit the
# phrase names, "week" in "two weeks ago") and whether it needs the article's date.  Anything
# else is no time of saying: dateparser alone would also read "two weeks", "82", "3:25 p.m." or
# "6'3", and it reads "March 32" as March 1932.
_UNIT = r"(?P<unit>day|week|month|year)"
_SHAPES: tuple[tuple[re.Pattern[str], Precision | None, bool], ...] = (
    (re.compile(rf"(?:today|tonight|this (?:{_PART}))(?: (?:{_PART}))?"), "day", True),
    (re.compile(rf"(?:yesterday|last night|overnight)(?: (?:{_PART}))?|the day before yesterday"), "day", True),
    (re.compile(rf"{_NUMBER} {_UNIT}s? ago"), None, True),
    (re.compile(rf"(?:last|past|previous|this) {_UNIT}"), None, True),
    (re.compile(rf"(?:{_MONTH}) {_DAY}(?: {_YEAR})?(?: (?:{_PART}))?"), "day", False),
    (re.compile(rf"(?:the )?{_DAY}(?: of)? (?:{_MONTH})(?: {_YEAR})?(?: (?:{_PART}))?"), "day", False),
    (re.compile(rf"(?:{_MONTH})(?: (?:of )?{_YEAR})?"), "month", False),
    (re.compile(_YEAR), "year", False),
)
_WEEKDAY_PHRASE = re.compile(rf"(last |this |past )?({_WEEKDAY})('s)?( (?:{_PART}))?")
_WEEKEND_PHRASE = re.compile(r"(the|this|last|past) weekend")
# dateparser's words for ours
_SYNONYMS = {"past": "last", "previous": "last", "overnight": "yesterday"}
# a part of the day after the day it qualifies adds nothing to the date
_TRAILING_PART = re.compile(rf"(?<!^this)(?<!^last) (?:{_PART})$")
# dateparser's period of a match as our precision ("last night" is a part of a day)
_PERIOD_PRECISION: dict[str, Precision] = {"part_of_day": "day", "day": "day", "week": "week", "month": "month",
                                           "year": "year"}


def _normalise(text: str) -> str:
    """Lower case, plain apostrophes, no full stops or commas, no modifiers ("earlier", "late")
    and no leading preposition: "Earlier on Nov. 19," -> "nov 19"."""
    s = text.lower().replace("’", "'").replace("-", " ")
    s = re.sub(r"[.,]", " ", s)
    words = [w for w in s.split() if w not in MODIFIERS]
    while words and words[0] in LEADING_PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


Resolved = tuple[dt.date, Precision]


@lru_cache(maxsize=64)
def _parser(ref: dt.date | None) -> DateDataParser:
    """English only (no guessing of languages), the past preferred, the article's date as the
    base of relative phrases, and the period of the match ("month" for "March 2022").  Dates
    are calendar days, in no time zone: UTC keeps dateparser from asking the machine for its
    local zone (which fails on a TZ it does not know)."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "TIMEZONE": "UTC"}
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(ref, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def warm_up() -> None:
    """dateparser compiles its English regular expressions on its first reading (a few tenths of a
    second): done once when the pipeline is built, not inside the first article that names a time."""
    _parser(None).get_date_data("last week")


def _read(phrase: str, ref: dt.date | None, expected: Precision) -> Resolved | None:
    """dateparser's reading of a phrase of a known shape, when of the period the shape implies,
    at the start of that period: a month or a year its first day, "this week" its Monday."""
    words = " ".join(_SYNONYMS.get(w, w) for w in _TRAILING_PART.sub("", phrase).split())
    found = _parser(ref).get_date_data(words)
    if found.date_obj is None or found.period is None:
        return None
    day, precision = found.date_obj.date(), _PERIOD_PRECISION.get(found.period)
    if precision != expected:
        return None
    if precision == "month":
        return day.replace(day=1), precision
    if precision == "year":
        return day.replace(month=1, day=1), precision
    if precision == "week" and phrase.startswith("this"):
        return day - dt.timedelta(days=day.weekday()), precision
    return day, precision


# Convention: a weekday — "on Friday", "Tuesday night", "last Monday": the latest such day on or
# before the article's date ("last Friday" the latest before it).  dateparser would take last
# week's Friday on a Friday.
def _weekday(phrase: str, ref: dt.date) -> Resolved | None:
    m = _WEEKDAY_PHRASE.fullmatch(phrase)
    if m is None:
        return None
    back = (ref.weekday() - WEEKDAYS.index(m.group(2))) % 7
    if m.group(1) == "last " and back == 0:
        back = 7
    return ref - dt.timedelta(days=back), "day"


# Convention: a weekend — "over the weekend", "this weekend" (the latest Saturday on or before
# the article's date), "last weekend" (the one before the current weekend).  dateparser has no
# weekends.
def _weekend(phrase: str, ref: dt.date) -> Resolved | None:
    m = _WEEKEND_PHRASE.fullmatch(phrase)
    if m is None:
        return None
    saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    if m.group(1) == "last" and ref.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return saturday, "week"


def _base(ref: dt.date | None, expected: Precision) -> dt.date | None:
    """The date dateparser reads against: the article's, but for a month its first day — from
    the 30th of January dateparser takes "February" for the latest February with a 30th or 29th
    (2020's, not 2023's)."""
    return ref.replace(day=1) if ref is not None and expected == "month" else ref


@lru_cache(maxsize=4096)  # dateparser is slow, and an article names the same days again and again
def _resolve(phrase: str, ref: dt.date | None) -> Resolved | None:
    if ref is not None:
        found = _weekday(phrase, ref) or _weekend(phrase, ref)
        if found is not None:
            return found
    for shape, precision, relative in _SHAPES:
        m = shape.fullmatch(phrase)
        if m is None:
            continue
        if ref is None and (relative or not re.search(_YEAR, phrase)):
            return None
        expected: Precision = precision or m.group("unit")  # type: ignore[assignment]
        return _read(phrase, _base(ref, expected), expected)
    return None


def _reference_date(article_date: dt.date | None, published: dt.date | None) -> dt.date | None:
    """The article's date, else the published one; a datetime counts by its date."""
    day = article_date if article_date is not None else published
    return day.date() if isinstance(day, dt.datetime) else day


def resolve_said_on(text: str, article_date: dt.date | None,
                    published: dt.datetime | None = None) -> SaidOn | None:
    """The date of one time phrase ("on Friday", "last week", "in March 2022"), resolved against
    the article's date (or, when there is none, the date of ``published``).  None when the
    phrase is not a time this module knows, when it needs a reference date and has none, or
    when it would fall after the reference date (a statement is never reported before it is
    made).  The date is ISO "YYYY-MM-DD": the day, or for a week a day in it, or for a month or
    a year its first day; ``text`` keeps the phrase as written."""
    ref = _reference_date(article_date, published)
    phrase = _normalise(text)
    if not phrase:
        return None
    try:
        found = _resolve(phrase, ref)
    except (ValueError, OverflowError):  # before the first year or after the last
        return None
    if found is None:
        return None
    day, precision = found
    if ref is not None and day > ref:
        return None
    return SaidOn(day.isoformat(), precision, text.strip(), assumed=False)


# --- the article's dates as given ---------------------------------------------------------


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parse_moment(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
