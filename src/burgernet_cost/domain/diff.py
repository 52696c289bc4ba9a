"""The cost effect of a data change: key figures of two data sets side by side (``bncost diff``).

Like a cost diff for infrastructure changes: a reviewer sees what a change to ``data/`` does to
the norms, the hourly rate, the tariffs per inhabitant, ``estimate`` for a few reference sizes and
``compare-models`` for the reference municipality.
"""

from __future__ import annotations

from decimal import Decimal

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.record_base import Record
from burgernet_cost.domain.codes import Pad, Pakket
from burgernet_cost.domain.compare import compare
from burgernet_cost.domain.estimate import estimate, norm
from burgernet_cost.domain.figures import DATA_ATTRIBUTES
from burgernet_cost.domain.rate import TariefKeuze, uurtarief
from burgernet_cost.structs import struct

REFERENCE_SIZES = (10_000, 100_000, 1_000_000)
NORM_BASIS = 100_000  # norms are shown as hours per month per 100.000 inhabitants


#: the groups of key figures; output/ words them
MEASURED: tuple[Pakket, ...] = ("basis", "aanvullend")
SHOWN: tuple[Pakket, ...] = ("basis", "volledig")
GROEPEN = ("normen", "uurtarief", "tarieven", "estimate", "compare", "uurtarief_jaar", "estimate_jaar")


@struct
class Kengetal:
    groep: str  # one of GROEPEN
    onderwerp: str  # taakgebied or model name, the rate profile id, or a number of inhabitants
    pakket: str | None  # a label here
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


def key_figures(ds: Dataset, jaren: list[int] | tuple[int, ...] = ()) -> dict[Key, tuple[str, Decimal]]:
    """(groep, onderwerp, pakket) -> (soort, value) for one data set, at the report's date and at the
    price level of 1 January of each of ``jaren``."""
    out: dict[Key, tuple[str, Decimal]] = {}
    for area in ds.quantified_areas():
        for pakket in MEASURED:
            n = norm(ds, area.id, pakket)
            out[("normen", area.naam, pakket)] = ("hours", n.intensiteit * NORM_BASIS)
    out[("uurtarief", ds.salary.standaard_tariefprofiel, None)] = ("rate", uurtarief(ds).bedrag)
    ref = ds.models.referentiegemeente.inwoners
    for pakket in SHOWN:
        for regel in estimate(ds, ref, pakket).regels:
            if regel.per_inwoner is not None:
                out[("tarieven", regel.naam, pakket)] = ("per_inwoner", regel.per_inwoner)
    for size in sorted({*REFERENCE_SIZES, ref}):
        for pakket in SHOWN:
            total = estimate(ds, size, pakket).totaal.kosten_per_jaar
            assert total is not None
            out[("estimate", str(size), pakket)] = ("money", total)
    for pakket in SHOWN:
        for u in compare(ds, ref, pakket).uitkomsten:
            out[("compare", u.naam, pakket)] = ("money", u.totaal)
    for jaar in jaren:  # the same at the price level of 1 January of a later year: a dated table's change shows
        keuze = TariefKeuze(peildatum=f"{jaar}-01-01", peildatum_uit_jaar=True)
        out[("uurtarief_jaar", str(jaar), None)] = ("rate", uurtarief(ds, keuze).bedrag)
        for size in sorted({*REFERENCE_SIZES, ref}):
            total = estimate(ds, size, "basis", keuze).totaal.kosten_per_jaar
            assert total is not None
            out[("estimate_jaar", f"{size}@{jaar}", "basis")] = ("money", total)
    return out


@struct
class Invoerwijziging:
    """One changed input figure: its id, old and new value, and where it stands (file:line)."""

    id: str
    oud: str | None
    nieuw: str | None
    plaats: str | None


def _flatten(ds: Dataset) -> dict[str, tuple[str, str | None]]:
    """Every leaf value of the data files and the municipality tables: id -> (value as text, file:line)."""
    out: dict[str, tuple[str, str | None]] = {}

    def walk(file: str, ident: str, value: object, path: Pad) -> None:
        if isinstance(value, list):
            for n, item in enumerate(value):
                walk(file, f"{ident}[{getattr(item, 'id', n)}]", item, (*path, n))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(file, f"{ident}[{key}]", item, (*path, key if isinstance(key, (str, int)) else str(key)))
        elif isinstance(value, Record):
            for key in value.field_names:
                walk(file, f"{ident}.{key}", value.field(key), (*path, key))
        else:
            out[ident] = (str(value), ds.where(file, path))

    for file, attribute in DATA_ATTRIBUTES.items():
        walk(file, file.removesuffix(".yaml"), getattr(ds, attribute), ())
    gm = ds.gemeenten()
    for jaar, rows in gm.per_jaar.items():
        for g in rows:
            out[f"gemeenten[{jaar}][{g.code}].inwoners"] = (str(g.inwoners), g.plaats)
    return out


def changed_inputs(base: Dataset, head: Dataset) -> list[Invoerwijziging]:
    """The input figures that differ between two data sets, in the order of the new data."""
    a, b = _flatten(base), _flatten(head)
    keys = list(b) + [k for k in a if k not in b]
    return [
        Invoerwijziging(k, a[k][0] if k in a else None, b[k][0] if k in b else None, (b.get(k) or a[k])[1])
        for k in keys
        if a.get(k, (None,))[0] != b.get(k, (None,))[0]
    ]


def latest_year(ds: Dataset) -> int:
    """The newest year the data has inhabitants for (the second date of ``diff``)."""
    return ds.gemeenten().nieuwste


def diff(base: Dataset, head: Dataset, jaren: list[int] | None = None) -> tuple[list[Kengetal], int]:
    """The key figures side by side at the report's date and at ``jaren`` (default: the newest year
    of the new data), and the reference municipality's inhabitants (for the labels)."""
    years = jaren if jaren is not None else [latest_year(head)]
    a, b = key_figures(base, years), key_figures(head, years)
    keys = list(a) + [k for k in b if k not in a]
    figures = [Kengetal(*key, (a.get(key) or b[key])[0], a[key][1] if key in a else None, b[key][1] if key in b else None) for key in keys]
    return figures, head.models.referentiegemeente.inwoners
