"""A slow, pure-Python reference for `core._scan.scan` (final scans from 0).

This is the scanner's specification in executable form. It is written from
the rules, not translated from the Cython: plain `str` indexing, small helper
functions that each answer one question, regular expressions for runs of
characters. `reference_scan(text)` returns the same list of
``(start, end, type_id, flags, score, aux)`` tuples as
``core._scan.scan(text)[0]``; scores are float32 values, so compare them with
a tolerance.

The rules, in brief:

* One pass from left to right. Only a *word start* is tried: a position whose
  previous character is not a word character (ASCII letters and digits, '_',
  and every non-ASCII character outside the punctuation blocks). A match
  moves the pass to its end, so matches never overlap; phone numbers are only
  *candidates* (TENTATIVE, up to three per start, longest first, the shorter
  ones flagged ALTERNATIVE) that the caller validates.
* Everything decided at a position reads at most LOOKAHEAD code points from
  it (`lim`), plus the character just past a match to see that it ends a word.
  A URL still going at `lim` is cut there and goes on as a new URL span.
* Context words are whole runs of ASCII letters, case-insensitive, within
  `before` code points before the match or `after` code points after it (but
  not past `lim`); a run cut by the window's edge does not count.
"""
from __future__ import annotations

import re
import string
import struct
import unicodedata
from typing import NamedTuple, Optional

from core import lexicon
from core.entity_types import BY_NAME, ENTITY_TYPES

LOOKAHEAD = 220
PHONE_MAX = 32
MAX_GROUPS = 8

TENTATIVE, ALTERNATIVE, CONTEXT = 1, 2, 4

CARD = BY_NAME["CREDIT_CARD_NUMBER"]
SSN = BY_NAME["SSN"]
PHONE = BY_NAME["PHONE_NUMBER"]
EMAIL = BY_NAME["EMAIL_ADDRESS"]
IBAN = BY_NAME["IBAN"]
ROUTING = BY_NAME["US_BANK_ROUTING_NUMBER"]
IP = BY_NAME["IP_ADDRESS"]
URL = BY_NAME["URL"]
DATE = BY_NAME["DATE"]
DOB = BY_NAME["DATE_OF_BIRTH"]
EXPIRY = BY_NAME["CREDIT_CARD_EXPIRATION"]
CVV = BY_NAME["CREDIT_CARD_CVV"]
AGE = BY_NAME["AGE"]
SWIFT = BY_NAME["SWIFT_CODE"]
PIN = BY_NAME["CREDIT_CARD_PIN"]
ACCOUNT = BY_NAME["US_BANK_ACCOUNT_NUMBER"]
ALL_TYPES = (1 << len(ENTITY_TYPES)) - 1
SPOKEN, SPOKEN_PLUS = 8, 16

NUL = "\0"  # what the scanner sees outside the text: not a word character


# ------------------------------------------------------------------ characters

ASCII_LETTERS = frozenset(string.ascii_letters)
DIGITS = frozenset(string.digits)
HEX = frozenset(string.hexdigits)
LOCAL = ASCII_LETTERS | DIGITS | frozenset("._%+-")         # email local part
DOMAIN = ASCII_LETTERS | DIGITS | frozenset("-")            # host name labels
ASCII_URL = frozenset(chr(c) for c in range(33, 127)) - frozenset('<>"`{}|\\^')
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(text: str) -> str:
    """Lower-case A-Z only (str.lower also folds non-ASCII, e.g. KELVIN SIGN)."""
    return text.translate(_LOWER)


def is_separator(ch: str) -> bool:
    """Non-ASCII punctuation: Latin-1 punctuation and symbols, x and /, General
    Punctuation, CJK punctuation, BOM, fullwidth ASCII symbols."""
    c = ord(ch)
    return (0x80 <= c <= 0xBF or c in (0xD7, 0xF7) or 0x2000 <= c <= 0x206F
            or 0x3000 <= c <= 0x303F or c == 0xFEFF or 0xFF00 <= c <= 0xFF20)


def is_word(ch: str) -> bool:
    if ch.isascii():
        return ch in ASCII_LETTERS or ch in DIGITS or ch == "_"
    return not is_separator(ch)


def is_url_char(ch: str) -> bool:
    if ch.isascii():
        return ch in ASCII_URL
    return not is_separator(ch)


def f32(x: float) -> float:
    return struct.unpack("f", struct.pack("f", x))[0]


def score_of(type_id: int, context: bool) -> float:
    row = ENTITY_TYPES[type_id]
    v = f32(f32(row.score) + (f32(row.boost) if context else 0.0))
    return min(v, 1.0)


class Group(NamedTuple):
    start: int        # first digit
    digits_end: int   # after the last digit
    stop: int         # after the group, its ')' included
    sep: str          # separator before it ('' for the first; ')' after a "(ddd)")
    paren: bool       # written "(ddd)"

    @property
    def length(self) -> int:
        return self.digits_end - self.start


