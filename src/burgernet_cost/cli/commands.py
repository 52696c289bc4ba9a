"""The calculating commands: options -> one library call -> view -> renderer.

Heavy modules (data, domain, views, renderers) are imported inside the command that needs them.
"""

from __future__ import annotations

from typing import Annotated, Any

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
    Schaalvoordeel,
    Tarief,
    Uitleg,
    Uitvoer,
    Veiligheidsregio,
    not_empty,
    one_of_inhabitants,
    one_selection,
    pakket_option,
    shared,
)
from burgernet_cost.cli.output import emit, shown
from burgernet_cost.cli.parsers import parse_choice, parse_inwoners
from burgernet_cost.errors import UsageProblem

Opt = typer.Option


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def estimate_cmd(
    opties: Gedeeld,
    inwoners: Inwoners = None,
    pakket: Annotated[str, pakket_option("basis, aanvullend (alleen de aanvulling) of volledig (basis + aanvullend).")] = "basis",
    gemeente: Gemeente = None,
    jaar: Jaar = None,
    uitleg: Uitleg = False,
    bandbreedte: Bandbreedte = False,
) -> None:
    from burgernet_cost.domain.estimate import estimate
    from burgernet_cost.output.views.estimate import estimate_report

    ds, keuze, n, municipality = setup(opties, inwoners, gemeente, jaar, required=True)
    assert n is not None
    herkomst = _herkomst(municipality)
    result = estimate(ds, n, pakket, keuze, herkomst=herkomst, schalingen=opties.schalingen())
    report = estimate_report(result, shown(ds.root), municipality, ds=ds, uitleg=uitleg)
    if bandbreedte:
        from burgernet_cost.cli.bands import estimate_band

        estimate_band(report, ds, result, keuze, herkomst, opties)
    _emit_report(report, opties)


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def compare_cmd(
    opties: Gedeeld,
    inwoners: Annotated[int | None, Opt("--inwoners", "-n", parser=parse_inwoners, metavar="AANTAL",
                                        show_default=False,
                                        help="Aantal inwoners (standaard: de referentiegemeente van het rapport, 54.600).")] = None,
    pakket: Annotated[str | None, pakket_option("Eén pakket (standaard: basis en volledig naast elkaar).", False)] = None,
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordeel = None,
    gemeente: Gemeente = None,
    jaar: Jaar = None,
    uitleg: Uitleg = False,
    bandbreedte: Bandbreedte = False,
) -> None:
    from burgernet_cost.domain.compare import compare
    from burgernet_cost.output.views.compare import compare_report

    schaalvoordeel_has_effect(schaalvoordeel, tarief)
    ds, keuze, n, municipality = setup(opties, inwoners, gemeente, jaar, required=False)
    referentie = n is None
    n = ds.models.referentiegemeente.inwoners if n is None else n
    results = [compare(ds, n, p, tarief, schaalvoordeel, keuze, herkomst=_herkomst(municipality), schalingen=opties.schalingen())
               for p in ([pakket] if pakket else ["basis", "volledig"])]
    report = compare_report(results, ds, shown(ds.root), referentie, municipality, uitleg=uitleg)
    if bandbreedte:
        from burgernet_cost.cli.bands import compare_band

        compare_band(report, ds, results, keuze, tarief, schaalvoordeel, _herkomst(municipality), opties)
    _emit_report(report, opties)


def current_cmd(fmt: Formaat = None, uitvoer: Uitvoer = None, data_dir: DataDir = None) -> None:
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.compare import report_tariffs
    from burgernet_cost.output.views.current import current_report

    ds = load_dataset(data_dir)
    computed, advised = report_tariffs(ds)
    emit(current_report(ds, shown(ds.root), computed, advised), fmt, uitvoer)


