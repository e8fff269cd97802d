# Spans: the vector the pass fills, and how a match is scored and pushed.

cdef struct Best:
    # the reading that wins at a position so far: each numeric family tries its own, and a
    # later one replaces it only by ending further on
    Py_ssize_t start            # where the span starts (a title before a name is left out)
    Py_ssize_t end
    int type_id                 # -1: none yet
    long long aux
    unsigned long long before   # context_before(pos), read once; ~0: not read yet
    float score                 # a detector's own base score; < 0: the table's
    Near near                   # what the checks of a lone number read before it

cdef int push(SpanVec* v, Py_ssize_t start, Py_ssize_t end, int type_id, int flags,
              float score, long long aux) noexcept nogil
cdef int push_scored(SpanVec* out, const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                     Py_ssize_t end, Py_ssize_t lim, int type_id, long long aux, float base,
                     unsigned long long* before) noexcept nogil
