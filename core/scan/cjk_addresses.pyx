# Addresses written in Chinese, Japanese and Korean. These scripts write no spaces inside
# an address (Korean writes them between units): an address is a run of chunks, biggest
# unit first, each a name and its unit ("内蒙古自治区", "武当路", "日野市", "천성로") or a
# number and its unit ("952号", "10丁目", "101호"), and the block's other lines or comma
# parts: a postal code (〒 maybe), a country's name, a house number after a Korean road.
# Part of the addresses family; included into core/_scan.pyx after world_addresses.pyx;
# declarations in cjk_addresses.pxd. The units and the listed provinces are
# core/data/cjk_addresses.txt (core/data/build_cjk_addresses.py).

cdef Py_UCS4 CJK_WORDS[CJK_WORDS_MAX][CJK_WORD_LEN]
cdef int CJK_LEN[CJK_WORDS_MAX]
cdef int CJK_KINDS[CJK_WORDS_MAX]
cdef int CJK_HEAD[256]   # first entry (+1) of the words whose first letter is this (& 255)
cdef int CJK_NEXT[CJK_WORDS_MAX]   # the next one (+1), or 0
cdef unsigned char CJK_FIRST[0x2000]  # bit per BMP code point: some word starts with it


cdef void init_cjk_addresses() except *:
    import pathlib
    cdef int k = 0, m
    kinds = {"A": CJK_A, "S": CJK_S, "N": CJK_N, "T": CJK_T, "W": CJK_W, "C": CJK_C}
    for m in range(256):
        CJK_HEAD[m] = 0
    for m in range(0x2000):
        CJK_FIRST[m] = 0
    path = pathlib.Path(__file__).parent / "data" / "cjk_addresses.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, letters = line.partition("\t")
        if k >= CJK_WORDS_MAX or not 0 < len(word) <= CJK_WORD_LEN:
            raise ImportError("too many or too long CJK address words")
        for m, ch in enumerate(word):
            CJK_WORDS[k][m] = ord(ch)
        CJK_LEN[k] = len(word)
        CJK_KINDS[k] = sum(kinds[x] for x in letters)
        if ord(word[0]) > 0xFFFF:
            raise ImportError("a CJK address word outside the BMP")
        CJK_FIRST[ord(word[0]) >> 3] |= 1 << (ord(word[0]) & 7)
        CJK_NEXT[k] = CJK_HEAD[ord(word[0]) & 255]
        CJK_HEAD[ord(word[0]) & 255] = k + 1
        k += 1


cdef inline bint cjk_letter(Py_UCS4 c) noexcept nogil:
    # Han, kana, Hangul syllables, and 々 (the iteration mark of Japanese names)
    return (0x4E00 <= c <= 0x9FFF or 0xAC00 <= c <= 0xD7A3 or 0x3400 <= c <= 0x4DBF
            or 0x3041 <= c <= 0x309F or 0x30A1 <= c <= 0x30FA or 0x30FC <= c <= 0x30FF
            or 0xF900 <= c <= 0xFAFF or c == 0x3005)


cdef inline bint hangul(Py_UCS4 c) noexcept nogil:
    return 0xAC00 <= c <= 0xD7A3


cdef inline bint wide_digit(Py_UCS4 c) noexcept nogil:
    # an ASCII or a full-width digit
    return 48 <= c <= 57 or 0xFF10 <= c <= 0xFF19


cdef inline bint cjk_numeral(Py_UCS4 c) noexcept nogil:
    # 〇 一 二 三 四 五 六 七 八 九 十 百 千 两 兩
    return (c == 0x3007 or c == 0x4E00 or c == 0x4E8C or c == 0x4E09 or c == 0x56DB or c == 0x4E94
            or c == 0x516D or c == 0x4E03 or c == 0x516B or c == 0x4E5D or c == 0x5341 or c == 0x767E
            or c == 0x5343 or c == 0x4E24 or c == 0x5169)


cdef inline bint dash(Py_UCS4 c) noexcept nogil:
    # - － − ‐
    return c == 45 or c == 0xFF0D or c == 0x2212 or c == 0x2010


