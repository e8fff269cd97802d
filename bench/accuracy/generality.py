"""`python -m bench.accuracy --sources`: the core scored on development data from
independent public sources (bench.accuracy.sources), per source and per type, then
leave-one-source-out (bench.accuracy.loso)."""
from __future__ import annotations

import contextlib
import importlib.util
import os
import tempfile
import time
from collections import defaultdict
from typing import Iterator, Sequence

from bench.accuracy.corpus import Sentence
from bench.accuracy.loso import Choice, Item, ScoredSpan, Tuner, kept, thresholds_of
from bench.accuracy.scoring import Score, add, merged, score_all, scored_type, table
from bench.accuracy.sources import SOURCES, Source


# Sources whose values come from a package that core/data/names.txt learnt its names from
# (the key of core/data/build_names.py --without): their honest figures, and their rows of
# leave-one-source-out, are scored by a core that loaded the list built without it.
NAMES_LEARNT_FROM = {"faker_names": "faker", "mimesis_names": "mimesis"}


def build_names_module():
    """core/data/build_names.py by its path (core/data is not a package)."""
    from redactd import core
    path = os.path.join(os.path.dirname(core.__file__), "data", "build_names.py")
    spec = importlib.util.spec_from_file_location("build_names", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def names_without(package: str) -> Iterator[list[str]]:
    """The core with names.txt rebuilt without one source package loaded into it (through
    the private hook core._scan._load_names); the shipped list again afterwards. Yields the
    notes on installed package versions that differ from the ones names.txt was built with."""
    from redactd.core import _scan
    build = build_names_module()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "names.txt")
        build.write(path, [package])
        _scan._load_names(path)
        try:
            yield build.version_notes(sorted(build.SOURCES))
        finally:
            _scan._load_names(None)


def scored_predictions(corpus: Sequence[Sentence], min_score: float = 0.0) -> list[list[ScoredSpan]]:
    """The core's entities with their scores (location subtypes scored as LOCATION)."""
    from redactd import core
    detection = core.Detection.create(min_score=min_score)
    return [[(scored_type(e.type), e.start, e.end, e.score) for e in core.find_entities(s.text, detection)]
            for s in corpus]


def items(corpus: Sequence[Sentence], preds: Sequence[list[ScoredSpan]]) -> list[Item]:
    return [(len(s.text), s.labels, p) for s, p in zip(corpus, preds)]


def summary(rows: list[tuple[str, int, Score]], title: str, what: str = "source") -> list[str]:
    head = (f"{what:<22} {'texts':>6} {'labels':>6} {'P':>6} {'R':>6} {'F1':>6} {'ovl-F1':>7} "
            f"{'leak':>7} {'over':>7}")
    lines = [title, head, "-" * len(head)]
    for name, n, sc in rows:
        p, r, f = sc.micro()
        labels = sum(sc.support(t) for t in sc.types())
        lines.append(f"{name:<22} {n:>6} {labels:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f} "
                     f"{sc.overlap_prf()[2]:>7.3f} {sc.leak_rate():>7.2%} {sc.over_redaction():>7.2%}")
    return lines


def by_kind(corpus: Sequence[Sentence], preds: Sequence[list[ScoredSpan]]) -> list[str]:
    scores: dict[str, Score] = defaultdict(Score)
    counts: dict[str, int] = defaultdict(int)
    for s, p in zip(corpus, preds):
        add(scores[s.kind], len(s.text), s.labels, kept(p, {}))
        counts[s.kind] += 1
    return summary([(k, counts[k], scores[k]) for k in sorted(scores)], "", "kind")[1:]


def core_loso_score(corpus: Sequence[Sentence], choice: Choice) -> Score:
    """The held-out source scored by the core itself run with the chosen min_score."""
    preds = scored_predictions(corpus, choice.min_score)
    return score_all((len(s.text), s.labels, [p[:3] for p in ps]) for s, ps in zip(corpus, preds))


