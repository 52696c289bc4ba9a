"""Cross-file checks of a data set: references, uniqueness, order.

Schema checks live in the models (``schema``); what needs more than one record or file lives here.
Each problem is a ``DataError`` with file, line and key path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from burgernet_cost.errors import DataError, quote

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset


def _unique(ds: Dataset, file: str, key: str, items: Iterable[Any], prefix: tuple[str, ...] = ()) -> list[DataError]:
    errors = []
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in first:
            errors.append(
                ds.lines[file].error((*prefix, key, i, "id"), f"id '{item.id}' komt twee keer voor (ook {key}[{first[item.id]}])")
            )
        else:
            first[item.id] = i
    return errors


def _ref(ds: Dataset, file: str, path: tuple[Any, ...], value: str, known: Iterable[str], what: str) -> list[DataError]:
    known = list(known)
    if value in known:
        return []
    import difflib

    hint = difflib.get_close_matches(value, known, n=1)
    extra = f"; bedoelde u '{hint[0]}'?" if hint else f" (bekend: {', '.join(known)})"
    return [ds.lines[file].error(path, f"onbekende {what} '{value}'{extra}")]


def reference_errors(ds: Dataset) -> list[DataError]:
    """Every reference between records and files, uniqueness of ids, and order of dated lists."""
    t, i, sal = ds.tasks, ds.interviews, ds.salary
    T, IV, S = "tasks.yaml", "interviews.yaml", "salary_scales.yaml"
    errors: list[DataError] = []
    for file, key, items in (
        (T, "taakgebieden", t.taakgebieden),
        (T, "onderwerpen", t.onderwerpen),
        (T, "rollen", t.rollen),
        (T, "taken", t.taken),
        (IV, "waarnemingen", i.waarnemingen),
        (IV, "gerapporteerde_uitkomsten", i.gerapporteerde_uitkomsten),
        (S, "tabellen", sal.tabellen),
        (S, "toeslagen", sal.toeslagen),
        (S, "tariefprofielen", sal.tariefprofielen),
    ):
        errors += _unique(ds, file, key, items)
    areas = {a.id: a for a in t.taakgebieden}
    errors += _task_errors(ds, areas)
    errors += _interview_errors(ds, areas)
    errors += _salary_errors(ds)
    errors += _model_errors(ds, areas)
    return errors


def _ring(start: str, tasks: dict[str, Any]) -> list[str]:
    """The chain of deel_van from ``start`` when it comes back to ``start`` (itself or round), else []."""
    chain, current = [start], tasks.get(start)
    while current is not None and current.deel_van is not None and len(chain) <= len(tasks):
        chain.append(current.deel_van)
        if current.deel_van == start:
            return chain
        if current.deel_van in chain[:-1]:
            return []  # a ring further on: reported at its own members
        current = tasks.get(current.deel_van)
    return []


def _task_errors(ds: Dataset, areas: dict[str, Any]) -> list[DataError]:
    T, t = "tasks.yaml", ds.tasks
    errors: list[DataError] = []
    subjects = [o.id for o in t.onderwerpen]
    roles = {r.id: r for r in t.rollen}
    tasks = {k.id: k for k in t.taken}
    for n, rol in enumerate(t.rollen):
        if rol.taakgebied:
            errors += _ref(ds, T, ("rollen", n, "taakgebied"), rol.taakgebied, areas, "taakgebied")
    for n, taak in enumerate(t.taken):
        errors += _ref(ds, T, ("taken", n, "rol"), taak.rol, roles, "rol")
        errors += _ref(ds, T, ("taken", n, "onderwerp"), taak.onderwerp, subjects, "onderwerp")
        owner = roles.get(taak.rol)
        if owner is not None and owner.organisatie == "gemeente" and taak.pakket is None:
            errors.append(
                ds.lines[T].error(("taken", n), f"taak '{taak.id}' van een gemeentelijke rol heeft een pakket nodig (basis of aanvullend)")
            )
        if owner is not None and owner.organisatie == "politie" and taak.pakket is not None:
            errors.append(ds.lines[T].error(("taken", n, "pakket"), "politietaken hebben geen pakket (Bijlage 1)"))
        if taak.deel_van is not None:
            errors += _ref(ds, T, ("taken", n, "deel_van"), taak.deel_van, tasks, "taak")
            parent = tasks.get(taak.deel_van)
            if parent is not None and parent.rol != taak.rol:
                errors.append(ds.lines[T].error(("taken", n, "deel_van"), f"hoofdtaak '{parent.id}' hoort bij een andere rol"))
            ring = _ring(taak.id, tasks)
            if ring:
                errors.append(ds.lines[T].error(("taken", n, "deel_van"), "deel_van gaat rond: " + " -> ".join(ring)))
    errors += _elsewhere_errors(ds, roles)
    if t.bijlage2 is not None:
        errors += _bijlage2_errors(ds, roles, tasks, subjects)
    return errors


def _elsewhere_errors(ds: Dataset, roles: dict[str, Any]) -> list[DataError]:
    """A gap outside chapter 3 names the role whose section the report names it in."""
    return [
        e
        for n, g in enumerate(ds.tasks.elders_genoemd)
        for e in _ref(ds, "tasks.yaml", ("elders_genoemd", n, "rol_in_rapport"), g.rol_in_rapport, roles, "rol")
    ]


def _bijlage2_errors(ds: Dataset, roles: dict[str, Any], tasks: dict[str, Any], subjects: list[str]) -> list[DataError]:
    """Bijlage 2's lines name municipal roles, and match chapter-3 tasks of that role and subject."""
    T = "tasks.yaml"
    assert ds.tasks.bijlage2 is not None
    lines = ds.tasks.bijlage2.regels
    errors = _unique(ds, T, "regels", lines, prefix=("bijlage2",))
    for n, regel in enumerate(lines):
        at = ("bijlage2", "regels", n)
        errors += _ref(ds, T, (*at, "rol"), regel.rol, roles, "rol")
        errors += _ref(ds, T, (*at, "onderwerp"), regel.onderwerp, subjects, "onderwerp")
        role = roles.get(regel.rol)
        if role is not None and role.organisatie != "gemeente":
            errors.append(ds.lines[T].error((*at, "rol"), f"Bijlage 2 beschrijft gemeentelijke rollen; '{regel.rol}' is een politierol"))
        for k, ident in enumerate(regel.komt_overeen_met):
            errors += _ref(ds, T, (*at, "komt_overeen_met", k), ident, tasks, "taak")
            task = tasks.get(ident)
            if task is not None and task.rol != regel.rol:
                errors.append(
                    ds.lines[T].error((*at, "komt_overeen_met", k), f"taak '{ident}' hoort bij rol '{task.rol}', niet bij '{regel.rol}'")
                )
            elif task is not None and task.onderwerp != regel.onderwerp:
                errors.append(
                    ds.lines[T].error(
                        (*at, "komt_overeen_met", k),
                        f"taak '{ident}' staat onder onderwerp '{task.onderwerp}', de regel onder '{regel.onderwerp}'",
                    )
                )
    return errors


