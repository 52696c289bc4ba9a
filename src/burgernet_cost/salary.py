"""From salary tables to an hourly rate (uurtarief), with the figures it rests on.

Salary basis (kostenbasis ``salaris``): monthly salary of a scale and step from a table, indexed
with the dated CAO steps up to a peildatum, times (1 + allowances), divided by the hours per month
(156, CAR art. 1:1). Integral basis (``integraal``): labour cost plus overhead per FTE per year,
divided by the productive hours per year (Handleiding Overheidstarieven).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from burgernet_cost import money
from burgernet_cost import schema as s
from burgernet_cost.dataset import Dataset
from burgernet_cost.errors import UsageProblem
from burgernet_cost.trace import WEAK_STATUSES, Figuur

S = "salary_scales.yaml"


@dataclass(frozen=True)
class TariefKeuze:
    """How the user wants the hourly rate determined; empty = the default profile."""

    profiel: str | None = None
    schaal: str | None = None
    periodiek: int | None = None
    toeslagen: tuple[str, ...] | None = None
    peildatum: str | None = None
    uurtarief: Decimal | None = None
    kostenbasis: str = "salaris"


@dataclass(frozen=True)
class Uurtarief:
    bedrag: Decimal
    omschrijving: str
    figuren: tuple[Figuur, ...] = ()
    aannames: tuple[str, ...] = ()
    waarschuwingen: tuple[str, ...] = ()
    profiel: str | None = None
    peildatum: str | None = None  # the date the amounts are at

    @property
    def rust_op_aanname(self) -> bool:
        return any(f.status in WEAK_STATUSES for f in self.figuren)


@dataclass
class _Build:
    figuren: list[Figuur] = field(default_factory=list)
    aannames: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)


def _date_nl(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def profile(ds: Dataset, ident: str | None) -> tuple[int, s.Tariefprofiel]:
    ident = ident or ds.salary.standaard_tariefprofiel
    for n, p in enumerate(ds.salary.tariefprofielen):
        if p.id == ident:
            return n, p
    import difflib

    known = [p.id for p in ds.salary.tariefprofielen]
    hint = difflib.get_close_matches(ident, known, n=1)
    extra = f"; bedoelde u '{hint[0]}'?" if hint else f" (bekend: {', '.join(known)})"
    raise UsageProblem(f"onbekend tariefprofiel '{ident}'{extra}")


def _table(ds: Dataset, ident: str) -> tuple[int, s.Salaristabel]:
    for n, t in enumerate(ds.salary.tabellen):
        if t.id == ident:
            return n, t
    raise UsageProblem(f"onbekende salaristabel '{ident}'")


def _pick_table(ds: Dataset, peildatum: str, schaal: str, periodiek: int, preferred: str) -> tuple[int, s.Salaristabel]:
    """The newest table on or before the peildatum that has this scale and step."""
    candidates = [
        (n, t)
        for n, t in enumerate(ds.salary.tabellen)
        if t.ingangsdatum <= peildatum and schaal in t.schalen and periodiek < len(t.schalen[schaal])
    ]
    if not candidates:
        first = min(t.ingangsdatum for t in ds.salary.tabellen)
        raise UsageProblem(
            f"geen salaristabel met schaal {schaal}, periodiek {periodiek} op of vóór peildatum "
            f"{peildatum} (de oudste tabel is van {first})"
        )
    return max(candidates, key=lambda nt: (nt[1].ingangsdatum, nt[1].status == "gepubliceerd", nt[1].id == preferred))


def uurtarief(ds: Dataset, keuze: TariefKeuze | None = None) -> Uurtarief:
    keuze = keuze or TariefKeuze()

    def where(path: tuple) -> str | None:
        return ds.where(S, path)

    b = _Build()

    if keuze.uurtarief is not None:
        if keuze.uurtarief <= 0:
            raise UsageProblem("--uurtarief moet groter zijn dan 0")
        b.figuren.append(Figuur("uurtarief (opgegeven)", keuze.uurtarief, "€/uur", "--uurtarief", "invoer"))
        return Uurtarief(
            bedrag=keuze.uurtarief,
            omschrijving=f"{money.euro(keuze.uurtarief, 4)} per uur, zelf opgegeven (--uurtarief)",
            figuren=tuple(b.figuren),
        )

    pn, prof = profile(ds, keuze.profiel)
    schaal = keuze.schaal if keuze.schaal is not None else prof.schaal
    periodiek = keuze.periodiek if keuze.periodiek is not None else prof.periodiek
    custom = keuze.schaal is not None or keuze.periodiek is not None or keuze.toeslagen is not None
    b.figuren.append(
        Figuur(
            f"tariefprofiel {prof.id}" + (" (aangepast)" if custom else ""),
            prof.naam,
            "",
            prof.bron.kort(),
            prof.status,
            where(("tariefprofielen", pn, "id")),
        )
    )
    if prof.status == "aanname" and not custom:
        b.aannames.append(f"Aanname uurtarief ({prof.id}): {prof.toelichting or prof.naam}")

    if keuze.kostenbasis == "integraal":
        return _integral(ds, schaal, b, where)

    if keuze.peildatum:
        tn, table = _pick_table(ds, keuze.peildatum, schaal, periodiek, prof.tabel)
    else:
        tn, table = _table(ds, prof.tabel)
        if schaal not in table.schalen:
            raise UsageProblem(f"schaal '{schaal}' bestaat niet in tabel {table.id} (schalen: {', '.join(table.schalen)})")
        if periodiek >= len(table.schalen[schaal]):
            raise UsageProblem(
                f"periodiek {periodiek} bestaat niet in schaal {schaal} van tabel {table.id} "
                f"(0 t/m {len(table.schalen[schaal]) - 1})"
            )
    maand = table.schalen[schaal][periodiek]
    b.figuren.append(
        Figuur(
            f"maandsalaris schaal {schaal}, periodiek {periodiek} ({table.naam})",
            maand,
            "€/maand",
            table.bron.kort(),
            table.status,
            where(("tabellen", tn, "schalen", schaal, periodiek)),
        )
    )
    if table.status == "afgeleid":
        reason = (table.aanname or table.methode or "").rstrip(".")
        b.aannames.append(f"{table.naam} is niet gepubliceerd maar afgeleid; aanname: {reason[:1].lower()}{reason[1:]}.")
    at = table.ingangsdatum

    if keuze.peildatum and keuze.peildatum > table.ingangsdatum:
        maand, at = _index(ds, table, maand, keuze.peildatum, b, where)

    factor = Decimal(1)
    toeslag_ids = keuze.toeslagen if keuze.toeslagen is not None else tuple(prof.toeslagen)
    if "alle" in toeslag_ids:
        toeslag_ids = tuple(a.id for a in ds.salary.toeslagen)
    toeslag_namen = []
    for tid in toeslag_ids:
        an = next((n for n, a in enumerate(ds.salary.toeslagen) if a.id == tid), None)
        if an is None:
            known = ", ".join(a.id for a in ds.salary.toeslagen)
            raise UsageProblem(f"onbekende toeslag '{tid}' (bekend: {known})")
        toeslag = ds.salary.toeslagen[an]
        valid = [(k, w) for k, w in enumerate(toeslag.waarden) if w.vanaf <= at]
        if not valid:
            b.waarschuwingen.append(f"{toeslag.naam}: geen percentage bekend op {_date_nl(at)}; niet meegeteld.")
            continue
        k, w = valid[-1]
        factor += w.procent / 100
        toeslag_namen.append(f"{toeslag.naam.lower()} {money.pct(w.procent)}")
        b.figuren.append(
            Figuur(f"{toeslag.naam.lower()} (vanaf {_date_nl(w.vanaf)})", w.procent, "%", w.bron.kort(), w.status,
                   where(("toeslagen", an, "waarden", k, "procent")))
        )
    u = ds.salary.uurloon
    b.figuren.append(
        Figuur("uren per maand bij een volledige betrekking (uurloon = maandsalaris / uren)", u.uren_per_maand,
               "uur/maand", u.bron.kort(), u.status, where(("uurloon", "uren_per_maand")))
    )
    bedrag = maand * factor / u.uren_per_maand
    tabel_status = f" ({s.STATUS_LABELS[table.status]})" if table.status != "gepubliceerd" else ""
    toeslag_text = "met " + " en ".join(toeslag_namen) if toeslag_namen else "zonder toeslagen"
    factor_text = f" x {money.nl_number(factor, 4).rstrip('0').rstrip(',')}" if factor != 1 else ""
    omschrijving = (
        f"{money.euro(bedrag, 4)} per uur: schaal {schaal}, periodiek {periodiek}, "
        f"{'bedragen per ' + _date_nl(at) + ', ' if at != table.ingangsdatum else ''}"
        f"tabel {_date_nl(table.ingangsdatum)}{tabel_status}, {toeslag_text}; "
        f"{money.euro(maand, 2 if maand != maand.to_integral() else 0)}{factor_text} / "
        f"{money.nl_number(u.uren_per_maand)} uur"
    )
    return Uurtarief(
        bedrag=bedrag,
        omschrijving=omschrijving,
        figuren=tuple(b.figuren),
        aannames=tuple(b.aannames),
        waarschuwingen=tuple(b.waarschuwingen),
        profiel=prof.id,
        peildatum=at,
    )


def _index(ds: Dataset, table: s.Salaristabel, maand: Decimal, peildatum: str, b: _Build, where) -> tuple[Decimal, str]:
    """Apply the dated CAO steps after the table's date up to the peildatum."""
    at = table.ingangsdatum
    for n, step in enumerate(ds.salary.cao_verhogingen):
        if not (table.ingangsdatum < step.datum <= peildatum):
            continue
        if step.alleen_voor_tabellen and table.id not in step.alleen_voor_tabellen:
            continue
        if step.procent is not None:
            maand = maand * (1 + step.procent / 100)
            b.figuren.append(Figuur(f"cao-verhoging {_date_nl(step.datum)}", step.procent, "%", step.bron.kort(),
                                    step.status, where(("cao_verhogingen", n, "procent"))))
        else:
            assert step.bedrag_per_maand is not None
            maand = maand + step.bedrag_per_maand
            b.figuren.append(Figuur(f"cao-verhoging {_date_nl(step.datum)}", step.bedrag_per_maand, "€/maand",
                                    step.bron.kort(), step.status, where(("cao_verhogingen", n, "bedrag_per_maand"))))
        if step.status == "aanname":
            b.aannames.append(f"Cao-stap {_date_nl(step.datum)}: {step.toelichting or 'datum of hoogte aangenomen'}")
        at = step.datum
    last = ds.salary.cao_verhogingen_onbekend_na
    if peildatum > last:
        b.waarschuwingen.append(
            f"Peildatum {_date_nl(peildatum)} ligt na de laatste bekende cao-stap: de bedragen staan op het "
            f"niveau van {_date_nl(max(at, min(last, peildatum)))}. {ds.salary.cao_verhogingen_toelichting}"
        )
    return maand, peildatum if peildatum <= last else max(at, table.ingangsdatum)


