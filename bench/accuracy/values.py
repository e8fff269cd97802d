"""Seeded fake PII values and hard-negative look-alikes, generated here (no Faker).

Every function takes a `random.Random` and returns one string. PII values are
valid by their own rules (Luhn, ABA checksum, IBAN mod-97, `phonenumbers`),
hard negatives are chosen to look like PII without being any.
"""
from __future__ import annotations

import random
import string

import phonenumbers

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FIRST = ("james mary john patricia robert jennifer michael linda david susan anna wei raj "
         "olga carlos fatima kenji amara lucas chloe noah emma liam sofia mateo priya omar "
         "grace ethan zoe hannah diego").split()
LAST = ("smith johnson williams brown jones garcia miller davis wilson lopez lee patel "
        "nguyen kim okafor muller rossi dubois tanaka kowalski novak silva oconnor khan "
        "anderson martin clark young walker").split()
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "icloud.com",
                "proton.me", "acme-corp.com", "mail.example.org", "students.uni-heidelberg.de",
                "fastmail.fm", "company.co.jp", "web.de"]
WEB_DOMAINS = ["example.com", "shop.example.net", "acme-corp.com", "docs.python.org",
               "github.com", "my-bank.co.uk", "portal.health-plan.org", "t.co", "bit.ly",
               "support.acme.io", "en.wikipedia.org", "news.ycombinator.com"]
