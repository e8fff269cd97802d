"""The baseline: a typical regex redactor's scan with Python's `re`.

Per type one compiled pattern plus the same cheap validations the compiled core
does (issuer prefix, length and Luhn for cards, SSN ranges, mod-97 and registry length for
IBANs, ABA checksum and a context word for routing numbers, octet and IPv6 form,
month/day ranges for dates, 7-15 digits for phone candidates); then the
leftmost match wins an overlap (the longest, a phone
candidate only where nothing else starts). `scan_alternation` is the same
patterns as one compiled alternation (one pass, first alternative wins).
Phone candidates are not validated with phonenumbers, as in `core._scan.scan`.
"""
from __future__ import annotations

import ipaddress
import re

from redactd.core._scan import IBAN_LENGTHS

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"[12]\d{3}"

PATTERNS: dict[str, str] = {  # each led by a first-character lookahead: the usual tuning for re
    "URL": r"(?=[hfswHFSW])(?i:\b(?:(?:https?|ftps?|sftp|wss?)://|www\.)[^\s<>\"`{}|\\^]+)",
    "EMAIL_ADDRESS": r"\b[\w.%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}\b",
    "IBAN": r"(?=[A-Z])\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)\b",
    "IP_ADDRESS6": r"(?=[0-9A-Fa-f:])(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:|::?)(?:[0-9A-Fa-f]{0,4}:){1,7}[0-9A-Fa-f.]*(?![\w:])",
    "IP_ADDRESS": r"(?=\d)(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\w|\.\d)",
    "DATE_WRITTEN": rf"(?=[\dJFMASONDjfmasond])\b(?i:{DAY}(?: of)? {MONTH}(?:,? {YEAR})?|{MONTH} {DAY}(?:,? {YEAR})?|{MONTH} {YEAR})\b",
    "DATE": r"(?=\d)\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2}))\b",
    "SSN": r"(?=\d)\b\d{3}[- .]\d{2}[- .]\d{4}\b",
    "NINE_DIGITS": r"(?=\d)\b\d{9}\b",
    "CREDIT_CARD_NUMBER": r"(?=\d)\b(?:4|5[1-5]|2[2-7]|3[0-9]|6|50)\d{2,5}(?:[ -]?\d{2,7}){1,4}\b",
    "PHONE_NUMBER": r"(?=[+(\d])(?<![\w.+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,15}(?:[ .-]\d{2,8}){0,5}\b",
}
CONTEXT = {name: re.compile(r"(?i)\b(?:" + "|".join(words) + r")\b") for name, words in {
    "SSN": ["ssn", "social", "security", "ss", "ssa", "taxpayer", "tin", "itin"],
    "US_BANK_ROUTING_NUMBER": ["routing", "aba", "rtn", "transit", "abartn"],
    "DATE_OF_BIRTH": ["born", "birth", "birthday", "dob", "birthdate", "bday"],
}.items()}


def context(name: str, text: str, start: int, before: int = 48) -> bool:
    return CONTEXT[name].search(text, max(0, start - before), start) is not None


def digits_of(s: str) -> list[int]:
    return [ord(c) - 48 for c in s if "0" <= c <= "9"]


def luhn(d: list[int]) -> bool:
    return sum(sum(divmod(v * (1 + i % 2), 10)) for i, v in enumerate(reversed(d))) % 10 == 0


def card(text: str, m: re.Match) -> str | None:
    d = digits_of(m.group())
    return "CREDIT_CARD_NUMBER" if 13 <= len(d) <= 19 and luhn(d) else None


def ssn_ok(area: int, group: int, serial: int) -> bool:
    return not (area in (0, 666) or area >= 900 or group == 0 or serial == 0)


def ssn(text: str, m: re.Match) -> str | None:
    s = m.group()
    return "SSN" if ssn_ok(int(s[:3]), int(s[4:6]), int(s[7:])) else None


def aba_ok(d: list[int]) -> bool:
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def nine_digits(text: str, m: re.Match) -> str | None:
    d = digits_of(m.group())
    if aba_ok(d) and context("US_BANK_ROUTING_NUMBER", text, m.start()):
        return "US_BANK_ROUTING_NUMBER"
    s = m.group()
    if ssn_ok(int(s[:3]), int(s[3:5]), int(s[5:])) and context("SSN", text, m.start()):
        return "SSN"
    return None


