"""The cost effect of a data change: key figures of two data sets side by side (``bncost diff``).

Like a cost diff for infrastructure changes: a reviewer sees what a change to ``data/`` does to
the norms, the hourly rate, the tariffs per inhabitant, ``estimate`` for a few reference sizes and
``compare-models`` for the reference municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.domain.compare import compare
from burgernet_cost.domain.estimate import estimate, norm
from burgernet_cost.domain.rate import uurtarief

REFERENCE_SIZES = (10_000, 100_000, 1_000_000)
NORM_BASIS = 100_000  # norms are shown as hours per month per 100.000 inhabitants


#: the groups of key figures; output/ words them
GROEPEN = ("normen", "uurtarief", "tarieven", "estimate", "compare")


@dataclass(frozen=True)
class Kengetal:
    groep: str  # one of GROEPEN
    onderwerp: str  # taakgebied or model name, the rate profile id, or a number of inhabitants
    pakket: str | None
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


Key = tuple[str, str, str | None]  # (groep, onderwerp, pakket)


def key_figures(ds: Dataset) -> dict[Key, tuple[str, Decimal]]:
    """(groep, onderwerp, pakket) -> (soort, value) for one data set."""
    out: dict[Key, tuple[str, Decimal]] = {}
    for area in ds.quantified_areas():
        for pakket in ("basis", "aanvullend"):
            n = norm(ds, area.id, pakket)
            out[("normen", area.naam, pakket)] = ("hours", n.intensiteit * NORM_BASIS)
    out[("uurtarief", ds.salary.standaard_tariefprofiel, None)] = ("rate", uurtarief(ds).bedrag)
    ref = ds.models.referentiegemeente.inwoners
    for pakket in ("basis", "volledig"):
        for regel in estimate(ds, ref, pakket).regels:
            if regel.per_inwoner is not None:
                out[("tarieven", regel.naam, pakket)] = ("per_inwoner", regel.per_inwoner)
    for size in sorted({*REFERENCE_SIZES, ref}):
        for pakket in ("basis", "volledig"):
            total = estimate(ds, size, pakket).totaal.kosten_per_jaar
            assert total is not None
            out[("estimate", str(size), pakket)] = ("money", total)
    for pakket in ("basis", "volledig"):
        for u in compare(ds, ref, pakket).uitkomsten:
            out[("compare", u.naam, pakket)] = ("money", u.totaal)
    return out


def diff(base: Dataset, head: Dataset) -> tuple[list[Kengetal], int]:
    """The key figures side by side, and the reference municipality's inhabitants (for the labels)."""
    a, b = key_figures(base), key_figures(head)
    keys = list(a) + [k for k in b if k not in a]
    figures = [
        Kengetal(*key, (a.get(key) or b[key])[0], a[key][1] if key in a else None, b[key][1] if key in b else None)
        for key in keys
    ]
    return figures, head.models.referentiegemeente.inwoners