class Text:
    """The text, with the scanner's out-of-range reads."""

    def __init__(self, text: str, day_first: bool) -> None:
        self.s = text
        self.n = len(text)
        self.day_first = day_first

    def at(self, i: int) -> str:
        return self.s[i] if 0 <= i < self.n else NUL

    def word_at(self, i: int) -> bool:
        return is_word(self.at(i))

    def run(self, i: int, lim: int, chars) -> int:
        """End of the run of characters in `chars` (a set or predicate) from i, before lim."""
        test = chars if callable(chars) else chars.__contains__
        while i < lim and test(self.s[i]):
            i += 1
        return i

    def starts(self, i: int, lim: int, word: str) -> bool:
        """Case-insensitive ASCII prefix test inside [i, lim)."""
        return i + len(word) <= lim and ascii_lower(self.s[i:i + len(word)]) == word

    # -------------------------------------------------------------- context

    def words_in(self, a: int, b: int, words) -> bool:
        for m in re.finditer(r"[A-Za-z]+", self.s[a:b]):
            w, e = a + m.start(), a + m.end()
            if w == a and self.at(a - 1) in ASCII_LETTERS:
                continue  # cut by the window's left edge
            if e == b and self.at(b) in ASCII_LETTERS:
                continue  # cut by the window's right edge
            if ascii_lower(self.s[w:e]) in words:
                return True
        return False

    def context(self, start: int, end: int, lim: int, type_id: int) -> bool:
        row = ENTITY_TYPES[type_id]
        if self.words_in(max(0, start - row.before), start, row.context):
            return True
        return row.after > 0 and self.words_in(end, min(end + row.after, lim), row.context)

    # -------------------------------------------------------------- email

    def email(self, w: int, at_sign: int, lim: int) -> Optional[int]:
        local = self.s[w:at_sign]
        if len(local) > 64 or local.endswith(".") or ".." in local:
            return None
        m = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*").match(self.s, at_sign + 1, lim)
        if not m:
            return None
        labels = m.group().split(".")
        for label in labels:
            if len(label) > 63 or label.startswith("-") or label.endswith("-"):
                return None
        end = m.end()
        tld = labels[-1]
        if len(labels) < 2 or len(m.group()) > 253 or len(tld) < 2:
            return None
        if end == lim and lim < self.n:
            return None  # the domain might go on past the window
        if not all(c in ASCII_LETTERS for c in tld):
            return None
        if self.word_at(end) or self.at(end) == "@":
            return None
        return end

    # -------------------------------------------------------------- URL

    SCHEMES = ("https://", "http://", "ftps://", "ftp://", "sftp://", "wss://", "ws://", "www.")

    def url_body(self, i: int, lim: int) -> tuple[int, bool]:
        """(end, cut at lim): URL characters from i; when not cut, trailing
        sentence punctuation and closing brackets without an opener dropped."""
        start = i
        end = self.run(i, lim, is_url_char)
        if end == lim and lim < self.n:
            return end, True
        body = self.s[start:end]
        opens = body.count("(") + body.count("[")
        closes = body.count(")") + body.count("]")
        while end > start:
            c = self.s[end - 1]
            if c in ".,;:!?'*":
                end -= 1
            elif c in ")]" and closes > opens:
                closes -= 1
                end -= 1
            else:
                break
        return end, False

    def url(self, w: int, lim: int) -> Optional[tuple[int, bool]]:
        for scheme in self.SCHEMES:
            if self.starts(w, lim, scheme):
                break
        else:
            return None
        i = w + len(scheme)
        if i >= lim:
            return None
        c = self.s[i]
        host_start = c in DOMAIN and c != "-"
        bracket = c == "[" and scheme != "www."   # an IPv6 literal host
        if not (host_start or bracket):
            return None
        end, cut = self.url_body(i, lim)
        return (end, cut) if end > i else None

    # -------------------------------------------------------------- IBAN

    IBAN_LENGTHS = {
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
        "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
        "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
        "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
        "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
        "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
        "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
        "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28,
        "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
        "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    }

    def iban(self, w: int, lim: int) -> Optional[int]:
        head = self.s[w:w + 4]
        if w + 4 > lim or not (head[0] in ASCII_LETTERS and head[1] in ASCII_LETTERS
                               and head[2] in DIGITS and head[3] in DIGITS):
            return None
        length = self.IBAN_LENGTHS.get(head[:2].upper())
        if length is None:
            return None
        # `length` alphanumerics, contiguous or in groups of four split by one space
        if self.at(w + 4) == " ":
            full, rem = divmod(length, 4)
            pattern = r"(?:[A-Za-z0-9]{4} ){%d}[A-Za-z0-9]{%d}" % (full - 1, 4) if rem == 0 \
                else r"(?:[A-Za-z0-9]{4} ){%d}[A-Za-z0-9]{%d}" % (full, rem)
        else:
            pattern = r"[A-Za-z0-9]{%d}" % length
        m = re.compile(pattern).match(self.s, w, lim)
        if not m or self.word_at(m.end()):
            return None
        chars = m.group().replace(" ", "").upper()
        rearranged = chars[4:] + chars[:4]
        number = int("".join(str(int(c, 36)) for c in rearranged))
        return m.end() if number % 97 == 1 else None

    # -------------------------------------------------------------- IP addresses

    def ipv4(self, w: int, lim: int) -> Optional[int]:
        """Four dotted decimal octets 0-255 written without leading zeros,
        not part of a longer dotted number."""
        if self.at(w - 1) == ".":
            return None
        i = w
        for k in range(4):
            if k:
                if i >= lim or self.s[i] != ".":
                    return None
                i += 1
            e = self.run(i, lim, DIGITS)
            octet = self.s[i:e]
            if not 1 <= len(octet) <= 3 or int(octet) > 255:
                return None
            if len(octet) > 1 and octet[0] == "0":
                return None  # "01": octal to some parsers, invalid to Python's ipaddress
            i = e
        if self.word_at(i) or (self.at(i) == "." and self.at(i + 1) in DIGITS):
            return None
        return i

    def ipv6(self, w: int, lim: int) -> Optional[int]:
        """RFC 4291 text forms: eight groups of 1-4 hex digits, or fewer around
        one '::', the last two groups maybe written as an IPv4 address."""
        prev = self.at(w - 1)
        if prev == ":" or prev in HEX:
            return None
        s = self.s
        i = w
        compressed = False
        if i + 1 < lim and s[i:i + 2] == "::":
            compressed, i = True, i + 2
        groups = 0
        while i < lim and groups < 8:
            g = i
            i = self.run(g, lim, HEX)
            if i == g:
                break
            if i - g <= 5 and i < lim and s[i] == "." and groups <= 6:
                v4 = self.ipv4(g, lim)
                if v4 and self.at(g - 1) == ":":
                    groups += 2
                    i = v4
                    break
                return None
            if i - g > 4:
                return None
            groups += 1
            if i + 1 < lim and s[i:i + 2] == "::":
                if compressed:
                    return None
                compressed, i = True, i + 2
            elif i + 1 < lim and s[i] == ":" and s[i + 1] in HEX:
                i += 1
            else:
                break
        if groups == 0 or (compressed and groups > 7) or (not compressed and groups != 8):
            return None
        if self.word_at(i) or self.at(i) == ":" or (self.at(i) == "." and self.at(i + 1) in DIGITS):
            return None
        return i

    def colon_ahead(self, i: int, lim: int) -> bool:
        """An IPv6 address has a ':' within its first five characters, after hex digits."""
        return re.compile(r"[0-9A-Fa-f]{0,4}:").match(self.s, i, min(i + 5, lim)) is not None

    # -------------------------------------------------------------- digit groups

    def groups(self, pos: int, lim: int) -> tuple[bool, list[Group]]:
        """('+' first, groups): up to eight digit groups joined by one of ' -./',
        a group maybe written '(ddd)' (then followed by nothing, ' ' or '-')."""
        s = self.s
        plus = s[pos] == "+"
        i = pos + plus
        out: list[Group] = []
        sep = ""
        while len(out) < MAX_GROUPS:
            paren = i < lim and s[i] == "("
            j = i + paren
            if j >= lim or s[j] not in DIGITS:
                break
            start = j
            j = self.run(j, lim, DIGITS)
            digits_end = j
            if paren:
                if j >= lim or s[j] != ")":
                    break
                j += 1
            out.append(Group(start, digits_end, j, sep, paren))
            if paren:
                sep = ")"
                if j < lim and s[j] in " -":
                    j += 1
            elif j < lim and s[j] in " -./":
                sep = s[j]
                j += 1
            elif j < lim and s[j] == "(":
                sep = "("
            else:
                break
            i = j
        return plus, out

    @staticmethod
    def continues(gs: list[Group], j: int) -> bool:
        """The number goes on past group j-1 in the same token ("123-45-6789-01")."""
        return j < len(gs) and gs[j].sep in ("-", ".", "/")

    @staticmethod
    def plain(plus: bool, gs: list[Group], j: int, allowed: str) -> bool:
        """Groups 0..j-1: no '+', no parentheses, one separator from `allowed`."""
        if plus or any(g.paren for g in gs[:j]):
            return False
        if j < 2:
            return True
        return all(g.sep == gs[1].sep for g in gs[2:j]) and gs[1].sep in allowed

    def digits(self, gs: list[Group], j: int) -> str:
        return "".join(self.s[g.start:g.digits_end] for g in gs[:j])

    # -------------------------------------------------------------- payment cards

    @staticmethod
    def luhn(d: str) -> bool:
        total = 0
        for k, ch in enumerate(reversed(d)):
            v = int(ch) * (2 if k % 2 else 1)
            total += v - 9 if v > 9 else v
        return total % 10 == 0

    @staticmethod
    def issuer_ok(d: str) -> bool:
        n = len(d)
        p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
        issuers = [  # (prefix test, allowed lengths); the first matching issuer decides
            (d[0] == "4", {13, 16, 19}),                                        # Visa
            (51 <= p2 <= 55 or 2221 <= p4 <= 2720, {16}),                        # Mastercard
            (p2 in (34, 37), {15}),                                              # Amex
            (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65, range(16, 20)),         # Discover
            (622126 <= p6 <= 622925 or p2 == 62, range(16, 20)),                 # UnionPay
            (3528 <= p4 <= 3589, range(16, 20)),                                 # JCB
            (300 <= p3 <= 305 or p4 == 3095 or p2 in (36, 38, 39), range(14, 20)),  # Diners
            (2200 <= p4 <= 2204, range(16, 20)),                                 # Mir
            (p2 in (60, 81, 82) or p3 == 508, {16}),                             # RuPay
            (p4 in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763) or p2 == 67,
             range(12, 20)),                                                     # Maestro
        ]
        for matches, lengths in issuers:
            if matches:
                return n in lengths
        return False

    def card(self, plus: bool, gs: list[Group]) -> int:
        """Groups used (0: none): 12-19 digits passing Luhn with an issuer's prefix
        and length; grouped cards use ' ' or '-', a first group of 4-6 digits and
        others of 2-7."""
        if plus or gs[0].paren:
            return 0
        for j in range(len(gs), 0, -1):
            d = self.digits(gs, j)
            if not 12 <= len(d) <= 19 or self.continues(gs, j):
                continue
            if j > 1 and not (self.plain(plus, gs, j, " -") and 4 <= gs[0].length <= 6
                              and all(2 <= g.length <= 7 for g in gs[1:j])):
                continue
            if self.luhn(d) and self.issuer_ok(d):
                return j
        return 0

    # -------------------------------------------------------------- SSN, routing

    @staticmethod
    def ssn_ok(area: int, group: int, serial: int) -> bool:
        if area in (0, 666) or area >= 900 or group == 0 or serial == 0:
            return False
        if (area, group, serial) in ((78, 5, 1120), (219, 9, 9999)):
            return False  # the Woolworth wallet card; a published sample
        if area == 987 and group == 65 and 4320 <= serial <= 4329:
            return False  # reserved for advertising
        return True

    @staticmethod
    def aba_ok(d: str) -> bool:
        p = int(d[:2])
        if not (p <= 12 or 21 <= p <= 32 or 61 <= p <= 72 or p == 80):
            return False
        w = [3, 7, 1] * 3
        return sum(int(c) * k for c, k in zip(d, w)) % 10 == 0

    # -------------------------------------------------------------- dates

    MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]

    @staticmethod
    def days_in(month: int, year: int) -> int:
        if month == 2:
            leap = year == 0 or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
            return 29 if leap else 28
        return 30 if month in (4, 6, 9, 11) else 31

    def month(self, i: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, month) for a whole month name or abbreviation ("Oct", "Oct.", "Sept.")."""
        e = self.run(i, min(lim, i + 10), ASCII_LETTERS)
        word = ascii_lower(self.s[i:e])
        if len(word) < 3 or self.word_at(e):
            return None
        if word == "sept":
            return (e + 1 if self.at(e) == "." else e), 9
        if word in self.MONTHS:
            return e, self.MONTHS.index(word) + 1
        abbreviations = [m[:3] for m in self.MONTHS]
        if word in abbreviations:
            return (e + 1 if self.at(e) == "." else e), abbreviations.index(word) + 1
        return None

    def day(self, i: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, day): 1-31 in one or two digits, maybe with "st", "nd", "rd", "th"."""
        e = self.run(i, min(lim, i + 3), DIGITS)
        if not 1 <= e - i <= 2:
            return None
        day = int(self.s[i:e])
        if not 1 <= day <= 31:
            return None
        if any(self.starts(e, lim, suffix) for suffix in ("st", "nd", "rd", "th")):
            e += 2
        return None if self.word_at(e) else (e, day)

    def year(self, i: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, year): four digits 1000-2999 standing alone, not "2,000,000"."""
        if i + 4 > lim or self.word_at(i + 4):
            return None
        text = self.s[i:i + 4]
        if not all(c in DIGITS for c in text):
            return None
        if not 1000 <= int(text) <= 2999:
            return None
        if self.at(i + 4) == "," and self.at(i + 5) in DIGITS:
            return None
        return i + 4, int(text)

    def gap(self, i: int, lim: int, comma: bool) -> Optional[int]:
        """End of one to three spaces, maybe after a comma."""
        if comma and i < lim and self.s[i] == ",":
            i += 1
        e = self.run(i, min(lim, i + 4), " ")
        return e if 1 <= e - i <= 3 else None

    def written_date(self, w: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, aux): "3rd of October 1982", "3 Oct", "October 3, 1982", "Oct 3rd",
        "October 1982"; aux is yyyymmdd with 0 for a part not given."""
        year = day = 0
        if self.s[w] in DIGITS:
            r = self.day(w, lim)
            if not r:
                return None
            e, day = r
            g = self.gap(e, lim, False)
            if g is not None and self.starts(g, lim, "of") and not self.word_at(g + 2):
                g = self.gap(g + 2, lim, False)
            r = self.month(g, lim) if g is not None else None
            if not r:
                return None
            e, month = r
            g = self.gap(e, lim, True)
            r = self.year(g, lim) if g is not None else None
            if r:
                e, year = r
        else:
            r = self.month(w, lim)
            if not r:
                return None
            e, month = r
            g = self.gap(e, lim, False)
            if g is None:
                return None
            r = self.year(g, lim)
            if r:
                e, year = r
            else:
                r = self.day(g, lim)
                if not r:
                    return None
                e, day = r
                g = self.gap(e, lim, True)
                r = self.year(g, lim) if g is not None else None
                if r:
                    e, year = r
        if day > self.days_in(month, year):
            return None
        return e, year * 10000 + month * 100 + day

    def numeric_date(self, plus: bool, gs: list[Group]) -> Optional[int]:
        """aux of 1982-10-03, 10/03/1982, 3.10.1982, 10/3/82 (three groups, one of
        '/-.'; two-digit years only with '/'); month first unless day_first or
        the first number cannot be a month."""
        if len(gs) < 3 or self.continues(gs, 3) or not self.plain(plus, gs, 3, "/-."):
            return None
        a, b, c = (g.length for g in gs[:3])
        v = [int(self.s[g.start:g.digits_end]) for g in gs[:3]]
        if not 1 <= b <= 2:
            return None
        if a == 4 and 1 <= c <= 2:
            year, month, day = v
        elif 1 <= a <= 2 and (c == 4 or (c == 2 and gs[1].sep == "/")):
            month, day, year = v
            if self.day_first or month > 12:
                month, day = day, month
            if c == 2:
                year += 2000 if year < 50 else 1900
        else:
            return None
        if not (1000 <= year <= 2999 and 1 <= month <= 12 and 1 <= day <= self.days_in(month, year)):
            return None
        return year * 10000 + month * 100 + day

    # -------------------------------------------------------------- card expiry, age

    @staticmethod
    def expiry_numeric(gs: list[Group], values: list[int]) -> Optional[int]:
        """yyyymm of M/YY, MM/YY, MM-YY, MM/YYYY (the first two groups); the year 2000-2099."""
        a, b = gs[0].length, gs[1].length
        if not 1 <= a <= 2 or b not in (2, 4):
            return None
        month, year = values[0], values[1] + (2000 if b == 2 else 0)
        if not (1 <= month <= 12 and 2000 <= year <= 2099):
            return None
        return year * 100 + month

    def expiry_written(self, w: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, yyyymm): "Apr 27", "Apr. 27", "April 2027" (month name, 1-3 spaces, a
        two-digit year or 2000-2099, standing alone)."""
        r = self.month(w, lim)
        if not r:
            return None
        e, month = r
        g = self.gap(e, lim, False)
        if g is None:
            return None
        four = self.s[g:g + 4]
        if g + 4 <= lim and len(four) == 4 and all(c in DIGITS for c in four) and not self.word_at(g + 4):
            if not 2000 <= int(four) <= 2099:
                return None
            return g + 4, int(four) * 100 + month
        two = self.s[g:g + 2]
        if g + 2 <= lim and len(two) == 2 and all(c in DIGITS for c in two) and not self.word_at(g + 2):
            return g + 2, (2000 + int(two)) * 100 + month
        return None

    def age_phrase(self, i: int, lim: int) -> bool:
        """After an age's digits: " years old", " year old", "-year-old", " years-old"."""
        m = re.compile(r"[ -][Yy][Ee][Aa][Rr][Ss]?[ -][Oo][Ll][Dd]").match(self.s, i, lim)
        return m is not None and not self.word_at(m.end())

    # -------------------------------------------------------------- SWIFT / BIC

    ISO_COUNTRIES = frozenset("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
        BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
        DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
        GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
        KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
        MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
        PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
        SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
        US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK""".split())

    def swift(self, w: int, lim: int) -> Optional[tuple[int, bool]]:
        """(end, holds a digit): upper-case [A-Z]{4} country [A-Z0-9]{2} ([A-Z0-9]{3})?,
        a whole word, the country in ISO 3166 (or the IBAN registry)."""
        m = re.compile(r"[A-Z]{6}[A-Z0-9]{2}").match(self.s, w, lim)
        if not m or m.group()[4:6] not in self.ISO_COUNTRIES | self.IBAN_LENGTHS.keys():
            return None
        e = m.end()
        if self.word_at(e):
            m = re.compile(r"[A-Z0-9]{3}").match(self.s, e, lim)
            if not m or self.word_at(m.end()):
                return None
            e = m.end()
        return e, any(c in DIGITS for c in self.s[w:e])


# ---------------------------------------------------------------------- the pass

def _on(types: int, type_id: int) -> bool:
    return bool(types >> type_id & 1)


def _mid_number(t: Text, pos: int) -> bool:
    """pos follows a '+', or a digit and one of '-./': inside a longer number."""
    p = t.at(pos - 1)
    return p == "+" or (p in "-./" and t.at(pos - 2) in DIGITS)


def _date_type(t: Text, start: int, end: int, lim: int, types: int) -> int:
    """DATE_OF_BIRTH with birth words before it, else DATE; -1 if neither is wanted."""
    if _on(types, DOB) and t.context(start, end, lim, DOB):
        return DOB
    return DATE if _on(types, DATE) else -1


def _numeric(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """Detectors starting with a digit, '+' or '(': the longest of written date,
    card, SSN, bare nine digits (routing number or SSN, by context), IPv4 and
    numeric date (an earlier one wins a tie); else phone candidates.
    Returns the match's end, or None (after pushing any candidates)."""
    plus, gs = t.groups(pos, lim)
    if not gs:
        return None
    dates_on = _on(types, DATE) or _on(types, DOB)
    best_e, best_t, best_aux = 0, -1, 0

    def offer(end: int, type_id: int, aux: Optional[int] = None) -> None:
        # longer than the best so far and ending a word
        nonlocal best_e, best_t, best_aux
        if end > best_e and not t.word_at(end):
            best_e, best_t = end, type_id
            if aux is not None:
                best_aux = aux

    if t.s[pos] in DIGITS and dates_on:
        r = t.written_date(pos, lim)  # ends a word by construction, or with "Oct."
        if r:
            best_e, best_t, best_aux = r[0], DATE, r[1]
    if _on(types, CARD):
        used = t.card(plus, gs)
        if used:
            offer(gs[used - 1].stop, CARD)
    if (_on(types, SSN) and len(gs) >= 3 and t.plain(plus, gs, 3, "- .")
            and not t.continues(gs, 3) and [g.length for g in gs[:3]] == [3, 2, 4]):
        d = t.digits(gs, 3)
        if t.ssn_ok(int(d[:3]), int(d[3:5]), int(d[5:])):
            offer(gs[2].stop, SSN)
    g0 = gs[0]
    if g0.length == 9 and not plus and not g0.paren and not t.continues(gs, 1) \
            and g0.stop > best_e and not t.word_at(g0.stop):
        d = t.digits(gs, 1)
        if _on(types, ROUTING) and t.aba_ok(d) and t.context(pos, g0.stop, lim, ROUTING):
            offer(g0.stop, ROUTING)
        elif _on(types, SSN) and t.ssn_ok(int(d[:3]), int(d[3:5]), int(d[5:])) \
                and t.context(pos, g0.stop, lim, SSN):
            offer(g0.stop, SSN)
    if _on(types, IP) and t.s[pos] in DIGITS:
        e = t.ipv4(pos, lim)
        row = ENTITY_TYPES[IP]
        if e and e > best_e and not t.words_in(max(0, pos - row.veto_before), pos, row.veto):
            best_e, best_t = e, IP
    if dates_on:
        aux = t.numeric_date(plus, gs)
        if aux is not None:
            offer(gs[2].stop, DATE, aux)
    if (_on(types, EXPIRY) and len(gs) >= 2 and not plus and not gs[0].paren and not gs[1].paren
            and gs[1].sep in "/-" and not t.continues(gs, 2)):
        aux = t.expiry_numeric(gs, [int(t.s[g.start:g.digits_end]) for g in gs[:2]])
        if aux is not None and gs[1].stop > best_e and not t.word_at(gs[1].stop) \
                and t.context(pos, gs[1].stop, lim, EXPIRY):
            offer(gs[1].stop, EXPIRY, aux)
    clock = (t.at(pos - 1) == ":" and t.at(pos - 2) in DIGITS) or \
        (g0.stop + 1 < lim and t.s[g0.stop] == ":" and t.s[g0.stop + 1] in DIGITS)  # "12:30"
    if len(gs) == 1 and not plus and not g0.paren and g0.length <= 6 \
            and g0.stop > best_e and not t.word_at(g0.stop) and not clock:
        # a lone short number (not part of a time): a CVV or a PIN by context (required,
        # before it), or an age
        k = g0.length
        if 3 <= k <= 4 and _on(types, CVV) and t.context(pos, g0.stop, lim, CVV):
            offer(g0.stop, CVV)
            if k == 4 and _on(types, PIN) and t.context(pos, g0.stop, lim, PIN):
                # both: the one with a context word nearer, in bands of 8 (CVV on a tie)
                for reach in (8, 16):
                    cvv = t.words_in(max(0, pos - reach), pos, ENTITY_TYPES[CVV].context)
                    pin = t.words_in(max(0, pos - reach), pos, ENTITY_TYPES[PIN].context)
                    if cvv != pin:
                        best_t = CVV if cvv else PIN
                        break
        elif 4 <= k <= 6 and _on(types, PIN) and t.context(pos, g0.stop, lim, PIN):
            offer(g0.stop, PIN)
        elif k <= 3 and _on(types, AGE) and (k == 1 or t.s[pos] != "0"):
            age = int(t.s[g0.start:g0.digits_end])
            if age <= 130 and (t.age_phrase(g0.digits_end, lim) or t.context(pos, g0.stop, lim, AGE)):
                offer(g0.stop, AGE, age)
    if best_t == DATE:
        best_t = _date_type(t, pos, best_e, lim, types)
    if best_t >= 0:
        bare_ssn = best_t == SSN and best_e == g0.stop
        ctx = best_t == ROUTING or bare_ssn or t.context(pos, best_e, lim, best_t)
        out.append((pos, best_e, best_t, CONTEXT if ctx else 0, score_of(best_t, ctx), best_aux))
        return best_e
    if not _on(types, PHONE):
        return None
    if t.at(pos - 1) == " " and t.at(pos - 2) in DIGITS:
        return None  # inside a longer run of digit groups
    # phone candidates: longest first, at most three
    phones = 0
    for j in range(len(gs), 0, -1):
        e = gs[j - 1].stop
        if e - pos > PHONE_MAX or t.continues(gs, j) or t.word_at(e):
            continue
        digits = len(t.digits(gs, j))
        if not (8 <= digits <= 15 and (plus or j > 1 or 9 <= digits <= 11)):
            continue
        if any(g.sep == "/" or not (2 <= g.length <= 8 or g.paren or (plus and k == 1 and g.length == 1))
               for k, g in enumerate(gs[1:j], 1)):
            continue
        if j == 2 and gs[1].length < 3:
            continue  # "66247.99" is an amount
        # no context yet: the caller scores the candidate that validates
        out.append((pos, e, PHONE, TENTATIVE | (ALTERNATIVE if phones else 0), score_of(PHONE, False), 0))
        phones += 1
        if phones == 3:
            break
    return None


def _letter(t: Text, pos: int, lim: int, types: int, out: list) -> tuple[Optional[int], bool]:
    """Detectors starting with an ASCII letter: URL, IBAN, IPv6, written date.
    Returns (end or None, the URL was cut at lim)."""
    e, type_id, aux, cut = None, -1, 0, False
    if _on(types, URL):
        r = t.url(pos, lim)
        if r:
            (e, cut), type_id = r, URL
    if e is None and _on(types, IBAN):
        e, type_id = t.iban(pos, lim), IBAN
    if e is None and _on(types, IP) and t.s[pos] in HEX and t.colon_ahead(pos, lim):
        e, type_id = t.ipv6(pos, lim), IP
    if e is None:
        if _on(types, DATE) or _on(types, DOB):
            r = t.written_date(pos, lim)
            if r:
                e, aux = r
                type_id = _date_type(t, pos, e, lim, types)
        if _on(types, EXPIRY):
            # with expiry context "Apr 27" is April 2027; a longer date reading wins
            r = t.expiry_written(pos, lim)
            if r and r[0] >= (e or 0) and t.context(pos, r[0], lim, EXPIRY):
                (e, aux), type_id = r, EXPIRY
    if e is None and _on(types, SWIFT):
        r = t.swift(pos, lim)
        if r and (r[1] or t.context(pos, r[0], lim, SWIFT)):  # no digit: context required
            e, type_id = r[0], SWIFT
    if e is None or type_id < 0:
        return None, False
    out.append(_match(t, pos, e, lim, type_id, aux))
    return e, cut


# ------------------------------------------------------------------ spoken numbers

def _fold(ch: str) -> str:
    """An ASCII or accented Latin letter's ASCII base letter, else ''."""
    c = ord(ch)
    if c < 128:
        return ch if ch in ASCII_LETTERS else ""
    if c < 0xC0 or c >= 0x180 or c in (0xD7, 0xF7):
        return ""
    extra = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a",
             "Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D"}
    base = extra.get(ch, unicodedata.normalize("NFKD", ch)[:1])
    return base if base.isascii() and base.isalpha() else ""


