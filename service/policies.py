"""Field-level policies over JSON-like records (SMS detail records,
conversations, ...): named, versioned lists of rules loaded from JSON files.

A file is a `redact.v1.PolicyFile` in proto3 JSON (redact.proto says what each
field means), parsed with json_format, so an unknown key is an error:
  {"policies": [{"name": "sms_outbound", "version": 1, "description": "...",
                 "default": "DEFAULT_KEEP" | "DEFAULT_SCAN",   # fields no rule names
                 "detection": {...}, "redaction": {...},  # for scans, as in Redact
                 "rules": [{"field": "dst", "mask": {"count": 3, "fromEnd": true}},
                           {"field": "text", "replace": {"value": "[REDACTED]"}},
                           {"field": "messages[*].text", "scan": {}},
                           {"field": "*.phone", "encrypt": {}, "as": "PHONE_NUMBER"}]}]}
A rule's operator is one of RedactionConfig.operators' messages and goes through the
same `convert.operator`, so its defaults, limits and label templates are the RPC's.
For each field the first rule that names it applies.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterator

from google.protobuf import json_format

from redactd import core
from redactd import convert
from redactd_client.api.redact.v1 import redact_pb2 as pb

log = logging.getLogger("redactd")

SEGMENT = re.compile(r"(\*|[^.\[\]]+)((?:\[(?:\*|\d+)\])*)")
INDEX = re.compile(r"\[(\*|\d+)\]")
ANY = "*"
UNTYPED = "REDACTED"  # a field without `as`: its type for labels and numbering


class PolicyError(ValueError):
    """A policy file is invalid; the message names the file, policy, rule and reason."""


@dataclass(frozen=True, slots=True)
class Rule:
    field: str
    path: tuple[tuple[str, tuple[str, ...]], ...]  # (key or *, list indexes or *)
    action: str                # the oneof's name: scan, drop, replace, mask, ...
    operator: core.Operator | None = None
    detection: core.Detection | None = None
    redaction: core.Redaction | None = None
    as_type: str = ""          # the entity type the field holds, if named
    subtype: str = ""          # its LOCATION subtype, if `as` named one
    digits_only: bool = True   # mask: count digits only


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    version: int
    description: str
    rules: tuple[Rule, ...]
    default: str               # "keep" or "scan"
    detection: core.Detection
    redaction: core.Redaction


@dataclass(frozen=True, slots=True)
class Action:
    field: str            # concrete path, e.g. "messages[0].text"
    action: str
    rule: int             # index of the rule; -1 for the policy's default
    entity_types: tuple[str, ...] = ()


# ---------------------------------------------------------------- loading

def parse_path(field: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    path = []
    for part in field.split("."):
        m = SEGMENT.fullmatch(part)
        if not m:
            raise ValueError(f"cannot parse {part!r} of {field!r}")
        path.append((m.group(1), tuple(INDEX.findall(m.group(2)))))
    return tuple(path)


def _field_names(messages) -> Iterator[tuple[str, str]]:
    for m in messages:
        yield from ((f.json_name, f.name) for f in m.fields)
        yield from _field_names(m.nested_types)


# a JSON key -> the field it sets: json_format takes either spelling, and would let
# the later of `fromEnd` and `from_end` win
FIELD_OF_KEY = dict(_field_names(pb.DESCRIPTOR.message_types_by_name.values()))


def _object(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object; ValueError if it sets a field twice (`count` twice, or `fromEnd`
    and `from_end`): json.loads would keep the last."""
    seen: dict[str, str] = {}
    for key, _ in pairs:
        field = FIELD_OF_KEY.get(key, key)
        if field in seen:
            raise ValueError(f"{field!r} is given twice ({seen[field]!r} and {key!r})")
        seen[field] = key
    return dict(pairs)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _parse_error(doc: Any, message) -> str:
    """Why json_format rejects `doc` as `message`, or ""."""
    if not isinstance(doc, dict):
        return "not a JSON object"
    try:
        json_format.ParseDict(doc, message)
    except json_format.ParseError as exc:
        return _one_line(exc)
    return ""


