# Network: email addresses (written and read out), URLs, IPv4 and IPv6, domain names.
# Included into core/_scan.pyx; declarations in network.pxd.

cdef inline bint unspaced_script(Py_UCS4 c) noexcept nogil:
    # scripts written without spaces between words (CJK, kana, Hangul, Thai): an address
    # glued to such text starts or ends where the script changes ("邮箱test@test.com")
    return ((0x3040 <= c <= 0x30FF) or (0x3400 <= c <= 0x4DBF) or (0x4E00 <= c <= 0x9FFF)
            or (0xAC00 <= c <= 0xD7AF) or (0x0E00 <= c <= 0x0E7F) or (0xF900 <= c <= 0xFAFF)
            or (0xFF61 <= c <= 0xFF9F))


cdef inline bint script_change(Py_UCS4 a, Py_UCS4 b) noexcept nogil:
    # an ASCII letter or digit next to a character of an unspaced script
    return ((a < 128 and (CLS[a] & (C_UPPER | C_LOWER | C_DIGIT)) != 0 and unspaced_script(b))
            or (b < 128 and (CLS[b] & (C_UPPER | C_LOWER | C_DIGIT)) != 0 and unspaced_script(a)))


cdef inline bint local_char(Py_UCS4 c) noexcept nogil:
    # an email local part's character: letters, digits, . _ % + -, and any non-ASCII word
    # character (RFC 6531 addresses: "jürgen.weiß", "用户", "θσερ")
    return (cls(c) & C_LOCAL) != 0 or (c >= 128 and not unicode_separator(c))


cdef inline bint label_char(Py_UCS4 c) noexcept nogil:
    # a host name label's character: letters, digits, '-', and non-ASCII word characters (IDN)
    return (cls(c) & C_DOMAIN) != 0 or (c >= 128 and not unicode_separator(c))


cdef Py_ssize_t email_start(const uchar_t* s, Py_ssize_t w, Py_ssize_t at_sign) noexcept nogil:
    # where the local part [w, at_sign) starts: after the last change of script inside it
    cdef Py_ssize_t i = at_sign - 1
    while i > w and not script_change(s[i - 1], s[i]):
        i -= 1
    return i


cdef Py_ssize_t match_email(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t at_sign,
                            Py_ssize_t lim) noexcept nogil:
    # local part [w, at_sign): 1-64 chars, no "..", no trailing '.'
    cdef Py_ssize_t i, label, labels = 0, tld_start = 0
    cdef int ascii_tld = 0, other_tld = 0
    if at_sign - w > 64 or s[at_sign - 1] == 46:
        return 0
    for i in range(w + 1, at_sign):
        if s[i] == 46 and s[i - 1] == 46:
            return 0
    if at(s, at_sign + 1, n) == 91:  # a domain literal: "user@[192.0.2.1]"
        i = match_ipv4(s, n, at_sign + 2, lim)
        return i + 1 if i and at(s, i, n) == 93 and not word_at(s, i + 1, n) else 0
    # domain: labels of letters, digits and inner hyphens (IDN: any word characters), joined
    # by single dots; it ends where an unspaced script starts after ASCII ("test.com邮箱")
    i = at_sign + 1
    while True:
        label = i
        while within(i, lim) and label_char(s[i]) and not (i > label and script_change(s[i - 1], s[i])):
            i += 1
        if i == label or i - label > 63 or s[label] == 45 or s[i - 1] == 45:
            return 0
        labels += 1
        tld_start = label
        if within(i + 1, lim) and s[i] == 46 and label_char(s[i + 1]):
            i += 1
            continue
        break
    if labels < 2 or i - at_sign - 1 > 253 or i - tld_start < 2 or not within(i, lim) and within(i, n):
        return 0
    # the top-level domain: letters of one script ("com", "广告", "कॉम"), or punycode "xn--..."
    for label in range(tld_start, i):
        if is_letter(s[label]):
            ascii_tld += 1
        elif s[label] >= 128:
            other_tld += 1
    if (ascii_tld and other_tld) or ascii_tld + other_tld != i - tld_start:
        if not (starts_with(s, tld_start, i, b"xn--") and i - tld_start > 4):
            return 0
    if (word_at(s, i, n) and not script_change(s[i - 1], s[i])) or at(s, i, n) == 64:
        return 0
    return i


