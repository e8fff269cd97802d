"""The fuzz targets (tests/fuzzing.py) on a short budget: the saved corpus, fixed seeds,
and fresh seeds (printed, so that a failure can be replayed with
`python -m tests.fuzzing --seed S`). `make fuzz` runs them for minutes."""
from __future__ import annotations

import random

import pytest

from tests import fuzzing


def test_the_corpus():
    assert fuzzing.run_corpus() >= 150


@pytest.mark.parametrize("block", range(8))
def test_fixed_seeds(block):
    for seed in range(block * 500, (block + 1) * 500):
        fuzzing.run_case(seed)


def test_fresh_seeds():
    master = random.SystemRandom()
    for _ in range(1000):
        seed = master.getrandbits(63)
        try:
            fuzzing.run_case(seed)
        except Exception:
            print(f"replay: python -m tests.fuzzing --seed {seed}")
            raise


def test_a_failure_names_its_seed(monkeypatch, capsys):
    monkeypatch.setattr(fuzzing, "check_record", lambda *_: (_ for _ in ()).throw(AssertionError("x")))
    with pytest.raises(AssertionError):
        fuzzing.main(["--seconds", "1"])
    assert "python -m tests.fuzzing --seed " in capsys.readouterr().err