def _integral(ds: Dataset, schaal: str, b: _Build, where) -> Uurtarief:
    ik = ds.salary.integrale_kosten
    if ik is None:
        raise UsageProblem("de data bevat geen integrale kosten (salary_scales.yaml: integrale_kosten)")
    if schaal not in ik.loonkosten_per_fte_per_jaar:
        raise UsageProblem(f"geen integrale loonkosten voor schaal '{schaal}' (schalen: {', '.join(ik.loonkosten_per_fte_per_jaar)})")
    loon = ik.loonkosten_per_fte_per_jaar[schaal]
    b.figuren += [
        Figuur(f"loonkosten per fte per jaar, schaal {schaal} ({ik.naam})", loon, "€/jaar", ik.bron.kort(), ik.status,
               where(("integrale_kosten", "loonkosten_per_fte_per_jaar", schaal))),
        Figuur("overhead per fte per jaar", ik.overhead_per_fte_per_jaar, "€/jaar", ik.bron.kort(), ik.status,
               where(("integrale_kosten", "overhead_per_fte_per_jaar"))),
        Figuur("productieve uren per fte per jaar", ik.productieve_uren_per_jaar, "uur/jaar",
               ik.productieve_uren_bron.kort(), ik.productieve_uren_status,
               where(("integrale_kosten", "productieve_uren_per_jaar"))),
    ]
    b.aannames.append(
        f"Integrale kosten: {ik.naam} ({s.STATUS_LABELS[ik.status]}); de schalen zijn die van het Rijk, "
        "niet die van gemeenten."
    )
    bedrag = (loon + ik.overhead_per_fte_per_jaar) / ik.productieve_uren_per_jaar
    return Uurtarief(
        bedrag=bedrag,
        omschrijving=(
            f"{money.euro(bedrag, 4)} per uur: integrale kosten schaal {schaal} ({ik.naam}): "
            f"({money.euro(loon, 0)} + {money.euro(ik.overhead_per_fte_per_jaar, 0)} overhead) / "
            f"{money.nl_number(ik.productieve_uren_per_jaar)} productieve uren"
        ),
        figuren=tuple(b.figuren),
        aannames=tuple(b.aannames),
        waarschuwingen=tuple(b.waarschuwingen),
        peildatum=f"{ik.jaar}-01-01",
    )
