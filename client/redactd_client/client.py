"""RedactClient: redactd's RPCs as typed Python calls.

One channel per client (thread-safe; share one client across threads). Every call has a
deadline (`timeout`, per client and per call); calls that fail with UNAVAILABLE are
retried by gRPC itself through the channel's service config (`retries`, exponential
back-off): redactd's RPCs change nothing on the server, so a retry is always safe. Errors are raised as RedactError with the status code, the message and, for
INVALID_ARGUMENT, the field violations of the google.rpc.BadRequest detail.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any, Iterable, Iterator, Mapping, Sequence

import grpc
from google.protobuf import json_format, struct_pb2
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc

SERVICE = pb.DESCRIPTOR.services_by_name["RedactorService"].full_name
STYLES = {"label": pb.REDACTION_STYLE_LABEL, "mask": pb.REDACTION_STYLE_MASK,
          "numbered": pb.REDACTION_STYLE_NUMBERED_LABEL}
UNITS = {"code_point": pb.OFFSET_UNIT_CODE_POINT, "utf8": pb.OFFSET_UNIT_UTF8_BYTE,
         "utf16": pb.OFFSET_UNIT_UTF16_CODE_UNIT}
MAX_ATTEMPTS = 5  # gRPC's own ceiling for a retry policy


class RedactError(Exception):
    """A failed call: `code` (grpc.StatusCode), `message` (names the field, never the text),
    `field_violations` ([(field, description)], INVALID_ARGUMENT only)."""

    def __init__(self, code: grpc.StatusCode, message: str,
                 field_violations: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message
        self.field_violations = list(field_violations)

    @classmethod
    def of(cls, err: grpc.RpcError) -> RedactError:
        return cls(err.code(), err.details() or "", _violations(rpc_status.from_call(err)))

    @classmethod
    def of_status(cls, status) -> RedactError:
        """From a google.rpc.Status (a BatchRedact result's `error`)."""
        code = next((c for c in grpc.StatusCode if c.value[0] == status.code), grpc.StatusCode.UNKNOWN)
        return cls(code, status.message, _violations(status))


def _violations(status) -> list[tuple[str, str]]:
    found = []
    for detail in getattr(status, "details", ()):
        bad = error_details_pb2.BadRequest()
        if detail.Unpack(bad):
            found += [(v.field, v.description) for v in bad.field_violations]
    return found


@dataclasses.dataclass(frozen=True)
class Redacted:
    """A redacted text and, when asked for (`entities=True`), what was found in it. For a
    BatchRedact result that failed, `error` is set and `text` is empty."""
    text: str
    entities: list[pb.Entity]
    error: RedactError | None = None


@dataclasses.dataclass(frozen=True)
class PolicyResult:
    """ApplyPolicy's answer: `records` (one per record sent; `record` is the first) and the
    actions taken (field, action, rule, types found — never values)."""
    records: list[dict[str, Any]]
    actions: list[pb.PolicyAction]
    policy_version: int

    @property
    def record(self) -> dict[str, Any]:
        return self.records[0]


def service_config(retries: int) -> str:
    """The channel's service config: UNAVAILABLE retried with exponential back-off."""
    policy = {"maxAttempts": min(retries + 1, MAX_ATTEMPTS), "initialBackoff": "0.05s",
              "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}
    method = {"name": [{"service": SERVICE}]}
    if retries > 0:
        method["retryPolicy"] = policy
    return json.dumps({"methodConfig": [method]})


def detection_config(types: Iterable[str] = (), exclude: Iterable[str] = (), *, min_score: float = 0.0,
                     region: str = "", phone_regions: Iterable[str] = (), offsets: str = "code_point",
                     detection: pb.DetectionConfig | None = None) -> pb.DetectionConfig:
    """A DetectionConfig from keywords, or `detection` as given (for recognizers, deny and
    allow lists: every field of the message)."""
    if detection is not None:
        return detection
    if offsets not in UNITS:
        raise ValueError(f"offsets: one of {', '.join(UNITS)}, not {offsets!r}")
    return pb.DetectionConfig(entity_types=list(types), exclude=list(exclude), min_score=min_score,
                              default_region=region, phone_regions=list(phone_regions),
                              offset_unit=UNITS[offsets])


def redaction_config(style: str = "label", mask: str = "", operators: Mapping[str, pb.Operator] | None = None,
                     redaction: pb.RedactionConfig | None = None) -> pb.RedactionConfig:
    if redaction is not None:
        return redaction
    if style not in STYLES:
        raise ValueError(f"style: one of {', '.join(STYLES)}, not {style!r}")
    return pb.RedactionConfig(style=STYLES[style], redaction_string=mask, operators=dict(operators or {}))


class RedactClient:
    """redactd's RPCs. `address` is HOST:PORT. TLS: `tls=True` (the system's roots) or
    `root_certificates` (PEM bytes); mTLS adds `certificate_chain` and `private_key`.
    `token`: a bearer token from the server's callers file (sent as `authorization`).
    `timeout`: each call's deadline in seconds unless the call gives its own; `retries`:
    how often an UNAVAILABLE call is tried again (0-4)."""

    def __init__(self, address: str, *, tls: bool = False, root_certificates: bytes | None = None,
                 certificate_chain: bytes | None = None, private_key: bytes | None = None,
                 token: str | None = None, timeout: float = 10.0, retries: int = 3,
                 options: Sequence[tuple[str, Any]] = ()) -> None:
        if not 0 <= retries < MAX_ATTEMPTS:
            raise ValueError(f"retries: 0 to {MAX_ATTEMPTS - 1}, not {retries}")
        if timeout <= 0:
            raise ValueError(f"timeout: must be positive, not {timeout}")
        opts = [("grpc.enable_retries", 1), ("grpc.service_config", service_config(retries)), *options]
        if tls or root_certificates or certificate_chain:
            creds = grpc.ssl_channel_credentials(root_certificates, private_key, certificate_chain)
            self._channel = grpc.secure_channel(address, creds, options=opts)
        else:
            self._channel = grpc.insecure_channel(address, options=opts)
        self._stub = redact_pb2_grpc.RedactorServiceStub(self._channel)
        self._metadata = (("authorization", f"Bearer {token}"),) if token else ()
        self.timeout = timeout

    def __enter__(self) -> RedactClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    def _call(self, method, request, timeout: float | None):
        try:
            return method(request, timeout=timeout or self.timeout, metadata=self._metadata)
        except grpc.RpcError as err:
            raise RedactError.of(err) from None

    # ------------------------------------------------------------------ RPCs

    def redact(self, text: str, *, types: Iterable[str] = (), exclude: Iterable[str] = (),
               style: str = "label", mask: str = "", entities: bool = False, timeout: float | None = None,
               detection: pb.DetectionConfig | None = None, redaction: pb.RedactionConfig | None = None,
               **detection_options) -> Redacted:
        """The text redacted; with `entities=True` also what was found. `types`: entity
        types to look for (default: all); `style`: label, mask or numbered."""
        request = pb.RedactRequest(text=text, include_entities=entities,
                                   detection=detection_config(types, exclude, detection=detection,
                                                              **detection_options),
                                   redaction=redaction_config(style, mask, redaction=redaction))
        response = self._call(self._stub.Redact, request, timeout)
        return Redacted(response.text, list(response.entities))

    def identify(self, text: str, *, types: Iterable[str] = (), exclude: Iterable[str] = (),
                 timeout: float | None = None, detection: pb.DetectionConfig | None = None,
                 **detection_options) -> list[pb.Entity]:
        """The entities found in `text`; the text itself is not changed."""
        request = pb.IdentifyEntitiesRequest(text=text, detection=detection_config(
            types, exclude, detection=detection, **detection_options))
        return list(self._call(self._stub.IdentifyEntities, request, timeout).entities)

    def batch_redact(self, texts: Sequence[str], *, types: Iterable[str] = (), exclude: Iterable[str] = (),
                     style: str = "label", mask: str = "", entities: bool = False,
                     timeout: float | None = None, detection: pb.DetectionConfig | None = None,
                     redaction: pb.RedactionConfig | None = None, **detection_options) -> list[Redacted]:
        """Each text redacted as `redact` would, in order; a text that failed (over the
        size limit, say) has `error` set and the others are redacted all the same."""
        request = pb.BatchRedactRequest(texts=list(texts), include_entities=entities,
                                        detection=detection_config(types, exclude, detection=detection,
                                                                   **detection_options),
                                        redaction=redaction_config(style, mask, redaction=redaction))
        response = self._call(self._stub.BatchRedact, request, timeout)
        return [Redacted(r.text, list(r.entities), RedactError.of_status(r.error) if r.error.code else None)
                for r in response.results]

    def apply_policy(self, policy: str, record: Mapping[str, Any] | None = None, *,
                     records: Sequence[Mapping[str, Any]] | None = None, dry_run: bool = False,
                     exclude: Iterable[str] = (), timeout: float | None = None) -> PolicyResult:
        """A configured policy applied to one JSON-like record or to `records`."""
        if (record is None) == (records is None):
            raise ValueError("apply_policy: give record or records, not both")
        request = pb.ApplyPolicyRequest(policy=policy, dry_run=dry_run, exclude=list(exclude))
        if record is not None:
            request.record.update(record)
        else:
            for r in records:
                request.records.add().update(r)
        response = self._call(self._stub.ApplyPolicy, request, timeout)
        out = [response.record] if record is not None else list(response.records)
        return PolicyResult([_plain(s) for s in out], list(response.actions), response.policy_version)

    def stream(self, chunks: Iterable[str], *, types: Iterable[str] = (), exclude: Iterable[str] = (),
               style: str = "label", mask: str = "", entities: bool = False, timeout: float | None = None,
               detection: pb.DetectionConfig | None = None, redaction: pb.RedactionConfig | None = None,
               **detection_options) -> Iterator[Redacted]:
        """Redacted segments of a text that arrives in chunks (an iterator of str, read as
        the server asks for it), as they are released; joined, they are `redact` of the
        chunks joined. An entity split across chunks is found whole. `timeout` bounds the
        whole stream (none unless given: streams are long)."""
        config = pb.StreamConfig(detection=detection_config(types, exclude, detection=detection,
                                                            **detection_options),
                                 redaction=redaction_config(style, mask, redaction=redaction),
                                 include_entities=entities)

        def requests() -> Iterator[pb.StreamRedactRequest]:
            yield pb.StreamRedactRequest(config=config)
            for chunk in chunks:
                yield pb.StreamRedactRequest(text=chunk)

        try:
            for response in self._stub.StreamRedact(requests(), timeout=timeout, metadata=self._metadata):
                yield Redacted(response.text, list(response.entities))
        except grpc.RpcError as err:
            raise RedactError.of(err) from None

    def reveal(self, tokens: Sequence[str], *, timeout: float | None = None) -> list[str]:
        """The values of `encrypt` tokens (needs the Reveal permission on the server)."""
        return list(self._call(self._stub.Reveal, pb.RevealRequest(tokens=list(tokens)), timeout).values)


def _plain(struct: struct_pb2.Struct) -> dict[str, Any]:
    return json_format.MessageToDict(struct)
