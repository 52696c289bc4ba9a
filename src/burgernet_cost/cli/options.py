"""Options that several commands share, declared once, and the rules for combining them.

``@shared(...)`` adds a group of options to a command's signature (Typer reads the signature;
``with_shared`` builds it for the command a run invokes) and hands the command one ``Gedeeld``
object instead; each group is declared here once, like
sqlite-utils' shared-option decorators. The option-combination rules live here too, in one place.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

import typer

from burgernet_cost.cli.parsers import (
    FORMAT_METAVAR,
    PAKKET_METAVAR,
    Voordeel,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_format,
    parse_inwoners,
    parse_pakket,
    parse_periodiek,
    parse_scale_advantage,
    parse_year,
)
from burgernet_cost.domain.codes import TARIEVEN, Kostenbasis
from burgernet_cost.domain.codes import Tarief as TariefCode
from burgernet_cost.errors import UsageProblem, quote
from burgernet_cost.output.formats import FORMATS as FORMAT_LIST
from burgernet_cost.output.formats import REPORT_FORMATS, explaining, help_text, offered_extensions
from burgernet_cost.structs import struct

Opt = typer.Option


def later(name: str, *args: str) -> Callable[[typer.Context, str], list[tuple[str, str]]]:
    """The Tab callback ``name`` of cli/completion.py or cli/completion_paths.py (with ``args``: the
    callback it makes of them), imported at the first Tab: a normal run never loads those modules."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from burgernet_cost.cli import completion, completion_paths

        target = getattr(completion, name, None) or getattr(completion_paths, name)
        return completion.answer(ctx, incomplete, target(*args) if args else target)

    complete.__name__ = f"tab_{name}"
    return complete


def _option(*decls: str, **kwargs: Any) -> Any:
    kwargs.setdefault("show_default", False)
    return Opt(*decls, **kwargs)


