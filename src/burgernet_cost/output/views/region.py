"""``bncost regio`` and ``bncost gemeenten``."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.compare import Schaalvoordeel
from burgernet_cost.domain.region import Regio, group_by_unit
from burgernet_cost.errors import count
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Cell, Column, Field, Part, Report, Row, Table
from burgernet_cost.output.views.common import (
    data_field,
    date_field,
    explanation,
    notes_field,
    rate_field,
    report_points,
    scenario_header,
    trace_tree,
)
from burgernet_cost.output.wording import PAKKET_LABELS, date_nl, notes_text

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.municipalities import Gemeente, Gemeenten
    from burgernet_cost.domain.assumptions import Bandbreedte

#: notes of the models that do not apply to a region
SKIP_NOTES = {"fte_fragment", "berekend_gelijk"}


def budget_balance(regio: Regio) -> str:
    """What the executor's hours cost at the hourly rate, against the budget from the contributions."""
    gap = regio.afrondingsverschil
    text = f"de uren kosten {money.euro(regio.uitvoerder_kosten)} per jaar tegen het uurtarief"
    if abs(gap) < Decimal("0.01") * max(1, len(regio.leden)):
        return text + "; het budget dekt ze (verschil alleen door afronding op centen)"
    return text + (f"; het budget is {money.euro(gap)} hoger" if gap > 0 else f"; het budget schiet {money.euro(-gap)} tekort")


def _scaled(regio: Regio) -> tuple[Schaalvoordeel, ...]:
    """The scale advantages the region's contribution rests on (none: the budget pays for the hours)."""
    return regio.vergelijking.schaalvoordelen_van(regio.model)


def _how(s: Schaalvoordeel) -> str:
    return "opgegeven" if s.opgegeven else s.status


def _header(regio: Regio, ds: Dataset, peildatum: str | None) -> list[Part]:
    model = next(m for m in ds.models.modellen if m.id == regio.model)
    outsourced = " en ".join(ds.taakgebied(a).naam.lower() for a, e in model.uitvoering.items() if e != "gemeente")
    own = " en ".join(ds.taakgebied(a).naam.lower() for a, e in model.uitvoering.items() if e == "gemeente")
    executor = regio.vergelijking.model(regio.model).uitvoerder
    rate_text = (
        f"{money.euro(regio.tarief_per_inwoner, 4)} per inwoner per jaar ("
        + ("berekend uit de uren" if regio.tarief == "berekend" else "advies §6")
        + "".join(f", na schaalvoordeel {s.naam} {money.pct(s.procent)} ({_how(s)})" for s in _scaled(regio))
        + ")"
    )
    return [
        Field("gebied", "Gebied", regio.titel),
        Field(
            None,
            "Inwoners",
            f"{money.nl_number(regio.inwoners)} in {count(len(regio.leden), 'gemeente', 'gemeenten')}"
            + (f" op {date_nl(peildatum)} (CBS)" if peildatum else ""),
        ),
        Field(
            "model",
            "Model",
            regio.model,
            text=f"{model.naam}: {outsourced} door de {executor}" + (f"; {own} door elke gemeente zelf" if own else ""),
        ),
        Field("pakket", "Pakket", regio.pakket, text=f"{regio.pakket} ({PAKKET_LABELS[regio.pakket]})"),
        Field("tarief", None, regio.tarief),
        Field("tarief_per_inwoner_per_jaar", "Tarief", regio.tarief_per_inwoner, "per_inwoner", text=rate_text),
        Field("inwoners", None, regio.inwoners, "int"),
        Field("aantal_gemeenten", None, len(regio.leden), "int"),
        Field(
            "uitvoerder",
            "Uitvoerder",
            [
                Field("uren_per_maand", None, regio.uitvoerder_uren, "hours"),
                Field("kosten_uren_per_jaar", None, regio.uitvoerder_kosten, "money"),
                Field("fte", None, regio.uitvoerder_fte, "fte"),
                Field("budget_per_jaar", None, regio.budget, "money"),
            ],
            "object",
            text=f"{money.hours(regio.uitvoerder_uren)} uur per maand = {money.fte(regio.uitvoerder_fte)} fte; "
            f"budget {money.euro(regio.budget)} per jaar",
        ),
        *([Field(None, "Budget en uren", budget_balance(regio))] if not _scaled(regio) else []),
        *date_field(regio.vergelijking.schatting.uurtarief, peildatum, ds),
        rate_field(regio.vergelijking.schatting.uurtarief, regio.spoor),
        *scenario_header(ds),
    ]


