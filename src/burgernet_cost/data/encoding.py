"""Turning a file's bytes into text: UTF-8 (with or without a byte-order mark), and for a user's
member list also Windows-1252, what a Dutch Excel writes for "CSV (gescheiden door
lijstscheidingsteken)". Every other encoding is named as such, never read as garbage: UTF-16 and
UTF-32 (with a byte-order mark, or without one: then every other byte is zero)."""

from __future__ import annotations

from burgernet_cost.errors import DataError

_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
ADVICE = "sla het bestand op als UTF-8"


def foreign_encoding(raw: bytes) -> str | None:
    """The name of a wide encoding the bytes are in (UTF-16/32, with or without a byte-order mark)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(0) * 4 >= len(sample):  # text has no NUL; wide encodings are full of them
        return "UTF-32" if sample.count(0) * 4 >= len(sample) * 3 else "UTF-16"
    return None


def decode(raw: bytes, shown: str) -> str:
    """Strict UTF-8 (a leading byte-order mark dropped); anything else a DataError naming the problem."""
    wide = foreign_encoding(raw)
    if wide is not None:
        raise DataError(f"het bestand is in {wide} opgeslagen, niet in UTF-8; {ADVICE}", file=shown, line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(f"geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x}); {ADVICE}", file=shown, line=line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DataError(f"het bestand bevat een nul-byte (geen tekstbestand?); {ADVICE}", file=shown, line=line)
    return text.removeprefix("\ufeff")


def decode_windows(raw: bytes, shown: str) -> tuple[str, bool]:
    """UTF-8 as ``decode``; a file that is not UTF-8 but is valid Windows-1252 is read as that.
    Returns (text, whether Windows-1252 was used)."""
    try:
        return decode(raw, shown), False
    except DataError as exc:
        if foreign_encoding(raw) is not None or "nul-byte" in exc.message:
            raise
        try:
            return raw.decode("cp1252"), True
        except UnicodeDecodeError:
            raise exc from None
