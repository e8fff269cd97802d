"""The compiled path from text to redacted text (core/scan/output.pyx) against the Python
path it replaced (tests/oracle.py): the same redacted text, the same Found objects, for
generated texts under random detection and redaction configs, in every offset unit."""
from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import given, settings, strategies as st

from redactd import core
from redactd.core import _scan
from redactd.core.detect import TYPE_OR_SUBTYPE
from redactd.core.redact import (LABEL, MASK, NUMBERED_LABEL, Encrypt, Hash, Keep, Label, Mask, Numbering, Redaction,
                         Replace, Surrogate, plan)
from tests import oracle
from tests.test_core_reference import SETTINGS, chunkings, dates, emails, phones, texts

EXAMPLES = int(os.environ.get("REDACTD_SAMENESS_EXAMPLES", "300"))
NAMES = sorted(TYPE_OR_SUBTYPE)
KEYS = core.KeyRing({"k1": b"k" * 32}, "k1")

# short strings of every PEP 393 width, astral included
odd_text = st.text(alphabet=st.sampled_from("ab*#<> _-{}né€☃😀\u00a0"), max_size=5)
one_char = st.sampled_from(["*", "#", "x", "é", "€", "😀", "█"])


@st.composite
def dense_lines(draw) -> str:
    """A distinct phone, date and email in every ~60-byte line, as a busy log writes them."""
    lines = draw(st.lists(st.tuples(phones(), dates(), emails()), min_size=1, max_size=8))
    return "".join(f"call {p} on {d}, mail {e}\n" for p, d, e in lines)


@st.composite
def templates(draw) -> str:
    pieces = draw(st.lists(st.sampled_from(["{type}", "{kind}", "{n}", "[", "]", "_", "#", "é", "😀", "{", "}"])
                           | odd_text, max_size=5))
    return "".join(pieces)


keyless = st.one_of(
    st.just(Keep()),
    odd_text.map(Replace),
    templates().map(Label),
    st.builds(Mask, one_char, st.integers(0, 6), st.booleans(), st.integers(0, 6)),
)
keyed = st.sampled_from([Hash(), Hash("h_", 8), Encrypt(), Surrogate()])
broken = st.sampled_from([Mask("", 2), Mask("ab"), Mask("*", -1)])  # rejected alike, when used


@st.composite
def detections(draw) -> core.Detection:
    return core.Detection.create(
        entity_types=draw(st.lists(st.sampled_from(NAMES), max_size=4) | st.just([])),
        exclude=draw(st.lists(st.sampled_from(NAMES), max_size=3)),
        min_score=draw(st.sampled_from([0.0, 0.0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0])),
        region=draw(st.sampled_from(["US", "GB", "DE", "IN"])),
        phone_regions=draw(st.sampled_from([(), ("GB",), ("DE", "FR")])))


@st.composite
def redactions(draw) -> Redaction:
    ops = draw(st.dictionaries(st.sampled_from(NAMES), keyless | keyed | broken, max_size=5)
               | st.dictionaries(st.sampled_from(NAMES), keyless, max_size=6))
    return Redaction(style=draw(st.sampled_from([LABEL, MASK, NUMBERED_LABEL, "OTHER"])),
                     redaction_string=draw(odd_text), operators=ops,
                     keys=draw(st.sampled_from([KEYS, core.KeyRing()])))


def canonical(s: str) -> bool:
    """Its ASCII flag as str itself would set it: == compares the PEP 393 width of two strings
    but not that flag (both are 1-byte strings)."""
    return s.isascii() == all(c < "\x80" for c in s)


def outcome(call):
    """The result, or the exception's type and message: both paths must fail alike."""
    try:
        return call()
    except (ValueError, AttributeError) as exc:
        return type(exc), str(exc)


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(texts(0, 30) | dense_lines(), detections(), redactions(),
       st.sampled_from([core.CODE_POINT, core.UTF8_BYTE, core.UTF16_CODE_UNIT]), st.integers(0, 3))
def test_compiled_path_equals_python_path(text, detection, redaction, unit, numbered_before):
    # numbering carried over from an earlier text (a record's fields share one)
    ours, theirs = Numbering(), Numbering()
    for k in range(numbered_before):
        ours.number("PHONE_NUMBER", f"+1{k}")
        theirs.number("PHONE_NUMBER", f"+1{k}")
    want = outcome(lambda: oracle.redact_text(text, detection, redaction, unit, theirs))
    got = outcome(lambda: core.redact_text(text, detection, redaction, unit, ours))
    assert got == want
    assert ours == theirs
    if isinstance(got, tuple) and isinstance(got[0], str):
        assert canonical(got[0])
    if isinstance(want, tuple) and isinstance(want[0], str):
        assert core.redact_only(text, detection, redaction) == want[0] or theirs.numbers
        assert core.redact_only(text, detection, redaction, Numbering()) == \
            oracle.redact_text(text, detection, redaction, unit)[0]
    assert core.find_entities(text, detection) == oracle.find_entities(text, detection)


