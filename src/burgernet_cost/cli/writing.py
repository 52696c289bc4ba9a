"""The one writer of the command line: every result goes to standard output (or, with
``--uitvoer``, to a file) through ``emit`` and every message to standard error through ``say_error``.

Every write and flush is checked, and a write that took only part of its bytes (a file-size limit
reached halfway) is repeated until it takes the rest or fails. A closed or failing standard output (a full disk, an I/O error)
ends the run with a Dutch one-line message and exit code 74; a reader that went away (``| head``)
ends it quietly with exit code 141, as for any Unix tool. A file is written all or nothing: the
bytes go to a temporary file next to the target, are flushed to disk and renamed over the target in
one step, so a full disk, a read-only folder or Ctrl-C leaves the old file as it was (or none), never
a half-written one; the new file gets the mode a new file gets here (0644 under the usual umask) or
keeps the mode of the file it replaces. Targets that are not regular files (a folder, a FIFO, a
device) are refused before anything is written. Characters that the output's encoding cannot carry
(a Windows console or redirect in cp1252 has no '─') are replaced by plain ones ('-'), never by a
crash. Control characters in text that came from outside are made visible.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from burgernet_cost.errors import BncostError, UsageProblem, count, escape_char, os_reason, visible
from burgernet_cost.output.formats import EXTENSIONS, fits

if TYPE_CHECKING:
    from burgernet_cost.domain.calibration import Kalibratiestand

FALLBACK = {
    "─": "-",
    "│": "|",
    "├": "|",
    "└": "`",
    "≈": "~",
    "☐": "[ ]",
    "●": "*",
    "→": "->",
    "…": "...",
    "€": "EUR",
    "§": "par. ",
    "ë": "e",
    "é": "e",
    "è": "e",
    "ï": "i",
    "ö": "o",
    "ü": "u",
    "á": "a",
    "â": "a",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "×": "x",
}
MAX_ERROR_LINES = 60


#: replacements that only change the look (lines, quotes, dashes, the euro sign as EUR): not counted
LAYOUT = frozenset("─│├└≈☐●→…€§’‘“”–—\u00a0×")
#: characters of standard output that its encoding could not carry and that were simplified (é -> e)
#: or escaped (\u0142): a run that had any says so on standard error (never a silent loss)
REPLACED = [0]


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    import unicodedata

    out = []
    for ch in exc.object[exc.start : exc.end]:
        plain = FALLBACK.get(ch)
        if plain is None:
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            plain = base if base.strip() and base.isprintable() else escape_char(ch)
        if ch not in LAYOUT:
            REPLACED[0] += 1
        out.append(plain)
    return "".join(out), exc.end


def note_replaced(encoding: str | None) -> None:
    """After a run: say how many characters standard output could not carry (in plain ASCII)."""
    n, REPLACED[0] = REPLACED[0], 0
    if n:
        say_note(
            f"Let op: de codering {encoding or '?'} van de uitvoer kan {count(n, 'teken', 'tekens')} niet dragen; die staan er "
            "vereenvoudigd (e voor een e met accent) of als \\u-code; gebruik UTF-8 (bijv. PYTHONIOENCODING=utf-8)"
        )


codecs.register_error("bncost-fallback", _replace)


class OutputError(BncostError):
    """Standard output cannot be written (exit 74, EX_IOERR)."""

    exit_code = 74


class ReaderGone(BncostError):
    """The reader of standard output went away (a pipe into ``head``): stop quietly."""

    exit_code = 141


def printable(text: str, limit: int | None = None, one_line: bool = False) -> str:
    """Text from outside (arguments, file names, data) made safe for a terminal: control
    characters (with ``one_line`` also line breaks and tabs) shown as \\xNN, and cut short with '…'
    beyond ``limit`` characters."""
    text = visible(text, keep_lines=not one_line)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _write(stream: TextIO | None, text: str) -> None:
    if stream is None:
        raise OutputError("de uitvoer kan niet worden geschreven: standaarduitvoer is gesloten")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    counted = REPLACED[0]
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            _write_all(buffer, text.encode(encoding, errors="bncost-fallback"))
            buffer.flush()
        else:
            stream.write(text.encode(encoding, errors="bncost-fallback").decode(encoding))
            stream.flush()
    except BrokenPipeError:
        raise ReaderGone("") from None
    except (OSError, ValueError) as exc:
        raise OutputError(output_problem(exc)) from None
    finally:
        if stream is not sys.stdout:
            REPLACED[0] = counted  # only what standard output lost is said


def _write_all(buffer: Any, data: bytes) -> None:
    """Write every byte or raise: a buffered writer may accept only part (a file-size limit reached
    halfway returns a short count, not an error), so the rest is written again until it is all
    taken or the system says why not; a write that takes nothing is an error of its own."""
    view = memoryview(data)
    while view:
        written = buffer.write(view)
        if written is None:  # a non-blocking stream that could take nothing now
            raise OSError(errno.EAGAIN, "de uitvoer neemt niets aan")
        if written <= 0:
            raise OSError(errno.EIO, "de uitvoer neemt niets meer aan")
        view = view[written:]


def output_problem(exc: BaseException) -> str:
    """Why standard output (or a file) could not take the output, in Dutch (errors.os_reason)."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and code and code != errno.EBADF:
        return f"de uitvoer kon niet (volledig) worden geschreven: {os_reason(exc)}"
    return "de uitvoer kon niet (volledig) worden geschreven: standaarduitvoer is gesloten"


