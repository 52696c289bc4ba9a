"""``bncost reeks``: the estimate year by year, with that year's inhabitants and price level.

Per year: the inhabitants on 1 January of that year (CBS, ``bevolkingsreeks``), the rate at the
price level of 1 January of that year (the salary table and CAO steps, unless the user pinned the
rate), hours, fte and cost, the events of the timeline in that year, and whether the price level
lies after the last known CAO step. A region is summed over its members; a member that did not
exist in that form in a year (a later merger) is named, its inhabitants are then missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from burgernet_cost.domain.estimate import Herkomst, Schatting, estimate

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.domain.rate import TariefKeuze


#: where a series starts unless asked otherwise: the year of the report (15 May 2014); not a figure of a result
FIRST_YEAR = 2014


def rate_per_year(ds: Dataset, keuze: Callable[[int | None], TariefKeuze]) -> Callable[[int], TariefKeuze]:
    """The rate choice of each year (``keuze(jaar)``: the price level of 1 January, unless pinned);
    before the oldest salary table, the oldest price level (the row says so)."""
    oldest = min(t.ingangsdatum for t in ds.salary.tabellen)
    return lambda jaar: keuze(jaar if f"{jaar}-01-01" >= oldest else None)


@dataclass(frozen=True)
class Jaarpunt:
    jaar: int
    inwoners: int
    bron_inwoners: str
    schatting: Schatting
    gebeurtenissen: tuple[Any, ...]  # timeline events dated in this year
    na_laatste_cao_stap: bool
    ontbrekend: tuple[str, ...] = ()  # members without a count this year


@dataclass(frozen=True)
class Reeks:
    onderwerp: str
    pakket: str
    punten: tuple[Jaarpunt, ...]
    vast_inwoners: bool  # --inwoners: the same number every year


def series(
    ds: Dataset,
    onderwerp: str,
    jaren: list[int],
    pakket: str,
    keuze_voor: Callable[[int], TariefKeuze],
    leden: list[tuple[str, str]] | None = None,
    inwoners: int | None = None,
    schalingen: dict[str, str] | None = None,
) -> Reeks:
    """The estimate for each of ``jaren``: for members (code, name) with their CBS counts of that
    year, or for a fixed number of ``inwoners``."""
    reeks = ds.gemeenten().bevolkingsreeks() if leden else None
    punten = []
    for jaar in jaren:
        missing: list[str] = []
        herkomst = None
        if reeks is not None and leden is not None:
            counts = [(naam, reeks.van(code, jaar)) for code, naam in leden]
            missing = [naam for naam, t in counts if t is None]
            found = [t for _naam, t in counts if t is not None]
            if not found:
                continue
            n = sum(t.inwoners for t in found)
            where = found[0].plaats if len(found) == 1 else f"som van {len(found)} gemeenten (CBS)"
            herkomst = Herkomst(f"CBS {found[0].peildatum}", reeks.status, where, onderwerp, found[0].peildatum)
            bron = f"CBS {found[0].peildatum}"
        else:
            assert inwoners is not None
            n, bron = inwoners, "opgegeven"
        result = estimate(ds, n, pakket, keuze_voor(jaar), herkomst=herkomst, schalingen=schalingen)
        events = tuple(e for e in ds.tijdlijn.gebeurtenissen if e.datum[:4] == str(jaar))
        late = any(w.code == "peildatum_na_laatste_cao_stap" for w in result.uurtarief.waarschuwingen)
        punten.append(Jaarpunt(jaar, n, bron, result, events, late, tuple(missing)))
    return Reeks(onderwerp, pakket, tuple(punten), leden is None)
