"""Authorization: who is calling, and may they ask for what the request asks.

One interceptor, before the servicer runs. With a callers file (service.callers) a
caller is named by its bearer token's SHA-256 and/or its mTLS certificate subject;
an unknown caller gets UNAUTHENTICATED, a use it was not granted PERMISSION_DENIED
naming the permission. Without one, every caller may use every RPC except Reveal,
and keyed operators (and policies that use them) only with
--allow-keyed-operators-without-auth: deterministic tokens of low-entropy values
are an oracle for whoever may make them (README: Callers and permissions).

Every refusal and every Reveal is one audit line (logger `redactd.audit`): caller,
RPC, permission, outcome; never a token, a text or a value.
"""
from __future__ import annotations

import functools
import itertools
import logging
from typing import Callable

import grpc
from google.protobuf import message

from redactd import core, observe
from redactd.callers import Caller, Callers
from redactd.policies import Policy, PolicyStore

AUDIT = logging.getLogger("redactd.audit")
REDACTOR = "/redact.v1.RedactorService/"
OPEN = ("/grpc.health.v1.Health/",)      # health probes need no caller
CONFIGURED = ("Redact", "BatchRedact", "StreamRedact", "ApplyPolicy")  # requests that may ask for keyed operators
KIND_OF = {core.Hash: "hash", core.Encrypt: "encrypt", core.Surrogate: "surrogate"}
NO_AUTH_FLAG = "--allow-keyed-operators-without-auth"


class Refusal(Exception):
    def __init__(self, code: grpc.StatusCode, message: str, permission: str) -> None:
        super().__init__(message)
        self.code, self.message, self.permission = code, message, permission


def policy_operators(policy: Policy) -> list[str]:
    """The keyed operator kinds a policy uses: its rules' and its scans' redactions'."""
    ops = [r.operator for r in policy.rules]
    ops += [op for r in policy.rules if r.redaction for op in r.redaction.operators.values()]
    ops += list(policy.redaction.operators.values())
    return sorted({KIND_OF[type(op)] for op in ops if type(op) in KIND_OF})


def keyed_operators(rpc: str, request) -> list[tuple[str, str]]:
    """(field, kind) of every keyed operator a request's redaction config asks for."""
    if rpc == "StreamRedact":
        if request.WhichOneof("message") != "config" or not request.config.HasField("redaction"):
            return []
        field, redaction = "config.redaction", request.config.redaction
    elif rpc in ("Redact", "BatchRedact") and request.HasField("redaction"):
        field, redaction = "redaction", request.redaction
    else:
        return []
    return [(f"{field}.operators[{name}]", kind) for name, op in sorted(redaction.operators.items())
            if (kind := op.WhichOneof("kind")) in KIND_OF.values()]


def bearer_token(metadata) -> str | None:
    for key, value in metadata or ():
        if key == "authorization" and value.startswith("Bearer "):
            return value[7:]
    return None


def peer_subject(context: grpc.ServicerContext) -> str | None:
    """The verified client certificate's subject (RFC 4514, as gRPC prints it), if any."""
    subject = context.auth_context().get("x509_subject")
    return subject[0].decode() if subject else None


def audit(caller: Caller | None, rpc: str, permission: str, outcome: str) -> None:
    log = AUDIT.info if outcome == "allowed" else AUDIT.warning
    log("caller=%s rpc=%s permission=%s outcome=%s", caller.name if caller else "unknown", rpc,
        permission.replace(" ", ""), outcome)


