"""``bncost taken``: the task list as a checklist per role and package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from burgernet_cost.output.document import CSV, DISPLAY, JSON, Column, Field, Part, Report, Table, Text
from burgernet_cost.output.views.common import report_points

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.record_types.tasks import Bijlage2Regel, Taak, Voetnoot

PAKKET_TITLES = {"basis": "basispakket", "aanvullend": "aanvullend pakket", None: "geen pakketindeling (Bijlage 1)"}
MACHINE_KEYS = ("id", "organisatie", "rol", "pakket", "onderwerp", "sectie", "deel_van", "tekst")


def tasks_report(ds: Dataset, tasks: list[Taak], filters: list[str], bijlage2: bool = False) -> Report:
    roles = {r.id: r for r in ds.tasks.rollen}
    subjects = {o.id: o.naam for o in ds.tasks.onderwerpen}
    groups: dict[tuple[str, str | None], list[Taak]] = {}
    for t in tasks:
        groups.setdefault((t.rol, t.pakket), []).append(t)
    columns = [Column("vink", " ", "check"), Column("id", "Id"), Column("tekst", "Taak"), Column("onderwerp", "Onderwerp")]
    parts: list[Part] = [
        Field(None, "Aantal taken", str(len(tasks))),
        Field(None, "Bron", ds.tasks.bron.document),
        Field("filters", None, filters, "texts"),
    ]
    introduced: set[str] = set()
    for (rol, pakket), items in groups.items():
        role = roles[rol]
        if rol not in introduced and role.toelichting:  # the report's introduction of the role, word for word
            introduced.add(rol)
            parts.append(Text([f"{role.naam} ({role.bron.kort()}): {' '.join(role.toelichting.split())}"]))
        rows = [{"id": t.id, "tekst": ("  - " if t.deel_van else "") + t.tekst, "onderwerp": subjects[t.onderwerp]} for t in items]
        parts.append(
            Table(
                None,
                columns,
                rows,
                formats=frozenset({DISPLAY}),
                title=f"{role.naam} ({role.bron.kort()}), {PAKKET_TITLES[pakket]}: {len(items)} taken",
            )
        )
    machine_rows = [
        {
            "id": t.id,
            "organisatie": roles[t.rol].organisatie,
            "rol": t.rol,
            "pakket": t.pakket,
            "onderwerp": t.onderwerp,
            "sectie": t.sectie,
            "deel_van": t.deel_van,
            "tekst": t.tekst,
        }
        for t in tasks
    ]
    parts.append(Table("taken", [Column(k, "") for k in MACHINE_KEYS], machine_rows, formats=frozenset({JSON, CSV})))
    shown_roles = [roles[r] for r in dict.fromkeys(t.rol for t in tasks)]
    parts.append(
        Table(
            "rollen",
            [Column(k, "") for k in ("id", "naam", "organisatie", "sectie", "toelichting")],
            [
                {
                    "id": r.id,
                    "naam": r.naam,
                    "organisatie": r.organisatie,
                    "sectie": r.bron.kort(),
                    "toelichting": " ".join(r.toelichting.split()) if r.toelichting else None,
                }
                for r in shown_roles
            ],
            formats=frozenset({JSON}),
        )
    )
    b2_notes = _bijlage2_parts(ds, tasks, parts, bijlage2)
    _elsewhere_parts(ds, tasks, parts)
    notes = [
        *report_points(ds, "taken"),
        *b2_notes,
        *_footnotes(ds, tasks, parts),
        "Het basispakket bevat wat noodzakelijk is om Burgernet kwalitatief voldoende in te zetten; het aanvullend "
        "pakket is niet noodzakelijk maar wel zeer gewenst (§2.4).",
    ]
    if any(roles[t.rol].organisatie == "politie" for t in tasks):
        notes.append("Politietaken (Bijlage 1) zijn voor rekening van de politie (§2.3) en hebben geen pakketindeling.")
    return Report("taken", "Taken Burgernet" + (f" ({', '.join(filters)})" if filters else ""), parts, notes)


def _bijlage2_parts(ds: Dataset, tasks: list[Taak], parts: list[Part], full: bool) -> list[str]:
    """Bijlage 2 next to chapter 3: what is unmatched on either side (always), every line (``full``)."""
    from burgernet_cost.domain.tasks import bijlage2_mapping

    lines, lines_alone, tasks_alone = bijlage2_mapping(ds, tasks)
    if not lines:
        return []
    roles = {r.id: r.naam for r in ds.tasks.rollen}
    subjects = {o.id: o.naam for o in ds.tasks.onderwerpen}
    shown = frozenset({DISPLAY, JSON})
    if full:
        by_role: dict[str, list[Bijlage2Regel]] = {}
        for r in lines:
            by_role.setdefault(r.rol, []).append(r)
        parts.append(Text([f"Bijlage 2 naast hoofdstuk 3: {len(lines)} regels, per rol en onderwerp."]))
        for rol, items in by_role.items():
            rows = [
                {
                    "id": r.id,
                    "onderwerp": subjects[r.onderwerp],
                    "tekst": r.tekst if r.kop else "  - " + r.tekst,
                    "komt_overeen_met": ", ".join(r.komt_overeen_met) or "–",
                }
                for r in items
            ]
            parts.append(
                Table(
                    None,
                    [
                        Column("id", "Id"),
                        Column("onderwerp", "Onderwerp"),
                        Column("tekst", "Regel in Bijlage 2"),
                        Column("komt_overeen_met", "Taak in §3"),
                    ],
                    rows,
                    formats=frozenset({DISPLAY}),
                    title=f"Bijlage 2, {roles[rol]}: {len(items)} regels",
                )
            )
    parts.append(
        Table(
            "bijlage2",
            [
                Column(k, "", {"kop": "bool", "komt_overeen_met": "texts"}.get(k, "text"))
                for k in ("id", "rol", "onderwerp", "kop", "tekst", "komt_overeen_met")
            ],
            [
                {
                    "id": r.id,
                    "rol": r.rol,
                    "onderwerp": r.onderwerp,
                    "kop": r.kop,
                    "tekst": r.tekst,
                    "komt_overeen_met": list(r.komt_overeen_met),
                }
                for r in lines
            ],
            formats=frozenset({JSON}),
        )
    )
    parts.append(
        Table(
            "bijlage2_zonder_taak",
            [Column("id", "Id"), Column("rol", "Rol"), Column("tekst", "Regel")],
            [{"id": r.id, "rol": roles[r.rol], "tekst": _in_context(lines, r)} for r in lines_alone],
            formats=shown,
            title=f"Regels in Bijlage 2 zonder taak in hoofdstuk 3: {len(lines_alone)}",
        )
    )
    parts.append(
        Table(
            "taken_zonder_bijlage2",
            [Column("id", "Id"), Column("rol", "Rol"), Column("tekst", "Taak")],
            [{"id": t.id, "rol": roles[t.rol], "tekst": t.tekst} for t in tasks_alone],
            formats=shown,
            title=f"Taken in hoofdstuk 3 zonder regel in Bijlage 2: {len(tasks_alone)}",
        )
    )
    b2 = ds.tasks.bijlage2
    if b2 is None:  # without Bijlage 2 in the data there are no lines (returned above)
        return []
    how = f": {b2.methode.strip()}" if b2.methode else ""
    return [
        f"Bijlage 2 beschrijft dezelfde rollen opnieuw, met eigen woorden; de koppeling aan hoofdstuk 3 is {b2.status} "
        f"({b2.bron.kort()}){how}" + ("" if full else " Alle regels met hun koppeling: bncost taken --bijlage2.")
    ]


def _in_context(lines: list[Bijlage2Regel], line: Bijlage2Regel) -> str:
    """A line that starts in lower case continues the heading above it (Bijlage 2's check-mark list,
    "Items aandragen voor: nieuwsbrieven"); shown alone it would not read."""
    if not line.tekst[:1].islower():
        return str(line.tekst)
    before = lines[: lines.index(line)]
    heading = next((r for r in reversed(before) if r.kop), None)
    return f"{heading.tekst} {line.tekst}" if heading is not None else str(line.tekst)


def _elsewhere_parts(ds: Dataset, tasks: list[Taak], parts: list[Part]) -> None:
    """Municipal work the report names outside chapter 3 (a recorded gap), next to a list with municipal tasks."""
    roles = {r.id: r for r in ds.tasks.rollen}
    shown = {t.rol for t in tasks}
    if not ds.tasks.elders_genoemd or not any(
        roles[r].organisatie == "gemeente" or r in {g.rol_in_rapport for g in ds.tasks.elders_genoemd} for r in shown
    ):
        return
    rows = [
        {
            "id": g.id,
            "sectie": g.bron.kort(),
            "rol_in_rapport": roles[g.rol_in_rapport].naam,
            "tekst": g.tekst,
            "status": g.status,
            "methode": " ".join(g.methode.split()) if g.methode else None,
        }
        for g in ds.tasks.elders_genoemd
    ]
    parts.append(
        Table(
            "elders_genoemd",
            [
                Column("id", "Id"),
                Column("sectie", "Bron"),
                Column("tekst", "Werk van de gemeente"),
                Column("status", "Status"),
                Column("rol_in_rapport", "", formats=frozenset({JSON})),
                Column("methode", "", formats=frozenset({JSON})),
            ],
            rows,
            formats=frozenset({DISPLAY, JSON}),
            title=f"Gemeentelijk werk dat het rapport buiten hoofdstuk 3 noemt (geen taak, niet in de uren): {len(rows)}",
        )
    )


def _footnotes(ds: Dataset, tasks: list[Taak], parts: list[Part]) -> list[str]:
    """The report's footnotes on the chosen tasks and on their roles' introductions, word for word."""
    roles = {r.id: r for r in ds.tasks.rollen}
    found: list[tuple[Voetnoot, str, str | None]] = [
        (n, roles[rol].naam, None) for rol in dict.fromkeys(t.rol for t in tasks) for n in roles[rol].voetnoten
    ]
    found += [(n, roles[t.rol].naam, t.id) for t in tasks for n in t.voetnoten]
    found.sort(key=lambda f: f[0].nummer)
    if found:
        parts.append(
            Table(
                "voetnoten",
                [Column(k, "", "int" if k == "nummer" else "text") for k in ("nummer", "rol", "taak", "bij", "tekst")],
                [{"nummer": n.nummer, "rol": rol, "taak": taak, "bij": n.bij, "tekst": n.tekst} for n, rol, taak in found],
                formats=frozenset({JSON}),
            )
        )
    return [
        f'Voetnoot {n.nummer} ({_role_source(ds, rol)}, {rol}{f", {taak}" if taak else ""}, bij "{n.bij}"): {n.tekst}'
        for n, rol, taak in found
    ]


def _role_source(ds: Dataset, naam: str) -> str:
    return str(next(r.bron.kort() for r in ds.tasks.rollen if r.naam == naam))
