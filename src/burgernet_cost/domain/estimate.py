"""The calculation of DOMAIN.md §5: hours, FTE and cost per taakgebied for N inhabitants.

    intensiteit(T, P)      = sum(uren_per_maand) / sum(inwoners) over weighed-in observations
    uren_per_maand(T,P,N)  = intensiteit(T, P) * N            (volledig = basis + aanvullend)
    fte                    = uren_per_maand / 156
    kosten_per_jaar        = 12 * uren_per_maand * uurtarief
    per_inwoner            = kosten_per_jaar / N

Decimal throughout, no intermediate rounding; totals are sums of the unrounded parts. Every figure
read and every intermediate result is recorded in the trace (``Schatting.spoor``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.instant import events_until
from burgernet_cost.structs import struct

if TYPE_CHECKING:
    from burgernet_cost.data.municipalities import Gemeente
    from burgernet_cost.data.record_types.tasks import Taakgebied
    from burgernet_cost.data.record_types.timeline import Gebeurtenis
from burgernet_cost.domain.codes import PAKKETTEN, SCHALINGEN, WEAK_STATUSES, Pakket, Status
from burgernet_cost.domain.figures import INTERVIEWS_FILE, SALARY_FILE, figure, take, user_input
from burgernet_cost.domain.formulas import compute, unquantified
from burgernet_cost.domain.rate import TariefKeuze, Uurtarief, uurtarief
from burgernet_cost.domain.trace import Figuur, Notitie, Spoor, Trace, notitie
from burgernet_cost.errors import DataError

INWONERS = "inwoners"  # the figure of the number of inhabitants, whoever gave it


@struct
class Herkomst:
    """Where the number of inhabitants comes from when the user did not type it (the CBS table)."""

    bron: str
    status: Status
    plaats: str | None
    gemeente: str
    datum: str | None = None  # the date the number is at (CBS: 1 January of the year)

    @classmethod
    def cbs(cls, g: Gemeente) -> Herkomst:
        """The CBS row of a municipality (``data.municipalities.Gemeente``) as the source."""
        return cls(f"CBS {g.peildatum}", "gepubliceerd", g.plaats, g.naam, g.peildatum)


TOTAAL = "totaal"


def components(pakket: Pakket) -> tuple[Pakket, ...]:
    """The measured packages a package consists of."""
    return ("basis", "aanvullend") if pakket == "volledig" else (pakket,)


@struct
class Norm:
    """Pooled hours per inhabitant per month for one taakgebied and measured package."""

    taakgebied: str
    pakket: Pakket
    uren: Decimal
    inwoners: int
    figuren: tuple[str, ...]  # ids of the observations' figures in the trace

    @property
    def intensiteit(self) -> Decimal:
        return self.uren / self.inwoners


def norm(ds: Dataset, taakgebied: str, pakket: Pakket, trace: Trace | None = None) -> Norm:
    trace = trace if trace is not None else Trace()
    uren = Decimal(0)
    inwoners = 0
    ids: list[str] = []
    for n, w in enumerate(ds.interviews.waarnemingen):
        if w.taakgebied != taakgebied or w.pakket != pakket or not w.meegewogen:
            continue
        for key, soort, eenheid in (
            ("uren_per_maand", "waarneming.uren_per_maand", "uur/maand"),
            ("inwoners", "waarneming.inwoners", "inwoners"),
        ):
            fig = figure(ds, INTERVIEWS_FILE, ("waarnemingen", n, key), soort, eenheid, waarneming=w.id)
            trace.read(fig)
            ids.append(fig.id)
        uren += w.uren_per_maand
        inwoners += w.inwoners
    if inwoners == 0:
        raise DataError(f"geen meegewogen waarneming voor taakgebied '{taakgebied}', pakket '{pakket}'", file=ds.file(INTERVIEWS_FILE))
    return Norm(taakgebied, pakket, uren, inwoners, tuple(ids))


@struct
class Regel:
    """One taakgebied (or the total) of an estimate. ``None`` = not quantified."""

    taakgebied: str
    naam: str
    uren_per_maand: Decimal | None
    fte: Decimal | None
    kosten_per_jaar: Decimal | None
    per_inwoner: Decimal | None
    bron: str
    per_gemeente: bool = False  # the hours are the same for every municipality (not scaled to inhabitants)

    @property
    def gekwantificeerd(self) -> bool:
        return self.uren_per_maand is not None


@struct
class Schatting:
    inwoners: int
    pakket: Pakket
    uurtarief: Uurtarief
    regels: tuple[Regel, ...]
    totaal: Regel
    spoor: Spoor
    notities: tuple[Notitie, ...] = ()
    inwoners_datum: str | None = None  # the date of the inhabitants (CBS 1 January); None: given by the user
    gemeenten: int = 1  # how many municipalities the result is the sum of (a region: its members)

    @property
    def figuren(self) -> tuple[Figuur, ...]:
        return self.spoor.figuren

    def regel(self, taakgebied: str) -> Regel:
        for r in self.regels:
            if r.taakgebied == taakgebied:
                return r
        raise KeyError(taakgebied)

    @property
    def rust_op_aanname(self) -> bool:
        return self.spoor.rust_op_aanname


def step_id(taakgebied: str, grootheid: str) -> str:
    return f"{taakgebied}.{grootheid}"


def scaling(ds: Dataset, area: Taakgebied, trace: Trace, chosen: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """How the hours of a taakgebied follow a municipality's size, and the figure that says so
    (the data's choice, with its status, or the user's)."""
    if chosen and area.id in chosen:
        other = next(s for s in SCHALINGEN if s != chosen[area.id])
        return chosen[area.id], [user_input(trace, f"schaling_{area.id}", chosen[area.id], "", taakgebied=area.naam, alternatief=other)]
    for n, s in enumerate(ds.interviews.schalingen):
        if s.taakgebied == area.id:
            other = next(x for x in SCHALINGEN if x != s.standaard)
            fig = take(trace, ds, INTERVIEWS_FILE, ("schalingen", n, "standaard"), "schaling", "", taakgebied=area.naam, alternatief=other)
            return str(fig.waarde), [fig.id]
    return "per_inwoner", []


def line_for(
    ds: Dataset,
    taakgebied: str,
    pakket: Pakket,
    inwoners: int,
    tarief: Uurtarief,
    trace: Trace,
    schalingen: dict[str, str] | None = None,
    gemeenten: int = 1,
) -> Regel:
    """Hours, FTE and cost of one taakgebied for ``gemeenten`` municipalities of ``inwoners`` together
    (DOMAIN.md §11: a group is the sum of its members), recorded in the trace."""
    an, area = next((n, a) for n, a in enumerate(ds.tasks.taakgebieden) if a.id == taakgebied)
    if not area.gekwantificeerd:
        flag = figure(ds, "tasks.yaml", ("taakgebieden", an, "gekwantificeerd"), "taakgebied.gekwantificeerd", "", taakgebied=area.naam)
        trace.read(flag)
        unquantified(trace, step_id(area.id, "niet_gekwantificeerd"), flag.id, taakgebied=area.naam)
        return Regel(area.id, area.naam, None, None, None, None, flag.bron)
    parts = []
    how, how_ids = scaling(ds, area, trace, schalingen)
    for p in components(pakket):
        ident = step_id(area.id, f"uren_per_maand.{p}")
        hours_of(trace, norm(ds, taakgebied, p, trace), how, how_ids, ident, INWONERS, gemeenten)
        parts.append(ident)
    u_ident = step_id(area.id, "uren_per_maand")
    uren = compute(trace, u_ident, "uren_per_maand", {"delen": parts}, taakgebied=area.naam)
    per_fte = take(trace, ds, SALARY_FILE, ("uurloon", "uren_per_maand"), "uurloon.uren_per_maand", "uur/maand")
    fte = compute(
        trace,
        step_id(area.id, "fte"),
        "fte",
        {"uren": u_ident, "uren_per_fte": per_fte.id},
        uren_per_fte=per_fte.getal,
        taakgebied=area.naam,
    )
    months = take(trace, ds, SALARY_FILE, ("uurloon", "maanden_per_jaar"), "uurloon.maanden_per_jaar", "maanden")
    k_ident = step_id(area.id, "kosten_per_jaar")
    kosten = compute(
        trace,
        k_ident,
        "kosten_per_jaar",
        {"maanden": months.id, "uren": u_ident, "uurtarief": tarief.stap},
        volgorde=[u_ident, months.id, tarief.stap],
        taakgebied=area.naam,
        maanden=months.getal,
        uren=uren,
        uurtarief=tarief.bedrag,
    )
    per_inwoner = compute(
        trace,
        step_id(area.id, "per_inwoner"),
        "per_inwoner",
        {"kosten": k_ident, "inwoners": INWONERS},
        inwoners=inwoners,
        taakgebied=area.naam,
    )
    bronnen = sorted({trace.figuren[i].bron for p in parts for i in trace.stappen[p].invoer if i.startswith("interviews.waarnemingen")})
    return Regel(area.id, area.naam, uren, fte, kosten, per_inwoner, ", ".join(bronnen), how == "per_gemeente")


def hours_of(trace: Trace, n: Norm, how: str, how_ids: list[str], ident: str, inwoners: str, gemeenten: int) -> Decimal:
    """The hours per month of one taakgebied and measured package for ``gemeenten`` municipalities
    whose inhabitants are the figure or step ``inwoners``: the pooled intensity times the
    inhabitants, or (scaling per_gemeente) the hours per observed municipality for each of them."""
    hours, people = n.figuren[0::2], n.figuren[1::2]
    if how == "per_gemeente":
        return compute(
            trace,
            ident,
            "uren_per_maand.per_gemeente",
            {"som_uren": hours, "waarnemingen": len(hours), "gemeenten": gemeenten},
            keuze=how_ids,
            pakket=n.pakket,
            som_uren=n.uren,
            waarnemingen=len(hours),
            gemeenten=gemeenten,
        )
    return compute(
        trace,
        ident,
        "uren_per_maand.pakket",
        {"som_uren": hours, "som_inwoners": people, "inwoners": inwoners},
        keuze=how_ids,
        volgorde=[*n.figuren, inwoners, *how_ids],
        pakket=n.pakket,
        som_uren=n.uren,
        som_inwoners=n.inwoners,
        inwoners=trace.value(inwoners),
    )


def estimate(
    ds: Dataset,
    inwoners: int,
    pakket: Pakket,
    keuze: TariefKeuze | None = None,
    trace: Trace | None = None,
    herkomst: Herkomst | None = None,
    schalingen: dict[str, str] | None = None,
    gemeenten: int = 1,
) -> Schatting:
    """What the municipal tasks cost a municipality of ``inwoners`` for ``pakket``; with ``gemeenten``
    > 1, what they cost that many municipalities of ``inwoners`` together: the sum of what each would
    pay on its own (DOMAIN.md §11). A region records its inhabitants in the trace first (the step
    ``inwoners``, the sum of its members); then that step is the input."""
    if inwoners <= 0 or gemeenten <= 0:
        raise ValueError("inwoners and gemeenten must be positive")
    if pakket not in PAKKETTEN:
        raise ValueError(f"unknown pakket {pakket!r}")
    trace = trace if trace is not None else Trace()
    if INWONERS in trace.stappen:
        if trace.value(INWONERS) != inwoners:
            raise ValueError("the region's inhabitants differ from inwoners")
    elif herkomst is not None:
        trace.read(
            Figuur(
                INWONERS,
                "gemeente.inwoners",
                inwoners,
                "inwoners",
                herkomst.bron,
                herkomst.status,
                herkomst.plaats,
                (("gemeente", herkomst.gemeente),),
                datum=herkomst.datum,
            )
        )
    else:
        trace.read(Figuur(INWONERS, "invoer.inwoners", inwoners, "inwoners", "opgegeven", "invoer"))
    tarief = uurtarief(ds, keuze, trace)
    regels = [line_for(ds, area.id, pakket, inwoners, tarief, trace, schalingen, gemeenten) for area in ds.tasks.taakgebieden]
    quantified = [r for r in regels if r.gekwantificeerd]
    totaal = Regel(
        taakgebied=TOTAAL,
        naam="",
        uren_per_maand=_total(trace, quantified, "uren_per_maand", "uur/maand"),
        fte=_total(trace, quantified, "fte", "fte"),
        kosten_per_jaar=_total(trace, quantified, "kosten_per_jaar", "€/jaar"),
        per_inwoner=_total(trace, quantified, "per_inwoner", "€/inwoner/jaar"),
        bron="",
    )
    roots = [
        step_id(TOTAAL, "kosten_per_jaar"),
        step_id(TOTAAL, "per_inwoner"),
        step_id(TOTAAL, "fte"),
        *[step_id(r.taakgebied, "niet_gekwantificeerd") for r in regels if not r.gekwantificeerd],
        tarief.stap,
    ]
    return Schatting(
        inwoners=inwoners,
        pakket=pakket,
        uurtarief=tarief,
        regels=tuple(regels),
        totaal=totaal,
        spoor=trace.finish(roots),
        notities=tuple(common_notes(ds, tarief, pakket, [d for d in (tarief.peildatum, herkomst and herkomst.datum) if d], schalingen)),
        inwoners_datum=herkomst.datum if herkomst is not None else None,
        gemeenten=gemeenten,
    )


def _total(trace: Trace, quantified: list[Regel], grootheid: str, eenheid: str) -> Decimal:
    parts = [step_id(r.taakgebied, grootheid) for r in quantified]
    return compute(trace, step_id(TOTAAL, grootheid), "totaal", {"delen": parts}, soort=f"totaal.{grootheid}", eenheid=eenheid)


def timeline_note(ds: Dataset, dates: list[str]) -> Notitie | None:
    """The events after the report that a result at these dates lies after: one note, led by the
    latest event, with its source."""
    if not dates:
        return None
    at = max(dates)
    events = [e for e in events_until(ds, at) if e.gevolg]
    if not events:
        return None
    last = max(events, key=lambda e: e.datum)
    earlier = tuple(_event(e) for e in events if e is not last)
    return notitie("tijdlijn", peildatum=at, eerder=earlier, **dict(zip(EVENT_KEYS, _event(last), strict=True)))


EVENT_KEYS = ("datum", "gevolg", "status", "bron", "methode")


def _event(e: Gebeurtenis) -> tuple[str, str, str, str, str]:
    """An event as the note words it: every source URL (or the document), the method when inferred."""
    bron = "; ".join(e.bron.urls) or e.bron.kort()
    return (e.datum, e.gevolg or "", e.status, bron, " ".join((e.methode or "").split()))


def common_notes(
    ds: Dataset, tarief: Uurtarief, pakket: Pakket, dates: list[str] | None = None, schalingen: dict[str, str] | None = None
) -> list[Notitie]:
    notes = []
    later = timeline_note(ds, dates or [])
    if later is not None:
        notes.append(later)
    for area in ds.tasks.taakgebieden:
        if not area.gekwantificeerd:
            notes.append(notitie("niet_gekwantificeerd", taakgebied=area.naam, bron=area.bron.kort()))
    for u in ds.interviews.uitsluitingen:
        notes.append(notitie("niet_inbegrepen", omschrijving=u.omschrijving, bron=u.bron.kort()))
    notes.extend(tarief.aannames)
    for s in ds.interviews.schalingen:
        if s.taakgebied in (schalingen or {}):
            notes.append(notitie("schaling_gekozen", taakgebied=ds.taakgebied(s.taakgebied).naam, keuze=(schalingen or {})[s.taakgebied]))
        elif s.status in WEAK_STATUSES and any(a.id == s.taakgebied and a.gekwantificeerd for a in ds.tasks.taakgebieden):
            notes.append(
                notitie(
                    "schaling_aanname",
                    taakgebied=ds.taakgebied(s.taakgebied).naam,
                    standaard=s.standaard,
                    toelichting=s.toelichting,
                    bron=s.bron.kort(),
                )
            )
    for w in ds.interviews.waarnemingen:
        if w.meegewogen and w.pakket in components(pakket) and w.status in WEAK_STATUSES:
            notes.append(notitie("waarneming_zwak", waarneming=w.id, status=w.status, toelichting=w.toelichting))
    if ds.scenario is not None:
        notes.append(notitie("scenario", naam=ds.scenario.naam, wijzigingen=len(ds.scenario.wijzigingen)))
    notes.extend(tarief.waarschuwingen)
    return notes
