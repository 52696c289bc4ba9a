"""``bncost reeks``: one row per year."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict

from burgernet_cost.domain.series import Jaarpunt, Reeks, change_pct
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import CSV, DISPLAY, JSON, Column, Field, Part, Report, Table
from burgernet_cost.output.views.common import data_field, notes_field
from burgernet_cost.output.wording import PAKKET_LABELS, date_nl, event_sources, inferred, notes_text

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.municipal_years import Herindeling

MACHINE = frozenset({JSON, CSV})
COLUMNS = [
    Column("jaar", "Jaar"),
    Column("inwoners", "Inwoners", "int"),
    Column("prijspeil", "Prijspeil"),
    Column("uurtarief", "Uurtarief", "rate", formats=MACHINE),  # the terminal keeps to what fits 80 columns
    Column("uren_per_maand", "Uren/maand", "hours"),
    Column("fte", "FTE", "fte", formats=MACHINE),
    Column("kosten_per_jaar", "Kosten/jaar", "money"),
    Column("per_inwoner_per_jaar", "Per inwoner/jaar", "per_inwoner"),
    Column("opmerking", "Opmerking"),
]


def _remark(p: Jaarpunt, short: bool = False) -> str:
    parts = [date_nl(e.datum) + ("" if short else f": {e.gebeurtenis.strip()}") for e in p.gebeurtenissen]
    if short and parts:
        parts = [f"{', '.join(parts)} (zie toelichting)"]
    level = p.schatting.uurtarief.peildatum
    if level and level > f"{p.jaar}-01-01":
        parts.append(f"prijspeil {date_nl(level)}: er is geen oudere salaristabel")
    if p.na_laatste_cao_stap:
        parts.append("prijspeil na de laatste bekende cao-stap")
    if p.ontbrekend:
        parts.append(
            f"zonder {len(p.ontbrekend)} gemeente(n) (zie toelichting)"
            if short
            else f"zonder {', '.join(p.ontbrekend)} (bestond toen niet in deze vorm)"
        )
    if p.voorgangers:
        parts.append(
            "som van de voorgangers"
            + ("" if short else f" {', '.join(p.voorgangers)}")
            + (f", zonder het deel van {', '.join(p.deels)}" if p.deels and not short else "")
        )
    if p.schatting.uurtarief.aannames and any(n.code in ("tabel_afgeleid", "cao_stap_aanname") for n in p.schatting.uurtarief.aannames):
        parts.append("prijspeil rust op een aanname" if short else "prijspeil rust op een afgeleide tabel of aangenomen cao-stap")
    return "; ".join(parts)


class JaarRij(TypedDict):
    """One year of a series, under its json keys (``reeks``, the council document and its workbook)."""

    jaar: str
    jaartal: int
    inwoners: int
    bron_inwoners: str
    prijspeil: str
    prijspeil_datum: str | None
    uurtarief: Decimal
    uren_per_maand: Decimal | None
    fte: Decimal | None
    kosten_per_jaar: Decimal | None
    per_inwoner_per_jaar: Decimal | None
    opmerking: str
    opmerking_volledig: str
    gebeurtenissen: str
    na_laatste_cao_stap: bool
    ontbrekend: str


def series_rows(reeks: Reeks) -> list[JaarRij]:
    """One row per year: ``bncost reeks`` and the council document's table."""
    rows: list[JaarRij] = []
    for p in reeks.punten:
        s = p.schatting
        rows.append(
            {
                "jaar": str(p.jaar),
                "jaartal": p.jaar,
                "inwoners": p.inwoners,
                "bron_inwoners": p.bron_inwoners,
                "prijspeil": date_nl(s.uurtarief.peildatum) if s.uurtarief.peildatum else "vast (opgegeven)",
                "prijspeil_datum": s.uurtarief.peildatum,
                "uurtarief": s.uurtarief.bedrag,
                "uren_per_maand": s.totaal.uren_per_maand,
                "fte": s.totaal.fte,
                "kosten_per_jaar": s.totaal.kosten_per_jaar,
                "per_inwoner_per_jaar": s.totaal.per_inwoner,
                "opmerking": _remark(p, short=True),
                "opmerking_volledig": _remark(p),
                "gebeurtenissen": ", ".join(e.id for e in p.gebeurtenissen),
                "na_laatste_cao_stap": p.na_laatste_cao_stap,
                "ontbrekend": ", ".join(p.ontbrekend),
            }
        )
    return rows


