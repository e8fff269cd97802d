# Person names: listed first and last names, cues before and after, titles, particles.
# Included into core/_scan.pyx; declarations in names.pxd.

cdef inline bint unlisted(unsigned int f) noexcept nogil:
    # in no list and not a common word: most likely a name ("Oluwaseun", "Nwosu")
    return not (f & ~(G_PREFIX | G_TLD | G_TLD_WILD | G_FILE_EXT))


cdef inline bint name_word(const Word* w, unsigned int f) noexcept nogil:
    # a capitalised word that can be part of a name: a listed name, or an unlisted word
    if w.shape != S_CAP or f & (G_STOP | G_TITLE) \
            or (f & (G_ORG_SUFFIX | G_STREET | G_FUNCTION) and not f & G_LAST):
        return False
    if f & (G_FIRST | G_LAST):
        return not (f & G_COMMON) or (f & G_LAST and not f & (G_CITY | G_STATE | G_COUNTRY))
    return unlisted(f) and w.end - w.start >= 2


cdef inline Py_ssize_t hyphen_tail(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # "Ji-woo", "Nowak-Zielińska": a hyphen and (accented) letters continue a name's word
    cdef Py_ssize_t i
    if not (at(s, e, n) == 45 and folded(at(s, e + 1, n))
            or (at(s, e, n) == 39 or at(s, e, n) == 0x2019) and up(at(s, e + 1, n))):
        return e
    i = e + 1
    while within(i, lim) and folded(s[i]) and i - e < 24:
        i += 1
    return e if word_at(s, i, n) else i


cdef Py_ssize_t name_rest(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim,
                          int* words) noexcept nogil:
    # after a first word of a name: "[A.] Last [Last]"; the name's end (w0's end if
    # nothing follows) and the number of words after w0
    cdef Word w
    cdef Py_ssize_t e = hyphen_tail(s, n, w0.end, lim), j
    cdef unsigned int f
    cdef int k
    words[0] = 0
    j = space_gap(s, e, lim)
    if not (j and capital(s[j]) and read_word(s, n, j, lim, &w)):
        return e
    if w.shape == S_INITIAL and hyphen_tail(s, n, w.end, lim) > w.end + 1:
        e = hyphen_tail(s, n, w.end, lim)  # "O'Brien"
        words[0] = 1
    elif w.shape == S_INITIAL and (at(s, w.end, n) == 46 or at(s, w.end, n) == 32):
        # a middle initial, with or without its period: "John A. Smith", "Vinicio F Arcuri"
        j = space_gap(s, w.end + 1 if at(s, w.end, n) == 46 else w.end, lim)
        if j and read_word(s, n, j, lim, &w) and name_word(&w, gz_get(w.hash, NULL)):
            e = hyphen_tail(s, n, w.end, lim)
            words[0] = 2
    else:
        f = gz_get(w.hash, NULL)
        if name_word(&w, f) or (w0.shape == S_UPPER and w.shape == S_UPPER and f & (G_LAST | G_FIRST)
                                and (not f & G_COMMON or not gz_get(w0.hash, NULL) & G_COMMON)):
            e = hyphen_tail(s, n, w.end, lim)
            words[0] = 1
    for k in range(3 if words[0] else 0):
        # more names: "Garcia Lopez", "María Teresa Rivera Grau", "Németh Máté Lajos"
        j = space_gap(s, e, lim)
        if not (j and read_word(s, n, j, lim, &w)):
            break
        f = gz_get(w.hash, NULL)
        if w.shape == S_INITIAL and hyphen_tail(s, n, w.end, lim) > w.end + 1:
            e = hyphen_tail(s, n, w.end, lim)  # "Aditya O'Brien"
            words[0] += 1
        elif (name_word(&w, f) and (f & (G_LAST | G_FIRST) or unlisted(f))) \
                or (w0.shape == S_UPPER and w.shape == S_UPPER and f & G_LAST) \
                or (w.shape == S_CAP and f & G_CITY and not f & (G_STATE | G_COUNTRY | G_STOP | G_COMMON)):
            e = hyphen_tail(s, n, w.end, lim)
            words[0] += 1
        else:
            break
    if words[0]:
        e = name_suffix(s, n, e, lim)
    j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and gz_get(w.hash, NULL) & G_PARTICLE:
        # "De la Cruz", "van der Berg": particles, then a capitalised surname
        j = space_gap(s, w.end, lim)
        if j and read_word(s, n, j, lim, &w) and gz_get(w.hash, NULL) & G_PARTICLE:
            j = space_gap(s, w.end, lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_CAP:
            f = gz_get(w.hash, NULL)
            if f & G_LAST or unlisted(f):
                e = hyphen_tail(s, n, w.end, lim)
                words[0] += 1
    return e


cdef Py_ssize_t name_suffix(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # "Robert Brown Jr.", "John Smith, III": a generational suffix belongs to the name
    cdef Word w
    cdef int v = 0
    cdef Py_ssize_t j = e + 2 if at(s, e, n) == 44 and at(s, e + 1, n) == 32 else space_gap(s, e, lim)
    if not j or not read_word(s, n, j, lim, &w) or w.shape == S_LOWER:
        return e
    gz_get(w.hash, &v)
    if v != V_NAME_SUFFIX:
        return e
    return w.end + 1 if at(s, w.end, n) == 46 and w.end - w.start == 2 else w.end


cdef Py_ssize_t name_rest_after_first(const uchar_t* s, Py_ssize_t n, const Word* w, Py_ssize_t lim) noexcept nogil:
    # "Smith, John A.": the first name and a middle initial after it
    cdef Word m
    cdef Py_ssize_t j = space_gap(s, w.end, lim)
    if j and read_word(s, n, j, lim, &m) and m.shape == S_INITIAL and at(s, m.end, n) == 46:
        return m.end + 1
    return w.end


cdef Py_ssize_t match_name(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim, float* score) noexcept nogil:
    # a person's name starting at w0 (capitalised); end, or 0. A name with a house number
    # and a street word is a street ("Jana Nerudy 894 St.", "12 Sigurveig Meadows")
    cdef Py_ssize_t e
    if f0 & G_STOP or w0.shape == S_INITIAL:
        return 0
    if line_start(s, n, w0.start):
        e = speaker_label(s, n, w0, f0, lim)
        if e:
            score[0] = 0.85
            return e  # "Filip: Who are you?", "Leni Grill: ..."
    e = name_at(s, n, w0, f0, lim, score)
    if e and street_around(s, n, w0.start, e, lim):
        return 0
    return e


cdef Py_ssize_t name_at(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                        Py_ssize_t lim, float* score) noexcept nogil:
    cdef Word w
    cdef int more = 0
    cdef Py_ssize_t e, j
    cdef unsigned int f, cue
    cdef bint listed_first = f0 & G_FIRST and not f0 & G_COMMON
    score[0] = 0.85
    if not (f0 & (G_FIRST | G_LAST) or name_word(w0, f0)
            or f0 & G_CITY and not f0 & (G_STATE | G_COUNTRY | G_COMMON | G_PREFIX)):
        return 0
    e = name_rest(s, n, w0, lim, &more)
    if more and not (f0 & (G_FIRST | G_LAST) or name_word(w0, f0)):
        # a city's name as a first name ("Jian Clark"): a listed surname must follow
        j = space_gap(s, w0.end, lim)
        if not (j and read_word(s, n, j, lim, &w)):
            return 0
        f = gz_get(w.hash, NULL)
        if not (f & G_LAST and not f & G_COMMON or unlisted(f) and w.shape == S_CAP):
            return 0
        return e  # "Rania Petrović"
    if more:
        if listed_first:
            return e
        # a common-word first name ("Will") or an unlisted one ("Karim"): a listed surname
        # after it, or a cue before it, and not a sentence's first word without either
        cue = cue_flags(s, n, w0.start)
        if cue & G_CUE:
            return e
        j = space_gap(s, hyphen_tail(s, n, w0.end, lim), lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_INITIAL and at(s, w.end, n) == 46:
            j = space_gap(s, w.end + 1, lim)  # past a middle initial
        if j and read_word(s, n, j, lim, &w):
            f = gz_get(w.hash, NULL)
            if f & (G_LAST | G_FIRST) and not f & G_COMMON and (f0 & G_FIRST or not sentence_start(s, n, w0.start)
                                                    or line_end(s, n, e)):
                return e
            if w.shape == S_CAP and (f & (G_LAST | G_FIRST) and not f & G_COMMON or unlisted(f)) \
                    and (not f0 & (G_COMMON | G_TLD) and verb_after(s, n, e, lim)
                         or f0 & G_FIRST and cue & G_CUE_WEAK):
                score[0] = 0.75
                return e  # "Ludwina Ackermann from Acme is ...", "met with Mark Abiola" (not
                # "Kindle Paperwhite is ready": a common word or a brand's top-level domain first)
        if unlisted(f0) and line_start(s, n, w0.start) and line_end(s, n, e):
            score[0] = 0.6
            return e  # a name on a line of its own: a signature, a header
        if unlisted(f0) and more >= 1:
            j = space_gap(s, hyphen_tail(s, n, w0.end, lim), lim)
            if j and read_word(s, n, j, lim, &w) and unlisted(gz_get(w.hash, NULL)) \
                    and (not sentence_start(s, n, w0.start) or verb_after(s, n, e, lim)):
                score[0] = 0.6
                return e  # two unlisted capitalised words mid-sentence, or before a verb:
                # "met Oluwaseun Adeyemi", "Avtorhan Rushisvili from Acme is ..."
        return 0
    # "SMITH, JOHN", "Smith, John": a surname, a comma, a listed first name (records); after
    # a cue, a surname or unlisted word and a first name or unlisted word ("Patient:
    # Grinius, Meda"), not a list ("Dear Smith, Jones, ...")
    if (f0 & G_LAST or unlisted(f0)) and at(s, e, n) == 44 and at(s, e + 1, n) == 32:
        if read_word(s, n, e + 2, lim, &w) and w.shape == w0.shape:
            f = gz_get(w.hash, NULL)
            if f0 & G_LAST and f & G_FIRST and not f & (G_COMMON | G_CITY | G_STATE | G_COUNTRY):
                return name_rest_after_first(s, n, &w, lim)
            if w0.shape == S_CAP and name_word(w0, f0) and name_word(&w, f) and (f & G_FIRST or unlisted(f)) \
                    and cue_flags(s, n, w0.start) & G_CUE \
                    and not (at(s, w.end, n) == 44 and at(s, w.end + 1, n) == 32 and capital(at(s, w.end + 2, n))):
                score[0] = 0.75
                return w.end
    # a lone word: a first name, with a cue where it could be something else
    if w0.shape != S_CAP:
        return 0
    e = hyphen_tail(s, n, w0.end, lim)
    cue = cue_flags(s, n, w0.start)
    j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and gz_get(w.hash, NULL) & G_CUE_AFTER:
        cue |= G_CUE
    if listed_first and not f0 & (G_STATE | G_COUNTRY | G_ORG | G_HOLIDAY) \
            and (cue & (G_CUE | G_CUE_WEAK) or w0.end - w0.start > 2 and not f0 & G_CITY
                 and (verb_after(s, n, e, lim) or vocative(s, n, w0.start, e))):
        score[0] = 0.85 if cue & (G_CUE | G_CUE_WEAK) else 0.65
        return e  # a given name alone: after a cue, or before a verb ("Jakobine is from Oslo")
    if cue & G_CUE_STRONG and (f0 & (G_FIRST | G_LAST) or name_word(w0, f0)):
        return e
    if cue & G_CUE and (f0 & G_FIRST or f0 & G_LAST and not f0 & G_COMMON or unlisted(f0)) \
            and (not f0 & G_COMMON or not (sentence_start(s, n, w0.start) or at(s, w0.start - 2, n) == 58)):
        return e  # "Hi Ximena", "Thanks, Pat", "Dear Patel"
    return 0


cdef inline bint vocative(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t e) noexcept nogil:
    # a name said to someone at a sentence's end: ", Olga." ", Olga!" ", Olga?"
    cdef Py_UCS4 c = at(s, e, n)
    return at(s, start - 1, n) == 32 and at(s, start - 2, n) == 44 \
        and (c == 46 or c == 33 or c == 63 or line_end(s, n, e))


cdef Py_ssize_t speaker_label(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim) noexcept nogil:
    # a speaker's label at a line's start: one to four capitalised words and ": " or a line
    # end after ':' ("Milena: running late", "Leni Grill: Who are you?"); the first a name
    # (listed, or in no list), none a stop word, title or street or organisation word; end, or 0
    cdef Word w = w0[0]
    cdef unsigned int f = f0
    cdef Py_ssize_t e, j
    cdef int k
    if w0.shape != S_CAP or not (unlisted(f0) or f0 & (G_FIRST | G_LAST) and name_word(w0, f0)):
        return 0
    for k in range(4):
        if k and (w.shape != S_CAP or f & (G_STOP | G_TITLE | G_ORG_SUFFIX | G_STREET | G_FUNCTION)):
            return 0
        e = hyphen_tail(s, n, w.end, lim)
        if at(s, e, n) == 58 and (at(s, e + 1, n) == 32 or line_end(s, n, e + 1)):
            return e
        j = space_gap(s, e, lim)
        if not (j and read_word(s, n, j, lim, &w)):
            return 0
        f = gz_get(w.hash, NULL)
    return 0


cdef bint street_around(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t e,
                        Py_ssize_t lim) noexcept nogil:
    # a house number after the name and a street word after it ("Jana Nerudy 894 St."), or a
    # name that ends in a street word next to a house number ("Sigurveig Meadows 12", "12
    # Sigurveig Meadows")
    cdef Word w
    cdef Py_ssize_t i = e, j, k
    cdef bint street_last
    while i > start and folded(s[i - 1]):
        i -= 1
    street_last = read_word(s, n, i, lim, &w) and (gz_get(w.hash, NULL) & G_STREET) != 0
    if street_last and at(s, start - 1, n) == 32 and is_digit(at(s, start - 2, n)):
        return True
    j = space_gap(s, e, lim)
    if not (j and is_digit(s[j])):
        return False
    k = j
    while within(k, lim) and is_digit(s[k]) and k - j < 6:
        k += 1
    if street_last:
        return True
    if folded(at(s, k, n)) and not word_at(s, k + 1, n):
        k += 1  # "12B"
    j = space_gap(s, k, lim)
    return j != 0 and read_word(s, n, j, lim, &w) and (gz_get(w.hash, NULL) & G_STREET) != 0


cdef unsigned long long NAME_VERB_HASH[32]
cdef int NAME_VERBS_N = 0


cdef void init_names() except *:
    global NAME_VERBS_N
    from core.lexicon import NAME_VERBS_AFTER
    if len(NAME_VERBS_AFTER) > 32:
        raise ImportError("too many name verbs")
    for k, word in enumerate(NAME_VERBS_AFTER):
        NAME_VERB_HASH[k] = phrase_hash(word)
    NAME_VERBS_N = len(NAME_VERBS_AFTER)


cdef bint verb_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # one space, then a lower-case word of lexicon.NAME_VERBS_AFTER ("is", "said", "from")
    cdef Word w
    cdef Py_ssize_t j = space_gap(s, e, lim)
    cdef int k
    if not (j and read_word(s, n, j, lim, &w) and w.shape == S_LOWER):
        return False
    for k in range(NAME_VERBS_N):
        if NAME_VERB_HASH[k] == w.hash:
            return True
    return False


cdef inline bint line_start(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    return pos == 0 or s[pos - 1] == 10 or s[pos - 1] == 13


cdef inline bint line_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t e) noexcept nogil:
    return not within(e, n) or s[e] == 10 or s[e] == 13


cdef Py_ssize_t match_titled_name(const uchar_t* s, Py_ssize_t n, const Word* t, Py_ssize_t lim,
                                  Py_ssize_t* start) noexcept nogil:
    # "Mr. Patel", "Dr Jane Smith": the name after a title (the title is not part of it)
    cdef Word w
    cdef Py_ssize_t j = t.end, e
    cdef int more = 0, v = 0
    cdef unsigned int f
    gz_get(t.hash, &v)
    if v == V_NAME_SUFFIX:
        return 0
    if at(s, j, n) == 46:
        j += 1
    j = space_gap(s, j, lim)
    if not j or not read_word(s, n, j, lim, &w) or w.shape != S_CAP:
        return 0
    f = gz_get(w.hash, NULL)
    if not (name_word(&w, f) or f & (G_FIRST | G_LAST)):
        return 0
    start[0] = w.start
    return name_rest(s, n, &w, lim, &more)


cdef Py_ssize_t match_lower_name(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                                 Py_ssize_t lim) noexcept nogil:
    # "my name is kevin brown" in a transcript: a name after a cue; end, or 0. After a
    # strong cue ("my name is") an unlisted word counts too ("ayodele zhou")
    cdef Word w
    cdef Py_ssize_t j, e, e2
    cdef unsigned int cue, f
    cdef int k
    if f0 & (G_FUNCTION | G_STOP | G_NUMBER):
        return 0
    cue = cue_flags(s, n, w0.start)
    if not (cue & G_CUE_STRONG and (f0 & G_FIRST or unlisted(f0))
            or cue & G_CUE_LOWER and (f0 & G_FIRST and not f0 & G_COMMON or unlisted(f0))):
        return 0
    e = hyphen_tail(s, n, w0.end, lim)
    for k in range(4):
        j = space_gap(s, e, lim)
        if not (j and read_word(s, n, j, lim, &w) and (w.shape == S_LOWER or w.shape == S_CAP
                                                       or w.shape == S_INITIAL)):
            break
        if w.end - w.start == 1 and at(s, w.end, n) == 46 and k < 2:
            e = w.end + 1  # a middle initial, "fernando g. suzuki"
            continue
        f = gz_get(w.hash, NULL)
        if w.end - w.start == 1 and (at(s, w.end, n) == 39 or at(s, w.end, n) == 0x2019) \
                and is_letter(at(s, w.end + 1, n)):
            e = w.end + 1  # "o'brien"
            while within(e, lim) and is_letter(s[e]):
                e += 1
            continue
        if f & (G_FUNCTION | G_STOP | G_NUMBER) or not (f & (G_LAST | G_FIRST | G_PARTICLE) or unlisted(f)):
            break
        if f & G_PARTICLE and not f & (G_LAST | G_FIRST):
            e2 = space_gap(s, w.end, lim)  # "de la cruz", "de vries": particles, then a word
            if not e2:
                break
            e = w.end
            continue
        e = hyphen_tail(s, n, w.end, lim)
    while at(s, e - 1, n) == 32:
        e -= 1
    if at(s, e - 1, n) == 46:
        e -= 1  # an initial the name did not go on after
    return e


cdef inline void lower_name_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                               const Options* opt, const Word* w, Best* b) noexcept nogil:
    # a lower-case name right after a cue ending in "is", "am", "me", "m", "s", "to"
    cdef unsigned int f
    cdef Py_ssize_t e
    if b.type_id < 0 and type_on(opt, T_PERSON_NAME) and (after_name_cue(s, n, pos) or after_place_cue(s, n, pos)):
        f = gz_get(w.hash, NULL)
        if f & G_FIRST or unlisted(f):
            e = match_lower_name(s, n, w, f, lim)
            if e:
                b.end, b.type_id = e, T_PERSON_NAME


cdef inline void titled_name_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Word* w, unsigned int f, Best* b) noexcept nogil:
    # "Mr. Patel", "Dr Jane Smith": the name after a title (the title left out)
    cdef Py_ssize_t e
    if b.type_id < 0 and f & G_TITLE and type_on(opt, T_PERSON_NAME):
        e = match_titled_name(s, n, w, lim, &b.start)
        if e:
            b.end, b.type_id = e, T_PERSON_NAME


# ------------------------------------------------------------------ scripts without case

cdef inline unsigned long long run_hash(const uchar_t* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    # the gazetteer hash of the letters s[a:b] as one word
    cdef unsigned long long h = FNV64_OFFSET
    cdef Py_UCS4 k
    cdef Py_ssize_t i
    for i in range(a, b):
        k = letter_key(s[i])
        if k:
            h = fnv64(h, k)
    return h if h else 1


cdef inline bint given_run(const uchar_t* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    # Han or Hangul s[a:b] (1-3 characters) as a given name: listed whole, or two or three
    # characters that given names are written with (listed as "+<character>")
    cdef Py_ssize_t i
    if b - a < 1 or b - a > 3:
        return False
    if gz_get(run_hash(s, a, b), NULL) & G_FIRST:
        return True
    if b - a == 1:
        return False
    for i in range(a, b):
        if not gz_get(fnv64(fnv64(FNV64_OFFSET, 43), letter_key(s[i])), NULL) & G_FIRST:
            return False
    return True


cdef Py_ssize_t spaceless_name(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim) noexcept nogil:
    # "王伟", "김민준", "佐藤陽子": a run of two to four that starts with a listed family name
    # of one or two characters, the rest a given name; "佐藤 陽子": a family name, a space,
    # a given name. End, or 0
    cdef Word w
    cdef Py_ssize_t length = w0.end - w0.start, j
    cdef int p
    for p in range(1, 3):
        if p < length <= 4 and gz_get(run_hash(s, w0.start, w0.start + p), NULL) & G_LAST \
                and given_run(s, w0.start + p, w0.end):
            return w0.end
    if length <= 2 and gz_get(w0.hash, NULL) & G_LAST:
        j = space_gap(s, w0.end, lim)
        if j and read_word(s, n, j, lim, &w) and w.shape == S_SPACELESS and given_run(s, w.start, w.end):
            return w.end
    return 0


cdef inline unsigned int script_word_flags(const uchar_t* s, const Word* w) noexcept nogil:
    # a word's gazetteer flags; an Arabic word with the article ("الجبير") by the name after it
    cdef unsigned int f = gz_get(w.hash, NULL)
    if not f & (G_FIRST | G_LAST) and w.end - w.start > 3 and s[w.start] == 0x627 and s[w.start + 1] == 0x644:
        f |= gz_get(run_hash(s, w.start + 2, w.end), NULL)
    return f


cdef Py_ssize_t match_script_name(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim,
                                  float* score) noexcept nogil:
    # a name in a script without case ("محمد علي", "สมชาย ใจดี", "王伟"): listed words one space
    # apart, two of them, or one after a cue, before a speaker's colon or a verb; end, or 0
    cdef Word w
    cdef Py_ssize_t e = w0.end, j
    cdef int words = 1, listed
    cdef unsigned int cue
    score[0] = 0.85
    cue = cue_flags(s, n, w0.start)
    if w0.shape == S_SPACELESS:
        e = spaceless_name(s, n, w0, lim)
        if e:
            return e
        if gz_get(w0.hash, NULL) & (G_FIRST | G_LAST) and cue & G_CUE:
            return w0.end  # "Dear 舒波"
        e = spaceless_run(s, n, w0, lim)
        if e and name_place(s, n, w0.start, e, lim, cue):
            score[0] = 0.75
            return e  # "平 しんご from ...", "Meeting with 환청범 at noon"
        return 0
    e = script_run(s, n, w0, lim)
    if e and name_place(s, n, w0.start, e, lim, cue):
        score[0] = 0.75
        return e  # "Dear বিপাশা দাশগুপ্তা,", "אילן גרינברג: ...", "राकेश कपूर called"
    e = w0.end
    listed = (script_word_flags(s, w0) & (G_FIRST | G_LAST)) != 0
    while words < 4:
        j = space_gap(s, e, lim)
        if not (j and read_word(s, n, j, lim, &w) and w.shape == S_NOCASE
                and script_word_flags(s, &w) & (G_FIRST | G_LAST)):
            break
        e = w.end
        words += 1
        listed += 1
    if listed >= 2 and script_word_flags(s, w0) & (G_FIRST | G_LAST):
        return e
    if listed and (cue & G_CUE or verb_after(s, n, e, lim) or gz_after(s, n, e, lim) & G_CUE_AFTER
                   or line_start(s, n, w0.start) and at(s, e, n) == 58):
        return e
    return 0


cdef bint name_place(const uchar_t* s, Py_ssize_t n, Py_ssize_t start, Py_ssize_t e, Py_ssize_t lim,
                     unsigned int cue) noexcept nogil:
    # words of another script at start..e stand where a name stands in the English around
    # them: after a cue, before a verb or a cue word, as a speaker's label, or after a weak
    # cue ("with") with more English in lower case after them ("with ইজাজ মন্ডল at noon");
    # not "from شركة مازدا is" (an organisation's place)
    return cue & G_CUE or not cue & G_CUE_WEAK and verb_after(s, n, e, lim) \
        or cue & G_CUE_WEAK and lower_after(s, n, e, lim) and not verb_after(s, n, e, lim) \
        or gz_after(s, n, e, lim) & G_CUE_AFTER or line_start(s, n, start) and at(s, e, n) == 58


cdef Py_ssize_t spaceless_run(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim) noexcept nogil:
    # a Han, kana or Hangul word of two to four characters, or two of one to four one space
    # apart ("平 しんご", "환청범"), with no such word or word of a script without case before
    # or after them; their end, or 0
    cdef Word w
    cdef Py_ssize_t e = w0.end, j
    cdef unsigned int before = script_letter(at(s, w0.start - 2, n)) >> 24
    if w0.end - w0.start > 4 or at(s, w0.start - 1, n) == 32 and before != 0 and before != K_UPPER \
            and before != K_LOWER:
        return 0
    j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and w.shape == S_SPACELESS and w.end - w.start <= 4:
        e = w.end
    elif w0.end - w0.start < 2:
        return 0
    j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w) and (w.shape == S_SPACELESS or w.shape == S_NOCASE):
        return 0
    return e


cdef Py_ssize_t script_run(const uchar_t* s, Py_ssize_t n, const Word* w0, Py_ssize_t lim) noexcept nogil:
    # two to five words of a script without case one space apart (a hyphen may join two),
    # listed or not, none an address word, and no such word after them (then it is a
    # sentence in that script, not a name); their end, or 0
    cdef Word w
    cdef Py_ssize_t e = w0.end, j
    cdef int words = 1
    cdef unsigned int before = script_letter(at(s, w0.start - 2, n)) >> 24
    if gz_get(w0.hash, NULL) & SCRIPT_RUN_STOP \
            or at(s, w0.start - 1, n) == 32 and (before == K_NOCASE or before == K_SKIP):
        return 0  # the run's first word only ("from شركة مازدا is": not "مازدا is")
    while True:
        if (at(s, e, n) == 45 or at(s, e, n) == 0x200C) and read_word(s, n, e + 1, lim, &w) \
                and w.shape == S_NOCASE:
            e = w.end  # "מזרחי-יוסף", "نقیب‌زاده" (a zero-width non-joiner)
            continue
        j = space_gap(s, e, lim)
        if not (j and read_word(s, n, j, lim, &w) and w.shape == S_NOCASE):
            break
        if words == 5 or gz_get(w.hash, NULL) & SCRIPT_RUN_STOP:
            return 0
        e = w.end
        words += 1
    return e if words >= 2 else 0


cdef inline bint lower_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # one space, then a lower-case Latin word: the English text around goes on
    cdef Word w
    cdef Py_ssize_t j = space_gap(s, e, lim)
    return j != 0 and s[j] < 128 and read_word(s, n, j, lim, &w) and w.shape == S_LOWER


cdef inline unsigned int gz_after(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # the flags of the word after one space at e
    cdef Word w
    cdef Py_ssize_t j = space_gap(s, e, lim)
    if j and read_word(s, n, j, lim, &w):
        return gz_get(w.hash, NULL)
    return 0


cdef inline void script_name_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                const Options* opt, const Word* w, Best* b) noexcept nogil:
    # a name in a script without case (the words other_letter_at does not send to words_at)
    cdef Py_ssize_t e
    if (w.shape == S_NOCASE or w.shape == S_SPACELESS) and type_on(opt, T_PERSON_NAME):
        e = match_script_name(s, n, w, lim, &b.score)
        if e:
            b.end, b.type_id = e, T_PERSON_NAME
