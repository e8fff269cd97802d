# Places and organisations: cities, states, countries, state codes; known
# organisations, runs of capitalised words with an organisation word or a legal form of
# many countries, names after a legal form written first, and after a cue ("from").
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
    from redactd.core.lexicon import CITY_ENDINGS
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
            if length <= w0.end - w0.start and starts_with(s, w0.end - length, w0.end, CITY_ENDING[k]):
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
    if not (within(e, lim) and s[e] == 46):
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
    cdef Word last
    cdef unsigned int f = 0
    cdef int words, value = 0
    cdef Py_ssize_t e = 0, best = 0
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
    # "ООО «Ромашка»", "АО Газпром": a legal form written before the name (Cyrillic)
    if s[w0.start] >= 0x400 and (w0.shape == S_UPPER or w0.shape == S_CAP):
        e = legal_form_at(s, n, w0.start, lim, LF_PREFIX)
        if e:
            e = name_after_form(s, n, e, lim)
            if e > best:
                best = e
    # "Vinicio F Arcuri from Globalworth", "works at Smith, Jones and Brown"
    e = org_after_cue(s, n, w0, f0, lim)
    if e > best:
        best = e
    # a run of capitalised words (and connectors) ending in a company suffix or a legal
    # form: "Acme Widgets Inc.", "Lehmann-Schulz KG", "Rossi S.p.A.", "Novák s.r.o."
    e = suffix_run(s, n, w0, f0, lim)
    if e > best:
        best = e
    return best


cdef inline bint run_gate(const uchar_t* s, Py_ssize_t n, Py_ssize_t j) noexcept nogil:
    # what may follow a word of a run: a space and a capital, "&", a dotted lower-case form
    # ("s.r.o.", "e.V.") or a short lower-case word ("and", "e", "und"); a comma; a hyphen
    # and a capital ("Lehmann-Schulz")
    cdef Py_UCS4 c = at(s, j, n), d = at(s, j + 1, n)
    cdef int k
    if c == 44 or (c == 45 and capital(d)):
        return True
    if c != 32:
        return False
    if capital(d) or d == 38:
        return True
    if not folded(d):
        return False
    for k in range(2, 7):
        c = at(s, j + k, n)
        if c == 46:
            return True
        if not folded(c):
            return c == 32 and k <= 4
    return False


