"""Metrics, traces and access lines (service.observe) against real servers: counters
scraped over HTTP, spans from the SDK's in-memory exporter, log records as written."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import urllib.request

import grpc
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from prometheus_client.parser import text_string_to_metric_families

from redactd import cli, envflags, logs, observe
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.server import Server
from tests.test_cli import REDACTD, children, free_port, wait_for

TOKEN = "observe-token-0123456789"
CALLERS = json.dumps({"callers": [{"name": "alice", "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest(),
                                   "rpcs": "*", "policies": "*"}]})
ALICE = (("authorization", f"Bearer {TOKEN}"),)
SECRET_MAIL, SECRET_CARD = "zq7secret.person@example.com", "4111 1111 1111 1111"
SECRET_TEXT = f"write to {SECRET_MAIL} and pay with {SECRET_CARD}"
SERVICE, REDACT = "redact.v1.RedactorService", "/redact.v1.RedactorService/Redact"


@pytest.fixture(scope="module")
def spans():
    return InMemorySpanExporter()


@pytest.fixture(scope="module")
def observed(tmp_path_factory, spans):
    path = tmp_path_factory.mktemp("observe") / "callers.json"
    path.write_text(CALLERS)
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(spans))
    access = logging.getLogger("redactd.access")
    level = access.level
    access.setLevel(logging.INFO)  # access lines on, as under the default --log-level info
    try:
        srv = Server(Settings(address="127.0.0.1:0", threads=4, grace=0.5, callers_file=str(path),
                              metrics_address="127.0.0.1:0", rate_limit=(1000.0, 1000.0)), tracer_provider=provider)
    finally:
        access.setLevel(level)
    yield srv
    srv.stop(0).wait()
    srv.metrics.close()


@pytest.fixture(scope="module")
def stub(observed):
    with grpc.insecure_channel(f"127.0.0.1:{observed.port}") as ch:
        yield redact_pb2_grpc.RedactorServiceStub(ch)


def scrape(port: int) -> dict[tuple[str, tuple], float]:
    """name and sorted labels -> value, of every sample /metrics serves."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def delta(before, after, name: str, **labels) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


def rpcs(method: str, code: str, caller: str = "alice") -> dict:
    return {"service": SERVICE, "method": method, "code": code, "caller": caller}


def code_of(f, *args, **kwargs) -> grpc.StatusCode:
    try:
        f(*args, **kwargs)
    except grpc.RpcError as e:
        return e.code()
    return grpc.StatusCode.OK


def stream_of(*texts: str) -> list[pb.StreamRedactRequest]:
    return [pb.StreamRedactRequest(config=pb.StreamConfig()), *(pb.StreamRedactRequest(text=t) for t in texts)]


