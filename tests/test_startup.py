"""Start-up stays light, and the installed entry point works as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "rich",
    "tabulate",
    "yaml",
    "pydantic",
    "burgernet_cost.data.models",
    "burgernet_cost.data.dataset",
    "burgernet_cost.domain.estimate",
    "burgernet_cost.output.renderers",
)


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["estimate", "--help"], ["regio", "--help"]])
def test_help_and_version_load_no_data(args):
    code = (
        "import sys, io\n"
        "from burgernet_cost.cli import main\n"
        "out = sys.stdout; sys.stdout = io.StringIO()\n"
        f"rc = main({args!r})\n"
        "sys.stdout = out\n"
        "print(rc, ' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rc, modules = result.stdout.split(" ", 1)
    assert rc == "0"
    loaded = set(modules.split())
    # typer itself imports pydantic to describe a command's options; the top level stays free of it
    allowed = ("pydantic",) if len(args) > 1 else ()
    heavy = sorted(m for m in loaded if m.startswith(HEAVY) and not m.startswith(allowed))
    assert heavy == [], heavy


def test_installed_entry_point(tmp_path):
    """The console script (or python -m) as a separate process, from a directory outside the checkout."""
    script = Path(sys.executable).with_name("bncost")
    argv = (
        [str(script)]
        if script.exists()
        else ([shutil.which("bncost")] if shutil.which("bncost") else [sys.executable, "-m", "burgernet_cost"])
    )
    env = {k: v for k, v in os.environ.items() if k != "BNCOST_DATA_DIR"}
    ok = subprocess.run(
        [*argv, "estimate", "--inwoners", "54600", "--pakket", "basis", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["inwoners"] == 54600
    bad = subprocess.run([*argv, "estimate", "--inwoners", "abc"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("Fout: --inwoners: ") and "Traceback" not in bad.stderr
    module = subprocess.run([sys.executable, "-m", "burgernet_cost", "--version"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert module.returncode == 0 and module.stdout.startswith("bncost ")


def test_readme_documents_every_command_and_option():
    """The README stays true to --help: every command and every long option is documented."""
    import typer

    from burgernet_cost.cli import build

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(build())
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if f"bncost {name}" not in readme:
            missing.append(f"bncost {name}")
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in readme:
                    missing.append(f"{name} {opt}")
    assert missing == []
