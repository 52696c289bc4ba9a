"""Page 1 of ``bncost rapport``: the summary for the person who votes.

Who and which date, the cost per package, the three models side by side, the cheapest and why, how
sure (one sentence and a low / standard / high table), what changed after 2014, what to decide, and
the assumptions in words a council member knows. Every figure is a view value, only formatted here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from burgernet_cost.domain.assumptions import Aanname, Optie
from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.output import numbers as money
from burgernet_cost.output import rapport_sections as sections
from burgernet_cost.output.cells import html_text
from burgernet_cost.output.html_page import table_html
from burgernet_cost.output.rapport_notes import Noten
from burgernet_cost.output.views.compare import totals_table
from burgernet_cost.output.views.council import band_table
from burgernet_cost.output.views.estimate import package_table
from burgernet_cost.output.wording import PAKKET_LABELS, count_word, date_nl, events_note, names_and, note_text

SCALE_NOTES = ("schaalvoordeel_aanname", "schaalvoordeel_opgegeven", "advies_landelijk", "tarief_advies")
EDGE = {"laag": "het laagste", "hoog": "het hoogste"}
BASES = {
    "toeslagen": "met alle toeslagen (zoals vakantiegeld)",
    "integraal": "met integrale kosten (loonkosten plus overhead)",
}


def option_words(o: Optie) -> str:
    """An alternative of an assumption in words ("uurtarief € 22,07, het laagste dat de bedragen van het rapport geeft")."""
    p: dict[str, Any] = o.p
    if o.soort == "uurtarief_venster":
        return f"uurtarief {money.euro(p['bedrag'])} ({EDGE[p['rand']]} dat de bedragen van het rapport toelaten)"
    if o.soort == "tariefprofiel":
        return f"uurtarief {money.euro(p['bedrag'])} ({p['naam']})"
    if o.soort == "schaalvoordeel":
        return f"de {p['naam']} {money.pct(p['procent'])} goedkoper dan regionaal"
    rule = "voor elke gemeente gelijk, zoals gemeten" if p["regel"] == "per_gemeente" else "naar het aantal inwoners"
    return f"uren voor {str(p['taakgebied']).lower()} {rule}"


def options_words(options: tuple[Optie, ...]) -> str:
    return "; ".join(option_words(o) for o in options) if options else "de aannames van deze berekening"


def assumption_words(a: Aanname) -> str:
    """What an assumption says, for a council member."""
    if a.id == "uurtarief":
        return f"het uurtarief van {money.euro(Decimal(a.standaard))} (het rapport noemt geen salarisschaal)"
    if a.uitvoerder is not None:
        said = f'het rapport zegt "{a.citaat}"' if a.citaat else f"een {a.status}"
        return f"de {a.uitvoerder} {money.pct(Decimal(a.standaard))} goedkoper dan regionaal ({said})"
    area = (a.taakgebied or a.id).lower()
    if a.standaard == "per_gemeente":
        return f"de uren voor {area} zijn voor elke gemeente gelijk (het rapport mat één gemeente)"
    return f"de uren voor {area} groeien mee met het aantal inwoners (het rapport mat één gemeente)"


def summary(d: Dossier, ds: Any, noten: Noten, colofon: Any) -> str:
    words = noten.words
    parts = [
        _who(d, colofon),
        table_html(package_table(d.schattingen, d.is_regio), words=words),
        table_html(totals_table(list(d.vergelijkingen.values()), d.is_regio), words=words),
        _cheapest(d, noten),
        *([sections.executor_lines(d, words)] if d.is_regio else []),
        *([sections.member_lines(d)] if d.regio_van else []),
        _how_sure(d, noten),
        _pair(d, ds, noten),
    ]
    return '<section class="summary" aria-labelledby="samenvatting"><h2 id="samenvatting">Samenvatting</h2>' + "".join(parts) + "</section>"


def _pair(d: Dossier, ds: Any, noten: Noten) -> str:
    """What changed since 2014 beside what to decide and the assumptions (side by side on paper and a wide screen)."""
    since = _since_2014(d, ds, noten)
    assumptions = _assumptions(d, noten) if d.schattingen[d.pakketten[0]].rust_op_aanname else ""
    return f'<div class="pair"><div>{since}</div><div>{_decide(d)}{assumptions}</div></div>'


def _who(d: Dossier, colofon: Any) -> str:
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
    return (
        f"<p class=sub>{html_text(who)}. Bedragen per jaar op {html_text(level)}, uurtarief {html_text(money.euro(t.bedrag))}. "
        f"Berekend op {html_text(date_nl(colofon.date))} uit het rapport "
        "<i>Gemeentelijke taken Burgernet</i> (Programmabureau Burgernet, 2014).</p>"
    )


def _cheapest(d: Dossier, noten: Noten) -> str:
    """Which model costs least per package, by how much, and on what that difference rests."""
    lines = []
    for p, v in d.vergelijkingen.items():
        low = min(u.totaal for u in v.uitkomsten)
        if all(u.totaal == low for u in v.uitkomsten):
            lines.append(f"{PAKKET_LABELS[p]}: de {count_word(len(v.uitkomsten))} modellen kosten even veel")
            continue
        cheapest = [u for u in v.uitkomsten if u.totaal == low]
        names = " en ".join(u.naam.lower() for u in cheapest)
        if cheapest[0].verschil:  # the domain's difference with the gemeentelijk model
            lines.append(f"{PAKKET_LABELS[p]}: {names}, {money.euro(-cheapest[0].verschil)} per jaar minder dan gemeentelijk")
        else:  # gemeentelijk is cheapest: what the dearest costs more
            dearest = max(v.uitkomsten, key=lambda u: u.totaal)
            lines.append(f"{PAKKET_LABELS[p]}: {names}, {money.euro(dearest.verschil)} per jaar minder dan {dearest.naam.lower()}")
    v = next(iter(d.vergelijkingen.values()))
    why_notes = [note_text(n) for n in v.notities if n.code in SCALE_NOTES]
    equal = [note_text(n) for n in v.notities if n.code == "berekend_gelijk"]
    why = ""
    best = min(v.uitkomsten, key=lambda u: u.totaal)
    scale = next(iter(v.schaalvoordelen_van(best.id)), None)
    if scale is not None:
        why_notes = [note_text(n) for n in v.notities if n.code in SCALE_NOTES and n.p.get("id", scale.uitvoerder) == scale.uitvoerder]
        basis = (
            "een eigen keuze"
            if scale.opgegeven
            else f"een {scale.status}" + (f': het rapport zegt alleen "{scale.citaat}"' if scale.citaat else "")
        )
        why = f" Waarom: alleen omdat de {scale.naam} {money.pct(scale.procent)} goedkoper zou zijn, {basis}{noten.ref(why_notes)}."
    elif why_notes:
        why = f" Waarom: het gekozen tarief{noten.ref(why_notes)}."
    same_models = next((n.p["modellen"] for n in v.notities if n.code == "berekend_gelijk"), ())
    same = (
        f" {names_and(same_models, upper=True)} kosten samen even veel; zij verschillen in wie het werk doet en wie "
        f"betaalt{noten.ref(equal)}."
        if equal
        else ""
    )
    return "<p><b>Het goedkoopst:</b> " + html_text("; ".join(lines)) + "." + why + same + "</p>"


def _how_sure(d: Dossier, noten: Noten) -> str:
    first = d.pakketten[0]
    s = d.schattingen[first]
    b = d.bereik
    out = ["<h3>Hoe zeker</h3>"]
    left_out = [note_text(n) for n in s.notities if n.code in ("niet_gekwantificeerd", "niet_inbegrepen")]
    if b is not None and b.laag.waarde < b.hoog.waarde:
        out.append(
            f"<p>Met de andere keuzes die de bronnen toelaten kost het {html_text(PAKKET_LABELS[first])} tussen "
            f"<b>{html_text(money.euro(b.laag.waarde))}</b> en <b>{html_text(money.euro(b.hoog.waarde))}</b> per jaar; "
            f"de uren zelf (de interviews van 2014) en wat het rapport niet telde{noten.ref(left_out)} vallen daarbuiten.</p>"
        )
        total = s.totaal.kosten_per_jaar or Decimal(0)
        out.append(table_html(band_table(b, total, first, options_words), words=noten.words))
    else:
        out.append(
            "<p>De andere keuzes die de bronnen toelaten verschuiven dit bedrag niet; de uren zelf (de interviews van 2014) en "
            f"wat het rapport niet telde{noten.ref(left_out)} vallen daarbuiten.</p>"
        )
    if d.kostenbases:
        bases = "; ".join(
            f"{BASES[k]}: {money.euro(e.totaal.kosten_per_jaar or Decimal(0))}"
            + (
                f" (prijspeil {date_nl(e.uurtarief.peildatum)})"
                if e.uurtarief.peildatum and e.uurtarief.peildatum != s.uurtarief.peildatum
                else ""
            )
            for k, e in d.kostenbases
        )
        caveats = [note_text(n) for _k, e in d.kostenbases for n in e.notities if n.code == "integrale_kosten"]
        out.append(
            f"<p>Op een andere kostenbasis kost het {html_text(PAKKET_LABELS[first])} per jaar {html_text(bases)}{noten.ref(caveats)}.</p>"
        )
    return "".join(out)


def _since_2014(d: Dossier, ds: Any, noten: Noten) -> str:
    """The timeline's events, one line each; the what-if the amounts are after them (their full note: the appendix)."""
    s = d.schattingen[d.pakketten[0]]
    whatif = [note_text(n) for n in s.notities if n.code == "tijdlijn"]
    events = [e for e in ds.tijdlijn.gebeurtenissen if e.gevolg]
    items = [
        f"{html_text(date_nl(e.datum))}: {noten.words.html(e.gebeurtenis.strip())}" + (" (afgeleid)" if e.status != "gepubliceerd" else "")
        for e in events
    ]
    if items:  # every source with its dates, and the method of each inferred event: one note
        items[-1] += noten.ref([events_note(events)])
    if whatif:
        items.append(f"Deze bedragen zijn dus een wat-als: het takenpakket van 2014 met latere cijfers{noten.ref(whatif)}.")
    elif items:
        items.append("Een berekening voor een later jaar is een wat-als met het takenpakket van 2014, en zegt dat.")
    body = "<ul class=compact>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else "<p>Niets bekend.</p>"
    return '<h3 id="na-2014">Wat veranderde na 2014</h3>' + body


