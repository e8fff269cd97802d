"""Person names of 80-odd locales from faker, in each locale's own name order and script.

A name is one of the locale's name formats (faker's `formats` of its person provider)
that has no prefix or suffix (`Dr.`, `Jr.`): `{{last_name}}{{first_name}}` for zh_CN,
`{{last_name}} {{first_name_male}}` for ja_JP and hu_HU, first, patronymic and last for
ru_RU. Locales without a person provider of their own (faker falls back to en_US) are
skipped, and so is the deprecated alias fr_QC. The organisation in "{} from {} ..." is the same locale's `company()`, and only
where the locale has its own company provider.
"""
from __future__ import annotations

import re

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng

ORIGIN = "faker (MIT): the person and company providers of its locales"

FRAMES = ["My name is {}", "{} called about the order", "{}: Who are you?", "Regards,\n{}",
          "Dear {},", "Please ask {} to sign the form", "Meeting with {} at noon",
          "Patient: {}", "Thanks again, {}"]
ORG_FRAME = "{} from {} is the keynote speaker"
PER_LOCALE = 16
DEPRECATED = {"fr_QC"}   # an alias of fr_CA that warns


def provider(fake: Faker, name: str):
    return next(p for p in fake.get_providers() if p.__provider__ == f"faker.providers.{name}")


def own(fake: Faker, name: str, locale: str) -> bool:
    """Whether the locale has this provider of its own (not faker's en_US fallback)."""
    return type(provider(fake, name)).__module__.endswith("." + locale)


def name_formats(fake: Faker) -> list[str]:
    formats = list(provider(fake, "person").formats)   # a list, or a dict of weights
    return [f for f in formats if not re.search("prefix|suffix", f)]


def locales(provider_name: str = "person") -> list[str]:
    """The locales with a provider of this kind of their own."""
    return [loc for loc in sorted(set(AVAILABLE_LOCALES) - DEPRECATED)
            if "_" in loc and own(Faker(loc), provider_name, loc)]


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "faker_names")
    out = []
    for locale in locales():
        fake = Faker(locale)
        fake.seed_instance(rng.getrandbits(32))
        formats = name_formats(fake)
        with_orgs = own(fake, "company", locale)
        for i in range(PER_LOCALE):
            name = ("PERSON_NAME", fake.parse(pick(rng, formats)).strip())
            if with_orgs and i % 4 == 0:
                out.append(fill(f"name:{locale}", ORG_FRAME, name, ("ORGANIZATION", fake.company().strip())))
            else:
                out.append(fill(f"name:{locale}", pick(rng, FRAMES), name))
    return out
