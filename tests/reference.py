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
* Word-level detectors (names, places, organisations, holidays, domains,
  addresses, spoken numbers, ID numbers) read *words*: runs of ASCII or
  accented Latin letters, folded to ASCII ("Jovanović" is "jovanovic"), at
  most 24 long, with no other word character joined to them. What a word or
  a phrase of words is comes from the gazetteer: the same data files and
  word classes of `core.lexicon` the core loads, looked up here in a dict
  (`GAZ`), not through the core's hash table.
* A word that starts with a capital is tried by every word-level detector; one
  that starts with a lower-case letter only when one of a few cheap signs says
  a detector could start there (`lower_word_admitted`). ID numbers need a
  context word of their type before them; the nearest one decides the type.
* Where the compiled core behaves oddly this reference follows it and says so
  in a comment ("the core ..."): the spans must be the same.
"""
from __future__ import annotations

import pathlib
import re
import string
import struct
import unicodedata
from typing import NamedTuple, Optional

from redactd.core import lexicon
from redactd.core._scan import CARD_ISSUERS
from redactd.core.entity_types import BY_NAME, ENTITY_TYPES

LOOKBEHIND = 64
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
PERSON = BY_NAME["PERSON_NAME"]
LOCATION = BY_NAME["LOCATION"]
ORG = BY_NAME["ORGANIZATION"]
ADDRESS = BY_NAME["ADDRESS"]
DOMAIN_NAME = BY_NAME["DOMAIN_NAME"]
PASSPORT = BY_NAME["PASSPORT_NUMBER"]
LICENSE = BY_NAME["US_DRIVERS_LICENSE"]
ALL_TYPES = (1 << len(ENTITY_TYPES)) - 1
SPOKEN, SPOKEN_PLUS = 8, 16
PHONE_CUE = 32

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


def unspaced_script(ch: str) -> bool:
    """Scripts written without spaces between words: kana, CJK, Hangul, Thai, halfwidth kana."""
    c = ord(ch)
    return (0x3040 <= c <= 0x30FF or 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF
            or 0xAC00 <= c <= 0xD7AF or 0x0E00 <= c <= 0x0E7F or 0xF900 <= c <= 0xFAFF
            or 0xFF61 <= c <= 0xFF9F)


def script_change(a: str, b: str) -> bool:
    """An ASCII letter or digit next to a character of an unspaced script."""
    alnum = ASCII_LETTERS | DIGITS
    return (a in alnum and unspaced_script(b)) or (b in alnum and unspaced_script(a))


def local_char(ch: str) -> bool:
    """An email local part's character: ASCII letters, digits, ._%+-, non-ASCII word characters."""
    return ch in LOCAL or (not ch.isascii() and not is_separator(ch))


def label_char(ch: str) -> bool:
    """A host name label's character: ASCII letters, digits, '-', non-ASCII word characters."""
    return ch in DOMAIN or (not ch.isascii() and not is_separator(ch))


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

    def words_before(self, a: int, b: int):
        """(start, lower-cased word) of the runs of ASCII letters wholly inside [a, b)."""
        for m in re.finditer(r"[A-Za-z]+", self.s[a:b]):
            w, e = a + m.start(), a + m.end()
            if w == a and self.at(a - 1) in ASCII_LETTERS:
                continue  # cut by the window's left edge
            if e == b and self.at(b) in ASCII_LETTERS:
                continue  # cut by the window's right edge
            yield w, ascii_lower(self.s[w:e])

    def words_in(self, a: int, b: int, words) -> bool:
        return any(word in words for _, word in self.words_before(a, b))

    def context_before(self, start: int, type_id: int) -> bool:
        """A context word of the type in its window before start."""
        row = ENTITY_TYPES[type_id]
        return self.words_in(max(0, start - row.before), start, row.context)

    def context(self, start: int, end: int, lim: int, type_id: int) -> bool:
        row = ENTITY_TYPES[type_id]
        if self.words_in(max(0, start - row.before), start, row.context):
            return True
        return row.after > 0 and self.words_in(end, min(end + row.after, lim), row.context)

    # -------------------------------------------------------------- email

    def email_start(self, w: int, at_sign: int) -> int:
        """Where the local part [w, at_sign) starts: after the last change of script in it
        ("a邮箱地址test@..." starts at "test")."""
        i = at_sign - 1
        while i > w and not script_change(self.s[i - 1], self.s[i]):
            i -= 1
        return i

    def email(self, w: int, at_sign: int, lim: int) -> Optional[int]:
        """End of the address whose local part is [w, at_sign): at most 64 characters, no
        "..", no '.' last; the domain's labels are runs of letters, digits, '-' and non-ASCII
        word characters (IDN), not starting or ending with '-', at most 63 long, cut where
        an ASCII letter or digit meets an unspaced script, joined by single dots; two labels
        or more, at most 253 characters; the last label letters of one script, or "xn--"
        and more; not cut by the window, not followed by a word character (but an unspaced
        script) or '@'."""
        local = self.s[w:at_sign]
        if len(local) > 64 or local.endswith(".") or ".." in local:
            return None
        if self.at(at_sign + 1) == "[":  # a domain literal: "user@[192.0.2.1]"
            i = self.ipv4(at_sign + 2, lim)
            return i + 1 if i and self.at(i) == "]" and not self.word_at(i + 1) else None
        i, labels, tld_start = at_sign + 1, 0, 0
        while True:
            label = i
            while i < lim and label_char(self.s[i]) and not (i > label and script_change(self.s[i - 1], self.s[i])):
                i += 1
            if i == label or i - label > 63 or self.s[label] == "-" or self.s[i - 1] == "-":
                return None
            labels, tld_start = labels + 1, label
            if i + 1 < lim and self.s[i] == "." and label_char(self.s[i + 1]):
                i += 1
                continue
            break
        if labels < 2 or i - at_sign - 1 > 253 or i - tld_start < 2 or (i >= lim and i < self.n):
            return None
        tld = self.s[tld_start:i]
        one_script = all(c in ASCII_LETTERS for c in tld) or all(not c.isascii() for c in tld)
        if not one_script and not (ascii_lower(tld).startswith("xn--") and len(tld) > 4):
            return None
        if (self.word_at(i) and not script_change(self.s[i - 1], self.s[i])) or self.at(i) == "@":
            return None
        return i

    # -------------------------------------------------------------- URL

    SCHEMES = ("https://", "http://", "ftps://", "ftp://", "sftp://", "wss://", "ws://", "www.")

    def url_body(self, i: int, lim: int) -> tuple[int, bool]:
        """(end, cut at lim): URL characters from i; when not cut, trailing
        sentence punctuation and closing brackets without an opener dropped."""
        start = i
        end = i  # (it ends where an unspaced script follows an ASCII letter or digit)
        while end < lim and is_url_char(self.s[end]) and not (
                not self.s[end].isascii() and script_change(self.at(end - 1), self.s[end])):
            end += 1
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
        host_start = (c in DOMAIN and c != "-") or (not c.isascii() and label_char(c))  # IDN hosts too
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
            if i - g <= 5 and i + 1 < lim and s[i] == "." and s[i + 1] in DIGITS and groups <= 6:
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
        if groups == 0 and compressed:
            return i if self.unspecified_alone(w, i, lim) else None  # "::"
        if groups == 0 or (compressed and groups > 7) or (not compressed and groups != 8):
            return None
        if self.word_at(i) or self.at(i) == ":" or (self.at(i) == "." and self.at(i + 1) in DIGITS):
            return None
        return i

    def unspecified_alone(self, w: int, e: int, lim: int) -> bool:
        """"::" standing alone: no word character before it, and after it (past up to four
        spaces) no word character and no ':' ("std::vector", "key :: value" are no addresses)."""
        if self.word_at(w - 1):
            return False
        i = self.run(e, min(lim, e + 4), " ")
        return not self.word_at(i) and self.at(i) != ":" and not (lim <= i < self.n)

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
    def issuer(d: str) -> int:
        """2: a row of the issuer table (core._scan.CARD_ISSUERS) holds the number's prefix
        and length; 1: only rows that count after a card word; 0: none."""
        best = 0
        for _, first, last, lengths, needs_word in CARD_ISSUERS:
            if first <= d[:len(first)] <= last and len(d) in lengths:
                if not needs_word:
                    return 2
                best = 1
        return best

    def issuer_ok(self, d: str) -> bool:
        return self.issuer(d) == 2

    @staticmethod
    def card_grouping(gs: list[Group]) -> bool:
        """Grouped cards: ' ' or '-' throughout, a first group of 4-6 digits, the others of
        2-7, the last maybe shorter when all the others have four ("4222 2222 2222 2")."""
        lengths = [g.length for g in gs]
        if not (4 <= lengths[0] <= 6 and all(2 <= k <= 7 for k in lengths[1:-1])):
            return False
        return 2 <= lengths[-1] <= 7 or (set(lengths[:-1]) == {4} and lengths[-1] >= 1)

    def card(self, plus: bool, gs: list[Group], pos: int, lim: int) -> int:
        """Groups used (0: none): 12-19 digits passing Luhn with an issuer's prefix and
        length (for the rows that need one, a card word of core.lexicon.CARD_WORDS within
        32 code points before it, and the number not inside a longer run of digit groups);
        the most groups that read so."""
        if plus or gs[0].paren:
            return 0
        inside = self.at(pos - 1) == " " and self.at(pos - 2) in DIGITS
        for j in range(len(gs), 0, -1):
            d = self.digits(gs, j)
            if not 12 <= len(d) <= 19 or self.continues(gs, j):
                continue
            if j > 1 and not (self.plain(plus, gs, j, " -") and self.card_grouping(gs[:j])):
                continue
            if not self.luhn(d):
                continue
            found = self.issuer(d)
            if found == 2 or (found == 1 and not inside
                              and self.words_in(max(0, pos - 32), pos, lexicon.CARD_WORDS)):
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

    WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    def weekday(self, i: int, lim: int) -> Optional[int]:
        """End of a whole weekday name or its three-letter abbreviation ("Fri", "Fri.")."""
        e = self.run(i, min(lim, i + 10), ASCII_LETTERS)
        word = ascii_lower(self.s[i:e])
        if len(word) < 3 or self.word_at(e):
            return None
        if word in self.WEEKDAYS:
            return e
        if word in [d[:3] for d in self.WEEKDAYS]:
            return e + 1 if self.at(e) == "." else e
        return None

    def digits_at(self, i: int, lim: int, most: int) -> tuple[int, int]:
        """(end, value) of the run of digits at i; (i, 0) when it is empty or longer than `most`."""
        e = self.run(i, lim, DIGITS)
        if e == i or e - i > most:
            return i, 0
        return e, int(self.s[i:e])

    @staticmethod
    def two_digit_year(yy: int) -> int:
        return yy + (2000 if yy < 50 else 1900)

    def hyphen_year(self, i: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, year) after "15-Mar-": four digits, or two ("15-Mar-24")."""
        r = self.year(i, lim)
        if r:
            return r
        e, v = self.digits_at(i, lim, 2)
        if e - i != 2 or self.word_at(e):
            return None
        return e, self.two_digit_year(v)

    def month_year(self, i: int, lim: int, month: int) -> Optional[tuple[int, int]]:
        """(end, aux) of the year that must follow "Mar-" or "March of "."""
        r = self.year(i, lim)
        return (r[0], r[1] * 10000 + month * 100) if r else None

    def written_date(self, w: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, aux): "3rd of October 1982", "3 Oct", "15-Mar-2024" (a year required),
        "02 Aug,2018", "October 3, 1982", "Oct 3rd", "October 1982", "Mar-2024" and "March
        of 2024" (month and year); aux is yyyymmdd with 0 for a part not given."""
        year = day = 0
        if self.s[w] in DIGITS:
            r = self.day(w, lim)
            if r and self.at(r[0]) == "-":
                e, day = r
                r = self.month(e + 1, lim)
                if not r or self.at(r[0]) != "-":
                    return None
                e, month = r
                r = self.hyphen_year(e + 1, lim)
                if not r:
                    return None
                e, year = r
            else:
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
                if g is None and self.at(e) == ",":
                    g = e + 1  # "02 Aug,2018"
                r = self.year(g, lim) if g is not None else None
                if r:
                    e, year = r
        else:
            r = self.month(w, lim)
            if not r:
                return None
            e, month = r
            if self.at(e) == "-":
                return self.month_year(e + 1, lim, month)
            g = self.gap(e, lim, False)
            if g is None:
                return None
            if self.starts(g, lim, "of") and not self.word_at(g + 2):
                g = self.gap(g + 2, lim, False)
                return self.month_year(g, lim, month) if g is not None else None
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

    def weekday_date(self, w: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, aux): a weekday, maybe a comma, spaces, and a written date with a day
        ("Friday, March 15, 2024", "Fri 15 Mar 2024"); a weekday alone is no date."""
        e = self.weekday(w, lim)
        g = self.gap(e, lim, True) if e else None
        r = self.written_date(g, lim) if g is not None and g < lim else None
        return r if r and r[1] % 100 else None

    CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen"]
    TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
    ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                "seventeenth", "eighteenth", "nineteenth"]

    def number_word(self, i: int, lim: int) -> Optional[tuple[int, int, bool]]:
        """(end, value, ordinal) of one number said in a word: one-nineteen, the tens,
        first-nineteenth, twentieth, thirtieth; a whole word."""
        e = self.run(i, min(lim, i + 12), ASCII_LETTERS)
        word = ascii_lower(self.s[i:e])
        if len(word) < 3 or self.word_at(e):
            return None
        if word in self.CARDINALS:
            return e, self.CARDINALS.index(word) + 1, False
        if word in self.TENS:
            return e, self.TENS[word], False
        if word in self.ORDINALS:
            return e, self.ORDINALS.index(word) + 1, True
        if word in ("twentieth", "thirtieth"):
            return e, 20 if word == "twentieth" else 30, True
        return None

    def number_words(self, i: int, lim: int) -> Optional[tuple[int, int, bool]]:
        """1-99 said in words: a number word, or tens then ' ' or '-' and a unit
        ("twenty five", "twenty-fifth")."""
        r = self.number_word(i, lim)
        if r and not r[2] and r[1] >= 20 and self.at(r[0]) in " -":
            u = self.number_word(r[0] + 1, lim)
            if u and u[1] <= 9:
                return u[0], r[1] + u[1], u[2]
        return r

    def year_words(self, i: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, year) said in words: "two thousand [and] [1-99]", or ten-twenty then
        "hundred", "oh" and a unit, or 10-99 ("nineteen eighty six", "twenty twenty-one")."""
        r = self.number_word(i, lim)
        if not r or r[2] or self.at(r[0]) != " ":
            return None
        e, a, _ = r
        j = e + 1
        if a == 2 and self.starts(j, lim, "thousand") and not self.word_at(j + 8):
            e = j + 8
            if self.at(e) != " ":
                return e, 2000
            k = e + 1 + (4 if self.starts(e + 1, lim, "and ") else 0)
            r = self.number_words(k, lim)
            return (r[0], 2000 + r[1]) if r and not r[2] else (e, 2000)
        if not 10 <= a <= 20:
            return None
        if self.starts(j, lim, "hundred") and not self.word_at(j + 7):
            return j + 7, a * 100
        if self.starts(j, lim, "oh "):
            r = self.number_word(j + 3, lim)
            return (r[0], a * 100 + r[1]) if r and not r[2] and r[1] <= 9 else None
        r = self.number_words(j, lim)
        return (r[0], a * 100 + r[1]) if r and not r[2] and r[1] >= 10 else None

    def said_year(self, i: int, lim: int) -> tuple[int, int]:
        """(end, year) after a day said aloud: maybe ',', spaces and a year in digits or
        words; (i, 0) when none."""
        g = self.gap(i, lim, True)
        if g is None or g >= lim:
            return i, 0
        return self.year(g, lim) or self.year_words(g, lim) or (i, 0)

    def said_date(self, w: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, aux) of a date said aloud: a month (not "may" in lower case), maybe "the",
        a day said as a number with a year after it, or as an ordinal with or without one
        ("January twenty five nineteen eighty six", "March the twenty-first, 1990"); or an
        ordinal day, " of ", a month, maybe a year ("third of March", "twenty fifth of
        December two thousand and five")."""
        year = 0
        r = self.month(w, lim)
        if r:
            e, month = r
            if month == 5 and self.s[w] == "m" and e - w == 3:
                return None
            g = self.gap(e, lim, False)
            if g is not None and self.starts(g, lim, "the") and not self.word_at(g + 3):
                g = self.gap(g + 3, lim, False)
            r = self.number_words(g, lim) if g is not None else None
            if not r or r[1] > 31:
                return None
            e, day, ordinal = r
            g, year = self.said_year(e, lim)
            if g == e and not ordinal:
                return None
            e = g
        else:
            r = self.number_words(w, lim)
            if not r or not r[2] or r[1] > 31 or self.at(r[0]) != " " or not self.starts(r[0] + 1, lim, "of "):
                return None
            day = r[1]
            r = self.month(r[0] + 4, lim)
            if not r:
                return None
            e, month = r
            e, year = self.said_year(e, lim)
        if day > self.days_in(month, year):
            return None
        return e, year * 10000 + month * 100 + day

    def time_of_day(self, i: int, lim: int) -> int:
        """End of "T14:30", " 14:30:05.123", "T14:30:00Z", "T14:30+01:00" after a date, or of
        " 2:30 PM", " 11:05 a.m." (after a space: a one-digit hour, AM or PM for 1-12); i if none."""
        if self.at(i) not in "T " or self.at(i) == NUL:
            return i
        e, h = self.digits_at(i + 1, lim, 2)
        if not (e == i + 3 or (e == i + 2 and self.s[i] == " ")) or h > 23 or self.at(e) != ":":
            return i
        e2, m = self.digits_at(e + 1, lim, 2)
        if e2 != e + 3 or m > 59:
            return i
        e += 3
        e2, v = self.digits_at(e + 1, lim, 2)
        if self.at(e) == ":" and e2 == e + 3 and v <= 60:
            e += 3
            if self.at(e) in ".," and self.at(e + 1) in DIGITS:
                e = self.run(e + 1, min(lim, i + 40), DIGITS)
        if self.s[i] == " " and h <= 12 and self.at(e) == " " and ascii_lower(self.at(e + 1)) in "ap" \
                and self.at(e + 1) != NUL:
            if ascii_lower(self.at(e + 2)) == "m" and not self.word_at(e + 3):
                return e + 3  # " AM", " pm"
            if self.at(e + 2) == "." and ascii_lower(self.at(e + 3)) == "m" and self.at(e + 4) == ".":
                return e + 5  # " a.m.", " p.m."
        if self.at(e) == "Z":
            e += 1
        elif self.at(e) in "+-" and self.digits_at(e + 1, lim, 2)[0] == e + 3 \
                and self.digits_at(e + 1, lim, 2)[1] <= 14:
            e += 3
            e2, v = self.digits_at(e + 1, lim, 2)
            e3, v3 = self.digits_at(e, lim, 2)
            if self.at(e) == ":" and e2 == e + 3 and v <= 59:
                e += 3
            elif e3 == e + 2 and v3 <= 59:
                e += 2
        return i if self.word_at(e) else e

    def date_sep(self, i: int) -> Optional[tuple[str, int]]:
        """(separator, after it): '/', '-', '.', ". " (then a digit) or ' '."""
        c = self.at(i)
        if c == "." and self.at(i + 1) == " " and self.at(i + 2) in DIGITS:
            return ". ", i + 2
        return (c, i + 1) if c in "/-. " and c != NUL else None

    VERSION_LIKE, NEEDS_CUE = 1, 2

    def numeric_date(self, pos: int, lim: int) -> Optional[tuple[int, int, int]]:
        """(end, aux, doubt) of three numbers in one of CLDR's orders: y-M-d (four digits
        first, or two over 31), else d-M-y or M-d-y: month first with '/' and '-' unless
        day_first or the first cannot be a month, day first with '.', ". " and ' '. Two-digit
        years with '/', '-', '.' and ". " (VERSION_LIKE; NEEDS_CUE too with '.' or '-' when
        day and month have one digit, "5.4.87", and for "11.6.13", a one-digit month after a
        day that could be a month); ' ' only in "1 07 1968" and "23/11 2024". Not part of a longer
        number; it goes on into a time of day; ". " and year-first dotted dates take their
        closing '.'. "2019/aug/01" too."""
        i, a = self.digits_at(pos, lim, 4)
        la = i - pos
        if la in (0, 3):
            return None
        r = self.date_sep(i)
        if not r:
            return None
        sep, j = r
        if la == 4 and sep not in (" ", ". ") and is_letter(self.at(j)):
            return self.year_month_name(j, lim, a, sep)
        e, b = self.digits_at(j, lim, 2)
        lb = e - j
        if lb == 0:
            return None
        r = self.date_sep(e)
        if not r or not (r[0] == sep or (sep == "/" and r[0] == " ")):
            return None
        sep2, j = r
        e, c = self.digits_at(j, lim, 4)
        lc = e - j
        if lc in (0, 3):
            return None
        doubt = 0
        if la == 4:
            if lc > 2 or sep == " " or sep2 != sep:
                return None
            year, month, day = a, b, c
        elif a > 31 and la == 2:
            if lc > 2 or sep not in ("/", "-", ". ") or sep2 != sep:
                return None
            year, month, day = self.two_digit_year(a), b, c
        else:
            if lc == 2:
                if sep2 != sep or sep == " ":
                    return None
                doubt = self.VERSION_LIKE | (self.NEEDS_CUE if (sep == "." and lb == 1 and a <= 12)
                                             or (sep in ".-" and la == 1 and lb == 1) else 0)
                c = self.two_digit_year(c)
            elif lc != 4 or (sep == " " and lb != 2) or (sep2 != sep and lb != 2):
                return None
            month, day, year = a, b, c
            if self.day_first or month > 12 or sep in (".", ". ", " "):
                month, day = day, month
        if not (1000 <= year <= 2999 and 1 <= month <= 12 and 1 <= day <= self.days_in(month, year)):
            return None
        if self.at(e) in "-/." and self.at(e + 1) in DIGITS:
            return None
        k = e + (sep == ". ")
        if sep in (" ", ". ") and self.at(k) == " " and self.at(k + 1) in DIGITS:
            return None
        if sep == " " and self.at(pos - 1) == " " and self.at(pos - 2) in DIGITS:
            return None  # inside a longer run of digit groups
        aux = year * 10000 + month * 100 + day
        j = self.time_of_day(e, lim) if sep not in (". ", " ") else e
        if j > e:
            return j, aux, doubt
        if self.at(e) == "." and not self.word_at(e + 1) and (sep == ". " or (la == 4 and sep == ".")):
            e += 1
        return None if self.word_at(e) else (e, aux, doubt)

    def year_month_name(self, i: int, lim: int, year: int, sep: str) -> Optional[tuple[int, int, int]]:
        """"2019/aug/01": after the year and its separator, a month's name, the same
        separator and a day."""
        r = self.month(i, lim)
        if not r or self.at(r[0]) != sep or not 1000 <= year <= 2999:
            return None
        e, month = r
        j, day = self.digits_at(e + 1, lim, 2)
        if j == e + 1 or self.word_at(j) or not 1 <= day <= self.days_in(month, year):
            return None
        if self.at(j) in "-/." and self.at(j + 1) in DIGITS:
            return None
        return j, year * 10000 + month * 100 + day, 0

    def short_date(self, pos: int, lim: int) -> Optional[tuple[int, int]]:
        """(end, aux) of the forms that need a date word before them: yyyymmdd
        ("20161016", 1900-2099), month/year ("05/2021", any of '/.-'; "2021-05", '/' or '-'), month and day with
        '/' ("11/20", "22/04": one of them two digits, the order as in numeric_date), day and
        month German style ("22.04.", the closing dot included)."""
        i, a = self.digits_at(pos, lim, 8)
        la = i - pos
        if la == 8:
            year, month, day = a // 10000, a // 100 % 100, a % 100
            if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= self.days_in(month, year)):
                return None
            e, aux = i, a
        else:
            if la in (0, 3) or la > 4 or self.at(i) not in "/.-" or self.at(i) == NUL:
                return None
            sep = self.s[i]
            e, b = self.digits_at(i + 1, lim, 4)
            lb = e - i - 1
            if la == 4:  # "2021-05"
                if sep == "." or lb != 2 or not 1 <= b <= 12 or not 1000 <= a <= 2999:
                    return None
                aux = a * 10000 + b * 100
            elif lb == 4 and 1 <= a <= 12 and 1000 <= b <= 2999:
                aux = b * 10000 + a * 100
            elif sep == "/" and (lb == 2 or (lb == 1 and la == 2)):
                month, day = a, b
                if self.day_first or month > 12:
                    month, day = day, month
                if not (1 <= month <= 12 and 1 <= day <= self.days_in(month, 0)):
                    return None
                aux = month * 100 + day
            elif sep == "." and la == 2 and lb == 2 and self.at(e) == "." and self.at(e + 1) not in DIGITS:
                if not (1 <= b <= 12 and 1 <= a <= self.days_in(b, 0)):
                    return None
                aux, e = b * 100 + a, e + 1
            else:
                return None
        if self.word_at(e) or (self.at(e) in "-/." and self.at(e + 1) in DIGITS):
            return None
        return e, aux

    def date_cue(self, pos: int) -> bool:
        """A DATE or DATE_OF_BIRTH context word within 16 code points before pos, and no
        card-expiry word within 24."""
        words = ENTITY_TYPES[DATE].context + ENTITY_TYPES[DOB].context
        return self.words_in(max(0, pos - 16), pos, words) \
            and not self.words_in(max(0, pos - 24), pos, ENTITY_TYPES[EXPIRY].context)

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
        """After an age's digits, then ' ' or '-': "years old", "year-old", "yrs old", "yr-old",
        "years of age", "y/o", "y.o.", "yo" (whole words)."""
        if not (i < lim and self.s[i] in " -"):
            return False
        i += 1
        if self.starts(i, lim, "y/o") or self.starts(i, lim, "yo"):
            return not self.word_at(i + (3 if self.at(i + 1) == "/" else 2))
        if self.starts(i, lim, "y.o.") and not self.word_at(i + 4):
            return True
        m = re.compile(r"(?:year|yr)s?[ -]", re.IGNORECASE | re.ASCII).match(self.s, i, lim)
        if not m:
            return False
        i = m.end()
        if self.starts(i, lim, "old") and not self.word_at(i + 3):
            return True
        return self.s[i - 1] == " " and self.starts(i, lim, "of age") and not self.word_at(i + 6)

    AGE_PERSONS = ("i", "he", "she")  # one person: "we are 3" counts people
    AGE_FOLLOWERS = ("when", "and", "but", "now", "so", "in", "at", "this", "next", "last", "soon",
                     "today", "then", "with", "or", "too", "already", "back")

    def letters_before(self, e: int) -> Optional[str]:
        """The lower-cased word of one to eight ASCII letters that ends at e, not joined to
        another word character."""
        m = re.compile(r"[A-Za-z]{1,9}\Z").search(self.s[:e], max(0, e - 9))
        if not m or len(m.group()) > 8 or self.word_at(m.start() - 1):
            return None
        return ascii_lower(m.group())

    def age_clause(self, pos: int, stop: int, lim: int) -> bool:
        """"when he was 23", "I'm 24.", "I'll turn 46", "she is 30 now": right before the
        number a form of "turn", or a person and a form of "be" ("i'm", "he's", "she's"
        written with an apostrophe); after it the clause ends (the text's end, punctuation or
        one of AGE_FOLLOWERS)."""
        if self.at(pos - 1) != " ":
            return False
        verb = self.letters_before(pos - 1)
        if not verb:
            return False
        i = pos - 1 - len(verb)
        if verb in ("turn", "turns", "turning"):
            return self.clause_ends(stop, lim)
        if verb in ("m", "s") and self.at(i - 1) in "'\u2019":
            person = self.letters_before(i - 1)
            return person in self.AGE_PERSONS and self.clause_ends(stop, lim)
        if verb not in ("was", "is", "am") or self.at(i - 1) != " ":
            return False
        return self.letters_before(i - 1) in self.AGE_PERSONS and self.clause_ends(stop, lim)

    def clause_ends(self, stop: int, lim: int) -> bool:
        c = self.at(stop)
        if c in (NUL, ".", ",", ";", "!", "?", ")", "\n", "\r"):
            return True
        if c != " ":
            return False
        j = self.run(stop + 1, min(lim, stop + 9), ASCII_LETTERS)
        return not self.word_at(j) and ascii_lower(self.s[stop + 1:j]) in self.AGE_FOLLOWERS

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


