"""Dutch words for what the domain records as codes: figure and step labels, formulas, the
description of an hourly rate, and the notes (``Notitie``) under a result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from burgernet_cost.domain.codes import NoteCode
from burgernet_cost.domain.formulas import FORMULES, Afgerond, Expr, Formule, In, Op, infix
from burgernet_cost.domain.rate import Uurtarief
from burgernet_cost.domain.rounding import quantize
from burgernet_cost.domain.trace import Figuur, Invoerwaarde, Notitie, Stap
from burgernet_cost.output import numbers as nl
from burgernet_cost.structs import replace

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


#: decimals of a computed value, by its unit (``places``); a figure from the data shows as written
UNIT_PLACES: dict[str, int] = {
    "€/uur": 4,
    "€/jaar": 2,
    "€/inwoner/jaar": 4,
    "fte": 2,
    "uur/maand": 2,
    "uur/jaar": 2,
    "inwoners": 0,
    "maanden": 0,
}
MAX_WRITTEN_PLACES = 6  # a figure derived by computation may have many more
WRITTEN_UNITS = ("uur/maand", "uur/jaar", "%", "")  # units whose figures show every digit the data has


def written_places(value: Decimal) -> int:
    """The decimals a number has as written (162.5 -> 1, 156 -> 0, 1.1705 -> 4)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def places(value: Decimal, unit: str, written: bool = False) -> int:
    """The decimals a value shows in the explanation: a computed value by the rule of its unit
    (hours and fte 2, euros 2, per hour and per inhabitant 4, counts 0, a factor 4); a figure from
    the data as written (an amount in whole euros, or with at least its cents)."""
    if written and unit.startswith("€"):  # an amount from the data: whole euros, or as written to its unit's decimals
        return 0 if value == value.to_integral() else max(2, min(written_places(value), UNIT_PLACES.get(unit, 4)))
    if written and (unit in WRITTEN_UNITS or unit not in UNIT_PLACES):
        return min(written_places(value), MAX_WRITTEN_PLACES)
    if unit == "€/maand":
        return 0 if value == value.to_integral() else 2
    if unit == "%":
        return 2 if quantize(value, 2) != quantize(value, 0) else 0
    return UNIT_PLACES.get(unit, 4)


def number_in_unit(value: Decimal, unit: str, decimals: int) -> str:
    """A number as a formula shows it: euros with their sign, anything else as a bare Dutch number."""
    return nl.euro(value, decimals) if unit.startswith("€") else nl.nl_number(value, decimals)


def show(value: Decimal | int | str | bool | None, unit: str, written: bool = False) -> str:
    """A value with its unit, as the explanation shows it (decimals: ``places``)."""
    if value is None:
        return "niet gekwantificeerd"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        return value
    d = Decimal(value)
    n = places(d, unit, written)
    if unit == "€/uur":
        return nl.euro(d, n) + " per uur"
    if unit == "€/maand":
        return nl.euro(d, n) + " per maand"
    if unit.startswith("€"):
        return nl.euro(d, n)
    if unit == "%":
        return nl.nl_number(d, n) + "%"
    if unit == "fte":
        return nl.fte(d)
    return f"{nl.nl_number(d, n)} {unit}".strip()


# --------------------------------------------------------------------------- figures


def figure_label(f: Figuur) -> str:
    p: Mapping[str, Any] = f.p  # a figure's parameters, by its soort
    labels: dict[str, Callable[[], str]] = {
        "invoer.inwoners": lambda: "inwoners",
        "invoer.uurtarief": lambda: "uurtarief (opgegeven met --uurtarief)",
        "invoer.schaalvoordeel": lambda: f"schaalvoordeel {p['uitvoerder']} (opgegeven met --schaalvoordeel)",
        "waarneming.uren_per_maand": lambda: f"uren per maand ({p['waarneming']})",
        "waarneming.inwoners": lambda: f"inwoners ({p['waarneming']})",
        "uurloon.uren_per_maand": lambda: "uren per maand bij een volledige betrekking",
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
        "schaalvoordeel": lambda: f"schaalvoordeel {p['uitvoerder']}",
        "lid.inwoners": lambda: f"inwoners {p['gemeente']}",
        "schaling": lambda: f"schaling van de uren, {p['taakgebied'].lower()} (alternatief: {p['alternatief']})",
        "invoer.schaling_beleid": lambda: (
            f"schaling van de uren, {p['taakgebied'].lower()} (opgegeven met --schaling-beleid; alternatief: {p['alternatief']})"
        ),
        "gemeente.inwoners": lambda: f"inwoners {p['gemeente']}",
        "adviesbedragen.prijspeil": lambda: "prijspeil van de adviesbedragen",
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
        "regio.eigen_uren": "eigen uren van alle gemeenten per maand",
        "regio.uitvoerder_uren": "uren per maand uitvoerder",
        "lid.eigen_uren": f"eigen uren per maand {p.get('gemeente')}",
        "lid.eigen_kosten": f"eigen kosten per jaar {p.get('gemeente')}",
    }
    return labels[s.soort]


