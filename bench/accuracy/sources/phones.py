"""Phone numbers of every region and number type, as people write them.

The numbers are libphonenumber's example numbers (`example_number_for_type` for every
region in `SUPPORTED_REGIONS` and every number type that has one), with their last
digits varied while the number stays valid for its region and type. Each is written in
one of the forms below; an extension, when there is one, is part of the label.
"""
from __future__ import annotations

import random

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as Fmt
from phonenumbers import PhoneNumberType as T

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng

ORIGIN = ("phonenumbers (Python port of Google's libphonenumber): example numbers and "
          "formatting metadata for every region; Apache-2.0")

TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP,
         T.PERSONAL_NUMBER, T.PAGER, T.UAN, T.VOICEMAIL]
FRAMES = ["Call me at {}", "Mobile: {}", "{}", "Tel. {} (office)", "My number is {}.",
          "You can reach me on {} after six.", "Phone {}", "Please ring {} tomorrow",
          "new number: {}", "Contact: {}, any time"]
EXTENSIONS = [" x{}", " ext. {}", " ext {}", " extension {}", " #{}"]
RENDERINGS_PER_NUMBER = 2


def vary(rng: random.Random, number: pn.PhoneNumber, region: str) -> pn.PhoneNumber:
    """The number with 1-3 of its last digits changed, still valid and of the same type."""
    nsn = pn.national_significant_number(number)
    kind = pn.number_type(number)
    for _ in range(20):
        k = rng.randint(1, min(3, len(nsn) - 2))
        digits = nsn[:-k] + "".join(rng.choice("0123456789") for _ in range(k))
        other = pn.parse(f"+{number.country_code}{digits}")
        if (pn.is_valid_number_for_region(other, region) and pn.number_type(other) == kind
                and pn.national_significant_number(other) == digits):
            return other
    return number


def trunk(number: pn.PhoneNumber, intl: str, national: str) -> str | None:
    """`+49 (0)30 123456`: the national trunk prefix kept in brackets (None: no prefix)."""
    meta = pn.PhoneMetadata.metadata_for_region(pn.region_code_for_number(number) or "")
    prefix = meta.national_prefix if meta else None
    head = f"+{number.country_code} "
    if not prefix or not national.startswith(prefix) or not intl.startswith(head):
        return None
    if national[len(prefix):].lstrip("( ")[:1] != intl[len(head):].lstrip("( ")[:1]:
        return None
    return f"{head}({prefix}){intl[len(head):]}"


def renderings(rng: random.Random, number: pn.PhoneNumber) -> dict[str, str]:
    """Every way this number can be written here, by kind."""
    intl = pn.format_number(number, Fmt.INTERNATIONAL)
    national = pn.format_number(number, Fmt.NATIONAL)
    out = {"e164": pn.format_number(number, Fmt.E164), "international": intl,
           "national": national, "00": "00" + rng.choice(["", " "]) + intl[1:],
           "011": "011 " + intl[1:]}
    with_trunk = trunk(number, intl, national)
    if with_trunk:
        out["trunk0"] = with_trunk
    base = rng.choice([intl, national])
    if any(c in base for c in " -"):
        out["dots"] = base.replace("(", "").replace(")", "").replace(" ", ".").replace("-", ".")
    for sep in (" ", "-"):
        if sep in national and "(" not in national:
            out["slash"] = national.replace(sep, "/", 1)
            break
    digits = str(rng.randint(1, 9999))[: rng.randint(2, 4)]
    out["extension"] = rng.choice([intl, national]) + pick(rng, EXTENSIONS).format(digits)
    return out


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "phonenumbers")
    out = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        for kind in TYPES:
            example = pn.example_number_for_type(region, kind)
            if example is None:
                continue
            for _ in range(RENDERINGS_PER_NUMBER):
                forms = renderings(rng, vary(rng, example, region))
                style = pick(rng, sorted(forms))
                out.append(fill(f"phone:{style}", pick(rng, FRAMES), ("PHONE_NUMBER", forms[style])))
    return out
