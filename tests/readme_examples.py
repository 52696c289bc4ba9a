"""README's sample outputs, made by the program: ``python tests/readme_examples.py`` rewrites every
block after a marker ``<!-- voorbeeld: bncost … -->`` with what that command prints (from the
repository, at 100 columns, with the shipped data); ``--check`` only says which are stale.
``tests/test_readme_examples.py`` keeps them true."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
WIDTH = "100"
#: a marker, the code block after it (its fence line kept) and the block's body
BLOCK = re.compile(r"(<!-- voorbeeld: (bncost [^\n]*?) -->\n(```[^\n]*\n))(.*?)(```)", re.S)


def output(command: str) -> str:
    """What ``command`` prints, as the block shows it: the command after '$ ', then its output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BNCOST_", "_BNCOST"))}
    env.update(COLUMNS=WIDTH, LANG="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "burgernet_cost", *shlex.split(command)[1:]],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{command}: exit {done.returncode}: {done.stderr.strip()}")
    return f"$ {command}\n{done.stdout}"


def regenerate(text: str) -> tuple[str, list[str]]:
    """README's text with every marked block made anew, and the commands whose block changed."""
    changed: list[str] = []

    def one(m: re.Match[str]) -> str:
        body = output(m.group(2))
        if body != m.group(4):
            changed.append(m.group(2))
        return m.group(1) + body + m.group(5)

    return BLOCK.sub(one, text), changed


def main(args: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new, changed = regenerate(text)
    if "--check" in args:
        for command in changed:
            print(f"verouderd: {command}")
        return 1 if changed else 0
    if new != text:
        README.write_text(new, encoding="utf-8")
    print(f"{len(BLOCK.findall(text))} voorbeeld(en), {len(changed)} bijgewerkt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