URL_PATHS = ["", "/", "/account/settings", "/orders/{n}", "/help/article/{n}-reset-password",
             "/login?next=/billing", "/search?q=refund+policy&page={d}", "/p/{h}",
             "/wiki/Data_protection", "/track?id={n}&lang=en", "/reset#token={h}",
             "/download/v{d}.{d}/setup.exe", "/users/{n}/profile"]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def group(number: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, i = [], 0
    for s in sizes:
        parts.append(number[i:i + s])
        i += s
    if i < len(number):
        parts.append(number[i:])
    return sep.join(parts)


# ---------------------------------------------------------------- cards

def luhn_check_digit(body: str) -> str:
    total = 0
    for i, d in enumerate(reversed(body)):
        v = int(d) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str(-total % 10)


def luhn_valid(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


# issuer: (prefixes, length, grouping)
ISSUERS = {
    "visa": (["4"], 16, (4, 4, 4, 4)),
    "visa13": (["4"], 13, (4, 3, 3, 3)),
    "mastercard": (["51", "52", "53", "54", "55"], 16, (4, 4, 4, 4)),
    "mastercard2": ([str(p) for p in range(2221, 2721, 37)], 16, (4, 4, 4, 4)),
    "amex": (["34", "37"], 15, (4, 6, 5)),
    "discover": (["6011", "65", "644", "649"], 16, (4, 4, 4, 4)),
    "diners": (["36", "38"], 14, (4, 6, 4)),
    "jcb": ([str(p) for p in range(3528, 3590, 7)], 16, (4, 4, 4, 4)),
    "unionpay19": (["62"], 19, (4, 4, 4, 4, 3)),
    "maestro": (["6759", "5018"], 16, (4, 4, 4, 4)),
}
ISSUER_WEIGHTS = {"visa": 30, "visa13": 2, "mastercard": 18, "mastercard2": 6, "amex": 12,
                  "discover": 8, "diners": 4, "jcb": 5, "unionpay19": 3, "maestro": 3}


def card_number(rng: random.Random, issuer: str | None = None) -> tuple[str, str]:
    if issuer is None:
        issuer = rng.choices(list(ISSUER_WEIGHTS), weights=list(ISSUER_WEIGHTS.values()))[0]
    prefixes, length, _ = ISSUERS[issuer]
    prefix = rng.choice(prefixes)
    body = prefix + digits(rng, length - len(prefix) - 1)
    return issuer, body + luhn_check_digit(body)


def card(rng: random.Random) -> str:
    issuer, number = card_number(rng)
    sizes = ISSUERS[issuer][2]
    sep = rng.choices([" ", "-", ""], weights=[5, 3, 3])[0]
    return number if sep == "" else group(number, sizes, sep)


def bad_card(rng: random.Random) -> str:
    """Card-shaped, Luhn-invalid."""
    issuer, number = card_number(rng, rng.choice(["visa", "mastercard", "discover"]))
    wrong = str((int(number[-1]) + rng.randint(1, 9)) % 10)
    number = number[:-1] + wrong
    sep = rng.choice([" ", "-", ""])
    return number if sep == "" else group(number, (4, 4, 4, 4), sep)


# ---------------------------------------------------------------- SSN

def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    style = rng.choices(["dash", "space", "bare"], weights=[7, 2, 2])[0]
    if style == "dash":
        return f"{area:03d}-{g:02d}-{s:04d}"
    if style == "space":
        return f"{area:03d} {g:02d} {s:04d}"
    return f"{area:03d}{g:02d}{s:04d}"


# ---------------------------------------------------------------- phones

US_AREAS = [201, 202, 203, 205, 206, 212, 213, 214, 215, 301, 303, 305, 310, 312, 313, 347,
            404, 408, 410, 412, 415, 469, 503, 512, 602, 608, 612, 617, 626, 646, 702, 704,
            713, 718, 720, 773, 786, 805, 818, 832, 858, 917, 919, 929, 971, 978]

# (region, E.164 pattern with # for random digits, display pattern)
INTL = [
    ("+44 20 #### ####", "GB"), ("+44 7### ######", "GB"), ("+44 161 ### ####", "GB"),
    ("+49 30 ########", "DE"), ("+49 151 ########", "DE"), ("+49 (0)89 #######", "DE"),
    ("+33 6 ## ## ## ##", "FR"), ("+33 1 ## ## ## ##", "FR"),
    ("+91 98### #####", "IN"), ("+61 4## ### ###", "AU"), ("+61 2 #### ####", "AU"),
    ("+34 6## ### ###", "ES"), ("+81 90-####-####", "JP"), ("+81 3-####-####", "JP"),
    ("+353 87 ### ####", "IE"), ("+52 55 #### ####", "MX"), ("+55 11 9####-####", "BR"),
    ("+39 3## ### ####", "IT"), ("+31 6 ########", "NL"), ("+27 82 ### ####", "ZA"),
    ("+65 9### ####", "SG"), ("+971 50 ### ####", "AE"), ("+86 139 #### ####", "CN"),
    ("0044 20 #### ####", "GB"), ("+44 (0)20 #### ####", "GB"),
]


def fill(rng: random.Random, pattern: str) -> str:
    return "".join(rng.choice("0123456789") if c == "#" else c for c in pattern)


def _valid(text: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, region))
    except phonenumbers.NumberParseException:
        return False


def us_phone(rng: random.Random) -> str:
    while True:
        a, e, line = rng.choice(US_AREAS), rng.randint(200, 999), digits(rng, 4)
        if e % 100 == 11:
            continue
        text = rng.choices([f"({a}) {e}-{line}", f"{a}-{e}-{line}", f"{a}.{e}.{line}",
                            f"+1 {a} {e} {line}", f"+1-{a}-{e}-{line}", f"1-{a}-{e}-{line}",
                            f"{a}{e}{line}", f"+1{a}{e}{line}", f"({a}){e}-{line}",
                            f"+1 ({a}) {e}-{line}", f"{a} {e} {line}"],
                           weights=[8, 8, 3, 4, 2, 3, 2, 2, 1, 2, 2])[0]
        if _valid(text, "US"):
            return text


def intl_phone(rng: random.Random) -> str:
    while True:
        pattern, region = rng.choice(INTL)
        text = fill(rng, pattern)
        if _valid(text, region):
            return text


def phone(rng: random.Random) -> str:
    return us_phone(rng) if rng.random() < 0.6 else intl_phone(rng)


# ---------------------------------------------------------------- email / URL / IP

def email(rng: random.Random) -> str:
    f, l = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([f"{f}.{l}", f"{f}{l}", f"{f[0]}{l}", f"{f}_{l}{rng.randint(1, 99)}",
                        f"{f}.{l}+orders", f"{l}.{f}{rng.randint(70, 99)}", f"{f}{rng.randint(1, 9999)}",
                        f"{f[0]}.{l}"])
    if rng.random() < 0.1:
        local = local.capitalize()
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def url(rng: random.Random) -> str:
    scheme = rng.choices(["https://", "http://", "https://www.", "www.", "http://www."],
                         weights=[10, 3, 4, 3, 1])[0]
    domain = rng.choice(WEB_DOMAINS)
    path = rng.choice(URL_PATHS).format(n=rng.randint(10, 999999), d=rng.randint(1, 9),
                                        h="".join(rng.choice(string.ascii_letters + string.digits)
                                                  for _ in range(rng.randint(6, 16))))
    if scheme == "www." and domain.count(".") > 1:
        domain = domain.split(".", 1)[1]
    return f"{scheme}{domain}{path}"


def ipv4(rng: random.Random) -> str:
    first = rng.choice([10, 172, 192, 8, 34, 52, 81, 100, 104, 185, 203, 66, 91])
    return ".".join([str(first)] + [str(rng.randint(0, 255)) for _ in range(2)] + [str(rng.randint(1, 254))])


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(8)]
    style = rng.choice(["full", "compressed", "doc", "linklocal"])
    if style == "full":
        return ":".join(groups)
    if style == "compressed":
        return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
    if style == "doc":
        return "2001:db8::" + groups[7]
    return "fe80::" + ":".join(groups[4:])


