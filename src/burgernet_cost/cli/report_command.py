"""``bncost rapport``: the documents a policy officer hands to a council, an HTML page or an Excel
workbook, for one municipality or one region (the selections of ``regio``).

The workbook needs XlsxWriter (the extra ``rapport``), imported only here, after the options are
checked; without it one Dutch line gives the command that installs it. The page's charts are drawn
by bncost itself (``output/svgplot.py``).
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path
from typing import Annotated, Any

import typer

from burgernet_cost.cli.options import (
    DATA_OPTIES,
    REKEN_OPTIES,
    TARIEF_OPTIES,
    Blad,
    DataDir,
    Eenheid,
    Gedeeld,
    Gemeente,
    GemeentenLijst,
    Inwoners,
    Jaar,
    Ledenbestand,
    Naam,
    Overschrijf,
    Schaalvoordeel,
    Tarief,
    Veiligheidsregio,
    later,
    one_of_inhabitants,
    pakket_option,
    region_options,
    scale_advantage_values,
    shared,
)
from burgernet_cost.cli.parsers import parse_choice
from burgernet_cost.domain.codes import BOTH, Pakket, Schaalvoordelen
from burgernet_cost.domain.codes import Tarief as TariefCode
from burgernet_cost.errors import UsageProblem
from burgernet_cost.output.formats import DOCUMENT_FORMATS, offered_extensions
from burgernet_cost.structs import replace

Opt = typer.Option
INSTALL = "pip install 'XlsxWriter>=3.1'  (of vanuit de repository: pip install '.[rapport]')"


class MissingExtra(UsageProblem):
    exit_code = 1


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES)
def report_cmd(
    opties: Gedeeld,
    uitvoer: Annotated[
        str | None,
        Opt(
            "--uitvoer",
            "-o",
            metavar="BESTAND.html|BESTAND.xlsx|MAP",
            show_default=False,
            help="Het bestand dat bncost maakt: een HTML-pagina (.html) of een Excel-werkmap "
            "(.xlsx); het formaat volgt uit de extensie. Met --per-gemeente een map.",
            autocompletion=later("files", *offered_extensions(DOCUMENT_FORMATS)),
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        Opt(
            "--format",
            "-f",
            parser=parse_choice(DOCUMENT_FORMATS, "formaat"),
            metavar="|".join(DOCUMENT_FORMATS),
            show_default=False,
            help="Het formaat, als de extensie het niet zegt (--per-gemeente: standaard html).",
            autocompletion=later("RAPPORT_FORMAAT"),
        ),
    ] = None,
    gemeente: Gemeente = None,
    inwoners: Inwoners = None,
    jaar: Jaar = None,
    eenheid: Eenheid = None,
    veiligheidsregio: Veiligheidsregio = None,
    gemeenten: GemeentenLijst = None,
    bestand: Ledenbestand = None,
    blad: Blad = None,
    naam: Naam = None,
    alle: Annotated[bool, Opt("--alle", help="Heel Nederland als één regio.")] = False,
    per_gemeente: Annotated[
        bool,
        Opt(
            "--per-gemeente",
            help="Eén document per gemeente van de regio (met haar bijdrage en het "
            "budget van de regio) in de map van --uitvoer, plus index.html.",
        ),
    ] = False,
    pakket: Annotated[Pakket | None, pakket_option("Eén pakket (standaard: basis en volledig naast elkaar).", False)] = None,
    tarief: Tarief = "berekend",
    schaalvoordeel: Schaalvoordeel = None,
    overschrijf: Overschrijf = False,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.cli.commands import choose_list_name, choose_sheet
    from burgernet_cost.cli.writing import check_target, format_for, write_file

    choose_sheet(blad, bestand)
    choose_list_name(naam, bestand)
    if uitvoer is None:
        raise UsageProblem("de optie --uitvoer ontbreekt (bijv. --uitvoer rapport.html of rapport.xlsx)")
    if per_gemeente:
        return _per_member(
            opties,
            uitvoer,
            fmt,
            gemeente,
            inwoners,
            jaar,
            pakket,
            tarief,
            scale_advantage_values(schaalvoordeel),
            data_dir,
            region_options(eenheid, veiligheidsregio, gemeenten, bestand, alle),
        )
    chosen = format_for(uitvoer, fmt, DOCUMENT_FORMATS)
    from burgernet_cost.cli.output_guard import is_stdout

    real = check_target(uitvoer) if not is_stdout(uitvoer) else None
    if real is None and chosen == "xlsx":
        raise UsageProblem("een werkmap gaat naar een bestand, niet naar het scherm", field="uitvoer")
    given = region_options(eenheid, veiligheidsregio, gemeenten, bestand, alle)
    regio = [k for k, v in given.items() if v is not None]
    if len(regio) > 1 or (regio and (gemeente is not None or inwoners is not None)):
        raise UsageProblem(
            "kies één gemeente (--gemeente of --inwoners) of één regio (--eenheid, --veiligheidsregio, --gemeenten, --bestand of --alle)"
        )
    if not regio:
        one_of_inhabitants(inwoners, gemeente, jaar, required=True)
    _require(chosen)
    opties = replace(opties, data_dir=data_dir)
    d, ds = _dossier(
        opties, regio[0] if regio else None, given, gemeente, inwoners, jaar, pakket, tarief, scale_advantage_values(schaalvoordeel)
    )
    data = _render(chosen, d, ds)
    if real is None:
        from burgernet_cost.cli.writing import write_text

        write_text(data.decode("utf-8"))
    else:
        write_file(uitvoer, data, check_target(uitvoer))  # again: the inputs this run read are known now


def _per_member(
    opties: Gedeeld,
    uitvoer: str,
    fmt: str | None,
    gemeente: str | None,
    inwoners: int | None,
    jaar: int | None,
    pakket: Pakket | None,
    tarief: TariefCode,
    schaalvoordeel: Schaalvoordelen | None,
    data_dir: str | None,
    given: dict[str, str | None],
) -> None:
    from burgernet_cost.cli.report_batch import output_folder, per_member

    regio = [k for k, v in given.items() if v is not None]
    if len(regio) != 1 or gemeente is not None or inwoners is not None:
        raise UsageProblem("--per-gemeente hoort bij één regio: kies --eenheid, --veiligheidsregio, --gemeenten, --bestand of --alle")
    folder = output_folder(uitvoer)
    chosen = fmt or "html"
    _require(chosen)
    opties = replace(opties, data_dir=data_dir)
    per_member(
        opties,
        regio[0],
        given,
        jaar,
        (pakket,) if pakket else BOTH,
        tarief,
        schaalvoordeel,
        chosen,
        folder,
        _render,
        _series_args(opties, "inwoners", {}),
    )


def _require(fmt: str) -> None:
    import importlib.util

    needed = {"xlsx": "xlsxwriter"}.get(fmt)
    if needed is not None and importlib.util.find_spec(needed) is None:
        raise MissingExtra(f"voor --format {fmt} is {needed} nodig; installeer het met: {INSTALL}")


def _dossier(
    opties: Gedeeld,
    soort: str | None,
    given: dict[str, str | None],
    gemeente: str | None,
    inwoners: int | None,
    jaar: int | None,
    pakket: Pakket | None,
    tarief: TariefCode,
    schaalvoordeel: Schaalvoordelen | None,
) -> tuple[Any, Any]:
    from burgernet_cost.cli.commands import select_region, setup
    from burgernet_cost.domain.dossier import dossier

    pakketten = (pakket,) if pakket else BOTH
    extra = _series_args(opties, soort or ("gemeente" if gemeente else "inwoners"), given | {"gemeente": gemeente})
    if soort is not None:
        keuze = opties.keuze(jaar)
        ds, members, title, peildatum = select_region(opties, given, soort, jaar)
        return dossier(
            ds,
            title,
            soort,
            pakketten,
            leden=members,
            tarief=tarief,
            schaalvoordeel=schaalvoordeel,
            keuze=keuze,
            schalingen=opties.schalingen(),
            inwoners_datum=peildatum,
            **extra(ds),
        ), ds
    opzet = setup(opties, inwoners, gemeente, jaar, required=True)
    ds, keuze, n, municipality = opzet.ds, opzet.keuze, opzet.inwoners, opzet.municipality
    assert n is not None
    g = municipality[0] if municipality else None
    from burgernet_cost.output.wording import inhabitants_title

    title = g.naam if g is not None else inhabitants_title(n)
    return dossier(
        ds,
        title,
        "gemeente" if g is not None else "inwoners",
        pakketten,
        inwoners=n,
        gemeente=g,
        tarief=tarief,
        schaalvoordeel=schaalvoordeel,
        keuze=keuze,
        schalingen=opties.schalingen(),
        **extra(ds),
    ), ds


def _series_args(opties: Gedeeld, soort: str, given: dict[str, str | None]) -> Any:
    """The years of the series in the document (as ``reeks`` without --van/--tot), the rate choice
    per year and the subject's inhabitants per year (each year its own members)."""
    from burgernet_cost.cli.commands import series_counts
    from burgernet_cost.domain.series import FIRST_YEAR

    def make(ds: Any) -> dict[str, Any]:
        gm = ds.gemeenten()
        reeks = gm.bevolkingsreeks()
        jaren = reeks.kies(FIRST_YEAR, reeks.jaren[-1])
        tellingen = None if soort == "inwoners" else series_counts(gm, soort, given, jaren[-1])[0]
        return {"jaren": jaren, "keuze_voor": opties.keuze, "tellingen": tellingen}

    return make


