# The gazetteer: one hash table of lower-case phrases (core/data/gazetteer.txt,
# the common words, the public suffixes and the closed word classes of core.lexicon), keyed
# by a 64-bit FNV-1a hash of the phrase's words joined by single spaces, with a Bloom filter
# in front so that the many words that are in no list cost one cache-resident bit test.
# Included into core/_scan.pyx; declarations in gazetteer.pxd.

cdef GzSlot* GZ = NULL
cdef unsigned long long GZ_MASK = 0
cdef GzValue GZV[GZ_VALUES]
cdef unsigned long long BLOOM[BLOOM_WORDS]
cdef unsigned long long FNV64_OFFSET = 14695981039346656037ULL
cdef unsigned long long FNV64_PRIME = 1099511628211ULL


cdef extern from *:
    """
    #include <stdlib.h>
    #include <string.h>
    #include <sys/mman.h>
    /* the table in 2 MiB pages where the kernel gives them (madvise): a look-up is one
       random read of 8 MB, and with 4 KiB pages most of them missed the TLB too */
    static void* redactd_table_alloc(size_t bytes, int zero) {
        void* p = NULL;
        size_t huge = (size_t)1 << 21;
        if (bytes >= huge) {
            if (posix_memalign(&p, huge, bytes) != 0)
                return NULL;
    #ifdef MADV_HUGEPAGE
            madvise(p, bytes, MADV_HUGEPAGE);
    #endif
        } else {
            p = malloc(bytes);
        }
        if (p != NULL && zero)
            memset(p, 0, bytes);
        return p;
    }
    """
    void* table_alloc "redactd_table_alloc"(size_t bytes, int zero) nogil


cdef GzSlot* gz_alloc(unsigned long long size, bint zero):
    # a table of `size` slots (zeroed if asked), or NULL; freed with free()
    return <GzSlot*>table_alloc(size * sizeof(GzSlot), zero)


cdef inline unsigned long long fnv64(unsigned long long h, Py_UCS4 c) noexcept nogil:
    return (h ^ <unsigned long long>lower(c)) * FNV64_PRIME


cdef inline bint bloom_has(unsigned long long h) noexcept nogil:
    cdef unsigned long long a = h & (BLOOM_BITS - 1), b = (h >> 40) & (BLOOM_BITS - 1)
    return (BLOOM[a >> 6] >> (a & 63)) & (BLOOM[b >> 6] >> (b & 63)) & 1


cdef inline unsigned int gz_check(unsigned long long h) noexcept nogil:
    return <unsigned int>(h >> 32) | 1


cdef unsigned int gz_get(unsigned long long h, int* value) noexcept nogil:
    # the flags of the phrase with hash h, 0 when it is in no list; its value if asked
    cdef unsigned long long k
    cdef unsigned int check
    if h == 0:
        h = 1
    if not bloom_has(h):
        return 0
    k = h & GZ_MASK
    check = gz_check(h)
    while GZ[k].check:
        if GZ[k].check == check:
            if value != NULL and GZ[k].flags & (G_NUMBER | G_HOLIDAY | G_TLD | G_TITLE | G_PLACE_CUE):
                value[0] = gz_value(h)
            return GZ[k].flags
        k = (k + 1) & GZ_MASK
    return 0


cdef extern from *:
    void prefetch "__builtin_prefetch"(const void* p) nogil


cdef inline void gz_prefetch(unsigned long long h) noexcept nogil:
    # start loading the slot gz_get(h) reads first: a random read of the 8 MB table
    prefetch(&GZ[(h if h else 1) & GZ_MASK])


cdef int gz_value(unsigned long long h) noexcept nogil:
    cdef unsigned int k = <unsigned int>(h & (GZ_VALUES - 1))
    while GZV[k].hash:
        if GZV[k].hash == h:
            return GZV[k].value
        k = (k + 1) & (GZ_VALUES - 1)
    return 0


cdef unsigned long long phrase_hash(str phrase):
    # a phrase's words keyed as read_word keys them (core.lexicon.word_key), joined by spaces
    cdef unsigned long long h = FNV64_OFFSET
    cdef Py_UCS4 c
    for c in phrase:
        h = fnv64(h, c)
    return h if h else 1


