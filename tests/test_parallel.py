"""`redactd redact --jobs N`: byte-identical to one core, whatever the input."""
from __future__ import annotations

import concurrent.futures
import io
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactd import core
from redactd import parallel

PIECES = ["call 415-555-2671 or mail ann@example.org", "Hi, I am Radovan Novosel from Berlin",
          "born 3 October 1982", "Fortunastrasse 20\n10115 Berlin\nGermany", "card 4111 1111 1111 1111",
          "https://example.com/" + "a" * 300, "caf\xe9", "\n", "\n\n", " ", "x" * 50, "ssn 222-44-5555",
          "Mr. John Smith\n12 Main Street\nSpringfield, IL 62704", "€", "😀"]
BAD_BYTES = [b"\xff", b"\xe2\x82", b"\x80", b"\xed\xa0\x80"]


@pytest.fixture
def in_process(monkeypatch):
    """Worker threads instead of processes, so that hypothesis can run many examples."""
    def threads(jobs, detection, redaction):
        return concurrent.futures.ThreadPoolExecutor(jobs, initializer=parallel._init,
                                                     initargs=(detection, redaction))
    monkeypatch.setattr(parallel, "executor", threads)


def one_core(data: bytes, redaction):
    text = data.decode("utf-8", "surrogateescape")
    return core.redact_text(text, core.Detection.create(), redaction or core.IDENTIFY_ONLY)


def jobs_of(data: bytes, redaction, block: int, overlap: int, jobs: int = 2):
    results = []
    not_utf8 = parallel.run(io.BytesIO(data).read, jobs, core.Detection.create(), redaction,
                            lambda r, base: results.append((r, base)), block=block, overlap=overlap)
    return results, not_utf8


inputs = st.lists(st.one_of(st.sampled_from(PIECES).map(str.encode), st.sampled_from(BAD_BYTES)),
                  min_size=0, max_size=120).map(b"".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=inputs, block=st.integers(16, 3000), overlap=st.integers(8, 2000),
       style=st.sampled_from([core.LABEL, core.MASK, None]))
def test_jobs_equal_one_core(in_process, data, block, overlap, style):
    redaction = None if style is None else core.Redaction(style)
    results, not_utf8 = jobs_of(data, redaction, block, overlap)
    out, found = one_core(data, redaction)
    if redaction is not None:
        assert "".join(r.out for r, _ in results) == out
    else:
        mine = [(base + row[0], row[1] - row[0], row[2], row[3]) for r, base in results for row in r.found]
        assert mine == [(f.offset, f.length, f.entity.type, f.entity.text) for f in found]
    assert not_utf8 == sum("\udc80" <= c <= "\udcff" for c in data.decode("utf-8", "surrogateescape"))


def test_long_entities_fall_back_to_one_core_and_still_agree(in_process):
    data = ("mail a@b.com see https://example.com/" + "a" * 30000 + " and call 415-555-2671\n") * 3 \
        + "x 222-44-5555\n" * 2000
    results, _ = jobs_of(data.encode(), core.Redaction(), block=8192, overlap=4096)
    assert "".join(r.out for r, _ in results) == one_core(data.encode(), core.Redaction())[0]


def test_numbered_labels_are_refused():
    with pytest.raises(ValueError, match="--jobs"):
        jobs_of(b"a@x.com", core.Redaction(core.NUMBERED_LABEL), 1024, 256)


def test_cli_jobs_output_is_byte_identical(tmp_path):
    lines = [p for p in PIECES if "\n" not in p]
    data = "\n".join(lines[i % len(lines)] for i in range(60000)).encode() + b"\xff tail\n"
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    outs = []
    for jobs in ("1", "2"):
        r = subprocess.run([sys.executable, "-m", "redactd.cli", "redact", str(path), "--jobs", jobs],
                           capture_output=True, timeout=120)
        assert r.returncode == 0, r.stderr
        assert b"1 bytes that are not UTF-8" in r.stderr
        outs.append(r.stdout)
    assert outs[0] == outs[1] and b"[PHONE_NUMBER]" in outs[0]
    r = subprocess.run([sys.executable, "-m", "redactd.cli", "redact", "--style", "numbered", "--jobs", "2"],
                       input=b"a@x.com", capture_output=True, timeout=60)
    assert r.returncode == 2 and b"--jobs" in r.stderr


long_inputs = st.lists(st.one_of(st.sampled_from(PIECES).map(str.encode), st.sampled_from(BAD_BYTES)),
                      min_size=30, max_size=200).map(b"".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=long_inputs, cut=st.tuples(st.integers(0, 1000), st.integers(0, 1000)), check=st.integers(1, 200),
       style=st.sampled_from([core.LABEL, core.MASK]))
def test_a_big_block_without_entity_objects_is_the_block_with_them(monkeypatch, data, cut, check, style):
    # work() redacts a block longer than 2 CHECK + HOLDBACK in three released segments, with
    # Found objects only at its two ends: the same Result as the whole text with every Found
    monkeypatch.setattr(parallel, "CHECK", check)
    text = data.decode("utf-8", "surrogateescape")
    a, b = sorted(len(text) * c // 1000 for c in cut)  # before, block and after: any of them may be empty
    block = parallel.Block(0, text[:a].encode("utf-8", "surrogateescape"),
                           text[a:b].encode("utf-8", "surrogateescape"),
                           text[b:].encode("utf-8", "surrogateescape"), True)
    detection, redaction = core.Detection.create(), core.Redaction(style)
    parallel._init(detection, redaction)
    lean = parallel.work(block)
    if b - a > 2 * check + core.HOLDBACK:  # the path is taken where it applies
        assert parallel._redacted_block(text, a, b, detection, redaction) is not None
    with monkeypatch.context() as m:
        m.setattr(parallel, "_redacted_block", lambda *args: None)
        assert parallel.work(block) == lean


def test_jobs_of_big_blocks_equal_one_core(in_process, monkeypatch):
    monkeypatch.setattr(parallel, "CHECK", 64)  # blocks of a few kB take the path without entity objects
    data = "\n".join(PIECES[i % len(PIECES)] for i in range(3000)).encode() + b"\xff\n"
    for block in (2000, 5000, 20000):
        results, _ = jobs_of(data, core.Redaction(), block=block, overlap=1024)
        assert "".join(r.out for r, _ in results) == one_core(data, core.Redaction())[0]
