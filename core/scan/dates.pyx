# Dates: numeric and written dates, holidays, and when a date is a date of birth.
# Included into core/_scan.pyx; declarations in dates.pxd.
#
# Numeric dates follow CLDR's date patterns (every locale's short, medium, long and full
# formats): the orders y-M-d, d-M-y and M-d-y, the separators '/', '-', '.', ". " and ' ',
# two- and four-digit years, with and without leading zeros. Written dates follow the
# English locales' patterns ("Mar 15, 2024", "15 March 2024", "Friday, March 15, 2024",
# "15-Mar-2024", "Mar-2024", "March of 2024"). Short forms that are as often something
# else ("11/20", "22.04.", "05/2021", "20161016") need a date word just before them.

cdef const char* MONTHS[24]
MONTHS[:] = [b"january", b"february", b"march", b"april", b"may", b"june", b"july",
             b"august", b"september", b"october", b"november", b"december",
             b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep",
             b"oct", b"nov", b"dec"]


cdef int MONTH_LEN[24]
for _k in range(24):
    MONTH_LEN[_k] = <int>strlen(MONTHS[_k])

cdef const char* WEEKDAYS[14]
WEEKDAYS[:] = [b"monday", b"tuesday", b"wednesday", b"thursday", b"friday", b"saturday", b"sunday",
               b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun"]


# numbers said in words, for dates said aloud: cardinals, then ordinals (from ORDINAL_WORDS on)
cdef const char* DAY_NUMBER_NAMES[48]
DAY_NUMBER_NAMES[:] = [b"one", b"two", b"three", b"four", b"five", b"six", b"seven", b"eight", b"nine",
                   b"ten", b"eleven", b"twelve", b"thirteen", b"fourteen", b"fifteen", b"sixteen",
                   b"seventeen", b"eighteen", b"nineteen", b"twenty", b"thirty", b"forty", b"fifty",
                   b"sixty", b"seventy", b"eighty", b"ninety",
                   b"first", b"second", b"third", b"fourth", b"fifth", b"sixth", b"seventh", b"eighth",
                   b"ninth", b"tenth", b"eleventh", b"twelfth", b"thirteenth", b"fourteenth",
                   b"fifteenth", b"sixteenth", b"seventeenth", b"eighteenth", b"nineteenth",
                   b"twentieth", b"thirtieth"]
cdef int DAY_NUMBER_VALUES[48]
DAY_NUMBER_VALUES[:] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50,
                    60, 70, 80, 90,
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30]
cdef int DAY_NUMBER_LEN[48]
for _k in range(48):
    DAY_NUMBER_LEN[_k] = <int>strlen(DAY_NUMBER_NAMES[_k])


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
    while within(e, lim) and is_letter(s[e]) and e - i < 10:
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


cdef Py_ssize_t read_weekday(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # a whole weekday name or abbreviation ("Friday", "Fri", "Fri."); end, or 0
    cdef Py_ssize_t e = i
    cdef int k
    while within(e, lim) and is_letter(s[e]) and e - i < 10:
        e += 1
    if e - i < 3 or word_at(s, e, n):
        return 0
    for k in range(14):
        if <Py_ssize_t>strlen(WEEKDAYS[k]) == e - i and starts_with(s, i, e, WEEKDAYS[k]):
            return e + 1 if k >= 7 and at(s, e, n) == 46 else e
    return 0


cdef Py_ssize_t read_day(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* day) noexcept nogil:
    # 1-31 as one or two digits, maybe with an ordinal suffix ("3rd"); end, or 0
    cdef Py_ssize_t e = i
    while within(e, lim) and is_digit(s[e]) and e - i < 3:
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
    if not within(i + 3, lim) or word_at(s, i + 4, n):
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
    if comma and within(i, lim) and s[i] == 44:
        i += 1
    e = i
    while within(e, lim) and s[e] == 32 and e - i < 4:
        e += 1
    return e if 1 <= e - i <= 3 else 0


cdef inline Py_ssize_t read_digits(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim, int most,
                                   int* value) noexcept nogil:
    # up to `most` digits at i (more is none); end (i when none)
    cdef Py_ssize_t e = i
    value[0] = 0
    while within(e, lim) and is_digit(s[e]):
        if e - i == most:
            return i
        value[0] = value[0] * 10 + (<int>s[e] - 48)
        e += 1
    return e


cdef inline int two_digit_year(int yy) noexcept nogil:
    return yy + (2000 if yy < 50 else 1900)


cdef Py_ssize_t hyphen_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                            int* year) noexcept nogil:
    # after "15-Mar-": a year of four digits, or of two ("15-Mar-24"); end, or 0
    cdef int v
    cdef Py_ssize_t e = read_year(s, n, i, lim, year)
    if e:
        return e
    e = read_digits(s, i, lim, 2, &v)
    if e - i != 2 or word_at(s, e, n):
        return 0
    year[0] = two_digit_year(v)
    return e


