"""`redactd spark`: redact a data set with Spark (service/spark.py), locally or with spark-submit.

Reads `--input` (parquet, csv with a header line, or JSON lines), applies a policy to each
row or a redaction config to text columns, writes `--output` in the same format and prints
rows, bytes, entities by type and MB/s. Nothing of the data is printed or logged.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time

FORMATS = ("parquet", "csv", "json")
STYLES = {"label": "REDACTION_STYLE_LABEL", "mask": "REDACTION_STYLE_MASK", "numbered": "REDACTION_STYLE_NUMBERED_LABEL"}
CONFIG_KEYS = ("detection", "redaction")


def parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--input", required=True, metavar="PATH", help="a file or directory Spark reads")
    p.add_argument("--output", required=True, metavar="PATH", help="a directory Spark writes; must not exist")
    p.add_argument("--format", choices=FORMATS, default="parquet",
                   help="of input and output (csv: with a header line, every column a string; json: JSON lines)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--policy", metavar="NAME", help="apply this policy to each row, its columns as the fields")
    what.add_argument("--columns", metavar="C1,C2", help="redact these string columns as Redact does")
    p.add_argument("--fields", metavar="C1,C2",
                   help="with --policy: the columns that make a record (default: all); the rest pass through")
    p.add_argument("--style", choices=sorted(STYLES), help="with --columns: the redaction style (default: label)")
    p.add_argument("--redaction-string", metavar="S", help="with --columns: the mask style's string (default ****)")
    p.add_argument("--config", metavar="FILE",
                   help='with --columns: {"detection": DetectionConfig, "redaction": RedactionConfig} in proto3 '
                        "JSON, as in a Redact request (operators, types, regions); flags override it")
    p.add_argument("--types", default="", help="with --columns: comma-separated entity types (default: all)")
    p.add_argument("--exclude", default="",
                   help="comma-separated entity types to leave alone (with --policy: as ApplyPolicy's exclude)")
    p.add_argument("--entities", action="store_true",
                   help="with --columns: add <column>_entities, a list of (type, start, end) in code points")
    p.add_argument("--entity-values", action="store_true",
                   help="with --entities: the entities' text and value too (they are the data you redact)")
    p.add_argument("--policies", action="append", default=[], metavar="FILE",
                   help="more policy files, as serve's --policies (repeatable)")
    p.add_argument("--keys", default="", metavar="FILE",
                   help="key ring for hash/encrypt/surrogate, read here and broadcast to the executors")
    p.add_argument("--master", default=None, metavar="URL",
                   help="Spark master (default: local[*], or what spark-submit set)")
    return p


def _names(csv: str | None) -> list[str]:
    return [n.strip() for n in (csv or "").split(",") if n.strip()]


def configs(args) -> tuple[dict, dict]:
    """The detection and redaction of --config with the flags on top, as proto3 JSON dicts."""
    doc: dict = {}
    if args.config:
        from redactd.policies import json_object  # a field set twice is an error, as in policy files
        with open(args.config, encoding="utf-8") as f:
            doc = json_object(f.read(), f"--config: {args.config}")
        unknown = [k for k in doc if k not in CONFIG_KEYS]
        if unknown:
            raise ValueError(f"--config: {args.config}: unknown key {unknown[0]!r} (known: detection, redaction)")
    detection, redaction = dict(doc.get("detection") or {}), dict(doc.get("redaction") or {})
    if args.types:
        detection["entityTypes"] = [n.upper() for n in _names(args.types)]
    if args.exclude:
        detection["exclude"] = [n.upper() for n in _names(args.exclude)]
    if args.style:
        redaction["style"] = STYLES[args.style]
    if args.redaction_string:
        redaction["redactionString"] = args.redaction_string
    return detection, redaction


def _check(args) -> None:
    if args.policy:
        bad = [f for f, v in (("--style", args.style), ("--config", args.config), ("--types", args.types),
                              ("--entities", args.entities),
                              ("--redaction-string", args.redaction_string)) if v]
        if bad:
            raise ValueError(f"{bad[0]}: applies to --columns, not --policy (a policy has its own configuration)")
    elif args.fields or args.policies:
        flag = "--fields" if args.fields else "--policies"
        raise ValueError(f"{flag}: applies to --policy; --columns names the columns to redact")
    if args.entity_values and not args.entities:
        raise ValueError("--entity-values: needs --entities")


def session(master: str | None, app: str = "redactd", **conf: str):
    """A SparkSession: `master`, else what spark-submit configured, else local[*]. Local
    Python workers run this interpreter (its packages: the core, pyarrow) unless
    $PYSPARK_PYTHON says otherwise."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession
    master = master or SparkConf().get("spark.master", "local[*]")
    builder = SparkSession.builder.appName(app).master(master).config("spark.ui.enabled", "false")
    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # read by SparkContext itself
    for key, value in conf.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


