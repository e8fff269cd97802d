# Addresses of the world: street types written before, after or into the name (libpostal's
# words of 40 languages, Greek and Cyrillic), house numbers before or after, units, postal
# codes by shape, and the town, region and country lines of a block.
# Part of the addresses family; included into core/_scan.pyx after addresses.pyx;
# declarations in world_addresses.pxd.
# Street types of many languages come from core/data/address_words.txt (libpostal's
# dictionaries): the gazetteer gives a type written before the name G_STREET_PREFIX, one
# after it G_STREET and a unit word G_UNIT; the types written into a word ("-strasse",
# "-katu") and the Greek and Cyrillic types are the tables below. Postal codes are read by
# their shape (core/data/postcode_shapes.txt, from each country's examples).

cdef char JOINED[64][12]          # street types written into a word's end, lower-case ASCII
cdef int JOINED_LEN[64]
cdef int JOINED_N = 0
cdef unsigned char JOINED_LAST[26 * 26]  # their last two letters: one load rejects most words
cdef unsigned int SHAPES[128]     # postal code shapes, base 5: digit 1, capital 2, space 3, '-' 4
cdef int SHAPES_N = 0
cdef Py_UCS4 SCRIPT_WORDS[96][12]  # Greek and Cyrillic street types (N), unit (Q), region words (R),
                                   # words before a town's name (C: "місто", "село")
cdef int SCRIPT_LEN[96]
cdef unsigned char SCRIPT_KIND[96]
cdef int SCRIPT_N = 0
cdef char TOWN_WORDS[16][12]      # Latin words before a town's name, folded ("thanh", "tinh")
cdef int TOWN_LEN[16]
cdef int TOWN_N = 0