cdef const char* SCHEMES[8]
SCHEMES[:] = [b"https://", b"http://", b"ftps://", b"ftp://", b"sftp://", b"wss://",
              b"ws://", b"www."]


cdef inline bint url_trailer(Py_UCS4 c) noexcept nogil:
    # punctuation that ends a sentence rather than a URL
    return c == 46 or c == 44 or c == 59 or c == 58 or c == 33 or c == 63 or c == 39 or c == 42


cdef Py_ssize_t url_body(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                         int* capped) noexcept nogil:
    # end of the URL body starting at i; trailing punctuation and unbalanced closers dropped
    cdef Py_ssize_t start = i, opens = 0, closes = 0
    cdef Py_UCS4 c
    # (it ends where an unspaced script follows an ASCII letter or digit: "example.com了解")
    while within(i, lim) and (cls(s[i]) & C_URL) and not (s[i] >= 128 and script_change(at(s, i - 1, n), s[i])):
        c = s[i]
        if c == 40 or c == 91:
            opens += 1
        elif c == 41 or c == 93:
            closes += 1
        i += 1
    if not within(i, lim) and within(lim, n):
        capped[0] = 1
        return i
    capped[0] = 0
    while i > start:
        c = s[i - 1]
        if url_trailer(c):
            i -= 1
        elif (c == 41 or c == 93) and closes > opens:
            closes -= 1
            i -= 1
        else:
            break
    return i


cdef Py_ssize_t match_url(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                          int* capped) noexcept nogil:
    cdef int k
    cdef Py_ssize_t i = 0, end
    for k in range(8):
        if starts_with(s, w, lim, SCHEMES[k]):
            i = w + <Py_ssize_t>strlen(SCHEMES[k])
            break
    if i == 0 or not within(i, lim):
        return 0
    if not ((cls(s[i]) & C_DOMAIN) and s[i] != 45) and not (s[i] == 91 and k < 7) \
            and not (s[i] >= 128 and label_char(s[i])):  # an IDN host: "https://例子.广告"
        return 0
    end = url_body(s, n, i, lim, capped)
    return end if end > i else 0


cdef Py_ssize_t match_ipv4(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim) noexcept nogil:
    # four dotted decimal octets 0-255 without leading zeros ("01" is octal to some
    # parsers and invalid to Python's ipaddress); not part of a longer dotted number
    cdef int octet, digits, k
    cdef Py_ssize_t i = w, first
    if at(s, w - 1, n) == 46:
        return 0
    for k in range(4):
        if k:
            if not within(i, lim) or s[i] != 46:
                return 0
            i += 1
        octet = 0
        digits = 0
        first = i
        while within(i, lim) and is_digit(s[i]) and digits < 4:
            octet = octet * 10 + (<int>s[i] - 48)
            digits += 1
            i += 1
        if digits == 0 or digits > 3 or octet > 255 or (digits > 1 and s[first] == 48):
            return 0
    if word_at(s, i, n) or (at(s, i, n) == 46 and is_digit(at(s, i + 1, n))):
        return 0
    return i


