"""Dates in the date patterns of CLDR's locales, formatted by babel.

In scope (redactd reads numeric dates in any order and English month names):
- every date pattern (short, medium, long, full) of every locale whose output is numeric:
  ASCII digits with ` `, `.`, `/`, `-` between them (`3/1/24`, `2024. 01. 03.`,
  `03.01.2024`); each distinct pattern once, with dates drawn at random;
- the written patterns of the English locales (`en`, `en_*`): `Jan 3, 2024`,
  `3 January 2024`, `Wednesday, January 3, 2024`; each distinct pattern with the
  locales that use it.
Everything else (month names in other languages, other digits, era markers) is in
`dates_other`, scored apart. The label is the whole of babel's output, weekday and
trailing dot included.
"""
from __future__ import annotations

import datetime
import random
import re
from collections import defaultdict
from typing import Literal

from babel import localedata
from babel.dates import format_date, get_date_format

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import fill, pick, source_rng

ORIGIN = ("babel (BSD-3-Clause) with the Unicode CLDR data it ships (Unicode licence, "
          "babel/locale-data/LICENSE.unicode): every locale's date patterns")

Width = Literal["short", "medium", "long", "full"]
WIDTHS: list[Width] = ["short", "medium", "long", "full"]
NUMERIC = re.compile(r"[0-9]+(?:[ ./-]+[0-9]+)+[ .]*")   # ASCII digits and separators only
PROBE = datetime.date(2024, 11, 23)                       # day > 12: every field visible
# no full stop right after a slot: some patterns end in one
FRAMES = ["Date: {}", "The meeting is on {} at nine", "{}", "Invoice date {}", "Signed on {}",
          "Delivered {} at the front desk", "Posted {}", "see you {}!",
          "The contract runs from {} to {} inclusive", "Date of issue: {}"]
NUMERIC_DATES = 30      # per distinct numeric pattern
ENGLISH_DATES = 40      # per distinct English written pattern


def patterns() -> dict[tuple[Width, str], list[str]]:
    """(width, pattern) -> the locales that use it, for every CLDR locale."""
    found: dict[tuple[Width, str], list[str]] = defaultdict(list)
    for locale in sorted(localedata.locale_identifiers()):
        for width in WIDTHS:
            found[(width, get_date_format(width, locale=locale).pattern)].append(locale)
    return found


def is_numeric(width: Width, locale: str) -> bool:
    return NUMERIC.fullmatch(format_date(PROBE, format=width, locale=locale)) is not None


def is_english(width: Width, locale: str) -> bool:
    """An English locale written in Latin letters (not Deseret or Shavian)."""
    return ((locale == "en" or locale.startswith("en_"))
            and "Nov" in format_date(PROBE, format=width, locale=locale))


def in_scope() -> tuple[dict[str, list[str]], dict[tuple[Width, str], list[str]]]:
    """Numeric patterns (pattern -> locales) and English written ones ((width, pattern) ->
    English locales)."""
    numeric: dict[str, list[str]] = defaultdict(list)
    english: dict[tuple[Width, str], list[str]] = defaultdict(list)
    for (width, pattern), locales in sorted(patterns().items()):
        for locale in locales:
            if is_numeric(width, locale):
                numeric[pattern].append(locale)
            elif is_english(width, locale):
                english[(width, pattern)].append(locale)
    return numeric, english


def random_date(rng: random.Random) -> datetime.date:
    return datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randrange(105 * 365))


def sentence(rng: random.Random, kind: str, width: Width, locales: list[str]) -> Sentence:
    locale = pick(rng, locales)
    frame = pick(rng, FRAMES)
    values = [("DATE", format_date(random_date(rng), format=width, locale=locale))
              for _ in range(frame.count("{}"))]
    return fill(kind, frame, *values)


def width_of(pattern: str, locales: list[str]) -> Width:
    """A width under which the first locale uses this pattern."""
    return next(w for w in WIDTHS if get_date_format(w, locale=locales[0]).pattern == pattern)


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "cldr_dates")
    numeric, english = in_scope()
    out = []
    for pattern, locales in numeric.items():
        width = width_of(pattern, locales)
        out += [sentence(rng, "date:numeric", width, [locales[0]]) for _ in range(NUMERIC_DATES)]
    for (width, _), locales in english.items():
        out += [sentence(rng, f"date:en-{width}", width, locales) for _ in range(ENGLISH_DATES)]
    return out