def iban(text: str, m: re.Match) -> str | None:
    s = m.group().replace(" ", "").upper()
    if IBAN_LENGTHS.get(s[:2]) != len(s):
        return None
    return "IBAN" if int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1 else None


def ipv6(text: str, m: re.Match) -> str | None:
    try:
        ipaddress.IPv6Address(m.group())
    except ValueError:
        return None
    return "IP_ADDRESS"


def date_ok(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def dated(text: str, m: re.Match) -> str:
    return "DATE_OF_BIRTH" if context("DATE_OF_BIRTH", text, m.start(), 40) else "DATE"


def numeric_date(text: str, m: re.Match) -> str | None:
    a, b, c = re.split(r"[-/.]", m.group())
    y, mo, d = (a, b, c) if len(a) == 4 else (c, a, b)
    if not date_ok(int(y), int(mo), int(d)) and not date_ok(int(y), int(d), int(mo)):
        return None
    return dated(text, m)


def phone(text: str, m: re.Match) -> str | None:
    return "PHONE_NUMBER" if 7 <= len(digits_of(m.group())) <= 15 else None


def url(text: str, m: re.Match) -> str | None:
    return "URL"


def email(text: str, m: re.Match) -> str | None:
    return "EMAIL_ADDRESS"


def ipv4(text: str, m: re.Match) -> str | None:
    return "IP_ADDRESS"


VALIDATORS = {"URL": url, "EMAIL_ADDRESS": email, "IBAN": iban, "IP_ADDRESS6": ipv6,
              "IP_ADDRESS": ipv4, "CREDIT_CARD_NUMBER": card, "SSN": ssn,
              "NINE_DIGITS": nine_digits, "DATE_WRITTEN": dated, "DATE": numeric_date,
              "PHONE_NUMBER": phone}
COMPILED = [(re.compile(p), VALIDATORS[name]) for name, p in PATTERNS.items()]
ALTERNATION = re.compile("|".join(f"(?P<{name}>{p})" for name, p in PATTERNS.items())
                         .replace(r"\1", "(?P=sep)").replace("([/.-])", "(?P<sep>[/.-])"))
URL_TRAILER = ".,;:!?'*)]"


def trimmed(text: str, name: str, start: int, end: int) -> int:
    while name == "URL" and end > start and text[end - 1] in URL_TRAILER:
        end -= 1
    return end


def leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    found.sort(key=lambda f: (f[0], f[2] == "PHONE_NUMBER", -f[1]))
    kept, last_end = [], -1
    for f in found:
        if f[0] >= last_end:
            kept.append(f)
            last_end = f[1]
    return kept


def scan(text: str, phones: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, type) of every validated match, leftmost-longest, no overlaps."""
    found = []
    for pattern, validate in (COMPILED if phones else COMPILED[:-1]):
        for m in pattern.finditer(text):
            name = validate(text, m)
            if name:
                found.append((m.start(), trimmed(text, name, m.start(), m.end()), name))
    return leftmost_longest(found)


def scan_alternation(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in ALTERNATION.finditer(text):
        name = VALIDATORS[m.lastgroup](text, m) if m.lastgroup in VALIDATORS else None
        if name:
            found.append((m.start(), trimmed(text, name, m.start(), m.end()), name))
    return found


def redact(text: str, phones: bool = True) -> str:
    """The baseline redactor: scan(), then each match replaced by its label, in one join."""
    parts, pos = [], 0
    for start, end, name in scan(text, phones):
        parts += [text[pos:start], "[", "DATE" if name == "DATE_WRITTEN" else name, "]"]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def main(argv: list[str]) -> int:
    """`python -m bench.baseline_re [--no-phones] FILE`: the file redacted to stdout, 1 MiB of
    lines at a time (the whole-process baseline of `redactd redact FILE`)."""
    import sys
    phones = "--no-phones" not in argv
    with open(argv[-1], encoding="utf-8") as f:
        while chunk := f.read(1 << 20):
            chunk += f.readline()  # whole lines: no match is cut
            sys.stdout.write(redact(chunk, phones))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
