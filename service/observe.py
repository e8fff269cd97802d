"""Metrics, traces and access lines: one interceptor that measures every RPC.

`Observe` is the outermost interceptor (first in the server's tuple: grpc's sync server
lets the first interceptor wrap all the others), so calls the limits and authorization
interceptors refuse are measured with their status too. Per call it records the
method, the status code, the duration, the bytes received and sent, and the entities
found by type (the servicer tallies them through `found` / `field_types` on the
thread that runs the call); at the end it feeds whichever of these are on:

- Prometheus metrics (`--metrics-address`, `Metrics`), across `--workers N` through
  prometheus_client's multiprocess mode (service.workers serves them);
- an OpenTelemetry server span, when the standard OTEL_* variables configure an
  exporter and the SDK is installed (`redactd[otel]`);
- one access line (logger `redactd.access`, at info).

Never a text, a value or a token: method names come from the call, entity types from
a fixed vocabulary (a caller's own types count as CUSTOM), callers by the name the
callers file gives them.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
import time
from typing import Any, Callable, Iterable, Iterator

import grpc

from redactd import core
from redactd.limits import caller_key, peer_host

ACCESS = logging.getLogger("redactd.access")
BUILTIN_TYPES = frozenset(core.TYPE_NAMES)
CUSTOM = "CUSTOM"  # label of every type a caller names (custom recognizers, deny lists)
HEALTH = "/grpc.health.v1.Health/"  # probes: access lines at debug, not info
OK = grpc.StatusCode.OK
# the codes OpenTelemetry's gRPC conventions call a server error
SERVER_ERRORS = frozenset({grpc.StatusCode.UNKNOWN, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.UNIMPLEMENTED,
                           grpc.StatusCode.INTERNAL, grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DATA_LOSS})
LATENCY_BUCKETS = (.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60)

_local = threading.local()  # .call: the Call this thread is running, if observed


def type_label(type_name: str) -> str:
    """A built-in type's name, or CUSTOM: a bounded vocabulary for labels and logs."""
    return type_name if type_name in BUILTIN_TYPES else CUSTOM


# ---------------------------------------------------------------- what the servicer reports

def counting() -> bool:
    """Whether the running call is observed (then the servicer reports what it found)."""
    return getattr(_local, "call", None) is not None


def found(found: Iterable[core.Found]) -> None:
    """Entities the running call found (core.Found)."""
    call = getattr(_local, "call", None)
    if call is not None:
        counts = call.entities
        for f in found:
            t = type_label(f.entity.type)
            counts[t] = counts.get(t, 0) + 1


def field_types(types: Iterable[str]) -> None:
    """Entities the running call found, by type name (one each; ApplyPolicy: a field's types)."""
    call = getattr(_local, "call", None)
    if call is not None:
        counts = call.entities
        for name in types:
            t = type_label(name)
            counts[t] = counts.get(t, 0) + 1


def note_caller(name: str) -> None:
    """Authorization: the callers file's name of the caller (or "unknown")."""
    call = getattr(_local, "call", None)
    if call is not None:
        call.caller = name


# ---------------------------------------------------------------- one call

class Call:
    __slots__ = ("method", "service", "name", "start", "bytes_in", "bytes_out", "entities", "caller", "span",
                 "stream", "done", "lock", "key")

    def __init__(self, method: str, stream: bool) -> None:
        self.method = method                               # /package.Service/Method, from the call
        self.service, _, self.name = method[1:].rpartition("/")
        self.start = time.perf_counter()
        self.bytes_in = self.bytes_out = 0
        self.entities: dict[str, int] = {}
        self.caller: str | None = None                     # the callers file's name, when auth said
        self.span: Any = None                              # OpenTelemetry's, when traces are on
        self.stream = stream                               # counted among open streams
        self.done = False
        self.lock = threading.Lock()
        self.key = ""                                      # the caller's key, without a callers file


def _size(message) -> int:
    size = getattr(message, "ByteSize", None)
    return size() if size is not None else 0  # a request that did not parse (service.wire)


