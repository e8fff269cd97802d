"""Compiled PII/PCI scanner.

One left-to-right pass over a str's PEP 393 buffer, with the GIL released.
At each word start the detectors that can begin there are tried; a match is
recorded and the pass resumes after it, so spans come out sorted and, apart
from tentative phone candidates, never overlap.

Every decision at a position reads at most LOOKBEHIND code points before it
and LOOKAHEAD code points from it (`lim`). That makes the result at a position
independent of where the text was cut, which is what lets a stream hold back
at most HOLDBACK code points and still equal the whole-text result. A stream's
(non-final) scan holds back less: it keeps each decision that never looked at the
end of the text so far, and stops at the first that did (every test of an index
against the text's end goes through within() or at(), which note it: chars.pyx).

The scanner is one extension built from parts (asyncpg's layout): shared
infrastructure, then one file per detector family, each `scan/<part>.pyx` with
a `scan/<part>.pxd` that declares its types and cdef functions. This file keeps
the pass and the order in which the families are tried at a position:

  scan_text     a word start: an email (network), else by its first character
  letter_at     a letter: URL, IBAN, IPv6, a month, a weekday or a day said aloud
                (a date; a month also a card expiry), SWIFT
  words_at      a letter, past the gates (scan/gates.pyx): an email read out,
                an ID or a postcode, a domain name; a lower-case word: a spoken
                number, a P.O. box, a place or a name after a cue; a capitalised
                word: a box, a spoken number, a holiday, a name after a title,
                then the longest of an organisation, a place and a name
  digits_at     a number before a word: a spoken number, a street address
  other_script_at  a word that starts with a letter outside ASCII: a street line
                ("Östra Storgatan 5", "ул. Ленина 5")
  script_address_at  a word of a script from Cyrillic on, or a number before one: an
                address block ("1352 شارع الأفندية", "ხევძმარის ქ. 92")
  cjk_address_at  a word that starts with a CJK letter: a Chinese, Japanese or Korean
                address ("東京都千代田区千代田1-1"); at a number before ',' or a line
                break, one that starts with its postal code (cjk_code_first_at)
  numeric_at    a digit, '+' or '(': a written date by its day, a card, an SSN,
                nine digits (routing number or SSN), IPv4, a numeric date, a card
                expiry, a lone short number (CVV, PIN, age), an ID number; where
                none reads it, phone candidates
  (IPv6 is also tried at a digit or "::")

After the pass, given phone regions, settle_phones (scan/phones.pyx) turns each group of
phone candidates into the number a numbering plan validates (phonenumbers' metadata compiled
into scan/phone_tables.h at build time), or drops it, with the GIL still released.
"""
cimport cython
from libc.stdio cimport snprintf, sprintf
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.errno cimport EINTR, errno
from libc.string cimport memcmp, memcpy, memmove, strlen
from posix.unistd cimport SEEK_SET, lseek, read

from redactd.core._mask cimport select_masked
from redactd.core.includes.python cimport (
    Py_UCS1, Py_UCS2, Py_UNICODE_ISALPHA, Py_UNICODE_ISDIGIT, PyGC_Disable, PyObject_GenericSetAttr, PyGC_Enable, PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND, PyUnicode_4BYTE_KIND, PyUnicode_DATA,
    PyUnicode_FromKindAndData, PyUnicode_GET_LENGTH, PyUnicode_IS_ASCII, PyUnicode_KIND,
    PyUnicode_MAX_CHAR_VALUE, PyUnicode_New, PyUnicode_READ, PyUnicode_Substring, PyUnicode_WRITE,
)

from redactd.core.entity_types import ENTITY_TYPES

