"""Limits that keep hostile or broken callers from starving everyone else.

- Streams run on their own thread pool, `--max-streams` threads, so they can never take
  the threads unary calls need; the total cap is checked before a stream gets a thread
  (in the interceptor), the per-caller cap as soon as it has one.
- A stream without a message for `--stream-idle-timeout` seconds is ended
  (RESOURCE_EXHAUSTED), by one watchdog thread for all streams.
- `--rate-limit R[/s][:BURST]`: a token bucket per caller; a call that finds it empty is
  refused with RESOURCE_EXHAUSTED and a retry hint (trailing metadata `retry-after-ms`
  and a `google.rpc.RetryInfo` detail).

Health, reflection and the bench's echo are never limited.
"""
from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterator

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import error_details_pb2, status_pb2

log = logging.getLogger("redactd")

SERVICE_PREFIX = "/redact.v1.RedactorService/"
STREAM_METHOD = SERVICE_PREFIX + "StreamRedact"
MAX_CALLERS = 65_536  # rate-limit buckets kept at most (the least recently seen go first)


def caller_key(context: grpc.ServicerContext) -> str:
    """Who is calling, for per-caller limits: what the callers file names callers by (the
    SHA-256 digest (hex) of the bearer token when there is one, else the mTLS client
    certificate's subject), else the peer's address without its port."""
    for key, value in context.invocation_metadata() or ():
        if key == "authorization" and value.startswith("Bearer "):
            return hashlib.sha256(value[7:].encode()).hexdigest()
    subject = (context.auth_context() or {}).get("x509_subject")
    if subject:
        return "subject:" + subject[0].decode(errors="replace")
    return peer_host(context.peer())


def peer_host(peer: str) -> str:
    """`ipv4:10.0.0.1:5000` -> `10.0.0.1`, `ipv6:[::1]:5000` -> `::1`; other forms as they are."""
    kind, _, rest = peer.partition(":")
    if kind in ("ipv4", "ipv6") and ":" in rest:
        return rest.rpartition(":")[0].strip("[]")
    return peer


# ---------------------------------------------------------------- flag values

def parse_max_streams(spec: str) -> tuple[int, int]:
    """`N[:PER_CALLER]` -> (total, per caller); per caller defaults to the total."""
    m = re.fullmatch(r"\s*(\d+)\s*(?::\s*(\d+)\s*)?", spec)
    if not m or int(m[1]) < 1 or (m[2] is not None and int(m[2]) < 1):
        raise ValueError(f"--max-streams: {spec!r} is not N or N:PER_CALLER (whole numbers, 1 or more)")
    total = int(m[1])
    return total, min(total, int(m[2])) if m[2] else total


def parse_rate_limit(spec: str) -> tuple[float, float] | None:
    """`R[/s][:BURST]` -> (calls a second, burst); the burst defaults to R (at least 1);
    `""` or `off` -> None."""
    if spec.strip().lower() in ("", "off"):
        return None
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:/s)?\s*(?::\s*(\d+)\s*)?", spec)
    if not m or float(m[1]) <= 0 or (m[2] is not None and int(m[2]) < 1):
        raise ValueError(f"--rate-limit: {spec!r} is not R[/s][:BURST] (R > 0 calls a second, BURST >= 1)")
    rate = float(m[1])
    return rate, float(m[2]) if m[2] else max(1.0, rate)


# ---------------------------------------------------------------- rate limit

class TokenBuckets:
    """Per caller `burst` tokens, refilled at `rate` a second; a call takes one.

    Memory is bounded: a bucket that has refilled is the same as no bucket and is
    dropped when it is the least recently seen; past `max_callers` the least recently
    seen goes anyway (it starts again with a full bucket)."""

    def __init__(self, rate: float, burst: float, max_callers: int = MAX_CALLERS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.max_callers, self.clock = rate, burst, max_callers, clock
        self.buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when); least recently seen first
        self.lock = threading.Lock()

    def take(self, key: str) -> float:
        """0.0 when a token was taken, else the seconds until one is due."""
        now = self.clock()
        with self.lock:
            tokens, when = self.buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - when) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self.buckets[key] = (tokens - 1 if tokens >= 1 else tokens, now)
            self._evict(now)
        return wait

    def _evict(self, now: float) -> None:
        full_after = self.burst / self.rate  # seconds an empty bucket takes to refill
        while self.buckets:
            oldest = next(iter(self.buckets))
            if len(self.buckets) <= self.max_callers and now - self.buckets[oldest][1] < full_after:
                return
            del self.buckets[oldest]


