"""The codes of the domain (``domain/codes.py``) are the codes of the data, the output and the source:
every note code is worded and every wording has a code; the data's statuses and packages are the
domain's. A typo in a code is a mypy error (Literal types); these tests keep the lists in step."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

from burgernet_cost.domain import codes

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "burgernet_cost"


def _note_codes_in_source() -> dict[str, list[str]]:
    """Every ``notitie("code", ...)`` in the package: code -> the modules that write it."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "notitie":
                first = node.args[0]
                assert isinstance(first, ast.Constant), f"{path.name}:{node.lineno}: a note code that is not written out"
                found.setdefault(first.value, []).append(path.name)
    return found


def test_every_note_code_is_worded_and_every_wording_has_a_code() -> None:
    from burgernet_cost.output.wording import NOTES

    assert sorted(NOTES) == sorted(codes.NOTE_CODES)


def test_every_note_code_is_written_somewhere_and_only_known_codes_are() -> None:
    used = _note_codes_in_source()
    assert sorted(set(used) - set(codes.NOTE_CODES)) == []
    assert sorted(set(codes.NOTE_CODES) - set(used)) == []


def test_the_data_speaks_the_domains_codes() -> None:
    from burgernet_cost.data import models

    assert set(typing.get_args(models.Status)) == set(codes.STATUSES) - {"invoer"}  # 'invoer': what the user typed
    assert set(typing.get_args(models.PakketOfVolledig)) == set(codes.PAKKETTEN)
    assert set(codes.WEAK_STATUSES) < set(codes.STATUSES)


def test_every_status_has_its_words() -> None:
    from burgernet_cost.output.wording import STATUS_LABELS, STATUS_TEXT

    assert set(codes.STATUSES) <= set(STATUS_TEXT)
    assert set(codes.STATUSES) - {"invoer"} == set(STATUS_LABELS)


def test_status_refuses_an_unknown_word() -> None:
    import pytest

    assert codes.status("aanname") == "aanname"
    with pytest.raises(ValueError, match="unknown status"):
        codes.status("aanamne")


def test_the_models_the_code_names_are_in_the_data(dataset) -> None:
    ids = {m.id for m in dataset.models.modellen}
    assert set(typing.get_args(codes.ModelCode)) <= ids
