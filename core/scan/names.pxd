# Person names: listed first and last names, cues before and after, titles, particles.

cdef Py_ssize_t name_rest(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim,
                          int* words) noexcept nogil
cdef Py_ssize_t name_suffix(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t name_rest_after_first(const uchar_t* s, Py_ssize_t n, const Word* w, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_name(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim, float* score) noexcept nogil
cdef Py_ssize_t match_titled_name(const uchar_t* s, Py_ssize_t n, const Word* t, Py_ssize_t lim,
                                  Py_ssize_t* start) noexcept nogil
cdef Py_ssize_t match_lower_name(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                 Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t name_at(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                        Py_ssize_t lim, float* score) noexcept nogil
cdef Py_ssize_t speaker_label(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim) noexcept nogil
cdef bint street_around(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t e,
                        Py_ssize_t lim) noexcept nogil
cdef void init_names() except *
cdef bint verb_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t spaceless_name(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t match_script_name(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim,
                                  float* score) noexcept nogil
cdef Py_ssize_t spaceless_run(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim) noexcept nogil
cdef bint name_place(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t e, Py_ssize_t lim,
                     unsigned int cue) noexcept nogil
cdef Py_ssize_t script_run(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim) noexcept nogil

cdef enum:
    # a word that is no part of a run of name words in a script without case
    SCRIPT_RUN_STOP = G_STREET | G_STREET_PREFIX | G_UNIT | G_COUNTRY | G_CITY | G_STATE | G_ORG_SUFFIX | G_STOP
