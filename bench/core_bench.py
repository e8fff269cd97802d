"""Core throughput: the compiled scanner and the Python path against Python's `re`."""
from __future__ import annotations

import collections

import core
from bench import baseline_re, corpus
from bench.timing import mb_per_s, race
from core import _scan

DETECTION = core.Detection.create()
REDACTION = core.Redaction()


# the types found from characters alone; the others read words (names, places, ...)
CHARACTER_TYPES = sum(1 << _scan.TYPE_NAMES.index(name) for name in (
    "CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN", "US_BANK_ROUTING_NUMBER",
    "IP_ADDRESS", "URL", "DATE", "DATE_OF_BIRTH", "CREDIT_CARD_EXPIRATION", "CREDIT_CARD_CVV", "AGE",
    "SWIFT_CODE", "CREDIT_CARD_PIN"))


def whole_corpus(text: str) -> dict:
    return {"scan, whole corpus (1 call)": lambda: _scan.scan(text),
            "  character-level types only": lambda: _scan.scan(text, 0, CHARACTER_TYPES),
            "re per-type, whole corpus": lambda: baseline_re.scan(text),
            "re alternation, whole corpus": lambda: baseline_re.scan_alternation(text)}


def per_message(msgs: list[str]) -> dict:
    return {"scan, per message": lambda: [_scan.scan(m) for m in msgs],
            "re per-type, per message": lambda: [baseline_re.scan(m) for m in msgs],
            "re alternation, per message": lambda: [baseline_re.scan_alternation(m) for m in msgs],
            "find_entities, per message": lambda: [core.find_entities(m, DETECTION) for m in msgs],
            "redact_text, per message": lambda: [core.redact_text(m, DETECTION, REDACTION) for m in msgs]}


PHONE_DETECTION = core.Detection.create(region="US", phone_regions=corpus.NATIONAL_REGIONS[1:])


def without_tables(fn):
    """fn with every phone answered by phonenumbers, as before the compiled tables (the
    tables answer "not read": core.values falls back to phonenumbers)."""
    def run():
        saved = _scan.scan, _scan.phone_e164, _scan.phone_possible
        _scan.scan = lambda *args: saved[0](*args[:6])  # phone candidates left tentative
        _scan.phone_e164, _scan.phone_possible = (lambda c, r: ""), (lambda c: "")
        try:
            return fn()
        finally:
            _scan.scan, _scan.phone_e164, _scan.phone_possible = saved
    return run


def distinct_phones(msgs: list[str]) -> dict:
    find = lambda: [core.find_entities(m, PHONE_DETECTION) for m in msgs]  # noqa: E731
    redact = lambda: [core.redact_text(m, PHONE_DETECTION, REDACTION) for m in msgs]  # noqa: E731
    return {"find_entities, tables": find, "find_entities, phonenumbers": without_tables(find),
            "redact_text, tables": redact, "redact_text, phonenumbers": without_tables(redact)}


def phones_found(msgs: list[str]) -> str:
    found = sum(e.type == "PHONE_NUMBER" for m in msgs for e in core.find_entities(m, PHONE_DETECTION))
    return f"{found} numbers found"


def kind(text: str) -> int:
    """PEP 393 bytes per code point."""
    top = max(map(ord, text), default=0)
    return 1 if top < 0x100 else 2 if top < 0x10000 else 4


def kinds(msgs: list[str]) -> str:
    count = collections.Counter(kind(m) for m in msgs)
    return " / ".join(f"{k}-byte {100 * count[k] / len(msgs):.1f}%" for k in (1, 2, 4))


def agreement(msgs: list[str]) -> str:
    """Entities both find, phones aside (re has candidates only, unvalidated)."""
    ours = {(i, e.start, e.end, e.type) for i, m in enumerate(msgs)
            for e in core.find_entities(m, DETECTION) if e.type != "PHONE_NUMBER"}
    theirs = {(i, *f) for i, m in enumerate(msgs) for f in baseline_re.scan(m) if f[2] != "PHONE_NUMBER"}
    return f"{len(ours & theirs)} found by both, {len(ours - theirs)} by core only, {len(theirs - ours)} by re only"


def row(name: str, size: int, seconds: float, per_type: float, alternation: float) -> str:
    mbs = mb_per_s(size, seconds)
    ratios = "" if name.startswith("re ") else f"{per_type / seconds:15.1f}x{alternation / seconds:18.1f}x"
    return f"  {name:<32}{mbs:9.1f}{ratios}"


def table(size: int, times: dict[str, float], per_type: str, alternation: str) -> list[str]:
    return [row(name, size, t, times[per_type], times[alternation]) for name, t in times.items()]


def run(total_bytes: int, repeats: int) -> list[str]:
    msgs = corpus.messages(total_bytes)
    text = "\n".join(msgs)
    size, msg_size = len(text.encode()), corpus.utf8_size(msgs)
    whole = race(whole_corpus(text), repeats)
    each = race(per_message(msgs), repeats)
    return [f"core: {size / 1e6:.2f} MB corpus (seed {corpus.SEED}), {len(msgs)} messages of "
            f"{msg_size / len(msgs):.0f} B mean; messages by PEP 393 kind: {kinds(msgs)}",
            f"  the whole corpus is one {kind(text)}-byte-kind str; best of {repeats} rounds, contenders interleaved",
            f"  {'':<32}{'MB/s':>9}{'vs re per-type':>16}{'vs re alternation':>19}",
            *table(size, whole, "re per-type, whole corpus", "re alternation, whole corpus"),
            *table(msg_size, each, "re per-type, per message", "re alternation, per message"),
            f"  agreement with re on the first 2000 messages, phones aside: {agreement(msgs[:2000])}",
            "  (find_entities also validates phone candidates by the compiled numbering plans;"
            " re and scan stop at candidates)",
            *phone_table(total_bytes // 4, repeats)]


def phone_table(total_bytes: int, repeats: int) -> list[str]:
    msgs = corpus.distinct_phones(total_bytes)
    size = corpus.utf8_size(msgs)
    times = race(distinct_phones(msgs), repeats)
    return [f"distinct phones: {size / 1e6:.2f} MB, {len(msgs)} messages of {size / len(msgs):.0f} B mean,"
            f" one distinct valid number a sentence of ~60 B (national: {', '.join(corpus.NATIONAL_REGIONS)});"
            f" {phones_found(msgs)}",
            f"  {'':<32}{'MB/s':>9}",
            *(f"  {name:<32}{mb_per_s(size, t):9.1f}" for name, t in times.items())]
