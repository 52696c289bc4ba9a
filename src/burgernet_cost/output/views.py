"""Results -> ``Report`` (what the renderer shows). Dutch labels live here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from burgernet_cost.output import numbers as money
from burgernet_cost.domain.estimate import Regel, Schatting
from burgernet_cost.domain.rate import Uurtarief
from burgernet_cost.domain.trace import Figuur
from burgernet_cost.output.explain import Knoop, group, tree
from burgernet_cost.output.renderers import Column, Report, Table
from burgernet_cost.output.wording import PAKKET_LABELS, figure_label, notes_text, rate_description

ESTIMATE_COLUMNS = [
    Column("taakgebied", "Taakgebied"),
    Column("uren_per_maand", "Uren/maand", "hours", "niet gekwantificeerd"),
    Column("fte", "FTE", "fte"),
    Column("kosten_per_jaar", "Kosten/jaar", "money"),
    Column("per_inwoner_per_jaar", "Per inwoner/jaar", "per_inwoner_cent"),
    Column("bron", "Bron"),
]


def rate_dict(tarief: Uurtarief) -> dict[str, Any]:
    return {
        "bedrag": money.machine(tarief.bedrag, "rate"),
        "omschrijving": rate_description(tarief),
        "profiel": tarief.profiel,
        "bedragen_per": tarief.peildatum,
        "rust_op_aanname": tarief.rust_op_aanname,
    }


def figures_dict(figuren: tuple[Figuur, ...] | list[Figuur]) -> list[dict[str, object]]:
    """Every figure a result read, with its stable id, as the JSON lists them."""
    out = []
    for f in figuren:
        waarde: object = f.waarde
        if isinstance(waarde, Decimal):
            waarde = format(waarde.normalize(), "f") if waarde == waarde.to_integral() else str(waarde)
        out.append({"id": f.id, "naam": figure_label(f), "waarde": waarde, "eenheid": f.eenheid, "bron": f.bron,
                    "status": f.status, "plaats": f.plaats})
    return out


def regel_dict(r: Regel) -> dict[str, Any]:
    return {
        "taakgebied": r.taakgebied,
        "naam": r.naam or "Totaal (gekwantificeerd)",
        "gekwantificeerd": r.gekwantificeerd,
        "uren_per_maand": money.machine(r.uren_per_maand, "hours"),
        "fte": money.machine(r.fte, "fte"),
        "kosten_per_jaar": money.machine(r.kosten_per_jaar, "money"),
        "per_inwoner_per_jaar": money.machine(r.per_inwoner, "per_inwoner"),
        "bron": r.bron,
    }


def sources_line(figuren: tuple[Figuur, ...]) -> str:
    sections = []
    for f in figuren:
        for part in f.bron.split(", "):
            if part.startswith("§") and part not in sections:
                sections.append(part)

    def key(sec: str) -> list[int]:
        return [int(x) if x.isdigit() else 0 for x in sec[1:].split(" ")[0].split(".")]

    return ", ".join(sorted(sections, key=key))


def scenario_header(ds: Any) -> list[tuple[str, str]]:
    if ds is None or ds.scenario is None:
        return []
    return [("Scenario", ds.scenario.summary())]


def rate_header(tarief: Uurtarief) -> tuple[str, str]:
    return ("Uurtarief", rate_description(tarief) + (" (rust op een aanname, zie toelichting)" if tarief.rust_op_aanname else ""))


def add_explanation(report: Report, steps: list[Knoop] | None, ds: Any) -> Report:
    if ds is not None and ds.scenario is not None:
        report.data["scenario"] = ds.scenario.to_dict()
    if steps is not None:
        report.uitleg = steps
        report.data["uitleg"] = [s.to_dict() for s in steps]
    return report


def estimate_report(result: Schatting, data_dir: str, municipality: Any = None, ds: Any = None, uitleg: bool = False) -> Report:
    rows = []
    for r in (*result.regels, result.totaal):
        rows.append(
            {
                "taakgebied": r.naam if r.taakgebied != "totaal" else "Totaal",
                "taakgebied_id": r.taakgebied,
                "uren_per_maand": r.uren_per_maand,
                "fte": r.fte,
                "kosten_per_jaar": r.kosten_per_jaar,
                "per_inwoner_per_jaar": r.per_inwoner,
                "bron": r.bron,
            }
        )
    table = Table(ESTIMATE_COLUMNS, rows, total_rows=1)
    csv_columns = [Column("taakgebied", "taakgebied"), Column("naam", "naam"), *ESTIMATE_COLUMNS[1:]]
    csv_rows = [{**row, "taakgebied": row["taakgebied_id"], "naam": row["taakgebied"]} for row in rows]
    tarief = result.uurtarief
    header = [
        *([municipality_header(*municipality)] if municipality else []),
        ("Inwoners", money.nl_number(result.inwoners)),
        ("Pakket", f"{result.pakket} ({PAKKET_LABELS[result.pakket]})"),
        rate_header(tarief),
        ("Bronnen", f"rapport Gemeentelijke taken Burgernet (2014) {sources_line(result.figuren)}"),
        *scenario_header(ds),
        ("Data", data_dir),
    ]
    data = {
        "commando": "estimate",
        "gemeente": municipality_dict(*municipality) if municipality else None,
        "inwoners": result.inwoners,
        "pakket": result.pakket,
        "uurtarief": rate_dict(tarief),
        "taakgebieden": [regel_dict(r) for r in result.regels],
        "totaal": regel_dict(result.totaal),
        "rust_op_aanname": result.rust_op_aanname,
        "notities": notes_text(result.notities),
        "figuren": figures_dict(result.figuren),
    }
    report = Report(
        title="Kosten gemeentelijke taken Burgernet",
        header=header,
        tables=[table],
        notes=notes_text(result.notities),
        data=data,
        csv=Table(csv_columns, csv_rows, total_rows=1),
    )
    return add_explanation(report, tree(result.spoor) if uitleg else None, ds)


# --------------------------------------------------------------------------- compare-models


def _model_label(u: Any) -> str:
    return f"{u.nummer}. {u.naam}" + (" *" if u.rust_op_aanname else "")


def compare_report(vergelijkingen: list[Any], ds: Any, data_dir: str, referentie: bool, municipality: Any = None,
                   uitleg: bool = False) -> Report:
    from burgernet_cost.domain.compare import Vergelijking

    first: Vergelijking = vergelijkingen[0]
    areas = [r for r in first.schatting.regels if r.gekwantificeerd]
    inwoners = money.nl_number(first.inwoners)
    if referentie:
        ref = ds.models.referentiegemeente
        who = f"referentiegemeente van het rapport, {inwoners} inwoners ({ref.bron.kort()}); kies een andere met --inwoners"
    elif municipality:
        who = municipality_header(*municipality)[1]
    else:
        who = f"{inwoners} inwoners"
    sv = first.schaalvoordeel
    sv_text = (
        f"{money.pct(sv)} (aanname; {ds.models.schaalvoordeel_landelijk.bron.kort()} zegt alleen \"iets lager\")"
        if first.schaalvoordeel_standaard
        else f"{money.pct(sv)} (opgegeven met --schaalvoordeel)"
    )
    header = [
        ("Gemeente", who),
        ("Pakket", ", ".join(f"{v.pakket} ({PAKKET_LABELS[v.pakket]})" for v in vergelijkingen)),
        ("Tarief", "berekend uit de uren (zoals §4.1.2)" if first.tarief == "berekend" else "advies: de landelijke bedragen van §6"),
        ("Schaalvoordeel landelijk", sv_text),
        rate_header(first.schatting.uurtarief),
        *scenario_header(ds),
        ("Data", data_dir),
    ]
    who_columns = [Column("model", "Model")] + [Column(a.taakgebied, a.naam) for a in areas] + [Column("verrekening", "Verrekening")]
    who_rows = [
        {"model": _model_label(u), **{a.taakgebied: u.uitvoering.get(a.taakgebied, "") for a in areas}, "verrekening": u.verrekening}
        for u in first.uitkomsten
    ]
    tables = [Table(who_columns, who_rows, title="Wie doet wat")]
    cost_columns = [
        Column("model", "Model"),
        Column("eigen_uren_per_maand", "Eigen uren/maand", "hours"),
        Column("eigen_fte", "Eigen FTE", "fte"),
        Column("eigen_kosten_per_jaar", "Eigen kosten", "money"),
        Column("tarief_per_inwoner_per_jaar", "Tarief/inwoner", "per_inwoner", "–"),
        Column("bijdrage_per_jaar", "Bijdrage", "money"),
        Column("totaal_per_jaar", "Totaal", "money"),
        Column("verschil_met_gemeentelijk", "Verschil", "money"),
    ]
    csv_columns = [
        Column("pakket", "pakket"),
        Column("model", "model"),
        *[Column(f"{a.taakgebied}_door", f"{a.taakgebied}_door") for a in areas],
        *cost_columns[1:],
        Column("rust_op_aanname", "rust_op_aanname"),
    ]
    csv_rows = []
    payload = []
    for v in vergelijkingen:
        rows = []
        for u in v.uitkomsten:
            row = {
                "model": _model_label(u),
                "eigen_uren_per_maand": u.eigen_uren,
                "eigen_fte": u.eigen_fte,
                "eigen_kosten_per_jaar": u.eigen_kosten,
                "tarief_per_inwoner_per_jaar": u.tarief_per_inwoner,
                "bijdrage_per_jaar": u.bijdrage,
                "totaal_per_jaar": u.totaal,
                "verschil_met_gemeentelijk": u.verschil,
            }
            rows.append(row)
            csv_rows.append({**row, "pakket": v.pakket, "model": u.id,
                             **{f"{a}_door": e for a, e in u.uitvoering.items()},
                             "rust_op_aanname": "true" if u.rust_op_aanname else "false"})
        tables.append(Table(cost_columns, rows, title=f"Kosten per jaar, {PAKKET_LABELS[v.pakket]} (verschil = totaal min totaal gemeentelijk)"))
        payload.append({
            "pakket": v.pakket,
            "modellen": [
                {
                    "model": u.id,
                    "nummer": u.nummer,
                    "naam": u.naam,
                    "uitvoering": u.uitvoering,
                    "verrekening": u.verrekening,
                    "eigen_uren_per_maand": money.machine(u.eigen_uren, "hours"),
                    "eigen_fte": money.machine(u.eigen_fte, "fte"),
                    "eigen_kosten_per_jaar": money.machine(u.eigen_kosten, "money"),
                    "uitbesteed_uren_per_maand": money.machine(u.uitbesteed_uren, "hours"),
                    "tarief_per_inwoner_per_jaar": money.machine(u.tarief_per_inwoner, "per_inwoner"),
                    "bijdrage_per_jaar": money.machine(u.bijdrage, "money"),
                    "totaal_per_jaar": money.machine(u.totaal, "money"),
                    "verschil_met_gemeentelijk": money.machine(u.verschil, "money"),
                    "rust_op_aanname": u.rust_op_aanname,
                }
                for u in v.uitkomsten
            ],
        })
    notes = []
    if any(u.rust_op_aanname for v in vergelijkingen for u in v.uitkomsten):
        notes.append("* Dit model rust op de aanname over het schaalvoordeel van een landelijke voorziening (zie hieronder).")
    for v in vergelijkingen:
        for n in notes_text(v.notities):
            if n not in notes:
                notes.append(n)
    situation = situation_2014_for(ds, municipality[0]) if municipality else None
    if situation is not None:
        paid = situation.bijdrage_gemeenten_per_inwoner
        text = (f"In 2014 ({situation.gebied}, {situation.bron.kort()}): {situation.omschrijving}; bijdrage gemeenten "
                + ("niet genoemd" if paid is None else f"{money.euro(paid)} per inwoner = {money.euro(paid * first.inwoners)} per jaar")
                + " (inclusief werving).")
        header.insert(1, ("Situatie 2014", text))
    data = {
        "commando": "compare-models",
        "gemeente": municipality_dict(*municipality) if municipality else None,
        "situatie_2014": None if situation is None else {
            "gebied": situation.gebied, "uitvoerder": situation.uitvoerder,
            "bijdrage_gemeenten_per_inwoner": money.machine(situation.bijdrage_gemeenten_per_inwoner, "per_inwoner"),
            "omschrijving": situation.omschrijving},
        "inwoners": first.inwoners,
        "referentiegemeente": referentie,
        "tarief": first.tarief,
        "schaalvoordeel_landelijk": {
            "procent": money.machine(sv, "pct"),
            "status": ds.models.schaalvoordeel_landelijk.status if first.schaalvoordeel_standaard else "invoer",
            "bron": ds.models.schaalvoordeel_landelijk.bron.kort(),
        },
        "uurtarief": rate_dict(first.schatting.uurtarief),
        "vergelijkingen": payload,
        "notities": notes,
        "figuren": figures_dict(first.figuren),
    }
    report = Report(
        title="Inrichtingsmodellen vergeleken: wat betaalt de gemeente?",
        header=header,
        tables=tables,
        notes=notes,
        data=data,
        csv=Table(csv_columns, csv_rows),
    )
    steps = None
    if uitleg:
        steps = (tree(first.spoor) if len(vergelijkingen) == 1
                 else [group(f"Pakket {v.pakket} ({PAKKET_LABELS[v.pakket]})", tree(v.spoor)) for v in vergelijkingen])
    return add_explanation(report, steps, ds)


# --------------------------------------------------------------------------- huidig (2014)

UITVOERDER_LABELS = {
    "politie": "politie",
    "gemeenten": "gemeenten zelf",
    "politie_en_gemeenten": "politie en gemeenten",
    "ingehuurd": "ingehuurde medewerker",
}
SOORT_LABELS = {"veiligheidsregio": "veiligheidsregio", "politie_eenheid": "politie-eenheid"}


def current_report(ds: Any, data_dir: str, rates: dict[str, Any], advies: dict[str, Any]) -> Report:
    """The 2014 arrangements (§2.1) next to the report's tariffs."""
    columns = [
        Column("gebied", "Gebied"),
        Column("soort", "Soort"),
        Column("uitvoerder", "Uitvoering 2014"),
        Column("bijdrage_gemeenten_per_inwoner", "Bijdrage 2014", "money", "niet genoemd"),
        Column("verschil_met_volledig", "Verschil", "per_inwoner", "–"),
        Column("omschrijving", "Afspraak (§2.1)"),
    ]
    rows = []
    for sit in ds.models.situatie_2014:
        bijdrage = sit.bijdrage_gemeenten_per_inwoner
        rows.append({
            "gebied": sit.gebied,
            "soort": SOORT_LABELS[sit.soort],
            "soort_id": sit.soort,
            "code": sit.code,
            "uitvoerder": UITVOERDER_LABELS[sit.uitvoerder],
            "uitvoerder_id": sit.uitvoerder,
            "bijdrage_gemeenten_per_inwoner": bijdrage,
            "bijdrage_totaal_per_inwoner": sit.bijdrage_totaal_per_inwoner,
            "verschil_met_volledig": None if bijdrage is None else bijdrage - rates["volledig"],
            "omschrijving": sit.omschrijving + (f" ({sit.toelichting})" if sit.toelichting else ""),
        })
    header = [
        ("Rapport, berekend (§4.1.2)", f"basis {money.euro(rates['basis'], 4)}, volledig {money.euro(rates['volledig'], 4)} per inwoner per jaar"),
        ("Rapport, advies (§6)", ", ".join(f"{p} {money.euro(v)}" for p, v in advies.items()) + " per inwoner per jaar"),
        ("Data", data_dir),
    ]
    notes = [
        "De bijdragen van 2014 omvatten de wervingskosten (§2.1); de bedragen van het rapport niet (§4.1.2 N.B.). "
        "Een hogere bijdrage in 2014 is dus niet zonder meer te duur.",
        "Bijdrage 2014 = wat gemeenten per inwoner per jaar betaalden. Verschil = die bijdrage min het berekende "
        "tarief van het rapport voor relatiebeheer en communicatie, basis en aanvullend samen.",
    ]
    for sit in ds.models.situatie_2014:
        if sit.bijdrage_totaal_per_inwoner is not None and sit.bijdrage_gemeenten_per_inwoner is not None:
            notes.append(
                f"{sit.gebied}: de totale verrekening was {money.euro(sit.bijdrage_totaal_per_inwoner)} per inwoner, "
                f"waarvan gemeenten {money.euro(sit.bijdrage_gemeenten_per_inwoner)} betaalden ({sit.bron.kort()})."
            )
    csv_columns = [
        Column("gebied", "gebied"), Column("soort_id", "soort"), Column("code", "code"), Column("uitvoerder_id", "uitvoerder"),
        Column("bijdrage_gemeenten_per_inwoner", "", "per_inwoner"), Column("bijdrage_totaal_per_inwoner", "", "per_inwoner"),
        Column("verschil_met_volledig", "", "per_inwoner"),
    ]
    data = {
        "commando": "huidig",
        "rapport_tarief_berekend": {p: money.machine(v, "per_inwoner") for p, v in rates.items()},
        "rapport_tarief_advies": {p: money.machine(v, "per_inwoner") for p, v in advies.items()},
        "gebieden": [
            {
                "gebied": r["gebied"], "soort": r["soort_id"], "code": r["code"], "uitvoerder": r["uitvoerder_id"],
                "bijdrage_gemeenten_per_inwoner": money.machine(r["bijdrage_gemeenten_per_inwoner"], "per_inwoner"),
                "bijdrage_totaal_per_inwoner": money.machine(r["bijdrage_totaal_per_inwoner"], "per_inwoner"),
                "verschil_met_volledig": money.machine(r["verschil_met_volledig"], "per_inwoner"),
                "omschrijving": r["omschrijving"],
            }
            for r in rows
        ],
        "notities": notes,
    }
    return Report(
        title="Situatie 2014: wie voerde de gemeentelijke taken uit en wat betaalden gemeenten?",
        header=header,
        tables=[Table(columns, rows)],
        notes=notes,
        data=data,
        csv=Table(csv_columns, rows),
    )


