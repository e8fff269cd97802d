"""What observing costs: unary Redact RPC/s with metrics, access lines and traces off and on.

`python -m bench.observe_bench [--requests N] [--rounds R]`: one `redactd serve --workers 1`
per configuration, all started at once (pinned to one CPU, the load generator to the
other, as bench.service_bench does), loaded in turn, round after round (interleaved, so
that a noisy neighbour slows every configuration alike); best round of each, in RPC/s
and in the server's CPU time per call (its user + system time over the run, from /proc:
less sensitive than RPC/s to other work on a shared machine).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from bench import corpus
from bench.service_bench import (CONNECTIONS, PER_CONNECTION, REDACT, framed, free_port, load_generator,
                                 request_text, response_bytes, serving)
from redactd_client.api.redact.v1 import redact_pb2 as pb

# name -> (extra flags, extra environment)
CONFIGS = {
    "nothing observed (--log-level warning)": (["--log-level", "warning"], {}),
    "access lines (default)": ([], {}),
    "--metrics-address, no access lines": (["--log-level", "warning", "--metrics-address", "127.0.0.1:0"], {}),
    "--metrics-address + access lines": (["--metrics-address", "127.0.0.1:0"], {}),
    "metrics + access + traces (OTLP to nowhere)": (["--metrics-address", "127.0.0.1:0"],
                                                    {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9"}),
    "... with traces sampled 1%": (["--metrics-address", "127.0.0.1:0"],
                                   {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9",
                                    "OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.01"}),
}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.observe_bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--requests", type=int, default=10_000, help="requests a run")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--configs", default="", help="comma-separated indices of CONFIGS to run (default: all)")
    args = p.parse_args(argv)
    chosen = [name for i, name in enumerate(CONFIGS) if not args.configs or str(i) in args.configs.split(",")]
    client = load_generator()
    text = request_text(corpus.messages(200_000))
    request = pb.RedactRequest(text=text).SerializeToString()
    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        body = Path(tmp) / "unary.bin"
        body.write_bytes(framed([request]))
        servers = {}
        for name in chosen:
            flags, env = CONFIGS[name]
            address = f"127.0.0.1:{free_port()}"
            argv = [str(Path(sys.executable).parent / "redactd"), "serve", "--address", address, "--workers", "1",
                    *flags]
            servers[name] = (address, stack.enter_context(serving(argv, address, env=env)).pid)
        expect = response_bytes(next(iter(servers.values()))[0], REDACT, [request])
        for address, _ in servers.values():  # warm-up
            client.run(address, REDACT, str(body), max(args.requests // 10, 100), CONNECTIONS, PER_CONNECTION, expect)
        rps: dict[str, float] = {}
        cpu_us: dict[str, float] = {}
        for _ in range(args.rounds):
            for name, (address, pid) in servers.items():
                before = cpu_seconds(pid)
                load = client.run(address, REDACT, str(body), args.requests, CONNECTIONS, PER_CONNECTION, expect)
                per_call = (cpu_seconds(pid) - before) / args.requests * 1e6
                rps[name] = max(rps.get(name, 0.0), load.rps)
                cpu_us[name] = min(cpu_us.get(name, float("inf")), per_call)
    base = chosen[0]
    print(f"unary Redact, a {len(text.encode())}-byte message, {CONNECTIONS * PER_CONNECTION} in flight, "
          f"{args.requests} requests a run, best of {args.rounds} interleaved rounds ({client.name})")
    print(f"  {'':<48}{'RPC/s':>9}{'':8}{'server CPU/call':>16}")
    for name in chosen:
        print(f"  {name:<48}{rps[name]:9.0f}{rps[name] / rps[base]:7.1%} {cpu_us[name]:12.1f} us"
              f"{cpu_us[name] / cpu_us[base]:7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