cdef void gz_add(unsigned long long h, unsigned int flags, int value) except *:
    cdef unsigned long long k = h & GZ_MASK, a = h & (BLOOM_BITS - 1), b = (h >> 40) & (BLOOM_BITS - 1)
    cdef unsigned int check = gz_check(h), v
    while GZ[k].check and GZ[k].check != check:
        k = (k + 1) & GZ_MASK
    GZ[k].check = check
    GZ[k].flags |= flags
    if value:
        v = <unsigned int>(h & (GZ_VALUES - 1))
        while GZV[v].hash and GZV[v].hash != h:
            v = (v + 1) & (GZ_VALUES - 1)
        GZV[v].hash = h
        GZV[v].value = value
    BLOOM[a >> 6] |= 1ULL << (a & 63)
    BLOOM[b >> 6] |= 1ULL << (b & 63)


def _gazetteer_entries(names=None):
    """(phrase bytes, flags, value) for every entry: the data files and core.lexicon
    (`names`: a names.txt to read instead of the shipped one)."""
    import pathlib
    from redactd.core import lexicon as L
    letters = {"F": G_FIRST, "L": G_LAST, "W": G_COMMON, "C": G_CITY, "S": G_STATE,
               "A": G_ABBR, "K": G_COUNTRY, "O": G_ORG, "H": G_HOLIDAY}
    data = pathlib.Path(__file__).parent / "data"
    with open(data / "gazetteer.txt", encoding="ascii") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            phrase, _, codes = line.rstrip("\n").partition("\t")
            flags = 0
            for ch in codes:
                flags |= letters.get(ch, 0)
            yield phrase.encode(), flags, 0
    for path in (names or data / "names.txt", data / "names_open.txt"):  # given and family names
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                word, _, codes = line.rstrip("\n").partition("\t")
                yield word.encode(), (G_FIRST if "F" in codes else 0) | (G_LAST if "L" in codes else 0), 0
    address = {"P": G_STREET_PREFIX, "T": G_STREET, "U": G_UNIT, "K": G_COUNTRY}
    with open(data / "address_words.txt", encoding="utf-8") as f:  # see core/scan/addresses.pyx
        for line in f:
            phrase, _, codes = line.rstrip("\n").partition("\t")
            flags = 0
            for ch in codes:
                flags |= address.get(ch, 0)
            if flags and not line.startswith("#"):
                yield phrase.encode(), flags, 0
    with open(data / "common_words.txt", encoding="ascii") as f:
        for line in f:
            word = line.strip()
            if word and not word.startswith("#"):
                yield word.encode(), G_COMMON, 0
    with open(data / "public_suffixes.txt", encoding="ascii") as f:
        for line in f:
            rule = line.strip()
            if not rule or rule.startswith("#") or rule.startswith("!"):
                continue
            if rule.startswith("*."):
                yield rule[2:].encode(), G_TLD_WILD, 0
            else:
                yield rule.encode(), G_TLD, 0
    for ext in L.FILE_EXTENSION_TLDS:
        yield ext.encode(), G_FILE_EXT, 0
    for tld in L.WORD_TLDS:
        yield tld.encode(), 0, WORD_TLD
    for word in L.NAME_SUFFIXES:
        yield word.encode(), G_TITLE, V_NAME_SUFFIX
    for word in L.CITY_PREFIXES:
        yield word.encode(), G_PLACE_CUE, V_CITY_PREFIX
    classes = ((L.STREET_SUFFIXES, G_STREET), (L.UNIT_WORDS, G_UNIT), (L.DIRECTIONALS, G_DIR),
               (L.TITLES, G_TITLE), (L.ORG_SUFFIXES, G_ORG_SUFFIX), (L.ORG_HEADS, G_ORG_HEAD),
               (L.NAME_CUES, G_CUE), (L.NAME_CUES_STRONG, G_CUE_STRONG),
               (L.NAME_CUES_LOWER, G_CUE_LOWER), (L.NAME_CUES_AFTER, G_CUE_AFTER),
               (L.STOP_WORDS, G_STOP), (L.PLACE_CUES, G_PLACE_CUE),
               (L.ORG_CONNECTORS, G_CONNECTOR), (L.FUNCTION_WORDS, G_FUNCTION),
               (L.STREET_PREFIXES, G_STREET_PREFIX), (L.NAME_CUES_WEAK, G_CUE_WEAK),
               (L.NAME_PARTICLES, G_PARTICLE))
    for words, flag in classes:
        for w in words:
            yield w.encode(), flag, 0
    for word, digits in L.NUMBER_WORDS.items():
        yield word.encode(), G_NUMBER, NUMBER_VALUES[digits]
    for phrase, mmdd in L.HOLIDAY_DATES.items():
        yield phrase.encode(), G_HOLIDAY, mmdd


