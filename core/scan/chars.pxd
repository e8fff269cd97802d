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
