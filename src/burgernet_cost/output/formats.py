"""The output formats bncost writes: the one list (issue 26, "one list of formats").

Each format with what it renders (a command's ``Report`` or the council document, a ``Dossier``),
the file extensions that stand for it (the first one is what Tab completion offers), how ``--help``
names it and how Tab completion explains it. ``output/renderers.py`` has a renderer for each
(a test checks that), and the command line derives ``--format``'s choices, its help, its completion
and the extensions of ``--uitvoer`` from here. No imports: ``bncost --help`` reads it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple


class Formaat(NamedTuple):
    renders: Literal["report", "dossier"]
    extensions: tuple[str, ...]
    help: str  # in the --format help: "Uitvoer: table (standaard), json, …"
    tab: str  # the explanation beside the value at a Tab
    explains: bool = True  # has room for the calculation (--uitleg); csv is one table


FORMATS: dict[str, Formaat] = {
    "table": Formaat("report", (".txt",), "table (standaard)", "tabel (standaard)"),
    "json": Formaat("report", (".json",), "json", "JSON"),
    "csv": Formaat("report", (".csv",), "csv (machines)", "CSV", explains=False),
    "csv-nl": Formaat("report", (".csv",), "csv-nl (Nederlandse spreadsheet: ; en decimale komma)", "CSV met ; en decimale komma", False),
    "markdown": Formaat("report", (".md", ".markdown"), "markdown", "Markdown"),
    "html": Formaat("dossier", (".html", ".htm"), "html", "HTML-pagina"),
    "xlsx": Formaat("dossier", (".xlsx",), "xlsx", "Excel-werkmap"),
}

#: ``--format`` of every command but ``rapport`` (the first is the default)
REPORT_FORMATS = tuple(name for name, f in FORMATS.items() if f.renders == "report")
#: ``rapport --format``
DOCUMENT_FORMATS = tuple(name for name, f in FORMATS.items() if f.renders == "dossier")
#: the format a file extension stands for (the first format that names it: .csv is csv, not csv-nl)
EXTENSIONS: dict[str, str] = {}
for _name, _format in FORMATS.items():
    for _extension in _format.extensions:
        EXTENSIONS.setdefault(_extension, _name)


def fits(extension: str, fmt: str) -> bool:
    """Whether a file with this extension may hold this format (.txt holds any text)."""
    return extension == ".txt" or extension in FORMATS[fmt].extensions


def offered_extensions(names: tuple[str, ...]) -> tuple[str, ...]:
    """The extensions Tab completion offers for ``--uitvoer`` with these formats (each format's first)."""
    return tuple(dict.fromkeys(FORMATS[n].extensions[0] for n in names))


def help_text(names: tuple[str, ...]) -> str:
    """'table (standaard), json, … of markdown'."""
    return _either([FORMATS[n].help for n in names])


def explaining(names: tuple[str, ...]) -> str:
    """The formats among ``names`` that show the calculation, in words: 'table, json of markdown'."""
    return _either([n for n in names if FORMATS[n].explains])


def _either(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " of " + words[-1] if len(words) > 1 else words[0]
