"""A small SVG plotter for the charts of ``bncost rapport``: axes, ticks, bars, lines, labels.

Written for this page rather than drawn by a chart library: a document per member of a region
(``--per-gemeente``) draws hundreds of charts, and a chart here takes well under a millisecond.
Every amount axis starts at zero (``Scale`` has no other origin). Text stays text (a screen reader
and a search find it), in the page's ink colour; the caller adds the ``<title>`` and ``<desc>``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from burgernet_cost.output.cells import html_text

INK, MUTED, GRID = "#1d2733", "#4f5a66", "#d5dbe1"
FONT = 12


def text_width(text: str, size: int = FONT, bold: bool = False) -> float:
    """About how wide a text is in the page's sans-serif font (on the wide side: a label placed by it
    stays inside the picture)."""
    return len(text) * size * (0.66 if bold else 0.6)


def nice_step(top: float, ticks: int = 5) -> float:
    """The tick distance: 1, 2, 2,5 or 5 times a power of ten, about ``ticks`` of them up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


class Scale:
    """From zero to the first tick at or above ``top``, onto ``length`` pixels from ``start``."""

    def __init__(self, top: float, start: float, length: float, reverse: bool = False, ticks: int = 5) -> None:
        self.step = nice_step(top, ticks)
        self.top = self.step * max(1, math.ceil(top / self.step - 1e-9))
        self.start, self.length, self.reverse = start, length, reverse

    def __call__(self, value: float) -> float:
        share = value / self.top if self.top else 0.0
        return self.start + (self.length * (1 - share) if self.reverse else self.length * share)

    def ticks(self) -> list[float]:
        n = round(self.top / self.step)
        return [self.step * k for k in range(n + 1)]


def svg(ident: str, title: str, description: str, width: float, height: float, body: list[str]) -> str:
    head = f'<title id="{ident}-t">{html_text(title)}</title><desc id="{ident}-d">{html_text(description)}</desc>'
    pattern = (
        f'<defs><pattern id="{ident}-streep" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e0922f"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'font-family="system-ui, Segoe UI, Roboto, Arial, sans-serif" font-size="{FONT}" fill="{INK}">'
        f"{head}{pattern}{''.join(body)}</svg>"
    )


def text(
    x: float, y: float, content: str, anchor: str = "start", size: int = FONT, weight: str = "normal", rotate: bool = False, fill: str = INK
) -> str:
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}"{bold}{turn}>{html_text(content)}</text>'


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = GRID, width: float = 1, dash: str | None = None) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" stroke-width="{width}"{dashed}/>'


def rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" fill="{fill}"/>'


def value_axis(
    scale: Scale, across: tuple[float, float], label: Callable[[float], str], vertical: bool, width: float | None = None
) -> list[str]:
    """Grid lines and tick labels of an amount axis (from zero); ``across`` spans the plot the other
    way. A horizontal axis's label is kept inside ``width``: the last ones end at their tick, and a
    label that would touch the one before it is left out."""
    out = []
    shown_until = -1e9
    for tick in scale.ticks():
        at = scale(tick)
        if vertical:
            out += [line(across[0], at, across[1], at), text(across[0] - 6, at + 4, label(tick), "end")]
            continue
        out.append(line(at, across[0], at, across[1]))
        w = text_width(label(tick))
        start, anchor, x = at - w / 2, "middle", at
        if width is not None and at + w / 2 > width - 2:
            start, anchor, x = at - w, "end", at
        start = max(start, 0.0)
        if anchor == "middle" and at - w / 2 < 0:
            anchor, x = "start", 0.0
        if start < shown_until + 6:
            continue
        out.append(text(x, across[1] + 16, label(tick), anchor))
        shown_until = start + w
    return out


def legend(x: float, y: float, items: Sequence[tuple[str, str]], width: float) -> tuple[list[str], float]:
    """Swatches with their names in a row (``items``: fill, name), on a next row where the row is
    full; and the y of the last row."""
    out = []
    start = x
    for fill, name in items:
        w = 16 + text_width(name)
        if x > start and x + w > width:
            x, y = start, y + 18
        out += [rect(x, y - 10, 12, 12, fill), text(x + 16, y, name)]
        x += w + 18
    return out, y


def marker(x: float, y: float, shape: str, fill: str) -> str:
    if shape == "square":
        return rect(x - 3.5, y - 3.5, 7, 7, fill)
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{fill}"/>'


def polyline(points: Sequence[tuple[float, float]], stroke: str, dash: str | None = None) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{coords}" fill="none" stroke="{stroke}" stroke-width="2"{dashed}/>'
