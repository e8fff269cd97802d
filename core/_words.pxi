# Word-level detectors, included into _scan.pyx: names, places, organisations,
# addresses, holidays, domain names, passport and licence numbers, spoken numbers.
#
# They share one hash table of lower-case phrases (the gazetteer file plus the closed
# word classes of core.lexicon), keyed by a 64-bit FNV-1a hash of the phrase's words
# joined by single spaces, with a Bloom filter in front so that the many words that
# are in no list cost one cache-resident bit test. Like every detector of the pass,
# each decision reads at most LOOKBEHIND - 8 code points back and LOOKAHEAD ahead.

from libc.stdlib cimport calloc

cdef enum:
    G_FIRST = 1 << 0        # a first name (census)
    G_LAST = 1 << 1         # a surname (census)
    G_COMMON = 1 << 2       # also a common lower-case English word ("will", "brown")
    G_CITY = 1 << 3
    G_STATE = 1 << 4        # a state, province or nation
    G_ABBR = 1 << 5         # a two-letter state or province code (upper case only)
    G_COUNTRY = 1 << 6
    G_ORG = 1 << 7          # a known organisation
    G_HOLIDAY = 1 << 8
    G_PREFIX = 1 << 9       # a longer phrase starts with this one
    G_STREET = 1 << 10      # a street suffix
    G_UNIT = 1 << 11        # a secondary unit word
    G_DIR = 1 << 12         # a directional
    G_TITLE = 1 << 13
    G_ORG_SUFFIX = 1 << 14
    G_ORG_HEAD = 1 << 15
    G_NUMBER = 1 << 16      # a spoken-number word; value: see NUMBER_WORDS
    G_CUE = 1 << 17         # a name cue before
    G_CUE_STRONG = 1 << 18  # ... that admits a first name that is also a common word
    G_CUE_AFTER = 1 << 19   # a name cue after
    G_STOP = 1 << 20        # never part of a name, place or organisation
    G_PLACE_CUE = 1 << 21
    G_CONNECTOR = 1 << 22   # lower-case word inside an organisation's name
    G_TLD = 1 << 23         # a public suffix (its labels joined by '.')
    G_TLD_WILD = 1 << 24    # a wildcard rule "*.<suffix>"
    G_CUE_LOWER = 1 << 25   # a cue that admits a lower-case name
    G_FUNCTION = 1 << 26    # a function word: does not continue a lower-case name
    G_FILE_EXT = 1 << 27    # a file extension that is also a TLD
    G_STREET_PREFIX = 1 << 28  # a street type written first ("rue")
    G_CUE_WEAK = 1 << 29    # a weak name cue ("from", "with"): raises a listed name's score
    G_PARTICLE = 1 << 30    # "de", "van": inside a name
    WORD_TLD = -1           # value of a TLD that is an English word ("it", "me")
    V_NAME_SUFFIX = -2      # value of "jr", "sr", "iii": part of the name before it
    V_CITY_PREFIX = -3      # value of "north", "port", "lake": a city's first word

    # a word with none of these starts nothing on its own (an organisation's run of
    # capitalised words aside)
    START_BITS = (G_FIRST | G_LAST | G_CITY | G_STATE | G_ABBR | G_COUNTRY | G_ORG | G_HOLIDAY
                  | G_PREFIX | G_TITLE | G_NUMBER | G_ORG_HEAD | G_TLD)

    S_LOWER = 1
    S_CAP = 2               # upper case then at least one lower case ("Smith", "McDonald")
    S_UPPER = 4             # all upper case, two letters or more
    S_INITIAL = 8           # one upper-case letter

    F_SPOKEN = 8            # span flag: a number said in words; aux holds its digits
    F_SPOKEN_PLUS = 16      # ... said after "plus": an international phone number
    BLOOM_BITS = 1 << 20
    BLOOM_WORDS = 1 << 14   # BLOOM_BITS / 64

    # location subtypes, in aux
    LOC_CITY = 1
    LOC_STATE = 2
    LOC_COUNTRY = 3

cdef struct GzSlot:           # 8 bytes: the table is read at random, so small is fast
    unsigned int check          # the hash's high half, never 0; 0 = empty
    unsigned int flags

cdef struct GzValue:          # the few phrases with a value: number words, holidays, TLDs
    unsigned long long hash
    int value

cdef enum:
    GZ_VALUES = 1024            # open addressing, a power of two well above their count

cdef struct Word:
    Py_ssize_t start
    Py_ssize_t end
    unsigned long long hash
    int shape

cdef GzSlot* GZ = NULL
cdef unsigned long long GZ_MASK = 0
cdef GzValue GZV[GZ_VALUES]
cdef unsigned long long BLOOM[BLOOM_WORDS]
cdef unsigned long long FNV64_OFFSET = 14695981039346656037ULL
cdef unsigned long long FNV64_PRIME = 1099511628211ULL


cdef inline unsigned long long fnv64(unsigned long long h, Py_UCS4 c) noexcept nogil:
    return (h ^ <unsigned long long>lower(c)) * FNV64_PRIME


cdef inline bint bloom_has(unsigned long long h) noexcept nogil:
    cdef unsigned long long a = h & (BLOOM_BITS - 1), b = (h >> 40) & (BLOOM_BITS - 1)
    return (BLOOM[a >> 6] >> (a & 63)) & (BLOOM[b >> 6] >> (b & 63)) & 1


cdef inline unsigned int gz_check(unsigned long long h) noexcept nogil:
    return <unsigned int>(h >> 32) | 1


cdef unsigned int gz_get(unsigned long long h, int* value) noexcept nogil:
    # the flags of the phrase with hash h, 0 when it is in no list; its value if asked
    cdef unsigned long long k
    cdef unsigned int check
    if h == 0:
        h = 1
    if not bloom_has(h):
        return 0
    k = h & GZ_MASK
    check = gz_check(h)
    while GZ[k].check:
        if GZ[k].check == check:
            if value != NULL and GZ[k].flags & (G_NUMBER | G_HOLIDAY | G_TLD | G_TITLE | G_PLACE_CUE):
                value[0] = gz_value(h)
            return GZ[k].flags
        k = (k + 1) & GZ_MASK
    return 0


cdef int gz_value(unsigned long long h) noexcept nogil:
    cdef unsigned int k = <unsigned int>(h & (GZ_VALUES - 1))
    while GZV[k].hash:
        if GZV[k].hash == h:
            return GZV[k].value
        k = (k + 1) & (GZ_VALUES - 1)
    return 0


cdef unsigned long long phrase_hash(bytes phrase):
    cdef unsigned long long h = FNV64_OFFSET
    cdef unsigned char c
    for c in phrase:
        h = fnv64(h, c)
    return h if h else 1


cdef void gz_add(unsigned long long h, unsigned int flags, int value) except *:
    cdef unsigned long long k = h & GZ_MASK, a = h & (BLOOM_BITS - 1), b = (h >> 40) & (BLOOM_BITS - 1)
    cdef unsigned int check = gz_check(h), v
    while GZ[k].check and GZ[k].check != check:
        k = (k + 1) & GZ_MASK
    GZ[k].check = check
    GZ[k].flags |= flags
    if value:
        v = <unsigned int>(h & (GZ_VALUES - 1))
        while GZV[v].hash and GZV[v].hash != h:
            v = (v + 1) & (GZ_VALUES - 1)
        GZV[v].hash = h
        GZV[v].value = value
    BLOOM[a >> 6] |= 1ULL << (a & 63)
    BLOOM[b >> 6] |= 1ULL << (b & 63)


def _gazetteer_entries():
    """(phrase bytes, flags, value) for every entry: the data files and core.lexicon."""
    import pathlib
    from core import lexicon as L
    letters = {"F": G_FIRST, "L": G_LAST, "W": G_COMMON, "C": G_CITY, "S": G_STATE,
               "A": G_ABBR, "K": G_COUNTRY, "O": G_ORG, "H": G_HOLIDAY}
    data = pathlib.Path(__file__).parent / "data"
    with open(data / "gazetteer.txt", encoding="ascii") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            phrase, _, codes = line.rstrip("\n").partition("\t")
            flags = 0
            for ch in codes:
                flags |= letters.get(ch, 0)
            yield phrase.encode(), flags, 0
    with open(data / "common_words.txt", encoding="ascii") as f:
        for line in f:
            word = line.strip()
            if word and not word.startswith("#"):
                yield word.encode(), G_COMMON, 0
    with open(data / "public_suffixes.txt", encoding="ascii") as f:
        for line in f:
            rule = line.strip()
            if not rule or rule.startswith("#") or rule.startswith("!"):
                continue
            if rule.startswith("*."):
                yield rule[2:].encode(), G_TLD_WILD, 0
            else:
                yield rule.encode(), G_TLD, 0
    for ext in L.FILE_EXTENSION_TLDS:
        yield ext.encode(), G_FILE_EXT, 0
    for tld in L.WORD_TLDS:
        yield tld.encode(), 0, WORD_TLD
    for word in L.NAME_SUFFIXES:
        yield word.encode(), G_TITLE, V_NAME_SUFFIX
    for word in L.CITY_PREFIXES:
        yield word.encode(), G_PLACE_CUE, V_CITY_PREFIX
    classes = ((L.STREET_SUFFIXES, G_STREET), (L.UNIT_WORDS, G_UNIT), (L.DIRECTIONALS, G_DIR),
               (L.TITLES, G_TITLE), (L.ORG_SUFFIXES, G_ORG_SUFFIX), (L.ORG_HEADS, G_ORG_HEAD),
               (L.NAME_CUES, G_CUE), (L.NAME_CUES_STRONG, G_CUE_STRONG),
               (L.NAME_CUES_LOWER, G_CUE_LOWER), (L.NAME_CUES_AFTER, G_CUE_AFTER),
               (L.STOP_WORDS, G_STOP), (L.PLACE_CUES, G_PLACE_CUE),
               (L.ORG_CONNECTORS, G_CONNECTOR), (L.FUNCTION_WORDS, G_FUNCTION),
               (L.STREET_PREFIXES, G_STREET_PREFIX), (L.NAME_CUES_WEAK, G_CUE_WEAK),
               (L.NAME_PARTICLES, G_PARTICLE))
    for words, flag in classes:
        for w in words:
            yield w.encode(), flag, 0
    for word, digits in L.NUMBER_WORDS.items():
        yield word.encode(), G_NUMBER, NUMBER_VALUES[digits]
    for phrase, mmdd in L.HOLIDAY_DATES.items():
        yield phrase.encode(), G_HOLIDAY, mmdd


# spoken-number word values: a unit digit, a teen, a tens word, or an operator
NUMBER_VALUES = {str(d): d for d in range(10)}
NUMBER_VALUES.update({str(t): t for t in range(10, 20)})
NUMBER_VALUES.update({f"{t}_": t * 10 for t in range(2, 10)})
NUMBER_VALUES.update({"x2": 102, "x3": 103, "00": 100, "+": 104})


