"""Bar charts as server-side SVG geometry (no script: the template draws the bars).

Periods with no statements are filled in with zero bars, so the time axis is
true to scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

#: Drawing area of a chart, in SVG user units (the SVG scales to its box).
WIDTH = 760
HEIGHT = 160
#: Room for the axis labels.
MARGIN_LEFT = 40
MARGIN_BOTTOM = 22
#: More periods than this are not filled in (the chart keeps the stored periods only).
MAX_FILLED = 1500
#: Axis labels shown at most along the bottom.
MAX_LABELS = 8
#: A short series is drawn on at least this many slots (one bar is not a wall).
MIN_SLOTS = 12


@dataclass
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Chart:
    bars: list[Bar] = field(default_factory=list)
    max_count: int = 0
    total: int = 0
    labels: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = MARGIN_LEFT
    bottom: int = MARGIN_BOTTOM


def _next(label: str, period: str) -> str:
    if period == "month":
        y, m = int(label[:4]), int(label[5:7])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return f"{y:04d}-{m:02d}"
    step = 7 if period == "week" else 1
    return (date.fromisoformat(label) + timedelta(days=step)).isoformat()


def fill_gaps(series: list[tuple[str, int]], period: str) -> list[tuple[str, int]]:
    """``series`` (sorted labels) with the missing periods between its ends as zeros."""
    clean = [(k, n) for k, n in series if k and _valid(k, period)]
    if len(clean) < 2:
        return clean
    have = dict(clean)
    out: list[tuple[str, int]] = []
    label = clean[0][0]
    last = clean[-1][0]
    while label <= last:
        out.append((label, have.get(label, 0)))
        if len(out) > MAX_FILLED:
            return clean
        label = _next(label, period)
    return out


def _valid(label: str, period: str) -> bool:
    try:
        if period == "month":
            date.fromisoformat(label + "-01")
        else:
            date.fromisoformat(label)
    except ValueError:
        return False
    return True


def bar_chart(series: list[tuple[str, int]], period: str) -> Chart:
    data = fill_gaps(series, period)
    chart = Chart(total=sum(n for _, n in data))
    if not data:
        return chart
    chart.max_count = max(n for _, n in data) or 1
    plot_w = WIDTH - MARGIN_LEFT
    plot_h = HEIGHT - MARGIN_BOTTOM
    step = plot_w / max(len(data), MIN_SLOTS)
    gap = min(2.0, step * 0.2)
    for i, (label, n) in enumerate(data):
        h = plot_h * n / chart.max_count
        chart.bars.append(
            Bar(label, n, MARGIN_LEFT + i * step + gap / 2, plot_h - h, max(step - gap, 0.5), h)
        )
    every = max(1, len(chart.bars) // MAX_LABELS)
    chart.labels = chart.bars[::every]
    return chart
