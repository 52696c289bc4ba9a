"""What ``validate`` checks beyond each file's schema and references: how the figures fit together.

* a ``gepubliceerd`` figure and its own quote: the number must be in the quoted words (an 8 whose
  quote says "6 uur" is a typo in one of the two);
* hours per week against hours per month (``uurloon``: 36 h a week is 156 h a month);
* dates that contradict each other (a salary table whose ingangsdatum lies after the price date of
  the profile that uses it; allowance values out of order; a source consulted in the future);
* the municipality aliases (the same alias twice, an alias that is a real municipality's name,
  an alias that points to itself), and the population series (read and totalled like every table).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import by_file
from burgernet_cost.data.reading import format_key_path
from burgernet_cost.domain.codes import Pad

if TYPE_CHECKING:
    from burgernet_cost.data.municipalities import Gemeenten
    from burgernet_cost.data.population_series import Bevolkingsreeks

Problem = tuple[str, Pad, str]  # (file, key path, message)

#: per record kind, the fields whose value the record's quote states
QUOTED = {
    "Waarneming": ("uren_per_maand", "inwoners"),
    "GerapporteerdeUitkomst": ("euro_per_inwoner_per_jaar",),
    "Adviesbedrag": ("euro_per_inwoner_per_jaar",),
    "Situatie2014": ("bijdrage_totaal_per_inwoner", "bijdrage_gemeenten_per_inwoner"),
    "Bandbreedte2014": ("van_per_inwoner", "tot_per_inwoner"),
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


def quoted_numbers(text: str) -> set[Decimal]:
    """Every number a quote states, in each reading it may have: '54.600' as 54600 (and 54.6),
    '0,03' as 0.03, '3.1 miljoen' also as 3100000, '8 cent' also as 0.08."""
    found: set[Decimal] = set()
    lowered = text.lower()
    cents = re.search(r"\b(cent|ct)\b", lowered) is not None
    for m in _NUMBER.finditer(text):
        token = m.group()
        readings = {Decimal(token.replace(",", "."))} if token.count(".") + token.count(",") <= 1 else set()
        if _GROUPED.fullmatch(token):
            readings.add(Decimal(token.replace(".", "")))
        for r in list(readings):  # a unit anywhere in the quote ('van 4 tot 16 cent') may belong to each number
            if "miljoen" in lowered:
                readings.add(r * 1_000_000)
            if cents:
                readings.add(r / 100)
        found |= readings
    return found


def quote_problems(ds: Dataset) -> list[Problem]:
    from burgernet_cost.data.record_base import Record
    from burgernet_cost.data.record_types.files import Bron

    problems: list[Problem] = []

    def walk(value: object, path: Pad, file: str) -> None:
        if isinstance(value, Record):
            fields = QUOTED.get(value.record_type)
            bron = value.field("bron") if "bron" in value.field_names else None
            citaat = bron.citaat if isinstance(bron, Bron) else None
            status = value.field("status") if "status" in value.field_names else None
            if fields and status == "gepubliceerd" and citaat and re.search(r"\d", citaat):
                numbers = quoted_numbers(citaat)
                for name in fields:
                    figure = value.field(name)
                    if isinstance(figure, (Decimal, int)) and Decimal(figure) not in numbers:
                        problems.append(
                            (
                                file,
                                path + (name,),
                                f"gepubliceerd cijfer {figure} staat niet in het eigen citaat ('{citaat[:60]}'); een van beide klopt niet",
                            )
                        )
            for key in value.field_names:
                walk(value.field(key), path + (key,), file)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,), file)

    for file, model in (("interviews.yaml", ds.interviews), ("inrichtingsmodellen.yaml", ds.models)):
        walk(model, (), file)
    return problems


def hours_and_dates(ds: Dataset, today: str) -> list[Problem]:
    S = "salary_scales.yaml"
    problems: list[Problem] = []
    u = ds.salary.uurloon
    per_month = Decimal(u.uren_per_week) * 52 / 12
    if abs(per_month - Decimal(u.uren_per_maand)) > Decimal(u.uren_per_maand) / 100:
        shown = str(round(per_month, 1)).replace(".", ",")
        problems.append(
            (
                S,
                ("uurloon", "uren_per_maand"),
                f"{u.uren_per_maand} uur per maand past niet bij {u.uren_per_week} uur per week (dat is {shown} uur per maand)",
            )
        )
    for n, toeslag in enumerate(ds.salary.toeslagen):
        dates = [w.vanaf for w in toeslag.waarden]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            problems.append(
                (
                    S,
                    ("toeslagen", n, "waarden"),
                    f"de waarden van toeslag '{toeslag.id}' staan niet op volgorde van 'vanaf' (of een datum staat er twee keer)",
                )
            )
    steps = [s.datum for s in ds.salary.cao_verhogingen]
    if steps != sorted(steps):
        problems.append((S, ("cao_verhogingen",), "de cao-stappen staan niet op volgorde van datum"))
    late = next((n for n, s in enumerate(ds.salary.cao_verhogingen) if s.datum > ds.salary.cao_verhogingen_onbekend_na), None)
    if late is not None:
        problems.append(
            (
                S,
                ("cao_verhogingen", late, "datum"),
                f"cao-stap na cao_verhogingen_onbekend_na ({ds.salary.cao_verhogingen_onbekend_na}): die datum spreekt de stap tegen",
            )
        )
    basis = ds.interviews.salarisbasis
    profile = next((p for p in ds.salary.tariefprofielen if p.id == basis.tariefprofiel), None)
    table = next((t for t in ds.salary.tabellen if profile is not None and t.id == profile.tabel), None)
    if table is not None and table.ingangsdatum > basis.peildatum:
        problems.append(
            (
                "interviews.yaml",
                ("salarisbasis", "peildatum"),
                f"peildatum {basis.peildatum} ligt vóór de ingangsdatum {table.ingangsdatum} van tabel '{table.id}'",
            )
        )
    problems += _future_sources(ds, today)
    return problems


def _future_sources(ds: Dataset, today: str) -> list[Problem]:
    from burgernet_cost.data.record_base import Record
    from burgernet_cost.data.record_types.files import Bron

    problems: list[Problem] = []

    def walk(value: object, path: Pad, file: str) -> None:
        if isinstance(value, Record):
            if isinstance(value, Bron) and value.geraadpleegd and value.geraadpleegd > today:
                problems.append((file, path + ("geraadpleegd",), f"geraadpleegd op {value.geraadpleegd}: dat is na vandaag ({today})"))
            for key in value.field_names:
                walk(value.field(key), path + (key,), file)
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                walk(item, path + (i,), file)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,), file)

    for file, model in by_file(ds).items():
        walk(model, (), file)
    return problems


Located = tuple[str, str | None, int | None, str | None]  # (message, file, line, key path)


def problems(ds: Dataset, today: str) -> list[Located]:
    """The problems above, located for validate's findings."""
    return [
        (message, ds.file(file), ds.lines[file].line_of(path), format_key_path(path))
        for file, path, message in quote_problems(ds) + hours_and_dates(ds, today)
    ]


def series_against_tables(gm: Gemeenten, reeks: Bevolkingsreeks) -> list[Located]:
    """The population series and the year tables say the same for every municipality and year
    that both hold (a count changed in one of the two is a contradiction, not a choice)."""
    out: list[Located] = []
    for jaar in sorted(gm.per_jaar, reverse=True):  # the years with a table of their own
        if jaar not in reeks.jaren:
            continue
        for g in gm.per_jaar[jaar]:
            t = reeks.van(g.code, jaar)
            if t is None or t.inwoners != g.inwoners:
                file, _, line = t.plaats.rpartition(":") if t is not None else g.plaats.rpartition(":")
                said = f"{t.inwoners}" if t is not None else "niets"
                out.append(
                    (
                        f"{g.naam} ({g.code}) {jaar}: de bevolkingsreeks zegt {said}, {g.plaats} zegt {g.inwoners}",
                        file,
                        int(line) if line.isdigit() else None,
                        None,
                    )
                )
            if len(out) >= 20:
                return out
    return out
