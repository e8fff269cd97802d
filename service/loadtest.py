"""`redactd loadtest`: load a running redactd and report what its callers would see.

Two ways to load it:

- **open loop** (`--rate R`): request i is due at start + i/R, whatever happened to the
  ones before; its latency is measured from that intended time, not from when the
  client managed to send it, so a server that stalls is charged for every request
  that waited behind the stall (no coordinated omission);
- **closed loop** (`--concurrency C`): C callers, each sending its next request when
  the previous one is answered.

Several client processes (`--processes P`) share the rate or the concurrency when one
Python process cannot keep up; each records an HDR histogram (microseconds, 3
significant digits) and per-second counts, merged by the parent. Writes
`OUT/report.json`, `OUT/latency.png` (latency over time and its distribution) and,
with `--sweep C1,C2,...`, one closed-loop run per concurrency and `OUT/throughput.png`.
Requests are serialised once and sent as raw bytes: the client spends no time on
protobuf. Needs the `loadtest` extra (hdrhistogram, matplotlib).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

RPCS = ("Redact", "BatchRedact", "IdentifyEntities", "ApplyPolicy", "StreamRedact")
BATCH_TEXTS = 100             # texts in one BatchRedact request
STREAM_CHUNKS = 20            # text messages in one StreamRedact call
LOWEST_US, HIGHEST_US = 1, 3_600_000_000  # what the histograms can hold: 1 µs to 1 h
SAMPLE = ("Hi, I'm Jane Roe, call me at (415) 555-2671 or mail jane.roe@example.com; "
          "card 4111 1111 1111 1111, born 3 October 1982, IP 10.0.0.12.")


def parser(p: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    p = p or argparse.ArgumentParser(prog="redactd loadtest", description=__doc__.split("\n\n")[0])
    p.add_argument("--address", required=True, help="HOST:PORT of a running redactd")
    p.add_argument("--rpc", choices=RPCS, default="Redact")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--rate", type=float, help="open loop: requests per second, latency from the intended send time")
    how.add_argument("--concurrency", type=int, help="closed loop: callers each waiting for its answer")
    how.add_argument("--sweep", help="closed loop at each of these concurrencies, e.g. 1,4,16,64")
    p.add_argument("--duration", type=float, required=True, help="seconds of load (per sweep step)")
    p.add_argument("--payload", help="a UTF-8 text file: one text per line (default: a built-in sample)")
    p.add_argument("--policy", default="scan_all", help="ApplyPolicy: the policy (each text is a record's 'text')")
    p.add_argument("--processes", type=int, default=1, help="client processes sharing the load")
    p.add_argument("--connections", type=int, default=4, help="HTTP/2 connections per client process")
    p.add_argument("--timeout", type=float, default=30.0, help="deadline of each call, seconds")
    p.add_argument("--out", required=True, help="directory for report.json and the plots")
    p.add_argument("--tls-ca", metavar="FILE", help="TLS: PEM CA certificates that sign the server's certificate")
    p.add_argument("--tls-cert", metavar="FILE", help="mTLS: the client's PEM certificate (with --tls-key)")
    p.add_argument("--tls-key", metavar="FILE", help="mTLS: the client's PEM private key")
    p.add_argument("--token", help="a bearer token sent with every call (a callers file's caller)")
    return p


def tls_files(args) -> dict | None:
    """The PEM bytes of --tls-ca/--tls-cert/--tls-key for the client processes, or None."""
    if bool(args.tls_cert) != bool(args.tls_key):
        raise ValueError("--tls-cert and --tls-key: give both or neither")
    if args.tls_cert and not args.tls_ca:
        raise ValueError("--tls-cert: needs --tls-ca (a client certificate is sent over TLS)")
    if not args.tls_ca:
        return None
    return {name: Path(path).read_bytes() if path else None for name, path in
            (("root_certificates", args.tls_ca), ("certificate_chain", args.tls_cert),
             ("private_key", args.tls_key))}


def _channel(job: dict):
    import grpc
    if job["tls"] is None:
        return grpc.aio.insecure_channel(job["address"])
    return grpc.aio.secure_channel(job["address"], grpc.ssl_channel_credentials(**job["tls"]))


def payload_texts(path: str | None) -> list[str]:
    if path is None:
        return [SAMPLE]
    texts = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if not texts:
        raise ValueError(f"--payload: {path} has no non-empty line")
    return texts


Request = tuple[list[bytes], int]  # serialised messages (a stream's for StreamRedact), UTF-8 bytes of text


def requests_for(rpc: str, texts: list[str], policy: str) -> list[Request]:
    """Each request's messages, serialised once, with the bytes of text it carries."""
    return [(messages, sum(len(t.encode()) for t in carried))
            for messages, carried in _requests(rpc, texts, policy)]


