"""Pydantic models of ``gemeenten.yaml``: the CBS tables per year and their documented totals."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from burgernet_cost.data.models import Bronvermelding, Datum, Model, Status, Tekst


class GemeentenBron(Model):
    document: Tekst
    url: Tekst
    attributie: Tekst
    status: Status


class EenheidTotaal(Model):
    gemeenten: Annotated[int, Field(gt=0, le=10_000)]
    inwoners: Annotated[int, Field(gt=0, le=100_000_000)]


class Jaartabel(Bronvermelding):
    jaar: Annotated[int, Field(ge=1900, le=2100)]
    peildatum: Datum
    bestand: Tekst
    aantal_gemeenten: Annotated[int, Field(gt=0, le=10_000)]
    inwoners_totaal: Annotated[int, Field(gt=0, le=100_000_000)]
    toelichting: Tekst | None = None
    politie_eenheid_status: Status
    politie_eenheid_methode: Tekst
    totalen_per_eenheid: dict[str, EenheidTotaal] = {}


class Alias(Model):
    alias: Tekst
    gemeente: Tekst
    toelichting: Tekst | None = None


class Bevolkingsreeks(Bronvermelding):
    """Inhabitants per municipality per year (long format), for ``bncost reeks``."""

    bestand: Tekst
    toelichting: Tekst | None = None


class Herindelingen(Bronvermelding):
    """Municipal reorganisations: which code ended on which date and went into which municipality
    (``geheel``: whole, or ``deels``: a part, one row per receiving municipality)."""

    bestand: Tekst
    toelichting: Tekst | None = None


class Rapportsituatie(Bronvermelding):
    """The situation the report describes: the CBS year of the inhabitants that were current when
    it appeared (the default of every command without --jaar or --peildatum)."""

    inwoners_jaar: Annotated[int, Field(ge=1900, le=2100)]
    toelichting: Tekst | None = None


class GemeentenFile(Model):
    bron: GemeentenBron
    jaren: list[Jaartabel] = Field(min_length=1)
    rapportsituatie: Rapportsituatie | None = None  # absent (older data): the oldest table's year
    bevolkingsreeks: Bevolkingsreeks | None = None
    herindelingen: Herindelingen | None = None
    aliassen: list[Alias] = []
