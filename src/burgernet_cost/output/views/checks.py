"""``bncost diff`` and ``bncost validate``: the cost effect of a data change, and the data checks."""

from __future__ import annotations

from burgernet_cost.domain.calibration import BandBuiten, BandOk, BandReproduceertNiet
from burgernet_cost.domain.diff import Invoerwijziging, Kengetal
from burgernet_cost.domain.validation import Finding, Validation
from burgernet_cost.errors import count, located
from burgernet_cost.output import numbers as money
from burgernet_cost.output.cells import display
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Cell, Column, Field, Part, Report, Table, Text
from burgernet_cost.output.wording import date_nl

GROUP_LABELS = {
    "normen": "Normen (uren per maand per 100.000 inwoners)",
    "uurtarief": "Uurtarief",
    "tarieven": "Tarieven per inwoner per jaar",
    "estimate": "estimate: totale kosten per jaar",
    "compare": "compare-models: totaal per jaar ({ref} inwoners)",
    "uurtarief_jaar": "Uurtarief op een latere datum",
    "estimate_jaar": "estimate op een latere datum: totale kosten per jaar, basis",
}


def _label(f: Kengetal) -> str:
    if f.groep == "uurtarief":
        return f"standaardprofiel {f.onderwerp}"
    if f.groep == "estimate":
        return f"{money.nl_number(int(f.onderwerp))} inwoners, {f.pakket}"
    if f.groep == "uurtarief_jaar":
        return f"standaardprofiel, {date_nl(f.onderwerp)}"
    if f.groep == "estimate_jaar":
        size, datum = f.onderwerp.split("@")
        return f"{money.nl_number(int(size))} inwoners, {date_nl(datum)}"
    return f"{f.onderwerp}, {f.pakket}"


def _validity(validity: list[tuple[str, str, Validation]]) -> tuple[list[Part], list[str]]:
    """Per side: valid or not (calibration included), and the first problems of an invalid side."""
    parts: list[Part] = []
    notes: list[str] = []
    for label, _, result in validity:
        valid = result.valid()
        text = "geldig" if valid else f"ONGELDIG ({count(len(result.errors), 'fout', 'fouten')}; zie bncost validate)"
        parts.append(Field(None, f"Geldigheid {label}", text))
        notes += [f"{label}: [{f.check}] {finding_text(f)}" for f in result.errors[:5]]
    parts.append(Field("geldig", None, [Field(label, None, result.valid(), "bool") for label, _, result in validity], "object"))
    return parts, notes


def inputs_parts(inputs: list[Invoerwijziging]) -> list[Part]:
    """The changed input figures, before their effects (like a cost diff lists resources before costs)."""
    rows = [
        {"id": i.id, "oud": "–" if i.oud is None else i.oud, "nieuw": "–" if i.nieuw is None else i.nieuw, "plaats": i.plaats or ""}
        for i in inputs
    ]
    columns = [
        Column("id", "Gewijzigd cijfer"),
        Column("oud", "Oud", align="right"),
        Column("nieuw", "Nieuw", align="right"),
        Column("plaats", "Plaats"),
    ]
    text = f"{count(len(inputs), 'cijfer', 'cijfers')} in de data gewijzigd" if inputs else "geen cijfer in de data gewijzigd"
    return [
        Field(None, "Invoer", text),
        Table("invoer", columns, rows, formats=frozenset({DISPLAY, JSON})),
        Field("invoer_gewijzigd", None, len(inputs), "int"),
    ]