cdef void init_gazetteer() except *:
    global GZ, GZ_MASK
    cdef unsigned long long h, size = 1
    cdef int k
    entries = []
    for phrase, flags, value in _gazetteer_entries():
        entries.append((phrase, flags, value))
    while size < 2 * len(entries) + 16:  # phrases and their prefixes: load under 0.75
        size <<= 1
    GZ = <GzSlot*>calloc(size, sizeof(GzSlot))
    if GZ == NULL:
        raise MemoryError()
    GZ_MASK = size - 1
    for k in range(BLOOM_WORDS):
        BLOOM[k] = 0
    for k in range(GZ_VALUES):
        GZV[k].hash = 0
        GZV[k].value = 0
    if sum(1 for entry in entries if entry[2]) > GZ_VALUES // 2:
        raise ImportError("too many phrases with a value for the value table")
    for phrase, flags, value in entries:
        if not phrase:
            continue
        gz_add(phrase_hash(phrase), flags, value)
        words = phrase.split(b" ")
        for k in range(1, len(words)):
            gz_add(phrase_hash(b" ".join(words[:k])), G_PREFIX, 0)


# ---------------------------------------------------------------- words

cdef Py_UCS4 FOLD[0x180]  # Latin-1 and Latin Extended-A letters -> their ASCII base letter; 0: none


cdef void init_fold():
    import unicodedata
    cdef int c
    for c in range(0x180):
        FOLD[c] = 0
        if c < 128:
            if 65 <= c <= 90 or 97 <= c <= 122:
                FOLD[c] = c
            continue
        if c < 0xC0 or c == 0xD7 or c == 0xF7:
            continue
        base = unicodedata.normalize("NFKD", chr(c))[:1]
        extra = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a",
                 "Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D"}
        base = extra.get(chr(c), base)
        if base.isascii() and base.isalpha():
            FOLD[c] = ord(base)


cdef inline Py_UCS4 folded(Py_UCS4 c) noexcept nogil:
    # an ASCII or accented Latin letter's ASCII base letter, else 0
    return FOLD[c] if c < 0x180 else 0


cdef inline bint read_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           Word* w) noexcept nogil:
    # the run of letters at i (ASCII, or accented Latin letters hashed as their base
    # letter: "Jovanović" is "jovanovic"), a whole word (no digit, '_' or other letter
    # joined to it), its hash and shape
    cdef Py_ssize_t e = i
    cdef unsigned long long h = FNV64_OFFSET
    cdef int uppers = 0
    cdef Py_UCS4 c
    if i >= lim or not folded(s[i]) or word_at(s, i - 1, n):
        return False
    while e < lim:
        c = folded(s[e])
        if not c:
            break
        h = fnv64(h, c)
        if c <= 90:
            uppers += 1
        e += 1
    if word_at(s, e, n) or e - i > 24:
        return False
    w.start = i
    w.end = e
    w.hash = h if h else 1
    if folded(s[i]) >= 97:
        w.shape = S_LOWER
    elif uppers == e - i:
        w.shape = S_INITIAL if e - i == 1 else S_UPPER
    else:
        w.shape = S_CAP
    return True


cdef inline unsigned long long join_hash(unsigned long long h, const uchar_t* s, const Word* w) noexcept nogil:
    # the hash of "<phrase with hash h> <w>"
    cdef Py_ssize_t i
    h = fnv64(h, 32)
    for i in range(w.start, w.end):
        h = fnv64(h, folded(s[i]))
    return h if h else 1


cdef inline Py_ssize_t phrase_gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # between two words of one phrase: a space, or one of . ' ’ - and at most one space;
    # the next word's start, or 0
    cdef Py_ssize_t j = i
    if j < lim and (s[j] == 46 or s[j] == 39 or s[j] == 0x2019 or s[j] == 45 or s[j] == 38):
        j += 1  # ". ' ’ - &": "St. Louis", "O'Brien", "T-Mobile", "AT&T"
    if j < lim and s[j] == 32:
        j += 1
    if j == i or j >= lim or not is_letter(s[j]):
        return 0
    return j


cdef inline Py_ssize_t space_gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # one space, then the next token's start; or 0
    if i + 1 < lim and s[i] == 32 and s[i + 1] != 32:
        return i + 1
    return 0


cdef int longest_phrase(const uchar_t* s, Py_ssize_t n, const Word* first, unsigned int f0,
                        Py_ssize_t lim, unsigned int want, Word* last, unsigned int* flags,
                        int* value, bint lower_ok) noexcept nogil:
    # the longest phrase of up to five words from `first` (flags f0) with one of the
    # `want` flags; its word count (0: none), last word, flags and value. Words after the
    # first are capitalised, or connectors ("Bank of America", "Cinco de Mayo")
    cdef int k, best = 0, v = 0
    cdef unsigned long long h = first.hash
    cdef unsigned int f = f0
    cdef Word cur = first[0], nxt
    cdef Py_ssize_t j
    if f & want:
        best = 1
        last[0] = cur
        flags[0] = f
        gz_get(h, value)
    for k in range(1, 5):
        if not (f & G_PREFIX):
            break
        j = phrase_gap(s, cur.end, lim)
        if not j or not read_word(s, n, j, lim, &nxt):
            break
        h = join_hash(h, s, &nxt)
        if nxt.shape == S_LOWER and not lower_ok and not (gz_get(nxt.hash, NULL) & G_CONNECTOR):
            break
        v = 0
        f = gz_get(h, &v)
        if f & want:
            best = k + 1
            last[0] = nxt
            flags[0] = f
            value[0] = v
        cur = nxt
    return best


cdef inline bint cue_separator(Py_UCS4 c) noexcept nogil:
    # between a cue and a name: space , : ' ’ - " and line breaks
    return c == 32 or c == 44 or c == 58 or c == 39 or c == 0x2019 or c == 45 or c == 34 \
        or c == 10 or c == 13 or c == 61


cdef Py_ssize_t prev_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t floor,
                          Word* w) noexcept nogil:
    # the word before pos across at most four separators; its start, or -1. A word joined
    # by '_' counts ("first_name": "name")
    cdef Py_ssize_t i = pos, e
    cdef int k = 0
    while i > floor and k < 4 and cue_separator(s[i - 1]):
        i -= 1
        k += 1
    if i == pos:
        return -1
    e = i
    while i > floor and is_letter(s[i - 1]):
        i -= 1
    if i == e or (i == floor and is_letter(at(s, i - 1, n))) or (word_at(s, i - 1, n) and at(s, i - 1, n) != 95):
        return -1
    if not read_word(s, n, i, e, w) and not (at(s, i - 1, n) == 95 and read_word_at(s, i, e, w)):
        return -1
    return i


cdef inline bint read_word_at(const uchar_t* s, Py_ssize_t i, Py_ssize_t e, Word* w) noexcept nogil:
    # the letters s[i:e] as a word, whatever is joined before them
    cdef unsigned long long h = FNV64_OFFSET
    cdef Py_ssize_t k
    for k in range(i, e):
        h = fnv64(h, folded(s[k]))
    w.start = i
    w.end = e
    w.hash = h if h else 1
    w.shape = S_LOWER if s[i] >= 97 else S_CAP
    return True


