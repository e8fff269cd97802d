"""Card numbers of every network and IBANs of many countries.

Cards: faker's `credit_card_number(card_type=...)` for Visa (13, 16 and 19 digits),
Mastercard, Amex, Discover, Diners, JCB (15 and 16) and Maestro, written plain, in
groups of four (Amex 4-6-5, Diners 4-6-4) split by spaces or dashes. IBANs: faker's
`iban()` for each locale with a bank provider of its own, for the countries that
schwifty's IBAN registry knows (faker makes up "hypothetical" IBANs for countries that
have none, such as the Philippines or India), and schwifty's `IBAN.random` for every country of its bank
registry (valid bank codes), written compact or in groups of four.
"""
from __future__ import annotations

import random

from faker import Faker

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng
from bench.accuracy.sources.faker_names import locales

ORIGIN = ("faker (MIT): card numbers by network, IBANs of its bank locales; schwifty (MIT): "
          "IBANs with real bank codes from its registry (national banks' published lists)")

CARD_TYPES = ["visa13", "visa16", "visa19", "mastercard", "amex", "discover", "diners",
              "jcb15", "jcb16", "maestro"]
CARD_FRAMES = ["Card: {}", "pay with {} please", "my card number is {}", "{}",
               "Charge it to {}, thanks", "new card {} (the old one expired)"]
IBAN_FRAMES = ["IBAN {}", "please transfer to {}", "Account: {}", "{}",
               "Wire the deposit to {} by Friday", "Bank details: {}"]
CARDS_PER_TYPE = 40
IBANS_PER_COUNTRY = 6
GROUPS = {15: (4, 6, 5), 14: (4, 6, 4)}   # Amex, Diners; everything else in fours


def grouped(digits: str, sep: str) -> str:
    sizes = GROUPS.get(len(digits), (4,) * (len(digits) // 4) + ((len(digits) % 4,) if len(digits) % 4 else ()))
    parts, i = [], 0
    for n in sizes:
        parts.append(digits[i:i + n])
        i += n
    return sep.join(parts)


def card(rng: random.Random, fake: Faker, card_type: str) -> tuple[str, str]:
    digits = fake.credit_card_number(card_type=card_type)
    style = pick(rng, ["plain", "spaces", "spaces", "dashes"])
    text = {"plain": digits, "spaces": grouped(digits, " "), "dashes": grouped(digits, "-")}[style]
    return f"card:{card_type}", text


def iban_text(rng: random.Random, compact: str) -> str:
    return compact if rng.random() < 0.4 else " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def ibans(rng: random.Random) -> list[tuple[str, str]]:
    """(kind, compact IBAN) from faker's bank locales and schwifty's registry countries."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException
    from schwifty.registry import get_countries, get_iban_spec
    out = []
    for locale in locales("bank"):
        try:
            get_iban_spec(locale[-2:])
        except SchwiftyException:
            continue   # a country without IBANs
        fake = Faker(locale)
        fake.seed_instance(rng.getrandbits(32))
        out += [(f"iban:faker:{locale}", str(IBAN(fake.iban()).compact)) for _ in range(IBANS_PER_COUNTRY)]
    for cc in sorted(get_countries()):
        out += [(f"iban:schwifty:{cc}", str(IBAN.random(country_code=cc, random=rng).compact))
                for _ in range(IBANS_PER_COUNTRY)]
    return out


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "faker_payments")
    fake = Faker("en_US")
    fake.seed_instance(rng.getrandbits(32))
    out = []
    for card_type in CARD_TYPES:
        for _ in range(CARDS_PER_TYPE):
            kind, text = card(rng, fake, card_type)
            out.append(fill(kind, pick(rng, CARD_FRAMES), ("CREDIT_CARD_NUMBER", text)))
    for kind, compact in ibans(rng):
        out.append(fill(kind, pick(rng, IBAN_FRAMES), ("IBAN", iban_text(rng, compact))))
    return out
