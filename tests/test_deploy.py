"""The container and Kubernetes files: `Dockerfile`, `deploy/kubernetes/*.yaml` and
`service/healthcheck.py`.

Images cannot be built here (no container daemon, no base images), so the image's
command lines are run as they are written, against the installed package: `redactd` is
the console script beside this interpreter (where pip puts it in the image too) and
`python` this interpreter. The one change is the address: the image's `0.0.0.0:50051`
(and the health check's `127.0.0.1:50051`) become a free loopback port. The Deployment's
mounts become temporary directories holding its ConfigMap's and Secret's files, the
Secret's placeholders filled with a generated key and token.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import grpc
import kubernetes_validate
import pytest
import yaml
from google.protobuf import json_format, struct_pb2

from redactd.core import KeyRing
from redactd import healthcheck
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.callers import load_callers
from redactd.config import Settings
from redactd.policies import apply_policy, load_policies
from redactd.server import Server
from tests import certs
from tests.test_cli import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
MANIFESTS = ROOT / "deploy" / "kubernetes"
BIN = Path(sys.executable).parent
IMAGE_PORT = 50051
METRICS_PORT = 9090  # --metrics-address in the Deployment
# the oldest Kubernetes the manifests are for (gRPC probes are GA from 1.27), and the newest
# whose schemas kubernetes-validate ships
KUBERNETES = ("1.29.0", kubernetes_validate.utils.latest_version())
TEXT = "Sure, my social security number is 222-44-5555 and I was born on 3rd of October 1982."


# ---------------------------------------------------------------- reading the files

def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """Each stage's (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    stages: list[list[tuple[str, str]]] = []
    logical = ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.lstrip().startswith("#"):
            continue
        logical += line.strip()
        if logical.endswith("\\"):
            logical = logical[:-1] + " "
            continue
        if logical:
            name, _, rest = logical.partition(" ")
            if name.upper() == "FROM":
                stages.append([])
            stages[-1].append((name.upper(), rest.strip()))
        logical = ""
    return stages


def final_stage() -> dict[str, str]:
    return dict(dockerfile_stages()[-1])  # the last of an instruction wins, as in Docker


def exec_form(arguments: str) -> list[str]:
    value = json.loads(arguments)  # the exec form: a JSON array, no shell
    assert isinstance(value, list) and all(isinstance(v, str) for v in value)
    return value


def healthcheck_command() -> tuple[dict[str, str], list[str]]:
    """HEALTHCHECK's options (--interval=10s ...) and its exec-form command."""
    options, _, command = final_stage()["HEALTHCHECK"].partition("CMD ")
    return dict(o.lstrip("-").split("=", 1) for o in options.split()), exec_form(command)


def manifest_files() -> list[Path]:
    return sorted(p for p in MANIFESTS.glob("*.yaml") if p.name != "kustomization.yaml")


def manifests() -> dict[str, dict]:
    """Every resource by kind (one of each here)."""
    out = {}
    for path in manifest_files():
        for doc in yaml.safe_load_all(path.read_text()):
            assert doc["kind"] not in out, f"{path.name}: a second {doc['kind']}"
            out[doc["kind"]] = doc
    return out


def container(resources: dict) -> dict:
    (c,) = resources["Deployment"]["spec"]["template"]["spec"]["containers"]
    return c


def flag(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def local(argv: list[str], port: int, metrics_port: int = 0) -> list[str]:
    """An image command line as run here: its programs from this environment, the ports
    free loopback ones."""
    programs = {"redactd": str(BIN / "redactd"), "python": sys.executable}
    out = [programs.get(argv[0], argv[0]), *argv[1:]]
    for i, arg in enumerate(out):
        if re.fullmatch(rf"(0\.0\.0\.0|127\.0\.0\.1):{IMAGE_PORT}", arg):
            out[i] = f"127.0.0.1:{port}"
        elif re.fullmatch(rf"0\.0\.0\.0:{METRICS_PORT}", arg):
            out[i] = f"127.0.0.1:{metrics_port}"
    return out


def image_env() -> dict[str, str]:
    """This environment without the variables the image does not set."""
    return {k: v for k, v in os.environ.items() if k not in ("REDACTD_ADDRESS", "REDACTD_KEYS")}


def filled_secret(secret: dict, key: bytes, token: str) -> dict[str, str]:
    """The Secret's files with its placeholders replaced by a real key and token digest."""
    files = dict(secret["stringData"])
    files["keys.json"] = re.sub(r"REPLACE-WITH-[A-Z0-9-]+", base64.b64encode(key).decode(), files["keys.json"])
    files["callers.yaml"] = re.sub(r"REPLACE-WITH-[A-Z0-9-]+", hashlib.sha256(token.encode()).hexdigest(),
                                   files["callers.yaml"])
    return files


def run_healthcheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redactd.healthcheck", *args], capture_output=True, text=True,
                          timeout=60, env=image_env())