def unit_rows(regio: Regio) -> list[Row]:
    """A region's members grouped by politie-eenheid (``regio`` with more than 60 members)."""
    return [
        {"politie_eenheid": u, "gemeenten": n, "inwoners": inh, "eigen_uren_per_maand": h, "bijdrage_per_jaar": b}
        for u, n, inh, h, b in group_by_unit(regio)
    ]


def members_table(regios: dict[Pakket, Regio], per_unit: bool, links: list[str] | None = None) -> Table:
    """The council document's table of contributions: the rows of ``regio`` (per member or per unit,
    with its total), a contribution column per package; ``links``: each member's own document."""
    pakketten = list(regios)
    first = regios[pakketten[0]]
    key, head = ("politie_eenheid", "Politie-eenheid") if per_unit else ("gemeente", "Gemeente")
    per_package = {p: unit_rows(r) if per_unit else [{"bijdrage_per_jaar": lid.bijdrage} for lid in r.leden] for p, r in regios.items()}
    rows = unit_rows(first) if per_unit else [{"gemeente": lid.naam, "inwoners": lid.inwoners} for lid in first.leden]
    for row, link in zip(rows, links or [], strict=False):
        row[key] = Cell(row[key], "text", link=link)
    for n, row in enumerate(rows):
        row.update({f"bijdrage_{p}": per_package[p][n]["bijdrage_per_jaar"] for p in pakketten})
    budgets = {f"bijdrage_{p}": r.budget for p, r in regios.items()}
    total = {key: "Totaal", "gemeenten": len(first.leden), "inwoners": first.inwoners, **budgets}
    return Table(
        None,
        [
            Column(key, head),
            *([Column("gemeenten", "Gemeenten", "int")] if per_unit else []),
            Column("inwoners", "Inwoners", "int"),
            *(Column(f"bijdrage_{p}", f"Bijdrage {PAKKET_LABELS[p]}", "money") for p in pakketten),
        ],
        [*rows, total],
        title=f"Bijdrage per jaar per {head.lower()} (regionaal model, afgerond op centen)",
        total_rows=1,
        formats=frozenset({DISPLAY}),
    )