def _code(context: grpc.ServicerContext, failed: bool, ended: bool) -> grpc.StatusCode:
    """The status the client gets: what the handler set (abort), else CANCELLED or
    DEADLINE_EXCEEDED when the call ended under it (`ended`: it is over, and the handler
    did not finish), else UNKNOWN after an exception."""
    code = context.code()
    if code is not None:
        return code
    if ended or not context.is_active():
        return grpc.StatusCode.DEADLINE_EXCEEDED if context.time_remaining() <= 0 else grpc.StatusCode.CANCELLED
    return grpc.StatusCode.UNKNOWN if failed else OK


# ---------------------------------------------------------------- the interceptor

class Observe(grpc.ServerInterceptor):
    """`scanning`: the service whose requests are text to scan (its name from the
    descriptor); `callers()`: the current callers file (None without one)."""

    def __init__(self, scanning: str, metrics: Metrics | None, tracer, access: bool,
                 callers: Callable[[], object], mtls: bool = False) -> None:
        self.scanning = f"/{scanning}/"
        self.metrics, self.tracer, self.access = metrics, tracer, access
        self.callers = callers
        self.mtls = mtls  # client certificates: a caller may be known by its subject

    def intercept_service(self, continuation, details):
        handler = continuation(details)
        if handler is None:  # unknown method: its name is the caller's text, not ours to log
            return None
        method = details.method
        if handler.response_streaming:
            kind = "stream_stream" if handler.request_streaming else "unary_stream"
            wrapped = self._streaming(getattr(handler, kind), method, handler.request_streaming,
                                      details.invocation_metadata)
        else:
            kind = "stream_unary" if handler.request_streaming else "unary_unary"
            wrapped = self._unary(getattr(handler, kind), method, handler.request_streaming,
                                  details.invocation_metadata)
        pool = getattr(getattr(handler, kind), "experimental_thread_pool", None)
        if pool is not None:  # the streams' own executor (service.limits)
            wrapped.experimental_thread_pool = pool  # type: ignore[attr-defined]
        return handler._replace(**{kind: wrapped})

    def _begin(self, method: str, streaming: bool, metadata, context: grpc.ServicerContext) -> Call:
        call = Call(method, streaming and method.startswith(self.scanning))
        if self.access and self.callers() is None:  # now: the peer is gone once the call is
            call.key = self._key(metadata, context)
        if self.tracer is not None:
            call.span = self._span(call, metadata)
        if call.stream and self.metrics is not None:
            self.metrics.open_streams.inc()
        return call

    def _requests(self, call: Call, requests: Iterator) -> Iterator:
        for request in requests:
            call.bytes_in += _size(request)
            yield request

    def _unary(self, behavior, method: str, request_streaming: bool, metadata):
        def unary(request, context):
            call = self._begin(method, request_streaming, metadata, context)
            if request_streaming:
                request = self._requests(call, request)
            else:
                call.bytes_in = _size(request)
            _local.call = call
            try:
                response = behavior(request, context)
            except BaseException:
                _local.call = None
                self.finish(call, context, True)
                raise
            _local.call = None
            call.bytes_out = _size(response)
            self.finish(call, context, False)
            return response
        return unary

    def _streaming(self, behavior, method: str, request_streaming: bool, metadata):
        def streaming(request, context):
            call = self._begin(method, request_streaming, metadata, context)
            # the call's end however it ends (a generator grpc drops is not resumed)
            if not context.add_callback(lambda: self.finish(call, context, False, ended=True)):
                self.finish(call, context, False, ended=True)
            if request_streaming:
                request = self._requests(call, request)
            else:
                call.bytes_in = _size(request)
            failed = False
            try:
                _local.call = call  # only while the handler runs on this thread
                try:
                    responses = behavior(request, context)
                finally:
                    _local.call = None
                while True:
                    _local.call = call
                    try:
                        response = next(responses)
                    except StopIteration:
                        return
                    finally:
                        _local.call = None
                    call.bytes_out += _size(response)
                    yield response
            except GeneratorExit:
                raise
            except BaseException:
                failed = True
                raise
            finally:
                self.finish(call, context, failed)
        return streaming

    def finish(self, call: Call, context: grpc.ServicerContext, failed: bool, ended: bool = False) -> None:
        """Record the call once, at its end."""
        with call.lock:
            if call.done:
                return
            call.done = True
        seconds = time.perf_counter() - call.start
        code = _code(context, failed, ended)
        caller = call.caller
        if caller is None and (callers := self.callers()) is not None and not call.method.startswith(HEALTH):
            caller = _identify(callers, context)  # refused before authorization ran
        if self.metrics is not None:
            self.metrics.record(call, code, seconds, caller or "", call.method.startswith(self.scanning))
        if call.span is not None:
            _end_span(call, code, caller)
        if self.access:
            level = logging.DEBUG if call.method.startswith(HEALTH) else logging.INFO
            if ACCESS.isEnabledFor(level):
                _access_line(level, call, code, seconds, caller or call.key)

    def _key(self, metadata, context: grpc.ServicerContext) -> str:
        """service.limits.caller_key, from the metadata the call came with (the
        certificate is asked for only when the server takes client certificates)."""
        for key, value in metadata or ():
            if key == "authorization" and value.startswith("Bearer "):
                return hashlib.sha256(value[7:].encode()).hexdigest()
        return caller_key(context) if self.mtls else peer_host(context.peer())

    def _span(self, call: Call, metadata):
        from opentelemetry import propagate, trace
        carrier = {k: v for k, v in metadata or () if isinstance(v, str)}
        return self.tracer.start_span(
            call.method[1:], context=propagate.extract(carrier), kind=trace.SpanKind.SERVER,
            attributes={"rpc.system": "grpc", "rpc.service": call.service, "rpc.method": call.name})


