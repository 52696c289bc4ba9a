"""A member list saved by Excel (.xlsx), read as Excel shows it: the active sheet (when that is
hidden, the first visible one), or the sheet ``--blad`` names; every row with data, wherever it
lies (a stale size recorded in the file, empty rows in between and the row limit's count of
members only, never of empty rows, change nothing). A cell is read as the value Excel last stored:
a formula whose result was never stored (a file written by a script and not opened in Excel) is
refused with its cell, never read as empty (that would put the CBS figure in the user's place). A
file that is not a readable workbook is one Dutch line (exit 1). openpyxl is an optional dependency
(the ``excel`` extra); when it is missing the message says how to install it."""

from __future__ import annotations

import contextvars
import datetime as dt
import warnings
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from burgernet_cost.data.reading import read_bytes
from burgernet_cost.errors import DataError, UsageProblem, quote

#: the sheet --blad chose for this run (None: the sheet Excel opens with)
SHEET: contextvars.ContextVar[str | None] = contextvars.ContextVar("blad", default=None)
MAX_UNPACKED = 200 * 1024 * 1024  # the workbook's parts unpacked: more is not a member list (a zip bomb)
#: remarks made while choosing the sheet (member_file passes them on with its own)
NOTES: list[str] = []


def unreadable(shown: str, exc: BaseException | None = None) -> DataError:
    """A workbook that cannot be read exactly (BNCOST_DEBUG=1 shows why in Python's words)."""
    import os

    if exc is not None and os.environ.get("BNCOST_DEBUG", "").strip() == "1":
        raise exc
    return DataError("geen leesbaar Excel-bestand (.xlsx); open het in Excel en sla het opnieuw op, of sla de lijst op als CSV", file=shown)


class Rows:
    """The rows as lists of text, with ``line_num`` (the sheet's row number) like a csv reader."""

    class dialect:  # mirrors csv.reader's attribute
        delimiter = "cel"

    def __init__(self, rows: Iterator[tuple[Any, ...]], formulas: Iterator[tuple[Any, ...]], shown: str) -> None:
        self.rows = rows
        self.formulas = formulas
        self.shown = shown
        self.line_num = 0

    def __iter__(self) -> Rows:
        return self

    def __next__(self) -> list[str]:
        try:
            row = next(self.rows)
            formulas = next(self.formulas, ())
        except StopIteration:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged part
            raise unreadable(self.shown, exc) from None
        self.line_num += 1
        for column, (value, formula) in enumerate(zip(row, formulas, strict=False), start=1):
            if value is None and _is_formula(formula):
                from openpyxl.utils import get_column_letter

                cell = f"{get_column_letter(column)}{self.line_num}"
                raise DataError(
                    f"cel {cell} bevat een formule zonder opgeslagen uitkomst (het bestand is niet in Excel opgeslagen); "
                    "open het in Excel en sla het op, of zet het getal zelf in de cel",
                    file=self.shown,
                    line=self.line_num,
                )
        return [_text(cell) for cell in row]


def _is_formula(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith("=")
    return value is not None and type(value).__name__ in ("ArrayFormula", "DataTableFormula")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (float, Decimal)):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return str(value)


def workbook_rows(path: Path, shown: str) -> Rows:
    try:
        import openpyxl  # noqa: F401 - only to say when it is missing
    except ImportError:
        raise DataError(
            "een Excel-bestand lezen vraagt openpyxl; installeer het met pip install 'bncost[excel]' of sla de lijst op als CSV", file=shown
        ) from None
    data = read_bytes(path, shown)  # the size limit and 'regular files only' as for every file
    values = _open(data, shown, data_only=True)
    formulas = _open(data, shown, data_only=False)  # the same file, to see the formulas behind empty values
    name = _sheet(values, shown)
    sheets = [book[name] for book in (values, formulas)]
    try:
        for sheet in sheets:
            sheet.reset_dimensions()  # the size the file records may be stale: read every row it holds
        rows = [sheet.iter_rows(min_row=1, values_only=True) for sheet in sheets]
    except Exception as exc:
        raise unreadable(shown, exc) from None
    return Rows(rows[0], rows[1], shown)


def _open(data: bytes, shown: str, data_only: bool) -> Any:
    import io
    import zipfile

    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise DataError("het Excel-bestand is uitgepakt te groot voor een ledenlijst", file=shown)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about styles and extensions
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except DataError:
        raise
    except Exception as exc:  # a damaged file raises anything from zipfile, xml or openpyxl
        raise unreadable(shown, exc) from None


def _sheet(book: Any, shown: str) -> str:
    """The sheet to read: --blad, else the one Excel opens with (the active sheet if visible)."""
    try:
        names = list(book.sheetnames)
        visible = [ws.title for ws in book.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
        active = book.active
    except Exception as exc:
        raise unreadable(shown, exc) from None
    if not names:
        raise DataError("het Excel-bestand heeft geen bladen", file=shown)
    wanted = SHEET.get()
    if wanted is not None:
        match = next((n for n in names if n == wanted), None) or next((n for n in names if n.casefold() == wanted.casefold()), None)
        if match is None:
            raise UsageProblem(f"{quote(wanted)} is geen blad van {shown} (bladen: {', '.join(quote(n, 40) for n in names)})", field="blad")
        return str(match)
    if not visible:
        raise DataError("het Excel-bestand heeft geen zichtbaar blad; kies een blad met --blad", file=shown)
    name = str(active.title if active is not None and active.title in visible else visible[0])
    if len(names) > 1:
        NOTES.append(f"{shown}: blad {quote(name, 40)} gelezen (het blad dat Excel toont); een ander blad kiest u met --blad")
    return name
