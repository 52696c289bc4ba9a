"""The codes the domain knows, as types: a typo in a package, tariff or status is a type error
(mypy), not a surprise at run time. The values are the words of the data and the command line."""

from __future__ import annotations

from typing import Literal, get_args

Pakket = Literal["basis", "aanvullend", "volledig"]
Tarief = Literal["berekend", "advies"]
Status = Literal["gepubliceerd", "afgeleid", "aanname", "secundair", "invoer"]
Kostenbasis = Literal["salaris", "integraal"]
Schaling = Literal["per_inwoner", "per_gemeente"]
UitvoerModel = Literal["regionaal", "landelijk"]

PAKKETTEN: tuple[Pakket, ...] = get_args(Pakket)
TARIEVEN: tuple[Tarief, ...] = get_args(Tarief)
SCHALINGEN: tuple[Schaling, ...] = get_args(Schaling)
MODELLEN: tuple[UitvoerModel, ...] = get_args(UitvoerModel)
BOTH: tuple[Pakket, ...] = ("basis", "volledig")  # what compare-models and rapport show without --pakket
