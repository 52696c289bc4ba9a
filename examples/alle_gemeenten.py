"""De kosten van de gemeentelijke Burgernet-taken voor elke gemeente van een jaar, in een pandas-DataFrame.

    pip install pandas
    python examples/alle_gemeenten.py 2024 basis > kosten-2024.csv

Elke rij is wat ``bncost estimate --gemeente CODE --jaar JAAR --pakket PAKKET`` geeft: de inwoners
van 1 januari van dat jaar (CBS) en het uurtarief op prijspeil 1 januari van dat jaar. Bedragen zijn
``Decimal`` (exact, niet afgerond); ``.astype(float)`` maakt er getallen voor een grafiek van.
"""

from __future__ import annotations

import sys
from typing import Any

from burgernet_cost import api


def kosten_per_gemeente(jaar: int, pakket: str = "basis", data: Any = None) -> Any:
    """Een DataFrame met een rij per gemeente van ``jaar``: inwoners, uren, fte, kosten en per inwoner."""
    import pandas as pd

    dataset = data if data is not None else api.laad()  # de data één keer lezen, voor alle gemeenten
    rijen = []
    for gemeente in api.gemeenten(jaar, data=dataset):
        s = api.estimate(gemeente=gemeente.code, jaar=jaar, pakket=pakket, data=dataset)
        rijen.append(
            {
                "code": gemeente.code,
                "gemeente": gemeente.naam,
                "provincie": gemeente.provincie,
                "veiligheidsregio": gemeente.veiligheidsregio,
                "inwoners": s.inwoners,
                "inwoners_datum": s.inwoners_datum,
                "prijspeil": s.prijspeil,
                "uurtarief": s.uurtarief,
                "uren_per_maand": s.uren_per_maand,
                "fte": s.fte,
                "kosten_per_jaar": s.kosten_per_jaar,
                "per_inwoner": s.per_inwoner,
            }
        )
    return pd.DataFrame(rijen).set_index("code")


if __name__ == "__main__":
    jaar = int(sys.argv[1]) if len(sys.argv) > 1 else 2024
    pakket = sys.argv[2] if len(sys.argv) > 2 else "basis"
    tabel = kosten_per_gemeente(jaar, pakket)
    tabel.to_csv(sys.stdout)
    print(f"{len(tabel)} gemeenten, samen € {tabel['kosten_per_jaar'].sum():,.2f} per jaar", file=sys.stderr)
