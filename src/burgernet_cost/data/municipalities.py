"""Municipalities (CBS): inhabitants, province, veiligheidsregio, politie-eenheid, per year.

``data/gemeenten.yaml`` describes the years and their CSV files (``data/gemeenten/*.csv``), with the
documented row counts and totals that are checked on load. Look-ups are case- and
accent-insensitive, know aliases ("Den Haag"), ask which one is meant for ambiguous names
("Bergen") and suggest near misses ("Amersfort" -> "Amersfoort").
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from burgernet_cost.data import cache
from burgernet_cost.data.files import MUNICIPALITIES_FILE
from burgernet_cost.data.municipal_years import fold as fold
from burgernet_cost.data.reading import LineMap, display_path, inside, read_text, resolve_data_dir
from burgernet_cost.errors import DataError, DataErrors, UsageProblem, quote
from burgernet_cost.structs import field, struct

if TYPE_CHECKING:
    from burgernet_cost.data.population_series import Bevolkingsreeks
    from burgernet_cost.data.record_types import municipalities as mm

FILE = MUNICIPALITIES_FILE
COLUMNS = ["code", "naam", "inwoners", "peildatum", "provincie", "veiligheidsregio_code", "veiligheidsregio", "politie_eenheid"]


@struct
class Gemeente:
    code: str
    naam: str
    inwoners: int
    peildatum: str
    provincie: str
    veiligheidsregio_code: str
    veiligheidsregio: str
    politie_eenheid: str
    plaats: str  # file:line

    @property
    def jaar(self) -> int:
        return int(self.peildatum[:4])


@struct
class _Index:
    """Look-ups of one year, built once: by code, by folded name, alias and base name."""

    code: dict[str, Gemeente]
    naam: dict[str, Gemeente]
    alias: dict[str, Gemeente]
    basis: dict[str, list[Gemeente]]
    namen: dict[str, str]  # folded -> as written, names and aliases (for suggestions)


@struct
class Gemeenten:
    meta: mm.GemeentenFile
    per_jaar: dict[int, tuple[Gemeente, ...]]
    bestand: str
    indexes: dict[int, _Index] = field(default_factory=dict, compare=False, repr=False)
    root: Path | None = None
    series: list[Bevolkingsreeks] = field(default_factory=list, compare=False, repr=False)
    derived: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)  # years built from the series
    datum: str | None = None  # a date within a year: mergers in force on it count (op_datum)

    def op_datum(self, datum: str | None) -> Gemeenten:
        """The municipalities on ``datum`` (``municipal_years.dated``: a mid-year merger counts)."""
        from burgernet_cost.data.municipal_years import dated

        view: Gemeenten = dated(self, datum)
        return view

    def bevolkingsreeks(self) -> Bevolkingsreeks:
        """Inhabitants per municipality per year (read on first use; see ``population_series``). A year
        that has a table of its own takes its counts from that table: one source per year."""
        if not self.series:
            from burgernet_cost.data.population_series import load_series, one_source_per_year

            assert self.root is not None
            self.series.append(one_source_per_year(load_series(self.root, self.meta, self.bestand), self.per_jaar))
        return self.series[0]

    def herindelingen(self) -> Any:
        """The reorganisations (read on first use, with the series; see ``municipal_years``)."""
        if "herindelingen" not in self.derived:
            from burgernet_cost.data.municipal_years import load_reorganisations

            assert self.root is not None
            self.derived["herindelingen"] = load_reorganisations(self.root, self.meta, self.bestand, self.bevolkingsreeks())
        return self.derived["herindelingen"]

    def index(self, jaar: int) -> _Index:
        if jaar not in self.indexes:
            rows = self.lijst(jaar)
            by_name: dict[str, Gemeente] = {}
            for g in rows:
                by_name.setdefault(fold(g.naam), g)
            aliases = {fold(a.alias): by_name[fold(a.gemeente)] for a in self.meta.aliassen if fold(a.gemeente) in by_name}
            basis: dict[str, list[Gemeente]] = {}
            for g in rows:
                basis.setdefault(fold(base_name(g.naam)), []).append(g)
            names = {fold(g.naam): g.naam for g in rows} | {fold(a.alias): a.alias for a in self.meta.aliassen}
            self.indexes[jaar] = _Index({g.code: g for g in rows}, by_name, aliases, basis, names)
        return self.indexes[jaar]

    @property
    def jaren(self) -> list[int]:
        """Every year with municipalities: the tables' years and, when the data has one, the series' years (newest first)."""
        years = set(self.per_jaar)
        if self.meta.bevolkingsreeks is not None:
            years |= set(self.bevolkingsreeks().jaren)
        return sorted(years, reverse=True)

    @property
    def nieuwste(self) -> int:
        return max(self.per_jaar) if self.meta.bevolkingsreeks is None else self.jaren[0]

    @property
    def rapportjaar(self) -> int:
        """The CBS year of the report's situation (the default without --jaar or --peildatum)."""
        situation = self.meta.rapportsituatie
        return int(situation.inwoners_jaar) if situation is not None else min(self.per_jaar)

    def peildatum(self, jaar: int) -> str:
        """The date of a year's inhabitants (CBS: 1 January)."""
        table = next((j for j in self.meta.jaren if j.jaar == jaar), None)
        return table.peildatum if table is not None else f"{jaar}-01-01"

    def eenheid_status(self, jaar: int) -> str:
        """gepubliceerd when the year's table gives the politie-eenheid as published, else afgeleid."""
        table = next((j for j in self.meta.jaren if j.jaar == jaar), None)
        return str(table.politie_eenheid_status) if table is not None else "afgeleid"

    def lijst(self, jaar: int | None = None) -> tuple[Gemeente, ...]:
        year = self.kies_jaar(jaar)
        if year in self.per_jaar:
            rows = self.per_jaar[year]
        else:
            if year not in self.derived:
                from burgernet_cost.data.municipal_years import year_rows

                self.derived[year] = year_rows(self, year)
            rows = self.derived[year]
        if self.datum is None or int(self.datum[:4]) != year:
            return rows
        from burgernet_cost.data.municipal_years import on_date

        return on_date(self, rows, year, self.datum)

    def kies_jaar(self, jaar: int | None) -> int:
        """A year with municipalities; None: the report's year."""
        if jaar is None:
            jaar = self.rapportjaar
        if jaar in self.per_jaar:
            return jaar
        if jaar not in self.jaren:
            years = self.jaren
            span = f"{years[-1]} tot en met {years[0]}" if len(years) > 2 else ", ".join(map(str, years))
            raise UsageProblem(f"geen gemeentecijfers voor {jaar} (beschikbaar: {span})", field="jaar")
        return jaar

    def jaar_voor_peildatum(self, peildatum: str) -> int:
        """The CBS year of a date: its own year (1 January), else the newest before it, else the oldest."""
        candidates = [j for j in self.jaren if f"{j}-01-01" <= peildatum]
        return max(candidates) if candidates else min(self.jaren)

    # ------------------------------------------------------------------ look-up

    def zoek(self, naam: str, jaar: int | None = None, suggest: bool = True) -> Gemeente:
        """One municipality by CBS code, name or alias; UsageProblem with candidates otherwise
        (``suggest=False`` skips the search for near misses, for long lists of unknown names)."""
        jaar = self.kies_jaar(jaar)
        index = self.index(jaar)
        text = naam.strip()
        if not text:
            raise UsageProblem("geef een naam of CBS-code (GMxxxx) op", field="gemeente")
        if re.fullmatch(r"(?i)gm\d{4}", text):
            if text.upper() in index.code:
                return index.code[text.upper()]
            if suggest and self.meta.bevolkingsreeks is not None:
                from burgernet_cost.data.municipal_years import not_in_year

                other_year = not_in_year(self, text, jaar)
                if other_year is not None:
                    raise other_year
            raise UsageProblem(f"code {text.upper()} bestaat niet in {jaar}", field="gemeente")
        key = fold(text)
        found = index.naam.get(key) or index.alias.get(key)
        if found is not None:
            return found
        base = index.basis.get(key, [])
        if len(base) == 1:
            return base[0]
        if len(base) > 1:
            options = " of ".join(f"'{g.naam}' ({g.code})" for g in base)
            raise UsageProblem(f"{quote(text)} is niet eenduidig; bedoelde u {options}?", field="gemeente")
        if suggest and self.meta.bevolkingsreeks is not None and len(key) <= 60:  # a name of another year: say when
            from burgernet_cost.data.municipal_years import not_in_year

            other_year = not_in_year(self, text, jaar)
            if other_year is not None:
                raise other_year
        hints = difflib.get_close_matches(key, list(index.namen), n=3, cutoff=0.75) if suggest and len(key) <= 60 else []
        if hints:
            raise UsageProblem(
                f"onbekende gemeente {quote(text)} in {jaar}; bedoelde u {' of '.join(index.namen[h] for h in hints)}?", field="gemeente"
            )
        raise UsageProblem(f"onbekende gemeente {quote(text)} in {jaar} (zoek met 'bncost gemeenten --zoek …')", field="gemeente")

    def eenheden(self, jaar: int) -> list[str]:
        return list(dict.fromkeys(g.politie_eenheid for g in self.lijst(jaar)))

    def veiligheidsregios(self, jaar: int) -> list[str]:
        return list(dict.fromkeys(g.veiligheidsregio for g in self.lijst(jaar)))

    def kies_gebied(self, wanted: str, options: list[str], what: str, field: str) -> str:
        key = fold(wanted)
        for o in options:
            if fold(o) == key:
                return o
        partial = [o for o in options if key and key in fold(o)]
        if len(partial) == 1:
            return partial[0]
        hints = difflib.get_close_matches(key, [fold(o) for o in options], n=2, cutoff=0.6)
        by_fold = {fold(o): o for o in options}
        extra = f"; bedoelde u {' of '.join(by_fold[h] for h in hints)}?" if hints else f" (kies uit: {', '.join(options)})"
        raise UsageProblem(f"onbekende {what} {quote(wanted)}{extra}", field=field)


