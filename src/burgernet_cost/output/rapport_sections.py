"""The sections after the summary of ``bncost rapport``'s page: the tables and charts.

Every section shows its views' tables; their notes go to the appendix (``Noten``) and the section
refers to them by number. Every chart has its numbers in its ``<desc>`` and a table beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.output import charts
from burgernet_cost.output import numbers as money
from burgernet_cost.output.cells import html_text
from burgernet_cost.output.document import Report
from burgernet_cost.output.html_page import report_html, table_html
from burgernet_cost.output.rapport_notes import Noten
from burgernet_cost.output.views.ranges import assumption_name, sensitivity_table
from burgernet_cost.output.wording import PAKKET_LABELS, count_word, date_nl

LONG_TABLE = 40  # a table of more rows than this prints in two columns
CHART_ROWS_IN_PRINT = 30  # a bar chart of more members than this is left out of print
SHORT = {"basis": "basis", "volledig": "volledig", "aanvullend": "aanvullend"}  # under a bar of a chart


def _municipality(d: Dossier, ds: Any) -> Any:
    return None if d.gemeente is None else (d.gemeente, ds.gemeenten())


def _block(report: Report, noten: Noten) -> str:
    refs = noten.ref(report.notes)
    return report_html(report, noten.words) + (f"<p class=refs>Toelichting{refs}.</p>" if refs else "")


def _section(ident: str, heading: str, body: str, screen_only: bool = False) -> str:
    extra = ' class="screen-only"' if screen_only else ""
    return f'<section aria-labelledby="{ident}"{extra}><h2 id="{ident}">{html_text(heading)}</h2>{body}</section>'


def areas(d: Dossier, ds: Any, c: Any, noten: Noten) -> str:
    from burgernet_cost.output.views.estimate import estimate_report

    out = []
    for p, s in d.schattingen.items():
        report = estimate_report(s, c.data, _municipality(d, ds), ds=ds)
        for table in report.tables_for("display"):
            table.title = f"Kosten per taakgebied, {PAKKET_LABELS[p]}"
        out.append(_block(report, noten))
    return _section("taakgebieden", "Kosten per taakgebied (gemeentelijk model)", "".join(out))


def models(d: Dossier, ds: Any, c: Any, noten: Noten) -> str:
    from burgernet_cost.output.views.compare import compare_report

    groups = [(SHORT[p], [(u.naam, u.eigen_kosten, u.bijdrage) for u in v.uitkomsten]) for p, v in d.vergelijkingen.items()]
    title = "Kosten per jaar per inrichtingsmodel" + (" (de regio als geheel)" if d.is_regio else "")
    chart = _figure(
        lambda w, i: charts.models_chart(f"modellen{i}", title, groups, w),
        "Volledig is het basis- en aanvullend pakket samen. De cijfers staan in de tabel eronder.",
    )
    report = compare_report(list(d.vergelijkingen.values()), ds, c.data, False, _municipality(d, ds))
    intro = (
        "<p>De modellen voor de regio als geheel: het totaal van de gemeenten samen, elke gemeente zoals zij alleen zou uitkomen.</p>"
        if d.is_regio
        else ""
    )
    n = count_word(len(next(iter(d.vergelijkingen.values())).uitkomsten))
    return _section("modellen", f"De {n} inrichtingsmodellen", intro + chart + _block(report, noten))


def sizes(d: Dossier, noten: Noten) -> str:
    series = [(PAKKET_LABELS[p], [(n, totals[p]) for n, totals in d.grootte]) for p in d.pakketten]
    marked: list[tuple[str, int]] = [] if d.is_regio else [(d.onderwerp, d.inwoners)]
    text = "Elke punt is een gemeente van de regio." if d.is_regio else f"De stippellijn markeert {d.onderwerp}."
    chart = _figure(
        lambda w, i: charts.size_chart(f"grootte{i}", "Kosten per jaar naar aantal inwoners (gemeentelijk model)", series, marked, w),
        "De cijfers staan onder de grafiek.",
    )
    from burgernet_cost.output.views.estimate import size_table

    table = table_html(size_table(d.grootte, d.pakketten), words=noten.words)
    return _section(
        "grootte",
        "Kosten naar gemeentegrootte",
        f"<p>{html_text(text)} {_scaling_sentence(d)}</p>{chart}<details><summary>De cijfers van de grafiek</summary>{table}</details>",
        screen_only=True,
    )


def _scaling_sentence(d: Dossier) -> str:
    """How the hours follow the size: the model's assumption, not a finding of the report."""
    own = any(n.code == "schaling_gekozen" and n.p.get("keuze") == "per_gemeente" for s in d.schattingen.values() for n in s.notities)
    beleid = "beleid blijft gelijk (--schaling-beleid per_gemeente)" if own else "voor beleid een aanname (§4.1.1)"
    return f"bncost neemt aan dat de uren en kosten evenredig groeien met het aantal inwoners: zo rekent het rapport (§4.1.2); {beleid}."