include "scan/chars.pyx"
include "scan/context.pyx"
include "scan/spans.pyx"
include "scan/groups.pyx"
include "scan/gazetteer.pyx"
include "scan/words.pyx"
include "scan/numbers.pyx"
include "scan/dates.pyx"
include "scan/network.pyx"
include "scan/banking.pyx"
include "scan/spoken.pyx"
include "scan/names.pyx"
include "scan/places.pyx"
include "scan/addresses.pyx"
include "scan/world_addresses.pyx"
include "scan/script_addresses.pyx"
include "scan/cjk_addresses.pyx"
include "scan/gates.pyx"
include "scan/phones.pyx"
include "scan/output.pyx"


cdef int numeric_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                    const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a digit, '+' or '(': the numeric families in the order they are tried. A later
    # reading replaces the best so far only by ending further on; where none was read, the
    # phone candidates. 1 when one matched, 0, or -1 on allocation failure
    cdef Groups g
    cdef Best b
    cdef bint ctx
    end[0] = 0
    read_groups(s, pos, lim, &g)
    if g.n == 0:
        return 0
    best_init(&b, pos)
    date_by_day_at(s, n, pos, lim, opt, &g, &b)    # dates: "3rd of October 1982", "3 Oct"
    card_at(s, n, pos, lim, opt, &g, &b)           # numbers: Luhn, issuer prefix and length
    ssn_at(s, n, pos, lim, opt, &g, &b)            # numbers: "123-45-6789"
    nine_digits_at(s, n, pos, lim, opt, &g, &b)    # banking: a routing number, else an SSN, by context
    ipv4_at(s, n, pos, lim, opt, &g, &b)           # network
    numeric_date_at(s, n, pos, lim, opt, &g, &b)   # dates: 1982-10-03, 10/03/1982
    expiry_at(s, n, pos, lim, opt, &g, &b)         # numbers: "exp 04/27"
    short_number_at(s, n, pos, lim, opt, &g, &b)   # numbers: CVV or PIN by context, an age
    id_number_at(s, n, pos, lim, opt, &g, &b)      # numbers: passport, licence, account, by context
    if b.type_id == T_DATE:
        b.type_id = date_type(s, n, pos, b.end, lim, opt, &b.before)  # a DATE_OF_BIRTH by context
    if b.type_id < 0:
        return phone_candidates_at(s, n, pos, lim, opt, &g, out, end)
    # where context was required it was found; elsewhere it is a bonus
    ctx = (b.type_id == T_US_BANK_ROUTING_NUMBER or (b.type_id == T_SSN and b.end == g.stop[0])
           or has_context(s, n, pos, b.end, lim, b.type_id, &b.before))
    if push(out, pos, b.end, b.type_id, F_CONTEXT if ctx else 0, scored(b.type_id, ctx), b.aux) < 0:
        return -1
    end[0] = b.end
    return 1


cdef int letter_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end, int* carry) noexcept nogil:
    # at a letter: the families that read letters and digits, in order; the first that reads
    # something decides. 1 when one matched, 0, or -1 on allocation failure
    cdef Best b
    cdef Py_UCS4 c2 = at(s, pos + 1, n)
    # one look-up of the first two letters gates them (random words mispredict branches)
    cdef unsigned char pair = PAIRS[(<int>lower(s[pos]) - 97) * 26 + <int>lower(c2) - 97] if is_letter(c2) else 0
    best_init(&b, pos)
    url_at(s, n, pos, lim, opt, pair, carry, &b)   # network: "https://...", "www."
    iban_at(s, n, pos, lim, opt, pair, &b)         # banking
    ipv6_at(s, n, pos, lim, opt, c2, &b)           # network: "fe80::1"
    month_at(s, n, pos, lim, opt, pair, &b)        # dates: "October 3, 1982", "Friday, March 15, 2024",
                                                   # "third of March"; numbers: "exp Apr 27"
    swift_at(s, n, pos, lim, opt, c2, &b)          # banking: "DEUTDEFF500"
    if not b.end or b.type_id < 0:
        return 0
    if push_match(out, s, n, pos, b.end, lim, b.type_id, b.aux, &b.before) < 0:
        return -1
    end[0] = b.end
    return 1


