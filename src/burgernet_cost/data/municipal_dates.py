"""The dates of the municipality tables that every command relies on, checked where the tables
are loaded (so ``validate``, which loads them the same way, reports exactly what the commands refuse)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from burgernet_cost.errors import DataError, DataErrors

if TYPE_CHECKING:
    from burgernet_cost.data.reading import LineMap

Gemeenten = Any  # data/municipalities.py's Gemeenten (not imported: that module imports this one)


def date_problems(gm: Gemeenten, lines: LineMap) -> list[DataError]:
    """Dates every command relies on (validate reports them too, as it loads the tables the same
    way): a table's peildatum is 1 January of its year (or the 31 December before), and the
    report's situation is a year the data has municipalities for."""
    problems = []
    for n, jaar in enumerate(gm.meta.jaren):
        if not (jaar.peildatum.startswith(f"{jaar.jaar}-") or jaar.peildatum == f"{jaar.jaar - 1}-12-31"):
            problems.append(
                lines.error(("jaren", n, "peildatum"), f"peildatum {jaar.peildatum} ligt niet in {jaar.jaar}, het jaar van deze tabel")
            )
    situation = gm.meta.rapportsituatie
    if situation is not None:
        try:
            years = gm.jaren
        except (DataError, DataErrors):
            years = sorted(gm.per_jaar, reverse=True)  # the series' own problem is reported where it is read
        if int(situation.inwoners_jaar) not in years:
            problems.append(
                lines.error(
                    ("rapportsituatie", "inwoners_jaar"),
                    f"{situation.inwoners_jaar} is geen jaar van de data (gemeenten van {years[-1]} tot en met {years[0]}); "
                    "elke uitkomst zonder --jaar of --peildatum gebruikt dit jaar",
                )
            )
    return problems


def check_totals(jaar: Any, rows: list[Any], lines: LineMap, n: int) -> list[DataError]:
    """A table's count, total and totals per police unit against what gemeenten.yaml documents."""
    errors = []
    total = sum(g.inwoners for g in rows)
    if len(rows) != jaar.aantal_gemeenten:
        errors.append(
            lines.error(
                ("jaren", n, "aantal_gemeenten"), f"{jaar.bestand} heeft {len(rows)} gemeenten, gedocumenteerd {jaar.aantal_gemeenten}"
            )
        )
    if total != jaar.inwoners_totaal:
        errors.append(
            lines.error(("jaren", n, "inwoners_totaal"), f"{jaar.bestand} telt {total} inwoners, gedocumenteerd {jaar.inwoners_totaal}")
        )
    for eenheid, expected in jaar.totalen_per_eenheid.items():
        members = [g for g in rows if g.politie_eenheid == eenheid]
        found = (len(members), sum(g.inwoners for g in members))
        if found != (expected.gemeenten, expected.inwoners):
            errors.append(
                lines.error(
                    ("jaren", n, "totalen_per_eenheid", eenheid),
                    f"{eenheid}: {found[0]} gemeenten en {found[1]} inwoners in {jaar.bestand}, "
                    f"gedocumenteerd {expected.gemeenten} en {expected.inwoners}",
                )
            )
    return errors