# CSV as RFC 4180 writes it: a header line, quotes doubled, line breaks inside quoted fields
CSV_OPTIONS = {"header": "true", "multiLine": "true", "escape": '"'}


def read(spark, path: str, fmt: str):
    reader = spark.read.format(fmt)
    if fmt == "csv":
        reader = reader.options(inferSchema="false", **CSV_OPTIONS)
    return reader.load(path)


def write(df, path: str, fmt: str) -> None:
    writer = df.write.format(fmt).mode("errorifexists")
    if fmt == "csv":
        writer = writer.options(**CSV_OPTIONS)
    writer.save(path)


def main(args, out=sys.stdout) -> int:
    """`run`, with Spark's own refusals (an output that exists, an input that does not) as
    ValueError, which the CLI prints in one line."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ValueError("spark: needs PySpark and Java 17+: pip install 'redactd[spark]'") from None
    from pyspark.errors import AnalysisException
    try:
        return run(args, out)
    except AnalysisException as exc:
        raise ValueError(f"spark: {str(exc).splitlines()[0]}") from None


def run(args, out=sys.stdout) -> int:
    _check(args)
    if args.columns is not None and not _names(args.columns):
        raise ValueError("--columns: name at least one column")
    from redactd import spark as integration
    # files and configuration checked before Spark starts (as they are again on the driver)
    stand_in = integration.keys_on_executors(path=args.keys) if args.keys else None
    if stand_in:
        stand_in.ring()  # the key file itself: a bad one is named here
    exclude = [n.upper() for n in _names(args.exclude)]
    if args.policy:
        integration.load_policy(args.policy, integration.read_policy_files(args.policies),
                                integration.driver_ring(stand_in))
    else:
        detection, redaction = configs(args)
        integration.checked_configs(detection, redaction, stand_in)
    started = time.monotonic()
    logging.getLogger("py4j").setLevel(logging.WARNING)  # its INFO lines say nothing to a user
    from pyspark.sql import SparkSession
    owned = SparkSession.getActiveSession() is None  # a caller's session is left running
    spark = session(args.master)
    jvm_seconds = time.monotonic() - started
    try:
        keys = integration.keys_from_file(spark, args.keys) if args.keys else None
        stats = integration.Stats(spark)
        df = read(spark, args.input, args.format)
        if args.policy:
            result = integration.apply_policy(df, args.policy, columns=_names(args.fields) or None,
                                              policy_files=args.policies, exclude=exclude, keys=keys, stats=stats)
        else:
            result = integration.redact_columns(df, _names(args.columns), detection, redaction, keys=keys,
                                                entities=args.entities, entity_values=args.entity_values,
                                                stats=stats)
        job_started = time.monotonic()
        write(result, args.output, args.format)
        seconds = time.monotonic() - job_started
    finally:
        if owned:
            spark.stop()
    report(stats, seconds, jvm_seconds, out)
    return 0


def report(stats, seconds: float, jvm_seconds: float, out) -> None:
    rate = stats.bytes / 1e6 / seconds if seconds else 0.0
    print(f"rows {stats.rows}  bytes {stats.bytes}  {seconds:.2f} s  {rate:.1f} MB/s  "
          f"{stats.rows / seconds if seconds else 0:.0f} rows/s  (Spark start-up {jvm_seconds:.1f} s)", file=out)
    entities = stats.entities
    print(f"entities {sum(entities.values())}" + "".join(f"  {t} {n}" for t, n in sorted(entities.items())),
          file=out)


def _main(argv: list[str] | None = None) -> int:
    """`python -m redactd.spark_cli ...` / `spark-submit .../redactd/spark_cli.py ...`: as `redactd spark`."""
    args = parser(argparse.ArgumentParser(prog="redactd spark", description=__doc__.split("\n\n")[0])).parse_args(argv)
    try:
        return main(args)
    except (ValueError, OSError) as exc:
        print(f"redactd: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(_main())
