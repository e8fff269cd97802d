"""Seeded fake PII values and hard-negative look-alikes, generated here (no Faker).

Names, places, streets and organisations come from lists written by hand below,
not from a test-data generator and not from the detector's own gazetteer (core/data).

Every function takes a `random.Random` and returns one string. PII values are
valid by their own rules (Luhn, ABA checksum, IBAN mod-97, `phonenumbers`),
hard negatives are chosen to look like PII without being any.
"""
from __future__ import annotations

import random
import re
import string
from typing import Callable

import phonenumbers


def picker(pool: list[str]) -> Callable[[random.Random], str]:
    """A value function that draws one item of `pool`."""
    return lambda rng: rng.choice(pool)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# lower-case pools for e-mail local parts only; person names come from FIRST_NAMES/SURNAMES below
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


def phone_with_extension(rng: random.Random) -> str:
    """An extension is part of the number it dials (README: PHONE_NUMBER)."""
    return phone(rng) + " ext. 204"


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


# ================================================================ names, places, organisations
# Hand-written lists (no Faker, nothing taken from core/data): the detector's gazetteer is
# tested on values it was not built from. First names that are also common English words
# ("Will", "May", "Rose") are kept apart in WORDY_FIRST and used only after a clear cue.

FIRST_NAMES = [
    # Anglo / Irish / Welsh
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
    "Susan", "Thomas", "Sarah", "Daniel", "Karen", "Matthew", "Emily", "Andrew", "Jessica",
    "Christopher", "Ashley", "Joshua", "Megan", "Kevin", "Rachel", "Brian", "Laura", "Timothy",
    "Jason", "Amanda", "Eric", "Stephanie", "Tom", "Kate", "Oliver", "Amelia", "Nathan",
    "Chloe", "Ethan", "Emma", "Liam", "Olivia", "Hannah", "Zoe", "Luke", "Abigail", "Sean",
    "Siobhan", "Niamh", "Callum", "Fiona", "Gareth", "Rhys", "Eleanor", "Margaret", "Gregory",
    # Hispanic / Portuguese
    "Carlos", "María", "Maria", "José", "Alejandro", "Lucía", "Mateo", "Valentina", "Diego",
    "Camila", "Javier", "Sofía", "Fernando", "Gabriela", "Ricardo", "Isabella", "Santiago",
    "Ximena", "Guadalupe", "Rafael", "Beatriz", "Jorge", "Alejandra", "João",
    # African
    "Chinedu", "Ngozi", "Oluwaseun", "Kwame", "Abena", "Tendai", "Thabo", "Nomvula", "Chiamaka",
    "Emeka", "Kofi", "Amara", "Zanele", "Sipho", "Ayodele", "Folake", "Wanjiru", "Adaeze",
    "Obinna", "Makena",
    # South Asian
    "Priya", "Raj", "Anil", "Sunita", "Arjun", "Deepa", "Vikram", "Kavya", "Rohan", "Ananya",
    "Sanjay", "Meera", "Aditya", "Imran", "Lakshmi", "Harpreet", "Rahul", "Nikhil", "Pooja",
    "Ayesha", "Farhan",
    # East / South-East Asian
    "Wei", "Mei", "Hiroshi", "Yuki", "Kenji", "Haruto", "Sakura", "Min-jun", "Ji-woo",
    "Seo-yeon", "Xiaoming", "Jian", "Takeshi", "Aiko", "Thanh", "Linh", "Minh", "Huong",
    "Jae-hyun", "Yuna",
    # Slavic
    "Olga", "Dmitri", "Ivan", "Natasha", "Katarzyna", "Piotr", "Tomasz", "Agnieszka", "Sergei",
    "Svetlana", "Milena", "Bogdan", "Oksana", "Yaroslav", "Jelena", "Dragan", "Zofia", "Łukasz",
    "Anastasia", "Mikhail",
    # Arabic / Persian / Turkish
    "Mohammed", "Ahmed", "Fatima", "Layla", "Youssef", "Omar", "Khalid", "Nour", "Hassan",
    "Aisha", "Karim", "Rania", "Tariq", "Samir", "Yasmin", "Mariam", "Hamza", "Salma", "Reza",
    "Emre",
]
SURNAMES = [
    # Anglo / Irish / Scottish
    "Smith", "Johnson", "Williams", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Thompson", "Harris", "Clark", "Robinson", "Walker", "Allen", "Wright", "Mitchell",
    "Campbell", "Roberts", "Turner", "Phillips", "Parker", "Evans", "Edwards", "Collins",
    "Stewart", "Murphy", "O'Connor", "O'Brien", "McAllister", "Fitzgerald", "Gallagher",
    "Sullivan", "Brennan", "Hughes", "Bennett", "Brown", "MacLeod",
    # Hispanic / Portuguese
    "Gonzalez", "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Perez", "Sanchez",
    "Ramirez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz", "Castillo",
    "Vargas", "Mendoza", "Jiménez", "Herrera", "Aguilar", "Delgado", "De la Cruz", "Oliveira",
    "Pereira", "Santos",
    # African
    "Okafor", "Adeyemi", "Mensah", "Okonkwo", "Nwosu", "Mwangi", "Otieno", "Dlamini", "Nkosi",
    "Boateng", "Asante", "Abubakar", "Eze", "Ndlovu", "Kamara", "Diallo", "Traoré", "Ogunleye",
    "Owusu", "Balogun",
    # South Asian
    "Patel", "Sharma", "Singh", "Gupta", "Kumar", "Reddy", "Iyer", "Nair", "Chatterjee",
    "Banerjee", "Mehta", "Desai", "Joshi", "Rao", "Kapoor", "Malhotra", "Chowdhury", "Rahman",
    "Hossain", "Siddiqui", "Qureshi",
    # East / South-East Asian
    "Nguyen", "Tran", "Pham", "Kim", "Park", "Choi", "Kang", "Wang", "Li", "Zhang", "Liu",
    "Chen", "Huang", "Zhao", "Zhou", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto",
    "Nakamura", "Kobayashi", "Hoang",
    # Slavic / Central European
    "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Novak", "Horvat", "Ivanov", "Petrov",
    "Smirnov", "Volkov", "Kuznetsova", "Shevchenko", "Kovalenko", "Bondarenko", "Dvořák",
    "Jovanović", "Petrović", "Lewandowski", "Zielinski",
    # Arabic / Persian / Turkish
    "Haddad", "Khan", "Hussein", "Al-Sayed", "Abdullah", "Nasser", "Mansour", "Farouk", "Khalil",
    "Saleh", "Aziz", "Darwish", "El-Amin", "Karimi", "Hosseini", "Yilmaz", "Öztürk",
    # other European
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Bianchi", "Dubois",
    "Moreau", "Lefebvre", "Jansen", "de Vries", "van der Berg", "Andersson", "Johansson",
    "Nielsen", "Papadopoulos",
]
# Also ordinary words; labelled only right after a cue ("my name is Will", "From: Rose Diaz").
WORDY_FIRST = ["Will", "May", "Rose", "Grace", "Hope", "Mark", "Bill", "Faith", "Joy", "Dawn",
               "Summer", "Hunter", "Chase", "Grant", "Pat", "Frank", "Jack", "April", "June",
               "Ivy", "Sandy", "Drew", "Penny", "Sue", "Art"]
