"""``bncost estimate``: cost per taakgebied for one municipality."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.estimate import TOTAAL, Regel, Schatting
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Cell, Column, Field, Part, Report, Row, Table
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
    rounding_notes,
    scenario_header,
    sources_field,
    trace_tree,
)
from burgernet_cost.output.wording import PAKKET_LABELS, notes_text

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.domain.assumptions import Bandbreedte
    from burgernet_cost.output.views.common import Municipality

MACHINE = frozenset({JSON, CSV})

COLUMNS = [
    Column("taakgebied", "", formats=MACHINE),
    Column("naam", "Taakgebied"),
    Column("gekwantificeerd", "", "bool", formats=frozenset({JSON})),
    Column("uren_per_maand", "Uren/maand", "hours", "niet gekwantificeerd"),
    Column("fte", "FTE", "fte"),
    Column("kosten_per_jaar", "Kosten/jaar", "money"),
    Column("per_inwoner_per_jaar", "Per inwoner/jaar", "per_inwoner"),
    Column("bron", "Bron"),
    *(Column(key, "", formats=frozenset({CSV})) for key in DATE_COLUMNS),
]


def reported_scopes(ds: Dataset | None) -> set[tuple[str, str]]:
    """(taakgebied, pakket) for which the report itself names an amount per inhabitant (€ 0,03 and
    € 0,07 for relatiebeheer & communicatie): only there a row shows the amount in cents beside it."""
    return {(u.taakgebied, u.pakket) for u in ds.interviews.gerapporteerde_uitkomsten} if ds is not None else set()


def _figures(r: Regel) -> Row:
    """A line's figures under their json keys (the taakgebieden of ``estimate`` and the council document's tables)."""
    return {"uren_per_maand": r.uren_per_maand, "fte": r.fte, "kosten_per_jaar": r.kosten_per_jaar, "per_inwoner_per_jaar": r.per_inwoner}


def package_table(schattingen: dict[Pakket, Schatting], regio: bool) -> Table:
    """The council document's summary: per package the total of ``estimate`` (the gemeentelijk model)."""
    owner = "de gemeenten alles zelf doen" if regio else "de gemeente alles zelf doet"
    return Table(
        None,
        [
            Column("pakket", "Pakket"),
            Column("kosten_per_jaar", "Kosten per jaar", "money"),
            Column("per_inwoner_per_jaar", "Per inwoner", "per_inwoner"),
            Column("uren_per_maand", "Uren per maand", "hours"),
            Column("fte", "FTE", "fte"),
        ],
        [{"pakket": PAKKET_LABELS[p], **_figures(s.totaal)} for p, s in schattingen.items()],
        title=f"Kosten per pakket als {owner} (gemeentelijk model)",
        formats=frozenset({DISPLAY}),
        row_header=True,
        lead="kosten_per_jaar",
    )


def size_table(grootte: tuple[tuple[int, dict[Pakket, Decimal]], ...], pakketten: tuple[Pakket, ...]) -> Table:
    """The council document's size chart in figures: the total of ``estimate --inwoners N`` per package."""
    return Table(
        None,
        [Column("inwoners", "Inwoners", "int"), *(Column(p, PAKKET_LABELS[p], "money") for p in pakketten)],
        [{"inwoners": n, **{p: totals[p] for p in pakketten}} for n, totals in grootte],
        title="Kosten per jaar (gemeentelijk model) naar aantal inwoners",
        formats=frozenset({DISPLAY}),
    )