def _interview_errors(ds: Dataset, areas: dict[str, Any]) -> list[DataError]:
    IV, i = "interviews.yaml", ds.interviews
    errors: list[DataError] = []
    for n, w in enumerate(i.waarnemingen):
        errors += _ref(ds, IV, ("waarnemingen", n, "taakgebied"), w.taakgebied, areas, "taakgebied")
        area = areas.get(w.taakgebied)
        if area is not None and not area.gekwantificeerd:
            errors.append(
                ds.lines[IV].error(
                    ("waarnemingen", n, "taakgebied"),
                    f"taakgebied '{area.id}' is niet gekwantificeerd (tasks.yaml); er horen geen uren bij",
                )
            )
    for area in ds.tasks.taakgebieden:
        for pakket in ("basis", "aanvullend") if area.gekwantificeerd else ():
            if not any(w.taakgebied == area.id and w.pakket == pakket and w.meegewogen for w in i.waarnemingen):
                errors.append(
                    ds.lines[IV].error(("waarnemingen",), f"geen meegewogen waarneming voor taakgebied '{area.id}', pakket '{pakket}'")
                )
    observations = {w.id: w for w in i.waarnemingen}
    for n, u in enumerate(i.gerapporteerde_uitkomsten):
        errors += _ref(ds, IV, ("gerapporteerde_uitkomsten", n, "taakgebied"), u.taakgebied, areas, "taakgebied")
        for k, ident in enumerate(u.waarnemingen):
            errors += _ref(ds, IV, ("gerapporteerde_uitkomsten", n, "waarnemingen", k), ident, observations, "waarneming")
            used = observations.get(ident)
            if used is not None and (used.taakgebied != u.taakgebied or (u.pakket != "volledig" and used.pakket != u.pakket)):
                errors.append(
                    ds.lines[IV].error(
                        ("gerapporteerde_uitkomsten", n, "waarnemingen", k),
                        f"waarneming '{ident}' hoort niet bij {u.taakgebied}, {u.pakket}",
                    )
                )
    profiles = {p.id: p for p in ds.salary.tariefprofielen}
    errors += _ref(ds, IV, ("salarisbasis", "tariefprofiel"), i.salarisbasis.tariefprofiel, profiles, "tariefprofiel")
    return errors


