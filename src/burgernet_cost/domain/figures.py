"""Reading a data figure into a trace: its value, source, status and place come from the data set.

``read(trace, ds, "interviews.yaml", ("waarnemingen", 2, "uren_per_maand"), "waarneming.uren_per_maand",
"uur/maand")`` walks the validated models to the value, takes ``bron`` and ``status`` from the nearest
record that has them, gives the figure a stable id (record ids instead of list positions:
``interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand``) and records it.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol, TypeVar

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import DATA_FILES, INTERVIEWS_FILE, MODELS_FILE, SALARY_FILE, TASKS_FILE, TIMELINE_FILE
from burgernet_cost.domain.codes import Pad, Status
from burgernet_cost.domain.codes import status as status_of
from burgernet_cost.domain.trace import Figuur, Trace, Value, Waarde

#: the data files the domain reads figures from, and the data set's attribute for each (data/files.py)
DATA_ATTRIBUTES = DATA_FILES
__all__ = ["DATA_ATTRIBUTES", "INTERVIEWS_FILE", "MODELS_FILE", "SALARY_FILE", "TASKS_FILE", "TIMELINE_FILE", "figure", "take"]


class Bron(Protocol):
    """A source record (``Bron`` in the data): it words itself short."""

    def kort(self) -> str: ...


def _short_source(value: object) -> str:
    kort = getattr(value, "kort", None)
    return str(kort()) if callable(kort) else str(value)


#: what a figure read is cached under: file, path, kind, unit, source, status, date and parameters
_Key = tuple[str, Pad, str, str, str | None, Status | None, str | None, tuple[tuple[str, Waarde], ...]]
#: per data set, the figures already read (a data set does not change once validated); a document per
#: member of a region (rapport --per-gemeente) reads the same figures hundreds of times
_READ: dict[int, dict[_Key, Figuur]] = {}
_K = TypeVar("_K")
_V = TypeVar("_V")


def per_dataset(store: dict[int, dict[_K, _V]], ds: Dataset) -> dict[_K, _V]:
    """The entry of ``store`` for this data set, by identity (an equal copy gets its own; hashing a data
    set would hash all its files), forgotten when the data set is."""
    found = store.get(id(ds))
    if found is None:
        found = store[id(ds)] = {}
        weakref.finalize(ds, store.pop, id(ds), None)
    return found


def figure(
    ds: Dataset,
    file: str,
    path: Pad,
    soort: str,
    eenheid: str,
    *,
    bron: str | Bron | None = None,
    status: Status | None = None,
    datum: str | None = None,
    **params: Waarde,
) -> Figuur:
    """The figure at ``path`` in ``file``; ``bron``/``status`` override the nearest record's;
    ``datum``: the date it holds for (None: a figure without a date, such as 156 hours a month)."""
    if bron is not None and not isinstance(bron, str):  # a record as source: read it each time
        return _figure(ds, file, path, soort, eenheid, bron, status, datum, params)
    key: _Key = (file, path, soort, eenheid, bron, status, datum, tuple(sorted(params.items())))
    try:
        read = per_dataset(_READ, ds)
        if key in read:
            return read[key]
    except TypeError:  # an unhashable parameter, or a data set that cannot be weakly referred to: read it
        return _figure(ds, file, path, soort, eenheid, bron, status, datum, params)
    read[key] = _figure(ds, file, path, soort, eenheid, bron, status, datum, params)
    return read[key]


def _figure(
    ds: Dataset,
    file: str,
    path: Pad,
    soort: str,
    eenheid: str,
    bron: str | Bron | None,
    status: Status | None,
    datum: str | None,
    params: Mapping[str, Waarde],
) -> Figuur:
    current: object = getattr(ds, DATA_ATTRIBUTES[file])
    ident = file.removesuffix(".yaml")
    found_bron: object = getattr(current, "bron", None)
    found_status: object = getattr(current, "status", None)
    for part in path:
        if isinstance(part, int) and isinstance(current, Sequence):
            current = current[part]
            ident += f"[{getattr(current, 'id', part)}]"
        elif isinstance(current, dict):
            current = current[part]
            ident += f"[{part}]"
        elif isinstance(part, str):
            current = getattr(current, part)
            ident += f".{part}"
        else:
            raise TypeError(f"{ident}: position {part} in something that is not a list")
        found_bron = getattr(current, "bron", found_bron)
        found_status = getattr(current, "status", found_status)
    return Figuur(
        id=ident,
        soort=soort,
        waarde=_value(ident, current),
        eenheid=eenheid,
        bron=_short_source(bron if bron is not None else found_bron),
        status=status or (status_of(found_status) if found_status else "gepubliceerd"),
        plaats=ds.where(file, path),
        params=tuple(params.items()),
        datum=datum,
    )


def _value(ident: str, value: object) -> Value:
    """What a figure holds: a number, a yes/no or a text; a record or list is no figure."""
    if isinstance(value, (Decimal, int, str)):
        return value
    raise TypeError(f"{ident} is no figure: {type(value).__name__}")


def take(
    trace: Trace,
    ds: Dataset,
    file: str,
    path: Pad,
    soort: str,
    eenheid: str,
    *,
    bron: str | Bron | None = None,
    status: Status | None = None,
    datum: str | None = None,
    **params: Waarde,
) -> Figuur:
    """Record the figure at ``path`` and return it (its ``waarde`` for the calculation, its ``id`` for a step)."""
    fig = figure(ds, file, path, soort, eenheid, bron=bron, status=status, datum=datum, **params)
    trace.read(fig)
    return trace.figuren[fig.id]


def user_input(trace: Trace, name: str, value: Value, eenheid: str, bron: str = "opgegeven", *, of: str = "", **params: Waarde) -> str:
    """Record a value the user gave (status 'invoer'); returns the figure's id (``invoer.<name>``, or
    ``invoer.<name>.<of>`` for one of several, e.g. the scale advantage of one executor)."""
    ident = f"invoer.{name}" + (f".{of}" if of else "")
    trace.read(Figuur(ident, f"invoer.{name}", value, eenheid, bron, "invoer", None, tuple(params.items())))
    return ident
