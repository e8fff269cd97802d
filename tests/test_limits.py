"""Bad input is INVALID_ARGUMENT naming the field; no replacement amplifies a request."""
from __future__ import annotations

import grpc
import pytest

from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc


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


# -- responses a default client can receive (issue 12, item 4) --------------------------------

DEFAULT_RECEIVE = 4 * 1024 * 1024  # what a gRPC client receives unless told otherwise
LABEL_256 = ops(EMAIL_ADDRESS=pb.Operator(label=pb.Label(template="{n}" + "x" * 253)))


@pytest.fixture(scope="module")
def small_responses():
    """A server whose response limit is small enough to reach cheaply (and a client
    that would receive far more, so that the limit seen is the server's)."""
    from redactd.config import Settings
    from redactd.server import Server
    srv = Server(Settings(address="127.0.0.1:0", max_text_bytes=64 * 1024, max_response_bytes=32 * 1024,
                          threads=4, grace=0.5))
    big = [("grpc.max_receive_message_length", 64 * 1024 * 1024)]
    with grpc.insecure_channel(f"127.0.0.1:{srv.port}", options=big) as ch:
        yield redact_pb2_grpc.RedactorServiceStub(ch)
    srv.stop(0).wait()


def test_a_growing_redaction_is_refused_before_it_is_built(small_responses):
    # 1,000 e-mails of 8 bytes each become 1,000 labels of 256 code points: 256 kB from 9 kB
    text = "a@b.io, " * 1000
    with pytest.raises(grpc.RpcError) as info:
        small_responses.Redact(pb.RedactRequest(text=text, redaction=LABEL_256))
    assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert info.value.details().startswith("text: the redacted text would be larger than the response limit of 32768")
    # the same with fewer e-mails fits ("1" and 253 x for each, equal values numbered alike)
    r = small_responses.Redact(pb.RedactRequest(text="a@b.io, " * 100, redaction=LABEL_256))
    assert len(r.text) == 100 * (254 + 2) and r.text.count("x" * 253) == 100


def test_entities_count_toward_the_response(small_responses):
    text = "ssn 222-44-5555, " * 1500  # 25 kB of text that stays 25 kB, with 1,500 entities
    assert small_responses.Redact(pb.RedactRequest(text=text)).text.count("[SSN]") == 1500
    for call in (lambda: small_responses.Redact(pb.RedactRequest(text=text, include_entities=True)),
                 lambda: small_responses.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text))):
        with pytest.raises(grpc.RpcError) as info:
            call()
        assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert info.value.details().startswith("entities: the response would be larger than the limit of 32768")


def test_a_batch_fills_its_response_and_the_rest_fail_alone(small_responses):
    texts = ["a@b.io " * 20] * 12  # each result ~5 kB: six or so fit in 32 kB
    r = small_responses.BatchRedact(pb.BatchRedactRequest(texts=texts, redaction=LABEL_256))
    ok = [res for res in r.results if not res.HasField("error")]
    failed = [(i, res.error) for i, res in enumerate(r.results) if res.HasField("error")]
    assert 3 <= len(ok) < 12 and all(res.text.count("x" * 253) == 20 for res in ok)
    assert all(e.code == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0] and e.message.startswith(f"texts[{i}]: ")
               for i, e in failed)
    assert r.ByteSize() <= 32 * 1024


def test_a_stream_segment_is_bounded_too(small_responses):
    config = pb.StreamRedactRequest(config=pb.StreamConfig(redaction=LABEL_256))
    chunks = [config, pb.StreamRedactRequest(text="a@b.io " * 1000), pb.StreamRedactRequest(flush=True)]
    with pytest.raises(grpc.RpcError) as info:
        list(small_responses.StreamRedact(iter(chunks)))
    assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED and info.value.details().startswith("text: ")


def test_default_limits_fit_a_default_client():
    from redactd.config import Settings
    s = Settings()
    # a text at the request limit that nothing changes still comes back to a default client
    assert s.max_response_bytes <= DEFAULT_RECEIVE
    assert pb.RedactResponse(text="x" * s.max_text_bytes).ByteSize() <= s.max_response_bytes


