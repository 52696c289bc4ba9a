"""The workbook's *Invoer* sheet: the inputs a user may change (yellow, named), each with the source,
status and place in the data of the figure it comes from.

One source of truth: source and status are those of the figures the calculation read (its trace),
not restated here. A value bncost computes from several figures (a salary raised by cao steps, a
surcharge factor) is *afgeleid*, or *aanname* when one of its parts is.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.domain.formulas import FORMULES
from burgernet_cost.output import numbers as money
from burgernet_cost.output.views.common import figures_of, relative_place
from burgernet_cost.output.wording import date_nl, formula_words
from burgernet_cost.output.workbook_book import EURO, EURO4, INT, Book

#: the members' inhabitants on sheet Leden (a region): the one place each member's number is kept
MEMBERS_INHABITANTS = "Leden_Inwoners"
HEADS = ("Invoer", "Waarde", "Eenheid", "Bron", "Status", "Toelichting", "Plaats in de data")
Herkomst = tuple[str, str, str]  # source, status, place in the data


def scale_name(uitvoerder: str) -> str:
    """The defined name of an executor's scale advantage on the inputs sheet."""
    return f"Schaalvoordeel_{uitvoerder}"


def _sheet(book: Book, d: Dossier) -> Any:
    ws = book.wb.add_worksheet("Invoer")
    for first, last, width in ((0, 0, 34), (1, 2, 16), (3, 3, 36), (4, 4, 13), (5, 5, 30), (6, 6, 26)):
        book.columns(ws, first, last, width)
    ws.write(0, 0, f"Invoer — {d.onderwerp}", book.title)
    book.text(ws, 1, 0, "Gele cellen mag u wijzigen; Berekening, Modellen en Leden rekenen dan opnieuw.", book.note, span=4)
    for col, label in enumerate(HEADS):
        book.text(ws, 3, col, label, book.head)
    ws.freeze_panes(4, 0)
    return ws


class _Figures:
    def __init__(self, d: Dossier, root: Path) -> None:
        self.all = figures_of(d.vergelijkingen.values())
        self.root = root

    def find(self, *soorten: str, **match: Any) -> list[Any]:
        return [f for f in self.all if f.soort in soorten and all(f.p.get(k) == v for k, v in match.items())]

    def of(self, figures: list[Any], fallback: Herkomst = ("", "", "")) -> Herkomst:
        """One figure's source and status; several: their sources, afgeleid (aanname when a part is)."""
        if not figures:
            return fallback
        place = relative_place(figures[0].plaats, self.root)
        if len(figures) == 1:
            return figures[0].bron, figures[0].status, place
        status = "aanname" if any(f.status == "aanname" for f in figures) else "afgeleid"
        return "; ".join(dict.fromkeys(f.bron for f in figures)), status, place


def _inhabitants(d: Dossier, figs: _Figures) -> Herkomst:
    if not d.is_regio:
        return figs.of(figs.find("gemeente.inwoners", "invoer.inwoners"))
    members = [f for r in d.regio.values() for f in r.spoor.figuren if f.soort == "lid.inwoners"]
    statuses = {f.status for f in members}
    return "som van de leden (blad Leden)", statuses.pop() if len(statuses) == 1 else "invoer", ""


def _salary(figs: _Figures) -> Herkomst:
    table, steps = figs.find("salaris.maand"), figs.find("cao_stap")
    if not steps:
        return figs.of(table)
    dates = ", ".join(date_nl(x) for x in sorted({str(f.datum) for f in steps}))
    bron, _status, place = figs.of(table)
    status = "aanname" if any(f.status == "aanname" for f in (*table, *steps)) else "afgeleid"
    return f"{bron}; met de cao-verhogingen van {dates}", status, place


