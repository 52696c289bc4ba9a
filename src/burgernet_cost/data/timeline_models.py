"""Pydantic models of ``tijdlijn.yaml``: dated events after the report, with their sources."""

from __future__ import annotations

from pydantic import Field

from burgernet_cost.data.models import Bronvermelding, Datum, DocumentBron, Id, Model, Tekst


class Gebeurtenis(Bronvermelding):
    """A dated event after the report that changes what a result means."""

    id: Id
    datum: Datum
    datum_toelichting: Tekst | None = None
    gebeurtenis: Tekst
    gevolg: Tekst | None = None  # what it means for a bncost result; None: context only


class TijdlijnFile(Model):
    bron: DocumentBron
    toelichting: Tekst
    gebeurtenissen: list[Gebeurtenis] = Field(min_length=1)
