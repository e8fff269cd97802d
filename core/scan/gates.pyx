# Gates: cheap tests on a word's first letters and the characters before it that
# decide which detectors a word can reach at all (most words reach none).
# Included into core/_scan.pyx; declarations in gates.pxd.

cdef unsigned char PAIRS[26 * 26]


cdef void init_pairs():
    cdef int k
    for k in range(26 * 26):
        PAIRS[k] = 0
    for pair in ("ht", "ft", "sf", "ws", "ww"):
        PAIRS[(ord(pair[0]) - 97) * 26 + ord(pair[1]) - 97] |= P_URL
    for cc in IBAN_LENGTHS:
        PAIRS[(ord(cc[0].lower()) - 97) * 26 + ord(cc[1].lower()) - 97] |= P_IBAN
    for month in ("ja", "fe", "ma", "ap", "ju", "au", "se", "oc", "no", "de"):
        PAIRS[(ord(month[0]) - 97) * 26 + ord(month[1]) - 97] |= P_MONTH
    for day in ("mo", "tu", "we", "th", "fr", "sa", "su"):
        PAIRS[(ord(day[0]) - 97) * 26 + ord(day[1]) - 97] |= P_WEEKDAY
    for day in ("fi", "se", "th", "fo", "si", "ei", "ni", "te", "el", "tw"):
        PAIRS[(ord(day[0]) - 97) * 26 + ord(day[1]) - 97] |= P_ORDINAL


cdef unsigned short NUMBER_START[27 * 27 * 27]  # first three letters of a number word -> bit per length
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
    for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
        TRIGRAM[letters3(day.encode())] |= TG_MONTH | TG_WEEKDAY
    for day in ("fir", "sec", "thi", "fou", "fif", "six", "sev", "eig", "nin", "ten", "ele", "twe"):
        TRIGRAM[letters3(day.encode())] |= TG_ORDINAL
    for pair in ("ht", "ft", "sf", "ws", "ww"):
        for k in range(27):
            TRIGRAM[letters3(pair.encode()) + k] |= TG_URL


cdef bint weekday_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # the word at pos starts as a weekday's name does ("Fri", "thu")
    cdef int v = word_trigram(s, pos, 3 if within(pos + 2, n) else n - pos)
    return v >= 0 and (TRIGRAM[v] & TG_WEEKDAY) != 0


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
        return pos >= 5 and (starts_with(s, pos - 5, pos - 1, b"from") or starts_with(s, pos - 5, pos - 1, b"near")) \
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


cdef unsigned char PREV2[128 * 128]  # the two characters before a word's space: cue bits


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
    cdef Py_UCS4 c0 = s[pos], c1 = s[pos + 1] if within(pos + 1, n) else 0
    cdef Py_UCS4 a, b
    cdef Py_UCS4 nxt = s[word_end] if within(word_end, n) else 0
    cdef unsigned char bits
    if nxt == 45 or is_digit(s[word_end - 1]) or (c0 == 112 and (c1 == 46 or c1 == 111)):
        return True
    if nxt == 32 and within(word_end + 4, n) and ((s[word_end + 1] == 97 and s[word_end + 2] == 116
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
    cdef Py_UCS4 nxt = s[word_end] if within(word_end, n) else 0
    cdef Py_ssize_t length = word_end - pos
    if nxt == 45:
        return True  # "tri-county-staffing.com", "four-one-five"
    if nxt == 32 and within(word_end + 4, n) and (s[word_end + 1] == 97 or s[word_end + 1] == 100):
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


cdef inline bint starts_nothing(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Options* opt,
                                const Word* w, unsigned int f) noexcept nogil:
    # a capitalised common word alone ("Thanks"), an unlisted upper-case word ("INFO",
    # "AGENT"), with no capitalised word after it: nothing starts here but maybe a box
    # ("PO Box", "PSC 123", "APO AE")
    return ((f and not f & START_BITS) or (w.shape == S_UPPER and not f & ~(G_COMMON | G_STOP | G_PREFIX)
                                            and w.end - w.start > 3)) \
        and not (at(s, w.end, n) == 32 and up(at(s, w.end + 1, n))) \
        and not (type_on(opt, T_ADDRESS) and (box_start(s, n, pos) or f & G_STREET_PREFIX))


cdef inline bint spoken_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Word* w) noexcept nogil:
    # a lower-case number word with a token after it: a number said in words starts here
    return spoken_gate(s, n, pos, w.end) and (gz_get(w.hash, NULL) & G_NUMBER) != 0
