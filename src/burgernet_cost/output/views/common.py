"""Pieces several views share: the hourly rate, the figures read, sources, scenario, municipality,
the explanation."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from burgernet_cost.domain.rate import Uurtarief
from burgernet_cost.domain.rounding import quantize
from burgernet_cost.domain.trace import Figuur, Spoor
from burgernet_cost.output import numbers as money
from burgernet_cost.output.document import Cell, Field, Part, Row
from burgernet_cost.output.wording import date_nl, figure_label, rate_description, show, written_places

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.municipalities import Gemeente, Gemeenten
    from burgernet_cost.data.record_types.organisation import Situatie2014
    from burgernet_cost.domain.trace import Waarde
    from burgernet_cost.output.explain import Knoop

#: --gemeente: the CBS municipality and the municipalities it was found in (None without --gemeente)
Municipality = tuple["Gemeente", "Gemeenten"] | None

REPORT = "rapport Gemeentelijke taken Burgernet (2014)"


class HasFigures(Protocol):
    """A result that read figures (an estimate, a comparison, a region)."""

    @property
    def figuren(self) -> tuple[Figuur, ...]: ...


def report_dates(ds: Dataset | None, with_inhabitants: bool = True) -> tuple[str | None, str | None]:
    """The report's situation: (date of the inhabitants, price date), from the data. The municipality
    tables are read only when the inhabitants' date is asked (an --inwoners result does not need them)."""
    from burgernet_cost.data.instant import report_price_date
    from burgernet_cost.errors import BncostError

    if ds is None:
        return None, None
    inhabitants = None
    if with_inhabitants:
        try:
            gm = ds.gemeenten()
            inhabitants = gm.peildatum(gm.rapportjaar)
        except BncostError:  # no (valid) municipality data: the inhabitants' date is then not the question
            inhabitants = None
    return inhabitants, report_price_date(ds)


#: the csv columns that name a result's date on every row
DATE_COLUMNS = ("inwoners_per", "prijspeil")


def date_cells(tarief: Uurtarief, inwoners_datum: str | None) -> dict[str, str]:
    """csv: the dates of the inhabitants and of the price level, on every row."""
    return {"inwoners_per": inwoners_datum or "", "prijspeil": tarief.peildatum or ""}


def date_field(tarief: Uurtarief, inwoners_datum: str | None, ds: Dataset | None, referentie: bool = False) -> list[Field]:
    """The one line that names a result's date: of the inhabitants and of the price level (json
    "prijspeil" and "inwoners_per"); says when it is the report's situation, and when the two differ.
    ``referentie``: the user gave no inhabitants; the count is the report's reference municipality."""

    if inwoners_datum:
        inh = f"inwoners {date_nl(inwoners_datum)} (CBS)"
    else:
        inh = "inwoners van de referentiegemeente van het rapport (§4.1.1)" if referentie else "inwoners opgegeven"
    if tarief.soort == "opgegeven" or tarief.peildatum is None:
        price = "prijspeil: het opgegeven uurtarief"
    else:
        why = {"salaris": "salaristabel en cao-stappen", "integraal": "integrale kosten van dat jaar"}[tarief.soort]
        price = f"prijspeil {date_nl(tarief.peildatum)} ({why})"
    report_inh, report_price = report_dates(ds, with_inhabitants=inwoners_datum is not None)
    if tarief.peildatum == report_price and inwoners_datum in (None, report_inh) and tarief.soort == "salaris":
        tail = "; de situatie van het rapport (kies een andere datum met --jaar of --peildatum)"
    elif inwoners_datum and tarief.peildatum and inwoners_datum[:4] != tarief.peildatum[:4]:
        tail = "; let op: inwoners en prijspeil hebben elk hun eigen datum"
    else:
        tail = ""
    return [Field("prijspeil", "Datum", tarief.peildatum, text=f"{inh}, {price}{tail}"), Field("inwoners_per", None, inwoners_datum)]


def rate_field(tarief: Uurtarief, spoor: Spoor) -> Field:
    """json "uurtarief" and the header line "Uurtarief"; its numbers are those the trace recorded."""
    description = rate_description(tarief, spoor.stap(tarief.stap))
    text = description + (" (rust op een aanname, zie toelichting)" if tarief.rust_op_aanname else "")
    return Field(
        "uurtarief",
        "Uurtarief",
        [
            Field("bedrag", None, tarief.bedrag, "rate"),
            Field("omschrijving", None, description),
            Field("profiel", None, tarief.profiel),
            Field("bedragen_per", None, tarief.peildatum),
            Field("rust_op_aanname", None, tarief.rust_op_aanname, "bool"),
        ],
        "object",
        text=text,
    )


def _figure_value(waarde: Waarde) -> Waarde:
    """A figure's value for json, as the data holds it: a number (every digit written, 3858 not
    "3858"), a yes/no (true/false) or a text."""
    if isinstance(waarde, Decimal) and waarde == waarde.to_integral():
        return int(waarde)
    return waarde


