"""The Spark integration (service/spark.py, `redactd spark`) against a real server: for every
row, what ApplyPolicy and Redact return for the same input and configuration.

One local[2] session for the module; skipped, saying why, without Java 17+ or PySpark."""
from __future__ import annotations

import base64
import datetime
import decimal
import hashlib
import json
import re
import shutil
import subprocess
import sys
from argparse import Namespace
from io import StringIO

import pytest

from bench.spark_data import SCHEMA, rows


def _java_major() -> int:
    java = shutil.which("java")
    if not java:
        return 0
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    return 0 if not m else int(m[2] or 0) if m[1] == "1" else int(m[1])


try:
    import pyarrow  # noqa: F401
    import pyspark  # noqa: F401
except ImportError:
    pytest.skip("the spark extra is not installed: pip install -e '.[spark]'", allow_module_level=True)
if _java_major() < 17:
    pytest.skip("Spark needs Java 17 or newer on PATH (none found, or an older one)", allow_module_level=True)

from google.protobuf import json_format, struct_pb2  # noqa: E402

from redactd import spark as S  # noqa: E402
from redactd import spark_cli  # noqa: E402
from redactd_client.api.redact.v1 import redact_pb2 as pb  # noqa: E402
from redactd_client.api.redact.v1 import redact_pb2_grpc  # noqa: E402
from redactd.config import Settings  # noqa: E402
from redactd.server import Server  # noqa: E402

ROWS = 2400
FIELDS = [c for c in ("text", "body", "dst", "from_number", "to", "from", "first_name", "last_name",
                      "caller_name", "messages", "participants")]
