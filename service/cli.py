"""`redactd serve | redact | identify`.

`redact` and `identify` work embedded, without a server, on a file or stdin,
streamed in bounded memory through the same code as StreamRedact.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys

from redactd import core
from redactd.config import DEFAULT_ADDRESS, Settings

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


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; given the `command` about to run, only that subcommand's
    arguments are built (the others are listed, and complete when asked for themselves)."""
    p = argparse.ArgumentParser(prog="redactd", description="Find and redact PII/PCI.")
    p.add_argument("--version", action=VersionAction)
    sub = p.add_subparsers(dest="command", required=True)
    for name, (build, kwargs) in COMMANDS.items():
        built = command in (None, name)
        s = sub.add_parser(name, **{k: v() if callable(v) else v for k, v in kwargs.items()
                                    if built or k == "help"})
        if built:
            build(s)
        if name == "serve":
            p.serve_parser = s  # type: ignore[attr-defined]  # its defaults come from REDACTD_* (main)
    return p


def _serve_args(s: argparse.ArgumentParser) -> None:
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
    s.add_argument("--threads", type=int, default=DEFAULTS.threads,
                   help=f"threads for unary calls (default {DEFAULTS.threads}; streams have their own)")
    s.add_argument("--max-streams", default=f"{DEFAULTS.max_streams}:{DEFAULTS.max_streams_per_caller}",
                   metavar="N[:PER_CALLER]",
                   help="open StreamRedact calls at most, in all and per caller (default "
                        f"{DEFAULTS.max_streams}:{DEFAULTS.max_streams_per_caller}); more get RESOURCE_EXHAUSTED")
    s.add_argument("--stream-idle-timeout", type=float, default=DEFAULTS.stream_idle_timeout, metavar="S",
                   help=f"end a stream that sends nothing for S seconds (default {DEFAULTS.stream_idle_timeout:g})")
    s.add_argument("--rate-limit", default="", metavar="R[/s][:BURST]",
                   help="at most R calls a second per caller, bursts of BURST (default R); more get "
                        "RESOURCE_EXHAUSTED with a retry hint (default: off)")
    s.add_argument("--grace", type=float, default=DEFAULTS.grace)
    s.add_argument("--phone-regions", default="", metavar="CC,CC",
                   help="regions whose national phone numbers count too, for requests that name none "
                        "(comma-separated ISO 3166 codes)")
    s.add_argument("--workers", type=int, default=None, metavar="N",
                   help="server processes sharing the port (default: the number of cores; 1: this "
                        "process serves alone)")
    s.add_argument("--metrics-address", default="", metavar="HOST:PORT",
                   help="serve Prometheus metrics at http://HOST:PORT/metrics, of all workers (README: Operating; "
                        "default: off)")
    s.add_argument("--log-format", choices=("text", "json"), default="text",
                   help="log lines as text or one JSON object each (default: text)")
    s.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info",
                   help="least severe level logged (default: info, with one access line per RPC)")
    s.add_argument("--bench-echo", action="store_true", help=argparse.SUPPRESS)
    s.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)  # set on workers


def _redact_args(r: argparse.ArgumentParser) -> None:
    _detection_args(r)
    r.add_argument("--style", choices=sorted(STYLES), default="label")
    r.add_argument("--redaction-string", default="****")


def _keys_args(k: argparse.ArgumentParser) -> None:
    ksub = k.add_subparsers(dest="keys_command", required=True)
    new = ksub.add_parser("new", help="write a new key file (a 256-bit random key), or add one to a file "
                                      "and make it the active key (--rotate)")
    new.add_argument("file", help="the key file to write (mode 0600)")
    new.add_argument("--id", default="", help="key id: 1-16 letters or digits (default: k1, or the next kN)")
    new.add_argument("--rotate", action="store_true", help="add a key to an existing file and make it active")


def _spark_args(s: argparse.ArgumentParser) -> None:
    from redactd import spark_cli
    spark_cli.parser(s)


def _loadtest_args(s: argparse.ArgumentParser) -> None:
    from redactd import loadtest
    loadtest.parser(s)


