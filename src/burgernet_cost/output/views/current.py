"""``bncost huidig``: the situation of 2014 (§2.1) next to the report's tariffs."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Column, Field, Part, Report, Table
from burgernet_cost.output.views.common import data_field, notes_field

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.domain.compare import Bijdrage2014
    from burgernet_cost.domain.rate import Uurtarief

UITVOERDER_LABELS = {
    "politie": "politie",
    "gemeenten": "gemeenten zelf",
    "politie_en_gemeenten": "politie en gemeenten",
    "ingehuurd": "ingehuurde medewerker",
}
SOORT_LABELS = {"politieregio": "oude politieregio", "politie_eenheid": "politie-eenheid"}
ONDERDEEL_LABELS = {  # what a 2014 contribution paid for (inrichtingsmodellen.yaml: bijdrage_betaalt)
    "relatiebeheer_communicatie": "personeel voor relatiebeheer en communicatie",
    "beleid": "beleid",
    "werving": "werving",
    "manager_burgernet": "de manager Burgernet (een politierol)",
    "communicatieadviseur": "een communicatieadviseur",
}
MACHINE = frozenset({JSON, CSV})

COLUMNS = [
    Column("gebied", "Gebied"),
    Column("soort_naam", "Soort", formats=frozenset({DISPLAY})),
    Column("soort", "", formats=MACHINE),
    Column("code", "", formats=MACHINE),
    Column("uitvoerder_naam", "Uitvoering 2014", formats=frozenset({DISPLAY})),
    Column("uitvoerder", "", formats=MACHINE),
    Column("bijdrage_gemeenten_per_inwoner", "Bijdrage 2014", "money", "niet genoemd", formats=frozenset({DISPLAY})),
    Column("bijdrage_gemeenten_per_inwoner", "", "per_inwoner", formats=MACHINE),
    Column("bijdrage_totaal_per_inwoner", "", "per_inwoner", formats=MACHINE),
    Column("bijdrage_betaalt", "Bijdrage betaalde (§2.1)"),
    Column("bijdrage_betaalt_onderdelen", "", formats=MACHINE),
    Column("vergelijkbaar_met_tarief", "", "bool", formats=MACHINE),
    Column("vergelijking", "Te vergelijken met het tarief?"),
    Column("verschil_met_volledig", "Verschil", "per_inwoner", "–"),
    Column("omschrijving", "Afspraak (§2.1)", formats=frozenset({DISPLAY, JSON})),
    Column("status", "Status"),
]


def _alike_text(c: Bijdrage2014) -> str:
    """Whether a 2014 contribution compares with the report's tariff, in words: "onbekend" where §2.1
    names no amount; "nee" with a reason the data records. What a contribution paid beyond the
    tariff decides it; that it did not pay the tariff's staff is said only when that is the whole
    reason (§2.1 does not always say who paid the staff: Noord-Nederland)."""
    if c.bijdrage is None:
        return "onbekend: §2.1 noemt geen bedrag"
    if c.verschil is not None:
        return "ja: dezelfde inhoud"
    if c.ook:
        return f"nee: betaalde ook {', '.join(ONDERDEEL_LABELS[x] for x in c.ook)}"
    return f"nee: betaalde geen {', '.join(ONDERDEEL_LABELS[x].removeprefix('de ') for x in c.niet)}"


def _price_level(ds: Dataset, rate: Uurtarief, jaar: int | None) -> Field:
    """The price level of the tariffs beside the 2014 contributions: the report's, or 1 January of --jaar."""
    from burgernet_cost.data.instant import report_price_date
    from burgernet_cost.output.wording import date_nl

    at: str = rate.peildatum or report_price_date(ds) or ""
    if jaar is None:
        text = f"{date_nl(at)}, dat van het rapport (het salaris waarmee het rapport rekent, §2.4); kies een ander met --jaar"
    elif at > f"{jaar}-01-01":
        text = f"{date_nl(at)}: --jaar {jaar} ligt vóór de oudste salaristabel; gerekend met het prijspeil van die tabel"
    else:
        text = (
            f"{date_nl(at)} (--jaar {jaar}): het berekende tarief met het uurtarief van die datum, de adviesbedragen geïndexeerd "
            "(afgeleid); een wat-als. De bijdragen van 2014 blijven euro's van 2014 (§2.1), de bedragen van het rapport die van "
            f"{date_nl(report_price_date(ds) or at)}"
        )
    return Field("prijspeil", "Prijspeil van de tarieven", at, text=text)


