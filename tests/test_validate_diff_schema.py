"""`bncost validate`, `bncost diff`, `bncost schema` and the files that wire them into CI."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import yaml

import oracle
from conftest import DATA, REPO


def test_shipped_data_is_valid(bncost):
    r = bncost("validate")
    assert r.code == 0, r.out
    assert "Resultaat: geldig (0 fouten" in r.out
    assert r.out.count("OK: [kalibratie]") == 2


def test_validate_json(bncost, dataset):
    r = bncost("validate", "--format", "json")
    data = json.loads(r.out)
    assert data["geldig"] is True and data["fouten"] == 0
    checks = {f["controle"] for f in data["bevindingen"]}
    assert {"schema", "verwijzingen", "kalibratie", "status"} <= checks
    assert data["waarschuwingen"] == sum(f["niveau"] == "waarschuwing" for f in data["bevindingen"])


def test_strict_turns_warnings_into_errors(bncost):
    r = bncost("validate", "--strict")
    assert r.code == 1
    assert "Fout: [status]" in r.out and "--strict" in r.out


def test_calibration_fails_when_report_hours_change(bncost, data_copy):
    path = data_copy / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 342\n", "uren_per_maand: 400\n"), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1
    unwrapped = r.out.replace("\n  ", " ")  # the text output wraps long lines with a two-space indent
    line = next(ln for ln in unwrapped.splitlines() if ln.startswith("Fout: [kalibratie]") and ", basis:" in ln)
    from burgernet_cost.data.loading import load_dataset

    ds = load_dataset(data_copy, use_cache=False)
    per = oracle.cost(ds, Decimal(400)) / 3_100_000
    assert f"berekend {oracle.euro(per, 4)} → {oracle.euro(per)}, maar het rapport meldt € 0,03" in line
    assert "interviews.yaml:" in line and "gerapporteerde_uitkomsten[0]" in line
    assert "400,00 uur/maand voor 3.100.000 inwoners" in line and oracle.euro(oracle.rate(ds), 4) in line

    r = bncost("diff", DATA, data_copy, "--format", "markdown")
    assert r.code == 1, r.err  # the new data fails calibration: the diff is shown, and it says so
    assert "Geldigheid nieuw:** ONGELDIG" in r.out
    rows = [ln for ln in r.out.splitlines() if ln.startswith("| ")]
    norm = next(ln for ln in rows if "Normen" in ln and "Relatiebeheer & communicatie, basis" in ln)
    assert "● " in norm and "11,03" in norm and "12,9" in norm
    tariff = next(ln for ln in rows if "Tarieven" in ln and "Relatiebeheer & communicatie, basis" in ln)
    old = oracle.cost(ds, oracle.hours(load_dataset(DATA), "relatiebeheer_communicatie", "basis", 3_100_000)) / 3_100_000
    assert oracle.euro(old, 4) in tariff and oracle.euro(per, 4) in tariff and f"+{oracle.euro(per - old, 4)}" in tariff
    beleid = next(ln for ln in rows if "Normen" in ln and "Beleid, basis" in ln)
    assert "●" not in beleid


def test_added_user_observation_keeps_calibration(bncost, data_copy):
    from conftest import add_observation

    add_observation(
        data_copy,
        id="eigen-tijdregistratie",
        taakgebied="relatiebeheer_communicatie",
        pakket="basis",
        uren_per_maand=20,
        inwoners=100000,
        meegewogen="true",
        status="gepubliceerd",
        bron="{document: Tijdregistratie Voorbeeldstad 2026}",
    )
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 0, r.out
    r = bncost("estimate", "-n", 3200000, "-f", "json", "--data-dir", data_copy)
    rbc = json.loads(r.out, parse_float=Decimal)["taakgebieden"][1]
    assert rbc["uren_per_maand"] == Decimal(342 + 20)  # pooled: (342 + 20) / (3.1M + 0.1M) * 3.2M


def test_diff_identical_and_formats(bncost):
    r = bncost("diff", DATA)
    assert r.code == 0
    assert "geen van de" in r.out and "●" not in r.out.split("Toelichting")[0]
    data = json.loads(bncost("diff", DATA, DATA, "-f", "json").out)
    assert data["gewijzigd"] == 0 and data["totaal"] == len(data["kengetallen"]) > 10
    rows = list(csv.DictReader(io.StringIO(bncost("diff", DATA, "-f", "csv").out)))
    assert rows and all(row["gewijzigd"] == "false" for row in rows)


def test_diff_invalid_side(bncost, data_copy):
    (data_copy / "tasks.yaml").write_text("taken: [\n", encoding="utf-8")
    r = bncost("diff", DATA, data_copy)
    assert r.code == 1
    assert r.err.startswith("Fout: [nieuw] ") and "tasks.yaml:" in r.err
    r = bncost("diff", data_copy)
    assert r.code == 1 and r.err.startswith("Fout: [basis] ")


def test_schemas_are_current():
    from burgernet_cost.data import jsonschema as schemas

    assert schemas.check(REPO / "schemas") == [], "schemas out of date with the models; run: python tools/regen.py"


def test_schema_check_detects_stale(bncost, tmp_path):
    r = bncost("schema", "--check", "--map", tmp_path)
    assert r.code == 1 and "niet actueel" in r.err
    r = bncost("schema", "--write", "--map", tmp_path)
    assert r.code == 0
    assert bncost("schema", "--check", "--map", tmp_path).code == 0
    assert not list(tmp_path.glob(".*.tmp"))


def test_data_files_point_to_their_schema():
    from burgernet_cost.data.jsonschema import SCHEMA_MODELS

    for name in SCHEMA_MODELS:
        first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
        schema = name.replace(".yaml", ".schema.json")
        assert first == f"# yaml-language-server: $schema=../schemas/{schema}"
        assert (REPO / "schemas" / schema).is_file()


def test_hook_and_workflow_files():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "bncost-validate" and hooks[0]["entry"] == "bncost validate"  # args: [--data-dir, pad] may follow
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [h["entry"] for repo in config["repos"] for h in repo["hooks"]]
    assert "bncost validate" in entries
    ci = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert any(step.get("run") == "bash .ci/run" for step in ci["jobs"]["test"]["steps"])
    data = yaml.safe_load((REPO / ".github/workflows/data.yml").read_text(encoding="utf-8"))
    assert set(data["jobs"]) == {"changes", "validate-and-diff", "data-check"}
    on = data.get("on", data.get(True))
    assert "paths" not in (on.get("pull_request") or {})


def test_readme_commands_match_ci():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in readme and "<!-- test-command -->" in run
    assert "<!-- run-command -->" in readme


def test_validate_reports_every_file_once(bncost, data_copy):
    """A syntax error in one file does not hide type errors in another; intact files are reported OK."""
    (data_copy / "tasks.yaml").write_text("taken: [\n", encoding="utf-8")
    path = data_copy / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 419\n", "uren_per_maand: -1\n"), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1
    assert "Fout: [schema] " in r.out and "tasks.yaml:" in r.out and "waarnemingen[3].uren_per_maand" in r.out
    assert "OK: [schema] salary_scales.yaml voldoet aan het schema" in r.out
    assert "OK: [schema] tasks.yaml" not in r.out and "OK: [schema] interviews.yaml" not in r.out


def test_validate_labels_reference_errors(bncost, data_copy):
    path = data_copy / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    taakgebied: beleid\n", "    taakgebied: beleidd\n", 1), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1 and "Fout: [verwijzingen] " in r.out and "bedoelde u 'beleid'" in r.out
    from burgernet_cost.data.loading import DATA_FILES

    assert r.out.count("OK: [schema]") == len(DATA_FILES)  # every file passes its schema; a reference is wrong