def test_counters_move_by_the_calls_made_with_their_codes_and_types(observed, stub):
    before = scrape(observed.metrics.port)
    request = pb.RedactRequest(text=SECRET_TEXT)
    assert stub.Redact(request, metadata=ALICE).text == "write to [EMAIL_ADDRESS] and pay with [CREDIT_CARD_NUMBER]"
    assert stub.Redact(pb.RedactRequest(text="staff EMP-123456", detection=pb.DetectionConfig(
        recognizers=[pb.Recognizer(type="EMPLOYEE_ID", regex=r"\bEMP-\d{6}\b", score=0.9)])),
        metadata=ALICE).text == "staff [EMPLOYEE_ID]"
    assert code_of(stub.ApplyPolicy, pb.ApplyPolicyRequest(policy="no_such_policy"), metadata=ALICE) \
        == grpc.StatusCode.NOT_FOUND
    assert code_of(stub.Redact, pb.RedactRequest(text="x"), metadata=(("authorization", "Bearer wrong"),)) \
        == grpc.StatusCode.UNAUTHENTICATED
    out = list(stub.StreamRedact(iter(stream_of("mail ", f"{SECRET_MAIL} now")), metadata=ALICE))
    assert "".join(r.text for r in out) == "mail [EMAIL_ADDRESS] now"
    # an error the servicer raises in a stream, after its first message
    assert code_of(lambda: list(stub.StreamRedact(iter([pb.StreamRedactRequest(text="no config")]),
                                                  metadata=ALICE))) == grpc.StatusCode.INVALID_ARGUMENT
    after = scrape(observed.metrics.port)
    assert delta(before, after, "redactd_rpcs_total", **rpcs("Redact", "OK")) == 2
    assert delta(before, after, "redactd_rpcs_total", **rpcs("ApplyPolicy", "NOT_FOUND")) == 1
    assert delta(before, after, "redactd_rpcs_total", **rpcs("Redact", "UNAUTHENTICATED", "unknown")) == 1
    assert delta(before, after, "redactd_rpcs_total", **rpcs("StreamRedact", "OK")) == 1
    assert delta(before, after, "redactd_rpcs_total", **rpcs("StreamRedact", "INVALID_ARGUMENT")) == 1
    assert delta(before, after, "redactd_rpc_duration_seconds_count", service=SERVICE, method="Redact") == 3
    assert delta(before, after, "redactd_entities_total", type="EMAIL_ADDRESS") == 2
    assert delta(before, after, "redactd_entities_total", type="CREDIT_CARD_NUMBER") == 1
    assert delta(before, after, "redactd_entities_total", type="CUSTOM") == 1  # never the caller's own name
    assert not any(dict(labels).get("type") == "EMPLOYEE_ID" for _, labels in after)
    scanned = request.ByteSize() + pb.RedactRequest(text="x").ByteSize()
    assert delta(before, after, "redactd_scanned_bytes_total", method="Redact") > scanned
    assert value(after, "redactd_open_streams") == 0
    assert any(name == "redactd_build_info" and dict(labels)["python"] == sys.version.split()[0]
               for name, labels in after)


def test_a_refusal_by_the_rate_limit_is_counted(tmp_path):
    srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.2, metrics_address="127.0.0.1:0",
                          rate_limit=(0.001, 1.0)))
    try:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            before = scrape(srv.metrics.port)
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            codes = [code_of(stub.Redact, pb.RedactRequest(text="hi")) for _ in range(3)]
            after = scrape(srv.metrics.port)
        assert codes == [grpc.StatusCode.OK] + [grpc.StatusCode.RESOURCE_EXHAUSTED] * 2
        assert delta(before, after, "redactd_rpcs_total", **rpcs("Redact", "RESOURCE_EXHAUSTED", "")) == 2
        assert delta(before, after, "redactd_rpcs_total", **rpcs("Redact", "OK", "")) == 1
    finally:
        srv.stop(0).wait()
        srv.metrics.close()


def test_a_stream_the_idle_timeout_ends_is_counted_with_its_code(caplog):
    caplog.set_level(logging.INFO, logger="redactd.access")
    srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.2, stream_idle_timeout=0.3,
                          metrics_address="127.0.0.1:0"))
    try:
        before = scrape(srv.metrics.port)
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            requests = queue.Queue()
            requests.put(pb.StreamRedactRequest(config=pb.StreamConfig()))
            responses = redact_pb2_grpc.RedactorServiceStub(ch).StreamRedact(iter(requests.get, None))
            assert code_of(lambda: list(responses)) == grpc.StatusCode.RESOURCE_EXHAUSTED
            requests.put(None)
        line = wait_for(lambda: [r.msg for r in caplog.records if r.name == "redactd.access"])[0]
        assert (line.code, line.caller) == ("RESOURCE_EXHAUSTED", "127.0.0.1")
        after = scrape(srv.metrics.port)
        assert delta(before, after, "redactd_rpcs_total", **rpcs("StreamRedact", "RESOURCE_EXHAUSTED", "")) == 1
    finally:
        srv.stop(0).wait()
        srv.metrics.close()


def test_an_open_stream_is_in_the_gauge_until_it_ends(observed, stub):
    requests = queue.Queue()
    requests.put(pb.StreamRedactRequest(config=pb.StreamConfig()))
    requests.put(pb.StreamRedactRequest(flush=True))
    responses = stub.StreamRedact(iter(requests.get, None), metadata=ALICE)
    next(responses)  # the flush's answer: the stream is open on the server
    assert value(scrape(observed.metrics.port), "redactd_open_streams") == 1
    requests.put(None)
    assert list(responses) == []
    wait_for(lambda: value(scrape(observed.metrics.port), "redactd_open_streams") == 0)


