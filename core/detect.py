"""Entities from the compiled scanner's spans: validation, values, overlaps."""
from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from typing import Iterable, Sequence

from redactd.core import _scan
from redactd.core.custom import Custom
from redactd.core.entity_types import BY_NAME, BY_TYPE
from redactd.core.values import phone_e164_in, phone_region_ids, phone_unvalidated


def installed_phonenumbers_version() -> str:
    """The installed phonenumbers' __version__, read from its source without running it:
    the compiled tables answer for it, so most processes never import it (~15 ms)."""
    import importlib.util
    import re
    spec = importlib.util.find_spec("phonenumbers")
    if spec is not None and spec.origin and spec.origin.endswith(".py"):
        try:
            with open(spec.origin, encoding="utf-8") as f:
                found = re.search(r"^__version__ = [\"']([^\"']+)[\"']", f.read(), re.M)
        except OSError:
            found = None
        if found:
            return found.group(1)
    import phonenumbers  # a layout this reading does not know: ask it
    return phonenumbers.__version__


if _scan.PHONENUMBERS_VERSION != installed_phonenumbers_version():
    raise ImportError(f"redactd.core._scan's phone tables are phonenumbers {_scan.PHONENUMBERS_VERSION}'s, "
                      f"{installed_phonenumbers_version()} is installed: rebuild (setup.py build_ext)")

TYPE_NAMES: tuple[str, ...] = _scan.TYPE_NAMES
ALL_TYPES: int = _scan.ALL_TYPES
SPOKEN = _scan.SPOKEN
SPOKEN_PLUS = _scan.SPOKEN_PLUS
PHONE_VALUE, VALUE_PLUS, PHONE_KEPT = _scan.PHONE_VALUE, _scan.VALUE_PLUS, _scan.PHONE_KEPT
# the score of a phone number no numbering plan validates, kept because it was written with
# '+' in a length its country's plan allows, or stands right after a strong cue ("Mobile:",
# "call me at"; core.lexicon.PHONE_CUE_WORDS): below a validated number's 0.75-0.9
PHONE_CUE_SCORE = 0.6
LOCATION_SUBTYPES = ("", "LOCATION_CITY", "LOCATION_STATE", "LOCATION_COUNTRY")
# names a caller may use in entity_types and exclude beside the types: LOCATION's subtypes
SUBTYPES: dict[str, str] = {name: "LOCATION" for name in LOCATION_SUBTYPES if name}
# every name a caller may give for a type: the types and LOCATION's subtypes
TYPE_OR_SUBTYPE: frozenset[str] = frozenset(BY_NAME) | frozenset(SUBTYPES)
# regions whose numeric dates are read day first (everywhere but these)
MONTH_FIRST_REGIONS = frozenset({"US", "PH", "FM", "PW", "MH", "CA", "BZ", "GU", "AS", "PR", "VI", "MP"})


@dataclass(frozen=True, slots=True)
class Entity:
    type: str
    start: int     # code point offset in the scanned text, inclusive
    end: int       # code point offset, exclusive
    text: str      # the exact substring
    value: str     # normalised
    score: float
    subtype: str = ""  # LOCATION: LOCATION_CITY, LOCATION_STATE or LOCATION_COUNTRY