def _decide(d: Dossier) -> str:
    who = "de gemeenten doen" if d.is_regio else "de gemeente doet"
    v = next(iter(d.vergelijkingen.values()))
    names = {r.taakgebied: r.naam.lower() for r in v.schatting.regels}
    models, before = [], ""
    for u in v.uitkomsten:  # every model of the data, in its own words
        areas = " en ".join(names.get(a, a) for a, e in u.uitvoerders.items() if e != "gemeente")
        what = f"{who} alles zelf" if not areas else f"de {u.uitvoerder} doet " + ("dat" if areas == before else areas)
        models.append(f"{u.naam.lower()} ({what})")
        before = areas or before
    items = [
        f"Het inrichtingsmodel: {names_and(models, word='of')}.",
        "Het pakket: alleen het basispakket, of ook het aanvullende pakket.",
        "Het bedrag in de begroting, met de marge van ‘Hoe zeker’.",
    ]
    if d.is_regio:
        items.append('Regionaal: de bijdrage per inwoner aan de uitvoerder (zie de <a href="#regio">bijdrage per gemeente</a>).')
    elif d.regio_van:
        items.append("Regionaal: de bijdrage aan de uitvoerder van de regio (hierboven).")
    return "<h3>Wat de raad kiest</h3><ul class=compact>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _assumptions(d: Dossier, noten: Noten) -> str:
    s = d.schattingen[d.pakketten[0]]
    rests = [note_text(n) for n in s.notities if n.code.startswith(("aanname", "tabel_afgeleid", "schaling_aanname"))]
    named = [assumption_words(u.aanname) for u in d.gevoeligheid]
    listed = ": " + "; ".join(named) if named else ""
    return (
        f"<p><b>Aannames</b> die het rapport niet zelf doet{html_text(listed)}{noten.ref(rests)}. "
        'Elk cijfer met zijn bron: de <a href="#bijlage">bijlage</a>.</p>'
    )
