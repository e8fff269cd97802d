"""Log set-up: `--log-format json|text` and `--log-level`, on stderr.

JSON: one object a line, `time` (UTC, RFC 3339), `level`, `logger`, `message`, and an
access line's fields (service.observe) at the top level. Nothing here adds content:
what a line holds is what the code logging it chose, and no log call in redactd
passes a request's text, a value or a token.
"""
from __future__ import annotations

import json
import logging
import queue
import sys
import threading
import time

FORMATS = ("text", "json")
LEVELS = ("debug", "info", "warning", "error")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
GATHER = 0.02  # seconds the writer waits after a line for more: lines are written at most this late


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {"time": _rfc3339(record.created), "level": record.levelname.lower(), "logger": record.name,
                "message": record.getMessage()}
        fields = getattr(record.msg, "fields", None)
        if fields is not None:  # an access line (service.observe.AccessLine): its fields, not its text
            line["message"] = "rpc"
            line.update(fields())
        if record.exc_info:
            # the exception's type and where, as service.errors logs internal errors: never its message
            line["exception"] = record.exc_info[0].__name__ if record.exc_info[0] else "Exception"
        return json.dumps(line, ensure_ascii=False)


def _rfc3339(created: float) -> str:
    ms = int(created * 1000) % 1000
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(created)) + f".{ms:03d}Z"


def flush() -> None:
    """Everything logged so far written (before a message printed to stderr directly)."""
    for handler in logging.getLogger().handlers:
        handler.flush()


def configure(fmt: str = "text", level: str = "info") -> None:
    """One handler on stderr in `fmt`, the root logger at `level`; as logging.basicConfig,
    nothing when the root logger has handlers already (an embedding program's, pytest's)."""
    if fmt not in FORMATS:
        raise ValueError(f"--log-format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if level.lower() not in LEVELS:
        raise ValueError(f"--log-level: {level!r} is not one of {', '.join(LEVELS)}")
    # no line shows a thread's or a process's name: not worked out for every record
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    handler = BackgroundHandler(sys.stderr, JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    logging.basicConfig(handlers=[handler], level=level.upper())


class BackgroundHandler(logging.Handler):
    """Lines formatted and written by one thread of its own, as many a write as are
    waiting: a thread that logs (an RPC's, for its access line) only queues the record,
    with no lock to wait for and no system call. logging.shutdown (at exit) writes what
    is queued."""

    def __init__(self, stream, formatter: logging.Formatter) -> None:
        super().__init__()
        self.stream = stream
        self.setFormatter(formatter)
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._write, name="log-writer", daemon=True)
        self.thread.start()

    def handle(self, record: logging.LogRecord) -> bool:
        if not self.filter(record):
            return False
        self.queue.put(record)
        return True

    def emit(self, record: logging.LogRecord) -> None:
        self.queue.put(record)

    def _write(self) -> None:
        while True:
            batch = [self.queue.get()]
            if isinstance(batch[0], logging.LogRecord):
                time.sleep(GATHER)  # let lines gather: one wake-up and one write for many
            while not self.queue.empty():
                batch.append(self.queue.get())
            lines: list[str] = []
            for record in batch:
                if record is None:  # close(): all written
                    self._flush_lines(lines)
                    return
                if isinstance(record, threading.Event):  # flush(): written up to here
                    self._flush_lines(lines)
                    lines = []
                    record.set()
                    continue
                try:
                    lines.append(self.format(record))
                except Exception:  # noqa: BLE001 - logging's own way: report, go on
                    self.handleError(record)
            self._flush_lines(lines)

    def _flush_lines(self, lines: list[str]) -> None:
        if lines:
            self.stream.write("\n".join(lines) + "\n")
            self.stream.flush()

    def flush(self) -> None:
        """Return once the lines queued so far are written."""
        if self.thread.is_alive():
            done = threading.Event()
            self.queue.put(done)
            done.wait(5)

    def close(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join(timeout=5)
        super().close()
