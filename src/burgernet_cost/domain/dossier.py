"""What ``bncost rapport`` puts in a document: the results of estimate, compare-models and regio
for one municipality or one region, computed once, with the figures they rest on.

Nothing here formats; the HTML page and the workbook (``output/rapport_html.py``,
``output/workbook.py``) render the same ``Dossier``.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.assumptions import Bereik, Uitslag, model_range, model_sensitivity, scaled_models
from burgernet_cost.domain.codes import Pakket, Schaalvoordelen, Tarief
from burgernet_cost.domain.compare import Vergelijking, chosen_scale_advantages, compare, for_model
from burgernet_cost.domain.estimate import Herkomst, Schatting
from burgernet_cost.domain.region import Lid, Regio, region
from burgernet_cost.domain.series import Reeks, Telling, series
from burgernet_cost.structs import field, struct

if TYPE_CHECKING:
    from collections.abc import Callable

    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.member_file import Lidinvoer
    from burgernet_cost.data.municipalities import Gemeente
    from burgernet_cost.domain.rate import TariefKeuze

#: municipality sizes of the cost-against-size chart (the municipality itself is added)
SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)


@struct
class Dossier:
    onderwerp: str  # "Amersfoort", "politie-eenheid Oost-Brabant", "54.600 inwoners"
    soort: str  # "gemeente", "inwoners" or how a region was chosen (eenheid, veiligheidsregio, …)
    inwoners: int
    gemeente: Gemeente | None  # the CBS row of a municipality, or None
    pakketten: tuple[Pakket, ...]
    tarief: Tarief
    vergelijkingen: dict[Pakket, Vergelijking]  # per package: the three models (for a region: at its total inhabitants)
    regio: dict[Pakket, Regio]  # per package, for a region: the regional model per member
    grootte: tuple[tuple[int, dict[Pakket, Decimal]], ...]  # (inhabitants, total cost per package) for the size chart
    vingerafdruk: str  # of the data files the results were computed from
    gevoeligheid: tuple[Uitslag, ...] = ()  # one assumption at a time, first package, largest swing first
    reeks: Reeks | None = None  # the first package year by year
    bereik: Bereik | None = None  # the first package's gemeentelijk total over all the assumptions' combinations
    kostenbases: tuple[tuple[str, Schatting], ...] = ()  # the first package on another cost basis ("toeslagen", "integraal")
    regio_van: dict[Pakket, Regio] = field(default_factory=dict)  # a member's document (--per-gemeente): its region, per package
    schaalmodellen: tuple[tuple[str, str], ...] = ()  # (id, name) of the models whose swing ``gevoeligheid`` shows

    def als_lid(self) -> dict[Pakket, Lid]:
        """This municipality's row in its region (``regio_van``), per package."""
        return {p: next(lid for lid in r.leden if lid.naam == self.onderwerp) for p, r in self.regio_van.items()}

    @property
    def schattingen(self) -> dict[Pakket, Schatting]:
        return {p: v.schatting for p, v in self.vergelijkingen.items()}

    @property
    def is_regio(self) -> bool:
        return bool(self.regio)