def _requests(rpc: str, texts: list[str], policy: str) -> list[tuple[list[bytes], list[str]]]:
    from google.protobuf import struct_pb2

    from redactd_client.api.redact.v1 import redact_pb2 as pb
    def group(i: int, n: int) -> list[str]:
        return [texts[(i + k) % len(texts)] for k in range(n)]

    if rpc == "Redact":
        return [([pb.RedactRequest(text=t).SerializeToString()], [t]) for t in texts]
    if rpc == "IdentifyEntities":
        return [([pb.IdentifyEntitiesRequest(text=t).SerializeToString()], [t]) for t in texts]
    if rpc == "BatchRedact":
        return [([pb.BatchRedactRequest(texts=group(i, BATCH_TEXTS)).SerializeToString()], group(i, BATCH_TEXTS))
                for i in range(0, len(texts), BATCH_TEXTS)]
    if rpc == "ApplyPolicy":
        out = []
        for t in texts:
            record = struct_pb2.Struct()
            record.update({"text": t})
            out.append(([pb.ApplyPolicyRequest(policy=policy, record=record).SerializeToString()], [t]))
        return out
    config = pb.StreamRedactRequest(config=pb.StreamConfig()).SerializeToString()
    return [([config, *(pb.StreamRedactRequest(text=t + "\n").SerializeToString() for t in group(i, STREAM_CHUNKS))],
             group(i, STREAM_CHUNKS)) for i in range(0, len(texts), STREAM_CHUNKS)]


# ---------------------------------------------------------------- one client process

@dataclass
class Part:
    """What one client process measured."""
    histogram: str = ""                                  # HdrHistogram, encoded
    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    seconds: float = 0.0
    per_second: list[list[float]] = field(default_factory=list)  # [t, count, p50, p99, max] ms


async def _load(job: dict) -> Part:
    import asyncio
    import grpc
    from hdrh.histogram import HdrHistogram

    requests: list[Request] = job["requests"]
    path = f"/redact.v1.RedactorService/{job['rpc']}"
    stream = job["rpc"] == "StreamRedact"
    channels = [_channel(job) for _ in range(job["connections"])]
    metadata = (("authorization", f"Bearer {job['token']}"),) if job["token"] else None
    calls = [(ch.stream_stream if stream else ch.unary_unary)(path) for ch in channels]
    await asyncio.gather(*(asyncio.wait_for(ch.channel_ready(), job["timeout"]) for ch in channels))
    whole = HdrHistogram(LOWEST_US, HIGHEST_US, 3)
    seconds: dict[int, HdrHistogram] = {}
    errors: Counter = Counter()
    done = [0, 0]  # requests, bytes
    start = time.perf_counter()
    end = start + job["duration"]

    async def one(i: int, due: float) -> None:
        request, size = requests[i % len(requests)]
        call = calls[i % len(calls)]
        try:
            if stream:
                async for _ in call(iter(request), timeout=job["timeout"], metadata=metadata):
                    pass
            else:
                await call(request[0], timeout=job["timeout"], metadata=metadata)
        except grpc.aio.AioRpcError as exc:
            errors[exc.code().name] += 1
        now = time.perf_counter()
        micros = max(LOWEST_US, min(HIGHEST_US, int((now - due) * 1e6)))
        whole.record_value(micros)
        second = int(now - start)
        if second not in seconds:
            seconds[second] = HdrHistogram(LOWEST_US, HIGHEST_US, 3)
        seconds[second].record_value(micros)
        done[0] += 1
        done[1] += size

    if job["rate"]:
        # this process sends requests offset, offset + P, offset + 2P, ... of the whole schedule
        interval, pending, i = 1.0 / job["rate"], set(), job["offset"]
        while True:
            due = start + i * interval
            if due >= end:
                break
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            task = asyncio.ensure_future(one(i, due))
            pending.add(task)
            task.add_done_callback(pending.discard)
            i += job["processes"]
        if pending:
            await asyncio.wait(pending)
    else:
        async def caller(k: int) -> None:
            i = k
            while time.perf_counter() < end:
                await one(i, time.perf_counter())
                i += job["concurrency"]
        await asyncio.gather(*(caller(k) for k in range(job["offset"], job["offset"] + job["concurrency"])))
    elapsed = time.perf_counter() - start
    await asyncio.gather(*(ch.close() for ch in channels))
    series = [[s, h.get_total_count(), h.get_value_at_percentile(50) / 1e3, h.get_value_at_percentile(99) / 1e3,
               h.get_max_value() / 1e3] for s, h in sorted(seconds.items())]
    return Part(whole.encode().decode(), done[0], dict(errors), done[1], elapsed, series)


