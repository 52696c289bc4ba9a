"""A region under the regional or national model (``bncost regio``).

The members keep beleid themselves; one executing organisation (a municipality or regional body,
or the national provision) performs relatiebeheer and communicatie for all, financed by the
members' contributions per inhabitant. Everything is linear in inhabitants, so the per-inhabitant
figures are computed once (``compare`` for one inhabitant) and scaled per member.

Contributions are amounts that are invoiced: each member's contribution is rounded to the cent,
and the executing organisation's budget is the sum of those contributions (so the budget equals
the sum of the members' contributions to the cent). Hours and FTE are not rounded.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from burgernet_cost import money
from burgernet_cost.dataset import Dataset
from burgernet_cost.errors import DataError, DataErrors
from burgernet_cost.municipalities import Gemeente, Gemeenten
from burgernet_cost.organisation import Vergelijking, compare
from burgernet_cost.salary import TariefKeuze

MODELS = ("regionaal", "landelijk")
MAX_MEMBERS = 5000


@dataclass(frozen=True)
class Lid:
    naam: str
    code: str | None
    inwoners: int
    eigen_uren: Decimal  # hours/month the member performs itself (beleid)
    eigen_kosten: Decimal
    bijdrage: Decimal  # contribution per year, rounded to the cent
    bron_inwoners: str  # "CBS 1-1-2024", "bestand", …
    politie_eenheid: str | None = None


@dataclass(frozen=True)
class Regio:
    titel: str
    model: str
    pakket: str
    tarief: str
    leden: tuple[Lid, ...]
    tarief_per_inwoner: Decimal
    uitvoerder_uren: Decimal
    uitvoerder_fte: Decimal
    uitvoerder_kosten: Decimal  # what the executor's hours cost at the hourly rate, per year
    vergelijking: Vergelijking  # per-inhabitant basis (for one inhabitant)

    @property
    def inwoners(self) -> int:
        return sum(lid.inwoners for lid in self.leden)

    @property
    def budget(self) -> Decimal:
        return sum((lid.bijdrage for lid in self.leden), Decimal(0))

    @property
    def eigen_uren(self) -> Decimal:
        return sum((lid.eigen_uren for lid in self.leden), Decimal(0))


def region(
    ds: Dataset,
    titel: str,
    members: list[tuple[str, str | None, int, str, str | None]],
    model: str = "regionaal",
    pakket: str = "basis",
    tarief: str = "berekend",
    schaalvoordeel: Decimal | None = None,
    keuze: TariefKeuze | None = None,
) -> Regio:
    """members: (naam, code, inwoners, bron_inwoners, politie_eenheid)."""
    if model not in MODELS:
        raise ValueError(model)
    unit = compare(ds, 1, pakket, tarief, schaalvoordeel, keuze)  # per inhabitant
    m = unit.model(model)
    rate = m.tarief_per_inwoner or Decimal(0)
    own_hours_per_inh = m.eigen_uren
    own_cost_per_inh = m.eigen_kosten
    leden = tuple(
        Lid(
            naam=naam,
            code=code,
            inwoners=n,
            eigen_uren=own_hours_per_inh * n,
            eigen_kosten=own_cost_per_inh * n,
            bijdrage=money.quantize(rate * n, 2),
            bron_inwoners=bron,
            politie_eenheid=eenheid,
        )
        for naam, code, n, bron, eenheid in members
    )
    total = sum(lid.inwoners for lid in leden)
    hours = m.uitbesteed_uren * total
    return Regio(
        titel=titel,
        model=model,
        pakket=pakket,
        tarief=tarief,
        leden=leden,
        tarief_per_inwoner=rate,
        uitvoerder_uren=hours,
        uitvoerder_fte=hours / ds.salary.uurloon.uren_per_maand,
        uitvoerder_kosten=ds.salary.uurloon.maanden_per_jaar * hours * unit.schatting.uurtarief.bedrag,
        vergelijking=unit,
    )


def members_from_municipalities(rows: list[Gemeente] | tuple[Gemeente, ...]) -> list[tuple[str, str | None, int, str, str | None]]:
    return [(g.naam, g.code, g.inwoners, f"CBS {g.peildatum}", g.politie_eenheid) for g in rows]


def read_member_file(path: Path, gemeenten: Gemeenten, jaar: int) -> list[tuple[str, str | None, int, str, str | None]]:
    """A user file of members: CSV ``gemeente,inwoners`` or YAML ``gemeenten: [{gemeente, inwoners}]``.

    ``inwoners`` may be left empty: then the CBS figure of ``--jaar`` is used. Every row is
    checked (known municipality, positive whole number, no duplicates); any problem rejects the
    whole file with file, line and reason.
    """
    from burgernet_cost.datafiles import display_path, load_yaml_text, read_text

    shown = display_path(path)
    text = read_text(path, shown)
    entries: list[tuple[int, str, object]] = []  # (line, name, inwoners-or-None)
    if path.suffix.lower() in (".yaml", ".yml"):
        value, lines = load_yaml_text(text, shown)
        if not isinstance(value, dict) or set(value) != {"gemeenten"} or not isinstance(value["gemeenten"], list):
            raise DataError("verwacht een YAML-bestand met alleen de sleutel 'gemeenten' (een lijst)", file=shown, line=1)
        for i, item in enumerate(value["gemeenten"]):
            line = lines.line_of(("gemeenten", i)) or 0
            if not isinstance(item, dict) or "gemeente" not in item or set(item) - {"gemeente", "inwoners"}:
                raise DataError("elk element heeft 'gemeente' en eventueel 'inwoners'", file=shown, line=line, path=f"gemeenten[{i}]")
            entries.append((line, str(item["gemeente"]), item.get("inwoners")))
    else:
        if not text.strip():
            raise DataError("bestand is leeg", file=shown)
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in next(reader, [])]
        if header not in (["gemeente", "inwoners"], ["gemeente"]):
            raise DataError("kopregel moet 'gemeente,inwoners' zijn", file=shown, line=1)
        for record in reader:
            if not any(c.strip() for c in record):
                continue
            if len(record) > len(header):
                raise DataError(f"{len(record)} kolommen, verwacht {len(header)} (namen met een komma tussen aanhalingstekens)",
                                file=shown, line=reader.line_num)
            name = record[0].strip()
            count = record[1].strip() if len(record) > 1 else ""
            entries.append((reader.line_num, name, count or None))
    if not entries:
        raise DataError("bevat geen gemeenten", file=shown)
    if len(entries) > MAX_MEMBERS:
        raise DataError(f"te veel regels (maximaal {MAX_MEMBERS})", file=shown)
    errors: list[DataError] = []
    members = []
    seen: dict[str, int] = {}
    from burgernet_cost.errors import UsageProblem

    for line, name, count in entries:
        try:
            g = gemeenten.zoek(name, jaar)
        except UsageProblem as exc:
            errors.append(DataError(str(exc).replace("--gemeente: ", ""), file=shown, line=line, path="gemeente"))
            continue
        if g.code in seen:
            errors.append(DataError(f"'{g.naam}' staat er twee keer (ook regel {seen[g.code]})", file=shown, line=line, path="gemeente"))
            continue
        seen[g.code] = line
        if count is None:
            members.append((g.naam, g.code, g.inwoners, f"CBS {g.peildatum}", g.politie_eenheid))
            continue
        number = _count(count)
        if number is None:
            errors.append(DataError(f"'{count}' is geen positief geheel aantal inwoners", file=shown, line=line, path="inwoners"))
            continue
        members.append((g.naam, g.code, number, shown, g.politie_eenheid))
    if errors:
        raise DataErrors(errors)
    return members


def _count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= 100_000_000 else None
    text = str(value).strip()
    if re.fullmatch(r"[1-9][0-9]{0,2}(\.[0-9]{3})+", text):
        text = text.replace(".", "")
    if not re.fullmatch(r"[0-9]+", text):
        return None
    number = int(text)
    return number if 0 < number <= 100_000_000 else None


def split_names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",")]
    return [n for n in names if n]


def group_by_unit(regio: Regio) -> list[tuple[str, int, int, Decimal, Decimal]]:
    """(eenheid, gemeenten, inwoners, eigen uren, bijdrage) per politie-eenheid, in order of appearance."""
    out: dict[str, list[Lid]] = {}
    for lid in regio.leden:
        out.setdefault(lid.politie_eenheid or "onbekend", []).append(lid)
    return [
        (unit, len(leden), sum(lid.inwoners for lid in leden), sum((lid.eigen_uren for lid in leden), Decimal(0)),
         sum((lid.bijdrage for lid in leden), Decimal(0)))
        for unit, leden in out.items()
    ]


