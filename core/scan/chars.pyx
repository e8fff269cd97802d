# Characters: classes of the ASCII range, word boundaries, Latin letters folded to ASCII.
# Included into core/_scan.pyx; declarations in chars.pxd.

cdef unsigned short CLS[128]


cdef void init_classes():
    cdef int c
    for c in range(128):
        CLS[c] = 0
        if 48 <= c <= 57:
            CLS[c] |= C_DIGIT | C_HEX | C_LOCAL | C_WORD | C_DOMAIN
        elif 65 <= c <= 90:
            CLS[c] |= C_UPPER | C_LOCAL | C_WORD | C_DOMAIN
        elif 97 <= c <= 122:
            CLS[c] |= C_LOWER | C_LOCAL | C_WORD | C_DOMAIN
        if 65 <= c <= 70 or 97 <= c <= 102:
            CLS[c] |= C_HEX
        if 33 <= c <= 126 and chr(c) not in '<>"`{}|\\^':
            CLS[c] |= C_URL
    for ch in '._%+-':
        CLS[ord(ch)] |= C_LOCAL
    CLS[ord('_')] |= C_WORD
    for c in range(128):
        if CLS[c] & C_WORD or chr(c) in '+(:':
            CLS[c] |= C_START
    CLS[ord('-')] |= C_DOMAIN


# The text's end as a decision sees it. A stream's (non-final) scan keeps a decision only
# if it never looked at the end of the text so far: every test of an index against a bound
# that is the text's end (n, or a window cut at n) goes through within() or at(), which
# note a failed test in end_seen (out of line, marked cold: the hot path is the test alone).
# Per thread: a scan runs on one thread from start to end.
cdef extern from *:
    """
    static __thread Py_ssize_t redactd_text_end = PY_SSIZE_T_MAX;
    static __thread int redactd_end_seen = 0;
    static __attribute__((noinline, cold)) void redactd_see_end(Py_ssize_t bound) {
        redactd_end_seen |= bound >= redactd_text_end;
    }
    #define redactd_within(i, bound) (__builtin_expect((i) < (bound), 1) ? 1 : (redactd_see_end(bound), 0))
    """
    Py_ssize_t redactd_text_end
    int redactd_end_seen
    void see_end "redactd_see_end"(Py_ssize_t bound) noexcept nogil  # a test failed at bound
    bint within "redactd_within"(Py_ssize_t i, Py_ssize_t bound) noexcept nogil  # i < bound, noting the end


# The scan running on this thread: its number (NO_SCAN outside a scan), for the state a
# family keeps from one position to the next within a scan (places.pyx's organisation
# cursor, world_addresses.pyx's street chain), and its stop: up to it no decision is a
# stream's tail's, whose look at the text's end counts (scan_text).
cdef extern from *:
    """
    #define REDACTD_NO_SCAN (~0ULL)
    static __thread unsigned long long redactd_scans = 0;
    static __thread unsigned long long redactd_scan_number = REDACTD_NO_SCAN;
    static __thread Py_ssize_t redactd_scan_stop = 0;
    static void redactd_scan_begin(Py_ssize_t stop) {
        redactd_scans += 1;
        redactd_scan_number = redactd_scans;
        redactd_scan_stop = stop;
    }
    static void redactd_scan_end(void) {
        redactd_scan_number = REDACTD_NO_SCAN;
    }
    """
    const unsigned long long NO_SCAN "REDACTD_NO_SCAN"
    unsigned long long scan_number "redactd_scan_number"
    Py_ssize_t scan_stop "redactd_scan_stop"
    void scan_begin "redactd_scan_begin"(Py_ssize_t stop) nogil
    void scan_end "redactd_scan_end"() nogil


cdef inline bint unicode_separator(Py_UCS4 c) noexcept nogil:
    # Latin-1 punctuation, General Punctuation, CJK punctuation, BOM, fullwidth ASCII symbols
    return ((0x80 <= c <= 0xBF) or c == 0xD7 or c == 0xF7 or (0x2000 <= c <= 0x206F)
            or (0x3000 <= c <= 0x303F) or c == 0xFEFF or (0xFF00 <= c <= 0xFF20))


cdef inline unsigned int cls(Py_UCS4 c) noexcept nogil:
    if c < 128:
        return CLS[c]
    if unicode_separator(c):
        return 0
    return C_WORD | C_URL


cdef inline bint is_digit(Py_UCS4 c) noexcept nogil:
    return 48 <= c <= 57


cdef inline bint is_letter(Py_UCS4 c) noexcept nogil:
    return c < 128 and (CLS[c] & (C_UPPER | C_LOWER)) != 0


cdef inline Py_UCS4 lower(Py_UCS4 c) noexcept nogil:
    return <Py_UCS4>(<unsigned int>c + 32) if 65 <= c <= 90 else c


