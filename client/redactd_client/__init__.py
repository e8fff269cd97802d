"""redactd's typed Python client.

    from redactd_client import RedactClient

    with RedactClient("localhost:50051") as client:
        print(client.redact("call 212-555-0199").text)    # call [PHONE_NUMBER]

The API's generated modules are `redactd_client.api.redact.v1` (redact_pb2,
redact_pb2_grpc) and its .proto is redactd_client/protos/redact/v1/redact.proto.
"""
from redactd_client.client import (PolicyResult, RedactClient, Redacted, RedactError, detection_config,
                                   redaction_config)
from redactd_client.api.redact.v1 import redact_pb2 as pb

__all__ = ["RedactClient", "Redacted", "PolicyResult", "RedactError", "detection_config", "redaction_config", "pb"]