TITLES = ["Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Dr"]
MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW"

# (city, state, first three ZIP digits)
US_CITIES = [
    ("Denver", "CO", "802"), ("Austin", "TX", "787"), ("Houston", "TX", "770"),
    ("Dallas", "TX", "752"), ("San Antonio", "TX", "782"), ("El Paso", "TX", "799"),
    ("Phoenix", "AZ", "850"), ("Tucson", "AZ", "857"), ("Seattle", "WA", "981"),
    ("Spokane", "WA", "992"), ("Portland", "OR", "972"), ("Boise", "ID", "837"),
    ("Salt Lake City", "UT", "841"), ("Las Vegas", "NV", "891"), ("Reno", "NV", "895"),
    ("Albuquerque", "NM", "871"), ("Los Angeles", "CA", "900"), ("San Diego", "CA", "921"),
    ("San Francisco", "CA", "941"), ("Sacramento", "CA", "958"), ("Fresno", "CA", "937"),
    ("Oakland", "CA", "946"), ("Chicago", "IL", "606"), ("Springfield", "IL", "627"),
    ("Peoria", "IL", "616"), ("Milwaukee", "WI", "532"), ("Minneapolis", "MN", "554"),
    ("Des Moines", "IA", "503"), ("Omaha", "NE", "681"), ("Kansas City", "MO", "641"),
    ("St. Louis", "MO", "631"), ("Wichita", "KS", "672"), ("Tulsa", "OK", "741"),
    ("Oklahoma City", "OK", "731"), ("Little Rock", "AR", "722"), ("Memphis", "TN", "381"),
    ("Nashville", "TN", "372"), ("Louisville", "KY", "402"), ("Indianapolis", "IN", "462"),
    ("Columbus", "OH", "432"), ("Cleveland", "OH", "441"), ("Cincinnati", "OH", "452"),
    ("Detroit", "MI", "482"), ("Grand Rapids", "MI", "495"), ("Ann Arbor", "MI", "481"),
    ("Pittsburgh", "PA", "152"), ("Philadelphia", "PA", "191"), ("Rochester", "NY", "146"),
    ("Albany", "NY", "122"), ("New York", "NY", "100"), ("Brooklyn", "NY", "112"),
    ("Boston", "MA", "021"), ("Worcester", "MA", "016"), ("Providence", "RI", "029"),
    ("Hartford", "CT", "061"), ("Burlington", "VT", "054"), ("Baltimore", "MD", "212"),
    ("Richmond", "VA", "232"), ("Norfolk", "VA", "235"), ("Raleigh", "NC", "276"),
    ("Charlotte", "NC", "282"), ("Charleston", "SC", "294"), ("Atlanta", "GA", "303"),
    ("Savannah", "GA", "314"), ("Jacksonville", "FL", "322"), ("Orlando", "FL", "328"),
    ("Tampa", "FL", "336"), ("Miami", "FL", "331"), ("Birmingham", "AL", "352"),
    ("New Orleans", "LA", "701"), ("Baton Rouge", "LA", "708"), ("Honolulu", "HI", "968"),
    ("Anchorage", "AK", "995"), ("Billings", "MT", "591"), ("Cheyenne", "WY", "820"),
    ("Fargo", "ND", "581"), ("Sioux Falls", "SD", "571"),
]
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
# (city, province, first letter of its postal codes)
CA_CITIES = [("Toronto", "ON", "M"), ("Ottawa", "ON", "K"), ("Mississauga", "ON", "L"),
             ("Montreal", "QC", "H"), ("Quebec City", "QC", "G"), ("Vancouver", "BC", "V"),
             ("Calgary", "AB", "T"), ("Edmonton", "AB", "T"), ("Winnipeg", "MB", "R"),
             ("Halifax", "NS", "B"), ("Regina", "SK", "S"), ("Saskatoon", "SK", "S"),
             ("St. John's", "NL", "A"), ("Fredericton", "NB", "E"), ("Charlottetown", "PE", "C")]
