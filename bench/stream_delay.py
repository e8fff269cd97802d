"""Streaming delay: a call-centre transcript fed word by word, as speech-to-text sends it.

For each input word, the delay is the number of words fed after it before the stream
released the output that covers it (0: released by its own feed); the flush counts as
one more feed.
"""
from __future__ import annotations

from redactd import core
from bench.timing import quantile

TRANSCRIPT = """\
Agent: Thank you for calling Northwind Bank, my name is Sarah, how can I help you today?
Caller: Hi Sarah, yes, I'm calling because there's a charge on my card that I don't recognise and I'd like to dispute it.
Agent: I'm sorry to hear that, I can certainly help with that. Can I start with your full name please?
Caller: Sure, it's Daniel Okafor, that's O K A F O R.
Agent: Thank you Daniel. And can you confirm your date of birth for me?
Caller: Yeah, it's the 14th of March 1986.
Agent: Great, and the phone number we have on file for you?
Caller: It should be 415 555 0132, that's my mobile.
Agent: Perfect, and could you also confirm the address on the account?
Caller: It's 2217 Maple Avenue, Springfield, Illinois 62704. I moved there in June of 2019 so it should be updated.
Agent: Okay, that matches what I have here. So which charge is it that you don't recognise?
Caller: There's one for 249 dollars and 99 cents from an online store on the 2nd of October, and I never bought anything from them.
Agent: Let me pull that up. I see a transaction on October 2 for 249.99, is that the one?
Caller: Yes, that's the one. I still have the card with me, it hasn't been lost or anything.
Agent: Okay, so it may be that the card number was compromised somewhere. For security I'm going to cancel this card and send you a new one, is that alright?
Caller: Yes please, that would be great. How long will the new card take to arrive?
Agent: It usually takes five to seven business days, so you should have it by the 12th. Would you like us to email you a confirmation as well?
Caller: Sure, my email is daniel.okafor86@gmail.com.
Agent: Thank you. And just to double check, the last four digits of the card we're cancelling are 4821, correct?
Caller: That's right, 4821.
Agent: Okay, I've raised the dispute, the reference number is 77310452. You'll get a letter within 10 days, and the 249.99 will be credited back to your account while we investigate.
Caller: Oh that's a relief. My wife Grace also has a card on the same account, does hers need to be replaced too?
Agent: Only if she used it at the same store. Has Grace made any purchases online recently?
Caller: I don't think so, she mostly pays cash. But I can ask her tonight and call back if she did.
Agent: That's fine, just call us back on this number, or you can reach me directly on extension 2204. Is there anything else I can help you with today?
Caller: Actually yes, I wanted to ask about moving some money into the savings account, I have about 1500 I'd like to put aside every month starting in January.
Agent: Sure, I can set up a standing order for you. Would you like it to go out on the 1st of each month?
Caller: The 3rd would be better, that's after I get paid.
Agent: No problem, I've set it up for 1500 on the 3rd of every month, starting January 3, 2027. You'll see it in the app tomorrow.
Caller: Brilliant, thank you so much for your help Sarah, you've been really helpful.
Agent: You're very welcome Daniel, have a lovely evening and thanks for calling Northwind Bank.
"""


def words(text: str) -> list[str]:
    """The transcript as speech-to-text chunks: each word with the white space after it."""
    chunks, start = [], 0
    for i, c in enumerate(text):
        if c.isspace() and (i + 1 == len(text) or not text[i + 1].isspace()):
            chunks.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        chunks.append(text[start:])
    return chunks


def delays(chunks: list[str]) -> list[int]:
    """For each chunk, the feeds after it until the stream had released all of it."""
    stream = core.StreamRedactor(core.Detection.create(), core.Redaction())
    ends, fed, released, out = [], 0, [], []
    for chunk in chunks + [None]:
        if chunk is None:
            o, _ = stream.flush()
        else:
            o, _ = stream.feed(chunk)
            fed += len(chunk)
            ends.append(fed - (len(chunk) - len(chunk.rstrip())))  # the word, not its space
        out.append(o)
        released.append(fed - stream.pending if chunk is not None else fed)
    got, j = [], 0
    for i, end in enumerate(ends):
        j = max(j, i)
        while released[j] < end:
            j += 1
        got.append(j - i)
    assert "".join(out) == core.redact_text("".join(chunks), core.Detection.create(), core.Redaction())[0]
    return got


def holdback_delays(chunks: list[str]) -> list[int]:
    """The delays under main's rule, a fixed HOLDBACK: a non-final scan decides the words
    that start at least HOLDBACK code points before the text's end (and what their
    matches cover), so a word is out once HOLDBACK code points have arrived from its start."""
    starts, fed, fed_after = [], 0, []
    for chunk in chunks:
        starts.append(fed)
        fed += len(chunk)
        fed_after.append(fed)
    got = []
    for i, start in enumerate(starts):
        j = i
        while j < len(chunks) and fed_after[j] < start + core.HOLDBACK:
            j += 1
        got.append(j - i)
    return got


def figures(d: list[int]) -> str:
    d = sorted(d)
    return ", ".join([f"{name} {quantile(d, q):.0f}" for name, q in (("median", 0.5), ("p90", 0.9), ("p99", 0.99))]
                     + [f"max {d[-1]}"])


def run() -> list[str]:
    chunks = words(TRANSCRIPT)
    return [f"  streaming delay, {len(chunks)}-word call transcript fed word by word, in words "
            "(feeds until a word's output is out):",
            f"    HOLDBACK rule (main)        {figures(holdback_delays(chunks))}",
            f"    end-of-text rule (this)     {figures(delays(chunks))} (first output after word "
            f"{first_release(chunks)})"]


def first_release(chunks: list[str]) -> int:
    stream = core.StreamRedactor(core.Detection.create(), core.Redaction())
    for i, chunk in enumerate(chunks):
        if stream.feed(chunk)[0]:
            return i + 1
    return len(chunks)
