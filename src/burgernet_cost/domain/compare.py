"""The three organisation models (inrichtingsmodellen, report §5, §5.1, §6) for one municipality.

For every quantified taakgebied the model says who performs it. What the municipality performs
itself costs it hours and salary (from ``estimate``); what another performs it pays for with a
contribution per inhabitant:

* tariff ``berekend``: the computed cost per inhabitant of that taakgebied (the same norm, so
  gemeentelijk and regionaal cost the same in total; they differ in who works and who pays);
* tariff ``advies``: the national amounts recommended in §6 (€ 0,03 basis, € 0,07 volledig);
* an executor with a scale advantage in the data (the national provision: §5.1 "iets lager"; the
  percentage is an assumption, flagged wherever it is used) charges the computed tariff less that
  percentage. Which executors have one, and how much, is data: a fourth model is data only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.domain.codes import TARIEVEN, ModelCode, Pakket, Schaalvoordelen, Status, Tarief, status
from burgernet_cost.domain.estimate import INWONERS, Herkomst, Regel, Schatting, estimate, step_id
from burgernet_cost.domain.figures import MODELS_FILE, figure, take, user_input
from burgernet_cost.domain.formulas import FORMULES, compute
from burgernet_cost.domain.rate import TariefKeuze, uurtarief
from burgernet_cost.domain.trace import Figuur, Notitie, Spoor, Trace, notitie
from burgernet_cost.errors import UsageProblem, quote
from burgernet_cost.structs import replace, struct

if TYPE_CHECKING:
    from burgernet_cost.data.record_types.organisation import Inrichtingsmodel


@struct
class Schaalvoordeel:
    """The scale advantage of one executor as a result used it: the data's, or the user's own figure."""

    uitvoerder: str  # executor id
    naam: str  # the executor's name ("landelijke voorziening")
    procent: Decimal
    opgegeven: bool  # given with --schaalvoordeel (not the data's)
    status: Status  # the data's status (an assumption in the shipped data); "invoer" when given
    bron: str
    citaat: str
    toelichting: str


@struct
class ModelUitkomst:
    id: str
    nummer: int
    naam: str
    uitvoering: dict[str, str]  # taakgebied -> executor name
    uitvoerders: dict[str, str]  # taakgebied -> executor id
    eigen_uren: Decimal
    eigen_fte: Decimal
    eigen_kosten: Decimal
    uitbesteed_uren: Decimal
    tarief_per_inwoner: Decimal | None  # contribution per inhabitant per year (None: no settlement)
    bijdrage: Decimal
    totaal: Decimal
    verschil: Decimal  # totaal - totaal(gemeentelijk)
    verrekening: str
    tarief_bron: Tarief | None
    rust_op_aanname: bool  # uses the scale advantage (an assumption, or the user's own figure)

    @property
    def uitvoerder(self) -> str:
        """Who performs what the municipality does not ("regionale uitvoerder"; "" when it does all)."""
        return " / ".join(dict.fromkeys(self.uitvoering[a] for a, e in self.uitvoerders.items() if e != "gemeente"))


@struct
class Vergelijking:
    inwoners: int
    pakket: Pakket
    tarief: Tarief
    schaalvoordelen: tuple[Schaalvoordeel, ...]  # of the executors the shown models use (at either tariff)
    schatting: Schatting
    uitkomsten: tuple[ModelUitkomst, ...]
    spoor: Spoor
    notities: tuple[Notitie, ...]

    @property
    def figuren(self) -> tuple[Figuur, ...]:
        return self.spoor.figuren

    def schaalvoordelen_van(self, ident: str) -> tuple[Schaalvoordeel, ...]:
        """The scale advantages the model's contribution rests on (none at tarief advies)."""
        u = self.model(ident)
        if not u.rust_op_aanname:
            return ()
        return tuple(s for s in self.schaalvoordelen if s.uitvoerder in u.uitvoerders.values())

    def model(self, ident: ModelCode | str) -> ModelUitkomst:
        for u in self.uitkomsten:
            if u.id == ident:
                return u
        raise KeyError(ident)