CA_PROVINCES = {"ON": "Ontario", "QC": "Quebec", "BC": "British Columbia", "AB": "Alberta",
                "MB": "Manitoba", "NS": "Nova Scotia", "SK": "Saskatchewan",
                "NL": "Newfoundland and Labrador", "NB": "New Brunswick",
                "PE": "Prince Edward Island"}
# (city, postcode districts)
UK_CITIES = [("London", ["SW1A", "SW19", "SE1", "N1", "NW3", "E14", "EC1V", "WC2N", "W1D"]),
             ("Manchester", ["M1", "M4", "M14", "M20"]), ("Birmingham", ["B1", "B15", "B33"]),
             ("Leeds", ["LS1", "LS6", "LS11"]), ("Glasgow", ["G1", "G12", "G41"]),
             ("Edinburgh", ["EH1", "EH3", "EH10"]), ("Cardiff", ["CF10", "CF24"]),
             ("Bristol", ["BS1", "BS8"]), ("Liverpool", ["L1", "L17"]),
             ("Sheffield", ["S1", "S10"]), ("Oxford", ["OX1", "OX4"]),
             ("Cambridge", ["CB1", "CB4"]), ("Belfast", ["BT1", "BT9"])]
WORLD_CITIES = ["Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Dublin", "Amsterdam", "Warsaw",
                "Prague", "Vienna", "Stockholm", "Oslo", "Helsinki", "Athens", "Istanbul",
                "Cairo", "Lagos", "Nairobi", "Accra", "Johannesburg", "Mumbai", "Delhi",
                "Bangalore", "Karachi", "Dhaka", "Tokyo", "Osaka", "Seoul", "Beijing",
                "Shanghai", "Manila", "Jakarta", "Bangkok", "Hanoi", "Melbourne", "Auckland",
                "Mexico City", "Guadalajara", "Bogotá", "Lima", "Buenos Aires", "São Paulo",
                "Manchester", "Edinburgh"]
