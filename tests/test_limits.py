"""Bad input is INVALID_ARGUMENT naming the field; no replacement amplifies a request."""
from __future__ import annotations

import grpc
import pytest

from service.api.redact.v1 import redact_pb2 as pb


def refused(stub, request) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.RpcError) as info:
        stub.Redact(request)
    return info.value.code(), info.value.details()


def ops(**operators) -> pb.RedactionConfig:
    return pb.RedactionConfig(operators=operators)


@pytest.mark.parametrize("request_, field", [
    (pb.RedactRequest(text="x", detection=pb.DetectionConfig(offset_unit=99)), "detection.offset_unit"),
    (pb.RedactRequest(text="x", redaction=pb.RedactionConfig(style=7)), "redaction.style"),
    (pb.RedactRequest(text="x", redaction=ops(SSN=pb.Operator(replace=pb.Replace(value="v" * 257)))),
     "redaction.operators[SSN].replace.value"),
    (pb.RedactRequest(text="x", redaction=ops(SSN=pb.Operator(label=pb.Label(template="{n}" * 100)))),
     "redaction.operators[SSN].label.template"),
])
def test_unknown_enums_and_long_replacements_are_invalid(stub, request_, field):
    code, details = refused(stub, request_)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and details.startswith(field + ":")


def test_limits_are_inclusive(stub):
    r = stub.Redact(pb.RedactRequest(text="ssn 222-44-5555", redaction=ops(
        SSN=pb.Operator(replace=pb.Replace(value="v" * 256)))))
    assert r.text == "ssn " + "v" * 256


def test_a_mask_never_leaves_a_numeric_entity_fully_visible(stub):
    text = "card 4111 1111 1111 1111 and ssn 222-44-5555"
    r = stub.Redact(pb.RedactRequest(text=text, redaction=ops(
        CREDIT_CARD_NUMBER=pb.Operator(mask=pb.Mask(keep_last=4294967295)),
        SSN=pb.Operator(mask=pb.Mask(keep_last=9)))))
    assert r.text == "card **** **** **** **** and ssn ***-**-****"
    r = stub.Redact(pb.RedactRequest(text=text, redaction=ops(
        CREDIT_CARD_NUMBER=pb.Operator(mask=pb.Mask(keep_last=4)), SSN=pb.Operator(mask=pb.Mask(keep_last=8)))))
    assert r.text == "card **** **** **** 1111 and ssn *22-44-5555"
