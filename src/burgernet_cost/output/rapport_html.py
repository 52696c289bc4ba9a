"""``bncost rapport --uitvoer X.html``: one self-contained page for a council.

Page 1 is the summary a council member reads: who and which date, the cost per package, the models
side by side, the cheapest and why, how sure, what changed after 2014. Then the tables and charts
(``rapport_sections.py``), then one appendix with every note, assumption and source exactly once,
referred to by number (``rapport_notes.py``). The figures come from the ``Dossier`` (domain) and
the same views as the terminal output, so the page and ``bncost estimate`` cannot disagree.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.domain.region import Regio
from burgernet_cost.output import numbers as money
from burgernet_cost.output import rapport_sections as sections
from burgernet_cost.output.cells import html_text
from burgernet_cost.output.html_page import page, table_html
from burgernet_cost.output.rapport_notes import Noten, appendix_html
from burgernet_cost.output.views.compare import totals_table
from burgernet_cost.output.views.estimate import package_table
from burgernet_cost.output.views.ranges import assumption_name, bounds_text, option_text
from burgernet_cost.output.views.region import members_table
from burgernet_cost.output.wording import PAKKET_LABELS, date_nl, events_note, note_text, rate_description
from burgernet_cost.structs import struct

SCALE_NOTES = ("schaalvoordeel_aanname", "schaalvoordeel_opgegeven", "advies_landelijk", "tarief_advies")


@struct
class Colofon:
    version: str
    command: str  # how to make the document again (no machine paths)
    date: str  # the day the page was made (JJJJ-MM-DD)
    data: str  # the data as named in a document: "meegeleverde data (bncost X.Y.Z)" or a relative folder


def render_html(d: Dossier, ds: Any, colofon: Colofon) -> str:
    title = f"Burgernet: kosten van de gemeentelijke taken — {d.onderwerp}"
    noten = Noten()
    summary = _summary(d, ds, noten, colofon)
    body = [
        sections.areas(d, ds, colofon, noten),
        sections.models(d, ds, colofon, noten),
        *([sections.region(d, ds, colofon, noten)] if d.is_regio else []),
        *([sections.sensitivity(d, noten)] if d.gevoeligheid else []),
        *([sections.series(d, ds, colofon, noten)] if d.reeks is not None and d.reeks.punten else []),
        sections.sizes(d),
    ]
    appendix = appendix_html(d, Path(ds.root), noten)
    content = (
        f"<header><h1>{html_text(title)}</h1></header>\n<main>\n{summary}\n"
        + "\n".join(body)
        + f"\n{appendix}\n</main>\n{_colophon(d, colofon)}"
    )
    return page(title, content)


def _who(d: Dossier, colofon: Colofon) -> str:
    s = next(iter(d.schattingen.values()))
    if d.is_regio:
        leden = next(iter(d.regio.values())).leden
        who = f"{d.onderwerp}: {len(leden)} gemeenten met samen {money.nl_number(d.inwoners)} inwoners"
    elif d.gemeente is not None:
        who = f"{d.onderwerp}: {money.nl_number(d.inwoners)} inwoners op {date_nl(d.gemeente.peildatum)} (CBS)"
    else:
        who = f"Een gemeente van {money.nl_number(d.inwoners)} inwoners"
    t = s.uurtarief
    level = f"prijspeil {date_nl(t.peildatum)}" if t.peildatum else "het opgegeven uurtarief"
    rate = rate_description(t, s.spoor.stap(t.stap))
    return (
        f"<p class=sub>{html_text(who)}. Bedragen per jaar op {html_text(level)}, uurtarief {html_text(rate)}. "
        f"Berekend op {html_text(date_nl(colofon.date))} met bncost {html_text(colofon.version)} uit het rapport "
        "<i>Gemeentelijke taken Burgernet</i> (Programmabureau Burgernet, 2014).</p>"
    )


def _after_2014(ds: Any, s: Any, noten: Noten) -> str:
    """What came after the report, short: each event with its date, "(afgeleid)" where bncost infers
    its date or consequence, and one note with every source and method (``events_note``)."""
    notes = [n for n in s.notities if n.code == "tijdlijn"]
    at = notes[0].p["peildatum"] if notes else None
    events = [e for e in ds.tijdlijn.gebeurtenissen if e.gevolg and (at is None or e.datum <= at)]
    if not events:
        return ""
    items = "; ".join(
        html_text(f"{date_nl(e.datum)}: " + (e.gebeurtenis.strip() if at is None else f"sindsdien {e.gevolg.strip()}"))
        + (" (afgeleid)" if e.status != "gepubliceerd" else "")
        for e in events
    ) + noten.ref([events_note(events)])
    if at is None:
        lead, tail = (
            "Deze bedragen gelden voor de datum hierboven; daarna veranderde er veel",
            (" Een berekening op een latere datum (bncost rapport --jaar 2024) is een wat-als en zegt dat."),
        )
    else:
        lead, tail = f"Deze berekening (op {date_nl(at)}) is een wat-als: het takenpakket van 2014 met latere cijfers. Na het rapport", ""
    return f'<h3 id="na-2014">Wat veranderde na 2014</h3><p>{html_text(lead)}: {items}.{html_text(tail)}</p>'


def _summary(d: Dossier, ds: Any, noten: Noten, colofon: Colofon) -> str:
    first = d.pakketten[0]
    s = d.schattingen[first]
    timeline = [note_text(n) for n in s.notities if n.code == "tijdlijn"]
    for text in timeline:
        noten.inline[text] = ("na-2014", "wat veranderde na 2014")
    parts = [
        _who(d, colofon),
        table_html(package_table(d.schattingen, d.is_regio)),
        table_html(totals_table(list(d.vergelijkingen.values()), d.is_regio)),
        *([sections.executor_lines(d)] if d.is_regio else []),
        *([sections.member_lines(d)] if d.regio_van else []),
        _cheapest(d, noten),
        _how_sure(d, noten),
    ]
    parts.append(_after_2014(ds, s, noten))
    if s.rust_op_aanname:
        rests = [note_text(n) for n in s.notities if n.code.startswith(("aanname", "tabel_afgeleid", "schaling_aanname"))]
        parts.append(
            f"<p>Deze bedragen rusten op aannames die het rapport niet zelf doet{noten.ref(rests)}; de bijlage noemt "
            "elk cijfer met zijn bron en status.</p>"
        )
    return '<section class="summary" aria-labelledby="samenvatting"><h2 id="samenvatting">Samenvatting</h2>' + "".join(parts) + "</section>"


def _cheapest(d: Dossier, noten: Noten) -> str:
    """Which model costs least per package, by how much, and on what that difference rests."""
    lines = []
    for p, v in d.vergelijkingen.items():
        low = min(u.totaal for u in v.uitkomsten)
        high = max(u.totaal for u in v.uitkomsten)
        cheapest = [u for u in v.uitkomsten if u.totaal == low]
        if low == high:
            lines.append(f"{PAKKET_LABELS[p]}: de drie modellen kosten even veel")
            continue
        names = " en ".join(u.naam.lower() for u in cheapest)
        lines.append(f"{PAKKET_LABELS[p]}: {names}, {money.euro(high - low)} per jaar minder dan het duurste model")
    v = next(iter(d.vergelijkingen.values()))
    why_notes = [note_text(n) for n in v.notities if n.code in SCALE_NOTES]
    equal = [note_text(n) for n in v.notities if n.code == "berekend_gelijk"]
    why = ""
    if any(u.rust_op_aanname for u in v.uitkomsten):
        why = (
            f" Het verschil komt alleen uit het schaalvoordeel van een landelijke voorziening ({money.nl_number(v.schaalvoordeel, 0)}%), "
            f'en dat is een aanname: het rapport zegt alleen dat landelijk "iets lager" uitkomt{noten.ref(why_notes)}.'
        )
    elif why_notes:
        why = f" Het verschil volgt uit het gekozen tarief{noten.ref(why_notes)}."
    same = (
        f" Gemeentelijk en regionaal kosten samen even veel; zij verschillen in wie het werk doet en wie betaalt{noten.ref(equal)}."
        if equal
        else ""
    )
    return "<p><b>Het goedkoopst:</b> " + html_text("; ".join(lines)) + "." + why + same + "</p>"


def _how_sure(d: Dossier, noten: Noten) -> str:
    first = d.pakketten[0]
    b = d.bereik
    out = []
    if b is not None and b.laag.waarde < b.hoog.waarde:
        spans = [u.aanname for u in d.gevoeligheid if u.aanname.id != "schaalvoordeel"]
        listed = "; ".join(f"{assumption_name(a)}: " + " of ".join(option_text(o, a) for o in a.opties) for a in spans)
        out.append(
            f"Met de alternatieven die de data bij de aannames noemt, ligt het bedrag voor het {html_text(PAKKET_LABELS[first])} "
            f"(gemeentelijk model) tussen <b>{html_text(money.euro(b.laag.waarde))}</b> en <b>{html_text(money.euro(b.hoog.waarde))}</b> "
            f"per jaar (laag bij {html_text(bounds_text(b.laag.door))}; hoog bij {html_text(bounds_text(b.hoog.door))}). "
            f"De band omvat: {html_text(listed)}."
        )
    s = d.schattingen[first]
    left_out = [note_text(n) for n in s.notities if n.code in ("niet_gekwantificeerd", "niet_inbegrepen")]
    out.append(
        "Niet in de band: de uren zelf (de waarnemingen uit de interviews van 2014, §4), wat niet gekwantificeerd of "
        f"niet inbegrepen is{noten.ref(left_out)} en een andere kostenbasis dan het salaris zonder toeslagen."
    )
    if d.kostenbases:
        labels = {"toeslagen": "met alle toeslagen (--toeslagen alle)", "integraal": "met integrale kosten (--kostenbasis integraal)"}
        bases = "; ".join(
            f"{labels[k]}: {money.euro(e.totaal.kosten_per_jaar or Decimal(0))}"
            + (
                f" (prijspeil {date_nl(e.uurtarief.peildatum)})"
                if e.uurtarief.peildatum != s.uurtarief.peildatum and e.uurtarief.peildatum
                else ""
            )
            for k, e in d.kostenbases
        )
        caveats = [note_text(n) for _k, e in d.kostenbases for n in e.notities if n.code == "integrale_kosten"]
        out.append(f"Op een andere kostenbasis kost het {PAKKET_LABELS[first]} per jaar {html_text(bases)}{noten.ref(caveats)}.")
    return "<h3>Hoe zeker</h3>" + "".join(f"<p>{line}</p>" for line in out)


def _colophon(d: Dossier, c: Colofon) -> str:
    return (
        f"<footer><p>Gemaakt door bncost {html_text(c.version)} op {html_text(date_nl(c.date))} uit {html_text(c.data)} "
        f"(vingerafdruk <code>{html_text(d.vingerafdruk)}</code>). Opnieuw maken: <code>{html_text(c.command)}</code>. "
        "Elke stap van de berekening met haar bron: <code>bncost estimate --uitleg</code> met dezelfde keuzes.</p></footer>"
    )


def index_html(title: str, regios: dict[Pakket, Regio], files: list[str]) -> str:
    """``rapport --per-gemeente``: the page that lists the members' documents, with ``regio``'s contributions."""
    regio = next(iter(regios.values()))
    heading = f"Burgernet: een document per gemeente — {title}"
    table = table_html(members_table(regios, False, files), caption=f"De gemeenten van {title}")
    body = (
        f"<header><h1>{html_text(heading)}</h1></header><main><p>{len(files)} documenten, één per gemeente. Bijdrage in het "
        f"regionale model, {html_text(PAKKET_LABELS[regio.pakket])}; de regio samen {html_text(money.euro(regio.budget))} per jaar.</p>"
        f"{table}</main>"
    )
    return page(heading, body)
