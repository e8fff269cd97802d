"""Callers and permissions over a real channel: who may call which RPC, policy and
keyed operator; the open mode's refusal of keyed operators; audit lines; the schema."""
from __future__ import annotations

import hashlib
import json
import logging

import grpc
import pytest
from google.protobuf import json_format, struct_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from redactd import cli
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.callers import CallersError, load_callers, parse_callers, parse_doc
from redactd.config import Settings
from redactd.server import Server
from tests.test_operators_policies import keys_json

SSN_TEXT = "ssn 222-44-5555"
TOKENS = {name: f"token-of-{name}-0123456789" for name in ("support", "analyst", "hasher", "numbers")}
CALLERS_YAML = f"""\
callers:
  - name: support          # everything, Reveal included
    token_sha256: {hashlib.sha256(TOKENS['support'].encode()).hexdigest()}
    rpcs: "*"
    policies: "*"
    operators: [encrypt, hash, surrogate, reveal]
  - name: analyst          # labels only
    token_sha256: {hashlib.sha256(TOKENS['analyst'].encode()).hexdigest()}
    rpcs: [Redact, IdentifyEntities, ApplyPolicy]
    policies: [sms_outbound]
  - name: hasher           # hash tokens, not encryption
    token_sha256: {hashlib.sha256(TOKENS['hasher'].encode()).hexdigest()}
    rpcs: [Redact, BatchRedact, StreamRedact, ApplyPolicy]
    policies: [sms_outbound]
    operators: [hash]
  - name: numbers          # one keyed policy, which covers the operators it uses
    token_sha256: {hashlib.sha256(TOKENS['numbers'].encode()).hexdigest()}
    rpcs: [ApplyPolicy]
    policies: [record_number_encrypted]
"""


def record(d: dict) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(d)
    return s


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("callers")
    (d / "keys.json").write_text(keys_json("k1"))
    (d / "callers.yaml").write_text(CALLERS_YAML)
    return d


@pytest.fixture(scope="module")
def guarded(files):
    srv = Server(Settings(address="127.0.0.1:0", threads=4, grace=0.5, keys_file=str(files / "keys.json"),
                          callers_file=str(files / "callers.yaml")))
    yield srv
    srv.stop(0).wait()


@pytest.fixture(scope="module")
def stub(guarded):
    with grpc.insecure_channel(f"127.0.0.1:{guarded.port}") as ch:
        yield redact_pb2_grpc.RedactorServiceStub(ch)


def auth(name: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {TOKENS.get(name, name)}"),)


def ssn_encrypt(style: str = "encrypt") -> pb.RedactionConfig:
    return pb.RedactionConfig(operators={"SSN": pb.Operator(**{style: getattr(pb, style.capitalize())()})})


def call(stub, rpc: str, who: str | None = None, redaction: pb.RedactionConfig | None = None, policy: str = ""):
    md = auth(who) if who else ()
    if rpc == "Redact":
        return stub.Redact(pb.RedactRequest(text=SSN_TEXT, redaction=redaction), metadata=md).text
    if rpc == "BatchRedact":
        return stub.BatchRedact(pb.BatchRedactRequest(texts=[SSN_TEXT], redaction=redaction), metadata=md).results[0].text
    if rpc == "IdentifyEntities":
        return stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=SSN_TEXT), metadata=md).entities[0].type
    if rpc == "StreamRedact":
        config = pb.StreamConfig(redaction=redaction)
        return "".join(r.text for r in stub.StreamRedact(iter([pb.StreamRedactRequest(config=config),
                                                              pb.StreamRedactRequest(text=SSN_TEXT)]), metadata=md))
    if rpc == "ApplyPolicy":
        r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy=policy, record=record({"dst": "19177220741", "to": "+1 917-722-0741"})),
                             metadata=md)
        return json_format.MessageToDict(r.record)
    return list(stub.Reveal(pb.RevealRequest(tokens=[policy]), metadata=md).values)


