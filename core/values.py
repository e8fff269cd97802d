"""Normalised values: what an entity's text means, one function per kind of value.

These are the `normalise` and `field` hooks of the rows of `core.entity_types`: a
normaliser takes the matched text and the scanner's `aux` (dates: yyyymmdd, expiry
dates: yyyymm, ages: the age); a field reader takes a whole policy field that holds one
entity, and the region its phone numbers are read in.
"""
from __future__ import annotations

import functools
import ipaddress
import re


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


# an extension written after a phone number, as the scanner reads it (scan/numbers.pyx:
# phone_extension): "x068", " ext. 45", " extension 12", " #123"
PHONE_EXTENSION = re.compile(r" ?(?:extension|ext\.?|[#x]) ?[0-9]{1,6}\Z", re.IGNORECASE | re.ASCII)


def international(candidate: str) -> str | None:
    """The number written with '+' for a call prefix ("0044 20 ...", "011 44 20 ..." are +44
    20 ...); the candidate itself when it starts with '+'; None for a national number."""
    if candidate.startswith("+"):
        return candidate
    if candidate.startswith("00"):
        return "+" + candidate[2:]  # ITU's international prefix
    if candidate.startswith("011") and candidate[3:4] in (" ", "-", "."):
        return "+" + candidate[4:]  # North America's
    return None


def phone_e164(candidate: str, region: str) -> str | None:
    """E.164 form of a valid phone number, else None. A number written with '+' or a call
    prefix ('00', '011') is checked against its country's plan first; else, and when that
    fails, it is read as a national number of `region` (phonenumbers_national_e164)."""
    return phone_e164_in(candidate, (region,))


def phone_e164_in(candidate: str, regions: tuple[str, ...]) -> str | None:
    """phone_e164 in each region in order: the first valid reading. From the compiled tables
    (core/scan/phones.pyx); phonenumbers itself for a shape they do not read."""
    from redactd.core import _scan  # here: _scan imports core.entity_types, which imports this module
    value = _scan.phone_e164(candidate, phone_region_ids(regions))
    if value == "":
        return next(filter(None, (phonenumbers_e164(candidate, r) for r in regions)), None)
    return value


@functools.lru_cache(maxsize=256)
def phone_region_ids(regions: tuple[str, ...]) -> tuple[int, ...]:
    """The compiled phone tables' ids of ISO 3166 regions (phonenumbers.SUPPORTED_REGIONS; a
    code it does not know validates no national number, and is left out)."""
    from redactd.core import _scan
    return tuple(_scan.PHONE_REGIONS[r] for r in regions if r in _scan.PHONE_REGIONS)


def phone_unvalidated(candidate: str, cue: bool) -> str | None:
    """The value of a phone number no plan validates, when it is still kept: written with '+'
    and of a length its country's plan allows (E.164), or after a strong cue (its digits,
    '+' first when written so); None otherwise."""
    if candidate.startswith("+"):
        from redactd.core import _scan
        value = _scan.phone_possible(candidate)
        if value == "":
            value = phonenumbers_e164_parsed(candidate, None, valid=False)
        if value is not None:
            return value
    if not cue:
        return None
    number = PHONE_EXTENSION.sub("", candidate)
    return ("+" if number.startswith("+") else "") + "".join(c for c in number if c.isdigit())


# The same answers from phonenumbers itself: what the compiled tables agree with
# (tests/test_phone_tables.py), and their fall-back for shapes they do not read.

def phonenumbers_e164(candidate: str, region: str) -> str | None:
    """phone_e164 in one region, by phonenumbers."""
    written = international(candidate)
    if written is not None:
        value = phonenumbers_e164_parsed(written, None)
        if value is not None or candidate.startswith("+"):
            return value
    return phonenumbers_national_e164(candidate, region)


def phonenumbers_e164_parsed(candidate: str, region: str | None, valid: bool = True) -> str | None:
    """E.164 of a valid number (or, not `valid`, of one whose length its plan allows for a
    full number, not only for a local one)."""
    import phonenumbers  # here: a fall-back, and its import costs every process ~15 ms
    try:
        parsed = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not (phonenumbers.is_valid_number(parsed) if valid else
            phonenumbers.is_possible_number_with_reason(parsed) == phonenumbers.ValidationResult.IS_POSSIBLE):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phonenumbers_national_e164(candidate: str, region: str) -> str | None:
    """E.164 form of a valid national number of `region`, written as the region writes it:
    with its trunk prefix where its numbers are written with one ("030 123456" in Germany,
    not "30 123456"; North America's "1" is optional: "(201) 555-0123")."""
    import phonenumbers
    try:
        parsed = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = metadata.national_prefix if metadata and metadata.country_code != 1 else None  # NANP: "1" optional
    if prefix and not "".join(c for c in candidate if c.isdigit()).startswith(prefix):
        national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        if "".join(c for c in national if c.isdigit()).startswith(prefix):
            return None  # its trunk prefix left out: some other number, or none
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# ---------------------------------------------------------------- field readers

def phone_field(text: str, region: str) -> str:
    """E.164 when the field is a valid number, else its digits (and '+')."""
    return phone_e164(text, region) or "".join(c for c in text if c.isdigit() or c == "+")


def field_as_written(text: str, region: str) -> str:
    """Values the scanner derives from more than the text (dates, ages, expiry dates) and
    IP addresses: a field holds them as written."""
    return text