cdef Py_ssize_t match_written_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                                   Py_ssize_t lim, long long* aux) noexcept nogil:
    # "3rd of October 1982", "3 Oct", "15-Mar-2024", "02 Aug,2018", "October 3, 1982",
    # "Oct 3rd", "October 1982", "Mar-2024", "March of 2024"
    cdef int day = 0, month = 0, year = 0
    cdef Py_ssize_t e, g, y
    if is_digit(s[w]):
        e = read_day(s, n, w, lim, &day)
        if e and at(s, e, n) == 45:  # "15-Mar-2024": the year is required
            e = read_month(s, n, e + 1, lim, &month)
            if not e or at(s, e, n) != 45:
                return 0
            e = hyphen_year(s, n, e + 1, lim, &year)
            if not e:
                return 0
        else:
            g = gap(s, e, lim, False) if e else 0
            if g and starts_with(s, g, lim, b"of") and not word_at(s, g + 2, n):
                g = gap(s, g + 2, lim, False)
            e = read_month(s, n, g, lim, &month) if g else 0
            if not e:
                return 0
            g = gap(s, e, lim, True)
            if not g and at(s, e, n) == 44:
                g = e + 1  # "02 Aug,2018"
            y = read_year(s, n, g, lim, &year) if g else 0
            if y:
                e = y
    else:
        e = read_month(s, n, w, lim, &month)
        if e and at(s, e, n) == 45:  # "Mar-2024"
            return month_year(s, n, e + 1, lim, month, aux)
        g = gap(s, e, lim, False) if e else 0
        if not g:
            return 0
        if starts_with(s, g, lim, b"of") and not word_at(s, g + 2, n):  # "March of 2024"
            g = gap(s, g + 2, lim, False)
            return month_year(s, n, g, lim, month, aux) if g else 0
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


cdef inline Py_ssize_t month_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                  int month, long long* aux) noexcept nogil:
    # the year that must follow "Mar-" or "March of "; end, or 0
    cdef int year = 0
    cdef Py_ssize_t e = read_year(s, n, i, lim, &year)
    if e:
        aux[0] = date_aux(year, month, 0)
    return e


cdef Py_ssize_t match_weekday_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                                   Py_ssize_t lim, long long* aux) noexcept nogil:
    # "Friday, March 15, 2024", "Friday 16 November 1962", "Fri, 15 Mar 2024": a weekday
    # belongs to the written date with a day that follows it (a weekday alone is no date)
    cdef Py_ssize_t e = read_weekday(s, n, w, lim), g
    if not e:
        return 0
    g = gap(s, e, lim, True)
    if not g or not within(g, lim):
        return 0
    e = match_written_date(s, n, g, lim, aux)
    return e if e and aux[0] % 100 else 0


