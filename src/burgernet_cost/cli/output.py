"""Writing a report to standard output: the one place the CLI writes results."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def emit(report: Any, fmt: str) -> None:
    from burgernet_cost.output.renderers import render

    text = render(report, fmt)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def shown(path: Path) -> str:
    """A path as the user should read it (relative to the working directory when inside it)."""
    from burgernet_cost.data.reading import display_path

    return display_path(path)