def _first_paragraph(module: str):
    """A command's description: its module's first paragraph, read when its parser is built."""
    def description() -> str:
        import importlib
        return importlib.import_module(module).__doc__.split("\n\n")[0]
    return description


ENV_HELP = ("Every flag can also be set as REDACTD_<FLAG> (REDACTD_MAX_STREAMS=10, REDACTD_LOG_FORMAT=json; "
            "booleans 1/0/true/false); the command line wins. REDACTD_KEYS is the key ring's JSON, not a file. "
            "Traces: the standard OTEL_* variables (README: Operating).")

# each command: what builds its arguments, and add_parser's keywords (a callable's value is
# worked out only when the command's own parser is built)
COMMANDS = {
    "serve": (_serve_args, {"help": "run the gRPC server", "epilog": ENV_HELP}),
    "redact": (_redact_args, {"help": "redact a file or stdin to stdout"}),
    "identify": (_detection_args, {"help": "print the entities of a file or stdin as JSON lines"}),
    "keys": (_keys_args, {"help": "key files for hash, encrypt and surrogate"}),
    "spark": (_spark_args, {"help": "redact a data set with Spark: a policy per row or text columns",
                            "description": _first_paragraph("redactd.spark_cli")}),
    "loadtest": (_loadtest_args, {"help": "load a running redactd; latency report and plots",
                                  "description": _first_paragraph("redactd.loadtest")}),
}


# Detection.create's field names as the flags that set them
FLAGS = {"entity_types": "--types", "exclude": "--exclude", "min_score": "--min-score",
         "default_region": "--region", "phone_regions": "--phone-regions"}


@contextlib.contextmanager
def flag_errors():
    """The library names its fields; a user typed flags: say those."""
    try:
        yield
    except ValueError as exc:
        field, _, reason = str(exc).partition(": ")
        raise ValueError(f"{FLAGS.get(field, field)}: {reason}") from None


def _names(csv: str) -> list[str]:
    return [n.strip().upper() for n in csv.split(",") if n.strip()]


def _run_stream(args, redaction: core.Redaction, emit, emit_block, entities: bool) -> int:
    """Stream the input through `redaction`; `emit(output, out_text, found)` writes, and
    with --jobs `emit_block(output, result, base)` (service.parallel); without `entities`
    the stream makes no Python object per entity (`found` is empty)."""
    from redactd.files import Input, Output, reuse_freed_memory
    reuse_freed_memory()
    with flag_errors():
        detection = core.Detection.create(_names(args.types), _names(args.exclude), args.min_score, args.region,
                                          _names(args.phone_regions))
    if args.jobs < 1:
        raise ValueError(f"--jobs: {args.jobs} is not a number of processes (1 or more)")
    source = Input(args.file, progress=False if args.no_progress else None)
    with Output(args.output) as output:
        if args.jobs > 1:
            from redactd import parallel
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
    from redactd import workers
    # checked as a request's are (ValueError naming the field for an unknown region)
    with flag_errors():
        phone_regions = core.Detection.create(phone_regions=_names(args.phone_regions)).phone_regions
    if args.reveal_callers:
        raise ValueError("--reveal-callers: replaced by --callers FILE, which names what each caller may use "
                         "(README: Callers and permissions)")
    count = workers.default_workers() if args.workers is None else args.workers
    if count < 1:
        raise ValueError(f"--workers: {count} is not a number of processes (1 or more)")
    settings = Settings(max_text_bytes=args.max_text_bytes, max_response_bytes=args.max_response_bytes,
                        threads=args.threads, phone_regions=phone_regions, **limits(args),
                        grace=args.grace, policy_files=tuple(args.policies),
                        keys_file=args.keys, callers_file=args.callers,
                        allow_keyed_operators_without_auth=args.allow_keyed_operators_without_auth,
                        tls_cert_file=args.tls_cert, tls_key_file=args.tls_key, tls_client_ca_file=args.tls_client_ca,
                        bench_echo=args.bench_echo, reuse_port=args.reuse_port,
                        metrics_address=args.metrics_address,
                        **({"address": args.address} if args.address else {}))
    if count > 1:
        from redactd.server import check_files
        check_files(settings)  # a bad file is reported once, here, before any worker starts
        if not settings.tls_cert_file:
            from redactd.tls import warn_if_plaintext
            warn_if_plaintext(settings.address)
        return workers.Supervisor(_without(argv, "--workers", "--address"), count, settings.address,
                                  args.grace, settings.metrics_address).run()
    from redactd.server import serve as run
    return run(settings)


