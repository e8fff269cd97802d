# Spans: the vector the pass fills, and how a match is scored and pushed.
# Included into core/_scan.pyx; declarations in spans.pxd.

cdef int push(SpanVec* v, Py_ssize_t start, Py_ssize_t end, int type_id, int flags,
              float score, long long aux) noexcept nogil:
    cdef Py_ssize_t cap
    cdef Span* grown
    if v.size == v.capacity:
        cap = v.capacity * 2 if v.capacity else 16
        grown = <Span*>realloc(v.items, cap * sizeof(Span))
        if grown == NULL:
            return -1
        v.items = grown
        v.capacity = cap
    v.items[v.size] = Span(start, end, type_id, flags, score, aux)
    v.size += 1
    return 0


cdef inline bint type_on(const Options* opt, int type_id) noexcept nogil:
    return (opt.types >> type_id) & 1


cdef inline float scored(int type_id, bint context) noexcept nogil:
    cdef float v = KW[type_id].score + (KW[type_id].boost if context else 0)
    return v if v < 1 else 1


cdef inline int push_match(SpanVec* out, const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                           Py_ssize_t end, Py_ssize_t lim, int type_id, long long aux,
                           unsigned long long* before) noexcept nogil:
    # a match whose context is a bonus: flagged and boosted when a context word is near
    return push_scored(out, s, n, start, end, lim, type_id, aux, -1, before)


cdef int push_scored(SpanVec* out, const uchar_t* s, Py_ssize_t n, Py_ssize_t start,
                     Py_ssize_t end, Py_ssize_t lim, int type_id, long long aux, float base,
                     unsigned long long* before) noexcept nogil:
    # push_match with a detector's own base score (< 0: the table's)
    cdef bint ctx
    if before[0] == <unsigned long long>~0ULL:
        # nothing read before yet, nor needed after this: the type's own window only
        ctx = ((context_within(s, n, start, KW[type_id].before) >> type_id) & 1
               or has_context_after(s, n, end, lim, type_id))
    else:
        ctx = has_context(s, n, start, end, lim, type_id, before)
    cdef float v = scored(type_id, ctx)
    if base >= 0:
        v = base + (KW[type_id].boost if ctx else 0)
    return push(out, start, end, type_id, F_CONTEXT if ctx else 0, v if v < 1 else 1, aux)


cdef inline void best_init(Best* b, Py_ssize_t pos) noexcept nogil:
    b.start = pos
    b.end = 0
    b.type_id = -1
    b.aux = 0
    b.score = -1
    b.before = ~0ULL
    near_init(&b.near)


cdef inline int push_best(SpanVec* out, const uchar_t* s, Py_ssize_t n, Py_ssize_t lim, Best* b,
                          Py_ssize_t* end) noexcept nogil:
    # the reading a position's families agreed on, scored by its context: 1 when there is one
    # (end set), 0 when none, -1 on allocation failure
    if b.type_id < 0:
        return 0
    if push_scored(out, s, n, b.start, b.end, lim, b.type_id, b.aux, b.score, &b.before) < 0:
        return -1
    end[0] = b.end
    return 1
