"""Types of the compiled scanner, core/_scan.pyx (with core/_words.pxi).

Checked against the compiled module by tests/test_sourcecode.py (mypy's stubtest).
"""
from typing import Any, Final, TypeAlias

from typing_extensions import disjoint_base as _disjoint_base

# start, end (code point offsets, end exclusive), type_id, flags, score, aux
_Span: TypeAlias = tuple[int, int, int, int, float, int]

TYPE_NAMES: Final[tuple[str, ...]]  # the type ids' names, in id order
ALL_TYPES: Final[int]  # a `types` mask with every type's bit
# span flags
TENTATIVE: Final = 1  # a phone candidate; the caller validates (or drops) it
ALTERNATIVE: Final = 2  # a shorter phone candidate with the same start as the previous span
CONTEXT: Final = 4  # a context word was found near the span
SPOKEN: Final = 8  # a number said in words; aux holds its digits
SPOKEN_PLUS: Final = 16  # ... said after "plus": an international phone number
PHONE_CUE: Final = 32  # a phone candidate right after a strong cue ("Mobile:", "call me at")
PHONE_VALUE: Final = 64  # a phone the scan settled: aux holds its value's digits, their count in flags >> 9
VALUE_PLUS: Final = 128  # ... its value written '+' first
PHONE_KEPT: Final = 256  # ... no plan validates it: kept by '+' and its length, or by a strong cue
# scan carry
URL_CARRY: Final = 1  # the previous span was a URL cut short; it goes on at `resume`
# code points
HOLDBACK_CODE_POINTS: Final[int]  # the most a stream holds back
LOOKBEHIND_CODE_POINTS: Final[int]  # released text kept as context
# tables
IBAN_LENGTHS: Final[dict[str, int]]  # country code -> IBAN length
ISO_COUNTRIES: Final[frozenset[str]]  # ISO 3166-1 alpha-2 codes, and XK
NUMBER_VALUES: Final[dict[str, int]]  # spoken-number word classes -> their value
# payment card networks: (network, first IIN, last IIN, lengths, counts only after a card word)
CARD_ISSUERS: Final[tuple[tuple[str, str, str, tuple[int, ...], bool], ...]]
# phone numbering plans (phonenumbers' metadata compiled at build time, scan/phone_tables.h)
PHONENUMBERS_VERSION: Final[str]  # the phonenumbers version the tables were compiled from
PHONE_REGIONS: Final[dict[str, int]]  # ISO 3166 region -> its id in the tables

def scan(text: str, start: int = 0, types: int = ..., final: bool = True, carry: int = 0,
         day_first: bool = False, phone_regions: tuple[int, ...] | None = None) -> tuple[list[_Span], int, int]:
    """(spans, resume, carry); `types` defaults to ALL_TYPES."""
def context_score(text: str, start: int, end: int, type_id: int) -> tuple[bool, float, bool]:
    """(context found, score, vetoed)."""
def gazetteer_flags(phrase: str) -> set[str]: ...
def phone_e164(candidate: str, region_ids: tuple[int, ...]) -> str | None:
    """E.164 of a valid number ('+' or a call prefix: its country's plan; else each region in
    order), None; "" for a shape the tables do not read."""
def phone_possible(candidate: str) -> str | None:
    """E.164 of a '+' number of a length its plan allows, None; "" for a shape not read."""

# the compiled path from text to redacted text (scan/output.pyx); plans are built by core.redact.plan
PLAN_SLOTS: Final[int]  # a rule per type id, then LOCATION's by subtype
PLAN_OPS: Final[tuple[str, ...]]  # what a slot's entities become: keep, text, mask, numbered, python
PLAN_WANTS: Final[tuple[str, ...]]  # what redact_scan returns: text, found, entities, types
PLAN_VALUES: Final[tuple[str, ...]]  # normalisers run in C: python (none), date, digits, as_written
ENTITY_FIELDS: Final[tuple[str, ...]]  # core.detect.Entity's fields, in order
FOUND_FIELDS: Final[tuple[str, ...]]  # core.redact.Found's fields, in order

@_disjoint_base
class Plan:
    """What a (Detection, Redaction) pair does to each slot, in C."""
    def __init__(self, types: int, day_first: bool, slots: list[tuple[str, str, bool, str, object, bool, str]],
                 filter_scores: bool, min_score: float, detection: object, keys: object,
                 hooks: tuple[type, type, object, object, object],
                 phone_regions: tuple[int, ...] | None = None, phone_cue_score: float = 0.6) -> None: ...
    @property
    def numbers(self) -> bool: ...

def redact_scan(plan: Plan, text: str, start: int = 0, final: bool = True, carry: int = 0,
                numbering: object = None, unit: int = 0, in_base: int = 0, out_base: int = 0,
                want: int = 0, max_out: int = -1) -> tuple[Any, list[Any], int, int]:
    """(redacted segment or None, Found or Entity objects or [], resume, carry)."""

class OutputTooLarge(ValueError): ...
