"""Pydantic models of ``tasks.yaml``: task areas, subjects, roles, the tasks of chapter 3 and
Bijlage 1, and the lines of Bijlage 2 with their mapping to chapter 3."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from burgernet_cost.data.models import Bron, Bronvermelding, DocumentBron, Id, Model, Pakket, Tekst


class Taakgebied(Model):
    id: Id
    naam: Tekst
    omschrijving: Tekst
    gekwantificeerd: bool
    bron: Bron


class Onderwerp(Model):
    id: Id
    naam: Tekst


class Voetnoot(Model):
    """A footnote of the report, word for word, and the words it is attached to."""

    nummer: Annotated[int, Field(ge=1)]
    bij: Tekst
    tekst: Tekst


class Rol(Model):
    id: Id
    naam: Tekst
    organisatie: Literal["gemeente", "politie"]
    taakgebied: Id | None = None
    bron: Bron
    toelichting: Tekst | None = None
    voetnoten: list[Voetnoot] = []

    @model_validator(mode="after")
    def _municipal_roles_have_area(self) -> Rol:
        if self.organisatie == "gemeente" and not self.taakgebied:
            raise ValueError("een gemeentelijke rol hoort bij een taakgebied")
        if self.organisatie == "politie" and self.taakgebied:
            raise ValueError("een politierol heeft geen (gemeentelijk) taakgebied")
        return self


class Taak(Model):
    id: Id
    rol: Id
    pakket: Pakket | None = None
    onderwerp: Id
    sectie: Tekst
    tekst: Tekst
    deel_van: Id | None = None
    voetnoten: list[Voetnoot] = []


class Bijlage2Regel(Model):
    """One line of Bijlage 2, word for word, with the chapter-3 tasks of the same role it matches."""

    id: Id
    rol: Id
    onderwerp: Id
    tekst: Tekst
    kop: bool = False  # groups the lines below it; needs no task of its own
    eigen_werk: bool = False  # a heading that names work the lines below it do not cover: unmatched, it is a gap
    komt_overeen_met: list[Id] = []

    @model_validator(mode="after")
    def _own_work_is_a_heading(self) -> Bijlage2Regel:
        if self.eigen_werk and not self.kop:
            raise ValueError("'eigen_werk' geldt alleen voor een kop (kop: true)")
        return self


class EldersGenoemd(Bronvermelding):
    """Work the report gives the municipality outside chapter 3 (no task, not in the hours): a recorded gap."""

    id: Id
    tekst: Tekst
    rol_in_rapport: Id  # the role whose section names it


class Bijlage2(Bronvermelding):
    """Bijlage 2's lines; their text is published, the mapping to chapter 3 is derived (``methode``)."""

    regels: list[Bijlage2Regel] = Field(min_length=1)


class TasksFile(Model):
    bron: DocumentBron
    onderwerp_methode: Tekst
    taakgebieden: list[Taakgebied] = Field(min_length=1)
    onderwerpen: list[Onderwerp] = Field(min_length=1)
    rollen: list[Rol] = Field(min_length=1)
    taken: list[Taak] = Field(min_length=1)
    elders_genoemd: list[EldersGenoemd] = []
    bijlage2: Bijlage2 | None = None
