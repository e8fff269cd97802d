# Card and national numbers: payment cards (issuer ranges, lengths, Luhn), expiry dates,
# CVV and PIN; SSNs, ages, the ID numbers told apart by their context (passport, driver's
# licence, bank account); phone candidates (digit groups shaped like a phone number, with
# their extension, flagged when a strong cue stands before them; the caller validates them).

cdef enum:
    MAX_ISSUERS = 128      # rows of CARD_ISSUERS

cdef struct Issuer:        # a row of CARD_ISSUERS
    int lo, hi             # first and last IIN of the range, numbers of `width` digits
    int width
    unsigned int lengths   # bit n: card numbers of n digits
    bint needs_word        # counts only after a card word

cdef bint luhn(const int* d, int n) noexcept nogil
cdef void init_issuers() except *
cdef int prefix(const int* d, int k) noexcept nogil
cdef bint issuer_length(const int* d, int n) noexcept nogil
cdef int issuer(const int* d, int n) noexcept nogil
cdef bint card_groups(const Groups* g, int j) noexcept nogil
cdef bint card_word_before(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil
cdef int match_card(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Groups* g) noexcept nogil
cdef long long expiry_numeric(const uchar_t* s, const Groups* g) noexcept nogil
cdef Py_ssize_t match_expiry_written(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                                     long long* aux) noexcept nogil
cdef int nearer_of(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int a, int b) noexcept nogil
cdef bint ssn_valid(int area, int group, int serial) noexcept nogil
cdef bint age_phrase(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef bint age_clause(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t stop,
                     Py_ssize_t lim) noexcept nogil
cdef bint age_clause_ends(const uchar_t* s, Py_ssize_t n, Py_ssize_t stop, Py_ssize_t lim) noexcept nogil
cdef int id_groups(const Groups* g) noexcept nogil
cdef int id_type(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, int length, bint digits_only,
                 const Options* opt, Near* near) noexcept nogil
cdef Py_ssize_t read_id(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                        int* letters, int* digits) noexcept nogil
cdef enum:
    PHONE_CUE_REACH = 48   # code points a strong phone cue's words may start before the number
    CUE_WORD_MAX = 12      # letters of the longest cue word
    CUE_SLOTS = 256        # the cue words' hash table (phone cues and card words), open addressing
    # classes of the words strong phone cues are made of (core/lexicon.py)
    CUE_WORD = 1           # "mobile", "tel", "fax", ...
    CUE_FILLER = 2         # "number", "no", "is" after a cue word
    CUE_NUMBER = 4         # "number" itself
    CUE_VERB = 8           # "call", "reach", "text", ... before "me at"
    CUE_ME = 16
    CUE_AT = 32            # "at", "on"
    CUE_MY = 64
    CUE_NOT = 128          # names another kind of number ("my account number is")
    CUE_CARD = 256         # a card word (lexicon.CARD_WORDS)
    CARD_WORD_REACH = 32   # code points before a card number where a card word counts

cdef struct CueSlot:
    unsigned int hash      # 0 = empty
    int length
    int kinds              # CUE_* bits
    const char* word

cdef int idd_digits(const uchar_t* s, const Groups* g, int j) noexcept nogil
cdef bint phone_groups(const Groups* g, int j, int idd) noexcept nogil
cdef void init_cue_words() except *
cdef int cue_kinds(const uchar_t* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil
cdef bint cue_phrase(const int* kinds, int k) noexcept nogil
cdef bint phone_cue(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil
cdef bint reads_as_other(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim, const Groups* g,
                         int j) noexcept nogil
