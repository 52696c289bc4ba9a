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
    Eenheid,
    Gedeeld,
    Gemeente,
    GemeentenLijst,
    Inwoners,
    Veiligheidsregio,
    not_empty,
    one_selection,
    pakket_option,
    shared,
)
from burgernet_cost.cli.output import emit, shown
from burgernet_cost.cli.parsers import parse_year
from burgernet_cost.errors import UsageProblem

Opt = typer.Option
Jaar = Annotated[int | None, Opt("--van", parser=parse_year, metavar="JAAR", show_default=False, help="Eerste jaar (standaard 2014).")]


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def series_cmd(
    opties: Gedeeld,
    gemeente: Gemeente = None,
    inwoners: Inwoners = None,
    eenheid: Eenheid = None,
    veiligheidsregio: Veiligheidsregio = None,
    gemeenten: GemeentenLijst = None,
    van: Jaar = None,
    tot: Annotated[int | None, Opt("--tot", parser=parse_year, metavar="JAAR", show_default=False,
                                   help="Laatste jaar (standaard het nieuwste met inwonertallen).")] = None,
    pakket: Annotated[str, pakket_option("basis, aanvullend of volledig.")] = "basis",
) -> None:
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.series import series
    from burgernet_cost.output.views.series import series_report

    given: dict[str, str | None] = {"gemeente": gemeente, "eenheid": eenheid, "veiligheidsregio": veiligheidsregio,
                                    "gemeenten": gemeenten, "inwoners": None if inwoners is None else str(inwoners)}
    not_empty(gemeente=gemeente, eenheid=eenheid, veiligheidsregio=veiligheidsregio, gemeenten=gemeenten)
    soort = _one(given)
    opties.keuze(None)  # the rate options' combination rules, before any data is read
    ds = load_dataset(opties.data_dir, opties.scenario, opties.set_ or ())
    gm = ds.gemeenten()
    reeks = gm.bevolkingsreeks()
    jaren = reeks.kies(2014 if van is None else van, reeks.jaren[-1] if tot is None else tot)
    leden, onderwerp = _members(gm, soort, given)
    oldest = min(t.ingangsdatum for t in ds.salary.tabellen)

    def keuze_voor(jaar: int) -> Any:  # before the oldest salary table: the oldest price level (said in the row)
        return opties.keuze(jaar if f"{jaar}-01-01" >= oldest else None)

    result = series(ds, onderwerp, jaren, pakket, keuze_voor, leden=leden, inwoners=inwoners, schalingen=opties.schalingen())
    if not result.punten:
        raise UsageProblem(f"{onderwerp} heeft geen inwonertallen in {jaren[0]}–{jaren[-1]}")
    emit(series_report(result, ds, shown(ds.root)), opties.fmt, opties.uitvoer)


def _one(given: dict[str, str | None]) -> str:
    try:
        return one_selection(given)
    except UsageProblem:
        raise UsageProblem("kies precies één van --gemeente, --inwoners, --eenheid, --veiligheidsregio of --gemeenten") from None


def _members(gm: Any, soort: str, given: dict[str, str | None]) -> tuple[list[tuple[str, str]] | None, str]:
    from burgernet_cost.domain.region import select_members
    from burgernet_cost.output.numbers import nl_number

    if soort == "inwoners":
        return None, f"een gemeente van {nl_number(int(given['inwoners'] or 0))} inwoners"
    if soort == "gemeente":
        g = gm.zoek(given["gemeente"] or "")
        return [(g.code, g.naam)], g.naam
    members, name = select_members(gm, gm.nieuwste, soort, given[soort])
    titles = {"eenheid": f"politie-eenheid {name}", "veiligheidsregio": f"veiligheidsregio {name}", "gemeenten": name}
    return [(m.code, m.naam) for m in members if m.code], titles[soort]


@shared(TARIEF_OPTIES, REKEN_OPTIES, DATA_OPTIES, UITVOER_OPTIES)
def sensitivity_cmd(
    opties: Gedeeld,
    inwoners: Inwoners = None,
    gemeente: Gemeente = None,
    jaar: Annotated[int | None, Opt("--jaar", parser=parse_year, metavar="JAAR", show_default=False,
                                    help="Jaar van de CBS-inwonertallen (en het prijspeil).")] = None,
    pakket: Annotated[str, pakket_option("basis, aanvullend of volledig.")] = "basis",
) -> None:
    from burgernet_cost.cli.commands import setup
    from burgernet_cost.domain.assumptions import assumptions, default_variant, sensitivity
    from burgernet_cost.domain.compare import compare
    from burgernet_cost.output.document import Field
    from burgernet_cost.output.numbers import nl_number
    from burgernet_cost.output.views.ranges import sensitivity_report

    ds, keuze, n, municipality = setup(opties, inwoners, gemeente, jaar, required=True)
    assert n is not None
    g = municipality[0] if municipality else None

    def evaluate(v: Any) -> dict[str, Any]:
        c = compare(ds, n, pakket, "berekend", v.schaalvoordeel, v.keuze, schalingen=v.schalingen)
        gem, land = c.model("gemeentelijk"), c.model("landelijk")
        return {"totaal": gem.totaal, "per_inwoner": gem.totaal / n, "landelijk": land.totaal}

    aannames = assumptions(ds, keuze, None, opties.schalingen())
    central, swings = sensitivity(default_variant(keuze, None, opties.schalingen()), aannames, evaluate, "totaal", ("landelijk",))
    onderwerp = g.naam if g is not None else f"een gemeente van {nl_number(n)} inwoners"
    extra: list[Any] = [Field("landelijk_per_jaar", "Landelijk model per jaar", central["landelijk"], "money")]
    emit(sensitivity_report(central, swings, onderwerp, n, pakket, shown(ds.root), extra), opties.fmt, opties.uitvoer)
