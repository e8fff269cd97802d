"""Build: compiles the Cython core and generates the gRPC modules from protos/.

REDACTD_DEBUG=1 turns bounds checks, wraparound checks and line tracing back on
(CI runs the suite once that way).
"""
import os
import pathlib
import re

from setuptools import Extension, setup

ROOT = pathlib.Path(__file__).parent
DEBUG = os.environ.get("REDACTD_DEBUG", "") not in ("", "0")

# Every compiler directive in one place.
DIRECTIVES = {
    "language_level": 3,
    "boundscheck": DEBUG,
    "wraparound": DEBUG,
    "initializedcheck": DEBUG,
    "cdivision": True,
    "embedsignature": True,
    "linetrace": DEBUG,
    "profile": False,
}
MACROS = [("CYTHON_TRACE_NOGIL", "1")] if DEBUG else []
CFLAGS = ["-O0", "-g"] if DEBUG else ["-O3"]

CORE_MODULES = ["_scan", "_mask"]

PROTO_DIR = ROOT / "protos"
API_DIR = ROOT / "service" / "api"


def generate_protos() -> None:
    """protoc -> service/api/redact/v1/*_pb2.py(i), imports made package-relative."""
    from grpc_tools import protoc
    import grpc_tools

    protos = sorted(str(p.relative_to(PROTO_DIR)) for p in PROTO_DIR.rglob("*.proto"))
    well_known = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    API_DIR.mkdir(parents=True, exist_ok=True)
    args = ["grpc_tools.protoc", f"-I{PROTO_DIR}", f"-I{well_known}",
            f"--python_out={API_DIR}", f"--pyi_out={API_DIR}",
            f"--grpc_python_out={API_DIR}", *protos]
    if protoc.main(args) != 0:
        raise RuntimeError("protoc failed")
    # Generated code imports `redact.v1...`; it lives under `service.api`.
    for path in API_DIR.rglob("*.py*"):
        text = path.read_text()
        fixed = re.sub(r"^from redact\.v1 import", "from service.api.redact.v1 import",
                       text, flags=re.M)
        if fixed != text:
            path.write_text(fixed)
    for pkg in {p.parent for p in API_DIR.rglob("*_pb2.py")} | {API_DIR}:
        while pkg != API_DIR.parent:
            (pkg / "__init__.py").touch()
            pkg = pkg.parent


def extensions():
    from Cython.Build import cythonize

    exts = [Extension(f"core.{name}", [f"core/{name}.pyx"],
                      extra_compile_args=CFLAGS, define_macros=MACROS)
            for name in CORE_MODULES]
    return cythonize(exts, compiler_directives=DIRECTIVES, annotate=DEBUG,
                     include_path=["core"], force=DEBUG)


# Generated before setup() so that the generated packages are found.
generate_protos()

setup(
    packages=["core", "service", "service.api", "service.api.redact", "service.api.redact.v1"],
    package_data={"core": ["*.pyi", "*.pxd", "py.typed", "data/*"],
                  "service": ["policies/*.json"],
                  "service.api.redact.v1": ["*.pyi"]},
    ext_modules=extensions(),
    zip_safe=False,
)