cdef Py_ssize_t cjk_unit_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim, int want,
                            int* kinds) noexcept nogil:
    # the longest listed word at j of a kind in `want` (a Korean one ends its Hangul run);
    # its end and kinds & want, or 0
    cdef unsigned int c = s[j]
    cdef int k = CJK_HEAD[c & 255] - 1, m, size, best = 0
    kinds[0] = 0
    if c > 0xFFFF or not (CJK_FIRST[c >> 3] >> (c & 7)) & 1:
        return 0  # one load rejects a letter no word starts with
    while k >= 0:
        size = CJK_LEN[k]
        if size > best and within(j + size - 1, lim) and CJK_KINDS[k] & want:
            m = 0
            while m < size and s[j + m] == CJK_WORDS[k][m]:
                m += 1
            if m == size and not (hangul(s[j + size - 1]) and hangul(at(s, j + size, n))):
                best = size
                kinds[0] = CJK_KINDS[k] & want
        k = CJK_NEXT[k] - 1
    return j + best if best else 0


cdef Py_ssize_t cjk_number_end(const uchar_t* s, Py_ssize_t j, Py_ssize_t lim, bint* dashed) noexcept nogil:
    # a number at j: digits (ASCII or full-width) in up to three groups joined by dashes
    # ("1-2-3"), or CJK numerals; its end
    cdef Py_ssize_t x = j
    cdef int groups = 1
    dashed[0] = False
    if not wide_digit(s[j]):
        while within(x, lim) and cjk_numeral(s[x]):
            x += 1
        return x
    while within(x, lim) and wide_digit(s[x]):
        x += 1
    while groups < 3 and within(x + 1, lim) and dash(s[x]) and wide_digit(s[x + 1]):
        x += 1
        while within(x, lim) and wide_digit(s[x]):
            x += 1
        groups += 1
    dashed[0] = groups > 1
    return x


cdef inline void cjk_block_init(CjkBlock* b) noexcept nogil:
    b.level = b.last = b.named = b.streets = b.listed = b.numbered = b.bare = b.codes = b.countries = 0
    b.glued = 0


cdef bint cjk_take(CjkBlock* b, int kind, int level) noexcept nogil:
    # a chunk of the block: units come biggest first, so none of a bigger level after it
    if level < b.level:
        return False
    b.level = level
    b.last = kind
    if kind == CJK_T:
        b.listed += 1
    elif kind == CJK_S:
        b.streets += 1
    elif kind == CJK_N:
        b.numbered += 1
    elif kind == CJK_BARE:
        b.bare += 1
    else:
        b.named += 1
    return True


cdef inline bint cjk_valid(const CjkBlock* b) noexcept nogil:
    # a numbered unit after a named one or two numbered units one right after the other; a
    # bare number after a named
    # unit (after a street: with a code or a country); two named units with a code or a
    # country; a listed province with a city, a code or a country
    if b.numbered and (b.named + b.streets + b.listed or b.glued):
        return True
    if b.bare and (b.named + b.listed or (b.streets and (b.codes or b.countries))):
        return True
    if b.named >= 2 and (b.codes or b.countries):
        return True
    return b.listed and (b.named or b.codes or b.countries)


cdef Py_ssize_t cjk_chunks(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           CjkBlock* b) noexcept nogil:
    # the chunks of one piece from i, in order; the end of the last (i: none). A state
    # machine over the piece's letters: at a chunk's start a whole listed name; at a number
    # its unit; after a name's letters an administrative unit or a street type
    cdef Py_ssize_t end = i, start = i, j = i, e, x, street
    cdef int k, kind
    cdef bint dashed
    cdef Py_UCS4 c
    while within(j, lim) and j - start <= CJK_MAX_NAME:
        c = s[j]
        if j == start:
            e = cjk_unit_at(s, n, j, lim, CJK_T | CJK_W, &k)
            if e:
                if not cjk_take(b, CJK_T if k & CJK_T else CJK_A, 1):
                    break
                j = start = end = e
                continue
        if wide_digit(c) or cjk_numeral(c):
            x = cjk_number_end(s, j, lim, &dashed)
            e = cjk_unit_at(s, n, x, lim, CJK_N, &k) if within(x, lim) else 0
            street = cjk_unit_at(s, n, x, lim, CJK_S, &k) if within(x, lim) else 0
            if e and e == street:  # a numbered street: "동성로2가", "테헤란로12길", "100巷"
                if not cjk_take(b, CJK_S, 2):
                    break
                j = start = end = e
                continue
            if e and at(s, j - 1, n) != 0x7B2C:  # "第3号": an ordinal
                b.glued += j == start and b.last == CJK_N  # (not "1番目と2番目")
                if not cjk_take(b, CJK_N, 3):
                    break
                j = start = end = e
                continue
            if street and j > start and hangul(s[x]):  # a road's name with a number: "도움3로"
                if not cjk_take(b, CJK_S, 2):
                    break
                j = start = end = street
                continue
            if dashed and end > i and not word_at(s, x, n):  # "三筋1-2-3"
                cjk_take(b, CJK_BARE, 3)
                end = x
                break
            if wide_digit(c):
                break
            j = x  # numerals in a name: "五条"
            continue
        if j > start and not wide_digit(s[j - 1]) and not cjk_numeral(s[j - 1]):
            e = cjk_unit_at(s, n, j, lim, CJK_A | CJK_S, &k)
            if e and k & CJK_A and hangul(c) and j - start < 2:
                k &= ~CJK_A  # a Korean unit after one syllable: "친구", "다시"
            if e and k:
                kind = CJK_A if k & CJK_A and b.level <= 1 else (CJK_S if k & CJK_S else 0)
                if kind:
                    if not cjk_take(b, kind, 1 if kind == CJK_A else 2):
                        break
                    j = start = end = e
                    continue
        if not cjk_letter(c):
            break
        j += 1
    return end


