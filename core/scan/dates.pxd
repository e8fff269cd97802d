# Dates: numeric and written dates, holidays, and when a date is a date of birth.

cdef Py_ssize_t read_month(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           int* month) noexcept nogil
cdef Py_ssize_t read_day(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* day) noexcept nogil
cdef Py_ssize_t read_year(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                          int* year) noexcept nogil
cdef Py_ssize_t gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim, bint comma) noexcept nogil
cdef Py_ssize_t match_written_date(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                                   Py_ssize_t lim, long long* aux) noexcept nogil
cdef int match_numeric_date(const uchar_t* s, const Groups* g, bint day_first,
                            long long* aux) noexcept nogil
cdef int date_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                   Py_ssize_t lim, const Options* opt, unsigned long long* before) noexcept nogil
cdef Py_ssize_t match_holiday(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim, long long* aux) noexcept nogil
