"""Bijlage 2's own task lines next to chapter 3 (issue "Fidelity and time", point 3)."""

from __future__ import annotations

import json

from burgernet_cost.domain.tasks import bijlage2_mapping, select_tasks


def test_every_line_is_word_for_word_and_the_mapping_stays_within_its_role(dataset):
    b2 = dataset.tasks.bijlage2
    assert b2 is not None and b2.status == "afgeleid" and b2.methode
    tasks = {t.id: t for t in dataset.tasks.taken}
    for line in b2.regels:
        for ident in line.komt_overeen_met:
            assert tasks[ident].rol == line.rol and tasks[ident].onderwerp == line.onderwerp


def test_unmatched_on_both_sides_come_from_the_data(bncost, dataset):
    tasks, _ = select_tasks(dataset)
    _, lines_alone, tasks_alone = bijlage2_mapping(dataset, tasks)
    matched = {i for r in dataset.tasks.bijlage2.regels for i in r.komt_overeen_met}
    assert [t.id for t in tasks_alone] == [t.id for t in tasks if t.id not in matched]
    assert "rb-b03" in {t.id for t in tasks_alone}  # §3.2 "Versturen afmeldingmail." has no Bijlage 2 line
    assert all((not r.kop or r.eigen_werk) and not r.komt_overeen_met for r in lines_alone) and lines_alone
    # the four headings that name work of their own and have no chapter-3 task (issue "Fidelity, round 2", 4)
    assert [r.id for r in lines_alone if r.kop] == ["b2-rb-20", "b2-cm-11", "b2-bl-01", "b2-bl-21"]
    data = json.loads(bncost("taken", "-f", "json").out)
    assert [r["id"] for r in data["taken_zonder_bijlage2"]] == [t.id for t in tasks_alone]
    assert [r["id"] for r in data["bijlage2_zonder_taak"]] == [r.id for r in lines_alone]
    assert len(data["bijlage2"]) == len(dataset.tasks.bijlage2.regels)
    out = bncost("taken").out
    assert f"Taken in hoofdstuk 3 zonder regel in Bijlage 2: {len(tasks_alone)}" in out
    assert "Items aandragen voor: nieuwsberichten" in out  # a check-mark line is shown with its heading
    full = bncost("taken", "--rol", "relatiebeheer", "--bijlage2").out
    assert "Bijlage 2 naast hoofdstuk 3" in full and "b2-rb-05" in full and "b2-bl-01" not in full


def test_a_changed_mapping_changes_the_listing(bncost, data_copy):
    path = data_copy / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'tekst: "Bellen en verwerken afmeldingen.", komt_overeen_met: [rb-a05]',
        'tekst: "Bellen en verwerken afmeldingen.", komt_overeen_met: [rb-a05, rb-b03]',
    )
    path.write_text(text, encoding="utf-8")
    data = json.loads(bncost("taken", "-f", "json", "--data-dir", data_copy).out)
    assert data["taken_zonder_bijlage2"] == []


def test_a_line_that_points_at_another_role_is_refused_with_file_line_and_key(bncost, data_copy, dataset):
    n = next(i for i, r in enumerate(dataset.tasks.bijlage2.regels) if r.tekst == "Invoeren aanmeldkaarten.")
    path = data_copy / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    needle = 'tekst: "Invoeren aanmeldkaarten.", komt_overeen_met: [rb-a01]'
    line = text[: text.index(needle)].count("\n") + 1
    path.write_text(text.replace(needle, 'tekst: "Invoeren aanmeldkaarten.", komt_overeen_met: [cm-b01, rb-a0x]'), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1
    assert f"tasks.yaml:{line}: bijlage2.regels[{n}].komt_overeen_met[0]: taak 'cm-b01' hoort bij rol" in r.out + r.err
    assert "onbekende taak 'rb-a0x'; bedoelde u" in r.out + r.err


def test_report_content_outside_the_task_lists_is_recorded(bncost, dataset):
    """Issue "Fidelity, round 2" (4): Bijlage 1's municipal alerting is a recorded gap; its three
    footnotes are in the data and shown; pol-mb-25 has the report's en dash."""
    gap = {g.id: g for g in dataset.tasks.elders_genoemd}["b1-alertering-gemeente"]
    assert gap.tekst == "De alerteringen buiten de strafrechtelijke omgeving worden door de gemeente verzorgd."
    assert gap.status == "afgeleid" and gap.methode
    data = json.loads(bncost("taken", "--organisatie", "alle", "-f", "json").out)
    assert [r["id"] for r in data["elders_genoemd"]] == [gap.id]
    notes = [n for rol in dataset.tasks.rollen for n in rol.voetnoten] + [n for t in dataset.tasks.taken for n in t.voetnoten]
    assert sorted(n.nummer for n in notes) == [1, 2, 3]
    assert [v["tekst"] for v in data["voetnoten"]] == [n.tekst for n in sorted(notes, key=lambda n: n.nummer)]
    assert "Voetnoot 3 (Bijlage 1, Opsporingsambtenaren" in " ".join(bncost("taken", "--organisatie", "politie").out.split())
    tasks = {t.id: t for t in dataset.tasks.taken}
    assert tasks["pol-mb-25"].tekst.startswith("Werkverdeling en –afspraken")
