"""Results -> ``Report`` (what the renderer shows). Dutch labels live here."""

from __future__ import annotations

from typing import Any

from burgernet_cost import money
from burgernet_cost.calculator import PAKKET_LABELS, Schatting
from burgernet_cost.render import Column, Report, Table
from burgernet_cost.salary import Uurtarief
from burgernet_cost.trace import Figuur

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
        "omschrijving": tarief.omschrijving,
        "profiel": tarief.profiel,
        "bedragen_per": tarief.peildatum,
        "rust_op_aanname": tarief.rust_op_aanname,
    }


def figures_dict(figuren: tuple[Figuur, ...] | list[Figuur]) -> list[dict[str, object]]:
    return [f.to_dict() for f in figuren]


def sources_line(figuren: tuple[Figuur, ...]) -> str:
    sections = []
    for f in figuren:
        for part in f.bron.split(", "):
            if part.startswith("§") and part not in sections:
                sections.append(part)

    def key(sec: str) -> list[int]:
        return [int(x) if x.isdigit() else 0 for x in sec[1:].split(" ")[0].split(".")]

    return ", ".join(sorted(sections, key=key))


def estimate_report(result: Schatting, data_dir: str) -> Report:
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
        ("Inwoners", money.nl_number(result.inwoners)),
        ("Pakket", f"{result.pakket} ({PAKKET_LABELS[result.pakket]})"),
        ("Uurtarief", tarief.omschrijving + (" (rust op een aanname, zie toelichting)" if tarief.rust_op_aanname else "")),
        ("Bronnen", f"rapport Gemeentelijke taken Burgernet (2014) {sources_line(result.figuren)}"),
        ("Data", data_dir),
    ]
    data = {
        "commando": "estimate",
        "inwoners": result.inwoners,
        "pakket": result.pakket,
        "uurtarief": rate_dict(tarief),
        "taakgebieden": [r.to_dict() for r in result.regels],
        "totaal": result.totaal.to_dict(),
        "rust_op_aanname": result.rust_op_aanname,
        "notities": list(result.notities),
        "figuren": figures_dict(result.figuren),
    }
    return Report(
        title="Kosten gemeentelijke taken Burgernet",
        header=header,
        tables=[table],
        notes=list(result.notities),
        data=data,
        csv=Table(csv_columns, csv_rows, total_rows=1),
    )


# --------------------------------------------------------------------------- compare-models


def _model_label(u: Any) -> str:
    return f"{u.nummer}. {u.naam}" + (" *" if u.rust_op_aanname else "")


def compare_report(vergelijkingen: list[Any], ds: Any, data_dir: str, referentie: bool) -> Report:
    from burgernet_cost.organisation import Vergelijking

    first: Vergelijking = vergelijkingen[0]
    areas = [r for r in first.schatting.regels if r.gekwantificeerd]
    inwoners = money.nl_number(first.inwoners)
    if referentie:
        ref = ds.models.referentiegemeente
        who = f"referentiegemeente van het rapport, {inwoners} inwoners ({ref.bron.kort()}); kies een andere met --inwoners"
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
        ("Uurtarief", first.schatting.uurtarief.omschrijving),
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
        for n in v.notities:
            if n not in notes:
                notes.append(n)
    data = {
        "commando": "compare-models",
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
    return Report(
        title="Inrichtingsmodellen vergeleken: wat betaalt de gemeente?",
        header=header,
        tables=tables,
        notes=notes,
        data=data,
        csv=Table(csv_columns, csv_rows),
    )


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
    from burgernet_cost.render import display

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
