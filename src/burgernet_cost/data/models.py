"""Pydantic models of the data files. YAML keys are these field names (no alias layer).

Every model forbids unknown keys and is strict about types; numbers that are amounts are
``Decimal`` (the YAML loader never produces floats). Messages raised here are Dutch: they reach
the user as ``file:line: key.path: message``.
"""

from __future__ import annotations

import os

# bncost's validation uses no pydantic plugin; without this, pydantic reads the entry points of
# every installed distribution on the first model, which grows with the environment. Documented at
# https://docs.pydantic.dev/latest/concepts/plugins/ ("PYDANTIC_DISABLE_PLUGINS").
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Status = Literal["gepubliceerd", "afgeleid", "aanname", "secundair"]
Pakket = Literal["basis", "aanvullend"]
PakketOfVolledig = Literal["basis", "aanvullend", "volledig"]


def _int_to_decimal(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _check_date(value: str) -> str:
    """A plain JJJJ-MM-DD date (not every form Python's fromisoformat accepts, such as 2024-W01-1)."""
    from burgernet_cost.data.reading import is_plain_date

    if not is_plain_date(value):
        raise ValueError(f"'{value[:40]}' is geen geldige datum (JJJJ-MM-DD)")
    return value


MAX_BEDRAG = 10_000_000  # euro per month or per year of one fte: far above any salary scale
MAX_PER_INWONER = 1_000  # euro per inhabitant per year
MAX_UREN = 100_000  # hours per month for one task area (the report's 342 h serve 3,1 million inhabitants)
MAX_INWONERS = 100_000_000  # as --inwoners
MAX_UURTARIEF = 10_000  # as --uurtarief

# Every figure has a plausible range, so that an absurd value (a typo of twenty digits, a
# scenario's 1e15) is refused where it is read, never an overflow later on.
_D = BeforeValidator(_int_to_decimal)
Getal = Annotated[Decimal, _D, Field(ge=-MAX_BEDRAG, le=MAX_BEDRAG)]
PositiefGetal = Annotated[Decimal, _D, Field(gt=0, le=MAX_BEDRAG)]
Bedrag = Annotated[Decimal, _D, Field(ge=0, le=MAX_BEDRAG)]
Uren = Annotated[Decimal, _D, Field(gt=0, le=MAX_UREN)]
PerInwoner = Annotated[Decimal, _D, Field(ge=0, le=MAX_PER_INWONER)]
Afronding = Annotated[Decimal, _D, Field(gt=0, le=MAX_PER_INWONER)]
Uurtarief = Annotated[Decimal, _D, Field(gt=0, le=MAX_UURTARIEF)]
UrenPerWeek = Annotated[Decimal, _D, Field(ge=1, le=7 * 24)]
UrenPerMaand = Annotated[Decimal, _D, Field(ge=1, le=31 * 24)]
UrenPerJaar = Annotated[Decimal, _D, Field(ge=1, le=366 * 24)]
Inwoners = Annotated[int, Field(gt=0, le=MAX_INWONERS)]
Datum = Annotated[str, AfterValidator(_check_date)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
Tekst = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Bron(Model):
    """Where a figure comes from: a report section, a document and/or URL(s), optionally a quote."""

    sectie: Tekst | None = None
    document: Tekst | None = None
    url: Tekst | list[Tekst] | None = None
    citaat: Tekst | None = None
    geraadpleegd: Datum | None = None

    @model_validator(mode="after")
    def _needs_a_source(self) -> Bron:
        if not (self.sectie or self.document or self.url):
            raise ValueError("een bron heeft een sectie, document of url nodig")
        return self

    @property
    def urls(self) -> list[str]:
        if self.url is None:
            return []
        return [self.url] if isinstance(self.url, str) else list(self.url)

    def kort(self) -> str:
        """Short human citation: '§4.1.2' or the first URL."""
        from burgernet_cost.data.record_base import short_source

        return short_source(self.sectie, self.urls, self.document)


class Bronvermelding(Model):
    """A sourced figure: a source, a status and, for derived figures, the method."""

    status: Status
    bron: Bron
    methode: Tekst | None = None

    @model_validator(mode="after")
    def _derived_needs_method(self) -> Bronvermelding:
        if self.status == "afgeleid" and not self.methode:
            raise ValueError("status 'afgeleid' vraagt een 'methode' (hoe is het cijfer berekend?)")
        return self


class DocumentBron(Model):
    document: Tekst
    status: Status


# --------------------------------------------------------------------------- interviews.yaml


class Organisatie(Model):
    naam: Tekst
    soort: Literal["gemeente", "politie"]


class Geinterviewd(Model):
    bron: Bron
    samenvatting: Tekst
    organisaties: list[Organisatie] = Field(min_length=1)


class Uitgesloten(Model):
    omschrijving: Tekst
    reden: Tekst
    bron: Bron


class Waarneming(Bronvermelding):
    id: Id
    taakgebied: Id
    pakket: Pakket
    uren_per_maand: Uren
    inwoners: Inwoners
    meegewogen: bool
    toelichting: Tekst | None = None


class GerapporteerdeUitkomst(Bronvermelding):
    id: Id
    taakgebied: Id
    pakket: PakketOfVolledig
    euro_per_inwoner_per_jaar: PerInwoner
    afgerond_op: Afronding
    waarnemingen: list[Id] = Field(min_length=1)


class Salarisbasis(Bronvermelding):
    omschrijving: Tekst
    peildatum: Datum
    tariefprofiel: Id


class Uitsluiting(Bronvermelding):
    id: Id
    omschrijving: Tekst


class Schaling(Bronvermelding):
    """How the hours of a taakgebied follow a municipality's size: per inhabitant (linear) or per
    municipality (the hours as observed, whatever its size)."""

    taakgebied: Id
    standaard: Literal["per_inwoner", "per_gemeente"]
    toelichting: Tekst


class InterviewsFile(Model):
    bron: DocumentBron
    geinterviewd: Geinterviewd
    uitgesloten: list[Uitgesloten] = []
    waarnemingen: list[Waarneming] = Field(min_length=1)
    gerapporteerde_uitkomsten: list[GerapporteerdeUitkomst] = []
    salarisbasis: Salarisbasis
    uitsluitingen: list[Uitsluiting] = []
    schalingen: list[Schaling] = []


# --------------------------------------------------------------------------- salary_scales.yaml


class Uurloon(Bronvermelding):
    uren_per_week: UrenPerWeek
    uren_per_maand: UrenPerMaand
    maanden_per_jaar: Annotated[int, Field(ge=1, le=24)]
    omschrijving: Tekst


class CelHerkomst(Bronvermelding):
    """The source of the cells of these scales and steps (without them: every cell not named before)."""

    schalen: list[Tekst] | None = None
    periodieken: list[Annotated[int, Field(ge=0)]] | None = None


class Interval(Model):
    """The range an assumption may take, with the reason for its ends."""

    laag: Getal
    hoog: Getal
    reden: Tekst

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.laag >= self.hoog:
            raise ValueError("laag moet kleiner zijn dan hoog")
        return self


class Salaristabel(Bronvermelding):
    id: Id
    naam: Tekst
    ingangsdatum: Datum
    aanname: Tekst | None = None
    toelichting: Tekst | None = None
    herkomst: list[CelHerkomst] = []  # per cell range, when the cells have different sources
    schalen: dict[str, list[PositiefGetal]] = Field(min_length=1)

    @model_validator(mode="after")
    def _scales_not_empty(self) -> Salaristabel:
        for schaal, bedragen in self.schalen.items():
            if not bedragen:
                raise ValueError(f"schaal {schaal} heeft geen bedragen")
        return self


class ToeslagWaarde(Bronvermelding):
    vanaf: Datum
    procent: Annotated[Decimal, _D, Field(ge=0, le=100)]
    toelichting: Tekst | None = None


class Toeslag(Model):
    id: Id
    naam: Tekst
    waarden: list[ToeslagWaarde] = Field(min_length=1)


class Prijspeil(Bronvermelding):
    """The price date of nominal amounts."""

    datum: Datum


class CaoStap(Bronvermelding):
    datum: Datum
    procent: Annotated[Decimal, _D, Field(gt=-100, le=100)] | None = None
    bedrag_per_maand: Getal | None = None
    cao: Tekst
    toelichting: Tekst | None = None
    alleen_voor_tabellen: list[Id] = []

    @model_validator(mode="after")
    def _one_kind(self) -> CaoStap:
        if (self.procent is None) == (self.bedrag_per_maand is None):
            raise ValueError("een cao-stap heeft óf 'procent' óf 'bedrag_per_maand'")
        return self


class IntegraleKosten(Bronvermelding):
    naam: Tekst
    jaar: Annotated[int, Field(ge=1990, le=2100)]
    loonkosten_per_fte_per_jaar: dict[str, PositiefGetal] = Field(min_length=1)
    overhead_per_fte_per_jaar: Bedrag
    productieve_uren_per_jaar: UrenPerJaar
    productieve_uren_bron: Bron
    productieve_uren_status: Status


class Tariefprofiel(Bronvermelding):
    id: Id
    naam: Tekst
    tabel: Id
    schaal: Tekst
    periodiek: Annotated[int, Field(ge=0, le=100)]
    toeslagen: list[Id] = []
    toelichting: Tekst | None = None


class UurtariefBandbreedte(Bronvermelding):
    """The hourly rates (at the report's price level) at which the report's published results still
    round as published: the calibration window. ``alternatieven``: rate profiles that claim to
    reproduce the report too (``validate`` checks each)."""

    laag: Uurtarief
    hoog: Uurtarief
    alternatieven: list[Id] = []
    toelichting: Tekst
    aanname: Tekst | None = None  # how the report rounded (the window rests on it)
    bij_afkappen: Interval | None = None  # the window if the report truncated instead

    @model_validator(mode="after")
    def _ordered(self) -> UurtariefBandbreedte:
        if self.laag >= self.hoog:
            raise ValueError("laag moet kleiner zijn dan hoog")
        return self


class SalaryFile(Model):
    uurloon: Uurloon
    tabellen: list[Salaristabel] = Field(min_length=1)
    toeslagen: list[Toeslag] = []
    cao_verhogingen: list[CaoStap] = []
    cao_verhogingen_onbekend_na: Datum
    cao_verhogingen_toelichting: Tekst
    integrale_kosten: IntegraleKosten | None = None
    standaard_tariefprofiel: Id
    tariefprofielen: list[Tariefprofiel] = Field(min_length=1)
    uurtarief_bandbreedte: UurtariefBandbreedte | None = None