def refusal(*args, **kwargs) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.RpcError) as info:
        call(*args, **kwargs)
    return info.value.code(), info.value.details()


# ---------------------------------------------------------------- with a callers file

@pytest.mark.parametrize("rpc", ["Redact", "BatchRedact", "IdentifyEntities", "StreamRedact", "ApplyPolicy", "Reveal"])
@pytest.mark.parametrize("who", [None, "not-a-known-token"])
def test_an_unknown_caller_is_unauthenticated(stub, rpc, who):
    code, message = refusal(stub, rpc, who, policy="sms_outbound")
    assert code == grpc.StatusCode.UNAUTHENTICATED
    assert message.startswith("authorization: not a known caller")


def test_health_needs_no_caller_and_reflection_a_listed_one(guarded):
    from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase
    with grpc.insecure_channel(f"127.0.0.1:{guarded.port}") as ch:
        status = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest()).status
        assert status == health_pb2.HealthCheckResponse.SERVING
        with pytest.raises(grpc.RpcError) as info:
            ProtoReflectionDescriptorDatabase(ch).get_services()
        assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with grpc.insecure_channel(f"127.0.0.1:{guarded.port}") as ch:
        from tests.test_operators_policies import Bearer
        listed = grpc.intercept_channel(ch, Bearer(TOKENS["analyst"]))
        assert "redact.v1.RedactorService" in ProtoReflectionDescriptorDatabase(listed).get_services()


@pytest.mark.parametrize("who, rpc, kwargs, message", [
    ("analyst", "BatchRedact", {}, "BatchRedact: caller 'analyst' lacks permission rpcs: BatchRedact"),
    ("analyst", "StreamRedact", {}, "StreamRedact: caller 'analyst' lacks permission rpcs: StreamRedact"),
    ("analyst", "Reveal", {"policy": "enc_k1_AAAA"}, "Reveal: caller 'analyst' lacks permission operators: reveal"),
    ("hasher", "Reveal", {"policy": "enc_k1_AAAA"}, "Reveal: caller 'hasher' lacks permission operators: reveal"),
    ("analyst", "Redact", {"redaction": ssn_encrypt("hash")},
     "redaction.operators[SSN]: caller 'analyst' lacks permission operators: hash"),
    ("hasher", "Redact", {"redaction": ssn_encrypt()},
     "redaction.operators[SSN]: caller 'hasher' lacks permission operators: encrypt"),
    ("hasher", "BatchRedact", {"redaction": ssn_encrypt("surrogate")},
     "redaction.operators[SSN]: caller 'hasher' lacks permission operators: surrogate"),
    ("hasher", "StreamRedact", {"redaction": ssn_encrypt()},
     "config.redaction.operators[SSN]: caller 'hasher' lacks permission operators: encrypt"),
    ("hasher", "ApplyPolicy", {"policy": "record_number_encrypted"},
     "policy: caller 'hasher' lacks permission policies: record_number_encrypted"),
    ("numbers", "ApplyPolicy", {"policy": "sms_outbound"},
     "policy: caller 'numbers' lacks permission policies: sms_outbound"),
    ("numbers", "ApplyPolicy", {"policy": "no_such_policy"},  # not NOT_FOUND: nothing learnt about other policies
     "policy: caller 'numbers' lacks permission policies: no_such_policy"),
    ("numbers", "Redact", {}, "Redact: caller 'numbers' lacks permission rpcs: Redact"),
])
def test_a_forbidden_use_is_refused_naming_the_permission(stub, who, rpc, kwargs, message):
    assert refusal(stub, rpc, who, **kwargs) == (grpc.StatusCode.PERMISSION_DENIED, message)


