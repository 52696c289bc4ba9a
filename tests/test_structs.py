"""burgernet_cost.structs: the light records behave as the frozen dataclasses they replace."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from burgernet_cost.structs import COMPILE_AFTER, FrozenInstanceError, field, fields, replace, struct


@struct
class Punt:
    naam: str
    waarde: int = 0
    labels: list[str] = field(default_factory=list, compare=False, repr=False)


@struct
class Meer(Punt):
    extra: tuple[int, ...] = ()


@struct(frozen=False)
class Open:
    teller: int = 0


@dataclasses.dataclass(frozen=True)
class Zelfde:
    naam: str
    waarde: int = 0
    labels: list[str] = dataclasses.field(default_factory=list, compare=False, repr=False)


def test_like_a_frozen_dataclass() -> None:
    ours, theirs = Punt("a", 1, ["x"]), Zelfde("a", 1, ["x"])
    assert repr(ours).replace("Punt", "Zelfde") == repr(theirs)
    assert ours == Punt("a", 1) and ours != Punt("a", 2) and ours != Meer("a", 1)
    assert hash(ours) == hash(Punt("a", 1, ["y"]))  # labels is not compared, so not hashed
    assert Punt("b").labels == [] and Punt("b").labels is not Punt("b").labels
    with pytest.raises(FrozenInstanceError):
        ours.waarde = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del ours.naam  # type: ignore[misc]
    assert isinstance(FrozenInstanceError("x"), AttributeError)


def test_inheritance_replace_fields_copy() -> None:
    m = Meer("a", extra=(1, 2))
    assert [f.name for f in fields(m)] == ["naam", "waarde", "labels", "extra"]
    assert replace(m, waarde=5) == Meer("a", 5, extra=(1, 2))
    with pytest.raises(TypeError, match="geen_veld"):
        replace(m, geen_veld=1)
    assert pickle.loads(pickle.dumps(m)) == m and copy.deepcopy(m) == m
    with pytest.raises(TypeError):
        fields(object())


def test_mutable_and_errors() -> None:
    o = Open()
    o.teller += 1
    assert o == Open(1) and Open.__hash__ is None
    with pytest.raises(TypeError, match="follows one with a default"):

        @struct
        class Fout:
            a: int = 1
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError):
        Punt()  # type: ignore[call-arg]


def test_init_is_compiled_once_a_class_makes_many() -> None:
    """Defining a record costs almost nothing; the first instances go through a generic __init__
    (same arguments, same errors), then the class's own is compiled."""

    @struct
    class Later:
        a: int
        b: str = "x"

    @struct
    class Erft(Later):
        c: int = 0

    lazy = Later.__dict__["__init__"]
    for _ in range(2):  # generic, then compiled: the same behaviour
        assert Later(1) == Later(a=1, b="x") == Later(1, "x") and Erft(1, "y", 2).c == 2
        assert Erft(b="z", a=3) == Erft(3, "z", 0) and list(vars(Erft(b="z", a=3))) == ["a", "b", "c"]
        for bad in ({}, {"b": "y"}, {"a": 1, "zz": 2}):
            with pytest.raises(TypeError):
                Later(**bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Later(1, "x", 3)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            Later(1, a=2)  # type: ignore[misc]
        for n in range(COMPILE_AFTER + 1):
            Later(n)
    assert Later.__dict__["__init__"] is not lazy
