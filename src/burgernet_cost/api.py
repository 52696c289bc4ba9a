"""bncost as a library: the results of ``bncost estimate`` and ``bncost compare-models`` in Python.

Documented in ``docs/bibliotheek.md``. The functions take the options of the command line (as
Python values) and follow its rules: the same defaults and the same date rule, through the same
code (``cli.commands.setup`` and ``Gedeeld.keuze``). Without ``jaar`` a result describes the
report's situation (price level 1 April 2012; for a named municipality its CBS figures of
1 January 2014); ``jaar=2024`` moves everything to 1 January 2024, as ``--jaar 2024`` does.

    from burgernet_cost import api

    s = api.estimate(gemeente="Amersfoort", jaar=2024)
    s.kosten_per_jaar          # Decimal, unrounded
    s.to_dict()                # what `bncost estimate --gemeente Amersfoort --jaar 2024 --format json` prints

A problem raises ``burgernet_cost.errors.BncostError``: ``UsageProblem`` for a wrong argument
(``.field`` names it), ``DataError``/``DataErrors`` for invalid data. The library does not look
for a data folder by itself (the command line does): ``data`` is a folder, a data set from
``laad()``, or None for ``BNCOST_DATA_DIR``, else the shipped data.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burgernet_cost.cli.commands import Opzet
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.domain.compare import Vergelijking
    from burgernet_cost.domain.estimate import Schatting
    from burgernet_cost.output.document import Report

__all__ = [
    "Gemeente",
    "Model",
    "Schattingsuitkomst",
    "Taakgebied",
    "Vergelijkingsuitkomst",
    "compare",
    "estimate",
    "gemeenten",
    "laad",
]


def laad(data: str | Path | None = None, scenario: str | None = None, set_: Sequence[str] = ()) -> Dataset:
    """The data set (validated once): pass it as ``data=`` to many calls. ``data``: a folder (None:
    ``BNCOST_DATA_DIR``, else the shipped data); ``scenario`` and ``set_`` as ``--scenario``, ``--set``."""
    from burgernet_cost.data.loading import load_dataset

    return load_dataset(data, scenario, tuple(set_))


def _json_safe(report: Report) -> dict[str, Any]:
    """The json of the command line, numbers with decimals as exact strings (json.dumps can write it)."""
    from burgernet_cost.output.renderers import render_json

    value: dict[str, Any] = json.loads(render_json(report), parse_float=str)
    return value


def _view(build: Callable[[], Report], kalibratie: Any) -> Callable[[], Report]:
    """The view of a result as the command line emits it: on data that no longer reproduces the
    report's results (``setup`` checked that: ``kalibratie``), with the same warning first."""
    from burgernet_cost.cli.writing import warn_uncalibrated

    def view() -> Report:
        report = build()
        if kalibratie is not None and kalibratie.mislukt:
            warn_uncalibrated(report, kalibratie)
        return report

    return view


def _parsed(annotation: Any, value: object, name: str) -> Any:
    """An argument through the parser of the command line's option (its checks, its Dutch message)."""
    if value is None:
        return None
    import typing

    import typer

    from burgernet_cost.errors import UsageProblem

    parser = typing.get_args(annotation)[1].parser
    if parser is None:  # a text option (schaal, toeslagen): the command checks it
        return str(value)
    try:
        return parser(value)
    except typer.BadParameter as exc:
        raise UsageProblem(exc.message, field=name) from None


def _options(data: str | Path | Dataset | None, tarief: dict[str, Any], scenario: str | None, set_: Sequence[str]) -> Any:
    """The shared options of the command line (``Gedeeld``), from keyword arguments."""
    from burgernet_cost.cli.options import REKEN_OPTIES, TARIEF_OPTIES, Gedeeld
    from burgernet_cost.errors import UsageProblem

    declared = {**TARIEF_OPTIES, **REKEN_OPTIES}
    unknown = sorted(set(tarief) - set(declared))
    if unknown:
        raise UsageProblem(f"onbekend argument {unknown[0]!r}; mogelijk: {', '.join(sorted(declared))}")
    values = dict(tarief)
    if values.get("toeslagen") is not None and not isinstance(values["toeslagen"], str):
        values["toeslagen"] = ",".join(values["toeslagen"]) or "geen"  # a list of names, or () for none
    if values.get("uurtarief") is not None:
        values["uurtarief"] = str(values["uurtarief"])
    parsed = {name: _parsed(declared[name][0], value, name) for name, value in values.items() if value is not None}
    from burgernet_cost.data.dataset import Dataset

    folder = data.root if isinstance(data, Dataset) else data  # a data set: its folder (for a scenario on it)
    return Gedeeld(**parsed, scenario=scenario, set_=list(set_) or None, data_dir=None if folder is None else str(folder))


