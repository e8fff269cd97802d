"""Streaming redaction that equals whole-text redaction for any chunking.

The scanner's decisions at a position read at most LOOKBEHIND code points
before it and a bounded window after it, so a stream keeps LOOKBEHIND code
points of already-released context plus at most HOLDBACK code points not yet
released, and scans each time from where it stopped.
"""
from __future__ import annotations

from core import _scan, offsets
from core.detect import Detection, resolve
from core.redact import Found, Numbering, Redaction, redact_segment

HOLDBACK = _scan.HOLDBACK_CODE_POINTS      # the most a stream holds back
NUMBERED_VALUES = 1 << 16                  # distinct values a stream numbers at most
LOOKBEHIND = _scan.LOOKBEHIND_CODE_POINTS  # released text kept as context


class StreamRedactor:
    """Feed chunks, get redacted segments; `flush` releases the held-back tail."""

    __slots__ = ("detection", "redaction", "unit", "numbering", "_buf", "_ctx",
                 "_carry", "_in_units", "_out_units", "_base")

    def __init__(self, detection: Detection, redaction: Redaction,
                 unit: int = offsets.CODE_POINT) -> None:
        self.detection = detection
        self.redaction = redaction
        self.unit = unit
        self.numbering = Numbering(limit=NUMBERED_VALUES)  # consistent labels, bounded memory
        self._buf = ""        # context (_buf[:_ctx]) + text not released yet
        self._ctx = 0
        self._carry = 0       # scanner state at the release point
        self._base = 0        # stream code point offset of _buf[0]
        self._in_units = 0    # input units released so far
        self._out_units = 0   # output units released so far

    @property
    def pending(self) -> int:
        """Code points received but not yet released."""
        return len(self._buf) - self._ctx

    def feed(self, chunk: str) -> tuple[str, list[Found]]:
        self._buf += chunk
        return self._release(final=False)

    def flush(self) -> tuple[str, list[Found]]:
        return self._release(final=True)

    def _release(self, final: bool) -> tuple[str, list[Found]]:
        d = self.detection
        buf, ctx = self._buf, self._ctx
        spans, resume, self._carry = d.scan(buf, ctx, final, self._carry)
        entities = resolve(buf, spans, d)
        # entities are relative to the segment buf[ctx:resume]
        segment = buf[ctx:resume]
        shifted = [e.__class__(e.type, e.start - ctx, e.end - ctx, e.text, e.value, e.score, e.subtype)
                   for e in entities]
        out, found = redact_segment(segment, shifted, self.redaction, self.numbering,
                                    self.unit, self._in_units, self._out_units)
        self._in_units += offsets.units(segment, self.unit)
        self._out_units += offsets.units(out, self.unit)
        keep_from = max(0, resume - LOOKBEHIND)
        self._buf = buf[keep_from:]
        self._ctx = resume - keep_from
        self._base += keep_from
        return out, found
