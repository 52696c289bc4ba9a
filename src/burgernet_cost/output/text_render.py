"""The two renderers for people: ``table`` (the terminal) and ``markdown`` (a pull request, a memo).

Both follow the report's parts in order. The table renderer fits the width it is given (the
``COLUMNS`` variable, else the terminal): text columns wrap, figures never do, and a table that
cannot fit even so is stacked (one block per row). Lines carry no trailing spaces.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from typing import Any

from burgernet_cost.output.cells import clean, display, header_text, md, md_cell
from burgernet_cost.output.document import DISPLAY, Column, Report, Table, Text

GAP = 2  # spaces between two columns
MIN_WIDTH = 40
NBSP = "\u00a0"


def _is_numeric(c: Column) -> bool:
    return c.kind not in ("text", "check") or c.align == "right"


def _cell(row: dict[str, Any], c: Column, fmt: str) -> str:
    if c.kind == "check":
        return "☐" if fmt == "markdown" else "[ ]"
    return clean(display(row.get(c.key), c.kind, c.empty))


def width() -> int:
    """The width to fill: COLUMNS when set, else the terminal's (100 when there is none)."""
    try:
        return max(MIN_WIDTH, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return max(MIN_WIDTH, shutil.get_terminal_size((100, 24)).columns)


def wrap(text: str, size: int, indent: str = "", first: str = "") -> list[str]:
    """Word-wrap without splitting an amount ("€ 1.780,62") from its sign; only a word longer than
    the line (a long URL) is broken."""
    protected = clean(text).replace("€ ", "€" + NBSP)
    lines = textwrap.wrap(
        protected,
        width=size,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
        drop_whitespace=True,
    ) or [first.rstrip()]
    return [line.replace(NBSP, " ") for line in lines]


# --------------------------------------------------------------------------- table


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.replace("€ ", "€" + NBSP).split()), default=0)