# name -> (annotation, default); the annotation carries the option's flags, metavar and help
TARIEF_OPTIES: dict[str, tuple[Any, Any]] = {
    "schaal": (
        Annotated[str | None, _option("--schaal", metavar="SCHAAL", help="Salarisschaal voor het uurtarief (bijv. 10 of 10A).")],
        None,
    ),
    "periodiek": (
        Annotated[
            int | None, _option("--periodiek", parser=parse_periodiek, metavar="N", help="Periodiek (trede) binnen de schaal, 0 = laagste.")
        ],
        None,
    ),
    "toeslagen": (
        Annotated[
            str | None,
            _option(
                "--toeslagen",
                metavar="geen|alle|LIJST",
                help="Toeslagen op het salaris: geen, alle, of bijv. vakantietoelage,eindejaarsuitkering.",
                autocompletion=later("toeslagen"),
            ),
        ],
        None,
    ),
    "uurtarief": (
        Annotated[
            Decimal | None,
            _option(
                "--uurtarief",
                parser=parse_decimal("uurtarief in euro", Decimal("0.01"), Decimal(10000)),
                metavar="EUR",
                help="Gebruik dit uurtarief direct (bijv. 45,50).",
            ),
        ],
        None,
    ),
    "kostenbasis": (
        Annotated[
            Kostenbasis,
            _option(
                "--kostenbasis",
                parser=parse_choice(("salaris", "integraal"), "kostenbasis"),
                metavar="salaris|integraal",
                show_default=True,
                help="salaris (CAR-UWO) of integraal (loonkosten + overhead, Handleiding Overheidstarieven).",
                autocompletion=later("KOSTENBASIS"),
            ),
        ],
        "salaris",
    ),
    "peildatum": (
        Annotated[
            str | None,
            _option(
                "--peildatum",
                parser=parse_date,
                metavar="JJJJ-MM-DD",
                help="Reken op deze datum: salarisniveau (tabel + cao-verhogingen), en bij --gemeente "
                "of een regio de inwoners en gemeenten van dat jaar (CBS, 1 januari). "
                "Standaard: de situatie van het rapport.",
            ),
        ],
        None,
    ),
}
REKEN_OPTIES: dict[str, tuple[Any, Any]] = {
    "schaling_beleid": (
        Annotated[
            str | None,
            _option(
                "--schaling-beleid",
                parser=parse_choice(("per_inwoner", "per_gemeente"), "schaling"),
                metavar="per_inwoner|per_gemeente",
                help="Hoe de beleidsuren meegaan met de grootte van de gemeente: naar het "
                "aantal inwoners (standaard uit de data, een aanname) of per gemeente "
                "zoals waargenomen (§4.1.1).",
                autocompletion=later("SCHALING"),
            ),
        ],
        None,
    ),
}
DATA_OPTIES: dict[str, tuple[Any, Any]] = {
    "scenario": (
        Annotated[
            str | None,
            _option(
                "--scenario",
                metavar="BESTAND",
                help="Scenario (YAML) met wijzigingen op de data; de data zelf blijft ongewijzigd.",
                autocompletion=later("files", ".yaml", ".yml"),
            ),
        ],
        None,
    ),
    "set_": (
        Annotated[
            list[str] | None,
            _option(
                "--set",
                metavar="PAD=WAARDE",
                help="Eén wijziging op de data, bijv. inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=20 (herhaalbaar).",
                autocompletion=later("set_pad"),
            ),
        ],
        None,
    ),
}
UITVOER_OPTIES: dict[str, tuple[Any, Any]] = {
    "fmt": (
        Annotated[
            str | None,
            _option(
                "--format",
                "-f",
                parser=parse_format,
                metavar=FORMAT_METAVAR,
                show_default=False,
                help=f"Uitvoer: {help_text(REPORT_FORMATS)}.",
                autocompletion=later("FORMAAT"),
            ),
        ],
        None,
    ),
    "uitvoer": (
        Annotated[
            str | None,
            _option(
                "--uitvoer",
                "-o",
                metavar="BESTAND",
                show_default=False,
                help="Schrijf naar dit bestand in plaats van naar het scherm, in één keer (bij een "
                "fout blijft een bestaand bestand zoals het was); zonder --format volgt het "
                f"formaat uit de extensie ({', '.join(offered_extensions(REPORT_FORMATS))}).",
                autocompletion=later("files", *offered_extensions(REPORT_FORMATS)),
            ),
        ],
        None,
    ),
    "data_dir": (
        Annotated[
            str | None,
            _option(
                "--data-dir",
                envvar="BNCOST_DATA_DIR",
                metavar="MAP",
                help="Map met de databestanden (standaard: data/ van de datarepository waarin u staat, anders de meegeleverde data).",
                autocompletion=later("folders"),
            ),
        ],
        None,
    ),
}

