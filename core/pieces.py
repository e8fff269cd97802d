"""A long text redacted piece by piece, so that a caller can stop between pieces.

The pieces go through a StreamRedactor (streaming equals whole-text redaction for
any chunking), numbering without the stream's limit as a whole text does, so their
concatenation is exactly what `redact_text` / `redact_only` return for the text.
"""
from __future__ import annotations

from typing import Iterator

from redactd.core import offsets
from redactd.core.detect import Detection
from redactd.core._scan import OutputTooLarge
from redactd.core.redact import Found, Numbering, Redaction
from redactd.core.stream import StreamRedactor

PIECE_CODE_POINTS = 1 << 18  # about 256 KiB of ASCII: a few ms of scanning


def redact_pieces(text: str, detection: Detection, redaction: Redaction, unit: int = offsets.CODE_POINT,
                  entities: bool = True, piece: int = PIECE_CODE_POINTS,
                  max_out: int = -1) -> Iterator[tuple[str, list[Found]]]:
    """Yield (redacted text, found) pieces whose concatenation is the whole text's result
    (`found` empty without `entities`; offsets in `unit` from the start of `text`, as a
    stream reports them); each is computed only when asked for. With `max_out` >= 0, the
    pieces together longer than that many code points raise OutputTooLarge (each before
    it is built, as redact_text does)."""
    stream = StreamRedactor(detection, redaction, unit, entities, max_out=max_out)
    stream.numbering = Numbering()  # a whole text remembers every value
    made = 0
    starts = range(0, len(text), piece)
    for k in range(len(starts) + 1):  # each piece, then the flush
        out, found = stream.feed(text[starts[k]:starts[k] + piece]) if k < len(starts) else stream.flush()
        made += len(out)
        if 0 <= max_out < made:
            raise OutputTooLarge(f"the redacted text would be longer than {max_out} code points")
        if max_out >= 0:
            stream.max_out = max_out - made  # what the rest may still take
        yield out, found
