"""Figures used in a computation, with value, unit, source and status (for notes and --uitleg)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Status of a figure: from the data files (gepubliceerd, afgeleid, aanname, secundair),
# or 'invoer' for what the user typed, 'berekend' for intermediate results.
WEAK_STATUSES = ("afgeleid", "aanname", "secundair")


@dataclass(frozen=True)
class Figuur:
    naam: str
    waarde: Decimal | int | str
    eenheid: str
    bron: str
    status: str
    plaats: str | None = None  # file:line in data/

    def to_dict(self) -> dict[str, object]:
        waarde: object = self.waarde
        if isinstance(waarde, Decimal):
            waarde = format(waarde.normalize(), "f") if waarde == waarde.to_integral() else str(waarde)
        return {
            "naam": self.naam,
            "waarde": waarde,
            "eenheid": self.eenheid,
            "bron": self.bron,
            "status": self.status,
            "plaats": self.plaats,
        }