cdef inline Py_UCS4 at(const uchar_t* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    # the character at i, or 0 (a non-word boundary) outside [0, n)
    if 0 <= i < n:
        return s[i]
    if i >= n:
        see_end(n)
    return 0


cdef inline bint word_at(const uchar_t* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    return (cls(at(s, i, n)) & C_WORD) != 0


cdef extern from *:
    int ctz32 "__builtin_ctz"(unsigned int) nogil


cdef inline unsigned int word_bit(Py_UCS4 c) noexcept nogil:
    # cls(c) & C_WORD as 0 or 1; written out, as gcc compiled it through cls() into
    # branches, and eight of these go without one in word_end_after
    return (CLS[c] & C_WORD) != 0 if c < 128 else not unicode_separator(c)


cdef inline Py_ssize_t word_end_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    # the end of the word that goes on at i: the first position >= i that holds no word
    # character, or n. The next eight are classified without a branch on each and their
    # bits counted at once: where a word ends is not predictable, and a mispredicted loop
    # exit costs more than classifying eight characters
    cdef unsigned int m
    if i + 8 <= n:
        m = (word_bit(s[i]) | word_bit(s[i + 1]) << 1 | word_bit(s[i + 2]) << 2 | word_bit(s[i + 3]) << 3
             | word_bit(s[i + 4]) << 4 | word_bit(s[i + 5]) << 5 | word_bit(s[i + 6]) << 6
             | word_bit(s[i + 7]) << 7)
        if m != 0xFF:
            return i + ctz32(~m)
        i += 8
    while within(i, n) and word_bit(s[i]):
        i += 1
    return i


cdef bint starts_with(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim, const char* word) noexcept nogil:
    # case-insensitive ASCII prefix test; `word` is lower case
    cdef Py_ssize_t k = 0
    while word[k]:
        if not within(i + k, lim) or lower(s[i + k]) != <Py_UCS4>word[k]:
            return False
        k += 1
    return True


cdef Py_UCS4 FOLD[0x260]  # Latin-1 to Latin Extended-B letters and IPA's "ə" -> their ASCII base letter; 0: none
cdef Py_UCS4 FOLD_ADDITIONAL[0x100]  # Latin Extended Additional (U+1E00-U+1EFF), the same
cdef unsigned int SCRIPT[SCRIPT_HI - SCRIPT_LO]  # kind << 24 | key of U+0370-U+137F (script_letter)


cdef void init_fold() except *:
    # the tables from core.lexicon's definitions, so the reference and the data agree
    from redactd.core.lexicon import SCRIPT_TABLE, SPACELESS_SCRIPTS, latin_fold, script_letter
    cdef int c
    if SCRIPT_TABLE != (SCRIPT_LO, SCRIPT_HI) or SPACELESS_SCRIPTS != _SPACELESS_RANGES:
        raise ImportError("redactd.core.lexicon's script ranges do not match the compiled core")
    for c in range(0x260):
        FOLD[c] = ord(latin_fold(chr(c)) or "\0")
    for c in range(0x100):
        FOLD_ADDITIONAL[c] = ord(latin_fold(chr(0x1E00 + c)) or "\0")
    for c in range(SCRIPT_LO, SCRIPT_HI):
        kind, key = script_letter(chr(c))
        SCRIPT[c - SCRIPT_LO] = <unsigned int>key | (<unsigned int>kind << 24)


_SPACELESS_RANGES = ((0x3041, 0x309F), (0x30A1, 0x30FA), (0x30FC, 0x30FF), (0x3400, 0x4DBF),
                    (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF))


cdef inline Py_UCS4 folded(Py_UCS4 c) noexcept nogil:
    # an ASCII or accented Latin letter's ASCII base letter, else 0
    if c < 0x260:
        return FOLD[c]
    if 0x1E00 <= c < 0x1F00:
        return FOLD_ADDITIONAL[<unsigned int>c - 0x1E00]
    return 0


cdef inline unsigned int script_letter(Py_UCS4 c) noexcept nogil:
    # a letter of another script: its kind << 24 | its key (the small letter); 0 for none
    # (core.lexicon.script_letter; Han, kana and Hangul by range, the rest by table)
    if c < SCRIPT_LO:
        return 0
    if c < SCRIPT_HI:
        return SCRIPT[<unsigned int>c - SCRIPT_LO]
    if (0x4E00 <= c <= 0x9FFF or 0xAC00 <= c <= 0xD7A3 or 0x3400 <= c <= 0x4DBF or 0x3041 <= c <= 0x309F
            or 0x30A1 <= c <= 0x30FA or 0x30FC <= c <= 0x30FF or 0xF900 <= c <= 0xFAFF):
        return <unsigned int>c | (<unsigned int>K_SPACELESS << 24)
    return 0


cdef inline bint capital(Py_UCS4 c) noexcept nogil:
    # an upper-case letter of any cased script: ASCII, accented Latin, Greek, Cyrillic, Armenian
    cdef Py_UCS4 f
    if c < 128:
        return 65 <= c <= 90
    f = folded(c)
    if f:
        return f <= 90
    return (script_letter(c) >> 24) == K_UPPER
