# Gates: cheap tests on a word's first letters and the characters before it that
# decide which detectors a word can reach at all (most words reach none).

cdef enum:
    P_URL = 1     # "ht", "ft", "sf", "ws", "ww": a URL scheme or "www."
    P_IBAN = 2    # an IBAN country code, either case
    P_MONTH = 4   # the first two letters of a month name
    P_WEEKDAY = 8  # ... of a weekday name
    P_ORDINAL = 16  # ... of an ordinal day ("third") or of "twenty", "thirty"

cdef enum:
    TG_NUMBER = 1    # a number word starts so
    TG_MONTH = 2     # a month or weekday name starts so
    TG_URL = 4       # "ht", "ft", "sf", "ws", "ww": a URL scheme or "www."
    TG_WEEKDAY = 8   # a weekday name starts so
    TG_ORDINAL = 16  # an ordinal day ("third") or "twenty", "thirty" starts so
    TG_ANY = 0xFF    # not three lower-case letters: anything may start here

cdef enum:
    P2_NAME = 1        # "is", "am", "me": a two-letter name cue (a non-letter before it)
    P2_APOS = 2        # "'m", "'s": "i'm", "name's"
    P2_PLACE = 4       # "in", "to": a two-letter place cue
    P2_PLACE4 = 8      # "om", "ar": the end of "from", "near"

cdef void init_pairs()
cdef void init_number_start()
cdef int letters3(bytes word)
cdef bint weekday_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil
cdef void init_prev2()