def _word(t: Text, i: int, lim: int) -> Optional[tuple[int, str, bool]]:
    """(end, folded lower-case word, all upper case with 2+ letters) of the whole word at i."""
    if i >= lim or not _fold(t.s[i]) or t.word_at(i - 1):
        return None
    e = i
    while e < lim and _fold(t.s[e]):
        e += 1
    if t.word_at(e) or e - i > 24:
        return None
    folded = "".join(_fold(ch) for ch in t.s[i:e])
    return e, folded.lower(), e - i >= 2 and folded.isupper()


NUMBER_VALUE = {"+": 104, "x2": 102, "x3": 103, "00": 100}


def _number_value(word: str) -> Optional[int]:
    digits = lexicon.NUMBER_WORDS.get(word)
    if digits is None:
        return None
    if digits in NUMBER_VALUE:
        return NUMBER_VALUE[digits]
    return int(digits[0]) * 10 if digits.endswith("_") else int(digits)


def _spoken_mid(t: Text, pos: int) -> bool:
    i = pos
    if t.at(i - 1) == " ":
        i -= 1
        if t.at(i - 1) in ",-.":
            i -= 1
    elif t.at(i - 1) == "-":
        i -= 1
    else:
        return False
    if t.at(i - 1) in DIGITS:
        return not t.word_at(i - 2)
    k = i
    while k > 0 and k > pos - 12 and _fold(t.s[k - 1]):
        k -= 1
    if k == i or t.word_at(k - 1):
        return False
    w = _word(t, k, i)
    return bool(w) and _number_value(w[1]) is not None and not w[2]


