"""The council document in plain Dutch: what the command line says in the tool's language, in words.

The views and notes are shared with the terminal, where an option name (``--schaalvoordeel``), a data
key (``per_gemeente``), an id (``rapport-2014-b``) or a place in the data (``interviews.yaml:61``) is
what a user types next. A council member types nothing: the document passes every text through
``Words`` (an option in brackets, a sentence that only names an option, a path and a place go; an id
becomes the name the data gives it; a key becomes words; a web address becomes a link named after its
site), shows an amount per inhabitant in cents and a rate to the cent. Figures are not computed here,
only written differently.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from burgernet_cost.output import numbers as money
from burgernet_cost.output.cells import display, html_text

OPTION = re.compile(r"(?<![\w-])--[a-z][\w-]*")
URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:]")
PATH = re.compile(r"(?<![\w/])(?:data/)?[\w./-]*\.(?:ya?ml|csv|xlsx|json)(?::\d+)?\b")
KEY = re.compile(r"\b[a-z]\w*(?:\.\w+)*\[[^\]]*\](?:\.\w+)*")  # salary_scales.cao_verhogingen[10].procent
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
REPORT_ID = re.compile(r"\brapport-\d{4}(?:-[a-z0-9]+)*\b")
BRACKETED_OPTION = re.compile(r"\s*\([^()]*--[a-z][^()]*\)")
FOUR_DECIMALS = re.compile(r"(-?)€ ([0-9.]+),([0-9]{4})(?![0-9])")  # '€ 0,0654', '€ 24,7308'
SENTENCE = re.compile(r"[^.!?]*?(?<![\w-])--[a-z][^.!?]*[.!?]?")
#: the words a bare data key stands for (the rest: its underscores become spaces)
KEY_WORDS = {
    "per_inwoner": "naar het aantal inwoners",
    "per_gemeente": "voor elke gemeente gelijk (zoals gemeten)",
    "relatiebeheer_communicatie": "relatiebeheer en communicatie",
}
#: the kinds of figure the document writes as people do (per inhabitant in cents, a rate to the cent)
CENTS = ("per_inwoner", "per_inwoner_cent")


def cents(value: Decimal, report_cents: bool = False) -> str:
    """0.0654 -> '6,54 cent'; with ``report_cents`` (an amount the report itself names) '3,27 cent (≈ € 0,03)'."""
    text = money.nl_number(Decimal(value).scaleb(2), 2) + " cent"  # the decimal point moved, no sum
    return text + (f" (≈ {money.euro(value, 2)})" if report_cents else "")


def _as_people_write(m: re.Match[str]) -> str:
    """An amount written to four decimals: below a euro in cents, else to the cent."""
    value = Decimal(m.group(2).replace(".", "") + "." + m.group(3))
    if value < 1:
        return m.group(1) + cents(value)
    return m.group(1) + money.euro(value, 2)


class Words:
    """Plain Dutch for one document: the data's names for its ids."""

    def __init__(self, ds: Any) -> None:
        self.names: dict[str, str] = {}
        for p in ds.salary.tariefprofielen:
            self.names[p.id] = f"“{p.naam}”"
        areas = {t.id: t.naam for t in ds.tasks.taakgebieden}
        for w in ds.interviews.waarnemingen:
            area = areas.get(w.taakgebied, w.taakgebied).lower()
            self.names[w.id] = f"meting §{w.bron.sectie}, {area}, {w.pakket}pakket"

    def text(self, text: str) -> str:
        """The text without options, paths, keys and ids (web addresses stay: ``html`` links them)."""
        text = BRACKETED_OPTION.sub("", text)
        text = SENTENCE.sub("", text)
        text = OPTION.sub("", text)
        text = KEY.sub("", PATH.sub("", text))
        text = REPORT_ID.sub(lambda m: self.names.get(m.group(0), "het rapport"), text)
        text = SNAKE.sub(lambda m: KEY_WORDS.get(m.group(0), m.group(0).replace("_", " ")), text)
        text = FOUR_DECIMALS.sub(_as_people_write, text)
        text = re.sub(r"([;,])(?:\s*[;,])+", r"\1", text)  # what stood between two separators is gone
        text = re.sub(r"\(\s*[;,]\s*", "(", text)
        text = re.sub(r"\s*[;,]\s*\)", ")", text)
        text = re.sub(r"\s*\(\s*\)", "", text)
        text = re.sub(r"[ \t]{2,}", " ", text)
        return re.sub(r"\s+([.,;:])", r"\1", text).strip()

    def html(self, text: str) -> str:
        """``text`` escaped, each web address a link named after its site ("vng.nl")."""
        plain = self.text(text)
        out, at = [], 0
        for m in URL.finditer(plain):
            site = urlsplit(m.group(0)).hostname or "bron"
            site = site.removeprefix("www.")
            out += [html_text(plain[at : m.start()]), f'<a href="{html_text(m.group(0))}">{html_text(site)}</a>']
            at = m.end()
        return "".join(out) + html_text(plain[at:])

    def figure(self, value: Any, kind: str, empty: str = "") -> str:
        """A figure as the document shows it: per inhabitant in cents, a rate to the cent, the rest by its kind."""
        shown_kind = getattr(value, "kind", kind)
        inner = getattr(value, "value", value)
        if inner is None:
            return empty
        if shown_kind in CENTS:
            return cents(inner, shown_kind == "per_inwoner_cent")
        if shown_kind == "rate":
            return money.euro(inner, 2)
        return display(value, kind, empty)
