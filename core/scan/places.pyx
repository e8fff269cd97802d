# Places and organisations: cities, states, countries, state codes; known
# organisations and runs of capitalised words with an organisation word.
# Included into core/_scan.pyx; declarations in places.pxd.

cdef Py_ssize_t match_place(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                            Py_ssize_t lim, long long* aux) noexcept nogil:
    # a city, state or country (longest phrase); an ambiguous one needs a place cue before
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0
    if f0 & G_STOP and not f0 & G_PREFIX:
        return 0
    words = longest_phrase(s, n, w0, f0, lim, G_CITY | G_STATE | G_COUNTRY, &last, &f, &value, False)
    if not words:
        return city_shape(s, n, w0, f0, lim, aux)
    if w0.shape == S_UPPER and words == 1 and last.end - w0.start <= 3 and not f & G_COUNTRY:
        return 0  # "LA", "SF": a city only as written out
    if (words == 1 and (f & (G_COMMON | G_FIRST | G_STOP) or last.end - w0.start <= 3)) or (f & G_ORG):
        # "Reading", "Charlotte", "Chase": a place after a place cue or before a state
        if not (cue_flags(s, n, w0.start) & G_PLACE_CUE or state_follows(s, n, last.end, lim)):
            return 0
    aux[0] = LOC_COUNTRY if f & G_COUNTRY else (LOC_STATE if f & G_STATE else LOC_CITY)
    return last.end


cdef const char* CITY_ENDING[32]
cdef int CITY_ENDINGS_N = 0
_city_ending_bytes = []


cdef void init_city_endings() except *:
    global CITY_ENDINGS_N
    from core.lexicon import CITY_ENDINGS
    if len(CITY_ENDINGS) > 32:
        raise ImportError("too many city endings")
    cdef bytes b
    for k, ending in enumerate(CITY_ENDINGS):
        b = ending.encode()
        _city_ending_bytes.append(b)  # CITY_ENDING points into these bytes
        CITY_ENDING[k] = b
    CITY_ENDINGS_N = len(CITY_ENDINGS)


