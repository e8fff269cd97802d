"""Field-level policies over JSON-like records (SMS detail records,
conversations, ...): named, versioned lists of rules loaded from JSON files.

A file holds {"policies": [policy, ...]}; a policy is
  {"name": "sms_outbound", "version": 1, "description": "...",
   "default": "keep" | "scan",              # fields no rule names
   "detection": DetectionConfig JSON,       # for "scan" (proto3 JSON form)
   "redaction": RedactionConfig JSON,
   "rules": [{"field": "dst", "action": "mask", "count": 3, "from_end": true}, ...]}
A rule's `field` is a path: `dst`, `from.email`, `messages[*].text`, `messages[0]`,
`*.phone` (`*` is any key). Actions: `scan` (detect and redact; the rule may
carry its own "detection"/"redaction"), and whole-field operators: `replace`
("value"), `mask` ("mask_char", "count", "from_end", "keep_last",
"digits_only" = true), `label` ("template", e.g. "[REDACTED NAME {n}]"),
`hash` ("prefix", "length"), `encrypt`, `surrogate`, `keep`, `drop`. "as"
names the entity type a field holds ("PHONE_NUMBER"), which normalises its
value for hash/encrypt/label numbering and picks the surrogate's format.
For each field the first rule that names it applies.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterator

from google.protobuf import json_format

import core
from service import convert
from service.api.redact.v1 import redact_pb2 as pb
from core.entity_types import BY_NAME
from core.detect import normalise, phone_e164

ACTIONS = ("scan", "replace", "mask", "label", "hash", "encrypt", "surrogate", "keep", "drop")
FIELD_OPERATORS = ("mask", "label", "hash", "encrypt", "surrogate")
SEGMENT = re.compile(r"(\*|[^.\[\]]+)((?:\[(?:\*|\d+)\])*)")
INDEX = re.compile(r"\[(\*|\d+)\]")
ANY = "*"


class PolicyError(ValueError):
    """A policy file is invalid; the message names the policy, rule and reason."""


@dataclass(frozen=True, slots=True)
class Rule:
    field: str
    path: tuple[tuple[str, tuple[str, ...]], ...]  # (key or *, list indexes or *)
    action: str
    operator: core.redact.Operator | None = None
    detection: core.Detection | None = None
    redaction: core.Redaction | None = None
    as_type: str = ""          # the entity type the field holds, if named
    digits_only: bool = True   # mask: count digits only


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    version: int
    description: str
    rules: tuple[Rule, ...]
    default: str
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
            raise ValueError(f"field {field!r}: cannot parse {part!r}")
        path.append((m.group(1), tuple(INDEX.findall(m.group(2)))))
    return tuple(path)


def _configs(doc: dict, where: str, keys: core.KeyRing) -> tuple[core.Detection | None, core.Redaction | None]:
    try:
        det = json_format.ParseDict(doc["detection"], pb.DetectionConfig()) if "detection" in doc else None
        red = json_format.ParseDict(doc["redaction"], pb.RedactionConfig()) if "redaction" in doc else None
        return (convert.detection(det) if det else None,
                convert.redaction(red, keys=keys) if red else None)
    except (json_format.ParseError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None


def _field_operator(doc: dict, action: str, keys: core.KeyRing) -> core.redact.Operator | None:
    if action in ("hash", "encrypt", "surrogate") and not keys:
        raise ValueError(f"'{action}' needs keys, and none are configured (--keys)")
    if action == "replace":
        if not isinstance(doc.get("value"), str):
            raise ValueError("'replace' needs a string 'value'")
        return core.Replace(doc["value"])
    if action == "mask":
        char, count, keep = doc.get("mask_char", "*"), doc.get("count", 0), doc.get("keep_last", 0)
        if not (isinstance(char, str) and len(char) == 1):
            raise ValueError("'mask_char' must be one character")
        if not all(isinstance(v, int) and v >= 0 for v in (count, keep)):
            raise ValueError("'count' and 'keep_last' must be whole numbers >= 0")
        return core.Mask(char, count, bool(doc.get("from_end", False)), keep)
    if action == "label":
        template = doc.get("template", "[{type}]")
        if not isinstance(template, str) or not template:
            raise ValueError("'template' must be a non-empty string")
        return core.Label(template)
    if action == "hash":
        prefix, length = doc.get("prefix", "tok_"), doc.get("length", 16)
        if not (isinstance(prefix, str) and isinstance(length, int) and 8 <= length <= 64):
            raise ValueError("'hash' takes a string 'prefix' and a 'length' of 8-64")
        return core.Hash(prefix, length)
    if action == "encrypt":
        return core.Encrypt()
    if action == "surrogate":
        return core.Surrogate()
    return None


def parse_rule(doc: dict, keys: core.KeyRing) -> Rule:
    field, action, as_type = doc.get("field"), doc.get("action"), doc.get("as", "")
    if not isinstance(field, str) or not field:
        raise ValueError("'field' must be a non-empty path")
    if action not in ACTIONS:
        raise ValueError(f"'action' must be one of {', '.join(ACTIONS)}, got {action!r}")
    if as_type and as_type not in BY_NAME:
        raise ValueError(f"'as': unknown entity type {as_type!r}")
    detection, redaction = _configs(doc, "rule config", keys)
    return Rule(field, parse_path(field), action, _field_operator(doc, action, keys),
                detection, redaction, as_type, bool(doc.get("digits_only", True)))


def parse_policy(doc: dict, keys: core.KeyRing) -> Policy:
    name = doc.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError("'name' must be a non-empty string")
    default = doc.get("default", "keep")
    if default not in ("keep", "scan"):
        raise ValueError(f"policy {name!r}: 'default' must be 'keep' or 'scan'")
    rules = []
    for i, rule in enumerate(doc.get("rules", [])):
        try:
            rules.append(parse_rule(rule, keys))
        except (ValueError, AttributeError) as exc:
            raise ValueError(f"policy {name!r} rule {i}: {exc}") from None
    detection, redaction = _configs(doc, f"policy {name!r}", keys)
    return Policy(name, int(doc.get("version", 1)), str(doc.get("description", "")),
                  tuple(rules), default, detection or core.Detection(),
                  redaction or core.Redaction(keys=keys))


def parse_policies(text: str, source: str, keys: core.KeyRing = core.KeyRing()) -> dict[str, Policy]:
    try:
        doc = json.loads(text)
        policies = [parse_policy(p, keys) for p in doc["policies"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise PolicyError(f"{source}: {exc}") from None
    return {p.name: p for p in policies}


def load_policies(paths: tuple[str, ...] = (), keys: core.KeyRing = core.KeyRing()) -> dict[str, Policy]:
    """The built-in policies, then each file's (a later name replaces an earlier one).
    Built-in policies that need keys are left out when there are none."""
    builtin = json.loads(resources.files("service").joinpath("policies/builtin.json").read_text())
    if not keys:
        builtin["policies"] = [p for p in builtin["policies"]
                               if not any(r.get("action") in ("hash", "encrypt", "surrogate")
                                          for r in p.get("rules", []))]
    policies = parse_policies(json.dumps(builtin), "built-in policies", keys)
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as exc:
            raise PolicyError(f"{path}: {exc.strerror}") from None
        policies.update(parse_policies(text, path, keys))
    return policies


class PolicyStore:
    """The current policy set; `reload` swaps in a new one only if it is valid."""

    def __init__(self, paths: tuple[str, ...], keys: core.KeyRing) -> None:
        self.paths, self.keys = paths, keys
        self.current: dict[str, Policy] = load_policies(paths, keys)

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


def field_value(as_type: str, text: str, region: str) -> str:
    """The normalised value of a whole field holding an entity of `as_type`."""
    if as_type == "PHONE_NUMBER":
        return phone_e164(text.strip(), region) or "".join(c for c in text if c.isdigit() or c == "+")
    if as_type in ("IP_ADDRESS", "DATE", "DATE_OF_BIRTH"):
        return text.strip()
    return normalise(as_type, text.strip(), 0) if as_type else text.strip()


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
        entities = core.find_entities(text, detection)
        out, _ = core.redact_segment(text, entities, redaction, self.numbering)
        return out, tuple(sorted({e.type for e in entities}))

    def transform(self, rule: Rule, text: str) -> str:
        op, kind = rule.operator, rule.as_type
        if isinstance(op, core.Mask):
            return core.redact.mask_text(text, op, rule.digits_only)
        value = field_value(kind, text, self.policy.detection.region)
        if isinstance(op, core.Label):
            n = self.numbering.number(op.template, value)
            return op.template.replace("{type}", kind or "REDACTED").replace("{n}", str(n))
        return core.apply_operator(op, kind, text, value, self.numbering, self.policy.redaction.keys)

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