def test_the_core_bounds_its_output():
    from redactd import core
    red = core.Redaction(core.LABEL, "****", {"EMAIL_ADDRESS": core.Replace("y" * 200)})
    text = "a@b.io " * 10
    exact = len(core.redact_only(text, core.Detection(), red))
    assert core.redact_only(text, core.Detection(), red, max_out=exact) == core.redact_only(text, core.Detection(), red)
    for call in (core.redact_only, core.redact_text):
        with pytest.raises(core.OutputTooLarge):
            call(text, core.Detection(), red, max_out=exact - 1)
    stream = core.StreamRedactor(core.Detection(), red, max_out=1000)
    with pytest.raises(core.OutputTooLarge):
        stream.feed(text * 2)
        stream.flush()


# -- requests that do not parse (issue 12, item 6) --------------------------------------------

def _varint(n: int) -> bytes:
    out = b""
    while True:
        b, n = n & 0x7F, n >> 7
        if not n:
            return out + bytes([b])
        out += bytes([b | 0x80])


def _nested_record(levels: int) -> bytes:
    """A Struct {"a": {"a": ... "x"}} `levels` deep, in protobuf's wire format."""
    value = b"\x1a\x01x"  # Value.string_value
    for _ in range(levels):
        entry = b"\x0a\x01a" + b"\x12" + _varint(len(value)) + value  # map entry: key, Value
        struct = b"\x0a" + _varint(len(entry)) + entry                 # Struct.fields
        value = b"\x2a" + _varint(len(struct)) + struct                 # Value.struct_value
    return struct


def raw_call(channel, method: str, payload: bytes):
    call = channel.unary_unary(f"/redact.v1.RedactorService/{method}", request_serializer=lambda b: b,
                               response_deserializer=lambda b: b)
    with pytest.raises(grpc.RpcError) as info:
        call(payload, timeout=10)
    return info.value.code(), info.value.details()


@pytest.mark.parametrize("levels", [40, 200])
def test_too_deep_records_are_invalid_not_internal(channel, levels):
    # ApplyPolicyRequest: policy = 1, record = 2
    payload = b"\x0a\x0csms_outbound" + b"\x12" + _varint(len(_nested_record(levels))) + _nested_record(levels)
    code, details = raw_call(channel, "ApplyPolicy", payload)
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert details == "record: nested deeper than the limit of 32 levels"


def test_records_within_the_nesting_limit_are_served(channel):
    payload = b"\x0a\x0csms_outbound" + b"\x12" + _varint(len(_nested_record(32))) + _nested_record(32)
    call = channel.unary_unary("/redact.v1.RedactorService/ApplyPolicy", request_serializer=lambda b: b,
                               response_deserializer=pb.ApplyPolicyResponse.FromString)
    assert call(payload, timeout=10).record


@pytest.mark.parametrize("method, payload, field", [
    ("Redact", b"\x0a\x03a\xff\xfe", "text"),
    ("BatchRedact", b"\x0a\x01a\x0a\x01b\x0a\x02\xc3\x28", "texts[2]"),
    ("Redact", b"\x0a\x09ab", "request"),
])
def test_undecodable_requests_name_the_field(channel, method, payload, field, caplog):
    code, details = raw_call(channel, method, payload)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and details.startswith(field + ": ")
    assert "Traceback" not in caplog.text and "deserializ" not in caplog.text


def test_a_stream_message_that_does_not_parse_ends_the_stream(channel):
    call = channel.stream_stream("/redact.v1.RedactorService/StreamRedact", request_serializer=lambda b: b,
                                 response_deserializer=pb.StreamRedactResponse.FromString)
    config = pb.StreamRedactRequest(config=pb.StreamConfig()).SerializeToString()
    with pytest.raises(grpc.RpcError) as info:
        list(call(iter([config, b"\x12\x02\xff\xfe"]), timeout=10))  # text = 2 (oneof), not UTF-8
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT and info.value.details() == "text: not valid UTF-8"


def test_lone_surrogates_are_tokenised_in_the_library():
    import base64
    from redactd import core
    keys = core.KeyRing.from_json('{"keys": {"k1": "%s"}}' % base64.b64encode(bytes(range(32))).decode())
    for op in (core.Encrypt(), core.Hash()):
        red = core.Redaction(core.LABEL, "****", {"EMAIL_ADDRESS": op, "URL": op}, keys)
        out, found = core.redact_text("mail a@b\ud800.com or http://ex\udfffample.com/a", core.Detection(), red)
        assert [f.entity.type for f in found] == ["EMAIL_ADDRESS", "URL"] and "\ud800" not in out
        if isinstance(op, core.Encrypt):
            assert core.reveal_text(out, keys) == "mail a@b\ud800.com or http://ex\udfffample.com/a"
