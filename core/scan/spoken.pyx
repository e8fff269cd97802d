# Spoken numbers: digits said in words ("four one five ..."), read as the numeric
# detectors would read their digits.
# Included into core/_scan.pyx; declarations in spoken.pxd.

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
    while within(i, lim):
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
        if within(i + 1, lim) and (s[i] == 44 or s[i] == 45 or s[i] == 46) and s[i + 1] == 32:
            i += 2
        elif within(i, lim) and (s[i] == 32 or s[i] == 45):
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