def tasks_cmd(
    rol: Annotated[str | None, Opt("--rol", metavar="ROL", show_default=False,
                                   help="Alleen deze rol (id of naam, bijv. relatiebeheer of 'Lid sturend orgaan').")] = None,
    pakket: Annotated[str | None, pakket_option("basis, aanvullend, of volledig (beide; standaard).", False)] = None,
    organisatie: Annotated[str, Opt("--organisatie", parser=parse_choice(("gemeente", "politie", "alle"), "organisatie"),
                                    metavar="gemeente|politie|alle",
                                    help="Taken van de gemeente (§3), de politie (Bijlage 1) of alle.")] = "gemeente",
    bijlage2: Annotated[bool, Opt("--bijlage2", help="Toon ook elke regel van Bijlage 2 met de taak uit hoofdstuk 3 "
                                                     "waarmee hij overeenkomt.")] = False,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.tasks import select_tasks
    from burgernet_cost.output.views.tasks import tasks_report

    not_empty(rol=rol)
    ds = load_dataset(data_dir)
    tasks, filters = select_tasks(ds, rol=rol, pakket=pakket, organisatie=organisatie)
    emit(tasks_report(ds, tasks, filters, bijlage2=bijlage2), fmt, uitvoer)


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def region_cmd(
    opties: Gedeeld,
    eenheid: Eenheid = None,
    veiligheidsregio: Veiligheidsregio = None,
    gemeenten: GemeentenLijst = None,
    bestand: Ledenbestand = None,
    blad: Blad = None,
    alle: Annotated[bool, Opt("--alle", help="Heel Nederland.")] = False,
    per: Annotated[str | None, Opt("--per", parser=parse_choice(("gemeente", "eenheid"), "indeling"), metavar="gemeente|eenheid",
                                   show_default=False,
                                   help="Eén regel per gemeente of per politie-eenheid (standaard: eenheid bij --alle, "
                                        "anders gemeente).")] = None,
    model: Annotated[str, Opt("--model", parser=parse_choice(("regionaal", "landelijk"), "model"), metavar="regionaal|landelijk",
                              help="Wie relatiebeheer en communicatie uitvoert.")] = "regionaal",
    pakket: Annotated[str, pakket_option("basis, aanvullend of volledig.")] = "basis",
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordeel = None,
    jaar: Jaar = None,
    uitleg: Uitleg = False,
    bandbreedte: Bandbreedte = False,
) -> None:
    from burgernet_cost.domain.region import region
    from burgernet_cost.output.views.region import region_report

    given: dict[str, str | None] = {"eenheid": eenheid, "veiligheidsregio": veiligheidsregio, "gemeenten": gemeenten,
                                    "bestand": bestand, "alle": "ja" if alle else None}
    not_empty(eenheid=eenheid, veiligheidsregio=veiligheidsregio, gemeenten=gemeenten, bestand=bestand)
    soort = one_selection(given)
    choose_sheet(blad, bestand)
    schaalvoordeel_has_effect(schaalvoordeel, tarief, model)
    keuze = opties.keuze(jaar)
    ds, members, title, peildatum = select_region(opties, given, soort, jaar)
    per_unit = (per or ("eenheid" if alle else "gemeente")) == "eenheid"
    result = region(ds, title, members, model, pakket, tarief, schaalvoordeel, keuze, soort=soort,
                    schalingen=opties.schalingen())
    report = region_report(result, ds, shown(ds.root), per_unit, peildatum, uitleg=uitleg)
    if bandbreedte:
        from burgernet_cost.cli.bands import region_band

        region_band(report, ds, result, members, keuze, schaalvoordeel, opties, per_unit)
    _emit_report(report, opties)


def select_region(opties: Gedeeld, given: dict[str, str | None], soort: str, jaar: int | None) -> tuple[Any, Any, str, str]:
    """regio and rapport: load the data and choose the members. Returns (dataset, members, title,
    the population's peildatum)."""
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.region import select_members

    ds = load_dataset(opties.data_dir, opties.scenario, opties.set_ or ())
    check_calibration(ds)
    gm = ds.gemeenten()
    year = gm.kies_jaar(jaar if jaar is not None or opties.peildatum is None else gm.jaar_voor_peildatum(opties.peildatum))
    members, name = select_members(gm, year, soort, None if soort == "alle" else given[soort])
    from burgernet_cost.cli.output import say_note
    from burgernet_cost.data.member_file import NOTES

    for remark in NOTES:  # e.g. a member list read as Windows-1252
        say_note(f"Let op: {remark}")
    NOTES.clear()
    return ds, members, region_title(soort, name), gm.jaartabel(year).peildatum


def schaalvoordeel_has_effect(schaalvoordeel: Any, tarief: str, model: str | None = None) -> None:
    """--schaalvoordeel changes only the national model at the computed rate; elsewhere it is refused, not ignored."""
    if schaalvoordeel is None:
        return
    if tarief == "advies":
        raise UsageProblem("heeft geen effect bij --tarief advies (het schaalvoordeel geldt alleen voor het berekende tarief)",
                           field="schaalvoordeel")
    if model == "regionaal":
        raise UsageProblem("heeft geen effect bij --model regionaal (het schaalvoordeel geldt alleen voor het landelijke model)",
                           field="schaalvoordeel")


def choose_sheet(blad: str | None, bestand: str | None) -> None:
    """--blad: which sheet of an Excel member list; refused where it would have no effect."""
    if blad is None:
        return
    if not bestand or not bestand.lower().endswith((".xlsx", ".xlsm")):
        raise UsageProblem("heeft alleen effect met een Excel-ledenlijst (--bestand leden.xlsx)", field="blad")
    from burgernet_cost.data.member_workbook import SHEET

    SHEET.set(blad)


def region_title(soort: str, name: str) -> str:
    """What a region is called in the output, by how it was chosen."""
    titles = {"eenheid": f"politie-eenheid {name}", "veiligheidsregio": f"veiligheidsregio {name}", "gemeenten": name,
              "bestand": f"gemeenten uit {name}", "alle": "Nederland (alle gemeenten)"}
    return titles[soort]


def municipalities_cmd(
    eenheid: Annotated[str | None, Opt("--eenheid", metavar="NAAM", show_default=False, help="Alleen deze politie-eenheid.")] = None,
    veiligheidsregio: Annotated[str | None, Opt("--veiligheidsregio", metavar="NAAM", show_default=False,
                                                help="Alleen deze veiligheidsregio.")] = None,
    zoek: Annotated[str | None, Opt("--zoek", metavar="TEKST", show_default=False,
                                    help="Gemeenten waarvan naam of code deze tekst bevat.")] = None,
    jaar: Jaar = None,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.data.municipalities import load_municipalities
    from burgernet_cost.domain.municipalities import filter_municipalities
    from burgernet_cost.output.views.region import municipalities_report

    not_empty(eenheid=eenheid, veiligheidsregio=veiligheidsregio, zoek=zoek)
    gm = load_municipalities(data_dir)
    year = gm.kies_jaar(jaar)
    rows, filters = filter_municipalities(gm, year, eenheid=eenheid, veiligheidsregio=veiligheidsregio, zoek=zoek)
    emit(municipalities_report(rows, gm, year, filters), fmt, uitvoer)


# --------------------------------------------------------------------------- shared by the commands above


def _herkomst(municipality: Any) -> Any:
    """The CBS row behind --gemeente, as the source of the number of inhabitants."""
    from burgernet_cost.domain.estimate import Herkomst

    return Herkomst.cbs(municipality[0]) if municipality else None


def check_calibration(ds: Any) -> None:
    """Remember whether this data still reproduces the report's results (every result says so when not)."""
    from burgernet_cost.cli.output import UNCALIBRATED
    from burgernet_cost.domain.validation import calibration_failures

    UNCALIBRATED[:] = [{**f, "scenario": ds.scenario is not None} for f in calibration_failures(ds)]


def _emit_report(report: Any, opties: Gedeeld) -> None:
    emit(report, opties.fmt, opties.uitvoer)


def setup(opties: Gedeeld, inwoners: int | None, gemeente: str | None, jaar: int | None, required: bool) -> tuple[Any, Any, int | None, Any]:
    """estimate and compare-models: check the options, load the data (with a scenario), determine
    the rate choice and the inhabitants. Returns (dataset, rate choice, inhabitants or None,
    (municipality, municipalities) or None)."""
    from burgernet_cost.data.loading import load_dataset

    not_empty(gemeente=gemeente)
    one_of_inhabitants(inwoners, gemeente, jaar, required=required)
    keuze = opties.keuze(jaar)
    ds = load_dataset(opties.data_dir, opties.scenario, opties.set_ or ())
    check_calibration(ds)
    if gemeente is None:
        return ds, keuze, inwoners, None
    gm = ds.gemeenten()
    if jaar is None and opties.peildatum is not None:
        jaar = gm.jaar_voor_peildatum(opties.peildatum)
    g = gm.zoek(gemeente, jaar)
    return ds, keuze, g.inwoners, (g, gm)
