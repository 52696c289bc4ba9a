"""Results -> ``Report`` (what the renderer shows). Dutch labels live here."""

from __future__ import annotations

from typing import Any

from burgernet_cost import money
from burgernet_cost.calculator import PAKKET_LABELS, Schatting
from burgernet_cost.render import Column, Report, Table
from burgernet_cost.salary import Uurtarief
from burgernet_cost.trace import Figuur

ESTIMATE_COLUMNS = [
    Column("taakgebied", "Taakgebied"),
    Column("uren_per_maand", "Uren/maand", "hours", "niet gekwantificeerd"),
    Column("fte", "FTE", "fte"),
    Column("kosten_per_jaar", "Kosten/jaar", "money"),
    Column("per_inwoner_per_jaar", "Per inwoner/jaar", "per_inwoner_cent"),
    Column("bron", "Bron"),
]


def rate_dict(tarief: Uurtarief) -> dict[str, Any]:
    return {
        "bedrag": money.machine(tarief.bedrag, "rate"),
        "omschrijving": tarief.omschrijving,
        "profiel": tarief.profiel,
        "bedragen_per": tarief.peildatum,
        "rust_op_aanname": tarief.rust_op_aanname,
    }


def figures_dict(figuren: tuple[Figuur, ...] | list[Figuur]) -> list[dict[str, object]]:
    return [f.to_dict() for f in figuren]


def sources_line(figuren: tuple[Figuur, ...]) -> str:
    sections = []
    for f in figuren:
        for part in f.bron.split(", "):
            if part.startswith("§") and part not in sections:
                sections.append(part)

    def key(sec: str) -> list[int]:
        return [int(x) if x.isdigit() else 0 for x in sec[1:].split(" ")[0].split(".")]

    return ", ".join(sorted(sections, key=key))


def estimate_report(result: Schatting, data_dir: str) -> Report:
    rows = []
    for r in (*result.regels, result.totaal):
        rows.append(
            {
                "taakgebied": r.naam if r.taakgebied != "totaal" else "Totaal",
                "taakgebied_id": r.taakgebied,
                "uren_per_maand": r.uren_per_maand,
                "fte": r.fte,
                "kosten_per_jaar": r.kosten_per_jaar,
                "per_inwoner_per_jaar": r.per_inwoner,
                "bron": r.bron,
            }
        )
    table = Table(ESTIMATE_COLUMNS, rows, total_rows=1)
    csv_columns = [Column("taakgebied", "taakgebied"), Column("naam", "naam"), *ESTIMATE_COLUMNS[1:]]
    csv_rows = [{**row, "taakgebied": row["taakgebied_id"], "naam": row["taakgebied"]} for row in rows]
    tarief = result.uurtarief
    header = [
        ("Inwoners", money.nl_number(result.inwoners)),
        ("Pakket", f"{result.pakket} ({PAKKET_LABELS[result.pakket]})"),
        ("Uurtarief", tarief.omschrijving + (" (rust op een aanname, zie toelichting)" if tarief.rust_op_aanname else "")),
        ("Bronnen", f"rapport Gemeentelijke taken Burgernet (2014) {sources_line(result.figuren)}"),
        ("Data", data_dir),
    ]
    data = {
        "commando": "estimate",
        "inwoners": result.inwoners,
        "pakket": result.pakket,
        "uurtarief": rate_dict(tarief),
        "taakgebieden": [r.to_dict() for r in result.regels],
        "totaal": result.totaal.to_dict(),
        "rust_op_aanname": result.rust_op_aanname,
        "notities": list(result.notities),
        "figuren": figures_dict(result.figuren),
    }
    return Report(
        title="Kosten gemeentelijke taken Burgernet",
        header=header,
        tables=[table],
        notes=list(result.notities),
        data=data,
        csv=Table(csv_columns, csv_rows, total_rows=1),
    )
