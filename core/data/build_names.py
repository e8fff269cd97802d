#!/usr/bin/env python3
"""Build redactd's list of given names and family names of many countries and scripts.

Writes ``names.txt`` next to this script: ``word<TAB>FLAGS`` per line (F given name,
L family name), UTF-8, sorted, deterministic for fixed package versions. A word is
keyed the way the compiled core reads it (core.lexicon.word_key): Latin letters
folded to lower-case ASCII ("Jovanović" is "jovanovic"), letters of other scripts
lower-cased code point by code point ("Петров" is "петров", "王" stays "王").

Rebuild (in a throwaway venv; never in the project's own .venv)::

    python3 -m venv /tmp/namesvenv
    /tmp/namesvenv/bin/pip install faker==40.63.0 mimesis==22.2.0
    /tmp/namesvenv/bin/python core/data/build_names.py

``--without faker`` or ``--without mimesis`` (and ``--out PATH``) builds the list
without one source, to measure on data drawn from that source without having
learnt its names (the accuracy harness does so itself: bench/accuracy/generality.py).

``--open SSA_DIR FAMILY_DIR`` instead writes ``names_open.txt``, the names of open
public-domain lists that the core loads beside names.txt (the harness never leaves them
out: no source of its data drew from them)::

    git clone https://github.com/hackerb9/ssa-baby-names /tmp/ssa          # raw-data/yob*.txt
    git clone https://github.com/nullstyle/name-database /tmp/namedb        # family_name/*/*.yml
    apt-get install -y scowl
    python3 core/data/build_names.py --open /tmp/ssa/raw-data /tmp/namedb/family_name

* US Social Security Administration, national baby names (yob1880..yob2020): every
  given name that some year gave to ``SSA_MIN`` babies or more (F)
* US Census Bureau surname lists of 1990 and 2000 (surnames of 100 people or more), as
  merged in name-database's ``family_name`` files (L)

A word of either that is an English word of SCOWL's size classes up to 50 is left out
(a surname "Tears", a given name "Journey"), and so is a city, state or country of
gazetteer.txt.

Sources (see SOURCES.md for versions and licences), both MIT:

* ``faker``   -- the person providers of its locales: first, last and middle
                 (patronymic) names, romanised and kana forms where a locale has them
* ``mimesis`` -- ``datasets/<locale>/person.json``: names, surnames, patronymics

Only names are taken: no titles, no occupations, no generated combinations.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def _lexicon():
    """core/lexicon.py by its path (the core package itself needs the compiled scanner)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("lexicon", os.path.join(os.path.dirname(HERE), "lexicon.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NAME_PARTICLES, word_key = _lexicon().NAME_PARTICLES, _lexicon().word_key

OUT = os.path.join(HERE, "names.txt")
OPEN_OUT = os.path.join(HERE, "names_open.txt")
SSA_MIN = 20
SCOWL = [f"/usr/share/dict/scowl/{kind}-words.{size}" for kind in ("english", "american")
         for size in (10, 20, 35, 40, 50)]
MAX_LETTERS = 24
# separators inside a name as the sources write it: "Mary-Jane", "O'Neil", "Jean Luc",
# the katakana middle dot
SPLIT = re.compile(r"[\s\-'\u2019\u02bc\u30fb.·]+")
FAKER_ATTR = re.compile(r"^(first|last|middle)_(?:(?:romanized|kana)_)?names(?:_[a-z]+)?$")


def words_of(name: str) -> list[str]:
    """The keys of a name's words; the particles and one-letter Latin words left out."""
    out = []
    for part in SPLIT.split(unicodedata.normalize("NFC", name)):
        key = word_key(part)
        if not key or len(key) > MAX_LETTERS or key in NAME_PARTICLES:
            continue
        if key.isascii() and len(key) < 2:
            continue
        out.append(key)
    return out


def cjk_parts(key: str) -> list[str]:
    """A given name of two or three Han or Hangul characters also lists each character as
    "+<character>", a character given names are written with: names of those scripts are
    written without spaces, and a given name not in the list is read character by character."""
    if 2 <= len(key) <= 3 and all(_spaceless(ch) for ch in key):
        return [key] + ["+" + ch for ch in key]
    return [key]


def _spaceless(ch: str) -> bool:
    c = ord(ch)
    return 0x3400 <= c <= 0x9FFF or 0xAC00 <= c <= 0xD7A3 or 0xF900 <= c <= 0xFAFF


def faker_names() -> dict[str, set[str]]:
    """(kind F/L) -> raw names, over every locale with a person provider of its own."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    out: dict[str, set[str]] = {"F": set(), "L": set()}
    for info in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"faker.providers.person.{info.name}")
        provider = getattr(module, "Provider", None)
        if provider is None:
            continue
        for attr in sorted(vars(provider)):
            m = FAKER_ATTR.match(attr)
            if not m:
                continue
            values = getattr(provider, attr)
            if not isinstance(values, (dict, list, tuple)):
                continue  # a property computed from the lists
            names = list(values.keys()) if isinstance(values, dict) else list(values)
            kind = "F" if m.group(1) == "first" else "L"  # patronymics go after a given name
            out[kind].update(n for n in names if isinstance(n, str))
    return out


def mimesis_names() -> dict[str, set[str]]:
    import mimesis

    base = os.path.join(os.path.dirname(mimesis.__file__), "datasets")
    out: dict[str, set[str]] = {"F": set(), "L": set()}
    for locale in sorted(os.listdir(base)):
        path = os.path.join(base, locale, "person.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        for key, kind in (("names", "F"), ("surnames", "L"), ("patronymic", "L")):
            value = data.get(key, [])
            for names in (value.values() if isinstance(value, dict) else [value]):
                out[kind].update(n for n in names if isinstance(n, str))
    return out


SOURCES = {"faker": faker_names, "mimesis": mimesis_names}
# the package versions names.txt was built with (see SOURCES.md)
PINNED = {"faker": "40.63.0", "mimesis": "22.2.0"}


def version_notes(sources: list[str]) -> list[str]:
    """'faker 41.0.0 (names.txt: 40.63.0)' for each source package whose installed version
    is not the one names.txt was built with."""
    from importlib.metadata import version
    return [f"{name} {version(name)} (names.txt: {PINNED[name]})"
            for name in sources if name in PINNED and version(name) != PINNED[name]]


def places() -> set[str]:
    """The cities, states and countries of gazetteer.txt: a place that some locale also
    gives as a name ("Sacramento", "Rome") keeps the flags the census gives it, no more."""
    out = set()
    with open(os.path.join(HERE, "gazetteer.txt"), encoding="ascii") as fh:
        for line in fh:
            phrase, _, codes = line.rstrip("\n").partition("\t")
            if set(codes) & set("CSK"):
                out.add(phrase)
    return out


def ssa_given(root: str) -> set[str]:
    """Given names of the SSA's yobYYYY.txt files ("Mary,F,7065") that some year gave to
    SSA_MIN babies or more."""
    out = set()
    for name in sorted(os.listdir(root)):
        if re.fullmatch(r"yob\d{4}\.txt", name):
            with open(os.path.join(root, name), encoding="ascii") as fh:
                for line in fh:
                    given, _, count = line.strip().split(",")
                    if int(count) >= SSA_MIN:
                        out.add(given)
    return out


def census_family(root: str) -> set[str]:
    """Surnames of name-database's family_name/<a>/<ab>.yml files ("- kaae", "- scott:")."""
    out = set()
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("- "):
                        out.add(line[2:].strip().rstrip(":"))
    return out


def english_words() -> set[str]:
    out = set()
    for path in SCOWL:
        with open(path, encoding="latin-1") as fh:
            out.update(w.strip() for w in fh if w.strip().islower() and "'" not in w)
    return out


def open_names(ssa_root: str, family_root: str) -> dict[str, set[str]]:
    flags: dict[str, set[str]] = {}
    skip = places() | english_words()
    for kind, raw in (("F", ssa_given(ssa_root)), ("L", census_family(family_root))):
        for full in raw:
            for key in words_of(full):
                if key not in skip and len(key) >= 3:
                    flags.setdefault(key, set()).add(kind)
    return flags


def build(sources: list[str]) -> dict[str, set[str]]:
    flags: dict[str, set[str]] = {}
    skip = places()
    for name in sources:
        for kind, raw in SOURCES[name]().items():
            for full in raw:
                for key in words_of(full):
                    for part in cjk_parts(key) if kind == "F" else [key]:
                        if part not in skip:
                            flags.setdefault(part, set()).add(kind)
    return flags


def write(path: str, without: list[str] = ()) -> dict[str, set[str]]:
    """names.txt built from every source but `without`, written to `path`; its flags."""
    sources = [s for s in sorted(SOURCES) if s not in without]
    flags = build(sources)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# given (F) and family (L) names from {', '.join(sources)}; see SOURCES.md\n")
        for key in sorted(flags):
            fh.write(f"{key}\t{''.join(sorted(flags[key]))}\n")
    return flags


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--without", choices=sorted(SOURCES), action="append", default=[])
    parser.add_argument("--out", default=None)
    parser.add_argument("--open", nargs=2, metavar=("SSA_DIR", "FAMILY_DIR"))
    args = parser.parse_args()
    if args.open:
        args.out = args.out or OPEN_OUT
        flags = open_names(*args.open)
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("# given (F) and family (L) names of SSA baby names and US Census surnames; see SOURCES.md\n")
            for key in sorted(flags):
                fh.write(f"{key}\t{''.join(sorted(flags[key]))}\n")
    else:
        args.out = args.out or OUT
        flags = write(args.out, args.without)
    scripts: dict[str, int] = {}
    for key in flags:
        script = "Latin" if key.isascii() else unicodedata.name(key[0], "?").split()[0]
        scripts[script] = scripts.get(script, 0) + 1
    print(f"{args.out}: {len(flags)} words, {os.path.getsize(args.out)} bytes; "
          f"F {sum('F' in f for f in flags.values())}, L {sum('L' in f for f in flags.values())}")
    print("  by script: " + ", ".join(f"{k} {v}" for k, v in sorted(scripts.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
