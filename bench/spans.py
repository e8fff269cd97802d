"""`python -m bench.spans [--module PATH]`: a digest of every span the scanner finds
on the bench corpus and the accuracy corpus, so that a change meant to keep what the
scanner finds (a refactor, a speed-up) can be checked against the build before it.

Each corpus is scanned with every type on (month-first and day-first dates) and with
each type alone; the digest covers all span fields. `--module` loads another build
of `core._scan` (a saved .so) instead of the installed one; `--against` times the two
builds in one process, interleaved, on the whole bench corpus (machine noise hits both
alike, so their ratio holds where absolute figures drift).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.machinery
import importlib.util
import sys

from bench import corpus
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
            "accuracy corpus (4,000 sentences)": [s.text for s in generate()]}


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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.spans", description=__doc__)
    p.add_argument("--module", help="path of another build of core._scan")
    p.add_argument("--against", metavar="PATH", help="time this build against the one at PATH")
    p.add_argument("--rounds", type=int, default=15)
    args = p.parse_args(argv)
    scan_module = load(args.module)
    if args.against:
        return ab(scan_module, load(args.against), args.rounds)
    for name, msgs in texts().items():
        d, count = digest(scan_module, msgs)
        print(f"{name:<36} {count:>9,} spans  sha256 {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