cdef int scan_text(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, const Options* opt,
                   int* carry, SpanVec* out, Py_ssize_t* resume) noexcept nogil:
    cdef Py_ssize_t lim, e, covered = pos, local_end = -1, word_end, start
    cdef Py_ssize_t mark = 0, covered_in = 0, open_pos = -1, open_mark = 0
    cdef Py_UCS4 c, d
    cdef unsigned int k
    cdef unsigned long long before
    cdef int found, capped, carry_in = 0, open_carry = 0
    cdef unsigned char tg
    cdef bint ctx, tail = False
    # Up to `stop` every decision reads within the text. Past it (a stream's tail), a
    # decision stands only if it never looked at the text's end; the first that did is
    # undone and left for later, for the text still to come could change it (or make an
    # entity of what follows). Inside an open candidate (tentative phones, a spoken number)
    # the candidate is undone with it
    cdef Py_ssize_t stop = n if opt.final else n - HOLDBACK
    global redactd_text_end, redactd_end_seen
    redactd_text_end = n
    while pos < n:
        if carry[0] & CARRY_URL:
            # the URL cut at the previous LOOKAHEAD goes on here, scored as its start was
            tail = pos > stop and pos >= covered
            carry_in = carry[0]
            if tail:
                redactd_end_seen = 0
            ctx = (carry[0] & CARRY_URL_CONTEXT) != 0
            carry[0] &= ~(CARRY_URL | CARRY_URL_CONTEXT)
            e = url_body(s, n, pos, min(n, pos + LOOKAHEAD), &capped)
            if tail and redactd_end_seen:
                carry[0] = carry_in
                break
            if e > pos:
                if capped:
                    carry[0] |= CARRY_URL | (CARRY_URL_CONTEXT if ctx else 0)
                if push(out, pos, e, T_URL, F_CONTEXT if ctx else 0, scored(T_URL, ctx), 0) < 0:
                    return -1
                pos = covered = e
                continue
        c = s[pos]
        if c < 128 and not (CLS[c] & C_START):
            pos += 1  # space or punctuation that starts nothing
            while pos < n and s[pos] < 128 and not (CLS[s[pos]] & C_START):
                pos += 1
            if pos >= n:
                break
            c = s[pos]  # (after a character that is no word character: a word starts here)
        elif word_at(s, pos - 1, n):
            pos += 1
            continue
        if pos > stop:  # the bookkeeping of a stream's tail (never in a final scan)
            tail = pos >= covered or open_pos > stop
            mark = out.size
            carry_in = carry[0]
            covered_in = covered
            redactd_end_seen = 0
        lim = min(n, pos + LOOKAHEAD)
        k = cls(c)
        found = 0
        e = 0
        before = ~0
        word_end = word_end_after(s, n, pos + 1)
        d = s[word_end] if within(word_end, n) else 0  # what follows the word
        if k & C_WORD:
            # email: the run of local-part characters through pos ends in '@' (it starts
            # later where a script without spaces is glued to it: "邮箱test@test.com")
            if (d == 64 or (d < 128 and (CLS[d] & C_LOCAL))) and ((k & C_LOCAL) or c >= 128) \
                    and type_on(opt, T_EMAIL_ADDRESS):
                if local_end < pos:
                    local_end = pos
                    while within(local_end, n) and local_char(s[local_end]):
                        local_end += 1
                if within(local_end, lim) and s[local_end] == 64:
                    start = email_start(s, pos, local_end)
                    e = match_email(s, n, start, local_end, lim)
                    if e:
                        if push_match(out, s, n, start, e, lim, T_EMAIL_ADDRESS, 0, &before) < 0:
                            return -1
                        found = 1
            if not found and (k & (C_UPPER | C_LOWER)):
                # a lower-case word reaches letter_at only as a URL, a month, a weekday, an IPv6
                # group, or a day said aloud ("third of", "twenty-fifth", "twenty first")
                tg = TG_ANY if c < 97 else trigram_flags(s, pos, word_end)
                if tg & (TG_URL | TG_MONTH) or (d == 58 and word_end - pos <= 4) \
                        or (tg & TG_ORDINAL and (d == 45 or (d == 32 and (word_end - pos == 6 or (
                            at(s, word_end + 1, n) == 111 and at(s, word_end + 2, n) == 102
                            and at(s, word_end + 3, n) == 32))))):
                    found = letter_at(s, n, pos, lim, opt, out, &e, carry)
                if not found and (c < 97 or d == 46
                                  or (lower_word_quick(s, n, pos, word_end, tg)
                                      and lower_word_gate(s, n, pos, word_end))):
                    e = 0
                    found = words_at(s, n, pos, word_end, lim, opt, out, &e)
                    if found == 0 and e > covered:
                        covered = e  # a spoken phone candidate: no resting inside it
            elif not found and c >= 0xC0 and not (k & C_DIGIT):
                if (d == 58 or d == 46) and type_on(opt, T_URL):
                    found = glued_url_at(s, n, pos, word_end, lim, carry, out, &e)  # network: "访问https://..."
                if not found:
                    found = other_script_at(s, n, pos, lim, opt, out, &e)  # addresses: "Östra Storgatan 5", "ул. Ленина 5"
                if not found and c >= 0x3005:
                    found = cjk_address_at(s, n, pos, lim, opt, out, &e)  # addresses: "東京都千代田区1-1", "천성로 110"
                if not found and c >= 0x400:
                    found = script_address_at(s, n, pos, lim, opt, out, &e)  # addresses: "1352 شارع الأفندية", "ქუჩა"
                if not found:
                    found = other_letter_at(s, n, pos, word_end, lim, opt, out, &e)  # names, places, ...: "Émile Zola"
            elif not found and (k & C_DIGIT):
                if type_on(opt, T_IP_ADDRESS) and colon_ahead(s, pos, lim):
                    e = match_ipv6(s, n, pos, lim)
                    if e:
                        found = push_match(out, s, n, pos, e, lim, T_IP_ADDRESS, 0, &before)
                        found = -1 if found < 0 else 1
                if not found and not mid_number(s, n, pos):
                    if d == 44 or d == 10 or d == 13 or d == 45 or d == 0xFF0C:
                        found = cjk_code_first_at(s, n, pos, lim, opt, out, &e)  # addresses: "342006, 甘肃省…"
                    if found == 0 and (d == 32 or d == 44) and number_then_word(s, n, word_end):
                        found = digits_at(s, n, pos, word_end, lim, opt, out, &e)
                    if found == 0 and not e and script_after_number(s, n, word_end):
                        found = script_address_at(s, n, pos, lim, opt, out, &e)  # addresses: "22 หมู่ 2 ถ.ฉัพพรรณธนกูร"
                    if found == 0 and not e:
                        found = numeric_at(s, n, pos, lim, opt, out, &e)
                    if found == 0 and e > covered:
                        covered = e  # tentative phones: no resting inside them
        elif (c == 43 or c == 40) and is_digit(at(s, pos + 1, n)) and not mid_number(s, n, pos):
            found = numeric_at(s, n, pos, lim, opt, out, &e)
            if found == 0 and e > covered:
                covered = e
        elif c == 58 and at(s, pos + 1, n) == 58 and type_on(opt, T_IP_ADDRESS):
            e = match_ipv6(s, n, pos, lim)
            if e:
                found = push_match(out, s, n, pos, e, lim, T_IP_ADDRESS, 0, &before)
                found = -1 if found < 0 else 1
        if found < 0:
            return -1
        if pos > stop:
            if tail and covered > covered_in:
                context_after(s, n, covered, lim)  # settling a candidate reads the window after it
            if tail and redactd_end_seen:
                if pos < covered_in:  # inside an open candidate: from the candidate on
                    pos, mark, carry_in = open_pos, open_mark, open_carry
                out.size = mark  # undecided: undone, left for later
                carry[0] = carry_in
                break
            if covered > covered_in and pos >= covered_in:
                open_pos, open_mark, open_carry = pos, mark, carry_in  # an open candidate starts here
        if found:
            pos = e
            if e > covered:
                covered = e
        elif k & C_WORD:
            pos = word_end  # no word starts inside a word
        else:
            pos += 1
    resume[0] = pos if pos < n else n
    return 0