def advice_tariff(ds: Dataset, taakgebied: str, pakket: Pakket, trace: Trace) -> tuple[str, Decimal, bool]:
    """The recommended national amount for a package (§6), recorded: (id, amount, derived?).
    For aanvullend alone the data has no amount: it is volledig - basis (derived by bncost)."""
    amounts: dict[str, int] = {a.pakket: n for n, a in enumerate(ds.models.adviesbedragen) if a.taakgebied == taakgebied}

    def read(p: str) -> Figuur:
        return take(
            trace,
            ds,
            MODELS_FILE,
            ("adviesbedragen", amounts[p], "euro_per_inwoner_per_jaar"),
            "adviesbedrag",
            "€/inwoner/jaar",
            pakket=p,
            taakgebied=taakgebied,
        )

    if pakket in amounts:
        fig = read(pakket)
        return fig.id, fig.getal, False
    if pakket == "aanvullend" and "basis" in amounts and "volledig" in amounts:
        full, basis = read("volledig"), read("basis")
        ident = f"advies.{taakgebied}.aanvullend"
        return ident, compute(trace, ident, "advies_aanvullend", {"volledig": full.id, "basis": basis.id}), True
    raise UsageProblem(
        f"de data noemt geen adviesbedrag voor taakgebied '{taakgebied}', pakket '{pakket}' (inrichtingsmodellen.yaml: adviesbedragen)"
    )


def _indexed(ds: Dataset, rate_id: str, schatting: Schatting, keuze: TariefKeuze | None, trace: Trace, notes: list[Notitie]) -> str:
    """A §6 amount (euros of its own price date) set against a rate of another date: indexed with the
    same wage index as the rate (the rate at the result's date over the rate at the amount's date, same
    scale, step and allowances), a derived figure with its method; refused when the rate has no index
    (given directly, or integral costs)."""
    tarief = schatting.uurtarief
    ident = "adviesbedragen_prijspeil"
    if ds.models.adviesbedragen_prijspeil is None:  # older data without the amounts' price date: as before
        return rate_id
    fig = figure(ds, MODELS_FILE, (ident, "datum"), "adviesbedragen.prijspeil", "")
    price_date = str(fig.waarde)
    if tarief.peildatum == price_date:
        return rate_id
    trace.read(fig)
    if tarief.soort != "salaris":
        how = "--uurtarief" if tarief.soort == "opgegeven" else "--kostenbasis integraal"
        y, m, d = price_date.split("-")
        raise UsageProblem(
            f"de adviesbedragen van §6 zijn euro's van {int(d)}-{int(m)}-{y}; met {how} is er geen loonindex om ze mee te "
            "indexeren (kies --tarief berekend)",
            field="tarief",
        )
    then = uurtarief(ds, replace(keuze or TariefKeuze(), peildatum=price_date, peildatum_uit_jaar=False), Trace())
    base = Figuur(
        "adviesbedragen.uurtarief_op_prijspeil",
        "uurtarief_op_prijspeil",
        then.bedrag,
        "€/uur",
        then.figuren[-1].bron if then.figuren else "",
        "afgeleid",
        None,
        (("datum", price_date),),
        datum=price_date,
    )
    trace.read(base)
    index_id = "advies.loonindex"
    factor = compute(
        trace,
        index_id,
        "advies.loonindex",
        {"uurtarief": tarief.stap, "uurtarief_prijspeil": base.id},
        keuze=[fig.id],
        van=price_date,
        naar=tarief.peildatum,
    )
    out = f"{rate_id}.geindexeerd"
    compute(trace, out, "advies_geindexeerd", {"bedrag": rate_id, "factor": index_id}, van=price_date, naar=tarief.peildatum, factor=factor)
    if not any(n.code == "advies_geindexeerd" for n in notes):
        notes.append(notitie("advies_geindexeerd", van=price_date, naar=tarief.peildatum, factor=factor, methode=fig.waarde))
    return out