def current_report(
    ds: Dataset,
    data_dir: str,
    rates: dict[str, Decimal],
    advies: dict[str, Decimal],
    rate: Uurtarief | None = None,
    jaar: int | None = None,
) -> Report:
    """The 2014 arrangements (§2.1) next to the report's tariffs, like with like, at a price level."""
    from burgernet_cost.domain.compare import contributions_2014

    compared = {c.gebied: c for c in contributions_2014(ds, rates["volledig"])}
    rows = []
    for sit in ds.models.situatie_2014:
        c = compared[sit.gebied]
        rows.append(
            {
                "gebied": sit.gebied,
                "soort_naam": SOORT_LABELS[sit.soort],
                "soort": sit.soort,
                "code": sit.code,
                "uitvoerder_naam": UITVOERDER_LABELS[sit.uitvoerder],
                "uitvoerder": sit.uitvoerder,
                "bijdrage_gemeenten_per_inwoner": sit.bijdrage_gemeenten_per_inwoner,
                "bijdrage_totaal_per_inwoner": sit.bijdrage_totaal_per_inwoner,
                "bijdrage_betaalt": sit.bijdrage_betaalt_toelichting,
                "bijdrage_betaalt_onderdelen": " ".join(sit.bijdrage_betaalt),
                "vergelijkbaar_met_tarief": None if c.bijdrage is None else c.verschil is not None,
                "vergelijking": _alike_text(c),
                "verschil_met_volledig": c.verschil,
                "omschrijving": sit.omschrijving + (f" ({sit.toelichting})" if sit.toelichting else ""),
                "status": sit.status,
            }
        )
    notes = _notes(ds, rates)
    other = ds.models.situatie_2014_overig
    range_parts: list[Part] = (
        []
        if other is None
        else [
            Field(
                "overige_gebieden",
                f"Overige gebieden ({other.bron.kort()})",
                [
                    Field("van_per_inwoner", None, other.van_per_inwoner, "per_inwoner"),
                    Field("tot_per_inwoner", None, other.tot_per_inwoner, "per_inwoner"),
                ],
                "object",
                text=f"{money.euro(other.van_per_inwoner)} tot {money.euro(other.tot_per_inwoner)} per inwoner per jaar, inclusief werving "
                "(een bandbreedte; §2.1 noemt geen bedrag per gebied)",
            )
        ]
    )
    published = {u.pakket: u for u in ds.interviews.gerapporteerde_uitkomsten if u.taakgebied == "relatiebeheer_communicatie"}
    sources = sorted({u.bron.kort() for u in published.values()})
    parts: list[Part] = [
        *([_price_level(ds, rate, jaar)] if rate is not None else []),
        *range_parts,
        Field(
            "rapport_tarief",
            f"Rapport ({', '.join(sources)})",
            [Field(p, None, u.euro_per_inwoner_per_jaar, "per_inwoner") for p, u in published.items()],
            "object",
            text=", ".join(f"{p} {money.euro(u.euro_per_inwoner_per_jaar)}" for p, u in published.items())
            + " per inwoner per jaar (gepubliceerd; relatiebeheer en communicatie, zonder werving)",
        ),
        Field(
            "bncost_tarief_berekend",
            "bncost, berekend",
            [Field(p, None, v, "per_inwoner") for p, v in rates.items()],
            "object",
            text=f"basis {money.euro(rates['basis'], 4)}, volledig {money.euro(rates['volledig'], 4)} per inwoner per jaar "
            "(de uren van §4.1.2 maal het standaarduurtarief, een aanname; niet door het rapport gepubliceerd)",
        ),
        Field(
            "rapport_tarief_advies",
            "Rapport, advies (§6)" if jaar is None else f"Advies (§6), geïndexeerd naar {jaar}",
            [Field(p, None, v, "per_inwoner") for p, v in advies.items()],
            "object",
            text=", ".join(f"{p} {money.euro(v) if jaar is None else money.euro(v, 4)}" for p, v in advies.items())
            + " per inwoner per jaar",
        ),
        data_field(data_dir),
        Table("gebieden", COLUMNS, rows),
        notes_field(notes),
    ]
    return Report("huidig", "Situatie 2014: wie voerde de gemeentelijke taken uit en wat betaalden gemeenten?", parts, notes)


def _notes(ds: Dataset, rates: dict[str, Decimal]) -> list[str]:
    from burgernet_cost.output.views.common import report_points

    published = [u for u in ds.interviews.gerapporteerde_uitkomsten if u.taakgebied == "relatiebeheer_communicatie"]
    notes = [
        "Bijdrage 2014 = wat gemeenten per inwoner per jaar betaalden (§2.1); 'Bijdrage betaalde' zegt waarvoor. Het tarief "
        "van het rapport betaalt het personeel voor relatiebeheer en communicatie, zonder werving (§4.1.2 N.B.); waar een "
        "bijdrage werd betaald, omvatte die de werving (§2.1). Een verschil staat er alleen waar de bijdrage precies "
        "hetzelfde betaalde als het tarief (dezelfde regel voor elk gebied); anders –, met de reden.",
        f"Verschil = bijdrage 2014 min het berekende tarief van bncost voor relatiebeheer en communicatie, basis en aanvullend "
        f"samen ({money.euro(rates['volledig'], 4)}). De bedragen met vier decimalen zijn van bncost, met een aangenomen "
        f"uurtarief; het rapport publiceert {' en '.join(money.euro(u.euro_per_inwoner_per_jaar) for u in published)}.",
    ]
    derived = [sit for sit in ds.models.situatie_2014 if sit.status != "gepubliceerd"]
    for methode in dict.fromkeys(" ".join(sit.methode.split()) for sit in derived if sit.methode):
        areas = [sit.gebied for sit in derived if sit.methode and " ".join(sit.methode.split()) == methode]
        notes.append(f"Status afgeleid ({', '.join(areas)}): {methode}")
    for sit in ds.models.situatie_2014:
        if sit.bijdrage_totaal_per_inwoner is not None and sit.bijdrage_gemeenten_per_inwoner is not None:
            notes.append(
                f"{sit.gebied}: de totale verrekening was {money.euro(sit.bijdrage_totaal_per_inwoner)} per inwoner, "
                f"waarvan gemeenten {money.euro(sit.bijdrage_gemeenten_per_inwoner)} betaalden ({sit.bron.kort()})."
            )
    return notes + report_points(ds, "huidig")
