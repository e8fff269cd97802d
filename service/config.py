"""Server settings: defaults, environment and command-line flags in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_ADDRESS = "127.0.0.1:50051"
KiB = 1024
MiB = 1024 * KiB


@dataclass(frozen=True, slots=True)
class Settings:
    address: str = os.environ.get("REDACTD_ADDRESS", DEFAULT_ADDRESS)
    max_text_bytes: int = 4 * MiB - 64 * KiB  # per Redact/Identify text, record, or stream chunk
    max_response_bytes: int = 4 * MiB  # what a default gRPC client receives; larger is RESOURCE_EXHAUSTED
    max_batch_texts: int = 10_000      # texts in one BatchRedact call
    threads: int = 32                  # worker threads for unary calls (streams have their own)
    max_streams: int = 1000            # open StreamRedact calls at most (each holds a thread of its own pool)
    max_streams_per_caller: int = 250  # ... of one caller (service.limits.caller_key)
    stream_idle_timeout: float = 60.0  # seconds a stream may stay without a message
    rate_limit: tuple[float, float] | None = None  # (calls a second, burst) per caller; None: off
    grace: float = 10.0                # seconds in-flight RPCs get on SIGTERM/SIGINT
    policy_files: tuple[str, ...] = ()
    keys_file: str = ""                # key ring for hash/encrypt/surrogate; else $REDACTD_KEYS
    callers_file: str = ""             # who may call what (service/callers.py); open, but no Reveal, when unset
    allow_keyed_operators_without_auth: bool = False  # without a callers file: hash/encrypt/surrogate for anyone
    tls_cert_file: str = ""            # TLS only when set (with tls_key_file)
    tls_key_file: str = ""
    tls_client_ca_file: str = ""       # mTLS: client certificates required and verified against this CA
    phone_regions: tuple[str, ...] = ()  # national phone numbers of these regions too, unless a request names its own
    bench_echo: bool = False           # also serve the no-op baseline used by `make bench`
    reuse_port: bool = False           # SO_REUSEPORT: one of `--workers N` servers sharing the port
    metrics_address: str = ""          # HOST:PORT of the Prometheus endpoint (service.observe); "" off

    @property
    def max_message_bytes(self) -> int:
        # gRPC's own limit sits above ours so that ours, naming the field, answers first
        return 2 * self.max_text_bytes + MiB


def load_keys(settings: Settings):
    """The key ring from --keys, else from $REDACTD_KEYS (the same JSON), else empty."""
    from redactd.core import KeyRing

    if settings.keys_file:
        with open(settings.keys_file, encoding="utf-8") as f:
            return KeyRing.from_json(f.read(), settings.keys_file)
    env = os.environ.get("REDACTD_KEYS", "")
    return KeyRing.from_json(env, "$REDACTD_KEYS") if env else KeyRing()