def emit(report: Any, fmt: str | None, uitvoer: str | None = None, kalibratie: Kalibratiestand | None = None) -> None:
    """The report in its format, to standard output or (``--uitvoer``) to a file in one step; a report
    on data that no longer reproduces the report's results (``kalibratie``) says so first."""
    from burgernet_cost.cli.output_guard import is_stdout
    from burgernet_cost.cli.parsers import FORMATS
    from burgernet_cost.output.renderers import render

    real = None if uitvoer is None or is_stdout(uitvoer) else check_target(uitvoer)  # what the target is, before its extension
    chosen = format_for(uitvoer, fmt, FORMATS)
    if kalibratie:
        warn_uncalibrated(report, kalibratie)
    emit_text(render(report, chosen), uitvoer, real)


def emit_text(text: str, uitvoer: str | None = None, real: Any = None) -> None:
    """A finished text (a rendered report, a schema) to standard output or to the file ``uitvoer``
    (``real``: what ``check_target`` found, when the caller asked already)."""
    from burgernet_cost.cli.output_guard import is_stdout

    to_stdout = uitvoer is None or is_stdout(uitvoer)
    if uitvoer is not None and not to_stdout and real is None:
        real = check_target(uitvoer)
    text = text if text.endswith("\n") else text + "\n"
    if to_stdout or uitvoer is None or real is None:
        _write(sys.stdout, text)
    else:
        write_file(uitvoer, text.encode("utf-8"), real)


def warn_uncalibrated(report: Any, kalibratie: Kalibratiestand) -> None:
    """A result on data that fails calibration says so first, and no note keeps claiming that the
    rate profile reproduces the report."""
    from burgernet_cost.output.numbers import euro
    from burgernet_cost.output.views.common import calibration_field

    first = kalibratie.mislukt[0]
    detail = ""
    if "berekend" in first:
        detail = (
            f" ({first['taakgebied'].replace('_', ' & ')}, {first['pakket']}: berekend {euro(first['berekend'], 4)}, "
            f"gerapporteerd {euro(first['gerapporteerd'])})"
        )
    if kalibratie.scenario:
        text = f"met de wijzigingen van het scenario reproduceert de data de uitkomsten van het rapport niet meer{detail}"
    else:
        text = (
            f"deze data reproduceert de uitkomsten van het rapport niet{detail}; de kalibratie faalt, "
            "controleer de data met 'bncost validate'"
        )
    report.parts.insert(0, calibration_field(text))
    report.notes[:] = [
        n.replace(
            "reproduceert beide gerapporteerde uitkomsten",
            "reproduceert met de meegeleverde data beide gerapporteerde uitkomsten (met deze data niet: zie 'Let op')",
        )
        for n in report.notes
    ]


def write_text(text: str) -> None:
    """Plain text to standard output (help, version), through the same checks."""
    _write(sys.stdout, text)


def say_error(lines: list[str]) -> None:
    """Messages to standard error, one 'Fout:' line each (at most MAX_ERROR_LINES, then a count);
    a failing stderr is ignored (there is no one left to tell)."""
    shown_lines = lines[:MAX_ERROR_LINES]
    if len(lines) > MAX_ERROR_LINES:
        shown_lines.append(f"… en nog {count(len(lines) - MAX_ERROR_LINES, 'melding', 'meldingen')}")
    text = "".join(f"Fout: {message_line(line)}\n" for line in shown_lines)
    with contextlib.suppress(BncostError):
        _write(sys.stderr, text)


MAX_WORD = 100  # a word (no spaces) longer than this is outside text that was not cut where it was quoted
MAX_MESSAGE = 400


