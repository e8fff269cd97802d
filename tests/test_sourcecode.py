"""The typed surface checked: the .pyi stubs of the compiled modules against the modules
(mypy's stubtest, and one call of each function against its stub's return type), mypy over
core's Python modules, and the wheel's py.typed markers and stubs."""
from __future__ import annotations

import ast
import fnmatch
import os
import pathlib
import subprocess
import sys
import types
import typing
from collections.abc import Iterable

import pytest
import setuptools

from redactd.core import _mask, _scan
from redactd.core.redact import FOUND, Detection, Redaction, plan

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMPILED = {"redactd.core._scan": _scan, "redactd.core._mask": _mask}
TYPED_PACKAGES = ["core", "service"]  # folders; each ships a py.typed


def mypy_path() -> pathlib.Path:
    """The installed names as a tree of links for mypy, which cannot follow the editable
    install's import hook: redactd/core -> core/ (the core's modules and stubs)."""
    tree = ROOT / "build" / "mypy"
    (tree / "redactd").mkdir(parents=True, exist_ok=True)
    (tree / "redactd" / "__init__.pyi").touch()
    link = tree / "redactd" / "core"
    if not link.is_symlink():
        link.symlink_to(ROOT / "core", target_is_directory=True)
    return tree


def run_mypy(module: str, *args: str) -> str:
    pytest.importorskip("mypy", reason="mypy is not installed (it is in the test extra: "
                                       "pip install -e '.[test]')")
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "MYPYPATH": str(mypy_path())})
    assert done.returncode == 0, f"{module} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def test_stubs_match_the_compiled_modules():
    # names, parameters, defaults and constants' values; exceptions are in the allowlist
    # (an allowlist entry left unused fails it too: the stubs were found and compared)
    run_mypy("mypy.stubtest", *COMPILED, "--allowlist", "tests/stubtest-allowlist.txt")


def test_stubtest_sees_a_stub_that_lies(tmp_path):
    """The check above has teeth: a stub tree whose _scan.pyi declares a function the
    module lacks fails it."""
    pytest.importorskip("mypy")
    tree = tmp_path / "redactd"
    (tree / "core").mkdir(parents=True)
    (tree / "__init__.pyi").touch()
    for source in [*ROOT.glob("core/*.py"), *ROOT.glob("core/*.pyi")]:
        (tree / "core" / source.name).write_text(source.read_text())
    with open(tree / "core" / "_scan.pyi", "a") as f:
        f.write("\ndef not_in_the_module() -> int: ...\n")
    done = subprocess.run([sys.executable, "-m", "mypy.stubtest", "redactd.core._scan", "--concise",
                           "--ignore-missing-stub"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "MYPYPATH": str(tmp_path)})
    assert done.returncode == 1 and "not_in_the_module" in done.stdout


def test_core_python_modules_type_check():
    modules = ["redactd.core" + ("" if p.stem == "__init__" else f".{p.stem}") for p in ROOT.glob("core/*.py")]
    assert "Success" in run_mypy("mypy", *(arg for m in sorted(modules) for arg in ("-m", m)))


# ---------------------------------------------------------------- return types

def stub_namespace(module: str) -> dict[str, typing.Any]:
    """The stub executed as Python: its functions carry the annotations it declares."""
    path = ROOT / (module.removeprefix("redactd.").replace(".", "/") + ".pyi")
    namespace: dict[str, typing.Any] = {}
    exec(compile(path.read_text(), str(path), "exec", dont_inherit=True), namespace)
    return namespace


def conforms(value: object, hint: typing.Any) -> bool:
    """Whether `value` is of type `hint`, element by element (stubtest does not look
    at return types or inside containers)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is typing.Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, arg) for arg in args)
    if origin is None:
        return isinstance(value, hint)
    if not isinstance(value, origin):
        return False
    if origin is tuple and args[-1:] != (...,):
        return len(value) == len(args) and all(map(conforms, value, args))
    if origin is dict:
        return all(conforms(k, args[0]) and conforms(v, args[1]) for k, v in value.items())
    return all(conforms(item, args[0]) for item in value)  # tuple[X, ...], list, set


def filled(value: object) -> bool:
    """No empty container anywhere in `value`: conforms() saw every element type."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return True
    return bool(value) and all(map(filled, value.values() if isinstance(value, dict) else value))


