# Output: from the pass's spans to redacted text in one walk, Python objects only on request.
# Included into core/_scan.pyx; declarations in output.pxd.
#
# A Plan is built once per (Detection, Redaction) by core.redact.plan: per slot (a type id,
# or LOCATION by subtype) whether its entities are dropped and what they become. Resolution
# follows core.detect's rule (tests/oracle.py keeps the Python original): the leftmost of
# overlapping spans wins, a phone candidate only once validated; the filters come after, so
# a dropped entity still blocks what it overlaps.

PLAN_SLOTS = N_SLOTS
PLAN_OPS = ("keep", "text", "mask", "numbered", "python")  # OpKind by name
PLAN_VALUES = ("python", "date", "digits", "as_written")  # ValueKind by name
PLAN_WANTS = ("text", "found", "entities", "types")       # redact_scan's `want`
# the fields of core.detect.Entity and core.redact.Found, in order (tested against them)
ENTITY_FIELDS = ("type", "start", "end", "text", "value", "score", "subtype")
FOUND_FIELDS = ("entity", "offset", "length", "replacement", "redacted_offset")


class OutputTooLarge(ValueError):
    """The redacted text would be longer than the `max_out` code points allowed; raised
    before it is built, once the replacements made so far pass the bound."""


@cython.auto_pickle(False)  # it holds Python hooks: built again, never pickled
cdef class Plan:
    """What a (Detection, Redaction) pair does to each slot, in C; see core.redact.plan."""

    def __init__(self, unsigned int types, bint day_first, list slots, bint filter_scores,
                 double min_score, detection, keys, tuple hooks, tuple phone_regions=None,
                 double phone_cue_score=0.6):
        # slots: per slot (type name, subtype, dropped, op name, payload, numeric, value kind)
        cdef int s
        if len(slots) != N_SLOTS:
            raise ValueError("a plan has one rule per slot")
        self.opt.types = types
        self.opt.day_first = day_first
        self.opt.final = True
        self.filter_scores = filter_scores
        self.min_score = min_score
        # the scan settles phone candidates in these regions (scan/phones.pyx); none: the
        # Python seam validates every one
        self.region_count = -1 if phone_regions is None else read_region_ids(phone_regions, self.regions)
        self.phone_cue_score = phone_cue_score
        self.detection = detection
        self.keys = keys
        self.entity, self.found, self.normalise, self.phone_entity, self.apply_operator = hooks
        self.type_names = tuple(row[0] for row in slots)
        self.subtypes = tuple(row[1] for row in slots)
        self.payloads = tuple(row[4] for row in slots)
        for s in range(N_SLOTS):
            _, _, dropped, op, payload, numeric, value = slots[s]
            self.rules[s].value = PLAN_VALUES.index(value)
            self.rules[s].dropped = dropped
            self.rules[s].op = PLAN_OPS.index(op)
            self.rules[s].numeric = numeric
            if self.rules[s].op == OP_MASK:
                char, count, from_end, keep_last = payload
                self.rules[s].mask_char = ord(char)
                self.rules[s].mask_count = count
                self.rules[s].mask_from_end = from_end
                self.rules[s].mask_keep_last = keep_last

    @property
    def numbers(self):
        """Whether a Numbering is needed: a label with {n} or an operator in Python."""
        cdef int s
        for s in range(N_SLOTS):
            if self.rules[s].op >= OP_NUMBERED and not self.rules[s].dropped:
                return True
        return False


cdef int slot_of(int type_id, long long aux) noexcept nogil:
    if type_id == T_LOCATION and 0 <= aux < 4:
        return N_TYPES + <int>aux
    return type_id


cdef inline bint kept(Plan plan, int slot, double score) noexcept:
    return not plan.rules[slot].dropped and (not plan.filter_scores or score >= plan.min_score)


cdef object span_tuple(const Span* sp):
    return (sp.start, sp.end, sp.type_id, sp.flags, sp.score, sp.aux)


cdef object validated_phone(Plan plan, str text, SpanVec* vec, Py_ssize_t i, Py_ssize_t j):
    # THE seam to phone validation: one start's candidates (longest first, as scan() gives
    # them) to an Entity (start, end, value, score) or None
    return plan.phone_entity(text, [span_tuple(&vec.items[m]) for m in range(i, j)], plan.detection)


