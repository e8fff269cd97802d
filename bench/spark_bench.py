"""`make bench-spark`: the Spark integration against the embedded core on the same data, in
one run (rows/s, MB/s), in local[1] and local[2]; the JVM's start-up apart.

Contenders, on the bench corpus's messages (one a row, beside a row id):
- core: `core.redact_only` over the texts in this process (the work itself);
- redactd redact: the embedded CLI as a process on the same texts, one a line (start-up
  included), and with --jobs 2;
- spark: parquet in, `redact_columns`, parquet out, in local[1] and local[2]; with entity
  counts (what `redactd spark` prints, through `redact_text`); a pass-through job that
  does everything but redact (Arrow batches to Python strs and back) and a copy with no
  Python at all, which split the integration's overhead into Spark's and ours; the
  pass-through on 80 rows, a job's fixed cost.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.parquet as pq

from redactd import core
from bench import corpus
from bench.timing import race

FILES = 8


def _passthrough(batches):
    """Everything redact_columns does per batch but the redaction."""
    for batch in batches:
        arrays = list(batch.columns)
        arrays[1] = pa.array(list(batch.column(1).to_pylist()), type=batch.column(1).type)
        yield pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)


def spark_figures(master: str, data: str, tiny: str, out: str, repeats: int) -> tuple[float, dict[str, float]]:
    from redactd import spark as integration
    from redactd.spark_cli import session
    started = time.perf_counter()
    spark = session(master, "redactd-bench")
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - started
    runs = iter(range(10 ** 6))

    def job(transform, source=data):
        def run():
            df = spark.read.parquet(source)
            transform(df).write.mode("overwrite").parquet(f"{out}/{next(runs)}")
        return run
    try:
        for _ in range(2):  # warm: the JVM's classes, the Python workers and their imports
            job(lambda df: integration.redact_columns(df, ["text"]))()
        best = race({
            "redact": job(lambda df: integration.redact_columns(df, ["text"])),
            "redact + entity counts": job(lambda df: integration.redact_columns(
                df, ["text"], stats=integration.Stats(spark))),
            "pass-through": job(lambda df: df.mapInArrow(_passthrough, df.schema)),
            "copy, no Python": job(lambda df: df),
            "pass-through, 80 rows (fixed cost)": job(lambda df: df.mapInArrow(_passthrough, df.schema), tiny),
        }, repeats)
    finally:
        spark.stop()
    return startup, best


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.spark_bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=32.0, help="megabytes of text (default: 32)")
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--json", metavar="FILE", help="write the figures here too")
    args = p.parse_args(argv)
    texts = corpus.messages(int(args.mb * 1e6))
    size, rows = corpus.utf8_size(texts), len(texts)
    tmp = tempfile.mkdtemp(prefix="redactd-spark-bench-")
    try:
        data = os.path.join(tmp, "in")  # eight files, so that local[2] reads two partitions or more
        table = pa.table({"id": pa.array(range(rows), pa.int64()), "text": pa.array(texts, pa.string())})
        os.mkdir(data)
        tiny = os.path.join(tmp, "tiny")  # the same files, ten rows each: a job's fixed cost
        os.mkdir(tiny)
        for i in range(FILES):
            part = table.slice(i * -(-rows // FILES), -(-rows // FILES))
            pq.write_table(part, os.path.join(data, f"{i}.parquet"))
            pq.write_table(part.slice(0, 10), os.path.join(tiny, f"{i}.parquet"))
        lines = os.path.join(tmp, "in.txt")
        with open(lines, "w", encoding="utf-8") as f:
            f.write("\n".join(texts))
        figures: dict[str, float] = {}
        detection, redaction = core.Detection(), core.Redaction()
        cli = [sys.executable, "-m", "redactd.cli", "redact", lines, "-o", os.path.join(tmp, "out.txt"),
               "--no-progress"]
        figures.update(race({
            "core (this process)": lambda: [core.redact_only(t, detection, redaction) for t in texts],
            "redactd redact": lambda: subprocess.run(cli, check=True),
            "redactd redact --jobs 2": lambda: subprocess.run([*cli, "--jobs", "2"], check=True),
        }, args.repeats))
        column = pa.array(texts, pa.string())
        figures.update(race({"Arrow to strs and back (this process)":
                             lambda: pa.array(column.to_pylist(), type=pa.string())}, args.repeats))
        startups = {}
        for master in ("local[1]", "local[2]"):
            startups[master], best = spark_figures(master, data, tiny, os.path.join(tmp, master), args.repeats)
            figures.update({f"spark {master}: {name}": s for name, s in best.items()})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"redactd spark bench: {rows} rows, {size / 1e6:.1f} MB of text ({size / rows:.0f} B a row), "
          f"best of {args.repeats}, {os.cpu_count()} CPUs")
    print(f"{'contender':52} {'seconds':>8} {'rows/s':>10} {'MB/s':>7}")
    for name, seconds in figures.items():
        print(f"{name:52} {seconds:8.2f} {rows / seconds:10.0f} {size / seconds / 1e6:7.1f}")
    for master, seconds in startups.items():
        print(f"Spark start-up ({master}, not in the figures above): {seconds:.1f} s")
    core_row = figures["core (this process)"] / rows * 1e6
    print(f"in the Python worker, per row: {figures['Arrow to strs and back (this process)'] / rows * 1e6:.2f} µs "
          f"from Arrow to a str and back, {core_row:.1f} µs redacting it")
    for master in startups:
        fixed = figures[f"spark {master}: pass-through, 80 rows (fixed cost)"]
        overhead = (figures[f"spark {master}: pass-through"] - fixed) / rows * 1e6
        print(f"{master}: a job's fixed cost {fixed:.2f} s; then {overhead:.1f} µs a row besides the redaction "
              f"(parquet in and out, Arrow batches to Python strs and back), against the core's {core_row:.1f} µs "
              f"a row on one core")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "bytes": size, "seconds": figures, "startup": startups}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