# --------------------------------------------------------------------------- taken

PAKKET_TITLES = {"basis": "basispakket", "aanvullend": "aanvullend pakket", None: "geen pakketindeling (Bijlage 1)"}


def tasks_report(ds: Any, tasks: list[Any], filters: list[str]) -> Report:
    roles = {r.id: r for r in ds.tasks.rollen}
    subjects = {o.id: o.naam for o in ds.tasks.onderwerpen}
    tables = []
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for t in tasks:
        groups.setdefault((t.rol, t.pakket), []).append(t)
    columns = [Column("vink", " "), Column("id", "Id"), Column("tekst", "Taak"), Column("onderwerp", "Onderwerp")]
    for (rol, pakket), items in groups.items():
        role = roles[rol]
        title = f"{role.naam} ({role.bron.kort()}), {PAKKET_TITLES[pakket]}: {len(items)} taken"
        rows = [
            {"vink": "[ ]", "id": t.id, "tekst": ("  - " if t.deel_van else "") + t.tekst, "onderwerp": subjects[t.onderwerp]}
            for t in items
        ]
        tables.append(Table(columns, rows, title=title))
    csv_columns = [Column(k, k) for k in ("id", "organisatie", "rol", "pakket", "onderwerp", "sectie", "deel_van", "tekst")]
    csv_rows = [
        {"id": t.id, "organisatie": roles[t.rol].organisatie, "rol": t.rol, "pakket": t.pakket, "onderwerp": t.onderwerp,
         "sectie": t.sectie, "deel_van": t.deel_van, "tekst": t.tekst}
        for t in tasks
    ]
    notes = [
        "Aanbeveling §6: leg vast dat minimaal het basispakket voor relatiebeheer en communicatie wordt uitgevoerd.",
        "Het basispakket bevat wat noodzakelijk is om Burgernet kwalitatief voldoende in te zetten; het aanvullend "
        "pakket is niet noodzakelijk maar wel zeer gewenst (§2.4).",
    ]
    if any(roles[t.rol].organisatie == "politie" for t in tasks):
        notes.append("Politietaken (Bijlage 1) zijn voor rekening van de politie (§2.3) en hebben geen pakketindeling.")
    return Report(
        title="Taken Burgernet" + (f" ({', '.join(filters)})" if filters else ""),
        header=[("Aantal taken", str(len(tasks))), ("Bron", ds.tasks.bron.document)],
        tables=tables,
        notes=notes,
        data={"commando": "taken", "filters": filters, "taken": csv_rows},
        csv=Table(csv_columns, csv_rows),
    )


