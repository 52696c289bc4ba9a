"""``bncost rapport --uitvoer X.html``: one self-contained page for a council memo.

Sections: a summary in plain words; cost per taakgebied; the three models (chart and table);
cost against municipality size; for a region the contribution per member and the executor's fte
and budget; the assumptions and sources with their status; the explanation tree; a colophon that
says how to reproduce the page. Tables come from the same views as the terminal output
(``views/``), so the page and ``bncost estimate`` cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.output import charts
from burgernet_cost.output import numbers as money
from burgernet_cost.output.html import notes_html, page, report_html, tree_html
from burgernet_cost.output.views.ranges import assumption_name, bounds_text, option_text
from burgernet_cost.output.wording import PAKKET_LABELS, date_nl, notes_text


@dataclass(frozen=True)
class Colofon:
    version: str
    command: str
    date: str  # the day the page was made (JJJJ-MM-DD)
    data: str  # the data folder as shown


def _municipality(d: Dossier, ds: Any) -> Any:
    return None if d.gemeente is None else (d.gemeente, ds.gemeenten())


def render_html(d: Dossier, ds: Any, colofon: Colofon) -> str:
    title = f"Burgernet: kosten van de gemeentelijke taken — {d.onderwerp}"
    sections = [
        f"<header><h1>{escape(title)}</h1><p class=sub>Berekend met bncost {escape(colofon.version)} uit het rapport "
        f"<i>Gemeentelijke taken Burgernet</i> (Programmabureau Burgernet, 2014), op {escape(date_nl(colofon.date))}.</p></header>",
        _summary(d, ds),
        _areas(d, ds, colofon),
        _models(d, ds, colofon),
        _sizes(d),
        *([_region(d, ds, colofon)] if d.is_regio else []),
        *([_sensitivity(d)] if d.gevoeligheid else []),
        *([_series(d)] if d.reeks is not None and d.reeks.punten else []),
        _assumptions(d),
        _explanation(d),
        _colophon(d, colofon),
    ]
    return page(title, "\n".join(sections))


def _summary(d: Dossier, ds: Any) -> str:
    first = d.pakketten[0]
    v = d.vergelijkingen[first]
    s = v.schatting
    who = (f"{escape(d.onderwerp)} heeft {money.nl_number(d.inwoners)} inwoners (CBS, peildatum {escape(d.gemeente.peildatum)})"
           if d.gemeente is not None else f"Voor {escape(d.onderwerp)} ({money.nl_number(d.inwoners)} inwoners)")
    if d.is_regio:
        who = f"De regio {escape(d.onderwerp)} telt {len(d.regio[first].leden)} gemeenten en {money.nl_number(d.inwoners)} inwoners"
    lines = [f"<p>{who}. Als de gemeente{'n' if d.is_regio else ''} alles zelf doe{'n' if d.is_regio else 't'} "
             f"(gemeentelijk model), kosten de Burgernet-taken:</p><ul>"]
    for p in d.pakketten:
        t = d.vergelijkingen[p].schatting.totaal
        assert t.kosten_per_jaar is not None and t.per_inwoner is not None and t.uren_per_maand is not None and t.fte is not None
        lines.append(f"<li><span class=big>{escape(money.euro(t.kosten_per_jaar))}</span> per jaar voor het "
                     f"{escape(PAKKET_LABELS[p])} ({escape(money.euro(t.per_inwoner, 4))} per inwoner; "
                     f"{escape(money.hours(t.uren_per_maand))} uur per maand = {escape(money.fte(t.fte))} fte)</li>")
    lines.append("</ul><p>Per inrichtingsmodel (" + escape(PAKKET_LABELS[first]) + "):</p><ul>")
    for u in v.uitkomsten:
        rest = (f"eigen kosten {money.euro(u.eigen_kosten)} plus bijdrage {money.euro(u.bijdrage)} aan de uitvoerder"
                if u.tarief_per_inwoner is not None else "alles in eigen beheer")
        star = " (rust op de aanname over het schaalvoordeel)" if u.rust_op_aanname else ""
        lines.append(f"<li><b>{escape(u.naam)}</b>: {escape(money.euro(u.totaal))} per jaar — {escape(rest)}{escape(star)}</li>")
    lines.append("</ul>")
    fragment = [n for n in notes_text([n for n in v.notities if n.code == "fte_fragment"])] if not d.is_regio else []
    if d.is_regio:
        r = d.regio[first]
        fragment = [f"In het regionale model ({PAKKET_LABELS[first]}) heeft de uitvoerder {money.hours(r.uitvoerder_uren)} uur per "
                    f"maand nodig, {money.fte(r.uitvoerder_fte)} fte; de gemeenten betalen samen {money.euro(r.budget)} per jaar "
                    f"({money.euro(r.tarief_per_inwoner, 4)} per inwoner) en doen hun beleid zelf."]
    timeline = [n for n in notes_text([n for n in s.notities if n.code == "tijdlijn"])]
    lines += [f"<p>{escape(n)}</p>" for n in (*fragment, *timeline)]
    if d.bereik is not None and d.bereik.laag.waarde < d.bereik.hoog.waarde:
        b = d.bereik
        lines.append(f"<p><b>Hoe zeker:</b> met de alternatieven die de data bij elke aanname noemt, ligt het bedrag voor het "
                     f"{escape(PAKKET_LABELS[first])} tussen {escape(money.euro(b.laag.waarde))} en {escape(money.euro(b.hoog.waarde))} "
                     f"per jaar (laag bij: {escape(bounds_text(b.laag.door))}; hoog bij: "
                     f"{escape(bounds_text(b.hoog.door))}). Zie <a href='#gevoeligheid'>Hoe zeker</a>.</p>")
    if s.rust_op_aanname:
        lines.append("<p>Deze bedragen rusten op aannames die het rapport niet zelf doet; zie <a href='#aannames'>Aannames en bronnen</a>.</p>")
    return '<section class="summary" aria-label="Samenvatting"><h2 id="samenvatting">Samenvatting</h2>' + "".join(lines) + "</section>"


def _areas(d: Dossier, ds: Any, c: Colofon) -> str:
    from burgernet_cost.output.views.estimate import estimate_report

    out = ['<section><h2 id="taakgebieden">Kosten per taakgebied</h2>']
    seen: set[str] = set()
    for p, s in d.schattingen.items():
        report = estimate_report(s, c.data, _municipality(d, ds), ds=ds)
        new = [n for n in report.notes if n not in seen]
        seen.update(report.notes)
        out.append(f"<h3>{escape(PAKKET_LABELS[p].capitalize())}</h3>{report_html(report, header=p == d.pakketten[0], notes=False)}"
                   f"{notes_html(new) if new else ''}")
    out.append("</section>")
    return "\n".join(out)


def _models(d: Dossier, ds: Any, c: Colofon) -> str:
    from burgernet_cost.output.views.compare import compare_report

    groups = [(p, [(u.naam, u.eigen_kosten, u.bijdrage) for u in v.uitkomsten]) for p, v in d.vergelijkingen.items()]
    title = "Kosten per jaar per inrichtingsmodel" + (" (de regio als geheel)" if d.is_regio else "")
    chart = _chart(lambda: charts.models_chart("modellen", title, groups))
    report = compare_report(list(d.vergelijkingen.values()), ds, c.data, False, _municipality(d, ds))
    intro = ("<p>De modellen voor de regio als geheel: de kosten zijn evenredig met het aantal inwoners, dus het "
             "totaal van de gemeenten samen.</p>" if d.is_regio else "")
    return (f'<section class="page"><h2 id="modellen">De drie inrichtingsmodellen</h2>{intro}{chart}'
            f"{report_html(report, header=False)}</section>")


def _sizes(d: Dossier) -> str:
    series = [(PAKKET_LABELS[p], [(n, totals[p]) for n, totals in d.grootte]) for p in d.pakketten]
    if d.is_regio:
        marked: list[tuple[str, int]] = []
        text = "Elke punt is een gemeente van de regio."
    else:
        marked = [(d.onderwerp, d.inwoners)]
        text = f"De stippellijn markeert {d.onderwerp}."
    chart = _chart(lambda: charts.size_chart("grootte", "Kosten per jaar naar aantal inwoners (gemeentelijk model)", series, marked))
    head = "".join(f"<th class=num>{escape(PAKKET_LABELS[p])}</th>" for p in d.pakketten)
    rows = "".join(f"<tr><td class=num>{money.nl_number(n)}</td>" + "".join(f"<td class=num>{escape(money.euro(t[p]))}</td>"
                                                                           for p in d.pakketten) + "</tr>" for n, t in d.grootte)
    table = (f"<table><caption>Kosten per jaar (gemeentelijk model) naar aantal inwoners</caption><thead><tr>"
             f"<th class=num>Inwoners</th>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (f'<section><h2 id="grootte">Kosten naar gemeentegrootte</h2><p>{escape(text)} De uren en dus de kosten '
            f"groeien evenredig met het aantal inwoners (zie de aannames).</p>{chart}<details><summary>De cijfers</summary>"
            f"{table}</details></section>")


def _region(d: Dossier, ds: Any, c: Colofon) -> str:
    from burgernet_cost.domain.region import group_by_unit
    from burgernet_cost.output.views.region import region_report

    out = ['<section class="page"><h2 id="regio">Bijdrage per gemeente en de regionale uitvoerder</h2>']
    for p, r in d.regio.items():
        per_unit = len(r.leden) > 60
        rows = ([(u, b) for u, _n, _i, _h, b in group_by_unit(r)] if per_unit else [(lid.naam, lid.bijdrage) for lid in r.leden])
        rows.sort(key=lambda item: -item[1])
        chart = _chart(lambda rows=rows, p=p: charts.members_chart(f"leden-{p}", f"Bijdrage per jaar, {PAKKET_LABELS[p]}", rows))
        report = region_report(r, ds, c.data, per_unit, None)
        out.append(f"<h3>{escape(PAKKET_LABELS[p].capitalize())}</h3>{chart}{report_html(report)}")
    out.append("</section>")
    return "\n".join(out)


def _sensitivity(d: Dossier) -> str:
    central = d.vergelijkingen[d.pakketten[0]].model("gemeentelijk").totaal
    rows = [(assumption_name(u.aanname), u.laag[1]["totaal"], u.hoog[1]["totaal"]) for u in d.gevoeligheid]
    chart = _chart(lambda: charts.tornado_chart("gevoeligheid", f"Hoeveel elke aanname uitmaakt ({PAKKET_LABELS[d.pakketten[0]]})",
                                                central, rows))
    body = "".join(
        f"<tr><td>{escape(assumption_name(u.aanname))} <span class='status-{escape(u.aanname.status)}'>({escape(u.aanname.status)})</span></td>"
        f"<td>{escape(option_text(u.laag[0], u.aanname))}</td><td class=num>{escape(money.euro(u.laag[1]['totaal']))}</td>"
        f"<td>{escape(option_text(u.hoog[0], u.aanname))}</td>"
        f"<td class=num>{escape(money.euro(u.hoog[1]['totaal']))}</td><td class=num>{escape(money.euro(u.swing('totaal')))}</td>"
        f"<td class=num>{escape(money.euro(u.swing('landelijk')))}</td></tr>" for u in d.gevoeligheid)
    table = ("<table><thead><tr><th>Aanname</th><th>Laag bij</th><th class=num>Laag</th><th>Hoog bij</th><th class=num>Hoog</th>"
             f"<th class=num>Uitslag</th><th class=num>Uitslag landelijk</th></tr></thead><tbody>{body}</tbody></table>")
    return ('<section><h2 id="gevoeligheid">Hoe zeker: de aannames</h2><p>Eén aanname tegelijk van haar laagste naar haar '
            "hoogste alternatief (uit de data), de andere op hun standaard: de kosten per jaar als de gemeente alles zelf doet. "
            f"Grootste uitslag bovenaan.</p>{chart}{table}</section>")


def _series(d: Dossier) -> str:
    assert d.reeks is not None
    points = [(p.jaar, p.schatting.totaal.kosten_per_jaar or Decimal(0)) for p in d.reeks.punten]
    events = [(_year_fraction(e.datum), date_nl(e.datum)) for p in d.reeks.punten for e in p.gebeurtenissen]
    chart = _chart(lambda: charts.series_chart("reeks", f"Kosten per jaar, {PAKKET_LABELS[d.reeks.pakket]}", points, events))
    body = "".join(
        f"<tr><td>{p.jaar}</td><td class=num>{money.nl_number(p.inwoners)}</td>"
        f"<td>{escape(date_nl(p.schatting.uurtarief.peildatum) if p.schatting.uurtarief.peildatum else 'vast')}</td>"
        f"<td class=num>{escape(money.euro(p.schatting.uurtarief.bedrag, 4))}</td>"
        f"<td class=num>{escape(money.euro(p.schatting.totaal.kosten_per_jaar or Decimal(0)))}</td>"
        f"<td>{escape('; '.join(e.gebeurtenis.strip() for e in p.gebeurtenissen))}</td></tr>" for p in d.reeks.punten)
    table = ("<table><thead><tr><th>Jaar</th><th class=num>Inwoners</th><th>Prijspeil</th><th class=num>Uurtarief</th>"
             f"<th class=num>Kosten per jaar</th><th>Gebeurtenis</th></tr></thead><tbody>{body}</tbody></table>")
    missing = any(p.ontbrekend for p in d.reeks.punten)
    warn = ("<p>Let op: in de eerste jaren ontbreken gemeenten die later zijn samengevoegd; het totaal is daar te laag.</p>"
            if missing else "")
    return ('<section class="page"><h2 id="reeks">Over de jaren</h2><p>Per jaar de inwoners op 1 januari (CBS) en het prijspeil '
            "van dat jaar. Na 2019 veranderde Burgernet (zie de gebeurtenissen); latere jaren zijn een wat-als met het "
            f"takenpakket van 2014.</p>{warn}{chart}<details><summary>De cijfers</summary>{table}</details></section>")


def _year_fraction(iso: str) -> float:
    """2023-06-05 -> 2023.42: an event between the yearly points (each at 1 January)."""
    import datetime as dt

    day = dt.date.fromisoformat(iso)
    return day.year + (day.timetuple().tm_yday - 1) / 365


def _assumptions(d: Dossier) -> str:
    figures: dict[str, Any] = {}
    for v in d.vergelijkingen.values():
        for f in v.figuren:
            figures.setdefault(f.id, f)
    ordered = sorted(figures.values(), key=lambda f: ({"aanname": 0, "afgeleid": 1, "invoer": 2}.get(f.status, 3), f.id))
    rows = "".join(
        f"<tr><td>{escape(f.id)}</td><td class=num>{escape(_value(f.waarde))}</td><td>{escape(f.eenheid)}</td>"
        f"<td>{escape(f.bron)}</td><td class='status-{escape(f.status)}'>{escape(f.status)}</td><td>{escape(f.plaats or '')}</td></tr>"
        for f in ordered)
    notes: list[str] = []
    for v in d.vergelijkingen.values():
        notes += [n for n in notes_text(v.notities) if n not in notes]
    return ('<section class="page"><h2 id="aannames">Aannames en bronnen</h2><p>Elk cijfer waarop de bedragen rusten, '
            "met zijn bron en status: <b>gepubliceerd</b> (staat zo in het rapport of de bron), <b>afgeleid</b> (door bncost "
            "berekend uit een bron, met methode) of <b>aanname</b> (niet in een bron; een keuze van bncost).</p>"
            "<table><thead><tr><th>Cijfer</th><th class=num>Waarde</th><th>Eenheid</th><th>Bron</th><th>Status</th>"
            f"<th>Plaats in data/</th></tr></thead><tbody>{rows}</tbody></table><h3>Toelichting</h3>{notes_html(notes)}</section>")


def _value(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, Decimal)):
        return money.nl_number(waarde, 0 if isinstance(waarde, int) or waarde == waarde.to_integral() else 4)
    return str(waarde)


def _explanation(d: Dossier) -> str:
    from burgernet_cost.output.explain import tree

    blocks = []
    for p, v in d.vergelijkingen.items():
        blocks.append(f"<details><summary>{escape(PAKKET_LABELS[p].capitalize())}</summary><div class=tree>{tree_html(tree(v.spoor))}</div></details>")
    return ('<section><h2 id="uitleg">Uitleg van de berekening</h2><p>Elk bedrag als boom: de formule, de cijfers '
            "eronder, hun bron en status (klik om open te klappen).</p>" + "".join(blocks) + "</section>")


def _colophon(d: Dossier, c: Colofon) -> str:
    return (f"<footer><p>Gemaakt door bncost {escape(c.version)} op {escape(date_nl(c.date))}, uit de data in "
            f"<code>{escape(c.data)}</code> (vingerafdruk <code>{escape(d.vingerafdruk)}</code>).</p>"
            f"<p>Opnieuw maken: <code>{escape(c.command)}</code></p></footer>")


def _chart(make: Any) -> str:
    svg = make()
    return f"<figure>{svg}</figure>"
