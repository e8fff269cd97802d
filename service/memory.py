"""Giving memory back to the system after a big request (glibc).

A 4 MiB request makes tens of MB of short-lived buffers: the text's copies, the
redacted text, protobuf messages, entities. glibc keeps freed heap memory for
reuse, and after freeing one large mmapped block it raises its mmap threshold (up
to 32 MiB), so the next large blocks come from the heap and stay there too: a
server's RSS after one big request never came down. `configure()` fixes the mmap
threshold (blocks of 1 MiB or more are mapped and unmapped, given back on free),
and `after(nbytes)` trims the heaps shortly after a request of 1 MiB or more
(once its response has been sent and its buffers freed; one trim for many big
requests at once). Elsewhere than glibc both do nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import threading

BIG = 1 << 20                # requests this big (bytes) are followed by a trim
DELAY = 0.2                  # seconds from the request's end to the trim
_M_MMAP_THRESHOLD = -3       # mallopt's parameter number (malloc.h)

try:
    _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    _trim = _libc.malloc_trim
    _mallopt = _libc.mallopt
except (OSError, AttributeError):  # not glibc
    _trim = _mallopt = None


def configure() -> bool:
    """Fixed mmap threshold of 1 MiB; True when the allocator took it."""
    return bool(_mallopt and _mallopt(_M_MMAP_THRESHOLD, BIG))


_pending = threading.Lock()   # held while a trim is scheduled


def after(nbytes: int) -> None:
    """Give freed heap memory back soon after a request of `nbytes` bytes, if it was big."""
    if _trim is not None and nbytes >= BIG and _pending.acquire(blocking=False):
        timer = threading.Timer(DELAY, _trim_now)
        timer.daemon = True
        timer.start()


def _trim_now() -> None:
    try:
        _trim(0)
    finally:
        _pending.release()
