"""The municipalities of any year: the population series, the reorganisations, and the regions.

The CBS tables with regions (``gemeenten_2014.csv``, ``gemeenten_2024.csv``) describe two years; the
population series has every year 2012-2024 but only code, name and inhabitants. The municipalities
of another year take their province, veiligheidsregio and politie-eenheid from a table: the 2014
table when the code existed then, else the 2024 table (every municipality that exists in both has
the same regions in both, BRONNEN.md), else, for a code that ended before 2014, the table row of the
municipality it went into (``herindelingen.csv``). The reorganisations also give the predecessors of
a merged municipality, for ``bncost reeks``.

Checked on reading ``herindelingen.csv``: the header, dates, codes and names as in the series, every
code that ends in the series has a row, and per reorganisation the inhabitants of all municipalities
involved differ by less than ``MAX_JUMP`` between 1 January of the year before and of the year itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from burgernet_cost.data.reading import is_plain_date
from burgernet_cost.errors import DataError, DataErrors, UsageProblem, quote
from burgernet_cost.structs import replace, struct

if TYPE_CHECKING:
    from burgernet_cost.data.population_series import Bevolkingsreeks

Gemeente = Any  # data/municipalities.py's Gemeente (not imported: that module imports this one)
Gemeenten = Any

COLUMNS = ["datum", "code", "naam", "opgegaan_in_code", "opgegaan_in_naam", "geheel"]
MAX_JUMP = Decimal("0.03")  # a reorganisation moves people, it does not create them


@struct
class Herindeling:
    datum: str
    code: str
    naam: str
    opgegaan_in_code: str
    opgegaan_in_naam: str
    geheel: bool
    plaats: str

    @property
    def jaar(self) -> int:
        """The first 1 January on or after the legal date: the series year without the code."""
        year = int(self.datum[:4])
        return year if self.datum.endswith("-01-01") else year + 1

    @property
    def midden_in_jaar(self) -> bool:
        """In force during a year (Weesp, 24-3-2022), not on 1 January."""
        return not self.datum.endswith("-01-01")


@struct
class Herindelingen:
    regels: tuple[Herindeling, ...]
    bestand: str
    status: str

    def van(self, code: str) -> list[Herindeling]:
        """Where a code went (one row, or one per receiving municipality when split)."""
        return [h for h in self.regels if h.code == code]

    def voorgangers(self, code: str) -> list[Herindeling]:
        """The municipalities that went into ``code`` (wholly or in part)."""
        return [h for h in self.regels if h.opgegaan_in_code == code]


def load_reorganisations(root: Path, meta: Any, file_shown: str, series: Bevolkingsreeks) -> Herindelingen | None:
    spec = meta.herindelingen
    if spec is None:
        return None
    from burgernet_cost.data.population_series import read_table

    rows, errors, shown = read_table(root, spec.bestand, file_shown, "herindelingen.bestand", lambda r, f: _rows(r, f, series))
    if not errors:
        errors = _check(rows, series, shown)
    if errors:
        raise DataErrors(errors[:50])
    return Herindelingen(tuple(rows), shown, spec.status)


def _rows(reader: Any, shown: str, series: Bevolkingsreeks) -> tuple[list[Herindeling], list[DataError]]:
    if next(reader, None) != COLUMNS:
        return [], [DataError(f"kopregel moet zijn: {','.join(COLUMNS)}", file=shown, line=1)]
    rows: list[Herindeling] = []
    errors: list[DataError] = []
    from burgernet_cost.data.population_series import records

    for line, (datum, code, naam, in_code, in_naam, geheel) in records(reader, COLUMNS, shown, errors):
        if not is_plain_date(datum):
            errors.append(DataError(f"{quote(datum)} is geen datum JJJJ-MM-DD", file=shown, line=line, path="datum"))
            continue
        if geheel not in ("ja", "deels"):
            errors.append(DataError(f"geheel moet 'ja' of 'deels' zijn, niet {quote(geheel)}", file=shown, line=line, path="geheel"))
            continue
        if geheel == "deels" and not datum.endswith("-01-01"):  # its inhabitants cannot be divided within a year
            errors.append(DataError("een gedeeltelijke herindeling moet op 1 januari ingaan", file=shown, line=line, path="datum"))
            continue
        jaar = int(datum[:4]) if datum.endswith("-01-01") else int(datum[:4]) + 1
        for key, c, n, year in (("code", code, naam, jaar - 1), ("opgegaan_in_code", in_code, in_naam, jaar)):
            t = series.van(c, year)
            if t is None or t.naam != n:
                errors.append(DataError(f"{c} {quote(n)} staat niet in de bevolkingsreeks van {year}", file=shown, line=line, path=key))
        rows.append(Herindeling(datum, code, naam, in_code, in_naam, geheel == "ja", f"{shown}:{line}"))
    return rows, errors


def _check(rows: list[Herindeling], series: Bevolkingsreeks, shown: str) -> list[DataError]:
    errors: list[DataError] = []
    known = {(h.code, h.jaar) for h in rows}
    for code, years in series.per_code.items():
        for jaar in years:
            if jaar + 1 in series.jaren and jaar + 1 not in years and (code, jaar + 1) not in known:
                errors.append(
                    DataError(f"{code} ({years[jaar].naam}) ontbreekt na {jaar}: geen herindeling op {jaar + 1}-01-01", file=shown)
                )
    for group in _groups(rows):
        jaar = group[0].jaar
        codes = {h.code for h in group} | {h.opgegaan_in_code for h in group}
        before = sum(t.inwoners for c in codes if (t := series.van(c, jaar - 1)) is not None)
        after = sum(t.inwoners for c in codes if (t := series.van(c, jaar)) is not None)
        if before and abs(Decimal(after - before) / before) >= MAX_JUMP:
            names = ", ".join(sorted({h.naam for h in group}))
            errors.append(
                DataError(
                    f"herindeling {jaar} ({names}): {before} inwoners ervoor, {after} erna; meer dan {MAX_JUMP * 100:.0f}% verschil",
                    file=shown,
                    line=int(group[0].plaats.rsplit(":", 1)[1]),
                )
            )
    return errors


def _groups(rows: list[Herindeling]) -> list[list[Herindeling]]:
    """The reorganisations of one date that share a municipality, as groups."""
    groups: list[list[Herindeling]] = []
    for h in rows:
        linked = [
            g for g in groups if g[0].datum == h.datum and any({h.code, h.opgegaan_in_code} & {x.code, x.opgegaan_in_code} for x in g)
        ]
        merged = [x for g in linked for x in g] + [h]
        groups = [g for g in groups if g not in linked] + [merged]
    return groups


# --------------------------------------------------------------------------- a year's municipalities


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Súdwest-Fryslân" -> "sudwest fryslan"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^a-z0-9()'.]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def year_rows(gm: Gemeenten, jaar: int) -> tuple[Gemeente, ...]:
    """The municipalities on 1 January of ``jaar`` with that year's inhabitants and regions."""
    series = gm.bevolkingsreeks()
    tables = {j: {g.code: g for g in rows} for j, rows in sorted(gm.per_jaar.items())}
    reorganisations = gm.herindelingen()
    out = []
    for code, years in series.per_code.items():
        t = years.get(jaar)
        if t is None:
            continue
        row = _region_row(code, tables, reorganisations)
        if row is None:
            raise DataError(
                f"{code} ({t.naam}): geen regio bekend in {jaar} (staat in geen jaartabel en heeft geen opvolger)", file=gm.bestand
            )
        out.append(replace(row, code=code, naam=t.naam, inwoners=t.inwoners, peildatum=t.peildatum, plaats=t.plaats))
    return tuple(sorted(out, key=lambda g: g.naam.casefold()))