def loso_table(tuner: Tuner, corpora: dict[str, list[Sentence]],
               honest: dict[str, list[Item]] | None = None) -> list[str]:
    head = (f"{'held out':<22} {'default':>15} {'min_score':>10} {'LOSO F1':>8} {'leak':>7} "
            f"{'+per-type F1':>12} {'leak':>7} {'per-type F1':>11} {'leak':>7}  {'(best on itself)':>16}")
    lines = ["leave-one-source-out, over the in-scope sources: for each source, what is tuned is "
             "chosen on all the others, then the source is scored with it",
             "  tuned: core.Detection min_score (global), chosen among 0, 1 and the scores the "
             "core gave on the other sources, to maximise their micro F1 (exact spans); ties: lower "
             "leak, then lower min_score; the held-out source is then run through the core with it",
             "  +per-type: a minimum score per type on top (a filter applied by the harness; "
             "core.Detection has none), by coordinate ascent on the other sources' micro F1, for "
             "the types labelled in them (the others keep the global min_score)",
             "  per-type: a minimum score per type alone, learnt only for the types the other "
             "sources label (every other type keeps min_score 0: nothing to learn it from)",
             "  default: min_score 0 (F1, leak); best on itself: the min_score an oracle would "
             "pick on the held-out source (not a result, a reference)",
             "  honest: a source whose names the names list learnt from (" +
             ", ".join(f"{k} <- {v}" for k, v in NAMES_LEARNT_FROM.items()) + ") is scored by a "
             "core that loaded names.txt built without that package",
             head, "-" * len(head)]
    honest = honest or {}
    pooled: dict[str, list[Score]] = defaultdict(list)
    for name, corpus in corpora.items():
        choice = tuner.choose(name, per_type=True)
        held = honest.get(name, tuner.by_source[name])
        default = score_all((n, g, kept(p, {})) for n, g, p in held)
        if name in honest:
            with names_without(NAMES_LEARNT_FROM[name]):
                chosen = core_loso_score(corpus, choice)
        else:
            chosen = core_loso_score(corpus, choice)
        per_type = score_all((n, g, kept(p, thresholds_of(choice))) for n, g, p in held)
        alone = tuner.choose_per_type(name)
        labelled = score_all((n, g, kept(p, thresholds_of(alone))) for n, g, p in held)
        oracle = Tuner({name: held}).choose_on([name])
        for key, sc in (("default", default), ("global", chosen), ("per_type", per_type),
                        ("labelled", labelled)):
            pooled[key].append(sc)
        label = name + (" (honest)" if name in honest else "")
        lines.append(f"{label:<22} {default.micro()[2]:>6.3f} {default.leak_rate():>7.2%} "
                     f"{choice.min_score:>10.3f} {chosen.micro()[2]:>8.3f} {chosen.leak_rate():>7.2%} "
                     f"{per_type.micro()[2]:>12.3f} {per_type.leak_rate():>7.2%} "
                     f"{labelled.micro()[2]:>11.3f} {labelled.leak_rate():>7.2%}  "
                     f"{oracle.min_score:>7.3f} {oracle.train_f1:>8.3f}")
    total = {k: merged(v) for k, v in pooled.items()}
    lines.append("-" * len(head))
    lines.append(f"{'all (pooled)':<22} {total['default'].micro()[2]:>6.3f} {total['default'].leak_rate():>7.2%} "
                 f"{'':>10} {total['global'].micro()[2]:>8.3f} {total['global'].leak_rate():>7.2%} "
                 f"{total['per_type'].micro()[2]:>12.3f} {total['per_type'].leak_rate():>7.2%} "
                 f"{total['labelled'].micro()[2]:>11.3f} {total['labelled'].leak_rate():>7.2%}")
    return lines


def report(seed: int, kinds: bool = False, sources: Sequence[Source] = SOURCES) -> list[str]:
    started = time.perf_counter()
    corpora = {s.name: s.generate(seed) for s in sources}
    generated = time.perf_counter() - started
    preds = {name: scored_predictions(corpus) for name, corpus in corpora.items()}
    scored = time.perf_counter() - started - generated
    scores = {name: score_all((n, g, kept(p, {})) for n, g, p in items(corpora[name], preds[name]))
              for name in corpora}
    honest_items, notes = {}, []
    for name, package in NAMES_LEARNT_FROM.items():
        if name in corpora and name in [s.name for s in sources if s.in_scope]:
            with names_without(package) as notes:
                honest_items[name] = items(corpora[name], scored_predictions(corpora[name]))
    honest_scores = {name: score_all((n, g, kept(p, {})) for n, g, p in it) for name, it in honest_items.items()}
    in_scope = [s.name for s in sources if s.in_scope]
    out_of_scope = [s.name for s in sources if not s.in_scope]
    nlabels = sum(len(x.labels) for c in corpora.values() for x in c)
    lines = [f"redactd on independent sources: {sum(map(len, corpora.values()))} texts, {nlabels} labels, "
             f"seed {seed} (generated in {generated:.1f} s, detected in {scored:.1f} s)", ""]
    lines += [f"  {s.name:<18} {len(corpora[s.name]):>5} texts  {s.origin()}" for s in sources]
    lines.append("")
    rows = [(n, len(corpora[n]), scores[n]) for n in in_scope]
    rows.append(("all in scope", sum(len(corpora[n]) for n in in_scope), merged(scores[n] for n in in_scope)))
    rows += [(f"{n} (honest)", len(corpora[n]), sc) for n, sc in honest_scores.items()]
    rows.append(("all, honest", sum(len(corpora[n]) for n in in_scope),
                 merged(honest_scores.get(n, scores[n]) for n in in_scope)))
    rows += [(f"{n} (out)", len(corpora[n]), scores[n]) for n in out_of_scope]
    lines += summary(rows, "per source, min_score 0 (exact spans; ovl-F1: type-correct overlaps); "
                           "'(out)': out of scope, not in 'all in scope' nor in leave-one-source-out; "
                           "'(honest)': scored by a core whose names list was built without the "
                           "source's package (" + ", ".join(f"{k} <- {v}" for k, v in NAMES_LEARNT_FROM.items())
                           + ("; installed versions differ: " + ", ".join(notes) if notes else "") + ")")
    for source in sources:
        lines.append("")
        lines += table(scores[source.name], f"{source.name}" + ("" if source.in_scope else " (out of scope)"))
        if kinds:
            lines += by_kind(corpora[source.name], preds[source.name])
        if source.name in honest_scores:
            lines.append("")
            lines += table(honest_scores[source.name], f"{source.name} (honest: names list built "
                                                       f"without {NAMES_LEARNT_FROM[source.name]})")
    lines.append("")
    lines += table(merged(scores[n] for n in in_scope), "per type over all in-scope sources")
    lines.append("")
    tuner = Tuner({n: items(corpora[n], preds[n]) for n in in_scope})
    lines += loso_table(tuner, {n: corpora[n] for n in in_scope}, honest_items)
    lines.append(f"(whole report in {time.perf_counter() - started:.1f} s)")
    return lines

