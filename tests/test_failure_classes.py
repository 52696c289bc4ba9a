"""The failure classes of issue "Nothing silently wrong", several cases each: a Dutch one-line
message, the documented exit code, nothing on stdout, nothing half-written, fast."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, REPO, TIMING

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
    if elapsed is not None and TIMING:
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
    r = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(1); from burgernet_cost.cli import main; sys.exit(main(sys.argv[1:]))", *args],
        stderr=subprocess.PIPE,
        timeout=30,
    )
    assert r.returncode == 74
    assert "standaarduitvoer is gesloten" in one_dutch_line(r.stderr.decode())


def test_reader_that_goes_away_ends_quietly():
    p = subprocess.Popen(
        [*BNCOST, "regio", "--alle", "--per", "gemeente", "--uitleg", "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    p.stdout.read(10)
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=30) in (0, 141) and err == ""


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_narrow_output_encodings(encoding):
    r = proc("compare-models", "--uitleg", env={"PYTHONIOENCODING": encoding})
    assert r.returncode == 0
    if encoding == "ascii":  # letters with accents are simplified, and the run says so (R4.8)
        assert r.stderr.decode().startswith("Let op: de codering ascii van de uitvoer kan ")
    else:  # only lines and quotes became plain: nothing lost, nothing to say
        assert r.stderr == b""
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


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["estimate", "-n", "5", "--peildatum", "2024-W01-1"], 2, "geen geldige datum"),
        (["estimate", "-n", "5", "--peildatum", "2024-02-30"], 2, "geen geldige datum"),
        (["estimate", "-n", "5", "--set", "interviews.waarnemingen[0].uren_per_maand=" + "9" * 5000], 2, "te veel cijfers"),
        (["estimate", "-n", "5", "--set", "interviews.waarnemingen[0].uren_per_maand=1.5e+300"], 2, "onrealistisch groot of klein"),
        (["estimate", "-n", "5", "--data-dir", "~geen_gebruiker_zo/data"], 1, "thuismap"),
        (["estimate", "-n", "5", "--data-dir", "x" * 5000], 1, "naam te lang"),
        (["estimate", "-n", "5", "--data-dir", "/etc/passwd/data"], 1, "datamap"),
    ],
)
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


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        (b"a: [1, 2\n", 2, "',' of ']' verwacht"),
        (b"a: {b: 1\n", 2, "',' of '}' verwacht"),
        (b"a:\n  - b\n c: 1\n", 3, "inspringing"),
        (b"a: 'x\n", 2, "onverwacht einde"),
        (b"x: 1\na: \x01\n", 2, "stuurteken U+0001"),
        (b'a: "\\q"\n', 1, "escapeteken"),
        (b"a: @x\n", 1, "teken op een plaats waar het niet mag"),
    ],
)
def test_yaml_messages_are_dutch(bncost, data_copy, text, line, needle):
    (data_copy / "tasks.yaml").write_bytes(text)
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, f"tasks.yaml:{line}:", needle, elapsed=elapsed)


# --------------------------------------------------------------------------- 5. bounded work


@pytest.mark.timing
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
    assert elapsed < 1.5 or not TIMING


# --------------------------------------------------------------------------- 6. csv safe in a spreadsheet


def test_csv_cells_are_never_formulas(bncost, tmp_path):
    r = bncost("estimate", "-n", 5, "-f", "csv", "--set", 'tasks.taakgebieden[beleid].naam==HYPERLINK("x")')
    assert "'=HYPERLINK" in r.out
    for start in ("+1", "-1", "@SUM(1)"):
        out = bncost("estimate", "-n", 5, "-f", "csv", "--set", f"tasks.taakgebieden[beleid].naam='{start}'").out
        assert f"'{start}" in out
    assert re.search(r",-[0-9]+\.[0-9]{2},", bncost("compare-models", "-f", "csv").out)  # negative numbers stay numbers


# --------------------------------------------------------------------------- 7. terminal injection, echo


@pytest.mark.parametrize("value", ["Utr\x1b[31mecht\nFout: nep", "X\rFout: nep", "A" * 100_000])
def test_echoed_text_is_printable_and_short(bncost, value):
    r = bncost("estimate", "--gemeente", value)
    line = one_dutch_line(r.err)
    assert "\x1b" not in line and "\r" not in line and len(line) < 300


# --------------------------------------------------------------------------- 8. silent acceptance


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["gemeenten", "--zoek", "!!!"], "--zoek"),
        (["estimate", "-n", "5", "--data-dir", ""], "--data-dir: lege waarde"),
        (["diff", ""], "BASIS: lege waarde"),
        (["estimate", "-n", "5", "--uurtarief", "٣٤"], "geen getal"),
        (["estimate", "-n", "5", "--toeslagen", "vakantietoelage,onzin"], "onbekende toeslag 'onzin'"),
        (["estimate", "-n", "5", "--kostenbasis", "integraal", "--peildatum", "2020-01-01"], "--peildatum"),
    ],
)
def test_no_silent_acceptance(bncost, args, needle):
    r, elapsed = timed(bncost, *args)
    check(r, 2, needle, elapsed=elapsed)


def test_member_null_and_table_outside_data(bncost, tmp_path, data_copy):
    path = tmp_path / "leden.yaml"
    path.write_text("gemeenten:\n  - gemeente: null\n", encoding="utf-8")
    check(bncost("regio", "--bestand", path), 1, "leden.yaml:2:", "naam of CBS-code")
    meta = data_copy / "gemeenten.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("bestand: gemeenten/gemeenten_2024.csv", "bestand: /etc/passwd"), encoding="utf-8"
    )
    check(bncost("gemeenten", "--data-dir", data_copy), 1, "gemeenten.yaml:", "buiten de datamap")


# --------------------------------------------------------------------------- 9. messages that mislead


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["estimate", "--gemeente", "Den", "Haag"], "tussen aanhalingstekens"),
        (["diff"], "het argument BASIS ontbreekt"),
        (["regio", "--gemeenten", "Atlantis"], "--gemeenten: onbekende gemeente"),
        (["estimat"], "bedoelde u 'estimate'"),
    ],
)
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


def test_data_repository_here_is_used_and_named(tmp_path):
    """Inside a data repository (a data/ with bncost's files, found from a subfolder too) every
    command uses that data and says so on stderr; --data-dir and BNCOST_DATA_DIR still win."""
    here = tmp_path / "checkout"
    shutil.copytree(DATA, here / "data")
    (here / "sub").mkdir()
    path = here / "data" / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 342\n", "uren_per_maand: 400\n"), encoding="utf-8")
    for cwd, shown in ((here, "data"), (here / "sub", "../data")):
        r = proc("validate", cwd=cwd)
        assert r.returncode == 1 and "kalibratie" in r.stdout.decode(), r.stdout.decode()
        assert (
            r.stderr.decode().splitlines()[0]
            == f"bncost rekent met de data in {shown} (de datamap van deze repository; een andere: --data-dir)"
        )
    r = proc("validate", "--data-dir", str(DATA), cwd=here)
    assert r.returncode == 0 and "rekent met" not in r.stderr.decode()
    r = subprocess.run([*BNCOST, "validate"], capture_output=True, env={**os.environ, "BNCOST_DATA_DIR": str(DATA)}, cwd=here, timeout=30)
    assert r.returncode == 0 and "rekent met" not in r.stderr.decode()
    out = proc("estimate", "-n", "3100000", "-f", "json", cwd=here / "sub").stdout.decode()
    hours = {a["taakgebied"]: a["uren_per_maand"] for a in json.loads(out)["taakgebieden"]}
    assert hours["relatiebeheer_communicatie"] == 400  # the edited figure, and stdout is json only
    r = proc("diff", "--help", cwd=here)
    assert r.returncode == 0 and r.stderr.decode() == ""  # help reads no data, and says nothing about it
    outside = tmp_path / "elders"
    outside.mkdir()
    r = proc("validate", cwd=outside)
    assert r.returncode == 0 and r.stderr.decode() == ""


def test_a_folder_named_data_of_another_tool_is_not_used(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tasks.yaml").write_text("todo: []\n", encoding="utf-8")  # one file of the same name: not bncost's
    r = proc("validate", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr.decode() == ""


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
    scenario.write_bytes(b'naam: "\x1b[31mrood"\nwijzigingen: {}\n')
    check(bncost("estimate", "-n", 5, "--scenario", scenario), 1, "stuurteken U+001B")


def test_a_file_of_many_values_is_refused_quickly(bncost, data_copy):
    path = data_copy / "tasks.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"o{i}: 1\n" for i in range(300000)), encoding="utf-8")
    r, elapsed = timed(bncost, "estimate", "-n", 5, "--data-dir", data_copy)
    check(r, 1, "te veel waarden in één bestand", elapsed=elapsed)


# =========================================================================== round 3 (issue 20)
# --------------------------------------------------------------------------- R3.1 numbers of any length


def _set_first_hours(data: Path, value: str) -> None:
    path = data / "interviews.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("uren_per_maand: 6\n", f"uren_per_maand: {value}\n", 1), encoding="utf-8")


@pytest.mark.parametrize("value", ["1" + "0" * 35, "123456789012", "99999999999999999999.5", "1.0e26", "0.000000000000000001", "100001"])
def test_absurd_numbers_in_data_are_refused_where_read(bncost, data_copy, value):
    _set_first_hours(data_copy, value)
    for args in (["validate"], ["estimate", "-n", "54600"], ["regio", "--alle"]):
        r = bncost(*args, "--data-dir", data_copy)
        assert r.code == 1, (args, r.code, r.err)
        assert "interviews.yaml:40" in r.out + r.err and "interne fout" not in r.out + r.err


@pytest.mark.parametrize(
    "setting",
    [
        "interviews.waarnemingen[0].uren_per_maand=99999999999999999999",
        "interviews.waarnemingen[0].uren_per_maand=1000000",
        "salary_scales.uurloon.uren_per_maand=0.001",
        "salary_scales.tariefprofielen[0].periodiek=123456789",
    ],
)
def test_absurd_numbers_by_set_are_refused(bncost, setting):
    r = bncost("estimate", "-n", "54600", "--set", setting)
    assert r.code in (1, 2) and r.out == "" and "interne fout" not in r.err and r.err.startswith("Fout: ")


def test_csv_counts_of_any_length(bncost, data_copy):
    table = data_copy / "gemeenten" / "gemeenten_2024.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    code, naam, _inw, *rest = lines[1].split(",")
    lines[1] = ",".join([code, naam, "9" * 30, *rest])
    table.write_text("".join(lines), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1 and "geen aantal inwoners van 1 tot en met 100.000.000" in r.out + r.err


def test_an_overflow_is_a_dutch_data_error():
    from decimal import Decimal

    from burgernet_cost.domain.rounding import quantize
    from burgernet_cost.errors import DataError

    with pytest.raises(DataError, match="onrealistisch groot"):
        quantize(Decimal("1e40"), 2)


# --------------------------------------------------------------------------- R3.2 writes that stop halfway


def _limited(limit_bytes: int):
    import resource

    def set_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return set_limit


@pytest.mark.parametrize(
    "args",
    [
        ["regio", "--alle", "--per", "gemeente"],
        ["regio", "--alle", "--per", "gemeente", "-f", "csv"],
        ["taken", "-f", "json"],
        ["compare-models", "--uitleg"],
    ],
)
def test_a_file_size_limit_halfway_is_exit_74(tmp_path, args):
    target = tmp_path / "uit.txt"
    with open(target, "wb") as fh:
        r = proc(*args, stdout=fh, preexec_fn=_limited(1024))
    assert r.returncode == 74, r.stderr
    assert "het bestand wordt te groot" in one_dutch_line(r.stderr.decode())
    assert target.stat().st_size <= 1024


def test_a_file_size_limit_with_uitvoer_leaves_nothing(tmp_path):
    r = proc("regio", "--alle", "--per", "gemeente", "-o", str(tmp_path / "uit.csv"), preexec_fn=_limited(1024))
    assert r.returncode == 74 and not any(tmp_path.iterdir())


def test_short_writes_are_written_again():
    from burgernet_cost.cli.writing import _write_all

    class Stingy:
        def __init__(self):
            self.got = b""

        def write(self, data):
            self.got += bytes(data[:3])
            return min(3, len(data))

    s = Stingy()
    _write_all(s, b"0123456789")
    assert s.got == b"0123456789"

    class Stuck:
        def write(self, data):
            return 0

    with pytest.raises(OSError):
        _write_all(Stuck(), b"x")


# --------------------------------------------------------------------------- R3.3 spreadsheet-safe everywhere


@pytest.mark.parametrize("header", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", " =1+1", "＝1+1"])
def test_user_text_in_csv_headers_is_safe(bncost, tmp_path, header):
    import csv
    import io

    members = tmp_path / "leden.csv"
    members.write_text(f'gemeente;"{header}"\nUtrecht;{header}\n', encoding="utf-8")
    for fmt, sep in (("csv", ","), ("csv-nl", ";")):
        r = bncost("regio", "--bestand", members, "-f", fmt)
        assert r.code == 0, r.err
        rows = list(csv.reader(io.StringIO(r.out.lstrip("\ufeff")), delimiter=sep))
        for cell in rows[0] + rows[1]:
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "＝")), cell


# --------------------------------------------------------------------------- R3.4 the cache never changes an answer


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("BNCOST_NO_CACHE", raising=False)
    return folder / "bncost"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("change", ["number", "truncate", "conclusions", "shape"])
def test_altered_cache_entries_are_not_used(bncost, own_cache, change):
    import json

    good = bncost("estimate", "-n", "3100000", "-f", "json").out
    for path in _entries(own_cache):
        header_text, body = path.read_bytes().split(b"\n", 1)
        header = json.loads(header_text)
        if change == "number":
            body = body.replace(b'{"$d":"342"}', b'{"$d":"343"}')
        elif change == "truncate":
            body = body[: len(body) // 2]
        elif change == "conclusions":
            header["conclusies"] = {"schema": "ok"}
        else:
            body = json.dumps({"files": {}, "lines": {}}).encode()
        path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    r = bncost("estimate", "-n", "3100000", "-f", "json")
    assert r.code == 0 and r.out == good and r.err == ""


def _forge(path: Path, change) -> None:
    """Rewrite an entry as someone with write access could: the payload changed, the digest made to fit."""
    import json
    import marshal

    from burgernet_cost.data.cache import digest_of

    header_text, body = path.read_bytes().split(b"\n", 1)
    header = json.loads(header_text)
    text, rest = body[: header["json"]], body[header["json"] :]
    maps = marshal.loads(rest) if rest else None
    text, maps, size = change(text, maps, header["json"])
    body = text + (marshal.dumps(maps) if maps is not None else b"")
    header.update(json=size, blake2b=digest_of(body).hexdigest())
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


FORGED = {
    "onbekend record": lambda t, m, n: (t.replace(b'{"$":"', b'{"$":"X', 1), m, n + 1),
    "veld ontbreekt": lambda t, m, n: (t.replace(b'"bron":{"$"', b'"bron_":{"$"', 1), m, n + 1),
    "geen getal": lambda t, m, n: (t.replace(b'{"$d":"', b'{"$d":"x', 1), m, n + 1),
    "oneindig": lambda t, m, n: (t.replace(b'{"$d":"', b'{"$d":"Infinity', 1), m, n + 8),
    "json te kort": lambda t, m, n: (t, m, n - 3),
    "regels als lijst": lambda t, m, n: (t, m and {k: list(v.items()) for k, v in m.items()}, n),
    "regel als tekst": lambda t, m, n: (t, m and {k: {p: str(r) for p, r in v.items()} for k, v in m.items()}, n),
    "regel negatief": lambda t, m, n: (t, m and {k: {p: -r for p, r in v.items()} for k, v in m.items()}, n),
    "regelkaart leeg": lambda t, m, n: (t, m and {key: {} for key in m}, n),
    "bestand ontbreekt": lambda t, m, n: (t, m and dict(list(m.items())[1:]), n),
    "marshal onzin": lambda t, m, n: (t + b"\xff" * 40, None, n),
    "rij te kort": lambda t, m, n: (t.replace(b'"per_jaar":{', b'"per_jaar":{"2024":[["x"]],"0":', 1), m, n + 20),
    "rij met tekst als inwoners": lambda t, m, n: (re.sub(rb'(\["GM\d+","[^"]*",)(\d+)', rb'\1"\2"', t, count=1), m, n + 2),
}


@pytest.mark.parametrize("change", list(FORGED))
def test_forged_cache_entries_of_another_shape_are_a_miss(bncost, own_cache, change):
    """An entry whose digest fits but whose payload bncost cannot have written (records of no model or
    with other fields, numbers that are none, line maps of another shape, municipality rows of another
    shape) is not used: the data is validated anew, the same answer, the same places, no message."""
    args = ("regio", "--eenheid", "Limburg", "--uitleg", "-f", "json")
    good = bncost(*args)
    assert good.code == 0 and len(_entries(own_cache)) == 2
    for path in _entries(own_cache):
        _forge(path, FORGED[change])
    r = bncost(*args)
    assert (r.code, r.out, r.err) == (0, good.out, "")


def test_an_oversized_cache_entry_is_not_read(bncost, own_cache):
    from burgernet_cost.data import cache

    good = bncost("estimate", "-n", "54600", "-f", "json")
    for path in _entries(own_cache):
        with path.open("ab") as fh:
            fh.truncate(cache.MAX_ENTRY_BYTES + 1)
    r = bncost("estimate", "-n", "54600", "-f", "json")
    assert (r.code, r.out, r.err) == (0, good.out, "")


def test_cache_key_holds_the_folder_and_the_code(own_cache, tmp_path, data_copy):
    from burgernet_cost.data import cache

    files = [data_copy / "tasks.yaml"]
    other = tmp_path / "ander"
    shutil.copytree(data_copy, other)
    assert cache.key("x", files) != cache.key("x", [other / "tasks.yaml"])  # same content, other folder
    assert len(cache.code_fingerprint()) == 64


# --------------------------------------------------------------------------- R3.6 options that contradict, repeat or do nothing


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["estimate", "-n", "5000", "--toeslagen", "geen,ploegendienst"], "'geen' betekent geen toeslagen"),
        (["estimate", "-n", "5000", "--toeslagen", "alle,onbekend"], "'alle' betekent alle toeslagen"),
        (["estimate", "-n", "5000", "--toeslagen", "x,x"], "staat er twee keer in"),
        (
            [
                "estimate",
                "-n",
                "5000",
                "--set",
                "interviews.waarnemingen[2].uren_per_maand=5",
                "--set",
                "interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand=6",
            ],
            "wordt twee keer gewijzigd",
        ),
        (
            [
                "estimate",
                "-n",
                "5000",
                "--set",
                "interviews.waarnemingen[2].uren_per_maand=5",
                "--set",
                "interviews.waarnemingen[2].uren_per_maand=5",
            ],
            "wordt twee keer gewijzigd",
        ),
        (["regio", "--alle", "--blad", "Leden"], "--blad: heeft alleen effect"),
        (["estimate", "-n", "5000", "-o", "uit.json", "-f", "csv"], "past bij json, niet bij --format csv"),
        (["estimate", "-n", "5", "-n", "6"], "--inwoners staat er twee keer"),
        (["estimate", "-n5", "--inwoners=6"], "--inwoners staat er twee keer"),
        (["estimate", "-n", "5", "-f", "json", "--format", "csv"], "--format staat er twee keer"),
        (["regio", "--gemeenten", "Utrecht", "--gemeenten", "Zeist"], "--gemeenten staat er twee keer"),
        (["regio", "--eenheid", "Zeeland", "--schaalvoordeel", "20"], "--schaalvoordeel: heeft geen effect bij model Regionaal"),
        (["compare-models", "-n", "5000", "--tarief", "advies", "--schaalvoordeel", "20"], "heeft geen effect bij --tarief advies"),
    ],
)
def test_contradictions_are_said(bncost, tmp_path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    r = bncost(*args)
    check(r, 2, needle)
    assert not (tmp_path / "uit.json").exists()


def test_repeatable_options_and_values_that_look_like_options_are_fine(bncost):
    r = bncost(
        "estimate",
        "-n",
        "5000",
        "--set",
        "inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=20",
        "--set",
        "interviews.waarnemingen[2].uren_per_maand=300",
        "--uitleg",
        "-f",
        "json",
    )
    assert r.code == 0, r.err
    r = bncost("regio", "--gemeenten", "Utrecht", "--model", "landelijk", "--schaalvoordeel", "20", "-f", "json")
    assert r.code == 0, r.err


def test_unknown_allowance_next_to_alle_in_the_library(dataset):
    from burgernet_cost.domain.estimate import estimate
    from burgernet_cost.domain.rate import TariefKeuze
    from burgernet_cost.errors import UsageProblem

    with pytest.raises(UsageProblem, match="onbekende toeslag 'typo'"):
        estimate(dataset, 5000, "basis", keuze=TariefKeuze(toeslagen=("alle", "typo")))


# --------------------------------------------------------------------------- R3.7 output never destroys input


def test_output_never_destroys_input(bncost, tmp_path, data_copy, monkeypatch):
    monkeypatch.chdir(tmp_path)
    members = tmp_path / "leden.csv"
    members.write_text("gemeente\nUtrecht\n", encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        "naam: x\nwijzigingen:\n  inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent: 20\n", encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in (members, scenario, data_copy / "tasks.yaml", data_copy / "gemeenten" / "gemeenten_2024.csv")}
    for args in (
        ["regio", "--bestand", "leden.csv", "-o", "leden.csv"],
        ["regio", "--bestand", members, f"--uitvoer={members}", "-f", "csv"],
        ["estimate", "-n", "5", "--scenario", "s.yaml", "-o", "./s.yaml", "-f", "json"],
        ["estimate", "-n", "5", "--data-dir", data_copy, "-o", data_copy / "tasks.yaml", "-f", "json"],
        ["estimate", "-n", "5", "--data-dir", data_copy, "-o", data_copy / "gemeenten" / "gemeenten_2024.csv"],
    ):
        r = bncost(*args)
        assert r.code == 2 and "--uitvoer:" in r.err, (args, r.err)
    assert {p: p.read_bytes() for p in before} == before


def test_a_long_valid_name_is_written(bncost, tmp_path):
    name = tmp_path / ("x" * 250 + ".txt")  # 254 bytes: valid; its temporary name would not be
    assert bncost("estimate", "-n", "5000", "-o", name).code == 0 and name.read_text(encoding="utf-8").startswith("Kosten")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name.name]


# --------------------------------------------------------------------------- R3.10 bounded work before a limit


@pytest.mark.parametrize("n", [1062, 45_000])
def test_a_huge_scenario_is_refused_before_parsing(bncost, tmp_path, n):
    path = tmp_path / "veel.yaml"
    path.write_text(
        "naam: veel\nwijzigingen:\n" + "".join(f"  interviews.waarnemingen[onbekend-{i}].uren_per_maand: 5\n" for i in range(n)),
        encoding="utf-8",
    )
    check(
        bncost("estimate", "-n", "5000", "--scenario", path), 1, "te veel regels voor een scenario"
    )  # before parsing: see benchmarks/limits.py


def test_a_huge_member_list_stops_at_the_limit(bncost, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_text("gemeente\n" + "Utrecht\n" * 100_000, encoding="utf-8")
    check(bncost("regio", "--bestand", path), 1, "te veel regels (maximaal 5000)")
    from burgernet_cost.data.member_file import _csv_entries

    class Counting:
        """A csv reader that counts the rows taken from it."""

        def __init__(self):
            self.line_num, self.taken = 0, 0
            self.dialect = type("d", (), {"delimiter": ","})

        def __iter__(self):
            return self

        def __next__(self):
            self.line_num += 1
            self.taken += 1
            return ["gemeente"] if self.line_num == 1 else ["Utrecht"]

    reader = Counting()
    assert len(_csv_entries(reader, "x")) == 5001 and reader.taken == 5002  # an endless file: reading stopped at the limit


def test_many_unknown_ids_stop_at_the_message_limit(bncost, tmp_path):
    path = tmp_path / "veel.yaml"
    path.write_text(
        "naam: veel\nwijzigingen:\n" + "".join(f"  interviews.waarnemingen[onbekend-{i}].uren_per_maand: 5\n" for i in range(900)),
        encoding="utf-8",
    )
    r = bncost("estimate", "-n", "5000", "--scenario", path)
    assert r.code == 1 and len(r.err.splitlines()) == 61 and "onbekend-899" not in r.err


# --------------------------------------------------------------------------- R3.11 text that cannot be shown


@pytest.mark.parametrize("name", ["Utr\u202eecht", "Utr\u2028echt", "Utr\u200becht", "Utr\u2066echt\u2069", "Utr\x85echt"])
def test_invisible_characters_are_escaped_in_messages(bncost, tmp_path, name):
    members = tmp_path / "leden.csv"
    members.write_text(f"gemeente\n{name}\n", encoding="utf-8")
    r = bncost("regio", "--bestand", members)
    line = one_dutch_line(r.err)
    assert (r.code == 1 and "\\u" in line) or "\\x85" in line
    assert not any(ch in line for ch in "\u202e\u2028\u200b\u2066\u2069\x85")


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ("gemeente\nUtrecht\n".encode("utf-16-le"), "in UTF-16 opgeslagen"),
        ("gemeente\nUtrecht\n".encode("utf-16"), "in UTF-16 opgeslagen"),
        ("gemeente\nUtrecht\n".encode("utf-32"), "in UTF-32 opgeslagen"),
        (b"gemeente\nUtr\x00echt\n", "nul-byte"),
    ],
)
def test_wide_encodings_are_named(bncost, tmp_path, data, needle):
    for suffix in (".csv", ".yaml"):
        members = tmp_path / f"leden{suffix}"
        members.write_bytes(data)
        check(bncost("regio", "--bestand", members), 1, needle)


def test_messages_are_cut_to_the_promised_length(bncost):
    r = bncost("regio", "--eenheid", "x" * 5000 + "\u202e")
    line = one_dutch_line(r.err)
    assert len(line) < 400 and "xxxxx…" in line


# --------------------------------------------------------------------------- R3.12 Dutch numbers mean one thing


@pytest.mark.parametrize("option", [["--uurtarief"], ["--schaalvoordeel"]])
def test_ambiguous_thousands_are_refused(bncost, option):
    command = "compare-models" if option == ["--schaalvoordeel"] else "estimate"
    check(bncost(command, "-n", "5000", *option, "1.234"), 2, "dubbelzinnig", "1234", "1,234")


def test_set_reads_dutch_numbers_like_the_options(bncost):
    check(bncost("estimate", "-n", "5000", "--set", "interviews.waarnemingen[2].uren_per_maand=1.234"), 2, "dubbelzinnig")
    a = bncost("estimate", "-n", "5000", "-f", "json", "--set", "interviews.waarnemingen[2].uren_per_maand=1.234,5")
    b = bncost("estimate", "-n", "5000", "-f", "json", "--set", "interviews.waarnemingen[2].uren_per_maand=1234.5")
    assert a.code == b.code == 0 and a.out.replace("1.234,5", "1234.5") == b.out.replace("1.234,5", "1234.5")
    assert bncost("estimate", "-n", "1.234", "-f", "json").out == bncost("estimate", "-n", "1234", "-f", "json").out
    u1, u2 = bncost("estimate", "-n", "5000", "--uurtarief", "1.234,5"), bncost("estimate", "-n", "5000", "--uurtarief", "1234.5")
    assert u1.code == 0 and u1.out == u2.out


@pytest.mark.parametrize(
    ("text", "value"),
    [("0,5", "0.5"), ("12.5", "12.5"), ("1.234,5", "1234.5"), ("1.234.567", "1234567"), ("-1,25", "-1.25"), ("1234", "1234")],
)
def test_dutch_number_readings(text, value):
    from burgernet_cost.data.dutch_numbers import normalise

    assert normalise(text) == value


# --------------------------------------------------------------------------- member lists as Dutch Excel saves them


def test_windows_1252_member_list_is_read_with_a_note(bncost, tmp_path):
    members = tmp_path / "leden.csv"
    members.write_bytes("gemeente;contact\nSúdwest-Fryslân;José\n".encode("cp1252"))
    r = bncost("regio", "--bestand", members, "-f", "csv")
    assert r.code == 0 and "GM1900" in r.out and "José" in r.out
    assert r.err.startswith("Let op: ") and "Windows-1252" in r.err


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_member_list_with_or_without_bom(bncost, tmp_path, bom):
    members = tmp_path / "leden.csv"
    members.write_bytes(bom + "gemeente;contact\nSúdwest-Fryslân;José\n".encode())
    r = bncost("regio", "--bestand", members, "-f", "csv")
    assert r.code == 0 and "José" in r.out and r.err == ""


def test_xlsx_member_list(bncost, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leden"
    sheet.append(["Gemeente", "Inwoners", "Contact"])
    sheet.append(["Súdwest-Fryslân", 90000, "José"])
    second = book.create_sheet("Tweede")
    second.append(["gemeente"])
    second.append(["Utrecht"])
    path = tmp_path / "leden.xlsx"
    book.save(path)
    first = bncost("regio", "--bestand", path, "-f", "json")
    assert first.code == 0 and '"inwoners": 90000' in first.out and "José" in first.out
    other = bncost("regio", "--bestand", path, "--blad", "tweede", "-f", "json")
    assert other.code == 0 and "GM0344" in other.out
    check(bncost("regio", "--bestand", path, "--blad", "Derde"), 2, "'Derde' is geen blad", "'Leden', 'Tweede'")


@pytest.mark.parametrize("suffix", [".ods", ".xls", ".pdf"])
def test_unsupported_member_formats_are_named(bncost, tmp_path, suffix):
    path = tmp_path / f"leden{suffix}"
    path.write_bytes(b"PK\x03\x04rommel")
    check(bncost("regio", "--bestand", path), 1, f"bestandsformaat '{suffix}' wordt niet ondersteund")


def test_missing_openpyxl_is_named(bncost, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_openpyxl(name, *args, **kw):
        if name == "openpyxl":
            raise ImportError(name)
        return real_import(name, *args, **kw)

    path = tmp_path / "leden.xlsx"
    path.write_bytes(b"PK")
    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    check(bncost("regio", "--bestand", path), 1, "openpyxl", "bncost[excel]")


# --------------------------------------------------------------------------- R3.5 validate: everything shipped, and how it fits


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "needle"),
    [
        ("interviews.yaml", "uren_per_maand: 6\n", "uren_per_maand: 8\n", "gepubliceerd cijfer 8 staat niet in het eigen citaat"),
        ("interviews.yaml", "uren_per_maand: 342\n", "uren_per_maand: 324\n", "gepubliceerd cijfer 324 staat niet"),
        ("salary_scales.yaml", "uren_per_week: ", "uren_per_week: 40  # was: ", "past niet bij 40 uur per week"),
        (
            "gemeenten.yaml",
            "  - {alias: Den Bosch,",
            '  - {alias: Den Haag, gemeente: "\'s-Gravenhage"}\n  - {alias: Den Bosch,',
            "alias 'Den Haag' staat er twee keer",
        ),
        (
            "gemeenten.yaml",
            "  - {alias: Den Bosch,",
            "  - {alias: Utrecht, gemeente: Amersfoort}\n  - {alias: Den Bosch,",
            "is de naam van een echte gemeente",
        ),
        (
            "gemeenten.yaml",
            "  - {alias: Den Bosch,",
            "  - {alias: Amersfoort, gemeente: Amersfoort}\n  - {alias: Den Bosch,",
            "verwijst naar zichzelf",
        ),
        (
            "interviews.yaml",
            '      citaat: "de tijdsinvestering voor de beleidstaken',
            '      geraadpleegd: 2999-01-01\n      citaat: "de tijdsinvestering voor de beleidstaken',
            "na vandaag",
        ),
    ],
)
def test_validate_checks_how_files_fit(bncost, data_copy, file, old, new, needle):
    _edit(data_copy / file, old, new)
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1 and needle in " ".join(r.out.split()), r.out


def test_validate_reads_the_population_series(bncost, data_copy):
    series = data_copy / "gemeenten" / "gemeenten_bevolking_2012_2024.csv"
    lines = series.read_text(encoding="utf-8").splitlines()
    rows = [i for i, line in enumerate(lines) if ",2014-01-01," in line][:2]
    for i, delta in zip(rows, (500, -500), strict=True):  # the total stays right; the municipalities do not
        code, naam, peildatum, inwoners = lines[i].split(",")
        lines[i] = ",".join([code, naam, peildatum, str(int(inwoners) + delta)])
    series.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    said = " ".join(r.out.split())  # the table's row and the series' row, each with file and line
    assert r.code == 1 and "gemeenten_2014.csv:2: GM0003" in said and "de bevolkingsreeks noemt" in said
    series.write_text("\n".join([*lines, "GM0003,Appingedam,2014-01-01,abc"]) + "\n", encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1 and "'abc' is geen positief geheel aantal inwoners" in " ".join(r.out.split())


def test_quoted_numbers_are_read_in_every_reading():
    from decimal import Decimal

    from burgernet_cost.domain.consistency import quoted_numbers

    assert {Decimal(54600), Decimal(6)} <= quoted_numbers("6 uur per maand voor ongeveer 54.600 inwoners")
    assert Decimal(3_100_000) in quoted_numbers("342 uur per maand voor 3.1 miljoen inwoners")
    assert {Decimal("0.04"), Decimal("0.16")} <= quoted_numbers("variëren van 4 tot 16 cent per inwoner")
    assert Decimal("0.07") in quoted_numbers("€ 0,07 per inwoner")


# --------------------------------------------------------------------------- R3.8 third-party settings stay inside
# (the charts are drawn by bncost itself since the council document moved to its own SVG plotter; a
# user's charting-library settings, HOME and warnings must still change nothing)


@pytest.mark.parametrize(
    "env",
    [
        {"MPLBACKEND": "onzin"},
        {"MPLBACKEND": "Qt5Agg"},
        {"MATPLOTLIBRC": "/etc/passwd"},
        {"MPLCONFIGDIR": "/proc/1"},
        {"MPLCONFIGDIR": "/etc/passwd"},
        {"HOME": "/bestaat/niet"},
        {"HOME": ""},
        {"rc": "backend: onzin\nfont.size: groot\nfoo: bar\n"},
    ],
)
def test_charting_settings_never_reach_the_user(tmp_path, env):
    if "rc" in env:
        (tmp_path / "matplotlibrc").write_text(env.pop("rc"), encoding="utf-8")
    r = proc("rapport", "-n", "5000", "-o", str(tmp_path / "r.html"), env=env, cwd=tmp_path)
    assert r.returncode == 0 and r.stderr == b"", r.stderr.decode()
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count("<svg") >= 3


# --------------------------------------------------------------------------- R3.9 diff sides


@pytest.fixture
def git_repo(tmp_path, monkeypatch):
    if not shutil.which("git"):
        pytest.skip("git ontbreekt")
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    _edit(repo / "data" / "interviews.yaml", "uren_per_maand: 6\n", "uren_per_maand: -6\n")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q"], ["add", "data"], ["commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    shutil.copy(DATA / "interviews.yaml", repo / "data" / "interviews.yaml")
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize(
    ("side", "code", "needle"),
    [
        ("HEAD", 1, "HEAD:data/interviews.yaml:40"),
        ("HEAD:data", 1, "HEAD:data/interviews.yaml:40"),
        ("HEAD:data/", 1, "HEAD:data/interviews.yaml:40"),
        ("HEAD:./data", 1, "HEAD:data/interviews.yaml:40"),
        ("HEAD:data/gemeenten/../../data", 1, "HEAD:data/interviews.yaml:40"),
        ("HEAD:data/tasks.yaml", 2, "is een bestand; diff vergelijkt datamappen"),
        ("HEAD:data/gemeenten", 2, "is geen datamap"),
        ("HEAD:../buiten", 2, "het pad moet een map in de repository zijn"),
        ("HEAD:.", 2, "het pad moet een map in de repository zijn"),
        ("HEAD:geen-map", 2, "staat geen map"),
    ],
)
def test_every_git_side_form(bncost, git_repo, side, code, needle):
    r = bncost("diff", side, "--data-dir", "data")
    assert r.code == code, (r.out, r.err)
    assert needle in r.err + r.out and "bncost-diff-" not in r.err + r.out and "/tmp" not in r.err


# --------------------------------------------------------------------------- R3.13 Ctrl-C


def test_nothing_slow_is_imported_before_mains_guard():
    code = "import sys; before = set(sys.modules); import burgernet_cost.cli; print(sorted(set(sys.modules) - before))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert eval(out) == ["__future__", "burgernet_cost", "burgernet_cost.cli"]  # our own repr


def test_ctrl_c_while_writing_the_message_still_exits_130(monkeypatch, capsys):
    import builtins

    from burgernet_cost import cli

    real = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "burgernet_cost.cli.app":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    class Broken:
        def write(self, text):
            raise KeyboardInterrupt

        def flush(self):
            pass

    monkeypatch.delitem(sys.modules, "burgernet_cost.cli.app", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    monkeypatch.setattr(sys, "stderr", Broken())
    assert cli.main(["estimate", "-n", "5"]) == 130


# --------------------------------------------------------------------------- calibration said first


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_uncalibrated_data_says_so_first(bncost, data_copy, fmt):
    _edit(data_copy / "interviews.yaml", "uren_per_maand: 342\n", "uren_per_maand: 500\n")
    for command in (["estimate", "-n", "54600"], ["compare-models", "-n", "54600"], ["regio", "--eenheid", "Zeeland"]):
        r = bncost(*command, "--data-dir", data_copy, "-f", fmt)
        assert r.code == 0
        if fmt == "json":
            import json

            assert json.loads(r.out)["kalibratie"]["reproduceert_rapport"] is False
        else:
            assert "reproduceert de uitkomsten van het rapport niet" in " ".join(r.out.splitlines()[:4])
        assert "reproduceert beide gerapporteerde uitkomsten;" not in " ".join(r.out.split())
    plain = bncost("estimate", "-n", "54600", "--data-dir", DATA)
    assert "Let op" not in plain.out.splitlines()[1]


@pytest.mark.parametrize(
    "args",
    [
        ["gemeenten", "--zoek", "x" * 3000],
        ["estimate", "-n", "x" * 3000],
        ["x" * 3000],
        ["estimate", "-n", "5", "--set", "interviews.waarnemingen[0].uren_per_maand=" + "x" * 3000],
        ["taken", "--rol", "x" * 3000],
        ["gemeenten", "--zoek", "ab " * 500],
    ],
)
def test_every_message_is_cut(bncost, args):
    r = bncost(*args)
    line = one_dutch_line(r.err)
    assert len(line) <= 6 + 400 and not any(len(word) > 100 for word in line.split()), line


def test_a_home_that_cannot_be_determined_means_no_cache(bncost, monkeypatch, tmp_path):
    from pathlib import Path as P

    good = bncost("estimate", "-n", "5000", "-f", "json").out

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("BNCOST_NO_CACHE", raising=False)
    monkeypatch.setattr(P, "home", staticmethod(no_home))
    r = bncost("estimate", "-n", "5000", "-f", "json")
    assert r.code == 0 and r.out == good and r.err == ""
    readonly = tmp_path / "home"
    readonly.mkdir(mode=0o500)
    monkeypatch.setattr(P, "home", staticmethod(lambda: readonly))
    r = bncost("estimate", "-n", "5000", "-f", "json")
    assert r.code == 0 and r.out == good and r.err == ""


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        (
            'deel_van: pol-mb-01, tekst: "Informeren',
            'deel_van: pol-mb-02, tekst: "Informeren',
            "deel_van gaat rond: pol-mb-02 -> pol-mb-02",
        ),
        (
            '  - {id: pol-mb-01, rol: manager_burgernet, onderwerp: relatie_met_deelnemers, sectie: "Bijlage 1",',
            '  - {id: pol-mb-01, rol: manager_burgernet, onderwerp: relatie_met_deelnemers, sectie: "Bijlage 1", deel_van: pol-mb-02,',
            "deel_van gaat rond: pol-mb-01 -> pol-mb-02 -> pol-mb-01",
        ),
    ],
)
def test_references_to_themselves_or_round(bncost, data_copy, old, new, needle):
    _edit(data_copy / "tasks.yaml", old, new)
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1 and needle in " ".join(r.out.split()), r.out


@pytest.mark.parametrize(
    ("new", "needle"),
    [
        ("[rapport-2014, rapport-2014-met-toeslagen]", "is het standaardprofiel zelf"),
        ("[rapport-2014-b, rapport-2014-b]", "staat er twee keer"),
    ],
)
def test_alternatives_that_are_the_standard_or_twice(bncost, data_copy, new, needle):
    _edit(data_copy / "salary_scales.yaml", "alternatieven: [rapport-2014-b, rapport-2014-met-toeslagen]", f"alternatieven: {new}")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1 and needle in " ".join(r.out.split()), r.out


# --------------------------------------------------------------------------- records as Python values


@pytest.mark.parametrize("how", ["copy", "deepcopy", "pickle"])
def test_a_data_set_copies_and_pickles(how):
    """The library's values are ordinary Python values: a Dataset (records inside) copies, deep-copies
    and pickles (to another process) into an equal one that gives the same answers."""
    import copy
    import pickle

    import burgernet_cost as bn

    ds = bn.load_dataset(DATA, use_cache=False)
    again = {"copy": copy.copy, "deepcopy": copy.deepcopy, "pickle": lambda v: pickle.loads(pickle.dumps(v))}[how](ds)
    assert again == ds
    assert bn.estimate(again, 54600, "basis") == bn.estimate(ds, 54600, "basis")
    record = ds.interviews.waarnemingen[0]
    assert pickle.loads(pickle.dumps(record)) == record and hash(copy.deepcopy(record)) == hash(record)


# --------------------------------------------------------------------------- Tab: only candidates, exactly as they are


def _tab(env: dict[bytes, bytes], cwd: Path, stdout=subprocess.PIPE):
    full = {os.fsencode(k): os.fsencode(v) for k, v in os.environ.items() if not k.startswith(("_BNCOST", "COMP_", "BNCOST"))}
    return subprocess.run([*BNCOST], env={**full, **env}, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, timeout=60)


def test_tab_offers_only_names_it_can_give_exactly(tmp_path):
    """A file name with a line break (it would reach the shell as two candidates), an escape sequence
    (it would reach the terminal) or bytes that are not UTF-8 (it would be offered as another name)
    is not offered; the others are, in every shell's form."""
    for name in (b"goed.csv", b"twee\nregels.csv", b"kleur\x1b[31m.csv", b"latin\xe9.csv", b"omkeer\xe2\x80\xae.csv"):
        (tmp_path / os.fsdecode(name)).write_text("x")
    requests = {
        "bash": {b"_BNCOST_COMPLETE": b"complete_bash", b"COMP_WORDS": b"bncost\nregio\n--bestand\n", b"COMP_CWORD": b"3"},
        "zsh": {b"_BNCOST_COMPLETE": b"complete_zsh", b"_BNCOST_COMPLETE_ARGS": b"bncost regio --bestand "},
        "fish": {b"_BNCOST_COMPLETE": b"complete_fish", b"_BNCOST_COMPLETE_ARGS": b"bncost regio --bestand "},
        "powershell": {
            b"_BNCOST_COMPLETE": b"complete_powershell",
            b"_BNCOST_COMPLETE_ARGS": b"bncost regio --bestand ",
            b"_BNCOST_COMPLETE_WORD": b"",
        },
    }
    for shell, env in requests.items():
        r = _tab(env, tmp_path)
        assert r.returncode == 0 and r.stderr == b"", (shell, r.stderr)
        assert b"goed.csv" in r.stdout, shell
        for bad in (b"regels", b"kleur", b"\x1b", b"latin", b"omkeer", b"?"):
            assert bad not in r.stdout, (shell, bad, r.stdout)


@pytest.mark.parametrize("cword", ["-1", "-3", "0", "x", "9" * 500])
def test_tab_with_an_impossible_cursor_offers_nothing(tmp_path, cword):
    env = {b"_BNCOST_COMPLETE": b"complete_bash", b"COMP_WORDS": b"bncost\nestimate\n--gemeente\nUtr", b"COMP_CWORD": cword.encode()}
    r = _tab(env, tmp_path)
    assert r.returncode in (0, 1) and (r.stdout, r.stderr) == (b"", b"")


@pytest.mark.parametrize("target", ["closed", "/dev/full"])
def test_the_script_by_source_to_lost_output_is_dutch(tmp_path, target):
    env = {b"_BNCOST_COMPLETE": b"source_bash"}
    if target == "closed":
        code = "import os, sys; os.close(1); from burgernet_cost.cli import main; sys.exit(main([]))"
        full = {**os.environ, "_BNCOST_COMPLETE": "source_bash"}
        r = subprocess.run([sys.executable, "-c", code], env=full, stderr=subprocess.PIPE, timeout=60)
    else:
        with open(target, "w") as out:
            r = _tab(env, tmp_path, stdout=out)
    assert r.returncode == 74
    assert "de uitvoer kon niet" in one_dutch_line(r.stderr.decode())


@pytest.mark.parametrize("value", ["relatief/thuis", "."])
def test_install_refuses_a_home_that_is_not_a_full_path(bncost, tmp_path, monkeypatch, value):
    """HOME='' is '/' to Python, a relative HOME the current folder: the files would land there.
    (HOME='' is checked without installing: were the check gone, the test would write in '/'.)"""
    from burgernet_cost.cli import completion_install
    from burgernet_cost.errors import UsageProblem

    monkeypatch.setenv("HOME", "")
    with pytest.raises(UsageProblem, match="thuismap"):
        completion_install.home_folder()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", value)
    monkeypatch.setattr(completion_install, "detect_shell", lambda: "bash")
    check(bncost("--install-completion"), 2, "thuismap", "er is niets gewijzigd")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fails", ["map", "schrijven"])
def test_install_is_all_or_nothing(bncost, tmp_path, monkeypatch, fails):
    """When the start-up file cannot be written (its folder cannot be made, the write fails), the
    script written before it is taken back, folders made for it too, and an old script keeps its content."""
    from burgernet_cost.cli import completion_install

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(completion_install, "detect_shell", lambda: "bash")
    (tmp_path / "oud").mkdir()
    if fails == "map":
        (tmp_path / ".bashrc").symlink_to("/proc/geen-map/bashrc")
    else:
        real = completion_install.write_file

        def failing(target, data, real_path=None):
            if target.endswith(".bashrc"):
                raise completion_install.BncostError("kon niet worden geschreven; er is niets gewijzigd")
            return real(target, data, real_path)

        monkeypatch.setattr(completion_install, "write_file", failing)
        (tmp_path / ".bash_completions").mkdir()
        (tmp_path / ".bash_completions" / "bncost.sh").write_text("# een eerder script\n")
    r = bncost("--install-completion")
    assert r.code in (1, 2) and r.out == "" and "er is niets gewijzigd" in one_dutch_line(r.err)
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    if fails == "map":
        assert left == [".bashrc", "oud"]
    else:
        assert left == [".bash_completions", ".bash_completions/bncost.sh", "oud"]
        assert (tmp_path / ".bash_completions" / "bncost.sh").read_text() == "# een eerder script\n"


# --------------------------------------------------------------------------- one process, many runs


def test_a_run_leaves_nothing_for_the_next(bncost, tmp_path):
    """Runs in one process (the library, a notebook, a test suite) are independent: the sheet an
    earlier run chose with --blad does not choose the sheet of a later workbook that names none
    (it gave other members, silently), neither in a run nor in a library call."""
    openpyxl = pytest.importorskip("openpyxl")
    from burgernet_cost.data.member_file import read_member_file
    from burgernet_cost.data.municipalities import load_municipalities

    paths = {}
    for name, sheets in {"a": {"Eerste": "Utrecht", "Tweede": "Amsterdam"}, "b": {"Blad1": "Maastricht", "Tweede": "Venlo"}}.items():
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, member in sheets.items():
            book.create_sheet(title).append(["gemeente"])
            book[title].append([member])
        paths[name] = tmp_path / f"{name}.xlsx"
        book.save(paths[name])
    alone = bncost("regio", "--bestand", paths["b"], "-f", "json")
    assert alone.code == 0 and "GM0935" in alone.out  # Maastricht, the first sheet
    assert "GM0363" in bncost("regio", "--bestand", paths["a"], "--blad", "Tweede", "-f", "json").out
    assert bncost("regio", "--bestand", paths["b"], "-f", "json") == alone
    gm = load_municipalities(DATA)
    assert [m.naam for m in read_member_file(paths["b"], gm, 2024)] == ["Maastricht"]


# --------------------------------------------------------------------------- hostile names in every document

HOSTILE = {
    "Utrecht": "<script>alert(1)</script>&amp;\"'",
    "Amersfoort": '=HYPERLINK("http://x","klik")',
    "Zeist": "\u202eleetS\u202c evil\x07",
    "Nieuwegein": "+1-2",
    "Houten": "@SUM(A1)",
    "Woerden": "-" + "L" * 3000,
    "Vianen": " =1+1",
    "Veenendaal": "Veen\nendaal",
}


@pytest.fixture
def hostile_data(data_copy):
    import csv

    path = data_copy / "gemeenten" / "gemeenten_2014.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    for row in rows:
        row[1] = HOSTILE.get(row[1], row[1])
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return data_copy


def test_hostile_names_reach_every_document_whole(bncost, tmp_path, hostile_data):
    """Names with HTML, formulas, control and bidi characters, a line break or 3000 characters (from a
    data folder or a member list): the Markdown table keeps one row per member (a line break no longer
    ends a row, '&amp;' stays '&amp;'), the page escapes them, the workbook keeps them as text, and
    --per-gemeente writes a file for each (a file name of any length fits)."""
    base = ("--data-dir", hostile_data, "--eenheid", "Midden-Nederland", "--jaar", "2014")
    members = json.loads(bncost("regio", *base, "-f", "json").out)["leden"]
    assert len(members) > len(HOSTILE)
    md = bncost("regio", *base, "-f", "markdown").out
    table = [line for line in md.splitlines() if line.startswith("|")]
    rows = [line for line in table if re.match(r"\|\s*\*\*Totaal", line) is None][2:]  # header and rule
    assert len(rows) == len(members), len(rows)
    assert "\\&amp;" in md and "Veen\\\\x0aendaal" in md
    page = tmp_path / "r.html"
    assert bncost("rapport", *base, "-o", page).code == 0
    text = page.read_text(encoding="utf-8")
    assert "<script>alert" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" in text
    assert "\u202e" not in text and "\x07" not in text
    folder = tmp_path / "per"
    r = bncost("rapport", *base, "--per-gemeente", "-o", folder)
    assert r.code == 0, r.err
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(members) + 1 and max(len(n) for n in names) <= 100
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}"' in index for n in names if n != "index.html")


