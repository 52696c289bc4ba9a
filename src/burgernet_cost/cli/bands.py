"""``--bandbreedte`` for estimate, compare-models and regio: the same library call evaluated over
every combination of the assumptions' alternatives (``domain/assumptions.py``); the range table
and its notes are added to the command's report."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from burgernet_cost.domain.assumptions import Variant, assumptions, default_variant, ranges
from burgernet_cost.domain.estimate import TOTAAL


def _csv(report: Any, band: Any, key_of: Any, columns: list[tuple[str, str, str]]) -> None:
    """The range in the csv too: for each (suffix, column, kind) the columns <column>_laag and
    <column>_hoog on the rows of the csv table (``key_of(row)`` gives the row's figure key)."""
    from burgernet_cost.output.document import CSV, Column

    table = next((t for t in report.tables_for(CSV)), None)
    if table is None:
        return
    table.columns = list(table.columns)  # a copy: the view's column list is shared by every run in this process
    for suffix, column, kind in columns:
        for end in ("laag", "hoog"):
            table.columns.append(Column(f"{column}_{end}", "", kind, formats=frozenset({CSV})))
        for row in table.rows:
            key = key_of(row)
            b = band.bereik.get(f"{key}{suffix}") if key else None
            row[f"{column}_laag"] = None if b is None else b.laag.waarde
            row[f"{column}_hoog"] = None if b is None else b.hoog.waarde


def _add(report: Any, parts: list[Any], notes: list[str]) -> None:
    """The range's parts after the report's own; its notes join the report's (the views hand the
    same list to the json "notities" field)."""
    report.parts.extend(parts)
    report.notes.extend(notes)


def estimate_band(report: Any, ds: Any, result: Any, keuze: Any, herkomst: Any, opties: Any) -> None:
    from burgernet_cost.domain.estimate import estimate
    from burgernet_cost.output.views.ranges import range_parts

    def evaluate(v: Variant) -> dict[str, Decimal]:
        s = estimate(ds, result.inwoners, result.pakket, v.keuze, herkomst=herkomst, schalingen=v.schalingen)
        out = {}
        for r in (*s.regels, s.totaal):
            if r.kosten_per_jaar is not None and r.per_inwoner is not None:
                out[f"{r.taakgebied}.kosten"] = r.kosten_per_jaar
                out[f"{r.taakgebied}.per_inwoner"] = r.per_inwoner
        return out

    base = default_variant(keuze, None, opties.schalingen())
    band = ranges(base, assumptions(ds, keuze, None, opties.schalingen(), model_landelijk=False), evaluate)
    figures = []
    for r in (*result.regels, result.totaal):
        if r.kosten_per_jaar is not None:
            name = "Totaal" if r.taakgebied == TOTAAL else r.naam
            figures += [(f"{r.taakgebied}.kosten", f"{name}, per jaar", "money"),
                        (f"{r.taakgebied}.per_inwoner", f"{name}, per inwoner", "per_inwoner")]
    _add(report, *range_parts(band, figures))
    _csv(report, band, lambda row: row.get("taakgebied"),
         [(".kosten", "kosten_per_jaar", "money"), (".per_inwoner", "per_inwoner_per_jaar", "per_inwoner")])


def compare_band(report: Any, ds: Any, results: list[Any], keuze: Any, tarief: str, schaalvoordeel: Decimal | None,
                 herkomst: Any, opties: Any) -> None:
    from burgernet_cost.domain.compare import compare
    from burgernet_cost.output.views.ranges import range_parts

    def evaluate(v: Variant) -> dict[str, Decimal]:
        out = {}
        for r in results:
            c = compare(ds, r.inwoners, r.pakket, tarief, v.schaalvoordeel, v.keuze, herkomst=herkomst, schalingen=v.schalingen)
            for u in c.uitkomsten:
                out[f"{r.pakket}.{u.id}.totaal"] = u.totaal
                out[f"{r.pakket}.{u.id}.bijdrage"] = u.bijdrage
        return out

    base = default_variant(keuze, schaalvoordeel, opties.schalingen())
    band = ranges(base, assumptions(ds, keuze, schaalvoordeel, opties.schalingen(), model_landelijk=tarief == "berekend"), evaluate)
    figures = [(f"{r.pakket}.{u.id}.{what}", f"{u.naam}, {r.pakket}: {label}", "money")
               for r in results for u in r.uitkomsten for what, label in (("totaal", "totaal per jaar"), ("bijdrage", "bijdrage"))
               if what == "totaal" or u.tarief_per_inwoner is not None]
    _add(report, *range_parts(band, figures))
    _csv(report, band, lambda row: f"{row.get('pakket')}.{row.get('model')}",
         [(".totaal", "totaal_per_jaar", "money"), (".bijdrage", "bijdrage_per_jaar", "money")])


def region_band(report: Any, ds: Any, result: Any, members: list[Any], keuze: Any, schaalvoordeel: Decimal | None, opties: Any,
                per_unit: bool) -> None:
    from burgernet_cost.domain.region import region
    from burgernet_cost.output.views.ranges import range_parts

    def evaluate(v: Variant) -> dict[str, Decimal]:
        r = region(ds, result.titel, members, result.model, result.pakket, result.tarief, v.schaalvoordeel, v.keuze,
                   soort=result.soort, schalingen=v.schalingen)
        out = {"budget": r.budget, "tarief": r.tarief_per_inwoner, "uitvoerder_kosten": r.uitvoerder_kosten}
        if not per_unit:
            out |= {f"lid.{lid.code or lid.naam}": lid.bijdrage for lid in r.leden}
        return out

    base = default_variant(keuze, schaalvoordeel, opties.schalingen())
    landelijk = result.model == "landelijk" and result.tarief == "berekend"
    band = ranges(base, assumptions(ds, keuze, schaalvoordeel, opties.schalingen(), model_landelijk=landelijk), evaluate)
    figures = [("budget", "Budget (som van de bijdragen)", "money"), ("tarief", "Tarief per inwoner", "per_inwoner"),
               ("uitvoerder_kosten", "Kosten van de uren van de uitvoerder", "money")]
    if not per_unit:
        figures += [(f"lid.{lid.code or lid.naam}", f"Bijdrage {lid.naam}", "money") for lid in result.leden]
    _add(report, *range_parts(band, figures))
    if not per_unit:
        _csv(report, band, lambda row: f"lid.{row.get('code')}" if row.get("code") else ("budget" if row.get("gemeente") == "Totaal" else None),
             [("", "bijdrage_per_jaar", "money")])
