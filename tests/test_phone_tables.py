"""The compiled phone tables (core/scan/phones.pyx, scan/phone_tables.h) against phonenumbers
itself (core.values.phonenumbers_*, the Python path they replace): every example number of
every region and type in every written form, valid numbers with digits changed, random
digit strings, and whole texts settled by the scan or by Python."""
from __future__ import annotations

import pathlib
import random
import sys

import phonenumbers
import pytest
from hypothesis import given, settings, strategies as st

from redactd import core
from redactd.core import _scan
from redactd.core.detect import PHONE_CUE_SCORE, Detection
from tests.oracle import resolve
from redactd.core.values import phone_e164_in, phone_unvalidated, phonenumbers_e164, phonenumbers_e164_parsed

ROOT = pathlib.Path(__file__).resolve().parent.parent
REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
FORMAT = phonenumbers.PhoneNumberFormat
EXTENSIONS = ["", "", "", " x12", "x068", " ext. 45", " ext 7", " extension 123", " #99", "#5"]


def compiled(candidate: str, regions: tuple[str, ...]) -> str | None:
    value = _scan.phone_e164(candidate, tuple(_scan.PHONE_REGIONS[r] for r in regions))
    assert value != "", f"{candidate!r}: a shape the tables should read"
    return value


def oracle(candidate: str, regions: tuple[str, ...]) -> str | None:
    return next(filter(None, (phonenumbers_e164(candidate, r) for r in regions)), None)


def possible(candidate: str) -> str | None:
    value = _scan.phone_possible(candidate)
    assert value != ""
    return value


def examples() -> list[tuple[str, phonenumbers.PhoneNumber]]:
    """(region or '001', number): example numbers of every type of every region and
    non-geographic calling code."""
    out = [(r, ex) for r in REGIONS for t in phonenumbers.PhoneNumberType.values()
           if (ex := phonenumbers.example_number_for_type(r, t)) is not None]
    for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        meta = phonenumbers.PhoneMetadata.metadata_for_nongeo_region(cc)
        for desc in (meta.general_desc, meta.toll_free, meta.premium_rate, meta.shared_cost, meta.voip,
                     meta.personal_number, meta.uan, meta.mobile, meta.fixed_line):
            if desc is not None and desc.example_number:
                out.append(("001", phonenumbers.parse(f"+{cc}{desc.example_number}")))
    return out


EXAMPLES = examples()


def written_forms(number: phonenumbers.PhoneNumber) -> list[str]:
    e164 = phonenumbers.format_number(number, FORMAT.E164)
    return [e164, phonenumbers.format_number(number, FORMAT.INTERNATIONAL),
            phonenumbers.format_number(number, FORMAT.NATIONAL), "00" + e164[1:], "011 " + e164[1:], e164[1:]]


def test_tables_are_of_the_installed_phonenumbers():
    assert _scan.PHONENUMBERS_VERSION == phonenumbers.__version__
    assert generator().up_to_date(ROOT / "core" / "scan" / "phone_tables.h")
    assert set(_scan.PHONE_REGIONS) == phonenumbers.SUPPORTED_REGIONS


def test_every_example_number_in_every_form():
    compared = 0
    for region, number in EXAMPLES:
        home = region if region != "001" else "US"
        for written in written_forms(number):
            for regions in ((home,), ("US",), ("DE", "GB"), (home, "FR")):
                assert compiled(written, regions) == oracle(written, regions), (written, regions)
                compared += 1
            if written.startswith("+"):
                assert possible(written) == phonenumbers_e164_parsed(written, None, valid=False), written
    assert len(EXAMPLES) > 1300 and compared > 30000


def test_example_numbers_are_valid_in_their_own_region():
    for region, number in EXAMPLES:
        e164 = phonenumbers.format_number(number, FORMAT.E164)
        if phonenumbers.is_valid_number(number):
            assert compiled(e164, ("US",)) == e164
            if region != "001":
                assert compiled(phonenumbers.format_number(number, FORMAT.NATIONAL), (region,)) == \
                    phonenumbers_e164(phonenumbers.format_number(number, FORMAT.NATIONAL), region)


