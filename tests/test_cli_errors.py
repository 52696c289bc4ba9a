"""Bad command-line input: one Dutch line on stderr, exit 2, no traceback."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["estimate", "--inwoners", "0"], "--inwoners"),
        (["estimate", "--inwoners", "-5"], "negatief"),
        (["estimate", "--inwoners", "abc"], "geen geheel aantal inwoners"),
        (["estimate", "--inwoners", ""], "geef een aantal inwoners"),
        (["estimate", "--inwoners", "54.6"], "geen geheel aantal"),
        (["estimate", "--inwoners", "1" + "0" * 30], "onrealistisch groot"),
        (["estimate", "--inwoners", "100", "--pakket", "foo"], "geen geldig pakket"),
        (["estimate", "--inwoners", "100", "--pakket", "basiss"], "bedoelde u 'basis'"),
        (["estimate", "--inwoners", "100", "--format", "xml"], "geen geldig formaat"),
        (["estimate"], "de optie --inwoners ontbreekt"),
        (["estimate", "--inwoners"], "verwacht een waarde"),
        (["estimate", "--inwonres", "5"], "onbekende optie --inwonres"),
        (["estimate", "--inwoners", "5", "extra"], "onverwacht argument"),
        (["schatting"], "onbekend commando 'schatting'"),
    ],
)
def test_usage_errors(bncost, args, needle):
    r = bncost(*args)
    assert r.code == 2, (r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith("Fout: ")
    assert needle in lines[0]
    assert "Traceback" not in r.err
    assert r.out == ""


def test_missing_data_dir_is_data_error(bncost, tmp_path):
    r = bncost("estimate", "-n", 5, "--data-dir", tmp_path / "nope")
    assert r.code == 1
    assert r.err.startswith("Fout: ") and "bestaat niet" in r.err


def test_help_is_dutch_and_loads_no_data(bncost):
    r = bncost("--help")
    assert r.code == 0
    assert "Gebruik:" in r.out and "Commando's" in r.out and "estimate" in r.out


def test_no_args_shows_help(bncost):
    r = bncost()
    assert r.code == 0
    assert "Gebruik:" in r.out


def test_version(bncost):
    from burgernet_cost import __version__

    r = bncost("--version")
    assert r.code == 0 and r.out.strip() == f"bncost {__version__}"
