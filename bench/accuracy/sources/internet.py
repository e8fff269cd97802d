"""Email addresses, URLs and IP addresses from faker's internet providers.

Emails: `email()`, `free_email()` and `company_email()` of every locale with an internet
provider of its own, and internationalised addresses (RFC 6531) made of the same locale's
first and last names as they are spelt (`jürgen.weiß@…`, `иван.петров@…`, `王.伟@…`)
at one of its domain names. URLs: `url()` of those locales. IPs: `ipv4_public()`,
`ipv4_private()` and `ipv6()`, the IPv6 written in full or compressed (`ipaddress`).
"""
from __future__ import annotations

import ipaddress
import random

from faker import Faker

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng
from bench.accuracy.sources.faker_names import locales

ORIGIN = "faker (MIT): the internet and person providers of its locales"

EMAIL_FRAMES = ["My email is {}", "mail {} for details", "{}", "From: {}",
                "Please cc {} on the reply", "contact {} or call the desk"]
URL_FRAMES = ["see {} for the details", "{}", "Link: {}", "I uploaded it to {} yesterday"]
IP_FRAMES = ["connection from {} refused", "host {} is down", "{}", "Client IP: {}",
             "blocked {} after five failed logins"]
PER_LOCALE = 12
IPS = 300


def eai(fake: Faker) -> str:
    local = f"{fake.first_name()}.{fake.last_name()}".lower().replace(" ", "")
    return f"{local}@{fake.domain_name()}"


def locale_values(rng: random.Random, fake: Faker) -> list[tuple[str, str, str]]:
    makers = [("email", "EMAIL_ADDRESS", fake.email), ("email", "EMAIL_ADDRESS", fake.free_email),
              ("email", "EMAIL_ADDRESS", fake.company_email), ("url", "URL", fake.url)]
    if not fake.first_name().isascii():
        makers.append(("email:eai", "EMAIL_ADDRESS", lambda: eai(fake)))
    out = []
    for _ in range(PER_LOCALE):
        kind, type_name, make = pick(rng, makers)
        out.append((kind, type_name, make()))
    return out


def ip(rng: random.Random, fake: Faker) -> tuple[str, str]:
    r = rng.random()
    if r < 0.35:
        return "ip:v4", fake.ipv4_public()
    if r < 0.5:
        return "ip:v4-private", fake.ipv4_private()
    full = fake.ipv6()
    return ("ip:v6", full) if r < 0.75 else ("ip:v6-compressed", ipaddress.IPv6Address(full).compressed)


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "faker_internet")
    out = []
    for locale in locales("internet"):
        fake = Faker(locale)
        fake.seed_instance(rng.getrandbits(32))
        for kind, type_name, text in locale_values(rng, fake):
            frames = EMAIL_FRAMES if type_name == "EMAIL_ADDRESS" else URL_FRAMES
            out.append(fill(f"{kind}:{locale}" if kind == "email:eai" else kind, pick(rng, frames),
                            (type_name, text)))
    fake = Faker("en_US")
    fake.seed_instance(rng.getrandbits(32))
    for _ in range(IPS):
        kind, text = ip(rng, fake)
        out.append(fill(kind, pick(rng, IP_FRAMES), ("IP_ADDRESS", text)))
    return out