cdef Py_ssize_t city_shape(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim, long long* aux) noexcept nogil:
    # a city in no list, after a place word: "Port Matthew", "North Angela", "Lake Jessica",
    # "Jessicaton", "Angelaborough" (a place prefix and a name, or a name and an ending)
    cdef Word w
    cdef Py_ssize_t j, e = 0
    cdef int v = 0, k, length
    if w0.shape != S_CAP:
        return 0
    if f0 & G_PLACE_CUE:
        gz_get(w0.hash, &v)
    if v == V_CITY_PREFIX:
        j = space_gap(s, w0.end, lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_CAP \
                and not gz_get(w.hash, NULL) & (G_STOP | G_FUNCTION):
            e = w.end
    elif (unlisted(f0) or f0 & (G_FIRST | G_LAST) and not f0 & G_COMMON) and w0.end - w0.start >= 6:
        for k in range(CITY_ENDINGS_N):
            length = <int>strlen(CITY_ENDING[k])
            if starts_with(s, w0.end - length, w0.end, CITY_ENDING[k]):
                e = w0.end
                break
    if not e or not cue_flags(s, n, w0.start) & G_PLACE_CUE:
        return 0  # (the cue, the dearest check, last)
    aux[0] = LOC_CITY
    return e


cdef Py_ssize_t match_lower_place(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                  Py_ssize_t lim, long long* aux) noexcept nogil:
    # a lower-case place of one to four words ("san antonio"), not a name or a common word
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0
    words = longest_phrase(s, n, w0, f0, lim, G_CITY | G_STATE | G_COUNTRY, &last, &f, &value, True)
    if not words or (words == 1 and f & (G_COMMON | G_FIRST | G_STOP | G_FUNCTION)) \
            or last.end - w0.start <= 3:
        return 0
    aux[0] = LOC_COUNTRY if f & G_COUNTRY else (LOC_STATE if f & G_STATE else LOC_CITY)
    return last.end


cdef bint state_follows(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # ", IL" or ", Texas" after a city
    cdef Word w, last
    cdef unsigned int f = 0
    cdef int value = 0
    if not (at(s, e, n) == 44 and at(s, e + 1, n) == 32 and read_word(s, n, e + 2, lim, &w)):
        return False
    if w.shape == S_UPPER and w.end - w.start == 2:
        return (gz_get(w.hash, NULL) & G_ABBR) != 0
    return w.shape == S_CAP and longest_phrase(s, n, &w, gz_get(w.hash, NULL), lim, G_STATE | G_COUNTRY,
                                               &last, &f, &value, False) > 0


cdef Py_ssize_t match_state_code(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                 Py_ssize_t lim) noexcept nogil:
    # "Springfield, IL": a state code right after a city and a comma
    cdef Word w
    if not (f0 & G_ABBR and w0.shape == S_UPPER and w0.end - w0.start == 2):
        return 0
    if at(s, w0.start - 1, n) != 32 or at(s, w0.start - 2, n) != 44:
        return 0
    if prev_word(s, n, w0.start, max(0, w0.start - 24), &w) < 0 or not (w.shape == S_CAP or w.shape == S_UPPER):
        return 0
    return w0.end


cdef inline Py_ssize_t abbrev_dot(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # "Inc.", "Co.": the abbreviation's period, unless a new sentence starts after it
    cdef Py_UCS4 c
    if not (e < lim and s[e] == 46):
        return e
    c = at(s, e + 1, n)
    if word_at(s, e + 1, n) or c == 46:
        return e
    if c == 32 and up(at(s, e + 2, n)):
        return e
    return e + 1


cdef inline bint org_context(const uchar_t* s, Py_ssize_t n, Py_ssize_t start) noexcept nogil:
    return (context_within(s, n, start, KW[<int>T_ORGANIZATION].before) >> <int>T_ORGANIZATION) & 1


cdef Py_ssize_t of_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # " of America", " of New Mexico": "of" and one to three capitalised words after a head
    # word; their end, or e
    cdef Word w
    cdef Py_ssize_t j = space_gap(s, e, lim), best = e
    cdef int k
    if not (j and starts_with(s, j, lim, b"of ") and not word_at(s, j + 2, n)):
        return e
    j += 3
    for k in range(3):
        if not read_word(s, n, j, lim, &w) or w.shape == S_LOWER or w.shape == S_INITIAL \
                or gz_get(w.hash, NULL) & G_STOP:
            break
        best = w.end
        j = space_gap(s, w.end, lim)
        if not j:
            break
    return best


cdef Py_ssize_t match_org(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                          Py_ssize_t lim) noexcept nogil:
    # "Acme Widgets Inc.", "Bank of America", "Wells Fargo", "University of Michigan",
    # "First National Bank of Tucson", "Brightwater Children's Hospital"; end, or 0
    cdef Word w, last
    cdef unsigned int f = 0, fw
    cdef int words, k, value = 0
    cdef Py_ssize_t e = 0, j, i, best = 0
    cdef unsigned int prev_fw = f0
    words = longest_phrase(s, n, w0, f0, lim, G_ORG, &last, &f, &value, False)
    if words and (not f & G_COMMON or words > 1 or w0.shape == S_UPPER
                  or not sentence_start(s, n, w0.start) or org_context(s, n, w0.start)):
        # "Chase" at a sentence's start needs "at", "with", "bank" ... before it
        best = last.end
    if f0 & (G_STOP | G_FUNCTION) or w0.shape == S_INITIAL:
        return best  # "Call Bank of America": the verb is not part of the name
    # "Bank of America": a head word, "of", capitalised words
    if f0 & G_ORG_HEAD and w0.shape == S_CAP:
        e = of_tail(s, n, w0.end, lim)
        if e > w0.end and e > best:
            best = e
    # a run of capitalised words (and connectors) ending in a company suffix
    w = w0[0]
    j = w.end
    if at(s, j, n) == 39 and lower(at(s, j + 1, n)) == 115:
        j += 2  # "Children's"
    elif at(s, j, n) == 46 and w.end - w.start == 2 and lower(s[w.start]) == 115 and lower(s[w.start + 1]) == 116:
        j += 1  # "St. Joseph's Medical Center"
    if not (at(s, j, n) == 32 and (up(at(s, j + 1, n)) or at(s, j + 1, n) == 38)
            or at(s, j, n) == 44):
        return best
    e = 0
    for k in range(6):
        j = w.end
        if at(s, j, n) == 39 and lower(at(s, j + 1, n)) == 115 and not word_at(s, j + 2, n):
            j += 2
        elif k == 0 and at(s, j, n) == 46 and w.end - w.start == 2 and lower(s[w.start]) == 115:
            j += 1  # "St."
        i = space_gap(s, j, lim)
        if not i:
            if k and at(s, j, n) == 44 and at(s, j + 1, n) == 32:
                i = j + 2  # "Acme, Inc."
            else:
                break
        if at(s, i, n) == 38 and at(s, i + 1, n) == 32:
            i += 2  # "Johnson & Johnson", "Crescent & Co."
        if not read_word(s, n, i, lim, &w):
            break
        if w.shape == S_LOWER:
            # "Marks and Spencer"; "of" only after a head word ("Institute of Technology"),
            # not after a person ("Maria Gonzalez of Acme Widgets Inc.")
            fw = gz_get(w.hash, NULL)
            if not fw & G_CONNECTOR or (w.end - w.start == 2 and lower(s[w.start]) == 111
                                        and not prev_fw & (G_ORG_HEAD | G_ORG_SUFFIX)):
                break
            continue
        prev_fw = fw = gz_get(w.hash, NULL)
        if fw & G_ORG_SUFFIX and (at(s, i - 2, n) != 44 or w.end - w.start <= 4):
            e = abbrev_dot(s, n, w.end, lim)
            if fw & G_ORG_HEAD:
                e = of_tail(s, n, e, lim)  # "First National Bank of Tucson"
    if e > best:
        best = e
    return best


cdef inline void lower_place_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Word* w, Best* b) noexcept nogil:
    # "i live in denver", "shipped from mexico": a listed place after a place word
    cdef unsigned int f
    cdef Py_ssize_t e
    if b.type_id < 0 and type_on(opt, T_LOCATION) and after_place_cue(s, n, pos):
        f = gz_get(w.hash, NULL)
        if f & (G_CITY | G_STATE | G_COUNTRY | G_PREFIX) and not f & (G_COMMON | G_STOP | G_FUNCTION):
            e = match_lower_place(s, n, w, f, lim, &b.aux)
            if e:
                b.end, b.type_id = e, T_LOCATION
