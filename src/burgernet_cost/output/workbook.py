"""``bncost rapport --uitvoer X.xlsx``: a workbook a policy officer can open, check and change.

* *Invoer*: the inhabitants, the hourly rate and its parts, the scale advantage, how hours scale,
  the interview observations (with source and status) and the §6 amounts. Cells a user may change
  are yellow; every input has a name (``Inwoners``, ``Uurtarief``, …).
* *Berekening*: per package and taakgebied the norm, hours, fte, cost and cost per inhabitant, as
  **formulas** on *Invoer* (the formulas of ``domain/estimate.py``): change the inhabitants and the
  workbook recalculates what ``bncost estimate`` would say.
* *Modellen*: the three organisation models per package, formulas on *Berekening* and *Invoer*.
* *Leden* (a region): member, inhabitants, their source, contribution (rounded to the cent, as an
  invoice) per package, with totals.
* *Bronnen*: every figure the results read, with source, status and place in ``data/``; the notes.

Number formats are stored locale-free (``#,##0.00``): a Dutch Excel or LibreOffice shows € 1.234,56.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.domain.estimate import components
from burgernet_cost.output.wording import PAKKET_LABELS, notes_text

EURO, EURO4, HOURS, FTE, INT = "€ #,##0.00", "€ #,##0.0000", "#,##0.0000", "0.0000", "#,##0"


class _Book:
    def __init__(self) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
        self.wb.set_properties({"title": "Burgernet: kosten van de gemeentelijke taken", "creator": "bncost"})
        f = self.wb.add_format
        self.head = f({"bold": True, "bg_color": "#DCE6F0", "border": 1, "text_wrap": True, "valign": "top"})
        self.title = f({"bold": True, "font_size": 14, "font_color": "#1F5F8B"})
        self.note = f({"italic": True, "font_color": "#5B6673", "text_wrap": True})
        self.text = f({"text_wrap": True, "valign": "top"})
        self.fmt: dict[tuple[str, bool, bool], Any] = {}

    def num(self, code: str, invoer: bool = False, bold: bool = False) -> Any:
        key = (code, invoer, bold)
        if key not in self.fmt:
            props: dict[str, Any] = {"num_format": code, "valign": "top"}
            if invoer:
                props.update({"bg_color": "#FFF2CC", "border": 1, "border_color": "#BF9000", "locked": False})
            if bold:
                props.update({"bold": True, "top": 2})
            self.fmt[key] = self.wb.add_format(props)
        return self.fmt[key]

    def name(self, name: str, sheet: str, row: int, col: int) -> str:
        from xlsxwriter.utility import xl_rowcol_to_cell

        self.wb.define_name(name, f"='{sheet}'!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}")
        return name


def _f(value: Decimal | None) -> float:
    """The cached value XlsxWriter stores next to a formula (the program recalculates it)."""
    return float(value) if value is not None else 0.0


def _cell(row: int, col: int, sheet: str | None = None) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    ref = xl_rowcol_to_cell(row, col)
    return f"'{sheet}'!{ref}" if sheet else ref


def render_workbook(d: Dossier, ds: Any, colofon: Any) -> bytes:
    book = _Book()
    names = _invoer(book, d, ds)
    cells = _berekening(book, d, ds, names)
    models = _modellen(book, d, ds, names, cells)
    if d.is_regio:
        _leden(book, d, models)
    if d.reeks is not None and d.reeks.punten:
        _reeks(book, d)
    _bronnen(book, d, colofon)
    book.wb.close()
    return book.buffer.getvalue()


def _invoer_sheet(book: _Book, d: Dossier) -> Any:
    ws = book.wb.add_worksheet("Invoer")
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 16)
    ws.set_column(3, 5, 28)
    ws.write(0, 0, f"Invoer — {d.onderwerp}", book.title)
    ws.write(1, 0, "Gele cellen mag u wijzigen; Berekening, Modellen en Leden rekenen dan opnieuw.", book.note)
    for col, label in enumerate(("Invoer", "Waarde", "Eenheid", "Bron", "Status", "Toelichting")):
        ws.write(3, col, label, book.head)
    ws.freeze_panes(4, 0)
    return ws


def _invoer(book: _Book, d: Dossier, ds: Any) -> dict[str, str]:
    ws = _invoer_sheet(book, d)
    s = next(iter(d.schattingen.values()))
    tarief = s.uurtarief
    uurloon = ds.salary.uurloon
    row = 4
    names: dict[str, str] = {}

    def put(name: str, label: str, value: Any, unit: str, code: str, source: str, status: str, note: str = "",
            formula: str | None = None) -> None:
        nonlocal row
        ws.write(row, 0, label, book.text)
        if formula is not None:
            ws.write_formula(row, 1, formula, book.num(code), float(value))
        elif isinstance(value, str):
            ws.write_string(row, 1, value, book.num("@", invoer=True))
        else:
            ws.write_number(row, 1, float(value), book.num(code, invoer=True))
        for col, text in ((2, unit), (3, source), (4, status), (5, note)):
            ws.write_string(row, col, text, book.text)
        names[name] = book.name(name, "Invoer", row, 1)
        row += 1

    g = d.gemeente
    put("Inwoners", "Inwoners", d.inwoners, "inwoners", INT, f"CBS {g.peildatum}" if g is not None else "opgegeven",
        "gepubliceerd" if g is not None else "invoer", "" if not d.is_regio else "de regio als geheel (som van de leden)")
    p = tarief.p
    if tarief.soort == "salaris":
        put("Maandsalaris", "Maandsalaris (op prijspeil)", p["maandsalaris"], "€/maand", EURO,
            f"schaal {p['schaal']}, periodiek {p['periodiek']}, tabel {p['tabel_datum']}", p["tabel_status"])
        put("Toeslagfactor", "Toeslagen (factor)", p["factor"], "factor", "0.0000", ", ".join(p["toeslagen"]) or "geen toeslagen",
            "aanname" if tarief.rust_op_aanname else "gepubliceerd")
    put("UrenPerMaand", "Uren per maand (1 fte)", uurloon.uren_per_maand, "uur/maand", "0.00", uurloon.bron.kort(), uurloon.status)
    put("MaandenPerJaar", "Maanden per jaar", uurloon.maanden_per_jaar, "maanden", "0", uurloon.bron.kort(), uurloon.status)
    rate_formula = "=Maandsalaris*Toeslagfactor/UrenPerMaand" if tarief.soort == "salaris" else None
    put("Uurtarief", "Uurtarief", tarief.bedrag, "€/uur", EURO4, tarief.profiel or tarief.soort,
        "aanname" if tarief.rust_op_aanname else "invoer", "formule: maandsalaris × toeslagfactor / uren per maand"
        if rate_formula else "", formula=rate_formula)
    first_v = next(iter(d.vergelijkingen.values()))
    sv = ds.models.schaalvoordeel_landelijk
    put("Schaalvoordeel", "Schaalvoordeel landelijk", first_v.schaalvoordeel, "%", "0.00",
        sv.bron.kort() if first_v.schaalvoordeel_standaard else "opgegeven", sv.status if first_v.schaalvoordeel_standaard else "invoer")
    for r in s.regels:
        if r.gekwantificeerd:
            put(f"Schaling_{r.taakgebied}", f"Schaling {r.naam.lower()}", "per_gemeente" if r.per_gemeente else "per_inwoner", "",
                "@", "interviews.yaml: schalingen", "aanname", "per_inwoner of per_gemeente")
            ws.data_validation(row - 1, 1, row - 1, 1, {"validate": "list", "source": ["per_inwoner", "per_gemeente"]})
    for a in ds.models.adviesbedragen:
        put(f"Advies_{a.taakgebied}_{a.pakket}", f"Advies §6: {ds.taakgebied(a.taakgebied).naam.lower()}, {a.pakket}",
            a.euro_per_inwoner_per_jaar, "€/inwoner/jaar", EURO4, a.bron.kort(), a.status)
    _observations(book, ws, ds, row + 1, names)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})
    return names


def _observations(book: _Book, ws: Any, ds: Any, row: int, names: dict[str, str]) -> None:
    ws.write(row, 0, "Waarnemingen uit de interviews (§4.1); meegewogen 1 = telt mee in de norm", book.note)
    row += 1
    heads = ("Waarneming", "Uren per maand", "Inwoners", "Taakgebied", "Pakket", "Meegewogen (1/0)", "Bron", "Status")
    for col, label in enumerate(heads):
        ws.write(row, col if col < 6 else col + 0, label, book.head)
    first = row + 1
    for n, w in enumerate(ds.interviews.waarnemingen):
        r = first + n
        ws.write_string(r, 0, w.id, book.text)
        ws.write_number(r, 1, float(w.uren_per_maand), book.num("0.00", invoer=True))
        ws.write_number(r, 2, w.inwoners, book.num(INT, invoer=True))
        ws.write_string(r, 3, w.taakgebied, book.text)
        ws.write_string(r, 4, w.pakket, book.text)
        ws.write_number(r, 5, 1 if w.meegewogen else 0, book.num("0", invoer=True))
        ws.write_string(r, 6, w.bron.kort(), book.text)
        ws.write_string(r, 7, w.status, book.text)
    last = first + len(ds.interviews.waarnemingen) - 1
    for col, name in ((1, "W_Uren"), (2, "W_Inwoners"), (3, "W_Taakgebied"), (4, "W_Pakket"), (5, "W_Meegewogen")):
        from xlsxwriter.utility import xl_col_to_name

        letter = xl_col_to_name(col)
        book.wb.define_name(name, f"='Invoer'!${letter}${first + 1}:${letter}${last + 1}")
        names[name] = name


def _component(area: str, pakket: str) -> str:
    crit = f'W_Taakgebied,"{area}",W_Pakket,"{pakket}",W_Meegewogen,1'
    return (f'IF(Schaling_{area}="per_gemeente",SUMIFS(W_Uren,{crit})/COUNTIFS({crit}),'
            f"SUMIFS(W_Uren,{crit})/SUMIFS(W_Inwoners,{crit})*Inwoners)")


def _berekening(book: _Book, d: Dossier, ds: Any, names: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """Per package and taakgebied (and 'totaal'): the cells of hours, fte, cost and cost per inhabitant."""
    ws = book.wb.add_worksheet("Berekening")
    ws.set_column(0, 0, 30)
    ws.set_column(1, 5, 16)
    ws.write(0, 0, "Berekening — formules op Invoer", book.title)
    cells: dict[tuple[str, str, str], str] = {}
    row = 2
    heads = ("Taakgebied", "Uren per maand", "FTE", "Kosten per jaar", "Per inwoner per jaar", "Bron")
    for pakket, s in d.schattingen.items():
        ws.write(row, 0, PAKKET_LABELS[pakket].capitalize(), book.title)
        row += 1
        for col, label in enumerate(heads):
            ws.write(row, col, label, book.head)
        row += 1
        first = row
        for r in s.regels:
            ws.write_string(row, 0, r.naam, book.text)
            if not r.gekwantificeerd:
                ws.write_string(row, 1, "niet gekwantificeerd", book.note)
                ws.write_string(row, 5, r.bron, book.text)
                row += 1
                continue
            hours = "+".join(_component(r.taakgebied, c) for c in components(pakket))
            ws.write_formula(row, 1, "=" + hours, book.num(HOURS), _f(r.uren_per_maand))
            ws.write_formula(row, 2, f"={_cell(row, 1)}/UrenPerMaand", book.num(FTE), _f(r.fte))
            ws.write_formula(row, 3, f"=MaandenPerJaar*{_cell(row, 1)}*Uurtarief", book.num(EURO), _f(r.kosten_per_jaar))
            ws.write_formula(row, 4, f"={_cell(row, 3)}/Inwoners", book.num("€ 0.000000"), _f(r.per_inwoner))
            ws.write_string(row, 5, r.bron, book.text)
            for col, key in ((1, "uren"), (2, "fte"), (3, "kosten"), (4, "per_inwoner")):
                cells[(pakket, r.taakgebied, key)] = _cell(row, col, "Berekening")
            row += 1
        ws.write_string(row, 0, "Totaal", book.num("@", bold=True))
        t = s.totaal
        for col, key, code, value in ((1, "uren", HOURS, t.uren_per_maand), (2, "fte", FTE, t.fte), (3, "kosten", EURO, t.kosten_per_jaar),
                                      (4, "per_inwoner", "€ 0.000000", t.per_inwoner)):
            ws.write_formula(row, col, f"=SUM({_cell(first, col)}:{_cell(row - 1, col)})", book.num(code, bold=True), _f(value))
            cells[(pakket, "totaal", key)] = _cell(row, col, "Berekening")
            book.name(f"Totaal_{key}_{pakket}", "Berekening", row, col)
        row += 3
    ws.freeze_panes(1, 1)
    return cells


def _modellen(book: _Book, d: Dossier, ds: Any, names: dict[str, str], cells: dict[tuple[str, str, str], str]) -> dict[tuple[str, str], str]:
    ws = book.wb.add_worksheet("Modellen")
    ws.set_column(0, 0, 22)
    ws.set_column(1, 7, 17)
    ws.write(0, 0, "Inrichtingsmodellen — formules op Berekening en Invoer", book.title)
    heads = ("Model", "Eigen uren per maand", "Eigen kosten per jaar", "Tarief per inwoner", "Bijdrage per jaar", "Totaal per jaar",
             "Verschil met gemeentelijk")
    out: dict[tuple[str, str], str] = {}
    models = {m.id: m for m in ds.models.modellen}
    row = 2
    for pakket, v in d.vergelijkingen.items():
        ws.write(row, 0, PAKKET_LABELS[pakket].capitalize(), book.title)
        row += 1
        for col, label in enumerate(heads):
            ws.write(row, col, label, book.head)
        row += 1
        base_row = row
        quantified = [r.taakgebied for r in v.schatting.regels if r.gekwantificeerd]
        for u in v.uitkomsten:
            m = models[u.id]
            own = [a for a in quantified if m.uitvoering[a] == "gemeente"]
            out_areas = [a for a in quantified if m.uitvoering[a] != "gemeente"]
            ws.write_string(row, 0, u.naam, book.text)
            ws.write_formula(row, 1, "=" + ("+".join(cells[(pakket, a, "uren")] for a in own) or "0"), book.num(HOURS), float(u.eigen_uren))
            ws.write_formula(row, 2, "=" + ("+".join(cells[(pakket, a, "kosten")] for a in own) or "0"), book.num(EURO), float(u.eigen_kosten))
            if out_areas:
                ws.write_formula(row, 3, "=" + "+".join(_rate(d, m, a, pakket, cells) for a in out_areas), book.num("€ 0.000000"),
                                 float(u.tarief_per_inwoner or 0))
                ws.write_formula(row, 4, f"={_cell(row, 3)}*Inwoners", book.num(EURO), float(u.bijdrage))
            else:
                ws.write_string(row, 3, "geen verrekening", book.note)
                ws.write_number(row, 4, 0, book.num(EURO))
            ws.write_formula(row, 5, f"={_cell(row, 2)}+{_cell(row, 4)}", book.num(EURO), float(u.totaal))
            ws.write_formula(row, 6, f"={_cell(row, 5)}-{_cell(base_row, 5)}", book.num(EURO), float(u.verschil))
            for col, key in ((3, "tarief"), (4, "bijdrage"), (5, "totaal")):
                out[(pakket, f"{u.id}.{key}")] = _cell(row, col, "Modellen")
            book.name(f"Totaal_{u.id}_{pakket}", "Modellen", row, 5)
            row += 1
        row += 2
    ws.write(row, 0, "Het schaalvoordeel (Invoer) geldt alleen voor het landelijke model bij het berekende tarief; "
             "§6 noemt één landelijk bedrag.", book.note)
    ws.freeze_panes(1, 1)
    return out


def _rate(d: Dossier, m: Any, area: str, pakket: str, cells: dict[tuple[str, str, str], str]) -> str:
    if d.tarief == "advies":
        if pakket == "aanvullend":
            return f"(Advies_{area}_volledig-Advies_{area}_basis)"
        return f"Advies_{area}_{pakket}"
    ref = cells[(pakket, area, "per_inwoner")]
    return f"{ref}*(1-Schaalvoordeel/100)" if m.uitvoering[area] == "landelijk" else ref


def _leden(book: _Book, d: Dossier, models: dict[tuple[str, str], str]) -> None:
    ws = book.wb.add_worksheet("Leden")
    pakketten = list(d.regio)
    first_regio = d.regio[pakketten[0]]
    heads = ["Gemeente", "Code", "Inwoners", "Bron inwoners", *(f"Bijdrage {PAKKET_LABELS[p]}" for p in pakketten)]
    ws.set_column(0, 0, 26)
    ws.set_column(1, 2, 12)
    ws.set_column(3, 3, 22)
    ws.set_column(4, 4 + len(pakketten), 20)
    ws.write(0, 0, "Leden — bijdrage = tarief (Modellen, regionaal) × inwoners, afgerond op centen", book.title)
    for col, label in enumerate(heads):
        ws.write(2, col, label, book.head)
    row = 3
    for n, lid in enumerate(first_regio.leden):
        ws.write_string(row, 0, lid.naam, book.text)
        ws.write_string(row, 1, lid.code or "", book.text)
        ws.write_number(row, 2, lid.inwoners, book.num(INT, invoer=True))
        ws.write_string(row, 3, lid.bron_inwoners, book.text)
        for k, p in enumerate(pakketten):
            value = d.regio[p].leden[n].bijdrage
            ws.write_formula(row, 4 + k, f"=ROUND({models[(p, 'regionaal.tarief')]}*{_cell(row, 2)},2)", book.num(EURO), float(value))
        row += 1
    ws.write_string(row, 0, "Totaal", book.num("@", bold=True))
    ws.write_formula(row, 2, f"=SUM({_cell(3, 2)}:{_cell(row - 1, 2)})", book.num(INT, bold=True), d.inwoners)
    for k, p in enumerate(pakketten):
        ws.write_formula(row, 4 + k, f"=SUM({_cell(3, 4 + k)}:{_cell(row - 1, 4 + k)})", book.num(EURO, bold=True),
                         float(d.regio[p].budget))
        book.name(f"Budget_{p}", "Leden", row, 4 + k)
    ws.freeze_panes(3, 1)


def _reeks(book: _Book, d: Dossier) -> None:
    """The series: per year its inhabitants, price level and rate (values: each year has its own),
    hours; cost and cost per inhabitant as formulas on them."""
    assert d.reeks is not None
    ws = book.wb.add_worksheet("Reeks")
    heads = ("Jaar", "Inwoners", "Prijspeil", "Uurtarief", "Uren per maand", "FTE", "Kosten per jaar", "Per inwoner per jaar",
             "Gebeurtenis")
    ws.set_column(0, 0, 8)
    ws.set_column(1, 7, 15)
    ws.set_column(8, 8, 70)
    ws.write(0, 0, f"Reeks — {PAKKET_LABELS[d.reeks.pakket]}: inwoners en prijspeil van elk jaar", book.title)
    for col, label in enumerate(heads):
        ws.write(2, col, label, book.head)
    for n, p in enumerate(d.reeks.punten):
        row = 3 + n
        t = p.schatting.totaal
        ws.write_number(row, 0, p.jaar)
        ws.write_number(row, 1, p.inwoners, book.num(INT))
        ws.write_string(row, 2, p.schatting.uurtarief.peildatum or "vast", book.text)
        ws.write_number(row, 3, float(p.schatting.uurtarief.bedrag), book.num(EURO4))
        ws.write_number(row, 4, _f(t.uren_per_maand), book.num(HOURS))
        ws.write_formula(row, 5, f"={_cell(row, 4)}/UrenPerMaand", book.num(FTE), _f(t.fte))
        ws.write_formula(row, 6, f"=MaandenPerJaar*{_cell(row, 4)}*{_cell(row, 3)}", book.num(EURO), _f(t.kosten_per_jaar))
        ws.write_formula(row, 7, f"={_cell(row, 6)}/{_cell(row, 1)}", book.num("€ 0.000000"), _f(t.per_inwoner))
        ws.write_string(row, 8, "; ".join(f"{e.datum}: {e.gebeurtenis.strip()}" for e in p.gebeurtenissen), book.text)
    ws.freeze_panes(3, 1)


def _bronnen(book: _Book, d: Dossier, colofon: Any) -> None:
    ws = book.wb.add_worksheet("Bronnen")
    ws.set_column(0, 0, 60)
    ws.set_column(1, 1, 14)
    ws.set_column(2, 5, 24)
    ws.write(0, 0, "Bronnen — elk cijfer waarop de bedragen rusten", book.title)
    for col, label in enumerate(("Cijfer", "Waarde", "Eenheid", "Bron", "Status", "Plaats in data/")):
        ws.write(2, col, label, book.head)
    figures: dict[str, Any] = {}
    for v in d.vergelijkingen.values():
        for f in v.figuren:
            figures.setdefault(f.id, f)
    row = 3
    for f in figures.values():
        value = f.waarde
        ws.write_string(row, 0, f.id, book.text)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            ws.write_number(row, 1, float(value))
        else:
            ws.write_string(row, 1, str(value), book.text)
        for col, text in ((2, f.eenheid), (3, f.bron), (4, f.status), (5, f.plaats or "")):
            ws.write_string(row, col, text, book.text)
        row += 1
    row += 1
    ws.write(row, 0, "Toelichting", book.title)
    notes: list[str] = []
    for v in d.vergelijkingen.values():
        notes += [n for n in notes_text(v.notities) if n not in notes]
    for note in notes:
        row += 1
        ws.write_string(row, 0, note, book.text)
    row += 2
    ws.write_string(row, 0, f"Gemaakt door bncost {colofon.version} op {colofon.date}; data {colofon.data} "
                            f"(vingerafdruk {d.vingerafdruk}). Opnieuw maken: {colofon.command}", book.note)
    ws.freeze_panes(3, 0)
