"""Finding the data directory and reading YAML strictly, with line numbers.

The YAML is composed with PyYAML's safe C loader into a node tree, and the nodes are turned into
plain Python values here, so that:

* every value keeps its line number (``LineMap``), for error messages;
* duplicate keys, anchors/aliases, merge keys and unknown tags are rejected;
* YAML 1.1 surprises (``NO`` -> False, ``010`` -> 8, ``1:20`` -> 80) are rejected, not guessed;
* dates stay strings, non-integer numbers become ``Decimal`` from their written text (never float);
  a number beyond 10^15 (or below 10^-15) is refused here, each field's own range in the models;
* file size, node count and nesting depth are bounded (hostile input cannot hang or exhaust us).
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from burgernet_cost.errors import DataError, UsageProblem, os_reason

DATA_DIR_ENV = "BNCOST_DATA_DIR"

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 100_000  # the shipped files have about 3.000; more is an accident or an attack
LARGE_TEXT = 256 * 1024  # above this, values are counted while parsing, before a node tree is built
MAX_DEPTH = 50
MAX_NUMBER_CHARS = 40  # a number in the data is never longer (and Python refuses ints over 4.300 digits)
MAX_EXPONENT = 15  # 10^-15 .. 10^15: far beyond any real figure, far inside Decimal's range

_INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DEC_RE = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_BOOL_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_TAG = "tag:yaml.org,2002:"

Path_ = tuple[str | int, ...]
_nodes: Any = None  # yaml.nodes, imported when a file is read


#: folders shown by another name (a git version exported for ``diff``: 'main:data', never a temporary folder)
SHOWN_AS: dict[str, str] = {}


#: the shipped data (and the schemas shipped beside it) as every output names them when they are not
#: below the working directory: no output shows the machine path of an installation
#: ('data (meegeleverd)/interviews.yaml:61', 'schemas (meegeleverd)')
SHIPPED_MARK = " (meegeleverd)"
SHIPPED_NAME = "data" + SHIPPED_MARK


def display_path(path: Path) -> str:
    """A file name as the user should read it: relative to the working directory when inside it
    (or by the name ``SHOWN_AS`` gives its folder; the shipped data installed with the package always
    as ``SHIPPED_NAME``), control characters visible, at most 200 characters."""
    for folder, name in SHOWN_AS.items():
        if str(path).startswith(folder):
            return printable_path(name + str(path)[len(folder) :])
    shipped = _in_shipped(path)
    if shipped is not None and default_data_dir().parent.name == "shipped":  # installed: never below a user's folder
        return printable_path(shipped)
    try:
        return printable_path(str(path.resolve().relative_to(Path.cwd().resolve())))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return printable_path(shipped if shipped is not None else str(path))


def _in_shipped(path: Path) -> str | None:
    """'data (meegeleverd)/interviews.yaml' for a path in the shipped data (installed: also
    'schemas (meegeleverd)' beside it), else None."""
    data = default_data_dir().resolve()
    try:
        inner = path.resolve().relative_to(data.parent).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None
    top, _, rest = inner.partition("/")
    if top not in (data.name, "schemas"):
        return None
    return ("data" if top == data.name else top) + SHIPPED_MARK + (f"/{rest}" if rest else "")


_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_plain_date(text: str) -> bool:
    """JJJJ-MM-DD and a real day (2024-02-30 is not)."""
    import datetime as dt

    if not _PLAIN_DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def format_key_path(path: Path_) -> str:
    if len(path) > 10:  # deeply nested (hostile) input: keep the message one readable line
        return format_key_path(path[:3]) + "…" + format_key_path(path[-3:]).lstrip(".")
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def default_data_dir() -> Path:
    """The shipped data: inside the installed package, else the checkout's ``data/``."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "shipped" / "data"
    if packaged.is_dir():
        return packaged
    return package.parent.parent / "data"