# ------------------------------------------------------------------ detectors at a digit or a letter

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
        used = t.card(plus, gs, pos, lim)
        if used:
            offer(gs[used - 1].stop, CARD)
    spaced_on = len(gs) > 3 and gs[1].sep == gs[3].sep == " "  # "011 44 7400 123482"
    if (_on(types, SSN) and len(gs) >= 3 and t.plain(plus, gs, 3, "- .") and not spaced_on
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
    if dates_on and not plus and not g0.paren and g0.length <= 8:
        # a numeric date; a lone number goes on into one only past ". " or into a month's name
        r = None
        c = t.at(g0.digits_end)
        if len(gs) >= 3 or (len(gs) == 1 and ((c == "." and t.at(g0.digits_end + 1) == " ") or (
                g0.length == 4 and c in "/-." and c != NUL and is_letter(t.at(g0.digits_end + 1))))):
            r = t.numeric_date(pos, lim)
        if not r and (len(gs) == 2 or g0.length == 8):
            r2 = t.short_date(pos, lim)
            r = (r2[0], r2[1], Text.VERSION_LIKE | Text.NEEDS_CUE) if r2 else None
        if r and r[2] & Text.NEEDS_CUE and not t.date_cue(pos):
            r = None
        row = ENTITY_TYPES[DATE]
        if r and r[0] > best_e and not (r[2] & Text.VERSION_LIKE and t.words_in(max(0, pos - row.veto_before),
                                                                                  pos, row.veto)):
            best_e, best_t, best_aux = r[0], DATE, r[1]
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
            if age <= 130 and (t.age_phrase(g0.digits_end, lim) or t.context(pos, g0.stop, lim, AGE)
                               or t.age_clause(pos, g0.stop, lim)):
                offer(g0.stop, AGE, age)
    if best_t < 0 and not plus and not g0.paren:
        # an ID number by its context word: passport, driver's licence, bank account; it
        # ends a word ("acct 123456789x" is none)
        used = id_groups(t, plus, gs)
        if used and t.word_at(gs[used - 1].stop):
            used = 0
        type_id = id_type(t, pos, len(t.digits(gs, used)), True, types) if used else -1
        if type_id >= 0:
            best_e, best_t = gs[used - 1].stop, type_id
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
    # phone candidates: longest first, at most three, each with its extension
    cue = None
    phones = 0
    for j in range(len(gs), 0, -1):
        if t.continues(gs, j):
            continue
        e = gs[j - 1].stop
        x = _phone_extension(t, e, lim)
        if x is not None and x - pos <= PHONE_MAX:
            e = x
        if e - pos > PHONE_MAX or t.word_at(e):
            continue
        prefix = _idd_digits(t, plus, gs, j)  # the call prefix's digits do not count
        digits = len(t.digits(gs, j)) - prefix
        if not 7 <= digits <= 15 or not _phone_groups(plus, gs[:j], prefix):
            continue
        if cue is None:
            cue = _phone_cue(t, pos)
        flags = TENTATIVE | (ALTERNATIVE if phones else 0)
        if cue and not _reads_as_other(t, pos, lim, gs[:j]):
            flags |= PHONE_CUE
        elif not (plus or prefix) and (digits < 8 or (j == 1 and not 9 <= digits <= 11)):
            continue  # a short or unbroken national number only after a strong cue
        # no context yet: the caller scores the candidate that validates
        out.append((pos, e, PHONE, flags, score_of(PHONE, False), 0))
        phones += 1
        if phones == 3:
            break
    return None


def _idd_digits(t: Text, plus: bool, gs: list[Group], j: int) -> int:
    """Digits of an international call prefix before the country code in the first j
    groups (j >= 2): "00" opening a first group of 2-5 digits, or a first group "011";
    not before '/' or '('."""
    first = t.s[gs[0].start:gs[0].digits_end]
    if j < 2 or plus or gs[0].paren or gs[1].sep in "/(":
        return 0
    if 2 <= len(first) <= 5 and first.startswith("00"):
        return 2
    return 3 if first == "011" else 0


def _phone_groups(plus: bool, gs: list[Group], idd: int) -> bool:
    """Groups of a phone number: after '+' or a call prefix any, without '/'; nationally
    2-10 digits each after the first (or in parentheses), one '/' only after a first group
    of 2-5, and two groups end in 3+ digits ("66247.99" is an amount)."""
    intl = plus or idd > 0
    for k, g in enumerate(gs[1:], 1):
        if g.sep == "/" and (intl or k != 1 or gs[0].paren or not 2 <= gs[0].length <= 5):
            return False
        if not (intl or 2 <= g.length <= 10 or g.paren):
            return False
    return intl or len(gs) != 2 or gs[1].length >= 3


PHONE_EXTENSION = re.compile(r" ?(?:extension|ext\.?|[#x]) ?([0-9]{1,6})(?![0-9])", re.I | re.A)


def _phone_extension(t: Text, e: int, lim: int) -> Optional[int]:
    """End of an extension after a number ending at e: "x068", " ext. 45", " extension 12",
    " #123", ending a word."""
    m = PHONE_EXTENSION.match(t.s, e, lim)
    return m.end() if m and not t.word_at(m.end()) else None


PHONE_CUE_REACH = 48
CUE_CLASSES = {}  # word -> the classes of strong-cue words it is in
for _words, _kind in ((lexicon.PHONE_CUE_WORDS, "word"), (lexicon.PHONE_CUE_FILLERS, "filler"),
                      (("number",), "number"), (lexicon.PHONE_CUE_VERBS, "verb"), (("me",), "me"),
                      (("at", "on"), "at"), (("my",), "my"), (lexicon.PHONE_CUE_NOT_PHONE, "not")):
    for _w in _words:
        CUE_CLASSES.setdefault(_w, set()).add(_kind)


def _cue_words(t: Text, pos: int) -> list[set]:
    """The classes of the (at most four) words right before pos, nearest first: after at
    most three of " \t:.#-=", whole runs of 1-12 ASCII letters one space (or ". ") apart,
    starting within PHONE_CUE_REACH code points."""
    lo = max(0, pos - PHONE_CUE_REACH)
    i = pos
    while i > lo and pos - i < 3 and t.s[i - 1] in " \t:.#-=":
        i -= 1
    words: list[set] = []
    while len(words) < 4:
        m = re.search(r"[A-Za-z]+\Z", t.s[lo:i])
        if not m or len(m.group()) > 12 or t.word_at(lo + m.start() - 1):
            break  # none, too long, joined to other word characters or cut by the reach
        words.append(CUE_CLASSES.get(ascii_lower(m.group()), set()))
        i = lo + m.start()
        if i - 1 > lo and t.s[i - 1] == " ":
            i -= 2 if t.s[i - 2] == "." else 1
        else:
            break
    return words


def _phone_cue(t: Text, pos: int) -> bool:
    """A strong phone cue right before pos (core.lexicon.PHONE_CUE_*)."""
    w = _cue_words(t, pos)
    f = 0
    while f < min(len(w), 2) and "filler" in w[f]:
        f += 1
    said_number = any("number" in c for c in w[:f])
    rest = w[f:]
    if rest and "word" in rest[0]:
        return True                                  # "Mobile:", "phone number is"
    if said_number and rest and ("my" in rest[0] or (len(rest) > 1 and "my" in rest[1]
                                                     and not rest[0] & {"not", "filler"})):
        return True                                  # "my number is", "my Japanese number is"
    if len(w) >= 3 and "at" in w[0] and "me" in w[1] and "verb" in w[2]:
        return True                                  # "call me at"
    return len(w) >= 2 and "me" in w[0] and "verb" in w[1]


def _clock_part(t: Text, pos: int, stop: int, lim: int) -> bool:
    """The number is joined to another by ':' ("12:30"): a time."""
    return (t.at(pos - 1) == ":" and t.at(pos - 2) in DIGITS) or \
        (stop + 1 < lim and t.s[stop] == ":" and t.s[stop + 1] in DIGITS)


def _is_currency(ch: str) -> bool:
    c = ord(ch)
    return ch == "$" or 0xA2 <= c <= 0xA5 or 0x20A0 <= c <= 0x20CF


def _reads_as_other(t: Text, pos: int, lim: int, gs: list[Group]) -> bool:
    """The groups read as a date (1-2, 1-2, 2 or 4 digits, or 4, 1-2, 1-2, one of '-./'), a
    time, or an amount: a currency sign before (maybe a space between) or after (the same),
    a decimal comma after, or three capitals after ("EUR")."""
    if len(gs) == 3 and gs[1].sep == gs[2].sep and gs[1].sep in "-./":
        a, b, c = (g.length for g in gs)
        if (a <= 2 and b <= 2 and c in (2, 4)) or (a == 4 and b <= 2 and c <= 2):
            return True
    e = gs[-1].stop
    if _clock_part(t, pos, e, lim):
        return True
    if _is_currency(t.at(pos - 1)) or (t.at(pos - 1) == " " and _is_currency(t.at(pos - 2))):
        return True
    if e + 1 < lim and t.s[e] == "," and t.s[e + 1] in DIGITS:
        return True
    i = e + 1 if e < lim and t.s[e] == " " else e
    if i < lim and _is_currency(t.s[i]):
        return True
    return re.compile("[A-Z]{3}").match(t.s, i, lim) is not None and not t.word_at(i + 3)


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
    if e is None and (_on(types, DATE) or _on(types, DOB)):
        r = t.weekday_date(pos, lim)  # "Friday, March 15, 2024"
        if r:
            e, aux = r
            type_id = _date_type(t, pos, e, lim, types)
    if e is None:
        if _on(types, DATE) or _on(types, DOB):
            r = t.written_date(pos, lim) or t.said_date(pos, lim)
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


# ------------------------------------------------------------------ the gazetteer

class G:
    """The word classes of a phrase: bit flags."""
    FIRST, LAST, COMMON, CITY, STATE, ABBR, COUNTRY, ORG, HOLIDAY, PREFIX = (1 << k for k in range(10))
    STREET, UNIT, DIR, TITLE, ORG_SUFFIX, ORG_HEAD, NUMBER = (1 << k for k in range(10, 17))
    CUE, CUE_STRONG, CUE_LOWER, CUE_WEAK, CUE_AFTER = (1 << k for k in range(17, 22))
    STOP, FUNCTION, PLACE_CUE, CONNECTOR, PARTICLE, STREET_PREFIX = (1 << k for k in range(22, 28))
    TLD, TLD_WILD, FILE_EXT = (1 << k for k in range(28, 31))
    # the classes whose phrases may carry a value (a number word's, a holiday's date...)
    VALUED = NUMBER | HOLIDAY | TLD | TITLE | PLACE_CUE
    # a word with none of these starts nothing on its own
    STARTS = (FIRST | LAST | CITY | STATE | ABBR | COUNTRY | ORG | HOLIDAY | PREFIX | TITLE
              | NUMBER | ORG_HEAD | TLD)


WORD_TLD, NAME_SUFFIX, CITY_PREFIX = -1, -2, -3  # phrase values besides numbers and dates
GAZETTEER_CODES = {"F": G.FIRST, "L": G.LAST, "W": G.COMMON, "C": G.CITY, "S": G.STATE,
                   "A": G.ABBR, "K": G.COUNTRY, "O": G.ORG, "H": G.HOLIDAY}
WORD_CLASSES = (
    (lexicon.STREET_SUFFIXES, G.STREET), (lexicon.UNIT_WORDS, G.UNIT), (lexicon.DIRECTIONALS, G.DIR),
    (lexicon.TITLES, G.TITLE), (lexicon.ORG_SUFFIXES, G.ORG_SUFFIX), (lexicon.ORG_HEADS, G.ORG_HEAD),
    (lexicon.NAME_CUES, G.CUE), (lexicon.NAME_CUES_STRONG, G.CUE_STRONG),
    (lexicon.NAME_CUES_LOWER, G.CUE_LOWER), (lexicon.NAME_CUES_AFTER, G.CUE_AFTER),
    (lexicon.STOP_WORDS, G.STOP), (lexicon.PLACE_CUES, G.PLACE_CUE),
    (lexicon.ORG_CONNECTORS, G.CONNECTOR), (lexicon.FUNCTION_WORDS, G.FUNCTION),
    (lexicon.STREET_PREFIXES, G.STREET_PREFIX), (lexicon.NAME_CUES_WEAK, G.CUE_WEAK),
    (lexicon.NAME_PARTICLES, G.PARTICLE),
)


def _number_value(digits: str) -> int:
    """A spoken-number word's value: a digit, a teen, a tens word (20..90), or 100
    ("hundred"), 102 and 103 ("double", "triple"), 104 ("plus")."""
    special = {"00": 100, "x2": 102, "x3": 103, "+": 104}
    if digits in special:
        return special[digits]
    return int(digits[0]) * 10 if digits.endswith("_") else int(digits)


def _gazetteer_phrases():
    """(phrase, classes, value) from the data files and the word classes of core.lexicon."""
    data = pathlib.Path(lexicon.__file__).parent / "data"
    for line in (data / "gazetteer.txt").read_text(encoding="ascii").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, _, codes = line.partition("\t")
            yield phrase, sum(GAZETTEER_CODES.get(c, 0) for c in set(codes)), 0
    names = (data / "names.txt").read_text(encoding="utf-8").splitlines() \
        + (data / "names_open.txt").read_text(encoding="utf-8").splitlines()
    for line in names:
        if not line.startswith("#"):
            word, _, codes = line.partition("\t")
            yield word, (G.FIRST if "F" in codes else 0) | (G.LAST if "L" in codes else 0), 0
    address = {"P": G.STREET_PREFIX, "T": G.STREET, "U": G.UNIT, "K": G.COUNTRY}
    for line in (data / "address_words.txt").read_text(encoding="utf-8").splitlines():
        phrase, _, codes = line.partition("\t")
        flags = sum(address.get(c, 0) for c in set(codes))
        if flags and not line.startswith("#"):
            yield phrase, flags, 0
    for line in (data / "common_words.txt").read_text(encoding="ascii").splitlines():
        if line.strip() and not line.strip().startswith("#"):
            yield line.strip(), G.COMMON, 0
    for line in (data / "public_suffixes.txt").read_text(encoding="ascii").splitlines():
        rule = line.strip()
        if rule and rule[0] not in "#!":
            yield (rule[2:], G.TLD_WILD, 0) if rule.startswith("*.") else (rule, G.TLD, 0)
    yield from ((ext, G.FILE_EXT, 0) for ext in lexicon.FILE_EXTENSION_TLDS)
    yield from ((tld, 0, WORD_TLD) for tld in lexicon.WORD_TLDS)
    yield from ((word, G.TITLE, NAME_SUFFIX) for word in lexicon.NAME_SUFFIXES)
    yield from ((word, G.PLACE_CUE, CITY_PREFIX) for word in lexicon.CITY_PREFIXES)
    for words, flag in WORD_CLASSES:
        yield from ((word, flag, 0) for word in words)
    yield from ((w, G.NUMBER, _number_value(d)) for w, d in lexicon.NUMBER_WORDS.items())
    yield from ((phrase, G.HOLIDAY, mmdd) for phrase, mmdd in lexicon.HOLIDAY_DATES.items())


def _load_gazetteer() -> tuple[dict[str, int], dict[str, int]]:
    """(classes, values) by phrase; every phrase some longer phrase starts with is a PREFIX.
    Where two sources give a phrase a value, the later one holds."""
    classes: dict[str, int] = {}
    values: dict[str, int] = {}
    for phrase, flags, value in _gazetteer_phrases():
        if not phrase:
            continue
        classes[phrase] = classes.get(phrase, 0) | flags
        if value:
            values[phrase] = value
        words = phrase.split(" ")
        for k in range(1, len(words)):
            head = " ".join(words[:k])
            classes[head] = classes.get(head, 0) | G.PREFIX
    return classes, values


GAZ, GAZ_VALUES = _load_gazetteer()


def gz(phrase: str) -> int:
    return GAZ.get(phrase, 0)


def gz_value(phrase: str) -> int:
    return GAZ_VALUES.get(phrase, 0) if gz(phrase) & G.VALUED else 0


def unlisted(f: int) -> bool:
    """In no word list (a public suffix or a prefix aside): most likely a name."""
    return not f & ~(G.PREFIX | G.TLD | G.TLD_WILD | G.FILE_EXT)


# ------------------------------------------------------------------ words

LOWER, CAP, UPPER, INITIAL = 1, 2, 4, 8  # shapes: "smith", "Smith"/"McDonald", "SMITH", "S"
NOCASE, SPACELESS = 16, 32  # a word of a script without case ("محمد"); a run of Han, kana or Hangul
UPPER_ASCII = frozenset(string.ascii_uppercase)


def _fold(ch: str) -> str:
    """An ASCII or accented Latin letter's ASCII base letter (Latin-1 to Latin Extended-B
    and Latin Extended Additional), else '' (core.lexicon.latin_fold)."""
    return lexicon.latin_fold(ch)


def letter_key(ch: str) -> str:
    """What a word's letter is keyed as: its folded small Latin letter, another script's
    small letter, or '' for a mark that is read but not keyed (and for a non-letter)."""
    folded = _fold(ch)
    if folded:
        return folded.lower()
    kind, key = lexicon.script_letter(ch)
    return chr(key) if kind and kind != lexicon.SCRIPT_SKIP else ""


def capital(ch: str) -> bool:
    """An upper-case letter of a cased script: ASCII, accented Latin, Greek, Cyrillic, Armenian."""
    folded = _fold(ch)
    if folded:
        return folded.isupper()
    return lexicon.script_letter(ch)[0] == lexicon.SCRIPT_UPPER


class Word(NamedTuple):
    start: int
    end: int
    key: str    # its letters folded to ASCII, lower case: how the gazetteer spells it
    shape: int

    @property
    def size(self) -> int:
        return self.end - self.start


def up(ch: str) -> bool:
    return ch in UPPER_ASCII


def is_letter(ch: str) -> bool:
    return ch in ASCII_LETTERS


def _shape(letters: str) -> int:
    if letters[0].islower():
        return LOWER
    if letters.isupper():
        return INITIAL if len(letters) == 1 else UPPER
    return CAP


def read_word(t: Text, i: int, lim: int) -> Optional[Word]:
    """The whole word of (accented) Latin letters at i, at most 24 of them: nothing that
    is a word character may be joined to it before or after. A word that starts with a
    letter of another script is read by read_script_word."""
    if not 0 <= i < lim or t.word_at(i - 1):
        return None
    if not _fold(t.s[i]):
        return read_script_word(t, i, lim)
    e = i
    while e < lim and _fold(t.s[e]):
        e += 1
    if t.word_at(e) or e - i > 24:
        return None
    letters = "".join(_fold(ch) for ch in t.s[i:e])
    return Word(i, e, letters.lower(), _shape(letters))


def read_script_word(t: Text, i: int, lim: int) -> Optional[Word]:
    """A word of letters of other scripts than Latin (any mix of them), at most 24 code
    points: keyed by letter_key; its shape by its first letter (a cased script's case,
    NOCASE, SPACELESS)."""
    first = lexicon.script_letter(t.s[i])[0]
    if not first or first == lexicon.SCRIPT_SKIP:
        return None
    e = i
    while e < lim and lexicon.script_letter(t.s[e])[0]:
        e += 1
    if t.word_at(e) or e - i > 24:
        return None
    key = "".join(letter_key(ch) for ch in t.s[i:e])
    if first == lexicon.SCRIPT_NOCASE:
        return Word(i, e, key, NOCASE)
    if first == lexicon.SCRIPT_SPACELESS:
        return Word(i, e, key, SPACELESS)
    if first == lexicon.SCRIPT_LOWER:
        return Word(i, e, key, LOWER)
    if all(lexicon.script_letter(ch)[0] == lexicon.SCRIPT_UPPER for ch in t.s[i:e]):
        return Word(i, e, key, INITIAL if e - i == 1 else UPPER)
    return Word(i, e, key, CAP)


def flags_of(w: Word) -> int:
    return gz(w.key)


def phrase_gap(t: Text, i: int, lim: int) -> Optional[int]:
    """Between two words of a phrase: a space, or one of . ' ’ - & and at most one space
    ("St. Louis", "O'Brien", "AT&T"); the next word's start."""
    j = i
    if j < lim and t.s[j] in ".'\u2019-&":
        j += 1
    if j < lim and t.s[j] == " ":
        j += 1
    return j if j != i and j < lim and is_letter(t.s[j]) else None


def space_gap(t: Text, i: int, lim: int) -> Optional[int]:
    """Exactly one space, then the next token's start."""
    if i + 1 < lim and t.s[i] == " " and t.s[i + 1] != " ":
        return i + 1
    return None


def word_after(t: Text, i: int, lim: int) -> Optional[Word]:
    """The word after one space at i."""
    j = space_gap(t, i, lim)
    return read_word(t, j, lim) if j else None


class Phrase(NamedTuple):
    words: int
    last: Word
    flags: int
    value: int


def longest_phrase(t: Text, first: Word, lim: int, want: int, lower_ok: bool) -> Optional[Phrase]:
    """The longest phrase of up to five words from `first` in one of the `want` classes.
    Words after the first are capitalised, connectors ("Bank of America"), or anything
    when `lower_ok`; the phrase grows while what it has read is a PREFIX."""
    best = None
    key, cur = first.key, first
    if gz(key) & want:
        best = Phrase(1, first, gz(key), gz_value(key))
    for words in range(2, 6):
        if not gz(key) & G.PREFIX:
            break
        j = phrase_gap(t, cur.end, lim)
        nxt = read_word(t, j, lim) if j else None
        if not nxt:
            break
        if nxt.shape == LOWER and not lower_ok and not flags_of(nxt) & G.CONNECTOR:
            break
        key, cur = key + " " + nxt.key, nxt
        if gz(key) & want:
            best = Phrase(words, nxt, gz(key), gz_value(key))
    return best


# ------------------------------------------------------------------ cues: what comes before a word

CUE_SEPARATORS = " ,:'\u2019-\"\n\r=?"


def read_word_joined(t: Text, i: int, e: int) -> Word:
    """The letters s[i:e] as a word whatever is joined before them ("first_name": "name");
    a shape of LOWER or CAP only."""
    letters = "".join(_fold(ch) for ch in t.s[i:e])
    return Word(i, e, letters.lower(), LOWER if t.s[i].islower() else CAP)


def prev_word(t: Text, pos: int, floor: int) -> Optional[Word]:
    """The ASCII word before pos across one to four cue separators, all of it at or after
    floor; a word joined by '_' counts."""
    i = pos
    while i > floor and pos - i < 4 and t.s[i - 1] in CUE_SEPARATORS:
        i -= 1
    if i == pos:
        return None
    e = i
    while i > floor and is_letter(t.s[i - 1]):
        i -= 1
    if i == e or (i == floor and is_letter(t.at(i - 1))):
        return None
    if t.at(i - 1) == "_":
        return read_word(t, i, e) or read_word_joined(t, i, e)
    return None if t.word_at(i - 1) else read_word(t, i, e)


def cue_flags(t: Text, pos: int) -> int:
    """The classes of the word before pos and of the two words ending there ("my name is")."""
    floor = max(0, pos - (LOOKBEHIND - 8))
    w1 = prev_word(t, pos, floor)
    if not w1:
        return 0
    w2 = prev_word(t, w1.start, floor)
    return flags_of(w1) | (gz(w2.key + " " + w1.key) if w2 else 0)


def sentence_start(t: Text, pos: int) -> bool:
    """Up to four spaces between pos and the text's start, or . ! ? " or a line break."""
    i = pos - 1
    while i >= 0 and t.s[i] == " " and pos - 1 - i < 4:
        i -= 1
    return i < 0 or t.s[i] in '.!?"\n\r'


def line_start(t: Text, pos: int) -> bool:
    return pos == 0 or t.s[pos - 1] in "\n\r"


def line_end(t: Text, e: int) -> bool:
    return e >= t.n or t.s[e] in "\n\r"


def _space_then(t: Text, pos: int) -> Optional[str]:
    """The two characters before the space before pos, lower-cased, when both are ASCII."""
    a, b = t.at(pos - 3), t.at(pos - 2)
    if t.at(pos - 1) != " " or not (a.isascii() and b.isascii()):
        return None
    return ascii_lower(a + b)


def after_place_cue(t: Text, pos: int) -> bool:
    """The word before pos, one space before it, is "in", "to", "from" or "near"."""
    last2 = _space_then(t, pos)
    if last2 in ("in", "to"):
        return not is_letter(t.at(pos - 4))
    if last2 in ("om", "ar"):
        return pos >= 5 and ascii_lower(t.s[pos - 5:pos - 1]) in ("from", "near") \
            and not is_letter(t.at(pos - 6))
    return False


def after_name_cue(t: Text, pos: int) -> bool:
    """The word before pos, one space before it, is "is", "am", "me", "im", or ends in 'm
    or 's after a letter ("i'm", "name's", "it’s")."""
    last2 = _space_then(t, pos)
    apostrophe = last2 in ("'m", "'s") or (t.at(pos - 1) == " " and t.at(pos - 3) == "\u2019"
                                           and ascii_lower(t.at(pos - 2)) in ("m", "s"))
    if apostrophe:
        return is_letter(t.at(pos - 4))
    return last2 in ("is", "am", "me", "im") and not is_letter(t.at(pos - 4))


# ------------------------------------------------------------------ spoken numbers

NUMBER_SHAPES = frozenset((w[:3], len(w)) for w in lexicon.NUMBER_WORDS)


def spoken_gate(t: Text, pos: int, end: int) -> bool:
    """The word [pos, end) has a number word's length and first three (ASCII) letters,
    and a space, '-' or ',' follows it."""
    head = t.s[pos:pos + min(3, end - pos)]
    return end - pos <= 9 and all(is_letter(c) for c in head) \
        and (ascii_lower(head), end - pos) in NUMBER_SHAPES and t.at(end) in " -,"


def _number_word(t: Text, i: int, lim: int) -> Optional[tuple[int, int]]:
    """(end, value) of a number word at i, not written in capitals."""
    w = read_word(t, i, lim)
    if not w or w.shape == UPPER or not flags_of(w) & G.NUMBER:
        return None
    return w.end, gz_value(w.key)


def _spoken_mid(t: Text, pos: int) -> bool:
    """The token before pos, across one gap, is a single digit or a number word."""
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
    return k != i and not t.word_at(k - 1) and _number_word(t, k, i) is not None


def _spoken_digits(t: Text, pos: int, lim: int) -> Optional[tuple[int, str, bool]]:
    """(end, digits, said after "plus") of the spoken number at pos: number words and
    single digits in a row, at most 18 digits."""
    i, e, words, times, tens, d, last_unit, tokens, plus = pos, 0, 0, 1, -1, "", False, 0, False
    while i < lim:
        if t.s[i] in DIGITS:
            j = i + 1
            if t.word_at(j) or t.word_at(i - 1):
                break
            v = int(t.s[i])
        else:
            w = _number_word(t, i, lim)
            if not w:
                break
            j, v = w
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
    if plus:
        type_id, flags = PHONE, flags | TENTATIVE | SPOKEN_PLUS
    elif 12 <= count <= 18 and _on(types, CARD) and t.luhn(d) and t.issuer_ok(d):
        type_id = CARD
    elif count == 9 and _on(types, ROUTING) and t.aba_ok(d) and t.context(pos, e, lim, ROUTING):
        type_id = ROUTING
    elif count == 9 and _on(types, SSN) and t.ssn_ok(int(d[:3]), int(d[3:5]), int(d[5:])) \
            and t.context(pos, e, lim, SSN):
        type_id = SSN
    elif 6 <= count <= 17 and _on(types, ACCOUNT) and t.context_before(pos, ACCOUNT):
        type_id = ACCOUNT
    elif 8 <= count <= 15 and _on(types, PHONE):
        type_id, flags = PHONE, flags | TENTATIVE
    elif 3 <= count <= 4 and _on(types, CVV) and t.context_before(pos, CVV):
        type_id = CVV
    elif 4 <= count <= 6 and _on(types, PIN) and t.context_before(pos, PIN):
        type_id = PIN
    if type_id < 0:
        return None, False
    ctx = type_id not in (PHONE, CARD)
    out.append((pos, e, type_id, flags | (count << 8) | (CONTEXT if ctx else 0), score_of(type_id, ctx), int(d)))
    return (None, True) if type_id == PHONE else (e, False)


# ------------------------------------------------------------------ holidays

def match_holiday(t: Text, w0: Word, lim: int) -> Optional[tuple[int, int]]:
    """(end, aux): "Christmas", "New Year's Eve", "Memorial Day 2024"; aux is yyyymmdd of
    the holiday's fixed day (0000 when it moves) and the year written after it."""
    p = longest_phrase(t, w0, lim, G.HOLIDAY, True)
    if not p:
        return None
    e, year = p.last.end, 0
    g = t.gap(e, lim, True)
    y = t.year(g, lim) if g is not None else None
    if y:
        e, year = y
    return e, year * 10000 + p.value


# ------------------------------------------------------------------ names

def name_word(w: Word, f: int) -> bool:
    """A capitalised word that can be part of a name: a listed name that is not (only) a
    common word, or an unlisted word of two letters or more."""
    if w.shape != CAP or f & (G.STOP | G.TITLE):
        return False
    if f & (G.ORG_SUFFIX | G.STREET | G.FUNCTION) and not f & G.LAST:
        return False
    if f & (G.FIRST | G.LAST):
        return not f & G.COMMON or bool(f & G.LAST and not f & (G.CITY | G.STATE | G.COUNTRY))
    return unlisted(f) and w.size >= 2


def hyphen_tail(t: Text, e: int, lim: int) -> int:
    """"Ji-woo", "O'Brien": a hyphen and letters, or an apostrophe and a capital, go on
    with a name's word (at most 23 more letters, ending a word)."""
    c, nxt = t.at(e), t.at(e + 1)
    if not ((c == "-" and _fold(nxt)) or (c in "'\u2019" and up(nxt))):
        return e
    i = e + 1
    while i < lim and _fold(t.s[i]) and i - e < 24:
        i += 1
    return e if t.word_at(i) else i


def _apostrophe_initial(t: Text, w: Word, lim: int) -> bool:
    """"O'Brien": an initial that an apostrophe joins to the rest of the name."""
    return w.shape == INITIAL and hyphen_tail(t, w.end, lim) > w.end + 1


def _second_surname(t: Text, w0: Word, w: Word) -> bool:
    f = flags_of(w)
    return (name_word(w, f) and bool(f & (G.LAST | G.FIRST) or unlisted(f))) \
        or (w0.shape == UPPER and w.shape == UPPER and bool(f & G.LAST)) \
        or (w.shape == CAP and bool(f & G.CITY) and not f & (G.STATE | G.COUNTRY | G.STOP | G.COMMON))


def name_rest(t: Text, w0: Word, lim: int) -> tuple[int, int]:
    """After a name's first word: "[A.] Last [Last] [Jr.]" and "de la Cruz"; (the name's
    end, the number of words after w0)."""
    e = hyphen_tail(t, w0.end, lim)
    words = 0
    j = space_gap(t, e, lim)
    w = read_word(t, j, lim) if j and capital(t.s[j]) else None
    if not w:
        return e, 0
    if _apostrophe_initial(t, w, lim):
        e, words = hyphen_tail(t, w.end, lim), 1
    elif w.shape == INITIAL and t.at(w.end) in ". ":
        # after a middle initial, with or without its period ("Vinicio F Arcuri")
        last = word_after(t, w.end + 1 if t.at(w.end) == "." else w.end, lim)
        if last and name_word(last, flags_of(last)):
            e, words = hyphen_tail(t, last.end, lim), 2
    else:
        f = flags_of(w)
        if name_word(w, f) or (w0.shape == UPPER and w.shape == UPPER and f & (G.LAST | G.FIRST)
                               and (not f & G.COMMON or not flags_of(w0) & G.COMMON)):
            e, words = hyphen_tail(t, w.end, lim), 1
    if words:
        for _ in range(3):  # more names: "Garcia Lopez", "María Teresa Rivera Grau"
            w = word_after(t, e, lim)
            if not (w and (_apostrophe_initial(t, w, lim) or _second_surname(t, w0, w))):
                break
            e, words = hyphen_tail(t, w.end, lim), words + 1
        e = name_suffix(t, e, lim)
    e, more = particles_and_surname(t, e, lim)
    return e, words + more


def particles_and_surname(t: Text, e: int, lim: int) -> tuple[int, int]:
    """" de la Cruz", " van der Berg": one or two particles, then a capitalised surname
    (listed or unlisted); (the end, 1) when they follow e."""
    p = word_after(t, e, lim)
    if not (p and flags_of(p) & G.PARTICLE):
        return e, 0
    w = word_after(t, p.end, lim)
    if w and flags_of(w) & G.PARTICLE:
        w = word_after(t, w.end, lim)
    if w and w.shape == CAP and (flags_of(w) & G.LAST or unlisted(flags_of(w))):
        return hyphen_tail(t, w.end, lim), 1
    return e, 0


def name_suffix(t: Text, e: int, lim: int) -> int:
    """"Robert Brown Jr.", "John Smith, III": a generational suffix belongs to the name."""
    j = e + 2 if t.at(e) == "," and t.at(e + 1) == " " else space_gap(t, e, lim)
    w = read_word(t, j, lim) if j else None
    if not w or w.shape == LOWER or gz_value(w.key) != NAME_SUFFIX:
        return e
    return w.end + 1 if t.at(w.end) == "." and w.size == 2 else w.end


def _initial_dot_then(t: Text, i: int, lim: int) -> Optional[int]:
    """Where the word after one space at i starts, past a middle initial ("A.") if one is there."""
    j = space_gap(t, i, lim)
    w = read_word(t, j, lim) if j else None
    if w and w.shape == INITIAL and t.at(w.end) == ".":
        j = space_gap(t, w.end + 1, lim)
    return j


def _name_of_several(t: Text, w0: Word, f0: int, e: int, lim: int) -> Optional[tuple[int, float]]:
    """A name of two words or more starting at w0, ending at e (from name_rest)."""
    if not (f0 & (G.FIRST | G.LAST) or name_word(w0, f0)):
        # a city's name as a first name ("Jian Clark"): a listed surname must follow
        w = word_after(t, w0.end, lim)
        f = flags_of(w) if w else 0
        if w and ((f & G.LAST and not f & G.COMMON) or (unlisted(f) and w.shape == CAP)):
            return e, 0.85
        return None
    cue = cue_flags(t, w0.start)
    if f0 & G.FIRST and not f0 & G.COMMON or cue & G.CUE:
        return e, 0.85
    # a common-word first name ("Will") or an unlisted one ("Karim"): a listed name after
    # it, a line of its own, or two unlisted words mid-sentence
    j = _initial_dot_then(t, hyphen_tail(t, w0.end, lim), lim)
    w = read_word(t, j, lim) if j else None
    if w:
        f = flags_of(w)
        if f & (G.LAST | G.FIRST) and not f & G.COMMON \
                and (f0 & G.FIRST or not sentence_start(t, w0.start) or line_end(t, e)):
            return e, 0.85
        if w.shape == CAP and (f & (G.LAST | G.FIRST) and not f & G.COMMON or unlisted(f)) \
                and ((not f0 & (G.COMMON | G.TLD) and verb_after(t, e, lim))
                     or (f0 & G.FIRST and cue & G.CUE_WEAK)):
            return e, 0.75  # "Ludwina Ackermann from Acme is ...", "met with Mark Abiola"
    if unlisted(f0) and line_start(t, w0.start) and line_end(t, e):
        return e, 0.6  # a signature, a header
    if unlisted(f0):
        w = word_after(t, hyphen_tail(t, w0.end, lim), lim)
        if w and unlisted(flags_of(w)) and (not sentence_start(t, w0.start) or verb_after(t, e, lim)):
            return e, 0.6  # "met Oluwaseun Adeyemi", "Avtorhan Rushisvili from Acme is ..."
    return None


def _surname_first(t: Text, w0: Word, f0: int, e: int, lim: int) -> Optional[tuple[int, float]]:
    """"SMITH, JOHN", "Smith, John A.": a surname, a comma, a listed first name of the same
    shape (records); after a cue, a surname or unlisted word and a first name or unlisted
    word ("Patient: Grinius, Meda"), not a list ("Dear Smith, Jones, Brown"); the end."""
    if not ((f0 & G.LAST or unlisted(f0)) and t.at(e) == "," and t.at(e + 1) == " "):
        return None
    w = read_word(t, e + 2, lim)
    if not w or w.shape != w0.shape:
        return None
    f = flags_of(w)
    if f0 & G.LAST and f & G.FIRST and not f & (G.COMMON | G.CITY | G.STATE | G.COUNTRY):
        m = word_after(t, w.end, lim)
        return (m.end + 1 if m and m.shape == INITIAL and t.at(m.end) == "." else w.end), 0.85
    if w0.shape == CAP and name_word(w0, f0) and name_word(w, f) and (f & G.FIRST or unlisted(f)) \
            and cue_flags(t, w0.start) & G.CUE \
            and not (t.at(w.end) == "," and t.at(w.end + 1) == " " and capital(t.at(w.end + 2))):
        return w.end, 0.75
    return None


def _lone_name(t: Text, w0: Word, f0: int, lim: int) -> Optional[tuple[int, float]]:
    """A capitalised word alone: a listed first name (after a cue when it is short), or
    another name word after a cue; an unlisted word as a speaker's label."""
    e = hyphen_tail(t, w0.end, lim)
    cue = cue_flags(t, w0.start)
    w = word_after(t, e, lim)
    if w and flags_of(w) & G.CUE_AFTER:
        cue |= G.CUE  # "Tom speaking"
    cued = cue & (G.CUE | G.CUE_WEAK)
    if f0 & G.FIRST and not f0 & (G.COMMON | G.STATE | G.COUNTRY | G.ORG | G.HOLIDAY) \
            and (cued or (w0.size > 2 and not f0 & G.CITY
                          and (verb_after(t, e, lim) or vocative(t, w0.start, e)))):
        return e, 0.85 if cued else 0.65  # after a cue, before a verb, or said to someone
    if cue & G.CUE_STRONG and (f0 & (G.FIRST | G.LAST) or name_word(w0, f0)):
        return e, 0.85
    if cue & G.CUE and (f0 & G.FIRST or (f0 & G.LAST and not f0 & G.COMMON) or unlisted(f0)) \
            and (not f0 & G.COMMON or not (sentence_start(t, w0.start) or t.at(w0.start - 2) == ":")):
        return e, 0.85  # "Hi Ximena", "Thanks, Pat", "Dear Patel"
    return None


def verb_after(t: Text, e: int, lim: int) -> bool:
    """One space, then a lower-case word of lexicon.NAME_VERBS_AFTER ("is", "said", "from")."""
    w = word_after(t, e, lim)
    return bool(w and w.shape == LOWER and w.key in lexicon.NAME_VERBS_AFTER)


def vocative(t: Text, start: int, e: int) -> bool:
    """", Olga." ", Olga!" ", Olga?": a name said to someone at a sentence's end."""
    return t.at(start - 1) == " " and t.at(start - 2) == "," and (t.at(e) in ".!?" or line_end(t, e))


def speaker_label(t: Text, w0: Word, f0: int, lim: int) -> Optional[int]:
    """A speaker's label at a line's start: one to four capitalised words, then ':' and a
    space or a line's end; the first word a name (listed, or in no list), the others no
    stop word, title, street, organisation or function word."""
    if w0.shape != CAP or not (unlisted(f0) or (f0 & (G.FIRST | G.LAST) and name_word(w0, f0))):
        return None
    w, f = w0, f0
    for k in range(4):
        if k and (w.shape != CAP or f & (G.STOP | G.TITLE | G.ORG_SUFFIX | G.STREET | G.FUNCTION)):
            return None
        e = hyphen_tail(t, w.end, lim)
        if t.at(e) == ":" and (t.at(e + 1) == " " or line_end(t, e + 1)):
            return e
        w = word_after(t, e, lim)
        if not w:
            return None
        f = flags_of(w)
    return None


def street_around(t: Text, start: int, e: int, lim: int) -> bool:
    """A name with a house number after it and a street word after that ("Jana Nerudy 894
    St."), or whose last word is a street word next to a house number ("12 Sigurveig
    Meadows", "Sigurveig Meadows 12"): a street, not a person."""
    i = e
    while i > start and _fold(t.s[i - 1]):
        i -= 1
    last = read_word(t, i, lim)
    street_last = bool(last and flags_of(last) & G.STREET)
    if street_last and t.at(start - 1) == " " and t.at(start - 2) in DIGITS:
        return True
    j = space_gap(t, e, lim)
    if not (j and t.s[j] in DIGITS):
        return False
    k = j
    while k < lim and t.s[k] in DIGITS and k - j < 6:
        k += 1
    if street_last:
        return True
    if _fold(t.at(k)) and not t.word_at(k + 1):
        k += 1  # "12B"
    w = word_after(t, k, lim)
    return bool(w and flags_of(w) & G.STREET)


def match_name(t: Text, w0: Word, f0: int, lim: int) -> Optional[tuple[int, float]]:
    """(end, base score) of a person's name starting at the capitalised word w0: a speaker's
    label, else a name that is not part of a street."""
    if f0 & G.STOP or w0.shape == INITIAL:
        return None
    if line_start(t, w0.start):
        e = speaker_label(t, w0, f0, lim)
        if e:
            return e, 0.85
    r = _name_at(t, w0, f0, lim)
    return None if r and street_around(t, w0.start, r[0], lim) else r


def _name_at(t: Text, w0: Word, f0: int, lim: int) -> Optional[tuple[int, float]]:
    city_like = f0 & G.CITY and not f0 & (G.STATE | G.COUNTRY | G.COMMON | G.PREFIX)
    if not (f0 & (G.FIRST | G.LAST) or name_word(w0, f0) or city_like):
        return None
    e, more = name_rest(t, w0, lim)
    if more:
        return _name_of_several(t, w0, f0, e, lim)
    r = _surname_first(t, w0, f0, e, lim)
    if r:
        return r
    return _lone_name(t, w0, f0, lim) if w0.shape == CAP else None


# ------------------------------------------------------------------ names in scripts without case

def run_key(t: Text, a: int, b: int) -> str:
    return "".join(letter_key(ch) for ch in t.s[a:b])


def given_run(t: Text, a: int, b: int) -> bool:
    """Han or Hangul s[a:b] of one to three characters as a given name: listed whole, or two
    or three characters that given names are written with (listed as "+<character>")."""
    if not 1 <= b - a <= 3:
        return False
    if gz(run_key(t, a, b)) & G.FIRST:
        return True
    return b - a > 1 and all(gz("+" + letter_key(t.s[i])) & G.FIRST for i in range(a, b))


def spaceless_name(t: Text, w0: Word, lim: int) -> Optional[int]:
    """"王伟", "김민준": a run of two to four that starts with a listed family name of one or
    two characters, the rest a given name; "佐藤 陽子": a family name of one or two, a space,
    a given name."""
    for p in (1, 2):
        if p < w0.size <= 4 and gz(run_key(t, w0.start, w0.start + p)) & G.LAST \
                and given_run(t, w0.start + p, w0.end):
            return w0.end
    if w0.size <= 2 and gz(w0.key) & G.LAST:
        w = word_after(t, w0.end, lim)
        if w and w.shape == SPACELESS and given_run(t, w.start, w.end):
            return w.end
    return None


def script_word_flags(t: Text, w: Word) -> int:
    """A word's classes; an Arabic word with the article ("الجبير") also by the rest."""
    f = gz(w.key)
    if not f & (G.FIRST | G.LAST) and w.size > 3 and t.s[w.start:w.start + 2] == "\u0627\u0644":
        f |= gz(run_key(t, w.start + 2, w.end))
    return f


def name_place(t: Text, start: int, e: int, lim: int, cue: int) -> bool:
    """Words of another script at start..e stand where a name stands in the English around
    them: after a cue, before a verb or a cue word, as a speaker's label, or after a weak
    cue with more English in lower case after them; not "from شركة مازدا is"."""
    after = word_after(t, e, lim)
    lower = after is not None and t.s[after.start] < "\x80" and after.shape == LOWER
    return bool(cue & G.CUE or (not cue & G.CUE_WEAK and verb_after(t, e, lim))
                or (cue & G.CUE_WEAK and lower and not verb_after(t, e, lim))
                or (after and flags_of(after) & G.CUE_AFTER)
                or (line_start(t, start) and t.at(e) == ":"))


def spaceless_run(t: Text, w0: Word, lim: int) -> Optional[int]:
    """A Han, kana or Hangul word of two to four characters, or two of one to four one space
    apart ("平 しんご", "환청범"), with no such word or word of a script without case before or
    after them; their end."""
    before = lexicon.script_letter(t.at(w0.start - 2))[0]
    if w0.size > 4 or (t.at(w0.start - 1) == " " and before not in (0, lexicon.SCRIPT_UPPER,
                                                                    lexicon.SCRIPT_LOWER)):
        return None
    e = w0.end
    w = word_after(t, e, lim)
    if w and w.shape == SPACELESS and w.size <= 4:
        e = w.end
    elif w0.size < 2:
        return None
    w = word_after(t, e, lim)
    if w and w.shape in (SPACELESS, NOCASE):
        return None
    return e


SCRIPT_RUN_STOP = G.STREET | G.STREET_PREFIX | G.UNIT | G.COUNTRY | G.CITY | G.STATE | G.ORG_SUFFIX | G.STOP


def script_run(t: Text, w0: Word, lim: int) -> Optional[int]:
    """Two to five words of a script without case one space apart (a hyphen may join two),
    listed or not, none an address word, and no such word after them (a sentence in that
    script, not a name); their end."""
    before = lexicon.script_letter(t.at(w0.start - 2))[0] if t.at(w0.start - 2) else 0
    if gz(w0.key) & SCRIPT_RUN_STOP or (t.at(w0.start - 1) == " " and before in (
            lexicon.SCRIPT_NOCASE, lexicon.SCRIPT_SKIP)):
        return None  # the run's first word only
    e, words = w0.end, 1
    while True:
        w = read_word(t, e + 1, lim) if t.at(e) in "-\u200c" else None
        if w and w.shape == NOCASE:
            e = w.end
            continue
        w = word_after(t, e, lim)
        if not (w and w.shape == NOCASE):
            break
        if words == 5 or gz(w.key) & SCRIPT_RUN_STOP:
            return None
        e, words = w.end, words + 1
    return e if words >= 2 else None


def match_script_name(t: Text, w0: Word, lim: int) -> Optional[tuple[int, float]]:
    """A name in a script without case: up to four listed words one space apart, two of
    them listed (the first among them), or one after a cue, before a verb or a cue word,
    or before a speaker's colon at a line's start; a Han or Hangul run (spaceless_name), or
    a listed one after a cue."""
    cue = cue_flags(t, w0.start)
    if w0.shape == SPACELESS:
        e = spaceless_name(t, w0, lim)
        if e:
            return e, 0.85
        if gz(w0.key) & (G.FIRST | G.LAST) and cue & G.CUE:
            return w0.end, 0.85  # "Dear 舒波"
        e = spaceless_run(t, w0, lim)
        if e and name_place(t, w0.start, e, lim, cue):
            return e, 0.75  # "平 しんご from ...", "Meeting with 환청범 at noon"
        return None
    e = script_run(t, w0, lim)
    if e and name_place(t, w0.start, e, lim, cue):
        return e, 0.75  # "Dear বিপাশা দাশগুপ্তা,", "אילן גרינברג: ..."
    first = script_word_flags(t, w0) & (G.FIRST | G.LAST)
    listed, e, words = int(bool(first)), w0.end, 1
    while words < 4:
        w = word_after(t, e, lim)
        if not (w and w.shape == NOCASE and script_word_flags(t, w) & (G.FIRST | G.LAST)):
            break
        e, words, listed = w.end, words + 1, listed + 1
    if listed >= 2 and first:
        return e, 0.85
    after = word_after(t, e, lim)
    if listed and (cue & G.CUE or verb_after(t, e, lim)
                   or (after and flags_of(after) & G.CUE_AFTER)
                   or (line_start(t, w0.start) and t.at(e) == ":")):
        return e, 0.85
    return None


def match_titled_name(t: Text, title: Word, lim: int) -> Optional[tuple[int, int]]:
    """(start, end) of the name after a title ("Mr. Patel", "Dr Jane Smith"); the title is
    not part of it."""
    if gz_value(title.key) == NAME_SUFFIX:
        return None
    j = title.end + 1 if t.at(title.end) == "." else title.end
    w = word_after(t, j, lim)
    if not w or w.shape != CAP or not (name_word(w, flags_of(w)) or flags_of(w) & (G.FIRST | G.LAST)):
        return None
    return w.start, name_rest(t, w, lim)[0]


def _lower_name_word(f: int) -> bool:
    return not f & (G.FUNCTION | G.STOP | G.NUMBER) and bool(f & (G.LAST | G.FIRST | G.PARTICLE) or unlisted(f))


def match_lower_name(t: Text, w0: Word, f0: int, lim: int) -> Optional[int]:
    """"my name is kevin brown" (speech-to-text): a name after a cue; up to four more words,
    middle initials, "o'brien", particles. After a strong cue an unlisted word counts too."""
    if f0 & (G.FUNCTION | G.STOP | G.NUMBER):
        return None
    cue = cue_flags(t, w0.start)
    if not ((cue & G.CUE_STRONG and (f0 & G.FIRST or unlisted(f0)))
            or (cue & G.CUE_LOWER and ((f0 & G.FIRST and not f0 & G.COMMON) or unlisted(f0)))):
        return None
    e = hyphen_tail(t, w0.end, lim)
    for k in range(4):
        w = word_after(t, e, lim)
        if not w or w.shape not in (LOWER, CAP, INITIAL):
            break  # as the core: a Latin-script word goes on, another script's does not
        if w.size == 1 and t.at(w.end) == "." and k < 2:
            e = w.end + 1  # a middle initial, "fernando g. suzuki"
        elif w.size == 1 and t.at(w.end) in "'\u2019" and is_letter(t.at(w.end + 1)):
            e = t.run(w.end + 1, lim, ASCII_LETTERS)  # "o'brien"
        elif not _lower_name_word(flags_of(w)):
            break
        elif flags_of(w) & G.PARTICLE and not flags_of(w) & (G.LAST | G.FIRST):
            if not space_gap(t, w.end, lim):
                break
            e = w.end  # "de la cruz": particles, then a word
        else:
            e = hyphen_tail(t, w.end, lim)
    while t.at(e - 1) == " ":
        e -= 1
    return e - 1 if t.at(e - 1) == "." else e  # an initial the name did not go on after


# ------------------------------------------------------------------ places

LOC_CITY, LOC_STATE, LOC_COUNTRY = 1, 2, 3
PLACE = G.CITY | G.STATE | G.COUNTRY


def place_subtype(f: int) -> int:
    return LOC_COUNTRY if f & G.COUNTRY else LOC_STATE if f & G.STATE else LOC_CITY


def state_follows(t: Text, e: int, lim: int) -> bool:
    """", IL" or ", Texas" after a city."""
    w = read_word(t, e + 2, lim) if t.at(e) == "," and t.at(e + 1) == " " else None
    if not w:
        return False
    if w.shape == UPPER and w.size == 2:
        return bool(flags_of(w) & G.ABBR)
    return w.shape == CAP and longest_phrase(t, w, lim, G.STATE | G.COUNTRY, False) is not None


def match_place(t: Text, w0: Word, f0: int, lim: int) -> Optional[tuple[int, int]]:
    """(end, subtype) of a listed city, state or country (the longest phrase); an ambiguous
    one ("Reading", "Charlotte", "LA") needs a place cue before it or a state after it."""
    if f0 & G.STOP and not f0 & G.PREFIX:
        return None
    p = longest_phrase(t, w0, lim, PLACE, False)
    if not p:
        return city_shape(t, w0, f0, lim)
    short = p.last.end - w0.start <= 3
    if w0.shape == UPPER and p.words == 1 and short and not p.flags & G.COUNTRY:
        return None  # "LA", "SF": a city only as written out
    if (p.words == 1 and (p.flags & (G.COMMON | G.FIRST | G.STOP) or short)) or p.flags & G.ORG:
        if not (cue_flags(t, w0.start) & G.PLACE_CUE or state_follows(t, p.last.end, lim)):
            return None
    return p.last.end, place_subtype(p.flags)


def city_shape(t: Text, w0: Word, f0: int, lim: int) -> Optional[tuple[int, int]]:
    """A city in no list, after a place cue: a place prefix and a capitalised word ("Port
    Matthew", "Lake Jessica"), or a name of six letters or more with a place-forming
    ending ("Jessicaton", "Angelaborough")."""
    if w0.shape != CAP:
        return None
    e = None
    if f0 & G.PLACE_CUE and gz_value(w0.key) == CITY_PREFIX:
        w = word_after(t, w0.end, lim)
        if w and w.shape == CAP and not flags_of(w) & (G.STOP | G.FUNCTION):
            e = w.end
    elif (unlisted(f0) or (f0 & (G.FIRST | G.LAST) and not f0 & G.COMMON)) and w0.size >= 6:
        tail = t.s[max(0, w0.end - 7):w0.end]
        if any(ascii_lower(tail).endswith(ending) for ending in lexicon.CITY_ENDINGS):
            e = w0.end
    if not e or not cue_flags(t, w0.start) & G.PLACE_CUE:
        return None
    return e, LOC_CITY


def match_lower_place(t: Text, w0: Word, lim: int) -> Optional[tuple[int, int]]:
    """A lower-case place of one to five words ("san antonio"), longer than three letters,
    not a one-word name or common word."""
    p = longest_phrase(t, w0, lim, PLACE, True)
    if not p or (p.words == 1 and p.flags & (G.COMMON | G.FIRST | G.STOP | G.FUNCTION)) \
            or p.last.end - w0.start <= 3:
        return None
    return p.last.end, place_subtype(p.flags)


def match_state_code(t: Text, w0: Word, f0: int) -> Optional[int]:
    """"Springfield, IL": a two-letter state code after a capitalised word and ", "."""
    if not (f0 & G.ABBR and w0.shape == UPPER and w0.size == 2):
        return None
    if t.at(w0.start - 1) != " " or t.at(w0.start - 2) != ",":
        return None
    w = prev_word(t, w0.start, max(0, w0.start - 24))
    return w0.end if w and w.shape in (CAP, UPPER) else None


# ------------------------------------------------------------------ organisations

def abbrev_dot(t: Text, e: int, lim: int) -> int:
    """"Inc.", "Co.": the abbreviation's period, unless a new sentence starts after it."""
    if not (e < lim and t.s[e] == "."):
        return e
    c = t.at(e + 1)
    if t.word_at(e + 1) or c == "." or (c == " " and up(t.at(e + 2))):
        return e
    return e + 1


def of_tail(t: Text, e: int, lim: int) -> int:
    """" of America", " of New Mexico": "of" and one to three capitalised words."""
    j = space_gap(t, e, lim)
    if not (j and t.starts(j, lim, "of ")):
        return e
    j, best = j + 3, e
    for _ in range(3):
        w = read_word(t, j, lim)
        if not w or w.shape in (LOWER, INITIAL) or flags_of(w) & G.STOP:
            break
        best = w.end
        j = space_gap(t, w.end, lim)
        if not j:
            break
    return best


def _possessive(t: Text, j: int) -> bool:
    return t.at(j) == "'" and ascii_lower(t.at(j + 1)) == "s"


def _saint(t: Text, w: Word) -> bool:
    return t.at(w.end) == "." and w.size == 2 and ascii_lower(t.s[w.start]) == "s"


def run_gate(t: Text, j: int) -> bool:
    """What may follow a word of a run: a space and a capital, "&", a dotted lower-case
    form ("s.r.o.") or a short lower-case word ("and", "e"); a comma; '-' and a capital."""
    c, d = t.at(j), t.at(j + 1)
    if c == "," or (c == "-" and capital(d)):
        return True
    if c != " ":
        return False
    if capital(d) or d == "&":
        return True
    if not _fold(d):
        return False
    for k in range(2, 7):
        c = t.at(j + k)
        if c == ".":
            return True
        if not _fold(c):
            return c == " " and k <= 4
    return False


def _suffix_run(t: Text, w0: Word, lim: int) -> int:
    """"Acme Widgets Inc.", "Lehmann-Schulz KG", "Rossi S.p.A.", "Van den Berg B.V.",
    "Ríos, Oñate y Alarcón Ltda.": up to six capitalised words (or connectors, particles)
    after w0; the end of the last company suffix or legal form among them (0: none). "of"
    only after a head word or a suffix; a list after "X, " needs its connector first; no
    single-word suffix right after a common word at a sentence's start ("Results Inc.")."""
    f0 = flags_of(w0)
    lone_start = bool(f0 & G.COMMON and not f0 & (G.ORG | G.ORG_SUFFIX | G.ORG_HEAD | G.FIRST | G.LAST)
                      and sentence_start(t, w0.start) and t.at(w0.end + 1) != "&")
    j = w0.end
    if _possessive(t, j):
        j += 2  # "Children's"
    elif _saint(t, w0) and ascii_lower(t.s[w0.start + 1]) == "t":
        j += 1  # "St."
    if not run_gate(t, j):
        return 0
    e, w, prev_f, listing = 0, w0, f0, False
    for k in range(6):
        j = w.end
        if _possessive(t, j) and not t.word_at(j + 2):
            j += 2
        elif k == 0 and _saint(t, w):
            j += 1
        i = space_gap(t, j, lim)
        if not i:
            if t.at(j) == "," and t.at(j + 1) == " ":
                i = j + 2  # "Acme, Inc."
                listing = listing or k == 0
            elif t.at(j) == "-" and capital(t.at(j + 1)):
                i = j + 1  # "Lehmann-Schulz KG"
            else:
                break
        if t.at(i) == "&" and t.at(i + 1) == " ":
            i += 2  # "Johnson & Johnson"
        lf = legal_form_at(t, i, lim, LF_SUFFIX)
        if lf:
            w = read_word(t, i, lim)
            if w and w.end == lf and flags_of(w) & G.ORG_SUFFIX:
                lf = 0  # a company suffix of core.lexicon: below ("Bank of ...")
        if lf and legal_form_at(t, i, lim, LF_PREFIX) == lf and name_after_form(t, lf, lim):
            break  # "Акции ПАО Газпром": the form starts the next name
        if lf and t.at(i - 1) != "-" and (t.at(i - 2) != "," or lf - i <= 5):
            j = lf
            while j > i and _fold(t.s[j - 1]):
                j -= 1  # the form's last word ("Savings Bank")
            last = read_word(t, j, lim)
            f = flags_of(last) if last else 0
            if not (listing and k) and not (k == 0 and lone_start and j == i):
                e = abbrev_dot(t, lf, lim)
                if f & G.ORG_HEAD:
                    e = of_tail(t, e, lim)
            w = Word(i, abbrev_dot(t, lf, lim), "", UPPER)
            prev_f = G.ORG_SUFFIX
            continue
        w = read_word(t, i, lim) or None
        if not w:
            break
        f = flags_of(w)
        if w.shape == LOWER:
            if f & G.PARTICLE and prev_f & G.PARTICLE and capital(t.at(w.end + 1)) and t.at(w.end) == " ":
                continue  # "Van den Berg"
            of = w.size == 2 and t.s[w.start] == "o"
            if not f & G.CONNECTOR or e or (of and not prev_f & (G.ORG_HEAD | G.ORG_SUFFIX)):
                break  # after a suffix "and" starts another name
            listing = False
            continue
        prev_f = f
        if f & G.ORG_SUFFIX and t.at(w.end) == "." and t.at(w.end + 1) == " " \
                and legal_form_at(t, w.end + 2, lim, LF_SUFFIX):
            w = Word(w.start, w.end + 1, w.key, w.shape)  # "GmbH & Co. KG"
        if f & G.ORG_SUFFIX and (t.at(i - 2) != "," or w.size <= 4) and not (listing and k) \
                and not (k == 0 and lone_start):
            e = abbrev_dot(t, w.end, lim)
            if f & G.ORG_HEAD:
                e = of_tail(t, e, lim)  # "First National Bank of Tucson"
    return e


# legal forms (core/data/legal_forms.txt): a key is the form's letter groups keyed and
# joined by spaces ("S.p.A." is "s p a"); MORE: a longer form starts with these groups
LF_SUFFIX, LF_PREFIX, LF_MORE = 1, 2, 4


def _load_legal_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    path = pathlib.Path(lexicon.__file__).parent / "data" / "legal_forms.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, codes = line.partition("\t")
            forms[key] = forms.get(key, 0) | LF_SUFFIX | (LF_PREFIX if "P" in codes else 0)
            groups = key.split(" ")
            for k in range(1, len(groups)):
                head = " ".join(groups[:k])
                forms[head] = forms.get(head, 0) | LF_MORE
    return forms


LEGAL_FORMS = _load_legal_forms()


def legal_form_end(t: Text, i: int, lim: int, want: int) -> int:
    """The end of the longest legal form at i with a `want` flag (0: none): up to six
    groups of letters, each followed by one of . / - (and a space) or a space. A group of
    one letter needs one of . / - in the form ("A/S", not "A S") and its own '.' after a
    space ("Sp. z o.o.", not "S.A. e"); a lower-case form needs a '.' ("a.s.", "e.V."); a
    one-word form that is a common or stop word must be in capitals ("AS")."""
    if i >= lim or t.word_at(i - 1):
        return 0
    keys: list[str] = []
    j, best, best_groups = i, 0, 0
    single = marked = best_marked = spaced = False
    while len(keys) < 6:
        k = j
        while k < lim and k - j < 24 and letter_key(t.s[k]):
            k += 1
        if k == j or t.word_at(k):
            break
        single = single or k - j == 1
        keys.append("".join(letter_key(ch) for ch in t.s[j:k]))
        flags = LEGAL_FORMS.get(" ".join(keys), 0)
        if flags & want and (marked or not single) and not (spaced and k - j == 1 and t.at(k) != "."):
            best, best_groups, best_marked = k, len(keys), marked
        if not flags & LF_MORE:
            break
        c, spaced = t.at(k), False
        if c in "./-":
            marked, k = True, k + 1
            if t.at(k) == " ":
                k, spaced = k + 1, True
        elif c == " ":
            k, spaced = k + 1, True
        else:
            break
        j = k
    if not best:
        return 0
    if not capital(t.s[i]):
        return best if best_marked or (t.at(best) == "." and best_groups > 1) else 0
    if best_groups == 1:
        w = read_word(t, i, lim)
        if w and w.shape != UPPER and flags_of(w) & (G.COMMON | G.STOP):
            return 0
    return best


def legal_form_at(t: Text, i: int, lim: int, want: int) -> int:
    if i >= lim or not letter_key(t.s[i]):
        return 0
    return legal_form_end(t, i, lim, want)


CLOSING_QUOTES = {"\u00ab": "\u00bb", '"': '"', "\u201e": "\u201c", "\u201c": "\u201d",
                  "\u201a": "\u2018", "\u300c": "\u300d"}


def name_after_form(t: Text, e: int, lim: int) -> int:
    """After a legal form written first: a quoted name through its closing quote
    ("«Ромашка»"), or one to four capitalised words ("АО Газпром"); the end (0: none)."""
    j = space_gap(t, e, lim)
    if not j:
        return 0
    close = CLOSING_QUOTES.get(t.s[j])
    if close:
        k = j + 1
        while k < lim and k - j < 64 and t.s[k] not in (close, "\n", "\r"):
            k += 1
        return k + 1 if k < lim and t.s[k] == close and k > j + 1 and t.word_at(j + 1) else 0
    end = 0
    for _ in range(4):
        w = read_word(t, j, lim)
        if not w or w.shape not in (CAP, UPPER) or flags_of(w) & G.STOP:
            break
        end = w.end
        if t.at(end) == "-" and capital(t.at(end + 1)):
            j = end + 1
        else:
            j = space_gap(t, end, lim)
            if not j:
                break
    return end


ORG_CUES = frozenset(lexicon.ORG_CUES)


def org_cue_before(t: Text, start: int) -> bool:
    """"works at", "employed by", "joined" before start, or "from" after a capitalised
    word that ends a name ("Vinicio F Arcuri from", "Κατερίνα Καρολίδου from")."""
    floor = max(0, start - (LOOKBEHIND - 8))
    w1 = prev_word(t, start, floor)
    if not w1 or w1.end != start - 1:
        return False
    if w1.key == "from":
        i = w1.start - 1
        if t.at(i) != " ":
            return False
        while i > floor and letter_key(t.s[i - 1]) and w1.start - 1 - i < 24:
            i -= 1
        w2 = read_word(t, i, w1.start - 1) if i != w1.start - 1 else None
        return bool(w2) and w2.shape in (CAP, INITIAL, UPPER) \
            and not flags_of(w2) & (G.COMMON | G.STOP | G.FUNCTION | G.TITLE)
    w2 = prev_word(t, w1.start, floor)
    two = w2.key + " " + w1.key if w2 and w2.end == w1.start - 1 else w1.key
    return two in ORG_CUES or w1.key in ORG_CUES


def org_after_cue(t: Text, w0: Word, f0: int, lim: int) -> int:
    """Capitalised words after an organisation cue, joined by spaces, '-', '&', ', ' or a
    connector ("Smith, Jones and Brown"): not a place, a department ("Marketing"), a given
    name or a word of two capitals ("HR"); the end (0: none)."""
    if not (w0.shape == CAP or w0.shape == UPPER and w0.size >= 3) or t.at(w0.start - 1) != " ":
        return 0
    if t.at(w0.start - 2) not in "mtrydnf":
        return 0
    if f0 & (G.STOP | G.FUNCTION | G.TITLE | G.HOLIDAY | PLACE) or (f0 & G.COMMON and not f0 & G.LAST) \
            or (f0 & G.FIRST and not f0 & G.LAST):
        return 0
    if not org_cue_before(t, w0.start) or longest_phrase(t, w0, lim, PLACE, False):
        return 0
    w, e = w0, w0.end
    for _ in range(5):
        i = space_gap(t, w.end, lim)
        if not i and t.at(w.end) == "," and t.at(w.end + 1) == " ":
            i = w.end + 2
        elif not i and t.at(w.end) == "-" and capital(t.at(w.end + 1)):
            i = w.end + 1
        if not i:
            break
        if t.at(i) == "&" and t.at(i + 1) == " ":
            i += 2
        nxt = read_word(t, i, lim)
        if not nxt:
            break
        if nxt.shape == LOWER:
            if not flags_of(nxt) & G.CONNECTOR:
                break
            i = space_gap(t, nxt.end, lim)
            nxt = read_word(t, i, lim) if i else None
            if not nxt:
                break
        if nxt.shape not in (CAP, UPPER) or flags_of(nxt) & (G.STOP | G.FUNCTION):
            break
        w, e = nxt, nxt.end
    if t.at(e) in "'\u2019" and ascii_lower(t.at(e + 1)) == "s":
        return 0  # "Anna from Maria's team"
    return e


def spaceless_org(t: Text, w: Word, lim: int) -> int:
    """A run of Han, kana or Hangul that ends or starts with a legal form ("山田株式会社",
    "株式会社山田"), or a form and a run after a space ("주식회사 삼성"); the end (0: none)."""
    for k in range(2, 8):
        if k >= w.size:
            break
        if w.size - k > 16:
            continue
        if LEGAL_FORMS.get(t.s[w.end - k:w.end], 0) & LF_SUFFIX \
                or LEGAL_FORMS.get(t.s[w.start:w.start + k], 0) & LF_PREFIX:
            return w.end
    j = space_gap(t, w.end, lim)
    nxt = read_word(t, j, lim) if j else None
    if not (nxt and nxt.shape == SPACELESS):
        return 0
    if w.size <= 7 and LEGAL_FORMS.get(w.key, 0) & LF_PREFIX and nxt.size <= 16:
        return nxt.end
    if nxt.size <= 7 and LEGAL_FORMS.get(nxt.key, 0) & LF_SUFFIX and w.size <= 16:
        return nxt.end
    return 0


def match_org(t: Text, w0: Word, f0: int, lim: int) -> int:
    """The end of the longest organisation at w0 (0: none): a listed one (a common word
    needs a capital run, not a sentence's start, or a context word: "at Chase"), a head
    word and "of ..." ("Bank of America"), a legal form written first and a name ("ООО
    «Ромашка»"), a name after a cue ("from Globalworth"), or a run ending in a company
    suffix or legal form."""
    best = 0
    p = longest_phrase(t, w0, lim, G.ORG, False)
    if p and (not p.flags & G.COMMON or p.words > 1 or w0.shape == UPPER
              or not sentence_start(t, w0.start) or t.context_before(w0.start, ORG)):
        best = p.last.end
    if f0 & (G.STOP | G.FUNCTION) or w0.shape == INITIAL:
        return best  # "Call Bank of America": the verb is not part of the name
    if f0 & G.ORG_HEAD and w0.shape == CAP:
        e = of_tail(t, w0.end, lim)
        if e > w0.end:
            best = max(best, e)
    if ord(t.s[w0.start]) >= 0x400 and w0.shape in (UPPER, CAP):
        e = legal_form_at(t, w0.start, lim, LF_PREFIX)
        if e:
            best = max(best, name_after_form(t, e, lim))
    best = max(best, org_after_cue(t, w0, f0, lim))
    return max(best, _suffix_run(t, w0, lim))


# ------------------------------------------------------------------ domain names

def host_char(ch: str) -> bool:
    return ch in DOMAIN


def domain_ahead(t: Text, e: int, lim: int) -> bool:
    """After a word: more host-name characters and a '.', or " dot "."""
    i = e
    while i < lim and host_char(t.s[i]) and i - e < 64:
        i += 1
    return (t.at(i) == "." and host_char(t.at(i + 1))) or t.s[i:i + 5] == " dot "


def _host_labels(t: Text, w: int, lim: int) -> Optional[tuple[list[str], int, bool]]:
    """(labels, end, said with " dot "): host labels (up to 64 characters, no '-' at either
    end) joined by dots, at most 16; or a first label and labels after " dot "."""
    labels, i, spoken = [], w, False
    while len(labels) < 16:
        start = i
        while i < lim and host_char(t.s[i]) and i - start < 64:
            i += 1
        label = t.s[start:i]
        if not label or label[0] == "-" or label[-1] == "-":
            return None
        labels.append(label)
        if not spoken and i + 1 < lim and t.s[i] == "." and host_char(t.s[i + 1]):
            i += 1
        elif (len(labels) == 1 or spoken) and t.starts(i, lim, " dot ") and i + 5 < lim \
                and t.s[i + 1] == "d" and "a" <= t.s[i + 5] <= "z":
            spoken, i = True, i + 5  # "acme dot com"
        else:
            break
    return labels, i, spoken


def match_domain(t: Text, w: int, lim: int) -> Optional[tuple[int, bool]]:
    """(end, file-like) of a host name whose last labels are a public suffix, with a label
    before it; one case throughout. File-like: "setup.py" (two labels, the suffix a file
    extension), or "thanks.it" (the suffix an English word, the name a common word or
    capitalised)."""
    if t.at(w - 1) in ".@/-" or host_char(t.at(w - 1)):
        return None
    r = _host_labels(t, w, lim)
    if not r:
        return None
    labels, i, spoken = r
    text = "".join(labels)
    uppers = any(c in UPPER_ASCII for c in text)
    if len(labels) < 2 or t.word_at(i) or t.at(i) == "@" or (uppers and any(c.islower() for c in text)) \
            or (spoken and uppers):
        return None
    if t.at(i) == "." and host_char(t.at(i + 1)):
        return None  # cut at 16 labels or 64 characters
    for k in range(1, len(labels)):
        suffix = ascii_lower(".".join(labels[k:]))
        f = gz(suffix)
        if f & G.TLD:
            if len(labels) == 2 and f & G.FILE_EXT:
                return i, True
            if len(labels) == 2 and gz_value(suffix) == WORD_TLD:
                return i, bool(gz(ascii_lower(labels[0])) & (G.COMMON | G.STOP | G.FUNCTION)) or uppers
            return i, False
        if f & G.TLD_WILD and k >= 2:
            return i, False
    return None


def match_spoken_email(t: Text, pos: int, lim: int) -> Optional[int]:
    """"zoenovak at yahoo dot com", "john dot smith at gmail dot com": an address as
    speech-to-text writes it, the domain said with " dot " somewhere; one plain word
    before " at " must not be a common word ("me at home.com")."""
    i, plain, parts = pos, True, 0
    local = LOCAL - {"."}
    while i < lim and parts < 8:
        k = i
        while i < lim and t.s[i] in local and i - k < 64:
            i += 1
        if i == k:
            return None
        parts += 1
        w = read_word(t, k, i)
        if not (w and w.end == i):
            plain = False  # digits, '_', '+' or '-' in it
        if t.at(i) == "." and t.at(i + 1) in LOCAL:
            i, plain = i + 1, False
        elif t.starts(i, lim, " dot ") and t.at(i + 5) in LOCAL:
            i, plain = i + 5, False
        else:
            break
    if t.s[i:i + 4] != " at ":
        return None
    if plain and parts == 1:
        w = read_word(t, pos, i)
        if not w or flags_of(w) & (G.COMMON | G.STOP | G.FUNCTION | G.NUMBER):
            return None
    d = match_domain(t, i + 4, lim)
    if not d or d[1] or " " not in t.s[i + 4:d[0]]:
        return None
    return d[0]


# ------------------------------------------------------------------ addresses

UK_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}")     # "SW1A 1AA", "M1 1AE"
CA_POSTCODE = re.compile(r"[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]")           # "K1A 0B1", "K1A0B1"
ZIP = re.compile(r"[0-9]{5}(?:-[0-9]{4})?")
ORDINAL = re.compile(r"[0-9]{1,4}(?:st|nd|rd|th)", re.IGNORECASE | re.ASCII)
MILITARY = re.compile(r"(?:APO|FPO|DPO) A[AEP] ", re.IGNORECASE)          # "APO AE "
ALNUM = ASCII_LETTERS | DIGITS


