# Addresses written in scripts without Latin letters: Arabic, Persian, Hebrew, Thai,
# Bengali, Devanagari, Georgian, Armenian and Kazakh Cyrillic. Right-to-left text is read
# as it is stored (logical order).
# Part of the addresses family; included into core/_scan.pyx after world_addresses.pyx;
# declarations in script_addresses.pxd.
# An address is a block of parts, each a line or a run between commas ("," or "،"): a
# street line (a street or house word and a number, either order: "1352 شارع الأفندية",
# "ხევძმარის ქ. 92", "বাড়ী নং ৪", "22 หมู่ 2 ถ.ฉัพพรรณธนกูร"), a street without a number
# ("श्रेष्ठ गल्ली"), names and a number ("Ազատության 85"), a postal code by its country's
# shape, maybe with its town ("مطروح 51120", "2821 ონი", "বান্দরবান - 3260"), a division
# ("استان فارس"), a town, a country. A block is an address when it holds a street line, or
# a street without a number and a postal code, or names and a number (or a division) with
# a postal code or a country. A run of words, a number next to a word or a postal code
# alone is none. Digits are ASCII or the scripts' own (Arabic-Indic, Persian, Devanagari,
# Bengali, Thai). The listed words are core/data/script_address_words.txt (libpostal, the
# postal formats' words, CLDR's country names).

cdef NativeWord NATIVE_WORDS[NW_SLOTS]  # open addressing by the words' hash; hash 0: empty


cdef void init_script_addresses() except *:
    import pathlib
    cdef unsigned long long h
    cdef unsigned int k, letter
    cdef int used = 0
    for k in range(NW_SLOTS):
        NATIVE_WORDS[k].hash = 0
        NATIVE_WORDS[k].kinds = 0
    bits = {"P": NW_BEFORE, "T": NW_AFTER, "G": NW_GLUED, "H": NW_HOUSE, "U": NW_UNIT,
            "L": NW_DIVISION, "C": NW_COUNTRY, "M": NW_DATE, "Z": NW_POSTAL}
    path = pathlib.Path(__file__).parent / "data" / "script_address_words.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, classes = line.partition("\t")
        h = FNV64_OFFSET
        for ch in word:
            letter = script_letter(ord(ch))  # init_fold's table: core.lexicon.script_letter's answers
            if letter and (letter >> 24) != K_SKIP:
                h = fnv64(h, letter & 0xFFFFFF)
        h = h if h else 1
        k = <unsigned int>(h & (NW_SLOTS - 1))
        while NATIVE_WORDS[k].hash and NATIVE_WORDS[k].hash != h:
            k = (k + 1) & (NW_SLOTS - 1)
        if not NATIVE_WORDS[k].hash:
            used += 1
            if used * 2 > NW_SLOTS:
                raise ImportError("too many script address words for the table")
        NATIVE_WORDS[k].hash = h
        for ch in classes:
            NATIVE_WORDS[k].kinds |= bits[ch]


cdef inline unsigned int native_kinds(unsigned long long h) noexcept nogil:
    # the NW_* bits of the listed word with hash h, or 0
    cdef unsigned int k = <unsigned int>(h & (NW_SLOTS - 1))
    while NATIVE_WORDS[k].hash:
        if NATIVE_WORDS[k].hash == h:
            return NATIVE_WORDS[k].kinds
        k = (k + 1) & (NW_SLOTS - 1)
    return 0


cdef inline bint native_digit(Py_UCS4 c) noexcept nogil:
    # a decimal digit: ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai
    return (48 <= c <= 57 or 0x660 <= c <= 0x669 or 0x6F0 <= c <= 0x6F9 or 0x966 <= c <= 0x96F
            or 0x9E6 <= c <= 0x9EF or 0xE50 <= c <= 0xE59)


cdef inline bint native_letter(Py_UCS4 c) noexcept nogil:
    # a letter or mark of a script from Greek to Ethiopic (script_letter), Han and the like aside
    cdef unsigned int k = script_letter(c)
    return k != 0 and (k >> 24) != K_SPACELESS


cdef inline bint native_start(Py_UCS4 c) noexcept nogil:
    # a letter a word of those scripts starts with (no mark that only points a letter)
    cdef unsigned int k = script_letter(c)
    return k != 0 and (k >> 24) != K_SPACELESS and (k >> 24) != K_SKIP


cdef inline bint native_stop(Py_UCS4 c) noexcept nogil:
    # the scripts' own punctuation, which the scanner's word test reads as a word character:
    # Arabic comma, semicolon and question mark, Urdu full stop, dandas, Armenian full stop
    # and comma, Hebrew maqaf and sof pasuq
    return (c == 0x60C or c == 0x61B or c == 0x61F or c == 0x6D4 or c == 0x964 or c == 0x965
            or c == 0x589 or c == 0x55D or c == 0x5BE or c == 0x5C3)