def resolve_data_dir(option: str | Path | None = None) -> Path:
    """``--data-dir`` wins, then ``BNCOST_DATA_DIR``, then the shipped data."""
    if isinstance(option, str) and not option.strip():
        raise UsageProblem("lege waarde; laat de optie weg voor de meegeleverde data", field="data_dir")
    from_env = os.environ.get(DATA_DIR_ENV)
    if option is None and from_env is not None and not from_env.strip():
        raise UsageProblem(f"{DATA_DIR_ENV} is leeg; zet een map of verwijder de variabele")
    chosen = option if option is not None else from_env
    if chosen is None:
        path = default_data_dir()
        origin = "meegeleverde data"
    else:
        origin = "--data-dir" if option is not None else DATA_DIR_ENV
        shown = printable_path(str(chosen))
        try:
            path = Path(chosen).expanduser()
        except RuntimeError:  # ~naam of a user that does not exist
            raise DataError(f"de thuismap in dit pad is onbekend ({origin})", file=shown) from None
    try:
        if not path.exists():
            raise DataError(f"datamap bestaat niet ({origin})", file=printable_path(str(path)))
        if not path.is_dir():
            raise DataError(f"is geen map ({origin})", file=printable_path(str(path)))
    except OSError as exc:  # a name that is too long, a loop of links, …
        raise DataError(f"datamap kan niet worden gelezen: {os_reason(exc)} ({origin})", file=printable_path(str(chosen))) from None
    note_input(path)
    return path


#: every file and data folder this run reads (an output is never written over one of them; the CLI
#: empties it at the start of each run)
INPUTS: set[str] = set()


def note_input(path: str | Path) -> None:
    import contextlib

    with contextlib.suppress(OSError, ValueError):
        INPUTS.add(os.path.realpath(path))


def inside(root: Path, path: Path) -> bool:
    """Whether ``path`` (a file the data names) lies inside the data folder ``root``, links resolved."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def printable_path(text: str) -> str:
    """A path from outside, safe to show: control characters visible, at most 200 characters."""
    from burgernet_cost.errors import visible

    text = visible(text)
    return text if len(text) <= 200 else text[:199] + "…"


class LineMap:
    """Line numbers (1-based) of every key and item in a loaded YAML document."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Path_, int] = {}

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def error(self, path: Path_, message: str) -> DataError:
        return DataError(message, file=self.file, line=self.line_of(path), path=format_key_path(path) or None)


def read_text(path: Path, shown: str | None = None) -> str:
    """Read a UTF-8 text file (see ``encoding.decode``)."""
    from burgernet_cost.data.encoding import decode

    shown = shown or printable_path(display_path(path))
    return decode(read_bytes(path, shown), shown)