GAP = re.compile(r",?(?: |(?: *(?:\r?\n)){1,2} {0,4})(?=[^ \r\n])")


def skip_comma_space(t: Text, i: int, lim: int) -> Optional[int]:
    """Before the next part of an address: ', ' or one space, or a line break (',\\n',
    '\\r\\n') with up to four spaces of indent, at most two of them (a blank line between),
    all within twelve characters; the next part's start."""
    m = GAP.match(t.s, i, lim)
    if not m or m.end() - i > 12 or m.end() >= lim:
        return None
    return m.end()


def read_zip(t: Text, i: int, lim: int) -> Optional[int]:
    """A US ZIP code, five digits or ZIP+4, ending a word."""
    m = ZIP.match(t.s, i, lim)
    if not m:
        return None
    if len(m.group()) == 10 and not t.word_at(m.end()):
        return m.end()
    return None if t.word_at(i + 5) else i + 5


def read_uk_postcode(t: Text, i: int, lim: int) -> Optional[int]:
    """Outward code, one space, inward code, a word of its own."""
    m = UK_POSTCODE.match(t.s, i)
    if t.word_at(i - 1) or not m or m.end() > lim or t.word_at(m.end()):
        return None
    return m.end()


def read_ca_postcode(t: Text, i: int, lim: int) -> Optional[int]:
    m = CA_POSTCODE.match(t.s, i, lim)
    if t.word_at(i - 1) or i + 6 > lim or not m or t.word_at(m.end()):
        return None
    return m.end()