def data_fingerprint(ds: Dataset) -> str:
    """A short digest of every data file (name and bytes) and the scenario applied, if any."""
    digest = hashlib.sha256()
    for path in sorted(p for p in ds.root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml", ".csv")):
        digest.update(str(path.relative_to(ds.root)).encode() + b"\0" + path.read_bytes() + b"\0")
    if ds.scenario is not None:
        digest.update(repr(ds.scenario).encode())
    return digest.hexdigest()[:12]


def dossier(
    ds: Dataset,
    onderwerp: str,
    soort: str,
    pakketten: tuple[Pakket, ...] = ("basis", "volledig"),
    inwoners: int | None = None,
    gemeente: Gemeente | None = None,
    leden: list[Lidinvoer] | None = None,
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordelen | None = None,
    keuze: TariefKeuze | None = None,
    schalingen: dict[str, str] | None = None,
    keuze_voor: Callable[[int], TariefKeuze] | None = None,
    jaren: list[int] | None = None,
    tellingen: Callable[[int], Telling | None] | None = None,
    inwoners_datum: str | None = None,
    grootte_cache: dict[tuple[int, str], Decimal] | None = None,
) -> Dossier:
    """The results for one municipality (``inwoners``, ``gemeente`` when it is a CBS municipality)
    or one region (``leden``). ``grootte_cache``: the size chart's totals already computed with the
    same choices (``rapport --per-gemeente`` shares it between the members)."""
    herkomst = None if gemeente is None else Herkomst.cbs(gemeente)
    schaalvoordeel = chosen_scale_advantages(ds, schaalvoordeel, None, tarief)
    regios: dict[Pakket, Regio] = {}
    if leden:
        for p in pakketten:
            regios[p] = region(
                ds,
                onderwerp,
                leden,
                "regionaal",
                p,
                tarief,
                for_model(ds, schaalvoordeel, "regionaal"),
                keuze,
                soort=soort,
                schalingen=schalingen,
                inwoners_datum=inwoners_datum,
            )
        inwoners = sum(lid.inwoners for lid in leden)
    if inwoners is None:
        raise ValueError("inwoners or leden")
    k = len(leden) if leden else 1  # a region is the sum of its members (DOMAIN.md §11)
    vergelijkingen = {
        p: compare(ds, inwoners, p, tarief, schaalvoordeel, keuze, herkomst=herkomst, schalingen=schalingen, gemeenten=k) for p in pakketten
    }
    points = sorted({*SIZES, inwoners} if not leden else {*(lid.inwoners for lid in leden)})
    cache = grootte_cache if grootte_cache is not None else {}
    for p in pakketten:
        cache[(inwoners, p)] = vergelijkingen[p].model("gemeentelijk").totaal
        for n in points:
            if (n, p) not in cache:
                cache[(n, p)] = compare(ds, n, p, tarief, schaalvoordeel, keuze, schalingen=schalingen).model("gemeentelijk").totaal
    grootte = tuple((n, {p: cache[(n, p)] for p in pakketten}) for n in points)
    _central, swings = model_sensitivity(ds, inwoners, pakketten[0], keuze, schalingen, schaalvoordeel, gemeenten=k)
    bereik = model_range(ds, inwoners, pakketten[0], keuze, schalingen, gemeenten=k)
    reeks = None
    if keuze_voor is not None and jaren:
        reeks = series(
            ds,
            onderwerp,
            jaren,
            pakketten[0],
            keuze_voor,
            tellingen=tellingen,
            inwoners=None if tellingen else inwoners,
            schalingen=schalingen,
        )
    return Dossier(
        onderwerp,
        soort,
        inwoners,
        gemeente,
        pakketten,
        tarief,
        vergelijkingen,
        regios,
        grootte,
        data_fingerprint(ds),
        tuple(swings),
        reeks,
        bereik,
        cost_bases(ds, inwoners, pakketten[0], keuze, schalingen, k),
        schaalmodellen=tuple(scaled_models(ds)),
    )


def cost_bases(
    ds: Dataset, inwoners: int, pakket: Pakket, keuze: TariefKeuze | None, schalingen: dict[str, str] | None, gemeenten: int = 1
) -> tuple[tuple[str, Schatting], ...]:
    """The estimate on the other cost bases the data knows: the salary with every surcharge
    (``--toeslagen alle``) and the integral cost of a year (``--kostenbasis integraal``). Empty when
    the rate is given directly or already on such a basis."""
    from burgernet_cost.domain.estimate import estimate
    from burgernet_cost.domain.rate import TariefKeuze
    from burgernet_cost.errors import BncostError
    from burgernet_cost.structs import replace

    base = keuze or TariefKeuze()
    if base.uurtarief is not None or base.kostenbasis != "salaris" or base.toeslagen:
        return ()
    out = []
    for label, k in (
        ("toeslagen", replace(base, toeslagen=("alle",))),
        ("integraal", TariefKeuze(profiel=base.profiel, schaal=base.schaal, kostenbasis="integraal")),
    ):
        try:
            out.append((label, estimate(ds, inwoners, pakket, k, schalingen=schalingen, gemeenten=gemeenten)))
        except BncostError:  # the data has no such basis for this choice: left out, the page says what it shows
            continue
    return tuple(out)
