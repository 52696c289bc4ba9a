"""Rounding where the domain itself rounds: invoiced amounts (a member's contribution, to the cent)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
