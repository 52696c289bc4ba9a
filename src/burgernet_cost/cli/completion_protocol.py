"""Answering a Tab: bncost's own completion protocol, end to end (the scripts that speak it to the
shell are in ``completion_install.py``; the values offered in ``completion.py``).

At a Tab the shell's script runs ``bncost`` with ``_BNCOST_COMPLETE=complete_<shell>`` and the line
in the environment (``source_<shell>`` prints the script, as in click):

- bash: ``COMP_WORDS`` (the words as typed, joined by newlines) and ``COMP_CWORD`` (the index of
  the word under the cursor);
- zsh and fish: ``_BNCOST_COMPLETE_ARGS``, the line up to the cursor; fish also
  ``_BNCOST_COMPLETE_FISH_ACTION``: ``get-args`` prints the candidates, ``is-args`` only answers
  whether there are any (exit 0) or not (exit 1, fish then offers files);
- PowerShell: ``_BNCOST_COMPLETE_ARGS`` (the line) and ``_BNCOST_COMPLETE_WORD`` (the word under
  the cursor, quotes included).

Scripts installed by earlier versions (Typer's) pass the same values under the names in ``LEGACY``;
they are read too, so an installed script keeps working after an update.

The words are unquoted as the shell would (``shlex``; an unfinished quote keeps what was typed). The
command comes from the registry; only that command is built, and its click command (from
``typer.main.get_command``) parses the finished words leniently (``make_context(...,
resilient_parsing=True)``), so that a callback finds ``--data-dir`` and ``--jaar`` in
``ctx.params``. The word under the cursor is then an option's name (it starts with '-'), the value
of the option just before it, or the next argument; the parameter's own ``shell_complete`` calls its
``autocompletion=`` callback (see ``completion.py``) and keeps the values that start with the word.

Output: one candidate a line, quoted as the shell inserts it (bash: backslashes, or within the quote
the user opened; PowerShell: single quotes), with its description for zsh, fish and PowerShell.
Nothing but candidates is ever written: stderr is swallowed and any failure gives none; a value the
shell cannot be given exactly (a line break, a control character, bytes that are not UTF-8) is left out.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
from collections.abc import Callable
from typing import Any

from burgernet_cost.cli.completion_install import ARGS_VAR, COMPLETE_VAR, FISH_ACTION_VAR, SCRIPTS, WORD_VAR
from burgernet_cost.cli.writing import OutputError, ReaderGone, say_error, write_text
from burgernet_cost.errors import visible

#: the names under which the scripts earlier versions of bncost installed (Typer's) pass the same values
LEGACY = {ARGS_VAR: "_TYPER_COMPLETE_ARGS", WORD_VAR: "_TYPER_COMPLETE_WORD_TO_COMPLETE", FISH_ACTION_VAR: "_TYPER_COMPLETE_FISH_ACTION"}

Item = tuple[str, str]  # (value, description)


def complete(build: Callable[[str | None], Any]) -> int:
    """Answer one completion request (the line comes from the environment); the exit code."""
    instruction, _, shell = os.environ.get(COMPLETE_VAR, "").partition("_")
    if shell not in READERS or instruction not in ("complete", "source"):
        return 1
    if instruction == "source":  # click's convention: the script itself (as --show-completion)
        return _source_script(shell)
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            args, incomplete = READERS[shell]()
            items = offerable(candidates(build, args, incomplete))
            text, code = FORMATS[shell](items)
            if text:
                write_text(text + "\n")
        except (Exception, KeyboardInterrupt):  # a completion never shows an error
            return 1
    return code


def _source_script(shell: str) -> int:
    """The script on standard output; output that fails is one Dutch line (as --show-completion)."""
    try:
        write_text(SCRIPTS[shell])
    except ReaderGone as exc:
        return exc.exit_code
    except OutputError as exc:
        say_error([exc.message])
        return exc.exit_code
    return 0


def offerable(items: list[Item]) -> list[Item]:
    """The candidates the shell can be given exactly, one a line: a value with a control, invisible or
    line-breaking character, or one the output's encoding cannot carry (a file name that is not
    UTF-8), is left out (it would reach the shell as another name, or as two); descriptions are made
    visible (see ``errors.visible``)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    out = []
    for value, info in items:
        try:
            value.encode(encoding)
        except (UnicodeError, LookupError):
            continue
        if visible(value) == value:
            out.append((value, visible(info)))
    return out


