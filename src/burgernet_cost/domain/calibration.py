"""Calibration on the report: does the data (its observations and rate profile) still reproduce the
results the report publishes (€ 0,03 and € 0,07)? Every command asks this on every run, so it lives
apart from the rest of ``validate`` (which imports much more)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NotRequired, TypedDict, final

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import INTERVIEWS_FILE
from burgernet_cost.domain.codes import Pakket
from burgernet_cost.structs import struct


@final  # final: ``"bandbreedte" in params`` tells the kinds apart (mypy narrows on it)
class Kalibratie(TypedDict):
    """One reported result recomputed: what ``output/`` words as a calibration finding."""

    taakgebied: str
    pakket: Pakket
    berekend: Decimal
    afgerond: Decimal
    decimalen: int
    gerapporteerd: Decimal
    bron: str
    waarnemingen: list[tuple[Decimal, int]]  # (hours per month, inhabitants) of each observation used
    uurtarief: Decimal
    profiel: str


@final
class Onberekenbaar(TypedDict):
    """Calibration could not compute at all (a profile the data cannot compute: ``validate`` says why)."""


@final
class BandOk(TypedDict):
    bandbreedte: Literal["ok"]
    laag: Decimal
    hoog: Decimal
    alternatieven: int


@final
class BandBuiten(TypedDict):
    """A default (the rate, the scale advantage) outside its own declared range."""

    bandbreedte: Literal["buiten"]
    wat: Literal["uurtarief", "schaalvoordeel"]
    waarde: Decimal
    laag: Decimal
    hoog: Decimal
    uitvoerder: NotRequired[str]  # whose scale advantage


@final
class BandReproduceertNiet(TypedDict):
    """An alternative that claims to reproduce the report (an end of the window, a profile) but does not."""

    bandbreedte: Literal["reproduceert_niet"]
    uurtarief: Decimal
    profiel: str | None
    rand: str | None  # "laag" or "hoog" for an end of the window
    afkappen: bool
    kalibratie: Kalibratie


Bevinding = Kalibratie | BandOk | BandBuiten | BandReproduceertNiet


@struct(frozen=False)
class Finding:
    level: Literal["fout", "waarschuwing", "ok"]
    check: str  # schema, verwijzingen, kalibratie, bronnen, …
    message: str  # a data message; empty where ``params`` carry a calibration (worded in output/)
    file: str | None = None
    line: int | None = None
    path: str | None = None
    params: Bevinding | None = None


def calibration(ds: Dataset) -> list[Finding]:
    """The report's own observations and rate profile must reproduce its reported results."""
    from burgernet_cost.domain.rate import TariefKeuze, uurtarief

    profile = ds.interviews.salarisbasis.tariefprofiel
    return _calibrate(ds, uurtarief(ds, TariefKeuze(profiel=profile)).bedrag, profile)


def _calibrate(ds: Dataset, rate: Decimal, profile: str, truncate: bool = False) -> list[Finding]:
    """Each reported result recomputed with ``rate`` as a finding (``truncate``: cut off instead of rounding half up)."""
    findings = []
    for n, params in enumerate(recompute(ds, rate, profile, truncate)):
        if params["afgerond"] == params["gerapporteerd"]:
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


def recompute(ds: Dataset, rate: Decimal, profile: str, truncate: bool = False) -> list[Kalibratie]:
    """Every reported result (``gerapporteerde_uitkomsten``, in order) recomputed with ``rate``."""
    from decimal import ROUND_DOWN

    from burgernet_cost.domain.estimate import components
    from burgernet_cost.domain.formulas import FORMULES as F
    from burgernet_cost.domain.rounding import quantize

    out: list[Kalibratie] = []
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
        exponent = u.afgerond_op.as_tuple().exponent
        if not isinstance(exponent, int):  # the model admits only finite positive amounts
            raise ValueError(f"gerapporteerde_uitkomsten[{n}].afgerond_op is no finite number")
        places = max(0, -exponent)
        rounded = per_inwoner.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN) if truncate else quantize(per_inwoner, places)
        out.append(
            {
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
        )
    return out


@struct
class Kalibratiestand:
    """Whether the data of a result still reproduces the report's results: what the result must say in
    its first lines when not. It travels with the result to where it is shown (no module state)."""

    mislukt: tuple[Kalibratie | Onberekenbaar, ...] = ()
    scenario: bool = False  # a scenario or --set made the data differ from its files

    def __bool__(self) -> bool:
        return bool(self.mislukt)


def calibration_state(ds: Dataset) -> Kalibratiestand:
    """The calibration of this data set, as a result carries it."""
    return Kalibratiestand(tuple(calibration_failures(ds)), ds.scenario is not None)


def calibration_failures(ds: Dataset) -> list[Kalibratie | Onberekenbaar]:
    """The reported results this data no longer reproduces (empty when it does): what every result
    on this data must say in its first lines."""
    from burgernet_cost.domain.rate import TariefKeuze, uurtarief

    try:
        profile = ds.interviews.salarisbasis.tariefprofiel
        results = recompute(ds, uurtarief(ds, TariefKeuze(profiel=profile)).bedrag, profile)
    except Exception:  # a profile the data cannot compute: validate says why
        return [Onberekenbaar()]
    return [r for r in results if r["afgerond"] != r["gerapporteerd"]]
