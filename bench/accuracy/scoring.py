"""Scoring predicted spans against labelled spans.

exact:   a prediction is a true positive when a label has the same type, start and end.
overlap: a prediction counts as correct when it overlaps a label of the same type;
         a label counts as found when a prediction of its type overlaps it.
leak:    share of labelled characters not covered by any prediction (of any type);
         per type: of that type's labelled characters.
over-redaction: share of unlabelled characters covered by a prediction of a labelled type;
         per type: covered by a prediction of that type (of all unlabelled characters).
DATE vs DATE_OF_BIRTH: a DOB predicted as DATE (or the reverse) is a type error for
precision/recall, is still covered for the leak rate, and is counted in `confusions`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

Span = tuple[str, int, int]  # (type, start, end)

# The labelled types; predictions of any other type (the core may detect more, e.g.
# card expiry dates or SWIFT codes, which the corpus does not label) are not scored:
# they are counted in `Score.unscored` and only count as coverage for the leak rate.
LABELLED_TYPES = frozenset({"CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN",
                            "US_BANK_ROUTING_NUMBER", "IP_ADDRESS", "URL", "DATE", "DATE_OF_BIRTH",
                            "PERSON_NAME", "ADDRESS", "LOCATION", "ORGANIZATION", "DOMAIN_NAME",
                            "PASSPORT_NUMBER", "US_DRIVERS_LICENSE", "US_BANK_ACCOUNT_NUMBER"})

# Places are scored as one type: a prediction typed as a kind of location
# ("LOCATION_CITY", "LOCATION/STATE", "CITY", "COUNTRY", ...) is scored as LOCATION.
LOCATION_SUBTYPES = frozenset({"CITY", "STATE", "PROVINCE", "COUNTRY", "US_STATE", "REGION",
                               "GPE"})


def scored_type(t: str) -> str:
    """The type a prediction is scored as."""
    if t.startswith("LOCATION") or t in LOCATION_SUBTYPES:
        return "LOCATION"
    return t


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Score:
    exact: dict[str, Counts] = field(default_factory=dict)
    overlap_pred: dict[str, list[int]] = field(default_factory=dict)  # type -> [correct preds, all preds]
    overlap_gold: dict[str, list[int]] = field(default_factory=dict)  # type -> [found labels, all labels]
    pii_chars: int = 0
    leaked_chars: int = 0
    other_chars: int = 0
    over_chars: int = 0
    confusions: Counter = field(default_factory=Counter)  # (label type, predicted type) overlapping
    unscored: Counter = field(default_factory=Counter)    # predictions of unlabelled types
    pii_by_type: Counter = field(default_factory=Counter)     # label type -> its characters
    leaked_by_type: Counter = field(default_factory=Counter)  # label type -> those not covered
    over_by_type: Counter = field(default_factory=Counter)    # predicted type -> unlabelled chars

    def absorb(self, other: "Score") -> "Score":
        """Add `other`'s counts to this score (scores of disjoint texts add up); returns self."""
        for t, c in other.exact.items():
            mine = self.exact.setdefault(t, Counts())
            mine.tp, mine.fp, mine.fn = mine.tp + c.tp, mine.fp + c.fp, mine.fn + c.fn
        for name in ("overlap_pred", "overlap_gold"):
            mine_d, theirs = getattr(self, name), getattr(other, name)
            for t, (a, b) in theirs.items():
                entry = mine_d.setdefault(t, [0, 0])
                entry[0] += a
                entry[1] += b
        for name in ("pii_chars", "leaked_chars", "other_chars", "over_chars"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("confusions", "unscored", "pii_by_type", "leaked_by_type", "over_by_type"):
            getattr(self, name).update(getattr(other, name))
        return self

    def support(self, t: str) -> int:
        return self.overlap_gold.get(t, [0, 0])[1]

    def types(self) -> list[str]:
        return sorted(set(self.exact) | set(self.overlap_gold) | set(self.overlap_pred))

    def prf(self, t: str) -> tuple[float, float, float]:
        return self.exact.get(t, Counts()).prf()

    def overlap_prf(self, t: str | None = None) -> tuple[float, float, float]:
        keys = [t] if t else self.types()
        cp = sum(self.overlap_pred.get(k, [0, 0])[0] for k in keys)
        ap = sum(self.overlap_pred.get(k, [0, 0])[1] for k in keys)
        fg = sum(self.overlap_gold.get(k, [0, 0])[0] for k in keys)
        ag = sum(self.overlap_gold.get(k, [0, 0])[1] for k in keys)
        p = cp / ap if ap else 0.0
        r = fg / ag if ag else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def micro(self) -> tuple[float, float, float]:
        total = Counts()
        for c in self.exact.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total.prf()

    def leak_rate(self) -> float:
        return self.leaked_chars / self.pii_chars if self.pii_chars else 0.0

    def over_redaction(self) -> float:
        return self.over_chars / self.other_chars if self.other_chars else 0.0

    def type_leak_rate(self, t: str) -> float:
        return self.leaked_by_type[t] / self.pii_by_type[t] if self.pii_by_type[t] else 0.0

    def type_over_redaction(self, t: str) -> float:
        return self.over_by_type[t] / self.other_chars if self.other_chars else 0.0


def _overlaps(a: Span, b: Span) -> bool:
    return a[1] < b[2] and b[1] < a[2]


def add(score: Score, text_len: int, gold: Sequence[Span], pred: Sequence[Span]) -> None:
    """Score one text's predictions into `score`."""
    everything = [(scored_type(t), a, b) for t, a, b in pred]
    pred = [p for p in everything if p[0] in LABELLED_TYPES]
    for p in everything:
        if p[0] not in LABELLED_TYPES:
            score.unscored[p[0]] += 1
    gold_set = set(gold)
    pred_set = set(pred)
    for t in {s[0] for s in gold} | {s[0] for s in pred}:
        c = score.exact.setdefault(t, Counts())
        g = {s for s in gold_set if s[0] == t}
        p = {s for s in pred_set if s[0] == t}
        c.tp += len(g & p)
        c.fp += len(p - g)
        c.fn += len(g - p)
    for s in gold:
        entry = score.overlap_gold.setdefault(s[0], [0, 0])
        entry[1] += 1
        if any(p[0] == s[0] and _overlaps(s, p) for p in pred):
            entry[0] += 1
        for p in pred:
            if _overlaps(s, p):
                score.confusions[(s[0], p[0])] += 1
    for p in pred:
        entry = score.overlap_pred.setdefault(p[0], [0, 0])
        entry[1] += 1
        if any(s[0] == p[0] and _overlaps(s, p) for s in gold):
            entry[0] += 1
    label_type: list[str | None] = [None] * text_len   # the label a character is in
    for t, a, b in gold:
        label_type[a:b] = [t] * (b - a)
    covered = bytearray(text_len)
    over_type: list[str | None] = [None] * text_len    # a labelled-type prediction over it
    for t, a, b in everything:
        covered[a:b] = b"\x01" * (b - a)
        if t in LABELLED_TYPES:
            over_type[a:b] = [t] * (b - a)
    for i in range(text_len):
        label = label_type[i]
        if label is not None:
            score.pii_chars += 1
            score.pii_by_type[label] += 1
            if not covered[i]:
                score.leaked_chars += 1
                score.leaked_by_type[label] += 1
        else:
            score.other_chars += 1
            if over_type[i] is not None:
                score.over_chars += 1
                score.over_by_type[over_type[i]] += 1


def score_all(items: Iterable[tuple[int, Sequence[Span], Sequence[Span]]]) -> Score:
    """items: (text length, labels, predictions) per text."""
    score = Score()
    for n, gold, pred in items:
        add(score, n, gold, pred)
    return score


def merged(scores: Iterable[Score]) -> Score:
    """One score for the texts of all these scores."""
    total = Score()
    for sc in scores:
        total.absorb(sc)
    return total


def merge_dates(spans: Sequence[Span]) -> list[Span]:
    """DATE_OF_BIRTH relabelled DATE: for scoring dates regardless of the DOB decision."""
    return [("DATE" if t == "DATE_OF_BIRTH" else t, a, b) for t, a, b in spans]


def table(score: Score, title: str) -> list[str]:
    head = (f"{'type':<24} {'support':>7} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'ovl-F1':>7} "
            f"{'leak':>7} {'over':>7}")
    lines = [title, head, "-" * len(head)]
    for t in score.types():
        p, r, f = score.prf(t)
        npred = score.overlap_pred.get(t, [0, 0])[1]
        leak = f"{score.type_leak_rate(t):>7.2%}" if score.pii_by_type[t] else f"{'-':>7}"
        lines.append(f"{t:<24} {score.support(t):>7} {npred:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f} "
                     f"{score.overlap_prf(t)[2]:>7.3f} {leak} {score.type_over_redaction(t):>7.2%}")
    lines.append("-" * len(head))
    p, r, f = score.micro()
    support = sum(score.support(t) for t in score.types())
    npred = sum(v[1] for v in score.overlap_pred.values())
    lines.append(f"{'micro':<24} {support:>7} {npred:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f} "
                 f"{score.overlap_prf()[2]:>7.3f} {score.leak_rate():>7.2%} {score.over_redaction():>7.2%}")
    lines.append(f"leak rate (PII chars not covered by any prediction): {score.leak_rate():.2%} "
                 f"({score.leaked_chars}/{score.pii_chars})")
    lines.append(f"over-redaction (non-PII chars covered):             {score.over_redaction():.2%} "
                 f"({score.over_chars}/{score.other_chars})")
    wrong = [(k, v) for k, v in sorted(score.confusions.items()) if k[0] != k[1]]
    if wrong:
        lines.append("type confusions (label -> overlapping prediction of another type): "
                     + ", ".join(f"{a} -> {b}: {v}" for (a, b), v in wrong))
    if score.unscored:
        lines.append("predictions of types the corpus does not label (not scored): "
                     + ", ".join(f"{t} {c}" for t, c in score.unscored.most_common()))
    return lines
