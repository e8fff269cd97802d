"""`redactd serve | redact | identify`.

`redact` and `identify` work embedded, without a server, on a file or stdin,
streamed in bounded memory through the same code as StreamRedact.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Iterator, TextIO

import core
from service.config import DEFAULT_ADDRESS, Settings

DEFAULTS = Settings()

CHUNK = 1 << 20  # code points read at a time
STYLES = {"label": core.LABEL, "mask": core.MASK, "numbered": core.NUMBERED_LABEL}


def _detection_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="input file (default: stdin)")
    p.add_argument("--types", default="", help="comma-separated entity types (default: all)")
    p.add_argument("--exclude", default="", help="comma-separated entity types to leave alone")
    p.add_argument("--min-score", type=float, default=0.0)
    p.add_argument("--region", default="US", help="default region for phone numbers")
    p.add_argument("--phone-regions", default="", metavar="CC,CC",
                   help="more regions whose national phone numbers count (comma-separated ISO 3166 codes)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="redactd", description="Find and redact PII/PCI.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the gRPC server")
    s.add_argument("--address", default=None,
                   help=f"HOST:PORT (default: $REDACTD_ADDRESS or {DEFAULT_ADDRESS})")
    s.add_argument("--policies", action="append", default=[], metavar="FILE",
                   help="load more policies from a policy file, JSON (README: Policies; repeatable)")
    s.add_argument("--keys", default="", metavar="FILE",
                   help="key ring for hash/encrypt/surrogate (default: $REDACTD_KEYS)")
    s.add_argument("--reveal-callers", default="", metavar="FILE",
                   help="bearer-token digests allowed to call Reveal (default: nobody)")
    s.add_argument("--max-text-bytes", type=int, default=DEFAULTS.max_text_bytes)
    s.add_argument("--threads", type=int, default=DEFAULTS.threads)
    s.add_argument("--grace", type=float, default=DEFAULTS.grace)
    s.add_argument("--phone-regions", default="", metavar="CC,CC",
                   help="regions whose national phone numbers count too, for requests that name none "
                        "(comma-separated ISO 3166 codes)")
    s.add_argument("--bench-echo", action="store_true", help=argparse.SUPPRESS)
    r = sub.add_parser("redact", help="redact a file or stdin to stdout")
    _detection_args(r)
    r.add_argument("--style", choices=sorted(STYLES), default="label")
    r.add_argument("--redaction-string", default="****")
    i = sub.add_parser("identify", help="print the entities of a file or stdin as JSON lines")
    _detection_args(i)
    return p


def _names(csv: str) -> list[str]:
    return [n.strip().upper() for n in csv.split(",") if n.strip()]


def _chunks(f: TextIO) -> Iterator[str]:
    while chunk := f.read(CHUNK):
        yield chunk


def _run_stream(args, redaction: core.Redaction, emit, entities: bool) -> int:
    detection = core.Detection.create(_names(args.types), _names(args.exclude), args.min_score, args.region,
                                      _names(args.phone_regions))
    stream = core.StreamRedactor(detection, redaction, entities=entities)
    with (open(args.file, encoding="utf-8") if args.file else sys.stdin) as f:
        for chunk in _chunks(f):
            emit(*stream.feed(chunk))
    emit(*stream.flush())
    return 0


def redact(args) -> int:
    redaction = core.Redaction(STYLES[args.style], args.redaction_string)
    return _run_stream(args, redaction, lambda out, found: sys.stdout.write(out), entities=False)


def identify(args) -> int:
    def emit(_out, found):
        for f in found:
            e = f.entity
            record = {"type": e.type, "text": e.text, "value": e.value, "offset": f.offset,
                      "length": f.length, "score": round(e.score, 4)}
            if e.subtype:
                record["subtype"] = e.subtype
            sys.stdout.write(json.dumps(record) + "\n")
    return _run_stream(args, core.IDENTIFY_ONLY, emit, entities=True)


def serve(args) -> int:
    from service.server import serve as run
    # checked as a request's are (ValueError naming the field for an unknown region)
    phone_regions = core.Detection.create(phone_regions=_names(args.phone_regions)).phone_regions
    settings = Settings(max_text_bytes=args.max_text_bytes, threads=args.threads, phone_regions=phone_regions,
                        grace=args.grace, policy_files=tuple(args.policies),
                        keys_file=args.keys, reveal_callers_file=args.reveal_callers,
                        bench_echo=args.bench_echo,
                        **({"address": args.address} if args.address else {}))
    return run(settings)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return {"serve": serve, "redact": redact, "identify": identify}[args.command](args)
    except (ValueError, OSError) as exc:
        print(f"redactd: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
