# Spoken numbers: digits said in words ("four one five ..."), read as the numeric
# detectors would read their digits.

cdef Py_ssize_t match_spoken(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                             int* out, int* count, bint* plus) noexcept nogil
cdef bint spoken_mid(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil
cdef int spoken_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
