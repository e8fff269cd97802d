"""The type table is the one declaration of a type: the compiled ids, the family files and
the Python hooks all follow it."""
from __future__ import annotations

import pathlib

import pytest

from redactd import core
from redactd.core import _scan, surrogate, values
from redactd.core.entity_types import BY_TYPE, ENTITY_TYPES, FAMILIES

CORE = pathlib.Path(core.__file__).parent


def test_compiled_ids_follow_the_table():
    assert _scan.TYPE_NAMES == tuple(row.name for row in ENTITY_TYPES)
    assert _scan.ALL_TYPES == (1 << len(ENTITY_TYPES)) - 1


def test_generated_enum_is_the_table_in_row_order():
    text = (CORE / "scan" / "type_ids.pxd").read_text()
    assert text.startswith("# GENERATED")
    ids = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("T_")]
    assert ids == [row.name for row in ENTITY_TYPES]


@pytest.mark.parametrize("row", ENTITY_TYPES, ids=lambda row: row.name)
def test_every_row_names_a_family_file_and_its_hooks(row):
    assert row.family in FAMILIES
    assert (CORE / "scan" / f"{row.family}.pyx").exists()
    assert (CORE / "scan" / f"{row.family}.pxd").exists()
    assert callable(row.normalise) and callable(row.fake)
    assert row.field is None or callable(row.field)


@pytest.mark.parametrize("type_name, text, aux, value", [
    ("CREDIT_CARD_NUMBER", "4111 1111 1111 1111", 0, "4111111111111111"),
    ("EMAIL_ADDRESS", "Jo.Smith at Acme dot com", 0, "jo.smith@acme.com"),
    ("IBAN", "de89 3704 0044 0532 0130 00", 0, "DE89370400440532013000"),
    ("IP_ADDRESS", "2001:DB8:0:0:0:0:0:1", 0, "2001:db8::1"),
    ("CREDIT_CARD_EXPIRATION", "04/27", 202704, "2027-04"),
    ("AGE", "42", 42, "42"),
    ("DATE", "October 3, 1982", 19821003, "1982-10-03"),
    ("DATE", "Oct 3", 1003, "--10-03"),
    ("DATE", "October 1982", 198210 * 100, "1982-10"),
    ("DATE_OF_BIRTH", "Thanksgiving", 0, "Thanksgiving"),
    ("PASSPORT_NUMBER", "x12-345 678", 0, "X12345678"),
    ("PERSON_NAME", "Jane\n  Doe", 0, "Jane Doe"),
    ("URL", "https://example.com/a", 0, "https://example.com/a"),
])
def test_normalise_by_the_rows_hook(type_name, text, aux, value):
    assert core.detect.normalise(type_name, text, aux) == value


@pytest.mark.parametrize("type_name, field, value", [
    ("PHONE_NUMBER", " (415) 555-2671 ", "+14155552671"),
    ("PHONE_NUMBER", "12345", "12345"),
    ("DATE", " 1982-10-03 ", "1982-10-03"),
    ("CREDIT_CARD_EXPIRATION", "04/27", "04/27"),
    ("AGE", "42", "42"),
    ("SSN", "123-45-6789", "123456789"),
    ("", "  anything ", "anything"),
])
def test_policy_field_by_the_rows_hook(type_name, field, value):
    assert core.detect.field_value(type_name, field, "US") == value


def _luhn(digits: str) -> bool:
    total = sum(int(c) if i % 2 == 0 else (2 * int(c) - 9 if int(c) > 4 else 2 * int(c))
                for i, c in enumerate(reversed(digits)))
    return total % 10 == 0


def test_fakers_keep_the_format_and_others_hash():
    keys = core.KeyRing({"k1": b"k" * 32}, "k1")
    assert BY_TYPE["PERSON_NAME"].fake is surrogate.hash_only
    card = surrogate.surrogate(BY_TYPE["CREDIT_CARD_NUMBER"].fake, "4111 1111 1111 1111",
                               "4111111111111111", keys)
    assert card != "4111 1111 1111 1111" and card[:7] == "4111 11" and card[-4:] == "1111"
    assert _luhn(card.replace(" ", ""))
    name = surrogate.surrogate(BY_TYPE["PERSON_NAME"].fake, "Jane Doe", "Jane Doe", keys)
    assert name.startswith("tok_") and "Jane" not in name
    # a phone that did not validate has no format to keep
    assert surrogate.phone("12345", "12345", keys).startswith("tok_")
