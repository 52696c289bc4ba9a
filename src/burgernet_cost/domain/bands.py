"""``--bandbreedte``: a result evaluated over every combination of the assumptions' alternatives
(``domain/assumptions.py``), as ranges by figure id; ``output/views/ranges.py`` words them.

Figure ids: estimate ``<taakgebied>.kosten`` and ``<taakgebied>.per_inwoner`` (``totaal`` too);
compare-models ``<pakket>.<model>.totaal`` and ``.bijdrage``; regio ``budget``, ``tarief``,
``uitvoerder_kosten`` and per member ``lid.<code>``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.domain.assumptions import Bandbreedte, Variant, assumptions, default_variant, ranges
from burgernet_cost.domain.codes import Schaalvoordelen, Tarief
from burgernet_cost.domain.rate import TariefKeuze

if TYPE_CHECKING:
    from burgernet_cost.data.member_file import Lidinvoer
    from burgernet_cost.domain.compare import Vergelijking
    from burgernet_cost.domain.estimate import Herkomst, Schatting
    from burgernet_cost.domain.region import Lid, Regio


def member_key(lid: Lid | Lidinvoer) -> str:
    return f"lid.{lid.code or lid.naam}"


def estimate_band(
    ds: Dataset, result: Schatting, keuze: TariefKeuze, herkomst: Herkomst | None, schalingen: dict[str, str] | None
) -> Bandbreedte:
    from burgernet_cost.domain.estimate import estimate

    def evaluate(v: Variant) -> dict[str, Decimal]:
        s = estimate(ds, result.inwoners, result.pakket, v.keuze, herkomst=herkomst, schalingen=v.schalingen, gemeenten=result.gemeenten)
        out = {}
        for r in (*s.regels, s.totaal):
            if r.kosten_per_jaar is not None and r.per_inwoner is not None:
                out[f"{r.taakgebied}.kosten"] = r.kosten_per_jaar
                out[f"{r.taakgebied}.per_inwoner"] = r.per_inwoner
        return out

    return ranges(default_variant(keuze, None, schalingen), assumptions(ds, keuze, None, schalingen, uitvoerders=()), evaluate)


def compare_band(
    ds: Dataset,
    results: list[Vergelijking],
    keuze: TariefKeuze,
    tarief: Tarief,
    schaalvoordeel: Schaalvoordelen | None,
    herkomst: Herkomst | None,
    schalingen: dict[str, str] | None,
) -> Bandbreedte:
    from burgernet_cost.domain.compare import compare

    def evaluate(v: Variant) -> dict[str, Decimal]:
        out = {}
        for r in results:
            c = compare(
                ds,
                r.inwoners,
                r.pakket,
                tarief,
                v.schaalvoordeel,
                v.keuze,
                herkomst=herkomst,
                schalingen=v.schalingen,
                gemeenten=r.schatting.gemeenten,
            )
            for u in c.uitkomsten:
                out[f"{r.pakket}.{u.id}.totaal"] = u.totaal
                out[f"{r.pakket}.{u.id}.bijdrage"] = u.bijdrage
        return out

    base = default_variant(keuze, schaalvoordeel, schalingen)
    used = {s.uitvoerder for r in results for s in r.schaalvoordelen} if tarief == "berekend" else set()
    return ranges(base, assumptions(ds, keuze, schaalvoordeel, schalingen, uitvoerders=used), evaluate)


def region_band(
    ds: Dataset,
    result: Regio,
    members: list[Lidinvoer],
    keuze: TariefKeuze,
    schaalvoordeel: Schaalvoordelen | None,
    schalingen: dict[str, str] | None,
    per_lid: bool,
) -> Bandbreedte:
    from burgernet_cost.domain.region import region

    def evaluate(v: Variant) -> dict[str, Decimal]:
        r = region(
            ds,
            result.titel,
            members,
            result.model,
            result.pakket,
            result.tarief,
            v.schaalvoordeel,
            v.keuze,
            soort=result.soort,
            schalingen=v.schalingen,
        )
        out = {"budget": r.budget, "tarief": r.tarief_per_inwoner, "uitvoerder_kosten": r.uitvoerder_kosten}
        if per_lid:
            out |= {member_key(lid): lid.bijdrage for lid in r.leden}
        return out

    base = default_variant(keuze, schaalvoordeel, schalingen)
    used = {s.uitvoerder for s in result.vergelijking.schaalvoordelen} if result.tarief == "berekend" else set()
    return ranges(base, assumptions(ds, keuze, schaalvoordeel, schalingen, uitvoerders=used), evaluate)
