"""Best-of-N timing, interleaved so that machine noise hits every contender alike."""
from __future__ import annotations

import gc
import time
from typing import Callable


def once(fn: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t
    finally:
        gc.enable()


def race(contenders: dict[str, Callable[[], object]], repeats: int,
         before: Callable[[], object] = lambda: None) -> dict[str, float]:
    """Best wall time of each contender over `repeats` rounds; `before` runs before each timing."""
    best = {name: float("inf") for name in contenders}
    for _ in range(repeats):
        for name, fn in contenders.items():
            before()
            best[name] = min(best[name], once(fn))
    return best


def mb_per_s(size: int, seconds: float) -> float:
    return size / seconds / 1e6


def quantile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]
