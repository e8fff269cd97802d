"""Requests gRPC cannot parse are bad input, not internal errors.

grpcio turns an exception in a request deserializer into `INTERNAL: Exception
deserializing request!` with a traceback in the log. Every method here parses
with `parser(cls)` instead: a message that does not parse (a Struct nested past
protobuf's recursion limit, a string field that is not UTF-8) arrives at the
servicer as an `Undecodable` naming the top-level field at fault, and the `rpc`
decorator answers `INVALID_ARGUMENT` with it. The diagnosis walks the wire
format only on that error path, skipping payloads it need not read, so its work
is linear in the message's size.
"""
from __future__ import annotations

from typing import Callable

from google.protobuf import message
from google.protobuf.descriptor import Descriptor, FieldDescriptor

MAX_NESTING = 32  # JSON levels a record (a Struct) may have: objects and lists inside each other


class Undecodable:
    """A request that did not parse; `reason` is `field: why`, never content."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def parser(cls: type[message.Message]) -> Callable[[bytes], object]:
    """A request deserializer that never raises."""
    from_string = cls.FromString

    def parse(data: bytes):
        try:
            return from_string(data)
        except message.DecodeError:
            return Undecodable(diagnose(cls.DESCRIPTOR, data))
    return parse


def checked_handlers(add_to_server, servicer) -> dict:
    """The method handlers generated code would register, with our deserializers."""
    class Capture:
        handlers: dict = {}

        def add_generic_rpc_handlers(self, _handlers) -> None:
            pass

        def add_registered_method_handlers(self, _service, handlers) -> None:
            Capture.handlers = handlers

    add_to_server(servicer, Capture())
    out = {}
    for name, handler in Capture.handlers.items():
        cls = getattr(handler.request_deserializer, "__self__", None)  # Message.FromString's class
        if not (isinstance(cls, type) and issubclass(cls, message.Message)):
            raise TypeError(f"{name}: not a generated protobuf deserializer")
        out[name] = handler._replace(request_deserializer=parser(cls))
    return out


class _Short(Exception):
    pass


def _varint(data: bytes, i: int, end: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if i >= end or shift > 63:
            raise _Short
        b = data[i]
        value |= (b & 0x7F) << shift
        i += 1
        if b < 0x80:
            return value, i
        shift += 7


def diagnose(desc: Descriptor, data: bytes) -> str:
    """`field: why` for a message that does not parse; the field is the request's own
    (with its index when repeated)."""
    seen: dict[str, int] = {}
    i, end = 0, len(data)
    try:
        while i < end:
            start = i
            key, i = _varint(data, i, end)
            field = desc.fields_by_number.get(key >> 3)
            name = field.name if field is not None else f"field {key >> 3}"
            if field is not None and field.is_repeated:
                seen[name] = seen.get(name, -1) + 1
                name = f"{name}[{seen[name]}]"
            i, why = _skip(field, key & 7, data, i, end, 1)
            if why:
                return f"{name}: {why}"
            if i <= start:
                break
    except _Short:
        return "request: truncated or malformed message"
    return "request: not a valid message"


def _skip(field, wire: int, data: bytes, i: int, end: int, depth: int) -> tuple[int, str]:
    """Past one field's payload; a reason when it is what fails to parse."""
    if wire == 0:
        return _varint(data, i, end)[1], ""
    if wire == 1:
        return i + 8, ""
    if wire == 5:
        return i + 4, ""
    if wire != 2:
        return end, "malformed message"
    size, i = _varint(data, i, end)
    if i + size > end:
        raise _Short
    if field is not None and field.type == FieldDescriptor.TYPE_STRING:
        try:
            data[i:i + size].decode("utf-8")
        except UnicodeDecodeError:
            return i + size, "not valid UTF-8"
    elif field is not None and field.type == FieldDescriptor.TYPE_MESSAGE:
        why = _walk(field.message_type, data, i, i + size, depth + 1)
        if why:
            return i + size, why
    return i + size, ""


def _walk(desc: Descriptor, data: bytes, i: int, end: int, depth: int) -> str:
    # protobuf stops at 100 nested messages; a Struct level is three (Struct, its map
    # entry, Value), so anything near 100 is nested far past MAX_NESTING
    if depth >= 96:
        return f"nested deeper than the limit of {MAX_NESTING} levels"
    while i < end:
        key, i = _varint(data, i, end)
        i, why = _skip(desc.fields_by_number.get(key >> 3), key & 7, data, i, end, depth)
        if why:
            return why
    return ""


def nesting(value) -> int:
    """How deep objects and lists sit inside each other in a record (a JSON value)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > deepest:
            deepest = depth
            if deepest > MAX_NESTING:
                return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest
