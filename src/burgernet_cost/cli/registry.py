"""The commands of ``bncost``: where each lives and its help text (the one source of both).

``bncost --help`` lists them from here without building any; a run builds only the command it
invokes (see ``app.build``)."""

from __future__ import annotations

from burgernet_cost.structs import struct


@struct
class Spec:
    module: str  # under burgernet_cost.cli
    function: str
    help: str


COMMANDS: dict[str, Spec] = {
    "estimate": Spec(
        "commands", "estimate_cmd", "Kosten van de gemeentelijke taken voor één gemeente: uren, fte en euro's per taakgebied."
    ),
    "compare-models": Spec(
        "commands",
        "compare_cmd",
        "Vergelijk de inrichtingsmodellen uit de data (meegeleverd: gemeentelijk, regionaal, landelijk) voor één gemeente.",
    ),
    "huidig": Spec(
        "commands",
        "current_cmd",
        "De situatie in 2014 (§2.1): wie voerde de taken uit, wat betaalden gemeenten en waarvoor, naast het "
        "rapport (een verschil alleen waar de bijdrage hetzelfde betaalde als het tarief).",
    ),
    "taken": Spec("commands", "tasks_cmd", "De takenlijst als checklist per rol en pakket (minimaal uit te voeren: het basispakket, §6)."),
    "validate": Spec(
        "data_commands",
        "validate_cmd",
        "Controleer de databestanden: schema, verwijzingen, kalibratie op het rapport, waarschuwingen.\n\n"
        "Exitcode 0 als de data geldig is, 1 als er fouten zijn (met --strict ook bij waarschuwingen).",
    ),
    "diff": Spec(
        "data_commands",
        "diff_cmd",
        "Zet de kengetallen van twee datasets naast elkaar: wat doet een datawijziging met de kosten?\n\n"
        "Exitcode 0 ook als er kengetallen veranderen; 1 als een van beide datasets ongeldig is.",
    ),
    "schema": Spec(
        "data_commands",
        "schema_cmd",
        "JSON Schema's van de databestanden, gemaakt uit de datamodellen (voor editors en CI).\n\n"
        "Zonder optie: toont de namen van de schema's. Met --write: schrijft ze. Met --check: exit 1 als ze "
        "niet actueel zijn.",
    ),
    "regio": Spec(
        "commands",
        "region_cmd",
        "Een regio in het regionale (of landelijke) model: per gemeente de bijdrage, en de fte en het budget van de uitvoerder.",
    ),
    "rapport": Spec(
        "report_command",
        "report_cmd",
        "Een document voor de raad: een HTML-pagina met grafieken of een Excel-werkmap met formules, voor één gemeente of een regio.",
    ),
    "gevoeligheid": Spec(
        "range_commands",
        "sensitivity_cmd",
        "Hoeveel elke aanname uitmaakt: één aanname tegelijk van laag naar hoog, gesorteerd op uitslag.",
    ),
    "reeks": Spec(
        "range_commands", "series_cmd", "Kosten per jaar: de inwoners en het prijspeil van elk jaar, met wat er in dat jaar veranderde."
    ),
    "gemeenten": Spec(
        "commands", "municipalities_cmd", "Gemeenten opzoeken of opsommen: inwoners (CBS), provincie, veiligheidsregio, politie-eenheid."
    ),
}
