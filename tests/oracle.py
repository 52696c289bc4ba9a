"""Expectations read from the data, for tests that are not about reproducing the report.

A test that pins a figure bncost computes (a cost, an hourly rate, fte) takes its expectation from
here: the data's own records, combined by the report's arithmetic written out once more, plainly
(DOMAIN.md §4-5), independent of bncost's formula tree. Changing a data fact (say
``uurloon.uren_per_maand``) then changes no test code (issue 26; ``tests/test_data_facts.py``).
The tests that pin the report's reproduction (342 h -> € 0,03, 761 h -> € 0,07) read the reported
results from the data too, and stay as they are.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any


def profile(ds, ident: str | None = None):
    """The rate profile (default: the data's standard profile)."""
    ident = ident or ds.salary.standaard_tariefprofiel
    return next(p for p in ds.salary.tariefprofielen if p.id == ident)


def monthly_salary(ds, ident: str | None = None) -> Decimal:
    """The monthly salary of a profile without allowances: its table's cell (scale, step)."""
    p = profile(ds, ident)
    table = next(t for t in ds.salary.tabellen if t.id == p.tabel)
    return table.schalen[p.schaal][p.periodiek]


def rate(ds, salary: Decimal | None = None) -> Decimal:
    """Hourly rate: monthly salary / hours per month (CAR art. 1:1), unrounded."""
    return (monthly_salary(ds) if salary is None else salary) / ds.salary.uurloon.uren_per_maand


def intensity(ds, taakgebied: str, pakket: str) -> Decimal:
    """Pooled hours per inhabitant per month of the weighed-in observations (volledig = basis + aanvullend)."""
    parts = ("basis", "aanvullend") if pakket == "volledig" else (pakket,)
    total = Decimal(0)
    for part in parts:
        obs = [w for w in ds.interviews.waarnemingen if w.taakgebied == taakgebied and w.pakket == part and w.meegewogen]
        total += sum((w.uren_per_maand for w in obs), Decimal(0)) / sum(w.inwoners for w in obs)
    return total


def hours(ds, taakgebied: str, pakket: str, inwoners: int) -> Decimal:
    return intensity(ds, taakgebied, pakket) * inwoners


def fte(ds, hours_per_month: Decimal) -> Decimal:
    return hours_per_month / ds.salary.uurloon.uren_per_maand


def cost(ds, hours_per_month: Decimal, hourly: Decimal | None = None) -> Decimal:
    """Cost per year: months x hours per month x hourly rate."""
    return ds.salary.uurloon.maanden_per_jaar * hours_per_month * (rate(ds) if hourly is None else hourly)


def rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def nl(value: Decimal, places: int = 2) -> str:
    """A number as bncost displays it: 1.780,62."""
    text = f"{rounded(value, places):,.{places}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def euro(value: Decimal, places: int = 2) -> str:
    return ("-€ " if value < 0 else "€ ") + nl(abs(value), places)


def plain(value: Decimal) -> str:
    """A figure from the data as the explanation shows it: no trailing zeros, Dutch separators (156; 162,5; 3.858)."""
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + fraction if fraction else "")


def scale_advantage(ds: Any, model: str) -> Any:
    """The data's scale advantage of the executor that performs relatiebeheer and communicatie in
    ``model`` (with ``naam``: the executor's name, and ``procent``)."""
    m = next(m for m in ds.models.modellen if m.id == model)
    u = next(u for u in ds.models.uitvoerders if u.id == m.uitvoering["relatiebeheer_communicatie"])
    assert u.schaalvoordeel is not None
    from types import SimpleNamespace

    return SimpleNamespace(naam=u.naam, procent=u.schaalvoordeel.procent, data=u.schaalvoordeel)
