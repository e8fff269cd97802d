"""Normalised values: what an entity's text means, one function per kind of value.

These are the `normalise` and `field` hooks of the rows of `core.entity_types`: a
normaliser takes the matched text and the scanner's `aux` (dates: yyyymmdd, expiry
dates: yyyymm, ages: the age); a field reader takes a whole policy field that holds one
entity, and the region its phone numbers are read in.
"""
from __future__ import annotations

import functools
import ipaddress

import phonenumbers


def as_written(text: str, aux: int) -> str:
    return text


def digits(text: str, aux: int) -> str:
    return "".join(c for c in text if c.isdigit())


def spoken_host(text: str) -> str:
    """"acme dot com" -> "acme.com" (as speech-to-text writes addresses)."""
    return text.replace(" dot ", ".") if " dot " in text else text


def email(text: str, aux: int) -> str:
    return spoken_host(text.lower().replace(" at ", "@", 1))


def host(text: str, aux: int) -> str:
    return spoken_host(text.lower())


def compact_upper(text: str, aux: int) -> str:
    """Passport and licence numbers: no spaces or hyphens, upper case."""
    return text.replace("-", "").replace(" ", "").upper()


def iban(text: str, aux: int) -> str:
    return text.replace(" ", "").upper()


def upper(text: str, aux: int) -> str:
    return text.upper()


def ip(text: str, aux: int) -> str:
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:  # its message quotes the address: never let it out
        return text.lower()


def words(text: str, aux: int) -> str:
    """Names, places, organisations, addresses: line breaks and runs of spaces as one space."""
    return " ".join(text.split())


def year_month(text: str, aux: int) -> str:
    return f"{aux // 100:04d}-{aux % 100:02d}"


def number(text: str, aux: int) -> str:
    return str(aux)


def date(text: str, aux: int) -> str:
    """ISO 8601 as far as it is known: 1982-10-03, 1982-10, --10-03; a holiday that moves
    ("Thanksgiving") by its name."""
    year, month, day = aux // 10000, aux // 100 % 100, aux % 100
    if not month:
        return words(text, aux)
    if not year:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


@functools.lru_cache(maxsize=1 << 16)
def phone_e164(candidate: str, region: str) -> str | None:
    """E.164 form of a valid phone number, else None."""
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]  # ITU international prefix: "0044 20 ..." is +44 20 ...
    try:
        parsed = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# ---------------------------------------------------------------- field readers

def phone_field(text: str, region: str) -> str:
    """E.164 when the field is a valid number, else its digits (and '+')."""
    return phone_e164(text, region) or "".join(c for c in text if c.isdigit() or c == "+")


def field_as_written(text: str, region: str) -> str:
    """Values the scanner derives from more than the text (dates, ages, expiry dates) and
    IP addresses: a field holds them as written."""
    return text
