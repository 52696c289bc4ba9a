"""``--install-completion`` and ``--show-completion``: bncost's four completion scripts and where
they go.

Each script runs ``bncost`` at a Tab with ``_BNCOST_COMPLETE=complete_<shell>`` and the line in the
environment (the protocol is described in ``completion_protocol.py``) and offers what it prints.
The shell in use is found with ``shellingham`` (which reads the chain of parent processes), else
from ``$SHELL``.

Installing writes the script to the usual per-user place of that shell and adds one line to the
shell's start-up file where the shell needs one (bash: ``source``; zsh: ``fpath`` and ``compinit``;
PowerShell: dot-sourcing from the profile; fish loads its completions folder itself). The line is
added only when it is not there yet, so installing twice changes nothing; each file is written all
or nothing (``writing.write_file``: a temporary file renamed over the old one), and a start-up file
that is a symbolic link (dotfiles) is written where the link points; a link that points nowhere is
refused (it would create a file, and folders, wherever it names), and folders are made only inside
the user's home folder or ``XDG_CONFIG_HOME``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shlex
import subprocess
from pathlib import Path

from burgernet_cost.cli.writing import write_file, write_text
from burgernet_cost.errors import BncostError, UsageProblem, os_reason, quote, visible

#: what the scripts pass at a Tab (read by completion_protocol.py)
COMPLETE_VAR = "_BNCOST_COMPLETE"  # complete_<shell>
ARGS_VAR = "_BNCOST_COMPLETE_ARGS"  # zsh, fish, PowerShell: the line
WORD_VAR = "_BNCOST_COMPLETE_WORD"  # PowerShell: the word under the cursor
FISH_ACTION_VAR = "_BNCOST_COMPLETE_FISH_ACTION"  # fish: get-args or is-args
PROG = "bncost"
FUNCTION = "_bncost_tab"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

# no '-o default': where bncost has nothing to offer (no municipality matches) bash offers nothing,
# not the files of the current folder; bncost offers files itself where a file is expected
BASH = f"""\
{FUNCTION}() {{
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${{COMP_WORDS[*]}}" COMP_CWORD="$COMP_CWORD" {COMPLETE_VAR}=complete_bash "$1" 2>/dev/null ) )
    return 0
}}
complete -F {FUNCTION} {PROG}
"""

# zsh passes the finished words and the word under the cursor apart, each as typed ('Bergen\ ' is
# one unfinished word, not 'Bergen' and an empty one); bncost answers with a compadd call
ZSH = f"""\
#compdef {PROG}

{FUNCTION}() {{
  eval "$(env {ARGS_VAR}="${{words[1,CURRENT-1]}}" {WORD_VAR}="${{words[CURRENT]}}" {COMPLETE_VAR}=complete_zsh {PROG} 2>/dev/null)"
}}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  {FUNCTION} "$@"
else
  compdef {FUNCTION} {PROG}
fi
"""

_FISH_CALL = f"env {COMPLETE_VAR}=complete_fish {FISH_ACTION_VAR}=%s {ARGS_VAR}=(commandline -cp) {PROG}"
FISH = (
    f"complete --command {PROG} --no-files\n"  # never the current folder's files where bncost has nothing to offer
    f'complete --command {PROG} --no-files --arguments "({_FISH_CALL % "get-args"})" --condition "{_FISH_CALL % "is-args"}"\n'
)

POWERSHELL = f"""\
Import-Module PSReadLine
Set-PSReadLineKeyHandler -Chord Tab -Function MenuComplete
$scriptblock = {{
    param($wordToComplete, $commandAst, $cursorPosition)
    $Env:{COMPLETE_VAR} = "complete_powershell"
    $Env:{ARGS_VAR} = $commandAst.ToString()
    $Env:{WORD_VAR} = $wordToComplete
    {PROG} | ForEach-Object {{
        $commandArray = $_ -Split ":::"
        $command = $commandArray[0]
        $helpString = $commandArray[1]
        [System.Management.Automation.CompletionResult]::new(
            $command, $command, 'ParameterValue', $helpString)
    }}
    $Env:{COMPLETE_VAR} = ""
    $Env:{ARGS_VAR} = ""
    $Env:{WORD_VAR} = ""
}}
Register-ArgumentCompleter -Native -CommandName {PROG} -ScriptBlock $scriptblock
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH, "powershell": POWERSHELL, "pwsh": POWERSHELL}


