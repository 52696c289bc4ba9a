"""One regeneration: ``python tools/regen.py`` runs every generator in order, and every test that
compares a generated file names that one command when the file is stale (issue 26)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _regen():
    spec = importlib.util.spec_from_file_location("regen", REPO / "tools" / "regen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generators_run_models_first_then_data_then_outputs():
    steps = [targets for _, _, targets in _regen().STEPS]
    order = [t[0] for t in steps]
    assert order.index("src/burgernet_cost/data/record_types") < order.index("schemas") < order.index("tests/golden/cases")
    assert order[-1] == "tests/golden/rapport"  # the documents last: they read everything before them


def test_every_stale_message_names_the_one_command():
    """No test tells a maintainer to run a single generator (the order is the regen command's)."""
    single = re.compile(r"python tests/[\w/]+\.py")
    offenders = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "assert" in line and single.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}")
    assert offenders == []
    assert "python tools/regen.py" in (REPO / "docs" / "architectuur.md").read_text(encoding="utf-8")


def test_one_list_of_formats():
    """output/formats.py is the list; the renderers, --format, its completion and --uitvoer follow it."""
    from burgernet_cost.cli import completion, parsers, writing
    from burgernet_cost.output import formats, renderers

    assert set(renderers.RENDERERS) == set(formats.REPORT_FORMATS) and parsers.FORMATS == formats.REPORT_FORMATS
    assert set(renderers.DOCUMENT_RENDERERS) == set(formats.DOCUMENT_FORMATS)
    assert [name for name, _ in completion.FORMAAT("")] == list(formats.REPORT_FORMATS)
    assert [name for name, _ in completion.RAPPORT_FORMAAT("")] == list(formats.DOCUMENT_FORMATS)
    assert writing.format_for("uit.csv", None, formats.REPORT_FORMATS) == "csv"
    assert writing.format_for("uit.csv", "csv-nl", formats.REPORT_FORMATS) == "csv-nl"
    assert writing.format_for("uit.htm", None, formats.DOCUMENT_FORMATS) == "html"
    literal = re.compile(r"""["']csv-nl["']""")
    written = [
        str(p.relative_to(REPO))
        for p in sorted((REPO / "src").rglob("*.py"))
        if p.name not in ("formats.py", "renderers.py") and literal.search(p.read_text(encoding="utf-8"))
    ]
    assert written == []  # no second list of the formats anywhere in the package
