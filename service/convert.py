"""Protobuf messages to core objects and back. No scanning here."""
from __future__ import annotations

import functools
from typing import Iterable

from redactd import core
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd.errors import BadRequest, NotConfigured, TooLarge

# Each enum's zero value (*_UNSPECIFIED) means its documented default.
STYLES = {pb.REDACTION_STYLE_UNSPECIFIED: core.LABEL, pb.REDACTION_STYLE_LABEL: core.LABEL,
          pb.REDACTION_STYLE_MASK: core.MASK, pb.REDACTION_STYLE_NUMBERED_LABEL: core.NUMBERED_LABEL}
OPERATOR_KINDS = tuple(f.name for f in pb.Operator.DESCRIPTOR.oneofs_by_name["kind"].fields)
KEYED_KINDS = ("hash", "encrypt", "surrogate")  # need the server's keys
MAX_REPLACEMENT = 256  # code points of a replace value or label template: no amplification
UNITS = {pb.OFFSET_UNIT_UNSPECIFIED: core.CODE_POINT, pb.OFFSET_UNIT_CODE_POINT: core.CODE_POINT,
         pb.OFFSET_UNIT_UTF8_BYTE: core.UTF8_BYTE, pb.OFFSET_UNIT_UTF16_CODE_UNIT: core.UTF16_CODE_UNIT}
DEFAULT_ACTIONS = {pb.Policy.DEFAULT_UNSPECIFIED: "keep", pb.Policy.DEFAULT_KEEP: "keep",
                   pb.Policy.DEFAULT_SCAN: "scan"}


def offset_unit(msg: pb.DetectionConfig) -> int:
    """The core's offset unit for a (checked: see detection()) message's offset_unit."""
    return UNITS[msg.offset_unit]


def checked_text(text: str, field: str, limit: int) -> str:
    """`text` unless it passes the size limit (UTF-8 bytes)."""
    if len(text) > limit or (not text.isascii() and len(text.encode("utf-8", "surrogatepass")) > limit):
        raise TooLarge(f"{field}: larger than the limit of {limit} bytes")
    return text


@functools.lru_cache(maxsize=1024)
def _detection(entity_types: tuple[str, ...], exclude: tuple[str, ...], min_score: float,
               region: str, phone_regions: tuple[str, ...], custom: core.Custom | None) -> core.Detection:
    return core.Detection.create(entity_types, exclude, min_score, region, phone_regions, custom)


@functools.lru_cache(maxsize=256)
def _custom(recognizers: tuple, deny: tuple, allow: tuple[str, ...]) -> core.Custom | None:
    """Patterns compiled once per configuration (core.custom caches the compiled form)."""
    return core.Custom.create([core.Recognizer(t, r, c, s or core.custom.DEFAULT_SCORE, v)
                               for t, r, c, s, v in recognizers],
                              [core.DenyList(t, v) for t, v in deny], allow) or None


def detection(msg: pb.DetectionConfig, field: str = "detection",
              phone_regions: tuple[str, ...] = ()) -> core.Detection:
    """`phone_regions`: the server's default, for a message that names none."""
    if msg.offset_unit not in UNITS:
        raise BadRequest(f"{field}.offset_unit: unknown unit {msg.offset_unit}")
    try:
        custom = None
        if msg.recognizers or msg.deny or msg.allow:
            custom = _custom(tuple((r.type, r.regex, tuple(r.context), r.score, r.validator) for r in msg.recognizers),
                             tuple((d.type, tuple(d.values)) for d in msg.deny), tuple(msg.allow))
        return _detection(tuple(msg.entity_types), tuple(msg.exclude), msg.min_score, msg.default_region,
                          tuple(msg.phone_regions) or phone_regions, custom)
    except ValueError as exc:
        raise BadRequest(f"{field}.{exc}") from None


def operator(msg: pb.Operator, field: str, keys: core.KeyRing) -> core.Operator:
    kind = msg.WhichOneof("kind")
    if kind in KEYED_KINDS and not keys:
        raise NotConfigured(f"{field}.{kind}: needs keys, and none are configured on this server")
    if kind == "replace":
        if len(msg.replace.value) > MAX_REPLACEMENT:
            raise BadRequest(f"{field}.replace.value: longer than {MAX_REPLACEMENT} characters")
        return core.Replace(msg.replace.value)
    if kind == "mask":
        m = msg.mask
        if len(m.mask_char) > 1:
            raise BadRequest(f"{field}.mask.mask_char: must be one character")
        return core.Mask(m.mask_char or "*", m.count, m.from_end, m.keep_last)
    if kind == "keep":
        return core.Keep()
    if kind == "label":
        if len(msg.label.template) > MAX_REPLACEMENT:
            raise BadRequest(f"{field}.label.template: longer than {MAX_REPLACEMENT} characters")
        return core.Label(msg.label.template or core.Label().template)
    if kind == "hash":
        length = msg.hash.length or 16
        if not 8 <= length <= 64 or len(msg.hash.prefix) > 16:
            raise BadRequest(f"{field}.hash: length must be 8-64 and prefix at most 16 characters")
        return core.Hash(msg.hash.prefix or "tok_", length)
    if kind == "encrypt":
        return core.Encrypt()
    if kind == "surrogate":
        return core.Surrogate()
    raise BadRequest(f"{field}: no operator set")


def rule_operator(msg: pb.PolicyRule, field: str, keys: core.KeyRing) -> core.Operator | None:
    """A policy rule's whole-field operator, converted as an RPC's; None for scan and drop."""
    kind = msg.WhichOneof("action")
    if kind not in OPERATOR_KINDS:
        return None
    return operator(pb.Operator(**{kind: getattr(msg, kind)}), field, keys)


@functools.lru_cache(maxsize=256)
def _plain_redaction(style: int, redaction_string: str, keys: core.KeyRing) -> core.Redaction:
    return core.Redaction(STYLES[style], redaction_string or "****", {}, keys)


def redaction(msg: pb.RedactionConfig, field: str = "redaction",
              keys: core.KeyRing = core.KeyRing(), own_types: frozenset[str] = frozenset()) -> core.Redaction:
    """`own_types`: the caller's custom types (the detection's), which operators may name too."""
    if not msg.operators and msg.style in STYLES and len(msg.redaction_string) <= 16:
        return _plain_redaction(msg.style, msg.redaction_string, keys)  # the common case, cached
    s = msg.redaction_string
    if s and not 1 <= len(s) <= 16:
        raise BadRequest(f"{field}.redaction_string: must be 1 to 16 characters, got {len(s)}")
    ops = {}
    for name, op in msg.operators.items():
        if name not in core.TYPE_OR_SUBTYPE and name not in own_types:
            raise BadRequest(f"{field}.operators: unknown entity type {name!r}")
        ops[name] = operator(op, f"{field}.operators[{name}]", keys)
    if msg.style not in STYLES:
        raise BadRequest(f"{field}.style: unknown style {msg.style}")
    return core.Redaction(STYLES[msg.style], s or "****", ops, keys)


def entity(f: core.Found, redacted: bool) -> pb.Entity:
    e = f.entity
    msg = pb.Entity(type=e.type, text=e.text, value=e.value, offset=f.offset,
                    length=f.length, score=e.score, subtype=e.subtype)
    if redacted:
        msg.replacement = f.replacement
        msg.redacted_offset = f.redacted_offset
    return msg


def entities(found: Iterable[core.Found], redacted: bool) -> list[pb.Entity]:
    return [entity(f, redacted) for f in found]
