"""The ``bncost`` command line (see ``app``): options -> one library call -> view -> renderer.

``main`` is the console script's entry point. It imports the app itself, so that Ctrl-C while
Python is still importing ends with a Dutch line and exit code 130, never a traceback.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # see burgernet_cost/__init__.py: nothing slow is imported before main's guard
if TYPE_CHECKING:
    from typing import Any


def main(argv: list[str] | None = None) -> int:
    try:
        from burgernet_cost.cli.app import main as run

        return run(argv)
    except KeyboardInterrupt:
        try:
            sys.stderr.write("Fout: afgebroken (Ctrl-C)\n")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError, KeyboardInterrupt):
            pass
        return 130


def __getattr__(name: str) -> Any:
    if name == "build":
        from burgernet_cost.cli.app import build

        return build
    raise AttributeError(name)


__all__ = ["build", "main"]
