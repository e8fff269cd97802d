"""The scanner installed is the one the build meant: profile-guided unless asked otherwise.
pip hides the build's output, so a training run that broke would otherwise only show as
a scanner some 10% slower."""
from __future__ import annotations

import json
import pathlib

import pytest

from redactd import core

BUILD = pathlib.Path(core.__file__).parent / "_build.json"


def test_scanner_is_profile_guided_where_gcc_built_it():
    if not BUILD.exists():
        pytest.skip("no build record (built by an older setup.py)")
    build = json.loads(BUILD.read_text())
    if build["why"] in ("debug build", "REDACTD_PGO=0") or "gcc" not in build["compiler"]:
        pytest.skip(f"not meant to be profile-guided: {build}")
    assert build["profile_guided"], build["why"]


# -- the gazetteer's cache: start-up without rebuilding the table -----------------------------

def test_the_gazetteer_cache_holds_the_table_a_build_makes():
    from redactd.core import _scan
    assert pathlib.Path(_scan._cache_path()).exists()  # written by the first import
    cached = b"".join(_scan._gazetteer_table())
    _scan._load_names(None, cached=False)
    try:
        assert b"".join(_scan._gazetteer_table()) == cached
    finally:
        _scan._load_names(None)


@pytest.mark.parametrize("damage", [b"", b"redactd-gazetteer-1\n8 8 16384 1024 16\nshort", b"not a table"])
def test_a_damaged_gazetteer_cache_is_built_again(damage):
    import subprocess
    import sys
    from redactd.core import _scan
    path = pathlib.Path(_scan._cache_path())
    good = path.read_bytes()
    text = "Dr. Maria Gonzalez moved from Springfield to 12 Elm Street, Boston; mail her at m@x.io"
    here = core.redact_only(text, core.Detection(), core.Redaction())
    try:
        path.write_bytes(damage)
        out = subprocess.run([sys.executable, "-c", "import sys, core; print(core.redact_only(sys.argv[1], "
                              "core.Detection(), core.Redaction()))", text],
                             capture_output=True, text=True, check=True).stdout
        assert out.rstrip("\n") == here and "[PERSON_NAME]" in here
        assert path.read_bytes() == good  # and written again
    finally:
        path.write_bytes(good)
