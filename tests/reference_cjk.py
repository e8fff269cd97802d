"""Reference rules for addresses written in Chinese, Japanese and Korean (the compiled
part is core/scan/cjk_addresses.pyx); reference.py calls `cjk_address` at a word that
starts with a CJK letter and `cjk_code_first` at a number a separator follows.

An address of these scripts is a run of *chunks*, biggest unit first: a name and an
administrative unit after it (省 市 区 県 町 광역시 구 동), a name and a street type
(路 巷 通り 로 길), a number and a number unit (号 番地 丁目 室 호 번지 층), or a whole
province / prefecture name the metadata lists (東京都 경기도 嘉義縣). Korean writes spaces
between the units; the block's lines or comma parts may also be a postal code of the
countries' shapes (〒 optional), a country's name, or a house number after a road.
The block counts when it holds a numbered unit after a named one, two numbered units
one right after the other,
a bare number after a named unit, a listed province with a city, code or country,
or two named units with a code or a country.
"""
from __future__ import annotations

import pathlib
from dataclasses import dataclass
from typing import Optional

A, S, N, T, W, C = 1, 2, 4, 8, 16, 32
BARE = 64  # a chunk kind: a number without a unit ("1-2-3", "천성로 110")
KINDS = {"A": A, "S": S, "N": N, "T": T, "W": W, "C": C}
NUMERALS = frozenset("〇一二三四五六七八九十百千两兩")
DASHES = frozenset("-－−‐")
COMMAS = frozenset(",，、")
CUES = frozenset("在到是址はにでへを")  # end what comes before an address glued to it
MAX_NAME = 12    # name characters before a unit
MAX_PIECES = 8   # lines or parts of a block after the first


def _load() -> dict[str, int]:
    path = pathlib.Path(__file__).parent.parent / "core" / "data" / "cjk_addresses.txt"
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, kinds = line.partition("\t")
            words[word] = sum(KINDS[k] for k in kinds)
    return words


WORDS = _load()
LONGEST = max(len(w) for w in WORDS)


def cjk_letter(ch: str) -> bool:
    c = ord(ch)
    return (0x4E00 <= c <= 0x9FFF or 0xAC00 <= c <= 0xD7A3 or 0x3400 <= c <= 0x4DBF
            or 0x3041 <= c <= 0x309F or 0x30A1 <= c <= 0x30FA or 0x30FC <= c <= 0x30FF
            or 0xF900 <= c <= 0xFAFF or c == 0x3005)


def hangul(ch: str) -> bool:
    return 0xAC00 <= ord(ch) <= 0xD7A3


def digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


@dataclass
class Block:
    level: int = 0   # 1 named unit, 2 street, 3 number: units come biggest first
    last: int = 0    # kind of the last chunk
    named: int = 0   # A and W chunks
    streets: int = 0
    listed: int = 0  # T
    numbered: int = 0
    bare: int = 0    # a number without a unit
    glued: int = 0   # numbered units right after another ("10番20号", "101동 502호")
    codes: int = 0
    countries: int = 0

    def take(self, kind: int, level: int) -> bool:
        if level < self.level:
            return False
        self.level, self.last = level, kind
        if kind == T:
            self.listed += 1
        elif kind == S:
            self.streets += 1
        elif kind == N:
            self.numbered += 1
        elif kind == BARE:
            self.bare += 1
        else:
            self.named += 1
        return True

    def valid(self) -> bool:
        if self.numbered and (self.named + self.streets + self.listed or self.glued):
            return True
        if self.bare and (self.named + self.listed or (self.streets and (self.codes or self.countries))):
            return True
        if self.named >= 2 and (self.codes or self.countries):
            return True
        return bool(self.listed and (self.named or self.codes or self.countries))


def unit_at(t, j: int, lim: int, want: int) -> tuple[int, int]:
    """The longest listed word at j of a kind in `want` (a Korean one ends its Hangul
    run): (end, its kinds & want), or (0, 0)."""
    for size in range(min(LONGEST, lim - j), 0, -1):
        k = WORDS.get(t.s[j:j + size], 0) & want
        if k and not (hangul(t.s[j + size - 1]) and hangul(t.at(j + size))):
            return j + size, k
    return 0, 0


