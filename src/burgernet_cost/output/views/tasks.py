"""``bncost taken``: the task list as a checklist per role and package."""

from __future__ import annotations

from typing import Any

from burgernet_cost.output.document import CSV, DISPLAY, JSON, Column, Field, Part, Report, Table
from burgernet_cost.output.views.common import report_points

PAKKET_TITLES = {"basis": "basispakket", "aanvullend": "aanvullend pakket", None: "geen pakketindeling (Bijlage 1)"}
MACHINE_KEYS = ("id", "organisatie", "rol", "pakket", "onderwerp", "sectie", "deel_van", "tekst")


def tasks_report(ds: Any, tasks: list[Any], filters: list[str]) -> Report:
    roles = {r.id: r for r in ds.tasks.rollen}
    subjects = {o.id: o.naam for o in ds.tasks.onderwerpen}
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for t in tasks:
        groups.setdefault((t.rol, t.pakket), []).append(t)
    columns = [Column("vink", " ", "check"), Column("id", "Id"), Column("tekst", "Taak"), Column("onderwerp", "Onderwerp")]
    parts: list[Part] = [
        Field(None, "Aantal taken", str(len(tasks))),
        Field(None, "Bron", ds.tasks.bron.document),
        Field("filters", None, filters, "texts"),
    ]
    for (rol, pakket), items in groups.items():
        role = roles[rol]
        rows = [{"id": t.id, "tekst": ("  - " if t.deel_van else "") + t.tekst, "onderwerp": subjects[t.onderwerp]}
                for t in items]
        parts.append(Table(None, columns, rows, formats=frozenset({DISPLAY}),
                           title=f"{role.naam} ({role.bron.kort()}), {PAKKET_TITLES[pakket]}: {len(items)} taken"))
    machine_rows = [
        {"id": t.id, "organisatie": roles[t.rol].organisatie, "rol": t.rol, "pakket": t.pakket, "onderwerp": t.onderwerp,
         "sectie": t.sectie, "deel_van": t.deel_van, "tekst": t.tekst}
        for t in tasks
    ]
    parts.append(Table("taken", [Column(k, "") for k in MACHINE_KEYS], machine_rows, formats=frozenset({JSON, CSV})))
    notes = [
        *report_points(ds, "taken"),
        "Het basispakket bevat wat noodzakelijk is om Burgernet kwalitatief voldoende in te zetten; het aanvullend "
        "pakket is niet noodzakelijk maar wel zeer gewenst (§2.4).",
    ]
    if any(roles[t.rol].organisatie == "politie" for t in tasks):
        notes.append("Politietaken (Bijlage 1) zijn voor rekening van de politie (§2.3) en hebben geen pakketindeling.")
    return Report("taken", "Taken Burgernet" + (f" ({', '.join(filters)})" if filters else ""), parts, notes)
