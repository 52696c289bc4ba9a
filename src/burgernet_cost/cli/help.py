"""Dutch help through Typer's public hooks: the command and group classes (``cls=``) write the usage
line, the sections and every option's line themselves, in Dutch. Nothing of Typer is patched.

A test (tests/test_help.py) fails when an English phrase of Typer's or Click's help shows up.
"""

from __future__ import annotations

from typing import Any

import typer.core

USAGE = "Gebruik: "
OPTIONS_METAVAR = "[OPTIES]"
SUBCOMMAND_METAVAR = "COMMANDO [ARGUMENTEN]..."
HELP_TEXT = "Toon deze hulp en stop."


def _record(param: Any, ctx: Any) -> tuple[str, str] | None:
    """One option or argument as (left, right) in Dutch: flags and metavar, help, and in brackets
    the default, whether it is required and its environment variable."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        left = param.metavar or param.name.upper()
    else:
        left = ", ".join(sorted(param.opts, key=lambda o: len(o) - len(o.lstrip("-"))))  # -n, --inwoners
        if param.secondary_opts:
            left += " / " + ", ".join(param.secondary_opts)
        if not param.is_flag and not getattr(param, "count", False):
            left += f" {param.metavar or param.name.upper()}"
    help_text = HELP_TEXT if param.name == "help" else (getattr(param, "help", None) or "")
    extra = []
    if getattr(param, "envvar", None) and getattr(param, "show_envvar", False):
        extra.append(f"omgevingsvariabele: {param.envvar}")
    default = param.default
    if param.param_type_name == "option" and param.show_default and default not in (None, False, "", ()) and not param.is_flag:
        extra.append(f"standaard: {default}")
    if param.required:
        extra.append("verplicht")
    if extra:
        help_text = f"{help_text}  [{'; '.join(extra)}]" if help_text else f"[{'; '.join(extra)}]"
    return left, help_text


def _write_params(command: Any, ctx: Any, formatter: Any) -> None:
    arguments = [r for p in command.get_params(ctx) if p.param_type_name == "argument" and (r := _record(p, ctx))]
    options = [r for p in command.get_params(ctx) if p.param_type_name == "option" and (r := _record(p, ctx))]
    if arguments:
        with formatter.section("Argumenten"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Opties"):
            formatter.write_dl(options)


class _Shared:
    """What the command and the group share: our own option coercion and the Dutch usage line."""

    def get_params(self, ctx: Any) -> list[Any]:
        from burgernet_cost.cli.coercion import install

        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        install(params)  # the help option is made here, after __init__
        return params

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE)  # type: ignore[attr-defined]


class DutchCommand(_Shared, typer.core.TyperCommand):
    """A command whose help is Dutch throughout (and whose options our own parsers coerce, see
    ``coercion.py``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["options_metavar"] = OPTIONS_METAVAR
        super().__init__(*args, **kwargs)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        arguments = [p.metavar or p.name.upper() for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return [OPTIONS_METAVAR, *arguments]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _write_params(self, ctx, formatter)


class DutchGroup(_Shared, typer.core.TyperGroup):
    """The ``bncost`` group: Dutch help, and the list of commands from the registry (so that the
    list needs no command to be built)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["options_metavar"] = OPTIONS_METAVAR
        kwargs["subcommand_metavar"] = SUBCOMMAND_METAVAR
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        from burgernet_cost.cli.registry import COMMANDS

        _write_params(self, ctx, formatter)
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, _short(spec.help, limit)) for name, spec in COMMANDS.items()]
        with formatter.section("Commando's"):
            formatter.write_dl(rows)


def _short(text: str, limit: int) -> str:
    first = text.split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[: limit - 3].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "..."
