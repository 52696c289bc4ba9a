"""``bncost reeks``: the estimate year by year, with that year's inhabitants and price level.

Per year: the inhabitants on 1 January of that year (CBS, ``bevolkingsreeks``), the rate at the
price level of 1 January of that year (the salary table and CAO steps, unless the user pinned the
rate), hours, fte and cost, the events of the timeline in that year, and whether the price level
lies after the last known CAO step. A region is summed over its members; a member that did not
exist in that form in a year (a later merger) is named, its inhabitants are then missing.

Every year is its own date: the inhabitants of 1 January, the price level of 1 January, and for a
region the members of that year (``data/municipal_years.py``: mergers included); a municipality
formed by a merger shows the sum of its predecessors before it existed, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.estimate import Herkomst, Schatting, estimate
from burgernet_cost.structs import struct

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.member_file import Lidinvoer
    from burgernet_cost.data.municipalities import Gemeenten
    from burgernet_cost.data.record_types.timeline import Gebeurtenis
    from burgernet_cost.domain.rate import TariefKeuze


#: where a series starts unless asked otherwise: the year of the report (15 May 2014); not a figure of a result
FIRST_YEAR = 2014


@struct
class Telling:
    """The inhabitants of a series' subject in one year, where they come from, and what to say."""

    inwoners: int
    herkomst: Herkomst
    voorgangers: tuple[str, ...] = ()  # summed in place of a municipality that did not exist yet
    deels: tuple[str, ...] = ()  # predecessors that went only in part (not counted)
    ontbrekend: tuple[str, ...] = ()  # members without a count this year
    gemeenten: int = 1  # how many municipalities the count is the sum of (members, or predecessors)


@struct
class Jaarpunt:
    jaar: int
    inwoners: int
    bron_inwoners: str
    schatting: Schatting
    gebeurtenissen: tuple[Gebeurtenis, ...]  # timeline events dated in this year
    na_laatste_cao_stap: bool
    ontbrekend: tuple[str, ...] = ()  # members without a count this year
    voorgangers: tuple[str, ...] = ()
    deels: tuple[str, ...] = ()
    leden: int = 1  # municipalities in the subject that year


@struct
class Reeks:
    onderwerp: str
    pakket: Pakket
    punten: tuple[Jaarpunt, ...]
    vast_inwoners: bool  # --inwoners: the same number every year


def municipality_counts(gm: Gemeenten, code: str, naam: str) -> Callable[[int], Telling | None]:
    """A municipality's inhabitants per year; before it existed, the sum of the municipalities that
    went wholly into it (named)."""
    from burgernet_cost.data.municipal_years import lineage_count

    def count(jaar: int) -> Telling | None:
        found = lineage_count(gm, code, jaar)
        if found is None:
            return None
        n, used, partial = found
        own = len(used) == 1 and used[0].code == code
        where = used[0].plaats if own else f"som van {len(used)} voorgangers (CBS, herindelingen)"
        herkomst = Herkomst(f"CBS {used[0].peildatum}", "gepubliceerd" if own else "afgeleid", where, naam, used[0].peildatum)
        return Telling(n, herkomst, () if own else tuple(t.naam for t in used), tuple(partial), gemeenten=len(used))

    return count


def members_counts(gm: Gemeenten, members_of: Callable[[int], list[Lidinvoer]], onderwerp: str) -> Callable[[int], Telling | None]:
    """A region's inhabitants per year: the members of that year (``members_of(jaar)``: the
    municipalities of the region on 1 January), summed."""

    def count(jaar: int) -> Telling | None:
        members = members_of(jaar)
        counted = [m for m in members if m.inwoners]
        if not counted:
            return None
        n = sum(m.inwoners for m in counted)
        date = gm.peildatum(jaar)
        where = counted[0].plaats if len(counted) == 1 else f"som van {len(counted)} gemeenten (CBS {date})"
        missing = tuple(m.naam for m in members if not m.inwoners)
        return Telling(n, Herkomst(f"CBS {date}", "gepubliceerd", where, onderwerp, date), ontbrekend=missing, gemeenten=len(counted))

    return count


def series(
    ds: Dataset,
    onderwerp: str,
    jaren: list[int],
    pakket: Pakket,
    keuze_voor: Callable[[int], TariefKeuze],
    tellingen: Callable[[int], Telling | None] | None = None,
    inwoners: int | None = None,
    schalingen: dict[str, str] | None = None,
) -> Reeks:
    """The estimate for each of ``jaren``: with the subject's inhabitants of that year
    (``tellingen``), or a fixed number of ``inwoners``."""
    punten = []
    for jaar in jaren:
        telling = tellingen(jaar) if tellingen is not None else None
        if tellingen is not None and telling is None:
            continue
        if telling is not None:
            n, herkomst, bron = telling.inwoners, telling.herkomst, telling.herkomst.bron
        else:
            assert inwoners is not None
            n, herkomst, bron = inwoners, None, "opgegeven"
        k = telling.gemeenten if telling is not None else 1  # a region, or a merged municipality's predecessors: their sum
        result = estimate(ds, n, pakket, keuze_voor(jaar), herkomst=herkomst, schalingen=schalingen, gemeenten=k)
        events = tuple(e for e in ds.tijdlijn.gebeurtenissen if e.datum[:4] == str(jaar))
        late = any(w.code == "peildatum_na_laatste_cao_stap" for w in result.uurtarief.waarschuwingen)
        punten.append(
            Jaarpunt(
                jaar,
                n,
                bron,
                result,
                events,
                late,
                telling.ontbrekend if telling else (),
                telling.voorgangers if telling else (),
                telling.deels if telling else (),
                k,
            )
        )
    return Reeks(onderwerp, pakket, tuple(punten), tellingen is None)


def change_pct(nu: int, voor: int) -> Decimal:
    """The change of a count against the year before, in percent (a merger's jump in a series)."""
    return Decimal(nu - voor) / voor * 100
