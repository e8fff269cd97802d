# Payment cards: numbers (issuer ranges, lengths, Luhn), expiry dates, CVV and PIN.

cdef bint luhn(const int* d, int n) noexcept nogil
cdef int prefix(const int* d, int k) noexcept nogil
cdef bint issuer_length(const int* d, int n) noexcept nogil
cdef int match_card(const uchar_t* s, const Groups* g) noexcept nogil
cdef long long expiry_numeric(const uchar_t* s, const Groups* g) noexcept nogil
cdef Py_ssize_t match_expiry_written(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                                     long long* aux) noexcept nogil
cdef int nearer_of(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int a, int b) noexcept nogil
