"""Inhabitants per municipality per year (``bevolkingsreeks`` in ``gemeenten.yaml``), for ``bncost reeks``.

The table is long (code, naam, peildatum, inwoners; about 4.900 rows) and only ``reeks`` needs it,
so it is read on first use, not with the municipality tables. Checked on reading: the header, a
plain date per row, a positive whole number, one row per code and year, the file inside the data
folder, and for every year that ``gemeenten.yaml`` also describes, the same national total.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from burgernet_cost.data.reading import display_path, inside, is_plain_date, read_text
from burgernet_cost.errors import DataError, DataErrors, UsageProblem, quote
from burgernet_cost.structs import struct

COLUMNS = ["code", "naam", "peildatum", "inwoners"]


@struct
class Telling:
    code: str
    naam: str
    jaar: int
    peildatum: str
    inwoners: int
    plaats: str  # file:line


@struct
class Bevolkingsreeks:
    per_code: dict[str, dict[int, Telling]]
    jaren: tuple[int, ...]
    bron: str
    status: str

    def van(self, code: str, jaar: int) -> Telling | None:
        return self.per_code.get(code, {}).get(jaar)

    def kies(self, van: int, tot: int) -> list[int]:
        first, last = self.jaren[0], self.jaren[-1]
        if van > tot:
            raise UsageProblem(f"--van ({van}) ligt na --tot ({tot})", field="van")
        if van < first or tot > last:
            raise UsageProblem(f"inwonertallen zijn er voor {first} tot en met {last}", field="van" if van < first else "tot")
        return [j for j in self.jaren if van <= j <= tot]


def records(reader: Any, columns: list[str], shown: str, errors: list[DataError]) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a CSV table as (line, stripped cells): blank rows skipped, a row with another
    number of cells reported in ``errors`` and skipped (the header was checked by the caller)."""
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        if len(record) != len(columns):
            errors.append(DataError(f"{len(record)} kolommen, verwacht {len(columns)}", file=shown, line=line))
            continue
        yield line, [c.strip() for c in record]


def read_table(root: Path, name: str, file_shown: str, key: str, rows: Any) -> Any:
    """A CSV table named by gemeenten.yaml (``key``): inside the data folder, read strictly, its rows
    parsed by ``rows(reader, shown)``; returns what ``rows`` returns, and the file as shown."""
    path = root / name
    if not inside(root, path):
        raise DataError(f"{quote(name)} ligt buiten de datamap; noem een bestand in de datamap", file=file_shown, path=key)
    shown = display_path(path)
    reader = csv.reader(io.StringIO(read_text(path, shown), newline=""))
    try:
        return (*rows(reader, shown), shown)
    except csv.Error:
        raise DataError("onleesbare CSV-regel", file=shown, line=reader.line_num) from None


def load_series(root: Path, meta: Any, file_shown: str) -> Bevolkingsreeks:
    spec = meta.bevolkingsreeks
    if spec is None:
        raise UsageProblem(f"{file_shown} noemt geen bevolkingsreeks; 'reeks' heeft inwonertallen per jaar nodig")
    per_code, errors, shown = read_table(root, spec.bestand, file_shown, "bevolkingsreeks.bestand", _rows)
    totals: dict[int, int] = {}
    for years in per_code.values():
        for jaar, t in years.items():
            totals[jaar] = totals.get(jaar, 0) + t.inwoners
    for jt in meta.jaren:
        if jt.jaar in totals and totals[jt.jaar] != jt.inwoners_totaal:
            errors.append(DataError(f"{jt.jaar}: totaal {totals[jt.jaar]} inwoners, {file_shown} noemt {jt.inwoners_totaal}", file=shown))
    if errors:
        raise DataErrors(errors[:50])
    if not totals:
        raise DataError("bevat geen gemeenten", file=shown)
    return Bevolkingsreeks(per_code, tuple(sorted(totals)), spec.bron.document or "CBS", spec.status)


def one_source_per_year(series: Bevolkingsreeks, tables: dict[int, tuple[Any, ...]]) -> Bevolkingsreeks:
    """The series with the counts of every year that has a table of its own (``gemeenten_2014.csv``,
    …) taken from that table, so that ``estimate --jaar J`` and the row J of ``reeks`` read the same
    figure. The series repeats those years; where it says otherwise for a municipality, the data says
    two things and is refused (file and line of both)."""
    errors: list[DataError] = []
    per_code = {code: dict(years) for code, years in series.per_code.items()}
    for jaar, rows in tables.items():
        if jaar not in series.jaren:
            continue
        codes = {g.code for g in rows}
        for g in rows:
            own = per_code.get(g.code, {}).get(jaar)
            if own is None or own.inwoners != g.inwoners:
                said = "ontbreekt daar" if own is None else f"noemt {own.inwoners} ({own.plaats})"
                errors.append(DataError(f"{g.code} ({g.naam}) {jaar}: {g.inwoners} inwoners; de bevolkingsreeks {said}", file=g.plaats))
                continue
            per_code[g.code][jaar] = Telling(g.code, g.naam, jaar, g.peildatum, g.inwoners, g.plaats)
        extra = sorted(code for code, years in per_code.items() if jaar in years and code not in codes)
        errors += [
            DataError(f"{code} staat in {jaar} in de bevolkingsreeks maar niet in de jaartabel", file=per_code[code][jaar].plaats)
            for code in extra
        ]
    if errors:
        raise DataErrors(errors[:50])
    return Bevolkingsreeks(per_code, series.jaren, series.bron, series.status)


def _rows(reader: Any, shown: str) -> tuple[dict[str, dict[int, Telling]], list[DataError]]:
    if next(reader, None) != COLUMNS:
        return {}, [DataError(f"kopregel moet zijn: {','.join(COLUMNS)}", file=shown, line=1)]
    per_code: dict[str, dict[int, Telling]] = {}
    errors: list[DataError] = []
    for line, (code, naam, peildatum, inwoners) in records(reader, COLUMNS, shown, errors):
        if not is_plain_date(peildatum):
            errors.append(DataError(f"{quote(peildatum)} is geen datum JJJJ-MM-DD", file=shown, line=line, path="peildatum"))
            continue
        if not inwoners.isascii() or not inwoners.isdigit() or int(inwoners) <= 0 or len(inwoners) > 9:
            errors.append(DataError(f"{quote(inwoners)} is geen positief geheel aantal inwoners", file=shown, line=line, path="inwoners"))
            continue
        jaar = int(peildatum[:4])
        years = per_code.setdefault(code, {})
        if jaar in years:
            errors.append(
                DataError(
                    f"{code} staat twee keer in {jaar} (ook regel {years[jaar].plaats.rsplit(':', 1)[1]})",
                    file=shown,
                    line=line,
                    path="code",
                )
            )
            continue
        years[jaar] = Telling(code, naam, jaar, peildatum, int(inwoners), f"{shown}:{line}")
    return per_code, errors
