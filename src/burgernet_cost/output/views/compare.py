"""``bncost compare-models`` and ``bncost huidig``: the organisation models, and 2014 (§2.1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from burgernet_cost.domain.compare import ModelUitkomst, Schaalvoordeel, Vergelijking, advice_gap, per_jaar
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, Cell, Column, Field, Part, Report, Row, Table
from burgernet_cost.output.views.common import (
    DATE_COLUMNS,
    data_field,
    date_cells,
    date_field,
    explanation,
    figures_field,
    municipality_field,
    municipality_text,
    notes_field,
    rate_field,
    report_points,
    rounding_notes,
    scenario_header,
    situation_2014_for,
)
from burgernet_cost.output.wording import PAKKET_LABELS, count_word, notes_text

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.domain.assumptions import Bandbreedte
    from burgernet_cost.output.views.common import Municipality


def _model_label(u: ModelUitkomst) -> str:
    return f"{u.nummer}. {u.naam}" + (" *" if u.rust_op_aanname else "")


def _costs(u: ModelUitkomst) -> Row:
    return {
        "eigen_uren_per_maand": u.eigen_uren,
        "eigen_fte": u.eigen_fte,
        "eigen_kosten_per_jaar": u.eigen_kosten,
        "tarief_per_inwoner_per_jaar": u.tarief_per_inwoner,
        "bijdrage_per_jaar": u.bijdrage,
        "totaal_per_jaar": u.totaal,
        "verschil_met_gemeentelijk": u.verschil,
    }


def _model_fields(u: ModelUitkomst) -> list[Field]:
    return [
        Field("model", None, u.id),
        Field("nummer", None, u.nummer, "int"),
        Field("naam", None, u.naam),
        Field("uitvoering", None, u.uitvoering, "raw"),
        Field("verrekening", None, u.verrekening),
        Field("eigen_uren_per_maand", None, u.eigen_uren, "hours"),
        Field("eigen_fte", None, u.eigen_fte, "fte"),
        Field("eigen_kosten_per_jaar", None, u.eigen_kosten, "money"),
        Field("uitbesteed_uren_per_maand", None, u.uitbesteed_uren, "hours"),
        Field("tarief_per_inwoner_per_jaar", None, u.tarief_per_inwoner, "per_inwoner"),
        Field("bijdrage_per_jaar", None, u.bijdrage, "money"),
        Field("totaal_per_jaar", None, u.totaal, "money"),
        Field("verschil_met_gemeentelijk", None, u.verschil, "money"),
        Field("rust_op_aanname", None, u.rust_op_aanname, "bool"),
    ]


COST_ROWS = [  # (key, label, kind): the rows of the cost table, one column per model
    ("eigen_uren_per_maand", "Eigen uren per maand", "hours"),
    ("eigen_fte", "Eigen fte", "fte"),
    ("eigen_kosten_per_jaar", "Eigen kosten", "money"),
    ("tarief_per_inwoner_per_jaar", "Tarief per inwoner", "per_inwoner"),
    ("bijdrage_per_jaar", "Bijdrage", "money"),
    ("totaal_per_jaar", "Totaal", "money"),
    ("verschil_met_gemeentelijk", "Verschil met gemeentelijk", "money"),
]


def _tables(vergelijkingen: list[Vergelijking]) -> list[Part]:
    """Per package a table with the models side by side (a column each), the csv table, the json."""
    first = vergelijkingen[0]
    areas = [r for r in first.schatting.regels if r.gekwantificeerd]
    models = [Column(u.id, _model_label(u), "cell", "–") for u in first.uitkomsten]
    who_rows = [{"wat": a.naam, **{u.id: Cell(u.uitvoering.get(a.taakgebied, ""), "text") for u in first.uitkomsten}} for a in areas]
    who_rows.append({"wat": "Verrekening", **{u.id: Cell(u.verrekening, "text") for u in first.uitkomsten}})
    who_columns = [Column("wat", "Wie doet wat"), *(Column(m.key, m.label) for m in models)]
    tables: list[Part] = [
        Table(
            None,
            who_columns,
            [{k: (v.value if isinstance(v, Cell) else v) for k, v in r.items()} for r in who_rows],
            formats=frozenset({DISPLAY}),
        )
    ]
    for v in vergelijkingen:
        rows = [{"wat": label, **{u.id: Cell(_costs(u)[key], kind) for u in v.uitkomsten}} for key, label, kind in COST_ROWS]
        tables.append(
            Table(
                None,
                [Column("wat", "Per jaar"), *models],
                rows,
                formats=frozenset({DISPLAY}),
                total_rows=2,
                title=f"Kosten per jaar, {PAKKET_LABELS[v.pakket]}",
            )
        )
    csv_columns = [
        Column("pakket", ""),
        Column("model", ""),
        *[Column(f"{a.taakgebied}_door", "") for a in areas],
        *(Column(key, "", kind) for key, _, kind in COST_ROWS),
        Column("rust_op_aanname", "", "bool"),
        *(Column(key, "") for key in DATE_COLUMNS),
    ]
    csv_rows = [
        {
            "pakket": v.pakket,
            "model": u.id,
            **{f"{a}_door": e for a, e in u.uitvoering.items()},
            **_costs(u),
            "rust_op_aanname": u.rust_op_aanname,
            **date_cells(v.schatting.uurtarief, v.schatting.inwoners_datum),
        }
        for v in vergelijkingen
        for u in v.uitkomsten
    ]
    tables.append(Table(None, csv_columns, csv_rows, formats=frozenset({CSV})))
    tables.append(
        Field(
            "vergelijkingen",
            None,
            [
                [Field("pakket", None, v.pakket), Field("modellen", None, [_model_fields(u) for u in v.uitkomsten], "objects")]
                for v in vergelijkingen
            ],
            "objects",
        )
    )
    return tables


def totals_table(vergelijkingen: list[Vergelijking], regio: bool) -> Table:
    """The council document's summary: per package the total per year of each model (``compare-models``'s
    Totaal), the lowest marked where the models differ."""
    first = vergelijkingen[0]
    rows = []
    for v in vergelijkingen:
        low = min(u.totaal for u in v.uitkomsten)
        differ = any(u.totaal != low for u in v.uitkomsten)
        rows.append(
            {
                "pakket": PAKKET_LABELS[v.pakket],
                **{u.id: Cell(u.totaal, "money", "laagste" if differ and u.totaal == low else None) for u in v.uitkomsten},
            }
        )
    whole = " (de regio als geheel)" if regio else ""
    return Table(
        None,
        [Column("pakket", "Pakket"), *(Column(u.id, u.naam, "money") for u in first.uitkomsten)],
        rows,
        title=f"Totale kosten per jaar in de {count_word(len(first.uitkomsten))} inrichtingsmodellen{whole}",
        formats=frozenset({DISPLAY}),
        row_header=True,
    )


def _who(ds: Dataset, first: Vergelijking, referentie: bool, municipality: Municipality) -> str:
    inwoners = money.nl_number(first.inwoners)
    if referentie:
        return (
            f"referentiegemeente van het rapport, {inwoners} inwoners ({ds.models.referentiegemeente.bron.kort()}); "
            "kies een andere met --inwoners"
        )
    if municipality:
        return municipality_text(*municipality)
    return f"{inwoners} inwoners"


def _situation(ds: Dataset, first: Vergelijking, municipality: Municipality) -> list[Part]:
    situation = situation_2014_for(ds, municipality[0]) if municipality else None
    other = ds.models.situatie_2014_overig
    if situation is None and municipality and municipality[0].jaar == 2014 and other is not None:
        low, high = other.van_per_inwoner, other.tot_per_inwoner
        text = (
            f"In 2014 (overige gebieden, {other.bron.kort()}): {other.omschrijving}; bijdrage gemeenten tussen "
            f"{money.euro(low)} en {money.euro(high)} per inwoner = {money.euro(per_jaar(low, first.inwoners))} tot "
            f"{money.euro(per_jaar(high, first.inwoners))} per jaar (een bandbreedte, geen bedrag voor dit gebied)."
        )
        return [
            Field(None, "Situatie 2014", text),
            Field(
                "situatie_2014",
                None,
                [
                    Field("gebied", None, "overige gebieden"),
                    Field("bijdrage_gemeenten_per_inwoner_van", None, low, "per_inwoner"),
                    Field("bijdrage_gemeenten_per_inwoner_tot", None, high, "per_inwoner"),
                    Field("status", None, other.status),
                ],
                "object",
            ),
        ]
    if situation is None:
        return [Field("situatie_2014", None, None, "object")]
    paid = situation.bijdrage_gemeenten_per_inwoner
    text = (
        f"In 2014 ({situation.gebied}, {situation.bron.kort()}): {situation.omschrijving}; bijdrage gemeenten "
        + ("niet genoemd" if paid is None else f"{money.euro(paid)} per inwoner = {money.euro(per_jaar(paid, first.inwoners))} per jaar")
        + f"; die betaalde: {situation.bijdrage_betaalt_toelichting}."
        + (f" Status {situation.status}: {situation.methode.strip()}" if situation.status != "gepubliceerd" and situation.methode else "")
    )
    return [
        Field(None, "Situatie 2014", text),
        Field(
            "situatie_2014",
            None,
            [
                Field("gebied", None, situation.gebied),
                Field("uitvoerder", None, situation.uitvoerder),
                Field("bijdrage_gemeenten_per_inwoner", None, paid, "per_inwoner"),
                Field("omschrijving", None, situation.omschrijving),
                Field("bijdrage_betaalt", None, list(situation.bijdrage_betaalt), "texts"),
                Field("status", None, situation.status),
            ],
            "object",
        ),
    ]


def _advice_gap(v: Vergelijking) -> str | None:
    """With tarief advies the regional model differs from the municipal one only by the tariff: the
    same hours at the computed rate against the advice amount (the report's amount, rounded to cents)."""
    found = advice_gap(v)
    if found is None:
        return None
    regional = v.model("regionaal")
    assert regional.tarief_per_inwoner is not None
    gap, per_inh, rounded = found.verschil, found.berekend_per_inwoner, found.afronding
    why = (
        f"de afronding van het rapport: {money.euro(per_inh, 4)} per inwoner wordt "
        f"{money.euro(regional.tarief_per_inwoner)} (§4.1.2, §5.1, §6)"
        if rounded
        else f"het verschil tussen het berekende tarief ({money.euro(per_inh, 4)} per inwoner) en het adviesbedrag "
        f"({money.euro(regional.tarief_per_inwoner, 4)})"
    )
    return (
        f"Tarief advies, {PAKKET_LABELS[v.pakket]}: regionaal is {money.euro(abs(gap))} per jaar "
        f"{'goedkoper' if gap < 0 else 'duurder'} dan gemeentelijk. Dat hele verschil is {why}: dezelfde uren relatiebeheer "
        f"en communicatie kosten de gemeente zelf {money.euro(found.berekend_per_jaar)} per jaar, "
        f"de bijdrage is {money.euro(regional.bijdrage)}. "
        "Met het berekende tarief kosten beide modellen evenveel (compare-models zonder --tarief advies)."
    )


def scale_text(s: Schaalvoordeel, tarief: str) -> str:
    """'10% (aanname; §5.1 zegt alleen "iets lager")': an executor's scale advantage as a result used it."""
    if tarief == "advies":
        return "niet van toepassing bij tarief advies (§6 noemt één landelijk bedrag)"
    if s.opgegeven:
        return f"{money.pct(s.procent)} (opgegeven met --schaalvoordeel)"
    said = f' zegt alleen "{s.citaat}"' if s.citaat else ""
    return f"{money.pct(s.procent)} ({s.status}; {s.bron}{said})"


def compare_report(
    vergelijkingen: list[Vergelijking],
    ds: Dataset,
    data_dir: str,
    referentie: bool,
    municipality: Municipality = None,
    uitleg: bool = False,
    band: Bandbreedte | None = None,
) -> Report:
    first = vergelijkingen[0]
    notes = []
    if any(u.rust_op_aanname for v in vergelijkingen for u in v.uitkomsten):
        notes.append("* Dit model rust op de aanname over het schaalvoordeel van zijn uitvoerder (zie hieronder).")
    for v in vergelijkingen:
        notes += [n for n in notes_text(v.notities) if n not in notes]
    notes += report_points(ds, "compare-models")
    notes += [n for v in vergelijkingen if (n := _advice_gap(v)) is not None]
    for v in vergelijkingen:
        for u in v.uitkomsten:
            notes += [
                n for n in rounding_notes([{"x": u.eigen_kosten}, {"x": u.bijdrage}], {"x": u.totaal}, {"x": "money"}) if n not in notes
            ]
    steps = None
    if uitleg:
        from burgernet_cost.output.explain import group, tree  # only with --uitleg

        steps = (
            tree(first.spoor)
            if len(vergelijkingen) == 1
            else [group(f"Pakket {v.pakket} ({PAKKET_LABELS[v.pakket]})", tree(v.spoor)) for v in vergelijkingen]
        )
    parts: list[Part] = [
        Field(None, "Gemeente", _who(ds, first, referentie, municipality)),
        municipality_field(municipality),
        *_situation(ds, first, municipality),
        Field("inwoners", None, first.inwoners, "int"),
        Field("referentiegemeente", None, referentie, "bool"),
        Field(None, "Pakket", ", ".join(f"{v.pakket} ({PAKKET_LABELS[v.pakket]})" for v in vergelijkingen)),
        Field(
            "tarief",
            "Tarief",
            first.tarief,
            text="berekend uit de uren (zoals §4.1.2)"
            if first.tarief == "berekend"
            else "advies: de landelijke bedragen van §6 (in euro's: §4.1.2, §5.1)",
        ),
        *(Field(None, f"Schaalvoordeel {s.naam}", scale_text(s, first.tarief)) for s in first.schaalvoordelen),
        Field(
            "schaalvoordelen",
            None,
            [
                [
                    Field("uitvoerder", None, s.uitvoerder),
                    Field("procent", None, s.procent, "pct"),
                    Field("status", None, s.status),
                    Field("bron", None, s.bron),
                ]
                for s in first.schaalvoordelen
            ],
            "objects",
        ),
        *date_field(first.schatting.uurtarief, first.schatting.inwoners_datum, ds, referentie=referentie),
        rate_field(first.schatting.uurtarief, first.schatting.spoor),
        *scenario_header(ds),
        data_field(data_dir),
        *_tables(vergelijkingen),
        notes_field(notes),
        figures_field(first.figuren),
        *explanation(ds, steps),
    ]
    if band is not None:
        parts += _band(band, vergelijkingen, parts, notes)
    return Report("compare-models", "Inrichtingsmodellen vergeleken: wat betaalt de gemeente?", parts, notes, steps)


def _band(band: Bandbreedte, vergelijkingen: list[Vergelijking], parts: list[Part], notes: list[str]) -> list[Part]:
    """--bandbreedte: the range of each model's total and contribution (and in csv beside them)."""
    from burgernet_cost.output.views.ranges import band_csv, range_parts

    figures = [
        (f"{v.pakket}.{u.id}.{what}", f"{u.naam}, {v.pakket}: {label}", "money")
        for v in vergelijkingen
        for u in v.uitkomsten
        for what, label in (("totaal", "totaal per jaar"), ("bijdrage", "bijdrage"))
        if what == "totaal" or u.tarief_per_inwoner is not None
    ]
    table = next(p for p in parts if isinstance(p, Table) and CSV in p.formats)
    band_csv(
        table,
        band,
        lambda row: f"{row.get('pakket')}.{row.get('model')}",
        [(".totaal", "totaal_per_jaar", "money"), (".bijdrage", "bijdrage_per_jaar", "money")],
    )
    extra, more = range_parts(band, figures)
    notes.extend(more)
    return extra
