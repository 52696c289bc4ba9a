"""Selecting tasks from tasks.yaml for the checklist (``bncost taken``)."""

from __future__ import annotations

import difflib
import unicodedata
from typing import TYPE_CHECKING

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.domain.codes import Pakket
from burgernet_cost.errors import UsageProblem, quote

if TYPE_CHECKING:
    from burgernet_cost.data.record_types import tasks as s


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("_", " ").replace("-", " ").strip()


def find_role(ds: Dataset, wanted: str, organisatie: str = "alle") -> s.Rol:
    key = _fold(wanted)
    if not key:
        raise UsageProblem("geef een rol op", field="rol")
    for role in ds.tasks.rollen:
        if key in (_fold(role.id), _fold(role.naam)):
            return role
    partial = [r for r in ds.tasks.rollen if key in _fold(r.id) or key in _fold(r.naam)]
    if len(partial) > 1 and organisatie != "alle":
        partial = [r for r in partial if r.organisatie == organisatie] or partial
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise UsageProblem(f"{quote(wanted)} past bij meer rollen: {', '.join(r.id for r in partial)}", field="rol")
    names = {_fold(r.naam): r.id for r in ds.tasks.rollen} | {_fold(r.id): r.id for r in ds.tasks.rollen}
    hint = difflib.get_close_matches(key, list(names), n=1, cutoff=0.6)
    extra = f"; bedoelde u '{names[hint[0]]}'?" if hint else f" (rollen: {', '.join(r.id for r in ds.tasks.rollen)})"
    raise UsageProblem(f"onbekende rol {quote(wanted)}{extra}", field="rol")


def select_tasks(
    ds: Dataset, rol: str | None = None, pakket: Pakket | None = None, organisatie: str = "gemeente"
) -> tuple[list[s.Taak], list[str]]:
    roles = {r.id: r for r in ds.tasks.rollen}
    filters = []
    role = find_role(ds, rol, organisatie) if rol is not None else None
    if role is not None:
        filters.append(f"rol {role.naam}")
        organisatie = role.organisatie if organisatie != "alle" else "alle"
    if organisatie != "alle":
        filters.append(f"organisatie {organisatie}")
    if pakket in ("basis", "aanvullend"):
        filters.append(f"pakket {pakket}")
    order = {r.id: i for i, r in enumerate(ds.tasks.rollen)}
    chosen = [
        t
        for t in ds.tasks.taken
        if (role is None or t.rol == role.id)
        and (organisatie == "alle" or roles[t.rol].organisatie == organisatie)
        and (pakket in (None, "volledig") or t.pakket == pakket)
    ]
    chosen.sort(key=lambda t: (order[t.rol], {"basis": 0, "aanvullend": 1, None: 2}[t.pakket]))
    return chosen, filters


def bijlage2_mapping(ds: Dataset, tasks: list[s.Taak]) -> tuple[list[s.Bijlage2Regel], list[s.Bijlage2Regel], list[s.Taak]]:
    """Bijlage 2 next to chapter 3 for the roles of ``tasks``: all lines of those roles, the lines
    that match no chapter-3 task (headings only when they name work of their own), and the chosen
    chapter-3 tasks no line matches."""
    if ds.tasks.bijlage2 is None:
        return [], [], []
    roles = {t.rol for t in tasks}
    lines = [r for r in ds.tasks.bijlage2.regels if r.rol in roles]
    matched = {ident for r in ds.tasks.bijlage2.regels for ident in r.komt_overeen_met}
    lines_alone = [r for r in lines if not r.komt_overeen_met and (not r.kop or r.eigen_werk)]
    roles_in_b2 = {r.rol for r in ds.tasks.bijlage2.regels}
    tasks_alone = [t for t in tasks if t.rol in roles_in_b2 and t.id not in matched]
    return lines, lines_alone, tasks_alone
