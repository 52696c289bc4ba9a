"""Rounding where the domain itself rounds: invoiced amounts (a member's contribution, to the cent)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from burgernet_cost.errors import DataError


def quantize(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals. A result too large to show to that many
    places (only data far outside every plausible range gets there) is a data problem, said in
    Dutch, never an internal error."""
    try:
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise DataError(f"een uitkomst is onrealistisch groot ({value:.3e}); controleer de getallen in de data en het scenario") from None
