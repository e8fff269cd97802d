"""Server CPU spent after a caller gave up, for the README (issue 12, item 5).

`python -m bench.abandoned_work` starts `redactd serve --workers 1` in a subprocess,
sends Redact (include_entities) of 4 MB of `10/03/1982 ` with a 0.2 s deadline, and reads the
server's CPU time (/proc) when the client sees DEADLINE_EXCEEDED and again once the
server has gone quiet: the difference is work done for nobody.
"""
from __future__ import annotations

import subprocess
import sys
import time

import grpc

from bench.service_bench import free_port
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc

TEXT = "10/03/1982 " * (4_000_000 // 11)
DEADLINE = 0.2  # seconds


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, clock ticks


def quiet_cpu(pid: int) -> float:
    """The process's CPU time once it stops growing (0.5 s without a tick)."""
    last = cpu_seconds(pid)
    while True:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        if now == last:
            return now
        last = now


def measure(rounds: int = 3) -> list[float]:
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen([sys.executable, "-m", "redactd.cli", "serve", "--workers", "1",
                               "--address", address], stderr=subprocess.DEVNULL)
    try:
        with grpc.insecure_channel(address) as ch:
            grpc.channel_ready_future(ch).result(timeout=30)
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            stub.Redact(pb.RedactRequest(text="warm up 10/03/1982"))
            after = []
            for _ in range(rounds):
                quiet_cpu(server.pid)
                try:
                    stub.Redact(pb.RedactRequest(text=TEXT, include_entities=True),
                                timeout=DEADLINE)
                except grpc.RpcError as exc:
                    assert exc.code() == grpc.StatusCode.DEADLINE_EXCEEDED, exc.code()
                gave_up = cpu_seconds(server.pid)
                after.append(quiet_cpu(server.pid) - gave_up)
            return after
    finally:
        server.terminate()
        server.wait(30)


def main() -> int:
    after = measure()
    print(f"Redact (include_entities) of {len(TEXT):,} bytes of '10/03/1982 ' with a {DEADLINE} s deadline: "
          f"server CPU after the client gave up: {', '.join(f'{s:.2f}' for s in after)} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
