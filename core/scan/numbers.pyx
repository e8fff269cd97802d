# Card and national numbers: payment cards (issuer ranges, lengths, Luhn), expiry dates,
# CVV and PIN; SSNs, ages, the ID numbers told apart by their context (passport, driver's
# licence, bank account); phone candidates (digit groups shaped like a phone number, with
# their extension, flagged when a strong cue stands before them; the caller validates them).
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


# Payment card networks: the issuer identification number (IIN) ranges each uses and its card
# lengths, one row per range: (network, first IIN, last IIN, lengths, needs a card word).
# Sources, read 2026-11-26: Wikipedia, "Payment card number", the table of section "Issuer
# identification number (IIN)" (active networks only; read in stored copies of the page, the
# live page was out of reach); cross-checked with the table of braintree/credit-card-type
# (MIT), src/lib/card-types.ts at fbd8ed8 (2026-06-30).
# A number is a card when any row holds its prefix and its length (and it passes Luhn).
# Rows marked True are broad or uncertain ranges: they count only after a card word (card,
# credit, debit, visa, ... within the type's window): Visa's lengths other than 13, 16 and 19
# (ISO/IEC 7812 allows 13-19; Visa issues 16, once 13, and 19), Maestro's whole 50 and 56-69
# (Wikipedia's older row; the networks issue from the listed ranges), the 35 range outside
# JCB's 3528-3589 (RuPay-JCB and LankaPay co-brands; Faker and other generators draw from it),
# and UATP's 1.
CARD_ISSUERS = (
    ("Visa", "4", "4", (13, 16, 19), False),
    ("Visa", "4", "4", (14, 15, 17, 18), True),
    ("Mastercard", "51", "55", (16,), False),
    ("Mastercard", "2221", "2720", (16,), False),
    ("American Express", "34", "34", (15,), False),
    ("American Express", "37", "37", (15,), False),
    ("Discover", "6011", "6011", (16, 17, 18, 19), False),
    ("Discover", "644", "649", (16, 17, 18, 19), False),
    ("Discover", "65", "65", (16, 17, 18, 19), False),
    ("Diners Club International", "300", "305", (14, 15, 16, 17, 18, 19), False),
    ("Diners Club International", "3095", "3095", (14, 15, 16, 17, 18, 19), False),
    ("Diners Club International", "36", "36", (14, 15, 16, 17, 18, 19), False),
    ("Diners Club International", "38", "39", (14, 15, 16, 17, 18, 19), False),
    ("JCB", "3528", "3589", (16, 17, 18, 19), False),
    ("JCB", "1800", "1800", (15,), False),
    ("JCB", "2131", "2131", (15,), False),
    ("JCB co-brands", "35", "35", (16, 17, 18, 19), True),
    ("UnionPay", "62", "62", (16, 17, 18, 19), False),
    ("Mir", "2200", "2204", (16, 17, 18, 19), False),
    ("BORICA", "2205", "2205", (16,), False),
    ("RuPay", "60", "60", (16,), False),
    ("RuPay", "81", "82", (16,), False),
    ("RuPay", "508", "508", (16,), False),
    ("RuPay", "353", "353", (16,), False),
    ("RuPay", "356", "356", (16,), False),
    ("LankaPay", "357111", "357111", (16,), False),
    ("Troy", "9792", "9792", (16,), False),
    ("UzCard", "8600", "8600", (16,), False),
    ("Humo", "9860", "9860", (16,), False),
    ("GPN", "1946", "1946", (16, 18, 19), False),
    ("UkrCard", "60400100", "60420099", (16, 17, 18, 19), False),
    ("InterPayment", "636", "636", (16, 17, 18, 19), False),
    ("InstaPayment", "637", "639", (16,), False),
    ("NPS Pridnestrovie", "6054740", "6054744", (16,), False),
    ("Dankort", "5019", "5019", (16,), False),
    ("Maestro", "5018", "5018", tuple(range(12, 20)), False),
    ("Maestro", "5020", "5020", tuple(range(12, 20)), False),
    ("Maestro", "5038", "5038", tuple(range(12, 20)), False),
    ("Maestro", "5893", "5893", tuple(range(12, 20)), False),
    ("Maestro", "6304", "6304", tuple(range(12, 20)), False),
    ("Maestro", "6759", "6759", tuple(range(12, 20)), False),
    ("Maestro", "6761", "6763", tuple(range(12, 20)), False),
    ("Maestro UK", "676770", "676770", tuple(range(12, 20)), False),
    ("Maestro UK", "676774", "676774", tuple(range(12, 20)), False),
    ("Maestro", "50", "50", tuple(range(12, 20)), True),
    ("Maestro", "56", "69", tuple(range(12, 20)), True),
    ("Verve", "506099", "506198", (16, 18, 19), False),
    ("Verve", "507865", "507964", (16, 18, 19), False),
    ("Verve", "650002", "650027", (16, 18, 19), False),
    ("Elo", "401178", "401179", (16,), False),
    ("Elo", "431274", "431274", (16,), False),
    ("Elo", "438935", "438935", (16,), False),
    ("Elo", "451416", "451416", (16,), False),
    ("Elo", "457393", "457393", (16,), False),
    ("Elo", "457631", "457632", (16,), False),
    ("Elo", "504175", "504175", (16,), False),
    ("Elo", "506699", "506778", (16,), False),
    ("Elo", "509000", "509999", (16,), False),
    ("Elo", "627780", "627780", (16,), False),
    ("Elo", "636297", "636297", (16,), False),
    ("Elo", "636368", "636368", (16,), False),
    ("Elo", "650031", "650033", (16,), False),
    ("Elo", "650035", "650051", (16,), False),
    ("Elo", "650405", "650439", (16,), False),
    ("Elo", "650485", "650538", (16,), False),
    ("Elo", "650541", "650598", (16,), False),
    ("Elo", "650700", "650718", (16,), False),
    ("Elo", "650720", "650727", (16,), False),
    ("Elo", "650901", "650978", (16,), False),
    ("Elo", "651652", "651679", (16,), False),
    ("Elo", "655000", "655019", (16,), False),
    ("Elo", "655021", "655058", (16,), False),
    ("Hipercard", "606282", "606282", (16, 17, 18, 19), False),
    ("Hipercard", "3841", "3841", (16, 17, 18, 19), False),
    ("UATP", "1", "1", (15,), True),
)
cdef Issuer ISSUERS[MAX_ISSUERS]
cdef int N_ISSUERS = 0
# the rows that can hold a number, by its first two digits: BY_P2_ROWS[BY_P2_START[p]:BY_P2_START[p + 1]]
cdef unsigned char BY_P2_ROWS[MAX_ISSUERS * 100]
cdef int BY_P2_START[101]


