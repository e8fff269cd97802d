"""The accuracy harness itself: labels point at the generated values, values are valid,
and the scoring arithmetic is right."""
from __future__ import annotations

import ipaddress
import random
import re
import unicodedata
from collections import Counter

import phonenumbers
import pytest

from bench.accuracy import values as V
from bench.accuracy.__main__ import core_predictor, evaluate, main
from bench.accuracy.corpus import LABELLED, TEMPLATES, generate, render
from bench.accuracy.scoring import LABELLED_TYPES, Score, add, score_all

SMALL = 300
NEW_TYPES = {"PERSON_NAME", "ADDRESS", "LOCATION", "ORGANIZATION", "DOMAIN_NAME", "PASSPORT_NUMBER",
             "US_DRIVERS_LICENSE", "US_BANK_ACCOUNT_NUMBER"}
NUMERIC = {"CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "US_BANK_ROUTING_NUMBER",
           "US_BANK_ACCOUNT_NUMBER"}
PLACES = {p.lower() for p in [c for c, _, _ in V.US_CITIES] + [c for c, _, _ in V.CA_CITIES]
          + V.WORLD_CITIES + list(V.US_STATES.values()) + list(V.CA_PROVINCES.values())
          + V.COUNTRIES}
NAME_WORDS = set(V.FIRST_NAMES) | set(V.SURNAMES) | set(V.WORDY_FIRST)


@pytest.fixture(scope="module")
def corpus():
    return generate(SMALL, seed=7)


def test_corpus_is_deterministic_and_varied(corpus):
    again = generate(SMALL, seed=7)
    assert [(s.text, s.labels) for s in corpus] == [(s.text, s.labels) for s in again]
    assert [s.text for s in generate(SMALL, seed=8)] != [s.text for s in corpus]
    assert {s.kind for s in corpus} == set(TEMPLATES)
    assert len({t for s in corpus for t, _, _ in s.labels}) == len({t for t, _ in LABELLED.values()})


def test_labels_point_at_the_generated_values():
    # render every template many times, recording each generated value as it is made
    rng = random.Random(11)
    for kind, templates in TEMPLATES.items():
        for template in templates:
            for _ in range(5):
                made: list[str] = []
                originals = {k: LABELLED[k][1] for k in LABELLED}
                try:
                    for k, (t, gen) in list(LABELLED.items()):
                        LABELLED[k] = (t, lambda r, gen=gen: made.append(gen(r)) or made[-1])
                    s = render(rng, kind, template)
                finally:
                    for k, gen in originals.items():
                        LABELLED[k] = (LABELLED[k][0], gen)
                spans = [s.text[a:b] for _, a, b in s.labels]
                if kind == "stt":  # values are re-rendered as spoken; the span must still be exact
                    assert len(spans) == len(made)
                else:
                    assert spans == made, (template, s.text)
                for _, a, b in s.labels + s.negatives:
                    assert 0 <= a < b <= len(s.text)
                    assert s.text[a:b] == s.text[a:b].strip()