def read_bytes(path: Path, shown: str | None = None) -> bytes:
    """Read a file with a size limit, turning every OS problem into a DataError.

    Only a regular file is read: a FIFO, a device or a socket in its place is refused at once (it
    is opened without waiting, and checked before a byte is read), never waited on."""
    import stat

    shown = shown or printable_path(display_path(path))
    note_input(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DataError("bestand ontbreekt", file=shown) from None
    except PermissionError:
        raise DataError("bestand kan niet gelezen worden (geen leesrechten)", file=shown) from None
    except IsADirectoryError:
        raise DataError("is een map, geen bestand", file=shown) from None
    except OSError as exc:
        raise DataError(f"bestand kan niet gelezen worden ({os_reason(exc)})", file=shown) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DataError("is een map, geen bestand", file=shown)
        if not stat.S_ISREG(info.st_mode):
            raise DataError("is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat)", file=shown)
        if info.st_size > MAX_FILE_BYTES:
            raise DataError(f"bestand is te groot ({info.st_size:,} bytes; maximaal {MAX_FILE_BYTES:,})".replace(",", "."), file=shown)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataError(f"bestand kan niet gelezen worden ({os_reason(exc)})", file=shown) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(f"bestand is te groot (maximaal {MAX_FILE_BYTES:,} bytes)".replace(",", "."), file=shown)
    return raw


def load_yaml_file(path: Path, shown: str | None = None) -> tuple[Any, LineMap]:
    shown = shown or display_path(path)
    return load_yaml_text(read_text(path, shown), shown)


def load_yaml_text(text: str, shown: str) -> tuple[Any, LineMap]:
    """Parse one YAML document strictly; returns the value and its line map."""
    import yaml

    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise DataError("bestand is leeg", file=shown)
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                raise DataError("tab gebruikt voor inspringen; gebruik spaties", file=shown, line=number)
    _control_character(text, shown)
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if len(text) > LARGE_TEXT:
            _count_values(text, loader_cls, shown)
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at: int | None = mark.line + 1 if mark is not None else None
        problem: str = exc.problem or exc.context or "onleesbare YAML"
        raise DataError(f"YAML-syntaxfout: {_dutch_yaml_problem(problem)}", file=shown, line=at) from None
    except yaml.YAMLError:
        raise DataError("YAML-syntaxfout: onleesbare YAML", file=shown) from None
    except RecursionError:
        raise DataError(f"te diep genest (maximaal {MAX_DEPTH} niveaus)", file=shown) from None
    if node is None:
        raise DataError("bestand is leeg", file=shown)
    lines = LineMap(shown)
    builder = _Builder(shown, lines)
    value = builder.build(node, (), 0)
    return value, lines


YAML_PROBLEMS = {  # what PyYAML (pure Python and the C parser) says, in Dutch; matched on the start
    "found character '\\t' that cannot start any token": "tab-teken op een plaats waar het niet mag",
    "found a tab character": "tab-teken op een plaats waar het niet mag; gebruik spaties",
    "expected a single document in the stream": "meer dan één YAML-document in het bestand",
    "but found another document": "meer dan één YAML-document in het bestand",
    "found unexpected document separator": "meer dan één YAML-document in het bestand",
    "mapping values are not allowed": "dubbele punt op een plaats waar hij niet mag (zet de tekst tussen aanhalingstekens)",
    "could not find expected ':'": "':' verwacht",
    "found unexpected ':'": "dubbele punt op een plaats waar hij niet mag (zet de tekst tussen aanhalingstekens)",
    "found undefined alias": "onbekende alias",
    "found undefined tag handle": "onbekend YAML-label",
    "exceeded maximum nesting depth": f"te diep genest (maximaal {MAX_DEPTH} niveaus)",
    "did not find expected ',' or ']'": "',' of ']' verwacht: is een lijst tussen [ ] niet afgesloten?",
    "did not find expected ',' or '}'": "',' of '}' verwacht: is een blok tussen { } niet afgesloten?",
    "did not find expected '-' indicator": "'-' verwacht: de regels van deze lijst springen niet even ver in",
    "did not find expected key": "sleutel verwacht: de inspringing klopt niet",
    "did not find expected node content": "waarde verwacht",
    "did not find expected <document start>": "begin van een document verwacht",
    "expected <block end>": "de inspringing klopt niet",
    "block sequence entries are not allowed": "'-' op een plaats waar geen lijst mag beginnen",
    "found character that cannot start any token": "teken op een plaats waar het niet mag (zet de tekst tussen aanhalingstekens)",
    "found duplicate %YAML directive": "dubbele %YAML-regel",
    "found incompatible YAML document": "onbekende YAML-versie",
    "found unexpected end of stream": "onverwacht einde van het bestand: is een aanhalingsteken of haakje niet gesloten?",
    "found unknown escape character": "onbekend escapeteken in tekst tussen dubbele aanhalingstekens",
    "found unexpected end of": "onverwacht einde van het bestand",
}
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _count_values(text: str, loader_cls: Any, shown: str) -> None:
    """For a large text: count the values while the parser streams, and stop at MAX_NODES before a
    node tree of millions is built (composing first would take seconds)."""
    import yaml

    values = 0
    for event in yaml.parse(text, Loader=loader_cls):
        if isinstance(event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent):
            values += 1
            if values > MAX_NODES:
                raise DataError(
                    f"te veel waarden in één bestand (maximaal {MAX_NODES:,})".replace(",", "."), file=shown, line=event.start_mark.line + 1
                )


def _dutch_yaml_problem(problem: str) -> str:
    for english, dutch in YAML_PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    return "onleesbare YAML op deze plaats"


def _control_character(text: str, shown: str) -> None:
    """A control character is refused with its line (PyYAML's own message names no line)."""
    found = _CONTROL_CHARS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise DataError(f"stuurteken U+{ord(found.group()):04X} in de tekst; verwijder het", file=shown, line=line)


class _Builder:
    def __init__(self, file: str, lines: LineMap) -> None:
        global _nodes
        import yaml.nodes as _nodes

        self.file = file
        self.lines = lines
        self.count = 0
        self.seen: set[int] = set()

    def fail(self, node: Any, path: Path_, message: str) -> DataError:
        return DataError(message, file=self.file, line=node.start_mark.line + 1, path=format_key_path(path) or None)

    def build(self, node: Any, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, path, f"te veel waarden in één bestand (maximaal {MAX_NODES:,})".replace(",", "."))
        if depth > MAX_DEPTH:
            raise self.fail(node, path, f"te diep genest (maximaal {MAX_DEPTH} niveaus)")
        if id(node) in self.seen:
            raise self.fail(node, path, "ankers en aliassen (&naam, *naam) worden niet ondersteund; schrijf de waarde uit")
        self.seen.add(id(node))
        self.lines.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, _nodes.MappingNode):
            if node.tag != _TAG + "map":
                raise self.fail(node, path, f"onbekend YAML-label {node.tag!r}")
            result: dict[str, Any] = {}
            key_lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, _nodes.ScalarNode):
                    raise self.fail(key_node, path, "een sleutel moet een eenvoudige tekst zijn")
                if key_node.tag == _TAG + "merge":
                    raise self.fail(key_node, path, "de samenvoegsleutel '<<' wordt niet ondersteund")
                key = key_node.value
                line = key_node.start_mark.line + 1
                if key in result:
                    raise self.fail(key_node, path + (key,), f"dubbele sleutel '{key}' (eerder op regel {key_lines[key]})")
                key_lines[key] = line
                self.lines.lines[path + (key,)] = line
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        if isinstance(node, _nodes.SequenceNode):
            if node.tag != _TAG + "seq":
                raise self.fail(node, path, f"onbekend YAML-label {node.tag!r}")
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: Any, path: Path_) -> Any:
        tag, text = node.tag, node.value
        if tag == _TAG + "str":
            return text
        if tag in (_TAG + "int", _TAG + "float") and len(text) > MAX_NUMBER_CHARS:
            raise self.fail(node, path, f"getal met te veel cijfers ('{text[:20]}…'; hoogstens {MAX_NUMBER_CHARS} tekens)")
        if tag == _TAG + "int":
            if not _INT_RE.fullmatch(text):
                raise self.fail(
                    node,
                    path,
                    f"'{text}' is een dubbelzinnig getal (YAML 1.1 leest het als octaal, hexadecimaal of "
                    "zestigtallig); schrijf een gewoon getal zonder voorloopnullen, of tekst tussen aanhalingstekens",
                )
            whole = int(text)
            if abs(whole) >= 10 ** (MAX_EXPONENT + 1):
                raise self.fail(node, path, f"'{text}' is een onrealistisch groot getal (hoogstens {MAX_EXPONENT + 1} cijfers)")
            return whole
        if tag == _TAG + "float":
            if not _DEC_RE.fullmatch(text):
                raise self.fail(
                    node,
                    path,
                    f"'{text}' is geen gewoon decimaal getal (schrijf bijvoorbeeld 0.03)",
                )
            number = Decimal(text)
            if number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
                raise self.fail(node, path, f"'{text}' is een onrealistisch groot of klein getal")
            return number
        if tag == _TAG + "bool":
            if text in _BOOL_WORDS:
                return _BOOL_WORDS[text]
            raise self.fail(
                node,
                path,
                f"'{text}' is in YAML 1.1 een ja/nee-waarde; schrijf true of false, of zet tekst tussen aanhalingstekens",
            )
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "timestamp":
            return text
        raise self.fail(node, path, f"onbekend YAML-label {tag!r}")