cdef Py_ssize_t cjk_separator(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                              bint* space) noexcept nogil:
    # after a piece: a comma (',', '，', '、'), then a space or a line break, or one of them
    # alone; the next piece's start (space: only a space), or 0
    cdef Py_ssize_t k = e
    cdef Py_UCS4 c = at(s, k, n)
    cdef bint comma = c == 44 or c == 0xFF0C or c == 0x3001
    k += comma
    c = at(s, k, n)
    if c == 32 or c == 10:
        k += 1
    elif c == 13 and at(s, k + 1, n) == 10:
        k += 2
    elif not comma:
        return 0
    if not within(k, lim):
        return 0
    space[0] = s[e] == 32
    return k


cdef inline Py_ssize_t ascii_digits_end(const uchar_t* s, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    while within(j, lim) and is_digit(s[j]):
        j += 1
    return j


cdef Py_ssize_t cjk_code_piece(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a postal code: 〒 maybe, then 3, 5, 6 or 7 digits or 999-9999; its end, or 0
    cdef Py_ssize_t k = j + (at(s, j, n) == 0x3012), x, m
    cdef Py_UCS4 c
    x = ascii_digits_end(s, k, lim)
    m = x - k
    if m == 3 and at(s, x, n) == 45 and within(x + 4, lim) and ascii_digits_end(s, x + 1, lim) == x + 5:
        x += 5
    elif not (m == 3 or m == 5 or m == 6 or m == 7):
        return 0
    c = at(s, x, n)
    if word_at(s, x, n) or ((c == 45 or c == 46 or c == 47) and is_digit(at(s, x + 1, n))):
        return 0
    return x


cdef Py_ssize_t cjk_country_piece(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a country's own name ("日本", "대한민국") or its name in a list ("Japan"); end, or 0
    cdef int k
    cdef Py_ssize_t e = cjk_unit_at(s, n, j, lim, CJK_C, &k)
    if e and not word_at(s, e, n):
        return e
    if up(s[j]):
        return place_part(s, n, j, lim)
    return 0


cdef Py_ssize_t cjk_house_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a house number after a road and a space: "천성로 110", "중앙로 12-3"; end, or 0
    cdef Py_ssize_t x = ascii_digits_end(s, j, lim)
    if not 1 <= x - j <= 5:
        return 0
    if within(x + 1, lim) and s[x] == 45 and is_digit(s[x + 1]):
        x = ascii_digits_end(s, x + 1, lim)
    return 0 if word_at(s, x, n) or at(s, x, n) == 45 else x


cdef Py_ssize_t cjk_paren_piece(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a named unit in parentheses after a Korean road address, maybe with a building's name
    # after a comma: "(역삼동)", "(역삼동, 래미안아파트)"; its end, or 0
    cdef CjkBlock inner
    cdef Py_ssize_t x, stop
    cjk_block_init(&inner)
    x = cjk_chunks(s, n, j + 1, lim, &inner)
    if x == j + 1 or not inner.named + inner.listed:
        return 0
    if at(s, x, n) == 44 and at(s, x + 1, n) == 32:
        stop = min(lim, x + 32)
        x += 2
        while within(x, stop) and (cjk_letter(s[x]) or s[x] == 32 or is_digit(s[x])):
            x += 1
    return x + 1 if within(x, lim) and s[x] == 41 else 0


cdef Py_ssize_t cjk_block_rest(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                               CjkBlock* b) noexcept nogil:
    # the pieces after the first while each is one: a unit in parentheses, a postal code, a
    # country, a house number after a road, chunks; the block's end
    cdef Py_ssize_t j, x
    cdef int piece
    cdef bint space = False
    for piece in range(CJK_MAX_PIECES):
        if word_at(s, e, n):
            break  # the last piece ended inside a word
        j = cjk_separator(s, n, e, lim, &space)
        if not j:
            break
        x = cjk_paren_piece(s, n, j, lim) if space and s[j] == 40 else 0
        if not x:
            x = cjk_code_piece(s, n, j, lim)
            b.codes += x > 0
        if not x:
            x = cjk_country_piece(s, n, j, lim)
            b.countries += x > 0
        if not x and space and b.last == CJK_S:
            x = cjk_house_number(s, n, j, lim)
            if x:
                cjk_take(b, CJK_BARE, 3)
        if not x and (cjk_letter(s[j]) or wide_digit(s[j])):
            x = cjk_chunks(s, n, j, lim, b)
            x = x if x > j else 0
        if not x:
            break
        e = x
    return e


cdef inline bint cjk_cue(Py_UCS4 c) noexcept nogil:
    # 在 到 是 址 は に で へ を: end what comes before an address glued to it
    return (c == 0x5728 or c == 0x5230 or c == 0x662F or c == 0x5740 or c == 0x306F or c == 0x306B
            or c == 0x3067 or c == 0x3078 or c == 0x3092)


cdef Py_ssize_t cjk_lead(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil:
    # where an address glued to the words before it starts in a Han or kana run: at a listed
    # province ("我住在北京市…"), else after the last cue before the first unit ("我住在朝阳区…",
    # "住所は新宿区…"); pos when neither
    cdef Py_ssize_t cue = pos, j = pos
    cdef int k
    while within(j, lim) and j - pos <= CJK_MAX_NAME and cjk_letter(s[j]) and not hangul(s[j]):
        if j > pos and cjk_unit_at(s, n, j, lim, CJK_T, &k):
            return j
        if j > pos and cjk_unit_at(s, n, j, lim, CJK_A | CJK_S, &k):
            return cue if cue < j else pos
        if cjk_cue(s[j]):
            cue = j + 1
        j += 1
    return cue if within(j, lim) and wide_digit(s[j]) else pos  # "住在3号楼5单元"


cdef int cjk_address_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                        const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a word that starts with a CJK letter: "東京都千代田区千代田1-1", "武当路952号",
    # "대구광역시 남구\n천성로 110", "我住在北京市…" from 北; 1 when one matched (end set), 0, or -1
    cdef CjkBlock b
    cdef Py_ssize_t e, start
    cdef unsigned long long before = ~0ULL
    if not type_on(opt, T_ADDRESS):
        return 0
    cjk_block_init(&b)
    start = cjk_lead(s, n, pos, lim)
    e = cjk_chunks(s, n, start, lim, &b)
    if e == start:
        return 0
    e = cjk_block_rest(s, n, e, lim, &b)
    if not cjk_valid(&b):
        return 0
    if push_scored(out, s, n, start, e, lim, T_ADDRESS, 0, -1, &before) < 0:
        return -1
    end[0] = e
    return 1


cdef int cjk_code_first_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                           const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a number: a postal code, then a piece that starts with a CJK letter and the rest of
    # a block ("〒100-0001\n東京都…", "342006, 甘肃省…"); the span takes a 〒 before the
    # code unless a span ends after it. 1 when one matched (end set), 0, or -1
    cdef CjkBlock b
    cdef Py_ssize_t e, j, start = pos
    cdef bint space
    cdef unsigned long long before = ~0ULL
    if not type_on(opt, T_ADDRESS):
        return 0
    e = cjk_code_piece(s, n, pos, lim)
    if not e:
        return 0
    j = cjk_separator(s, n, e, lim, &space)
    if not j or not cjk_letter(s[j]):
        return 0
    cjk_block_init(&b)
    b.codes = 1
    e = cjk_block_rest(s, n, e, lim, &b)
    if not cjk_valid(&b) or not b.level:
        return 0
    if at(s, pos - 1, n) == 0x3012 and (out.size == 0 or out.items[out.size - 1].end < pos):
        start = pos - 1  # "〒208-0032"
    if push_scored(out, s, n, start, e, lim, T_ADDRESS, 0, -1, &before) < 0:
        return -1
    end[0] = e
    return 1