def test_observed_streams_keep_their_own_threads(stub, monkeypatch):
    """The interceptor keeps the streams' executor (service.limits): unary threads stay free."""
    threads = []
    counted = observe.found
    monkeypatch.setattr(observe, "found", lambda found: threads.append(threading.current_thread().name) or
                        counted(found))
    list(stub.StreamRedact(iter(stream_of(SECRET_MAIL)), metadata=ALICE))
    stub.Redact(pb.RedactRequest(text=SECRET_MAIL, include_entities=True), metadata=ALICE)
    assert threads and all(t.startswith("stream") for t in threads[:-1]) and threads[-1].startswith("rpc")


def test_spans_carry_method_sizes_counts_and_code_and_join_the_callers_trace(observed, stub, spans):
    spans.clear()
    trace_id, parent_id = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    request = pb.RedactRequest(text=SECRET_TEXT)
    response = stub.Redact(request, metadata=ALICE + (("traceparent", f"00-{trace_id}-{parent_id}-01"),))
    assert code_of(stub.IdentifyEntities, pb.IdentifyEntitiesRequest(text="x" * 10, detection=pb.DetectionConfig(
        entity_types=["NOT_A_TYPE"])), metadata=ALICE) == grpc.StatusCode.INVALID_ARGUMENT
    done = wait_for(lambda: len(spans.get_finished_spans()) == 2 and spans.get_finished_spans())
    redact, identify = sorted(done, key=lambda s: s.name != f"{SERVICE}/Redact")
    assert redact.name == f"{SERVICE}/Redact" and redact.kind.name == "SERVER"
    assert f"{redact.context.trace_id:032x}" == trace_id and f"{redact.parent.span_id:016x}" == parent_id
    attrs = dict(redact.attributes)
    assert attrs == {"rpc.system": "grpc", "rpc.service": SERVICE, "rpc.method": "Redact",
                     "rpc.grpc.status_code": 0, "redactd.request.bytes": request.ByteSize(),
                     "redactd.response.bytes": response.ByteSize(), "redactd.caller": "alice",
                     "redactd.entities.EMAIL_ADDRESS": 1, "redactd.entities.CREDIT_CARD_NUMBER": 1}
    assert identify.attributes["rpc.grpc.status_code"] == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert identify.parent is None


def test_no_text_or_value_in_metrics_access_lines_or_spans(observed, stub, spans, caplog):
    spans.clear()
    caplog.set_level(logging.INFO, logger="redactd.access")
    bad = pb.RedactRequest(text=SECRET_TEXT, detection=pb.DetectionConfig(entity_types=[SECRET_MAIL]))
    stub.Redact(pb.RedactRequest(text=SECRET_TEXT, include_entities=True), metadata=ALICE)
    assert code_of(stub.Redact, bad, metadata=ALICE) == grpc.StatusCode.INVALID_ARGUMENT
    list(stub.StreamRedact(iter(stream_of(SECRET_TEXT)), metadata=ALICE))
    stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="scan_all", record=_record({"note": SECRET_TEXT})), metadata=ALICE)
    wait_for(lambda: len(spans.get_finished_spans()) == 4)
    metrics = urllib.request.urlopen(f"http://127.0.0.1:{observed.metrics.port}/metrics").read().decode()
    formatter = logs.JsonFormatter()
    lines = [formatter.format(r) for r in caplog.records] + [r.getMessage() for r in caplog.records]
    attributes = [json.dumps(dict(s.attributes)) + s.name for s in spans.get_finished_spans()]
    assert len([r for r in caplog.records if r.name == "redactd.access"]) == 4
    for where in (metrics, "\n".join(lines), "\n".join(attributes)):
        # the card as written and as its digits (a shorter run of them can be in a timestamp)
        for secret in ("zq7secret", "example.com", SECRET_CARD, SECRET_CARD.replace(" ", ""), TOKEN, "write to"):
            assert secret not in where


def _record(d: dict):
    from google.protobuf import struct_pb2
    s = struct_pb2.Struct()
    s.update(d)
    return s


