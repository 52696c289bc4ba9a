"""The notes of ``bncost rapport``'s page: each note once, in one appendix, referred to by number.

A section does not print the notes of its views; it asks ``Noten.ref`` for their numbers and shows
"(noot 3, 5)". The appendix lists every numbered note once, then every figure with its source,
status and place in the data (relative to the data folder: a document names no machine path).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from burgernet_cost.output import numbers as money


class Noten:
    """Note texts in the order they are first referred to; a note written out in full elsewhere on
    the page (``inline``) gets a link to that place instead of a number."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.inline: dict[str, tuple[str, str]] = {}  # note text -> (anchor without #, link text) where it stands in full

    def number(self, text: str) -> int:
        if text not in self.numbers:
            self.numbers[text] = len(self.numbers) + 1
        return self.numbers[text]

    def ref(self, texts: list[str] | tuple[str, ...]) -> str:
        """'(noot 1, 4)' with links, or '' when there is nothing to refer to."""
        links: list[str] = []
        for text in dict.fromkeys(texts):
            if text in self.inline:
                anchor, label = self.inline[text]
                link = f'<a class=inline href="#{anchor}">{escape(label)}</a>'
            else:
                n = self.number(text)
                link = f'<a href="#noot-{n}">{n}</a>'
            if link not in links:
                links.append(link)
        if not links:
            return ""
        numbered = [link for link in links if "class=inline" not in link]
        word = "noot" if len(numbered) == 1 else "noten"
        parts = ([f"{word} " + ", ".join(numbered)] if numbered else []) + [link for link in links if "class=inline" in link]
        return " (" + "; ".join(parts) + ")"

    def html(self) -> str:
        """The numbered list; a long sentence that an earlier note already says is left out of a later one."""
        seen: set[str] = set()
        items = []
        for text, n in self.numbers.items():
            kept = []
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if len(sentence) >= 60 and sentence in seen:
                    continue
                seen.add(sentence)
                kept.append(sentence)
            items.append(f'<li id="noot-{n}">{escape(" ".join(kept))}</li>')
        return f'<ol class="notes">{"".join(items)}</ol>'


@functools.lru_cache(maxsize=4096)  # the same places in every document of a --per-gemeente run
def relative_place(plaats: str | None, root: Path) -> str:
    """'…/data/interviews.yaml:127' -> 'interviews.yaml:127' (a place in the data folder)."""
    if not plaats:
        return ""
    path, sep, line = plaats.rpartition(":") if plaats.rpartition(":")[2].isdigit() else (plaats, "", "")
    try:
        shown = Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        shown = Path(path).name
    return shown + (f":{line}" if sep else "")


def _place(place: str) -> str:
    return f" <span class=place>({escape(place)})</span>" if place else ""


def value_text(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, Decimal)):
        return money.nl_number(waarde, 0 if isinstance(waarde, int) or waarde == waarde.to_integral() else 4)
    return str(waarde)


def figures_of(d: Any) -> list[Any]:
    """Every figure the results read, each once, assumptions first."""
    figures: dict[str, Any] = {}
    for v in d.vergelijkingen.values():
        for f in v.figuren:
            figures.setdefault(f.id, f)
    return sorted(figures.values(), key=lambda f: ({"aanname": 0, "afgeleid": 1, "invoer": 2}.get(f.status, 3), f.id))


def appendix_html(d: Any, root: Path, noten: Noten) -> str:
    from burgernet_cost.output.wording import figure_label

    rows = "".join(
        f'<tr><td data-label="Cijfer">{escape(figure_label(f))}</td><td class="num wrap" data-label="Waarde">{escape(value_text(f.waarde))}'
        f'{" " + escape(f.eenheid) if f.eenheid else ""}</td><td class=src data-label="Bron">{escape(f.bron)}'
        f"{_place(relative_place(f.plaats, root))}</td>"
        f'<td data-label="Status"><span class="status-{escape(f.status)}">{escape(f.status)}</span></td></tr>'
        for f in figures_of(d)
    )
    table = (
        '<table class="cards wide"><caption>Elk cijfer waarop de bedragen rusten, met bron en status</caption>'
        '<colgroup><col style="width:34%"><col style="width:22%"><col style="width:30%"><col style="width:14%"></colgroup><thead><tr>'
        '<th scope="col">Cijfer</th><th scope="col" class=num>Waarde</th><th scope="col">Bron (plaats in de data)</th>'
        f'<th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return (
        '<section aria-labelledby="bijlage" class="appendix"><h2 id="bijlage">Bijlage: toelichting, aannames en bronnen</h2>'
        f'<h3 id="noten">Toelichting</h3>{noten.html()}<h3 id="bronnen">Cijfers en bronnen</h3>'
        "<p>Status: <b>gepubliceerd</b> staat zo in het rapport of de bron; <b>afgeleid</b> is door bncost berekend uit een "
        "bron, met methode; <b>aanname</b> staat in geen bron en is een keuze van bncost.</p>"
        f"{table}</section>"
    )
