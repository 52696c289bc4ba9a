"""Output for people: a Dutch-spreadsheet CSV, --uitvoer on every command (all or nothing), and
member files as spreadsheets write them (issue "Documents for the council", point 4)."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from decimal import Decimal

import pytest

COMMANDS = [
    ["estimate", "-n", "54600"],
    ["compare-models"],
    ["huidig"],
    ["taken"],
    ["validate"],
    ["gemeenten", "--zoek", "Utrecht"],
    ["regio", "--eenheid", "Zeeland-West-Brabant"],
    ["schema"],
]


def _nl_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "a UTF-8 byte-order mark, or Excel reads the file as ANSI"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))


def _nl_number(cell: str) -> Decimal:
    assert "." not in cell, f"{cell!r}: no thousands separator and no decimal point in a Dutch spreadsheet cell"
    return Decimal(cell.replace(",", "."))


def test_dutch_csv_of_estimate_parses_back_as_numbers(bncost):
    r = bncost("estimate", "-n", 54600, "-f", "csv-nl")
    assert r.code == 0 and "\r\n" in r.out
    rows = _nl_rows(r.out)
    data = json.loads(bncost("estimate", "-n", 54600, "-f", "json").out, parse_float=Decimal)
    areas = {a["taakgebied"]: a for a in data["taakgebieden"]}
    for row in rows:
        if row["taakgebied"] in areas and areas[row["taakgebied"]]["kosten_per_jaar"] is not None:
            assert _nl_number(row["kosten_per_jaar"]) == areas[row["taakgebied"]]["kosten_per_jaar"]
            assert _nl_number(row["uren_per_maand"]) == areas[row["taakgebied"]]["uren_per_maand"]
    total = next(row for row in rows if row["taakgebied"] == "totaal")
    assert _nl_number(total["kosten_per_jaar"]) == data["totaal"]["kosten_per_jaar"]


def test_dutch_csv_escapes_formulas_like_the_machine_csv(bncost, tmp_path):
    members = tmp_path / "leden.csv"
    members.write_text('gemeente;inwoners;opmerking\nUtrecht;;=HYPERLINK("x")\n', encoding="utf-8")
    rows = _nl_rows(bncost("regio", "--bestand", members, "-f", "csv-nl").out)
    assert rows[0]["opmerking"] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize("args", COMMANDS, ids=[a[0] for a in COMMANDS])
def test_every_command_writes_to_a_file(bncost, tmp_path, args):
    target = tmp_path / "uit.json"
    r = bncost(*args, "--uitvoer", target)
    assert r.code == 0, r.err
    assert r.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["commando"] == args[0]
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_format_follows_the_extension_unless_given(bncost, tmp_path):
    for name, check in (
        ("a.csv", lambda t: t.startswith("taakgebied,")),
        ("a.md", lambda t: t.startswith("#")),
        ("a.txt", lambda t: "Totaal" in t and "€" in t),
    ):
        assert bncost("estimate", "-n", 5000, "-o", tmp_path / name).code == 0
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
    assert bncost("estimate", "-n", 5000, "-o", tmp_path / "b.txt", "-f", "csv-nl").code == 0
    assert (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("\ufefftaakgebied;")
    r = bncost("estimate", "-n", 5000, "-o", tmp_path / "c.pdf")
    assert r.code == 2 and "--uitvoer: uit de extensie .pdf volgt geen formaat" in r.err
    assert not (tmp_path / "c.pdf").exists()
    assert bncost("estimate", "-n", 5000, "-o", "-", "-f", "json").out.startswith("{")  # '-' is standard output


def test_targets_that_are_not_files_are_refused_before_anything_is_written(bncost, tmp_path):
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    cases = {tmp_path: "is een map", fifo: "is geen gewoon bestand", tmp_path / "nee" / "x.json": "de map van", "": "lege waarde"}
    for target, message in cases.items():
        r = bncost("estimate", "-n", 5000, "-o", target)
        assert r.code == 2 and message in r.err and r.err.startswith("Fout: --uitvoer:"), (target, r.err)
        assert len(r.err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pijp.json"]  # no temporary files left


def test_a_failing_write_leaves_the_old_file_and_no_temporary_file(bncost, tmp_path, monkeypatch):
    target = tmp_path / "uit.json"
    target.write_text("oud", encoding="utf-8")
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    r = bncost("estimate", "-n", 5000, "-o", target, "--overschrijf")  # the user's file: replaced only when asked
    monkeypatch.undo()
    assert r.code == 74 and "kon niet worden geschreven (de schijf is vol); er is niets gewijzigd" in r.err
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["uit.json"]


def test_a_read_only_place_gives_a_dutch_message(bncost, tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *args):  # what a read-only folder or file system answers (root is not refused by modes)
        if str(path).endswith(".tmp"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    r = bncost("estimate", "-n", 5000, "-o", tmp_path / "x.json")
    monkeypatch.undo()
    assert r.code == 74 and "x.json kon niet worden geschreven (alleen-lezen bestandssysteem)" in r.err
    assert list(tmp_path.iterdir()) == []


def test_member_files_as_a_dutch_spreadsheet_writes_them(bncost, tmp_path):
    members = tmp_path / "leden.csv"
    members.write_bytes(
        "\ufeffGemeente;INWONERS;Contactpersoon;Kostenplaats\r\nUtrecht;374.238;J. de Vries;4711\r\nZeist;;A. Bakker;\r\n".encode()
    )
    r = bncost("regio", "--bestand", members, "-f", "csv")
    assert r.code == 0, r.err
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [row["gemeente"] for row in rows] == ["Utrecht", "Zeist"]  # csv: data rows only
    assert rows[0]["Contactpersoon"] == "J. de Vries" and rows[0]["Kostenplaats"] == "4711"
    assert rows[0]["bron_inwoners"].endswith("leden.csv") and rows[1]["bron_inwoners"].startswith("CBS")
    nl = list(csv.DictReader(io.StringIO(bncost("regio", "--bestand", members, "-f", "csv-nl").out.lstrip("\ufeff")), delimiter=";"))
    assert [row["gemeente"] for row in nl] == ["Utrecht", "Zeist", "Totaal"]  # csv-nl, for people, keeps the total
    assert int(nl[2]["inwoners"]) == int(rows[0]["inwoners"]) + int(rows[1]["inwoners"])
    assert Decimal(nl[2]["bijdrage_per_jaar"].replace(",", ".")) == Decimal(rows[0]["bijdrage_per_jaar"]) + Decimal(
        rows[1]["bijdrage_per_jaar"]
    )
    data = json.loads(bncost("regio", "--bestand", members, "-f", "json").out)
    assert data["leden"][0]["extra"] == {"Contactpersoon": "J. de Vries", "Kostenplaats": "4711"}
    shown = bncost("regio", "--bestand", members).out
    assert "Inwoners uit" in shown and "J. de Vries" in shown


def test_member_file_header_problems_name_file_and_line(bncost, tmp_path):
    cases = {
        "naam;inwoners\nUtrecht;1\n": "mist de kolom 'gemeente'",
        "gemeente;;x\nUtrecht;;1\n": "kolom 2 van de kopregel heeft geen naam",
        "gemeente;x;X\nUtrecht;1;2\n": "kolom 'x' staat twee keer",
        "gemeente;inwoners\nUtrecht;1;2\n": "3 kolommen, verwacht 2",
    }
    for text, message in cases.items():
        members = tmp_path / "leden.csv"
        members.write_text(text, encoding="utf-8")
        r = bncost("regio", "--bestand", members)
        assert r.code == 1 and message in r.err and "leden.csv:" in r.err, (text, r.err)
