"""TLS and mTLS over real channels: certificates made here, reloads, workers, the load tester."""
from __future__ import annotations

import json
import logging
import os
import queue
import signal
import subprocess

import grpc
import pytest

from redactd import cli
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.server import Server
from tests.certs import issue, make_ca
from tests.test_cli import REDACTD, free_port, wait_for

TEXT = "my ssn is 222-44-5555"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    d = tmp_path_factory.mktemp("pki")
    ca, other_ca = make_ca(), make_ca("another CA")
    (d / "ca.crt").write_bytes(ca.cert_pem)
    (d / "other_ca.crt").write_bytes(other_ca.cert_pem)
    return {"dir": d, "ca": ca, "other_ca": other_ca,
            "server": issue(ca, "redactd", server=True).write(d, "server"),
            "support": issue(ca, "support"), "stranger": issue(ca, "stranger", org="Elsewhere"),
            "forged": issue(other_ca, "support")}


def serve(**settings) -> Server:
    return Server(Settings(address="127.0.0.1:0", threads=4, grace=0.5, **settings))


def tls_channel(port: int, ca: bytes, client=None) -> grpc.Channel:
    creds = grpc.ssl_channel_credentials(ca, client.key_pem if client else None, client.cert_pem if client else None)
    return grpc.secure_channel(f"127.0.0.1:{port}", creds)


def redact_over(channel: grpc.Channel) -> str:
    return redact_pb2_grpc.RedactorServiceStub(channel).Redact(pb.RedactRequest(text=TEXT), timeout=10).text


def refused(channel: grpc.Channel) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as info:
        redact_over(channel)
    return info.value.code()


@pytest.fixture(scope="module")
def tls_server(pki):
    cert, key = pki["server"]
    srv = serve(tls_cert_file=cert, tls_key_file=key)
    yield srv
    srv.stop(0).wait()


def test_tls_serves_tls_only(tls_server, pki):
    with tls_channel(tls_server.port, pki["ca"].cert_pem) as ch:
        assert redact_over(ch) == "my ssn is [SSN]"
    with grpc.insecure_channel(f"127.0.0.1:{tls_server.port}") as ch:
        assert refused(ch) == grpc.StatusCode.UNAVAILABLE
    with tls_channel(tls_server.port, pki["other_ca"].cert_pem) as ch:  # the client checks the server too
        assert refused(ch) == grpc.StatusCode.UNAVAILABLE


@pytest.fixture(scope="module")
def mtls_dir(pki):
    d = pki["dir"]
    (d / "callers.yaml").write_text(f"callers:\n  - name: support\n    subject: \"{pki['support'].subject}\"\n"
                                    "    rpcs: [Redact]\n")
    return d


def test_mtls_requires_a_client_certificate_of_the_client_ca(pki, mtls_dir):
    cert, key = pki["server"]
    srv = serve(tls_cert_file=cert, tls_key_file=key, tls_client_ca_file=str(mtls_dir / "ca.crt"))
    try:
        ca = pki["ca"].cert_pem
        with tls_channel(srv.port, ca) as ch:
            assert refused(ch) == grpc.StatusCode.UNAVAILABLE          # no client certificate
        with tls_channel(srv.port, ca, pki["forged"]) as ch:
            assert refused(ch) == grpc.StatusCode.UNAVAILABLE          # signed by another CA
        with tls_channel(srv.port, ca, pki["stranger"]) as ch:
            assert redact_over(ch) == "my ssn is [SSN]"                  # no callers file: any client of the CA
    finally:
        srv.stop(0).wait()


def test_mtls_subject_names_a_caller(pki, mtls_dir, caplog):
    cert, key = pki["server"]
    srv = serve(tls_cert_file=cert, tls_key_file=key, tls_client_ca_file=str(mtls_dir / "ca.crt"),
                callers_file=str(mtls_dir / "callers.yaml"))
    try:
        ca = pki["ca"].cert_pem
        assert pki["support"].subject == "CN=support,O=Example"
        with tls_channel(srv.port, ca, pki["support"]) as ch:
            assert redact_over(ch) == "my ssn is [SSN]"
            with pytest.raises(grpc.RpcError) as info:  # its certificate names it, with its permissions
                redact_pb2_grpc.RedactorServiceStub(ch).IdentifyEntities(pb.IdentifyEntitiesRequest(text=TEXT))
            assert info.value.code() == grpc.StatusCode.PERMISSION_DENIED
            assert info.value.details() == "IdentifyEntities: caller 'support' lacks permission rpcs: IdentifyEntities"
        with caplog.at_level(logging.INFO, "redactd.audit"), tls_channel(srv.port, ca, pki["stranger"]) as ch:
            assert refused(ch) == grpc.StatusCode.UNAUTHENTICATED      # a good certificate, not a listed caller
        assert [r.getMessage() for r in caplog.records if r.name == "redactd.audit"] == [
            "caller=support rpc=IdentifyEntities permission=rpcs:IdentifyEntities outcome=PERMISSION_DENIED",
            "caller=unknown rpc=Redact permission=caller outcome=UNAUTHENTICATED"]
    finally:
        srv.stop(0).wait()


