"""Dates in the formats of CLDR's locales, ages as people write them, internationalised
email addresses and IPv6 forms: table-driven positives (several locales each) and near
misses that must not be found. The locale comments name where a format comes from (CLDR's
short, medium, long and full date patterns, as babel formats them)."""
from __future__ import annotations

import pytest

from redactd import core
from redactd.core.detect import Detection


def find(text: str, region: str = "US") -> list[tuple[str, str, str]]:
    return [(e.type, e.text, e.value) for e in core.find_entities(text, Detection.create(region=region))]


# (text, region, type, matched text, value)
DATES = [
    # numeric, day first with dots
    ("Datum: 23.11.2024", "DE", "DATE", "23.11.2024", "2024-11-23"),               # de medium
    ("am 05.04.87 geboren", "DE", "DATE", "05.04.87", "1987-04-05"),               # de short
    ("Termin 23.11.24", "US", "DATE", "23.11.24", "2024-11-23"),                   # dots: day first anywhere
    ("data 5.04.1987", "PL", "DATE", "5.04.1987", "1987-04-05"),                   # pl short
    ("pvm 5.4.1987", "FI", "DATE", "5.4.1987", "1987-04-05"),                      # fi short
    ("Wrote 21.5.21", "US", "DATE", "21.5.21", "2021-05-21"),                      # a day over 12
    ("on 5.4.87", "DE", "DATE", "5.4.87", "1987-04-05"),                           # dsb short, after a date word
    ("2024.11.23 meeting", "US", "DATE", "2024.11.23", "2024-11-23"),              # mn short
    # dot and space, and the closing dot
    ("datum 23. 11. 2024.", "HR", "DATE", "23. 11. 2024.", "2024-11-23"),          # hr, sr
    ("dne 5. 4. 1987", "CZ", "DATE", "5. 4. 1987", "1987-04-05"),                  # cs, sk
    ("2024. 11. 23. kedd", "HU", "DATE", "2024. 11. 23.", "2024-11-23"),           # hu, ko medium
    ("87. 4. 5. 생일", "KR", "DATE", "87. 4. 5.", "1987-04-05"),                    # ko short
    # slashes and hyphens
    ("le 23/11/2024", "FR", "DATE", "23/11/2024", "2024-11-23"),                   # fr, pt, es
    ("on 11/23/24", "US", "DATE", "11/23/24", "2024-11-23"),                       # en_US short
    ("2024/11/23 発送", "JP", "DATE", "2024/11/23", "2024-11-23"),                  # ja, en_ZA, zh
    ("87/4/5 jaio", "ES", "DATE", "87/4/5", "1987-04-05"),                         # eu yy/M/d (year over 31)
    ("datum 23-11-2024", "NL", "DATE", "23-11-2024", "2024-11-23"),                # nl
    ("fecha 05-04-87", "CL", "DATE", "05-04-87", "1987-04-05"),                    # es_CL short
    ("datum 2024-11-23", "SE", "DATE", "2024-11-23", "2024-11-23"),                # sv, lt, en_CA
    # spaces
    ("ọjọ 23 11 2024", "NG", "DATE", "23 11 2024", "2024-11-23"),                  # yo short
    ("le 23/11 2024", "CM", "DATE", "23/11 2024", "2024-11-23"),                   # kkj short
    # year first with a month's name
    ("shipped 2019/aug/01", "US", "DATE", "2019/aug/01", "2019-08-01"),
    ("2019-Aug-01 release", "US", "DATE", "2019-Aug-01", "2019-08-01"),
    # timestamps: the span covers the time, the value is the date
    ("at 2024-03-15T14:30:00.123Z ok", "US", "DATE", "2024-03-15T14:30:00.123Z", "2024-03-15"),
    ("2024-03-15 14:30 start", "US", "DATE", "2024-03-15 14:30", "2024-03-15"),
    ("ts=2024-03-15T14:30:00+01:00", "US", "DATE", "2024-03-15T14:30:00+01:00", "2024-03-15"),
    ("15/03/2024 09:05:59", "GB", "DATE", "15/03/2024 09:05:59", "2024-03-15"),
    ("sent 03/15/2024 2:30 PM", "US", "DATE", "03/15/2024 2:30 PM", "2024-03-15"),
    ("3/15/24 11:05 a.m. call", "US", "DATE", "3/15/24 11:05 a.m.", "2024-03-15"),
    ("3/15/24 2:30PM", "US", "DATE", "3/15/24", "2024-03-15"),          # "2:30PM" is one word
    # English written forms (en_* locales)
    ("on 23-Nov-2024", "US", "DATE", "23-Nov-2024", "2024-11-23"),                 # en_PK, en_BZ medium
    ("5-May-2021", "US", "DATE", "5-May-2021", "2021-05-05"),
    ("05-Apr-87 arrival", "US", "DATE", "05-Apr-87", "1987-04-05"),
    ("23 Nov,2024", "ZW", "DATE", "23 Nov,2024", "2024-11-23"),                    # en_ZW medium
    ("posted Dec-2018", "US", "DATE", "Dec-2018", "2018-12"),
    ("May-2021", "US", "DATE", "May-2021", "2021-05"),
    ("in March of 2024", "US", "DATE", "March of 2024", "2024-03"),
    ("Saturday, November 23, 2024", "US", "DATE", "Saturday, November 23, 2024", "2024-11-23"),  # en full
    ("Saturday 23 November 2024", "IE", "DATE", "Saturday 23 November 2024", "2024-11-23"),      # en_IE full
    ("Sunday, 5 April 1987", "AU", "DATE", "Sunday, 5 April 1987", "1987-04-05"),                # en_AU full
    ("Fri, 15 Mar 2024 10:00", "US", "DATE", "Fri, 15 Mar 2024", "2024-03-15"),                  # RFC 2822
    ("Nov 23, 2024", "CA", "DATE", "Nov 23, 2024", "2024-11-23"),                                 # en_CA medium
    # short forms after a date word
    ("on 11/20 we met", "US", "DATE", "11/20", "--11-20"),
    ("dated 22/04", "GB", "DATE", "22/04", "--04-22"),
    ("meet on 22.04. in Berlin", "DE", "DATE", "22.04.", "--04-22"),
    ("since 05/2021", "US", "DATE", "05/2021", "2021-05"),
    ("since 2021-05", "US", "DATE", "2021-05", "2021-05"),
    ("date: 20161016", "US", "DATE", "20161016", "2016-10-16"),
    # dates of birth
    ("DOB 20161016", "US", "DATE_OF_BIRTH", "20161016", "2016-10-16"),
    ("born in April of 1987", "US", "DATE_OF_BIRTH", "April of 1987", "1987-04"),
    ("geboren (born) 05.04.1987", "DE", "DATE_OF_BIRTH", "05.04.1987", "1987-04-05"),
    ("born on Sunday, April 5, 1987", "US", "DATE_OF_BIRTH", "Sunday, April 5, 1987", "1987-04-05"),
    # said aloud (speech-to-text)
    ("January twenty five nineteen eighty six", "US", "DATE", "January twenty five nineteen eighty six",
     "1986-01-25"),
    ("on the third of March", "US", "DATE", "third of March", "--03-03"),
    ("March third", "US", "DATE", "March third", "--03-03"),
    ("March the twenty-first, 1990", "US", "DATE", "March the twenty-first, 1990", "1990-03-21"),
    ("twenty fifth of December two thousand and five", "US", "DATE",
     "twenty fifth of December two thousand and five", "2005-12-25"),
    ("june ninth nineteen oh five", "US", "DATE", "june ninth nineteen oh five", "1905-06-09"),
    ("born on the first of may nineteen ninety", "US", "DATE_OF_BIRTH", "first of may nineteen ninety",
     "1990-05-01"),
    ("Fridays, May 2024", "US", "DATE", "May 2024", "2024-05"),       # not a weekday's name
    ("Friday, May 2024", "US", "DATE", "May 2024", "2024-05"),        # a weekday goes with a day only
]