def _rejected(doc: dict, exc: json_format.ParseError) -> str:
    """json_format's reason for rejecting a file, after the policy and rule it is in:
    the first that json_format rejects on its own."""
    policies = doc.get("policies")
    for i, policy in enumerate(policies if isinstance(policies, list) else ()):
        reason = _parse_error(policy, pb.Policy())
        if not reason:
            continue
        name = policy.get("name") if isinstance(policy, dict) else None
        where = f"policy {name!r}" if isinstance(name, str) and name else f"policies[{i}]"
        rules = policy.get("rules") if isinstance(policy, dict) else None
        for j, rule in enumerate(rules if isinstance(rules, list) else ()):
            rule_reason = _parse_error(rule, pb.PolicyRule())
            if rule_reason:
                return f"{where}: rules[{j}]: {rule_reason}"
        return f"{where}: {reason}"
    return _one_line(exc)


def read_config(path: str, error: type[ValueError] = ValueError) -> str:
    """A configuration file's text; `error` naming the file when it cannot be read or is
    not UTF-8."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as exc:
        raise error(f"{path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 (byte {exc.start})") from None


def json_object(text: str, source: str, error: type[ValueError] = ValueError) -> dict:
    """A JSON object whose fields are each given once (`count` twice, or `fromEnd` and
    `from_end`, is an error: json.loads would keep the last); `error` naming `source`."""
    try:
        doc = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise error(f"{source}: not JSON: {exc}") from None
    except ValueError as exc:
        raise error(f"{source}: {exc}") from None
    if not isinstance(doc, dict):
        raise error(f"{source}: not a JSON object")
    return doc


def parse_file(text: str, source: str) -> pb.PolicyFile:
    """A policy file's messages; PolicyError naming the file, policy, rule and key if
    json_format rejects it (an unknown key, a wrong type)."""
    doc = json_object(text, source, PolicyError)
    try:
        return json_format.ParseDict(doc, pb.PolicyFile())
    except json_format.ParseError as exc:
        raise PolicyError(f"{source}: {_rejected(doc, exc)}") from None


def parse_rule(msg: pb.PolicyRule, where: str, keys: core.KeyRing, own: frozenset[str] = frozenset()) -> Rule:
    """`own`: the policy's custom types, which a rule's operators may name."""
    action = msg.WhichOneof("action")
    if action is None:
        raise ValueError(f"{where}: no action; one of scan, drop, {', '.join(convert.OPERATOR_KINDS)}")
    if not msg.field:
        raise ValueError(f"{where}.field: must be a path, e.g. messages[*].text")
    try:
        path = parse_path(msg.field)
    except ValueError as exc:
        raise ValueError(f"{where}.field: {exc}") from None
    if msg.entity_type and msg.entity_type not in core.TYPE_OR_SUBTYPE:
        raise ValueError(f"{where}.as: unknown entity type {msg.entity_type!r}")
    if msg.HasField("digits_only") and action != "mask":
        raise ValueError(f"{where}.digits_only: applies to mask only")
    detection, redaction = _scan_configs(msg.scan, f"{where}.scan", keys, own)
    as_type = msg.entity_type
    return Rule(msg.field, path, action, convert.rule_operator(msg, where, keys), detection, redaction,
                as_type=core.SUBTYPES.get(as_type, as_type), subtype=as_type if as_type in core.SUBTYPES else "",
                digits_only=msg.digits_only if msg.HasField("digits_only") else True)


def _scan_configs(scan: pb.PolicyRule.Scan, where: str, keys: core.KeyRing,
                  own: frozenset[str]) -> tuple[core.Detection | None, core.Redaction | None]:
    """A scan rule's own detection and redaction, where it has them."""
    detection = convert.detection(scan.detection, f"{where}.detection") if scan.HasField("detection") else None
    if detection is not None and detection.custom:
        own = own | detection.custom.types
    return (detection, convert.redaction(scan.redaction, f"{where}.redaction", keys, own)
            if scan.HasField("redaction") else None)