# --------------------------------------------------------------------------- the line


def split_words(text: str) -> list[str]:
    """The words of a command line as the shell passes them on (``shlex``); an unfinished quote
    or escape at the end keeps what was typed so far."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:  # the end came inside a quote: the partial word as typed
        words.append(lexer.token)
    return words


def _unquote(word: str) -> str:
    return " ".join(split_words(word))


def _env(name: str) -> str:
    return os.environ.get(name) or os.environ.get(LEGACY.get(name, ""), "")


def _bash_line() -> tuple[list[str], str]:
    """bash: each word as typed (one a line), and the index of the one under the cursor."""
    words = os.environ.get("COMP_WORDS", "").split("\n")
    cword = int(os.environ.get("COMP_CWORD", "0"))
    if cword < 1:  # bash counts from the command's name: no word of bncost's to complete
        raise ValueError("COMP_CWORD")
    incomplete = _unquote(words[cword]) if cword < len(words) else ""
    return [_unquote(w) for w in words[1:cword]], incomplete


def _zsh_line() -> tuple[list[str], str]:
    """zsh: the finished words and the word under the cursor, each as typed (the script of this
    version); a script of an earlier version passes only the line (``_line_up_to_cursor``)."""
    if WORD_VAR not in os.environ:
        return _line_up_to_cursor()
    return split_words(_env(ARGS_VAR))[1:], _unquote(os.environ[WORD_VAR])


def _line_up_to_cursor() -> tuple[list[str], str]:
    """zsh, fish: the line up to the cursor; after a space the word under the cursor is empty."""
    text = _env(ARGS_VAR)
    args = split_words(text)[1:]
    if args and not text.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _powershell_line() -> tuple[list[str], str]:
    words = split_words(_env(ARGS_VAR))
    incomplete = _unquote_powershell(_env(WORD_VAR))
    return (words[1:-1] if incomplete else words[1:]), incomplete


def _unquote_powershell(word: str) -> str:
    if word[:1] in ("'", '"'):
        quote = word[0]
        word = word[1:].removesuffix(quote)
        return word.replace(quote * 2, quote)
    return word


def bash_opening_quote() -> str:
    """The quote the user opened the word under the cursor with ('' for none)."""
    words = os.environ.get("COMP_WORDS", "").split("\n")
    try:
        word = words[int(os.environ.get("COMP_CWORD", ""))]
    except (ValueError, IndexError):
        return ""
    return word[:1] if word[:1] in ("'", '"') else ""


READERS: dict[str, Callable[[], tuple[list[str], str]]] = {
    "bash": _bash_line,
    "zsh": _zsh_line,
    "fish": _line_up_to_cursor,
    "powershell": _powershell_line,
    "pwsh": _powershell_line,
}


# --------------------------------------------------------------------------- what is being completed


def candidates(build: Callable[[str | None], Any], args: list[str], incomplete: str) -> list[Item]:
    """The candidates for ``incomplete`` after the finished words ``args`` (the words after 'bncost')."""
    import typer

    from burgernet_cost.cli.registry import COMMANDS

    args = [w for n, w in enumerate(args) if not (w == "=" and n and args[n - 1].startswith("-"))]  # bash splits at '='
    if incomplete == "=":
        incomplete = ""
    elif incomplete.startswith("-") and "=" in incomplete:
        name, _, incomplete = incomplete.partition("=")
        args.append(name)
    position = next((n for n, w in enumerate(args) if not w.startswith("-")), None)
    if position is None:  # bncost's own options, or the command's name
        if incomplete.startswith("-"):
            group = typer.main.get_command(build(""))
            with group.make_context("bncost", [], resilient_parsing=True) as ctx:
                return _items(group.shell_complete(ctx, incomplete))
        return [(name, _first_line(spec.help)) for name, spec in COMMANDS.items() if name.startswith(incomplete)]
    name = args[position]
    if name not in COMMANDS:
        return []
    command = getattr(typer.main.get_command(build(name)), "commands", {}).get(name)  # click's Group.commands
    if command is None:
        return []
    words = args[position + 1 :]
    with command.make_context(name, list(words), resilient_parsing=True) as ctx:
        return _items(_complete_in(command, ctx, words, incomplete))


def _complete_in(command: Any, ctx: Any, words: list[str], incomplete: str) -> list[Any]:
    """The completion items of the command whose finished words are ``words``. A value is asked
    for with an empty word and the word as typed in ``ctx.meta`` (``completion.TYPED``): the
    callbacks match it forgivingly (``completion.matches``), which Typer's prefix filter would undo."""
    from burgernet_cost.cli.completion import TYPED

    if "--" not in words and incomplete.startswith("-"):
        return list(command.shell_complete(ctx, incomplete))  # the names of its options
    params = command.get_params(ctx)
    last = words[-1] if words else None
    ctx.meta[TYPED] = incomplete
    for param in params:
        if param.param_type_name == "option" and not param.is_flag and not param.count and last in param.opts:
            return list(param.shell_complete(ctx, ""))
    for param in params:
        if param.param_type_name == "argument" and (param.nargs == -1 or _source(ctx, param) != "COMMANDLINE"):
            return list(param.shell_complete(ctx, ""))
    return []


