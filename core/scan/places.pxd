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

cdef enum:  # a legal form's flags (core/data/legal_forms.txt)
    LF_SUFFIX = 1           # written after the name: "Müller GmbH"
    LF_PREFIX = 2           # also before it: "ООО «Ромашка»", "株式会社山田"
    LF_MORE = 4             # a longer form starts with these groups ("s" of "s p a")

cdef void init_legal_forms() except *
cdef Py_ssize_t legal_form_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                               unsigned int want) noexcept nogil
cdef Py_ssize_t org_after_cue(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t spaceless_org(const uchar_t* s, Py_ssize_t n, const Word* w, Py_ssize_t lim) noexcept nogil
cdef bint no_org_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t x, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t read_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t k, Py_ssize_t lim) noexcept nogil

cdef enum:  # what the organisation cursor (places.pyx) finds at a word
    ORG_END_NO = 0          # it cannot end an organisation
    ORG_END_MAY = 1         # it may
    ORG_END_PAST_LIM = 2    # it runs on past the bound
    ORG_END_RUN = 3         # it cannot, and no run of words goes past it
