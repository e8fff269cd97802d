"""The `numbers` family: payment cards of every network in the issuer table and phone
numbers of many countries, written in their own ways, with their near misses."""
from __future__ import annotations

import pytest

import core
from core import _scan
from core.detect import Detection


def find(text: str, **detection) -> list[core.Entity]:
    return core.find_entities(text, Detection.create(**detection))


def found(text: str, type_name: str, **detection) -> list[str]:
    return [e.text for e in find(text, **detection) if e.type == type_name]


# ---------------------------------------------------------------- cards
# (Luhn-valid number, the same with a wrong check digit, network); one per row of
# core._scan.CARD_ISSUERS worth telling apart, at the lengths the network uses

CARDS = [
    ("4526018159087", "4526018159080", "Visa, 13 digits"),
    ("4301661318609139096", "4301661318609139099", "Visa, 19"),
    ("2720960308246289", "2720960308246282", "Mastercard 2-series"),
    ("341948219935184", "341948219935187", "American Express"),
    ("6441909378657973", "6441909378657976", "Discover 644"),
    ("6011543231948757493", "6011543231948757496", "Discover, 19"),
    ("30951186252761", "30951186252764", "Diners Club 3095"),
    ("3801895559797111", "3801895559797114", "Diners Club 38, 16"),
    ("3589471049746502", "3589471049746505", "JCB"),
    ("3528752917034236671", "3528752917034236674", "JCB, 19"),
    ("180012768426840", "180012768426843", "JCB 1800, 15"),
    ("213165632122333", "213165632122336", "JCB 2131, 15"),
    ("6207924402685995280", "6207924402685995283", "UnionPay, 19"),
    ("2204907866661768", "2204907866661761", "Mir"),
    ("2205031372159016", "2205031372159019", "BORICA"),
    ("6009281590139626", "6009281590139629", "RuPay 60"),
    ("5084595711777745", "5084595711777748", "RuPay 508"),
    ("8212154728038524", "8212154728038527", "RuPay 82"),
    ("3571118084148520", "3571118084148523", "LankaPay"),
    ("9792538885393365", "9792538885393368", "Troy"),
    ("8600338750047434", "8600338750047437", "UzCard"),
    ("9860957551313738", "9860957551313731", "Humo"),
    ("1946537990751162", "1946537990751165", "GPN"),
    ("6041000037265160", "6041000037265163", "UkrCard"),
    ("63676122202972991", "63676122202972994", "InterPayment"),
    ("6387528820018265", "6387528820018268", "InstaPayment"),
    ("6054742330434837", "6054742330434830", "NPS Pridnestrovie"),
    ("5019954862057987", "5019954862057980", "Dankort"),
    ("675968282888", "675968282881", "Maestro, 12"),
    ("5893072902227918052", "5893072902227918055", "Maestro 5893, 19"),
    ("6767708887180337", "6767708887180330", "Maestro UK"),
    ("506150401878017593", "506150401878017596", "Verve, 18"),
    ("6500108983478879", "6500108983478872", "Verve 650"),
    ("5091238384837261", "5091238384837264", "Elo"),
    ("6550301675136132", "6550301675136135", "Elo 6550"),
    ("6062824125242730", "6062824125242733", "Hipercard"),
    ("3841001672326860", "3841001672326863", "Hipercard 3841"),
]
# ranges that count only after a card word
CARDS_AFTER_A_WORD = [
    ("3508563551505876", "3508563551505879", "35 outside JCB's 3528-3589"),
    ("3508632285745304", "3508632285745307", "35 outside JCB's 3528-3589"),
    ("568470658945", "568470658948", "Maestro 56-69"),
    ("568461310043", "568461310046", "Maestro 56-69"),
    ("5099811311445", "5099811311448", "Maestro 50"),
    ("40242646288977", "40242646288970", "Visa, 14"),
    ("151402614014194", "151402614014197", "UATP"),
]
# Luhn-valid, but of a length the network does not use
CARDS_WRONG_LENGTH = [
    "3778778932879211",      # American Express is 15
    "527421809679295",       # Mastercard is 16
    "220108100339071",       # Mir is 16-19
    "97925793834701748",     # Troy is 16
    "1800681453840198",      # JCB 1800 is 15
    "3616146100334",         # Diners Club is 14-19
    "860007666193451455",    # UzCard is 16
    "406123100777",          # Visa is 13-19
    "986028378326614",       # Humo is 16
]


@pytest.mark.parametrize("number, broken, network", CARDS + CARDS_AFTER_A_WORD)
def test_card_after_a_card_word(number, broken, network):
    assert found(f"card {number}", "CREDIT_CARD_NUMBER") == [number]
    assert found(f"Please charge my credit card: {number}.", "CREDIT_CARD_NUMBER") == [number]
    assert found(f"card {broken}", "CREDIT_CARD_NUMBER") == []   # Luhn


@pytest.mark.parametrize("number, broken, network", CARDS)
def test_card_alone(number, broken, network):
    assert found(number, "CREDIT_CARD_NUMBER") == [number]
    grouped = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    assert found(f"paid with {grouped} today", "CREDIT_CARD_NUMBER") == [grouped]
    assert found(broken, "CREDIT_CARD_NUMBER") == []


@pytest.mark.parametrize("number, broken, network", CARDS_AFTER_A_WORD)
def test_broad_range_needs_a_card_word(number, broken, network):
    assert found(number, "CREDIT_CARD_NUMBER") == []
    assert found(f"order {number}", "CREDIT_CARD_NUMBER") == []


@pytest.mark.parametrize("number", CARDS_WRONG_LENGTH)
def test_card_of_a_wrong_length(number):
    assert found(f"card {number}", "CREDIT_CARD_NUMBER") == []


def test_issuer_table_rows():
    for network, first, last, lengths, needs_word in _scan.CARD_ISSUERS:
        assert first.isdigit() and len(first) == len(last) and first <= last, network
        assert lengths and all(12 <= n <= 19 for n in lengths), network


# ---------------------------------------------------------------- ID numbers from digit groups

@pytest.mark.parametrize("text", ["acct 123456789x", "account 123-456-789b", "passport 123456789_",
                                  "acct 123456789é"])
def test_id_number_ends_a_word(text):
    assert [e.type for e in find(text)] == []


@pytest.mark.parametrize("text, number", [("acct 123456789.", "123456789"),
                                          ("account: 123-456-789, thanks", "123-456-789")])
def test_id_number_before_punctuation(text, number):
    assert found(text, "US_BANK_ACCOUNT_NUMBER") == [number]
