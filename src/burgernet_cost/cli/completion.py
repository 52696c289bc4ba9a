"""Tab completion: the values bncost offers, one ``autocompletion=`` callback per option.

bncost speaks its own completion protocol with bash, zsh, fish and PowerShell, through Typer's
public API only: ``completion_protocol.py`` answers a Tab (it finds the option being completed and
calls its callback), ``completion_install.py`` holds the four scripts behind
``--install-completion`` and ``--show-completion``; ``completion_paths.py`` offers files, folders,
``--set`` paths and git versions.

The callbacks here answer from the data in use (``--data-dir`` on the line, else
``BNCOST_DATA_DIR``, else the shipped data), at the year on the line (``--jaar``, ``--peildatum``),
read through the validated-data cache. A broken data folder or any other failure gives no
candidates, never an error.

Matching forgives as the commands do (``matches``: case, accents and punctuation ignored by the same
``fold`` that looks a name up): ``Sud`` offers Súdwest-Fryslân, ``'s-h`` 's-Hertogenbosch. The shell
then replaces the word with the candidate. Each option is offered what its command accepts at the
date on the line (``reeks``: the years of --van/--tot), never files where a name is expected.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import typer

from burgernet_cost.output.formats import DOCUMENT_FORMATS, FORMATS, REPORT_FORMATS

Candidates = list[tuple[str, str]]

#: ``ctx.meta`` key under which the protocol leaves the word being completed, as typed (it asks the
#: parameter with an empty word, so that Typer's own prefix filter keeps every candidate)
TYPED = "bncost.typed"


def _key(text: str) -> str:
    """The matching key: ``fold`` (case, accents, punctuation), a trailing separator kept as a space
    ('Den ' is not 'Denekamp')."""
    from burgernet_cost.data.municipal_years import fold

    key = fold(text)
    return key + " " if key and text[-1:] and not text[-1].isalnum() and fold(text[-1]) == "" else key


def matches(value: str, typed: str) -> bool:
    """Whether ``value`` is offered for the word ``typed``: its start, case and accents ignored."""
    return not typed or _key(value).startswith(_key(typed))


def answer(ctx: Any, incomplete: str, callback: Callable[..., Candidates]) -> Candidates:
    """The candidates of ``callback`` (of this module or completion_paths.py) for the word as typed;
    a callback marked ``matches_itself`` chooses its own, the others are matched here."""
    import inspect

    typed = (getattr(ctx, "meta", None) or {}).get(TYPED, incomplete)
    wants_context = len(inspect.signature(callback).parameters) == 2  # (ctx, incomplete) or (incomplete)
    found: Candidates = callback(ctx, typed) if wants_context else callback(typed)
    if getattr(callback, "matches_itself", False):
        return found
    return [c for c in found if matches(c[0], typed)]


# --------------------------------------------------------------------------- the data in use


def _quiet(func: Callable[..., Candidates]) -> Callable[..., Candidates]:
    """No candidates instead of an error."""

    def guarded(ctx: typer.Context, incomplete: str) -> Candidates:
        try:
            return func(ctx, incomplete)
        except Exception:  # a broken data folder, an odd value: nothing to offer
            return []

    guarded.__name__ = func.__name__
    guarded.__doc__ = func.__doc__
    guarded.matches_itself = getattr(func, "matches_itself", False)  # type: ignore[attr-defined]
    return guarded


def _data_dir(ctx: Any) -> str | None:
    value = (ctx.params or {}).get("data_dir")
    return os.path.expanduser(value) if isinstance(value, str) and value.strip() else None


def _municipalities(ctx: Any) -> Any:
    from burgernet_cost.data.municipalities import load_municipalities

    return load_municipalities(_data_dir(ctx))


def _dataset(ctx: Any) -> Any:
    from burgernet_cost.data.loading import load_dataset

    return load_dataset(_data_dir(ctx))


def _years(ctx: Any, gm: Any) -> list[int]:
    """The years whose names the command on the line accepts: ``reeks`` the years of --van/--tot (a
    municipality or a list member in any of them, a region in the last one: ``_year``); every other
    command the one year of ``_year``."""
    if getattr(ctx, "info_name", None) != "reeks":
        return [_year(ctx, gm)]
    from burgernet_cost.domain.series import FIRST_YEAR

    params = ctx.params or {}
    van, tot = params.get("van"), params.get("tot")
    series = gm.bevolkingsreeks()
    try:
        return list(series.kies(van if isinstance(van, int) else FIRST_YEAR, tot if isinstance(tot, int) else series.jaren[-1]))
    except Exception:
        return list(series.kies(FIRST_YEAR, series.jaren[-1]))


def _year(ctx: Any, gm: Any) -> int:
    """The year the command on the line will use: the one rule of data/instant.py (--jaar, else the
    year of --peildatum, else the report's year); a year without figures: the report's year.
    ``reeks``: the last year of its range."""
    from burgernet_cost.data.instant import Tijdstip

    if getattr(ctx, "info_name", None) == "reeks":
        return _years(ctx, gm)[-1]
    params = ctx.params or {}
    jaar, peildatum = params.get("jaar"), params.get("peildatum")
    try:
        return int(Tijdstip(jaar if isinstance(jaar, int) else None, peildatum if isinstance(peildatum, str) else None).cbs_jaar(gm))
    except Exception:  # a year the data does not have: complete as without it
        return int(gm.kies_jaar(None))


def _names(ctx: Any, any_year: bool = False) -> Candidates:
    """Every municipality name of the year on the line (with its code and inhabitants), and the
    aliases; ``any_year``: of every year the command accepts (``reeks --gemeente``), each name with its newest row."""
    gm = _municipalities(ctx)
    years = _years(ctx, gm) if any_year else [_year(ctx, gm)]
    found: dict[str, str] = {}
    for year in reversed(years):
        for g in gm.lijst(year):
            found.setdefault(g.naam, f"{g.code}, {_number(g.inwoners)} inwoners ({year})")
    known = set(found)
    for a in gm.meta.aliassen:
        if a.gemeente in known and a.alias not in known:
            found.setdefault(a.alias, f"= {a.gemeente}")
    return sorted(found.items(), key=lambda c: c[0].casefold())


def _codes(ctx: Any) -> Candidates:
    """The CBS codes of the years the command looks names up in (``_years``), each with its name."""
    gm = _municipalities(ctx)
    found: dict[str, str] = {}
    for year in reversed(_years(ctx, gm)):
        for g in gm.lijst(year):
            found.setdefault(g.code, g.naam)
    return sorted(found.items())


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@_quiet
def gemeente(ctx: typer.Context, incomplete: str) -> Candidates:
    """--gemeente: a name, or after 'GM' a CBS code."""
    if incomplete[:2].upper() == "GM":
        return _codes(ctx)
    return _names(ctx, any_year=True)


def _own_matching(func: Callable[..., Candidates]) -> Callable[..., Candidates]:
    func.matches_itself = True  # type: ignore[attr-defined]
    return func


@_quiet
@_own_matching
def gemeenten(ctx: typer.Context, incomplete: str) -> Candidates:
    """--gemeenten A,B,C: the name (or code) after the last comma, matched as ``matches`` does; names
    already on the list are left out; a name with a comma in it (which the list would split) is
    offered as its CBS code."""
    from burgernet_cost.data.municipal_years import fold

    head, _, last = incomplete.rpartition(",")
    prefix = head + "," if head or incomplete.startswith(",") else ""
    chosen = {fold(part) for part in head.split(",") if part.strip()}
    if last.strip()[:2].upper() == "GM":
        return [(prefix + code, naam) for code, naam in _codes(ctx) if matches(code, last.strip()) and fold(code) not in chosen]
    by_name = {naam: code for code, naam in _codes(ctx)}
    out = []
    for value, info in _names(ctx, any_year=True):
        if fold(value) in chosen or not matches(value, last.lstrip()):
            continue
        if "," in value:  # the list would read it as two names: its code says it in one word
            value, info = by_name.get(value, ""), f"{value}: {info}"
            if not value or fold(value) in chosen:
                continue
        out.append((prefix + value, info))
    return out


@_quiet
def jaren(ctx: typer.Context, incomplete: str) -> Candidates:
    """--jaar (and reeks --van/--tot): every year with municipality figures, newest first; reeks the
    years of its population series, within the other bound already on the line."""
    gm = _municipalities(ctx)
    if getattr(ctx, "info_name", None) == "reeks":
        from burgernet_cost.domain.series import FIRST_YEAR

        params = ctx.params or {}
        years = [j for j in gm.bevolkingsreeks().jaren if j >= FIRST_YEAR]
        van, tot = params.get("van"), params.get("tot")
        years = [j for j in years if (not isinstance(van, int) or j >= van) and (not isinstance(tot, int) or j <= tot)]
    else:
        years = sorted(gm.jaren)
    return [(str(j), f"gemeenten en inwoners van 1-1-{j}") for j in sorted(years, reverse=True)]


@_quiet
def eenheid(ctx: typer.Context, incomplete: str) -> Candidates:
    gm = _municipalities(ctx)
    year = _year(ctx, gm)
    return [(name, _members(gm, year, "politie_eenheid", name)) for name in sorted(gm.eenheden(year))]


@_quiet
def veiligheidsregio(ctx: typer.Context, incomplete: str) -> Candidates:
    gm = _municipalities(ctx)
    year = _year(ctx, gm)
    return [(name, _members(gm, year, "veiligheidsregio", name)) for name in sorted(gm.veiligheidsregios(year))]


def _members(gm: Any, year: int, field: str, name: str) -> str:
    return f"{sum(1 for g in gm.lijst(year) if getattr(g, field) == name)} gemeenten ({year})"


@_quiet
def rol(ctx: typer.Context, incomplete: str) -> Candidates:
    return [(r.id, r.naam) for r in _dataset(ctx).tasks.rollen]


@_quiet
def toeslagen(ctx: typer.Context, incomplete: str) -> Candidates:
    """--toeslagen: geen, alle, or allowance ids separated by commas (the one after the last comma)."""
    head, _, _ = incomplete.rpartition(",")
    known = [(t.id, t.naam) for t in _dataset(ctx).salary.toeslagen]
    if not head:
        return [("geen", "zonder toeslagen"), ("alle", "alle toeslagen uit de data"), *known]
    chosen = {part.strip() for part in head.split(",")}
    return [(f"{head},{value}", info) for value, info in known if value not in chosen]


@_quiet
def model(ctx: typer.Context, incomplete: str) -> Candidates:
    """regio --model: every model of the data with an executor, with who performs what."""
    from burgernet_cost.domain.region import executor_models

    ds = _dataset(ctx)
    names = {u.id: u.naam for u in ds.models.uitvoerders}
    models = {m.id: m for m in ds.models.modellen}
    return [
        (ident, " / ".join(dict.fromkeys(names.get(e, e) for e in models[ident].uitvoering.values() if e != "gemeente")))
        for ident in executor_models(ds)
    ]


@_quiet
def schaalvoordeel(ctx: typer.Context, incomplete: str) -> Candidates:
    """--schaalvoordeel: UITVOERDER=PCT for each executor with a scale advantage, at the data's figure;
    for regio only those of its model (--model, or the default regionaal: none)."""
    from burgernet_cost.domain.compare import executors_of

    ds = _dataset(ctx)
    model = (ctx.params or {}).get("model") or "regionaal" if getattr(ctx, "info_name", None) == "regio" else None
    used = executors_of(ds, None if model is None else (model,))
    out = []
    for u in ds.models.uitvoerders:
        if u.schaalvoordeel is not None and u.id in used:
            out.append((f"{u.id}={u.schaalvoordeel.procent}", f"{u.naam} (de data: {u.schaalvoordeel.procent}%)"))
    return out


def choices(*options: tuple[str, str]) -> Callable[..., Candidates]:
    """A callback for a fixed set of values, each with a short explanation."""

    def callback(incomplete: str) -> Candidates:
        return list(options)

    return callback


PAKKET = choices(("basis", "basispakket"), ("aanvullend", "alleen de aanvulling"), ("volledig", "basis + aanvullend"))
TARIEF = choices(("berekend", "uit de uren"), ("advies", "het advies van §6"))
FORMAAT = choices(*((name, FORMATS[name].tab) for name in REPORT_FORMATS))
RAPPORT_FORMAAT = choices(*((name, FORMATS[name].tab) for name in DOCUMENT_FORMATS))
KOSTENBASIS = choices(("salaris", "CAR-UWO"), ("integraal", "loonkosten + overhead"))
SCHALING = choices(("per_inwoner", "naar het aantal inwoners"), ("per_gemeente", "per gemeente (§4.1.1)"))
PER = choices(("gemeente", "één regel per gemeente"), ("eenheid", "één regel per politie-eenheid"))
ORGANISATIE = choices(("gemeente", "§3"), ("politie", "Bijlage 1"), ("alle", "beide"))


def schema_names(incomplete: str) -> Candidates:
    """``bncost schema NAAM``: the commands with json output and the data files."""
    from burgernet_cost.cli.output_schemas import SAMPLES
    from burgernet_cost.data.jsonschema import SCHEMA_MODELS

    found = [(c, "de json van bncost " + c) for c in SAMPLES]
    return found + [(f, f"data/{f}") for f in SCHEMA_MODELS]
