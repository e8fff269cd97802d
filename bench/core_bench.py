"""Core throughput: the compiled scanner and the Python path against Python's `re`."""
from __future__ import annotations

import collections
import os
import pathlib
import subprocess
import sys
import tempfile
import time

from redactd import core
from bench import baseline_re, corpus, dense, stream_delay
from bench.timing import mb_per_s, race
from redactd.core import _scan
from tests import oracle  # the Python path from spans to text, as it was before the compiled one

ROOT = pathlib.Path(__file__).resolve().parent.parent
# a checkout of the code before the compiled path, built (`make install`), for the
# whole-process figure "before"; unset: that row is left out
BEFORE = os.environ.get("REDACTD_BENCH_BEFORE", "")

DETECTION = core.Detection.create()
REDACTION = core.Redaction()
NO_PHONES = core.Detection.create([n for n in core.TYPE_NAMES if n != "PHONE_NUMBER"])


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
            "redact_text, per message": lambda: [core.redact_text(m, DETECTION, REDACTION) for m in msgs],
            "redact_only, per message": lambda: [core.redact_only(m, DETECTION, REDACTION) for m in msgs]}


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
    """The compiled path with the compiled numbering plans, against the Python path it
    replaced (tests/oracle.py) with every phone answered by phonenumbers: both halves of
    "before"."""
    find = lambda: [core.find_entities(m, PHONE_DETECTION) for m in msgs]  # noqa: E731
    redact = lambda: [core.redact_only(m, PHONE_DETECTION, REDACTION) for m in msgs]  # noqa: E731
    old_find = lambda: [oracle.find_entities(m, PHONE_DETECTION) for m in msgs]  # noqa: E731
    old_redact = lambda: [oracle.redact_text(m, PHONE_DETECTION, REDACTION) for m in msgs]  # noqa: E731
    return {"find_entities": find, "before: find_entities (phonenumbers)": without_tables(old_find),
            "redact_only": redact, "before: redact_text (phonenumbers)": without_tables(old_redact)}


def phones_found(msgs: list[str]) -> str:
    found = sum(e.type == "PHONE_NUMBER" for m in msgs for e in core.find_entities(m, PHONE_DETECTION))
    return f"{found} numbers found"


def dense_contenders(msgs: list[str]) -> dict:
    """Per message: the compiled path (entities, text only), the Python path it replaced, re."""
    return {"re per-type (11 patterns), scan": lambda: [baseline_re.scan(m) for m in msgs],
            "re per-type, redact": lambda: [baseline_re.redact(m) for m in msgs],
            "find_entities": lambda: [core.find_entities(m, DETECTION) for m in msgs],
            "redact_text (entities)": lambda: [core.redact_text(m, DETECTION, REDACTION) for m in msgs],
            "redact_only": lambda: [core.redact_only(m, DETECTION, REDACTION) for m in msgs],
            "before: find_entities": lambda: [oracle.find_entities(m, DETECTION) for m in msgs],
            "before: redact_text": lambda: [oracle.redact_text(m, DETECTION, REDACTION) for m in msgs],
            # phone validation (phonenumbers, in Python) aside: what the compiled path does alone
            "re redact, no phone pattern": lambda: [baseline_re.redact(m, False) for m in msgs],
            "redact_only, no phone type": lambda: [core.redact_only(m, NO_PHONES, REDACTION) for m in msgs],
            "before: redact_text, no phone type": lambda: [oracle.redact_text(m, NO_PHONES, REDACTION) for m in msgs]}


def dense_classes(total_bytes: int, repeats: int) -> list[str]:
    lines = ["dense classes, per message of ~200 B (bench/dense.py);",
             "  'no phone' rows against re without its phone pattern",
             f"  {'':<38}{'MB/s':>9}{'vs re redact':>14}"]
    for kind in dense.CLASSES:
        msgs = dense.messages(kind, total_bytes)
        size = corpus.utf8_size(msgs)
        entities = sum(len(core.find_entities(m, DETECTION)) for m in msgs)
        times = race(dense_contenders(msgs), repeats)
        def base(name: str) -> float:
            return times["re redact, no phone pattern" if "no phone" in name else "re per-type, redact"]
        lines.append(f"  {kind} ({size / 1e3:.0f} kB, {len(msgs)} messages, {size / max(entities, 1):.0f} B per entity)")
        lines += [f"    {name:<36}{mb_per_s(size, t):9.1f}{base(name) / t:13.2f}x" for name, t in times.items()]
    return lines