def wait_healthy(address: str, proc: subprocess.Popen, service: str = "") -> None:
    """Until the health check passes; fails at once if the server exited."""
    def passes():
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        return healthcheck.main(["--address", address, "--service", service, "--timeout", "2"]) == 0
    wait_for(passes, timeout=60)


# ---------------------------------------------------------------- the manifests

@pytest.mark.parametrize("version", KUBERNETES)
@pytest.mark.parametrize("path", manifest_files(), ids=lambda p: p.name)
def test_manifest_is_valid_against_kubernetes_schemas(path, version):
    for doc in yaml.safe_load_all(path.read_text()):
        # strict: a field Kubernetes does not know (a typo) is an error, not ignored
        kubernetes_validate.validate(doc, version, strict=True)


def test_validation_is_strict():
    deployment = manifests()["Deployment"]
    deployment["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError, match="livenesProbe"):
        kubernetes_validate.validate(deployment, KUBERNETES[-1], strict=True)


def test_kustomization_lists_every_manifest():
    kustomization = yaml.safe_load((MANIFESTS / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == [p.name for p in manifest_files()]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert kustomization["images"] == [{"name": "redactd", "newTag": version}]
    assert container(manifests())["image"] == f"redactd:{version}"


def test_selectors_select_the_deployments_pods():
    r = manifests()
    deployment = r["Deployment"]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]

    def selects(match_labels: dict) -> bool:
        return bool(match_labels) and match_labels.items() <= pod_labels.items()
    assert selects(deployment["spec"]["selector"]["matchLabels"])
    assert selects(r["Service"]["spec"]["selector"])
    assert selects(r["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"])
    assert selects(r["NetworkPolicy"]["spec"]["podSelector"]["matchLabels"])
    target = r["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"], target["name"]) == (
        deployment["apiVersion"], "Deployment", deployment["metadata"]["name"])
    assert "replicas" not in deployment["spec"]  # the HPA's to set; a value would reset it on every apply


def test_ports_and_probes_agree():
    r = manifests()
    c = container(r)
    port, metrics = c["ports"]
    assert port["containerPort"] == IMAGE_PORT and final_stage()["EXPOSE"] == str(IMAGE_PORT)
    assert metrics == {"name": "metrics", "containerPort": METRICS_PORT, "protocol": "TCP"}
    assert flag(c["args"], "--metrics-address") == f"0.0.0.0:{METRICS_PORT}"
    annotations = r["Deployment"]["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(METRICS_PORT) and annotations["prometheus.io/scrape"] == "true"
    assert flag(c["args"], "--address") == f"0.0.0.0:{IMAGE_PORT}"
    (service_port,) = r["Service"]["spec"]["ports"]
    assert r["Service"]["spec"]["clusterIP"] == "None"  # headless: clients balance over the pods
    assert service_port["name"] == "grpc" and service_port["targetPort"] == port["name"]
    assert service_port["port"] == IMAGE_PORT
    assert c["readinessProbe"]["grpc"] == {"port": IMAGE_PORT, "service": "redact.v1.RedactorService"}
    assert c["livenessProbe"]["grpc"] == {"port": IMAGE_PORT}
    rule, scrape = r["NetworkPolicy"]["spec"]["ingress"]
    assert rule["ports"] == [{"port": IMAGE_PORT, "protocol": "TCP"}]
    assert scrape["ports"] == [{"port": METRICS_PORT, "protocol": "TCP"}]
    assert r["NetworkPolicy"]["spec"]["policyTypes"] == ["Ingress"]


def test_mounted_files_exist_in_the_configmap_and_secret():
    r = manifests()
    pod = r["Deployment"]["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    files = {}
    for mount in container(r)["volumeMounts"]:
        volume = volumes[mount["name"]]
        if "configMap" in volume:
            assert volume["configMap"]["name"] == r["ConfigMap"]["metadata"]["name"]
            names = r["ConfigMap"]["data"]
        else:
            assert volume["secret"]["secretName"] == r["Secret"]["metadata"]["name"]
            names = r["Secret"]["stringData"]
        files.update({f"{mount['mountPath']}/{name}": mount["name"] for name in names})
    args = container(r)["args"]
    assert files[flag(args, "--policies")] == "policies"
    assert files[flag(args, "--keys")] == files[flag(args, "--callers")] == "secrets"


def test_pod_runs_locked_down_and_sized():
    r = manifests()
    pod = r["Deployment"]["spec"]["template"]["spec"]
    c = container(r)
    user = final_stage()["USER"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert f"{pod['securityContext']['runAsUser']}:{pod['securityContext']['runAsGroup']}" == user
    assert c["securityContext"] == {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                    "capabilities": {"drop": ["ALL"]}}
    assert pod["automountServiceAccountToken"] is False
    # the user reads the Secret's files: they are its group's (fsGroup) or everyone's
    (secret,) = [v["secret"] for v in pod["volumes"] if "secret" in v]
    assert secret["defaultMode"] & 0o004 or (
        secret["defaultMode"] & 0o040 and pod["securityContext"]["fsGroup"] == pod["securityContext"]["runAsGroup"])
    # --workers is the CPU limit: by default it would be the node's cores
    assert c["resources"]["limits"]["cpu"] == c["resources"]["requests"]["cpu"] == flag(c["args"], "--workers")
    assert c["resources"]["requests"]["memory"] and c["resources"]["limits"]["memory"]
    # Kubernetes kills at terminationGracePeriodSeconds: the preStop pause and the drain fit
    pre_stop = c["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    assert pod["terminationGracePeriodSeconds"] > float(pre_stop[1]) + float(flag(c["args"], "--grace"))


# ---------------------------------------------------------------- the ConfigMap and the Secret

def test_configmap_policies_load_and_apply(tmp_path):
    path = tmp_path / "policies.json"
    path.write_text(manifests()["ConfigMap"]["data"]["policies.json"])
    policy = load_policies((str(path),))["support_ticket"]
    record = {"subject": "Refund for card 4111 1111 1111 1111",
              "body": "Call me on 415-555-2671, Jane",
              "customer": {"name": "Jane Roe", "email": "jane@example.org", "phone": "+1 415-555-2671"},
              "attachments": [{"name": "log.txt", "debug": "ssn 222-44-5555"}],
              "ticket": 1234}
    out, actions = apply_policy(policy, record)
    assert out == {"subject": "Refund for card [CREDIT_CARD_NUMBER]",
                   "body": "Call me on [PHONE_NUMBER], [PERSON_NAME]",
                   "customer": {"name": "[PERSON_NAME]", "email": "[EMAIL_ADDRESS]", "phone": "+* ***-***-2671"},
                   "attachments": [{"name": "log.txt"}],
                   "ticket": 1234}
    assert "222-44-5555" not in repr(actions)


def test_secret_files_have_the_shapes_serve_reads(tmp_path):
    r = manifests()
    key, token = secrets.token_bytes(32), secrets.token_urlsafe(32)
    files = filled_secret(r["Secret"], key, token)
    ring = KeyRing.from_json(files["keys.json"], "keys.json")
    assert ring.keys == {ring.active: key}
    (tmp_path / "policies.json").write_text(r["ConfigMap"]["data"]["policies.json"])
    (tmp_path / "callers.yaml").write_text(files["callers.yaml"])
    policies = load_policies((str(tmp_path / "policies.json"),), ring)
    callers = load_callers(str(tmp_path / "callers.yaml"), policies)
    caller = callers.identify(token, None)
    assert caller is not None and caller.may_apply("support_ticket")


@pytest.mark.parametrize("name, flag_name", [("keys.json", "--keys"), ("callers.yaml", "--callers")])
def test_placeholder_secret_never_starts_a_server(tmp_path, name, flag_name):
    path = tmp_path / name
    path.write_text(manifests()["Secret"]["stringData"][name])
    r = subprocess.run([str(BIN / "redactd"), "serve", "--address", "127.0.0.1:0", "--workers", "1",
                        flag_name, str(path)], capture_output=True, text=True, timeout=60, env=image_env())
    assert r.returncode == 2 and str(path) in r.stderr


# ---------------------------------------------------------------- the image's command lines

def test_dockerfile_builds_in_two_stages_and_runs_unprivileged():
    build, final = dockerfile_stages()
    assert build[0] == ("FROM", "python:3.11-slim AS build")
    assert final[0] == ("FROM", "python:3.11-slim")
    assert any(name == "RUN" and "pip wheel" in rest for name, rest in build)
    uid, _, gid = final_stage()["USER"].partition(":")
    assert int(uid) >= 10000 and int(gid) >= 10000  # numeric: runAsNonRoot can check it
    assert final_stage()["STOPSIGNAL"] == "SIGTERM"
    assert exec_form(final_stage()["ENTRYPOINT"]) == ["redactd", "serve"]
    options, command = healthcheck_command()
    assert command[:3] == ["python", "-m", "redactd.healthcheck"]
    # Docker's timeout is above the check's own
    assert float(options["timeout"].rstrip("s")) > healthcheck.parser().get_default("timeout")


def test_dockerignore_keeps_what_the_build_reads():
    ignored = [line for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line and not line.startswith("#")]
    for needed in ("setup.py", "pyproject.toml", "README.md", "core", "service", "protos", "bench", "client"):
        assert needed in os.listdir(ROOT) and needed not in ignored
    for built in (".venv", "build", "**/*.so", "**/__pycache__", "client/redactd_client/api", ".git"):
        assert built in ignored


def test_image_command_serves_and_its_healthcheck_passes(tmp_path):
    port = free_port()
    argv = local(exec_form(final_stage()["ENTRYPOINT"]) + exec_form(final_stage()["CMD"]), port)
    _, check = healthcheck_command()
    check = local(check, port)
    address = f"127.0.0.1:{port}"
    log = tmp_path / "log"
    with open(log, "w") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=image_env())
    try:
        wait_healthy(address, proc)
        assert subprocess.run(check, timeout=60, env=image_env()).returncode == 0
        with grpc.insecure_channel(address) as ch:
            r = redact_pb2_grpc.RedactorServiceStub(ch).Redact(pb.RedactRequest(text=TEXT), timeout=10)
        assert r.text == "Sure, my social security number is [SSN] and I was born on [DATE_OF_BIRTH]."
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert subprocess.run(check, capture_output=True, timeout=60, env=image_env()).returncode == 1
    finally:
        proc.kill()
        proc.wait()
    assert "222-44-5555" not in log.read_text()


def test_deployment_command_serves_its_policies_and_callers(tmp_path):
    r = manifests()
    c = container(r)
    key, token = secrets.token_bytes(32), secrets.token_urlsafe(32)
    contents = {"policies": r["ConfigMap"]["data"], "secrets": filled_secret(r["Secret"], key, token)}
    port, metrics_port = free_port(), free_port()
    argv = local(c.get("command", exec_form(final_stage()["ENTRYPOINT"])) + c["args"], port, metrics_port)
    env = {**image_env(), **{e["name"]: e["value"] for e in c["env"]}}
    for mount in c["volumeMounts"]:  # each mount a directory of its files, as the kubelet makes it
        directory = tmp_path / mount["name"]
        directory.mkdir()
        for name, text in contents[mount["name"]].items():
            (directory / name).write_text(text)
        argv = [str(directory) + a[len(mount["mountPath"]):] if a.startswith(mount["mountPath"] + "/") else a
                for a in argv]
    address = f"127.0.0.1:{port}"
    log = tmp_path / "log"
    with open(log, "w") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        # the probes' health services; health needs no caller, even with a callers file
        wait_healthy(address, proc, c["readinessProbe"]["grpc"]["service"])
        assert healthcheck.main(["--address", address]) == 0
        record = struct_pb2.Struct()
        record.update({"customer": {"email": "jane@example.org"}, "body": "SSN 222-44-5555"})
        request = pb.ApplyPolicyRequest(policy="support_ticket", record=record)
        with grpc.insecure_channel(address) as ch:
            stub = redact_pb2_grpc.RedactorServiceStub(ch)
            with pytest.raises(grpc.RpcError) as refused:
                stub.ApplyPolicy(request, timeout=10)
            assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
            answer = stub.ApplyPolicy(request, timeout=10, metadata=(("authorization", f"Bearer {token}"),))
        assert json_format.MessageToDict(answer.record) == {"customer": {"email": "[EMAIL_ADDRESS]"}, "body": "SSN [SSN]"}
        # what Prometheus scrapes: both calls, whichever worker answered them
        with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10) as response:
            metrics = response.read().decode()
        counted = {code: sum(float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines()
                             if line.startswith("redactd_rpcs_total{") and 'method="ApplyPolicy"' in line
                             and f'code="{code}"' in line) for code in ("OK", "UNAUTHENTICATED")}
        assert counted == {"OK": 1.0, "UNAUTHENTICATED": 1.0}
        proc.send_signal(signal.SIGTERM)  # what the kubelet sends after preStop
        grace = r["Deployment"]["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
        assert proc.wait(timeout=grace) == 0
    finally:
        proc.kill()
        proc.wait()
    text = log.read_text()
    assert "supervising 2 workers" in text
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]  # REDACTD_LOG_FORMAT=json
    assert sum(1 for line in lines if line.get("method", "").endswith("/ApplyPolicy")) == 2
    for secret in ("222-44-5555", "jane@example.org", token, hashlib.sha256(token.encode()).hexdigest()):
        assert secret not in text


# ---------------------------------------------------------------- service/healthcheck.py

@pytest.fixture
def plain_server():
    srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.5))
    yield srv
    srv.stop(0).wait()


def test_healthcheck_passes_only_on_serving(plain_server, capsys):
    address = f"127.0.0.1:{plain_server.port}"
    assert healthcheck.main(["--address", address]) == 0
    assert healthcheck.main(["--address", address, "--service", "redact.v1.RedactorService"]) == 0
    assert healthcheck.main(["--address", address, "--service", "no.such.Service"]) == 1
    assert "NOT_FOUND" in capsys.readouterr().err
    plain_server.health.enter_graceful_shutdown()  # what SIGTERM does first
    assert healthcheck.main(["--address", address]) == 1
    assert "NOT_SERVING" in capsys.readouterr().err


def test_healthcheck_fails_when_nothing_answers(capsys):
    assert healthcheck.main(["--address", f"127.0.0.1:{free_port()}", "--timeout", "5"]) == 1
    assert "UNAVAILABLE" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--bogus"], "unrecognized arguments"),
    (["--tls-cert", "c.pem"], "--tls-cert and --tls-key"),
    (["--tls-server-name", "redactd"], "need --tls-ca"),
    (["--tls-ca", "/nonexistent/ca.crt"], "--tls-ca /nonexistent/ca.crt"),
])
def test_healthcheck_usage_errors_are_unhealthy_not_status_2(args, message):
    r = run_healthcheck(*args)
    assert r.returncode == 1 and message in r.stderr


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A server certificate for the Service's DNS name only (not 127.0.0.1), and a client one."""
    d = tmp_path_factory.mktemp("pki")
    ca = certs.make_ca()
    (d / "ca.crt").write_bytes(ca.cert_pem)
    key = certs.ec.generate_private_key(certs.ec.SECP256R1())
    cert = certs._build(certs._name("redactd", "Example"), key, ca, [
        (certs.x509.SubjectAlternativeName([certs.x509.DNSName("redactd.default.svc")]), False)])
    server = certs.Issued(cert, key).write(d, "server")
    return {"dir": d, "server": server, "client": certs.issue(ca, "prober").write(d, "client")}


def test_healthcheck_over_tls_and_mtls(pki):
    d, (cert, key) = pki["dir"], pki["server"]
    tls = ["--tls-ca", str(d / "ca.crt"), "--tls-server-name", "redactd.default.svc"]
    for client_ca in ("", str(d / "ca.crt")):
        srv = Server(Settings(address="127.0.0.1:0", threads=2, grace=0.5, tls_cert_file=cert, tls_key_file=key,
                              tls_client_ca_file=client_ca))
        try:
            address = ["--address", f"127.0.0.1:{srv.port}"]
            client = ["--tls-cert", pki["client"][0], "--tls-key", pki["client"][1]]
            assert healthcheck.main(address + tls + client) == 0
            assert healthcheck.main(address + tls) == (1 if client_ca else 0)  # mTLS wants the certificate
            assert healthcheck.main(address + tls[:2] + client) == 1  # 127.0.0.1 is not the certificate's name
            assert healthcheck.main(address) == 1                     # plaintext to a TLS server
        finally:
            srv.stop(0).wait()
