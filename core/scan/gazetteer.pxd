# The gazetteer: one hash table of lower-case phrases (core/data/gazetteer.txt,
# the common words, the public suffixes and the closed word classes of core.lexicon), keyed
# by a 64-bit FNV-1a hash of the phrase's words joined by single spaces, with a Bloom filter
# in front so that the many words that are in no list cost one cache-resident bit test.

cdef enum:
    G_FIRST = 1 << 0        # a given name (census; core/data/names.txt)
    G_LAST = 1 << 1         # a family name (census; core/data/names.txt)
    G_COMMON = 1 << 2       # also a common lower-case English word ("will", "brown")
    G_CITY = 1 << 3
    G_STATE = 1 << 4        # a state, province or nation
    G_ABBR = 1 << 5         # a two-letter state or province code (upper case only)
    G_COUNTRY = 1 << 6
    G_ORG = 1 << 7          # a known organisation
    G_HOLIDAY = 1 << 8
    G_PREFIX = 1 << 9       # a longer phrase starts with this one
    G_STREET = 1 << 10      # a street suffix
    G_UNIT = 1 << 11        # a secondary unit word
    G_DIR = 1 << 12         # a directional
    G_TITLE = 1 << 13
    G_ORG_SUFFIX = 1 << 14
    G_ORG_HEAD = 1 << 15
    G_NUMBER = 1 << 16      # a spoken-number word; value: see NUMBER_WORDS
    G_CUE = 1 << 17         # a name cue before
    G_CUE_STRONG = 1 << 18  # ... that admits a first name that is also a common word
    G_CUE_AFTER = 1 << 19   # a name cue after
    G_STOP = 1 << 20        # never part of a name, place or organisation
    G_PLACE_CUE = 1 << 21
    G_CONNECTOR = 1 << 22   # lower-case word inside an organisation's name
    G_TLD = 1 << 23         # a public suffix (its labels joined by '.')
    G_TLD_WILD = 1 << 24    # a wildcard rule "*.<suffix>"
    G_CUE_LOWER = 1 << 25   # a cue that admits a lower-case name
    G_FUNCTION = 1 << 26    # a function word: does not continue a lower-case name
    G_FILE_EXT = 1 << 27    # a file extension that is also a TLD
    G_STREET_PREFIX = 1 << 28  # a street type written first ("rue")
    G_CUE_WEAK = 1 << 29    # a weak name cue ("from", "with"): raises a listed name's score
    G_PARTICLE = 1 << 30    # "de", "van": inside a name
    WORD_TLD = -1           # value of a TLD that is an English word ("it", "me")
    V_NAME_SUFFIX = -2      # value of "jr", "sr", "iii": part of the name before it
    V_CITY_PREFIX = -3      # value of "north", "port", "lake": a city's first word

    # a word with none of these starts nothing on its own (an organisation's run of
    # capitalised words aside)
    START_BITS = (G_FIRST | G_LAST | G_CITY | G_STATE | G_ABBR | G_COUNTRY | G_ORG | G_HOLIDAY
                  | G_PREFIX | G_TITLE | G_NUMBER | G_ORG_HEAD | G_TLD)

    BLOOM_BITS = 1 << 20
    BLOOM_WORDS = 1 << 14   # BLOOM_BITS / 64

cdef struct GzSlot:           # 8 bytes: the table is read at random, so small is fast
    unsigned int check          # the hash's high half, never 0; 0 = empty
    unsigned int flags

cdef struct GzValue:          # the few phrases with a value: number words, holidays, TLDs
    unsigned long long hash
    int value

cdef enum:
    GZ_VALUES = 1024            # open addressing, a power of two well above their count

cdef unsigned int gz_get(unsigned long long h, int* value) noexcept nogil
cdef int gz_value(unsigned long long h) noexcept nogil
cdef unsigned long long phrase_hash(str phrase)
cdef void gz_add(unsigned long long h, unsigned int flags, int value) except *
cdef void init_gazetteer(object names=*, bint cached=*) except *
