"""`python -m bench [--quick] [--only core|service]`: core and service figures next to
baselines measured in the same run; ratios matter, absolute times do not."""
from __future__ import annotations

import argparse
import os
import platform
import sys

# (corpus bytes, repeats, requests per unary load run, streams per streaming run)
SIZES = {"full": (8_000_000, 3, 20_000, 400), "quick": (1_000_000, 2, 4_000, 80)}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true", help="a small corpus and short load runs")
    p.add_argument("--only", choices=["core", "service"], help="run one part only")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    corpus_bytes, repeats, requests, streams = SIZES["quick" if args.quick else "full"]
    print(f"redactd bench: Python {platform.python_version()}, {os.cpu_count()} CPUs", flush=True)
    if args.only in (None, "core"):
        from bench import core_bench
        print("\n".join(core_bench.run(corpus_bytes, repeats)), flush=True)
    if args.only in (None, "service"):
        from bench import service_bench
        print("\n".join(service_bench.run(requests, streams)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
