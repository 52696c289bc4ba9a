"""The charts of ``bncost rapport`` as inline SVG (drawn by ``svgplot.py``).

Every amount axis starts at zero. Every chart gets a ``<title>`` and a ``<desc>`` with its numbers
(the page puts the same numbers in a table next to it), and colour is never the only carrier: the
contribution is hatched, lines differ in marker and dash, the central value is named.

Each chart is drawn for a width (``WIDE`` for a screen and paper, ``NARROW`` for a phone, where it is
shown at its own size): its text is never smaller than ``svgplot.FONT`` (12 px) at that width, and
every label is placed inside the picture (a label that would pass the right edge goes to the other
side of its mark; a long title or note wraps; a bar's name goes above the bar when the picture is
narrow).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from burgernet_cost.output import numbers as money
from burgernet_cost.output import svgplot as sp

COLORS = ("#1f5f8b", "#e0922f", "#3f7f32", "#9b4f96")  # own cost, contribution; the packages' lines
WIDE, NARROW = 680, 340
SMALL = sp.FONT  # the smallest text of a chart
ROW = 24  # a horizontal bar's row


def _euro(value: float) -> str:
    return money.euro(Decimal(str(round(value))), 0)


def _count(value: float) -> str:
    return money.nl_number(round(value), 0)


def _lines(text: str, width: float, size: int, bold: bool = False) -> list[str]:
    """``text`` in lines that fit ``width`` (broken at spaces)."""
    out: list[str] = []
    for word in text.split(" "):
        if out and sp.text_width(out[-1] + " " + word, size, bold) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _title(title: str, width: float) -> tuple[list[str], float]:
    """The title, wrapped; and the y below it."""
    lines = _lines(title, width, 14, bold=True)
    return [sp.text(0, 16 + 18 * k, line, size=14, weight="bold") for k, line in enumerate(lines)], 16 + 18 * (len(lines) - 1)


def _note(texts: Sequence[str], y: float, width: float) -> tuple[list[str], float]:
    """Notes under a chart from ``y`` (their first baseline), wrapped; and the last baseline."""
    out, at = [], y
    for text in texts:
        for line in _lines(text, width, SMALL):
            out.append(sp.text(0, at, line, size=SMALL))
            at += 16
    return out, at - 16


def _value_label(x: float, y: float, label: str, right: float, left: float) -> str:
    """A value beside the end of a bar at ``x``: after it, or before it when it would pass ``right``."""
    if x + 4 + sp.text_width(label, SMALL) <= right:
        return sp.text(x + 4, y, label, size=SMALL)
    return sp.text(max(left, x - 4), y, label, "end", size=SMALL, fill="#ffffff")


def _bars(
    width: float,
    top: float,
    names: Sequence[str],
    spans: Sequence[Sequence[tuple[float, float, str]]],
    labels: Sequence[str],
    central: float | None = None,
) -> tuple[list[str], float]:
    """Horizontal bars on an axis from zero, one row per name; a row is segments (start, end, fill).

    Wide: the names in a column left of the bars; narrow: each name above its bar. The axis leaves
    room for the longest value label after the longest bar. Returns the elements and the axis's y."""
    above = width < 500
    name_w = 0.0 if above else min(width * 0.4, max(sp.text_width(n, SMALL) for n in names) + 10)
    label_w = max(sp.text_width(label, SMALL) for label in labels) + 8
    end = max(e for row in spans for _s, e, _f in row)
    x = sp.Scale(end, name_w, max(40.0, width - 6 - name_w - label_w), ticks=3 if above else 5)
    row = ROW + (16 if above else 0)
    bottom = top + row * len(names)
    body = sp.value_axis(x, (top, bottom), _euro, vertical=False, width=width)
    for n, (name, segments, label) in enumerate(zip(names, spans, labels, strict=True)):
        y0 = top + row * n + (16 if above else 4)
        if above:
            body.append(sp.text(0, y0 - 4, _fit(name, width), size=SMALL))
        else:
            body.append(sp.text(name_w - 6, y0 + 12, _fit(name, name_w - 8), "end", size=SMALL))
        body += [sp.rect(x(s), y0, x(e) - x(s), ROW - 8, fill) for s, e, fill in segments]
        body.append(_value_label(x(max(e for _s, e, _f in segments)), y0 + 12, label, width - 2, name_w))
    if central is not None:
        body.append(sp.line(x(central), top - 4, x(central), bottom, COLORS[1], 2))
    body.append(sp.line(name_w, top, name_w, bottom, sp.INK))
    return body, bottom


