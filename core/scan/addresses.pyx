# Addresses: street lines, units, P.O. boxes, military addresses, ZIP codes and
# UK/Canadian postcodes, and the city/state/postcode lines that follow a street.
# Included into core/_scan.pyx; declarations in addresses.pxd.

cdef Py_ssize_t blank_run(const uchar_t* s, Py_ssize_t i, Py_ssize_t j, Py_ssize_t lim,
                          int* breaks, int* spaces) noexcept nogil:
    # spaces and line breaks ("\r\n" too) from j, within twelve code points of i: where
    # they end; counts the breaks, and the spaces after the last break
    while within(j, lim) and j - i < 12:
        if s[j] == 10:
            breaks[0] += 1
            spaces[0] = 0
        elif s[j] == 32:
            spaces[0] += 1
        elif not (s[j] == 13 and within(j + 1, lim) and s[j + 1] == 10):
            break
        j += 1
    return j


cdef Py_ssize_t skip_comma_space(const uchar_t* s, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # before the next part of an address: ", " or one space, or a line break (",\n", "\r\n")
    # with up to four spaces of indent, at most two of them (a blank line between); the
    # next part's start, or 0
    cdef Py_ssize_t j = i
    cdef int breaks = 0, spaces = 0
    if within(j, lim) and s[j] == 44:
        j += 1
    j = blank_run(s, i, j, lim, &breaks, &spaces)
    if not within(j, lim) or s[j] == 32 or s[j] == 10 or s[j] == 13 or breaks > 2 or spaces > 4:
        return 0
    if breaks == 0 and spaces != 1:
        return 0
    return j


cdef Py_ssize_t read_zip(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # a US ZIP code, 5 digits or ZIP+4; end, or 0
    cdef int k
    if not within(i + 4, lim):
        return 0
    for k in range(5):
        if not is_digit(s[i + k]):
            return 0
    i += 5
    if within(i + 4, lim) and s[i] == 45 and is_digit(s[i + 1]) and is_digit(s[i + 2]) \
            and is_digit(s[i + 3]) and is_digit(s[i + 4]) and not word_at(s, i + 5, n):
        return i + 5
    return 0 if word_at(s, i, n) else i


cdef inline bint up(Py_UCS4 c) noexcept nogil:
    return 65 <= c <= 90


cdef Py_ssize_t read_uk_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "SW1A 1AA", "M1 1AE", "B33 8TH", "W1A 0AX", "EC1A 1BB": outward, space, inward
    cdef Py_ssize_t j = i, k
    if word_at(s, i - 1, n) or not up(at(s, j, n)):
        return 0
    j += 1
    if up(at(s, j, n)):
        j += 1
    if not is_digit(at(s, j, n)):
        return 0
    j += 1
    if is_digit(at(s, j, n)) or up(at(s, j, n)):
        j += 1
    if at(s, j, n) != 32 or j - i > 4:
        return 0
    k = j + 1
    if not within(k + 2, lim) or not (is_digit(s[k]) and up(s[k + 1]) and up(s[k + 2])) or word_at(s, k + 3, n):
        return 0
    return k + 3


cdef Py_ssize_t read_ca_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "K1A 0B1": letter digit letter, an optional space, digit letter digit
    cdef Py_ssize_t j = i
    if word_at(s, i - 1, n) or not within(i + 5, lim):
        return 0
    if not (up(s[j]) and is_digit(s[j + 1]) and up(s[j + 2])):
        return 0
    j += 3
    if s[j] == 32:
        j += 1
    if not within(j + 2, lim) or not (is_digit(s[j]) and up(s[j + 1]) and is_digit(s[j + 2])) or word_at(s, j + 3, n):
        return 0
    return j + 3


cdef Py_ssize_t address_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                             bint lower_ok) noexcept nogil:
    # after a street line or a box: ", City, ST 12345", ", ST 12345", "\nSheffield S1 5US",
    # ", Ottawa, ON K1A 0B1", "st. louis missouri 63137" (lower case: only when `lower_ok`);
    # the address's new end (e when none of these follows)
    cdef Word w, last
    cdef Py_ssize_t j, k, best = e, city_end = 0, z
    cdef unsigned int f = 0, fw
    cdef int words, value = 0
    j = skip_comma_space(s, e, lim)
    if not j:
        return e
    # the city: up to three words, capitalised (or lower case with context)
    k = j
    for words in range(3):
        if not read_word(s, n, k, lim, &w) or (w.shape == S_LOWER and not lower_ok):
            break
        fw = gz_get(w.hash, NULL)
        if words == 0 and fw & G_STOP and not fw & (G_CITY | G_STATE) or fw & G_NUMBER:
            break
        if city_end and (w.shape == S_UPPER and w.end - w.start == 2 and fw & G_ABBR):
            break  # "Austin TX": the state
        if fw & G_STATE and city_end and lower_ok:
            break  # "spokane washington"
        city_end = w.end
        if (at(s, w.end, n) == 39 or at(s, w.end, n) == 0x2019) and lower(at(s, w.end + 1, n)) == 115 \
                and not word_at(s, w.end + 2, n):
            city_end = w.end + 2  # "St. John's"
        k = city_end + 1 if at(s, city_end, n) == 46 else city_end  # "st. louis"
        k = space_gap(s, k, lim)
        if not k:
            break
    if city_end:
        z = read_uk_postcode(s, n, city_end + 1, lim) if at(s, city_end, n) == 32 else 0
        if z:
            return z
        if read_word(s, n, skip_comma_space(s, e, lim), lim, &w):
            # ", Springfield" and nothing more: the city when a list has it
            fw = gz_get(w.hash, NULL)
            words = longest_phrase(s, n, &w, fw, lim, G_CITY, &last, &f, &value, False)
            if words and last.end == city_end and not (words == 1 and fw & (G_COMMON | G_FIRST)):
                best = city_end
        j = skip_comma_space(s, city_end, lim)
        if not j:
            return best
    # the state: a code or a name, then maybe a ZIP or a Canadian postcode
    if read_word(s, n, j, lim, &w):
        fw = gz_get(w.hash, NULL)
        if w.shape == S_UPPER and w.end - w.start == 2 and fw & G_ABBR:
            best = w.end
        elif w.shape == S_CAP or (w.shape == S_LOWER and lower_ok):
            words = longest_phrase(s, n, &w, fw, lim, G_STATE, &last, &f, &value, lower_ok)
            if words:
                best = last.end
        if best > e:
            k = skip_comma_space(s, best, lim)
            if k:
                z = read_zip(s, n, k, lim)
                if not z:
                    z = read_ca_postcode(s, n, k, lim)
                if z:
                    best = z
            return best
    if city_end:
        z = read_zip(s, n, j, lim)  # "Springfield 62704"
        if z:
            return z
    return best


cdef Py_ssize_t read_ordinal(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "5th", "42nd", "1st", "3rd": end, or 0
    cdef Py_ssize_t j = i
    while within(j, lim) and is_digit(s[j]) and j - i < 4:
        j += 1
    if j == i or not within(j + 1, lim):
        return 0
    if not (starts_with(s, j, lim, b"st") or starts_with(s, j, lim, b"nd")
            or starts_with(s, j, lim, b"rd") or starts_with(s, j, lim, b"th")):
        return 0
    return 0 if word_at(s, j + 2, n) else j + 2


cdef Py_ssize_t match_street(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                             bint lower_ok) noexcept nogil:
    # "1234 Elm Street, Apt 5B, Springfield, IL 62704", "77 W 45th St", "583 rue Principale":
    # a house number, street name words and a street suffix, then the rest; end, or 0.
    # Lower-case words only when `lower_ok` (an address context word came before)
    cdef Py_ssize_t i = pos, j, e = 0, k, dot = 0
    cdef Word w
    cdef unsigned int f
    cdef int names = 0, t, lowers = 0
    cdef bint prefixed = False, plain = True
    while within(i, lim) and is_digit(s[i]) and i - pos < 6:
        i += 1
    if i - pos > 5 or (within(i, lim) and is_digit(s[i])):
        return 0
    if within(i, lim) and is_letter(s[i]) and not word_at(s, i + 1, n):
        i += 1  # "221B"
    elif within(i + 1, lim) and s[i] == 45 and is_digit(s[i + 1]):
        i += 1  # "123-45" (Queens)
        while within(i, lim) and is_digit(s[i]) and i - pos < 10:
            i += 1
    if at(s, i, n) == 44 and at(s, i + 1, n) == 32 and read_word(s, n, i + 2, lim, &w) \
            and gz_get(w.hash, NULL) & G_STREET_PREFIX:
        j = i + 2  # "57, boulevard de Touil": a comma before a street type written first
    else:
        j = space_gap(s, i, lim)
    if not j:
        return 0
    k = read_unit(s, n, j, lim, False) if word_then_number(s, n, j, lim) else 0
    if k and at(s, k, n) == 32 and capital_at(s, n, k + 1):
        j = k + 1  # "67 Khu 41 Lê Thánh Tôn": an area and its number before the street
    for t in range(6):
        k = read_ordinal(s, n, j, lim)
        if k:
            names += 1
            plain = False
            i = k
        elif read_word(s, n, j, lim, &w) and (w.shape != S_LOWER or lower_ok or t == 0
                                               or (prefixed and lowers < 2)
                                               or (names and gz_get(w.hash, NULL) & G_STREET)):
            f = gz_get(w.hash, NULL)
            i = w.end
            if t == 0 and f & G_STREET_PREFIX:
                prefixed = True  # "rue Principale": the street's type comes first
                if at(s, w.end, n) == 46:
                    i = w.end + 1  # "109 Prom. Calville Rouge"
            elif w.shape == S_LOWER and not lower_ok and prefixed:
                if f & G_STOP and not f & G_PARTICLE:
                    break  # ("9, rue is French")
                lowers += 1  # "rue des Lilas", "Cruce Casa de Postas"
            elif w.shape == S_LOWER and not lower_ok and f & G_STREET and names:
                if at(s, w.end, n) != 32:  # "1025 Kadri tee tänav," (not "3 Main points to")
                    e = w.end
                    dot = w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start <= 4 else 0
            elif w.shape == S_LOWER and not lower_ok:
                break
            elif not prefixed and (f & G_STREET and names or joined_street(s, &w)):
                e = w.end  # "Elm Street"; "Fortunastrasse"
                dot = w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start <= 4 else 0
            elif f & G_DIR and t == 0:
                i = w.end + 1 if at(s, w.end, n) == 46 else w.end
                plain = False
            else:
                if f & (G_STOP | G_FUNCTION) and not prefixed and ascii_span(s, w.start, w.end):
                    break  # (a stop word spelled with an accent is another word: "Lê", "Là")
                names += 1
                if prefixed:
                    e = w.end
                elif f & G_UNIT or f & G_COMMON and ascii_span(s, w.start, w.end) or w.shape == S_LOWER:
                    plain = False  # (an English common word spelled with an accent is another: "Tôn")
            if (at(s, i, n) == 39 or at(s, i, n) == 0x2019) and lower(at(s, i + 1, n)) == 115 \
                    and not word_at(s, i + 2, n):
                i += 2  # "King's Crescent"
        else:
            break
        j = i + 1 if at(s, i, n) == 45 and names and up(at(s, i + 1, n)) else space_gap(s, i, lim)
        if not j:
            break  # ("917 Barker-Smith Street")
    if not e and plain and names and not lower_ok and not prefixed and code_and_town(s, n, i, lim):
        e = i  # "20 Elsumerblok, 8022 Brugge": names and no type before a postal code and a town
    if not e or prefixed and names > 4:
        return 0
    if prefixed and e == i and at(s, e, n) == 32:
        k = read_house_number(s, n, e + 1, lim)  # "59101 Cruce Casa de Postas 66"
        if k:
            e = k
    if dot:
        # "Hwy. Floor 2": the abbreviation's period when the address goes on after it
        k = street_rest(s, n, dot, lim, lower_ok)
        if k > dot:
            return k
    return street_rest(s, n, e, lim, lower_ok)


cdef inline bint word_then_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # cheap: a capitalised word of up to six letters, a space and a digit ("Khu 41")
    cdef Py_ssize_t x = j
    if not capital_at(s, n, j):
        return False
    while within(x, lim) and folded(s[x]) and x - j <= 6:
        x += 1
    return at(s, x, n) == 32 and is_digit(at(s, x + 1, n))


cdef inline bint ascii_span(const uchar_t* s, Py_ssize_t i, Py_ssize_t e) noexcept nogil:
    # no character beyond ASCII from i to e
    while i < e:
        if s[i] >= 128:
            return False
        i += 1
    return True


cdef Py_ssize_t street_rest(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                           bint lower_ok) noexcept nogil:
    # after a street line: a directional ("NW"), a unit ("Apt 5B", "Suite 200", "#12",
    # "apartment 15b"), then the city, state and code and the block's other parts; the end
    # (e when none follows)
    cdef Py_ssize_t j, k
    cdef Word w
    j = skip_comma_space(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and w.shape == S_UPPER and gz_get(w.hash, NULL) & G_DIR \
            and at(s, w.end, n) != 45:  # (not "SE-114 55")
        e = w.end
        j = skip_comma_space(s, e, lim)
    if j:
        k = read_unit(s, n, j, lim, lower_ok)
        if k:
            e = k
    return block_tail(s, n, e, lim, lower_ok)


cdef inline bint box_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # the first two characters of one of match_box's openings: "po", "p.", "p ", "ps",
    # "cm", "un", "fl", "ap", "su", "fp", "dp", "us" (either case)
    cdef Py_UCS4 a = lower(s[pos]), b = lower(at(s, pos + 1, n))
    if a == 112:
        return b == 111 or b == 46 or b == 32 or b == 115
    return ((a == 99 and b == 109) or (a == 117 and (b == 110 or b == 115)) or (a == 102 and (b == 108 or b == 112))
            or (a == 97 and b == 112) or (a == 115 and b == 117) or (a == 100 and b == 112))


cdef Py_ssize_t match_box(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil:
    # "P.O. Box 4417", "PO Box 12", "Post Office Box 9", military "PSC 1234, Box 5678, APO AE
    # 09012", "Unit 2050 Box 4190 APO AP 96278", "APO AE 09012"; end, or 0
    cdef Py_ssize_t i = pos, j
    cdef Word w
    cdef int k
    cdef bint military = False
    if starts_with(s, i, lim, b"post office box "):
        i += 16
    elif starts_with(s, i, lim, b"p.o. box ") or starts_with(s, i, lim, b"p. o. box "):
        i += 10 if s[i + 2] == 32 else 9
    elif starts_with(s, i, lim, b"po box ") or starts_with(s, i, lim, b"p o box ") \
            or starts_with(s, i, lim, b"p.o box "):
        i += 7 if s[i + 1] == 111 or s[i + 1] == 79 else 8
    elif (starts_with(s, i, lim, b"psc ") or starts_with(s, i, lim, b"cmr ")
          or starts_with(s, i, lim, b"unit ")) and up(s[i]):
        i += 5 if lower(s[i]) == 117 else 4
        military = True
    elif (starts_with(s, i, lim, b"flat ") or starts_with(s, i, lim, b"apt ")
          or starts_with(s, i, lim, b"suite ")) and up(s[i]):
        # "Flat 12, 47 Queen's Mews, London NW3 5JJ": the unit written first
        i += 5 if lower(s[i]) == 102 else (4 if lower(s[i]) == 97 else 6)
        j = i
        while within(j, lim) and (is_digit(s[j]) or up(s[j])) and j - i < 5:
            j += 1
        i = skip_comma_space(s, j, lim) if j > i and at(s, j, n) == 44 else 0
        return match_street(s, n, i, lim, False) if i and is_digit(s[i]) else 0
    elif (starts_with(s, i, lim, b"apo ") or starts_with(s, i, lim, b"fpo ")
          or starts_with(s, i, lim, b"dpo ")) and up(s[i]) and up(s[i + 1]):
        return military_tail(s, n, i, lim)
    elif (starts_with(s, i, lim, b"usns ") or starts_with(s, i, lim, b"uss ")) and up(s[i]) and up(s[i + 1]):
        # a ship: "USNS Miller\nFPO AP 94562"
        j = i + (5 if s[i + 3] == 83 else 4)
        for k in range(3):
            if not (read_word(s, n, j, lim, &w) and (w.shape == S_CAP or w.shape == S_UPPER)):
                break
            i = w.end
            j = space_gap(s, w.end, lim)
            if not j:
                break
        j = skip_comma_space(s, i, lim)
        return military_tail(s, n, j, lim) if j else 0
    else:
        return 0
    j = i
    while within(j, lim) and is_digit(s[j]) and j - i < 8:
        j += 1
    if j == i or word_at(s, j, n):
        return 0
    if military:
        # ", Box 5678", then ", APO AE 09012"
        i = skip_comma_space(s, j, lim)
        if i and is_digit(s[i]) and lower(s[pos]) == 117:
            return match_street(s, n, i, lim, False)  # "Unit 30, 9194 Albert Drive, ..."
        if not (i and starts_with(s, i, lim, b"box ")):
            return 0
        i += 4
        j = i
        while within(j, lim) and is_digit(s[j]) and j - i < 6:
            j += 1
        if j == i or word_at(s, j, n):
            return 0
        i = skip_comma_space(s, j, lim)
        j = military_tail(s, n, i, lim) if i else 0
        return j
    i = skip_comma_space(s, j, lim)
    if i and (starts_with(s, i, lim, b"apo ") or starts_with(s, i, lim, b"fpo ")
              or starts_with(s, i, lim, b"dpo ")):
        i = military_tail(s, n, i, lim)
        return i if i else j
    return block_tail(s, n, j, lim, False)


cdef Py_ssize_t military_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "APO AE 09012": APO/FPO/DPO, AA/AE/AP, a ZIP; end, or 0
    if not within(i + 6, lim) or not (starts_with(s, i, lim, b"apo ") or starts_with(s, i, lim, b"fpo ")
                           or starts_with(s, i, lim, b"dpo ")) or not (up(s[i]) and up(s[i + 1]) and up(s[i + 2])):
        return 0
    if not (s[i + 4] == 65 and (s[i + 5] == 65 or s[i + 5] == 69 or s[i + 5] == 80) and s[i + 6] == 32):
        return 0
    return read_zip(s, n, i + 7, lim)


cdef inline bint number_then_word(const uchar_t* s, Py_ssize_t n, Py_ssize_t word_end) noexcept nogil:
    # after a number: a space and a letter or a digit, or ", " and a letter ("57, boulevard")
    cdef Py_UCS4 c = at(s, word_end, n), d = at(s, word_end + 1, n)
    if c == 32:
        return folded(d) != 0 or is_digit(d)
    return c == 44 and d == 32 and folded(at(s, word_end + 2, n)) != 0


cdef inline bint street_lead(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # cheap: the word right before a lower-case street line is "at", "is", "to" or "on"
    # ("lives at", "address is", "ship it to"), or a colon ends it ("address: ")
    cdef Py_UCS4 a = lower(at(s, pos - 3, n)), b = lower(at(s, pos - 2, n))
    if at(s, pos - 1, n) != 32:
        return False
    if b == 58:
        return True  # "address: 12 main st"
    if is_letter(at(s, pos - 4, n)):
        return False
    return (a == 97 and b == 116) or (a == 105 and b == 115) or (a == 116 and b == 111) \
        or (a == 111 and b == 110)


cdef inline void postcode_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                             const Options* opt, Best* b) noexcept nogil:
    # a UK or Canadian postcode after an address word: "SW1A 1AA", "K1A 0B1"
    cdef Py_ssize_t e
    if b.type_id < 0 and type_on(opt, T_ADDRESS) and up(s[pos]):
        e = read_uk_postcode(s, n, pos, lim)
        if not e:
            e = read_ca_postcode(s, n, pos, lim)
        if e and has_context_before(s, n, pos, T_ADDRESS, &b.before):
            b.end, b.type_id = e, T_ADDRESS


cdef inline bint po_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    # a lower-case "p." or "po": "p.o. box 12", "po box 12"
    return s[pos] == 112 and (at(s, pos + 1, n) == 46 or at(s, pos + 1, n) == 111)


cdef inline void box_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                        const Options* opt, bint gate, Best* b) noexcept nogil:
    # "PO Box 12", "PSC 123, Box 4567", "APO AE 09012"
    cdef Py_ssize_t e
    if b.type_id < 0 and type_on(opt, T_ADDRESS) and gate:
        e = match_box(s, n, pos, lim)
        if e:
            b.end, b.type_id = e, T_ADDRESS