def estimate_report(
    result: Schatting,
    data_dir: str,
    municipality: Municipality = None,
    ds: Dataset | None = None,
    uitleg: bool = False,
    band: Bandbreedte | None = None,
) -> Report:
    scopes = reported_scopes(ds)
    rows = [
        {
            "taakgebied": r.taakgebied,
            "naam": r.naam if r.taakgebied != TOTAAL else "Totaal",
            "gekwantificeerd": r.gekwantificeerd,
            **_figures(r),
            "per_inwoner_per_jaar": Cell(r.per_inwoner, "per_inwoner_cent" if (r.taakgebied, result.pakket) in scopes else "per_inwoner"),
            "bron": r.bron,
            **date_cells(result.uurtarief, result.inwoners_datum),
        }
        for r in (*result.regels, result.totaal)
    ]
    notes = notes_text(result.notities)
    if ds is not None and scopes & {(r.taakgebied, result.pakket) for r in result.regels}:
        named = "; ".join(
            f"{ds.taakgebied(u.taakgebied).naam.lower()}, {PAKKET_LABELS[u.pakket]}: {money.euro(u.euro_per_inwoner_per_jaar)} "
            f"({u.bron.kort()})"
            for u in ds.interviews.gerapporteerde_uitkomsten
        )
        notes.append(f"Tussen haakjes (≈ …): het bedrag in centen, alleen waar het rapport zelf een bedrag per inwoner noemt ({named}).")
        from burgernet_cost.data.instant import report_price_date
        from burgernet_cost.output.wording import date_nl

        report_level = report_price_date(ds) or ""
        at = result.uurtarief.peildatum
        if at != report_level or result.uurtarief.soort != "salaris":
            level = f"op prijspeil {date_nl(at)}" if at else "met het opgegeven uurtarief"
            notes.append(
                f"Let op: de bedragen tussen haakjes zijn die van bncost {level}, in centen: niet de bedragen van het rapport, "
                f"die gelden op prijspeil {date_nl(report_level)}"
                + (" (geïndexeerd met de cao-stappen)." if at and at > report_level else ".")
            )
    notes += rounding_notes(
        rows[:-1], rows[-1], {"uren_per_maand": "hours", "fte": "fte", "kosten_per_jaar": "money", "per_inwoner_per_jaar": "per_inwoner"}
    )
    tree = trace_tree(result.spoor, uitleg)
    parts = [
        *([Field(None, "Gemeente", municipality_text(*municipality))] if municipality else []),
        municipality_field(municipality),
        Field("inwoners", "Inwoners", result.inwoners, "int"),
        Field("pakket", "Pakket", result.pakket, text=f"{result.pakket} ({PAKKET_LABELS[result.pakket]})"),
        *date_field(result.uurtarief, result.inwoners_datum, ds),
        rate_field(result.uurtarief, result.spoor),
        sources_field(result.figuren),
        *scenario_header(ds),
        data_field(data_dir),
        Table("taakgebieden", COLUMNS, rows, total_rows=1, total_key="totaal", formats=frozenset({DISPLAY, JSON, CSV})),
        Field("rust_op_aanname", None, result.rust_op_aanname, "bool"),
        notes_field(notes),
        figures_field(result.figuren),
        *explanation(ds, tree),
    ]
    if band is not None:
        parts += _band(band, result, parts, notes)
    return Report("estimate", "Kosten gemeentelijke taken Burgernet", parts, notes, tree)


def _band(band: Bandbreedte, result: Schatting, parts: list[Part], notes: list[str]) -> list[Part]:
    """--bandbreedte: the range of each amount (and in csv beside each amount); its notes join the others."""
    from burgernet_cost.output.views.ranges import band_csv, range_parts

    figures = []
    for r in (*result.regels, result.totaal):
        if r.kosten_per_jaar is not None:
            name = "Totaal" if r.taakgebied == TOTAAL else r.naam
            figures += [
                (f"{r.taakgebied}.kosten", f"{name}, per jaar", "money"),
                (f"{r.taakgebied}.per_inwoner", f"{name}, per inwoner", "per_inwoner"),
            ]
    table = next(p for p in parts if isinstance(p, Table) and p.key == "taakgebieden")
    band_csv(
        table,
        band,
        lambda row: str(row.get("taakgebied")),
        [(".kosten", "kosten_per_jaar", "money"), (".per_inwoner", "per_inwoner_per_jaar", "per_inwoner")],
    )
    extra, more = range_parts(band, figures)
    notes.extend(more)
    return extra


__all__ = ["estimate_report", "package_table", "size_table"]
