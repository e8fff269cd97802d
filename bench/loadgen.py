"""The Python load generator, for machines without h2load: grpc.aio, many calls in flight.

`python -m bench.loadgen ADDRESS PATH BODY N --connections C --per-connection M [--stream]`
sends the gRPC frames in BODY (one message for unary; a whole stream otherwise) N
times and prints one JSON line: rps, p50_ms, p99_ms, errors. Messages go as raw
bytes, so the client spends no time on protobuf.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import struct
import time

import grpc


def frames(data: bytes) -> list[bytes]:
    out, i = [], 0
    while i < len(data):
        (size,) = struct.unpack(">I", data[i + 1:i + 5])
        out.append(data[i + 5:i + 5 + size])
        i += 5 + size
    return out


async def unary_call(call, messages: list[bytes]) -> None:
    await call(messages[0])


async def stream_call(call, messages: list[bytes]) -> None:
    async for _ in call(iter(messages)):
        pass


async def worker(one, call, messages, left: list[int], latencies: list[float], errors: list[int]):
    while left[0] > 0:
        left[0] -= 1
        t = time.perf_counter()
        try:
            await one(call, messages)
        except grpc.aio.AioRpcError:
            errors[0] += 1
        latencies.append(time.perf_counter() - t)


async def load(args) -> dict:
    messages = frames(open(args.body, "rb").read())
    channels = [grpc.aio.insecure_channel(args.address) for _ in range(args.connections)]
    calls = [(ch.stream_stream if args.stream else ch.unary_unary)(args.path) for ch in channels]
    one = stream_call if args.stream else unary_call
    left, latencies, errors = [args.n], [], [0]
    await asyncio.gather(*(ch.channel_ready() for ch in channels))
    t = time.perf_counter()
    await asyncio.gather(*(worker(one, call, messages, left, latencies, errors)
                           for call in calls for _ in range(args.per_connection)))
    elapsed = time.perf_counter() - t
    await asyncio.gather(*(ch.close() for ch in channels))
    latencies.sort()
    return {"rps": args.n / elapsed, "p50_ms": 1e3 * latencies[len(latencies) // 2],
            "p99_ms": 1e3 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
            "errors": errors[0]}


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.loadgen")
    p.add_argument("address")
    p.add_argument("path")
    p.add_argument("body")
    p.add_argument("n", type=int)
    p.add_argument("--connections", type=int, default=1)
    p.add_argument("--per-connection", type=int, default=1)
    p.add_argument("--stream", action="store_true")
    print(json.dumps(asyncio.run(load(p.parse_args()))))


if __name__ == "__main__":
    main()
