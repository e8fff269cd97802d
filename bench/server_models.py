"""grpcio's sync thread-pool server against grpc.aio on this machine, for the README.

`python -m bench.server_models [--quick]` serves a no-op echo of 200-byte messages
both ways, unary and bidi-stream, each server in its own process pinned to one
CPU, and drives them in interleaved rounds with the same load generator as
`make bench` (h2load when installed). `--serve sync|aio ADDRESS` runs one server.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
from concurrent import futures
from pathlib import Path

import grpc

from bench.service_bench import (CLIENT_CPUS, SERVER_CPUS, framed, free_port, load_generator,
                                 serving)

UNARY, STREAM = "/bench.Echo/Unary", "/bench.Echo/Stream"
THREADS = 32                  # the sync server's pool, as redactd's default
IN_FLIGHT = (4, 8)            # unary: connections, calls per connection
STREAMS_IN_FLIGHT = (4, 2)
STREAM_MESSAGES = 50
MESSAGE = b"x" * 200
MODELS = ("sync", "aio")


def sync_handlers() -> grpc.GenericRpcHandler:
    def stream(requests, context):
        for r in requests:
            yield r
    return grpc.method_handlers_generic_handler("bench.Echo", {
        "Unary": grpc.unary_unary_rpc_method_handler(lambda r, context: r),
        "Stream": grpc.stream_stream_rpc_method_handler(stream)})


def aio_handlers() -> grpc.GenericRpcHandler:
    async def unary(r, context):
        return r

    async def stream(requests, context):
        async for r in requests:
            yield r
    return grpc.method_handlers_generic_handler("bench.Echo", {
        "Unary": grpc.unary_unary_rpc_method_handler(unary),
        "Stream": grpc.stream_stream_rpc_method_handler(stream)})


def serve_sync(address: str) -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=THREADS))
    server.add_generic_rpc_handlers((sync_handlers(),))
    server.add_insecure_port(address)
    server.start()
    server.wait_for_termination()


async def serve_aio(address: str) -> None:
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((aio_handlers(),))
    server.add_insecure_port(address)
    await server.start()
    await server.wait_for_termination()


def argv(model: str, address: str) -> list[str]:
    return [sys.executable, "-m", "bench.server_models", "--serve", model, address]


def measure(client, addresses: dict[str, str], tmp: Path, n: int, streams: int, rounds: int) -> dict:
    unary, stream = tmp / "unary.bin", tmp / "stream.bin"
    unary.write_bytes(framed([MESSAGE]))
    stream.write_bytes(framed([MESSAGE] * STREAM_MESSAGES))
    runs = {"unary": (UNARY, str(unary), n, *IN_FLIGHT, 205, False),
            "stream": (STREAM, str(stream), streams, *STREAMS_IN_FLIGHT, 205 * STREAM_MESSAGES, True)}
    best = {(m, k): 0.0 for m in addresses for k in runs}
    for r in range(rounds + 1):  # round 0 warms up
        for (model, kind) in best:
            path, body, count, conns, per_conn, expect, is_stream = runs[kind]
            got = client.run(addresses[model], path, body, count if r else max(count // 10, 10), conns,
                             per_conn, expect, is_stream)
            if r:
                best[model, kind] = max(best[model, kind], got.rps * (STREAM_MESSAGES if is_stream else 1))
    return best


def report(client, best: dict, n: int, streams: int, rounds: int) -> list[str]:
    pin = f"servers on CPU {min(SERVER_CPUS)}, client on CPU {min(CLIENT_CPUS)}" if SERVER_CPUS else "unpinned"
    rows = [f"server models: grpcio {grpc.__version__}, no-op echo of {len(MESSAGE)}-byte messages; {pin}; "
            f"load from {client.name}; best of {rounds} interleaved rounds",
            f"  unary: {IN_FLIGHT[0] * IN_FLIGHT[1]} in flight, {n} RPCs a run; bidi stream: "
            f"{STREAM_MESSAGES} messages a stream, {STREAMS_IN_FLIGHT[0] * STREAMS_IN_FLIGHT[1]} streams in flight, "
            f"{streams} streams a run",
            f"  {'':<34}{'unary RPC/s':>12}{'stream messages/s':>19}"]
    names = {"sync": f"sync (ThreadPoolExecutor, {THREADS})", "aio": "grpc.aio (asyncio)"}
    rows += [f"  {names[m]:<34}{best[m, 'unary']:12.0f}{best[m, 'stream']:19.0f}" for m in MODELS]
    rows.append(f"  {'aio / sync':<34}{best['aio', 'unary'] / best['sync', 'unary']:11.2f}x"
                f"{best['aio', 'stream'] / best['sync', 'stream']:18.2f}x")
    return rows


def compare(n: int, streams: int, rounds: int) -> list[str]:
    client = load_generator()
    addresses = {m: f"127.0.0.1:{free_port()}" for m in MODELS}
    with contextlib.ExitStack() as stack:
        for model, address in addresses.items():
            stack.enter_context(serving(argv(model, address), address))
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        best = measure(client, addresses, tmp, n, streams, rounds)
    return report(client, best, n, streams, rounds)


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m bench.server_models", description=__doc__)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--serve", nargs=2, metavar=("MODEL", "ADDRESS"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.serve:
        model, address = args.serve
        return serve_sync(address) if model == "sync" else asyncio.run(serve_aio(address))
    print("\n".join(compare(*((4_000, 80, 2) if args.quick else (20_000, 400, 3)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
