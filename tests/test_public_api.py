"""bncost uses Typer (and the click it ships) through its public API only: no import of an
underscore module of typer, no ``typer._…`` or ``_click`` anywhere in the package, and in the
modules that handle Typer's objects no private attribute of an object that is not bncost's own
(``obj._name``, ``getattr(obj, "_name")``). A Typer release may change its private names at will;
this test is what lets the project follow Typer's releases without a pin from above."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "burgernet_cost"
ACCESSORS = {"getattr", "setattr", "hasattr", "delattr"}


def sources() -> dict[str, str]:
    return {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py"))}


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_private_typer_name_in_the_text():
    found = [
        f"{name}:{n}: {line.strip()}"
        for name, text in sources().items()
        for n, line in enumerate(text.splitlines(), 1)
        if re.search(r"typer\._|_click|_completion_", line)
    ]
    assert found == []


def test_no_import_of_an_underscore_module_of_typer():
    found = []
    for name, text in sources().items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("typer", "click"):
                parts = (node.module or "").split(".") + [a.name for a in node.names]
                found += [f"{name}:{node.lineno}" for part in parts if private(part)]
            elif isinstance(node, ast.Import):
                found += [
                    f"{name}:{node.lineno}"
                    for a in node.names
                    if a.name.split(".")[0] in ("typer", "click") and any(map(private, a.name.split(".")))
                ]
    assert found == []


def test_no_private_attribute_of_a_foreign_object():
    """In every module that imports typer: ``x._name`` only on ``self``/``cls``, and no
    ``getattr(x, "_name")``: a private name there could only be Typer's or click's."""
    found = []
    for name, text in sources().items():
        tree = ast.parse(text)
        if not any(isinstance(n, (ast.Import, ast.ImportFrom)) and "typer" in ast.dump(n) for n in ast.walk(tree)):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and private(node.attr):
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append(f"{name}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ACCESSORS and len(node.args) >= 2:
                key = node.args[1]
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and private(key.value):
                    found.append(f"{name}:{node.lineno}: {node.func.id}(…, {key.value!r})")
    assert found == []