cdef void init_issuers() except *:
    global N_ISSUERS
    cdef int p, at_row = 0
    if len(CARD_ISSUERS) > MAX_ISSUERS:
        raise ImportError("more card issuer rows than MAX_ISSUERS")
    for k, (_, first, last, lengths, needs_word) in enumerate(CARD_ISSUERS):
        if len(first) != len(last) or not 1 <= len(first) <= 8 or not all(12 <= n <= 19 for n in lengths):
            raise ImportError(f"card issuer row {k}: bad IIN range or length")
        ISSUERS[k].lo = int(first)
        ISSUERS[k].hi = int(last)
        ISSUERS[k].width = len(first)
        ISSUERS[k].lengths = sum(1 << n for n in lengths)
        ISSUERS[k].needs_word = needs_word
    N_ISSUERS = len(CARD_ISSUERS)
    for p in range(100):
        BY_P2_START[p] = at_row
        for k, (_, first, last, _, _) in enumerate(CARD_ISSUERS):
            if first[:2] <= f"{p:02d}"[:len(first)] <= last[:2]:
                BY_P2_ROWS[at_row] = k
                at_row += 1
    BY_P2_START[100] = at_row


cdef int prefix(const int* d, int k) noexcept nogil:
    cdef int i, v = 0
    for i in range(k):
        v = v * 10 + d[i]
    return v


cdef bint issuer_length(const int* d, int n) noexcept nogil:
    # a row that needs no card word holds the number's prefix and length
    return issuer(d, n) == 2


cdef int issuer(const int* d, int n) noexcept nogil:
    # 2: a row holds the number's prefix and length; 1: only rows that need a card word; 0: none
    cdef int r, k, w, best = 0
    cdef int p[9]
    p[0] = 0
    for w in range(1, 9):
        p[w] = p[w - 1] * 10 + d[w - 1]
    for r in range(BY_P2_START[p[2]], BY_P2_START[p[2] + 1]):
        k = BY_P2_ROWS[r]
        w = ISSUERS[k].width
        if ISSUERS[k].lo <= p[w] <= ISSUERS[k].hi and (ISSUERS[k].lengths >> n) & 1:
            if not ISSUERS[k].needs_word:
                return 2
            best = 1
    return best