COUNTRIES = ["Germany", "France", "Spain", "Italy", "Portugal", "Ireland", "Poland", "Ukraine",
             "Nigeria", "Kenya", "Ghana", "Egypt", "Morocco", "India", "Pakistan", "Bangladesh",
             "China", "Japan", "South Korea", "Vietnam", "Indonesia", "Thailand", "Australia",
             "New Zealand", "Mexico", "Brazil", "Argentina", "Colombia", "Peru", "Chile",
             "Canada", "Turkey", "Saudi Arabia", "Sweden", "Norway", "Greece", "Scotland",
             "Ethiopia", "Romania", "Switzerland"]

STREET_NAMES = ["Elm", "Oak", "Maple", "Pine", "Cedar", "Lincoln", "Jefferson", "Park", "Lake",
                "Hill", "Sunset", "Highland", "Church", "Mill", "River", "Spring", "Ridge",
                "Willow", "Chestnut", "Walnut", "Franklin", "Main", "Market", "Broad", "Center",
                "Cherry", "Magnolia", "Dogwood", "Birch", "Aspen", "Juniper", "Sycamore",
                "Lakeview", "Meadow", "Orchard", "Prospect", "Union", "Grand", "Peachtree",
                "Canal", "Harbor", "Mission", "Alameda", "Martin Luther King Jr", "Cesar Chavez",
                "Fairview", "Glenwood", "Hawthorne", "Kingsley", "Riverside"]
# (full, abbreviation)
STREET_SUFFIXES = [("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Boulevard", "Blvd"),
                   ("Drive", "Dr"), ("Lane", "Ln"), ("Court", "Ct"), ("Place", "Pl"),
                   ("Way", "Way"), ("Terrace", "Ter"), ("Circle", "Cir"), ("Parkway", "Pkwy"),
                   ("Highway", "Hwy")]
DIRECTIONS = [("N", "North"), ("S", "South"), ("E", "East"), ("W", "West"), ("NW", "Northwest"),
              ("SE", "Southeast")]
UK_STREETS = ["High", "Station", "Church", "Victoria", "Queen's", "King's", "Park", "Mill",
              "Baker", "Abbey", "Albert", "Manor", "Castle", "Chapel", "Orchard", "Beech"]
UK_SUFFIXES = ["Street", "Road", "Lane", "Close", "Gardens", "Crescent", "Avenue", "Terrace",
               "Grove", "Way", "Mews"]
CA_STREETS = ["Sparks", "Yonge", "Bloor", "Granville", "Robson", "Jasper", "Portage", "Barrington",
              "Albert", "Wellington", "Queen", "Bank", "Elgin", "Dundas", "Spadina"]
QC_STREETS = ["Saint-Denis", "Sherbrooke", "Principale", "Notre-Dame", "Saint-Laurent"]

ORG_HEADS = ["Acme", "Northwind", "Bluepeak", "Silverline", "Redwood", "Ironbridge",
             "Brightwater", "Keystone", "Harborview", "Evergreen", "Granite Peak", "Pioneer",
             "Lakeside", "Crescent", "Westfield", "Oakridge", "Cobalt", "Meridian", "Beacon Hill",
             "Clearwater", "Tri-County", "Blue Heron", "Copperline", "Summit Ridge", "Maplewood",
             "Riverbend", "Stonebridge", "Hollis", "Vantage", "Larkspur"]
ORG_TRADES = ["Widgets", "Traders", "Logistics", "Analytics", "Foods", "Motors", "Dental",
              "Insurance", "Software", "Systems", "Outfitters", "Builders", "Realty",
              "Consulting", "Energy", "Labs", "Media", "Supply", "Freight", "Plumbing", "Bakery",
              "Roofing", "Pharmaceuticals", "Staffing", "Landscaping", "Electric", "Textiles"]
ORG_SUFFIXES = ["Inc.", "Inc", "LLC", "Corp.", "Corporation", "Ltd", "Ltd.", "Co.", "Group",
                "Holdings", "Partners", "& Co.", "GmbH", "PLC", "Company", "LLP"]
WELL_KNOWN_ORGS = ["Wells Fargo", "Verizon", "PayPal", "Comcast", "AT&T", "T-Mobile", "Amazon",
                   "Walmart", "Costco", "Home Depot", "Microsoft", "Google", "Netflix", "Spotify",
                   "Uber", "Lyft", "FedEx", "UPS", "Delta Air Lines", "United Airlines",
                   "Southwest Airlines", "Kaiser Permanente", "Blue Cross Blue Shield", "Aetna",
                   "Humana", "Geico", "State Farm", "Allstate", "Venmo", "Starbucks", "Best Buy",
                   "Walgreens", "CVS Pharmacy", "IKEA", "Airbnb", "DoorDash", "Zillow", "Intuit",
                   "Deloitte", "Accenture", "Pfizer", "Boeing", "Toyota"]
