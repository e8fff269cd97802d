"""Shared fixtures: a real server on port 0 and a stub on a real channel."""
from __future__ import annotations

import random

import grpc
import pytest

from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.server import Server

SMALL_LIMIT = 64 * 1024  # the test server's text limit, so over-limit cases stay cheap


@pytest.fixture(scope="session")
def server():
    srv = Server(Settings(address="127.0.0.1:0", max_text_bytes=SMALL_LIMIT, threads=8,
                          grace=1.0, bench_echo=True))
    yield srv
    srv.stop(0).wait()


@pytest.fixture(scope="session")
def channel(server):
    with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
        yield ch


@pytest.fixture(scope="session")
def stub(channel):
    return redact_pb2_grpc.RedactorServiceStub(channel)


@pytest.fixture
def rng(request):
    """A seeded random generator; the seed is printed so a failure can be replayed."""
    seed = random.randrange(1 << 30)
    print(f"random seed for {request.node.name}: {seed}")
    return random.Random(seed)