def _spoken_digits(t: Text, pos: int, lim: int) -> Optional[tuple[int, str, bool]]:
    """(end, digits, said after "plus") of the spoken number at pos."""
    i, e, words, times, tens, d, last_unit, tokens, plus = pos, 0, 0, 1, -1, "", False, 0, False
    while i < lim:
        if t.s[i] in DIGITS:
            j = i + 1
            if t.word_at(j) or t.word_at(i - 1):
                break
            v = int(t.s[i])
        else:
            w = _word(t, i, lim)
            if not w or w[2] or _number_value(w[1]) is None:
                break
            j, v = w[0], _number_value(w[1])
            words += 1
        tokens += 1
        if v == 104:
            if tokens > 1:
                break
            plus = True
        elif v > 100:
            if times > 1 or tens >= 0:
                break
            times = v - 100
        elif v == 100:
            if not last_unit or times > 1:
                break
            if len(d) + 2 > 18:
                return None
            d, last_unit, e = d + "00", False, j
        elif v >= 20:
            if times > 1 or tens >= 0:
                break
            if len(d) + 2 > 18:
                return None
            tens, last_unit, e = v // 10, False, j
        elif v >= 10:
            if times > 1 or tens >= 0:
                break
            if len(d) + 2 > 18:
                return None
            d, last_unit, e = d + str(v), False, j
        elif tens >= 0:
            if times > 1 or v == 0:
                break
            d, tens, last_unit, e = d + f"{tens}{v}", -1, False, j
        else:
            if len(d) + times > 18:
                return None
            d, times, last_unit, e = d + str(v) * times, 1, True, j
        i = j
        if i + 1 < lim and t.s[i] in ",-." and t.s[i + 1] == " ":
            i += 2
        elif i < lim and t.s[i] in " -":
            i += 1
        else:
            break
    if tens >= 0:
        d += f"{tens}0"
    if e == 0 or (words == 0 and len(d) < 7):
        return None
    return e, d, plus


