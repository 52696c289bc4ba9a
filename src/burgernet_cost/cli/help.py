"""Dutch for the few fixed phrases of Typer's help output ("Usage", "Options", …).

Typer (and the Click it vendors) call ``gettext`` for these phrases without a domain of their
own, so no catalogue can be installed for them alone; instead the module-level ``_`` of the
modules that format help is pointed at a small dictionary. If a Typer release moves these
phrases, help simply stays partly English: nothing else depends on it.
"""

from __future__ import annotations

PHRASES = {
    "Usage:": "Gebruik:",
    "Usage: ": "Gebruik: ",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Commando's",
    "required": "verplicht",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "(dynamic)": "(dynamisch)",
    "Aborted!": "Afgebroken.",
}

_installed = False


def translate(message: str) -> str:
    return PHRASES.get(message, message)


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    import typer.core

    if hasattr(typer.core, "_"):
        typer.core._ = translate  # type: ignore[attr-defined]
    try:
        from typer._click import decorators, formatting
    except ImportError:  # pragma: no cover - other Typer layout
        return
    _patch_help_option(decorators)
    _patch_usage_prefix(formatting)


def _patch_help_option(decorators) -> None:  # type: ignore[no-untyped-def]
    original = getattr(decorators, "help_option", None)
    if original is None or getattr(original, "_bncost", False):
        return

    def help_option(param_decls):  # type: ignore[no-untyped-def]
        decorate = original(param_decls)

        def apply(command):  # type: ignore[no-untyped-def]
            result = decorate(command)
            params = getattr(command, "params", None)
            if params and getattr(params[-1], "help", None) == "Show this message and exit.":
                params[-1].help = PHRASES["Show this message and exit."]
            return result

        return apply

    help_option._bncost = True  # type: ignore[attr-defined]
    decorators.help_option = help_option


def _patch_usage_prefix(formatting) -> None:  # type: ignore[no-untyped-def]
    cls = getattr(formatting, "HelpFormatter", None)
    if cls is None or getattr(cls.write_usage, "_bncost", False):
        return
    original = cls.write_usage

    def write_usage(self, prog, args="", prefix=None):  # type: ignore[no-untyped-def]
        return original(self, prog, args, PHRASES["Usage: "] if prefix is None else prefix)

    write_usage._bncost = True  # type: ignore[attr-defined]
    cls.write_usage = write_usage
