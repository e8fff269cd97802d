"""Who may call what: the callers file (`redactd serve --callers FILE`, YAML or JSON).

    callers:
      - name: support                       # unique; the name audit lines use
        token_sha256: "<64 hex digits>"     # SHA-256 of the bearer token, and/or
        subject: "CN=support,O=Example"     # the mTLS client certificate's subject (RFC 4514)
        rpcs: [Redact, ApplyPolicy]         # or "*": Redact BatchRedact IdentifyEntities ApplyPolicy StreamRedact
        policies: [record_number_encrypted] # or "*": ApplyPolicy's policies (and the operators they use)
        operators: [encrypt, reveal]        # keyed operators and Reveal, each named: encrypt hash surrogate reveal

The schema is strict: an unknown key, RPC, operator or policy name, a key given
twice, a token or subject listed twice is an error naming it. A caller with both a
token and a subject is that caller only when both match.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from typing import Any, Iterable

from redactd.policies import read_config

RPCS = ("Redact", "BatchRedact", "IdentifyEntities", "ApplyPolicy", "StreamRedact")
KEYED_OPERATORS = ("encrypt", "hash", "surrogate")
OPERATORS = (*KEYED_OPERATORS, "reveal")  # Reveal is granted here, never by `rpcs`
KEYS = ("name", "token_sha256", "subject", "rpcs", "policies", "operators")
ANY = "*"
HEX64 = re.compile(r"[0-9a-f]{64}")


class CallersError(ValueError):
    """An invalid callers file; the message names the file, the caller and the key."""


@dataclass(frozen=True, slots=True)
class Caller:
    name: str
    token_sha256: str = ""               # lower-case hex, or "" when identified by subject alone
    subject: str = ""                    # exact RFC 4514 string, or ""
    rpcs: frozenset[str] = frozenset()
    policies: frozenset[str] | None = frozenset()  # None: every policy
    operators: frozenset[str] = frozenset()

    def may_apply(self, policy: str) -> bool:
        return self.policies is None or policy in self.policies


class Callers:
    """The callers of one file, looked up by token digest or by certificate subject."""

    def __init__(self, callers: Iterable[Caller] = ()) -> None:
        self.all = tuple(callers)
        self.by_subject = {c.subject: c for c in self.all if c.subject and not c.token_sha256}
        self.read_subject = any(c.subject for c in self.all)  # else a peer's certificate is not looked at

    def identify(self, token: str | None, subject: str | None) -> Caller | None:
        """The caller a bearer token and a certificate subject name, or None. A token,
        when sent, decides (a wrong one is not overridden by a certificate)."""
        if token is not None:
            digest = hashlib.sha256(token.encode()).hexdigest()
            # compare every digest, in constant time each: no early exit on a match
            found = [c for c in self.all if c.token_sha256 and hmac.compare_digest(c.token_sha256, digest)]
            if found and (not found[0].subject or found[0].subject == subject):
                return found[0]
            return None
        return self.by_subject.get(subject) if subject else None


# ---------------------------------------------------------------- loading

def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise CallersError(f"key {key!r} is given twice")
        seen.add(key)
    return dict(pairs)


def _yaml(text: str) -> Any:
    import yaml

    class StrictLoader(yaml.SafeLoader):
        """safe_load, except that a key given twice is an error (yaml keeps the last)."""

    def mapping(loader, node):
        return _no_duplicates([(loader.construct_object(k, deep=True), loader.construct_object(v, deep=True))
                               for k, v in node.value])

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise CallersError(f"not YAML: {' '.join(str(exc).split())}") from None


def parse_doc(text: str, is_json: bool) -> Any:
    if not is_json:
        return _yaml(text)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise CallersError(f"not JSON: {exc}") from None


def _names(value: Any, where: str, known: Iterable[str] | None, what: str, wildcard: bool) -> frozenset[str] | None:
    """A list of names (None for "*", where allowed); each must be known."""
    if wildcard and value == ANY:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CallersError(f"{where}: must be a list of names" + (' or "*"' if wildcard else ""))
    if known is not None:
        known = tuple(known)
        for v in value:
            if v not in known:
                hint = " (Reveal is granted by operators: [reveal])" if v == "Reveal" and what == "RPC" else ""
                raise CallersError(f"{where}: unknown {what} {v!r}{hint}; one of {', '.join(known)}")
    return frozenset(value)


def _string(entry: dict, key: str, where: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise CallersError(f"{where}.{key}: must be a string")
    return value


def parse_caller(entry: Any, where: str, policies: Iterable[str] | None) -> Caller:
    if not isinstance(entry, dict):
        raise CallersError(f"{where}: must be a mapping with {', '.join(KEYS)}")
    for key in entry:
        if key not in KEYS:
            raise CallersError(f"{where}: unknown key {key!r}; known keys: {', '.join(KEYS)}")
    name = _string(entry, "name", where)
    if not name or not name.isprintable() or " " in name:
        raise CallersError(f"{where}.name: must be a non-empty name without spaces")
    token = _string(entry, "token_sha256", where).lower()
    subject = _string(entry, "subject", where)
    if token and not HEX64.fullmatch(token):
        raise CallersError(f"{where}.token_sha256: must be 64 hex digits (the SHA-256 of the bearer token)")
    if not token and not subject:
        raise CallersError(f"{where}: needs token_sha256 or subject (or both)")
    rpcs = _names(entry.get("rpcs", []), f"{where}.rpcs", RPCS, "RPC", True)
    return Caller(name, token, subject, frozenset(RPCS) if rpcs is None else rpcs,
                  _names(entry.get("policies", []), f"{where}.policies", policies, "policy", True),
                  frozenset(_names(entry.get("operators", []), f"{where}.operators", OPERATORS, "operator", False)
                            or ()))


def parse_callers(doc: Any, policies: Iterable[str] | None = None) -> Callers:
    """`policies`: the policy names a caller may be granted (None: not checked)."""
    if not isinstance(doc, dict) or set(doc) != {"callers"}:
        extra = sorted(set(doc) - {"callers"}) if isinstance(doc, dict) else []
        raise CallersError(f"unknown key {extra[0]!r}; the file has one key, callers" if extra
                           else "must be a mapping with one key, callers: a list of callers")
    if not isinstance(doc["callers"], list):
        raise CallersError("callers: must be a list")
    callers = [parse_caller(e, f"callers[{i}]", policies) for i, e in enumerate(doc["callers"])]
    for key, what in (("name", "name"), ("token_sha256", "token_sha256"), ("subject", "subject")):
        seen: dict[str, int] = {}
        for i, c in enumerate(callers):
            value = getattr(c, key)
            if key == "subject" and c.token_sha256:
                continue  # a subject with a token is a pair; the token is unique already
            if value and value in seen:
                raise CallersError(f"callers[{i}].{what}: the same as callers[{seen[value]}]'s")
            seen.setdefault(value, i)
    return Callers(callers)


def load_callers(path: str, policies: Iterable[str] | None = None) -> Callers | None:
    """The callers file at `path` (JSON when it ends in .json, else YAML), or None for ""."""
    if not path:
        return None
    text = read_config(path, CallersError)
    try:
        return parse_callers(parse_doc(text, path.endswith(".json")), policies)
    except CallersError as exc:
        raise CallersError(f"{path}: {exc}") from None
