"""`redactd redact --jobs N`: one input on N cores, byte-identical to one core.

The input is cut into blocks at line ends. Each block goes to a worker process
with OVERLAP bytes of the text before it and after it. The worker detects from
the start of that leading overlap, fresh, and keeps what starts inside its block.
Detection at a position depends only on a bounded stretch of text around it
(LOOKBEHIND / LOOKAHEAD), so a pass started fresh a few kilobytes earlier falls
into step with the one-core pass long before the block begins. That is checked,
not assumed: each worker also reports what it found in a window on each side of
its block's start, and the parent compares the two workers' findings where their
texts overlap (the entities, and where the block's output starts). Where they
differ (an entity longer than the overlap, say a URL of 20,000 characters), the
rest of the input is done on one core by the streaming redactor, started where
the last block that did agree started: the output is always the one-core output,
and the work stays linear.

A worker redacts a big block without a Python object per entity (`_redacted_block`):
the text as a stream would release it, entities (Found) only at the two ends, where
the block's bounds and the agreement check need them.

Numbered labels number values across the whole input, in order: `--jobs` refuses
them.
"""
from __future__ import annotations

import concurrent.futures
import itertools
import multiprocessing
from dataclasses import dataclass
from typing import Callable, Iterator

from redactd import core
from redactd.files import NOT_UTF8

BLOCK = 4 << 20          # bytes of input a worker gets at a time (cut at a line end)
OVERLAP = 16 << 10       # bytes of the text before and after a block a worker reads too
CHECK = 4 << 10          # code points on each side of a block start whose findings must agree


@dataclass(frozen=True)
class Block:
    index: int
    before: bytes    # up to OVERLAP bytes before the block (from a line start where possible)
    data: bytes
    after: bytes     # up to OVERLAP bytes after it
    final: bool      # the input's last block


@dataclass(frozen=True)
class Result:
    index: int
    out: str                 # the redacted text from `start` to `end` (block coordinates)
    start: int               # code points into the block where its output starts (past an
    end: int                 # entity begun before it) and where it ends (past its last entity)
    length: int              # the block's length in code points
    not_utf8: int
    head: tuple              # (start, end, type) of what starts within CHECK of the block start
    tail: tuple              # the same within CHECK of the block end, in the next block's coordinates
    found: tuple             # IDENTIFY: (start, end, type, text, value, score, subtype) in block coordinates


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


_config: tuple | None = None


def _init(detection: core.Detection, redaction: core.Redaction | None) -> None:
    global _config
    _config = (detection, redaction)


def work(block: Block) -> Result:
    """Detect over before+data+after; redact (or list) what starts in `data`."""
    detection, redaction = _config
    before, data, after = _decode(block.before), _decode(block.data), _decode(block.after)
    text = before + data + after
    a, b = len(before), len(before) + len(data)
    not_utf8 = 0 if data.isascii() else sum(1 for _ in NOT_UTF8.finditer(data))
    if redaction is not None and not detection.custom and b - a > 2 * CHECK + core.HOLDBACK:
        redacted = _redacted_block(text, a, b, detection, redaction)
        if redacted is not None:
            out, start, end, head, tail = redacted
            return Result(block.index, out, start - a, end - a, len(data), not_utf8, head, tail, ())
    if redaction is None:
        entities = core.find_entities(text, detection)
        spans = [(e.start, e.end, e.type) for e in entities]
    else:
        redacted_text, found_all = core.redact_text(text, detection, redaction)
        spans = [(f.offset, f.offset + f.length, f.entity.type) for f in found_all]
    start, end, head, tail = _bounds(spans, a, b)
    if redaction is None:
        found = tuple((e.start - a, e.end - a, e.type, e.text, e.value, e.score, e.subtype)
                      for e in entities if a <= e.start < b)
        out = ""
    else:
        found = ()
        segment = (redacted_text, 0, 0, found_all)
        out = redacted_text[_output_at(segment, start):_output_at(segment, end)] if start < end else ""
    return Result(block.index, out, start - a, end - a, len(data), not_utf8, head, tail, found)


