# Phone candidates: digit groups shaped like a phone number; the caller validates them.

cdef bint phone_groups(const Groups* g, int j) noexcept nogil
