# Addresses of the world: street types written before, after or into the name (libpostal's
# words of 40 languages, Greek and Cyrillic), house numbers before or after, units, postal
# codes by shape, and the town, region and country lines of a block (part of the addresses
# family, after addresses.pxd).

cdef Py_ssize_t block_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                           bint lower_ok) noexcept nogil
cdef void init_addresses() except *
cdef bint joined_street(const uchar_t* s, const Word* w) noexcept nogil
cdef Py_ssize_t read_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t read_house_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t read_unit(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim,
                          bint lower_ok) noexcept nogil
cdef Py_ssize_t script_word_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef int script_kind(const uchar_t* s, Py_ssize_t i, Py_ssize_t e) noexcept nogil
cdef bint connector_then_capital(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t city_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t place_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t postcode_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t city_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim,
                          int* confirmed) noexcept nogil
cdef Py_ssize_t intl_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t number_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t named_street(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                             Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t script_street(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t script_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil
cdef int other_script_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                         const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
cdef Py_ssize_t town_first(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim) noexcept nogil
cdef bint code_and_town(const uchar_t* s, Py_ssize_t n, Py_ssize_t k, Py_ssize_t lim) noexcept nogil

cdef enum:  # a step of street_ahead (world_addresses.pyx): besides 0 and 1
    STEP_ON = -1            # it goes on
    STEP_LOST = -2          # a kept chain's step that depends on more than the chain

cdef bint street_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef int street_step(const uchar_t* s, Py_ssize_t n, Py_ssize_t* at_i, Py_ssize_t lim, bint* lowered,
                     Py_ssize_t* far) noexcept nogil