def test_hostile_names_stay_text_in_the_workbook(bncost, tmp_path, hostile_data):
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    assert bncost("rapport", "--data-dir", hostile_data, "--eenheid", "Midden-Nederland", "--jaar", "2014", "-o", book).code == 0
    cells = [c for ws in openpyxl.load_workbook(book).worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for marker in ("HYPERLINK", "SUM(A1)", "+1-2", "=1+1", "LLLL", "script"):
        found = [c for c in cells if marker in c.value]
        assert found and all(c.data_type == "s" for c in found), marker


def test_per_gemeente_stopped_halfway_leaves_nothing(bncost, tmp_path, monkeypatch):
    """A batch is all or nothing: a failure after the first documents leaves no folder and no
    temporary folder, and says that nothing was written."""
    import errno

    from burgernet_cost.cli import report_batch

    real_write, calls = os.write, []

    def full_after_two(fd, data):
        if fd > 2:
            calls.append(fd)
            if len(calls) > 2:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    real_batch_write = report_batch.Batch.write

    def counted(self, name, data):
        monkeypatch.setattr(os, "write", full_after_two)
        try:
            return real_batch_write(self, name, data)
        finally:
            monkeypatch.setattr(os, "write", real_write)

    monkeypatch.setattr(report_batch.Batch, "write", counted)
    r = bncost("rapport", "--eenheid", "Zeeland", "--per-gemeente", "-o", tmp_path / "per")
    assert r.code == 74 and r.out == ""
    line = one_dutch_line(r.err)
    assert "de schijf is vol" in line and "er is niets geschreven" in line
    assert list(tmp_path.iterdir()) == []


# =========================================================================== round 4 (issue 27)
# --------------------------------------------------------------------------- R4.1 Excel member lists as Excel shows them


def _book(path: Path, sheets: list[tuple[str, list[list]]], active: int = 0, hidden: tuple[int, ...] = ()) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for n in hidden:
        book.worksheets[n].sheet_state = "hidden"
    book.active = active
    book.save(path)
    return path


def _rewrite_part(path: Path, part: str, change) -> Path:
    import zipfile

    data = {i.filename: (i, zipfile.ZipFile(path).read(i.filename)) for i in zipfile.ZipFile(path).infolist()}
    target = path.with_name("bewerkt-" + path.name)
    with zipfile.ZipFile(target, "w") as out:
        for name, (info, content) in data.items():
            out.writestr(info, change(content) if name.endswith(part) else content)
    return target


def _members_json(bncost, *args) -> dict[str, int]:
    r = bncost("regio", *args, "-f", "json")
    assert r.code == 0, r.err
    return {m["gemeente"]: m["inwoners"] for m in json.loads(r.out)["leden"]}


def test_a_stale_sheet_size_loses_no_row_or_column(bncost, tmp_path):
    import re as re_

    rows = [["gemeente", "inwoners"], ["Utrecht", 300000], ["Zeist", 60000], ["Houten", 50000]]
    path = _book(tmp_path / "leden.xlsx", [("Leden", rows)])
    for ref in (b"A1:B2", b"A1:A4", b"A1:A1"):  # fewer rows, fewer columns, one cell
        stale = _rewrite_part(
            path, "sheet1.xml", lambda d, ref=ref: re_.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="' + ref + b'"/>', d)
        )
        assert b'<dimension ref="' + ref in __import__("zipfile").ZipFile(stale).read("xl/worksheets/sheet1.xml")
        assert _members_json(bncost, "--bestand", stale) == {"Utrecht": 300000, "Zeist": 60000, "Houten": 50000}


def test_rows_after_empty_rows_are_read_and_only_members_count_to_the_limit(bncost, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["gemeente", "inwoners"])
    sheet.append(["Utrecht", 300000])
    sheet.cell(row=6000, column=1, value="Zeist")  # beyond the old 5.001-row limit, counted with empty rows
    sheet.cell(row=6000, column=2, value=60000)
    sheet.cell(row=70000, column=1, value="Houten")
    path = tmp_path / "leden.xlsx"
    book.save(path)
    houten = _members_json(bncost, "--gemeenten", "Houten")["Houten"]  # no number in the list: the CBS figure
    assert _members_json(bncost, "--bestand", path) == {"Utrecht": 300000, "Zeist": 60000, "Houten": houten}


@pytest.mark.parametrize("formula", ["=100000*3", "=SUM(B3:B4)", "=Blad2!A1"])
def test_a_formula_without_a_stored_result_is_refused_never_replaced_by_cbs(bncost, tmp_path, formula):
    path = _book(tmp_path / "leden.xlsx", [("Leden", [["gemeente", "inwoners"], ["Zeist", 60000], ["Utrecht", formula]])])
    check(bncost("regio", "--bestand", path), 1, "leden.xlsx:3:", "cel B3", "formule zonder opgeslagen uitkomst")


def test_a_formula_with_a_stored_result_counts_with_that_result(bncost, tmp_path):
    path = _book(tmp_path / "leden.xlsx", [("Leden", [["gemeente", "inwoners"], ["Utrecht", "=100000*3"]])])
    saved = _rewrite_part(path, "sheet1.xml", lambda d: d.replace(b"<f>100000*3</f><v />", b"<f>100000*3</f><v>300000</v>"))
    assert b"<v>300000</v>" in __import__("zipfile").ZipFile(saved).read("xl/worksheets/sheet1.xml")  # as Excel saves it
    assert _members_json(bncost, "--bestand", saved) == {"Utrecht": 300000}


def test_the_sheet_excel_shows_is_read(bncost, tmp_path):
    sheets = [("oud", [["gemeente", "inwoners"], ["Amsterdam", 5]]), ("Leden", [["gemeente", "inwoners"], ["Utrecht", 300000]])]
    hidden = _book(tmp_path / "verborgen.xlsx", sheets, active=1, hidden=(0,))
    r = bncost("regio", "--bestand", hidden, "-f", "json")
    assert r.code == 0 and '"Utrecht"' in r.out and "Amsterdam" not in r.out
    assert "blad 'Leden' gelezen" in r.err and "--blad" in r.err  # which sheet, said
    second = _book(tmp_path / "tweede.xlsx", sheets, active=1)
    assert _members_json(bncost, "--bestand", second) == {"Utrecht": 300000}
    assert _members_json(bncost, "--bestand", second, "--blad", "oud") == {"Amsterdam": 5}  # --blad wins, hidden or not
    only_hidden = _book(tmp_path / "alleen.xlsx", sheets[:1] + [("leeg", [])], active=1, hidden=(0,))
    assert _members_json(bncost, "--bestand", only_hidden, "--blad", "oud") == {"Amsterdam": 5}


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[:400]),  # cut short
        lambda p: p.write_text("gemeente,inwoners\nUtrecht,5\n"),  # a CSV named .xlsx
        lambda p: _rewrite_part(p, "sheet1.xml", lambda d: d[: len(d) // 2]).replace(p),  # half a sheet
        lambda p: _rewrite_part(p, "styles.xml", lambda d: b"<rommel").replace(p),
        lambda p: _rewrite_part(p, "workbook.xml.rels", lambda d: b"onzin").replace(p),
        lambda p: _rewrite_part(p, "workbook.xml", lambda d: b"<x/>").replace(p),
        lambda p: p.write_bytes(b""),
    ],
)
def test_damaged_workbooks_are_one_dutch_line_exit_1(bncost, tmp_path, damage):
    path = _book(tmp_path / "leden.xlsx", [("Leden", [["gemeente", "inwoners"], ["Utrecht", 300000]])])
    damage(path)
    r = bncost("regio", "--bestand", path)
    check(r, 1, "leden.xlsx")