def _write_server_cert(d, ca, name: str) -> tuple[str, str]:
    """The server's certificate files, rewritten in place (the paths the server was given)."""
    return issue(ca, name, server=True).write(d, "reloading")


def _answered(stream, want: str) -> str:
    """The stream's responses joined until `want`'s length has come: a chunk's words are
    answered as soon as nothing after them can change them, the rest at the flush."""
    got = ""
    while len(got) < len(want):
        got += next(stream).text
    return got


def test_reload_serves_the_new_certificate_to_new_connections_and_keeps_open_ones(pki, tmp_path):
    old_ca, new_ca = pki["ca"], make_ca("rotated CA")
    cert, key = _write_server_cert(tmp_path, old_ca, "redactd")
    srv = serve(tls_cert_file=cert, tls_key_file=key)
    try:
        open_channel = tls_channel(srv.port, old_ca.cert_pem)
        assert redact_over(open_channel) == "my ssn is [SSN]"
        sent: queue.Queue = queue.Queue()
        stream = redact_pb2_grpc.RedactorServiceStub(open_channel).StreamRedact(iter(sent.get, None))
        sent.put(pb.StreamRedactRequest(config=pb.StreamConfig()))
        sent.put(pb.StreamRedactRequest(text=TEXT))
        sent.put(pb.StreamRedactRequest(flush=True))
        assert _answered(stream, "my ssn is [SSN]") == "my ssn is [SSN]"

        _write_server_cert(tmp_path, new_ca, "redactd")
        srv.reload()  # what SIGHUP calls
        with tls_channel(srv.port, new_ca.cert_pem) as ch:
            assert redact_over(ch) == "my ssn is [SSN]"
        with tls_channel(srv.port, old_ca.cert_pem) as ch:
            assert refused(ch) == grpc.StatusCode.UNAVAILABLE
        # the stream opened before the reload goes on, and so does its connection
        sent.put(pb.StreamRedactRequest(text=" and 222-44-5555"))
        sent.put(pb.StreamRedactRequest(flush=True))
        assert _answered(stream, " and [SSN]") == " and [SSN]"
        sent.put(None)
        assert list(stream) == []
        assert redact_over(open_channel) == "my ssn is [SSN]"
        open_channel.close()
    finally:
        srv.stop(0).wait()


def test_a_bad_reload_keeps_the_certificate_in_use(pki, tmp_path, caplog):
    cert, key = _write_server_cert(tmp_path, pki["ca"], "redactd")
    srv = serve(tls_cert_file=cert, tls_key_file=key)
    try:
        (tmp_path / "reloading.key").write_bytes(issue(pki["ca"], "other").key_pem)  # not the key of the cert
        srv.reload()
        assert any(r.getMessage().startswith("TLS reload failed, keeping the previous certificates: --tls-key ")
                   and "not the key of the certificate" in r.getMessage() for r in caplog.records)
        with tls_channel(srv.port, pki["ca"].cert_pem) as ch:
            assert redact_over(ch) == "my ssn is [SSN]"
    finally:
        srv.stop(0).wait()


@pytest.mark.parametrize("flags, message", [
    (["--tls-cert", "{server_crt}"], "--tls-cert and --tls-key: give both or neither"),
    (["--tls-client-ca", "{ca}"], "--tls-client-ca: needs --tls-cert and --tls-key"),
    (["--tls-cert", "{server_crt}", "--tls-key", "{ca}"], "--tls-key {ca}: not a PEM private key"),
    (["--tls-cert", "{server_key}", "--tls-key", "{server_key}"], "--tls-cert {server_key}: not a PEM certificate"),
    (["--tls-cert", "{server_crt}", "--tls-key", "{dir}/missing.key"], "--tls-key {dir}/missing.key: No such file"),
    (["--tls-cert", "{server_crt}", "--tls-key", "{server_key}", "--tls-client-ca", "{server_key}"],
     "--tls-client-ca {server_key}: not a PEM certificate"),
])
@pytest.mark.parametrize("workers", ["1", "2"])  # with 2 the supervisor checks them before starting any worker
def test_tls_flags_are_checked_before_serving(pki, capsys, flags, message, workers):
    d = pki["dir"]
    names = {"server_crt": pki["server"][0], "server_key": pki["server"][1], "ca": str(d / "ca.crt"), "dir": str(d)}
    argv = ["serve", "--address", "127.0.0.1:0", "--workers", workers, *(f.format(**names) for f in flags)]
    assert cli.main(argv) == 2
    assert capsys.readouterr().err.startswith("redactd: " + message.format(**names))


