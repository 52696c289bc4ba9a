"""Golden corpus: the outputs of every command, format, --uitleg and error kind stay as recorded.

A difference is either a bug or an intended change; for the latter, run ``python tools/regen.py``
(every generator in order; ``python tests/golden/record.py NAME`` records one case) and list the
difference in the commit message.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))

from runner import corpus, expected_path, run


@pytest.mark.parametrize(("name", "args"), corpus(), ids=[name for name, _ in corpus()])
def test_golden(name: str, args: list[str]) -> None:
    expected = expected_path(name)
    assert expected.exists(), f"no golden file for {name}; run: python tools/regen.py"
    stale = f"{name} differs from its golden file; run: python tools/regen.py and read the diff"
    assert run(args) == expected.read_text(encoding="utf-8"), stale


def test_every_golden_file_has_a_case() -> None:
    names = {name for name, _ in corpus()}
    files = {p.stem for p in expected_path("x").parent.glob("*.txt")}
    assert files == names, "run: python tools/regen.py"


@pytest.mark.parametrize(
    ("name", "args"),
    [(n, a) for n, a in corpus() if not {"-f", "--format"} & set(a)],
    ids=[n for n, a in corpus() if not {"-f", "--format"} & set(a)],
)
def test_text_fits_80_columns(name: str, args: list[str]) -> None:
    """The golden corpus runs at COLUMNS=80: every line people read (table output, help) fits."""
    stdout = expected_path(name).read_text(encoding="utf-8").split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]
    long = [line for line in stdout.splitlines() if len(line) > 80]
    assert not long, long[:3]
    assert not any(line != line.rstrip() for line in stdout.splitlines()), "trailing spaces"
