"""Light records: what ``@dataclass(frozen=True)`` gives bncost, at a fraction of its cost to define.

``dataclasses`` writes five or six methods per class as source text and compiles each one when the
module is imported: about 1,7 ms per frozen class on this machine, some 35 ms for the 26 classes an
``estimate`` imports, as much as everything else bncost does in that run (issue "Each formula
once": start-up). ``struct`` compiles only ``__init__`` (the one method whose speed matters when
thousands of figures are made), and only for a class that makes many instances (the first ones go
through a generic ``__init__``); it shares generic ``__eq__``, ``__hash__``, ``__repr__`` and the
frozen ``__setattr__``. Defining a class costs some 0,02 ms.

What it supports is what bncost uses: fields in annotation order (inherited fields first), plain
defaults, ``field(default=…, default_factory=…, compare=…, repr=…)``, ``frozen`` (the default),
``eq``; ``replace`` and ``fields`` as in ``dataclasses``. Type checkers read it as a dataclass
(``typing.dataclass_transform``, PEP 681).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record (as ``dataclasses.FrozenInstanceError``)."""


class Field:
    __slots__ = ("compare", "default", "default_factory", "name", "repr")

    def __init__(self, default: Any, default_factory: Any, compare: bool, repr: bool) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr

    @property
    def required(self) -> bool:
        return self.default is MISSING and self.default_factory is MISSING


@overload
def field(*, default: _T, compare: bool = True, repr: bool = True) -> _T: ...
@overload
def field(*, default_factory: Callable[[], _T], compare: bool = True, repr: bool = True) -> _T: ...
@overload
def field(*, compare: bool = True, repr: bool = True) -> Any: ...
def field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    compare: bool = True,
    repr: bool = True,
) -> Any:
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("field: default and default_factory exclude each other")
    return Field(default, default_factory, compare, repr)


@overload
def struct(cls: type[_T], /) -> type[_T]: ...
@overload
def struct(*, frozen: bool = True, eq: bool = True) -> Callable[[type[_T]], type[_T]]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def struct(cls: Any = None, /, *, frozen: bool = True, eq: bool = True) -> Any:
    """Make ``cls`` a record (see the module's docstring)."""

    def wrap(cls: type[_T]) -> type[_T]:
        return _build(cls, frozen, eq)

    return wrap if cls is None else wrap(cls)


def fields(obj: object) -> tuple[Field, ...]:
    found: tuple[Field, ...] | None = getattr(obj, "__struct_fields__", None)
    if found is None:
        raise TypeError(f"{type(obj).__name__} is not a struct")
    return found


def replace(obj: _T, /, **changes: object) -> _T:
    """A copy of ``obj`` with ``changes`` (as ``dataclasses.replace``)."""
    values: dict[str, object] = {f.name: getattr(obj, f.name) for f in fields(obj)}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field(s) {', '.join(sorted(unknown))}")
    values.update(changes)
    return type(obj)(**values)


# --------------------------------------------------------------------------- building a class


def _build(cls: type[_T], frozen: bool, eq: bool) -> type[_T]:
    own = _own_fields(cls)
    inherited = [f for base in reversed(cls.__mro__[1:]) for f in getattr(base, "__struct_fields__", ())]
    merged = {f.name: f for f in (*inherited, *own)}
    all_fields = tuple(merged.values())
    shown = tuple(f.name for f in all_fields if f.repr)
    methods: dict[str, object] = {
        "__struct_fields__": all_fields,
        "__init__": _lazy_init(cls, all_fields, frozen),
        "__repr__": _make_repr(shown),
    }
    if eq:
        key = _getter(tuple(f.name for f in all_fields if f.compare))
        methods["__eq__"] = _make_eq(key)
        methods["__hash__"] = _make_hash(key) if frozen else None
    if frozen:
        methods["__setattr__"] = _frozen_setattr
        methods["__delattr__"] = _frozen_delattr
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


def _own_fields(cls: type) -> list[Field]:
    out = []
    for name, annotation in vars(cls).get("__annotations__", {}).items():
        if "ClassVar" in str(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(value, MISSING, True, True)
        f.name = name
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        out.append(f)
    return out


#: instances a record class makes through the generic __init__ before its own is compiled
COMPILE_AFTER = 32


def _lazy_init(cls: type, all_fields: tuple[Field, ...], frozen: bool) -> Callable[..., None]:
    """A generic ``__init__`` for a class's first instances; after ``COMPILE_AFTER`` of them it compiles
    the class's own (faster per instance) and puts it in its place. A run pays the compiling only for
    the classes it makes many of: compiling is most of what a class costs to define."""
    names = tuple(f.name for f in all_fields)
    position = {name: n for n, name in enumerate(names)}
    seen_default = False
    for f in all_fields:  # the order is checked now, not at the first instance
        if f.required and seen_default:
            raise TypeError(f"{cls.__name__}: field {f.name!r} without a default follows one with a default")
        seen_default = seen_default or not f.required
    made = 0

    def __init__(self: object, *args: object, **kwargs: object) -> None:
        nonlocal made
        made += 1
        if made > COMPILE_AFTER:
            real = _make_init(cls, all_fields, frozen)
            type.__setattr__(cls, "__init__", real)
            real(self, *args, **kwargs)
            return
        if len(args) > len(names):
            raise TypeError(f"{cls.__qualname__}() takes {len(names)} arguments but {len(args)} were given")
        for name in kwargs:
            if position.get(name, -1) < len(args):
                what = "an unexpected" if name not in position else "a second value for"
                raise TypeError(f"{cls.__qualname__}() got {what} argument {name!r}")
        given = dict(zip(names, args, strict=False))
        values = self.__dict__
        for f in all_fields:
            if f.name in given:
                values[f.name] = given[f.name]
            elif f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            elif f.default is not MISSING:
                values[f.name] = f.default
            else:
                raise TypeError(f"{cls.__qualname__}() missing required argument: {f.name!r}")

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _make_init(cls: type, all_fields: tuple[Field, ...], frozen: bool) -> Callable[..., None]:
    namespace: dict[str, Any] = {"_MISSING": MISSING}
    params, body = [], []
    for f in all_fields:  # the order of defaults was checked by _lazy_init
        if f.required:
            params.append(f.name)
            value = f.name
        elif f.default_factory is not MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            value = f"_factory_{f.name}() if {f.name} is _MISSING else {f.name}"
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
            value = f.name
        body.append(f"_d[{f.name!r}] = {value}")
    lines = [f"def __init__({', '.join(['self', *params])}):"]
    lines.append("    _d = self.__dict__" if body else "    pass")
    lines += [f"    {line}" for line in body]
    exec("\n".join(lines), namespace)  # our own generated source, as dataclasses does
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _getter(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    if not names:
        return lambda _obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    many: Callable[[object], tuple[object, ...]] = attrgetter(*names)
    return many


def _make_repr(names: tuple[str, ...]) -> Callable[[object], str]:
    def __repr__(self: object) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"

    return __repr__


def _make_eq(key: Callable[[object], tuple[object, ...]]) -> Callable[[object, object], bool]:
    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) == key(other)

    return __eq__


def _make_hash(key: Callable[[object], tuple[object, ...]]) -> Callable[[object], int]:
    def __hash__(self: object) -> int:
        return hash(key(self))

    return __hash__


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
