"""redactd inside Spark jobs: the service's detectors, operators and policies over DataFrames.

Two entry points, each a `mapInArrow` over the DataFrame's Arrow batches, so the core runs
in the executors' Python workers and nothing but Arrow crosses the JVM boundary:

- `redact_columns(df, ["text"], detection, redaction)`: each cell of the text columns as
  `Redact` would redact it alone (the request's `DetectionConfig` / `RedactionConfig`, as
  proto3 JSON dicts or messages, through the servicer's converters); optionally a
  `<column>_entities` column, list<struct<type, start, end>> (code points of the input),
  with `text` and `value` only when asked.
- `apply_policy(df, "sms_outbound")`: each row as a record of the selected columns, as
  `ApplyPolicy` would apply the named policy (built-in presets and policy files).

Every other column passes through unchanged. Keys never travel in the job's code: they
come from a file read on the driver and broadcast (`keys_from_file`), or from a file or an
environment variable where each executor runs (`keys_on_executors`: a mounted secret).
Nothing here logs or raises with a cell's contents: a failure names the column and row.
"""
from __future__ import annotations

import base64
import json
import os
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc
from google.protobuf import json_format

from redactd import core
from redactd import convert, policies
from redactd_client.api.redact.v1 import redact_pb2 as pb

ENTITY_SUFFIX = "_entities"


class RedactionFailed(RuntimeError):
    """A cell could not be redacted; the message names the column and row, never the text."""


# ---------------------------------------------------------------- keys

@dataclass(frozen=True)
class Keys:
    """Where executors find the key ring: a broadcast of a file read on the driver, or a
    file / environment variable of their own (a secret the cluster mounts)."""
    broadcast: Any = None
    path: str = ""
    env: str = ""

    def ring(self) -> core.KeyRing:
        if self.broadcast is not None:
            return core.KeyRing.from_json(self.broadcast.value, "the broadcast key ring")
        if self.path:
            with open(self.path, encoding="utf-8") as f:
                return core.KeyRing.from_json(f.read(), self.path)
        text = os.environ.get(self.env, "")
        if not text:
            raise ValueError(f"keys: ${self.env} is not set on this executor")
        return core.KeyRing.from_json(text, f"${self.env}")


