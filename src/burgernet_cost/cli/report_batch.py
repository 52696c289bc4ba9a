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
    """The folder the documents go to: it exists, or its parent does (then it is made). A folder
    that is (or lies in) a data folder of the run is refused; one that holds files bncost did not
    write as they are needs --overschrijf."""
    from burgernet_cost.cli.output_guard import OVERWRITE_OPTION, is_own, not_an_input, overwrite_allowed
    from burgernet_cost.cli.writing import INVOCATION, printable

    if not target.strip() or target == "-":
        raise UsageProblem("--per-gemeente schrijft bestanden: geef een map (bijv. --uitvoer rapporten/)", field="uitvoer")
    folder = Path(target).expanduser()
    shown = printable(target, 200, one_line=True)
    try:
        if folder.exists() and not folder.is_dir():
            raise UsageProblem(f"{shown} is geen map; --per-gemeente schrijft één bestand per gemeente in een map", field="uitvoer")
        if not folder.exists() and not folder.resolve().parent.is_dir():
            raise UsageProblem(f"de map boven {shown} bestaat niet", field="uitvoer")
        real = folder.resolve()
        not_an_input(real, shown, INVOCATION)
        if folder.exists() and not overwrite_allowed(INVOCATION):
            from burgernet_cost.cli.output_guard import _remembered

            known = _remembered()
            other = next((e for e in sorted(folder.iterdir()) if not (e.is_file() and is_own(e.resolve(), known))), None)
            if other is not None:
                raise UsageProblem(
                    f"{shown} bevat al bestanden die bncost niet zo schreef ({printable(other.name, 60, one_line=True)}); "
                    f"kies een lege of nieuwe map, of geef {OVERWRITE_OPTION}",
                    field="uitvoer",
                )
    except OSError as exc:
        from burgernet_cost.errors import os_reason

        raise UsageProblem(f"{shown} kan niet worden gebruikt ({os_reason(exc)})", field="uitvoer") from None
    return folder


class Batch:
    """The documents of one run, written all or nothing: into a hidden temporary folder (next to the
    target, or inside it when it exists), and moved into place only when every one is written.
    Interrupted or failed, the temporary folder is removed: no partial folder is left."""

    def __init__(self, folder: Path) -> None:
        from burgernet_cost.cli.writing import printable

        self.folder = folder
        self.shown = printable(str(folder), 200, one_line=True)
        self.inside = folder.exists()
        self.tmp: Path | None = None
        self.written: dict[str, bytes] = {}

    def open(self) -> None:
        """Make the temporary folder; its name is known before it exists, so an interruption at
        any moment leaves nothing that ``discard`` does not remove."""
        import os

        from burgernet_cost.cli.writing import printable
        from burgernet_cost.errors import os_reason

        base = self.folder if self.inside else self.folder.resolve().parent
        self.tmp = base / f".bncost-{os.getpid()}-{os.urandom(4).hex()}.tmp"
        try:
            make_folder(self.tmp)
        except OSError as exc:
            self.tmp = None
            where = printable(str(base), 200, one_line=True)
            raise UsageProblem(f"in {where} kan niet worden geschreven ({os_reason(exc)})", field="uitvoer") from None

    def write(self, name: str, data: bytes) -> None:
        import os

        from burgernet_cost.cli.writing import OutputError
        from burgernet_cost.errors import os_reason

        assert self.tmp is not None, "open() first"
        try:
            fd = os.open(self.tmp / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
        except OSError as exc:
            raise OutputError(f"{self.shown}/{name} kon niet worden geschreven ({os_reason(exc)}); er is niets geschreven") from None
        self.written[name] = data

    def publish(self) -> None:
        """Move the documents into place (a new folder in one rename)."""
        import os

        from burgernet_cost.cli.output_guard import remember
        from burgernet_cost.cli.writing import OutputError
        from burgernet_cost.errors import os_reason

        assert self.tmp is not None, "open() first"
        try:
            mask = os.umask(0)
            os.umask(mask)
            if self.inside:
                for name in self.written:
                    os.replace(self.tmp / name, self.folder / name)
                self.tmp.rmdir()
            else:
                os.chmod(self.tmp, 0o777 & ~mask)
                os.rename(self.tmp, self.folder)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.shown} kon niet worden geschreven ({os_reason(exc)})") from None
        real = self.folder.resolve()
        remember({real / name: data for name, data in self.written.items()})

    def discard(self) -> None:
        import shutil

        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def make_folder(path: Path) -> None:
    path.mkdir(mode=0o700)


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
    from burgernet_cost.domain.compare import chosen_scale_advantages, for_model
    from burgernet_cost.domain.region import region

    keuze = opties.keuze(jaar)
    ds, members, title, peildatum = select_region(opties, given, soort, jaar)
    schaalvoordeel = chosen_scale_advantages(ds, schaalvoordeel, None, tarief)
    regios = {
        p: region(
            ds,
            title,
            members,
            "regionaal",
            p,
            tarief,
            for_model(ds, schaalvoordeel, "regionaal"),
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
    batch = Batch(folder)
    try:
        batch.open()
        _documents(opties, ds, members, rows, gm, regios, shared, pakketten, tarief, schaalvoordeel, keuze, fmt, render, batch, title)
        batch.publish()
    finally:
        batch.discard()


def _documents(
    opties: Any,
    ds: Any,
    members: Any,
    rows: Any,
    gm: Any,
    regios: Any,
    shared: Any,
    pakketten: Any,
    tarief: Any,
    schaalvoordeel: Any,
    keuze: Any,
    fmt: str,
    render: Any,
    batch: Batch,
    title: str,
) -> None:
    from burgernet_cost.domain.dossier import dossier
    from burgernet_cost.domain.series import municipality_counts

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
        batch.write(name, render(fmt, d, ds))
        written.append(name)
        progress.step(n + 1, lid.naam)
    progress.done()
    from burgernet_cost.output.rapport_html import index_html

    index = index_html(title, {pakketten[0]: regios[pakketten[0]]}, written).encode("utf-8")
    batch.write("index.html", index)


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
