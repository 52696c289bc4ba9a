"""Help is Dutch throughout: no phrase of Typer's or Click's own English may show up (the help is
written by our command classes through Typer's public ``cls=`` hook; if a Typer release changes
what those classes rely on, this test says so)."""

from __future__ import annotations

import re

import pytest

from burgernet_cost.cli.registry import COMMANDS

ENGLISH = [
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Show this message",
    "default:",
    "required",
    "env var",
    "[OPTIONS]",
    "COMMAND",
    "[ARGS]",
    "<str>",
    "TEXT",
    "INTEGER",
    "FLOAT",
    "BOOLEAN",
    "DECIMAL",
    "Error",
    "Try ",
]


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], *([name, "--help"] for name in COMMANDS)])
def test_help_is_dutch(bncost, args):
    r = bncost(*args)
    assert r.code == 0 and r.err == ""
    assert r.out.startswith("Gebruik: bncost")
    found = [phrase for phrase in ENGLISH if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", r.out)]
    assert found == [], found
    if args and args[0] in COMMANDS:
        assert "Opties:" in r.out and "Toon deze hulp en stop." in r.out


def test_every_command_is_listed_with_its_help(bncost):
    out = bncost("--help").out
    for name, spec in COMMANDS.items():
        assert re.search(rf"^  {re.escape(name)} +{re.escape(spec.help.split(' ')[0])}", out, re.M), name


def test_defaults_and_required_in_dutch(bncost):
    out = bncost("estimate", "--help").out.replace("\n", " ")
    assert "[standaard: basis]" in re.sub(r"\s+", " ", out)
    diff = bncost("diff", "--help").out
    assert "BASIS" in diff and "Argumenten:" in diff