def refuse_rate(context: grpc.ServicerContext, rate: float, burst: float, wait: float) -> None:
    """RESOURCE_EXHAUSTED with the time to wait: `retry-after-ms` and a RetryInfo detail."""
    ms = max(1, math.ceil(wait * 1000))
    message = f"rate-limit: more than {rate:g} calls a second (burst {burst:g}) from this caller; retry in {ms} ms"
    detail = any_pb2.Any()
    detail.Pack(error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(
        seconds=ms // 1000, nanos=ms % 1000 * 1_000_000)))
    status = status_pb2.Status(code=grpc.StatusCode.RESOURCE_EXHAUSTED.value[0], message=message,
                               details=[detail])
    context.set_trailing_metadata((("retry-after-ms", str(ms)),
                                   ("grpc-status-details-bin", status.SerializeToString())))
    context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, message)


# ---------------------------------------------------------------- streams

@dataclass(eq=False)
class Watched:
    """One open stream as the watchdog sees it."""
    context: grpc.ServicerContext
    last: float = field(default_factory=time.monotonic)  # its last message in or out

    def requests(self, requests: Iterator) -> Iterator:
        for request in requests:
            self.last = time.monotonic()
            yield request


class Watchdog:
    """Ends streams that stay `timeout` seconds without a message, with one thread that
    looks at the open streams every `timeout / 4` (at most every second): a stream ends
    between `timeout` and `1.25 * timeout` after its last message."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.tick = min(1.0, timeout / 4)
        self.open: set[Watched] = set()
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.ended = 0  # streams ended for being idle
        self.thread = threading.Thread(target=self._run, name="stream-idle-watchdog", daemon=True)
        self.thread.start()

    def watch(self, context: grpc.ServicerContext) -> Watched:
        w = Watched(context)
        with self.lock:
            self.open.add(w)
        return w

    def forget(self, w: Watched) -> None:
        with self.lock:
            self.open.discard(w)

    def stop(self) -> None:
        self.stopped.set()

    def _run(self) -> None:
        while not self.stopped.wait(self.tick):
            now = time.monotonic()
            with self.lock:
                idle = [w for w in self.open if now - w.last >= self.timeout]
                self.open.difference_update(idle)
            for w in idle:
                self._end(w)

    def _end(self, w: Watched) -> None:
        self.ended += 1
        log.debug("a stream sent nothing for %gs: ended", self.timeout)
        end_call(w.context, grpc.StatusCode.RESOURCE_EXHAUSTED,
                 f"stream-idle-timeout: no message for {self.timeout:g} s")


def end_call(context: grpc.ServicerContext, code: grpc.StatusCode, details: str) -> None:
    """End a call from another thread than its handler's, with a status the client sees.
    The sync server's context has no public way to do that (`abort` raises in the calling
    thread, `cancel` sends CANCELLED): cancel the core call with a status; tested."""
    context.set_code(code)  # what the handler's side sees too (service.observe)
    call = getattr(getattr(context, "_rpc_event", None), "call", None)
    if call is None:
        context.cancel()
    else:
        call.cancel(code.value[0], details)


class StreamSlots:
    """Open streams: at most `total`, and `per_caller` per caller."""

    def __init__(self, total: int, per_caller: int) -> None:
        self.total, self.per_caller = total, per_caller
        self.open = 0
        self.by_caller: dict[str, int] = {}  # only callers with open streams
        self.lock = threading.Lock()

    def admit(self) -> bool:
        with self.lock:
            if self.open >= self.total:
                return False
            self.open += 1
            return True

    def release(self) -> None:
        with self.lock:
            self.open -= 1

    def enter(self, key: str) -> bool:
        with self.lock:
            n = self.by_caller.get(key, 0)
            if n >= self.per_caller:
                return False
            self.by_caller[key] = n + 1
            return True

    def leave(self, key: str) -> None:
        with self.lock:
            n = self.by_caller.pop(key) - 1
            if n:
                self.by_caller[key] = n


# ---------------------------------------------------------------- the interceptor

class Limits(grpc.ServerInterceptor):
    """Stream caps, idle timeout and rate limit for the RedactorService's methods."""

    def __init__(self, max_streams: int, max_streams_per_caller: int, idle_timeout: float,
                 rate_limit: tuple[float, float] | None) -> None:
        self.slots = StreamSlots(max_streams, max_streams_per_caller)
        self.streams_done = 0  # stream handlers that have returned (admitted ones)
        self.stream_pool = None  # set by the server: the streams' own executor
        self.watchdog = Watchdog(idle_timeout)
        self.buckets = TokenBuckets(*rate_limit) if rate_limit else None

    def stop(self) -> None:
        self.watchdog.stop()

    def intercept_service(self, continuation, details):
        if not details.method.startswith(SERVICE_PREFIX):
            return continuation(details)
        handler = continuation(details)
        if handler is None:
            return None
        if details.method == STREAM_METHOD:
            if not self.slots.admit():  # before the stream takes a thread
                return _refuse_stream(f"max-streams: {self.slots.total} streams are open on this server")
            return self._stream(handler)
        return handler if self.buckets is None else self._rate_limited(handler)

    def _charge(self, context: grpc.ServicerContext, key: str) -> None:
        if self.buckets is not None:
            wait = self.buckets.take(key)
            if wait:
                refuse_rate(context, self.buckets.rate, self.buckets.burst, wait)

    def _rate_limited(self, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        behavior = handler.unary_unary

        def unary(request, context):
            self._charge(context, caller_key(context))
            return behavior(request, context)
        return grpc.unary_unary_rpc_method_handler(unary, handler.request_deserializer,
                                                   handler.response_serializer)

    def _stream(self, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        behavior = handler.stream_stream

        def stream(requests, context):
            ended = Ended()
            ended.then(self.slots.release)
            # run when the call ends, however it ends (not when a dropped generator is collected)
            if not context.add_callback(ended):
                ended()
            key = caller_key(context)
            self._charge(context, key)
            if not self.slots.enter(key):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                              f"max-streams: {self.slots.per_caller} streams are open for this caller")
            ended.then(lambda: self.slots.leave(key))
            w = self.watchdog.watch(context)
            ended.then(lambda: self.watchdog.forget(w))
            try:
                for response in behavior(w.requests(requests), context):
                    w.last = time.monotonic()
                    yield response   # blocks while the client does not read
                    w.last = time.monotonic()
            finally:
                with self.slots.lock:
                    self.streams_done += 1
        # grpcio runs a method whose behaviour has this attribute on that executor
        stream.experimental_thread_pool = self.stream_pool  # type: ignore[attr-defined]
        return grpc.stream_stream_rpc_method_handler(stream, handler.request_deserializer,
                                                     handler.response_serializer)


class Ended:
    """What to undo when a stream ends, done once (the call may end before it is set up)."""

    def __init__(self) -> None:
        self.undo: list[Callable[[], None]] = []
        self.done = False
        self.lock = threading.Lock()

    def then(self, undo: Callable[[], None]) -> None:
        with self.lock:
            if not self.done:
                self.undo.append(undo)
                return
        undo()

    def __call__(self) -> None:
        with self.lock:
            self.done, undo = True, self.undo
            self.undo = []
        for f in undo:
            f()


def _refuse_stream(message: str) -> grpc.RpcMethodHandler:
    def refuse(requests, context):
        context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, message)
        yield  # a generator, as stream handlers are
    return grpc.stream_stream_rpc_method_handler(refuse)


# gRPC's own HTTP/2 limits, on every server (README: Server)
KEEPALIVE_OPTIONS = [
    ("grpc.keepalive_time_ms", 60_000),        # ping a connection quiet for a minute...
    ("grpc.keepalive_timeout_ms", 20_000),     # ...and close it when the ping is not answered in 20 s
    ("grpc.keepalive_permit_without_calls", 1),                # clients may ping idle connections...
    ("grpc.http2.min_ping_interval_without_data_ms", 30_000),  # ...every 30 s at most;
    ("grpc.http2.max_ping_strikes", 2),        # the third ping too soon gets GOAWAY (too_many_pings)
    ("grpc.max_connection_idle_ms", 300_000),  # a connection without calls for 5 minutes is closed
]