def chosen_scale_advantages(
    ds: Dataset, schaalvoordeel: Schaalvoordelen | None, modellen: tuple[str, ...] | None, tarief: Tarief
) -> Schaalvoordelen | None:
    """The user's scale advantages (``--schaalvoordeel``) by executor id. A figure without an executor
    (key "") belongs to the one executor with a scale advantage in these models; a figure that would
    change nothing is refused, not ignored."""
    if not schaalvoordeel:
        return None
    if tarief != "berekend":
        raise UsageProblem(
            "heeft geen effect bij --tarief advies (een schaalvoordeel geldt alleen voor het berekende tarief)", field="schaalvoordeel"
        )
    declared = {u.id: u for u in ds.models.uitvoerders if u.schaalvoordeel is not None}
    shown = [m for m in ds.models.modellen if modellen is None or m.id in modellen]
    performing = executors_of(ds, modellen)
    used = [e for e in declared if e in performing]
    out: Schaalvoordelen = {}
    for who, procent in schaalvoordeel.items():
        if who == "":
            if not used:
                where = ", ".join(m.naam for m in shown)
                why = "geen uitvoerder daarvan heeft een schaalvoordeel"
                raise UsageProblem(f"heeft geen effect bij model {where} ({why})", field="schaalvoordeel")
            if len(used) > 1:
                raise UsageProblem(f"zeg voor welke uitvoerder ({' of '.join(f'{e}=PCT' for e in used)})", field="schaalvoordeel")
            who = used[0]
        if who not in declared:
            choices = ", ".join(declared) or "de data noemt er geen"
            raise UsageProblem(
                f"de data kent geen uitvoerder {quote(who)} met een schaalvoordeel (kies uit: {choices})", field="schaalvoordeel"
            )
        if who not in used:
            names = ", ".join(m.naam for m in ds.models.modellen if who in m.uitvoering.values())
            raise UsageProblem(
                f"heeft geen effect bij model {', '.join(m.naam for m in shown)} (het schaalvoordeel van de {declared[who].naam} "
                f"geldt alleen voor {names})",
                field="schaalvoordeel",
            )
        if who in out:
            raise UsageProblem(f"twee keer opgegeven voor de {declared[who].naam}", field="schaalvoordeel")
        out[who] = procent
    return out


def executors_of(ds: Dataset, modellen: tuple[str, ...] | None = None) -> set[str]:
    """The ids of the executors that perform a taakgebied in one of ``modellen`` (None: every model)."""
    return {e for m in ds.models.modellen if modellen is None or m.id in modellen for e in m.uitvoering.values()}


def for_model(ds: Dataset, schaalvoordeel: Schaalvoordelen | None, model: str) -> Schaalvoordelen | None:
    """The chosen scale advantages that bear on one model (of the executors it uses)."""
    used = executors_of(ds, (model,))
    return {e: v for e, v in (schaalvoordeel or {}).items() if e in used} or None


def scale_advantages(
    ds: Dataset, schaalvoordeel: Schaalvoordelen | None, modellen: tuple[str, ...] | None = None
) -> tuple[Schaalvoordeel, ...]:
    """The scale advantage of every executor that has one in the data and performs a taakgebied in
    one of ``modellen`` (all when None), with the user's own figure where given."""
    given = schaalvoordeel or {}
    used = executors_of(ds, modellen)
    out = []
    for u in ds.models.uitvoerders:
        sv = u.schaalvoordeel
        if sv is None or u.id not in used:
            continue
        own = u.id in given
        out.append(
            Schaalvoordeel(
                u.id,
                u.naam,
                given[u.id] if own else sv.procent,
                own,
                "invoer" if own else status(sv.status),
                sv.bron.kort(),
                sv.bron.citaat or "",
                sv.toelichting.strip(),
            )
        )
    return tuple(out)


def _scale_advantage(ds: Dataset, uitvoerder: str, schaalvoordeel: Schaalvoordelen | None, trace: Trace) -> tuple[str, Decimal]:
    """The executor's scale advantage as a figure of the trace: the user's, or the data's."""
    n, u = next((n, u) for n, u in enumerate(ds.models.uitvoerders) if u.id == uitvoerder)
    if schaalvoordeel and uitvoerder in schaalvoordeel:
        value = schaalvoordeel[uitvoerder]
        return user_input(trace, "schaalvoordeel", value, "%", of=uitvoerder, uitvoerder=u.naam), value
    fig = take(trace, ds, MODELS_FILE, ("uitvoerders", n, "schaalvoordeel", "procent"), "schaalvoordeel", "%", uitvoerder=u.naam)
    return fig.id, fig.getal


