"""A tone chart as a self-contained SVG: mean stance per period, with counts and evidence.

Hand-written SVG (no plotting dependency). Every piece of text from the store
is XML-escaped; each point carries a ``<title>`` tooltip listing the statements
behind it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .tone import ToneSeries

WIDTH, HEIGHT = 720, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 20, 40, 64
#: Statements listed in a point's tooltip.
TOOLTIP_ITEMS = 5
POSITIVE, NEGATIVE, NEUTRAL = "#2b7a3d", "#b3261e", "#555555"


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def render_svg(series: ToneSeries) -> str:
    """The chart of ``series`` as an SVG document (a string)."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    n = len(series.points)

    def x(i: int) -> float:
        return MARGIN_LEFT + (plot_w * (i + 0.5) / n if n else plot_w / 2)

    def y(stance: float) -> float:
        return MARGIN_TOP + plot_h * (1 - stance) / 2

    title = f"Tone of {series.actor} toward {series.recipient}, by {series.by}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11" role="img" '
        f'aria-label="{_attr(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{MARGIN_LEFT}" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for stance in (1, 0.5, 0, -0.5, -1):
        yy = y(stance)
        dash = "" if stance == 0 else ' stroke-dasharray="3,3"'
        out.append(
            f'<line x1="{MARGIN_LEFT}" y1="{yy:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{yy:.1f}" '
            f'stroke="#cccccc"{dash}/>'
        )
        out.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{stance:+.1f}</text>'
        )
    out.append(
        f'<text x="14" y="{MARGIN_TOP + plot_h / 2:.1f}" transform="rotate(-90 14 '
        f'{MARGIN_TOP + plot_h / 2:.1f})" text-anchor="middle">stance (PLOVER score / 10)</text>'
    )
    if not n:
        out.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">no dated events</text>'
        )
    if n > 1:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p.stance):.1f}"
            for i, p in enumerate(series.points)
        )
        out.append(f'<path d="{path}" fill="none" stroke="{NEUTRAL}" stroke-width="1.5"/>')
    for i, p in enumerate(series.points):
        colour = POSITIVE if p.stance > 0 else NEGATIVE if p.stance < 0 else NEUTRAL
        radius = 4 + min(p.count, 10)
        lines = [f"{p.period}: mean stance {p.stance:+.2f} over {p.count} event(s)"]
        for ev in p.evidence[:TOOLTIP_ITEMS]:
            lines.append(
                f"{ev.day} {ev.event} {ev.actor or '?'} → {ev.recipient or '?'}: {ev.text}"
            )
        if len(p.evidence) > TOOLTIP_ITEMS:
            lines.append(f"… and {len(p.evidence) - TOOLTIP_ITEMS} more")
        out.append(
            f'<circle cx="{x(i):.1f}" cy="{y(p.stance):.1f}" r="{radius}" fill="{colour}" '
            f'fill-opacity="0.8"><title>{escape(chr(10).join(lines))}</title></circle>'
        )
        out.append(
            f'<text x="{x(i):.1f}" y="{y(p.stance) - radius - 3:.1f}" text-anchor="middle">'
            f"n={p.count}</text>"
        )
        label_y = HEIGHT - MARGIN_BOTTOM + 16
        out.append(
            f'<text x="{x(i):.1f}" y="{label_y}" text-anchor="middle">{escape(p.period)}</text>'
        )
    note = f"{series.count} events"
    if series.unrealised:
        note += f"; {series.unrealised} negated or hypothetical left out"
    out.append(f'<text x="{MARGIN_LEFT}" y="{HEIGHT - 12}" fill="#555555">{escape(note)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