@settings(max_examples=max(EXAMPLES // 3, 50), **SETTINGS)
@given(texts(12, 40) | dense_lines(), detections(), redactions(), st.data())
def test_stream_without_entities_equals_whole_text(text, detection, redaction, data):
    want = outcome(lambda: oracle.redact_text(text, detection, redaction)[0])
    stream = core.StreamRedactor(detection, redaction, entities=False)

    def run() -> str:
        out = [stream.feed(chunk) for chunk in data.draw(chunkings(text), label="chunks")] + [stream.flush()]
        assert all(found == [] for _, found in out)
        return "".join(o for o, _ in out)
    assert outcome(run) == want


@pytest.mark.parametrize("text, want", [
    ("", ""),
    ("nothing here", "nothing here"),
    ("é 😀 call 415-555-2671", "é 😀 call [PHONE_NUMBER]"),
    ("😀 a@b.com", "😀 [EMAIL_ADDRESS]"),
    ("ab@c.com é", "[EMAIL_ADDRESS] é"),
])
def test_output_is_a_canonical_str(text, want):
    # the narrowest PEP 393 kind for what is kept: == fails across kinds
    out = core.redact_only(text, core.Detection.create(), Redaction())
    assert out == want and canonical(out) and out.isascii() == want.isascii()
    assert max(map(ord, out), default=0) <= max(map(ord, want), default=0)


def test_plans_are_built_once_per_pair():
    detection, redaction = core.Detection.create(), Redaction()
    assert plan(detection, redaction) is plan(detection, redaction)
    assert plan(core.Detection.create(), Redaction()) is plan(detection, redaction)  # equal configs
    assert plan(detection, Redaction(style=MASK)) is not plan(detection, redaction)


def test_keyed_operators_call_python_and_need_keys():
    text = "mail ann@example.com"
    with pytest.raises(core.MissingKeys):
        core.redact_only(text, core.Detection.create(), Redaction(operators={"EMAIL_ADDRESS": Hash()}))
    out = core.redact_only(text, core.Detection.create(), Redaction(operators={"EMAIL_ADDRESS": Hash()}, keys=KEYS))
    assert out.startswith("mail tok_") and "ann" not in out


def test_compiled_fields_follow_the_dataclasses():
    # the compiled path makes Entity and Found without their __init__, field by field
    for cls, names in ((core.Entity, _scan.ENTITY_FIELDS), (core.Found, _scan.FOUND_FIELDS)):
        assert tuple(f.name for f in dataclasses.fields(cls)) == names
        assert not hasattr(cls, "__post_init__") and cls.__slots__ == names


@pytest.mark.parametrize("text", ["3 Oct 1982", "October 1982", "Christmas", "12/25", "١٢٣-٤٥-٦٧٨٩ ssn 123-45-6789",
                                  "card 4111 1111 1111 1111", "ssn two two two four four five five five five"])
def test_compiled_values_equal_the_normalisers(text):
    assert core.find_entities(text) == oracle.find_entities(text)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(texts(), dense_lines()), cuts=st.lists(st.tuples(st.integers(0, 3000), st.booleans()),
                                                              max_size=4),
       style=st.sampled_from([LABEL, MASK, NUMBERED_LABEL]))
def test_redact_released_is_redact_text_in_releases(text, cuts, style):
    # received up to each cut, then all: the releases joined are the whole text's redaction,
    # each release's Found (where asked) are the whole text's in its stretch, none crosses one
    detection, redaction = core.Detection.create(), Redaction(style)
    whole, found = core.redact_text(text, detection, redaction)
    asked = sorted(cuts) + [(len(text), True)]
    releases = core.redact_released(text, detection, redaction, asked)
    assert len(releases) == len(asked) and "".join(r[0] for r in releases) == whole
    starts = [r[1] for r in releases] + [len(text)]
    assert starts == sorted(starts) and starts[0] == 0
    for (out, start, out_start, got), stop, (_, wanted) in zip(releases, starts[1:], asked):
        assert out_start == sum(len(r[0]) for r in releases if r[1] < start)
        mine = [f for f in found if start <= f.offset < stop]
        assert all(f.offset + f.length <= stop for f in mine)  # no entity across a release

        def rows(fs, base):  # (a release's Entity start and end count from the release's start)
            return [(f.offset, f.length, f.replacement, f.redacted_offset, f.entity.type, f.entity.text,
                     f.entity.start + base, f.entity.end + base) for f in fs]
        assert rows(got, start) == (rows(mine, 0) if wanted else [])
