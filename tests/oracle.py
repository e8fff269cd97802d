"""The Python path from spans to redacted text, as it was before the compiled one
(core/scan/output.pyx): the oracle tests/test_compiled_path.py compares that with.

Only the resolution of overlaps and the assembly of the output live here; phone validation,
values, operators and numbering are core's own (core.detect, core.redact), so the two paths
differ in exactly what was compiled.
"""
from __future__ import annotations

from typing import Sequence

from redactd.core import _scan, offsets
from redactd.core.detect import (LOCATION_SUBTYPES, PHONE_CUE_SCORE, PHONE_KEPT, TYPE_NAMES, Detection, Entity, normalise,
                         phone_entity)
from redactd.core.redact import Found, Numbering, Redaction


def resolve(text: str, spans: Sequence[tuple], detection: Detection) -> list[Entity]:
    """Validate the tentative phone candidates the scan left (spoken numbers, shapes the
    compiled tables do not read), keep the leftmost of overlapping spans, then apply
    `exclude` and `min_score`."""
    found: list[Entity] = []
    last_end = -1
    i, n = 0, len(spans)
    while i < n:
        start, end, type_id, flags, score, aux = spans[i]
        if flags & _scan.TENTATIVE:
            # this candidate and its shorter alternatives
            j = i + 1
            while j < n and spans[j][3] & _scan.ALTERNATIVE:
                j += 1
            if start >= last_end:
                phone = phone_entity(text, spans[i:j], detection)
                if phone is not None:
                    found.append(phone)
                    last_end = phone.end
            i = j
            continue
        if start >= last_end:
            name = TYPE_NAMES[type_id]
            found.append(Entity(name, start, end, text[start:end], normalise(name, text[start:end], aux, flags),
                                PHONE_CUE_SCORE if flags & PHONE_KEPT else score,
                                LOCATION_SUBTYPES[aux] if name == "LOCATION" else ""))
            last_end = end
        i += 1
    if detection.exclude or detection.min_score:
        found = [e for e in found if e.type not in detection.exclude and e.subtype not in detection.exclude
                 and e.score >= detection.min_score]
    if detection.subtypes:
        found = [e for e in found if e.type != "LOCATION" or e.subtype in detection.subtypes]
    return found


def find_entities(text: str, detection: Detection = Detection()) -> list[Entity]:
    spans, _, _ = detection.scan(text)
    return resolve(text, spans, detection)


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


def redact_segment(text: str, entities: Sequence[Entity], redaction: Redaction,
                   numbering: Numbering, unit: int = offsets.CODE_POINT,
                   in_base: int = 0, out_base: int = 0) -> tuple[str, list[Found]]:
    out, replacements, starts = redact(text, entities, redaction, numbering)
    bounds = offsets.convert(text, [p for e in entities for p in (e.start, e.end)], unit)
    out_starts = offsets.convert(out, starts, unit)
    found = [Found(e, in_base + bounds[2 * k], bounds[2 * k + 1] - bounds[2 * k], r,
                   out_base + out_starts[k])
             for k, (e, r) in enumerate(zip(entities, replacements))]
    return out, found


def redact_text(text: str, detection: Detection, redaction: Redaction,
                unit: int = offsets.CODE_POINT, numbering: Numbering | None = None) -> tuple[str, list[Found]]:
    entities = find_entities(text, detection)
    if not entities:
        return text, []
    return redact_segment(text, entities, redaction, Numbering() if numbering is None else numbering, unit)
