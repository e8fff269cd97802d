from typing import Final

TYPE_NAMES: Final[tuple[str, ...]]
ALL_TYPES: Final[int]
TENTATIVE: Final[int]
ALTERNATIVE: Final[int]
CONTEXT: Final[int]
URL_CARRY: Final[int]
HOLDBACK_CODE_POINTS: Final[int]
LOOKBEHIND_CODE_POINTS: Final[int]
IBAN_LENGTHS: Final[dict[str, int]]

Span = tuple[int, int, int, int, float, int]  # start, end, type_id, flags, score, aux

def scan(text: str, start: int = 0, types: int = ..., final: bool = True, carry: int = 0,
         day_first: bool = False) -> tuple[list[Span], int, int]: ...
def context_score(text: str, start: int, end: int, type_id: int) -> tuple[bool, float]: ...
