"""Region members (``bncost regio``): from the municipality tables or from a user's file, CSV
``gemeente,inwoners`` or YAML ``gemeenten: [{gemeente, inwoners}]``.

A CSV file may use ``;`` (what a Dutch Excel writes) or ``,``: the header line decides. Headers are
read without regard to case and may carry a byte-order mark; ``inwoners`` may be left out or left
empty (then the CBS figure of the chosen year is used). Other columns (a contact, a budget line) are
kept as they are and come back in the regio output. Every row is checked (known municipality,
positive whole number, no duplicates); any problem rejects the whole file with file, line and reason.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any, Literal

from burgernet_cost.data.municipalities import Gemeente, Gemeenten
from burgernet_cost.data.reading import display_path, load_yaml_text, read_bytes
from burgernet_cost.errors import DataError, DataErrors, UsageProblem, quote
from burgernet_cost.structs import struct

MAX_MEMBERS = 5000
SUPPORTED = (".csv", ".txt", ".tsv", ".yaml", ".yml", "")
MAX_INWONERS = 100_000_000
SUGGEST_UP_TO = 20  # near misses are searched for the first unknown names only (each costs a comparison with all)


@struct
class Lidinvoer:
    """A member of a region as selected: its inhabitants and where that number comes from."""

    naam: str
    code: str | None
    inwoners: int
    bron: str  # "CBS 2024-01-01", or the member file
    plaats: str | None  # file:line of the number
    status: Literal["gepubliceerd", "invoer"]  # CBS, or the user's file
    politie_eenheid: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # the member file's other columns, as written


def from_municipality(g: Gemeente) -> Lidinvoer:
    return Lidinvoer(g.naam, g.code, g.inwoners, f"CBS {g.peildatum}", g.plaats, "gepubliceerd", g.politie_eenheid)


def read_member_file(path: Path, gemeenten: Gemeenten, jaar: int, any_year: bool = False) -> list[Lidinvoer]:
    """The members listed in a user's file (see the module text). ``any_year``: a municipality that
    did not exist in ``jaar`` is taken from the newest year in which it did (a series over years)."""
    shown = display_path(path)
    named = document_name(path)  # the source of a member's figure, as output and documents show it
    entries = _entries(path, shown)
    if not entries:
        raise DataError("bevat geen gemeenten", file=shown)
    if len(entries) > MAX_MEMBERS:
        raise DataError(f"te veel regels (maximaal {MAX_MEMBERS})", file=shown)
    errors: list[DataError] = []
    members = []
    seen: dict[str, int] = {}
    for line, name, count, extra in entries:
        try:
            g = gemeenten.zoek(name, jaar, suggest=len(errors) < SUGGEST_UP_TO)
        except UsageProblem as exc:
            other = _other_year(gemeenten, name, jaar) if any_year else None
            if other is None:
                errors.append(DataError(exc.message, file=shown, line=line, path="gemeente"))
                continue
            g = other
        if g.code in seen:
            errors.append(DataError(f"'{g.naam}' staat er twee keer (ook regel {seen[g.code]})", file=shown, line=line, path="gemeente"))
            continue
        seen[g.code] = line
        if count is None:
            cbs = from_municipality(g)
            members.append(Lidinvoer(cbs.naam, cbs.code, cbs.inwoners, cbs.bron, cbs.plaats, cbs.status, cbs.politie_eenheid, extra))
            continue
        number = _count(count)
        if number is None:
            errors.append(DataError(f"{quote(count)} is geen positief geheel aantal inwoners", file=shown, line=line, path="inwoners"))
            continue
        members.append(Lidinvoer(g.naam, g.code, number, named, f"{named}:{line}", "invoer", g.politie_eenheid, extra))
    if errors:
        raise DataErrors(errors)
    _note_cbs_next_to_numbers(members, shown)
    return members


def _note_cbs_next_to_numbers(members: list[Lidinvoer], shown: str) -> None:
    """A CBS figure shown next to a column of the list that holds numbers too (an 'aantal' that was
    meant as inhabitants?) is said, never left side by side without a word."""
    cbs = [m for m in members if m.status == "gepubliceerd"]
    if not cbs:
        return
    numeric = [name for name, _ in cbs[0].extra if all(_count(dict(m.extra).get(name, "")) is not None for m in cbs)]
    if numeric:
        columns = ", ".join(quote(n, 40) for n in numeric)
        NOTES.append(
            f"{shown}: de inwoners zijn die van het CBS ({cbs[0].bron.removeprefix('CBS ')}); kolom {columns} is niet als inwoners "
            "gelezen (noem een kolom 'inwoners' om uw eigen aantallen te gebruiken)"
        )


def document_name(path: Path) -> str:
    """A member list as a result names it: relative to the working directory when it lies inside
    it, else only its file name (an output or document never shows a path of this machine)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError, RuntimeError):
        return path.name