def read_ordinal(t: Text, i: int, lim: int) -> Optional[int]:
    """"5th", "42nd": one to four digits and an ordinal suffix, ending a word."""
    m = ORDINAL.match(t.s, i, lim)
    return m.end() if m and not t.word_at(m.end()) else None


def _city_words(t: Text, j: int, lim: int, lower_ok: bool) -> int:
    """The end of a city's name of up to three words at j (0: none): capitalised, or lower
    case when `lower_ok`; not a number word; a state code or (lower case) a state after
    the first word ends it ("Austin TX", "spokane washington"); "St. John's", "st. louis"."""
    k, city_end = j, 0
    for words in range(3):
        w = read_word(t, k, lim)
        if not w or (w.shape == LOWER and not lower_ok):
            break
        f = flags_of(w)
        if (words == 0 and f & G.STOP and not f & (G.CITY | G.STATE)) or f & G.NUMBER:
            break
        if city_end and w.shape == UPPER and w.size == 2 and f & G.ABBR:
            break
        if city_end and lower_ok and f & G.STATE:
            break
        city_end = w.end
        if t.at(w.end) in "'\u2019" and ascii_lower(t.at(w.end + 1)) == "s" and not t.word_at(w.end + 2):
            city_end = w.end + 2
        k = space_gap(t, city_end + 1 if t.at(city_end) == "." else city_end, lim)
        if not k:
            break
    return city_end