cdef Py_ssize_t time_of_day(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # after a date: 'T' or ' ', hh:mm, maybe :ss and a fraction, maybe 'Z' or an offset
    # ("2024-03-15T14:30:00.123Z", "2024-03-15 14:30", "...T14:30:00+01:00"), or after ' '
    # h:mm and AM or PM ("03/15/2024 2:30 PM"); end, or i
    cdef Py_ssize_t e
    cdef int h, m, v
    if not (at(s, i, n) == 84 or at(s, i, n) == 32):
        return i
    e = read_digits(s, i + 1, lim, 2, &h)
    if not (e == i + 3 or (e == i + 2 and s[i] == 32)) or h > 23 or at(s, e, n) != 58 \
            or read_digits(s, e + 1, lim, 2, &m) != e + 3 or m > 59:
        return i  # (a one-digit hour after a space: "03/15/2024 2:30 PM")
    e += 3
    if at(s, e, n) == 58 and read_digits(s, e + 1, lim, 2, &v) == e + 3 and v <= 60:
        e += 3
        if (at(s, e, n) == 46 or at(s, e, n) == 44) and is_digit(at(s, e + 1, n)):
            e += 1
            while within(e, lim) and is_digit(s[e]) and e - i < 40:
                e += 1
    if s[i] == 32 and h <= 12 and at(s, e, n) == 32 and (lower(at(s, e + 1, n)) == 97 or lower(at(s, e + 1, n)) == 112):
        if lower(at(s, e + 2, n)) == 109 and not word_at(s, e + 3, n):
            return e + 3  # " AM", " pm"
        if at(s, e + 2, n) == 46 and lower(at(s, e + 3, n)) == 109 and at(s, e + 4, n) == 46:
            return e + 5  # " a.m.", " p.m."
    if at(s, e, n) == 90:
        e += 1  # 'Z'
    elif (at(s, e, n) == 43 or at(s, e, n) == 45) and read_digits(s, e + 1, lim, 2, &v) == e + 3 and v <= 14:
        e += 3
        if at(s, e, n) == 58 and read_digits(s, e + 1, lim, 2, &v) == e + 3 and v <= 59:
            e += 3
        elif read_digits(s, e, lim, 2, &v) == e + 2 and v <= 59:
            e += 2
    return i if word_at(s, e, n) else e


cdef inline Py_ssize_t date_sep(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, int* sep) noexcept nogil:
    # a numeric date's separator at i: '/', '-', '.', ". " (SEP_DOT_SPACE) or ' '; after it
    cdef Py_UCS4 c = at(s, i, n)
    if c == 46 and at(s, i + 1, n) == 32 and is_digit(at(s, i + 2, n)):
        sep[0] = SEP_DOT_SPACE
        return i + 2
    sep[0] = <int>c
    return i + 1 if c == 47 or c == 45 or c == 46 or c == 32 else 0


cdef Py_ssize_t match_numeric_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                   bint day_first, long long* aux, int* doubt) noexcept nogil:
    # three numbers in one of CLDR's orders: y-M-d (a four-digit year, or two digits over 31
    # first), d-M-y and M-d-y (month first with '/' or '-', unless day_first or the first is
    # over 12; day first with '.', ". " and ' ', as every locale writes those); end,
    # or 0. A two-digit year after the day and month may be a version (DOUBT_VERSION), and
    # with '.' or '-' and a one-digit day and month ("5.4.87"), or in "11.6.13", it needs a
    # date word (DOUBT_CUE); ' ' only in "1 07 1968" and "23/11 2024". A date goes on into
    # a time of day; a year-first dotted date or one written with ". " takes its closing
    # '.' ("2024. 11. 23.")
    cdef int a, b, c, sep, sep2, year, month, day, t
    cdef Py_ssize_t i, j, e, la, lb, lc
    doubt[0] = 0
    i = read_digits(s, pos, lim, 4, &a)
    la = i - pos
    if la == 0 or la == 3:
        return 0
    j = date_sep(s, n, i, &sep)
    if not j:
        return 0
    if la == 4 and sep != 32 and sep != SEP_DOT_SPACE and is_letter(at(s, j, n)):
        return year_month_name(s, n, j, lim, a, sep, aux)  # "2019/aug/01"
    e = read_digits(s, j, lim, 2, &b)
    lb = e - j
    if lb == 0:
        return 0
    j = date_sep(s, n, e, &sep2)
    if not j or not (sep2 == sep or (sep == 47 and sep2 == 32)):
        return 0
    e = read_digits(s, j, lim, 4, &c)
    lc = e - j
    if lc == 0 or lc == 3:
        return 0
    if la == 4:                                   # y-M-d
        if lc > 2 or sep == 32 or sep2 != sep:
            return 0
        year, month, day = a, b, c
    elif a > 31 and la == 2:                      # yy-M-d: "58/03/12", "99. 9. 9."
        if lc > 2 or not (sep == 47 or sep == 45 or sep == SEP_DOT_SPACE) or sep2 != sep:
            return 0
        year, month, day = two_digit_year(a), b, c
    else:                                         # d-M-y, M-d-y
        if lc == 2:
            if sep2 != sep or sep == 32:
                return 0
            # a two-digit year: "16.3.12" after "package" is a version; "11.6.13" and
            # "5.4.87" are as often versions as dates: a date word before them, or a day that
            # cannot be a month ("21.5.21")
            doubt[0] = DOUBT_VERSION | (DOUBT_CUE if (sep == 46 and lb == 1 and a <= 12)
                                        or ((sep == 46 or sep == 45) and la == 1 and lb == 1) else 0)
            c = two_digit_year(c)
        elif lc != 4 or (sep == 32 and lb != 2) or (sep2 != sep and lb != 2):
            return 0
        month, day, year = a, b, c
        if day_first or month > 12 or sep == 46 or sep == SEP_DOT_SPACE or sep == 32:  # no locale writes M.d.y
            t = month
            month = day
            day = t
    if year < 1000 or year > 2999 or month < 1 or month > 12 or day < 1 or day > days_in(month, year):
        return 0
    # not part of a longer number ("1982-10-03-01", "1. 2. 3. 4")
    if (at(s, e, n) == 45 or at(s, e, n) == 47 or at(s, e, n) == 46) and is_digit(at(s, e + 1, n)):
        return 0
    if (sep == 32 or sep == SEP_DOT_SPACE) and at(s, e + (sep == SEP_DOT_SPACE), n) == 32 \
            and is_digit(at(s, e + 1 + (sep == SEP_DOT_SPACE), n)):
        return 0
    if sep == 32 and at(s, pos - 1, n) == 32 and is_digit(at(s, pos - 2, n)):
        return 0  # inside a longer run of digit groups
    aux[0] = date_aux(year, month, day)
    j = time_of_day(s, n, e, lim) if sep != SEP_DOT_SPACE and sep != 32 else e
    if j > e:
        return j
    if at(s, e, n) == 46 and not word_at(s, e + 1, n) and (sep == SEP_DOT_SPACE or (la == 4 and sep == 46)):
        e += 1
    return 0 if word_at(s, e, n) else e