cdef Py_ssize_t suffix_run(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                           Py_ssize_t lim) noexcept nogil:
    # up to six capitalised words (or connectors, particles) from w0; the end of the last
    # company suffix or legal form among them, or 0. "of" only after a head word; a list ("Curatoli, Impastato e Ubaldi Group")
    # needs its connector before the suffix
    cdef Word w = w0[0]
    cdef unsigned int fw, prev_fw = f0
    cdef Py_ssize_t e = 0, j, i, lf
    cdef int k
    cdef bint listing = False
    # "Results Inc. were good": no suffix right after a common word at a sentence's start
    cdef bint lone_start = (f0 & G_COMMON and not f0 & (G_ORG | G_ORG_SUFFIX | G_ORG_HEAD | G_FIRST | G_LAST)
                            and sentence_start(s, n, w0.start) and at(s, w0.end + 1, n) != 38)
    j = w.end
    if at(s, j, n) == 39 and lower(at(s, j + 1, n)) == 115:
        j += 2  # "Children's"
    elif at(s, j, n) == 46 and w.end - w.start == 2 and lower(s[w.start]) == 115 and lower(s[w.start + 1]) == 116:
        j += 1  # "St. Joseph's Medical Center"
    if not run_gate(s, n, j):
        return 0
    if w0.start <= scan_stop and no_org_end(s, n, w0.end, lim):
        return 0  # (past scan_stop a stream's tail: the reads below, and where they stop, count)
    for k in range(6):
        j = w.end
        if at(s, j, n) == 39 and lower(at(s, j + 1, n)) == 115 and not word_at(s, j + 2, n):
            j += 2
        elif k == 0 and at(s, j, n) == 46 and w.end - w.start == 2 and lower(s[w.start]) == 115:
            j += 1  # "St."
        i = space_gap(s, j, lim)
        if not i:
            if at(s, j, n) == 44 and at(s, j + 1, n) == 32:
                i = j + 2  # "Acme, Inc.", "Ríos, Oñate y Alarcón Ltda."
                listing = listing or k == 0
            elif at(s, j, n) == 45 and capital(at(s, j + 1, n)):
                i = j + 1  # "Lehmann-Schulz KG"
            else:
                break
        if at(s, i, n) == 38 and at(s, i + 1, n) == 32:
            i += 2  # "Johnson & Johnson", "Crescent & Co."
        lf = legal_form_at(s, n, i, lim, LF_SUFFIX)
        if lf and read_word(s, n, i, lim, &w) and w.end == lf and gz_get(w.hash, NULL) & G_ORG_SUFFIX:
            lf = 0  # "Bank", "Inc": a company suffix of core.lexicon, read below ("Bank of ...")
        if lf and legal_form_at(s, n, i, lim, LF_PREFIX) == lf and name_after_form(s, n, lf, lim):
            break  # "Акции ПАО Газпром": the form starts the next name
        if lf and at(s, i - 1, n) != 45 and (at(s, i - 2, n) != 44 or lf - i <= 5):
            j = lf
            while j > i and folded(s[j - 1]):
                j -= 1  # the form's last word: "Savings Bank" ends in a head word
            fw = gz_get(w.hash, NULL) if read_word(s, n, j, lim, &w) else 0
            if not (listing and k) and not (k == 0 and lone_start and j == i):
                e = abbrev_dot(s, n, lf, lim)
                if fw & G_ORG_HEAD:
                    e = of_tail(s, n, e, lim)  # "First National Bank of Tucson"
            w.start, w.end, w.shape = i, abbrev_dot(s, n, lf, lim), S_UPPER
            prev_fw = G_ORG_SUFFIX
            continue
        if not read_word(s, n, i, lim, &w):
            break
        fw = gz_get(w.hash, NULL)
        if w.shape == S_LOWER:
            # "Marks and Spencer", "Van den Berg"; "of" only after a head word ("Institute of
            # Technology"), not after a person ("Maria Gonzalez of Acme Widgets Inc.")
            if fw & G_PARTICLE and prev_fw & G_PARTICLE and capital(at(s, w.end + 1, n)) \
                    and at(s, w.end, n) == 32:
                continue  # "Van den Berg", "De la Cruz"
            if not fw & G_CONNECTOR or e or (w.end - w.start == 2 and lower(s[w.start]) == 111
                                             and not prev_fw & (G_ORG_HEAD | G_ORG_SUFFIX)):
                break  # (after a suffix, "and" starts another name: "Acme Inc. and Beta GmbH")
            listing = False
            continue
        prev_fw = fw
        if fw & G_ORG_SUFFIX and at(s, w.end, n) == 46 and at(s, w.end + 1, n) == 32 \
                and legal_form_at(s, n, w.end + 2, lim, LF_SUFFIX):
            w.end += 1  # "GmbH & Co. KG"
        if fw & G_ORG_SUFFIX and (at(s, i - 2, n) != 44 or w.end - w.start <= 4) and not (listing and k) \
                and not (k == 0 and lone_start):
            e = abbrev_dot(s, n, w.end, lim)
            if fw & G_ORG_HEAD:
                e = of_tail(s, n, e, lim)  # "First National Bank of Tucson"
    return e


# In a run of capitalised words suffix_run reads each word once for every word before it.
# What it looks for is rare: a word that ends an organisation, a company suffix or a word
# whose letters start a legal form. A cursor per scan (per thread; chars.pyx's scan number)
# finds those words once, going forward, up to the run's end (a word no run goes past: a
# lower-case word that is no connector, particle or form, or a word not followed by a
# separator); where none stands from a word's end to the run's end or its bound, suffix_run
# has nothing to find. The cursor reads only before the bound, and is asked only up to the
# scan's stop (never in a stream's tail, where a look at the end counts)

cdef extern from *:
    """
    typedef struct {
        unsigned long long scan;
        Py_ssize_t from, to;   /* no word that may end an organisation starts in [from, to) ... */
        Py_ssize_t next;       /* ... but at `next`, when >= 0 (then to == next + 1) */
        Py_ssize_t bound;      /* ... and no run from before `bound` goes past it, when >= 0 */
        Py_ssize_t read;       /* read_words read the words before this */
    } redactd_org_cursor;
    static __thread redactd_org_cursor redactd_org;
    """
    ctypedef struct OrgCursor "redactd_org_cursor":
        unsigned long long scan
        Py_ssize_t start "from"
        Py_ssize_t to
        Py_ssize_t next
        Py_ssize_t bound
        Py_ssize_t read
    OrgCursor org_cursor "redactd_org"