def test_rapport_takes_blad(bncost, tmp_path):
    sheets = [("Uitleg", [["gemeente", "inwoners"], ["Amsterdam", 5000]]), ("Leden", [["gemeente", "inwoners"], ["Utrecht", 300000]])]
    path = _book(tmp_path / "leden.xlsx", sheets)
    r = bncost("rapport", "--bestand", path, "--blad", "Leden", "-o", tmp_path / "r.html")
    assert r.code == 0, r.err
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Utrecht" in page and "Amsterdam" not in page
    check(bncost("rapport", "--gemeente", "Utrecht", "--blad", "Leden", "-o", tmp_path / "s.html"), 2, "--blad")


# --------------------------------------------------------------------------- R4.2 the user's inhabitants, whatever the column is called


@pytest.mark.parametrize(
    "header", ["Inwonertal", "Aantal inwoners", "aantal_inwoners", "BEVOLKING", "Bevolkingsaantal", "Inwoners 1-1-2024", " inwoners "]
)
def test_usual_names_of_the_inhabitants_column_are_read(bncost, tmp_path, header):
    path = tmp_path / "leden.csv"
    path.write_text(f"gemeente;{header}\nUtrecht;300000\nZeist;60.000\n", encoding="utf-8")
    r = bncost("regio", "--bestand", path, "-f", "json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)["leden"]
    assert [(m["gemeente"], m["inwoners"]) for m in rows] == [("Utrecht", 300000), ("Zeist", 60000)]
    assert all(not str(m["bron_inwoners"]).startswith("CBS") for m in rows)


def test_usual_names_in_yaml_and_xlsx(bncost, tmp_path):
    yaml_path = tmp_path / "leden.yaml"
    yaml_path.write_text("gemeenten:\n  - {gemeente: Utrecht, Inwonertal: 300000}\n", encoding="utf-8")
    assert _members_json(bncost, "--bestand", yaml_path) == {"Utrecht": 300000}
    book = _book(tmp_path / "leden.xlsx", [("Leden", [["Gemeente", "Aantal inwoners"], ["Utrecht", 300000]])])
    assert _members_json(bncost, "--bestand", book) == {"Utrecht": 300000}


@pytest.mark.parametrize(
    "header, needle",
    [
        ("gemeente;inw.", "kolom 'inw.' is niet herkend"),
        ("gemeente;CBS-populatie", "kolom 'CBS-populatie' is niet herkend"),
        ("gemeente;inwoners_cbs;inwoners_eigen", "kolom 'inwoners_cbs' is niet herkend"),
        ("gemeente;Inwoners;Bevolking", "kolommen 'Inwoners' en 'Bevolking' zijn allebei inwoners"),
        ("gemeente;population", "kolom 'population' is niet herkend"),
    ],
)
def test_a_column_that_looks_like_inhabitants_is_recognised_or_refused(bncost, tmp_path, header, needle):
    path = tmp_path / "leden.csv"
    path.write_text(f"{header}\nUtrecht;1;2\n".replace(";1;2", ";1" + (";2" if header.count(";") > 1 else "")), encoding="utf-8")
    check(bncost("regio", "--bestand", path), 1, needle, "kolommen:")


def test_cbs_next_to_a_numeric_column_is_said(bncost, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_text("gemeente;aantal\nUtrecht;300000\n", encoding="utf-8")
    r = bncost("regio", "--bestand", path, "-f", "csv")
    assert r.code == 0
    assert "Let op:" in r.err and "de inwoners zijn die van het CBS" in r.err and "'aantal'" in r.err
    plain = tmp_path / "contact.csv"
    plain.write_text("gemeente;contact\nUtrecht;Jan\n", encoding="utf-8")
    assert bncost("regio", "--bestand", plain).err == ""  # text next to CBS figures needs no word


# --------------------------------------------------------------------------- R4.3 outputs over inputs


def test_diff_never_writes_over_a_compared_data_set(bncost, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(DATA, a)
    shutil.copytree(DATA, b)
    before = (b / "interviews.yaml").read_bytes()
    for target in (b / "interviews.yaml", a / "tasks.yaml", b / "gemeenten" / "gemeenten_2014.csv"):
        check(bncost("diff", a, b, "-o", target, "-f", "json"), 2, "--uitvoer")
    check(bncost("diff", a, b, "-o", b / "interviews.yaml", "-f", "json", "--overschrijf"), 2, "invoer")
    assert (b / "interviews.yaml").read_bytes() == before


def test_every_input_of_the_run_is_guarded(bncost, tmp_path, data_copy):
    members = tmp_path / "leden.csv"
    members.write_text("gemeente;inwoners\nUtrecht;300000\n", encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        "naam: s\nwijzigingen:\n  inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent: 20\n", encoding="utf-8"
    )
    cases = [
        ["regio", "--bestand", members, "-o", members, "-f", "csv", "--overschrijf"],
        ["estimate", "-n", 5, "--scenario", scenario, "-o", scenario, "-f", "json", "--overschrijf"],
        ["estimate", "-n", 5, "--data-dir", data_copy, "-o", data_copy / "tasks.yaml", "-f", "json", "--overschrijf"],
        ["rapport", "--gemeente", "Utrecht", "--data-dir", data_copy, "-o", data_copy / "x.html", "--overschrijf"],
    ]
    (data_copy / "x.html").write_text("mijn", encoding="utf-8")
    for args in cases:
        r = bncost(*args)
        assert r.code == 2 and "--uitvoer" in r.err, (args, r.err)
    assert "Utrecht;300000" in members.read_text(encoding="utf-8") and "naam: s" in scenario.read_text(encoding="utf-8")


def test_a_file_the_user_made_is_replaced_only_when_asked(bncost, tmp_path):
    target = tmp_path / "uit.json"
    target.write_text("mijn aantekeningen", encoding="utf-8")
    check(bncost("estimate", "-n", 5000, "-o", target), 2, "bestaat al", "--overschrijf")
    assert target.read_text(encoding="utf-8") == "mijn aantekeningen"
    assert bncost("estimate", "-n", 5000, "-o", target, "--overschrijf").code == 0
    first = json.loads(target.read_text(encoding="utf-8"))
    assert first["inwoners"] == 5000
    assert bncost("estimate", "-n", 6000, "-o", target).code == 0  # bncost's own output, as it wrote it: replaced
    assert json.loads(target.read_text(encoding="utf-8"))["inwoners"] == 6000
    target.write_text(target.read_text(encoding="utf-8") + " ", encoding="utf-8")  # edited since: the user's now
    check(bncost("estimate", "-n", 7000, "-o", target), 2, "bestaat al")


def test_a_read_only_file_is_never_replaced(bncost, tmp_path):
    target = tmp_path / "vast.txt"
    target.write_text("vast", encoding="utf-8")
    target.chmod(0o444)
    for extra in ([], ["--overschrijf"]):
        check(bncost("estimate", "-n", 5000, "-o", target, *extra), 2, "alleen-lezen")
    check(bncost("rapport", "-n", 5000, "-o", tmp_path / "vast.txt", "-f", "html"), 2, "alleen-lezen")
    assert target.read_text(encoding="utf-8") == "vast"


def test_per_gemeente_into_a_folder_with_other_files_needs_overschrijf(bncost, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "notities.txt").write_text("mijn", encoding="utf-8")
    args = ["rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "-o", folder]
    check(bncost(*args), 2, "bevat al bestanden", "notities.txt", "--overschrijf")
    assert sorted(p.name for p in folder.iterdir()) == ["notities.txt"]
    assert bncost(*args, "--overschrijf").code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["index.html", "notities.txt", "utrecht.html", "zeist.html"]
    fresh = tmp_path / "nieuw"
    assert bncost("rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "-o", fresh).code == 0
    assert bncost("rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "-o", fresh).code == 0  # its own files again
    check(bncost("rapport", "--per-gemeente", "--gemeenten", "Utrecht", "-o", DATA), 2, "datamap")


def test_a_folder_that_cannot_be_written_is_a_dutch_usage_error(bncost, tmp_path, monkeypatch):
    import errno

    from burgernet_cost.cli import report_batch

    def refused(path):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(report_batch, "make_folder", refused)
    for target in (tmp_path / "nieuw", tmp_path):
        check(
            bncost("rapport", "--per-gemeente", "--gemeenten", "Utrecht", "-o", target, "--overschrijf"),
            2,
            "kan niet worden geschreven",
            "geen rechten",
        )


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/1", "-"])
def test_dev_stdout_into_a_pipe_is_standard_output(target):
    r = proc("estimate", "-n", "5000", "-f", "json", "-o", target)
    assert r.returncode == 0 and r.stderr == b""
    assert json.loads(r.stdout)["inwoners"] == 5000
    page = proc("rapport", "-n", "5000", "-f", "html", "-o", target)
    assert page.returncode == 0 and page.stdout.startswith(b"<!DOCTYPE html>")


# --------------------------------------------------------------------------- R4.4 options never silently ignored


@pytest.mark.parametrize(
    "args, needle",
    [
        (["estimate", "-n", "5000", "--jaar", "2020", "--uurtarief", "40"], "--jaar: heeft geen effect"),
        (["estimate", "-n", "5000", "--jaar", "2020", "--kostenbasis", "integraal"], "--kostenbasis integraal"),
        (["estimate", "-n", "5000", "--jaar", "2030", "--peildatum", "2025-01-01"], "--peildatum"),
        (["compare-models", "--jaar", "2020", "--uurtarief", "40"], "--jaar: heeft geen effect"),
        (["gevoeligheid", "-n", "5000", "--jaar", "2020", "--uurtarief", "40"], "--jaar: heeft geen effect"),
        (["estimate", "-n", "5000", "--uitleg", "-f", "csv"], "--uitleg: heeft geen effect bij csv"),
        (["compare-models", "--uitleg", "-f", "csv-nl"], "--uitleg: heeft geen effect bij csv-nl"),
        (["regio", "--alle", "--uitleg", "-o", "regio.csv"], "--uitleg: heeft geen effect bij csv"),
        (
            ["compare-models", "--schaalvoordeel", "20", "--set", "inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=30"],
            "--schaalvoordeel",
        ),
        (["estimate", "-n", "5000", "--uurtarief", "40", "--set", "salary_scales.tariefprofielen[0].periodiek=5"], "--uurtarief"),
        (["estimate", "-n", "5000", "--periodiek", "3", "--set", "salary_scales.tariefprofielen[rapport-2014].periodiek=5"], "--periodiek"),
        (
            ["estimate", "-n", "5000", "--schaling-beleid", "per_gemeente", "--set", "interviews.schalingen[beleid].standaard=per_inwoner"],
            "--schaling-beleid",
        ),
        (["compare-models", "-n", "5000", "--set", "inrichtingsmodellen.referentiegemeente.inwoners=60000"], "--inwoners"),
        (["gemeenten", "--eenheid", "Zeeland", "--veiligheidsregio", "Utrecht"], "geen gemeente voldoet aan alle filters samen"),
        (["taken", "--rol", "manager_burgernet", "--pakket", "basis"], "geen taak voldoet aan alle keuzes samen"),
        (["taken", "--rol", "relatiebeheer", "--organisatie", "politie"], "hoort bij de gemeente, niet bij de politie"),
        (["taken", "--rol", "manager_burgernet", "--organisatie", "gemeente"], "hoort bij de politie, niet bij de gemeente"),
        (["diff", "data", "data", "--jaar", "1990"], "1990 ligt buiten de data"),
        (["diff", "data", "data", "--jaar", "2031"], "2031 ligt buiten de data"),
    ],
)
def test_options_that_would_be_ignored_are_refused(bncost, monkeypatch, tmp_path, args, needle):
    monkeypatch.chdir(REPO) if "diff" in args else monkeypatch.chdir(tmp_path)
    check(bncost(*args), 2, needle)


def test_options_that_do_have_an_effect_still_work(bncost):
    for args in (
        ["estimate", "-g", "Utrecht", "--jaar", "2020", "--uurtarief", "40"],  # --jaar chooses the inhabitants
        ["estimate", "-n", "5000", "--jaar", "2020"],  # --jaar chooses the price level
        ["estimate", "-n", "5000", "--uitleg", "-f", "json"],
        ["taken", "--rol", "manager_burgernet"],  # the role's own organisation without --organisatie
        ["taken", "--rol", "relatiebeheer", "--organisatie", "alle"],
        ["compare-models", "--set", "inrichtingsmodellen.referentiegemeente.inwoners=60000", "-f", "json"],
    ):
        r = bncost(*args)
        assert r.code == 0 and r.out, (args, r.err)
    assert (
        json.loads(bncost("compare-models", "--set", "inrichtingsmodellen.referentiegemeente.inwoners=60000", "-f", "json").out)["inwoners"]
        == 60000
    )
    assert (
        "Uitleg" in bncost("estimate", "-n", "5000", "--uitleg", "-f", "markdown").out
        or "uitleg" in bncost("estimate", "-n", "5000", "--uitleg", "-f", "json").out
    )


# --------------------------------------------------------------------------- R4.5 merged municipalities in lists


def test_a_merged_municipality_is_named_with_its_successors_and_year(bncost, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_text("gemeente\nUtrecht\nHaaren\n", encoding="utf-8")
    for args in (["regio", "--bestand", path, "--jaar", "2024"], ["regio", "--gemeenten", "Utrecht,Haaren", "--jaar", "2022"]):
        check(bncost(*args), 2 if "--gemeenten" in args else 1, "Haaren bestond op", "Boxtel", "1-1-2021", "kies --jaar 2020 of eerder")


def test_the_advice_for_a_merged_municipality_works(bncost, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_text("gemeente\nUtrecht\nHaaren\n", encoding="utf-8")
    assert _members_json(bncost, "--bestand", path, "--jaar", "2020").keys() == {"Utrecht", "Haaren"}
    for args in (["--gemeenten", "Utrecht,Haaren"], ["--bestand", path]):
        r = bncost("rapport", *args, "--jaar", "2020", "-o", tmp_path / "r.html", "--overschrijf")
        assert r.code == 0, r.err
        assert bncost("rapport", *args, "-o", tmp_path / "s.html", "--overschrijf").code == 0  # the report's year
        series = json.loads(bncost("reeks", *args, "-f", "json").out)  # reeks has no --jaar: it needs none
        rows = {p["jaartal"]: p for p in series["jaren"]}
        assert rows[2020]["ontbrekend"] in (None, "", []) and "Haaren" in str(rows[2021]["ontbrekend"])
        assert rows[2021]["inwoners"] < rows[2020]["inwoners"]  # Haaren counts until its merger, not after


# --------------------------------------------------------------------------- R4.6 Ctrl-C and SIGTERM


@pytest.mark.parametrize("sig, code, needle", [("INT", 130, "Fout: afgebroken (Ctrl-C)"), ("TERM", 143, "Fout: afgebroken (SIGTERM)")])
def test_a_signal_during_a_batch_says_so_and_leaves_nothing(tmp_path, sig, code, needle):
    import signal

    target = tmp_path / "map"
    p = subprocess.Popen(
        [*BNCOST, "rapport", "--per-gemeente", "--alle", "-o", str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(tmp_path.glob(".bncost-*")):  # wait until the batch writes
        time.sleep(0.05)
    assert any(tmp_path.glob(".bncost-*")), "the batch did not start"
    p.send_signal(getattr(signal, f"SIG{sig}"))
    out, err = p.communicate(timeout=60)
    assert p.returncode == code and out == b""
    assert err.decode().strip() == needle
    assert list(tmp_path.iterdir()) == []  # no folder, no temporary folder


def test_ctrl_c_inside_a_command_is_said(bncost, monkeypatch):
    from burgernet_cost.cli import commands

    def interrupted(*args, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "setup", interrupted)
    r = bncost("estimate", "-n", "5000")
    assert r.code == 130 and r.out == "" and r.err == "Fout: afgebroken (Ctrl-C)\n"


# --------------------------------------------------------------------------- R4.7 validate checks what the commands rely on


@pytest.mark.parametrize(
    "old, new, needle",
    [
        ("  inwoners_jaar: 2014", "  inwoners_jaar: 2031", "rapportsituatie.inwoners_jaar: 2031 is geen jaar van de data"),
        ("  inwoners_jaar: 2014", "  inwoners_jaar: 2005", "rapportsituatie.inwoners_jaar: 2005 is geen jaar van de data"),
        ('    peildatum: "2024-01-01"', '    peildatum: "2025-01-01"', "peildatum 2025-01-01 ligt niet in 2024"),
    ],
)
def test_validate_and_the_commands_share_the_date_checks(bncost, data_copy, old, new, needle):
    _edit(data_copy / "gemeenten.yaml", old, new)
    if "peildatum" in new:  # the table's rows say the same date: only the year contradicts
        table = data_copy / "gemeenten" / "gemeenten_2024.csv"
        table.write_text(table.read_text(encoding="utf-8").replace("2024-01-01", "2025-01-01"), encoding="utf-8")
    v = bncost("validate", "--data-dir", data_copy, "-f", "json")
    assert v.code == 1
    said = [f for f in json.loads(v.out)["bevindingen"] if f["niveau"] == "fout"]
    assert len(said) == 1 and needle.split(": ")[-1] in said[0]["melding"] and said[0]["bestand"].endswith("gemeenten.yaml"), said
    for args in (["estimate", "-g", "Utrecht"], ["regio", "--eenheid", "Zeeland"], ["gemeenten"]):
        r = bncost(*args, "--data-dir", data_copy)
        assert r.code == 1 and needle in r.err and not r.err.startswith("Fout: --jaar"), (args, r.err)  # never blamed on --jaar


# --------------------------------------------------------------------------- R4.8 text and numbers at the edges

HIDDEN = ["\u202e", "\u200b", "\u2066", "\ufeff", "\u061c"]


@pytest.mark.parametrize("char", HIDDEN)
def test_invisible_characters_in_member_columns_are_shown_in_csv_and_the_workbook(bncost, tmp_path, char):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    path = tmp_path / "leden.csv"
    path.write_text(f"gemeente;contact;kosten{char}plaats\nUtrecht;Jan{char}Smit;K{char}1\n", encoding="utf-8")
    escaped = f"\\u{ord(char):04x}"
    r = bncost("regio", "--bestand", path, "-f", "csv")
    assert r.code == 0 and char not in r.out
    assert f"Jan{escaped}Smit" in r.out and f"kosten{escaped}plaats" in r.out
    book = tmp_path / "r.xlsx"
    assert bncost("rapport", "--bestand", path, "-o", book).code == 0
    cells = [str(c.value) for ws in openpyxl.load_workbook(book).worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(char in c for c in cells)
    assert any(f"Jan{escaped}Smit" in c for c in cells)


@pytest.mark.parametrize(
    "args",
    [
        ["estimate", "-n", "5000", "--uurtarief", "1e2"],
        ["estimate", "-n", "5000", "--uurtarief", "4.5E1"],
        ["compare-models", "--schaalvoordeel", "1e1"],
        ["estimate", "-n", "5000", "--uurtarief", "inf"],
        ["estimate", "-n", "1e5"],
        ["estimate", "-n", "5000", "--set", "interviews.waarnemingen[0].uren_per_maand=1e2"],
    ],
)
def test_exponent_notation_is_refused_as_the_message_says(bncost, args):
    r = bncost(*args)
    check(r, 2)
    assert "cijfers 0-9, komma of punt" in r.err or "is geen geheel aantal" in r.err or "moet een getal zijn" in r.err


@pytest.mark.parametrize(
    "args",
    [
        ["estimate", "-n", "1", "--uurtarief", "0,01"],
        ["compare-models", "-n", "1", "--uurtarief", "0,01"],
        ["regio", "--gemeenten", "Schiermonnikoog", "--uurtarief", "0,01"],
        ["gevoeligheid", "-n", "1", "--uurtarief", "0,01"],
        ["estimate", "-n", "100000000", "--uurtarief", "10000", "-p", "volledig"],
    ],
)
def test_json_never_writes_exponent_notation(bncost, args):
    from decimal import Decimal

    r = bncost(*args, "-f", "json")
    assert r.code == 0, r.err
    assert not re.search(r"[0-9][eE][-+]?[0-9]", r.out)
    data = json.loads(r.out, parse_float=Decimal)
    tiny = re.findall(r'"per_inwoner_per_jaar": (0\.0000[0-9]+)', r.out)
    assert all(Decimal(t) == Decimal(t).quantize(Decimal("0.000001")) for t in tiny)
    assert data["commando"] == args[0]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_narrow_output_encoding_loses_nothing_silently(encoding):
    r = proc("gemeenten", "--zoek", ["Łódź", "Fryslân"][1], env={"PYTHONIOENCODING": encoding})
    assert r.returncode == 0
    out = r.stdout.decode(encoding)
    assert "Fryslan" in out or "Fryslân" in out
    if encoding == "ascii":
        assert "Let op: de codering ascii van de uitvoer kan" in r.stderr.decode() and "PYTHONIOENCODING=utf-8" in r.stderr.decode()
    else:
        assert r.stderr == b""
    members = proc("regio", "--gemeenten", "Utrecht", "-f", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert members.returncode == 0 and members.stderr == b""  # nothing to replace, nothing said


def test_characters_without_a_plain_form_are_escaped_not_dropped(bncost, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_text("gemeente;contact\nUtrecht;Łukasz 😀\n", encoding="utf-8")
    r = proc("regio", "--bestand", str(path), "-f", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0
    out = r.stdout.decode("ascii")
    assert "\\u0141ukasz \\U0001f600" in out  # no plain form: escaped, as in messages
    assert "2 tekens" in r.stderr.decode()


@pytest.mark.parametrize(
    "setting, needle",
    [
        ("interviews.waarnemingen[0].uren_per_maand=-5", "interviews.waarnemingen[0].uren_per_maand: -5 moet groter zijn dan 0"),
        ("inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=150", "schaalvoordeel.procent: 150"),
        ("salary_scales.uurloon.uren_per_week=0", "uurloon.uren_per_week: 0"),
        ("interviews.waarnemingen[0].uren_per_maand=abc", "moet een getal zijn"),
    ],
)
def test_set_errors_are_usage_errors(bncost, setting, needle):
    r = bncost("estimate", "-n", "5000", "--set", setting)
    check(r, 2, "--set:", needle)
    assert "data/" not in r.err


# --------------------------------------------------------------------------- R4.9 paths in documents


def test_a_member_list_by_absolute_path_shows_no_path_in_documents(bncost, tmp_path, monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    elsewhere = tmp_path / "ergens" / "diep"
    elsewhere.mkdir(parents=True)
    members = elsewhere / "leden-noord.csv"
    members.write_text("gemeente;inwoners;contact\nUtrecht;300000;Jan\nZeist;60000;Piet\n", encoding="utf-8")
    work = tmp_path / "werk"
    work.mkdir()
    monkeypatch.chdir(work)
    machine = str(elsewhere)
    assert bncost("rapport", "--per-gemeente", "--bestand", members, "-o", "map").code == 0
    assert bncost("rapport", "--bestand", members, "-o", "r.html").code == 0
    assert bncost("rapport", "--bestand", members, "-o", "r.xlsx").code == 0
    for page in [*(work / "map").iterdir(), work / "r.html"]:
        text = page.read_text(encoding="utf-8")
        assert machine not in text and "leden-noord" in text, page
    cells = [str(c.value) for ws in openpyxl.load_workbook(work / "r.xlsx").worksheets for row in ws.iter_rows() for c in row if c.value]
    assert not any(machine in c for c in cells) and any("leden-noord" in c for c in cells)
    r = bncost("regio", "--bestand", members, "-f", "json")
    data = json.loads(r.out)
    assert machine not in r.out and {m["bron_inwoners"] for m in data["leden"]} == {"leden-noord.csv"}


def test_a_region_from_a_file_has_a_display_name(bncost, tmp_path):
    members = tmp_path / "leden.csv"
    members.write_text("gemeente\nUtrecht\nZeist\n", encoding="utf-8")
    assert bncost("regio", "--bestand", members).out.splitlines()[0] == "Regionaal model: gemeenten uit leden"
    named = bncost("regio", "--bestand", members, "--naam", "Regio Noord", "-f", "json")
    assert named.code == 0 and "Regio Noord" in named.out and str(tmp_path) not in named.out
    assert bncost("reeks", "--bestand", members, "--naam", "Regio Noord").out.splitlines()[0] == "Kosten per jaar: Regio Noord"
    assert bncost("rapport", "--bestand", members, "--naam", "Regio Noord", "-o", tmp_path / "r.html").code == 0
    assert "Regio Noord" in (tmp_path / "r.html").read_text(encoding="utf-8")
    check(bncost("regio", "--eenheid", "Zeeland", "--naam", "X"), 2, "--naam", "--bestand")
    check(bncost("regio", "--bestand", members, "--naam", " "), 2, "--naam: lege waarde")
    hidden = bncost("regio", "--bestand", members, "--naam", "Noord\u202eZuid")
    assert "\u202e" not in hidden.out and "Noord\\u202eZuid" in hidden.out


# =========================================================================== class 10 (issue 27): Tab and --install-completion


def _offered(*words: str) -> list[str]:
    """The values Tab offers for the last word (the protocol in-process, as a shell asks it)."""
    from burgernet_cost.cli.app import build
    from burgernet_cost.cli.completion_protocol import candidates

    return [value for value, _ in candidates(build, list(words[:-1]), words[-1])]


def _refused(bncost, args: list[str], option: str) -> str | None:
    """The message when the command refuses the value of ``option`` (a usage error about it), else None."""
    r = bncost(*args, "-f", "json")
    if r.code == 2 and option.lstrip("-") in r.err:
        return r.err.strip()
    return None


@pytest.mark.parametrize(
    ("command", "before"),
    [
        ("estimate", ["--inwoners", "5000"]),
        ("compare-models", []),
        ("regio", ["--eenheid", "Limburg"]),
        ("reeks", ["--inwoners", "5000"]),
        ("gevoeligheid", ["--inwoners", "5000"]),
        ("taken", []),
        ("gemeenten", []),
    ],
)
def test_tab_never_offers_a_value_the_command_refuses(bncost, command, before):
    """Every value Tab offers for every option with a fixed set of values is accepted by the command."""
    import typer

    from burgernet_cost.cli.app import build

    params = typer.main.get_command(build(command)).commands[command].params
    options = [p.opts[0] for p in params if p.param_type_name == "option" and not p.is_flag]
    skip = {"--uitvoer", "--data-dir", "--scenario", "--bestand", "--set", "--format", "--gemeente", "--gemeenten"}
    tried = 0
    for option in options:
        if option in skip:
            continue
        for value in _offered(command, option, ""):
            extra = [] if option in ("--eenheid", "--veiligheidsregio") else before
            extra += ["--van", "2024"] if command == "reeks" and option not in ("--van", "--tot") else []  # one year: quicker
            assert _refused(bncost, [command, *extra, option, value], option) is None, (command, option, value)
            tried += 1
    assert tried >= 2


@pytest.mark.parametrize(
    ("words", "then"),
    [
        (["reeks", "--van", "2024", "--gemeenten", ""], []),  # a list in a series: the names of its years
        (["reeks", "--van", "2019", "--tot", "2020", "--gemeenten", ""], []),
        (["reeks", "--van", "2023", "--gemeente", ""], []),  # a municipality with figures in the range
        (["regio", "--jaar", "2024", "--gemeenten", "Utrecht,"], []),  # a name with a comma: its code
        (["estimate", "--jaar", "2019", "--gemeente", ""], []),
    ],
)
def test_tab_on_names_offers_only_what_the_command_takes(bncost, words, then):
    offered = _offered(*words)
    assert offered
    option = words[-2]
    step = max(1, len(offered) // 10)  # a spread sample: ten names, the first and the last
    for value in [*offered[::step], offered[-1]]:
        args = [*words[:-1], value]
        extra = ["--inwoners", "5000"] if words[0] == "estimate" and option != "--gemeente" else []
        assert _refused(bncost, [*args, *extra, *then], option) is None, (words, value)


def test_tab_offers_every_valid_value():
    """Every name of the year on the line; reeks every name of its years (old and new); a name with a
    comma as its code; accents and case forgiven as the commands forgive them."""
    import csv as csv_module

    import yaml

    meta = yaml.safe_load((DATA / "gemeenten.yaml").read_text(encoding="utf-8"))
    files = {j["jaar"]: DATA / j["bestand"] for j in meta["jaren"]}

    def names(year: int) -> set[str]:
        with files[year].open(encoding="utf-8", newline="") as fh:
            return {row["naam"] for row in csv_module.DictReader(fh)}

    first, last = min(files), max(files)
    assert names(last) <= set(_offered("estimate", "--jaar", str(last), "--gemeente", ""))
    assert names(first) <= set(_offered("estimate", "--jaar", str(first), "--gemeente", ""))
    series = set(_offered("reeks", "--gemeente", ""))
    assert names(first) | names(last) <= series  # both the merged and the new municipality
    gone = sorted(names(first) - names(last))
    assert gone and gone[0] in _offered("reeks", "--gemeenten", "")  # a list member of any year of the series
    assert gone[0] not in _offered("reeks", "--van", str(last), "--gemeenten", "")  # not when it had no figures then
    with_comma = sorted(n for n in names(last) if "," in n)
    listed = _offered("regio", "--jaar", str(last), "--gemeenten", "Utrecht,")
    assert with_comma and all(n not in " ".join(listed) for n in with_comma)
    assert all(v.startswith("Utrecht,") and "," not in v.removeprefix("Utrecht,") for v in listed)
    accented = sorted(n for n in names(last) if n != n.encode("ascii", "ignore").decode())
    for name in accented:
        plain = name.encode("ascii", "ignore").decode()
        typed = "".join(c for c in __import__("unicodedata").normalize("NFKD", name) if c.isascii())[:4].lower()
        assert name in _offered("estimate", "--jaar", str(last), "--gemeente", typed), (name, plain, typed)
    assert [v for v in _offered("estimate", "--gemeente", "'S-H")] == [n for n in names(first) if n.startswith("'s-H")]


def test_tab_offers_no_file_names_where_a_name_is_expected(tmp_path):
    from burgernet_cost.cli.completion_install import BASH, FISH, ZSH

    (tmp_path / "Qqq.txt").write_text("x")
    for shell, env in (
        ("bash", {b"COMP_WORDS": b"bncost\nestimate\n--gemeente\nQqq", b"COMP_CWORD": b"3"}),
        ("zsh", {b"_BNCOST_COMPLETE_ARGS": b"bncost estimate --gemeente", b"_BNCOST_COMPLETE_WORD": b"Qqq"}),
        ("fish", {b"_BNCOST_COMPLETE_ARGS": b"bncost estimate --gemeente Qqq", b"_BNCOST_COMPLETE_FISH_ACTION": b"get-args"}),
    ):
        done = _tab({b"_BNCOST_COMPLETE": f"complete_{shell}".encode(), **env}, tmp_path)
        assert done.stdout == b"" and done.stderr == b"", shell
    assert "-o default" not in BASH and "_files" not in ZSH and FISH.startswith("complete --command bncost --no-files\n")


@pytest.fixture
def own_home(tmp_path, monkeypatch):
    from burgernet_cost.cli import completion_install

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)

    def use(shell: str) -> None:
        monkeypatch.setattr(completion_install, "detect_shell", lambda: shell)

    return home, use


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")} | {f"{p.relative_to(root)}->" for p in root.rglob("*") if p.is_symlink()}


@pytest.mark.parametrize(
    ("shell", "link"),
    [("bash", ".bashrc"), ("zsh", ".zshrc"), ("zsh", ".zfunc"), ("bash", ".bash_completions")],
)
def test_install_completion_refuses_a_link_to_nothing(bncost, tmp_path, own_home, shell, link):
    """A start-up file (or the folder of the script) that is a link to a path that does not exist is
    not followed: it would create a file, and folders, wherever the link points."""
    home, use = own_home
    use(shell)
    target = tmp_path / "elders" / "nieuw" / "bestand"
    os.symlink(target, home / link)
    before = _tree(tmp_path)
    r = bncost("--install-completion")
    assert r.code == 2 and r.out == ""
    line = one_dutch_line(r.err)
    assert link in line and "niet bestaat" in line and "niets gewijzigd" in line
    assert _tree(tmp_path) == before and not (tmp_path / "elders").exists()


def test_install_completion_makes_no_folders_outside_home(bncost, tmp_path, own_home, monkeypatch):
    """fish with XDG_CONFIG_HOME outside the home folder (and missing), PowerShell with a profile in a
    missing folder elsewhere: refused, nothing made; inside the home folder the folders are made."""
    from burgernet_cost.cli import completion_install

    home, use = own_home
    use("fish")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "buiten" / "config"))
    before = _tree(tmp_path)
    r = bncost("--install-completion")
    assert r.code == 2 and "buiten uw thuismap" in one_dutch_line(r.err) and _tree(tmp_path) == before
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    assert bncost("--install-completion").code == 0 and (home / ".config" / "fish" / "completions" / "bncost.fish").is_file()
    use("pwsh")
    monkeypatch.setattr(completion_install, "powershell_profile", lambda shell: tmp_path / "elders" / "ps" / "profile.ps1")
    before = _tree(tmp_path)
    r = bncost("--install-completion")
    assert r.code == 2 and "buiten uw thuismap" in one_dutch_line(r.err) and _tree(tmp_path) == before
    existing = tmp_path / "bestaand"
    existing.mkdir()
    monkeypatch.setattr(completion_install, "powershell_profile", lambda shell: existing / "profile.ps1")
    assert bncost("--install-completion").code == 0 and (existing / "profile.ps1").is_file()  # an existing folder is used