# --------------------------------------------------------------------------- diff


def diff_report(figures: list[Any], base_dir: str, head_dir: str, only_changed: bool) -> Report:
    from burgernet_cost.output.renderers import display

    changed = [f for f in figures if f.gewijzigd]
    shown = changed if only_changed else figures
    columns = [
        Column("groep", "Groep"),
        Column("kengetal", "Kengetal"),
        Column("basis", "Basis", align="right"),
        Column("nieuw", "Nieuw", align="right"),
        Column("verschil", "Verschil", align="right"),
        Column("procent", "Verschil %", align="right"),
    ]
    rows = []
    for f in shown:
        diff = f.verschil
        rows.append({
            "groep": f.groep,
            "kengetal": ("● " if f.gewijzigd else "") + f.naam,
            "basis": display(f.basis, f.soort, "–"),
            "nieuw": display(f.nieuw, f.soort, "–"),
            "verschil": "" if not f.gewijzigd else ("+" if diff is not None and diff > 0 else "") + display(diff, f.soort, "–"),
            "procent": "" if not f.gewijzigd or f.procent is None else ("+" if f.procent > 0 else "") + money.nl_number(f.procent, 2) + "%",
        })
    machine = [
        {
            "groep": f.groep, "kengetal": f.naam, "soort": f.soort,
            "basis": money.machine(f.basis, f.soort), "nieuw": money.machine(f.nieuw, f.soort),
            "verschil": money.machine(f.verschil, f.soort),
            "procent": money.machine(f.procent, "pct"), "gewijzigd": f.gewijzigd,
        }
        for f in shown
    ]
    csv_columns = [Column(k, k) for k in ("groep", "kengetal", "soort", "basis", "nieuw", "verschil", "procent", "gewijzigd")]
    csv_rows = [{**m, **{k: ("" if m[k] is None else m[k]) for k in ("basis", "nieuw", "verschil", "procent")},
                 "gewijzigd": "true" if m["gewijzigd"] else "false"} for m in machine]
    summary = (f"{len(changed)} van {len(figures)} kengetallen gewijzigd" if changed
               else f"geen van de {len(figures)} kengetallen gewijzigd")
    return Report(
        title="Kosteneffect van de datawijziging",
        header=[("Basis", base_dir), ("Nieuw", head_dir), ("Samenvatting", summary)],
        tables=[Table(columns, rows)],
        notes=["● = gewijzigd. Verschil = nieuw min basis; kengetallen die aan één kant ontbreken staan als –."],
        data={"commando": "diff", "basis": base_dir, "nieuw": head_dir, "gewijzigd": len(changed),
              "totaal": len(figures), "kengetallen": machine},
        csv=Table(csv_columns, csv_rows),
    )