# Options that are shared but read per command (their help differs a little between commands)
Inwoners = Annotated[
    int | None,
    _option(
        "--inwoners",
        "-n",
        parser=parse_inwoners,
        metavar="AANTAL",
        help="Aantal inwoners van de gemeente (bijv. 54600 of 54.600); of gebruik --gemeente.",
    ),
]
Gemeente = Annotated[
    str | None,
    _option(
        "--gemeente",
        "-g",
        metavar="NAAM|GMxxxx",
        help="Gemeente (naam of CBS-code) in plaats van --inwoners; inwoners volgens het CBS.",
        autocompletion=later("gemeente"),
    ),
]
Jaar = Annotated[
    int | None,
    _option(
        "--jaar",
        parser=parse_year,
        metavar="JAAR",
        help="Reken met de situatie van 1 januari van dit jaar: de inwoners en gemeenten "
        "(CBS, 2012-2024) en het prijspeil. Standaard: de situatie van het rapport "
        "(inwoners 1-1-2014, prijspeil 1-4-2012).",
        autocompletion=later("jaren"),
    ),
]
PrijspeilJaar = Annotated[  # huidig: the 2014 situation stays; only the tariffs move to 1 January of the year
    int | None,
    _option(
        "--jaar",
        parser=parse_year,
        metavar="JAAR",
        help="Zet de tarieven naast de bijdragen van 2014 op prijspeil 1 januari van dit jaar (een wat-als; "
        "de adviesbedragen geïndexeerd). Standaard: het prijspeil van het rapport (1-4-2012).",
    ),
]
Uitleg = Annotated[bool, Opt("--uitleg", help="Toon de berekening als boom: elk cijfer, de formule, de bron en de status.")]
Bandbreedte = Annotated[
    bool,
    Opt(
        "--bandbreedte",
        help="Toon elk bedrag ook als bandbreedte (laagste – hoogste) over de aannames "
        "en hun alternatieven uit de data, met de keuzes die elke grens geven; "
        "toeslagen en integrale kosten vallen erbuiten.",
    ),
]
Tarief = Annotated[
    TariefCode,
    _option(
        "--tarief",
        parser=parse_choice(TARIEVEN, "tarief"),
        metavar="berekend|advies",
        show_default=True,
        help="Bijdrage per inwoner: berekend uit de uren, of het advies van §6 (€ 0,03 / € 0,07).",
        autocompletion=later("TARIEF"),
    ),
]
Schaalvoordeel = Annotated[
    list[Voordeel] | None,
    _option(
        "--schaalvoordeel",
        parser=parse_scale_advantage,
        metavar="[UITVOERDER=]PCT",
        help="Hoeveel procent een uitvoerder met een schaalvoordeel goedkoper is dan een regionale, bijv. 20 of "
        "landelijk=20 (herhaalbaar; standaard uit de data: in de meegeleverde data alleen de landelijke "
        "organisatie, een aanname, §5.1 zegt alleen 'iets lager').",
        autocompletion=later("schaalvoordeel"),
    ),
]


def scale_advantage_values(values: list[Voordeel] | None) -> dict[str, Decimal] | None:
    """--schaalvoordeel as percentages by executor id ("": the one executor with a scale advantage)."""
    if not values:
        return None
    out: dict[str, Decimal] = {}
    for v in values:
        if v.uitvoerder in out:
            raise UsageProblem(f"twee keer opgegeven{f' voor {v.uitvoerder}' if v.uitvoerder else ''}", field="schaalvoordeel")
        out[v.uitvoerder] = v.procent
    return out


# How a region is chosen (regio, rapport, reeks): one of these
Eenheid = Annotated[
    str | None,
    _option(
        "--eenheid",
        metavar="NAAM",
        show_default=False,
        help="Een regio: alle gemeenten van een politie-eenheid (bijv. Midden-Nederland).",
        autocompletion=later("eenheid"),
    ),
]
Veiligheidsregio = Annotated[
    str | None,
    _option(
        "--veiligheidsregio",
        metavar="NAAM",
        show_default=False,
        help="Een regio: alle gemeenten van een veiligheidsregio (bijv. Utrecht).",
        autocompletion=later("veiligheidsregio"),
    ),
]
GemeentenLijst = Annotated[
    str | None,
    _option(
        "--gemeenten",
        metavar="A,B,C",
        show_default=False,
        help="Een regio: gemeenten gescheiden door komma's (namen of CBS-codes).",
        autocompletion=later("gemeenten"),
    ),
]
Ledenbestand = Annotated[
    str | None,
    _option(
        "--bestand",
        metavar="BESTAND",
        show_default=False,
        help="Een regio uit een ledenlijst: CSV (gemeente;inwoners of gemeente,inwoners)"
        ", YAML (gemeenten: [{gemeente, inwoners}]) of Excel (.xlsx); zie README.",
        autocompletion=later("files", ".csv", ".yaml", ".yml", ".xlsx"),
    ),
]
Blad = Annotated[
    str | None,
    _option(
        "--blad",
        metavar="NAAM",
        show_default=False,
        help="Het blad van een Excel-ledenlijst (--bestand leden.xlsx; standaard: het blad dat Excel toont bij openen).",
    ),
]
Overschrijf = Annotated[
    bool,
    Opt(
        "--overschrijf",
        help="Vervang een bestaand uitvoerbestand (of vul een map die al bestanden heeft) dat bncost niet "
        "zelf zo schreef; zonder deze optie weigert bncost dat.",
    ),
]
UITVOER_OPTIES["overschrijf"] = (Overschrijf, False)
Naam = Annotated[
    str | None,
    _option(
        "--naam",
        metavar="NAAM",
        show_default=False,
        help="De naam van een regio uit een ledenlijst in de uitvoer en documenten (standaard: 'gemeenten uit' en de "
        "bestandsnaam zonder map en extensie).",
    ),
]
DataDir = UITVOER_OPTIES["data_dir"][0]
Formaat = UITVOER_OPTIES["fmt"][0]
Uitvoer = UITVOER_OPTIES["uitvoer"][0]