cdef Py_ssize_t year_month_name(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                int year, int sep, long long* aux) noexcept nogil:
    # "2019/aug/01", "2019-Aug-01": a year, a month's name, a day, one separator; end, or 0
    cdef int month = 0, day
    cdef Py_ssize_t e = read_month(s, n, i, lim, &month), j
    if not e or at(s, e, n) != <Py_UCS4>sep or year < 1000 or year > 2999:
        return 0
    j = read_digits(s, e + 1, lim, 2, &day)
    if j == e + 1 or word_at(s, j, n) or day < 1 or day > days_in(month, year):
        return 0
    if (at(s, j, n) == 45 or at(s, j, n) == 47 or at(s, j, n) == 46) and is_digit(at(s, j + 1, n)):
        return 0
    aux[0] = date_aux(year, month, day)
    return j


cdef Py_ssize_t match_short_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                 bint day_first, long long* aux) noexcept nogil:
    # the forms that need a date word before them (the caller looks): "11/20", "22/04"
    # (month and day, one of them two digits), "22.04." (day and month, German style),
    # "05/2021" and "2021-05" (month and year), "20161016" (yyyymmdd); end, or 0
    cdef int a, b, sep, month, day, t
    cdef Py_ssize_t i, j, e, la, lb
    i = read_digits(s, pos, lim, 8, &a)
    la = i - pos
    if la == 8:
        month = a // 100 % 100
        day = a % 100
        t = a // 10000
        if t < 1900 or t > 2099 or month < 1 or month > 12 or day < 1 or day > days_in(month, t):
            return 0
        e = i
        aux[0] = a
    else:
        if la == 0 or la == 3 or la > 4 or not (at(s, i, n) == 47 or at(s, i, n) == 46 or at(s, i, n) == 45):
            return 0
        sep = <int>s[i]
        e = read_digits(s, i + 1, lim, 4, &b)
        lb = e - i - 1
        if la == 4:                                                  # "2021-05"
            if sep == 46 or lb != 2 or b < 1 or b > 12 or a < 1000 or a > 2999:
                return 0
            aux[0] = date_aux(a, b, 0)
        elif lb == 4 and a >= 1 and a <= 12 and b >= 1000 and b <= 2999:  # "05/2021"
            aux[0] = date_aux(b, a, 0)
        elif sep == 47 and (lb == 2 or (lb == 1 and la == 2)):      # "11/20", "22/04"
            month, day = a, b
            if day_first or month > 12:
                t = month
                month = day
                day = t
            if month < 1 or month > 12 or day < 1 or day > days_in(month, 0):
                return 0
            aux[0] = date_aux(0, month, day)
        elif sep == 46 and la == 2 and lb == 2 and at(s, e, n) == 46 and not is_digit(at(s, e + 1, n)):
            if b < 1 or b > 12 or a < 1 or a > days_in(b, 0):       # "22.04."
                return 0
            aux[0] = date_aux(0, b, a)
            e += 1
        else:
            return 0
    if word_at(s, e, n) or ((at(s, e, n) == 45 or at(s, e, n) == 47 or at(s, e, n) == 46)
                            and is_digit(at(s, e + 1, n))):
        return 0
    return e


