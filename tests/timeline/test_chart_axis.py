"""The position chart's date axis: readable ticks at any date range (no two labels over each
other), and every point inside the axis, the last date's too."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from onrecord.timeline.charts import _Layout, calendar_ticks, timelines_svg
from onrecord.timeline.stances import StanceEntry

LABEL_PX = 6.5  # a character of the 10 px axis font, generously


def entry(i: int, day: dt.date | None) -> StanceEntry:
    return StanceEntry("person:x", "nato", "support", [], day.isoformat() if day else None, "direct", "now", "a",
                       "q", i)


@settings(max_examples=80, deadline=None)
@given(first=st.dates(dt.date(1950, 1, 1), dt.date(2060, 1, 1)), span=st.integers(0, 20_000),
       extra=st.lists(st.integers(0, 20_000), max_size=12), same_day=st.integers(1, 5),
       undated=st.booleans())
# many dots on the last day and an undated one leave the dates little room (found by Hypothesis)
@example(first=dt.date(2000, 1, 1), span=46, extra=[46] * 12, same_day=5, undated=True)
def test_ticks_never_overlap_and_points_stay_on_the_axis(first, span, extra, same_day, undated) -> None:
    last = first + dt.timedelta(days=span)
    days = [first, last] + [first + dt.timedelta(days=min(e, span)) for e in extra] + [last] * (same_day - 1)
    entries = [entry(i, d) for i, d in enumerate(days)] + ([entry(len(days), None)] if undated else [])
    svg = timelines_svg({"nato": entries})
    layout = _Layout()
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert len(xs) == len(entries)
    assert all(layout.left <= x <= layout.width - layout.right + 0.5 for x in xs), (min(xs), max(xs))
    ticks = [(float(x), label) for x, label in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle" '
                                                          r'font-size="10">([^<]+)</text>', svg)]
    assert 1 <= len(ticks) <= 8
    for (xa, a), (xb, b) in zip(ticks, ticks[1:], strict=False):
        assert xb - xa >= LABEL_PX * (len(a) + len(b)) / 2 + 4, (a, b, xb - xa)


def test_calendar_ticks_are_round_dates() -> None:
    assert [t for _, t in calendar_ticks(dt.date(2022, 2, 24), dt.date(2024, 11, 29))] == [
        "2022-07", "2023-01", "2023-07", "2024-01", "2024-07"]  # half-years on January and July
    assert [t for _, t in calendar_ticks(dt.date(1990, 5, 1), dt.date(2024, 1, 1))] == [
        "1995", "2000", "2005", "2010", "2015", "2020"]
    assert [t for _, t in calendar_ticks(dt.date(2024, 11, 28), dt.date(2024, 11, 29))] == [
        "2024-11-28", "2024-11-29"]