def test_allowed_uses_pass(stub):
    assert call(stub, "Redact", "analyst") == "ssn [SSN]"
    assert call(stub, "IdentifyEntities", "analyst") == "SSN"
    assert call(stub, "ApplyPolicy", "analyst", policy="sms_outbound")["dst"] == "19177220***"
    hashed = call(stub, "Redact", "hasher", ssn_encrypt("hash"))
    assert hashed.startswith("ssn tok_") and call(stub, "BatchRedact", "hasher", ssn_encrypt("hash")) == hashed
    assert call(stub, "StreamRedact", "hasher", ssn_encrypt("hash")) == hashed
    # the policy permission covers the operators the policy's author chose
    to = call(stub, "ApplyPolicy", "numbers", policy="record_number_encrypted")["to"]
    assert to.startswith("enc_k1_")
    assert call(stub, "Reveal", "support", policy=to) == ["+19177220741"]
    encrypted = call(stub, "Redact", "support", ssn_encrypt())
    assert encrypted.startswith("ssn enc_k1_")


def test_refusals_and_reveals_are_audited_without_content(stub, caplog):
    with caplog.at_level(logging.INFO, "redactd.audit"):
        token = call(stub, "Redact", "support", ssn_encrypt()).removeprefix("ssn ")
        assert call(stub, "Reveal", "support", policy=token) == ["222445555"]
        refusal(stub, "Redact", "hasher", redaction=ssn_encrypt())
        refusal(stub, "Reveal", "analyst", policy=token)
        refusal(stub, "Redact", "not-a-known-token")
        refusal(stub, "ApplyPolicy", "numbers", policy="222-44-5555")  # a caller's string is not logged
    lines = [r.getMessage() for r in caplog.records if r.name == "redactd.audit"]
    assert lines == [
        "caller=support rpc=Reveal permission=operators:reveal outcome=allowed",
        "caller=hasher rpc=Redact permission=operators:encrypt outcome=PERMISSION_DENIED",
        "caller=analyst rpc=Reveal permission=operators:reveal outcome=PERMISSION_DENIED",
        "caller=unknown rpc=Redact permission=caller outcome=UNAUTHENTICATED",
        "caller=numbers rpc=ApplyPolicy permission=policies:<unknown> outcome=PERMISSION_DENIED",
    ]
    logged = caplog.text
    for secret in ("222-44", "222445555", token, *TOKENS.values(), "not-a-known-token",
                   *(hashlib.sha256(t.encode()).hexdigest() for t in TOKENS.values())):
        assert secret not in logged


def test_reload_takes_a_new_callers_file_and_keeps_the_last_good_one(files, tmp_path, caplog):
    path = tmp_path / "callers.json"
    path.write_text(json.dumps({"callers": [{"name": "a", "token_sha256": hashlib.sha256(b"ta").hexdigest(),
                                             "rpcs": ["Redact"]}]}))
    srv = Server(Settings(address="127.0.0.1:0", threads=1, grace=0.5, callers_file=str(path)))
    try:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            assert call(stub, "Redact", "ta") == "ssn [SSN]"
            path.write_text(json.dumps({"callers": [{"name": "b", "token_sha256": hashlib.sha256(b"tb").hexdigest(),
                                                     "rpcs": ["Redact"]}]}))
            srv.reload()  # what SIGHUP calls
            assert call(stub, "Redact", "tb") == "ssn [SSN]"
            assert refusal(stub, "Redact", "ta")[0] == grpc.StatusCode.UNAUTHENTICATED
            path.write_text('{"callers": [{"name": "c", "token": "tc"}]}')
            srv.reload()
            assert call(stub, "Redact", "tb") == "ssn [SSN]"
        assert any(r.getMessage().startswith(f"callers reload failed, keeping the previous callers: {path}: "
                                             "callers[0]: unknown key 'token'") for r in caplog.records)
    finally:
        srv.stop(0).wait()


# ---------------------------------------------------------------- without a callers file