# --------------------------------------------------------------------------- which shell


def detect_shell() -> str | None:
    """The name of the shell bncost runs in (lower case), or None when it cannot be told."""
    try:
        import shellingham

        name, _ = shellingham.detect_shell()
        return str(name).lower()
    except Exception:  # ShellDetectionFailure, or a platform shellingham does not know
        shell = os.environ.get("SHELL", "")
        return Path(shell).stem.lower() or None


def current_shell() -> str:
    shell = detect_shell()
    if shell in SHELLS:
        return str(shell)
    if shell:
        raise UsageProblem(f"bncost kent geen aanvullen met Tab voor de shell '{shell}'; dat kan in bash, zsh, fish en PowerShell")
    raise UsageProblem("bncost kan niet bepalen welke shell u gebruikt; aanvullen met Tab kan in bash, zsh, fish en PowerShell")


# --------------------------------------------------------------------------- the two options


def show() -> None:
    """--show-completion: the script for the shell in use, on standard output."""
    write_text(SCRIPTS[current_shell()])


def install() -> None:
    """--install-completion: the script in its place, the start-up line, and a Dutch message."""
    shell = current_shell()
    path = _install(shell, home_folder())
    lines = [
        f"Aanvullen met Tab voor {shell} is geïnstalleerd in {visible(str(path))}.",
        "Het werkt in een nieuw terminalvenster (of na het opnieuw laden van de shell).",
    ]
    if shell in ("powershell", "pwsh"):
        lines.append("Laadt PowerShell uw profiel niet (uitvoeringsbeleid), zie dan 'Get-Help about_Execution_Policies'.")
    write_text("\n".join(lines) + "\n")


