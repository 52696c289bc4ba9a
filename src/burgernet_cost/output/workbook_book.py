"""The workbook's building blocks: formats, names, text cells whose rows grow to fit their wrapped
text, and sheet protection (every sheet locked; only input cells, yellow, stay open).

XlsxWriter does not measure text; ``Book.text`` estimates the lines a wrapped cell needs from its
column width (about one character per width unit) and ``Book.finish`` sets each row's height to
the tallest cell, so wrapped text does not overlap in Excel or LibreOffice.
"""

from __future__ import annotations

import io
import math
from decimal import Decimal
from typing import Any

EURO, EURO4, HOURS, FTE, INT = "€ #,##0.00", "€ #,##0.0000", "#,##0.0000", "0.0000", "#,##0"
LINE_HEIGHT = 15  # points per line of the default 11 pt font
DEFAULT_WIDTH = 8.43  # a column's width when none is set
PORTRAIT_WIDTH = 100  # column width units that print on a portrait A4 at a readable size


class Book:
    def __init__(self) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
        self.wb.set_properties({"title": "Burgernet: kosten van de gemeentelijke taken", "creator": "bncost"})
        f = self.wb.add_format
        self.head = f({"bold": True, "bg_color": "#DCE6F0", "border": 1, "text_wrap": True, "valign": "top"})
        self.title = f({"bold": True, "font_size": 14, "font_color": "#1F5F8B"})
        self.note = f({"italic": True, "font_color": "#5B6673", "text_wrap": True, "valign": "top"})
        self.wrap = f({"text_wrap": True, "valign": "top"})
        self.fmt: dict[tuple[str, bool, bool], Any] = {}
        self.widths: dict[tuple[str, int], float] = {}
        self.lines: dict[tuple[str, int], int] = {}

    def num(self, code: str, invoer: bool = False, bold: bool = False) -> Any:
        key = (code, invoer, bold)
        if key not in self.fmt:
            props: dict[str, Any] = {"num_format": code, "valign": "top"}
            if invoer:
                props.update({"bg_color": "#FFF2CC", "border": 1, "border_color": "#BF9000", "locked": False})
            if bold:
                props.update({"bold": True, "top": 2})
            self.fmt[key] = self.wb.add_format(props)
        return self.fmt[key]

    def name(self, name: str, sheet: str, row: int, col: int) -> str:
        from xlsxwriter.utility import xl_rowcol_to_cell

        self.wb.define_name(name, f"='{sheet}'!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}")
        return name

    def columns(self, ws: Any, first: int, last: int, width: float) -> None:
        ws.set_column(first, last, width)
        for col in range(first, last + 1):
            self.widths[(ws.name, col)] = width

    def text(self, ws: Any, row: int, col: int, text: str, fmt: Any = None, span: int = 1) -> None:
        """A wrapped text cell; its row grows to the lines it needs (``span``: columns it may use)."""
        if span > 1:  # a wrapped cell wraps within itself: merge the columns it may use
            ws.merge_range(row, col, row, col + span - 1, text, fmt if fmt is not None else self.wrap)
        else:
            ws.write_string(row, col, text, fmt if fmt is not None else self.wrap)
        width = sum(self.widths.get((ws.name, c), DEFAULT_WIDTH) for c in range(col, col + span))
        per_line = max(1, int(width * 1.1))
        needed = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        key = (ws.name, row)
        self.lines[key] = max(self.lines.get(key, 1), needed)

    def finish(self, ws: Any) -> None:
        """Row heights for wrapped text, the print setup, and the sheet protected (input cells are unlocked)."""
        for (sheet, row), n in self.lines.items():
            if sheet == ws.name and n > 1:
                ws.set_row(row, LINE_HEIGHT * n)
        self.print_setup(ws)
        ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True, "format_rows": True})

    def print_setup(self, ws: Any) -> None:
        """A4, as wide as the page (landscape when the columns are wider than a portrait page), the
        frozen rows (title and column heads) repeated on every page, the sheet's name and the page
        number in the footer."""
        used = max((col for sheet, col in self.widths if sheet == ws.name), default=0)
        width = sum(self.widths.get((ws.name, col), DEFAULT_WIDTH) for col in range(used + 1))
        ws.set_paper(9)  # A4
        if width > PORTRAIT_WIDTH:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)  # one page wide, as many long as needed
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.set_footer("&L&A&RPagina &P van &N")
        frozen = ws.panes[0] if getattr(ws, "panes", None) else 0
        if frozen:
            ws.repeat_rows(0, frozen - 1)


def cached(value: Decimal | None) -> float:
    """The cached value XlsxWriter stores next to a formula (the program recalculates it)."""
    return float(value) if value is not None else 0.0


def cell(row: int, col: int, sheet: str | None = None, absolute: bool = False) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    ref = xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)
    return f"'{sheet}'!{ref}" if sheet else ref
