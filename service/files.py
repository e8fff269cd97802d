"""Files for the embedded CLI: any bytes in, the same bytes out where nothing is redacted.

Input is read as bytes and decoded incrementally (a UTF-8 sequence split between two
reads is decoded whole); bytes that are not UTF-8 become lone surrogates
(`surrogateescape`), pass through the scanner like any other non-letter, and are
written back as the same bytes. Output to a file goes to a temporary file beside it,
renamed over it only when everything was written: a failure never leaves a
truncated file that looks finished.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
import time
from typing import BinaryIO, Iterator

CHUNK_BYTES = 1 << 20
NOT_UTF8 = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8


class Input:
    """Chunks of text from a file or stdin; counts the bytes that were not UTF-8."""

    def __init__(self, path: str | None, progress: bool | None = None) -> None:
        self.path = path
        self._raw: BinaryIO | None = None
        self.not_utf8 = 0
        self.read_bytes = 0
        self.total = os.path.getsize(path) if path and os.path.isfile(path) else None
        show = sys.stderr.isatty() if progress is None else progress
        self.progress = Progress(self.total) if show else None

    def read(self, size: int) -> bytes:
        """Raw bytes, for --jobs (which decodes in its workers); progress as chunks()."""
        if self._raw is None:
            self._raw = open(self.path, "rb") if self.path else _stdin()
        data = self._raw.read(size)
        self.read_bytes += len(data)
        if self.progress:
            self.progress.show(self.read_bytes) if data else self.progress.done(self.read_bytes)
        if not data:
            self._raw.close()
        return data

    def chunks(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        with (open(self.path, "rb") if self.path else _stdin()) as f:
            while data := f.read(CHUNK_BYTES):
                self.read_bytes += len(data)
                yield self._counted(decoder.decode(data))
                if self.progress:
                    self.progress.show(self.read_bytes)
            yield self._counted(decoder.decode(b"", final=True))
        if self.progress:
            self.progress.done(self.read_bytes)

    def _counted(self, text: str) -> str:
        if not text.isascii():
            self.not_utf8 += sum(1 for _ in NOT_UTF8.finditer(text))
        return text


def reuse_freed_memory() -> bool:
    """Have malloc keep the memory of freed chunks for the next ones. By default glibc hands
    back a chunk's buffers (bytes read, str decoded, text redacted, bytes encoded: a few MiB)
    to the kernel and faults them in again for the next chunk: ~10,000 page faults on 20 MB,
    ~20 ms of a 0.26 s run. What it keeps is bounded by the largest chunk's buffers. For the
    CLI's process only (a server gives memory back: service.memory). Only where malloc is
    glibc's (mallopt); elsewhere nothing changes. True when both were set."""
    import ctypes
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3  # malloc.h
    return bool(mallopt(m_mmap_threshold, 16 << 20)  # buffers up to 16 MiB from the heap, not mmap
                and mallopt(m_trim_threshold, 64 << 20))  # and the heap's top kept up to 64 MiB


def _stdin() -> BinaryIO:
    return os.fdopen(os.dup(sys.stdin.fileno()), "rb")


class Output:
    """Text written as UTF-8 (the escaped bytes as they were) to stdout or, atomically, a file."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._tmp = None
        if path:
            directory = os.path.dirname(os.path.abspath(path))
            import tempfile  # here: stdout needs none of it
            fd, self._tmp = tempfile.mkstemp(prefix=".redactd-", dir=directory)
            self.f: BinaryIO = os.fdopen(fd, "wb")
        else:
            self.f = sys.stdout.buffer

    def write(self, text: str) -> None:
        if text:
            self.f.write(text.encode("utf-8", "surrogateescape"))

    def __enter__(self) -> "Output":
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if self._tmp is None:
            self.f.flush()
            return
        self.f.close()
        if kind is None:
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Progress:
    """`12.3 / 40.0 MB  31%  25.1 MB/s  ETA 1s` on stderr, redrawn at most 5 times a second."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.start = self.last = time.monotonic()

    def show(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9) / 1e6
        line = f"{done / 1e6:.1f}"
        if self.total:
            left = (self.total - done) / 1e6 / rate if rate else 0.0
            line += f" / {self.total / 1e6:.1f} MB  {100 * done / self.total:3.0f}%  {rate:.1f} MB/s  ETA {left:.0f}s"
        else:
            line += f" MB  {rate:.1f} MB/s"
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()

    def done(self, done: int) -> None:
        self.show(done, force=True)
        sys.stderr.write("\n")