def _listed_city_ends(t: Text, j: int, city_end: int, lim: int) -> bool:
    """The words at j are a listed city ending at city_end (not one common word or first name)."""
    w = read_word(t, j, lim)
    if not w:
        return False
    p = longest_phrase(t, w, lim, G.CITY, False)
    return bool(p) and p.last.end == city_end and not (p.words == 1 and flags_of(w) & (G.COMMON | G.FIRST))


def _state(t: Text, j: int, lim: int, lower_ok: bool) -> Optional[int]:
    """The end of a state code ("IL") or a state's name at j."""
    w = read_word(t, j, lim)
    if not w:
        return None
    if w.shape == UPPER and w.size == 2 and flags_of(w) & G.ABBR:
        return w.end
    if w.shape == CAP or (w.shape == LOWER and lower_ok):
        p = longest_phrase(t, w, lim, G.STATE, lower_ok)
        return p.last.end if p else None
    return None


def address_tail(t: Text, e: int, lim: int, lower_ok: bool) -> int:
    """After a street line or a box: ", City, ST 12345", ", ST 12345", "\\nSheffield S1 5US",
    ", Ottawa, ON K1A 0B1", "Springfield 62704"; the address's new end (e when nothing
    follows). A city alone counts when a list has it."""
    j = skip_comma_space(t, e, lim)
    if not j:
        return e
    best = e
    city_end = _city_words(t, j, lim, lower_ok)
    if city_end:
        z = read_uk_postcode(t, city_end + 1, lim) if t.at(city_end) == " " else None
        if z:
            return z
        if _listed_city_ends(t, j, city_end, lim):
            best = city_end
        j = skip_comma_space(t, city_end, lim)
        if not j:
            return best
    if read_word(t, j, lim):
        best = _state(t, j, lim, lower_ok) or best
        if best > e:
            k = skip_comma_space(t, best, lim)
            z = (read_zip(t, k, lim) or read_ca_postcode(t, k, lim)) if k else None
            return z or best
    if city_end:
        return read_zip(t, j, lim) or best
    return best


def _house_number(t: Text, pos: int, lim: int) -> Optional[int]:
    """"1234", "221B", "123-45" (Queens): up to five digits, maybe a letter or a hyphen and
    more digits; its end."""
    i = t.run(pos, min(lim, pos + 6), DIGITS)
    if i - pos > 5 or (i < lim and t.s[i] in DIGITS):
        return None
    if i < lim and is_letter(t.s[i]) and not t.word_at(i + 1):
        return i + 1
    if i + 1 < lim and t.s[i] == "-" and t.s[i + 1] in DIGITS:
        return t.run(i + 1, min(lim, pos + 10), DIGITS)
    return i


