"""Types of the compiled masker, core/_mask.pyx.

Checked against the compiled module by tests/test_sourcecode.py (mypy's stubtest).
"""

def mask(text: str, mask_char: str = "*", count: int = 0, from_end: bool = False,
         keep_last: int = 0, digits_only: bool = True) -> str: ...
