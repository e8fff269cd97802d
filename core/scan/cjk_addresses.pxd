# Addresses written in Chinese, Japanese and Korean: chunks of a name and its unit (省 市 区
# 路 号 丁目 광역시 구 로 길 호), biggest unit first, and the block's postal code and
# country lines (part of the addresses family, after world_addresses.pxd).

cdef enum:
    CJK_A = 1      # an administrative unit after its name: 省 市 区 県 町 광역시 구 동
    CJK_S = 2      # a street type after its name: 路 街 巷 通り 로 길
    CJK_N = 4      # a number unit after a number: 号 番地 丁目 室 호 번지 층
    CJK_T = 8      # a whole listed province / prefecture: 東京都 경기도 嘉義縣
    CJK_W = 16     # a whole lower unit of a one-syllable name: 남구
    CJK_C = 32     # a country's own name: 中国 日本 대한민국
    CJK_BARE = 64  # (a chunk's kind) a number without a unit: "1-2-3", "천성로 110"
    CJK_WORDS_MAX = 256
    CJK_WORD_LEN = 8
    CJK_MAX_NAME = 12    # name characters before a unit
    CJK_MAX_PIECES = 8   # lines or parts of a block after the first

cdef struct CjkBlock:
    int level      # 1 named unit, 2 street, 3 number: units come biggest first
    int last       # kind of the last chunk
    int named      # CJK_A and CJK_W chunks
    int streets
    int listed
    int numbered
    int bare
    int glued      # numbered units right after another ("10番20号", "101동 502호")
    int codes
    int countries

cdef void init_cjk_addresses() except *
cdef Py_ssize_t cjk_chunks(const uchar_t* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t lim,
                           CjkBlock* b) noexcept nogil
cdef Py_ssize_t cjk_block_rest(const uchar_t* s, Py_ssize_t n, Py_ssize_t e, Py_ssize_t lim,
                               CjkBlock* b) noexcept nogil
cdef int cjk_address_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                        const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
cdef int cjk_code_first_at(const uchar_t* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t lim,
                           const Options* opt, SpanVec* out, Py_ssize_t* end) noexcept nogil
