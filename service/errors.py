"""Errors the servicer turns into gRPC status codes.

Messages name the field and the reason, never the request's text or values.
"""
from __future__ import annotations

import functools
import inspect
import logging
import threading
import traceback
from collections import Counter

import grpc
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from redactd.core import NumberingFull
from redactd.wire import Undecodable

log = logging.getLogger("redactd")


class BadRequest(ValueError):
    """INVALID_ARGUMENT: `field: reason`. The status also carries a google.rpc.BadRequest
    detail with the field violation (field path and reason), for clients to read."""


class TooLarge(ValueError):
    """RESOURCE_EXHAUSTED: a size limit was passed."""


class NotFound(LookupError):
    """NOT_FOUND: e.g. an unknown policy name."""


class NotConfigured(ValueError):
    """FAILED_PRECONDITION: the request needs server configuration it lacks (keys)."""


class Abandoned(Exception):
    """The caller cancelled or its deadline passed: the work stops where it is."""


# calls stopped because their caller was gone, by method (a counter, never values)
abandoned: Counter[str] = Counter()
_abandoned_lock = threading.Lock()


def live(context: grpc.ServicerContext) -> None:
    """Raise Abandoned when the call was cancelled or is past its deadline (a check
    between pieces of work: texts of a batch, records, pieces of a long text)."""
    if not context.is_active() or context.time_remaining() <= 0:
        raise Abandoned()


STATUS = ((BadRequest, grpc.StatusCode.INVALID_ARGUMENT),
          (TooLarge, grpc.StatusCode.RESOURCE_EXHAUSTED),
          (NumberingFull, grpc.StatusCode.RESOURCE_EXHAUSTED),
          (NotFound, grpc.StatusCode.NOT_FOUND),
          (NotConfigured, grpc.StatusCode.FAILED_PRECONDITION))


def status_of(method: str, exc: Exception) -> tuple[grpc.StatusCode, str]:
    """The status code and message an exception becomes. A bug is logged where it
    happened, never with its message (which may quote input), and becomes INTERNAL."""
    for kind, code in STATUS:
        if isinstance(exc, kind):
            return code, str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in frames[-4:])
    log.error("internal error in %s: %s at %s", method, type(exc).__name__, where)
    return grpc.StatusCode.INTERNAL, "internal error; the request was not processed"


def status_proto(code: grpc.StatusCode, message: str) -> status_pb2.Status:
    """The google.rpc.Status of an error: for INVALID_ARGUMENT, whose messages are always
    `field: reason`, with a google.rpc.BadRequest detail naming the field."""
    status = status_pb2.Status(code=code.value[0], message=message)
    if code is grpc.StatusCode.INVALID_ARGUMENT:
        field, _, reason = message.partition(": ")
        violation = error_details_pb2.BadRequest.FieldViolation(field=field, description=reason or message)
        status.details.add().Pack(error_details_pb2.BadRequest(field_violations=[violation]))
    return status


def _gone(method: str) -> None:
    with _abandoned_lock:
        abandoned[method] += 1
    log.debug("%s: the caller cancelled or its deadline passed; stopped", method)


def _abort(context: grpc.ServicerContext, method: str, exc: Exception) -> None:
    if isinstance(exc, Abandoned) or (isinstance(exc, grpc.RpcError) and not context.is_active()):
        # the caller is gone (cancelled, past its deadline, disconnected; a stream's requests
        # raise RpcError then): nobody to answer, and not an error of ours. Any other
        # exception is a bug, and logged as one even when the caller has gone.
        _gone(method)
        # sent only when the call is still open (its deadline passed a moment ago)
        context.abort(grpc.StatusCode.DEADLINE_EXCEEDED, "deadline: passed before the work was done")
    context.abort_with_status(rpc_status.to_status(status_proto(*status_of(method, exc))))


def rpc(method):
    """Map domain errors to status codes; never let an exception's text out.

    Servicer methods raise BadRequest / TooLarge / NotFound instead of calling
    context.abort themselves.
    """
    name = method.__name__
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def stream(self, request, context):
            try:
                yield from method(self, _parsed(request), context)
                if not context.is_active():  # the requests ended because the call did
                    _gone(name)
            except GeneratorExit:  # grpc stopped asking: the call ended while a response was sent
                if not context.is_active():
                    _gone(name)
                raise
            except Exception as exc:  # noqa: BLE001 - every error becomes a status
                _abort(context, name, exc)
        return stream

    @functools.wraps(method)
    def unary(self, request, context):
        try:
            if isinstance(request, Undecodable):
                raise BadRequest(request.reason)
            return method(self, request, context)
        except Exception as exc:  # noqa: BLE001
            _abort(context, name, exc)
    return unary


def _parsed(requests):
    """A stream's messages; one that did not parse ends the stream with INVALID_ARGUMENT."""
    for request in requests:
        if isinstance(request, Undecodable):
            raise BadRequest(request.reason)
        yield request