WELL_KNOWN_BANKS = ["Wells Fargo", "Bank of America", "JPMorgan Chase", "Citibank", "Capital One",
                    "PNC Bank", "U.S. Bank", "TD Bank", "Ally Bank", "Navy Federal Credit Union",
                    "Barclays", "HSBC", "Santander", "Fifth Third Bank", "Charles Schwab"]
SAINTS = ["Mary", "Joseph", "Luke", "Vincent", "Jude", "Francis", "Anne"]

DOMAIN_TLDS = ["com", "com", "com", "org", "net", "io", "co", "co.uk", "org.uk", "de", "ca",
               "com.au", "dev", "app", "us", "info", "shop", "health"]
DOMAIN_SUBS = ["", "", "", "", "mail.", "portal.", "status.", "help.", "app.", "shop.", "billing."]
FIXED_DOMAINS = ["example.org", "example.com", "acme-corp.co.uk", "example.net"]

HOLIDAYS = ["Christmas", "Christmas Eve", "Christmas Day", "Thanksgiving", "Memorial Day",
            "Labor Day", "New Year's Eve", "New Year's Day", "July 4th", "Fourth of July",
            "Independence Day", "Halloween", "Easter", "Easter Sunday", "Valentine's Day",
            "Mother's Day", "Father's Day", "Veterans Day", "Presidents' Day", "Black Friday",
            "Cyber Monday", "Boxing Day", "Juneteenth", "Hanukkah", "Diwali", "Eid al-Fitr",
            "Lunar New Year", "Cinco de Mayo", "St. Patrick's Day", "Good Friday",
            "Martin Luther King Jr. Day", "Columbus Day"]

# hard negatives
FILENAMES = ["setup.py", "notes.md", "report.pdf", "index.html", "README.txt", "config.yaml",
             "data.csv", "photo.jpg", "invoice.docx", "backup.zip", "main.rs", "install.sh",
             "app.js", "styles.css", "budget.xlsx", "statement.pdf", "requirements.txt",
             "server.log", "package.json", "Q3-summary.pptx", "scan_0042.png", "draft_v2.doc"]
PRODUCTS = ["iPhone 15", "iPhone", "Galaxy S24", "PlayStation 5", "Kindle Paperwhite",
            "Windows 11", "MacBook Air", "AirPods Pro", "Xbox Series X", "Surface Pro",
            "ThinkPad X1", "Roomba", "Instant Pot", "Pixel 8", "Echo Dot"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---------------------------------------------------------------- people

first_name = picker(FIRST_NAMES)
surname = picker(SURNAMES)
wordy_first = picker(WORDY_FIRST)


def person_name(rng: random.Random) -> str:
    f, l = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    r = rng.random()
    if r < 0.14:
        return f"{f} {rng.choice(MIDDLE_INITIALS)}. {l}"
    if r < 0.20:
        return f"{f} {rng.choice(FIRST_NAMES)} {l}"
    if r < 0.24:
        return f"{f} {l}-{rng.choice(SURNAMES)}"
    return f"{f} {l}"


def name(rng: random.Random) -> str:
    return person_name(rng)


title = picker(TITLES)


# ---------------------------------------------------------------- places

def us_city(rng: random.Random) -> str:
    return rng.choice(US_CITIES)[0]


def city(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return rng.choice(US_CITIES)[0]
    if r < 0.7:
        return rng.choice(CA_CITIES)[0]
    return rng.choice(WORLD_CITIES)


def state(rng: random.Random) -> str:
    return rng.choice(list(US_STATES.values())) if rng.random() < 0.8 else rng.choice(list(CA_PROVINCES.values()))


country = picker(COUNTRIES)


def location(rng: random.Random) -> str:
    return rng.choice([city, city, state, country])(rng)


def _house_number(rng: random.Random) -> str:
    return str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999),
                           rng.randint(10000, 29999)]))


def _suffix(rng: random.Random) -> str:
    full, abbr = rng.choice(STREET_SUFFIXES)
    return rng.choices([full, abbr, abbr + "." if abbr != full else abbr], weights=[5, 4, 1])[0]


