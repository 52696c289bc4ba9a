"""Reading a data figure into a trace: its value, source, status and place come from the data set.

``read(trace, ds, "interviews.yaml", ("waarnemingen", 2, "uren_per_maand"), "waarneming.uren_per_maand",
"uur/maand")`` walks the validated models to the value, takes ``bron`` and ``status`` from the nearest
record that has them, gives the figure a stable id (record ids instead of list positions:
``interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand``) and records it.
"""

from __future__ import annotations

import weakref
from typing import Any

from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import DATA_FILES, INTERVIEWS_FILE, MODELS_FILE, SALARY_FILE, TASKS_FILE, TIMELINE_FILE
from burgernet_cost.domain.trace import Figuur, Trace

#: the data files the domain reads figures from, and the data set's attribute for each (data/files.py)
DATA_ATTRIBUTES = DATA_FILES
__all__ = ["DATA_ATTRIBUTES", "INTERVIEWS_FILE", "MODELS_FILE", "SALARY_FILE", "TASKS_FILE", "TIMELINE_FILE", "figure", "take"]


def _short_source(value: Any) -> str:
    kort = getattr(value, "kort", None)
    return kort() if callable(kort) else str(value)


#: per data set, the figures already read (a data set does not change once validated); a document per
#: member of a region (rapport --per-gemeente) reads the same figures hundreds of times
_READ: weakref.WeakKeyDictionary[Dataset, dict[Any, Figuur]] = weakref.WeakKeyDictionary()


def figure(
    ds: Dataset,
    file: str,
    path: tuple[Any, ...],
    soort: str,
    eenheid: str,
    *,
    bron: Any = None,
    status: str | None = None,
    datum: str | None = None,
    **params: Any,
) -> Figuur:
    """The figure at ``path`` in ``file``; ``bron``/``status`` override the nearest record's;
    ``datum``: the date it holds for (None: a figure without a date, such as 156 hours a month)."""
    if bron is not None and not isinstance(bron, str):  # a record as source: read it each time
        return _figure(ds, file, path, soort, eenheid, bron, status, datum, params)
    key = (file, path, soort, eenheid, bron, status, datum, tuple(sorted(params.items())))
    try:
        read = _READ.setdefault(ds, {})
        if key in read:
            return read[key]
    except TypeError:  # an unhashable parameter, or a data set that cannot be weakly referred to: read it
        return _figure(ds, file, path, soort, eenheid, bron, status, datum, params)
    read[key] = _figure(ds, file, path, soort, eenheid, bron, status, datum, params)
    return read[key]


def _figure(
    ds: Dataset,
    file: str,
    path: tuple[Any, ...],
    soort: str,
    eenheid: str,
    bron: Any,
    status: str | None,
    datum: str | None,
    params: dict[str, Any],
) -> Figuur:
    current: Any = getattr(ds, DATA_ATTRIBUTES[file])
    ident = file.removesuffix(".yaml")
    found_bron, found_status = getattr(current, "bron", None), getattr(current, "status", None)
    for part in path:
        if isinstance(part, int):
            current = current[part]
            ident += f"[{getattr(current, 'id', part)}]"
        elif isinstance(current, dict):
            current = current[part]
            ident += f"[{part}]"
        else:
            current = getattr(current, part)
            ident += f".{part}"
        found_bron = getattr(current, "bron", found_bron)
        found_status = getattr(current, "status", found_status)
    value = current
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    return Figuur(
        id=ident,
        soort=soort,
        waarde=value,
        eenheid=eenheid,
        bron=_short_source(bron if bron is not None else found_bron),
        status=status or found_status or "gepubliceerd",
        plaats=ds.where(file, path),
        params=tuple(params.items()),
        datum=datum,
    )


def take(trace: Trace, ds: Dataset, file: str, path: tuple[Any, ...], soort: str, eenheid: str, **kwargs: Any) -> Figuur:
    """Record the figure at ``path`` and return it (its ``waarde`` for the calculation, its ``id`` for a step)."""
    fig = figure(ds, file, path, soort, eenheid, **kwargs)
    trace.read(fig)
    return trace.figuren[fig.id]


def user_input(trace: Trace, name: str, value: Any, eenheid: str, bron: str = "opgegeven", **params: Any) -> str:
    """Record a value the user gave (status 'invoer'); returns the figure's id."""
    ident = f"invoer.{name}"
    trace.read(Figuur(ident, f"invoer.{name}", value, eenheid, bron, "invoer", None, tuple(params.items())))
    return ident
