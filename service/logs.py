"""Log set-up: `--log-format json|text` and `--log-level`, on stderr.

JSON: one object a line, `time` (UTC, RFC 3339), `level`, `logger`, `message`, and an
access line's fields (service.observe) at the top level. Nothing here adds content:
what a line holds is what the code logging it chose, and no log call in redactd
passes a request's text, a value or a token.
"""
from __future__ import annotations

import json
import logging
import sys
import time

FORMATS = ("text", "json")
LEVELS = ("debug", "info", "warning", "error")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {"time": _rfc3339(record.created), "level": record.levelname.lower(), "logger": record.name,
                "message": record.getMessage()}
        rpc = getattr(record, "rpc", None)
        if rpc:  # an access line: its fields, not the same again as text
            line["message"] = "rpc"
            line.update(rpc)
        if record.exc_info:
            # the exception's type and where, as service.errors logs internal errors: never its message
            line["exception"] = record.exc_info[0].__name__ if record.exc_info[0] else "Exception"
        return json.dumps(line, ensure_ascii=False)


def _rfc3339(created: float) -> str:
    ms = int(created * 1000) % 1000
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(created)) + f".{ms:03d}Z"


def configure(fmt: str = "text", level: str = "info") -> None:
    """Replace the root logger's handlers with one on stderr in `fmt` at `level`."""
    if fmt not in FORMATS:
        raise ValueError(f"--log-format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if level.lower() not in LEVELS:
        raise ValueError(f"--log-level: {level!r} is not one of {', '.join(LEVELS)}")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
