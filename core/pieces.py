"""A long text redacted piece by piece, so that a caller can stop between pieces.

The pieces go through a StreamRedactor (streaming equals whole-text redaction for
any chunking), numbering without the stream's limit as a whole text does, so their
concatenation is exactly what `redact_text` / `redact_only` return for the text.
"""
from __future__ import annotations

from typing import Iterator

from core import offsets
from core.detect import Detection
from core.redact import Found, Numbering, Redaction
from core.stream import StreamRedactor

PIECE_CODE_POINTS = 1 << 18  # about 256 KiB of ASCII: a few ms of scanning


def redact_pieces(text: str, detection: Detection, redaction: Redaction, unit: int = offsets.CODE_POINT,
                  entities: bool = True, piece: int = PIECE_CODE_POINTS) -> Iterator[tuple[str, list[Found]]]:
    """Yield (redacted text, found) pieces whose concatenation is the whole text's result
    (`found` empty without `entities`; offsets in `unit` from the start of `text`, as a
    stream reports them); each is computed only when asked for."""
    stream = StreamRedactor(detection, redaction, unit, entities)
    stream.numbering = Numbering()  # a whole text remembers every value
    for start in range(0, len(text), piece):
        yield stream.feed(text[start:start + piece])
    yield stream.flush()
