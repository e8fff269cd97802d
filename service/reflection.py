"""Server reflection, v1 and v1alpha (grpcurl, Postman, grpcui and buf curl ask for either).

grpcio-reflection ships only v1alpha. The two versions are the same protocol (the same
messages, field numbers and method) under another package name, so v1 is served by the
same servicer: its descriptors are v1alpha's with the package renamed, added to the
default pool so that v1 can describe itself, and its bytes parse as v1alpha's messages.
"""
from __future__ import annotations

from typing import Iterable

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection
from grpc_reflection.v1alpha import reflection_pb2 as v1alpha

V1_PACKAGE = "grpc.reflection.v1"
V1_SERVICE = f"{V1_PACKAGE}.ServerReflection"
V1ALPHA_SERVICE = reflection.SERVICE_NAME


def _add_v1_descriptors() -> None:
    """grpc/reflection/v1/reflection.proto in the default pool, made from v1alpha's."""
    pool = descriptor_pool.Default()
    try:
        pool.FindServiceByName(V1_SERVICE)
        return  # added already (or by a v1 module of grpcio-reflection, should one exist)
    except KeyError:
        pass
    proto = descriptor_pb2.FileDescriptorProto()
    v1alpha.DESCRIPTOR.CopyToProto(proto)
    old, new = f".{proto.package}.", f".{V1_PACKAGE}."
    proto.name, proto.package = "grpc/reflection/v1/reflection.proto", V1_PACKAGE
    messages = list(proto.message_type)
    while messages:
        message = messages.pop()
        messages.extend(message.nested_type)
        for field in message.field:
            if field.type_name.startswith(old):
                field.type_name = new + field.type_name[len(old):]
    for service in proto.service:
        for method in service.method:
            method.input_type = new + method.input_type[len(old):]
            method.output_type = new + method.output_type[len(old):]
    pool.Add(proto)


def enable(service_names: Iterable[str], server: grpc.Server) -> None:
    """Reflection v1 and v1alpha for `service_names` (both reflection services are added)."""
    _add_v1_descriptors()
    names = (*service_names, V1_SERVICE, V1ALPHA_SERVICE)
    servicer = reflection.ReflectionServicer(names)
    reflection.enable_server_reflection(names, server)  # v1alpha: grpcio-reflection's own handler
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(V1_SERVICE, {
        "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
            servicer.ServerReflectionInfo,
            request_deserializer=v1alpha.ServerReflectionRequest.FromString,
            response_serializer=v1alpha.ServerReflectionResponse.SerializeToString),
    }),))
