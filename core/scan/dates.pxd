# Dates: numeric and written dates, holidays, and when a date is a date of birth.

cdef enum:
    SEP_DOT_SPACE = 1   # a numeric date's ". " separator ("23. 11. 2024"); others are their character
    DATE_CUE = 16       # code points before a short form ("on 11/20") where its date word is looked for
    DOUBT_VERSION = 1   # a numeric date that a version word before it rules out ("build 16.3.12")
    DOUBT_CUE = 2       # ... that needs a date word before it ("on 11/20")
    ORDINAL_WORDS = 27  # DAY_NUMBER_NAMES from here on are ordinals ("first")

cdef Py_ssize_t read_month(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           int* month) noexcept nogil
cdef Py_ssize_t read_weekday(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t read_day(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* day) noexcept nogil
cdef Py_ssize_t read_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                          int* year) noexcept nogil
cdef Py_ssize_t gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim, bint comma) noexcept nogil
cdef Py_ssize_t hyphen_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                            int* year) noexcept nogil
cdef Py_ssize_t match_written_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                                   Py_ssize_t lim, long long* aux) noexcept nogil
cdef Py_ssize_t match_weekday_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                                   Py_ssize_t lim, long long* aux) noexcept nogil
cdef Py_ssize_t time_of_day(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_numeric_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                   bint day_first, long long* aux, int* doubt) noexcept nogil
cdef Py_ssize_t year_month_name(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                int year, int sep, long long* aux) noexcept nogil
cdef Py_ssize_t match_short_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                 bint day_first, long long* aux) noexcept nogil
cdef Py_ssize_t number_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                            int* value, bint* ordinal) noexcept nogil
cdef Py_ssize_t number_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                             int* value, bint* ordinal) noexcept nogil
cdef Py_ssize_t year_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           int* year) noexcept nogil
cdef Py_ssize_t said_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                          int* year) noexcept nogil
cdef Py_ssize_t match_said_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                                long long* aux) noexcept nogil
cdef int date_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                   Py_ssize_t lim, const Options* opt, unsigned long long* before) noexcept nogil
cdef Py_ssize_t match_holiday(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim, long long* aux) noexcept nogil
