"""How sure is a result: the assumptions a result rests on, each with its declared alternatives,
and the range of every money figure over them.

The space is small, so it is enumerated exactly (no sampling): every combination of the options of
every applicable assumption. An assumption applies when the user did not pin it (``--uurtarief``,
``--schaal``, … pin the rate; ``--schaalvoordeel`` pins the scale advantage; ``--schaling-beleid``
the scaling). The declarations live in the data, with their source or reason:

* the hourly rate: the calibration window (``salary_scales.yaml: uurtarief_bandbreedte``, as
  factors on today's rate so they hold at any price level) and the profiles that also reproduce the
  report (the table scenario B, another scale with allowances);
* the landelijk scale advantage: ``inrichtingsmodellen.yaml: schaalvoordeel_landelijk.bandbreedte``;
* the scaling of hours per taakgebied whose scaling is an assumption: the other rule.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.estimate import SCHALINGEN
from burgernet_cost.domain.rate import TariefKeuze, uurtarief

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset


@dataclass(frozen=True)
class Variant:
    """One way to compute: a rate choice, a scale advantage, scaling choices."""

    keuze: TariefKeuze
    schaalvoordeel: Decimal | None
    schalingen: dict[str, str] | None
    gekozen: tuple[str, ...] = ()  # the non-default options taken, in words


@dataclass(frozen=True)
class Optie:
    naam: str  # "€ 22,07 per uur (ondergrens kalibratie)"
    waarde: str  # the value in words, for the table
    toepassen: Callable[[Variant], Variant]


@dataclass(frozen=True)
class Aanname:
    id: str
    naam: str
    status: str
    bron: str
    standaard: str  # the default in words
    opties: tuple[Optie, ...]  # the alternatives (the default is not among them)
    reden: str = ""


@dataclass(frozen=True)
class Grens:
    waarde: Decimal
    door: tuple[str, ...]  # the options that set this bound ("standaard" when none)


@dataclass(frozen=True)
class Bereik:
    laag: Grens
    midden: Decimal
    hoog: Grens


@dataclass(frozen=True)
class Bandbreedte:
    aannames: tuple[Aanname, ...]
    bereik: dict[str, Bereik] = field(default_factory=dict)
    varianten: int = 0


def euro_text(value: Decimal, places: int = 2) -> str:
    """Dutch amount for option names (the domain does not import the output layer)."""
    text = f"{value:,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def assumptions(ds: Dataset, keuze: TariefKeuze, schaalvoordeel: Decimal | None, schalingen: dict[str, str] | None,
                model_landelijk: bool = True) -> list[Aanname]:
    """The assumptions that apply to a result computed with these choices, with their options."""
    out: list[Aanname] = []
    rate = _rate_assumption(ds, keuze)
    if rate is not None:
        out.append(rate)
    sv = ds.models.schaalvoordeel_landelijk
    if model_landelijk and schaalvoordeel is None and sv.bandbreedte is not None:
        b = sv.bandbreedte

        def set_sv(value: Decimal) -> Callable[[Variant], Variant]:
            return lambda v: replace(v, schaalvoordeel=value)

        out.append(Aanname("schaalvoordeel", "Schaalvoordeel landelijk", sv.status, sv.bron.kort(), f"{sv.procent}%",
                           tuple(Optie(f"schaalvoordeel {x}%", f"{x}%", set_sv(x)) for x in (b.laag, b.hoog) if x != sv.procent),
                           b.reden.strip()))
    for s in ds.interviews.schalingen:
        if s.status == "gepubliceerd" or (schalingen and s.taakgebied in schalingen):
            continue
        other = next(x for x in SCHALINGEN if x != s.standaard)
        area = ds.taakgebied(s.taakgebied).naam.lower()

        def set_scaling(area_id: str, rule: str) -> Callable[[Variant], Variant]:
            return lambda v: replace(v, schalingen={**(v.schalingen or {}), area_id: rule})

        out.append(Aanname(f"schaling_{s.taakgebied}", f"Schaling {area}", s.status, s.bron.kort(), s.standaard.replace("_", " "),
                           (Optie(f"{area} {other.replace('_', ' ')}", other.replace("_", " "), set_scaling(s.taakgebied, other)),),
                           s.toelichting.strip()))
    return out


def _rate_assumption(ds: Dataset, keuze: TariefKeuze) -> Aanname | None:
    band = ds.salary.uurtarief_bandbreedte
    pinned = (keuze.uurtarief is not None or keuze.kostenbasis != "salaris" or keuze.schaal is not None
              or keuze.periodiek is not None or keuze.toeslagen is not None or keuze.profiel is not None)
    if band is None or pinned:
        return None
    central = uurtarief(ds, keuze).bedrag
    report = uurtarief(ds, TariefKeuze()).bedrag  # the window is at the report's price level

    def fixed(amount: Decimal) -> Callable[[Variant], Variant]:
        return lambda v: replace(v, keuze=TariefKeuze(uurtarief=amount))

    def profile(ident: str) -> Callable[[Variant], Variant]:
        return lambda v: replace(v, keuze=replace(v.keuze, profiel=ident))

    options = [Optie(f"uurtarief {euro_text(central * edge / report)} ({what} kalibratie)",
                     euro_text(central * edge / report, 4), fixed(central * edge / report))
               for edge, what in ((band.laag, "ondergrens"), (band.hoog, "bovengrens"))]
    names = {p.id: p for p in ds.salary.tariefprofielen}
    for ident in band.alternatieven:
        amount = uurtarief(ds, replace(keuze, profiel=ident)).bedrag
        options.append(Optie(f"profiel {ident} ({euro_text(amount)})", f"{names[ident].naam}: {euro_text(amount, 4)}",
                             profile(ident)))
    return Aanname("uurtarief", "Uurtarief (schaal, periodiek, tabel)", band.status, band.bron.kort(), euro_text(central, 4),
                   tuple(options), band.toelichting.strip())


def variants(base: Variant, aannames: Sequence[Aanname]) -> list[Variant]:
    """Every combination: for each assumption its default or one of its options."""
    choices = [[None, *a.opties] for a in aannames]
    out = []
    for combo in itertools.product(*choices):
        v = base
        taken = []
        for option in combo:
            if option is not None:
                v = option.toepassen(v)
                taken.append(option.naam)
        out.append(replace(v, gekozen=tuple(taken)))
    return out


def ranges(base: Variant, aannames: Sequence[Aanname], evaluate: Callable[[Variant], dict[str, Decimal]]) -> Bandbreedte:
    """Low, central and high of every figure ``evaluate`` returns, over all combinations."""
    central = evaluate(base)
    low: dict[str, Grens] = {k: Grens(v, ()) for k, v in central.items()}
    high: dict[str, Grens] = dict(low)
    all_variants = variants(base, aannames)
    for v in all_variants[1:]:
        values = evaluate(v)
        for key, value in values.items():
            if key not in low:
                continue
            if value < low[key].waarde:
                low[key] = Grens(value, v.gekozen)
            if value > high[key].waarde:
                high[key] = Grens(value, v.gekozen)
    return Bandbreedte(tuple(aannames), {k: Bereik(low[k], central[k], high[k]) for k in central}, len(all_variants))


@dataclass(frozen=True)
class Uitslag:
    aanname: Aanname
    laag: tuple[str, dict[str, Decimal]]  # the option and the figures at the low end
    hoog: tuple[str, dict[str, Decimal]]

    def swing(self, key: str) -> Decimal:
        return self.hoog[1][key] - self.laag[1][key]


def sensitivity(base: Variant, aannames: Sequence[Aanname], evaluate: Callable[[Variant], dict[str, Decimal]],
                key: str, also: Sequence[str] = ()) -> tuple[dict[str, Decimal], list[Uitslag]]:
    """One assumption at a time, over its default and options: the options that give the lowest
    and highest ``key`` (or, where ``key`` does not move, the first of ``also`` that does); sorted
    by the largest swing over ``key`` and ``also``, largest first."""
    central = evaluate(base)
    out = []
    for a in aannames:
        points: list[tuple[str, dict[str, Decimal]]] = [(f"standaard ({a.standaard})", central)]
        points += [(o.naam, evaluate(replace(o.toepassen(base), gekozen=(o.naam,)))) for o in a.opties]
        moving = next((k for k in (key, *also) if len({p[1][k] for p in points}) > 1), key)
        lo = min(points, key=lambda p: p[1][moving])
        hi = max(points, key=lambda p: p[1][moving])
        out.append(Uitslag(a, lo, hi))
    out.sort(key=lambda u: (-max(abs(u.swing(k)) for k in (key, *also)), u.aanname.id))
    return central, out


def default_variant(keuze: TariefKeuze | None, schaalvoordeel: Decimal | None, schalingen: dict[str, str] | None) -> Variant:
    return Variant(keuze or TariefKeuze(), schaalvoordeel, schalingen)