def _salary_errors(ds: Dataset) -> list[DataError]:
    S, sal = "salary_scales.yaml", ds.salary
    errors: list[DataError] = []
    profiles = {p.id: p for p in sal.tariefprofielen}
    tables = {tb.id: tb for tb in sal.tabellen}
    allowances = [a.id for a in sal.toeslagen]
    errors += _ref(ds, S, ("standaard_tariefprofiel",), sal.standaard_tariefprofiel, profiles, "tariefprofiel")
    for n, p in enumerate(sal.tariefprofielen):
        errors += _ref(ds, S, ("tariefprofielen", n, "tabel"), p.tabel, tables, "salaristabel")
        table = tables.get(p.tabel)
        if table is not None:
            if p.schaal not in table.schalen:
                errors += _ref(ds, S, ("tariefprofielen", n, "schaal"), p.schaal, table.schalen, f"schaal in tabel '{table.id}':")
            elif p.periodiek >= len(table.schalen[p.schaal]):
                errors.append(
                    ds.lines[S].error(
                        ("tariefprofielen", n, "periodiek"),
                        f"periodiek {p.periodiek} bestaat niet in schaal {p.schaal} van '{table.id}' "
                        f"(0 t/m {len(table.schalen[p.schaal]) - 1})",
                    )
                )
        for k, toeslag in enumerate(p.toeslagen):
            errors += _ref(ds, S, ("tariefprofielen", n, "toeslagen", k), toeslag, allowances, "toeslag")
    if sal.uurtarief_bandbreedte is not None:
        seen_alternatives: set[str] = set()
        for k, ident in enumerate(sal.uurtarief_bandbreedte.alternatieven):
            errors += _ref(ds, S, ("uurtarief_bandbreedte", "alternatieven", k), ident, profiles, "tariefprofiel")
            if ident == sal.standaard_tariefprofiel or ident in seen_alternatives:
                what = "is het standaardprofiel zelf" if ident == sal.standaard_tariefprofiel else "staat er twee keer"
                errors.append(ds.lines[S].error(("uurtarief_bandbreedte", "alternatieven", k), f"alternatief '{ident}' {what}"))
            seen_alternatives.add(ident)
    for n in range(1, len(sal.cao_verhogingen)):
        if sal.cao_verhogingen[n].datum < sal.cao_verhogingen[n - 1].datum:
            errors.append(
                ds.lines[S].error(
                    ("cao_verhogingen", n, "datum"),
                    f"cao-stappen staan niet op datum: {sal.cao_verhogingen[n].datum} na {sal.cao_verhogingen[n - 1].datum}",
                )
            )
    for a, allowance in enumerate(sal.toeslagen):
        for n in range(1, len(allowance.waarden)):
            if allowance.waarden[n].vanaf <= allowance.waarden[n - 1].vanaf:
                errors.append(ds.lines[S].error(("toeslagen", a, "waarden", n, "vanaf"), "waarden staan niet op oplopende datum"))
    for n, step in enumerate(sal.cao_verhogingen):
        for k, table_id in enumerate(step.alleen_voor_tabellen):
            errors += _ref(ds, S, ("cao_verhogingen", n, "alleen_voor_tabellen", k), table_id, tables, "salaristabel")
    return errors + _origin_errors(ds)