def _bounds(spans: list[tuple[int, int, str]], a: int, b: int) -> tuple[int, int, tuple, tuple]:
    """From (start, end, type) spans, sorted: where the block's output starts (past an entity
    begun before it) and ends (past its last entity), and what starts within CHECK of its
    start (head) and of its end (tail), in block coordinates."""
    start = a
    for s, e, _ in spans:  # an entity begun before the block covers the block's first code points
        if s < a < e:
            start = e
    end = max([b, *(e for s, e, _ in spans if a <= s < b)])
    head = tuple((s - a, e - a, t) for s, e, t in spans if a - CHECK <= s < a + CHECK)
    tail = tuple((s - b, e - b, t) for s, e, t in spans if b - CHECK <= s < b + CHECK)
    return start, end, head, tail


def _output_at(segment: tuple, p: int) -> int:
    """Where input position p (in no entity) is in the output, given a redacted segment
    (out, its first input position, its first output position, its Found)."""
    _out, in_start, out_start, found = segment
    return out_start + (p - in_start) + sum(len(f.replacement) - f.length for f in found
                                            if f.offset + f.length <= p)


def _redacted_block(text: str, a: int, b: int, detection: core.Detection,
                    redaction: core.Redaction) -> tuple[str, int, int, tuple, tuple] | None:
    """`work`'s answer for a big block without a Python object per entity: the text redacted as
    a stream would release it, in three segments: entities (Found) from the text's start to
    past CHECK after the block start, text alone through the block's middle, entities again
    from CHECK before the block end. A release point is never inside an entity, so an entity
    that covers the block start or crosses its end is in one of the two ends, whole. None if
    the releases fell short of the windows (then work() reads everything)."""
    segments = core.redact_released(text, detection, redaction,
                                    [(a + CHECK + core.HOLDBACK, True), (b - CHECK, False), (len(text), True)])
    first, last = segments[0], segments[-1]
    if segments[1][1] < a + CHECK or last[1] > b - CHECK:
        return None
    spans = [(f.offset, f.offset + f.length, f.entity.type) for f in (*first[3], *last[3])]
    start, end, head, tail = _bounds(spans, a, b)
    whole = "".join(s[0] for s in segments)
    return whole[_output_at(first, start):_output_at(last, end)] if start < end else "", start, end, head, tail


def blocks(read: Callable[[int], bytes], block: int = BLOCK, overlap: int = OVERLAP) -> Iterator[Block]:
    """The input cut at line ends into blocks of about `block` bytes, each with its overlaps."""
    pending = b""
    previous = b""
    index = 0
    eof = False
    while True:
        while not eof and len(pending) < 2 * block + overlap:
            data = read(block)
            if not data:
                eof = True
            pending += data
        if not pending:
            return
        cut = _cut(pending, block) if len(pending) > block else len(pending)
        data, pending = pending[:cut], pending[cut:]
        yield Block(index, _tail(previous, overlap), data, pending[:overlap], eof and not pending)
        keep = overlap + 4096
        previous = data[-keep:] if len(data) >= keep else (previous + data)[-keep:]  # (no copy of the block)
        index += 1


def _cut(data: bytes, size: int) -> int:
    """After the last line end before `size`; else at a UTF-8 character boundary."""
    nl = data.rfind(b"\n", 0, size)
    if nl >= 0:
        return nl + 1
    cut = size
    while cut > 0 and 0x80 <= data[cut] < 0xC0:  # not inside a UTF-8 sequence
        cut -= 1
    return cut or size


def _tail(previous: bytes, overlap: int) -> bytes:
    """The last `overlap` bytes, from a line start when there is one near."""
    tail = previous[-overlap:]
    nl = tail.find(b"\n")
    if 0 <= nl < len(tail) // 2:
        return tail[nl + 1:]
    cut = 0
    while cut < len(tail) and 0x80 <= tail[cut] < 0xC0:
        cut += 1
    return tail[cut:]