def _unit(rng: random.Random) -> str:
    n = rng.choice([str(rng.randint(1, 40)), f"{rng.randint(1, 20)}{rng.choice('ABCD')}",
                    str(rng.randint(100, 950))])
    return rng.choice([f"Apt {n}", f"Apt. {n}", f"Apartment {n}", f"Suite {n}", f"Ste {n}",
                       f"Unit {n}", f"#{n}", f"Floor {rng.randint(2, 30)}"])


def street_line(rng: random.Random) -> str:
    """House number, street, suffix and maybe a unit ("500 Oak Ave Suite 200"); never ends in '.'."""
    num = _house_number(rng)
    if rng.random() < 0.2:  # numbered street, usually with a direction: "77 W 45th St"
        d = rng.choice(DIRECTIONS)
        street = f"{rng.choice([d[0], d[1], d[0] + '.'])} {ordinal(rng.randint(1, 125))}"
    else:
        street = rng.choice(STREET_NAMES)
        if rng.random() < 0.15:
            street = f"{rng.choice(DIRECTIONS)[0]} {street}"
    line = f"{num} {street} {_suffix(rng)}"
    if rng.random() < 0.35:
        line += rng.choice([", ", " "]) + _unit(rng)
    return line.rstrip(".")


def us_zip(rng: random.Random, prefix: str) -> str:
    z = prefix + digits(rng, 2)
    return z if rng.random() < 0.85 else f"{z}-{digits(rng, 4)}"


def _city_state_zip(rng: random.Random) -> str:
    c, st, z3 = rng.choice(US_CITIES)
    st_text = st if rng.random() < 0.8 else US_STATES[st]
    return f"{c}, {st_text} {us_zip(rng, z3)}"


def us_address(rng: random.Random, sep: str = ", ") -> str:
    line = street_line(rng)
    if rng.random() < 0.15 and sep == ", ":
        return line                      # street line only
    return f"{line}{sep}{_city_state_zip(rng)}"


def po_box(rng: random.Random) -> str:
    box = rng.choice(["P.O. Box", "PO Box", "P.O. Box", "Post Office Box", "P O Box"])
    head = f"{box} {rng.randint(1, 99999)}"
    return head if rng.random() < 0.1 else f"{head}, {_city_state_zip(rng)}"


def military_address(rng: random.Random) -> str:
    kind, area, zips = rng.choice([("APO", "AE", "09"), ("APO", "AP", "96"), ("FPO", "AP", "96"),
                                   ("APO", "AA", "340"), ("DPO", "AE", "09"), ("FPO", "AE", "09")])
    z = zips + (f"{rng.randint(2, 6)}{digits(rng, 2)}" if zips == "96" else digits(rng, 5 - len(zips)))
    unit = rng.choice([f"PSC {rng.randint(1000, 9999)}, Box {rng.randint(1, 9999)}",
                       f"Unit {rng.randint(1000, 9999)} Box {rng.randint(1, 9999)}",
                       f"CMR {rng.randint(100, 999)}, Box {rng.randint(1, 9999)}"])
    return f"{unit}, {kind} {area} {z}"


UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def uk_postcode(rng: random.Random, district: str) -> str:
    return f"{district} {rng.randint(0, 9)}{rng.choice(UK_INWARD)}{rng.choice(UK_INWARD)}"


def uk_address(rng: random.Random) -> str:
    c, districts = rng.choice(UK_CITIES)
    line = f"{rng.randint(1, 250)} {rng.choice(UK_STREETS)} {rng.choice(UK_SUFFIXES)}"
    if rng.random() < 0.2:
        line = f"Flat {rng.randint(1, 30)}, {line}"
    return f"{line}, {c} {uk_postcode(rng, rng.choice(districts))}"


CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"   # no D F I O Q U


def ca_postcode(rng: random.Random, first: str) -> str:
    return (f"{first}{rng.randint(0, 9)}{rng.choice(CA_LETTERS)} "
            f"{rng.randint(0, 9)}{rng.choice(CA_LETTERS)}{rng.randint(0, 9)}")


def ca_address(rng: random.Random) -> str:
    c, prov, first = rng.choice(CA_CITIES)
    if prov == "QC" and rng.random() < 0.5:
        line = f"{rng.randint(10, 9999)} rue {rng.choice(QC_STREETS)}"
    else:
        full, abbr = rng.choice(STREET_SUFFIXES[:6])
        line = f"{rng.randint(10, 9999)} {rng.choice(CA_STREETS)} {rng.choice([full, abbr])}"
    if rng.random() < 0.2:
        line = f"Unit {rng.randint(1, 40)}, {line}"
    return f"{line}, {c}, {prov} {ca_postcode(rng, first)}"


