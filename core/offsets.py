"""Code point offsets to UTF-8 byte or UTF-16 code unit offsets."""
from __future__ import annotations

from typing import Iterable

CODE_POINT, UTF8_BYTE, UTF16_CODE_UNIT = 0, 1, 2


def units(text: str, unit: int) -> int:
    """Length of `text` in `unit`."""
    if unit == CODE_POINT or text.isascii():
        return len(text)
    if unit == UTF8_BYTE:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def convert(text: str, offsets: Iterable[int], unit: int) -> list[int]:
    """Each code point offset (ascending) in `unit`; linear in len(text)."""
    offsets = list(offsets)
    if unit == CODE_POINT or text.isascii():
        return offsets
    out, prev, acc = [], 0, 0
    for off in offsets:
        acc += units(text[prev:off], unit)
        out.append(acc)
        prev = off
    return out
