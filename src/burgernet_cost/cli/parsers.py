"""Parsers for command-line values: Dutch messages, no data loaded.

Each parser takes the typed text (or an already parsed default) and returns the value, or raises
``typer.BadParameter`` with a Dutch message; the CLI turns that into ``Fout: --optie: …``, exit 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import typer

from burgernet_cost.domain.codes import PAKKETTEN
from burgernet_cost.output.formats import REPORT_FORMATS

MAX_INWONERS = 100_000_000
FORMATS = REPORT_FORMATS
PAKKET_METAVAR = "|".join(PAKKETTEN)
FORMAT_METAVAR = "|".join(FORMATS)

_GROUPED = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")


def parse_inwoners(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not text:
            raise typer.BadParameter("geef een aantal inwoners op (een geheel getal groter dan 0)")
        if _GROUPED.fullmatch(text):
            text = text.replace(".", "")
        if re.fullmatch(r"-[0-9.]+", text):
            raise typer.BadParameter(f"'{value}' is negatief; het aantal inwoners moet groter zijn dan 0")
        if not re.fullmatch(r"[0-9]+", text):
            raise typer.BadParameter(f"'{_short(value)}' is geen geheel aantal inwoners (bijv. 54600 of 54.600)")
        if len(text.lstrip("0")) > len(str(MAX_INWONERS)):
            raise typer.BadParameter(f"'{_short(value)}' is onrealistisch groot (maximaal {MAX_INWONERS:,} inwoners)".replace(",", "."))
        number = int(text)
    if number <= 0:
        raise typer.BadParameter(f"'{value}': het aantal inwoners moet groter zijn dan 0")
    if number > MAX_INWONERS:
        raise typer.BadParameter(f"'{value}' is onrealistisch groot (maximaal {MAX_INWONERS:,} inwoners)".replace(",", "."))
    return number


def _short(value: object, limit: int = 30) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _choice(value: object, choices: tuple[str, ...], what: str) -> str:
    text = str(value).strip().lower()
    if text in choices:
        return text
    import difflib

    hint = difflib.get_close_matches(text, choices, n=1)
    extra = f"; bedoelde u '{hint[0]}'?" if hint else ""
    return _raise(f"'{value}' is geen geldig {what} (kies uit {', '.join(choices)}){extra}")


def _raise(message: str) -> str:
    raise typer.BadParameter(message)


def parse_pakket(value: object) -> str:
    return _choice(value, PAKKETTEN, "pakket")


def parse_format(value: object) -> str:
    """One of FORMATS; 'text' (what validate took before it joined the other commands) means table."""
    if str(value).strip().lower() == "text":
        return "table"
    return _choice(value, FORMATS, "formaat")


def parse_choice(choices: tuple[str, ...], what: str) -> Callable[[object], str]:
    def parser(value: object) -> str:
        return _choice(value, choices, what)

    return parser


def parse_decimal(what: str, minimum: Decimal | None = None, maximum: Decimal | None = None) -> Callable[[object], Decimal]:
    """A parser for a decimal number, read as ``dutch_numbers`` says ('0,5', '12.5', '1.234,5'; '1.234' refused)."""

    def parser(value: object) -> Decimal:
        if isinstance(value, Decimal):
            number = value
        else:
            from burgernet_cost.data.dutch_numbers import Ambiguous, normalise

            try:
                text = normalise(str(value))
            except Ambiguous as exc:
                raise typer.BadParameter(f"{exc} ({what})") from None
            if not re.fullmatch(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", text):  # no exponent, nan or inf: the message says so
                raise typer.BadParameter(f"'{_short(value)}' is geen getal ({what}; cijfers 0-9, komma of punt)")
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise typer.BadParameter(f"'{_short(value)}' is geen getal ({what})") from None
            if not number.is_finite():
                raise typer.BadParameter(f"'{value}' is geen eindig getal ({what})")
        if minimum is not None and number < minimum:
            raise typer.BadParameter(f"'{value}' is te klein ({what}: minimaal {minimum})")
        if maximum is not None and number > maximum:
            raise typer.BadParameter(f"'{value}' is te groot ({what}: maximaal {maximum})")
        return number

    return parser


class Voordeel:
    """One ``--schaalvoordeel``: a percentage, for one executor (``uitvoerder``) or, when "", for the
    one executor with a scale advantage (``domain.compare.chosen_scale_advantages`` decides)."""

    def __init__(self, uitvoerder: str, procent: Decimal) -> None:
        self.uitvoerder, self.procent = uitvoerder, procent


_PERCENT = parse_decimal("schaalvoordeel in procenten", Decimal(0), Decimal(99))


def parse_scale_advantage(value: object) -> Voordeel:
    """'20', '12,5' or 'landelijk=20'."""
    if isinstance(value, Voordeel):
        return value
    who, sep, number = str(value).rpartition("=")
    who = who.strip().lower()
    if sep and not re.fullmatch(r"[a-z0-9_-]+", who):
        raise typer.BadParameter(f"'{_short(value)}' noemt geen uitvoerder (bijv. landelijk=20, of alleen 20)")
    return Voordeel(who, _PERCENT(number.strip()))


def parse_id(value: object) -> str:
    """An id the data declares (a model): checked against the data once it is loaded."""
    text = str(value).strip().lower()
    if not re.fullmatch(r"[a-z0-9_-]{1,60}", text):
        raise typer.BadParameter(f"'{_short(value)}' is geen naam uit de data (kleine letters, cijfers, - of _; bijv. regionaal)")
    return text


def parse_year(value: object) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"(19|20)[0-9]{2}", text):
        raise typer.BadParameter(f"'{value}' is geen jaartal (bijv. 2024)")
    return int(text)


def parse_periodiek(value: object) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{1,2}", text):
        raise typer.BadParameter(f"'{value}' is geen periodiek (een geheel getal vanaf 0)")
    return int(text)


def parse_date(value: object) -> str:
    from burgernet_cost.data.reading import is_plain_date

    text = str(value).strip()
    if not is_plain_date(text):
        raise typer.BadParameter(f"'{_short(value)}' is geen geldige datum (JJJJ-MM-DD)")
    return text
