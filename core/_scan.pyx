"""Compiled PII/PCI scanner.

One left-to-right pass over a str's PEP 393 buffer, with the GIL released.
At each word start the detectors that can begin there are tried; a match is
recorded and the pass resumes after it, so spans come out sorted and, apart
from tentative phone candidates, never overlap.

Every decision at a position reads at most LOOKBEHIND code points before it
and LOOKAHEAD code points from it (`lim`). That makes the result at a position
independent of where the text was cut, which is what lets a stream hold back
only HOLDBACK code points and still equal the whole-text result.
"""
from libc.stdlib cimport free, realloc
from libc.string cimport strlen

from core.includes.python cimport (
    Py_UCS1, Py_UCS2, PyGC_Disable, PyGC_Enable, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND,
    PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND,
)

from core.entity_types import ENTITY_TYPES

ctypedef fused uchar_t:
    Py_UCS1
    Py_UCS2
    Py_UCS4


# ---------------------------------------------------------------- characters

cdef enum:
    C_DIGIT = 1
    C_UPPER = 2
    C_LOWER = 4
    C_HEX = 8
    C_LOCAL = 16    # email local part: letters, digits, . _ % + -
    C_URL = 32      # URL body: printable ASCII except space < > " ` { } | \ ^
    C_WORD = 64     # letters, digits, '_', and non-ASCII outside the punctuation blocks
    C_DOMAIN = 128  # host name labels: letters, digits, -
    C_START = 256   # may start an entity: word characters, + ( :

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
    return s[i] if 0 <= i < n else 0


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
    while i < n and word_bit(s[i]):
        i += 1
    return i


cdef bint starts_with(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim, const char* word) noexcept nogil:
    # case-insensitive ASCII prefix test; `word` is lower case
    cdef Py_ssize_t k = 0
    while word[k]:
        if i + k >= lim or lower(s[i + k]) != <Py_UCS4>word[k]:
            return False
        k += 1
    return True


# ---------------------------------------------------------------- context words

cdef Keywords KW[N_TYPES]
# the types (and veto bits) whose window before reaches back d code points, d <= LOOKBEHIND;
# ... whose window after reaches d code points past a span's end, d <= 32
cdef unsigned long long WITHIN_BEFORE[LOOKBEHIND + 1]
cdef unsigned long long WITHIN_AFTER[33]
_keyword_bytes = []  # owns the bytes KW's pointers point into


cdef void init_keywords() except *:
    names = [row.name for row in ENTITY_TYPES]
    expected = ["CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN",
                "US_BANK_ROUTING_NUMBER", "IP_ADDRESS", "URL", "DATE", "DATE_OF_BIRTH",
                "CREDIT_CARD_EXPIRATION", "CREDIT_CARD_CVV", "AGE", "SWIFT_CODE", "CREDIT_CARD_PIN",
                "US_BANK_ACCOUNT_NUMBER", "PERSON_NAME", "LOCATION", "ORGANIZATION", "ADDRESS",
                "DOMAIN_NAME", "PASSPORT_NUMBER", "US_DRIVERS_LICENSE"]
    if names != expected:
        raise ImportError("core.entity_types rows do not match the compiled type ids")
    if N_TYPES > VETO_SHIFT:
        raise ImportError("more types than the keyword table's veto bits allow")
    cdef int t
    for t in range(128):
        LETTER[t] = (t - 64) if 65 <= t <= 90 else (t - 96) if 97 <= t <= 122 else 0
    for t in range(27 * 27):
        FIRST2[t] = 0
    if NEAR_CONTEXT > ID_CONTEXT:
        raise ImportError("near_first reads ID_CONTEXT: it must cover NEAR_CONTEXT")
    for name in ("CREDIT_CARD_EXPIRATION", "CREDIT_CARD_CVV", "AGE", "CREDIT_CARD_PIN"):
        t = names.index(name)
        row = ENTITY_TYPES[t]
        if row.before > NEAR_CONTEXT or row.after:
            raise ImportError(f"{name}: context must be before the match, within {NEAR_CONTEXT}")
        register_first_letters(row, t)
    for name in ("PASSPORT_NUMBER", "US_DRIVERS_LICENSE", "US_BANK_ACCOUNT_NUMBER"):
        # ID numbers: a prefilter only (see id_type)
        t = names.index(name)
        if ENTITY_TYPES[t].before > ID_CONTEXT or ENTITY_TYPES[t].after:
            raise ImportError(f"{name}: context must be before the match, within {ID_CONTEXT}")
        register_first_letters(ENTITY_TYPES[t], t)
    for t, row in enumerate(ENTITY_TYPES):
        if row.before > LOOKBEHIND - 8 or row.after > 32 or row.veto_before > LOOKBEHIND - 8:
            raise ImportError(f"{row.name}: context table exceeds the core's bounds")
        KW[t].before = row.before
        KW[t].after = row.after
        KW[t].veto_before = row.veto_before
        KW[t].score = row.score
        KW[t].boost = row.boost
        register_words(row.name, row.context, t)
        register_words(row.name, row.veto, t + VETO_SHIFT)
    global BEFORE_REACH
    BEFORE_REACH = max(max(row.before, row.veto_before) for row in ENTITY_TYPES)
    cdef int d
    for d in range(LOOKBEHIND + 1):
        WITHIN_BEFORE[d] = 0
        for t in range(N_TYPES):
            if KW[t].before >= d:
                WITHIN_BEFORE[d] |= 1ULL << t
            if KW[t].veto_before >= d:
                WITHIN_BEFORE[d] |= 1ULL << (t + VETO_SHIFT)
    for d in range(33):
        WITHIN_AFTER[d] = 0
        for t in range(N_TYPES):
            if KW[t].after >= d:
                WITHIN_AFTER[d] |= 1ULL << t
    if len(_keyword_bytes) > KEYWORD_SLOTS // 2:
        raise ImportError("too many context words for the keyword table")


cdef void register_first_letters(row, int t) except *:
    for word in row.context:
        if len(word) < 2:
            raise ImportError(f"{row.name}: context word {word!r} is shorter than two letters")
        FIRST2[(ord(word[0]) - 96) * 27 + ord(word[1]) - 96] |= 1 << t


cdef void register_words(str type_name, tuple words, int bit) except *:
    # lower-case ASCII letter words into the keyword table, under `bit`
    cdef bytes b
    for word in words:
        if not (word.isascii() and word.isalpha() and word.islower()):
            raise ImportError(f"{type_name}: context word {word!r} is not lower-case ASCII letters")
        b = word.encode()
        _keyword_bytes.append(b)  # the table points into these bytes
        keyword_add(b, len(b), bit)


cdef struct KeywordSlot:
    unsigned int hash       # 0 = empty
    int length
    unsigned long long types  # bit per type that lists the word
    const char* word

cdef enum:
    KEYWORD_SLOTS = 1024    # open addressing, a power of two well above the word count

cdef KeywordSlot KEYWORD_TABLE[KEYWORD_SLOTS]


cdef inline unsigned int fnv_step(unsigned int h, Py_UCS4 c) noexcept nogil:
    # FNV-1a over lower-case ASCII letters; never 0 once a letter went in
    return ((h ^ <unsigned int>lower(c)) * <unsigned int>16777619) | 1


cdef void keyword_add(const char* word, int length, int type_id) noexcept:
    cdef unsigned int h = FNV_OFFSET
    cdef int k
    for k in range(length):
        h = fnv_step(h, word[k])
    k = h & (KEYWORD_SLOTS - 1)
    while KEYWORD_TABLE[k].hash and not (KEYWORD_TABLE[k].hash == h and KEYWORD_TABLE[k].length == length):
        k = (k + 1) & (KEYWORD_SLOTS - 1)
    KEYWORD_TABLE[k].hash = h
    KEYWORD_TABLE[k].length = length
    KEYWORD_TABLE[k].word = word
    KEYWORD_TABLE[k].types |= (1ULL) << type_id


cdef unsigned int FNV_OFFSET = <unsigned int>2166136261


cdef inline Py_ssize_t next_word(const uchar_t* s, Py_ssize_t i, Py_ssize_t b, Py_ssize_t* w,
                                 unsigned int* h) noexcept nogil:
    # the next run of ASCII letters in [i, b): its start in w (b when none), its hash in h; its end
    cdef unsigned int hash = FNV_OFFSET  # a local: stores through h would alias s
    while i < b and not is_letter(s[i]):
        i += 1
    w[0] = i
    while i < b and is_letter(s[i]):
        hash = fnv_step(hash, s[i])
        i += 1
    h[0] = hash
    return i


