"""Safe among hostile callers: idle streams, stream caps, idle timeout, rate limit, keepalive.

Each test starts its own server with the limits it needs, on port 0.
"""
from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
import threading

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.limits import TokenBuckets, caller_key, parse_max_streams, parse_rate_limit, peer_host
from redactd.server import Server
from tests.test_cli import free_port, wait_serving

SSN = "my ssn is 222-44-5555"


@contextlib.contextmanager
def serving(**settings):
    srv = Server(Settings(address="127.0.0.1:0", grace=0.5, **settings))
    try:
        yield srv
    finally:
        srv.stop(0).wait()


class IdleStream:
    """A StreamRedact that sent its config and one chunk, had a flush answered (so the
    server holds it), and then sends nothing and never half-closes."""

    def __init__(self, stub, metadata=()) -> None:
        self.release = threading.Event()
        self.call = stub.StreamRedact(self._requests(), metadata=metadata, timeout=30)  # fail, not hang

    def _requests(self):
        yield pb.StreamRedactRequest(config=pb.StreamConfig())
        yield pb.StreamRedactRequest(text="hello")  # a word that may go on: answered at the flush only
        yield pb.StreamRedactRequest(flush=True)
        self.release.wait()

    def opened(self) -> "IdleStream":
        assert next(self.call).text == "hello"
        return self

    def close(self) -> None:
        self.call.cancel()
        self.release.set()


def refusal(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as info:
        next(call)
    return info.value


def test_idle_streams_do_not_take_the_threads_unary_calls_need():
    # 200 idle streams against 4 unary threads: before, every thread held a stream
    with serving(threads=4, max_streams=300, max_streams_per_caller=300) as srv:
        channels = [grpc.insecure_channel(f"127.0.0.1:{srv.port}") for _ in range(4)]
        streams = [IdleStream(redact_pb2_grpc.RedactorServiceStub(channels[i % 4])) for i in range(200)]
        try:
            for s in streams:
                s.opened()
            assert srv.limits.slots.open == 200
            stub = redact_pb2_grpc.RedactorServiceStub(channels[0])
            for _ in range(20):
                assert stub.Redact(pb.RedactRequest(text=SSN), timeout=10).text == "my ssn is [SSN]"
            batch = stub.BatchRedact(pb.BatchRedactRequest(texts=[SSN] * 3), timeout=10)
            assert [r.text for r in batch.results] == ["my ssn is [SSN]"] * 3
        finally:
            for s in streams:
                s.close()
            for ch in channels:
                ch.close()


def test_streams_over_the_cap_are_refused_at_once_and_a_closed_one_frees_its_slot():
    with serving(threads=2, max_streams=3, max_streams_per_caller=3) as srv:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            streams = [IdleStream(stub).opened() for _ in range(3)]
            try:
                extra = IdleStream(stub)
                error = refusal(extra.call)
                extra.close()
                assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                assert error.details() == "max-streams: 3 streams are open on this server"
                # unary calls are not streams: they still run
                assert stub.Redact(pb.RedactRequest(text=SSN), timeout=10).text == "my ssn is [SSN]"
                streams.pop().close()
                # the slot comes back once the server has seen the cancellation
                for _ in range(100):
                    again = IdleStream(stub)
                    try:
                        streams.append(again.opened())
                        break
                    except grpc.RpcError as exc:
                        assert exc.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                        again.close()
                assert len(streams) == 3
            finally:
                for s in streams:
                    s.close()


def test_stream_cap_per_caller():
    with serving(threads=2, max_streams=10, max_streams_per_caller=2) as srv:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            a, b = (("authorization", "Bearer caller-a"),), (("authorization", "Bearer caller-b"),)
            streams = [IdleStream(stub, a).opened(), IdleStream(stub, a).opened()]
            try:
                third = IdleStream(stub, a)
                error = refusal(third.call)
                third.close()
                assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                assert error.details() == "max-streams: 2 streams are open for this caller"
                streams.append(IdleStream(stub, b).opened())  # another caller is not affected
                streams.append(IdleStream(stub).opened())     # nor one known by its address
            finally:
                for s in streams:
                    s.close()


def test_a_stream_without_messages_is_ended_after_the_idle_timeout():
    with serving(threads=2, stream_idle_timeout=0.3) as srv:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            idle = IdleStream(stub).opened()
            try:
                error = refusal(idle.call)
            finally:
                idle.close()
            assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert error.details() == "stream-idle-timeout: no message for 0.3 s"
            assert srv.limits.watchdog.ended == 1
            # a stream that goes on sending is not ended
            out = stub.StreamRedact(iter([pb.StreamRedactRequest(config=pb.StreamConfig()),
                                          pb.StreamRedactRequest(text=SSN)]))
            assert "".join(r.text for r in out) == "my ssn is [SSN]"


def retry_hint(error: grpc.RpcError) -> tuple[int, int]:
    """(retry-after-ms, RetryInfo's delay in ms) of a refusal."""
    trailers = dict(error.trailing_metadata())
    status = status_pb2.Status.FromString(trailers["grpc-status-details-bin"])
    assert status.code == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]
    info = error_details_pb2.RetryInfo()
    assert status.details[0].Unpack(info)
    return int(trailers["retry-after-ms"]), info.retry_delay.seconds * 1000 + info.retry_delay.nanos // 1_000_000


