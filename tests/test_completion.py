"""Tab completion, driven through the shells' protocol as bncost's scripts speak it
(cli/completion_protocol.py): bash sets COMP_WORDS (the words joined by newlines, as typed) and
COMP_CWORD; zsh, fish and PowerShell set _BNCOST_COMPLETE_ARGS (PowerShell also
_BNCOST_COMPLETE_WORD). Expected candidates come from the data files themselves."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from burgernet_cost.cli.completion_protocol import bash_quote, powershell_quote

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SHELL_VARS = (
    "COMP_WORDS",
    "COMP_CWORD",
    "_BNCOST_COMPLETE_ARGS",
    "_BNCOST_COMPLETE_FISH_ACTION",
    "_BNCOST_COMPLETE_WORD",
    "_BNCOST_COMPLETE",
    # the names of the scripts earlier versions installed (Typer's)
    "_TYPER_COMPLETE_ARGS",
    "_TYPER_COMPLETE_FISH_ACTION",
    "_TYPER_COMPLETE_WORD_TO_COMPLETE",
)


def table(year: int) -> list[dict[str, str]]:
    meta = yaml.safe_load((DATA / "gemeenten.yaml").read_text(encoding="utf-8"))
    entry = next(j for j in meta["jaren"] if j["jaar"] == year)
    with (DATA / entry["bestand"]).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def years() -> list[int]:
    meta = yaml.safe_load((DATA / "gemeenten.yaml").read_text(encoding="utf-8"))
    return sorted(j["jaar"] for j in meta["jaren"])


def report_year() -> int:
    """The year a command uses without --jaar (the report's situation)."""
    return int(yaml.safe_load((DATA / "gemeenten.yaml").read_text(encoding="utf-8"))["rapportsituatie"]["inwoners_jaar"])


@pytest.fixture
def complete(capsys, monkeypatch):
    """complete(shell, words) -> (exit code, stdout, stderr); the last word is the one being completed."""
    from burgernet_cost.cli import main

    monkeypatch.delenv("BNCOST_DATA_DIR", raising=False)

    def run(shell: str, words: list[str], fish_action: str = "get-args") -> tuple[int, str, str]:
        for name in SHELL_VARS:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("_BNCOST_COMPLETE", f"complete_{shell}")
        line = " ".join(["bncost", *words])
        if shell == "bash":
            monkeypatch.setenv("COMP_WORDS", "\n".join(["bncost", *words]))
            monkeypatch.setenv("COMP_CWORD", str(len(words)))
        else:
            monkeypatch.setenv("_BNCOST_COMPLETE_ARGS", line)
        if shell == "fish":
            monkeypatch.setenv("_BNCOST_COMPLETE_FISH_ACTION", fish_action)
        if shell == "powershell":
            monkeypatch.setenv("_BNCOST_COMPLETE_WORD", words[-1])
        code = main([])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def bash(complete):
    """The bash candidates, as bash would read each one (unquoted)."""

    def run(*words: str) -> list[str]:
        code, out, err = complete("bash", list(words))
        assert err == "" and code == 0
        return [read_bash(c) for c in out.splitlines() if c]

    return run


def read_bash(candidate: str, opening: str = "") -> str:
    """What bash makes of a candidate inserted after the quote the user opened."""
    if shutil.which("bash") is None:  # pragma: no cover
        import shlex

        return shlex.split(opening + candidate + opening)[0]
    done = subprocess.run(["bash", "-c", f"printf '%s' {opening}{candidate}{opening}"], capture_output=True, text=True, check=True)
    return done.stdout


# --------------------------------------------------------------------------- commands and municipalities


def test_command_names(bash):
    assert bash("est") == ["estimate"]
    assert set(bash("re")) == {"regio", "reeks"}


def test_names_with_spaces_apostrophes_and_brackets(bash):
    names = [row["naam"] for row in table(max(years()))]
    special = [n for n in names if "'" in n] + [n for n in names if "(" in n][:2] + [n for n in names if " " in n][:2]
    assert any("'" in n for n in special) and any(" " in n for n in special)
    for name in special:
        typed = name[:4].replace("'", "\\'").replace(" ", "\\ ").replace("(", "\\(")
        assert name in bash("estimate", "--gemeente", typed), name


def test_quoting_per_opened_quote(complete):
    name = next(row["naam"] for row in table(max(years())) if row["naam"].startswith("'"))
    for opening in ('"', ""):
        typed = opening + ("\\" if not opening else "") + name[:4]
        code, out, _ = complete("bash", ["estimate", "--gemeente", typed])
        assert code == 0
        candidates = out.splitlines()
        assert len(candidates) >= 1
        assert name in [read_bash(c, opening) for c in candidates]
    assert bash_quote("Bergen (L.)") == "Bergen\\ \\(L.\\)"
    assert bash_quote("'s-Hertogenbosch", '"') == "'s-Hertogenbosch"
    assert bash_quote("~/data dir/") == "~/data\\ dir/"


def test_codes_after_gm(bash):
    rows = table(report_year())
    prefix = rows[0]["code"][:4]
    assert bash("estimate", "--gemeente", prefix) == sorted(r["code"] for r in rows if r["code"].startswith(prefix))
    # case forgiven: the shell replaces 'gm03' by the code (or by the candidates' common start)
    assert bash("estimate", "--gemeente", prefix.lower()) == bash("estimate", "--gemeente", prefix)


def test_year_on_the_line(bash):
    old, new = min(years()), max(years())
    gone = sorted({r["naam"] for r in table(old)} - {r["naam"] for r in table(new)})
    born = sorted({r["naam"] for r in table(new)} - {r["naam"] for r in table(old)})
    assert gone and born
    for name, present, absent in ((gone[0], old, new), (born[0], new, old)):
        typed = bash_quote(name[:3])
        assert name in bash("estimate", "--jaar", str(present), "--gemeente", typed)
        assert name not in bash("estimate", "--jaar", str(absent), "--gemeente", typed)
    assert born[0] not in bash("estimate", "--gemeente", bash_quote(born[0][:3]))  # no --jaar: the report's year


def test_year_of_the_population_series(bash):
    meta = yaml.safe_load((DATA / "gemeenten.yaml").read_text(encoding="utf-8"))
    with (DATA / meta["bevolkingsreeks"]["bestand"]).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    series_years = sorted({int(r["peildatum"][:4]) for r in rows} - set(years()))
    year = series_years[len(series_years) // 2]
    there = {r["naam"] for r in rows if r["peildatum"].startswith(str(year))}
    name = sorted(there - {r["naam"] for r in table(report_year())})[0]
    assert name in bash("estimate", "--jaar", str(year), "--gemeente", bash_quote(name[:4]))
    assert name not in bash("estimate", "--gemeente", bash_quote(name[:4]))


def test_list_after_the_last_comma(bash):
    names = sorted(r["naam"] for r in table(max(years())))
    first = names[0]
    spaced = next(n for n in names if " " in n and n != first)
    got = bash("regio", "--gemeenten", bash_quote(f"{first},{spaced[:5]}"))
    assert f"{first},{spaced}" in got
    assert all(c.startswith(f"{first},") and c.count(",") == 1 for c in got)
    assert f"{first},{first}" not in bash("regio", "--gemeenten", bash_quote(f"{first},{first[:3]}"))
    code = table(max(years()))[0]["code"]
    assert f"{first},{code}" in bash("regio", "--gemeenten", bash_quote(f"{first},{code[:5]}"))


def test_regions(bash):
    for year in years():
        rows = table(year)
        assert set(bash("regio", "--jaar", str(year), "--eenheid", "")) == {r["politie_eenheid"] for r in rows}
        assert set(bash("regio", "--jaar", str(year), "--veiligheidsregio", "")) == {r["veiligheidsregio"] for r in rows}
    assert set(bash("gemeenten", "--eenheid", "")) == {r["politie_eenheid"] for r in table(max(years()))}


# --------------------------------------------------------------------------- option values


def test_choices(bash):
    from burgernet_cost.cli.parsers import FORMATS
    from burgernet_cost.domain.codes import PAKKETTEN, TARIEVEN

    assert bash("estimate", "--pakket", "") == list(PAKKETTEN)
    assert bash("estimate", "-p", "vo") == ["volledig"]
    assert bash("compare-models", "--tarief", "") == list(TARIEVEN)
    assert bash("estimate", "--format", "") == list(FORMATS)
    assert bash("estimate", "--format", "csv") == ["csv", "csv-nl"]
    assert bash("rapport", "--format", "") == ["html", "xlsx"]
    assert bash("estimate", "--kostenbasis", "") == ["salaris", "integraal"]
    assert bash("estimate", "--schaling-beleid", "per_") == ["per_inwoner", "per_gemeente"]
    assert bash("regio", "--model", "") == ["regionaal", "landelijk"]


def test_values_from_the_data(bash):
    tasks = yaml.safe_load((DATA / "tasks.yaml").read_text(encoding="utf-8"))
    assert bash("taken", "--rol", "") == [r["id"] for r in tasks["rollen"]]
    salary = yaml.safe_load((DATA / "salary_scales.yaml").read_text(encoding="utf-8"))
    ids = [t["id"] for t in salary["toeslagen"]]
    assert bash("estimate", "--toeslagen", "") == ["geen", "alle", *ids]
    assert bash("estimate", "--toeslagen", f"{ids[0]},") == [f"{ids[0]},{i}" for i in ids[1:]]


def test_the_data_dir_on_the_line(bash, data_copy):
    path = data_copy / "gemeenten.yaml"
    year = report_year()
    first = table(year)[0]
    csv_path = data_copy / next(j["bestand"] for j in yaml.safe_load(path.read_text(encoding="utf-8"))["jaren"] if j["jaar"] == year)
    text = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(text.replace(f",{first['naam']},", ",Zzproefdorp,", 1), encoding="utf-8")
    # only a name changed: the row count and the documented totals still hold
    assert bash("estimate", "--data-dir", str(data_copy), "--gemeente", "Zzproef") == ["Zzproefdorp"]
    assert bash("estimate", "--gemeente", "Zzproef") == []


def test_a_broken_data_folder_gives_nothing(complete, data_copy, tmp_path):
    (data_copy / "gemeenten.yaml").write_text("jaren: [\n", encoding="utf-8")
    (data_copy / "tasks.yaml").write_text("rollen: 3\n", encoding="utf-8")
    for words in (
        ["estimate", "--data-dir", str(data_copy), "--gemeente", "A"],
        ["taken", "--data-dir", str(data_copy), "--rol", ""],
        ["estimate", "--data-dir", str(data_copy), "--set", "interviews."],
        ["regio", "--data-dir", str(tmp_path / "missing"), "--eenheid", ""],
    ):
        for shell in ("bash", "zsh", "fish", "powershell"):
            _code, out, err = complete(shell, words)
            assert err == "", (shell, words)
            assert out.strip() == "", (shell, words, out)


# --------------------------------------------------------------------------- files, --set, git


def test_files_with_their_extensions(bash, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("plan.yaml", "plan.txt", "leden.csv", "uit.html", "uit.xlsx", "notities.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "ander.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "map" / "sub").mkdir()
    assert bash("estimate", "--scenario", "") == ["map/", "plan.yaml"]
    assert bash("regio", "--bestand", "") == ["leden.csv", "map/", "plan.yaml", "uit.xlsx"]  # member lists: csv, yaml, Excel
    assert bash("rapport", "--uitvoer", "u") == ["uit.html", "uit.xlsx"]
    assert bash("estimate", "--uitvoer", "") == ["leden.csv", "map/", "notities.md", "plan.txt"]
    assert bash("estimate", "--scenario", "ma") == ["map/ander.yaml", "map/sub/"]  # a lone folder opens
    assert bash("estimate", "--data-dir", "") == ["map/", "map/sub/"]
    assert bash("schema", "--map", "m") == ["map/", "map/sub/"]


def test_set_paths_level_by_level(bash):
    interviews = yaml.safe_load((DATA / "interviews.yaml").read_text(encoding="utf-8"))
    files = sorted(p.stem for p in DATA.glob("*.yaml") if p.name != "gemeenten.yaml")
    assert sorted(c.rstrip(".") for c in bash("estimate", "--set", "")) == files
    ids = [w["id"] for w in interviews["waarnemingen"]]
    assert bash("estimate", "--set", "interviews.waarnemingen[") == [f"interviews.waarnemingen[{i}]." for i in ids]
    assert bash("estimate", "--set", "interviews.waa") == [f"interviews.waarnemingen[{i}]." for i in ids]  # lone list opens
    three = f"interviews.waarnemingen[{ids[0]}]."
    fields = bash("estimate", "--set", bash_quote(three))
    assert sorted(c.removeprefix(three).rstrip(".[") for c in fields) == sorted(interviews["waarnemingen"][0])
    assert bash("estimate", "--set", bash_quote(three + "uren")) == [three + "uren_per_maand"]
    assert bash("estimate", "--set", "interviews.onbekend.") == []


def test_a_completed_set_path_is_accepted(bncost, bash):
    interviews = yaml.safe_load((DATA / "interviews.yaml").read_text(encoding="utf-8"))
    first = interviews["waarnemingen"][0]
    [path] = bash("estimate", "--set", bash_quote(f"interviews.waarnemingen[{first['id']}].uren"))
    r = bncost("estimate", "--inwoners", "54600", "--set", f"{path}={first['uren_per_maand'] + 1}", "--format", "json")
    assert r.code == 0, r.err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_completes_git_versions(bash, tmp_path, monkeypatch):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=hoofd"]
    subprocess.run([*git, "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    subprocess.run([*git, "branch", "proef"], check=True)
    subprocess.run([*git, "tag", "v1"], check=True)
    got = bash("diff", "")
    assert {"HEAD", "hoofd", "proef", "v1", "data/"} <= set(got)
    assert bash("diff", "pr") == ["proef"]
    assert "proef" in bash("diff", "hoofd", "pr")


# --------------------------------------------------------------------------- the other shells


def test_zsh(complete):
    code, out, err = complete("zsh", ["estimate", "--gemeente", "\\'s-H"])
    assert code == 0 and err == ""
    name = next(r for r in table(max(years())) if r["naam"].startswith("'s-H"))
    # a compadd call: the values as words for zsh's eval, each shown with its description (the CBS code)
    values, shown = zsh_values(out)
    assert values == [name["naam"]] and shown[0].startswith(name["naam"]) and f"-- {name['code']}," in shown[0]
    code, out, _ = complete("zsh", ["regio", "--eenheid", "Midden"])
    assert zsh_values(out)[0] == ["Midden-Nederland"]
    code, out, _ = complete("zsh", ["estimate", "--set", "interviews.waarnemingen["])
    values = zsh_values(out)[0]
    assert len(values) == len(yaml.safe_load((DATA / "interviews.yaml").read_text())["waarnemingen"])
    assert all(v.startswith("interviews.waarnemingen[") for v in values)


def zsh_values(out: str) -> tuple[list[str], list[str]]:
    """The values and their shown lines in bncost's answer to zsh (a compadd call)."""
    import shlex

    found = {m.group(1): shlex.split(m.group(2)) for m in re.finditer(r"_bncost_(values|shown)=\((.*?)\);", out)}
    return found.get("values", []), found.get("shown", [])


def test_fish(complete):
    code, out, err = complete("fish", ["estimate", "--gemeente", "Bergen"])
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    rows = {r["naam"]: r["code"] for r in table(max(years())) if r["naam"].startswith("Bergen")}
    assert {value for value, _ in lines} == set(rows)
    assert all(info.startswith(rows[value]) for value, info in lines)
    assert complete("fish", ["estimate", "--gemeente", "Bergen"], fish_action="is-args")[0] == 0
    assert complete("fish", ["estimate", "--gemeente", "Qqq"], fish_action="is-args")[0] == 1


def test_powershell(complete):
    code, out, err = complete("powershell", ["estimate", "--gemeente", "'Bergen ("])
    assert code == 0 and err == ""
    values = [line.split(":::")[0] for line in out.splitlines()]
    names = sorted(r["naam"] for r in table(max(years())) if r["naam"].startswith("Bergen ("))
    assert values == [powershell_quote(n) for n in names] and all(v.startswith("'") for v in values)
    assert powershell_quote("'s-Hertogenbosch") == "'''s-Hertogenbosch'"
    assert powershell_quote("basis") == "basis"


def test_command_and_option_names(bash, complete):
    from burgernet_cost.cli.registry import COMMANDS

    assert bash("") == list(COMMANDS)
    assert bash("--version", "re") == ["regio", "reeks"]
    assert bash("--ins") == ["--install-completion"]
    assert "--gemeente" in bash("estimate", "--gem")
    assert "--gemeente" not in bash("estimate", "--gemeente", "Amersfoort", "--gem")  # given once already
    assert bash("onbekend", "--pakket", "") == []
    code, out, _ = complete("zsh", ["compare-m"])
    assert code == 0 and zsh_values(out) == (
        ["compare-models"],
        [f"compare-models  -- {COMMANDS['compare-models'].help.split(chr(10))[0]}"],
    )


def test_an_option_and_its_value_in_one_word(bash, complete):
    assert bash("estimate", "--pakket", "=", "vo") == ["volledig"]  # bash splits --pakket=vo at '='
    assert bash("estimate", "--pakket", "=") == ["basis", "aanvullend", "volledig"]
    code, out, _ = complete("zsh", ["estimate", "--pakket=vo"])
    assert code == 0 and zsh_values(out)[0] == ["volledig"] and "-P '--pakket='" in out
    code, out, _ = complete("fish", ["estimate", "--pakket=vo"])
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["volledig"]


def test_scripts_installed_by_earlier_versions_still_work(capsys, monkeypatch):
    """Typer's scripts, which bncost installed before it had its own, pass the line under Typer's names."""
    from burgernet_cost.cli import main

    for name in SHELL_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("_BNCOST_COMPLETE", "complete_fish")
    monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "bncost estimate --pakket vo")
    assert main([]) == 0 and capsys.readouterr().out.split("\t")[0] == "volledig"
    monkeypatch.setenv("_BNCOST_COMPLETE", "complete_powershell")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "bncost estimate --pakket a")
    monkeypatch.setenv("_TYPER_COMPLETE_WORD_TO_COMPLETE", "a")
    assert main([]) == 0 and capsys.readouterr().out.split(":::")[0] == "aanvullend"


def test_an_unknown_shell_gets_nothing(complete, capsys, monkeypatch):
    from burgernet_cost.cli import main
    from burgernet_cost.cli.completion_install import ZSH

    assert complete("tcsh", ["estimate", "--pakket", ""]) == (1, "", "")
    monkeypatch.setenv("_BNCOST_COMPLETE", "source_zsh")  # click's convention: the script
    assert main([]) == 0 and capsys.readouterr().out == ZSH


# --------------------------------------------------------------------------- installing


def test_install_and_show(bncost, tmp_path, monkeypatch):
    from burgernet_cost.cli import completion_install

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr(completion_install, "detect_shell", lambda: "bash")
    r = bncost("--show-completion")
    assert r.code == 0 and "_BNCOST_COMPLETE=complete_bash" in r.out and "complete -F" in r.out and "-o default" not in r.out
    r = bncost("--install-completion")
    assert r.code == 0 and r.err == ""
    assert r.out.startswith("Aanvullen met Tab voor bash is geïnstalleerd in ")
    assert (tmp_path / ".bash_completions" / "bncost.sh").read_text(encoding="utf-8").count("_BNCOST_COMPLETE") == 1
    monkeypatch.setattr(completion_install, "detect_shell", lambda: "fish")
    r = bncost("--install-completion")
    assert r.code == 0 and (tmp_path / ".config" / "fish" / "completions" / "bncost.fish").is_file()


def test_an_unknown_shell_is_one_dutch_line(bncost, monkeypatch):
    from burgernet_cost.cli import completion_install

    for detected in (None, "tcsh"):
        monkeypatch.setattr(completion_install, "detect_shell", lambda detected=detected: detected)
        for option in ("--show-completion", "--install-completion"):
            r = bncost(option)
            assert r.code == 2 and r.out == ""
            assert r.err.startswith("Fout: bncost ") and "bash, zsh, fish en PowerShell" in r.err and r.err.count("\n") == 1


def test_help_in_dutch(bncost):
    out = bncost("--help").out
    assert "--install-completion  Installeer aanvullen met Tab" in out and "--show-completion     Toon het aanvulscript" in out
    assert "Install completion" not in out and "Show completion" not in out


def test_completion_reads_the_cache_not_the_yaml():
    """A completion with a warm cache imports neither pydantic nor yaml (the speed is measured in
    benchmarks/startup.py)."""
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.data.municipalities import load_municipalities

    load_municipalities(DATA)
    load_dataset(DATA)
    code = (
        "import sys, io\n"
        "from burgernet_cost.cli import main\n"
        "out = sys.stdout; sys.stdout = io.StringIO()\n"
        "rc = main([])\n"
        "got = sys.stdout.getvalue(); sys.stdout = out\n"
        "print(rc, len(got.split()), ' '.join(sorted(sys.modules)))\n"
    )
    for words in (["estimate", "--gemeente", "Ber"], ["estimate", "--set", "interviews.waa"], ["taken", "--rol", ""]):
        env = {
            **os.environ,
            "_BNCOST_COMPLETE": "complete_bash",
            "COMP_WORDS": "\n".join(["bncost", *words]),
            "COMP_CWORD": str(len(words)),
            "BNCOST_DATA_DIR": str(DATA),
        }
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        rc, count, modules = result.stdout.split(" ", 2)
        assert rc == "0" and int(count) > 0 and result.stderr == ""
        heavy = sorted(m for m in modules.split() if m.startswith(("pydantic", "yaml", "rich", "tabulate")))
        assert heavy == [], (words, heavy)


# --------------------------------------------------------------------------- a real bash


def typed_in_bash(line: str) -> list[str]:
    """Type ``line``, press Tab, and return the words bash then runs (bncost's bash script installed)."""
    import pty
    import select
    import time

    from burgernet_cost.cli.completion_install import BASH as script

    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PS1": "$ ",
        "INPUTRC": "/dev/null",
        "TERM": "dumb",
    }
    env.pop("BNCOST_DATA_DIR", None)
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.chdir(REPO)
            os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)
        finally:
            os._exit(127)
    keys = f"{script}\n{line}\t\x01printf '<%s>\\n' \x05 END\n"
    os.write(fd, keys.encode())
    out, deadline = b"", time.monotonic() + 60
    try:
        while b"<END>" not in out and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.2)[0]:
                out += os.read(fd, 65536)
        os.write(fd, b"exit\n")
    finally:
        end = time.monotonic() + 5
        while os.waitpid(pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > end:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                break
            time.sleep(0.05)
        os.close(fd)
    words = [w[1:-1] for w in out.decode("utf-8", "replace").replace("\r", "").splitlines() if w.startswith("<") and w.endswith(">")]
    return words[words.index("bncost") + 1 : -1] if "bncost" in words else words


@pytest.mark.skipif(shutil.which("bash") is None or os.name != "posix", reason="needs bash on a POSIX system")
def test_a_real_bash_inserts_the_name_quoted():
    names = {r["naam"] for r in table(max(years()))}
    apostrophe = next(n for n in sorted(names) if n.startswith("'s-H"))
    bracket = next(n for n in sorted(names) if n.startswith("Bergen ("))
    assert typed_in_bash("bncost estimate --gemeente \\'s-H") == ["estimate", "--gemeente", apostrophe]
    assert typed_in_bash(f'bncost estimate --gemeente "{apostrophe[:4]}') == ["estimate", "--gemeente", apostrophe]
    assert typed_in_bash(f"bncost estimate --gemeente {bash_quote(bracket[:-2])}") == ["estimate", "--gemeente", bracket]
    first = yaml.safe_load((DATA / "interviews.yaml").read_text(encoding="utf-8"))["waarnemingen"][0]["id"]
    path = f"interviews.waarnemingen[{first}].uren_per_maand"
    assert typed_in_bash(f"bncost estimate --set {bash_quote(path[:-6])}") == ["estimate", "--set", path]
    assert typed_in_bash("bncost compare-m") == ["compare-models"]
