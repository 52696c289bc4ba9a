"""Errors that reach the user as one Dutch line, with the exit code they imply."""

from __future__ import annotations

import re

# Characters that must never reach a terminal as they are: C0/C1 controls, and the invisible
# format characters that reorder or hide text (bidirectional overrides and isolates, zero-width
# characters, line and paragraph separators, the byte-order mark, interlinear annotation).
INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{INVISIBLE}]")


def escape_char(ch: str) -> str:
    """One invisible character as it is shown: \\x1b, \\u202e."""
    code = ord(ch)
    if code > 0xFFFF:  # beyond four hex digits: \U and eight, as Python writes it (never an ambiguous \u1f600)
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, keep_lines: bool = False) -> str:
    """Every control and invisible format character shown escaped (``keep_lines``: line breaks and
    tabs stay, for multi-line output)."""
    kept = "\t\n" if keep_lines else ""
    return _CONTROL.sub(lambda m: m.group() if m.group() in kept else escape_char(m.group()), text)


def count(n: int, one: str, many: str) -> str:
    """'1 gemeente', '3 gemeenten'."""
    return f"{n} {one if n == 1 else many}"


def quote(value: object, limit: int = 60) -> str:
    """A value from outside, quoted for a message: control characters made visible (\\xNN), and
    cut short with '…' beyond ``limit`` characters (a 100 KB argument is not echoed whole)."""
    text = visible(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


class BncostError(Exception):
    """Base class: a problem the user must fix; never shown as a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageProblem(BncostError):
    """Wrong use (exit 2). ``field`` names the input it is about (``gemeente``, ``uurtarief`` …);
    the CLI shows it as its option (``--gemeente: …``), a library caller as it likes."""

    exit_code = 2

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DataError(BncostError):
    """Invalid data file (exit 1). Names file, line and key path where known."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.path = path

    def __str__(self) -> str:
        return located(self.message, self.file, self.line, self.path)


def located(message: str, file: str | None = None, line: int | None = None, path: str | None = None) -> str:
    """'data/x.yaml:12: key.path: message' — the one format for every located message."""
    where = (file + (f":{line}" if line else "") + ": ") if file else ""
    key = f"{path}: " if path else ""
    return f"{where}{key}{message}"


class DataErrors(BncostError):
    """Several data errors found at once; shown one per line."""

    exit_code = 1

    def __init__(self, errors: list[DataError], stage: str = "schema") -> None:
        self.errors = errors
        self.stage = stage  # "schema" (reading, syntax, types) or "verwijzingen" (between records/files)
        super().__init__("\n".join(str(e) for e in errors))


def os_reason(exc: OSError) -> str:
    """The reason of an OS error in Dutch."""
    import errno

    reasons = {
        errno.ENAMETOOLONG: "naam te lang",
        errno.ELOOP: "kringverwijzing van koppelingen",
        errno.EACCES: "geen rechten",
        errno.EPERM: "geen rechten",
        errno.ENOENT: "bestaat niet",
        errno.ENOTDIR: "een deel van het pad is geen map",
        errno.EISDIR: "is een map",
        errno.ENOSPC: "de schijf is vol",
        errno.EROFS: "alleen-lezen bestandssysteem",
        errno.EEXIST: "bestaat al",
        errno.EIO: "invoer/uitvoerfout",
        errno.EDQUOT: "de schijfruimte (quota) is op",
        errno.EFBIG: "het bestand wordt te groot",
    }
    return reasons.get(exc.errno or -1, "besturingssysteem weigert")
