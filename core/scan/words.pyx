# Words: reading a word and its shape and hash, phrases, and the cue words before a
# position.
# Included into core/_scan.pyx; declarations in words.pxd.

cdef inline bint read_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           Word* w) noexcept nogil:
    # the run of letters at i (ASCII, or accented Latin letters hashed as their base
    # letter: "Jovanović" is "jovanovic"), a whole word (no digit, '_' or other letter
    # joined to it), its hash and shape
    cdef Py_ssize_t e = i
    cdef unsigned long long h = FNV64_OFFSET
    cdef int uppers = 0
    cdef Py_UCS4 c
    if not within(i, lim) or word_at(s, i - 1, n):
        return False
    if not folded(s[i]):
        return s[i] >= SCRIPT_LO and read_script_word(s, n, i, lim, w)
    while within(e, lim):
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


cdef bint read_script_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           Word* w) noexcept nogil:
    # read_word for a word of another script: its letters keyed as their small letters
    # (Arabic and Hebrew vowel points read but not keyed); the shape of a cased script's
    # word, or S_NOCASE, or S_SPACELESS for Han, kana and Hangul
    cdef Py_ssize_t e = i
    cdef unsigned long long h = FNV64_OFFSET
    cdef unsigned int k, first = script_letter(s[i]) >> 24
    cdef int uppers = 0
    if not first or first == K_SKIP:
        return False
    while within(e, lim):
        k = script_letter(s[e])
        if not k:
            break
        if (k >> 24) != K_SKIP:
            h = fnv64(h, k & 0xFFFFFF)
        uppers += (k >> 24) == K_UPPER
        e += 1
    if word_at(s, e, n) or e - i > 24:
        return False
    w.start = i
    w.end = e
    w.hash = h if h else 1
    if first == K_NOCASE:
        w.shape = S_NOCASE
    elif first == K_SPACELESS:
        w.shape = S_SPACELESS
    elif first == K_LOWER:
        w.shape = S_LOWER
    elif uppers == e - i:
        w.shape = S_INITIAL if e - i == 1 else S_UPPER
    else:
        w.shape = S_CAP
    return True


cdef inline Py_UCS4 letter_key(Py_UCS4 c) noexcept nogil:
    # what a word's letter is hashed as (0: a mark that is not keyed)
    cdef unsigned int k = folded(c)
    if k:
        return k
    k = script_letter(c)
    return 0 if (k >> 24) == K_SKIP else k & 0xFFFFFF


cdef inline unsigned long long join_hash(unsigned long long h, const uchar_t* s, const Word* w) noexcept nogil:
    # the hash of "<phrase with hash h> <w>"
    cdef Py_ssize_t i
    cdef Py_UCS4 k
    h = fnv64(h, 32)
    for i in range(w.start, w.end):
        k = letter_key(s[i])
        if k:
            h = fnv64(h, k)
    return h if h else 1


cdef inline Py_ssize_t phrase_gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # between two words of one phrase: a space, or one of . ' ’ - and at most one space;
    # the next word's start, or 0
    cdef Py_ssize_t j = i
    if within(j, lim) and (s[j] == 46 or s[j] == 39 or s[j] == 0x2019 or s[j] == 45 or s[j] == 38):
        j += 1  # ". ' ’ - &": "St. Louis", "O'Brien", "T-Mobile", "AT&T"
    if within(j, lim) and s[j] == 32:
        j += 1
    if j == i or not within(j, lim) or not is_letter(s[j]):
        return 0
    return j


cdef inline Py_ssize_t space_gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # one space, then the next token's start; or 0
    if within(i + 1, lim) and s[i] == 32 and s[i + 1] != 32:
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
    # between a cue and a name: space , : ' ’ - " ? = and line breaks ("your name? Osman")
    return c == 32 or c == 44 or c == 58 or c == 39 or c == 0x2019 or c == 45 or c == 34 \
        or c == 10 or c == 13 or c == 61 or c == 63


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
