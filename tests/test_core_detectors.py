"""Table-driven tests of every detector through core.find_entities, plus
filtering, Detection.create validation and core._mask.mask."""
from __future__ import annotations

import pytest

from redactd import core
from redactd.core import _mask
from redactd.core.detect import Detection
from redactd.core.redact import Mask, Redaction


def find(text: str, **detection) -> list[core.Entity]:
    return core.find_entities(text, Detection.create(**detection))


def summary(entities) -> list[tuple[str, str, str]]:
    return [(e.type, e.text, e.value) for e in entities]


# ---------------------------------------------------------------- positives
# (text, type, the exact matched text, normalised value); the text holds one entity

POSITIVES = [
    # cards: digits only as the value; Luhn + issuer prefix + issuer length
    ("4111111111111111", "CREDIT_CARD_NUMBER", "4111111111111111", "4111111111111111"),
    ("pay with 4111 1111 1111 1111 today", "CREDIT_CARD_NUMBER", "4111 1111 1111 1111", "4111111111111111"),
    ("4111-1111-1111-1111", "CREDIT_CARD_NUMBER", "4111-1111-1111-1111", "4111111111111111"),
    ("visa 4222222222222", "CREDIT_CARD_NUMBER", "4222222222222", "4222222222222"),  # 13-digit Visa
    ("5555 5555 5555 4444", "CREDIT_CARD_NUMBER", "5555 5555 5555 4444", "5555555555554444"),  # Mastercard
    ("2223003122003222", "CREDIT_CARD_NUMBER", "2223003122003222", "2223003122003222"),  # Mastercard 2-series
    ("amex 3782 822463 10005.", "CREDIT_CARD_NUMBER", "3782 822463 10005", "378282246310005"),
    ("371449635398431", "CREDIT_CARD_NUMBER", "371449635398431", "371449635398431"),
    ("6011 1111 1111 1117", "CREDIT_CARD_NUMBER", "6011 1111 1111 1117", "6011111111111117"),  # Discover
    ("3530-1113-3330-0000", "CREDIT_CARD_NUMBER", "3530-1113-3330-0000", "3530111333300000"),  # JCB
    ("30569309025904", "CREDIT_CARD_NUMBER", "30569309025904", "30569309025904"),  # Diners, 14 digits
    ("6759 6498 2643 8453", "CREDIT_CARD_NUMBER", "6759 6498 2643 8453", "6759649826438453"),  # Maestro
    ("(4111 1111 1111 1111)", "CREDIT_CARD_NUMBER", "4111 1111 1111 1111", "4111111111111111"),
    ("…4111111111111111…", "CREDIT_CARD_NUMBER", "4111111111111111", "4111111111111111"),  # punctuation
    # SSN: formatted 3-2-4 needs no context; a bare 9-digit run needs a context word
    ("123-45-6789", "SSN", "123-45-6789", "123456789"),
    ("id 123 45 6789.", "SSN", "123 45 6789", "123456789"),
    ("123.45.6789", "SSN", "123.45.6789", "123456789"),
    ("123-45-6789 01", "SSN", "123-45-6789", "123456789"),  # a separate number after a space
    ("ssn 123456789", "SSN", "123456789", "123456789"),
    ("SSN: 123456780", "SSN", "123456780", "123456780"),
    ("social security number is 234567890", "SSN", "234567890", "234567890"),
    ("123456789 (ssn)", "SSN", "123456789", "123456789"),  # context after the number
    # phones: E.164 values, validated by phonenumbers (default region US)
    ("call (917) 722-0741", "PHONE_NUMBER", "(917) 722-0741", "+19177220741"),
    ("917-722-0741", "PHONE_NUMBER", "917-722-0741", "+19177220741"),
    ("917.722.0741", "PHONE_NUMBER", "917.722.0741", "+19177220741"),
    ("917 722 0741", "PHONE_NUMBER", "917 722 0741", "+19177220741"),
    ("(917)722-0741", "PHONE_NUMBER", "(917)722-0741", "+19177220741"),
    ("1-917-722-0741", "PHONE_NUMBER", "1-917-722-0741", "+19177220741"),
    ("+1 917 722 0741", "PHONE_NUMBER", "+1 917 722 0741", "+19177220741"),
    ("+1-917-722-0741", "PHONE_NUMBER", "+1-917-722-0741", "+19177220741"),
    ("+1 (917) 722-0741", "PHONE_NUMBER", "+1 (917) 722-0741", "+19177220741"),
    ("19177220741", "PHONE_NUMBER", "19177220741", "+19177220741"),
    ("917 722 0741 ext 5", "PHONE_NUMBER", "917 722 0741 ext 5", "+19177220741"),  # the extension too
    ("917-722-0741 12 items", "PHONE_NUMBER", "917-722-0741", "+19177220741"),  # longest valid candidate
    ("+44 20 7946 0958", "PHONE_NUMBER", "+44 20 7946 0958", "+442079460958"),
    ("+44 (0)20 7946 0958", "PHONE_NUMBER", "+44 (0)20 7946 0958", "+442079460958"),
    ("tel: +49 30 123456", "PHONE_NUMBER", "+49 30 123456", "+4930123456"),
    ("+91 74104 10123", "PHONE_NUMBER", "+91 74104 10123", "+917410410123"),
    ("+81 90-1234-5678", "PHONE_NUMBER", "+81 90-1234-5678", "+819012345678"),
    ("+33 1 23 45 67 89", "PHONE_NUMBER", "+33 1 23 45 67 89", "+33123456789"),  # one-digit area code
    ("+81 3-1234-5678", "PHONE_NUMBER", "+81 3-1234-5678", "+81312345678"),
    ("my cell is 0044 20 7946 0958", "PHONE_NUMBER", "0044 20 7946 0958", "+442079460958"),
    ("the build server 10.1.2.3 is down", "IP_ADDRESS", "10.1.2.3", "10.1.2.3"),  # veto words only just before
    # email: lower-cased value
    ("mail John.Doe@Example.COM now", "EMAIL_ADDRESS", "John.Doe@Example.COM", "john.doe@example.com"),
    ("x+tag@mail.example.co.uk.", "EMAIL_ADDRESS", "x+tag@mail.example.co.uk", "x+tag@mail.example.co.uk"),
    ("<a_b%c-d@a-b.io>", "EMAIL_ADDRESS", "a_b%c-d@a-b.io", "a_b%c-d@a-b.io"),
    ("mailto:x@example.com", "EMAIL_ADDRESS", "x@example.com", "x@example.com"),
    # IBAN: spaces removed, upper case
    ("IBAN GB82 WEST 1234 5698 7654 32", "IBAN", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
    ("DE89370400440532013000", "IBAN", "DE89370400440532013000", "DE89370400440532013000"),
    ("gb82west12345698765432", "IBAN", "gb82west12345698765432", "GB82WEST12345698765432"),
    ("BE68 5390 0754 7034", "IBAN", "BE68 5390 0754 7034", "BE68539007547034"),  # last group full
    ("NO9386011117947.", "IBAN", "NO9386011117947", "NO9386011117947"),  # shortest (15)
    # routing numbers: ABA checksum and a context word, required
    ("routing 021000021", "US_BANK_ROUTING_NUMBER", "021000021", "021000021"),
    ("ABA: 011000015", "US_BANK_ROUTING_NUMBER", "011000015", "011000015"),
    ("routing number 123456780", "US_BANK_ROUTING_NUMBER", "123456780", "123456780"),
    # IP addresses: value as Python's ipaddress prints it
    ("192.168.0.1", "IP_ADDRESS", "192.168.0.1", "192.168.0.1"),
    ("10.0.0.1:8080", "IP_ADDRESS", "10.0.0.1", "10.0.0.1"),
    ("host 1.2.3.4.", "IP_ADDRESS", "1.2.3.4", "1.2.3.4"),
    ("0.0.0.0", "IP_ADDRESS", "0.0.0.0", "0.0.0.0"),
    ("255.255.255.255", "IP_ADDRESS", "255.255.255.255", "255.255.255.255"),
    ("2001:db8::1", "IP_ADDRESS", "2001:db8::1", "2001:db8::1"),
    ("2001:0db8:0000:0000:0000:ff00:0042:8329", "IP_ADDRESS", "2001:0db8:0000:0000:0000:ff00:0042:8329",
     "2001:db8::ff00:42:8329"),
    ("FE80::1", "IP_ADDRESS", "FE80::1", "fe80::1"),
    ("fe80::1%eth0", "IP_ADDRESS", "fe80::1", "fe80::1"),
    ("server ::1", "IP_ADDRESS", "::1", "::1"),
    ("1::", "IP_ADDRESS", "1::", "1::"),
    ("::ffff:192.0.2.1", "IP_ADDRESS", "::ffff:192.0.2.1", "::ffff:c000:201"),
    ("1:2:3:4:5:6:1.2.3.4", "IP_ADDRESS", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
    ("x 2001:db8::1/64", "IP_ADDRESS", "2001:db8::1", "2001:db8::1"),
    # URLs: trailing sentence punctuation and unbalanced closers dropped
    ("https://example.com", "URL", "https://example.com", "https://example.com"),
    ("see www.example.com.", "URL", "www.example.com", "www.example.com"),
    ("(http://x.org/y)", "URL", "http://x.org/y", "http://x.org/y"),
    ("https://en.wikipedia.org/wiki/Foo_(bar)).", "URL", "https://en.wikipedia.org/wiki/Foo_(bar)",
     "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ("ftp://files.example.org/x?y=1;", "URL", "ftp://files.example.org/x?y=1", "ftp://files.example.org/x?y=1"),
    ("HTTP://EXAMPLE.COM/", "URL", "HTTP://EXAMPLE.COM/", "HTTP://EXAMPLE.COM/"),
    ("visit http://[2001:db8::1]:8080/x!", "URL", "http://[2001:db8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ("sftp://host.example", "URL", "sftp://host.example", "sftp://host.example"),
    ("ws://a.io, then", "URL", "ws://a.io", "ws://a.io"),
    ("https://example.com/路径/é?q=☃", "URL", "https://example.com/路径/é?q=☃",
     "https://example.com/路径/é?q=☃"),  # non-ASCII path characters belong to the URL
    # dates: ISO 8601 values, '--MM-DD' without a year, 'YYYY-MM' without a day (region US: month first)
    ("1982-10-03", "DATE", "1982-10-03", "1982-10-03"),
    ("10/03/1982", "DATE", "10/03/1982", "1982-10-03"),
    ("10/3/82", "DATE", "10/3/82", "1982-10-03"),
    ("1/2/24", "DATE", "1/2/24", "2024-01-02"),
    ("3.10.1982", "DATE", "3.10.1982", "1982-10-03"),  # dots: day first in every locale
    ("13/10/1982", "DATE", "13/10/1982", "1982-10-13"),  # 13 cannot be a month
    ("10-03-1982", "DATE", "10-03-1982", "1982-10-03"),
    ("2020-1-2", "DATE", "2020-1-2", "2020-01-02"),
    ("1999/12/31", "DATE", "1999/12/31", "1999-12-31"),
    ("02/29/2020", "DATE", "02/29/2020", "2020-02-29"),  # leap year
    ("October 3, 1982", "DATE", "October 3, 1982", "1982-10-03"),
    ("3rd of October 1982", "DATE", "3rd of October 1982", "1982-10-03"),
    ("3 Oct 1982", "DATE", "3 Oct 1982", "1982-10-03"),
    ("Sept. 3, 1982", "DATE", "Sept. 3, 1982", "1982-09-03"),
    ("Oct. 3rd, 1982", "DATE", "Oct. 3rd, 1982", "1982-10-03"),
    ("JAN 1ST, 2000", "DATE", "JAN 1ST, 2000", "2000-01-01"),
    ("Oct 3rd", "DATE", "Oct 3rd", "--10-03"),
    ("3 Oct", "DATE", "3 Oct", "--10-03"),
    ("Feb 29", "DATE", "Feb 29", "--02-29"),  # no year: the 29th may exist
    ("October 1982", "DATE", "October 1982", "1982-10"),
    ("31 Apr 2020", "DATE", "Apr 2020", "2020-04"),  # no 31st: only the month and year
    ("since 1999-12-31", "DATE", "1999-12-31", "1999-12-31"),
    # dates of birth: a birth word before the date
    ("born 10/03/1982", "DATE_OF_BIRTH", "10/03/1982", "1982-10-03"),
    ("DOB: Oct. 3, 1982", "DATE_OF_BIRTH", "Oct. 3, 1982", "1982-10-03"),
    ("Born on October 3, 1982", "DATE_OF_BIRTH", "October 3, 1982", "1982-10-03"),
    ("birthday: 3 Oct", "DATE_OF_BIRTH", "3 Oct", "--10-03"),
    ("date of birth 1982-10-03", "DATE_OF_BIRTH", "1982-10-03", "1982-10-03"),
    # card expiry: context required (before, 24 code points); value YYYY-MM
    ("exp 04/27", "CREDIT_CARD_EXPIRATION", "04/27", "2027-04"),
    ("Expires 04/2027.", "CREDIT_CARD_EXPIRATION", "04/2027", "2027-04"),
    ("expiry: 12-29", "CREDIT_CARD_EXPIRATION", "12-29", "2029-12"),
    ("exp 4/27", "CREDIT_CARD_EXPIRATION", "4/27", "2027-04"),
    ("valid thru 01/30", "CREDIT_CARD_EXPIRATION", "01/30", "2030-01"),
    ("GOOD THRU 11/2031", "CREDIT_CARD_EXPIRATION", "11/2031", "2031-11"),
    ("expiration date: 09-2028", "CREDIT_CARD_EXPIRATION", "09-2028", "2028-09"),
    ("expiry date April 2027", "CREDIT_CARD_EXPIRATION", "April 2027", "2027-04"),
    ("exp. Apr 27", "CREDIT_CARD_EXPIRATION", "Apr 27", "2027-04"),
    ("expires Sept. 30", "CREDIT_CARD_EXPIRATION", "Sept. 30", "2030-09"),
    ("card exp (04/27)", "CREDIT_CARD_EXPIRATION", "04/27", "2027-04"),
    # CVV: a lone 3-4 digit number with a context word close before it
    ("cvv 123", "CREDIT_CARD_CVV", "123", "123"),
    ("CVV2: 0421", "CREDIT_CARD_CVV", "0421", "0421"),
    ("CVC=987.", "CREDIT_CARD_CVV", "987", "987"),
    ("security code 987", "CREDIT_CARD_CVV", "987", "987"),
    ("card verification value: 4321", "CREDIT_CARD_CVV", "4321", "4321"),
    ("amex CID 1234", "CREDIT_CARD_CVV", "1234", "1234"),
    # age: a number 0-130 in "N years old" forms, or after age/aged/turned
    ("he is 42 years old", "AGE", "42", "42"),
    ("a 42-year-old man", "AGE", "42", "42"),
    ("a 42 year old", "AGE", "42", "42"),
    ("7 Years-Old", "AGE", "7", "7"),
    ("age 42", "AGE", "42", "42"),
    ("Aged 0", "AGE", "0", "0"),
    ("age: 130.", "AGE", "130", "130"),
    ("she turned 42 today", "AGE", "42", "42"),
    # SWIFT/BIC: upper case, ISO country; without context it must hold a digit
    ("SWIFT DEUTDEFF", "SWIFT_CODE", "DEUTDEFF", "DEUTDEFF"),
    ("bic: DEUTDEFF500.", "SWIFT_CODE", "DEUTDEFF500", "DEUTDEFF500"),
    ("pay BOFAUS3N now", "SWIFT_CODE", "BOFAUS3N", "BOFAUS3N"),
    ("NWBKGB2LXXX", "SWIFT_CODE", "NWBKGB2LXXX", "NWBKGB2LXXX"),
    ("CHASUS33", "SWIFT_CODE", "CHASUS33", "CHASUS33"),
    ("bank code COBADEFFXXX", "SWIFT_CODE", "COBADEFFXXX", "COBADEFFXXX"),
    ("DEUTDEFF (BIC)", "SWIFT_CODE", "DEUTDEFF", "DEUTDEFF"),  # context after
    # PIN: a lone 4-6 digit number with "pin" close before it
    ("pin 1234", "CREDIT_CARD_PIN", "1234", "1234"),
    ("PIN code: 004521", "CREDIT_CARD_PIN", "004521", "004521"),
    ("your pin number is 98765.", "CREDIT_CARD_PIN", "98765", "98765"),
]


def test_cvv_or_pin_by_the_nearer_context_word():
    assert summary(find("CVV 123, PIN 4821")) == [("CREDIT_CARD_CVV", "123", "123"),
                                                  ("CREDIT_CARD_PIN", "4821", "4821")]
    assert summary(find("PIN 4821, CVV 5678")) == [("CREDIT_CARD_PIN", "4821", "4821"),
                                                   ("CREDIT_CARD_CVV", "5678", "5678")]
    assert summary(find("pin or cvv: 1234")) == [("CREDIT_CARD_CVV", "1234", "1234")]  # a tie


@pytest.mark.parametrize("text, type_name, matched, value", POSITIVES)
def test_positive(text, type_name, matched, value):
    entities = find(text)
    assert summary(entities) == [(type_name, matched, value)]
    e = entities[0]
    assert text[e.start:e.end] == matched
    assert 0 < e.score <= 1


REGIONAL = [
    ("03/10/1982", "GB", "DATE", "03/10/1982", "1982-10-03"),   # day first outside the US
    ("03/10/1982", "US", "DATE", "03/10/1982", "1982-03-10"),
    ("03/10/1982", "CA", "DATE", "03/10/1982", "1982-03-10"),
    ("3.10.1982", "DE", "DATE", "3.10.1982", "1982-10-03"),
    ("020 7946 0958", "GB", "PHONE_NUMBER", "020 7946 0958", "+442079460958"),
    ("030 123456", "DE", "PHONE_NUMBER", "030 123456", "+4930123456"),
]


@pytest.mark.parametrize("text, region, type_name, matched, value", REGIONAL)
def test_region(text, region, type_name, matched, value):
    assert summary(find(text, region=region)) == [(type_name, matched, value)]


# ---------------------------------------------------------------- negatives
# (text, type that must not be found); checked with all types on and with only that type on

NEGATIVES = [
    ("4111 1111 1111 1112", "CREDIT_CARD_NUMBER"),       # wrong Luhn
    ("4111111111111112", "CREDIT_CARD_NUMBER"),
    ("1234567812345670", "CREDIT_CARD_NUMBER"),          # Luhn-valid, no issuer
    ("411111111111111", "CREDIT_CARD_NUMBER"),           # Visa is 13, 16 or 19 digits
    ("37828224631000", "CREDIT_CARD_NUMBER"),            # Amex is 15
    ("x4111111111111111", "CREDIT_CARD_NUMBER"),         # inside a word
    ("4111111111111111x", "CREDIT_CARD_NUMBER"),
    ("é4111111111111111", "CREDIT_CARD_NUMBER"),         # a letter is a letter, ASCII or not
    ("4111111111111111☃", "CREDIT_CARD_NUMBER"),
    ("😀4111111111111111", "CREDIT_CARD_NUMBER"),
    ("4111-1111-1111-1111-1", "CREDIT_CARD_NUMBER"),     # part of a longer number
    ("24111111111111111", "CREDIT_CARD_NUMBER"),
    ("4111.1111.1111.1111", "CREDIT_CARD_NUMBER"),       # dots don't group cards
    ("+4111111111111111", "CREDIT_CARD_NUMBER"),
    ("000-12-3456", "SSN"),                              # area 000
    ("666-12-3456", "SSN"),                              # area 666
    ("900-12-3456", "SSN"),                              # area 9xx
    ("999-12-3456", "SSN"),
    ("123-00-4567", "SSN"),                              # group 00
    ("123-45-0000", "SSN"),                              # serial 0000
    ("078-05-1120", "SSN"),                              # the Woolworth card
    ("987-65-4321", "SSN"),                              # advertising range
    ("123-45-6789-01", "SSN"),                           # inside a longer number
    ("123-45-67890", "SSN"),
    ("x123-45-6789", "SSN"),
    ("123-45-6789x", "SSN"),
    ("123-45 6789", "SSN"),                              # mixed separators
    ("123456789", "SSN"),                                # bare nine digits, no context
    ("ssn 000123456", "SSN"),
    ("ssn 1234567890", "SSN"),
    ("ssnx 123456789", "SSN"),                           # not a whole context word
    ("021000021", "US_BANK_ROUTING_NUMBER"),             # no context
    ("123456780", "US_BANK_ROUTING_NUMBER"),
    ("routing 021000022", "US_BANK_ROUTING_NUMBER"),     # wrong checksum
    ("routing 991000027", "US_BANK_ROUTING_NUMBER"),     # no Federal Reserve prefix 99
    ("ssn 123456780", "US_BANK_ROUTING_NUMBER"),         # SSN context is not routing context
    ("seen 722-0741", "PHONE_NUMBER"),                   # no area code, no strong cue
    ("555 123 4567", "PHONE_NUMBER"),                    # not a valid number
    ("12345", "PHONE_NUMBER"),
    ("total $91775.99 due", "PHONE_NUMBER"),              # an amount, not a phone
    ("order 9177220 shipped", "PHONE_NUMBER"),            # seven bare digits
    ("deploying build version 4.18.14.13", "IP_ADDRESS"),  # a version, not an address
    ("firmware: 2.0.1.7", "IP_ADDRESS"),
    ("917/722/0741", "PHONE_NUMBER"),                    # '/' joins dates, not phones
    ("ab917-722-0741", "PHONE_NUMBER"),
    ("a@b", "EMAIL_ADDRESS"),
    ("a@b.c", "EMAIL_ADDRESS"),                          # one-letter TLD
    ("a.@example.com", "EMAIL_ADDRESS"),                 # local part ends with '.'
    ("a@-ex.com", "EMAIL_ADDRESS"),
    ("a@ex-.com", "EMAIL_ADDRESS"),
    ("a@ex.c0m", "EMAIL_ADDRESS"),                       # TLD letters only
    ("a@ex..com", "EMAIL_ADDRESS"),
    ("a@example.com@x", "EMAIL_ADDRESS"),
    ("a@example.comé", "EMAIL_ADDRESS"),
    ("GB82 WEST 1234 5698 7654 33", "IBAN"),             # wrong checksum
    ("GB83WEST12345698765432", "IBAN"),
    ("GB82WEST1234569876543", "IBAN"),                   # one short
    ("GB82WEST123456987654321", "IBAN"),                 # one long
    ("XX82WEST12345698765432", "IBAN"),                  # no such country
    ("GB82 WEST12345698765432", "IBAN"),                 # grouping broken
    ("GB82-WEST-1234-5698-7654-32", "IBAN"),
    ("256.1.1.1", "IP_ADDRESS"),                         # octet 256
    ("1.2.3.4.5", "IP_ADDRESS"),                         # five parts
    ("1.2.3", "IP_ADDRESS"),
    ("01.2.3.4", "IP_ADDRESS"),                          # leading zero
    ("1.2.3.04", "IP_ADDRESS"),
    ("a.1.2.3.4", "IP_ADDRESS"),
    ("1.2.3.4x", "IP_ADDRESS"),
    ("1:2:3:4:5:6:7:8:9", "IP_ADDRESS"),                 # nine groups
    ("1:2:3:4:5:6:7", "IP_ADDRESS"),                     # seven, no '::'
    ("1::2::3", "IP_ADDRESS"),                           # two '::'
    ("12345::1", "IP_ADDRESS"),                          # five hex digits
    ("key :: value", "IP_ADDRESS"),                     # "::" between words
    ("std::vector", "IP_ADDRESS"),
    ("http://", "URL"),
    ("http://-x.com", "URL"),
    ("httpx://a.com", "URL"),
    ("http:/example.com", "URL"),
    ("xhttp://example.com", "URL"),
    ("www.[::1]", "URL"),                                # brackets only after a scheme
    ("02/30/2020", "DATE"),                              # no such day
    ("2/29/2021", "DATE"),                               # not a leap year
    ("Feb 29, 2023", "DATE"),
    ("Feb 30", "DATE"),
    ("13/13/2020", "DATE"),
    ("0/1/2020", "DATE"),
    ("2020-13-01", "DATE"),
    ("1982-10-03-01", "DATE"),                           # inside a longer number
    ("10/03/1982x", "DATE"),
    ("1.3.82", "DATE"),                                  # one-digit day and month, dotted: a version unless after a date word
    ("Mayday 3", "DATE"),                                # not a whole month name
    ("Ju 3", "DATE"),
    ("03/10/0999", "DATE"),                              # years 1000-2999
    ("born 10/03/1982", "DATE"),                         # a DATE_OF_BIRTH instead
    ("10/03/1982 born", "DATE_OF_BIRTH"),                # birth words count only before
    ("04/27", "CREDIT_CARD_EXPIRATION"),                 # no context
    ("3/4 cup", "CREDIT_CARD_EXPIRATION"),
    ("scored 10/2020", "CREDIT_CARD_EXPIRATION"),        # MM/YYYY needs context too
    ("April 2027", "CREDIT_CARD_EXPIRATION"),
    ("exp 13/27", "CREDIT_CARD_EXPIRATION"),             # month 13
    ("exp 00/27", "CREDIT_CARD_EXPIRATION"),
    ("exp 04/1999", "CREDIT_CARD_EXPIRATION"),           # years 2000-2099
    ("exp 04/271", "CREDIT_CARD_EXPIRATION"),
    ("exp 04.27", "CREDIT_CARD_EXPIRATION"),             # '/' or '-' only
    ("exp 04/27/2027", "CREDIT_CARD_EXPIRATION"),        # a full date
    ("exp 04/27x", "CREDIT_CARD_EXPIRATION"),
    ("expx 04/27", "CREDIT_CARD_EXPIRATION"),            # not a whole context word
    ("04/27 exp", "CREDIT_CARD_EXPIRATION"),             # context counts only before
    ("exp" + " " * 30 + "04/27", "CREDIT_CARD_EXPIRATION"),  # too far
    ("exp Apr 27th", "CREDIT_CARD_EXPIRATION"),
    ("exp Mayday 27", "CREDIT_CARD_EXPIRATION"),
    ("123", "CREDIT_CARD_CVV"),                          # never without context
    ("cvv 12", "CREDIT_CARD_CVV"),                       # 3-4 digits
    ("cvv 12345", "CREDIT_CARD_CVV"),
    ("cvv 123-456", "CREDIT_CARD_CVV"),                  # not a lone number
    ("cvv 1.23", "CREDIT_CARD_CVV"),
    ("cvv 123x", "CREDIT_CARD_CVV"),
    ("123 cvv", "CREDIT_CARD_CVV"),                      # context counts only before
    ("cvv" + " " * 30 + "123", "CREDIT_CARD_CVV"),
    ("42", "AGE"),
    ("42 years", "AGE"),
    ("42 years older", "AGE"),
    ("42 old years", "AGE"),
    ("age 131", "AGE"),                                  # 0-130
    ("age 042", "AGE"),                                  # no leading zero
    ("age 12:30", "AGE"),                                # a time
    ("turned 10:45:30", "AGE"),
    ("pin 1234:5", "CREDIT_CARD_PIN"),
    ("age 42.5", "AGE"),
    ("page 42", "AGE"),                                  # a longer word
    ("age" + " " * 10 + "42", "AGE"),                    # the word within 10 code points
    ("DEUTDEFF", "SWIFT_CODE"),                          # no digit, no context
    ("BUSINESS", "SWIFT_CODE"),
    ("swift deutdeff", "SWIFT_CODE"),                    # upper case only
    ("swift DEUTXXFF", "SWIFT_CODE"),                    # no country XX
    ("DEUTDEFF5", "SWIFT_CODE"),                         # 9 characters
    ("DEUTDEFF5001", "SWIFT_CODE"),                      # 12
    ("DEU1DEFF500", "SWIFT_CODE"),                       # bank code letters only
    ("xDEUTDEFF500", "SWIFT_CODE"),
    ("DEUTDEFF500_", "SWIFT_CODE"),
    ("1234", "CREDIT_CARD_PIN"),
    ("pin 123", "CREDIT_CARD_PIN"),                      # 4-6 digits
    ("pin 1234567", "CREDIT_CARD_PIN"),
    ("spin 1234", "CREDIT_CARD_PIN"),
    ("1234 pin", "CREDIT_CARD_PIN"),
]


@pytest.mark.parametrize("text, type_name", NEGATIVES)
def test_negative(text, type_name):
    assert type_name not in [e.type for e in find(text)]
    if type_name != "DATE" or "born" not in text:
        assert find(text, entity_types=[type_name]) == []


def test_partial_year_is_not_reported():
    # "1st," is no year: the date is the month and day only (not year 0001)
    assert summary(find("January 1st, 1982é")) == [("DATE", "January 1st", "--01-01")]
    assert summary(find("Oct 3, 2000,000")) == [("DATE", "Oct 3", "--10-03")]


# ---------------------------------------------------------------- scores and context

SCORES = [
    ("4111111111111111", 0.95),
    ("card 4111111111111111", 1.0),             # boosted, capped at 1
    ("123-45-6789", 0.85),
    ("SSN 123-45-6789", 0.95),
    ("ssn 123456789", 0.95),                    # context required and found
    ("917-722-0741", 0.75),
    ("call 917-722-0741", 0.9),
    ("917-722-0741 (mobile)", 0.9),             # context after
    ("a@example.com", 1.0),
    ("routing 021000021", 0.95),
    ("1.2.3.4", 0.85),
    ("server 1.2.3.4", 0.95),
    ("server ::1", 0.95),                       # every IPv6 form looks for context
    ("server fe80::1", 0.95),
    ("server 2001:db8::1", 0.95),
    ("https://a.io", 0.9),
    ("visit https://a.io", 0.95),
    ("1982-10-03", 0.8),
    ("dated 1982-10-03", 0.85),
    ("born 1982-10-03", 0.95),
    ("Oct 3 1982 birthday", 0.8),               # DATE_OF_BIRTH context is before only
    ("exp 04/27", 0.95),                        # context required and found
    ("cvv 123", 0.95),
    ("pin 1234", 0.95),
    ("42 years old", 0.8),
    ("age 42", 0.9),
    ("BOFAUS3N", 0.85),
    ("swift BOFAUS3N", 0.95),
]


@pytest.mark.parametrize("text, score", SCORES)
def test_score(text, score):
    (e,) = find(text)
    assert e.score == pytest.approx(score, abs=1e-6)


def test_context_window_and_whole_words():
    far = "ssn" + " " * 60 + "123456789"          # beyond the 48 code points before
    assert find(far) == []
    near = "ssn" + " " * 40 + "123456789"
    assert summary(find(near)) == [("SSN", "123456789", "123456789")]
    assert find("mssn 123456789") == []            # a longer word is a different word
    assert summary(find("SSN#123456789")) == [("SSN", "123456789", "123456789")]


def test_long_url_keeps_its_score_across_pieces():
    url = "https://example.com/" + "a" * 400
    entities = find("visit " + url)
    assert {e.type for e in entities} == {"URL"}
    assert "".join(e.text for e in entities) == url
    assert len(entities) > 1 and all(e.score == pytest.approx(0.95) for e in entities)
    # so min_score keeps or drops the whole URL, never only its tail
    kept = find("visit " + url, min_score=0.92)
    assert "".join(e.text for e in kept) == url


# ---------------------------------------------------------------- overlaps

def test_leftmost_wins_and_no_overlap():
    entities = find("call 917 722 0741 1982-10-03")
    assert summary(entities) == [("PHONE_NUMBER", "917 722 0741", "+19177220741"),
                                 ("DATE", "1982-10-03", "1982-10-03")]
    # the shorter phone candidates inside the chosen one are dropped
    assert summary(find("+1 917 722 0741")) == [("PHONE_NUMBER", "+1 917 722 0741", "+19177220741")]


def test_longest_match_at_a_start_wins():
    # an SSN shape would fit the first three groups of a card; the card is longer
    assert [e.type for e in find("4111 1111 1111 1111")] == ["CREDIT_CARD_NUMBER"]
    # a written date and a numeric one: the longer
    assert summary(find("3 Oct 1982")) == [("DATE", "3 Oct 1982", "1982-10-03")]


def test_bare_nine_digits_routing_or_ssn_by_context():
    assert [e.type for e in find("routing 123456780")] == ["US_BANK_ROUTING_NUMBER"]
    assert [e.type for e in find("ssn 123456780")] == ["SSN"]
    assert find("123456780") == []


def test_entities_sorted_and_disjoint():
    text = ("Contact john@example.com or (917) 722-0741, card 4111-1111-1111-1111, SSN 123-45-6789, "
            "born 1982-10-03, https://x.org/a(b)). IP 10.0.0.1, IBAN DE89370400440532013000.")
    entities = find(text)
    assert [e.type for e in entities] == [
        "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD_NUMBER", "SSN", "DATE_OF_BIRTH", "URL",
        "IP_ADDRESS", "IBAN"]
    for a, b in zip(entities, entities[1:]):
        assert a.end <= b.start
    assert all(text[e.start:e.end] == e.text for e in entities)


# ---------------------------------------------------------------- filtering

TEXT = "123-45-6789, a@example.com, 10/04/1982, ssn 123456789, born 10/03/1982"


def test_entity_types():
    assert [e.type for e in find(TEXT, entity_types=["EMAIL_ADDRESS"])] == ["EMAIL_ADDRESS"]
    assert [e.type for e in find(TEXT, entity_types=["SSN", "EMAIL_ADDRESS"])] == \
        ["SSN", "EMAIL_ADDRESS", "SSN"]
    # a date becomes a DATE_OF_BIRTH only with birth context; DATE off drops the other
    assert summary(find(TEXT, entity_types=["DATE_OF_BIRTH"])) == \
        [("DATE_OF_BIRTH", "10/03/1982", "1982-10-03")]
    assert summary(find(TEXT, entity_types=["DATE"])) == \
        [("DATE", "10/04/1982", "1982-10-04"), ("DATE", "10/03/1982", "1982-10-03")]


def test_exclude():
    assert [e.type for e in find(TEXT, exclude=["SSN"])] == \
        ["EMAIL_ADDRESS", "DATE", "DATE_OF_BIRTH"]
    assert [e.type for e in find(TEXT, exclude=["SSN", "DATE"])] == ["EMAIL_ADDRESS", "DATE_OF_BIRTH"]
    assert find(TEXT, entity_types=["SSN"], exclude=["SSN"]) == []


def test_min_score():
    # the formatted SSN (0.85) and the DATE (0.8) have no context words near them
    assert [(e.type, e.text) for e in find(TEXT, min_score=0.9)] == \
        [("EMAIL_ADDRESS", "a@example.com"), ("SSN", "123456789"), ("DATE_OF_BIRTH", "10/03/1982")]
    assert len(find(TEXT, min_score=0.0)) == 5
    assert [e.type for e in find(TEXT, min_score=1.0)] == ["EMAIL_ADDRESS"]


@pytest.mark.parametrize("kwargs, field", [
    (dict(entity_types=["CREDIT_CARD"]), "entity_types"),
    (dict(entity_types=["SSN", "ssn"]), "entity_types"),
    (dict(exclude=["PHONE"]), "exclude"),
    (dict(min_score=1.5), "min_score"),
    (dict(min_score=-0.1), "min_score"),
    (dict(region="XX"), "region"),
])
def test_detection_create_errors(kwargs, field):
    with pytest.raises(ValueError, match=field):
        Detection.create(**kwargs)


def test_detection_create_defaults():
    d = Detection.create()
    assert d.region == "US" and not d.day_first and d.min_score == 0.0 and not d.exclude
    assert Detection.create(region="gb").day_first
    assert Detection.create(entity_types=["SSN"]).types == 1 << core.TYPE_NAMES.index("SSN")


# ---------------------------------------------------------------- masking

MASKS = [
    # (text, mask_char, count, from_end, keep_last, digits_only) -> masked
    (("+1 (917) 722-0741", "*", 3, True), "+1 (917) 722-0***"),
    (("19177220741", "*", 3, True), "19177220***"),
    (("+1 (917) 722-0741", "*", 3, False), "+* (**7) 722-0741"),
    (("4111 1111 1111 1111", "*", 0, False, 4), "**** **** **** 1111"),
    (("4111-1111-1111-1111", "#", 4), "####-1111-1111-1111"),
    (("123456", "*", 2, False, 3), "**3456"),        # count applies to what keep_last leaves
    (("123456", "*", 2, True, 3), "1**456"),
    (("123", "*", 0, False, 5), "***"),              # keep_last would show every digit: all masked
    (("12-3", "*", 0, False, 3), "**-*"),            # as many digits as keep_last: all masked too
    (("1234", "*", 0, False, 4294967295), "****"),   # any keep_last, however large
    (("12", "*", 5), "**"),                          # count beyond the digits: all
    (("abc", "*"), "abc"),                           # no digits
    (("", "*"), ""),
    (("é1☃2😀3", "*"), "é*☃*😀*"),                  # non-ASCII text kept
    (("123", "€"), "€€€"),
    (("123", "😀", 0, False, 1), "😀😀3"),
    (("john@x.com", "#", 0, False, 0, False), "##########"),
    (("john@x.com", "#", 2, False, 0, False), "##hn@x.com"),
    (("john doe", "#", 0, False, 2, False), "#### #oe"),     # spaces are never masked
    (("a\tb\nc d", "*", 0, False, 0, False), "*\t*\n* *"),
]


@pytest.mark.parametrize("args, masked", MASKS)
def test_mask(args, masked):
    assert _mask.mask(*args) == masked


@pytest.mark.parametrize("args", [("1", "**"), ("1", ""), ("1", "*", -1), ("1", "*", 0, False, -1)])
def test_mask_errors(args):
    with pytest.raises(ValueError):
        _mask.mask(*args)


def test_mask_operator_keeps_separators_of_numeric_types():
    redaction = Redaction(operators={"PHONE_NUMBER": Mask("*", 3, True),
                                     "EMAIL_ADDRESS": Mask("*", 0, False, 4)})
    out, found = core.redact_text("call +1 (917) 722-0741 or a.b@example.com", Detection.create(), redaction)
    assert out == "call +1 (917) 722-0*** or ***********.com"
    assert [f.replacement for f in found] == ["+1 (917) 722-0***", "***********.com"]


def test_long_text_same_as_short():
    # long scans run without the GIL; the result does not depend on that
    short = "call 917-722-0741, ssn 123-45-6789 or a@example.com ☃ 😀"
    padding = "lorem ipsum é " * 400
    long_entities = find(padding + short)
    assert len(padding + short) > 4096
    shift = len(padding)
    assert [(e.type, e.start - shift, e.end - shift, e.value) for e in long_entities] == \
        [(e.type, e.start, e.end, e.value) for e in find(short)]
