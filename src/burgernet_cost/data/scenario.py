"""Scenarios: named, path-checked overrides of the data, applied in memory (``--scenario``, ``--set``).

A scenario file::

    naam: Meer uren relatiebeheer
    omschrijving: Wat als de basis 400 uur per maand vraagt voor 3,1 miljoen inwoners?
    wijzigingen:
      interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand: 400
      inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent: 20
      salary_scales.standaard_tariefprofiel: car-uwo-2019-schaal-10

A path starts with the data file (without ``.yaml``), then keys separated by dots; a list element is
chosen by its id (``[rapport-2014-rbc-basis]``) or position (``[0]``). Every path must exist in the
data: a typo is an error that names the nearest valid key. The shipped data is never modified.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from burgernet_cost.data.reading import display_path, format_key_path, load_yaml_text, read_text
from burgernet_cost.errors import DataError, DataErrors, UsageProblem, quote
from burgernet_cost.structs import field, struct

_SEGMENT = re.compile(r"([^.\[\]]+)|\[([^\]]+)\]")


@struct
class Wijziging:
    pad: str  # as written
    file: str  # "interviews.yaml"
    keys: tuple[str | int, ...]  # resolved key path inside the file
    waarde: Any
    herkomst: str  # "scenario.yaml:4" or "--set"


@struct(frozen=False)
class Scenario:
    naam: str
    omschrijving: str | None = None
    bron: str | None = None  # file the scenario came from
    wijzigingen: list[Wijziging] = field(default_factory=list)

    def origin(self, file: str, path: tuple[Any, ...]) -> str | None:
        for w in self.wijzigingen:
            if w.file == file and tuple(path[: len(w.keys)]) == w.keys:
                return f"{w.herkomst} (scenario)"
        return None

    def summary(self) -> str:
        parts = "; ".join(f"{w.pad} = {_show(w.waarde)}" for w in self.wijzigingen)
        source = f" ({self.bron})" if self.bron else ""
        return f"{self.naam}{source}: {parts}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "naam": self.naam,
            "omschrijving": self.omschrijving,
            "bestand": self.bron,
            "wijzigingen": [{"pad": w.pad, "waarde": _typed(w.waarde), "herkomst": w.herkomst} for w in self.wijzigingen],
        }


def _typed(value: Any) -> Any:
    """A changed value for json as written: a number, a yes/no or a text (never "400" for 400)."""
    return value if isinstance(value, (bool, int, Decimal, str)) or value is None else str(value)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_path(text: str) -> tuple[str, list[str | tuple[str]]]:
    """'interviews.waarnemingen[x].uren' -> ('interviews.yaml', ['waarnemingen', ('x',), 'uren'])."""
    text = text.strip()
    pos = 0
    parts: list[str | tuple[str]] = []
    while pos < len(text):
        if text[pos] == ".":
            pos += 1
            continue
        m = _SEGMENT.match(text, pos)
        if not m:
            raise ValueError(f"pad '{text}' is onleesbaar bij '{text[pos:]}'")
        parts.append(m.group(1) if m.group(1) is not None else (m.group(2),))
        pos = m.end()
    if len(parts) < 2 or not isinstance(parts[0], str):
        raise ValueError(f"pad '{text}' moet beginnen met een bestand en een sleutel (bijv. interviews.waarnemingen[…].uren_per_maand)")
    return parts[0] + ".yaml", parts[1:]


MAX_ERRORS = 60  # as many as a message shows
MAX_CHANGES = 1000  # a scenario changes a few figures; a thousand is far beyond any real one
SUGGEST_UP_TO = 20  # near misses are searched for the first unknown ids only (each costs a comparison with all)


def _not_twice(scenario: Scenario, file: str, keys: tuple[str | int, ...], pad: str, herkomst: str) -> None:
    """One value changed twice (the same path, or two paths to it: [0] and [id]) is a contradiction;
    only --set after a scenario file may change the file's value (the --set wins, as documented)."""
    for w in scenario.wijzigingen:
        if w.file == file and w.keys == keys and not (herkomst == "--set" and w.herkomst != "--set"):
            same = "" if w.pad == pad else f" (als '{w.pad}')"
            raise ValueError(f"'{pad}' wordt twee keer gewijzigd: ook door {w.herkomst}{same}; kies één waarde")


