"""RedactClient (client/: the redactd-client distribution) against real servers: every RPC,
errors with field violations, deadlines, retries through the service config, TLS and
bearer tokens, the README's example, and the wheel: pure Python, with the .proto."""
from __future__ import annotations

import contextlib
import hashlib
import io
import pathlib
import re
import subprocess
import sys
import threading
import time
import zipfile
from concurrent import futures

import grpc
import pytest

from redactd.config import Settings
from redactd.server import Server
from redactd_client import RedactClient, RedactError, pb
from tests.conftest import SMALL_LIMIT
from tests.test_tls import pki, serve  # noqa: F401 - the module's PKI fixture

ROOT = pathlib.Path(__file__).resolve().parent.parent
PHONE = "Call me at 212-555-0199, card 4111 1111 1111 1111"


@pytest.fixture(scope="module")
def client(server):
    with RedactClient(f"127.0.0.1:{server.port}", timeout=10) as c:
        yield c


def test_redact_and_identify(client):
    r = client.redact(PHONE, entities=True)
    assert r.text == "Call me at [PHONE_NUMBER], card [CREDIT_CARD_NUMBER]" and r.error is None
    assert [(e.type, e.value) for e in r.entities] == [("PHONE_NUMBER", "+12125550199"),
                                                       ("CREDIT_CARD_NUMBER", "4111111111111111")]
    assert client.redact(PHONE).entities == []  # only when asked for
    assert client.redact(PHONE, types=["PHONE_NUMBER"], style="mask", mask="#").text == \
        "Call me at #, card 4111 1111 1111 1111"
    found = client.identify("é mail jane@example.com", offsets="utf8")
    assert [(e.type, e.offset, e.length) for e in found] == [("EMAIL_ADDRESS", 8, 16)]


def test_batch_redact_fails_one_text_alone(client):
    results = client.batch_redact(["ssn 222-44-5555", "x" * (SMALL_LIMIT + 1), "a@b.co and a@b.co"],
                                  style="numbered")
    assert [r.text for r in results] == ["ssn [SSN_1]", "", "[EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_1]"]
    assert results[0].error is None and results[2].error is None
    assert results[1].error.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert results[1].error.message.startswith("texts[1]:") or "limit" in results[1].error.message


def test_apply_policy_one_record_and_many(client):
    record = {"dst": "19177220741", "text": "Your code is 1234"}
    one = client.apply_policy("sms_outbound", record)
    assert one.record == {"dst": "19177220***", "text": "***Text Content Redacted***"}
    assert one.policy_version == 1 and {a.field for a in one.actions} == {"dst", "text"}
    many = client.apply_policy("sms_outbound_content_only", records=[record, {"dst": "14155550100"}])
    assert many.records == [{"dst": "19177220***", "text": "Your code is 1234"}, {"dst": "14155550***"}]
    with pytest.raises(RedactError) as info:
        client.apply_policy("no_such_policy", record)
    assert info.value.code == grpc.StatusCode.NOT_FOUND and info.value.field_violations == []
    with pytest.raises(ValueError):
        client.apply_policy("sms_outbound")


def test_stream_equals_redact_of_the_joined_chunks(client):
    chunks = ["Jane's number is 212-55", "5-0199 and her mail ja", "ne@example.com, ssn 222-4", "4-5555."]
    segments = list(client.stream(iter(chunks), entities=True))
    assert "".join(s.text for s in segments) == client.redact("".join(chunks)).text
    assert [e.type for s in segments for e in s.entities] == ["PHONE_NUMBER", "EMAIL_ADDRESS", "SSN"]


def test_errors_carry_code_message_and_field_violations(client):
    with pytest.raises(RedactError) as info:
        client.redact("ssn 222-44-5555", types=["NOT_A_TYPE"])
    err = info.value
    assert err.code == grpc.StatusCode.INVALID_ARGUMENT
    assert err.field_violations == [("detection.entity_types", "unknown entity type 'NOT_A_TYPE'")]
    assert "222-44" not in str(err)
    with pytest.raises(RedactError) as info:
        list(client.stream(["ssn 222-44-5555"], types=["NOT_A_TYPE"]))
    assert info.value.field_violations[0][0] == "config.detection.entity_types"
    with pytest.raises(RedactError) as info:
        client.reveal(["not-a-token"])  # no callers file: Reveal is refused
    assert info.value.code == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(ValueError, match="style"):
        client.redact("x", style="bold")
    with pytest.raises(ValueError, match="retries"):
        RedactClient("127.0.0.1:1", retries=9)


