"""Service throughput: Redact against the no-op Echo RPC served by the same server.

The server is `redactd serve --bench-echo` in a subprocess on loopback, pinned to one
CPU; the load generator (h2load when installed, else bench.loadgen) runs pinned to
another. Every run is bounded by a request count and a timeout; the server is
always terminated at the end.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import grpc

from redactd import core
from bench import corpus
from bench.timing import quantile, race
from redactd_client.api.redact.v1 import redact_pb2 as pb

REDACT, ECHO, STREAM = "/redact.v1.RedactorService/Redact", "/redactd.bench.Echo/Echo", "/redact.v1.RedactorService/StreamRedact"
BATCH = "/redact.v1.RedactorService/BatchRedact"
BATCH_TEXTS = 100                           # texts in one BatchRedact call
CONNECTIONS, PER_CONNECTION = 4, 8          # unary: 32 RPCs in flight
UNARY_ROUNDS = 6                            # unary Redact and Echo runs, interleaved
STREAM_CONNECTIONS, STREAM_PER_CONNECTION = 4, 2
STREAM_MESSAGES = 50                        # text messages in one StreamRedact call
RUN_TIMEOUT = 300                           # seconds, any one load run
CPUS = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
SERVER_CPUS, CLIENT_CPUS = ({CPUS[0]}, {CPUS[1]}) if len(CPUS) >= 2 else (None, None)


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    client_cpu: float  # CPU the load generator used over the run; 1.0 = one core busy


def pinned(cpus: set[int] | None):
    return (lambda: os.sched_setaffinity(0, cpus)) if cpus else None


def framed(messages: list[bytes]) -> bytes:
    return b"".join(b"\0" + struct.pack(">I", len(m)) + m for m in messages)


def child(cmd: list[str]) -> tuple[str, float]:
    """Run a load generator pinned to the client CPU: its stdout and its CPU use."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                         preexec_fn=pinned(CLIENT_CPUS), check=True).stdout
    after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - start
    return out, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / wall


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- load generators

class H2Load:
    """nghttp2's h2load: C, one thread, posts a pre-framed gRPC body."""

    def __init__(self) -> None:
        self.name = subprocess.run(["h2load", "--version"], capture_output=True, text=True).stdout.strip()

    def run(self, address: str, path: str, body: str, n: int, conns: int, per_conn: int,
            expect_bytes: int, stream: bool = False) -> Load:
        log = Path(body + ".log")
        log.unlink(missing_ok=True)  # h2load appends
        out, cpu = child(["h2load", "-n", str(n), "-c", str(conns), "-m", str(per_conn), "-t", "1",
                          "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", body,
                          f"--log-file={log}", f"http://{address}{path}"])
        succeeded = int(re.search(r"(\d+) succeeded", out).group(1))
        data = int(re.search(r"\((\d+)\) data", out).group(1))
        if succeeded != n or data != n * expect_bytes:  # a gRPC error is an HTTP 200 with no data
            raise RuntimeError(f"h2load {path}: {succeeded}/{n} succeeded, {data} data bytes, "
                               f"expected {n * expect_bytes}\n{out}")
        micros = sorted(int(line.split("\t")[2]) for line in log.read_text().splitlines())
        rps = float(re.search(r"([\d.]+) req/s", out).group(1))
        return Load(rps, quantile(micros, 0.5) / 1e3, quantile(micros, 0.99) / 1e3, cpu)


class PythonClient:
    """bench.loadgen in its own process: grpc.aio with raw-bytes messages."""

    name = f"bench.loadgen (grpc.aio, grpcio {grpc.__version__})"

    def run(self, address: str, path: str, body: str, n: int, conns: int, per_conn: int,
            expect_bytes: int, stream: bool = False) -> Load:
        cmd = [sys.executable, "-m", "bench.loadgen", address, path, body, str(n),
               "--connections", str(conns), "--per-connection", str(per_conn)]
        out, cpu = child(cmd + (["--stream"] if stream else []))
        result = json.loads(out)
        if result["errors"]:
            raise RuntimeError(f"bench.loadgen {path}: {result['errors']} of {n} calls failed")
        return Load(result["rps"], result["p50_ms"], result["p99_ms"], cpu)