@pytest.mark.parametrize("text, region, type_name, matched, value", DATES)
def test_dates(text, region, type_name, matched, value):
    assert [e for e in find(text, region) if e[0] in ("DATE", "DATE_OF_BIRTH")] == [(type_name, matched, value)]


# (text, what must not be read as a date)
NOT_DATES = [
    "version 1.10.22",            # a version word before a two-digit year
    "package 16.3.12 installed",
    "Call me at 20.12.32",        # a phone number written with dots
    "release 2.10.15",
    "1.2.34",                     # one-digit day and month, dotted, no date word: a version
    "chapter 10.11.12 says",      # a section number
    "upgrade to 3-4-21",
    "score 11/20",                # short forms need a date word
    "1/2 cup",
    "ratio 16/9",
    "10/2020 of them",
    "it costs 22.04 euros",       # no closing dot: a number
    "on 22.04",
    "id 20161016",                # eight digits without a date word
    "2021-05",                    # year and month without a date word
    "the 2020-21 season",
    "since 2020-21",              # no month 21
    "on 2021.05",
    "on 20161332",                # no such day
    "on 11/32",
    "on 13/13",
    "since 00/2021",
    "exp 05/2021",                # a card's expiry, not a date
    "expiration date: 09-2028",
    "10.10.10.10",                # an IPv4 address
    "1982-10-03-01",              # inside a longer number
    "1. 2. 3. 4",
    "call 555 10 03 1994",        # digit groups of a longer run
    "10 3 1994",                  # spaces only with a two-digit month
    "2024 11 23",                 # nor year first
    "12 34 5678",
    "Friday",                     # a weekday alone
    "on Friday we met",
    "Friday 2024",
    "Mar-24",                     # "Mar-" needs a four-digit year
    "5-May",                      # a hyphenated day-month needs its year
    "March of the penguins",
    "2024-03-15T25:00",           # no such hour: the date ends before 'T', and 'T' joins it to a word
    "2019/aug/32",
    "2019/foo/01",
    "you may first check",        # "may" in lower case is a verb
    "May one day",                # a day said as a number needs its year
    "January twenty twenty",
    "one of the best",
    "the thirtieth of February",
    "the second of many",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert [e for e in find(text) if e[0] in ("DATE", "DATE_OF_BIRTH")] == []


def test_timestamp_without_a_valid_time_is_not_a_date():
    # the 'T' joins "15" to a word when no time follows: nothing is read there
    assert find("2024-03-15Tea") == []


# (text, matched age)
AGES = [
    ("I'll turn 46 next year", "46"),
    ("when he was 23", "23"),
    ("i'm 24 y/o", "24"),
    ("I’m 31.", "31"),
    ("she's 30 now", "30"),
    ("aged 30", "30"),
    ("24 yo", "24"),
    ("male, 24 y.o.", "24"),
    ("age: 30", "30"),
    ("a 30-year-old", "30"),
    ("he is 67 yrs old", "67"),
    ("a 45-yr-old driver", "45"),
    ("25 years of age", "25"),
    ("turning 18 in May", "18"),
]


@pytest.mark.parametrize("text, age", AGES)
def test_ages(text, age):
    assert [(t, m) for t, m, _ in find(text) if t == "AGE"] == [("AGE", age)]


NOT_AGES = [
    "he was 23 minutes late",     # the number does not end the clause
    "I am 5 feet tall",
    "it was 23 degrees",          # not a person
    "turn 90 degrees",
    "was 23",                     # no person
    "he is 245",                  # 0-130
    "we are 3 and they are 4.",   # counts of people
    "you are 2 minutes late",
    "we are 5x faster",
    "24 yoga classes",
    "24 y/oz",
    "25 years of ages",
    "the 12 yrs",
]


@pytest.mark.parametrize("text", NOT_AGES)
def test_not_ages(text):
    assert [e for e in find(text) if e[0] == "AGE"] == []


# (text, matched address, value)
EMAILS = [
    ("जॉन@माइक्रोसॉफ्टहै.कॉम", "जॉन@माइक्रोसॉफ्टहै.कॉम", "जॉन@माइक्रोसॉफ्टहै.कॉम"),       # Devanagari
    ("用户@例子.广告", "用户@例子.广告", "用户@例子.广告"),                                # Chinese
    ("θσερ@εχαμπλε.ψομ", "θσερ@εχαμπλε.ψομ", "θσερ@εχαμπλε.ψομ"),                       # Greek
    ("mail Jürgen.Weiß@example.de", "Jürgen.Weiß@example.de", "jürgen.weiß@example.de"),  # German
    ("иван.петров@почта.рф", "иван.петров@почта.рф", "иван.петров@почта.рф"),            # Russian
    ("王.伟@example.cn", "王.伟@example.cn", "王.伟@example.cn"),
    ("a邮箱地址test@test.com", "test@test.com", "test@test.com"),                        # glued to CJK
    ("联系test@test.com邮箱", "test@test.com", "test@test.com"),
    ("メールuser1@example.jp", "user1@example.jp", "user1@example.jp"),                   # kana
    ("x@xn--80ak6aa92e.xn--p1ai", "x@xn--80ak6aa92e.xn--p1ai", "x@xn--80ak6aa92e.xn--p1ai"),  # punycode
    ("write to ops@example.com.", "ops@example.com", "ops@example.com"),                # sentence end
    ("root@[192.0.2.1] is up", "root@[192.0.2.1]", "root@[192.0.2.1]"),               # domain literal
]


@pytest.mark.parametrize("text, matched, value", EMAILS)
def test_emails(text, matched, value):
    assert find(text) == [("EMAIL_ADDRESS", matched, value)]


NOT_EMAILS = [
    "用户@例子",                  # one label
    "x@example.comé",             # a top-level domain of two scripts
    "x@例子.c广",                 # cut where the script changes: a one-letter top-level domain
    "x@example.c1m",
    "x@ex.c",
    "θσερ@-εχαμπλε.ψομ",
    "x@example.com@y",
    "x@[192.0.2.1",
    "x@[1.2.3]",
]


@pytest.mark.parametrize("text", NOT_EMAILS)
def test_not_emails(text):
    assert [e for e in find(text) if e[0] == "EMAIL_ADDRESS"] == []


# (text, matched address, value)
IPS = [
    ("the unspecified address ::", "::", "::"),
    ("bind to (::) and", "::", "::"),
    ("loopback ::1.", "::1", "::1"),
    ("ping fe80::1.", "fe80::1", "fe80::1"),
    ("host 2001:db8::1.", "2001:db8::1", "2001:db8::1"),
    ("connect to [2001:db8::1]:8080", "2001:db8::1", "2001:db8::1"),
    ("listen [::]:443", "::", "::"),
]


@pytest.mark.parametrize("text, matched, value", IPS)
def test_ipv6(text, matched, value):
    assert find(text) == [("IP_ADDRESS", matched, value)]


# (text, matched URL): URLs glued to text in scripts without spaces, IDN hosts
URLS = [
    ("请访问https://www.example.com了解更多", "https://www.example.com"),
    ("访问www.example.com。", "www.example.com"),
    ("メールはhttp://example.jp/aです", "http://example.jp/a"),
    ("https://例子.广告/路径", "https://例子.广告/路径"),
    ("见https://zh.wikipedia.org/wiki/北京", "https://zh.wikipedia.org/wiki/北京"),   # a path in CJK stays
    ("see https://example.com.", "https://example.com"),
    ("clone github.com/user/repo.", "github.com/user/repo"),             # a host with a path
    ("docs at example.co.uk/a/b?x=1, then", "example.co.uk/a/b?x=1"),
]


@pytest.mark.parametrize("text, matched", URLS)
def test_urls(text, matched):
    assert [(t, m) for t, m, _ in find(text) if t == "URL"] == [("URL", matched)]


@pytest.mark.parametrize("text", ["请访问https://", "访问wwwexample", "中文http:/x.com", "访问https://-x.com"])
def test_not_urls(text):
    assert [e for e in find(text) if e[0] == "URL"] == []


def test_ipv6_inside_a_url_is_the_url():
    assert find("http://[2001:db8::1]:8080/x.") == [
        ("URL", "http://[2001:db8::1]:8080/x", "http://[2001:db8::1]:8080/x")]


NOT_IPS = ["std::vector", "key :: value", "f :: Int", ":: 1", "x::", "a::b::c",
           "Mobile: 79.56.12.29", "tel 93.12.34.44"]   # phone numbers written with dots


@pytest.mark.parametrize("text", NOT_IPS)
def test_not_ipv6(text):
    assert [e for e in find(text) if e[0] == "IP_ADDRESS"] == []