cdef Py_ssize_t number_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                            int* value, bint* ordinal) noexcept nogil:
    # one number said in a word ("three", "twenty", "third", "twentieth"); end, or 0
    cdef Py_ssize_t e = i
    cdef int k
    while within(e, lim) and is_letter(s[e]) and e - i < 12:
        e += 1
    if e - i < 3 or word_at(s, e, n):
        return 0
    for k in range(48):
        if DAY_NUMBER_LEN[k] == e - i and starts_with(s, i, e, DAY_NUMBER_NAMES[k]):
            value[0] = DAY_NUMBER_VALUES[k]
            ordinal[0] = k >= ORDINAL_WORDS
            return e
    return 0


cdef Py_ssize_t number_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                             int* value, bint* ordinal) noexcept nogil:
    # 1-99 said in words: "five", "twenty five", "twenty-fifth", "thirty first"; end, or 0
    cdef int unit = 0
    cdef bint unit_ordinal = False
    cdef Py_ssize_t e = number_word(s, n, i, lim, value, ordinal), e2
    if e and not ordinal[0] and value[0] >= 20 and (at(s, e, n) == 32 or at(s, e, n) == 45):
        e2 = number_word(s, n, e + 1, lim, &unit, &unit_ordinal)
        if e2 and unit <= 9:
            value[0] += unit
            ordinal[0] = unit_ordinal
            e = e2
    return e


