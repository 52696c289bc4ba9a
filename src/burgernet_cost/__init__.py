"""bncost: cost calculator and model comparison for the municipal Burgernet tasks.

Computes, from the figures in ``data/`` (the report *Gemeentelijke taken Burgernet*,
Programmabureau Burgernet, 2014), what the municipal tasks cost in hours, FTE and euros, and
what a municipality pays under each organisation model (inrichtingsmodel).

Every command is a library call::

    import burgernet_cost as bn

    ds = bn.load_dataset()                       # the shipped data (or a folder, a scenario, --set)
    s = bn.estimate(ds, 54600, "basis")          # Schatting: lines, totals, the recorded trace
    v = bn.compare(ds, 54600, "volledig")        # Vergelijking: the three models
    leden, naam = bn.select_members(ds.gemeenten(), 2024, "eenheid", "Limburg")
    r = bn.region(ds, naam, leden)               # Regio: contributions, executor fte and budget
    bn.validate("data")                          # Validation: findings
    bn.diff(bn.load_dataset("old"), ds)          # key figures side by side

The names are imported on first use, so ``import burgernet_cost`` stays light.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing takes ~10 ms, a window in which Ctrl-C gives a traceback
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.2.0"

_EXPORTS = {
    "load_dataset": "burgernet_cost.data.loading",
    "estimate": "burgernet_cost.domain.estimate",
    "compare": "burgernet_cost.domain.compare",
    "region": "burgernet_cost.domain.region",
    "select_members": "burgernet_cost.domain.region",
    "validate": "burgernet_cost.domain.validation",
    "diff": "burgernet_cost.domain.diff",
    "TariefKeuze": "burgernet_cost.domain.rate",
    "uurtarief": "burgernet_cost.domain.rate",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'burgernet_cost' has no attribute {name!r}")
