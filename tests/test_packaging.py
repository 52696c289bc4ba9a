"""The package as others get it: the wheel (metadata, licence, py.typed, the data a steward edits
after a non-editable install) and the sdist (it holds what its tests read, and they pass from it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from conftest import DATA, REPO

pytest.importorskip("hatchling", reason="the test extra installs hatchling, which builds the packages without a network")


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    hatchling = [sys.executable, "-m", "hatchling", "build", "-d", str(out)]
    subprocess.run(hatchling, cwd=REPO, check=True, capture_output=True, timeout=300)
    return out


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """The wheel installed (not editable) into a folder of its own; its ``bin/bncost`` runs it."""
    target = tmp_path_factory.mktemp("site")
    wheel = next(dist.glob("bncost-*.whl"))
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target), str(wheel)]
    subprocess.run(pip, check=True, capture_output=True, timeout=300)
    return target


def _run(installed: Path, *args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "BNCOST_DATA_DIR"}
    full.update({"PYTHONPATH": str(installed), "COLUMNS": "100", **(env or {})})
    code = "import sys; from burgernet_cost.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=full, capture_output=True, text=True, timeout=120)


def test_wheel_metadata_licence_and_types(dist):
    wheel = zipfile.ZipFile(next(dist.glob("bncost-*.whl")))
    names = wheel.namelist()
    assert "burgernet_cost/py.typed" in names
    meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
    meta = Parser().parsestr(wheel.read(meta_name).decode("utf-8"))
    assert meta["License-Expression"] == "EUPL-1.2"
    assert any(n.endswith("licenses/LICENSE") for n in names)
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Source", "Issues", "Documentation"} <= set(urls)
    classifiers = meta.get_all("Classifier")
    assert "Typing :: Typed" in classifiers and "Natural Language :: Dutch" in classifiers
    assert "EUROPEAN UNION PUBLIC LICENCE" in (REPO / "LICENSE").read_text(encoding="utf-8").upper()


def test_a_key_typo_in_a_data_repository_is_found_after_a_normal_install(installed, tmp_path):
    """README's install is not editable: inside a data repository validate must check its data/."""
    assert not (installed / "burgernet_cost" / "shipped" / "data" / "interviews.yaml").samefile(DATA / "interviews.yaml")
    repo = tmp_path / "mijn-burgernet-data"
    shutil.copytree(DATA, repo / "data")
    (repo / "data" / "gemeenten").joinpath("notities").mkdir()
    path = repo / "data" / "interviews.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    uren_per_maand: 342\n", "    uren_per_mand: 342\n", 1), encoding="utf-8")
    for cwd, shown in ((repo, "data"), (repo / "data" / "gemeenten" / "notities", "../..")):
        r = _run(installed, "validate", cwd=cwd)
        assert r.returncode == 1, r.stdout + r.stderr
        found = [line for line in r.stdout.splitlines() if "uren_per_mand: onbekende sleutel" in line]
        assert found and "interviews.yaml:" in found[0], r.stdout
        assert r.stderr.splitlines()[0].startswith(f"bncost rekent met de data in {shown} ")
    outside = tmp_path / "elders"
    outside.mkdir()
    r = _run(installed, "validate", cwd=outside)
    assert r.returncode == 0 and "geldig" in r.stdout and r.stderr == ""  # the shipped copy
    assert _run(installed, "validate", "--data-dir", str(DATA), cwd=repo).returncode == 0
    assert _run(installed, "validate", cwd=repo, env={"BNCOST_DATA_DIR": str(DATA)}).returncode == 0


#: what the tests read besides tests/ (tests/test_validate_diff_schema.py and others open them by path)
READ_BY_TESTS = [
    "README.md",
    "LICENSE",
    "pyproject.toml",
    ".ci/run",
    ".pre-commit-hooks.yaml",
    ".pre-commit-config.yaml",
    ".github/workflows/ci.yml",
    ".github/workflows/data.yml",
    "docs/architectuur.md",
    "docs/bibliotheek.md",
    "examples/alle_gemeenten.py",
    "schemas/interviews.schema.json",
    "data/gemeenten/gemeenten_2024.csv",
    "tests/golden/commands.txt",
    "tests/broken",
]


def test_sdist_holds_what_its_tests_read_and_they_pass_from_it(dist, tmp_path):
    with tarfile.open(next(dist.glob("bncost-*.tar.gz"))) as archive:
        archive.extractall(tmp_path, filter="data")
    root = next(tmp_path.glob("bncost-*"))
    missing = [name for name in READ_BY_TESTS if not (root / name).exists()]
    assert missing == []
    tracked = {p.relative_to(REPO).as_posix() for folder in ("data", "schemas", "tests") for p in (REPO / folder).rglob("*") if p.is_file()}
    tracked = {t for t in tracked if "__pycache__" not in t and not t.endswith(".pyc")}
    assert {t for t in tracked if not (root / t).is_file()} == set()
    env = {k: v for k, v in os.environ.items() if k != "BNCOST_DATA_DIR"}
    env["PYTHONPATH"] = str(root / "src")  # the sdist's code, not this checkout's
    quick = ["tests/test_validate_diff_schema.py", "tests/test_steward.py::test_workflow_installs_bncost_as_a_user_would"]
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *quick],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert " passed" in r.stdout and " failed" not in r.stdout


def test_shell_scripts_are_shellcheck_clean(tmp_path):
    """.ci/run and the shell steps of the example data workflow (GitHub's ubuntu runners have shellcheck)."""
    import yaml

    if not shutil.which("shellcheck"):
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    flow = yaml.safe_load((REPO / ".github/workflows/data.yml").read_text(encoding="utf-8"))
    scripts = [REPO / ".ci" / "run"]
    for name, job in flow["jobs"].items():
        for n, step in enumerate(job["steps"]):
            if "run" in step:
                assert "${{" not in step["run"], f"{name}: an expression in a script (pass it through env:)"
                script = tmp_path / f"{name}-{n}.sh"
                script.write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + step["run"], encoding="utf-8")
                scripts.append(script)
    r = subprocess.run(["shellcheck", "--severity=info", *map(str, scripts)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout
