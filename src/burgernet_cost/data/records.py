"""Plain records: the validated data as the domain sees it, without pydantic.

pydantic validates a file once, at the boundary; ``to_record`` then turns the models into
``Record`` objects with the same attribute names (so the model classes serve as their types), and
the validated-data cache stores and restores exactly these records as JSON (``encode``/``decode``):
a warm run imports neither pydantic nor yaml.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def short_source(sectie: str | None, urls: list[str], document: str | None) -> str:
    """Short human citation: '§4.1.2' or the first URL (shared by the model and the record)."""
    if sectie:
        return sectie if sectie.lower().startswith(("bijlage", "rapport")) else "§" + sectie.replace("; ", ", §")
    if urls:
        return urls[0]
    return document or ""


class Record:
    """An immutable record: attribute access over its fields, and the name of the model it came from."""

    __slots__ = ("_fields", "record_type")

    def __init__(self, record_type: str, fields: dict[str, Any]) -> None:
        object.__setattr__(self, "record_type", record_type)
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{self.record_type} has no field {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self.record_type} is immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and (self.record_type, self._fields) == (other.record_type, other._fields)

    def __hash__(self) -> int:
        return hash(self.record_type)

    def __repr__(self) -> str:
        return f"{self.record_type}({', '.join(f'{k}={v!r}' for k, v in self._fields.items())})"

    @property
    def field_names(self) -> list[str]:
        return list(self._fields)


class BronRecord(Record):
    __slots__ = ()

    @property
    def urls(self) -> list[str]:
        url = self._fields.get("url")
        if url is None:
            return []
        return [url] if isinstance(url, str) else list(url)

    def kort(self) -> str:
        return short_source(self._fields.get("sectie"), self.urls, self._fields.get("document"))


RECORD_TYPES: dict[str, type[Record]] = {"Bron": BronRecord}


def make(record_type: str, fields: dict[str, Any]) -> Record:
    return RECORD_TYPES.get(record_type, Record)(record_type, fields)


def to_record(value: Any) -> Any:
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


def encode_object(value: Any) -> Any:
    """``json.dumps(..., default=encode_object)``: a Record or a Decimal as JSON that
    ``decode_object`` turns back exactly (data keys never start with '$')."""
    if isinstance(value, Record):
        return {"$": value.record_type, **value._fields}
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    raise TypeError(f"cannot store {type(value).__name__}")


def decode_object(obj: dict[str, Any]) -> Any:
    """``json.loads(..., object_hook=decode_object)``."""
    if "$d" in obj:
        return Decimal(obj["$d"])
    if "$" in obj:
        fields = dict(obj)
        return make(fields.pop("$"), fields)
    return obj
