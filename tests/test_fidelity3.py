"""Fidelity, round 3 (issue 30): dates of mergers, what is inferred, sources a reader can see,
amounts that are not the report's. Each test reads the fixed text or value back."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

from conftest import DATA


def _mergers() -> list[dict[str, str]]:
    with (DATA / "gemeenten" / "herindelingen.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_merger_counts_from_its_legal_date(bncost, dataset):
    weesp = next(m for m in _mergers() if m["naam"] == "Weesp")
    assert weesp["datum"] == "2022-03-24"  # Stb. 2021, 296; every other row is a 1 January
    assert all(m["datum"].endswith("-01-01") for m in _mergers() if m is not weesp and m["naam"] != "Weesp")
    series = dataset.gemeenten().bevolkingsreeks()
    before = json.loads(bncost("regio", "--eenheid", "Amsterdam", "--peildatum", "2022-03-23", "-f", "json").out)
    after = json.loads(bncost("regio", "--eenheid", "Amsterdam", "--peildatum", "2022-06-01", "-f", "json").out)
    on_first = json.loads(bncost("regio", "--eenheid", "Amsterdam", "--jaar", "2022", "-f", "json").out)
    assert before["inwoners"] == on_first["inwoners"]  # members on 1 January stay as they are
    assert after["inwoners"] == before["inwoners"] + series.van(weesp["code"], 2022).inwoners
    r = bncost("estimate", "--gemeente", "Weesp", "--peildatum", "2022-06-01")
    assert r.code == 2 and "opgegaan in Amsterdam op 24-3-2022" in r.err and "vóór 24-3-2022" in r.err
    r = bncost("estimate", "--gemeente", "Weesp", "--jaar", "2023")
    assert r.code == 2 and "op 24-3-2022" in r.err
    assert bncost("estimate", "--gemeente", "Weesp", "--peildatum", "2022-03-23").code == 0
    gooi = json.loads(bncost("regio", "--veiligheidsregio", "Gooi en Vechtstreek", "--peildatum", "2022-06-01", "-f", "json").out)
    assert "Weesp" not in json.dumps(gooi)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_quotations_of_the_timeline_are_spelled_as_their_source(dataset):
    import re

    for e in dataset.tijdlijn.gebeurtenissen:
        citaat = _flat(e.bron.citaat or "")
        for text in (e.datum_toelichting, e.methode):
            for quoted in re.findall(r'"([^"]+)"', _flat(text or "")):
                if quoted in ("beheertaken vervallen",):
                    continue
                assert quoted in citaat or quoted in _flat(e.gebeurtenis), (e.id, quoted)
    assert '"zal worden beëindigd"' not in (DATA / "tijdlijn.yaml").read_text(encoding="utf-8")  # one spelling: the source's


def test_inferred_events_say_so_with_their_method_and_every_source(bncost, dataset):
    events = {e.id: e for e in dataset.tijdlijn.gebeurtenissen}
    assert events["vernieuwing-2019"].status == "afgeleid" and "datum van het bericht" in events["vernieuwing-2019"].methode
    out = _flat(bncost("estimate", "-n", 5000, "--peildatum", "2024-06-01").out)
    for e in events.values():
        for url in e.bron.urls:
            assert url in out.replace(" ", "") or url in out, url
        if e.status == "afgeleid":
            assert f"(afgeleid: {_flat(e.methode)})" in out
    assert len(events["sms-spraak-stopt-2023"].bron.urls) == 2


def test_the_council_document_names_the_sources_of_what_changed(bncost, dataset, tmp_path):
    import html
    import re

    target = tmp_path / "r.html"
    assert bncost("rapport", "-n", 5000, "-o", target).code == 0
    page = html.unescape(re.sub(r"<[^>]+>", "", target.read_text(encoding="utf-8")))
    after = _flat(page[page.index("Wat veranderde na 2014") :])
    assert "1-1-2020: de financiële bijdrage per inwoner" in after and "overgangsjaar (afgeleid)" in after
    assert "alleen nog de app (noot" in after  # one note: every source with its dates, and the methods
    note = after[after.index("Bronnen na 2014:") :]
    raw = target.read_text(encoding="utf-8")  # a source is a link named after its site: the address is its href
    for e in dataset.tijdlijn.gebeurtenissen:
        assert all(f'href="{html.escape(url)}"' in raw for url in e.bron.urls)
        if e.status == "afgeleid":
            assert _flat(e.methode) in note


def _json(bncost, *args):
    r = bncost(*args, "-f", "json")
    assert r.code == 0, r.err
    return json.loads(r.out, parse_float=Decimal)


def test_model_3_contribution_per_inhabitant_is_derived_from_section_6(dataset):
    landelijk = next(m for m in dataset.models.modellen if m.id == "landelijk")
    assert landelijk.status == "afgeleid" and "§6" in landelijk.methode and "6" in landelijk.bron.sectie.split("; ")
    assert "een bijdrage leveren aan de landelijke voorziening" in landelijk.bron.citaat
    for amount in dataset.models.adviesbedragen:
        assert {"6", "4.1.2", "5.1"} <= set(amount.bron.sectie.split("; ")), amount.bron.sectie


def test_advice_names_all_its_sections_and_the_gap_is_the_rounding(bncost, dataset):
    from burgernet_cost.output import numbers as money

    data = _json(bncost, "compare-models", "--tarief", "advies", "-p", "basis")
    models = {m["model"]: m for m in data["vergelijkingen"][0]["modellen"]}
    gap = models["regionaal"]["totaal_per_jaar"] - models["gemeentelijk"]["totaal_per_jaar"]
    own = models["gemeentelijk"]["eigen_kosten_per_jaar"] - models["regionaal"]["eigen_kosten_per_jaar"]
    note = next(n for n in data["notities"] if n.startswith("Tarief advies, basispakket"))
    assert f"regionaal is {money.euro(abs(gap))} per jaar goedkoper" in note
    assert "de afronding van het rapport" in note and f"€ {money.nl_number(own / data['inwoners'], 4)}" in note
    assert f"wordt {money.euro(models['regionaal']['tarief_per_inwoner_per_jaar'])}" in note
    assert own - models["regionaal"]["bijdrage_per_jaar"] == -gap
    assert "§4.1.2, §5.1" in bncost("compare-models", "--tarief", "advies").out


def test_bncosts_own_views_and_assumptions_are_marked(bncost, tmp_path):
    import html
    import re

    out = _flat(bncost("compare-models").out)
    assert "Dat is, volgens bncost (niet het rapport), het praktische argument" in out
    assert "niet gekwantificeerd (§3.1; het rapport noemt hiervoor geen uren)" in out
    assert "geen uren gemeten" not in out.split("Toelichting")[1].split("Uitleg")[0]
    target = tmp_path / "r.html"
    assert bncost("rapport", "-n", 5000, "-o", target).code == 0
    page = _flat(html.unescape(re.sub(r"<[^>]+>", "", target.read_text(encoding="utf-8"))))
    assert "De uren en dus de kosten groeien evenredig" not in page
    assert "bncost neemt aan dat de uren en kosten evenredig groeien met het aantal inwoners" in page


def test_inhabitants_are_given_only_when_the_user_gave_them(bncost, dataset):
    reference = dataset.models.referentiegemeente.inwoners
    plain = _flat(bncost("compare-models").out)
    assert "inwoners van de referentiegemeente van het rapport (§4.1.1)" in plain and "inwoners opgegeven" not in plain
    assert "inwoners opgegeven" in _flat(bncost("compare-models", "-n", reference).out)


def test_sources_are_documents_not_search_pages_or_undated_pages(dataset):
    import yaml

    def urls(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "url":
                    yield from [v] if isinstance(v, str) else v
                else:
                    yield from urls(v)
        elif isinstance(node, list):
            for v in node:
                yield from urls(v)

    for path in DATA.glob("*.yaml"):
        for url in urls(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert "search=" not in url and "/zoeken" not in url, (path.name, url)
            assert "onderwerpenindex" not in url, (path.name, url)  # car-uwo.nl's topic pages carry no date
    step = next(s for s in dataset.salary.cao_verhogingen if s.datum == "2019-10-01")
    assert any("gmb-2019-306633" in u for u in step.bron.urls)


def test_roles_are_introduced_in_the_reports_words(bncost, dataset):
    roles = {r.id: r for r in dataset.tasks.rollen}
    assert '"(laten)" bij taken opgenomen' in _flat(roles["manager_burgernet"].toelichting)
    assert all(r.toelichting for r in roles.values() if r.organisatie == "politie")
    out = _flat(bncost("taken", "--organisatie", "politie").out)
    for r in roles.values():
        if r.organisatie == "politie":
            assert f"{r.naam} (Bijlage 1): {_flat(r.toelichting)}" in out
    for n in (2, 3):  # the anchors of the footnotes stand in the printed text, and the footnotes below
        assert f"({n})" in out and f"Voetnoot {n} (Bijlage 1, Opsporingsambtenaren" in out
    data = _json(bncost, "taken", "--organisatie", "alle")
    assert {r["id"] for r in data["rollen"]} == set(roles)


def test_bijlage2_shows_roles_and_subjects(bncost, dataset):
    out = bncost("taken", "--bijlage2").out
    lines = dataset.tasks.bijlage2.regels
    names = {r.id: r.naam for r in dataset.tasks.rollen}
    subjects = {o.id: o.naam for o in dataset.tasks.onderwerpen}
    for rol in dict.fromkeys(r.rol for r in lines):
        count = sum(1 for r in lines if r.rol == rol)
        assert f"Bijlage 2, {names[rol]}: {count} regels" in out
    first = lines[0]
    row = next(line for line in out.splitlines() if line.startswith(first.id + " "))
    assert subjects[first.onderwerp].split()[0] in row


def test_huidig_names_its_price_level_takes_a_year_and_says_unknown(bncost, dataset):
    from burgernet_cost.data.instant import report_price_date
    from burgernet_cost.output.wording import date_nl

    plain = _json(bncost, "huidig")
    assert plain["prijspeil"] == report_price_date(dataset)
    assert f"Prijspeil van de tarieven: {date_nl(report_price_date(dataset))}" in _flat(bncost("huidig").out)
    later = _json(bncost, "huidig", "--jaar", 2024)
    assert later["prijspeil"] == "2024-01-01"
    for p in ("basis", "volledig"):
        assert later["bncost_tarief_berekend"][p] > plain["bncost_tarief_berekend"][p]
        assert later["rapport_tarief_advies"][p] > plain["rapport_tarief_advies"][p]  # indexed, and said so
    assert "Advies (§6), geïndexeerd naar 2024" in bncost("huidig", "--jaar", 2024).out
    rows = {r["gebied"]: r for r in plain["gebieden"]}
    unnamed = [s.gebied for s in dataset.models.situatie_2014 if s.bijdrage_gemeenten_per_inwoner is None]
    assert unnamed and all(rows[g]["vergelijkbaar_met_tarief"] is None for g in unnamed)
    assert all(rows[g]["vergelijking"].startswith("onbekend") for g in unnamed)
    # never "did not pay the staff" where §2.1 does not say who paid it: the extra items are the reason
    for s in dataset.models.situatie_2014:
        if s.bijdrage_betaalt and s.gebied not in unnamed:
            assert "betaalde geen" not in rows[s.gebied]["vergelijking"]


def test_the_derived_2012_cell_is_shown_from_the_2019_table(bncost, dataset):
    from burgernet_cost.output import numbers as money

    profile = next(p for p in dataset.salary.tariefprofielen if p.id == dataset.salary.standaard_tariefprofiel)
    derived = next(t for t in dataset.salary.tabellen if t.id == profile.tabel)
    cell = derived.schalen[profile.schaal][profile.periodiek]
    source = min(
        (
            t
            for t in dataset.salary.tabellen
            if t.status == "gepubliceerd"
            and t.ingangsdatum > derived.ingangsdatum
            and profile.periodiek < len(t.schalen.get(profile.schaal, []))
        ),
        key=lambda t: t.ingangsdatum,
    )
    value = Decimal(source.schalen[profile.schaal][profile.periodiek])
    steps = [
        s
        for s in dataset.salary.cao_verhogingen
        if derived.ingangsdatum < s.datum <= source.ingangsdatum and (not s.alleen_voor_tabellen or derived.id in s.alleen_voor_tabellen)
    ]
    for s in reversed(steps):
        value = value / (1 + Decimal(str(s.procent)) / 100) if s.procent is not None else value - Decimal(str(s.bedrag_per_maand))
    assert abs(value - cell) < 2  # the table's own method: rounded to whole euros (+-2)
    out = _flat(bncost("estimate", "-n", 54600).out)
    from burgernet_cost.output.wording import date_nl

    shown = (
        f"{money.euro(Decimal(source.schalen[profile.schaal][profile.periodiek]), 0)} (gepubliceerde tabel {date_nl(source.ingangsdatum)}) "
    )
    assert shown in out
    assert f"= {money.euro(value)}, in de tabel {money.euro(Decimal(cell), 0)}" in out
    chain = out.split(shown)[1].split(" = ")[0].split()
    assert len(steps) == sum(1 for word in chain if word in ("/", "-"))


def test_a_later_document_does_not_name_the_2012_table_as_its_source(bncost, tmp_path):
    import html
    import re

    target = tmp_path / "r.html"
    assert bncost("rapport", "-n", 54600, "--jaar", 2024, "-o", target).code == 0
    page = target.read_text(encoding="utf-8")
    table = page[page.index("Cijfers en bronnen") :]
    rows = [_flat(html.unescape(re.sub(r"<[^>]+>", " ", r))) for r in re.findall(r"<tr.*?</tr>", table, re.S)]
    profile = next(r for r in rows if r.startswith("tariefprofiel"))
    assert "1-4-2012" not in profile
    assert any(r.startswith("maandsalaris") and "2019" in r for r in rows)
    text = _flat(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "de bedragen tussen haakjes zijn die van bncost op prijspeil 1-1-2024, in centen: niet de bedragen van het rapport" in text


def test_brackets_at_another_price_level_are_not_the_reports(bncost):
    later = _flat(bncost("estimate", "-n", 54600, "--jaar", 2024).out)
    assert "(≈ € 0,04)" in later and "niet de bedragen van het rapport" in later and "geïndexeerd" in later
    assert "niet de bedragen van het rapport" not in bncost("estimate", "-n", 54600).out


def test_the_series_has_a_row_at_the_reports_level_and_reconciles_it(bncost, dataset):
    from burgernet_cost.output import numbers as money

    data = _json(bncost, "reeks", "--gemeente", "Amersfoort", "--tot", 2016)
    plain = _json(bncost, "estimate", "--gemeente", "Amersfoort")
    top, first = data["rapportniveau"], data["jaren"][0]
    assert top["kosten_per_jaar"] == plain["totaal"]["kosten_per_jaar"] and top["prijspeil_datum"] == plain["prijspeil"]
    assert top["inwoners"] == first["inwoners"] and top["kosten_per_jaar"] != first["kosten_per_jaar"]
    note = next(n for n in data["notities"] if n.startswith(f"De rij {first['jaartal']} rekent op prijspeil"))
    assert f"{money.euro(top['kosten_per_jaar'])} per jaar in plaats van {money.euro(first['kosten_per_jaar'])}" in note
    assert "rapport (2014)" in bncost("reeks", "--gemeente", "Amersfoort", "--tot", 2016).out
    assert "rapportniveau" not in _json(bncost, "reeks", "--gemeente", "Amersfoort", "--tot", 2016, "--uurtarief", 30)


def test_a_municipalitys_series_flags_a_merger(bncost, dataset):
    merged = [m for m in _mergers() if m["opgegaan_in_naam"] == "Groningen"]
    year = int(merged[0]["datum"][:4])
    data = _json(bncost, "reeks", "--gemeente", "Groningen", "--van", year - 1, "--tot", year)
    rows = {r["jaartal"]: r for r in data["jaren"]}
    assert all(m["naam"] in rows[year]["opmerking_volledig"] for m in merged)
    jump = Decimal(rows[year]["inwoners"] - rows[year - 1]["inwoners"]) / rows[year - 1]["inwoners"] * 100
    from burgernet_cost.output import numbers as money

    note = next(n for n in data["notities"] if n.startswith(f"{year}: Herindeling"))
    assert f"inwoners +{money.pct(jump)} tegen {year - 1}" in note and "geen groei van dezelfde gemeente" in note
    assert "herindeling" not in rows[year - 1]["opmerking_volledig"]
    weesp = _json(bncost, "reeks", "--gemeente", "Amsterdam", "--van", 2022, "--tot", 2023)
    assert "herindeling 24-3-2022" in weesp["jaren"][-1]["opmerking_volledig"]


def test_the_integral_cost_carries_its_caveats_everywhere(bncost, dataset, tmp_path):
    import html
    import re

    ik = dataset.salary.integrale_kosten
    out = _flat(bncost("estimate", "-n", 54600, "--kostenbasis", "integraal").out)
    from burgernet_cost.output import numbers as money

    hours = money.nl_number(ik.productieve_uren_per_jaar)
    assert f"Let op de editie: de productieve uren ({hours}) komen uit {ik.productieve_uren_bron.document}" in out
    assert f"de kosten uit {ik.naam}" in out and ik.productieve_uren_bron.document not in ik.naam
    target = tmp_path / "r.html"
    assert bncost("rapport", "-n", 54600, "-o", target).code == 0
    page = _flat(html.unescape(re.sub(r"<[^>]+>", " ", target.read_text(encoding="utf-8"))))
    sentence = page[page.index("Op een andere kostenbasis") :][:400]
    assert "(noot" in sentence
    assert "de schalen zijn die van het Rijk, niet die van gemeenten" in page and f"de kosten uit {ik.naam}" in page


def test_a_municipality_after_a_mid_year_merger_says_what_it_counts(bncost, dataset):
    out = _flat(bncost("estimate", "--gemeente", "Amsterdam", "--peildatum", "2022-06-01").out)
    series = dataset.gemeenten().bevolkingsreeks()
    total = series.van("GM0363", 2022).inwoners + series.van("GM0457", 2022).inwoners
    from burgernet_cost.output import numbers as money

    assert f"{money.nl_number(total)} inwoners op 1-1-2022, met Weesp (herindeling 24-3-2022" in out
    assert "met Weesp" not in bncost("estimate", "--gemeente", "Amsterdam", "--jaar", 2022).out


def test_a_region_member_after_a_mid_year_merger_names_it_in_its_source(bncost):
    data = _json(bncost, "regio", "--eenheid", "Amsterdam", "--peildatum", "2022-06-01")
    ams = next(m for m in data["leden"] if m["gemeente"] == "Amsterdam")
    assert ams["bron_inwoners"] == "CBS 2022-01-01, met Weesp (herindeling 24-3-2022)"
    plain = _json(bncost, "regio", "--eenheid", "Amsterdam", "--jaar", 2022)
    assert next(m for m in plain["leden"] if m["gemeente"] == "Amsterdam")["bron_inwoners"] == "CBS 2022-01-01"
