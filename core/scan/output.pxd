# Output: from the pass's spans to redacted text in one walk, Python objects only on request.

cdef enum:
    N_SLOTS = N_TYPES + 4  # a slot per type id, and LOCATION's by subtype: N_TYPES + aux

cdef enum OpKind:          # what a slot's entities become (core.redact.Redaction.operator_for)
    OP_KEEP = 0            # the entity's own text
    OP_TEXT = 1            # one string: a label without {n}, a Replace, the MASK style's string
    OP_MASK = 2            # core._mask's select_masked over the entity's text
    OP_NUMBERED = 3        # a label with {n}: its pieces around {n}, numbered by value
    OP_PYTHON = 4          # a keyed (or unknown) operator: core.redact.apply_operator

cdef enum ValueKind:       # how a slot's values are normalised (core.entity_types' normalise hook)
    V_PYTHON = 0           # core.detect.normalise
    V_DATE = 1             # core.values.date, when the month is known
    V_DIGITS = 2           # core.values.digits
    V_AS_WRITTEN = 3       # core.values.as_written

cdef enum:                 # what a caller wants back
    WANT_TEXT = 0          # the redacted text only
    WANT_FOUND = 1         # the text and a Found per entity
    WANT_ENTITIES = 2      # Entity objects only, no text
    WANT_TYPES = 3         # the text and each entity's type name (counted, service.observe)

cdef struct Hit:
    # an entity kept after overlaps and filters
    Py_ssize_t start       # code point offset in the scanned text, inclusive
    Py_ssize_t end         # code point offset, exclusive
    int slot
    Py_ssize_t span        # its span in the SpanVec; a phone: -1 - its index in the phones list
    double score

cdef struct SlotRule:
    unsigned char op       # OpKind
    unsigned char value    # ValueKind
    bint dropped           # excluded, or a LOCATION subtype not asked for
    bint numeric           # masks count digits only (unless the text has a letter)
    Py_UCS4 mask_char
    Py_ssize_t mask_count
    bint mask_from_end
    Py_ssize_t mask_keep_last

cdef class Plan:
    cdef Options opt
    cdef SlotRule rules[N_SLOTS]
    cdef bint filter_scores       # min_score applies (as core.detect resolves: with exclude or min_score)
    cdef double min_score
    cdef int regions[MAX_PHONE_REGIONS]  # the scan settles phone candidates in these (scan/phones.pyx)
    cdef int region_count         # how many; -1: none settled, every candidate goes to the seam
    cdef double phone_cue_score   # core.detect.PHONE_CUE_SCORE: a number kept by '+' or a cue
    cdef tuple type_names         # per slot: Entity.type
    cdef tuple subtypes           # per slot: Entity.subtype
    cdef tuple payloads           # per slot: OP_TEXT's str, OP_NUMBERED's pieces, OP_PYTHON's operator
    cdef object detection, keys
    cdef type entity, found
    cdef object normalise, phone_entity, apply_operator  # the Python hooks

cdef int slot_of(int type_id, long long aux) noexcept nogil
cdef Py_ssize_t resolve_hits(Plan plan, str text, SpanVec* vec, Hit* hits, list phones) except -1
cdef object validated_phone(Plan plan, str text, SpanVec* vec, Py_ssize_t i, Py_ssize_t j)
cdef object build_output(Plan plan, str text, Py_ssize_t seg_start, Py_ssize_t seg_end, SpanVec* vec,
                         Hit* hits, Py_ssize_t k, list phones, object numbering, int want, int unit,
                         Py_ssize_t in_base, Py_ssize_t out_base, Py_ssize_t max_out)
cdef object span_tuple(const Span* sp)
cdef object value_of(Plan plan, const Hit* hit, str entity_text, SpanVec* vec, list phones)
cdef str iso_date(long long aux)
cdef str digits_in(str text)
cdef object frozen(type cls, tuple names, tuple values)
cdef object entity_of(Plan plan, const Hit* hit, str entity_text, object value, Py_ssize_t shift,
                      list phones)
cdef object masked(str text, const Hit* hit, const SlotRule* rule, Py_UCS4* buf)
cdef Py_ssize_t units_of(int kind, const void* data, Py_ssize_t a, Py_ssize_t b, int unit) noexcept nogil
cdef Py_ssize_t str_units(str s, int unit)
cdef Py_ssize_t copy_chars(void* to, int to_kind, Py_ssize_t at, const void* src, int src_kind,
                           Py_ssize_t start, Py_ssize_t n) noexcept nogil
cdef Py_UCS4 range_top(int kind, const void* data, Py_ssize_t a, Py_ssize_t b, Py_UCS4 top) noexcept nogil
cdef int scan_into(str text, Py_ssize_t start, Options* opt, int* state, SpanVec* vec,
                   Py_ssize_t* resume, const int* regions, int count) except -1