def _origin_errors(ds: Dataset) -> list[DataError]:
    """A table's ``herkomst`` names its scales, and ends with the entry for every other cell."""
    S, errors = "salary_scales.yaml", []
    for n, table in enumerate(ds.salary.tabellen):
        if table.herkomst and (table.herkomst[-1].schalen, table.herkomst[-1].periodieken) != (None, None):
            errors.append(
                ds.lines[S].error(
                    ("tabellen", n, "herkomst", len(table.herkomst) - 1),
                    "de laatste herkomst noemt geen schalen of periodieken: hij geldt voor de overige cellen",
                )
            )
        for h, origin in enumerate(table.herkomst):
            for k, schaal in enumerate(origin.schalen or []):
                errors += _ref(ds, S, ("tabellen", n, "herkomst", h, "schalen", k), schaal, table.schalen, f"schaal in tabel '{table.id}':")
    return errors


#: a model's or executor's id: a defined name in the workbook (Totaal_<model>_basis) and a word on the command line
NAME_ID = re.compile(r"[a-z][a-z0-9_]{0,40}")


def _model_errors(ds: Dataset, areas: dict[str, Any]) -> list[DataError]:
    M = "inrichtingsmodellen.yaml"
    m = ds.models
    errors = _unique(ds, M, "uitvoerders", m.uitvoerders) + _unique(ds, M, "modellen", m.modellen)
    executors = [u.id for u in m.uitvoerders]
    quantified = [a for a, area in areas.items() if area.gekwantificeerd]
    named = [("uitvoerders", n, u.id) for n, u in enumerate(m.uitvoerders)] + [("modellen", n, x.id) for n, x in enumerate(m.modellen)]
    for key, n, ident in named:
        if not NAME_ID.fullmatch(ident):
            errors.append(
                ds.lines[M].error(
                    (key, n, "id"),
                    f"id {quote(ident)}: alleen kleine letters, cijfers en _ (het wordt een naam in de werkmap en in "
                    "--schaalvoordeel ID=PCT of --model ID)",
                )
            )
    for n, u in enumerate(m.uitvoerders):
        if u.id == "gemeente" and u.schaalvoordeel is not None:
            errors.append(
                ds.lines[M].error(("uitvoerders", n, "schaalvoordeel"), "de gemeente zelf betaalt geen tarief: geen schaalvoordeel")
            )
    for n, model in enumerate(m.modellen):
        for area, executor in model.uitvoering.items():
            errors += _ref(ds, M, ("modellen", n, "uitvoering", area), area, quantified, "(gekwantificeerd) taakgebied")
            errors += _ref(ds, M, ("modellen", n, "uitvoering", area), executor, executors, "uitvoerder")
        for area in quantified:
            if area not in model.uitvoering:
                errors.append(
                    ds.lines[M].error(("modellen", n, "uitvoering"), f"model '{model.id}' zegt niet wie taakgebied '{area}' uitvoert")
                )
        pays = any(e != "gemeente" for e in model.uitvoering.values())
        if pays != (model.verrekening == "bijdrage_per_inwoner"):
            errors.append(
                ds.lines[M].error(
                    ("modellen", n, "verrekening"),
                    f"verrekening '{model.verrekening}' past niet bij de uitvoering "
                    "(bijdrage alleen als een ander dan de gemeente uitvoert)",
                )
            )
    ids = [model.id for model in m.modellen]
    for required in ("gemeentelijk", "regionaal", "landelijk"):
        if required not in ids:
            errors.append(ds.lines[M].error(("modellen",), f"model '{required}' ontbreekt"))
    seen = set()
    for n, advies in enumerate(m.adviesbedragen):
        errors += _ref(ds, M, ("adviesbedragen", n, "taakgebied"), advies.taakgebied, quantified, "(gekwantificeerd) taakgebied")
        if (advies.taakgebied, advies.pakket) in seen:
            errors.append(
                ds.lines[M].error(
                    ("adviesbedragen", n, "pakket"), f"adviesbedrag voor '{advies.taakgebied}', '{advies.pakket}' staat er twee keer"
                )
            )
        seen.add((advies.taakgebied, advies.pakket))
    return errors