def column_widths(columns: list[Column], body: list[list[str]], room: int) -> list[int] | None:
    """Widths that fit ``room`` (gaps included), or None when the table must be stacked.

    Figures never wrap; text wraps at spaces, the first column (the row's name) only when the
    others cannot give way. Spare room goes to the columns in proportion to what they lack."""
    natural, minimum = [], []
    for i, c in enumerate(columns):
        cells = [r[i] for r in body]
        natural.append(max([len(c.label), *(len(x) for x in cells)]))
        if _is_numeric(c):
            figures = [len(x) for x in cells if not c.empty or x != c.empty]
            minimum.append(max([_longest_word(c.label), _longest_word(c.empty), *figures]))
        else:
            minimum.append(max([_longest_word(c.label), *(_longest_word(x) for x in cells)]))
    room -= GAP * (len(columns) - 1)
    if sum(natural) <= room:
        return natural
    if sum(minimum) > room:
        return None
    if sum(minimum) - minimum[0] + natural[0] <= room:
        minimum[0] = natural[0]
    spare = room - sum(minimum)
    lacking = [n - m for n, m in zip(natural, minimum, strict=True)]
    total = sum(lacking)
    widths = [m + (spare * lack) // total for m, lack in zip(minimum, lacking, strict=True)]
    for i in sorted(range(len(widths)), key=lambda k: lacking[k] - (widths[k] - minimum[k]), reverse=True):
        if sum(widths) >= room:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
    return widths


def _cell_lines(text: str, size: int) -> list[str]:
    """A cell's text wrapped to its column (figures fit; only an overlong word is broken)."""
    if len(text) <= size:
        return [text]
    return wrap(text, size)


def _block(cells: list[str], widths: list[int], right: list[bool], bottom: bool = False) -> list[str]:
    """One table row (or the header) as lines: each cell wrapped and aligned in its column."""
    wrapped = [_cell_lines(c, w) for c, w in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped)
    padded = [([""] * (height - len(lines)) + lines) if bottom else (lines + [""] * (height - len(lines))) for lines in wrapped]
    gap = " " * GAP
    return [
        gap.join(line.rjust(w) if r else line.ljust(w) for line, w, r in zip(row, widths, right, strict=True)).rstrip()
        for row in zip(*padded, strict=True)
    ]


def _table_lines(table: Table, room: int) -> list[str]:
    columns = table.columns_for(DISPLAY)
    body = [[_cell(row, c, "table") for c in columns] for row in table.rows]
    widths = column_widths(columns, body, room)
    if widths is None:
        return _stacked(table, columns, body, room)
    right = [(c.align or ("right" if _is_numeric(c) else "left")) == "right" for c in columns]
    rule = "─" * (sum(widths) + GAP * (len(widths) - 1))
    lines = [*wrap(table.title, room)] if table.title else []
    lines += _block([c.label for c in columns], widths, right, bottom=True)
    lines.append(rule)
    for n, cells in enumerate(body):
        if table.total_rows and n == len(body) - table.total_rows:
            lines.append(rule)
        lines += _block(cells, widths, right)
    return lines


def _stacked(table: Table, columns: list[Column], body: list[list[str]], room: int) -> list[str]:
    """A table too wide for the room: one block per row, 'label: value' per column."""
    lines = [*wrap(table.title, room)] if table.title else []
    for row in body:
        lines.append("─" * min(room, 40))
        lines += wrap(row[0], room)
        for c, value in zip(columns[1:], row[1:], strict=True):
            if value:
                lines += wrap(f"{c.label}: {value}", room, "    ", "  ")
    return lines


def render_table(report: Report) -> str:
    room = width()
    out: list[str] = []

    def say(text: str, indent: str = "") -> None:
        out.extend(wrap(text, room, indent))

    say(report.title)
    for f in report.header:
        say(f"{f.label}: {header_text(f)}", "  ")
    for part in report.parts:
        if isinstance(part, Table) and DISPLAY in part.formats:
            out.append("")
            out.extend(_table_lines(part, room))
        elif isinstance(part, Text) and DISPLAY in part.formats:
            for line in part.lines:
                say(line, "  ")
    if report.uitleg:
        from burgernet_cost.output.explain import text_lines

        out.append("")
        say("Uitleg van de berekening:")
        for prefix, line in text_lines(report.uitleg, split=True):
            out.extend(wrap(line, room, prefix.replace("├─", "│ ").replace("└─", "  ") + "   ", prefix))
    if report.notes:
        out.append("")
        say("Toelichting:")
        for note in report.notes:
            say(f"- {note}", "  ")
    return "\n".join(line.rstrip() for line in out) + "\n"


# --------------------------------------------------------------------------- markdown


def render_markdown(report: Report) -> str:
    from tabulate import tabulate

    parts = [f"## {md(report.title)}", ""]
    if report.header:
        parts += [f"- **{md(f.label or '')}:** {md(header_text(f))}" for f in report.header]
        parts.append("")
    for part in report.parts:
        if isinstance(part, Table) and DISPLAY in part.formats:
            columns = part.columns_for(DISPLAY)
            if part.title:
                parts += [f"### {md(part.title)}", ""]
            rows = []
            for n, row in enumerate(part.rows):
                cells = [md_cell(_cell(row, c, "markdown")) for c in columns]
                if n >= len(part.rows) - part.total_rows:
                    cells = [f"**{x}**" if x else x for x in cells]
                rows.append(cells)
            align = [c.align or ("left" if c.kind in ("text", "check") else "right") for c in columns]
            headers = [md_cell(c.label) for c in columns]
            parts.append(tabulate(rows, headers=headers, tablefmt="pipe", colalign=align, disable_numparse=True))
            parts.append("")
        elif isinstance(part, Text) and DISPLAY in part.formats:
            parts += [f"- {md(line)}" for line in part.lines]
            parts.append("")
    if report.uitleg:
        from burgernet_cost.output.explain import markdown_lines

        parts += ["**Uitleg van de berekening**", "", *markdown_lines(report.uitleg), ""]
    if report.notes:
        parts += ["**Toelichting**", "", *(f"- {md(n)}" for n in report.notes), ""]
    return "\n".join(parts)