def _spoken(t: Text, pos: int, lim: int, types: int, out: list) -> tuple[Optional[int], bool]:
    """A number said in words at pos: (end of a span found, a phone candidate was added)."""
    if _spoken_mid(t, pos):
        return None, False
    r = _spoken_digits(t, pos, lim)
    if not r or len(r[1]) < 3:
        return None, False
    e, d, plus = r
    count, type_id, flags = len(d), -1, SPOKEN
    if plus and not (8 <= count <= 15 and _on(types, PHONE)):
        return None, False

    def before_only(type_id: int) -> bool:
        row = ENTITY_TYPES[type_id]
        return t.words_in(max(0, pos - row.before), pos, row.context)
    if plus:
        type_id, flags = PHONE, flags | TENTATIVE | SPOKEN_PLUS
    elif 12 <= count <= 18 and _on(types, CARD) and t.luhn(d) and t.issuer_ok(d):
        type_id = CARD
    elif count == 9 and _on(types, ROUTING) and t.aba_ok(d) and t.context(pos, e, lim, ROUTING):
        type_id = ROUTING
    elif count == 9 and _on(types, SSN) and t.ssn_ok(int(d[:3]), int(d[3:5]), int(d[5:])) \
            and t.context(pos, e, lim, SSN):
        type_id = SSN
    elif 6 <= count <= 17 and _on(types, ACCOUNT) and before_only(ACCOUNT):
        type_id = ACCOUNT
    elif 8 <= count <= 15 and _on(types, PHONE):
        type_id, flags = PHONE, flags | TENTATIVE
    elif 3 <= count <= 4 and _on(types, CVV) and before_only(CVV):
        type_id = CVV
    elif 4 <= count <= 6 and _on(types, PIN) and before_only(PIN):
        type_id = PIN
    if type_id < 0:
        return None, False
    ctx = type_id not in (PHONE, CARD)
    out.append((pos, e, type_id, flags | (count << 8) | (CONTEXT if ctx else 0), score_of(type_id, ctx), int(d)))
    return (None, True) if type_id == PHONE else (e, False)


