"""The training run of the profile-guided build of the scanner (setup.py).

setup.py compiles `redactd.core._scan` (core/_scan.pyx) with -fprofile-generate, runs this module against
that build, then compiles it again with -fprofile-use: gcc lays out and inlines
the branches the way these scans took them. The texts are the accuracy harness's
labelled sentences (chat, transcripts, emails, SMS, logs, records) under their own
seed, never the bench corpus that `make bench` measures. Real traffic is mostly
ordinary words with an entity here and there, and those sentences are dense with
entities: each comes between lines of common English words (the core's own
SCOWL list), so the profile also learns how rarely a word starts anything.

Run as ``python -m bench.training CORE_DIR``, CORE_DIR being the directory that
holds the freshly built extension. Only the standard library, phonenumbers (for
the generator) and the core's own pure-Python modules are imported: the build
environment has nothing else.
"""
from __future__ import annotations

import pathlib
import random
import sys
import types

SEED = 7_2026
SENTENCES = 4000
FILLER_LINES = 3  # lines of ordinary words per labelled sentence
STREAMED = 200_000  # code points of it also scanned as a stream


def load_scanner(core_dir: str):
    """`redactd.core._scan` from core_dir, without the packages' __init__ (which need the
    runtime dependencies, and are not installed yet while the build runs)."""
    for name, path in (("redactd", []), ("redactd.core", [core_dir])):
        package = types.ModuleType(name)
        package.__path__ = path
        sys.modules[name] = package
    from redactd.core import _scan
    return _scan


def train(scan_module, texts: list[str]) -> None:
    """Every detector on, as a default request has them: the whole text, each text alone,
    and a stream's scans that stop short of the end and resume."""
    scan = scan_module.scan
    whole = "\n".join(texts)
    for _ in range(3):
        scan(whole)
    for text in texts:
        scan(text)
    part = whole[:STREAMED]
    for k in range(0, len(part) - 4096, 4096):
        scan(part[:k + 4096], k, scan_module.ALL_TYPES, False)


def filler(rng: random.Random, words: list[str]) -> str:
    line = " ".join(rng.choice(words) for _ in range(rng.randint(6, 24)))
    return line[0].upper() + line[1:] + rng.choice(".?!,")


def texts(core_dir: str) -> list[str]:
    from bench.accuracy.corpus import generate
    rng = random.Random(SEED)
    with open(pathlib.Path(core_dir) / "data" / "common_words.txt", encoding="ascii") as f:
        words = [w.strip() for w in f if w.strip() and not w.startswith("#")]
    out = []
    for sentence in generate(SENTENCES, seed=SEED):
        out.extend(filler(rng, words) for _ in range(FILLER_LINES))
        out.append(sentence.text)
    return out


def main(argv: list[str]) -> int:
    scanner = load_scanner(argv[1])
    train(scanner, texts(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