def agree(left: Result, right: Result) -> bool:
    """Did the pass of `left`'s worker (run on into the next block) and `right`'s (started
    fresh before it) find the same around `right`'s block start, and agree on where its
    output starts?"""
    return left.tail == right.head and left.end - left.length == right.start


def executor(jobs: int, detection: core.Detection,
             redaction: core.Redaction | None) -> concurrent.futures.Executor:
    """The worker processes (forked: the CLI has started no thread and holds no gRPC state)."""
    return concurrent.futures.ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                                  initializer=_init, initargs=(detection, redaction))


def run(read: Callable[[int], bytes], jobs: int, detection: core.Detection,
        redaction: core.Redaction | None, emit: Callable[[Result, int], None],
        block: int = BLOCK, overlap: int = OVERLAP) -> int:
    """Redact (or, `redaction` None, list) the input on `jobs` processes; `emit(result,
    base)` gets each block's result in order, `base` being the code points before it.
    Returns the count of bytes that were not UTF-8."""
    if redaction is not None and redaction.style == core.NUMBERED_LABEL:
        raise ValueError("--jobs: numbered labels number values across the whole input, in order; "
                         "use one job")
    not_utf8 = emitted = 0
    with executor(jobs, detection, redaction) as pool:
        source = blocks(read, block, overlap)
        queue: list[tuple[Block, concurrent.futures.Future]] = []
        held: tuple[Block, Result] | None = None  # agrees with what was emitted; not emitted yet
        while True:
            while len(queue) < 2 * jobs and (nxt := next(source, None)) is not None:
                queue.append((nxt, pool.submit(work, nxt)))
            if not queue:
                break
            current, future = queue.pop(0)
            result = future.result()
            if held is not None and not agree(held[1], result):
                for _, pending in queue:
                    pending.cancel()
                rest = itertools.chain([current], (b for b, _ in queue), source)
                return not_utf8 + one_core(held, rest, detection, redaction, emit, emitted)
            if held is not None:
                emit(held[1], emitted)
                emitted += held[1].length
                not_utf8 += held[1].not_utf8
            held = (current, result)
        if held is not None:
            emit(held[1], emitted)
            not_utf8 += held[1].not_utf8
    return not_utf8


def one_core(held: tuple[Block, Result], rest: Iterator[Block], detection: core.Detection,
             redaction: core.Redaction | None, emit: Callable[[Result, int], None], emitted: int) -> int:
    """The streaming redactor from the held block's fresh start (before its overlap, where
    its worker started, which agreed with what was emitted) to the end; what it outputs
    before the held block's `start` was emitted already and is dropped."""
    block, result = held
    stream = core.StreamRedactor(detection, core.IDENTIFY_ONLY if redaction is None else redaction)
    before = _decode(block.before)
    cut = len(before) + result.start  # stream code points before which everything was emitted
    released = 0                       # stream code points released so far
    not_utf8 = 0

    def release(out: str, found: list) -> None:
        nonlocal released
        start = released
        released += len(out) - sum(len(f.replacement) - f.length for f in found)
        if released <= cut:
            return
        skip = max(0, cut - start)
        drop = skip + sum(len(f.replacement) - f.length for f in found if f.offset + f.length <= cut)
        kept = [f for f in found if f.offset >= cut]
        rows = tuple((f.offset - len(before), f.offset + f.length - len(before), f.entity.type, f.entity.text,
                      f.entity.value, f.entity.score, f.entity.subtype) for f in kept)
        emit(Result(-1, out[drop:] if redaction is not None else "", 0, 0, 0, 0, (), (), rows), emitted)

    release(*stream.feed(before))
    for b in itertools.chain([block], rest):
        text = _decode(b.data)
        not_utf8 += 0 if text.isascii() else sum(1 for _ in NOT_UTF8.finditer(text))
        release(*stream.feed(text))
    release(*stream.flush())
    return not_utf8