# spoken-number word values: a unit digit, a teen, a tens word, or an operator
NUMBER_VALUES = {str(d): d for d in range(10)}
NUMBER_VALUES.update({str(t): t for t in range(10, 20)})
NUMBER_VALUES.update({f"{t}_": t * 10 for t in range(2, 10)})
NUMBER_VALUES.update({"x2": 102, "x3": 103, "00": 100, "+": 104})


cdef void init_gazetteer(object names=None, bint cached=True) except *:
    global GZ, GZ_MASK
    cdef unsigned long long h, size = 1
    cdef int k
    cache = _cache_path() if names is None and cached else None
    if cache is not None and _load_cache(cache):
        return
    entries = []
    for phrase, flags, value in _gazetteer_entries(names):
        entries.append((phrase, flags, value))
    while size < 2 * len(entries) + 16:  # phrases and their prefixes: load under 0.75
        size <<= 1
    free(GZ)  # the table of a previous _load_names, or NULL
    GZ = gz_alloc(size, True)
    if GZ == NULL:
        raise MemoryError()
    GZ_MASK = size - 1
    for k in range(BLOOM_WORDS):
        BLOOM[k] = 0
    for k in range(GZ_VALUES):
        GZV[k].hash = 0
        GZV[k].value = 0
    if sum(1 for entry in entries if entry[2]) > GZ_VALUES // 2:
        raise ImportError("too many phrases with a value for the value table")
    for phrase, flags, value in entries:
        if not phrase:
            continue
        text = phrase.decode()
        gz_add(phrase_hash(text), flags, value)
        words = text.split(" ")
        for k in range(1, len(words)):
            gz_add(phrase_hash(" ".join(words[:k])), G_PREFIX, 0)
    if cache is not None:
        _save_cache(cache)


# Building the table reads ~4 MB of lists and hashes ~450,000 phrases: most of a process's
# start-up (~0.3 s). The table built is kept beside the module, as Python keeps .pyc files,
# named by what it was built from (this module's file and the lists: path, size, mtime);
# a cache that cannot be written or read is simply not used.
_GZ_CACHE_MAGIC = b"redactd-gazetteer-1\n"


def _cache_path():
    import hashlib
    import os
    from redactd.core import lexicon
    here = os.path.dirname(os.path.abspath(__file__))
    key = hashlib.sha256()
    for path in [os.path.abspath(__file__), lexicon.__file__] + [
            os.path.join(here, "data", name) for name in (
                "gazetteer.txt", "names.txt", "names_open.txt", "address_words.txt",
                "common_words.txt", "public_suffixes.txt")]:
        try:
            st = os.stat(path)
        except OSError:
            return None
        key.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return os.path.join(here, "__pycache__", f"gazetteer-{key.hexdigest()[:20]}.bin")


cdef bytes _table_header_for(unsigned long long size):
    return _GZ_CACHE_MAGIC + f"{size} {sizeof(GzSlot)} {BLOOM_WORDS} {GZ_VALUES} {sizeof(GzValue)}\n".encode()


