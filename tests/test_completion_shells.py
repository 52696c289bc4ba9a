"""Tab in real shells: bash (also as a login shell, with README's line) and zsh, started in tmux with
the scripts ``--install-completion`` writes, typing a line and pressing Tab. Skipped where tmux or
the shell is missing (``apt-get install tmux zsh``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


class Pane:
    """One interactive shell in a tmux session of its own (its own server socket)."""

    def __init__(self, socket: str, command: list[str], home: Path) -> None:
        self.tmux = [str(TMUX), "-L", socket]
        env = {
            "HOME": str(home),
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "PS1": "$ ",
            "PROMPT": "$ ",
        }
        line = ["env", "-i", *(f"{k}={v}" for k, v in env.items()), *command]
        subprocess.run([*self.tmux, "new-session", "-d", "-s", "t", "-x", "200", "-y", "50", "-c", str(home), *line], check=True)
        self._wait(lambda text: _last_line(text).rstrip().endswith(("$", "#")), 20)  # the prompt

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True, check=True).stdout

    def _wait(self, ready, timeout: float) -> str:
        end = time.monotonic() + timeout
        text = self.screen()
        while not ready(text) and time.monotonic() < end:
            time.sleep(0.2)
            text = self.screen()
        return text

    def tab(self, typed: str, expect: str | None = None, timeout: float = 20) -> str:
        """Type ``typed`` on a fresh line, press Tab; the line as it then stands (waiting for
        ``expect`` on it, or for the line to settle)."""
        subprocess.run([*self.tmux, "send-keys", "-t", "t", "C-c"], check=True)
        time.sleep(0.3)
        subprocess.run([*self.tmux, "send-keys", "-t", "t", "-l", typed], check=True)
        subprocess.run([*self.tmux, "send-keys", "-t", "t", "Tab"], check=True)
        if expect is not None:
            text = self._wait(lambda text: expect in _last_line(text), timeout / 2)
            if expect not in _last_line(text):  # a Tab that arrived before the shell read the line: once more
                subprocess.run([*self.tmux, "send-keys", "-t", "t", "Tab"], check=True)
                text = self._wait(lambda text: expect in _last_line(text), timeout / 2)
        else:
            time.sleep(3)
            text = self.screen()
        return _last_line(text)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, check=False)


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _install(shell: str, home: Path) -> None:
    """What ``bncost --install-completion`` writes for ``shell`` (it writes only below $HOME)."""
    from burgernet_cost.cli.completion_install import _install as install

    saved = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    try:
        install(shell, home)
    finally:
        if saved is None:
            os.environ.pop("HOME", None)
        else:
            os.environ["HOME"] = saved


def _make_home(root: Path) -> Path:
    home = root / "home"
    home.mkdir()
    (home / "Qqq-bestand.txt").write_text("een bestand dat Tab niet mag aanbieden\n")
    (home / ".zshrc").write_text("PROMPT='$ '\n")  # the installer adds its line after this one
    return home


def _open(shell: str, home: Path, login: bool = False) -> Iterator[Pane]:
    path = shutil.which(shell)
    if path is None:
        pytest.skip(f"{shell} is not installed")
    _install(shell, home)
    command = [path, "-l", "-i"] if login else [path, "-i"]
    pane = Pane(f"bncost-test-{os.getpid()}-{shell}-{int(login)}", command, home)
    try:
        yield pane
    finally:
        pane.close()


@pytest.fixture(scope="module")
def bash(tmp_path_factory) -> Iterator[Pane]:
    yield from _open("bash", _make_home(tmp_path_factory.mktemp("bash")))


@pytest.fixture(scope="module")
def zsh(tmp_path_factory) -> Iterator[Pane]:
    yield from _open("zsh", _make_home(tmp_path_factory.mktemp("zsh")))


# (typed, what the word becomes); in bash an unquoted '(' ends a word (COMP_WORDBREAKS): type '\('
CASES = [
    ("bncost estimate --gemeente Sud", "Súdwest-Fryslân"),  # accents and case forgiven
    ("bncost estimate --gemeente súd", "Súdwest-Fryslân"),
    ("bncost estimate --gemeente \\'s-H", "\\'s-Hertogenbosch"),  # the apostrophe kept, quoted
    ("bncost estimate --gemeente \"'s-h", "\"'s-Hertogenbosch"),
    ("bncost estimate --gemeente Bergen\\ \\(N", "Bergen\\ \\(NH.\\)"),
    ("bncost estimate --pak", "--pakket"),
    ("bncost regio --gemeenten Utrecht,Zei", "Utrecht,Zeist"),
]


@pytest.mark.parametrize(("typed", "becomes"), CASES)
def test_bash(bash, typed, becomes):
    assert becomes in bash.tab(typed, becomes)


@pytest.mark.parametrize(
    ("typed", "becomes"),
    [*CASES, ("bncost estimate --gemeente Bergen\\ (N", "Bergen\\ \\(NH.\\)"), ("bncost estimate --pakket=vo", "--pakket=volledig")],
)
def test_zsh(zsh, typed, becomes):
    assert becomes in zsh.tab(typed, becomes)


def test_no_file_names_where_a_name_is_expected(bash, zsh):
    for pane in (bash, zsh):
        assert pane.tab("bncost estimate --gemeente Qqq").endswith("--gemeente Qqq")  # not Qqq-bestand.txt


def test_zsh_continues_after_an_escaped_space(zsh):
    """'Bergen\\ ' is one unfinished word: Tab lists the Bergens (it used to start a new word)."""
    zsh.tab("bncost estimate --gemeente Bergen\\ ")
    screen = zsh.screen()
    assert "Bergen (L.)" in screen and "Bergen (NH.)" in screen


def test_login_bash_with_the_line_from_readme(tmp_path):
    """A login shell reads ~/.bash_profile, not ~/.bashrc: README's line makes it load the completion
    (the PATH line stands for the user's own: /etc/profile sets PATH anew in a login shell)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- login-shell -->\n```\n(.*?)\n```", text, re.S)
    assert found, "README has the login-shell line"
    home = _make_home(tmp_path)
    (home / ".bash_profile").write_text(f"export PATH={Path(sys.executable).parent}:$PATH\n{found.group(1)}\n")
    for pane in _open("bash", home, login=True):
        assert "Súdwest-Fryslân" in pane.tab("bncost estimate --gemeente Sud", "Súdwest-Fryslân")
