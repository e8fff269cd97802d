# Phone candidates: digit groups shaped like a phone number; the caller validates them.
# Included into core/_scan.pyx; declarations in phones.pxd.

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