def test_access_lines_one_per_call_with_their_fields(observed, stub, caplog):
    caplog.set_level(logging.INFO, logger="redactd.access")
    stub.Redact(pb.RedactRequest(text=SECRET_TEXT), metadata=ALICE)
    list(stub.StreamRedact(iter(stream_of("a ", SECRET_MAIL, " b")), metadata=ALICE))
    (redact, stream) = [json.loads(logs.JsonFormatter().format(r)) for r in caplog.records]
    assert redact["logger"] == "redactd.access" and redact["level"] == "info" and redact["message"] == "rpc"
    assert {k: redact[k] for k in ("method", "caller", "code", "bytes_in", "entities")} == {
        "method": REDACT, "caller": "alice", "code": "OK", "bytes_in": pb.RedactRequest(text=SECRET_TEXT).ByteSize(),
        "entities": {"CREDIT_CARD_NUMBER": 1, "EMAIL_ADDRESS": 1}}
    assert redact["duration_ms"] >= 0 and redact["bytes_out"] > 0
    assert stream["method"].endswith("/StreamRedact") and stream["entities"] == {"EMAIL_ADDRESS": 1}
    assert stream["bytes_in"] == sum(m.ByteSize() for m in stream_of("a ", SECRET_MAIL, " b"))
    text = caplog.records[0].getMessage()
    assert text.startswith(f"{REDACT} caller=alice code=OK duration_ms=") and \
        "entities=CREDIT_CARD_NUMBER:1,EMAIL_ADDRESS:1" in text


def test_without_a_callers_file_the_access_line_names_the_peer(caplog):
    caplog.set_level(logging.INFO, logger="redactd.access")
    srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.2))
    try:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            redact_pb2_grpc.RedactorServiceStub(ch).Redact(pb.RedactRequest(text="hi"))
            redact_pb2_grpc.RedactorServiceStub(ch).Redact(pb.RedactRequest(text="hi"), metadata=ALICE)
    finally:
        srv.stop(0).wait()
    peer, token = [r.msg.caller for r in caplog.records if r.name == "redactd.access"]
    assert peer == "127.0.0.1" and token == hashlib.sha256(TOKEN.encode()).hexdigest()


def test_nothing_observed_costs_nothing():
    """Metrics, traces and access lines off: no interceptor at all."""
    access = logging.getLogger("redactd.access")
    level = access.level
    access.setLevel(logging.WARNING)
    try:
        assert observe.interceptor(Settings(), SERVICE, lambda: None) == ((), None)
    finally:
        access.setLevel(level)


# ---------------------------------------------------------------- traces from OTEL_*

@pytest.mark.parametrize("env, on", [
    ({}, False),
    ({"OTEL_TRACES_EXPORTER": "none"}, False),
    ({"OTEL_TRACES_EXPORTER": "console"}, True),
    ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4317"}, True),
    ({"OTEL_TRACES_EXPORTER": "otlp", "OTEL_SDK_DISABLED": "true"}, False),
])
def test_traces_are_on_only_when_configured(env, on):
    assert observe.tracing_configured(env) is on


def test_an_unknown_exporter_is_an_error_naming_the_variable():
    with pytest.raises(ValueError, match="OTEL_TRACES_EXPORTER: no span exporter named 'zipkinx'"):
        observe.tracer_provider({"OTEL_TRACES_EXPORTER": "zipkinx"})


