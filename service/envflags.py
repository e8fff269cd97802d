"""`redactd serve`'s flags from the environment: `--max-streams 10` is REDACTD_MAX_STREAMS=10.

The command line wins over the environment. Booleans are 1/0/true/false; a value the
flag would refuse is an error naming the variable. A REDACTD_* variable that looks
like a flag (close to one's name) but is none is an error naming it; variables that
are not flags (NOT_FLAGS) and Kubernetes' service links (REDACTD_SERVICE_HOST,
REDACTD_PORT_50051_TCP, ... for a Service named redactd) are left alone.
"""
from __future__ import annotations

import argparse
import difflib
import os
import re

PREFIX = "REDACTD_"
# documented variables that are not serve flags, with what they mean
NOT_FLAGS = {
    "REDACTD_KEYS": "the key ring's JSON itself (--keys names a file)",
    "REDACTD_PGO": "build: 0 skips the profile-guided build of the core",
    "REDACTD_DEBUG": "build: bounds checks and line tracing in the core",
    "REDACTD_ASAN": "build: the core with AddressSanitizer",
    "REDACTD_BENCH_BEFORE": "bench: the build to compare with",
    "REDACTD_SAMENESS_EXAMPLES": "tests: hypothesis examples",
    "REDACTD_STREAM_EXAMPLES": "tests: hypothesis examples",
    "REDACTD_SPARK_TEST_UNSET": "tests: Spark's variables to unset",
}
KUBERNETES_LINKS = re.compile(r"REDACTD_(SERVICE_HOST|SERVICE_PORT(_\w+)?|PORT(_\d+_(TCP|UDP|SCTP)(_\w+)?)?)")
TRUE, FALSE = ("1", "true"), ("0", "false")


def variable(action: argparse.Action) -> str:
    return PREFIX + action.option_strings[-1].lstrip("-").upper().replace("-", "_")


def settable(parser: argparse.ArgumentParser) -> tuple[dict[str, argparse.Action], set[str]]:
    """REDACTD_<FLAG> -> its action, for the documented long flags (not --help, nor --keys,
    whose variable keeps its older meaning); and the hidden flags' variables."""
    out, hidden = {}, set()
    for action in parser._actions:
        if not action.option_strings[-1:] or not action.option_strings[-1].startswith("--") \
                or isinstance(action, argparse._HelpAction) or variable(action) in NOT_FLAGS:
            continue
        if action.help == argparse.SUPPRESS:
            hidden.add(variable(action))
        else:
            out[variable(action)] = action
    return out, hidden


def apply(parser: argparse.ArgumentParser, argv: list[str], environ=os.environ) -> None:
    """Set the defaults of `parser`'s flags from REDACTD_* variables; `argv`: the command
    line after the command (a flag given there wins)."""
    flags, hidden = settable(parser)
    for name, value in sorted(environ.items()):
        if not name.startswith(PREFIX) or name in NOT_FLAGS or KUBERNETES_LINKS.fullmatch(name):
            continue
        if name in hidden:
            raise ValueError(f"{name}: not a setting of redactd serve")
        action = flags.get(name)
        if action is None:
            _unknown(name, flags)
            continue
        if any(a == o or a.startswith(o + "=") for a in argv for o in action.option_strings):
            continue  # the command line wins
        parser.set_defaults(**{action.dest: convert(name, value, action)})


def convert(name: str, value: str, action: argparse.Action):
    if isinstance(action, argparse._StoreTrueAction):
        if value.strip().lower() in TRUE + FALSE:
            return value.strip().lower() in TRUE
        raise ValueError(f"{name}: {value!r} is not a boolean (1, 0, true or false)")
    if isinstance(action, argparse._AppendAction):  # several files: separated as in PATH
        return [v for v in value.split(os.pathsep) if v]
    convert_type = action.type
    try:
        converted = convert_type(value) if callable(convert_type) else value
    except (TypeError, ValueError):
        kind = "a whole number" if convert_type is int else "a number" if convert_type is float else "a valid value"
        raise ValueError(f"{name}: {value!r} is not {kind}") from None
    if action.choices is not None and converted not in action.choices:
        raise ValueError(f"{name}: {value!r} is not one of {', '.join(map(str, action.choices))}")
    return converted


def _unknown(name: str, flags: dict[str, argparse.Action]) -> None:
    """An error for a variable that looks like one of the flags' (a typo, a removed flag)."""
    rest = name[len(PREFIX):]
    stems = {n[len(PREFIX):]: n for n in flags}
    close = difflib.get_close_matches(rest, stems, n=1, cutoff=0.75)
    prefix = [n for s, n in stems.items() if s.startswith(rest + "_") or rest.startswith(s + "_")]
    like = close and stems[close[0]] or (prefix[0] if prefix else None)
    if like:
        raise ValueError(f"{name}: not a setting of redactd serve (did you mean {like}?)")