cdef unsigned long long keyword_types(const uchar_t* s, Py_ssize_t a, Py_ssize_t b, unsigned int h) noexcept nogil:
    # the types whose context words include s[a:b] (hash h), or 0
    cdef int k = h & (KEYWORD_SLOTS - 1), j
    cdef const KeywordSlot* slot
    while KEYWORD_TABLE[k].hash:
        slot = &KEYWORD_TABLE[k]
        if slot.hash == h and slot.length == b - a:
            for j in range(slot.length):
                if lower(s[a + j]) != <Py_UCS4>slot.word[j]:
                    return 0
            return slot.types
        k = (k + 1) & (KEYWORD_SLOTS - 1)
    return 0


cdef Py_ssize_t BEFORE_REACH = LOOKBEHIND - 8  # the widest window before of any type (init_keywords)


cdef inline unsigned long long context_before(const uchar_t* s, Py_ssize_t n, Py_ssize_t start) noexcept nogil:
    # types with a context word wholly inside their window before `start`
    return context_within(s, n, start, BEFORE_REACH)


cdef inline unsigned long long context_within(const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                                             Py_ssize_t reach) noexcept nogil:
    # context_before, exact for the types whose window `before` is at most `reach`
    return context_scan(s, n, start, reach, 0, NULL)


cdef unsigned long long context_scan(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t reach,
                                     unsigned long long want, int* nearest) noexcept nogil:
    # the types (and veto bits) with a word wholly inside their window in the `reach` code
    # points before `start`; of the `want` types, the one whose word is nearest in *nearest
    cdef Py_ssize_t i = start - reach, w
    cdef unsigned int h
    cdef unsigned long long types, found = 0
    cdef int t
    if i < 0:
        i = 0
    while i < start and is_letter(at(s, i - 1, n)) and is_letter(s[i]):
        i += 1  # a word cut by the edge does not count
    while True:
        i = next_word(s, i, start, &w, &h)
        if w == start or (i == start and is_letter(at(s, start, n))):
            break  # no more words, or one cut by the span
        types = keyword_types(s, w, i, h)
        if types:
            types &= WITHIN_BEFORE[start - w]
            found |= types
            if types & want:
                for t in range(N_TYPES):
                    if (types & want) >> t & 1:
                        nearest[0] = t
                        break
    return found


cdef unsigned long long context_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t end, Py_ssize_t lim) noexcept nogil:
    # types with a context word wholly inside their window after `end`
    cdef Py_ssize_t i = end, w, b = min(end + 32, lim)
    cdef unsigned int h
    cdef unsigned long long types, found = 0
    cdef int t
    if is_letter(at(s, end - 1, n)):
        while i < b and is_letter(s[i]):
            i += 1  # a word cut by the edge does not count
    while True:
        i = next_word(s, i, b, &w, &h)
        if w == b or is_letter(at(s, i, n)):
            break  # no more words, or one cut by the window's end
        types = keyword_types(s, w, i, h)
        if types:
            found |= types & WITHIN_AFTER[i - end]
    return found


cdef inline bint has_context(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                             Py_ssize_t lim, int type_id, unsigned long long* before) noexcept nogil:
    # `before` caches context_before(start) across the candidates of one start; ~0 = not yet
    if before[0] == <unsigned long long>~0ULL:
        before[0] = context_before(s, n, start)
    return (before[0] >> type_id) & 1 or has_context_after(s, n, end, lim, type_id)


cdef inline bint has_context_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t end, Py_ssize_t lim,
                                   int type_id) noexcept nogil:
    # a context word in the type's window after the span; most types have no such window
    return KW[type_id].after > 0 and (context_after(s, n, end, lim) >> type_id) & 1


cdef inline bint has_context_before(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, int type_id,
                                    unsigned long long* before) noexcept nogil:
    # has_context for a type whose window is before the span only (after = 0)
    if before[0] == <unsigned long long>~0ULL:
        before[0] = context_before(s, n, start)
    return (before[0] >> type_id) & 1


cdef inline bint vetoed(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, int type_id,
                        unsigned long long* before) noexcept nogil:
    # a veto word of the type stands just before `start`
    if before[0] == <unsigned long long>~0ULL:
        before[0] = context_before(s, n, start)
    return (before[0] >> (type_id + VETO_SHIFT)) & 1


# bit per type that needs a word close before, by the first two letters of its words:
# FIRST2[a * 27 + b], a and b LETTER indexes (row and column 0, "not a letter", stay 0)
cdef unsigned int FIRST2[27 * 27]
cdef unsigned char LETTER[128]  # 1-26 for a letter of either case, 0 otherwise


cdef inline unsigned int letter_index(Py_UCS4 c) noexcept nogil:
    return LETTER[c] if c < 128 else 0


cdef inline unsigned int first_letters(const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                                       Py_ssize_t reach) noexcept nogil:
    # FIRST2 bits of the two letters that start a word in [start - reach, start): a cheap
    # superset of what context_within would find for those types. No branch a character:
    # where words start is as unpredictable as their lengths
    cdef Py_ssize_t i = start - reach if start > reach else 0
    cdef unsigned int found = 0, prev, cur, nxt
    if i + 1 >= start:
        return 0
    prev = letter_index(at(s, i - 1, n))
    cur = letter_index(s[i])
    while i + 1 < start:
        nxt = letter_index(s[i + 1])
        found |= FIRST2[cur * 27 + nxt] & (0U - (prev == 0))
        prev = cur
        cur = nxt
        i += 1
    return found


cdef struct Near:
    # what the checks of a lone number have read before its start
    unsigned long long bits    # context_within(NEAR_CONTEXT); ~0: not read yet
    unsigned int first         # first_letters(ID_CONTEXT); ~0: not read yet


cdef inline void near_init(Near* near) noexcept nogil:
    near.bits = ~0ULL
    near.first = ~0U


cdef inline unsigned int near_first(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Near* near) noexcept nogil:
    # first_letters of the widest window any check of these numbers looks at (init_keywords
    # makes sure): a superset for the narrower ones, read once
    if near.first == ~0U:
        near.first = first_letters(s, n, start, ID_CONTEXT)
    return near.first


cdef inline bint has_context_near(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, int type_id,
                                  unsigned long long* before, Near* near) noexcept nogil:
    # has_context_before for a type whose window is at most NEAR_CONTEXT: a scan of that
    # window only (the lone numbers these types look at are common: keep them cheap);
    # `near` caches the scan of NEAR_CONTEXT, exact for all of these types
    if before[0] != <unsigned long long>~0ULL:
        return (before[0] >> type_id) & 1
    if near.bits != <unsigned long long>~0ULL:
        return (near.bits >> type_id) & 1
    if not (near_first(s, n, start, near) >> type_id) & 1:
        return False  # no word in the window starts with a context word's first letters
    if KW[type_id].before < NEAR_CONTEXT:
        return (context_within(s, n, start, KW[type_id].before) >> type_id) & 1
    near.bits = context_within(s, n, start, NEAR_CONTEXT)
    return (near.bits >> type_id) & 1


# ---------------------------------------------------------------- span vector

cdef int push(SpanVec* v, Py_ssize_t start, Py_ssize_t end, int type_id, int flags,
              float score, long long aux) noexcept nogil:
    cdef Py_ssize_t cap
    cdef Span* grown
    if v.size == v.capacity:
        cap = v.capacity * 2 if v.capacity else 16
        grown = <Span*>realloc(v.items, cap * sizeof(Span))
        if grown == NULL:
            return -1
        v.items = grown
        v.capacity = cap
    v.items[v.size] = Span(start, end, type_id, flags, score, aux)
    v.size += 1
    return 0


# ---------------------------------------------------------------- email

