"""The charts of ``bncost rapport``, drawn by matplotlib as inline SVG.

matplotlib is imported here only, inside the functions (``bncost --help`` and every other command
never load it). The object API (``Figure``) is used, not pyplot: no global state, no GUI backend.
Text stays text in the SVG (selectable, readable by a screen reader), numbers are Dutch
(``€ 1.234``, ``10.000``), and every chart gets a ``<title>`` and a ``<desc>`` with its text
alternative; the page puts the same numbers in a table next to it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Any

from burgernet_cost.output import numbers as money

COLORS = ("#1f5f8b", "#e0922f", "#5a9e4b", "#9b4f96")  # own cost, contribution; also basis / volledig


class ChartsUnavailable(Exception):
    """matplotlib is not installed."""


def _matplotlib() -> Any:
    """matplotlib, kept inside: the user's matplotlib settings (MPLBACKEND, MATPLOTLIBRC, a
    matplotlibrc in the working folder) do not change or break our charts, and its English
    remarks (an unwritable MPLCONFIGDIR or home folder, a font cache being built, bad keys, missing
    glyphs) never reach the user's terminal."""
    import logging
    import os
    import warnings

    for name in ("MPLBACKEND", "MATPLOTLIBRC"):  # only our SVG output is used; no GUI, no rc of the user's
        os.environ.pop(name, None)
    log = logging.getLogger("matplotlib")
    log.setLevel(logging.CRITICAL + 1)
    log.propagate = False
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    warnings.filterwarnings("ignore", module=r"matplotlib(\..*)?$")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import matplotlib
            from matplotlib.figure import Figure  # noqa: F401 - imported here, inside the guard
    except ImportError as exc:  # the optional extra is missing
        raise ChartsUnavailable(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a broken setting of the user's environment
        raise ChartsUnavailable(f"matplotlib kon niet starten ({type(exc).__name__})") from None
    matplotlib.rcParams.update(matplotlib.rcParamsDefault)  # a matplotlibrc in the working folder changes nothing
    return matplotlib


def _figure(width: float = 7.0, height: float = 3.6) -> tuple[Any, Any]:
    matplotlib = _matplotlib()
    from matplotlib.figure import Figure

    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "bncost", "font.family": "sans-serif",
                                "font.size": 9, "axes.spines.top": False, "axes.spines.right": False})
    fig = Figure(figsize=(width, height))
    return fig, fig.add_subplot()


def _euro_axis(axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: money.euro(Decimal(str(round(v))), 0)))


def _count_axis(axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: money.nl_number(int(round(v)), 0)))


def _null() -> Any:
    from matplotlib.ticker import NullFormatter

    return NullFormatter()


def _svg(fig: Any, ident: str, title: str, description: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<svg ", f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" ', text, count=1)
    head = f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(description)}</desc>'
    return re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + head, text, count=1)


def models_chart(ident: str, title: str, groups: Sequence[tuple[str, Sequence[tuple[str, Decimal, Decimal]]]]) -> str:
    """Stacked bars per model (own cost, contribution), one group per package."""
    fig, ax = _figure()
    labels, own, contribution = [], [], []
    for package, models in groups:
        for name, eigen, bijdrage in models:
            labels.append(f"{name}\n({package})")
            own.append(float(eigen))
            contribution.append(float(bijdrage))
    positions = list(range(len(labels)))
    ax.bar(positions, own, color=COLORS[0], label="eigen kosten")
    ax.bar(positions, contribution, bottom=own, color=COLORS[1], label="bijdrage aan de uitvoerder")
    ax.set_xticks(positions, labels)
    ax.set_ylabel("kosten per jaar")
    _euro_axis(ax.yaxis)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    ax.set_title(title, loc="left")
    described = "; ".join(f"{name} {package}: eigen kosten {money.euro(e)}, bijdrage {money.euro(b)}, totaal {money.euro(e + b)}"
                          for package, models in groups for name, e, b in models)
    return _svg(fig, ident, title, described)


