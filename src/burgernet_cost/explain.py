"""``--uitleg``: the computation as a tree of steps, each with its formula, value and sources.

Every leaf is a figure from ``data/`` (or the user's input) with its source (report § or URL), its
status (gepubliceerd, afgeleid, aanname, secundair, invoer) and where it stands (file:line, or the
scenario line that set it). Rendered as a text tree, nested Markdown bullets, or a JSON structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from burgernet_cost import money
from burgernet_cost.trace import Figuur

STATUS_TEXT = {"gepubliceerd": "gepubliceerd", "afgeleid": "afgeleid", "aanname": "AANNAME", "secundair": "secundaire bron",
               "invoer": "invoer", "berekend": "berekend"}


@dataclass
class Stap:
    label: str
    waarde: str
    formule: str | None = None
    bron: str | None = None
    status: str | None = None
    plaats: str | None = None
    kinderen: list[Stap] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label, "waarde": self.waarde, "formule": self.formule, "bron": self.bron,
            "status": self.status, "plaats": self.plaats, "stappen": [k.to_dict() for k in self.kinderen],
        }

    def line(self) -> str:
        text = f"{self.label}: {self.waarde}"
        if self.formule:
            text += f"  [{self.formule}]"
        meta = [x for x in dict.fromkeys((self.bron, STATUS_TEXT.get(self.status or "", self.status), self.plaats)) if x]
        if meta:
            text += f"  ({'; '.join(meta)})"
        return text


def show(value: Decimal | int | str, unit: str) -> str:
    if isinstance(value, str):
        return value
    if unit.startswith("€"):
        places = 4 if unit == "€/uur" else (2 if value != int(value) or unit != "€/maand" else 0)
        text = money.euro(Decimal(value), places if unit != "€/inwoner/jaar" else 4)
        return text + "".join(f" per {part}" for part in unit.split("/")[1:])
    if unit == "%":
        return money.pct(Decimal(value))
    if unit in ("uur/maand", "uur/jaar"):
        return f"{money.nl_number(value, 0 if value == int(value) else 2)} {unit}"
    if unit in ("inwoners", "maanden"):
        return f"{money.nl_number(value)} {unit}"
    return f"{value} {unit}".strip()


def leaf(f: Figuur) -> Stap:
    return Stap(f.naam, show(f.waarde, f.eenheid), bron=f.bron, status=f.status, plaats=f.plaats)


def rate_tree(tarief: Any) -> Stap:
    return Stap("uurtarief", money.euro(tarief.bedrag, 4) + " per uur", formule=tarief.omschrijving.split(": ", 1)[-1],
                status="berekend", kinderen=[leaf(f) for f in tarief.figuren])


def estimate_tree(ds: Any, result: Any) -> list[Stap]:
    """Steps of ``estimate``: per taakgebied hours -> FTE -> cost, and the hourly rate."""
    from burgernet_cost.calculator import components, norm

    u = ds.salary.uurloon
    base = {f.naam: f for f in result.figuren}
    inwoners = base["inwoners"]
    months = base["maanden per jaar"]
    per_fte = base["uren per fte per maand (36 uur x 52 / 12)"]
    steps = []
    for regel in result.regels:
        if not regel.gekwantificeerd:
            area = ds.taakgebied(regel.taakgebied)
            steps.append(Stap(regel.naam, "niet gekwantificeerd", formule="het rapport heeft hiervoor geen uren gemeten",
                              bron=area.bron.kort(), status="gepubliceerd"))
            continue
        hour_steps = []
        for pakket in components(result.pakket):
            n = norm(ds, regel.taakgebied, pakket)
            hour_steps.append(Stap(
                f"uren per maand, {pakket}", money.hours(n.uren * result.inwoners / n.inwoners),
                formule=f"som uren / som inwoners x inwoners = {money.nl_number(n.uren, 2 if n.uren != int(n.uren) else 0)} / "
                        f"{money.nl_number(n.inwoners)} x {money.nl_number(result.inwoners)}",
                status="berekend", kinderen=[leaf(f) for f in n.figuren] + [leaf(inwoners)]))
        hours = Stap("uren per maand", money.hours(regel.uren_per_maand), formule=" + ".join(s.waarde for s in hour_steps)
                     if len(hour_steps) > 1 else None, status="berekend", kinderen=hour_steps)
        fte = Stap("fte", money.fte(regel.fte), formule=f"uren per maand / {money.nl_number(u.uren_per_maand)}",
                   status="berekend", kinderen=[leaf(per_fte)])
        cost = Stap(f"{regel.naam}: kosten per jaar", money.euro(regel.kosten_per_jaar),
                    formule=f"{money.nl_number(u.maanden_per_jaar)} x {money.hours(regel.uren_per_maand)} uur x "
                            f"{money.euro(result.uurtarief.bedrag, 4)}",
                    status="berekend",
                    kinderen=[hours, fte, leaf(months), Stap("uurtarief", money.euro(result.uurtarief.bedrag, 4), formule="zie uurtarief hieronder", status="berekend")])
        per_inh = Stap("per inwoner per jaar", money.euro(regel.per_inwoner, 4),
                       formule=f"kosten per jaar / {money.nl_number(result.inwoners)} inwoners", status="berekend")
        cost.kinderen.append(per_inh)
        steps.append(cost)
    total = Stap("Totaal kosten per jaar (gekwantificeerd)", money.euro(result.totaal.kosten_per_jaar),
                 formule="som van de onafgeronde taakgebieden", status="berekend", kinderen=steps)
    return [total, rate_tree(result.uurtarief)]


def compare_tree(ds: Any, v: Any) -> list[Stap]:
    """Steps of ``compare-models``: per model own cost + contribution = total."""
    models = []
    for u in v.uitkomsten:
        children = [Stap("eigen kosten", money.euro(u.eigen_kosten), formule="kosten van de taakgebieden die de gemeente zelf uitvoert",
                         status="berekend")]
        if u.tarief_per_inwoner is not None:
            rate_children = []
            if v.tarief == "advies":
                rate_children += [leaf(f) for f in v.figuren if f.naam.startswith("adviesbedrag")]
            else:
                rate_children.append(Stap("berekend tarief", "kosten per jaar / inwoners van de uitbestede taakgebieden",
                                           status="berekend"))
            if u.id == "landelijk":
                rate_children += [leaf(f) for f in v.figuren if f.naam.startswith("schaalvoordeel")]
            formule = "x (1 - schaalvoordeel)" if u.id == "landelijk" else None
            children.append(Stap("bijdrage per jaar", money.euro(u.bijdrage),
                                 formule=f"{money.euro(u.tarief_per_inwoner, 4)} x {money.nl_number(v.inwoners)} inwoners",
                                 status="berekend",
                                 kinderen=[Stap("tarief per inwoner per jaar", money.euro(u.tarief_per_inwoner, 4), formule=formule,
                                                status="berekend", kinderen=rate_children)]))
        models.append(Stap(f"{u.nummer}. {u.naam} ({v.pakket}): totaal per jaar", money.euro(u.totaal),
                           formule="eigen kosten + bijdrage", status="berekend", kinderen=children))
    return models + estimate_tree(ds, v.schatting)


def region_tree(ds: Any, regio: Any) -> list[Stap]:
    unit = regio.vergelijking
    m = unit.model(regio.model)
    rate = compare_tree(ds, unit)[[u.id for u in unit.uitkomsten].index(regio.model)]
    tariff = next((k for c in rate.kinderen for k in c.kinderen if k.label.startswith("tarief")), None)
    steps = [
        Stap("budget uitvoerder", money.euro(regio.budget), formule=f"som van {len(regio.leden)} bijdragen", status="berekend",
             kinderen=[Stap("bijdrage per gemeente", "tarief x inwoners, afgerond op centen", status="berekend",
                            kinderen=[tariff] if tariff else [])]),
        Stap("uren per maand uitvoerder", money.hours(regio.uitvoerder_uren),
             formule=f"{money.nl_number(m.uitbesteed_uren * 100000, 4)} uur per 100.000 inwoners x {money.nl_number(regio.inwoners)} inwoners",
             status="berekend",
             kinderen=[Stap("fte", money.fte(regio.uitvoerder_fte), formule=f"/ {money.nl_number(ds.salary.uurloon.uren_per_maand)}",
                            status="berekend")]),
    ]
    return steps + estimate_tree(ds, unit.schatting)[1:]


def text_lines(steps: list[Stap], prefix: str = "", split: bool = False) -> list[Any]:
    """The tree as text lines; with split=True as (prefix, text) pairs (for wrapping)."""
    out: list[Any] = []
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        branch = prefix + ("└─ " if last else "├─ ")
        out.append((branch, step.line()) if split else branch + step.line())
        out += text_lines(step.kinderen, prefix + ("   " if last else "│  "), split)
    return out


def markdown_lines(steps: list[Stap], depth: int = 0) -> list[str]:
    out = []
    for step in steps:
        out.append("  " * depth + "- " + step.line().replace("|", "\\|"))
        out += markdown_lines(step.kinderen, depth + 1)
    return out