def match_street(t: Text, pos: int, lim: int, lower_ok: bool) -> Optional[int]:
    """"1234 Elm Street, Apt 5B, Springfield, IL 62704", "77 W 45th St", "583 rue Principale":
    a house number, up to six words (a directional first, ordinals, names) with a street
    suffix after a name or a street type written into a word ("20 Fortunastrasse"), or a
    street type first ("rue") and up to four names (two lower-case words between: "rue des
    Lilas"; a house number after them); then the rest. Lower-case words only when
    `lower_ok` (its first word, and those after a type written first, aside)."""
    i = _house_number(t, pos, lim)
    if i is None:
        return None
    w = read_word(t, i + 2, lim) if t.at(i) == "," and t.at(i + 1) == " " else None
    j = i + 2 if w and flags_of(w) & G.STREET_PREFIX else space_gap(t, i, lim)  # "57, boulevard"
    if not j:
        return None
    x = t.run(j, min(lim, j + 7), _fold) if capital_at(t, j) else j
    u = read_unit(t, j, lim, False) if x > j and t.at(x) == " " and t.at(x + 1) in DIGITS else None
    if u and t.at(u) == " " and capital_at(t, u + 1):
        j = u + 1  # "67 Khu 41 Lê Thánh Tôn": an area and its number before the street
    e = dot = names = lowers = 0
    prefixed, plain = False, True
    for k in range(6):
        o = read_ordinal(t, j, lim)
        w = None if o else read_word(t, j, lim)
        if o:
            names, i, plain = names + 1, o, False
        elif w and (w.shape != LOWER or lower_ok or k == 0 or (prefixed and lowers < 2)
                    or (names and flags_of(w) & G.STREET)):
            f = flags_of(w)
            i = w.end
            if k == 0 and f & G.STREET_PREFIX:
                prefixed = True
                i += t.at(i) == "."  # "109 Prom. Calville Rouge"
            elif w.shape == LOWER and not lower_ok and prefixed:
                if f & G.STOP and not f & G.PARTICLE:
                    break
                lowers += 1  # "rue des Lilas", "Cruce Casa de Postas"
            elif w.shape == LOWER and not lower_ok and f & G.STREET and names:
                if t.at(w.end) != " ":  # "1025 Kadri tee tänav," (not "3 Main points to")
                    e = w.end
                    dot = w.end + 1 if t.at(w.end) == "." and w.size <= 4 else 0
            elif w.shape == LOWER and not lower_ok:
                break
            elif not prefixed and ((f & G.STREET and names) or joined_street(t, w)):
                e = w.end
                dot = w.end + 1 if t.at(w.end) == "." and w.size <= 4 else 0
            elif f & G.DIR and k == 0:
                i = w.end + 1 if t.at(w.end) == "." else w.end
                plain = False
            elif f & (G.STOP | G.FUNCTION) and not prefixed and t.s[w.start:w.end].isascii():
                break  # (a stop word spelled with an accent is another word: "Lê", "Là")
            else:
                names += 1
                if prefixed:
                    e = w.end
                elif f & G.UNIT or (f & G.COMMON and t.s[w.start:w.end].isascii()) or w.shape == LOWER:
                    plain = False  # ("Tôn" is no "ton")
            if t.at(i) in "'\u2019" and ascii_lower(t.at(i + 1)) == "s" and not t.word_at(i + 2):
                i += 2  # "King's Crescent"
        else:
            break
        j = i + 1 if t.at(i) == "-" and names and up(t.at(i + 1)) else space_gap(t, i, lim)
        if not j:
            break
    if not e and plain and names and not lower_ok and not prefixed and code_and_town(t, i, lim):
        e = i  # "20 Elsumerblok, 8022 Brugge": names, no type, then a postal code and a town
    if not e or (prefixed and names > 4):
        return None
    if prefixed and e == i and t.at(e) == " ":
        e = read_house_number(t, e + 1, lim) or e  # "59101 Cruce Casa de Postas 66"
    if dot:
        k = street_rest(t, dot, lim, lower_ok)  # "Hwy. Floor 2": the period when more follows
        if k > dot:
            return k
    return street_rest(t, e, lim, lower_ok)


def read_unit(t: Text, j: int, lim: int, lower_ok: bool) -> Optional[int]:
    """"#12", "Apt 5B", "Suite 200", "Apt. #3", "lgh 1102": after a unit word (and '.',
    ' ', '#'), up to six letters and digits that start with a digit or are at most two,
    ending a word."""
    if t.s[j] == "#":
        k = j + 1
    else:
        w = read_word(t, j, lim)
        if not (w and (w.shape != LOWER or lower_ok) and flags_of(w) & G.UNIT):
            return None
        k = w.end + 1 if t.at(w.end) == "." else w.end
        k += t.at(k) == " "
        k += t.at(k) == "#"
    i = t.run(k, min(lim, k + 6), ALNUM)
    if ((i > k and t.s[k] in DIGITS) or i - k <= 2) and not t.word_at(i):
        return i
    return None


def street_rest(t: Text, e: int, lim: int, lower_ok: bool) -> int:
    """After a street line: a directional ("NW", not "SE-"), a unit, then the city, state
    and code, then other countries' parts."""
    j = skip_comma_space(t, e, lim)
    w = read_word(t, j, lim) if j else None
    if w and w.shape == UPPER and flags_of(w) & G.DIR and t.at(w.end) != "-":
        e = w.end
        j = skip_comma_space(t, e, lim)
    if j:
        e = read_unit(t, j, lim, lower_ok) or e
    return block_tail(t, e, lim, lower_ok)


def box_start(t: Text, pos: int) -> bool:
    """The first two letters of one of match_box's openings (either case)."""
    pair = ascii_lower(t.s[pos] + t.at(pos + 1))
    return pair in ("po", "p.", "p ", "ps", "cm", "un", "us", "fl", "fp", "ap", "su", "dp")


def _box_number(t: Text, i: int, lim: int, most: int) -> Optional[int]:
    j = t.run(i, min(lim, i + most), DIGITS)
    return j if j > i and not t.word_at(j) else None


def _military_box(t: Text, pos: int, j: int, lim: int) -> Optional[int]:
    """After "PSC 1234", "CMR 450", "Unit 2050": ", Box 5678, APO AE 09012"; after a unit,
    a street line may follow instead ("Unit 30, 9194 Albert Drive")."""
    i = skip_comma_space(t, j, lim)
    if i and t.s[i] in DIGITS and ascii_lower(t.s[pos]) == "u":
        return match_street(t, i, lim, False)
    if not (i and t.starts(i, lim, "box ")):
        return None
    j = _box_number(t, i + 4, lim, 6)
    i = skip_comma_space(t, j, lim) if j else None
    return military_tail(t, i, lim) if i else None


def _unit_first(t: Text, i: int, lim: int) -> Optional[int]:
    """"Flat 12, 47 Queen's Mews, London NW3 5JJ": up to five digits or capitals, a comma,
    then a street line (i: after "Flat ", "Apt ", "Suite ")."""
    j = i
    while j < lim and (t.s[j] in DIGITS or up(t.s[j])) and j - i < 5:
        j += 1
    k = skip_comma_space(t, j, lim) if j > i and t.at(j) == "," else None
    return match_street(t, k, lim, False) if k and t.s[k] in DIGITS else None


def _ship(t: Text, i: int, lim: int) -> Optional[int]:
    """"USNS Miller\\nFPO AP 94562": up to three capitalised words, then the military tail."""
    e, j = i, i + (5 if t.at(i + 3) == "S" else 4)
    for _ in range(3):
        w = read_word(t, j, lim)
        if not (w and w.shape in (CAP, UPPER)):
            break
        e = w.end
        j = space_gap(t, w.end, lim)
        if not j:
            break
    j = skip_comma_space(t, e, lim)
    return military_tail(t, j, lim) if j else None


P_O_BOX = ("post office box ", "p.o. box ", "p. o. box ", "po box ", "p o box ", "p.o box ")


def match_box(t: Text, pos: int, lim: int) -> Optional[int]:
    """"P.O. Box 4417", "PO Box 12", "Post Office Box 9" (then the address tail or a
    military tail), military "PSC 1234, Box 5678, APO AE 09012", "APO AE 09012", a ship, or
    a unit written before its street. The openings are case-insensitive; the military ones,
    the ship's and the unit's start with a capital ("APO", "USS": two)."""
    def opens(*words: str) -> bool:
        return any(t.starts(pos, lim, w) for w in words)
    capital, capital2 = up(t.s[pos]), up(t.s[pos]) and up(t.at(pos + 1))
    opening = next((w for w in P_O_BOX if t.starts(pos, lim, w)), None)
    if opening:
        i = pos + len(opening)
        j = _box_number(t, i, lim, 8)
        if not j:
            return None
        i = skip_comma_space(t, j, lim)
        if i and any(t.starts(i, lim, w) for w in ("apo ", "fpo ", "dpo ")):
            return military_tail(t, i, lim) or j
        return block_tail(t, j, lim, False)
    if opens("psc ", "cmr ", "unit ") and capital:
        i = pos + (5 if ascii_lower(t.s[pos]) == "u" else 4)
        j = _box_number(t, i, lim, 8)
        return _military_box(t, pos, j, lim) if j else None
    if opens("flat ", "apt ", "suite ") and capital:
        return _unit_first(t, pos + {"f": 5, "a": 4, "s": 6}[ascii_lower(t.s[pos])], lim)
    if opens("apo ", "fpo ", "dpo ") and capital2:
        return military_tail(t, pos, lim)
    if opens("usns ", "uss ") and capital2:
        return _ship(t, pos, lim)
    return None


def military_tail(t: Text, i: int, lim: int) -> Optional[int]:
    """"APO AE 09012": three capitals (APO, FPO, DPO), AA / AE / AP, a ZIP code."""
    if not (MILITARY.match(t.s, i, lim) and all(up(ch) for ch in t.s[i:i + 3]) and t.s[i + 4] == "A"
            and t.s[i + 5] in "AEP"):
        return None
    return read_zip(t, i + 7, lim)


def number_then_word(t: Text, word_end: int) -> bool:
    """After a number: a space and a letter or a digit, or ", " and a letter ("57, boulevard")."""
    if t.at(word_end) == " ":
        return bool(_fold(t.at(word_end + 1))) or t.at(word_end + 1) in DIGITS
    return t.at(word_end) == "," and t.at(word_end + 1) == " " and bool(_fold(t.at(word_end + 2)))


def street_lead(t: Text, pos: int) -> bool:
    """Before a lower-case street line: "at", "is", "to", "on" as a word, or a colon, and
    one space ("lives at 81 juniper place", "address: 12 main st")."""
    if t.at(pos - 1) != " ":
        return False
    if t.at(pos - 2) == ":":
        return True
    return not is_letter(t.at(pos - 4)) and ascii_lower(t.at(pos - 3) + t.at(pos - 2)) in ("at", "is", "to", "on")


# ------------------------------------------------------------------ the world's addresses

