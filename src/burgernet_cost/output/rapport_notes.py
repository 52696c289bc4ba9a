"""The notes of ``bncost rapport``'s page: each note once, in one appendix, referred to by number.

A section does not print the notes of its views; it asks ``Noten.ref`` for their numbers and shows
"(noot 3, 5)". The appendix lists every numbered note once, then every figure with its source,
status, in words (the place in the data is the command line's: ``estimate --uitleg``).
"""

from __future__ import annotations

import re
from typing import Any

from burgernet_cost.output.cells import html_text
from burgernet_cost.output.html_page import table_html


class Noten:
    """Note texts in the order they are first referred to; a note written out in full elsewhere on
    the page (``inline``) gets a link to that place instead of a number."""

    def __init__(self, words: Any) -> None:
        self.words = words  # rapport_words.Words: every text of the page in plain Dutch
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
                link = f'<a class=inline href="#{anchor}">{html_text(label)}</a>'
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
            items.append(f'<li id="noot-{n}">{self.words.html(" ".join(kept))}</li>')
        return f'<ol class="notes">{"".join(items)}</ol>'


def appendix_html(d: Any, noten: Noten) -> str:
    from burgernet_cost.output.views.common import figures_of
    from burgernet_cost.output.views.council import figures_table

    table = table_html(figures_table(figures_of(d.vergelijkingen.values())), words=noten.words)
    return (
        '<section aria-labelledby="bijlage" class="appendix"><h2 id="bijlage">Bijlage: toelichting, aannames en bronnen</h2>'
        f'<h3 id="noten">Toelichting</h3>{noten.html()}<h3 id="bronnen">Cijfers en bronnen</h3>'
        "<p>Status: <b>gepubliceerd</b> staat zo in het rapport of de bron; <b>afgeleid</b> is door bncost berekend uit een "
        "bron, met methode; <b>aanname</b> staat in geen bron en is een keuze van bncost.</p>"
        f"{table}</section>"
    )
