from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
#: wall-clock assertions only when asked (CI runs them separately: `BNCOST_TIMING=1 pytest -m timing`);
#: a busy machine must not fail the suite. Speed itself is measured by benchmarks/.
TIMING = os.environ.get("BNCOST_TIMING") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if TIMING:
        return
    skip = pytest.mark.skip(reason="wall-clock test: BNCOST_TIMING=1 runs it")
    for item in items:
        if "timing" in item.keywords:
            item.add_marker(skip)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def bncost(capsys, monkeypatch):
    """Run the CLI in-process through ``main`` (the real error handling) and capture its output.

    The terminal width is fixed (wide) so that text output is stable to assert on.
    """
    from burgernet_cost.cli import main

    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.delenv("BNCOST_DATA_DIR", raising=False)

    def run(*args: str) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def dataset():
    from burgernet_cost.data.loading import load_dataset

    return load_dataset(DATA)


def add_observation(data_dir: Path, **fields: object) -> None:
    """Append a user observation to data_dir/interviews.yaml (before the reported results)."""
    path = data_dir / "interviews.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "\n# De uitkomsten die het rapport meldt"
    assert marker in text, "interviews.yaml layout changed"
    body = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    entry = "  - " + body[4:]
    path.write_text(text.replace(marker, "\n" + entry + marker.lstrip("\n"), 1), encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """The tests use a cache folder of their own, never the user's."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    folder.chmod(0o700)
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old
