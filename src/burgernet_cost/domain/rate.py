"""From salary tables to an hourly rate (uurtarief), recorded in the trace.

Salary basis (kostenbasis ``salaris``): monthly salary of a scale and step from a table, indexed
with the dated CAO steps up to a peildatum, times (1 + allowances), divided by the hours per month
(156, CAR art. 1:1). Integral basis (``integraal``): labour cost plus overhead per FTE per year,
divided by the productive hours per year (Handleiding Overheidstarieven).

The result says what it was computed from (``Uurtarief.params``, for the description) and which
assumptions and warnings apply (codes: ``output/wording.py`` words them).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.instant import oldest_price_date, steps_until, table_at
from burgernet_cost.domain.codes import Kostenbasis, Pad, Status
from burgernet_cost.domain.figures import SALARY_FILE, Bron, per_dataset, take, user_input
from burgernet_cost.domain.formulas import compute
from burgernet_cost.domain.trace import Figuur, Notitie, Params, Stap, Trace, Waarde, notitie
from burgernet_cost.errors import UsageProblem, quote
from burgernet_cost.structs import field, replace, struct

if TYPE_CHECKING:
    from burgernet_cost.data.record_types import files as s

RATE_STEP = "uurtarief"


@struct
class TariefKeuze:
    """How the user wants the hourly rate determined; empty = the default profile."""

    profiel: str | None = None
    schaal: str | None = None
    periodiek: int | None = None
    toeslagen: tuple[str, ...] | None = None
    peildatum: str | None = None
    uurtarief: Decimal | None = None
    kostenbasis: Kostenbasis = "salaris"
    peildatum_uit_jaar: bool = False  # the price date is 1 January of --jaar: before the oldest table, take the oldest


@struct
class Uurtarief:
    bedrag: Decimal
    soort: str  # "opgegeven", "salaris" or "integraal"
    params: Params  # what it was computed from, for its description
    figuren: tuple[Figuur, ...] = ()  # the figures it read
    aannames: tuple[Notitie, ...] = ()
    waarschuwingen: tuple[Notitie, ...] = ()
    profiel: str | None = None
    peildatum: str | None = None  # the date the amounts are at
    stap: str = RATE_STEP  # its step in the trace

    @property
    def p(self) -> dict[str, Waarde]:
        return dict(self.params)

    @property
    def rust_op_aanname(self) -> bool:
        return any(f.zwak for f in self.figuren)


@struct(frozen=False)
class _Build:
    trace: Trace
    aannames: list[Notitie] = field(default_factory=list)
    waarschuwingen: list[Notitie] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)

    def take(
        self,
        ds: Dataset,
        path: Pad,
        soort: str,
        eenheid: str,
        *,
        bron: str | Bron | None = None,
        status: Status | None = None,
        datum: str | None = None,
        **params: Waarde,
    ) -> Figuur:
        """Record the figure at ``path`` in the salary file as an input of the rate (``.getal``: its number)."""
        fig = take(self.trace, ds, SALARY_FILE, path, soort, eenheid, bron=bron, status=status, datum=datum, **params)
        self.inputs.append(fig.id)
        return fig


def profile(ds: Dataset, ident: str | None) -> tuple[int, s.Tariefprofiel]:
    ident = ident or ds.salary.standaard_tariefprofiel
    for n, p in enumerate(ds.salary.tariefprofielen):
        if p.id == ident:
            return n, p
    import difflib

    known = [p.id for p in ds.salary.tariefprofielen]
    hint = difflib.get_close_matches(ident, known, n=1)
    extra = f"; bedoelde u '{hint[0]}'?" if hint else f" (bekend: {', '.join(known)})"
    raise UsageProblem(f"onbekend tariefprofiel '{ident}'{extra}")


def _table(ds: Dataset, ident: str) -> tuple[int, s.Salaristabel]:
    for n, t in enumerate(ds.salary.tabellen):
        if t.id == ident:
            return n, t
    raise UsageProblem(f"onbekende salaristabel '{ident}'")


def cell_source(table: s.Salaristabel, schaal: str, periodiek: int) -> s.CelHerkomst | None:
    """The ``herkomst`` entry of one cell of a table (None: the table's own source holds for every cell)."""
    for h in table.herkomst:
        if (h.schalen is None or schaal in h.schalen) and (h.periodieken is None or periodiek in h.periodieken):
            return h
    return None


#: per data set, the rates already computed, with the figures and steps each recorded: the rate does not
#: depend on the inhabitants, and a document per member (rapport --per-gemeente) asks for it ~40 times
_RATES: dict[int, dict[TariefKeuze, tuple[Uurtarief, tuple[Figuur, ...], tuple[Stap, ...]]]] = {}


def uurtarief(ds: Dataset, keuze: TariefKeuze | None = None, trace: Trace | None = None) -> Uurtarief:
    """The hourly rate for ``keuze``, recorded as step ``uurtarief`` in ``trace``: computed once per data
    set and choice on a trace of its own, whose figures and steps are then recorded in ``trace`` as if
    read there (the figures the result names are those ``trace`` did not hold yet)."""
    keuze = keuze or TariefKeuze()
    trace = trace if trace is not None else Trace()
    known = per_dataset(_RATES, ds)
    if keuze not in known:
        own = Trace()
        known[keuze] = (_uurtarief(ds, keuze, own), tuple(own.figuren.values()), tuple(own.stappen.values()))
    result, figuren, stappen = known[keuze]
    before = set(trace.figuren)
    for f in figuren:
        trace.figuren.setdefault(f.id, f)
    for s in stappen:
        trace.stappen[s.id] = s
    return replace(result, figuren=tuple(f for f in figuren if f.id not in before))


def _uurtarief(ds: Dataset, keuze: TariefKeuze, trace: Trace) -> Uurtarief:
    before = set(trace.figuren)
    if keuze.uurtarief is not None:
        if keuze.uurtarief <= 0:
            raise UsageProblem("moet groter zijn dan 0", field="uurtarief")
        ident = user_input(trace, "uurtarief", keuze.uurtarief, "€/uur")
        compute(trace, RATE_STEP, "uurtarief.opgegeven", {"uurtarief": ident})
        return Uurtarief(keuze.uurtarief, "opgegeven", (), figuren=_read_since(trace, before))
    b = _Build(trace)
    pn, prof = profile(ds, keuze.profiel)
    schaal = keuze.schaal if keuze.schaal is not None else prof.schaal
    periodiek = keuze.periodiek if keuze.periodiek is not None else prof.periodiek
    custom = keuze.schaal is not None or keuze.periodiek is not None or keuze.toeslagen is not None
    b.take(ds, ("tariefprofielen", pn, "naam"), "tariefprofiel", "", profiel=prof.id, aangepast=custom)
    if keuze.kostenbasis == "integraal":  # the profile's salary reasoning does not apply; its scale does
        return _integral(ds, schaal, b, before, prof.id if keuze.schaal is None else None)
    if prof.status == "aanname" and not custom:
        b.aannames.append(notitie("aanname_tariefprofiel", profiel=prof.id, toelichting=prof.toelichting or prof.naam))
    profile_id = b.inputs[-1]
    maand_id, at, table = _monthly_salary(ds, keuze, prof, schaal, periodiek, b)
    factor_id, allowances = _allowances(ds, keuze, prof, at, b)
    uren_fig = b.take(ds, ("uurloon", "uren_per_maand"), "uurloon.uren_per_maand", "uur/maand")
    maand, factor, uren = trace.value(maand_id), (trace.value(factor_id) if factor_id else Decimal(1)), uren_fig.getal
    steps = tuple(f.datum for f in _read_since(trace, before) if f.soort == "cao_stap")
    params: Params = (
        ("schaal", schaal),
        ("periodiek", periodiek),
        ("tabel_datum", table.ingangsdatum),
        ("tabel_status", table.status),
        ("bedragen_per", at),
        ("toeslagen", tuple(allowances)),
        ("maandsalaris", maand),
        ("factor", factor),
        ("uren_per_maand", uren),
        ("cao_stappen", steps),
    )
    bedrag = compute(
        trace,
        RATE_STEP,
        "uurtarief.salaris",
        {"maandsalaris": maand_id, "factor": factor_id or Decimal(1), "uren_per_maand": uren_fig.id},
        keuze=[profile_id],
        volgorde=[profile_id, maand_id, *([factor_id] if factor_id else []), uren_fig.id],
        extra=params,
    )
    return Uurtarief(bedrag, "salaris", params, _read_since(trace, before), tuple(b.aannames), tuple(b.waarschuwingen), prof.id, at)


def _read_since(trace: Trace, before: set[str]) -> tuple[Figuur, ...]:
    return tuple(f for i, f in trace.figuren.items() if i not in before)


def _monthly_salary(
    ds: Dataset, keuze: TariefKeuze, prof: s.Tariefprofiel, schaal: str, periodiek: int, b: _Build
) -> tuple[str, str, s.Salaristabel]:
    """The monthly salary from the table, indexed to the peildatum: (its figure or step, date it is at, table)."""
    peildatum = keuze.peildatum
    if peildatum and keuze.peildatum_uit_jaar and peildatum < oldest_price_date(ds):
        b.waarschuwingen.append(notitie("prijspeil_oudste_tabel", gevraagd=peildatum, oudste=oldest_price_date(ds)))
        peildatum = oldest_price_date(ds)
    if peildatum:
        tn, table = table_at(ds, peildatum, schaal, periodiek, prof.tabel)
    else:
        tn, table = _table(ds, prof.tabel)
        if schaal not in table.schalen:
            raise UsageProblem(
                f"schaal {quote(schaal)} bestaat niet in tabel {table.id} (schalen: {', '.join(table.schalen)})", field="schaal"
            )
        if periodiek >= len(table.schalen[schaal]):
            raise UsageProblem(
                f"periodiek {periodiek} bestaat niet in schaal {schaal} van tabel {table.id} (0 t/m {len(table.schalen[schaal]) - 1})"
            )
    source = cell_source(table, schaal, periodiek)
    maand = b.take(
        ds,
        ("tabellen", tn, "schalen", schaal, periodiek),
        "salaris.maand",
        "€/maand",
        bron=source.bron if source else None,
        status=source.status if source else None,
        schaal=schaal,
        periodiek=periodiek,
        tabel=table.naam,
        datum=table.ingangsdatum,
    ).id
    if table.status == "afgeleid":
        reason = (table.aanname or table.methode or "").rstrip(".")
        b.aannames.append(
            notitie("tabel_afgeleid", tabel=table.naam, reden=reason, **derivation(ds, table, schaal, periodiek, b.trace.value(maand)))
        )
    at = table.ingangsdatum
    if peildatum and peildatum > table.ingangsdatum:
        maand, at = _index(ds, table, maand, peildatum, b)
    return maand, at, table


def _allowances(ds: Dataset, keuze: TariefKeuze, prof: s.Tariefprofiel, at: str, b: _Build) -> tuple[str | None, list[tuple[str, Decimal]]]:
    """The step 1 + the allowance percentages valid at ``at`` (None: no allowance), and (name, percentage) of each."""
    ids: list[str] = []
    names: list[tuple[str, Decimal]] = []
    toeslag_ids = keuze.toeslagen if keuze.toeslagen is not None else tuple(prof.toeslagen)
    known_ids = [a.id for a in ds.salary.toeslagen]
    unknown = next((tid for tid in toeslag_ids if tid not in known_ids and tid != "alle"), None)
    if unknown is not None:  # also next to 'alle': a typo is never swallowed
        raise UsageProblem(f"onbekende toeslag {quote(unknown)} (bekend: {', '.join(known_ids)})", field="toeslagen")
    if "alle" in toeslag_ids:
        toeslag_ids = tuple(known_ids)
    for tid in toeslag_ids:
        an = known_ids.index(tid)
        toeslag = ds.salary.toeslagen[an]
        valid = [(k, w) for k, w in enumerate(toeslag.waarden) if w.vanaf <= at]
        if not valid:
            b.waarschuwingen.append(notitie("toeslag_onbekend", toeslag=toeslag.naam, datum=at))
            continue
        k, w = valid[-1]
        percent = take(
            b.trace,
            ds,
            SALARY_FILE,
            ("toeslagen", an, "waarden", k, "procent"),
            "toeslag",
            "%",
            toeslag=toeslag.naam,
            vanaf=w.vanaf,
            datum=w.vanaf,
        )
        ids.append(percent.id)
        names.append((toeslag.naam, w.procent))
    if not ids:
        return None, names
    compute(b.trace, "uurtarief.toeslagfactor", "toeslagfactor", {"procenten": ids})
    return "uurtarief.toeslagfactor", names


def derivation(ds: Dataset, table: s.Salaristabel, schaal: str, periodiek: int, maand: Decimal) -> dict[str, Waarde]:
    """How a cell of a derived table follows from a published one: the oldest published table after
    it with the cell, with the CAO steps between the two dates divided out (newest first). Empty when
    there is no such table. ``bedrag`` is the derived table's cell, ``terug`` the unrounded result."""
    later = sorted(
        (t for t in ds.salary.tabellen if t.status == "gepubliceerd" and t.ingangsdatum > table.ingangsdatum and schaal in t.schalen),
        key=lambda t: t.ingangsdatum,
    )
    source = next((t for t in later if periodiek < len(t.schalen[schaal])), None)
    if source is None:
        return {}
    value = Decimal(source.schalen[schaal][periodiek])
    start, undone = value, []
    for _n, step in reversed(steps_until(ds, table, source.ingangsdatum)):
        if step.procent is not None:
            value = value / (1 + Decimal(str(step.procent)) / 100)
            undone.append((step.datum, f"/ {Decimal(str(step.procent)) / 100 + 1}"))
        else:
            value = value - Decimal(str(step.bedrag_per_maand))
            undone.append((step.datum, f"- {step.bedrag_per_maand}"))
    return {
        "bron_tabel": source.naam,
        "bron_datum": source.ingangsdatum,
        "bron_bedrag": start,
        "stappen": tuple(undone),
        "terug": value,
        "bedrag": maand,
        "schaal": schaal,
        "periodiek": periodiek,
    }


def _index(ds: Dataset, table: s.Salaristabel, maand: str, peildatum: str, b: _Build) -> tuple[str, str]:
    """Apply the dated CAO steps after the table's date up to the peildatum, one step each (the
    salary after it); returns the last step, the indexed monthly salary, and the date it is at."""
    at = table.ingangsdatum
    steps = list(steps_until(ds, table, peildatum))
    for k, (n, step) in enumerate(steps):
        ident = "uurtarief.maandsalaris" if k == len(steps) - 1 else f"uurtarief.maandsalaris[{k + 1}]"
        key, unit = ("procent", "%") if step.procent is not None else ("bedrag_per_maand", "€/maand")
        fig = take(b.trace, ds, SALARY_FILE, ("cao_verhogingen", n, key), "cao_stap", unit, datum=step.datum)
        name = "procent" if key == "procent" else "verhoging"
        compute(
            b.trace,
            ident,
            "cao_stap.procent" if name == "procent" else "cao_stap.bedrag",
            {"maandsalaris": maand, name: fig.id},
            soort="maandsalaris_geindexeerd",
            peildatum=step.datum,
        )
        maand = ident
        if step.status == "aanname":
            b.aannames.append(notitie("cao_stap_aanname", datum=step.datum, toelichting=step.toelichting))
        at = step.datum
    last = ds.salary.cao_verhogingen_onbekend_na
    if peildatum > last:
        b.waarschuwingen.append(
            notitie(
                "peildatum_na_laatste_cao_stap",
                peildatum=peildatum,
                niveau=max(at, min(last, peildatum)),
                toelichting=ds.salary.cao_verhogingen_toelichting,
            )
        )
    return maand, peildatum if peildatum <= last else max(at, table.ingangsdatum)


def _integral(ds: Dataset, schaal: str, b: _Build, before: set[str], profiel: str | None) -> Uurtarief:
    """Labour cost plus overhead per fte per year over the productive hours; ``profiel``: the
    tariff profile the scale came from (None when the user chose the scale)."""
    ik = ds.salary.integrale_kosten
    if ik is None:
        raise UsageProblem("de data bevat geen integrale kosten (salary_scales.yaml: integrale_kosten)")
    if schaal not in ik.loonkosten_per_fte_per_jaar:
        raise UsageProblem(
            f"geen integrale loonkosten voor schaal {quote(schaal)} (schalen: {', '.join(ik.loonkosten_per_fte_per_jaar)})", field="schaal"
        )
    loon_fig = b.take(
        ds,
        ("integrale_kosten", "loonkosten_per_fte_per_jaar", schaal),
        "integraal.loonkosten",
        "€/jaar",
        schaal=schaal,
        naam=ik.naam,
        datum=f"{ik.jaar}-01-01",
    )
    overhead_fig = b.take(ds, ("integrale_kosten", "overhead_per_fte_per_jaar"), "integraal.overhead", "€/jaar", datum=f"{ik.jaar}-01-01")
    uren_fig = b.take(
        ds,
        ("integrale_kosten", "productieve_uren_per_jaar"),
        "integraal.productieve_uren",
        "uur/jaar",
        bron=ik.productieve_uren_bron,
        status=ik.productieve_uren_status,
    )
    loon, overhead, uren = loon_fig.getal, overhead_fig.getal, uren_fig.getal
    uren_bron = ik.productieve_uren_bron
    b.aannames.append(
        notitie(
            "integrale_kosten",
            naam=ik.naam,
            status=ik.status,
            schaal=schaal,
            profiel=profiel,
            productieve_uren=uren,
            uren_bron=(uren_bron.document or uren_bron.kort()) if uren_bron is not None else "",
            uren_status=ik.productieve_uren_status or "",
        )
    )
    params: Params = (("schaal", schaal), ("naam", ik.naam), ("loonkosten", loon), ("overhead", overhead), ("productieve_uren", uren))
    profile_id, loon_id, overhead_id, uren_id = b.inputs
    bedrag = compute(
        b.trace,
        RATE_STEP,
        "uurtarief.integraal",
        {"loonkosten": loon_id, "overhead": overhead_id, "productieve_uren": uren_id},
        keuze=[profile_id],
        volgorde=b.inputs,
        extra=params,
    )
    return Uurtarief(
        bedrag, "integraal", params, _read_since(b.trace, before), tuple(b.aannames), tuple(b.waarschuwingen), None, f"{ik.jaar}-01-01"
    )
