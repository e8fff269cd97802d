"""Replacing entities: styles, per-type operators and numbered labels."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Mapping, Union

from redactd.core import _mask, _scan, custom, offsets, tokens, values
from redactd.core.detect import LOCATION_SUBTYPES, PHONE_CUE_SCORE, TYPE_NAMES, Detection, Entity, normalise, phone_entity
from redactd.core.entity_types import BY_NAME as ENTITY_NAMES, BY_TYPE, NUMERIC, Normaliser
from redactd.core.surrogate import surrogate
from redactd.core.tokens import KeyRing

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

    def operator_for(self, type_name: str, subtype: str = "") -> Operator:
        """The operator of a type: its subtype's, its own, else the style's."""
        op = self.operators.get(subtype) if subtype else None
        if op is None:
            op = self.operators.get(type_name)
        if op is None:
            if self.style == MASK:
                return Replace(self.redaction_string)
            op = NUMBERED if self.style == NUMBERED_LABEL else DEFAULT_LABEL
        return op

    def replacement(self, entity: Entity, numbering: Numbering) -> str:
        return apply_operator(self.operator_for(entity.type, entity.subtype), entity.type, entity.text,
                              entity.value, numbering, self.keys, entity.subtype)


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
        kind = BY_TYPE.get(type_name)  # a caller's own type has no fake: a hash token
        return surrogate(kind.fake, text, value, keys) if kind else tokens.hash_token(value, keys)
    return text


# identify only: every type kept, the text passes through unchanged
IDENTIFY_ONLY = Redaction(operators={name: Keep() for name in ENTITY_NAMES})


@functools.lru_cache(maxsize=256)
def identify_only(detection: Detection) -> Redaction:
    """IDENTIFY_ONLY, with the detection's own types kept too."""
    if not detection.custom:
        return IDENTIFY_ONLY
    return Redaction(operators={**IDENTIFY_ONLY.operators, **{t: Keep() for t in detection.custom.types}})


@dataclass(frozen=True, slots=True)
class Found:
    """An entity as reported: offsets in the caller's unit and coordinates."""
    entity: Entity
    offset: int            # where it starts in the input
    length: int
    replacement: str
    redacted_offset: int   # where its replacement starts in the output


# ------------------------------------------------------------------ the compiled path

TEXT, FOUND, ENTITIES, TYPES = (_scan.PLAN_WANTS.index(w) for w in ("text", "found", "entities", "types"))
PLAN_CACHE = 256  # plans kept; past that the cache starts over
_plans: dict[object, tuple[Detection, Redaction, _scan.Plan]] = {}
_last: tuple[object, object, _scan.Plan | None] = (None, None, None)


def plan(detection: Detection, redaction: Redaction) -> _scan.Plan:
    """The compiled plan of a (Detection, Redaction) pair: built once, then cached by the
    pair's identity (and, where the operators hash, by value)."""
    global _last
    if _last[0] is detection and _last[1] is redaction:
        return _last[2]  # type: ignore[return-value]
    keys = redaction.keys
    try:
        key: object = (detection, redaction.style, redaction.redaction_string,
                       tuple(redaction.operators.items()), keys.active, tuple(keys.keys.items()))
        hash(key)
    except TypeError:
        key = (id(detection), id(redaction))
    cached = _plans.get(key)
    if cached is None:
        if len(_plans) >= PLAN_CACHE:
            _plans.clear()
        cached = _plans[key] = (detection, redaction, _build_plan(detection, redaction))
    _last = (detection, redaction, cached[2])
    return cached[2]


def _build_plan(detection: Detection, redaction: Redaction) -> _scan.Plan:
    slots = []
    for slot in range(_scan.PLAN_SLOTS):
        located = slot >= len(TYPE_NAMES)
        type_name = "LOCATION" if located else TYPE_NAMES[slot]
        subtype = LOCATION_SUBTYPES[slot - len(TYPE_NAMES)] if located else ""
        dropped = (type_name in detection.exclude or subtype in detection.exclude
                   or bool(detection.subtypes and type_name == "LOCATION" and subtype not in detection.subtypes))
        op = redaction.operator_for(type_name, subtype)
        slots.append((type_name, subtype, dropped, *_compiled_op(op, type_name, subtype), type_name in NUMERIC,
                      COMPILED_VALUES.get(BY_TYPE[type_name].normalise, "python")))
    return _scan.Plan(detection.types, detection.day_first, slots,
                      bool(detection.exclude or detection.min_score), detection.min_score, detection,
                      redaction.keys, (Entity, Found, normalise, phone_entity, apply_operator),
                      detection.phone_region_ids, PHONE_CUE_SCORE)


# normalisers the compiled plan runs itself (_scan.PLAN_VALUES); the others are called
COMPILED_VALUES: dict[Normaliser, str] = {values.date: "date", values.digits: "digits", values.as_written: "as_written"}


def _compiled_op(op: Operator, type_name: str, subtype: str) -> tuple[str, object]:
    """(kind, payload) of an operator as the compiled plan runs it (_scan.PLAN_OPS); what it
    cannot run, or would reject, goes to apply_operator."""
    if isinstance(op, Keep):
        return "keep", None
    if isinstance(op, Replace) and isinstance(op.value, str):
        return "text", op.value
    if isinstance(op, Mask) and isinstance(op.char, str) and len(op.char) == 1 \
            and isinstance(op.count, int) and isinstance(op.keep_last, int) and op.count >= 0 and op.keep_last >= 0:
        return "mask", (op.char, op.count, bool(op.from_end), op.keep_last)
    if isinstance(op, Label) and isinstance(op.template, str):
        template = op.template.replace("{type}", type_name).replace("{kind}", subtype or type_name)
        if "{n}" in op.template:
            return "numbered", template.split("{n}")
        return "text", template.replace("{n}", "0")
    return "python", op


