"""Laws that hold for every input (hypothesis), and robustness under random input."""

from __future__ import annotations

import json
import random
import shutil
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burgernet_cost.domain.compare import compare
from burgernet_cost.domain.estimate import estimate
from burgernet_cost.output import numbers as money
from conftest import DATA

PAKKETTEN = st.sampled_from(["basis", "aanvullend", "volledig"])
INWONERS = st.integers(1, 100_000_000)
TINY = Decimal("1e-15")


@settings(max_examples=80, deadline=None)
@given(a=INWONERS, b=INWONERS, pakket=PAKKETTEN)
def test_linear_in_inhabitants(dataset, a, b, pakket):
    ra, rb = estimate(dataset, a, pakket), estimate(dataset, b, pakket)
    rab = estimate(dataset, a + b, pakket) if a + b <= 100_000_000 else None
    for x, y in zip(ra.regels, rb.regels, strict=True):
        if not x.gekwantificeerd:
            assert y.uren_per_maand is None
            continue
        # hours and cost scale with inhabitants; cost per inhabitant does not depend on size
        assert abs(x.uren_per_maand * b - y.uren_per_maand * a) < TINY * a * b
        assert abs(x.per_inwoner - y.per_inwoner) < TINY
        if rab is not None:
            z = rab.regel(x.taakgebied)
            assert abs(z.kosten_per_jaar - (x.kosten_per_jaar + y.kosten_per_jaar)) < Decimal("1e-12")


@settings(max_examples=80, deadline=None)
@given(n=INWONERS, pakket=PAKKETTEN)
def test_totals_are_sums_of_parts(dataset, n, pakket):
    r = estimate(dataset, n, pakket)
    parts = [x for x in r.regels if x.gekwantificeerd]
    assert r.totaal.kosten_per_jaar == sum(x.kosten_per_jaar for x in parts)
    assert r.totaal.uren_per_maand == sum(x.uren_per_maand for x in parts)
    # to the cent: the rounded total is within half a cent per part of the sum of rounded parts
    rounded = sum(money.quantize(x.kosten_per_jaar, 2) for x in parts)
    assert abs(money.quantize(r.totaal.kosten_per_jaar, 2) - rounded) <= Decimal("0.01") * len(parts)
    # volledig is basis + aanvullend
    if pakket == "volledig":
        b, a = estimate(dataset, n, "basis"), estimate(dataset, n, "aanvullend")
        assert abs(r.totaal.kosten_per_jaar - b.totaal.kosten_per_jaar - a.totaal.kosten_per_jaar) < Decimal("1e-12")


@settings(max_examples=60, deadline=None)
@given(n=INWONERS, pakket=PAKKETTEN, tarief=st.sampled_from(["berekend", "advies"]), sv=st.decimals(0, 99, places=3))
def test_models(dataset, n, pakket, tarief, sv):
    v = compare(dataset, n, pakket, tarief, {"landelijk": sv} if tarief == "berekend" else None)
    gem, reg, lan = v.model("gemeentelijk"), v.model("regionaal"), v.model("landelijk")
    assert lan.totaal <= reg.totaal
    assert gem.totaal == gem.eigen_kosten and gem.bijdrage == 0
    if tarief == "berekend":
        assert abs(gem.totaal - reg.totaal) < Decimal("1e-12")
    for u in v.uitkomsten:
        assert u.totaal == u.eigen_kosten + u.bijdrage


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 100_000_000), pakket=PAKKETTEN)
def test_json_round_trip(bncost, dataset, n, pakket):
    r = bncost("estimate", "-n", n, "-p", pakket, "-f", "json")
    data = json.loads(r.out, parse_float=Decimal)
    assert json.loads(json.dumps(json.loads(r.out))) == json.loads(r.out)
    expected = estimate(dataset, n, pakket)
    assert data["totaal"]["kosten_per_jaar"] == money.quantize(expected.totaal.kosten_per_jaar, 2)
    for area in data["taakgebieden"]:
        regel = expected.regel(area["taakgebied"])
        if regel.gekwantificeerd:
            assert area["kosten_per_jaar"] == money.quantize(regel.kosten_per_jaar, 2)