def _address_data() -> tuple[list[str], set[str], dict[str, int], set[str]]:
    """(joined street types, postcode shapes, Greek and Cyrillic words: 1 street type,
    2 unit word, 3 region word, 4 a word before a town's name; Latin words before a town's
    name, folded) from core/data/address_words.txt and postcode_shapes.txt."""
    data = pathlib.Path(lexicon.__file__).parent / "data"
    joined, script, town = [], {}, set()
    for line in (data / "address_words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, kinds = line.partition("\t")
            if "J" in kinds:
                joined.append(word)
            if "C" in kinds and word.isascii():
                town.add(word)
            elif "N" in kinds or "Q" in kinds or "R" in kinds or "C" in kinds:
                script[word] = 1 if "N" in kinds else (2 if "Q" in kinds else (3 if "R" in kinds else 4))
    shapes = {line.partition("\t")[0] for line in
              (data / "postcode_shapes.txt").read_text(encoding="ascii").splitlines()
              if line and not line.startswith("#")}
    return joined, shapes, script, town


JOINED_TYPES, POSTCODE_SHAPES, SCRIPT_WORDS, TOWN_WORDS = _address_data()
GREEK_ACCENTS = str.maketrans("άέήίόύώςΆΈΉΊΌΎΏ", "αεηιουωσαεηιουω")


def joined_street(t: Text, w: Word) -> bool:
    """The word ends in a street type written into it, with three letters or more before
    it (four before a type of three letters): "Fortunastrasse", "Rengaskuja"."""
    return w.size >= 6 and any(w.key.endswith(j) and w.size - len(j) >= (4 if len(j) <= 3 else 3)
                               for j in JOINED_TYPES)


def postcode_shape(code: str) -> str:
    """"10115" -> "99999", "SW1A 1AA" -> "AA9A 9AA"."""
    return "".join("9" if ch in DIGITS else "A" if up(ch) else ch for ch in code)


POSTCODE = re.compile(r"[0-9A-Z]+(?:[ -][0-9A-Z]+)*")


def read_postcode(t: Text, i: int, lim: int) -> Optional[int]:
    """A postal code of a known shape: the longest prefix of up to twelve capitals and
    digits (a space or '-' inside between two of them) that ends a word or stops at such a
    separator; not followed by a separator and a digit."""
    if t.word_at(i - 1):
        return None
    m = POSTCODE.match(t.s, i, min(lim, i + 12))
    if not m:
        return None
    j = m.end()
    ends = [k for k in range(i + 1, j) if t.s[k] in " -"]
    ends += [j] if not t.word_at(j) else []
    ends = [k for k in ends if postcode_shape(t.s[i:k]) in POSTCODE_SHAPES]
    if not ends:
        return None
    best = max(ends)
    if t.at(best) in " -/.:" and t.at(best + 1) in DIGITS:
        return None
    return best


def read_house_number(t: Text, i: int, lim: int) -> Optional[int]:
    """"20", "20a", "221B", "12-14", "12/3", "1б": up to five digits, a letter (Latin, Greek
    or Cyrillic), or a second number (up to four digits and a letter) after '-' or '/';
    ending a word."""
    if t.word_at(i - 1):
        return None
    j = t.run(i, min(lim, i + 6), DIGITS)
    if j == i or j - i > 5:
        return None
    if j < lim and (is_letter(t.s[j]) or script_lower(t.s[j])) and not t.word_at(j + 1):
        j += 1
        if j + 1 < lim and t.s[j] in "/-" and t.s[j + 1] in DIGITS:
            j = t.run(j + 1, min(lim, j + 5), DIGITS)  # "7а/5", "2E-54"
    elif j + 1 < lim and t.s[j] in "-/" and t.s[j + 1] in DIGITS:
        k = t.run(j + 1, min(lim, j + 5), DIGITS)
        if k < lim and (is_letter(t.s[k]) or script_lower(t.s[k])) and not t.word_at(k + 1):
            k += 1
        j = k
    return None if t.word_at(j) else j


def script_lower(ch: str) -> str:
    """A Greek or Cyrillic letter in lower case without its accent (final sigma as sigma),
    by the code point arithmetic of the core; '' for any other character."""
    c = ord(ch)
    if 0x430 <= c <= 0x45F:
        return ch
    if 0x410 <= c <= 0x42F:
        return chr(c + 32)
    if 0x400 <= c <= 0x40F:
        return chr(c + 80)
    if 0x3B1 <= c <= 0x3C9:
        return "σ" if c == 0x3C2 else ch
    if 0x391 <= c <= 0x3A9:
        return chr(c + 32)
    return ch.translate(GREEK_ACCENTS) if ch in "ΆΈΉΊΌΎΏάέήίόύώ" else ""


def script_upper(ch: str) -> bool:
    c = ord(ch)
    return 0x400 <= c <= 0x42F or 0x391 <= c <= 0x3A9 or 0x386 <= c <= 0x38F


def script_word_end(t: Text, i: int, lim: int) -> Optional[int]:
    """The end of a whole word of Greek or Cyrillic letters at i (at most 25; an apostrophe
    between two letters: "П'ятихатки")."""
    if not (i < lim and script_lower(t.s[i])) or t.word_at(i - 1):
        return None
    e = i
    while e < lim and e - i <= 24 and (script_lower(t.s[e]) or (
            e > i and t.s[e] in "'\u2019\u02bc" and script_lower(t.at(e + 1)))):
        e += 1
    return None if t.word_at(e) else e


def script_kind(t: Text, i: int, e: int) -> int:
    if not all(script_lower(ch) for ch in t.s[i:e]):
        return 0  # (an apostrophe inside)
    return SCRIPT_WORDS.get("".join(script_lower(ch) for ch in t.s[i:e]), 0)


def capital_at(t: Text, i: int) -> bool:
    """A capital letter (ASCII, accented Latin, Greek or Cyrillic) at i."""
    ch = t.at(i)
    return up(ch) or up(_fold(ch)) or script_upper(ch)


def connector_then_capital(t: Text, e: int, lim: int) -> bool:
    """After a short lower-case word ending at e: a space and a capital, or a space, one more
    lower-case word of three letters or fewer, a space and a capital ("de los Caballeros")."""
    if t.at(e) != " ":
        return False
    if capital_at(t, e + 1):
        return True
    j = t.run(e + 1, min(lim, e + 5), lambda ch: ch in string.ascii_lowercase)
    return 1 < j - e <= 4 and t.at(j) == " " and capital_at(t, j + 1)


def city_words(t: Text, j: int, lim: int) -> int:
    """A town: up to seven words, capitalised or upper case (Latin, Greek or Cyrillic), joined
    by a space, '-', '/' or an apostrophe; up to two lower-case words of four letters or
    fewer between two of them ("Braunau am Inn"); an abbreviation's period (three letters or
    fewer: "Ags."; then a letter after an initial, "N.L.", or a space and a capital after two
    letters or fewer, "Co. Kerry"); a Greek or Cyrillic region word after a word
    ("Курская область"). No stop word, number word, unit word or capitalised common word
    (unless a city or a name, or after a lower-case word: "Braunau am Inn"); a single capital
    only before '.' or an apostrophe. Its end, or 0."""
    e, k, lowers = 0, j, 0
    for _ in range(7):
        start = k
        w = read_word(t, k, lim) if _fold(t.at(k)) else None  # Greek and Cyrillic below
        if w:
            if not e and w.key in TOWN_WORDS and len(w.key) == w.size:
                x = w.end + (t.at(w.end) == ".")
                if t.at(x) != " ":
                    break
                k = x + 1  # "thành phố Hà Nội", "TP. Đà Nẵng"
                continue
            if w.shape == LOWER:
                if not e or w.size > 4 or lowers == 2 or not connector_then_capital(t, w.end, lim):
                    break
                lowers, k = lowers + 1, w.end + 1
                continue
            f = flags_of(w)
            if w.shape == INITIAL and t.at(w.end) not in ".'":
                break
            if w.shape == CAP and (f & (G.STOP | G.NUMBER | G.UNIT)
                                   or (f & G.COMMON and not lowers and not f & (G.CITY | G.FIRST | G.LAST))):
                break
            e = w.end
        else:
            x = script_word_end(t, k, lim)
            if not x:
                break
            kind = script_kind(t, k, x)
            if kind == 4 and not e and t.at(x) == " " and script_upper(t.at(x + 1)):
                k = x + 1  # "місто Севастополь": the word before a town's name
                continue
            if not script_upper(t.s[k]) and not (kind == 3 and e):
                break
            if kind and kind != 3:
                break
            e = x
        c = t.at(e)
        if c == "." and e - start <= 3:
            e += 1
            if is_letter(t.at(e)) and e - start == 2:
                k = e
            elif t.at(e) == " " and e - start <= 3 and capital_at(t, e + 1):
                k = e + 1  # "Co. Kerry" (not "Sur. Charlotte": a town after a part)
            else:
                break
        elif (c in "-/'\u2019" and capital_at(t, e + 1)) or c == " ":
            k = e + 1
        elif c == "-" and lowers < 2:
            x = t.run(e + 1, min(lim, e + 5), lambda ch: ch in string.ascii_lowercase)
            if x == e + 1 or x - e > 4 or t.at(x) not in "-'\u2019" or not capital_at(t, x + 1):
                break
            lowers, k = lowers + 1, x + 1  # "Champigny-sur-Marne", "Villeneuve-d'Ascq"
        else:
            break
    return e


def _code_after(t: Text, e: int, lim: int) -> Optional[int]:
    """A postal code after ", " or a space on the same line."""
    k = skip_comma_space(t, e, lim)
    return read_postcode(t, k, lim) if k and t.at(k - 1) != "\n" else None


def place_part(t: Text, j: int, lim: int) -> Optional[int]:
    """A country or a region a list has, and a postal code after it ("Spain 91496")."""
    w = read_word(t, j, lim)
    if not w or w.shape not in (CAP, UPPER) or not flags_of(w) & (G.COUNTRY | G.STATE | G.PREFIX):
        return None
    p = longest_phrase(t, w, lim, G.COUNTRY | G.STATE, False)
    if not p:
        return None
    return _code_after(t, p.last.end, lim) or p.last.end


def postcode_part(t: Text, j: int, lim: int) -> Optional[int]:
    """A postal code and the town after it ("10115 Berlin"), or the code alone."""
    z = read_postcode(t, j, lim)
    if not z:
        return None
    return (city_words(t, z + 1, lim) if t.at(z) == " " else 0) or z


def city_part(t: Text, j: int, lim: int) -> tuple[int, int]:
    """(end, confirmed) of a town and a postal code after it (confirmed 2), or of a town alone
    (confirmed 1 when a list has it); end 0: none."""
    e = city_words(t, j, lim)
    if not e:
        return 0, 0
    z = _code_after(t, e, lim)
    if z:
        return z, 2
    w = read_word(t, j, lim)
    p = longest_phrase(t, w, lim, G.CITY, False) if w else None
    return e, int(bool(p) and p.last.end == e)


def region_line(t: Text, j: int, k: int, lim: int) -> bool:
    """A town or region part from j to k that ends its line or the text ("Tucumán"), its
    first word no given name a list of places lacks (not a signature line)."""
    if t.at(k) not in (NUL, "\n", "\r"):
        return False
    w = read_word(t, j, lim)
    return not w or not (flags_of(w) & G.FIRST and not flags_of(w) & (G.CITY | G.STATE))


def intl_tail(t: Text, e: int, lim: int) -> int:
    """The block's other parts after its street line, each after skip_comma_space: a unit,
    a postal code and its town, a country or region and its code, a town and its code; a
    town counts once a later part confirms it or a list has it, or right after a postal
    code when it ends the line or the text ("C1000WAM Santa Rosa\nTucumán"). Up to six parts."""
    best = cur = e
    coded = False
    for _ in range(6):
        j = skip_comma_space(t, cur, lim)
        if not j:
            break
        k = read_unit(t, j, lim, True)
        if not k:
            k = postcode_part(t, j, lim)
            if k:
                best = cur = k
                coded = True
                continue
        k = k or place_part(t, j, lim)
        if k:
            best = cur = k
            coded = False
            continue
        k, confirmed = city_part(t, j, lim)
        if not k:
            break
        if confirmed or (coded and region_line(t, j, k, lim)):
            best = k
        coded = confirmed == 2
        cur = k
    return best


def block_tail(t: Text, e: int, lim: int, lower_ok: bool) -> int:
    """After a street line or a box: the US / UK / Canadian tail, then other countries' parts;
    or those parts alone when they reach further."""
    a = address_tail(t, e, lim, lower_ok)
    b = intl_tail(t, a, lim)
    return max(b, intl_tail(t, e, lim)) if a > e else b


PART_END = (NUL, "\n", "\r", ",", ";", ")")  # the end of an address's part


def unit_after(t: Text, e: int, lim: int) -> bool:
    """A unit after ", " or a line break: "Sigurveig Meadows\nApt. 401"."""
    j = skip_comma_space(t, e, lim)
    return bool(j) and t.at(e) != " " and bool(read_unit(t, j, lim, False))


def code_and_town(t: Text, k: int, lim: int) -> bool:
    """After the number of a street line without a street type (and maybe a unit: "84 Of.
    370"): the block's postal code anchors it. ", " or a line break, up to two town or
    region lines ("Jalgaon 110001", "Middelburg\n3084"), then a postal code that starts with
    a digit or a country's prefix ("SE-"): a space and a town after it ("8022 Brugge"), or
    the code alone ending its part after a town line ("Kimberley, 1449"; no year 1900-2099)."""
    j = skip_comma_space(t, k, lim)
    u = read_unit(t, j, lim, True) if j else None
    if u:
        k, j = u, skip_comma_space(t, u, lim)
    if not j or t.at(k) not in ",\n\r":
        return False
    for part in range(3):
        z = read_postcode(t, j, lim) if _code_start(t, j) else None
        if z:
            if t.at(z) == " ":
                return city_words(t, z + 1, lim) > 0
            return part > 0 and t.at(z) in PART_END and not (z - j == 4 and t.s[j:j + 2] in ("19", "20"))
        x = city_words(t, j, lim) if part < 2 else 0
        if not x:
            return False
        if t.at(x) == " ":  # "Jalgaon 110001"
            z = read_postcode(t, x + 1, lim) if _code_start(t, x + 1) else None
            return bool(z) and t.at(z) in PART_END
        j = skip_comma_space(t, x, lim)
        if not j:
            return False
    return False


def _code_start(t: Text, j: int) -> bool:
    """A postal code may start here: a digit, or a country's prefix ("SE-", "B-")."""
    c = t.at(j)
    return c in DIGITS or (up(c) and (t.at(j + 1) == "-" or (up(t.at(j + 1)) and t.at(j + 2) == "-")))


def number_after(t: Text, i: int, lim: int) -> Optional[int]:
    """A house number after a street's name: " 20", ", 123", " Nr. 5", " No 5", " No: 5",
    " N° 5"."""
    if t.at(i) == ",":
        i += 1
    if t.at(i) != " ":
        return None
    j = i + 1
    if (t.starts(j, lim, "nr") or t.starts(j, lim, "no")) and up(t.s[j]):
        j += 2
        j += t.at(j) in ".:"
        j += t.at(j) == " "
    elif t.at(j) == "N" and t.at(j + 1) in "\u00b0\u00ba":
        j += 3 if t.at(j + 2) == " " else 2
    return read_house_number(t, j, lim)


def _type_end(t: Text, w: Word) -> int:
    """A street type's end, with its period when it is an abbreviation of four letters or fewer."""
    return w.end + 1 if t.at(w.end) == "." and w.size <= 4 else w.end


def named_street(t: Text, w0: Word, f0: int, lim: int) -> Optional[int]:
    """A street line that starts with its name: a street type first ("Calle Mayor 12",
    "ul. Biała 135": a type of two letters needs its period), then up to six words
    (capitalised names, two lower-case words between); or names (joined by hyphens, two
    lower-case words of three letters or fewer between: "Pieter de Hoochlaan") with a type
    after them ("Berliner Straße 5", "Kossuth Lajos utca 12", "Erich-Hagen-Straße") or
    written into the last ("Fortunastrasse 20"); at most four names; no name once a house
    number follows ("Nr. 5"). Then a house number (number_after) and the rest. A type first
    and a number: "Carrera 62 # 93-5". Names and a number without a type: only a
    capitalised first word in no list of units, common or stop words, before a postal code
    and a town (code_and_town: "Vodičkova 12, 110 00 Praha"), or with a street type after
    the number ("Jana Nerudy 894 St."). A street with a type and no number: before a postal
    code and a town, or a unit ("Strada Voinea, 204716 Buzau", "Sigurveig Meadows\nApt. 401")."""
    i, e, names, lowers = w0.end, 0, 0, 0
    prefixed = typed = False
    if f0 & G.STREET_PREFIX and (w0.size > 2 or t.at(w0.end) == "."):
        prefixed = typed = True
        i += t.at(i) == "."
    elif w0.shape == LOWER:
        return None
    else:
        typed = joined_street(t, w0)
        i += typed and t.at(i) == "."  # "Hauptstr. 5"
        names, e = 1, i
    for _ in range(6):
        if (typed and not prefixed) or number_after(t, i, lim):
            break
        j = i + 1 if t.at(i) == "-" and names and capital_at(t, i + 1) else space_gap(t, i, lim)
        w = read_word(t, j, lim) if j else None
        if not w:
            break
        f = flags_of(w)
        if w.shape == LOWER:
            if f & G.STREET and names and not prefixed and t.s[j - 1] == " ":
                typed, e = True, _type_end(t, w)
                i = e
                continue
            if lowers < 2 and names and not prefixed and not f & G.STOP and number_after(t, w.end, lim):
                lowers, e = lowers + 1, w.end  # "Na Zlatej nohe 155": untyped, so anchored below
                i = e
                continue
            nxt = read_word(t, w.end + 1, lim) if t.at(w.end) == " " else None
            if lowers < 2 and names and not prefixed and not f & G.STOP and nxt and nxt.shape == LOWER \
                    and flags_of(nxt) & G.STREET:
                lowers, i = lowers + 1, w.end  # "Árpád fejedelem útja 5"
                continue
            if lowers == 2 or (f & G.STOP and not f & G.PARTICLE) or not (
                    prefixed or (names and w.size <= 3 and connector_then_capital(t, w.end, lim))):
                break
            lowers, i = lowers + 1, w.end
            continue
        if f & G.STOP and not f & (G.STREET | G.STREET_PREFIX):
            break
        if not prefixed and (f & G.STREET or joined_street(t, w)):
            typed, e = True, _type_end(t, w)
        else:
            names, e = names + 1, w.end + (w.shape == INITIAL and t.at(w.end) == ".")  # "G. Brown"
        i = e
    if prefixed and not names:
        # "Carrera 62 # 93-5": the street's number, '#', the house's number
        k = read_house_number(t, i + 1, lim) if t.at(i) == " " else None
        if k and t.at(k) == " " and t.at(k + 1) == "#":
            k = read_house_number(t, k + 3 if t.at(k + 2) == " " else k + 2, lim)
            if k:
                return street_rest(t, k, lim, False)
        elif k and t.at(k) == " " and t.at(k + 1) == "N":
            k = number_after(t, k, lim)  # "Av. 4 N° 465"
            if k:
                return street_rest(t, k, lim, False)
        return None
    if not e or not names or names > 4:
        return None
    k = number_after(t, e, lim)
    if not k and typed and (code_and_town(t, e, lim) or unit_after(t, e, lim)):
        k = e  # "Strada Voinea, 204716 Buzau", "Sigurveig Meadows\nApt. 401"
    if not k:
        return None
    w = read_word(t, k + 1, lim) if t.at(k) == " " else None
    if not typed and w and w.shape == CAP and flags_of(w) & G.STREET and t.at(_type_end(t, w)) in PART_END:
        typed, k = True, _type_end(t, w)  # "Jana Nerudy 894 St." ending the line
    if not typed and not (w0.shape == CAP and not f0 & (G.UNIT | G.COMMON | G.STOP)
                          and code_and_town(t, k, lim)):
        return None
    return street_rest(t, k, lim, False)


def street_ahead(t: Text, i: int, lim: int) -> bool:
    """Cheap: a number within the next six steps, each step (after the rest of a word joined
    by hyphens) a '.', ", " or a space and then a capitalised word (hyphens inside; then
    ',' or a line break is enough: a street without a number), a lower-case word of three
    letters or fewer before a capital, or (right before the number) a lower-case word and
    a '.', or one more lower-case word ("Árpád fejedelem köz 790")."""
    lowered = False
    for _ in range(6):
        if i + 2 >= lim:
            return False
        if t.s[i] == "-" and _fold(t.s[i + 1]):
            i += 1
            while i < lim and (_fold(t.s[i]) or (t.s[i] == "-" and _fold(t.at(i + 1)))):
                i += 1
            if i + 2 >= lim:
                return False
        i += t.s[i] == "."
        i += t.at(i) == "," and t.at(i + 1) == " "
        if t.at(i) != " ":
            return False
        if t.at(i + 1) in DIGITS:
            return True
        j = i + 1
        if not up(t.at(j)) and not up(_fold(t.at(j))):
            j = t.run(j, lim, _fold)
            if j - i <= 4 and connector_then_capital(t, j, lim):
                i = j
                continue
            if t.at(j) == ".":
                j += 1
            elif t.at(j) == " " and t.at(j + 1) not in DIGITS and not lowered:
                lowered, i = True, j
                continue
            return t.at(j) == " " and t.at(j + 1) in DIGITS
        while j < lim and (_fold(t.s[j]) or (t.s[j] == "-" and _fold(t.at(j + 1)))):
            j += 1
        if j == i + 1:
            return False
        if t.at(j) in ",\n\r":
            return True  # a street without a number?
        i = j
    return False


def script_street(t: Text, pos: int, lim: int) -> Optional[int]:
    """"ул. Ленина, д. 5", "Οδός Ερμού 12": a Greek or Cyrillic street type (its period), up
    to three capitalised words, ", " or a space, maybe a short word ("д.", "дом"), a house
    number; then a unit ("кв. 12") and the block's other parts. Without a type ("Питу Гули
    1б"): a capitalised word first, and a postal code and a town after the number."""
    e = script_word_end(t, pos, lim)
    if not e:
        return None
    kind = script_kind(t, pos, e)
    if kind == 1:
        i, names = e + (t.at(e) == "."), 0
    elif kind == 0 and script_upper(t.s[pos]):
        i, names = e, 1
    else:
        return None
    for _ in range(3):
        j = space_gap(t, i, lim)
        x = script_word_end(t, j, lim) if j else None
        if x and names and not script_upper(t.s[j]) and script_kind(t, j, x) == 1:
            kind, i = 1, x + (t.at(x) == ".")  # "Донецьке шосе 344": the type after the name
            break
        if not x or not script_upper(t.s[j]):
            break
        names, i = names + 1, x + (x - j == 1 and t.at(x) == ".")  # "Головин М. 523"
    if not names:
        return None
    j = i + (t.at(i) == ",")
    if t.at(j) != " ":
        return None
    j += 1
    x = _ordinal_end(t, j, lim)
    if x:
        j = x + 1  # "Рославка 1-я 655"
    x = script_word_end(t, j, lim)
    if x and x - j <= 3 and t.at(x) in ". ":
        x += t.at(x) == "."
        j = x + (t.at(x) == " ")
    e = read_house_number(t, j, lim)
    if not e or (kind == 0 and not code_and_town(t, e, lim)):
        return None
    j = skip_comma_space(t, e, lim)
    x = script_word_end(t, j, lim) if j else None
    if x and script_kind(t, j, x) == 2:
        k = x + (t.at(x) == ".")
        k += t.at(k) == " "
        e = read_house_number(t, k, lim) or e
    return intl_tail(t, e, lim)


def _ordinal_end(t: Text, j: int, lim: int) -> Optional[int]:
    """"1-я", "2-й", "10-ая" (one or two digits, '-', one or two letters), then a space and
    a digit: its end."""
    k = t.run(j, min(lim, j + 2), lambda ch: ch in DIGITS)
    if k == j or t.at(k) != "-" or not script_lower(t.at(k + 1)):
        return None
    k += 2
    k += bool(script_lower(t.at(k)))
    return k if t.at(k) == " " and t.at(k + 1) in DIGITS else None


def town_first(t: Text, w0: Word, f0: int, lim: int) -> Optional[int]:
    """"Orosháza\nFülemüle út 190": a town, ", " or a line break, then a street line that
    starts with its name (the Hungarian order). A town a list has; or one capitalised word in
    no list of names, organisations or common words, when a postal code follows the street
    line in the block (code_in_block: "Mezőberény\nIrinyi útja 737\n7087")."""
    p = longest_phrase(t, w0, lim, G.CITY, False) if f0 & (G.CITY | G.PREFIX) else None
    if p:
        e = p.last.end
    elif w0.shape == CAP and not f0 & (G.FIRST | G.LAST | G.COMMON | G.STOP | G.ORG | G.ORG_SUFFIX
                                       | G.ORG_HEAD | G.TITLE | G.UNIT) \
            and city_words(t, w0.start, lim) == w0.end:
        e = w0.end
    else:
        return None
    j = skip_comma_space(t, e, lim) if t.at(e) in ",\n\r" else None
    w = read_word(t, j, lim) if j else None
    if not w or not (flags_of(w) & G.STREET_PREFIX or street_ahead(t, w.end, lim)):
        return None
    x = named_street(t, w, flags_of(w), lim)
    return x if x and (p or code_in_block(t, j, x, lim)) else None


def code_in_block(t: Text, i: int, e: int, lim: int) -> bool:
    """A postal code (no year 1900-2099) starts one of the parts of the block from i to e."""
    for k in range(i, e):
        if t.s[k] in "\n,":
            j = skip_comma_space(t, k, lim)
            z = read_postcode(t, j, lim) if j and j < e and _code_start(t, j) else None
            if z and z <= e and not (z - j == 4 and t.s[j:j + 2] in ("19", "20")):
                return True
    return False


def _other_script(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """A word that starts with a letter outside ASCII: a street line ("Östra Storgatan 5",
    "ул. Ленина 5")."""
    if not _on(types, ADDRESS):
        return None
    e = None
    if _fold(t.s[pos]):
        w = read_word(t, pos, lim)
        if w and (flags_of(w) & G.STREET_PREFIX or street_ahead(t, w.end, lim)):
            e = named_street(t, w, flags_of(w), lim)
        if w and not e:
            e = town_first(t, w, flags_of(w), lim)
    elif 0x386 <= ord(t.s[pos]) <= 0x45F:
        e = script_street(t, pos, lim)
    if e:
        out.append(_match(t, pos, e, lim, ADDRESS))
    return e


def _cjk_address(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """A Chinese, Japanese or Korean address at a word that starts with a CJK letter
    (tests/reference_cjk.py)."""
    from tests.reference_cjk import cjk_address
    r = cjk_address(t, pos, lim) if _on(types, ADDRESS) else None
    if r:
        out.append(_match(t, r[0], r[1], lim, ADDRESS))
    return r[1] if r else None


def _cjk_code_first(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """A CJK address that starts with its postal code; a 〒 before the code is taken
    unless a span ends after it."""
    from tests.reference_cjk import cjk_code_first
    e = cjk_code_first(t, pos, lim) if _on(types, ADDRESS) else None
    if e:
        start = pos - 1 if t.at(pos - 1) == "〒" and (not out or out[-1][1] < pos) else pos
        out.append(_match(t, start, e, lim, ADDRESS))
    return e


def _street_first(t: Text, w: Word, f: int, lim: int, types: int, out: list) -> Optional[int]:
    """A street line that starts with its name, at a word of ASCII letters."""
    if not _on(types, ADDRESS):
        return None
    e = named_street(t, w, f, lim) if f & G.STREET_PREFIX or street_ahead(t, w.end, lim) else None
    e = e or (town_first(t, w, f, lim) if w.shape != LOWER else None)
    if e:
        out.append(_match(t, w.start, e, lim, ADDRESS))
    return e


# ------------------------------------------------------------------ addresses in scripts without Latin letters

NW_BEFORE, NW_AFTER, NW_GLUED, NW_HOUSE, NW_UNIT, NW_DIVISION, NW_COUNTRY, NW_DATE, NW_POSTAL = (
    1, 2, 4, 8, 16, 32, 64, 128, 256)
PK_NONE, PK_STREET, PK_BARE, PK_CODE, PK_NUMBERED, PK_DIVISION, PK_TOWN, PK_COUNTRY = range(8)
NATIVE_DIGITS = frozenset(string.digits) | frozenset(
    chr(c) for a in (0x660, 0x6F0, 0x966, 0x9E6, 0xE50) for c in range(a, a + 10))
NATIVE_STOPS = frozenset("\u060c\u061b\u061f\u06d4\u0964\u0965\u0589\u055d\u05be\u05c3")
NATIVE_INSIDE = frozenset("\u200c\u200d\u05f3\u05f4")  # joiners, geresh, gershayim


def native_key(word: str) -> str:
    """A word of those scripts as the table keys it: its letters' keys, points left out."""
    return "".join(chr(key) for kind, key in map(lexicon.script_letter, word)
                   if kind and kind != lexicon.SCRIPT_SKIP)


def _script_address_words() -> dict[str, int]:
    bits = {"P": NW_BEFORE, "T": NW_AFTER, "G": NW_GLUED, "H": NW_HOUSE, "U": NW_UNIT,
            "L": NW_DIVISION, "C": NW_COUNTRY, "M": NW_DATE, "Z": NW_POSTAL}
    words: dict[str, int] = {}
    path = pathlib.Path(lexicon.__file__).parent / "data" / "script_address_words.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, classes = line.partition("\t")
            key = native_key(word)
            for ch in classes:
                words[key] = words.get(key, 0) | bits[ch]
    return words


NATIVE_WORDS = _script_address_words()


def native_letter(ch: str) -> bool:
    kind = lexicon.script_letter(ch)[0]
    return kind != 0 and kind != lexicon.SCRIPT_SPACELESS


def native_start(ch: str) -> bool:
    return native_letter(ch) and lexicon.script_letter(ch)[0] != lexicon.SCRIPT_SKIP


def thai_mark(ch: str) -> bool:
    c = ord(ch)
    return c == 0xE31 or 0xE34 <= c <= 0xE3A or 0xE47 <= c <= 0xE4E


def word_ends(t: Text, e: int) -> bool:
    return not t.word_at(e) or t.at(e) in NATIVE_STOPS


def native_word_end(t: Text, i: int, lim: int) -> tuple[int, int]:
    """(end, kinds) of a whole word of those scripts (joiners and geresh inside, fewer than 40
    code points); for a Thai word that starts with a street type or a division word written
    into it, that word's kinds (with NW_GLUED); end 0: none."""
    if not native_start(t.s[i]):
        return 0, 0
    thai = "\u0e00" <= t.s[i] <= "\u0e7f"
    e, key, glued, glued_kinds = i, "", 0, 0
    while e < lim and e - i < 40:
        ch = t.s[e]
        if native_letter(ch):
            kind, k = lexicon.script_letter(ch)
            if kind != lexicon.SCRIPT_SKIP:
                key += chr(k)
                if thai and not glued and e - i >= 1 and not thai_mark(t.at(e + 1)):
                    glued_kinds = NATIVE_WORDS.get(key, 0)
                    glued = e + 1 if glued_kinds & NW_GLUED else 0
        elif ch not in NATIVE_INSIDE:
            break
        e += 1
    if e - i >= 40 or not word_ends(t, e):
        return 0, 0
    kinds = NATIVE_WORDS.get(key, 0) & ~NW_GLUED
    if not kinds and glued and e - glued >= 2:
        kinds = glued_kinds  # its bits and NW_GLUED: "ถนนสุขุมวิท", "จังหวัดเชียงใหม่"
    return e, kinds


def native_number_end(t: Text, i: int, lim: int) -> tuple[int, bool, bool]:
    """(end, postal, house) of a number: up to ten digits of one of the scripts, a second
    group after '-' or '/', a letter after it; postal: of a known postal code shape; house:
    up to five digits first. End 0: none."""
    j = i
    while j < lim and t.s[j] in NATIVE_DIGITS and j - i < 10:
        j += 1
    if j == i or t.at(j) in NATIVE_DIGITS:
        return 0, False, False
    shape, house, shaped = "9" * (j - i), j - i <= 5, True
    if j + 1 < lim and t.s[j] in "-/" and t.s[j + 1] in NATIVE_DIGITS:
        shaped = t.s[j] == "-"
        k = j + 1
        while k < lim and t.s[k] in NATIVE_DIGITS and k - j <= 6:
            k += 1
        if t.at(k) in NATIVE_DIGITS:
            return 0, False, False
        shape += "-" + "9" * (k - j - 1)
        j = k
    if j < lim and (native_letter(t.s[j]) or is_letter(t.s[j])) and word_ends(t, j + 1):
        j += 1
        shaped = False
    if not word_ends(t, j):
        return 0, False, False
    return j, shaped and len(shape) <= 12 and shape in POSTCODE_SHAPES, house


class ScriptPart(NamedTuple):
    end: int
    names: int
    countries: int
    nums: int
    code_len: int
    kinds: int
    postal: bool
    house: bool
    cased: bool
    lead_name: bool
    latin: bool


def read_script_part(t: Text, i: int, lim: int) -> Optional[ScriptPart]:
    """A part of a block: an English country or region, or up to eight words and numbers of
    those scripts, one space or " - " between two, none after a listed word's or an
    initial's '.' or inside a name of two words joined by '-'."""
    if i >= lim:
        return None
    if is_letter(t.s[i]):
        e = place_part(t, i, lim)
        return ScriptPart(e, 0, 0, 0, 0, 0, False, False, False, False, True) if e else None
    j, tokens, end = i, 0, i
    names = countries = nums = kinds_all = code_len = 0
    house = cased = lead_name = house_word = postal_word = prev_number = False
    first_postal = last_postal = False
    while tokens < 8:
        c = t.s[j]
        if c in NATIVE_DIGITS:
            e, postal, h = native_number_end(t, j, lim)
            if not e:
                break
            postal = postal or (postal_word and 4 <= e - j <= 11)  # after a postal code's label
            postal_word = False
            if postal:
                code_len = e - j
            nums += 1
            house = house or h
            if house_word:
                kinds_all |= NW_HOUSE  # a house word counts before a number only
            house_word = False
            if tokens == 0:
                first_postal = postal
            last_postal = postal
        else:
            if not native_start(c):
                break
            e, kinds = native_word_end(t, j, lim)
            if not e:
                break
            if tokens == 0:
                cased = "\u0370" <= c < "\u0530"
            if kinds & NW_GLUED:
                names += 1
            elif kinds == NW_COUNTRY:
                countries += 1
            elif not kinds:
                names += 1
                lead_name = lead_name or tokens == 0
                if names > 4:
                    return None
            kinds_all |= kinds & ~NW_HOUSE
            if kinds & NW_HOUSE and prev_number and e - j >= 2:
                kinds_all |= NW_HOUSE  # after its number: "150 үй"
            house_word = bool(kinds & NW_HOUSE)
            postal_word = bool(kinds & NW_POSTAL)
            last_postal = False
            if t.at(e) == "." and (kinds or e - j == 1):
                e += 1
        prev_number = t.s[j] in NATIVE_DIGITS
        tokens += 1
        end = e
        if t.s[e - 1] == "." and e < lim and native_start(t.s[e]):
            j = e
        elif t.at(e) in ("-", "\u05be") and t.s[e - 1] not in NATIVE_DIGITS and e + 1 < lim \
                and native_start(t.s[e + 1]):
            j = e + 1
        elif t.at(e) == " " and t.at(e + 1) == "-" and t.at(e + 2) == " ":
            j = e + 3
        elif t.at(e) == " " and t.at(e + 1) != " ":
            j = e + 1
        else:
            break
        if j >= lim:
            break
    if not tokens or t.at(end) == ":":
        return None  # (a label: "هاتف:")
    return ScriptPart(end, names, countries, nums, code_len, kinds_all, nums == 1 and (first_postal or last_postal),
                      house, cased, lead_name, False)


def script_part_kind(p: ScriptPart) -> int:
    if p.latin:
        return PK_COUNTRY
    if p.kinds & (NW_BEFORE | NW_AFTER | NW_HOUSE) and p.nums:
        return PK_STREET
    if p.kinds & NW_DATE and p.nums:
        return PK_NONE  # a date: "7 ডিসে, 1965"
    if not p.nums and p.kinds & (NW_BEFORE | NW_AFTER) and p.names + p.countries:
        return PK_BARE
    if p.postal and p.names <= 3:
        return PK_CODE
    if p.nums and (p.house and p.names and not p.cased or p.kinds & NW_UNIT):
        return PK_NUMBERED
    if not p.nums and p.kinds & NW_DIVISION and 1 <= p.names <= 3:
        return PK_DIVISION
    if not p.nums and not p.names and p.kinds == NW_COUNTRY and p.countries == 1:
        return PK_COUNTRY
    if not p.nums and 1 <= p.names + p.countries <= 3 and not p.kinds & ~NW_COUNTRY:
        return PK_TOWN
    return PK_NONE


def script_part_gap(t: Text, i: int, lim: int) -> Optional[int]:
    """',' or '،' and spaces, or line breaks (up to three) with up to five spaces of indent,
    within twelve code points; the next part's start."""
    j, breaks, spaces, comma = i, 0, 0, False
    if j < lim and t.s[j] in ",\u060c":
        j, comma = j + 1, True
    while j < lim and j - i < 12:
        if t.s[j] == "\n":
            breaks, spaces = breaks + 1, 0
        elif t.s[j] == " ":
            spaces += 1
        elif not (t.s[j] == "\r" and j + 1 < lim and t.s[j + 1] == "\n"):
            break
        j += 1
    if not (comma or breaks) or breaks > 3 or spaces > 5 or j >= lim or j - i >= 12:
        return None
    return j


def block_lead(t: Text, i: int) -> bool:
    """i starts the text or a line (after up to eight spaces), or follows a label's ':'."""
    j = i
    while j > 0 and t.s[j - 1] == " " and i - j < 8:
        j -= 1
    return j == 0 or t.s[j - 1] in "\n\r" or (t.s[j - 1] == ":" and i - j <= 1)


def script_block(t: Text, pos: int, lim: int) -> Optional[int]:
    """An address block of parts at pos (see core/scan/script_addresses.pyx): its end."""
    j, kinds, ends, last, codes, firm = pos, [], [], -1, 0, 0
    named_code = pending = broke = laid_out = False
    while len(kinds) < 8:
        p = read_script_part(t, j, lim)
        k = script_part_kind(p) if p else PK_NONE
        if k == PK_NONE:
            break
        if not kinds:
            if k in (PK_COUNTRY, PK_TOWN) and not (p.kinds & NW_COUNTRY or block_lead(t, pos)):
                return None
            if k == PK_STREET and p.lead_name and not p.kinds & (NW_AFTER | NW_HOUSE):
                return None
        kinds.append(k)
        ends.append(p.end)
        if k != PK_TOWN:
            last = len(kinds) - 1
        if pending:
            firm, pending, laid_out = firm + 1, False, True  # a part follows a bare code
        if k == PK_CODE:
            codes += 1
            named_code = named_code or (p.names > 0 and p.house)
            laid_out = laid_out or p.code_len >= 6 or (PK_TOWN in kinds and len(kinds) >= 3)
            if p.names or p.code_len >= 5 or broke:
                firm += 1
            else:
                pending = True
        laid_out = laid_out or p.latin or broke
        j = script_part_gap(t, p.end, lim)
        if not j:
            break
        broke = "\n" in t.s[p.end:j]
    has = set(kinds)
    numbered = PK_NUMBERED in has
    if not (PK_STREET in has or (PK_BARE in has and codes) or (firm and PK_DIVISION in has) or (laid_out and (
            (firm and numbered) or (codes >= 2 and named_code) or (PK_COUNTRY in has and (numbered or named_code))))):
        return None
    return ends[min(last + 2, len(kinds) - 1)]


def script_after_number(t: Text, word_end: int) -> bool:
    """After a number (and '/' or '-' and a second one), up to three of " ,\\n\\r-", then a
    letter of a script from Cyrillic on."""
    j = word_end
    if t.at(j) in "/-" and t.at(j + 1) in DIGITS:
        j += 1
        while j - word_end < 6 and t.at(j) in DIGITS:
            j += 1
        word_end = j
    while j - word_end < 3 and t.at(j) in " ,\n\r-" and t.at(j) != NUL:
        j += 1
    c = t.at(j)
    return c >= "\u0400" and native_start(c)


def _script_address(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """At a word of a script from Cyrillic on, or a number before one: an address block."""
    if not _on(types, ADDRESS) or t.at(pos - 1) in NATIVE_INSIDE:
        return None
    e = script_block(t, pos, lim)
    if e:
        out.append(_match(t, pos, e, lim, ADDRESS))
    return e


# ------------------------------------------------------------------ ID numbers: passport, licence, account

ID_CONTEXT = 32


def read_id(t: Text, i: int, lim: int) -> Optional[tuple[int, int, int]]:
    """(end, letters, digits) of an ID token that starts with a letter: letters and digits
    of one case ("X12345678", "c43y87v15"), maybe continued by digit groups after '-' or
    ' ' ("A123-456-78-901-0", "J 610 392 643"), 6 to 16 of them with a digit."""
    if t.word_at(i - 1):
        return None
    j, letters, digits, cases = i, 0, 0, set()
    while j < lim and letters + digits <= 16:
        c = t.s[j]
        if c in DIGITS:
            digits += 1
        elif is_letter(c):
            letters += 1
            cases.add(c.isupper())
        elif c in "- " and (digits or j == i + 1) and j + 1 < lim and t.s[j + 1] in DIGITS:
            k = t.run(j + 1, lim, DIGITS)  # a digit group after the separator
            if t.word_at(k) and t.at(k) not in "- ":
                break
        else:
            break
        j += 1
    while j > i and t.s[j - 1] in "- ":
        j -= 1
    if t.word_at(j) or not digits or len(cases) > 1 or not 6 <= letters + digits <= 16:
        return None
    return j, letters, digits


def id_type(t: Text, pos: int, length: int, digits_only: bool, types: int) -> int:
    """The ID type of a token of `length` letters and digits at pos: passport (6-10),
    driver's licence (5-15), bank account (6-17 digits): the one whose context word is
    nearest before pos; -1 when none has one."""
    want = []  # by type id: on a word of several types, the first
    if _on(types, PASSPORT) and 6 <= length <= 10:
        want.append(PASSPORT)
    if _on(types, LICENSE) and 5 <= length <= 15:
        want.append(LICENSE)
    if _on(types, ACCOUNT) and 6 <= length <= 17 and digits_only:
        want.append(ACCOUNT)
    want.sort()
    best = -1
    for start, word in t.words_before(max(0, pos - ID_CONTEXT), pos):
        found = [k for k in want if word in ENTITY_TYPES[k].context and pos - start <= ENTITY_TYPES[k].before]
        if found:
            best = found[0]  # the nearest word wins; on one word, the first type
    return best


def id_groups(t: Text, plus: bool, gs: list[Group]) -> int:
    """The digit groups of an ID number (groups used, 0: none): one run, or groups of two to
    eight digits after a first of two or more, joined by one of ' -'; 5-17 digits."""
    j = len(gs)
    while j > 1 and not (t.plain(plus, gs, j, " -") and all(2 <= g.length <= 8 for g in gs[1:j])
                         and gs[0].length >= 2):
        j -= 1
    if t.continues(gs, j):
        return 0
    return j if 5 <= len(t.digits(gs, j)) <= 17 else 0


# ------------------------------------------------------------------ the word-level detectors at a word

def _scored(t: Text, start: int, e: int, lim: int, type_id: int, aux: int = 0,
            base: Optional[float] = None) -> tuple:
    """_match with the detector's own base score (None: the table's)."""
    if base is None:
        return _match(t, start, e, lim, type_id, aux)
    ctx = t.context(start, e, lim, type_id)
    score = f32(f32(base) + (f32(ENTITY_TYPES[type_id].boost) if ctx else 0.0))
    return (start, e, type_id, CONTEXT if ctx else 0, min(score, 1.0), aux)


def lower_word_admitted(t: Text, pos: int, word_end: int) -> bool:
    """A word that starts with a lower-case letter is read by the word-level detectors only
    when one of these holds: a '.' or '-' follows it, or " at " / " dot " (then more text);
    a name cue ("is", "am", "i'm"...) or a place cue ("in", "to", "from", "near") is the
    word before (a place cue: for a word of four letters or more, or of three starting with
    s, l or n); it starts with "p." or "po"; it has six characters or more and ends with a
    digit; it could be a number word and a space or ',' follows."""
    s, nxt, length = t.s, t.at(word_end), word_end - pos
    if nxt in ".-":
        return True
    if nxt == " " and word_end + 4 < t.n and s[word_end + 1] in "ad" \
            and (s[word_end + 1:word_end + 4] == "at " or s[word_end + 2:word_end + 5] == "ot "):
        return True
    if after_name_cue(t, pos):
        return True
    if (length >= 4 or (length == 3 and s[pos] in "sln")) and after_place_cue(t, pos):
        return True
    if s[pos] == "p" and t.at(pos + 1) in ".o":
        return True
    if length >= 6 and s[word_end - 1] in DIGITS:
        return True
    return nxt in " ," and spoken_gate(t, pos, word_end)


def _id_or_postcode(t: Text, pos: int, lim: int, types: int, out: list) -> Optional[int]:
    """Letters joined to digits at pos: a passport or licence number by its context word, a
    UK or Canadian postcode after an address word."""
    type_id, e = -1, None
    if _on(types, PASSPORT) or _on(types, LICENSE):
        r = read_id(t, pos, lim)
        if r:
            e, type_id = r[0], id_type(t, pos, r[1] + r[2], False, types)
    if type_id < 0 and _on(types, ADDRESS) and up(t.s[pos]):
        e = read_uk_postcode(t, pos, lim) or read_ca_postcode(t, pos, lim)
        if e and t.context_before(pos, ADDRESS):
            type_id = ADDRESS
    if type_id < 0:
        return None
    out.append(_match(t, pos, e, lim, type_id))
    return e


def _lower_word(t: Text, w: Word, lim: int, types: int, out: list) -> Optional[int]:
    """A lower-case word: a spoken number, a P.O. box, a place after a place cue, a name
    after a name or place cue."""
    pos, f = w.start, flags_of(w)
    if f & G.NUMBER and spoken_gate(t, pos, w.end):
        return _spoken(t, pos, lim, types, out)[0]
    if _on(types, ADDRESS) and t.at(pos + 1) in ".o" and t.s[pos] == "p":
        e = match_box(t, pos, lim)
        if e:
            out.append(_match(t, pos, e, lim, ADDRESS))
            return e
    if t.at(w.end) == ".":
        e = _street_first(t, w, f, lim, types, out)  # "ul. Biała 135"
        if e:
            return e
    if _on(types, LOCATION) and after_place_cue(t, pos) and f & (PLACE | G.PREFIX) \
            and not f & (G.COMMON | G.STOP | G.FUNCTION):
        r = match_lower_place(t, w, lim)
        if r:
            out.append(_match(t, pos, r[0], lim, LOCATION, r[1]))
            return r[0]
    if _on(types, PERSON) and (after_name_cue(t, pos) or after_place_cue(t, pos)) \
            and (f & G.FIRST or unlisted(f)):
        e = match_lower_name(t, w, f, lim)
        if e:
            out.append(_match(t, pos, e, lim, PERSON))
            return e
    return None


def _starts_nothing(t: Text, w: Word, f: int) -> bool:
    """A listed word of no class that starts anything ("Thanks"), or an unlisted word in
    capitals of four letters or more ("INFO"), not followed by a space and a capital."""
    if t.at(w.end) == " " and up(t.at(w.end + 1)):
        return False
    return bool(f and not f & G.STARTS) or (w.shape == UPPER and not f & ~(G.COMMON | G.STOP | G.PREFIX)
                                            and w.size > 3)


def _name_place_or_org(t: Text, w: Word, f: int, lim: int, types: int, aux: int) -> Optional[tuple]:
    """The longest of an organisation, a place and a person's name at w: a place wins a tie
    with a name ("New York"), an organisation a tie with either ("Wells Fargo").
    aux: the subtype of the place reading, kept only when the place wins."""
    e, type_id, base = 0, -1, None
    if _on(types, ORG):
        e = match_org(t, w, f, lim)
        type_id = ORG if e else -1
    if (f or w.shape == CAP) and _on(types, LOCATION):
        j, r = 0, match_place(t, w, f, lim)
        if r:
            j, aux = r
        elif f & G.ABBR:
            j, aux = match_state_code(t, w, f) or 0, LOC_STATE
        if j > e:
            e, type_id = j, LOCATION
    if _on(types, PERSON) and (f & (G.FIRST | G.LAST | G.CITY) or unlisted(f)):
        r = match_name(t, w, f, lim)
        if r and r[0] > e:
            (e, base), type_id = r, PERSON
    aux = aux if type_id == LOCATION else 0  # the subtype is the place's only
    return _scored(t, w.start, e, lim, type_id, aux, base) if type_id >= 0 else None


def _capitalised_word(t: Text, w: Word, lim: int, types: int, out: list) -> Optional[int]:
    """A word that starts with a capital: a box, a spoken number, a holiday, a titled name,
    then the longest of an organisation, a place and a name."""
    pos, f = w.start, flags_of(w)
    box = _on(types, ADDRESS) and box_start(t, pos)
    if _starts_nothing(t, w, f) and not box and not (_on(types, ADDRESS) and f & G.STREET_PREFIX):
        return None
    if box:
        e = match_box(t, pos, lim)
        if e:
            out.append(_match(t, pos, e, lim, ADDRESS))
            return e
    e = _street_first(t, w, f, lim, types, out)
    if e:
        return e
    if f & G.NUMBER and spoken_gate(t, pos, w.end):
        e, phone = _spoken(t, pos, lim, types, out)
        if e or phone:
            return e
    aux = 0
    if f & (G.HOLIDAY | G.PREFIX) and (_on(types, DATE) or _on(types, DOB)):
        r = match_holiday(t, w, lim)
        if r:
            e, aux = r
            type_id = _date_type(t, pos, e, lim, types)  # "born on Christmas Day 1990"
            if type_id >= 0:
                out.append(_match(t, pos, e, lim, type_id, aux))
                return e
    if f & G.TITLE and _on(types, PERSON):
        r = match_titled_name(t, w, lim)
        if r:
            out.append(_match(t, r[0], r[1], lim, PERSON))
            return r[1]
    span = _name_place_or_org(t, w, f, lim, types, aux)
    if span:
        out.append(span)
        return span[1]
    return None


def _words_at(t: Text, pos: int, word_end: int, lim: int, types: int, out: list) -> Optional[int]:
    """The word-level detectors at a word that starts with an ASCII letter."""
    if t.s[pos].islower() and _on(types, EMAIL) \
            and (t.s[word_end:word_end + 4] == " at " or domain_ahead(t, word_end, lim)):
        e = match_spoken_email(t, pos, lim)
        if e:
            out.append(_match(t, pos, e, lim, EMAIL))
            return e
    w = read_word(t, pos, lim)
    if not w or (w.size == 1 and t.at(w.end) == " " and t.at(w.end + 1) in DIGITS):
        return _id_or_postcode(t, pos, lim, types, out)
    if _on(types, DOMAIN_NAME) and w.shape in (LOWER, UPPER) and domain_ahead(t, w.end, lim):
        r = match_domain(t, pos, lim)
        if r and (not r[1] or t.context_before(pos, DOMAIN_NAME)):  # a file needs a context word
            e, type_id = r[0], DOMAIN_NAME
            if t.at(e) == "/" and _on(types, URL):  # with a path: a URL, cut at the window
                path = t.url_body(e, lim)[0]
                if path > e:
                    e, type_id = path, URL
            out.append(_match(t, pos, e, lim, type_id))
            return e
    if w.shape == LOWER:
        return _lower_word(t, w, lim, types, out)
    return _capitalised_word(t, w, lim, types, out)


def _other_letter(t: Text, pos: int, word_end: int, lim: int, types: int, out: list) -> Optional[int]:
    """A word that starts with a letter beyond ASCII: a capital (accented Latin, Greek,
    Cyrillic, Armenian) is read as an ASCII capital is; a word of a script without case
    may be a name."""
    w = read_word(t, pos, lim)
    if not w:
        return None
    if w.shape in (CAP, UPPER, INITIAL):
        return _words_at(t, pos, word_end, lim, types, out)
    if w.shape == SPACELESS and _on(types, ORG):
        e = spaceless_org(t, w, lim)
        if e:
            out.append(_scored(t, pos, e, lim, ORG))
            return e
    if w.shape in (NOCASE, SPACELESS) and _on(types, PERSON):
        r = match_script_name(t, w, lim)
        if r:
            out.append(_scored(t, pos, r[0], lim, PERSON, 0, r[1]))
            return r[0]
    return None


def _digits_at(t: Text, pos: int, word_end: int, lim: int, types: int,
               out: list) -> tuple[Optional[int], bool]:
    """The word-level detectors at a word of digits followed by a space and a letter or a
    digit: a number said partly in words ("4 1 5 five five five"), a street address.
    (end of a span found, a spoken phone candidate was added)."""
    if word_end - pos == 1 and t.at(word_end) == " ":
        e, phone = _spoken(t, pos, lim, types, out)
        if e or phone:
            return e, phone
    if not (_on(types, ADDRESS) and word_end - pos <= 6):
        return None, False
    e = match_street(t, pos, lim, False)
    if not e and _fold(t.at(word_end + 1)) and not up(_fold(t.at(word_end + 1))) and street_lead(t, pos):
        # "i live at 81 juniper place": lower case after an address word only
        e = match_street(t, pos, lim, True)
        if e and not t.context_before(pos, ADDRESS):
            e = None
    if e:
        out.append(_match(t, pos, e, lim, ADDRESS))
    return e, False


# ------------------------------------------------------------------ the pass

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
        word_end = t.run(pos, n, is_word)
        if is_word(c):
            if _on(types, EMAIL):
                # the local part runs from here to '@' (it starts later where an unspaced
                # script is glued to it)
                at_sign = t.run(pos, n, local_char)
                if at_sign < lim and text[at_sign] == "@":
                    start = t.email_start(pos, at_sign)
                    end = t.email(start, at_sign, lim)
                    if end:
                        out.append(_match(t, start, end, lim, EMAIL))
            if end is None and c in ASCII_LETTERS:
                end, url_cut = _letter(t, pos, lim, types, out)
                if end is None and (c.isupper() or lower_word_admitted(t, pos, word_end)):
                    end = _words_at(t, pos, word_end, lim, types, out)
            elif end is None and c >= "\u00c0" and c not in DIGITS:
                if t.at(word_end) in ":." and _on(types, URL):
                    # a URL glued to text in a script without spaces ("请访问https://example.com")
                    glued = next((i for i in range(pos + 1, word_end)
                                  if is_letter(text[i]) and unspaced_script(text[i - 1])), None)
                    r = t.url(glued, lim) if glued is not None else None
                    if r:
                        (end, url_cut) = r
                        out.append(_match(t, glued, end, lim, URL))
                if end is None:
                    end = _other_script(t, pos, lim, types, out)
                if end is None and c >= "\u3005":
                    end = _cjk_address(t, pos, lim, types, out)
                if end is None and c >= "\u0400":
                    end = _script_address(t, pos, lim, types, out)
                if end is None:
                    end = _other_letter(t, pos, word_end, lim, types, out)
            elif end is None and c in DIGITS:
                if _on(types, IP) and t.colon_ahead(pos, lim):
                    end = t.ipv6(pos, lim)
                    if end:
                        out.append(_match(t, pos, end, lim, IP))
                if end is None and not _mid_number(t, pos):
                    phone = False
                    if t.at(word_end) in ",\n\r-，":
                        end = _cjk_code_first(t, pos, lim, types, out)
                    if end is None and number_then_word(t, word_end):
                        end, phone = _digits_at(t, pos, word_end, lim, types, out)
                    if end is None and not phone and script_after_number(t, word_end):
                        end = _script_address(t, pos, lim, types, out)
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
