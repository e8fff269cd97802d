"""`redactd loadtest` against real servers, in short runs."""
from __future__ import annotations

import json
import threading
import time
from concurrent import futures

import grpc
import pytest

pytest.importorskip("hdrh")
pytest.importorskip("matplotlib")

from redactd import cli  # noqa: E402
from redactd_client.api.redact.v1 import redact_pb2 as pb  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"
REPORT_KEYS = {"rpc", "requests", "errors", "rps", "mb_per_s", "latency_ms"}


def loadtest(address: str, tmp_path, *flags: str) -> tuple[int, dict]:
    code = cli.main(["loadtest", "--address", address, "--out", str(tmp_path), *flags])
    return code, json.loads((tmp_path / "report.json").read_text())


def test_open_loop_report_and_plot(server, tmp_path, capsys):
    code, report = loadtest(f"127.0.0.1:{server.port}", tmp_path, "--rate", "100", "--duration", "1.5")
    assert code == 0 and REPORT_KEYS <= set(report)
    assert report["rpc"] == "Redact" and report["errors"] == {} and report["mode"] == "open loop"
    assert 120 <= report["requests"] <= 150           # 150 due; none may be skipped when the server keeps up
    latency = report["latency_ms"]
    assert 0 < latency["p50"] <= latency["p90"] <= latency["p99"] <= latency["p999"] <= latency["max"]
    assert report["mb_per_s"] > 0
    assert (tmp_path / "latency.png").read_bytes().startswith(PNG)
    assert "Redact" in capsys.readouterr().out


@pytest.mark.parametrize("rpc", ["BatchRedact", "IdentifyEntities", "ApplyPolicy", "StreamRedact"])
def test_closed_loop_every_rpc(server, tmp_path, rpc):
    payload = tmp_path / "texts.txt"
    payload.write_text("my ssn is 222-44-5555\n\nmail a@x.com please\n")
    code, report = loadtest(f"127.0.0.1:{server.port}", tmp_path / "out", "--rpc", rpc, "--concurrency", "2",
                            "--duration", "0.5", "--payload", str(payload))
    assert code == 0 and report["rpc"] == rpc and report["errors"] == {} and report["requests"] > 0


def test_sweep_with_two_client_processes_writes_the_throughput_plot(server, tmp_path):
    code, report = loadtest(f"127.0.0.1:{server.port}", tmp_path, "--sweep", "1,4", "--duration", "0.5",
                            "--processes", "2")
    assert code == 0 and [r["concurrency"] for r in report["sweep"]] == [1, 4]
    assert report["sweep"][1]["processes"] == 2 and report["sweep"][0]["processes"] == 1
    assert (tmp_path / "throughput.png").read_bytes().startswith(PNG)


def test_errors_are_counted_by_code_and_fail_the_run(server, tmp_path):
    code, report = loadtest(f"127.0.0.1:{server.port}", tmp_path, "--rpc", "ApplyPolicy", "--policy", "nope",
                            "--concurrency", "1", "--duration", "0.3")
    assert code == 1 and report["errors"]["NOT_FOUND"] == report["requests"] > 0


def test_bad_flags_are_clear_errors(tmp_path, capsys):
    assert cli.main(["loadtest", "--address", "x:1", "--out", str(tmp_path), "--rate", "0", "--duration", "1"]) == 2
    assert "--rate" in capsys.readouterr().err
    assert cli.main(["loadtest", "--address", "x:1", "--out", str(tmp_path), "--sweep", "1,a",
                     "--duration", "1"]) == 2
    assert "--sweep" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # --rate and --concurrency are exclusive
        cli.main(["loadtest", "--address", "x:1", "--out", str(tmp_path), "--rate", "1", "--concurrency", "1",
                  "--duration", "1"])


def test_open_loop_charges_a_stall_to_every_request_that_waited_behind_it(tmp_path):
    """A server that stalls 1 s on its first call, one request at a time: at 20/s, the
    ~20 requests due during the stall are all late; latency from the intended send
    time counts all of them (a closed-loop client would record one slow call)."""
    first = threading.Event()

    def redact(request: bytes, context) -> bytes:
        if not first.is_set():
            first.set()
            time.sleep(1.0)
        return pb.RedactResponse(text="x").SerializeToString()

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=1))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("redact.v1.RedactorService", {
        "Redact": grpc.unary_unary_rpc_method_handler(redact)}),))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        code, report = loadtest(f"127.0.0.1:{port}", tmp_path, "--rate", "20", "--duration", "2")
    finally:
        server.stop(0)
    assert code == 0 and 35 <= report["requests"] <= 40
    assert report["latency_ms"]["p90"] >= 500 and report["latency_ms"]["max"] >= 900
