"""The options over which workbooks are recalculated (test_workbook_formulas.py in Python with the
`formulas` package, test_real_programs.py in LibreOffice): every rate option (table, scale/step,
allowances, --uurtarief, integral cost), both scalings of the policy hours, the advice amounts of
another year, a date of another table. Regions and member files are checked beside it."""

MATRIX = [
    ["--inwoners", "75000", "--toeslagen", "alle"],
    ["--inwoners", "54600", "--schaal", "8", "--periodiek", "3"],
    ["--inwoners", "20000", "--uurtarief", "45,50"],
    ["--inwoners", "20000", "--kostenbasis", "integraal"],
    ["--inwoners", "120000", "--schaling-beleid", "per_gemeente"],
    ["--gemeente", "Amersfoort", "--jaar", "2024", "--tarief", "advies"],
    ["--gemeente", "Dordrecht", "--peildatum", "2019-10-01"],
]

#: a region chosen by names and the same region from a member file (as a municipality keeps it)
REGION = "Utrecht,Zeist,Houten"
MEMBER_FILE = "gemeente;inwoners\nUtrecht;330000\nZeist;63000\nHouten;49500\n"


def estimate_args(args: list[str]) -> list[str]:
    """The options of ``rapport`` that ``estimate`` takes too (estimate has no --tarief)."""
    return [a for a in args if a not in ("--tarief", "advies")]