cdef Py_ssize_t resolve_hits(Plan plan, str text, SpanVec* vec, Hit* hits, list phones) except -1:
    # hits are sorted and do not overlap; returns how many
    cdef Py_ssize_t i = 0, j, k = 0, last_end = -1
    cdef const Span* sp
    cdef int slot
    cdef double score
    while i < vec.size:
        sp = &vec.items[i]
        if sp.flags & F_TENTATIVE:
            j = i + 1  # this candidate and its shorter alternatives
            while j < vec.size and vec.items[j].flags & F_ALTERNATIVE:
                j += 1
            if sp.start >= last_end:
                phone = validated_phone(plan, text, vec, i, j)
                if phone is not None:
                    last_end = phone.end
                    score = phone.score
                    if kept(plan, T_PHONE_NUMBER, score):
                        hits[k] = Hit(phone.start, phone.end, T_PHONE_NUMBER, -1 - len(phones), score)
                        phones.append(phone)
                        k += 1
            i = j
            continue
        if sp.start >= last_end:
            last_end = sp.end
            slot = slot_of(sp.type_id, sp.aux)
            # a number the scan kept though no plan validates it scores as the seam's would
            score = plan.phone_cue_score if sp.flags & F_PHONE_KEPT else sp.score
            if kept(plan, slot, score):
                hits[k] = Hit(sp.start, sp.end, slot, i, score)
                k += 1
        i += 1
    return k


cdef object value_of(Plan plan, const Hit* hit, str entity_text, SpanVec* vec, list phones):
    # the normalised value: the phone validator's, the commonest normalisers of core.values
    # here (date, digits, as_written) for a plain match, else core.detect.normalise (which
    # also reads what flags say: a number said in words, ...)
    cdef const Span* sp
    cdef unsigned char kind = plan.rules[hit.slot].value
    if hit.span < 0:
        return phones[-1 - hit.span].value
    sp = &vec.items[hit.span]
    if not sp.flags & ~F_CONTEXT:  # no flag but context: the type's normaliser alone decides
        if kind == V_DATE and sp.aux > 0 and sp.aux // 100 % 100:
            return iso_date(sp.aux)
        if kind == V_DIGITS:
            return digits_in(entity_text)
        if kind == V_AS_WRITTEN:
            return entity_text
    return plan.normalise(plan.type_names[hit.slot], entity_text, sp.aux, sp.flags)


cdef str iso_date(long long aux):
    # core.values.date of a date whose month is known: 1982-10-03, 1982-10, --10-03
    cdef char buf[40]
    cdef long long year = aux // 10000, month = aux // 100 % 100, day = aux % 100
    if not year:
        snprintf(buf, sizeof(buf), "--%02lld-%02lld", month, day)
    elif day:
        snprintf(buf, sizeof(buf), "%04lld-%02lld-%02lld", year, month, day)
    else:
        snprintf(buf, sizeof(buf), "%04lld-%02lld", year, month)
    return buf.decode("ascii")


cdef str digits_in(str text):
    # core.values.digits: the characters str.isdigit() accepts, in order
    cdef Py_ssize_t i, k = 0, n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef Py_UCS4* buf = <Py_UCS4*>malloc(max(n, 1) * sizeof(Py_UCS4))
    if buf == NULL:
        raise MemoryError()
    try:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if Py_UNICODE_ISDIGIT(c):
                buf[k] = c
                k += 1
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k)
    finally:
        free(buf)


cdef object frozen(type cls, tuple names, tuple values):
    # a frozen slotted dataclass made without its __init__: each slot set through its
    # descriptor, as that __init__ does with object.__setattr__, but without a Python call
    cdef Py_ssize_t i
    obj = cls.__new__(cls)
    for i in range(len(names)):
        PyObject_GenericSetAttr(obj, names[i], values[i])
    return obj