def base_name(naam: str) -> str:
    """The CBS name without its disambiguator: "Bergen (NH.)" -> "Bergen"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", naam)


def load_municipalities(data_dir: str | Path | None = None, use_cache: bool = True) -> Gemeenten:
    """The municipality tables of a data directory: from the validated-data cache when it holds
    exactly these files (gemeenten.yaml and every table it names), else read and checked anew."""
    root = resolve_data_dir(data_dir)
    if use_cache:
        payload = cache.read("gemeenten", [root / FILE])
        try:
            if payload is not None and all(
                inside(root, root / name) and cache.key("tabel", [root / name]) == digest for name, digest in payload["tabellen"]
            ):
                return _from_payload(root, payload)
        except cache.SHAPE_ERRORS:
            pass  # an entry of another shape: read anew
    result = _load(root)
    if use_cache:
        tables = [(j.bestand, cache.key("tabel", [root / j.bestand])) for j in result.meta.jaren]
        per_jaar = {
            str(j): [[*list(g.__dict__.values())[:-1], int(g.plaats.rsplit(":", 1)[1])] for g in rows]
            for j, rows in result.per_jaar.items()
        }
        cache.write(
            "gemeenten",
            [root / FILE],
            {"meta": result.meta, "tabellen": tables, "per_jaar": per_jaar},
            conclusies=cache.CHECKS["gemeenten"],
        )  # _load raised otherwise
    return result


def _row(row: list[Any], file: str) -> Gemeente:
    """A cached row (eight fields and its line) as written; of another shape a TypeError: not used."""
    code, naam, inwoners, peildatum, provincie, vr_code, vr, eenheid, line = row
    texts = (code, naam, peildatum, provincie, vr_code, vr, eenheid)
    if set(map(type, texts)) != {str} or type(inwoners) is not int or type(line) is not int or min(inwoners, line) < 1:
        raise TypeError("row")
    plaats = f"{file}:{line}"
    return Gemeente(code, naam, inwoners, peildatum, provincie, vr_code, vr, eenheid, plaats)


def _from_payload(root: Path, payload: dict[str, Any]) -> Gemeenten:
    """Cached tables; each row's place (file:line) is shown relative to today's working directory."""
    meta = payload["meta"]
    files = {str(j.jaar): display_path(root / j.bestand) for j in meta.jaren}
    per_jaar = {int(j): tuple(_row(row, files[j]) for row in rows) for j, rows in payload["per_jaar"].items()}
    return Gemeenten(meta, per_jaar, display_path(root / FILE), root=root)


def _load(root: Path) -> Gemeenten:
    from burgernet_cost.data import municipality_models as mm
    from burgernet_cost.data.messages import validate_file
    from burgernet_cost.data.municipal_dates import check_totals, date_problems
    from burgernet_cost.data.reading import load_yaml_file
    from burgernet_cost.data.record_types import municipalities as records
    from burgernet_cost.data.records import record_of

    value, lines = load_yaml_file(root / FILE)
    validated, errors = validate_file(value, mm.GemeentenFile, lines)
    if errors:
        raise DataErrors(errors)
    assert isinstance(validated, mm.GemeentenFile)
    meta = record_of(validated, records.GemeentenFile)
    per_jaar: dict[int, tuple[Gemeente, ...]] = {}
    problems: list[DataError] = []
    for n, jaar in enumerate(meta.jaren):
        if jaar.jaar in per_jaar:
            problems.append(lines.error(("jaren", n, "jaar"), f"jaar {jaar.jaar} staat er twee keer"))
            continue
        rows, errs = _read_year(root, jaar, lines, n)
        problems += errs
        if not errs:
            problems += check_totals(jaar, rows, lines, n)
        per_jaar[jaar.jaar] = tuple(rows)
    problems += _alias_problems(meta, per_jaar, lines)
    if problems:
        raise DataErrors(problems)
    result = Gemeenten(meta, per_jaar, lines.file, root=root)
    problems += date_problems(result, lines)
    if problems:
        raise DataErrors(problems)
    if meta.bevolkingsreeks is not None:
        result.bevolkingsreeks()  # one source per year: a year table that the series contradicts is refused (cached once read)
    return result


def _alias_problems(meta: Any, per_jaar: dict[int, tuple[Gemeente, ...]], lines: LineMap) -> list[DataError]:
    """An alias names one municipality: known, not itself, not twice, not a real municipality's name."""
    problems = []
    aliases_known = {g.naam for rows in per_jaar.values() for g in rows}
    real = {fold(g.naam): g.naam for rows in per_jaar.values() for g in rows}
    seen: dict[str, int] = {}
    for n, alias in enumerate(meta.aliassen):
        key = fold(alias.alias)
        if alias.gemeente not in aliases_known:
            problems.append(
                lines.error(("aliassen", n, "gemeente"), f"alias '{alias.alias}' verwijst naar onbekende gemeente '{alias.gemeente}'")
            )
        if key == fold(alias.gemeente):
            problems.append(lines.error(("aliassen", n, "alias"), f"alias '{alias.alias}' verwijst naar zichzelf"))
        elif key in real:
            problems.append(
                lines.error(
                    ("aliassen", n, "alias"),
                    f"alias '{alias.alias}' is de naam van een echte gemeente ('{real[key]}'); die naam kan geen alias zijn",
                )
            )
        if key in seen:
            problems.append(lines.error(("aliassen", n, "alias"), f"alias '{alias.alias}' staat er twee keer (ook aliassen[{seen[key]}])"))
        seen.setdefault(key, n)
    return problems


