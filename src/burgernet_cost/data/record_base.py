"""The base of the plain records (``data/record_types/`` defines one class per model on it): immutable,
attribute access over the fields, the model's name as the class name. ``data/records.py`` makes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import ClassVar


def short_source(sectie: str | None, urls: list[str], document: str | None) -> str:
    """Short human citation: '§4.1.2' or the first URL (shared by the model and the record)."""
    if sectie:
        return sectie if sectie.lower().startswith(("bijlage", "rapport")) else "§" + sectie.replace("; ", ", §")
    if urls:
        return urls[0]
    return document or ""


#: record class by model name: every subclass of ``Record`` (the generated ones and ``BronRecord``)
RECORD_TYPES: dict[str, type[Record]] = {}


class Record:
    """An immutable record: attribute access over its fields; its class is named after its model, and
    its class's annotations (``data/record_types/``) are the types of its fields."""

    __slots__ = ("_fields",)
    _fields: dict[str, object]
    if TYPE_CHECKING:  # set by __init_subclass__; not an annotation at run time, where annotations are the fields
        #: the names of its fields: what its class and the classes it extends annotate
        FIELD_NAMES: ClassVar[frozenset[str]]

    def __init_subclass__(cls) -> None:
        RECORD_TYPES[cls.__name__] = cls
        cls.FIELD_NAMES = frozenset(name for c in cls.__mro__ if c is not Record for name in vars(c).get("__annotations__", {}))

    def __init__(self, fields: dict[str, object]) -> None:
        object.__setattr__(self, "_fields", fields)

    if not TYPE_CHECKING:  # for mypy a record has the fields its class declares, no others

        def __getattr__(self, name: str) -> object:
            if name.startswith("__") or name == "_fields":  # copy and pickle ask for __setstate__ before _fields is set
                raise AttributeError(name)
            try:
                return self._fields[name]
            except KeyError:
                raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self.record_type} is immutable")

    def __reduce__(self) -> tuple[type[Record], tuple[dict[str, object]]]:
        """copy, deepcopy and pickle make the record anew from its fields (it refuses assignment)."""
        return (type(self), (self._fields,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and (type(self), self._fields) == (type(other), other._fields)

    def __hash__(self) -> int:
        """Consistent with ``==``: the type and, where the record has one, its id (records as keys do
        not all fall into one bucket)."""
        ident = self._fields.get("id")
        return hash((type(self).__name__, ident if isinstance(ident, str | int) else None))

    def __repr__(self) -> str:
        return f"{self.record_type}({', '.join(f'{k}={v!r}' for k, v in self._fields.items())})"

    @property
    def record_type(self) -> str:
        """The name of the model it came from."""
        return type(self).__name__

    @property
    def field_names(self) -> list[str]:
        return list(self._fields)

    def field(self, name: str) -> object:
        """A field by name (for walks over any record)."""
        return self._fields[name]


class BronRecord(Record):
    __slots__ = ()

    @property
    def urls(self) -> list[str]:
        url = self._fields.get("url")
        if url is None:
            return []
        return [url] if isinstance(url, str) else [str(u) for u in url] if isinstance(url, list) else []

    def kort(self) -> str:
        sectie, document = self._fields.get("sectie"), self._fields.get("document")
        return short_source(sectie if isinstance(sectie, str) else None, self.urls, document if isinstance(document, str) else None)
