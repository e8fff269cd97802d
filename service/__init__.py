"""redactd's gRPC service: servicer, policies, configuration and CLI."""
