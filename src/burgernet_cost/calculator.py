"""The calculation of DOMAIN.md §5: hours, FTE and cost per taakgebied for N inhabitants.

    intensiteit(T, P)      = sum(uren_per_maand) / sum(inwoners) over weighed-in observations
    uren_per_maand(T,P,N)  = intensiteit(T, P) * N            (volledig = basis + aanvullend)
    fte                    = uren_per_maand / 156
    kosten_per_jaar        = 12 * uren_per_maand * uurtarief
    per_inwoner            = kosten_per_jaar / N

Decimal throughout, no intermediate rounding; totals are sums of the unrounded parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from burgernet_cost import money
from burgernet_cost.dataset import Dataset
from burgernet_cost.salary import TariefKeuze, Uurtarief, uurtarief
from burgernet_cost.trace import WEAK_STATUSES, Figuur

PAKKETTEN = ("basis", "aanvullend", "volledig")
PAKKET_LABELS = {
    "basis": "basispakket",
    "aanvullend": "aanvullend pakket (bovenop basis)",
    "volledig": "basis- en aanvullend pakket samen",
}
I = "interviews.yaml"


def components(pakket: str) -> tuple[str, ...]:
    """The measured packages a package consists of."""
    return ("basis", "aanvullend") if pakket == "volledig" else (pakket,)


@dataclass(frozen=True)
class Norm:
    """Pooled hours per inhabitant per month for one taakgebied and measured package."""

    taakgebied: str
    pakket: str
    uren: Decimal
    inwoners: int
    figuren: tuple[Figuur, ...]

    @property
    def intensiteit(self) -> Decimal:
        return self.uren / self.inwoners


def norm(ds: Dataset, taakgebied: str, pakket: str) -> Norm:
    uren = Decimal(0)
    inwoners = 0
    figuren = []
    for n, w in enumerate(ds.interviews.waarnemingen):
        if w.taakgebied != taakgebied or w.pakket != pakket or not w.meegewogen:
            continue
        uren += w.uren_per_maand
        inwoners += w.inwoners
        figuren.append(Figuur(f"uren per maand ({w.id})", w.uren_per_maand, "uur/maand", w.bron.kort(), w.status,
                              ds.where(I, ("waarnemingen", n, "uren_per_maand"))))
        figuren.append(Figuur(f"inwoners ({w.id})", w.inwoners, "inwoners", w.bron.kort(), w.status,
                              ds.where(I, ("waarnemingen", n, "inwoners"))))
    if inwoners == 0:
        from burgernet_cost.errors import DataError

        raise DataError(f"geen meegewogen waarneming voor taakgebied '{taakgebied}', pakket '{pakket}'", file=ds.file(I))
    return Norm(taakgebied, pakket, uren, inwoners, tuple(figuren))



@dataclass(frozen=True)
class Regel:
    """One taakgebied (or the total) of an estimate. ``None`` = not quantified."""

    taakgebied: str
    naam: str
    uren_per_maand: Decimal | None
    fte: Decimal | None
    kosten_per_jaar: Decimal | None
    per_inwoner: Decimal | None
    bron: str

    @property
    def gekwantificeerd(self) -> bool:
        return self.uren_per_maand is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "taakgebied": self.taakgebied,
            "naam": self.naam,
            "gekwantificeerd": self.gekwantificeerd,
            "uren_per_maand": money.machine(self.uren_per_maand, "hours"),
            "fte": money.machine(self.fte, "fte"),
            "kosten_per_jaar": money.machine(self.kosten_per_jaar, "money"),
            "per_inwoner_per_jaar": money.machine(self.per_inwoner, "per_inwoner"),
            "bron": self.bron,
        }


@dataclass(frozen=True)
class Schatting:
    inwoners: int
    pakket: str
    uurtarief: Uurtarief
    regels: tuple[Regel, ...]
    totaal: Regel
    figuren: tuple[Figuur, ...]
    notities: tuple[str, ...] = field(default=())

    def regel(self, taakgebied: str) -> Regel:
        for r in self.regels:
            if r.taakgebied == taakgebied:
                return r
        raise KeyError(taakgebied)

    @property
    def rust_op_aanname(self) -> bool:
        return any(f.status in WEAK_STATUSES for f in self.figuren)


def line_for(ds: Dataset, taakgebied: str, pakket: str, inwoners: int, tarief: Uurtarief) -> tuple[Regel, list[Figuur]]:
    """Hours, FTE and cost of one taakgebied; the figures it used."""
    area = ds.taakgebied(taakgebied)
    if not area.gekwantificeerd:
        return Regel(area.id, area.naam, None, None, None, None, area.bron.kort()), []
    norms = [norm(ds, taakgebied, p) for p in components(pakket)]
    uren = sum((n.uren * inwoners / n.inwoners for n in norms), Decimal(0))
    u = ds.salary.uurloon
    kosten = u.maanden_per_jaar * uren * tarief.bedrag
    bronnen = sorted({f.bron for n in norms for f in n.figuren})
    regel = Regel(
        taakgebied=area.id,
        naam=area.naam,
        uren_per_maand=uren,
        fte=uren / u.uren_per_maand,
        kosten_per_jaar=kosten,
        per_inwoner=kosten / inwoners,
        bron=", ".join(bronnen),
    )
    return regel, [f for n in norms for f in n.figuren]


def base_figures(ds: Dataset, inwoners: int) -> list[Figuur]:
    u = ds.salary.uurloon

    def where(key: str) -> str | None:
        return ds.where("salary_scales.yaml", ("uurloon", key))

    return [
        Figuur("inwoners", inwoners, "inwoners", "opgegeven", "invoer"),
        Figuur("maanden per jaar", u.maanden_per_jaar, "maanden", u.bron.kort(), u.status, where("maanden_per_jaar")),
        Figuur("uren per fte per maand (36 uur x 52 / 12)", u.uren_per_maand, "uur/maand", u.bron.kort(), u.status, where("uren_per_maand")),
    ]


def common_notes(ds: Dataset, tarief: Uurtarief, pakket: str) -> list[str]:
    notes = []
    for area in ds.tasks.taakgebieden:
        if not area.gekwantificeerd:
            notes.append(f"{area.naam}: niet gekwantificeerd ({area.bron.kort()}; het rapport heeft hiervoor geen uren gemeten).")
    for u in ds.interviews.uitsluitingen:
        notes.append(f"Niet inbegrepen: {u.omschrijving} ({u.bron.kort()}).")
    notes.extend(tarief.aannames)
    for w in ds.interviews.waarnemingen:
        if w.meegewogen and w.pakket in components(pakket) and w.status in WEAK_STATUSES:
            notes.append(f"Waarneming {w.id} telt mee met status '{w.status}'"
                         + (f": {w.toelichting}" if w.toelichting else "") + ".")
    if ds.scenario is not None:
        notes.append(f"Scenario '{ds.scenario.naam}': de data is voor deze berekening gewijzigd ({len(ds.scenario.wijzigingen)} wijziging(en), zie de kop).")
    notes.extend(tarief.waarschuwingen)
    return notes


def estimate(ds: Dataset, inwoners: int, pakket: str, keuze: TariefKeuze | None = None) -> Schatting:
    """What the municipal tasks cost a municipality of ``inwoners`` for ``pakket``."""
    if inwoners <= 0:
        raise ValueError("inwoners must be positive")
    if pakket not in PAKKETTEN:
        raise ValueError(f"unknown pakket {pakket!r}")
    tarief = uurtarief(ds, keuze)
    figuren = base_figures(ds, inwoners)
    regels = []
    for area in ds.tasks.taakgebieden:
        regel, used = line_for(ds, area.id, pakket, inwoners, tarief)
        regels.append(regel)
        figuren += used
    figuren += tarief.figuren
    quantified = [r for r in regels if r.gekwantificeerd]
    uren = sum((r.uren_per_maand for r in quantified), Decimal(0))  # type: ignore[misc]
    kosten = sum((r.kosten_per_jaar for r in quantified), Decimal(0))  # type: ignore[misc]
    totaal = Regel(
        taakgebied="totaal",
        naam="Totaal (gekwantificeerd)",
        uren_per_maand=uren,
        fte=sum((r.fte for r in quantified), Decimal(0)),  # type: ignore[misc]
        kosten_per_jaar=kosten,
        per_inwoner=sum((r.per_inwoner for r in quantified), Decimal(0)),  # type: ignore[misc]
        bron="",
    )
    return Schatting(
        inwoners=inwoners,
        pakket=pakket,
        uurtarief=tarief,
        regels=tuple(regels),
        totaal=totaal,
        figuren=tuple(figuren),
        notities=tuple(common_notes(ds, tarief, pakket)),
    )
