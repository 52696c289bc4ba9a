"""The shape of the package: layers import only downwards, modules and functions stay small, no
import cycles. cli -> output -> domain -> data -> errors (STYLE.md)."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "burgernet_cost"
LAYERS = {"errors": 0, "structs": 0, "data": 1, "domain": 2, "output": 3, "cli": 4}
# Sizes in logical lines (statements, as Python's tokenizer counts NEWLINE), so that the formatter's
# wrapping of a long call over several lines does not count: ``ruff format`` decides the layout.
MAX_MODULE_LINES = 320
MAX_FUNCTION_LINES = 50


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("burgernet_cost", *parts)).removesuffix(".__init__")
        out[name] = path
    return out


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("burgernet_cost"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("burgernet_cost"))
    return found


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_point_down(module: str) -> None:
    own = layer(module)
    if own is None:
        return  # the package root (version, library exports) and __main__
    upward = sorted(m for m in imports(modules()[module]) if (layer(m) or 0) > own)
    assert not upward, f"{module} (layer {own}) imports from a layer above it: {upward}"


def test_no_import_cycles() -> None:
    known = modules()
    graph = {m: {i for i in imports(p) if i in known and i != m} for m, p in known.items()}
    graph = {m: {i for i in deps if not m.startswith(i + ".")} for m, deps in graph.items()}  # a package's own __init__

    def visit(node: str, path: list[str], done: set[str]) -> None:
        if node in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(node) :], node]))
        if node in done:
            return
        for dep in sorted(graph[node]):
            visit(dep, [*path, node], done)
        done.add(node)

    done: set[str] = set()
    for module in sorted(graph):
        visit(module, [], done)


@pytest.mark.parametrize("module", sorted(modules()))
def test_sizes(module: str) -> None:
    path = modules()[module]
    text = path.read_text(encoding="utf-8")
    ends = [t.start[0] for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.NEWLINE]
    assert len(ends) <= MAX_MODULE_LINES, f"{module}: {len(ends)} logical lines"

    def size(n: ast.AST) -> int:
        return sum(1 for line in ends if n.lineno <= line <= (n.end_lineno or n.lineno))

    long = [
        f"{n.name} ({size(n)} logical lines)"
        for n in ast.walk(ast.parse(text))
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and size(n) > MAX_FUNCTION_LINES
    ]
    assert not long, f"{module}: functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize("module", sorted(m for m in modules() if layer(m) == LAYERS["domain"]))
def test_domain_types_are_honest(module: str) -> None:
    """No ``Any`` in the domain (not as a name, not as ``typing.Any``) and no ``type: ignore``: its
    types say what runs. mypy's ``disallow_any_explicit`` for the domain also refuses an alias of Any."""
    text = modules()[module].read_text(encoding="utf-8")
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    assert not [t.start[0] for t in tokens if t.type == tokenize.NAME and t.string == "Any"], f"{module} names Any"
    assert not [t.start[0] for t in tokens if t.type == tokenize.COMMENT and "type: ignore" in t.string], f"{module} ignores a type"


def test_mypy_refuses_explicit_any_in_the_domain() -> None:
    import tomllib

    config = tomllib.loads((PACKAGE.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    domain = [o for o in config.get("overrides", []) if "burgernet_cost.domain.*" in o["module"]]
    assert domain and domain[0]["disallow_any_explicit"] is True


def test_steps_are_made_only_by_the_evaluator() -> None:
    """A step of the trace is recorded by ``domain/formulas.py`` alone (``compute``, and
    ``unquantified`` for a quantity without a number): no caller records a value it computed itself."""
    makers = {
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("formulas.py", "trace.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"
        if "trace" in ast.unparse(node.func.value)
    }
    assert not makers, makers


AMOUNT_WORDS = ("inwoners", "bijdrage", "kosten", "tarief", "bedrag", "totaal", "uren", "fte", "budget")


def test_output_does_no_arithmetic_on_amounts() -> None:
    """Views and documents format what the domain computed: no product, quotient or difference of
    amounts in ``output/`` (a second copy of a rule that drifts)."""
    found = []
    for path in sorted((PACKAGE / "output").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div, ast.Sub))):
                continue
            sides = (node.left, node.right)
            if any(
                isinstance(x, (ast.JoinedStr, ast.List, ast.Tuple)) or (isinstance(x, ast.Constant) and isinstance(x.value, str))
                for x in sides
            ):
                continue
            text = ast.unparse(node)
            if any(word in text for word in AMOUNT_WORDS):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {text}")
    assert not found, found
