"""The codes the domain knows, as types: a typo in a package, tariff, status or note code is a type
error (mypy), not a surprise at run time. The values are the words of the data and the command line."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypeAlias, get_args

Pakket = Literal["basis", "aanvullend", "volledig"]
Tarief = Literal["berekend", "advies"]
#: a figure's status: from the data files (gepubliceerd, afgeleid, aanname, secundair) or 'invoer'
#: for what the user typed
Status = Literal["gepubliceerd", "afgeleid", "aanname", "secundair", "invoer"]
Kostenbasis = Literal["salaris", "integraal"]
Schaling = Literal["per_inwoner", "per_gemeente"]
#: an organisation model in which another than the municipality performs a taakgebied (``regio --model``):
#: any the data declares
UitvoerModel: TypeAlias = str
#: the inrichtingsmodellen of the report (§5): the data must define them (``data/references.py``
#: checks it); the data may declare more
ModelCode = Literal["gemeentelijk", "regionaal", "landelijk"]
#: the user's own scale advantage per executor id (``--schaalvoordeel``), in percent
Schaalvoordelen: TypeAlias = dict[str, Decimal]

#: the notes under a result (``Notitie.code``); ``output/wording.py: NOTES`` words each
NoteCode = Literal[
    "tijdlijn",
    "niet_gekwantificeerd",
    "niet_inbegrepen",
    "aanname_tariefprofiel",
    "tabel_afgeleid",
    "cao_stap_aanname",
    "integrale_kosten",
    "advies_geindexeerd",
    "prijspeil_oudste_tabel",
    "toeslag_onbekend",
    "peildatum_na_laatste_cao_stap",
    "waarneming_zwak",
    "scenario",
    "advies_aanvullend_afgeleid",
    "fte_fragment",
    "schaling_gekozen",
    "schaling_aanname",
    "berekend_gelijk",
    "tarief_advies",
    "schaalvoordeel_aanname",
    "advies_landelijk",
    "schaalvoordeel_opgegeven",
]
#: a key path into a data file: names and list positions (``("waarnemingen", 2, "uren_per_maand")``)
Pad: TypeAlias = tuple[str | int, ...]

PAKKETTEN: tuple[Pakket, ...] = get_args(Pakket)
TARIEVEN: tuple[Tarief, ...] = get_args(Tarief)
SCHALINGEN: tuple[Schaling, ...] = get_args(Schaling)
STATUSES: tuple[Status, ...] = get_args(Status)
WEAK_STATUSES: tuple[Status, ...] = ("afgeleid", "aanname", "secundair")  # a result resting on one says so
NOTE_CODES: tuple[NoteCode, ...] = get_args(NoteCode)
BOTH: tuple[Pakket, ...] = ("basis", "volledig")  # what compare-models and rapport show without --pakket


def status(value: object) -> Status:
    """A status read from the data (validated there) as the type it is; anything else is a bug."""
    for known in STATUSES:
        if value == known:
            return known
    raise ValueError(f"unknown status {value!r}")