def figures_field(figuren: tuple[Figuur, ...]) -> Field:
    """json "figuren": every figure a result read, with its stable id, in the order read."""
    return Field(
        "figuren",
        None,
        [
            [
                Field("id", None, f.id),
                Field("naam", None, figure_label(f)),
                Field("waarde", None, _figure_value(f.waarde), "value"),
                Field("eenheid", None, f.eenheid),
                Field("bron", None, f.bron),
                Field("status", None, f.status),
                Field("plaats", None, f.plaats),
                Field("datum", None, f.datum),
            ]
            for f in figuren
        ],
        "objects",
    )


@functools.lru_cache(maxsize=4096)  # the same places in every document of a --per-gemeente run
def relative_place(plaats: str | None, root: Path) -> str:
    """'…/data/interviews.yaml:127' -> 'interviews.yaml:127' (a place in the data folder: a document names no machine path)."""
    if not plaats:
        return ""
    from burgernet_cost.data.reading import SHIPPED_NAME

    path, sep, line = plaats.rpartition(":") if plaats.rpartition(":")[2].isdigit() else (plaats, "", "")
    if path.startswith(SHIPPED_NAME + "/"):  # the shipped data, named without its machine path
        return path.removeprefix(SHIPPED_NAME + "/") + (f":{line}" if sep else "")
    try:
        shown = Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        shown = Path(path).name
    return shown + (f":{line}" if sep else "")


