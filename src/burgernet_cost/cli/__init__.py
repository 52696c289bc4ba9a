"""The ``bncost`` command line (see ``app``): options -> one library call -> view -> renderer.

``main`` is the console script's entry point. It imports the app itself, so that Ctrl-C while
Python is still importing ends with a Dutch line and exit code 130, never a traceback.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def main(argv: list[str] | None = None) -> int:
    try:
        from burgernet_cost.cli.app import main as run

        return run(argv)
    except KeyboardInterrupt:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write("Fout: afgebroken (Ctrl-C)\n")
        return 130


def __getattr__(name: str) -> Any:
    if name == "build":
        from burgernet_cost.cli.app import build

        return build
    raise AttributeError(name)


__all__ = ["build", "main"]