def _fit(text: str, width: float) -> str:
    """``text`` cut with an ellipsis where it would be wider than ``width`` (a table beside the chart says it whole)."""
    if sp.text_width(text, SMALL) <= width:
        return text
    while text and sp.text_width(text + "…", SMALL) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def models_chart(ident: str, title: str, groups: Sequence[tuple[str, Sequence[tuple[str, Decimal, Decimal]]]], width: int = WIDE) -> str:
    """Stacked horizontal bars per model and package: own cost, then the contribution (hatched)."""
    head, y = _title(title, width)
    legend, y = sp.legend(0, y + 22, [(COLORS[0], "eigen kosten"), (f"url(#{ident}-streep)", "bijdrage aan de uitvoerder")], width)
    names = [f"{name} ({package})" for package, models in groups for name, _e, _b in models]
    spans = [
        [(0.0, float(e), COLORS[0]), (float(e), float(e + b), f"url(#{ident}-streep)")] for _p, models in groups for _n, e, b in models
    ]
    labels = [_euro(float(e + b)) for _p, models in groups for _n, e, b in models]
    body, bottom = _bars(width, y + 14, names, spans, labels)
    note, last = _note(["Kosten per jaar; de as begint bij nul."], bottom + 40, width)
    described = "; ".join(
        f"{name} {package}: eigen kosten {money.euro(e)}, bijdrage {money.euro(b)}, totaal {money.euro(e + b)}"
        for package, models in groups
        for name, e, b in models
    )
    return sp.svg(ident, title, described, width, last + 8, [*head, *legend, *body, *note])


def size_chart(
    ident: str,
    title: str,
    series: Sequence[tuple[str, Sequence[tuple[int, Decimal]]]],
    marked: Sequence[tuple[str, int]],
    width: int = WIDE,
) -> str:
    """Cost per year against inhabitants, both axes from zero, one line per package, marked places."""
    head, y = _title(title, width)
    legend, y = sp.legend(0, y + 22, [(COLORS[(k + 2) % 4], label) for k, (label, _p) in enumerate(series)], width)
    top = y + 20
    bottom = top + (190 if width >= 500 else 160)
    top_value = max(float(v) for _l, points in series for _n, v in points)
    ticks = 5 if width >= 500 else 3
    left = sp.text_width(_euro(sp.Scale(top_value, 0, 1, ticks=ticks).top), SMALL) + 10
    right = width - sp.text_width(_count(max(n for _l, points in series for n, _v in points) * 1.2), SMALL) / 2 - 2
    x = sp.Scale(max(n for _l, points in series for n, _v in points), left, right - left, ticks=ticks)
    v = sp.Scale(top_value, top, bottom - top, reverse=True, ticks=ticks)
    shapes, dashes = ("circle", "square"), (None, "6 3")
    body = sp.value_axis(v, (left, right), _euro, vertical=True) + sp.value_axis(x, (top, bottom), _count, vertical=False, width=width)
    for name, inhabitants in marked:
        at = x(inhabitants)
        fits = at + 4 + sp.text_width(name, SMALL) <= width - 2
        body += [
            sp.line(at, top, at, bottom, sp.MUTED, 1, "4 3"),
            sp.text(at + 4 if fits else at - 4, top + 12, name, "start" if fits else "end", size=SMALL),
        ]
    for k, (_label, points) in enumerate(series):
        color = COLORS[(k + 2) % 4]
        coords = [(x(n), v(float(val))) for n, val in points]
        body += [sp.polyline(coords, color, dashes[k % 2]), *(sp.marker(a, b, shapes[k % 2], color) for a, b in coords)]
    body.append(sp.line(left, bottom, right, bottom, sp.INK))
    note, last = _note(["Kosten per jaar (gemeentelijk model) tegen inwoners; beide assen beginnen bij nul."], bottom + 40, width)
    described = "; ".join(
        f"{label}: " + ", ".join(f"{money.nl_number(n, 0)} inwoners {money.euro(val)}" for n, val in points) for label, points in series
    )
    return sp.svg(ident, title, described, width, last + 8, [*head, *legend, *body, *note])