def test_console_exporter_from_the_environment_and_no_sdk_import_without_it(tmp_path):
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "OTEL_TRACES_EXPORTER": "console", "OTEL_SERVICE_NAME": "redactd-test",
           "REDACTD_LOG_LEVEL": "warning"}
    proc = subprocess.Popen([*REDACTD, "serve", "--address", address, "--workers", "1", "--grace", "0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with grpc.insecure_channel(address) as ch:
            grpc.channel_ready_future(ch).result(timeout=30)
            redact_pb2_grpc.RedactorServiceStub(ch).Redact(pb.RedactRequest(text=SECRET_TEXT))
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert f'"name": "{SERVICE}/Redact"' in out and '"service.name": "redactd-test"' in out
    assert '"redactd.entities.EMAIL_ADDRESS": 1' in out and "zq7secret" not in out
    # not configured: the SDK is not even imported
    code = ("import sys; from redactd.config import Settings; from service.server import Server; "
            "s = Server(Settings(address='127.0.0.1:0')); s.stop(0).wait(); "
            "sys.exit(any(m.startswith('opentelemetry') for m in sys.modules))")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    assert subprocess.run([sys.executable, "-c", code], env=clean, timeout=60).returncode == 0


# ---------------------------------------------------------------- --workers N

@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads worker pids from /proc (Linux)")
def test_two_workers_metrics_cover_both_and_json_logs_parse(tmp_path):
    address, metrics_port = f"127.0.0.1:{free_port()}", free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path), "REDACTD_LOG_FORMAT": "json",
           "REDACTD_METRICS_ADDRESS": f"127.0.0.1:{metrics_port}"}
    log = tmp_path / "log"
    with open(log, "a") as f:  # O_APPEND: the workers share it
        proc = subprocess.Popen([*REDACTD, "serve", "--address", address, "--workers", "2", "--grace", "1"],
                                env=env, stdout=f, stderr=subprocess.STDOUT)
    try:
        workers = wait_for(lambda: len(children(proc.pid)) == 2 and children(proc.pid))
        wait_for(lambda: log.read_text().count("serving on port") == 2)
        calls = 12
        streams = []
        for _ in range(calls):  # a connection each: the kernel spreads them over the workers
            ch = grpc.insecure_channel(address, options=[("grpc.use_local_subchannel_pool", 1)])
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            assert stub.Redact(pb.RedactRequest(text=SECRET_TEXT)).text.count("[") == 2
            streams.append((ch, OpenStream(stub)))
        samples = scrape(metrics_port)
        assert value(samples, "redactd_rpcs_total", **rpcs("Redact", "OK", "")) == calls
        assert value(samples, "redactd_entities_total", type="EMAIL_ADDRESS") == calls
        assert value(samples, "redactd_open_streams") == calls
        # the access lines are written soon after (service.logs.GATHER), before the kill below
        wait_for(lambda: log.read_text().count(f'"method": "{REDACT}"') == calls)
        # a worker killed with its streams open: they no longer count (mark_process_dead)
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: "exited with signal SIGKILL" in log.read_text())
        alive = [s for _, s in streams if s.roundtrip()]
        assert 0 < len(alive) < calls  # each worker had some
        wait_for(lambda: value(scrape(metrics_port), "redactd_open_streams") == len(alive))
        for ch, s in streams:
            s.close()
            ch.close()
        wait_for(lambda: value(scrape(metrics_port), "redactd_open_streams") == 0)
        # counters of the dead worker are kept: the total never goes back
        assert value(scrape(metrics_port), "redactd_rpcs_total", **rpcs("Redact", "OK", "")) == calls
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, log.read_text()[-4000:]
    finally:
        proc.kill()
    lines = [json.loads(line) for line in log.read_text().splitlines()]  # every line is JSON
    access = [line for line in lines if line["logger"] == "redactd.access" and line["method"] == REDACT]
    assert len(access) == calls and all(line["code"] == "OK" for line in access)
    assert "zq7secret" not in log.read_text()
    assert not list(tmp_path.glob("redactd-metrics-*"))  # the supervisor removed its directory


class OpenStream:
    """A StreamRedact call kept open; `roundtrip()` says whether it still answers."""

    def __init__(self, stub) -> None:
        self.requests: queue.Queue = queue.Queue()
        self.requests.put(pb.StreamRedactRequest(config=pb.StreamConfig()))
        self.responses = stub.StreamRedact(iter(self.requests.get, None))
        self.roundtrip()

    def roundtrip(self) -> bool:
        self.requests.put(pb.StreamRedactRequest(flush=True))
        try:
            next(self.responses)
            return True
        except grpc.RpcError:
            return False

    def close(self) -> None:
        self.requests.put(None)
        self.responses.cancel()


# ---------------------------------------------------------------- REDACTD_<FLAG>

def serve_args(argv: list[str], environ: dict):
    p = cli.parser()
    envflags.apply(p.serve_parser, argv, environ)
    return p.parse_args(["serve", *argv])


