"""The four RPCs, health and reflection over a real channel."""
from __future__ import annotations

import logging

import grpc
import pytest
from google.protobuf import json_format, struct_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

from redactd import core
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.server import Server
from tests.conftest import SMALL_LIMIT

SYMBL = "Sure, my social security number is 222-44-5555 and I was born on 3rd of October 1982."
MIXED = ("Card 4111 1111 1111 1111, call (415) 555-2671, mail Jane.Roe@Example.com, "
         "IBAN GB82 WEST 1234 5698 7654 32, routing number 021000021, host 10.0.0.12, "
         "see https://example.com/a?b=1 on 2024-02-29.")


def record(d: dict) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(d)
    return s


def status_of(call, *args) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.RpcError) as info:
        result = call(*args)
        if not isinstance(result, pb.RedactResponse | pb.IdentifyEntitiesResponse | pb.ApplyPolicyResponse):
            list(result)
    return info.value.code(), info.value.details()


# ---------------------------------------------------------------- Redact

def test_symbl_mask_example(stub):
    r = stub.Redact(pb.RedactRequest(text=SYMBL, redaction=pb.RedactionConfig(style=pb.REDACTION_STYLE_MASK),
                                     include_entities=True))
    assert r.text == "Sure, my social security number is **** and I was born on ****."
    ssn, dob = r.entities
    assert (ssn.type, ssn.offset, ssn.length, ssn.value) == ("SSN", 35, 11, "222445555")
    assert (dob.type, dob.text, dob.value) == ("DATE_OF_BIRTH", "3rd of October 1982", "1982-10-03")
    assert ssn.redacted_offset == 35 and dob.redacted_offset == 58


def test_redact_labels_every_type(stub):
    r = stub.Redact(pb.RedactRequest(text=MIXED, include_entities=True))
    types = [e.type for e in r.entities]
    assert types == ["CREDIT_CARD_NUMBER", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN",
                     "US_BANK_ROUTING_NUMBER", "IP_ADDRESS", "URL", "DATE"]
    assert "[CREDIT_CARD_NUMBER], call [PHONE_NUMBER], mail [EMAIL_ADDRESS]" in r.text
    for e in r.entities:
        assert MIXED[e.offset:e.offset + e.length] == e.text
        assert r.text[e.redacted_offset:e.redacted_offset + len(e.replacement)] == e.replacement
    assert {e.type: e.value for e in r.entities}["PHONE_NUMBER"] == "+14155552671"


def test_redact_without_include_entities_returns_none(stub):
    r = stub.Redact(pb.RedactRequest(text=SYMBL))
    assert r.text.count("[") == 2 and not r.entities


def test_numbered_labels_follow_values(stub):
    text = "a@x.com wrote to b@y.com, then A@X.com again"
    r = stub.Redact(pb.RedactRequest(text=text, redaction=pb.RedactionConfig(style=pb.REDACTION_STYLE_NUMBERED_LABEL)))
    assert r.text == "[EMAIL_ADDRESS_1] wrote to [EMAIL_ADDRESS_2], then [EMAIL_ADDRESS_1] again"


def test_custom_redaction_string_and_operators(stub):
    cfg = pb.RedactionConfig(style=pb.REDACTION_STYLE_MASK, redaction_string="[****]", operators={
        "CREDIT_CARD_NUMBER": pb.Operator(mask=pb.Mask(mask_char="#", keep_last=4)),
        "EMAIL_ADDRESS": pb.Operator(replace=pb.Replace(value="<email>")),
        "DATE": pb.Operator(keep=pb.Keep()),
    })
    r = stub.Redact(pb.RedactRequest(text=MIXED, redaction=cfg))
    assert r.text.startswith("Card #### #### #### 1111, call [****], mail <email>,")
    assert r.text.endswith("on 2024-02-29.")


def test_detection_filters(stub):
    only = pb.DetectionConfig(entity_types=["EMAIL_ADDRESS", "IBAN"])
    r = stub.Redact(pb.RedactRequest(text=MIXED, detection=only, include_entities=True))
    assert [e.type for e in r.entities] == ["EMAIL_ADDRESS", "IBAN"]
    excl = pb.DetectionConfig(exclude=["URL", "DATE"])
    r = stub.Redact(pb.RedactRequest(text=MIXED, detection=excl))
    assert "https://example.com/a?b=1" in r.text and "2024-02-29" in r.text
    high = pb.DetectionConfig(min_score=0.99)
    r = stub.Redact(pb.RedactRequest(text=MIXED, detection=high, include_entities=True))
    assert {e.type for e in r.entities} == {"CREDIT_CARD_NUMBER", "EMAIL_ADDRESS", "IBAN"}


