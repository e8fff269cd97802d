"""The RedactorService servicer: each method translates protobuf to core calls and back."""
from __future__ import annotations

import contextlib
from typing import Iterator

import grpc
from google.protobuf import json_format

from redactd import core
from redactd import convert, memory, observe, wire
from redactd_client.api.redact.v1 import redact_pb2 as pb
from redactd_client.api.redact.v1 import redact_pb2_grpc
from redactd.config import Settings
from redactd.errors import (Abandoned, BadRequest, NotConfigured, NotFound, TooLarge, live, rpc, status_of,
                            status_proto)
from redactd.policies import PolicyStore, apply_policy

BATCH_ERROR_BYTES = 160  # room kept in a BatchRedact response for each text's error status


class RedactorServicer(redact_pb2_grpc.RedactorServiceServicer):
    def __init__(self, settings: Settings, policies: PolicyStore, keys: core.KeyRing) -> None:
        self.limit = settings.max_text_bytes
        self.max_response = settings.max_response_bytes
        self.max_batch_texts = settings.max_batch_texts
        self.policies = policies
        self.keys = keys
        self.phone_regions = settings.phone_regions
        self.default_detection = core.Detection.create(phone_regions=settings.phone_regions)
        self.default_redaction = core.Redaction(keys=keys)

    def _detection(self, request) -> core.Detection:
        # most callers send no config: skip the conversion for them
        if not request.HasField("detection"):
            return self.default_detection
        return convert.detection(request.detection, phone_regions=self.phone_regions)

    def _redaction(self, request, detection: core.Detection) -> core.Redaction:
        if not request.HasField("redaction"):
            return self.default_redaction
        return convert.redaction(request.redaction, keys=self.keys,
                                 own_types=detection.custom.types if detection.custom else frozenset())

    def _in_pieces(self, text: str, detection: core.Detection, redaction: core.Redaction, unit: int,
                   include: bool, redacted: bool, context, max_out: int | None = None) -> tuple[str, list[pb.Entity]]:
        """A long text piece by piece (the same result as in one call), stopping as soon
        as the caller is gone (cancelled, past its deadline)."""
        outs, entities = [], []
        counting = observe.counting()
        for out, found in core.redact_pieces(text, detection, redaction, unit, include or counting,
                                             max_out=self.max_response if max_out is None else max_out):
            outs.append(out)
            if counting:
                observe.found(found)
            if include:
                entities += convert.entities(found, redacted)
            live(context)
        return "".join(outs), entities

    @rpc
    def Redact(self, request: pb.RedactRequest, context) -> pb.RedactResponse:
        text = convert.checked_text(request.text, "text", self.limit)
        try:  # (not `with self._bounded`: a context manager costs this, the most frequent call, ~1 µs)
            detection = self._detection(request)
            redaction = self._redaction(request, detection)
            if len(text) > core.PIECE_CODE_POINTS:
                out, entities = self._in_pieces(text, detection, redaction, convert.offset_unit(request.detection),
                                                request.include_entities, True, context)
                memory.after(len(request.text))
                return self._sized(pb.RedactResponse(text=out, entities=entities), "entities")
            if not request.include_entities:
                types = [] if observe.counting() else None  # counted, not reported (service.observe)
                out = core.redact_only(text, detection, redaction, max_out=self.max_response, types=types)
                memory.after(len(request.text))
                if types:
                    observe.field_types(types)
                return self._sized(pb.RedactResponse(text=out), "text")
            out, found = core.redact_text(text, detection, redaction, convert.offset_unit(request.detection),
                                          max_out=self.max_response)
        except core.OutputTooLarge:
            raise self._too_large("text") from None
        memory.after(len(request.text))
        observe.found(found)
        return self._sized(pb.RedactResponse(text=out, entities=convert.entities(found, True)), "entities")

    def _sized(self, response, field: str):
        """`response`, unless it is larger than a default client receives."""
        if response.ByteSize() > self.max_response:
            raise TooLarge(f"{field}: the response would be larger than the limit of "
                           f"{self.max_response} bytes (--max-response-bytes)")
        return response

    @contextlib.contextmanager
    def _bounded(self, field: str):
        """The core's refusal to build an output past max_response, as RESOURCE_EXHAUSTED."""
        try:
            yield
        except core.OutputTooLarge:
            raise self._too_large(field) from None

    def _too_large(self, field: str) -> TooLarge:
        return TooLarge(f"{field}: the redacted text would be larger than the response limit of "
                        f"{self.max_response} bytes (--max-response-bytes)")

    @rpc
    def BatchRedact(self, request: pb.BatchRedactRequest, context) -> pb.BatchRedactResponse:
        """Each text as Redact would redact it alone (its own numbering); a text that
        fails gets its own error status and the others are redacted all the same."""
        if len(request.texts) > self.max_batch_texts:
            raise TooLarge(f"texts: more than the limit of {self.max_batch_texts} texts in one batch")
        detection = self._detection(request)
        redaction = self._redaction(request, detection)
        unit, include = convert.offset_unit(request.detection), request.include_entities
        response = pb.BatchRedactResponse()
        # room for every text's error status, then what the results may take of the response
        room = self.max_response - BATCH_ERROR_BYTES * len(request.texts)
        for i, text in enumerate(request.texts):
            live(context)
            result = response.results.add()
            try:
                text = convert.checked_text(text, f"texts[{i}]", self.limit)
                with self._bounded(f"texts[{i}]"):
                    if len(text) > core.PIECE_CODE_POINTS:
                        result.text, entities = self._in_pieces(text, detection, redaction, unit, include, True,
                                                                context, max(room, 0))
                        result.entities.extend(entities)
                    else:
                        out, found = core.redact_text(text, detection, redaction, unit, max_out=max(room, 0))
                        observe.found(found)
                        result.text = out
                        if include:
                            result.entities.extend(convert.entities(found, True))
                size = result.ByteSize()
                if size > room:
                    raise TooLarge(f"texts[{i}]: the response would be larger than the limit of "
                                   f"{self.max_response} bytes (--max-response-bytes)")
                room -= size + 8  # the result's tag and length
            except Abandoned:
                raise
            except Exception as exc:  # noqa: BLE001 - this text fails alone
                code, message = status_of("BatchRedact", exc)
                result.Clear()
                result.error.CopyFrom(status_proto(code, message))
        memory.after(sum(map(len, request.texts)))
        return response

    @rpc
    def IdentifyEntities(self, request: pb.IdentifyEntitiesRequest, context) -> pb.IdentifyEntitiesResponse:
        text = convert.checked_text(request.text, "text", self.limit)
        detection = self._detection(request)
        if len(text) > core.PIECE_CODE_POINTS:
            _, entities = self._in_pieces(text, detection, core.identify_only(detection),
                                          convert.offset_unit(request.detection), True, False, context)
            memory.after(len(request.text))
            return self._sized(pb.IdentifyEntitiesResponse(entities=entities), "entities")
        _, found = core.redact_text(text, detection, core.identify_only(detection),
                                    convert.offset_unit(request.detection))
        observe.found(found)
        memory.after(len(request.text))
        return self._sized(pb.IdentifyEntitiesResponse(entities=convert.entities(found, False)), "entities")

    @rpc
    def ApplyPolicy(self, request: pb.ApplyPolicyRequest, context) -> pb.ApplyPolicyResponse:
        policy = self.policies.current.get(request.policy)
        if policy is None and request.policy in self.policies.skipped:
            raise NotConfigured(f"policy: {request.policy!r} uses hash, encrypt or surrogate and this server has "
                                f"no keys (start it with --keys FILE; `redactd keys new` makes one)")
        if policy is None:
            raise NotFound(f"policy: no policy named {request.policy!r}")
        batch = bool(request.records)
        if batch == request.HasField("record"):
            raise BadRequest("record: exactly one of record or records is required")
        inputs = request.records if batch else [request.record]
        if sum(r.ByteSize() for r in inputs) > self.limit:
            raise TooLarge(f"{'records' if batch else 'record'}: larger than the limit of {self.limit} bytes")
        unknown = [t for t in request.exclude if t not in core.TYPE_OR_SUBTYPE]
        if unknown:
            raise BadRequest(f"exclude: unknown entity type {unknown[0]!r}")
        memory.after(sum(r.ByteSize() for r in inputs))
        response = pb.ApplyPolicyResponse(policy_version=policy.version)
        for i, record in enumerate(inputs):
            live(context)
            record = json_format.MessageToDict(record)
            if wire.nesting(record) > wire.MAX_NESTING:
                raise BadRequest(f"{f'records[{i}]' if batch else 'record'}: nested deeper than the limit of "
                                 f"{wire.MAX_NESTING} levels")
            out, actions = apply_policy(policy, record, frozenset(request.exclude))
            for a in actions:
                observe.field_types(a.entity_types)
            response.actions.extend(
                pb.PolicyAction(field=a.field, action=a.action, rule=max(a.rule, 0),
                                by_default=a.rule < 0, entity_types=a.entity_types, record=i)
                for a in actions)
            if not request.dry_run:
                (response.records.add() if batch else response.record).update(out)
        return self._sized(response, "records" if batch else "record")

    @rpc
    def Reveal(self, request: pb.RevealRequest, context) -> pb.RevealResponse:
        """Authorization happened in the interceptor; this only decrypts."""
        values = []
        for i, token in enumerate(request.tokens):
            try:
                values.append(core.decrypt_token(token, self.keys))
            except ValueError:
                raise BadRequest(f"tokens[{i}]: not a token of a configured key") from None
        return self._sized(pb.RevealResponse(values=values, text=core.reveal_text(request.text, self.keys)), "text")

    @rpc
    def StreamRedact(self, requests: Iterator[pb.StreamRedactRequest], context) -> Iterator[pb.StreamRedactResponse]:
        first = next(requests, None)
        if first is None:
            return
        if first.WhichOneof("message") != "config":
            raise BadRequest("config: the first message of a stream must carry config")
        stream, include = self._open_stream(first.config)
        for request in requests:
            kind = request.WhichOneof("message")
            if kind == "config":
                raise BadRequest("config: may be sent only once, as the first message")
            with self._bounded("text"):
                if kind == "text":
                    out, found = self._feed(stream, convert.checked_text(request.text, "text", self.limit), context)
                elif kind == "flush":
                    out, found = stream.flush()
                else:
                    continue
            observe.found(found)
            if out or (include and found) or kind == "flush":  # a flush is always answered
                yield self._sized(pb.StreamRedactResponse(
                    text=out, entities=convert.entities(found, True) if include else ()), "text")
        with self._bounded("text"):
            out, found = stream.flush()
        observe.found(found)
        if out or (include and found):
            yield self._sized(pb.StreamRedactResponse(
                text=out, entities=convert.entities(found, True) if include else ()), "text")

    @staticmethod
    def _feed(stream: core.StreamRedactor, text: str, context) -> tuple[str, list[core.Found]]:
        """A long chunk piece by piece, stopping as soon as the caller is gone."""
        if len(text) <= core.PIECE_CODE_POINTS:
            return stream.feed(text)
        outs, found = [], []
        for start in range(0, len(text), core.PIECE_CODE_POINTS):
            live(context)
            out, more = stream.feed(text[start:start + core.PIECE_CODE_POINTS])
            outs.append(out)
            found += more
        return "".join(outs), found

    def _open_stream(self, config: pb.StreamConfig) -> tuple[core.StreamRedactor, bool]:
        detection = convert.detection(config.detection, "config.detection", self.phone_regions)
        redaction = convert.redaction(config.redaction, "config.redaction", self.keys,
                                      detection.custom.types if detection.custom else frozenset())
        if config.identify_only:
            redaction = core.identify_only(detection)
        include = config.include_entities or config.identify_only
        # the entities found, also when only counted (service.observe)
        return core.StreamRedactor(detection, redaction, convert.offset_unit(config.detection),
                                   include or observe.counting(),
                                   max_out=self.max_response), include


ECHO_SERVICE = "redactd.bench.Echo"


def echo_handlers() -> dict[str, grpc.RpcMethodHandler]:
    """The no-op baseline `make bench` compares Redact with, served the same way: registered
    like RedactorService's methods, its requests parsed by the same deserializer."""
    def echo(request: pb.RedactRequest, context) -> pb.RedactResponse:
        return pb.RedactResponse(text=getattr(request, "text", ""))  # (wire.Undecodable has none)

    return {"Echo": grpc.unary_unary_rpc_method_handler(
        echo, request_deserializer=wire.parser(pb.RedactRequest),
        response_serializer=pb.RedactResponse.SerializeToString)}