def _install(shell: str, home: Path) -> Path:
    """Write the script and the start-up line for ``shell``; the script's path. Every file is read
    and checked before the first one is written."""
    if shell == "bash":
        script = home / ".bash_completions" / f"{PROG}.sh"
        source = f"source '{script}'" if "'" not in str(script) else f"source {shlex.quote(str(script))}"
        plan = [(script, BASH.encode()), *_with_line(home / ".bashrc", source)]
    elif shell == "zsh":
        script = home / ".zfunc" / f"_{PROG}"
        plan = [(script, ZSH.encode()), *_with_line(home / ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit")]
    elif shell == "fish":
        xdg = os.environ.get("XDG_CONFIG_HOME", "")
        config = Path(xdg) if os.path.isabs(xdg) else home / ".config"  # a relative one is ignored (XDG)
        script = config / "fish" / "completions" / f"{PROG}.fish"
        plan = [(script, FISH.encode())]
    else:
        profile = powershell_profile(shell)
        script = profile.parent / f"{PROG}-tab.ps1"
        plan = [(script, POWERSHELL.encode()), *_with_line(profile, f". '{_powershell_literal(str(script))}'")]
    _write_all(plan)
    return script


def home_folder() -> Path:
    """The user's home folder; an empty or relative HOME is refused (Python would read it as '/' or
    as the current folder, and the files would land there)."""
    home = os.environ.get("HOME")
    if os.name == "posix" and home is not None and not os.path.isabs(home):
        raise UsageProblem(f"de thuismap (HOME={quote(home)}) is geen volledig pad; er is niets gewijzigd")
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        raise UsageProblem("de thuismap kan niet worden bepaald (HOME); er is niets gewijzigd") from None


def _write_all(plan: list[tuple[Path, bytes]]) -> None:
    """Every file of the plan or none: the folders are made and the old contents read first, each
    file is written whole (a symbolic link is followed), and when one fails those written before it
    get their old content back (or are removed when they were new)."""
    befores: list[tuple[Path, bytes | None]] = []
    made: list[Path] = []
    done: list[tuple[Path, bytes | None]] = []
    for path, _ in plan:
        _refuse_dangling(path)
    roots = _own_folders()
    try:
        for path, _ in plan:
            real = Path(os.path.realpath(path))
            _make_folder(real.parent, made, roots)
            befores.append((real, real.read_bytes() if real.is_file() else None))
        for (path, data), (real, before) in zip(plan, befores, strict=True):
            write_file(str(path), data, real)
            done.append((real, before))
    except BaseException as exc:
        for real, before in reversed(done):
            with contextlib.suppress(OSError, BncostError):
                if before is None:
                    real.unlink()
                else:
                    write_file(str(real), before, real)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            where = visible(str(getattr(exc, "filename", None) or "een map"))
            raise UsageProblem(f"{where} kan niet worden gebruikt ({os_reason(exc)}); er is niets gewijzigd") from None
        raise


def _refuse_dangling(path: Path) -> None:
    """A file of the plan (or a folder above it) that is a symbolic link to nothing is refused: writing
    through it would create a file, and folders, wherever the link names."""
    for p in (path, *path.parents):
        if os.path.islink(p) and not os.path.exists(p):
            target = visible(os.readlink(p))
            raise UsageProblem(
                f"{visible(str(p))} verwijst naar {target}, dat niet bestaat; herstel of verwijder die verwijzing "
                "en installeer opnieuw; er is niets gewijzigd"
            )


def _own_folders() -> list[Path]:
    """Where --install-completion may make folders: below the home folder and ``XDG_CONFIG_HOME``."""
    roots = [home_folder()]
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    if os.path.isabs(xdg):
        roots.append(Path(xdg))
    out = []
    for root in roots:
        with contextlib.suppress(OSError, RuntimeError):
            if root.is_dir():
                out.append(Path(os.path.realpath(root)))
    return out


def _make_folder(folder: Path, made: list[Path], roots: list[Path]) -> None:
    """``folder`` and the folders above it that are missing, each noted in ``made`` (to take back);
    only below one of ``roots`` (the user's own folders), never elsewhere."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    for p in missing:
        if not any(p != root and p.is_relative_to(root) for root in roots):
            raise UsageProblem(
                f"de map {visible(str(p))} bestaat niet en ligt buiten uw thuismap; bncost maakt daar geen mappen "
                "(maak haar zelf of gebruik --show-completion); er is niets gewijzigd"
            )
    for p in reversed(missing):
        p.mkdir()
        made.append(p)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))


def _with_line(path: Path, line: str) -> list[tuple[Path, bytes]]:
    """The start-up file with ``line`` at its end, or nothing when the line is there already (as a
    line of its own). Only a regular file is read: a pipe or a device in its place is refused at
    once, never waited on (data/reading.py)."""
    from burgernet_cost.data.reading import read_bytes
    from burgernet_cost.errors import DataError

    real = Path(os.path.realpath(path))
    try:
        data = read_bytes(real, str(path)) if os.path.lexists(real) else b""
    except DataError as exc:
        raise UsageProblem(f"{exc}; er is niets gewijzigd") from None
    if line in (existing.strip() for existing in data.decode("utf-8", "replace").splitlines()):
        return []
    separator = b"" if not data or data.endswith(b"\n") else b"\n"
    return [(path, data + separator + line.encode("utf-8") + b"\n")]


def powershell_profile(shell: str) -> Path:
    """The path of the user's PowerShell profile ($PROFILE), as that PowerShell reports it."""
    try:
        done = subprocess.run([shell, "-NoProfile", "-Command", "$PROFILE"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        done = None
    found = done.stdout.decode("utf-8", "replace").strip() if done is not None and done.returncode == 0 else ""
    if not found:
        raise UsageProblem(
            f"het profiel van {shell} kan niet worden bepaald ({shell} -Command $PROFILE gaf geen pad); er is niets gewijzigd"
        )
    return Path(found)


def _powershell_literal(text: str) -> str:
    return re.sub("'", "''", text)
