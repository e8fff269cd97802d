"""Streaming redaction that equals whole-text redaction for any chunking.

The scanner's decisions at a position read at most LOOKBEHIND code points
before it and a bounded window after it, so a stream keeps LOOKBEHIND code
points of already-released context plus the text from the first decision that
looked at the end of what has arrived (at most HOLDBACK code points not yet
released), and scans each time from where it stopped.
"""
from __future__ import annotations

from redactd.core import _scan, custom, offsets
from redactd.core.detect import Detection
from redactd.core.redact import FOUND, TEXT, Found, Numbering, Redaction, builtin_scan, plan

HOLDBACK = _scan.HOLDBACK_CODE_POINTS      # the most a stream holds back
NUMBERED_VALUES = 1 << 16                  # distinct values a stream numbers at most
LOOKBEHIND = _scan.LOOKBEHIND_CODE_POINTS  # released text kept as context


class StreamRedactor:
    """Feed chunks, get redacted segments; `flush` releases the held-back tail. Without
    `entities` the segments come with no Found (and no Python object per entity)."""

    __slots__ = ("detection", "redaction", "unit", "numbering", "_buf", "_ctx",
                 "_carry", "_in_units", "_out_units", "_base", "_plan", "_want", "max_out")

    def __init__(self, detection: Detection, redaction: Redaction,
                 unit: int = offsets.CODE_POINT, entities: bool = True, max_out: int = -1) -> None:
        self.detection = detection
        self.redaction = redaction
        self.unit = unit
        self._plan = plan(detection, redaction)
        self._want = FOUND if entities else TEXT
        self.max_out = max_out  # code points one release may give at most (OutputTooLarge past it)
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
        buf, ctx = self._buf, self._ctx
        if self.detection.custom:
            out, found, resume, self._carry = self._custom_segment(buf, ctx, final)
        else:
            out, found, resume, self._carry = _scan.redact_scan(
                self._plan, buf, ctx, final, self._carry, self.numbering, self.unit, self._in_units,
                self._out_units, self._want, self.max_out)
        if self._want == FOUND:  # offsets of what follows go on from here
            self._in_units += offsets.units(buf[ctx:resume], self.unit)
            self._out_units += offsets.units(out, self.unit)
        keep_from = max(0, resume - max(LOOKBEHIND, custom.CONTEXT_WINDOW))
        self._buf = buf[keep_from:]
        self._ctx = resume - keep_from
        self._base += keep_from
        return out, found

    def _custom_segment(self, buf: str, ctx: int, final: bool) -> tuple[str, list[Found], int, int]:
        """With custom types (core.custom): a release point no entity crosses. The built-in
        scan runs on what a stream would have if it had received only buf[:cut] (a state any
        chunking can reach, so its result is the whole text's), the custom matches on all
        of buf (a match is at most MAX_MATCH long and reads one code point past its end);
        a custom match across the built-in release point brings the cut down to its start
        and the scan runs again (each time from ctx with the same carry). Such a stream
        holds back up to MAX_MATCH + 2 + HOLDBACK code points."""
        n = len(buf)
        own = self.detection.custom
        assert own is not None
        cut = n if final else max(ctx, n - custom.MAX_MATCH - 2)
        while True:
            text = buf if cut == n else buf[:cut]
            builtin, resume, carry = builtin_scan(text, self.detection, ctx, final and cut == n, self._carry)
            found, denied = custom.matcher(own).find(buf, ctx, resume)
            # every match a pattern reported counts, kept or not: its search goes on from its end
            crossing = [m[0] for m in (*found, *denied) if m[1] > resume] + \
                [e.start for e in builtin if e.start < resume < e.end]
            if not crossing:
                break
            cut = min(cut - 1, min(crossing))  # received only up to the match: the scan stops before it
            final = False
        entities = custom.resolve(buf, builtin, found, denied, ctx, resume)
        entities = custom.filtered(entities, self.detection, own)
        out, found = custom.assemble(buf, entities, self.redaction, self.numbering, self.unit, ctx, resume,
                                     self._in_units, self._out_units, self.max_out)
        return out, found if self._want == FOUND else [], resume, carry