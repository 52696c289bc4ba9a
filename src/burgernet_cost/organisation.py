"""The three organisation models (inrichtingsmodellen, report §5, §5.1, §6) for one municipality.

For every quantified taakgebied the model says who performs it. What the municipality performs
itself costs it hours and salary (from ``calculator``); what another performs it pays for with a
contribution per inhabitant:

* tariff ``berekend``: the computed cost per inhabitant of that taakgebied (the same norm, so
  gemeentelijk and regionaal cost the same in total; they differ in who works and who pays);
* tariff ``advies``: the national amounts recommended in §6 (€ 0,03 basis, € 0,07 volledig);
* a national executor is cheaper than a regional one by the scale advantage (§5.1 "iets lager";
  the percentage is an assumption, flagged wherever it is used).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from burgernet_cost import money
from burgernet_cost.calculator import PAKKET_LABELS, Schatting, estimate
from burgernet_cost.dataset import Dataset
from burgernet_cost.errors import UsageProblem
from burgernet_cost.salary import TariefKeuze
from burgernet_cost.trace import Figuur

TARIEVEN = ("berekend", "advies")
M = "inrichtingsmodellen.yaml"


@dataclass(frozen=True)
class ModelUitkomst:
    id: str
    nummer: int
    naam: str
    uitvoering: dict[str, str]  # taakgebied -> executor name
    eigen_uren: Decimal
    eigen_fte: Decimal
    eigen_kosten: Decimal
    uitbesteed_uren: Decimal
    tarief_per_inwoner: Decimal | None  # contribution per inhabitant per year (None: no settlement)
    bijdrage: Decimal
    totaal: Decimal
    verschil: Decimal  # totaal - totaal(gemeentelijk)
    verrekening: str
    tarief_bron: str | None
    rust_op_aanname: bool


@dataclass(frozen=True)
class Vergelijking:
    inwoners: int
    pakket: str
    tarief: str
    schaalvoordeel: Decimal
    schaalvoordeel_standaard: bool
    schatting: Schatting
    uitkomsten: tuple[ModelUitkomst, ...]
    figuren: tuple[Figuur, ...]
    notities: tuple[str, ...]

    def model(self, ident: str) -> ModelUitkomst:
        for u in self.uitkomsten:
            if u.id == ident:
                return u
        raise KeyError(ident)


def _where(ds: Dataset, path: tuple) -> str | None:
    return ds.where(M, path)


def advice_tariff(ds: Dataset, taakgebied: str, pakket: str) -> tuple[Decimal, Figuur, bool]:
    """The recommended national amount for a package (§6); aanvullend = volledig - basis."""
    amounts = {a.pakket: (n, a) for n, a in enumerate(ds.models.adviesbedragen) if a.taakgebied == taakgebied}
    if pakket in amounts:
        n, a = amounts[pakket]
        return a.euro_per_inwoner_per_jaar, Figuur(
            f"adviesbedrag {pakket} per inwoner per jaar", a.euro_per_inwoner_per_jaar, "€/inwoner/jaar",
            a.bron.kort(), a.status, _where(ds, ("adviesbedragen", n, "euro_per_inwoner_per_jaar"))), False
    if pakket == "aanvullend" and "basis" in amounts and "volledig" in amounts:
        value = amounts["volledig"][1].euro_per_inwoner_per_jaar - amounts["basis"][1].euro_per_inwoner_per_jaar
        return value, Figuur("adviesbedrag aanvullend (volledig - basis)", value, "€/inwoner/jaar",
                             amounts["volledig"][1].bron.kort(), "afgeleid", _where(ds, ("adviesbedragen",))), True
    raise UsageProblem(
        f"de data noemt geen adviesbedrag voor taakgebied '{taakgebied}', pakket '{pakket}' "
        "(inrichtingsmodellen.yaml: adviesbedragen)"
    )


def compare(
    ds: Dataset,
    inwoners: int,
    pakket: str,
    tarief: str = "berekend",
    schaalvoordeel: Decimal | None = None,
    keuze: TariefKeuze | None = None,
) -> Vergelijking:
    if tarief not in TARIEVEN:
        raise ValueError(tarief)
    schatting = estimate(ds, inwoners, pakket, keuze)
    sv_data = ds.models.schaalvoordeel_landelijk
    standard = schaalvoordeel is None
    sv = sv_data.procent if schaalvoordeel is None else schaalvoordeel
    figuren = list(schatting.figuren)
    notes: list[str] = []
    if standard:
        figuren.append(Figuur("schaalvoordeel landelijke voorziening", sv, "%", sv_data.bron.kort(), sv_data.status,
                              _where(ds, ("schaalvoordeel_landelijk", "procent"))))
    else:
        figuren.append(Figuur("schaalvoordeel landelijke voorziening (opgegeven)", sv, "%", "--schaalvoordeel", "invoer"))

    advies: dict[str, Decimal] = {}
    if tarief == "advies":
        outsourced_areas = {a for m in ds.models.modellen for a, e in m.uitvoering.items() if e != "gemeente"}
        for area in sorted(outsourced_areas):
            advies[area], fig, derived = advice_tariff(ds, area, pakket)
            figuren.append(fig)
            if derived:
                notes.append(
                    f"Adviesbedrag voor alleen het aanvullend pakket: het verschil volledig - basis = "
                    f"{money.euro(advies[area])} per inwoner (afgeleid)."
                )

    executors = {u.id: u.naam for u in ds.models.uitvoerders}
    uitkomsten: list[ModelUitkomst] = []
    for model in sorted(ds.models.modellen, key=lambda m: m.nummer):
        own_hours = own_fte = own_cost = outsourced = contribution = Decimal(0)
        rate_total: Decimal | None = None
        assumption = False
        for regel in schatting.regels:
            if not regel.gekwantificeerd:
                continue
            executor = model.uitvoering[regel.taakgebied]
            if executor == "gemeente":
                own_hours += regel.uren_per_maand  # type: ignore[operator]
                own_fte += regel.fte  # type: ignore[operator]
                own_cost += regel.kosten_per_jaar  # type: ignore[operator]
                continue
            outsourced += regel.uren_per_maand  # type: ignore[operator]
            rate = advies[regel.taakgebied] if advies else regel.per_inwoner
            assert rate is not None
            if executor == "landelijk":
                rate = rate * (1 - sv / 100)
                assumption = True  # the scale advantage is an assumption (default or the user's own)
            rate_total = (rate_total or Decimal(0)) + rate
            contribution += rate * inwoners
        uitkomsten.append(
            ModelUitkomst(
                id=model.id,
                nummer=model.nummer,
                naam=model.naam,
                uitvoering={area: executors.get(e, e) for area, e in model.uitvoering.items()},
                eigen_uren=own_hours,
                eigen_fte=own_fte,
                eigen_kosten=own_cost,
                uitbesteed_uren=outsourced,
                tarief_per_inwoner=rate_total,
                bijdrage=contribution,
                totaal=own_cost + contribution,
                verschil=Decimal(0),
                verrekening=model.verrekening_omschrijving,
                tarief_bron=None if rate_total is None else ("§6 (advies)" if advies else "berekend"),
                rust_op_aanname=assumption,
            )
        )
    base = next((u for u in uitkomsten if u.id == "gemeentelijk"), uitkomsten[0])
    uitkomsten = [
        ModelUitkomst(**{**u.__dict__, "verschil": u.totaal - base.totaal}) for u in uitkomsten
    ]

    gem = next((u for u in uitkomsten if u.id == "gemeentelijk"), None)
    if gem is not None:
        parts = " + ".join(
            f"{r.naam.lower()} {money.fte(r.fte)}" for r in schatting.regels if r.gekwantificeerd  # type: ignore[arg-type]
        )
        notes.append(
            f"Gemeentelijk, {PAKKET_LABELS[pakket]}: de gemeente bemant zelf {money.fte(gem.eigen_fte)} fte ({parts}), "
            f"{money.hours(gem.eigen_uren)} uur per maand: een fractie van een arbeidsplaats. "
            "Dat is het praktische argument om relatiebeheer en communicatie te bundelen."
        )
    if tarief == "berekend":
        notes.append(
            "Met het berekende tarief kosten gemeentelijk en regionaal in totaal hetzelfde: de uren schalen "
            "lineair met het aantal inwoners. De modellen verschillen in wie het werk doet en wie wie betaalt."
        )
    else:
        notes.append(
            f"Tarief 'advies': de landelijke bedragen van de aanbeveling (§6) voor relatiebeheer en communicatie. "
            f"{ds.models.adviesbedragen_toelichting or ''}".strip()
        )
    if standard:
        notes.append(
            f"Aanname: schaalvoordeel landelijk {money.pct(sv)} ({sv_data.bron.kort()}: het rapport zegt alleen "
            f"\"iets lager\"). {sv_data.toelichting} Pas aan met --schaalvoordeel."
        )
    else:
        notes.append(f"Schaalvoordeel landelijk: {money.pct(sv)} (opgegeven met --schaalvoordeel; §5.1 zegt alleen \"iets lager\").")
    notes.extend(schatting.notities)
    return Vergelijking(
        inwoners=inwoners,
        pakket=pakket,
        tarief=tarief,
        schaalvoordeel=sv,
        schaalvoordeel_standaard=standard,
        schatting=schatting,
        uitkomsten=tuple(uitkomsten),
        figuren=tuple(figuren),
        notities=tuple(notes),
    )


def report_tariffs(ds: Dataset, keuze: TariefKeuze | None = None) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """The regional tariff per inhabitant per year, computed and advised, for basis and volledig."""
    n = ds.models.referentiegemeente.inwoners
    computed: dict[str, Decimal] = {}
    advised: dict[str, Decimal] = {}
    for pakket in ("basis", "volledig"):
        computed[pakket] = compare(ds, n, pakket, "berekend", keuze=keuze).model("regionaal").tarief_per_inwoner or Decimal(0)
        advised[pakket] = compare(ds, n, pakket, "advies", keuze=keuze).model("regionaal").tarief_per_inwoner or Decimal(0)
    return computed, advised
