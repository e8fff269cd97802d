"""Server wiring: servicer, health, reflection, limits, graceful shutdown.

grpcio's thread-pool server, not grpc.aio: measured on this kind of machine, a
no-op 200-byte unary RPC ran about 1.6x faster on it (see README), and the
scanner releases the GIL while it scans, so a long scan never blocks other
RPCs' I/O. Streams run on a pool of their own (service.limits), so open streams
never take the threads unary calls need.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from redactd_client.api.redact.v1 import redact_pb2, redact_pb2_grpc
from redactd.auth import Authorization
from redactd import memory, observe, reflection, tls, wire
from redactd.callers import CallersError, load_callers
from redactd.config import MiB, Settings, load_keys
from redactd.limits import KEEPALIVE_OPTIONS, Limits
from redactd.policies import PolicyError, PolicyStore
from redactd.servicer import ECHO_SERVICE, RedactorServicer, echo_handlers

log = logging.getLogger("redactd")
DRAIN_NOTICE = 5.0  # seconds of NOT_SERVING before a stopping server stops taking calls
SERVICE = redact_pb2.DESCRIPTOR.services_by_name["RedactorService"].full_name


def check_files(settings: Settings) -> None:
    """Read the keys, policies, callers and TLS files as a server would (the same errors)."""
    keys = load_keys(settings)
    policies = PolicyStore(settings.policy_files, keys)
    load_callers(settings.callers_file, policies.current)
    if settings.tls_cert_file or settings.tls_key_file or settings.tls_client_ca_file:
        tls.ServerTls(settings.tls_cert_file, settings.tls_key_file, settings.tls_client_ca_file)


class Server:
    """A started server; `port` is the bound port (useful with port 0)."""

    def __init__(self, settings: Settings, tracer_provider=None) -> None:
        """`tracer_provider`: OpenTelemetry's, else one from the OTEL_* variables (or none)."""
        self.settings = settings
        memory.configure()
        keys = load_keys(settings)
        self.policies = PolicyStore(settings.policy_files, keys)
        self.policies.log_skipped()
        self.auth = Authorization(load_callers(settings.callers_file, self.policies.current), self.policies,
                                  settings.allow_keyed_operators_without_auth)
        self.tls = None
        if settings.tls_cert_file or settings.tls_key_file or settings.tls_client_ca_file:
            self.tls = tls.ServerTls(settings.tls_cert_file, settings.tls_key_file, settings.tls_client_ca_file)
        # streams wait on their own threads, never on the ones unary calls need
        self.limits = Limits(settings.max_streams, settings.max_streams_per_caller,
                             settings.stream_idle_timeout, settings.rate_limit)
        self.limits.stream_pool = futures.ThreadPoolExecutor(max_workers=settings.max_streams,
                                                             thread_name_prefix="stream")
        # outermost, so that what limits and auth refuse is measured too (service.observe)
        self.observe, self.metrics = observe.interceptor(settings, SERVICE, lambda: self.auth.callers, tracer_provider)
        self.grpc = grpc.server(
            futures.ThreadPoolExecutor(max_workers=settings.threads, thread_name_prefix="rpc"),
            # limits before auth: a refused stream takes no thread
            interceptors=(*self.observe, self.limits, self.auth),
            options=[("grpc.max_receive_message_length", settings.max_message_bytes),
                     # above ours (max_response_bytes), so that ours, naming the field, answers first
                     ("grpc.max_send_message_length", settings.max_response_bytes + MiB),
                     ("grpc.so_reuseport", int(settings.reuse_port)), *KEEPALIVE_OPTIONS])
        # the generated handlers, parsing requests so that a bad one is INVALID_ARGUMENT (service/wire.py)
        handlers = wire.checked_handlers(redact_pb2_grpc.add_RedactorServiceServicer_to_server,
                                         RedactorServicer(settings, self.policies, keys))
        self.grpc.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, handlers),))
        self.grpc.add_registered_method_handlers(SERVICE, handlers)
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.grpc)
        reflection.enable((SERVICE, health.SERVICE_NAME), self.grpc)  # v1 and v1alpha
        if settings.bench_echo:
            echo = echo_handlers()
            self.grpc.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(ECHO_SERVICE, echo),))
            self.grpc.add_registered_method_handlers(ECHO_SERVICE, echo)
        try:
            if self.tls:
                self.port = self.grpc.add_secure_port(settings.address, self.tls.credentials())
            else:
                self.port = self.grpc.add_insecure_port(settings.address)
        except RuntimeError:  # grpc's "Failed to bind ...", with a hint to turn on its debug log
            self.port = 0
        if self.port == 0:
            self.grpc.stop(None)
            if self.metrics:
                self.metrics.close()
            raise OSError(f"--address {settings.address}: cannot listen there (the port is in use, or the "
                          f"host is not one of this machine's addresses)")
        if not self.tls and not settings.reuse_port:  # a worker: its supervisor warned once
            tls.warn_if_plaintext(settings.address)
        self.grpc.start()
        for name in ("", SERVICE):
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)
        log.info("redactd serving on port %d (%s, %d policies, %d keys, %s)",
                 self.port, ("mTLS" if settings.tls_client_ca_file else "TLS") if self.tls else "plaintext",
                 len(self.policies.current), len(keys.keys),
                 f"{len(self.auth.callers.all)} callers" if self.auth.callers else "no callers file")

    def reload(self) -> None:
        """SIGHUP: policies, callers and certificates again; each keeps its previous
        state when its files are invalid."""
        self.reload_policies()
        if self.settings.callers_file:
            try:
                callers = load_callers(self.settings.callers_file, self.policies.current)
                self.auth.callers = callers
                log.info("callers reloaded: %d", len(callers.all) if callers else 0)
            except CallersError as exc:
                log.error("callers reload failed, keeping the previous callers: %s", exc)
        if self.tls:
            try:
                self.tls.reload()
                log.info("TLS certificates reloaded for new connections")
            except ValueError as exc:
                log.error("TLS reload failed, keeping the previous certificates: %s", exc)

    def reload_policies(self) -> None:
        """SIGHUP: load the policy files again; keep the old set if they are invalid."""
        try:
            log.info("policies reloaded: %d", self.policies.reload())
            observe.policy_reload("ok")
        except PolicyError as exc:
            log.error("policy reload failed, keeping the previous set: %s", exc)
            observe.policy_reload("error")

    def stop(self, grace: float | None = None) -> threading.Event:
        """Within the grace period: first answer health checks NOT_SERVING while still
        serving (DRAIN_NOTICE seconds, at most half the grace), so that load balancers
        and clients see it and send elsewhere; then stop taking calls and let the ones
        in flight finish. The event is set when the server has stopped."""
        grace = self.settings.grace if grace is None else grace
        self.health.enter_graceful_shutdown()
        notice = min(DRAIN_NOTICE, grace / 2)
        if notice <= 0:
            self.limits.stop()
            return self.grpc.stop(grace)
        stopped = threading.Event()

        def drain() -> None:
            time.sleep(notice)
            self.limits.stop()
            self.grpc.stop(grace - notice).wait()
            stopped.set()
        threading.Thread(target=drain, name="drain", daemon=True).start()
        return stopped


def serve(settings: Settings) -> int:
    """Serve until SIGTERM or SIGINT (exit 0 after a graceful stop); SIGHUP reloads policies,
    callers and certificates."""
    server = Server(settings)
    stopping = threading.Event()

    def on_signal(signum, _frame):
        if not stopping.is_set():
            stopping.set()
            log.info("%s: draining for up to %.0fs", signal.Signals(signum).name, settings.grace)
            threading.Thread(target=server.stop, daemon=True).start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, lambda *_: threading.Thread(target=server.reload, daemon=True).start())
    server.grpc.wait_for_termination()
    server.limits.stream_pool.shutdown(wait=False)
    log.info("redactd stopped")
    return 0