def test_rate_limit_refuses_with_a_retry_hint_then_recovers():
    with serving(threads=2, rate_limit=(2.0, 3.0)) as srv:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            other = (("authorization", "Bearer someone-else"),)
            answered = 0
            with pytest.raises(grpc.RpcError) as info:
                for _ in range(10):  # a burst of 3, refilled at 2 a second: the 4th or so is refused
                    stub.Redact(pb.RedactRequest(text=SSN))
                    answered += 1
            error = info.value
            assert 3 <= answered < 10
            assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert error.details().startswith("rate-limit: more than 2 calls a second (burst 3) from this caller")
            after_ms, delay_ms = retry_hint(error)
            assert 0 < after_ms == delay_ms <= 500
            assert "222-44-5555" not in error.details()
            # another caller has its own bucket; health is never limited
            assert stub.Redact(pb.RedactRequest(text=SSN), metadata=other).text == "my ssn is [SSN]"
            health = health_pb2_grpc.HealthStub(ch)
            for _ in range(10):
                assert health.Check(health_pb2.HealthCheckRequest()).status == health_pb2.HealthCheckResponse.SERVING
            # streams take a token too
            assert refusal(stub.StreamRedact(iter([pb.StreamRedactRequest(config=pb.StreamConfig())]))).code() \
                == grpc.StatusCode.RESOURCE_EXHAUSTED
            # waiting as told is enough
            threading.Event().wait(retry_hint(refusal_of(stub))[0] / 1000)
            assert stub.Redact(pb.RedactRequest(text=SSN)).text == "my ssn is [SSN]"


def refusal_of(stub) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as info:
        stub.Redact(pb.RedactRequest(text=SSN))
    return info.value


def test_token_buckets_refill_and_stay_bounded_under_spoofed_callers():
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=2.0, max_callers=10, clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.5]
    now[0] += 0.5
    assert buckets.take("a") == 0.0 and buckets.take("a") == 0.5
    for i in range(1000):  # spoofed callers, never seen again
        buckets.take(f"spoofed-{i}")
    assert len(buckets.buckets) <= 10
    now[0] += 5  # every bucket has refilled: all of them can go
    buckets.take("b")
    assert list(buckets.buckets) == ["b"]


@pytest.mark.parametrize("spec, parsed", [
    ("100", (100.0, 100.0)), ("100/s", (100.0, 100.0)), ("100/s:250", (100.0, 250.0)), ("0.5:3", (0.5, 3.0)),
    ("0.5", (0.5, 1.0)), ("", None), ("off", None)])
def test_rate_limit_syntax(spec, parsed):
    assert parse_rate_limit(spec) == parsed


