# Context words: the keyword table and the windows before and after a span where a
# type's context (and veto) words are looked for.
# Included into core/_scan.pyx; declarations in context.pxd.

cdef Keywords KW[N_TYPES]
# the types (and veto bits) whose window before reaches back d code points, d <= LOOKBEHIND;
# ... whose window after reaches d code points past a span's end, d <= 32
cdef unsigned long long WITHIN_BEFORE[LOOKBEHIND + 1]
cdef unsigned long long WITHIN_AFTER[33]
_keyword_bytes = []  # owns the bytes KW's pointers point into


cdef void init_keywords() except *:
    import zlib
    names = [row.name for row in ENTITY_TYPES]
    if zlib.crc32(",".join(names).encode()) & 0x7FFFFFFF != TYPE_NAMES_CHECK or len(names) != N_TYPES:
        raise ImportError("redactd.core.entity_types rows do not match the compiled type ids: rebuild the core")
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
        while within(i, b) and is_letter(s[i]):
            i += 1  # a word cut by the edge does not count
    while True:
        i = next_word(s, i, b, &w, &h)
        if not within(w, b) or is_letter(at(s, i, n)):
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


cdef inline int nearest_context(const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                                unsigned long long want, Py_ssize_t reach) noexcept nogil:
    # of the `want` types (windows at most `reach`), the one with a context word in its
    # window nearest before start; -1 when none has one
    cdef int best = -1
    context_scan(s, n, start, reach, want, &best)
    return best
