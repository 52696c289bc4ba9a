"""Tables only the council document shows: the band of "Hoe zeker" (low, standard, high) and the
list of figures with their sources in words (the place in the data is the command line's:
``bncost estimate --uitleg`` names it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from burgernet_cost.domain.assumptions import Bereik, Optie
from burgernet_cost.domain.trace import Figuur
from burgernet_cost.output.document import DISPLAY, Column, Row, Table
from burgernet_cost.output.views.common import figure_value_text
from burgernet_cost.output.wording import PAKKET_LABELS, figure_label


def band_table(bereik: Bereik, standaard: Decimal, pakket: str, describe: Callable[[tuple[Optie, ...]], str]) -> Table:
    """Low, standard and high: the gemeentelijk total of ``pakket`` over the assumptions' alternatives
    (``estimate --bandbreedte``), and the choices that give each."""
    rows = [
        {"grens": "Laag", "bedrag": bereik.laag.waarde, "bij": describe(bereik.laag.door)},
        {"grens": "Standaard", "bedrag": standaard, "bij": "de aannames van deze berekening"},
        {"grens": "Hoog", "bedrag": bereik.hoog.waarde, "bij": describe(bereik.hoog.door)},
    ]
    return Table(
        None,
        [Column("grens", ""), Column("bedrag", "Kosten per jaar", "money"), Column("bij", "Wanneer")],
        rows,
        title=f"Hoe zeker: de kosten van het {PAKKET_LABELS[pakket]} (gemeentelijk model)",
        formats=frozenset({DISPLAY}),
        row_header=True,
    )


def figures_table(figuren: Iterable[Figuur]) -> Table:
    """Every figure the amounts rest on, with its source and status (the appendix)."""
    rows: list[Row] = [
        {
            "naam": figure_label(f),
            "waarde_tekst": figure_value_text(f),
            "bron": f.bron,
            "status": f.status,
        }
        for f in figuren
    ]
    return Table(
        None,
        [
            Column("naam", "Cijfer", width="40%"),
            Column("waarde_tekst", "Waarde", align="right", width="20%"),
            Column("bron", "Bron", width="26%"),
            Column("status", "Status", "status", width="14%"),
        ],
        rows,
        title="Elk cijfer waarop de bedragen rusten, met bron en status",
        formats=frozenset({DISPLAY}),
    )
