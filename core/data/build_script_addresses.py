#!/usr/bin/env python3
"""Build ``script_address_words.txt``: the address words of the scripts without Latin
letters that core/scan/script_addresses.pyx reads (Arabic, Persian, Hebrew, Thai,
Bengali, Devanagari, Georgian, Armenian and Kazakh Cyrillic).

Each line is ``word<TAB>CLASSES``, the word as written (NFC, and the precomposed form of
a nukta letter too, as texts write both). Sorted, deterministic for fixed inputs.

Rebuild (in a throwaway venv; never in the project's own .venv)::

    python3 -m venv /tmp/addrvenv
    /tmp/addrvenv/bin/pip install babel
    # libpostal's dictionaries (MIT): a checkout of github.com/openvenues/libpostal
    /tmp/addrvenv/bin/python core/data/build_script_addresses.py /path/to/libpostal

Sources: libpostal's street_types, unit_types_numbered, building_types and post_office
dictionaries of ar, fa, he, th, hi and ka (MIT); the words the postal formats of these
countries use (``FORMAT_WORDS`` below: street, house-number, unit and division words of
the UPU's and the national posts' address guides); CLDR's territory names in each
language, through babel (Unicode licence).

Classes:
    P a street type written before the street's name ("شارع", "خیابان", "רחוב", "ถนน")
    T a street type written after it ("ქუჩა", "փողոց", "গলি", "गल्ली", "көшесі")
    G (Thai) a street type or division word also written into the name's first word
      ("ถนนสุขุมวิท", "จังหวัดเชียงใหม่")
    H a word before a house or plot number ("پلاک", "নং", "หมู่", "үй")
    U a unit word before a number ("شقة", "דירה", "ห้อง", "пәтер")
    L a division word before or after its name ("استان", "محافظة", "จังหวัด", "облысы")
    C a country's name in the language ("ایران", "ประเทศไทย", "Қазақстан")
    Z a postal code's label ("کدپستی", "מיקוד", "รหัสไปรษณีย์"): the number after it is one
    M a month's name, wide or abbreviated ("ডিসে", "مارس", "იანვარი"): a part with one and
      a number is a date, unless a street word is in it too
"""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "script_address_words.txt")

# libpostal dictionary -> class, per language
LIBPOSTAL = {
    "street_types": "P", "unit_types_numbered": "U",
}
LIBPOSTAL_LANGS = ("ar", "fa", "he", "th", "hi", "ka")
AFTER_LANGS = ("hi", "ka")   # their street types follow the name

# the words of each country's postal format (street, house, unit, division words)
FORMAT_WORDS = {
    "ar": {  # Egypt, Jordan, Saudi Arabia, UAE, Morocco, Tunisia, ...
        "Z": "الرمز البريدي رمز بريدي",
        "P": "شارع الشارع طريق الطريق حي الحي ساحة الساحة ميدان جادة نهج زنقة درب ممر حارة زقاق "
             "كورنيش بولفار محج مسلك ممشى دوار",
        "H": "رقم عمارة بناية مبنى فيلا قطعة",
        "U": "شقة الطابق طابق مكتب",
        "L": "محافظة ولاية إمارة منطقة جهة إقليم عمالة مدينة قرية مركز بلدية معتمدية",
    },
    "fa": {  # Iran
        "Z": "کدپستی کد پستی",
        "P": "خیابان بلوار کوچه جاده بزرگراه آزادراه کوی میدان بن‌بست",
        "H": "پلاک ساختمان",
        "U": "واحد طبقه",
        "L": "استان شهرستان شهر بخش دهستان روستا منطقه محله",
    },
    "he": {  # Israel
        "Z": "מיקוד",
        "P": "רחוב רח שדרות שד דרך כביש סמטת סמטה כיכר שכונת שכונה שיכון",
                "U": "דירה קומה כניסה",
        "L": "מחוז",
    },
    "th": {  # Thailand
        "Z": "รหัสไปรษณีย์",
        "P": "ถนน ถ ซอย ซ ตรอก ทางหลวง",
        "G": "ถนน ซอย ตรอก ตำบล อำเภอ แขวง เขต จังหวัด",
        "H": "หมู่ ม หมู่ที่ เลขที่ บ้านเลขที่ หมู่บ้าน",
        "U": "ห้อง ชั้น อาคาร",
        "L": "ตำบล ต อำเภอ อ แขวง เขต จังหวัด จ",
    },
    "bn": {  # Bangladesh
        "Z": "পোস্টকোড পোস্ট কোড",
        "T": "সড়ক রোড রাস্তা গলি লেন পথ এভিনিউ",
        "H": "বাড়ি বাড়ী নং নম্বর হোল্ডিং বাসা প্লট ব্লক সেক্টর",
        "U": "ফ্ল্যাট তলা",
        "L": "গ্রাম ডাকঘর উপজেলা থানা জেলা বিভাগ মহল্লা",
    },
    "hi": {  # India (Hindi), Nepal (Nepali)
        "Z": "पिनकोड पिन कोड पोस्टकोड",
        "T": "मार्ग सड़क सडक रोड गली गल्ली पथ चौक चोक लेन टोल",
        "H": "नं नंबर नम्बर घर मकान भवन प्लॉट ब्लॉक सेक्टर",
        "U": "फ्लैट मंजिल तल्ला",
        "L": "जिला जिल्ला प्रदेश अञ्चल नगरपालिका गाउँपालिका वडा गाँव गाउँ तहसील नगर",
    },
    "ka": {  # Georgia
        "Z": "საფოსტო ინდექსი",
        "T": "ქუჩა ქ ქუჩის გამზირი გამზ შესახვევი შეს ჩიხი ხეივანი გზატკეცილი ბულვარი "
             "მოედანი სანაპირო აღმართი",
        "H": "კორპუსი სახლი",
        "U": "ბინა სართული",
        "L": "მხარე რაიონი სოფელი დაბა უბანი მიკრორაიონი",
    },
    "hy": {  # Armenia
        "Z": "փոստային ինդեքս",
        "T": "փողոց փող պողոտա պող նրբանցք նրբ հրապարակ խճուղի մայրուղի ճանապարհ փակուղի",
        "H": "տուն շենք",
        "U": "բնակարան բն",
        "L": "մարզ քաղաք գյուղ թաղամաս թաղ",
    },
    "kk": {  # Kazakhstan (Kazakh; written before or after the name)
        "Z": "индекс пошта",
        "P": "көшесі көш даңғылы даң ықшамауданы шағынауданы тұйығы жолы алаңы гүлзары бульвары",
        "T": "көшесі көше даңғылы даңғыл ықшамауданы шағынауданы тұйығы жолы алаңы гүлзары бульвары",
        "H": "үй",
        "U": "пәтер",
        "L": "облысы обл ауданы ауылы қаласы қ кенті",
    },
}

