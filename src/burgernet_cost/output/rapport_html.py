"""``bncost rapport --uitvoer X.html``: one self-contained page for a council.

Page 1 is the summary a council member reads (``rapport_summary.py``). Then the tables and charts
(``rapport_sections.py``), then one appendix with every note, assumption and source exactly once,
referred to by number (``rapport_notes.py``), and last how to make the document again (the only
place with the command line). Every text goes through ``rapport_words.Words``: no option, id, data
key or path in the body. The figures come from the ``Dossier`` (domain) and
the same views as the terminal output, so the page and ``bncost estimate`` cannot disagree.
"""

from __future__ import annotations

from typing import Any

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.dossier import Dossier
from burgernet_cost.domain.region import Regio
from burgernet_cost.output import numbers as money
from burgernet_cost.output import rapport_sections as sections
from burgernet_cost.output.cells import html_text
from burgernet_cost.output.html_page import page, table_html
from burgernet_cost.output.rapport_notes import Noten, appendix_html
from burgernet_cost.output.rapport_summary import summary
from burgernet_cost.output.rapport_words import Words
from burgernet_cost.output.views.region import members_table
from burgernet_cost.output.wording import PAKKET_LABELS, date_nl
from burgernet_cost.structs import struct


@struct
class Colofon:
    version: str
    command: str  # how to make the document again (no machine paths)
    date: str  # the day the page was made (JJJJ-MM-DD)
    data: str  # the data as named in a document: "meegeleverde data (bncost X.Y.Z)" or a relative folder


def render_html(d: Dossier, ds: Any, colofon: Colofon) -> str:
    title = f"Burgernet: kosten van de gemeentelijke taken — {d.onderwerp}"
    noten = Noten(Words(ds))
    first_page = summary(d, ds, noten, colofon)
    body = [
        sections.areas(d, ds, colofon, noten),
        sections.models(d, ds, colofon, noten),
        *([sections.region(d, ds, colofon, noten)] if d.is_regio else []),
        *([sections.sensitivity(d, noten)] if d.gevoeligheid else []),
        *([sections.series(d, ds, colofon, noten)] if d.reeks is not None and d.reeks.punten else []),
        sections.sizes(d, noten),
    ]
    appendix = appendix_html(d, noten)
    back = ""
    if d.regio_van:  # a member's document sits beside the index of its region (--per-gemeente)
        region_title = next(iter(d.regio_van.values())).titel
        back = f'<nav aria-label="Terug"><a href="index.html">← Alle gemeenten van {html_text(region_title)}</a></nav>'
    content = (
        f"<header>{back}<h1>{html_text(title)}</h1></header>\n<main>\n{first_page}\n"
        + "\n".join(body)
        + f"\n{appendix}\n{_reproduce(d, colofon)}\n</main>"
    )
    return page(title, content)


def _reproduce(d: Dossier, c: Colofon) -> str:
    """The last appendix, the one place that speaks the tool's language: how to make this document again."""
    return (
        '<section aria-labelledby="opnieuw" class="reproduce"><h2 id="opnieuw">Bijlage: dit document opnieuw maken</h2>'
        f"<p>Gemaakt door bncost {html_text(c.version)} op {html_text(date_nl(c.date))} uit {html_text(c.data)} "
        f"(vingerafdruk van de data <code>{html_text(d.vingerafdruk)}</code>). Opnieuw maken met de opdracht "
        f"<code>{html_text(c.command)}</code>; elke stap van de berekening met haar bron en haar plaats in de data geeft "
        "<code>bncost estimate --uitleg</code> met dezelfde keuzes.</p></section>"
    )


def index_html(title: str, regios: dict[Pakket, Regio], files: list[str]) -> str:
    """``rapport --per-gemeente``: the page that lists the members' documents, with ``regio``'s contributions."""
    regio = next(iter(regios.values()))
    heading = f"Burgernet: een document per gemeente — {title}"
    table = table_html(members_table(regios, False, files), caption=f"De gemeenten van {title}")
    body = (
        f"<header><h1>{html_text(heading)}</h1></header><main><p>{len(files)} documenten, één per gemeente. Bijdrage in het "
        f"regionale model, {html_text(PAKKET_LABELS[regio.pakket])}; de regio samen {html_text(money.euro(regio.budget))} per jaar.</p>"
        f"{table}</main>"
    )
    return page(heading, body)