#: the Dutch noun of a formula's input, by the input's name (domain/formulas.py); a name without
#: an entry reads as itself, underscores as spaces
INPUT_WORDS = {
    "som_uren": "uren van de waarnemingen",
    "som_inwoners": "inwoners van de waarnemingen",
    "delen": "som",
    "uren": "uren per maand",
    "uren_per_fte": "uren per maand van een fte",
    "kosten": "kosten per jaar",
    "tarief": "tarief per inwoner",
    "schaalvoordeel": "schaalvoordeel (%)",
    "bedrag": "adviesbedrag",
    "uurtarief_prijspeil": "uurtarief op het prijspeil van de adviesbedragen",
    "waarnemingen": "waargenomen gemeenten",
    "procenten": "toeslagen (%)",
    "procent": "cao-stap (%)",
    "verhoging": "cao-verhoging",
    "volledig": "adviesbedrag volledig",
    "basis": "adviesbedrag basis",
}
SYMBOLS = {"+": " + ", "-": " - ", "*": " × ", "/": " / "}
#: a sum of more parts than this shows as its total (the parts are in the tree below it)
MAX_TERMS = 6
#: at most this many decimals are added to a computed input so that the numbers shown give the result shown
MAX_EXTRA_PLACES = 6


def input_word(naam: str) -> str:
    return INPUT_WORDS.get(naam, naam.replace("_", " "))


def _rounded(arg: str, decimals: int) -> str:
    return f"afgerond({arg}; {decimals} decimalen)"


def _formula(s: Stap) -> tuple[Formule, dict[str, Invoerwaarde]] | None:
    f = FORMULES.get(s.formule) if s.formule else None
    if f is None or {v.naam for v in s.waarden} != set(f.invoer):
        return None
    return f, {v.naam: v for v in s.waarden}


def formula_words(f: Formule) -> str:
    """'maanden × uren per maand × uurtarief': the formula in words (its inputs' nouns)."""
    expr = f.expr.arg if isinstance(f.expr, Afgerond) else f.expr
    return infix(expr, input_word, nl.nl_number, _rounded, SYMBOLS)


def formula_numbers(s: Stap) -> str | None:
    """The formula of a step with the numbers its inputs held ('12 × 6,0236 × € 24,7308'): each in
    its unit's decimals; where the numbers so shown would not give the result shown, the computed
    input rounded most coarsely (relative to its size) gets a decimal more, until they do. A sum of
    parts shows as '(a + b)'."""
    found = _formula(s)
    if found is None:
        return None
    f, held = found
    expr = f.expr.arg if isinstance(f.expr, Afgerond) else f.expr
    target = places(s.waarde, s.eenheid) if s.waarde is not None else 0
    extra = dict.fromkeys(held, 0)
    held = {name: replace(v, eenheid=_summand_units(expr, held).get(name, v.eenheid)) for name, v in held.items()}

    def shown(v: Invoerwaarde) -> list[tuple[str, Decimal, Decimal]]:  # (text, value shown, exact value)
        out = []
        for t in v.termen if 1 < len(v.termen) <= MAX_TERMS else (v.waarde,):
            base = places(t, v.eenheid, v.geschreven)
            n = max(base, min(base + extra[v.naam], written_places(t))) if v.geschreven else base + extra[v.naam]
            out.append((number_in_unit(t, v.eenheid, n), quantize(t, n), t))
        return out

    for _ in range(MAX_EXTRA_PLACES * len(held) + 1):
        terms = {name: shown(v) for name, v in held.items()}
        if s.waarde is None or _gives(f, terms, s.waarde, target):
            break
        error = {name: max(abs(y - t) / max(abs(t), Decimal("1e-12")) for _, y, t in ts) for name, ts in terms.items()}
        name = max(error, key=lambda k: error[k])
        if error[name] == 0 or extra[name] >= MAX_EXTRA_PLACES:
            break
        extra[name] += 1
    texts = {}
    for name, ts in terms.items():
        text = " + ".join(x for x, _, _ in ts)
        texts[name] = f"({text})" if len(ts) > 1 and not isinstance(expr, In) else text
    text = infix(expr, texts.__getitem__, nl.nl_number, _rounded, SYMBOLS)
    return text + (f", afgerond op {f.expr.plaatsen} decimalen" if isinstance(f.expr, Afgerond) else "")