@pytest.mark.parametrize("address, warned", [("127.0.0.1:0", False), ("0.0.0.0:0", True)])
def test_plaintext_on_a_non_loopback_address_is_warned_about_once(caplog, address, warned):
    srv = Server(Settings(address=address, threads=1, grace=0.5))
    srv.stop(0).wait()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ([f"serving without TLS on {address}, which is not a loopback address: request texts "
                         "and bearer tokens cross the network in clear (give --tls-cert and --tls-key)"]
                        if warned else [])


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="Linux: SO_REUSEPORT workers")
def test_workers_serve_tls_and_reload_on_sighup(pki, tmp_path):
    new_ca = make_ca("rotated CA")
    cert, key = _write_server_cert(tmp_path, pki["ca"], "redactd")
    address = f"127.0.0.1:{free_port()}"
    log_path = tmp_path / "log"
    with open(log_path, "a") as log:  # O_APPEND: the workers share it
        proc = subprocess.Popen([*REDACTD, "serve", "--address", address, "--workers", "2", "--grace", "1",
                                 "--tls-cert", cert, "--tls-key", key], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: log_path.read_text().count("serving on port") == 2)
        with grpc.secure_channel(address, grpc.ssl_channel_credentials(pki["ca"].cert_pem)) as ch:
            assert redact_over(ch) == "my ssn is [SSN]"
        _write_server_cert(tmp_path, new_ca, "redactd")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: log_path.read_text().count("TLS certificates reloaded") == 2)
        for _ in range(4):  # new connections, spread over both workers: each serves the new certificate
            with grpc.secure_channel(address, grpc.ssl_channel_credentials(new_ca.cert_pem)) as ch:
                assert redact_over(ch) == "my ssn is [SSN]"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert "without TLS" not in log_path.read_text()
    finally:
        proc.kill()


# ---------------------------------------------------------------- the load tester against TLS

def test_loadtest_drives_a_tls_server_with_a_token_and_a_client_certificate(pki, mtls_dir, tmp_path):
    pytest.importorskip("hdrh")
    cert, key = pki["server"]
    token = "load-test-token"
    callers = tmp_path / "callers.json"
    import hashlib
    callers.write_text(json.dumps({"callers": [{"name": "loadtest", "rpcs": ["Redact"],
                                                "token_sha256": hashlib.sha256(token.encode()).hexdigest()}]}))
    srv = serve(tls_cert_file=cert, tls_key_file=key, tls_client_ca_file=str(mtls_dir / "ca.crt"),
                callers_file=str(callers))
    client_cert, client_key = pki["support"].write(tmp_path, "client")
    try:
        def run(out: str, *flags: str) -> tuple[int, dict]:
            code = cli.main(["loadtest", "--address", f"127.0.0.1:{srv.port}", "--out", str(tmp_path / out),
                             "--concurrency", "1", "--duration", "0.3", "--connections", "1",
                             "--tls-ca", str(mtls_dir / "ca.crt"), "--tls-cert", client_cert,
                             "--tls-key", client_key, *flags])
            return code, json.loads((tmp_path / out / "report.json").read_text())

        code, report = run("ok", "--token", token)
        assert code == 0 and report["errors"] == {} and report["requests"] > 0
        code, report = run("anonymous")
        assert code == 1 and report["errors"] == {"UNAUTHENTICATED": report["requests"]}
    finally:
        srv.stop(0).wait()


@pytest.mark.parametrize("flags, message", [
    (["--tls-cert", "c.pem"], "--tls-cert and --tls-key: give both or neither"),
    (["--tls-cert", "c.pem", "--tls-key", "k.pem"], "--tls-cert: needs --tls-ca"),
])
def test_loadtest_tls_flags_are_checked(tmp_path, capsys, flags, message):
    argv = ["loadtest", "--address", "127.0.0.1:1", "--out", str(tmp_path), "--concurrency", "1",
            "--duration", "0.1", *flags]
    assert cli.main(argv) == 2
    assert capsys.readouterr().err.startswith(f"redactd: {message}")
