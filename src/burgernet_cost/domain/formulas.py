"""Every formula of bncost, declared once, as a small expression tree (DOMAIN.md §5, §5.1, §6).

A ``Formule`` is a named expression over named inputs. It has three readers:

* ``compute`` evaluates it with ``Decimal`` over figures and steps already in a trace: it reads each
  input through the trace (the tracing accessor) and records the step with exactly the inputs it
  read, so the trace cannot differ from the arithmetic;
* ``Formule.evaluate`` evaluates it over plain values (calibration in ``validate``, ranges);
* ``Formule.excel`` writes it as a spreadsheet formula over the workbook's cells or named ranges,
  so the workbook computes what the command line computes;
* ``output/wording.py`` writes it in Dutch words and with the numbers ``compute`` recorded on the
  step (``Stap.formule``, ``Stap.waarden``), through the same ``infix`` walk as ``excel``.

An input may name one figure or step, or a list of them: then the formula uses their sum (``Som``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from burgernet_cost.domain.trace import Invoerwaarde, frozen

if TYPE_CHECKING:
    from burgernet_cost.domain.trace import Trace, Waarde


class Expr:
    """A node of a formula (plain classes: a warm run builds them at import, so they stay cheap)."""

    __slots__ = ()

    def __add__(self, other: Expr) -> Expr:
        return Op("+", (self, other))

    def __sub__(self, other: Expr) -> Expr:
        return Op("-", (self, other))

    def __mul__(self, other: Expr) -> Expr:
        return Op("*", (self, other))

    def __truediv__(self, other: Expr) -> Expr:
        return Op("/", (self, other))


class In(Expr):
    """An input by name (one value, or the sum of a list of values)."""

    __slots__ = ("naam",)

    def __init__(self, naam: str) -> None:
        self.naam = naam


class Const(Expr):
    __slots__ = ("waarde",)

    def __init__(self, waarde: Decimal) -> None:
        self.waarde = waarde


class Op(Expr):
    __slots__ = ("args", "op")

    def __init__(self, op: str, args: tuple[Expr, ...]) -> None:
        self.op, self.args = op, args


class Afgerond(Expr):
    """Rounded half up to ``plaatsen`` decimals (an amount that is invoiced)."""

    __slots__ = ("arg", "plaatsen")

    def __init__(self, arg: Expr, plaatsen: int) -> None:
        self.arg, self.plaatsen = arg, plaatsen


def _compile(e: Expr) -> Callable[[Mapping[str, Decimal]], Decimal]:
    """The expression as one Python function (built once per formula, not walked per evaluation)."""
    if isinstance(e, In):
        name = e.naam
        return lambda v: v[name]
    if isinstance(e, Const):
        c = e.waarde
        return lambda v: c
    if isinstance(e, Afgerond):
        arg, exp = _compile(e.arg), Decimal(1).scaleb(-e.plaatsen)
        return lambda v: arg(v).quantize(exp, rounding=ROUND_HALF_UP)
    assert isinstance(e, Op)
    a, b = (_compile(x) for x in e.args)
    if e.op == "+":
        return lambda v: a(v) + b(v)
    if e.op == "-":
        return lambda v: a(v) - b(v)
    if e.op == "*":
        return lambda v: a(v) * b(v)
    return lambda v: a(v) / b(v)


PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def infix(
    e: Expr,
    leaf: Callable[[str], str],
    const: Callable[[Decimal], str],
    rounded: Callable[[str, int], str],
    symbols: Mapping[str, str] | None = None,
    parent: str = "",
    right: bool = False,
) -> str:
    """The expression written out in infix with the parentheses it needs: ``leaf`` writes an input
    by name, ``const`` a constant, ``rounded`` a rounding of a written argument; ``symbols`` the
    operators (Excel's '*', the explanation's ' × '). The one place that knows precedence."""
    sym = symbols or {}
    if isinstance(e, In):
        return leaf(e.naam)
    if isinstance(e, Const):
        return const(e.waarde)
    if isinstance(e, Afgerond):
        return rounded(infix(e.arg, leaf, const, rounded, symbols), e.plaatsen)
    assert isinstance(e, Op)
    left, rest = e.args[0], e.args[1:]
    op = sym.get(e.op, e.op)
    text = infix(left, leaf, const, rounded, symbols, e.op) + "".join(
        op + infix(x, leaf, const, rounded, symbols, e.op, right=True) for x in rest
    )
    mine, theirs = PRECEDENCE[e.op], PRECEDENCE.get(parent, 0)
    needs = mine < theirs or (mine == theirs and right and parent in "-/")
    return f"({text})" if needs else text


def _excel(e: Expr, cells: Mapping[str, str]) -> str:
    return infix(e, cells.__getitem__, lambda c: format(c, "f"), lambda arg, places: f"ROUND({arg},{places})")


def _names(e: Expr) -> list[str]:
    if isinstance(e, In):
        return [e.naam]
    if isinstance(e, Afgerond):
        return _names(e.arg)
    if isinstance(e, Op):
        return [n for x in e.args for n in _names(x)]
    return []


class Formule:
    """A named formula: its expression, the unit of its result, its inputs and its compiled function."""

    __slots__ = ("_fn", "eenheid", "expr", "invoer", "naam")

    def __init__(self, naam: str, expr: Expr, eenheid: str) -> None:
        self.naam, self.expr, self.eenheid = naam, expr, eenheid
        self.invoer: tuple[str, ...] = tuple(dict.fromkeys(_names(expr)))
        self._fn = _compile(expr)

    def evaluate(self, values: Mapping[str, Decimal | int]) -> Decimal:
        return self._fn({k: v if isinstance(v, Decimal) else Decimal(v) for k, v in values.items()})

    def excel(self, cells: Mapping[str, str]) -> str:
        """'=MaandenPerJaar*C5*Uurtarief' over the cells (or named ranges) of the inputs."""
        return "=" + _excel(self.expr, cells)


def _f(naam: str, expr: Expr, eenheid: str) -> Formule:
    return Formule(naam, expr, eenheid)


UREN, INWONERS, MAANDEN, UURTARIEF = In("uren"), In("inwoners"), In("maanden"), In("uurtarief")

#: the formulas, by the kind of step they compute
FORMULES: dict[str, Formule] = {
    f.naam: f
    for f in (
        _f("uren_per_maand.pakket", In("som_uren") * INWONERS / In("som_inwoners"), "uur/maand"),
        _f("uren_per_maand.per_gemeente", In("som_uren") / In("waarnemingen") * In("gemeenten"), "uur/maand"),
        _f("uren_per_maand", In("delen"), "uur/maand"),
        _f("fte", UREN / In("uren_per_fte"), "fte"),
        _f("kosten_per_jaar", MAANDEN * UREN * UURTARIEF, "€/jaar"),
        _f("per_inwoner", In("kosten") / INWONERS, "€/inwoner/jaar"),
        _f("totaal", In("delen"), ""),
        _f("uurtarief.opgegeven", In("uurtarief"), "€/uur"),
        _f("uurtarief.salaris", In("maandsalaris") * In("factor") / In("uren_per_maand"), "€/uur"),
        _f("toeslagfactor", Const(Decimal(1)) + In("procenten") / Const(Decimal(100)), "factor"),
        _f("cao_stap.procent", In("maandsalaris") * (Const(Decimal(1)) + In("procent") / Const(Decimal(100))), "€/maand"),
        _f("cao_stap.bedrag", In("maandsalaris") + In("verhoging"), "€/maand"),
        _f("uurtarief.integraal", (In("loonkosten") + In("overhead")) / In("productieve_uren"), "€/uur"),
        _f("tarief_na_schaalvoordeel", In("tarief") * (Const(Decimal(1)) - In("schaalvoordeel") / Const(Decimal(100))), "€/inwoner/jaar"),
        _f("model.bijdrage", In("tarief") * INWONERS, "€/jaar"),
        _f("model.totaal", In("eigen_kosten") + In("bijdrage"), "€/jaar"),
        _f("lid.bijdrage", Afgerond(In("tarief") * INWONERS, 2), "€/jaar"),
        _f("advies_aanvullend", In("volledig") - In("basis"), "€/inwoner/jaar"),
        _f("advies_geindexeerd", In("bedrag") * In("factor"), "€/inwoner/jaar"),
        _f("advies.loonindex", In("uurtarief") / In("uurtarief_prijspeil"), ""),
    )
}


Invoer = str | Sequence[str] | Decimal | int


def compute(
    trace: Trace,
    ident: str,
    naam: str,
    invoer: Mapping[str, Invoer],
    /,
    *,
    soort: str | None = None,
    eenheid: str | None = None,
    keuze: Sequence[str] = (),
    volgorde: Sequence[str] | None = None,
    extra: Sequence[tuple[str, Waarde]] = (),
    **params: Waarde,
) -> Decimal:
    """Evaluate formula ``naam`` over recorded figures and steps and record the result as step
    ``ident`` with exactly the inputs it read. ``invoer``: input name -> an id, a list of ids (their
    sum), or a number that is no figure (a count). ``keuze``: figures that chose this formula (a
    scaling), recorded as inputs too; ``volgorde``: the order in which the inputs are shown."""
    formule = FORMULES[naam]
    values: dict[str, Decimal] = {}
    shown: list[Invoerwaarde] = []
    ids: list[str] = []
    for name in formule.invoer:
        given = invoer[name]
        if isinstance(given, (Decimal, int)):
            values[name] = Decimal(given)
            shown.append(Invoerwaarde(name, values[name], "", (values[name],), True))
            continue
        refs = [given] if isinstance(given, str) else list(given)
        terms = tuple(trace.value(r) for r in refs)
        values[name] = sum(terms, Decimal(0))
        units = [trace.stappen[r].eenheid if r in trace.stappen else trace.figuren[r].eenheid for r in refs]
        written = not any(r in trace.stappen for r in refs)
        shown.append(Invoerwaarde(name, values[name], units[0] if units else "", terms, written))
        ids += refs
    ids += keuze
    if volgorde is not None:
        if set(volgorde) != set(ids):
            raise ValueError(f"step {ident}: the order names other inputs than the formula reads")
        ids = list(volgorde)
    value = formule.evaluate(values)
    unit = formule.eenheid if eenheid is None else eenheid
    trace.step(ident, soort or naam, value, unit, ids, frozen({**dict(extra), **params}), formule=naam, waarden=tuple(shown))
    return value


def unquantified(trace: Trace, ident: str, flag: str, **params: Waarde) -> None:
    """Record that a quantity has no value (a taakgebied the report does not quantify), read from
    ``flag``: a step without a number, so that no figure can stand in for it."""
    trace.step(ident, "niet_gekwantificeerd", None, "", [flag], frozen(params))
