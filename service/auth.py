"""Who may call Reveal: bearer tokens, configured by their SHA-256 digests.

A callers file is {"callers": [{"name": "support", "token_sha256": "<hex>"}]}.
The interceptor aborts before the servicer runs; no file means nobody.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging

import grpc

log = logging.getLogger("redactd")
REVEAL = "/redact.v1.Redactor/Reveal"


def load_callers(path: str) -> dict[str, str]:
    """token digest (hex) -> caller name."""
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        try:
            doc = json.load(f)
            callers = {c["token_sha256"].lower(): c["name"] for c in doc["callers"]}
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a callers file ({type(exc).__name__})") from None
    if any(len(d) != 64 for d in callers):
        raise ValueError(f"{path}: token_sha256 must be 64 hex digits")
    return callers


def _refuse(code: grpc.StatusCode, message: str) -> grpc.RpcMethodHandler:
    def handler(request, context):
        context.abort(code, message)
    return grpc.unary_unary_rpc_method_handler(handler)


class RevealAuthorization(grpc.ServerInterceptor):
    def __init__(self, callers: dict[str, str]) -> None:
        self.callers = callers

    def caller(self, metadata) -> str | None:
        for key, value in metadata or ():
            if key == "authorization" and value.startswith("Bearer "):
                digest = hashlib.sha256(value[7:].encode()).hexdigest()
                for known, name in self.callers.items():
                    if hmac.compare_digest(known, digest):
                        return name
                return ""
        return None

    def intercept_service(self, continuation, details):
        if details.method != REVEAL:
            return continuation(details)
        name = self.caller(details.invocation_metadata)
        if name is None:
            return _refuse(grpc.StatusCode.UNAUTHENTICATED, "authorization: Reveal needs a bearer token")
        if not name:
            return _refuse(grpc.StatusCode.PERMISSION_DENIED, "Reveal is not allowed for this caller")
        log.info("Reveal called by %s", name)  # an audit line: the caller, never the values
        return continuation(details)