def _member_tables(regio: Regio, per_unit: bool) -> tuple[list[Part], list[Part]]:
    """(the display and csv tables, and the json "eenheden" after the notes)."""
    display_only, csv_only = frozenset({DISPLAY}), frozenset({CSV})
    units = unit_rows(regio)
    extra_names = list(dict.fromkeys(name for lid in regio.leden for name, _ in lid.extra))
    taken = {"gemeente", "code", "inwoners", "bron_inwoners", "politie_eenheid", "eigen_uren_per_maand", "bijdrage_per_jaar", "extra"}
    extra_keys = {name: (name if name.lower() not in taken else f"{name} (bestand)") for name in extra_names}
    members = [
        {
            "gemeente": lid.naam,
            "code": lid.code,
            "inwoners": lid.inwoners,
            "bron_inwoners": lid.bron_inwoners,
            "politie_eenheid": lid.politie_eenheid,
            "eigen_uren_per_maand": lid.eigen_uren,
            "bijdrage_per_jaar": lid.bijdrage,
            "extra": dict(lid.extra) or None,
            **{extra_keys[k]: v for k, v in lid.extra},
        }
        for lid in regio.leden
    ]
    extra_columns = [Column(key, key) for key in extra_keys.values()]
    for row in members:  # which counts came from the user's file: said in every format; the price date in csv
        row["inwoners_uit"] = "CBS" if str(row["bron_inwoners"]).startswith("CBS") else "bestand"
        row["prijspeil"] = regio.vergelijking.schatting.uurtarief.peildatum or ""
    from_file = any(row["inwoners_uit"] == "bestand" for row in members)
    source_column = [Column("inwoners_uit", "Inwoners uit")] if from_file else []
    total = {
        "gemeenten": len(regio.leden),
        "inwoners": regio.inwoners,
        "eigen_uren_per_maand": regio.eigen_uren,
        "bijdrage_per_jaar": regio.budget,
    }
    numbers = [
        Column("inwoners", "Inwoners", "int"),
        Column("eigen_uren_per_maand", "Eigen beleid uren/maand", "hours"),
        Column("bijdrage_per_jaar", "Bijdrage/jaar", "money"),
    ]
    unit_columns = [Column("politie_eenheid", "Politie-eenheid"), Column("gemeenten", "Gemeenten", "int"), *numbers]
    if per_unit:
        shown = Table(None, unit_columns, [*units, {**total, "politie_eenheid": "Totaal"}], total_rows=1, formats=display_only)
        machine = Table(None, unit_columns, [*units, {**total, "politie_eenheid": "Totaal"}], total_rows=1, formats=csv_only)
    else:
        shown = Table(
            None,
            [Column("gemeente", "Gemeente"), Column("code", "Code"), numbers[0], *source_column, *numbers[1:], *extra_columns],
            [*members, {**total, "gemeente": "Totaal", "code": ""}],
            total_rows=1,
            formats=display_only,
        )
        machine = Table(
            None,
            [
                Column("gemeente", ""),
                Column("code", ""),
                *numbers,
                Column("bron_inwoners", ""),
                Column("politie_eenheid", ""),
                *extra_columns,
                Column("prijspeil", ""),
            ],
            [*members, {**total, "gemeente": "Totaal", "code": "", "bron_inwoners": "", "totaal": True}],
            total_rows=1,
            formats=csv_only,
        )
    leden = Table(
        "leden",
        [
            Column("gemeente", ""),
            Column("code", ""),
            Column("inwoners", "", "int"),
            Column("bron_inwoners", ""),
            Column("politie_eenheid", ""),
            numbers[1],
            numbers[2],
            *([Column("extra", "", "raw")] if extra_names else []),
        ],
        members,
        formats=frozenset({JSON}),
    )
    after: list[Part] = [Table("eenheden", unit_columns, units, formats=frozenset({JSON}))] if per_unit else []
    return [shown, machine, leden], after


def _band(band: Bandbreedte, regio: Regio, tables: list[Part], notes: list[str], per_unit: bool) -> list[Part]:
    """--bandbreedte: the range of the budget, the rate, the executor's cost and (per member) each contribution."""
    from burgernet_cost.domain.bands import member_key
    from burgernet_cost.output.views.ranges import band_csv, range_parts

    figures = [
        ("budget", "Budget (som van de bijdragen)", "money"),
        ("tarief", "Tarief per inwoner", "per_inwoner"),
        ("uitvoerder_kosten", "Kosten van de uren van de uitvoerder", "money"),
    ]
    if not per_unit:
        figures += [(member_key(lid), f"Bijdrage {lid.naam}", "money") for lid in regio.leden]
        table = next(t for t in tables if isinstance(t, Table) and CSV in t.formats)
        keys = {lid.code or lid.naam: member_key(lid) for lid in regio.leden}
        band_csv(
            table,
            band,
            lambda row: "budget" if row.get("totaal") else keys.get(str(row.get("code") or row.get("gemeente"))),
            [("", "bijdrage_per_jaar", "money")],
        )
    extra, more = range_parts(band, figures)
    notes.extend(more)
    return extra


