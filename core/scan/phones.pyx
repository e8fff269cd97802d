# Phones: what core/values.phone_e164 and phone_unvalidated answer, from phonenumbers'
# metadata compiled into C tables (scan/phone_tables.h): phonenumbers.parse, is_valid_number,
# is_possible_number and the NATIONAL format's digits, step for step, on the digits of a
# candidate. Included into core/_scan.pyx; declarations in phones.pxd.


cdef int prog_match(int prog, const char* d, int n, int* slots) noexcept nogil:
    # re.match of a program on digits: the end of Python's (leftmost-first) match with its
    # group bounds in slots, or -1. Backtracking that never visits a (step, position) pair
    # twice (RE2's BitState): a second visit would fail as the first did, so the work is
    # linear in steps x positions
    cdef const unsigned short* code = PHONE_PROG + 3 * prog
    cdef unsigned char small_seen[PHONE_SMALL_SEEN]
    cdef int small_stack[2 * PHONE_SMALL_VISITS + 2]
    cdef int steps = 0, pc, pos, top = 0, k, visit, end = -1
    cdef unsigned char* seen = small_seen
    cdef int* stack = small_stack
    cdef unsigned short op
    while code[3 * steps] != OP_MATCH:
        steps += 1
    steps += 1
    if steps * (n + 1) > PHONE_SMALL_VISITS:
        seen = <unsigned char*>calloc(steps * (n + 1) // 8 + 1, 1)
        stack = <int*>malloc(2 * sizeof(int) * (steps * (n + 1) + PHONE_SLOTS))
        if seen == NULL or stack == NULL:
            free(seen)
            free(stack)
            return -1
    else:
        for k in range(steps * (n + 1) // 8 + 1):
            seen[k] = 0
    for k in range(PHONE_SLOTS):
        slots[k] = -1
    stack[0], stack[1] = 0, 0
    top = 2
    while top and end < 0:
        top -= 2
        pc, pos = stack[top], stack[top + 1]
        if pc < 0:  # a group bound to restore on the way back
            slots[-pc - 1] = pos
            continue
        while True:
            visit = pc * (n + 1) + pos
            if seen[visit >> 3] & (1 << (visit & 7)):
                break
            seen[visit >> 3] |= 1 << (visit & 7)
            op = code[3 * pc]
            if op == OP_CLASS:
                if pos < n and (code[3 * pc + 1] >> (d[pos] - 48)) & 1:
                    pc, pos = pc + 1, pos + 1
                    continue
                break
            elif op == OP_SPLIT:  # the first branch now, the second on the way back
                stack[top], stack[top + 1] = code[3 * pc + 2], pos
                top += 2
                pc = code[3 * pc + 1]
            elif op == OP_JMP:
                pc = code[3 * pc + 1]
            elif op == OP_SAVE:
                stack[top], stack[top + 1] = -code[3 * pc + 1] - 1, slots[code[3 * pc + 1]]
                top += 2
                slots[code[3 * pc + 1]] = pos
                pc += 1
            elif op == OP_END:
                if pos != n:
                    break
                pc += 1
            else:  # OP_MATCH
                end = pos
                break
    if seen != small_seen:
        free(seen)
        free(stack)
    return end


cdef inline unsigned int described(int meta, const char* d, int n) noexcept nogil:
    # the descriptions whose national_number_pattern matches d in full: one table walk a digit
    cdef int base = PHONE_META[meta].dfa, state = 1, i
    for i in range(n):
        state = PHONE_DFA[(base + state) * 10 + d[i] - 48]
        if state == 0:
            return 0
    return PHONE_ACCEPT[base + state]


cdef inline bint general(int meta, const char* d, int n) noexcept nogil:
    # _match_national_number(d, general_desc): its pattern, lengths not looked at
    return described(meta, d, n) & 1


cdef inline const PhoneLength* length_of(int meta, int n) noexcept nogil:
    return &PHONE_LENGTHS[meta * (PHONE_MAX_LENGTH + 1) + (n if n < PHONE_MAX_LENGTH else PHONE_MAX_LENGTH)]


cdef inline bint typed(int meta, const char* d, int n) noexcept nogil:
    # _number_type_helper(d) != UNKNOWN: general_desc and some number type match, lengths too
    cdef unsigned int m = described(meta, d, n) & length_of(meta, n).types
    return (m & 1) and (m >> 1)


cdef inline int expand(const char* rule, const int* slots, const char* d, char* out) noexcept nogil:
    # a rule's digits, its own and group k's (written chr(k)) as matched; a group that took
    # no part adds nothing (re.sub's expansion). Their count, or -1 past PHONE_DIGITS
    cdef int i = 0, k = 0, g, a
    while rule[i]:
        g = rule[i]
        i += 1
        if g >= 48:
            out[k] = g
            k += 1
        elif slots[2 * g] >= 0:
            if k + slots[2 * g + 1] - slots[2 * g] > PHONE_DIGITS:
                return -1
            for a in range(slots[2 * g], slots[2 * g + 1]):
                out[k] = d[a]
                k += 1
        if k >= PHONE_DIGITS:
            return -1
    return k


cdef int strip_national_prefix(int meta, const char* d, int n, char* out) noexcept nogil:
    # _maybe_strip_national_prefix_carrier_code: the national number written to out without
    # its national prefix for parsing (or transformed by its rule); its length, or -1 when too long
    cdef const PhoneMeta* m = &PHONE_META[meta]
    cdef int slots[PHONE_SLOTS]
    cdef int e, k
    cdef bint viable
    e = prog_match(m.national_prefix_for_parsing, d, n, slots) if n and m.national_prefix_for_parsing >= 0 else -1
    if e < 0:
        memcpy(out, d, n)
        return n
    viable = general(meta, d, n)
    if not m.transform[0] or slots[2 * m.groups] < 0:
        if viable and not general(meta, d + e, n - e):
            memcpy(out, d, n)
            return n
        memcpy(out, d + e, n - e)
        return n - e
    k = expand(m.transform, slots, d, out)  # the rule, then the rest after the match
    if k < 0:
        return -1
    if k + n - e > PHONE_DIGITS:
        return -1
    memcpy(out + k, d + e, n - e)
    k += n - e
    if viable and not general(meta, out, k):
        memcpy(out, d, n)
        return n
    return k


cdef inline int country_code(const char* d, int n, int* cc) noexcept nogil:
    # _extract_country_code: the digits of the first 1-3 digit prefix that is a calling code, or 0
    cdef int k, v = 0
    if n == 0 or d[0] == 48:
        return 0
    for k in range(min(n, 3)):
        v = v * 10 + d[k] - 48
        if PHONE_CC_FIRST[v] != PHONE_CC_FIRST[v + 1]:
            cc[0] = v
            return k + 1
    return 0


cdef int parse_number(const char* d, int n, int region, int* cc, char* nsn) noexcept nogil:
    # phonenumbers.parse of a candidate's digits, in `region` (-1: written with '+'): its
    # calling code and the length of its national significant number (written to nsn), or -1
    # where parse raises
    cdef char stripped[PHONE_DIGITS]
    cdef char code[8]
    cdef int slots[PHONE_SLOTS]
    cdef int e, k, meta = region, length
    cc[0] = 0
    if region < 0 or PHONE_META[region].idd >= 0:
        # after '+', or the region's international prefix unless a 0 follows it
        e = 0 if region < 0 else prog_match(PHONE_META[region].idd, d, n, slots)
        if e >= 0 and (region < 0 or e == n or d[e] != 48):
            d, n = d + e, n - e
            k = country_code(d, n, cc) if n > 2 else 0
            if k == 0:
                return -1
            d, n = d + k, n - k
            meta = PHONE_CC_MAIN[cc[0]]
    if cc[0] == 0:
        # the region's own calling code written without '+' ("49 30 123456" in DE) counts
        # when the rest reads better as a national number, or the whole is too long
        k = sprintf(code, "%d", PHONE_META[region].country_code)
        if n >= k and memcmp(d, code, k) == 0:
            length = strip_national_prefix(region, d + k, n - k, stripped)
            if length >= 0 and ((not general(region, d, n) and general(region, stripped, length))
                                or length_of(region, n).result == L_TOO_LONG):
                cc[0] = PHONE_META[region].country_code
                d, n = stripped, length
                meta = PHONE_CC_MAIN[cc[0]]
        if cc[0] == 0:
            cc[0] = PHONE_META[region].country_code
    if n < 2:
        return -1
    length = strip_national_prefix(meta, d, n, nsn)
    if length < 0:
        return -1
    k = length_of(meta, length).result
    if k == L_TOO_SHORT or k == L_LOCAL_ONLY or k == L_INVALID_LENGTH:
        memcpy(nsn, d, n)
        length = n
    return length if 2 <= length <= MAX_NSN else -1


cdef bint valid_number(int cc, const char* nsn, int n) noexcept nogil:
    # is_valid_number: the number's region (of a shared calling code, the first whose leading
    # digits start it or, without leading digits, whose types it matches), then its types
    cdef int i, meta, first = PHONE_CC_FIRST[cc], last = PHONE_CC_FIRST[cc + 1]
    cdef int slots[PHONE_SLOTS]
    if last - first == 1:
        return typed(PHONE_CC_REGIONS[first], nsn, n)
    for i in range(first, last):
        meta = PHONE_CC_REGIONS[i]
        if PHONE_META[meta].leading_digits >= 0:
            if prog_match(PHONE_META[meta].leading_digits, nsn, n, slots) >= 0:
                return typed(meta, nsn, n)
        elif typed(meta, nsn, n):
            return True
    return False


cdef int national_digits(int cc, const char* nsn, int n, char* out) noexcept nogil:
    # the digits format_number(NATIONAL) writes first: the first format of the calling code's
    # main region whose leading digits and pattern take the number writes its first match by
    # its NATIONAL rule (the rest follows); no format: the number. Their count, or -1
    cdef int meta = PHONE_CC_MAIN[cc], f
    cdef int slots[PHONE_SLOTS]
    cdef const PhoneFormat* fmt
    for f in range(PHONE_META[meta].first_format, PHONE_META[meta].first_format + PHONE_META[meta].formats):
        fmt = &PHONE_FORMATS[f]
        if fmt.leading >= 0 and prog_match(fmt.leading, nsn, n, slots) < 0:
            continue
        if prog_match(fmt.whole, nsn, n, slots) < 0:
            continue
        if prog_match(fmt.first, nsn, n, slots) < 0:
            return -1
        return expand(fmt.national, slots, nsn, out)
    memcpy(out, nsn, n)
    return n


cdef inline bint extension_at(const uchar_t* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    # s[i:] is an extension after the number's spaces (core/values.PHONE_EXTENSION): "x068",
    # "ext. 45", "extension 12", "#123"
    cdef Py_ssize_t k
    if n - i >= 9 and ascii_lower_is(s + i, "extension", 9):
        i += 9
    elif n - i >= 3 and ascii_lower_is(s + i, "ext", 3):
        i += 4 if n - i > 3 and s[i + 3] == 46 else 3
    elif i < n and (s[i] == 35 or s[i] == 120 or s[i] == 88):
        i += 1
    else:
        return False
    if i < n and s[i] == 32:
        i += 1
    for k in range(i, n):
        if not 48 <= s[k] <= 57:
            return False
    return 1 <= n - i <= 6


cdef inline bint ascii_lower_is(const uchar_t* s, const char* word, int k) noexcept nogil:
    cdef int i
    for i in range(k):
        if (<unsigned int>s[i] | 32) != <unsigned char>word[i]:
            return False
    return True


cdef int read_phone(const uchar_t* s, Py_ssize_t start, Py_ssize_t n, PhoneText* t) noexcept nogil:
    # the candidate s[start:n] of the scanner's shapes, as phonenumbers reads it: '+' first or
    # not, digits, spaces and - . / ( ), then maybe an extension (left out); 1, or 0 for any
    # other shape, or fewer than three digits (or three after the call prefix)
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    s += start
    n -= start
    t.n = 0
    t.plus = n > 0 and s[0] == 43
    i = t.plus
    while i < n:
        c = s[i]
        if 48 <= c <= 57:
            if t.n == PHONE_DIGITS:
                return 0
            t.digits[t.n] = <char>c
            t.n += 1
        elif not (c == 32 or c == 45 or c == 46 or c == 47 or c == 40 or c == 41):
            break
        i += 1
    if i < n and not extension_at(s, i, n):
        return 0
    t.call_prefix = 0
    if n >= 2 and s[0] == 48 and s[1] == 48:
        t.call_prefix = 2       # ITU's international prefix
    elif n >= 4 and s[0] == 48 and s[1] == 49 and s[2] == 49 and (s[3] == 32 or s[3] == 45 or s[3] == 46):
        t.call_prefix = 3       # North America's, followed by a separator
    return t.n - t.call_prefix >= 3


cdef inline int e164(int cc, const char* nsn, int n, char* out) noexcept nogil:
    cdef int k = sprintf(out, "+%d", cc)
    memcpy(out + k, nsn, n)
    return k + n


cdef int phone_e164_of(const PhoneText* t, const int* regions, int count, char* out) noexcept nogil:
    # core/values.phone_e164 tried in each region in order: the E.164 form (written to out)
    # of the first reading a plan validates, its length; PHONE_INVALID; PHONE_UNREAD
    cdef char nsn[PHONE_DIGITS]
    cdef char national[PHONE_DIGITS]
    cdef int cc, length, r, p, k
    cdef const char* prefix
    if t.plus or t.call_prefix:  # its own country's plan first
        length = parse_number(t.digits + t.call_prefix, t.n - t.call_prefix, -1, &cc, nsn)
        if length > 0 and valid_number(cc, nsn, length):
            return e164(cc, nsn, length, out)
        if t.plus:
            return PHONE_INVALID
    for r in range(count):
        length = parse_number(t.digits, t.n, regions[r], &cc, nsn)
        if length < 0 or not valid_number(cc, nsn, length):
            continue
        prefix = PHONE_META[regions[r]].national_prefix
        p = strlen(prefix)
        if p and memcmp(t.digits, prefix, p) != 0:
            # written without the trunk prefix its national format has: another number
            k = national_digits(cc, nsn, length, national)
            if k < p or p > t.n:
                return PHONE_UNREAD
            if memcmp(national, prefix, p) == 0:
                continue
        return e164(cc, nsn, length, out)
    return PHONE_INVALID


cdef int phone_possible_of(const PhoneText* t, char* out) noexcept nogil:
    # a number written with '+' whose length its country's plan allows for a full number
    # (is_possible_number_with_reason == IS_POSSIBLE): its E.164 form's length, or PHONE_INVALID
    cdef char nsn[PHONE_DIGITS]
    cdef int cc, length
    if not t.plus:
        return PHONE_INVALID
    length = parse_number(t.digits, t.n, -1, &cc, nsn)
    if length < 0 or length_of(PHONE_CC_MAIN[cc], length).result != L_POSSIBLE:
        return PHONE_INVALID
    return e164(cc, nsn, length, out)


cdef inline bint phone_value(const char* written, int length, bint plus, Span* span) noexcept nogil:
    # a settled phone's value into its span: the digits in aux, their count in flags >> 9, '+'
    # first by F_VALUE_PLUS (core.detect.normalise writes it back); False past 18 digits
    cdef int i
    if length > 18:
        return False
    span.aux = 0
    for i in range(length):
        span.aux = span.aux * 10 + written[i] - 48
    span.flags = F_PHONE_VALUE | (F_VALUE_PLUS if plus else 0) | (length << 9)
    return True


cdef int settle_phone_group(const uchar_t* s, Py_ssize_t n, Span* group, int size, const int* regions,
                            int count) noexcept nogil:
    # core.detect.phone_entity in C for one start's candidates (longest first): group[0]
    # becomes the phone found (1), or there is none (0); -1: a shape the tables do not read
    # or a number said in words, left to Python
    cdef PhoneText t
    cdef Span found
    cdef char out[PHONE_DIGITS + 8]
    cdef int k, length = 0, chosen = -1
    cdef unsigned long long before = ~0ULL
    cdef bint ctx, read
    for k in range(size):  # the longest that a plan validates
        if group[k].flags & F_SPOKEN or not read_phone(s, group[k].start, group[k].end, &t):
            return -1
        length = phone_e164_of(&t, regions, count, out)
        if length == PHONE_UNREAD:
            return -1
        if length:
            chosen = k
            read = phone_value(out + 1, length - 1, True, &found)
            break
    for k in range(size if chosen < 0 else 0):  # else kept: '+' and a possible length, or a strong cue
        read_phone(s, group[k].start, group[k].end, &t)
        length = phone_possible_of(&t, out)
        if length or group[k].flags & F_PHONE_CUE:
            chosen = k
            read = (phone_value(out + 1, length - 1, True, &found) if length
                    else phone_value(t.digits, t.n, t.plus, &found))
            found.flags |= F_PHONE_KEPT
            break
    if chosen < 0:
        return 0
    if not read:
        return -1
    ctx = has_context(s, n, group[chosen].start, group[chosen].end, min(n, group[chosen].start + LOOKAHEAD),
                      T_PHONE_NUMBER, &before)
    if (before >> (T_PHONE_NUMBER + VETO_SHIFT)) & 1:
        return 0  # a veto word before it: "order 7715577113"
    group[0].end = group[chosen].end
    group[0].flags = found.flags | (F_CONTEXT if ctx else 0)
    group[0].score = scored(T_PHONE_NUMBER, ctx)  # (a kept one's: core.detect.PHONE_CUE_SCORE)
    group[0].aux = found.aux
    return 1


cdef int settle_phones(const uchar_t* s, Py_ssize_t n, SpanVec* v, const int* regions, int count) noexcept nogil:
    # every group of tentative phone candidates settled in place (settle_phone_group); the
    # groups left to Python stay as they are
    cdef Py_ssize_t i = 0, j, kept = 0
    cdef int r
    while i < v.size:
        j = i + 1
        if v.items[i].flags & F_TENTATIVE:
            while j < v.size and v.items[j].flags & F_ALTERNATIVE:
                j += 1
            r = settle_phone_group(s, n, v.items + i, <int>(j - i), regions, count)
            if r >= 0:
                if r:
                    v.items[kept] = v.items[i]
                    kept += 1
                i = j
                continue
        while i < j:
            v.items[kept] = v.items[i]
            kept += 1
            i += 1
    v.size = kept
    return 0


cdef int settle_kind(int kind, const void* data, Py_ssize_t n, SpanVec* v, const int* regions,
                     int count) noexcept nogil:
    if kind == PyUnicode_1BYTE_KIND:
        return settle_phones(<const Py_UCS1*>data, n, v, regions, count)
    if kind == PyUnicode_2BYTE_KIND:
        return settle_phones(<const Py_UCS2*>data, n, v, regions, count)
    return settle_phones(<const Py_UCS4*>data, n, v, regions, count)


PHONENUMBERS_VERSION = PHONE_TABLES_VERSION.decode()  # the phonenumbers the tables were compiled from
# region code -> its metadata's index in the tables
PHONE_REGIONS = {PHONE_REGION_CODES[2 * k:2 * k + 2].decode(): k for k in range(PHONE_N_REGIONS)}


cdef inline int read_candidate(str candidate, PhoneText* t):
    if PyUnicode_KIND(candidate) != PyUnicode_1BYTE_KIND:
        return 0
    return read_phone(<const Py_UCS1*>PyUnicode_DATA(candidate), 0, PyUnicode_GET_LENGTH(candidate), t)


cdef int read_region_ids(tuple ids, int* regions) except -1:
    # PHONE_REGIONS' values into regions; their count
    cdef int count = 0
    if len(ids) > MAX_PHONE_REGIONS:
        raise ValueError(f"at most {MAX_PHONE_REGIONS} phone regions")
    for r in ids:
        if not 0 <= r < PHONE_N_REGIONS:
            raise ValueError("region id outside the phone tables")
        regions[count] = r
        count += 1
    return count


def phone_e164(str candidate, tuple region_ids):
    """E.164 form of a valid phone number, read in its own country's plan when written with
    '+' or a call prefix, else in each of `region_ids` (PHONE_REGIONS' values) in order, as
    core.values.phone_e164 answers; None; "" when the candidate is not of a shape the tables
    read (ask phonenumbers)."""
    cdef PhoneText t
    cdef int regions[MAX_PHONE_REGIONS]
    cdef int count = read_region_ids(region_ids, regions), length
    cdef char out[PHONE_DIGITS + 8]
    if not read_candidate(candidate, &t):
        return ""
    length = phone_e164_of(&t, regions, count, out)
    if length == PHONE_UNREAD:
        return ""
    return out[:length].decode() if length else None


def phone_possible(str candidate):
    """E.164 form of a number written with '+' in a length its country's plan allows (as
    core.values.phone_unvalidated keeps it), else None; "" when not of a shape the tables read."""
    cdef PhoneText t
    cdef int length
    cdef char out[PHONE_DIGITS + 8]
    if not read_candidate(candidate, &t):
        return ""
    length = phone_possible_of(&t, out)
    return out[:length].decode() if length else None
