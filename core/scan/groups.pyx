# Digit groups: a run of digits read once into groups joined by one of " -./" or
# written "(ddd)", for every numeric detector.
# Included into core/_scan.pyx; declarations in groups.pxd.

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
        paren = within(j, lim) and s[j] == 40
        if paren:
            j += 1
        if not within(j, lim) or not is_digit(s[j]):
            return
        g.start[g.n] = j
        while within(j, lim) and is_digit(s[j]):
            j += 1
        g.digits_end[g.n] = j
        if paren:
            if not within(j, lim) or s[j] != 41:
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
            if within(j, lim) and (s[j] == 32 or s[j] == 45):
                j += 1
        elif within(j, lim) and numeric_sep(s[j]):
            sep = s[j]
            j += 1
        elif within(j, lim) and s[j] == 40:
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