cdef object entity_of(Plan plan, const Hit* hit, str entity_text, object value, Py_ssize_t shift,
                      list phones):
    if hit.span < 0 and shift == 0:
        return phones[-1 - hit.span]  # the validator's own Entity
    return frozen(plan.entity, ENTITY_FIELDS, (plan.type_names[hit.slot], hit.start - shift, hit.end - shift,
                                                entity_text, value, hit.score, plan.subtypes[hit.slot]))


cdef object masked(str text, const Hit* hit, const SlotRule* rule, Py_UCS4* buf):
    # core.redact.apply_operator's Mask: numeric types count digits only, unless the text
    # has a letter (a number said in words is masked whole); buf holds 2 * the entity's length
    cdef Py_ssize_t i, n = hit.end - hit.start
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef bint digits_only = rule.numeric
    for i in range(n):
        buf[i] = PyUnicode_READ(kind, data, hit.start + i)
        if Py_UNICODE_ISALPHA(buf[i]):
            digits_only = False
    select_masked(buf, n, digits_only and rule.numeric, rule.mask_count, rule.mask_from_end,
                  rule.mask_keep_last, rule.mask_char, buf + n)
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf + n, n)


cdef inline Py_ssize_t char_units(Py_UCS4 c, int unit) noexcept nogil:
    # core.offsets: UTF-8 bytes (a lone surrogate as 3, "surrogatepass"), else UTF-16 units
    if unit == 1:
        return 1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4
    return 2 if c >= 0x10000 else 1


cdef Py_ssize_t units_of(int kind, const void* data, Py_ssize_t a, Py_ssize_t b, int unit) noexcept nogil:
    # code points [a, b) measured in `unit` (not CODE_POINT)
    cdef Py_ssize_t i, u = 0
    if kind == PyUnicode_1BYTE_KIND and unit != 1:
        return b - a
    if kind == PyUnicode_2BYTE_KIND and unit != 1:
        return b - a  # no astral code point in a 2-byte buffer
    for i in range(a, b):
        u += char_units(PyUnicode_READ(kind, data, i), unit)
    return u


cdef Py_ssize_t str_units(str s, int unit):
    if unit == 0 or PyUnicode_IS_ASCII(s):
        return PyUnicode_GET_LENGTH(s)
    return units_of(PyUnicode_KIND(s), PyUnicode_DATA(s), 0, PyUnicode_GET_LENGTH(s), unit)


cdef Py_UCS4 range_top(int kind, const void* data, Py_ssize_t a, Py_ssize_t b, Py_UCS4 top) noexcept nogil:
    # the widest code point of [a, b), or `top` as soon as one reaches the next width
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    cdef Py_UCS4 ceiling = 0x80 if kind == PyUnicode_1BYTE_KIND else 0x100 if kind == PyUnicode_2BYTE_KIND else 0x10000
    for i in range(a, b):
        c = PyUnicode_READ(kind, data, i)
        if c > top:
            top = c
            if c >= ceiling:
                return top
    return top


cdef Py_ssize_t copy_chars(void* to, int to_kind, Py_ssize_t at, const void* src, int src_kind,
                           Py_ssize_t start, Py_ssize_t n) noexcept nogil:
    # n code points of src from `start` to `to` at `at`; returns where the copy ends. The
    # output was made as wide as its widest code point, so a narrowing copy loses nothing.
    # (PyUnicode_CopyCharacters of 3.11 checks Latin-1 into ASCII from the source's start,
    # not from `start`: it refuses copies that are fine.)
    cdef Py_ssize_t i
    if to_kind == src_kind:
        memcpy(<char*>to + at * to_kind, <const char*>src + start * src_kind, n * to_kind)
    else:
        for i in range(n):
            PyUnicode_WRITE(to_kind, to, at + i, PyUnicode_READ(src_kind, src, start + i))
    return at + n


