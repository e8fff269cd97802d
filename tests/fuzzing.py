"""Fuzz targets for the core and the policy engine, driven by seeds.

Each case is built from one 64-bit seed (so a failure is replayed exactly:
`python -m tests.fuzzing --seed S`): an adversarial text made of pieces that
start or extend entities (digit groups, separators, '@', URLs, months, titles,
street words, other scripts, combining marks, long runs, line breaks), a random
detection and redaction, a random chunking, and a random nested record with a
random policy. A case checks what must hold for any input:

- the compiled path equals the Python path it replaced (tests/oracle.py);
- entities are sorted, in bounds, not overlapping, and their text is the text's;
- `redact_only` equals `redact_text`'s text, and a stream cut anywhere equals the
  whole text, with entities at the same offsets;
- no redacted value survives in the output (for operators that replace);
- the policy engine keeps a record's shape and reports actions on fields it has;
- nothing raises but the documented errors.

`tests/test_fuzz.py` runs a short budget in the suite; `make fuzz` runs for minutes;
`make fuzz-asan` runs the corpus and a budget on a scanner built with AddressSanitizer.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys
import time

from redactd import core
from redactd.core.redact import (LABEL, MASK, NUMBERED_LABEL, Encrypt, Hash, Keep, Label, Mask, Redaction, Replace,
                         Surrogate)
from redactd import policies
from tests import oracle

CORPUS = pathlib.Path(__file__).parent / "fuzz_corpus"
KEYS = core.KeyRing.from_json('{"keys": {"k1": "%s"}}' % ("QUJD" * 11 + "QQ=="))

PIECES = (
    # digits and separators: cards, SSNs, phones, dates, IPs, IBANs, routing numbers
    "4111", "1111", "222", "44", "5555", "415", "555", "2671", "+1", "+44", "+49", "(", ")", "-", ".", "/", ":",
    " ", "  ", "\n", "\t", ",", ";", "0", "00", "123456789", "10/03/1982", "1982-10-03", "192.168.", "::1",
    "DE89", "3704", "0044", "0532", "0130", "00", "GB82 WEST", "x", "ext.", "#",
    # network
    "@", "a@b.io", "mail", "http://", "https://", "www.", ".com", ".co.uk", "example", "?q=", "%20",
    # words: cues, titles, months, weekdays, streets, places, organisations
    "Mr.", "Dr", "Ms", "my name is", "call me", "born", "on", "of", "April", "Mar", "Monday", "the", "third",
    "twenty", "five", "oh", "Street", "St.", "Ave", "Apt", "Suite", "Main", "Elm", "Road", "Berlin", "Paris",
    "New York", "CA", "94105", "SW1A 1AA", "Inc.", "GmbH", "Bank", "of", "America", "John", "Smith", "Maria",
    "García", "van", "der", "O'Brien", "Zoë", "ÉMILE", "I", "a", "and",
    # other scripts, marks, spaceless scripts, full-width forms
    "ул.", "Ленина", "д.", "شارع", "١٢٣", "東京都", "千代田区", "1-1", "서울", "천성로", "ถนน", "\u0301", "\u200b",
    "\u00a0", "\uff0c", "\uff10", "Ω", "ß", "İ", "\U0001f600", "\u0660",
)


def text_of(rng: random.Random) -> str:
    """Pieces glued with or without spaces; now and then a long run of one piece."""
    parts = []
    for _ in range(rng.randrange(1, 60)):
        piece = rng.choice(PIECES)
        if rng.random() < 0.03:
            piece = piece * rng.randrange(2, 120)  # long runs: windows, caps, carries
        parts.append(piece)
        if rng.random() < 0.6:
            parts.append(rng.choice((" ", " ", " ", "", ", ", ". ", "\n", "-")))
    return "".join(parts)


def detection_of(rng: random.Random) -> core.Detection:
    types = rng.sample(sorted(core.TYPE_NAMES), rng.randrange(1, len(core.TYPE_NAMES))) \
        if rng.random() < 0.3 else ()
    return core.Detection.create(
        entity_types=types, exclude=rng.sample(sorted(core.TYPE_NAMES), rng.randrange(0, 2)),
        min_score=rng.choice((0.0, 0.0, 0.3, 0.6, 0.9)), region=rng.choice(("US", "GB", "DE", "FR", "IN")),
        phone_regions=rng.sample(["DE", "FR", "IN", "BR", "JP"], rng.randrange(0, 3)))


def operator_of(rng: random.Random):
    kind = rng.randrange(9)
    if kind == 0:
        return Replace(rng.choice(("", "x", "REDACTED", "é" * 20, "\U0001f600")))
    if kind == 1:
        return Label(rng.choice(("[{type}]", "<{kind} {n}>", "{n}", "", "[{type}_{n}]")))
    if kind == 2:
        return Mask(rng.choice("*#X•"), rng.choice((0, 1, 3, 100)), rng.random() < 0.5,
                    rng.choice((0, 1, 4, 9, 2**32 - 1)))
    if kind == 3:
        return Keep()
    if kind == 4:
        return Hash(rng.choice(("tok_", "", "h:")), rng.choice((8, 16, 64)))
    if kind == 5:
        return Encrypt()
    if kind == 6:
        return Surrogate()
    return None


def redaction_of(rng: random.Random) -> Redaction:
    style = rng.choice((LABEL, MASK, NUMBERED_LABEL))
    ops = {}
    for name in rng.sample(sorted(core.TYPE_NAMES), rng.randrange(0, 6)):
        op = operator_of(rng)
        if op is not None:
            ops[name] = op
    return Redaction(style, rng.choice(("****", "#", "[X]")), ops, KEYS)


def record_of(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth < 6 and roll < 0.3:
        return {rng.choice(("text", "src", "dst", "to", "from", "body", "meta", "a", "b", "é")) + str(i):
                record_of(rng, depth + 1) for i in range(rng.randrange(0, 5))}
    if depth < 6 and roll < 0.45:
        return [record_of(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if roll < 0.55:
        return rng.choice((0, 1.5, 14155552671.0, -3, True, None))
    return text_of(rng)


FIELDS = ("text0", "src1", "dst*", "meta0.a1", "body0[*]", "*", "a0[0].b1", "to2", "meta0.*")
ACTIONS = ({"scan": {}}, {"drop": {}}, {"keep": {}}, {"replace": {"value": "x"}}, {"mask": {"count": 3}},
           {"scan": {"redaction": {"style": "REDACTION_STYLE_MASK"}}}, {"label": {}})


def policy_of(rng: random.Random) -> policies.Policy:
    rules = [dict(field=rng.choice(FIELDS), **rng.choice(ACTIONS)) for _ in range(rng.randrange(0, 4))]
    doc = {"policies": [{"name": "fuzz", "version": 1, "rules": rules,
                         **({"default": "DEFAULT_SCAN"} if rng.random() < 0.5 else {})}]}
    try:
        return policies.parse_policies(json.dumps(doc), "fuzz")["fuzz"]
    except policies.PolicyError:
        return policies.parse_policies(json.dumps({"policies": [{"name": "fuzz", "version": 1}]}), "fuzz")["fuzz"]


def chunks_of(rng: random.Random, text: str) -> list[str]:
    cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randrange(0, 12)))) if len(text) > 1 else []
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def check_text(text: str, detection: core.Detection, redaction: Redaction, chunks: list[str]) -> None:
    out, found = core.redact_text(text, detection, redaction)
    assert (out, found) == oracle.redact_text(text, detection, redaction), "compiled != Python path"
    last = 0
    for f in found:
        e = f.entity
        assert last <= e.start < e.end <= len(text) and e.text == text[e.start:e.end], "entity out of order or bounds"
        last = e.end
        assert out[f.redacted_offset:f.redacted_offset + len(f.replacement)] == f.replacement
    assert core.redact_only(text, detection, redaction) == out, "redact_only != redact_text"
    stream = core.StreamRedactor(detection, redaction)
    pieces, streamed = [], []
    for chunk in chunks:
        o, fs = stream.feed(chunk)
        pieces.append(o)
        streamed += fs
    o, fs = stream.flush()
    pieces.append(o)
    streamed += fs
    assert "".join(pieces) == out, "stream != whole text"
    assert [(f.entity.type, f.offset, f.length, f.replacement) for f in streamed] == \
        [(f.entity.type, f.offset, f.length, f.replacement) for f in found], "stream entities differ"
    for f in found:
        op = redaction.operator_for(f.entity.type, f.entity.subtype)
        if isinstance(op, (Label, Hash, Encrypt)) and len(f.entity.text) >= 6 and f.entity.text.strip() == f.entity.text:
            assert f.entity.text not in f.replacement, "a replacement shows the value"


def check_record(record, policy: policies.Policy) -> None:
    shape = json.loads(json.dumps(record))
    out, actions = policies.apply_policy(policy, record)
    json.dumps(out)  # still a JSON value
    assert isinstance(out, dict)
    dropped = {a.field for a in actions if a.action == "drop"}
    for key in shape:
        assert key in out or key in dropped, "a field vanished without a drop"


def run_case(seed: int) -> None:
    rng = random.Random(seed)
    text = text_of(rng)
    detection, redaction = detection_of(rng), redaction_of(rng)
    check_text(text, detection, redaction, chunks_of(rng, text))
    record = {f"text{i}": record_of(rng, 1) for i in range(rng.randrange(1, 4))}
    check_record(record, policy_of(rng))


def run_corpus(path: pathlib.Path = CORPUS) -> int:
    """Every saved input through every detector and a few redactions; returns the count."""
    count = 0
    for file in sorted(path.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        for k in range(4):
            rng = random.Random(k)
            check_text(text, detection_of(rng), redaction_of(rng), chunks_of(rng, text))
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.fuzzing", description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=60.0, help="budget (default 60)")
    p.add_argument("--seed", type=int, help="run this one case (a failure prints its seed)")
    p.add_argument("--corpus", action="store_true", help="also run tests/fuzz_corpus/*.txt first")
    p.add_argument("--save", type=int, default=0, metavar="N",
                   help="write N generated texts into tests/fuzz_corpus (for the sanitizer run)")
    args = p.parse_args(argv)
    if args.seed is not None:
        run_case(args.seed)
        print(f"seed {args.seed}: ok")
        return 0
    if args.save:
        CORPUS.mkdir(exist_ok=True)
        rng = random.Random(1)
        for i in range(args.save):
            (CORPUS / f"gen-{i:04d}.txt").write_text(text_of(rng), encoding="utf-8")
    if args.corpus:
        print(f"corpus: {run_corpus()} inputs ok")
    start, cases = time.monotonic(), 0
    master = random.SystemRandom()
    while time.monotonic() - start < args.seconds:
        seed = master.getrandbits(63)
        try:
            run_case(seed)
        except Exception:
            print(f"FAILED: python -m tests.fuzzing --seed {seed}", file=sys.stderr)
            raise
        cases += 1
    print(f"{cases} cases in {time.monotonic() - start:.0f} s: no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