cdef bint no_org_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t x, Py_ssize_t lim) noexcept nogil:
    # no word that suffix_run would read from x (before lim) can end an organisation
    cdef OrgCursor* c = &org_cursor
    cdef Py_ssize_t k, e
    cdef int r
    if scan_number == NO_SCAN:
        return False
    if c.scan != scan_number or x < c.start:
        c.scan, c.start, c.to, c.next, c.bound, c.read = scan_number, x, x, -1, -1, x
    if c.next >= 0:
        if c.next >= x:
            return not within(c.next, lim)
        c.next = -1  # passed: look on after it
    if c.bound >= 0:
        if c.bound > x:
            return True
        c.bound = -1
    c.start = x
    k = c.to if c.to > x else x
    if c.read < lim:
        c.read = read_words(s, n, c.read if c.read > k else k, lim)
    while k < lim:  # (only up to scan_stop: no stream's tail, so no end to note)
        if not word_at(s, k, n) or word_at(s, k - 1, n):
            k += 1  # (no word starts here)
            continue
        r = org_end_at(s, n, k, lim, &e)
        if r == ORG_END_MAY:
            c.to, c.next = k + 1, k
            return False
        if r == ORG_END_PAST_LIM:
            break  # (a later bound reads it again)
        if r == ORG_END_RUN:
            c.to = c.bound = e
            return True
        k = e if e > k else k + 1  # (past the word's letters)
    c.to = k
    return True


cdef Py_ssize_t read_words(const uchar_t* s, Py_ssize_t n, Py_ssize_t k, Py_ssize_t lim) noexcept nogil:
    # the capitalised words from k on (to lim, a line break or a lower-case word) read first,
    # their gazetteer slots loading together (gz_prefetch) before the cursor asks for their
    # flags one by one, each a random read of the table; where it stopped
    cdef Word w
    cdef int words = 0
    while k < lim and words < 32 and s[k] != 10:  # (as no_org_end's loop)
        if word_at(s, k, n) and not word_at(s, k - 1, n) and folded(s[k]):
            if 97 <= s[k] <= 122:
                break
            if read_word(s, n, k, lim, &w):
                k = w.end
                gz_prefetch(w.hash)  # (the cursor asks for its flags next)
            words += 1
        k += 1
    return k


cdef inline int org_end_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           Py_ssize_t* run_end) noexcept nogil:
    # whether the word that starts at i may be a company suffix or start a legal form (for any
    # bound past lim too): ORG_END_NO (its letters end at run_end), ORG_END_MAY (a word of
    # another script may), ORG_END_RUN (no, and no run goes past run_end), ORG_END_PAST_LIM
    # (it runs on past lim: read_word and legal_form_end read nothing there)
    cdef Word w
    cdef Py_ssize_t stop
    cdef Py_UCS4 c
    cdef bint ok
    run_end[0] = i + 1
    if not folded(s[i]):
        return ORG_END_MAY if s[i] >= SCRIPT_LO else ORG_END_NO  # a digit or '_' starts neither
    ok = read_word(s, n, i, lim, &w)
    stop = w.end if ok else i
    while not ok and within(stop, lim) and folded(s[stop]):
        stop += 1  # where read_word's letters ended
    run_end[0] = stop  # (the letters' end, for ORG_END_NO)
    if not ok and within(stop, lim):
        # joined to a digit or '_', or longer than a group: no form's group ends there
        c = s[stop]
        return ORG_END_NO if is_digit(c) or c == 95 or stop - i > 24 else ORG_END_MAY
    if not ok:  # its letters reached lim: they run on past it, or are longer than a group
        return ORG_END_PAST_LIM if word_at(s, lim, n) else ORG_END_NO
    if w.hash == 1:
        return ORG_END_MAY
    if w.shape == S_LOWER:
        # suffix_run reads a lower-case word as a connector or particle, or a legal form
        # ("s.r.o."), never as a company suffix; any other ends every run that reaches it
        if lf_get(w.hash) & (LF_SUFFIX | LF_MORE):
            return ORG_END_MAY
        if gz_get(w.hash, NULL) & (G_CONNECTOR | G_PARTICLE):
            return ORG_END_NO
        run_end[0] = i + 1
        return ORG_END_RUN
    # (a word that ends at lim: any later bound reads it alike)
    if gz_get(w.hash, NULL) & G_ORG_SUFFIX or lf_get(w.hash) & (LF_SUFFIX | LF_MORE):
        return ORG_END_MAY
    c = at(s, w.end, n)
    if not (c == 32 or c == 44 or c == 45 or c == 39 or c == 46):
        run_end[0] = w.end  # no run goes on past it: not ' ', ", ", '-', "'s", '.'
        return ORG_END_RUN
    return ORG_END_NO


