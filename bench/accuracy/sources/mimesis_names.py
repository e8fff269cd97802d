"""Person names of mimesis's 48 locales, in each culture's name order and script.

Given and family names of one gender from the locale's lists; family name first for
Chinese, Korean (no space), Japanese and Hungarian (a space), given name first
elsewhere. The organisation in "{} from {} ..." is the same locale's `company()`.
"""
from __future__ import annotations

from mimesis import Finance, Person
from mimesis.enums import Gender
from mimesis.locales import Locale

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng
from bench.accuracy.sources.faker_names import FRAMES, ORG_FRAME

ORIGIN = "mimesis (MIT): the person and finance (company) data of its locales"

FAMILY_FIRST = {"zh": "", "ko": "", "ja": " ", "hu": " "}   # locale -> between the names
PER_LOCALE = 20


def full_name(person: Person, locale: str, gender: Gender) -> str:
    given, family = person.first_name(gender=gender), person.last_name(gender=gender)
    if locale in FAMILY_FIRST:
        return f"{family}{FAMILY_FIRST[locale]}{given}"
    return f"{given} {family}"


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "mimesis_names")
    out = []
    for locale in Locale:
        person = Person(locale=locale, seed=rng.getrandbits(32))
        finance = Finance(locale=locale, seed=rng.getrandbits(32))
        for i in range(PER_LOCALE):
            gender = pick(rng, [Gender.FEMALE, Gender.MALE])
            name = ("PERSON_NAME", full_name(person, locale.value, gender).strip())
            if i % 4 == 0:
                out.append(fill(f"name:{locale.value}", ORG_FRAME, name,
                                ("ORGANIZATION", finance.company().strip())))
            else:
                out.append(fill(f"name:{locale.value}", pick(rng, FRAMES), name))
    return out
