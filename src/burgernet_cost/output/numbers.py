"""Rounding and Dutch number formatting. Values stay unrounded Decimals until displayed."""

from __future__ import annotations

from decimal import Decimal

from burgernet_cost.domain.rounding import quantize
from burgernet_cost.structs import struct


@struct
class Kind:
    """A kind of figure owns its decimals: as people read it (table, markdown, html) and as
    machines read it (json, csv). Every view, renderer and note asks here."""

    naam: str
    shown: int  # decimals for people
    machine: int  # decimals in json and csv


KINDS: dict[str, Kind] = {
    k.naam: k
    for k in (
        Kind("money", 2, 2),
        Kind("per_inwoner", 4, 6),
        Kind("hours", 2, 4),
        Kind("fte", 2, 4),
        Kind("rate", 4, 4),
        Kind("pct", 2, 4),
    )
}
#: decimals per kind of figure, for machine formats (json, csv)
MACHINE_PLACES = {name: k.machine for name, k in KINDS.items()}


def nl_number(value: Decimal | int, places: int = 0) -> str:
    """1234567.891 -> '1.234.567,89' (ROUND_HALF_UP)."""
    value = quantize(Decimal(value), places)
    sign = "-" if value < 0 else ""
    text = f"{abs(value):,.{places}f}"  # '1,234,567.89'
    return sign + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: Decimal, places: int = 2) -> str:
    return "€ " + nl_number(value, places) if value >= 0 else "-€ " + nl_number(-value, places)


def hours(value: Decimal) -> str:
    """Hours: always two decimals (342,00; 6,02), so a column never mixes 6,0 and 6,02."""
    return nl_number(value, KINDS["hours"].shown)


def fte(value: Decimal) -> str:
    """FTE: two decimals; a fragment too small to show is '< 0,01', never a bare 0,00."""
    if value != 0 and quantize(abs(value), 2) == 0:
        return "> -0,01" if value < 0 else "< 0,01"
    return nl_number(value, KINDS["fte"].shown)


def per_inwoner(value: Decimal, with_cents: bool = True) -> str:
    """'€ 0,0327 (≈ € 0,03)': four decimals, and cents as the report gives them."""
    text = euro(value, KINDS["per_inwoner"].shown)
    if with_cents:
        text += f" (≈ {euro(value, 2)})"
    return text


def pct(value: Decimal) -> str:
    return nl_number(value, 2 if quantize(value, 2) != quantize(value, 0) else 0) + "%"


def machine(value: Decimal | int | None, kind: str) -> Decimal | int | None:
    """A figure for json/csv: the Decimal rounded (half up) to its kind's places in
    ``MACHINE_PLACES``; never a float. ``renderers.json_text`` writes it as its digits."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("a yes/no is not a figure")
    if isinstance(value, int) or kind == "int":
        return int(value)
    rounded = quantize(Decimal(value), MACHINE_PLACES[kind])
    return abs(rounded) if rounded == 0 else rounded  # never '-0.00'


def decimal_text(value: Decimal) -> str:
    """A Decimal as a json/csv number: all its digits, fixed notation (never 1E+16), dot decimal."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return format(abs(value) if value == 0 else value, "f")


def machine_text(value: Decimal | int | None, kind: str) -> str:
    """As ``machine`` but as text (csv): the same digits as json writes."""
    number = machine(value, kind)
    if number is None:
        return ""
    return str(number) if isinstance(number, int) else decimal_text(number)
