"""`python -m bench.accuracy`: precision/recall/F1, leak rate and over-redaction of the
core's detection on a seeded labelled corpus (optionally Presidio's too), and throughput.
`python -m bench.accuracy --sources`: the same measures on data from independent public
sources, per source, and leave-one-source-out."""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from typing import Callable, Sequence

from bench.accuracy.corpus import SEED, Sentence, generate
from bench.accuracy.scoring import (LABELLED_TYPES, Score, Span, add, merge_dates, score_all,
                                    scored_type, table)

Predictor = Callable[[str], list[Span]]

# Presidio entity -> our type name (None: not one of ours, ignored)
PRESIDIO_MAP = {
    "CREDIT_CARD": "CREDIT_CARD_NUMBER", "US_SSN": "SSN", "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS", "IBAN_CODE": "IBAN", "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL", "DATE_TIME": "DATE", "ABA_ROUTING_NUMBER": "US_BANK_ROUTING_NUMBER",
    "PERSON": "PERSON_NAME", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION",
    "US_PASSPORT": "PASSPORT_NUMBER", "UK_PASSPORT": "PASSPORT_NUMBER",
    "US_DRIVER_LICENSE": "US_DRIVERS_LICENSE", "US_BANK_NUMBER": "US_BANK_ACCOUNT_NUMBER",
}


def core_predictor() -> Predictor:
    from redactd import core
    detection = core.Detection.create()

    def predict(text: str) -> list[Span]:
        return [(e.type, e.start, e.end) for e in core.find_entities(text, detection)]
    return predict


def presidio_predictor() -> tuple[Predictor | None, str]:
    try:
        from presidio_analyzer import AnalyzerEngine
    except Exception as exc:  # noqa: BLE001 - any import failure means "not available"
        return None, (f"presidio_analyzer cannot be imported ({type(exc).__name__}: {exc}); it needs "
                      "`pip install presidio-analyzer` plus a spaCy English model (en_core_web_lg)")
    try:
        engine = AnalyzerEngine()
    except Exception as exc:  # noqa: BLE001 - typically the spaCy model is missing
        return None, f"AnalyzerEngine() failed, probably no spaCy model ({type(exc).__name__}: {exc})"

    def predict(text: str) -> list[Span]:
        spans = []
        for r in engine.analyze(text=text, language="en"):
            t = PRESIDIO_MAP.get(r.entity_type)
            if t is not None:
                spans.append((t, r.start, r.end))
        # Presidio can return overlapping results; keep them all (overlap hurts precision only)
        return sorted(set(spans), key=lambda s: (s[1], s[2]))
    return predict, "ok"


def evaluate(corpus: Sequence[Sentence], predict: Predictor) -> tuple[Score, list[list[Span]], float]:
    started = time.perf_counter()
    preds = [predict(s.text) for s in corpus]
    elapsed = time.perf_counter() - started
    preds = [[(scored_type(t), a, b) for t, a, b in p] for p in preds]  # location subtypes -> LOCATION
    return score_all((len(s.text), s.labels, p) for s, p in zip(corpus, preds)), preds, elapsed


def dates_merged(corpus: Sequence[Sentence], preds: Sequence[list[Span]]) -> str:
    sc = score_all((len(s.text), merge_dates(s.labels), merge_dates(p)) for s, p in zip(corpus, preds))
    p, r, f = sc.prf("DATE")
    return (f"DATE and DATE_OF_BIRTH as one type: support {sc.support('DATE')}, "
            f"P {p:.3f} R {r:.3f} F1 {f:.3f}")


def by_kind(corpus: Sequence[Sentence], preds: Sequence[list[Span]]) -> list[str]:
    scores: dict[str, Score] = defaultdict(Score)
    counts: Counter = Counter()
    for s, p in zip(corpus, preds):
        add(scores[s.kind], len(s.text), s.labels, p)
        counts[s.kind] += 1
    head = f"{'kind':<8} {'texts':>6} {'labels':>6} {'P':>6} {'R':>6} {'F1':>6} {'leak':>7} {'over':>7}"
    lines = ["by sentence kind (exact match)", head, "-" * len(head)]
    for kind, sc in sorted(scores.items()):
        p, r, f = sc.micro()
        n = sum(sc.support(t) for t in sc.types())
        lines.append(f"{kind:<8} {counts[kind]:>6} {n:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f} "
                     f"{sc.leak_rate():>7.2%} {sc.over_redaction():>7.2%}")
    return lines