def keys_from_file(spark, path: str) -> Keys:
    """The key ring of `path` (redactd's keys JSON), checked here and broadcast to executors."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    core.KeyRing.from_json(text, path)  # a bad file fails here, on the driver
    return Keys(broadcast=spark.sparkContext.broadcast(text))


def driver_ring(keys: Keys | None) -> core.KeyRing:
    """The ring the driver checks configurations with: the real one when it holds it, else
    (executors read theirs) a throwaway one that is never used on data."""
    if keys is None:
        return core.KeyRing()
    if keys.broadcast is not None:
        return keys.ring()
    throwaway = base64.b64encode(os.urandom(32)).decode()
    return core.KeyRing.from_json(json.dumps({"active": "check", "keys": {"check": throwaway}}), "check")


def keys_on_executors(path: str = "", env: str = "") -> Keys:
    """A key ring each executor reads itself: a file (a mounted secret) or an environment
    variable (`spark.executorEnv.*`, a secret reference)."""
    if bool(path) == bool(env):
        raise ValueError("keys: give exactly one of path or env")
    return Keys(path=path, env=env)


# ---------------------------------------------------------------- counts

class Stats:
    """Rows, UTF-8 bytes of the cells redacted and entities by type, summed over the tasks
    (an accumulator: a task Spark runs twice is counted twice)."""

    def __init__(self, spark) -> None:
        from pyspark.accumulators import AccumulatorParam

        class Sum(AccumulatorParam):
            def zero(self, value):
                return {}

            def addInPlace(self, a, b):
                for k, v in b.items():
                    a[k] = a.get(k, 0) + v
                return a

        self._acc = spark.sparkContext.accumulator({}, Sum())

    def add(self, counts: dict[str, int]) -> None:
        self._acc.add(counts)

    @property
    def rows(self) -> int:
        return self._acc.value.get("rows", 0)

    @property
    def bytes(self) -> int:
        return self._acc.value.get("bytes", 0)

    @property
    def entities(self) -> Counter:
        return Counter({k[2:]: v for k, v in self._acc.value.items() if k.startswith("e:")})


# ---------------------------------------------------------------- the job

@dataclass(frozen=True)
class _Job:
    """What executors need, pickled into the task: configuration, never keys or data."""
    token: str                              # executor-side cache key of the prepared configs
    positions: tuple[int, ...]              # the columns it reads
    names: tuple[str, ...]
    touched: tuple[bool, ...] = ()          # policy: columns written back
    as_text: tuple[bool, ...] = ()          # policy: ... as the text of their values
    detection: bytes = b""                  # DetectionConfig
    redaction: bytes = b""                  # RedactionConfig
    policy: str = ""
    policy_texts: tuple[tuple[str, str], ...] = ()  # (source, text) of each policy file
    exclude: frozenset[str] = frozenset()   # policy: ApplyPolicy's exclude
    keys: Keys | None = None
    entities: bool = False
    entity_values: bool = False
    stats: Any = None                       # Stats' accumulator, or None
    count_types: bool = False

    def key_ring(self) -> core.KeyRing:
        return self.keys.ring() if self.keys else core.KeyRing()


_prepared: dict[str, Any] = {}  # per Python worker: a job's configs, built once
PREPARED_JOBS = 64  # kept at most; past that the cache starts over


def _configs(job: _Job) -> tuple[core.Detection, core.Redaction]:
    if job.token not in _prepared:
        _prepare(job.token, _convert(job.detection, job.redaction, job.key_ring()))
    return _prepared[job.token]


def _prepare(token: str, prepared: Any) -> None:
    if len(_prepared) >= PREPARED_JOBS:
        _prepared.clear()
    _prepared[token] = prepared


def _convert(detection: bytes, redaction: bytes, keys: core.KeyRing) -> tuple[core.Detection, core.Redaction]:
    """The servicer's conversion of a request's configs (service/convert.py)."""
    return (convert.detection(pb.DetectionConfig.FromString(detection)),
            convert.redaction(pb.RedactionConfig.FromString(redaction), keys=keys))


def _policy(job: _Job) -> policies.Policy:
    if job.token not in _prepared:
        _prepare(job.token, load_policy(job.policy, job.policy_texts, job.key_ring()))
    return _prepared[job.token]


def load_policy(name: str, texts: Sequence[tuple[str, str]], keys: core.KeyRing) -> policies.Policy:
    """The policy `name` as a server started with these policy files and keys would have it."""
    loaded = policies.load_policies((), keys)
    for source, text in texts:
        loaded.update(policies.parse_policies(text, source, keys))
    if name not in loaded:
        hint = " (built-in policies that encrypt, hash or fake need keys)" if not keys else ""
        raise ValueError(f"policy: no policy named {name!r}{hint}")
    return loaded[name]


def checked_configs(detection, redaction, keys: Keys | None) -> tuple[bytes, bytes]:
    """The serialised DetectionConfig and RedactionConfig, checked as the servicer checks a
    request's: ValueError naming the field (an unknown key, type or operator, keys missing)."""
    messages = _message(detection, pb.DetectionConfig, "detection"), _message(redaction, pb.RedactionConfig,
                                                                              "redaction")
    _convert(*messages, driver_ring(keys))
    return messages


