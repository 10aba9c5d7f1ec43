"""Charts of stance timelines: one row per issue, a lane per label, time running left to right.
SVG written by hand (no dependency); PNG when matplotlib is installed."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from onrecord.errors import ChartError, MissingExtra
from onrecord.timeline.shifts import shifts_in
from onrecord.timeline.stances import INFORMATIVE, StanceEntry, date_key

LANES = ("support", "conditional", "oppose", "unclear")  # one row per issue, one lane per label
COLORS = {"support": "#2e7d32", "conditional": "#ef8f00", "oppose": "#c62828", "unclear": "#9e9e9e"}


def plot_timelines(
    entries_by_issue: Mapping[str, Sequence[StanceEntry]], path: str | Path, title: str | None = None
) -> Path:
    """Stance over time, one row per issue: SVG (written by hand, no dependency), or PNG when
    matplotlib is installed."""
    path = Path(path)
    if path.suffix.lower() == ".png":
        _plot_png(entries_by_issue, path, title)
    elif path.suffix.lower() == ".svg":
        path.write_text(timelines_svg(entries_by_issue, title), encoding="utf-8")
    else:
        raise ChartError(f"{path}: the chart is written as .svg or .png")
    return path


# A character of the 10 px axis font, generously, and the gap kept between two labels: ticks are
# thinned until their labels fit the axis (many dots on one day leave the dates less room).
LABEL_CHAR_PX = 6.5
LABEL_GAP_PX = 4


def _fitting_ticks(first: date, last: date, at: Callable[[date], float], px: float,
                   tail: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """The most calendar ticks (up to seven, then ``tail``: the undated mark) whose labels do not
    overlap, ``px`` pixels a unit."""
    ticks: list[tuple[float, str]] = []
    for most in range(7, 0, -1):
        ticks = [(at(d), label) for d, label in calendar_ticks(first, last, most)] + tail
        if all((xb - xa) * px >= LABEL_CHAR_PX * (len(a) + len(b)) / 2 + LABEL_GAP_PX
               for (xa, a), (xb, b) in zip(ticks, ticks[1:], strict=False)):
            return ticks
    return ticks[:1] + tail


def _x_positions(entries_by_issue: Mapping[str, Sequence[StanceEntry]], x0: float, x1: float, px: float = 1.0
                 ) -> tuple[dict[tuple[str, int], float], list[tuple[float, str]]]:
    """Where each entry goes on the time axis, and the axis ticks.  Entries of one date are
    spread a little, in order, so that none hides another; undated ones stand at the right."""
    all_entries = [e for entries in entries_by_issue.values() for e in entries]
    days = sorted({d for e in all_entries if (d := date_key(e.date)) is not None})
    undated = any(date_key(e.date) is None for e in all_entries)
    width = x1 - x0
    spread = 0.013 * width
    # entries of one date stand side by side to the right of it: the last date keeps room for them
    most_on_a_day = max((sum(1 for e in entries if date_key(e.date) == d) for entries in entries_by_issue.values()
                         for d in {date_key(e.date) for e in entries}), default=1)
    span_end = x1 - (0.16 * width if undated else 0.0) - spread * (most_on_a_day - 1)
    undated_x = x1 - 0.03 * width - spread * (most_on_a_day - 1)
    first, last = (days[0], days[-1]) if days else (date.min, date.min)
    total = max((last - first).days, 1)

    def at(d: date) -> float:
        return x0 + (span_end - x0) * ((d - first).days / total if len(days) > 1 else 0.5)

    places: dict[tuple[str, int], float] = {}
    for issue, entries in entries_by_issue.items():
        seen: dict[date | None, int] = {}
        for e in entries:
            d = date_key(e.date)
            k = seen.get(d, 0)
            seen[d] = k + 1
            base = at(d) if d is not None else undated_x
            places[(issue, e.index)] = base + spread * k
    tail = [(undated_x, "undated")] if undated else []
    ticks = _fitting_ticks(first, last, at, px, tail) if days else tail
    return places, ticks


_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def calendar_ticks(first: date, last: date, most: int = 7) -> list[tuple[date, str]]:
    """Evenly spaced calendar dates between ``first`` and ``last`` (at most ``most``), labelled
    as finely as the step needs: days (2024-03-05), months (2024-03) or years (2024).  Ticks on
    round dates, as matplotlib's AutoDateLocator places them, rather than on the data's own dates,
    which can fall a day apart and print over each other."""
    if first == last:
        return [(first, first.isoformat())]
    for step in _DAY_STEPS:
        if (last - first).days // step + 1 <= most:
            return [(date.fromordinal(o), date.fromordinal(o).isoformat())
                    for o in range(first.toordinal(), last.toordinal() + 1, step)]
    months = (last.year - first.year) * 12 + last.month - first.month
    for step in _MONTH_STEPS:
        if months // step + 1 <= most:
            start = first.year * 12 + first.month - 1
            start += -start % step  # on a round month: Jan, Apr, Jul, Oct for quarters
            ticks = [date(m // 12, m % 12 + 1, 1) for m in range(start, last.year * 12 + last.month, step)]
            return [(d, d.strftime("%Y-%m")) for d in ticks if first <= d <= last] or [(first, first.isoformat())]
    for step in _YEAR_STEPS:
        if (last.year - first.year) // step + 1 <= most:
            start = first.year + (-first.year % step)
            ticks = [date(y, 1, 1) for y in range(start, last.year + 1, step)]
            return [(d, str(d.year)) for d in ticks if first <= d <= last] or [(first, str(first.year))]
    return [(first, str(first.year)), (last, str(last.year))]


@dataclass(frozen=True)
class _Layout:
    width: int = 900
    left: int = 190  # issue names and lane labels
    right: int = 40
    top: int = 50
    row_h: int = 110
    lane_h: int = 22

    def lane_y(self, row: int, label: str) -> float:
        return self.top + row * self.row_h + 12 + LANES.index(label) * self.lane_h


def _svg_row(layout: _Layout, row: int, issue: str, entries: Sequence[StanceEntry],
             places: Mapping[tuple[str, int], float]) -> list[str]:
    """One issue: its name, a lane per label, the informative stances joined by a line, each
    statement a dot (hollow when reported as held before, ringed in black where it shifts)."""
    esc = html.escape
    y0 = layout.top + row * layout.row_h
    x_end = layout.width - layout.right
    out = [f'<text x="10" y="{y0 + layout.row_h / 2}" font-weight="bold">{esc(issue)}</text>']
    for lane in LANES:
        y = layout.lane_y(row, lane)
        out.append(f'<text x="{layout.left - 10}" y="{y + 4}" text-anchor="end" '
                   f'fill="{COLORS[lane]}">{lane}</text>')
        out.append(f'<line x1="{layout.left}" y1="{y}" x2="{x_end}" y2="{y}" stroke="#eeeeee"/>')
    shifted = {s.after.index for s in shifts_in(entries)}
    points = [(places[(issue, e.index)], layout.lane_y(row, e.label), e) for e in entries if e.label in LANES]
    line = [f"{x:.1f},{y:.1f}" for x, y, e in points if e.label in INFORMATIVE]
    if len(line) > 1:
        out.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="#607d8b" stroke-width="1.5"/>')
    for x, y, e in points:
        tip = esc(f"{e.date or 'undated'} · {e.label} · {e.kind}/{e.time} · {e.article_id or ''}\n{e.quote}")
        fill = "white" if e.time == "before" else COLORS[e.label]
        stroke = 'stroke="black" stroke-width="2.5"' if e.index in shifted else f'stroke="{COLORS[e.label]}"'
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" {stroke}>'
                   f"<title>{tip}</title></circle>")
    y_rule = y0 + layout.row_h - 4
    out.append(f'<line x1="10" y1="{y_rule}" x2="{x_end}" y2="{y_rule}" stroke="#cccccc"/>')
    return out


def timelines_svg(entries_by_issue: Mapping[str, Sequence[StanceEntry]], title: str | None = None) -> str:
    """The chart as SVG text: one row per issue, time running left to right."""
    layout = _Layout()
    issues = list(entries_by_issue)
    rows = max(len(issues), 1)
    height = layout.top + layout.row_h * rows + 60
    places, ticks = _x_positions(entries_by_issue, layout.left + 20, layout.width - layout.right)
    esc = html.escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width}" height="{height}" '
        f'viewBox="0 0 {layout.width} {height}" font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
    ]
    if title:
        out.append(f'<text x="{layout.width / 2}" y="24" text-anchor="middle" font-size="16">'
                   f"{esc(title)}</text>")
    for row, issue in enumerate(issues):
        out.extend(_svg_row(layout, row, issue, list(entries_by_issue[issue]), places))
    axis_y = layout.top + layout.row_h * rows + 14
    for x, label in ticks:
        out.append(f'<text x="{x:.1f}" y="{axis_y}" text-anchor="middle" font-size="10">{esc(label)}</text>')
    out.append(f'<text x="10" y="{height - 10}" font-size="10" fill="#555555">hollow: a position reported '
               "as held before; black ring: a shift from the previous position</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _plot_png(entries_by_issue: Mapping[str, Sequence[StanceEntry]], path: Path, title: str | None) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingExtra(f"{path}: PNG charts need matplotlib (pip install matplotlib); "
                           "write .svg instead") from None
    issues = list(entries_by_issue) or ["(none)"]
    fig, axes = plt.subplots(len(issues), 1, figsize=(9, 1.6 * len(issues) + 0.6), squeeze=False, sharex=True)
    places, ticks = _x_positions(entries_by_issue, 0.0, 1.0, px=900.0)  # a 9-inch figure at 100 dpi
    for ax, issue in zip(axes[:, 0], issues, strict=True):
        entries = list(entries_by_issue.get(issue, []))
        shifted = {s.after.index for s in shifts_in(entries)}
        pts = [(places[(issue, e.index)], len(LANES) - 1 - LANES.index(e.label), e) for e in entries
               if e.label in LANES]
        line = [(x, y) for x, y, e in pts if e.label in INFORMATIVE]
        if len(line) > 1:
            ax.plot([x for x, _ in line], [y for _, y in line], color="#607d8b", linewidth=1)
        for x, y, e in pts:
            ax.scatter([x], [y], s=50, color="white" if e.time == "before" else COLORS[e.label],
                       edgecolors="black" if e.index in shifted else COLORS[e.label], zorder=3)
        ax.set_yticks(range(len(LANES)), list(reversed(LANES)))
        ax.set_ylim(-0.5, len(LANES) - 0.5)
        ax.set_ylabel(issue, rotation=0, ha="right", va="center", fontweight="bold")
    axes[-1, 0].set_xticks([x for x, _ in ticks], [t for _, t in ticks], fontsize=8)
    axes[-1, 0].set_xlim(-0.05, 1.05)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