cdef int words_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                  const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a word that starts with a letter: the word-level families in order; the first that
    # reads something decides, but among an organisation, a place and a name the longest
    # does. 1 when one matched (end set), 0, or -1 on allocation failure. (scan_text calls
    # this for a lower-case word only when lower_word_gate let it through or a '.' follows)
    cdef Best b
    cdef Word w
    cdef unsigned int f
    cdef int r
    best_init(&b, pos)
    if 97 <= s[pos] < 128 and spoken_email_at(s, n, pos, lim, opt, word_end, &b):
        pass                                          # network: "jo at acme dot com"
    elif not read_word(s, n, pos, lim, &w) or (w.end - w.start == 1 and at(s, w.end, n) == 32
                                               and is_digit(at(s, w.end + 1, n))):
        id_at(s, n, pos, lim, opt, &b)                # numbers: "X12345678", "J 610 392 643 322"
        postcode_at(s, n, pos, lim, opt, &b)          # addresses: "SW1A 1AA", "K1A 0B1"
    elif domain_word_at(s, n, pos, lim, opt, &w, &b):
        pass                                          # network: "acme-corp.com"
    elif w.shape == S_LOWER:
        if spoken_word(s, n, pos, &w):                # spoken numbers: "four one five ..."
            return spoken_at(s, n, pos, lim, opt, out, end)
        box_at(s, n, pos, lim, opt, po_start(s, n, pos), &b)  # addresses: "p.o. box 12"
        if at(s, w.end, n) == 46:
            street_at(s, n, pos, lim, opt, &w, gz_get(w.hash, NULL), &b)  # addresses: "ul. Biała 135"
        lower_place_at(s, n, pos, lim, opt, &w, &b)   # places: "moving to denver"
        lower_name_at(s, n, pos, lim, opt, &w, &b)    # names: "my name is john smith"
    else:
        f = gz_get(w.hash, NULL)
        if starts_nothing(s, n, pos, opt, &w, f):     # "Thanks", "INFO"
            return 0
        box_at(s, n, pos, lim, opt, box_start(s, n, pos), &b)  # addresses: "PO Box 12"
        street_at(s, n, pos, lim, opt, &w, f, &b)     # addresses: "Calle Mayor 12", "Fortunastrasse 20"
        if b.type_id < 0 and f & G_NUMBER and spoken_gate(s, n, pos, w.end):
            r = spoken_at(s, n, pos, lim, opt, out, end)  # spoken numbers: "Four one five ..."
            if r != 0 or end[0]:
                return r
        holiday_at(s, n, pos, lim, opt, &w, f, &b)    # dates: "Christmas Day 1990"
        titled_name_at(s, n, pos, lim, opt, &w, f, &b)  # names: "Dr. Jane Doe"
        longest_proper_noun_at(s, n, pos, lim, opt, &w, f, &b)  # organisations, places, names
    return push_best(out, s, n, lim, &b, end)


