"""Masking: replace some characters of an entity with a mask character."""
from cpython.mem cimport PyMem_Free, PyMem_Malloc

from redactd.core.includes.python cimport (
    PyUnicode_4BYTE_KIND, PyUnicode_AsUCS4, PyUnicode_FromKindAndData,
)


cdef inline bint eligible(Py_UCS4 c, bint digits_only) noexcept nogil:
    return (48 <= c <= 57) if digits_only else not (c == 32 or c == 9 or c == 10)


cdef Py_ssize_t select_masked(const Py_UCS4* chars, Py_ssize_t n, bint digits_only,
                              Py_ssize_t count, bint from_end, Py_ssize_t keep_last,
                              Py_UCS4 mask_char, Py_UCS4* out) noexcept nogil:
    # eligible characters are numbered 0..m-1; the last keep_last are kept, and of
    # the rest the first (or last) `count` are masked (all when count is 0). keep_last
    # never shows a whole entity: with no more eligible characters than keep_last, all
    # of them are masked (a 3-digit CVV under "keep the last 4" is masked whole)
    cdef Py_ssize_t i, m = 0, k = 0, lo, hi, masked = 0
    for i in range(n):
        m += eligible(chars[i], digits_only)
    hi = m - keep_last if keep_last < m else m
    lo = 0
    if count and count < hi:
        if from_end:
            lo = hi - count
        else:
            hi = count
    for i in range(n):
        out[i] = chars[i]
        if eligible(chars[i], digits_only):
            if lo <= k < hi:
                out[i] = mask_char
                masked += 1
            k += 1
    return masked


def mask(str text, str mask_char="*", Py_ssize_t count=0, bint from_end=False,
         Py_ssize_t keep_last=0, bint digits_only=True):
    """Mask `text`: digits only (or every non-space character), `count` of them
    (0 = all) from the start or the end, never the last `keep_last` -- unless that
    would leave every one of them visible: then all are masked."""
    if len(mask_char) != 1:
        raise ValueError("mask_char must be one character")
    if count < 0 or keep_last < 0:
        raise ValueError("count and keep_last must not be negative")
    cdef Py_ssize_t n = len(text)
    cdef Py_UCS4 m = mask_char[0]
    cdef Py_UCS4* buf = <Py_UCS4*>PyMem_Malloc(max(2 * n, 1) * sizeof(Py_UCS4))
    if buf == NULL:
        raise MemoryError()
    try:
        PyUnicode_AsUCS4(text, buf, n, 0)
        with nogil:
            select_masked(buf, n, digits_only, count, from_end, keep_last, m, buf + n)
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf + n, n)
    finally:
        PyMem_Free(buf)