cdef object build_output(Plan plan, str text, Py_ssize_t seg_start, Py_ssize_t seg_end, SpanVec* vec,
                         Hit* hits, Py_ssize_t k, list phones, object numbering, int want, int unit,
                         Py_ssize_t in_base, Py_ssize_t out_base, Py_ssize_t max_out):
    # the redacted text of [seg_start, seg_end) (the str itself when nothing changes) and,
    # when wanted, a Found per hit in `unit` from in_base/out_base; or Entities only.
    # Entities are relative to seg_start (a stream's segment). With max_out >= 0, an output
    # longer than max_out code points raises OutputTooLarge before it is built, and the
    # replacements held meanwhile stay within max_out code points (they are part of it)
    cdef Py_ssize_t h, pos, o, total, made = 0, longest = 0, in_u = 0, len_u, rep_u, shift_u = 0, prev
    cdef Hit* hit
    cdef const SlotRule* rule
    cdef Py_UCS4 top
    cdef Py_UCS4* buf = NULL
    cdef int kind = PyUnicode_KIND(text), out_kind
    cdef const void* data = PyUnicode_DATA(text)
    cdef void* out_data
    cdef list reps, texts = None, values = None, found
    if want == WANT_ENTITIES:
        found = []
        for h in range(k):
            hit = &hits[h]
            t = PyUnicode_Substring(text, hit.start, hit.end)
            found.append(entity_of(plan, hit, t, value_of(plan, hit, t, vec, phones), seg_start, phones))
        return None, found
    if want == WANT_FOUND:
        texts, values = [None] * k, [None] * k
    reps = [None] * k  # None: the entity's own text (OP_KEEP)
    total = seg_end - seg_start
    for h in range(k):
        if hits[h].end - hits[h].start > longest:
            longest = hits[h].end - hits[h].start
    try:
        for h in range(k):  # replacements, in order: numbers are handed out first come
            hit = &hits[h]
            rule = &plan.rules[hit.slot]
            t = v = None
            if want == WANT_FOUND or rule.op >= OP_NUMBERED:
                t = PyUnicode_Substring(text, hit.start, hit.end)
                v = value_of(plan, hit, t, vec, phones)
                if texts is not None:
                    texts[h], values[h] = t, v
            if rule.op == OP_KEEP:
                continue
            if rule.op == OP_TEXT:
                r = plan.payloads[hit.slot]
            elif rule.op == OP_MASK:
                if buf == NULL:
                    buf = <Py_UCS4*>malloc(2 * longest * sizeof(Py_UCS4))
                    if buf == NULL:
                        raise MemoryError()
                r = masked(text, hit, rule, buf)
            elif rule.op == OP_NUMBERED:
                r = str(numbering.number(plan.type_names[hit.slot], v)).join(plan.payloads[hit.slot])
            else:
                r = plan.apply_operator(plan.payloads[hit.slot], plan.type_names[hit.slot], t, v,
                                        numbering, plan.keys, plan.subtypes[hit.slot])
            reps[h] = r
            total += PyUnicode_GET_LENGTH(r) - (hit.end - hit.start)
            if max_out >= 0:
                made += PyUnicode_GET_LENGTH(r)
                if made > max_out:
                    raise OutputTooLarge(f"the redacted text would be longer than {max_out} code points")
    finally:
        free(buf)
    if 0 <= max_out < total:
        raise OutputTooLarge(f"the redacted text would be longer than {max_out} code points")
    # the output's widest code point: of the text it keeps, and of the replacements
    top = 0x7F
    pos = seg_start
    changed = False
    for h in range(k):
        if reps[h] is not None:
            changed = True
            if not PyUnicode_IS_ASCII(text):
                top = range_top(kind, data, pos, hits[h].start, top)
            top = max(top, PyUnicode_MAX_CHAR_VALUE(reps[h]))
            pos = hits[h].end
    if not changed:
        out = text if seg_start == 0 and seg_end == PyUnicode_GET_LENGTH(text) else \
            PyUnicode_Substring(text, seg_start, seg_end)
    else:
        if not PyUnicode_IS_ASCII(text):
            top = range_top(kind, data, pos, seg_end, top)
        out = PyUnicode_New(total, top)
        out_kind, out_data = PyUnicode_KIND(out), PyUnicode_DATA(out)
        pos, o = seg_start, 0
        for h in range(k):  # the output in one walk: kept text, a replacement, ...
            if reps[h] is None:
                continue
            o = copy_chars(out_data, out_kind, o, data, kind, pos, hits[h].start - pos)
            r = reps[h]
            o = copy_chars(out_data, out_kind, o, PyUnicode_DATA(r), PyUnicode_KIND(r), 0, PyUnicode_GET_LENGTH(r))
            pos = hits[h].end
        copy_chars(out_data, out_kind, o, data, kind, pos, seg_end - pos)
    if want == WANT_TYPES:  # interned names, one list: nothing made per entity
        return out, [plan.type_names[hits[h].slot] for h in range(k)]
    if want != WANT_FOUND:
        return out, []
    found = []
    prev = seg_start
    for h in range(k):  # offsets in `unit`: one walk over the text
        hit = &hits[h]
        r = reps[h] if reps[h] is not None else texts[h]
        if unit == 0:
            in_u, len_u, rep_u = hit.start - seg_start, hit.end - hit.start, PyUnicode_GET_LENGTH(r)
        else:
            in_u += units_of(kind, data, prev, hit.start, unit)
            len_u = units_of(kind, data, hit.start, hit.end, unit)
            rep_u = str_units(r, unit)
        found.append(frozen(plan.found, FOUND_FIELDS, (entity_of(plan, hit, texts[h], values[h], seg_start, phones),
                                                       in_base + in_u, len_u, r, out_base + in_u + shift_u)))
        if unit != 0:
            in_u += len_u
            prev = hit.end
        shift_u += rep_u - len_u  # output units minus input units before the next entity
    return out, found