def _report_level(reeks: Reeks, ds: Dataset, rapport: Jaarpunt | None) -> list[str]:
    """The row of the report's year is not the report's amount: it is at 1 January of that year, the
    report's at the price level of its salary (1 April 2012). Say how the two differ."""
    from burgernet_cost.data.instant import report_price_date

    level = report_price_date(ds)
    year = ds.gemeenten().rapportjaar
    same = next((p for p in reeks.punten if p.jaar == year), None)
    if level is None or same is None or same.schatting.uurtarief.peildatum in (None, level):
        return []
    rate = same.schatting.uurtarief
    steps = [str(d) for d in rate.p.get("cao_stappen") or ()]  # type: ignore[union-attr]
    table = date_nl(str(rate.p["tabel_datum"]))
    assumed = [date_nl(str(n.p["datum"])) for n in rate.aannames if n.code == "cao_stap_aanname"]
    how = (
        f"tabel {table} + {len(steps)} {'cao-stap' if len(steps) == 1 else 'cao-stappen'} tot {date_nl(steps[-1])}"
        + (f"; aangenomen: {', '.join(assumed)}" if assumed else "")
        if steps
        else f"de tabel van {table}"
    )
    text = f"De rij {year} rekent op prijspeil {date_nl(str(rate.peildatum))} ({how}), het rapport op {date_nl(level)}"
    if rapport is not None:
        text += (
            f": {money.euro(rapport.schatting.totaal.kosten_per_jaar or Decimal(0))} per jaar in plaats van "
            f"{money.euro(same.schatting.totaal.kosten_per_jaar or Decimal(0))} (de rij 'rapport' bovenaan)"
        )
    return [text + "."]


def _merger_remarks(reeks: Reeks, rows: list[JaarRij], mergers: dict[int, list[Herindeling]]) -> list[str]:
    """Flag a year in which municipalities went into the subject: its inhabitants jump (unless the
    years before already sum the predecessors of a newly formed municipality)."""
    notes = []
    by_year = {r["jaartal"]: r for r in rows}
    summed = {p.jaar for p in reeks.punten if p.voorgangers}
    for jaar, found in sorted(mergers.items()):
        row = by_year.get(jaar)
        if row is None:
            continue
        names = ", ".join(h.naam + ("" if h.geheel else " (deels)") for h in found)
        dates = ", ".join(sorted({date_nl(h.datum) for h in found}))
        before = by_year.get(jaar - 1) if jaar - 1 not in summed else None
        jump = (
            f", inwoners {'+' if row['inwoners'] >= before['inwoners'] else ''}"
            f"{money.pct(change_pct(row['inwoners'], before['inwoners']))} tegen {jaar - 1}"
            if before and before["inwoners"]
            else ""
        )
        text = f"herindeling {dates}: {names} opgegaan in {found[0].opgegaan_in_naam}{jump}"
        row["opmerking"] = "; ".join(x for x in (f"herindeling {dates}", row["opmerking"]) if x)
        row["opmerking_volledig"] = "; ".join(x for x in (text, row["opmerking_volledig"]) if x)
        notes.append(
            f"{jaar}: {text[:1].upper() + text[1:]}. "
            + (
                "De jaren ervoor tellen de voorgangers al op (data/gemeenten/herindelingen.csv)."
                if jaar - 1 in summed
                else "Het bedrag stijgt daardoor; het is geen groei van dezelfde gemeente (data/gemeenten/herindelingen.csv)."
            )
        )
    return notes


