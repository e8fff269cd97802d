# Banking: IBAN (ISO 13616 lengths, mod 97), SWIFT/BIC (ISO 9362), ABA routing.

cdef void init_iban()
cdef Py_ssize_t match_iban(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                           Py_ssize_t lim) noexcept nogil
cdef bint aba_valid(const int* d) noexcept nogil
cdef void init_countries()
cdef Py_ssize_t match_swift(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                            bint* digit) noexcept nogil
