"""Streaming latency: a stream holds back only from the first decision that looked at the
end of the text so far (not a fixed HOLDBACK), and still equals whole-text redaction for
word-by-word and character-by-character feeds (REDACTD_STREAM_EXAMPLES=3000 for a long run)."""
from __future__ import annotations

import os
import pathlib
import re

from hypothesis import given, settings, strategies as st

from redactd import core
from bench import stream_delay
from redactd.core import _scan
from tests.test_core_reference import (
    SETTINGS, assert_stream_equals_whole_text, detections, entity_key, redactions, texts, type_masks, units,
)

EXAMPLES = int(os.environ.get("REDACTD_STREAM_EXAMPLES", "150"))


def word_chunks(text: str) -> list[str]:
    """Speech-to-text feeds: each word with the separators after it."""
    return re.findall(r"\S+\s*|\s+", text)


def chunked(text: str, how: str) -> list[str]:
    return word_chunks(text) if how == "words" else list(text)


def released_after_each(chunks: list[str], detection=None) -> list[int]:
    """Code points released after each feed (the flush not included)."""
    stream = core.StreamRedactor(detection or core.Detection.create(), core.Redaction())
    fed, released = 0, []
    for chunk in chunks:
        stream.feed(chunk)
        fed += len(chunk)
        assert stream.pending <= core.HOLDBACK
        released.append(fed - stream.pending)
    return released


def delay_of(chunks: list[str], released: list[int], i: int) -> int:
    """Feeds after chunk i until its word (not its trailing space) was released."""
    end = sum(map(len, chunks[:i + 1])) - (len(chunks[i]) - len(chunks[i].rstrip()))
    for j in range(i, len(chunks)):
        if released[j] >= end:
            return j - i
    return len(chunks) - i


# ------------------------------------------------------------------ equal to the whole text

@settings(max_examples=EXAMPLES, **SETTINGS)
@given(texts(12, 60), detections, redactions, units, st.sampled_from(["words", "chars"]))
def test_stream_fed_by_words_or_characters_equals_whole_text(text, detection, redaction, unit, how):
    assert_stream_equals_whole_text(text, detection, redaction, unit, chunked(text, how))


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(texts(12, 60), type_masks, st.booleans(), st.sampled_from(["words", "chars"]))
def test_scan_resumed_after_every_chunk_equals_one_scan(text, types, day_first, how):
    # the scanner alone: non-final scans of each growing prefix, each from where the last stopped
    whole = _scan.scan(text, 0, types, True, 0, day_first)[0]
    got, resume, carry, k = [], 0, 0, 0
    for chunk in chunked(text, how):
        k += len(chunk)
        spans, resume, carry = _scan.scan(text[:k], resume, types, False, carry, day_first)
        assert all(s[1] <= resume for s in spans), "a span runs past resume"
        assert k - resume <= _scan.HOLDBACK_CODE_POINTS
        got += spans
    got += _scan.scan(text, resume, types, True, carry, day_first)[0]
    assert got == whole


# ------------------------------------------------------------------ the delay

ORDINARY = ("so yeah i was just wondering whether you could help me sort out something about "
            "the delivery because it has been stuck in the depot for a while now and nobody seems "
            "to know why that is happening, sure, that sounds good to me thanks ")


def test_ordinary_words_released_within_two_words():
    # a lower-case word's gates look at most five code points past it (" at ", " dot ")
    chunks = word_chunks(ORDINARY)
    released = released_after_each(chunks)
    assert max(delay_of(chunks, released, i) for i in range(len(chunks))) <= 2


def test_capitalised_common_words_released_within_two_words():
    chunks = word_chunks("Okay, that sounds good. Thanks, and yes please go ahead with it. Yeah well "
                         "let us see how that goes, shall we, because that would be great ")
    released = released_after_each(chunks)
    assert max(delay_of(chunks, released, i) for i in range(len(chunks))) <= 2