KEYS = json.dumps({"active": "k1", "keys": {"k1": base64.b64encode(hashlib.sha256(b"k1").digest()).decode()}})
TYPES_POLICY = {"name": "types", "default": "DEFAULT_SCAN", "rules": [
    {"field": "n", "mask": {"count": 3, "fromEnd": True}},
    {"field": "flag", "replace": {"value": "[B]"}},
    {"field": "gone", "drop": {}},
    {"field": "kept", "keep": {}},
    {"field": "tags.secret", "hash": {}},
]}
POLICY_FILE = {"policies": [TYPES_POLICY]}
PRESETS = ["sms_outbound", "sms_outbound_content_only", "sms_outbound_number_only", "sms_inbound",
           "record_content_only", "record_number_only", "record_content_and_number", "record_number_encrypted",
           "record_content_redacted_number_encrypted", "conversation", "scan_all"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("spark")
    (d / "keys.json").write_text(KEYS)
    (d / "policies.json").write_text(json.dumps(POLICY_FILE))
    return d


@pytest.fixture(scope="module")
def keyed_stub(files):
    """A server with keys and the test policy file; keyed operators allowed without callers."""
    import grpc
    srv = Server(Settings(address="127.0.0.1:0", threads=4, grace=0.5, keys_file=str(files / "keys.json"),
                          policy_files=(str(files / "policies.json"),), allow_keyed_operators_without_auth=True))
    with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as channel:
        yield redact_pb2_grpc.RedactorServiceStub(channel)
    srv.stop(0).wait()


@pytest.fixture(scope="module")
def spark():
    session = spark_cli.session("local[2]", "redactd-tests", **{
        "spark.sql.shuffle.partitions": "2", "spark.default.parallelism": "2",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "500"})  # several batches per partition
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def data():
    return rows(ROWS)


@pytest.fixture(scope="module")
def df(spark, data):
    return spark.createDataFrame(data, SCHEMA).repartition(2).cache()


@pytest.fixture(scope="module")
def keys(spark, files):
    return S.keys_from_file(spark, str(files / "keys.json"))


def _plain(row) -> dict:
    return row.asDict(recursive=True)


def _service_records(stub, policy: str, records: list[dict]) -> list[dict]:
    out = []
    for i in range(0, len(records), 200):
        request = pb.ApplyPolicyRequest(policy=policy, records=[
            json_format.ParseDict(r, struct_pb2.Struct()) for r in records[i:i + 200]])
        out += [json_format.MessageToDict(r) for r in stub.ApplyPolicy(request).records]
    return out


def _as_spark_sees(value, kind: str):
    """The service's output value as the Spark output column holds it."""
    return S.cell_text(value) if kind == "string" else value


# ---------------------------------------------------------------- policies

@pytest.mark.parametrize("preset", PRESETS)
def test_every_preset_equals_apply_policy(spark, df, data, keys, keyed_stub, preset):
    out = S.apply_policy(df, preset, columns=FIELDS, keys=keys)
    kinds = {f.name: f.dataType.simpleString() for f in out.schema.fields}
    got = {r["id"]: _plain(r) for r in out.collect()}
    expected = _service_records(keyed_stub, preset, [{f: row[f] for f in FIELDS} for row in data])
    assert len(got) == len(data)
    changed = 0
    for row, want in zip(data, expected):
        mine = got[row["id"]]
        for f in FIELDS:
            assert mine[f] == _as_spark_sees(want.get(f), kinds[f]), (preset, row["id"], f)
            changed += mine[f] != row[f]
    assert changed > len(data) // 2  # the policy did something on most rows


def test_presets_keep_row_ids_and_untouched_columns(spark, df, data):
    out = S.apply_policy(df, "sms_outbound")  # default fields: strings, nested, and the rules' (dst)
    assert out.schema["id"].dataType.simpleString() == "bigint"
    assert out.schema["dst"].dataType.simpleString() == "string"  # masked: text
    assert out.schema["messages"] == df.schema["messages"]
    got = {r["id"]: r for r in out.collect()}
    for row in data:
        mine = got[row["id"]]
        assert mine["body"] == row["body"] and mine["caller_name"] == row["caller_name"]
        assert mine["dst"] == (None if row["dst"] is None else str(row["dst"])[:-3] + "***")
    scanned = S.apply_policy(df, "scan_all")  # dst is a number no rule names: not a field
    assert scanned.schema["dst"].dataType.simpleString() == "bigint"
    assert {r["id"]: r["dst"] for r in scanned.collect()} == {r["id"]: r["dst"] for r in data}


def test_exclude_equals_apply_policy(spark, df, data, keyed_stub):
    out = S.apply_policy(df, "conversation", columns=FIELDS, exclude=["PERSON_NAME", "PHONE_NUMBER"])
    got = {r["id"]: _plain(r) for r in out.collect()}
    records = [{f: row[f] for f in FIELDS} for row in data[:400]]
    request = pb.ApplyPolicyRequest(policy="conversation", exclude=["PERSON_NAME", "PHONE_NUMBER"],
                                    records=[json_format.ParseDict(r, struct_pb2.Struct()) for r in records])
    expected = [json_format.MessageToDict(r) for r in keyed_stub.ApplyPolicy(request).records]
    for row, want in zip(data, expected):
        assert got[row["id"]]["messages"] == want["messages"]


TYPED_SCHEMA = ("id long, n long, x double, flag boolean, amount decimal(10,2), day date, at timestamp, "
                "note string, gone string, kept long, nested struct<a: long, b: string>, tags map<string,string>, "
                "words array<string>")


def _typed_rows():
    at = datetime.datetime(2024, 3, 15, 14, 30, 0)
    return [
        {"id": 1, "n": 14155552671, "x": 2.5, "flag": True, "amount": decimal.Decimal("12.50"),
         "day": datetime.date(1982, 10, 3), "at": at, "note": "born on 3rd of October 1982, ssn 222-44-5555",
         "gone": "bye", "kept": 222445555, "nested": {"a": 4155552671, "b": "mail jane@corp.example"},
         "tags": {"secret": "4111 1111 1111 1111", "plain": "call (415) 555-2671"}, "words": ["a", "jane@x.org"]},
        {"id": 2, "n": None, "x": 4155552671.0, "flag": None, "amount": None, "day": None, "at": None,
         "note": None, "gone": None, "kept": None, "nested": None, "tags": None, "words": None},
        {"id": 3, "n": 12, "x": -0.125, "flag": False, "amount": decimal.Decimal("0.10"),
         "day": datetime.date(2024, 2, 29), "at": at, "note": "", "gone": "x", "kept": 7,
         "nested": {"a": None, "b": None}, "tags": {}, "words": []},
    ]


def _as_json(row: dict) -> dict:
    """The README's mapping of a Spark row to a JSON record, written out by hand."""
    out = dict(row)
    out["amount"] = None if row["amount"] is None else float(row["amount"])
    out["day"] = None if row["day"] is None else row["day"].isoformat()
    return out


def test_type_mapping_equals_apply_policy(spark, keys, files, keyed_stub):
    data = _typed_rows()
    df = spark.createDataFrame(data, TYPED_SCHEMA)
    columns = [c for c in df.columns if c not in ("id", "at")]
    out = S.apply_policy(df, "types", columns=columns, policy_files=[str(files / "policies.json")], keys=keys)
    kinds = {f.name: f.dataType.simpleString() for f in out.schema.fields}
    # numbers, booleans, decimals and dates the policy can change become text; kept and
    # all-string columns keep their types; columns not in the record pass through
    assert {c: kinds[c] for c in ("id", "n", "x", "flag", "amount", "day", "at", "kept", "tags", "words")} == {
        "id": "bigint", "n": "string", "x": "string", "flag": "string", "amount": "string", "day": "string",
        "at": "timestamp", "kept": "bigint", "tags": "map<string,string>", "words": "array<string>"}
    assert kinds["nested"] == "string"  # a number inside: the JSON text of the result
    got = {r["id"]: _plain(r) for r in out.collect()}
    expected = _service_records(keyed_stub, "types", [{c: _as_json(r)[c] for c in columns} for r in data])
    for row, want in zip(data, expected):
        for c in columns:
            assert got[row["id"]][c] == _as_spark_sees(want.get(c), kinds[c]), (row["id"], c)
        assert got[row["id"]]["at"] == row["at"]
    first = got[1]
    assert first["n"] == "14155552***" and first["flag"] == "[B]" and first["gone"] is None
    assert first["kept"] == 222445555 and first["amount"] == "12.5" and first["day"] == "[DATE]"
    assert json.loads(first["nested"]) == {"a": "[PHONE_NUMBER]", "b": "mail [EMAIL_ADDRESS]"}
    assert first["tags"]["secret"].startswith("tok_") and first["tags"]["plain"] == "call [PHONE_NUMBER]"


# ---------------------------------------------------------------- text columns

CONFIGS = {
    "default": ({}, {}),
    "mask": ({}, {"style": "REDACTION_STYLE_MASK", "redactionString": "XX"}),
    "numbered": ({}, {"style": "REDACTION_STYLE_NUMBERED_LABEL"}),
    "operators": ({"exclude": ["URL"], "minScore": 0.5}, {"operators": {
        "CREDIT_CARD_NUMBER": {"mask": {"keepLast": 4}}, "PHONE_NUMBER": {"encrypt": {}},
        "EMAIL_ADDRESS": {"label": {"template": "[EMAIL {n}]"}}, "SSN": {"hash": {"length": 12}},
        "PERSON_NAME": {"surrogate": {}}, "DATE": {"keep": {}}, "IBAN": {"replace": {"value": "<iban>"}}}}),
    "types": ({"entityTypes": ["PHONE_NUMBER", "EMAIL_ADDRESS", "LOCATION_CITY"], "defaultRegion": "GB",
               "phoneRegions": ["DE", "FR"]}, {"style": "REDACTION_STYLE_MASK"}),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_text_columns_equal_redact(spark, df, data, keys, keyed_stub, name):
    detection, redaction = CONFIGS[name]
    stats = S.Stats(spark)
    out = S.redact_columns(df, ["text", "body"], detection, redaction, keys=keys, entities=True, stats=stats)
    got = {r["id"]: _plain(r) for r in out.collect()}
    types: dict[str, int] = {}
    for column in ("text", "body"):
        texts = [row[column] for row in data if row[column] is not None]
        results = []
        for i in range(0, len(texts), 500):
            results += keyed_stub.BatchRedact(pb.BatchRedactRequest(
                texts=texts[i:i + 500], include_entities=True,
                detection=json_format.ParseDict(detection, pb.DetectionConfig()),
                redaction=json_format.ParseDict(redaction, pb.RedactionConfig()))).results
        want = iter(results)
        for row in data:
            mine = got[row["id"]]
            if row[column] is None:
                assert mine[column] is None and mine[column + "_entities"] is None
                continue
            result = next(want)
            assert mine[column] == result.text, (name, row["id"], column)
            assert mine[column + "_entities"] == [
                {"type": e.type, "start": e.offset, "end": e.offset + e.length} for e in result.entities]
            for e in result.entities:
                types[e.type] = types.get(e.type, 0) + 1
    assert all(got[r["id"]][c] == r[c] for r in data for c in ("id", "dst", "caller_name", "from"))
    assert stats.rows == ROWS and stats.entities == types and sum(types.values()) > ROWS / 2
    assert stats.bytes == sum(len(r[c].encode()) for r in data for c in ("text", "body") if r[c] is not None)


def test_default_config_equals_redact_itself(spark, df, data, keyed_stub):
    got = {r["id"]: r["text"] for r in S.redact_columns(df, ["text"]).collect()}
    for row in data[:300]:
        if row["text"] is not None:
            assert got[row["id"]] == keyed_stub.Redact(pb.RedactRequest(text=row["text"])).text


def test_entity_values_only_when_asked(spark):
    df = spark.createDataFrame([(1, "ssn 222-44-5555, mail jane@corp.example")], "id long, text string")
    plain = S.redact_columns(df, ["text"], entities=True).first()
    assert plain["text_entities"][0].asDict() == {"type": "SSN", "start": 4, "end": 15}
    assert "222" not in json.dumps(plain.asDict(recursive=True))
    full = S.redact_columns(df, ["text"], entities=True, entity_values=True).first()
    assert [(e["text"], e["value"]) for e in full["text_entities"]] == [
        ("222-44-5555", "222445555"), ("jane@corp.example", "jane@corp.example")]


def test_keys_read_by_executors_equal_broadcast_keys(spark, df, files, keys, monkeypatch):
    config = {"operators": {"PHONE_NUMBER": {"hash": {}}, "EMAIL_ADDRESS": {"encrypt": {}}}}
    broadcast = [r["text"] for r in S.redact_columns(df, ["text"], None, config, keys=keys).collect()]
    mounted = S.keys_on_executors(path=str(files / "keys.json"))
    assert [r["text"] for r in S.redact_columns(df, ["text"], None, config, keys=mounted).collect()] == broadcast
    assert any("tok_" in t for t in broadcast if t)


# ---------------------------------------------------------------- refusals

def test_bad_requests_fail_on_the_driver_naming_the_field(spark, df):
    cases = [
        (lambda: S.redact_columns(df, ["nope"]), "columns: no column named 'nope'"),
        (lambda: S.redact_columns(df, ["dst"]), "columns: 'dst' is bigint, not a string"),
        (lambda: S.redact_columns(df, ["text"], None, {"operators": {"NOPE": {"keep": {}}}}),
         "redaction.operators: unknown entity type 'NOPE'"),
        (lambda: S.redact_columns(df, ["text"], {"entityTypes": ["NOPE"]}), "detection.entity_types"),
        (lambda: S.redact_columns(df, ["text"], None, {"operators": {"SSN": {"hash": {}}}}), "needs keys"),
        (lambda: S.apply_policy(df, "nope"), "policy: no policy named 'nope'"),
        (lambda: S.apply_policy(df, "record_number_encrypted"), "need keys"),
        (lambda: S.apply_policy(spark.createDataFrame([(b"x",)], "b binary"), "scan_all", columns=["b"]),
         "'b' is binary"),
    ]
    for call, message in cases:
        with pytest.raises(ValueError) as raised:
            call()
        assert message in str(raised.value)
    with pytest.raises(ValueError, match="redaction: .*stlye"):
        S.redact_columns(df, ["text"], None, {"stlye": "MASK"})  # an unknown key is an error
    with pytest.raises(ValueError, match="exclude: unknown entity type 'NOPE'"):
        S.apply_policy(df, "scan_all", exclude=["NOPE"])


def test_failures_name_the_column_never_the_text(spark, df):
    secret = "222-44-5555"

    def boom():
        raise ValueError(f"cannot read {secret}")
    with pytest.raises(S.RedactionFailed) as raised:
        S._guarded("text", boom)
    assert "text: ValueError at" in str(raised.value) and secret not in str(raised.value)
    assert raised.value.__suppress_context__
    # a failure on an executor fails the job with its own message
    missing = S.keys_on_executors(env="REDACTD_SPARK_TEST_UNSET")
    with pytest.raises(Exception, match=r"keys: \$REDACTD_SPARK_TEST_UNSET is not set"):
        S.redact_columns(df, ["text"], None, {"operators": {"SSN": {"hash": {}}}}, keys=missing).collect()


# ---------------------------------------------------------------- the command

def _args(**kw) -> Namespace:
    defaults = dict(format="parquet", policy=None, columns=None, fields=None, style=None, redaction_string=None,
                    config=None, types="", exclude="", entities=False, entity_values=False, policies=[], keys="",
                    master=None)
    return Namespace(**{**defaults, **kw})


def test_command_redacts_columns_of_parquet(spark, df, tmp_path):
    df.write.parquet(str(tmp_path / "in"))
    out = StringIO()
    assert spark_cli.main(_args(input=str(tmp_path / "in"), output=str(tmp_path / "out"), columns="text,body",
                                style="mask"), out) == 0
    written = {r["id"]: r for r in spark.read.parquet(str(tmp_path / "out")).collect()}
    expected = {r["id"]: r for r in S.redact_columns(df, ["text", "body"], None, {"style": "REDACTION_STYLE_MASK"}).collect()}
    assert written == expected
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"rows {ROWS}  bytes ") and "MB/s" in lines[0] and "Spark start-up" in lines[0]
    assert lines[1].startswith("entities ") and " PHONE_NUMBER " in lines[1] and " EMAIL_ADDRESS " in lines[1]
    with pytest.raises(ValueError, match="PATH_ALREADY_EXISTS|already exists"):  # never overwritten
        spark_cli.main(_args(input=str(tmp_path / "in"), output=str(tmp_path / "out"), columns="text"), out)


def test_command_applies_a_policy_to_csv_and_json(spark, df, data, files, tmp_path):
    flat = df.select("id", "text", "dst", "to", "from", "first_name")
    flat.write.options(**spark_cli.CSV_OPTIONS).csv(str(tmp_path / "csv"))
    assert spark_cli.main(_args(input=str(tmp_path / "csv"), output=str(tmp_path / "csv-out"), format="csv",
                                policy="sms_outbound"), StringIO()) == 0
    got = {r["id"]: r for r in spark.read.options(**spark_cli.CSV_OPTIONS).csv(str(tmp_path / "csv-out")).collect()}
    assert len(got) == ROWS
    for row in data:
        mine = got[str(row["id"])]  # csv: every column a string, ids as written
        assert mine["dst"] == (None if row["dst"] is None else str(row["dst"])[:-3] + "***")
        assert mine["text"] == "***Text Content Redacted***"  # null too: the record has the field
        assert mine["first_name"] == row["first_name"]
    flat.write.json(str(tmp_path / "json"))
    assert spark_cli.main(_args(input=str(tmp_path / "json"), output=str(tmp_path / "json-out"), format="json",
                                policy="record_number_encrypted", keys=str(files / "keys.json"),
                                policies=[str(files / "policies.json")]), StringIO()) == 0
    got = {r["id"]: r for r in spark.read.json(str(tmp_path / "json-out")).collect()}
    assert all(got[r["id"]]["to"].startswith("enc_k1_") for r in data if r["to"] is not None)
    assert all(got[r["id"]]["first_name"] == "[REDACTED]" for r in data if r["first_name"] is not None)


def test_command_line_runs_and_refuses_mixed_flags(tmp_path, df):
    cli = [sys.executable, "-m", "redactd.cli", "spark"]
    r = subprocess.run([*cli, "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and all(f in r.stdout for f in ("--input", "--policy", "--columns", "--keys", "--master"))
    r = subprocess.run([*cli, "--input", "x", "--output", "y", "--policy", "sms_outbound", "--style", "mask"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--style: applies to --columns" in r.stderr
    (tmp_path / "config.json").write_text(json.dumps({"redaction": {"operators": {"SSN": {"mask": {"cuont": 1}}}}}))
    (tmp_path / "twice.json").write_text('{"redaction": {"style": "REDACTION_STYLE_MASK", "style": "REDACTION_STYLE_LABEL"}}')
    for flags, message in [(["--columns", "text", "--config", str(tmp_path / "config.json")], "cuont"),
                           (["--columns", "text", "--types", "NOPE"], "detection.entity_types"),
                           (["--columns", "text", "--config", str(tmp_path / "twice.json")], "given twice"),
                           (["--policy", "nope"], "policy: no policy named 'nope'"),
                           (["--policy", "scan_all", "--keys", str(tmp_path / "missing.json")], "missing.json")]:
        r = subprocess.run([*cli, "--input", "x", "--output", "y", *flags], capture_output=True, text=True,
                           timeout=60)
        assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr, (flags, r.stderr)
    df.select("id", "text").limit(50).write.parquet(str(tmp_path / "in"))
    r = subprocess.run([*cli, "--input", str(tmp_path / "in"), "--output", str(tmp_path / "out"),
                        "--columns", "text", "--master", "local[1]"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.startswith("rows 50  bytes ") and (tmp_path / "out" / "_SUCCESS").exists()