def test_default_region_for_national_phone_numbers(stub):
    text = "ring 020 7946 0958 tonight"
    us = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text))
    gb = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(
        text=text, detection=pb.DetectionConfig(default_region="GB")))
    # no US number: kept after the strong cue "ring", at the lower score, as its digits
    assert [(e.type, e.value, round(e.score, 2)) for e in us.entities] == [("PHONE_NUMBER", "02079460958", 0.6)]
    assert [(e.type, e.value) for e in gb.entities] == [("PHONE_NUMBER", "+442079460958")]


def test_phone_regions_for_national_phone_numbers(stub):
    text = "Büro 030 123456, mobil 0171 1234567"
    us = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text))
    de = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(
        text=text, detection=pb.DetectionConfig(phone_regions=["FR", "DE"])))
    assert not us.entities
    assert [(e.type, e.value) for e in de.entities] == [("PHONE_NUMBER", "+4930123456"),
                                                        ("PHONE_NUMBER", "+491711234567")]


def test_server_default_phone_regions_apply_when_a_request_names_none():
    srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.5, phone_regions=("DE",)))
    try:
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            text = "ruf an: 030 123456"
            plain = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text))
            only = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(
                text=text, detection=pb.DetectionConfig(entity_types=["PHONE_NUMBER"])))
            own = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(
                text=text, detection=pb.DetectionConfig(phone_regions=["FR"])))
            stream = stub.StreamRedact(iter([pb.StreamRedactRequest(config=pb.StreamConfig()),
                                             pb.StreamRedactRequest(text=text)]))
            assert [e.value for e in plain.entities] == [e.value for e in only.entities] == ["+4930123456"]
            assert not own.entities  # the request's own list replaces the default
            assert "".join(r.text for r in stream) == "ruf an: [PHONE_NUMBER]"
    finally:
        srv.stop(0).wait()


@pytest.mark.parametrize("unit, offset, length", [
    (pb.OFFSET_UNIT_CODE_POINT, 5, 11), (pb.OFFSET_UNIT_UTF8_BYTE, 11, 11), (pb.OFFSET_UNIT_UTF16_CODE_UNIT, 6, 11)])
def test_offset_units(stub, unit, offset, length):
    text = "é😀 → 222-44-5555 ok"
    r = stub.Redact(pb.RedactRequest(text=text, detection=pb.DetectionConfig(offset_unit=unit),
                                     include_entities=True))
    (e,) = r.entities
    assert (e.offset, e.length, e.redacted_offset) == (offset, length, offset)


# ---------------------------------------------------------------- IdentifyEntities

def test_identify_returns_entities_without_replacements(stub):
    r = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=SYMBL))
    assert [(e.type, e.text) for e in r.entities] == [
        ("SSN", "222-44-5555"), ("DATE_OF_BIRTH", "3rd of October 1982")]
    assert all(e.replacement == "" for e in r.entities)


# ---------------------------------------------------------------- ApplyPolicy

@pytest.mark.parametrize("policy, expected", [
    ("sms_outbound", {"dst": "19177220***", "text": "***Text Content Redacted***"}),
    ("sms_outbound_content_only", {"dst": "19177220***", "text": "Your code is 1234"}),
    ("sms_outbound_number_only", {"dst": "19177220741", "text": "***Text Content Redacted***"}),
])
def test_sms_outbound_presets(stub, policy, expected):
    rec = {"src": "14155550100", "dst": "19177220741", "text": "Your code is 1234"}
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy=policy, record=record(rec)))
    assert json_format.MessageToDict(r.record) == {"src": "14155550100", **expected}


def test_sms_inbound_preset(stub):
    rec = {"from_number": "+1 (917) 722-0741", "to_number": "14155550100", "text": "hi"}
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="sms_inbound", record=record(rec)))
    assert json_format.MessageToDict(r.record) == {
        "from_number": "+1 (917) 722-0***", "to_number": "14155550100",
        "text": "***Text Content Redacted***"}
    assert [(a.field, a.action) for a in r.actions] == [("from_number", "mask"), ("text", "replace")]


def test_numeric_json_field_is_masked_as_digits(stub):
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="sms_outbound", record=record({"dst": 19177220741})))
    assert json_format.MessageToDict(r.record) == {"dst": "19177220***"}


def test_scan_policy_reaches_nested_fields_and_reports_types(stub):
    rec = {"messages": [{"text": "my ssn is 222-44-5555"}, {"text": "call 415-555-2671"}], "n": 3}
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="scan_all", record=record(rec)))
    out = json_format.MessageToDict(r.record)
    assert out["messages"] == [{"text": "my ssn is [SSN]"}, {"text": "call [PHONE_NUMBER]"}]
    assert out["n"] == 3
    found = {a.field: list(a.entity_types) for a in r.actions if a.entity_types}
    assert found == {"messages[0].text": ["SSN"], "messages[1].text": ["PHONE_NUMBER"]}
    assert "222-44-5555" not in str(r.actions)


