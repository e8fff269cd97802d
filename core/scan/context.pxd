# Context words: the keyword table and the windows before and after a span where a
# type's context (and veto) words are looked for.

cdef struct Keywords:     # a type's context rule; its words are in the keyword hash table
    int before          # code points looked at before a span
    int after           # code points looked at after a span
    int veto_before     # code points looked at before a span for a veto word
    float score
    float boost

cdef struct KeywordSlot:
    unsigned int hash       # 0 = empty
    int length
    unsigned long long types  # bit per type that lists the word
    const char* word

cdef enum:
    KEYWORD_SLOTS = 1024    # open addressing, a power of two well above the word count

cdef struct Near:
    # what the checks of a lone number have read before its start
    unsigned long long bits    # context_within(NEAR_CONTEXT); ~0: not read yet
    unsigned int first         # first_letters(ID_CONTEXT); ~0: not read yet

cdef void init_keywords() except *
cdef void register_first_letters(row, int t) except *
cdef void register_words(str type_name, tuple words, int bit) except *
cdef void keyword_add(const char* word, int length, int type_id) noexcept
cdef unsigned long long keyword_types(const uchar_t* s, Py_ssize_t a, Py_ssize_t b, unsigned int h) noexcept nogil
cdef unsigned long long context_scan(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t reach,
                                     unsigned long long want, int* nearest) noexcept nogil
cdef unsigned long long context_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t end, Py_ssize_t lim) noexcept nogil