@pytest.fixture(scope="module", params=[False, True], ids=["default", "allowed"])
def open_stub(files, request):
    srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.5, keys_file=str(files / "keys.json"),
                          allow_keyed_operators_without_auth=request.param))
    with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
        yield redact_pb2_grpc.RedactorServiceStub(ch), request.param
    srv.stop(0).wait()


@pytest.mark.parametrize("rpc, kwargs, message", [
    ("Redact", {"redaction": ssn_encrypt()},
     "redaction.operators[SSN]: encrypt needs --allow-keyed-operators-without-auth or a callers file"),
    ("BatchRedact", {"redaction": ssn_encrypt("hash")},
     "redaction.operators[SSN]: hash needs --allow-keyed-operators-without-auth or a callers file"),
    ("StreamRedact", {"redaction": ssn_encrypt("surrogate")},
     "config.redaction.operators[SSN]: surrogate needs --allow-keyed-operators-without-auth or a callers file"),
    ("ApplyPolicy", {"policy": "record_number_encrypted"},
     "policy: 'record_number_encrypted' uses encrypt, which needs --allow-keyed-operators-without-auth "
     "or a callers file"),
])
def test_keyed_operators_without_callers_need_the_flag(open_stub, rpc, kwargs, message):
    stub, allowed = open_stub
    if allowed:
        out = call(stub, rpc, **kwargs)
        assert out["to"].startswith("enc_k1_") if rpc == "ApplyPolicy" else out.startswith("ssn ") and "222" not in out
    else:
        assert refusal(stub, rpc, **kwargs) == (grpc.StatusCode.PERMISSION_DENIED, message)


def test_without_callers_the_rest_is_open_and_reveal_closed(open_stub):
    stub, _ = open_stub
    assert call(stub, "Redact") == "ssn [SSN]"
    assert call(stub, "Redact", redaction=ssn_encrypt("mask")) == "ssn ***-**-****"
    assert call(stub, "ApplyPolicy", policy="sms_outbound")["dst"] == "19177220***"
    assert refusal(stub, "Reveal", "anyone", policy="enc_k1_AAAA") == (
        grpc.StatusCode.PERMISSION_DENIED, "Reveal: needs a callers file that grants operators: [reveal]")


# ---------------------------------------------------------------- the file's schema

def caller(**fields) -> dict:
    return {"callers": [{"name": "a", "token_sha256": "0" * 64, **fields}]}


@pytest.mark.parametrize("doc, message", [
    ({"callers": [], "version": 1}, "unknown key 'version'; the file has one key, callers"),
    ([], "must be a mapping with one key, callers"),
    ({"callers": {}}, "callers: must be a list"),
    (caller(rpc=["Redact"]), "callers[0]: unknown key 'rpc'; known keys: name, token_sha256, subject, rpcs, "
                             "policies, operators"),
    (caller(rpcs=["Redcat"]), "callers[0].rpcs: unknown RPC 'Redcat'; one of Redact, BatchRedact, "
                              "IdentifyEntities, ApplyPolicy, StreamRedact"),
    (caller(rpcs=["Reveal"]), "callers[0].rpcs: unknown RPC 'Reveal' (Reveal is granted by operators: [reveal])"),
    (caller(rpcs="Redact"), "callers[0].rpcs: must be a list of names or \"*\""),
    (caller(operators=["decrypt"]), "callers[0].operators: unknown operator 'decrypt'; one of encrypt, hash, "
                                    "surrogate, reveal"),
    (caller(operators="*"), "callers[0].operators: must be a list of names"),
    (caller(policies=["nope"]), "callers[0].policies: unknown policy 'nope'"),
    (caller(token_sha256="abc"), "callers[0].token_sha256: must be 64 hex digits"),
    ({"callers": [{"name": "a"}]}, "callers[0]: needs token_sha256 or subject (or both)"),
    ({"callers": [{"token_sha256": "0" * 64}]}, "callers[0].name: must be a non-empty name"),
    ({"callers": [{"name": "a", "subject": "CN=a"}, {"name": "a", "subject": "CN=b"}]},
     "callers[1].name: the same as callers[0]'s"),
    ({"callers": [{"name": "a", "subject": "CN=a"}, {"name": "b", "subject": "CN=a"}]},
     "callers[1].subject: the same as callers[0]'s"),
    ({"callers": [{"name": "a", "token_sha256": "A" * 64}, {"name": "b", "token_sha256": "a" * 64}]},
     "callers[1].token_sha256: the same as callers[0]'s"),
])
def test_the_schema_is_strict(doc, message):
    with pytest.raises(CallersError) as info:
        parse_callers(doc, policies=("sms_outbound",))
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("suffix, text, message", [
    (".yaml", "callers:\n  - name: a\n    name: b\n", "key 'name' is given twice"),
    (".json", '{"callers": [{"name": "a", "name": "b"}]}', "key 'name' is given twice"),
    (".yaml", "callers: [", "not YAML: "),
    (".json", "callers: []", "not JSON: "),
])
def test_a_file_that_does_not_parse_names_the_file_and_reason(tmp_path, suffix, text, message):
    path = tmp_path / f"callers{suffix}"
    path.write_text(text)
    with pytest.raises(CallersError) as info:
        load_callers(str(path))
    assert str(info.value).startswith(f"{path}: {message}")


