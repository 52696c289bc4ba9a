"""The calculating commands: options -> one library call -> view -> renderer.

Heavy modules (data, domain, views, renderers) are imported inside the command that needs them.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burgernet_cost.cli.options import (
    DATA_OPTIES,
    REKEN_OPTIES,
    TARIEF_OPTIES,
    UITVOER_OPTIES,
    Bandbreedte,
    Blad,
    DataDir,
    Eenheid,
    Formaat,
    Gedeeld,
    Gemeente,
    GemeentenLijst,
    Inwoners,
    Jaar,
    Ledenbestand,
    Naam,
    Overschrijf,
    PrijspeilJaar,
    Schaalvoordeel,
    Tarief,
    Uitleg,
    Uitvoer,
    Veiligheidsregio,
    explanation_has_effect,
    later,
    not_empty,
    one_of_inhabitants,
    one_selection,
    pakket_option,
    region_options,
    scale_advantage_values,
    shared,
)
from burgernet_cost.cli.parsers import parse_choice, parse_id, parse_inwoners
from burgernet_cost.cli.writing import emit, shown
from burgernet_cost.domain.codes import BOTH, Pakket, UitvoerModel
from burgernet_cost.errors import UsageProblem, quote
from burgernet_cost.structs import struct

if TYPE_CHECKING:
    from burgernet_cost.data.dataset import Dataset
    from burgernet_cost.data.municipalities import Gemeente as CbsGemeente
    from burgernet_cost.data.municipalities import Gemeenten
    from burgernet_cost.domain.calibration import Kalibratiestand
    from burgernet_cost.domain.rate import TariefKeuze

Opt = typer.Option


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def estimate_cmd(
    opties: Gedeeld,
    inwoners: Inwoners = None,
    pakket: Annotated[Pakket, pakket_option("basis, aanvullend (alleen de aanvulling) of volledig (basis + aanvullend).")] = "basis",
    gemeente: Gemeente = None,
    jaar: Jaar = None,
    uitleg: Uitleg = False,
    bandbreedte: Bandbreedte = False,
) -> None:
    from burgernet_cost.domain.estimate import estimate
    from burgernet_cost.output.views.estimate import estimate_report

    explanation_has_effect(uitleg, opties.fmt, opties.uitvoer)
    opzet = setup(opties, inwoners, gemeente, jaar, required=True)
    ds, keuze, n, municipality = opzet.ds, opzet.keuze, opzet.inwoners, opzet.municipality
    assert n is not None
    herkomst = _herkomst(municipality)
    result = estimate(ds, n, pakket, keuze, herkomst=herkomst, schalingen=opties.schalingen())
    band = None
    if bandbreedte:
        from burgernet_cost.domain.bands import estimate_band

        band = estimate_band(ds, result, keuze, herkomst, opties.schalingen())
    _emit_report(estimate_report(result, shown(ds.root), municipality, ds=ds, uitleg=uitleg, band=band), opties, opzet.kalibratie)


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def compare_cmd(
    opties: Gedeeld,
    inwoners: Annotated[
        int | None,
        Opt(
            "--inwoners",
            "-n",
            parser=parse_inwoners,
            metavar="AANTAL",
            show_default=False,
            help="Aantal inwoners (standaard: de referentiegemeente van het rapport, 54.600).",
        ),
    ] = None,
    pakket: Annotated[Pakket | None, pakket_option("Eén pakket (standaard: basis en volledig naast elkaar).", False)] = None,
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordeel = None,
    gemeente: Gemeente = None,
    jaar: Jaar = None,
    uitleg: Uitleg = False,
    bandbreedte: Bandbreedte = False,
) -> None:
    from burgernet_cost.domain.compare import chosen_scale_advantages, compare
    from burgernet_cost.output.views.compare import compare_report

    explanation_has_effect(uitleg, opties.fmt, opties.uitvoer)
    opties.set_overlaps({"--schaalvoordeel": bool(schaalvoordeel), "--inwoners": inwoners is not None, "--gemeente": gemeente is not None})
    opzet = setup(opties, inwoners, gemeente, jaar, required=False)
    ds, keuze, n, municipality = opzet.ds, opzet.keuze, opzet.inwoners, opzet.municipality
    voordeel = chosen_scale_advantages(ds, scale_advantage_values(schaalvoordeel), None, tarief)
    referentie = n is None
    n = ds.models.referentiegemeente.inwoners if n is None else n
    results = [
        compare(ds, n, p, tarief, voordeel, keuze, herkomst=_herkomst(municipality), schalingen=opties.schalingen())
        for p in ((pakket,) if pakket else BOTH)
    ]
    band = None
    if bandbreedte:
        from burgernet_cost.domain.bands import compare_band

        band = compare_band(ds, results, keuze, tarief, voordeel, _herkomst(municipality), opties.schalingen())
    report = compare_report(results, ds, shown(ds.root), referentie, municipality, uitleg=uitleg, band=band)
    _emit_report(report, opties, opzet.kalibratie)


def current_cmd(
    fmt: Formaat = None, uitvoer: Uitvoer = None, overschrijf: Overschrijf = False, data_dir: DataDir = None, jaar: PrijspeilJaar = None
) -> None:
    from burgernet_cost.data.instant import Tijdstip
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.compare import report_tariffs
    from burgernet_cost.domain.rate import TariefKeuze, uurtarief
    from burgernet_cost.output.views.current import current_report

    ds = load_dataset(data_dir)
    keuze = None if jaar is None else TariefKeuze(peildatum=Tijdstip(jaar).prijspeil, peildatum_uit_jaar=True)
    computed, advised = report_tariffs(ds, keuze)
    rate = uurtarief(ds, keuze)
    emit(current_report(ds, shown(ds.root), computed, advised, rate, jaar), fmt, uitvoer)


def tasks_cmd(
    rol: Annotated[
        str | None,
        Opt(
            "--rol",
            metavar="ROL",
            show_default=False,
            help="Alleen deze rol (id of naam, bijv. relatiebeheer of 'Lid sturend orgaan').",
            autocompletion=later("rol"),
        ),
    ] = None,
    pakket: Annotated[Pakket | None, pakket_option("basis, aanvullend, of volledig (beide; standaard).", False)] = None,
    organisatie: Annotated[
        str | None,
        Opt(
            "--organisatie",
            parser=parse_choice(("gemeente", "politie", "alle"), "organisatie"),
            metavar="gemeente|politie|alle",
            show_default=False,
            help="Taken van de gemeente (§3), de politie (Bijlage 1) of alle (standaard: gemeente, of de organisatie van --rol).",
            autocompletion=later("ORGANISATIE"),
        ),
    ] = None,
    bijlage2: Annotated[
        bool, Opt("--bijlage2", help="Toon ook elke regel van Bijlage 2 met de taak uit hoofdstuk 3 waarmee hij overeenkomt.")
    ] = False,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    overschrijf: Overschrijf = False,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.tasks import select_tasks
    from burgernet_cost.output.views.tasks import tasks_report

    not_empty(rol=rol)
    ds = load_dataset(data_dir)
    if rol is not None and organisatie in ("gemeente", "politie"):
        from burgernet_cost.domain.tasks import find_role

        role = find_role(ds, rol, organisatie)
        if role.organisatie != organisatie:
            raise UsageProblem(
                f"rol {quote(role.naam)} hoort bij de {role.organisatie}, niet bij de {organisatie}; "
                "laat --organisatie weg of kies --organisatie alle",
                field="organisatie",
            )
    tasks, filters = select_tasks(ds, rol=rol, pakket=pakket, organisatie=organisatie or "gemeente")
    if not tasks:
        raise UsageProblem(f"geen taak voldoet aan alle keuzes samen ({', '.join(filters)})")
    emit(tasks_report(ds, tasks, filters, bijlage2=bijlage2), fmt, uitvoer)


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def region_cmd(
    opties: Gedeeld,
    eenheid: Eenheid = None,
    veiligheidsregio: Veiligheidsregio = None,
    gemeenten: GemeentenLijst = None,
    bestand: Ledenbestand = None,
    blad: Blad = None,
    naam: Naam = None,
    alle: Annotated[bool, Opt("--alle", help="Heel Nederland.")] = False,
    per: Annotated[
        str | None,
        Opt(
            "--per",
            parser=parse_choice(("gemeente", "eenheid"), "indeling"),
            metavar="gemeente|eenheid",
            show_default=False,
            help="Eén regel per gemeente of per politie-eenheid (standaard: eenheid bij --alle, anders gemeente).",
            autocompletion=later("PER"),
        ),
    ] = None,
    model: Annotated[
        UitvoerModel,
        Opt(
            "--model",
            parser=parse_id,
            metavar="MODEL",
            show_default=True,
            help="Een inrichtingsmodel met een uitvoerder (in de meegeleverde data: regionaal of landelijk; elk model dat de "
            "data noemt): wie relatiebeheer en communicatie uitvoert.",
            autocompletion=later("model"),
        ),
    ] = "regionaal",
    pakket: Annotated[Pakket, pakket_option("basis, aanvullend of volledig.")] = "basis",
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordeel = None,
    jaar: Jaar = None,
    uitleg: Uitleg = False,
    bandbreedte: Bandbreedte = False,
) -> None:
    from burgernet_cost.domain.compare import chosen_scale_advantages
    from burgernet_cost.domain.region import check_model, region
    from burgernet_cost.output.views.region import region_report

    given = region_options(eenheid, veiligheidsregio, gemeenten, bestand, alle)
    soort = one_selection(given)
    choose_sheet(blad, bestand)
    choose_list_name(naam, bestand)
    explanation_has_effect(uitleg, opties.fmt, opties.uitvoer)
    opties.set_overlaps({"--schaalvoordeel": bool(schaalvoordeel)})
    keuze = opties.keuze(jaar)
    ds, members, title, peildatum = select_region(opties, given, soort, jaar)
    check_model(ds, model)
    voordeel = chosen_scale_advantages(ds, scale_advantage_values(schaalvoordeel), (model,), tarief)
    per_unit = (per or ("eenheid" if alle else "gemeente")) == "eenheid"
    result = region(
        ds,
        title,
        members,
        model,
        pakket,
        tarief,
        voordeel,
        keuze,
        soort=soort,
        schalingen=opties.schalingen(),
        inwoners_datum=peildatum,
    )
    band = None
    if bandbreedte:
        from burgernet_cost.domain.bands import region_band

        band = region_band(ds, result, members, keuze, voordeel, opties.schalingen(), per_lid=not per_unit)
    report = region_report(result, ds, shown(ds.root), per_unit, peildatum, uitleg=uitleg, band=band)
    _emit_report(report, opties, calibration_of(ds))


def select_region(opties: Gedeeld, given: dict[str, str | None], soort: str, jaar: int | None) -> tuple[Any, Any, str, str]:
    """regio and rapport: load the data and choose the members. Returns (dataset, members, title,
    the population's peildatum)."""
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.region import select_members

    ds = load_dataset(opties.data_dir, opties.scenario, opties.set_ or ())
    gm = opties.tijdstip(jaar).gemeenten(ds.gemeenten())
    year = opties.tijdstip(jaar).cbs_jaar(gm)
    members, name = select_members(gm, year, soort, None if soort == "alle" else given[soort])
    members = _with_mergers(gm, members)
    from burgernet_cost.cli.writing import say_note
    from burgernet_cost.data.member_file import NOTES

    for remark in NOTES:  # e.g. a member list read as Windows-1252
        say_note(f"Let op: {remark}")
    NOTES.clear()
    return ds, members, region_title(soort, name), gm.peildatum(year)


def _with_mergers(gm: Any, members: list[Any]) -> list[Any]:
    """On a --peildatum after a mid-year merger, a member's count holds the merged municipality's:
    its source says so (Amsterdam with Weesp, 24-3-2022)."""
    from burgernet_cost.data.municipal_years import merged_by_date
    from burgernet_cost.output.wording import date_nl
    from burgernet_cost.structs import replace

    out = []
    for m in members:
        merged = merged_by_date(gm, m.code) if m.code else []
        if merged:
            names = ", ".join(h.naam for h in merged)
            m = replace(m, bron=f"{m.bron}, met {names} (herindeling {', '.join(date_nl(h.datum) for h in merged)})")
        out.append(m)
    return out


def choose_sheet(blad: str | None, bestand: str | None) -> None:
    """--blad: which sheet of an Excel member list; refused where it would have no effect."""
    if blad is None:
        return
    if not bestand or not bestand.lower().endswith((".xlsx", ".xlsm")):
        raise UsageProblem("heeft alleen effect met een Excel-ledenlijst (--bestand leden.xlsx)", field="blad")
    from burgernet_cost.data.member_workbook import SHEET

    SHEET.set(blad)


#: the display name of a region from a member list (--naam; None: from the file's name)
LIST_NAME: ContextVar[str | None] = ContextVar("naam", default=None)


def choose_list_name(naam: str | None, bestand: str | None) -> None:
    """--naam: what a region from a member list is called; refused where it would have no effect."""
    LIST_NAME.set(None)
    if naam is None:
        return
    not_empty(naam=naam)
    if not bestand:
        raise UsageProblem("heeft alleen effect met een ledenlijst (--bestand)", field="naam")
    from burgernet_cost.data.member_file import plain_cell

    LIST_NAME.set(plain_cell(naam))


def region_title(soort: str, name: str) -> str:
    """What a region is called in the output, by how it was chosen. A member list by its --naam or
    its file's name without folder and extension: a document never shows a path of this machine."""
    from pathlib import PurePath

    titles = {
        "eenheid": f"politie-eenheid {name}",
        "veiligheidsregio": f"veiligheidsregio {name}",
        "gemeenten": name,
        "bestand": LIST_NAME.get() or f"gemeenten uit {PurePath(name).stem}",
        "alle": "Nederland (alle gemeenten)",
    }
    return titles[soort]


def municipalities_cmd(
    eenheid: Annotated[
        str | None,
        Opt(
            "--eenheid",
            metavar="NAAM",
            show_default=False,
            help="Alleen deze politie-eenheid.",
            autocompletion=later("eenheid"),
        ),
    ] = None,
    veiligheidsregio: Annotated[
        str | None,
        Opt(
            "--veiligheidsregio",
            metavar="NAAM",
            show_default=False,
            help="Alleen deze veiligheidsregio.",
            autocompletion=later("veiligheidsregio"),
        ),
    ] = None,
    zoek: Annotated[
        str | None, Opt("--zoek", metavar="TEKST", show_default=False, help="Gemeenten waarvan naam of code deze tekst bevat.")
    ] = None,
    jaar: Jaar = None,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    overschrijf: Overschrijf = False,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.data.municipalities import load_municipalities
    from burgernet_cost.domain.municipalities import filter_municipalities
    from burgernet_cost.output.views.region import municipalities_report

    not_empty(eenheid=eenheid, veiligheidsregio=veiligheidsregio, zoek=zoek)
    gm = load_municipalities(data_dir)
    year = gm.kies_jaar(jaar)
    rows, filters = filter_municipalities(gm, year, eenheid=eenheid, veiligheidsregio=veiligheidsregio, zoek=zoek)
    if not rows:  # each filter alone finds municipalities (else it said so): together they contradict
        said = ", ".join(f"{k} {quote(v, 40)}" for k, v in filters.items())
        raise UsageProblem(f"geen gemeente voldoet aan alle filters samen ({said}) in {year}")
    emit(municipalities_report(rows, gm, year, filters), fmt, uitvoer)


# --------------------------------------------------------------------------- shared by the commands above


def _herkomst(municipality: Any) -> Any:
    """The CBS row behind --gemeente, as the source of the number of inhabitants."""
    from burgernet_cost.domain.estimate import Herkomst

    return Herkomst.cbs(municipality[0]) if municipality else None


def calibration_of(ds: Dataset) -> Kalibratiestand:
    """Whether this data still reproduces the report's results (every result says so when not)."""
    from burgernet_cost.domain.calibration import calibration_state

    return calibration_state(ds)


def _emit_report(report: Any, opties: Gedeeld, kalibratie: Kalibratiestand | None = None) -> None:
    emit(report, opties.fmt, opties.uitvoer, kalibratie)


@struct
class Opzet:
    """What estimate, compare-models, gevoeligheid and rapport start from: the data, the rate choice,
    the inhabitants (None: the command's own default) and the CBS municipality behind them."""

    ds: Dataset
    keuze: TariefKeuze
    inwoners: int | None
    kalibratie: Kalibratiestand
    gemeente: CbsGemeente | None = None
    gemeenten: Gemeenten | None = None

    @property
    def municipality(self) -> tuple[CbsGemeente, Gemeenten] | None:
        """(municipality, municipalities) for the views, or None without --gemeente."""
        return (self.gemeente, self.gemeenten) if self.gemeente is not None and self.gemeenten is not None else None


def setup(
    opties: Gedeeld, inwoners: int | None, gemeente: str | None, jaar: int | None, required: bool, ds: Dataset | None = None
) -> Opzet:
    """estimate, compare-models, gevoeligheid and rapport (and the library, burgernet_cost.api): check
    the options, load the data (with a scenario; or take ``ds``, loaded already), determine the rate
    choice and the inhabitants: the one date rule of the command line."""
    from burgernet_cost.data.loading import load_dataset

    not_empty(gemeente=gemeente)
    one_of_inhabitants(inwoners, gemeente, jaar, required=required)
    opties.year_has_effect(jaar, gemeente is None)
    keuze = opties.keuze(jaar)
    if ds is None:
        ds = load_dataset(opties.data_dir, opties.scenario, opties.set_ or ())
    kalibratie = calibration_of(ds)
    if gemeente is None:
        return Opzet(ds, keuze, inwoners, kalibratie)
    gm = opties.tijdstip(jaar).gemeenten(ds.gemeenten())
    g = gm.zoek(gemeente, opties.tijdstip(jaar).cbs_jaar(gm))
    return Opzet(ds, keuze, g.inwoners, kalibratie, g, gm)


def series_counts(gm: Any, soort: str, given: dict[str, str | None], jaar: int) -> tuple[Any, str]:
    """reeks and the rapport's series: the subject's inhabitants per year (each year its own
    members and counts) and its title. ``jaar``: the year in which names are looked up first."""
    from burgernet_cost.domain.region import select_members
    from burgernet_cost.domain.series import members_counts, municipality_counts

    if soort == "gemeente":
        g = find_any_year(gm, given["gemeente"] or "", jaar)
        return municipality_counts(gm, g.code, g.naam), g.naam
    if soort in ("gemeenten", "bestand"):  # a fixed list: each member by its own lineage
        members, name = _fixed_list(gm, soort, given[soort] or "", jaar)
        counts = [(m, municipality_counts(gm, m.code, m.naam)) for m in members if m.code]

        def of_list(year: int) -> list[Any]:
            from burgernet_cost.data.member_file import Lidinvoer

            out = []
            for m, count in counts:
                t = count(year)
                out.append(
                    Lidinvoer(
                        m.naam,
                        m.code,
                        t.inwoners if t else 0,
                        t.herkomst.bron if t else "",
                        t.herkomst.plaats if t else None,
                        "gepubliceerd",
                    )
                )
            return out

        return members_counts(gm, of_list, region_title(soort, name)), region_title(soort, name)
    value = None if soort == "alle" else given[soort]
    _members, name = select_members(gm, jaar, soort, value)
    title = region_title(soort, name)
    return members_counts(gm, lambda year: select_members(gm, year, soort, name if value else None)[0], title), title


def _fixed_list(gm: Any, soort: str, value: str, jaar: int) -> tuple[list[Any], str]:
    """The members of a fixed list for a series: each found in ``jaar`` or else in the newest year in
    which it existed (a municipality merged since counts until its merger: its own lineage), so a
    series never refuses a list for a year the user cannot choose."""
    from burgernet_cost.data.member_file import from_municipality, read_member_file
    from burgernet_cost.domain.region import split_names

    if soort == "bestand":
        from pathlib import Path

        return read_member_file(Path(value), gm, jaar, any_year=True), value
    names = split_names(value)
    if not names:
        raise UsageProblem("geef minstens één gemeente op", field="gemeenten")
    try:
        found = [find_any_year(gm, n, jaar) for n in names]
    except UsageProblem as exc:
        raise UsageProblem(exc.message, field="gemeenten") from None
    codes = [g.code for g in found]
    doubles = sorted({g.naam for g in found if codes.count(g.code) > 1})
    if doubles:
        raise UsageProblem(f"dubbel opgegeven: {', '.join(doubles)}", field="gemeenten")
    return [from_municipality(g) for g in found], ", ".join(g.naam for g in found)


def find_any_year(gm: Any, naam: str, jaar: int) -> Any:
    """A municipality by name or code: in ``jaar``, else in the newest year in which it existed."""
    from burgernet_cost.errors import UsageProblem

    try:
        return gm.zoek(naam, jaar)
    except UsageProblem as first:
        for year in gm.jaren:
            if year == jaar:
                continue
            try:
                return gm.zoek(naam, year, suggest=False)
            except UsageProblem:
                continue
        raise first from None
