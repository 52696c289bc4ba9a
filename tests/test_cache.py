"""The validated-data cache: outputs are the same with it and without it, it is never trusted
when it could be someone else's, and a broken cache means no cache, not an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))

from runner import corpus, run

CASES = [(n, a) for n, a in corpus() if not n.startswith(("err-", "help", "version")) and not n.endswith("-help")]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("BNCOST_NO_CACHE", raising=False)
    return folder / "bncost"


@pytest.mark.parametrize(("name", "args"), CASES, ids=[n for n, _ in CASES])
def test_same_output_cold_warm_and_without_cache(fresh_cache, monkeypatch, name, args):
    cold = run(args)
    warm = run(args)
    monkeypatch.setenv("BNCOST_NO_CACHE", "1")
    assert run(args) == cold == warm


def test_entries_are_written_once_and_only_for_plain_data(fresh_cache):
    run(["estimate", "-n", "1000"])
    run(["regio", "--alle"])
    names = sorted(p.name.split("-")[0] for p in fresh_cache.glob("*.json"))
    assert names == ["dataset", "gemeenten"]
    before = {p: p.stat().st_mtime_ns for p in fresh_cache.glob("*.json")}
    run(["estimate", "-n", "1000", "--set", "inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=20"])
    run(["validate"])
    assert {p: p.stat().st_mtime_ns for p in fresh_cache.glob("*.json")} == before
    assert oct(fresh_cache.stat().st_mode & 0o777) == "0o700"


def _poison(folder: Path) -> None:
    """Put a wrong number into every cached entry (as an attacker with write access would)."""
    for path in folder.glob("dataset-*.json"):
        entry = path.read_bytes()
        assert b'{"$d":"342"}' in entry  # the figure of the report's 3.1 million inhabitants
        path.write_bytes(entry.replace(b'{"$d":"342"}', b'{"$d":"999"}'))


def test_a_changed_entry_or_a_folder_others_may_write_is_not_trusted(fresh_cache):
    good = run(["estimate", "-n", "3100000", "-f", "json"])
    _poison(fresh_cache)
    assert run(["estimate", "-n", "3100000", "-f", "json"]) == good  # the payload's digest no longer fits
    fresh_cache.chmod(0o777)
    assert run(["estimate", "-n", "3100000", "-f", "json"]) == good  # nor is a folder anyone may write read


def test_broken_entries_and_folders_mean_no_cache(fresh_cache, monkeypatch, tmp_path):
    good = run(["estimate", "-n", "54600"])
    for path in fresh_cache.glob("*.json"):
        path.write_text("{niet: json", encoding="utf-8")
    assert run(["estimate", "-n", "54600"]) == good
    for path in fresh_cache.glob("*.json"):
        path.write_text(json.dumps({"key": "x", "payload": {}}), encoding="utf-8")
    assert run(["estimate", "-n", "54600"]) == good
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot be made
    assert run(["estimate", "-n", "54600"]) == good
    monkeypatch.setenv("XDG_CACHE_HOME", "relatief/pad")  # not absolute: the standard folder is used
    assert run(["estimate", "-n", "54600"]).splitlines()[:3] == good.splitlines()[:3]


def test_places_follow_the_working_directory(fresh_cache, tmp_path):
    from burgernet_cost.data.loading import load_dataset

    load_dataset()  # writes the entry from the repository root
    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    cwd = os.getcwd()
    try:
        os.chdir(elsewhere)
        ds = load_dataset()
        # outside the repository the shipped data is named, not located (no machine path in any output)
        assert ds.where("interviews.yaml", ("waarnemingen", 0)).startswith("data (meegeleverd)/interviews.yaml:")
    finally:
        os.chdir(cwd)


def test_a_warm_run_imports_neither_pydantic_nor_yaml(fresh_cache):
    code = (
        "import sys, io\nfrom burgernet_cost.cli import main\nout = sys.stdout; sys.stdout = io.StringIO()\n"
        "rc = main(sys.argv[1:])\nsys.stdout = out\n"
        "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'yaml', 'pydantic_core'}))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(fresh_cache.parent)}
    for args in (["estimate", "-n", "54600"], ["regio", "--alle"], ["compare-models", "--gemeente", "Utrecht"]):
        subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
        warm = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
        assert warm.stdout.strip() == "0 []", (args, warm.stdout, warm.stderr)


def test_an_entry_of_another_shape_is_a_miss(fresh_cache):
    good = run(["regio", "--eenheid", "Zeeland", "--uitleg"])
    for path in fresh_cache.glob("*.json"):
        header = json.loads(path.read_bytes().split(b"\n", 1)[0])
        body = json.dumps({"files": {}, "lines": [], "per_jaar": {"2024": [["x"]]}, "tabellen": [], "meta": None}).encode()
        header["blake2b"] = __import__("hashlib").blake2b(body, digest_size=32).hexdigest()  # even with a fitting digest
        path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert run(["regio", "--eenheid", "Zeeland", "--uitleg"]) == good