def compare(
    ds: Dataset,
    inwoners: int,
    pakket: Pakket,
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordelen | None = None,
    keuze: TariefKeuze | None = None,
    trace: Trace | None = None,
    modellen: tuple[str, ...] | None = None,
    herkomst: Herkomst | None = None,
    schalingen: dict[str, str] | None = None,
    gemeenten: int = 1,
) -> Vergelijking:
    """The organisation models (all, or ``modellen``) for one municipality of ``inwoners``, or for
    ``gemeenten`` municipalities of ``inwoners`` together (a region: the sum of its members)."""
    if tarief not in TARIEVEN:
        raise ValueError(tarief)
    trace = trace if trace is not None else Trace()
    schaalvoordeel = chosen_scale_advantages(ds, schaalvoordeel, modellen, tarief)
    schatting = estimate(ds, inwoners, pakket, keuze, trace, herkomst, schalingen, gemeenten)
    svs = scale_advantages(ds, schaalvoordeel, modellen)
    notes: list[Notitie] = []
    rates: dict[str, str] = {}  # taakgebied -> id of its contribution per inhabitant
    outsourced_areas = {a for m in ds.models.modellen for a, e in m.uitvoering.items() if e != "gemeente"}
    for regel in schatting.regels:
        if not regel.gekwantificeerd or regel.taakgebied not in outsourced_areas:
            continue
        if tarief == "advies":
            rates[regel.taakgebied], amount, derived = advice_tariff(ds, regel.taakgebied, pakket, trace)
            if derived:
                notes.append(notitie("advies_aanvullend_afgeleid", bedrag=amount))
            rates[regel.taakgebied] = _indexed(ds, rates[regel.taakgebied], schatting, keuze, trace, notes)
        else:
            rates[regel.taakgebied] = step_id(regel.taakgebied, "per_inwoner")
    uitkomsten = [
        _model(ds, model, schatting, rates, tarief, schaalvoordeel, trace)
        for model in sorted(ds.models.modellen, key=lambda m: m.nummer)
        if modellen is None or model.id in modellen
    ]
    base = next((u for u in uitkomsten if u.id == "gemeentelijk"), uitkomsten[0])
    uitkomsten = [replace(u, verschil=u.totaal - base.totaal) for u in uitkomsten]
    notes += _notes(ds, schatting, base, uitkomsten, tarief, svs)
    notes.extend(schatting.notities)
    return Vergelijking(
        inwoners=inwoners,
        pakket=pakket,
        tarief=tarief,
        schaalvoordelen=svs,
        schatting=schatting,
        uitkomsten=tuple(uitkomsten),
        spoor=trace.finish([*(f"{u.id}.totaal" for u in uitkomsten), *schatting.spoor.wortels]),
        notities=tuple(notes),
    )


def met_schaalvoordeel(ds: Dataset, m: Inrichtingsmodel, taakgebied: str, tarief: Tarief) -> str | None:
    """The executor whose scale advantage the model's contribution for ``taakgebied`` gets, if any:
    one the data gives a scale advantage (the national provision, §5.1), at the computed tariff (§6's
    amounts are national already). The one place of this rule: the workbook asks here too."""
    executor = m.uitvoering[taakgebied]
    if tarief != "berekend" or executor == "gemeente":
        return None
    return next((u.id for u in ds.models.uitvoerders if u.id == executor and u.schaalvoordeel is not None), None)