def region_report(
    regio: Regio,
    ds: Dataset,
    data_dir: str,
    per_unit: bool,
    peildatum: str | None,
    uitleg: bool = False,
    band: Bandbreedte | None = None,
) -> Report:
    notes = [
        "Bijdrage = tarief x inwoners, per gemeente afgerond op centen (zoals een factuur); het budget van de "
        "uitvoerder is de som van de bijdragen.",
        "Eigen beleid: de uren die elke gemeente zelf besteedt aan beleid (§4.1.1); die blijven bij de gemeente (§5).",
    ]
    notes += [n for n in notes_text([n for n in regio.vergelijking.notities if n.code not in SKIP_NOTES]) if n not in notes]
    notes += report_points(ds, "regio")
    tables, after = _member_tables(regio, per_unit)
    tree = trace_tree(regio.spoor, uitleg)
    parts = [*_header(regio, ds, peildatum), data_field(data_dir), *tables, notes_field(notes), *after, *explanation(ds, tree)]
    if band is not None:
        parts += _band(band, regio, tables, notes, per_unit)
    model = next(m for m in ds.models.modellen if m.id == regio.model)
    return Report("regio", f"{model.naam} model: {regio.titel}", parts, notes, tree)


# --------------------------------------------------------------------------- gemeenten


FILTER_LABELS = {"eenheid": "politie-eenheid {}", "veiligheidsregio": "veiligheidsregio {}", "zoek": "zoek '{}'"}


def region_method(gemeenten: Gemeenten, jaar: int) -> str:
    """How the politie-eenheid of a year was found: the table's method, or for a year between the
    tables, the rule of ``data/municipal_years.py`` with the reorganisations' source."""
    table = next((j for j in gemeenten.meta.jaren if j.jaar == jaar), None)
    if table is not None:
        return str(table.politie_eenheid_methode).strip()
    return (
        f"de inwoners van {jaar} uit de bevolkingsreeks; provincie, veiligheidsregio en politie-eenheid uit de CBS-tabel van "
        f"{' of '.join(str(j) for j in sorted(gemeenten.per_jaar))} (de oudste waarin de gemeente staat), voor een gemeente "
        "die eerder opging die van haar opvolger (herindelingen, afgeleid)."
    )


def municipalities_report(rows: list[Gemeente], gemeenten: Gemeenten, jaar: int, applied: dict[str, str]) -> Report:
    filters = [FILTER_LABELS[k].format(v) for k, v in applied.items()]
    machine = frozenset({JSON, CSV})
    columns = [
        Column("code", "Code"),
        Column("naam", "Gemeente"),
        Column("inwoners", "Inwoners", "int"),
        Column("provincie", "Provincie"),
        Column("veiligheidsregio_code", "", formats=machine),
        Column("veiligheidsregio", "Veiligheidsregio"),
        Column("politie_eenheid", "Politie-eenheid"),
    ]
    data_rows = [dict(g.__dict__) for g in rows]
    total = sum(g.inwoners for g in rows)
    notes = [] if gemeenten.eenheid_status(jaar) == "gepubliceerd" else [f"Politie-eenheid {jaar}: {region_method(gemeenten, jaar)}"]
    parts: list[Part] = [
        Field("jaar", None, jaar, "int"),
        Field("peildatum", "Peildatum", gemeenten.peildatum(jaar), text=date_nl(gemeenten.peildatum(jaar))),
        Field(
            "bron",
            "Bron",
            gemeenten.meta.bron.attributie,
            text=f"{gemeenten.meta.bron.attributie.removeprefix('Bron: ')}, {gemeenten.meta.bron.document}",
        ),
        Table(
            None,
            columns,
            [*data_rows, {"code": "", "naam": f"Totaal ({count(len(rows), 'gemeente', 'gemeenten')})", "inwoners": total}],
            total_rows=1,
            formats=frozenset({DISPLAY}),
        ),
        Table("gemeenten", columns, data_rows, formats=machine),
        Field("inwoners_totaal", None, total, "int"),
    ]
    return Report("gemeenten", "Gemeenten" + (f" ({', '.join(filters)})" if filters else ""), parts, notes)