def _region_row(
    code: str, tables: dict[int, dict[str, Gemeente]], reorganisations: Herindelingen | None, depth: int = 0
) -> Gemeente | None:
    for rows in tables.values():  # oldest table first: the regions as they were
        if code in rows:
            return rows[code]
    if reorganisations is None or depth > 10:
        return None
    for h in reorganisations.van(code):
        found = _region_row(h.opgegaan_in_code, tables, reorganisations, depth + 1)
        if found is not None:
            return found
    return None


def not_in_year(gm: Gemeenten, naam: str, jaar: int) -> UsageProblem | None:
    """A helpful refusal when ``naam`` is a municipality of another year (or, on a date within a
    year, of before a merger in force then): when it ended, or when it began (and from what)."""
    series = gm.bevolkingsreeks()
    if "namen" not in gm.derived:  # every name a code ever had, folded: one pass over the series
        pairs = {(t.naam, code) for code, years in series.per_code.items() for t in years.values()}
        gm.derived["namen"] = {fold(naam): code for naam, code in sorted(pairs)}
    wanted = naam.strip().upper()
    code = wanted if wanted in series.per_code else gm.derived["namen"].get(fold(naam))
    if code is None:
        return None
    years = series.per_code[code]
    first, last = min(years), max(years)
    name = years[last].naam
    reorganisations = gm.herindelingen()
    into = reorganisations.van(code) if reorganisations else []
    gone = _legal_date(into, last + 1)
    on = getattr(gm, "datum", None) or f"{jaar}-01-01"
    if jaar > last or (into and gone <= on):
        where = f": opgegaan in {' en '.join(h.opgegaan_in_naam for h in into)} op {_date_nl(gone)}" if into else ""
        before = f"een peildatum vóór {_date_nl(gone)}" if gone[:4] == on[:4] else f"--jaar {last} of eerder"
        return UsageProblem(f"{name} bestond op {_date_nl(on)} niet meer{where}; kies {before}", field="gemeente")
    if jaar < first:
        parts = reorganisations.voorgangers(code) if reorganisations else []
        origin = f" (gevormd op {_date_nl(_legal_date(parts, first))} uit {', '.join(sorted({h.naam for h in parts}))})" if parts else ""
        return UsageProblem(f"{name} bestond op {_date_nl(on)} nog niet{origin}; kies --jaar {first} of later", field="gemeente")
    return None