def load_generator():
    return H2Load() if shutil.which("h2load") else PythonClient()


# ---------------------------------------------------------------- the server

def redactd(address: str, workers: int = 1, *flags: str) -> list[str]:
    return [str(Path(sys.executable).parent / "redactd"), "serve", "--address", address, "--bench-echo",
            "--workers", str(workers), *flags]


@contextlib.contextmanager
def serving(argv: list[str], address: str, cpus: set[int] | None = SERVER_CPUS, env: dict[str, str] | None = None):
    """A server subprocess pinned to `cpus` (with `env` added to the environment) and ready
    on `address`; terminated on exit. Yields the process."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, preexec_fn=pinned(cpus),
                                env={**os.environ, **(env or {})})
        try:
            wait_ready(address, proc, log)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_ready(address: str, proc: subprocess.Popen, log, timeout: float = 30) -> None:
    with grpc.insecure_channel(address) as channel:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(grpc.FutureTimeoutError):
                grpc.channel_ready_future(channel).result(timeout=0.5)
                return
    log.seek(0)
    raise RuntimeError(f"{' '.join(proc.args)} did not come up:\n{log.read().decode(errors='replace')}")


def response_bytes(address: str, path: str, requests: list[bytes], stream: bool = False) -> int:
    """DATA bytes the server answers `requests` with (checked once with grpcio)."""
    with grpc.insecure_channel(address) as channel:
        if stream:
            responses = list(channel.stream_stream(path)(iter(requests), timeout=30))
        else:
            responses = [channel.unary_unary(path)(requests[0], timeout=30)]
    return sum(5 + len(r) for r in responses)


# ---------------------------------------------------------------- what is sent

def request_text(msgs: list[str]) -> str:
    """The first 180-220 byte corpus message with at least two entities."""
    detection = core.Detection.create()
    return next(m for m in msgs if 180 <= len(m.encode()) <= 220
                and len(core.find_entities(m, detection)) >= 2)


def stream_requests(msgs: list[str]) -> list[bytes]:
    return [pb.StreamRedactRequest(config=pb.StreamConfig()).SerializeToString(),
            *(pb.StreamRedactRequest(text=m + "\n").SerializeToString() for m in msgs)]


def in_process_stream(msgs: list[str], repeats: int = 5) -> float:
    """Messages/s of core.StreamRedactor fed the same chunks, no gRPC: the floor of StreamRedact."""
    def one_stream():
        s = core.StreamRedactor(core.Detection.create(), core.Redaction())
        for m in msgs:
            s.feed(m + "\n")
        s.flush()
    runs = 100
    best = race({"stream": lambda: [one_stream() for _ in range(runs)]}, repeats)["stream"]
    return runs * len(msgs) / best


# ---------------------------------------------------------------- the runs

def best_of(client, address, path, body, n, conns, per_conn, expect, stream=False, rounds=2) -> Load:
    return max((client.run(address, path, body, n, conns, per_conn, expect, stream) for _ in range(rounds)),
               key=lambda load: load.rps)


def unary_rows(client, address: str, tmp: Path, text: str, n: int) -> list[str]:
    body = tmp / "unary.bin"
    request = pb.RedactRequest(text=text).SerializeToString()
    body.write_bytes(framed([request]))
    expect = {p: response_bytes(address, p, [request]) for p in (REDACT, ECHO)}
    for p in (REDACT, ECHO):  # warm-up
        client.run(address, p, str(body), max(n // 10, 100), CONNECTIONS, PER_CONNECTION, expect[p])
    loaded, single, ratios = {}, {}, []
    for i in range(UNARY_ROUNDS):  # interleaved rounds, the order alternating; best of each
        got = {}
        for p in ((REDACT, ECHO) if i % 2 == 0 else (ECHO, REDACT)):
            got[p] = client.run(address, p, str(body), n, CONNECTIONS, PER_CONNECTION, expect[p])
            loaded[p] = got[p] if p not in loaded or got[p].rps > loaded[p].rps else loaded[p]
        ratios.append(got[REDACT].rps / got[ECHO].rps)  # the two runs of a round, side by side
    for p in (REDACT, ECHO):
        single[p] = client.run(address, p, str(body), max(n // 10, 100), 1, 1, expect[p])
    return [f"  unary, a {len(text.encode())}-byte corpus message with "
            f"{len(core.find_entities(text, core.Detection.create()))} entities in every request; "
            f"{CONNECTIONS * PER_CONNECTION} in flight over {CONNECTIONS} connections, {n} requests a run, "
            f"best of {UNARY_ROUNDS} interleaved rounds",
            f"  {'':<24}{'RPC/s':>9}{'p50 ms':>9}{'p99 ms':>9}   1 in flight:{'p50 ms':>8}{'p99 ms':>8}"
            f"{'client CPU':>12}",
            *(f"  {name:<24}{loaded[p].rps:9.0f}{loaded[p].p50_ms:9.2f}{loaded[p].p99_ms:9.2f}"
              f"{'':15}{single[p].p50_ms:8.2f}{single[p].p99_ms:8.2f}{loaded[p].client_cpu:11.0%}"
              for name, p in (("Redact", REDACT), ("Echo (no-op baseline)", ECHO))),
            f"  {'Redact / Echo':<24}{ratio(loaded, 'rps'):8.2f}x{ratio(loaded, 'p50_ms'):8.2f}x"
            f"{ratio(loaded, 'p99_ms'):8.2f}x{'':15}{ratio(single, 'p50_ms'):7.2f}x{ratio(single, 'p99_ms'):7.2f}x",
            f"  {'Redact / Echo by round':<24}{statistics.median(ratios):8.2f}x median of {len(ratios)} rounds "
            f"(each Redact's RPC/s over the Echo run beside it; {min(ratios):.2f}-{max(ratios):.2f})"
            ], loaded[REDACT].rps * len(text.encode())


def ratio(loads: dict[str, Load], field: str) -> float:
    return getattr(loads[REDACT], field) / getattr(loads[ECHO], field)


def stream_rows(client, address: str, tmp: Path, msgs: list[str], streams: int, unary_rps: float) -> list[str]:
    body = tmp / "stream.bin"
    requests = stream_requests(msgs)
    body.write_bytes(framed(requests))
    expect = response_bytes(address, STREAM, requests, stream=True)
    client.run(address, STREAM, str(body), max(streams // 10, 10), STREAM_CONNECTIONS, STREAM_PER_CONNECTION,
               expect, stream=True)
    got = best_of(client, address, STREAM, str(body), streams, STREAM_CONNECTIONS, STREAM_PER_CONNECTION,
                  expect, stream=True)
    rate, floor = got.rps * len(msgs), in_process_stream(msgs)
    return [f"  StreamRedact, {len(msgs)} corpus messages ({corpus.utf8_size(msgs) // len(msgs)} B mean) a stream, "
            f"{STREAM_CONNECTIONS * STREAM_PER_CONNECTION} streams in flight, {streams} streams a run, best of 2",
            f"  {'StreamRedact':<24}{rate:9.0f} messages/s   p50 {got.p50_ms:.1f} ms a stream,"
            f" client CPU {got.client_cpu:.0%}",
            f"  {'vs unary Redact':<24}{rate / unary_rps:8.2f}x  (messages/s over RPC/s above)",
            f"  {'vs in-process':<24}{rate / floor:8.2f}x  (core.StreamRedactor on the same chunks, "
            f"no gRPC: {floor:.0f} messages/s)"]


def batch_texts(msgs: list[str]) -> list[str]:
    """BATCH_TEXTS corpus messages of 180-220 bytes, as unary Redact is measured with."""
    return [m for m in msgs if 180 <= len(m.encode()) <= 220][:BATCH_TEXTS]


def batch_rows(client, address: str, tmp: Path, msgs: list[str], n: int, unary_bytes: float) -> list[str]:
    body = tmp / "batch.bin"
    texts = batch_texts(msgs)
    request = pb.BatchRedactRequest(texts=texts).SerializeToString()
    body.write_bytes(framed([request]))
    expect = response_bytes(address, BATCH, [request])
    calls = max(n // 50, 40)
    client.run(address, BATCH, str(body), max(calls // 10, 10), CONNECTIONS, PER_CONNECTION // 4, expect)
    got = best_of(client, address, BATCH, str(body), calls, CONNECTIONS, PER_CONNECTION // 4, expect)
    size = corpus.utf8_size(texts)
    return [f"  BatchRedact, {len(texts)} corpus messages of {size // len(texts)} B mean a call, "
            f"{CONNECTIONS * (PER_CONNECTION // 4)} calls in flight, {calls} calls a run, best of 2",
            f"  {'BatchRedact':<24}{got.rps * size / 1e6:9.2f} MB/s of text   p50 {got.p50_ms:.1f} ms a call,"
            f" client CPU {got.client_cpu:.0%}",
            f"  {'vs unary Redact':<24}{got.rps * size / unary_bytes:8.2f}x  (bytes of text per second; "
            f"unary: {unary_bytes / 1e6:.2f} MB/s)"]


def worker_rows(client, tmp: Path, text: str, n: int) -> list[str]:
    """Unary Redact RPC/s with `--workers 1` and `--workers 2`, the servers on every CPU
    (on a 2-CPU machine the load generator competes with the second worker)."""
    body = tmp / "workers.bin"
    request = pb.RedactRequest(text=text).SerializeToString()
    body.write_bytes(framed([request]))
    rps = {}
    for workers in (1, 2):
        address = f"127.0.0.1:{free_port()}"
        with serving(redactd(address, workers), address, cpus=None):
            expect = response_bytes(address, REDACT, [request])
            client.run(address, REDACT, str(body), max(n // 10, 100), CONNECTIONS, PER_CONNECTION, expect)
            rps[workers] = best_of(client, address, REDACT, str(body), n, CONNECTIONS, PER_CONNECTION,
                                   expect).rps
    return [f"  --workers 1 vs 2, unary Redact as above, servers unpinned ({len(CPUS) or '?'} CPUs), "
            f"load generator on CPU {min(CLIENT_CPUS) if CLIENT_CPUS else '?'}, best of 2",
            f"  {'--workers 1':<24}{rps[1]:9.0f} RPC/s",
            f"  {'--workers 2':<24}{rps[2]:9.0f} RPC/s   {rps[2] / rps[1]:.2f}x"]


def run(requests: int, streams: int) -> list[str]:
    client = load_generator()
    msgs = corpus.messages(200_000)
    pin = f"server on CPU {min(SERVER_CPUS)}, client on CPU {min(CLIENT_CPUS)}" if SERVER_CPUS else "unpinned"
    lines = [f"service: redactd serve --bench-echo on 127.0.0.1, load from {client.name}; {pin}"]
    address = f"127.0.0.1:{free_port()}"
    with serving(redactd(address), address), tempfile.TemporaryDirectory() as tmp:
        text = request_text(msgs)
        rows, unary_bytes = unary_rows(client, address, Path(tmp), text, requests)
        lines += rows
        lines += batch_rows(client, address, Path(tmp), msgs, requests, unary_bytes)
        lines += stream_rows(client, address, Path(tmp), msgs[:STREAM_MESSAGES], streams,
                             unary_bytes / len(text.encode()))
    # the same unary rows with nothing observed (no access lines: the observing interceptor
    # is not installed), what the defaults cost a small call
    address = f"127.0.0.1:{free_port()}"
    with serving(redactd(address, 1, "--log-level", "warning"), address), tempfile.TemporaryDirectory() as tmp:
        rows, _ = unary_rows(client, address, Path(tmp), text, requests)
        lines += ["  the same with --log-level warning (no access lines, no metrics: nothing observed)", *rows[1:]]
    with tempfile.TemporaryDirectory() as tmp:
        lines += worker_rows(client, Path(tmp), text, requests)
    return lines