# --------------------------------------------------------------------------- robustness

VALUES = st.one_of(
    st.sampled_from(
        [
            "54600",
            "0",
            "-1",
            "abc",
            "",
            "54.600",
            "9" * 40,
            "basis",
            "volledig",
            "foo",
            "json",
            "csv",
            "markdown",
            "table",
            "Amersfoort",
            "Bergen",
            "GM0307",
            "2014",
            "2024",
            "2019-10-01",
            "10",
            "11",
            "alle",
            "geen",
            "advies",
            "berekend",
            "landelijk",
            "Limburg",
            "nan",
            "1e5",
            "--",
            "-",
            "=",
            "interviews.waarnemingen[0].uren_per_maand=7",
        ]
    ),
    st.text(max_size=12),
)
OPTIONS = st.sampled_from(
    [
        "--inwoners",
        "--pakket",
        "--format",
        "--gemeente",
        "--jaar",
        "--uitleg",
        "--schaal",
        "--periodiek",
        "--toeslagen",
        "--uurtarief",
        "--kostenbasis",
        "--peildatum",
        "--tarief",
        "--schaalvoordeel",
        "--set",
        "--eenheid",
        "--alle",
        "--per",
        "--model",
        "--rol",
        "--organisatie",
        "--zoek",
        "--strict",
        "--onbekend",
        "-n",
        "-p",
        "-f",
        "-g",
    ]
)
COMMANDS = st.sampled_from(["estimate", "compare-models", "regio", "gemeenten", "taken", "validate", "huidig", "diff", "schema", "x"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=COMMANDS, args=st.lists(st.tuples(OPTIONS, VALUES), max_size=4))
def test_random_command_lines_never_crash(bncost, command, args):
    argv = [command] + [x for pair in args for x in pair]
    if command == "schema":
        argv = ["schema", "--check"]  # never --write into the repository
    r = bncost(*argv)
    assert r.code in (0, 1, 2), (argv, r.code, r.err)
    assert "Traceback" not in r.err and "interne fout" not in r.err, (argv, r.err)
    if r.code != 0:
        assert r.err.startswith("Fout: "), (argv, r.err)


MUTATIONS = st.sampled_from(["delete", "insert", "duplicate_line", "swap_lines", "replace_line", "truncate"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(
        [
            "tasks.yaml",
            "interviews.yaml",
            "salary_scales.yaml",
            "inrichtingsmodellen.yaml",
            "gemeenten.yaml",
            "gemeenten/gemeenten_2024.csv",
        ]
    ),
    mutation=MUTATIONS,
    seed=st.integers(0, 2**32 - 1),
    junk=st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)
def test_mutated_data_never_crashes(bncost, tmp_path_factory, name, mutation, seed, junk):
    target = tmp_path_factory.mktemp("mut") / "data"
    shutil.copytree(DATA, target)
    path = target / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rng = random.Random(seed)
    i = rng.randrange(len(lines))
    if mutation == "delete":
        line = lines[i]
        j = rng.randrange(len(line)) if line else 0
        lines[i] = line[:j] + line[j + 1 :]
    elif mutation == "insert":
        line = lines[i]
        j = rng.randrange(len(line) + 1)
        lines[i] = line[:j] + junk + line[j:]
    elif mutation == "duplicate_line":
        lines.insert(i, lines[i])
    elif mutation == "swap_lines":
        k = rng.randrange(len(lines))
        lines[i], lines[k] = lines[k], lines[i]
    elif mutation == "replace_line":
        lines[i] = junk + "\n"
    else:
        lines = lines[:i]
    path.write_text("".join(lines), encoding="utf-8")
    for argv in (
        ["validate", "--data-dir", target],
        ["estimate", "-g", "Utrecht", "--data-dir", target],
        ["regio", "--eenheid", "Limburg", "--data-dir", target],
    ):
        r = bncost(*argv)
        assert r.code in (0, 1, 2), (name, mutation, r.err)
        assert "Traceback" not in r.err and "interne fout" not in r.err, (name, mutation, r.err)


# --------------------------------------------------------------------------- numbers of every length

_NUMERIC_LINE = r"^(\s*-?\s*[a-z_]+: )(-?[0-9][0-9.]*)\s*$"


def _numbers(length: int) -> st.SearchStrategy[str]:
    """Numbers written out with ``length`` digits: whole, with a decimal point anywhere, signed,
    with an exponent (the ways a number of that length can be written in YAML or on a line)."""
    digits = st.text(alphabet="0123456789", min_size=length, max_size=length).map(lambda d: d.lstrip("0") or "0")
    return st.one_of(
        digits,
        st.tuples(digits, st.integers(0, max(length - 1, 0))).map(lambda t: (t[0][: t[1]] or "0") + "." + (t[0][t[1] :] or "0")),
        digits.map(lambda d: "-" + d),
        st.tuples(digits, st.integers(-40, 40)).map(lambda t: f"{t[0]}.0e{t[1]}"),
    )


NUMBER_TEXT = st.integers(1, 60).flatmap(_numbers)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["interviews.yaml", "salary_scales.yaml", "inrichtingsmodellen.yaml", "gemeenten.yaml"]),
    which=st.integers(0, 10_000),
    number=NUMBER_TEXT,
)
def test_numbers_of_every_length_in_data(bncost, tmp_path_factory, name, which, number):
    """Any figure of the data replaced by a number of 1 to 60 digits: a result or a Dutch data
    error, never an internal error (exit 70)."""
    import re

    target = tmp_path_factory.mktemp("num") / "data"
    shutil.copytree(DATA, target)
    path = target / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    numeric = [i for i, line in enumerate(lines) if re.match(_NUMERIC_LINE, line)]
    i = numeric[which % len(numeric)]
    lines[i] = re.sub(_NUMERIC_LINE, lambda m: m.group(1) + number, lines[i].rstrip("\n")) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    for argv in (["validate"], ["estimate", "-n", "54600"], ["compare-models", "-g", "Utrecht"], ["regio", "--alle"]):
        r = bncost(*argv, "--data-dir", target)
        assert r.code in (0, 1), (name, lines[i], argv, r.code, r.err)
        assert "interne fout" not in r.err and "Traceback" not in r.err, (lines[i], r.err)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    number=NUMBER_TEXT,
    path=st.sampled_from(
        [
            "interviews.waarnemingen[2].uren_per_maand",
            "interviews.waarnemingen[2].inwoners",
            "salary_scales.uurloon.uren_per_maand",
            "salary_scales.uurloon.uren_per_week",
            "inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent",
            "salary_scales.tabellen[0].schalen.10[0]",
        ]
    ),
)
def test_numbers_of_every_length_by_set(bncost, number, path):
    r = bncost("estimate", "-n", "54600", "--set", f"{path}={number}")
    assert r.code in (0, 1, 2), (path, number, r.err)
    assert "interne fout" not in r.err and "Traceback" not in r.err, (path, number, r.err)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=NUMBER_TEXT, option=st.sampled_from(["--inwoners", "--uurtarief", "--schaalvoordeel", "--periodiek", "--jaar"]))
def test_numbers_of_every_length_as_options(bncost, number, option):
    argv = ["compare-models", "-n", "5000", option, number] if option != "--inwoners" else ["estimate", option, number]
    r = bncost(*argv)
    assert r.code in (0, 1, 2), (argv, r.err)
    assert "interne fout" not in r.err and "Traceback" not in r.err, (argv, r.err)
    if r.code:
        assert r.err.startswith("Fout: ") and len(r.err.splitlines()) == 1