cdef Py_ssize_t match_ipv6(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim) noexcept nogil:
    # RFC 4291 text forms: 8 groups, or fewer around one "::", optionally ending in IPv4
    cdef int groups = 0, digits
    cdef bint compressed = False
    cdef Py_ssize_t i = w, g, v4
    if at(s, w - 1, n) == 58 or (cls(at(s, w - 1, n)) & C_HEX):
        return 0
    if within(i + 1, lim) and s[i] == 58 and s[i + 1] == 58:
        compressed = True
        i += 2
    while within(i, lim) and groups < 8:
        g = i
        digits = 0
        while within(i, lim) and (cls(s[i]) & C_HEX) and digits < 5:
            i += 1
            digits += 1
        if digits == 0:
            break
        if within(i + 1, lim) and s[i] == 46 and is_digit(s[i + 1]) and groups <= 6:
            v4 = match_ipv4(s, n, g, lim)
            if v4 and (at(s, g - 1, n) == 58):
                groups += 2
                i = v4
                break
            return 0
        if digits > 4:
            return 0
        groups += 1
        if within(i + 1, lim) and s[i] == 58 and s[i + 1] == 58:
            if compressed:
                return 0
            compressed = True
            i += 2
        elif within(i + 1, lim) and s[i] == 58 and (cls(s[i + 1]) & C_HEX):
            i += 1
        else:
            break
    if groups == 0 and compressed:
        return i if unspecified_alone(s, n, w, i, lim) else 0  # "::", the unspecified address
    if groups == 0 or (compressed and groups > 7) or (not compressed and groups != 8):
        return 0
    if word_at(s, i, n) or at(s, i, n) == 58 or (at(s, i, n) == 46 and is_digit(at(s, i + 1, n))):
        return 0
    return i


cdef inline bint unspecified_alone(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t e,
                                   Py_ssize_t lim) noexcept nogil:
    # "::" standing alone, not between words ("std::vector", "key :: value", "f :: Int")
    cdef Py_ssize_t i = e
    if word_at(s, w - 1, n):
        return False
    while within(i, lim) and s[i] == 32 and i - e < 4:
        i += 1
    return not word_at(s, i, n) and at(s, i, n) != 58 and not (not within(i, lim) and within(i, n))