def test_email_released_once_it_can_no_longer_grow():
    # after "email" its score reads nothing after it: out once the domain has ended
    text = ORDINARY + "my email is daniel.okafor86@gmail.com and " + ORDINARY
    chunks = word_chunks(text)
    released = released_after_each(chunks)
    i = next(i for i, c in enumerate(chunks) if "@" in c)
    assert delay_of(chunks, released, i) <= 1
    # a domain still growing is held: "gmail.com" may go on as "gmail.com.au"
    stream = core.StreamRedactor(core.Detection.create(), core.Redaction())
    out, _ = stream.feed(ORDINARY + "my email is daniel.okafor86@gmail.com")
    assert "@" not in out and stream.pending >= len("daniel.okafor86@gmail.com")
    # without a context word before it, the window after it is read first (32 code points)
    text = ORDINARY + "write to daniel.okafor86@gmail.com and " + ORDINARY
    chunks = word_chunks(text)
    released = released_after_each(chunks)
    i = next(i for i, c in enumerate(chunks) if "@" in c)
    assert 1 <= delay_of(chunks, released, i) <= 8


CONTEXT_AFTER = 32  # context_after's window: a span's score may read this far past its end

# an entity, then ordinary words: it is out once nothing after it can change it (its last
# word ended, the window after it arrived), and not before
ENTITIES = [
    ("my name is Sarah Jones and ", "Sarah Jones"),
    ("it should be 415 555 0132, that's my mobile ", "415 555 0132"),
    ("my date of birth is the 14th of March 1986 and ", "14th of March 1986"),
    ("it's 2217 Maple Avenue, Springfield, Illinois 62704. I moved ", "2217 Maple Avenue, Springfield, Illinois 62704"),
    ("the card is 4111 1111 1111 1111 and ", "4111 1111 1111 1111"),
    ("send it to daniel.okafor86@gmail.com and ", "daniel.okafor86@gmail.com"),
]


def test_entities_released_once_they_can_no_longer_change():
    for lead, entity in ENTITIES:
        text = ORDINARY + lead + ORDINARY
        chunks = word_chunks(text)
        released = released_after_each(chunks)
        start = text.index(entity)
        end = start + len(entity)
        fed = [sum(map(len, chunks[:j + 1])) for j in range(len(chunks))]
        # never released while its last word is the text's end (it could still grow)
        stream = core.StreamRedactor(core.Detection.create(), core.Redaction())
        stream.feed(text[:end])
        assert len(text[:end]) - stream.pending <= start, entity
        # released once the window after it has arrived (and one more character)
        settled = next(j for j in range(len(chunks)) if fed[j] > end + CONTEXT_AFTER)
        assert released[settled] >= end, entity
        redacted = core.redact_text(text, core.Detection.create(), core.Redaction())[0]
        assert entity not in redacted


