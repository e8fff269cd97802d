"""Out of scope, scored apart: CLDR date patterns whose output redactd is not meant to read
yet: month and weekday names in other languages (`3. Januar 2024`, `3 janvier 2024`),
CJK date words (`2024年1月3日`), other digits (`٣‏/١‏/٢٠٢٤`), era markers. One
locale per language of a fixed list, medium, long and full patterns, and the short
pattern where it is not numeric. Not part of the totals or of leave-one-source-out.
"""
from __future__ import annotations

from bench.accuracy.corpus import Sentence
from bench.accuracy.sources import source_rng
from bench.accuracy.sources.dates import WIDTHS, is_english, is_numeric, sentence

ORIGIN = ("babel (BSD-3-Clause) with the Unicode CLDR data it ships (Unicode licence): "
          "the written date patterns of non-English locales")

LOCALES = ["de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL", "sv_SE", "pl_PL", "cs_CZ",
           "hu_HU", "ro_RO", "tr_TR", "ru_RU", "uk_UA", "el_GR", "he_IL", "ar_EG", "fa_IR",
           "hi_IN", "bn_BD", "th_TH", "vi_VN", "id_ID", "ja_JP", "zh_CN", "zh_TW", "ko_KR",
           "sw_KE", "fi_FI", "da_DK"]
DATES = 10   # per locale and width


def generate(seed: int) -> list[Sentence]:
    rng = source_rng(seed, "cldr_dates_other")
    out = []
    for locale in LOCALES:
        for width in WIDTHS:
            if not is_numeric(width, locale) and not is_english(width, locale):
                out += [sentence(rng, f"date:{locale}", width, [locale]) for _ in range(DATES)]
    return out