def _summand_units(e: Expr, held: Mapping[str, Invoerwaarde]) -> dict[str, str]:
    """A number given as such (no unit) that is added to or subtracted from an amount has that
    amount's unit: 'eigen kosten + bijdrage = € 3.568,24 + € 0', not '+ 0'."""
    out: dict[str, str] = {}
    if isinstance(e, Op):
        if e.op in "+-":
            names = [x.naam for x in e.args if isinstance(x, In)]
            units = {held[n].eenheid for n in names} - {""}
            if len(units) == 1:
                out |= {n: next(iter(units)) for n in names if not held[n].eenheid}
        for x in e.args:
            out |= _summand_units(x, held)
    elif isinstance(e, Afgerond):
        out |= _summand_units(e.arg, held)
    return out


def _gives(f: Formule, terms: Mapping[str, list[tuple[str, Decimal, Decimal]]], value: Decimal, target: int) -> bool:
    """Whether the numbers shown give ``value`` at its displayed decimals."""
    try:
        got = f.evaluate({name: sum((y for _, y, _ in ts), Decimal(0)) for name, ts in terms.items()})
    except ArithmeticError:  # a divisor shown as 0
        return False
    return quantize(got, target) == quantize(value, target)


def step_formula(s: Stap) -> str | None:
    """The formula of a step in words and with its numbers, generated from the declaration and the
    values the evaluator recorded: 'maanden × uren per maand × uurtarief = 12 × 6,0236 × € 24,7308'.
    A sum of one part says nothing; of many parts, how many (they are listed under it)."""
    found = _formula(s)
    if found is None:
        return None
    f, held = found
    if isinstance(f.expr, In):
        parts = len(held[f.expr.naam].termen)
        if parts <= 1:
            return None
        if parts > MAX_TERMS:
            return f"{input_word(f.expr.naam)} van {parts} posten"
    return f"{formula_words(f)} = {formula_numbers(s)}"


# --------------------------------------------------------------------------- the hourly rate


def rate_formula(soort: str, p: Mapping[str, Any], stap: Stap | None = None) -> str:
    """How a rate was computed: 'schaal 10, periodiek 11, tabel 1-4-2012 (afgeleid), zonder toeslagen;
    maandsalaris × factor / uren per maand = € 3.858 × 1 / 156'. What it was computed from comes from the
    rate's parameters, its numbers from the recorded step (``stap``), never from a second copy."""
    if soort == "opgegeven":
        return "zelf opgegeven (--uurtarief)"
    formula = step_formula(stap) if stap is not None else None
    tail = f": {formula}" if formula and soort == "integraal" else (f"; {formula}" if formula else "")
    if soort == "integraal":
        return f"integrale kosten schaal {p['schaal']} ({p['naam']}){tail}"
    status = f" ({STATUS_LABELS[p['tabel_status']]})" if p["tabel_status"] != "gepubliceerd" else ""
    toeslagen = (
        "met " + " en ".join(f"{naam.lower()} {nl.pct(pct)}" for naam, pct in p["toeslagen"]) if p["toeslagen"] else "zonder toeslagen"
    )
    at, steps = p["bedragen_per"], p.get("cao_stappen") or ()
    indexed = (
        (f" + {len(steps)} cao-{'stap' if len(steps) == 1 else 'stappen'} tot {date_nl(steps[-1])} (berekend, bedragen per {date_nl(at)})")
        if steps
        else (f" (bedragen per {date_nl(at)})" if at != p["tabel_datum"] else "")
    )
    return f"schaal {p['schaal']}, periodiek {p['periodiek']}, tabel {date_nl(p['tabel_datum'])}{status}{indexed}, {toeslagen}{tail}"