def _setup(
    data: str | Path | Dataset | None,
    inwoners: int | None,
    gemeente: str | None,
    jaar: int | None,
    required: bool,
    tarief: dict[str, Any],
    scenario: str | None,
    set_: Sequence[str],
) -> tuple[Any, Opzet]:
    from burgernet_cost.cli.commands import setup
    from burgernet_cost.cli.options import Inwoners, Jaar
    from burgernet_cost.data.dataset import Dataset

    opties = _options(data, tarief, scenario, set_)
    n = _parsed(Inwoners, inwoners, "inwoners")
    year = _parsed(Jaar, jaar, "jaar")
    ds = data if isinstance(data, Dataset) and not (scenario or set_) else None  # else loaded with them
    return opties, setup(opties, n, gemeente, year, required, ds)


@dataclass(frozen=True)
class Taakgebied:
    """One line of an estimate. None: not quantified (the report measured no hours)."""

    taakgebied: str
    naam: str
    uren_per_maand: Decimal | None
    fte: Decimal | None
    kosten_per_jaar: Decimal | None
    per_inwoner: Decimal | None
    bron: str


@dataclass(frozen=True)
class Schattingsuitkomst:
    """``bncost estimate``: every amount unrounded (Decimal); ``to_dict()`` is its json output."""

    inwoners: int
    pakket: str
    gemeente: str | None  # the municipality's name (None: inhabitants given)
    gemeentecode: str | None
    inwoners_datum: str | None  # the date of the inhabitants (CBS, 1 January); None: given
    prijspeil: str | None  # the date of the hourly rate's amounts
    uurtarief: Decimal
    uren_per_maand: Decimal
    fte: Decimal
    kosten_per_jaar: Decimal
    per_inwoner: Decimal
    taakgebieden: tuple[Taakgebied, ...]
    schatting: Schatting = field(repr=False, compare=False)  # the domain's result, with its trace
    _view: Callable[[], Report] = field(repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """What ``bncost estimate … --format json`` prints, as Python values (json-safe: numbers with
        decimals as exact strings, rounded as shown)."""
        return _json_safe(self._view())


def estimate(
    inwoners: int | None = None,
    *,
    gemeente: str | None = None,
    jaar: int | None = None,
    pakket: str = "basis",
    data: str | Path | Dataset | None = None,
    scenario: str | None = None,
    set_: Sequence[str] = (),
    **tarief: Any,
) -> Schattingsuitkomst:
    """``bncost estimate``: the cost of the municipal tasks for ``inwoners`` or a ``gemeente`` (name
    or CBS code). ``tarief``: schaal, periodiek, toeslagen, uurtarief, kostenbasis, peildatum,
    schaling_beleid, as the options of the same name."""
    from burgernet_cost.cli.commands import _herkomst
    from burgernet_cost.cli.parsers import parse_pakket
    from burgernet_cost.cli.writing import shown
    from burgernet_cost.domain.estimate import estimate as compute
    from burgernet_cost.output.views.estimate import estimate_report

    pakket = _choice(pakket, parse_pakket, "pakket")
    opties, opzet = _setup(data, inwoners, gemeente, jaar, True, tarief, scenario, set_)
    ds, municipality, n = opzet.ds, opzet.municipality, opzet.inwoners
    assert n is not None
    s = compute(ds, n, pakket, opzet.keuze, herkomst=_herkomst(municipality), schalingen=opties.schalingen())  # type: ignore[arg-type]
    total = s.totaal
    lines = tuple(Taakgebied(r.taakgebied, r.naam, r.uren_per_maand, r.fte, r.kosten_per_jaar, r.per_inwoner, r.bron) for r in s.regels)
    return Schattingsuitkomst(
        n,
        s.pakket,
        opzet.gemeente.naam if opzet.gemeente else None,
        opzet.gemeente.code if opzet.gemeente else None,
        s.inwoners_datum,
        s.uurtarief.peildatum,
        s.uurtarief.bedrag,
        _some(total.uren_per_maand),
        _some(total.fte),
        _some(total.kosten_per_jaar),
        _some(total.per_inwoner),
        lines,
        s,
        _view(lambda: estimate_report(s, shown(ds.root), municipality, ds=ds), opzet.kalibratie),
    )


@dataclass(frozen=True)
class Model:
    """One organisation model for one package: who pays what (``compare-models``)."""

    pakket: str
    model: str  # the model's id in the data (gemeentelijk, regionaal, landelijk, …)
    naam: str
    eigen_uren: Decimal  # hours per month of the municipality's own staff
    eigen_fte: Decimal
    eigen_kosten: Decimal  # per year
    bijdrage: Decimal  # per year, to the executor (0: no settlement)
    tarief_per_inwoner: Decimal | None  # the contribution per inhabitant per year (None: no settlement)
    totaal: Decimal  # per year


@dataclass(frozen=True)
class Vergelijkingsuitkomst:
    """``bncost compare-models``: the three models per package; ``to_dict()`` is its json output."""

    inwoners: int
    gemeente: str | None
    inwoners_datum: str | None
    prijspeil: str | None
    modellen: tuple[Model, ...]
    vergelijkingen: tuple[Vergelijking, ...] = field(repr=False, compare=False)
    _view: Callable[[], Report] = field(repr=False, compare=False)

    def model(self, model: str, pakket: str | None = None) -> Model:
        """The model (gemeentelijk, regionaal, landelijk) for a package (default: the first)."""
        for m in self.modellen:
            if m.model == model and (pakket is None or m.pakket == pakket):
                return m
        raise KeyError((model, pakket))

    def to_dict(self) -> dict[str, Any]:
        """What ``bncost compare-models … --format json`` prints (json-safe, as ``to_dict`` of an estimate)."""
        return _json_safe(self._view())


def compare(
    inwoners: int | None = None,
    *,
    gemeente: str | None = None,
    jaar: int | None = None,
    pakket: str | None = None,
    tarief_per_inwoner: str = "berekend",
    schaalvoordeel: Decimal | str | Mapping[str, Decimal | str] | None = None,
    data: str | Path | Dataset | None = None,
    scenario: str | None = None,
    set_: Sequence[str] = (),
    **tarief: Any,
) -> Vergelijkingsuitkomst:
    """``bncost compare-models``: the data's organisation models. Without ``inwoners`` and ``gemeente``
    the report's reference municipality; without ``pakket`` basis and volledig. ``tarief_per_inwoner``
    is the option ``--tarief`` (berekend or advies); ``schaalvoordeel`` the option ``--schaalvoordeel``:
    a percentage, "landelijk=20", or a mapping of executor to percentage."""
    from burgernet_cost.cli.commands import _herkomst
    from burgernet_cost.cli.options import Schaalvoordeel, Tarief, scale_advantage_values
    from burgernet_cost.cli.parsers import parse_pakket
    from burgernet_cost.cli.writing import shown
    from burgernet_cost.domain.codes import BOTH
    from burgernet_cost.domain.compare import chosen_scale_advantages
    from burgernet_cost.domain.compare import compare as compute
    from burgernet_cost.output.views.compare import compare_report

    chosen = None if pakket is None else _choice(pakket, parse_pakket, "pakket")
    tarief_per_inwoner = _parsed(Tarief, tarief_per_inwoner, "tarief")
    given = schaalvoordeel.items() if isinstance(schaalvoordeel, Mapping) else [("", schaalvoordeel)] if schaalvoordeel is not None else []
    values = [_parsed(Schaalvoordeel, f"{who}={pct}" if who else str(pct), "schaalvoordeel") for who, pct in given]
    opties, opzet = _setup(data, inwoners, gemeente, jaar, False, tarief, scenario, set_)
    opties.set_overlaps({"--schaalvoordeel": bool(values)})
    ds, municipality = opzet.ds, opzet.municipality
    advantage = chosen_scale_advantages(ds, scale_advantage_values(values), None, tarief_per_inwoner)  # type: ignore[arg-type]
    referentie = opzet.inwoners is None
    n = ds.models.referentiegemeente.inwoners if opzet.inwoners is None else opzet.inwoners
    herkomst = _herkomst(municipality)
    results = tuple(
        compute(ds, n, p, tarief_per_inwoner, advantage, opzet.keuze, herkomst=herkomst, schalingen=opties.schalingen())  # type: ignore[arg-type]
        for p in ((chosen,) if chosen else BOTH)
    )
    models = tuple(
        Model(v.pakket, u.id, u.naam, u.eigen_uren, u.eigen_fte, u.eigen_kosten, u.bijdrage, u.tarief_per_inwoner, u.totaal)
        for v in results
        for u in v.uitkomsten
    )
    first = results[0]
    return Vergelijkingsuitkomst(
        n,
        opzet.gemeente.naam if opzet.gemeente else None,
        herkomst.datum if herkomst else None,
        first.schatting.uurtarief.peildatum,
        models,
        results,
        _view(lambda: compare_report(list(results), ds, shown(ds.root), referentie, municipality), opzet.kalibratie),
    )


@dataclass(frozen=True)
class Gemeente:
    """A municipality of a year (CBS, 1 January)."""

    code: str
    naam: str
    inwoners: int
    peildatum: str  # the date of the inhabitants (CBS, 1 January)
    provincie: str
    veiligheidsregio: str
    politie_eenheid: str


def gemeenten(jaar: int | None = None, data: str | Path | Dataset | None = None) -> list[Gemeente]:
    """The municipalities of ``jaar`` (default: the report's year, as ``bncost gemeenten``)."""
    from burgernet_cost.cli.options import Jaar
    from burgernet_cost.data.dataset import Dataset

    ds = data if isinstance(data, Dataset) else laad(data)
    gm = ds.gemeenten()
    year = gm.kies_jaar(_parsed(Jaar, jaar, "jaar"))
    return [Gemeente(g.code, g.naam, g.inwoners, g.peildatum, g.provincie, g.veiligheidsregio, g.politie_eenheid) for g in gm.lijst(year)]


def _choice(value: object, parser: Callable[[object], str], name: str) -> str:
    import typer

    from burgernet_cost.errors import UsageProblem

    try:
        return parser(value)
    except typer.BadParameter as exc:
        raise UsageProblem(exc.message, field=name) from None


def _some(value: Decimal | None) -> Decimal:
    """A total of quantified lines (an estimate's total is always quantified)."""
    assert value is not None
    return value
