# Places and organisations: cities, states, countries, state codes; known
# organisations and runs of capitalised words with an organisation word.

cdef enum:  # LOCATION subtypes, in a span's aux
    LOC_CITY = 1
    LOC_STATE = 2
    LOC_COUNTRY = 3

cdef Py_ssize_t match_place(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                            Py_ssize_t lim, long long* aux) noexcept nogil
cdef void init_city_endings() except *
cdef Py_ssize_t city_shape(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim, long long* aux) noexcept nogil
cdef Py_ssize_t match_lower_place(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                  Py_ssize_t lim, long long* aux) noexcept nogil
cdef bint state_follows(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_state_code(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                 Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t of_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_org(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                          Py_ssize_t lim) noexcept nogil
