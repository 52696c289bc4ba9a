"""The renderers: a ``Report`` (``document.py``) out as table, markdown, json or csv.

* ``table`` (default): aligned columns that fit the width, Dutch number formatting (€ 1.780,62), notes below.
* ``markdown``: the same content as Markdown (tabulate, pipe tables), Dutch formatting.
* ``json``: every field and table with a json key, in order: stable keys, dot decimals, numbers
  rounded to the places in ``numbers.MACHINE_PLACES``; ``null`` where not quantified.
* ``csv``: the report's csv table, one header row of stable column keys, dot decimals, same
  rounding as json, empty cell where not quantified.
* ``csv-nl``: the same table for a Dutch spreadsheet (Excel, LibreOffice in Dutch): ``;`` between
  fields, decimal comma, no thousands separator (so a cell is a number, not text), CRLF line ends and
  a UTF-8 byte-order mark (without it Excel reads the file as ANSI and garbles 'é' and '€').

``RENDERERS`` maps the ``--format`` choices to them, ``DOCUMENT_RENDERERS`` the council document's
(``html``, ``xlsx``); ``output/formats.py`` is the one list of formats both follow (a test checks
that). Nothing else in the package renders output.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from burgernet_cost.output import numbers as money
from burgernet_cost.output.cells import machine, machine_kind
from burgernet_cost.output.document import CSV, JSON, Cell, Field, Report, Table


def _rows_json(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    columns = table.columns_for(JSON)
    return [{c.key: machine(row.get(c.key), c.kind) for c in columns} for row in rows]


def render_json(report: Report) -> str:
    out: dict[str, Any] = {"commando": report.command}
    for part in report.parts:
        if isinstance(part, Field):
            if part.key is not None:
                out[part.key] = machine(part.value, part.kind)
        elif isinstance(part, Table) and part.key is not None and JSON in part.formats:
            body = part.rows[: len(part.rows) - part.total_rows] if part.total_key else part.rows
            out[part.key] = _rows_json(part, body)
            if part.total_key and part.total_rows:
                out[part.total_key] = _rows_json(part, part.rows[-1:])[0]
    return _plain_numbers(json.dumps(_mark_exponents(out), ensure_ascii=False, indent=2)) + "\n"


def _mark_exponents(value: Any) -> Any:
    """A float whose repr would use exponent notation (1.3e-05: a tiny rate per inhabitant) marked
    to be written as plain decimals (0.000013), the exact value it was rounded to."""
    if isinstance(value, float) and "e" in repr(value):
        from decimal import Decimal

        return f"\x00{format(Decimal(repr(value)), 'f')}\x00"
    if isinstance(value, dict):
        return {k: _mark_exponents(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_exponents(v) for v in value]
    return value


def _plain_numbers(text: str) -> str:
    if "\\u0000" not in text:
        return text
    import re

    return re.sub(r'"\\u0000(-?[0-9]+(?:\.[0-9]+)?)\\u0000"', r"\1", text)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def csv_safe(text: str) -> str:
    """A text cell that a spreadsheet would take for a formula (=, +, -, @, tab, CR, LF at the
    start, also after spaces, also in their full-width forms) gets a ' in front, as OWASP advises;
    numbers are numbers and are written as they are. Used for every text the csv holds: cells,
    and the header row (whose keys may come from a user's file)."""
    return "'" + text if text.lstrip(" \u00a0").startswith(FORMULA_START) else text


def render_csv(report: Report, nl: bool = False) -> str:
    tables = report.tables_for(CSV)
    if not tables:
        return "\ufeff" if nl else ""
    table = tables[0]
    columns = table.columns_for(CSV)
    out = io.StringIO()
    if nl:
        out.write("\ufeff")
    import csv  # only for --format csv: start-up stays light

    writer = csv.writer(out, delimiter=";" if nl else ",", lineterminator="\r\n" if nl else "\n")
    writer.writerow([csv_safe(str(c.key)) for c in columns])
    for row in table.rows:
        cells = []
        for c in columns:
            v, kind = row.get(c.key), c.kind
            if isinstance(v, Cell):
                v, kind = v.value, v.kind
            if kind == "bool":
                cells.append("" if v is None else (("ja" if v else "nee") if nl else ("true" if v else "false")))
            elif kind in ("text", "raw", "texts") or isinstance(v, str):
                cells.append(
                    "" if v is None else csv_safe(v if isinstance(v, str) else "; ".join(map(str, v)) if isinstance(v, list) else str(v))
                )
            else:
                number = money.machine_text(v, machine_kind(kind))
                cells.append(number.replace(".", ",") if nl else number)
        writer.writerow(cells)
    return out.getvalue()


def _table(report: Report) -> str:
    from burgernet_cost.output.text_render import render_table

    return render_table(report)


def _markdown(report: Report) -> str:
    from burgernet_cost.output.text_render import render_markdown

    return render_markdown(report)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "table": _table,
    "markdown": _markdown,
    "json": render_json,
    "csv": render_csv,
    "csv-nl": lambda report: render_csv(report, nl=True),
}


def render(report: Report, fmt: str) -> str:
    return RENDERERS[fmt](report)


# --------------------------------------------------------------------------- the council document


def _html(dossier: Any, ds: Any, colofon: Any) -> bytes:
    from burgernet_cost.output.rapport_html import render_html

    return render_html(dossier, ds, colofon).encode("utf-8")


def _xlsx(dossier: Any, ds: Any, colofon: Any) -> bytes:
    from burgernet_cost.output.workbook import render_workbook

    return render_workbook(dossier, ds, colofon)


#: ``bncost rapport --format``: the council document (a ``Dossier``) as a page or a workbook
DOCUMENT_RENDERERS: dict[str, Callable[[Any, Any, Any], bytes]] = {"html": _html, "xlsx": _xlsx}


def render_document(dossier: Any, ds: Any, colofon: Any, fmt: str) -> bytes:
    """The council document in ``fmt`` (html or xlsx); its libraries are loaded only here."""
    return DOCUMENT_RENDERERS[fmt](dossier, ds, colofon)