def size_chart(ident: str, title: str, series: Sequence[tuple[str, Sequence[tuple[int, Decimal]]]],
               marked: Sequence[tuple[str, int]]) -> str:
    """Cost per year against inhabitants (log axis), one line per package, marked points."""
    fig, ax = _figure()
    for n, (label, points) in enumerate(series):
        ax.plot([p[0] for p in points], [float(p[1]) for p in points], marker="o", markersize=3,
                color=COLORS[(n + 2) % len(COLORS)], label=label)
    for name, inhabitants in marked:
        ax.axvline(inhabitants, color="#888", linewidth=0.8, linestyle="--")
        ax.annotate(name, (inhabitants, 0), xytext=(3, 3), textcoords="offset points", fontsize=8,
                    xycoords=("data", "axes fraction"))
    ax.set_xscale("log")
    ax.set_yscale("log")  # cost is proportional to inhabitants: a straight line
    _count_axis(ax.xaxis)
    _euro_axis(ax.yaxis)
    ax.yaxis.set_minor_formatter(_null())
    ax.xaxis.set_minor_formatter(_null())
    ax.set_xlabel("inwoners (logaritmische schaal)")
    ax.set_ylabel("kosten per jaar (gemeentelijk model)")
    ax.legend(frameon=False)
    ax.set_title(title, loc="left")
    described = "; ".join(f"{label}: " + ", ".join(f"{money.nl_number(n, 0)} inwoners {money.euro(v)}" for n, v in points)
                          for label, points in series)
    return _svg(fig, ident, title, described)


def members_chart(ident: str, title: str, rows: Sequence[tuple[str, Decimal]]) -> str:
    """Horizontal bars: the contribution per member (or per unit)."""
    height = max(2.4, 0.22 * len(rows) + 1.0)
    fig, ax = _figure(7.0, height)
    names = [r[0] for r in rows][::-1]
    values = [float(r[1]) for r in rows][::-1]
    ax.barh(range(len(rows)), values, color=COLORS[1])
    ax.set_yticks(range(len(rows)), names)
    _euro_axis(ax.xaxis)
    ax.set_xlabel("bijdrage per jaar")
    ax.set_title(title, loc="left")
    described = "; ".join(f"{name}: {money.euro(v)}" for name, v in rows)
    return _svg(fig, ident, title, described)


def tornado_chart(ident: str, title: str, central: Decimal, rows: Sequence[tuple[str, Decimal, Decimal]]) -> str:
    """One bar per assumption from its low to its high result, around the central value."""
    fig, ax = _figure(7.0, max(2.0, 0.5 * len(rows) + 1.0))
    names = [r[0] for r in rows][::-1]
    lows = [float(r[1]) for r in rows][::-1]
    highs = [float(r[2]) for r in rows][::-1]
    ax.barh(range(len(rows)), [h - lo for lo, h in zip(lows, highs)], left=lows, color=COLORS[0])
    ax.axvline(float(central), color=COLORS[1], linewidth=1.5)
    ax.set_yticks(range(len(rows)), names)
    _euro_axis(ax.xaxis)
    ax.set_xlabel("kosten per jaar (gemeentelijk model); de lijn is de uitkomst met de standaardaannames")
    ax.set_title(title, loc="left")
    described = f"standaard {money.euro(central)}; " + "; ".join(f"{name}: {money.euro(lo)} tot {money.euro(hi)}" for name, lo, hi in rows)
    return _svg(fig, ident, title, described)


def series_chart(ident: str, title: str, points: Sequence[tuple[int, Decimal]], events: Sequence[tuple[float, str]]) -> str:
    """Cost per year over the years, with the timeline's events marked."""
    fig, ax = _figure()
    ax.plot([p[0] for p in points], [float(p[1]) for p in points], marker="o", markersize=3, color=COLORS[0])
    for year, label in events:
        ax.axvline(year, color="#888", linewidth=0.8, linestyle="--")
        ax.annotate(label, (year, 0), xytext=(3, 3), textcoords="offset points", fontsize=7, rotation=90,
                    xycoords=("data", "axes fraction"), va="bottom")
    ax.set_xticks([p[0] for p in points], [str(p[0]) for p in points])
    _euro_axis(ax.yaxis)
    ax.set_ylabel("kosten per jaar (gemeentelijk model)")
    ax.set_title(title, loc="left")
    described = "; ".join(f"{year}: {money.euro(value)}" for year, value in points)
    return _svg(fig, ident, title, described)
