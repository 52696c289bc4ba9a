"""Run the golden corpus in-process: the real ``main`` with its error handling, from the repository
root, at 80 columns, with the shipped data. Shared by the test and by ``record.py``."""

from __future__ import annotations

import contextlib
import io
import os
import shlex
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES = HERE / "cases"


def corpus() -> list[tuple[str, list[str]]]:
    out = []
    for line in (HERE / "commands.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, args = line.partition(":")
        out.append((name.strip(), shlex.split(args)))
    return out


@contextlib.contextmanager
def _environment() -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    os.environ["COLUMNS"] = "80"
    os.environ.pop("BNCOST_DATA_DIR", None)
    os.environ.pop("BNCOST_DEBUG", None)
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def run(args: list[str]) -> str:
    """The case's exit code, stdout and stderr as one text."""
    from burgernet_cost.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _environment(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return f"$ bncost {shlex.join(args)}\nexit: {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def expected_path(name: str) -> Path:
    return CASES / f"{name}.txt"