cdef bint _load_cache(str path) except *:
    # the header, then the file's bytes read straight into the table, the Bloom filter and the
    # values (no copy of ~8 MB through a bytes object: start-up is most of a short run)
    global GZ, GZ_MASK
    import os
    cdef unsigned long long size
    cdef int fd
    try:
        f = open(path, "rb", buffering=0)
    except OSError:
        return False
    with f:
        try:
            head = f.read(len(_GZ_CACHE_MAGIC) + 200)
            total = os.fstat(f.fileno()).st_size
        except OSError:
            return False
        start = len(_GZ_CACHE_MAGIC)
        end = head.find(b"\n", start)
        if not head.startswith(_GZ_CACHE_MAGIC) or end < 0:
            return False
        header, fields = head[:end + 1], head[start:end].split()
        if not fields or not fields[0].isdigit():
            return False
        size = int(fields[0])
        if size == 0 or size & (size - 1) or header != _table_header_for(size) \
                or total != len(header) + size * sizeof(GzSlot) + sizeof(BLOOM) + sizeof(GZV):
            return False
        free(GZ)
        GZ = NULL
        GZ_MASK = size - 1
        GZ = gz_alloc(size, False)  # (the cache's bytes are read over it)
        if GZ == NULL:
            raise MemoryError()
        fd = f.fileno()
        # a short read leaves a partly read table: init_gazetteer then builds all of it again
        return (lseek(fd, len(header), SEEK_SET) == len(header)
                and _read_all(fd, <char*>GZ, size * sizeof(GzSlot))
                and _read_all(fd, <char*>BLOOM, sizeof(BLOOM))
                and _read_all(fd, <char*>GZV, sizeof(GZV)))


cdef bint _read_all(int fd, char* into, size_t count) noexcept nogil:
    # `count` bytes from fd into `into`; 0 at an error or the file's end before them
    cdef ssize_t got
    while count:
        got = read(fd, into, count)
        if got < 0 and errno == EINTR:
            continue
        if got <= 0:
            return 0
        into += got
        count -= <size_t>got
    return 1


def _gazetteer_table():
    """The table as the cache file holds it (header, slots, Bloom filter, values)."""
    return [_table_header_for(GZ_MASK + 1), (<char*>GZ)[:(GZ_MASK + 1) * sizeof(GzSlot)],
            (<char*>BLOOM)[:sizeof(BLOOM)], (<char*>GZV)[:sizeof(GZV)]]


cdef void _save_cache(str path) except *:
    import glob
    import os
    parts = _gazetteer_table()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            for part in parts:
                f.write(part)
        os.replace(tmp, path)
        for old in glob.glob(os.path.join(os.path.dirname(path), "gazetteer-*.bin")):
            if old != path:
                os.unlink(old)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _load_names(names=None, cached=True):
    """For the accuracy harness only: rebuild the gazetteer with the given and family names
    of the file `names` (names.txt's format) instead of core/data/names.txt; None restores
    the shipped list (from the cache file unless `cached` is false). Not for a running
    service: a scan in another thread would read a freed table."""
    init_gazetteer(None if names is None else str(names), cached)


def gazetteer_flags(str phrase):
    """The word classes of a lower-case phrase in the core's table, as a dict of names;
    for tests and for explaining a detection."""
    cdef int value = 0
    cdef unsigned int f = gz_get(phrase_hash(phrase), &value)
    names = {"first": G_FIRST, "last": G_LAST, "common": G_COMMON, "city": G_CITY,
             "state": G_STATE, "state_code": G_ABBR, "country": G_COUNTRY, "organization": G_ORG,
             "holiday": G_HOLIDAY, "prefix": G_PREFIX, "street": G_STREET, "unit": G_UNIT,
             "directional": G_DIR, "title": G_TITLE, "org_suffix": G_ORG_SUFFIX,
             "org_head": G_ORG_HEAD, "number": G_NUMBER, "cue": G_CUE, "strong_cue": G_CUE_STRONG,
             "cue_after": G_CUE_AFTER, "stop": G_STOP, "place_cue": G_PLACE_CUE,
             "connector": G_CONNECTOR, "tld": G_TLD, "tld_wildcard": G_TLD_WILD,
             "lower_cue": G_CUE_LOWER, "function": G_FUNCTION, "file_extension": G_FILE_EXT,
             "street_prefix": G_STREET_PREFIX, "weak_cue": G_CUE_WEAK, "particle": G_PARTICLE}
    return {name for name, bit in names.items() if f & bit}