def _read_year(root: Path, jaar: mm.Jaartabel, lines: LineMap, n: int) -> tuple[list[Gemeente], list[DataError]]:
    path = root / jaar.bestand
    if not inside(root, path):  # a table named by the data stays inside the data folder
        return [], [lines.error(("jaren", n, "bestand"), f"{quote(jaar.bestand)} ligt buiten de datamap; noem een bestand in de datamap")]
    shown = display_path(path)
    text = read_text(path, shown)
    reader = csv.reader(io.StringIO(text, newline=""))
    errors: list[DataError] = []
    try:
        return _rows(reader, jaar, shown, errors), errors
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte, …
        return [], [
            DataError(
                f"onleesbare CSV-regel ({'veld te lang' if 'larger' in str(exc) else 'ongeldig teken'})", file=shown, line=reader.line_num
            )
        ]


def _rows(reader: Any, jaar: mm.Jaartabel, shown: str, errors: list[DataError]) -> list[Gemeente]:
    header = next(reader, None)
    if header != COLUMNS:
        errors.append(DataError(f"kopregel moet zijn: {','.join(COLUMNS)}", file=shown, line=1))
        return []
    rows: list[Gemeente] = []
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    from burgernet_cost.data.population_series import records

    for line, cells in records(reader, COLUMNS, shown, errors):
        row = dict(zip(COLUMNS, cells, strict=True))
        if not re.fullmatch(r"GM\d{4}", row["code"]):
            errors.append(DataError(f"'{row['code']}' is geen CBS-gemeentecode (GMxxxx)", file=shown, line=line, path="code"))
        if not row["naam"]:
            errors.append(DataError("naam ontbreekt", file=shown, line=line, path="naam"))
        if not re.fullmatch(r"[1-9][0-9]{0,8}", row["inwoners"]) or int(row["inwoners"]) > 100_000_000:
            errors.append(
                DataError(
                    f"'{row['inwoners'][:20]}' is geen aantal inwoners van 1 tot en met 100.000.000", file=shown, line=line, path="inwoners"
                )
            )
            continue
        if row["peildatum"] != jaar.peildatum:
            errors.append(
                DataError(f"peildatum '{row['peildatum']}' wijkt af van {jaar.peildatum}", file=shown, line=line, path="peildatum")
            )
        for key, seen in (("code", codes), ("naam", names)):
            if row[key] in seen:
                errors.append(DataError(f"'{row[key]}' staat er twee keer (ook regel {seen[row[key]]})", file=shown, line=line, path=key))
            seen[row[key]] = line
        if not row["politie_eenheid"] or not row["veiligheidsregio"]:
            errors.append(DataError("veiligheidsregio of politie-eenheid ontbreekt", file=shown, line=line))
        rows.append(
            Gemeente(
                row["code"],
                row["naam"],
                int(row["inwoners"]),
                row["peildatum"],
                row["provincie"],
                row["veiligheidsregio_code"],
                row["veiligheidsregio"],
                row["politie_eenheid"],
                f"{shown}:{line}",
            )
        )
    return rows