cdef int scan_into(str text, Py_ssize_t start, Options* opt, int* state, SpanVec* vec,
                   Py_ssize_t* resume, const int* regions, int count) except -1:
    # the pass over text[start:], with the GIL released for a long text; then, given phone
    # regions (count >= 0), the phone candidates settled (scan/phones.pyx: settle_kind)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text), rc
    cdef const void* data = PyUnicode_DATA(text)
    if not 0 <= start <= n:
        raise ValueError("start is outside the text")
    resume[0] = n
    if n - start > RELEASE_GIL_ABOVE:
        with nogil:
            rc = scan_kind(kind, data, n, start, opt, state, vec, resume)
            if rc == 0 and count >= 0:
                rc = settle_kind(kind, data, n, vec, regions, count)
    else:  # releasing the GIL costs a thread switch: not worth it for a short text
        rc = scan_kind(kind, data, n, start, opt, state, vec, resume)
        if rc == 0 and count >= 0:
            rc = settle_kind(kind, data, n, vec, regions, count)
    if rc < 0:
        raise MemoryError()
    return 0


def redact_scan(Plan plan, str text, Py_ssize_t start=0, bint final=True, int carry=0,
                numbering=None, int unit=0, Py_ssize_t in_base=0, Py_ssize_t out_base=0,
                int want=WANT_TEXT, Py_ssize_t max_out=-1):
    """Scan `text` from `start` and redact the segment up to where the scan stopped.

    Returns ``(out, found, resume, carry)``: `out` the redacted segment (None when `want`
    is entities), `found` a Found per entity (want "found", offsets in `unit` from
    `in_base`/`out_base`), Entity objects (want "entities", offsets relative to `start`),
    the entities' type names (want "types"), or empty (want "text"). `resume` and `carry` as scan() gives them. With `max_out` >= 0,
    a redacted segment longer than that many code points raises OutputTooLarge before
    it is built.
    """
    cdef Options opt = plan.opt
    cdef SpanVec vec
    cdef Py_ssize_t resume, k
    cdef int state = carry
    cdef Hit* hits = NULL
    cdef list phones = []
    if not 0 <= want <= WANT_TYPES:
        raise ValueError("want is one of PLAN_WANTS' indices")
    opt.final = final
    vec.items = NULL
    vec.size = vec.capacity = 0
    try:
        scan_into(text, start, &opt, &state, &vec, &resume, plan.regions, plan.region_count)
        hits = <Hit*>malloc(max(vec.size, 1) * sizeof(Hit))
        if hits == NULL:
            raise MemoryError()
        k = resolve_hits(plan, text, &vec, hits, phones)
        out, found = build_output(plan, text, start, resume, &vec, hits, k, phones, numbering, want,
                                  unit, in_base, out_base, max_out)
    finally:
        free(hits)
        free(vec.items)
    return out, found, resume, state