def number_end(t, j: int, lim: int) -> tuple[int, bool]:
    """A number at j: digits (ASCII or full-width) in up to three groups joined by dashes
    ("1-2-3"), or CJK numerals; (its end, joined by a dash)."""
    if not digit(t.s[j]):
        return t.run(j, lim, lambda ch: ch in NUMERALS), False
    x = t.run(j, lim, digit)
    groups = 1
    while groups < 3 and x + 1 < lim and t.s[x] in DASHES and digit(t.s[x + 1]):
        x = t.run(x + 1, lim, digit)
        groups += 1
    return x, groups > 1


def chunks(t, i: int, lim: int, b: Block) -> int:
    """The chunks of one piece from i, in order (biggest unit first); the end of the last."""
    end = start = j = i
    while j < lim and j - start <= MAX_NAME:
        ch = t.s[j]
        if j == start:
            e, k = unit_at(t, j, lim, T | W)
            if e:
                if not b.take(T if k & T else A, 1):
                    break
                j = start = end = e
                continue
        if digit(ch) or ch in NUMERALS:
            x, dashed = number_end(t, j, lim)
            e, _ = unit_at(t, x, lim, N)
            street = unit_at(t, x, lim, S)[0]
            if e and e == street:   # a numbered street: "동성로2가", "테헤란로12길", "100巷"
                if not b.take(S, 2):
                    break
                j = start = end = e
                continue
            if e and t.at(j - 1) != "第":   # "第3号": an ordinal
                b.glued += j == start and b.last == N   # (not "1番目と2番目")
                if not b.take(N, 3):
                    break
                j = start = end = e
                continue
            if street and j > start and hangul(t.s[x]):   # a road's name with a number: "도움3로"
                if not b.take(S, 2):
                    break
                j = start = end = street
                continue
            if dashed and end > i and not t.word_at(x):   # "三筋1-2-3"
                b.take(BARE, 3)
                end = x
                break
            if digit(ch):
                break
            j = x   # numerals in a name: "五条"
            continue
        if j > start and not digit(t.s[j - 1]) and t.s[j - 1] not in NUMERALS:
            e, k = unit_at(t, j, lim, A | S)
            if e and k & A and hangul(ch) and j - start < 2:
                k &= ~A   # a Korean unit after one syllable: "친구", "다시"
            if e and k:
                kind = A if k & A and b.level <= 1 else (S if k & S else 0)
                if kind:
                    if not b.take(kind, 1 if kind == A else 2):
                        break
                    j = start = end = e
                    continue
        if not cjk_letter(ch):
            break
        j += 1
    return end


def separator(t, e: int, lim: int) -> tuple[int, bool]:
    """After a piece: a comma (',', '，', '、'), then a space or a line break, or one of
    them alone; (the next piece's start, only a space), or (0, False)."""
    k = e
    comma = t.at(k) in COMMAS
    k += comma
    if t.at(k) == " " or t.at(k) == "\n":
        k += 1
    elif t.at(k) == "\r" and t.at(k + 1) == "\n":
        k += 2
    elif not comma:
        return 0, False
    if k >= lim:
        return 0, False
    return k, t.s[e] == " "


def code_piece(t, j: int, lim: int) -> int:
    """A postal code: 〒 maybe, then 3, 5, 6 or 7 digits or 999-9999; its end, or 0."""
    k = j + (t.at(j) == "〒")
    x = t.run(k, lim, lambda ch: "0" <= ch <= "9")
    m = x - k
    if m == 3 and t.at(x) == "-" and x + 5 <= lim and t.run(x + 1, lim, lambda ch: "0" <= ch <= "9") == x + 5:
        x, m = x + 5, 7
    elif m not in (3, 5, 6, 7):
        return 0
    if t.word_at(x) or (t.at(x) in "-./" and "0" <= t.at(x + 1) <= "9"):
        return 0
    return x