def diff_report(
    figures: list[Kengetal],
    ref: int,
    base_dir: str,
    head_dir: str,
    only_changed: bool,
    validity: list[tuple[str, str, Validation]] | None = None,
    inputs: list[Invoerwijziging] | None = None,
) -> Report:
    changed = [f for f in figures if f.gewijzigd]
    shown = changed if only_changed else figures
    groups = {k: v.format(ref=money.nl_number(ref)) for k, v in GROUP_LABELS.items()}
    columns = [
        Column("groep", "Groep"),
        Column("kengetal", "Kengetal"),
        Column("basis", "Basis", align="right"),
        Column("nieuw", "Nieuw", align="right"),
        Column("verschil", "Verschil", align="right"),
        Column("procent", "Verschil %", align="right"),
    ]
    rows = []
    for f in shown:
        diff = f.verschil
        rows.append(
            {
                "groep": groups[f.groep],
                "kengetal": ("● " if f.gewijzigd else "") + _label(f),
                "basis": display(f.basis, f.soort, "–"),
                "nieuw": display(f.nieuw, f.soort, "–"),
                "verschil": "" if not f.gewijzigd else ("+" if diff is not None and diff > 0 else "") + display(diff, f.soort, "–"),
                "procent": ""
                if not f.gewijzigd or f.procent is None
                else ("+" if f.procent > 0 else "") + money.nl_number(f.procent, 2) + "%",
            }
        )
    machine = [
        [
            Field("groep", None, groups[f.groep]),
            Field("kengetal", None, _label(f)),
            Field("soort", None, f.soort),
            Field("basis", None, f.basis, f.soort),
            Field("nieuw", None, f.nieuw, f.soort),
            Field("verschil", None, f.verschil, f.soort),
            Field("procent", None, f.procent, "pct"),
            Field("gewijzigd", None, f.gewijzigd, "bool"),
        ]
        for f in shown
    ]
    csv_rows = [
        {
            "groep": groups[f.groep],
            "kengetal": _label(f),
            "soort": f.soort,
            "basis": Cell(f.basis, f.soort),
            "nieuw": Cell(f.nieuw, f.soort),
            "verschil": Cell(f.verschil, f.soort),
            "procent": f.procent,
            "gewijzigd": f.gewijzigd,
        }
        for f in shown
    ]
    summary = f"{len(changed)} van {len(figures)} kengetallen gewijzigd" if changed else f"geen van de {len(figures)} kengetallen gewijzigd"
    valid_parts, problems = _validity(validity or [])
    notes = ["● = gewijzigd. Verschil = nieuw min basis; kengetallen die aan één kant ontbreken staan als –.", *problems]
    parts: list[Part] = [
        Field("basis", "Basis", base_dir),
        Field("nieuw", "Nieuw", head_dir),
        *inputs_parts(inputs or []),
        Field(None, "Samenvatting", summary),
        *valid_parts,
        Field("gewijzigd", None, len(changed), "int"),
        Field("totaal", None, len(figures), "int"),
        Table(None, columns, rows, formats=frozenset({DISPLAY})),
        Field("kengetallen", None, machine, "objects"),
        Table(
            None,
            [
                *(Column(k, "") for k in ("groep", "kengetal", "soort", "basis", "nieuw", "verschil")),
                Column("procent", "", "pct"),
                Column("gewijzigd", "", "bool"),
            ],
            csv_rows,
            formats=frozenset({CSV}),
        ),
    ]
    return Report("diff", "Kosteneffect van de datawijziging", parts, notes)


# --------------------------------------------------------------------------- validate

LEVELS = {"ok": "OK", "fout": "Fout", "waarschuwing": "Waarschuwing"}


def finding_message(f: Finding) -> str:
    """A finding's message: the data message, or the calibration worded from its figures."""
    if f.params is None:
        return f.message
    p = f.params
    if "bandbreedte" in p:
        return _range_message(p)
    places = p["decimalen"]
    computed = f"{money.euro(p['berekend'], 4)} → {money.euro(p['afgerond'], places)}"
    hours = " + ".join(f"{money.hours(u)} uur/maand voor {money.nl_number(n)} inwoners" for u, n in p["waarnemingen"])
    inputs = f"{hours}; uurtarief {money.euro(p['uurtarief'], 4)} (profiel {p['profiel']})"
    reported = money.euro(p["gerapporteerd"], places)
    label = f"{p['taakgebied']}, {p['pakket']}"
    if f.level == "ok":
        return f"{label}: berekend {computed}, gerapporteerd {reported} ({inputs})"
    return f"{label}: berekend {computed}, maar het rapport meldt {reported} ({p['bron']}); invoer: {inputs}"