@dataclass(frozen=True, slots=True)
class Detection:
    """What to look for; built once per request or stream."""
    types: int = ALL_TYPES
    exclude: frozenset[str] = frozenset()
    min_score: float = 0.0
    region: str = "US"
    subtypes: frozenset[str] = frozenset()  # LOCATION subtypes asked for alone (none: all)
    phone_regions: tuple[str, ...] = ()  # national phone numbers validate here too, after `region`
    custom: Custom | None = None  # the caller's own types: patterns, deny and allow lists (core.custom)
    # national_regions as the compiled phone tables number them (the scan's phone_regions)
    phone_region_ids: tuple[int, ...] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phone_region_ids", phone_region_ids(self.national_regions))

    @classmethod
    def create(cls, entity_types: Iterable[str] = (), exclude: Iterable[str] = (),
               min_score: float = 0.0, region: str = "", phone_regions: Iterable[str] = (),
               custom: Custom | None = None) -> "Detection":
        """Validate names and build; raises ValueError naming the bad field."""
        wanted = list(entity_types)
        own = custom.types if custom else frozenset()
        for field, names in (("entity_types", wanted), ("exclude", list(exclude))):
            unknown = [n for n in names if n not in TYPE_OR_SUBTYPE and (field == "entity_types" or n not in own)]
            if unknown:
                raise ValueError(f"{field}: unknown entity type {unknown[0]!r}")
        if not 0.0 <= min_score <= 1.0:
            raise ValueError("min_score: must be between 0 and 1")
        region = checked_region((region or "US"), "default_region")
        regions = tuple(dict.fromkeys(checked_region(r, "phone_regions") for r in phone_regions))
        wanted_types = {SUBTYPES.get(n, n) for n in wanted}
        types = ALL_TYPES if not wanted else sum(1 << BY_NAME[n] for n in wanted_types)
        subtypes = frozenset(n for n in wanted if n in SUBTYPES) if "LOCATION" not in wanted else frozenset()
        return cls(types, frozenset(exclude), min_score, region, subtypes, regions, custom or None)

    @property
    def day_first(self) -> bool:
        return self.region not in MONTH_FIRST_REGIONS

    @property
    def national_regions(self) -> tuple[str, ...]:
        """Where a national phone number is tried, in order: `region`, then `phone_regions`."""
        return (self.region,) + tuple(r for r in self.phone_regions if r != self.region)

    def scan(self, text: str, start: int = 0, final: bool = True, carry: int = 0) -> tuple[list, int, int]:
        """redactd.core._scan.scan with this detection's types, date order and phone regions."""
        return _scan.scan(text, start, self.types, final, carry, self.day_first, self.phone_region_ids)


def checked_region(region: str, field: str) -> str:
    """An ISO 3166 alpha-2 region phonenumbers knows (its SUPPORTED_REGIONS, which the compiled
    tables hold), upper case; ValueError naming the field."""
    code = region.upper()
    if code not in _scan.PHONE_REGIONS:
        raise ValueError(f"{field}: {region!r} is not an ISO 3166 region")
    return code


def spoken_digits(aux: int, flags: int) -> str:
    """The digits of a number said in words, from the scanner's span ("+" first when
    it was said after "plus")."""
    return ("+" if flags & SPOKEN_PLUS else "") + str(aux).zfill(flags >> 8)


def normalise(type_name: str, text: str, aux: int, flags: int = 0) -> str:
    """The value of a match: its type's normaliser (core.entity_types), the digits of a
    number said in words, or the value of a phone the scan settled."""
    if flags & PHONE_VALUE:
        return ("+" if flags & VALUE_PLUS else "") + str(aux).zfill(flags >> 9)
    if flags & SPOKEN:
        return spoken_digits(aux, flags).lstrip("+")
    return BY_TYPE[type_name].normalise(text, aux)


def field_value(type_name: str, text: str, region: str) -> str:
    """The normalised value of a whole policy field that holds one entity of `type_name`
    (none: the field as it is, stripped)."""
    return BY_TYPE[SUBTYPES.get(type_name, type_name)].read_field(text, region) if type_name else text.strip()


def phone_entity(text: str, candidates: Sequence[tuple], detection: Detection) -> Entity | None:
    """Of one start's phone candidates (longest first): the longest that a numbering plan
    validates (its country's when written with '+', '00' or '011'; else the detection's
    regions in order); else the longest kept unvalidated (core.values.phone_unvalidated) at
    PHONE_CUE_SCORE; none after a veto word ("order 7715577113")."""
    regions, ids = detection.national_regions, detection.phone_region_ids
    for start, end, type_id, flags, score, aux in candidates:
        written = spoken_digits(aux, flags) if flags & SPOKEN else text[start:end]
        value = _scan.phone_e164(written, ids)  # "": a shape the compiled tables do not read
        if value == "":
            value = phone_e164_in(written, regions)
        if value is not None:
            _, score, vetoed = _scan.context_score(text, start, end, type_id)
            return None if vetoed else Entity("PHONE_NUMBER", start, end, text[start:end], value, score)
    for start, end, type_id, flags, score, aux in candidates:
        if flags & SPOKEN:
            continue
        value = phone_unvalidated(text[start:end], bool(flags & _scan.PHONE_CUE))
        if value is not None:
            _, _, vetoed = _scan.context_score(text, start, end, type_id)
            return None if vetoed else Entity("PHONE_NUMBER", start, end, text[start:end], value,
                                              PHONE_CUE_SCORE)
    return None