def region(d: Dossier, ds: Any, c: Any, noten: Noten) -> str:
    from burgernet_cost.domain.region import group_by_unit
    from burgernet_cost.output.views.region import members_table, region_report

    first = d.pakketten[0]
    notes = [n for r in d.regio.values() for n in region_report(r, ds, c.data, len(r.leden) > 60, None).notes]
    r0 = d.regio[first]
    units = group_by_unit(r0)
    per_unit = len(r0.leden) > 60 and len(units) > 1  # grouping is an extra table: every member is always listed
    rows = [(unit, bijdrage) for unit, _n, _inh, _h, bijdrage in units] if per_unit else [(lid.naam, lid.bijdrage) for lid in r0.leden]
    rows.sort(key=lambda item: -item[1])
    chart = _figure(
        lambda w, i: charts.members_chart(f"leden-{first}{i}", f"Bijdrage per jaar, {PAKKET_LABELS[first]}", rows, w),
        "De cijfers staan in de tabel eronder.",
        narrow=len(rows) <= CHART_ROWS_IN_PRINT,
    )
    if len(rows) > CHART_ROWS_IN_PRINT:  # on paper the table says it in less space
        chart = f'<div class="screen-only">{chart}</div>'

    refs = noten.ref(notes)
    body = (
        f"<p>Elke gemeente betaalt de uitvoerder een bijdrage per inwoner{refs}; de uren en het budget van de uitvoerder "
        f'staan in de <a href="#samenvatting">samenvatting</a>.</p>{chart}'
        + (table_html(members_table(d.regio, True), words=noten.words) if per_unit else "")
        + _long(table_html(members_table(d.regio, False), words=noten.words), len(r0.leden))
    )
    return _section("regio", "Bijdrage per gemeente en de regionale uitvoerder", body)


def sensitivity(d: Dossier, noten: Noten) -> str:
    central = d.vergelijkingen[d.pakketten[0]].model("gemeentelijk").totaal
    rows = [(assumption_name(u.aanname), u.laag[1]["totaal"], u.hoog[1]["totaal"]) for u in d.gevoeligheid]
    chart = _figure(
        lambda w, i: charts.tornado_chart(
            f"gevoeligheid{i}", f"Hoeveel elke aanname uitmaakt ({PAKKET_LABELS[d.pakketten[0]]})", central, rows, w
        ),
        "De cijfers staan in de tabel eronder.",
    )
    table = table_html(sensitivity_table(d.gevoeligheid, list(d.schaalmodellen)), words=noten.words)
    return _section(
        "gevoeligheid",
        "Hoe zeker: de aannames één voor één",
        "<p>Eén aanname tegelijk van haar laagste naar haar hoogste alternatief (uit de data), de andere op hun "
        "standaard: de kosten per jaar in het gemeentelijke model. Grootste uitslag bovenaan.</p>" + chart + table,
    )


