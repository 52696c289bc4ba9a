"""Pydantic models of ``inrichtingsmodellen.yaml``: the organisation models, the reference
municipality, the scale advantage, the §6 advice amounts and the 2014 situation (§2.1)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from burgernet_cost.data.models import (
    _D,
    Bron,
    Bronvermelding,
    DocumentBron,
    Id,
    Interval,
    Inwoners,
    Model,
    PakketOfVolledig,
    PerInwoner,
    Prijspeil,
    Tekst,
)


class Referentiegemeente(Bronvermelding):
    inwoners: Inwoners
    omschrijving: Tekst


class Schaalvoordeel(Bronvermelding):
    procent: Annotated[Decimal, _D, Field(ge=0, lt=100)]
    toelichting: Tekst
    bandbreedte: Interval | None = None


class Uitvoerder(Model):
    """Who performs a taakgebied; an executor with a scale advantage charges the computed tariff
    less that percentage (the national provision, §5.1)."""

    id: Id
    naam: Tekst
    omschrijving: Tekst
    schaalvoordeel: Schaalvoordeel | None = None


class Voorbeeld(Model):
    gebied: Tekst
    toelichting: Tekst | None = None


class Inrichtingsmodel(Bronvermelding):
    id: Id
    nummer: Annotated[int, Field(ge=1, le=1000)]
    naam: Tekst
    omschrijving: Tekst
    uitvoering: dict[str, Id] = Field(min_length=1)
    verrekening: Literal["geen", "bijdrage_per_inwoner"]
    verrekening_omschrijving: Tekst
    voorbeelden: list[Voorbeeld] = []


class Adviesbedrag(Bronvermelding):
    taakgebied: Id
    pakket: PakketOfVolledig
    euro_per_inwoner_per_jaar: PerInwoner


class Situatie2014(Bronvermelding):
    gebied: Tekst
    soort: Literal["politieregio", "politie_eenheid"]  # politieregio: an old police region (its code: the same area's veiligheidsregio)
    code: Tekst | None = None
    uitvoerder: Literal["politie", "gemeenten", "politie_en_gemeenten", "ingehuurd"]
    bijdrage_gemeenten_per_inwoner: PerInwoner | None = None
    bijdrage_totaal_per_inwoner: PerInwoner | None = None
    omschrijving: Tekst
    toelichting: Tekst | None = None
    bijdrage_betaalt: list[Literal["relatiebeheer_communicatie", "beleid", "werving", "manager_burgernet", "communicatieadviseur"]]
    bijdrage_betaalt_toelichting: Tekst


class Bandbreedte2014(Bronvermelding):
    """§2.1 for the areas it does not name one by one: a range of contributions, not a point."""

    van_per_inwoner: PerInwoner
    tot_per_inwoner: PerInwoner
    omschrijving: Tekst


class Tekstpunt(Bronvermelding):
    """A recommendation (§6) or a starting point (§2.3) of the report, word for word, and the
    commands whose result it bears on."""

    id: Id
    tekst: Tekst
    toon_bij: list[Literal["compare-models", "regio", "taken", "huidig"]] = []


class Tegenstrijdigheid(Model):
    """Two places where the report says different things; both are recorded, neither is chosen."""

    id: Id
    omschrijving: Tekst
    plaatsen: list[Bron] = Field(min_length=2)
    toon_bij: list[Literal["compare-models", "regio", "taken", "huidig"]] = []


class ModelsFile(Model):
    bron: DocumentBron
    referentiegemeente: Referentiegemeente
    uitvoerders: list[Uitvoerder] = Field(min_length=1)
    modellen: list[Inrichtingsmodel] = Field(min_length=1)
    adviesbedragen: list[Adviesbedrag] = []
    adviesbedragen_toelichting: Tekst | None = None
    adviesbedragen_prijspeil: Prijspeil | None = None  # absent (older data): not indexed, refused against other dates
    situatie_2014: list[Situatie2014] = []
    situatie_2014_overig: Bandbreedte2014 | None = None
    aanbevelingen: list[Tekstpunt] = []
    uitgangspunten: list[Tekstpunt] = []
    tegenstrijdigheden: list[Tegenstrijdigheid] = []
