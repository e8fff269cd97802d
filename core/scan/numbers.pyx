# Card and national numbers: payment cards (issuer ranges, lengths, Luhn), expiry dates,
# CVV and PIN; SSNs, ages, the ID numbers told apart by their context (passport, driver's
# licence, bank account); phone candidates (digit groups shaped like a phone number, which
# the caller validates).
# Included into core/_scan.pyx; declarations in numbers.pxd.

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


cdef inline bint clock_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t stop,
                            Py_ssize_t lim) noexcept nogil:
    # the number is joined to another by ':' ("12:30", "10:30:05"): a time, not a lone number
    return ((at(s, pos - 1, n) == 58 and is_digit(at(s, pos - 2, n)))
            or (stop + 1 < lim and s[stop] == 58 and is_digit(s[stop + 1])))


cdef bint age_phrase(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # after an age's digits: " years old", "-year-old", " yrs old", "-yr-old", " years of
    # age", " y/o", " y.o.", " yo"
    if not (i < lim and (s[i] == 32 or s[i] == 45)):
        return False
    i += 1
    if starts_with(s, i, lim, b"y/o") or starts_with(s, i, lim, b"yo"):
        return not word_at(s, i + (3 if at(s, i + 1, n) == 47 else 2), n)
    if starts_with(s, i, lim, b"y.o.") and not word_at(s, i + 4, n):
        return True
    if starts_with(s, i, lim, b"year"):
        i += 4
    elif starts_with(s, i, lim, b"yr"):
        i += 2
    else:
        return False
    if i < lim and lower(s[i]) == 115:
        i += 1
    if not (i < lim and (s[i] == 32 or s[i] == 45)):
        return False
    i += 1
    if starts_with(s, i, lim, b"old") and not word_at(s, i + 3, n):
        return True
    return s[i - 1] == 32 and starts_with(s, i, lim, b"of age") and not word_at(s, i + 6, n)


cdef const char* AGE_PERSONS[3]  # one person: "we are 3" counts people
AGE_PERSONS[:] = [b"i", b"he", b"she"]
cdef const char* AGE_VERBS[6]
AGE_VERBS[:] = [b"was", b"is", b"am", b"turn", b"turns", b"turning"]
# words that may follow an age that ends its clause ("when I was 23 when ...", "he is 30 now")
cdef const char* AGE_FOLLOWERS[18]
AGE_FOLLOWERS[:] = [b"when", b"and", b"but", b"now", b"so", b"in", b"at", b"this", b"next", b"last",
                    b"soon", b"today", b"then", b"with", b"or", b"too", b"already", b"back"]


cdef inline bint word_in(const uchar_t* s, Py_ssize_t i, Py_ssize_t e, const char** words,
                         int count) noexcept nogil:
    # s[i:e], case-insensitive, is one of the lower-case `words`
    cdef int k
    for k in range(count):
        if <Py_ssize_t>strlen(words[k]) == e - i and starts_with(s, i, e, words[k]):
            return True
    return False


cdef inline Py_ssize_t letters_before(const uchar_t* s, Py_ssize_t n, Py_ssize_t e) noexcept nogil:
    # the start of the run of at most 8 ASCII letters that ends at e; e when none or longer
    cdef Py_ssize_t i = e
    while i > 0 and e - i < 9 and is_letter(s[i - 1]):
        i -= 1
    return e if e - i > 8 or word_at(s, i - 1, n) else i


cdef bint age_clause(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t stop,
                     Py_ssize_t lim) noexcept nogil:
    # "when he was 23", "I'm 24.", "I'll turn 46", "she is 30 now": a person and a form of
    # "be" (or a form of "turn") right before a number that ends its clause (one person:
    # "we are 3" counts people)
    cdef Py_ssize_t e = pos - 1, i, j
    cdef Py_UCS4 last = lower(at(s, e - 1, n))
    if at(s, e, n) != 32 or not (last == 115 or last == 109 or last == 110 or last == 103):
        return False  # no word ending as "was", "is", "am", "'m", "turn", "turning" does
    i = letters_before(s, n, e)
    if i == e:
        return False
    if word_in(s, i, e, AGE_VERBS + 3, 3):
        return age_clause_ends(s, n, stop, lim)  # "turn 46", "turning 30"
    if e - i == 1 and (lower(s[i]) == 109 or lower(s[i]) == 115) and (at(s, i - 1, n) == 39 or at(s, i - 1, n) == 0x2019):
        j = letters_before(s, n, i - 1)   # "i'm", "he's", "she's"
        return j < i - 1 and word_in(s, j, i - 1, AGE_PERSONS, 3) and age_clause_ends(s, n, stop, lim)
    if not word_in(s, i, e, AGE_VERBS, 3) or at(s, i - 1, n) != 32:
        return False
    j = letters_before(s, n, i - 1)
    return j < i - 1 and word_in(s, j, i - 1, AGE_PERSONS, 3) and age_clause_ends(s, n, stop, lim)


cdef bint age_clause_ends(const uchar_t* s, Py_ssize_t n, Py_ssize_t stop, Py_ssize_t lim) noexcept nogil:
    # the clause ends after the number: the text's end, punctuation, or a word that starts
    # another part of the sentence ("when", "and", "now", ...)
    cdef Py_ssize_t j
    cdef Py_UCS4 c = at(s, stop, n)
    if c == 0 or c == 46 or c == 44 or c == 59 or c == 33 or c == 63 or c == 41 or c == 10 or c == 13:
        return True
    if c != 32:
        return False
    j = stop + 1
    while j < lim and is_letter(s[j]) and j - stop < 9:
        j += 1
    return not word_at(s, j, n) and word_in(s, stop + 1, j, AGE_FOLLOWERS, 18)


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


# ---- the numeric steps (numeric_at tries them in order; a later one wins by ending further on)

cdef inline void card_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                         const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # 12-19 digits, maybe in groups, Luhn-valid with a known issuer's prefix and length
    cdef int used
    if type_on(opt, T_CREDIT_CARD_NUMBER):
        used = match_card(s, g)
        if used and g.stop[used - 1] > b.end and not word_at(s, g.stop[used - 1], n):
            b.end, b.type_id = g.stop[used - 1], T_CREDIT_CARD_NUMBER


cdef inline void ssn_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                        const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # "123-45-6789", "123 45 6789": a formatted SSN needs no context
    if g.n >= 3 and type_on(opt, T_SSN) and plain_groups(g, 3, b"- .") and not continues(g, 3) \
            and group_len(g, 0) == 3 and group_len(g, 1) == 2 and group_len(g, 2) == 4 \
            and ssn_valid(<int>digits_value(s, g, 0), <int>digits_value(s, g, 1),
                          <int>digits_value(s, g, 2)) \
            and g.stop[2] > b.end and not word_at(s, g.stop[2], n):
        b.end, b.type_id = g.stop[2], T_SSN


cdef inline void expiry_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                           const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # "04/27", "4-2027" after an expiry word
    cdef long long aux
    if type_on(opt, T_CREDIT_CARD_EXPIRATION) and g.n >= 2 and not g.plus and not g.paren[0] \
            and not g.paren[1] and (g.sep[1] == 47 or g.sep[1] == 45) and not continues(g, 2) \
            and g.stop[1] > b.end and not word_at(s, g.stop[1], n):
        aux = expiry_numeric(s, g)
        if aux and has_context_near(s, n, pos, T_CREDIT_CARD_EXPIRATION, &b.before, &b.near):
            b.end, b.type_id, b.aux = g.stop[1], T_CREDIT_CARD_EXPIRATION, aux


cdef inline void short_number_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                 const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # a lone number of up to six digits: a CVV or a PIN by its context, or an age
    cdef int length
    cdef long long age
    if not (g.n == 1 and not g.plus and not g.paren[0] and group_len(g, 0) <= 6 and g.stop[0] > b.end
            and not word_at(s, g.stop[0], n) and not clock_part(s, n, pos, g.stop[0], lim)):
        return
    length = group_len(g, 0)
    if 3 <= length <= 4 and type_on(opt, T_CREDIT_CARD_CVV) \
            and has_context_near(s, n, pos, T_CREDIT_CARD_CVV, &b.before, &b.near):
        b.end, b.type_id = g.stop[0], T_CREDIT_CARD_CVV
        if length == 4 and type_on(opt, T_CREDIT_CARD_PIN) \
                and has_context_near(s, n, pos, T_CREDIT_CARD_PIN, &b.before, &b.near):
            b.type_id = nearer_of(s, n, pos, T_CREDIT_CARD_CVV, T_CREDIT_CARD_PIN)
    elif 4 <= length <= 6 and type_on(opt, T_CREDIT_CARD_PIN) \
            and has_context_near(s, n, pos, T_CREDIT_CARD_PIN, &b.before, &b.near):
        b.end, b.type_id = g.stop[0], T_CREDIT_CARD_PIN
    elif length <= 3 and type_on(opt, T_AGE) and (length == 1 or s[pos] != 48):
        age = digits_value(s, g, 0)
        if age <= 130 and (age_phrase(s, n, g.digits_end[0], lim)
                           or has_context_near(s, n, pos, T_AGE, &b.before, &b.near)
                           or age_clause(s, n, pos, g.stop[0], lim)):
            b.end, b.type_id, b.aux = g.stop[0], T_AGE, age


cdef inline void id_number_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                              const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # where nothing else was read: an ID number by the context word nearest before it
    # (passport, driver's licence, bank account)
    cdef int used, t
    if b.type_id < 0 and not g.plus and not g.paren[0]:
        used = id_groups(g)
        if used:
            t = id_type(s, n, pos, total_digits(g, used), True, opt, &b.near)
            if t >= 0:
                b.end, b.type_id = g.stop[used - 1], t


cdef inline int phone_candidates_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                    const Options* opt, const Groups* g, SpanVec* out,
                                    Py_ssize_t* end) noexcept nogil:
    # up to three phone candidates, longest first, pushed tentative: the caller validates
    # them. 0, or -1 on allocation failure; *end: the longest one's end (no resting inside it)
    cdef int j, used, phones = 0
    cdef Py_ssize_t e
    if not type_on(opt, T_PHONE_NUMBER):
        return 0
    if at(s, pos - 1, n) == 32 and is_digit(at(s, pos - 2, n)):
        return 0  # inside a longer run of digit groups ("9400 1869 1413 8388 9976 29")
    for j in range(g.n, 0, -1):
        e = g.stop[j - 1]
        if e - pos > PHONE_MAX or continues(g, j) or word_at(s, e, n):
            continue
        used = total_digits(g, j)
        if used < 8 or used > 15 or (not g.plus and j == 1 and not 9 <= used <= 11):
            continue
        if not phone_groups(g, j):
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


cdef inline void id_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                       const Options* opt, Best* b) noexcept nogil:
    # letters joined to digits after a passport or licence word: "X12345678", "J 610 392 643 322"
    cdef int letters, digits, t
    cdef Py_ssize_t e
    if type_on(opt, T_PASSPORT_NUMBER) or type_on(opt, T_US_DRIVERS_LICENSE):
        e = read_id(s, n, pos, lim, &letters, &digits)
        if e and letters:
            t = id_type(s, n, pos, letters + digits, False, opt, &b.near)
            if t >= 0:
                b.end, b.type_id = e, t