def invoer(book: Book, d: Dossier, ds: Any) -> dict[str, str]:
    ws = _sheet(book, d)
    s = next(iter(d.schattingen.values()))
    tarief = s.uurtarief
    figs = _Figures(d, Path(ds.root))
    row = 4
    names: dict[str, str] = {}

    def put(
        name: str, label: str, value: Any, unit: str, code: str, herkomst: Herkomst, note: str = "", formula: str | None = None
    ) -> None:
        nonlocal row
        book.text(ws, row, 0, label)
        if formula is not None:
            ws.write_formula(row, 1, formula, book.num(code), float(value))
        elif isinstance(value, str):
            ws.write_string(row, 1, value, book.num("@", invoer=True))
        else:
            ws.write_number(row, 1, float(value), book.num(code, invoer=True))
        for col, text in ((2, unit), (3, herkomst[0]), (4, herkomst[1]), (5, note), (6, herkomst[2])):
            book.text(ws, row, col, text)
        names[name] = book.name(name, "Invoer", row, 1)
        row += 1

    put(
        "Inwoners",
        "Inwoners",
        d.inwoners,
        "inwoners",
        INT,
        _inhabitants(d, figs),
        "de regio als geheel: de som van de inwoners op blad Leden (wijzig ze daar)" if d.is_regio else "",
        formula=f"=SUM({MEMBERS_INHABITANTS})" if d.is_regio else None,
    )
    if d.is_regio:  # hours that hold per municipality count once for each member (DOMAIN.md §11)
        put(
            "Gemeenten",
            "Aantal gemeenten",
            len(next(iter(d.regio.values())).leden),
            "gemeenten",
            INT,
            ("leden van de regio (blad Leden)", "berekend", ""),
            "het aantal gemeenten op blad Leden",
            formula=f"=ROWS({MEMBERS_INHABITANTS})",
        )
    profile = figs.of(figs.find("tariefprofiel"))
    p: Mapping[str, Any] = tarief.p  # what the rate was computed from (scale, step, table), by its soort
    stap = s.spoor.stap(tarief.stap)  # its numbers: the values the evaluator recorded
    if tarief.soort == "salaris":
        put(
            "Maandsalaris",
            "Maandsalaris (op prijspeil)",
            stap.waarde_van("maandsalaris").waarde if stap else p["maandsalaris"],
            "€/maand",
            EURO,
            _salary(figs),
            f"schaal {p['schaal']}, periodiek {p['periodiek']}, tabel {p['tabel_datum']}",
        )
        surcharges = figs.find("toeslag")
        put(
            "Toeslagfactor",
            "Toeslagen (factor)",
            stap.waarde_van("factor").waarde if stap else p["factor"],
            "factor",
            "0.0000",
            figs.of(surcharges, profile),
            ", ".join(f"{naam.lower()} {money.pct(pct)}" for naam, pct in p["toeslagen"]) or "geen toeslagen",
        )
    for key, label in (("UrenPerMaand", "Uren per maand (1 fte)"), ("MaandenPerJaar", "Maanden per jaar")):
        soort = "uurloon.uren_per_maand" if key == "UrenPerMaand" else "uurloon.maanden_per_jaar"
        value = getattr(ds.salary.uurloon, "uren_per_maand" if key == "UrenPerMaand" else "maanden_per_jaar")
        put(
            key,
            label,
            value,
            "uur/maand" if key == "UrenPerMaand" else "maanden",
            "0.00" if key == "UrenPerMaand" else "0",
            figs.of(figs.find(soort)),
        )
    rate_formula = (
        FORMULES["uurtarief.salaris"].excel({"maandsalaris": "Maandsalaris", "factor": "Toeslagfactor", "uren_per_maand": "UrenPerMaand"})
        if tarief.soort == "salaris"
        else None
    )
    rate = figs.find("tariefprofiel", "invoer.uurtarief") or figs.find(
        "integraal.loonkosten", "integraal.overhead", "integraal.productieve_uren"
    )
    put(
        "Uurtarief",
        "Uurtarief",
        tarief.bedrag,
        "€/uur",
        EURO4,
        figs.of(rate),
        f"formule: {formula_words(FORMULES['uurtarief.salaris'])}" if rate_formula else (tarief.profiel or tarief.soort),
        formula=rate_formula,
    )
    first_v = next(iter(d.vergelijkingen.values()))
    for sv in first_v.schaalvoordelen:
        put(
            scale_name(sv.uitvoerder),
            f"Schaalvoordeel {sv.naam}",
            sv.procent,
            "%",
            "0.00",
            figs.of(figs.find("schaalvoordeel", "invoer.schaalvoordeel", uitvoerder=sv.naam)),
        )
    for r in s.regels:
        if r.gekwantificeerd:
            put(
                f"Schaling_{r.taakgebied}",
                f"Schaling {r.naam.lower()}",
                "per_gemeente" if r.per_gemeente else "per_inwoner",
                "",
                "@",
                figs.of(figs.find("schaling", "invoer.schaling_beleid", taakgebied=r.naam)),
                "per_inwoner of per_gemeente",
            )
            ws.data_validation(row - 1, 1, row - 1, 1, {"validate": "list", "source": ["per_inwoner", "per_gemeente"]})
    for a in ds.models.adviesbedragen:
        put(
            f"Advies_{a.taakgebied}_{a.pakket}",
            f"Advies §6: {ds.taakgebied(a.taakgebied).naam.lower()}, {a.pakket}",
            a.euro_per_inwoner_per_jaar,
            "€/inwoner/jaar",
            EURO4,
            (a.bron.kort(), a.status, ""),
        )
    _observations(book, ws, ds, row + 1, names)
    book.finish(ws)
    return names


def _observations(book: Book, ws: Any, ds: Any, row: int, names: dict[str, str]) -> None:
    from xlsxwriter.utility import xl_col_to_name

    book.text(ws, row, 0, "Waarnemingen uit de interviews (§4.1); meegewogen 1 = telt mee in de norm", book.note, span=4)
    row += 1
    heads = ("Waarneming", "Uren per maand", "Inwoners", "Taakgebied", "Pakket", "Meegewogen (1/0)", "Bron", "Status")
    for col, label in enumerate(heads):
        book.text(ws, row, col, label, book.head)
    first = row + 1
    for n, w in enumerate(ds.interviews.waarnemingen):
        r = first + n
        book.text(ws, r, 0, w.id)
        ws.write_number(r, 1, float(w.uren_per_maand), book.num("0.00", invoer=True))
        ws.write_number(r, 2, w.inwoners, book.num(INT, invoer=True))
        book.text(ws, r, 3, w.taakgebied)
        book.text(ws, r, 4, w.pakket)
        ws.write_number(r, 5, 1 if w.meegewogen else 0, book.num("0", invoer=True))
        book.text(ws, r, 6, w.bron.kort())
        book.text(ws, r, 7, w.status)
    last = first + len(ds.interviews.waarnemingen) - 1
    for col, name in ((1, "W_Uren"), (2, "W_Inwoners"), (3, "W_Taakgebied"), (4, "W_Pakket"), (5, "W_Meegewogen")):
        letter = xl_col_to_name(col)
        book.wb.define_name(name, f"='Invoer'!${letter}${first + 1}:${letter}${last + 1}")
        names[name] = name
