"""A deterministic, seeded corpus of ~200-byte messages with PII at realistic density.

Message kinds: chat lines, call-centre transcript turns, email snippets, SMS,
log lines and JSON-ish records. About one message in two carries PII (Luhn-valid
cards, SSNs, US and international phones, emails, mod-97-valid IBANs, IPv4/IPv6,
URLs, numeric and written dates, ABA-valid routing numbers next to "routing");
most carry look-alike numbers (amounts, order ids, times, versions). A few are
Latin-1, BMP (Cyrillic, Greek, CJK) or astral (emoji), so every PEP 393 kind appears.
"""
from __future__ import annotations

import random

from redactd.core._scan import IBAN_LENGTHS

SEED = 20240601
MESSAGE_BYTES = (140, 260)  # target size range of one message, in UTF-8 bytes

WORDS = """the a to and of i you it is that for on my with this was have be
not are your can we please account order payment thanks hi hello yes no just
need help today check update number sent received still waiting refund issue
support agent customer call back email address card charge bill monthly plan
service delivery tracking package status confirm verify details new old last
week month time ok sure great sorry problem fixed working again let me see
know will would could should there their here from about when what why how
""".split()
FIRST = "james mary john patricia robert jennifer michael linda david susan anna wei raj".split()
LAST = "smith johnson williams brown jones garcia miller davis wilson lopez lee patel".split()
DOMAINS = ["example.com", "mail.example.org", "corp.example.net", "gmail.com", "outlook.co.uk"]
TLD_PATHS = ["/account/settings", "/orders?id=", "/help/article/", "/t/", "/login?next=/billing"]
LATIN1 = ["José", "Müller", "Françoise", "Søren", "Zoë", "café", "naïve", "señor", "£45", "30°C"]
BMP = ["Дмитрий", "Москва", "спасибо", "Αθήνα", "ευχαριστώ", "北京", "谢谢", "東京", "안녕하세요", "€20"]
ASTRAL = ["👍", "😀", "🙏", "🎉", "📞", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
US_AREAS = [201, 202, 212, 213, 305, 312, 404, 415, 503, 512, 617, 646, 702, 713, 718, 805, 917]
INTL_PHONES = ["+44 20 #### ####", "+44 7### ######", "+49 30 #######", "+33 6 ## ## ## ##",
               "+91 9#### #####", "+61 4## ### ###", "+34 6## ### ###", "+81 90-####-####",
               "+353 87 ### ####", "+52 55 #### ####"]
IBAN_COUNTRIES = ["DE", "GB", "FR", "ES", "IT", "NL", "BE", "CH", "PL", "IE"]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def fill(rng: random.Random, pattern: str) -> str:
    return "".join(rng.choice("0123456789") if c == "#" else c for c in pattern)


# ---------------------------------------------------------------- PII values

def luhn_digit(body: str) -> str:
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(reversed(body)))
    return str(-total % 10)


def card(rng: random.Random) -> str:
    prefix, length, groups = rng.choice([("4", 16, (4, 4, 4, 4)), ("51", 16, (4, 4, 4, 4)),
                                         ("2221", 16, (4, 4, 4, 4)), ("37", 15, (4, 6, 5)),
                                         ("6011", 16, (4, 4, 4, 4))])
    body = prefix + digits(rng, length - len(prefix) - 1)
    number = body + luhn_digit(body)
    sep = rng.choice([" ", "-", " ", ""])
    parts, i = [], 0
    for g in groups:
        parts.append(number[i:i + g])
        i += g
    return sep.join(parts)


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666][::7])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def phone(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return fill(rng, rng.choice(INTL_PHONES))
    area, exch, line = rng.choice(US_AREAS), rng.randint(200, 999), digits(rng, 4)
    return rng.choice([f"({area}) {exch}-{line}", f"{area}-{exch}-{line}",
                       f"{area}.{exch}.{line}", f"+1 {area} {exch} {line}"])


def email(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)}.{rng.choice(LAST)}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"


