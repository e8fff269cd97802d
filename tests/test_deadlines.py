"""Deadlines and cancellation stop work; a caller that is gone is no error of ours."""
from __future__ import annotations

import gc
import logging
import threading

import grpc
import pytest
from google.protobuf import struct_pb2

from redactd import core
from redactd import errors, servicer
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from tests.test_service import MIXED, SYMBL

DATES = "10/03/1982 "


# ---------------------------------------------------------------- pieces equal the whole

def reported(f: core.Found) -> tuple:
    """What a caller gets of a Found (Entity.start/end are positions in a stream's buffer)."""
    e = f.entity
    return e.type, e.text, e.value, e.score, e.subtype, f.offset, f.length, f.replacement, f.redacted_offset


@pytest.mark.parametrize("redaction", [core.Redaction(), core.Redaction(core.NUMBERED_LABEL),
                                       core.Redaction(core.MASK, "#"), core.IDENTIFY_ONLY])
@pytest.mark.parametrize("unit", [core.CODE_POINT, core.UTF8_BYTE, core.UTF16_CODE_UNIT])
def test_pieces_concatenate_to_the_whole_text_result(rng, redaction, unit):
    parts = [MIXED, SYMBL, "é😀 → 222-44-5555 ok ", "a@x.com wrote to b@y.com, cc A@X.com ", DATES, "\n"]
    text = "".join(rng.choice(parts) for _ in range(60))
    detection = core.Detection.create()
    whole, found = core.redact_text(text, detection, redaction, unit)
    for piece in (rng.randrange(1, 40), rng.randrange(40, 600), len(text) // 2, len(text) + 1):
        pieces = list(core.redact_pieces(text, detection, redaction, unit, True, piece))
        assert "".join(out for out, _ in pieces) == whole
        assert [reported(f) for _, fs in pieces for f in fs] == list(map(reported, found))
        only = core.redact_pieces(text, detection, redaction, unit, False, piece)
        assert "".join(out for out, _ in only) == core.redact_only(text, detection, redaction)


def test_long_texts_over_rpc_are_the_same_in_pieces(stub, monkeypatch):
    text = (MIXED + " " + SYMBL + " ") * 40
    cfg = pb.RedactionConfig(style=pb.REDACTION_STYLE_NUMBERED_LABEL)
    whole = stub.Redact(pb.RedactRequest(text=text, redaction=cfg, include_entities=True))
    ids = stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text))
    batch = stub.BatchRedact(pb.BatchRedactRequest(texts=[text, SYMBL], include_entities=True))
    monkeypatch.setattr(core, "PIECE_CODE_POINTS", 997)
    assert stub.Redact(pb.RedactRequest(text=text, redaction=cfg, include_entities=True)) == whole
    assert stub.Redact(pb.RedactRequest(text=text, redaction=cfg)).text == whole.text
    assert stub.IdentifyEntities(pb.IdentifyEntitiesRequest(text=text)) == ids
    assert stub.BatchRedact(pb.BatchRedactRequest(texts=[text, SYMBL], include_entities=True)) == batch
    out = stub.StreamRedact(iter([pb.StreamRedactRequest(config=pb.StreamConfig(redaction=cfg)),
                                  pb.StreamRedactRequest(text=text)]))
    assert "".join(r.text for r in out) == whole.text


# ---------------------------------------------------------------- work stops

class Gone:
    """Holds the server at its first check until the call has ended on the server (the
    client cancelled or the deadline passed), then lets the real check run; counts the
    pieces of text scanned."""

    def __init__(self, monkeypatch) -> None:
        self.at_check = threading.Event()
        self.checks = self.pieces = 0
        real_live, real_pieces = errors.live, core.redact_pieces

        def live(context):
            if not self.checks:
                ended = threading.Event()
                if not context.add_callback(ended.set):  # the call ended already (a slow build)
                    ended.set()
                self.at_check.set()
                assert ended.wait(30)
            self.checks += 1
            real_live(context)

        def pieces(*args, **kwargs):
            for piece in real_pieces(*args, **kwargs):
                self.pieces += 1
                yield piece
        monkeypatch.setattr(servicer, "live", live)
        monkeypatch.setattr(core, "redact_pieces", pieces)
        monkeypatch.setattr(core, "PIECE_CODE_POINTS", 1024)