# ---------------------------------------------------------------- StreamRedact

def stream_requests(config: pb.StreamConfig, chunks, flush_after=()):
    yield pb.StreamRedactRequest(config=config)
    for i, chunk in enumerate(chunks):
        yield pb.StreamRedactRequest(text=chunk)
        if i in flush_after:
            yield pb.StreamRedactRequest(flush=True)


def test_stream_equals_redact_for_random_chunkings(stub, rng):
    text = (MIXED + " " + SYMBL + " ") * 4
    cfg = pb.RedactionConfig(style=pb.REDACTION_STYLE_NUMBERED_LABEL)
    whole = stub.Redact(pb.RedactRequest(text=text, redaction=cfg, include_entities=True))
    for _ in range(5):
        cuts = sorted(rng.sample(range(1, len(text)), rng.randrange(1, 60)))
        chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        out = list(stub.StreamRedact(stream_requests(
            pb.StreamConfig(redaction=cfg, include_entities=True), chunks)))
        assert "".join(r.text for r in out) == whole.text
        assert [e for r in out for e in r.entities] == list(whole.entities)


def test_stream_one_character_chunks(stub):
    out = list(stub.StreamRedact(stream_requests(pb.StreamConfig(), list(SYMBL))))
    assert "".join(r.text for r in out) == stub.Redact(pb.RedactRequest(text=SYMBL)).text


def test_stream_flush_releases_held_back_tail(stub):
    # "call " is out at once; the number, which could still grow, only at the flush
    responses = stub.StreamRedact(stream_requests(pb.StreamConfig(), ["call 415-555-26", "71"], flush_after={1}))
    assert next(responses).text == "call "
    assert next(responses).text == "[PHONE_NUMBER]"


def test_stream_identify_only(stub):
    out = list(stub.StreamRedact(stream_requests(pb.StreamConfig(identify_only=True), [SYMBL])))
    assert "".join(r.text for r in out) == SYMBL
    assert [e.type for r in out for e in r.entities] == ["SSN", "DATE_OF_BIRTH"]


def test_stream_holds_back_a_bounded_tail(stub):
    text = "word " * 400
    out = list(stub.StreamRedact(stream_requests(pb.StreamConfig(), [text], flush_after={0})))
    assert len(out[0].text) >= len(text) - core.HOLDBACK
    assert "".join(r.text for r in out) == text


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("request_, field", [
    (pb.RedactRequest(text="x", detection=pb.DetectionConfig(entity_types=["NOPE"])), "detection.entity_types"),
    (pb.RedactRequest(text="x", detection=pb.DetectionConfig(exclude=["NOPE"])), "detection.exclude"),
    (pb.RedactRequest(text="x", detection=pb.DetectionConfig(default_region="ZZ")), "detection.default_region"),
    (pb.RedactRequest(text="x", detection=pb.DetectionConfig(phone_regions=["DE", "ZZ"])),
     "detection.phone_regions"),
    (pb.RedactRequest(text="x", detection=pb.DetectionConfig(min_score=2)), "detection.min_score"),
    (pb.RedactRequest(text="x", redaction=pb.RedactionConfig(redaction_string="x" * 17)), "redaction.redaction_string"),
    (pb.RedactRequest(text="x", redaction=pb.RedactionConfig(operators={"NOPE": pb.Operator(keep=pb.Keep())})),
     "redaction.operators"),
    (pb.RedactRequest(text="x", redaction=pb.RedactionConfig(operators={"SSN": pb.Operator()})),
     "redaction.operators[SSN]"),
])
def test_invalid_argument_names_the_field(stub, request_, field):
    code, details = status_of(stub.Redact, request_)
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert details.startswith(field + ":")