def iban(rng: random.Random) -> str:
    cc = rng.choice(IBAN_COUNTRIES)
    bban = ("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) if cc == "GB" else "")
    bban += digits(rng, IBAN_LENGTHS[cc] - 4 - len(bban))
    numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
    value = f"{cc}{98 - int(numeric) % 97:02d}{bban}"
    if rng.random() < 0.5:
        return value
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def routing(rng: random.Random) -> str:
    d = [int(c) for c in f"{rng.choice([1, 2, 3, 6, 7, 11, 21, 26, 31, 61, 71]):02d}" + digits(rng, 6)]
    partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5]
    return "".join(map(str, d)) + str(-partial % 10)


def ipv4(rng: random.Random) -> str:
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(8)]
    return "2001:db8::" + ":".join(groups[5:]) if rng.random() < 0.6 else ":".join(groups)


def url(rng: random.Random) -> str:
    scheme = rng.choice(["https://", "http://", "https://www.", "www."])
    return f"{scheme}{rng.choice(DOMAINS)}{rng.choice(TLD_PATHS)}{rng.randint(100, 99999)}"


def date(rng: random.Random) -> str:
    y, m, d = rng.randint(1950, 2025), rng.randint(1, 12), rng.randint(1, 28)
    month = MONTHS[m - 1]
    return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{m:02d}/{d:02d}/{y}", f"{d}.{m}.{y}",
                       f"{d} {month[:3]} {y}", f"{month} {d}, {y}", f"{d}th of {month}"])


# phrase templates per type; most carry a context word, some don't
PII = [
    (card, ["my card number is {}", "card {} exp 09/27", "charge it to {}", "{}"], 6),
    (ssn, ["SSN {}", "my social is {}", "ssn: {}"], 4),
    (phone, ["call me at {}", "my number is {}", "reach me on {}", "tel {}", "{}"], 14),
    (email, ["email me at {}", "from {}", "<{}>", "{}"], 14),
    (iban, ["IBAN {}", "wire it to {}", "bank account {}"], 3),
    (routing, ["routing number {} account {}", "ABA routing {}"], 2),
    (ipv4, ["from {}", "client={}", "ip {}"], 8),
    (ipv6, ["from {}", "client={}"], 2),
    (url, ["see {}", "link: {}", "{}"], 8),
    (date, ["on {}", "due {}", "born {}", "DOB {}", "since {}"], 10),
]
DISTRACTORS = ["order #A{}", "${}.99", "{} items", "at {}:{}", "ticket {}", "v{}.{}.{}",
               "zip {}", "{}%", "ext. {}", "room {}"]


def pii(rng: random.Random) -> str:
    make, phrases, _ = rng.choices(PII, weights=[w for _, _, w in PII])[0]
    phrase = rng.choice(phrases)
    return phrase.format(make(rng), digits(rng, rng.randint(8, 12))) if phrase.count("{}") == 2 \
        else phrase.format(make(rng))


def distractor(rng: random.Random) -> str:
    return rng.choice(DISTRACTORS).format(*(rng.randint(1, 99999) for _ in range(3)))


def word(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.010:
        return rng.choice(LATIN1)
    if roll < 0.014:
        return rng.choice(BMP)
    if roll < 0.016:
        return rng.choice(ASTRAL)
    return rng.choice(WORDS)


# ---------------------------------------------------------------- messages

def prose(rng: random.Random, target: int) -> str:
    """Words with PII phrases (about 0.6 per 200 bytes) and look-alike numbers mixed in."""
    parts: list[str] = []
    size = 0
    while size < target:
        roll = rng.random()
        part = pii(rng) if roll < 0.022 else distractor(rng) if roll < 0.05 else word(rng)
        parts.append(part)
        size += len(part.encode()) + 1
    return " ".join(parts)


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST).title()} {rng.choice(LAST).title()}"