def rate_description(t: Uurtarief, stap: Stap | None) -> str:
    """'€ 24,7308 per uur: schaal 10, …' (or '…, zelf opgegeven (--uurtarief)'); ``stap``: the rate's
    recorded step (its numbers)."""
    sep = ", " if t.soort == "opgegeven" else ": "
    return f"{nl.euro(t.bedrag, 4)} per uur{sep}{rate_formula(t.soort, t.p, stap)}"


# --------------------------------------------------------------------------- notes


def _fte_fragment(p: dict[str, Any]) -> str:
    parts = " + ".join(f"{naam.lower()} {nl.fte(fte)}" for naam, fte in p["delen"])
    return (
        f"Gemeentelijk, {PAKKET_LABELS[p['pakket']]}: de gemeente bemant zelf {nl.fte(p['fte'])} fte ({parts}), "
        f"{nl.hours(p['uren'])} uur per maand: een fractie van een arbeidsplaats. "
        "Dat is, volgens bncost (niet het rapport), het praktische argument om relatiebeheer en communicatie te bundelen."
    )


def _derivation(p: Mapping[str, Any]) -> str:
    """' Schaal 10, periodiek 11: € 4.362 (tabel 1-10-2019, gepubliceerd) / 1,0325 (1-10-2019) … = € 3.857,54, afgerond € 3.858.'"""
    if "bron_bedrag" not in p:
        return ""
    steps = " ".join(f"{op[0]} {nl.nl_number(Decimal(op[2:]), 4).rstrip('0').rstrip(',')}" for _d, op in p["stappen"])
    dates = sorted(d for d, _op in p["stappen"])
    span = f" {date_nl(dates[0])} t/m {date_nl(dates[-1])}" if dates else ""
    return (
        f" Schaal {p['schaal']}, periodiek {p['periodiek']}: {nl.euro(p['bron_bedrag'], 0)} "
        f"(gepubliceerde tabel {date_nl(p['bron_datum'])}) "
        f"{steps} = {nl.euro(p['terug'])}, in de tabel {nl.euro(p['bedrag'], 0)} (cao-stappen{span} teruggerekend)."
    )


def _reason(text: str) -> str:
    return text[:1].lower() + text[1:]


def inferred(status: str, methode: str = "") -> str:
    """A timeline event whose date or consequence the source does not state: say so, with the method."""
    if status == "gepubliceerd":
        return ""
    return f" ({STATUS_LABELS.get(status, status)}: {methode or 'datum en gevolg staan niet zo in de bron'})"


def event_sources(e: Any) -> str:
    """Every source of a timeline event a reader can open: its URLs, else its citation."""
    return "; ".join(e.bron.urls) or str(e.bron.kort())


def events_note(events: list[Any]) -> str:
    """The council document's one note to the events it names: each source once with the dates it
    gives, and the method of each inferred date or consequence."""
    by_url: dict[str, list[str]] = {}
    for e in events:
        for url in e.bron.urls or [str(e.bron.kort())]:
            by_url.setdefault(url, []).append(date_nl(e.datum))
    sources = "; ".join(f"{url} ({', '.join(dates)})" for url, dates in by_url.items())
    methods = " ".join(f"{date_nl(e.datum)} afgeleid: {' '.join((e.methode or '').split())}." for e in events if e.status != "gepubliceerd")
    return f"Bronnen na 2014: {sources}." + (f" {methods}" if methods else "")


def _event(d: str, what: str, status: str, bron: str, methode: str) -> str:
    return f"sinds {date_nl(d)} {what}{inferred(status, methode)} (bron: {bron})"


def _timeline(p: dict[str, Any]) -> str:
    earlier = "; ".join(_event(*e) for e in p["eerder"])
    return (
        f"Na het rapport: {_event(p['datum'], p['gevolg'], p.get('status', 'gepubliceerd'), p['bron'], p.get('methode', ''))}. "
        f"Deze berekening (op {date_nl(p['peildatum'])}) is een wat-als: het takenpakket van 2014 met latere cijfers."
        + (f" Eerder al: {earlier}." if earlier else "")
    )


#: how a note on a figure opens, by the figure's status
STATUS_WORDS = {"aanname": "Aanname: ", "afgeleid": "Afgeleid: "}


