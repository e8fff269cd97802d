"""Memory is given back: a server's RSS after a 4 MiB request returns near where it was."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import grpc
import pytest

from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings

MiB = 1 << 20


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads RSS from /proc (Linux)")
def test_rss_after_big_requests_returns_within_50_mb():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{s.getsockname()[1]}"
    proc = subprocess.Popen([sys.executable, "-m", "redactd.cli", "serve", "--address", address, "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    big = [("grpc.max_send_message_length", 64 * MiB), ("grpc.max_receive_message_length", 64 * MiB)]
    try:
        with grpc.insecure_channel(address, options=big) as channel:
            grpc.channel_ready_future(channel).result(timeout=30)
            stub = redact_pb2_grpc.RedactorServiceStub(channel)
            for _ in range(3):  # warm: every code path and table touched once
                stub.Redact(pb.RedactRequest(text="call 415-555-2671, mail ann@example.org, 10/03/1982"))
            time.sleep(0.5)
            before = rss_mb(proc.pid)
            line = "call 415-555-2671 or mail ann@example.org on 10/03/1982, card 4111-1111-1111-1111\n"
            text = (line * (4 * MiB // len(line)))[:Settings().max_text_bytes]  # the largest text served
            peak = before
            for request in (lambda: stub.Redact(pb.RedactRequest(text=text)),
                            lambda: stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text[:MiB])),
                            lambda: stub.BatchRedact(pb.BatchRedactRequest(texts=[text[:MiB]] * 3)),
                            lambda: stub.Redact(pb.RedactRequest(text=text))):
                request()
                peak = max(peak, rss_mb(proc.pid))
            time.sleep(1.0)  # the trim runs shortly after the request
            after = rss_mb(proc.pid)
            assert after - before <= 50, (before, peak, after)
    finally:
        proc.terminate()
        proc.wait(30)