cdef Py_ssize_t match_email(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t at_sign,
                            Py_ssize_t lim) noexcept nogil:
    # local part [w, at_sign): 1-64 chars, no "..", no trailing '.'
    cdef Py_ssize_t i, label, labels = 0, tld_start = 0
    if at_sign - w > 64 or s[at_sign - 1] == 46:
        return 0
    for i in range(w + 1, at_sign):
        if s[i] == 46 and s[i - 1] == 46:
            return 0
    # domain: labels of letters, digits and inner hyphens, joined by single dots
    i = at_sign + 1
    while True:
        label = i
        while i < lim and (cls(s[i]) & C_DOMAIN):
            i += 1
        if i == label or i - label > 63 or s[label] == 45 or s[i - 1] == 45:
            return 0
        labels += 1
        tld_start = label
        if i + 1 < lim and s[i] == 46 and (cls(s[i + 1]) & C_DOMAIN):
            i += 1
            continue
        break
    if labels < 2 or i - at_sign - 1 > 253 or i - tld_start < 2 or i >= lim and i < n:
        return 0
    for label in range(tld_start, i):
        if not is_letter(s[label]):
            return 0
    if word_at(s, i, n) or at(s, i, n) == 64:
        return 0
    return i


# ---------------------------------------------------------------- URL

cdef const char* SCHEMES[8]
SCHEMES[:] = [b"https://", b"http://", b"ftps://", b"ftp://", b"sftp://", b"wss://",
              b"ws://", b"www."]


cdef inline bint url_trailer(Py_UCS4 c) noexcept nogil:
    # punctuation that ends a sentence rather than a URL
    return c == 46 or c == 44 or c == 59 or c == 58 or c == 33 or c == 63 or c == 39 or c == 42


cdef Py_ssize_t url_body(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* capped) noexcept nogil:
    # end of the URL body starting at i; trailing punctuation and unbalanced closers dropped
    cdef Py_ssize_t start = i, opens = 0, closes = 0
    cdef Py_UCS4 c
    while i < lim and (cls(s[i]) & C_URL):
        c = s[i]
        if c == 40 or c == 91:
            opens += 1
        elif c == 41 or c == 93:
            closes += 1
        i += 1
    if i == lim and lim < n:
        capped[0] = 1
        return i
    capped[0] = 0
    while i > start:
        c = s[i - 1]
        if url_trailer(c):
            i -= 1
        elif (c == 41 or c == 93) and closes > opens:
            closes -= 1
            i -= 1
        else:
            break
    return i


cdef Py_ssize_t match_url(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                          int* capped) noexcept nogil:
    cdef int k
    cdef Py_ssize_t i = 0, end
    for k in range(8):
        if starts_with(s, w, lim, SCHEMES[k]):
            i = w + <Py_ssize_t>strlen(SCHEMES[k])
            break
    if i == 0 or i >= lim:
        return 0
    if not ((cls(s[i]) & C_DOMAIN) and s[i] != 45) and not (s[i] == 91 and k < 7):
        return 0
    end = url_body(s, n, i, lim, capped)
    return end if end > i else 0


# ---------------------------------------------------------------- IBAN

# ISO 13616 registry: country code -> IBAN length
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
    "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
    "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
    "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28,
    "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}
cdef unsigned char IBAN_LEN[26 * 26]


cdef void init_iban():
    cdef int k
    for k in range(26 * 26):
        IBAN_LEN[k] = 0
    for cc, length in IBAN_LENGTHS.items():
        IBAN_LEN[(ord(cc[0]) - 65) * 26 + ord(cc[1]) - 65] = length


cdef inline int iban_value(Py_UCS4 c) noexcept nogil:
    # digit 0-9, letter 10-35 (either case), else -1
    if 48 <= c <= 57:
        return <int>c - 48
    if 65 <= c <= 90:
        return <int>c - 55
    if 97 <= c <= 122:
        return <int>c - 87
    return -1


cdef Py_ssize_t match_iban(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                           Py_ssize_t lim) noexcept nogil:
    cdef int length, count = 0, k, v, r = 0
    cdef int values[34]
    cdef Py_ssize_t i = w
    cdef bint grouped
    if w + 4 > lim or not is_letter(s[w]) or not is_letter(s[w + 1]):
        return 0
    if not (is_digit(s[w + 2]) and is_digit(s[w + 3])):
        return 0
    length = IBAN_LEN[(iban_value(s[w]) - 10) * 26 + iban_value(s[w + 1]) - 10]
    if length == 0:
        return 0
    grouped = at(s, w + 4, n) == 32
    # read `length` alphanumerics: contiguous, or in groups of four split by one space
    while count < length:
        if i >= lim:
            return 0
        if grouped and count > 0 and count % 4 == 0:
            if s[i] != 32:
                return 0
            i += 1
            if i >= lim:
                return 0
        v = iban_value(s[i])
        if v < 0:
            return 0
        values[count] = v
        count += 1
        i += 1
    if word_at(s, i, n):
        return 0
    # ISO 7064 mod 97-10 over BBAN + country + check digits
    for k in range(4, length + 4):
        v = values[k % length]
        r = (r * (100 if v >= 10 else 10) + v) % 97
    return i if r == 1 else 0


# ---------------------------------------------------------------- IP addresses

cdef Py_ssize_t match_ipv4(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim) noexcept nogil:
    # four dotted decimal octets 0-255 without leading zeros ("01" is octal to some
    # parsers and invalid to Python's ipaddress); not part of a longer dotted number
    cdef int octet, digits, k
    cdef Py_ssize_t i = w, first
    if at(s, w - 1, n) == 46:
        return 0
    for k in range(4):
        if k:
            if i >= lim or s[i] != 46:
                return 0
            i += 1
        octet = 0
        digits = 0
        first = i
        while i < lim and is_digit(s[i]) and digits < 4:
            octet = octet * 10 + (<int>s[i] - 48)
            digits += 1
            i += 1
        if digits == 0 or digits > 3 or octet > 255 or (digits > 1 and s[first] == 48):
            return 0
    if word_at(s, i, n) or (at(s, i, n) == 46 and is_digit(at(s, i + 1, n))):
        return 0
    return i


cdef Py_ssize_t match_ipv6(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim) noexcept nogil:
    # RFC 4291 text forms: 8 groups, or fewer around one "::", optionally ending in IPv4
    cdef int groups = 0, digits
    cdef bint compressed = False
    cdef Py_ssize_t i = w, g, v4
    if at(s, w - 1, n) == 58 or (cls(at(s, w - 1, n)) & C_HEX):
        return 0
    if i + 1 < lim and s[i] == 58 and s[i + 1] == 58:
        compressed = True
        i += 2
    while i < lim and groups < 8:
        g = i
        digits = 0
        while i < lim and (cls(s[i]) & C_HEX) and digits < 5:
            i += 1
            digits += 1
        if digits == 0:
            break
        if i < lim and s[i] == 46 and groups <= 6:
            v4 = match_ipv4(s, n, g, lim)
            if v4 and (at(s, g - 1, n) == 58):
                groups += 2
                i = v4
                break
            return 0
        if digits > 4:
            return 0
        groups += 1
        if i + 1 < lim and s[i] == 58 and s[i + 1] == 58:
            if compressed:
                return 0
            compressed = True
            i += 2
        elif i + 1 < lim and s[i] == 58 and (cls(s[i + 1]) & C_HEX):
            i += 1
        else:
            break
    if groups == 0 or (compressed and groups > 7) or (not compressed and groups != 8):
        return 0
    if word_at(s, i, n) or at(s, i, n) == 58 or (at(s, i, n) == 46 and is_digit(at(s, i + 1, n))):
        return 0
    return i