def clock(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def chat(rng, target):
    return f"[{clock(rng)}] {rng.choice(FIRST)}: {prose(rng, target - 20)}"


def transcript(rng, target):
    return f"{rng.choice(['AGENT', 'CALLER'])} ({clock(rng)}): {prose(rng, target - 22)}"


def email_body(rng, target):
    return f"Subject: Re: {rng.choice(WORDS)} {rng.choice(WORDS)}\nHi {rng.choice(FIRST).title()},\n" \
           f"{prose(rng, target - 50)}\nThanks, {name(rng)}"


def sms(rng, target):
    return prose(rng, min(target, 160))


def log_line(rng, target):
    level = rng.choice(["INFO", "INFO", "WARN", "ERROR", "DEBUG"])
    return f"2024-05-{rng.randint(1, 31):02d}T{clock(rng)}Z {level} svc={rng.choice(WORDS)} " \
           f"req={digits(rng, 12)} {prose(rng, target - 70)}"


def record(rng, target):
    return f'{{"id": {rng.randint(1, 10 ** 7)}, "name": "{name(rng)}", "note": "{prose(rng, target - 60)}"}}'


KINDS = [(chat, 30), (transcript, 25), (email_body, 10), (sms, 15), (log_line, 12), (record, 8)]


def message(rng: random.Random) -> str:
    kind = rng.choices(KINDS, weights=[w for _, w in KINDS])[0][0]
    return kind(rng, rng.randint(*MESSAGE_BYTES))


def messages(total_bytes: int, seed: int = SEED) -> list[str]:
    """Messages whose UTF-8 sizes add up to at least `total_bytes`; same seed, same list."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < total_bytes:
        out.append(message(rng))
        size += len(out[-1].encode()) + 1
    return out


# "distinct phones": one valid number a message, never the same twice
PHONE_FRAMES = ["Call me at {} tomorrow after lunch, thanks.", "My cell is {}, text first if it's late.",
                "Reach the office on {} after 9 or before 5.", "new number: {} (ok to share with the team)",
                "{} is the front desk, ask for Sam or Priya.", "pls ring {} about the order from last week"]
NATIONAL_REGIONS = ("US", "GB", "DE", "FR", "IN")  # the distinct-phones detection's regions


def distinct_phones(total_bytes: int, seed: int = SEED) -> list[str]:
    """Messages of three or four sentences of about 60 bytes, each sentence with one distinct
    phone number that phonenumbers validates: example numbers of every region and type with
    their last digits varied, written E.164, international, with '00', or (for
    NATIONAL_REGIONS) national."""
    import phonenumbers as pn

    rng = random.Random(seed)
    examples = [(r, ex) for r in sorted(pn.SUPPORTED_REGIONS) for t in pn.PhoneNumberType.values()
                if (ex := pn.example_number_for_type(r, t)) is not None]
    out: list[str] = []
    seen: set[str] = set()
    sentences: list[str] = []
    size = 0
    while size < total_bytes:
        if len(sentences) >= 3 + (len(out) & 1):
            out.append(" ".join(sentences))
            size += len(out[-1].encode()) + 1
            sentences = []
        region, ex = rng.choice(examples)
        nsn = pn.national_significant_number(ex)
        number = pn.parse(f"+{ex.country_code}{nsn[:-3]}{digits(rng, 3)}")
        e164 = pn.format_number(number, pn.PhoneNumberFormat.E164)
        if e164 in seen or not pn.is_valid_number(number):
            continue
        seen.add(e164)
        form = rng.choice(["e164", "intl", "intl", "00"] + ["national"] * 3 * (region in NATIONAL_REGIONS))
        written = {"e164": e164, "00": "00" + e164[1:],
                   "intl": pn.format_number(number, pn.PhoneNumberFormat.INTERNATIONAL),
                   "national": pn.format_number(number, pn.PhoneNumberFormat.NATIONAL)}[form]
        sentences.append(rng.choice(PHONE_FRAMES).format(written))
    return out


def utf8_size(texts: list[str]) -> int:
    return sum(len(t.encode()) for t in texts)


if __name__ == "__main__":
    for m in messages(3000, seed=1):
        print(repr(m))
