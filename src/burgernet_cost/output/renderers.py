"""One renderer for every command: a ``Report`` out, in table, markdown, json or csv.

* ``table`` (default): rich tables, Dutch number formatting (€ 1.780,62), notes below.
* ``markdown``: the same content as Markdown (tabulate, pipe tables), Dutch formatting.
* ``json``: the command's machine payload (``Report.data``): stable keys, dot decimals, numbers
  rounded to the places in ``money.MACHINE_PLACES``; ``null`` where not quantified.
* ``csv``: the main table (``Report.csv``, else the first), one header row of stable column keys, dot
  decimals, same rounding as json, empty cell where not quantified.

Commands build a ``Report``; nothing else in the package writes to stdout.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from burgernet_cost.output import numbers as money


@dataclass(frozen=True)
class Column:
    key: str  # machine name (csv header)
    label: str  # Dutch heading (table, markdown)
    kind: str = "text"  # text, int, hours, fte, money, per_inwoner, per_inwoner_cent, rate, pct
    empty: str = ""  # shown where the value is None
    align: str | None = None  # "left"/"right"; default: left for text, right for numbers


@dataclass
class Table:
    columns: list[Column]
    rows: list[dict[str, Any]]
    title: str | None = None
    total_rows: int = 0  # the last N rows are totals (shown bold / separated)


@dataclass
class Report:
    title: str
    header: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    csv: Table | None = None  # the machine table for csv; default: the first table
    uitleg: list[Any] | None = None  # explain.Stap trees (--uitleg)


def display(value: Any, kind: str, empty: str = "") -> str:
    if value is None:
        return empty
    if kind == "text":
        return str(value)
    if kind == "int":
        return money.nl_number(value, 0)
    if kind == "hours":
        return money.hours(value)
    if kind == "fte":
        return money.fte(value)
    if kind == "money":
        return money.euro(value)
    if kind == "per_inwoner":
        return money.euro(value, 4)
    if kind == "per_inwoner_cent":
        return money.per_inwoner(value)
    if kind == "rate":
        return money.euro(value, 4)
    if kind == "pct":
        return money.pct(value)
    raise ValueError(kind)


def _machine_kind(kind: str) -> str:
    return {"per_inwoner_cent": "per_inwoner"}.get(kind, kind)


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return render_json(report)
    if fmt == "csv":
        return render_csv(report)
    if fmt == "markdown":
        return render_markdown(report)
    return render_table(report)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def render_json(report: Report) -> str:
    return json.dumps(report.data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def render_csv(report: Report) -> str:
    out = io.StringIO()
    if not report.tables and report.csv is None:
        return ""
    table = report.csv or report.tables[0]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.rows:
        cells = []
        for c in table.columns:
            v = row.get(c.key)
            if c.kind == "text":
                cells.append("" if v is None else str(v))
            else:
                cells.append(money.machine_text(v, _machine_kind(c.kind)))
        writer.writerow(cells)
    return out.getvalue()


def render_markdown(report: Report) -> str:
    from tabulate import tabulate

    parts = [f"## {report.title}", ""]
    if report.header:
        for k, v in report.header:
            parts.append(f"- **{k}:** {v}")
        parts.append("")
    for table in report.tables:
        if table.title:
            parts += [f"### {table.title}", ""]
        rows = []
        for n, row in enumerate(table.rows):
            cells = [display(row.get(c.key), c.kind, c.empty).replace("|", "\\|") for c in table.columns]
            if n >= len(table.rows) - table.total_rows:
                cells = [f"**{x}**" if x else x for x in cells]
            rows.append(cells)
        align = [c.align or ("left" if c.kind == "text" else "right") for c in table.columns]
        parts.append(tabulate(rows, headers=[c.label for c in table.columns], tablefmt="pipe", colalign=align, disable_numparse=True))
        parts.append("")
    if report.uitleg:
        from burgernet_cost.output.explain import markdown_lines

        parts += ["**Uitleg van de berekening**", "", *markdown_lines(report.uitleg), ""]
    if report.notes:
        parts.append("**Toelichting**")
        parts.append("")
        parts += [f"- {n}" for n in report.notes]
        parts.append("")
    return "\n".join(parts)


def render_table(report: Report) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable

    cells = [
        [[display(row.get(c.key), c.kind, c.empty) for c in table.columns] for row in table.rows] for table in report.tables
    ]
    # Never cut a figure: if the natural width of a table exceeds the terminal, widen the output.
    needed = 0
    for table, body in zip(report.tables, cells):
        widths = [max([len(c.label)] + [len(r[i]) for r in body]) for i, c in enumerate(table.columns)]
        text_cols = [i for i, c in enumerate(table.columns) if c.kind == "text" and i > 0]
        # long free-text columns may wrap (to 40); numbers and the first column may not
        natural = sum(min(w, 40) if i in text_cols else w for i, w in enumerate(widths))
        needed = max(needed, natural + 3 * len(widths))
    console = Console(file=io.StringIO(), width=max(_width(), needed), force_terminal=False, color_system=None,
                      highlight=False)
    width = console.width

    def say(text: str, indent: str = "", style: str | None = None) -> None:
        for line in wrap(text, width, indent):
            console.print(line, markup=False, soft_wrap=True, style=style)

    say(report.title, style="bold")
    for k, v in report.header:
        say(f"{k}: {v}", "  ")
    for table, body in zip(report.tables, cells):
        console.print()
        rt = RichTable(title=table.title, box=box.HORIZONTALS, title_justify="left", show_edge=False, pad_edge=False)
        for i, c in enumerate(table.columns):
            numeric = c.kind != "text" or c.align == "right"
            rt.add_column(c.label, justify=c.align or ("right" if numeric else "left"), overflow="fold", no_wrap=numeric or i == 0)
        for n, row in enumerate(body):
            is_total = n >= len(body) - table.total_rows
            rt.add_row(*row, end_section=(n == len(body) - table.total_rows - 1), style="bold" if is_total else None)
        console.print(rt)
    if report.uitleg:
        from burgernet_cost.output.explain import text_lines

        console.print()
        say("Uitleg van de berekening:")
        for prefix, line in text_lines(report.uitleg, split=True):
            say(prefix + line, prefix.replace("├─", "│ ").replace("└─", "  ") + "   ")
    if report.notes:
        console.print()
        say("Toelichting:")
        for note in report.notes:
            say(f"- {note}", "  ")
    return console.file.getvalue()  # type: ignore[attr-defined]


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Word-wrap for the terminal without ever splitting an amount ("€ 1.780,62") from its sign."""
    import textwrap

    protected = text.replace("€ ", "€\u00a0").replace("-€\u00a0", "-€\u00a0")
    lines = textwrap.wrap(protected, width=width, subsequent_indent=indent, break_long_words=False,
                          break_on_hyphens=False, drop_whitespace=True) or [""]
    return [line.replace("\u00a0", " ") for line in lines]


def _width() -> int:
    import os
    import shutil

    try:
        return max(80, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return max(100, min(shutil.get_terminal_size((120, 24)).columns, 160))
