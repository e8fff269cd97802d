"""The `redactd` command: embedded redact/identify, and serve with a graceful stop."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc

REDACTD = [sys.executable, "-m", "redactd.cli"]
TEXT = "Sure, my social security number is 222-44-5555 and I was born on 3rd of October 1982.\n"


def run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*REDACTD, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_redact_stdin_mask_style():
    r = run("redact", "--style", "mask", stdin=TEXT)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Sure, my social security number is **** and I was born on ****.\n"


def test_redact_large_file_streams_with_entities_across_chunk_boundaries(tmp_path):
    # ~3 MiB: crosses the CLI's 1 Mi code point read size several times
    line = "call 415-555-2671 or mail ann@example.org, card 4111-1111-1111-1111 ok\n"
    path = tmp_path / "big.txt"
    path.write_text(line * 45000)
    r = run("redact", str(path))
    assert r.returncode == 0, r.stderr
    expected = "call [PHONE_NUMBER] or mail [EMAIL_ADDRESS], card [CREDIT_CARD_NUMBER] ok\n"
    assert r.stdout == expected * 45000


def test_identify_prints_json_lines(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text(TEXT)
    r = run("identify", str(path))
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["type"], x["offset"], x["value"]) for x in rows] == [
        ("SSN", 35, "222445555"), ("DATE_OF_BIRTH", 65, "1982-10-03")]


def test_bad_flag_value_is_a_clear_error():
    r = run("redact", "--types", "NOPE", stdin="x")
    assert r.returncode == 2 and "--types" in r.stderr and "NOPE" in r.stderr
    r = run("identify", "--phone-regions", "DE,ZZ", stdin="x")
    assert r.returncode == 2 and "--phone-regions" in r.stderr and "ZZ" in r.stderr
    r = run("serve", "--phone-regions", "ZZ", "--address", "127.0.0.1:0")
    assert r.returncode == 2 and "--phone-regions: 'ZZ'" in r.stderr


def test_phone_regions_flag():
    text = "Büro 030 123456\n"
    assert run("identify", stdin=text).stdout == ""
    rows = [json.loads(line) for line in run("identify", "--phone-regions", "fr,de", stdin=text).stdout.splitlines()]
    assert [(x["type"], x["value"]) for x in rows] == [("PHONE_NUMBER", "+4930123456")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_serving(address: str, timeout: float = 20.0) -> grpc.Channel:
    channel = grpc.insecure_channel(address)
    health = health_pb2_grpc.HealthStub(channel)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if health.Check(health_pb2.HealthCheckRequest(), timeout=1).status == \
                    health_pb2.HealthCheckResponse.SERVING:
                return channel
        except grpc.RpcError:
            time.sleep(0.1)
    raise TimeoutError(address)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_gracefully_on_signal(signum):
    address = f"127.0.0.1:{free_port()}"
    proc = subprocess.Popen([*REDACTD, "serve", "--address", address, "--grace", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        channel = wait_serving(address)
        stub = redact_pb2_grpc.RedactorServiceStub(channel)
        assert stub.Redact(pb.RedactRequest(text=TEXT)).text.count("[") == 2
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "222-44-5555" not in err
        channel.close()
    finally:
        proc.kill()


def test_a_stopping_server_answers_not_serving_before_it_stops_taking_calls():
    address = f"127.0.0.1:{free_port()}"
    proc = subprocess.Popen([*REDACTD, "serve", "--address", address, "--grace", "6", "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        channel = wait_serving(address)
        health = health_pb2_grpc.HealthStub(channel)
        stub = redact_pb2_grpc.RedactorServiceStub(channel)
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 2
        status = health_pb2.HealthCheckResponse.SERVING
        while status == health_pb2.HealthCheckResponse.SERVING and time.monotonic() < deadline:
            status = health.Check(health_pb2.HealthCheckRequest(), timeout=5).status
        assert status == health_pb2.HealthCheckResponse.NOT_SERVING  # an answer, not UNAVAILABLE
        assert stub.Redact(pb.RedactRequest(text=TEXT), timeout=5).text.count("[") == 2  # still served
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        channel.close()
    finally:
        proc.kill()


def test_a_busy_port_is_one_line():
    address = f"127.0.0.1:{free_port()}"
    first = subprocess.Popen([*REDACTD, "serve", "--address", address, "--workers", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_serving(address).close()
        r = run("serve", "--address", address, "--workers", "1")
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert r.stderr.splitlines()[-1] == (f"redactd: --address {address}: cannot listen there (the port is in "
                                             "use, or the host is not one of this machine's addresses)")
    finally:
        first.kill()
        first.wait()


def test_serve_honours_the_address_environment_variable():
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "REDACTD_ADDRESS": address}
    proc = subprocess.Popen([*REDACTD, "serve"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wait_serving(address).close()
        proc.terminate()
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()


def children(pid: int) -> set[int]:
    out = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            out |= {int(x) for x in f.read().split()}
    return out


def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(predicate)


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads worker pids from /proc (Linux)")
def test_workers_share_the_port_restart_reload_and_drain(tmp_path):
    address = f"127.0.0.1:{free_port()}"
    path = tmp_path / "log"
    log = open(path, "a")  # O_APPEND: the workers share it
    proc = subprocess.Popen([*REDACTD, "serve", "--address", address, "--workers", "2", "--grace", "5"],
                            stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        first = wait_for(lambda: len(children(proc.pid)) == 2 and children(proc.pid))
        channel = wait_serving(address)
        for _ in range(2):  # a fresh connection each time: the kernel spreads them over the workers
            with grpc.insecure_channel(address) as ch:
                wait_for(lambda: grpc.channel_ready_future(ch).result(timeout=5) is None or True)
                assert redact_pb2_grpc.RedactorServiceStub(ch).Redact(pb.RedactRequest(text=TEXT)).text.count("[") == 2
        # a worker that dies is restarted, and the service answers throughout
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        after = wait_for(lambda: len(children(proc.pid) - {victim}) == 2 and children(proc.pid))
        assert victim not in after and len(after & first) == 1
        assert redact_pb2_grpc.RedactorServiceStub(channel).Redact(pb.RedactRequest(text=TEXT)).text.count("[") == 2
        # SIGHUP reaches every worker, once the new one serves
        wait_for(lambda: path.read_text().count("serving on port") == 3)
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: path.read_text().count("policies reloaded") == 2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        text = path.read_text()
        assert "exited with signal SIGKILL; restarting" in text and "stopped (2 workers)" in text
        assert "222-44-5555" not in text
        for pid in after:
            assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"
        channel.close()
    finally:
        proc.kill()
        log.close()


def test_workers_flag_is_checked():
    r = run("serve", "--workers", "0", "--address", "127.0.0.1:0")
    assert r.returncode == 2 and "--workers" in r.stderr


def test_bytes_that_are_not_utf8_pass_through_unchanged_and_are_counted(tmp_path):
    bad = b"ssn 222-44-5555 \xff\xfe bad \xe2\x82 ok \xed\xa0\x80 caf\xc3\xa9 a@x.com\n"
    path = tmp_path / "in.bin"
    # a valid 3-byte character split across the 1 MiB read boundary, bad bytes on both sides
    filler = b"x" * ((1 << 20) - 1) + "€".encode() + b" \x80\n"
    path.write_bytes(bad + filler + bad)
    r = subprocess.run([*REDACTD, "redact", str(path)], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    clean = b"ssn [SSN] \xff\xfe bad \xe2\x82 ok \xed\xa0\x80 caf\xc3\xa9 [EMAIL_ADDRESS]\n"
    assert r.stdout == clean + filler + clean
    assert b"15 bytes that are not UTF-8 passed through unchanged" in r.stderr


def test_output_file_is_written_whole_or_not_at_all(tmp_path):
    out = tmp_path / "out.txt"
    r = run("redact", "-o", str(out), stdin=TEXT)
    assert r.returncode == 0 and r.stdout == ""
    assert out.read_text() == "Sure, my social security number is [SSN] and I was born on [DATE_OF_BIRTH].\n"
    r = run("identify", "--output", str(out), stdin=TEXT)
    assert [json.loads(x)["type"] for x in out.read_text().splitlines()] == ["SSN", "DATE_OF_BIRTH"]
    before = out.read_text()
    r = run("redact", "-o", str(out), str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "missing.txt" in r.stderr
    assert out.read_text() == before and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_progress_line_on_a_terminal_only(tmp_path):
    import pty
    path = tmp_path / "in.txt"
    path.write_text(TEXT * 30000)  # ~2.6 MB: several reads
    leader, follower = pty.openpty()
    r = subprocess.run([*REDACTD, "redact", str(path), "-o", str(tmp_path / "o.txt")], stderr=follower,
                       timeout=60)
    os.close(follower)
    shown = b""
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        shown += data
    os.close(leader)
    assert r.returncode == 0
    assert b"MB/s" in shown and b"ETA" in shown and b"100%" in shown
    quiet = run("redact", str(path), "-o", str(tmp_path / "o2.txt"))
    assert quiet.stderr == ""
    assert (tmp_path / "o.txt").read_bytes() == (tmp_path / "o2.txt").read_bytes()


# -- small things users hit (issue 13, item 8) -------------------------------------------------

def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("redactd ") and "phonenumbers" in r.stdout


@pytest.mark.parametrize("flags, message", [
    (["--types", "FOO"], "redactd: --types: unknown entity type 'FOO'\n"),
    (["--exclude", "BAR"], "redactd: --exclude: unknown entity type 'BAR'\n"),
    (["--region", "XX"], "redactd: --region: 'XX' is not an ISO 3166 region\n"),
    (["--min-score", "2"], "redactd: --min-score: must be between 0 and 1\n"),
])
def test_errors_name_the_flag(flags, message):
    r = run("redact", *flags, stdin="x")
    assert r.returncode == 2 and r.stderr == message


def test_keys_new_writes_a_key_file_serve_reads_and_rotates_it(tmp_path):
    from redactd import core
    path = tmp_path / "keys.json"
    assert run("keys", "new", str(path)).returncode == 0
    assert (path.stat().st_mode & 0o777) == 0o600
    first = core.KeyRing.from_json(path.read_text(), str(path))
    assert first.active == "k1" and len(first.keys["k1"]) == 32
    again = run("keys", "new", str(path))
    assert again.returncode == 2 and "exists" in again.stderr and core.KeyRing.from_json(path.read_text()).keys == first.keys
    assert run("keys", "new", "--rotate", "--id", "2026b", str(path)).returncode == 0
    ring = core.KeyRing.from_json(path.read_text(), str(path))
    assert ring.active == "2026b" and ring.keys["k1"] == first.keys["k1"] and ring.keys["2026b"] != first.keys["k1"]


def test_policies_skipped_for_want_of_keys_are_said_at_start_and_on_use(caplog):
    from redactd.config import Settings
    from redactd.server import Server
    with caplog.at_level("INFO", logger="redactd"):
        srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.1))
    try:
        assert "policy 'record_number_encrypted' not loaded: it uses hash, encrypt or surrogate" in caplog.text
        with grpc.insecure_channel(f"127.0.0.1:{srv.port}") as ch:
            with pytest.raises(grpc.RpcError) as info:
                redact_pb2_grpc.RedactorServiceStub(ch).ApplyPolicy(pb.ApplyPolicyRequest(
                    policy="record_number_encrypted", record={"to": "14155552671"}))
        assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert info.value.details().startswith("policy: 'record_number_encrypted' uses hash, encrypt or surrogate")
    finally:
        srv.stop(0).wait()


def test_a_key_file_with_an_unknown_key_is_refused(tmp_path):
    from redactd import core
    with pytest.raises(ValueError) as info:
        core.KeyRing.from_json('{"keys": {"k1": "%s"}, "activ": "k1"}' % ("QUJD" * 11 + "QQ=="), "keys.json")
    assert str(info.value) == "keys.json: unknown key 'activ' (a key file has 'keys' and 'active')"


# -- start-up: a command imports what it uses (issue 11: whole-process speed) -----------------

IMPORTED = ("import sys, runpy; sys.argv = ['redactd', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('redactd.cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(' '.join(sorted(m for m in sys.modules if m in ("
            "'phonenumbers', 'logging', 'redactd.loadtest', 'redactd.spark_cli', 'tempfile'))), file=sys.stderr)")


def imported(*args: str, stdin: str) -> tuple[str, set[str]]:
    r = subprocess.run([sys.executable, "-c", IMPORTED, *args], input=stdin, capture_output=True, text=True,
                       timeout=60)
    return r.stdout, set(r.stderr.split())


def test_redact_imports_neither_phonenumbers_nor_the_other_commands():
    # numbers the compiled tables validate: phonenumbers itself is never needed
    out, modules = imported("redact", stdin="call +49 1741234567 or (201) 555-0123, Jane Doe\n")
    assert out == "call [PHONE_NUMBER] or [PHONE_NUMBER], [PERSON_NAME]\n"
    assert modules == set()
    out, modules = imported("identify", stdin="card 4111-1111-1111-1111\n")
    assert json.loads(out)["type"] == "CREDIT_CARD_NUMBER" and modules == set()
    out, modules = imported("--version", stdin="")  # the check sees an import where there is one
    assert "phonenumbers" in out and "phonenumbers" in modules


def test_other_commands_build_their_own_arguments():
    from redactd import cli
    whole = cli.parser()
    for name in cli.COMMANDS:
        one = cli.parser(name)
        sub = next(a for a in one._actions if a.dest == "command").choices
        assert list(sub) == list(cli.COMMANDS)  # every command listed
        full = next(a for a in whole._actions if a.dest == "command").choices
        assert sub[name].format_help() == full[name].format_help()
    r = run("spark", "--help")
    assert r.returncode == 0 and "--policy" in r.stdout
    r = run("loadtest", "--help")
    assert r.returncode == 0 and "--concurrency" in r.stdout


def test_the_phonenumbers_version_is_read_as_it_would_be_imported():
    import phonenumbers
    from redactd.core import _scan
    from redactd.core.detect import installed_phonenumbers_version
    assert installed_phonenumbers_version() == phonenumbers.__version__ == _scan.PHONENUMBERS_VERSION


def test_freed_memory_is_reused_where_malloc_is_glibc():
    import platform
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt is glibc's")
    # in a process of its own: it changes malloc for the rest of the process
    r = subprocess.run([sys.executable, "-c", "from redactd.files import reuse_freed_memory; "
                        "print(reuse_freed_memory())"], capture_output=True, text=True, timeout=60)
    assert r.stdout == "True\n", r.stderr
