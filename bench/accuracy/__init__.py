"""Accuracy harness: a seeded labelled corpus, scored against the core's detections.

`python -m bench.accuracy [--n N] [--seed S] [--examples K] [--presidio]`
"""
from bench.accuracy.corpus import Sentence, generate
from bench.accuracy.scoring import Score, score_all, table

__all__ = ["Sentence", "generate", "Score", "score_all", "table"]
