"""``--uitleg``: the recorded trace (``domain.trace.Spoor``) as a tree, worded.

Each step shows its value, its formula in words and the steps and figures it was computed from;
each figure its value, source (report § or URL), status and place (file:line, or the scenario line
that set it). A step is written out once; where it is used again the tree refers to it. Nothing
here computes: the tree shows exactly what the calculation recorded.
"""

from __future__ import annotations

from typing import Any

from burgernet_cost.domain.trace import Spoor, Value
from burgernet_cost.output import wording as w
from burgernet_cost.output.cells import md
from burgernet_cost.structs import field, struct

#: a text tree lists this many members of a region; the JSON lists them all
MAX_SIBLINGS_SHOWN = 12


_TEXT = {"type": ["string", "null"]}
#: the JSON Schema of a node of json "uitleg" (``Knoop.to_dict``); ``report_schema`` refers to it
KNOOP_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": _TEXT,
        "soort": {"enum": ["stap", "figuur", "verwijzing", "groep"]},
        "label": {"type": "string"},
        "waarde": {"type": ["boolean", "null", "number", "string"]},
        "tekst": _TEXT,
        "formule": _TEXT,
        "bron": _TEXT,
        "status": _TEXT,
        "plaats": _TEXT,
        "stappen": {"type": "array", "items": {"$ref": "#/$defs/knoop"}},
    },
    "required": ["bron", "formule", "id", "label", "plaats", "soort", "stappen", "status", "tekst", "waarde"],
    "additionalProperties": False,
}


@struct(frozen=False)
class Knoop:
    label: str
    waarde: str  # as people read it ("€ 1.780,62"); json "tekst"
    formule: str | None = None
    bron: str | None = None
    status: str | None = None
    plaats: str | None = None
    id: str | None = None
    soort: str = "stap"  # "stap", "figuur", "verwijzing" or "groep"
    kinderen: list[Knoop] = field(default_factory=list)
    getal: Value | None = None  # json "waarde": the value itself (a step's unrounded Decimal, a figure as the data holds it)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "soort": self.soort,
            "label": self.label,
            "waarde": self.getal,
            "tekst": self.waarde or None,
            "formule": self.formule,
            "bron": self.bron,
            "status": self.status,
            "plaats": self.plaats,
            "stappen": [k.to_dict() for k in self.kinderen],
        }

    def line(self) -> str:
        text = f"{self.label}: {self.waarde}" if self.waarde else self.label
        if self.formule:
            text += f"  [{self.formule}]"
        meta = [x for x in dict.fromkeys((self.bron, w.STATUS_TEXT.get(self.status or "", self.status), self.plaats)) if x]
        if meta:
            text += f"  ({'; '.join(meta)})"
        return text


def tree(spoor: Spoor) -> list[Knoop]:
    """The trace from its roots; each step written out once, at its first place or as a root."""
    steps = {s.id: s for s in spoor.stappen}
    figures = {f.id: f for f in spoor.figuren}
    roots = set(spoor.wortels)
    done: set[str] = set()

    def node(ident: str, as_root: bool = False) -> Knoop:
        if ident in figures:
            f = figures[ident]
            return Knoop(
                w.figure_label(f),
                w.show(f.waarde, f.eenheid, written=True),
                bron=f.bron,
                status=f.status,
                plaats=f.plaats,
                id=f.id,
                soort="figuur",
                getal=f.waarde,
            )
        s = steps[ident]
        if ident in done or (ident in roots and not as_root):
            where = "hierboven" if ident in done else "hieronder"
            return Knoop(
                w.step_label(s),
                w.show(s.waarde, s.eenheid),
                formule=f"zie {where}",
                status="berekend",
                id=ident,
                soort="verwijzing",
                getal=s.waarde,
            )
        done.add(ident)
        children = [node(i) for i in s.invoer]
        formula = w.step_formula(s)
        return Knoop(
            w.step_label(s), w.show(s.waarde, s.eenheid), formule=formula, status="berekend", id=ident, kinderen=children, getal=s.waarde
        )

    return [node(r, as_root=True) for r in spoor.wortels]


def group(label: str, children: list[Knoop]) -> Knoop:
    return Knoop(label, "", soort="groep", kinderen=children)


def figure_ids(nodes: list[Knoop]) -> set[str]:
    """Every figure in a tree (for the test that the explanation is complete)."""
    out: set[str] = set()
    for n in nodes:
        if n.soort == "figuur" and n.id:
            out.add(n.id)
        out |= figure_ids(n.kinderen)
    return out


def text_lines(steps: list[Knoop], prefix: str = "", split: bool = False) -> list[Any]:
    """The tree as text lines; with split=True as (prefix, text) pairs (for wrapping). Long runs of
    siblings of one kind (the members of a region) are cut short: the JSON has them all."""
    out: list[Any] = []
    shown = _shorten(steps)
    for i, step in enumerate(shown):
        last = i == len(shown) - 1
        branch = prefix + ("└─ " if last else "├─ ")
        out.append((branch, step.line()) if split else branch + step.line())
        out += text_lines(step.kinderen, prefix + ("   " if last else "│  "), split)
    return out


def _shorten(steps: list[Knoop]) -> list[Knoop]:
    if len(steps) <= MAX_SIBLINGS_SHOWN + 1:
        return steps
    head = steps[:MAX_SIBLINGS_SHOWN]
    rest = len(steps) - MAX_SIBLINGS_SHOWN
    return [*head, Knoop(f"… en nog {rest} gemeenten", "", formule="zie de tabel; -f json toont ze alle", soort="groep")]


def markdown_lines(steps: list[Knoop], depth: int = 0) -> list[str]:
    out = []
    for step in _shorten(steps):
        out.append("  " * depth + "- " + md(step.line()))
        out += markdown_lines(step.kinderen, depth + 1)
    return out