def redact_text(text: str, detection: Detection, redaction: Redaction, unit: int = offsets.CODE_POINT,
                numbering: Numbering | None = None, max_out: int = -1) -> tuple[str, list[Found]]:
    """Redact a whole text; entities reported in `unit`. `numbering` carries numbered labels
    over several texts (a record's fields). With `max_out` >= 0, a redacted text longer than
    that many code points raises OutputTooLarge before it is built."""
    if detection.custom:
        return _custom_redact(text, detection, redaction, unit, numbering, max_out)
    p = plan(detection, redaction)
    if numbering is None and p.numbers:
        numbering = Numbering()
    out, found, _, _ = _scan.redact_scan(p, text, 0, True, 0, numbering, unit, 0, 0, FOUND, max_out)
    return out, found


def redact_only(text: str, detection: Detection, redaction: Redaction,
                numbering: Numbering | None = None, max_out: int = -1, types: list[str] | None = None) -> str:
    """The redacted text alone: no Python object per entity (unless an operator runs in Python).
    `types`, when given, gets each entity's type name appended (to count them)."""
    if detection.custom:
        out, found = _custom_redact(text, detection, redaction, 0, numbering, max_out)
        if types is not None:
            types.extend(f.entity.type for f in found)
        return out
    p = plan(detection, redaction)
    if numbering is None and p.numbers:
        numbering = Numbering()
    if types is None:
        return _scan.redact_scan(p, text, 0, True, 0, numbering, 0, 0, 0, TEXT, max_out)[0]
    out, names, _, _ = _scan.redact_scan(p, text, 0, True, 0, numbering, 0, 0, 0, TYPES, max_out)
    types.extend(names)
    return out


def redact_released(text: str, detection: Detection, redaction: Redaction,
                    cuts: list[tuple[int, bool]]) -> list[tuple[str, int, int, list[Found]]]:
    """`text` redacted as a stream releases it: for each (cut, with_found) in `cuts`, the
    release once `text[:cut]` has been received (a cut at or past the end: all of it, the final
    release; a cut at or before what was released, or after the final one: an empty release).
    Each is (its output, the code point where its input starts, where its output starts, its
    Found if `with_found`, else []). The outputs joined are redact_text's up to the last
    release, and so are the Found's offsets (their Entity's start and end count from the
    release's start, as a stream's do); a release never ends inside an entity. Built-in types
    only (no custom ones)."""
    if detection.custom:
        raise ValueError("redact_released: built-in types only")
    p = plan(detection, redaction)
    numbering = Numbering() if p.numbers else None
    releases: list[tuple[str, int, int, list[Found]]] = []
    ctx = carry = produced = 0
    done = False
    for cut, with_found in cuts:
        final = cut >= len(text)
        if done or (cut <= ctx and not final):
            releases.append(("", ctx, produced, []))
            continue
        out, found, resume, carry = _scan.redact_scan(p, text if final else text[:cut], ctx, final, carry, numbering,
                                                      0, ctx, produced, FOUND if with_found else TEXT, -1)
        releases.append((out, ctx, produced, found))
        ctx, produced, done = resume, produced + len(out), final
    return releases


def find_entities(text: str, detection: Detection = Detection()) -> list[Entity]:
    """Every entity in `text`, sorted by start, none overlapping."""
    if detection.custom:
        return custom_entities(text, detection, 0, len(text), builtin_of(text, detection))
    return _scan.redact_scan(plan(detection, IDENTIFY_ONLY), text, 0, True, 0, None, 0, 0, 0, ENTITIES)[1]


# ------------------------------------------------------------------ custom types (core.custom)

@functools.lru_cache(maxsize=256)
def bare(detection: Detection) -> Detection:
    """The detection's built-in part, unfiltered: custom matches are resolved with it first
    and the filters applied after, as the compiled path does."""
    return dataclasses.replace(detection, exclude=frozenset(), min_score=0.0, subtypes=frozenset(), custom=None)


def builtin_of(text: str, detection: Detection, start: int = 0, final: bool = True,
               carry: int = 0) -> list[Entity]:
    entities, _, _ = builtin_scan(text, detection, start, final, carry)
    return entities


def builtin_scan(text: str, detection: Detection, start: int = 0, final: bool = True,
                 carry: int = 0) -> tuple[list[Entity], int, int]:
    """The built-in entities from `start` (offsets in `text`), where the scan stopped, its carry."""
    _, entities, resume, carry = _scan.redact_scan(plan(bare(detection), IDENTIFY_ONLY), text, start, final, carry,
                                                   None, 0, 0, 0, ENTITIES)
    if start:
        entities = [dataclasses.replace(e, start=e.start + start, end=e.end + start) for e in entities]
    return entities, resume, carry


def custom_entities(text: str, detection: Detection, start: int, stop: int, builtin: list[Entity]) -> list[Entity]:
    own = detection.custom
    assert own is not None
    found, denied = custom.matcher(own).find(text, start, stop)
    return custom.filtered(custom.resolve(text, builtin, found, denied, start, stop), detection, own)


def _custom_redact(text: str, detection: Detection, redaction: Redaction, unit: int,
                   numbering: Numbering | None, max_out: int) -> tuple[str, list[Found]]:
    entities = custom_entities(text, detection, 0, len(text), builtin_of(text, detection))
    return custom.assemble(text, entities, redaction, Numbering() if numbering is None else numbering,
                           unit, 0, len(text), max_out=max_out)