def test_transcript_median_delay_at_most_three_words():
    # the bench's call transcript fed word by word (main, a fixed HOLDBACK: median 48 words)
    chunks = stream_delay.words(stream_delay.TRANSCRIPT)
    got = sorted(stream_delay.delays(chunks))
    assert got[len(got) // 2] <= 3
    assert got[-1] <= 12  # an address, a phone number, a date: their last word and window after
    assert sorted(stream_delay.holdback_delays(chunks))[len(got) // 2] >= 40


def test_held_back_never_exceeds_holdback():
    # names, numbers and words a decision reads far past still hold at most HOLDBACK
    for text in (stream_delay.TRANSCRIPT, "Daniel " * 200, "4 " * 300, "x" * 1000,
                 "Agent: " + "Okafor Smith Jones " * 40):
        for how in ("words", "chars"):
            released_after_each(chunked(text, how))


def test_transcript_output_starts_at_once():
    # the bench's call transcript: "Agent: Thank you ..." is out after its first word (main:
    # after 49 words, a fixed HOLDBACK); no word waits for more than HOLDBACK code points
    chunks = stream_delay.words(stream_delay.TRANSCRIPT)
    assert stream_delay.first_release(chunks) == 1
    released = released_after_each(chunks)
    fed = 0
    for i, chunk in enumerate(chunks):
        fed += len(chunk)
        assert fed - released[i] <= core.HOLDBACK


# ------------------------------------------------------------------ gates that read past a word

GATED = [
    # letter_at: URL, IBAN, IPv6, weekday, month, a day said aloud, SWIFT
    "see wwwexample and www.example.com/path later today",
    "iban DE89 3704 0044 0532 0130 00 thanks and de89 too",
    "fe80::1 and fe80 and face:b00c::1 then beef",
    "on monday 3 march, money on mondays, fri 15 mar 2024, friday, march 15, 2024 ok",
    "born may 3rd 1990, may i ask, mar 3, married in sept. 12 1999, sept",
    "on the third of march, twenty first of june, the third thing, fifth-of-may",
    "swift DEUTDEFF500 and DEUTDEFF and OK then",
    # lower-case words: " at ", " dot ", "of", names and places after cues, p.o. boxes, streets
    "write to jo at acme dot com or zoe.novak at yahoo.com now",
    "my name is kevin brown and i'm fine, this is jo, call me ayodele zhou please",
    "i live in denver now, moving to saskatchewan, shipped from mexico city ok",
    "send it to p.o. box 12, po box 7 or pobox, ul. Biała 135 then the end.",
    "it is at acme-corp.com and tri-county-staffing.com and acme.com. done.",
    # capitalised words that start nothing, or nearly
    "Thanks. Okay. Sure, Suite 5 and Su. Yes Thank You. OK. INFO AGENT PO Box 5 APO AE 09012",
    # open candidates: tentative phones (a decision inside one that reads on undoes it too), a
    # number said in words, the window after a phone read when it is settled
    "call 415 555 0132 or (415) 555-2671 ext 12 then 0044 20 7946 0958 x 7, phone",
    "it's four one five five five five two six seven one and double five, mobile",
    "order 7715577113 and 415 555 0132 555 0199 4111 1111 1111 1111 12/27 then",
    # emails, with and without a context word before them
    "my email is daniel.okafor86@gmail.com and mail: a@b.co.uk. x@y.z a@b.com.au @ user@[192.0.2.1]",
    "write daniel.okafor86@gmail.com then email so it is in the window after it",
]


def test_gated_words_stream_equals_whole_text():
    for text in GATED:
        for body in (text, text.upper(), text.title(), text.replace(" ", "\n")):
            want = core.redact_text(body, core.Detection.create(), core.Redaction())
            for how in ("words", "chars"):
                stream = core.StreamRedactor(core.Detection.create(), core.Redaction())
                out, found = [], []
                for chunk in chunked(body, how):
                    o, f = stream.feed(chunk)
                    out.append(o)
                    found += f
                o, f = stream.flush()
                assert "".join(out) + o == want[0], (body, how)
                assert [entity_key(x) for x in found + f] == [entity_key(x) for x in want[1]]


# ------------------------------------------------------------------ the readers report the end

BARE_END_TEST = re.compile(r"(?<![\w.])[\w.\]\)]+ (<=|>=|==|!=|<|>) (n|lim)\b(?!\s*[-+*/])"
                           r"|(?<![\w.])(n|lim) (<=|>=|<|>) ")
NOT_A_DECISION = {
    ("chars.pyx", "if 0 <= i < n:"),        # at() itself
    ("chars.pyx", "if i >= n:"),            # ... noting the end past it
    ("chars.pyx", "if i + 8 <= n:"),        # word_end_after's fast path (its loop uses within)
    ("world_addresses.pyx", "if far >= lim or lowered:"),  # street_ahead's kept chain: the same
    ("places.pyx", "while k < lim:"),  # the organisation cursor: used only before a stream's tail,
    ("places.pyx", "while k < lim and words < 32 and s[k] != 10:"),  # where no end is noted
    ("places.pyx", "if c.read < lim:"),
    ("numbers.pyx", "if len(first) != len(last) or not 1 <= len(first) <= 8 or not all(12 <= n <= 19 for n in lengths):"),
}


def test_scanner_tests_the_text_end_only_through_within_and_at():
    # a bare `i < n` or `i < lim` in a detector would decide on the text's end without a stream
    # learning of it: it would release a word that text still to come could change. (phones.pyx
    # reads digit buffers and settled candidates, output.pyx builds the output: not decisions)
    root = pathlib.Path(core.__file__).parent / "scan"
    bare = []
    for path in sorted(root.glob("*.pyx")):
        if path.name in ("phones.pyx", "output.pyx"):
            continue
        for k, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#")[0].strip()
            if BARE_END_TEST.search(code) and (path.name, code) not in NOT_A_DECISION:
                bare.append(f"{path.name}:{k}: {code}")
    assert bare == []
