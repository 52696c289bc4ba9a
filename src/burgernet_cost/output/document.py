"""What a command shows, as typed data: the one view every format is rendered from.

A ``Report`` is an ordered list of parts (``Field`` and ``Table``), notes and an explanation tree.
Values stay typed (Decimal, int, text) with a *kind*; the renderers (``renderers.py``) turn a kind
into Dutch display text (table, markdown) or a machine value (json, csv), each by one rule:

=============== ============== =============================
kind            display        json / csv
=============== ============== =============================
int             54.600         54600
hours           6,02           6.0236 (4 decimals)
fte             0,04           0.0386 (4 decimals)
money           € 1.787,62     1787.62 (2 decimals)
per_inwoner     € 0,0327       0.03274 (6 decimals)
per_inwoner_cent € 0,0327 (≈ € 0,03)  as per_inwoner
rate            € 24,7308      24.7308 (4 decimals)
pct             10%            10.0 (4 decimals)
status          as is          as is (html: marked by its status)
bool            ja / nee       true / false
text            as is          as is
=============== ============== =============================
"""

from __future__ import annotations

from typing import Any

from burgernet_cost.structs import field, struct

DISPLAY = "display"  # table and markdown
JSON = "json"
CSV = "csv"
EVERYWHERE = frozenset({DISPLAY, JSON, CSV})

#: a table row: column key -> its value (a number, a text, a ``Cell``, None where not quantified)
Row = dict[str, object]


@struct
class Column:
    key: str  # json key and csv header
    label: str  # Dutch heading (table, markdown)
    kind: str = "text"
    empty: str = ""  # display text where the value is None
    align: str | None = None  # "left"/"right"; default: left for text, right for numbers
    formats: frozenset[str] = EVERYWHERE
    width: str | None = None  # html: the column's share of a fixed-layout table ("34%")


@struct(frozen=False)
class Table:
    key: str | None  # json key (None: not in json)
    columns: list[Column]
    rows: list[dict[str, Any]]
    title: str | None = None
    total_rows: int = 0  # the last N rows are totals (bold / separated; json: see total_key)
    total_key: str | None = None  # json: the (one) total row as an object under this key
    formats: frozenset[str] = EVERYWHERE  # csv writes the one table that has CSV
    row_header: bool = False  # html: the first column names its row (a <th scope="row">)
    lead: str | None = None  # html: the column whose first row holds the figure a reader looks for first

    def columns_for(self, fmt: str) -> list[Column]:
        return [c for c in self.columns if fmt in c.formats]


@struct
class Field:
    """A header line and/or a json member.

    ``kind`` "object" holds a list of Fields, "objects" a list of such lists, "texts" a list of
    strings, "raw" a value that is already json (a mapping of texts, the explanation)."""

    key: str | None  # json key (None: display only)
    label: str | None  # header label (None: json only)
    value: Any
    kind: str = "text"
    text: str | None = None  # display text, where it differs from the value (prose around it)


@struct
class Text:
    """Lines of prose between the header and the notes (table: wrapped lines; markdown: a list)."""

    lines: list[str]
    formats: frozenset[str] = frozenset({DISPLAY})


@struct
class Cell:
    """A value whose kind is its own, not its column's (a column of mixed key figures)."""

    value: Any
    kind: str
    mark: str | None = None  # a word beside the value in the council document ("laagste"); not in json or csv
    link: str | None = None  # html: the value links here (a member's document in the index of --per-gemeente)


Part = Field | Table | Text


@struct(frozen=False)
class Report:
    command: str
    title: str
    parts: list[Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    uitleg: list[Any] | None = None  # explain.Knoop trees (--uitleg)

    @property
    def header(self) -> list[Field]:
        return [p for p in self.parts if isinstance(p, Field) and p.label is not None]

    def tables_for(self, fmt: str) -> list[Table]:
        return [p for p in self.parts if isinstance(p, Table) and fmt in p.formats]
