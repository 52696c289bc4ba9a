"""``bncost huidig``: the situation of 2014 (§2.1) next to the report's tariffs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Column, Field, Part, Report, Table
from burgernet_cost.output.views.common import data_field, notes_field

UITVOERDER_LABELS = {
    "politie": "politie",
    "gemeenten": "gemeenten zelf",
    "politie_en_gemeenten": "politie en gemeenten",
    "ingehuurd": "ingehuurde medewerker",
}
SOORT_LABELS = {"veiligheidsregio": "veiligheidsregio", "politie_eenheid": "politie-eenheid"}
MACHINE = frozenset({JSON, CSV})


def current_report(ds: Any, data_dir: str, rates: dict[str, Decimal], advies: dict[str, Decimal]) -> Report:
    """The 2014 arrangements (§2.1) next to the report's tariffs."""
    columns = [
        Column("gebied", "Gebied"),
        Column("soort_naam", "Soort", formats=frozenset({DISPLAY})),
        Column("soort", "", formats=MACHINE),
        Column("code", "", formats=MACHINE),
        Column("uitvoerder_naam", "Uitvoering 2014", formats=frozenset({DISPLAY})),
        Column("uitvoerder", "", formats=MACHINE),
        Column("bijdrage_gemeenten_per_inwoner", "Bijdrage 2014", "money", "niet genoemd", formats=frozenset({DISPLAY})),
        Column("bijdrage_gemeenten_per_inwoner", "", "per_inwoner", formats=MACHINE),
        Column("bijdrage_totaal_per_inwoner", "", "per_inwoner", formats=MACHINE),
        Column("verschil_met_volledig", "Verschil", "per_inwoner", "–"),
        Column("omschrijving", "Afspraak (§2.1)", formats=frozenset({DISPLAY, JSON})),
        Column("status", "Status"),
    ]
    rows = []
    for sit in ds.models.situatie_2014:
        bijdrage = sit.bijdrage_gemeenten_per_inwoner
        rows.append({
            "gebied": sit.gebied, "soort_naam": SOORT_LABELS[sit.soort], "soort": sit.soort, "code": sit.code,
            "uitvoerder_naam": UITVOERDER_LABELS[sit.uitvoerder], "uitvoerder": sit.uitvoerder,
            "bijdrage_gemeenten_per_inwoner": bijdrage, "bijdrage_totaal_per_inwoner": sit.bijdrage_totaal_per_inwoner,
            "verschil_met_volledig": None if bijdrage is None or sit.omvat_meer else bijdrage - rates["volledig"],
            "omschrijving": sit.omschrijving + (f" ({sit.toelichting})" if sit.toelichting else ""),
            "status": sit.status,
        })
    notes = _notes(ds)
    other = ds.models.situatie_2014_overig
    range_parts: list[Part] = [] if other is None else [Field(
        "overige_gebieden", f"Overige gebieden ({other.bron.kort()})",
        [Field("van_per_inwoner", None, other.van_per_inwoner, "per_inwoner"),
         Field("tot_per_inwoner", None, other.tot_per_inwoner, "per_inwoner")], "object",
        text=f"{money.euro(other.van_per_inwoner)} tot {money.euro(other.tot_per_inwoner)} per inwoner per jaar, inclusief werving "
             "(een bandbreedte; §2.1 noemt geen bedrag per gebied)")]
    parts: list[Part] = [
        *range_parts,
        Field("rapport_tarief_berekend", "Rapport, berekend (§4.1.2)",
              [Field(p, None, v, "per_inwoner") for p, v in rates.items()], "object",
              text=f"basis {money.euro(rates['basis'], 4)}, volledig {money.euro(rates['volledig'], 4)} per inwoner per jaar"),
        Field("rapport_tarief_advies", "Rapport, advies (§6)", [Field(p, None, v, "per_inwoner") for p, v in advies.items()],
              "object", text=", ".join(f"{p} {money.euro(v)}" for p, v in advies.items()) + " per inwoner per jaar"),
        data_field(data_dir),
        Table("gebieden", columns, rows),
        notes_field(notes),
    ]
    return Report("huidig", "Situatie 2014: wie voerde de gemeentelijke taken uit en wat betaalden gemeenten?", parts, notes)


def _notes(ds: Any) -> list[str]:
    from burgernet_cost.output.views.common import report_points

    notes = [
        "De bijdragen van 2014 omvatten de wervingskosten (§2.1); de bedragen van het rapport niet (§4.1.2 N.B.). "
        "Een hogere bijdrage in 2014 is dus niet zonder meer te duur.",
        "Bijdrage 2014 = wat gemeenten per inwoner per jaar betaalden. Verschil = die bijdrage min het berekende "
        "tarief van het rapport voor relatiebeheer en communicatie, basis en aanvullend samen.",
    ]
    for sit in ds.models.situatie_2014:
        if sit.omvat_meer:
            notes.append(f"{sit.gebied}: de bijdrage van 2014 betaalt ook {sit.omvat_meer}; dat is meer dan relatiebeheer en "
                         "communicatie, dus geen verschil berekend (–).")
    derived = [sit for sit in ds.models.situatie_2014 if sit.status != "gepubliceerd"]
    if derived:
        notes.append(f"Status afgeleid ({', '.join(s.gebied for s in derived)}): §2.1 noemt alleen het gebied; bncost "
                     "leest het als de hele politie-eenheid.")
    for sit in ds.models.situatie_2014:
        if sit.bijdrage_totaal_per_inwoner is not None and sit.bijdrage_gemeenten_per_inwoner is not None:
            notes.append(
                f"{sit.gebied}: de totale verrekening was {money.euro(sit.bijdrage_totaal_per_inwoner)} per inwoner, "
                f"waarvan gemeenten {money.euro(sit.bijdrage_gemeenten_per_inwoner)} betaalden ({sit.bron.kort()})."
            )
    return notes + report_points(ds, "huidig")
