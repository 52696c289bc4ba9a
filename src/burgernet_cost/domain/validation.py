"""``bncost validate``: every check of a data directory as findings (schema, references,
municipality tables, calibration on the report, warnings)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Literal, NamedTuple

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import INTERVIEWS_FILE, MODELS_FILE, SALARY_FILE, by_file
from burgernet_cost.domain.calibration import Finding, _calibrate, calibration, calibration_failures, recompute
from burgernet_cost.domain.codes import Pad
from burgernet_cost.errors import DataError
from burgernet_cost.structs import field, struct

#: a warning of ``data_warnings``: check, file, key path, message
Warn = Callable[[str, str, Pad, str], None]


@struct(frozen=False)
class Validation:
    data_dir: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "fout"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "waarschuwing"]

    def valid(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def _finding(level: Literal["fout", "waarschuwing", "ok"], check: str, error: DataError) -> Finding:
    return Finding(level, check, error.message, error.file, error.line, error.path)


def validate(data_dir: Path | str | None = None, today: str | None = None) -> Validation:
    """Every check of ``bncost validate``: schema, references, calibration, warnings."""
    import datetime as dt

    from burgernet_cost.data.loading import DATA_FILES, load_dataset
    from burgernet_cost.data.reading import display_path, resolve_data_dir
    from burgernet_cost.errors import DataErrors

    root = resolve_data_dir(data_dir)
    result = Validation(display_path(root))
    try:
        ds = load_dataset(root, use_cache=False)
    except DataErrors as exc:
        broken = {e.file for e in exc.errors} if exc.stage == "schema" else set()
        result.findings += [
            Finding("ok", "schema", f"{name} voldoet aan het schema") for name in DATA_FILES if display_path(root / name) not in broken
        ]
        result.findings += [_finding("fout", exc.stage, e) for e in exc.errors]
        return result
    result.findings += [Finding("ok", "schema", f"{name} voldoet aan het schema") for name in DATA_FILES]
    result.findings.append(Finding("ok", "verwijzingen", "alle verwijzingen tussen de bestanden kloppen"))
    from burgernet_cost.data.municipalities import load_municipalities

    try:
        gm = load_municipalities(root)
        counts = ", ".join(f"{len(gm.per_jaar[j])} in {j}" for j in sorted(gm.per_jaar, reverse=True))
        result.findings.append(Finding("ok", "gemeenten", f"gemeenten: {counts}; codes, inwoners en totalen kloppen"))
        if gm.meta.bevolkingsreeks is not None:
            try:
                reeks = gm.bevolkingsreeks()
                from burgernet_cost.domain.consistency import series_against_tables

                result.findings += [Finding("fout", "samenhang", *p) for p in series_against_tables(gm, reeks)] or [
                    Finding("ok", "gemeenten", f"bevolkingsreeks: {reeks.jaren[0]}–{reeks.jaren[-1]}; totalen en tabellen kloppen")
                ]
                for year in gm.jaren:  # every year's municipalities and regions, from the series and the mergers
                    gm.lijst(year)
                merged = gm.herindelingen()
                if merged is not None:
                    result.findings.append(
                        Finding(
                            "ok",
                            "gemeenten",
                            f"{len(merged.regels)} herindelingsregels kloppen met de reeks; elk jaar heeft zijn gemeenten met hun regio's",
                        )
                    )
            except DataErrors as exc:
                result.findings += [_finding("fout", "gemeenten", e) for e in exc.errors]
            except DataError as exc:
                result.findings.append(_finding("fout", "gemeenten", exc))
    except DataErrors as exc:
        result.findings += [_finding("fout", "gemeenten", e) for e in exc.errors]
    except DataError as exc:
        result.findings.append(_finding("fout", "gemeenten", exc))
    result.findings += calibration(ds)
    result.findings += range_checks(ds)
    from burgernet_cost.domain import consistency

    today = today or dt.date.today().isoformat()
    problems = [Finding("fout", "samenhang", *p) for p in consistency.problems(ds, today)]
    result.findings += problems or [Finding("ok", "samenhang", "citaten, uren per week en per maand, data en volgordes kloppen")]
    result.findings += data_warnings(ds, today)
    return result


def range_checks(ds: Dataset) -> list[Finding]:
    """Every declared range holds its default, and every alternative that claims to reproduce the
    report (the ends of the rate window, the alternative profiles) still calibrates."""
    from burgernet_cost.data.reading import format_key_path
    from burgernet_cost.domain.rate import TariefKeuze, uurtarief

    findings: list[Finding] = []
    SALARY_FILE, MODELS_FILE = "salary_scales.yaml", "inrichtingsmodellen.yaml"
    for n, u in enumerate(ds.models.uitvoerders):
        sv = u.schaalvoordeel
        if sv is None or sv.bandbreedte is None or sv.bandbreedte.laag <= sv.procent <= sv.bandbreedte.hoog:
            continue
        findings.append(
            Finding(
                "fout",
                "bandbreedte",
                "",
                ds.file(MODELS_FILE),
                ds.lines[MODELS_FILE].line_of(("uitvoerders", n, "schaalvoordeel", "bandbreedte")),
                format_key_path(("uitvoerders", n, "schaalvoordeel", "bandbreedte")),
                {
                    "bandbreedte": "buiten",
                    "wat": "schaalvoordeel",
                    "uitvoerder": u.naam,
                    "waarde": sv.procent,
                    "laag": sv.bandbreedte.laag,
                    "hoog": sv.bandbreedte.hoog,
                },
            )
        )
    band = ds.salary.uurtarief_bandbreedte
    if band is None:
        return findings
    profile = ds.interviews.salarisbasis.tariefprofiel
    rate = uurtarief(ds, TariefKeuze(profiel=profile)).bedrag
    where = (ds.file(SALARY_FILE), ds.lines[SALARY_FILE].line_of(("uurtarief_bandbreedte",)), "uurtarief_bandbreedte")
    if not band.laag <= rate <= band.hoog:
        findings.append(
            Finding(
                "fout",
                "bandbreedte",
                "",
                *where,
                {"bandbreedte": "buiten", "wat": "uurtarief", "waarde": rate, "laag": band.laag, "hoog": band.hoog},
            )
        )
    claims = [
        _Claim(band.laag, None, "laag", ("uurtarief_bandbreedte", "laag")),
        _Claim(band.hoog, None, "hoog", ("uurtarief_bandbreedte", "hoog")),
    ]
    claims += [
        _Claim(uurtarief(ds, TariefKeuze(profiel=ident)).bedrag, ident, None, ("uurtarief_bandbreedte", "alternatieven", k))
        for k, ident in enumerate(band.alternatieven)
    ]
    if band.bij_afkappen is not None:  # the alternative window: the report truncated instead of rounding half up
        claims += [
            _Claim(band.bij_afkappen.laag, None, "laag", ("uurtarief_bandbreedte", "bij_afkappen", "laag"), afkappen=True),
            _Claim(band.bij_afkappen.hoog, None, "hoog", ("uurtarief_bandbreedte", "bij_afkappen", "hoog"), afkappen=True),
        ]
    for claim in claims:
        failed = [
            r
            for r in recompute(ds, claim.bedrag, claim.profiel or claim.rand or "", truncate=claim.afkappen)
            if r["afgerond"] != r["gerapporteerd"]
        ]
        if failed:
            findings.append(
                Finding(
                    "fout",
                    "bandbreedte",
                    "",
                    ds.file(SALARY_FILE),
                    ds.lines[SALARY_FILE].line_of(claim.pad),
                    format_key_path(claim.pad),
                    {
                        "bandbreedte": "reproduceert_niet",
                        "uurtarief": claim.bedrag,
                        "profiel": claim.profiel,
                        "rand": claim.rand,
                        "afkappen": claim.afkappen,
                        "kalibratie": failed[0],
                    },
                )
            )
    if not findings:
        findings.append(
            Finding(
                "ok",
                "bandbreedte",
                "",
                params={"bandbreedte": "ok", "laag": band.laag, "hoog": band.hoog, "alternatieven": len(band.alternatieven)},
            )
        )
    return findings


class _Claim(NamedTuple):
    """A rate that claims to reproduce the report: an end of the window (``rand``) or a profile."""

    bedrag: Decimal
    profiel: str | None
    rand: str | None
    pad: Pad
    afkappen: bool = False


STALE_YEARS = 3


def data_warnings(ds: Dataset, today: str) -> list[Finding]:
    """Things that are allowed but deserve a look; ``--strict`` makes them errors."""
    findings = []
    prof_n, prof = next((n, p) for n, p in enumerate(ds.salary.tariefprofielen) if p.id == ds.salary.standaard_tariefprofiel)
    table_n, table = next((n, t) for n, t in enumerate(ds.salary.tabellen) if t.id == prof.tabel)

    def warn(check: str, file: str, path: Pad, message: str) -> None:
        from burgernet_cost.data.reading import format_key_path

        findings.append(Finding("waarschuwing", check, message, ds.file(file), ds.lines[file].line_of(path), format_key_path(path)))

    if table.status != "gepubliceerd":
        warn(
            "status",
            SALARY_FILE,
            ("tabellen", table_n),
            f"het standaardprofiel '{prof.id}' gebruikt een {table.status}e tabel ({table.naam})",
        )
    if prof.status == "aanname":
        warn("status", SALARY_FILE, ("tariefprofielen", prof_n), f"het standaardprofiel '{prof.id}' is een aanname")
    for n, u in enumerate(ds.models.uitvoerders):
        if u.schaalvoordeel is not None and u.schaalvoordeel.status == "aanname":
            warn(
                "status",
                MODELS_FILE,
                ("uitvoerders", n, "schaalvoordeel"),
                f"het schaalvoordeel van de {u.naam} ({u.schaalvoordeel.procent}%) is een aanname (compare-models meldt dit)",
            )
    for n, w in enumerate(ds.interviews.waarnemingen):
        if w.meegewogen and w.status != "gepubliceerd":
            warn("status", INTERVIEWS_FILE, ("waarnemingen", n), f"waarneming '{w.id}' telt mee met status '{w.status}'")
        if not w.meegewogen:
            warn("status", INTERVIEWS_FILE, ("waarnemingen", n), f"waarneming '{w.id}' telt niet mee (meegewogen: false)")
    for n, step in enumerate(ds.salary.cao_verhogingen):
        if step.status == "aanname":
            warn("status", SALARY_FILE, ("cao_verhogingen", n), f"cao-stap van {step.datum} is een aanname")
    _stale_sources(ds, today, warn)
    return findings


def _stale_sources(ds: Dataset, today: str, warn: Warn) -> None:
    """Warn (through ``warn``) about sources with a 'geraadpleegd' date more than STALE_YEARS ago."""
    from burgernet_cost.data.record_base import Record
    from burgernet_cost.data.record_types.files import Bron

    limit = f"{int(today[:4]) - STALE_YEARS}{today[4:]}"
    files = by_file(ds)

    def walk(value: object, path: Pad, file: str) -> None:
        if isinstance(value, Bron):
            if value.geraadpleegd and value.geraadpleegd < limit:
                warn(
                    "bronnen",
                    file,
                    path,
                    f"bron voor het laatst geraadpleegd op {value.geraadpleegd} (langer dan {STALE_YEARS} jaar geleden)",
                )
            return
        if isinstance(value, Record):
            for key in value.field_names:
                walk(value.field(key), path + (key,), file)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,), file)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,), file)

    for file, model in files.items():
        walk(model, (), file)


__all__ = ["Finding", "Validation", "_calibrate", "calibration", "calibration_failures", "range_checks", "validate"]
