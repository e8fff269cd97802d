"""redactd-client: the typed Python client of redactd and the API's generated modules.

Pure Python (no compiler): protoc (grpcio-tools, a wheel) generates
redactd_client/api/redact/v1/*_pb2.py(i) from redactd_client/protos/ at build time.
The .proto is the repository's protos/redact/v1/redact.proto (a symbolic link in the
source tree; a copy in the wheel and the sdist), shipped for other languages' stubs.
"""
import pathlib
import re

from setuptools import setup

ROOT = pathlib.Path(__file__).resolve().parent
PROTO_DIR = ROOT / "redactd_client" / "protos"
API_DIR = ROOT / "redactd_client" / "api"
PACKAGE = "redactd_client.api"


def generate_protos() -> None:
    """protoc -> redactd_client/api/redact/v1/*_pb2.py(i), imports made package-relative."""
    import grpc_tools
    from google.rpc import status_pb2  # googleapis-common-protos ships google/rpc/*.proto
    from grpc_tools import protoc

    protos = sorted(str(p.relative_to(PROTO_DIR)) for p in PROTO_DIR.rglob("*.proto"))
    well_known = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    googleapis = pathlib.Path(status_pb2.__file__).parents[2]
    API_DIR.mkdir(parents=True, exist_ok=True)
    args = ["grpc_tools.protoc", f"-I{PROTO_DIR}", f"-I{well_known}", f"-I{googleapis}",
            f"--python_out={API_DIR}", f"--pyi_out={API_DIR}", f"--grpc_python_out={API_DIR}", *protos]
    if protoc.main(args) != 0:
        raise RuntimeError("protoc failed")
    # Generated code imports `redact.v1...`; it lives under redactd_client.api.
    for path in [*API_DIR.rglob("*.py"), *API_DIR.rglob("*.pyi")]:  # (not __pycache__'s .pyc)
        text = path.read_text()
        fixed = re.sub(r"^from redact\.v1 import", f"from {PACKAGE}.redact.v1 import", text, flags=re.M)
        if fixed != text:
            path.write_text(fixed)
    for pkg in {p.parent for p in API_DIR.rglob("*_pb2.py")} | {API_DIR}:
        while pkg != API_DIR.parent:
            (pkg / "__init__.py").touch()
            pkg = pkg.parent


generate_protos()  # before setup(), so that the generated packages are found

setup(
    packages=["redactd_client", "redactd_client.api", "redactd_client.api.redact",
              "redactd_client.api.redact.v1"],
    package_data={"redactd_client": ["py.typed", "protos/redact/v1/*.proto"],
                  "redactd_client.api.redact.v1": ["*.pyi"]},
)