# ------------------------------------------------------------------ legal forms
# core/data/legal_forms.txt (ISO 20275 and more): the forms' letter groups hashed as a
# phrase ("S.p.A." is "s p a"), in a small open-addressing table of their own

cdef unsigned long long* LF_KEY = NULL
cdef unsigned char* LF_FLAGS = NULL
cdef unsigned long long LF_MASK = 0
cdef unsigned long long ORG_CUE[32]     # core.lexicon.ORG_CUES: "works at", "employed by"
cdef int ORG_CUES_N = 0
cdef unsigned long long HASH_FROM = 0


cdef void lf_add(unsigned long long h, unsigned char flags):
    cdef unsigned long long k = h & LF_MASK
    while LF_KEY[k] and LF_KEY[k] != h:
        k = (k + 1) & LF_MASK
    LF_KEY[k] = h
    LF_FLAGS[k] |= flags


cdef inline unsigned int lf_get(unsigned long long h) noexcept nogil:
    cdef unsigned long long k = h & LF_MASK
    while LF_KEY[k]:
        if LF_KEY[k] == h:
            return LF_FLAGS[k]
        k = (k + 1) & LF_MASK
    return 0


cdef void init_legal_forms() except *:
    global LF_KEY, LF_FLAGS, LF_MASK, ORG_CUES_N, HASH_FROM
    import pathlib
    from redactd.core.lexicon import ORG_CUES
    cdef unsigned long long size = 1
    cdef int k
    forms = []
    path = pathlib.Path(__file__).parent / "data" / "legal_forms.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, codes = line.partition("\t")
            forms.append((key, LF_SUFFIX | (LF_PREFIX if "P" in codes else 0)))
    while size < 4 * len(forms) + 16:  # forms and their heads: load under a half
        size <<= 1
    LF_KEY = <unsigned long long*>calloc(size, sizeof(unsigned long long))
    LF_FLAGS = <unsigned char*>calloc(size, sizeof(unsigned char))
    if LF_KEY == NULL or LF_FLAGS == NULL:
        raise MemoryError()
    LF_MASK = size - 1
    for key, flags in forms:
        lf_add(phrase_hash(key), flags)
        groups = key.split(" ")
        for k in range(1, len(groups)):
            lf_add(phrase_hash(" ".join(groups[:k])), LF_MORE)
    if len(ORG_CUES) > 32:
        raise ImportError("too many organisation cues")
    for k, cue in enumerate(ORG_CUES):
        ORG_CUE[k] = phrase_hash(cue)
    ORG_CUES_N = len(ORG_CUES)
    HASH_FROM = phrase_hash("from")