def pakket_option(help: str, default_shown: bool = True) -> Any:
    return _option(
        "--pakket", "-p", parser=parse_pakket, metavar=PAKKET_METAVAR, show_default=default_shown, help=help, autocompletion=later("PAKKET")
    )


#: the options that change a value of the data themselves, and the --set paths of that value (for
#: --uurtarief: every path of the salary data, which a given rate makes irrelevant)
SET_OPTIONS = {
    "--schaalvoordeel": r"inrichtingsmodellen\.uitvoerders\[[^\]]*\]\.schaalvoordeel(\.|$)",
    "--inwoners": r"inrichtingsmodellen\.referentiegemeente(\.inwoners|$)",
    "--gemeente": r"inrichtingsmodellen\.referentiegemeente(\.inwoners|$)",
    "--schaling-beleid": r"interviews\.schalingen\[(0|beleid)\]\.standaard$",
    "--schaal": r"salary_scales\.(standaard_tariefprofiel$|tariefprofielen\[[^\]]*\]\.schaal$)",
    "--periodiek": r"salary_scales\.(standaard_tariefprofiel$|tariefprofielen\[[^\]]*\]\.periodiek$)",
    "--toeslagen": r"salary_scales\.(standaard_tariefprofiel$|tariefprofielen\[[^\]]*\]\.toeslagen)",
    "--uurtarief": r"salary_scales\.",
}