def _range_message(p: BandOk | BandBuiten | BandReproduceertNiet) -> str:
    """A check of a declared range (``validation.range_checks``) in words."""
    if p["bandbreedte"] == "ok":
        return (
            f"uurtarief {money.euro(p['laag'])} en {money.euro(p['hoog'])} (de uitersten van het venster) en {p['alternatieven']} "
            "alternatieve profielen reproduceren het rapport; elke standaard ligt binnen zijn bandbreedte"
        )
    if p["bandbreedte"] == "buiten":
        if p["wat"] == "schaalvoordeel":
            return (
                f"het schaalvoordeel van de {p.get('uitvoerder', 'uitvoerder')} {money.pct(p['waarde'])} ligt buiten zijn "
                "eigen bandbreedte "
                f"({money.pct(p['laag'])} tot {money.pct(p['hoog'])})"
            )
        return (
            f"het standaarduurtarief {money.euro(p['waarde'], 4)} ligt buiten het venster {money.euro(p['laag'])} tot "
            f"{money.euro(p['hoog'])}"
        )
    c = p["kalibratie"]
    what = f"tariefprofiel {p['profiel']}" if p["profiel"] else f"de {'onder' if p['rand'] == 'laag' else 'boven'}grens van het venster"
    if p.get("afkappen"):
        what += " bij afkappen"
    return (
        f"{what} ({money.euro(p['uurtarief'], 4)} per uur) reproduceert het rapport niet: {c['taakgebied']}, {c['pakket']} geeft "
        f"{money.euro(c['afgerond'], c['decimalen'])} in plaats van {money.euro(c['gerapporteerd'], c['decimalen'])}"
    )


def finding_text(f: Finding) -> str:
    return located(finding_message(f), f.file, f.line, f.path)


def validate_report(result: Validation, strict: bool) -> Report:
    valid = result.valid(strict)
    lines = []
    for f in result.findings:
        level = "Fout" if (strict and f.level == "waarschuwing") else LEVELS[f.level]
        lines.append(f"{level}: [{f.check}] {finding_text(f)}")
    verdict = "geldig" if valid else "ONGELDIG"
    lines.append(
        f"Resultaat: {verdict} ({count(len(result.errors), 'fout', 'fouten')}, "
        f"{count(len(result.warnings), 'waarschuwing', 'waarschuwingen')}" + (", --strict" if strict else "") + ")"
    )
    columns = [
        Column("niveau", "Niveau"),
        Column("controle", "Controle"),
        Column("bestand", "Bestand"),
        Column("regel", "Regel", "int"),
        Column("sleutel", "Sleutel"),
        Column("melding", "Melding"),
    ]
    rows = [
        {"niveau": f.level, "controle": f.check, "bestand": f.file, "regel": f.line, "sleutel": f.path, "melding": finding_message(f)}
        for f in result.findings
    ]
    parts: list[Part] = [
        Field("data", None, result.data_dir),
        Field("geldig", None, valid, "bool"),
        Field("strikt", None, strict, "bool"),
        Field("fouten", None, len(result.errors), "int"),
        Field("waarschuwingen", None, len(result.warnings), "int"),
        Text(lines),
        Table("bevindingen", columns, rows, formats=frozenset({JSON, CSV})),
    ]
    return Report("validate", f"Controle van {result.data_dir}", parts, [])


# --------------------------------------------------------------------------- schema


def schema_report(directory: str, states: list[tuple[str, str, str]]) -> Report:
    """The JSON Schemas (of the data files, of each command's json) and whether the files in the
    folder are current; ``states``: (schema file, what it describes, state)."""
    rows = [{"schema": name, "voor": voor, "toestand": state} for name, voor, state in states]
    stale = sum(1 for _, _, state in states if state in ("verouderd", "ontbreekt"))
    summary = "alle schema's zijn actueel" if not stale else f"{stale} schema('s) niet actueel; draai 'bncost schema --write'"
    parts: list[Part] = [
        Field("map", "Map", directory),
        Field("actueel", "Toestand", not stale, "bool", text=summary),
        Table("schemas", [Column("schema", "Schema"), Column("voor", "Voor"), Column("toestand", "Toestand")], rows),
    ]
    return Report(
        "schema",
        "JSON Schema's van de databestanden en van de json-uitvoer",
        parts,
        [
            "Editors met YAML-ondersteuning valideren tijdens het typen: elk databestand begint met "
            "'# yaml-language-server: $schema=../schemas/….schema.json'.",
            "De json van elk commando (--format json) voldoet aan schemas/uitvoer/COMMANDO.schema.json; "
            "'bncost schema COMMANDO' toont het schema.",
        ],
    )