def value_text(waarde: object) -> str:
    """A figure's value as the data writes it (162,5 not 162,5000; at most 6 decimals)."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, Decimal)):
        return money.nl_number(waarde, 0 if isinstance(waarde, int) else min(written_places(waarde), 6))
    return str(waarde)


def figures_of(vergelijkingen: Iterable[HasFigures]) -> list[Figuur]:
    """Every figure the results read, each once, assumptions first (the council document's list)."""
    figures: dict[str, Figuur] = {}
    for v in vergelijkingen:
        for f in v.figuren:
            figures.setdefault(f.id, f)
    return sorted(figures.values(), key=lambda f: ({"aanname": 0, "afgeleid": 1, "invoer": 2}.get(f.status, 3), f.id))


def figure_value_text(f: Figuur) -> str:
    """A figure's value as the data writes it, with its unit, as the explanation shows it
    ('€ 3.858 per maand', '162,5 uur/maand'): one wording for json, the document and the workbook."""
    if isinstance(f.waarde, (int, Decimal)) and not isinstance(f.waarde, bool):
        return show(f.waarde, f.eenheid, written=True)
    return value_text(f.waarde) + (f" {f.eenheid}" if f.eenheid else "")


def figure_rows(figuren: Iterable[Figuur], root: Path) -> list[dict[str, Any]]:  # type: ignore[explicit-any]
    """The figures as json "figuren" names them, with their place relative to the data folder.
    (The one ``Any`` left in the views: output/workbook.py reads these rows by a key from a loop, as text.)"""
    rows: list[Row] = []
    for f in figuren:
        place = relative_place(f.plaats, root)
        rows.append(
            {
                "id": f.id,
                "naam": figure_label(f),
                "waarde": f.waarde,
                "waarde_tekst": figure_value_text(f),
                "eenheid": f.eenheid,
                "bron": f.bron,
                "plaats": place,
                "bron_plaats": f.bron + (f" ({place})" if place else ""),
                "status": f.status,
            }
        )
    return rows


def sources_field(figuren: tuple[Figuur, ...]) -> Field:
    """The report's sections a result rests on, in section order."""
    sections: list[str] = []
    for f in figuren:
        for part in f.bron.split(", "):
            if part.startswith("§") and part not in sections:
                sections.append(part)

    def key(sec: str) -> list[int]:
        return [int(x) if x.isdigit() else 0 for x in sec[1:].split(" ")[0].split(".")]

    return Field(None, "Bronnen", f"{REPORT} {', '.join(sorted(sections, key=key))}")


def scenario_header(ds: Dataset | None) -> list[Part]:
    if ds is None or ds.scenario is None:
        return []
    return [Field(None, "Scenario", ds.scenario.summary())]


def _amount(value: object) -> Decimal | None:
    """The number in a cell (a Cell's value, or the value itself); None where there is none."""
    value = value.value if isinstance(value, Cell) else value
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return None
    return Decimal(value)


def rounding_notes(parts: list[Row], total: Row, kinds: dict[str, str]) -> list[str]:
    """A note when the parts as shown do not add up to the total as shown (totals are sums of the
    unrounded parts, so a cent or a hundredth can differ)."""
    from burgernet_cost.output.cells import display

    off = []
    for key, kind in kinds.items():
        values = [v for v in (_amount(p.get(key)) for p in parts) if v is not None]
        shown_total = _amount(total.get(key))
        if not values or shown_total is None:
            continue
        places = money.KINDS[kind].shown
        if sum((quantize(v, places) for v in values), Decimal(0)) != quantize(shown_total, places):
            off.append(f"{display(shown_total, kind)}")
    if not off:
        return []
    return [
        f"Afronding: de getoonde delen tellen niet precies op tot het getoonde totaal ({', '.join(off)}); een totaal is "
        "de som van de onafgeronde delen."
    ]


def report_points(ds: Dataset, command: str) -> list[str]:
    """The report's recommendations (§6) and starting points (§2.3) that bear on this command's
    result, word for word from the data."""
    out = [f"Aanbeveling ({p.bron.kort()}): {p.tekst}" for p in ds.models.aanbevelingen if command in p.toon_bij]
    out += [f"Uitgangspunt ({p.bron.kort()}): {p.tekst.rstrip(';')}" for p in ds.models.uitgangspunten if command in p.toon_bij]
    out += [
        f"Het rapport spreekt zichzelf tegen ({', '.join(b.kort() for b in c.plaatsen)}): {c.omschrijving}."
        for c in ds.models.tegenstrijdigheden
        if command in c.toon_bij
    ]
    return out


def calibration_field(text: str) -> Field:
    """json "kalibratie" (any command on data that no longer reproduces the report's results)."""
    return Field(
        "kalibratie",
        "Let op",
        [Field("reproduceert_rapport", None, False, "bool"), Field("melding", None, text)],
        "object",
        text=text,
    )


def data_field(data_dir: str) -> Field:
    return Field(None, "Data", data_dir)


def notes_field(notes: list[str]) -> Field:
    return Field("notities", None, notes, "texts")


def explanation(ds: Dataset | None, uitleg: list[Knoop] | None) -> list[Part]:
    """json "scenario" (when a scenario applies) and "uitleg" (with --uitleg)."""
    parts: list[Part] = []
    if ds is not None and ds.scenario is not None:
        s = ds.scenario.to_dict()
        changes = [
            [Field("pad", None, w["pad"]), Field("waarde", None, w["waarde"], "value"), Field("herkomst", None, w["herkomst"])]
            for w in s["wijzigingen"]
        ]
        fields = [Field(k, None, s[k]) for k in ("naam", "omschrijving", "bestand")]
        parts.append(Field("scenario", None, [*fields, Field("wijzigingen", None, changes, "objects")], "object"))
    if uitleg is not None:
        parts.append(Field("uitleg", None, [k.to_dict() for k in uitleg], "raw"))
    return parts


def trace_tree(spoor: Spoor, uitleg: bool) -> list[Knoop] | None:
    if not uitleg:
        return None
    from burgernet_cost.output.explain import tree  # only with --uitleg

    return tree(spoor)


# --------------------------------------------------------------------------- municipalities


def municipality_text(g: Gemeente, gemeenten: Gemeenten) -> str:
    from burgernet_cost.data.municipal_years import merged_by_date

    merged = merged_by_date(gemeenten, g.code)  # a merger between 1 January and --peildatum: its inhabitants are added
    with_merged = (
        f", met {', '.join(h.naam for h in merged)} (herindeling {', '.join(sorted({date_nl(h.datum) for h in merged}))}; "
        "inwoners van 1 januari opgeteld)"
        if merged
        else ""
    )
    return (
        f"{g.naam} ({g.code}), {money.nl_number(g.inwoners)} inwoners op {date_nl(g.peildatum)}{with_merged} "
        f"({gemeenten.meta.bron.attributie}); {g.provincie}, veiligheidsregio {g.veiligheidsregio}, "
        f"politie-eenheid {g.politie_eenheid}" + ("" if gemeenten.eenheid_status(g.jaar) == "gepubliceerd" else " (afgeleid)")
    )


def municipality_field(municipality: Municipality) -> Field:
    """json "gemeente" (null without --gemeente)."""
    if not municipality:
        return Field("gemeente", None, None, "object")
    g, gemeenten = municipality
    return Field(
        "gemeente",
        None,
        [
            Field("code", None, g.code),
            Field("naam", None, g.naam),
            Field("inwoners", None, g.inwoners, "int"),
            Field("peildatum", None, g.peildatum),
            Field("provincie", None, g.provincie),
            Field("veiligheidsregio", None, g.veiligheidsregio),
            Field("politie_eenheid", None, g.politie_eenheid),
            Field("bron", None, gemeenten.meta.bron.attributie),
        ],
        "object",
    )


def situation_2014_for(ds: Dataset, g: Gemeente) -> Situatie2014 | None:
    """The 2014 arrangement (§2.1) of a municipality: by veiligheidsregio, else by politie-eenheid."""
    if g.jaar != 2014:
        return None
    for sit in ds.models.situatie_2014:
        if sit.soort == "politieregio" and sit.code == g.veiligheidsregio_code:
            return sit
    for sit in ds.models.situatie_2014:
        if sit.soort == "politie_eenheid" and sit.gebied == g.politie_eenheid:
            return sit
    return None