cdef bint colon_ahead(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # an IPv6 address has a ':' within its first five characters
    cdef Py_ssize_t k
    for k in range(i, min(i + 5, lim)):
        if s[k] == 58:
            return True
        if not (cls(s[k]) & C_HEX):
            return False
    return False


# ---------------------------------------------------------------- digit groups

cdef inline bint numeric_sep(Py_UCS4 c) noexcept nogil:
    return c == 32 or c == 45 or c == 46 or c == 47


cdef void read_groups(const uchar_t* s, Py_ssize_t pos, Py_ssize_t lim, Groups* g) noexcept nogil:
    # digit groups joined by one of " -./", a group may be written "(ddd)"
    cdef Py_ssize_t i = pos, j
    cdef Py_UCS4 sep = 0
    cdef bint paren
    g.n = 0
    g.plus = s[i] == 43
    if g.plus:
        i += 1
    while g.n < MAX_GROUPS:
        j = i
        paren = j < lim and s[j] == 40
        if paren:
            j += 1
        if j >= lim or not is_digit(s[j]):
            return
        g.start[g.n] = j
        while j < lim and is_digit(s[j]):
            j += 1
        g.digits_end[g.n] = j
        if paren:
            if j >= lim or s[j] != 41:
                return
            j += 1
        g.stop[g.n] = j
        g.sep[g.n] = sep
        g.paren[g.n] = paren
        g.n += 1
        # the separator before the next group
        sep = 0
        if paren:
            sep = 41
            if j < lim and (s[j] == 32 or s[j] == 45):
                j += 1
        elif j < lim and numeric_sep(s[j]):
            sep = s[j]
            j += 1
        elif j < lim and s[j] == 40:
            sep = 40
        if sep == 0:
            return
        i = j


cdef inline int group_len(const Groups* g, int k) noexcept nogil:
    return <int>(g.digits_end[k] - g.start[k])


cdef int total_digits(const Groups* g, int j) noexcept nogil:
    cdef int k, d = 0
    for k in range(j):
        d += group_len(g, k)
    return d


cdef bint plain_groups(const Groups* g, int j, const char* allowed) noexcept nogil:
    # no '+', no parentheses, one separator throughout, taken from `allowed`
    cdef int k
    cdef const char* a
    if g.plus:
        return False
    for k in range(j):
        if g.paren[k] or (k > 1 and g.sep[k] != g.sep[1]):
            return False
    if j < 2:
        return True
    a = allowed
    while a[0]:
        if <Py_UCS4>a[0] == g.sep[1]:
            return True
        a += 1
    return False


cdef bint groups_between(const Groups* g, int first, int j, int lo, int hi) noexcept nogil:
    # groups first..j-1 each have lo..hi digits
    cdef int k
    for k in range(first, j):
        if not lo <= group_len(g, k) <= hi:
            return False
    return True


cdef inline bint continues(const Groups* g, int j) noexcept nogil:
    # the number goes on past group j-1 in the same token ("123-45-6789-01")
    return j < g.n and (g.sep[j] == 45 or g.sep[j] == 46 or g.sep[j] == 47)


cdef long long digits_value(const uchar_t* s, const Groups* g, int k) noexcept nogil:
    cdef long long v = 0
    cdef Py_ssize_t i
    for i in range(g.start[k], g.digits_end[k]):
        v = v * 10 + (<int>s[i] - 48)
    return v


cdef int collect_digits(const uchar_t* s, const Groups* g, int j, int* out) noexcept nogil:
    cdef int k, d = 0
    cdef Py_ssize_t i
    for k in range(j):
        for i in range(g.start[k], g.digits_end[k]):
            out[d] = (<int>s[i] - 48)
            d += 1
    return d


# ---------------------------------------------------------------- payment cards

cdef bint luhn(const int* d, int n) noexcept nogil:
    cdef int k, v, total = 0
    for k in range(n):
        v = d[n - 1 - k]
        if k % 2:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


cdef int prefix(const int* d, int k) noexcept nogil:
    cdef int i, v = 0
    for i in range(k):
        v = v * 10 + d[i]
    return v


cdef bint issuer_length(const int* d, int n) noexcept nogil:
    # issuer identification number ranges and the lengths each issuer uses
    cdef int p2 = prefix(d, 2), p3 = prefix(d, 3), p4 = prefix(d, 4), p6 = prefix(d, 6)
    if d[0] == 4:                                     # Visa
        return n == 13 or n == 16 or n == 19
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:          # Mastercard
        return n == 16
    if p2 == 34 or p2 == 37:                          # American Express
        return n == 15
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65:    # Discover
        return 16 <= n <= 19
    if 622126 <= p6 <= 622925 or p2 == 62:            # UnionPay
        return 16 <= n <= 19
    if 3528 <= p4 <= 3589:                            # JCB
        return 16 <= n <= 19
    if 300 <= p3 <= 305 or p4 == 3095 or p2 == 36 or p2 == 38 or p2 == 39:  # Diners
        return 14 <= n <= 19
    if 2200 <= p4 <= 2204:                            # Mir
        return 16 <= n <= 19
    if p2 == 60 or p2 == 81 or p2 == 82 or p3 == 508:  # RuPay
        return n == 16
    if (p4 == 5018 or p4 == 5020 or p4 == 5038 or p4 == 5893 or p4 == 6304
            or p4 == 6759 or 6761 <= p4 <= 6763 or p2 == 67):  # Maestro
        return 12 <= n <= 19
    return False


cdef int match_card(const uchar_t* s, const Groups* g) noexcept nogil:
    # groups used, or 0: 12-19 digits, Luhn, a known issuer's prefix and length
    cdef int j, n
    cdef int d[MAX_GROUPS * 20]
    if g.plus or g.paren[0]:
        return 0
    for j in range(g.n, 0, -1):
        n = total_digits(g, j)
        if n < 12 or n > 19 or continues(g, j):
            continue
        if j > 1 and not (plain_groups(g, j, b" -") and 4 <= group_len(g, 0) <= 6
                          and groups_between(g, 1, j, 2, 7)):
            continue
        collect_digits(s, g, j, d)
        if luhn(d, n) and issuer_length(d, n):
            return j
    return 0


# ---------------------------------------------------------------- SSN and routing numbers

cdef bint ssn_valid(int area, int group, int serial) noexcept nogil:
    # never issued: area 000, 666, 900-999; group 00; serial 0000; plus published samples
    if area == 0 or area == 666 or area >= 900 or group == 0 or serial == 0:
        return False
    if area == 78 and group == 5 and serial == 1120:       # the Woolworth wallet card
        return False
    if area == 987 and group == 65 and 4320 <= serial <= 4329:  # advertising range
        return False
    if area == 219 and group == 9 and serial == 9999:
        return False
    return True


cdef bint aba_valid(const int* d) noexcept nogil:
    # ABA routing: Federal Reserve prefix and the 3-7-1 checksum
    cdef int p = d[0] * 10 + d[1]
    if not (p <= 12 or 21 <= p <= 32 or 61 <= p <= 72 or p == 80):
        return False
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


# ---------------------------------------------------------------- dates

cdef const char* MONTHS[24]
MONTHS[:] = [b"january", b"february", b"march", b"april", b"may", b"june", b"july",
             b"august", b"september", b"october", b"november", b"december",
             b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep",
             b"oct", b"nov", b"dec"]


cdef int MONTH_LEN[24]
for _k in range(24):
    MONTH_LEN[_k] = <int>strlen(MONTHS[_k])


cdef inline int days_in(int month, int year) noexcept nogil:
    if month == 2:
        if year == 0 or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            return 29
        return 28
    return 30 if month == 4 or month == 6 or month == 9 or month == 11 else 31


cdef inline long long date_aux(int year, int month, int day) noexcept nogil:
    return <long long>year * 10000 + month * 100 + day


cdef Py_ssize_t read_month(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           int* month) noexcept nogil:
    # a whole month name or abbreviation ("Oct", "Oct.", "Sept"); end, or 0
    cdef Py_ssize_t e = i
    cdef int k, length
    while e < lim and is_letter(s[e]) and e - i < 10:
        e += 1
    length = <int>(e - i)
    if length < 3 or word_at(s, e, n):
        return 0
    if length == 4 and starts_with(s, i, e, b"sept"):
        month[0] = 9
        return e + 1 if at(s, e, n) == 46 else e
    for k in range(24):
        if MONTH_LEN[k] == length and starts_with(s, i, e, MONTHS[k]):
            month[0] = k % 12 + 1
            if k >= 12 and k != 16 and at(s, e, n) == 46:
                e += 1
            return e
    return 0


cdef Py_ssize_t read_day(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* day) noexcept nogil:
    # 1-31 as one or two digits, maybe with an ordinal suffix ("3rd"); end, or 0
    cdef Py_ssize_t e = i
    while e < lim and is_digit(s[e]) and e - i < 3:
        e += 1
    if e == i or e - i > 2:
        return 0
    day[0] = (<int>s[i] - 48) if e - i == 1 else ((<int>s[i] - 48) * 10 + <int>s[i + 1] - 48)
    if day[0] < 1 or day[0] > 31:
        return 0
    if (starts_with(s, e, lim, b"st") or starts_with(s, e, lim, b"nd")
            or starts_with(s, e, lim, b"rd") or starts_with(s, e, lim, b"th")):
        e += 2
    return 0 if word_at(s, e, n) else e


cdef Py_ssize_t read_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                          int* year) noexcept nogil:
    # four digits 1000-2999 standing alone; end, or 0 (and *year untouched)
    cdef int k, v = 0
    if i + 4 > lim or word_at(s, i + 4, n):
        return 0
    for k in range(4):
        if not is_digit(s[i + k]):
            return 0
        v = v * 10 + (<int>s[i + k] - 48)
    if v < 1000 or v > 2999:
        return 0
    if at(s, i + 4, n) == 44 and is_digit(at(s, i + 5, n)):
        return 0  # "1,000": a number, not a year
    year[0] = v
    return i + 4


