# Addresses: street lines, units, P.O. boxes, military addresses, ZIP codes and
# UK/Canadian postcodes, and the city/state/postcode lines that follow a street.

cdef Py_ssize_t read_zip(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t read_uk_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t read_ca_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t address_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                             bint lower_ok) noexcept nogil
cdef Py_ssize_t read_ordinal(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_street(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                             bint lower_ok) noexcept nogil
cdef Py_ssize_t street_rest(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                           bint lower_ok) noexcept nogil
cdef Py_ssize_t match_box(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t military_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t blank_run(const uchar_t* s, Py_ssize_t i, Py_ssize_t j, Py_ssize_t lim,
                          int* breaks, int* spaces) noexcept nogil
