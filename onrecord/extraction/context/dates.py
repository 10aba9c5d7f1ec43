"""Dates of time phrases: "on Friday", "last week", "in March 2022" resolved against the
article's date, one small function per kind of phrase, each named in a comment.  A resolved date
is never after the article's date.  Plain Python: the phrases are found in the parse by
``when.py``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from onrecord.model.statement import SaidOn

Precision = Literal["day", "week", "month", "year"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NUMBER = {**{m: i for i, m in enumerate(MONTHS, 1)}, **MONTH_ABBREVIATIONS}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
MODIFIERS = ("earlier", "early", "later", "late", "mid")  # they narrow a period, never move it
LEADING_PREPOSITIONS = ("on", "in", "at", "during", "over")
# a time phrase after one of these is a bound of something else ("since Monday"), not a time of
# saying
NOT_A_TIME_OF_SAYING = {"since", "until", "till", "by", "before", "after", "from", "between", "to", "through",
                        "next", "following", "ahead", "within", "for", "of"}

_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_PART = "|".join(PARTS_OF_DAY)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
_NUMBER = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + ")"


def _normalise(text: str) -> str:
    """Lower case, plain apostrophes, no full stops or commas, no modifiers ("earlier", "late")
    and no leading preposition: "Earlier on Nov. 19," -> "nov 19"."""
    s = text.lower().replace("’", "'").replace("-", " ")
    s = re.sub(r"[.,]", " ", s)
    words = [w for w in s.split() if w not in MODIFIERS]
    while words and words[0] in LEADING_PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _month_start(day: dt.date, months_back: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


Resolved = tuple[dt.date, Precision]


# Rule: the current or the previous day — "today", "tonight", "this morning", "yesterday",
# "last night", "the day before yesterday".
def _rule_relative_day(phrase: str, ref: dt.date | None) -> Resolved | None:
    if ref is None:
        return None
    if re.fullmatch(rf"(today|tonight|this ({_PART}))( ({_PART}))?", phrase):
        return ref, "day"
    if re.fullmatch(rf"(yesterday|last night|overnight)( ({_PART}))?", phrase):
        return ref - dt.timedelta(days=1), "day"
    if phrase == "the day before yesterday":
        return ref - dt.timedelta(days=2), "day"
    return None


# Rule: a weekday — "on Friday", "Tuesday night", "last Monday": the latest such day not after
# the article's date ("last Friday" the latest before it).
def _rule_weekday(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"(last |this |past )?({_WEEKDAY})('s)?( ({_PART}))?", phrase)
    if m is None or ref is None:
        return None
    back = (ref.weekday() - WEEKDAYS.index(m.group(2))) % 7
    if m.group(1) == "last " and back == 0:
        back = 7
    return ref - dt.timedelta(days=back), "day"


# Rule: so long ago — "two days ago", "3 weeks ago", "a month ago", "a year ago".
def _rule_ago(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"{_NUMBER} (day|week|month|year)s? ago", phrase)
    if m is None or ref is None:
        return None
    n, unit = _number(m.group(1)), m.group(2)
    if unit == "day":
        return ref - dt.timedelta(days=n), "day"
    if unit == "week":
        return ref - dt.timedelta(days=7 * n), "week"
    if unit == "month":
        return _month_start(ref, n), "month"
    return (dt.date(ref.year - n, 1, 1), "year") if ref.year - n >= 1 else None


# Rule: the previous period — "last week" (a day in the previous week: the article's date less
# seven days), "last month", "last year" (the period's first day).
def _rule_last_period(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(r"(last|past|previous) (week|month|year)", phrase)
    if m is None or ref is None:
        return None
    unit = m.group(2)
    if unit == "week":
        return ref - dt.timedelta(days=7), "week"
    if unit == "month":
        return _month_start(ref, 1), "month"
    return dt.date(ref.year - 1, 1, 1), "year"


# Rule: the current period — "this week", "earlier this week" (its Monday), "this month",
# "earlier this month", "this year" (its first day).
def _rule_this_period(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(r"this (week|month|year)", phrase)
    if m is None or ref is None:
        return None
    unit = m.group(1)
    if unit == "week":
        return ref - dt.timedelta(days=ref.weekday()), "week"
    if unit == "month":
        return ref.replace(day=1), "month"
    return dt.date(ref.year, 1, 1), "year"


# Rule: a weekend — "over the weekend", "this weekend" (the latest Saturday not after the
# article's date), "last weekend" (the one before the current weekend).
def _rule_weekend(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(r"(the|this|last|past) weekend", phrase)
    if m is None or ref is None:
        return None
    saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    if m.group(1) == "last" and ref.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return saturday, "week"


# Rule: a month and day — "November 19", "Nov. 19", "19 November", "19th of November",
# "November 19, 2024", "19 November 2024".  Without a year: the latest such day not after the
# article's date (last year's when this year's is still to come).
def _rule_month_day(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"({_MONTH}) {_DAY}(?: {_YEAR})?( ({_PART}))?", phrase)
    if m is not None:
        month, day, year = m.group(1), int(m.group(2)), m.group(3)
    else:
        m = re.fullmatch(rf"(?:the )?{_DAY}(?: of)? ({_MONTH})(?: {_YEAR})?( ({_PART}))?", phrase)
        if m is None:
            return None
        day, month, year = int(m.group(1)), m.group(2), m.group(3)
    number = MONTH_NUMBER[month]
    if year is not None:
        found = _safe_date(int(year), number, day)
        return (found, "day") if found else None
    if ref is None:
        return None
    for back in range(0, 8):  # February 29 may lie up to eight years back
        found = _safe_date(ref.year - back, number, day)
        if found is not None and found <= ref:
            return found, "day"
        if found is None and day > 29:  # "April 31" is no day in any year
            return None
    return None


# Rule: a month of a year — "March 2022", "in March 2022", "in March" (this year's if it has
# begun, else last year's).
def _rule_month(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"({_MONTH})(?: (?:of )?{_YEAR})?", phrase)
    if m is None:
        return None
    number = MONTH_NUMBER[m.group(1)]
    if m.group(2) is not None:
        return (dt.date(int(m.group(2)), number, 1), "month") if int(m.group(2)) >= 1 else None
    if ref is None:
        return None
    year = ref.year if number <= ref.month else ref.year - 1
    return dt.date(year, number, 1), "month"


# Rule: a year — "in 2022" (its first day, precision year).
def _rule_year(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(_YEAR, phrase)
    if m is None or not 1 <= int(m.group(1)) <= 9999:
        return None
    return dt.date(int(m.group(1)), 1, 1), "year"


TIME_RULES: tuple[Callable[[str, dt.date | None], Resolved | None], ...] = (
    _rule_relative_day, _rule_weekday, _rule_ago, _rule_last_period, _rule_this_period, _rule_weekend,
    _rule_month_day, _rule_month, _rule_year,
)


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
    for rule in TIME_RULES:
        try:
            found = rule(phrase, ref)
        except (ValueError, OverflowError):  # before the first year or after the last
            return None
        if found is None:
            continue
        day, precision = found
        if ref is not None and day > ref:
            return None
        return SaidOn(day.isoformat(), precision, text.strip(), assumed=False)
    return None


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
