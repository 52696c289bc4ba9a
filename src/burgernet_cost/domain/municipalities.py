"""Selecting municipalities from the CBS tables (``bncost gemeenten``)."""

from __future__ import annotations

from burgernet_cost.data.municipalities import Gemeente, Gemeenten, fold
from burgernet_cost.errors import UsageProblem, quote


def filter_municipalities(
    gemeenten: Gemeenten, jaar: int, eenheid: str | None = None, veiligheidsregio: str | None = None, zoek: str | None = None
) -> tuple[list[Gemeente], dict[str, str]]:
    """The municipalities of ``jaar`` that match every filter given, and the filters as applied
    (the politie-eenheid and veiligheidsregio by their full names)."""
    rows = list(gemeenten.lijst(jaar))
    applied: dict[str, str] = {}
    if eenheid is not None:
        applied["eenheid"] = gemeenten.kies_gebied(eenheid, gemeenten.eenheden(jaar), "politie-eenheid", "eenheid")
        rows = [g for g in rows if g.politie_eenheid == applied["eenheid"]]
    if veiligheidsregio is not None:
        applied["veiligheidsregio"] = gemeenten.kies_gebied(
            veiligheidsregio, gemeenten.veiligheidsregios(jaar), "veiligheidsregio", "veiligheidsregio"
        )
        rows = [g for g in rows if g.veiligheidsregio == applied["veiligheidsregio"]]
    if zoek is not None:
        key = fold(zoek)
        if not key:
            raise UsageProblem("geef letters of cijfers om op te zoeken", field="zoek")
        rows = [g for g in rows if key in fold(g.naam) or key == fold(g.code)]
        applied["zoek"] = zoek
        if not rows:
            raise UsageProblem(f"geen gemeente gevonden met {quote(zoek)} in {jaar}", field="zoek")
    return rows, applied
