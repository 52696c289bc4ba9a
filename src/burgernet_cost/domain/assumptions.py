"""How sure is a result: the assumptions a result rests on, each with its declared alternatives,
and the range of every money figure over them.

The space is small, so it is enumerated exactly (no sampling): every combination of the options of
every applicable assumption. An assumption applies when the user did not pin it (``--uurtarief``,
``--schaal``, … pin the rate; ``--schaalvoordeel`` pins a scale advantage; ``--schaling-beleid``
the scaling). The declarations live in the data, with their source or reason:

* the hourly rate: the calibration window (``salary_scales.yaml: uurtarief_bandbreedte``, as
  factors on today's rate so they hold at any price level) and the profiles that also reproduce the
  report (the table scenario B, another scale with allowances);
* each executor's scale advantage: ``inrichtingsmodellen.yaml: uitvoerders[…].schaalvoordeel.bandbreedte``;
* the scaling of hours per taakgebied whose scaling is an assumption: the other rule.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.codes import SCHALINGEN, Pakket, Schaalvoordelen, Status
from burgernet_cost.domain.rate import TariefKeuze, uurtarief
from burgernet_cost.domain.trace import Params, Waarde
from burgernet_cost.structs import field, replace, struct

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset


@struct
class Optie:
    """One alternative of an assumption, as data (``output/`` words it): ``soort`` is
    "uurtarief_venster" (rand, bedrag), "tariefprofiel" (profiel, naam, bedrag), "schaalvoordeel"
    (uitvoerder: its id, naam, procent) or "schaling" (taakgebied, regel)."""

    soort: str
    params: Params
    toepassen: Callable[[Variant], Variant] = field(compare=False, repr=False)

    @property
    def p(self) -> dict[str, Waarde]:
        return dict(self.params)


@struct
class Variant:
    """One way to compute: a rate choice, a scale advantage, scaling choices."""

    keuze: TariefKeuze
    schaalvoordeel: Schaalvoordelen | None
    schalingen: dict[str, str] | None
    gekozen: tuple[Optie, ...] = ()  # the non-default options taken


@struct
class Aanname:
    """An assumption a result rests on: ``id`` "uurtarief", "schaalvoordeel_<uitvoerder>" or
    "schaling_<taakgebied>"; ``standaard`` its default value (a rate, a percentage, a scaling rule)."""

    id: str
    status: Status
    bron: str
    standaard: Decimal | str  # a rate or a percentage (Decimal), a scaling rule (str)
    opties: tuple[Optie, ...]  # the alternatives (the default is not among them)
    reden: str = ""
    taakgebied: str | None = None  # the name of the taakgebied, for a scaling
    uitvoerder: str | None = None  # the name of the executor, for a scale advantage
    modellen: str = ""  # for a scale advantage: the names of the models whose executor it is ("Landelijk")
    citaat: str = ""  # what the source says in so many words ("iets lager")


@struct
class Grens:
    waarde: Decimal
    door: tuple[Optie, ...]  # the options that set this bound (none: the defaults)


@struct
class Bereik:
    laag: Grens
    midden: Decimal
    hoog: Grens


@struct
class Bandbreedte:
    aannames: tuple[Aanname, ...]
    bereik: dict[str, Bereik] = field(default_factory=dict)
    varianten: int = 0


def assumptions(
    ds: Dataset,
    keuze: TariefKeuze,
    schaalvoordeel: Schaalvoordelen | None,
    schalingen: dict[str, str] | None,
    uitvoerders: Collection[str] | None = None,
) -> list[Aanname]:
    """The assumptions that apply to a result computed with these choices, with their options.
    ``uitvoerders``: the executors whose scale advantage bears on the result (None: every one)."""
    out: list[Aanname] = []
    rate = _rate_assumption(ds, keuze)
    if rate is not None:
        out.append(rate)
    for u in ds.models.uitvoerders:
        sv = u.schaalvoordeel
        if sv is None or sv.bandbreedte is None or (schaalvoordeel and u.id in schaalvoordeel):
            continue
        if uitvoerders is not None and u.id not in uitvoerders:
            continue
        b = sv.bandbreedte

        def set_sv(executor: str, value: Decimal) -> Callable[[Variant], Variant]:
            return lambda v: replace(v, schaalvoordeel={**(v.schaalvoordeel or {}), executor: value})

        out.append(
            Aanname(
                f"schaalvoordeel_{u.id}",
                sv.status,
                sv.bron.kort(),
                sv.procent,
                tuple(
                    Optie("schaalvoordeel", (("uitvoerder", u.id), ("naam", u.naam), ("procent", x)), set_sv(u.id, x))
                    for x in (b.laag, b.hoog)
                    if x != sv.procent
                ),
                b.reden.strip(),
                uitvoerder=u.naam,
                modellen=" en ".join(m.naam for m in ds.models.modellen if u.id in m.uitvoering.values()),
                citaat=sv.bron.citaat or "",
            )
        )
    for s in ds.interviews.schalingen:
        if s.status == "gepubliceerd" or (schalingen and s.taakgebied in schalingen):
            continue
        other = next(x for x in SCHALINGEN if x != s.standaard)
        area = ds.taakgebied(s.taakgebied).naam

        def set_scaling(area_id: str, rule: str) -> Callable[[Variant], Variant]:
            return lambda v: replace(v, schalingen={**(v.schalingen or {}), area_id: rule})

        option = Optie("schaling", (("taakgebied", area), ("regel", other)), set_scaling(s.taakgebied, other))
        out.append(Aanname(f"schaling_{s.taakgebied}", s.status, s.bron.kort(), s.standaard, (option,), s.toelichting.strip(), area))
    return out


def _rate_assumption(ds: Dataset, keuze: TariefKeuze) -> Aanname | None:
    band = ds.salary.uurtarief_bandbreedte
    pinned = (
        keuze.uurtarief is not None
        or keuze.kostenbasis != "salaris"
        or keuze.schaal is not None
        or keuze.periodiek is not None
        or keuze.toeslagen is not None
        or keuze.profiel is not None
    )
    if band is None or pinned:
        return None
    central = uurtarief(ds, keuze).bedrag
    report = uurtarief(ds, TariefKeuze()).bedrag  # the window is at the report's price level; it moves with the rate

    def fixed(amount: Decimal) -> Callable[[Variant], Variant]:
        return lambda v: replace(v, keuze=TariefKeuze(uurtarief=amount))

    def profile(ident: str) -> Callable[[Variant], Variant]:
        return lambda v: replace(v, keuze=replace(v.keuze, profiel=ident))

    options = [
        Optie("uurtarief_venster", (("rand", end), ("bedrag", central * edge / report)), fixed(central * edge / report))
        for edge, end in ((band.laag, "laag"), (band.hoog, "hoog"))
    ]
    names = {p.id: p.naam for p in ds.salary.tariefprofielen}
    for ident in band.alternatieven:
        amount = uurtarief(ds, replace(keuze, profiel=ident)).bedrag
        options.append(Optie("tariefprofiel", (("profiel", ident), ("naam", names[ident]), ("bedrag", amount)), profile(ident)))
    # The window is derived from the report's results, but the rate a result uses is the default profile,
    # an assumption: the assumption carries the profile's status; its reason says what the window rests on.
    default = next(p for p in ds.salary.tariefprofielen if p.id == ds.salary.standaard_tariefprofiel)
    reason = " ".join(t.strip() for t in (band.toelichting, band.aanname or "", band.bij_afkappen.reden if band.bij_afkappen else "") if t)
    return Aanname("uurtarief", default.status, band.bron.kort(), central, tuple(options), reason)


def variants(base: Variant, aannames: Sequence[Aanname]) -> list[Variant]:
    """Every combination: for each assumption its default or one of its options."""
    choices = [[None, *a.opties] for a in aannames]
    out = []
    for combo in itertools.product(*choices):
        v = base
        taken: list[Optie] = []
        for option in combo:
            if option is not None:
                v = option.toepassen(v)
                taken.append(option)
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


@struct
class Uitslag:
    aanname: Aanname
    laag: tuple[Optie | None, dict[str, Decimal]]  # the option (None: the default) and the figures at the low end
    hoog: tuple[Optie | None, dict[str, Decimal]]

    def swing(self, key: str) -> Decimal:
        return self.hoog[1][key] - self.laag[1][key]


def sensitivity(
    base: Variant, aannames: Sequence[Aanname], evaluate: Callable[[Variant], dict[str, Decimal]], key: str, also: Sequence[str] = ()
) -> tuple[dict[str, Decimal], list[Uitslag]]:
    """One assumption at a time, over its default and options: the options that give the lowest
    and highest ``key`` (or, where ``key`` does not move, the first of ``also`` that does); sorted
    by the largest swing over ``key`` and ``also``, largest first."""
    central = evaluate(base)
    out = []
    for a in aannames:
        points: list[tuple[Optie | None, dict[str, Decimal]]] = [(None, central)]
        points += [(o, evaluate(replace(o.toepassen(base), gekozen=(o,)))) for o in a.opties]
        moving = next((k for k in (key, *also) if len({p[1][k] for p in points}) > 1), key)
        lo = min(points, key=lambda p: p[1][moving])
        hi = max(points, key=lambda p: p[1][moving])
        out.append(Uitslag(a, lo, hi))
    out.sort(key=lambda u: (-max(abs(u.swing(k)) for k in (key, *also)), u.aanname.id))
    return central, out


def default_variant(keuze: TariefKeuze | None, schaalvoordeel: Schaalvoordelen | None, schalingen: dict[str, str] | None) -> Variant:
    return Variant(keuze or TariefKeuze(), schaalvoordeel, schalingen)


def scaled_models(ds: Dataset) -> list[tuple[str, str]]:
    """(id, name) of the models whose contribution gets a scale advantage at the computed tariff."""
    from burgernet_cost.domain.compare import met_schaalvoordeel

    return [
        (m.id, m.naam)
        for m in sorted(ds.models.modellen, key=lambda m: m.nummer)
        if any(met_schaalvoordeel(ds, m, a, "berekend") for a in m.uitvoering)
    ]


def model_figures(ds: Dataset, inwoners: int, pakket: Pakket, gemeenten: int = 1) -> Callable[[Variant], dict[str, Decimal]]:
    """The figures ``gevoeligheid`` and the report follow: the year's total when the municipality
    does everything itself (gemeentelijk), the same per inhabitant, and the total of each model with
    a scale advantage (``scaled_models``, by its id)."""
    from burgernet_cost.domain.compare import compare

    scaled = [ident for ident, _ in scaled_models(ds)]

    def evaluate(v: Variant) -> dict[str, Decimal]:
        c = compare(ds, inwoners, pakket, "berekend", v.schaalvoordeel, v.keuze, schalingen=v.schalingen, gemeenten=gemeenten)
        gemeentelijk = c.model("gemeentelijk").totaal
        return {"totaal": gemeentelijk, "per_inwoner": gemeentelijk / inwoners} | {m: c.model(m).totaal for m in scaled}

    return evaluate


def model_sensitivity(
    ds: Dataset,
    inwoners: int,
    pakket: Pakket,
    keuze: TariefKeuze | None,
    schalingen: dict[str, str] | None,
    schaalvoordeel: Schaalvoordelen | None = None,
    gemeenten: int = 1,
) -> tuple[dict[str, Decimal], list[Uitslag]]:
    """One assumption at a time over ``model_figures``, largest swing (gemeentelijk or a model with a
    scale advantage) first."""
    base = default_variant(keuze, schaalvoordeel, schalingen)
    return sensitivity(
        base,
        assumptions(ds, base.keuze, schaalvoordeel, schalingen),
        model_figures(ds, inwoners, pakket, gemeenten),
        "totaal",
        tuple(ident for ident, _ in scaled_models(ds)),
    )


def model_range(
    ds: Dataset, inwoners: int, pakket: Pakket, keuze: TariefKeuze | None, schalingen: dict[str, str] | None, gemeenten: int = 1
) -> Bereik:
    """The range of the gemeentelijk total (``model_figures``) over every combination of the
    assumptions that bear on it (no scale advantage does)."""
    base = default_variant(keuze, None, schalingen)
    return ranges(
        base, assumptions(ds, base.keuze, None, schalingen, uitvoerders=()), model_figures(ds, inwoners, pakket, gemeenten)
    ).bereik["totaal"]