@struct
class Gedeeld:
    """The values of the shared options a command was given."""

    schaal: str | None = None
    periodiek: int | None = None
    toeslagen: str | None = None
    uurtarief: Decimal | None = None
    kostenbasis: Kostenbasis = "salaris"
    peildatum: str | None = None
    schaling_beleid: str | None = None
    scenario: str | None = None
    set_: list[str] | None = None
    fmt: str | None = None
    uitvoer: str | None = None
    overschrijf: bool = False  # read where a file is written (cli/output_guard.py), from the command line
    data_dir: str | None = None

    def schalingen(self) -> dict[str, str] | None:
        """The scaling choices the user made (None: the data's)."""
        return {"beleid": self.schaling_beleid} if self.schaling_beleid else None

    def keuze(self, jaar: int | None = None) -> Any:
        """The rate choice; the combination rules of the rate options are checked here.

        One notion of time: a year given with --jaar sets the price level too (1 January of that
        year), unless the rate is pinned (--peildatum, --uurtarief or --kostenbasis integraal)."""
        from burgernet_cost.domain.rate import TariefKeuze

        not_empty(schaal=self.schaal, toeslagen=self.toeslagen, scenario=self.scenario)
        self.set_overlaps(
            {
                "--schaal": self.schaal is not None,
                "--periodiek": self.periodiek is not None,
                "--toeslagen": self.toeslagen is not None,
                "--uurtarief": self.uurtarief is not None,
                "--schaling-beleid": self.schaling_beleid is not None,
            }
        )
        if self.uurtarief is not None and (
            self.schaal or self.periodiek is not None or self.toeslagen or self.kostenbasis != "salaris" or self.peildatum
        ):
            raise UsageProblem(
                "--uurtarief geeft het tarief direct; combineer het niet met --schaal, --periodiek, --toeslagen, "
                "--kostenbasis of --peildatum"
            )
        if self.kostenbasis == "integraal" and (self.periodiek is not None or self.toeslagen or self.peildatum):
            raise UsageProblem(
                "--kostenbasis integraal rekent per schaal met de kosten van één jaar; --periodiek, --toeslagen en "
                "--peildatum horen bij kostenbasis salaris"
            )
        parsed: tuple[str, ...] | None = None
        if self.toeslagen is not None:
            text = self.toeslagen.strip().lower()
            parsed = () if text == "geen" else tuple(x.strip() for x in text.split(",") if x.strip())
            if text != "geen" and not parsed:
                raise UsageProblem("geef 'geen', 'alle' of namen van toeslagen gescheiden door komma's", field="toeslagen")
            check_allowances(parsed)
        peildatum = self.peildatum
        from_year = peildatum is None and jaar is not None and self.uurtarief is None and self.kostenbasis == "salaris"
        if from_year:
            peildatum = self.tijdstip(jaar).prijspeil  # the one rule (data/instant.py): 1 January of --jaar
        return TariefKeuze(
            schaal=self.schaal.strip().upper() if self.schaal else None,
            periodiek=self.periodiek,
            toeslagen=parsed,
            peildatum=peildatum,
            uurtarief=self.uurtarief,
            kostenbasis=self.kostenbasis,
            peildatum_uit_jaar=from_year,
        )

    def set_overlaps(self, given: dict[str, bool]) -> None:
        """--set and an option of its own on the same value: one of the two would be ignored."""
        import re

        for change in self.set_ or ():
            path = change.partition("=")[0].strip().lower()
            for option, source in SET_OPTIONS.items():
                if given.get(option) and re.match(source, path):
                    raise UsageProblem(
                        f"{quote(change.partition('=')[0].strip())} en {option} gaan over dezelfde waarde; de ene zou de andere "
                        "opzij zetten, kies één van beide",
                        field="set",
                    )

    def pinned_rate(self) -> str | None:
        """The option that fixes the rate whatever the year (None: the rate follows --jaar)."""
        if self.uurtarief is not None:
            return "--uurtarief"
        if self.kostenbasis == "integraal":
            return "--kostenbasis integraal"
        if self.peildatum is not None:
            return "--peildatum"
        return None

    def year_has_effect(self, jaar: int | None, inwoners_given: bool) -> None:
        """--jaar chooses the inhabitants and the price level; with both fixed otherwise it would do
        nothing, and is refused rather than ignored."""
        pinned = self.pinned_rate()
        if jaar is not None and inwoners_given and pinned is not None:
            raise UsageProblem(
                f"heeft geen effect: de inwoners liggen vast (--inwoners of de referentiegemeente) en het tarief door {pinned}; "
                "laat --jaar weg, of kies --gemeente om de inwoners van dat jaar te nemen",
                field="jaar",
            )

    def tijdstip(self, jaar: int | None = None) -> Any:
        """The date the result is asked for (data/instant.py: one rule for every command)."""
        from burgernet_cost.data.instant import Tijdstip

        return Tijdstip(jaar, self.peildatum)


def check_allowances(names: tuple[str, ...]) -> None:
    """--toeslagen says one thing: no name twice, 'geen' and 'alle' alone."""
    seen: set[str] = set()
    for name in names:  # one pass: a list of thousands of names is answered at once
        if name in seen:
            raise UsageProblem(f"toeslag {quote(name)} staat er twee keer in", field="toeslagen")
        seen.add(name)
    for word, meaning in (("geen", "geen toeslagen"), ("alle", "alle toeslagen")):
        if word in names and len(names) > 1:
            raise UsageProblem(f"'{word}' betekent {meaning}; noem er geen andere toeslagen bij", field="toeslagen")