def country_piece(t, j: int, lim: int) -> int:
    from tests.reference import place_part
    e, _ = unit_at(t, j, lim, C)
    if e and not t.word_at(e):
        return e
    if "A" <= t.s[j] <= "Z":
        return place_part(t, j, lim) or 0
    return 0


def house_number_piece(t, j: int, lim: int) -> int:
    """A house number after a road and a space: "천성로 110", "중앙로 12-3"."""
    x = t.run(j, lim, lambda ch: "0" <= ch <= "9")
    if not 1 <= x - j <= 5:
        return 0
    if x + 1 < lim and t.s[x] == "-" and "0" <= t.s[x + 1] <= "9":
        x = t.run(x + 1, lim, lambda ch: "0" <= ch <= "9")
    return 0 if t.word_at(x) or t.at(x) == "-" else x


def paren_piece(t, j: int, lim: int) -> int:
    """A named unit in parentheses after a Korean road address, maybe with a building's
    name after a comma: "(역삼동)", "(역삼동, 래미안아파트)"; its end, or 0."""
    inner = Block()
    x = chunks(t, j + 1, lim, inner)
    if x == j + 1 or not inner.named + inner.listed:
        return 0
    if t.at(x) == "," and t.at(x + 1) == " ":
        x = t.run(x + 2, min(lim, x + 32), lambda ch: cjk_letter(ch) or ch == " " or "0" <= ch <= "9")
    return x + 1 if x < lim and t.s[x] == ")" else 0


def block_rest(t, e: int, lim: int, b: Block) -> int:
    """The pieces after the first, while each is one; the block's end."""
    for _ in range(MAX_PIECES):
        if t.word_at(e):
            break   # the last piece ended inside a word
        j, space = separator(t, e, lim)
        if not j:
            break
        x = paren_piece(t, j, lim) if space and t.s[j] == "(" else 0
        if not x:
            x = code_piece(t, j, lim)
            b.codes += x > 0
        if not x:
            x = country_piece(t, j, lim)
            b.countries += x > 0
        if not x and space and b.last == S:
            x = house_number_piece(t, j, lim)
            if x:
                b.take(BARE, 3)
        if not x and (cjk_letter(t.s[j]) or digit(t.s[j])):
            x = chunks(t, j, lim, b)
            x = x if x > j else 0
        if not x:
            break
        e = x
    return e


def lead(t, pos: int, lim: int) -> int:
    """Where an address glued to the words before it starts in a Han or kana run: at a
    listed province ("我住在北京市…"), else after the last cue character before the first
    unit ("我住在朝阳区…", "住所は新宿区…"); pos when neither."""
    cue = j = pos
    while j < lim and j - pos <= MAX_NAME and cjk_letter(t.s[j]) and not hangul(t.s[j]):
        if j > pos and unit_at(t, j, lim, T)[0]:
            return j
        if j > pos and unit_at(t, j, lim, A | S)[0]:
            return cue if cue < j else pos
        if t.s[j] in CUES:
            cue = j + 1
        j += 1
    return cue if j < lim and digit(t.s[j]) else pos   # "住在3号楼5单元"


def cjk_address(t, pos: int, lim: int) -> Optional[tuple[int, int]]:
    """At a word that starts with a CJK letter: the block's (start, end), or None."""
    b = Block()
    start = lead(t, pos, lim)
    e = chunks(t, start, lim, b)
    if e == start:
        return None
    e = block_rest(t, e, lim, b)
    return (start, e) if b.valid() else None


def cjk_code_first(t, pos: int, lim: int) -> Optional[int]:
    """At a number: a postal code, then a piece that starts with a CJK letter, and the
    rest of a block ("〒100-0001\\n東京都…", "342006, 甘肃省…"); the block's end, or None."""
    b = Block(codes=1)
    e = code_piece(t, pos, lim)
    if not e:
        return None
    j, _ = separator(t, e, lim)
    if not j or not cjk_letter(t.s[j]):
        return None
    e = block_rest(t, e, lim, b)
    return e if b.valid() and b.level else None