def _source(ctx: Any, param: Any) -> str:
    return str(getattr(ctx.get_parameter_source(param.name), "name", ""))


def _items(found: Any) -> list[Item]:
    return [(str(item.value), str(item.help or "")) for item in found]


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0].strip()


# --------------------------------------------------------------------------- the answer, per shell

_BASH_PLAIN = re.compile(r"[\w./,:@%+=^~-]")  # '~' stays: typed at the start, the shell expands it


def bash_quote(value: str, opening: str = "") -> str:
    """A candidate as bash must insert it: after an opening quote within that quote, else with
    a backslash before every character the shell would read specially (spaces, quotes, brackets)."""
    if opening == "'":
        return value.replace("'", "'\\''")
    if opening == '"':
        return re.sub(r'(["$`\\])', r"\\\1", value)
    return "".join(c if _BASH_PLAIN.fullmatch(c) else "\\" + c for c in value)


def powershell_quote(value: str) -> str:
    if re.fullmatch(r"[\w./,:@%+=-]+", value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _bash(items: list[Item]) -> tuple[str, int]:
    opening = bash_opening_quote()
    return "\n".join(bash_quote(value, opening) for value, _ in items), 0


def _zsh_word(text: str) -> str:
    """A word for zsh's ``eval``, in single quotes (a quote in it as '\\'')."""
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh(items: list[Item]) -> tuple[str, int]:
    """A ``compadd`` call for zsh to evaluate: the values as bncost matched them (``-U``: zsh does not
    match them again, so 'sud' becomes 'Súdwest-Fryslân'), zsh quoting what it inserts (an
    apostrophe, a space), each shown with its description; ``--pakket=vo``: the values after
    '--pakket='. No candidates: nothing (never the files of the folder)."""
    if not items:
        return "", 0
    typed = os.environ.get(WORD_VAR) or (split_words(_env(ARGS_VAR))[-1:] or [""])[0]
    prefix = typed.partition("=")[0] + "=" if typed.startswith("-") and "=" in typed else ""
    width = max(len(v) for v, _ in items)
    shown = [f"{v:<{width}}  -- {_one_line(h)}" if h.strip() else v for v, h in items]
    return (
        "local -a _bncost_values _bncost_shown; "
        f"_bncost_values=({' '.join(_zsh_word(v) for v, _ in items)}); "
        f"_bncost_shown=({' '.join(_zsh_word(s) for s in shown)}); "
        f"compadd -U -V bncost -l -d _bncost_shown {'-P ' + _zsh_word(prefix) + ' ' if prefix else ''}-a _bncost_values"
    ), 0


def _fish(items: list[Item]) -> tuple[str, int]:
    if _env(FISH_ACTION_VAR) == "is-args":
        return "", 0 if items else 1
    return "\n".join(f"{v}\t{_one_line(h)}" if h.strip() else v for v, h in items), 0


def _powershell(items: list[Item]) -> tuple[str, int]:
    return "\n".join(f"{powershell_quote(v)}:::{_one_line(h) or ' '}" for v, h in items), 0


FORMATS: dict[str, Callable[[list[Item]], tuple[str, int]]] = {
    "bash": _bash,
    "zsh": _zsh,
    "fish": _fish,
    "powershell": _powershell,
    "pwsh": _powershell,
}