def ip(rng: random.Random) -> str:
    return ipv4(rng) if rng.random() < 0.72 else ipv6(rng)


# ---------------------------------------------------------------- IBAN / routing

# country: BBAN pattern (n = digit, a = upper-case letter, c = alnum)
IBAN_BBAN = {
    "DE": "nnnnnnnnnnnnnnnnnn", "GB": "aaaannnnnnnnnnnnnn", "FR": "nnnnnnnnnnnnnnnnnnnnnnn",
    "ES": "nnnnnnnnnnnnnnnnnnnn", "IT": "annnnnnnnnnnnnnnnnnnnnn", "NL": "aaaannnnnnnnnn",
    "BE": "nnnnnnnnnnnn", "CH": "nnnnnnnnnnnnnnnnn", "PL": "nnnnnnnnnnnnnnnnnnnnnnnn",
    "IE": "aaaannnnnnnnnnnnnn", "AT": "nnnnnnnnnnnnnnnn", "SE": "nnnnnnnnnnnnnnnnnnnn",
    "NO": "nnnnnnnnnnn", "PT": "nnnnnnnnnnnnnnnnnnnnn",
}


def iban_compact(rng: random.Random) -> str:
    cc = rng.choice(list(IBAN_BBAN))
    bban = "".join(rng.choice(string.ascii_uppercase) if c == "a" else rng.choice(string.digits)
                    for c in IBAN_BBAN[cc])
    numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return f"{cc}{98 - int(numeric) % 97:02d}{bban}"


def iban_valid(value: str) -> bool:
    v = value.replace(" ", "").upper()
    return int("".join(str(int(c, 36)) for c in v[4:] + v[:4])) % 97 == 1


def iban(rng: random.Random) -> str:
    value = iban_compact(rng)
    if rng.random() < 0.55:
        return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def aba_valid(number: str) -> bool:
    d = [int(c) for c in number]
    return len(d) == 9 and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def routing(rng: random.Random) -> str:
    prefix = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28,
                         29, 30, 31, 32, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72])
    d = [int(c) for c in f"{prefix:02d}" + digits(rng, 6)]
    partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5]
    return "".join(map(str, d)) + str(-partial % 10)


def account_number(rng: random.Random) -> str:
    return digits(rng, rng.choice([8, 10, 12]))


# ---------------------------------------------------------------- dates

def ymd(rng: random.Random, lo: int, hi: int) -> tuple[int, int, int]:
    return rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)


def ordinal(d: int) -> str:
    suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suffix}"