class Authorization(grpc.ServerInterceptor):
    def __init__(self, callers: Callers | None, policies: PolicyStore, allow_keyed: bool) -> None:
        self.callers = callers        # swapped whole on reload
        self.policies = policies
        self.allow_keyed = allow_keyed
        self._checked: dict[grpc.RpcMethodHandler, grpc.RpcMethodHandler] = {}  # handler -> with its check

    def intercept_service(self, continuation, details):
        handler = continuation(details)
        method = details.method
        if handler is None or method.startswith(OPEN):
            return handler
        rpc = method.removeprefix(REDACTOR) if method.startswith(REDACTOR) else method
        if self.callers is None and rpc != "Reveal" and (self.allow_keyed or rpc not in CONFIGURED):
            return handler  # open, and nothing to check
        # made once per method, not per call (the check reads the call's token from its context)
        checked = self._checked.get(handler)
        if checked is None:
            if len(self._checked) > 64:  # the server's methods, unless handlers are made per call
                self._checked.clear()
            checked = self._checked[handler] = _wrap(handler, rpc, functools.partial(self.check, rpc))
        return checked

    def check(self, rpc: str, request, context) -> None:
        """Abort the call unless it may go on; `request` is the first message."""
        callers = self.callers  # one read: a reload may swap it meanwhile
        caller = None
        try:
            if callers is not None:
                caller = callers.identify(bearer_token(context.invocation_metadata()),
                                          peer_subject(context) if callers.read_subject else None)
                observe.note_caller(caller.name if caller else "unknown")
                self.check_caller(caller, rpc)
            elif rpc == "Reveal":
                raise Refusal(grpc.StatusCode.PERMISSION_DENIED,
                              "Reveal: needs a callers file that grants operators: [reveal]", "operators: reveal")
            if rpc == "Reveal":
                audit(caller, rpc, "operators: reveal", "allowed")
            else:
                self.check_request(caller, rpc, request)
        except Refusal as refusal:
            audit(caller, rpc, refusal.permission, refusal.code.name)
            context.abort(refusal.code, refusal.message)

    @staticmethod
    def check_caller(caller: Caller | None, rpc: str) -> None:
        if caller is None:
            raise Refusal(grpc.StatusCode.UNAUTHENTICATED,
                          "authorization: not a known caller; send a bearer token or a client certificate "
                          "that the callers file lists", "caller")
        if rpc == "Reveal":
            if "reveal" not in caller.operators:
                raise _lacks(caller, "Reveal", "operators: reveal")
        elif rpc in CONFIGURED + ("IdentifyEntities",) and rpc not in caller.rpcs:
            raise _lacks(caller, rpc, f"rpcs: {rpc}")

    def check_request(self, caller: Caller | None, rpc: str, request) -> None:
        """`caller`: the listed caller, or None without a callers file."""
        if not isinstance(request, message.Message):
            return  # a request that did not parse: the servicer refuses it before any work
        if rpc == "ApplyPolicy":
            policy = self.policies.current.get(request.policy)
            known = request.policy if policy else "<unknown>"  # no caller's string in a log
            if caller is not None and not caller.may_apply(request.policy):
                raise _lacks(caller, "policy", f"policies: {known}", request.policy)
            if caller is None and not self.allow_keyed and policy and (kinds := policy_operators(policy)):
                raise Refusal(grpc.StatusCode.PERMISSION_DENIED,
                              f"policy: {request.policy!r} uses {', '.join(kinds)}, which needs {NO_AUTH_FLAG} "
                              "or a callers file", f"operators: {kinds[0]}")
            return
        for field, kind in keyed_operators(rpc, request):
            if caller is not None and kind not in caller.operators:
                raise _lacks(caller, field, f"operators: {kind}")
            if caller is None and not self.allow_keyed:
                raise Refusal(grpc.StatusCode.PERMISSION_DENIED,
                              f"{field}: {kind} needs {NO_AUTH_FLAG} or a callers file", f"operators: {kind}")


def _lacks(caller: Caller, field: str, permission: str, shown: str | None = None) -> Refusal:
    name = permission if shown is None else f"{permission.split(':')[0]}: {shown}"
    return Refusal(grpc.StatusCode.PERMISSION_DENIED,
                   f"{field}: caller {caller.name!r} lacks permission {name}", permission)


def _wrap(handler: grpc.RpcMethodHandler, rpc: str,
          check: Callable[[object, grpc.ServicerContext], None]) -> grpc.RpcMethodHandler:
    """The handler, with `check(first request, context)` run before its behaviour."""
    if not handler.request_streaming:
        kind = "unary_stream" if handler.response_streaming else "unary_unary"
        behaviour = getattr(handler, kind)

        def unary(request, context):
            check(request, context)
            return behaviour(request, context)
        return handler._replace(**{kind: unary})
    kind = "stream_stream" if handler.response_streaming else "stream_unary"
    behaviour = getattr(handler, kind)

    def streaming(requests, context):
        if rpc != "StreamRedact":  # reflection: the caller only
            check(None, context)
            return behaviour(requests, context)
        check(None, context)  # who, before reading anything
        first = next(requests, None)
        check(first, context)
        return behaviour(itertools.chain(() if first is None else (first,), requests), context)
    return handler._replace(**{kind: streaming})