def limits(args) -> dict:
    """The starvation limits' Settings fields from their flags (service.limits)."""
    from redactd.limits import parse_max_streams, parse_rate_limit
    total, per_caller = parse_max_streams(args.max_streams)
    if not args.stream_idle_timeout > 0:
        raise ValueError(f"--stream-idle-timeout: {args.stream_idle_timeout} is not a number of seconds above 0")
    return {"max_streams": total, "max_streams_per_caller": per_caller,
            "stream_idle_timeout": args.stream_idle_timeout, "rate_limit": parse_rate_limit(args.rate_limit)}


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
    p = parser(argv[0] if argv[:1] and argv[0] in COMMANDS else None)
    try:
        if argv[:1] == ["serve"]:
            from redactd import envflags
            envflags.apply(p.serve_parser, argv[1:])
    except ValueError as exc:
        print(f"redactd: {exc}", file=sys.stderr)
        return 2
    args = p.parse_args(argv)
    if args.command == "serve":
        from redactd import logs
        logs.configure(args.log_format, args.log_level)
    if args.command not in ("redact", "identify"):  # these two log nothing: spare them logging's import
        import logging
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "serve":
            return serve(args, argv)
        if args.command == "loadtest":
            from redactd import loadtest
            return loadtest.main(args)
        if args.command == "keys":
            return new_keys(args)
        if args.command == "spark":
            from redactd import spark_cli
            return spark_cli.main(args)
        return {"redact": redact, "identify": identify}[args.command](args)
    except (ValueError, OSError) as exc:
        from redactd import logs
        logs.flush()  # what was logged before, then the error
        print(f"redactd: {exc}", file=sys.stderr)
        return 2


class VersionAction(argparse.Action):
    """--version, worked out only when asked (importlib.metadata costs every command ~15 ms)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(version())
        parser.exit()


def version() -> str:
    from importlib import metadata
    try:
        own = metadata.version("redactd")
    except metadata.PackageNotFoundError:
        own = "unknown (not installed)"
    import phonenumbers
    return f"redactd {own} (phonenumbers {phonenumbers.__version__}, Python {sys.version.split()[0]})"


def new_keys(args) -> int:
    """`redactd keys new FILE`: a key ring `redactd serve --keys FILE` reads."""
    import base64
    import os
    import re
    import secrets
    doc = {"keys": {}}
    if os.path.exists(args.file):
        if not args.rotate:
            raise ValueError(f"{args.file}: exists; --rotate adds a key to it, or choose another file")
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
        core.KeyRing.from_json(text, args.file)  # a key file it is
        doc = json.loads(text)
    elif args.rotate:
        raise ValueError(f"{args.file}: --rotate needs an existing key file")
    kid = args.id or next(f"k{i}" for i in range(1, len(doc["keys"]) + 2) if f"k{i}" not in doc["keys"])
    if not re.fullmatch(r"[A-Za-z0-9]{1,16}", kid) or kid in doc["keys"]:
        raise ValueError(f"--id: {kid!r} must be 1-16 letters or digits, not already in the file")
    doc["keys"][kid] = base64.b64encode(secrets.token_bytes(32)).decode()
    doc["active"] = kid
    text = json.dumps(doc, indent=2) + "\n"
    core.KeyRing.from_json(text, args.file)
    tmp = f"{args.file}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.file)
    print(f"redactd: {args.file}: key {kid!r} is now the active key ({len(doc['keys'])} in the file)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
