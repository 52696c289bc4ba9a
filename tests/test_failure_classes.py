"""The failure classes of issue "Nothing silently wrong", several cases each: a Dutch one-line
message, the documented exit code, nothing on stdout, nothing half-written, fast."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, REPO

BNCOST = [sys.executable, "-m", "burgernet_cost"]


def proc(*args: str, stdout=subprocess.PIPE, env: dict | None = None, cwd: Path | None = None, **kw):
    full = {**os.environ, "COLUMNS": "80", **(env or {})}
    full.pop("BNCOST_DATA_DIR", None)
    return subprocess.run([*BNCOST, *args], stdout=stdout, stderr=subprocess.PIPE, env=full, cwd=cwd or REPO, timeout=30, **kw)


def one_dutch_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fout: "), err
    assert "Traceback" not in err and "interne fout" not in err and "Error" not in err
    return lines[0]


def check(r, code: int, *needles: str, elapsed: float | None = None) -> None:
    assert r.code == code, (r.code, r.out, r.err)
    assert r.out == ""
    line = one_dutch_line(r.err)
    for needle in needles:
        assert needle in line, (needle, line)
    if elapsed is not None:
        assert elapsed < 1.0, f"{elapsed:.2f} s"


def timed(bncost, *args):
    start = time.perf_counter()
    r = bncost(*args)
    return r, time.perf_counter() - start


# --------------------------------------------------------------------------- 1. output lost


@pytest.mark.parametrize("args", [["estimate", "-n", "54600"], ["regio", "--alle", "--per", "gemeente", "-f", "csv"], ["--help"], []])
def test_full_disk_is_an_error(args):
    with open("/dev/full", "w") as full:
        r = proc(*args, stdout=full)
    assert r.returncode == 74
    assert one_dutch_line(r.stderr.decode()) == "Fout: de uitvoer kon niet (volledig) worden geschreven: de schijf is vol"


@pytest.mark.parametrize("args", [["estimate", "-n", "54600"], ["--version"], []])
def test_closed_stdout_is_an_error(args):
    r = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); from burgernet_cost.cli import main; sys.exit(main(sys.argv[1:]))",
                        *args], stderr=subprocess.PIPE, timeout=30)
    assert r.returncode == 74
    assert "standaarduitvoer is gesloten" in one_dutch_line(r.stderr.decode())


def test_reader_that_goes_away_ends_quietly():
    p = subprocess.Popen([*BNCOST, "regio", "--alle", "--per", "gemeente", "--uitleg", "-f", "json"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=REPO)
    p.stdout.read(10)
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=30) in (0, 141) and err == ""


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_narrow_output_encodings(encoding):
    r = proc("compare-models", "--uitleg", env={"PYTHONIOENCODING": encoding})
    assert r.returncode == 0 and r.stderr == b""
    text = r.stdout.decode(encoding)
    assert "Totaal" in text and "Traceback" not in text
    if encoding == "cp1252":
        assert "€" in text  # cp1252 has the euro sign; only the box lines became plain


def test_ctrl_c_while_importing_is_dutch(monkeypatch):
    import builtins

    from burgernet_cost import cli

    real = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "burgernet_cost.cli.app":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "burgernet_cost.cli.app", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    assert cli.main(["estimate", "-n", "5"]) == 130


# --------------------------------------------------------------------------- 2. internal errors -> Dutch


@pytest.mark.parametrize(("args", "code", "needle"), [
    (["estimate", "-n", "5", "--peildatum", "2024-W01-1"], 2, "geen geldige datum"),
    (["estimate", "-n", "5", "--peildatum", "2024-02-30"], 2, "geen geldige datum"),
    (["estimate", "-n", "5", "--set", "interviews.waarnemingen[0].uren_per_maand=" + "9" * 5000], 2, "te veel cijfers"),
    (["estimate", "-n", "5", "--set", "interviews.waarnemingen[0].uren_per_maand=1.5e+300"], 2, "onrealistisch groot of klein"),
    (["estimate", "-n", "5", "--data-dir", "~geen_gebruiker_zo/data"], 1, "thuismap"),
    (["estimate", "-n", "5", "--data-dir", "x" * 5000], 1, "naam te lang"),
    (["estimate", "-n", "5", "--data-dir", "/etc/passwd/data"], 1, "datamap"),
])
def test_internal_errors_are_dutch(bncost, args, code, needle):
    r, elapsed = timed(bncost, *args)
    check(r, code, needle, elapsed=elapsed)


def test_link_loops(bncost, tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    check(bncost("regio", "--bestand", tmp_path / "a"), 1, "kringverwijzing")
    check(bncost("estimate", "-n", 5, "--data-dir", tmp_path / "a"), 1, "datamap")


def test_schema_write_failures_leave_nothing(bncost, tmp_path):
    afile = tmp_path / "bestand"
    afile.write_text("x")
    check(bncost("schema", "--write", "--map", afile), 1, "is geen map")
    check(bncost("schema", "--write", "--map", tmp_path / "mist" / "schemas"), 1, "map erboven bestaat niet")
    target = tmp_path / "schemas"
    assert bncost("schema", "--write", "--map", target).code == 0
    modes = {p.name: p.stat().st_mode & 0o777 for p in target.iterdir()}
    assert modes and all(m & 0o044 == 0o044 for m in modes.values()), modes  # readable for others, like any new file
    assert not list(target.glob(".*.tmp"))


def test_debug_only_on_1(bncost, monkeypatch):
    monkeypatch.setenv("BNCOST_DEBUG", "0")
    from burgernet_cost.cli import app

    monkeypatch.setattr(app, "build", lambda command: (_ for _ in ()).throw(ZeroDivisionError("x")))
    r = bncost("estimate", "-n", 5)
    assert r.code == 70 and "interne fout" in r.err and "Traceback" not in r.err


# --------------------------------------------------------------------------- 3. no waiting on pipes


@pytest.mark.parametrize("where", ["data", "member", "scenario"])
def test_fifo_is_refused_at_once(bncost, tmp_path, data_copy, where):
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    if where == "data":
        (data_copy / "interviews.yaml").unlink()
        os.mkfifo(data_copy / "interviews.yaml")
        r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    elif where == "member":
        r, elapsed = timed(bncost, "regio", "--bestand", fifo)
    else:
        r, elapsed = timed(bncost, "estimate", "-n", 5, "--scenario", fifo)
    check(r, 1, "geen gewoon bestand", elapsed=elapsed)


# --------------------------------------------------------------------------- 4. Dutch from the C YAML parser


@pytest.mark.parametrize(("text", "line", "needle"), [
    (b"a: [1, 2\n", 2, "',' of ']' verwacht"),
    (b"a: {b: 1\n", 2, "',' of '}' verwacht"),
    (b"a:\n  - b\n c: 1\n", 3, "inspringing"),
    (b"a: 'x\n", 2, "onverwacht einde"),
    (b"x: 1\na: \x01\n", 2, "stuurteken U+0001"),
    (b"a: \"\\q\"\n", 1, "escapeteken"),
    (b"a: @x\n", 1, "teken op een plaats waar het niet mag"),
])
def test_yaml_messages_are_dutch(bncost, data_copy, text, line, needle):
    (data_copy / "tasks.yaml").write_bytes(text)
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, f"tasks.yaml:{line}:", needle, elapsed=elapsed)


# --------------------------------------------------------------------------- 5. bounded work


def test_many_unknown_names_are_fast_and_capped(bncost, tmp_path):
    names = [line.split(",")[1] for line in (DATA / "gemeenten" / "gemeenten_2024.csv").read_text(encoding="utf-8").splitlines()[1:]]
    rows = ["gemeente,inwoners", *(f"{names[i % len(names)]}," if i % 3 == 0 else f"onbekend{i}xq," for i in range(5000))]
    path = tmp_path / "leden.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    start = time.perf_counter()
    r = bncost("regio", "--bestand", path)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    bncost("regio", "--alle")
    alle = time.perf_counter() - start
    lines = r.err.strip().splitlines()
    assert r.code == 1 and r.out == "" and len(lines) == 61 and lines[-1].startswith("Fout: … en nog ")
    assert elapsed < max(1.2 * alle, 0.5), (elapsed, alle)


def test_repeated_names_are_fast(bncost):
    r, elapsed = timed(bncost, "regio", "--gemeenten", ",".join(["Utrecht"] * 16000))
    check(r, 2, "dubbel opgegeven: Utrecht", elapsed=elapsed)


def test_unknown_keys_are_capped(bncost, data_copy):
    path = data_copy / "tasks.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"o{i}: 1\n" for i in range(20000)), encoding="utf-8")
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    lines = r.err.strip().splitlines()
    assert r.code == 1 and len(lines) == 51 and "… en nog 19950 fouten in dit bestand" in lines[-1]
    assert elapsed < 1.5


# --------------------------------------------------------------------------- 6. csv safe in a spreadsheet


def test_csv_cells_are_never_formulas(bncost, tmp_path):
    r = bncost("estimate", "-n", 5, "-f", "csv", "--set", "tasks.taakgebieden[beleid].naam==HYPERLINK(\"x\")")
    assert "'=HYPERLINK" in r.out
    for start in ("+1", "-1", "@SUM(1)"):
        out = bncost("estimate", "-n", 5, "-f", "csv", "--set", f"tasks.taakgebieden[beleid].naam='{start}'").out
        assert f"'{start}" in out
    assert ",-178.76," in bncost("compare-models", "-f", "csv").out  # numbers stay numbers


# --------------------------------------------------------------------------- 7. terminal injection, echo


@pytest.mark.parametrize("value", ["Utr\x1b[31mecht\nFout: nep", "X\rFout: nep", "A" * 100_000])
def test_echoed_text_is_printable_and_short(bncost, value):
    r = bncost("estimate", "--gemeente", value)
    line = one_dutch_line(r.err)
    assert "\x1b" not in line and "\r" not in line and len(line) < 300


# --------------------------------------------------------------------------- 8. silent acceptance


@pytest.mark.parametrize(("args", "needle"), [
    (["gemeenten", "--zoek", "!!!"], "--zoek"),
    (["estimate", "-n", "5", "--data-dir", ""], "--data-dir: lege waarde"),
    (["diff", ""], "BASIS: lege waarde"),
    (["estimate", "-n", "5", "--uurtarief", "٣٤"], "geen getal"),
    (["estimate", "-n", "5", "--toeslagen", "vakantietoelage,onzin"], "onbekende toeslag 'onzin'"),
    (["estimate", "-n", "5", "--kostenbasis", "integraal", "--peildatum", "2020-01-01"], "--peildatum"),
])
def test_no_silent_acceptance(bncost, args, needle):
    r, elapsed = timed(bncost, *args)
    check(r, 2, needle, elapsed=elapsed)


def test_member_null_and_table_outside_data(bncost, tmp_path, data_copy):
    path = tmp_path / "leden.yaml"
    path.write_text("gemeenten:\n  - gemeente: null\n", encoding="utf-8")
    check(bncost("regio", "--bestand", path), 1, "leden.yaml:2:", "naam of CBS-code")
    meta = data_copy / "gemeenten.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("bestand: gemeenten/gemeenten_2024.csv", "bestand: /etc/passwd"),
                    encoding="utf-8")
    check(bncost("gemeenten", "--data-dir", data_copy), 1, "gemeenten.yaml:", "buiten de datamap")


# --------------------------------------------------------------------------- 9. messages that mislead


@pytest.mark.parametrize(("args", "needle"), [
    (["estimate", "--gemeente", "Den", "Haag"], "tussen aanhalingstekens"),
    (["diff"], "het argument BASIS ontbreekt"),
    (["regio", "--gemeenten", "Atlantis"], "--gemeenten: onbekende gemeente"),
    (["estimat"], "bedoelde u 'estimate'"),
])
def test_messages_that_help(bncost, args, needle):
    check(bncost(*args), 2, needle)


def test_counts_and_sources_read_well(bncost):
    out = bncost("regio", "--gemeenten", "Utrecht").out
    assert "in 1 gemeente " in out
    assert "Bron: Bron:" not in bncost("gemeenten", "--zoek", "utrecht").out
    import json

    figures = json.loads(bncost("estimate", "--gemeente", "Utrecht", "-f", "json").out)["figuren"]
    inwoners = next(f for f in figures if f["id"] == "inwoners")
    assert inwoners["status"] == "gepubliceerd" and inwoners["bron"].startswith("CBS ") and ".csv:" in inwoners["plaats"]


# --------------------------------------------------------------------------- 10. the steward's data


def test_note_when_data_here_differs(tmp_path):
    here = tmp_path / "checkout"
    shutil.copytree(DATA, here / "data")
    path = here / "data" / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 342\n", "uren_per_maand: 400\n"), encoding="utf-8")
    r = proc("validate", cwd=here)
    assert r.returncode == 0 and "Let op: bncost gebruikt de meegeleverde data" in r.stderr.decode()
    r = proc("validate", "--data-dir", "data", cwd=here)
    assert r.returncode == 1 and "Let op" not in r.stderr.decode()


def test_diff_reports_validity_and_takes_git_versions(bncost, data_copy):
    path = data_copy / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 342\n", "uren_per_maand: 400\n"), encoding="utf-8")
    r = bncost("diff", DATA, data_copy)
    assert r.code == 1 and "Geldigheid nieuw: ONGELDIG" in r.out and "kalibratie" in r.out
    if shutil.which("git") and (REPO / ".git").exists():
        r = bncost("diff", "HEAD", "HEAD:data")  # the same git version twice: nothing changed (valid or not, as HEAD is)
        assert r.code in (0, 1) and "Basis: HEAD" in r.out and "Geldigheid basis:" in r.out and "geen van de" in r.out
        check(bncost("diff", "geen-tak-zo"), 2, "geen map en geen git-versie")


def test_second_round_of_probing(bncost, tmp_path):
    """New inputs per class, after the fixes: each gives a Dutch line, never an internal error."""
    big = tmp_path / "groot.csv"
    big.write_text("gemeente,inwoners\nUtrecht," + "9" * 5000 + "\n", encoding="utf-8")
    check(bncost("regio", "--bestand", big), 1, "groot.csv:2:", "geen positief geheel aantal")
    check(bncost("estimate", "-n", 5, "--toeslagen", ",,,"), 2, "--toeslagen")
    weird = tmp_path / "x\x1b[2Jy.csv"
    weird.write_text("gemeente,inwoners\nUtrecht,1000\n", encoding="utf-8")
    for fmt in ("table", "markdown"):
        out = bncost("regio", "--bestand", weird, "-f", fmt).out
        assert "\x1b" not in out and "\\x1b" in out
    scenario = tmp_path / "s.yaml"
    scenario.write_bytes(b"naam: \"\x1b[31mrood\"\nwijzigingen: {}\n")
    check(bncost("estimate", "-n", 5, "--scenario", scenario), 1, "stuurteken U+001B")


def test_a_file_of_many_values_is_refused_quickly(bncost, data_copy):
    path = data_copy / "tasks.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"o{i}: 1\n" for i in range(300000)), encoding="utf-8")
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, "te veel waarden in één bestand", elapsed=elapsed)