cdef inline bint thai_mark(Py_UCS4 c) noexcept nogil:
    # a Thai vowel or tone mark written over or under the letter before it
    return c == 0xE31 or 0xE34 <= c <= 0xE3A or 0xE47 <= c <= 0xE4E


cdef inline bint word_ends(const uchar_t* s, Py_ssize_t n, Py_ssize_t e) noexcept nogil:
    # no word character goes on at e (the scripts' punctuation ends a word too)
    return not word_at(s, e, n) or native_stop(s[e])


cdef Py_ssize_t native_word_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                unsigned int* kinds) noexcept nogil:
    # a whole word of those scripts at i (joiners U+200C/U+200D and Hebrew geresh inside, up
    # to 40 code points): its end, and in kinds the NW_* bits of the listed word, or, for a
    # Thai word that starts with a street type or a division word, that word's bits and
    # NW_GLUED ("ถนนสุขุมวิท", "จังหวัดเชียงใหม่"); 0 for no such word
    cdef Py_ssize_t e = i, glued = 0
    cdef unsigned long long h = FNV64_OFFSET
    cdef unsigned int k, glued_kinds = 0
    cdef Py_UCS4 c
    cdef bint thai = 0xE00 <= s[i] <= 0xE7F
    kinds[0] = 0
    if not native_start(s[i]):
        return 0
    while within(e, lim) and e - i < 40:
        c = s[e]
        k = script_letter(c)
        if k and (k >> 24) != K_SPACELESS:
            if (k >> 24) != K_SKIP:
                h = fnv64(h, k & 0xFFFFFF)
                if thai and not glued and e - i >= 1 and not thai_mark(at(s, e + 1, n)):
                    glued_kinds = native_kinds(h if h else 1)
                    glued = e + 1 if glued_kinds & NW_GLUED else 0
        elif not (c == 0x200C or c == 0x200D or c == 0x5F3 or c == 0x5F4):
            break
        e += 1
    if e - i >= 40 or not word_ends(s, n, e):
        return 0
    kinds[0] = native_kinds(h if h else 1) & ~NW_GLUED
    if not kinds[0] and glued and e - glued >= 2:
        kinds[0] = glued_kinds
    return e


cdef Py_ssize_t native_number_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                  bint* postal, bint* house) noexcept nogil:
    # a house number or a postal code at i: up to ten digits, a second group after '-' or
    # '/' ("12-14", "12/3", "94531-26947"), a letter after it ("12ب"); its end, or 0.
    # postal: of a shape some country's postal codes have; house: up to five digits first
    cdef Py_ssize_t j = i, k
    cdef unsigned int code = 0
    cdef int symbols = 0
    cdef bint shaped = True
    postal[0] = house[0] = False
    while within(j, lim) and native_digit(s[j]) and j - i < 10:
        code = code * 5 + 1
        j += 1
    if j == i or native_digit(at(s, j, n)):
        return 0
    symbols = <int>(j - i)
    house[0] = j - i <= 5
    if within(j + 1, lim) and (s[j] == 45 or s[j] == 47) and native_digit(s[j + 1]):
        shaped = s[j] == 45
        code = code * 5 + 4
        k = j + 1
        while within(k, lim) and native_digit(s[k]) and k - j <= 6:
            code = code * 5 + 1
            k += 1
        if native_digit(at(s, k, n)):
            return 0
        symbols += <int>(k - j)
        j = k
    if within(j, lim) and (native_letter(s[j]) or is_letter(s[j])) and word_ends(s, n, j + 1):
        j += 1  # "12ب", "7а"
        shaped = False
    if not word_ends(s, n, j):
        return 0
    postal[0] = shaped and symbols <= 12 and shape_known(code)
    return j


