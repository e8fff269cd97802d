"""The `numbers` family: payment cards of every network in the issuer table and phone
numbers of many countries, written in their own ways, with their near misses."""
from __future__ import annotations

import phonenumbers
import pytest

from redactd import core
from redactd.core import _scan
from redactd.core.detect import PHONE_CUE_SCORE, Detection
from redactd.core.values import phone_e164


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
    assert found(f"Maestro/Visa/JCB accepted; yours is {number}", "CREDIT_CARD_NUMBER") == [number]
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
    assert found(f"card 1234 {number}", "CREDIT_CARD_NUMBER") == []   # inside a longer run
    assert found(f"{number} card", "CREDIT_CARD_NUMBER") == []        # the word before it
    assert found(f"account number {number}", "CREDIT_CARD_NUMBER") == []
    assert found(f"card{' ' * 30}{number}", "CREDIT_CARD_NUMBER") == []  # within 32 code points


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


# ---------------------------------------------------------------- phones of many countries
# phonenumbers' example numbers (fixed line and mobile) of these regions, in every written form

REGIONS = ("AR AT AU BE BR CA CH CL CN CO CZ DE DK EG ES FI FR GB GR HK IE IL IN IT JP KE KR MX MY NG "
           "NL NO NZ PE PH PK PL PT RO RU SA SE SG TH TR TW UA US VN ZA").split()


def examples() -> list[tuple[str, str, str, str]]:
    """(region, E.164, international form, national form) of each example number."""
    out = []
    for region in REGIONS:
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(region, kind)
            out.append((region, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
                        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)))
    return out


EXAMPLES = examples()


def phone(text: str, **detection) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find(text, **detection) if e.type == "PHONE_NUMBER"]


@pytest.mark.parametrize("region, e164, intl, national", EXAMPLES)
def test_international_forms_whatever_the_region(region, e164, intl, national):
    # '+', '00' and '011' numbers are checked against their own country's plan
    for written in (e164, intl, "00" + intl[1:], "011 " + intl[1:]):
        assert phone(f"Seen {written} today") == [(written, e164)], written
        assert phone(f"Seen {written} today", region="JP" if region != "JP" else "DE") == [(written, e164)]
    # unbroken after "00" beyond 11 digits (leading zeros open many IDs): after a strong cue
    assert phone(f"Tel.: 00{e164[1:]}") == [("00" + e164[1:], e164)]
    with_extension = f"{intl} ext. 12"
    assert phone(f"Seen {with_extension} today") == [(with_extension, e164)]


@pytest.mark.parametrize("region, e164, intl, national", EXAMPLES)
def test_national_forms_in_their_region(region, e164, intl, national):
    assert phone(f"Seen {national} today", region=region) == [(national, e164)]
    # in phone_regions after the default region (US): the first region that validates wins
    first = next(v for v in (phone_e164(national, "US"), e164) if v)
    assert phone(f"Seen {national} today", phone_regions=[region]) == [(national, first)]
    assert phone(f"Seen {national} x4412", region=region) == [(f"{national} x4412", e164)]


@pytest.mark.parametrize("region, e164, intl, national", EXAMPLES)
def test_national_forms_after_a_strong_cue(region, e164, intl, national):
    # no region validates it (or the default one does): kept after a strong cue
    entities = [e for e in find(f"Mobile: {national}, thanks") if e.type == "PHONE_NUMBER"]
    assert [e.text for e in entities] == [national]
    valid_in_us = phone_e164(national, "US")
    assert entities[0].score >= (0.75 if valid_in_us else PHONE_CUE_SCORE)


TRUNK_IN_BRACKETS = [
    ("+44 (0)20 7946 0958", "+442079460958"),
    ("+49 (0)30 123456", "+4930123456"),
    ("+33(0)644444444", "+33644444444"),
    ("+39 (0)6 1234 5678", "+390612345678"),      # Italy keeps its 0: "(0)" is part of the number
    ("+880 (0)2-7111271", "+88027111271"),
    ("+81 (0)3-1234-5678", "+81312345678"),
    ("+61 (0)2 1234 5678", "+61212345678"),
]


@pytest.mark.parametrize("written, e164", TRUNK_IN_BRACKETS)
def test_trunk_prefix_in_brackets(written, e164):
    assert phone(f"Call {written} now") == [(written, e164)]


WRITTEN_WAYS = [
    # (text, region, the phone as found, its value)
    ("+49 1741234567", "US", "+49 1741234567", "+491741234567"),     # a long subscriber group
    ("+86 18911111111", "US", "+86 18911111111", "+8618911111111"),
    ("+91 9415007327", "US", "+91 9415007327", "+919415007327"),
    ("0044 07456934723", "US", "0044 07456934723", "+447456934723"),  # the trunk 0 written after the code
    ("00 971 900 2 34612", "US", "00 971 900 2 34612", "+971900234612"),
    ("011 54 9 11 2345-6786", "US", "011 54 9 11 2345-6786", "+5491123456786"),
    ("269-541-4584x068", "US", "269-541-4584x068", "+12695414584"),  # extensions are part of the span
    ("917 722 0741 #123", "US", "917 722 0741 #123", "+19177220741"),
    ("(917) 722-0741 extension 12", "US", "(917) 722-0741 extension 12", "+19177220741"),
    ("Mobile 506/312-4312", "US", "506/312-4312", "+15063124312"),    # '/' after the area code
    ("Tel. 030/123456", "DE", "030/123456", "+4930123456"),
    ("Handy: 0171/1234567", "DE", "0171/1234567", "+491711234567"),
    ("call me at 0498 33 37 76", "BE", "0498 33 37 76", "+32498333776"),
    ("(07) 4541 5079", "AU", "(07) 4541 5079", "+61745415079"),
    ("03.98.18.21.22-Office", "FR", "03.98.18.21.22", "+33398182122"),
    ("My Japanese number is 090-1234-5678", "JP", "090-1234-5678", "+819012345678"),
    ("My CN number is 13812345678", "CN", "13812345678", "+8613812345678"),
    ("Tel +6837072", "US", "+6837072", "+6837072"),                  # Niue: seven digits in all
    ("Delhi office: 011 2345 6789", "IN", "011 2345 6789", "+911123456789"),  # 011 as a trunk and area
]