cdef bint card_groups(const Groups* g, int j) noexcept nogil:
    # a card written in groups: one of " -" throughout, a first group of 4-6 digits, the
    # others of 2-7; the last may be shorter when all others have four ("4222 2222 2222 2")
    cdef int k
    cdef bint fours = True
    if not (plain_groups(g, j, b" -") and 4 <= group_len(g, 0) <= 6 and groups_between(g, 1, j - 1, 2, 7)):
        return False
    for k in range(j - 1):
        fours = fours and group_len(g, k) == 4
    return 2 <= group_len(g, j - 1) <= 7 or (fours and group_len(g, j - 1) >= 1)


cdef bint card_word_before(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # a card word (lexicon.CARD_WORDS) wholly inside the CARD_WORD_REACH code points before pos
    cdef Py_ssize_t i = pos - CARD_WORD_REACH if pos > CARD_WORD_REACH else 0, w
    cdef unsigned int h
    while i < pos and is_letter(at(s, i - 1, n)) and is_letter(s[i]):
        i += 1  # a word cut by the edge does not count
    while True:
        i = next_word(s, i, pos, &w, &h)
        if w == pos or (i == pos and is_letter(at(s, pos, n))):
            return False
        if cue_kinds(s, w, i) & CUE_CARD:
            return True


cdef int match_card(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Groups* g) noexcept nogil:
    # groups used, or 0: 12-19 digits, Luhn, a known issuer's prefix and length (and, when
    # only a broad range holds it, a card word before it and the number not inside a longer
    # run of digit groups); the most groups that read so
    cdef int j, k, found
    cdef int d[MAX_GROUPS * 20]
    cdef bint inside = at(s, pos - 1, n) == 32 and is_digit(at(s, pos - 2, n))
    if g.plus or g.paren[0]:
        return 0
    for j in range(g.n, 0, -1):
        k = total_digits(g, j)
        if k < 12 or k > 19 or continues(g, j) or (j > 1 and not card_groups(g, j)):
            continue
        collect_digits(s, g, j, d)
        if not luhn(d, k):
            continue
        found = issuer(d, k)
        if found == 2 or (found == 1 and not inside and card_word_before(s, n, pos)):
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
    if within(g + 3, lim) and is_digit(s[g]) and is_digit(s[g + 1]) and is_digit(s[g + 2]) \
            and is_digit(s[g + 3]) and not word_at(s, g + 4, n):
        year = (<int>s[g] - 48) * 1000 + (<int>s[g + 1] - 48) * 100 + (<int>s[g + 2] - 48) * 10 + <int>s[g + 3] - 48
        if year < 2000 or year > 2099:
            return 0
        e = g + 4
    elif within(g + 1, lim) and is_digit(s[g]) and is_digit(s[g + 1]) and not word_at(s, g + 2, n):
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
            or (within(stop + 1, lim) and s[stop] == 58 and is_digit(s[stop + 1])))