class Flaky:
    """A stand-in RedactorService whose Redact fails UNAVAILABLE `failures` times, or sleeps."""

    def __init__(self, failures: int = 0, sleep: float = 0.0) -> None:
        self.failures, self.sleep, self.calls = failures, sleep, 0
        self.server = grpc.server(futures.ThreadPoolExecutor(4))
        handler = grpc.unary_unary_rpc_method_handler(
            self.redact, request_deserializer=pb.RedactRequest.FromString,
            response_serializer=pb.RedactResponse.SerializeToString)
        self.server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(
            "redact.v1.RedactorService", {"Redact": handler}),))
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()

    def redact(self, request, context):
        self.calls += 1
        if self.calls <= self.failures:
            context.abort(grpc.StatusCode.UNAVAILABLE, "not yet")
        time.sleep(self.sleep)
        return pb.RedactResponse(text=request.text.upper())


def test_unavailable_is_retried_through_the_service_config():
    flaky = Flaky(failures=2)
    try:
        with RedactClient(f"127.0.0.1:{flaky.port}", retries=3) as c:
            assert c.redact("abc").text == "ABC" and flaky.calls == 3
        flaky.calls = 0
        with RedactClient(f"127.0.0.1:{flaky.port}", retries=0) as c:
            with pytest.raises(RedactError) as info:
                c.redact("abc")
            assert info.value.code == grpc.StatusCode.UNAVAILABLE and flaky.calls == 1
    finally:
        flaky.server.stop(0)


def test_every_call_has_a_deadline():
    slow = Flaky(sleep=2.0)
    try:
        with RedactClient(f"127.0.0.1:{slow.port}", timeout=0.2) as c:
            with pytest.raises(RedactError) as info:
                c.redact("abc")
            assert info.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
            assert c.redact("abc", timeout=5).text == "ABC"  # a call's own deadline wins
    finally:
        slow.server.stop(0)


def test_tls_and_a_bearer_token(pki, tmp_path):  # noqa: F811 - the fixture imported above
    token = "token-of-the-client-test-0123456789"
    (tmp_path / "callers.yaml").write_text(
        f"callers:\n  - name: app\n    token_sha256: {hashlib.sha256(token.encode()).hexdigest()}\n"
        f"    rpcs: [Redact]\n")
    cert, key = pki["server"]
    srv = serve(tls_cert_file=cert, tls_key_file=key, callers_file=str(tmp_path / "callers.yaml"))
    try:
        ca = pki["ca"].cert_pem
        with RedactClient(f"127.0.0.1:{srv.port}", root_certificates=ca, token=token) as c:
            assert c.redact("ssn 222-44-5555").text == "ssn [SSN]"
            with pytest.raises(RedactError) as info:
                c.identify("ssn 222-44-5555")  # not granted to this caller
            assert info.value.code == grpc.StatusCode.PERMISSION_DENIED
        with RedactClient(f"127.0.0.1:{srv.port}", root_certificates=ca) as c:
            with pytest.raises(RedactError) as info:
                c.redact("ssn 222-44-5555")
            assert info.value.code == grpc.StatusCode.UNAUTHENTICATED
    finally:
        srv.stop(0).wait()


def readme_example() -> tuple[str, str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Client"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    printed = re.search(r"prints\n\n```\n(.*?)```", section, re.S).group(1)
    return code, printed


def test_the_readme_example_runs_and_prints_what_it_says(server):
    code, printed = readme_example()
    assert len(code.strip().splitlines()) <= 12
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.replace("127.0.0.1:50051", f"127.0.0.1:{server.port}"), "README.md", "exec"), {})
    assert out.getvalue() == printed


def test_the_client_wheel_is_pure_python_and_carries_the_proto(tmp_path):
    """Built as pip builds it (no compiler involved), installed alone and imported alone."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT / "client")], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("redactd_client-*.whl")
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.endswith((".so", ".c", ".pyx"))]
    assert {n.split("/")[0] for n in names} == {"redactd_client", wheel.name.split("-py3")[0] + ".dist-info"}
    proto = zipfile.ZipFile(wheel).read("redactd_client/protos/redact/v1/redact.proto")
    assert proto == (ROOT / "protos/redact/v1/redact.proto").read_bytes()
    assert "redactd_client/api/redact/v1/redact_pb2_grpc.py" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    probe = ("import redactd_client, sys; print(redactd_client.__file__); "
             "print(redactd_client.RedactClient.__module__, redactd_client.pb.OFFSET_UNIT_UTF8_BYTE)")
    r = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, check=True)
    where, line = r.stdout.splitlines()
    assert where.startswith(str(target)) and line == "redactd_client.client 2"


def test_nothing_is_installed_under_a_generic_name(tmp_path):
    probe = ("import importlib.util as u; print([n for n in ('core', 'service', 'api') if u.find_spec(n)]); "
             "import redactd.core, redactd.server, redactd_client; print(redactd.core._scan.__name__)")
    r = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert r.stdout.splitlines() == ["[]", "redactd.core._scan"]