def address(rng: random.Random) -> str:
    return rng.choices([us_address, po_box, military_address, uk_address, ca_address],
                       weights=[55, 10, 5, 15, 15])[0](rng)


def multiline_address(rng: random.Random) -> str:
    """A postal block as written in a letter or signature: street line, newline, city line."""
    if rng.random() < 0.2:
        c, districts = rng.choice(UK_CITIES)
        return (f"{rng.randint(1, 250)} {rng.choice(UK_STREETS)} {rng.choice(UK_SUFFIXES)}\n"
                f"{c} {uk_postcode(rng, rng.choice(districts))}")
    return us_address(rng, sep="\n")


def spoken_address(rng: random.Random) -> str:
    """A US address as a speech-to-text engine writes it: lower case, no commas, state spelled out."""
    c, st, z3 = rng.choice(US_CITIES)
    full, _ = rng.choice(STREET_SUFFIXES)
    line = f"{_house_number(rng)} {rng.choice(STREET_NAMES)} {full}"
    if rng.random() < 0.3:
        line += f" {rng.choice(['apartment', 'suite', 'unit'])} {rng.randint(1, 40)}{rng.choice(['', 'b', 'c'])}"
    if rng.random() < 0.2:
        return line.lower()
    return f"{line} {c} {US_STATES[st]} {z3}{digits(rng, 2)}".lower()


# ---------------------------------------------------------------- organisations, domains

def organization(rng: random.Random) -> str:
    r = rng.random()
    head = rng.choice(ORG_HEADS)
    if r < 0.35:
        return f"{head} {rng.choice(ORG_TRADES)} {rng.choice(ORG_SUFFIXES)}"
    if r < 0.42:
        return f"{head} {rng.choice(ORG_SUFFIXES)}"
    if r < 0.50:
        return bank(rng)
    if r < 0.60:
        st = rng.choice(list(US_STATES.values()))
        return rng.choice([f"University of {st}", f"{st} State University",
                           f"{head} Community College", f"{us_city(rng)} Community College"])
    if r < 0.70:
        return rng.choice([f"{head} General Hospital", f"{us_city(rng)} General Hospital",
                           f"St. {rng.choice(SAINTS)}'s Medical Center", f"{head} Family Clinic",
                           f"{head} Children's Hospital"])
    return rng.choice(WELL_KNOWN_ORGS)