cdef int other_letter_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                         const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # at a word that starts with a letter beyond ASCII: a capital (accented Latin, Greek,
    # Cyrillic, Armenian) goes the way of an ASCII capital ("Émile Zola", "Łukasz Nowak",
    # "Иван Петров"); a word of a script without case may be a name (names.pyx)
    cdef Word w
    cdef Best b
    if not read_word(s, n, pos, lim, &w):
        return 0
    if w.shape == S_CAP or w.shape == S_UPPER or w.shape == S_INITIAL:
        return words_at(s, n, pos, word_end, lim, opt, out, end)
    best_init(&b, pos)
    if w.shape == S_SPACELESS and type_on(opt, T_ORGANIZATION):
        b.end = spaceless_org(s, n, &w, lim)       # places: "株式会社山田", "易动力科技有限公司"
        b.type_id = T_ORGANIZATION if b.end else -1
    if b.type_id < 0:
        script_name_at(s, n, pos, lim, opt, &w, &b)  # names: "محمد علي", "王伟", "김민준"
    return push_best(out, s, n, lim, &b, end)


cdef inline void longest_proper_noun_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                                        const Options* opt, const Word* w, unsigned int f,
                                        Best* b) noexcept nogil:
    # an organisation, a place or a name: the longest; a place on a tie with a name ("New
    # York"), an organisation on a tie with either ("Wells Fargo")
    cdef Py_ssize_t e = 0, j
    cdef int t = -1
    cdef long long place = 0
    if b.type_id >= 0:
        return
    if type_on(opt, T_ORGANIZATION):
        e = match_org(s, n, w, f, lim)
        if e:
            t = T_ORGANIZATION
    if (f or w.shape == S_CAP) and type_on(opt, T_LOCATION):
        j = match_place(s, n, w, f, lim, &place)
        if not j and f & G_ABBR:
            j = match_state_code(s, n, w, f, lim)
            place = LOC_STATE
        if j > e:
            e, t = j, T_LOCATION
    if type_on(opt, T_PERSON_NAME) and (f & (G_FIRST | G_LAST | G_CITY) or unlisted(f)):
        j = match_name(s, n, w, f, lim, &b.score)
        if j > e:
            e, t = j, T_PERSON_NAME
        else:
            b.score = -1
    b.end, b.type_id = e, t
    b.aux = place if t == T_LOCATION else 0  # the subtype is the place's only