def parse_policy(msg: pb.Policy, keys: core.KeyRing) -> Policy:
    if not msg.name:
        raise ValueError("name: must not be empty")
    detection = convert.detection(msg.detection) if msg.HasField("detection") else core.Detection()
    own = detection.custom.types if detection.custom else frozenset()
    rules = tuple(parse_rule(rule, f"rules[{j}]", keys, own) for j, rule in enumerate(msg.rules))
    redaction = convert.redaction(msg.redaction, keys=keys, own_types=own) if msg.HasField("redaction") \
        else core.Redaction(keys=keys)
    if msg.default_action not in convert.DEFAULT_ACTIONS:
        raise ValueError(f"default: unknown value {msg.default_action}")
    return Policy(msg.name, msg.version if msg.HasField("version") else 1, msg.description, rules,
                  convert.DEFAULT_ACTIONS[msg.default_action], detection, redaction)


def policies_of(file: pb.PolicyFile, source: str, keys: core.KeyRing) -> dict[str, Policy]:
    """The file's policies by name (a later name replaces an earlier one)."""
    policies = {}
    for i, msg in enumerate(file.policies):
        try:
            policy = parse_policy(msg, keys)
        except ValueError as exc:  # BadRequest and NotConfigured from convert, too
            where = f"policy {msg.name!r}" if msg.name else f"policies[{i}]"
            raise PolicyError(f"{source}: {where}: {exc}") from None
        policies[policy.name] = policy
    return policies


def parse_policies(text: str, source: str, keys: core.KeyRing = core.KeyRing()) -> dict[str, Policy]:
    return policies_of(parse_file(text, source), source, keys)


def _needs_keys(policy: pb.Policy) -> bool:
    return any(rule.WhichOneof("action") in convert.KEYED_KINDS for rule in policy.rules)


def load_policies(paths: tuple[str, ...] = (), keys: core.KeyRing = core.KeyRing()) -> dict[str, Policy]:
    """The built-in policies, then each file's (a later name replaces an earlier one).
    Built-in policies that need keys are left out when there are none."""
    source = "built-in policies"
    builtin = parse_file(resources.files("redactd").joinpath("policies/builtin.json").read_text(), source)
    if not keys:
        usable = [p for p in builtin.policies if not _needs_keys(p)]
        del builtin.policies[:]
        builtin.policies.extend(usable)
    policies = policies_of(builtin, source, keys)
    for path in paths:
        policies.update(parse_policies(read_config(path, PolicyError), path, keys))
    return policies


def skipped_without_keys(keys: core.KeyRing) -> tuple[str, ...]:
    """The built-in policies load_policies leaves out for want of keys."""
    if keys:
        return ()
    builtin = parse_file(resources.files("redactd").joinpath("policies/builtin.json").read_text(), "built-in policies")
    return tuple(p.name for p in builtin.policies if _needs_keys(p))


class PolicyStore:
    """The current policy set; `reload` swaps in a new one only if it is valid."""

    def __init__(self, paths: tuple[str, ...], keys: core.KeyRing) -> None:
        self.paths, self.keys = paths, keys
        self.current: dict[str, Policy] = load_policies(paths, keys)
        self.skipped = tuple(n for n in skipped_without_keys(keys) if n not in self.current)

    def log_skipped(self) -> None:
        for name in self.skipped:
            log.info("policy %r not loaded: it uses hash, encrypt or surrogate and no keys are configured "
                        "(redactd serve --keys FILE or $REDACTD_KEYS; `redactd keys new` makes a key file)", name)

    def reload(self) -> int:
        """Number of policies now loaded; PolicyError (and the old set kept) if invalid."""
        policies = load_policies(self.paths, self.keys)
        self.current = policies  # one reference swap: in-flight RPCs keep the set they read
        return len(policies)


# ---------------------------------------------------------------- applying

def _walk(node: Any, path, where: str) -> Iterator[tuple[str, Any, Any]]:
    """(concrete path, container, key) of every place `path` names in `node`."""
    (key, indexes), rest = path[0], path[1:]
    if not isinstance(node, dict):
        return
    keys = list(node) if key == ANY else [key] if key in node else []
    for k in keys:
        yield from _index(node, k, indexes, rest, f"{where}.{k}" if where else k)


