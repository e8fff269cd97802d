# Card and national numbers: payment cards (issuer ranges, lengths, Luhn), expiry dates,
# CVV and PIN; SSNs, ages, the ID numbers told apart by their context (passport, driver's
# licence, bank account); phone candidates (digit groups shaped like a phone number, which
# the caller validates).

cdef bint luhn(const int* d, int n) noexcept nogil
cdef int prefix(const int* d, int k) noexcept nogil
cdef bint issuer_length(const int* d, int n) noexcept nogil
cdef int match_card(const uchar_t* s, const Groups* g) noexcept nogil
cdef long long expiry_numeric(const uchar_t* s, const Groups* g) noexcept nogil
cdef Py_ssize_t match_expiry_written(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                                     long long* aux) noexcept nogil
cdef int nearer_of(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int a, int b) noexcept nogil
cdef bint ssn_valid(int area, int group, int serial) noexcept nogil
cdef bint age_phrase(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef bint age_clause(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t stop,
                     Py_ssize_t lim) noexcept nogil
cdef bint age_clause_ends(const uchar_t* s, Py_ssize_t n, Py_ssize_t stop, Py_ssize_t lim) noexcept nogil
cdef int id_groups(const Groups* g) noexcept nogil
cdef int id_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int length, bint digits_only,
                 const Options* opt, Near* near) noexcept nogil
cdef Py_ssize_t read_id(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                        int* letters, int* digits) noexcept nogil
cdef bint phone_groups(const Groups* g, int j) noexcept nogil
