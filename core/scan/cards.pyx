# Payment cards: numbers (issuer ranges, lengths, Luhn), expiry dates, CVV and PIN.
# Included into core/_scan.pyx; declarations in cards.pxd.

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