cdef Py_ssize_t year_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           int* year) noexcept nogil:
    # a year said in words: "nineteen eighty six", "twenty twenty-one", "nineteen oh five",
    # "nineteen hundred", "two thousand and five", "two thousand"; end, or 0
    cdef int a = 0, v = 0
    cdef bint ordinal = False
    cdef Py_ssize_t e = number_word(s, n, i, lim, &a, &ordinal), j, k
    if not e or ordinal or at(s, e, n) != 32:
        return 0
    j = e + 1
    if a == 2 and starts_with(s, j, lim, b"thousand") and not word_at(s, j + 8, n):
        year[0] = 2000
        e = j + 8
        k = e + 1
        if at(s, e, n) == 32 and starts_with(s, k, lim, b"and ") :
            k += 4
        j = number_words(s, n, k, lim, &v, &ordinal) if at(s, e, n) == 32 else 0
        if j and not ordinal:
            year[0] += v
            e = j
        return e
    if a < 10 or a > 20:
        return 0
    if starts_with(s, j, lim, b"hundred") and not word_at(s, j + 7, n):
        year[0] = a * 100
        return j + 7
    if starts_with(s, j, lim, b"oh ") :
        e = number_word(s, n, j + 3, lim, &v, &ordinal)
        if not e or ordinal or v > 9:
            return 0
    else:
        e = number_words(s, n, j, lim, &v, &ordinal)
        if not e or ordinal or v < 10:
            return 0
    year[0] = a * 100 + v
    return e


cdef Py_ssize_t said_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                          int* year) noexcept nogil:
    # after a day said aloud: maybe ',', spaces, a year in digits or words; its end, or i
    cdef Py_ssize_t g = gap(s, i, lim, True), e
    if not g or not within(g, lim):
        return i
    e = read_year(s, n, g, lim, year)
    if not e:
        e = year_words(s, n, g, lim, year)
    return e if e else i


cdef inline bint said_day_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # cheap: the word at pos is followed by " of ", by '-', or has six letters and a space
    # ("twenty first"): a day said aloud may start here (most capitalised words stop here)
    cdef Py_ssize_t e = pos
    while e - pos < 12 and is_letter(at(s, e, n)):
        e += 1
    return (at(s, e, n) == 32 and ((at(s, e + 1, n) == 111 and at(s, e + 2, n) == 102 and at(s, e + 3, n) == 32)
                                   or e - pos == 6)) or at(s, e, n) == 45


cdef Py_ssize_t match_said_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                                long long* aux) noexcept nogil:
    # a date said aloud: "March third", "March the twenty-first, 1990", "January twenty five
    # nineteen eighty six" (a day said as a number needs its year), "third of March",
    # "twenty fifth of December two thousand and five"; end, or 0
    cdef int day = 0, month = 0, year = 0
    cdef bint ordinal = False
    cdef Py_ssize_t e, g
    e = read_month(s, n, w, lim, &month)
    if e:
        if month == 5 and s[w] == 109 and e - w == 3:
            return 0  # "you may first ..."
        g = gap(s, e, lim, False)
        if g and starts_with(s, g, lim, b"the") and not word_at(s, g + 3, n):
            g = gap(s, g + 3, lim, False)
        e = number_words(s, n, g, lim, &day, &ordinal) if g else 0
        if not e or day > 31:
            return 0
        g = said_year(s, n, e, lim, &year)
        if g == e and not ordinal:
            return 0
        e = g
    else:
        e = number_words(s, n, w, lim, &day, &ordinal)
        if not e or not ordinal or day > 31 or at(s, e, n) != 32 or not starts_with(s, e + 1, lim, b"of ") :
            return 0
        e = read_month(s, n, e + 4, lim, &month)
        if not e:
            return 0
        e = said_year(s, n, e, lim, &year)
    if day > days_in(month, year):
        return 0
    aux[0] = date_aux(year, month, day)
    return e


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


