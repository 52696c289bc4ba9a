"""Calibration on the report: does the data (its observations and rate profile) still reproduce the
results the report publishes (€ 0,03 and € 0,07)? Every command asks this on every run, so it lives
apart from the rest of ``validate`` (which imports much more)."""

from __future__ import annotations

from typing import Any

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import INTERVIEWS_FILE
from burgernet_cost.structs import struct


@struct(frozen=False)
class Finding:
    level: str  # "fout" or "waarschuwing" or "ok"
    check: str  # schema, verwijzingen, kalibratie, bronnen, …
    message: str  # a data message; empty where ``params`` carry a calibration (worded in output/)
    file: str | None = None
    line: int | None = None
    path: str | None = None
    params: dict[str, Any] | None = None


def calibration(ds: Dataset) -> list[Finding]:
    """The report's own observations and rate profile must reproduce its reported results."""
    from burgernet_cost.domain.rate import TariefKeuze, uurtarief

    profile = ds.interviews.salarisbasis.tariefprofiel
    return _calibrate(ds, uurtarief(ds, TariefKeuze(profiel=profile)).bedrag, profile)


def _calibrate(ds: Dataset, rate: Any, profile: str, truncate: bool = False) -> list[Finding]:
    from decimal import ROUND_DOWN, Decimal

    from burgernet_cost.domain.estimate import components
    from burgernet_cost.domain.formulas import FORMULES as F
    from burgernet_cost.domain.rounding import quantize

    findings = []
    months = ds.salary.uurloon.maanden_per_jaar
    observations = {w.id: w for w in ds.interviews.waarnemingen}
    for n, u in enumerate(ds.interviews.gerapporteerde_uitkomsten):
        used = [observations[i] for i in u.waarnemingen]
        hours, size = Decimal(0), 0
        for pakket in components(u.pakket):  # the formulas of estimate, over the observations the report used
            part = [w for w in used if w.pakket == pakket]
            if part:
                size = size or sum(w.inwoners for w in part)
                hours += F["uren_per_maand.pakket"].evaluate(
                    {
                        "som_uren": sum((w.uren_per_maand for w in part), Decimal(0)),
                        "som_inwoners": sum(w.inwoners for w in part),
                        "inwoners": size,
                    }
                )
        kosten = F["kosten_per_jaar"].evaluate({"maanden": months, "uren": hours, "uurtarief": rate})
        per_inwoner = F["per_inwoner"].evaluate({"kosten": kosten, "inwoners": size or 1})
        places = max(0, -u.afgerond_op.as_tuple().exponent)  # type: ignore[operator]
        rounded = per_inwoner.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN) if truncate else quantize(per_inwoner, places)
        params = {
            "taakgebied": u.taakgebied,
            "pakket": u.pakket,
            "berekend": per_inwoner,
            "afgerond": rounded,
            "decimalen": places,
            "gerapporteerd": u.euro_per_inwoner_per_jaar,
            "bron": u.bron.kort(),
            "waarnemingen": [(w.uren_per_maand, w.inwoners) for w in used],
            "uurtarief": rate,
            "profiel": profile,
        }
        if rounded == u.euro_per_inwoner_per_jaar:
            findings.append(Finding("ok", "kalibratie", "", params=params))
        else:
            findings.append(
                Finding(
                    "fout",
                    "kalibratie",
                    "",
                    ds.file(INTERVIEWS_FILE),
                    ds.lines[INTERVIEWS_FILE].line_of(("gerapporteerde_uitkomsten", n)),
                    f"gerapporteerde_uitkomsten[{n}]",
                    params=params,
                )
            )
    return findings


def calibration_failures(ds: Dataset) -> list[dict[str, Any]]:
    """The reported results this data no longer reproduces (empty when it does): what every result
    on this data must say in its first lines."""
    try:
        return [f.params or {} for f in calibration(ds) if f.level == "fout"]
    except Exception:  # noqa: BLE001 - a profile the data cannot compute: validate says why
        return [{}]