def best_process(argv: list[str], root: pathlib.Path | str, repeats: int) -> float:
    """Best wall time of a whole process run in `root` (`-m` puts the working directory
    first on sys.path: the code of `root` runs), its modules byte-compiled as installing a
    wheel leaves them (an editable checkout under PYTHONDONTWRITEBYTECODE would compile every
    module from source at every start: ~30 ms)."""
    import compileall
    for folder in ("core", "service", "client"):
        if (pathlib.Path(root) / folder).is_dir():
            compileall.compile_dir(pathlib.Path(root) / folder, quiet=2)
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run(argv, env=dict(os.environ, PYTHONPATH=str(root)), cwd=root, check=True,
                       stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    return best


def before_argv(argv: list[str]) -> list[str]:
    """`argv` (a `-m redactd.cli` command) as the REDACTD_BENCH_BEFORE tree runs it: its own
    virtual environment's Python where it has one, and its own module name (the server was
    `service.cli` before the installed names changed)."""
    python = pathlib.Path(BEFORE) / ".venv" / "bin" / "python"
    module = "redactd.cli" if (pathlib.Path(BEFORE) / "client").is_dir() else "service.cli"
    return [str(python) if python.exists() else argv[0], "-m", module, *argv[3:]]


def whole_process(file_bytes: int, repeats: int) -> list[str]:
    """`redactd redact FILE > /dev/null` against a Python re script on the same dense file;
    then both without phone numbers (their validation by phonenumbers dominates)."""
    no_phones = ",".join(n for n in core.TYPE_NAMES if n != "PHONE_NUMBER")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "dense.txt"
        path.write_text("\n".join(dense.lines("pii_dense", file_bytes)) + "\n", encoding="utf-8")
        size = path.stat().st_size
        runs = {"re per-type script": [sys.executable, "-m", "bench.baseline_re", str(path)],
                "redactd redact": [sys.executable, "-m", "redactd.cli", "redact", str(path)],
                "re script, no phone pattern": [sys.executable, "-m", "bench.baseline_re", "--no-phones", str(path)],
                "redactd redact --types (no phones)": [sys.executable, "-m", "redactd.cli", "redact", "--types",
                                                        no_phones, str(path)]}
        times = {}
        for name, argv in runs.items():
            times[name] = best_process(argv, ROOT, repeats)
            if BEFORE and "redactd" in name:
                times["  before: " + name] = best_process(before_argv(argv), BEFORE, repeats)
        text = path.read_text(encoding="utf-8")

    def ratio(name: str, t: dict) -> float:
        return t["re script, no phone pattern" if "no phone" in name else "re per-type script"] / t[name]
    inside = in_process(text, repeats)
    return [f"whole process on a {size / 1e6:.1f} MB pii_dense file (startup, about 0.7 s for either, included), "
            f"best of {repeats}:",
            *(f"  {name:<44}{mb_per_s(size, t):7.2f} MB/s{ratio(name, times):7.2f}x re  ({t:.2f} s)"
              for name, t in times.items()),
            "the same file in process, 1 Mi code point chunks (what redactd redact does after its start-up):",
            *(f"  {name:<44}{mb_per_s(size, t):7.2f} MB/s{ratio(name, inside):7.2f}x re  ({t:.2f} s)"
              for name, t in inside.items())]


def in_process(text: str, repeats: int) -> dict[str, float]:
    chunks = [text[i:i + (1 << 20)] for i in range(0, len(text), 1 << 20)]

    def stream(detection: core.Detection) -> None:
        s = core.StreamRedactor(detection, REDACTION, entities=False)
        for chunk in chunks:
            s.feed(chunk)
        s.flush()
    return race({"re per-type script": lambda: [baseline_re.redact(c) for c in chunks],
                 "redactd redact": lambda: stream(DETECTION),
                 "  before: the Python path": lambda: [oracle.redact_text(c, DETECTION, REDACTION) for c in chunks],
                 "re script, no phone pattern": lambda: [baseline_re.redact(c, False) for c in chunks],
                 "redactd redact --types (no phones)": lambda: stream(NO_PHONES),
                 "  before: the Python path (no phones)": lambda: [oracle.redact_text(c, NO_PHONES, REDACTION)
                                                                   for c in chunks]},
                repeats)

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
            *phone_table(total_bytes // 4, repeats),
            *dense_classes(min(total_bytes // 5, 400_000), repeats),
            *whole_process(4_000_000, repeats),
            *whole_file(20_000_000 if total_bytes > 1_000_000 else 8_000_000),
            *stream_delay.run()]


def whole_file(file_bytes: int) -> list[str]:
    """The issue's measure: `redactd redact FILE` on log lines with an entity per ~130 B
    against the re script, whole processes (start-up included), best of 2."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "log_lines.txt"
        path.write_text("\n".join(dense.lines("log_lines", file_bytes)) + "\n", encoding="utf-8")
        size = path.stat().st_size
        runs = {"re per-type script": [sys.executable, "-m", "bench.baseline_re", str(path)],
                "redactd redact": [sys.executable, "-m", "redactd.cli", "redact", "--no-progress", str(path)]}
        times = {name: best_process(argv, ROOT, 2) for name, argv in runs.items()}
        if BEFORE:
            times["  before: redactd redact"] = best_process(before_argv(runs["redactd redact"]), BEFORE, 2)
        start = best_process([sys.executable, "-m", "redactd.cli", "redact", "--no-progress", os.devnull], ROOT, 3)
    base = times["re per-type script"]
    return [f"whole process on a {size / 1e6:.1f} MB log_lines file (an entity per ~134 B), best of 2; "
            f"redactd's start-up alone {start:.2f} s:",
            *(f"  {name:<44}{mb_per_s(size, t):7.2f} MB/s{base / t:7.2f}x re  ({t:.2f} s)" for name, t in times.items())]


def phone_table(total_bytes: int, repeats: int) -> list[str]:
    msgs = corpus.distinct_phones(total_bytes)
    size = corpus.utf8_size(msgs)
    times = race(distinct_phones(msgs), repeats)
    return [f"distinct phones: {size / 1e6:.2f} MB, {len(msgs)} messages of {size / len(msgs):.0f} B mean,"
            f" one distinct valid number a sentence of ~60 B (national: {', '.join(corpus.NATIONAL_REGIONS)});"
            f" {phones_found(msgs)}",
            f"  {'':<32}{'MB/s':>9}",
            *(f"  {name:<32}{mb_per_s(size, t):9.1f}" for name, t in times.items())]