cdef Py_ssize_t gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim, bint comma) noexcept nogil:
    # one to three spaces, maybe after a comma; end, or 0
    cdef Py_ssize_t e
    if comma and i < lim and s[i] == 44:
        i += 1
    e = i
    while e < lim and s[e] == 32 and e - i < 4:
        e += 1
    return e if 1 <= e - i <= 3 else 0


cdef Py_ssize_t match_written_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                                   Py_ssize_t lim, long long* aux) noexcept nogil:
    # "3rd of October 1982", "3 Oct", "October 3, 1982", "Oct 3rd", "October 1982"
    cdef int day = 0, month = 0, year = 0
    cdef Py_ssize_t e, g, y
    if is_digit(s[w]):
        e = read_day(s, n, w, lim, &day)
        g = gap(s, e, lim, False) if e else 0
        if g and starts_with(s, g, lim, b"of") and not word_at(s, g + 2, n):
            g = gap(s, g + 2, lim, False)
        e = read_month(s, n, g, lim, &month) if g else 0
        if not e:
            return 0
        g = gap(s, e, lim, True)
        y = read_year(s, n, g, lim, &year) if g else 0
        if y:
            e = y
    else:
        e = read_month(s, n, w, lim, &month)
        g = gap(s, e, lim, False) if e else 0
        if not g:
            return 0
        y = read_year(s, n, g, lim, &year)
        if y:
            e = y
        else:
            e = read_day(s, n, g, lim, &day)
            if not e:
                return 0
            g = gap(s, e, lim, True)
            y = read_year(s, n, g, lim, &year) if g else 0
            if y:
                e = y
    if day > days_in(month, year):
        return 0
    aux[0] = date_aux(year, month, day)
    return e


cdef int match_numeric_date(const uchar_t* s, const Groups* g, bint day_first,
                            long long* aux) noexcept nogil:
    # 1982-10-03, 10/03/1982, 3.10.1982, 10/3/82; groups used, or 0
    cdef int a, b, c, year, month, day, t
    if g.n < 3 or continues(g, 3) or not plain_groups(g, 3, b"/-."):
        return 0
    a = group_len(g, 0)
    b = group_len(g, 1)
    c = group_len(g, 2)
    if not (1 <= b <= 2):
        return 0
    if a == 4 and 1 <= c <= 2:
        year = <int>digits_value(s, g, 0)
        month = <int>digits_value(s, g, 1)
        day = <int>digits_value(s, g, 2)
    elif 1 <= a <= 2 and (c == 4 or (c == 2 and g.sep[1] == 47)):
        month = <int>digits_value(s, g, 0)
        day = <int>digits_value(s, g, 1)
        if day_first or month > 12:
            t = month
            month = day
            day = t
        year = <int>digits_value(s, g, 2)
        if c == 2:
            year += 2000 if year < 50 else 1900
    else:
        return 0
    if year < 1000 or year > 2999 or month < 1 or month > 12 or day < 1 or day > days_in(month, year):
        return 0
    aux[0] = date_aux(year, month, day)
    return 3


# ---------------------------------------------------------------- card expiry, CVV, PIN, age

cdef long long expiry_numeric(const uchar_t* s, const Groups* g) noexcept nogil:
    # yyyymm of "MM/YY", "M/YY", "MM-YY", "MM/YYYY" (groups 0 and 1), or 0. Context is
    # required by the caller for every numeric form, MM/YYYY included: without it "10/2020"
    # is as likely a ratio, a score or a plain month as a card's expiry.
    cdef int a = group_len(g, 0), b = group_len(g, 1), month, year
    if not (1 <= a <= 2) or not (b == 2 or b == 4):
        return 0
    month = <int>digits_value(s, g, 0)
    year = <int>digits_value(s, g, 1)
    if b == 2:
        year += 2000
    if month < 1 or month > 12 or year < 2000 or year > 2099:
        return 0
    return <long long>year * 100 + month


cdef Py_ssize_t match_expiry_written(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                                     long long* aux) noexcept nogil:
    # "Apr 27", "Apr. 27", "April 2027": a month name, 1-3 spaces, a two-digit year or
    # 2000-2099 standing alone; end, or 0
    cdef int month = 0, year
    cdef Py_ssize_t e, g
    e = read_month(s, n, w, lim, &month)
    g = gap(s, e, lim, False) if e else 0
    if not g:
        return 0
    if g + 4 <= lim and is_digit(s[g]) and is_digit(s[g + 1]) and is_digit(s[g + 2]) \
            and is_digit(s[g + 3]) and not word_at(s, g + 4, n):
        year = (<int>s[g] - 48) * 1000 + (<int>s[g + 1] - 48) * 100 + (<int>s[g + 2] - 48) * 10 + <int>s[g + 3] - 48
        if year < 2000 or year > 2099:
            return 0
        e = g + 4
    elif g + 2 <= lim and is_digit(s[g]) and is_digit(s[g + 1]) and not word_at(s, g + 2, n):
        year = 2000 + (<int>s[g] - 48) * 10 + <int>s[g + 1] - 48
        e = g + 2
    else:
        return 0
    aux[0] = <long long>year * 100 + month
    return e


cdef int nearer_of(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int a, int b) noexcept nogil:
    # both types have a context word in their windows ("CVV 123, PIN 4821"): the one with a
    # word nearer, in bands of 8 code points; a on a tie
    cdef unsigned long long bits
    cdef Py_ssize_t reach
    for reach in range(8, NEAR_CONTEXT, 8):
        bits = context_within(s, n, pos, reach)
        if ((bits >> a) & 1) != ((bits >> b) & 1):
            return a if (bits >> a) & 1 else b
    return a


cdef inline bint clock_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t stop,
                            Py_ssize_t lim) noexcept nogil:
    # the number is joined to another by ':' ("12:30", "10:30:05"): a time, not a lone number
    return ((at(s, pos - 1, n) == 58 and is_digit(at(s, pos - 2, n)))
            or (stop + 1 < lim and s[stop] == 58 and is_digit(s[stop + 1])))