def test_a_cancelled_long_redact_stops_after_the_piece_in_hand(stub, monkeypatch):
    gone = Gone(monkeypatch)
    before = errors.abandoned["Redact"]
    call = stub.Redact.future(pb.RedactRequest(text=DATES * 5000, include_entities=True))  # 54 pieces
    assert gone.at_check.wait(30)
    call.cancel()
    with pytest.raises(grpc.FutureCancelledError):
        call.result()
    wait_until(lambda: errors.abandoned["Redact"] == before + 1)
    assert gone.pieces == 1 and gone.checks == 1


def test_a_long_redact_past_its_deadline_stops(stub, monkeypatch):
    gone = Gone(monkeypatch)
    before = errors.abandoned["Redact"]
    with pytest.raises(grpc.RpcError) as info:
        stub.Redact(pb.RedactRequest(text=DATES * 5000, include_entities=True), timeout=0.5)
    assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    wait_until(lambda: errors.abandoned["Redact"] == before + 1)
    assert gone.pieces == 1


def test_a_batch_past_its_deadline_stops_between_texts(stub, monkeypatch):
    gone = Gone(monkeypatch)
    scanned = []
    real = core.redact_text
    monkeypatch.setattr(core, "redact_text", lambda *a, **k: scanned.append(1) or real(*a, **k))
    before = errors.abandoned["BatchRedact"]
    with pytest.raises(grpc.RpcError) as info:
        stub.BatchRedact(pb.BatchRedactRequest(texts=[SYMBL] * 50), timeout=0.5)
    assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    wait_until(lambda: errors.abandoned["BatchRedact"] == before + 1)
    assert scanned == []


def test_apply_policy_stops_between_records(stub, monkeypatch):
    gone = Gone(monkeypatch)
    before = errors.abandoned["ApplyPolicy"]
    record = struct_pb2.Struct()
    record.update({"text": SYMBL})
    call = stub.ApplyPolicy.future(pb.ApplyPolicyRequest(policy="scan_all", records=[record] * 20))
    assert gone.at_check.wait(30)
    call.cancel()
    wait_until(lambda: errors.abandoned["ApplyPolicy"] == before + 1)
    assert gone.checks == 1


def wait_until(predicate, timeout: float = 30.0) -> None:
    """The server notices a cancellation on its own thread: wait for it, bounded."""
    done = threading.Event()
    for _ in range(int(timeout / 0.01)):
        if predicate():
            return
        done.wait(0.01)
    raise AssertionError("the server did not stop the call")


# ---------------------------------------------------------------- logging

def test_clients_disconnecting_mid_stream_are_logged_at_debug_never_as_errors(server, caplog):
    before, done = errors.abandoned["StreamRedact"], server.limits.streams_done
    with caplog.at_level(logging.DEBUG):
        for _ in range(20):
            with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:  # closed: a disconnect
                release = threading.Event()

                def requests():
                    yield pb.StreamRedactRequest(config=pb.StreamConfig())
                    yield pb.StreamRedactRequest(text="my ssn is 222-44-5555 and ")
                    yield pb.StreamRedactRequest(flush=True)
                    release.wait(30)
                call = redact_pb2_grpc.RedactorServiceStub(ch).StreamRedact(requests())
                got = ""  # the words as soon as they are final, the rest at the flush
                while len(got) < len("my ssn is [SSN] and "):
                    got += next(call).text
                assert got == "my ssn is [SSN] and "
            release.set()
        # the handlers end on their own threads; a generator grpc stopped asking (the call
        # ended while a response was on its way) is closed when it is collected
        wait_until(lambda: gc.collect() >= 0 and server.limits.streams_done == done + 20)
    assert server.limits.slots.open == 0
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    # most see the call gone; grpc may end a few requests as if the client had half-closed
    stopped = errors.abandoned["StreamRedact"] - before
    assert 10 <= stopped <= 20
    assert caplog.text.count("StreamRedact: the caller cancelled or its deadline passed") == stopped
    assert "222-44-5555" not in caplog.text