cdef bint colon_ahead(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # an IPv6 address has a ':' within its first five characters
    cdef Py_ssize_t k = i
    while within(k, min(i + 5, lim)):
        if s[k] == 58:
            return True
        if not (cls(s[k]) & C_HEX):
            return False
        k += 1
    return False


cdef inline bint host_char(Py_UCS4 c) noexcept nogil:
    return c < 128 and (CLS[c] & C_DOMAIN) != 0


cdef Py_ssize_t match_domain(const uchar_t* s, Py_ssize_t n, Py_ssize_t w, Py_ssize_t lim,
                             bint* file_like) noexcept nogil:
    # host labels joined by dots (or by " dot ", as speech-to-text writes them) whose last
    # labels are a public suffix, with a label before it; one case throughout. end, or 0
    cdef Py_ssize_t i = w, label, starts[16], ends[16]
    cdef int labels = 0, k, m, uppers = 0, lowers = 0
    cdef unsigned long long h
    cdef unsigned int f
    cdef int value
    cdef Py_UCS4 c
    cdef bint spoken = False
    file_like[0] = False
    c = at(s, w - 1, n)
    if c == 46 or c == 64 or c == 47 or c == 45 or host_char(c):
        return 0
    while labels < 16:
        label = i
        while within(i, lim) and host_char(s[i]) and i - label < 64:
            c = s[i]
            if 65 <= c <= 90:
                uppers += 1
            elif 97 <= c <= 122:
                lowers += 1
            i += 1
        if i == label or s[label] == 45 or s[i - 1] == 45:
            return 0
        starts[labels] = label
        ends[labels] = i
        labels += 1
        if not spoken and within(i + 1, lim) and s[i] == 46 and host_char(s[i + 1]):
            i += 1
            continue
        if (labels == 1 or spoken) and starts_with(s, i, lim, b" dot ") and within(i + 5, lim) \
                and 97 <= s[i + 5] <= 122 and s[i + 1] == 100:
            spoken = True  # "acme dot com"
            i += 5
            continue
        break
    if labels < 2 or word_at(s, i, n) or at(s, i, n) == 64 or (uppers and lowers) or (spoken and uppers):
        return 0
    if at(s, i, n) == 46 and host_char(at(s, i + 1, n)):
        return 0  # cut at 16 labels or 64 characters
    # the longest public suffix: labels k.. for the smallest k >= 1
    for k in range(1, labels):
        h = FNV64_OFFSET
        for m in range(k, labels):
            if m > k:
                h = fnv64(h, 46)
            for label in range(starts[m], ends[m]):
                h = fnv64(h, s[label])
        if h == 0:
            h = 1
        value = 0
        f = gz_get(h, &value)
        if f & G_TLD:
            if labels == 2 and f & G_FILE_EXT:
                file_like[0] = True  # "setup.py", "notes.md": a file unless context says domain
            elif labels == 2 and value == WORD_TLD:
                # "thanks.it": a missing space when the name is a common word
                h = FNV64_OFFSET
                for label in range(starts[0], ends[0]):
                    h = fnv64(h, s[label])
                file_like[0] = (gz_get(h if h else 1, NULL) & (G_COMMON | G_STOP | G_FUNCTION)) != 0 \
                    or uppers > 0
            return i
        if f & G_TLD_WILD and k >= 2:
            return i
    return 0


cdef inline bint domain_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # after a word: more host-name characters and a '.', or " dot " ("acme-corp.com",
    # "acme dot com")
    cdef Py_ssize_t i = e
    while within(i, lim) and host_char(s[i]) and i - e < 64:
        i += 1
    return (at(s, i, n) == 46 and host_char(at(s, i + 1, n))) \
        or (at(s, i, n) == 32 and at(s, i + 1, n) == 100 and at(s, i + 2, n) == 111 and at(s, i + 3, n) == 116
            and at(s, i + 4, n) == 32)


cdef inline bint at_word_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    return at(s, i, n) == 32 and at(s, i + 1, n) == 97 and at(s, i + 2, n) == 116 and at(s, i + 3, n) == 32


cdef Py_ssize_t match_spoken_email(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos,
                                   Py_ssize_t lim) noexcept nogil:
    # "zoenovak at yahoo dot com", "john dot smith at gmail dot com", "j_doe42 at acme.org":
    # an address as speech-to-text writes it; end, or 0
    cdef Py_ssize_t i = pos, k, d
    cdef Word w
    cdef bint file_like = False, plain = True
    cdef int parts = 0
    while within(i, lim) and parts < 8:
        k = i
        while within(i, lim) and (cls(s[i]) & C_LOCAL) and s[i] != 46 and i - k < 64:
            i += 1
        if i == k:
            return 0
        parts += 1
        if i - k != 0 and not (read_word(s, n, k, i, &w) and i == w.end):
            plain = False  # digits, '_', '+' or '-' in it: no everyday word
        if at(s, i, n) == 46 and (cls(at(s, i + 1, n)) & C_LOCAL):
            i += 1
            plain = False
        elif starts_with(s, i, lim, b" dot ") and (cls(at(s, i + 5, n)) & C_LOCAL):
            i += 5
            plain = False
        else:
            break
    if not at_word_ahead(s, n, i):
        return 0
    if plain and parts == 1:
        # one plain word: a name-like word, not "me at", "home at"
        if not read_word(s, n, pos, i, &w) or gz_get(w.hash, NULL) & (G_COMMON | G_STOP | G_FUNCTION | G_NUMBER):
            return 0
    d = match_domain(s, n, i + 4, lim, &file_like)
    if not d or file_like:
        return 0
    for k in range(i + 4, d):
        if s[k] == 32:
            return d  # the domain said too ("yahoo dot com"): an address read out
    return 0


cdef inline bint dom_ok(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim, Py_ssize_t* e,
                        unsigned long long* before) noexcept nogil:
    cdef bint file_like = False
    e[0] = match_domain(s, n, pos, lim, &file_like)
    return e[0] != 0 and (not file_like or has_context_before(s, n, pos, T_DOMAIN_NAME, before))


cdef inline void ipv4_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                         const Options* opt, const Groups* g, Best* b) noexcept nogil:
    # four dotted octets, unless a veto word ("version 4.18.14.13") stands before them
    cdef Py_ssize_t e
    if type_on(opt, T_IP_ADDRESS) and is_digit(s[pos]):
        e = match_ipv4(s, n, pos, lim)
        if e > b.end and not vetoed(s, n, pos, T_IP_ADDRESS, &b.before):
            b.end, b.type_id = e, T_IP_ADDRESS


