# Network: email addresses (written and read out), URLs, IPv4 and IPv6, domain names.

cdef Py_ssize_t email_start(const uchar_t* s, Py_ssize_t w, Py_ssize_t at_sign) noexcept nogil
cdef Py_ssize_t match_email(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t at_sign,
                            Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t url_body(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* capped) noexcept nogil
cdef Py_ssize_t match_url(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                          int* capped) noexcept nogil
cdef Py_ssize_t glued_start(const uchar_t* s, Py_ssize_t pos, Py_ssize_t word_end) noexcept nogil
cdef Py_ssize_t match_ipv4(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_ipv6(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim) noexcept nogil
cdef bint colon_ahead(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_domain(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                             bint* file_like) noexcept nogil
cdef Py_ssize_t match_spoken_email(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos,
                                   Py_ssize_t lim) noexcept nogil
