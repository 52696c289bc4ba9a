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


def key_figures(ds: Dataset, peildata: list[str] | tuple[str, ...] = ()) -> dict[Key, tuple[str, Decimal]]:
    """(groep, onderwerp, pakket) -> (soort, value) for one data set, at the report's date and at the
    price level of each of ``peildata`` (JJJJ-MM-DD)."""
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
    for datum in peildata:  # the same at later price levels: a dated table's or step's change shows
        keuze = TariefKeuze(peildatum=datum, peildatum_uit_jaar=True)
        out[("uurtarief_jaar", datum, None)] = ("rate", uurtarief(ds, keuze).bedrag)
        for size in sorted({*REFERENCE_SIZES, ref}):
            total = estimate(ds, size, "basis", keuze).totaal.kosten_per_jaar
            assert total is not None
            out[("estimate_jaar", f"{size}@{datum}", "basis")] = ("money", total)
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
        elif written(file, path):
            out[ident] = (notation(value), ds.where(file, path))

    def written(file: str, path: Pad) -> bool:
        lines = ds.lines.get(file)
        return lines is None or path in lines.lines  # a default the data did not write is no input

    for file, attribute in DATA_ATTRIBUTES.items():
        walk(file, file.removesuffix(".yaml"), getattr(ds, attribute), ())
    gm = ds.gemeenten()
    for jaar, rows in gm.per_jaar.items():
        for g in rows:
            out[f"gemeenten[{jaar}][{g.code}].inwoners"] = (str(g.inwoners), g.plaats)
    return out


def notation(value: object) -> str:
    """A value as the data writes it: true/false, null, a number as written (Decimal keeps its text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def changed_inputs(base: Dataset, head: Dataset) -> list[Invoerwijziging]:
    """The input figures that differ between two data sets, file by file and line by line as they
    stand in the new data (a removed figure where it stood in the old)."""
    a, b = _flatten(base), _flatten(head)
    keys = list(b) + [k for k in a if k not in b]
    changed = [
        Invoerwijziging(k, a[k][0] if k in a else None, b[k][0] if k in b else None, (b.get(k) or a[k])[1])
        for k in keys
        if a.get(k, (None,))[0] != b.get(k, (None,))[0]
    ]
    files = list(DATA_ATTRIBUTES)
    return sorted(changed, key=lambda c: _position(c, files))


def _position(change: Invoerwijziging, files: list[str]) -> tuple[int, int]:
    """(file in the order of the data files, line) of a change, for sorting."""
    file = change.id.split(".", 1)[0].split("[", 1)[0] + ".yaml"
    line = (change.plaats or "").rpartition(":")[2]
    return (files.index(file) if file in files else len(files), int(line) if line.isdigit() else 0)


def newest_year(ds: Dataset) -> int:
    """The newest year the data knows: of its inhabitants, its salary tables and its CAO steps."""
    dated = [t.ingangsdatum for t in ds.salary.tabellen] + [step.datum for step in ds.salary.cao_verhogingen]
    return max([ds.gemeenten().nieuwste, *(int(d[:4]) for d in dated)])


def _dated(ds: Dataset) -> dict[tuple[object, ...], str]:
    """Each dated step of the salary (a CAO step, a table) with the date it takes effect."""
    out: dict[tuple[object, ...], str] = {}
    for step in ds.salary.cao_verhogingen:
        out[("cao", step.datum, step.procent, step.bedrag_per_maand, tuple(step.alleen_voor_tabellen))] = step.datum
    for table in ds.salary.tabellen:
        out[("tabel", table.id, table.ingangsdatum)] = table.ingangsdatum
    return out


def peildata(base: Dataset, head: Dataset, jaren: list[int] | tuple[int, ...] = ()) -> list[str]:
    """The later dates ``diff`` shows key figures at: 1 January of the newest year either side knows
    (and of each of ``jaren``), and the date of every dated step (CAO step, salary table) that one
    side has and the other has not."""
    years = {newest_year(base), newest_year(head), *jaren}
    a, b = _dated(base), _dated(head)
    added = {date for key, date in (a | b).items() if (key in a) != (key in b)}
    return sorted({f"{y:04d}-01-01" for y in years} | added)


def diff(base: Dataset, head: Dataset, jaren: list[int] | tuple[int, ...] = ()) -> tuple[list[Kengetal], int]:
    """The key figures side by side at the report's date and at ``peildata`` (1 January of the newest
    year of either side, of each of ``jaren``, and the date of each added step), and the reference
    municipality's inhabitants (for the labels)."""
    dates = peildata(base, head, jaren)
    a, b = key_figures(base, dates), key_figures(head, dates)
    keys = list(a) + [k for k in b if k not in a]
    figures = [Kengetal(*key, (a.get(key) or b[key])[0], a[key][1] if key in a else None, b[key][1] if key in b else None) for key in keys]
    return figures, head.models.referentiegemeente.inwoners
