"""`redactd serve | redact | identify`.

`redact` and `identify` work embedded, without a server, on a file or stdin,
streamed in bounded memory through the same code as StreamRedact.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys

import core
from service.config import DEFAULT_ADDRESS, Settings

DEFAULTS = Settings()

STYLES = {"label": core.LABEL, "mask": core.MASK, "numbered": core.NUMBERED_LABEL}


def _detection_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="input file (default: stdin); bytes that are not UTF-8 pass through")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write here (default: stdout); replaced only once everything is written")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="processes to use (the output is byte-identical to one; not with numbered labels)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress line on stderr (shown by default when stderr is a terminal)")
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
    s.add_argument("--callers", default="", metavar="FILE",
                   help="who may call what, YAML or JSON (README: Callers and permissions); without it every "
                        "caller may use every RPC but Reveal")
    s.add_argument("--allow-keyed-operators-without-auth", action="store_true",
                   help="without --callers: let any caller use hash, encrypt and surrogate (an oracle for "
                        "low-entropy values such as SSNs; refused by default)")
    s.add_argument("--tls-cert", default="", metavar="FILE",
                   help="PEM certificate chain: serve TLS only (with --tls-key; reloaded on SIGHUP)")
    s.add_argument("--tls-key", default="", metavar="FILE", help="PEM private key of --tls-cert, unencrypted")
    s.add_argument("--tls-client-ca", default="", metavar="FILE",
                   help="PEM CA certificates: require client certificates signed by them (mTLS)")
    s.add_argument("--reveal-callers", default="", help=argparse.SUPPRESS)  # replaced by --callers
    s.add_argument("--max-text-bytes", type=int, default=DEFAULTS.max_text_bytes,
                   help="largest text, record or stream chunk a request may carry (default: %(default)s)")
    s.add_argument("--max-response-bytes", type=int, default=DEFAULTS.max_response_bytes,
                   help="largest response (default: 4 MiB, what a default gRPC client receives)")
    s.add_argument("--threads", type=int, default=DEFAULTS.threads)
    s.add_argument("--grace", type=float, default=DEFAULTS.grace)
    s.add_argument("--phone-regions", default="", metavar="CC,CC",
                   help="regions whose national phone numbers count too, for requests that name none "
                        "(comma-separated ISO 3166 codes)")
    s.add_argument("--workers", type=int, default=None, metavar="N",
                   help="server processes sharing the port (default: the number of cores; 1: this "
                        "process serves alone)")
    s.add_argument("--bench-echo", action="store_true", help=argparse.SUPPRESS)
    s.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)  # set on workers
    r = sub.add_parser("redact", help="redact a file or stdin to stdout")
    _detection_args(r)
    r.add_argument("--style", choices=sorted(STYLES), default="label")
    r.add_argument("--redaction-string", default="****")
    i = sub.add_parser("identify", help="print the entities of a file or stdin as JSON lines")
    _detection_args(i)
    from service import loadtest
    loadtest.parser(sub.add_parser("loadtest", help="load a running redactd; latency report and plots",
                                   description=loadtest.__doc__.split("\n\n")[0]))
    return p


def _names(csv: str) -> list[str]:
    return [n.strip().upper() for n in csv.split(",") if n.strip()]


def _run_stream(args, redaction: core.Redaction, emit, emit_block, entities: bool) -> int:
    """Stream the input through `redaction`; `emit(output, out_text, found)` writes, and
    with --jobs `emit_block(output, result, base)` (service.parallel); without `entities`
    the stream makes no Python object per entity (`found` is empty)."""
    from service.files import Input, Output
    detection = core.Detection.create(_names(args.types), _names(args.exclude), args.min_score, args.region,
                                      _names(args.phone_regions))
    if args.jobs < 1:
        raise ValueError(f"--jobs: {args.jobs} is not a number of processes (1 or more)")
    source = Input(args.file, progress=False if args.no_progress else None)
    with Output(args.output) as output:
        if args.jobs > 1:
            from service import parallel
            not_utf8 = parallel.run(source.read, args.jobs, detection,
                                    None if redaction is core.IDENTIFY_ONLY else redaction,
                                    lambda result, base: emit_block(output, result, base))
        else:
            stream = core.StreamRedactor(detection, redaction, entities=entities)
            for chunk in source.chunks():
                emit(output, *stream.feed(chunk))
            emit(output, *stream.flush())
            not_utf8 = source.not_utf8
    if not_utf8:
        print(f"redactd: {not_utf8} bytes that are not UTF-8 passed through unchanged", file=sys.stderr)
    return 0


def redact(args) -> int:
    redaction = core.Redaction(STYLES[args.style], args.redaction_string)
    return _run_stream(args, redaction, lambda output, out, found: output.write(out),
                       lambda output, result, base: output.write(result.out), entities=False)


def _record(type_name: str, text: str, value: str, offset: int, score: float, subtype: str) -> str:
    record = {"type": type_name, "text": text, "value": value, "offset": offset, "length": len(text),
              "score": round(score, 4)}
    if subtype:
        record["subtype"] = subtype
    return json.dumps(record) + "\n"


def identify(args) -> int:
    def emit(output, _out, found):
        for f in found:
            e = f.entity
            output.write(_record(e.type, e.text, e.value, f.offset, e.score, e.subtype))

    def emit_block(output, result, base):
        for start, _end, type_name, text, value, score, subtype in result.found:
            output.write(_record(type_name, text, value, base + start, score, subtype))
    return _run_stream(args, core.IDENTIFY_ONLY, emit, emit_block, entities=True)


def serve(args, argv: list[str]) -> int:
    from service import workers
    # checked as a request's are (ValueError naming the field for an unknown region)
    phone_regions = core.Detection.create(phone_regions=_names(args.phone_regions)).phone_regions
    if args.reveal_callers:
        raise ValueError("--reveal-callers: replaced by --callers FILE, which names what each caller may use "
                         "(README: Callers and permissions)")
    count = workers.default_workers() if args.workers is None else args.workers
    if count < 1:
        raise ValueError(f"--workers: {count} is not a number of processes (1 or more)")
    settings = Settings(max_text_bytes=args.max_text_bytes, max_response_bytes=args.max_response_bytes,
                        threads=args.threads, phone_regions=phone_regions,
                        grace=args.grace, policy_files=tuple(args.policies),
                        keys_file=args.keys, callers_file=args.callers,
                        allow_keyed_operators_without_auth=args.allow_keyed_operators_without_auth,
                        tls_cert_file=args.tls_cert, tls_key_file=args.tls_key, tls_client_ca_file=args.tls_client_ca,
                        bench_echo=args.bench_echo, reuse_port=args.reuse_port,
                        **({"address": args.address} if args.address else {}))
    if count > 1:
        from service.server import check_files
        check_files(settings)  # a bad file is reported once, here, before any worker starts
        if not settings.tls_cert_file:
            from service.tls import warn_if_plaintext
            warn_if_plaintext(settings.address)
        return workers.Supervisor(_without(argv, "--workers", "--address"), count, settings.address,
                                  args.grace).run()
    from service.server import serve as run
    return run(settings)


def _without(argv: list[str], *flags: str) -> list[str]:
    """`serve`'s arguments less the given flags and their values ("--f v" or "--f=v")."""
    rest = argv[argv.index("serve") + 1:]
    out, skip = [], False
    for a in rest:
        if skip:
            skip = False
        elif a in flags:
            skip = True
        elif not a.startswith(tuple(f + "=" for f in flags)):
            out.append(a)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "serve":
            return serve(args, argv)
        if args.command == "loadtest":
            from service import loadtest
            return loadtest.main(args)
        return {"redact": redact, "identify": identify}[args.command](args)
    except (ValueError, OSError) as exc:
        print(f"redactd: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
