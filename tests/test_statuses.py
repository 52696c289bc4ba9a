"""Every figure in data/ by status, as a list a reviewer can check against the report.

The list is written to ``tests/golden/statussen.txt`` (``python tools/regen.py``); the test
fails when the data's statuses change without the list, so a status change shows in review. Each
line: status, file:line, key, source and — for derived figures and assumptions — the method.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from burgernet_cost.data.record_base import Record

LISTING = Path(__file__).resolve().parent / "golden" / "statussen.txt"
FILES = {
    "tasks": "tasks.yaml",
    "interviews": "interviews.yaml",
    "salary": "salary_scales.yaml",
    "models": "inrichtingsmodellen.yaml",
    "tijdlijn": "tijdlijn.yaml",
}
STATUSES = ("gepubliceerd", "afgeleid", "aanname", "secundair")


def _walk(value: Any, path: tuple[Any, ...]) -> Any:
    if isinstance(value, Record):
        if "status" in value.field_names:
            yield path, value
        for name in value.field_names:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, i))


def figures(ds: Any) -> list[tuple[str, str, str, str, str]]:
    out = []
    for attr, file in FILES.items():
        for path, record in _walk(getattr(ds, attr), ()):
            where = ds.where(file, path) or file
            where = "data/" + where.split("data/")[-1]
            key = ".".join(str(p) for p in path) or "(bestand)"
            label = getattr(record, "id", None) or getattr(record, "gebied", None) or ""
            source = getattr(record, "bron", None)
            bron = " + ".join([source.kort(), *source.urls[1:]]) if hasattr(source, "kort") else str(source or "")
            reason = next((getattr(record, k) for k in ("methode", "toelichting") if k in record.field_names and getattr(record, k)), "")
            if "aanname" in record.field_names and record.aanname:
                reason = f"{reason} Aanname: {record.aanname}"
            if "bij_afkappen" in record.field_names and record.bij_afkappen:
                reason = f"{reason} Bij afkappen: {record.bij_afkappen.laag} tot {record.bij_afkappen.hoog}."
            methode = " ".join(str(reason).split())
            out.append((record.status, where, f"{key} {label}".strip(), bron, methode))
    return out


def listing(ds: Any) -> str:
    rows = figures(ds)
    lines = ["# Alle cijfers en teksten in data/ met een status, per status (gemaakt door tests/test_statuses.py)", ""]
    for status in STATUSES:
        chosen = [r for r in rows if r[0] == status]
        lines.append(f"## {status} ({len(chosen)})")
        for _, where, key, bron, methode in chosen:
            lines.append(f"- {where}  {key}  [{bron}]" + (f"\n    waarom: {methode}" if methode and status != "gepubliceerd" else ""))
        lines.append("")
    contradictions = ds.models.tegenstrijdigheden
    lines.append(f"## tegenstrijdigheden in het rapport ({len(contradictions)}; beide plaatsen, getoond bij)")
    for c in contradictions:
        lines.append(f"- {c.id}  [{', '.join(b.kort() for b in c.plaatsen)}]  bij: {', '.join(c.toon_bij)}")
    lines.append("")
    return "\n".join(lines)


def test_every_status_is_known_and_every_inference_has_a_method(dataset):
    rows = figures(dataset)
    assert rows and {r[0] for r in rows} <= set(STATUSES)
    for status, where, key, _bron, methode in rows:
        if status == "afgeleid":
            assert methode, f"{where} {key}: afgeleid zonder methode"


def test_the_reviewed_listing_is_current(dataset):
    assert LISTING.exists(), "run: python tools/regen.py"
    assert LISTING.read_text(encoding="utf-8") == listing(dataset), (
        "the statuses in data/ changed; run: python tools/regen.py and review the difference"
    )


def test_known_inferences_are_not_marked_published(dataset):
    """The audit's findings (issue "Fidelity and time"): these read more into the report than it says."""
    by_key = {key: status for status, _w, key, _b, _m in figures(dataset)}
    assert {s for k, s in by_key.items() if k.endswith(".schaalvoordeel")} == {"aanname"}
    police_units = [k for k in by_key if k.startswith("situatie_2014.") and k.endswith(("Rotterdam", "Amsterdam", "Midden-Nederland"))]
    assert len(police_units) == 3 and {by_key[k] for k in police_units} == {"afgeleid"}
    assert {s.status for s in dataset.interviews.schalingen if s.taakgebied == "beleid"} == {"aanname"}
    assert dataset.tasks.bijlage2 is not None and dataset.tasks.bijlage2.status == "afgeleid"


