"""Commands about how a result moves: ``reeks`` (over years) and ``gevoeligheid`` (over the
assumptions)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from burgernet_cost.cli.options import (
    DATA_OPTIES,
    REKEN_OPTIES,
    TARIEF_OPTIES,
    UITVOER_OPTIES,
    Blad,
    Eenheid,
    Gedeeld,
    Gemeente,
    GemeentenLijst,
    Inwoners,
    Jaar,
    Ledenbestand,
    Naam,
    Veiligheidsregio,
    later,
    not_empty,
    one_selection,
    pakket_option,
    region_options,
    shared,
)
from burgernet_cost.cli.parsers import parse_year
from burgernet_cost.cli.writing import emit, shown
from burgernet_cost.domain.codes import Pakket
from burgernet_cost.errors import UsageProblem

Opt = typer.Option
Van = Annotated[
    int | None,
    Opt(
        "--van", parser=parse_year, metavar="JAAR", show_default=False, help="Eerste jaar (standaard 2014).", autocompletion=later("jaren")
    ),
]


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def series_cmd(
    opties: Gedeeld,
    gemeente: Gemeente = None,
    inwoners: Inwoners = None,
    eenheid: Eenheid = None,
    veiligheidsregio: Veiligheidsregio = None,
    gemeenten: GemeentenLijst = None,
    bestand: Ledenbestand = None,
    blad: Blad = None,
    naam: Naam = None,
    alle: Annotated[bool, Opt("--alle", help="Heel Nederland: elk jaar alle gemeenten van dat jaar.")] = False,
    van: Van = None,
    tot: Annotated[
        int | None,
        Opt(
            "--tot",
            parser=parse_year,
            metavar="JAAR",
            show_default=False,
            help="Laatste jaar (standaard het nieuwste met inwonertallen).",
            autocompletion=later("jaren"),
        ),
    ] = None,
    pakket: Annotated[Pakket, pakket_option("basis, aanvullend of volledig.")] = "basis",
) -> None:
    from burgernet_cost.cli.commands import choose_list_name, choose_sheet, series_counts
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.series import FIRST_YEAR, series
    from burgernet_cost.output.views.series import series_report
    from burgernet_cost.output.wording import inhabitants_title

    not_empty(gemeente=gemeente)
    given = {
        "gemeente": gemeente,
        **region_options(eenheid, veiligheidsregio, gemeenten, bestand, alle),
        "inwoners": None if inwoners is None else str(inwoners),
    }
    soort = _one(given)
    choose_sheet(blad, bestand)
    choose_list_name(naam, bestand)
    opties.keuze(None)  # the rate options' combination rules, before any data is read
    ds = load_dataset(opties.data_dir, opties.scenario, opties.set_ or ())
    gm = ds.gemeenten()
    reeks = gm.bevolkingsreeks()
    jaren = reeks.kies(FIRST_YEAR if van is None else van, reeks.jaren[-1] if tot is None else tot)
    tellingen, onderwerp = (None, inhabitants_title(inwoners or 0)) if soort == "inwoners" else series_counts(gm, soort, given, jaren[-1])
    result = series(
        ds,
        onderwerp,
        jaren,
        pakket,
        opties.keuze,  # each year its price level (1 January), unless the rate is pinned
        tellingen=tellingen,
        inwoners=inwoners,
        schalingen=opties.schalingen(),
    )
    if not result.punten:
        raise UsageProblem(f"{onderwerp} heeft geen inwonertallen in {jaren[0]}–{jaren[-1]}")
    plain = opties.keuze(None)
    rapport = None
    if plain.peildatum is None and plain.uurtarief is None and plain.kostenbasis == "salaris":  # a row at the report's level
        at_report = series(
            ds,
            onderwerp,
            [gm.rapportjaar],
            pakket,
            lambda _jaar: plain,
            tellingen=tellingen,
            inwoners=inwoners,
            schalingen=opties.schalingen(),
        )
        rapport = at_report.punten[0] if at_report.punten else None
    emit(series_report(result, ds, shown(ds.root), rapport, _mergers(gm, soort, gemeente, jaren)), opties.fmt, opties.uitvoer)


def _mergers(gm: Any, soort: str, gemeente: str | None, jaren: list[int]) -> dict[int, list[Any]]:
    """A municipality's series: the reorganisations that added municipalities to it, by the first
    year of the series that counts them (Haren and Ten Boer into Groningen, 2019)."""
    if soort != "gemeente" or gemeente is None:
        return {}
    from burgernet_cost.cli.commands import find_any_year

    reorganisations = gm.herindelingen()
    if reorganisations is None:
        return {}
    code = find_any_year(gm, gemeente, jaren[-1]).code
    out: dict[int, list[Any]] = {}
    for h in reorganisations.voorgangers(code):
        if jaren[0] < h.jaar <= jaren[-1]:
            out.setdefault(h.jaar, []).append(h)
    return out


def _one(given: dict[str, str | None]) -> str:
    try:
        return one_selection(given)
    except UsageProblem:
        raise UsageProblem(
            "kies precies één van --gemeente, --inwoners, --eenheid, --veiligheidsregio, --gemeenten, --bestand of --alle"
        ) from None


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def sensitivity_cmd(
    opties: Gedeeld,
    inwoners: Inwoners = None,
    gemeente: Gemeente = None,
    eenheid: Eenheid = None,
    veiligheidsregio: Veiligheidsregio = None,
    gemeenten: GemeentenLijst = None,
    bestand: Ledenbestand = None,
    blad: Blad = None,
    naam: Naam = None,
    alle: Annotated[bool, Opt("--alle", help="Heel Nederland: de som van alle gemeenten.")] = False,
    jaar: Jaar = None,
    pakket: Annotated[Pakket, pakket_option("basis, aanvullend of volledig.")] = "basis",
) -> None:
    from burgernet_cost.cli.commands import _herkomst, calibration_of, choose_list_name, choose_sheet, select_region, setup
    from burgernet_cost.domain.assumptions import model_sensitivity, scaled_models
    from burgernet_cost.domain.estimate import Herkomst, estimate
    from burgernet_cost.output.document import Field
    from burgernet_cost.output.views.common import date_field
    from burgernet_cost.output.views.ranges import sensitivity_report
    from burgernet_cost.output.wording import inhabitants_title, notes_text

    regions = region_options(eenheid, veiligheidsregio, gemeenten, bestand, alle)
    choose_list_name(naam, bestand)
    herkomst, k = None, 1
    if any(v is not None for v in regions.values()):  # a region: the sum of its members (DOMAIN.md §11)
        soort = _one({**regions, "gemeente": gemeente, "inwoners": None if inwoners is None else str(inwoners)})
        choose_sheet(blad, bestand)
        keuze = opties.keuze(jaar)
        ds, members, onderwerp, peildatum = select_region(opties, regions, soort, jaar)
        n, k = sum(m.inwoners for m in members), len(members)
        own = sorted({m.bron for m in members if m.status == "invoer"})  # a member list's own figures are not CBS's
        bron = f"CBS {peildatum}" if not own else " en ".join([*own, *([f"CBS {peildatum}"] if len(own) < k else [])])
        herkomst = Herkomst(bron, "gepubliceerd" if not own else "invoer", None, onderwerp, peildatum)
    else:
        opzet = setup(opties, inwoners, gemeente, jaar, required=True)
        ds, keuze, municipality = opzet.ds, opzet.keuze, opzet.municipality
        assert opzet.inwoners is not None
        n = opzet.inwoners
        onderwerp = municipality[0].naam if municipality else inhabitants_title(n)
        herkomst = _herkomst(municipality)
    central, swings = model_sensitivity(ds, n, pakket, keuze, opties.schalingen(), gemeenten=k)
    result = estimate(ds, n, pakket, keuze, herkomst=herkomst, schalingen=opties.schalingen(), gemeenten=k)
    modellen = scaled_models(ds)
    extra: list[Any] = [
        *(Field(f"{ident}_per_jaar", f"{naam} model per jaar", central[ident], "money") for ident, naam in modellen),
        *date_field(result.uurtarief, result.inwoners_datum, ds),
    ]
    later = notes_text([n for n in result.notities if n.code == "tijdlijn"])  # the date's events, once
    report = sensitivity_report(central, swings, onderwerp, n, pakket, shown(ds.root), extra, modellen, later)
    emit(report, opties.fmt, opties.uitvoer, calibration_of(ds))