cdef int digits_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t word_end, Py_ssize_t lim,
                   const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil:
    # the word-level detectors at a word that starts with a digit: a street address, a
    # number said partly in words ("4 1 5 five five five ..."); like words_at
    cdef Py_ssize_t e
    cdef unsigned long long before = ~0ULL
    cdef Py_UCS4 c1 = folded(at(s, word_end + 1, n))
    end[0] = 0
    if not number_then_word(s, n, word_end):
        return 0
    if word_end - pos == 1 and at(s, word_end, n) == 32:
        e = spoken_at(s, n, pos, lim, opt, out, end)
        if e != 0 or end[0]:
            return e
    if type_on(opt, T_ADDRESS) and word_end - pos <= 6:
        e = match_street(s, n, pos, lim, False)  # "184 Ødegårdsveien", "583 rue Principale", "57, boulevard"
        if not e and c1 and not up(c1) and street_lead(s, n, pos):
            # "i live at 81 juniper place": lower case after an address word only
            e = match_street(s, n, pos, lim, True)
            if e and not has_context_before(s, n, pos, T_ADDRESS, &before):
                e = 0
        if e:
            if push_scored(out, s, n, pos, e, lim, T_ADDRESS, 0, -1, &before) < 0:
                return -1
            end[0] = e
            return 1
    return 0


cdef int scan_kind(int kind, const void* data, Py_ssize_t n, Py_ssize_t start, const Options* opt,
                   int* carry, SpanVec* out, Py_ssize_t* resume) noexcept nogil:
    cdef int rc
    scan_begin(n if opt.final else n - HOLDBACK)  # (scan/chars.pyx)
    if kind == PyUnicode_1BYTE_KIND:
        rc = scan_text(<const Py_UCS1*>data, n, start, opt, carry, out, resume)
    elif kind == PyUnicode_2BYTE_KIND:
        rc = scan_text(<const Py_UCS2*>data, n, start, opt, carry, out, resume)
    else:
        rc = scan_text(<const Py_UCS4*>data, n, start, opt, carry, out, resume)
    scan_end()
    return rc