def test_the_key_salary_cell_cites_the_table_it_comes_from(dataset):
    """Issue "Fidelity, round 2" (1): € 3.858 (schaal 10, periodiek 11, derived 1-4-2012 table) comes from
    the 2019 table (gmb-2019-306633); the 2017 table (gmb-2018-26721) stops at periodiek 10."""
    from burgernet_cost.domain.rate import TariefKeuze, cell_source, uurtarief

    rate = uurtarief(dataset, TariefKeuze())
    cell = next(f for f in rate.figuren if f.soort == "salaris.maand")
    assert cell.bron == "https://zoek.officielebekendmakingen.nl/gmb-2019-306633.html" and cell.status == "afgeleid"
    table_2017 = next(t for t in dataset.salary.tabellen if t.id == "car-uwo-2017-08-01")
    for table in dataset.salary.tabellen:
        for schaal, amounts in table.schalen.items():
            for periodiek in range(len(amounts)):
                source = cell_source(table, schaal, periodiek)
                if source is not None and "gmb-2018-26721" in source.bron.kort():
                    assert periodiek < len(table_2017.schalen.get(schaal, [])), (table.id, schaal, periodiek)


def test_timeline_says_what_the_sources_say(dataset):
    """Issue "Fidelity, round 2" (2): the end date of the contribution is inferred; the 2023 event ends
    "die gemeentelijke taak" (werving and administration of sms/voice participants), with both sources."""
    events = {e.id: e for e in dataset.tijdlijn.gebeurtenissen}
    ended = events["bijdrage-vervalt-2020"]
    assert ended.status == "afgeleid" and "overgangsjaar" in ended.methode
    sms = events["sms-spraak-stopt-2023"]
    assert "vervalt die gemeentelijke taak" in sms.bron.citaat and "31 augustus" in sms.bron.citaat
    assert "werving en ledenadministratie van sms- en spraakdeelnemers" in sms.gevolg
    assert "geen gemeentelijke Burgernet-taak meer" not in sms.gevolg
    assert [u.split("/")[2] for u in sms.bron.urls] == ["veiligheidscoalitie.nl", "www.rtvdrenthe.nl"]


def test_a_late_result_says_which_timeline_consequence_is_inferred(bncost):
    import json

    notes = " ".join(json.loads(bncost("estimate", "--gemeente", "Amersfoort", "--jaar", 2024, "-f", "json").out)["notities"])
    assert "sinds 31-8-2023 vervalt de gemeentelijke taak van werving en ledenadministratie" in notes
    assert "sinds 1-1-2020 wordt de bijdrage per inwoner afgebouwd" in notes and "(afgeleid: de bron noemt 2020" in notes
    assert "geen gemeentelijke Burgernet-taak meer" not in notes


def test_old_police_regions_and_their_codes_are_derived(dataset):
    """Issue "Fidelity, round 2" (3): §2.1 names old police regions; the safety-region codes are bncost's."""
    regions = [s for s in dataset.models.situatie_2014 if s.soort == "politieregio"]
    assert len(regions) == 5 and all(s.code and s.status == "afgeleid" and "veiligheidsregio" in s.methode for s in regions)


def test_the_six_contradictions_are_recorded_with_both_places(dataset):
    """Issue "Fidelity, round 2" (4): where the report says two things, both places are in the data and
    each is shown by a command whose result depends on it."""
    found = {c.id: c for c in dataset.models.tegenstrijdigheden}
    assert set(found) == {
        "midden-nederland-verrekening",
        "aantal-politie-interviews",
        "advies-cent-of-euro",
        "vergoeding-of-kosteloos",
        "sturend-of-besturend-orgaan",
        "aannemen-of-en-verwerken",
    }
    for c in found.values():
        assert len(c.plaatsen) >= 2 and all(p.citaat for p in c.plaatsen) and c.toon_bij
    assert "ct" in found["advies-cent-of-euro"].plaatsen[0].citaat and "huidig" in found["advies-cent-of-euro"].toon_bij
    assert {p.sectie for p in found["sturend-of-besturend-orgaan"].plaatsen} == {"3.1", "Bijlage 1", "Bijlage 2"}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from burgernet_cost.data.loading import load_dataset

    LISTING.write_text(listing(load_dataset(Path(__file__).resolve().parents[1] / "data")), encoding="utf-8")
    print(f"written: {LISTING}")
