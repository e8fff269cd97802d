# Banking: IBAN (ISO 13616 lengths, mod 97), SWIFT/BIC (ISO 9362), ABA routing.
# Included into core/_scan.pyx; declarations in banking.pxd.

# ISO 13616 registry: country code -> IBAN length
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
    "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
    "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
    "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28,
    "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}
cdef unsigned char IBAN_LEN[26 * 26]


cdef void init_iban():
    cdef int k
    for k in range(26 * 26):
        IBAN_LEN[k] = 0
    for cc, length in IBAN_LENGTHS.items():
        IBAN_LEN[(ord(cc[0]) - 65) * 26 + ord(cc[1]) - 65] = length


cdef inline int iban_value(Py_UCS4 c) noexcept nogil:
    # digit 0-9, letter 10-35 (either case), else -1
    if 48 <= c <= 57:
        return <int>c - 48
    if 65 <= c <= 90:
        return <int>c - 55
    if 97 <= c <= 122:
        return <int>c - 87
    return -1


cdef Py_ssize_t match_iban(const uchar_t* s, Py_ssize_t n, Py_ssize_t w,
                           Py_ssize_t lim) noexcept nogil:
    cdef int length, count = 0, k, v, r = 0
    cdef int values[34]
    cdef Py_ssize_t i = w
    cdef bint grouped
    if not within(w + 3, lim) or not is_letter(s[w]) or not is_letter(s[w + 1]):
        return 0
    if not (is_digit(s[w + 2]) and is_digit(s[w + 3])):
        return 0
    length = IBAN_LEN[(iban_value(s[w]) - 10) * 26 + iban_value(s[w + 1]) - 10]
    if length == 0:
        return 0
    grouped = at(s, w + 4, n) == 32
    # read `length` alphanumerics: contiguous, or in groups of four split by one space
    while count < length:
        if not within(i, lim):
            return 0
        if grouped and count > 0 and count % 4 == 0:
            if s[i] != 32:
                return 0
            i += 1
            if not within(i, lim):
                return 0
        v = iban_value(s[i])
        if v < 0:
            return 0
        values[count] = v
        count += 1
        i += 1
    if word_at(s, i, n):
        return 0
    # ISO 7064 mod 97-10 over BBAN + country + check digits
    for k in range(4, length + 4):
        v = values[k % length]
        r = (r * (100 if v >= 10 else 10) + v) % 97
    return i if r == 1 else 0


cdef bint aba_valid(const int* d) noexcept nogil:
    # ABA routing: Federal Reserve prefix and the 3-7-1 checksum
    cdef int p = d[0] * 10 + d[1]
    if not (p <= 12 or 21 <= p <= 32 or 61 <= p <= 72 or p == 80):
        return False
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


# ISO 3166-1 alpha-2, plus XK (Kosovo, user-assigned but in the IBAN registry)
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
ZW XK
""".split()) | frozenset(IBAN_LENGTHS)
cdef unsigned char COUNTRY[26 * 26]


cdef void init_countries():
    cdef int k
    for k in range(26 * 26):
        COUNTRY[k] = 0
    for cc in ISO_COUNTRIES:
        COUNTRY[(ord(cc[0]) - 65) * 26 + ord(cc[1]) - 65] = 1


cdef inline bint upper_or_digit(Py_UCS4 c) noexcept nogil:
    return (65 <= c <= 90) or (48 <= c <= 57)


cdef Py_ssize_t match_swift(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                            bint* digit) noexcept nogil:
    # ISO 9362, upper case, a whole word: 4 letters (bank), 2 letters (an ISO 3166 country),
    # 2 letters or digits (location), maybe 3 more (branch); end, or 0. *digit: one was seen
    cdef Py_ssize_t i, e = w + 8
    digit[0] = False
    if not within(e - 1, lim):
        return 0
    for i in range(w, w + 6):
        if not (65 <= s[i] <= 90):
            return 0
    if not COUNTRY[(<int>s[w + 4] - 65) * 26 + <int>s[w + 5] - 65]:
        return 0
    for i in range(w + 6, e):
        if not upper_or_digit(s[i]):
            return 0
        if is_digit(s[i]):
            digit[0] = True
    if word_at(s, e, n):
        if not within(e + 2, lim):
            return 0
        for i in range(e, e + 3):
            if not upper_or_digit(s[i]):
                return 0
            if is_digit(s[i]):
                digit[0] = True
        e += 3
        if word_at(s, e, n):
            return 0
    return e


cdef inline void nine_digits_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # a bare nine-digit run: a routing number, else an SSN, each only by its context
    cdef int d[MAX_GROUPS * 20]
    if group_len(g, 0) == 9 and not g.plus and not g.paren[0] and not continues(g, 1) \
            and g.stop[0] > b.end and not word_at(s, g.stop[0], n):
        collect_digits(s, g, 1, d)
        if type_on(opt, T_US_BANK_ROUTING_NUMBER) and aba_valid(d) \
                and has_context(s, n, pos, g.stop[0], lim, T_US_BANK_ROUTING_NUMBER, &b.before):
            b.end, b.type_id = g.stop[0], T_US_BANK_ROUTING_NUMBER
        elif type_on(opt, T_SSN) and ssn_valid(prefix(d, 3), d[3] * 10 + d[4], prefix(d + 5, 4)) \
                and has_context(s, n, pos, g.stop[0], lim, T_SSN, &b.before):
            b.end, b.type_id = g.stop[0], T_SSN


cdef inline void iban_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                         const Options* opt, unsigned char pair, Best* b) noexcept nogil:
    # "DE89 3704 0044 0532 0130 00": a known country's length, mod 97
    if not b.end and pair & P_IBAN and type_on(opt, T_IBAN) and is_digit(at(s, pos + 2, n)):
        b.end, b.type_id = match_iban(s, n, pos, lim), T_IBAN


cdef inline void swift_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                          const Options* opt, Py_UCS4 c2, Best* b) noexcept nogil:
    # "DEUTDEFF500": without a context word the code must hold a digit ("DEUTDEFF" alone
    # could be a word)
    cdef Py_ssize_t e
    cdef bint digit = False
    if not b.end and type_on(opt, T_SWIFT_CODE) and 65 <= s[pos] <= 90 and 65 <= c2 <= 90:
        e = match_swift(s, n, pos, lim, &digit)
        if e and not digit and not has_context(s, n, pos, e, lim, T_SWIFT_CODE, &b.before):
            e = 0
        b.end, b.type_id = e, T_SWIFT_CODE