def _legal_date(rows: list[Herindeling], series_year: int) -> str:
    """The legal date of the reorganisation that ends or forms a code (1 January of the series year
    when the table has no row)."""
    dates = [h.datum for h in rows if h.jaar == series_year]
    return min(dates) if dates else f"{series_year}-01-01"


def _date_nl(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def merged_by_date(gm: Gemeenten, code: str) -> list[Herindeling]:
    """The reorganisations counted into ``code`` on the date of a dated view (``Gemeenten.op_datum``):
    those whose legal date lies after 1 January of the view's year and on or before its date."""
    datum = getattr(gm, "datum", None)
    reorganisations = gm.herindelingen() if datum else None
    if not datum or reorganisations is None:
        return []
    start = f"{datum[:4]}-01-01"
    return [h for h in reorganisations.voorgangers(code) if start < h.datum <= datum and h.geheel]


def dated(gm: Gemeenten, datum: str | None) -> Gemeenten:
    """The municipalities as they are on ``datum``: the same, unless a merger took effect after
    1 January of its year and on or before it (Weesp into Amsterdam, 24-3-2022). Then the
    year's list counts the merged code with the municipality it went into."""
    if datum is None or datum.endswith("-01-01") or gm.meta.herindelingen is None:
        return gm
    reorganisations = gm.herindelingen()
    start = f"{datum[:4]}-01-01"
    if reorganisations is None or not any(start < h.datum <= datum for h in reorganisations.regels):
        return gm
    return replace(gm, datum=datum, indexes={})


def on_date(gm: Gemeenten, rows: tuple[Gemeente, ...], jaar: int, datum: str) -> tuple[Gemeente, ...]:
    """The municipalities of 1 January ``jaar`` as they are on ``datum`` in that year: a merger whose
    legal date falls in between (Weesp into Amsterdam, 24-3-2022) is in force, so the code that
    went is counted with the municipality it went into (its 1 January inhabitants added, the
    receiver's regions kept). Members on 1 January stay as they are. Built once per date."""
    if (jaar, datum) in gm.derived:
        return gm.derived[(jaar, datum)]  # type: ignore[no-any-return]
    gm.derived[(jaar, datum)] = _folded(gm, rows, jaar, datum)
    return gm.derived[(jaar, datum)]  # type: ignore[no-any-return]


def _folded(gm: Gemeenten, rows: tuple[Gemeente, ...], jaar: int, datum: str) -> tuple[Gemeente, ...]:
    reorganisations = gm.herindelingen()
    start = f"{jaar}-01-01"
    moves = [h for h in (reorganisations.regels if reorganisations else ()) if start < h.datum <= datum and h.geheel]
    if not moves:
        return rows
    by_code = {g.code: g for g in rows}
    for h in moves:
        gone, into = by_code.pop(h.code, None), by_code.get(h.opgegaan_in_code)
        if gone is not None and into is not None:
            by_code[into.code] = replace(into, inwoners=into.inwoners + gone.inwoners)
    return tuple(sorted(by_code.values(), key=lambda g: g.naam.casefold()))


def lineage_count(gm: Gemeenten, code: str, jaar: int, depth: int = 0) -> tuple[int, list[Any], list[str]] | None:
    """Inhabitants of ``code`` in ``jaar``: its own count, or before it existed the sum of the
    municipalities that went wholly into it (recursively). Returns (inhabitants, counts used, names
    of predecessors that went only in part and are not counted), or None."""
    series = gm.bevolkingsreeks()
    own = series.van(code, jaar)
    if own is not None:
        return own.inwoners, [own], []
    first = min(series.per_code.get(code, {jaar + 1: None}))
    reorganisations = gm.herindelingen()
    if jaar > first or reorganisations is None or depth > 10:
        return None
    total, used, partial = 0, [], []
    for h in reorganisations.voorgangers(code):
        if h.jaar != first:
            continue
        if not h.geheel:
            partial.append(h.naam)
            continue
        found = lineage_count(gm, h.code, jaar, depth + 1)
        if found is not None:
            total += found[0]
            used += found[1]
            partial += found[2]
    return (total, used, partial) if used else None