cdef bint age_phrase(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # after an age's digits: " years old", " year old", "-year-old", " years-old"
    if not (i < lim and (s[i] == 32 or s[i] == 45)):
        return False
    i += 1
    if not starts_with(s, i, lim, b"year"):
        return False
    i += 4
    if i < lim and lower(s[i]) == 115:
        i += 1
    if not (i < lim and (s[i] == 32 or s[i] == 45)):
        return False
    i += 1
    return starts_with(s, i, lim, b"old") and not word_at(s, i + 3, n)


# ---------------------------------------------------------------- SWIFT / BIC

# ISO 3166-1 alpha-2, plus XK (Kosovo, user-assigned but in the IBAN registry)
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
ZW XK
""".split()) | frozenset(IBAN_LENGTHS)
cdef unsigned char COUNTRY[26 * 26]


cdef void init_countries():
    cdef int k
    for k in range(26 * 26):
        COUNTRY[k] = 0
    for cc in ISO_COUNTRIES:
        COUNTRY[(ord(cc[0]) - 65) * 26 + ord(cc[1]) - 65] = 1


cdef inline bint upper_or_digit(Py_UCS4 c) noexcept nogil:
    return (65 <= c <= 90) or (48 <= c <= 57)


cdef Py_ssize_t match_swift(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                            bint* digit) noexcept nogil:
    # ISO 9362, upper case, a whole word: 4 letters (bank), 2 letters (an ISO 3166 country),
    # 2 letters or digits (location), maybe 3 more (branch); end, or 0. *digit: one was seen
    cdef Py_ssize_t i, e = w + 8
    digit[0] = False
    if e > lim:
        return 0
    for i in range(w, w + 6):
        if not (65 <= s[i] <= 90):
            return 0
    if not COUNTRY[(<int>s[w + 4] - 65) * 26 + <int>s[w + 5] - 65]:
        return 0
    for i in range(w + 6, e):
        if not upper_or_digit(s[i]):
            return 0
        if is_digit(s[i]):
            digit[0] = True
    if word_at(s, e, n):
        if e + 3 > lim:
            return 0
        for i in range(e, e + 3):
            if not upper_or_digit(s[i]):
                return 0
            if is_digit(s[i]):
                digit[0] = True
        e += 3
        if word_at(s, e, n):
            return 0
    return e


include "_words.pxi"


# ---------------------------------------------------------------- the pass

cdef inline bint type_on(const Options* opt, int type_id) noexcept nogil:
    return (opt.types >> type_id) & 1


cdef inline float scored(int type_id, bint context) noexcept nogil:
    cdef float v = KW[type_id].score + (KW[type_id].boost if context else 0)
    return v if v < 1 else 1


cdef inline int push_match(SpanVec* out, const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                           Py_ssize_t end, Py_ssize_t lim, int type_id, long long aux,
                           unsigned long long* before) noexcept nogil:
    # a match whose context is a bonus: flagged and boosted when a context word is near
    return push_scored(out, s, n, start, end, lim, type_id, aux, -1, before)


cdef int push_scored(SpanVec* out, const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                     Py_ssize_t end, Py_ssize_t lim, int type_id, long long aux, float base,
                     unsigned long long* before) noexcept nogil:
    # push_match with a detector's own base score (< 0: the table's)
    cdef bint ctx
    if before[0] == <unsigned long long>~0ULL:
        # nothing read before yet, nor needed after this: the type's own window only
        ctx = ((context_within(s, n, start, KW[type_id].before) >> type_id) & 1
               or has_context_after(s, n, end, lim, type_id))
    else:
        ctx = has_context(s, n, start, end, lim, type_id, before)
    cdef float v = scored(type_id, ctx)
    if base >= 0:
        v = base + (KW[type_id].boost if ctx else 0)
    return push(out, start, end, type_id, F_CONTEXT if ctx else 0, v if v < 1 else 1, aux)


cdef int date_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                   Py_ssize_t lim, const Options* opt, unsigned long long* before) noexcept nogil:
    # a date with birth context is a DATE_OF_BIRTH; -1 when neither type is wanted
    if type_on(opt, T_DATE_OF_BIRTH) and has_context(s, n, start, end, lim, T_DATE_OF_BIRTH, before):
        return T_DATE_OF_BIRTH
    return T_DATE if type_on(opt, T_DATE) else -1


cdef int numeric_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                    const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # the detectors that start with a digit, '+' or '('; -1 on allocation failure
    cdef Groups g
    cdef int j, best_t = -1, used, phones = 0
    cdef unsigned long long before = ~0ULL
    cdef Near near
    cdef int d[20]
    cdef Py_ssize_t e, best_e = 0
    cdef long long aux = 0, best_aux = 0
    cdef bint ctx
    end[0] = 0
    near_init(&near)
    read_groups(s, pos, lim, &g)
    if g.n == 0:
        return 0
    # a written date that starts with its day
    if is_digit(s[pos]) and g.digits_end[0] - pos <= 2 and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)):
        e = match_written_date(s, n, pos, lim, &aux)  # (its day has one or two digits)
        if e:
            best_e, best_t, best_aux = e, T_DATE, aux
    if type_on(opt, T_CREDIT_CARD_NUMBER):
        used = match_card(s, &g)
        if used and g.stop[used - 1] > best_e and not word_at(s, g.stop[used - 1], n):
            best_e, best_t = g.stop[used - 1], T_CREDIT_CARD_NUMBER
    if g.n >= 3 and type_on(opt, T_SSN) and plain_groups(&g, 3, b"- .") and not continues(&g, 3) \
            and group_len(&g, 0) == 3 and group_len(&g, 1) == 2 and group_len(&g, 2) == 4 \
            and ssn_valid(<int>digits_value(s, &g, 0), <int>digits_value(s, &g, 1),
                          <int>digits_value(s, &g, 2)) \
            and g.stop[2] > best_e and not word_at(s, g.stop[2], n):
        best_e, best_t = g.stop[2], T_SSN
    if group_len(&g, 0) == 9 and not g.plus and not g.paren[0] and not continues(&g, 1) \
            and g.stop[0] > best_e and not word_at(s, g.stop[0], n):
        # a bare nine-digit run: a routing number or an SSN, told apart by context
        collect_digits(s, &g, 1, d)
        if type_on(opt, T_US_BANK_ROUTING_NUMBER) and aba_valid(d) \
                and has_context(s, n, pos, g.stop[0], lim, T_US_BANK_ROUTING_NUMBER, &before):
            best_e, best_t = g.stop[0], T_US_BANK_ROUTING_NUMBER
        elif type_on(opt, T_SSN) and ssn_valid(prefix(d, 3), d[3] * 10 + d[4], prefix(d + 5, 4)) \
                and has_context(s, n, pos, g.stop[0], lim, T_SSN, &before):
            best_e, best_t = g.stop[0], T_SSN
    if type_on(opt, T_IP_ADDRESS) and is_digit(s[pos]):
        e = match_ipv4(s, n, pos, lim)
        if e > best_e and not vetoed(s, n, pos, T_IP_ADDRESS, &before):
            best_e, best_t = e, T_IP_ADDRESS
    if type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH):
        used = match_numeric_date(s, &g, opt.day_first, &aux)
        if used and g.stop[2] > best_e and not word_at(s, g.stop[2], n):
            best_e, best_t, best_aux = g.stop[2], T_DATE, aux
    if type_on(opt, T_CREDIT_CARD_EXPIRATION) and g.n >= 2 and not g.plus and not g.paren[0] \
            and not g.paren[1] and (g.sep[1] == 47 or g.sep[1] == 45) and not continues(&g, 2) \
            and g.stop[1] > best_e and not word_at(s, g.stop[1], n):
        aux = expiry_numeric(s, &g)
        if aux and has_context_near(s, n, pos, T_CREDIT_CARD_EXPIRATION, &before, &near):
            best_e, best_t, best_aux = g.stop[1], T_CREDIT_CARD_EXPIRATION, aux
    if g.n == 1 and not g.plus and not g.paren[0] and group_len(&g, 0) <= 6 \
            and g.stop[0] > best_e and not word_at(s, g.stop[0], n) and not clock_part(s, n, pos, g.stop[0], lim):
        # a lone short number: a CVV or PIN by context, or an age
        used = group_len(&g, 0)
        if 3 <= used <= 4 and type_on(opt, T_CREDIT_CARD_CVV) \
                and has_context_near(s, n, pos, T_CREDIT_CARD_CVV, &before, &near):
            best_e, best_t = g.stop[0], T_CREDIT_CARD_CVV
            if used == 4 and type_on(opt, T_CREDIT_CARD_PIN) \
                    and has_context_near(s, n, pos, T_CREDIT_CARD_PIN, &before, &near):
                best_t = nearer_of(s, n, pos, T_CREDIT_CARD_CVV, T_CREDIT_CARD_PIN)
        elif 4 <= used <= 6 and type_on(opt, T_CREDIT_CARD_PIN) \
                and has_context_near(s, n, pos, T_CREDIT_CARD_PIN, &before, &near):
            best_e, best_t = g.stop[0], T_CREDIT_CARD_PIN
        elif used <= 3 and type_on(opt, T_AGE) and (used == 1 or s[pos] != 48):
            aux = digits_value(s, &g, 0)
            if aux <= 130 and (age_phrase(s, n, g.digits_end[0], lim)
                               or has_context_near(s, n, pos, T_AGE, &before, &near)):
                best_e, best_t, best_aux = g.stop[0], T_AGE, aux
    if best_t < 0 and not g.plus and not g.paren[0]:
        # an ID number by its context: passport, driver's licence, bank account
        used = id_groups(&g)
        if used:
            j = id_type(s, n, pos, total_digits(&g, used), True, opt, &near)
            if j >= 0:
                best_e, best_t = g.stop[used - 1], j
    if best_t == T_DATE:
        best_t = date_type(s, n, pos, best_e, lim, opt, &before)
    if best_t >= 0:
        # where context was required it was found; elsewhere it is a bonus
        ctx = (best_t == T_US_BANK_ROUTING_NUMBER or (best_t == T_SSN and best_e == g.stop[0])
               or has_context(s, n, pos, best_e, lim, best_t, &before))
        if push(out, pos, best_e, best_t, F_CONTEXT if ctx else 0, scored(best_t, ctx), best_aux) < 0:
            return -1
        end[0] = best_e
        return 1
    if not type_on(opt, T_PHONE_NUMBER):
        return 0
    if at(s, pos - 1, n) == 32 and is_digit(at(s, pos - 2, n)):
        return 0  # inside a longer run of digit groups ("9400 1869 1413 8388 9976 29")
    # phone candidates, longest first; the caller validates them
    for j in range(g.n, 0, -1):
        e = g.stop[j - 1]
        if e - pos > PHONE_MAX or continues(&g, j) or word_at(s, e, n):
            continue
        used = total_digits(&g, j)
        if used < 8 or used > 15 or (not g.plus and j == 1 and not 9 <= used <= 11):
            continue
        if not phone_groups(&g, j):
            continue
        # context is looked up later, for the one candidate that validates (context_score)
        if push(out, pos, e, T_PHONE_NUMBER, F_TENTATIVE | (F_ALTERNATIVE if phones else 0),
                scored(T_PHONE_NUMBER, False), 0) < 0:
            return -1
        phones += 1
        if e > end[0]:
            end[0] = e
        if phones == 3:
            break
    return 0


cdef int id_groups(const Groups* g) noexcept nogil:
    # the digit groups of an ID number: one run of 5-17 digits, or groups of 2+ digits joined
    # by one of " -" ("628 887 958", "123-456-789"); groups used, or 0
    cdef int j = g.n, d
    while j > 1 and not (plain_groups(g, j, b" -") and groups_between(g, 1, j, 2, 8)
                         and group_len(g, 0) >= 2):
        j -= 1
    if continues(g, j):
        return 0
    d = total_digits(g, j)
    return j if 5 <= d <= 17 else 0


cdef int id_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int length, bint digits_only,
                 const Options* opt, Near* near) noexcept nogil:
    # the ID type (passport, licence, account) whose context word is nearest before pos; -1
    cdef unsigned long long want = 0
    if type_on(opt, T_PASSPORT_NUMBER) and 6 <= length <= 10:
        want |= 1ULL << T_PASSPORT_NUMBER
    if type_on(opt, T_US_DRIVERS_LICENSE) and 5 <= length <= 15:
        want |= 1ULL << T_US_DRIVERS_LICENSE
    if type_on(opt, T_US_BANK_ACCOUNT_NUMBER) and 6 <= length <= 17 and digits_only:
        want |= 1ULL << T_US_BANK_ACCOUNT_NUMBER
    if not want or not (near_first(s, n, pos, near) & want):
        return -1  # no word in the window starts like one of their context words
    return nearest_context(s, n, pos, want, ID_CONTEXT)


cdef inline int nearest_context(const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                                unsigned long long want, Py_ssize_t reach) noexcept nogil:
    # of the `want` types (windows at most `reach`), the one with a context word in its
    # window nearest before start; -1 when none has one
    cdef int best = -1
    context_scan(s, n, start, reach, want, &best)
    return best


cdef bint phone_groups(const Groups* g, int j) noexcept nogil:
    # after the first group: no '/', and 2-8 digits a group unless in parentheses or a
    # one-digit area code after "+CC" ("+33 1 ..."); two groups end in 3+ ("66247.99" is money)
    cdef int k
    for k in range(1, j):
        if g.sep[k] == 47 or not (2 <= group_len(g, k) <= 8 or g.paren[k]
                                  or (g.plus and k == 1 and group_len(g, k) == 1)):
            return False
    return j != 2 or group_len(g, 1) >= 3


cdef inline bint mid_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # pos follows "digit + one of -./" (inside a longer number) or a '+' (its start)
    cdef Py_UCS4 p = at(s, pos - 1, n)
    return p == 43 or (p == 45 or p == 46 or p == 47) and is_digit(at(s, pos - 2, n))


cdef enum:
    P_URL = 1     # "ht", "ft", "sf", "ws", "ww": a URL scheme or "www."
    P_IBAN = 2    # an IBAN country code, either case
    P_MONTH = 4   # the first two letters of a month name

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


cdef int letter_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end, int* carry) noexcept nogil:
    # the detectors that start with a letter; 1 when one matched, -1 on allocation failure
    cdef Py_ssize_t e = 0, e2
    cdef int t = -1, capped = 0, month = 0
    cdef long long aux = 0, aux2 = 0
    cdef unsigned long long before = ~0ULL
    cdef bint digit = False
    cdef Py_UCS4 c2 = at(s, pos + 1, n)
    # one look-up of the first two letters gates the detectors (random words mispredict branches)
    cdef unsigned char pair = PAIRS[(<int>lower(s[pos]) - 97) * 26 + <int>lower(c2) - 97] if is_letter(c2) else 0
    if pair & P_URL and type_on(opt, T_URL):
        e = match_url(s, n, pos, lim, &capped)
        if e:
            t = T_URL
            if capped:
                carry[0] |= CARRY_URL
                if has_context(s, n, pos, e, lim, T_URL, &before):
                    carry[0] |= CARRY_URL_CONTEXT
    if not e and pair & P_IBAN and type_on(opt, T_IBAN) and is_digit(at(s, pos + 2, n)):
        e = match_iban(s, n, pos, lim)
        t = T_IBAN
    if not e and (cls(s[pos]) & C_HEX) and (c2 == 58 or cls(c2) & C_HEX) \
            and type_on(opt, T_IP_ADDRESS) and colon_ahead(s, pos, lim):
        e = match_ipv6(s, n, pos, lim)
        t = T_IP_ADDRESS
    if not e and pair & P_MONTH and read_month(s, n, pos, lim, &month):
        # (both readings start with a month name: one look for the words that are not)
        if type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH):
            e = match_written_date(s, n, pos, lim, &aux)
            t = date_type(s, n, pos, e, lim, opt, &before) if e else -1
        if type_on(opt, T_CREDIT_CARD_EXPIRATION):
            # "Apr 27" is an expiry, not the 27th, with expiry context; the longer reading wins
            e2 = match_expiry_written(s, n, pos, lim, &aux2)
            if e2 and e2 >= e and has_context_before(s, n, pos, T_CREDIT_CARD_EXPIRATION, &before):
                e, t, aux = e2, T_CREDIT_CARD_EXPIRATION, aux2
    if not e and type_on(opt, T_SWIFT_CODE) and 65 <= s[pos] <= 90 and 65 <= c2 <= 90:
        # without a context word the code must hold a digit: "DEUTDEFF" alone could be a word
        e = match_swift(s, n, pos, lim, &digit)
        t = T_SWIFT_CODE
        if e and not digit and not has_context(s, n, pos, e, lim, T_SWIFT_CODE, &before):
            e = 0
    if not e or t < 0:
        return 0
    if push_match(out, s, n, pos, e, lim, t, aux, &before) < 0:
        return -1
    end[0] = e
    return 1


cdef int scan_text(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Options* opt,
                   int* carry, SpanVec* out, Py_ssize_t* resume) noexcept nogil:
    cdef Py_ssize_t lim, e, covered = pos, local_end = -1, word_end
    cdef Py_UCS4 c, d
    cdef unsigned int k
    cdef unsigned long long before
    cdef int found, capped
    cdef unsigned char tg
    cdef bint ctx
    # past `stop`, outside what a match covers, the rest could still grow into an entity
    cdef Py_ssize_t stop = n if opt.final else n - HOLDBACK
    while pos < n:
        if pos > stop and pos >= covered:
            break  # leave it for later
        if carry[0] & CARRY_URL:
            # the URL cut at the previous LOOKAHEAD goes on here, scored as its start was
            ctx = (carry[0] & CARRY_URL_CONTEXT) != 0
            carry[0] &= ~(CARRY_URL | CARRY_URL_CONTEXT)
            e = url_body(s, n, pos, min(n, pos + LOOKAHEAD), &capped)
            if e > pos:
                if capped:
                    carry[0] |= CARRY_URL | (CARRY_URL_CONTEXT if ctx else 0)
                if push(out, pos, e, T_URL, F_CONTEXT if ctx else 0, scored(T_URL, ctx), 0) < 0:
                    return -1
                pos = covered = e
                continue
        c = s[pos]
        if c < 128 and not (CLS[c] & C_START):
            pos += 1  # space or punctuation that starts nothing
            while pos < n and s[pos] < 128 and not (CLS[s[pos]] & C_START):
                pos += 1
            if pos >= n or (pos > stop and pos >= covered):
                break
            c = s[pos]  # (after a character that is no word character: a word starts here)
        elif word_at(s, pos - 1, n):
            pos += 1
            continue
        lim = min(n, pos + LOOKAHEAD)
        k = cls(c)
        found = 0
        e = 0
        before = ~0
        word_end = word_end_after(s, n, pos + 1)
        d = s[word_end] if word_end < n else 0  # what follows the word
        if k & C_WORD:
            # email: the run of local-part characters through pos ends in '@'
            if (d == 64 or (d < 128 and (CLS[d] & C_LOCAL))) and (k & C_LOCAL) and type_on(opt, T_EMAIL_ADDRESS):
                if local_end < pos:
                    local_end = pos
                    while local_end < n and (cls(s[local_end]) & C_LOCAL):
                        local_end += 1
                if local_end < lim and s[local_end] == 64:
                    e = match_email(s, n, pos, local_end, lim)
                    if e:
                        if push_match(out, s, n, pos, e, lim, T_EMAIL_ADDRESS, 0, &before) < 0:
                            return -1
                        found = 1
            if not found and (k & (C_UPPER | C_LOWER)):
                # a lower-case word reaches letter_at only as a URL, a month or an IPv6 group
                tg = TG_ANY if c < 97 else trigram_flags(s, pos, word_end)
                if tg & (TG_URL | TG_MONTH) or (d == 58 and word_end - pos <= 4):
                    found = letter_at(s, n, pos, lim, opt, out, &e, carry)
                if not found and (c < 97 or d == 46
                                  or (lower_word_quick(s, n, pos, word_end, tg)
                                      and lower_word_gate(s, n, pos, word_end))):
                    e = 0
                    found = words_at(s, n, pos, word_end, lim, opt, out, &e)
                    if found == 0 and e > covered:
                        covered = e  # a spoken phone candidate: no resting inside it
            elif not found and (k & C_DIGIT):
                if type_on(opt, T_IP_ADDRESS) and colon_ahead(s, pos, lim):
                    e = match_ipv6(s, n, pos, lim)
                    if e:
                        found = push_match(out, s, n, pos, e, lim, T_IP_ADDRESS, 0, &before)
                        found = -1 if found < 0 else 1
                if not found and not mid_number(s, n, pos):
                    if d == 32 and (is_letter(at(s, word_end + 1, n)) or is_digit(at(s, word_end + 1, n))):
                        found = digits_at(s, n, pos, word_end, lim, opt, out, &e)
                    if found == 0 and not e:
                        found = numeric_at(s, n, pos, lim, opt, out, &e)
                    if found == 0 and e > covered:
                        covered = e  # tentative phones: no resting inside them
        elif (c == 43 or c == 40) and is_digit(at(s, pos + 1, n)) and not mid_number(s, n, pos):
            found = numeric_at(s, n, pos, lim, opt, out, &e)
            if found == 0 and e > covered:
                covered = e
        elif c == 58 and at(s, pos + 1, n) == 58 and type_on(opt, T_IP_ADDRESS):
            e = match_ipv6(s, n, pos, lim)
            if e:
                found = push_match(out, s, n, pos, e, lim, T_IP_ADDRESS, 0, &before)
                found = -1 if found < 0 else 1
        if found < 0:
            return -1
        if found:
            pos = e
            if e > covered:
                covered = e
        elif k & C_WORD:
            pos = word_end  # no word starts inside a word
        else:
            pos += 1
    resume[0] = pos if pos < n else n
    return 0


# ---------------------------------------------------------------- Python face

cdef int scan_kind(int kind, const void* data, Py_ssize_t n, Py_ssize_t start, const Options* opt,
                   int* carry, SpanVec* out, Py_ssize_t* resume) noexcept nogil:
    if kind == PyUnicode_1BYTE_KIND:
        return scan_text(<const Py_UCS1*>data, n, start, opt, carry, out, resume)
    if kind == PyUnicode_2BYTE_KIND:
        return scan_text(<const Py_UCS2*>data, n, start, opt, carry, out, resume)
    return scan_text(<const Py_UCS4*>data, n, start, opt, carry, out, resume)


TYPE_NAMES = tuple(t.name for t in ENTITY_TYPES)
ALL_TYPES = (1 << N_TYPES) - 1
TENTATIVE = F_TENTATIVE
ALTERNATIVE = F_ALTERNATIVE
CONTEXT = F_CONTEXT
SPOKEN = F_SPOKEN
SPOKEN_PLUS = F_SPOKEN_PLUS
URL_CARRY = CARRY_URL
HOLDBACK_CODE_POINTS = HOLDBACK
LOOKBEHIND_CODE_POINTS = LOOKBEHIND


def context_score(str text, Py_ssize_t start, Py_ssize_t end, int type_id):
    """(context found, score, vetoed) of a span as the scanner would score it: for a
    tentative candidate once it has been validated. Vetoed: one of the type's veto words
    is in its window before the span ("order 7715577113" is no phone number)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef unsigned long long before = ~0ULL
    cdef bint ctx
    if not (0 <= start <= end <= n and 0 <= type_id < N_TYPES):
        raise ValueError("span or type outside the text or the table")
    cdef Py_ssize_t lim = min(n, start + LOOKAHEAD)
    if kind == PyUnicode_1BYTE_KIND:
        ctx = has_context(<const Py_UCS1*>data, n, start, end, lim, type_id, &before)
    elif kind == PyUnicode_2BYTE_KIND:
        ctx = has_context(<const Py_UCS2*>data, n, start, end, lim, type_id, &before)
    else:
        ctx = has_context(<const Py_UCS4*>data, n, start, end, lim, type_id, &before)
    return ctx, scored(type_id, ctx), bool((before >> (type_id + VETO_SHIFT)) & 1)


def scan(str text, Py_ssize_t start=0, unsigned int types=ALL_TYPES, bint final=True,
         int carry=0, bint day_first=False):
    """Find entity spans in `text` from code point `start` on.

    Text before `start` is read only as context. Returns ``(spans, resume,
    carry)``: spans are ``(start, end, type_id, flags, score, aux)`` tuples in
    code points, sorted by start. Unless `final`, the scan stops short of
    the end, at `resume`, where nothing found so far can change; scan again
    from there with the returned `carry` once more text has arrived.
    """
    cdef Options opt
    cdef SpanVec vec
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), resume = n, i
    cdef int kind = PyUnicode_KIND(text), rc
    cdef int state = carry
    cdef const void* data = PyUnicode_DATA(text)
    if not 0 <= start <= n:
        raise ValueError("start is outside the text")
    opt.types = types
    opt.day_first = day_first
    opt.final = final
    vec.items = NULL
    vec.size = 0
    vec.capacity = 0
    try:
        if n - start > RELEASE_GIL_ABOVE:
            with nogil:
                rc = scan_kind(kind, data, n, start, &opt, &state, &vec, &resume)
        else:  # releasing the GIL costs a thread switch: not worth it for a short text
            rc = scan_kind(kind, data, n, start, &opt, &state, &vec, &resume)
        if rc < 0:
            raise MemoryError()
        # the tuples hold numbers only: no cycle to collect while they are made
        gc_was_on = PyGC_Disable()
        try:
            spans = [(vec.items[i].start, vec.items[i].end, vec.items[i].type_id,
                      vec.items[i].flags, vec.items[i].score, vec.items[i].aux)
                     for i in range(vec.size)]
        finally:
            if gc_was_on:
                PyGC_Enable()
    finally:
        free(vec.items)
    return spans, resume, state


init_classes()
init_keywords()
init_iban()
init_pairs()
init_countries()
init_fold()
init_gazetteer()
init_number_start()
init_prev2()
init_city_endings()