def format_date(rng: random.Random, y: int, m: int, d: int, written: float = 0.5) -> str:
    month = MONTHS[m - 1]
    if rng.random() < written:
        return rng.choice([f"{month} {d}, {y}", f"{month} {d} {y}", f"{d} {month} {y}",
                           f"{month[:3]} {d}, {y}", f"{d} {month[:3]} {y}", f"{month} {ordinal(d)}, {y}",
                           f"{ordinal(d)} {month} {y}", f"{ordinal(d)} of {month} {y}",
                           f"{month[:3]}{'.' if len(month) > 4 else ''} {d}, {y}"])
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{m}/{d}/{y % 100:02d}",
                       f"{y}-{m:02d}-{d:02d}", f"{m:02d}-{d:02d}-{y}", f"{y}/{m:02d}/{d:02d}",
                       f"{d:02d}.{m:02d}.{y}"])


def date(rng: random.Random) -> str:
    y, m, d = ymd(rng, 2015, 2027)
    return format_date(rng, y, m, d)


def dob(rng: random.Random) -> str:
    y, m, d = ymd(rng, 1938, 2006)
    return format_date(rng, y, m, d)


# ---------------------------------------------------------------- hard negatives

def order_number(rng: random.Random) -> str:
    return rng.choice([f"#{digits(rng, rng.choice([6, 7, 8]))}", f"A{digits(rng, 8)}",
                       f"ORD-{digits(rng, 4)}-{digits(rng, 4)}", f"{digits(rng, 3)}-{digits(rng, 7)}-{digits(rng, 7)}",
                       f"PO{digits(rng, 6)}", digits(rng, 10)])


def amount(rng: random.Random) -> str:
    value = rng.randint(1, 2_500_000) / 100
    return rng.choice([f"${value:,.2f}", f"€{value:,.2f}", f"{value:,.2f} USD", f"USD {value:,.2f}",
                       f"£{value:,.0f}", f"${value:,.2f}"])


def version(rng: random.Random) -> str:
    parts = [str(rng.randint(0, 20)) for _ in range(rng.choice([3, 4, 5]))]
    return rng.choice(["", "", "v"]) + ".".join(parts)


def time_of_day(rng: random.Random) -> str:
    h, m, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return rng.choice([f"{h:02d}:{m:02d}:{s:02d}", f"{h:02d}:{m:02d}", f"{h % 12 or 12}:{m:02d} pm",
                       f"{h:02d}:{m:02d}:{s:02d}.{rng.randint(0, 999):03d}"])


def tracking_id(rng: random.Random) -> str:
    return rng.choice([f"1Z{''.join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16))}",
                       f"9400 1{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}",
                       digits(rng, 12), f"TBA{digits(rng, 12)}", f"JD{digits(rng, 16)}",
                       f"LX{digits(rng, 9)}CN"])


def ticket(rng: random.Random) -> str:
    return rng.choice([f"INC{digits(rng, 7)}", f"CS-{digits(rng, 6)}", f"#{digits(rng, 5)}",
                       f"REQ{digits(rng, 8)}", f"JIRA-{rng.randint(100, 9999)}"])


def uuid(rng: random.Random) -> str:
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def hex_hash(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([12, 40, 64])))


def zip_code(rng: random.Random) -> str:
    return rng.choice([digits(rng, 5), f"{digits(rng, 5)}-{digits(rng, 4)}"])


def quantity(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(2, 500)} items", f"{rng.randint(1, 99)}.{rng.randint(0, 9)} kg",
                       f"{rng.randint(1, 100)}%", f"{rng.randint(1000, 99999):,} points",
                       f"{rng.randint(2, 48)} months"])


def epoch(rng: random.Random) -> str:
    return str(rng.randint(1_500_000_000, 1_800_000_000) * rng.choice([1, 1000]))


def isbn(rng: random.Random) -> str:
    return f"978-{rng.randint(0, 9)}-{digits(rng, 3)}-{digits(rng, 5)}-{rng.randint(0, 9)}"


def bad_ssn(rng: random.Random) -> str:
    """SSN-shaped but unassignable (area 000, 666 or 9xx)."""
    area = rng.choice(["000", "666", f"9{digits(rng, 2)}"])
    return f"{area}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def short_code(rng: random.Random) -> str:
    return rng.choice(["911", "411", "311", str(rng.randint(10000, 99999)), "1-800-FLOWERS"])


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST).capitalize()} {rng.choice(LAST).capitalize()}"
