"""The ``bncost`` command line: options -> library call -> render. Thin on purpose.

Start-up stays light: this module imports typer and the option parsers only; the data, the
models, rich tables and tabulate are imported inside the command that needs them.
Errors: usage problems exit 2, invalid data exits 1, each as one Dutch line on stderr
("Fout: …"), never a traceback (set BNCOST_DEBUG=1 to see one for an internal error).
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from typing import Annotated, Any

import typer

from burgernet_cost import __version__
from burgernet_cost.errors import BncostError, DataErrors, UsageProblem
from burgernet_cost.cli.options import (
    FORMAT_METAVAR,
    PAKKET_METAVAR,
    TARIEVEN,
    parse_choice,
    parse_decimal,
    parse_format,
    parse_inwoners,
    parse_date,
    parse_pakket,
    parse_periodiek,
    parse_year,
)

HELP = """\
bncost rekent uit wat de gemeentelijke Burgernet-taken een gemeente kosten (uren, fte, euro's)
en wat zij betaalt in elk inrichtingsmodel (gemeentelijk, regionaal, landelijk).

Alle cijfers komen uit de YAML-bestanden in data/ (het rapport 'Gemeentelijke taken Burgernet',
Programmabureau Burgernet, 2014), elk met bron en status.
"""

app = typer.Typer(
    name="bncost",
    help=HELP,
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

DataDirOpt = Annotated[
    str | None,
    typer.Option(
        "--data-dir",
        envvar="BNCOST_DATA_DIR",
        metavar="MAP",
        show_default=False,
        help="Map met de databestanden (standaard: de meegeleverde data; ook via BNCOST_DATA_DIR).",
    ),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        parser=parse_format,
        metavar=FORMAT_METAVAR,
        help="Uitvoer: table (standaard), json, csv of markdown.",
    ),
]


GemeenteOpt = Annotated[
    str | None,
    typer.Option("--gemeente", "-g", metavar="NAAM|GMxxxx", show_default=False,
                 help="Gemeente (naam of CBS-code) in plaats van --inwoners; inwoners volgens het CBS."),
]
JaarOpt = Annotated[
    int | None,
    typer.Option("--jaar", parser=parse_year, metavar="JAAR", show_default=False,
                 help="Jaar van de CBS-inwonertallen: 2024 of 2014 (standaard: het nieuwste)."),
]


UitlegOpt = Annotated[bool, typer.Option("--uitleg", help="Toon de berekening als boom: elk cijfer, de formule, de bron en de status.")]
SchaalOpt = Annotated[str | None, typer.Option("--schaal", metavar="SCHAAL", show_default=False,
                                               help="Salarisschaal voor het uurtarief (bijv. 10 of 10A).")]
PeriodiekOpt = Annotated[int | None, typer.Option("--periodiek", parser=parse_periodiek, metavar="N", show_default=False,
                                                  help="Periodiek (trede) binnen de schaal, 0 = laagste.")]
ToeslagenOpt = Annotated[str | None, typer.Option("--toeslagen", metavar="geen|alle|LIJST", show_default=False,
                                                  help="Toeslagen op het salaris: geen, alle, of bijv. vakantietoelage,eindejaarsuitkering.")]
UurtariefOpt = Annotated[Decimal | None, typer.Option("--uurtarief", parser=parse_decimal("uurtarief in euro", Decimal("0.01"), Decimal(10000)),
                                                      metavar="EUR", show_default=False, help="Gebruik dit uurtarief direct (bijv. 45,50).")]
KostenbasisOpt = Annotated[str, typer.Option("--kostenbasis", parser=parse_choice(("salaris", "integraal"), "kostenbasis"),
                                             metavar="salaris|integraal",
                                             help="salaris (CAR-UWO) of integraal (loonkosten + overhead, Handleiding Overheidstarieven).")]
PeildatumOpt = Annotated[str | None, typer.Option("--peildatum", parser=parse_date, metavar="JJJJ-MM-DD", show_default=False,
                                                  help="Salarisniveau op deze datum (tabel + cao-verhogingen); kiest bij --gemeente ook het jaar.")]
ScenarioOpt = Annotated[str | None, typer.Option("--scenario", metavar="BESTAND", show_default=False,
                                                 help="Scenario (YAML) met wijzigingen op de data; de data zelf blijft ongewijzigd.")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", metavar="PAD=WAARDE", show_default=False,
                                                  help="Eén wijziging op de data, bijv. inrichtingsmodellen.schaalvoordeel_landelijk.procent=20 (herhaalbaar).")]


def _not_empty(**options: str | None) -> None:
    """An option given as an empty string is a mistake, not 'use the default'."""
    for name, value in options.items():
        if value is not None and not str(value).strip():
            raise UsageProblem(f"--{name.replace('_', '-')}: lege waarde")


def _keuze(schaal: str | None, periodiek: int | None, toeslagen: str | None, uurtarief: Decimal | None,
           kostenbasis: str, peildatum: str | None) -> Any:
    from burgernet_cost.domain.rate import TariefKeuze

    if uurtarief is not None and (schaal or periodiek is not None or toeslagen or kostenbasis != "salaris" or peildatum):
        raise UsageProblem("--uurtarief geeft het tarief direct; combineer het niet met --schaal, --periodiek, --toeslagen, --kostenbasis of --peildatum")
    if kostenbasis == "integraal" and (periodiek is not None or toeslagen):
        raise UsageProblem("--kostenbasis integraal rekent per schaal; --periodiek en --toeslagen horen bij kostenbasis salaris")
    parsed: tuple[str, ...] | None = None
    if toeslagen is not None:
        text = toeslagen.strip().lower()
        parsed = () if text in ("geen", "") else tuple(x.strip() for x in text.split(",") if x.strip())
    return TariefKeuze(schaal=schaal.strip().upper() if schaal else None, periodiek=periodiek, toeslagen=parsed,
                       peildatum=peildatum, uurtarief=uurtarief, kostenbasis=kostenbasis)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"bncost {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie en stop."),
    ] = False,
) -> None:
    """bncost: kosten van de gemeentelijke Burgernet-taken."""


def _emit(report: Any, fmt: str) -> None:
    from burgernet_cost.output.renderers import render

    text = render(report, fmt)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command("estimate")
def estimate_cmd(
    inwoners: Annotated[
        int | None,
        typer.Option("--inwoners", "-n", parser=parse_inwoners, metavar="AANTAL", show_default=False,
                     help="Aantal inwoners van de gemeente (bijv. 54600 of 54.600); of gebruik --gemeente."),
    ] = None,
    pakket: Annotated[
        str,
        typer.Option("--pakket", "-p", parser=parse_pakket, metavar=PAKKET_METAVAR,
                     help="basis, aanvullend (alleen de aanvulling) of volledig (basis + aanvullend)."),
    ] = "basis",
    gemeente: GemeenteOpt = None,
    jaar: JaarOpt = None,
    uitleg: UitlegOpt = False,
    schaal: SchaalOpt = None,
    periodiek: PeriodiekOpt = None,
    toeslagen: ToeslagenOpt = None,
    uurtarief: UurtariefOpt = None,
    kostenbasis: KostenbasisOpt = "salaris",
    peildatum: PeildatumOpt = None,
    scenario: ScenarioOpt = None,
    set_: SetOpt = None,
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """Kosten van de gemeentelijke taken voor één gemeente: uren, fte en euro's per taakgebied."""
    from burgernet_cost.domain.estimate import estimate
    from burgernet_cost.output.views.estimate import estimate_report

    ds, keuze, n, municipality = _setup(inwoners, gemeente, jaar, True, schaal, periodiek, toeslagen, uurtarief,
                                        kostenbasis, peildatum, scenario, set_, data_dir)
    assert n is not None
    result = estimate(ds, n, pakket, keuze)
    _emit(estimate_report(result, _shown_dir(ds.root), municipality, ds=ds, uitleg=uitleg), fmt)


@app.command("compare-models")
def compare_cmd(
    inwoners: Annotated[
        int | None,
        typer.Option("--inwoners", "-n", parser=parse_inwoners, metavar="AANTAL", show_default=False,
                     help="Aantal inwoners (standaard: de referentiegemeente van het rapport, 54.600)."),
    ] = None,
    pakket: Annotated[
        str | None,
        typer.Option("--pakket", "-p", parser=parse_pakket, metavar=PAKKET_METAVAR, show_default=False,
                     help="Eén pakket (standaard: basis en volledig naast elkaar)."),
    ] = None,
    tarief: Annotated[
        str,
        typer.Option("--tarief", parser=parse_choice(TARIEVEN, "tarief"), metavar="berekend|advies",
                     help="Bijdrage per inwoner: berekend uit de uren, of het advies van §6 (€ 0,03 / € 0,07)."),
    ] = "berekend",
    schaalvoordeel: Annotated[
        Decimal | None,
        typer.Option("--schaalvoordeel", parser=parse_decimal("schaalvoordeel in procenten", Decimal(0), Decimal(99)),
                     metavar="PCT", show_default=False,
                     help="Hoeveel procent een landelijke voorziening goedkoper is dan een regionale "
                          "(standaard uit de data: een aanname, §5.1 zegt alleen 'iets lager')."),
    ] = None,
    gemeente: GemeenteOpt = None,
    jaar: JaarOpt = None,
    uitleg: UitlegOpt = False,
    schaal: SchaalOpt = None,
    periodiek: PeriodiekOpt = None,
    toeslagen: ToeslagenOpt = None,
    uurtarief: UurtariefOpt = None,
    kostenbasis: KostenbasisOpt = "salaris",
    peildatum: PeildatumOpt = None,
    scenario: ScenarioOpt = None,
    set_: SetOpt = None,
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """Vergelijk de drie inrichtingsmodellen (gemeentelijk, regionaal, landelijk) voor één gemeente."""
    from burgernet_cost.domain.compare import compare
    from burgernet_cost.output.views.compare import compare_report

    ds, keuze, n, municipality = _setup(inwoners, gemeente, jaar, False, schaal, periodiek, toeslagen, uurtarief,
                                        kostenbasis, peildatum, scenario, set_, data_dir)
    referentie = n is None
    if n is None:
        n = ds.models.referentiegemeente.inwoners
    pakketten = [pakket] if pakket else ["basis", "volledig"]
    results = [compare(ds, n, p, tarief, schaalvoordeel, keuze) for p in pakketten]
    _emit(compare_report(results, ds, _shown_dir(ds.root), referentie, municipality, uitleg=uitleg), fmt)


@app.command("huidig")
def current_cmd(fmt: FormatOpt = "table", data_dir: DataDirOpt = None) -> None:
    """De situatie in 2014 (§2.1): wie voerde de taken uit en wat betaalden gemeenten, naast het rapport."""
    from burgernet_cost.data.dataset import load_dataset
    from burgernet_cost.domain.compare import report_tariffs
    from burgernet_cost.output.views.compare import current_report

    ds = load_dataset(data_dir)
    computed, advised = report_tariffs(ds)
    _emit(current_report(ds, _shown_dir(ds.root), computed, advised), fmt)


@app.command("taken")
def tasks_cmd(
    rol: Annotated[
        str | None,
        typer.Option("--rol", metavar="ROL", show_default=False,
                     help="Alleen deze rol (id of naam, bijv. relatiebeheer of 'Lid sturend orgaan')."),
    ] = None,
    pakket: Annotated[
        str | None,
        typer.Option("--pakket", "-p", parser=parse_pakket, metavar=PAKKET_METAVAR, show_default=False,
                     help="basis, aanvullend, of volledig (beide; standaard)."),
    ] = None,
    organisatie: Annotated[
        str,
        typer.Option("--organisatie", parser=parse_choice(("gemeente", "politie", "alle"), "organisatie"),
                     metavar="gemeente|politie|alle", help="Taken van de gemeente (§3), de politie (Bijlage 1) of alle."),
    ] = "gemeente",
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """De takenlijst als checklist per rol en pakket (minimaal uit te voeren: het basispakket, §6)."""
    from burgernet_cost.data.dataset import load_dataset
    from burgernet_cost.output.views.tasks import tasks_report
    from burgernet_cost.domain.tasks import select_tasks

    _not_empty(rol=rol)
    ds = load_dataset(data_dir)
    tasks, filters = select_tasks(ds, rol=rol, pakket=pakket, organisatie=organisatie)
    _emit(tasks_report(ds, tasks, filters), fmt)


@app.command("validate")
def validate_cmd(
    strict: Annotated[bool, typer.Option("--strict", help="Waarschuwingen tellen als fouten.")] = False,
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """Controleer de databestanden: schema, verwijzingen, kalibratie op het rapport, waarschuwingen.

    Exitcode 0 als de data geldig is, 1 als er fouten zijn (met --strict ook bij waarschuwingen).
    """
    from burgernet_cost.domain.validation import validate
    from burgernet_cost.output.views.checks import validate_report

    result = validate(data_dir)
    _emit(validate_report(result, strict), fmt)
    if not result.valid(strict):
        raise typer.Exit(1)


@app.command("diff")
def diff_cmd(
    base_dir: Annotated[str, typer.Argument(metavar="BASIS_MAP", show_default=False,
                                             help="De datamap vóór de wijziging (bijv. van de hoofdtak).")],
    head_dir: Annotated[str | None, typer.Argument(metavar="[NIEUWE_MAP]", show_default=False,
                                                    help="De datamap na de wijziging (standaard: de huidige data).")] = None,
    only_changed: Annotated[bool, typer.Option("--alleen-wijzigingen", help="Toon alleen gewijzigde kengetallen.")] = False,
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """Zet de kengetallen van twee datasets naast elkaar: wat doet een datawijziging met de kosten?

    Exitcode 0 ook als er kengetallen veranderen; 1 als een van beide datasets ongeldig is.
    """
    from burgernet_cost.data.dataset import load_dataset
    from burgernet_cost.domain.diff import diff
    from burgernet_cost.errors import DataError

    datasets = []
    for label, where in (("basis", base_dir), ("nieuw", head_dir if head_dir is not None else data_dir)):
        try:
            datasets.append(load_dataset(where))
        except DataErrors as exc:
            raise DataErrors([DataError(f"[{label}] {e}") for e in exc.errors]) from None
        except DataError as exc:
            raise DataError(f"[{label}] {exc}") from None
    from burgernet_cost.output.views.checks import diff_report

    base, head = datasets
    figures, ref = diff(base, head)
    _emit(diff_report(figures, ref, _shown_dir(base.root), _shown_dir(head.root), only_changed), fmt)


@app.command("schema")
def schema_cmd(
    write: Annotated[bool, typer.Option("--write", help="Schrijf de schema's naar de map.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Controleer of de schema's in de map actueel zijn (exit 1 als niet).")] = False,
    directory: Annotated[str | None, typer.Option("--map", metavar="MAP", show_default=False,
                                                   help="Map voor de schema's (standaard: schemas/ naast de datamap).")] = None,
    data_dir: DataDirOpt = None,
) -> None:
    """JSON Schema's van de databestanden, gemaakt uit de datamodellen (voor editors en CI).

    Zonder optie: toont de namen van de schema's. Met --write: schrijft ze. Met --check: exit 1 als ze
    niet actueel zijn.
    """
    from pathlib import Path

    from burgernet_cost.data import jsonschema as schemas

    if write and check:
        raise UsageProblem("kies --write of --check, niet beide")
    target = Path(directory) if directory else schemas.default_dir(data_dir)
    if write:
        written = schemas.write(target)
        sys.stdout.write(f"{len(written)} schema('s) bijgewerkt in {_shown_dir(target)}\n" if written
                         else f"schema's in {_shown_dir(target)} zijn al actueel\n")
        return
    if check:
        stale = schemas.check(target)
        if stale:
            from burgernet_cost.errors import DataError

            raise DataError(f"schema's niet actueel: {', '.join(stale)}; draai 'bncost schema --write'", file=_shown_dir(target))
        sys.stdout.write(f"schema's in {_shown_dir(target)} zijn actueel\n")
        return
    for name in schemas.generate():
        sys.stdout.write(f"{name}\n")


@app.command("regio")
def region_cmd(
    eenheid: Annotated[str | None, typer.Option("--eenheid", metavar="NAAM", show_default=False,
                                                help="Alle gemeenten van een politie-eenheid (bijv. Midden-Nederland).")] = None,
    veiligheidsregio: Annotated[str | None, typer.Option("--veiligheidsregio", metavar="NAAM", show_default=False,
                                                         help="Alle gemeenten van een veiligheidsregio (bijv. Utrecht).")] = None,
    gemeenten: Annotated[str | None, typer.Option("--gemeenten", metavar="A,B,C", show_default=False,
                                                  help="Gemeenten gescheiden door komma's (namen of CBS-codes).")] = None,
    bestand: Annotated[str | None, typer.Option("--bestand", metavar="BESTAND", show_default=False,
                                                help="CSV (gemeente,inwoners) of YAML (gemeenten: [{gemeente, inwoners}]); zie README.")] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Heel Nederland.")] = False,
    per: Annotated[str | None, typer.Option("--per", parser=parse_choice(("gemeente", "eenheid"), "indeling"),
                                            metavar="gemeente|eenheid", show_default=False,
                                            help="Eén regel per gemeente of per politie-eenheid (standaard: eenheid bij --alle, anders gemeente).")] = None,
    model: Annotated[str, typer.Option("--model", parser=parse_choice(("regionaal", "landelijk"), "model"),
                                       metavar="regionaal|landelijk", help="Wie relatiebeheer en communicatie uitvoert.")] = "regionaal",
    pakket: Annotated[str, typer.Option("--pakket", "-p", parser=parse_pakket, metavar=PAKKET_METAVAR,
                                        help="basis, aanvullend of volledig.")] = "basis",
    tarief: Annotated[str, typer.Option("--tarief", parser=parse_choice(TARIEVEN, "tarief"), metavar="berekend|advies",
                                        help="Bijdrage per inwoner: berekend uit de uren, of het advies van §6.")] = "berekend",
    schaalvoordeel: Annotated[
        Decimal | None,
        typer.Option("--schaalvoordeel", parser=parse_decimal("schaalvoordeel in procenten", Decimal(0), Decimal(99)),
                     metavar="PCT", show_default=False, help="Schaalvoordeel van de landelijke voorziening (bij --model landelijk)."),
    ] = None,
    jaar: JaarOpt = None,
    uitleg: UitlegOpt = False,
    schaal: SchaalOpt = None,
    periodiek: PeriodiekOpt = None,
    toeslagen: ToeslagenOpt = None,
    uurtarief: UurtariefOpt = None,
    kostenbasis: KostenbasisOpt = "salaris",
    peildatum: PeildatumOpt = None,
    scenario: ScenarioOpt = None,
    set_: SetOpt = None,
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """Een regio in het regionale (of landelijke) model: per gemeente de bijdrage, en de fte en het budget van de uitvoerder."""
    from burgernet_cost.data.dataset import load_dataset
    from burgernet_cost.data.municipalities import load_municipalities
    from burgernet_cost.domain.region import region, select_members
    from burgernet_cost.output.views.region import region_report

    _not_empty(eenheid=eenheid, veiligheidsregio=veiligheidsregio, gemeenten=gemeenten, bestand=bestand,
               scenario=scenario, schaal=schaal, toeslagen=toeslagen)
    given = {"eenheid": eenheid, "veiligheidsregio": veiligheidsregio, "gemeenten": gemeenten, "bestand": bestand,
             "alle": "ja" if alle else None}
    chosen = [name for name, value in given.items() if value is not None]
    if len(chosen) != 1:
        raise UsageProblem("kies precies één van --eenheid, --veiligheidsregio, --gemeenten, --bestand of --alle"
                           + (f" (nu: {', '.join('--' + c for c in chosen)})" if chosen else ""))
    keuze = _keuze(schaal, periodiek, toeslagen, uurtarief, kostenbasis, peildatum)
    ds = load_dataset(data_dir, scenario, set_ or ())
    gm = load_municipalities(data_dir)
    year = gm.kies_jaar(jaar if jaar is not None or peildatum is None else gm.jaar_voor_peildatum(peildatum))
    soort = chosen[0]
    members, name = select_members(gm, year, soort, given[soort])
    titles = {"eenheid": f"politie-eenheid {name}", "veiligheidsregio": f"veiligheidsregio {name}", "gemeenten": name,
              "bestand": f"gemeenten uit {name}", "alle": "Nederland (alle gemeenten)"}
    per_unit = (per or ("eenheid" if alle else "gemeente")) == "eenheid"
    result = region(ds, titles[soort], members, model, pakket, tarief, schaalvoordeel, keuze, soort=soort)
    _emit(region_report(result, ds, _shown_dir(ds.root), per_unit, gm.jaartabel(year).peildatum, uitleg=uitleg), fmt)


@app.command("gemeenten")
def municipalities_cmd(
    eenheid: Annotated[str | None, typer.Option("--eenheid", metavar="NAAM", show_default=False, help="Alleen deze politie-eenheid.")] = None,
    veiligheidsregio: Annotated[str | None, typer.Option("--veiligheidsregio", metavar="NAAM", show_default=False,
                                                         help="Alleen deze veiligheidsregio.")] = None,
    zoek: Annotated[str | None, typer.Option("--zoek", metavar="TEKST", show_default=False,
                                             help="Gemeenten waarvan naam of code deze tekst bevat.")] = None,
    jaar: JaarOpt = None,
    fmt: FormatOpt = "table",
    data_dir: DataDirOpt = None,
) -> None:
    """Gemeenten opzoeken of opsommen: inwoners (CBS), provincie, veiligheidsregio, politie-eenheid."""
    from burgernet_cost.data.municipalities import fold, load_municipalities
    from burgernet_cost.output.views.region import municipalities_report

    _not_empty(eenheid=eenheid, veiligheidsregio=veiligheidsregio, zoek=zoek)
    gm = load_municipalities(data_dir)
    year = gm.kies_jaar(jaar)
    rows = list(gm.lijst(year))
    filters = []
    if eenheid is not None:
        unit = gm.kies_gebied(eenheid, gm.eenheden(year), "politie-eenheid", "eenheid")
        rows = [g for g in rows if g.politie_eenheid == unit]
        filters.append(f"politie-eenheid {unit}")
    if veiligheidsregio is not None:
        vr = gm.kies_gebied(veiligheidsregio, gm.veiligheidsregios(year), "veiligheidsregio", "veiligheidsregio")
        rows = [g for g in rows if g.veiligheidsregio == vr]
        filters.append(f"veiligheidsregio {vr}")
    if zoek is not None:
        key = fold(zoek)
        rows = [g for g in rows if key in fold(g.naam) or key == fold(g.code)]
        filters.append(f"zoek '{zoek}'")
        if not rows:
            raise UsageProblem(f"--zoek: geen gemeente gevonden met '{zoek}' in {year}")
    _emit(municipalities_report(rows, gm, year, filters), fmt)


def _setup(inwoners: int | None, gemeente: str | None, jaar: int | None, required: bool, schaal: str | None,
           periodiek: int | None, toeslagen: str | None, uurtarief: Decimal | None, kostenbasis: str,
           peildatum: str | None, scenario: str | None, sets: list[str] | None, data_dir: str | None) -> tuple[Any, Any, int | None, Any]:
    """Shared by estimate and compare-models: check the options, load the data (with a scenario),
    determine the rate choice and the inhabitants. Returns (dataset, rate choice, inhabitants or
    None, municipality or None)."""
    from burgernet_cost.data.dataset import load_dataset

    _not_empty(gemeente=gemeente, scenario=scenario, schaal=schaal, toeslagen=toeslagen)
    _one_of_inhabitants(inwoners, gemeente, jaar, required=required)
    keuze = _keuze(schaal, periodiek, toeslagen, uurtarief, kostenbasis, peildatum)
    ds = load_dataset(data_dir, scenario, sets or ())
    if inwoners is None and gemeente is None:
        return ds, keuze, None, None
    n, municipality = _inhabitants(inwoners, gemeente, jaar, data_dir, peildatum)
    return ds, keuze, n, municipality


def _one_of_inhabitants(inwoners: int | None, gemeente: str | None, jaar: int | None, required: bool) -> None:
    if inwoners is not None and gemeente is not None:
        raise UsageProblem("kies --inwoners of --gemeente, niet beide")
    if jaar is not None and gemeente is None:
        raise UsageProblem("--jaar hoort bij --gemeente")
    if required and inwoners is None and gemeente is None:
        raise UsageProblem("de optie --inwoners ontbreekt (of gebruik --gemeente NAAM)")


def _inhabitants(inwoners: int | None, gemeente: str | None, jaar: int | None, data_dir: str | None,
                 peildatum: str | None = None) -> tuple[int, Any]:
    """(inhabitants, (municipality, municipalities) or None). The peildatum picks the population year."""
    if gemeente is None:
        assert inwoners is not None
        return inwoners, None
    from burgernet_cost.data.municipalities import load_municipalities

    gm = load_municipalities(data_dir)
    if jaar is None and peildatum is not None:
        jaar = gm.jaar_voor_peildatum(peildatum)
    g = gm.zoek(gemeente, jaar)
    return g.inwoners, (g, gm)


def _shown_dir(path: Any) -> str:
    from burgernet_cost.data.reading import display_path

    return display_path(path)


# --------------------------------------------------------------------------- entry point


def _translate_usage(exc: Exception) -> str:
    """Typer/click usage errors -> one Dutch line."""
    kind = type(exc).__name__
    message = getattr(exc, "message", str(exc))
    param = getattr(exc, "param", None)
    name = None
    if param is not None:
        opts = getattr(param, "opts", None) or []
        name = max(opts, key=len) if opts else getattr(param, "name", None)
    if kind == "MissingParameter":
        return f"de optie {name} ontbreekt" if name else "een verplichte optie ontbreekt"
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        possibilities = getattr(exc, "possibilities", None) or []
        hint = f"; bedoelde u {' of '.join(sorted(possibilities))}?" if possibilities else ""
        return f"onbekende optie {option}{hint}"
    if kind == "BadOptionUsage":
        option = getattr(exc, "option_name", "")
        if "requires an argument" in message:
            return f"de optie {option} verwacht een waarde"
        if "does not take a value" in message:
            return f"de optie {option} neemt geen waarde"
        return f"onjuist gebruik van {option}: {message}"
    if kind == "BadParameter":
        if name and message.startswith("Input should be"):
            return f"{name}: ongeldige waarde"
        return f"{name}: {message}" if name else message
    if message.startswith("No such command"):
        command = message.split("'")[1] if "'" in message else message
        return f"onbekend commando '{command}'; zie 'bncost --help'"
    if message.startswith("Got unexpected extra argument"):
        extra = message[message.find("(") + 1 : message.rfind(")")]
        return f"onverwacht argument: {extra}"
    if message.startswith("Missing command"):
        return "geen commando opgegeven; zie 'bncost --help'"
    return f"ongeldig gebruik: {message}"


def _message(exc: BncostError) -> str:
    """A library error as the user should read it: the field it is about as its option."""
    if isinstance(exc, UsageProblem) and exc.field:
        return f"--{exc.field.replace('_', '-')}: {exc.message}"
    return str(exc)


def _fail(message: str) -> None:
    for line in message.splitlines() or [message]:
        sys.stderr.write(f"Fout: {line}\n")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 invalid data, 2 usage)."""
    from burgernet_cost.cli import help as i18n

    i18n.install()
    args = list(sys.argv[1:] if argv is None else argv)
    command = typer.main.get_command(app)
    try:
        result = command.main(args, prog_name="bncost", standalone_mode=False)
    except BncostError as exc:  # DataErrors included: one line per problem
        _fail(_message(exc))
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        sys.stderr.write("Afgebroken.\n")
        return 1
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        _fail(_translate_usage(exc))
        return int(getattr(exc, "exit_code", 2))
    except KeyboardInterrupt:
        sys.stderr.write("Afgebroken.\n")
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        if os.environ.get("BNCOST_DEBUG"):
            raise
        _fail(f"interne fout ({type(exc).__name__}: {exc}); meld dit, met BNCOST_DEBUG=1 voor details")
        return 70
    return result if isinstance(result, int) else 0


__all__ = ["app", "main"]