def _id_index(raw: dict[str, Any]) -> dict[int, dict[str, int]]:
    """Per list (by identity): its elements' ids -> position, built once (a scenario of many
    paths does not rescan a list for each)."""
    index: dict[int, dict[str, int]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            index[id(value)] = {
                item["id"]: n for n, item in reversed(list(enumerate(value))) if isinstance(item, dict) and isinstance(item.get("id"), str)
            }
            for v in value:
                walk(v)

    walk(raw)
    return index


def resolve(
    raw: dict[str, Any],
    file: str,
    path_text: str,
    parts: list[str | tuple[str]],
    ids_index: dict[int, dict[str, int]] | None = None,
    suggest: bool = True,
) -> tuple[str | int, ...]:
    """Check the path against the raw data; returns the key path. ValueError with a suggestion."""
    current: Any = raw.get(file)
    if current is None:
        known = [f.removesuffix(".yaml") for f in raw]
        hint = difflib.get_close_matches(file.removesuffix(".yaml"), known, n=1)
        raise ValueError(
            f"onbekend bestand '{file.removesuffix('.yaml')}' in pad '{path_text}'"
            + (f"; bedoelde u '{hint[0]}'?" if hint else f" (bestanden: {', '.join(known)})")
        )
    keys: list[str | int] = []
    written = file.removesuffix(".yaml")  # the path as the user wrote it, up to the current part
    for part in parts:
        where = format_key_path(tuple(keys)) or file.removesuffix(".yaml")
        if isinstance(part, tuple):
            wanted = part[0]
            if not isinstance(current, list):
                raise ValueError(f"'{where}' is geen lijst; [{wanted}] kan niet")
            if re.fullmatch(r"\d+", wanted):
                index = int(wanted)
                if index >= len(current):
                    raise ValueError(f"'{where}' heeft {len(current)} elementen; [{index}] bestaat niet")
            else:
                ids = (ids_index or {}).get(id(current))
                if ids is None:
                    ids = {
                        item["id"]: n
                        for n, item in reversed(list(enumerate(current)))
                        if isinstance(item, dict) and isinstance(item.get("id"), str)
                    }
                if wanted not in ids:
                    hint = difflib.get_close_matches(wanted, list(ids), n=1) if suggest else []
                    raise ValueError(f"geen element met id {quote(wanted)} in '{where}'" + (f"; bedoelde u '{hint[0]}'?" if hint else ""))
                index = ids[wanted]
            keys.append(index)
            current = current[index]
            written += f"[{wanted}]"
        else:
            if not isinstance(current, dict):
                raise ValueError(f"'{where}' heeft geen sleutels; '.{part}' kan niet")
            if part not in current:
                from burgernet_cost.data.messages import MOVED

                if part in MOVED:
                    raise ValueError(f"'{part}' is verhuisd: {MOVED[part]}")
                hint = difflib.get_close_matches(part, list(current), n=1)
                raise ValueError(
                    f"onbekende sleutel '{part}' in '{where}'"
                    + (f"; bedoelde u '{written}.{hint[0]}'?" if hint else f" (sleutels: {', '.join(map(str, current))})")
                )
            keys.append(part)
            current = current[part]
            written += f".{part}"
    if isinstance(current, (dict, list)):
        raise ValueError(f"pad '{path_text}' wijst een heel blok aan; wijzig één waarde")
    return tuple(keys)


def apply(raw: dict[str, Any], scenario: Scenario) -> None:
    for w in scenario.wijzigingen:
        target = raw[w.file]
        for key in w.keys[:-1]:
            target = target[key]
        target[w.keys[-1]] = w.waarde


def load_scenario_file(path: Path) -> tuple[str, str | None, list[tuple[str, Any, str]]]:
    """(naam, omschrijving, [(pad, waarde, herkomst)]) from a scenario file."""
    shown = display_path(path)
    text = read_text(path, shown)
    # bounded work: a scenario of more lines than any real one is refused before YAML parses it all
    lines_used = sum(1 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    if lines_used > MAX_CHANGES + 10:
        raise DataError(f"te veel regels voor een scenario ({lines_used}; hoogstens {MAX_CHANGES} wijzigingen)", file=shown)
    value, lines = load_yaml_text(text, shown)
    if not isinstance(value, dict):
        raise DataError("een scenario is een blok met naam, omschrijving en wijzigingen", file=shown, line=1)
    unknown = set(value) - {"naam", "omschrijving", "wijzigingen"}
    if unknown:
        key = sorted(unknown)[0]
        hint = difflib.get_close_matches(key, ["naam", "omschrijving", "wijzigingen"], n=1)
        raise lines.error((key,), "onbekende sleutel" + (f"; bedoelde u '{hint[0]}'?" if hint else ""))
    naam = value.get("naam")
    if not isinstance(naam, str) or not naam.strip():
        raise lines.error(("naam",), "een scenario heeft een naam (tekst)")
    changes = value.get("wijzigingen")
    if not isinstance(changes, dict) or not changes:
        raise lines.error(("wijzigingen",), "'wijzigingen' is een blok van pad: waarde, met minstens één wijziging")
    items = []
    for key, val in changes.items():
        if isinstance(val, (dict, list)) or val is None:
            raise lines.error(("wijzigingen", key), "een wijziging zet één waarde (geen blok, lijst of leeg)")
        items.append((key, val, f"{shown}:{lines.line_of(('wijzigingen', key))}"))
    omschrijving = value.get("omschrijving")
    return naam.strip(), omschrijving if isinstance(omschrijving, str) else None, items


def parse_set(text: str) -> tuple[str, Any]:
    """'pad=waarde' from --set; the value is read as a strict YAML scalar ('400', '0.5', 'tekst')."""
    if "=" not in text:
        raise UsageProblem(f"'{text}' heeft de vorm pad=waarde", field="set")
    path, raw = text.split("=", 1)
    if not path.strip() or not raw.strip():
        raise UsageProblem(f"'{text}' heeft de vorm pad=waarde", field="set")
    from burgernet_cost.data.dutch_numbers import Ambiguous, normalise

    try:
        raw = normalise(raw)
    except Ambiguous as exc:
        raise UsageProblem(f"{path.strip()}: {exc}", field="set") from None
    try:
        value, _ = load_yaml_text(raw.strip() + "\n", "--set")
    except DataError as exc:
        raise UsageProblem(f"{path.strip()}: {exc.message}", field="set") from None
    if isinstance(value, (dict, list)) or value is None:
        raise UsageProblem(f"{path.strip()}: geef één waarde (geen blok of lijst)", field="set")
    return path.strip(), value


def build(raw: dict[str, Any], scenario_file: str | None, sets: list[str]) -> Scenario | None:
    """Read and check a scenario file and --set values against the raw data."""
    if not scenario_file and not sets:
        return None
    items: list[tuple[str, Any, str]] = []
    naam, omschrijving, bron = "--set", None, None
    if scenario_file:
        path = Path(scenario_file)
        naam, omschrijving, items = load_scenario_file(path)
        bron = display_path(path)
    for text in sets:
        pad, waarde = parse_set(text)
        items.append((pad, waarde, "--set"))
    scenario = Scenario(naam=naam, omschrijving=omschrijving, bron=bron)
    errors: list[DataError] = []
    ids = _id_index(raw)
    for pad, waarde, herkomst in items:
        if len(errors) >= MAX_ERRORS:  # enough to act on: the rest is not looked at (bounded work)
            errors.append(DataError(f"… en meer wijzigingen die niet kloppen (na {MAX_ERRORS} niet verder gecontroleerd)"))
            break
        try:
            file, parts = parse_path(pad)
            keys = resolve(raw, file, pad, parts, ids, suggest=len(errors) < SUGGEST_UP_TO)
            _not_twice(scenario, file, keys, pad, herkomst)
        except ValueError as exc:
            if herkomst == "--set":
                raise UsageProblem(f"{exc}", field="set") from None
            file_part, _, line = herkomst.rpartition(":")
            errors.append(DataError(str(exc), file=file_part, line=int(line) if line.isdigit() else None, path=f"wijzigingen.{pad}"))
            continue
        scenario.wijzigingen.append(Wijziging(pad, file, keys, waarde, herkomst))
    if errors:
        raise DataErrors(errors)
    return scenario