def _identify(callers, context: grpc.ServicerContext) -> str:
    from redactd.auth import bearer_token, peer_subject
    caller = callers.identify(bearer_token(context.invocation_metadata()),
                              peer_subject(context) if callers.read_subject else None)
    return caller.name if caller else "unknown"


def _end_span(call: Call, code: grpc.StatusCode, caller: str | None) -> None:
    span = call.span
    if span.is_recording():  # else not sampled: nothing to add
        attributes = {"rpc.grpc.status_code": code.value[0], "redactd.request.bytes": call.bytes_in,
                      "redactd.response.bytes": call.bytes_out}
        if caller:
            attributes["redactd.caller"] = caller
        for t, n in call.entities.items():
            attributes[f"redactd.entities.{t}"] = n
        span.set_attributes(attributes)
        if code in SERVER_ERRORS:
            from opentelemetry.trace import Status, StatusCode
            span.set_status(Status(StatusCode.ERROR, code.name))  # the code's name, never the message
    span.end()


def _access_line(level: int, call: Call, code: grpc.StatusCode, seconds: float, caller: str) -> None:
    # a record made directly: no search of the stack for the caller's file and line
    ACCESS.handle(ACCESS.makeRecord(ACCESS.name, level, "", 0, AccessLine(call, code, seconds, caller), (), None))


class AccessLine:
    """An access line's fields, rendered only by a handler that writes it: as text
    (`str`), or as JSON fields (`fields`, service.logs)."""

    __slots__ = ("method", "caller", "code", "ms", "bytes_in", "bytes_out", "entities")

    def __init__(self, call: Call, code: grpc.StatusCode, seconds: float, caller: str) -> None:
        self.method, self.caller, self.code, self.ms = call.method, caller, code.name, round(seconds * 1000, 3)
        self.bytes_in, self.bytes_out, self.entities = call.bytes_in, call.bytes_out, call.entities

    def __str__(self) -> str:
        entities = ",".join(f"{t}:{n}" for t, n in sorted(self.entities.items())) or "-"
        return (f"{self.method} caller={self.caller} code={self.code} duration_ms={self.ms:.3f} "
                f"bytes_in={self.bytes_in} bytes_out={self.bytes_out} entities={entities}")

    def fields(self) -> dict:
        return {"method": self.method, "caller": self.caller, "code": self.code, "duration_ms": self.ms,
                "bytes_in": self.bytes_in, "bytes_out": self.bytes_out, "entities": dict(sorted(self.entities.items()))}


# ---------------------------------------------------------------- Prometheus