cdef bint read_script_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           ScriptPart* p) noexcept nogil:
    # a part of a block at i: an English country or region name, or up to eight words and
    # numbers of those scripts, one space or " - " between two ("بانداربان - 3260"), none
    # after a listed word's '.' ("ถ.ฉัพพรรณธนกูร"); what it holds in p. False: none
    cdef Py_ssize_t j = i, e
    cdef int tokens = 0
    cdef unsigned int kinds
    cdef bint postal, house, first_postal = False, last_postal = False, house_word = False
    cdef bint postal_word = False, prev_number = False
    cdef Py_UCS4 c
    p.end = i
    p.names = p.nums = p.kinds = p.countries = p.code_len = 0
    p.postal = p.house = p.cased = p.lead_name = p.latin = False
    if not within(i, lim):
        return False
    if is_letter(s[i]):
        e = place_part(s, n, i, lim)  # "Egypt", "United Arab Emirates"
        p.end = e
        p.latin = e > 0
        return p.latin
    while tokens < 8:
        c = s[j]
        if native_digit(c):
            e = native_number_end(s, n, j, lim, &postal, &house)
            if not e:
                break
            postal = postal or postal_word and 4 <= e - j <= 11  # "کدپستی 1434863111"
            postal_word = False
            if postal:
                p.code_len = <int>(e - j)
            p.nums += 1
            p.house = p.house or house
            if house_word:
                p.kinds |= NW_HOUSE  # "বাড়ী নং ৪", "หมู่ 2", not "ม.ค. 1995"
            house_word = False
            if tokens == 0:
                first_postal = postal
            last_postal = postal
        else:
            if not native_start(c):
                break
            e = native_word_end(s, n, j, lim, &kinds)
            if not e:
                break
            if tokens == 0:
                p.cased = 0x370 <= c < 0x530  # Greek or Cyrillic
            if kinds & NW_GLUED:
                p.names += 1  # the street's name is written on
            elif kinds == NW_COUNTRY:
                p.countries += 1  # "ایران", or a street's name: "नेपाल मार्ग"
            elif not kinds:
                p.names += 1
                p.lead_name = p.lead_name or tokens == 0
                if p.names > 4:
                    return False
            p.kinds |= kinds & ~NW_HOUSE
            if kinds & NW_HOUSE and prev_number and e - j >= 2:
                p.kinds |= NW_HOUSE  # after its number: "150 үй", "৪ নং"
            house_word = (kinds & NW_HOUSE) != 0  # a house number must follow
            postal_word = (kinds & NW_POSTAL) != 0  # ... a postal code
            last_postal = False
            if at(s, e, n) == 46 and (kinds or e - j == 1):
                e += 1  # "ქ.", "ถ.", "ม.", an initial: "М.Дубинин"
        prev_number = native_digit(s[j])
        tokens += 1
        p.end = e
        if s[e - 1] == 46 and within(e, lim) and native_start(s[e]):
            j = e
        elif (at(s, e, n) == 45 or at(s, e, n) == 0x5BE) and not native_digit(s[e - 1]) and within(e + 1, lim) \
                and native_start(s[e + 1]):
            j = e + 1  # a name of two words: "טל-אל", "ثامر-بوعطوش"
        elif at(s, e, n) == 32 and at(s, e + 1, n) == 45 and at(s, e + 2, n) == 32:
            j = e + 3
        elif at(s, e, n) == 32 and at(s, e + 1, n) != 32:
            j = e + 1
        else:
            break
        if not within(j, lim):
            break
    p.postal = p.nums == 1 and (first_postal or last_postal)
    return tokens > 0 and at(s, p.end, n) != 58  # (a label: "هاتف:")


cdef int script_part_kind(const ScriptPart* p) noexcept nogil:
    # what a part is (PK_*), by what it holds
    if p.latin:
        return PK_COUNTRY
    if p.kinds & (NW_BEFORE | NW_AFTER | NW_HOUSE) and p.nums:
        return PK_STREET
    if p.kinds & NW_DATE and p.nums:
        return PK_NONE  # "7 ডিসে, 1965"
    if not p.nums and p.kinds & (NW_BEFORE | NW_AFTER) and p.names + p.countries:
        return PK_BARE
    if p.postal and p.names <= 3:
        return PK_CODE
    if p.nums and (p.house and p.names and not p.cased or p.kinds & NW_UNIT):
        return PK_NUMBERED
    if not p.nums and p.kinds & NW_DIVISION and p.names and p.names <= 3:
        return PK_DIVISION
    if not p.nums and not p.names and p.kinds == NW_COUNTRY and p.countries == 1:
        return PK_COUNTRY
    if not p.nums and 1 <= p.names + p.countries <= 3 and not (p.kinds & ~NW_COUNTRY):
        return PK_TOWN
    return PK_NONE


cdef Py_ssize_t script_part_gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # between two parts: ',' or '،' and spaces, or line breaks (up to three, "\r\n" too) with
    # up to five spaces of indent, within twelve code points; the next part's start, or 0
    cdef Py_ssize_t j = i
    cdef int breaks = 0, spaces = 0
    cdef bint comma = False
    if within(j, lim) and (s[j] == 44 or s[j] == 0x60C):
        j += 1
        comma = True
    j = blank_run(s, i, j, lim, &breaks, &spaces)
    if not (comma or breaks) or breaks > 3 or spaces > 5 or not within(j, lim) or j - i >= 12:
        return 0
    return j


