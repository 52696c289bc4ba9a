"""Turning option values into Python values without Typer's pydantic adapters.

Typer 0.29 builds a pydantic ``TypeAdapter`` for every parameter on every run, which imports
pydantic's validation machinery (~65 ms) even when bncost's own data comes from the cache. Every
bncost option is either a flag, plain text, a list of texts or has a ``parser=`` of our own that
does all conversion and checking (``parsers.py``), so no adapter is needed. ``install`` gives each
parameter of a command a small coercion of its own.

Only public names of Typer are used: each parameter's ``get_runtime_param()`` (what Typer's
``process_value`` asks for the coercion) is answered by our own, and the parameter's
``type_descriptor.parameter_info.parser`` tells which parser the option declared. If a Typer
release renames these, ``install`` leaves the parameter alone (Typer's own coercion runs, correct but
slower) and tests/test_startup.py, which checks that a run imports no pydantic, fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ParserCoercion:
    """Coerce a parameter's value with its own parser (or leave text, flags and lists as they are)."""

    def __init__(self, parser: Callable[[Any], Any] | None) -> None:
        self.parser = parser

    def runtime(self) -> ParserCoercion:
        """Answers the parameter's ``get_runtime_param()``: this object, whose ``coerce`` Typer calls."""
        return self

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = getattr(param, "multiple", False) or getattr(param, "nargs", 1) == -1
        if value is None:
            return () if multiple else None
        if multiple:
            return [self.parser(v) for v in value] if self.parser else list(value)
        return self.parser(value) if self.parser else value


def install(params: list[Any]) -> int:
    """Give every parameter that Typer would coerce with an adapter our own coercion; returns how many."""
    done = 0
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        info = getattr(descriptor, "parameter_info", None)
        if info is None or not callable(getattr(param, "get_runtime_param", None)):
            continue  # not a Typer parameter as we know it: leave it to Typer
        if isinstance(getattr(param.get_runtime_param, "__self__", None), ParserCoercion):
            continue
        annotation = getattr(descriptor, "annotation", None)
        parser = getattr(info, "parser", None)
        if parser is None and annotation not in (str, bool) and not _is_text_list(annotation):
            continue  # a type we did not declare with a parser: Typer knows best
        param.get_runtime_param = ParserCoercion(parser).runtime
        done += 1
    return done


def _is_text_list(annotation: Any) -> bool:
    import typing

    return typing.get_origin(annotation) is list and typing.get_args(annotation) in ((str,), ())
