# National numbers and IDs: SSN, age, and the ID numbers told apart by their
# context (passport, driver's licence, bank account).
# Included into core/_scan.pyx; declarations in national.pxd.

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