cdef Py_ssize_t legal_form_end(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                               unsigned int want) noexcept nogil:
    # the end of the longest legal form at i with a `want` flag, or 0: up to six groups of
    # letters, each followed by one of . / - (and a space) or a space. A group of one letter
    # needs one of . / - in the form ("A/S", "s.r.o.", not "A S"), and its own '.' after a
    # space ("Sp. z o.o.", not "S.A. e"); a lower-case form needs a '.' ("a.s.", "e.V."); a
    # form that is a common word must be in capitals ("AS")
    cdef unsigned long long h = FNV64_OFFSET
    cdef Py_ssize_t j = i, k, best = 0
    cdef int groups = 0, best_groups = 0
    cdef bint single = False, marked = False, best_marked = False, spaced = False
    cdef Py_UCS4 c, key
    cdef unsigned int flags
    cdef Word w
    if not within(i, lim) or word_at(s, i - 1, n):
        return 0
    while groups < 6:
        k = j
        while within(k, lim) and k - j < 24:
            key = letter_key(s[k])
            if not key:
                break
            h = fnv64(h, key)
            k += 1
        if k == j or word_at(s, k, n):
            break
        if k - j == 1:
            single = True
        groups += 1
        flags = lf_get(h)
        if flags & want and (marked or not single) and not (spaced and k - j == 1 and at(s, k, n) != 46):
            best, best_groups, best_marked = k, groups, marked
        if not flags & LF_MORE:
            break
        c = at(s, k, n)
        spaced = False
        if c == 46 or c == 47 or c == 45:
            marked = True
            k += 1
            if at(s, k, n) == 32:
                k += 1
                spaced = True
        elif c == 32:
            k += 1
            spaced = True
        else:
            break
        h = fnv64(h, 32)
        j = k
    if not best:
        return 0
    if not capital(s[i]):
        return best if best_marked or (at(s, best, n) == 46 and best_groups > 1) else 0
    if best_groups == 1 and read_word(s, n, i, lim, &w) and w.shape != S_UPPER \
            and gz_get(w.hash, NULL) & (G_COMMON | G_STOP):
        return 0
    return best


cdef inline Py_ssize_t legal_form_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                                     unsigned int want) noexcept nogil:
    # a legal form at i: a letter there, then legal_form_end
    if not within(i, lim) or not letter_key(s[i]):
        return 0
    return legal_form_end(s, n, i, lim, want)


cdef inline Py_UCS4 closing_quote(Py_UCS4 c) noexcept nogil:
    # the quote that closes c, or 0: « », " ", „ “, “ ”, ‚ ‘, 「 」
    if c == 0xAB:
        return 0xBB
    if c == 34:
        return 34
    if c == 0x201E or c == 0x201C:
        return 0x201C if c == 0x201E else 0x201D
    if c == 0x201A:
        return 0x2018
    if c == 0x300C:
        return 0x300D
    return 0


cdef Py_ssize_t name_after_form(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim) noexcept nogil:
    # after a legal form written first: a quoted name ("«Ромашка»", "„Firma“") through its
    # closing quote, or one to four capitalised words ("АО Газпром"); the end, or 0
    cdef Word w
    cdef Py_ssize_t j = space_gap(s, e, lim), k, end = 0
    cdef Py_UCS4 close
    cdef int words
    if not j:
        return 0
    close = closing_quote(s[j])
    if close:
        k = j + 1
        while within(k, lim) and k - j < 64 and s[k] != close and s[k] != 10 and s[k] != 13:
            k += 1
        if within(k, lim) and s[k] == close and k > j + 1 and word_at(s, j + 1, n):
            return k + 1
        return 0
    for words in range(4):
        if not read_word(s, n, j, lim, &w) or not (w.shape == S_CAP or w.shape == S_UPPER) \
                or gz_get(w.hash, NULL) & G_STOP:
            break
        end = w.end
        if at(s, end, n) == 45 and capital(at(s, end + 1, n)):
            j = end + 1
        else:
            j = space_gap(s, end, lim)
            if not j:
                break
    return end


cdef bint org_cue_before(const uchar_t* s, Py_ssize_t n, Py_ssize_t start) noexcept nogil:
    # "works at", "employed by", "joined" before start; or "from" after a capitalised word
    # that ends a name ("Vinicio F Arcuri from", "Κατερίνα Καρολίδου from")
    cdef Word w1, w2
    cdef Py_ssize_t floor = max(0, start - (LOOKBEHIND - 8)), i
    cdef unsigned long long h
    cdef int k
    if prev_word(s, n, start, floor, &w1) < 0 or w1.end != start - 1:
        return False
    if w1.hash == HASH_FROM:
        i = w1.start - 1
        if at(s, i, n) != 32:
            return False
        while i > floor and letter_key(s[i - 1]) and w1.start - 1 - i < 24:
            i -= 1
        if i == w1.start - 1 or not read_word(s, n, i, w1.start - 1, &w2):
            return False
        return (w2.shape == S_CAP or w2.shape == S_INITIAL or w2.shape == S_UPPER) \
            and not gz_get(w2.hash, NULL) & (G_COMMON | G_STOP | G_FUNCTION | G_TITLE)
    h = w1.hash
    if prev_word(s, n, w1.start, floor, &w2) >= 0 and w2.end == w1.start - 1:
        h = join_hash(w2.hash, s, &w1)
    for k in range(ORG_CUES_N):
        if ORG_CUE[k] == h or ORG_CUE[k] == w1.hash:
            return True
    return False


cdef Py_ssize_t org_after_cue(const uchar_t* s, Py_ssize_t n, const Word* w0, unsigned int f0,
                              Py_ssize_t lim) noexcept nogil:
    # capitalised words after an organisation cue, joined by spaces, '-', '&', ', ' or a
    # connector ("Smith, Jones and Brown"): not a place, a department ("Marketing"), a
    # given name or a two-letter word ("HR"); the end, or 0
    cdef Word w = w0[0], nxt, last
    cdef Py_ssize_t e = w0.end, i
    cdef Py_UCS4 c = at(s, w0.start - 2, n)
    cdef unsigned int f = 0
    cdef int k, value = 0
    if not (w0.shape == S_CAP or w0.shape == S_UPPER and w0.end - w0.start >= 3) or at(s, w0.start - 1, n) != 32:
        return 0
    if not (c == 109 or c == 116 or c == 114 or c == 121 or c == 100 or c == 110 or c == 102):
        return 0  # (the last letters of from, at, for, by, joined, join, of: cheap, first)
    if f0 & (G_STOP | G_FUNCTION | G_TITLE | G_HOLIDAY | G_CITY | G_STATE | G_COUNTRY) \
            or (f0 & G_COMMON and not f0 & G_LAST) or (f0 & G_FIRST and not f0 & G_LAST):
        return 0
    if not org_cue_before(s, n, w0.start):
        return 0
    if longest_phrase(s, n, w0, f0, lim, G_CITY | G_STATE | G_COUNTRY, &last, &f, &value, False):
        return 0
    for k in range(5):
        i = space_gap(s, w.end, lim)
        if not i and at(s, w.end, n) == 44 and at(s, w.end + 1, n) == 32:
            i = w.end + 2
        elif not i and at(s, w.end, n) == 45 and capital(at(s, w.end + 1, n)):
            i = w.end + 1
        if not i:
            break
        if at(s, i, n) == 38 and at(s, i + 1, n) == 32:
            i += 2
        if not read_word(s, n, i, lim, &nxt):
            break
        if nxt.shape == S_LOWER:
            if not gz_get(nxt.hash, NULL) & G_CONNECTOR:
                break
            i = space_gap(s, nxt.end, lim)
            if not (i and read_word(s, n, i, lim, &nxt)):
                break
        if not (nxt.shape == S_CAP or nxt.shape == S_UPPER) or gz_get(nxt.hash, NULL) & (G_STOP | G_FUNCTION):
            break
        w = nxt
        e = w.end
    if (at(s, e, n) == 39 or at(s, e, n) == 0x2019) and lower(at(s, e + 1, n)) == 115:
        return 0  # "Anna from Maria's team"
    return e


cdef Py_ssize_t spaceless_org(const uchar_t* s, Py_ssize_t n, const Word* w, Py_ssize_t lim) noexcept nogil:
    # a run of Han, kana or Hangul that ends or starts with a legal form ("山田株式会社",
    # "株式会社山田", "易动力科技有限公司"), or a form and a run after a space ("주식회사 삼성",
    # "삼성 주식회사"); the end, or 0
    cdef Py_ssize_t length = w.end - w.start, j
    cdef unsigned long long tail, head
    cdef Word nxt
    cdef int k, m
    for k in range(2, 8):
        if k >= length:
            break
        if length - k > 16:
            continue
        tail = FNV64_OFFSET
        head = FNV64_OFFSET
        for m in range(k):
            tail = fnv64(tail, s[w.end - k + m])
            head = fnv64(head, s[w.start + m])
        if lf_get(tail) & LF_SUFFIX or lf_get(head) & LF_PREFIX:
            return w.end
    j = space_gap(s, w.end, lim)
    if not (j and read_word(s, n, j, lim, &nxt) and nxt.shape == S_SPACELESS):
        return 0
    if length <= 7 and lf_get(w.hash) & LF_PREFIX and nxt.end - nxt.start <= 16:
        return nxt.end
    if nxt.end - nxt.start <= 7 and lf_get(nxt.hash) & LF_SUFFIX and length <= 16:
        return nxt.end
    return 0


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
