"""Pydantic's validation errors in Dutch, located: file, line and key path of the value."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from burgernet_cost.data.reading import LineMap
from burgernet_cost.errors import DataError, count


def _fields_at(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """Allowed keys of the (sub)model found by following ``loc`` from ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return []
            current = info.annotation
        else:
            origin = typing.get_origin(current)
            args = typing.get_args(current)
            if origin in (list, dict) and args:
                current = args[-1]
            else:
                return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated/Union down to the one model type inside, if any."""
    for _ in range(5):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            models = [a for a in typing.get_args(tp) if isinstance(a, type) and issubclass(a, BaseModel)]
            lists = [a for a in typing.get_args(tp) if typing.get_origin(a) in (list, dict)]
            if models:
                tp = models[0]
                continue
            if lists:
                tp = lists[0]
                continue
        break
    return tp


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "een " + ("blok" if isinstance(value, dict) else "lijst")
    return str(value)


#: keys of older data that now live elsewhere: where to move them
MOVED = {
    "schaalvoordeel_landelijk": "het staat nu bij de uitvoerder, als 'schaalvoordeel' van uitvoerders[landelijk] "
    "(--set inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=…; elke uitvoerder kan een eigen "
    "schaalvoordeel hebben)",
}


def dutch_message(err: dict[str, Any], model: type[BaseModel]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    loc = tuple(err["loc"])
    if kind == "missing":
        return "verplichte sleutel ontbreekt"
    if kind == "extra_forbidden":
        if loc[-1] in MOVED:
            return f"deze sleutel is verhuisd: {MOVED[str(loc[-1])]}"
        allowed = _fields_at(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        extra = f"; bedoelde u '{hint[0]}'?" if hint else (f" (toegestaan: {', '.join(allowed)})" if allowed else "")
        return f"onbekende sleutel{extra}"
    if kind == "string_type":
        return f"{_plain(value)} moet tekst zijn (zet de waarde tussen aanhalingstekens)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{_plain(value)} moet een geheel getal zijn"
    if kind in ("is_instance_of", "decimal_type", "decimal_parsing", "float_type"):
        return f"{_plain(value)} moet een getal zijn"
    if kind == "bool_type":
        return f"{_plain(value)} moet true of false zijn"
    if kind == "greater_than":
        return f"{_plain(value)} moet groter zijn dan {ctx.get('gt')}"
    if kind == "greater_than_equal":
        return f"{_plain(value)} moet minstens {ctx.get('ge')} zijn"
    if kind == "less_than":
        return f"{_plain(value)} moet kleiner zijn dan {ctx.get('lt')}"
    if kind == "less_than_equal":
        return f"{_plain(value)} mag hoogstens {ctx.get('le')} zijn"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ").replace("'", "")
        return f"{_plain(value)} is geen geldige waarde ({expected})"
    if kind == "list_type":
        return f"{_plain(value)} moet een lijst zijn"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{_plain(value)} moet een blok met sleutels zijn"
    if kind == "string_pattern_mismatch":
        return f"{_plain(value)} is geen geldige id (kleine letters, cijfers, '-', '_' en '.')"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_too_long":
        return f"is te lang (maximaal {ctx.get('max_length')} tekens)"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length')} element(en) bevatten"
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg")))
    if kind == "frozen_instance":
        return "kan niet gewijzigd worden"
    return str(err.get("msg"))


MAX_ERRORS_PER_FILE = 50


def validate_file(value: Any, model: type[BaseModel], lines: LineMap) -> tuple[BaseModel | None, list[DataError]]:
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        errors: list[DataError] = []
        seen: set[tuple[Any, ...]] = set()
        more = 0
        for err in exc.errors(include_url=False):
            loc = _real_loc(value, tuple(err["loc"]))
            if loc in seen:  # several union branches failing on one value: report it once
                continue
            seen.add(loc)
            if len(errors) >= MAX_ERRORS_PER_FILE:
                more += 1  # counted, not worded: wording (with suggestions) costs time per error
                continue
            errors.append(lines.error(loc, dutch_message({**err, "loc": loc}, model)))
        if more:
            errors.append(DataError(f"… en nog {count(more, 'fout', 'fouten')} in dit bestand", file=lines.file))
        return None, errors


def _real_loc(value: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Pydantic's error location without union-branch tags: only keys and indices of the data."""
    out: list[Any] = []
    current = value
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(current, dict) and isinstance(part, str) and (part in current or last):
            out.append(part)
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int):
            out.append(part)
            current = current[part] if 0 <= part < len(current) else None
    return tuple(out)