def read_policy_files(paths: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(path, text) of each policy file, read here (the driver): executors need no copy."""
    texts = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                texts.append((path, f.read()))
        except OSError as exc:
            raise policies.PolicyError(f"{path}: {exc.strerror}") from None
    return tuple(texts)


def _message(config, kind, field: str) -> bytes:
    """A DetectionConfig / RedactionConfig from a message or its proto3 JSON dict."""
    if config is None:
        return b""
    if isinstance(config, dict):
        try:
            config = json_format.ParseDict(config, kind())
        except json_format.ParseError as exc:
            raise ValueError(f"{field}: {' '.join(str(exc).split())}") from None
    if not isinstance(config, kind):
        raise TypeError(f"expected a {kind.__name__} or its JSON dict, got {type(config).__name__}")
    return config.SerializeToString()


def _positions(df, columns: Iterable[str]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    names = list(df.columns)
    columns = tuple(columns)
    for c in columns:
        if c not in names:
            raise ValueError(f"columns: no column named {c!r}")
    if len(set(columns)) != len(columns):
        raise ValueError("columns: a column is named twice")
    return tuple(names.index(c) for c in columns), columns


# ---------------------------------------------------------------- redact_columns

def redact_columns(df, columns: Sequence[str], detection: dict | pb.DetectionConfig | None = None,
                   redaction: dict | pb.RedactionConfig | None = None, *, keys: Keys | None = None,
                   entities: bool = False, entity_values: bool = False, stats: Stats | None = None):
    """`df` with each cell of the string `columns` redacted as `Redact` redacts a text with
    this `detection` and `redaction` (proto3 JSON dicts or messages; None: the defaults).
    `entities`: a `<column>_entities` column per text column, list<struct<type, start, end>>
    in code points of the input (`entity_values`: with the entity's `text` and `value`)."""
    from pyspark.sql import types as T

    positions, names = _positions(df, columns)
    for name in names:
        if not isinstance(df.schema[name].dataType, T.StringType):
            raise ValueError(f"columns: {name!r} is {df.schema[name].dataType.simpleString()}, not a string")
    detection_bytes, redaction_bytes = checked_configs(detection, redaction, keys)  # before any task runs
    job = _Job(uuid.uuid4().hex, positions, names, detection=detection_bytes, redaction=redaction_bytes,
               keys=keys, entities=entities, entity_values=entities and entity_values,
               stats=stats and stats._acc, count_types=stats is not None)
    schema = T.StructType(list(df.schema.fields))
    for name in names if entities else ():
        if name + ENTITY_SUFFIX in df.columns:
            raise ValueError(f"entities: the column {name + ENTITY_SUFFIX!r} exists already")
        schema.add(name + ENTITY_SUFFIX, entity_type(entity_values), True)
    return df.mapInArrow(lambda batches: _redact_batches(job, batches), schema)


def entity_type(values: bool = False):
    """The Spark type of an entities column."""
    from pyspark.sql import types as T
    fields = [T.StructField("type", T.StringType(), False), T.StructField("start", T.IntegerType(), False),
              T.StructField("end", T.IntegerType(), False)]
    if values:
        fields += [T.StructField("text", T.StringType(), False), T.StructField("value", T.StringType(), False)]
    return T.ArrayType(T.StructType(fields), False)


def _redact_batches(job: _Job, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    detection, redaction = _configs(job)
    for batch in batches:
        arrays, names = list(batch.columns), list(batch.schema.names)
        counts: Counter = Counter(rows=batch.num_rows)
        for position, name in zip(job.positions, job.names):
            column = batch.column(position)
            counts["bytes"] += pc.sum(pc.binary_length(column)).as_py() or 0
            texts = column.to_pylist()
            if job.entities or job.count_types:
                out, found = _guarded(name, lambda: _with_entities(texts, detection, redaction))
                for row in found:
                    counts.update("e:" + f.entity.type for f in row or ())
                if job.entities:
                    arrays.append(_entities_array(found, job.entity_values))
                    names.append(name + ENTITY_SUFFIX)
            else:
                out = _guarded(name, lambda: [None if t is None else core.redact_only(t, detection, redaction)
                                              for t in texts])
            arrays[position] = pa.array(out, type=column.type)
        if job.stats is not None:
            job.stats.add(dict(counts))
        yield pa.RecordBatch.from_arrays(arrays, names=names)


def _with_entities(texts, detection, redaction) -> tuple[list, list]:
    out, found = [], []
    for t in texts:
        if t is None:
            out.append(None)
            found.append(None)
        else:
            text, f = core.redact_text(t, detection, redaction)
            out.append(text)
            found.append(f)
    return out, found


def _entities_array(found: list, values: bool) -> pa.Array:
    """list<struct<type, start, end[, text, value]>> from each row's Found list (None: null)."""
    offsets, types, starts, ends, texts, vals, valid = [0], [], [], [], [], [], []
    for row in found:
        valid.append(row is not None)
        for f in row or ():
            types.append(f.entity.type)
            starts.append(f.offset)
            ends.append(f.offset + f.length)
            if values:
                texts.append(f.entity.text)
                vals.append(f.entity.value)
        offsets.append(len(types))
    children = [pa.array(types, pa.string()), pa.array(starts, pa.int32()), pa.array(ends, pa.int32())]
    names = ["type", "start", "end"]
    if values:
        children += [pa.array(texts, pa.string()), pa.array(vals, pa.string())]
        names += ["text", "value"]
    structs = pa.StructArray.from_arrays(children, names=names)
    mask = pa.array([not v for v in valid])
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), structs, mask=mask)


def _guarded(column: str, work: Callable[[], Any]) -> Any:
    """`work()`; a failure becomes RedactionFailed naming the column and where in our code
    it happened, never its message (which may quote the text)."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - re-raised without the message
        frames = traceback.extract_tb(exc.__traceback__)
        where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in frames[-3:])
        raise RedactionFailed(f"{column}: {type(exc).__name__} at {where}") from None


# ---------------------------------------------------------------- apply_policy

def apply_policy(df, policy: str, *, columns: Sequence[str] | None = None, policy_files: Sequence[str] = (),
                 exclude: Sequence[str] = (), keys: Keys | None = None, stats: Stats | None = None):
    """`df` with each row, as a record of `columns`, redacted by `policy` as `ApplyPolicy`
    would (built-in presets and `policy_files`; `exclude` as the request's). Default
    columns: the string and nested ones and those the policy's rules name, so a numeric
    row id stays out of a scan. Columns the policy can change become strings unless only
    strings can land in them (README: Spark); the others pass through unchanged."""
    texts = read_policy_files(policy_files)
    chosen = load_policy(policy, texts, driver_ring(keys))  # a bad file or name fails here
    unknown = [t for t in exclude if t not in core.TYPE_OR_SUBTYPE]
    if unknown:
        raise ValueError(f"exclude: unknown entity type {unknown[0]!r}")
    positions, names = _positions(df, _default_fields(df, chosen) if columns is None else columns)
    kinds = [df.schema[n].dataType for n in names]
    for name, kind in zip(names, kinds):
        _check_type(name, kind)
    touched = tuple(_touched(chosen, name, kind) for name, kind in zip(names, kinds))
    from pyspark.sql import types as T
    fields = list(df.schema.fields)
    as_text = tuple(t and not (_keeps_type(kind) and not _replaces_node(chosen, name, kind))
                    for name, kind, t in zip(names, kinds, touched))
    for position, text in zip(positions, as_text):
        if text:
            fields[position] = T.StructField(fields[position].name, T.StringType(), True)
    job = _Job(uuid.uuid4().hex, positions, names, touched, as_text, policy=policy, policy_texts=texts,
               exclude=frozenset(exclude), keys=keys, stats=stats and stats._acc)
    return df.mapInArrow(lambda batches: _policy_batches(job, batches), T.StructType(fields))


def _default_fields(df, policy: policies.Policy) -> list[str]:
    from pyspark.sql import types as T
    named = {rule.path[0][0] for rule in policy.rules}
    return [f.name for f in df.schema.fields
            if f.name in named or isinstance(f.dataType, (T.StringType, T.StructType, T.ArrayType, T.MapType))]


def _check_type(name: str, kind) -> None:
    from pyspark.sql import types as T
    if isinstance(kind, (T.BinaryType,)) or "interval" in kind.simpleString():
        raise ValueError(f"columns: {name!r} is {kind.simpleString()}, which a JSON record cannot hold")
    for child in _children(kind):
        _check_type(name, child)
    if isinstance(kind, T.MapType) and not isinstance(kind.keyType, T.StringType):
        raise ValueError(f"columns: {name!r} is a map with {kind.keyType.simpleString()} keys, not strings")


def _children(kind) -> list:
    from pyspark.sql import types as T
    if isinstance(kind, T.StructType):
        return [f.dataType for f in kind.fields]
    if isinstance(kind, T.ArrayType):
        return [kind.elementType]
    if isinstance(kind, T.MapType):
        return [kind.valueType]
    return []


def _keeps_type(kind) -> bool:
    """A column whose every leaf is a string keeps its type: the policy writes only strings
    into it (or nulls what it drops); any other becomes the JSON text of its value."""
    from pyspark.sql import types as T
    if isinstance(kind, T.StringType):
        return True
    children = _children(kind)
    return bool(children) and all(_keeps_type(c) for c in children)


def _touched(policy: policies.Policy, name: str, kind) -> bool:
    """Whether `policy` can change column `name` of a record (conservatively)."""
    for rule in policy.rules:
        (key, indexes), rest = rule.path[0], rule.path[1:]
        if key not in (name, policies.ANY) or not _landing(kind, indexes, rest):
            continue
        if rule.action != "keep":
            return True
        if not indexes and not rest:
            return False  # kept whole: no later rule and no default reaches it
    return policy.default == "scan"


def _replaces_node(policy: policies.Policy, name: str, kind) -> bool:
    """Whether a `replace` rule can put a string where `kind` holds something else."""
    from pyspark.sql import types as T
    return any(rule.action == "replace" and rule.path[0][0] in (name, policies.ANY)
               and not all(isinstance(t, T.StringType) for t in _landing(kind, rule.path[0][1], rule.path[1:]))
               for rule in policy.rules)


def _landing(kind, indexes, rest) -> list:
    """The Spark types a rule's path can land on inside a column of type `kind`."""
    from pyspark.sql import types as T
    for _ in indexes:
        if not isinstance(kind, T.ArrayType):
            return []
        kind = kind.elementType
    if not rest:
        return [kind]
    (key, inner), rest = rest[0], rest[1:]
    if isinstance(kind, T.StructType):
        kids = [f.dataType for f in kind.fields if key in (policies.ANY, f.name)]
    elif isinstance(kind, T.MapType):
        kids = [kind.valueType]
    else:
        return []
    return [t for k in kids for t in _landing(k, inner, rest)]


def _policy_batches(job: _Job, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    policy = _policy(job)
    for batch in batches:
        arrays = list(batch.columns)
        columns = [batch.column(p) for p in job.positions]
        readers = [_reader(c.type) for c in columns]
        cells = [[read(v) for v in c.to_pylist()] for c, read in zip(columns, readers)]
        outs: list[list] = [[] for _ in columns]
        counts: Counter = Counter(rows=batch.num_rows,
                                  bytes=sum(pc.sum(pc.binary_length(c)).as_py() or 0 for c in columns
                                            if pa.types.is_string(c.type) or pa.types.is_large_string(c.type)))
        for row, values in enumerate(zip(*cells)):
            record = dict(zip(job.names, values))
            out, actions = _guarded(f"row {row} of a batch", lambda: policies.apply_policy(policy, record, job.exclude))
            for a in actions:
                counts.update("e:" + t for t in a.entity_types)
            for k, name in enumerate(job.names):
                outs[k].append(out.get(name))
        for position, column, out, touched, text in zip(job.positions, columns, outs, job.touched, job.as_text):
            if touched:
                arrays[position] = _written(out, column.type, text)
        if job.stats is not None:
            job.stats.add(dict(counts))
        yield pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)


def _reader(kind: pa.DataType) -> Callable[[Any], Any]:
    """Arrow's Python value of a cell -> the record's JSON value (README: Spark, types)."""
    t = pa.types
    if t.is_string(kind) or t.is_large_string(kind) or t.is_integer(kind) or t.is_floating(kind) \
            or t.is_boolean(kind) or t.is_null(kind):
        return _same
    if t.is_decimal(kind):
        return lambda v: None if v is None else float(v)
    if t.is_temporal(kind):
        return lambda v: None if v is None else v.isoformat()
    if t.is_struct(kind):
        fields = [(kind.field(i).name, _reader(kind.field(i).type)) for i in range(kind.num_fields)]
        return lambda v: None if v is None else {n: read(v[n]) for n, read in fields}
    if t.is_map(kind):
        item = _reader(kind.item_type)
        return lambda v: None if v is None else {k: item(x) for k, x in v}
    if t.is_list(kind) or t.is_large_list(kind):
        element = _reader(kind.value_type)
        return lambda v: None if v is None else [element(x) for x in v]
    raise ValueError(f"columns: {kind} cannot be a JSON value")


def _same(value: Any) -> Any:
    return value


def _written(values: list, kind: pa.DataType, as_text: bool) -> pa.Array:
    """A column the policy may have changed: in its own type when only strings can land in
    it, else as the text of its values."""
    if as_text:
        return pa.array([cell_text(v) for v in values], type=pa.string())
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pa.array(values, type=kind)
    return pa.array([_as_arrow(v, kind) for v in values], type=kind)


def _as_arrow(value: Any, kind: pa.DataType) -> Any:
    """A record value back into the shape pyarrow builds `kind` from (maps as entry lists)."""
    if value is None:
        return None
    if pa.types.is_map(kind):
        return [(k, _as_arrow(v, kind.item_type)) for k, v in value.items()]
    if pa.types.is_struct(kind):
        return {kind.field(i).name: _as_arrow(value.get(kind.field(i).name), kind.field(i).type)
                for i in range(kind.num_fields)}
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return [_as_arrow(v, kind.value_type) for v in value]
    return value


def cell_text(value: Any) -> str | None:
    """A record value as the text of a string column: strings as they are, numbers as JSON
    writes them (integral ones without `.0`, as the service's policies read them), booleans
    `true`/`false`, objects and lists as compact JSON with sorted keys, null as null."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return policies._as_text(value)
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