def _run_part(job: dict) -> dict:
    import asyncio  # here, not at the top: `redactd redact` builds this command's parser too
    return _asdict(asyncio.run(_load(job)))


def _asdict(p: Part) -> dict:
    return {"histogram": p.histogram, "requests": p.requests, "errors": p.errors, "bytes": p.bytes,
            "seconds": p.seconds, "per_second": p.per_second}


# ---------------------------------------------------------------- runs and reports

def run_load(args, requests: list[Request], concurrency: int | None) -> tuple[dict, list]:
    """One run over `args.processes` client processes; the report and the per-second series."""
    import multiprocessing
    from hdrh.histogram import HdrHistogram

    processes = max(1, min(args.processes, concurrency or args.processes))
    jobs: list[dict] = []
    tls = tls_files(args)  # read once, sent to every client process
    for k in range(processes):
        share = None if concurrency is None else concurrency // processes + (k < concurrency % processes)
        jobs.append({"address": args.address, "rpc": args.rpc, "requests": requests,
                     "tls": tls, "token": args.token,
                     "connections": args.connections, "timeout": args.timeout, "duration": args.duration,
                     "rate": args.rate if concurrency is None else None, "processes": processes,
                     "offset": k if concurrency is None else sum(j["concurrency"] for j in jobs),
                     "concurrency": share})
    if processes == 1:
        parts = [_run_part(jobs[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            parts = pool.map(_run_part, jobs)
    merged = HdrHistogram(LOWEST_US, HIGHEST_US, 3)
    errors: Counter = Counter()
    for part in parts:
        merged.decode_and_add(part["histogram"].encode())
        errors.update(part["errors"])
    requests_done = sum(p["requests"] for p in parts)
    seconds = max(p["seconds"] for p in parts)
    report = {"rpc": args.rpc, "requests": requests_done, "errors": dict(errors),
              "rps": requests_done / seconds if seconds else 0.0,
              "mb_per_s": sum(p["bytes"] for p in parts) / seconds / 1e6 if seconds else 0.0,
              "latency_ms": {name: merged.get_value_at_percentile(q) / 1e3 for name, q in
                             (("p50", 50), ("p90", 90), ("p99", 99), ("p999", 99.9))}
              | {"max": merged.get_max_value() / 1e3},
              "mode": "open loop" if concurrency is None else "closed loop",
              "rate": args.rate if concurrency is None else None, "concurrency": concurrency,
              "processes": processes, "duration_s": seconds}
    series = [row for p in parts for row in p["per_second"]]
    return report, [report, merged, series]


def latency_plot(path: Path, title: str, merged, series: list) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (over_time, dist) = plt.subplots(1, 2, figsize=(12, 4.5))
    by_second: dict[int, list] = {}
    for t, count, p50, p99, mx in series:
        row = by_second.setdefault(int(t), [0, 0.0, 0.0, 0.0])
        row[0] += count
        row[1], row[2], row[3] = max(row[1], p50), max(row[2], p99), max(row[3], mx)
    ts = sorted(by_second)
    for k, label in ((1, "p50 (worst process)"), (2, "p99 (worst process)"), (3, "max")):
        over_time.plot(ts, [by_second[t][k] for t in ts], label=label, marker=".")
    over_time.set(xlabel="second of the run", ylabel="latency, ms", title="latency over time", yscale="log")
    over_time.legend()
    quantiles = [0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100]
    xs = [1 / (1 - q / 100) if q < 100 else 1e5 for q in quantiles]
    dist.plot(xs, [merged.get_value_at_percentile(q) / 1e3 for q in quantiles], marker="o")
    dist.set(xscale="log", xlabel="percentile", ylabel="latency, ms", title="latency distribution")
    dist.set_xticks(xs, [f"{q:g}" for q in quantiles], rotation=45)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def throughput_plot(path: Path, title: str, reports: list[dict]) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    cs = [r["concurrency"] for r in reports]
    ax.plot(cs, [r["rps"] for r in reports], marker="o", color="tab:blue")
    ax.set(xscale="log", xlabel="concurrency", ylabel="RPC/s", title=title)
    right = ax.twinx()
    right.plot(cs, [r["latency_ms"]["p99"] for r in reports], marker="s", color="tab:red")
    right.set_ylabel("p99 latency, ms", color="tab:red")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def summary(reports: list[dict]) -> str:
    head = f"{'rpc':<17}{'mode':<13}{'load':>7}{'requests':>10}{'errors':>8}{'RPC/s':>10}{'MB/s':>8}" + \
           "".join(f"{k + ' ms':>10}" for k in ("p50", "p90", "p99", "p999", "max"))
    rows = [head, "-" * len(head)]
    for r in reports:
        load = f"{r['rate']:g}/s" if r["rate"] else f"c={r['concurrency']}"
        rows.append(f"{r['rpc']:<17}{r['mode']:<13}{load:>7}{r['requests']:>10}{sum(r['errors'].values()):>8}"
                    f"{r['rps']:>10.0f}{r['mb_per_s']:>8.2f}"
                    + "".join(f"{r['latency_ms'][k]:>10.2f}" for k in ("p50", "p90", "p99", "p999", "max")))
    return "\n".join(rows)


def main(args) -> int:
    if args.duration <= 0 or (args.rate is not None and args.rate <= 0) or \
            (args.concurrency is not None and args.concurrency < 1) or args.processes < 1 or args.connections < 1:
        raise ValueError("loadtest: --duration, --rate, --concurrency, --processes and --connections must be positive")
    sweep = []
    if args.sweep:
        try:
            sweep = [int(c) for c in args.sweep.split(",")]
        except ValueError:
            raise ValueError(f"--sweep: {args.sweep!r} is not a comma-separated list of concurrencies") from None
        if not sweep or min(sweep) < 1:
            raise ValueError("--sweep: concurrencies must be 1 or more")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    requests = requests_for(args.rpc, payload_texts(args.payload), args.policy)
    if sweep:
        runs = [run_load(args, requests, c) for c in sweep]
        reports = [r for r, _ in runs]
        throughput_plot(out / "throughput.png", f"{args.rpc} against {args.address}", reports)
        report, (_, merged, series) = runs[-1]
        json_out = {**report, "sweep": reports}
    else:
        report, (_, merged, series) = run_load(args, requests, args.concurrency)
        reports, json_out = [report], report
    latency_plot(out / "latency.png", f"{args.rpc} against {args.address}, {report['mode']}", merged, series)
    (out / "report.json").write_text(json.dumps(json_out, indent=2) + "\n")
    print(summary(reports))
    print(f"report: {out / 'report.json'}; plots: {out / 'latency.png'}"
          + (f", {out / 'throughput.png'}" if sweep else ""))
    return 0 if not any(r["errors"] for r in reports) else 1


if __name__ == "__main__":  # pragma: no cover - `redactd loadtest` is the entry point
    sys.exit(main(parser().parse_args()))