def test_labels_and_values_are_valid(corpus):
    seen = spoken = 0
    for s in corpus:
        for t, a, b in s.labels:
            value = s.text[a:b]
            assert value and value == value.strip(), (t, value, s.text)
            if t in NUMERIC:
                spoken += bool(re.search(r"[a-z]", value))
                value = V.words_to_digits(value)    # digits (and a leading +) of the number said
            elif s.kind == "stt":
                continue
            digits = "".join(c for c in value if c.isdigit())
            if t == "CREDIT_CARD_NUMBER":
                assert V.luhn_valid(digits) and 13 <= len(digits) <= 19
            elif t == "US_BANK_ROUTING_NUMBER":
                assert V.aba_valid(digits)
            elif t == "IBAN":
                assert V.iban_valid(value)
            elif t == "SSN":
                assert len(digits) == 9 and digits[:3] not in ("000", "666") and digits[0] != "9"
            elif t == "PHONE_NUMBER":
                region = "GB" if value.startswith("00") else "US"
                assert phonenumbers.is_valid_number(phonenumbers.parse(value, region)), value
            elif t == "US_BANK_ACCOUNT_NUMBER":
                assert value == digits and 8 <= len(digits) <= 17, value  # no separators
            elif t == "PASSPORT_NUMBER":
                assert value.isalnum() and 8 <= len(value) <= 9, value
            elif t == "US_DRIVERS_LICENSE":
                assert digits and re.fullmatch(r"[A-Z]?[ \d-]+", value), value
            elif t == "PERSON_NAME":   # titles (Mr., Dr.) are outside the span
                assert any(value == w or value.startswith(w + " ") or value.startswith(w + "-")
                           for w in NAME_WORDS), value
                assert value.split()[0].rstrip(".") not in ("Mr", "Ms", "Mrs", "Dr"), value
            elif t == "LOCATION":
                assert value.lower() in PLACES, value
            elif t == "ADDRESS":
                assert re.match(r"(\d|P\.? ?O\.? Box|Post Office Box|PSC|Unit|CMR|Flat)", value), value
                assert not value.endswith("."), value
            elif t == "DOMAIN_NAME":
                assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", value), value
                assert value not in V.FILENAMES
            seen += 1
    assert seen > 100 and spoken >= 3
    for s in corpus:
        for kind, a, b in s.negatives:
            if kind == "badcard":
                assert not V.luhn_valid("".join(c for c in s.text[a:b] if c.isdigit()))


def test_every_new_type_is_in_the_corpus_and_labels_round_trip():
    corpus = generate(2000, seed=3)
    types = Counter(t for s in corpus for t, _, _ in s.labels)
    assert NEW_TYPES <= set(types) and NEW_TYPES <= LABELLED_TYPES
    assert {t for t, _ in LABELLED.values()} <= LABELLED_TYPES
    for t in NEW_TYPES:
        assert types[t] >= 30, (t, types[t])
        assert len({s.kind for s in corpus if any(lt == t for lt, _, _ in s.labels)}) >= 3, t
    holidays = {h.lower() for h in V.HOLIDAYS}
    assert sum(1 for s in corpus for t, a, b in s.labels
               if t == "DATE" and s.text[a:b].lower() in holidays) >= 20
    # a good share of the sentences hold one of the new types
    share = sum(any(t in NEW_TYPES for t, _, _ in s.labels) for s in corpus) / len(corpus)
    assert 0.25 <= share <= 0.45, share
    # round trip: every label and negative is exactly a stripped, non-overlapping slice of the
    # text, and re-rendering with the same seed gives the same spans
    for s in corpus:
        spans = sorted(s.labels + s.negatives, key=lambda x: x[1])
        for (_, a, b), (_, c, _) in zip(spans, spans[1:]):
            assert b <= c, s.text
        for _, a, b in spans:
            assert s.text[a:b] and s.text[a:b] == s.text[a:b].strip()
    assert [(s.text, s.labels, s.negatives) for s in generate(2000, seed=3)] == \
        [(s.text, s.labels, s.negatives) for s in corpus]


def test_hard_negatives_are_unlabelled(corpus):
    big = generate(2000, seed=5)
    kinds = Counter(k for s in big for k, _, _ in s.negatives)
    for k in ("capword", "street", "numword", "filename", "product", "weekday", "month",
              "abbrev", "digits", "mrdot"):
        assert kinds[k] > 0, k
    for s in big:
        for k, a, b in s.negatives:
            assert not any(la < b and a < lb for _, la, lb in s.labels), (k, s.text)
            if k == "street":
                assert not s.text[a:b][0].isdigit()