def test_text_over_the_limit(stub):
    code, details = status_of(stub.Redact, pb.RedactRequest(text="a" * (SMALL_LIMIT + 1)))
    assert code == grpc.StatusCode.RESOURCE_EXHAUSTED and details.startswith("text:")
    code, _ = status_of(stub.IdentifyEntities, pb.IdentifyEntitiesRequest(text="é" * (SMALL_LIMIT // 2 + 1)))
    assert code == grpc.StatusCode.RESOURCE_EXHAUSTED


def test_record_over_the_limit(stub):
    req = pb.ApplyPolicyRequest(policy="scan_all", record=record({"t": "a" * SMALL_LIMIT}))
    code, details = status_of(stub.ApplyPolicy, req)
    assert code == grpc.StatusCode.RESOURCE_EXHAUSTED and details.startswith("record:")


def test_unknown_policy_and_missing_record(stub):
    code, details = status_of(stub.ApplyPolicy, pb.ApplyPolicyRequest(policy="nope", record=record({})))
    assert code == grpc.StatusCode.NOT_FOUND and "nope" in details
    code, details = status_of(stub.ApplyPolicy, pb.ApplyPolicyRequest(policy="sms_outbound"))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and details.startswith("record:")


def test_stream_protocol_errors(stub):
    code, details = status_of(stub.StreamRedact, iter([pb.StreamRedactRequest(text="hi")]))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and details.startswith("config:")
    twice = [pb.StreamRedactRequest(config=pb.StreamConfig())] * 2
    code, details = status_of(stub.StreamRedact, iter(twice))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "only once" in details
    big = [pb.StreamRedactRequest(config=pb.StreamConfig()), pb.StreamRedactRequest(text="a" * (SMALL_LIMIT + 1))]
    code, details = status_of(stub.StreamRedact, iter(big))
    assert code == grpc.StatusCode.RESOURCE_EXHAUSTED and details.startswith("text:")
    bad = pb.StreamConfig(redaction=pb.RedactionConfig(redaction_string="y" * 20))
    code, details = status_of(stub.StreamRedact, iter([pb.StreamRedactRequest(config=bad)]))
    assert details.startswith("config.redaction.redaction_string:")


def test_server_keeps_serving_after_errors(stub):
    for _ in range(3):
        status_of(stub.Redact, pb.RedactRequest(text="x", detection=pb.DetectionConfig(entity_types=["NOPE"])))
    assert stub.Redact(pb.RedactRequest(text="ssn 222-44-5555")).text == "ssn [SSN]"


def test_internal_error_returns_status_and_never_leaks(stub, monkeypatch, caplog):
    secret = "222-44-5555"

    def broken(text, *args, **kwargs):
        raise RuntimeError(f"boom while reading {text}")

    monkeypatch.setattr(core, "redact_text", broken)
    monkeypatch.setattr(core, "redact_only", broken)  # Redact without entities
    with caplog.at_level(logging.DEBUG):
        code, details = status_of(stub.Redact, pb.RedactRequest(text=f"my ssn is {secret}"))
    assert code == grpc.StatusCode.INTERNAL
    assert secret not in details
    assert "RuntimeError" in caplog.text and secret not in caplog.text


# ---------------------------------------------------------------- health, reflection

def test_health_serving(channel):
    health = health_pb2_grpc.HealthStub(channel)
    for name in ("", "redact.v1.RedactorService"):
        assert health.Check(health_pb2.HealthCheckRequest(service=name)).status == \
            health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_the_service(channel):
    db = ProtoReflectionDescriptorDatabase(channel)
    services = db.get_services()
    assert "redact.v1.RedactorService" in services and "grpc.health.v1.Health" in services
    desc = db.FindFileContainingSymbol("redact.v1.RedactorService")
    assert desc.package == "redact.v1"


def test_stream_numbering_memory_is_bounded(monkeypatch, stub):
    import redactd.core.stream
    monkeypatch.setattr(core.stream, "NUMBERED_VALUES", 3)
    emails = [f"user{i}@example.com " for i in range(5)]
    cfg = pb.StreamConfig(redaction=pb.RedactionConfig(style=pb.REDACTION_STYLE_NUMBERED_LABEL))
    code, details = status_of(stub.StreamRedact, stream_requests(cfg, emails, flush_after=set(range(5))))
    assert code == grpc.StatusCode.RESOURCE_EXHAUSTED and details.startswith("redaction:")
    assert "user" not in details


def test_the_bench_echo_is_served_as_redact_is():
    # the baseline `make bench` compares unary Redact with: the same server, registered and
    # parsed the same way (and nothing of it without --bench-echo)
    from redactd.servicer import ECHO_SERVICE
    for bench_echo in (True, False):
        s = Server(Settings(address="127.0.0.1:0", bench_echo=bench_echo))
        try:
            with grpc.insecure_channel(f"127.0.0.1:{s.port}") as channel:
                echo = channel.unary_unary(f"/{ECHO_SERVICE}/Echo",
                                           request_serializer=pb.RedactRequest.SerializeToString,
                                           response_deserializer=pb.RedactResponse.FromString)
                if bench_echo:
                    assert echo(pb.RedactRequest(text="ssn 222-44-5555"), timeout=10).text == "ssn 222-44-5555"
                    assert echo(pb.RedactRequest(), timeout=10).text == ""
                else:
                    with pytest.raises(grpc.RpcError) as err:
                        echo(pb.RedactRequest(text="x"), timeout=10)
                    assert err.value.code() == grpc.StatusCode.UNIMPLEMENTED
        finally:
            s.stop(0)
