"""Deliberately broken data sets (tests/broken/*.yaml): each gives exit 1 and names file, line, key.

Each case file describes one broken data set as a change to a copy of data/: replace ``old`` by
``new`` in ``file`` (and optionally append ``append``), then expect a message with the file name,
the line of the change, the key path and a Dutch explanation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CASES = sorted((Path(__file__).parent / "broken").glob("*.yaml"))


def apply(case: dict, data_dir: Path) -> int:
    """Apply the change; return the line number of the first changed line."""
    path = data_dir / case["file"]
    text = path.read_text(encoding="utf-8")
    assert case["old"] in text, f"case no longer matches data/{case['file']}: {case['old']!r}"
    index = text.index(case["old"])
    text = text.replace(case["old"], case["new"], 1) + case.get("append", "")
    path.write_text(text, encoding="utf-8")
    pairs = enumerate(zip(case["old"], case["new"], strict=False))  # texts of different lengths: the first difference
    first_diff = next((i for i, (a, b) in pairs if a != b), min(len(case["old"]), len(case["new"])))
    return text[: index + first_diff].count("\n") + 1


@pytest.mark.parametrize("command", ["estimate", "validate"])
@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_broken_data_set(bncost, data_copy, case_file, command):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    changed_line = apply(case, data_copy)
    if command == "estimate":
        r = bncost("estimate", "--inwoners", "1000", "--data-dir", data_copy)
        assert r.out == ""
        lines = r.err.strip().splitlines()
    else:
        r = bncost("validate", "--data-dir", data_copy)
        lines = [ln for ln in r.out.splitlines() if ln.startswith("Fout: ")]
        assert "Resultaat: ONGELDIG" in r.out
    assert r.code == 1, (r.out, r.err)
    assert "Traceback" not in r.err + r.out
    assert lines and all(line.startswith("Fout: ") for line in lines)
    expect = case["expect"]
    matching = [line for line in lines if expect["contains"] in line]
    assert matching, r.err
    line = matching[0]
    m = re.search(re.escape(case["file"]) + r":(\d+): ", line)
    assert m, line
    if "key" in expect:
        assert f": {expect['key']}: " in line, line
    # the reported line is the changed line or the start of the record that holds it (<= 8 lines up)
    assert 0 <= changed_line - int(m.group(1)) <= 8, (changed_line, line)


def test_all_errors_reported_together(bncost, data_copy):
    path = data_copy / "interviews.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("uren_per_maand: 419\n", "uren_per_maand: -1\n").replace("uren_per_maand: 2\n", "uren_per_maand: zero\n")
    path.write_text(text, encoding="utf-8")
    r = bncost("estimate", "-n", 5, "--data-dir", data_copy)
    assert r.code == 1
    assert "waarnemingen[3].uren_per_maand" in r.err and "waarnemingen[1].uren_per_maand" in r.err
