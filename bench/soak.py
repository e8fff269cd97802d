"""Soak: a server under a fixed fraction of its peak rate for minutes, watched.

`python -m bench.soak --minutes 5 [--fraction 0.5] [--rpc Redact] [--workers 1]` (or
`make soak MINUTES=5`) starts `redactd serve` on a free port, measures its peak rate with
the load-test harness (closed loop, 10 s), then loads it open loop at `fraction` of that
rate for `minutes` while sampling the server's RSS (all its processes) every second. It
prints, per minute, requests, errors, the worst per-second p99 and the RSS range; writes
`DIR/soak.json` and `DIR/soak.png` (p99 and RSS over time); and exits 1 on any error or
when RSS is not flat: the last minute's peak more than 20 MB above the second minute's
(the first minute warms caches and allocator arenas).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import socket
import subprocess
import sys
import threading
import time

import grpc

from redactd import loadtest

FLAT_MB = 20.0


def free_address() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children (the workers), MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.stop = pid, [], threading.Event()
        self.start_time = time.monotonic()

    def run(self) -> None:
        while not self.stop.wait(1.0):
            self.samples.append((time.monotonic() - self.start_time, tree_rss_mb(self.pid)))


def load_args(address: str, rpc: str, duration: float, out: str, rate: float | None = None,
              concurrency: int | None = None):
    argv = ["--address", address, "--rpc", rpc, "--duration", str(duration), "--out", out]
    argv += ["--rate", str(rate)] if rate else ["--concurrency", str(concurrency)]
    return loadtest.parser().parse_args(argv)


def per_minute(series: list, samples: list, minutes: float) -> list[dict]:
    rows = []
    for m in range(int(-(-minutes // 1))):
        secs = [r for r in series if m * 60 <= r[0] < (m + 1) * 60]
        rss = [v for t, v in samples if m * 60 <= t < (m + 1) * 60]
        rows.append({"minute": m + 1, "requests": sum(r[1] for r in secs),
                     "p99_ms": max((r[3] for r in secs), default=0.0),
                     "rss_mb": [min(rss, default=0.0), max(rss, default=0.0)]})
    return rows


def plot(path: pathlib.Path, series: list, samples: list, title: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_second: dict[int, float] = {}
    for t, _count, _p50, p99, _mx in series:
        by_second[int(t)] = max(by_second.get(int(t), 0.0), p99)
    fig, ax = plt.subplots(figsize=(10, 4.5))
    ts = sorted(by_second)
    ax.plot(ts, [by_second[t] for t in ts], color="tab:red", label="p99 per second")
    ax.set(xlabel="second of the soak", ylabel="p99 latency, ms", title=title, yscale="log")
    right = ax.twinx()
    right.plot([t for t, _ in samples], [v for _, v in samples], color="tab:blue", label="RSS")
    right.set_ylabel("server RSS, MB", color="tab:blue")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=5.0)
    p.add_argument("--fraction", type=float, default=0.5, help="of the measured peak rate (default 0.5)")
    p.add_argument("--rpc", choices=loadtest.RPCS, default="Redact")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--out", default="bench/out/soak")
    args = p.parse_args(argv)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    address = free_address()
    server = subprocess.Popen([sys.executable, "-m", "redactd.cli", "serve", "--address", address,
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=open(out / "server.log", "wb"))
    try:
        with grpc.insecure_channel(address) as ch:
            grpc.channel_ready_future(ch).result(timeout=60)
        requests = loadtest.requests_for(args.rpc, loadtest.payload_texts(None), "scan_all")
        peak, _ = loadtest.run_load(load_args(address, args.rpc, 10, str(out), concurrency=32), requests, 32)
        rate = max(1.0, round(peak["rps"] * args.fraction))
        print(f"peak {peak['rps']:.0f} RPC/s (closed loop, 32 in flight); soaking at {rate:.0f}/s "
              f"for {args.minutes:g} min", flush=True)
        sampler = RssSampler(server.pid)
        sampler.start()
        report, (_, _merged, series) = loadtest.run_load(
            load_args(address, args.rpc, args.minutes * 60, str(out), rate=rate), requests, None)
        sampler.stop.set()
        sampler.join()
    finally:
        server.terminate()
        server.wait(timeout=60)
    rows = per_minute(series, sampler.samples, args.minutes)
    errors = sum(report["errors"].values())
    second = rows[1]["rss_mb"][1] if len(rows) > 1 else rows[0]["rss_mb"][1]
    growth = rows[-1]["rss_mb"][1] - second
    flat = growth <= FLAT_MB
    print(f"{'minute':>6}{'requests':>10}{'p99 ms':>9}{'RSS MB':>16}")
    for r in rows:
        print(f"{r['minute']:>6}{r['requests']:>10}{r['p99_ms']:>9.2f}{r['rss_mb'][0]:>8.1f}–{r['rss_mb'][1]:<7.1f}")
    print(f"{report['requests']} requests, {errors} errors, {report['rps']:.0f} RPC/s, p99 {report['latency_ms']['p99']:.2f} ms, "
          f"RSS growth after the first minute {growth:+.1f} MB ({'flat' if flat else 'NOT flat'})")
    (out / "soak.json").write_text(json.dumps({"rate": rate, "peak": peak["rps"], "report": report,
                                               "minutes": rows, "rss_growth_mb": growth, "flat": flat},
                                              indent=2) + "\n")
    plot(out / "soak.png", series, sampler.samples, f"{args.rpc} soak at {rate:.0f}/s ({args.fraction:g} of peak)")
    return 0 if errors == 0 and flat else 1


if __name__ == "__main__":
    sys.exit(main())