class Metrics:
    """The metrics of this process, made once (prometheus_client's registry is global);
    in a worker of `--workers N` they go to PROMETHEUS_MULTIPROC_DIR's files."""

    _made: Metrics | None = None
    _lock = threading.Lock()

    @classmethod
    def get(cls) -> Metrics:
        with cls._lock:
            if cls._made is None:
                cls._made = cls()
            return cls._made

    def __init__(self) -> None:
        from prometheus_client import Counter, Gauge, Histogram
        self.rpcs = Counter("redactd_rpcs", "RPCs handled, by method, status code and caller (the callers "
                            "file's name; empty without a callers file)", ["service", "method", "code", "caller"])
        self.duration = Histogram("redactd_rpc_duration_seconds", "RPC latency, from the call's start to its "
                                  "status, by method", ["service", "method"], buckets=LATENCY_BUCKETS)
        self.scanned = Counter("redactd_scanned_bytes", "Bytes of requests to scan (the serialized messages "
                               "of the Redactor service's RPCs), by method", ["method"])
        self.entities = Counter("redactd_entities", "Entities found, by type (callers' own types as CUSTOM)",
                                ["type"])
        self.open_streams = Gauge("redactd_open_streams", "Streaming calls of the Redactor service open now",
                                  multiprocess_mode="livesum")
        self.reloads = Counter("redactd_policy_reloads", "Policy reloads (SIGHUP), by outcome: ok or error",
                               ["outcome"])
        self.build = Gauge("redactd_build_info", "The running build: redactd's version and Python's",
                           ["version", "python"], multiprocess_mode="max")
        self.build.labels(_version(), sys.version.split()[0]).set(1)
        self._children: dict[tuple, tuple] = {}  # labels -> (rpcs child, duration child, scanned child)
        self._types: dict[str, Any] = {}

    def _of(self, call: Call, code: grpc.StatusCode, caller: str):
        key = (call.method, code, caller)
        children = self._children.get(key)
        if children is None:
            children = (self.rpcs.labels(call.service, call.name, code.name, caller),
                        self.duration.labels(call.service, call.name), self.scanned.labels(call.name))
            self._children[key] = children
        return children

    def record(self, call: Call, code: grpc.StatusCode, seconds: float, caller: str, scanning: bool) -> None:
        rpcs, duration, scanned = self._of(call, code, caller)
        rpcs.inc()
        duration.observe(seconds)
        if scanning:
            scanned.inc(call.bytes_in)
        if call.stream:
            self.open_streams.dec()
        for t, n in call.entities.items():
            child = self._types.get(t)
            if child is None:
                child = self._types[t] = self.entities.labels(t)
            child.inc(n)

    def policy_reload(self, outcome: str) -> None:
        self.reloads.labels(outcome).inc()


def policy_reload(outcome: str) -> None:
    """A SIGHUP's policy reload ("ok" or "error"), counted when metrics are on."""
    if Metrics._made is not None:
        Metrics._made.policy_reload(outcome)


def _version() -> str:
    from importlib import metadata
    try:
        return metadata.version("redactd")
    except metadata.PackageNotFoundError:
        return "unknown"


class MetricsEndpoint:
    """`--metrics-address HOST:PORT`: /metrics over HTTP, from this process's registry
    or, with `multiprocess`, from every worker's files (the supervisor's)."""

    def __init__(self, address: str, multiprocess: bool = False) -> None:
        from prometheus_client import REGISTRY, CollectorRegistry, start_http_server
        from redactd.workers import split_address
        host, port = split_address(address)
        registry = REGISTRY
        if multiprocess:
            from prometheus_client import multiprocess as mp
            registry = CollectorRegistry()
            mp.MultiProcessCollector(registry)
        try:
            self.httpd, self.thread = start_http_server(port, addr=host or "0.0.0.0", registry=registry)
        except OSError as exc:
            raise OSError(f"--metrics-address {address}: cannot listen there ({exc.strerror or exc})") from None
        self.port = self.httpd.server_port

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------- OpenTelemetry