cdef inline bint date_cue(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # a date word ("on", "since", "dated", "born", ...) within DATE_CUE code points before pos,
    # and no card expiry word in its window ("expiration date: 09-2028" is an expiry)
    cdef unsigned long long bits = context_within(s, n, pos, DATE_CUE)
    return ((bits >> T_DATE) & 1 or (bits >> T_DATE_OF_BIRTH) & 1) \
        and not (context_within(s, n, pos, NEAR_CONTEXT) >> T_CREDIT_CARD_EXPIRATION) & 1


cdef inline void date_by_day_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # "3rd of October 1982", "3 Oct", "15-Mar-2024": a written date that starts with its day
    cdef long long aux = 0
    cdef Py_ssize_t e
    if is_digit(s[pos]) and g.digits_end[0] - pos <= 2 and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)):
        e = match_written_date(s, n, pos, lim, &aux)
        if e:
            b.end, b.type_id, b.aux = e, T_DATE, aux


cdef inline void numeric_date_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                 const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # 1982-10-03, 10/03/1982, 23.11.24, 2024. 11. 23., 2019/aug/01, 2024-03-15T14:30Z; after
    # a date word also 11/20, 22.04., 05/2021, 20161016. Those and two-digit years not
    # after a version word
    cdef long long aux = 0
    cdef Py_ssize_t e
    cdef int doubt = 0
    cdef Py_UCS4 c
    if not (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)) or g.plus or g.paren[0] \
            or group_len(g, 0) > 8:
        return
    e = 0
    if g.n >= 3 or g.n == 1:
        # a lone number goes on into a date only past ". " or into a month's name
        c = at(s, g.digits_end[0], n)
        if g.n >= 3 or (c == 46 and at(s, g.digits_end[0] + 1, n) == 32) \
                or (group_len(g, 0) == 4 and (c == 47 or c == 45 or c == 46)
                    and is_letter(at(s, g.digits_end[0] + 1, n))):
            e = match_numeric_date(s, n, pos, lim, opt.day_first, &aux, &doubt)
    if not e and (g.n == 2 or group_len(g, 0) == 8):
        e = match_short_date(s, n, pos, lim, opt.day_first, &aux)
        doubt = DOUBT_VERSION | DOUBT_CUE
    if e and doubt & DOUBT_CUE and not date_cue(s, n, pos):
        e = 0
    if e > b.end and not (doubt & DOUBT_VERSION and vetoed(s, n, pos, T_DATE, &b.before)):
        b.end, b.type_id, b.aux = e, T_DATE, aux


cdef inline void month_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                          const Options* opt, unsigned char pair, Best* b) noexcept nogil:
    # "October 3, 1982", "Oct 3rd", "Friday, March 15, 2024", "March third", "third of
    # March"; with expiry context "Apr 27"
    # is an expiry, not the 27th: the longer reading wins
    cdef Py_ssize_t e = 0, e2
    cdef int t = -1, month = 0
    cdef long long aux = 0, aux2 = 0
    if b.end:
        return
    if pair & P_WEEKDAY and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)) and weekday_start(s, n, pos):
        e = match_weekday_date(s, n, pos, lim, &aux)
        if e:
            b.end, b.type_id, b.aux = e, date_type(s, n, pos, e, lim, opt, &b.before), aux
            return
    if not (pair & P_MONTH and read_month(s, n, pos, lim, &month)):
        if pair & P_ORDINAL and said_day_ahead(s, n, pos) and (type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH)):
            e = match_said_date(s, n, pos, lim, &aux)  # "third of March"
            if e:
                b.end, b.type_id, b.aux = e, date_type(s, n, pos, e, lim, opt, &b.before), aux
        return
    if type_on(opt, T_DATE) or type_on(opt, T_DATE_OF_BIRTH):
        e = match_written_date(s, n, pos, lim, &aux)
        if not e:
            e = match_said_date(s, n, pos, lim, &aux)  # "March third"
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
