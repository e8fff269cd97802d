"""Leave-one-source-out: choose what is tuned on every source but one, score that one.

What is tuned:
- `min_score`, the global threshold of `core.Detection` (an entity is kept when its
  score >= min_score), chosen among 0, 1 and the scores the core gave on the training
  sources, to maximise micro F1 (exact spans) there; ties go to the lower leak rate,
  then to the lower threshold;
- optionally, on top of it, a minimum score per type (a filter the harness applies:
  `core.Detection` has no per-type threshold yet), by coordinate ascent over the types
  labelled in the training sources (the others keep the global one), each type's
  candidates being 0, 1 and the scores of that type on the training sources; ties go
  to the lower threshold (which never leaks more);
- or a minimum score per type alone (`choose_per_type`): learnt only for the types the
  training sources label, every other type keeping the shipped default (0). A global
  threshold learnt on sources that hold no phone numbers says nothing about phone
  numbers: this tuner learns nothing where it has no labels.
Nothing about the held-out source (its texts, labels, predictions or scores) is read
before its threshold is chosen.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from bench.accuracy.scoring import Counts, Score, Span, add, merged

ScoredSpan = tuple[str, int, int, float]          # (type, start, end, score)
Item = tuple[int, Sequence[Span], Sequence[ScoredSpan]]   # (text length, labels, predictions)
Thresholds = dict[str, float]                     # type -> min score ("" for every type)


def kept(pred: Sequence[ScoredSpan], thresholds: Mapping[str, float]) -> list[Span]:
    """The predictions whose score reaches their type's threshold (else the global one)."""
    base = thresholds.get("", 0.0)
    return [(t, a, b) for t, a, b, s in pred if s >= thresholds.get(t, base)]


def score_items(items: Sequence[Item], thresholds: Mapping[str, float]) -> Score:
    score = Score()
    for n, gold, pred in items:
        add(score, n, gold, kept(pred, thresholds))
    return score


def candidates(items: Sequence[Item], type_name: str | None = None) -> list[float]:
    """0, every score the predictions have (of one type, if given), and 1 (the highest
    min_score: drops everything below 1), ascending."""
    return sorted({0.0, 1.0} | {s for _, _, pred in items for t, _, _, s in pred
                                if type_name is None or t == type_name})


def micro_f1(counts: Mapping[str, Counts]) -> float:
    total = Counts()
    for c in counts.values():
        total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
    return total.prf()[2]


@dataclass
class Choice:
    min_score: float                                        # global threshold
    per_type: Thresholds = field(default_factory=dict)      # per-type thresholds on top
    train_f1: float = 0.0
    train_leak: float = 0.0


class Tuner:
    """Scores of each source at each threshold, computed once and shared by the folds."""

    def __init__(self, by_source: Mapping[str, Sequence[Item]]):
        self.by_source = by_source
        self._cache: dict[tuple[str, float], Score] = {}

    def score(self, source: str, min_score: float) -> Score:
        key = (source, min_score)
        if key not in self._cache:
            self._cache[key] = score_items(self.by_source[source], {"": min_score})
        return self._cache[key]

    def training(self, held_out: str) -> list[str]:
        return [s for s in self.by_source if s != held_out]

    def choose(self, held_out: str, per_type: bool = False) -> Choice:
        """The threshold(s) that do best on every source but `held_out`."""
        return self.choose_on(self.training(held_out), per_type)

    def choose_per_type(self, held_out: str) -> Choice:
        """Per-type thresholds only, for the types labelled on every source but
        `held_out`; every other type keeps min_score 0."""
        train = self.training(held_out)
        items = [it for s in train for it in self.by_source[s]]
        choice = Choice(0.0, self.per_type(train, items, 0.0))
        choice.train_f1 = micro_f1(self.type_counts(train, choice.per_type, 0.0))
        return choice

    def choose_on(self, train: list[str], per_type: bool = False) -> Choice:
        """The threshold(s) that do best on these sources."""
        items = [it for s in train for it in self.by_source[s]]
        scored = [(merged(self.score(s, t) for s in train), t) for t in candidates(items)]
        # best micro F1; ties: lower leak, then the lower threshold
        sc, t = max(scored, key=lambda x: (x[0].micro()[2], -x[0].leak_rate(), -x[1]))
        choice = Choice(t, {}, sc.micro()[2], sc.leak_rate())
        if per_type:
            choice.per_type = self.per_type(train, items, t)
            choice.train_f1 = micro_f1(self.type_counts(train, choice.per_type, t))
        return choice

    def type_counts(self, train: list[str], per_type: Thresholds, base: float) -> dict[str, Counts]:
        """Exact-match counts per type: a type's counts depend on its own threshold only."""
        counts: dict[str, Counts] = {}
        for s in train:
            for t_name in self.types(train):
                c = self.score(s, per_type.get(t_name, base)).exact.get(t_name)
                if c is not None:
                    mine = counts.setdefault(t_name, Counts())
                    mine.tp, mine.fp, mine.fn = mine.tp + c.tp, mine.fp + c.fp, mine.fn + c.fn
        return counts

    def types(self, train: list[str]) -> list[str]:
        return sorted({t for s in train for t in self.score(s, 0.0).exact})

    def labelled_types(self, train: list[str]) -> list[str]:
        return sorted({t for s in train for t in self.score(s, 0.0).overlap_gold})

    def per_type(self, train: list[str], items: list[Item], base: float) -> Thresholds:
        """Thresholds of the types labelled in `train`; every other type keeps `base`
        (without labels there is nothing to learn it from but its false positives)."""
        chosen: Thresholds = {}
        for _ in range(2):   # two rounds of coordinate ascent
            for t_name in self.labelled_types(train):
                def f1(cand: float) -> float:
                    return micro_f1(self.type_counts(train, {**chosen, t_name: cand}, base))
                # best micro F1; ties: the lower threshold
                chosen[t_name] = max(candidates(items, t_name), key=lambda c: (f1(c), -c))
        return chosen


def thresholds_of(choice: Choice) -> Thresholds:
    return {"": choice.min_score, **choice.per_type}
