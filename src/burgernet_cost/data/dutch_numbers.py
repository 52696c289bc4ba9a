"""One reading of a number typed on the command line, for every option that takes one (``--uurtarief``,
``--schaalvoordeel``, ``--set pad=waarde``; ``--inwoners`` takes whole numbers only).

* ``1234``, ``12.5``, ``0,5``, ``1.234,5``, ``1.234.567``: read as a Dutch reader means them
  (a comma is the decimal sign; dots between groups of three digits are thousands).
* ``1.234`` (one dot, then exactly three digits, no comma) is ambiguous: 1234 to a Dutch reader,
  1,234 to an English one. It is refused with both readings named, never guessed.
"""

from __future__ import annotations

import re

_AMBIGUOUS = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")
_GROUPED = re.compile(r"([-+]?)([1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,([0-9]+))?")
_COMMA = re.compile(r"([-+]?[0-9]+),([0-9]+)")


class Ambiguous(ValueError):
    pass


def normalise(text: str) -> str:
    """The number as Python's Decimal reads it ('1.234,5' -> '1234.5'); text that is not a Dutch
    number comes back unchanged. Raises Ambiguous for '1.234'."""
    text = text.strip()
    if _AMBIGUOUS.fullmatch(text):
        whole = text.replace(".", "")
        raise Ambiguous(f"'{text}' is dubbelzinnig: schrijf {whole} (duizendtal) of {text.replace('.', ',')} (decimaal)")
    m = _GROUPED.fullmatch(text)
    if m and (m.group(3) is not None or m.group(2).count(".") > 1):
        return m.group(1) + m.group(2).replace(".", "") + ("." + m.group(3) if m.group(3) else "")
    m = _COMMA.fullmatch(text)
    if m:
        return f"{m.group(1)}.{m.group(2)}"
    return text