def series_report(
    reeks: Reeks, ds: Dataset, data_dir: str, rapport: Jaarpunt | None = None, mergers: dict[int, list[Herindeling]] | None = None
) -> Report:
    """``rapport``: the report's year at the report's price level (a row above the years), or None;
    ``mergers``: per year, the reorganisations that added municipalities to the subject."""
    rows = series_rows(reeks)
    merger_notes = _merger_remarks(reeks, rows, mergers or {})
    shown_rows = rows
    extra: list[Part] = []
    if rapport is not None:
        top = series_rows(Reeks(reeks.onderwerp, reeks.pakket, (rapport,), reeks.vast_inwoners))[0]
        top["jaar"] = f"rapport ({rapport.jaar})"
        top["opmerking"] = "; ".join(x for x in ("prijspeil van het rapport", top["opmerking"]) if x)
        shown_rows = [top, *rows]
        kinds = {"jaartal": "int", "inwoners": "int", **{c.key: c.kind for c in COLUMNS[3:8]}, "na_laatste_cao_stap": "bool"}
        extra.append(
            Field("rapportniveau", None, [Field(k, None, v, kinds.get(k, "text")) for k, v in top.items() if k != "opmerking"], "object")
        )
    machine = [
        Column("jaartal", "", "int"),
        COLUMNS[1],
        Column("bron_inwoners", ""),
        Column("prijspeil_datum", ""),
        *COLUMNS[3:8],
        Column("gebeurtenissen", ""),
        Column("na_laatste_cao_stap", "", "bool"),
        Column("ontbrekend", ""),
        Column("opmerking_volledig", ""),
    ]
    notes = _notes(reeks, ds) + _report_level(reeks, ds, rapport) + merger_notes
    parts: list[Part] = [
        Field("onderwerp", "Voor", reeks.onderwerp),
        Field("pakket", "Pakket", reeks.pakket, text=f"{reeks.pakket} ({PAKKET_LABELS[reeks.pakket]})"),
        Field(None, "Jaren", f"{reeks.punten[0].jaar} tot en met {reeks.punten[-1].jaar}" if reeks.punten else "geen"),
        data_field(data_dir),
        Table(None, COLUMNS, [dict(r) for r in shown_rows], formats=frozenset({DISPLAY})),
        Table("jaren", machine, [dict(r) for r in rows], formats=frozenset({JSON, CSV})),
        *extra,
        notes_field(notes),
    ]
    return Report("reeks", f"Kosten per jaar: {reeks.onderwerp}", parts, notes)


def _notes(reeks: Reeks, ds: Dataset) -> list[str]:
    notes = [
        "Per jaar: de inwoners op 1 januari van dat jaar (CBS) en het uurtarief op prijspeil 1 januari van dat jaar "
        "(salaristabel en cao-stappen), tenzij het tarief is vastgezet (--uurtarief, --peildatum, --kostenbasis integraal)."
    ]
    if reeks.vast_inwoners:
        notes.append("Met --inwoners is het aantal inwoners elk jaar hetzelfde; alleen het prijspeil verandert.")
    seen = {e.id for p in reeks.punten for e in p.gebeurtenissen}
    for e in ds.tijdlijn.gebeurtenissen:
        if e.id in seen:
            notes.append(
                f"{date_nl(e.datum)}: {e.gebeurtenis.strip()}; daarna {(e.gevolg or '').strip()}"
                f"{inferred(e.status, ' '.join((e.methode or '').split()))} (bron: {event_sources(e)})."
            )
    if not reeks.vast_inwoners and any(p.leden > 1 for p in reeks.punten):  # a region, not one municipality
        notes.append("Een regio telt elk jaar de gemeenten van dat jaar (na herindelingen; data/gemeenten/herindelingen.csv, afgeleid).")
    short = [p for p in reeks.punten if p.ontbrekend]
    if short:
        names = sorted({n for p in short for n in p.ontbrekend})
        notes.append(
            f"Let op: in {short[0].jaar}–{short[-1].jaar} ontbreken de inwoners van {', '.join(names)}: die gemeenten "
            "bestonden toen nog niet en hebben geen voorgangers die geheel in hen opgingen; het totaal is in die jaren te laag."
        )
    merged = [p for p in reeks.punten if p.voorgangers]
    if merged:
        partial = sorted({n for p in merged for n in p.deels})
        notes.append(
            f"In {merged[0].jaar}–{merged[-1].jaar} bestond {reeks.onderwerp} nog niet: de inwoners zijn de som van "
            f"de gemeenten die er geheel in opgingen ({', '.join(merged[0].voorgangers)}; herindelingen, afgeleid)"
            + (f"; het deel van {', '.join(partial)} dat overging is niet meegeteld." if partial else ".")
        )
    if any(p.na_laatste_cao_stap for p in reeks.punten):
        notes.append("Na de laatste bekende cao-stap blijft het prijspeil staan op die stap: latere verhogingen zijn niet bekend.")
    for p in reeks.punten:  # what any year's result rests on, once
        notes += [n for n in notes_text(p.schatting.notities) if n not in notes and "Na het rapport" not in n]
    return notes