@pytest.mark.parametrize("spec", ["0", "-1", "10/m", "10:0", "ten", "10:2:3"])
def test_bad_rate_limits_name_the_flag(spec):
    with pytest.raises(ValueError, match="^--rate-limit: "):
        parse_rate_limit(spec)


def test_max_streams_syntax():
    assert parse_max_streams("1000") == (1000, 1000)
    assert parse_max_streams("1000:50") == (1000, 50)
    assert parse_max_streams("10:50") == (10, 10)
    for bad in ("0", "10:0", "x", "-5"):
        with pytest.raises(ValueError, match="^--max-streams: "):
            parse_max_streams(bad)


class Context:
    def __init__(self, metadata, peer, auth=None):
        self.metadata, self.peer_, self.auth = metadata, peer, auth or {}

    def invocation_metadata(self):
        return self.metadata

    def peer(self):
        return self.peer_

    def auth_context(self):
        return self.auth


def test_caller_key_is_the_token_digest_else_the_certificate_subject_else_the_peer_without_its_port():
    token = Context((("authorization", "Bearer s3cret"),), "ipv4:10.0.0.1:4000", {"x509_subject": [b"CN=a"]})
    assert caller_key(token) == hashlib.sha256(b"s3cret").hexdigest()
    assert caller_key(Context((), "ipv4:10.0.0.1:4000", {"x509_subject": [b"CN=etl,O=Example"]})) == \
        "subject:CN=etl,O=Example"
    assert caller_key(Context((), "ipv4:10.0.0.1:4000")) == "10.0.0.1"
    assert peer_host("ipv6:[::1]:5000") == "::1" and peer_host("unix:/tmp/s") == "unix:/tmp/s"


def test_clients_pinging_too_often_are_sent_away():
    # keepalive enforcement: pings without data more often than every 30 s are strikes;
    # the third gets GOAWAY (too_many_pings) and the client's calls fail UNAVAILABLE
    with serving(threads=2) as srv:
        options = [("grpc.keepalive_time_ms", 100), ("grpc.keepalive_timeout_ms", 5000),
                   ("grpc.keepalive_permit_without_calls", 1), ("grpc.http2.max_pings_without_data", 0)]
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}", options=options) as ch:
            idle = IdleStream(redact_pb2_grpc.RedactorServiceStub(ch)).opened()
            try:
                error = refusal(idle.call)
            finally:
                idle.close()
            assert error.code() == grpc.StatusCode.UNAVAILABLE


def test_limits_flags_reach_every_worker():
    address = f"127.0.0.1:{free_port()}"
    proc = subprocess.Popen([sys.executable, "-m", "redactd.cli", "serve", "--address", address, "--workers", "2",
                             "--rate-limit", "1/s:1", "--max-streams", "5:1", "--stream-idle-timeout", "30"],
                            stderr=subprocess.DEVNULL)
    try:
        wait_serving(address).close()
        for _ in range(2):  # fresh connections: the kernel spreads them over the workers
            with grpc.insecure_channel(address) as ch:
                stub = redact_pb2_grpc.RedactorServiceStub(ch)
                key = (("authorization", f"Bearer {free_port()}"),)  # a fresh caller each time
                assert stub.Redact(pb.RedactRequest(text=SSN), metadata=key).text == "my ssn is [SSN]"
                with pytest.raises(grpc.RpcError) as info:
                    stub.Redact(pb.RedactRequest(text=SSN), metadata=key)
                assert info.value.details().startswith("rate-limit: more than 1 calls a second")
    finally:
        proc.terminate()
        proc.wait(30)


@pytest.mark.parametrize("flags, field", [(["--rate-limit", "fast"], "--rate-limit"),
                                          (["--max-streams", "0"], "--max-streams"),
                                          (["--stream-idle-timeout", "0"], "--stream-idle-timeout")])
def test_bad_limit_flags_are_refused(flags, field):
    r = subprocess.run([sys.executable, "-m", "redactd.cli", "serve", "--address", "127.0.0.1:0", *flags],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.startswith(f"redactd: {field}: ")