def tracing_configured(environ=os.environ) -> bool:
    """Traces are on when the standard variables name an exporter or an OTLP endpoint,
    unless OTEL_SDK_DISABLED=true."""
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    exporters = environ.get("OTEL_TRACES_EXPORTER")
    if exporters is not None:
        return exporters.strip().lower() not in ("", "none")
    return bool(environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))


def tracer_provider(environ=os.environ):
    """A TracerProvider exporting as OTEL_TRACES_EXPORTER says (default otlp, whose
    exporter reads OTEL_EXPORTER_OTLP_*), or None when tracing is not configured. The
    SDK is imported only then."""
    if not tracing_configured(environ):
        return None
    try:
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        raise ValueError("OTEL_TRACES_EXPORTER / OTEL_EXPORTER_OTLP_ENDPOINT: traces are configured but the "
                         "OpenTelemetry SDK is not installed (pip install 'redactd[otel]')") from None
    from importlib.metadata import entry_points
    named = "service.name" in environ.get("OTEL_RESOURCE_ATTRIBUTES", "") or "OTEL_SERVICE_NAME" in environ
    provider = TracerProvider(resource=Resource.create({} if named else {"service.name": "redactd"}))
    installed = {e.name: e for e in entry_points(group="opentelemetry_traces_exporter")}
    for name in environ.get("OTEL_TRACES_EXPORTER", "otlp").split(","):
        name = name.strip().lower()
        if name in ("", "none"):
            continue
        protocol = environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", environ.get("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"))
        if name == "otlp" and protocol.strip().lower().startswith("http"):
            name = "otlp_proto_http"  # http/protobuf; "otlp" is the gRPC exporter
        if name not in installed:
            raise ValueError(f"OTEL_TRACES_EXPORTER: no span exporter named {name!r} is installed (one of "
                             f"{', '.join(sorted(installed))}; otlp needs pip install 'redactd[otel]')")
        provider.add_span_processor(BatchSpanProcessor(installed[name].load()()))
    return provider


# ---------------------------------------------------------------- wiring

def interceptor(settings, scanning: str, callers: Callable[[], object],
                provider=None) -> tuple[tuple[Observe, ...], MetricsEndpoint | None]:
    """The server's observing interceptor (none when metrics, traces and access lines
    are all off: then it costs nothing) and its metrics endpoint (none in a worker of
    `--workers N`, whose supervisor serves every worker's metrics)."""
    provider = provider if provider is not None else tracer_provider()
    metrics = Metrics.get() if settings.metrics_address else None
    access = ACCESS.isEnabledFor(logging.INFO)
    if metrics is None and provider is None and not access:
        return (), None
    endpoint = None
    if metrics is not None and not settings.reuse_port:
        endpoint = MetricsEndpoint(settings.metrics_address)
        logging.getLogger("redactd").info("metrics on http://%s/metrics", _joined(settings.metrics_address,
                                                                                 endpoint.port))
    tracer = provider.get_tracer("redactd") if provider is not None else None
    return (Observe(scanning, metrics, tracer, access, callers, bool(settings.tls_client_ca_file)),), endpoint


def _joined(address: str, port: int) -> str:
    host = address.rpartition(":")[0]
    return f"{host}:{port}"


class WorkerMetrics:
    """The supervisor's side of `--workers N` metrics: a fresh PROMETHEUS_MULTIPROC_DIR
    the workers inherit (set before any starts), the endpoint over all their files, and
    the directory removed at exit."""

    def __init__(self, address: str) -> None:
        import tempfile
        self.dir = tempfile.mkdtemp(prefix="redactd-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = self.dir
        try:
            self.endpoint = MetricsEndpoint(address, multiprocess=True)
        except OSError:
            self.close()
            raise
        logging.getLogger("redactd").info("metrics of every worker on http://%s/metrics",
                                          _joined(address, self.endpoint.port))

    def dead(self, pid: int) -> None:
        """A worker exited: its live gauges (open streams) no longer count."""
        from prometheus_client import multiprocess
        multiprocess.mark_process_dead(pid, self.dir)

    def close(self) -> None:
        import shutil
        if getattr(self, "endpoint", None) is not None:
            self.endpoint.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