# --------------------------------------------------------------------------- gemeenten & regio


def municipality_header(g: Any, gemeenten: Any) -> tuple[str, str]:
    jaar = gemeenten.jaartabel(g.jaar)
    return ("Gemeente", f"{g.naam} ({g.code}), {money.nl_number(g.inwoners)} inwoners op {g.peildatum} "
                        f"({gemeenten.meta.bron.attributie}); {g.provincie}, veiligheidsregio {g.veiligheidsregio}, "
                        f"politie-eenheid {g.politie_eenheid}" + ("" if jaar.politie_eenheid_status == "gepubliceerd" else " (afgeleid)"))


def municipality_dict(g: Any, gemeenten: Any) -> dict[str, Any]:
    return {"code": g.code, "naam": g.naam, "inwoners": g.inwoners, "peildatum": g.peildatum, "provincie": g.provincie,
            "veiligheidsregio": g.veiligheidsregio, "politie_eenheid": g.politie_eenheid,
            "bron": gemeenten.meta.bron.attributie}


def situation_2014_for(ds: Any, g: Any) -> Any:
    """The 2014 arrangement (§2.1) of a municipality: by veiligheidsregio, else by politie-eenheid."""
    if g.jaar != 2014:
        return None
    for sit in ds.models.situatie_2014:
        if sit.soort == "veiligheidsregio" and sit.code == g.veiligheidsregio_code:
            return sit
    for sit in ds.models.situatie_2014:
        if sit.soort == "politie_eenheid" and sit.gebied == g.politie_eenheid:
            return sit
    return None


