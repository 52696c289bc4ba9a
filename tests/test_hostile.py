"""Hostile input: every bad value, option or file gives a clear Dutch message, the right exit code,
no traceback, nothing on stdout, and it does so quickly (within a second)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from burgernet_cost.data.reading import MAX_DEPTH, MAX_FILE_BYTES
from conftest import TIMING

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.fixture(autouse=True, scope="module")
def _warm_imports():
    """Time the handling of the input, not Python importing the libraries on the first call."""
    import importlib

    for name in (
        "burgernet_cost.data.dataset",
        "burgernet_cost.domain.estimate",
        "burgernet_cost.output.views",
        "burgernet_cost.output.renderers",
        "burgernet_cost.data.municipalities",
        "burgernet_cost.domain.region",
        "burgernet_cost.data.scenario",
        "burgernet_cost.domain.validation",
        "rich.console",
        "rich.table",
        "typer._adapters",
    ):
        importlib.import_module(name)


def check(r, code: int, *needles: str, elapsed: float) -> None:
    assert r.code == code, (r.code, r.out, r.err)
    assert r.out == "", "nothing may be written to stdout on an error"
    assert "Traceback" not in r.err and "interne fout" not in r.err
    lines = r.err.strip().splitlines()
    assert lines and all(line.startswith("Fout: ") for line in lines), r.err
    for needle in needles:
        assert needle in r.err, (needle, r.err)
    if TIMING:
        assert elapsed < 1.0, f"took {elapsed:.2f} s"


def timed(bncost, *args):
    start = time.perf_counter()
    r = bncost(*args)
    return r, time.perf_counter() - start


# --------------------------------------------------------------------------- command line

CLI_CASES = [
    (["estimate", "--inwoners", "0"], "--inwoners"),
    (["estimate", "--inwoners", "100000001"], "onrealistisch groot"),
    (["estimate", "--inwoners", "9" * 5000], "onrealistisch groot"),
    (["estimate", "--inwoners", "1e6"], "geen geheel aantal"),
    (["estimate", "--inwoners", "٣٤٥"], "geen geheel aantal"),
    (["estimate", "--inwoners", "-0"], "negatief"),
    (["estimate", "--inwoners", " "], "geef een aantal inwoners"),
    (["estimate", "--inwoners", ""], "geef een aantal inwoners"),
    (["estimate", "--inwoners", "5", "--pakket", ""], "geen geldig pakket"),
    (["estimate", "--inwoners", "5", "--format", ""], "geen geldig formaat"),
    (["estimate", "--gemeente", ""], "--gemeente: lege waarde"),
    (["estimate", "--inwoners", "5", "--gemeente", "Utrecht"], "niet beide"),
    (["estimate", "--inwoners", "5", "--schaal", ""], "--schaal: lege waarde"),
    (["estimate", "--inwoners", "5", "--scenario", ""], "--scenario: lege waarde"),
    (["estimate", "--inwoners", "5", "--set", ""], "pad=waarde"),
    (["estimate", "--inwoners", "5", "--uurtarief", "NaN"], "geen getal"),
    (["estimate", "--inwoners", "5", "--uurtarief", "1e9999"], "geen getal"),
    (["estimate", "--inwoners", "5", "--peildatum", "gisteren"], "geen geldige datum"),
    (["estimate", "--gemeente", "Amersfoort", "--jaar", "2030"], "geen gemeentecijfers voor 2030"),
    (["estimate", "--inwoners", "5", "--bogus"], "onbekende optie --bogus"),
    (["estimate", "--inwoners", "5", "--inwoners"], "verwacht een waarde"),
    (["compare-models", "--schaalvoordeel", "inf"], "geen getal"),
    (["compare-models", "--schaalvoordeel", "150"], "te groot"),
    (["compare-models", "--tarief", ""], "geen geldig tarief"),
    (["regio", "--eenheid", ""], "--eenheid: lege waarde"),
    (["regio", "--eenheid", "Limburg", "--gemeenten", "Venlo"], "kies precies één"),
    (["regio", "--gemeenten", ",,,"], "minstens één gemeente"),
    (["regio", "--alle", "--per", "provincie"], "geen geldig indeling"),
    (["gemeenten", "--zoek", ""], "--zoek: lege waarde"),
    (["gemeenten", "--jaar", "20"], "geen jaartal"),
    (["taken", "--rol", ""], "--rol: lege waarde"),
    (["taken", "--organisatie", "brandweer"], "geen geldig organisatie"),
    (["validate", "--format", "pdf"], "geen geldig formaat"),
    (["schema", "--write", "--check"], "niet beide"),
    (["diff"], "ontbreekt"),
    (["nonsense"], "onbekend commando"),
]


@pytest.mark.parametrize(("args", "needle"), CLI_CASES, ids=[" ".join(c[0])[:60] for c in CLI_CASES])
def test_cli_hostile(bncost, args, needle):
    r, elapsed = timed(bncost, *args)
    check(r, 2, needle, elapsed=elapsed)
    assert len(r.err.strip().splitlines()) == 1


# --------------------------------------------------------------------------- data files


def _bytes(data_copy: Path, name: str, content: bytes) -> None:
    (data_copy / name).write_bytes(content)


@pytest.mark.parametrize(
    ("name", "content", "needles"),
    [
        ("interviews.yaml", b"", ["interviews.yaml: bestand is leeg"]),
        ("interviews.yaml", b"# alleen commentaar\n\n", ["bestand is leeg"]),
        ("tasks.yaml", b"bron:\n  document: \xff\xfe kapot\n", ["tasks.yaml:2: geen geldige UTF-8-tekst"]),
        ("tasks.yaml", BILLION_LAUGHS.encode(), ["tasks.yaml:1:", "ankers en aliassen"]),
        ("tasks.yaml", ("[" * 5000 + "]" * 5000).encode(), ["tasks.yaml:1:", "te diep genest"]),
        ("tasks.yaml", ("a:\n" + "".join(" " * i + "b:\n" for i in range(1, MAX_DEPTH + 5))).encode(), ["te diep genest"]),
        ("tasks.yaml", b"taken:\n\t- id: x\n", ["tasks.yaml:2: tab gebruikt voor inspringen"]),
        ("tasks.yaml", b"--- \na: 1\n---\nb: 2\n", ["YAML-document"]),
        ("tasks.yaml", b"- alleen\n- een lijst\n", ["tasks.yaml:1: ", "moet een blok met sleutels zijn"]),
        ("salary_scales.yaml", b"uurloon: !!python/object:os.system {}\n", ["onbekend YAML-label"]),
        ("salary_scales.yaml", b"a: 1\n<<: {b: 2}\n", ["samenvoegsleutel"]),
        ("salary_scales.yaml", b"a: .inf\n", ["'.inf' is geen gewoon decimaal getal"]),
        ("salary_scales.yaml", b"a: 1:30\n", ["dubbelzinnig getal"]),
        ("salary_scales.yaml", b"a: 0x1F\n", ["dubbelzinnig getal"]),
        ("salary_scales.yaml", b"a: yes\n", ["'yes' is in YAML 1.1 een ja/nee-waarde"]),
        ("interviews.yaml", b"? [a, b]\n: c\n", ["een sleutel moet een eenvoudige tekst zijn"]),
    ],
    ids=[
        "empty",
        "only-comments",
        "non-utf8",
        "billion-laughs",
        "deep-flow",
        "deep-block",
        "tab",
        "two-documents",
        "list-not-mapping",
        "python-tag",
        "merge-key",
        "inf",
        "sexagesimal",
        "hex",
        "yes",
        "complex-key",
    ],
)
def test_hostile_data_files(bncost, data_copy, name, content, needles):
    _bytes(data_copy, name, content)
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, *needles, elapsed=elapsed)


def test_file_above_size_limit(bncost, data_copy):
    path = data_copy / "tasks.yaml"
    with path.open("wb") as fh:
        fh.write(b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, "tasks.yaml: bestand is te groot", elapsed=elapsed)


def test_directory_where_file_should_be(bncost, data_copy):
    (data_copy / "interviews.yaml").unlink()
    (data_copy / "interviews.yaml").mkdir()
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, "interviews.yaml: is een map, geen bestand", elapsed=elapsed)


def test_missing_file(bncost, data_copy):
    (data_copy / "interviews.yaml").unlink()
    r, _elapsed = timed(bncost, "validate", "--data-dir", data_copy)
    assert r.code == 1 and "interviews.yaml: bestand ontbreekt" in r.out


def test_unreadable_file(bncost, data_copy, monkeypatch):
    """Permission bits do not stop root (CI runs as root), so the OS refusal is simulated."""
    import os

    target = (data_copy / "salary_scales.yaml").resolve()
    original_open, original_os_open = Path.open, os.open

    def refusing_open(self, *args, **kwargs):
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied", str(self))
        return original_open(self, *args, **kwargs)

    def refusing_os_open(path, *args, **kwargs):
        if Path(path).resolve() == target:
            raise PermissionError(13, "Permission denied", str(path))
        return original_os_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.setattr(os, "open", refusing_os_open)
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, "salary_scales.yaml: bestand kan niet gelezen worden (geen leesrechten)", elapsed=elapsed)


def test_data_dir_is_a_file(bncost, tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x", encoding="utf-8")
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", f)
    check(r, 1, "is geen map", elapsed=elapsed)


# --------------------------------------------------------------------------- user files


@pytest.mark.parametrize(
    ("suffix", "content", "needle"),
    [
        (".csv", b"", "bestand is leeg"),
        (".csv", b"gemeente,inwoners\n", "bevat geen gemeenten"),
        (".csv", b"gemeente,inwoners\nAmersfoort,\xff\n", "geen positief geheel aantal inwoners"),  # read as Windows-1252
        (".csv", b"gemeente,inwoners\nAmersfoort,\x81\n", "geen geldige UTF-8-tekst"),  # not Windows-1252 either
        (".csv", b"gemeente,inwoners\nAmersfoort,1,2,3\n", "4 kolommen"),
        (".csv", b"gemeente,inwoners\nAmersfoort,0\n", "geen positief geheel aantal"),
        (".csv", b"gemeente,inwoners\nAmersfoort,99999999999\n", "geen positief geheel aantal"),
        (".yaml", BILLION_LAUGHS.encode(), "ankers en aliassen"),
        (".yaml", b"gemeenten: [" + b"[" * 3000 + b"]" * 3000 + b"]\n", "te diep genest"),
        (".yaml", b"gemeenten:\n  - gemeente: Amersfoort\n    inwoners: 010\n", "dubbelzinnig getal"),
        (".yaml", b"leden: []\n", "alleen de sleutel 'gemeenten'"),
        (".yaml", b"gemeenten:\n  - gemeente: Amersfoort\n    inwoners: true\n", "geen positief geheel aantal"),
    ],
)
def test_hostile_member_files(bncost, tmp_path, suffix, content, needle):
    path = tmp_path / f"leden{suffix}"
    path.write_bytes(content)
    r, elapsed = timed(bncost, "regio", "--bestand", path)
    check(r, 1, needle, elapsed=elapsed)


def test_member_file_is_directory(bncost, tmp_path):
    r, elapsed = timed(bncost, "regio", "--bestand", tmp_path)
    check(r, 1, "is een map, geen bestand", elapsed=elapsed)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "bestand is leeg"),
        (b"naam: x\n", "'wijzigingen' is een blok"),
        (b"naam: x\nwijzigingen: {interviews.waarnemingen: 5}\n", "wijst een heel blok aan"),
        (b"naam: x\nwijzigingen:\n  interviews.waarnemingen[99].uren_per_maand: 5\n", "[99] bestaat niet"),
        (b"naam: x\nwijzigingen:\n  interviews: 5\n", "moet beginnen met een bestand en een sleutel"),
        (b"naam: x\nwijzingen: {}\n", "bedoelde u 'wijzigingen'"),
        (BILLION_LAUGHS.encode(), "ankers en aliassen"),
    ],
)
def test_hostile_scenarios(bncost, tmp_path, content, needle):
    path = tmp_path / "scenario.yaml"
    path.write_bytes(content)
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--scenario", path)
    check(r, 1, needle, elapsed=elapsed)


def test_errors_leave_no_files(bncost, tmp_path, data_copy):
    """A failing command writes nothing: not to stdout, not next to the data, not in the cwd."""
    before = sorted(p.name for p in data_copy.rglob("*"))
    (data_copy / "interviews.yaml").write_text("waarnemingen: [\n", encoding="utf-8")
    r = bncost("estimate", "-n", 5, "--data-dir", data_copy)
    assert r.code == 1 and r.out == ""
    assert sorted(p.name for p in data_copy.rglob("*")) == before
