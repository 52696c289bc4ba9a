"""The ``bncost`` command line (see ``app``): options -> one library call -> view -> renderer."""

from burgernet_cost.cli.app import build, main

__all__ = ["build", "main"]
