"""The cost effect of a data change: key figures of two data sets side by side (``bncost diff``).

Like a cost diff for infrastructure changes: a reviewer sees what a change to ``data/`` does to
the norms, the hourly rate, the tariffs per inhabitant, ``estimate`` for a few reference sizes and
``compare-models`` for the reference municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from burgernet_cost.output import numbers as money
from burgernet_cost.domain.estimate import estimate, norm
from burgernet_cost.data.dataset import Dataset
from burgernet_cost.domain.compare import compare
from burgernet_cost.domain.rate import uurtarief

REFERENCE_SIZES = (10_000, 100_000, 1_000_000)
NORM_BASIS = 100_000  # norms are shown as hours per month per 100.000 inhabitants


@dataclass(frozen=True)
class Kengetal:
    groep: str
    naam: str
    soort: str  # render kind: hours, rate, per_inwoner, money, fte
    basis: Decimal | None
    nieuw: Decimal | None

    @property
    def verschil(self) -> Decimal | None:
        if self.basis is None or self.nieuw is None:
            return None
        return self.nieuw - self.basis

    @property
    def procent(self) -> Decimal | None:
        if self.verschil is None or not self.basis:
            return None
        return self.verschil / self.basis * 100

    @property
    def gewijzigd(self) -> bool:
        return self.basis != self.nieuw


def key_figures(ds: Dataset) -> dict[tuple[str, str], tuple[str, Decimal]]:
    """(groep, naam) -> (soort, value) for one data set."""
    out: dict[tuple[str, str], tuple[str, Decimal]] = {}
    areas = ds.quantified_areas()
    for area in areas:
        for pakket in ("basis", "aanvullend"):
            n = norm(ds, area.id, pakket)
            out[("Normen (uren per maand per 100.000 inwoners)", f"{area.naam}, {pakket}")] = ("hours", n.intensiteit * NORM_BASIS)
    rate = uurtarief(ds)
    out[("Uurtarief", f"standaardprofiel {ds.salary.standaard_tariefprofiel}")] = ("rate", rate.bedrag)
    ref = ds.models.referentiegemeente.inwoners
    for pakket in ("basis", "volledig"):
        result = estimate(ds, ref, pakket)
        for regel in result.regels:
            if regel.gekwantificeerd:
                out[("Tarieven per inwoner per jaar", f"{regel.naam}, {pakket}")] = ("per_inwoner", regel.per_inwoner)  # type: ignore[assignment]
    for size in sorted({*REFERENCE_SIZES, ref}):
        for pakket in ("basis", "volledig"):
            result = estimate(ds, size, pakket)
            label = f"{money.nl_number(size)} inwoners, {pakket}"
            out[("estimate: totale kosten per jaar", label)] = ("money", result.totaal.kosten_per_jaar)  # type: ignore[assignment]
    for pakket in ("basis", "volledig"):
        v = compare(ds, ref, pakket)
        for u in v.uitkomsten:
            out[(f"compare-models: totaal per jaar ({money.nl_number(ref)} inwoners)", f"{u.naam}, {pakket}")] = ("money", u.totaal)
    return out


def diff(base: Dataset, head: Dataset) -> list[Kengetal]:
    a, b = key_figures(base), key_figures(head)
    keys = list(a) + [k for k in b if k not in a]
    return [
        Kengetal(groep, naam, (a.get((groep, naam)) or b[(groep, naam)])[0],
                 a[(groep, naam)][1] if (groep, naam) in a else None,
                 b[(groep, naam)][1] if (groep, naam) in b else None)
        for groep, naam in keys
    ]
