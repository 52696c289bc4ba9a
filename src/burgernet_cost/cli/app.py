"""The ``bncost`` command line: the app, built for the one command a run invokes, and ``main``.

Start-up stays light: this module imports typer and the option declarations only; a command's
module, the data, the models and tabulate are imported when that command runs. Errors:
usage problems exit 2, invalid data exits 1, each as one Dutch line on stderr ("Fout: …"), never
a traceback (set BNCOST_DEBUG=1 to see one for an internal error).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import Annotated, Any

import typer

from burgernet_cost import __version__
from burgernet_cost.cli.help import DutchCommand, DutchGroup
from burgernet_cost.cli.registry import COMMANDS
from burgernet_cost.cli.writing import INVOCATION as output_invocation
from burgernet_cost.cli.writing import (
    OutputError,
    ReaderGone,
    note_replaced,
    output_problem,
    say_error,
    say_note,
    silence_stdout,
    write_text,
)
from burgernet_cost.errors import BncostError, DataErrors, UsageProblem, quote

HELP = """\
bncost rekent uit wat de gemeentelijke Burgernet-taken een gemeente kosten (uren, fte, euro's)
en wat zij betaalt in elk inrichtingsmodel (gemeentelijk, regionaal, landelijk).

Alle cijfers komen uit de YAML-bestanden in data/ (het rapport 'Gemeentelijke taken Burgernet',
Programmabureau Burgernet, 2014), elk met bron en status.
"""
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _version(value: bool) -> None:
    if value:
        write_text(f"bncost {__version__}\n")
        raise typer.Exit(0)


def _install_completion(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from burgernet_cost.cli.completion_install import install

        install()
        raise typer.Exit(0)


def _show_completion(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from burgernet_cost.cli.completion_install import show

        show()
        raise typer.Exit(0)


INSTALL_HELP = "Installeer aanvullen met Tab voor de shell die u nu gebruikt (bash, zsh, fish of PowerShell)."
SHOW_HELP = "Toon het aanvulscript voor de shell die u nu gebruikt, om het zelf te installeren."


def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie en stop.")] = False,
    install_completion: Annotated[
        bool, typer.Option("--install-completion", callback=_install_completion, is_eager=True, help=INSTALL_HELP)
    ] = False,
    show_completion: Annotated[bool, typer.Option("--show-completion", callback=_show_completion, is_eager=True, help=SHOW_HELP)] = False,
) -> None:
    """bncost: kosten van de gemeentelijke Burgernet-taken."""


def build(command: str | None = None) -> typer.Typer:
    """The app with every command registered, or only ``command`` (what a run needs; "" for none:
    the list of commands in the help comes from the registry)."""
    app = typer.Typer(
        name="bncost",
        help=HELP,
        cls=DutchGroup,
        rich_markup_mode=None,
        add_completion=False,
        no_args_is_help=True,
        context_settings=CONTEXT,
    )
    app.callback()(_root)
    for name, spec in COMMANDS.items():
        if command is None or name == command:
            module = importlib.import_module(f"burgernet_cost.cli.{spec.module}")
            from burgernet_cost.cli.options import with_shared  # loaded by the command's module already

            function = with_shared(getattr(module, spec.function))
            app.command(name, help=spec.help, cls=DutchCommand, context_settings=CONTEXT)(function)
    return app


def _invoked(args: list[str]) -> str:
    """The command a command line names ('' when none: help, --version, or an unknown word)."""
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else ""
    return ""


# --------------------------------------------------------------------------- errors


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
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            return f"het argument {getattr(param, 'metavar', None) or name} ontbreekt; zie 'bncost {_command(exc)} --help'"
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
        word = message.split("'")[1] if "'" in message else message
        import difflib

        close = difflib.get_close_matches(word, list(COMMANDS), n=1)
        return f"onbekend commando {quote(word)}" + (f"; bedoelde u '{close[0]}'?" if close else "; zie 'bncost --help'")
    if message.startswith("Got unexpected extra argument"):
        import re

        found = re.search(r"\(([^()]*)\)\s*$", message)
        extra = found.group(1) if found else message
        return f"onverwacht argument '{extra}'; bevat een naam een spatie? Zet hem tussen aanhalingstekens, bijv. --gemeente \"Den Haag\""
    if message.startswith("Missing command"):
        return "geen commando opgegeven; zie 'bncost --help'"
    return f"ongeldig gebruik: {message}"


def _command(exc: Exception) -> str:
    ctx = getattr(exc, "ctx", None)
    return getattr(getattr(ctx, "command", None), "name", None) or "COMMANDO"


def _message(exc: BncostError) -> str:
    """A library error as the user should read it: the field it is about as its option."""
    if isinstance(exc, UsageProblem) and exc.field:
        return f"--{exc.field.replace('_', '-')}: {exc.message}"
    return str(exc)


def _fail(exc: BncostError) -> None:
    """One 'Fout:' line per problem: a list of data errors line by line, any other message whole."""
    say_error([str(e) for e in exc.errors] if isinstance(exc, DataErrors) else [_message(exc)])


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 invalid data, 2 usage, 74 output could not be
    written, 130 interrupted, 141 the reader went away)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if os.environ.get("_BNCOST_COMPLETE"):  # a Tab in the shell: candidates only, never an error
        from burgernet_cost.cli.completion_protocol import complete

        return complete(build)
    if sys.stdout is None:
        say_error(["de uitvoer kan niet worden geschreven: standaarduitvoer is gesloten"])
        return OutputError.exit_code
    previous = _on_sigterm()
    try:
        code = _run(args)
        write_text("")  # the final flush: a full disk shows here
        note_replaced(getattr(sys.stdout, "encoding", None))
        return code
    except ReaderGone:
        silence_stdout()
        return ReaderGone.exit_code
    except OutputError as exc:
        silence_stdout()
        say_error([exc.message])
        return exc.exit_code
    except BrokenPipeError:
        silence_stdout()
        return ReaderGone.exit_code
    except OSError as exc:  # raised while writing help (Typer's own echo): the output failed
        if getattr(exc, "filename", None) is not None:
            raise
        silence_stdout()
        say_error([output_problem(exc)])
        return OutputError.exit_code
    finally:
        forget_member_file_state()  # a library call after this run reads a workbook's first sheet again
        _restore_sigterm(previous)


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C (a batch removes its temporary folder), then exit 143."""

    exit_code = 143


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated()


def _on_sigterm() -> Any:
    """SIGTERM ends the run like Ctrl-C does: cleaned up, with 'Fout: afgebroken'. Only from the main
    thread, and only where no one else handles it."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        if signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
            return None
        return signal.signal(signal.SIGTERM, _terminate)
    except (ValueError, OSError, AttributeError):
        return None


def _restore_sigterm(previous: Any) -> None:
    import signal

    if previous is not None:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, previous)


#: the arguments of this run (``rapport`` writes them into its colophon: the command that reproduces
#: it; ``--uitvoer`` compares its target with the run's input files); lives in ``output``
INVOCATION = output_invocation


def forget_member_file_state() -> None:
    """What one run set for reading a member list (modules loaded only by commands that read one):
    a note it did not say (it stopped early) and the sheet of its --blad, which would otherwise
    choose the sheet of a later run's (or a library call's) workbook that names none."""
    member_file = sys.modules.get("burgernet_cost.data.member_file")
    if member_file is not None:
        member_file.NOTES.clear()
    member_workbook = sys.modules.get("burgernet_cost.data.member_workbook")
    if member_workbook is not None:
        member_workbook.SHEET.set(None)
    commands = sys.modules.get("burgernet_cost.cli.commands")
    if commands is not None:
        commands.LIST_NAME.set(None)
    reading = sys.modules.get("burgernet_cost.data.reading")
    if reading is not None:
        reading.INPUTS.clear()  # the files a run read: an output of the next run may be written over them


def _prepared(command: Any, invoked: str, args: list[str]) -> list[str]:
    """The arguments the command runs with: an option given twice refused, and inside a data
    repository its data/ as --data-dir, said in one line on stderr (cli/local_data.py)."""
    from burgernet_cost.cli import local_data
    from burgernet_cost.cli.repeats import check_repeats

    check_repeats(command, invoked, args)
    args, remark = local_data.apply(command, invoked, args)
    if remark:
        say_note(remark)
    return args


def _run(args: list[str]) -> int:
    INVOCATION[:] = args  # what the user typed (the data folder found here is added by _prepared)
    forget_member_file_state()
    invoked = _invoked(args)
    try:
        command = typer.main.get_command(build(invoked))
        args = _prepared(command, invoked, args)
        result: Any = command.main(args, prog_name="bncost", standalone_mode=False)
    except (OutputError, ReaderGone):
        raise
    except BncostError as exc:  # DataErrors included: one line per problem
        _fail(exc)
        return exc.exit_code
    except typer.Exit as exc:
        if exc.exit_code == INTERRUPTED:
            say_error(["afgebroken (Ctrl-C)"])
        return exc.exit_code
    except Terminated:
        say_error(["afgebroken (SIGTERM)"])
        return Terminated.exit_code
    except typer.Abort:
        say_error(["afgebroken"])
        return 1
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            write_text(exc.format_message() + "\n")
            return 0
        say_error([_translate_usage(exc)])
        return int(getattr(exc, "exit_code", 2))
    except KeyboardInterrupt:
        say_error(["afgebroken (Ctrl-C)"])
        return 130
    except (BrokenPipeError, OSError) as exc:
        if isinstance(exc, BrokenPipeError) or getattr(exc, "filename", None) is None:
            raise
        say_error([f"interne fout ({type(exc).__name__}); meld dit, met BNCOST_DEBUG=1 voor details"])
        return 70
    except Exception as exc:  # the last line of defence: no tracebacks for users
        if os.environ.get("BNCOST_DEBUG", "").strip() == "1":
            raise
        say_error([f"interne fout ({type(exc).__name__}: {exc}); meld dit, met BNCOST_DEBUG=1 voor details"])
        return 70
    if result == INTERRUPTED:  # Typer turns Ctrl-C into exit code 130, returned without a word
        say_error(["afgebroken (Ctrl-C)"])
    return result if isinstance(result, int) else 0


INTERRUPTED = 130
