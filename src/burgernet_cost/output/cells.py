"""A value of a kind, shown: display text (Dutch), machine value (json), Markdown- and HTML-safe text.

The one place where a column kind decides how a value looks (see ``document.py`` for the table
of kinds)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from burgernet_cost.errors import visible
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import Cell, Field


def display(value: Any, kind: str, empty: str = "") -> str:
    if isinstance(value, Cell):
        value, kind = value.value, value.kind
    if value is None:
        return empty
    if kind in ("text", "status"):
        return str(value)
    if kind == "bool":
        return "ja" if value else "nee"
    if kind == "int":
        return money.nl_number(value, 0)
    if kind == "hours":
        return money.hours(value)
    if kind == "fte":
        return money.fte(value)
    if kind in ("money", "per_inwoner", "rate"):
        return money.euro(value, money.KINDS[kind].shown)
    if kind == "per_inwoner_cent":
        return money.per_inwoner(value)
    if kind == "pct":
        return money.pct(value)
    raise ValueError(kind)


def machine_kind(kind: str) -> str:
    return {"per_inwoner_cent": "per_inwoner"}.get(kind, kind)


def machine(value: Any, kind: str) -> Any:
    """A value for json: numbers by the rule of their kind, nested fields as objects."""
    if isinstance(value, Cell):
        value, kind = value.value, value.kind
    if value is None:
        return None
    if kind in ("text", "status", "raw", "texts", "value"):
        return value
    if kind == "bool":
        return bool(value)
    if kind == "object":
        return fields_json(value)
    if kind == "objects":
        return [fields_json(v) for v in value]
    return money.machine(value, machine_kind(kind))


def fields_json(fields: list[Field]) -> dict[str, Any]:
    return {f.key: machine(f.value, f.kind) for f in fields if f.key is not None}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~]|&(?=#?[0-9A-Za-z]+;))")  # '&amp;' would show as '&'


def md(text: str) -> str:
    """Text that Markdown shows as written: its punctuation escaped, control characters visible."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean(text))


@functools.cache
def _html_escape() -> Callable[[str], str]:
    """html.escape, imported at its first use: only the council document needs it (html.entities
    costs ~2 ms at start-up)."""
    from html import escape

    return escape


def md_cell(text: str) -> str:
    """A table cell: as ``md``, and a line break made visible too (it would end the table's row)."""
    return md(visible(text))


def html_text(text: object) -> str:
    """Text in a page (the council document, its charts, the index): control and invisible characters
    made visible as in every other format (``clean``), then HTML-escaped."""
    return _html_escape()(clean(str(text)))


def clean(text: str) -> str:
    """Text for a terminal: control and invisible format characters (from a file name, a member
    file, …) made visible."""
    return visible(text, keep_lines=True)


def header_text(f: Field) -> str:
    return f.text if f.text is not None else display(f.value, f.kind)