@pytest.mark.parametrize("text, region, written, value", WRITTEN_WAYS)
def test_written_ways(text, region, written, value):
    assert phone(text, region=region) == [(written, value)]


STRONG_CUES = [
    # (text, the phone as found, its value): no plan of the default region validates these
    ("Mobile: 95 873333", "95 873333", "95873333"),
    ("Fax: 097.751.1495x969", "097.751.1495x969", "0977511495"),
    ("call me at 0498 33 37 76", "0498 33 37 76", "0498333776"),
    ("My Japanese number is 090-1234-5678", "090-1234-5678", "09012345678"),
    ("my number is 1234567.", "1234567", "1234567"),
    ("Tel. no. 12 34 56 78", "12 34 56 78", "12345678"),
    ("Mob 06 12345678", "06 12345678", "0612345678"),
    ("WhatsApp: 0612 345 678", "0612 345 678", "0612345678"),
    ("text me on 555 1234", "555 1234", "5551234"),
    ("phone 722-0741", "722-0741", "7220741"),                     # no area code
    ("CELL - 0612 345 678", "0612 345 678", "0612345678"),
    ("Phone number is (0612) 345678", "(0612) 345678", "0612345678"),
    ("+41 (0)86 287 44 63", "+41 (0)86 287 44 63", "+41862874463"),  # '+', a possible Swiss length
]


@pytest.mark.parametrize("text, written, value", STRONG_CUES)
def test_strong_cue_keeps_an_unvalidated_number(text, written, value):
    (e,) = [e for e in find(text) if e.type == "PHONE_NUMBER"]
    assert (e.text, e.value) == (written, value)
    assert e.score == pytest.approx(PHONE_CUE_SCORE)


PHONE_NEAR_MISSES = [
    "order 4915112345678 shipped",             # veto words
    "invoice: +49 1741234567",
    "Ticket 0498 33 37 76",
    "my order number is 0498333776",
    "my account number is 0498-333-776",       # an account number, not a phone
    "Tel: 12.05.2020",                          # dates, times, amounts after a cue
    "Mobile: 2020-05-12",
    "call me at 10:30",
    "call me at 10:30:45",
    "Phone: $ 12 345 678",
    "Phone: 12 345 678 EUR",
    "Fax: 12 345 678,50",
    "Mobile: 1 250 000 €",
    "total 12 345 678",                         # no cue, no plan
    "1234567",
    "12345678",
    "version 10.0.19041.1234",                   # versions, IPs, ISBNs
    "v 2.14.1234.5678",
    "host 192.168.100.200",
    "ISBN 978-3-16-148410-0",
    "ISBN 0-306-40615-2",
    "id 123456789012345678901234",               # a long digit run
    "9400 1869 1413 8388 9976 29",
    "917/722/0741",                              # '/' twice: a date's separator
    "1 2 3 4 5 6 7 8",                           # single digits
    "+1 234",                                    # too short
    "my lucky number is 1234567",
    "call 911",
]


@pytest.mark.parametrize("text", PHONE_NEAR_MISSES)
def test_phone_near_miss(text):
    assert phone(text) == []
    assert phone(text, phone_regions=["DE", "FR", "BE", "GB", "IN"]) == []


@pytest.mark.parametrize("text", ["Mobilephone 95 873333", "xMobile: 95 873333", "Mobile2: 95 873333",
                                  "number is 95 873333", "the order is 95 873333",
                                  "call them at 95 873333", "Tel\n95 873333"])
def test_no_strong_cue(text):
    assert phone(text) == []


@pytest.mark.parametrize("text, region", [
    ("30 123456", "DE"),                    # written without the trunk 0 its region writes
    ("12 345 678", "BE"),
    ("20 7946 0958", "GB"),
    ("498 33 37 76", "BE"),
])
def test_national_number_without_its_trunk_prefix(text, region):
    assert phone(f"seen {text} today", region=region) == []


def test_phone_regions_are_checked():
    with pytest.raises(ValueError, match="phone_regions: 'XX'"):
        Detection.create(phone_regions=["DE", "XX"])
    d = Detection.create(region="fr", phone_regions=["de", "FR", "be"])
    assert d.region == "FR" and d.phone_regions == ("DE", "FR", "BE")
    assert d.national_regions == ("FR", "DE", "BE")


def test_surrogate_keeps_the_extension_and_fakes_the_number():
    keys = core.KeyRing({"k1": b"k" * 32}, "k1")
    redaction = core.Redaction(operators={"PHONE_NUMBER": core.Surrogate()}, keys=keys)
    out, (f,) = core.redact_text("call 269-541-4584x068 now", Detection.create(), redaction)
    fake = f.replacement
    assert fake.endswith("x068") and fake[:8] == "269-541-" and fake != "269-541-4584x068"
    assert phone_e164(fake[:-4], "US") is not None
