"""The thin layer over dateparser in ``dates.py``: what dateparser alone would read differently
from our news conventions (the phrases are from the corpus and from dateparser's known quirks)."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.extraction.context.dates import resolve_said_on
from onrecord.model.statement import SaidOn

FRIDAY = dt.date(2024, 11, 29)


@pytest.mark.parametrize(
    "phrase",
    [
        "two weeks", "Nine years", "a day",  # a duration, not "ago": dateparser reads it as so long ago
        "82", "25",  # a number: dateparser reads 1982, the 25th
        "3:25 p.m.", "12:33 P.M. EDT",  # a clock time
        "6'3", "15-year", "the 1980s", "just this month", "last week's",
        "Friday, Feb. 28, 2024",  # a weekday with a date: not a shape we read
        "Twenty-two years ago",  # number words stop at twelve
        "March 32", "Nov 32nd",  # dateparser reads March 1932
    ],
)
def test_what_dateparser_alone_would_read_is_refused(phrase: str) -> None:
    assert resolve_said_on(phrase, FRIDAY) is None


def test_a_weekday_on_that_weekday_is_the_article_date() -> None:
    # dateparser alone takes the Friday of the week before
    assert resolve_said_on("on Friday", FRIDAY) == SaidOn("2024-11-29", "day", "on Friday")


def test_a_month_from_the_end_of_a_month() -> None:
    # from 30 January dateparser alone looks back to a February with a 30th or 29th (2020's)
    assert resolve_said_on("in February", dt.date(2024, 1, 30)).date == "2023-02-01"
    assert resolve_said_on("in Feb", dt.date(1948, 1, 30)).date == "1947-02-01"


def test_february_29_across_a_century_that_is_no_leap_year() -> None:
    # 1900 had no February 29: the latest before February 1904 is eight years back
    assert resolve_said_on("February 29", dt.date(1904, 2, 1)).date == "1896-02-29"


def test_the_machine_time_zone_is_never_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # dateparser asks for the local zone unless told one; with TZ=Invalid/Zone that raises
    import dateparser.utils

    def no_local_zone() -> None:
        raise ValueError("no local zone here")

    monkeypatch.setattr(dateparser.utils, "get_localzone", no_local_zone)
    assert resolve_said_on("yesterday", FRIDAY).date == "2024-11-28"
    assert resolve_said_on("in March 2022", None).date == "2022-03-01"
