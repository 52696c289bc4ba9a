"""The range of a result over its assumptions (``--bandbreedte``) and ``bncost gevoeligheid``."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from burgernet_cost.domain.assumptions import Aanname, Bandbreedte, Optie, Uitslag
from burgernet_cost.domain.trace import number
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Cell, Column, Field, Part, Report, Row, Table
from burgernet_cost.output.views.common import data_field, notes_field

EDGES = {"laag": "ondergrens", "hoog": "bovengrens"}


def assumption_name(a: Aanname) -> str:
    if a.id == "uurtarief":
        return "Uurtarief (schaal, periodiek, tabel)"
    if a.uitvoerder is not None:  # named by its model, as the tables' columns are
        return f"Schaalvoordeel {(a.modellen or a.uitvoerder).lower()}"
    return f"Schaling {(a.taakgebied or a.id).lower()}"


def _rule(rule: str) -> str:
    return rule.replace("_", " ")


def default_text(a: Aanname) -> str:
    if isinstance(a.standaard, str):  # a scaling rule
        return _rule(a.standaard)
    if a.id == "uurtarief":
        return money.euro(a.standaard, 4)
    return money.pct(a.standaard)


def option_text(o: Optie | None, a: Aanname | None = None) -> str:
    """An option as the bounds and the sensitivity name it ("uurtarief € 22,07 (ondergrens kalibratie)")."""
    if o is None:
        return f"standaard ({default_text(a)})" if a is not None else "standaard"
    p = o.p  # an option's parameters, by its soort
    if o.soort == "uurtarief_venster":
        return f"uurtarief {money.euro(number(p['bedrag']))} ({EDGES[str(p['rand'])]} kalibratie)"
    if o.soort == "tariefprofiel":
        return f"profiel {p['profiel']} ({money.euro(number(p['bedrag']))})"
    if o.soort == "schaalvoordeel":
        if a is not None:  # the row names the assumption, and so the executor
            return f"schaalvoordeel {money.pct(number(p['procent']))}"
        return f"schaalvoordeel {p['uitvoerder']} {money.pct(number(p['procent']))}"
    return f"{str(p['taakgebied']).lower()} {_rule(str(p['regel']))}"


def option_value(o: Optie) -> str:
    """An option as the list of alternatives shows it."""
    p = o.p
    if o.soort == "uurtarief_venster":
        return money.euro(number(p["bedrag"]), 4)
    if o.soort == "tariefprofiel":
        return f"{p['naam']}: {money.euro(number(p['bedrag']), 4)}"
    if o.soort == "schaalvoordeel":
        return money.pct(number(p["procent"]))
    return _rule(str(p["regel"]))


def bounds_text(options: tuple[Optie, ...]) -> str:
    """The options that set a bound, in words ("standaard" when none)."""
    return "; ".join(option_text(o) for o in options) if options else "standaard"


def assumption_rows(aannames: tuple[Aanname, ...] | list[Aanname]) -> list[Row]:
    return [
        {
            "id": a.id,
            "naam": assumption_name(a),
            "status": a.status,
            "bron": a.bron,
            "standaard": default_text(a),
            "alternatieven": "; ".join(option_value(o) for o in a.opties),
            "reden": a.reden,
        }
        for a in aannames
    ]


ASSUMPTION_COLUMNS = [
    Column("naam", "Aanname"),
    Column("standaard", "Standaard"),
    Column("alternatieven", "Alternatieven"),
    Column("status", "Status"),
    Column("bron", "Bron"),
    Column("id", "", formats=frozenset({JSON})),
    Column("reden", "", formats=frozenset({JSON})),
]


# What the band (and gevoeligheid) leaves out: choices a user can make that the data gives no
# alternative for, so no combination includes them. Shown wherever the band is.
OUTSIDE_BAND = (
    "toeslagen bovenop het standaardtarief (--toeslagen alle), integrale kosten in plaats van salaris "
    "(--kostenbasis integraal), andere schalen of periodieken dan de genoemde alternatieven, onzekerheid in de "
    "uren uit de interviews zelf en wat er na 2014 veranderde (de tijdlijn)"
)


def scope_notes(aannames: tuple[Aanname, ...] | list[Aanname]) -> list[str]:
    """What a band or a sensitivity spans (the data's assumptions with their alternatives) and what it
    leaves out; for the hourly rate also what its window rests on."""
    names = ", ".join(assumption_name(a).lower() for a in aannames) or "geen"
    notes = [
        f"Wat de bandbreedte omvat: alleen de aannames in de data met de alternatieven die de data noemt ({names}). "
        f"Niet inbegrepen: {OUTSIDE_BAND}. De bandbreedte is dus niet de hele onzekerheid: met toeslagen of "
        "integrale kosten kan het bedrag er ver boven liggen (zie estimate --toeslagen alle en --kostenbasis integraal)."
    ]
    for a in aannames:
        if a.id == "uurtarief" and a.reden:
            ends = [money.euro(number(o.p["bedrag"])) for o in a.opties if o.soort == "uurtarief_venster"]
            window = f"het kalibratievenster (afgeleid uit de uitkomsten van het rapport) loopt hier van {' tot '.join(ends)}. "
            notes.append(
                f"Uurtarief ({a.status}; het standaardtarief is een keuze binnen het venster): "
                + (window if len(ends) == 2 else "")
                + a.reden
            )
    return notes


def range_parts(band: Bandbreedte, figures: list[tuple[str, str, str]]) -> tuple[list[Part], list[str]]:
    """A table of lowest / default / highest per figure (key, label, kind), the assumptions behind the
    bounds, and the notes that say how the range was made and what it leaves out."""
    rows = []
    for key, label, kind in figures:
        b = band.bereik.get(key)
        if b is None:
            continue
        rows.append(
            {
                "figuur": key,
                "naam": label,
                "laag": Cell(b.laag.waarde, kind),
                "standaard": Cell(b.midden, kind),
                "hoog": Cell(b.hoog.waarde, kind),
                "laag_door": bounds_text(b.laag.door),
                "hoog_door": bounds_text(b.hoog.door),
            }
        )
    columns = [
        Column("figuur", "", formats=frozenset({JSON})),
        Column("naam", "Bedrag"),
        Column("laag", "Laagste", "money"),
        Column("standaard", "Standaard", "money"),
        Column("hoog", "Hoogste", "money"),
        Column("laag_door", "Laagste door"),
        Column("hoog_door", "Hoogste door"),
    ]
    parts: list[Part] = [
        Table(
            "bandbreedte",
            columns,
            rows,
            formats=frozenset({DISPLAY, JSON}),
            title=f"Bandbreedte over de aannames en hun alternatieven ({band.varianten} combinaties; zonder toeslagen en integrale kosten)",
        ),
        Table(
            "bandbreedte_aannames",
            ASSUMPTION_COLUMNS,
            assumption_rows(band.aannames),
            formats=frozenset({DISPLAY, JSON}),
            title="De aannames en hun alternatieven",
        ),
        Field("bandbreedte_omvat", None, [assumption_name(a) for a in band.aannames], "texts"),
        Field("bandbreedte_niet_inbegrepen", None, OUTSIDE_BAND),
    ]
    notes = [
        "Bandbreedte: elke combinatie van de alternatieven van elke aanname is doorgerekend (geen steekproef). "
        "Laagste en Hoogste: de laagste en hoogste uitkomst over die combinaties; Standaard: de uitkomst met de "
        "standaardkeuzes (zonder --bandbreedte), niet het midden ertussen. 'Laagste door' en 'Hoogste door' noemen de "
        "keuzes die die grens geven.",
        *scope_notes(band.aannames),
    ]
    if not band.aannames:
        notes.append(
            "Bandbreedte: er rust geen aanname met alternatieven op deze uitkomst (het tarief of de aannames zijn vastgezet met opties)."
        )
    return parts, notes


def sensitivity_rows(swings: list[Uitslag] | tuple[Uitslag, ...], modellen: list[tuple[str, str]]) -> list[Row]:
    """One row per assumption, largest swing first: ``bncost gevoeligheid`` and the council document;
    ``modellen``: (id, name) of the models with a scale advantage (``assumptions.scaled_models``), a
    swing each."""
    return [
        {
            "label": f"{assumption_name(u.aanname)} ({u.aanname.status})",
            "aanname": assumption_name(u.aanname),
            "id": u.aanname.id,
            "status": u.aanname.status,
            "standaard": default_text(u.aanname),
            "laag_keuze": option_text(u.laag[0], u.aanname),
            "hoog_keuze": option_text(u.hoog[0], u.aanname),
            "laag_per_jaar": u.laag[1]["totaal"],
            "hoog_per_jaar": u.hoog[1]["totaal"],
            "uitslag_per_jaar": u.swing("totaal"),
            "laag_per_inwoner": u.laag[1]["per_inwoner"],
            "hoog_per_inwoner": u.hoog[1]["per_inwoner"],
            "uitslag_per_inwoner": u.swing("per_inwoner"),
            **{f"uitslag_{ident}": u.swing(ident) for ident, _ in modellen},
        }
        for u in swings
    ]


def swing_columns(modellen: list[tuple[str, str]]) -> list[Column]:
    return [Column(f"uitslag_{ident}", f"Uitslag {naam.lower()}", "money") for ident, naam in modellen]


def sensitivity_table(swings: list[Uitslag] | tuple[Uitslag, ...], modellen: list[tuple[str, str]]) -> Table:
    """The council document's table of ``gevoeligheid``: with the low and high amounts themselves."""
    return Table(
        None,
        [
            Column("label", "Aanname"),
            Column("laag_keuze", "Laag bij"),
            Column("laag_per_jaar", "Laag", "money"),
            Column("hoog_keuze", "Hoog bij"),
            Column("hoog_per_jaar", "Hoog", "money"),
            Column("uitslag_per_jaar", "Uitslag", "money"),
            *swing_columns(modellen),
        ],
        sensitivity_rows(swings, modellen),
        title="Kosten per jaar bij het laagste en hoogste alternatief van elke aanname",
        formats=frozenset({DISPLAY}),
    )


def sensitivity_report(
    central: dict[str, Decimal],
    swings: list[Uitslag],
    onderwerp: str,
    inwoners: int,
    pakket: str,
    data_dir: str,
    extra: list[Part],
    modellen: list[tuple[str, str]],
    first_notes: list[str] | None = None,
) -> Report:
    rows = sensitivity_rows(swings, modellen)
    machine = frozenset({JSON, CSV})
    columns = [
        Column("label", "Aanname", formats=frozenset({DISPLAY})),
        Column("aanname", "", formats=machine),
        Column("id", "", formats=machine),
        Column("status", "", formats=machine),
        Column("standaard", "", formats=machine),
        Column("laag_keuze", "Laag bij"),
        Column("laag_per_jaar", "", "money", formats=machine),
        Column("hoog_keuze", "Hoog bij"),
        Column("hoog_per_jaar", "", "money", formats=machine),
        Column("uitslag_per_jaar", "Uitslag/jaar", "money"),
        *swing_columns(modellen),
        Column("uitslag_per_inwoner", "", "per_inwoner", formats=machine),
        Column("laag_per_inwoner", "", "per_inwoner", formats=machine),
        Column("hoog_per_inwoner", "", "per_inwoner", formats=machine),
    ]
    notes = [
        *(first_notes or []),
        "Eén aanname tegelijk van haar laagste naar haar hoogste alternatief, de andere op hun standaard; gesorteerd op "
        "uitslag (grootste eerst). 'Laag bij' en 'Hoog bij': de keuze die de laagste en de hoogste kosten per jaar geeft "
        "als de gemeente alles zelf doet (gemeentelijk model); Uitslag/jaar: het verschil daartussen"
        + "".join(f"; Uitslag {naam.lower()}: hetzelfde voor dat model, waar een schaalvoordeel meetelt" for _, naam in modellen[:1])
        + "".join(f"; Uitslag {naam.lower()}: idem" for _, naam in modellen[1:])
        + ". Samen kunnen de aannames meer uitmaken: zie --bandbreedte bij estimate en compare-models.",
        *[
            n.replace("Wat de bandbreedte omvat", "Wat deze gevoeligheid omvat").replace("De bandbreedte is dus", "Dit is dus")
            for n in scope_notes([u.aanname for u in swings])
        ],
    ]
    parts: list[Part] = [
        Field("onderwerp", "Voor", onderwerp),
        Field("inwoners", None, inwoners, "int"),
        Field("pakket", "Pakket", pakket),
        Field("kosten_per_jaar", "Kosten per jaar", central["totaal"], "money"),
        Field("per_inwoner_per_jaar", "Per inwoner per jaar", central["per_inwoner"], "per_inwoner"),
        *extra,
        data_field(data_dir),
        Table("aannames", columns, rows, formats=frozenset({DISPLAY, JSON, CSV})),
        Field("niet_inbegrepen", None, OUTSIDE_BAND),
        notes_field(notes),
    ]
    return Report("gevoeligheid", f"Gevoeligheid: {onderwerp}", parts, notes)


def band_csv(table: Table, band: Bandbreedte, key_of: Callable[[Row], str | None], columns: list[tuple[str, str, str]]) -> None:
    """The range in a csv table too: for each (suffix, column, kind) the columns <column>_laag and
    <column>_hoog on its rows (``key_of(row)`` gives the row's figure id, or None)."""
    table.columns = list(table.columns)  # the view's own column list (often a module constant) stays as it is
    for suffix, column, kind in columns:
        for end in ("laag", "hoog"):
            table.columns.append(Column(f"{column}_{end}", "", kind, formats=frozenset({CSV})))
        for row in table.rows:
            key = key_of(row)
            b = band.bereik.get(f"{key}{suffix}") if key else None
            row[f"{column}_laag"] = None if b is None else b.laag.waarde
            row[f"{column}_hoog"] = None if b is None else b.hoog.waarde
