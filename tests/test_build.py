"""The scanner installed is the one the build meant: profile-guided unless asked otherwise.
pip hides the build's output, so a training run that broke would otherwise only show as
a scanner some 10% slower."""
from __future__ import annotations

import json
import pathlib

import pytest

import core

BUILD = pathlib.Path(core.__file__).parent / "_build.json"


def test_scanner_is_profile_guided_where_gcc_built_it():
    if not BUILD.exists():
        pytest.skip("no build record (built by an older setup.py)")
    build = json.loads(BUILD.read_text())
    if build["why"] in ("debug build", "REDACTD_PGO=0") or "gcc" not in build["compiler"]:
        pytest.skip(f"not meant to be profile-guided: {build}")
    assert build["profile_guided"], build["why"]
