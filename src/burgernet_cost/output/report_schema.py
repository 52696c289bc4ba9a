"""The JSON Schema of a command's json output, derived from its ``Report``: the same parts and kinds
``renderers.render_json`` writes, so the schema cannot describe another shape than the output has.

A field or column's *kind* decides its type (``KIND_TYPES``: money is a number, inhabitants an
integer, yes/no a boolean, …; every value may be ``null``: not quantified, not given). Reports of
several runs of one command (with and without ``--uitleg``, ``--bandbreedte``, …) are merged: a key
every run writes is required, one that only some write is optional; no other key is allowed. A
value that is already json (``raw``: a member list's own columns, a scenario) is described by its
shape; the explanation tree by ``explain.KNOOP_SCHEMA``.
"""

from __future__ import annotations

from typing import Any

from burgernet_cost.output.document import JSON, Cell, Field, Report, Table

NUMBER_KINDS = ("hours", "fte", "money", "per_inwoner", "per_inwoner_cent", "rate", "pct")
#: kind -> json type
KIND_TYPES: dict[str, str] = {
    **dict.fromkeys(NUMBER_KINDS, "number"),
    "int": "integer",
    "bool": "boolean",
    "text": "string",
    "status": "string",
}
#: a figure's value as the data holds it: a number, a yes/no or a text
VALUE_TYPES = ["boolean", "null", "number", "string"]

Schema = dict[str, Any]


def _types(schema: Schema) -> list[str]:
    found = schema.get("type", [])
    return [found] if isinstance(found, str) else list(found)


def _kind_schema(kind: str, value: Any) -> Schema:
    if kind in KIND_TYPES:
        return {"type": [KIND_TYPES[kind], "null"]}
    if kind == "value":
        return {"type": list(VALUE_TYPES)}
    if kind == "texts":
        return {"type": ["array", "null"], "items": {"type": "string"}}
    if kind == "object":
        return _with_null(fields_schema(value or []))
    if kind == "objects":
        schema: Schema = {"type": ["array", "null"], "items": {}}
        for item in value or []:
            schema["items"] = merge(schema["items"], fields_schema(item))
        return schema
    if kind == "raw":
        return shape(value)
    raise ValueError(f"no json schema for the kind {kind!r}")


def _with_null(schema: Schema) -> Schema:
    return {**schema, "type": sorted({*_types(schema), "null"})}


def fields_schema(fields: list[Field]) -> Schema:
    """A list of fields (json: an object) with every key required and none other allowed."""
    props = {f.key: field_schema(f) for f in fields if f.key is not None}
    return {"type": ["object"], "properties": props, "required": sorted(props), "additionalProperties": False}


def field_schema(f: Field) -> Schema:

    if f.key == "uitleg":
        return {"type": ["array"], "items": {"$ref": "#/$defs/knoop"}}
    return _kind_schema(f.kind, f.value)


def table_row_schema(table: Table, rows: list[dict[str, Any]]) -> Schema:
    """A table's row: each json column by its kind, or by the kinds of its cells (a column of mixed
    key figures)."""
    props: dict[str, Schema] = {}
    for c in table.columns_for(JSON):
        schema = _kind_schema(c.kind, None) if c.kind != "raw" else {}
        for row in rows:
            v = row.get(c.key)
            if isinstance(v, Cell):
                schema = merge(schema, _kind_schema(v.kind, v.value))
            elif c.kind == "raw":
                schema = merge(schema, shape(v))
        props[c.key] = schema or {"type": ["null"]}
    return {"type": ["object"], "properties": props, "required": sorted(props), "additionalProperties": False}


def report_schema(report: Report) -> Schema:
    """The schema of ``render_json(report)``."""
    props: dict[str, Schema] = {"commando": {"type": ["string"], "const": report.command}}
    for part in report.parts:
        if isinstance(part, Field) and part.key is not None:
            props[part.key] = field_schema(part)
        elif isinstance(part, Table) and part.key is not None and JSON in part.formats:
            body = part.rows[: len(part.rows) - part.total_rows] if part.total_key else part.rows
            props[part.key] = {"type": ["array"], "items": table_row_schema(part, body)}
            if part.total_key and part.total_rows:
                props[part.total_key] = table_row_schema(part, part.rows[-1:])
    return {"type": ["object"], "properties": props, "required": sorted(props), "additionalProperties": False}


def shape(value: Any) -> Schema:
    """The schema of a value that is already json (as ``render_json`` writes it): its own keys are
    named, others allowed (a member list's columns are the user's)."""
    if value is None:
        return {"type": ["null"]}
    if isinstance(value, bool):
        return {"type": ["boolean"]}
    if isinstance(value, str):
        return {"type": ["string"]}
    if isinstance(value, int):
        return {"type": ["integer"]}
    if isinstance(value, dict):
        props = {str(k): shape(v) for k, v in value.items()}
        return {"type": ["object"], "properties": props, "required": [], "additionalProperties": True}
    if isinstance(value, (list, tuple)):
        items: Schema = {}
        for v in value:
            items = merge(items, shape(v))
        return {"type": ["array"], "items": items}
    return {"type": ["number"]}  # a Decimal


def merge(a: Schema, b: Schema) -> Schema:
    """A schema both kinds of value satisfy: types joined, object keys joined (required: the keys
    both require), array items merged."""
    if a == b or not b:
        return a
    if not a:
        return b
    types = sorted({*_types(a), *_types(b)})
    if "integer" in types and "number" in types:
        types.remove("integer")
    out: Schema = {"type": types}
    for key in ("const",):
        if key in a and a.get(key) == b.get(key):
            out[key] = a[key]
    if "object" in types:
        pa, pb = a.get("properties", {}), b.get("properties", {})
        out["properties"] = {k: merge(pa.get(k, {}), pb.get(k, {})) for k in [*pa, *(k for k in pb if k not in pa)]}
        ra = set(a["required"]) if "required" in a else set(pb)
        rb = set(b["required"]) if "required" in b else set(pa)
        out["required"] = sorted(ra & rb)
        out["additionalProperties"] = bool(a.get("additionalProperties", "properties" not in a)) or bool(
            b.get("additionalProperties", "properties" not in b)
        )
    if "array" in types:
        out["items"] = merge(a.get("items", {}), b.get("items", {}))
    return out


def document(schema: Schema, command: str, name: str) -> Schema:
    """The schema file of a command's json output."""
    from burgernet_cost.output.explain import KNOOP_SCHEMA

    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://bncost.invalid/schemas/{name}",
        "title": f"bncost {command} --format json",
        **finish(schema),
    }
    if "uitleg" in schema.get("properties", {}):
        out["$defs"] = {"knoop": KNOOP_SCHEMA}
    return out


def with_calibration(schema: Schema) -> Schema:
    """Any command on data that no longer reproduces the report may add "kalibratie" (``cli/writing.py``)."""
    from burgernet_cost.output.views.common import calibration_field

    return {**schema, "properties": {**schema["properties"], "kalibratie": field_schema(calibration_field(""))}}


def finish(schema: Schema) -> Schema:
    """One-element type lists as a plain type (as people write schemas); keys sorted by the writer."""
    out: Schema = {}
    for key, value in schema.items():
        if key == "type" and isinstance(value, list) and len(value) == 1:
            out[key] = value[0]
        elif key == "properties":
            out[key] = {k: finish(v) for k, v in value.items()}
        elif key == "items" and isinstance(value, dict):
            out[key] = finish(value) if value else {}
        else:
            out[key] = value
    return out
