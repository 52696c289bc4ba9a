"""Dutch words for what the domain records as codes: figure and step labels, formulas, the
description of an hourly rate, and the notes (``Notitie``) under a result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from burgernet_cost.domain.codes import NoteCode
from burgernet_cost.domain.rate import Uurtarief
from burgernet_cost.domain.trace import Figuur, Notitie, Stap
from burgernet_cost.output import numbers as nl

PAKKET_LABELS = {
    "basis": "basispakket",
    "aanvullend": "aanvullend pakket (bovenop basis)",
    "volledig": "basis- en aanvullend pakket samen",
}
STATUS_LABELS = {  # a figure's status in running text
    "gepubliceerd": "gepubliceerd",
    "afgeleid": "afgeleid",
    "aanname": "aanname",
    "secundair": "secundaire bron",
}


STATUS_TEXT = {
    "gepubliceerd": "gepubliceerd",
    "afgeleid": "afgeleid",
    "aanname": "AANNAME",
    "secundair": "secundaire bron",
    "invoer": "invoer",
    "berekend": "berekend",
}


def date_nl(iso: str) -> str:
    """'2012-04-01' -> '1-4-2012'."""
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def inhabitants_title(inwoners: int) -> str:
    """What a result is for when the user gave a number of inhabitants, not a municipality."""
    from burgernet_cost.output.numbers import nl_number

    return f"een gemeente van {nl_number(inwoners)} inwoners"


def show(value: Decimal | int | str | bool | None, unit: str, written: bool = False) -> str:
    """A value with its unit, as the explanation shows it: a computed value by the rule of its kind
    (hours and fte 2 decimals, euros 2, per inhabitant 4), a figure from the data as written."""
    if value is None:
        return "niet gekwantificeerd"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        return value
    if unit == "€/uur":
        return nl.euro(Decimal(value), 4) + " per uur"
    if unit == "€/maand":
        return nl.euro(Decimal(value), 0 if value == int(value) else 2) + " per maand"
    if unit == "€/jaar":
        return nl.euro(Decimal(value))
    if unit == "€/inwoner/jaar":
        return nl.euro(Decimal(value), 4)
    if unit == "%":
        return nl.pct(Decimal(value))
    if unit == "fte":
        return nl.fte(Decimal(value))
    if unit in ("uur/maand", "uur/jaar"):
        places = (0 if value == int(value) else len(str(Decimal(value).normalize()).partition(".")[2])) if written else 2
        return f"{nl.nl_number(value, places)} {unit}"
    if unit in ("inwoners", "maanden"):
        return f"{nl.nl_number(value)} {unit}"
    return f"{value} {unit}".strip()


# --------------------------------------------------------------------------- figures


def figure_label(f: Figuur) -> str:
    p: Mapping[str, Any] = f.p  # a figure's parameters, by its soort
    labels: dict[str, Callable[[], str]] = {
        "invoer.inwoners": lambda: "inwoners",
        "invoer.uurtarief": lambda: "uurtarief (opgegeven met --uurtarief)",
        "invoer.schaalvoordeel": lambda: "schaalvoordeel landelijke voorziening (opgegeven met --schaalvoordeel)",
        "waarneming.uren_per_maand": lambda: f"uren per maand ({p['waarneming']})",
        "waarneming.inwoners": lambda: f"inwoners ({p['waarneming']})",
        "uurloon.uren_per_maand": lambda: "uren per maand bij een volledige betrekking (36 uur x 52 / 12)",
        "uurloon.maanden_per_jaar": lambda: "maanden per jaar",
        "tariefprofiel": lambda: f"tariefprofiel {p['profiel']}" + (" (aangepast)" if p.get("aangepast") else ""),
        "salaris.maand": lambda: f"maandsalaris schaal {p['schaal']}, periodiek {p['periodiek']} ({p['tabel']})",
        "toeslag": lambda: f"{p['toeslag'].lower()} (vanaf {date_nl(p['vanaf'])})",
        "cao_stap": lambda: f"cao-verhoging {date_nl(f.datum or '')}",
        "integraal.loonkosten": lambda: f"loonkosten per fte per jaar, schaal {p['schaal']} ({p['naam']})",
        "integraal.overhead": lambda: "overhead per fte per jaar",
        "integraal.productieve_uren": lambda: "productieve uren per fte per jaar",
        "taakgebied.gekwantificeerd": lambda: f"{p['taakgebied']}: gekwantificeerd",
        "adviesbedrag": lambda: f"adviesbedrag {p['pakket']} per inwoner per jaar",
        "schaalvoordeel": lambda: "schaalvoordeel landelijke voorziening",
        "lid.inwoners": lambda: f"inwoners {p['gemeente']}",
        "schaling": lambda: f"schaling van de uren, {p['taakgebied'].lower()} (alternatief: {p['alternatief']})",
        "invoer.schaling_beleid": lambda: (
            f"schaling van de uren, {p['taakgebied'].lower()} (opgegeven met --schaling-beleid; alternatief: {p['alternatief']})"
        ),
        "gemeente.inwoners": lambda: f"inwoners {p['gemeente']}",
        "adviesbedragen.prijspeil": lambda: "prijspeil van de adviesbedragen (§6)",
        "uurtarief_op_prijspeil": lambda: f"uurtarief op {date_nl(p['datum'])} (dezelfde schaal, periodiek en toeslagen)",
    }
    return labels[f.soort]()


# --------------------------------------------------------------------------- steps


def step_label(s: Stap) -> str:
    p: Mapping[str, Any] = s.p  # a step's parameters, by its soort
    labels = {
        "uren_per_maand.pakket": f"uren per maand, {p.get('pakket')}",
        "uren_per_maand.per_gemeente": f"uren per maand, {p.get('pakket')}",
        "uren_per_maand": f"{p.get('taakgebied')}: uren per maand",
        "fte": f"{p.get('taakgebied')}: fte",
        "kosten_per_jaar": (
            "uitvoerder: kosten van de uren per jaar" if p.get("taakgebied") == "uitvoerder" else f"{p.get('taakgebied')}: kosten per jaar"
        ),
        "per_inwoner": f"{p.get('taakgebied')}: per inwoner per jaar",
        "totaal.kosten_per_jaar": "Totaal kosten per jaar (gekwantificeerd)",
        "totaal.per_inwoner": "Totaal per inwoner per jaar (gekwantificeerd)",
        "totaal.fte": "Totaal fte (gekwantificeerd)",
        "totaal.uren_per_maand": "Totaal uren per maand (gekwantificeerd)",
        "niet_gekwantificeerd": f"{p.get('taakgebied')}",
        "uurtarief.opgegeven": "uurtarief",
        "uurtarief.salaris": "uurtarief",
        "uurtarief.integraal": "uurtarief",
        "maandsalaris_geindexeerd": "maandsalaris na de cao-stap van " + date_nl(str(p.get("peildatum", "0-0-0"))),
        "toeslagfactor": "toeslagen (factor)",
        "advies_aanvullend": "adviesbedrag aanvullend (volledig - basis)",
        "advies.loonindex": "loonindex adviesbedragen",
        "advies_geindexeerd": "adviesbedrag, geïndexeerd",
        "tarief_na_schaalvoordeel": "tarief na schaalvoordeel",
        "model.eigen_kosten": "eigen kosten",
        "model.eigen_uren": "eigen uren per maand",
        "model.eigen_fte": "eigen fte",
        "model.uitbesteed_uren": "uitbestede uren per maand",
        "model.tarief": "tarief per inwoner per jaar",
        "model.bijdrage": "bijdrage per jaar",
        "model.totaal": f"{p.get('nummer')}. {p.get('model')}: totaal per jaar",
        "lid.bijdrage": f"bijdrage {p.get('gemeente')}",
        "regio.inwoners": "inwoners van de regio",
        "regio.budget": "budget uitvoerder",
        "regio.eigen_uren": "eigen beleid van alle gemeenten, uren per maand",
        "regio.uitvoerder_uren": "uren per maand uitvoerder",
        "lid.eigen_uren": f"eigen uren per maand {p.get('gemeente')}",
        "lid.eigen_kosten": f"eigen kosten per jaar {p.get('gemeente')}",
    }
    return labels[s.soort]


def step_formula(s: Stap, values: list[str]) -> str | None:
    """The formula of a step in words; ``values`` are its inputs as shown."""
    p: Mapping[str, Any] = s.p
    n = len(s.invoer)
    if s.soort == "uren_per_maand.pakket":
        som = p["som_uren"]
        return (
            f"som uren / som inwoners x inwoners = {nl.nl_number(som, 0 if som == int(som) else 2)} / "
            f"{nl.nl_number(p['som_inwoners'])} x {nl.nl_number(p['inwoners'])}"
        )
    if s.soort == "uren_per_maand.per_gemeente":
        som = p["som_uren"]
        return (
            f"uren per gemeente zoals waargenomen x gemeenten = {nl.nl_number(som, 0 if som == int(som) else 2)} / "
            f"{p['waarnemingen']} waargenomen gemeente(n) x {p['gemeenten']}, ongeacht het aantal inwoners"
        )
    if s.soort in ("uren_per_maand", "model.tarief", "lid.eigen_uren"):
        return " + ".join(values) if n > 1 else None
    if s.soort == "fte":
        return f"uren per maand / {nl.nl_number(p['uren_per_fte'])}"
    if s.soort in ("kosten_per_jaar", "lid.eigen_kosten"):
        return f"{nl.nl_number(p['maanden'])} x {nl.hours(p['uren'])} uur x {nl.euro(p['uurtarief'], 4)}"
    if s.soort == "per_inwoner":
        return f"kosten per jaar / {nl.nl_number(p['inwoners'])} inwoners"
    if s.soort.startswith("totaal."):
        return "som van de onafgeronde taakgebieden"
    if s.soort == "niet_gekwantificeerd":
        return "het rapport heeft hiervoor geen uren gemeten"
    if s.soort.startswith("uurtarief."):
        return rate_formula(s.soort.removeprefix("uurtarief."), p)
    if s.soort in ("maandsalaris_geindexeerd", "toeslagfactor"):
        return "1 + toeslagen (%) / 100" if s.soort == "toeslagfactor" else "maandsalaris ervoor + cao-stap"
    if s.soort == "advies_aanvullend":
        return " - ".join(values)
    if s.soort == "advies.loonindex":
        return f"uurtarief {date_nl(p['naar'])} / uurtarief {date_nl(p['van'])}"
    if s.soort == "advies_geindexeerd":
        return f"adviesbedrag x {nl.nl_number(p['factor'], 4)}"
    if s.soort == "tarief_na_schaalvoordeel":
        return f"x (1 - {nl.pct(p['schaalvoordeel'])})"
    if s.soort == "model.eigen_kosten":
        return "kosten van de taakgebieden die de gemeente zelf uitvoert"
    if s.soort == "model.bijdrage":
        return f"{nl.euro(p['tarief'], 4)} x {nl.nl_number(p['inwoners'])} inwoners"
    if s.soort == "model.totaal":
        return "eigen kosten + bijdrage"
    if s.soort == "lid.bijdrage":
        return "tarief x inwoners, afgerond op centen"
    if s.soort in ("regio.inwoners", "regio.budget"):
        return f"som van {n} gemeenten"
    if s.soort == "regio.eigen_uren":
        return f"som van {n} gemeenten"
    if s.soort == "regio.uitvoerder_uren":
        return " + ".join(values) + " (de uren van alle leden samen)" if n > 1 else "de uren van alle leden samen"

    return None


# --------------------------------------------------------------------------- the hourly rate


def rate_formula(soort: str, p: Mapping[str, Any]) -> str:
    """How a rate was computed: 'schaal 10, periodiek 11, tabel 1-4-2012 (afgeleid), zonder toeslagen; € 3.858 / 156 uur'."""
    if soort == "opgegeven":
        return "zelf opgegeven (--uurtarief)"
    if soort == "integraal":
        return (
            f"integrale kosten schaal {p['schaal']} ({p['naam']}): ({nl.euro(p['loonkosten'], 0)} + "
            f"{nl.euro(p['overhead'], 0)} overhead) / {nl.nl_number(p['productieve_uren'])} productieve uren"
        )
    status = f" ({STATUS_LABELS[p['tabel_status']]})" if p["tabel_status"] != "gepubliceerd" else ""
    toeslagen = (
        "met " + " en ".join(f"{naam.lower()} {nl.pct(pct)}" for naam, pct in p["toeslagen"]) if p["toeslagen"] else "zonder toeslagen"
    )
    maand, factor = p["maandsalaris"], p["factor"]
    factor_text = f" x {nl.nl_number(factor, 4).rstrip('0').rstrip(',')}" if factor != 1 else ""
    at, steps = p["bedragen_per"], p.get("cao_stappen") or ()
    indexed = (
        (f" + {len(steps)} cao-{'stap' if len(steps) == 1 else 'stappen'} tot {date_nl(steps[-1])} (berekend, bedragen per {date_nl(at)})")
        if steps
        else (f" (bedragen per {date_nl(at)})" if at != p["tabel_datum"] else "")
    )
    return (
        f"schaal {p['schaal']}, periodiek {p['periodiek']}, "
        f"tabel {date_nl(p['tabel_datum'])}{status}{indexed}, {toeslagen}; "
        f"{nl.euro(maand, 2 if maand != maand.to_integral() else 0)}{factor_text} / {nl.nl_number(p['uren_per_maand'])} uur"
    )


def rate_description(t: Uurtarief) -> str:
    """'€ 24,7308 per uur: schaal 10, …' (or '…, zelf opgegeven (--uurtarief)')."""
    sep = ", " if t.soort == "opgegeven" else ": "
    return f"{nl.euro(t.bedrag, 4)} per uur{sep}{rate_formula(t.soort, t.p)}"


# --------------------------------------------------------------------------- notes


def _fte_fragment(p: dict[str, Any]) -> str:
    parts = " + ".join(f"{naam.lower()} {nl.fte(fte)}" for naam, fte in p["delen"])
    return (
        f"Gemeentelijk, {PAKKET_LABELS[p['pakket']]}: de gemeente bemant zelf {nl.fte(p['fte'])} fte ({parts}), "
        f"{nl.hours(p['uren'])} uur per maand: een fractie van een arbeidsplaats. "
        "Dat is het praktische argument om relatiebeheer en communicatie te bundelen."
    )


def _reason(text: str) -> str:
    return text[:1].lower() + text[1:]


def inferred(status: str) -> str:
    """A timeline event whose date or consequence the source does not state: say so."""
    return "" if status == "gepubliceerd" else f" ({STATUS_LABELS.get(status, status)}: datum en gevolg staan niet zo in de bron)"


def _timeline(p: dict[str, Any]) -> str:
    earlier = "; ".join(f"sinds {date_nl(d)} {what}{inferred(status)}" for d, what, status in p["eerder"])
    return (
        f"Na het rapport: sinds {date_nl(p['datum'])} {p['gevolg']}{inferred(p.get('status', 'gepubliceerd'))} "
        f"({p['bron']}). Deze berekening (op "
        f"{date_nl(p['peildatum'])}) is een wat-als: het takenpakket van 2014 met latere cijfers."
        + (f" Eerder al: {earlier}." if earlier else "")
    )


NOTES: dict[NoteCode, Callable[[dict[str, Any]], str]] = {  # every note code (domain/codes.py), worded
    "tijdlijn": _timeline,
    "niet_gekwantificeerd": lambda p: (
        f"{p['taakgebied']}: niet gekwantificeerd ({p['bron']}; het rapport heeft hiervoor geen uren gemeten)."
    ),
    "niet_inbegrepen": lambda p: f"Niet inbegrepen: {p['omschrijving']} ({p['bron']}).",
    "aanname_tariefprofiel": lambda p: f"Aanname uurtarief ({p['profiel']}): {p['toelichting']}",
    "tabel_afgeleid": lambda p: f"{p['tabel']} is niet gepubliceerd maar afgeleid; aanname: {_reason(p['reden'])}.",
    "cao_stap_aanname": lambda p: f"Cao-stap {date_nl(p['datum'])}: {p['toelichting'] or 'datum of hoogte aangenomen'}",
    "integrale_kosten": lambda p: (
        f"Integrale kosten: {p['naam']} ({STATUS_LABELS[p['status']]}); de schalen zijn die van "
        "het Rijk, niet die van gemeenten."
        + (f" Schaal {p['schaal']} komt uit tariefprofiel {p['profiel']} (een aanname; kies met --schaal)." if p.get("profiel") else "")
    ),
    "advies_geindexeerd": lambda p: (
        f"De adviesbedragen van §6 zijn euro's van {date_nl(p['van'])}; tegen het uurtarief van "
        f"{date_nl(p['naar'])} zijn ze geïndexeerd met dezelfde loonindex (× {nl.nl_number(p['factor'], 4)}, "
        "het uurtarief op die datum gedeeld door dat op het prijspeil van de bedragen; afgeleid)."
    ),
    "prijspeil_oudste_tabel": lambda p: (
        f"Prijspeil {date_nl(p['gevraagd'])} ligt vóór de oudste salaristabel; gerekend met "
        f"het prijspeil van die tabel, {date_nl(p['oudste'])}."
    ),
    "toeslag_onbekend": lambda p: f"{p['toeslag']}: geen percentage bekend op {date_nl(p['datum'])}; niet meegeteld.",
    "peildatum_na_laatste_cao_stap": lambda p: (
        f"Peildatum {date_nl(p['peildatum'])} ligt na de laatste bekende cao-stap: "
        f"de bedragen staan op het niveau van {date_nl(p['niveau'])}. {p['toelichting']}"
    ),
    "waarneming_zwak": lambda p: (
        f"Waarneming {p['waarneming']} telt mee met status '{p['status']}'" + (f": {p['toelichting']}" if p["toelichting"] else "") + "."
    ),
    "scenario": lambda p: (
        f"Scenario '{p['naam']}': de data is voor deze berekening gewijzigd ({p['wijzigingen']} wijziging(en), zie de kop)."
    ),
    "advies_aanvullend_afgeleid": lambda p: (
        f"Adviesbedrag voor alleen het aanvullend pakket: het verschil volledig - basis = {nl.euro(p['bedrag'])} per inwoner (afgeleid)."
    ),
    "fte_fragment": _fte_fragment,
    "schaling_gekozen": lambda p: (
        f"De uren voor {p['taakgebied'].lower()} schalen {p['keuze'].replace('_', ' ')} "
        "(gekozen met --schaling-beleid; het rapport geeft hiervoor geen regel, §4.1.1)."
    ),
    "schaling_aanname": lambda p: (
        f"Aanname: de uren voor {p['taakgebied'].lower()} schalen {p['standaard'].replace('_', ' ')} ({p['bron']}). {p['toelichting']}"
    ),
    "berekend_gelijk": lambda p: (
        "Met het berekende tarief kosten gemeentelijk en regionaal in totaal hetzelfde: de uren "
        "schalen lineair met het aantal inwoners. De modellen verschillen in wie het werk doet en "
        "wie wie betaalt."
    ),
    "tarief_advies": lambda p: (
        f"Tarief 'advies': de landelijke bedragen van de aanbeveling (§6) voor relatiebeheer en communicatie. {p['toelichting'] or ''}"
    ).strip(),
    "schaalvoordeel_aanname": lambda p: (
        f"Aanname: schaalvoordeel landelijk {nl.pct(p['procent'])} ({p['bron']}: het rapport "
        f'zegt alleen "iets lager"). {p["toelichting"]} Pas aan met --schaalvoordeel.'
    ),
    "advies_landelijk": lambda p: (
        "Met tarief 'advies' betalen regionaal en landelijk hetzelfde bedrag: §6 beveelt één "
        "landelijk bedrag aan. Het schaalvoordeel van een landelijke voorziening (een aanname) "
        "geldt alleen voor het berekende tarief."
    ),
    "schaalvoordeel_opgegeven": lambda p: (
        f'Schaalvoordeel landelijk: {nl.pct(p["procent"])} (opgegeven met --schaalvoordeel; §5.1 zegt alleen "iets lager").'
    ),
}


def note_text(n: Notitie) -> str:
    return NOTES[n.code](n.p)


def notes_text(notes: tuple[Notitie, ...] | list[Notitie]) -> list[str]:
    """The notes in words, each once."""
    return list(dict.fromkeys(note_text(n) for n in notes))
