"""Plain records: the validated data as the domain sees it, without pydantic.

pydantic validates a file once, at the boundary; ``to_record`` then turns each model into the record
class of the same name (``data/record_types/``, generated from the models: the same fields, typed as
the plain values they validate into), and the validated-data cache stores and restores exactly these
records as JSON (``encode``/``decode``): a warm run imports neither pydantic nor yaml.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

import burgernet_cost.data.record_types  # noqa: F401 - defines the record classes (RECORD_TYPES)
from burgernet_cost.data.record_base import RECORD_TYPES, Record

R = TypeVar("R", bound=Record)


def make(record_type: str, fields: dict[str, object]) -> Record:
    """The record of model ``record_type`` with these fields."""
    return RECORD_TYPES[record_type](fields)


def record_of(model: object, kind: type[R]) -> R:
    """A validated model as its record, checked to be of ``kind`` (the record class of the model's name)."""
    record = to_record(model)
    if not isinstance(record, kind):
        raise TypeError(f"{type(model).__name__} became {type(record).__name__}, not {kind.__name__}")
    return record


def to_record(value: object) -> object:
    """A validated pydantic model (recursively) as records; other values as they are."""
    model_fields = getattr(type(value), "model_fields", None)
    if model_fields is not None:
        return make(type(value).__name__, {name: to_record(getattr(value, name)) for name in model_fields})
    if isinstance(value, list):
        return [to_record(v) for v in value]
    if isinstance(value, dict):
        return {k: to_record(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- JSON form (the cache)


def encode_object(value: object) -> dict[str, object]:
    """``json.dumps(..., default=encode_object)``: a Record or a Decimal as JSON that
    ``decode_object`` turns back exactly (data keys never start with '$')."""
    if isinstance(value, Record):
        return {"$": value.record_type, **value._fields}
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    raise TypeError(f"cannot store {type(value).__name__}")


def decode_object(obj: dict[str, object]) -> object:
    """``json.loads(..., object_hook=decode_object)``. What ``encode_object`` cannot have written (a
    record of no known model or with other fields than its class names, a number that is not one) is
    a ValueError, as malformed JSON is: the entry is not used."""
    if "$d" in obj:
        text = obj["$d"]
        try:
            number = Decimal(text) if isinstance(text, str) else None
        except ArithmeticError:
            number = None
        if number is None or not number.is_finite():
            raise ValueError("not a stored number")
        return number
    if "$" in obj:
        fields = dict(obj)
        kind = RECORD_TYPES.get(str(fields.pop("$")))
        if kind is None or fields.keys() != kind.FIELD_NAMES:
            raise ValueError("not a stored record")
        return kind(fields)
    return obj