def _model(
    ds: Dataset,
    m: Inrichtingsmodel,
    schatting: Schatting,
    rates: dict[str, str],
    tarief: Tarief,
    schaalvoordeel: Schaalvoordelen | None,
    trace: Trace,
) -> ModelUitkomst:
    """Own cost, contribution and total of one organisation model, recorded as steps ``<model>.…``."""
    executors = {u.id: u.naam for u in ds.models.uitvoerders}
    own = [r for r in schatting.regels if r.gekwantificeerd and m.uitvoering[r.taakgebied] == "gemeente"]
    out = [r for r in schatting.regels if r.gekwantificeerd and m.uitvoering[r.taakgebied] != "gemeente"]
    ident = m.id
    own_cost = _sum(trace, ident, own, "kosten_per_jaar", "€/jaar", "eigen_kosten", model=m.naam)
    rate_ids = []
    assumption = False
    for r in out:
        rate_id = rates[r.taakgebied]
        executor = met_schaalvoordeel(ds, m, r.taakgebied, tarief)
        if executor is not None:
            sv_id, sv = _scale_advantage(ds, executor, schaalvoordeel, trace)
            reduced = f"{ident}.{r.taakgebied}.tarief"
            compute(trace, reduced, "tarief_na_schaalvoordeel", {"tarief": rate_id, "schaalvoordeel": sv_id}, schaalvoordeel=sv)
            rate_id, assumption = reduced, True
        rate_ids.append(rate_id)
    rate_total = None
    contribution = Decimal(0)
    terms = [f"{ident}.eigen_kosten"]
    if rate_ids:
        rate_total = compute(trace, f"{ident}.tarief", "totaal", {"delen": rate_ids}, soort="model.tarief", eenheid="€/inwoner/jaar")
        contribution = compute(
            trace,
            f"{ident}.bijdrage",
            "model.bijdrage",
            {"tarief": f"{ident}.tarief", "inwoners": INWONERS},
            tarief=rate_total,
            inwoners=schatting.inwoners,
        )
        terms.append(f"{ident}.bijdrage")
    totaal = compute(
        trace,
        f"{ident}.totaal",
        "model.totaal",
        {"eigen_kosten": terms[0], "bijdrage": terms[1] if len(terms) > 1 else 0},
        model=m.naam,
        nummer=m.nummer,
    )
    return ModelUitkomst(
        id=ident,
        nummer=m.nummer,
        naam=m.naam,
        uitvoering={area: executors.get(e, e) for area, e in m.uitvoering.items()},
        uitvoerders=dict(m.uitvoering),
        eigen_uren=_sum(trace, ident, own, "uren_per_maand", "uur/maand", "eigen_uren"),
        eigen_fte=_sum(trace, ident, own, "fte", "fte"),
        eigen_kosten=own_cost,
        uitbesteed_uren=_sum(trace, ident, out, "uren_per_maand", "uur/maand", "uitbesteed_uren"),
        tarief_per_inwoner=rate_total,
        bijdrage=contribution,
        totaal=totaal,
        verschil=Decimal(0),
        verrekening=m.verrekening_omschrijving,
        tarief_bron=None if rate_total is None else tarief,
        rust_op_aanname=assumption,
    )


def _sum(trace: Trace, ident: str, regels: list[Regel], grootheid: str, eenheid: str, naam: str = "", **params: str) -> Decimal:
    """The sum of a quantity over taakgebieden, a step ``<model>.eigen_<grootheid>`` (or ``naam``)."""
    naam = naam or f"eigen_{grootheid}"
    delen = [step_id(r.taakgebied, grootheid) for r in regels]
    return compute(
        trace, f"{ident}.{naam}", "totaal", {"delen": delen}, soort=f"model.{naam}", eenheid=eenheid, extra=tuple(params.items())
    )


def _notes(
    ds: Dataset, schatting: Schatting, gem: ModelUitkomst, uitkomsten: list[ModelUitkomst], tarief: Tarief, svs: tuple[Schaalvoordeel, ...]
) -> list[Notitie]:
    notes = []
    if gem.id == "gemeentelijk":
        parts = tuple((r.naam, r.fte) for r in schatting.regels if r.gekwantificeerd)
        notes.append(notitie("fte_fragment", pakket=schatting.pakket, fte=gem.eigen_fte, delen=parts, uren=gem.eigen_uren))
    paying = tuple(u.naam for u in uitkomsten if u.tarief_per_inwoner is not None)
    if tarief == "berekend":
        equal = tuple(u.naam for u in uitkomsten if not u.rust_op_aanname)
        if len(equal) > 1 and paying:
            notes.append(notitie("berekend_gelijk", modellen=equal))
    else:
        notes.append(notitie("tarief_advies", toelichting=ds.models.adviesbedragen_toelichting))
        if svs:
            notes.append(notitie("advies_landelijk", modellen=paying, uitvoerders=tuple(s.naam for s in svs)))
        return notes
    for s in svs:
        if s.opgegeven:
            notes.append(
                notitie("schaalvoordeel_opgegeven", uitvoerder=s.naam, id=s.uitvoerder, procent=s.procent, bron=s.bron, citaat=s.citaat)
            )
        else:
            notes.append(
                notitie(
                    "schaalvoordeel_aanname",
                    uitvoerder=s.naam,
                    id=s.uitvoerder,
                    procent=s.procent,
                    status=s.status,
                    bron=s.bron,
                    citaat=s.citaat,
                    toelichting=s.toelichting,
                )
            )
    return notes