#: the option groups each command declared with ``@shared``, added to its signature by ``with_shared``
SHARED: dict[Callable[..., Any], dict[str, tuple[Any, Any]]] = {}


def shared(*groups: dict[str, tuple[Any, Any]]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the option groups of a command; the command receives them as ``opties: Gedeeld``. The
    signature is built only for the command a run invokes (``with_shared``, from ``app.build``): reading
    the annotations of every command of a module at import cost a few ms of every run."""
    declared = {name: spec for group in groups for name, spec in group.items()}

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        SHARED[func] = declared
        return func

    return decorate


def with_shared(func: Callable[..., Any]) -> Callable[..., Any]:
    """The command as Typer must see it: its own options and its shared groups in one signature."""
    declared = SHARED.get(func)
    if declared is None:
        return func
    signature = inspect.signature(func)
    hints = typing.get_type_hints(func, include_extras=True)  # the command module may postpone annotations
    own = [p.replace(annotation=hints.get(name, p.annotation)) for name, p in signature.parameters.items() if name != "opties"]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, (annotation, default) in declared.items()
    ]

    @functools.wraps(func)
    def command(**kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in declared}
        return func(**kwargs, opties=Gedeeld(**values))

    command.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[
            *(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own),
            *extra,
        ]
    )
    command.__annotations__ = {**{p.name: p.annotation for p in own}, **{n: a for n, (a, _) in declared.items()}}
    del command.__wrapped__  # Typer must read the new signature, not the wrapped one
    return command


def region_options(
    eenheid: str | None, veiligheidsregio: str | None, gemeenten: str | None, bestand: str | None, alle: bool
) -> dict[str, str | None]:
    """The ways of choosing a region's members (regio, rapport, reeks, gevoeligheid), an empty text refused:
    at most one is set (``one_selection``)."""
    not_empty(eenheid=eenheid, veiligheidsregio=veiligheidsregio, gemeenten=gemeenten, bestand=bestand)
    return {
        "eenheid": eenheid,
        "veiligheidsregio": veiligheidsregio,
        "gemeenten": gemeenten,
        "bestand": bestand,
        "alle": "alle" if alle else None,
    }


def not_empty(**options: str | None) -> None:
    """An option given as an empty string is a mistake, not 'use the default'."""
    for name, value in options.items():
        if value is not None and not str(value).strip():
            raise UsageProblem("lege waarde", field=name.rstrip("_"))


def one_of_inhabitants(inwoners: int | None, gemeente: str | None, jaar: int | None, required: bool) -> None:
    if inwoners is not None and gemeente is not None:
        raise UsageProblem("kies --inwoners of --gemeente, niet beide")
    if required and inwoners is None and gemeente is None:
        raise UsageProblem("de optie --inwoners ontbreekt (of gebruik --gemeente NAAM)")


def one_selection(given: dict[str, Any]) -> str:
    """regio: exactly one way of choosing the members."""
    chosen = [name for name, value in given.items() if value not in (None, False)]
    if len(chosen) != 1:
        raise UsageProblem(
            "kies precies één van --eenheid, --veiligheidsregio, --gemeenten, --bestand of --alle"
            + (f" (nu: {', '.join('--' + c for c in chosen)})" if chosen else "")
        )
    return chosen[0]


def explanation_has_effect(uitleg: bool, fmt: str | None, uitvoer: str | None) -> None:
    """--uitleg shows the calculation in table, markdown and json; csv has no place for it."""
    if not uitleg:
        return
    from burgernet_cost.cli.parsers import FORMATS
    from burgernet_cost.cli.writing import format_for

    chosen = format_for(uitvoer, fmt, FORMATS)
    if not FORMAT_LIST[chosen].explains:
        raise UsageProblem(f"heeft geen effect bij {chosen} (één tabel); kies {explaining(FORMATS)} voor de berekening", field="uitleg")