def municipalities_report(rows: list[Any], gemeenten: Any, jaar: int, filters: list[str]) -> Report:
    columns = [
        Column("code", "Code"), Column("naam", "Gemeente"), Column("inwoners", "Inwoners", "int"),
        Column("provincie", "Provincie"), Column("veiligheidsregio", "Veiligheidsregio"), Column("politie_eenheid", "Politie-eenheid"),
    ]
    data_rows = [dict(g.__dict__) for g in rows]
    total = sum(g.inwoners for g in rows)
    table_rows = data_rows + [{"code": "", "naam": f"Totaal ({len(rows)} gemeenten)", "inwoners": total}]
    jt = gemeenten.jaartabel(jaar)
    return Report(
        title="Gemeenten" + (f" ({', '.join(filters)})" if filters else ""),
        header=[("Peildatum", jt.peildatum), ("Bron", f"{gemeenten.meta.bron.attributie}, {gemeenten.meta.bron.document}")],
        tables=[Table(columns, table_rows, total_rows=1)],
        notes=[] if jt.politie_eenheid_status == "gepubliceerd" else [f"Politie-eenheid {jaar}: {jt.politie_eenheid_methode.strip()}"],
        data={"commando": "gemeenten", "jaar": jaar, "peildatum": jt.peildatum, "bron": gemeenten.meta.bron.attributie,
              "gemeenten": [{k: g.__dict__[k] for k in ("code", "naam", "inwoners", "provincie", "veiligheidsregio_code",
                                                         "veiligheidsregio", "politie_eenheid")} for g in rows],
              "inwoners_totaal": total},
        csv=Table([Column(k, k, "int" if k == "inwoners" else "text")
                   for k in ("code", "naam", "inwoners", "provincie", "veiligheidsregio_code", "veiligheidsregio", "politie_eenheid")],
                  [g.__dict__ for g in rows]),
    )


