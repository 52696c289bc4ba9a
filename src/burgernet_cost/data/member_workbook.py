"""A member list saved by Excel (.xlsx): the rows of its first sheet, or of the sheet ``--blad``
names, as the CSV reader of ``member_file`` reads them. openpyxl is an optional dependency (the
``excel`` extra); when it is missing the message says how to install it."""

from __future__ import annotations

import contextvars
import datetime as dt
import warnings
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from burgernet_cost.data.reading import read_bytes
from burgernet_cost.errors import DataError, UsageProblem, quote

#: the sheet --blad chose for this run (None: the first)
SHEET: contextvars.ContextVar[str | None] = contextvars.ContextVar("blad", default=None)
MAX_ROWS = 5001  # the header and MAX_MEMBERS rows; reading stops there


class Rows:
    """The rows as lists of text, with ``line_num`` (the sheet's row number) like a csv reader."""

    class dialect:  # noqa: N801 - mirrors csv.reader's attribute
        delimiter = "cel"

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self.rows = rows
        self.line_num = 0

    def __iter__(self) -> Rows:
        return self

    def __next__(self) -> list[str]:
        row = next(self.rows)
        self.line_num += 1
        if self.line_num > MAX_ROWS:
            raise StopIteration
        return [_text(cell) for cell in row]


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
    import io

    try:
        import openpyxl
    except ImportError:
        raise DataError(
            "een Excel-bestand lezen vraagt openpyxl; installeer het met pip install 'bncost[excel]' of sla de lijst op als CSV", file=shown
        ) from None
    data = read_bytes(path, shown)  # the size limit and 'regular files only' as for every file
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns in English about styles and extensions
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as exc:
        raise DataError(f"geen leesbaar Excel-bestand (.xlsx) ({type(exc).__name__})", file=shown) from None
    wanted = SHEET.get()
    if wanted is None:
        sheet = book.worksheets[0] if book.worksheets else None
    else:
        names = book.sheetnames
        match = next((n for n in names if n == wanted), None) or next((n for n in names if n.casefold() == wanted.casefold()), None)
        if match is None:
            raise UsageProblem(f"{quote(wanted)} is geen blad van {shown} (bladen: {', '.join(quote(n, 40) for n in names)})", field="blad")
        sheet = book[match]
    if sheet is None:
        raise DataError("het Excel-bestand heeft geen bladen", file=shown)
    return Rows(sheet.iter_rows(values_only=True))
