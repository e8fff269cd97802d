"""Replacing entities: styles, per-type operators and numbered labels."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence, Union

from core import _mask, offsets, tokens
from core.detect import Entity
from core.entity_types import BY_NAME as ENTITY_NAMES, BY_TYPE, NUMERIC
from core.surrogate import surrogate
from core.tokens import KeyRing

LABEL, MASK, NUMBERED_LABEL = "LABEL", "MASK", "NUMBERED_LABEL"


@dataclass(frozen=True, slots=True)
class Replace:
    value: str


@dataclass(frozen=True, slots=True)
class Mask:
    char: str = "*"
    count: int = 0          # 0 = every eligible character (less keep_last)
    from_end: bool = False
    keep_last: int = 0


@dataclass(frozen=True, slots=True)
class Keep:
    pass


@dataclass(frozen=True, slots=True)
class Label:
    """"[SSN]", "[LOCATION_CITY]" by default; a template with {type} (the entity type),
    {kind} (its subtype where it has one, else its type) and {n} ("[REDACTED NAME {n}]"
    numbers equal values alike)."""
    template: str = "[{kind}]"


@dataclass(frozen=True, slots=True)
class Hash:
    """Keyed HMAC-SHA256 of the normalised value, truncated and prefixed."""
    prefix: str = "tok_"
    length: int = 16


@dataclass(frozen=True, slots=True)
class Encrypt:
    """Deterministic AES-SIV token, reversible with the key (Reveal)."""


@dataclass(frozen=True, slots=True)
class Surrogate:
    """A realistic fake of the same format and validity, stable per value."""


Operator = Union[Replace, Mask, Keep, Label, Hash, Encrypt, Surrogate]
KEYED = (Hash, Encrypt, Surrogate)


class MissingKeys(ValueError):
    """A keyed operator was asked for but the server has no keys."""


def mask_text(text: str, op: Mask, digits_only: bool) -> str:
    """Mask `text`; numeric types count and mask digits only."""
    return _mask.mask(text, op.char, op.count, op.from_end, op.keep_last, digits_only)


class NumberingFull(ValueError):
    """More distinct values were numbered than a stream may remember."""


@dataclass(slots=True)
class Numbering:
    """Equal (type, value) pairs get equal numbers within one request or stream."""
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    limit: int = 0  # distinct values remembered at most; 0 = no limit

    def number(self, type_name: str, value: str) -> int:
        key = (type_name, value)
        n = self.numbers.get(key)
        if n is None:
            if self.limit and len(self.numbers) >= self.limit:
                raise NumberingFull(f"redaction: more than {self.limit} distinct values numbered in one stream")
            n = self.numbers[key] = self.counts[type_name] = self.counts.get(type_name, 0) + 1
        return n


NUMBERED = Label("[{type}_{n}]")


@dataclass(frozen=True, slots=True)
class Redaction:
    style: str = LABEL
    redaction_string: str = "****"
    operators: Mapping[str, Operator] = field(default_factory=dict)
    keys: KeyRing = field(default_factory=KeyRing)

    def replacement(self, entity: Entity, numbering: Numbering) -> str:
        op = self.operators.get(entity.subtype) if entity.subtype else None
        if op is None:
            op = self.operators.get(entity.type)
        if op is None:
            if self.style == MASK:
                return self.redaction_string
            op = NUMBERED if self.style == NUMBERED_LABEL else DEFAULT_LABEL
        return apply_operator(op, entity.type, entity.text, entity.value, numbering, self.keys,
                              entity.subtype)


DEFAULT_LABEL = Label()


def apply_operator(op: Operator, type_name: str, text: str, value: str | None = None,
                   numbering: Numbering | None = None, keys: KeyRing | None = None,
                   subtype: str = "") -> str:
    """What `text` (of `type_name`, normalised `value`) becomes under `op`."""
    value = text if value is None else value
    if isinstance(op, Replace):
        return op.value
    if isinstance(op, Mask):
        # numeric types keep their separators; a number said in words is masked whole
        return mask_text(text, op, type_name in NUMERIC and not any(c.isalpha() for c in text))
    if isinstance(op, Label):
        n = numbering.number(type_name, value) if "{n}" in op.template and numbering is not None else 0
        return (op.template.replace("{type}", type_name).replace("{kind}", subtype or type_name)
                .replace("{n}", str(n)))
    if isinstance(op, KEYED):
        if not keys:
            raise MissingKeys("no keys are configured for hash, encrypt or surrogate")
        if isinstance(op, Hash):
            return tokens.hash_token(value, keys, op.prefix, op.length)
        if isinstance(op, Encrypt):
            return tokens.encrypt_token(value, keys)
        return surrogate(BY_TYPE[type_name].fake, text, value, keys)
    return text


def redact(text: str, entities: Sequence[Entity], redaction: Redaction,
           numbering: Numbering) -> tuple[str, list[str], list[int]]:
    """The redacted text, each entity's replacement, and where each
    replacement starts in the redacted text (code points)."""
    parts: list[str] = []
    replacements: list[str] = []
    starts: list[int] = []
    pos = out_len = 0
    for e in entities:
        parts.append(text[pos:e.start])
        out_len += e.start - pos
        r = redaction.replacement(e, numbering)
        replacements.append(r)
        starts.append(out_len)
        parts.append(r)
        out_len += len(r)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), replacements, starts


# identify only: every type kept, the text passes through unchanged
IDENTIFY_ONLY = Redaction(operators={name: Keep() for name in ENTITY_NAMES})


@dataclass(frozen=True, slots=True)
class Found:
    """An entity as reported: offsets in the caller's unit and coordinates."""
    entity: Entity
    offset: int            # where it starts in the input
    length: int
    replacement: str
    redacted_offset: int   # where its replacement starts in the output


def redact_segment(text: str, entities: Sequence[Entity], redaction: Redaction,
                   numbering: Numbering, unit: int = offsets.CODE_POINT,
                   in_base: int = 0, out_base: int = 0) -> tuple[str, list[Found]]:
    """Redact one text (or one committed stream segment starting at
    `in_base`/`out_base` units) and report each entity in `unit`."""
    out, replacements, starts = redact(text, entities, redaction, numbering)
    bounds = offsets.convert(text, [p for e in entities for p in (e.start, e.end)], unit)
    out_starts = offsets.convert(out, starts, unit)
    found = [Found(e, in_base + bounds[2 * k], bounds[2 * k + 1] - bounds[2 * k], r,
                   out_base + out_starts[k])
             for k, (e, r) in enumerate(zip(entities, replacements))]
    return out, found
