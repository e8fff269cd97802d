# The scanning core: finds entity spans in a str, reading its PEP 393 buffer
# in place with the GIL released. Table of contents of _scan.pyx: the shared
# constants and structs here, then each part's declarations (scan/<part>.pxd, in
# the order _scan.pyx includes the parts), then the pass's own functions. Inline
# helpers are defined in their part and not declared (Cython declares no inline
# function in a .pxd).

from redactd.core.includes.python cimport Py_UCS1, Py_UCS2

cdef enum:
    LOOKBEHIND = 64    # code points a decision may read before its position
    LOOKAHEAD = 220    # code points a decision may read from its position on
    NEAR_CONTEXT = 24  # the longest window before of the types that need a word close before
    ID_CONTEXT = 32    # ... of the ID numbers (passport, driver's licence, bank account)
    PHONE_MAX = 32     # longest phone candidate, in code points
    HOLDBACK = 256     # LOOKAHEAD + PHONE_MAX + a few boundary reads: the most a stream holds back
    MAX_GROUPS = 8     # digit groups a numeric run is read into
    VETO_SHIFT = 32    # keyword-table bit of type t's veto words: t + VETO_SHIFT
    RELEASE_GIL_ABOVE = 4096  # code points; shorter scans keep the GIL

include "scan/type_ids.pxd"  # GENERATED from core/entity_types.py by setup.py

# Span flags.
cdef enum:
    F_TENTATIVE = 1    # a phone candidate; validated (or dropped) by the caller
    F_ALTERNATIVE = 2  # a shorter phone candidate with the same start as the previous span
    F_CONTEXT = 4      # a context word was found near the span
    F_SPOKEN = 8            # span flag: a number said in words; aux holds its digits
    F_SPOKEN_PLUS = 16      # ... said after "plus": an international phone number
    F_PHONE_CUE = 32        # a phone candidate right after a strong cue (core/lexicon.py: PHONE_CUE_*)

# Carry bits: scanner state a stream passes from one scan to the next.
cdef enum:
    CARRY_URL = 1      # the previous span was a URL cut at LOOKAHEAD; it goes on here
    CARRY_URL_CONTEXT = 2  # ... and a context word was near the URL's start

cdef struct Span:
    Py_ssize_t start   # code point offset, inclusive
    Py_ssize_t end     # code point offset, exclusive
    int type_id
    int flags
    float score
    long long aux      # dates: yyyymmdd with 0 for an unknown part; expirations: yyyymm; ages: the age;
                       # spoken numbers: their digits (count in flags >> 8); places: LOC_* subtype

cdef struct SpanVec:
    Span* items        # owned; grown by doubling
    Py_ssize_t size
    Py_ssize_t capacity

cdef struct Options:
    unsigned int types  # bit per type id
    bint day_first      # numeric dates read D/M/Y before M/D/Y
    bint final          # the text ends at n; otherwise stop at the first decision that looked at
                        # the end of the text so far (at most HOLDBACK short of it)

ctypedef fused uchar_t:  # a PEP 393 buffer's code unit
    Py_UCS1
    Py_UCS2
    Py_UCS4

# The parts of the scanner, in the order _scan.pyx includes them.
include "scan/chars.pxd"
include "scan/context.pxd"
include "scan/spans.pxd"
include "scan/groups.pxd"
include "scan/gazetteer.pxd"
include "scan/words.pxd"
include "scan/numbers.pxd"
include "scan/dates.pxd"
include "scan/network.pxd"
include "scan/banking.pxd"
include "scan/spoken.pxd"
include "scan/names.pxd"
include "scan/places.pxd"
include "scan/addresses.pxd"
include "scan/world_addresses.pxd"
include "scan/script_addresses.pxd"
include "scan/cjk_addresses.pxd"
include "scan/gates.pxd"
include "scan/phones.pxd"
include "scan/output.pxd"

# The pass (_scan.pyx): which detectors are tried at a position, in order.
cdef int numeric_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                    const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
cdef int letter_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end, int* carry) noexcept nogil
cdef int words_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                  const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
cdef int other_letter_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                         const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
cdef int digits_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
cdef int scan_text(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Options* opt,
                   int* carry, SpanVec* out, Py_ssize_t* resume) noexcept nogil
cdef int scan_kind(int kind, const void* data, Py_ssize_t n, Py_ssize_t start, const Options* opt,
                   int* carry, SpanVec* out, Py_ssize_t* resume) noexcept nogil