def test_yaml_and_json_files_say_the_same(tmp_path):
    as_yaml = parse_doc(CALLERS_YAML, is_json=False)
    (tmp_path / "c.json").write_text(json.dumps(as_yaml))
    (tmp_path / "c.yml").write_text(CALLERS_YAML)
    assert load_callers(str(tmp_path / "c.json")).all == load_callers(str(tmp_path / "c.yml")).all


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_refuses_a_bad_callers_file_before_serving(tmp_path, capsys, workers):
    path = tmp_path / "callers.yaml"
    path.write_text("callers:\n  - name: a\n    subject: CN=a\n    operators: [decrypt]\n")
    assert cli.main(["serve", "--address", "127.0.0.1:0", "--workers", workers, "--callers", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"redactd: {path}: callers[0].operators: unknown operator 'decrypt'")


def test_the_old_reveal_callers_flag_says_what_replaced_it(tmp_path, capsys):
    assert cli.main(["serve", "--address", "127.0.0.1:0", "--reveal-callers", str(tmp_path / "x.json")]) == 2
    assert "--reveal-callers: replaced by --callers FILE" in capsys.readouterr().err


def test_the_readme_callers_example_loads(files):
    import pathlib
    import re
    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text()
    (example,) = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if b.startswith("callers:")]
    from redactd.policies import load_policies
    from tests.test_operators_policies import KEYS
    callers = parse_callers(parse_doc(example, is_json=False), policies=load_policies(keys=KEYS))
    support, billing, etl = callers.all
    assert support.operators == {"reveal"} and billing.policies == {"sms_outbound", "record_content_only"}
    assert callers.identify("etl-token", "CN=etl,O=Example") is etl
    assert callers.identify("etl-token", None) is None and callers.identify(None, "CN=etl,O=Example") is None
    assert callers.identify(None, "CN=billing,O=Example") is billing and callers.identify("test", None) is support


@pytest.mark.parametrize("who, code", [("hasher", grpc.StatusCode.INVALID_ARGUMENT),
                                       ("nobody", grpc.StatusCode.UNAUTHENTICATED)])
def test_a_request_that_does_not_parse_is_still_checked_first(guarded, who, code):
    with grpc.insecure_channel(f"127.0.0.1:{guarded.port}") as ch:
        raw = ch.unary_unary("/redact.v1.RedactorService/Redact")
        with pytest.raises(grpc.RpcError) as info:
            raw(b"\x0a\x02\xff\xfe", metadata=auth(who))  # text: not UTF-8
    assert info.value.code() == code