# the languages whose month and weekday names (CLDR) mark a date, and their script's block
DATE_LANGS = {"ar": (0x600, 0x6FF), "fa": (0x600, 0x6FF), "ur": (0x600, 0x6FF), "he": (0x590, 0x5FF),
              "th": (0xE00, 0xE7F), "bn": (0x980, 0x9FF), "hi": (0x900, 0x97F), "ne": (0x900, 0x97F),
              "mr": (0x900, 0x97F), "ka": (0x10A0, 0x10FF), "hy": (0x530, 0x58F), "kk": (0x400, 0x4FF)}

# countries whose own-language name ends a block, and the languages they are written in
COUNTRIES = {
    "EG": ("ar",), "JO": ("ar",), "SA": ("ar",), "AE": ("ar",), "MA": ("ar",), "TN": ("ar",),
    "DZ": ("ar",), "IQ": ("ar",), "LB": ("ar",), "SY": ("ar",), "KW": ("ar",), "OM": ("ar",),
    "QA": ("ar",), "BH": ("ar",), "YE": ("ar",), "LY": ("ar",), "SD": ("ar",), "PS": ("ar",),
    "IR": ("fa",), "AF": ("fa",), "IL": ("he",), "TH": ("th",), "BD": ("bn",), "IN": ("hi", "bn"),
    "NP": ("ne",), "GE": ("ka",), "AM": ("hy",), "KZ": ("kk",),
}


def variants(word: str) -> set[str]:
    # NFC, and the precomposed nukta letters (U+0958-095F, U+09DC-09DF) texts also write
    nfc = unicodedata.normalize("NFC", word)
    out = {nfc}
    pre = nfc
    for c in (*range(0x958, 0x960), *range(0x9DC, 0x9E0)):
        ch = chr(c)
        dec = unicodedata.normalize("NFD", ch)
        if dec != ch:
            pre = pre.replace(dec, ch)
    out.add(pre)
    return {w for w in out if w}


def libpostal_words(root: str) -> dict[str, set[str]]:
    classes: dict[str, set[str]] = defaultdict(set)
    for lang in LIBPOSTAL_LANGS:
        for name, cls in LIBPOSTAL.items():
            path = f"resources/dictionaries/{lang}/{name}.txt"
            try:
                text = subprocess.run(["git", "-C", root, "show", f"HEAD:{path}"], check=True,
                                      capture_output=True, text=True).stdout
            except subprocess.CalledProcessError:
                if not os.path.exists(os.path.join(root, path)):
                    continue
                text = open(os.path.join(root, path), encoding="utf-8").read()
            if cls == "P" and lang in AFTER_LANGS:
                cls = "T"
            for line in text.splitlines():
                for word in line.split("|"):
                    word = word.strip()
                    if word and " " not in word and all(ord(ch) >= 0x370 for ch in word.rstrip(".")):
                        classes[word.rstrip(".")].add(cls)
    return classes


def date_names(lang: str) -> list[str]:
    # the wide and abbreviated month names of a CLDR locale, both contexts
    from babel import Locale
    names = []
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            locale = Locale.parse(lang)
            names += [locale.months[ctx][width][m] for m in range(1, 13)]
    return names


def main(argv: list[str]) -> int:
    from babel import Locale
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    words: dict[str, set[str]] = defaultdict(set)
    for word, classes in libpostal_words(argv[1]).items():
        words[word] |= classes
    for table in FORMAT_WORDS.values():
        for cls, text in table.items():
            for word in text.split():
                words[word.rstrip("_")].add(cls)
    for cc, langs in COUNTRIES.items():
        for lang in langs:
            name = Locale.parse(lang).territories.get(cc, "")
            if name and " " not in name:
                words[name].add("C")
    for lang, (lo, hi) in DATE_LANGS.items():
        for name in date_names(lang):
            word = name.rstrip(".׳")
            if len(word) > 1 and " " not in word and "." not in word and all(lo <= ord(ch) <= hi for ch in word):
                words[word].add("M")
    lines = {}
    for word, classes in words.items():
        for v in variants(word):
            key = v.lower()
            lines[key] = "".join(sorted(set(lines.get(key, "")) | classes))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# generated by core/data/build_script_addresses.py from libpostal, the postal "
                "formats' words, CLDR (babel): see SOURCES.md\n")
        for key in sorted(lines):
            f.write(f"{key}\t{lines[key]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
