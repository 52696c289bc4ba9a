"""The recorded trace of a calculation: which figures it read and how it combined them.

Like OpenFisca's tracer, the calculation records while it computes: every data figure goes through
``Trace.read`` and every intermediate result through ``Trace.step``, which names the figures and
steps it was computed from. ``--uitleg``, the JSON ``uitleg`` and later the HTML report and the
workbook all render this one record (``output/explain.py``); nothing looks a figure up by its label.

Figures and steps carry a *kind* (``soort``) and parameters, never Dutch prose: ``output/`` words them.
Notes are codes with parameters in the same way (``Notitie``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeAlias

from burgernet_cost.domain.codes import WEAK_STATUSES, NoteCode, Status
from burgernet_cost.structs import field, struct

Value = Decimal | int | str | bool  # a bool is a yes/no from the data (json true/false, shown ja/nee)

#: a parameter of a figure, step, note or rate: what ``output/`` words; dates are ISO strings,
#: a list is a tuple (of names, of (name, amount) pairs, …)
Waarde: TypeAlias = "str | int | Decimal | bool | None | tuple[Waarde, ...]"
#: the parameters of one record, in the order given
Params: TypeAlias = tuple[tuple[str, Waarde], ...]


def frozen(params: Mapping[str, Waarde]) -> Params:
    return tuple(params.items())


@struct
class Figuur:
    """One figure read from the data (or given by the user), with where it stands."""

    id: str  # stable: "interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand", "invoer.inwoners"
    soort: str  # what it is, for wording: "waarneming.uren_per_maand", "invoer.inwoners", …
    waarde: Value
    eenheid: str  # "uur/maand", "inwoners", "€/maand", "€/uur", "%", "maanden", "" …
    bron: str
    status: Status
    plaats: str | None = None  # file:line in data/, or the scenario line that set it
    params: Params = ()
    datum: str | None = None  # the date the figure holds for (CBS 1 January, a table's or step's date); None: timeless

    @property
    def p(self) -> dict[str, Waarde]:
        return dict(self.params)

    @property
    def zwak(self) -> bool:
        return self.status in WEAK_STATUSES

    @property
    def getal(self) -> Decimal:
        """The value as a number, for computing (a text figure is not a number)."""
        return number(self.waarde)


@struct
class Invoerwaarde:
    """What one named input of a formula held when the evaluator computed a step: the explanation
    shows exactly these numbers, each in the unit of the figure or step it was read from."""

    naam: str  # the formula's input name ("uren", "uurtarief", …)
    waarde: Decimal  # the value the formula used (a list of ids: their sum)
    eenheid: str  # the unit of the figures or steps read; "" for a number given as such (a count)
    termen: tuple[Decimal, ...]  # each value read, in order (one for a single id or number)
    geschreven: bool  # every value is a figure from the data or a given number (shown as written)


@struct
class Stap:
    """One intermediate result: its value and the figures and steps it was computed from."""

    id: str
    soort: str  # "uren_per_maand", "kosten_per_jaar", "uurtarief", …
    waarde: Decimal | None
    eenheid: str
    invoer: tuple[str, ...]  # ids of figures and steps, in the order of the formula
    params: Params = ()
    formule: str | None = None  # the name of the formula (domain/formulas.py) that computed it
    waarden: tuple[Invoerwaarde, ...] = ()  # the value of each named input of that formula

    @property
    def p(self) -> dict[str, Waarde]:
        return dict(self.params)

    def waarde_van(self, naam: str) -> Invoerwaarde:
        """The recorded value of the formula's input ``naam``."""
        return next(v for v in self.waarden if v.naam == naam)


@struct
class Notitie:
    """A note on a result: a code and its parameters; ``output/wording.py`` words it."""

    code: NoteCode
    params: Params = ()

    @property
    def p(self) -> dict[str, Waarde]:
        return dict(self.params)


def number(value: Waarde) -> Decimal:
    """A recorded value as a Decimal; an int becomes the same Decimal, exactly."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"not a number: {value!r}")


def notitie(code: NoteCode, **params: Waarde) -> Notitie:
    return Notitie(code, frozen(params))


@struct
class Spoor:
    """The finished record: figures in the order read, steps in the order computed, the roots."""

    figuren: tuple[Figuur, ...]
    stappen: tuple[Stap, ...]
    wortels: tuple[str, ...]  # the steps a result is explained from, in order

    def figuur(self, ident: str) -> Figuur | None:
        return next((f for f in self.figuren if f.id == ident), None)

    def stap(self, ident: str) -> Stap | None:
        return next((s for s in self.stappen if s.id == ident), None)

    @property
    def rust_op_aanname(self) -> bool:
        return any(f.zwak for f in self.figuren)


@struct(frozen=False)
class Trace:
    """Collects figures and steps while a calculation runs."""

    figuren: dict[str, Figuur] = field(default_factory=dict)
    stappen: dict[str, Stap] = field(default_factory=dict)

    def read(self, figuur: Figuur) -> Value:
        """Record that the calculation uses ``figuur``; returns its value."""
        self.figuren.setdefault(figuur.id, figuur)
        return figuur.waarde

    def step(
        self,
        ident: str,
        soort: str,
        waarde: Decimal | None,
        eenheid: str,
        invoer: Iterable[str],
        params: Params = (),
        *,
        formule: str | None = None,
        waarden: tuple[Invoerwaarde, ...] = (),
    ) -> Decimal | None:
        """Record an intermediate result computed from ``invoer`` (ids already recorded); ``formule``
        and ``waarden``: the formula that computed it and what each of its inputs held (``compute``)."""
        inputs = tuple(dict.fromkeys(invoer))
        unknown = [i for i in inputs if i not in self.figuren and i not in self.stappen]
        if unknown:
            raise ValueError(f"step {ident} uses unrecorded inputs {unknown}")
        if ident in self.stappen:  # one id, one step: a second one would make the trace a cycle or hide the first
            raise ValueError(f"step {ident} recorded twice")
        self.stappen[ident] = Stap(ident, soort, waarde, eenheid, inputs, tuple(params), formule, waarden)
        return waarde

    def value(self, ident: str) -> Decimal:
        """The number a recorded step or figure holds."""
        return number(self.stappen[ident].waarde if ident in self.stappen else self.figuren[ident].waarde)

    def finish(self, wortels: Iterable[str]) -> Spoor:
        roots = tuple(wortels)
        missing = [r for r in roots if r not in self.stappen]
        if missing:
            raise ValueError(f"unknown root steps {missing}")
        return Spoor(tuple(self.figuren.values()), tuple(self.stappen.values()), roots)
