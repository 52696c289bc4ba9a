"""The commands for data maintainers: validate, diff, schema."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from burgernet_cost.cli.options import DataDir, Formaat, Overschrijf, Uitvoer, later
from burgernet_cost.cli.parsers import parse_year
from burgernet_cost.cli.writing import emit, shown
from burgernet_cost.errors import DataError, DataErrors, UsageProblem

Opt = typer.Option


def validate_cmd(
    strict: Annotated[bool, Opt("--strict", help="Waarschuwingen tellen als fouten.")] = False,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    overschrijf: Overschrijf = False,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.domain.validation import validate
    from burgernet_cost.output.views.checks import validate_report

    result = validate(data_dir)
    emit(validate_report(result, strict), fmt, uitvoer)
    if not result.valid(strict):
        raise typer.Exit(1)


def diff_cmd(
    base_dir: Annotated[
        str,
        typer.Argument(
            metavar="BASIS",
            show_default=False,
            help="De data vóór de wijziging: een map, of een git-versie (main, HEAD~1, main:pad/naar/data) in deze repository.",
            autocompletion=later("versies"),
        ),
    ],
    head_dir: Annotated[
        str | None,
        typer.Argument(
            metavar="[NIEUW]",
            show_default=False,
            help="De data na de wijziging, ook een map of git-versie (standaard: de huidige data).",
            autocompletion=later("versies"),
        ),
    ] = None,
    only_changed: Annotated[bool, Opt("--alleen-wijzigingen", help="Toon alleen gewijzigde kengetallen.")] = False,
    jaar: Annotated[
        list[int] | None,
        Opt(
            "--jaar",
            parser=parse_year,
            metavar="JAAR",
            show_default=False,
            help="Kengetallen ook op prijspeil 1 januari van dit jaar (herhaalbaar). Altijd getoond: 1 januari van "
            "het nieuwste jaar dat een van beide kanten kent, en de datum van elke toegevoegde cao-stap of salaristabel.",
        ),
    ] = None,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    overschrijf: Overschrijf = False,
    data_dir: DataDir = None,
) -> None:
    from burgernet_cost.cli.git_data import data_folder
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.domain.diff import changed_inputs, diff
    from burgernet_cost.domain.validation import validate
    from burgernet_cost.output.views.checks import diff_report

    for name, value in (("BASIS", base_dir), ("NIEUW", head_dir)):
        if value is not None and not value.strip():
            raise UsageProblem(f"{name}: lege waarde; geef een datamap of een git-versie")
    with data_folder(base_dir, "basis") as base_root, data_folder(head_dir, "nieuw", data_dir) as head_root:
        datasets, validity = [], []
        for label, where, shown_as in (("basis", base_root, base_dir), ("nieuw", head_root, head_dir)):
            try:
                ds = load_dataset(where)
            except DataErrors as exc:
                raise DataErrors([DataError(f"[{label}] {e}") for e in exc.errors]) from None
            except DataError as exc:
                raise DataError(f"[{label}] {exc}") from None
            datasets.append(ds)
            validity.append((label, shown_as or shown(ds.root), validate(ds.root)))
        base, head = datasets
        _years_in_data(jaar or [], base, head)
        figures, ref = diff(base, head, jaar or [])
        emit(
            diff_report(
                figures,
                ref,
                validity[0][1] if base_dir else shown(base.root),
                head_dir or shown(head.root),
                only_changed,
                validity,
                changed_inputs(base, head),
            ),
            fmt,
            uitvoer,
        )
    if not all(v.valid() for _, _, v in validity):
        raise typer.Exit(1)


def _years_in_data(jaren: list[int], *datasets: Any) -> None:
    """diff --jaar: a year the data can give a price level for (from the oldest salary table of both
    to the newest year either side knows: inhabitants, salary tables, CAO steps; the dates diff shows
    by itself), never one silently computed at another year's level."""
    from burgernet_cost.data.instant import oldest_price_date
    from burgernet_cost.domain.diff import newest_year

    first = max(int(oldest_price_date(ds)[:4]) for ds in datasets)
    last = max(newest_year(ds) for ds in datasets)
    outside = next((j for j in jaren if not first <= j <= last), None)
    if outside is not None:
        raise UsageProblem(f"{outside} ligt buiten de data (de datasets reiken van {first} tot en met {last})", field="jaar")


def schema_cmd(
    naam: Annotated[
        str | None,
        typer.Argument(
            metavar="[NAAM]",
            show_default=False,
            help="Toon dit schema: een commando (estimate, regio, …: de vorm van zijn --format json) "
            "of een databestand (tasks.yaml, interviews.yaml, …).",
            autocompletion=later("schema_names"),
        ),
    ] = None,
    write: Annotated[bool, Opt("--write", help="Schrijf de schema's naar de map.")] = False,
    check: Annotated[bool, Opt("--check", help="Controleer of de schema's in de map actueel zijn (exit 1 als niet).")] = False,
    directory: Annotated[
        str | None,
        Opt(
            "--map",
            metavar="MAP",
            show_default=False,
            help="Map voor de schema's (standaard: schemas/ naast de datamap).",
            autocompletion=later("folders"),
        ),
    ] = None,
    fmt: Formaat = None,
    uitvoer: Uitvoer = None,
    overschrijf: Overschrijf = False,
    data_dir: DataDir = None,
) -> None:
    from pathlib import Path

    from burgernet_cost.cli import output_schemas
    from burgernet_cost.data import jsonschema
    from burgernet_cost.output.views.checks import schema_report

    if write and check:
        raise UsageProblem("kies --write of --check, niet beide")
    if naam is not None:
        if write or check or directory:
            raise UsageProblem("NAAM toont één schema; laat --write, --check en --map dan weg")
        _print_schema(naam, uitvoer)
        return
    target = Path(directory) if directory else jsonschema.default_dir(data_dir)
    outputs = output_schemas.generate()
    written = jsonschema.write(target) if write else []
    written += output_schemas.write(target, outputs) if write else []
    states = [(name, f"data/{data_file}", state) for name, data_file, state in jsonschema.states(target)]
    states += output_schemas.states(target, outputs)
    states = [(name, voor, "bijgewerkt" if name in written else state) for name, voor, state in states]
    stale = [name for name, _, state in states if state in ("verouderd", "ontbreekt")]
    if check and stale:
        raise DataError(f"schema's niet actueel: {', '.join(stale)}; draai 'bncost schema --write'", file=shown(target))
    emit(schema_report(shown(target), states), fmt, uitvoer)


def _print_schema(naam: str, uitvoer: str | None) -> None:
    """``bncost schema NAAM``: one schema as it is generated now (the same text ``--write`` writes)."""
    from burgernet_cost.cli import output_schemas
    from burgernet_cost.cli.writing import emit_text
    from burgernet_cost.data import jsonschema

    text = naam.strip()
    key = text.removesuffix(".json").removesuffix(".schema").removesuffix(".yaml")
    is_data = text.endswith(".yaml") or (text.endswith(".schema.json") and not text.startswith("uitvoer/"))
    if not is_data and key.removeprefix("uitvoer/") in output_schemas.SAMPLES:
        emit_text(output_schemas.generate_one(key.removeprefix("uitvoer/")), uitvoer)
        return
    data = {name.removesuffix(".schema.json"): schema for name, schema in jsonschema.generate().items()}
    if key in data:
        emit_text(data[key], uitvoer)
        return
    known = ", ".join([*output_schemas.SAMPLES, *(f"{name}.yaml" for name in data)])
    raise UsageProblem(f"NAAM: geen schema '{naam}'; kies een commando of een databestand: {known}")
