"""Server settings: defaults, environment and command-line flags in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_ADDRESS = "127.0.0.1:50051"
MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    address: str = os.environ.get("REDACTD_ADDRESS", DEFAULT_ADDRESS)
    max_text_bytes: int = 4 * MiB      # per Redact/Identify text, record, or stream chunk
    threads: int = 32                  # worker threads; each open stream holds one
    grace: float = 10.0                # seconds in-flight RPCs get on SIGTERM/SIGINT
    policy_files: tuple[str, ...] = ()
    bench_echo: bool = False           # also serve the no-op baseline used by `make bench`

    @property
    def max_message_bytes(self) -> int:
        # gRPC's own limit sits above ours so that ours, naming the field, answers first
        return 2 * self.max_text_bytes + MiB