TYPE_NAMES = tuple(t.name for t in ENTITY_TYPES)
ALL_TYPES = (1 << N_TYPES) - 1
TENTATIVE = F_TENTATIVE
ALTERNATIVE = F_ALTERNATIVE
CONTEXT = F_CONTEXT
SPOKEN = F_SPOKEN
SPOKEN_PLUS = F_SPOKEN_PLUS
PHONE_CUE = F_PHONE_CUE
PHONE_VALUE = F_PHONE_VALUE
VALUE_PLUS = F_VALUE_PLUS
PHONE_KEPT = F_PHONE_KEPT
URL_CARRY = CARRY_URL
HOLDBACK_CODE_POINTS = HOLDBACK
LOOKBEHIND_CODE_POINTS = LOOKBEHIND


def context_score(str text, Py_ssize_t start, Py_ssize_t end, int type_id):
    """(context found, score, vetoed) of a span as the scanner would score it: for a
    tentative candidate once it has been validated. Vetoed: one of the type's veto words
    is in its window before the span ("order 7715577113" is no phone number)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef unsigned long long before = ~0ULL
    cdef bint ctx
    if not (0 <= start <= end <= n and 0 <= type_id < N_TYPES):
        raise ValueError("span or type outside the text or the table")
    cdef Py_ssize_t lim = min(n, start + LOOKAHEAD)
    if kind == PyUnicode_1BYTE_KIND:
        ctx = has_context(<const Py_UCS1*>data, n, start, end, lim, type_id, &before)
    elif kind == PyUnicode_2BYTE_KIND:
        ctx = has_context(<const Py_UCS2*>data, n, start, end, lim, type_id, &before)
    else:
        ctx = has_context(<const Py_UCS4*>data, n, start, end, lim, type_id, &before)
    return ctx, scored(type_id, ctx), bool((before >> (type_id + VETO_SHIFT)) & 1)


def scan(str text, Py_ssize_t start=0, unsigned int types=ALL_TYPES, bint final=True,
         int carry=0, bint day_first=False, tuple phone_regions=None):
    """Find entity spans in `text` from code point `start` on.

    Text before `start` is read only as context. Returns ``(spans, resume,
    carry)``: spans are ``(start, end, type_id, flags, score, aux)`` tuples in
    code points, sorted by start. Unless `final`, the scan stops short of
    the end, at `resume`, where nothing found so far can change; scan again
    from there with the returned `carry` once more text has arrived.
    """
    cdef Options opt
    cdef SpanVec vec
    cdef Py_ssize_t resume, i
    cdef int state = carry
    cdef int regions[MAX_PHONE_REGIONS]
    cdef int count = -1  # no settling
    if phone_regions is not None:
        count = read_region_ids(phone_regions, regions)
    opt.types = types
    opt.day_first = day_first
    opt.final = final
    vec.items = NULL
    vec.size = 0
    vec.capacity = 0
    try:
        scan_into(text, start, &opt, &state, &vec, &resume, regions, count)
        # the tuples hold numbers only: no cycle to collect while they are made
        gc_was_on = PyGC_Disable()
        try:
            spans = [(vec.items[i].start, vec.items[i].end, vec.items[i].type_id,
                      vec.items[i].flags, vec.items[i].score, vec.items[i].aux)
                     for i in range(vec.size)]
        finally:
            if gc_was_on:
                PyGC_Enable()
    finally:
        free(vec.items)
    return spans, resume, state


init_classes()
init_keywords()
init_iban()
init_issuers()
init_cue_words()
init_pairs()
init_countries()
init_fold()
init_gazetteer()
init_number_start()
init_prev2()
init_city_endings()
init_legal_forms()
init_names()
init_addresses()
init_script_addresses()
init_cjk_addresses()