def negatives(corpus: Sequence[Sentence], preds: Sequence[list[Span]]) -> list[str]:
    total: Counter = Counter()
    hit: dict[str, Counter] = defaultdict(Counter)
    for s, p in zip(corpus, preds):
        for kind, a, b in s.negatives:
            total[kind] += 1
            types = {t for t, pa, pb in p if pa < b and a < pb}
            for t in types:
                hit[kind][t] += 1
    lines = ["hard negatives overlapped by a prediction"]
    for kind in sorted(total):
        n = sum(hit[kind].values())
        detail = ", ".join(f"{t} {c}" for t, c in hit[kind].most_common())
        lines.append(f"  {kind:<9} {n:>4}/{total[kind]:<4}" + (f"  ({detail})" if detail else ""))
    return lines


def examples(corpus: Sequence[Sentence], preds: Sequence[list[Span]], k: int) -> list[str]:
    misses: dict[str, list[str]] = defaultdict(list)
    fps: dict[str, list[str]] = defaultdict(list)
    for s, p in zip(corpus, preds):
        gold, pred = set(s.labels), set(p)
        for t, a, b in sorted(gold - pred):
            got = [f"{pt}:{s.text[pa:pb]!r}" for pt, pa, pb in p if pa < b and a < pb]
            misses[t].append(f"{s.text[a:b]!r} in {s.text!r}" + (f" -> {', '.join(got)}" if got else ""))
        for t, a, b in sorted(pred - gold):
            if t in LABELLED_TYPES and not any(ga < b and a < gb for _, ga, gb in s.labels):
                fps[t].append(f"{s.text[a:b]!r} in {s.text!r}")
    lines = []
    for title, bucket in (("missed or mis-spanned labels", misses), ("false positives (no label overlaps)", fps)):
        lines.append(title)
        for t in sorted(bucket):
            lines.append(f"  {t} ({len(bucket[t])}):")
            lines.extend(f"    {e}" for e in bucket[t][:k])
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    ap.add_argument("--n", type=int, default=4000, help="sentences in the corpus (default 4000)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--examples", type=int, default=0, metavar="K",
                    help="print up to K missed / false-positive examples per type")
    ap.add_argument("--presidio", action="store_true", help="also score Presidio, if installed")
    ap.add_argument("--sources", action="store_true",
                    help="instead: score the core on data from independent public sources, per source, "
                         "per type and leave-one-source-out (bench/accuracy/sources/)")
    ap.add_argument("--by-kind", action="store_true", help="with --sources: also per kind within a source")
    args = ap.parse_args(argv)
    if args.sources:
        from bench.accuracy.generality import report
        print("\n".join(report(args.seed, args.by_kind)))
        return 0

    corpus = generate(args.n, args.seed)
    nbytes = sum(len(s.text.encode()) for s in corpus)
    nlabels = sum(len(s.labels) for s in corpus)
    print(f"redactd accuracy: {len(corpus)} sentences, {nlabels} labelled entities, "
          f"{sum(len(s.negatives) for s in corpus)} hard negatives, {nbytes} bytes, seed {args.seed}")
    predict = core_predictor()
    score, preds, _ = evaluate(corpus, predict)
    print()
    print("\n".join(table(score, "core (exact span match; ovl-F1 = type-correct overlapping spans)")))
    print(dates_merged(corpus, preds))
    print()
    print("\n".join(by_kind(corpus, preds)))
    print()
    print("\n".join(negatives(corpus, preds)))
    # throughput: best of 3 passes over the corpus, detection only
    texts = [s.text for s in corpus]
    from redactd import core
    detection = core.Detection.create()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for text in texts:
            core.find_entities(text, detection)
        best = min(best, time.perf_counter() - t0)
    print()
    print(f"throughput (core.find_entities, best of 3): {len(texts) / best:,.0f} sentences/s, "
          f"{nbytes / best / 1e6:.2f} MB/s ({best * 1000:.1f} ms for the corpus)")
    if args.examples:
        print()
        print("\n".join(examples(corpus, preds, args.examples)))
    if args.presidio:
        print()
        ppredict, why = presidio_predictor()
        if ppredict is None:
            print(f"Presidio not available: {why}")
        else:
            pscore, ppreds, elapsed = evaluate(corpus, ppredict)
            print("\n".join(table(pscore, "Presidio (entity names mapped: " +
                                  ", ".join(f"{k}->{v}" for k, v in PRESIDIO_MAP.items()) + ")")))
            print(dates_merged(corpus, ppreds))
            print(f"Presidio throughput: {len(corpus) / elapsed:,.0f} sentences/s, "
                  f"{nbytes / elapsed / 1e6:.2f} MB/s")
            if args.examples:
                print("\n".join(examples(corpus, ppreds, args.examples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
