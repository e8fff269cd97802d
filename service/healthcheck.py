"""`python -m redactd.healthcheck`: exit 0 when a redactd answers SERVING, else 1.

The image's HEALTHCHECK, and Kubernetes' exec probe where its native gRPC probe cannot
go (TLS): one gRPC health check (grpc.health.v1) with a deadline. Health checks need
no caller (the callers file excepts them), but TLS still applies: `--tls-ca` verifies
the server's certificate (`--tls-server-name` when it does not name the address dialled,
as a certificate for the Service's DNS name does not name 127.0.0.1), and
`--tls-cert/--tls-key` present a client certificate to an mTLS server.
"""
from __future__ import annotations

import argparse
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

SERVING = health_pb2.HealthCheckResponse.SERVING
UNHEALTHY = 1  # for any failure: Docker reserves status 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # a bad flag is unhealthy too, not argparse's status 2
        self.print_usage(sys.stderr)
        self.exit(UNHEALTHY, f"{self.prog}: error: {message}\n")


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m redactd.healthcheck", description=__doc__.split("\n\n")[0])
    p.add_argument("--address", default="127.0.0.1:50051", help="HOST:PORT (default: %(default)s)")
    p.add_argument("--service", default="",
                   help='the health service name: "" (default) for the server, or redact.v1.RedactorService')
    p.add_argument("--timeout", type=float, default=3.0, help="seconds for the whole check (default: %(default)s)")
    p.add_argument("--tls-ca", default="", metavar="FILE", help="TLS: PEM CA certificates of the server's certificate")
    p.add_argument("--tls-server-name", default="", metavar="NAME",
                   help="TLS: the name the server's certificate must have, when not the address's host")
    p.add_argument("--tls-cert", default="", metavar="FILE", help="mTLS: the client's PEM certificate chain")
    p.add_argument("--tls-key", default="", metavar="FILE", help="mTLS: the client's PEM private key")
    return p


def _read(path: str, flag: str) -> bytes | None:
    if not path:
        return None
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise ValueError(f"{flag} {path}: {exc.strerror}") from None


def channel(args) -> grpc.Channel:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise ValueError("--tls-cert and --tls-key: give both or neither")
    if not args.tls_ca:
        if args.tls_cert or args.tls_server_name:
            raise ValueError("--tls-cert, --tls-server-name: need --tls-ca (they are TLS settings)")
        return grpc.insecure_channel(args.address)
    creds = grpc.ssl_channel_credentials(_read(args.tls_ca, "--tls-ca"), _read(args.tls_key, "--tls-key"),
                                         _read(args.tls_cert, "--tls-cert"))
    options = [("grpc.ssl_target_name_override", args.tls_server_name)] if args.tls_server_name else []
    return grpc.secure_channel(args.address, creds, options=options)


def check(args) -> str:
    """The service's status name (SERVING, NOT_SERVING, ...), or the RPC's error code."""
    with channel(args) as ch:
        try:
            response = health_pb2_grpc.HealthStub(ch).Check(
                health_pb2.HealthCheckRequest(service=args.service), timeout=args.timeout)
        except grpc.RpcError as exc:
            return exc.code().name
    return health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status = check(args)
    except ValueError as exc:
        print(f"healthcheck: {exc}", file=sys.stderr)
        return UNHEALTHY
    if status != "SERVING":
        print(f"healthcheck: {args.address} {args.service or '(server)'}: {status}", file=sys.stderr)
        return UNHEALTHY
    return 0


if __name__ == "__main__":
    sys.exit(main())
