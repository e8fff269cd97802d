# Masking of entity text: digits only for numeric types, so formatting survives.

cdef Py_ssize_t select_masked(const Py_UCS4* chars, Py_ssize_t n, bint digits_only,
                              Py_ssize_t count, bint from_end, Py_ssize_t keep_last,
                              Py_UCS4 mask_char, Py_UCS4* out) noexcept nogil
