"""Callers' own entity types: patterns, deny lists and allow lists.

A `Custom` rides on a `Detection` (`Detection.create(custom=...)`):

- a `Recognizer` finds its type by an RE2 pattern (linear time, never Python's `re`),
  optionally confirmed by a validator (`luhn`, `mod97`) and scored higher when one of its
  context words stands within CONTEXT_WINDOW code points before the match; its matches
  win over the built-in entities they overlap;
- a `DenyList` redacts its words or phrases as its type wherever they stand as whole words,
  case-insensitively, over any built-in entity they overlap;
- `allow` lists values never redacted, compared with an entity's text and its value.

Matches longer than MAX_MATCH code points are not reported (so a stream, which holds back
MAX_MATCH + 2 code points when custom types are configured, finds exactly what the whole
text gives). Patterns are compiled once per configuration and cached.

A configuration with custom types takes the Python path from entities to text (the
compiled scanner still finds the built-in types); one without takes the compiled path.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Iterable

MAX_MATCH = 256          # code points a reported custom match may span
CONTEXT_WINDOW = 64      # code points before a match searched for its context words
CONTEXT_BOOST = 0.35     # added to a recognizer's score when a context word is there
DEFAULT_SCORE = 0.5
DENY_SCORE = 1.0
MAX_RECOGNIZERS = 32
MAX_PATTERN = 1000       # characters of a pattern
MAX_VALUES = 10_000      # deny values and allow values, each
MAX_VALUE = 256          # code points of one deny or allow value or context word
RE2_MEMORY = 8 << 20     # what RE2 may use for one compiled pattern
TYPE_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,63}")


def luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        total += d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2)
    return len(digits) >= 2 and total % 10 == 0


def mod97(text: str) -> bool:
    """ISO 7064 MOD 97-10 as IBANs use it: the first four characters moved to the end,
    letters as 10-35, the number modulo 97 is 1."""
    s = text[4:] + text[:4]
    if len(s) < 5 or not s.isascii() or not s.isalnum():
        return False
    return int("".join(str(int(c, 36)) for c in s.upper())) % 97 == 1


VALIDATORS = {
    "luhn": lambda text: luhn("".join(c for c in text if c.isdigit())),
    "mod97": lambda text: mod97("".join(c for c in text if c.isalnum())),
}


@dataclass(frozen=True, slots=True)
class Recognizer:
    type: str
    regex: str
    context: tuple[str, ...] = ()
    score: float = DEFAULT_SCORE
    validator: str = ""


@dataclass(frozen=True, slots=True)
class DenyList:
    type: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Custom:
    recognizers: tuple[Recognizer, ...] = ()
    deny: tuple[DenyList, ...] = ()
    allow: frozenset[str] = frozenset()

    @classmethod
    def create(cls, recognizers: Iterable[Recognizer] = (), deny: Iterable[DenyList] = (),
               allow: Iterable[str] = ()) -> "Custom":
        """Validate and build; raises ValueError naming the field (`recognizers[2].regex: ...`)."""
        recognizers, deny, allow = tuple(recognizers), tuple(deny), frozenset(allow)
        if len(recognizers) > MAX_RECOGNIZERS:
            raise ValueError(f"recognizers: more than {MAX_RECOGNIZERS}")
        for i, r in enumerate(recognizers):
            where = f"recognizers[{i}]"
            _type_name(r.type, f"{where}.type")
            if not r.regex or len(r.regex) > MAX_PATTERN:
                raise ValueError(f"{where}.regex: must be 1 to {MAX_PATTERN} characters")
            if not 0.0 <= r.score <= 1.0:
                raise ValueError(f"{where}.score: must be between 0 and 1")
            if r.validator and r.validator not in VALIDATORS:
                raise ValueError(f"{where}.validator: unknown validator {r.validator!r} "
                                 f"(one of {', '.join(sorted(VALIDATORS))})")
            if any(not w.strip() or len(w) > MAX_VALUE for w in r.context):
                raise ValueError(f"{where}.context: words must be 1 to {MAX_VALUE} characters")
            _compile(r.regex, f"{where}.regex")
        if sum(len(d.values) for d in deny) > MAX_VALUES or len(allow) > MAX_VALUES:
            raise ValueError(f"deny, allow: more than {MAX_VALUES} values")
        for i, d in enumerate(deny):
            _type_name(d.type, f"deny[{i}].type")
            if any(not v.strip() or len(v) > MAX_VALUE for v in d.values):
                raise ValueError(f"deny[{i}].values: values must be 1 to {MAX_VALUE} characters, not blank")
        if any(len(v) > MAX_VALUE for v in allow):
            raise ValueError(f"allow: values must be at most {MAX_VALUE} characters")
        custom = cls(recognizers, deny, allow)
        matcher(custom)  # every pattern compiled now: one RE2 refuses (too big) fails here, named
        return custom

    @property
    def types(self) -> frozenset[str]:
        return frozenset(r.type for r in self.recognizers) | frozenset(d.type for d in self.deny)

    def __bool__(self) -> bool:
        return bool(self.recognizers or self.deny or self.allow)


def _type_name(name: str, field: str) -> None:
    if not TYPE_NAME.fullmatch(name):
        raise ValueError(f"{field}: {name!r} is not an ALL_CAPS type name (A-Z, 0-9, _; at most 64)")


def _options(case_sensitive: bool = True):
    import re2  # type: ignore[import-untyped]
    options = re2.Options()
    options.log_errors = False  # RE2 would print the pattern to stderr
    options.max_mem = RE2_MEMORY
    options.case_sensitive = case_sensitive
    return options


@functools.lru_cache(maxsize=1024)
def _compile(pattern: str, field: str = "regex", case_sensitive: bool = True):
    import re2  # type: ignore[import-untyped]
    try:
        return re2.compile(pattern, _options(case_sensitive))
    except re2.error as exc:
        reason = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"{field}: not a valid RE2 pattern ({reason})") from None


class Matcher:
    """A Custom compiled: its patterns and one pattern per deny list."""

    def __init__(self, custom: Custom) -> None:
        self.recognizers = [(r, _compile(r.regex), tuple(w.lower() for w in r.context), VALIDATORS.get(r.validator))
                            for r in custom.recognizers]
        self.deny = []
        for i, d in enumerate(custom.deny):
            values = sorted({" ".join(v.split()) for v in d.values}, key=len, reverse=True)  # longest first
            words = r"\s+".join  # a phrase's spaces match any run of white space
            pattern = "|".join(words(_re2_escape(w) for w in v.split(" ")) for v in values)
            self.deny.append((d.type, _compile(f"(?:{pattern})", f"deny[{i}].values", False)))
        self.allow = custom.allow

    def find(self, text: str, start: int, stop: int) -> tuple[list, list]:
        """(recognizer matches, deny matches) as (start, end, type, score), starting in
        [start, stop), searched from `start` with the text before it as context."""
        found, denied = [], []
        utf8 = _Utf8(text) if self.recognizers or self.deny else None
        for r, pattern, context, validate in self.recognizers:
            for s, e in _matches(pattern, text, start, stop, False, utf8):
                if validate is not None and not validate(text[s:e]):
                    continue
                score = r.score
                if context:
                    before = text[max(0, s - CONTEXT_WINDOW):s].lower()
                    if any(w in before for w in context):
                        score = min(1.0, score + CONTEXT_BOOST)
                found.append((s, e, r.type, score))
        for type_name, pattern in self.deny:
            denied += [(s, e, type_name, DENY_SCORE) for s, e in _matches(pattern, text, start, stop, True, utf8)]
        return found, denied


def _re2_escape(word: str) -> str:
    return "".join(c if c.isalnum() or c == "_" else "\\" + c if c.isascii() else c for c in word)


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


class _Utf8:
    """A text's UTF-8 bytes with a cursor from code point offsets to byte offsets and back,
    moved forward as the search goes (so that all conversions cost one pass)."""

    def __init__(self, text: str) -> None:
        from re2 import _re2  # type: ignore[import-untyped]
        self._re2 = _re2
        self.ascii = text.isascii()
        self.data = text.encode("utf-8", "surrogatepass")  # once per search, not per match
        self.b = self.c = 0

    def to_bytes(self, c: int) -> int:
        if self.ascii:
            return c
        if c < self.c:
            self.b = self.c = 0
        self.b += self._re2.CharLenToBytes(self.data, self.b, c - self.c)
        self.c = c
        return self.b

    def to_chars(self, b: int) -> int:
        if self.ascii:
            return b
        if b < self.b:
            self.b = self.c = 0
        self.c += self._re2.BytesToCharLen(self.data, self.b, b)
        self.b = b
        return self.c


def _matches(pattern, text: str, start: int, stop: int, whole_words: bool, utf8: _Utf8 | None = None):
    """Matches starting in [start, stop), at most MAX_MATCH long (a longer match is not
    reported and the search goes on from its start + 1); empty matches are skipped. Each
    search starts where the last left off on bytes encoded once (RE2's own search(pos)
    would encode the whole text again each time)."""
    import re2  # type: ignore[import-untyped]
    utf8 = utf8 or _Utf8(text)
    data, match, unanchored = utf8.data, pattern._regexp.Match, re2._Anchor.UNANCHORED
    pos = start
    while pos < stop:
        span = match(unanchored, data, utf8.to_bytes(pos), len(data))[0]
        if span[0] < 0:
            return
        s = utf8.to_chars(span[0])
        if s >= stop:
            return
        e = utf8.to_chars(span[1])
        if e == s or e - s > MAX_MATCH or (whole_words and ((s > 0 and _word(text[s - 1]) and _word(text[s]))
                                                             or (e < len(text) and _word(text[e]) and _word(text[e - 1])))):
            pos = s + 1
            continue
        yield s, e
        pos = e


@functools.lru_cache(maxsize=256)
def matcher(custom: Custom) -> Matcher:
    return Matcher(custom)


# ---------------------------------------------------------------- entities and text

def resolve(text: str, builtin: list, found: list, denied: list, start: int, stop: int) -> list:
    """The entities starting in [start, stop): the custom matches (Matcher.find's) with the
    built-in entities (resolved among themselves, unfiltered). What the caller configured
    wins over what it overlaps: deny matches first, then recognizer matches, each the
    leftmost (then longest) of overlapping ones; then the built-in entities they leave."""
    from redactd.core.detect import Entity
    kept: list = []
    starts: list[int] = []  # of `taken`: sorted intervals that do not overlap
    ends: list[int] = []

    def free(s: int, e: int) -> bool:
        k = bisect.bisect_left(starts, e) - 1  # the last taken interval starting before e
        return k < 0 or ends[k] <= s
    for matches in (denied, found):
        last = -1
        for s, e, t, score in sorted(matches, key=lambda m: (m[0], m[0] - m[1])):
            if s >= last and free(s, e):
                kept.append(Entity(t, s, e, text[s:e], text[s:e], score))
                last = e
        kept.sort(key=lambda x: x.start)
        starts, ends = [x.start for x in kept], [x.end for x in kept]
    kept += [b for b in builtin if start <= b.start < stop and free(b.start, b.end)]
    kept.sort(key=lambda x: x.start)
    return kept


def filtered(entities: list, detection, custom: "Custom") -> list:
    """`exclude`, `min_score` and the allow list, after resolution (as the compiled path
    filters: a dropped entity still blocks what it overlaps)."""
    allow = custom.allow
    return [e for e in entities
            if e.type not in detection.exclude and e.subtype not in detection.exclude
            and not (detection.subtypes and e.type == "LOCATION" and e.subtype not in detection.subtypes)
            and e.score >= detection.min_score and not (allow and (e.text in allow or e.value in allow))]


def assemble(text: str, entities: list, redaction, numbering, unit: int, start: int, stop: int,
             in_base: int = 0, out_base: int = 0, max_out: int = -1) -> tuple[str, list]:
    """text[start:stop] redacted, and a Found per entity (offsets in `unit` from the bases)."""
    from redactd.core import offsets
    from redactd.core._scan import OutputTooLarge
    from redactd.core.redact import Found
    parts, reps, outs = [], [], []
    pos, length = start, 0
    for e in entities:
        parts.append(text[pos:e.start])
        length += e.start - pos
        r = redaction.replacement(e, numbering)
        reps.append(r)
        outs.append(length)
        parts.append(r)
        length += len(r)
        if 0 <= max_out < length:
            raise OutputTooLarge(f"the redacted text would be longer than {max_out} code points")
        pos = e.end
    parts.append(text[pos:stop])
    length += stop - pos
    if 0 <= max_out < length:
        raise OutputTooLarge(f"the redacted text would be longer than {max_out} code points")
    out = "".join(parts)
    segment = text[start:stop]
    bounds = offsets.convert(segment, [p - start for e in entities for p in (e.start, e.end)], unit)
    out_starts = offsets.convert(out, outs, unit)
    if start:  # a stream's segment: entities relative to it, as the compiled path gives them
        entities = [dataclasses.replace(e, start=e.start - start, end=e.end - start) for e in entities]
    return out, [Found(e, in_base + bounds[2 * k], bounds[2 * k + 1] - bounds[2 * k], r, out_base + out_starts[k])
                 for k, (e, r) in enumerate(zip(entities, reps))]
