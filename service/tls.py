"""TLS and mTLS for `redactd serve --tls-cert FILE --tls-key FILE [--tls-client-ca FILE]`.

The files are read and checked (PEM, the key matches the certificate) at start and
on every reload. gRPC asks `fetch` before each new handshake: after a reload it gets
the new configuration once, and keeps it; connections already open keep theirs.
"""
from __future__ import annotations

import ipaddress
import logging
import threading

import grpc
from cryptography import x509
from cryptography.hazmat.primitives import serialization

log = logging.getLogger("redactd")


def _read(path: str, flag: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise ValueError(f"{flag} {path}: {exc.strerror}") from None


def _certificates(pem: bytes, path: str, flag: str) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(pem)
    except ValueError:
        raise ValueError(f"{flag} {path}: not a PEM certificate") from None


def read_files(cert: str, key: str, client_ca: str = "") -> grpc.ServerCertificateConfiguration:
    """The certificate configuration of these files; ValueError naming the flag and file."""
    chain, key_pem = _read(cert, "--tls-cert"), _read(key, "--tls-key")
    leaf = _certificates(chain, cert, "--tls-cert")[0]
    try:
        private = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError:
        raise ValueError(f"--tls-key {key}: encrypted; give an unencrypted PEM key") from None
    except ValueError:
        raise ValueError(f"--tls-key {key}: not a PEM private key") from None
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    if private.public_key().public_bytes(serialization.Encoding.DER, spki) != \
            leaf.public_key().public_bytes(serialization.Encoding.DER, spki):
        raise ValueError(f"--tls-key {key}: not the key of the certificate in {cert}")
    roots = None
    if client_ca:
        roots = _read(client_ca, "--tls-client-ca")
        _certificates(roots, client_ca, "--tls-client-ca")
    return grpc.ssl_server_certificate_configuration([(key_pem, chain)], root_certificates=roots)


def check_flags(cert: str, key: str, client_ca: str) -> None:
    if bool(cert) != bool(key):
        raise ValueError("--tls-cert and --tls-key: give both or neither")
    if client_ca and not cert:
        raise ValueError("--tls-client-ca: needs --tls-cert and --tls-key (mTLS is TLS first)")


class ServerTls:
    """The server's credentials; `reload` reads the files again for new connections."""

    def __init__(self, cert: str, key: str, client_ca: str = "") -> None:
        check_flags(cert, key, client_ca)
        self.files = (cert, key, client_ca)
        self.initial = read_files(*self.files)
        self.pending: grpc.ServerCertificateConfiguration | None = None
        self.lock = threading.Lock()

    def credentials(self) -> grpc.ServerCredentials:
        return grpc.dynamic_ssl_server_credentials(self.initial, self.fetch,
                                                   require_client_authentication=bool(self.files[2]))

    def fetch(self) -> grpc.ServerCertificateConfiguration | None:
        # called by gRPC before every handshake: a new configuration once, else None (no change)
        with self.lock:
            config, self.pending = self.pending, None
        return config

    def reload(self) -> None:
        """Read the files again; ValueError (and the current ones kept) if they are invalid."""
        config = read_files(*self.files)
        with self.lock:
            self.pending = config


def is_loopback(address: str) -> bool:
    host = address.rpartition(":")[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name or a wildcard: reachable from elsewhere


def warn_if_plaintext(address: str) -> None:
    if not is_loopback(address):
        log.warning("serving without TLS on %s, which is not a loopback address: request texts and bearer "
                    "tokens cross the network in clear (give --tls-cert and --tls-key)", address)