cdef inline bint block_lead(const uchar_t* s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    # i starts the text or a line (after an indent of up to eight spaces), or follows a
    # label's ':' (and a space)
    cdef Py_ssize_t j = i
    while j > 0 and s[j - 1] == 32 and i - j < 8:
        j -= 1
    return j == 0 or s[j - 1] == 10 or s[j - 1] == 13 or s[j - 1] == 58 and i - j <= 1


cdef inline bint gap_breaks(const uchar_t* s, Py_ssize_t i, Py_ssize_t j) noexcept nogil:
    # a line break between two parts (in [i, j))
    while i < j:
        if s[i] == 10:
            return True
        i += 1
    return False


cdef Py_ssize_t script_block(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil:
    # the block of parts at pos, when it is an address: its end, or 0. It starts with a
    # street line (a street type written before the name first), names and a number, a
    # postal code or a division; a town at a line's start or after a label, or a
    # country's name in the script (big to small: "ایران، تهران، خیابان ..."); two towns
    # at most after its last other part. A postal code with words ("411 معبر الزاهية",
    # "مطروح 51120") may be names and a house number too; one of four digits alone after
    # commas counts with names and a number only when another part follows it
    cdef ScriptPart p
    cdef Py_ssize_t j = pos
    cdef Py_ssize_t ends[8]
    cdef int kinds[8]
    cdef int count = 0, k, last = -1, codes = 0, firm = 0, towns = 0
    cdef bint street = False, bare = False, named_code = False, numbered = False
    cdef bint division = False, country = False, pending = False, broke = False
    cdef bint laid_out = False  # a line break, a long code, a bare one before a part, a town
                                # before a code, an English country
    while count < 8:
        if not read_script_part(s, n, j, lim, &p):
            break
        k = script_part_kind(&p)
        if k == PK_NONE:
            break
        if count == 0:
            if (k == PK_COUNTRY or k == PK_TOWN) and not (p.kinds & NW_COUNTRY or block_lead(s, n, pos)):
                return 0  # a town first starts a line or follows a label ("آدرس: تهران، ...")
            if k == PK_STREET and p.lead_name and not p.kinds & (NW_AFTER | NW_HOUSE):
                return 0  # "... في 12 شارع": the type comes first
        kinds[count] = k
        ends[count] = p.end
        count += 1
        if k != PK_TOWN:
            last = count - 1
        else:
            towns += 1
        street = street or k == PK_STREET
        bare = bare or k == PK_BARE
        numbered = numbered or k == PK_NUMBERED
        division = division or k == PK_DIVISION
        country = country or k == PK_COUNTRY
        if pending:
            firm += 1  # a part after a bare code ("Ազատության 85, 2117, Սպիտակ")
            pending = False
            laid_out = True
        if k == PK_CODE:
            codes += 1
            named_code = named_code or p.names > 0 and p.house
            laid_out = laid_out or p.code_len >= 6 or towns and count >= 3  # "373 ..., مقبل, مطروح, 51718"
            if p.names or p.code_len >= 5 or broke:
                firm += 1  # with its town, long, or on a line of its own
            else:
                pending = True  # "12 رسالة، 4500": a number, unless a part follows
        laid_out = laid_out or p.latin or broke
        j = script_part_gap(s, p.end, lim)
        if not j:
            break
        broke = gap_breaks(s, p.end, j)
    # without a street, house, division or postal code's word, only names and numbers: an
    # address when laid out as one ("في 3 أيام، 12000 دولار" is none)
    if not (street or bare and codes or firm and division or laid_out and (
            firm and numbered or codes >= 2 and named_code or country and (numbered or named_code))):
        return 0
    return ends[min(last + 2, count - 1)]


cdef bint script_after_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t word_end) noexcept nogil:
    # cheap: after a number (and '/' or '-' and a second one), up to three spaces, commas, line breaks or '-', then a letter of
    # those scripts (Cyrillic on): "1352 شارع", "22 หมู่", "000882\nКентау"
    cdef Py_ssize_t j = word_end
    cdef Py_UCS4 c = at(s, j, n)
    if (c == 47 or c == 45) and is_digit(at(s, j + 1, n)):
        j += 1  # "13/87 ถนน..."
        while j - word_end < 6 and is_digit(at(s, j, n)):
            j += 1
        word_end = j
        c = at(s, j, n)
    while j - word_end < 3 and (c == 32 or c == 44 or c == 10 or c == 13 or c == 45):
        j += 1
        c = at(s, j, n)
    return c >= 0x400 and native_start(c)


cdef int script_address_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                           const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a word of those scripts or a number before one: an address block; 1 when one
    # matched (end set), 0, or -1 on allocation failure
    cdef Py_UCS4 c = at(s, pos - 1, n)
    cdef Py_ssize_t e
    cdef unsigned long long before = ~0ULL
    if not type_on(opt, T_ADDRESS) or c == 0x200C or c == 0x200D or c == 0x5F3 or c == 0x5F4:
        return 0  # (inside a word: "श्रेष्‍ठ")
    e = script_block(s, n, pos, lim)
    if not e:
        return 0
    if push_scored(out, s, n, pos, e, lim, T_ADDRESS, 0, -1, &before) < 0:
        return -1
    end[0] = e
    return 1
