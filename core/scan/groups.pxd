# Digit groups: a run of digits read once into groups joined by one of " -./" or
# written "(ddd)", for every numeric detector.

cdef struct Groups:
    int n                           # digit groups read
    bint plus                       # the run starts with '+'
    Py_ssize_t start[MAX_GROUPS]    # first digit of group k
    Py_ssize_t digits_end[MAX_GROUPS]
    Py_ssize_t stop[MAX_GROUPS]     # after group k, its ')' included
    Py_UCS4 sep[MAX_GROUPS]         # separator before group k; 0 for the first
    bint paren[MAX_GROUPS]          # group k was written "(ddd)"

cdef void read_groups(const uchar_t* s, Py_ssize_t pos, Py_ssize_t lim, Groups* g) noexcept nogil
cdef int total_digits(const Groups* g, int j) noexcept nogil
cdef bint plain_groups(const Groups* g, int j, const char* allowed) noexcept nogil
cdef bint groups_between(const Groups* g, int first, int j, int lo, int hi) noexcept nogil
cdef long long digits_value(const uchar_t* s, const Groups* g, int k) noexcept nogil
cdef int collect_digits(const uchar_t* s, const Groups* g, int j, int* out) noexcept nogil
