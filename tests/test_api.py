"""The API's conventions: buf's STANDARD naming seen from the descriptors, rich error
details (google.rpc.BadRequest on every INVALID_ARGUMENT), reflection v1 and v1alpha."""
from __future__ import annotations

import re

import grpc
import pytest
from google.protobuf import descriptor_pb2
from google.rpc import error_details_pb2
from grpc_reflection.v1alpha import reflection_pb2 as v1alpha
from grpc_status import rpc_status

from redactd_client.api.redact.v1 import redact_pb2 as pb
from tests.conftest import SMALL_LIMIT

SECRET = "123-45-6789 secret.person@example.com"


def _enums(descriptor):
    yield from descriptor.enum_types_by_name.values()
    for message in descriptor.message_types_by_name.values():
        yield from _enums(message) if hasattr(message, "message_types_by_name") else ()
        yield from message.enum_types


def test_enums_have_prefixed_values_and_an_unspecified_zero():
    enums = {e.full_name: e for e in _enums(pb.DESCRIPTOR)}
    assert {"redact.v1.OffsetUnit", "redact.v1.RedactionStyle", "redact.v1.Policy.Default"} <= set(enums)
    for enum in enums.values():
        prefix = re.sub(r"(?<!^)(?=[A-Z])", "_", enum.name).upper() + "_"
        assert enum.values_by_number[0].name == prefix + "UNSPECIFIED", enum.full_name
        assert all(v.name.startswith(prefix) for v in enum.values), enum.full_name


def test_services_end_in_service():
    assert list(pb.DESCRIPTOR.services_by_name) == ["RedactorService"]


def test_the_unspecified_zero_values_mean_the_documented_defaults(stub):
    text = "mail a@b.co and a@b.co, ssn 123-45-6789"
    for style in (pb.REDACTION_STYLE_UNSPECIFIED, pb.REDACTION_STYLE_LABEL):
        r = stub.Redact(pb.RedactRequest(text=text, redaction=pb.RedactionConfig(style=style)))
        assert r.text == "mail [EMAIL_ADDRESS] and [EMAIL_ADDRESS], ssn [SSN]"
    text = "é mail a@b.co"
    offsets = {unit: [(e.offset, e.length) for e in stub.Redact(pb.RedactRequest(
        text=text, include_entities=True, detection=pb.DetectionConfig(offset_unit=unit))).entities]
        for unit in (pb.OFFSET_UNIT_UNSPECIFIED, pb.OFFSET_UNIT_CODE_POINT, pb.OFFSET_UNIT_UTF8_BYTE)}
    assert offsets[pb.OFFSET_UNIT_UNSPECIFIED] == offsets[pb.OFFSET_UNIT_CODE_POINT] == [(7, 6)]
    assert offsets[pb.OFFSET_UNIT_UTF8_BYTE] == [(8, 6)]


def _violations(exc: grpc.RpcError) -> list[tuple[str, str]]:
    status = rpc_status.from_call(exc)
    assert status is not None and status.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert status.message == exc.details()
    found = []
    for detail in status.details:
        bad = error_details_pb2.BadRequest()
        assert detail.Unpack(bad)
        found += [(v.field, v.description) for v in bad.field_violations]
    return found


def _stream(*requests):
    return iter(requests)


@pytest.mark.parametrize("call, field", [
    (lambda s: s.Redact(pb.RedactRequest(text=SECRET, detection=pb.DetectionConfig(offset_unit=9))),
     "detection.offset_unit"),
    (lambda s: s.Redact(pb.RedactRequest(text=SECRET, detection=pb.DetectionConfig(entity_types=["NOPE"]))),
     "detection.entity_types"),
    (lambda s: s.IdentifyEntities(pb.IdentifyEntitiesRequest(
        text=SECRET, detection=pb.DetectionConfig(recognizers=[pb.Recognizer(type="EMP", regex="(")]))),
     "detection.recognizers[0].regex"),
    (lambda s: s.BatchRedact(pb.BatchRedactRequest(texts=[SECRET], redaction=pb.RedactionConfig(style=9))),
     "redaction.style"),
    (lambda s: s.ApplyPolicy(pb.ApplyPolicyRequest(policy="sms_outbound")), "record"),
    (lambda s: list(s.StreamRedact(_stream(pb.StreamRedactRequest(text=SECRET)))), "config"),
])
def test_every_invalid_argument_carries_a_field_violation(stub, call, field):
    with pytest.raises(grpc.RpcError) as info:
        call(stub)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    violations = _violations(info.value)
    assert len(violations) == 1 and violations[0][0] == field, violations
    assert info.value.details() == f"{field}: {violations[0][1]}"
    assert "123-45" not in str(violations) and "secret.person" not in str(violations)


def test_an_undecodable_request_names_its_field_in_the_violation(channel):
    call = channel.unary_unary("/redact.v1.RedactorService/Redact", request_serializer=lambda b: b,
                               response_deserializer=lambda b: b)
    with pytest.raises(grpc.RpcError) as info:
        call(b"\x0a\x02\xff\xfe")  # text: two bytes that are not UTF-8
    assert _violations(info.value)[0][0] == "text"


def test_a_failed_text_of_a_batch_carries_its_own_status(stub):
    big = "x" * (SMALL_LIMIT + 1)
    r = stub.BatchRedact(pb.BatchRedactRequest(texts=["ssn 123-45-6789", big]))
    assert r.results[0].text == "ssn [SSN]" and not r.results[0].HasField("error")
    assert r.results[1].error.code == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]
    assert not r.results[1].error.details  # not a field violation: a limit


def test_other_codes_carry_no_bad_request_detail(stub):
    with pytest.raises(grpc.RpcError) as info:
        stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="no_such_policy", record={"a": "b"}))
    assert info.value.code() == grpc.StatusCode.NOT_FOUND
    status = rpc_status.from_call(info.value)
    assert status is not None and not status.details


def _reflect(channel, version: str, request: v1alpha.ServerReflectionRequest) -> v1alpha.ServerReflectionResponse:
    # v1 and v1alpha are the same messages under two package names: one pair of classes serves both
    call = channel.stream_stream(f"/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo",
                                 request_serializer=v1alpha.ServerReflectionRequest.SerializeToString,
                                 response_deserializer=v1alpha.ServerReflectionResponse.FromString)
    (response,) = list(call(iter([request])))
    return response


@pytest.mark.parametrize("version", ["v1", "v1alpha"])
def test_reflection_v1_and_v1alpha(channel, version):
    listed = _reflect(channel, version, v1alpha.ServerReflectionRequest(list_services=""))
    names = {s.name for s in listed.list_services_response.service}
    assert {"redact.v1.RedactorService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection"} <= names
    for symbol, package in (("redact.v1.RedactorService", "redact.v1"),
                            ("grpc.reflection.v1.ServerReflection", "grpc.reflection.v1")):
        r = _reflect(channel, version, v1alpha.ServerReflectionRequest(file_containing_symbol=symbol))
        files = [descriptor_pb2.FileDescriptorProto.FromString(b)
                 for b in r.file_descriptor_response.file_descriptor_proto]
        assert files and files[0].package == package
    missing = _reflect(channel, version, v1alpha.ServerReflectionRequest(file_containing_symbol="no.Such"))
    assert missing.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]