cdef void init_addresses() except *:
    global JOINED_N, SHAPES_N, SCRIPT_N, TOWN_N
    import pathlib
    data = pathlib.Path(__file__).parent / "data"
    for k in range(26 * 26):
        JOINED_LAST[k] = 0
    for line in (data / "address_words.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, kinds = line.partition("\t")
        if "J" in kinds:
            if JOINED_N >= 64 or len(word) >= 12:
                raise ImportError("too many or too long joined street types")
            for k, ch in enumerate(word.encode()):
                JOINED[JOINED_N][k] = ch
            JOINED_LEN[JOINED_N] = len(word)
            JOINED_LAST[(ord(word[-2]) - 97) * 26 + ord(word[-1]) - 97] = 1
            JOINED_N += 1
        if "C" in kinds and word.isascii():
            if TOWN_N >= 16 or len(word) >= 12:
                raise ImportError("too many or too long words before a town")
            for k, ch in enumerate(word.encode()):
                TOWN_WORDS[TOWN_N][k] = ch
            TOWN_LEN[TOWN_N] = len(word)
            TOWN_N += 1
        elif "N" in kinds or "Q" in kinds or "R" in kinds or "C" in kinds:
            if SCRIPT_N >= 96 or len(word) > 12:
                raise ImportError("too many or too long Greek and Cyrillic address words")
            for k, ch in enumerate(word):
                SCRIPT_WORDS[SCRIPT_N][k] = ord(ch)
            SCRIPT_LEN[SCRIPT_N] = len(word)
            SCRIPT_KIND[SCRIPT_N] = 1 if "N" in kinds else (2 if "Q" in kinds else (3 if "R" in kinds else 4))
            SCRIPT_N += 1
    symbols = {"9": 1, "A": 2, " ": 3, "-": 4}
    for line in (data / "postcode_shapes.txt").read_text(encoding="ascii").splitlines():
        if not line or line.startswith("#"):
            continue
        shape = line.partition("\t")[0]
        if SHAPES_N >= 128 or len(shape) > 12:
            raise ImportError("too many or too long postcode shapes")
        code = 0
        for ch in shape:
            code = code * 5 + symbols[ch]
        SHAPES[SHAPES_N] = code
        SHAPES_N += 1


cdef bint joined_street(const uchar_t* s, const Word* w) noexcept nogil:
    # the word ends in a street type written into it, with at least three letters before
    # it (four before a type of three letters): "Fortunastrasse", "Rengaskuja", "Höjdstigen"
    cdef Py_ssize_t size = w.end - w.start
    cdef int k, m, a = <int>lower(folded(s[w.end - 2])) - 97, b = <int>lower(folded(s[w.end - 1])) - 97
    if size < 6 or not (0 <= a < 26 and 0 <= b < 26) or not JOINED_LAST[a * 26 + b]:
        return False
    for k in range(JOINED_N):
        m = JOINED_LEN[k]
        if size - m < (4 if m <= 3 else 3):
            continue
        if folded_ends_with(s, w.end, JOINED[k], m):
            return True
    return False


cdef inline bint folded_ends_with(const uchar_t* s, Py_ssize_t end, const char* word, int m) noexcept nogil:
    cdef int k
    for k in range(m):
        if lower(folded(s[end - m + k])) != <Py_UCS4>word[k]:
            return False
    return True


cdef inline bint shape_known(unsigned int code) noexcept nogil:
    cdef int k
    for k in range(SHAPES_N):
        if SHAPES[k] == code:
            return True
    return False


cdef Py_ssize_t read_postcode(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # a postal code of a shape some country uses ("10115", "00-950", "114 55", "1234 AB",
    # "SW1A 1AA", "CH-8001"): capitals and digits, up to two spaces or hyphens inside, the
    # longest known shape that ends a word; not followed by more digits ("030 1234567");
    # its end, or 0
    cdef Py_ssize_t j = i, best = 0
    cdef unsigned int code = 0
    cdef Py_UCS4 c, d
    if word_at(s, i - 1, n):
        return 0
    while within(j, lim) and j - i < 12:
        c = s[j]
        if is_digit(c):
            code = code * 5 + 1
        elif up(c):
            code = code * 5 + 2
        elif (c == 32 or c == 45) and j > i and (is_digit(at(s, j + 1, n)) or up(at(s, j + 1, n))):
            if shape_known(code):
                best = j
            code = code * 5 + (3 if c == 32 else 4)
        else:
            break
        j += 1
    if not word_at(s, j, n) and shape_known(code):
        best = j
    if not best:
        return 0
    c = at(s, best, n)
    d = at(s, best + 1, n)
    if (c == 32 or c == 45 or c == 47 or c == 46 or c == 58) and is_digit(d):
        return 0
    return best


cdef Py_ssize_t read_house_number(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # "20", "20a", "221B", "12-14", "12/3": up to five digits, a letter, a second number
    # after '-' or '/'; its end, or 0
    cdef Py_ssize_t j = i, k
    if word_at(s, i - 1, n):
        return 0
    while within(j, lim) and is_digit(s[j]) and j - i < 6:
        j += 1
    if j == i or j - i > 5:
        return 0
    if within(j, lim) and (is_letter(s[j]) or script_lower(s[j])) and not word_at(s, j + 1, n):
        j += 1  # "20a", "1б"
        if within(j + 1, lim) and (s[j] == 47 or s[j] == 45) and is_digit(s[j + 1]):
            k = j + 1  # "7а/5", "2E-54"
            while within(k, lim) and is_digit(s[k]) and k - j < 5:
                k += 1
            j = k
    elif within(j + 1, lim) and (s[j] == 45 or s[j] == 47) and is_digit(s[j + 1]):
        k = j + 1
        while within(k, lim) and is_digit(s[k]) and k - j < 5:
            k += 1
        if within(k, lim) and (is_letter(s[k]) or script_lower(s[k])) and not word_at(s, k + 1, n):
            k += 1
        j = k
    return 0 if word_at(s, j, n) else j


cdef Py_ssize_t read_unit(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim,
                          bint lower_ok) noexcept nogil:
    # "#12", "Apt 5B", "Suite 200", "Apt. #3", "lgh 1102", "Wohnung 4": a unit word (and '.',
    # ' ', '#'), then up to six letters and digits that start with a digit or are at most
    # two, ending a word; the end, or 0
    cdef Py_ssize_t i, k = 0
    cdef Word w
    if s[j] == 35:
        k = j + 1
    elif read_word(s, n, j, lim, &w) and (w.shape != S_LOWER or lower_ok) \
            and gz_get(w.hash, NULL) & G_UNIT:
        k = w.end + 1 if at(s, w.end, n) == 46 else w.end
        if at(s, k, n) == 32:
            k += 1
        if at(s, k, n) == 35:
            k += 1
    if not k:
        return 0
    i = k
    while within(i, lim) and (cls(s[i]) & (C_DIGIT | C_UPPER | C_LOWER)) and i - k < 6:
        i += 1
    if (i > k and is_digit(s[k]) or i - k <= 2) and not word_at(s, i, n):
        return i
    return 0


cdef inline Py_UCS4 script_lower(Py_UCS4 c) noexcept nogil:
    # a Greek or Cyrillic letter in lower case without its accent (final sigma as sigma);
    # 0 for any other character
    if 0x430 <= c <= 0x45F:
        return c
    if 0x410 <= c <= 0x42F:
        return <Py_UCS4>(<unsigned int>c + 32)
    if 0x400 <= c <= 0x40F:
        return <Py_UCS4>(<unsigned int>c + 80)
    if 0x3B1 <= c <= 0x3C9:
        return 0x3C3 if c == 0x3C2 else c
    if 0x391 <= c <= 0x3A9:
        return <Py_UCS4>(<unsigned int>c + 32)
    if c == 0x3AC or c == 0x386:
        return 0x3B1
    if c == 0x3AD or c == 0x388:
        return 0x3B5
    if c == 0x3AE or c == 0x389:
        return 0x3B7
    if c == 0x3AF or c == 0x38A:
        return 0x3B9
    if c == 0x3CC or c == 0x38C:
        return 0x3BF
    if c == 0x3CD or c == 0x38E:
        return 0x3C5
    if c == 0x3CE or c == 0x38F:
        return 0x3C9
    return 0


cdef inline bint script_upper(Py_UCS4 c) noexcept nogil:
    return 0x400 <= c <= 0x42F or 0x391 <= c <= 0x3A9 or 0x386 <= c <= 0x38F


cdef Py_ssize_t script_word_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # the end of a whole word of Greek or Cyrillic letters at i (at most 24; an apostrophe
    # between two letters: "П'ятихатки", "Прип’ять"), or 0
    cdef Py_ssize_t e = i
    if not within(i, lim) or not script_lower(s[i]) or word_at(s, i - 1, n):
        return 0
    while within(e, lim) and e - i <= 24 and (script_lower(s[e]) or e > i and is_apostrophe(s[e])
                                       and script_lower(at(s, e + 1, n))):
        e += 1
    return 0 if word_at(s, e, n) else e


cdef inline bint is_apostrophe(Py_UCS4 c) noexcept nogil:
    # "'", "’" or the modifier letter "ʼ" Ukrainian writes
    return c == 39 or c == 0x2019 or c == 0x2BC


cdef int script_kind(const uchar_t* s, Py_ssize_t i, Py_ssize_t e) noexcept nogil:
    # 1: a Greek or Cyrillic street type ("улица", "ул", "οδός"), 2: a unit word ("кв"),
    # 3: a region word ("область"), 0
    cdef int k, m
    for k in range(SCRIPT_N):
        if SCRIPT_LEN[k] != e - i:
            continue
        m = 0
        while m < e - i and script_lower(s[i + m]) == SCRIPT_WORDS[k][m]:
            m += 1
        if m == e - i:
            return SCRIPT_KIND[k]
    return 0


cdef inline bint capital_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    # a capital letter (ASCII, accented Latin, Greek or Cyrillic) at i
    cdef Py_UCS4 c = at(s, i, n)
    return up(c) or up(folded(c)) or script_upper(c)


cdef bint connector_then_capital(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # after a short lower-case word (ending at e): a space and a capital, or a space, one more
    # lower-case word of three letters or fewer, a space and a capital ("de los Caballeros")
    cdef Py_ssize_t j = e + 1
    if at(s, e, n) != 32:
        return False
    if capital_at(s, n, j):
        return True
    while within(j, lim) and is_letter(s[j]) and not up(s[j]) and j - e <= 4:
        j += 1
    return j - e > 1 and j - e <= 4 and at(s, j, n) == 32 and capital_at(s, n, j + 1)


cdef Py_ssize_t city_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a town's name: up to seven words, capitalised or upper case (Latin, Greek or Cyrillic),
    # joined by a space, '-', '/' or an apostrophe ("Bubión", "DOLE", "Saint-Denis",
    # "Erzincan/Hatay", "L'Hospitalet", "Москва"); up to two lower-case words of four letters
    # or fewer between two of them ("Braunau am Inn", "Ejea de los Caballeros"); the period of
    # an abbreviation of three letters or fewer ("Ags.", "Co. Kerry", "N.L."); a region word
    # after a Greek or Cyrillic one ("Курская область"). No stop word, number word, unit word
    # or capitalised common word. Its end, or 0
    cdef Py_ssize_t e = 0, k = j, x, start
    cdef Word w
    cdef unsigned int f
    cdef int words, lowers = 0, kind
    cdef Py_UCS4 c
    for words in range(7):
        start = k
        if folded(at(s, k, n)) and read_word(s, n, k, lim, &w):  # Greek and Cyrillic below
            if not e and town_word(s, &w):
                x = w.end + 1 if at(s, w.end, n) == 46 else w.end
                if at(s, x, n) != 32:
                    break
                k = x + 1  # "thành phố Hà Nội", "TP. Đà Nẵng": the words before a town's name
                continue
            if w.shape == S_LOWER:
                if not e or w.end - w.start > 4 or lowers == 2 or not connector_then_capital(s, n, w.end, lim):
                    break
                lowers += 1  # "am", "de los"
                k = w.end + 1
                continue
            f = gz_get(w.hash, NULL)
            if w.shape == S_INITIAL and at(s, w.end, n) != 46 and at(s, w.end, n) != 39:
                break
            if w.shape == S_CAP and (f & (G_STOP | G_NUMBER | G_UNIT) or f & G_COMMON and not lowers
                                     and not f & (G_CITY | G_FIRST | G_LAST)):
                break  # (a common word after a lower-case one: "Braunau am Inn")
            e = w.end
        else:
            x = script_word_end(s, n, k, lim)
            if not x:
                break
            kind = script_kind(s, k, x)
            if kind == 4 and not e and at(s, x, n) == 32 and script_upper(at(s, x + 1, n)):
                k = x + 1  # "місто Севастополь", "село Ракитне": the word before a town's name
                continue
            if not script_upper(s[k]) and not (kind == 3 and e):
                break
            if kind and kind != 3:
                break
            e = x
        c = at(s, e, n)
        if c == 46 and e - start <= 3:
            e += 1  # "Ags.", "Co.", "N."
            if is_letter(at(s, e, n)) and e - start == 2:
                k = e  # "N.L."
            elif at(s, e, n) == 32 and e - start <= 3 and capital_at(s, n, e + 1):
                k = e + 1  # "Co. Kerry"
            else:
                break
        elif (c == 45 or c == 47 or c == 39 or c == 0x2019) and capital_at(s, n, e + 1) or c == 32:
            k = e + 1
        elif c == 45 and lowers < 2:
            x = e + 1  # "Champigny-sur-Marne", "Villeneuve-d'Ascq"
            while within(x, lim) and is_letter(s[x]) and not up(s[x]) and x - e <= 4:
                x += 1
            c = at(s, x, n)
            if x == e + 1 or x - e > 4 or not (c == 45 or c == 39 or c == 0x2019) or not capital_at(s, n, x + 1):
                break
            lowers += 1
            k = x + 1
        else:
            break
    return e


cdef bint town_word(const uchar_t* s, const Word* w) noexcept nogil:
    # a Latin word written before a town's name ("thành", "phố", "TP", "tỉnh"), any case
    cdef int k
    for k in range(TOWN_N):
        if TOWN_LEN[k] == w.end - w.start and folded_ends_with(s, w.end, TOWN_WORDS[k], TOWN_LEN[k]):
            return True
    return False


cdef Py_ssize_t place_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a country or a region a list has ("Spain", "FRANCE", "Deutschland", "Ontario"), and a
    # postal code after it ("Spain 91496"); its end, or 0
    cdef Word w, last
    cdef unsigned int f = 0, fw
    cdef int value = 0
    cdef Py_ssize_t e, k, z
    if not read_word(s, n, j, lim, &w) or (w.shape != S_CAP and w.shape != S_UPPER):
        return 0
    fw = gz_get(w.hash, NULL)
    if not fw & (G_COUNTRY | G_STATE | G_PREFIX):
        return 0
    if not longest_phrase(s, n, &w, fw, lim, G_COUNTRY | G_STATE, &last, &f, &value, False):
        return 0
    e = last.end
    k = skip_comma_space(s, e, lim)
    z = read_postcode(s, n, k, lim) if k and at(s, k - 1, n) != 10 else 0
    return z if z else e


cdef Py_ssize_t postcode_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # a postal code and the town after it: "10115 Berlin", "00-950 Warszawa", "SE-114 55
    # Stockholm"; or the code alone; its end, or 0
    cdef Py_ssize_t z = read_postcode(s, n, j, lim), c
    if not z:
        return 0
    c = city_words(s, n, z + 1, lim) if at(s, z, n) == 32 else 0
    return c if c else z


cdef Py_ssize_t city_part(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim,
                          int* confirmed) noexcept nogil:
    # a town and the postal code after it ("Wien 1010", "Springfield 62704"): confirmed 2; a
    # town alone is confirmed (1) when a list has it; its end, or 0
    cdef Py_ssize_t e = city_words(s, n, j, lim), k, z
    cdef Word w, last
    cdef unsigned int f = 0, fw
    cdef int value = 0, words
    confirmed[0] = 0
    if not e:
        return 0
    k = skip_comma_space(s, e, lim)
    z = read_postcode(s, n, k, lim) if k and at(s, k - 1, n) != 10 else 0
    if z:
        confirmed[0] = 2
        return z
    if read_word(s, n, j, lim, &w):
        fw = gz_get(w.hash, NULL)
        words = longest_phrase(s, n, &w, fw, lim, G_CITY, &last, &f, &value, False)
        confirmed[0] = words > 0 and last.end == e
    return e


cdef inline bint region_line(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t k, Py_ssize_t lim) noexcept nogil:
    # a town or region part from j to k that ends its line or the text ("Tucumán", "Santiago
    # del Estero", "Arica y Parinacota"), its first word no given name a list of places lacks
    # (not a signature line: "John Smith")
    cdef Word w
    cdef unsigned int f
    cdef Py_UCS4 c = at(s, k, n)
    if not (c == 0 or c == 10 or c == 13):
        return False
    if not read_word(s, n, j, lim, &w):
        return True  # Greek and Cyrillic: "Черкаська область"
    f = gz_get(w.hash, NULL)
    return not (f & G_FIRST and not f & (G_CITY | G_STATE))


cdef Py_ssize_t intl_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # after a street line (and the city, state and code read after it): the block's other
    # parts, each after ", " or a line break: a unit, a postal code and its town, a country
    # or region (and its code), a town (and its code). A town counts once a later part
    # confirms it or a list has it; right after a postal code, a town or region line that
    # ends the line or the text counts too ("C1000WAM Santa Rosa\nTucumán"). The new end
    cdef Py_ssize_t best = e, cur = e, j, k
    cdef int part, confirmed
    cdef bint coded = False
    for part in range(6):
        j = skip_comma_space(s, cur, lim)
        if not j:
            break
        k = read_unit(s, n, j, lim, True)
        if not k:
            k = postcode_part(s, n, j, lim)
            if k:
                best = cur = k
                coded = True
                continue
        if not k:
            k = place_part(s, n, j, lim)
        if k:
            best = cur = k
            coded = False
            continue
        k = city_part(s, n, j, lim, &confirmed)
        if not k:
            break
        if confirmed or coded and region_line(s, n, j, k, lim):
            best = k
        coded = confirmed == 2
        cur = k
    return best


cdef Py_ssize_t block_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                           bint lower_ok) noexcept nogil:
    # the rest of an address after its street line or box: the US / UK / Canadian city,
    # state and code, then the parts of other countries' blocks; or those parts alone when
    # they reach further ("SE-114 55 Stockholm": "Se" is a listed city)
    cdef Py_ssize_t a = address_tail(s, n, e, lim, lower_ok), b = intl_tail(s, n, a, lim), c
    if a > e:
        c = intl_tail(s, n, e, lim)
        if c > b:
            return c
    return b


cdef Py_ssize_t number_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # a house number after a street's name: " 20", ", 123" ("Rua Augusta, 123"), " Nr. 5",
    # " No. 5", " No: 5", " N° 5"; its end, or 0
    cdef Py_ssize_t j
    if at(s, i, n) == 44:
        i += 1
    if at(s, i, n) != 32:
        return 0
    j = i + 1
    if (starts_with(s, j, lim, b"nr") or starts_with(s, j, lim, b"no")) and up(s[j]):
        j += 2
        if at(s, j, n) == 46 or at(s, j, n) == 58:
            j += 1  # "Nr.", "No:"
        if at(s, j, n) == 32:
            j += 1
    elif s[j] == 78 and (at(s, j + 1, n) == 0xB0 or at(s, j + 1, n) == 0xBA):
        j += 3 if at(s, j + 2, n) == 32 else 2  # "N° 795"
    return read_house_number(s, n, j, lim)


cdef inline bint part_end(Py_UCS4 c) noexcept nogil:
    # the end of an address's part: the text's end, a line break, ',', ';' or ')'
    return c == 0 or c == 10 or c == 13 or c == 44 or c == 59 or c == 41


cdef inline bint unit_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # a unit after ", " or a line break: "Sigurveig Meadows\nApt. 401"
    cdef Py_ssize_t j = skip_comma_space(s, e, lim)
    return j and at(s, e, n) != 32 and read_unit(s, n, j, lim, False) > 0


cdef bint code_and_town(const uchar_t* s, Py_ssize_t n, Py_ssize_t k, Py_ssize_t lim) noexcept nogil:
    # after the number of a street line without a street type (and maybe a unit): the block's
    # postal code anchors it. ", " or a line break, then up to two town or region lines
    # ("Jalgaon 110001", "Middelburg\n3084"), then a postal code that starts with a digit or a
    # country's prefix ("SE-"), with a town after it ("8022 Brugge") or alone ending its part
    # after a town line ("Kimberley, 1449"; no year: "Berlin, 2024")
    cdef Py_ssize_t j = skip_comma_space(s, k, lim), z, x
    cdef int part
    cdef Py_UCS4 c
    z = read_unit(s, n, j, lim, True) if j else 0
    if z:
        k = z  # "Las Rosas 84 Of. 370, 6899169 Ancud"
        j = skip_comma_space(s, k, lim)
    c = at(s, k, n)
    if not j or not (c == 44 or c == 10 or c == 13):
        return False
    for part in range(3):
        z = read_postcode(s, n, j, lim) if code_start(s, n, j) else 0
        if z:
            if at(s, z, n) == 32:
                return city_words(s, n, z + 1, lim) > 0
            return part > 0 and part_end(at(s, z, n)) and not year_like(s, j, z)
        x = city_words(s, n, j, lim) if part < 2 else 0
        if not x:
            return False
        if at(s, x, n) == 32:  # "Jalgaon 110001": a town and its code on one line
            z = read_postcode(s, n, x + 1, lim) if code_start(s, n, x + 1) else 0
            return z > 0 and part_end(at(s, z, n))
        j = skip_comma_space(s, x, lim)
        if not j:
            return False
    return False


cdef inline bint code_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t j) noexcept nogil:
    # a postal code may start here: a digit, or a country's prefix ("SE-", "B-")
    cdef Py_UCS4 c = at(s, j, n)
    return is_digit(c) or up(c) and (at(s, j + 1, n) == 45 or up(at(s, j + 1, n)) and at(s, j + 2, n) == 45)


cdef inline bint year_like(const uchar_t* s, Py_ssize_t j, Py_ssize_t z) noexcept nogil:
    # four digits from 1900 to 2099
    return z - j == 4 and (s[j] == 49 and s[j + 1] == 57 or s[j] == 50 and s[j + 1] == 48)


cdef inline bint lower_type_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # a space and a lower-case street type written after the name ("utca", "köz")
    cdef Word w
    return at(s, e, n) == 32 and read_word(s, n, e + 1, lim, &w) and w.shape == S_LOWER \
        and gz_get(w.hash, NULL) & G_STREET


cdef Py_ssize_t named_street(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                             Py_ssize_t lim) noexcept nogil:
    # a street line that starts with its name: "Calle Mayor 12", "ul. Biała 135",
    # "Via della Spiga 5", "Fortunastrasse 20", "Berliner Straße 5", "Kossuth Lajos utca 12",
    # "Rua Augusta, 123": a street type first (then names, lower-case words between), or
    # names with a type after them or written into the last; then the house number and the
    # rest. Without a type: names and a number only before a postal code and its town
    # ("Vodičkova 12, 110 00 Praha"), the first word in no list of units or common words.
    # End, or 0
    cdef Py_ssize_t i = w0.end, j, e = 0, k
    cdef Word w
    cdef unsigned int f
    cdef int names = 0, t, lowers = 0
    cdef bint prefixed = False, typed = False
    if f0 & G_STREET_PREFIX and (w0.end - w0.start > 2 or at(s, w0.end, n) == 46):
        prefixed = typed = True
        if at(s, i, n) == 46:
            i += 1
    elif w0.shape == S_LOWER:
        return 0
    elif joined_street(s, w0):
        typed = True
        names = 1
        if at(s, i, n) == 46:
            i += 1  # "Hauptstr. 5"
        e = i
    else:
        names = 1
        e = i
    for t in range(6):
        if typed and not prefixed or number_after(s, n, i, lim):
            break  # ("Avenida Paulista Nr. 1578": "Nr" is no name)
        j = i + 1 if at(s, i, n) == 45 and names and capital_at(s, n, i + 1) else space_gap(s, i, lim)
        if not j or not read_word(s, n, j, lim, &w):
            break  # ("Erich-Hagen-Straße": names joined by hyphens)
        f = gz_get(w.hash, NULL)
        if w.shape == S_LOWER:
            if f & G_STREET and names and not prefixed and s[j - 1] == 32:
                typed = True  # "Kossuth Lajos utca 12"
                e = w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start <= 4 else w.end
                i = e
                continue
            if lowers < 2 and names and not prefixed and not f & G_STOP and number_after(s, n, w.end, lim):
                lowers += 1  # "Na Zlatej nohe 155", "Knafljev prehod 581": untyped, so anchored below
                e = i = w.end
                continue
            if lowers < 2 and names and not prefixed and not f & G_STOP and lower_type_after(s, n, w.end, lim):
                lowers += 1  # "Árpád fejedelem útja 5": a lower-case word before the type
                i = w.end
                continue
            if lowers == 2 or f & G_STOP and not f & G_PARTICLE or not (
                    prefixed or names and w.end - w.start <= 3 and connector_then_capital(s, n, w.end, lim)):
                break
            lowers += 1  # "Via della Spiga", "rue des Lilas", "Pieter de Hoochlaan"
            i = w.end
            continue
        if f & G_STOP and not f & (G_STREET | G_STREET_PREFIX):
            break
        if not prefixed and (f & G_STREET or joined_street(s, &w)):
            typed = True
            e = w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start <= 4 else w.end
        else:
            names += 1
            e = w.end + 1 if w.shape == S_INITIAL and at(s, w.end, n) == 46 else w.end  # "G. Brown"
        i = e
    if prefixed and not names:
        # "Carrera 62 # 93-5", "Av. 4 N° 465": the street's number, '#' or "N°", the house's
        k = read_house_number(s, n, i + 1, lim) if at(s, i, n) == 32 else 0
        if k and at(s, k, n) == 32 and at(s, k + 1, n) == 35:
            j = k + 3 if at(s, k + 2, n) == 32 else k + 2
            k = read_house_number(s, n, j, lim)
            if k:
                return street_rest(s, n, k, lim, False)
        elif k and at(s, k, n) == 32 and at(s, k + 1, n) == 78:
            k = number_after(s, n, k, lim)  # "Av. 4 N° 465"
            if k:
                return street_rest(s, n, k, lim, False)
        return 0
    if not e or not names or names > 4:
        return 0
    k = number_after(s, n, e, lim)
    if not k and typed and (code_and_town(s, n, e, lim) or unit_after(s, n, e, lim)):
        k = e  # "Strada Voinea, 204716 Buzau", "Sigurveig Meadows\nApt. 401": no house number
    if not k:
        return 0
    if not typed and at(s, k, n) == 32 and read_word(s, n, k + 1, lim, &w) and w.shape == S_CAP \
            and gz_get(w.hash, NULL) & G_STREET:
        j = w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start <= 4 else w.end
        if part_end(at(s, j, n)):
            typed = True  # "Jana Nerudy 894 St.": the type after the number, ending the line
            k = j
    if not typed and not (w0.shape == S_CAP and not f0 & (G_UNIT | G_COMMON | G_STOP)
                          and code_and_town(s, n, k, lim)):
        return 0  # names and a number: a street only before a postal code and its town
    return street_rest(s, n, k, lim, False)


cdef bint street_ahead(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim) noexcept nogil:
    # cheap: a number within the next six steps, each a '.', ", " or a space and then a
    # capitalised word (hyphens inside: "Erich-Hagen-Straße"), a lower-case word of three
    # letters or fewer before a capitalised one ("Pieter de Hoochlaan"), or, right before the
    # number, a lower-case word and a '.' ("Lajos utca 12", "Gedimino pr. 9"), or one more
    # lower-case word ("Árpád fejedelem köz 790"). In a run of capitalised words each word's
    # steps are the next ones of the word before: a scan keeps its last chain (StreetChain)
    cdef StreetChain* c
    cdef int t = 0, words = 0, r = STEP_ON
    cdef Py_ssize_t far
    cdef bint lowered = False, keep
    if not (at(s, i, n) == 32 and up(at(s, i + 1, n))):
        while words < 6:  # no run of capitalised words goes on here: no chain to keep
            r = street_step(s, n, &i, lim, &lowered, &far)
            if r != STEP_ON:
                return r == 1
            words += 1
        return False
    c = &street_chain
    keep = scan_number != NO_SCAN
    if keep and c.scan == scan_number:
        while t < c.count and c.starts[t] != i:
            t += 1
    if keep and t < c.count and c.scan == scan_number:
        if c.count - 1 - t >= 6:
            return False  # six steps that go on
        if c.outcome >= 0:
            return c.outcome == 1
        words = c.count - 1 - t
        i = c.starts[c.count - 1]
        keep = c.outcome == STEP_ON
        if keep and c.count == STREET_CHAIN:
            memmove(&c.starts[0], &c.starts[t], (c.count - t) * sizeof(Py_ssize_t))
            c.count -= t
    elif keep:
        c.scan, c.count, c.starts[0], c.outcome = scan_number, 1, i, STEP_ON
    while words < 6:
        r = street_step(s, n, &i, lim, &lowered, &far)
        if keep:
            if far >= lim or lowered:
                c.outcome, keep = STEP_LOST, False  # it read up to lim, or a lower-case word
            elif r != STEP_ON:
                c.outcome = r
            else:
                c.starts[c.count] = i
                c.count += 1
                keep = c.count < STREET_CHAIN
                if not keep:
                    c.outcome = STEP_LOST
        if r != STEP_ON:
            return r == 1
        words += 1
    return False


cdef int street_step(const uchar_t* s, Py_ssize_t n, Py_ssize_t* at_i, Py_ssize_t lim, bint* lowered,
                     Py_ssize_t* far) noexcept nogil:
    # one step of street_ahead from at_i: 1 a number (or a part's end) ahead, 0 none, STEP_ON
    # go on from at_i (moved on); far: past every index it read (then its reading does not
    # depend on a bound past far, and it never looked at the text's end)
    cdef Py_ssize_t i = at_i[0], j
    cdef Py_UCS4 c
    far[0] = lim
    if not within(i + 2, lim):
        return 0
    if s[i] == 45 and folded(s[i + 1]):
        i += 1  # "Erich-Hagen-Straße": the rest of the word
        while within(i, lim) and (folded(s[i]) or s[i] == 45 and folded(at(s, i + 1, n))):
            i += 1
        if not within(i + 2, lim):
            return 0
    if s[i] == 46:
        i += 1  # "Str. 5"
    if at(s, i, n) == 44 and at(s, i + 1, n) == 32:
        i += 1  # "Augusta, 123"
    far[0] = i + 3
    if at(s, i, n) != 32:
        return 0
    if is_digit(at(s, i + 1, n)):
        return 1
    j = i + 1
    c = at(s, j, n)
    if not up(c) and not up(folded(c)):
        while within(j, lim) and folded(s[j]):
            j += 1
        far[0] = j + 8  # (connector_then_capital reads up to six past j)
        if j - i <= 4 and connector_then_capital(s, n, j, lim):
            at_i[0] = j  # "de", "del", "los"
            return STEP_ON
        if at(s, j, n) == 46:
            j += 1
        elif at(s, j, n) == 32 and not is_digit(at(s, j + 1, n)) and not lowered[0]:
            lowered[0] = True
            at_i[0] = j  # "fejedelem": one more lower-case word
            return STEP_ON
        return at(s, j, n) == 32 and is_digit(at(s, j + 1, n))
    while within(j, lim) and (folded(s[j]) or s[j] == 45 and folded(at(s, j + 1, n))):
        j += 1
    far[0] = j + 2
    if j == i + 1:
        return 0
    if at(s, j, n) == 44 or at(s, j, n) == 10 or at(s, j, n) == 13:
        return 1  # "Sigurveig Meadows\nApt. 401": maybe a street without a number
    at_i[0] = j
    return STEP_ON


cdef extern from *:
    """
    #define REDACTD_STREET_CHAIN 16
    typedef struct {
        unsigned long long scan;
        int count;                                 /* steps from starts[0] go on to starts[1], ... */
        int outcome;                               /* the step from starts[count - 1]: 0, 1, or */
        Py_ssize_t starts[REDACTD_STREET_CHAIN];   /* STEP_ON (not read yet), STEP_LOST */
    } redactd_street_chain;
    static __thread redactd_street_chain redactd_street;
    """
    enum: STREET_CHAIN "REDACTD_STREET_CHAIN"
    ctypedef struct StreetChain "redactd_street_chain":
        unsigned long long scan
        int count
        int outcome
        Py_ssize_t starts[16]
    StreetChain street_chain "redactd_street"


cdef Py_ssize_t town_first(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim) noexcept nogil:
    # "Orosháza\nFülemüle út 190\n2683", "Gyula, Függetlenség út 790": a town, ", " or a line
    # break, then a street line that starts with its name (the Hungarian order). A town a
    # list has; or one capitalised word in no list of names, organisations or common words,
    # when a postal code follows the street line in the block ("Mezőberény\nIrinyi útja
    # 737\n7087"); end, or 0
    cdef Word w, last
    cdef Py_ssize_t e, j, x
    cdef unsigned int f = 0, fw
    cdef int value = 0
    cdef bint listed
    cdef Py_UCS4 c
    listed = f0 & (G_CITY | G_PREFIX) and longest_phrase(s, n, w0, f0, lim, G_CITY, &last, &f, &value, False) > 0
    if listed:
        e = last.end
    elif w0.shape == S_CAP and not f0 & (G_FIRST | G_LAST | G_COMMON | G_STOP | G_ORG | G_ORG_SUFFIX
                                         | G_ORG_HEAD | G_TITLE | G_UNIT) \
            and part_end(at(s, w0.end, n)) and city_words(s, n, w0.start, lim) == w0.end:
        e = w0.end
    else:
        return 0
    c = at(s, e, n)
    j = skip_comma_space(s, e, lim) if c == 44 or c == 10 or c == 13 else 0
    if not j or not read_word(s, n, j, lim, &w):
        return 0
    fw = gz_get(w.hash, NULL)
    if not (fw & G_STREET_PREFIX or street_ahead(s, n, w.end, lim)):
        return 0
    x = named_street(s, n, &w, fw, lim)
    return x if listed or code_in_block(s, n, j, x, lim) else 0


cdef bint code_in_block(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # a postal code (no year) starts one of the parts of the block from i to e
    cdef Py_ssize_t k, j, z
    for k in range(i, e):
        if s[k] == 10 or s[k] == 44:
            j = skip_comma_space(s, k, lim)
            z = read_postcode(s, n, j, lim) if j and j < e and code_start(s, n, j) else 0
            if z and z <= e and not year_like(s, j, z):
                return True
    return False


cdef inline void street_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                           const Options* opt, const Word* w, unsigned int f, Best* b) noexcept nogil:
    # addresses: a street line that starts with its name ("Calle Mayor 12", "Fortunastrasse 20")
    cdef Py_ssize_t e = 0
    if b.type_id < 0 and type_on(opt, T_ADDRESS):
        if f & G_STREET_PREFIX or w.shape != S_LOWER and street_ahead(s, n, w.end, lim):
            e = named_street(s, n, w, f, lim)
        if not e and w.shape != S_LOWER:
            e = town_first(s, n, w, f, lim)  # "Orosháza\nFülemüle út 190"
        if e:
            b.end, b.type_id = e, T_ADDRESS


cdef Py_ssize_t script_street(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim) noexcept nogil:
    # a Greek or Cyrillic street line: "ул. Ленина, д. 5", "улица Ленина 5", "пр. Мира 12",
    # "вул. Хрещатик 22", "Οδός Ερμού 12", "Λεωφ. Κηφισίας 10": a street type, up to three
    # capitalised words, a house number (after "д." / "дом" / "буд."); then the rest.
    # Without a type ("Питу Гули 1б"): only before a postal code and a town. End, or 0
    cdef Py_ssize_t e = script_word_end(s, n, pos, lim), i, j, x
    cdef int names = 0, t, kind
    if not e:
        return 0
    kind = script_kind(s, pos, e)
    if kind == 1:
        i = e + 1 if at(s, e, n) == 46 else e
    elif kind == 0 and script_upper(s[pos]):
        i = e  # "Σαλτέλη 303, 161 24 Κόρινθος": no type, a postal code and a town must follow
        names = 1
    else:
        return 0
    for t in range(3):
        j = space_gap(s, i, lim)
        if not j:
            break
        x = script_word_end(s, n, j, lim)
        if x and names and not script_upper(s[j]) and script_kind(s, j, x) == 1:
            kind = 1  # "Донецьке шосе 344": the type after the name
            i = x + 1 if at(s, x, n) == 46 else x
            break
        if not x or not script_upper(s[j]):
            break
        names += 1
        i = x + 1 if x - j == 1 and at(s, x, n) == 46 else x  # "Головин М. 523": an initial
    if not names:
        return 0
    j = i + 1 if at(s, i, n) == 44 else i
    if at(s, j, n) != 32:
        return 0
    j += 1
    x = ordinal_end(s, n, j, lim)
    if x:
        j = x + 1  # "Рославка 1-я 655": the street's ordinal, then the house number
    x = script_word_end(s, n, j, lim)
    if x and x - j <= 3 and (at(s, x, n) == 46 or at(s, x, n) == 32):
        x = x + 1 if at(s, x, n) == 46 else x  # "д.", "дом", "буд."
        j = x + 1 if at(s, x, n) == 32 else x
    e = read_house_number(s, n, j, lim)
    if not e or kind == 0 and not code_and_town(s, n, e, lim):
        return 0
    return script_tail(s, n, e, lim)


cdef inline Py_ssize_t ordinal_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t j, Py_ssize_t lim) noexcept nogil:
    # "1-я", "2-й", "10-а" and a space before a digit: its end, or 0
    cdef Py_ssize_t k = j
    while within(k, lim) and is_digit(s[k]) and k - j < 2:
        k += 1
    if k == j or at(s, k, n) != 45 or not script_lower(at(s, k + 1, n)):
        return 0
    k += 2
    if script_lower(at(s, k, n)):
        k += 1
    return k if at(s, k, n) == 32 and is_digit(at(s, k + 1, n)) else 0


cdef Py_ssize_t script_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # after a Greek or Cyrillic street line: ", кв. 12" (a unit word and a number), then
    # the parts of any block
    cdef Py_ssize_t j = skip_comma_space(s, e, lim), x, k
    if j:
        x = script_word_end(s, n, j, lim)
        if x and script_kind(s, j, x) == 2:
            k = x + 1 if at(s, x, n) == 46 else x
            k = k + 1 if at(s, k, n) == 32 else k
            k = read_house_number(s, n, k, lim)
            if k:
                e = k
    return intl_tail(s, n, e, lim)


cdef inline bint script_start(Py_UCS4 c) noexcept nogil:
    # cheap: a Greek or Cyrillic letter that starts a street type ("у", "п", "б", "ш", "н",
    # "в", "о", "λ", "π", ... either case): any Greek or Cyrillic letter
    return 0x386 <= c <= 0x45F


cdef int other_script_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                         const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a word that starts with a letter outside ASCII: a street line ("Östra Storgatan 5",
    # "Łąkowa 12", "ул. Ленина 5"); 1 when one matched (end set), 0, or -1 on allocation failure
    cdef Word w
    cdef Best b
    cdef Py_ssize_t e = 0
    cdef unsigned int f
    cdef unsigned long long before = ~0ULL
    if not type_on(opt, T_ADDRESS):
        return 0
    if folded(s[pos]):
        if read_word(s, n, pos, lim, &w):
            f = gz_get(w.hash, NULL)
            if f & G_STREET_PREFIX or street_ahead(s, n, w.end, lim):
                e = named_street(s, n, &w, f, lim)
            if not e:
                e = town_first(s, n, &w, f, lim)
    elif script_start(s[pos]):
        e = script_street(s, n, pos, lim)
    if not e:
        return 0
    if push_scored(out, s, n, pos, e, lim, T_ADDRESS, 0, -1, &before) < 0:
        return -1
    end[0] = e
    return 1