def report_tariffs(ds: Dataset, keuze: TariefKeuze | None = None) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """The regional tariff per inhabitant per year, computed and advised, for basis and volledig."""
    n = ds.models.referentiegemeente.inwoners
    computed: dict[str, Decimal] = {}
    advised: dict[str, Decimal] = {}
    for pakket in ("basis", "volledig"):
        computed[pakket] = compare(ds, n, pakket, "berekend", keuze=keuze).model("regionaal").tarief_per_inwoner or Decimal(0)
        advised[pakket] = compare(ds, n, pakket, "advies", keuze=keuze).model("regionaal").tarief_per_inwoner or Decimal(0)
    return computed, advised


# What the report's tariff (§4.1.2) pays for: the staff time of relatiebeheer and communicatie, without
# werving (§4.1.2 N.B.). A 2014 contribution (§2.1) compares with it only when it paid for exactly that.
TARIEF_BETAALT = ("relatiebeheer_communicatie",)


@struct
class Bijdrage2014:
    """One area of §2.1 next to the report's tariff: what its contribution paid for beyond the tariff
    (``ook``) and what of the tariff it did not pay for (``niet``); a difference only when both are empty."""

    gebied: str
    bijdrage: Decimal | None
    ook: tuple[str, ...]
    niet: tuple[str, ...]
    verschil: Decimal | None


@struct
class AdviesVerschil:
    """With tarief advies: regional minus municipal total, and the computed tariff it replaces."""

    verschil: Decimal  # regionaal.totaal - gemeentelijk.totaal
    berekend_per_jaar: Decimal  # the work the executor takes over, at the computed rate
    berekend_per_inwoner: Decimal  # the same per inhabitant
    afronding: bool  # the advice amount is the computed tariff rounded to the cent (the report's rounding)


def advice_gap(v: Vergelijking) -> AdviesVerschil | None:
    """Where the regional model differs from the municipal one at tarief advies, and why."""
    if v.tarief != "advies":
        return None
    own, regional = v.model("gemeentelijk"), v.model("regionaal")
    if regional.tarief_per_inwoner is None or not v.inwoners:
        return None
    gap = regional.totaal - own.totaal
    if gap == 0:
        return None
    computed = own.eigen_kosten - regional.eigen_kosten
    per_inh = computed / v.inwoners
    return AdviesVerschil(gap, computed, per_inh, per_inh.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == regional.tarief_per_inwoner)


def per_jaar(tarief: Decimal, inwoners: int) -> Decimal:
    """A contribution per inhabitant as an amount per year for ``inwoners`` (the formula of a model's contribution)."""
    return FORMULES["model.bijdrage"].evaluate({"tarief": tarief, "inwoners": inwoners})


def contributions_2014(ds: Dataset, tarief: Decimal) -> list[Bijdrage2014]:
    """Every area of §2.1, the same rule for each: like with like, or no difference."""
    out = []
    for sit in ds.models.situatie_2014:
        ook = tuple(x for x in sit.bijdrage_betaalt if x not in TARIEF_BETAALT)
        niet = tuple(x for x in TARIEF_BETAALT if x not in sit.bijdrage_betaalt)
        paid = sit.bijdrage_gemeenten_per_inwoner
        alike = paid is not None and not ook and not niet
        out.append(Bijdrage2014(sit.gebied, paid, ook, niet, paid - tarief if alike and paid is not None else None))
    return out