cdef unsigned int cue_flags(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # flags of the word before pos and of the two-word phrase ending there
    cdef Word w1, w2
    cdef Py_ssize_t floor = pos - (LOOKBEHIND - 8)
    cdef unsigned int f
    if floor < 0:
        floor = 0
    if prev_word(s, n, pos, floor, &w1) < 0:
        return 0
    f = gz_get(w1.hash, NULL)
    if prev_word(s, n, w1.start, floor, &w2) >= 0:
        f |= gz_get(join_hash(w2.hash, s, &w1), NULL)
    return f


cdef inline bint sentence_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # nothing but spaces between pos and the text's start or a . ! ? or line break
    cdef Py_ssize_t i = pos - 1, k = 0
    while i >= 0 and s[i] == 32 and k < 4:
        i -= 1
        k += 1
    if i < 0:
        return True
    return s[i] == 46 or s[i] == 33 or s[i] == 63 or s[i] == 10 or s[i] == 13 or s[i] == 34


# ---------------------------------------------------------------- names

cdef inline bint unlisted(unsigned int f) noexcept nogil:
    # in no list and not a common word: most likely a name ("Oluwaseun", "Nwosu")
    return not (f & ~(G_PREFIX | G_TLD | G_TLD_WILD | G_FILE_EXT))


cdef inline bint name_word(const Word* w, unsigned int f) noexcept nogil:
    # a capitalised word that can be part of a name: a listed name, or an unlisted word
    if w.shape != S_CAP or f & (G_STOP | G_TITLE) \
            or (f & (G_ORG_SUFFIX | G_STREET | G_FUNCTION) and not f & G_LAST):
        return False
    if f & (G_FIRST | G_LAST):
        return not (f & G_COMMON) or (f & G_LAST and not f & (G_CITY | G_STATE | G_COUNTRY))
    return unlisted(f) and w.end - w.start >= 2


cdef inline Py_ssize_t hyphen_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # "Ji-woo", "Mendoza-Farouk": a hyphen and letters continue a name's word
    cdef Py_ssize_t i
    if not (at(s, e, n) == 45 and is_letter(at(s, e + 1, n))
            or (at(s, e, n) == 39 or at(s, e, n) == 0x2019) and up(at(s, e + 1, n))):
        return e
    i = e + 1
    while i < lim and is_letter(s[i]) and i - e < 24:
        i += 1
    return e if word_at(s, i, n) else i


cdef Py_ssize_t name_rest(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim,
                          int* words) noexcept nogil:
    # after a first word of a name: "[A.] Last [Last]"; the name's end (w0's end if
    # nothing follows) and the number of words after w0
    cdef Word w
    cdef Py_ssize_t e = hyphen_tail(s, n, w0.end, lim), j
    cdef unsigned int f
    words[0] = 0
    j = space_gap(s, e, lim)
    if not (j and up(s[j])):
        return e
    if read_word(s, n, j, lim, &w) and w.shape == S_INITIAL and hyphen_tail(s, n, w.end, lim) > w.end + 1:
        e = hyphen_tail(s, n, w.end, lim)  # "O'Brien"
        words[0] = 1
    elif w.shape == S_INITIAL and at(s, w.end, n) == 46 and w.end > w.start:
        j = space_gap(s, w.end + 1, lim)  # a middle initial
        if j and read_word(s, n, j, lim, &w) and name_word(&w, gz_get(w.hash, NULL)):
            e = hyphen_tail(s, n, w.end, lim)
            words[0] = 2
    elif read_word(s, n, j, lim, &w):
        f = gz_get(w.hash, NULL)
        if name_word(&w, f) or (w0.shape == S_UPPER and w.shape == S_UPPER and f & (G_LAST | G_FIRST)
                                and (not f & G_COMMON or not gz_get(w0.hash, NULL) & G_COMMON)):
            e = hyphen_tail(s, n, w.end, lim)
            words[0] = 1
    if words[0]:
        j = space_gap(s, e, lim)  # a second surname ("Garcia Lopez")
        if j and read_word(s, n, j, lim, &w):
            f = gz_get(w.hash, NULL)
            if w.shape == S_INITIAL and hyphen_tail(s, n, w.end, lim) > w.end + 1:
                e = hyphen_tail(s, n, w.end, lim)  # "Aditya O'Brien"
                words[0] += 1
            elif (name_word(&w, f) and (f & G_LAST or unlisted(f))) \
                    or (w0.shape == S_UPPER and w.shape == S_UPPER and f & G_LAST) \
                    or (w.shape == S_CAP and f & G_CITY and not f & (G_STATE | G_COUNTRY | G_STOP | G_COMMON)):
                e = hyphen_tail(s, n, w.end, lim)
                words[0] += 1
    if words[0]:
        e = name_suffix(s, n, e, lim)
    j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and gz_get(w.hash, NULL) & G_PARTICLE:
        # "De la Cruz", "van der Berg": particles, then a capitalised surname
        j = space_gap(s, w.end, lim)
        if j and read_word(s, n, j, lim, &w) and gz_get(w.hash, NULL) & G_PARTICLE:
            j = space_gap(s, w.end, lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_CAP:
            f = gz_get(w.hash, NULL)
            if f & G_LAST or unlisted(f):
                e = hyphen_tail(s, n, w.end, lim)
                words[0] += 1
    return e


cdef Py_ssize_t name_suffix(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # "Robert Brown Jr.", "John Smith, III": a generational suffix belongs to the name
    cdef Word w
    cdef int v = 0
    cdef Py_ssize_t j = e + 2 if at(s, e, n) == 44 and at(s, e + 1, n) == 32 else space_gap(s, e, lim)
    if not j or not read_word(s, n, j, lim, &w) or w.shape == S_LOWER:
        return e
    gz_get(w.hash, &v)
    if v != V_NAME_SUFFIX:
        return e
    return w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start == 2 else w.end


cdef Py_ssize_t name_rest_after_first(const uchar_t* s, Py_ssize_t n, const Word* w, Py_ssize_t lim) noexcept nogil:
    # "Smith, John A.": the first name and a middle initial after it
    cdef Word m
    cdef Py_ssize_t j = space_gap(s, w.end, lim)
    if j and read_word(s, n, j, lim, &m) and m.shape == S_INITIAL and at(s, m.end, n) == 46:
        return m.end + 1
    return w.end


cdef Py_ssize_t match_name(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim, float* score) noexcept nogil:
    # a person's name starting at w0 (capitalised); end, or 0
    cdef Word w
    cdef int more = 0
    cdef Py_ssize_t e, j
    cdef unsigned int f, cue
    cdef bint listed_first = f0 & G_FIRST and not f0 & G_COMMON
    score[0] = 0.85
    if f0 & G_STOP or w0.shape == S_INITIAL:
        return 0
    if not (f0 & (G_FIRST | G_LAST) or name_word(w0, f0)
            or f0 & G_CITY and not f0 & (G_STATE | G_COUNTRY | G_COMMON | G_PREFIX)):
        return 0
    e = name_rest(s, n, w0, lim, &more)
    if more and not (f0 & (G_FIRST | G_LAST) or name_word(w0, f0)):
        # a city's name as a first name ("Jian Clark"): a listed surname must follow
        j = space_gap(s, w0.end, lim)
        if not (j and read_word(s, n, j, lim, &w)):
            return 0
        f = gz_get(w.hash, NULL)
        if not (f & G_LAST and not f & G_COMMON or unlisted(f) and w.shape == S_CAP):
            return 0
        return e  # "Rania Petrović"
    if more:
        if listed_first:
            return e
        # a common-word first name ("Will") or an unlisted one ("Karim"): a listed surname
        # after it, or a cue before it, and not a sentence's first word without either
        cue = cue_flags(s, n, w0.start)
        if cue & G_CUE:
            return e
        j = space_gap(s, hyphen_tail(s, n, w0.end, lim), lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_INITIAL and at(s, w.end, n) == 46:
            j = space_gap(s, w.end + 1, lim)  # past a middle initial
        if j and read_word(s, n, j, lim, &w):
            f = gz_get(w.hash, NULL)
            if f & (G_LAST | G_FIRST) and not f & G_COMMON and (f0 & G_FIRST or not sentence_start(s, n, w0.start)
                                                    or line_end(s, n, e)):
                return e
        if unlisted(f0) and line_start(s, n, w0.start) and line_end(s, n, e):
            score[0] = 0.6
            return e  # a name on a line of its own: a signature, a header
        if unlisted(f0) and more >= 1 and not sentence_start(s, n, w0.start):
            j = space_gap(s, hyphen_tail(s, n, w0.end, lim), lim)
            if j and read_word(s, n, j, lim, &w) and unlisted(gz_get(w.hash, NULL)):
                score[0] = 0.6
                return e  # two unlisted capitalised words mid-sentence: "met Oluwaseun Adeyemi"
        return 0
    # "SMITH, JOHN", "Smith, John": a surname, a comma, a listed first name (records)
    if f0 & G_LAST and at(s, e, n) == 44 and at(s, e + 1, n) == 32:
        if read_word(s, n, e + 2, lim, &w) and w.shape == w0.shape:
            f = gz_get(w.hash, NULL)
            if f & G_FIRST and not f & (G_COMMON | G_CITY | G_STATE | G_COUNTRY):
                return name_rest_after_first(s, n, &w, lim)
    # a lone word: a first name, with a cue where it could be something else
    if w0.shape != S_CAP:
        return 0
    e = hyphen_tail(s, n, w0.end, lim)
    cue = cue_flags(s, n, w0.start)
    j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and gz_get(w.hash, NULL) & G_CUE_AFTER:
        cue |= G_CUE
    if listed_first and not f0 & (G_STATE | G_COUNTRY | G_ORG | G_HOLIDAY) \
            and (w0.end - w0.start > 2 or cue & (G_CUE | G_CUE_WEAK)):
        score[0] = 0.85 if cue & (G_CUE | G_CUE_WEAK) else 0.65
        return e  # ("Mi", "Al" alone: only after a cue)
    if cue & G_CUE_STRONG and (f0 & (G_FIRST | G_LAST) or name_word(w0, f0)):
        return e
    if cue & G_CUE and (f0 & G_FIRST or f0 & G_LAST and not f0 & G_COMMON or unlisted(f0)) \
            and (not f0 & G_COMMON or not (sentence_start(s, n, w0.start) or at(s, w0.start - 2, n) == 58)):
        return e  # "Hi Ximena", "Thanks, Pat", "Dear Patel"
    if unlisted(f0) and at(s, e, n) == 58 and at(s, e + 1, n) == 32 and line_start(s, n, w0.start):
        return e  # a speaker's label: "Milena: running late"
    return 0


cdef inline bint line_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    return pos == 0 or s[pos - 1] == 10 or s[pos - 1] == 13


cdef inline bint line_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t e) noexcept nogil:
    return e >= n or s[e] == 10 or s[e] == 13


cdef Py_ssize_t match_titled_name(const uchar_t* s, Py_ssize_t n, const Word* t, Py_ssize_t lim,
                                  Py_ssize_t* start) noexcept nogil:
    # "Mr. Patel", "Dr Jane Smith": the name after a title (the title is not part of it)
    cdef Word w
    cdef Py_ssize_t j = t.end, e
    cdef int more = 0, v = 0
    cdef unsigned int f
    gz_get(t.hash, &v)
    if v == V_NAME_SUFFIX:
        return 0
    if at(s, j, n) == 46:
        j += 1
    j = space_gap(s, j, lim)
    if not j or not read_word(s, n, j, lim, &w) or w.shape != S_CAP:
        return 0
    f = gz_get(w.hash, NULL)
    if not (name_word(&w, f) or f & (G_FIRST | G_LAST)):
        return 0
    start[0] = w.start
    return name_rest(s, n, &w, lim, &more)


cdef Py_ssize_t match_lower_name(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                 Py_ssize_t lim) noexcept nogil:
    # "my name is kevin brown" in a transcript: a name after a cue; end, or 0. After a
    # strong cue ("my name is") an unlisted word counts too ("ayodele zhou")
    cdef Word w
    cdef Py_ssize_t j, e, e2
    cdef unsigned int cue, f
    cdef int k
    if f0 & (G_FUNCTION | G_STOP | G_NUMBER):
        return 0
    cue = cue_flags(s, n, w0.start)
    if not (cue & G_CUE_STRONG and (f0 & G_FIRST or unlisted(f0))
            or cue & G_CUE_LOWER and (f0 & G_FIRST and not f0 & G_COMMON or unlisted(f0))):
        return 0
    e = hyphen_tail(s, n, w0.end, lim)
    for k in range(4):
        j = space_gap(s, e, lim)
        if not (j and read_word(s, n, j, lim, &w) and (w.shape == S_LOWER or w.shape == S_CAP
                                                       or w.shape == S_INITIAL)):
            break
        if w.end - w.start == 1 and at(s, w.end, n) == 46 and k < 2:
            e = w.end + 1  # a middle initial, "fernando g. suzuki"
            continue
        f = gz_get(w.hash, NULL)
        if w.end - w.start == 1 and (at(s, w.end, n) == 39 or at(s, w.end, n) == 0x2019) \
                and is_letter(at(s, w.end + 1, n)):
            e = w.end + 1  # "o'brien"
            while e < lim and is_letter(s[e]):
                e += 1
            continue
        if f & (G_FUNCTION | G_STOP | G_NUMBER) or not (f & (G_LAST | G_FIRST | G_PARTICLE) or unlisted(f)):
            break
        if f & G_PARTICLE and not f & (G_LAST | G_FIRST):
            e2 = space_gap(s, w.end, lim)  # "de la cruz", "de vries": particles, then a word
            if not e2:
                break
            e = w.end
            continue
        e = hyphen_tail(s, n, w.end, lim)
    while at(s, e - 1, n) == 32:
        e -= 1
    if at(s, e - 1, n) == 46:
        e -= 1  # an initial the name did not go on after
    return e


# ---------------------------------------------------------------- places, organisations, holidays

cdef Py_ssize_t match_place(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                            Py_ssize_t lim, long long* aux) noexcept nogil:
    # a city, state or country (longest phrase); an ambiguous one needs a place cue before
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0
    if f0 & G_STOP and not f0 & G_PREFIX:
        return 0
    words = longest_phrase(s, n, w0, f0, lim, G_CITY | G_STATE | G_COUNTRY, &last, &f, &value, False)
    if not words:
        return city_shape(s, n, w0, f0, lim, aux)
    if w0.shape == S_UPPER and words == 1 and last.end - w0.start <= 3 and not f & G_COUNTRY:
        return 0  # "LA", "SF": a city only as written out
    if (words == 1 and (f & (G_COMMON | G_FIRST | G_STOP) or last.end - w0.start <= 3)) or (f & G_ORG):
        # "Reading", "Charlotte", "Chase": a place after a place cue or before a state
        if not (cue_flags(s, n, w0.start) & G_PLACE_CUE or state_follows(s, n, last.end, lim)):
            return 0
    aux[0] = LOC_COUNTRY if f & G_COUNTRY else (LOC_STATE if f & G_STATE else LOC_CITY)
    return last.end


cdef const char* CITY_ENDING[32]
cdef int CITY_ENDINGS_N = 0
_city_ending_bytes = []


cdef void init_city_endings() except *:
    global CITY_ENDINGS_N
    from core.lexicon import CITY_ENDINGS
    if len(CITY_ENDINGS) > 32:
        raise ImportError("too many city endings")
    cdef bytes b
    for k, ending in enumerate(CITY_ENDINGS):
        b = ending.encode()
        _city_ending_bytes.append(b)  # CITY_ENDING points into these bytes
        CITY_ENDING[k] = b
    CITY_ENDINGS_N = len(CITY_ENDINGS)


cdef Py_ssize_t city_shape(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim, long long* aux) noexcept nogil:
    # a city in no list, after a place word: "Port Matthew", "North Angela", "Lake Jessica",
    # "Jessicaton", "Angelaborough" (a place prefix and a name, or a name and an ending)
    cdef Word w
    cdef Py_ssize_t j, e = 0
    cdef int v = 0, k, length
    if w0.shape != S_CAP:
        return 0
    if f0 & G_PLACE_CUE:
        gz_get(w0.hash, &v)
    if v == V_CITY_PREFIX:
        j = space_gap(s, w0.end, lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_CAP \
                and not gz_get(w.hash, NULL) & (G_STOP | G_FUNCTION):
            e = w.end
    elif (unlisted(f0) or f0 & (G_FIRST | G_LAST) and not f0 & G_COMMON) and w0.end - w0.start >= 6:
        for k in range(CITY_ENDINGS_N):
            length = <int>strlen(CITY_ENDING[k])
            if starts_with(s, w0.end - length, w0.end, CITY_ENDING[k]):
                e = w0.end
                break
    if not e or not cue_flags(s, n, w0.start) & G_PLACE_CUE:
        return 0  # (the cue, the dearest check, last)
    aux[0] = LOC_CITY
    return e


cdef Py_ssize_t match_lower_place(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                  Py_ssize_t lim, long long* aux) noexcept nogil:
    # a lower-case place of one to four words ("san antonio"), not a name or a common word
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0
    words = longest_phrase(s, n, w0, f0, lim, G_CITY | G_STATE | G_COUNTRY, &last, &f, &value, True)
    if not words or (words == 1 and f & (G_COMMON | G_FIRST | G_STOP | G_FUNCTION)) \
            or last.end - w0.start <= 3:
        return 0
    aux[0] = LOC_COUNTRY if f & G_COUNTRY else (LOC_STATE if f & G_STATE else LOC_CITY)
    return last.end


cdef bint state_follows(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # ", IL" or ", Texas" after a city
    cdef Word w, last
    cdef unsigned int f = 0
    cdef int value = 0
    if not (at(s, e, n) == 44 and at(s, e + 1, n) == 32 and read_word(s, n, e + 2, lim, &w)):
        return False
    if w.shape == S_UPPER and w.end - w.start == 2:
        return (gz_get(w.hash, NULL) & G_ABBR) != 0
    return w.shape == S_CAP and longest_phrase(s, n, &w, gz_get(w.hash, NULL), lim, G_STATE | G_COUNTRY,
                                               &last, &f, &value, False) > 0


cdef Py_ssize_t match_state_code(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                 Py_ssize_t lim) noexcept nogil:
    # "Springfield, IL": a state code right after a city and a comma
    cdef Word w
    if not (f0 & G_ABBR and w0.shape == S_UPPER and w0.end - w0.start == 2):
        return 0
    if at(s, w0.start - 1, n) != 32 or at(s, w0.start - 2, n) != 44:
        return 0
    if prev_word(s, n, w0.start, max(0, w0.start - 24), &w) < 0 or w.shape != S_CAP:
        return 0
    return w0.end


cdef inline Py_ssize_t abbrev_dot(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # "Inc.", "Co.": the abbreviation's period, unless a new sentence starts after it
    cdef Py_UCS4 c
    if not (e < lim and s[e] == 46):
        return e
    c = at(s, e + 1, n)
    if word_at(s, e + 1, n) or c == 46:
        return e
    if c == 32 and up(at(s, e + 2, n)):
        return e
    return e + 1


cdef inline bint org_context(const uchar_t* s, Py_ssize_t n, Py_ssize_t start) noexcept nogil:
    return (context_within(s, n, start, KW[<int>T_ORGANIZATION].before) >> <int>T_ORGANIZATION) & 1


cdef Py_ssize_t of_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # " of America", " of New Mexico": "of" and one to three capitalised words after a head
    # word; their end, or e
    cdef Word w
    cdef Py_ssize_t j = space_gap(s, e, lim), best = e
    cdef int k
    if not (j and starts_with(s, j, lim, b"of ") and not word_at(s, j + 2, n)):
        return e
    j += 3
    for k in range(3):
        if not read_word(s, n, j, lim, &w) or w.shape == S_LOWER or w.shape == S_INITIAL \
                or gz_get(w.hash, NULL) & G_STOP:
            break
        best = w.end
        j = space_gap(s, w.end, lim)
        if not j:
            break
    return best


cdef Py_ssize_t match_org(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                          Py_ssize_t lim) noexcept nogil:
    # "Acme Widgets Inc.", "Bank of America", "Wells Fargo", "University of Michigan",
    # "First National Bank of Tucson", "Brightwater Children's Hospital"; end, or 0
    cdef Word w, last
    cdef unsigned int f = 0, fw
    cdef int words, k, value = 0
    cdef Py_ssize_t e = 0, j, i, best = 0
    cdef unsigned int prev_fw = f0
    words = longest_phrase(s, n, w0, f0, lim, G_ORG, &last, &f, &value, False)
    if words and (not f & G_COMMON or words > 1 or w0.shape == S_UPPER
                  or not sentence_start(s, n, w0.start) or org_context(s, n, w0.start)):
        # "Chase" at a sentence's start needs "at", "with", "bank" ... before it
        best = last.end
    if f0 & (G_STOP | G_FUNCTION) or w0.shape == S_INITIAL:
        return best  # "Call Bank of America": the verb is not part of the name
    # "Bank of America": a head word, "of", capitalised words
    if f0 & G_ORG_HEAD and w0.shape == S_CAP:
        e = of_tail(s, n, w0.end, lim)
        if e > w0.end and e > best:
            best = e
    # a run of capitalised words (and connectors) ending in a company suffix
    w = w0[0]
    j = w.end
    if at(s, j, n) == 39 and lower(at(s, j + 1, n)) == 115:
        j += 2  # "Children's"
    elif at(s, j, n) == 46 and w.end - w.start == 2 and lower(s[w.start]) == 115 and lower(s[w.start + 1]) == 116:
        j += 1  # "St. Joseph's Medical Center"
    if not (at(s, j, n) == 32 and (up(at(s, j + 1, n)) or at(s, j + 1, n) == 38)
            or at(s, j, n) == 44):
        return best
    e = 0
    for k in range(6):
        j = w.end
        if at(s, j, n) == 39 and lower(at(s, j + 1, n)) == 115 and not word_at(s, j + 2, n):
            j += 2
        elif k == 0 and at(s, j, n) == 46 and w.end - w.start == 2 and lower(s[w.start]) == 115:
            j += 1  # "St."
        i = space_gap(s, j, lim)
        if not i:
            if k and at(s, j, n) == 44 and at(s, j + 1, n) == 32:
                i = j + 2  # "Acme, Inc."
            else:
                break
        if at(s, i, n) == 38 and at(s, i + 1, n) == 32:
            i += 2  # "Johnson & Johnson", "Crescent & Co."
        if not read_word(s, n, i, lim, &w):
            break
        if w.shape == S_LOWER:
            # "Marks and Spencer"; "of" only after a head word ("Institute of Technology"),
            # not after a person ("Maria Gonzalez of Acme Widgets Inc.")
            fw = gz_get(w.hash, NULL)
            if not fw & G_CONNECTOR or (w.end - w.start == 2 and lower(s[w.start]) == 111
                                        and not prev_fw & (G_ORG_HEAD | G_ORG_SUFFIX)):
                break
            continue
        prev_fw = fw = gz_get(w.hash, NULL)
        if fw & G_ORG_SUFFIX and (at(s, i - 2, n) != 44 or w.end - w.start <= 4):
            e = abbrev_dot(s, n, w.end, lim)
            if fw & G_ORG_HEAD:
                e = of_tail(s, n, e, lim)  # "First National Bank of Tucson"
    if e > best:
        best = e
    return best


cdef Py_ssize_t match_holiday(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim, long long* aux) noexcept nogil:
    # "Christmas", "New Year's Eve", "Memorial Day", maybe with a year; end, or 0
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0, year = 0
    cdef Py_ssize_t e, g, y
    words = longest_phrase(s, n, w0, f0, lim, G_HOLIDAY, &last, &f, &value, True)
    if not words:
        return 0
    e = last.end
    g = gap(s, e, lim, True)
    y = read_year(s, n, g, lim, &year) if g else 0
    if y:
        e = y
    aux[0] = date_aux(year, value // 100, value % 100) if value else date_aux(year, 0, 0)
    return e


# ---------------------------------------------------------------- domain names

cdef inline bint host_char(Py_UCS4 c) noexcept nogil:
    return c < 128 and (CLS[c] & C_DOMAIN) != 0


cdef Py_ssize_t match_domain(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                             bint* file_like) noexcept nogil:
    # host labels joined by dots (or by " dot ", as speech-to-text writes them) whose last
    # labels are a public suffix, with a label before it; one case throughout. end, or 0
    cdef Py_ssize_t i = w, label, starts[16], ends[16]
    cdef int labels = 0, k, m, uppers = 0, lowers = 0
    cdef unsigned long long h
    cdef unsigned int f
    cdef int value
    cdef Py_UCS4 c
    cdef bint spoken = False
    file_like[0] = False
    c = at(s, w - 1, n)
    if c == 46 or c == 64 or c == 47 or c == 45 or host_char(c):
        return 0
    while labels < 16:
        label = i
        while i < lim and host_char(s[i]) and i - label < 64:
            c = s[i]
            if 65 <= c <= 90:
                uppers += 1
            elif 97 <= c <= 122:
                lowers += 1
            i += 1
        if i == label or s[label] == 45 or s[i - 1] == 45:
            return 0
        starts[labels] = label
        ends[labels] = i
        labels += 1
        if not spoken and i + 1 < lim and s[i] == 46 and host_char(s[i + 1]):
            i += 1
            continue
        if (labels == 1 or spoken) and starts_with(s, i, lim, b" dot ") and i + 5 < lim \
                and 97 <= s[i + 5] <= 122 and s[i + 1] == 100:
            spoken = True  # "acme dot com"
            i += 5
            continue
        break
    if labels < 2 or word_at(s, i, n) or at(s, i, n) == 64 or (uppers and lowers) or (spoken and uppers):
        return 0
    if at(s, i, n) == 46 and host_char(at(s, i + 1, n)):
        return 0  # cut at 16 labels or 64 characters
    # the longest public suffix: labels k.. for the smallest k >= 1
    for k in range(1, labels):
        h = FNV64_OFFSET
        for m in range(k, labels):
            if m > k:
                h = fnv64(h, 46)
            for label in range(starts[m], ends[m]):
                h = fnv64(h, s[label])
        if h == 0:
            h = 1
        value = 0
        f = gz_get(h, &value)
        if f & G_TLD:
            if labels == 2 and f & G_FILE_EXT:
                file_like[0] = True  # "setup.py", "notes.md": a file unless context says domain
            elif labels == 2 and value == WORD_TLD:
                # "thanks.it": a missing space when the name is a common word
                h = FNV64_OFFSET
                for label in range(starts[0], ends[0]):
                    h = fnv64(h, s[label])
                file_like[0] = (gz_get(h if h else 1, NULL) & (G_COMMON | G_STOP | G_FUNCTION)) != 0 \
                    or uppers > 0
            return i
        if f & G_TLD_WILD and k >= 2:
            return i
    return 0


# ---------------------------------------------------------------- addresses

cdef inline Py_ssize_t skip_comma_space(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # ", ", " ", ",\n" or a line break before the next part of an address; its start, or 0
    if i < lim and s[i] == 44:
        i += 1
    if i < lim and s[i] == 13:
        i += 1
    if i < lim and (s[i] == 32 or s[i] == 10):
        i += 1
        if i < lim and s[i] != 32 and s[i] != 10:
            return i
    return 0


cdef Py_ssize_t read_zip(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # a US ZIP code, 5 digits or ZIP+4; end, or 0
    cdef int k
    if i + 5 > lim:
        return 0
    for k in range(5):
        if not is_digit(s[i + k]):
            return 0
    i += 5
    if i + 5 <= lim and s[i] == 45 and is_digit(s[i + 1]) and is_digit(s[i + 2]) \
            and is_digit(s[i + 3]) and is_digit(s[i + 4]) and not word_at(s, i + 5, n):
        return i + 5
    return 0 if word_at(s, i, n) else i


cdef inline bint up(Py_UCS4 c) noexcept nogil:
    return 65 <= c <= 90


cdef Py_ssize_t read_uk_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "SW1A 1AA", "M1 1AE", "B33 8TH", "W1A 0AX", "EC1A 1BB": outward, space, inward
    cdef Py_ssize_t j = i, k
    if word_at(s, i - 1, n) or not up(at(s, j, n)):
        return 0
    j += 1
    if up(at(s, j, n)):
        j += 1
    if not is_digit(at(s, j, n)):
        return 0
    j += 1
    if is_digit(at(s, j, n)) or up(at(s, j, n)):
        j += 1
    if at(s, j, n) != 32 or j - i > 4:
        return 0
    k = j + 1
    if k + 3 > lim or not (is_digit(s[k]) and up(s[k + 1]) and up(s[k + 2])) or word_at(s, k + 3, n):
        return 0
    return k + 3


cdef Py_ssize_t read_ca_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "K1A 0B1": letter digit letter, an optional space, digit letter digit
    cdef Py_ssize_t j = i
    if word_at(s, i - 1, n) or i + 6 > lim:
        return 0
    if not (up(s[j]) and is_digit(s[j + 1]) and up(s[j + 2])):
        return 0
    j += 3
    if s[j] == 32:
        j += 1
    if j + 3 > lim or not (is_digit(s[j]) and up(s[j + 1]) and is_digit(s[j + 2])) or word_at(s, j + 3, n):
        return 0
    return j + 3


cdef Py_ssize_t address_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                             bint lower_ok) noexcept nogil:
    # after a street line or a box: ", City, ST 12345", ", ST 12345", "\nSheffield S1 5US",
    # ", Ottawa, ON K1A 0B1", "st. louis missouri 63137" (lower case: only when `lower_ok`);
    # the address's new end (e when none of these follows)
    cdef Word w, last
    cdef Py_ssize_t j, k, best = e, city_end = 0, z
    cdef unsigned int f = 0, fw
    cdef int words, value = 0
    j = skip_comma_space(s, e, lim)
    if not j:
        return e
    # the city: up to three words, capitalised (or lower case with context)
    k = j
    for words in range(3):
        if not read_word(s, n, k, lim, &w) or (w.shape == S_LOWER and not lower_ok):
            break
        fw = gz_get(w.hash, NULL)
        if words == 0 and fw & G_STOP and not fw & (G_CITY | G_STATE) or fw & G_NUMBER:
            break
        if city_end and (w.shape == S_UPPER and w.end - w.start == 2 and fw & G_ABBR):
            break  # "Austin TX": the state
        if fw & G_STATE and city_end and lower_ok:
            break  # "spokane washington"
        city_end = w.end
        if (at(s, w.end, n) == 39 or at(s, w.end, n) == 0x2019) and lower(at(s, w.end + 1, n)) == 115 \
                and not word_at(s, w.end + 2, n):
            city_end = w.end + 2  # "St. John's"
        k = city_end + 1 if at(s, city_end, n) == 46 else city_end  # "st. louis"
        k = space_gap(s, k, lim)
        if not k:
            break
    if city_end:
        z = read_uk_postcode(s, n, city_end + 1, lim) if at(s, city_end, n) == 32 else 0
        if z:
            return z
        if read_word(s, n, skip_comma_space(s, e, lim), lim, &w):
            # ", Springfield" and nothing more: the city when a list has it
            fw = gz_get(w.hash, NULL)
            words = longest_phrase(s, n, &w, fw, lim, G_CITY, &last, &f, &value, False)
            if words and last.end == city_end and not (words == 1 and fw & (G_COMMON | G_FIRST)):
                best = city_end
        j = skip_comma_space(s, city_end, lim)
        if not j:
            return best
    # the state: a code or a name, then maybe a ZIP or a Canadian postcode
    if read_word(s, n, j, lim, &w):
        fw = gz_get(w.hash, NULL)
        if w.shape == S_UPPER and w.end - w.start == 2 and fw & G_ABBR:
            best = w.end
        elif w.shape == S_CAP or (w.shape == S_LOWER and lower_ok):
            words = longest_phrase(s, n, &w, fw, lim, G_STATE, &last, &f, &value, lower_ok)
            if words:
                best = last.end
        if best > e:
            k = skip_comma_space(s, best, lim)
            if k:
                z = read_zip(s, n, k, lim)
                if not z:
                    z = read_ca_postcode(s, n, k, lim)
                if z:
                    best = z
            return best
    if city_end:
        z = read_zip(s, n, j, lim)  # "Springfield 62704"
        if z:
            return z
    return best


cdef Py_ssize_t read_ordinal(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "5th", "42nd", "1st", "3rd": end, or 0
    cdef Py_ssize_t j = i
    while j < lim and is_digit(s[j]) and j - i < 4:
        j += 1
    if j == i or j + 2 > lim:
        return 0
    if not (starts_with(s, j, lim, b"st") or starts_with(s, j, lim, b"nd")
            or starts_with(s, j, lim, b"rd") or starts_with(s, j, lim, b"th")):
        return 0
    return 0 if word_at(s, j + 2, n) else j + 2


cdef Py_ssize_t match_street(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                             bint lower_ok) noexcept nogil:
    # "1234 Elm Street, Apt 5B, Springfield, IL 62704", "77 W 45th St", "583 rue Principale":
    # a house number, street name words and a street suffix, then the rest; end, or 0.
    # Lower-case words only when `lower_ok` (an address context word came before)
    cdef Py_ssize_t i = pos, j, e = 0, k, dot = 0
    cdef Word w
    cdef unsigned int f
    cdef int names = 0, t
    cdef bint prefixed = False
    while i < lim and is_digit(s[i]) and i - pos < 6:
        i += 1
    if i - pos > 5 or (i < lim and is_digit(s[i])):
        return 0
    if i < lim and is_letter(s[i]) and not word_at(s, i + 1, n):
        i += 1  # "221B"
    elif i + 1 < lim and s[i] == 45 and is_digit(s[i + 1]):
        i += 1  # "123-45" (Queens)
        while i < lim and is_digit(s[i]) and i - pos < 10:
            i += 1
    j = space_gap(s, i, lim)
    if not j:
        return 0
    for t in range(6):
        k = read_ordinal(s, n, j, lim)
        if k:
            names += 1
            i = k
        elif read_word(s, n, j, lim, &w) and (w.shape != S_LOWER or lower_ok or t == 0):
            f = gz_get(w.hash, NULL)
            i = w.end
            if t == 0 and f & G_STREET_PREFIX:
                prefixed = True  # "rue Principale": the street's type comes first
            elif w.shape == S_LOWER and not lower_ok and not prefixed:
                break
            elif f & G_STREET and names and not prefixed:
                e = w.end
                dot = w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start <= 4 else 0
            elif f & G_DIR and t == 0:
                i = w.end + 1 if at(s, w.end, n) == 46 else w.end
            else:
                if f & (G_STOP | G_FUNCTION) and not prefixed:
                    break
                names += 1
                if prefixed:
                    e = w.end
            if (at(s, i, n) == 39 or at(s, i, n) == 0x2019) and lower(at(s, i + 1, n)) == 115 \
                    and not word_at(s, i + 2, n):
                i += 2  # "King's Crescent"
        else:
            break
        j = space_gap(s, i, lim)
        if not j:
            break
    if not e or prefixed and names > 4:
        return 0
    if dot:
        # "Hwy. Floor 2": the abbreviation's period when the address goes on after it
        k = street_rest(s, n, dot, lim, lower_ok)
        if k > dot:
            return k
    return street_rest(s, n, e, lim, lower_ok)


cdef Py_ssize_t street_rest(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                           bint lower_ok) noexcept nogil:
    # after a street line: a directional ("NW"), a unit ("Apt 5B", "Suite 200", "#12",
    # "apartment 15b"), then the city, state and code; the end (e when none follows)
    cdef Py_ssize_t i, j, k
    cdef Word w
    j = skip_comma_space(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and w.shape == S_UPPER and gz_get(w.hash, NULL) & G_DIR:
        e = w.end
        j = skip_comma_space(s, e, lim)
    if j:
        k = 0
        if s[j] == 35:
            k = j + 1
        elif read_word(s, n, j, lim, &w) and (w.shape != S_LOWER or lower_ok) \
                and gz_get(w.hash, NULL) & G_UNIT:
            k = w.end + 1 if at(s, w.end, n) == 46 else w.end
            if at(s, k, n) == 32:
                k += 1
            if at(s, k, n) == 35:
                k += 1
        if k:
            i = k
            while i < lim and (cls(s[i]) & (C_DIGIT | C_UPPER | C_LOWER)) and i - k < 6:
                i += 1
            if i > k and is_digit(s[k]) or (i - k <= 2) and not word_at(s, i, n):
                e = i
    return address_tail(s, n, e, lim, lower_ok)


cdef inline bint box_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # the first two characters of one of match_box's openings: "po", "p.", "p ", "ps",
    # "cm", "un", "fl", "ap", "su", "fp", "dp", "us" (either case)
    cdef Py_UCS4 a = lower(s[pos]), b = lower(at(s, pos + 1, n))
    if a == 112:
        return b == 111 or b == 46 or b == 32 or b == 115
    return ((a == 99 and b == 109) or (a == 117 and (b == 110 or b == 115)) or (a == 102 and (b == 108 or b == 112))
            or (a == 97 and b == 112) or (a == 115 and b == 117) or (a == 100 and b == 112))


cdef Py_ssize_t match_box(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil:
    # "P.O. Box 4417", "PO Box 12", "Post Office Box 9", military "PSC 1234, Box 5678, APO AE
    # 09012", "Unit 2050 Box 4190 APO AP 96278", "APO AE 09012"; end, or 0
    cdef Py_ssize_t i = pos, j
    cdef Word w
    cdef int k
    cdef bint military = False
    if starts_with(s, i, lim, b"post office box "):
        i += 16
    elif starts_with(s, i, lim, b"p.o. box ") or starts_with(s, i, lim, b"p. o. box "):
        i += 9 if s[i + 2] == 46 else 10
    elif starts_with(s, i, lim, b"po box ") or starts_with(s, i, lim, b"p o box ") \
            or starts_with(s, i, lim, b"p.o box "):
        i += 7 if s[i + 1] == 111 or s[i + 1] == 79 else 8
    elif (starts_with(s, i, lim, b"psc ") or starts_with(s, i, lim, b"cmr ")
          or starts_with(s, i, lim, b"unit ")) and up(s[i]):
        i += 5 if lower(s[i]) == 117 else 4
        military = True
    elif (starts_with(s, i, lim, b"flat ") or starts_with(s, i, lim, b"apt ")
          or starts_with(s, i, lim, b"suite ")) and up(s[i]):
        # "Flat 12, 47 Queen's Mews, London NW3 5JJ": the unit written first
        i += 5 if lower(s[i]) == 102 else (4 if lower(s[i]) == 97 else 6)
        j = i
        while j < lim and (is_digit(s[j]) or up(s[j])) and j - i < 5:
            j += 1
        i = skip_comma_space(s, j, lim) if j > i and at(s, j, n) == 44 else 0
        return match_street(s, n, i, lim, False) if i and is_digit(s[i]) else 0
    elif (starts_with(s, i, lim, b"apo ") or starts_with(s, i, lim, b"fpo ")
          or starts_with(s, i, lim, b"dpo ")) and up(s[i]) and up(s[i + 1]):
        return military_tail(s, n, i, lim)
    elif (starts_with(s, i, lim, b"usns ") or starts_with(s, i, lim, b"uss ")) and up(s[i]) and up(s[i + 1]):
        # a ship: "USNS Miller\nFPO AP 94562"
        j = i + (5 if s[i + 3] == 83 else 4)
        for k in range(3):
            if not (read_word(s, n, j, lim, &w) and (w.shape == S_CAP or w.shape == S_UPPER)):
                break
            i = w.end
            j = space_gap(s, w.end, lim)
            if not j:
                break
        j = skip_comma_space(s, i, lim)
        return military_tail(s, n, j, lim) if j else 0
    else:
        return 0
    j = i
    while j < lim and is_digit(s[j]) and j - i < 8:
        j += 1
    if j == i or word_at(s, j, n):
        return 0
    if military:
        # ", Box 5678", then ", APO AE 09012"
        i = skip_comma_space(s, j, lim)
        if i and is_digit(s[i]) and lower(s[pos]) == 117:
            return match_street(s, n, i, lim, False)  # "Unit 30, 9194 Albert Drive, ..."
        if not (i and starts_with(s, i, lim, b"box ")):
            return 0
        i += 4
        j = i
        while j < lim and is_digit(s[j]) and j - i < 6:
            j += 1
        if j == i or word_at(s, j, n):
            return 0
        i = skip_comma_space(s, j, lim)
        j = military_tail(s, n, i, lim) if i else 0
        return j
    i = skip_comma_space(s, j, lim)
    if i and (starts_with(s, i, lim, b"apo ") or starts_with(s, i, lim, b"fpo ")
              or starts_with(s, i, lim, b"dpo ")):
        i = military_tail(s, n, i, lim)
        return i if i else j
    return address_tail(s, n, j, lim, False)


cdef Py_ssize_t military_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "APO AE 09012": APO/FPO/DPO, AA/AE/AP, a ZIP; end, or 0
    if i + 7 > lim or not (up(s[i]) and up(s[i + 1]) and up(s[i + 2]) and s[i + 3] == 32):
        return 0
    if not (s[i + 4] == 65 and (s[i + 5] == 65 or s[i + 5] == 69 or s[i + 5] == 80) and s[i + 6] == 32):
        return 0
    return read_zip(s, n, i + 7, lim)


# ---------------------------------------------------------------- IDs: passport, driver's licence

cdef Py_ssize_t read_id(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                        int* letters, int* digits) noexcept nogil:
    # an ID token that starts with a letter: letters and digits of one case ("X12345678",
    # "C2LM5NZKZ", "c43y87v15"), maybe continued by digit groups after '-' or ' '
    # ("A123-456-78-901-0", "T2356 46998 82964"); 6 to 16 of them with a digit; end, or 0
    cdef Py_ssize_t j = i, k
    cdef int uppers = 0, lowers = 0
    letters[0] = 0
    digits[0] = 0
    if word_at(s, i - 1, n):
        return 0
    while j < lim and letters[0] + digits[0] <= 16:
        if is_digit(s[j]):
            digits[0] += 1
        elif is_letter(s[j]):
            letters[0] += 1
            if s[j] <= 90:
                uppers += 1
            else:
                lowers += 1
        elif (s[j] == 45 or s[j] == 32) and (digits[0] or j == i + 1) and j + 1 < lim \
                and is_digit(s[j + 1]):
            k = j + 1
            while k < lim and is_digit(s[k]):
                k += 1
            if word_at(s, k, n) and not (s[k] == 45 or s[k] == 32):
                break
        else:
            break
        j += 1
    while j > i and (s[j - 1] == 45 or s[j - 1] == 32):
        j -= 1
    if word_at(s, j, n) or digits[0] == 0 or (uppers and lowers) or not 6 <= letters[0] + digits[0] <= 16:
        return 0
    return j


# ---------------------------------------------------------------- spoken numbers

cdef Py_ssize_t match_spoken(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                             int* out, int* count, bint* plus) noexcept nogil:
    # number words and single digits in a row: "four one five five five five one two one
    # two", "double seven", "oh", "triple five", "twenty one", "4 1 5 five five five",
    # "plus four four ...", or seven or more single digits ("3 4 6 4 1 0 7 1 1"); their
    # digits in out, the span's end (after the last token that gave digits); 0 when none,
    # or when the run holds more than 18 digits (no number redactd knows is that long)
    cdef Py_ssize_t i = pos, e = 0, j
    cdef Word w
    cdef int words = 0, v, times = 1, tens = -1, d = 0, k, last_unit = 0, tokens = 0
    cdef unsigned int f
    plus[0] = False
    while i < lim:
        v = -1
        if is_digit(s[i]):
            j = i + 1
            if word_at(s, j, n) or word_at(s, i - 1, n):
                break  # only single digits mix with words
            v = <int>s[i] - 48
        elif read_word(s, n, i, lim, &w) and w.shape != S_UPPER:
            f = gz_get(w.hash, &v)
            if not f & G_NUMBER:
                break
            j = w.end
            words += 1
        else:
            break
        tokens += 1
        if v == 104:                   # "plus", first only
            if tokens > 1:
                break
            plus[0] = True
        elif v > 100:                  # double, triple: the next digit said 2 or 3 times
            if times > 1 or tens >= 0:
                break
            times = v - 100
        elif v == 100:                 # hundred, right after a digit: "eight hundred"
            if not last_unit or times > 1:
                break
            if d + 2 > 18:
                return 0
            out[d] = 0
            out[d + 1] = 0
            d += 2
            last_unit = 0
            e = j
        elif v >= 20:                  # twenty .. ninety; a digit may follow
            if times > 1 or tens >= 0:
                break
            if d + 2 > 18:
                return 0
            tens = v // 10
            last_unit = 0
            e = j
        elif v >= 10:                  # ten .. nineteen
            if times > 1 or tens >= 0:
                break
            if d + 2 > 18:
                return 0
            out[d] = 1
            out[d + 1] = v - 10
            d += 2
            last_unit = 0
            e = j
        elif tens >= 0:                # "twenty one"
            if times > 1 or v == 0:
                break
            out[d] = tens
            out[d + 1] = v
            d += 2
            tens = -1
            last_unit = 0
            e = j
        else:                          # a digit, maybe doubled or tripled
            if d + times > 18:
                return 0
            for k in range(times):
                out[d] = v
                d += 1
            times = 1
            last_unit = 1
            e = j
        i = j
        # the gap to the next token: a space, ", ", ". ", "- " or "-"
        if i + 1 < lim and (s[i] == 44 or s[i] == 45 or s[i] == 46) and s[i + 1] == 32:
            i += 2
        elif i < lim and (s[i] == 32 or s[i] == 45):
            i += 1
        else:
            break
    if tens >= 0:
        out[d] = tens
        out[d + 1] = 0
        d += 2
    if e == 0 or (words == 0 and d < 7):
        return 0
    count[0] = d
    return e


cdef bint spoken_mid(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # the token before pos, across one gap, is a single digit or a number word
    cdef Py_ssize_t i = pos, k
    cdef Word w
    if at(s, i - 1, n) == 32:
        i -= 1
        if at(s, i - 1, n) == 44 or at(s, i - 1, n) == 45 or at(s, i - 1, n) == 46:
            i -= 1
    elif at(s, i - 1, n) == 45:
        i -= 1
    else:
        return False
    if is_digit(at(s, i - 1, n)):
        return not word_at(s, i - 2, n)
    k = i
    while k > 0 and k > pos - 12 and folded(s[k - 1]):
        k -= 1
    if k == i or word_at(s, k - 1, n) or not read_word(s, n, k, i, &w):
        return False
    return (gz_get(w.hash, NULL) & G_NUMBER) != 0 and w.shape != S_UPPER


cdef int spoken_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # a spoken number read as the numeric detectors would read its digits; 1 when one
    # matched, 0, or -1 on allocation failure
    cdef int d[20]
    cdef int count = 0, t = -1, k, flags = F_SPOKEN
    cdef Py_ssize_t e
    cdef unsigned long long before = ~0ULL
    cdef Near near
    cdef long long value = 0
    cdef bint plus = False
    near_init(&near)
    if spoken_mid(s, n, pos):
        return 0  # inside a run that started earlier: that start decided
    e = match_spoken(s, n, pos, lim, d, &count, &plus)
    if not e or count < 3:
        return 0
    if plus and not (8 <= count <= 15 and type_on(opt, T_PHONE_NUMBER)):
        return 0
    if plus:
        t = T_PHONE_NUMBER
        flags |= F_TENTATIVE | F_SPOKEN_PLUS
    elif 12 <= count <= 18 and type_on(opt, T_CREDIT_CARD_NUMBER) and luhn(d, count) and issuer_length(d, count):
        t = T_CREDIT_CARD_NUMBER
    elif count == 9 and type_on(opt, T_US_BANK_ROUTING_NUMBER) and aba_valid(d) \
            and has_context(s, n, pos, e, lim, T_US_BANK_ROUTING_NUMBER, &before):
        t = T_US_BANK_ROUTING_NUMBER
    elif count == 9 and type_on(opt, T_SSN) and ssn_valid(prefix(d, 3), d[3] * 10 + d[4], prefix(d + 5, 4)) \
            and has_context(s, n, pos, e, lim, T_SSN, &before):
        t = T_SSN
    elif 6 <= count <= 17 and type_on(opt, T_US_BANK_ACCOUNT_NUMBER) \
            and has_context_before(s, n, pos, T_US_BANK_ACCOUNT_NUMBER, &before):
        t = T_US_BANK_ACCOUNT_NUMBER
    elif 8 <= count <= 15 and type_on(opt, T_PHONE_NUMBER):
        t = T_PHONE_NUMBER
        flags |= F_TENTATIVE | (F_SPOKEN_PLUS if plus else 0)
    elif 3 <= count <= 4 and type_on(opt, T_CREDIT_CARD_CVV) \
            and has_context_near(s, n, pos, T_CREDIT_CARD_CVV, &before, &near):
        t = T_CREDIT_CARD_CVV
    elif 4 <= count <= 6 and type_on(opt, T_CREDIT_CARD_PIN) \
            and has_context_near(s, n, pos, T_CREDIT_CARD_PIN, &before, &near):
        t = T_CREDIT_CARD_PIN
    if t < 0:
        return 0
    for k in range(count):
        value = value * 10 + d[k]
    if push(out, pos, e, t, flags | (count << 8) | (F_CONTEXT if t != T_PHONE_NUMBER and t != T_CREDIT_CARD_NUMBER else 0),
            scored(t, t != T_PHONE_NUMBER and t != T_CREDIT_CARD_NUMBER), value) < 0:
        return -1
    end[0] = e
    return 0 if t == T_PHONE_NUMBER else 1


# ---------------------------------------------------------------- dispatch

cdef unsigned short NUMBER_START[27 * 27 * 27]  # first three letters of a number word -> bit per length
cdef enum:
    TG_NUMBER = 1    # a number word starts so
    TG_MONTH = 2     # a month name starts so
    TG_URL = 4       # "ht", "ft", "sf", "ws", "ww": a URL scheme or "www."
    TG_ANY = 0xFF    # not three lower-case letters: anything may start here
cdef unsigned char TRIGRAM[27 * 27 * 27]  # a word's first three letters -> TG_ bits: one load a word


cdef inline unsigned char trigram_flags(const uchar_t* s, Py_ssize_t pos, Py_ssize_t word_end) noexcept nogil:
    # TRIGRAM of the word [pos, word_end); TG_ANY when a letter of the three is not ASCII
    cdef int v = word_trigram(s, pos, word_end - pos)
    return TRIGRAM[v] if v >= 0 else TG_ANY


cdef void init_number_start():
    cdef int k
    from core.lexicon import NUMBER_WORDS
    for k in range(27 * 27 * 27):
        NUMBER_START[k] = 0
    for k in range(27 * 27 * 27):
        TRIGRAM[k] = 0
    for word in NUMBER_WORDS:
        k = letters3(word.encode())
        NUMBER_START[k] |= 1 << len(word)
        TRIGRAM[k] |= TG_NUMBER
    for month in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"):
        TRIGRAM[letters3(month.encode())] |= TG_MONTH
    for pair in ("ht", "ft", "sf", "ws", "ww"):
        for k in range(27):
            TRIGRAM[letters3(pair.encode()) + k] |= TG_URL


cdef int letters3(bytes word):
    cdef int k, v = 0
    for k in range(3):
        v = v * 27 + ((word[k] - 96) if k < len(word) else 0)
    return v


cdef inline int word_trigram(const uchar_t* s, Py_ssize_t pos, Py_ssize_t length) noexcept nogil:
    # the index of a word's first three letters (0 past its end), as letters3; -1 when one
    # of them is not an ASCII letter
    cdef int v = 0, k, letter
    for k in range(3):
        v *= 27
        if k < length:
            letter = letter_index(s[pos + k])
            if not letter:
                return -1
            v += letter
    return v


cdef inline bint spoken_gate(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end) noexcept nogil:
    # cheap: a word whose first three letters and length are a number word's, and a token
    # after it
    cdef Py_ssize_t length = word_end - pos
    cdef int v
    cdef Py_UCS4 c
    if length > 9:
        return False
    v = word_trigram(s, pos, length)
    if v < 0 or not (NUMBER_START[v] >> length) & 1:
        return False
    c = at(s, word_end, n)
    return c == 32 or c == 45 or c == 44


cdef inline unsigned char prev2_bits(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # PREV2's bits for the two characters before the space before pos; 0 without that space
    cdef Py_UCS4 a = at(s, pos - 3, n), b = at(s, pos - 2, n)
    if at(s, pos - 1, n) != 32 or a >= 128 or b >= 128:
        return 0
    return PREV2[<int>a * 128 + <int>b]


cdef inline bint after_place_cue(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # cheap: the word before pos is "in", "to", "from" or "near" ("moving to saskatchewan")
    cdef unsigned char bits = prev2_bits(s, n, pos)
    if bits & P2_PLACE:
        return not is_letter(at(s, pos - 4, n))
    if bits & P2_PLACE4:
        return (starts_with(s, pos - 5, pos - 1, b"from") or starts_with(s, pos - 5, pos - 1, b"near")) \
            and not is_letter(at(s, pos - 6, n))
    return False


cdef inline bint after_name_cue(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # cheap: the word before pos is "is", "am", "me", "im" or "'m", "'s" (the last words of
    # the cues that admit a lower-case name: "my name is", "this is", "i am", "i'm", "call me")
    cdef unsigned char bits = prev2_bits(s, n, pos)
    if bits & P2_APOS or (at(s, pos - 1, n) == 32 and at(s, pos - 3, n) == 0x2019
                          and (lower(at(s, pos - 2, n)) == 109 or lower(at(s, pos - 2, n)) == 115)):
        return is_letter(at(s, pos - 4, n))  # "i'm", "name's", "it’s"
    return bits & P2_NAME and not is_letter(at(s, pos - 4, n))


cdef inline bint domain_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # after a word: more host-name characters and a '.', or " dot " ("acme-corp.com",
    # "acme dot com")
    cdef Py_ssize_t i = e
    while i < lim and host_char(s[i]) and i - e < 64:
        i += 1
    return (at(s, i, n) == 46 and host_char(at(s, i + 1, n))) \
        or (at(s, i, n) == 32 and at(s, i + 1, n) == 100 and at(s, i + 2, n) == 111 and at(s, i + 3, n) == 116
            and at(s, i + 4, n) == 32)


cdef inline bint at_word_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    return at(s, i, n) == 32 and at(s, i + 1, n) == 97 and at(s, i + 2, n) == 116 and at(s, i + 3, n) == 32


cdef Py_ssize_t match_spoken_email(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos,
                                   Py_ssize_t lim) noexcept nogil:
    # "zoenovak at yahoo dot com", "john dot smith at gmail dot com", "j_doe42 at acme.org":
    # an address as speech-to-text writes it; end, or 0
    cdef Py_ssize_t i = pos, k, d
    cdef Word w
    cdef bint file_like = False, plain = True
    cdef int parts = 0
    while i < lim and parts < 8:
        k = i
        while i < lim and (cls(s[i]) & C_LOCAL) and s[i] != 46 and i - k < 64:
            i += 1
        if i == k:
            return 0
        parts += 1
        if i - k != 0 and not (read_word(s, n, k, i, &w) and i == w.end):
            plain = False  # digits, '_', '+' or '-' in it: no everyday word
        if at(s, i, n) == 46 and (cls(at(s, i + 1, n)) & C_LOCAL):
            i += 1
            plain = False
        elif starts_with(s, i, lim, b" dot ") and (cls(at(s, i + 5, n)) & C_LOCAL):
            i += 5
            plain = False
        else:
            break
    if not at_word_ahead(s, n, i):
        return 0
    if plain and parts == 1:
        # one plain word: a name-like word, not "me at", "home at"
        if not read_word(s, n, pos, i, &w) or gz_get(w.hash, NULL) & (G_COMMON | G_STOP | G_FUNCTION | G_NUMBER):
            return 0
    d = match_domain(s, n, i + 4, lim, &file_like)
    if not d or file_like:
        return 0
    for k in range(i + 4, d):
        if s[k] == 32:
            return d  # the domain said too ("yahoo dot com"): an address read out
    return 0


cdef inline bint dom_ok(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim, Py_ssize_t* e,
                        unsigned long long* before) noexcept nogil:
    cdef bint file_like = False
    e[0] = match_domain(s, n, pos, lim, &file_like)
    return e[0] != 0 and (not file_like or has_context_before(s, n, pos, T_DOMAIN_NAME, before))


cdef unsigned char PREV2[128 * 128]  # the two characters before a word's space: cue bits
cdef enum:
    P2_NAME = 1        # "is", "am", "me": a two-letter name cue (a non-letter before it)
    P2_APOS = 2        # "'m", "'s": "i'm", "name's"
    P2_PLACE = 4       # "in", "to": a two-letter place cue
    P2_PLACE4 = 8      # "om", "ar": the end of "from", "near"


cdef void init_prev2():
    cdef int k
    for k in range(128 * 128):
        PREV2[k] = 0
    for pair, bit in (("is", P2_NAME), ("am", P2_NAME), ("me", P2_NAME), ("im", P2_NAME), ("'m", P2_APOS),
                      ("'s", P2_APOS), ("in", P2_PLACE), ("to", P2_PLACE), ("om", P2_PLACE4),
                      ("ar", P2_PLACE4)):
        for a in (pair[0], pair[0].upper()):
            for b in (pair[1], pair[1].upper()):
                PREV2[ord(a) * 128 + ord(b)] |= bit


cdef inline bint lower_word_quick(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos,
                                  Py_ssize_t word_end, unsigned char tg) noexcept nogil:
    # a superset of lower_word_gate on a few loads, no call: most lower-case words stop here
    cdef Py_UCS4 c0 = s[pos], c1 = s[pos + 1] if pos + 1 < n else 0
    cdef Py_UCS4 a, b
    cdef Py_UCS4 nxt = s[word_end] if word_end < n else 0
    cdef unsigned char bits
    if nxt == 45 or is_digit(s[word_end - 1]) or (c0 == 112 and (c1 == 46 or c1 == 111)):
        return True
    if nxt == 32 and word_end + 4 < n and ((s[word_end + 1] == 97 and s[word_end + 2] == 116
                                             and s[word_end + 3] == 32)
                                            or (s[word_end + 1] == 100 and s[word_end + 2] == 111)):
        return True  # "... at ...", "... do(t) ..."
    if pos >= 3 and s[pos - 1] == 32:
        a = s[pos - 3]
        b = s[pos - 2]
        bits = PREV2[<int>a * 128 + <int>b] if a < 128 and b < 128 else 0
        if bits & (P2_APOS | P2_PLACE4) or (bits & (P2_NAME | P2_PLACE) and not is_letter(at(s, pos - 4, n))) \
                or a == 0x2019:
            return True
    return (tg & TG_NUMBER) != 0  # the first three letters of a number word (tg: trigram_flags)


cdef inline bint lower_word_gate(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos,
                                 Py_ssize_t word_end) noexcept nogil:
    # a lower-case word that a word-level detector could start at: a number word, "p.o."
    # or "po box", a name or a place after a cue, an ID, a host name, an address read out.
    # Called for every lower-case word: the common "no" is decided on a few table loads
    cdef Py_UCS4 nxt = s[word_end] if word_end < n else 0
    cdef Py_ssize_t length = word_end - pos
    if nxt == 45:
        return True  # "tri-county-staffing.com", "four-one-five"
    if nxt == 32 and word_end + 4 < n and (s[word_end + 1] == 97 or s[word_end + 1] == 100):
        if (s[word_end + 1] == 97 and s[word_end + 2] == 116 and s[word_end + 3] == 32) \
                or (s[word_end + 2] == 111 and s[word_end + 3] == 116 and s[word_end + 4] == 32):
            return True  # "... at ...", "... dot ..."
    if after_name_cue(s, n, pos):
        return True
    if (length >= 4 or length == 3 and (s[pos] == 115 or s[pos] == 108 or s[pos] == 110)) \
            and after_place_cue(s, n, pos):
        return True  # (three letters: "san antonio", "los angeles", "new york")
    if s[pos] == 112 and (at(s, pos + 1, n) == 46 or at(s, pos + 1, n) == 111):
        return True
    if length >= 6 and is_digit(s[word_end - 1]):
        return True
    return (nxt == 32 or nxt == 44) and spoken_gate(s, n, pos, word_end)


cdef int words_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                  const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # the word-level detectors at a word that starts with a letter; 1 when one matched
    # (end set), 0, or -1 on allocation failure
    cdef Near near
    cdef Word w
    cdef unsigned int f
    cdef Py_ssize_t e = 0, start = pos, j
    cdef int t = -1, letters, digits
    cdef long long aux = 0
    cdef float score = -1
    cdef unsigned long long before = ~0ULL
    cdef bint file_like = False
    cdef Py_UCS4 c0 = s[pos]
    # (scan_text calls this for a lower-case word only when lower_word_gate let it through
    # or a '.' follows it)
    if c0 >= 97 and type_on(opt, T_EMAIL_ADDRESS) and (at_word_ahead(s, n, word_end) or domain_ahead(s, n, word_end, lim)):
        e = match_spoken_email(s, n, pos, lim)
        if e:
            if push_scored(out, s, n, pos, e, lim, T_EMAIL_ADDRESS, 0, -1, &before) < 0:
                return -1
            end[0] = e
            return 1
    if not read_word(s, n, pos, lim, &w) or (w.end - w.start == 1 and at(s, w.end, n) == 32
                                             and is_digit(at(s, w.end + 1, n))):
        # letters joined to digits: an ID ("X12345678", "J 610 392 643 322"), a postcode
        if type_on(opt, T_PASSPORT_NUMBER) or type_on(opt, T_US_DRIVERS_LICENSE):
            e = read_id(s, n, pos, lim, &letters, &digits)
            if e and letters:
                near_init(&near)
                t = id_type(s, n, pos, letters + digits, False, opt, &near)
        if t < 0 and type_on(opt, T_ADDRESS) and up(c0):
            e = read_uk_postcode(s, n, pos, lim)
            if not e:
                e = read_ca_postcode(s, n, pos, lim)
            if e and has_context_before(s, n, pos, T_ADDRESS, &before):
                t = T_ADDRESS
        if t < 0:
            return 0
    elif type_on(opt, T_DOMAIN_NAME) and (w.shape == S_LOWER or w.shape == S_UPPER) \
            and domain_ahead(s, n, w.end, lim) \
            and dom_ok(s, n, pos, lim, &e, &before):
        t = T_DOMAIN_NAME
    elif w.shape == S_LOWER:
        if spoken_gate(s, n, pos, w.end):
            f = gz_get(w.hash, NULL)
            if f & G_NUMBER:
                return spoken_at(s, n, pos, lim, opt, out, end)
        if type_on(opt, T_ADDRESS) and c0 == 112 and (at(s, pos + 1, n) == 46 or at(s, pos + 1, n) == 111):
            e = match_box(s, n, pos, lim)
            if e:
                t = T_ADDRESS
        if t < 0 and type_on(opt, T_LOCATION) and after_place_cue(s, n, pos):
            # "i live in denver", "shipped from mexico": a listed place after a place word
            f = gz_get(w.hash, NULL)
            if f & (G_CITY | G_STATE | G_COUNTRY | G_PREFIX) and not f & (G_COMMON | G_STOP | G_FUNCTION):
                e = match_lower_place(s, n, &w, f, lim, &aux)
                if e:
                    t = T_LOCATION
        if t < 0 and type_on(opt, T_PERSON_NAME):
            # a lower-case name right after a cue ending in "is", "am", "me", "m", "s", "to"
            if after_name_cue(s, n, pos) or after_place_cue(s, n, pos):
                f = gz_get(w.hash, NULL)
                if f & G_FIRST or unlisted(f):
                    e = match_lower_name(s, n, &w, f, lim)
                    if e:
                        t = T_PERSON_NAME
        if t < 0:
            return 0
    else:
        f = gz_get(w.hash, NULL)
        if ((f and not f & START_BITS) or (w.shape == S_UPPER and not f & ~(G_COMMON | G_STOP | G_PREFIX)
                                            and w.end - w.start > 3)) \
                and not (at(s, w.end, n) == 32 and up(at(s, w.end + 1, n))):
            # a common word alone ("Thanks"), an unlisted upper-case word ("INFO", "AGENT"):
            # nothing starts here but maybe a box ("PO Box", "PSC 123", "APO AE")
            if not (type_on(opt, T_ADDRESS) and box_start(s, n, pos)):
                return 0
        if type_on(opt, T_ADDRESS) and box_start(s, n, pos):
            e = match_box(s, n, pos, lim)
            if e:
                t = T_ADDRESS
        if t < 0 and f & G_NUMBER and spoken_gate(s, n, pos, w.end):
            e = 0
            j = spoken_at(s, n, pos, lim, opt, out, end)
            if j != 0 or end[0]:
                return j
        if t < 0 and f & (G_HOLIDAY | G_PREFIX) and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)):
            e = match_holiday(s, n, &w, f, lim, &aux)
            if e:
                t = date_type(s, n, pos, e, lim, opt, &before)  # "born on Christmas Day 1990"
                if t < 0:
                    e = 0
        if t < 0 and f & G_TITLE and type_on(opt, T_PERSON_NAME):
            e = match_titled_name(s, n, &w, lim, &start)
            if e:
                t = T_PERSON_NAME
        if t < 0:
            # an organisation, a name or a place: the longest; a place on a tie with a name
            # ("New York"), an organisation on a tie with either ("Wells Fargo")
            e = 0
            if type_on(opt, T_ORGANIZATION):
                e = match_org(s, n, &w, f, lim)
                if e:
                    t = T_ORGANIZATION
            if (f or w.shape == S_CAP) and type_on(opt, T_LOCATION):
                j = match_place(s, n, &w, f, lim, &aux)
                if not j and f & G_ABBR:
                    j = match_state_code(s, n, &w, f, lim)
                    aux = LOC_STATE
                if j > e:
                    e, t = j, T_LOCATION
            if type_on(opt, T_PERSON_NAME) and (f & (G_FIRST | G_LAST | G_CITY) or unlisted(f)):
                j = match_name(s, n, &w, f, lim, &score)
                if j > e:
                    e, t = j, T_PERSON_NAME
                else:
                    score = -1
        if t < 0:
            return 0
    if push_scored(out, s, n, start, e, lim, t, aux, score, &before) < 0:
        return -1
    end[0] = e
    return 1


cdef inline bint street_lead(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # cheap: the word right before a lower-case street line is "at", "is", "to" or "on"
    # ("lives at", "address is", "ship it to"), or a colon ends it ("address: ")
    cdef Py_UCS4 a = lower(at(s, pos - 3, n)), b = lower(at(s, pos - 2, n))
    if at(s, pos - 1, n) != 32:
        return False
    if b == 58:
        return True  # "address: 12 main st"
    if is_letter(at(s, pos - 4, n)):
        return False
    return (a == 97 and b == 116) or (a == 105 and b == 115) or (a == 116 and b == 111) \
        or (a == 111 and b == 110)


cdef int digits_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # the word-level detectors at a word that starts with a digit: a street address, a
    # number said partly in words ("4 1 5 five five five ..."); like words_at
    cdef Py_ssize_t e
    cdef unsigned long long before = ~0ULL
    end[0] = 0
    if at(s, word_end, n) != 32 or not (is_letter(at(s, word_end + 1, n)) or is_digit(at(s, word_end + 1, n))):
        return 0
    if word_end - pos == 1:
        e = spoken_at(s, n, pos, lim, opt, out, end)
        if e != 0 or end[0]:
            return e
    if type_on(opt, T_ADDRESS) and word_end - pos <= 6:
        if up(at(s, word_end + 1, n)) or is_digit(at(s, word_end + 1, n)):
            e = match_street(s, n, pos, lim, False)
        else:  # "583 rue Principale"; "i live at 81 juniper place" after an address word only
            e = match_street(s, n, pos, lim, False)
            if not e and street_lead(s, n, pos):
                e = match_street(s, n, pos, lim, True)
                if e and not has_context_before(s, n, pos, T_ADDRESS, &before):
                    e = 0
        if e:
            if push_scored(out, s, n, pos, e, lim, T_ADDRESS, 0, -1, &before) < 0:
                return -1
            end[0] = e
            return 1
    return 0


def gazetteer_flags(str phrase):
    """The word classes of a lower-case phrase in the core's table, as a dict of names;
    for tests and for explaining a detection."""
    cdef int value = 0
    cdef unsigned int f = gz_get(phrase_hash(phrase.encode("ascii")), &value)
    names = {"first": G_FIRST, "last": G_LAST, "common": G_COMMON, "city": G_CITY,
             "state": G_STATE, "state_code": G_ABBR, "country": G_COUNTRY, "organization": G_ORG,
             "holiday": G_HOLIDAY, "prefix": G_PREFIX, "street": G_STREET, "unit": G_UNIT,
             "directional": G_DIR, "title": G_TITLE, "org_suffix": G_ORG_SUFFIX,
             "org_head": G_ORG_HEAD, "number": G_NUMBER, "cue": G_CUE, "strong_cue": G_CUE_STRONG,
             "cue_after": G_CUE_AFTER, "stop": G_STOP, "place_cue": G_PLACE_CUE,
             "connector": G_CONNECTOR, "tld": G_TLD, "tld_wildcard": G_TLD_WILD,
             "lower_cue": G_CUE_LOWER, "function": G_FUNCTION, "file_extension": G_FILE_EXT,
             "street_prefix": G_STREET_PREFIX, "weak_cue": G_CUE_WEAK, "particle": G_PARTICLE}
    return {name for name, bit in names.items() if f & bit}