def _index(container, key, indexes, rest, where):
    if not indexes:
        if rest:
            yield from _walk(container[key], rest, where)
        else:
            yield where, container, key
        return
    seq = container[key]
    if not isinstance(seq, list):
        return
    picks = range(len(seq)) if indexes[0] == ANY else [int(indexes[0])]
    for i in picks:
        if i < len(seq):
            yield from _index(seq, i, indexes[1:], rest, f"{where}[{i}]")


def _leaves(container, key, where: str) -> Iterator[tuple[str, Any, Any]]:
    """Every string or number leaf at or under container[key]."""
    value = container[key]
    if isinstance(value, dict):
        for k in value:
            yield from _leaves(value, k, f"{where}.{k}")
    elif isinstance(value, list):
        for i in range(len(value)):
            yield from _leaves(value, i, f"{where}[{i}]")
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        yield where, container, key


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # JSON numbers arrive as floats: 19177220741.0
    return str(value)


class Applier:
    """One record's application of a policy; numbering spans the whole record."""

    def __init__(self, policy: Policy, exclude: frozenset[str] = frozenset()) -> None:
        self.policy = policy
        self.exclude = exclude
        self.numbering = core.Numbering()
        self.actions: list[Action] = []

    def scan(self, text: str, rule: Rule | None) -> tuple[str, tuple[str, ...]]:
        p = self.policy
        detection = (rule and rule.detection) or p.detection
        redaction = (rule and rule.redaction) or p.redaction
        if self.exclude:
            detection = dataclasses.replace(detection, exclude=detection.exclude | self.exclude)
        out, found = core.redact_text(text, detection, redaction, numbering=self.numbering)
        return out, tuple(sorted({f.entity.type for f in found}))

    def transform(self, rule: Rule, text: str) -> str:
        op = rule.operator
        if isinstance(op, core.Mask):  # a whole field: the rule says whether only digits count
            return core.mask_text(text, op, rule.digits_only)
        value = core.field_value(rule.as_type, text, self.policy.detection.region)
        return core.apply_operator(op, rule.as_type or UNTYPED, text, value, self.numbering,
                                   self.policy.redaction.keys, rule.subtype)

    def leaf(self, where: str, container, key, rule: Rule | None, index: int) -> None:
        text = _as_text(container[key])
        types: tuple[str, ...] = ()
        if rule is None or rule.action == "scan":
            out, types = self.scan(text, rule)
            if out != text:
                container[key] = out
        else:
            container[key] = self.transform(rule, text)
        self.actions.append(Action(where, rule.action if rule else "scan", index, types))

    def place(self, where: str, container, key, rule: Rule, index: int) -> None:
        if rule.action == "drop":
            if isinstance(container, dict):
                del container[key]
            else:
                container[key] = None  # list elements keep their places
            self.actions.append(Action(where, "drop", index))
        elif rule.action == "replace":
            container[key] = rule.operator.value
            self.actions.append(Action(where, "replace", index))
        elif rule.action == "keep":
            self.actions.append(Action(where, "keep", index))
        else:
            for leaf_where, c, k in list(_leaves(container, key, where)):
                self.leaf(leaf_where, c, k, rule, index)

    def apply(self, record: dict) -> dict:
        done: set[str] = set()
        for index, rule in enumerate(self.policy.rules):
            for where, container, key in list(_walk(record, rule.path, "")):
                if not _under(where, done):
                    self.place(where, container, key, rule, index)
                    done.add(where)
        if self.policy.default == "scan":
            for k in list(record):
                for where, c, key in list(_leaves(record, k, k)):
                    if not _under(where, done):
                        self.leaf(where, c, key, None, -1)
        return record


ANCESTOR_END = re.compile(r"(?=[.\[])")


def _under(where: str, done: set[str]) -> bool:
    # `where` is a field a rule already handled, or inside one: look its ancestors up
    # (a set, so a record with many fields stays linear)
    return where in done or any(where[:m.start()] in done for m in ANCESTOR_END.finditer(where))


def apply_policy(policy: Policy, record: dict,
                 exclude: frozenset[str] = frozenset()) -> tuple[dict, list[Action]]:
    """Redact `record` in place by `policy`; the actions say what happened where."""
    applier = Applier(policy, exclude)
    return applier.apply(record), applier.actions
