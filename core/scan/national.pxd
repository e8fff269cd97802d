# National numbers and IDs: SSN, age, and the ID numbers told apart by their
# context (passport, driver's licence, bank account).

cdef bint ssn_valid(int area, int group, int serial) noexcept nogil
cdef bint age_phrase(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef int id_groups(const Groups* g) noexcept nogil
cdef int id_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int length, bint digits_only,
                 const Options* opt, Near* near) noexcept nogil
cdef Py_ssize_t read_id(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                        int* letters, int* digits) noexcept nogil
