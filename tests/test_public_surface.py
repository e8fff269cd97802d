"""The service uses only the core's public surface: the names `core/__init__.py` exports."""
from __future__ import annotations

import ast
import pathlib

import pytest

from redactd import core

SERVICE = sorted((pathlib.Path(__file__).parent.parent / "service").glob("*.py"))


def core_uses(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of every way a module reaches into core: `import redactd.core.x`,
    `from redactd.core.x import y`, `from redactd.core import y`, `core.y`."""
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            uses += [(node.lineno, a.name) for a in node.names if a.name.startswith("redactd.core.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("redactd.core."):
                uses.append((node.lineno, node.module))
            elif node.module == "redactd.core":
                uses += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "core":
            uses.append((node.lineno, node.attr))
    return uses


def test_core_exports_what_it_lists():
    assert [name for name in core.__all__ if not hasattr(core, name)] == []


@pytest.mark.parametrize("path", SERVICE, ids=lambda p: p.name)
def test_service_uses_only_what_core_exports(path):
    outside = [(line, name) for line, name in core_uses(ast.parse(path.read_text(), str(path)))
               if name not in core.__all__]
    assert outside == []


@pytest.mark.parametrize("source, uses", [
    ("import redactd.core.tokens", [(1, "redactd.core.tokens")]),
    ("from redactd.core.detect import normalise", [(1, "redactd.core.detect")]),
    ("from redactd.core import _scan, KeyRing", [(1, "_scan"), (1, "KeyRing")]),
    ("from redactd import core\nx = core.redact.mask_text", [(2, "redact")]),
    ("from redactd import convert", []),
])
def test_core_uses_finds_every_spelling(source, uses):
    assert sorted(core_uses(ast.parse(source))) == sorted(uses)