def budget_balance(regio: Any) -> str:
    """What the executor's hours cost at the hourly rate, against the budget from the contributions."""
    gap = regio.budget - regio.uitvoerder_kosten
    text = f"de uren kosten {money.euro(regio.uitvoerder_kosten)} per jaar tegen het uurtarief"
    if abs(gap) < Decimal("0.01") * max(1, len(regio.leden)):
        return text + "; het budget dekt ze (verschil alleen door afronding op centen)"
    return text + (f"; het budget is {money.euro(gap)} hoger" if gap > 0 else f"; het budget schiet {money.euro(-gap)} tekort")


def region_report(regio: Any, ds: Any, data_dir: str, per_unit: bool, peildatum: str | None, uitleg: bool = False) -> Report:
    from burgernet_cost.domain.region import group_by_unit

    model = next(m for m in ds.models.modellen if m.id == regio.model)
    names = {u.id: u.naam for u in ds.models.uitvoerders}
    outsourced = " en ".join(ds.taakgebied(a).naam.lower() for a, e in model.uitvoering.items() if e != "gemeente")
    own = " en ".join(ds.taakgebied(a).naam.lower() for a, e in model.uitvoering.items() if e == "gemeente")
    executor = " / ".join(dict.fromkeys(names.get(e, e) for e in model.uitvoering.values() if e != "gemeente"))
    header = [
        ("Gebied", regio.titel),
        ("Inwoners", f"{money.nl_number(regio.inwoners)} in {len(regio.leden)} gemeenten" + (f" (peildatum {peildatum})" if peildatum else "")),
        ("Model", f"{model.naam}: {outsourced} door de {executor}" + (f"; {own} door elke gemeente zelf" if own else "")),
        ("Pakket", f"{regio.pakket} ({PAKKET_LABELS[regio.pakket]})"),
        ("Tarief", f"{money.euro(regio.tarief_per_inwoner, 4)} per inwoner per jaar ("
                   + ("berekend uit de uren" if regio.tarief == "berekend" else "advies §6")
                   + (", na schaalvoordeel (aanname)" if regio.model == "landelijk" else "") + ")"),
        ("Uitvoerder", f"{money.hours(regio.uitvoerder_uren)} uur per maand = {money.fte(regio.uitvoerder_fte)} fte; "
                       f"budget {money.euro(regio.budget)} per jaar"),
        *([("Budget en uren", budget_balance(regio))] if regio.model == "regionaal" else []),
        rate_header(regio.vergelijking.schatting.uurtarief),
        *scenario_header(ds),
        ("Data", data_dir),
    ]
    if per_unit:
        columns = [Column("naam", "Politie-eenheid"), Column("gemeenten", "Gemeenten", "int"), Column("inwoners", "Inwoners", "int"),
                   Column("eigen_uren", "Eigen beleid uren/maand", "hours"), Column("bijdrage", "Bijdrage/jaar", "money")]
        rows = [{"naam": u, "gemeenten": n, "inwoners": inh, "eigen_uren": h, "bijdrage": b} for u, n, inh, h, b in group_by_unit(regio)]
        rows.append({"naam": "Totaal", "gemeenten": len(regio.leden), "inwoners": regio.inwoners, "eigen_uren": regio.eigen_uren, "bijdrage": regio.budget})
    else:
        columns = [Column("naam", "Gemeente"), Column("code", "Code"), Column("inwoners", "Inwoners", "int"),
                   Column("eigen_uren", "Eigen beleid uren/maand", "hours"), Column("bijdrage", "Bijdrage/jaar", "money")]
        rows = [{"naam": lid.naam, "code": lid.code, "inwoners": lid.inwoners, "eigen_uren": lid.eigen_uren, "bijdrage": lid.bijdrage}
                for lid in regio.leden]
        rows.append({"naam": "Totaal", "code": "", "inwoners": regio.inwoners, "eigen_uren": regio.eigen_uren, "bijdrage": regio.budget})
    notes = [
        "Bijdrage = tarief x inwoners, per gemeente afgerond op centen (zoals een factuur); het budget van de "
        "uitvoerder is de som van de bijdragen.",
        "Eigen beleid: de uren die elke gemeente zelf besteedt aan beleid (§4.1.1); die blijven bij de gemeente (§5).",
    ]
    skip = {"fte_fragment", "berekend_gelijk"} | ({"schaalvoordeel_aanname", "schaalvoordeel_opgegeven"}
                                                   if regio.model != "landelijk" else set())
    for n in notes_text([n for n in regio.vergelijking.notities if n.code not in skip]):
        if n not in notes:
            notes.append(n)
    machine_rows = [
        {"gemeente": lid.naam, "code": lid.code, "inwoners": lid.inwoners, "bron_inwoners": lid.bron_inwoners,
         "politie_eenheid": lid.politie_eenheid, "eigen_uren_per_maand": money.machine(lid.eigen_uren, "hours"),
         "bijdrage_per_jaar": money.machine(lid.bijdrage, "money")}
        for lid in regio.leden
    ]
    data = {
        "commando": "regio", "gebied": regio.titel, "model": regio.model, "pakket": regio.pakket, "tarief": regio.tarief,
        "tarief_per_inwoner_per_jaar": money.machine(regio.tarief_per_inwoner, "per_inwoner"),
        "inwoners": regio.inwoners, "aantal_gemeenten": len(regio.leden),
        "uitvoerder": {"uren_per_maand": money.machine(regio.uitvoerder_uren, "hours"),
                       "kosten_uren_per_jaar": money.machine(regio.uitvoerder_kosten, "money"),
                       "fte": money.machine(regio.uitvoerder_fte, "fte"), "budget_per_jaar": money.machine(regio.budget, "money")},
        "uurtarief": rate_dict(regio.vergelijking.schatting.uurtarief),
        "leden": machine_rows,
        "notities": notes,
    }
    if per_unit:
        data["eenheden"] = [{"politie_eenheid": u, "gemeenten": n, "inwoners": inh, "eigen_uren_per_maand": money.machine(h, "hours"),
                             "bijdrage_per_jaar": money.machine(b, "money")} for u, n, inh, h, b in group_by_unit(regio)]
    if per_unit:
        csv_table = Table(
            [Column("politie_eenheid", ""), Column("gemeenten", "", "int"), Column("inwoners", "", "int"),
             Column("eigen_uren_per_maand", "", "hours"), Column("bijdrage_per_jaar", "", "money")],
            [{"politie_eenheid": r["naam"], "gemeenten": r["gemeenten"], "inwoners": r["inwoners"],
              "eigen_uren_per_maand": r["eigen_uren"], "bijdrage_per_jaar": r["bijdrage"]} for r in rows[:-1]],
        )
    else:
        csv_table = Table(
            [Column("gemeente", ""), Column("code", ""), Column("inwoners", "", "int"), Column("eigen_uren_per_maand", "", "hours"),
             Column("bijdrage_per_jaar", "", "money"), Column("politie_eenheid", "")],
            [{"gemeente": lid.naam, "code": lid.code, "inwoners": lid.inwoners, "eigen_uren_per_maand": lid.eigen_uren,
              "bijdrage_per_jaar": lid.bijdrage, "politie_eenheid": lid.politie_eenheid} for lid in regio.leden],
        )
    report = Report(
        title=f"Regionale uitvoering: {regio.titel}",
        header=header,
        tables=[Table(columns, rows, total_rows=1)],
        notes=notes,
        data=data,
        csv=csv_table,
    )
    return add_explanation(report, tree(regio.spoor) if uitleg else None, ds)
