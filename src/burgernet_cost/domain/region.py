"""A region under a model with an executor (``bncost regio``): regionaal, landelijk, or any other
the data declares.

The members keep what the model leaves to them; one executing organisation (a municipality or
regional body, the national provision, …) performs the rest for all, financed by the members'
contributions per inhabitant. A region is the sum of its members (DOMAIN.md §11): every
figure of the region is computed from the members, by the estimate's formulas, at the same date.

Contributions are amounts that are invoiced: each member's contribution is rounded to the cent,
and the executing organisation's budget is the sum of those contributions (so the budget equals
the sum of the members' contributions to the cent). Hours and FTE are not rounded.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.member_file import Lidinvoer, from_municipality, read_member_file
from burgernet_cost.data.municipalities import Gemeenten
from burgernet_cost.domain.codes import Pakket, Schaalvoordelen, Tarief, UitvoerModel
from burgernet_cost.domain.compare import ModelUitkomst, Vergelijking, compare
from burgernet_cost.domain.estimate import INWONERS, components, hours_of, norm, scaling, step_id, timeline_note
from burgernet_cost.domain.figures import SALARY_FILE, take
from burgernet_cost.domain.formulas import compute
from burgernet_cost.domain.rate import TariefKeuze
from burgernet_cost.domain.trace import Figuur, Spoor, Trace
from burgernet_cost.errors import UsageProblem, quote
from burgernet_cost.structs import replace, struct

SELECTIONS = ("eenheid", "veiligheidsregio", "gemeenten", "bestand", "alle")


@struct
class Lid:
    naam: str
    code: str | None
    inwoners: int
    eigen_uren: Decimal  # hours/month the member performs itself (beleid)
    eigen_kosten: Decimal
    bijdrage: Decimal  # contribution per year, rounded to the cent
    bron_inwoners: str  # "CBS 2024-01-01", or the member file
    politie_eenheid: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # the member file's other columns


@struct
class Regio:
    titel: str  # what was selected; ``soort`` says how (eenheid, veiligheidsregio, gemeenten, bestand, alle)
    soort: str
    model: UitvoerModel
    pakket: Pakket
    tarief: Tarief
    leden: tuple[Lid, ...]
    tarief_per_inwoner: Decimal
    uitvoerder_uren: Decimal
    uitvoerder_fte: Decimal
    uitvoerder_kosten: Decimal  # what the executor's hours cost at the hourly rate, per year
    vergelijking: Vergelijking  # the models for the members together (the sum of each on its own)
    spoor: Spoor

    @property
    def inwoners(self) -> int:
        return sum(lid.inwoners for lid in self.leden)

    @property
    def budget(self) -> Decimal:
        return sum((lid.bijdrage for lid in self.leden), Decimal(0))

    @property
    def afrondingsverschil(self) -> Decimal:
        """Budget (the members' contributions, each rounded to the cent) minus what the executor's hours cost."""
        return self.budget - self.uitvoerder_kosten

    @property
    def eigen_uren(self) -> Decimal:
        return sum((lid.eigen_uren for lid in self.leden), Decimal(0))


def select_members(gemeenten: Gemeenten, jaar: int, soort: str, waarde: str | None = None) -> tuple[list[Lidinvoer], str]:
    """The members of a region and its title. ``soort``: eenheid or veiligheidsregio (``waarde`` its
    name), gemeenten (``waarde``: names or CBS codes separated by commas), bestand (``waarde``: a
    CSV or YAML file) or alle."""
    rows = gemeenten.lijst(jaar)
    if soort == "alle":
        return [from_municipality(g) for g in rows], ""
    if waarde is None or not waarde.strip():
        raise UsageProblem("lege waarde", field=soort)
    if soort == "eenheid":
        unit = gemeenten.kies_gebied(waarde, gemeenten.eenheden(jaar), "politie-eenheid", "eenheid")
        return [from_municipality(g) for g in rows if g.politie_eenheid == unit], unit
    if soort == "veiligheidsregio":
        vr = gemeenten.kies_gebied(waarde, gemeenten.veiligheidsregios(jaar), "veiligheidsregio", "veiligheidsregio")
        return [from_municipality(g) for g in rows if g.veiligheidsregio == vr], vr
    if soort == "gemeenten":
        return _named_members(gemeenten, jaar, waarde)
    if soort == "bestand":
        return read_member_file(Path(waarde), gemeenten, jaar), waarde
    raise ValueError(soort)


def _named_members(gemeenten: Gemeenten, jaar: int, text: str) -> tuple[list[Lidinvoer], str]:
    names = split_names(text)
    if not names:
        raise UsageProblem("geef minstens één gemeente op", field="gemeenten")
    try:
        found = [gemeenten.zoek(name, jaar) for name in names]
    except UsageProblem as exc:
        raise UsageProblem(exc.message, field="gemeenten") from None
    counts = Counter(g.code for g in found)
    doubles = sorted({g.naam for g in found if counts[g.code] > 1})
    if doubles:
        raise UsageProblem(f"dubbel opgegeven: {', '.join(doubles)}", field="gemeenten")
    return [from_municipality(g) for g in found], ", ".join(g.naam for g in found)


def region(
    ds: Dataset,
    titel: str,
    members: list[Lidinvoer],
    model: UitvoerModel = "regionaal",
    pakket: Pakket = "basis",
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordelen | None = None,
    keuze: TariefKeuze | None = None,
    soort: str = "gemeenten",
    schalingen: dict[str, str] | None = None,
    inwoners_datum: str | None = None,
) -> Regio:
    """Contributions per member, and the executor's hours, FTE and budget, recorded in the trace.

    One path (DOMAIN.md §11): the region is its members. Its inhabitants are the sum of theirs (the
    step ``inwoners``); the models are computed for the members together (``compare`` with their
    count, so hours that do not scale with size count once per member); each member's own hours are
    its own, by the same formulas; the executor's hours are the members' hours of the tasks it does.
    ``inwoners_datum``: the date of the members' inhabitants (CBS), for the result's date and notes."""
    check_model(ds, model)
    if not members:
        raise UsageProblem("de regio heeft geen gemeenten")
    trace = Trace()
    figs = [_member_figure(lid, trace) for lid in members]
    total = compute(trace, INWONERS, "totaal", {"delen": [f.id for f in figs]}, soort="regio.inwoners", eenheid="inwoners")
    unit = compare(
        ds, int(total), pakket, tarief, schaalvoordeel, keuze, trace=trace, modellen=(model,), schalingen=schalingen, gemeenten=len(members)
    )
    if inwoners_datum:  # the events after the report up to the later of the two dates, once
        later = timeline_note(ds, [d for d in (unit.schatting.uurtarief.peildatum, inwoners_datum) if d])
        notes = tuple(n for n in unit.notities if n.code != "tijdlijn")
        unit = replace(unit, notities=((later,) if later else ()) + notes, schatting=replace(unit.schatting, inwoners_datum=inwoners_datum))
    m = unit.model(model)
    regels = [r for r in unit.schatting.regels if r.gekwantificeerd]
    own = [r.taakgebied for r in regels if m.uitvoerders[r.taakgebied] == "gemeente"]
    out = [r.taakgebied for r in regels if m.uitvoerders[r.taakgebied] != "gemeente"]
    per_fte = take(trace, ds, SALARY_FILE, ("uurloon", "uren_per_maand"), "uurloon.uren_per_maand", "uur/maand")
    months = take(trace, ds, SALARY_FILE, ("uurloon", "maanden_per_jaar"), "uurloon.maanden_per_jaar", "maanden")
    tarief_uur = unit.schatting.uurtarief
    leden = _members(ds, members, figs, own, pakket, m, trace, months.id, tarief_uur.stap, schalingen)
    sums = (
        ("regio.budget", [_ident(lid, "bijdrage") for lid in members], "€/jaar"),
        ("regio.eigen_uren", [_ident(lid, "eigen_uren") for lid in members], "uur/maand"),
        ("regio.uitvoerder_uren", [step_id(a, "uren_per_maand") for a in out], "uur/maand"),
    )
    for ident, parts, eenheid in sums:
        compute(trace, ident, "totaal", {"delen": parts}, soort=ident, eenheid=eenheid)
    hours = trace.value("regio.uitvoerder_uren")
    fte = compute(
        trace,
        "regio.uitvoerder_fte",
        "fte",
        {"uren": "regio.uitvoerder_uren", "uren_per_fte": per_fte.id},
        uren_per_fte=per_fte.getal,
        taakgebied="uitvoerder",
    )
    cost = compute(
        trace,
        "regio.uitvoerder_kosten",
        "kosten_per_jaar",
        {"maanden": months.id, "uren": "regio.uitvoerder_uren", "uurtarief": tarief_uur.stap},
        volgorde=["regio.uitvoerder_uren", months.id, tarief_uur.stap],
        taakgebied="uitvoerder",
        maanden=months.getal,
        uren=hours,
        uurtarief=tarief_uur.bedrag,
    )
    roots = [
        "regio.budget",
        "regio.uitvoerder_uren",
        "regio.uitvoerder_fte",
        "regio.uitvoerder_kosten",
        "regio.eigen_uren",
        tarief_uur.stap,
    ]
    rate = m.tarief_per_inwoner or Decimal(0)
    return Regio(titel, soort, model, pakket, tarief, tuple(leden), rate, hours, fte, cost, unit, trace.finish(roots))


def executor_models(ds: Dataset) -> list[str]:
    """The models ``regio`` computes: those in which another than the municipality performs a taakgebied."""
    return [m.id for m in sorted(ds.models.modellen, key=lambda m: m.nummer) if any(e != "gemeente" for e in m.uitvoering.values())]


def check_model(ds: Dataset, model: str) -> None:
    choices = executor_models(ds)
    if model not in choices:
        known = model in {m.id for m in ds.models.modellen}
        why = "heeft geen uitvoerder (de gemeenten doen alles zelf)" if known else "staat niet in de data"
        raise UsageProblem(f"model {quote(model)} {why}; kies uit {', '.join(choices)}", field="model")


def _ident(lid: Lidinvoer, what: str) -> str:
    return f"leden[{lid.code or lid.naam}].{what}"


def _member_figure(lid: Lidinvoer, trace: Trace) -> Figuur:
    fig = Figuur(
        _ident(lid, "inwoners"), "lid.inwoners", lid.inwoners, "inwoners", lid.bron, lid.status, lid.plaats, (("gemeente", lid.naam),)
    )
    trace.read(fig)
    return fig


def _members(
    ds: Dataset,
    members: list[Lidinvoer],
    figs: list[Figuur],
    own: list[str],
    pakket: Pakket,
    m: ModelUitkomst,
    trace: Trace,
    months: str,
    rate: str,
    schalingen: dict[str, str] | None,
) -> list[Lid]:
    """Each member on its own, by the estimate's formulas: its hours of the taakgebieden it performs
    itself (one municipality of its inhabitants), their cost, and its contribution (rounded to the cent)."""
    areas = [ds.taakgebied(a) for a in own]
    scalings = {a.id: scaling(ds, a, trace, schalingen) for a in areas}
    norms = {(a.id, p): norm(ds, a.id, p, trace) for a in areas for p in components(pakket)}
    leden = []
    for lid, fig in zip(members, figs, strict=True):
        parts = []
        for (area, p), n in norms.items():
            how, how_ids = scalings[area]
            ident = _ident(lid, step_id(area, f"uren_per_maand.{p}"))
            hours_of(trace, n, how, how_ids, ident, fig.id, 1)
            parts.append(ident)
        uren = compute(
            trace, _ident(lid, "eigen_uren"), "totaal", {"delen": parts}, soort="lid.eigen_uren", eenheid="uur/maand", gemeente=lid.naam
        )
        kosten = compute(
            trace,
            _ident(lid, "eigen_kosten"),
            "kosten_per_jaar",
            {"maanden": months, "uren": _ident(lid, "eigen_uren"), "uurtarief": rate},
            volgorde=[_ident(lid, "eigen_uren"), months, rate],
            soort="lid.eigen_kosten",
            gemeente=lid.naam,
            maanden=trace.value(months),
            uren=uren,
            uurtarief=trace.value(rate),
        )
        bijdrage = compute(
            trace, _ident(lid, "bijdrage"), "lid.bijdrage", {"tarief": f"{m.id}.tarief", "inwoners": fig.id}, gemeente=lid.naam
        )
        leden.append(Lid(lid.naam, lid.code, lid.inwoners, uren, kosten, bijdrage, lid.bron, lid.politie_eenheid, lid.extra))
    return leden


def split_names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",")]
    return [n for n in names if n]


def group_by_unit(regio: Regio) -> list[tuple[str, int, int, Decimal, Decimal]]:
    """(eenheid, gemeenten, inwoners, eigen uren, bijdrage) per politie-eenheid, in order of appearance."""
    out: dict[str, list[Lid]] = {}
    for lid in regio.leden:
        out.setdefault(lid.politie_eenheid or "onbekend", []).append(lid)
    return [
        (
            unit,
            len(leden),
            sum(lid.inwoners for lid in leden),
            sum((lid.eigen_uren for lid in leden), Decimal(0)),
            sum((lid.bijdrage for lid in leden), Decimal(0)),
        )
        for unit, leden in out.items()
    ]
