"""Surrogates: realistic fakes that keep the format and validity of a value,
derived from a key so that equal values get equal surrogates.

Each faker takes (text as written, normalised value, keys); a row of
`core.entity_types` names its type's faker (`fake`), `hash_only` where none fits.
"""
from __future__ import annotations

import datetime
import ipaddress
from typing import Callable

from redactd.core.tokens import Digits, KeyRing, hash_token
from redactd.core.values import PHONE_EXTENSION

Faker = Callable[[str, str, KeyRing], str]


def _put_digits(text: str, digits: str) -> str:
    """`text` with its digits replaced, in order, by `digits` (formatting kept)."""
    it = iter(digits)
    return "".join(next(it) if c.isdigit() else c for c in text)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


def card(text: str, value: str, keys: KeyRing) -> str:
    # issuer prefix (6) and last four kept; one middle digit chosen to pass Luhn
    d = Digits(keys, "card", value)
    middle = list(d.digits(len(value) - 10))
    for fix in range(10):
        middle[-1] = str(fix)
        candidate = value[:6] + "".join(middle) + value[-4:]
        if _luhn_ok(candidate) and candidate != value:
            return _put_digits(text, candidate)
    return _put_digits(text, candidate)


def ssn(text: str, value: str, keys: KeyRing) -> str:
    d = Digits(keys, "ssn", value)
    while True:
        area, group, serial = int(d.digits(3)), int(d.digits(2)), int(d.digits(4))
        if 0 < area < 900 and area != 666 and group and serial:
            return _put_digits(text, f"{area:03d}{group:02d}{serial:04d}")


def phone(text: str, value: str, keys: KeyRing) -> str:
    # country and area kept; the last four digits redrawn until the number is valid; an
    # extension ("x068") kept as written
    if not value.startswith("+"):
        return hash_only(text, value, keys)  # not a validated number: no format to keep
    extension = PHONE_EXTENSION.search(text)
    tail = extension.group() if extension else ""
    text = text[:len(text) - len(tail)]
    d = Digits(keys, "phone", value)
    digits = "".join(c for c in text if c.isdigit())
    import phonenumbers  # here: only keyed surrogates need it
    for _ in range(64):
        candidate = digits[:-4] + d.digits(4)
        if candidate == digits:
            continue
        e164 = value[:-4] + candidate[-4:]
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(e164)):
                return _put_digits(text, candidate) + tail
        except phonenumbers.NumberParseException:
            break
    return _put_digits(text, digits[:-4] + d.digits(4)) + tail


def email(text: str, value: str, keys: KeyRing) -> str:
    domain = ("example.com", "example.net", "example.org")[Digits(keys, "email", value).next(3)]
    return f"user.{hash_token(value, keys, '', 8)}@{domain}"


def iban(text: str, value: str, keys: KeyRing) -> str:
    d = Digits(keys, "iban", value)
    bban = "".join(d.digits(1) if c.isdigit() else c for c in value[4:])
    country = value[:2]
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    new = f"{country}{check:02d}{bban}"
    it = iter(new)
    return "".join(next(it) if c != " " else c for c in text)


def routing(text: str, value: str, keys: KeyRing) -> str:
    d = Digits(keys, "routing", value)
    body = value[:2] + d.digits(6)
    w = (3, 7, 1, 3, 7, 1, 3, 7)
    check = (10 - sum(int(c) * k for c, k in zip(body, w)) % 10) % 10
    return _put_digits(text, body + str(check))


def ip(text: str, value: str, keys: KeyRing) -> str:
    d = Digits(keys, "ip", value)
    if ipaddress.ip_address(value).version == 4:
        net = ("192.0.2.", "198.51.100.", "203.0.113.")[d.next(3)]  # RFC 5737 documentation ranges
        return net + str(1 + d.next(254))
    return f"2001:db8::{d.next(256) * 256 + d.next(256):x}"  # RFC 3849


def url(text: str, value: str, keys: KeyRing) -> str:
    return f"https://example.com/{hash_token(value, keys, '', 12)}"


def date(text: str, value: str, keys: KeyRing) -> str:
    # shifted by up to +-180 days; keeps what is known of the date
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return value
    shift = Digits(keys, "date", value).next(256) * 361 // 256 - 180 or 1
    return (day + datetime.timedelta(days=shift)).isoformat()


def hash_only(text: str, value: str, keys: KeyRing) -> str:
    return hash_token(value, keys)


def surrogate(fake: Faker, text: str, value: str, keys: KeyRing) -> str:
    """A fake of the same type and format (`fake`: the type's faker); a hash token for
    types without one. Never the text itself: a number said in words is faked in digits,
    and anything a fake cannot be made for (a holiday's name as a date) becomes a hash
    token."""
    out = fake(text if any(c.isdigit() for c in text) else value, value, keys)
    return out if out != text and value not in out else hash_token(value, keys)
