"""The data steward's loop: diff sees every date either side knows and lists what was written; the
example workflow installs bncost as a user would and its gate fails when a needed job fails."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import DATA, REPO, add_observation

STEP = """  - datum: "2025-01-01"
    procent: 2.0
    cao: Cao gemeenten 2025-2027
    status: aanname
    bron: {document: Voorbeeld van een steward}
"""


def _add_step(data_dir: Path, step: str = STEP, known_until: str | None = "2025-01-01") -> None:
    """Append a CAO step after the last one (and move the date after which steps are unknown)."""
    path = data_dir / "salary_scales.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "\ncao_verhogingen_onbekend_na:"
    assert marker in text, "salary_scales.yaml layout changed"
    head, tail = text.split(marker, 1)
    text = head.rstrip("\n") + "\n" + step + marker + tail
    if known_until:
        old = yaml.safe_load(text)["cao_verhogingen_onbekend_na"]
        text = text.replace(f'cao_verhogingen_onbekend_na: "{old}"', f'cao_verhogingen_onbekend_na: "{known_until}"')
    path.write_text(text, encoding="utf-8")


def _json(bncost, *args: object) -> dict:
    r = bncost(*args, "-f", "json")
    assert r.code in (0, 1), r.err
    return json.loads(r.out, parse_float=Decimal)


def test_a_cao_step_after_the_newest_year_is_a_change_with_its_cost_effect(bncost, data_copy, dataset):
    _add_step(data_copy)
    r = bncost("diff", DATA, data_copy, "-f", "json")
    assert r.code == 0, r.out + r.err
    data = json.loads(r.out, parse_float=Decimal)
    changed = {k["kengetal"]: k for k in data["kengetallen"] if k["gewijzigd"]}
    rate = changed["standaardprofiel, 1-1-2025"]
    assert rate["nieuw"] == pytest.approx(rate["basis"] * Decimal("1.02"), abs=Decimal("0.0001"))  # the step's 2 %
    ref = dataset.models.referentiegemeente.inwoners
    ref_label = f"{ref:,}".replace(",", ".") + " inwoners, 1-1-2025"
    cost = changed[ref_label]
    assert cost["verschil"] > 0 and cost["procent"] == pytest.approx(Decimal(2), abs=Decimal("0.01"))
    # the step is dated inside the new data's newest year: without it nothing changes at the report's date
    assert all("1-1-2025" in label for label in changed)
    ids = {i["id"]: i for i in data["invoer"]}
    step = next(k.rsplit(".", 1)[0] for k in ids if k.endswith(".datum") and ids[k]["nieuw"] == "2025-01-01")
    assert ids[f"{step}.procent"]["nieuw"] == "2.0" and ids[f"{step}.procent"]["oud"] == "–"
    assert ids["salary_scales.cao_verhogingen_onbekend_na"]["nieuw"] == "2025-01-01"


def test_a_step_inside_a_year_gets_its_own_date(bncost, data_copy):
    _add_step(data_copy, STEP.replace("2025-01-01", "2026-07-01"), known_until="2026-07-01")
    labels = [k["kengetal"] for k in _json(bncost, "diff", DATA, data_copy)["kengetallen"]]
    assert "standaardprofiel, 1-7-2026" in labels and "standaardprofiel, 1-1-2026" in labels
    jaar = [k["kengetal"] for k in _json(bncost, "diff", DATA, data_copy, "--jaar", "2020")["kengetallen"]]
    assert "standaardprofiel, 1-1-2020" in jaar and "standaardprofiel, 1-7-2026" in jaar
    r = bncost("diff", DATA, data_copy, "--jaar", "2027")  # after the newest year either side knows: refused, not guessed
    assert r.code == 2 and "tot en met 2026" in r.err


def test_an_added_observation_lists_only_what_was_written(bncost, data_copy):
    add_observation(data_copy, id="steward-2026", taakgebied="beleid", pakket="basis", uren_per_maand=8, inwoners=60000,
                    meegewogen="true", status="gepubliceerd", bron="{document: Tijdregistratie 2026}")  # fmt: skip
    data = _json(bncost, "diff", DATA, data_copy)
    rows = {i["id"].split("].", 1)[1]: i for i in data["invoer"]}
    assert set(rows) == {"id", "taakgebied", "pakket", "uren_per_maand", "inwoners", "meegewogen", "status", "bron.document"}
    assert rows["meegewogen"]["nieuw"] == "true" and rows["uren_per_maand"]["nieuw"] == "8"
    lines = (data_copy / "interviews.yaml").read_text(encoding="utf-8").splitlines()
    for key, row in rows.items():
        assert row["oud"] == "–" and row["nieuw"] not in ("None", "True", "False")
        number = int(row["plaats"].rsplit(":", 1)[1])
        assert key.rsplit(".", 1)[-1] + ":" in lines[number - 1], (key, lines[number - 1])  # the line that holds it


# --------------------------------------------------------------------------- the example workflow


def _workflow() -> dict:
    return yaml.safe_load((REPO / ".github/workflows/data.yml").read_text(encoding="utf-8"))


def test_workflow_installs_bncost_as_a_user_would():
    import tomllib

    import burgernet_cost

    flow = _workflow()
    runs = [step.get("run", "") for job in flow["jobs"].values() for step in job["steps"]]
    assert not any("install ." in run for run in runs)
    spec = flow["env"]["BNCOST"]
    source = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Source"]
    assert spec == f"bncost @ git+{source}@v{burgernet_cost.__version__}"
    assert any('pip install "$BNCOST"' in run for run in runs)
    assert any(run.strip() == "bncost validate" for run in runs)  # the data/ of the data repository


def _gate(env: dict[str, str]) -> int:
    script = _workflow()["jobs"]["data-check"]["steps"][0]["run"]
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], env=env, capture_output=True, timeout=10).returncode


@pytest.mark.parametrize(
    ("changes", "data", "check", "passes"),
    [
        ("success", "true", "success", True),
        ("success", "false", "skipped", True),
        ("failure", "", "skipped", False),  # the job that detects a change failed: never green
        ("cancelled", "", "skipped", False),
        ("success", "true", "failure", False),
        ("success", "true", "skipped", False),
        ("success", "", "skipped", False),
    ],
)
def test_workflow_gate_fails_when_a_needed_job_fails(changes, data, check, passes):
    assert (_gate({"CHANGES": changes, "DATA": data, "CHECK": check}) == 0) is passes


def test_workflow_change_detection_fails_when_git_fails(tmp_path):
    script = next(s for s in _workflow()["jobs"]["changes"]["steps"] if s.get("id") == "diff")["run"]
    env = {"BASE_REF": "main", "GITHUB_OUTPUT": str(tmp_path / "out"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run(["bash", "-eo", "pipefail", "-c", script], env=env, cwd=tmp_path, capture_output=True, timeout=10)
    assert r.returncode != 0 and not (tmp_path / "out").exists()  # not a repository: no "data=false"


def test_precommit_hook_override_is_not_a_repeat(tmp_path):
    """The published hook's entry plus the documented args: the data folder named there is checked."""
    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    other = tmp_path / "elders" / "mijn-data"
    shutil.copytree(DATA, other)
    from burgernet_cost.cli import main

    argv = [*hook["entry"].split()[1:], "--data-dir", str(other)]
    assert main(argv) == 0
