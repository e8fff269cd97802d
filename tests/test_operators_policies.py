"""Operators (label, hash, encrypt, surrogate), Reveal, and policies over a real channel."""
from __future__ import annotations

import base64
import hashlib
import json
import pathlib
import re
import signal
import subprocess
import sys
import time

import grpc
import phonenumbers
import pytest
from google.protobuf import json_format, struct_pb2

from redactd import core
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.policies import PolicyError, apply_policy, load_policies, parse_policies
from redactd.server import Server
from tests.test_cli import free_port, wait_serving

REVEAL_TOKEN = "s3cret-support-token"
TEXT = ("Card 4111 1111 1111 1111, ssn 222-44-5555, call +1 (415) 555-2671, "
        "mail Jane.Roe@Example.com, IBAN GB82 WEST 1234 5698 7654 32, routing 021000021.")


def keys_json(*ids: str, active: str | None = None) -> str:
    keys = {kid: base64.b64encode(hashlib.sha256(kid.encode()).digest()).decode() for kid in ids}
    return json.dumps({"active": active or ids[-1], "keys": keys})


CALLER_TOKEN = "s3cret-app-token"  # may use every RPC, policy and keyed operator, but not Reveal


class Bearer(grpc.UnaryUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Sends a bearer token with every call, unless the call names its own."""

    def __init__(self, token: str) -> None:
        self.metadata = (("authorization", f"Bearer {token}"),)

    def _details(self, details):
        return details._replace(metadata=details.metadata or self.metadata)

    def intercept_unary_unary(self, continuation, details, request):
        return continuation(self._details(details), request)

    def intercept_stream_stream(self, continuation, details, requests):
        return continuation(self._details(details), requests)


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory):
    d = tmp_path_factory.mktemp("keyed")
    (d / "keys.json").write_text(keys_json("k1", "k2", active="k2"))
    (d / "callers.json").write_text(json.dumps({"callers": [
        {"name": "support", "token_sha256": hashlib.sha256(REVEAL_TOKEN.encode()).hexdigest(),
         "operators": ["reveal"]},
        {"name": "app", "token_sha256": hashlib.sha256(CALLER_TOKEN.encode()).hexdigest(),
         "rpcs": "*", "policies": "*", "operators": ["encrypt", "hash", "surrogate"]}]}))
    srv = Server(Settings(address="127.0.0.1:0", threads=4, grace=0.5,
                          keys_file=str(d / "keys.json"), callers_file=str(d / "callers.json")))
    yield srv
    srv.stop(0).wait()


@pytest.fixture(scope="module")
def keyed(keyed_server):
    """A stub of the keyed server that calls as `app` unless a call sends its own token."""
    with grpc.insecure_channel(f"127.0.0.1:{keyed_server.port}") as ch:
        yield redact_pb2_grpc.RedactorServiceStub(grpc.intercept_channel(ch, Bearer(CALLER_TOKEN)))


@pytest.fixture(scope="module")
def keyed_anonymous(keyed_server):
    with grpc.insecure_channel(f"127.0.0.1:{keyed_server.port}") as ch:
        yield redact_pb2_grpc.RedactorServiceStub(ch)


def redact(stub, text: str, **ops) -> pb.RedactResponse:
    cfg = pb.RedactionConfig(operators={t: pb.Operator(**{k: v}) for t, (k, v) in ops.items()})
    return stub.Redact(pb.RedactRequest(text=text, redaction=cfg, include_entities=True))


def record(d: dict) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(d)
    return s


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


# ---------------------------------------------------------------- operators

def test_label_template_numbers_equal_values(stub):
    r = redact(stub, "a@x.com, b@y.com, A@X.com",
               EMAIL_ADDRESS=("label", pb.Label(template="[REDACTED EMAIL {n}]")))
    assert r.text == "[REDACTED EMAIL 1], [REDACTED EMAIL 2], [REDACTED EMAIL 1]"


def test_hash_tokens_are_stable_and_keyed(keyed):
    r = redact(keyed, "a@x.com and A@X.COM, b@y.com", EMAIL_ADDRESS=("hash", pb.Hash()))
    first, again, other = (e.replacement for e in r.entities)
    assert re.fullmatch(r"tok_[0-9a-f]{16}", first)
    assert first == again != other
    short = redact(keyed, "a@x.com", EMAIL_ADDRESS=("hash", pb.Hash(prefix="h:", length=8)))
    assert short.text == "h:" + first[4:12]
    assert "a@x.com" not in r.text


def test_encrypt_then_reveal_for_an_authorised_caller(keyed):
    r = redact(keyed, TEXT, PHONE_NUMBER=("encrypt", pb.Encrypt()), SSN=("encrypt", pb.Encrypt()))
    tokens = [e.replacement for e in r.entities if e.type in ("PHONE_NUMBER", "SSN")]
    assert all(t.startswith("enc_k2_") for t in tokens)
    assert redact(keyed, TEXT, SSN=("encrypt", pb.Encrypt())).entities[1].replacement == tokens[0]
    auth = (("authorization", f"Bearer {REVEAL_TOKEN}"),)
    out = keyed.Reveal(pb.RevealRequest(tokens=tokens, text=r.text), metadata=auth)
    assert list(out.values) == ["222445555", "+14155552671"]
    assert "ssn 222445555, call +14155552671" in out.text


def test_reveal_is_refused_without_authorisation(keyed, keyed_anonymous, stub):
    token = redact(keyed, "ssn 222-44-5555", SSN=("encrypt", pb.Encrypt())).entities[0].replacement
    for target, metadata, code in [
        (keyed_anonymous, (), grpc.StatusCode.UNAUTHENTICATED),
        (keyed_anonymous, (("authorization", "Bearer wrong"),), grpc.StatusCode.UNAUTHENTICATED),
        (keyed_anonymous, (("authorization", f"Bearer {CALLER_TOKEN}"),), grpc.StatusCode.PERMISSION_DENIED),
        (stub, (("authorization", f"Bearer {REVEAL_TOKEN}"),), grpc.StatusCode.PERMISSION_DENIED),
    ]:
        with pytest.raises(grpc.RpcError) as info:
            target.Reveal(pb.RevealRequest(tokens=[token]), metadata=metadata)
        assert info.value.code() == code
        assert "222" not in info.value.details()


def test_reveal_rejects_tokens_it_cannot_open(keyed):
    auth = (("authorization", f"Bearer {REVEAL_TOKEN}"),)
    with pytest.raises(grpc.RpcError) as info:
        keyed.Reveal(pb.RevealRequest(tokens=["enc_k9_AAAA"]), metadata=auth)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert info.value.details().startswith("tokens[0]:")


def test_surrogates_keep_format_and_validity(keyed):
    ops = {t: ("surrogate", pb.Surrogate()) for t in
           ("CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN", "US_BANK_ROUTING_NUMBER")}
    r = redact(keyed, TEXT, **ops)
    got = {e.type: e.replacement for e in r.entities}
    card = got["CREDIT_CARD_NUMBER"]
    assert re.fullmatch(r"4111 11\d\d \d{4} 1111", card) and card != "4111 1111 1111 1111"
    assert luhn(card.replace(" ", ""))
    assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", got["SSN"]) and got["SSN"] != "222-44-5555"
    phone = got["PHONE_NUMBER"]
    assert phone.startswith("+1 (415) ") and phonenumbers.is_valid_number(phonenumbers.parse(phone))
    assert got["EMAIL_ADDRESS"].split("@")[1] in ("example.com", "example.net", "example.org")
    iban = got["IBAN"].replace(" ", "")
    assert iban.startswith("GB") and iban[4:8] == "WEST" and int("".join(
        str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1
    # the surrogates are entities of the same types again, and stable
    again = keyed.IdentifyEntities(pb.IdentifyEntitiesRequest(text=r.text))
    assert [e.type for e in again.entities] == [e.type for e in r.entities]
    assert redact(keyed, TEXT, **ops).text == r.text


def test_keyed_operators_need_server_keys():
    srv = Server(Settings(address="127.0.0.1:0", threads=1, grace=0.5, allow_keyed_operators_without_auth=True))
    with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch, pytest.raises(grpc.RpcError) as info:
        redact(redact_pb2_grpc.RedactorServiceStub(ch), "ssn 222-44-5555", SSN=("hash", pb.Hash()))
    srv.stop(0).wait()
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert info.value.details().startswith("redaction.operators[SSN].hash:")


def test_keep_and_mask_last_four(stub):
    r = redact(stub, TEXT, CREDIT_CARD_NUMBER=("mask", pb.Mask(keep_last=4)), IBAN=("keep", pb.Keep()))
    assert "Card **** **** **** 1111," in r.text and "GB82 WEST 1234 5698 7654 32" in r.text


# ---------------------------------------------------------------- policies

@pytest.mark.parametrize("policy, expected", [
    ("record_content_only", {"to": "14155550100", "from": "19177220741", "text": "[REDACTED]"}),
    ("record_number_only", {"to": "[REDACTED]", "from": "[REDACTED]", "text": "see you"}),
    ("record_content_and_number", {"to": "[REDACTED]", "from": "[REDACTED]", "text": "[REDACTED]"}),
])
def test_record_presets(stub, policy, expected):
    rec = {"to": "14155550100", "from": "19177220741", "text": "see you"}
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy=policy, record=record(rec)))
    assert json_format.MessageToDict(r.record) == expected


def test_number_encryption_preset_reveals_to_staff(keyed):
    rec = {"to": "+1 917-722-0741", "from": "14155552671", "text": "hi", "caller_name": "Ann"}
    r = keyed.ApplyPolicy(pb.ApplyPolicyRequest(policy="record_number_encrypted", record=record(rec)))
    out = json_format.MessageToDict(r.record)
    assert out["to"].startswith("enc_k2_") and out["caller_name"] == "[REDACTED]" and out["text"] == "hi"
    auth = (("authorization", f"Bearer {REVEAL_TOKEN}"),)
    values = keyed.Reveal(pb.RevealRequest(tokens=[out["to"], out["from"]]), metadata=auth).values
    assert list(values) == ["+19177220741", "+14155552671"]


CONVERSATION = {
    "messages": [
        {"from": {"name": "Ann Lee", "email": "ann@corp.example"}, "text": "My ssn is 444-67-3334."},
        {"from": {"name": "Bob", "email": "bob@corp.example"}, "text": "Call me on 415-555-2671 on 2024-02-29."},
        {"from": {"name": "Ann Lee", "email": "ANN@corp.example"}, "text": "Thanks"},
    ]}


def test_conversation_preset_numbers_participants_across_the_record(stub):
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="conversation", record=record(CONVERSATION)))
    msgs = json_format.MessageToDict(r.record)["messages"]
    assert [m["from"] for m in msgs] == [
        {"name": "[REDACTED NAME 1]", "email": "[REDACTED EMAIL 1]"},
        {"name": "[REDACTED NAME 2]", "email": "[REDACTED EMAIL 2]"},
        {"name": "[REDACTED NAME 1]", "email": "[REDACTED EMAIL 1]"}]
    assert msgs[0]["text"] == "My ssn is [SSN]."
    assert msgs[1]["text"] == "Call me on [PHONE_NUMBER] on [DATE]."
    assert "ann@corp.example" not in str(r.actions)


def test_conversation_exclude_is_honoured(stub):
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="conversation", record=record(CONVERSATION),
                                               exclude=["DATE"]))
    assert json_format.MessageToDict(r.record)["messages"][1]["text"] == "Call me on [PHONE_NUMBER] on 2024-02-29."


def test_batch_and_dry_run(stub):
    recs = [record({"dst": "19177220741", "text": "a"}), record({"dst": "14155552671", "text": "b"})]
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="sms_outbound", records=recs))
    assert [json_format.MessageToDict(x)["dst"] for x in r.records] == ["19177220***", "14155552***"]
    assert [(a.record, a.field) for a in r.actions] == [(0, "dst"), (0, "text"), (1, "dst"), (1, "text")]
    assert r.policy_version == 1
    dry = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="sms_outbound", records=recs, dry_run=True))
    assert not dry.records and len(dry.actions) == 4
    with pytest.raises(grpc.RpcError) as info:
        stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="sms_outbound", records=recs, record=recs[0]))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_default_scan_actions_are_marked(stub):
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="scan_all", record=record({"a": "ssn 222-44-5555"})))
    (a,) = r.actions
    assert (a.field, a.action, a.by_default, list(a.entity_types)) == ("a", "scan", True, ["SSN"])


def policy_of(*rules: dict, keys: core.KeyRing = core.KeyRing(), **fields):
    doc = {"policies": [{"name": "p", **fields, "rules": list(rules)}]}
    return parse_policies(json.dumps(doc), "t.json", keys)["p"]


def applied(policy, rec: dict) -> dict:
    return apply_policy(policy, rec)[0]


KEYS = core.KeyRing.from_json(keys_json("k1", "k2", active="k2"), "test keys")  # the `keyed` server's


@pytest.mark.parametrize("rule, value, expected", [
    ({"mask": {"count": 3, "from_end": True}}, "19177220741", "19177220***"),
    ({"mask": {"count": 3, "fromEnd": True}}, "19177220741", "19177220***"),
    ({"mask": {"keep_last": 4, "mask_char": "#"}}, "4111 1111", "#### 1111"),
    ({"mask": {"keepLast": 4, "maskChar": "#"}}, "4111 1111", "#### 1111"),
    ({"mask": {"count": 2}, "digits_only": False}, "+1 917", "** 917"),
    ({"mask": {"count": 2}, "digitsOnly": False}, "+1 917", "** 917"),
    ({"label": {"template": "<{type}>"}, "as": "EMAIL_ADDRESS"}, "a@x.com", "<EMAIL_ADDRESS>"),
    ({"label": {"template": "<{type}>"}, "entity_type": "EMAIL_ADDRESS"}, "a@x.com", "<EMAIL_ADDRESS>"),
])
def test_policy_rules_take_either_spelling(rule, value, expected):
    assert applied(policy_of({"field": "f", **rule}), {"f": value}) == {"f": expected}


@pytest.mark.parametrize("fields", [
    {"default": "DEFAULT_SCAN", "detection": {"entityTypes": ["SSN"]}, "redaction": {"style": "REDACTION_STYLE_MASK", "redactionString": "#"}},
    {"default_action": "DEFAULT_SCAN", "detection": {"entity_types": ["SSN"]},
     "redaction": {"style": "REDACTION_STYLE_MASK", "redaction_string": "#"}},
])
def test_policies_take_either_spelling(fields):
    policy = policy_of(**fields)
    assert applied(policy, {"a": "ssn 222-44-5555, a@x.com"}) == {"a": "ssn #, a@x.com"}


KEY_CASES = [  # (document, where the error must point, the key it must name)
    ({"policies": [], "polices": []}, "t.json: ", "polices"),
    ({"policies": [{"name": "p", "rulez": []}]}, "t.json: policy 'p': ", "rulez"),
    ({"policies": [{"name": "ok"}, {"name": "p", "descripton": ""}]}, "t.json: policy 'p': ", "descripton"),
    ({"policies": [{"rules": [], "nmae": "p"}]}, "t.json: policies[0]: ", "nmae"),
    ({"policies": [{"name": "p", "rules": [{"field": "a", "keep": {}}, {"field": "b", "drop": {}, "fromEnd": True}]}]},
     "t.json: policy 'p': rules[1]: ", "fromEnd"),
    ({"policies": [{"name": "p", "rules": [{"field": "dst", "mask": {"cnt": 3}}]}]},
     "t.json: policy 'p': rules[0]: ", "cnt"),
    ({"policies": [{"name": "p", "rules": [{"field": "t", "scan": {"detection": {"types": ["SSN"]}}}]}]},
     "t.json: policy 'p': rules[0]: ", "types"),
    ({"policies": [{"name": "p", "redaction": {"operators": {"SSN": {"hash": {"prefx": "x"}}}}}]},
     "t.json: policy 'p': ", "prefx"),
    # the format before PolicyRule: `action` and flat operator parameters
    ({"policies": [{"name": "p", "rules": [{"field": "dst", "action": "mask", "count": 3}]}]},
     "t.json: policy 'p': rules[0]: ", "action"),
]


@pytest.mark.parametrize("doc, where, key", KEY_CASES)
def test_unknown_keys_are_rejected_naming_file_policy_rule_and_key(doc, where, key):
    with pytest.raises(PolicyError) as info:
        parse_policies(json.dumps(doc), "t.json")
    message = str(info.value)
    assert message.startswith(where) and f'no field named "{key}"' in message


@pytest.mark.parametrize("policy, message", [
    ({"name": "p", "rules": [{"field": "x", "explode": {}}]}, 'policy \'p\': rules[0]: Message type'),
    ({"name": "p", "rules": [{"field": "x"}]}, "policy 'p': rules[0]: no action; one of scan, drop, replace, mask"),
    ({"name": "p", "rules": [{"field": "x", "keep": {}, "drop": {}}]}, 'multiple "action" oneof fields'),
    ({"name": "p", "rules": [{"field": "", "keep": {}}]}, "policy 'p': rules[0].field: must be a path"),
    ({"name": "p", "rules": [{"field": "a", "keep": {}}, {"field": "x[", "keep": {}}]},
     "policy 'p': rules[1].field: cannot parse 'x['"),
    ({"name": "p", "rules": [{"field": "x", "mask": {"maskChar": "**"}}]}, "rules[0].mask.mask_char: must be one"),
    ({"name": "p", "rules": [{"field": "x", "mask": {"count": -1}}]}, "rules[0]: Failed to parse count field"),
    ({"name": "p", "rules": [{"field": "x", "hash": {}}]}, "rules[0].hash: needs keys"),
    ({"name": "p", "rules": [{"field": "x", "keep": {}, "as": "NOPE"}]}, "rules[0].as: unknown entity type 'NOPE'"),
    ({"name": "p", "rules": [{"field": "x", "keep": {}, "digits_only": True}]}, "rules[0].digits_only: applies to"),
    ({"name": "p", "rules": [{"field": "x", "scan": {"detection": {"entityTypes": ["NOPE"]}}}]},
     "rules[0].scan.detection.entity_types: unknown entity type 'NOPE'"),
    ({"name": "p", "detection": {"entityTypes": ["NOPE"]}}, "policy 'p': detection.entity_types"),
    ({"name": "p", "default": "scan"}, "policy 'p': Failed to parse default field: Invalid enum value scan"),
    ({"name": ""}, "policies[0]: name: must not be empty"),
])
def test_invalid_policy_names_the_rule_and_reason(policy, message):
    with pytest.raises(PolicyError) as info:
        parse_policies(json.dumps({"policies": [policy]}), "extra.json")
    assert str(info.value).startswith("extra.json: ") and message in str(info.value)


@pytest.mark.parametrize("text", ["[]", '"policies"', "{", '{"policies": {}}', '{"policies": [3]}'])
def test_a_file_that_is_not_a_policy_file_is_rejected(text):
    with pytest.raises(PolicyError) as info:
        parse_policies(text, "t.json")
    assert str(info.value).startswith("t.json: ")


@pytest.mark.parametrize("rule, message", [
    ('{"field": "a", "mask": {"fromEnd": true, "from_end": false}}', "'from_end' is given twice ('fromEnd' and 'from_end')"),
    ('{"field": "a", "mask": {"count": 3, "count": 0}}', "'count' is given twice"),
    ('{"field": "a", "keep": {}, "as": "SSN", "entity_type": "IBAN"}', "'entity_type' is given twice ('as' and"),
    ('{"field": "a", "field": "b", "keep": {}}', "'field' is given twice"),
])
def test_a_key_given_twice_is_rejected(rule, message):
    # json.loads would keep the last, and json_format takes both spellings of one field
    with pytest.raises(PolicyError) as info:
        parse_policies('{"policies": [{"name": "p", "rules": [%s]}]}' % rule, "t.json")
    assert str(info.value).startswith(f"t.json: {message}")


def test_rules_take_every_operator_of_an_rpc():
    # a list that must follow another list: PolicyRule.action holds Operator.kind's messages
    kind = {f.name: f.message_type for f in pb.Operator.DESCRIPTOR.oneofs_by_name["kind"].fields}
    action = {f.name: f.message_type for f in pb.PolicyRule.DESCRIPTOR.oneofs_by_name["action"].fields}
    assert action == {**kind, "scan": pb.PolicyRule.Scan.DESCRIPTOR, "drop": pb.PolicyRule.Drop.DESCRIPTOR}


@pytest.mark.parametrize("text, kind, template", [
    ("I live in New York City.", "LOCATION_CITY", "[{kind}]"),
    ("I live in New York City.", "LOCATION_CITY", "[{type}]"),
    ("I live in New York City.", "LOCATION_CITY", "{type}/{kind} #{n}"),
    ("I live in New York City.", "LOCATION_CITY", ""),
    ("mail a@x.com", "EMAIL_ADDRESS", "[{kind}]"),
    ("mail a@x.com", "EMAIL_ADDRESS", "<{type} {n}>"),
])
def test_label_templates_read_the_same_in_a_policy_and_an_rpc(stub, text, kind, template):
    rpc = stub.Redact(pb.RedactRequest(text=text, include_entities=True, redaction=pb.RedactionConfig(
        operators={kind: pb.Operator(label=pb.Label(template=template))})))
    (entity,) = rpc.entities
    policy = policy_of({"field": "f", "label": {"template": template}, "as": kind})
    assert applied(policy, {"f": entity.text}) == {"f": entity.replacement}


def test_policy_label_kind_is_the_subtype():
    policy = policy_of({"field": "city", "label": {"template": "[{kind}]"}, "as": "LOCATION_CITY"},
                       {"field": "where", "label": {"template": "[{type}]"}, "as": "LOCATION_CITY"},
                       {"field": "name", "label": {"template": "[{kind}]"}})
    rec = {"city": "New York City", "where": "Boston", "name": "Ann"}
    assert applied(policy, rec) == {"city": "[LOCATION_CITY]", "where": "[LOCATION]", "name": "[REDACTED]"}


@pytest.mark.parametrize("op", [
    {"hash": {"prefix": "p" * 16}},
    {"hash": {"prefix": "p" * 17}},
    {"hash": {"prefix": "p" * 26}},
    {"hash": {"length": 7}},
    {"hash": {"length": 8}},
    {"hash": {"length": 64}},
    {"hash": {"length": 65}},
    {"mask": {"maskChar": "#"}},
    {"mask": {"maskChar": "##"}},
    {"label": {}},
])
def test_operator_limits_are_the_same_in_a_policy_and_an_rpc(keyed, op):
    # the same reply: the same replacement, or the same reason for rejecting the operator
    request = pb.RedactRequest(text="ssn 222-44-5555", include_entities=True, redaction=pb.RedactionConfig(
        operators={"SSN": json_format.ParseDict(op, pb.Operator())}))
    try:
        rpc = keyed.Redact(request).entities[0].replacement
    except grpc.RpcError as exc:
        assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT
        rpc = exc.details().removeprefix("redaction.operators[SSN].")
    try:
        policy = applied(policy_of({"field": "f", **op, "as": "SSN"}, keys=KEYS), {"f": "222-44-5555"})["f"]
    except PolicyError as exc:
        policy = str(exc).removeprefix("t.json: policy 'p': rules[0].")
    assert policy == rpc


def test_the_readme_policy_file_loads_and_does_what_it_says():
    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text()
    (example,) = [b for b in re.findall(r"```json\n(.*?)```", readme, re.S) if b.startswith('{"policies"')]
    policy = parse_policies(example, "README.md", KEYS)["sms_outbound"]
    rec = {"dst": "+1 917-722-0741", "text": "hi", "notes": "call 415-555-2671 on 2024-02-29",
           "from": {"city": "Boston"}, "a": {"phone": "4155552671"}, "debug": 1}
    out = applied(policy, rec)
    assert out.pop("a")["phone"].startswith("enc_k2_")
    assert out == {"dst": "+1 917-722-0***", "text": "***Text Content Redacted***",
                   "notes": "call [PHONE_NUMBER_1] on 2024-02-29", "from": {"city": "[LOCATION_CITY]"}}


def test_policy_file_adds_and_replaces(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"policies": [
        {"name": "sms_outbound", "version": 2, "rules": [{"field": "dst", "drop": {}}]},
        {"name": "mine", "rules": [{"field": "*.phone", "mask": {"keepLast": 2}}]}]}))
    policies = load_policies((str(path),))
    assert policies["sms_outbound"].version == 2 and "mine" in policies and "sms_inbound" in policies
    assert policies["mine"].version == 1


@pytest.mark.parametrize("doc, where, key", KEY_CASES)
def test_reload_keeps_the_last_good_set_and_names_the_key(tmp_path, caplog, doc, where, key):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"policies": [{"name": "good", "rules": [{"field": "a", "drop": {}}]}]}))
    server = Server(Settings(address="127.0.0.1:0", threads=1, policy_files=(str(path),)))
    try:
        path.write_text(json.dumps(doc))
        server.reload_policies()
        assert "good" in server.policies.current
        (logged,) = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
        assert logged.startswith("policy reload failed, keeping the previous set: " + where.replace("t.json", str(path)))
        assert f'no field named "{key}"' in logged
    finally:
        server.stop(0).wait()


@pytest.mark.parametrize("content, reason", [
    (b'{"policies": [{"name": "p", "rules": [{"field": "a", "mask": {"cnt": 3}}]}]}',
     "policy 'p': rules[0]: Message type \"redact.v1.Mask\" has no field named \"cnt\""),
    (b"\xff{}", "not UTF-8 (byte 0)"),
    (None, "No such file or directory"),
])
def test_serve_refuses_to_start_on_an_invalid_policy_file(tmp_path, content, reason):
    path = tmp_path / "p.json"
    if content is not None:
        path.write_bytes(content)
    r = subprocess.run([sys.executable, "-m", "redactd.cli", "serve", "--address", "127.0.0.1:0",
                        "--policies", str(path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.startswith(f"redactd: {path}: {reason}")


def test_sighup_reloads_and_keeps_the_last_good_set(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"policies": [{"name": "v1", "rules": [{"field": "a", "drop": {}}]}]}))
    address = f"127.0.0.1:{free_port()}"
    proc = subprocess.Popen([sys.executable, "-m", "redactd.cli", "serve", "--address", address,
                             "--policies", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        stub = redact_pb2_grpc.RedactorServiceStub(wait_serving(address))

        def has(name: str) -> bool:
            try:
                stub.ApplyPolicy(pb.ApplyPolicyRequest(policy=name, record=record({"a": "x"})))
                return True
            except grpc.RpcError as exc:
                assert exc.code() == grpc.StatusCode.NOT_FOUND
                return False

        def reload_until(expect) -> None:
            proc.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 10
            while not expect() and time.monotonic() < deadline:
                time.sleep(0.05)

        assert has("v1") and not has("v2")
        path.write_text(json.dumps({"policies": [{"name": "v2", "rules": [{"field": "a", "drop": {}}]}]}))
        reload_until(lambda: has("v2"))
        assert has("v2") and not has("v1")
        path.write_text('{"policies": [{"name": "v3", "rules": [{"field": "a", "mask": {"cnt": 3}}]}]}')
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        assert has("v2") and not has("v3")
        proc.terminate()
        _, err = proc.communicate(timeout=30)
        assert "policy reload failed" in err and f"{path}: policy 'v3': rules[0]: " in err and '"cnt"' in err
    finally:
        proc.kill()


def test_symbl_conversation_example_over_the_wire(stub):
    # Symbl: "My social security number is 444-67-3334 and I live in New York City." ->
    # "... [SSN] and I live in [LOCATION_CITY].", and exclude=["LOCATION_CITY"] keeps the city
    text = "My social security number is 444-67-3334 and I live in New York City."
    convo = {"messages": [{"text": text, "from": {"name": "Ann Lee", "email": "ann@corp.example"}}]}
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="conversation", record=record(convo)))
    got = json_format.MessageToDict(r.record)["messages"][0]["text"]
    assert got == "My social security number is [SSN] and I live in [LOCATION_CITY]."
    r = stub.ApplyPolicy(pb.ApplyPolicyRequest(policy="conversation", record=record(convo),
                                               exclude=["LOCATION_CITY"]))
    got = json_format.MessageToDict(r.record)["messages"][0]["text"]
    assert got == "My social security number is [SSN] and I live in New York City."
    ident = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text))
    assert [(e.type, e.subtype, e.text) for e in ident.entities] == [
        ("SSN", "", "444-67-3334"), ("LOCATION", "LOCATION_CITY", "New York City")]
