"""The data at an instant: what holds on a date (OpenFisca's ``parameters(instant)``).

One rule for every command (``Tijdstip``): without --jaar or --peildatum a result describes the
report's situation: the report's price level (the default rate profile's table, 1 April 2012) and,
for a named municipality or region, the CBS figures that were current when the report appeared
(``gemeenten.yaml: rapportsituatie``, 1 January 2014) with that year's municipalities. ``--jaar Y``
moves everything to Y (inhabitants and members of 1 January Y, price level 1 January Y, the events
up to then); ``--peildatum D`` likewise to D. Both together are an explicit mix, which the output
names in its first lines.

What holds on a date D, in one place:
- the municipalities and inhabitants: ``Tijdstip.gemeenten(gm).lijst(cbs_jaar)`` (any year of the
  series; a merger during the year counts from its legal date, ``herindelingen.csv``);
- the salary: ``table_at`` (the newest table in force on D with the scale and step) and
  ``steps_until`` (the CAO steps after the table's date in force on D, each with its own date);
- the events up to D: ``events_until``;
- a nominal amount keeps its own price date (``inrichtingsmodellen.yaml: adviesbedragen_prijspeil``;
  ``domain/compare.py`` indexes it to the rate's date).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from burgernet_cost.errors import UsageProblem
from burgernet_cost.structs import struct

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.municipalities import Gemeenten
    from burgernet_cost.data.record_types import files as s


@struct
class Tijdstip:
    """The date a result is asked for: the report's situation, a year, a date, or an explicit mix."""

    jaar: int | None = None  # --jaar
    peildatum: str | None = None  # --peildatum

    @property
    def prijspeil(self) -> str | None:
        """The price date asked for; None: the report's (the rate profile's own table)."""
        if self.peildatum is not None:
            return self.peildatum
        return f"{self.jaar}-01-01" if self.jaar is not None else None

    def gemeenten(self, gm: Gemeenten) -> Gemeenten:
        """The municipalities on this date: a merger that took effect between 1 January and
        --peildatum (Weesp, 24-3-2022) is in force; on 1 January the year's members stand."""
        return gm.op_datum(self.peildatum)

    def cbs_jaar(self, gm: Gemeenten) -> int:
        """The CBS year of the inhabitants: --jaar, else the year of --peildatum (the newest with
        figures on or before it), else the report's year."""
        if self.jaar is not None:
            return gm.kies_jaar(self.jaar)
        if self.peildatum is not None:
            return gm.jaar_voor_peildatum(self.peildatum)
        return gm.kies_jaar(None)


def events_until(ds: Dataset, datum: str) -> list[Any]:
    """The timeline's events on or before ``datum``."""
    return [e for e in ds.tijdlijn.gebeurtenissen if e.datum <= datum]


def table_at(ds: Dataset, datum: str, schaal: str, periodiek: int, preferred: str) -> tuple[int, s.Salaristabel]:
    """The newest salary table in force on ``datum`` that has this scale and step (published before
    derived, the profile's own table first among equals)."""
    candidates = [
        (n, t)
        for n, t in enumerate(ds.salary.tabellen)
        if t.ingangsdatum <= datum and schaal in t.schalen and periodiek < len(t.schalen[schaal])
    ]
    if not candidates:
        first = min(t.ingangsdatum for t in ds.salary.tabellen)
        raise UsageProblem(
            f"geen salaristabel met schaal {schaal}, periodiek {periodiek} op of vóór peildatum {datum} (de oudste tabel is van {first})"
        )
    return max(candidates, key=lambda nt: (nt[1].ingangsdatum, nt[1].status == "gepubliceerd", nt[1].id == preferred))


def report_price_date(ds: Dataset) -> str | None:
    """The report's price level: the date of the default rate profile's table (1 April 2012)."""
    profile = next((p for p in ds.salary.tariefprofielen if p.id == ds.salary.standaard_tariefprofiel), None)
    table = next((t for t in ds.salary.tabellen if profile is not None and t.id == profile.tabel), None)
    return table.ingangsdatum if table is not None else None


def oldest_price_date(ds: Dataset) -> str:
    return min(t.ingangsdatum for t in ds.salary.tabellen)


def steps_until(ds: Dataset, table: s.Salaristabel, datum: str) -> list[tuple[int, s.CaoStap]]:
    """The CAO steps after the table's date that are in force on ``datum``, in order, with their index."""
    return [
        (n, step)
        for n, step in enumerate(ds.salary.cao_verhogingen)
        if table.ingangsdatum < step.datum <= datum and (not step.alleen_voor_tabellen or table.id in step.alleen_voor_tabellen)
    ]
