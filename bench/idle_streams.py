"""Unary Redact latency with idle streams open, for the README (issue 12, item 3).

`python -m bench.idle_streams [--streams 1000] [EXTRA SERVE FLAGS...]` starts
`redactd serve --workers 1` in a subprocess (pinned to one CPU when there are two),
measures sequential Redact calls (one in flight) and a closed loop of 8 callers
with no stream open, then opens N idle StreamRedact calls (config and one chunk,
answered, never half-closed) over 10 connections from another process (so that its
threads do not load the measuring client) and measures again.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from concurrent import futures

import grpc

from bench.service_bench import SERVER_CPUS, free_port, pinned
from bench.timing import quantile
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc

TEXT = "Sure, my social security number is 222-44-5555 and I was born on 3rd of October 1982."
CALLS, LOOP_SECONDS, CALLERS = 1000, 3.0, 8


def latency(stub) -> tuple[float, float, int]:
    """p50 and p99 in ms of sequential calls; calls that failed (10 s deadline)."""
    times, failed = [], 0
    for _ in range(CALLS):
        start = time.perf_counter()
        try:
            stub.Redact(pb.RedactRequest(text=TEXT), timeout=10)
        except grpc.RpcError:
            failed += 1
        times.append(time.perf_counter() - start)
    times.sort()
    return quantile(times, 0.5) * 1e3, quantile(times, 0.99) * 1e3, failed


def throughput(stubs) -> float:
    end = time.perf_counter() + LOOP_SECONDS
    done = [0] * CALLERS

    def caller(i):
        while time.perf_counter() < end:
            stubs[i % len(stubs)].Redact(pb.RedactRequest(text=TEXT), timeout=10)
            done[i] += 1
    with futures.ThreadPoolExecutor(CALLERS) as pool:
        list(pool.map(caller, range(CALLERS)))
    return sum(done) / LOOP_SECONDS


def open_idle(stubs, n: int, release: threading.Event) -> list:
    def requests():
        yield pb.StreamRedactRequest(config=pb.StreamConfig())
        yield pb.StreamRedactRequest(text="hello, ")
        yield pb.StreamRedactRequest(flush=True)
        release.wait()
    calls = [stubs[i % len(stubs)].StreamRedact(requests()) for i in range(n)]
    for c in calls:
        next(c)  # the flush is answered: the server holds the stream
    return calls


def hold(address: str, n: int) -> int:
    """Open n idle streams, say "open", hold them until stdin closes."""
    channels = [grpc.insecure_channel(address) for _ in range(10)]
    release = threading.Event()
    calls = open_idle([redact_pb2_grpc.RedactorServiceStub(ch) for ch in channels], n, release)
    print("open", flush=True)
    sys.stdin.read()
    for c in calls:
        c.cancel()
    release.set()
    return 0


def main() -> int:
    import subprocess
    p = argparse.ArgumentParser(prog="python -m bench.idle_streams", description=__doc__)
    p.add_argument("--streams", type=int, default=1000)
    p.add_argument("--hold", metavar="ADDRESS", help=argparse.SUPPRESS)  # the process holding the streams
    args, serve_flags = p.parse_known_args()
    if args.hold:
        return hold(args.hold, args.streams)
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen([sys.executable, "-m", "redactd.cli", "serve", "--workers", "1", "--address",
                               address, *serve_flags], stderr=subprocess.DEVNULL, preexec_fn=pinned(SERVER_CPUS))
    channels = [grpc.insecure_channel(address) for _ in range(10)]
    release = threading.Event()
    try:
        grpc.channel_ready_future(channels[0]).result(timeout=30)
        stubs = [redact_pb2_grpc.RedactorServiceStub(ch) for ch in channels]
        latency(stubs[0])  # warm up
        rows = [("no stream open", *latency(stubs[0]), throughput(stubs))]
        holder = subprocess.Popen([sys.executable, "-m", "bench.idle_streams", "--hold", address, "--streams",
                                   str(args.streams)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "open"
        rows.append((f"{args.streams} idle streams", *latency(stubs[0]), throughput(stubs)))
        print(f"unary Redact ({len(TEXT)} B), redactd serve --workers 1 {' '.join(serve_flags)}")
        print(f"  {'':<22}{'p50 ms':>8}{'p99 ms':>8}{'failed':>8}{'RPC/s (8 callers)':>20}")
        for name, p50, p99, failed, rps in rows:
            print(f"  {name:<22}{p50:8.2f}{p99:8.2f}{failed:8d}{rps:20.0f}")
        holder.stdin.close()
        holder.wait(60)
        return 0
    finally:
        release.set()
        for ch in channels:
            ch.close()
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    sys.exit(main())
