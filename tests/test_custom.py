"""Custom recognizers, deny lists and allow lists (core.custom; DetectionConfig.recognizers,
deny, allow): found, scored, validated, resolved with the built-in types, linear in time,
equal in a stream to the whole text, and served."""
from __future__ import annotations

import base64

import grpc
import pytest
from hypothesis import given, settings, strategies as st

from redactd import core
from redactd.core.custom import MAX_MATCH, Custom, DenyList, Recognizer
from redactd import policies
from redactd_client.api.redact.v1 import redact_pb2 as pb
from tests import fuzzing

EMPLOYEE = Recognizer("EMPLOYEE_ID", r"\bEMP-\d{6}\b", ("employee", "staff"), 0.5)
CARD = Recognizer("GIFT_CARD", r"\b\d{4}-\d{4}-\d{4}-\d{4}\b", (), 0.6, "luhn")
ACCOUNT = Recognizer("ACCOUNT", r"\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b", (), 0.7, "mod97")
PROJECTS = DenyList("PROJECT", ("Blue Falcon", "Nimbus"))
KEYS = core.KeyRing.from_json('{"keys": {"k1": "%s"}}' % base64.b64encode(bytes(range(32))).decode())


def found(text: str, custom: Custom, **detection) -> list[tuple[str, str, float]]:
    d = core.Detection.create(custom=custom, **detection)
    return [(e.type, e.text, round(e.score, 2)) for e in core.find_entities(text, d)]


def test_a_recognizer_finds_its_type_and_context_raises_its_score():
    c = Custom.create([EMPLOYEE])
    assert found("ticket EMP-123456 and EMP-12345 and XEMP-123456", c) == [("EMPLOYEE_ID", "EMP-123456", 0.5)]
    assert found("our Employee EMP-654321", c) == [("EMPLOYEE_ID", "EMP-654321", 0.85)]
    assert found("our Employee EMP-654321", c, min_score=0.9) == []


@pytest.mark.parametrize("text, kept", [
    ("gift 4111-1111-1111-1111", True), ("gift 4111-1111-1111-1112", False),
    ("acct GB82WEST12345698765432", True), ("acct GB83WEST12345698765432", False),
])
def test_validators(text, kept):
    assert bool(found(text, Custom.create([CARD, ACCOUNT]))) == kept


def test_deny_lists_are_whole_words_case_insensitive_and_win_over_built_in_types():
    c = Custom.create(deny=[PROJECTS, DenyList("PERSON_NAME", ("Jane Roe",))])
    assert found("blue   falcon, NIMBUS and Nimbus2 and nimbuses", c) == [
        ("PROJECT", "blue   falcon", 1.0), ("PROJECT", "NIMBUS", 1.0)]
    # "Nimbus Street 5" would be an address; the deny list says what it is
    text = "meet Jane Roe at 12 Nimbus Street"
    assert ("PROJECT", "Nimbus", 1.0) in found(text, c) and ("PERSON_NAME", "Jane Roe", 1.0) in found(text, c)


def test_allow_compares_text_and_value():
    c = Custom.create(allow=["support@example.com", "+14155552671"])
    text = "mail support@example.com or ann@example.com, call (415) 555-2671 or 212-555-0199"
    assert [t for t, _, _ in found(text, c)] == ["EMAIL_ADDRESS", "PHONE_NUMBER"]
    assert "ann@example.com" in [x for _, x, _ in found(text, c)]


def test_custom_types_take_operators_and_filters():
    c = Custom.create([EMPLOYEE], [PROJECTS])
    d = core.Detection.create(custom=c)
    red = core.Redaction(core.NUMBERED_LABEL, operators={"EMPLOYEE_ID": core.Mask("#", keep_last=2),
                                                        "PROJECT": core.Surrogate()}, keys=KEYS)
    out = core.redact_only("EMP-123456 on Nimbus, EMP-123456 again, ssn 222-44-5555", d, red)
    assert out.startswith("########56 on tok_") and out.endswith(", ########56 again, ssn [SSN_1]")
    d = core.Detection.create(custom=c, exclude=["EMPLOYEE_ID"])
    assert core.redact_only("EMP-123456 on Nimbus", d, core.Redaction()) == "EMP-123456 on [PROJECT]"


def test_long_matches_are_not_reported_and_patterns_run_in_linear_time():
    c = Custom.create([Recognizer("RUN", r"\b\d+"), Recognizer("BAD", r"(a+)+$")])
    text = "1" * (MAX_MATCH + 1) + " 12 " + "a" * 200_000 + "b"
    assert found(text, c) == [("RUN", "12", 0.5)]  # (a+)+$ would take Python's re forever
    # the search resumes one code point after a long match's start: there \b no longer matches
    assert found("1" * (MAX_MATCH + 5), Custom.create([Recognizer("RUN", r"\d+")])) == [("RUN", "1" * MAX_MATCH, 0.5)]


@pytest.mark.parametrize("kwargs, field", [
    ({"recognizers": [Recognizer("X", r"(a)\1")]}, "recognizers[0].regex: not a valid RE2 pattern"),
    ({"recognizers": [Recognizer("X", r"(?<=a)b")]}, "recognizers[0].regex: not a valid RE2 pattern"),
    ({"recognizers": [Recognizer("lower", "a")]}, "recognizers[0].type:"),
    ({"recognizers": [Recognizer("X", "a", validator="crc")]}, "recognizers[0].validator: unknown validator"),
    ({"recognizers": [Recognizer("X", "a", score=2)]}, "recognizers[0].score:"),
    ({"recognizers": [Recognizer("X", "a")] * 33}, "recognizers: more than 32"),
    ({"deny": [DenyList("X", ("ok", " "))]}, "deny[0].values:"),
])
def test_bad_configurations_name_the_field(kwargs, field):
    with pytest.raises(ValueError) as info:
        Custom.create(**kwargs)
    assert str(info.value).startswith(field)


