"""Replacing entities: styles, per-type operators and numbered labels."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence, Union

from core import _mask, offsets
from core.detect import Entity
from core.entity_types import NUMERIC

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


Operator = Union[Replace, Mask, Keep]


def mask_text(text: str, op: Mask, digits_only: bool) -> str:
    """Mask `text`; numeric types count and mask digits only."""
    return _mask.mask(text, op.char, op.count, op.from_end, op.keep_last, digits_only)


@dataclass(slots=True)
class Numbering:
    """Equal (type, value) pairs get equal numbers within one request or stream."""
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def number(self, type_name: str, value: str) -> int:
        key = (type_name, value)
        n = self.numbers.get(key)
        if n is None:
            n = self.numbers[key] = self.counts[type_name] = self.counts.get(type_name, 0) + 1
        return n


@dataclass(frozen=True, slots=True)
class Redaction:
    style: str = LABEL
    redaction_string: str = "****"
    operators: Mapping[str, Operator] = field(default_factory=dict)

    def replacement(self, entity: Entity, numbering: Numbering) -> str:
        op = self.operators.get(entity.type)
        if op is not None:
            return apply_operator(op, entity.type, entity.text)
        if self.style == MASK:
            return self.redaction_string
        if self.style == NUMBERED_LABEL:
            return f"[{entity.type}_{numbering.number(entity.type, entity.value)}]"
        return f"[{entity.type}]"


def apply_operator(op: Operator, type_name: str, text: str) -> str:
    if isinstance(op, Replace):
        return op.value
    if isinstance(op, Mask):
        return mask_text(text, op, type_name in NUMERIC)
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
