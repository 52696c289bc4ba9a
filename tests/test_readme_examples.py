"""README's sample outputs are what the program prints (``python tests/readme_examples.py`` makes them anew)."""

from __future__ import annotations

from readme_examples import BLOCK, README, regenerate


def test_readme_examples_are_what_the_program_prints():
    text = README.read_text(encoding="utf-8")
    commands = [m.group(2) for m in BLOCK.finditer(text)]
    assert len(commands) >= 2 and "bncost estimate --inwoners 54600 --pakket basis" in commands
    _, stale = regenerate(text)
    assert stale == [], f"README shows old output for {stale}: run: python tools/regen.py"