cdef inline void url_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                        const Options* opt, unsigned char pair, int* carry, Best* b) noexcept nogil:
    # "https://...", "www.": a URL still going at the window's end goes on in the next one
    cdef int capped = 0
    cdef Py_ssize_t e
    if pair & P_URL and type_on(opt, T_URL):
        e = match_url(s, n, pos, lim, &capped)
        if e:
            b.end, b.type_id = e, T_URL
            if capped:
                carry[0] |= CARRY_URL
                if has_context(s, n, pos, e, lim, T_URL, &b.before):
                    carry[0] |= CARRY_URL_CONTEXT


cdef Py_ssize_t glued_start(const uchar_t* s, Py_ssize_t pos, Py_ssize_t word_end) noexcept nogil:
    # the first ASCII letter in the word [pos, word_end) right after a character of an
    # unspaced script ("访问https://..."); word_end when none
    cdef Py_ssize_t i
    for i in range(pos + 1, word_end):
        if is_letter(s[i]) and unspaced_script(s[i - 1]):
            return i
    return word_end


cdef inline int glued_url_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end,
                             Py_ssize_t lim, int* carry, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # a URL glued to text in a script without spaces ("请访问https://example.com"): 1 when
    # one was pushed (end set), 0, or -1 on allocation failure
    cdef Py_ssize_t start = glued_start(s, pos, word_end), e
    cdef unsigned long long before = ~0ULL
    cdef int capped = 0
    if start == word_end:
        return 0
    e = match_url(s, n, start, lim, &capped)
    if not e:
        return 0
    if capped:
        carry[0] |= CARRY_URL
        if has_context(s, n, start, e, lim, T_URL, &before):
            carry[0] |= CARRY_URL_CONTEXT
    if push_match(out, s, n, start, e, lim, T_URL, 0, &before) < 0:
        return -1
    end[0] = e
    return 1


cdef inline void ipv6_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                         const Options* opt, Py_UCS4 c2, Best* b) noexcept nogil:
    # "fe80::1", "2001:db8::8a2e:370:7334" (one starting with a digit is read as a number is)
    if not b.end and (cls(s[pos]) & C_HEX) and (c2 == 58 or cls(c2) & C_HEX) \
            and type_on(opt, T_IP_ADDRESS) and colon_ahead(s, pos, lim):
        b.end, b.type_id = match_ipv6(s, n, pos, lim), T_IP_ADDRESS


cdef inline bint spoken_email_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                 const Options* opt, Py_ssize_t word_end, Best* b) noexcept nogil:
    # "zoenovak at yahoo dot com": an address as speech-to-text writes it
    cdef Py_ssize_t e
    if type_on(opt, T_EMAIL_ADDRESS) and (at_word_ahead(s, n, word_end) or domain_ahead(s, n, word_end, lim)):
        e = match_spoken_email(s, n, pos, lim)
        if e:
            b.end, b.type_id = e, T_EMAIL_ADDRESS
            return True
    return False


cdef inline bint domain_word_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Word* w, Best* b) noexcept nogil:
    # "acme-corp.com", "ACME.COM": a host name under a public suffix; with a path after it
    # a URL ("github.com/user/repo")
    cdef Py_ssize_t e = 0, path
    cdef int capped = 0
    if type_on(opt, T_DOMAIN_NAME) and (w.shape == S_LOWER or w.shape == S_UPPER) \
            and domain_ahead(s, n, w.end, lim) and dom_ok(s, n, pos, lim, &e, &b.before):
        b.end, b.type_id = e, T_DOMAIN_NAME
        if at(s, e, n) == 47 and type_on(opt, T_URL):
            path = url_body(s, n, e, lim, &capped)  # (cut at the window, not carried on)
            if path > e:
                b.end, b.type_id = path, T_URL
        return True
    return False