def _cited(p: Mapping[str, Any]) -> str:
    """'§5.1: het rapport zegt alleen "iets lager"', or the source alone when it quotes nothing."""
    return f'{p["bron"]}: het rapport zegt alleen "{p["citaat"]}"' if p.get("citaat") else str(p["bron"])


def count_word(n: int) -> str:
    """'drie' for 3: a small count in words, as Dutch prose writes it."""
    words = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")
    return words[n] if 0 <= n < len(words) else str(n)


def names_and(names: Any, upper: bool = False, word: str = "en") -> str:
    """'gemeentelijk en regionaal', 'gemeentelijk, regionaal en provinciaal' (names in lower case;
    ``word`` "of" for a choice)."""
    words = [str(n).lower() for n in names]
    text = ", ".join(words[:-1]) + f" {word} " + words[-1] if len(words) > 1 else "".join(words)
    return text[:1].upper() + text[1:] if upper else text


NOTES: dict[NoteCode, Callable[[dict[str, Any]], str]] = {  # every note code (domain/codes.py), worded
    "tijdlijn": _timeline,
    "niet_gekwantificeerd": lambda p: f"{p['taakgebied']}: niet gekwantificeerd ({p['bron']}; het rapport noemt hiervoor geen uren).",
    "niet_inbegrepen": lambda p: f"Niet inbegrepen: {p['omschrijving']} ({p['bron']}).",
    "aanname_tariefprofiel": lambda p: f"Aanname uurtarief ({p['profiel']}): {p['toelichting']}",
    "tabel_afgeleid": lambda p: f"{p['tabel']} is niet gepubliceerd maar afgeleid; aanname: {_reason(p['reden'])}." + _derivation(p),
    "cao_stap_aanname": lambda p: f"Cao-stap {date_nl(p['datum'])}: {p['toelichting'] or 'datum of hoogte aangenomen'}",
    "integrale_kosten": lambda p: (
        f"Integrale kosten: {p['naam']} ({STATUS_LABELS[p['status']]}); de schalen zijn die van "
        "het Rijk, niet die van gemeenten."
        + (f" Schaal {p['schaal']} komt uit tariefprofiel {p['profiel']} (een aanname; kies met --schaal)." if p.get("profiel") else "")
        + (
            f" Let op de editie: de productieve uren ({nl.nl_number(p['productieve_uren'])}) komen uit {p['uren_bron']}"
            f" ({STATUS_LABELS.get(p['uren_status'], p['uren_status'])}), de kosten uit {p['naam']}."
            if p.get("uren_bron")
            else ""
        )
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
        f"Met het berekende tarief kosten {names_and(p['modellen'])} in totaal hetzelfde: de uren "
        "schalen lineair met het aantal inwoners. De modellen verschillen in wie het werk doet en "
        "wie wie betaalt."
    ),
    "tarief_advies": lambda p: (
        "Tarief 'advies': de landelijke bedragen van de aanbeveling (§6; in euro's per inwoner per jaar in §4.1.2 en §5.1) "
        f"voor relatiebeheer en communicatie. {p['toelichting'] or ''}"
    ).strip(),
    "schaalvoordeel_aanname": lambda p: (
        f"{STATUS_WORDS.get(str(p['status']), '')}de {p['uitvoerder']} is {nl.pct(p['procent'])} goedkoper dan een "
        f"regionale uitvoerder ({_cited(p)}). {p['toelichting']} Pas aan met --schaalvoordeel {p['id']}=PCT."
    ),
    "advies_landelijk": lambda p: (
        f"Met tarief 'advies' betalen {names_and(p['modellen'])} hetzelfde bedrag per inwoner: §6 beveelt één "
        f"landelijk bedrag aan. Het schaalvoordeel van de {names_and(p['uitvoerders'], upper=False)} geldt alleen voor "
        "het berekende tarief."
    ),
    "schaalvoordeel_opgegeven": lambda p: (
        f"Schaalvoordeel {p['uitvoerder']}: {nl.pct(p['procent'])} (opgegeven met --schaalvoordeel; {_cited(p)})."
    ),
}


def note_text(n: Notitie) -> str:
    return NOTES[n.code](n.p)


def notes_text(notes: tuple[Notitie, ...] | list[Notitie]) -> list[str]:
    """The notes in words, each once."""
    return list(dict.fromkeys(note_text(n) for n in notes))