# one call of each function in the stubs, with no empty container in its result
CALLS = {
    ("redactd.core._scan", "scan"): ("mail jane@example.com or call 212-555-0199", 0),
    ("redactd.core._scan", "context_score"): ("call 212-555-0199", 5, 17,
                                      _scan.TYPE_NAMES.index("PHONE_NUMBER")),
    ("redactd.core._scan", "gazetteer_flags"): ("john",),
    ("redactd.core._scan", "phone_e164"): ("030 1234567", (_scan.PHONE_REGIONS["DE"],)),
    ("redactd.core._scan", "phone_possible"): ("+49 30 1234567",),
    ("redactd.core._mask", "mask"): ("4111 1111 1111 1111",),
    ("redactd.core._scan", "redact_scan"): (plan(Detection.create(), Redaction()), "mail jane@example.com or call 212-555-0199",
                                    0, True, 0, None, 0, 0, 0, FOUND),
}


def test_every_stub_function_has_a_call():
    stubbed = {(module, name) for module in COMPILED
               for name, value in stub_namespace(module).items()
               if isinstance(value, types.FunctionType) and not name.startswith("_")}
    assert stubbed == set(CALLS)


@pytest.mark.parametrize("module,name", CALLS)
def test_result_has_the_stub_return_type(module, name):
    hint = stub_namespace(module)[name].__annotations__["return"]
    result = getattr(COMPILED[module], name)(*CALLS[module, name])
    assert filled(result) and conforms(result, hint), (result, hint)


@pytest.mark.parametrize("module", COMPILED)
def test_constants_have_the_stub_types(module):
    namespace = stub_namespace(module)
    for name, hint in namespace.get("__annotations__", {}).items():
        if name.startswith("_"):  # type aliases: not in the module
            continue
        value = getattr(COMPILED[module], name)
        if hint is typing.Final:  # `X: Final = 1`: the stub states the value
            assert value == namespace[name], name
        else:
            assert typing.get_origin(hint) is typing.Final, name
            assert filled(value) and conforms(value, typing.get_args(hint)[0]), name


def test_conforms():
    assert conforms((1, 2.0), tuple[int, float]) and not conforms((1, 2.0, 3), tuple[int, float])
    assert conforms((), tuple[str, ...]) and not conforms(("a", 1), tuple[str, ...])
    assert conforms({"a": 1}, dict[str, int]) and not conforms({"a": "1"}, dict[str, int])
    assert conforms([(1,)], list[tuple[int]]) and not conforms({1}, list[int])
    assert conforms("a", str | None) and conforms(None, str | None) and not conforms(1, str | None)
    assert filled(([1], {"a": "b"})) and not filled(([1], {})) and not filled([""][1:])


# ---------------------------------------------------------------- the wheel

def setup_arguments() -> dict[str, typing.Any]:
    """setup.py's literal `packages` and `package_data`, read without running it (it
    generates code and cythonizes)."""
    tree = ast.parse((ROOT / "setup.py").read_text())
    call = next(node for node in ast.walk(tree) if isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "setup")
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords
            if k.arg in ("packages", "package_data", "package_dir")}


def installed_path(path: pathlib.PurePath) -> pathlib.PurePath:
    """A source path (core/_scan.pyi) as the wheel has it (redactd/core/_scan.pyi)."""
    folders = {folder: package for package, folder in setup_arguments()["package_dir"].items()}
    package = folders[path.parts[0]]
    return pathlib.PurePath(*package.split("."), *path.parts[1:])


def typing_files() -> set[str]:
    """Each typed package's py.typed and every stub under it, as paths from the root."""
    stubs = {p.relative_to(ROOT).as_posix() for package in TYPED_PACKAGES
             for p in ROOT.glob(f"{package}/**/*.pyi")}
    assert {"core/_scan.pyi", "core/_mask.pyi"} <= stubs
    return stubs | {f"{package}/py.typed" for package in TYPED_PACKAGES}


def test_package_data_lists_py_typed_and_every_stub():
    # setuptools >= 69 adds *.pyi and py.typed by itself; the build may use 68
    package_data = setup_arguments()["package_data"]

    def listed(path: pathlib.PurePath) -> bool:
        installed = installed_path(path)
        patterns = package_data.get(".".join(installed.parent.parts), [])
        return any(fnmatch.fnmatch(installed.name, pattern) for pattern in patterns)

    assert not [path for path in map(pathlib.PurePath, typing_files()) if not listed(path)]


def test_wheel_ships_py_typed_and_every_stub(tmp_path, monkeypatch):
    # the files setuptools' build_py puts in the wheel beside the compiled modules; an
    # editable install lists none of them in importlib.metadata.files('redactd')
    monkeypatch.chdir(ROOT)
    dist = setuptools.Distribution({**setup_arguments(), "script_name": "setup.py"})
    build = dist.get_command_obj("build_py")
    build.build_lib = str(tmp_path)
    build.ensure_finalized()
    shipped = {pathlib.Path(p).relative_to(tmp_path).as_posix()
               for p in build.get_outputs(include_bytecode=False)}
    assert not {installed_path(pathlib.PurePath(p)).as_posix() for p in typing_files()} - shipped