def _spoken_word(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """The compiled core's gates before a spoken number that starts with a word."""
    r = _word(t, pos, lim)
    if not r or t.run(pos, t.n, is_word) != r[0]:
        return None
    e, word, _ = r
    if e - pos == 1 and t.at(e) == " " and t.at(e + 1) in DIGITS:
        return None  # read as the start of an ID ("J 610 392 643")
    if _number_value(word) is None or e - pos > 9 or t.at(e) not in " -,":
        return None
    end, _ = _spoken(t, pos, lim, types, out)
    return end


# ------------------------------------------------------------------ holidays

def _phrases() -> tuple[frozenset, frozenset]:
    """(holiday phrases, phrases some longer phrase starts with), from the same data files
    and word classes the core loads."""
    import pathlib
    data = pathlib.Path(lexicon.__file__).parent / "data"
    every, holidays = [], set(lexicon.HOLIDAY_DATES)
    for line in (data / "gazetteer.txt").read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            phrase, _, codes = line.partition("\t")
            every.append(phrase)
            if "H" in codes:
                holidays.add(phrase)
    for name in dir(lexicon):
        value = getattr(lexicon, name)
        if name.isupper() and isinstance(value, (tuple, dict)):
            every.extend(w for w in value if isinstance(w, str))
    prefixes = {" ".join(p.split()[:k]) for p in every for k in range(1, len(p.split()))}
    return frozenset(holidays), frozenset(prefixes)


HOLIDAYS, PREFIXES = _phrases()


def _phrase_gap(t: Text, i: int, lim: int) -> Optional[int]:
    j = i
    if j < lim and t.s[j] in ".'\u2019-&":
        j += 1
    if j < lim and t.s[j] == " ":
        j += 1
    return j if j != i and j < lim and t.s[j] in ASCII_LETTERS else None


def _holiday(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """"Christmas", "New Year's Eve 2025": a holiday at a capitalised word, with a year
    after it when one follows; the core's gates before it included."""
    if not (_on(types, DATE) or _on(types, DOB)) or t.s[pos] not in string.ascii_uppercase:
        return None
    w = _word(t, pos, lim)
    if not w or (w[0] - pos == 1 and t.at(w[0]) == " " and t.at(w[0] + 1) in DIGITS):
        return None
    end, phrase, best = w[0], w[1], None
    if phrase in HOLIDAYS:
        best = (end, phrase)
    for _ in range(4):
        if phrase not in PREFIXES:
            break
        j = _phrase_gap(t, end, lim)
        nxt = _word(t, j, lim) if j is not None else None
        if not nxt:
            break
        end, phrase = nxt[0], phrase + " " + nxt[1]
        if phrase in HOLIDAYS:
            best = (end, phrase)
    if best is None:
        return None
    e, phrase = best
    year = 0
    g = t.gap(e, lim, True)
    y = t.year(g, lim) if g is not None else None
    if y:
        e, year = y
    mmdd = lexicon.HOLIDAY_DATES.get(phrase, 0)
    type_id = _date_type(t, pos, e, lim, types)
    if type_id < 0:
        return None
    out.append(_match(t, pos, e, lim, type_id, year * 10000 + mmdd))
    return e


def _match(t: Text, pos: int, e: int, lim: int, type_id: int, aux: int = 0) -> tuple:
    """A span whose context is a bonus: CONTEXT flag and boost when a word is near."""
    ctx = t.context(pos, e, lim, type_id)
    return (pos, e, type_id, CONTEXT if ctx else 0, score_of(type_id, ctx), aux)


def reference_scan(text: str, types: int = ALL_TYPES, day_first: bool = False) -> list[tuple]:
    """What `core._scan.scan(text, 0, types, True, 0, day_first)[0]` returns."""
    t = Text(text, day_first)
    n = len(text)
    out: list[tuple] = []
    pos = 0
    url_cut = False
    while pos < n:
        lim = min(n, pos + LOOKAHEAD)
        if url_cut:
            # a URL cut at the previous window goes on here as a new span, flagged
            # and scored as the span it continues
            url_cut = False
            e, cut = t.url_body(pos, lim)
            if e > pos:
                url_cut = cut
                out.append((pos, e) + out[-1][2:])
                pos = e
                continue
        c = text[pos]
        if t.word_at(pos - 1):
            pos += 1
            continue
        end = None
        if is_word(c):
            if c in LOCAL and _on(types, EMAIL):
                at_sign = t.run(pos, n, LOCAL)
                if at_sign < lim and text[at_sign] == "@":
                    end = t.email(pos, at_sign, lim)
                    if end:
                        out.append(_match(t, pos, end, lim, EMAIL))
            if end is None and c in ASCII_LETTERS:
                end, url_cut = _letter(t, pos, lim, types, out)
                if end is None:
                    end = _spoken_word(t, pos, lim, types, out)
                if end is None:
                    end = _holiday(t, pos, lim, types, out)
            elif end is None and c in DIGITS:
                if _on(types, IP) and t.colon_ahead(pos, lim):
                    end = t.ipv6(pos, lim)
                    if end:
                        out.append(_match(t, pos, end, lim, IP))
                if end is None and not _mid_number(t, pos):
                    phone = False
                    if t.at(pos + 1) == " " and (t.at(pos + 2) in ASCII_LETTERS or t.at(pos + 2) in DIGITS):
                        end, phone = _spoken(t, pos, lim, types, out)
                    if end is None and not phone:
                        end = _numeric(t, pos, lim, types, out)
        elif c in "+(" and t.at(pos + 1) in DIGITS and not _mid_number(t, pos):
            end = _numeric(t, pos, lim, types, out)
        elif c == ":" and t.at(pos + 1) == ":" and _on(types, IP):
            end = t.ipv6(pos, lim)
            if end:
                out.append(_match(t, pos, end, lim, IP))
        pos = end if end else pos + 1
    return out
