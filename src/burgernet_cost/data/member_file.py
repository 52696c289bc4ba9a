"""Region members (``bncost regio``): from the municipality tables or from a user's file, CSV
``gemeente,inwoners`` or YAML ``gemeenten: [{gemeente, inwoners}]``.

``inwoners`` may be left empty in a file: then the CBS figure of the chosen year is used. Every row
is checked (known municipality, positive whole number, no duplicates); any problem rejects the
whole file with file, line and reason.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from burgernet_cost.data.municipalities import Gemeente, Gemeenten
from burgernet_cost.data.reading import display_path, load_yaml_text, read_text
from burgernet_cost.errors import DataError, DataErrors, UsageProblem, quote

MAX_MEMBERS = 5000
MAX_INWONERS = 100_000_000
SUGGEST_UP_TO = 20  # near misses are searched for the first unknown names only (each costs a comparison with all)


@dataclass(frozen=True)
class Lidinvoer:
    """A member of a region as selected: its inhabitants and where that number comes from."""

    naam: str
    code: str | None
    inwoners: int
    bron: str  # "CBS 2024-01-01", or the member file
    plaats: str | None  # file:line of the number
    status: str  # "gepubliceerd" (CBS) or "invoer" (the user's file)
    politie_eenheid: str | None = None


def from_municipality(g: Gemeente) -> Lidinvoer:
    return Lidinvoer(g.naam, g.code, g.inwoners, f"CBS {g.peildatum}", g.plaats, "gepubliceerd", g.politie_eenheid)


def read_member_file(path: Path, gemeenten: Gemeenten, jaar: int) -> list[Lidinvoer]:
    """The members listed in a user's file (see the module text)."""
    shown = display_path(path)
    entries = _entries(path, shown)
    if not entries:
        raise DataError("bevat geen gemeenten", file=shown)
    if len(entries) > MAX_MEMBERS:
        raise DataError(f"te veel regels (maximaal {MAX_MEMBERS})", file=shown)
    errors: list[DataError] = []
    members = []
    seen: dict[str, int] = {}
    for line, name, count in entries:
        try:
            g = gemeenten.zoek(name, jaar, suggest=len(errors) < SUGGEST_UP_TO)
        except UsageProblem as exc:
            errors.append(DataError(exc.message, file=shown, line=line, path="gemeente"))
            continue
        if g.code in seen:
            errors.append(DataError(f"'{g.naam}' staat er twee keer (ook regel {seen[g.code]})", file=shown, line=line, path="gemeente"))
            continue
        seen[g.code] = line
        if count is None:
            members.append(from_municipality(g))
            continue
        number = _count(count)
        if number is None:
            errors.append(DataError(f"{quote(count)} is geen positief geheel aantal inwoners", file=shown, line=line, path="inwoners"))
            continue
        members.append(Lidinvoer(g.naam, g.code, number, shown, f"{shown}:{line}", "invoer", g.politie_eenheid))
    if errors:
        raise DataErrors(errors)
    return members


def _entries(path: Path, shown: str) -> list[tuple[int, str, object]]:
    """(line, name, inwoners-or-None) per row of the file."""
    text = read_text(path, shown)
    entries: list[tuple[int, str, object]] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        value, lines = load_yaml_text(text, shown)
        if not isinstance(value, dict) or set(value) != {"gemeenten"} or not isinstance(value["gemeenten"], list):
            raise DataError("verwacht een YAML-bestand met alleen de sleutel 'gemeenten' (een lijst)", file=shown, line=1)
        for i, item in enumerate(value["gemeenten"]):
            line = lines.line_of(("gemeenten", i)) or 0
            if not isinstance(item, dict) or "gemeente" not in item or set(item) - {"gemeente", "inwoners"}:
                raise DataError("elk element heeft 'gemeente' en eventueel 'inwoners'", file=shown, line=line, path=f"gemeenten[{i}]")
            if not isinstance(item["gemeente"], str) or not item["gemeente"].strip():
                raise DataError("'gemeente' moet een naam of CBS-code zijn", file=shown, line=line, path=f"gemeenten[{i}].gemeente")
            entries.append((line, item["gemeente"], item.get("inwoners")))
        return entries
    if not text.strip():
        raise DataError("bestand is leeg", file=shown)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _csv_entries(reader, shown)
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte, …
        raise DataError(f"onleesbare CSV-regel ({'veld te lang' if 'larger' in str(exc) else 'ongeldig teken'})",
                        file=shown, line=reader.line_num) from None


def _csv_entries(reader: Any, shown: str) -> list[tuple[int, str, object]]:
    entries: list[tuple[int, str, object]] = []
    header = [h.strip().lower() for h in next(reader, [])]
    if header not in (["gemeente", "inwoners"], ["gemeente"]):
        raise DataError("kopregel moet 'gemeente,inwoners' zijn", file=shown, line=1)
    for record in reader:
        if not any(c.strip() for c in record):
            continue
        if len(record) > len(header):
            raise DataError(f"{len(record)} kolommen, verwacht {len(header)} (namen met een komma tussen aanhalingstekens)",
                            file=shown, line=reader.line_num)
        count = record[1].strip() if len(record) > 1 else ""
        entries.append((reader.line_num, record[0].strip(), count or None))
    return entries


def _count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= MAX_INWONERS else None
    text = str(value).strip()
    if len(text) > 15:
        return None
    if re.fullmatch(r"[1-9][0-9]{0,2}(\.[0-9]{3})+", text):
        text = text.replace(".", "")
    if not re.fullmatch(r"[0-9]+", text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_INWONERS else None
