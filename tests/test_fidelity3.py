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


def test_the_council_document_names_the_sources_of_what_changed(bncost, tmp_path):
    import html
    import re

    target = tmp_path / "r.html"
    assert bncost("rapport", "-n", 5000, "-o", target).code == 0
    page = html.unescape(re.sub(r"<[^>]+>", "", target.read_text(encoding="utf-8")))
    after = _flat(page[page.index("Wat veranderde na 2014") :])
    assert "1-1-2020: de financiële bijdrage per inwoner" in after and "overgangsjaar (afgeleid:" in after
    assert "rtvdrenthe.nl/nieuws/15843164" in after and "raadsledenenveiligheid.nl/news/2019" in after