cdef bint age_phrase(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # after an age's digits: " years old", "-year-old", " yrs old", "-yr-old", " years of
    # age", " y/o", " y.o.", " yo"
    if not (within(i, lim) and (s[i] == 32 or s[i] == 45)):
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
    if within(i, lim) and lower(s[i]) == 115:
        i += 1
    if not (within(i, lim) and (s[i] == 32 or s[i] == 45)):
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
    while within(j, lim) and is_letter(s[j]) and j - stop < 9:
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
    while within(j, lim) and letters[0] + digits[0] <= 16:
        if is_digit(s[j]):
            digits[0] += 1
        elif is_letter(s[j]):
            letters[0] += 1
            if s[j] <= 90:
                uppers += 1
            else:
                lowers += 1
        elif (s[j] == 45 or s[j] == 32) and (digits[0] or j == i + 1) and within(j + 1, lim) \
                and is_digit(s[j + 1]):
            k = j + 1
            while within(k, lim) and is_digit(s[k]):
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


# ---- phone candidates: their shapes, extensions and the strong cues before them

cdef int idd_digits(const uchar_t* s, const Groups* g, int j) noexcept nogil:
    # an international call prefix before the country code in groups 0..j-1, as digits:
    # "00" (ITU) opening a first group of up to five ("0044 20 ...", "00 44 20 ...") or "011"
    # (North America) as a group of its own ("011 44 20 ..."), other groups following; 0
    # when there is none. An unbroken "0044..." is no international candidate of its own
    # (leading zeros open many IDs): as a national one, its "00" is still read as a prefix
    cdef Py_ssize_t i = g.start[0]
    cdef int k = group_len(g, 0)
    if j < 2 or g.plus or g.paren[0] or s[i] != 48 or k < 2 or g.sep[1] == 47 or g.sep[1] == 40:
        return 0
    if k <= 5 and s[i + 1] == 48:
        return 2
    return 3 if k == 3 and s[i + 1] == 49 and s[i + 2] == 49 else 0


cdef bint phone_groups(const Groups* g, int j, int idd) noexcept nogil:
    # the groups of a phone number. After '+' or an international prefix: any groups ("+49
    # 1741234567", "+33(0)644444444", "+971 900 2 34544") but no '/'. National: groups of 2-10
    # digits after the first (or in parentheses), one '/' only right after a first group of
    # 2-5 ("030/123456", "506/312-4312"); two groups end in 3+ ("66247.99" is money)
    cdef int k
    for k in range(1, j):
        if g.sep[k] == 47 and (g.plus or idd or k != 1 or g.paren[0] or not 2 <= group_len(g, 0) <= 5):
            return False
        if not (g.plus or idd or 2 <= group_len(g, k) <= 10 or g.paren[k]):
            return False
    return g.plus or idd or j != 2 or group_len(g, 1) >= 3


cdef inline Py_ssize_t phone_extension(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # the end of an extension after a number that ends at e ("x068", " ext. 45", " extension
    # 12", " #123": a marker after at most one space, 1-6 digits ending a word), or 0
    cdef Py_ssize_t i = e, k
    if not within(e, lim) or not (s[e] == 32 or s[e] == 35 or lower(s[e]) == 120):
        return 0  # the common case, cheaply: no marker, no space
    if s[i] == 32:
        i += 1
    if starts_with(s, i, lim, b"extension"):
        i += 9
    elif starts_with(s, i, lim, b"ext"):
        i += 3
        if within(i, lim) and s[i] == 46:
            i += 1
    elif within(i, lim) and (s[i] == 35 or lower(s[i]) == 120):
        i += 1
    else:
        return 0
    if within(i, lim) and s[i] == 32:
        i += 1
    k = i
    while within(i, lim) and is_digit(s[i]) and i - k <= 6:
        i += 1
    if not 1 <= i - k <= 6 or word_at(s, i, n):
        return 0
    return i


# the words strong phone cues are made of, and the card words (core/lexicon.py), by kind
cdef CueSlot CUE_TABLE[CUE_SLOTS]
_cue_bytes = []  # owns the bytes CUE_TABLE's pointers point into


cdef void init_cue_words() except *:
    from redactd.core import lexicon
    cdef unsigned int h
    cdef int k, slot
    cdef bytes b
    classes = ((lexicon.PHONE_CUE_WORDS, CUE_WORD), (lexicon.PHONE_CUE_FILLERS, CUE_FILLER),
               (("number",), CUE_NUMBER), (lexicon.PHONE_CUE_VERBS, CUE_VERB), (("me",), CUE_ME),
               (("at", "on"), CUE_AT), (("my",), CUE_MY), (lexicon.PHONE_CUE_NOT_PHONE, CUE_NOT),
               (lexicon.CARD_WORDS, CUE_CARD))
    kinds = {}
    for words, kind in classes:
        for word in words:
            if not (word.isascii() and word.isalpha() and word.islower() and len(word) <= CUE_WORD_MAX):
                raise ImportError(f"cue word {word!r}: not lower-case ASCII letters, at most {CUE_WORD_MAX}")
            kinds[word] = kinds.get(word, 0) | kind
    if len(kinds) > CUE_SLOTS // 2:
        raise ImportError("too many cue words for their table")
    for slot in range(CUE_SLOTS):
        CUE_TABLE[slot].hash = 0
    for word, kind in kinds.items():
        b = word.encode()
        _cue_bytes.append(b)  # the table points into these bytes
        h = FNV_OFFSET
        for k in range(len(b)):
            h = fnv_step(h, b[k])
        slot = h & (CUE_SLOTS - 1)
        while CUE_TABLE[slot].hash:
            slot = (slot + 1) & (CUE_SLOTS - 1)
        CUE_TABLE[slot].hash = h
        CUE_TABLE[slot].length = len(b)
        CUE_TABLE[slot].kinds = kind
        CUE_TABLE[slot].word = b


cdef int cue_kinds(const uchar_t* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    # the cue classes of the word s[a:b] (ASCII letters), or 0
    cdef unsigned int h = FNV_OFFSET
    cdef Py_ssize_t i
    cdef int k, j
    for i in range(a, b):
        h = fnv_step(h, s[i])
    k = h & (CUE_SLOTS - 1)
    while CUE_TABLE[k].hash:
        if CUE_TABLE[k].hash == h and CUE_TABLE[k].length == b - a:
            for j in range(CUE_TABLE[k].length):
                if lower(s[a + j]) != <Py_UCS4>CUE_TABLE[k].word[j]:
                    return 0
            return CUE_TABLE[k].kinds
        k = (k + 1) & (CUE_SLOTS - 1)
    return 0


cdef inline bint cue_gap(Py_UCS4 c) noexcept nogil:
    # between a cue and its number: " \t:.#-="
    return c == 32 or c == 9 or c == 58 or c == 46 or c == 35 or c == 45 or c == 61


cdef bint cue_phrase(const int* kinds, int k) noexcept nogil:
    # kinds[0] is the word nearest the number: a cue word after at most two fillers ("Mobile
    # number is"); "my", maybe one word that names no other number, and "number" ("my number
    # is", "my Japanese number is"); a verb, "me" and "at" or "on" ("call me at")
    cdef int f = 0
    cdef bint number = False
    while f < k and f < 2 and kinds[f] & CUE_FILLER:
        number = number or (kinds[f] & CUE_NUMBER) != 0
        f += 1
    if f < k and kinds[f] & CUE_WORD:
        return True
    if number and f < k and (kinds[f] & CUE_MY or (f + 1 < k and kinds[f + 1] & CUE_MY
                                                    and not kinds[f] & (CUE_NOT | CUE_FILLER))):
        return True
    if k >= 3 and kinds[0] & CUE_AT and kinds[1] & CUE_ME and kinds[2] & CUE_VERB:
        return True
    return k >= 2 and kinds[0] & CUE_ME and kinds[1] & CUE_VERB


cdef bint phone_cue(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # a strong phone cue ends right before pos (at most three of " \t:.#-=" between): its
    # words, nearest first, each a whole run of ASCII letters, one space (or ". ") apart,
    # within PHONE_CUE_REACH code points
    cdef Py_ssize_t i = pos, b, lo = pos - PHONE_CUE_REACH if pos > PHONE_CUE_REACH else 0
    cdef int kinds[4]
    cdef int k = 0
    while i > lo and pos - i < 3 and cue_gap(s[i - 1]):
        i -= 1
    while k < 4:
        b = i
        while i > lo and is_letter(s[i - 1]):
            i -= 1
        if i == b or b - i > CUE_WORD_MAX or word_at(s, i - 1, n):
            break  # no word, or one joined to other word characters or cut by the reach
        kinds[k] = cue_kinds(s, i, b)
        k += 1
        if k == 1 and (kinds[0] == 0 or (kinds[0] & CUE_WORD and not kinds[0] & CUE_FILLER)):
            return kinds[0] != 0  # what cue_phrase says of the nearest word alone: no cue, or one
        if i - 1 > lo and s[i - 1] == 32:
            i -= 1
            if s[i - 1] == 46:
                i -= 1
        else:
            break
    return cue_phrase(kinds, k)


cdef inline bint is_currency(Py_UCS4 c) noexcept nogil:
    # '$' and the currency signs of Latin-1 and of the Currency Symbols block
    return c == 36 or 0xA2 <= c <= 0xA5 or 0x20A0 <= c <= 0x20CF


cdef bint reads_as_other(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim, const Groups* g,
                         int j) noexcept nogil:
    # groups 0..j-1 read as a date ("12.05.2020", "2020-05-12"), a time ("10:30") or an
    # amount ("$ 12 345 678", "12 345 678,50", "12 345 678 EUR"): no phone number, whatever
    # cue stands before them
    cdef Py_ssize_t e = g.stop[j - 1], i
    cdef int a = group_len(g, 0), b, c
    if j == 3 and g.sep[1] == g.sep[2] and (g.sep[1] == 45 or g.sep[1] == 46 or g.sep[1] == 47):
        b, c = group_len(g, 1), group_len(g, 2)
        if (a <= 2 and b <= 2 and (c == 2 or c == 4)) or (a == 4 and b <= 2 and c <= 2):
            return True
    if clock_part(s, n, pos, e, lim):
        return True
    if is_currency(at(s, pos - 1, n)) or (at(s, pos - 1, n) == 32 and is_currency(at(s, pos - 2, n))):
        return True
    if within(e + 1, lim) and s[e] == 44 and is_digit(s[e + 1]):
        return True  # a decimal comma
    i = e + 1 if within(e, lim) and s[e] == 32 else e
    if within(i, lim) and is_currency(s[i]):
        return True
    return (within(i + 2, lim) and 65 <= s[i] <= 90 and 65 <= s[i + 1] <= 90 and 65 <= s[i + 2] <= 90
            and not word_at(s, i + 3, n))  # a currency code ("EUR")


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
        used = match_card(s, n, pos, g)
        if used and g.stop[used - 1] > b.end and not word_at(s, g.stop[used - 1], n):
            b.end, b.type_id = g.stop[used - 1], T_CREDIT_CARD_NUMBER


cdef inline void ssn_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                        const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # "123-45-6789", "123 45 6789": a formatted SSN needs no context; spaced, it is not followed
    # by another spaced group ("011 44 7400 123482" is a phone number)
    if g.n >= 3 and type_on(opt, T_SSN) and plain_groups(g, 3, b"- .") and not continues(g, 3) \
            and not (g.sep[1] == 32 and g.n > 3 and g.sep[3] == 32) and group_len(g, 0) == 3 and group_len(g, 1) == 2 and group_len(g, 2) == 4 \
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
    # (passport, driver's licence, bank account), ending a word
    cdef int used, t
    if b.type_id < 0 and not g.plus and not g.paren[0]:
        used = id_groups(g)
        if used and not word_at(s, g.stop[used - 1], n):
            t = id_type(s, n, pos, total_digits(g, used), True, opt, &b.near)
            if t >= 0:
                b.end, b.type_id = g.stop[used - 1], t


cdef inline int phone_candidates_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                    const Options* opt, const Groups* g, SpanVec* out,
                                    Py_ssize_t* end) noexcept nogil:
    # up to three phone candidates, longest first, pushed tentative: the caller validates
    # them, each with its extension. 7-15 digits (after an international prefix's); a
    # national one of under 8 digits, or of one group outside 9-11, only after a strong cue.
    # Flagged F_PHONE_CUE after a strong cue when they read as nothing else (the caller
    # keeps such a candidate at a lower score when no numbering plan validates it).
    # 0, or -1 on allocation failure; *end: the longest one's end (no resting inside it)
    cdef int j, digits, flags, idd, phones = 0, cue = -1
    cdef Py_ssize_t e, x
    if not type_on(opt, T_PHONE_NUMBER):
        return 0
    if at(s, pos - 1, n) == 32 and is_digit(at(s, pos - 2, n)):
        return 0  # inside a longer run of digit groups ("9400 1869 1413 8388 9976 29")
    for j in range(g.n, 0, -1):
        if continues(g, j):
            continue
        e = g.stop[j - 1]
        x = phone_extension(s, n, e, lim)
        if x and x - pos <= PHONE_MAX:
            e = x
        if e - pos > PHONE_MAX or word_at(s, e, n):
            continue
        idd = idd_digits(s, g, j)
        digits = total_digits(g, j) - idd
        if digits < 7 or digits > 15 or not phone_groups(g, j, idd):
            continue
        if cue < 0:
            cue = phone_cue(s, n, pos)
        flags = F_TENTATIVE | (F_ALTERNATIVE if phones else 0)
        if cue and not reads_as_other(s, n, pos, lim, g, j):
            flags |= F_PHONE_CUE
        elif not (g.plus or idd) and (digits < 8 or (j == 1 and not 9 <= digits <= 11)):
            continue
        # context is looked up later, for the one candidate that validates (context_score)
        if push(out, pos, e, T_PHONE_NUMBER, flags, scored(T_PHONE_NUMBER, False), 0) < 0:
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
