"""BatchRedact: many texts, one config, results in request order, failures alone."""
from __future__ import annotations

import logging

import grpc
import pytest

from redactd import core
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd.config import Settings
from redactd.server import Server
from tests.conftest import SMALL_LIMIT

TEXTS = ["my ssn is 222-44-5555", "", "mail a@x.com and b@y.com, then a@x.com",
         "Kaart 4111 1111 1111 1111 — geboren 3 oktober 1982 ✓ 😀 call (415) 555-2671"]


def redact_alone(stub, text: str, **config) -> pb.RedactResponse:
    return stub.Redact(pb.RedactRequest(text=text, include_entities=True, **config))


@pytest.mark.parametrize("config", [
    {},
    {"redaction": pb.RedactionConfig(style=pb.REDACTION_STYLE_NUMBERED_LABEL)},
    {"redaction": pb.RedactionConfig(style=pb.REDACTION_STYLE_MASK, redaction_string="#")},
    {"detection": pb.DetectionConfig(entity_types=["EMAIL_ADDRESS", "SSN"], offset_unit=pb.OFFSET_UNIT_UTF16_CODE_UNIT)},
])
def test_each_result_equals_redact_alone_in_request_order(stub, config):
    r = stub.BatchRedact(pb.BatchRedactRequest(texts=TEXTS, include_entities=True, **config))
    assert len(r.results) == len(TEXTS)
    for text, result in zip(TEXTS, r.results):
        alone = redact_alone(stub, text, **config)
        assert result.error.code == 0 and not result.error.message
        assert result.text == alone.text
        assert list(result.entities) == list(alone.entities)


def test_numbering_is_per_text_not_per_batch(stub):
    texts = ["a@x.com", "b@y.com", "a@x.com"]
    r = stub.BatchRedact(pb.BatchRedactRequest(texts=texts, redaction=pb.RedactionConfig(style=pb.REDACTION_STYLE_NUMBERED_LABEL)))
    assert [x.text for x in r.results] == ["[EMAIL_ADDRESS_1]"] * 3


def test_entities_only_when_asked(stub):
    r = stub.BatchRedact(pb.BatchRedactRequest(texts=TEXTS))
    assert r.results[0].text == "my ssn is [SSN]"
    assert all(not x.entities for x in r.results)


def test_a_text_over_the_limit_fails_alone(stub):
    texts = ["ssn 222-44-5555", "a" * (SMALL_LIMIT + 1), "é" * (SMALL_LIMIT // 2 + 1), "mail a@x.com"]
    r = stub.BatchRedact(pb.BatchRedactRequest(texts=texts))
    assert [x.text for x in r.results] == ["ssn [SSN]", "", "", "mail [EMAIL_ADDRESS]"]
    for i in (1, 2):
        assert r.results[i].error.code == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]
        assert r.results[i].error.message.startswith(f"texts[{i}]:")
    assert r.results[0].error.code == r.results[3].error.code == 0


def test_a_bad_shared_config_fails_the_call_naming_the_field(stub):
    with pytest.raises(grpc.RpcError) as info:
        stub.BatchRedact(pb.BatchRedactRequest(texts=["x"], detection=pb.DetectionConfig(entity_types=["NOPE"])))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert info.value.details().startswith("detection.entity_types:")


def test_an_empty_batch_is_answered_empty(stub):
    assert not stub.BatchRedact(pb.BatchRedactRequest()).results


def test_too_many_texts_is_resource_exhausted():
    server = Server(Settings(address="127.0.0.1:0", max_batch_texts=3, threads=2, grace=0.5))
    try:
        with grpc.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            from redactd_client.api.redact.v1 import redact_pb2_grpc
            stub = redact_pb2_grpc.RedactorServiceStub(channel)
            assert len(stub.BatchRedact(pb.BatchRedactRequest(texts=["a"] * 3)).results) == 3
            with pytest.raises(grpc.RpcError) as info:
                stub.BatchRedact(pb.BatchRedactRequest(texts=["a"] * 4))
            assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert info.value.details().startswith("texts:")
    finally:
        server.stop(0).wait()


def test_an_internal_failure_fails_that_text_alone_and_never_leaks(stub, monkeypatch, caplog):
    secret = "222-44-5555"
    real = core.redact_text

    def flaky(text, *args, **kwargs):
        if secret in text:
            raise RuntimeError(f"boom while reading {text}")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(core, "redact_text", flaky)
    with caplog.at_level(logging.DEBUG):
        r = stub.BatchRedact(pb.BatchRedactRequest(texts=["mail a@x.com", f"my ssn is {secret}", "ok"]))
    assert [x.text for x in r.results] == ["mail [EMAIL_ADDRESS]", "", "ok"]
    assert r.results[1].error.code == grpc.StatusCode.INTERNAL.value[0]
    assert secret not in r.results[1].error.message and secret not in r.results[1].text
    assert "RuntimeError" in caplog.text and secret not in caplog.text