def series(d: Dossier, ds: Any, c: Any, noten: Noten) -> str:
    from burgernet_cost.output.views.series import series_report

    assert d.reeks is not None
    points = [(p.jaar, p.schatting.totaal.kosten_per_jaar or Decimal(0)) for p in d.reeks.punten]
    events = [(_year_fraction(e.datum), date_nl(e.datum)) for p in d.reeks.punten for e in p.gebeurtenissen]
    title = f"Kosten per jaar, {PAKKET_LABELS[d.reeks.pakket]}"
    chart = _figure(
        lambda w, i: charts.series_chart(f"reeks{i}", title, points, events, w),
        "De cijfers staan in de tabel eronder.",
    )
    report = series_report(d.reeks, ds, c.data)
    told = tuple(f"{date_nl(e.datum)}: {e.gebeurtenis.strip()};" for p in d.reeks.punten for e in p.gebeurtenissen)
    for note in report.notes:  # an event is told on page 1: the series links there instead of repeating it
        if note.startswith(told):
            noten.inline[note] = ("na-2014", "wat veranderde na 2014")
    for table in report.tables_for("display"):
        table.title = "Kosten per jaar met de inwoners en het prijspeil van dat jaar"
    missing = any(p.ontbrekend for p in d.reeks.punten)
    warn = (
        "<p>Let op: in de eerste jaren ontbreken gemeenten die later zijn samengevoegd; het totaal is daar te laag.</p>" if missing else ""
    )
    return _section(
        "reeks",
        "Over de jaren",
        "<p>Per jaar de inwoners op 1 januari (CBS) en het prijspeil van dat jaar. Latere jaren zijn een wat-als met "
        f'het takenpakket van 2014 (zie <a href="#na-2014">wat veranderde na 2014</a>).</p>{warn}{chart}{_block(report, noten)}',
    )


def _year_fraction(iso: str) -> float:
    """2023-06-05 -> 2023.42: an event between the yearly points (each at 1 January)."""
    import datetime as dt

    day = dt.date.fromisoformat(iso)
    return day.year + (day.timetuple().tm_yday - 1) / 365


def _long(table: str, rows: int) -> str:
    """A table of many short rows: on paper in two columns, in small print (``.long``)."""
    return f'<div class="long">{table}</div>' if rows > LONG_TABLE else table


def _figure(draw: Callable[[int, str], str], caption: str, narrow: bool = True) -> str:
    """A chart drawn twice: for a screen and paper, and for a phone (shown at its own size, so its
    text stays 12 px); ``narrow`` False: a phone shows only the table."""
    small = f'<div class="chart-narrow">{draw(charts.NARROW, "-smal")}</div>' if narrow else ""
    return f'<figure><div class="chart-wide">{draw(charts.WIDE, "")}</div>{small}<figcaption>{html_text(caption)}</figcaption></figure>'


def executor_lines(d: Dossier, words: Any) -> str:
    """For a region: per package what the executor needs and what the members pay together."""
    from burgernet_cost.output.views.region import budget_balance

    lines = []
    for p, r in d.regio.items():
        lines.append(
            f"<li>{html_text(PAKKET_LABELS[p].capitalize())}: de uitvoerder heeft {html_text(money.hours(r.uitvoerder_uren))} uur per "
            f"maand nodig, {html_text(money.fte(r.uitvoerder_fte))} fte; de gemeenten betalen samen {html_text(money.euro(r.budget))} per "
            f"jaar ({html_text(words.figure(r.tarief_per_inwoner, 'per_inwoner'))} per inwoner); {html_text(budget_balance(r))}.</li>"
        )
    return (
        "<p>Regionaal doet een uitvoerder relatiebeheer en communicatie "
        f'(<a href="#regio">bijdrage per gemeente</a>):</p><ul class=compact>{"".join(lines)}</ul>'
    )


def member_lines(d: Dossier) -> str:
    """A member's document: what it pays in its region's regional model, and the region's budget."""
    leden = d.als_lid()
    lines = []
    for p, r in d.regio_van.items():
        lid = leden[p]
        lines.append(
            f"<li>{html_text(PAKKET_LABELS[p].capitalize())}: {html_text(d.onderwerp)} betaalt {html_text(money.euro(lid.bijdrage))} per "
            f"jaar en besteedt zelf {html_text(money.hours(lid.eigen_uren))} uur per maand aan beleid; de regio samen "
            f"{html_text(money.euro(r.budget))} per jaar, voor {html_text(money.fte(r.uitvoerder_fte))} fte bij de uitvoerder.</li>"
        )
    r0 = next(iter(d.regio_van.values()))
    return f"<p>Als lid van {html_text(r0.titel)} ({len(r0.leden)} gemeenten, regionaal model):</p><ul class=compact>{''.join(lines)}</ul>"
