# Characters: classes of the ASCII range, word boundaries, Latin letters folded to ASCII.

cdef enum:
    C_DIGIT = 1
    C_UPPER = 2
    C_LOWER = 4
    C_HEX = 8
    C_LOCAL = 16    # email local part: letters, digits, . _ % + -
    C_URL = 32      # URL body: printable ASCII except space < > " ` { } | \ ^
    C_WORD = 64     # letters, digits, '_', and non-ASCII outside the punctuation blocks
    C_DOMAIN = 128  # host name labels: letters, digits, -
    C_START = 256   # may start an entity: word characters, + ( :

cdef void init_classes()

cdef enum:  # kinds of letter outside Latin (core.lexicon.SCRIPT_*)
    K_UPPER = 1
    K_LOWER = 2
    K_NOCASE = 3
    K_SPACELESS = 4
    K_SKIP = 5
    SCRIPT_LO = 0x370       # script_letter's table: Greek to Ethiopic
    SCRIPT_HI = 0x1380

cdef void init_fold() except *
