# Addresses written in scripts without Latin letters: Arabic, Persian, Hebrew, Thai,
# Bengali, Devanagari, Georgian, Armenian and Kazakh Cyrillic (part of the addresses
# family, after world_addresses.pxd).

cdef enum:  # what a listed word is (core/data/script_address_words.txt)
    NW_BEFORE = 1      # a street type written before the name ("شارع", "ถนน")
    NW_AFTER = 2       # ... after it ("ქუჩა", "গলি", "көшесі")
    NW_GLUED = 4       # (Thai) ... also written into the name's first word ("ถนนสุขุมวิท")
    NW_HOUSE = 8       # a word before a house or plot number ("پلاک", "নং", "หมู่")
    NW_UNIT = 16       # a unit word ("شقة", "דירה")
    NW_DIVISION = 32   # a division word ("استان", "จังหวัด", "облысы")
    NW_COUNTRY = 64    # a country's name in its language ("ایران")
    NW_DATE = 128      # a month's name ("ডিসে", "مارس"): with a number, a date
    NW_POSTAL = 256    # a postal code's label: the number after it is one ("کدپستی", "מיקוד")
    NW_SLOTS = 1024    # the words' hash table (a power of two, over twice the words)

cdef enum:  # what a part of a block (a line, or a run between commas) is
    PK_NONE = 0
    PK_STREET = 1      # a street or house word and a number: "1352 شارع الأفندية", "বাড়ী নং ৪"
    PK_BARE = 2        # a street type and a name, no number: "श्रेष्ठ गल्ली"
    PK_CODE = 3        # a postal code, maybe with its town: "مطروح 51120", "2821 ონი"
    PK_NUMBERED = 4    # names and a number: "Ազատության 85", "کمیل 1221"
    PK_DIVISION = 5    # a division word and its name: "استان فارس"
    PK_TOWN = 6        # one to three words: "المنزلة", "Кентау"
    PK_COUNTRY = 7     # a country: "Egypt", "ایران"

cdef struct NativeWord:
    unsigned long long hash
    unsigned int kinds

cdef struct ScriptPart:
    Py_ssize_t end     # code point offset, exclusive
    int names          # words in no list
    int countries      # countries' names
    int nums           # numbers
    int code_len       # code points of its postal code
    int kinds          # NW_* bits of its listed words
    bint postal        # one number, of a postal code's shape, first or last
    bint house         # a number of up to five digits
    bint cased         # its first word is Greek or Cyrillic
    bint lead_name     # its first token is a word in no list
    bint latin         # an English country or region name

cdef void init_script_addresses() except *
cdef Py_ssize_t native_word_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                unsigned int* kinds) noexcept nogil
cdef Py_ssize_t native_number_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                  bint* postal, bint* house) noexcept nogil
cdef bint read_script_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           ScriptPart* p) noexcept nogil
cdef int script_part_kind(const ScriptPart* p) noexcept nogil
cdef Py_ssize_t script_part_gap(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil
cdef Py_ssize_t script_block(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil
cdef bint script_after_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t word_end) noexcept nogil
cdef int script_address_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                           const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
