"""`python -m bench.spans [--module PATH]`: a digest of every span the scanner finds
on the bench corpus and the accuracy corpus, so that a change meant to keep what the
scanner finds (a refactor, a speed-up) can be checked against the build before it.

Each corpus (and the core bench's dense classes, bench/dense.py) is scanned with every
type on (month-first and day-first dates) and with each type alone; the digest covers all
span fields. `--module` loads another build of `core._scan` (a saved .so) instead of the
installed one; `--against` times the two builds in one process, interleaved, on the whole
bench corpus (machine noise hits both alike, so their ratio holds where absolute figures
drift), or with `--dense` redact_only per message on each dense class. A saved build is best
kept in core/ (`cp core/_scan.*.so core/_scan_before.so`): it reads core/data.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.machinery
import importlib.util
import sys

from bench import corpus, dense
from bench.timing import mb_per_s, race
from bench.accuracy.corpus import generate


def load(path: str | None):
    if not path:
        from redactd.core import _scan
        return _scan
    loader = importlib.machinery.ExtensionFileLoader("redactd.core._scan", path)
    spec = importlib.util.spec_from_file_location("redactd.core._scan", path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def texts() -> dict[str, list[str]]:
    return {"bench corpus (8 MB)": corpus.messages(8_000_000),
            "accuracy corpus (4,000 sentences)": [s.text for s in generate()],
            "dense classes (5 x 400 kB)": [m for kind in dense.CLASSES for m in dense.messages(kind, 400_000)]}


def digest(scan_module, msgs: list[str]) -> tuple[str, int]:
    h = hashlib.sha256()
    count = 0
    masks = [scan_module.ALL_TYPES] + [1 << k for k in range(len(scan_module.TYPE_NAMES))]
    for day_first in (False, True):
        for types in masks if not day_first else masks[:1]:
            for m in msgs:
                spans = scan_module.scan(m, 0, types, True, 0, day_first)[0]
                count += len(spans)
                h.update(repr(spans).encode())
    return h.hexdigest()[:16], count


def ab(this, other, rounds: int) -> int:
    text = "\n".join(corpus.messages(8_000_000))
    size = len(text.encode())
    best = race({"this build": lambda: this.scan(text), "other build": lambda: other.scan(text)}, rounds)
    for name, seconds in best.items():
        print(f"{name:<12} {mb_per_s(size, seconds):7.1f} MB/s  (best of {rounds}, whole corpus, all types)")
    print(f"this / other: {best['other build'] / best['this build']:.3f}")
    return 0


def plan_of(scan_module, detection=None):
    """The (Detection, Redaction()) plan, built by `scan_module`'s Plan (default detection)."""
    from redactd import core
    from redactd.core import redact
    saved, redact._scan = redact._scan, scan_module
    try:
        return redact._build_plan(detection or core.Detection.create(), core.Redaction())
    finally:
        redact._scan = saved


def ab_dense(this, other, rounds: int) -> int:
    """redact_only per message of ~200 B on each dense class (bench/dense.py) and on distinct
    phone numbers (core_bench's phone table, its phone regions), both builds interleaved; the
    outputs must be equal."""
    from redactd import core
    from redactd.core.redact import TEXT
    phones = core.Detection.create(region="US", phone_regions=corpus.NATIONAL_REGIONS[1:])
    classes = {kind: (dense.messages(kind, 400_000), None) for kind in dense.CLASSES}
    classes["distinct phones"] = (corpus.distinct_phones(250_000), phones)
    for kind, (msgs, detection) in classes.items():
        plans = {this: plan_of(this, detection), other: plan_of(other, detection)}

        def redact(module, msgs: list[str]) -> list[str]:
            return [module.redact_scan(plans[module], m, 0, True, 0, None, 0, 0, 0, TEXT, -1)[0] for m in msgs]
        size = corpus.utf8_size(msgs)
        if redact(this, msgs) != redact(other, msgs):
            print(f"{kind}: the two builds redact differently")
            return 1
        best = race({"this": lambda: redact(this, msgs), "other": lambda: redact(other, msgs)}, rounds)
        print(f"{kind:<15} redact_only  this {mb_per_s(size, best['this']):6.1f} MB/s  other "
              f"{mb_per_s(size, best['other']):6.1f} MB/s  this / other {best['other'] / best['this']:.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.spans", description=__doc__)
    p.add_argument("--module", help="path of another build of core._scan")
    p.add_argument("--against", metavar="PATH", help="time this build against the one at PATH")
    p.add_argument("--dense", action="store_true",
                   help="with --against: redact_only per message on each dense class instead")
    p.add_argument("--rounds", type=int, default=15)
    args = p.parse_args(argv)
    scan_module = load(args.module)
    if args.against:
        if args.dense:
            return ab_dense(scan_module, load(args.against), args.rounds)
        return ab(scan_module, load(args.against), args.rounds)
    for name, msgs in texts().items():
        d, count = digest(scan_module, msgs)
        print(f"{name:<36} {count:>9,} spans  sha256 {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
