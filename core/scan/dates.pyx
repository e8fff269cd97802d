# Dates: numeric and written dates, holidays, and when a date is a date of birth.
# Included into core/_scan.pyx; declarations in dates.pxd.

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


cdef int date_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                   Py_ssize_t lim, const Options* opt, unsigned long long* before) noexcept nogil:
    # a date with birth context is a DATE_OF_BIRTH; -1 when neither type is wanted
    if type_on(opt, T_DATE_OF_BIRTH) and has_context(s, n, start, end, lim, T_DATE_OF_BIRTH, before):
        return T_DATE_OF_BIRTH
    return T_DATE if type_on(opt, T_DATE) else -1


cdef Py_ssize_t match_holiday(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim, long long* aux) noexcept nogil:
    # "Christmas", "New Year's Eve", "Memorial Day", maybe with a year; end, or 0
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0, year = 0
    cdef Py_ssize_t e, g, y
    words = longest_phrase(s, n, w0, f0, lim, G_HOLIDAY, &last, &f, &value, True)
    if not words:
        return 0
    e = last.end
    g = gap(s, e, lim, True)
    y = read_year(s, n, g, lim, &year) if g else 0
    if y:
        e = y
    aux[0] = date_aux(year, value // 100, value % 100) if value else date_aux(year, 0, 0)
    return e


cdef inline void date_by_day_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # "3rd of October 1982", "3 Oct": a written date that starts with its day
    cdef long long aux = 0
    cdef Py_ssize_t e
    if is_digit(s[pos]) and g.digits_end[0] - pos <= 2 and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)):
        e = match_written_date(s, n, pos, lim, &aux)
        if e:
            b.end, b.type_id, b.aux = e, T_DATE, aux


cdef inline void numeric_date_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                 const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # 1982-10-03, 10/03/1982, 3.10.1982, 10/3/82
    cdef long long aux = 0
    if type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH):
        if match_numeric_date(s, g, opt.day_first, &aux) and g.stop[2] > b.end and not word_at(s, g.stop[2], n):
            b.end, b.type_id, b.aux = g.stop[2], T_DATE, aux


cdef inline void month_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                          const Options* opt, unsigned char pair, Best* b) noexcept nogil:
    # "October 3, 1982", "Oct 3rd"; with expiry context "Apr 27" is an expiry, not the 27th:
    # the longer reading wins
    cdef Py_ssize_t e = 0, e2
    cdef int t = -1, month = 0
    cdef long long aux = 0, aux2 = 0
    if b.end or not (pair & P_MONTH and read_month(s, n, pos, lim, &month)):
        return
    if type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH):
        e = match_written_date(s, n, pos, lim, &aux)
        t = date_type(s, n, pos, e, lim, opt, &b.before) if e else -1
    if type_on(opt, T_CREDIT_CARD_EXPIRATION):
        e2 = match_expiry_written(s, n, pos, lim, &aux2)
        if e2 and e2 >= e and has_context_before(s, n, pos, T_CREDIT_CARD_EXPIRATION, &b.before):
            e, t, aux = e2, T_CREDIT_CARD_EXPIRATION, aux2
    b.end, b.type_id, b.aux = e, t, aux


cdef inline void holiday_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                            const Options* opt, const Word* w, unsigned int f, Best* b) noexcept nogil:
    # "Christmas", "New Year's Eve 2020"; "born on Christmas Day 1990" is a DATE_OF_BIRTH
    cdef Py_ssize_t e
    if b.type_id < 0 and f & (G_HOLIDAY | G_PREFIX) and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)):
        e = match_holiday(s, n, w, f, lim, &b.aux)
        if e:
            b.type_id = date_type(s, n, pos, e, lim, opt, &b.before)
            if b.type_id >= 0:
                b.end = e
