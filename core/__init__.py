"""redactd's scanning core: find PII/PCI entities in text and redact them.

The compiled scanner (`core._scan`) finds candidate spans in one pass over the
str buffer with the GIL released; `core.detect` validates phone numbers,
normalises values and resolves overlaps; `core.redact` builds the output;
`core.stream` does the same for text arriving in chunks.
"""
from core.detect import SUBTYPES, TYPE_NAMES, TYPE_OR_SUBTYPE, Detection, Entity, field_value, find_entities
from core.offsets import CODE_POINT, UTF8_BYTE, UTF16_CODE_UNIT
from core.redact import (IDENTIFY_ONLY, LABEL, MASK, NUMBERED_LABEL, Encrypt, Found, Hash, Keep, Label, Mask,
                         MissingKeys, Numbering, NumberingFull, Operator, Redaction, Replace, Surrogate,
                         apply_operator, mask_text, redact_segment)
from core.stream import HOLDBACK, StreamRedactor
from core.tokens import KeyRing, decrypt_token, reveal_text

__all__ = [
    "TYPE_NAMES", "Detection", "Entity", "find_entities", "CODE_POINT", "UTF8_BYTE",
    "UTF16_CODE_UNIT", "IDENTIFY_ONLY", "LABEL", "MASK", "NUMBERED_LABEL", "Encrypt", "Found", "Hash", "Keep",
    "Label", "Mask", "MissingKeys", "Numbering", "NumberingFull", "Redaction", "Replace", "Surrogate",
    "apply_operator", "redact_segment", "HOLDBACK", "StreamRedactor", "KeyRing", "decrypt_token",
    "redact_text",
    # for the service: the names a caller may give for a type, whole-field values, masking
    "SUBTYPES", "TYPE_OR_SUBTYPE", "field_value", "Operator", "mask_text", "reveal_text",
]


def redact_text(text: str, detection: Detection, redaction: Redaction,
                unit: int = CODE_POINT) -> tuple[str, list[Found]]:
    """Redact a whole text; entities reported in `unit`."""
    entities = find_entities(text, detection)
    if not entities:
        return text, []
    return redact_segment(text, entities, redaction, Numbering(), unit)
