"""``bncost rapport --per-gemeente``: one document per member of a region, in one process, plus an
``index.html`` that lists them.

The data is loaded once, the region computed once (each member's contribution and the region's
budget); then per member its own dossier (as ``rapport --gemeente``) with its place in the region,
rendered and written. Each file is written in one step (``write_file``); on a terminal a progress
line on standard error, nothing when it is piped.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from burgernet_cost.domain.codes import Pakket
from burgernet_cost.domain.codes import Tarief as TariefCode
from burgernet_cost.errors import UsageProblem, visible
from burgernet_cost.structs import replace


def output_folder(target: str) -> Path:
    """The folder the documents go to: it exists, or its parent does (then it is made)."""
    from burgernet_cost.cli.writing import printable

    if not target.strip() or target == "-":
        raise UsageProblem("--per-gemeente schrijft bestanden: geef een map (bijv. --uitvoer rapporten/)", field="uitvoer")
    folder = Path(target).expanduser()
    shown = printable(target, 200, one_line=True)
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{shown} is geen map; --per-gemeente schrijft één bestand per gemeente in een map", field="uitvoer")
    if not folder.exists() and not folder.resolve().parent.is_dir():
        raise UsageProblem(f"de map boven {shown} bestaat niet", field="uitvoer")
    return folder


MAX_BASE = 80


def file_name(naam: str, taken: set[str], suffix: str) -> str:
    """'Súdwest-Fryslân' -> 'sudwest-fryslan.html' (ASCII, lower case, at most MAX_BASE characters
    before its number and extension: a name of any length gives a name the file system takes; a
    number when taken)."""
    plain = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_BASE].strip("-") or "gemeente"
    name, n = f"{base}.{suffix}", 2
    while name in taken or name == "index.html":
        name, n = f"{base}-{n}.{suffix}", n + 1
    taken.add(name)
    return name


def per_member(
    opties: Any,
    soort: str,
    given: dict[str, str | None],
    jaar: int | None,
    pakketten: tuple[Pakket, ...],
    tarief: TariefCode,
    schaalvoordeel: Any,
    fmt: str,
    folder: Path,
    render: Any,
    extra: Any,
) -> None:
    from burgernet_cost.cli.commands import select_region
    from burgernet_cost.domain.dossier import dossier
    from burgernet_cost.domain.region import region
    from burgernet_cost.domain.series import municipality_counts

    keuze = opties.keuze(jaar)
    ds, members, title, peildatum = select_region(opties, given, soort, jaar)
    regios = {
        p: region(
            ds,
            title,
            members,
            "regionaal",
            p,
            tarief,
            schaalvoordeel,
            keuze,
            soort=soort,
            schalingen=opties.schalingen(),
            inwoners_datum=peildatum,
        )
        for p in pakketten
    }
    gm = opties.tijdstip(jaar).gemeenten(ds.gemeenten())
    rows = {g.code: g for g in gm.lijst(opties.tijdstip(jaar).cbs_jaar(gm))}
    shared = {**extra(ds), "grootte_cache": {}}
    folder.mkdir(exist_ok=True)
    taken: set[str] = set()
    written: list[str] = []  # the members' files, in the order of their region
    progress = _Progress(len(members))
    for n, lid in enumerate(members):
        g = rows.get(lid.code) if lid.code and lid.bron.startswith("CBS") else None
        tellingen = municipality_counts(gm, g.code, g.naam) if g is not None else None  # its own years
        d = dossier(
            ds,
            lid.naam,
            "gemeente" if g is not None else "inwoners",
            pakketten,
            inwoners=lid.inwoners,
            gemeente=g,
            tarief=tarief,
            schaalvoordeel=schaalvoordeel,
            keuze=keuze,
            schalingen=opties.schalingen(),
            **{**shared, "tellingen": tellingen},
        )
        d = replace(d, regio_van=regios)
        name = file_name(lid.naam, taken, fmt)
        _write_one(folder / name, render(fmt, d, ds), written, len(members))
        written.append(name)
        progress.step(n + 1, lid.naam)
    progress.done()
    from burgernet_cost.output.rapport_html import index_html

    index = index_html(title, {pakketten[0]: regios[pakketten[0]]}, written).encode("utf-8")
    _write_one(folder / "index.html", index, written, len(members))


def _write_one(path: Path, data: bytes, written: list[str], total: int) -> None:
    """One member's document; when it fails, the message says how many were written before it
    (each file is whole, but the folder is not: 'er is niets gewijzigd' would not be true)."""
    from burgernet_cost.cli.writing import OutputError, write_file

    try:
        write_file(str(path), data)
    except OutputError as exc:
        if not written:
            raise
        said = exc.message.removesuffix("; er is niets gewijzigd")
        raise OutputError(f"{said}; {len(written)} van de {total} documenten zijn al geschreven, index.html niet") from None


class _Progress:
    """'12/32 Eindhoven' on one line of standard error, only when that is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.on = sys.stderr.isatty()

    def step(self, n: int, naam: str) -> None:
        if self.on:
            sys.stderr.write(f"\r\x1b[K{n}/{self.total} {visible(naam)[:60]}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
