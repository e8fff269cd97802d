"""`redactd serve --workers N`: N server processes sharing one port.

Each worker is a whole `redactd serve --workers 1` in its own interpreter (its own
GIL), listening on the same address with SO_REUSEPORT, so the kernel spreads new
connections over them. The supervisor holds no gRPC state of its own: it starts
the workers, forwards SIGTERM/SIGINT (drain) and SIGHUP (reload) to all of them,
and restarts a worker that dies, with a back-off when one keeps dying at once.

Workers are started as fresh processes (not os.fork of a process that imported
grpc, which gRPC's core does not support), with the supervisor's own command line
and `--workers 1 --reuse-port`.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

log = logging.getLogger("redactd")

RESTART_BACKOFF = (0.0, 0.5, 1.0, 2.0, 5.0, 10.0)  # seconds before restart n (quick deaths in a row)
USAGE_ERROR = 2   # `redactd` exits with this on a bad flag, file or address: no restart will fix it
STABLE_AFTER = 10.0                                 # a worker up this long resets its back-off


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def split_address(address: str) -> tuple[str, int]:
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"address: {address!r} is not HOST:PORT")
    return host.strip("[]"), int(port)


class PortReservation:
    """A port for the workers when the address asks for port 0: bound (not listening)
    with SO_REUSEPORT, held until the supervisor exits, so nothing else takes it."""

    def __init__(self, address: str) -> None:
        host, port = split_address(address)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        self.sock.bind((host, port))
        bound = self.sock.getsockname()[1]
        self.address = f"[{host}]:{bound}" if family == socket.AF_INET6 else f"{host}:{bound}"

    def close(self) -> None:
        self.sock.close()


@dataclass
class Worker:
    index: int
    proc: subprocess.Popen | None = None
    started: float = 0.0
    quick_deaths: int = 0            # deaths in a row, each within STABLE_AFTER of its start
    restart_at: float | None = None  # when a dead worker is started again


class Supervisor:
    def __init__(self, argv: list[str], workers: int, address: str, grace: float, metrics_address: str = "") -> None:
        self.argv = argv                    # `redactd serve ...` as given, without --workers
        self.count = workers
        self.grace = grace
        self.reservation = PortReservation(address)
        self.address = self.reservation.address
        self.workers = [Worker(i) for i in range(workers)]
        self.stopping = threading.Event()
        self.lock = threading.RLock()  # signal handlers run in the thread that may hold it
        self.failed = False   # a worker could not start: its configuration is wrong
        self.metrics = None   # every worker's metrics, when --metrics-address is set (service.observe)
        if metrics_address:
            from redactd.observe import WorkerMetrics
            self.metrics = WorkerMetrics(metrics_address)

    def command(self) -> list[str]:
        return [sys.executable, "-m", "redactd.cli", "serve", *self.argv,
                "--address", self.address, "--workers", "1", "--reuse-port"]

    def start(self, w: Worker) -> None:
        w.proc = subprocess.Popen(self.command(), preexec_fn=die_with_parent)
        w.started = time.monotonic()
        log.info("worker %d started (pid %d)", w.index, w.proc.pid)

    def signal_all(self, signum: int) -> None:
        with self.lock:
            for w in self.workers:
                if w.proc is not None and w.proc.poll() is None:
                    w.proc.send_signal(signum)

    def on_stop(self, signum, _frame) -> None:
        if not self.stopping.is_set():
            self.stopping.set()
            log.info("%s: draining %d workers for up to %.0fs", signal.Signals(signum).name, self.count,
                     self.grace)
            self.signal_all(signal.SIGTERM)

    def on_reload(self, _signum, _frame) -> None:
        log.info("SIGHUP: reloading %d workers", self.count)
        self.signal_all(signal.SIGHUP)

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.on_stop)
        signal.signal(signal.SIGINT, self.on_stop)
        signal.signal(signal.SIGHUP, self.on_reload)
        try:
            with self.lock:
                for w in self.workers:
                    self.start(w)
            log.info("redactd supervising %d workers on %s", self.count, self.address)
            while not self.stopping.is_set():
                self.stopping.wait(0.2)
                with self.lock:
                    if not self.stopping.is_set():
                        for w in self.workers:
                            self.check(w)
            return self.drain()
        finally:
            self.reservation.close()
            if self.metrics:
                self.metrics.close()

    def check(self, w: Worker) -> None:
        """Restart a worker that exited while we were not stopping (after a back-off
        when it keeps dying soon after it starts)."""
        now = time.monotonic()
        code = w.proc.poll()
        if code is None:
            if now - w.started > STABLE_AFTER:
                w.quick_deaths = 0
            return
        if self.metrics and w.restart_at is None:
            self.metrics.dead(w.proc.pid)
        if code == USAGE_ERROR:
            # it said why on stderr; every other worker would say the same
            log.error("worker %d (pid %d) could not start; stopping", w.index, w.proc.pid)
            self.failed = True
            self.stopping.set()
            self.signal_all(signal.SIGTERM)
            return
        if w.restart_at is None:
            delay = RESTART_BACKOFF[min(w.quick_deaths, len(RESTART_BACKOFF) - 1)]
            w.quick_deaths += 1
            w.restart_at = now + delay
            log.error("worker %d (pid %d) exited with %s; restarting in %.1fs",
                      w.index, w.proc.pid, describe(code), delay)
        if now >= w.restart_at:
            w.restart_at = None
            self.start(w)

    def drain(self) -> int:
        """Wait for every worker to finish its graceful stop; kill what outlives it."""
        deadline = time.monotonic() + self.grace + 10
        status = 0
        for w in self.workers:
            if w.proc is None:
                continue
            try:
                code = w.proc.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("worker %d (pid %d) did not stop in time; killed", w.index, w.proc.pid)
                w.proc.kill()
                code = w.proc.wait()
            if code not in (0, -signal.SIGTERM):
                status = 1
        log.info("redactd stopped (%d workers)", self.count)
        return USAGE_ERROR if self.failed else status


def die_with_parent() -> None:
    """In a worker, before exec: SIGHUP ignored until the worker installs its own handler
    (a reload sent while it starts must not kill it: it loads everything anyway), and
    SIGTERM when the supervisor dies, however it dies (Linux)."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def describe(code: int) -> str:
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"status {code}"
