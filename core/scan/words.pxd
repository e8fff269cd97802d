# Words: reading a word and its shape and hash, phrases, and the cue words before a
# position.

cdef enum:  # a word's shape
    S_LOWER = 1
    S_CAP = 2               # upper case then at least one lower case ("Smith", "McDonald")
    S_UPPER = 4             # all upper case, two letters or more
    S_INITIAL = 8           # one upper-case letter
    S_NOCASE = 16           # a script without case: Arabic, Hebrew, Indic, Thai, Georgian ...
    S_SPACELESS = 32        # Han, kana, Hangul: a run that may hold a whole name ("王伟")

cdef struct Word:
    Py_ssize_t start
    Py_ssize_t end
    unsigned long long hash
    int shape

cdef int longest_phrase(const uchar_t* s, Py_ssize_t n, const Word* first, unsigned int f0,
                        Py_ssize_t lim, unsigned int want, Word* last, unsigned int* flags,
                        int* value, bint lower_ok) noexcept nogil
cdef Py_ssize_t prev_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t floor,
                          Word* w) noexcept nogil
cdef unsigned int cue_flags(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil
