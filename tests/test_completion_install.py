"""--install-completion and --show-completion (cli/completion_install.py): the script for each
shell speaks the protocol that cli/completion_protocol.py reads, installing writes it where that
shell looks and adds its start-up line once, and nothing is left half-written. The shell is named
by replacing ``detect_shell``; HOME is a temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from burgernet_cost.cli import completion_install, completion_protocol


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return tmp_path


def use(monkeypatch, shell: str | None) -> None:
    monkeypatch.setattr(completion_install, "detect_shell", lambda: shell)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell", "pwsh"])
def test_each_script_speaks_the_protocol(bncost, monkeypatch, shell):
    use(monkeypatch, shell)
    r = bncost("--show-completion")
    assert r.code == 0 and r.err == ""
    instruction = re.search(r"\b_BNCOST_COMPLETE\s*=\s*\"?complete_(\w+)", r.out)
    assert instruction is not None and instruction.group(1) == ("powershell" if shell == "pwsh" else shell)
    assert instruction.group(1) in completion_protocol.READERS and instruction.group(1) in completion_protocol.FORMATS
    names = set(re.findall(r"\b_BNCOST_COMPLETE\w*|\bCOMP_\w+", r.out))
    read = {"bash": {"COMP_WORDS", "COMP_CWORD"}, "zsh": {"ARGS_VAR", "WORD_VAR"}, "fish": {"ARGS_VAR", "FISH_ACTION_VAR"}}.get(
        shell, {"ARGS_VAR", "WORD_VAR"}
    )
    wanted = {getattr(completion_install, n, n) for n in read} | {completion_install.COMPLETE_VAR}
    assert names == wanted, (shell, names)


def test_install_bash_twice_adds_one_line(bncost, home, monkeypatch):
    use(monkeypatch, "bash")
    (home / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")  # no newline at the end
    for _ in range(2):
        r = bncost("--install-completion")
        assert r.code == 0 and r.err == ""
        assert r.out.splitlines()[0] == f"Aanvullen met Tab voor bash is geïnstalleerd in {home / '.bash_completions' / 'bncost.sh'}."
    script = home / ".bash_completions" / "bncost.sh"
    assert script.read_text(encoding="utf-8") == completion_install.BASH
    assert (home / ".bashrc").read_text(encoding="utf-8") == f"alias ll='ls -l'\nsource '{script}'\n"
    assert sorted(p.name for p in (home / ".bash_completions").iterdir()) == ["bncost.sh"]  # no temporary file left


def test_install_zsh_and_fish(bncost, home, monkeypatch):
    use(monkeypatch, "zsh")
    for _ in range(2):
        assert bncost("--install-completion").code == 0
    assert (home / ".zfunc" / "_bncost").read_text(encoding="utf-8") == completion_install.ZSH
    assert (home / ".zshrc").read_text(encoding="utf-8") == "fpath+=~/.zfunc; autoload -Uz compinit; compinit\n"
    use(monkeypatch, "fish")
    assert bncost("--install-completion").code == 0
    assert (home / ".config" / "fish" / "completions" / "bncost.fish").read_text(encoding="utf-8") == completion_install.FISH
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "elders"))
    assert bncost("--install-completion").code == 0
    assert (home / "elders" / "fish" / "completions" / "bncost.fish").is_file()


def test_install_powershell_dot_sources_from_the_profile(bncost, home, monkeypatch):
    profile = home / "Documents" / "Power Shell's" / "Microsoft.PowerShell_profile.ps1"
    monkeypatch.setattr(completion_install, "powershell_profile", lambda shell: profile)
    use(monkeypatch, "pwsh")
    for _ in range(2):
        r = bncost("--install-completion")
        assert r.code == 0 and "uitvoeringsbeleid" in r.out
    script = profile.parent / "bncost-tab.ps1"
    assert script.read_text(encoding="utf-8") == completion_install.POWERSHELL
    assert profile.read_text(encoding="utf-8") == ". '" + str(script).replace("'", "''") + "'\n"


def test_a_linked_start_up_file_stays_a_link(bncost, home, monkeypatch):
    use(monkeypatch, "bash")
    (home / "dotfiles").mkdir()
    (home / "dotfiles" / "bashrc").write_text("# mijn instellingen\n", encoding="utf-8")
    os.symlink(home / "dotfiles" / "bashrc", home / ".bashrc")
    assert bncost("--install-completion").code == 0
    assert (home / ".bashrc").is_symlink()
    assert (home / "dotfiles" / "bashrc").read_text(encoding="utf-8").endswith(".bash_completions/bncost.sh'\n")


def test_nothing_half_done_when_the_script_cannot_be_written(bncost, home, monkeypatch):
    use(monkeypatch, "bash")
    (home / ".bash_completions").write_text("een bestand, geen map", encoding="utf-8")
    (home / ".bashrc").write_text("# oud\n", encoding="utf-8")
    r = bncost("--install-completion")
    assert r.code == 2 and r.out == "" and r.err.startswith("Fout: ") and r.err.count("\n") == 1
    assert "er is niets gewijzigd" in r.err
    assert (home / ".bashrc").read_text(encoding="utf-8") == "# oud\n"  # the rc line comes after the script


@pytest.mark.parametrize("kind", ["map", "pijp"])
def test_a_start_up_file_that_is_not_a_file_is_refused_before_anything_is_written(bncost, home, monkeypatch, kind):
    """A .bashrc that is a folder or a named pipe: one Dutch line, exit 2, no script written, and
    never a wait on the pipe."""
    use(monkeypatch, "bash")
    if kind == "map":
        (home / ".bashrc").mkdir()
    else:
        os.mkfifo(home / ".bashrc")
    r = bncost("--install-completion")
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1, r.err
    assert r.err.startswith("Fout: ") and ".bashrc" in r.err and "er is niets gewijzigd" in r.err
    assert not (home / ".bash_completions").exists()


def test_the_shell_from_shellingham_else_from_shell(monkeypatch):
    import shellingham

    def fails():
        raise shellingham.ShellDetectionFailure()

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("zsh", "/usr/bin/zsh"))
    assert completion_install.detect_shell() == "zsh"
    monkeypatch.setattr(shellingham, "detect_shell", fails)
    monkeypatch.setenv("SHELL", "/usr/local/bin/fish")
    assert completion_install.detect_shell() == "fish"
    monkeypatch.delenv("SHELL")
    assert completion_install.detect_shell() is None


def test_help_and_usage_need_no_completion_module():
    """``bncost --help`` does not import the completion machinery (start-up stays light)."""
    import sys

    code = "import sys\nfrom burgernet_cost.cli import main\nmain(['--help'])\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = [m for m in done.stderr.split() if m.startswith("burgernet_cost.cli.completion")]
    assert loaded == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_real_bash_loads_what_was_installed(bncost, tmp_path, monkeypatch):
    home = tmp_path / "o'neil"  # a quote in the path
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    use(monkeypatch, "bash")
    assert bncost("--install-completion").code == 0
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", 'source "$HOME/.bashrc" && complete -p bncost'],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home)},
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.strip() == f"complete -F {completion_install.FUNCTION} bncost"  # no file names as a fallback