def test_spoken_numbers_decode_to_valid_values():
    rng = random.Random(5)
    for _ in range(300):
        text = V.spoken_phone(rng)
        number = V.words_to_digits(text)
        region = "GB" if number.startswith("00") else "US"
        assert phonenumbers.is_valid_number(phonenumbers.parse(number, region)), (text, number)
        card = V.words_to_digits(V.spoken_card(rng))
        assert V.luhn_valid(card) and card[0] in "3456"
        ssn = V.words_to_digits(V.spoken_ssn(rng))
        assert len(ssn) == 9 and ssn[:3] not in ("000", "666") and ssn[0] != "9"
        assert ssn[3:5] != "00" and ssn[5:] != "0000"
    said = " ".join(V.spell_number(random.Random(i), "415-555-1200") for i in range(50))
    for word in ("double", "triple", "oh", "five"):
        assert word in said
    assert V.words_to_digits("four one five triple five one two oh oh") == "415555120" + "0"


def test_perfect_predictions_score_one(corpus):
    score = score_all((len(s.text), s.labels, list(s.labels)) for s in corpus)
    assert score.micro() == (1.0, 1.0, 1.0)
    assert score.overlap_prf() == (1.0, 1.0, 1.0)
    for t in score.types():
        assert score.prf(t) == (1.0, 1.0, 1.0)
    assert score.leak_rate() == 0.0 and score.over_redaction() == 0.0


def test_scoring_a_hand_made_example():
    text = "card 4111 1111 1111 1111 ssn 123-45-6789 call 555 on 2024-01-02"
    gold = [("CREDIT_CARD_NUMBER", 5, 24), ("SSN", 29, 40), ("DATE", 53, 63)]
    # the SSN is missed, "555" is a false positive phone, the card is one char short,
    # the date is right type-wise only as a DATE_OF_BIRTH
    pred = [("CREDIT_CARD_NUMBER", 5, 23), ("PHONE_NUMBER", 46, 49), ("DATE_OF_BIRTH", 53, 63)]
    score = Score()
    add(score, len(text), gold, pred)
    assert score.prf("SSN") == (0.0, 0.0, 0.0)
    assert score.prf("PHONE_NUMBER") == (0.0, 0.0, 0.0)
    assert score.prf("CREDIT_CARD_NUMBER") == (0.0, 0.0, 0.0)      # exact: off by one
    assert score.overlap_prf("CREDIT_CARD_NUMBER") == (1.0, 1.0, 1.0)
    assert score.confusions[("DATE", "DATE_OF_BIRTH")] == 1
    p, r, f = score.micro()                                      # 0 TP, 3 FP, 3 FN
    assert (p, r, f) == (0.0, 0.0, 0.0)
    p, r, f = score.overlap_prf()                                # card only: 1/3 preds, 1/3 labels
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 3)
    # leaked: the SSN (11 chars) and the card's last char; the date is covered
    assert score.leaked_chars == 12 and score.pii_chars == 19 + 11 + 10
    assert score.over_chars == 3 and score.other_chars == len(text) - 40


def test_location_subtypes_score_as_location():
    text = "I live in Denver"
    score = Score()
    add(score, len(text), [("LOCATION", 10, 16)], [("LOCATION_CITY", 10, 16)])
    assert score.prf("LOCATION") == (1.0, 1.0, 1.0) and not score.unscored


def test_one_miss_one_false_positive():
    text = "a@b.io and 10.0.0.1 and 1.2.3.4.5"
    gold = [("EMAIL_ADDRESS", 0, 6), ("IP_ADDRESS", 11, 19)]
    pred = [("EMAIL_ADDRESS", 0, 6), ("URL", 24, 33), ("SWIFT_CODE", 11, 19)]
    score = Score()
    add(score, len(text), gold, pred)
    p, r, f = score.micro()          # TP 1, FP 1 (URL), FN 1 (IP); SWIFT_CODE is not scored
    assert (p, r) == (0.5, 0.5) and f == pytest.approx(0.5)
    assert score.unscored["SWIFT_CODE"] == 1
    assert score.leaked_chars == 0   # the IP is covered, albeit by an unscored type
    assert score.over_chars == 9