def test_every_flag_from_the_environment_and_the_command_line_wins():
    env = {"REDACTD_MAX_STREAMS": "10", "REDACTD_LOG_FORMAT": "json", "REDACTD_THREADS": "3",
           "REDACTD_GRACE": "2.5", "REDACTD_ALLOW_KEYED_OPERATORS_WITHOUT_AUTH": "true",
           "REDACTD_POLICIES": os.pathsep.join(["a.json", "b.json"]), "REDACTD_METRICS_ADDRESS": ":9464",
           "REDACTD_KEYS": '{"keys": {}}',  # the key ring itself, as before: not --keys
           "REDACTD_SERVICE_HOST": "10.0.0.1", "REDACTD_PORT_50051_TCP_ADDR": "10.0.0.1",  # Kubernetes' links
           "REDACTD_PGO": "0", "OTHER": "x"}
    args = serve_args([], env)
    assert (args.max_streams, args.log_format, args.threads, args.grace) == ("10", "json", 3, 2.5)
    assert args.allow_keyed_operators_without_auth is True and args.policies == ["a.json", "b.json"]
    assert args.metrics_address == ":9464" and args.keys == ""
    args = serve_args(["--threads", "5", "--log-format=text", "--policies", "c.json"], env)
    assert (args.threads, args.log_format, args.policies) == (5, "text", ["c.json"])
    assert serve_args([], {"REDACTD_ALLOW_KEYED_OPERATORS_WITHOUT_AUTH": "0"}).allow_keyed_operators_without_auth \
        is False


@pytest.mark.parametrize("name, value, message", [
    ("REDACTD_THREADS", "many", "REDACTD_THREADS: 'many' is not a whole number"),
    ("REDACTD_GRACE", "soon", "REDACTD_GRACE: 'soon' is not a number"),
    ("REDACTD_LOG_FORMAT", "xml", "REDACTD_LOG_FORMAT: 'xml' is not one of text, json"),
    ("REDACTD_ALLOW_KEYED_OPERATORS_WITHOUT_AUTH", "yes", "REDACTD_ALLOW_KEYED_OPERATORS_WITHOUT_AUTH: 'yes' is not a boolean (1, 0, true or false)"),
    ("REDACTD_MAX_STREAM", "10", "REDACTD_MAX_STREAM: not a setting of redactd serve (did you mean REDACTD_MAX_STREAMS?)"),
    ("REDACTD_METRICS", "1", "REDACTD_METRICS: not a setting of redactd serve (did you mean REDACTD_METRICS_ADDRESS?)"),
    ("REDACTD_REUSE_PORT", "1", "REDACTD_REUSE_PORT: not a setting of redactd serve"),
])
def test_a_bad_variable_is_an_error_naming_it(name, value, message, capsys, monkeypatch):
    monkeypatch.setenv(name, value)
    assert cli.main(["serve", "--address", "127.0.0.1:0", "--workers", "1"]) == 2
    assert capsys.readouterr().err.strip() == f"redactd: {message}"


def test_an_unrelated_variable_is_left_alone():
    assert serve_args([], {"REDACTD_SOMETHING_ELSE": "1"}).threads == Settings().threads


def test_a_busy_metrics_port_is_an_error_naming_the_flag():
    first = Server(Settings(address="127.0.0.1:0", metrics_address="127.0.0.1:0"))
    try:
        with pytest.raises(OSError, match=r"--metrics-address 127\.0\.0\.1:\d+: cannot listen there"):
            Server(Settings(address="127.0.0.1:0", metrics_address=f"127.0.0.1:{first.metrics.port}"))
    finally:
        first.stop(0).wait()
        first.metrics.close()


@pytest.mark.parametrize("custom", [False, True])
def test_counted_types_are_the_found_entities_types(custom):
    """core.redact_only(types=...) counts what redact_text reports, for the same output."""
    from redactd import core
    recognizers = [core.Recognizer("EMPLOYEE_ID", r"\bEMP-\d{6}\b", (), 0.9)] if custom else []
    detection = core.Detection.create(custom=core.Custom.create(recognizers)) if custom else core.Detection.create()
    text = f"{SECRET_TEXT}; staff EMP-123456 on 2024-05-18 from 10.0.0.12, call (415) 555-2671"
    types: list[str] = []
    out = core.redact_only(text, detection, core.Redaction(), types=types)
    expected, found = core.redact_text(text, detection, core.Redaction())
    assert out == expected and types == [f.entity.type for f in found] and len(types) >= 5
