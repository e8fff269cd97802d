"""redactd's scanning core: find PII/PCI entities in text and redact them.

The compiled scanner (`core._scan`) finds candidate spans in one pass over the
str buffer with the GIL released, resolves overlaps and builds the redacted text
from a plan `core.redact` compiles once per configuration; `core.detect` holds
what stays in Python: phone validation and value normalisers, called only when a
value is needed; `core.stream` does the same for text arriving in chunks.
"""
from redactd.core import custom
from redactd.core.custom import Custom, DenyList, Recognizer
from redactd.core.detect import SUBTYPES, TYPE_NAMES, TYPE_OR_SUBTYPE, Detection, Entity, field_value
from redactd.core.offsets import CODE_POINT, UTF8_BYTE, UTF16_CODE_UNIT
from redactd.core.redact import (IDENTIFY_ONLY, LABEL, MASK, NUMBERED_LABEL, Encrypt, Found, Hash, Keep, Label, Mask,
                         MissingKeys, Numbering, NumberingFull, Operator, Redaction, Replace, Surrogate,
                         apply_operator, find_entities, identify_only, mask_text, redact_only, redact_released,
                         redact_text)
from redactd.core._scan import OutputTooLarge
from redactd.core.pieces import PIECE_CODE_POINTS, redact_pieces
from redactd.core.stream import HOLDBACK, StreamRedactor
from redactd.core.tokens import KeyRing, decrypt_token, reveal_text

__all__ = [
    "TYPE_NAMES", "Detection", "Entity", "find_entities", "CODE_POINT", "UTF8_BYTE",
    "UTF16_CODE_UNIT", "IDENTIFY_ONLY", "LABEL", "MASK", "NUMBERED_LABEL", "Encrypt", "Found", "Hash", "Keep",
    "Label", "Mask", "MissingKeys", "Numbering", "NumberingFull", "Redaction", "Replace", "Surrogate",
    "apply_operator", "redact_only", "HOLDBACK", "StreamRedactor", "KeyRing", "decrypt_token",
    "redact_text", "identify_only", "OutputTooLarge", "custom", "Custom", "Recognizer", "DenyList",
    # for the service: the names a caller may give for a type, whole-field values, masking
    "SUBTYPES", "TYPE_OR_SUBTYPE", "field_value", "Operator", "mask_text", "reveal_text",
    # long texts in pieces, so that the service can stop between them
    "PIECE_CODE_POINTS", "redact_pieces",
    # a text released as a stream would release it (service.parallel: big blocks)
    "redact_released",
]