def bank(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return rng.choice(WELL_KNOWN_BANKS)
    head = rng.choice(ORG_HEADS)
    return rng.choice(["First Federal Bank", f"First National Bank of {us_city(rng)}",
                       f"{head} Savings Bank", f"{head} Credit Union",
                       f"{us_city(rng)} Federal Credit Union", f"{head} Community Bank"])


def domain(rng: random.Random) -> str:
    if rng.random() < 0.12:
        return rng.choice(FIXED_DOMAINS)
    head = rng.choice(ORG_HEADS).lower().replace(" ", rng.choice(["", "-"]))
    label = rng.choice([head, head, f"{head}-{rng.choice(ORG_TRADES).lower()}",
                        f"{head}{rng.choice(ORG_TRADES).lower()}", f"my{head}"])
    return f"{rng.choice(DOMAIN_SUBS)}{label}.{rng.choice(DOMAIN_TLDS)}"


# ---------------------------------------------------------------- IDs with context

LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def passport(rng: random.Random) -> str:
    return rng.choice([
        f"{rng.randint(1, 9)}{digits(rng, 8)}",                        # US (older) / UK: 9 digits
        f"{rng.choice(LETTERS)}{digits(rng, 8)}",                      # US next generation
        f"{rng.choice(LETTERS)}{rng.choice(LETTERS)}{digits(rng, 6)}",  # Canada
        f"{rng.choice(LETTERS)}{digits(rng, 7)}",                      # India
        "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8)),  # Germany
    ])


def drivers_license(rng: random.Random) -> str:
    L = rng.choice(LETTERS)
    return rng.choice([
        f"{L}{digits(rng, 7)}",                                                   # CA (and many)
        f"{rng.randint(1, 9)}{digits(rng, 8)}",                                   # NY
        f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",                    # NY, spaced
        f"{L}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}-{digits(rng, 1)}",  # FL
        f"{L}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}",                 # IL
        f"{rng.randint(1, 4)}{digits(rng, 7)}",                                   # TX
        f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",                    # PA
        f"{L}{digits(rng, 4)} {digits(rng, 5)} {digits(rng, 5)}",                 # NJ
        f"{L} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",  # MI
    ])


def bank_account(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "000" + digits(rng, rng.choice([7, 9]))
    return str(rng.randint(1, 9)) + digits(rng, rng.choice([7, 9, 10, 11, 12, 13, 16]))


def digit_run(rng: random.Random) -> str:
    """A bare digit run with no account context: not PII by itself."""
    return digits(rng, rng.choice([8, 10, 12]))


account_number = digit_run   # the old name


holiday = picker(HOLIDAYS)


# ---------------------------------------------------------------- spoken numbers

DIGIT_WORDS = "zero one two three four five six seven eight nine".split()


def _group_digits(value: str) -> list[str]:
    groups = [g for g in "".join(c if c.isdigit() else " " for c in value).split()]
    if len(groups) == 1:
        g = groups[0]
        sizes = {9: (3, 2, 4), 10: (3, 3, 4), 11: (1, 3, 3, 4)}.get(len(g), (4,) * (len(g) // 4 + 1))
        groups = [p for p in group(g, sizes, " ").split(" ") if p]
    return groups


def _say_group(g: str, oh: bool, runs: bool) -> str:
    word = lambda c: "oh" if c == "0" and oh else DIGIT_WORDS[int(c)]
    out, i = [], 0
    while i < len(g):
        j = i
        while j < len(g) and g[j] == g[i]:
            j += 1
        n = j - i if runs else 1
        if n == 2:
            out.append(f"double {word(g[i])}")
        elif n == 3:
            out.append(f"triple {word(g[i])}")
        elif n >= 4:
            out.append(f"double {word(g[i])}")
            n = 2
        else:
            out.append(word(g[i]))
            n = 1
        i += n
    return " ".join(out)


def spell_number(rng: random.Random, value: str, style: str | None = None) -> str:
    """`value` (a valid number as written) said aloud, as a transcript renders it: digit words,
    "oh" for zero, "double"/"triple" for runs, or spaced digits, or groups of each."""
    groups = _group_digits(value)
    style = style or rng.choices(["words", "digits", "mixed"], weights=[5, 2, 3])[0]
    oh, runs = rng.random() < 0.6, rng.random() < 0.5
    if style == "mixed":
        said = [rng.random() < 0.5 for _ in groups]
        if len(set(said)) == 1 and len(groups) > 1:
            said[0] = not said[0]
    else:
        said = [style == "words"] * len(groups)
    parts = [_say_group(g, oh, runs) if w else " ".join(g) for g, w in zip(groups, said)]
    sep = rng.choice([" ", " ", " ", ", "])
    head = "plus " if value.lstrip().startswith("+") else ""
    return head + sep.join(parts)


def words_to_digits(text: str) -> str:
    """Inverse of spell_number (for checking spoken values)."""
    out, mult = [], 1
    for tok in re.findall(r"[a-z]+|\d|\+", text.lower()):
        if tok in ("double", "triple"):
            mult = 2 if tok == "double" else 3
            continue
        if tok in ("plus", "+"):
            out.append("+")
            continue
        d = "0" if tok in ("oh", "o") else str(DIGIT_WORDS.index(tok)) if tok in DIGIT_WORDS else tok
        out.append(d * mult)
        mult = 1
    return "".join(out)


def spoken_phone(rng: random.Random) -> str:
    value = us_phone(rng) if rng.random() < 0.85 else intl_phone(rng)
    return spell_number(rng, value)


def spoken_card(rng: random.Random) -> str:
    issuer, number = card_number(rng, rng.choice(["visa", "mastercard", "amex", "discover"]))
    return spell_number(rng, group(number, ISSUERS[issuer][2], " "))


def spoken_ssn(rng: random.Random) -> str:
    return spell_number(rng, ssn(rng).replace(" ", "-"))


# ---------------------------------------------------------------- more hard negatives

filename = picker(FILENAMES)
product = picker(PRODUCTS)
weekday = picker(WEEKDAYS)
month = picker(MONTHS)


def mr_dot(rng: random.Random) -> str:
    """A title glued to the next word ("Mr.Smith"): not a domain name."""
    return rng.choice(["Mr.", "Mrs.", "Dr.", "Ms."])
