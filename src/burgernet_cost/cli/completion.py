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
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import typer

Candidates = list[tuple[str, str]]


# --------------------------------------------------------------------------- the data in use


def _quiet(func: Callable[..., Candidates]) -> Callable[..., Candidates]:
    """No candidates instead of an error."""

    def guarded(ctx: typer.Context, incomplete: str) -> Candidates:
        try:
            return func(ctx, incomplete)
        except Exception:  # noqa: BLE001 - a broken data folder, an odd value: nothing to offer
            return []

    guarded.__name__ = func.__name__
    guarded.__doc__ = func.__doc__
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


def _year(ctx: Any, gm: Any) -> int:
    """The year the command on the line will use: the one rule of data/instant.py (--jaar, else the
    year of --peildatum, else the report's year); a year without figures: the report's year."""
    from burgernet_cost.data.instant import Tijdstip

    params = ctx.params or {}
    jaar, peildatum = params.get("jaar"), params.get("peildatum")
    try:
        return int(Tijdstip(jaar if isinstance(jaar, int) else None, peildatum if isinstance(peildatum, str) else None).cbs_jaar(gm))
    except Exception:  # noqa: BLE001 - a year the data does not have: complete as without it
        return int(gm.kies_jaar(None))


def _names(ctx: Any) -> Candidates:
    """Every municipality name of the year on the line (with its code and inhabitants), and the aliases."""
    gm = _municipalities(ctx)
    year = _year(ctx, gm)
    rows = gm.lijst(year)
    found = [(g.naam, f"{g.code}, {_number(g.inwoners)} inwoners ({year})") for g in rows]
    known = {g.naam for g in rows}
    found += [(a.alias, f"= {a.gemeente}") for a in gm.meta.aliassen if a.gemeente in known and a.alias not in known]
    return sorted(found, key=lambda c: c[0].casefold())


def _codes(ctx: Any) -> Candidates:
    gm = _municipalities(ctx)
    year = _year(ctx, gm)
    return [(g.code, g.naam) for g in sorted(gm.lijst(year), key=lambda g: g.code)]


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@_quiet
def gemeente(ctx: typer.Context, incomplete: str) -> Candidates:
    """--gemeente: a name, or after 'GM' a CBS code."""
    if incomplete[:2].upper() == "GM":
        return [(code, naam) for code, naam in _codes(ctx) if code.startswith(incomplete.upper())]
    return _names(ctx)


@_quiet
def gemeenten(ctx: typer.Context, incomplete: str) -> Candidates:
    """--gemeenten A,B,C: the name (or code) after the last comma; names already on the list are left out."""
    head, _, last = incomplete.rpartition(",")
    prefix = head + "," if head or incomplete.startswith(",") else ""
    chosen = {part.strip() for part in head.split(",")}
    options = _codes(ctx) if last[:2].upper() == "GM" else _names(ctx)
    if last[:2].upper() == "GM":
        last = last.upper()
    return [(prefix + value, info) for value, info in options if value not in chosen and value.startswith(last)]


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


def choices(*options: tuple[str, str]) -> Callable[..., Candidates]:
    """A callback for a fixed set of values, each with a short explanation."""

    def callback(incomplete: str) -> Candidates:
        return list(options)

    return callback


PAKKET = choices(("basis", "basispakket"), ("aanvullend", "alleen de aanvulling"), ("volledig", "basis + aanvullend"))
TARIEF = choices(("berekend", "uit de uren"), ("advies", "het advies van §6"))
FORMAAT = choices(
    ("table", "tabel (standaard)"), ("json", "JSON"), ("csv", "CSV"), ("csv-nl", "CSV met ; en decimale komma"), ("markdown", "Markdown")
)
RAPPORT_FORMAAT = choices(("html", "HTML-pagina"), ("xlsx", "Excel-werkmap"))
KOSTENBASIS = choices(("salaris", "CAR-UWO"), ("integraal", "loonkosten + overhead"))
SCHALING = choices(("per_inwoner", "naar het aantal inwoners"), ("per_gemeente", "per gemeente (§4.1.1)"))
MODEL = choices(("regionaal", "regionale uitvoerder"), ("landelijk", "landelijke uitvoerder"))
PER = choices(("gemeente", "één regel per gemeente"), ("eenheid", "één regel per politie-eenheid"))
ORGANISATIE = choices(("gemeente", "§3"), ("politie", "Bijlage 1"), ("alle", "beide"))


def schema_names(incomplete: str) -> Candidates:
    """``bncost schema NAAM``: the commands with json output and the data files."""
    from burgernet_cost.cli.output_schemas import SAMPLES
    from burgernet_cost.data.jsonschema import SCHEMA_MODELS

    found = [(c, "de json van bncost " + c) for c in SAMPLES]
    return found + [(f, f"data/{f}") for f in SCHEMA_MODELS]
