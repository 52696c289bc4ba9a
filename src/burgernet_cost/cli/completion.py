"""Tab completion: Typer's shell completion (bash, zsh, fish, PowerShell) with bncost's values.

``bncost --install-completion`` installs Typer's script for the user's shell and
``--show-completion`` prints it (help and messages in Dutch). At a Tab the shell runs bncost with
``_BNCOST_COMPLETE=complete_<shell>``; ``complete`` then builds only the command on the line and
lets Typer find the option being completed. Its ``autocompletion=`` callback (declared with the
option) answers from the data in use (``--data-dir`` on the line, else ``BNCOST_DATA_DIR``, else
the shipped data), at the year on the line (``--jaar``), read through the validated-data cache.

A completion never writes to the terminal except the candidates: anything on stderr is swallowed,
and a broken data folder, a missing git or any other failure gives no candidates.

Quoting: Typer's scripts insert a candidate as it is printed. zsh and fish quote what they insert
themselves; for bash and PowerShell the candidates are printed quoted as the shell needs them
("Bergen\\ \\(L.\\)", "\\'s-Hertogenbosch"). That is done by small subclasses of Typer's completion
classes, registered under the same shell names (a guarded shim like ``coercion.py``: if a Typer
release moves those classes, Typer's own are used and tests/test_completion.py fails loudly).
``--install-completion`` and ``--show-completion`` keep Typer's scripts and install locations
(``typer._completion_shared``); only their help and messages are ours.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Callable, Iterable
from typing import Any

import typer

from burgernet_cost.cli.registry import COMMANDS

COMPLETE_VAR = "_BNCOST_COMPLETE"
PROG = "bncost"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
INSTALL_HELP = "Installeer aanvullen met Tab voor de shell die u nu gebruikt (bash, zsh, fish of PowerShell)."
SHOW_HELP = "Toon het aanvulscript voor de shell die u nu gebruikt, om het zelf te installeren."

Candidates = list[tuple[str, str]]


# --------------------------------------------------------------------------- running a completion


def complete(build: Callable[[str | None], Any]) -> int:
    """Answer one completion request (the words come from the environment); the exit code."""
    words = _line_words()
    named = next((w for w in words[1:] if not w.startswith("-")), None)
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            command = typer.main.get_command(build(named if named in COMMANDS else None))
            _register_shells()
            command.main([], prog_name=PROG, complete_var=COMPLETE_VAR, standalone_mode=False)
        except SystemExit as exc:  # Typer ends a completion with sys.exit
            return exc.code if isinstance(exc.code, int) else 0
        except (Exception, KeyboardInterrupt):  # noqa: BLE001 - a completion never shows an error
            return 1
    return 0


def _line_words() -> list[str]:
    """The words of the command line being completed, as far as they can be read."""
    from typer._click.shell_completion import split_arg_string

    text = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        return split_arg_string(text)
    except Exception:  # noqa: BLE001
        return []


def _register_shells() -> None:
    """Our formatting of the candidates for each shell (see the module's docstring)."""
    try:
        from typer import _completion_classes as tc
        from typer._click.shell_completion import add_completion_class
    except ImportError:  # pragma: no cover - a Typer release without these: Typer's own formatting
        return
    for name, cls in _shell_classes(tc).items():
        add_completion_class(cls, name)


def _shell_classes(tc: Any) -> dict[str, type]:
    class Bash(tc.BashComplete):  # type: ignore[misc]
        def format_completion(self, item: Any) -> str:
            return bash_quote(item.value, _bash_opening_quote())

    class Zsh(tc.ZshComplete):  # type: ignore[misc]
        def format_completion(self, item: Any) -> str:
            value = f'"{_zsh_escape(item.value)}"'
            return f'{value}:"{_zsh_escape(_one_line(item.help))}"' if item.help else value

    class Fish(tc.FishComplete):  # type: ignore[misc]
        def format_completion(self, item: Any) -> str:
            return f"{item.value}\t{_one_line(item.help)}" if item.help else str(item.value)

    class PowerShell(tc.PowerShellComplete):  # type: ignore[misc]
        def get_completion_args(self) -> tuple[list[str], str]:
            args, incomplete = super().get_completion_args()
            return args, _unquote_powershell(incomplete)

        def format_completion(self, item: Any) -> str:
            return f"{powershell_quote(item.value)}:::{_one_line(item.help) or ' '}"

    return {"bash": Bash, "zsh": Zsh, "fish": Fish, "powershell": PowerShell, "pwsh": PowerShell}


_BASH_PLAIN = re.compile(r"[\w./,:@%+=^~-]")  # '~' stays: typed at the start, the shell expands it


def bash_quote(value: str, opening: str = "") -> str:
    """A candidate as bash must insert it: after an opening quote within that quote, else with
    a backslash before every character the shell would read specially (spaces, quotes, brackets)."""
    if opening == "'":
        return value.replace("'", "'\\''")
    if opening == '"':
        return re.sub(r'(["$`\\])', r"\\\1", value)
    return "".join(c if _BASH_PLAIN.fullmatch(c) else "\\" + c for c in value)


def _bash_opening_quote() -> str:
    """The quote the user opened the word being completed with ('' for none). Typer's bash script
    passes the words joined by newlines, as typed."""
    words = os.environ.get("COMP_WORDS", "").split("\n")
    try:
        word = words[int(os.environ.get("COMP_CWORD", ""))]
    except (ValueError, IndexError):
        return ""
    return word[:1] if word[:1] in ("'", '"') else ""


def powershell_quote(value: str) -> str:
    if re.fullmatch(r"[\w./,:@%+=-]+", value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _unquote_powershell(word: str) -> str:
    if word[:1] in ("'", '"'):
        quote = word[0]
        word = word[1:].removesuffix(quote)
        return word.replace(quote * 2, quote)
    return word


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# --------------------------------------------------------------------------- --install-completion, --show-completion


def adapt(params: Iterable[Any]) -> None:
    """Dutch help and messages for Typer's two completion options (on the ``bncost`` group)."""
    for param in params:
        if param.name == "install_completion":
            param.help, param.callback = INSTALL_HELP, _install
        elif param.name == "show_completion":
            param.help, param.callback = SHOW_HELP, _show


def _shell(value: Any) -> str:
    from typer._completion_shared import _get_shell_name

    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in SHELLS:
        from burgernet_cost.errors import UsageProblem

        found = f"de shell '{shell}' kent" if shell else "kan de shell niet bepalen en kent"
        raise UsageProblem(f"bncost {found} geen aanvullen met Tab; dat kan in bash, zsh, fish en PowerShell")
    return str(shell)


def _install(ctx: Any, param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    from burgernet_cost.cli.writing import write_text

    shell, path = install(shell=_shell(value), prog_name=PROG, complete_var=COMPLETE_VAR)
    write_text(
        f"Aanvullen met Tab voor {shell} is geïnstalleerd in {path}.\n"
        "Het werkt in een nieuw terminalvenster (of na het opnieuw laden van de shell).\n"
    )
    raise typer.Exit(0)


def _show(ctx: Any, param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import get_completion_script

    from burgernet_cost.cli.writing import write_text

    write_text(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=_shell(value)) + "\n")
    raise typer.Exit(0)


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