def mutated(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A valid example number with a digit changed, dropped or added, a call prefix, an
    extension, read in its region and others."""
    region, number = rng.choice(EXAMPLES)
    text = rng.choice(written_forms(number)[:4])
    digits = [k for k, c in enumerate(text) if c.isdigit()]
    k = rng.choice(digits[-5:])
    op = rng.random()
    if op < 0.4:
        text = text[:k] + rng.choice("0123456789") + text[k + 1:]
    elif op < 0.5:
        text = text[:k] + text[k + 1:]
    elif op < 0.6:
        text = text[:k] + rng.choice("0123456789") + text[k:]
    text += rng.choice(EXTENSIONS)
    home = region if region != "001" else rng.choice(REGIONS)
    return text, tuple(dict.fromkeys([rng.choice([home, home, "US", "GB"]), rng.choice(REGIONS)]))


def random_candidate(rng: random.Random) -> str:
    """Random digits (4-17) after a random prefix, with separators and maybe an extension."""
    body = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 17)))
    for _ in range(rng.randint(0, 3)):
        k = rng.randint(1, len(body) - 1)
        body = body[:k] + rng.choice(" -./") + body[k:]
    prefix = rng.choice(["", "", "+", "00", "011 ", "0", "1", "+1 ", "+44 ", "+49 (0)", "(0", "8", "+7 ",
                         "+54 9 ", "+55 ", "+81 ", "0 ", "(", "+800 "])
    return prefix + body + rng.choice(EXTENSIONS)


def test_changed_valid_numbers(rng):
    valid = unread = 0
    for _ in range(8000):
        text, regions = mutated(rng)
        expected = oracle(text, regions)
        value = _scan.phone_e164(text, tuple(_scan.PHONE_REGIONS[r] for r in regions))
        # a shape the tables leave to phonenumbers ("0000": fewer than three digits after
        # the call prefix "00") must be rare; what the product answers is always the oracle's
        unread += value == ""
        assert (value if value != "" else phone_e164_in(text, regions)) == expected, (text, regions)
        valid += expected is not None
        if text.startswith("+"):
            assert possible(text) == phonenumbers_e164_parsed(text, None, valid=False), text
    assert valid > 2000  # most changed numbers are still valid somewhere
    assert unread < 40, unread


def test_random_digit_strings(rng):
    unread = 0
    for _ in range(20000):
        text = random_candidate(rng)
        regions = tuple(dict.fromkeys(rng.choice(REGIONS) for _ in range(rng.randint(1, 3))))
        unread += _scan.phone_e164(text, tuple(_scan.PHONE_REGIONS[r] for r in regions)) == ""
        assert phone_e164_in(text, regions) == oracle(text, regions), (text, regions)
        if text.startswith("+"):
            assert phone_unvalidated(text, False) == phonenumbers_e164_parsed(text, None, valid=False), text
    assert unread < 200  # too few digits after a call prefix: phonenumbers answers


@settings(max_examples=500, deadline=None)
@given(st.text("0123456789 -.()/", min_size=3, max_size=24), st.sampled_from(["", "+", "00", "011 "]),
       st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3, unique=True))
def test_any_candidate_of_the_scanners_shapes(body, prefix, regions):
    text = prefix + body
    value = _scan.phone_e164(text, tuple(_scan.PHONE_REGIONS[r] for r in regions))
    if value == "":  # fewer than three digits, or than three after a call prefix
        assert sum(c.isdigit() for c in text) < 3 or text.startswith(("00", "011"))
    else:
        assert value == oracle(text, tuple(regions)), text


@pytest.mark.parametrize("text", ["(+49) 30 123456", "+49 30 1234５６", "+1 201 555 0123 ext. 1234567",
                                  "tel:+1-201-555-0123", "+1 201 555 0123;ext=12", "12"])
def test_other_shapes_are_left_to_phonenumbers(text):
    assert _scan.phone_e164(text, (_scan.PHONE_REGIONS["US"],)) == ""
    assert phone_e164_in(text, ("US", "DE")) == oracle(text, ("US", "DE"))


def phone_texts(rng: random.Random, count: int) -> list[str]:
    frames = ["Call me at {} tomorrow.", "Mobile: {}", "my number is {}", "order {} shipped", "fax {} or",
              "{}", "ref {} / tel {}", "call me on {} or {}"]
    out = []
    for _ in range(count):
        frame = rng.choice(frames)
        numbers = [mutated(rng)[0] if rng.random() < 0.7 else random_candidate(rng) for _ in range(frame.count("{}"))]
        out.append(frame.format(*numbers))
    return out


def test_settled_by_the_scan_as_by_python(rng):
    # the same entities whether the scan settles phone candidates or Python does
    for text in phone_texts(rng, 3000):
        regions = rng.choice([(), ("GB",), ("DE", "FR", "IN"), ("BR", "AR", "MX", "JP")])
        detection = Detection.create(region=rng.choice(["US", "GB", "DE", "AR"]), phone_regions=regions)
        spans, _, _ = _scan.scan(text, 0, detection.types, True, 0, detection.day_first)
        assert core.find_entities(text, detection) == resolve(text, spans, detection), text


def test_settled_phones_carry_their_value():
    detection = Detection.create(phone_regions=("DE",))
    spans, _, _ = detection.scan("Call +49 30 123456 or 030 1234567 or 0049 30 123456. Mobile: 12345")
    phones = [s for s in spans if s[2] == _scan.TYPE_NAMES.index("PHONE_NUMBER")]
    assert all(s[3] & _scan.PHONE_VALUE and not s[3] & _scan.TENTATIVE for s in phones)
    found = core.find_entities("Call +49 30 123456 or 030 1234567 or 0049 30 123456. Mobile: 0999 999 999",
                               detection)
    assert [e.value for e in found] == ["+4930123456", "+49301234567", "+4930123456", "0999999999"]
    assert found[-1].score == PHONE_CUE_SCORE < found[0].score


def generator():
    sys.path.insert(0, str(ROOT / "core" / "data"))
    try:
        import build_phone_tables
    finally:
        sys.path.pop(0)
    return build_phone_tables


@pytest.mark.parametrize("pattern", ["\\d+", "1*", "(?=1)2", "[^1]", "a", "\\s", "1{2,}", "(?P<x>1)"])
def test_the_generator_refuses_what_it_does_not_read(pattern):
    with pytest.raises(generator().UnderstoodError):
        generator().parse(pattern)


def test_description_dfas_match_as_re_does(rng):
    import re
    build = generator()
    for region in ("DE", "AR", "GB", "IT", "CN", "US"):
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        descs = [meta.general_desc, meta.fixed_line, meta.mobile, meta.toll_free]
        patterns = [(bit, d.national_number_pattern) for bit, d in enumerate(descs) if d.national_number_pattern]
        trans, accept = build.description_dfa(patterns)
        for _ in range(3000):
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 13)))
            if rng.random() < 0.5:  # near a real number
                ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
                nsn = phonenumbers.national_significant_number(ex)
                digits = nsn[:rng.randint(0, len(nsn))] + digits[:rng.randint(0, 3)]
            state = 1
            for d in digits:
                state = trans[state][int(d)]
            expected = sum(1 << bit for bit, p in patterns if re.fullmatch(p, digits))
            assert accept[state] == expected, (region, digits)