CUSTOM = Custom.create([EMPLOYEE, CARD, Recognizer("DIGITS", r"\d[\d ]{3,300}\d", (), 0.4)],
                       [PROJECTS, DenyList("STREET", ("Main Street", "John"))], ["jane@example.com"])


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**63 - 1), word_by_word=st.booleans())
def test_a_stream_equals_the_whole_text(seed, word_by_word):
    import random
    rng = random.Random(seed)
    text = fuzzing.text_of(rng) + " EMP-123456 Nimbus " + fuzzing.text_of(rng)
    detection = core.Detection.create(custom=CUSTOM, min_score=rng.choice((0, 0.5)))
    redaction = fuzzing.redaction_of(rng)
    out, whole = core.redact_text(text, detection, redaction)
    stream = core.StreamRedactor(detection, redaction)
    pieces, streamed = [], []
    for chunk in (text.split(" ") and [w + " " for w in text.split(" ")][:-1] + [text.split(" ")[-1]]
                  if word_by_word else fuzzing.chunks_of(rng, text)):
        o, f = stream.feed(chunk)
        pieces.append(o)
        streamed += f
    o, f = stream.flush()
    assert "".join(pieces) + o == out
    assert [(x.entity.type, x.offset, x.length, x.replacement) for x in streamed + f] == \
        [(x.entity.type, x.offset, x.length, x.replacement) for x in whole]


# -- through the service --------------------------------------------------------------------

def detection_config(**extra) -> pb.DetectionConfig:
    return pb.DetectionConfig(recognizers=[pb.Recognizer(type="EMPLOYEE_ID", regex=r"\bEMP-\d{6}\b",
                                                         context=["employee"])],
                              deny=[pb.DenyList(type="PROJECT", values=["Blue Falcon"])], **extra)


def test_redact_identify_and_stream_with_custom_types(stub):
    text = "employee EMP-123456 works on Blue Falcon; mail ann@example.com"
    r = stub.Redact(pb.RedactRequest(text=text, detection=detection_config(), include_entities=True,
                                     redaction=pb.RedactionConfig(operators={
                                         "EMPLOYEE_ID": pb.Operator(mask=pb.Mask(keep_last=2))})))
    assert r.text == "employee ********56 works on [PROJECT]; mail [EMAIL_ADDRESS]"
    assert [(e.type, e.score > 0.8) for e in r.entities] == [("EMPLOYEE_ID", True), ("PROJECT", True),
                                                          ("EMAIL_ADDRESS", True)]
    ids = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text, detection=detection_config(
        exclude=["EMAIL_ADDRESS"])))
    assert [e.type for e in ids.entities] == ["EMPLOYEE_ID", "PROJECT"]
    chunks = [pb.StreamRedactRequest(config=pb.StreamConfig(detection=detection_config()))] + \
        [pb.StreamRedactRequest(text=w + " ") for w in text.split(" ")]
    assert "".join(m.text for m in stub.StreamRedact(iter(chunks))).rstrip() == \
        "employee [EMPLOYEE_ID] works on [PROJECT]; mail [EMAIL_ADDRESS]"


@pytest.mark.parametrize("config, field", [
    (pb.DetectionConfig(recognizers=[pb.Recognizer(type="X", regex="(a)\\1")]), "detection.recognizers[0].regex:"),
    (pb.DetectionConfig(recognizers=[pb.Recognizer(type="x-y", regex="a")]), "detection.recognizers[0].type:"),
    (pb.DetectionConfig(deny=[pb.DenyList(type="P", values=[""])]), "detection.deny[0].values:"),
])
def test_bad_patterns_are_invalid_argument(stub, config, field):
    with pytest.raises(grpc.RpcError) as info:
        stub.Redact(pb.RedactRequest(text="x", detection=config))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT and info.value.details().startswith(field)


def test_operators_may_name_custom_types_only_when_they_are_configured(stub):
    ops = pb.RedactionConfig(operators={"EMPLOYEE_ID": pb.Operator(replace=pb.Replace(value="E"))})
    assert stub.Redact(pb.RedactRequest(text="EMP-123456", detection=detection_config(), redaction=ops)).text == "E"
    with pytest.raises(grpc.RpcError) as info:
        stub.Redact(pb.RedactRequest(text="EMP-123456", redaction=ops))
    assert info.value.details() == "redaction.operators: unknown entity type 'EMPLOYEE_ID'"


def test_policies_carry_custom_types():
    doc = """{"policies": [{"name": "hr", "version": 1, "default": "DEFAULT_SCAN",
               "detection": {"recognizers": [{"type": "EMPLOYEE_ID", "regex": "\\\\bEMP-\\\\d{6}\\\\b"}]},
               "redaction": {"operators": {"EMPLOYEE_ID": {"replace": {"value": "<id>"}}}}}]}"""
    policy = policies.parse_policies(doc, "hr.json")["hr"]
    out, actions = policies.apply_policy(policy, {"note": "EMP-123456 called 415-555-2671"})
    assert out == {"note": "<id> called [PHONE_NUMBER]"}
    assert actions[0].entity_types == ("EMPLOYEE_ID", "PHONE_NUMBER")