def members_chart(ident: str, title: str, rows: Sequence[tuple[str, Decimal]], width: int = WIDE) -> str:
    """Horizontal bars: the contribution per member (or per unit)."""
    head, y = _title(title, width)
    body, bottom = _bars(
        width, y + 14, [r[0] for r in rows], [[(0.0, float(r[1]), COLORS[0])] for r in rows], [_euro(float(r[1])) for r in rows]
    )
    note, last = _note(["Bijdrage per jaar; de as begint bij nul."], bottom + 40, width)
    described = "; ".join(f"{name}: {money.euro(v)}" for name, v in rows)
    return sp.svg(ident, title, described, width, last + 8, [*head, *body, *note])


def tornado_chart(ident: str, title: str, central: Decimal, rows: Sequence[tuple[str, Decimal, Decimal]], width: int = WIDE) -> str:
    """One bar per assumption from its low to its high result; the line is the result with the
    standard assumptions; the axis starts at zero (a range on a cut axis looks larger than it is)."""
    head, y = _title(title, width)
    labels = [f"{_euro(float(lo))} tot {_euro(float(hi))}" for _n, lo, hi in rows]
    body, bottom = _bars(
        width, y + 14, [r[0] for r in rows], [[(float(lo), float(hi), COLORS[0])] for _n, lo, hi in rows], labels, central=float(central)
    )
    note, last = _note(
        [
            "Kosten per jaar (gemeentelijk model); de as begint bij nul.",
            f"De oranje lijn is de uitkomst met de standaardaannames ({money.euro(central, 0)}).",
        ],
        bottom + 40,
        width,
    )
    described = f"standaard {money.euro(central)}; " + "; ".join(f"{name}: {money.euro(lo)} tot {money.euro(hi)}" for name, lo, hi in rows)
    return sp.svg(ident, title, described, width, last + 8, [*head, *body, *note])


def series_chart(
    ident: str, title: str, points: Sequence[tuple[int, Decimal]], events: Sequence[tuple[float, str]], width: int = WIDE
) -> str:
    """Cost per year over the years, from zero, with the timeline's events as dashed lines."""
    head, y = _title(title, width)
    top = y + 20
    bottom = top + (196 if width >= 500 else 170)
    first, last_year = points[0][0], points[-1][0]
    span = max(1, last_year - first)
    ticks = 5 if width >= 500 else 3
    v = sp.Scale(max(float(val) for _j, val in points) * 1.1, top, bottom - top, reverse=True, ticks=ticks)
    left = sp.text_width(_euro(v.top), SMALL) + 10
    right = width - sp.text_width("2000", SMALL) / 2 - 2

    def x(year: float) -> float:
        return left + (right - left) * (year - first) / span

    every = max(1, int(-(-(sp.text_width("2000", SMALL) + 8) * span // (right - left))))  # a year label every so many years
    body = sp.value_axis(v, (left, right), _euro, vertical=True)
    for year, _v in points:
        if (year - first) % every == 0 or (year == last_year and every == 1):
            body.append(sp.text(x(year), bottom + 16, str(year), "middle", size=SMALL))
    for at, label in events:
        body += [sp.line(x(at), top, x(at), bottom, sp.MUTED, 1, "4 3"), sp.text(x(at) - 3, bottom - 4, label, size=SMALL, rotate=True)]
    coords = [(x(year), v(float(val))) for year, val in points]
    body += [
        sp.polyline(coords, COLORS[0]),
        *(sp.marker(a, b, "circle", COLORS[0]) for a, b in coords),
        sp.line(left, bottom, right, bottom, sp.INK),
    ]
    note, last = _note(
        ["Kosten per jaar (gemeentelijk model); de as begint bij nul; een stippellijn is een gebeurtenis."], bottom + 40, width
    )
    described = "; ".join(f"{year}: {money.euro(value)}" for year, value in points)
    return sp.svg(ident, title, described, width, last + 8, [*head, *body, *note])
