"""The charts of ``bncost rapport`` as inline SVG (drawn by ``svgplot.py``).

Every amount axis starts at zero. Every chart gets a ``<title>`` and a ``<desc>`` with its numbers
(the page puts the same numbers in a table next to it), and colour is never the only carrier: the
contribution is hatched, lines differ in marker and dash, the central value is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from burgernet_cost.output import numbers as money
from burgernet_cost.output import svgplot as sp

COLORS = ("#1f5f8b", "#e0922f", "#3f7f32", "#9b4f96")  # own cost, contribution; the packages' lines
WIDTH = 680


def _euro(value: float) -> str:
    return money.euro(Decimal(str(round(value))), 0)


def _count(value: float) -> str:
    return money.nl_number(round(value), 0)


def _title(title: str) -> str:
    return sp.text(0, 16, title, size=14, weight="bold")


def models_chart(ident: str, title: str, groups: Sequence[tuple[str, Sequence[tuple[str, Decimal, Decimal]]]]) -> str:
    """Stacked bars per model (own cost, contribution, hatched), one group per package."""
    bars = [(name, package, float(e), float(b)) for package, models in groups for name, e, b in models]
    height, top, bottom, left = 300, 56, 250, 78
    y = sp.Scale(max(e + b for _n, _p, e, b in bars) * 1.08, top, bottom - top, reverse=True)
    body = [_title(title), *sp.legend(left, 38, [(COLORS[0], "eigen kosten"), (f"url(#{ident}-streep)", "bijdrage aan de uitvoerder")])]
    body += sp.value_axis(y, (left, WIDTH - 10), _euro, vertical=True)
    slot = (WIDTH - 10 - left) / len(bars)
    for n, (name, package, own, contribution) in enumerate(bars):
        x = left + slot * n + slot * 0.2
        w = slot * 0.6
        body += [
            sp.rect(x, y(own), w, bottom - y(own), COLORS[0]),
            sp.rect(x, y(own + contribution), w, y(own) - y(own + contribution), f"url(#{ident}-streep)"),
            sp.text(x + w / 2, y(own + contribution) - 4, _euro(own + contribution), "middle", size=11),
            sp.text(x + w / 2, bottom + 16, name, "middle", size=11),
            sp.text(x + w / 2, bottom + 30, f"({package})", "middle", size=11),
        ]
    body += [sp.line(left, bottom, WIDTH - 10, bottom, sp.INK), sp.text(0, height - 4, "Kosten per jaar; de as begint bij nul.", size=11)]
    described = "; ".join(
        f"{name} {package}: eigen kosten {money.euro(e)}, bijdrage {money.euro(b)}, totaal {money.euro(e + b)}"
        for package, models in groups
        for name, e, b in models
    )
    return sp.svg(ident, title, described, WIDTH, height, body)


def size_chart(
    ident: str, title: str, series: Sequence[tuple[str, Sequence[tuple[int, Decimal]]]], marked: Sequence[tuple[str, int]]
) -> str:
    """Cost per year against inhabitants, both axes from zero, one line per package, marked places."""
    height, top, bottom, left = 290, 50, 240, 78
    x = sp.Scale(max(n for _l, points in series for n, _v in points), left, WIDTH - 20 - left)
    y = sp.Scale(max(float(v) for _l, points in series for _n, v in points), top, bottom - top, reverse=True)
    shapes, dashes = ("circle", "square"), (None, "6 3")
    body = [_title(title), *sp.legend(left, 36, [(COLORS[(k + 2) % 4], label) for k, (label, _p) in enumerate(series)])]
    body += sp.value_axis(y, (left, WIDTH - 20), _euro, vertical=True) + sp.value_axis(x, (top, bottom), _count, vertical=False)
    for name, inhabitants in marked:
        body += [
            sp.line(x(inhabitants), top, x(inhabitants), bottom, sp.MUTED, 1, "4 3"),
            sp.text(x(inhabitants) + 4, top + 12, name, size=11),
        ]
    for k, (_label, points) in enumerate(series):
        color = COLORS[(k + 2) % 4]
        coords = [(x(n), y(float(v))) for n, v in points]
        body += [sp.polyline(coords, color, dashes[k % 2]), *(sp.marker(a, b, shapes[k % 2], color) for a, b in coords)]
    body += [
        sp.line(left, bottom, WIDTH - 20, bottom, sp.INK),
        sp.text(0, height - 4, "Kosten per jaar (gemeentelijk model) tegen inwoners; beide assen beginnen bij nul.", size=11),
    ]
    described = "; ".join(
        f"{label}: " + ", ".join(f"{money.nl_number(n, 0)} inwoners {money.euro(v)}" for n, v in points) for label, points in series
    )
    return sp.svg(ident, title, described, WIDTH, height, body)


def _horizontal(
    ident: str,
    title: str,
    names: Sequence[str],
    spans: Sequence[tuple[float, float]],
    labels: Sequence[str],
    note: Sequence[str],
    central: float | None = None,
) -> tuple[list[str], float]:
    """Horizontal bars from ``spans`` (start, end), one row per name, on an axis from zero."""
    left = min(260.0, max(sp.text_width(n, 11) for n in names) + 12)
    top, row = 34, 22
    bottom = top + row * len(names)
    x = sp.Scale(max(end for _s, end in spans) * 1.15, left, WIDTH - 20 - left)
    body = [_title(title), *sp.value_axis(x, (top, bottom), _euro, vertical=False)]
    for n, (name, (start, end), label) in enumerate(zip(names, spans, labels, strict=True)):
        y0 = top + row * n + 4
        body += [
            sp.text(left - 6, y0 + 11, name, "end", size=11),
            sp.rect(x(start), y0, x(end) - x(start), row - 8, COLORS[0]),
            sp.text(x(end) + 4, y0 + 11, label, size=11),
        ]
    if central is not None:
        body.append(sp.line(x(central), top - 4, x(central), bottom, COLORS[1], 2))
    body += [sp.line(left, top, left, bottom, sp.INK), *(sp.text(0, bottom + 38 + 15 * k, t, size=11) for k, t in enumerate(note))]
    return body, bottom + 44 + 15 * (len(note) - 1)


def members_chart(ident: str, title: str, rows: Sequence[tuple[str, Decimal]]) -> str:
    """Horizontal bars: the contribution per member (or per unit)."""
    body, height = _horizontal(
        ident,
        title,
        [r[0] for r in rows],
        [(0.0, float(r[1])) for r in rows],
        [money.euro(r[1], 0) for r in rows],
        ["Bijdrage per jaar; de as begint bij nul."],
    )
    described = "; ".join(f"{name}: {money.euro(v)}" for name, v in rows)
    return sp.svg(ident, title, described, WIDTH, height, body)


def tornado_chart(ident: str, title: str, central: Decimal, rows: Sequence[tuple[str, Decimal, Decimal]]) -> str:
    """One bar per assumption from its low to its high result; the line is the result with the
    standard assumptions; the axis starts at zero (a range on a cut axis looks larger than it is)."""
    labels = [f"{money.euro(lo, 0)} tot {money.euro(hi, 0)}" for _n, lo, hi in rows]
    body, height = _horizontal(
        ident,
        title,
        [r[0] for r in rows],
        [(float(lo), float(hi)) for _n, lo, hi in rows],
        labels,
        [
            "Kosten per jaar (gemeentelijk model); de as begint bij nul.",
            f"De oranje lijn is de uitkomst met de standaardaannames ({money.euro(central, 0)}).",
        ],
        central=float(central),
    )
    described = f"standaard {money.euro(central)}; " + "; ".join(f"{name}: {money.euro(lo)} tot {money.euro(hi)}" for name, lo, hi in rows)
    return sp.svg(ident, title, described, WIDTH, height, body)


def series_chart(ident: str, title: str, points: Sequence[tuple[int, Decimal]], events: Sequence[tuple[float, str]]) -> str:
    """Cost per year over the years, from zero, with the timeline's events as dashed lines."""
    height, top, bottom, left = 300, 34, 230, 78
    first, last = points[0][0], points[-1][0]
    span = max(1, last - first)

    def x(year: float) -> float:
        return left + (WIDTH - 30 - left) * (year - first) / span

    y = sp.Scale(max(float(v) for _j, v in points) * 1.1, top, bottom - top, reverse=True)
    body = [_title(title), *sp.value_axis(y, (left, WIDTH - 30), _euro, vertical=True)]
    for year, _v in points:
        body.append(sp.text(x(year), bottom + 16, str(year), "middle", size=11))
    for at, label in events:
        body += [sp.line(x(at), top, x(at), bottom, sp.MUTED, 1, "4 3"), sp.text(x(at) - 3, bottom - 4, label, size=10, rotate=True)]
    coords = [(x(year), y(float(v))) for year, v in points]
    body += [
        sp.polyline(coords, COLORS[0]),
        *(sp.marker(a, b, "circle", COLORS[0]) for a, b in coords),
        sp.line(left, bottom, WIDTH - 30, bottom, sp.INK),
        sp.text(0, height - 30, "Kosten per jaar (gemeentelijk model); de as begint bij nul; een stippellijn is een gebeurtenis.", size=11),
    ]
    described = "; ".join(f"{year}: {money.euro(value)}" for year, value in points)
    return sp.svg(ident, title, described, WIDTH, height - 20, body)
