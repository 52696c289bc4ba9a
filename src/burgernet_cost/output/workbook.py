"""``bncost rapport --uitvoer X.xlsx``: a workbook a policy officer can open, check and change.

* *Invoer*: the inhabitants, the hourly rate and its parts, the scale advantage, how hours scale,
  the interview observations (with source and status) and the §6 amounts. Cells a user may change
  are yellow; every input has a name (``Inwoners``, ``Uurtarief``, …).
* *Berekening*: per package and taakgebied the norm, hours, fte, cost and cost per inhabitant, as
  **formulas** on *Invoer* (the formulas of ``domain/estimate.py``): change the inhabitants and the
  workbook recalculates what ``bncost estimate`` would say.
* *Modellen*: the three organisation models per package, formulas on *Berekening* and *Invoer*.
* *Leden* (a region): member, inhabitants, their source, contribution (rounded to the cent, as an
  invoice) per package, with totals, and the member file's own columns (contactpersoon, …).
* *Bronnen*: every figure the results read, with source, status and place in the data folder; the notes.

Every sheet is protected (no password); only the yellow input cells are unlocked. Rows grow to fit
their wrapped text (``workbook_book.py``).

Number formats are stored locale-free (``#,##0.00``): a Dutch Excel or LibreOffice shows € 1.234,56.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.compare import met_schaalvoordeel
from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.domain.estimate import components
from burgernet_cost.domain.formulas import FORMULES as F
from burgernet_cost.output import numbers as money
from burgernet_cost.output.views.common import figure_rows, figures_of
from burgernet_cost.output.views.region import members_table
from burgernet_cost.output.wording import PAKKET_LABELS, notes_text
from burgernet_cost.output.workbook_book import EURO, EURO4, FTE, HOURS, INT, Book
from burgernet_cost.output.workbook_book import cached as _f
from burgernet_cost.output.workbook_book import cell as _cell
from burgernet_cost.output.workbook_invoer import MEMBERS_INHABITANTS, invoer, scale_name


def render_workbook(d: Dossier, ds: Any, colofon: Any) -> bytes:
    book = Book()
    names = invoer(book, d, ds)
    cells = _berekening(book, d, ds, names)
    models = _modellen(book, d, ds, names, cells)
    if d.is_regio:
        _leden(book, d, models)
    if d.reeks is not None and d.reeks.punten:
        _reeks(book, d)
    _bronnen(book, d, ds, colofon)
    book.wb.close()
    return book.buffer.getvalue()


def _component(area: str, pakket: str, gemeenten: str) -> str:
    crit = f'W_Taakgebied,"{area}",W_Pakket,"{pakket}",W_Meegewogen,1'
    hours, people = f"SUMIFS(W_Uren,{crit})", f"SUMIFS(W_Inwoners,{crit})"
    per_gemeente = F["uren_per_maand.per_gemeente"].excel({"som_uren": hours, "waarnemingen": f"COUNTIFS({crit})", "gemeenten": gemeenten})[
        1:
    ]
    per_inwoner = F["uren_per_maand.pakket"].excel({"som_uren": hours, "som_inwoners": people, "inwoners": "Inwoners"})[1:]
    return f'IF(Schaling_{area}="per_gemeente",{per_gemeente},{per_inwoner})'


def _berekening(book: Book, d: Dossier, ds: Any, names: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """Per package and taakgebied (and 'totaal'): the cells of hours, fte, cost and cost per inhabitant."""
    ws = book.wb.add_worksheet("Berekening")
    book.columns(ws, 0, 0, 30)
    book.columns(ws, 1, 5, 16)
    ws.write(0, 0, "Berekening — formules op Invoer", book.title)
    cells: dict[tuple[str, str, str], str] = {}
    row = 2
    heads = ("Taakgebied", "Uren per maand", "FTE", "Kosten per jaar", "Per inwoner per jaar", "Bron")
    for pakket, s in d.schattingen.items():
        ws.write(row, 0, PAKKET_LABELS[pakket].capitalize(), book.title)
        row += 1
        for col, label in enumerate(heads):
            book.text(ws, row, col, label, book.head)
        row += 1
        first = row
        for r in s.regels:
            book.text(ws, row, 0, r.naam)
            if not r.gekwantificeerd:
                book.text(ws, row, 1, "niet gekwantificeerd", book.note)
                book.text(ws, row, 5, r.bron)
                row += 1
                continue
            hours = "+".join(_component(r.taakgebied, c, "Gemeenten" if d.is_regio else "1") for c in components(pakket))
            ws.write_formula(row, 1, "=" + hours, book.num(HOURS), _f(r.uren_per_maand))
            ws.write_formula(row, 2, F["fte"].excel({"uren": _cell(row, 1), "uren_per_fte": "UrenPerMaand"}), book.num(FTE), _f(r.fte))
            ws.write_formula(
                row,
                3,
                F["kosten_per_jaar"].excel({"maanden": "MaandenPerJaar", "uren": _cell(row, 1), "uurtarief": "Uurtarief"}),
                book.num(EURO),
                _f(r.kosten_per_jaar),
            )
            ws.write_formula(
                row, 4, F["per_inwoner"].excel({"kosten": _cell(row, 3), "inwoners": "Inwoners"}), book.num("€ 0.000000"), _f(r.per_inwoner)
            )
            book.text(ws, row, 5, r.bron)
            for col, key in ((1, "uren"), (2, "fte"), (3, "kosten"), (4, "per_inwoner")):
                cells[(pakket, r.taakgebied, key)] = _cell(row, col, "Berekening")
            row += 1
        ws.write_string(row, 0, "Totaal", book.num("@", bold=True))
        t = s.totaal
        for col, key, code, value in (
            (1, "uren", HOURS, t.uren_per_maand),
            (2, "fte", FTE, t.fte),
            (3, "kosten", EURO, t.kosten_per_jaar),
            (4, "per_inwoner", "€ 0.000000", t.per_inwoner),
        ):
            ws.write_formula(row, col, f"=SUM({_cell(first, col)}:{_cell(row - 1, col)})", book.num(code, bold=True), _f(value))
            cells[(pakket, "totaal", key)] = _cell(row, col, "Berekening")
            book.name(f"Totaal_{key}_{pakket}", "Berekening", row, col)
        row += 3
    ws.freeze_panes(1, 1)
    book.finish(ws)
    return cells


def _modellen(book: Book, d: Dossier, ds: Any, names: dict[str, str], cells: dict[tuple[str, str, str], str]) -> dict[tuple[str, str], str]:
    ws = book.wb.add_worksheet("Modellen")
    book.columns(ws, 0, 0, 22)
    book.columns(ws, 1, 7, 17)
    ws.write(0, 0, "Inrichtingsmodellen — formules op Berekening en Invoer", book.title)
    heads = (
        "Model",
        "Eigen uren per maand",
        "Eigen kosten per jaar",
        "Tarief per inwoner",
        "Bijdrage per jaar",
        "Totaal per jaar",
        "Verschil met gemeentelijk",
    )
    out: dict[tuple[str, str], str] = {}
    models = {m.id: m for m in ds.models.modellen}
    row = 2
    for pakket, v in d.vergelijkingen.items():
        ws.write(row, 0, PAKKET_LABELS[pakket].capitalize(), book.title)
        row += 1
        for col, label in enumerate(heads):
            book.text(ws, row, col, label, book.head)
        row += 1
        base_row = row
        quantified = [r.taakgebied for r in v.schatting.regels if r.gekwantificeerd]
        for u in v.uitkomsten:
            m = models[u.id]
            own = [a for a in quantified if m.uitvoering[a] == "gemeente"]
            out_areas = [a for a in quantified if m.uitvoering[a] != "gemeente"]
            book.text(ws, row, 0, u.naam)
            ws.write_formula(row, 1, "=" + ("+".join(cells[(pakket, a, "uren")] for a in own) or "0"), book.num(HOURS), float(u.eigen_uren))
            ws.write_formula(
                row, 2, "=" + ("+".join(cells[(pakket, a, "kosten")] for a in own) or "0"), book.num(EURO), float(u.eigen_kosten)
            )
            if out_areas:
                ws.write_formula(
                    row,
                    3,
                    "=" + "+".join(_rate(ds, d, m, a, pakket, cells) for a in out_areas),
                    book.num("€ 0.000000"),
                    float(u.tarief_per_inwoner or 0),
                )
                ws.write_formula(
                    row, 4, F["model.bijdrage"].excel({"tarief": _cell(row, 3), "inwoners": "Inwoners"}), book.num(EURO), float(u.bijdrage)
                )
            else:
                book.text(ws, row, 3, "geen verrekening", book.note)
                ws.write_number(row, 4, 0, book.num(EURO))
            ws.write_formula(
                row, 5, F["model.totaal"].excel({"eigen_kosten": _cell(row, 2), "bijdrage": _cell(row, 4)}), book.num(EURO), float(u.totaal)
            )
            ws.write_formula(row, 6, f"={_cell(row, 5)}-{_cell(base_row, 5)}", book.num(EURO), float(u.verschil))
            for col, key in ((3, "tarief"), (4, "bijdrage"), (5, "totaal")):
                out[(pakket, f"{u.id}.{key}")] = _cell(row, col, "Modellen")
            book.name(f"Totaal_{u.id}_{pakket}", "Modellen", row, 5)
            book.name(f"Bijdrage_{u.id}_{pakket}", "Modellen", row, 4)
            row += 1
        row += 2
    with_advantage = [m.naam for m in ds.models.modellen if any(met_schaalvoordeel(ds, m, a, d.tarief) for a in m.uitvoering)]
    book.text(
        ws,
        row,
        0,
        f"Het schaalvoordeel (Invoer) geldt bij dit tarief voor: {', '.join(with_advantage)}."
        if with_advantage
        else "Het schaalvoordeel (Invoer) geldt bij dit tarief voor geen model.",
        book.note,
        span=4,
    )
    if d.regio_van:  # a member's workbook (--per-gemeente): what its region computed for it
        for p, lid in d.als_lid().items():
            r = d.regio_van[p]
            row += 1
            book.text(
                ws,
                row,
                0,
                f"Als lid van {r.titel}, {PAKKET_LABELS[p]}: bijdrage {money.euro(lid.bijdrage)} per jaar (afgerond op "
                f"centen, zoals bncost regio); budget van de regio {money.euro(r.budget)} per jaar.",
                book.note,
                span=6,
            )
    ws.freeze_panes(1, 1)
    book.finish(ws)
    return out


def _rate(ds: Any, d: Dossier, m: Any, area: str, pakket: Pakket, cells: dict[tuple[str, str, str], str]) -> str:
    if d.tarief == "advies":
        amount = f"(Advies_{area}_volledig-Advies_{area}_basis)" if pakket == "aanvullend" else f"Advies_{area}_{pakket}"
        index = next((st for st in d.vergelijkingen[pakket].spoor.stappen if st.id == "advies.loonindex"), None)
        if index is None or index.waarde is None:
            return amount
        return F["advies_geindexeerd"].excel({"bedrag": amount, "factor": format(index.waarde, "f")})[1:]  # the wage index (afgeleid)
    ref = cells[(pakket, area, "per_inwoner")]
    executor = met_schaalvoordeel(ds, m, area, d.tarief)
    if executor is not None:
        return F["tarief_na_schaalvoordeel"].excel({"tarief": ref, "schaalvoordeel": scale_name(executor)})[1:]
    return ref


def _leden(book: Book, d: Dossier, models: dict[tuple[str, str], str]) -> None:
    ws = book.wb.add_worksheet("Leden")
    pakketten = list(d.regio)
    first_regio = d.regio[pakketten[0]]
    extra = list(dict.fromkeys(name for lid in first_regio.leden for name, _ in lid.extra))  # the member file's own columns
    label = {c.key: c.label for c in members_table(d.regio, per_unit=False).columns}  # as the page names them
    heads = [label["gemeente"], "Code", label["inwoners"], "Bron inwoners", *(label[f"bijdrage_{p}"] for p in pakketten), *extra]
    book.columns(ws, 0, 0, 26)
    book.columns(ws, 1, 2, 12)
    book.columns(ws, 3, 3, 22)
    book.columns(ws, 4, 3 + len(pakketten) + len(extra), 20)
    ws.write(0, 0, "Leden — bijdrage = tarief (Modellen, regionaal) × inwoners, afgerond op centen", book.title)
    for col, head in enumerate(heads):
        book.text(ws, 2, col, head, book.head)
    row = 3
    for n, lid in enumerate(first_regio.leden):
        book.text(ws, row, 0, lid.naam)
        book.text(ws, row, 1, lid.code or "")
        ws.write_number(row, 2, lid.inwoners, book.num(INT, invoer=True))
        book.text(ws, row, 3, lid.bron_inwoners if not Path(lid.bron_inwoners).is_absolute() else Path(lid.bron_inwoners).name)
        for k, p in enumerate(pakketten):
            value = d.regio[p].leden[n].bijdrage
            ws.write_formula(
                row,
                4 + k,
                F["lid.bijdrage"].excel({"tarief": models[(p, "regionaal.tarief")], "inwoners": _cell(row, 2)}),
                book.num(EURO),
                float(value),
            )
        own = dict(lid.extra)
        for k, name in enumerate(extra):
            book.text(ws, row, 4 + len(pakketten) + k, str(own.get(name, "")))
        row += 1
    ws.write_string(row, 0, "Totaal", book.num("@", bold=True))
    book.wb.define_name(MEMBERS_INHABITANTS, f"='Leden'!{_cell(3, 2, absolute=True)}:{_cell(row - 1, 2, absolute=True)}")
    ws.write_formula(row, 2, f"=SUM({MEMBERS_INHABITANTS})", book.num(INT, bold=True), d.inwoners)
    for k, p in enumerate(pakketten):
        ws.write_formula(
            row, 4 + k, f"=SUM({_cell(3, 4 + k)}:{_cell(row - 1, 4 + k)})", book.num(EURO, bold=True), float(d.regio[p].budget)
        )
        book.name(f"Budget_{p}", "Leden", row, 4 + k)
    ws.freeze_panes(3, 1)
    book.finish(ws)


def _reeks(book: Book, d: Dossier) -> None:
    """The series: per year its inhabitants, price level and rate (values: each year has its own),
    hours; cost and cost per inhabitant as formulas on them; the years, price levels and remarks of ``bncost reeks``."""
    from burgernet_cost.output.views.series import series_rows

    assert d.reeks is not None
    ws = book.wb.add_worksheet("Reeks")
    heads = (
        "Jaar",
        "Inwoners",
        "Prijspeil",
        "Uurtarief",
        "Uren per maand",
        "FTE",
        "Kosten per jaar",
        "Per inwoner per jaar",
        "Opmerking",
    )
    book.columns(ws, 0, 0, 8)
    book.columns(ws, 1, 7, 15)
    book.columns(ws, 8, 8, 70)
    ws.write(0, 0, f"Reeks — {PAKKET_LABELS[d.reeks.pakket]}: inwoners en prijspeil van elk jaar", book.title)
    for col, label in enumerate(heads):
        book.text(ws, 2, col, label, book.head)
    for n, (p, shown) in enumerate(zip(d.reeks.punten, series_rows(d.reeks), strict=True)):
        row = 3 + n
        t = p.schatting.totaal
        ws.write_number(row, 0, p.jaar)
        ws.write_number(row, 1, p.inwoners, book.num(INT))
        book.text(ws, row, 2, shown["prijspeil"])
        ws.write_number(row, 3, float(p.schatting.uurtarief.bedrag), book.num(EURO4))
        ws.write_number(row, 4, _f(t.uren_per_maand), book.num(HOURS))
        ws.write_formula(row, 5, F["fte"].excel({"uren": _cell(row, 4), "uren_per_fte": "UrenPerMaand"}), book.num(FTE), _f(t.fte))
        ws.write_formula(
            row,
            6,
            F["kosten_per_jaar"].excel({"maanden": "MaandenPerJaar", "uren": _cell(row, 4), "uurtarief": _cell(row, 3)}),
            book.num(EURO),
            _f(t.kosten_per_jaar),
        )
        ws.write_formula(
            row, 7, F["per_inwoner"].excel({"kosten": _cell(row, 6), "inwoners": _cell(row, 1)}), book.num("€ 0.000000"), _f(t.per_inwoner)
        )
        book.text(ws, row, 8, shown["opmerking_volledig"])
    ws.freeze_panes(3, 1)
    book.finish(ws)


def _bronnen(book: Book, d: Dossier, ds: Any, colofon: Any) -> None:
    ws = book.wb.add_worksheet("Bronnen")
    for col, width in enumerate((56, 12, 12, 44, 13, 26)):  # the source wide: a web address wraps in fewer lines
        book.columns(ws, col, col, width)
    ws.write(0, 0, "Bronnen — elk cijfer waarop de bedragen rusten", book.title)
    for col, label in enumerate(("Cijfer", "Waarde", "Eenheid", "Bron", "Status", "Plaats in de data")):
        book.text(ws, 2, col, label, book.head)
    row = 3
    from burgernet_cost.output.rapport_words import Words

    words = Words(ds)
    for f in figure_rows(figures_of(d.vergelijkingen.values()), Path(ds.root)):
        value = f["waarde"]
        book.text(ws, row, 0, words.text(f["naam"]))  # the figure in words, as the page names it (its id: the place)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            ws.write_number(row, 1, float(value))
        else:
            book.text(ws, row, 1, ("ja" if value else "nee") if isinstance(value, bool) else words.text(str(value)))
        for col, key in ((2, "eenheid"), (3, "bron"), (4, "status"), (5, "plaats")):
            book.text(ws, row, col, f[key])
        row += 1
    row += 1
    ws.write(row, 0, "Toelichting", book.title)
    notes: list[str] = []
    for v in d.vergelijkingen.values():
        notes += [n for n in notes_text(v.notities) if n not in notes]
    for note in notes:
        row += 1
        book.text(ws, row, 0, note)
    row += 2
    book.text(
        ws,
        row,
        0,
        f"Gemaakt door bncost {colofon.version} op {colofon.date} uit {colofon.data} "
        f"(vingerafdruk {d.vingerafdruk}). Opnieuw maken: {colofon.command}",
        book.note,
    )
    ws.freeze_panes(3, 0)
    book.finish(ws)