def test_harness_runs_end_to_end(corpus, capsys):
    score, preds, _ = evaluate(corpus, core_predictor())
    assert len(preds) == len(corpus)
    assert 0.0 <= score.leak_rate() <= 1.0
    assert main(["--n", "200", "--presidio"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "leak rate" in out and "throughput" in out and "Presidio" in out


# ---- independent sources (bench/accuracy/sources) and leave-one-source-out ----

from bench.accuracy.generality import report, scored_predictions  # noqa: E402
from bench.accuracy.loso import Tuner, candidates, kept, thresholds_of  # noqa: E402
from bench.accuracy.scoring import merged  # noqa: E402
from bench.accuracy.sources import SOURCES, Source, fill  # noqa: E402

SOURCE_SEED = 13


@pytest.fixture(scope="module")
def sourced():
    pytest.importorskip("faker", reason="the sources need the test extra (faker, mimesis, babel, ...)")
    return {s.name: s.generate(SOURCE_SEED) for s in SOURCES}


def test_fill_labels_every_slot():
    s = fill("k", "{} from {} is here", ("PERSON_NAME", "王伟"), ("ORGANIZATION", "Acme"))
    assert s.text == "王伟 from Acme is here"
    assert [s.text[a:b] for _, a, b in s.labels] == ["王伟", "Acme"]
    with pytest.raises(ValueError):
        fill("k", "{}", ("A", "x"), ("B", "y"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.name)
def test_source_labels_are_exact_and_deterministic(source, sourced):
    corpus = sourced[source.name]
    assert len(corpus) >= 500 and source.origin()
    for s in corpus:
        assert s.labels, s.text
        spans = sorted(s.labels, key=lambda x: x[1])
        for (_, a, b), (_, c, _) in zip(spans, spans[1:]):
            assert b <= c, s.text
        for _, a, b in spans:
            assert 0 <= a < b <= len(s.text)
            assert s.text[a:b] == s.text[a:b].strip() and s.text[a:b].strip(",.;:") == s.text[a:b] \
                or s.text[a:b].endswith("."), (source.name, s.text)   # CLDR dates may end in "."
    again = source.generate(SOURCE_SEED)
    assert [(s.kind, s.text, s.labels) for s in again] == [(s.kind, s.text, s.labels) for s in corpus]


def test_sources_are_varied_and_valid(sourced):
    kinds = {name: Counter(s.kind.split(":", 1)[-1] for s in c) for name, c in sourced.items()}
    assert len(kinds["i18n_addresses"]) >= 30 and len(kinds["faker_names"]) >= 50
    assert len(kinds["mimesis_names"]) >= 30
    assert {"e164", "international", "national", "00", "011", "trunk0", "dots", "slash",
            "extension"} <= set(kinds["phonenumbers"])
    assert {"visa13", "visa16", "visa19", "mastercard", "amex", "discover", "diners", "jcb15",
            "jcb16", "maestro"} <= set(kinds["faker_payments"])
    names = [s.text[a:b] for s in sourced["faker_names"] + sourced["mimesis_names"]
             for t, a, b in s.labels if t == "PERSON_NAME"]
    for script in ("CYRILLIC", "GREEK", "CJK", "HANGUL", "ARABIC", "DEVANAGARI", "HEBREW"):
        assert any(script in unicodedata.name(n[0], "") for n in names), script
    for s in sourced["faker_payments"]:
        for t, a, b in s.labels:
            value = s.text[a:b]
            if t == "CREDIT_CARD_NUMBER":
                assert V.luhn_valid(value.replace(" ", "").replace("-", "")), value
            else:
                assert V.iban_valid(value), value
    for s in sourced["faker_internet"]:
        for t, a, b in s.labels:
            if t == "IP_ADDRESS":
                ipaddress.ip_address(s.text[a:b])
    numeric = re.compile(r"[0-9]+(?:[ ./-]+[0-9]+)+[ .]*")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    for s in sourced["cldr_dates"]:
        for _, a, b in s.labels:
            value = s.text[a:b]
            assert numeric.fullmatch(value) or any(m in value for m in months), value
    assert any("\n" in s.text[a:b] for s in sourced["i18n_addresses"] for _, a, b in s.labels)


def test_phone_renderings_parse_back_to_the_varied_number():
    from bench.accuracy.sources import phones
    rng = random.Random(3)
    for region in ("DE", "GB", "FR", "JP", "IN", "BR", "US", "AU", "IT", "CH"):
        for kind in (phones.T.FIXED_LINE, phones.T.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            number = phones.vary(rng, example, region)
            assert phonenumbers.is_valid_number_for_region(number, region)
            assert phonenumbers.number_type(number) == phonenumbers.number_type(example)
            for style, text in phones.renderings(rng, number).items():
                if style in ("00", "011"):
                    text = "+" + text.split(" ", 1)[-1] if style == "011" else "+" + text[2:]
                parsed = phonenumbers.parse(text.replace("(0)", "").replace("/", " "), region)
                assert parsed.national_number == number.national_number, (style, text)


def test_per_type_leak_and_merging_add_up():
    text = "call 555-1234 or mail a@b.io"
    gold = [("PHONE_NUMBER", 5, 13), ("EMAIL_ADDRESS", 22, 28)]
    pred = [("PHONE_NUMBER", 5, 9), ("EMAIL_ADDRESS", 17, 28)]
    score = Score()
    add(score, len(text), gold, pred)
    assert score.type_leak_rate("PHONE_NUMBER") == 4 / 8 and score.type_leak_rate("EMAIL_ADDRESS") == 0
    assert score.over_by_type["EMAIL_ADDRESS"] == 5 and score.type_over_redaction("PHONE_NUMBER") == 0
    halves = merged([score_all([(len(text), gold, pred)]), score_all([(len(text), gold[:1], [])])])
    both = score_all([(len(text), gold, pred), (len(text), gold[:1], [])])
    assert halves == both


def synthetic_source(fp_score: float, extra: list[tuple[str, int, int, float]] = ()) -> list:
    """Ten texts, each with a true phone (score 0.9) and a false date (fp_score)."""
    gold = [("PHONE_NUMBER", 0, 10)]
    return [(30, gold, [("PHONE_NUMBER", 0, 10, 0.9), ("DATE", 12, 20, fp_score), *extra])] * 10


def test_loso_chooses_only_from_the_other_sources():
    train = {"a": synthetic_source(0.5), "b": synthetic_source(0.6)}
    held_outs = [synthetic_source(0.95), synthetic_source(0.7, [("SSN", 21, 29, 0.3)]), []]
    choices = [Tuner({**train, "c": c}).choose("c", per_type=True) for c in held_outs]
    assert len({(c.min_score, tuple(sorted(c.per_type.items()))) for c in choices}) == 1
    choice = choices[0]
    assert choice.min_score == 0.9 and choice.train_f1 == 1.0   # drops the false dates at 0.5/0.6
    assert "DATE" not in choice.per_type             # not labelled in training: the global one
    # labelled dates in training: their threshold drops the false ones (0.3), keeps the true (0.4)
    labelled = {"a": synthetic_source(0.3) + [(30, [("DATE", 0, 8)], [("DATE", 0, 8, 0.4)])] * 20, "c": []}
    assert Tuner(labelled).choose("c", per_type=True).per_type == {"DATE": 0.4, "PHONE_NUMBER": 0.0}
    assert candidates(train["a"]) == [0.0, 0.5, 0.9, 1.0]
    # on the left-out source the choice is applied as it is, right or wrong for it
    assert kept(held_outs[0][0][2], {"": choice.min_score}) == [("PHONE_NUMBER", 0, 10), ("DATE", 12, 20)]
    # ties: lower leak, then the lower threshold
    assert Tuner({"a": synthetic_source(0.9), "c": []}).choose("c").min_score == 0.0


def test_per_type_alone_learns_nothing_for_types_the_training_sources_do_not_label():
    # the training sources label phones only: the false dates (0.5, 0.6) are no reason to
    # drop anything of another type; the held-out source's true dates at 0.7 are kept
    train = {"a": synthetic_source(0.5), "b": synthetic_source(0.6)}
    held_out = [(30, [("DATE", 12, 20)], [("PHONE_NUMBER", 0, 10, 0.9), ("DATE", 12, 20, 0.7)])] * 5
    tuner = Tuner({**train, "c": held_out})
    assert tuner.choose("c").min_score == 0.9                 # the global one drops them
    alone = tuner.choose_per_type("c")
    assert alone.min_score == 0.0 and alone.per_type == {"PHONE_NUMBER": 0.0}
    assert kept(held_out[0][2], thresholds_of(alone)) == [("PHONE_NUMBER", 0, 10), ("DATE", 12, 20)]
    # labelled false phones in training at 0.5 do raise the phone threshold
    noisy = {"a": [(30, [("PHONE_NUMBER", 0, 10)], [("PHONE_NUMBER", 0, 10, 0.9),
                                                   ("PHONE_NUMBER", 12, 20, 0.5)])] * 10, "c": held_out}
    assert Tuner(noisy).choose_per_type("c").per_type == {"PHONE_NUMBER": 0.9}


def test_filtering_by_score_is_what_the_core_does_with_min_score(sourced):
    corpus = sourced["faker_names"][:150] + sourced["phonenumbers"][:150] + sourced["cldr_dates"][:150]
    everything = scored_predictions(corpus)
    for t in sorted({s for p in everything for *_, s in p})[:6]:
        assert [kept(p, {"": t}) for p in everything] == \
            [[x[:3] for x in p] for p in scored_predictions(corpus, t)], t


def test_sources_report_runs_end_to_end(sourced):
    small = [SmallSource(name, sourced[name][:60], name != "cldr_dates_other") for name in
             ("phonenumbers", "cldr_dates", "faker_names", "cldr_dates_other")]
    out = "\n".join(report(SOURCE_SEED, kinds=True, sources=small))
    assert "leave-one-source-out" in out and "min_score" in out and "all (pooled)" in out
    assert "cldr_dates_other (out)" in out and "per type over all in-scope sources" in out


class SmallSource(Source):
    def __init__(self, name: str, corpus: list, in_scope: bool):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "module", "")
        object.__setattr__(self, "in_scope", in_scope)
        object.__setattr__(self, "corpus", corpus)

    def generate(self, seed: int) -> list:
        return self.corpus

    def origin(self) -> str:
        return "a slice of the real source"


def test_honest_fold_loads_names_built_without_the_package():
    from bench.accuracy.corpus import Sentence
    from bench.accuracy.generality import NAMES_LEARNT_FROM, build_names_module, names_without
    from redactd.core import _scan
    assert NAMES_LEARNT_FROM == {"faker_names": "faker", "mimesis_names": "mimesis"}
    build = build_names_module()
    only_faker = sorted(k for k, f in build.build(["faker"]).items() if "F" in f and k.isascii()
                        and len(k) > 3 and not _scan.gazetteer_flags(k) - {"first", "last", "prefix"})
    others = build.build([s for s in build.SOURCES if s != "faker"])
    word = next(k for k in only_faker if k not in others)
    name = word.capitalize()
    text = f"Meeting with {name} at noon"

    def found() -> list[str]:
        return [text[a:b] for t, a, b, _ in scored_predictions([Sentence("t", text, [])])[0]
                if t == "PERSON_NAME"]

    assert "first" in _scan.gazetteer_flags(word) and found() == [name]
    with names_without("faker"):
        assert "first" not in _scan.gazetteer_flags(word) and found() == []
    assert "first" in _scan.gazetteer_flags(word) and found() == [name]


def test_sources_report_prints_in_sample_and_honest_rows(sourced):
    small = [SmallSource(name, sourced[name][:40], True) for name in ("cldr_dates", "faker_names")]
    out = "\n".join(report(SOURCE_SEED, sources=small))
    assert "faker_names (honest)" in out and "names list built without faker" in out
    pooled = next(line for line in out.splitlines() if line.startswith("all (pooled)"))
    honest = next(line for line in out.splitlines() if line.startswith("all, honest"))
    assert pooled.split()[2] == honest.split()[6]   # the pooled LOSO default F1 is the honest one
