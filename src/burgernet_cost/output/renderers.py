"""The renderers: a ``Report`` (``document.py``) out as table, markdown, json or csv.

* ``table`` (default): aligned columns that fit the width, Dutch number formatting (€ 1.780,62), notes below.
* ``markdown``: the same content as Markdown (tabulate, pipe tables), Dutch formatting.
* ``json``: every field and table with a json key, in order: stable keys; numbers are json numbers,
  yes/no is ``true``/``false``, ``null`` where not quantified. A result's number is its Decimal rounded
  half up to the places of its kind (``numbers.MACHINE_PLACES``: euros 2, per inhabitant 6, hours,
  fte, rate and percent 4) and written digit for digit (``json_text``: never through a float, never
  in exponent notation: 9861.47, 6.0000); a figure read from the data and a step of ``uitleg`` are
  written exactly as the data holds or the calculation computed them (all digits). Each command's
  json has a JSON Schema (``cli/output_schemas.py``, ``bncost schema COMMANDO``).
* ``csv``: the report's csv table, one header row of stable column keys, the same number text as
  json, empty cell where not quantified. Only data rows: a total is not a row of ``csv`` (summing a
  column gives it; json has it under its own key, csv-nl and the table show it).
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
from decimal import Decimal
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
    return json_text(out) + "\n"


def json_text(value: Any, indent: str = "") -> str:
    """``value`` as json, laid out as ``json.dumps(indent=2, ensure_ascii=False)`` does, with a
    Decimal written as its own digits (``numbers.decimal_text``): 9861.47 stays 9861.47, 1E+16 is
    written 10000000000000000. A float is refused: a number reaches json as a Decimal or an int."""
    if value is None or isinstance(value, (bool, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Decimal):
        return money.decimal_text(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {json_text(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + json_text(v, inner) for v in value) + "\n" + indent + "]"
    raise TypeError(f"no json for {type(value).__name__}")


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
    # csv is tidy: only data rows, so that a column's sum is its total; csv-nl (for people) keeps the totals
    rows = table.rows if nl or not table.total_rows else table.rows[: len(table.rows) - table.total_rows]
    for row in rows:
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