def message_line(line: str) -> str:
    """One message as shown: invisible characters escaped, every over-long word cut in the middle
    to 60 characters (the start and the end stay readable: a path keeps its file name), the line to
    MAX_MESSAGE characters. The safety net for text from outside that a message did not quote."""
    import re

    def cut(word: re.Match[str]) -> str:
        text = word.group()
        last = text.rfind("/", 0, len(text) - 1)
        if last >= 0 and len(text) - last <= 70:  # a path: its file name (and :line:) stays whole
            return text[:20] + "…" + text[last:]
        return text[:30] + "…" + text[-29:]

    return printable(re.sub(rf"\S{{{MAX_WORD + 1},}}", cut, printable(line, one_line=True)), MAX_MESSAGE)


def say_note(line: str) -> None:
    """A remark on standard error that is not an error (the run goes on)."""
    with contextlib.suppress(BncostError):
        _write(sys.stderr, printable(line, 1000, one_line=True) + "\n")


def silence_stdout() -> None:
    """After a failed write: point standard output at nothing, so that Python's own flush at exit
    does not print an English complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if sys.stdout is not None:
            os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = None


def shown(path: Path) -> str:
    """A path as the user should read it (relative to the working directory when inside it)."""
    from burgernet_cost.data.reading import display_path

    return printable(display_path(path), 300)


# --------------------------------------------------------------------------- --uitvoer


def format_for(target: str | None, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """The output format: --format when given, else the target's extension, else 'table'."""
    from burgernet_cost.cli.output_guard import is_stdout

    if is_stdout(target):
        target = None
    if fmt is not None:
        suffix = Path(target).suffix.lower() if target not in (None, "-") else ""
        implied = EXTENSIONS.get(suffix)
        if implied is not None and not fits(suffix, fmt):
            raise UsageProblem(
                f"de extensie {printable(Path(str(target)).suffix, 20, one_line=True)} past bij {implied}, "
                f"niet bij --format {fmt}; kies één van beide",
                field="uitvoer",
            )
        return fmt
    if target is None or target == "-":
        return allowed[0]
    suffix = Path(target).suffix.lower()
    chosen = EXTENSIONS.get(suffix)
    if chosen is None or chosen not in allowed:
        hint = ", ".join(sorted(s for s, f in EXTENSIONS.items() if f in allowed))
        raise UsageProblem(
            f"uit de extensie {printable(suffix or '(geen)', 20, one_line=True)} volgt geen formaat; gebruik {hint} of geef --format",
            field="uitvoer",
        )
    return chosen


def check_target(target: str) -> Path:
    """The path to write to, after the checks that can be made before any work is done."""
    if not target.strip():
        raise UsageProblem("lege waarde", field="uitvoer")
    shown = printable(target, 200, one_line=True)
    path = Path(os.path.expanduser(target)) if target.startswith("~") else Path(target)
    try:
        real = Path(os.path.realpath(path))
        st = os.stat(real) if os.path.lexists(real) else None
        if st is not None and not stat.S_ISREG(st.st_mode):
            what = "een map" if stat.S_ISDIR(st.st_mode) else "geen gewoon bestand"
            raise UsageProblem(f"{shown} is {what}; geef een bestandsnaam", field="uitvoer")
        parent = real.parent
        if not parent.is_dir():
            raise UsageProblem(f"de map van {shown} bestaat niet; maak die eerst aan", field="uitvoer")
        _not_an_input(real, shown)
    except (OSError, RuntimeError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "ongeldig pad"
        raise UsageProblem(f"{shown} kan niet worden gebruikt ({reason})", field="uitvoer") from None
    return real


INVOCATION: list[str] = []  # the arguments of this run (set by app)


def _not_an_input(real: Path, shown: str) -> None:
    """Output never destroys input, and replaces only what it may (cli/output_guard.py)."""
    from burgernet_cost.cli.output_guard import may_replace, not_an_input

    not_an_input(real, shown, INVOCATION)
    may_replace(real, shown, INVOCATION)


def write_file(target: str, data: bytes, real: Path | None = None) -> Path:
    """Write ``data`` to ``target`` in one step (see the module text); ``real``: the path
    ``check_target`` already gave. Returns the path written."""
    real = real if real is not None else check_target(target)
    mask = os.umask(0)
    os.umask(mask)
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode) if real.exists() else 0o666 & ~mask
    except OSError:
        mode = 0o666 & ~mask
    tmp = real.parent / f".{real.name}.{os.getpid()}.tmp"
    if len(os.fsencode(tmp.name)) > 255:  # a target name that fits must not fail on its temporary name
        tmp = real.parent / f".bncost-{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, real)
        from burgernet_cost.cli.output_guard import remember

        remember({real: data})
    except OSError as exc:
        _remove(tmp)
        raise OutputError(
            f"{printable(target, 200, one_line=True)} kon niet worden geschreven ({os_reason(exc)}); er is niets gewijzigd"
        ) from None
    except BaseException:
        _remove(tmp)
        raise
    return real


def _remove(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)