PATH_OPTIONS = ("--uitvoer", "-o", "--data-dir", "--bestand")


def relative(path: Path | str) -> str:
    """A file or folder as a document names it: relative to where bncost was started, or only its
    name when it lies elsewhere (a document shows no machine path)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError, RuntimeError):  # elsewhere, the start directory is gone, a symlink loop
        return Path(path).name


def document_data(root: Path, version: str) -> str:
    """The data as a document names it: the shipped data is "meegeleverde data (bncost X.Y.Z)"; a
    user's folder is named relative to where bncost was started."""
    from burgernet_cost.data.reading import default_data_dir

    try:
        if root.resolve() == default_data_dir().resolve():
            return f"meegeleverde data (bncost {version})"
    except OSError:
        pass
    return f"de data in {relative(root)}"


def _without_paths(args: list[str]) -> list[str]:
    """The command as typed, each file or folder as ``relative`` names it."""
    out = list(args)
    for n, arg in enumerate(args):
        name, eq, value = arg.partition("=")
        target = value if eq and name in PATH_OPTIONS else (arg if n and args[n - 1] in PATH_OPTIONS else None)
        if target is None or target == "-":
            continue
        shown = relative(target)
        out[n] = f"{name}={shown}" if eq and name in PATH_OPTIONS else shown
    return out


def _render(fmt: str, d: Any, ds: Any) -> bytes:
    from burgernet_cost import __version__
    from burgernet_cost.cli.app import INVOCATION

    colofon_args = dict(
        version=__version__,
        command="bncost " + shlex.join(_without_paths(INVOCATION)),
        date=dt.date.today().isoformat(),
        data=document_data(ds.root, __version__),
    )
    from burgernet_cost.output.rapport_html import Colofon
    from burgernet_cost.output.renderers import render_document

    return render_document(d, ds, Colofon(**colofon_args), fmt)