def plain_cell(text: str) -> str:
    return _plain(text)


def _other_year(gemeenten: Gemeenten, name: str, jaar: int) -> Gemeente | None:
    for year in sorted(gemeenten.jaren, reverse=True):
        if year != jaar:
            try:
                return gemeenten.zoek(name, year, suggest=False)
            except UsageProblem:
                continue
    return None


Entry = tuple[int, str, object, tuple[tuple[str, str], ...]]


def member_text(path: Path, shown: str) -> str:
    """The file's text: UTF-8, else Windows-1252 (a Dutch Excel's CSV) with a note saying so."""
    from burgernet_cost.data.encoding import decode_windows

    text, windows = decode_windows(read_bytes(path, shown), shown)
    if windows:
        NOTES.append(f"{shown} is gelezen als Windows-1252 (geen UTF-8); controleer namen met accenten")
    return text


#: remarks made while reading (the CLI shows them as 'Let op: …' lines)
NOTES: list[str] = []


def _entries(path: Path, shown: str) -> list[Entry]:
    """(line, name, inwoners-or-None, other columns) per row of the file."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from burgernet_cost.data import member_workbook

        try:
            return _csv_entries(member_workbook.workbook_rows(path, shown), shown)
        finally:
            NOTES.extend(member_workbook.NOTES)
            member_workbook.NOTES.clear()
    if suffix not in SUPPORTED:
        raise DataError(
            f"bestandsformaat {quote(suffix or '(geen extensie)', 20)} wordt niet ondersteund; "
            "gebruik CSV (.csv, .txt), YAML (.yaml) of Excel (.xlsx)",
            file=shown,
        )
    text = member_text(path, shown)
    entries: list[Entry] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        value, lines = load_yaml_text(text, shown)
        if not isinstance(value, dict) or set(value) != {"gemeenten"} or not isinstance(value["gemeenten"], list):
            raise DataError("verwacht een YAML-bestand met alleen de sleutel 'gemeenten' (een lijst)", file=shown, line=1)
        for i, item in enumerate(value["gemeenten"]):
            line = lines.line_of(("gemeenten", i)) or 0
            if not isinstance(item, dict) or "gemeente" not in item:
                raise DataError("elk element heeft 'gemeente' en eventueel 'inwoners'", file=shown, line=line, path=f"gemeenten[{i}]")
            if not isinstance(item["gemeente"], str) or not item["gemeente"].strip():
                raise DataError("'gemeente' moet een naam of CBS-code zijn", file=shown, line=line, path=f"gemeenten[{i}].gemeente")
            extra = []
            keys = [str(key) for key in item]
            at_count = inhabitants_column(keys, shown, line)
            count_key = list(item)[at_count] if at_count is not None else None
            for key, value in item.items():
                if key in ("gemeente", count_key):
                    continue
                if not isinstance(key, str) or isinstance(value, (dict, list)):
                    raise DataError("extra velden zijn tekst of getal", file=shown, line=line, path=f"gemeenten[{i}].{key}")
                extra.append((_plain(key), "" if value is None else _plain(str(value))))
            entries.append((line, item["gemeente"], item.get(count_key) if count_key is not None else None, tuple(extra)))
        return entries
    if not text.strip():
        raise DataError("bestand is leeg", file=shown)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _csv_entries(reader, shown)
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte, …
        raise DataError(
            f"onleesbare CSV-regel ({'veld te lang' if 'larger' in str(exc) else 'ongeldig teken'})", file=shown, line=reader.line_num
        ) from None


MAX_COLUMNS = 50
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _plain(text: str) -> str:
    """A cell of the user's file as one line of text: control characters (a line break in a
    spreadsheet cell, an escape sequence) become one space; the invisible characters that reorder or
    hide text (U+202E, a zero-width space) are shown escaped ('\\u202e') in every output, csv and
    workbook included; at most 200 characters."""
    from burgernet_cost.errors import visible

    text = visible(_CONTROL.sub(" ", text).strip().lstrip("\ufeff"))
    return text if len(text) <= 200 else text[:199] + "…"


def _csv_entries(reader: Any, shown: str) -> list[Entry]:
    entries: list[Entry] = []
    raw: list[str] | None = next(reader, [])
    while raw is not None and not any(c.strip() for c in raw):
        raw = next(reader, None)
    names = [_plain(h) for h in raw or []]
    header = [h.lower() for h in names]
    line = reader.line_num
    if "gemeente" not in header:
        raise DataError("de kopregel mist de kolom 'gemeente' (verwacht: gemeente;inwoners of gemeente,inwoners)", file=shown, line=line)
    if len(header) > MAX_COLUMNS:
        raise DataError(f"te veel kolommen (maximaal {MAX_COLUMNS})", file=shown, line=line)
    if "" in header:
        raise DataError(f"kolom {header.index('') + 1} van de kopregel heeft geen naam", file=shown, line=line)
    twice = next((h for h in header if header.count(h) > 1), None)
    if twice is not None:
        raise DataError(f"kolom '{names[header.index(twice)]}' staat twee keer in de kopregel", file=shown, line=line)
    at_name, at_count = header.index("gemeente"), inhabitants_column(names, shown, line)
    others = [i for i in range(len(header)) if i not in (at_name, at_count)]
    for record in reader:
        if not any(c.strip() for c in record):
            continue
        if len(record) > len(header):
            sep = reader.dialect.delimiter
            raise DataError(
                f"{len(record)} kolommen, verwacht {len(header)} (namen met een '{sep}' tussen aanhalingstekens)",
                file=shown,
                line=reader.line_num,
            )
        record = record + [""] * (len(header) - len(record))
        count = record[at_count].strip() if at_count is not None else ""
        extra = tuple((names[i], _plain(record[i])) for i in others)
        entries.append((reader.line_num, record[at_name].strip(), count or None, extra))
        if len(entries) > MAX_MEMBERS:  # over the limit: the rest is not read (read_member_file says so)
            break
    return entries


#: how a column of inhabitants is usually called (compared without case, spaces, '_' or '-');
#: a name that starts with one of them and goes on with a date or year ('Inwoners 1-1-2024') too
INHABITANT_NAMES = ("inwoners", "inwonertal", "aantalinwoners", "bevolking", "bevolkingsaantal", "aantalinwonertal")
#: parts of a name that suggest inhabitants: such a column is recognised or refused, never passed over
INHABITANT_HINTS = ("inwon", "bevolk", "inhabit", "popul", "inw")


def _squeezed(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", name.casefold())


def inhabitants_column(names: list[str], shown: str, line: int | None) -> int | None:
    """The column that holds the list's own inhabitants: 'inwoners', or one of the usual other
    names (Inwonertal, Aantal inwoners, Bevolking 1-1-2024 …); None when there is none. A column
    whose name suggests inhabitants but is not one of those, or two such columns, is refused with
    the columns found: the user's figure is never passed over for the CBS figure in silence."""
    squeezed = [_squeezed(n) for n in names]
    exact = [i for i, s in enumerate(squeezed) if s in INHABITANT_NAMES]
    usual = exact or [i for i, s in enumerate(squeezed) if any(s.startswith(n) and not s[len(n) :][:1].isalpha() for n in INHABITANT_NAMES)]
    hinted = [i for i, s in enumerate(squeezed) if any(h in s for h in INHABITANT_HINTS)]
    found = ", ".join(quote(n, 40) for n in names)
    if len(usual) > 1:
        which = " en ".join(quote(names[i], 40) for i in usual)
        raise DataError(f"kolommen {which} zijn allebei inwoners; houd er één (kolommen: {found})", file=shown, line=line)
    if usual:
        return usual[0]
    if hinted:
        raise DataError(
            f"kolom {quote(names[hinted[0]], 40)} is niet herkend als de inwoners; noem haar 'inwoners' (of 'inwonertal', "
            f"'aantal inwoners', 'bevolking'), of laat haar weg om de CBS-cijfers te gebruiken (kolommen: {found})",
            file=shown,
            line=line,
        )
    return None


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
