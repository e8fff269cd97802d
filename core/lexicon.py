"""Closed word classes the word-level detectors use, beside the gazetteer data.

The gazetteer (`core/data/gazetteer.txt`, built by `core/data/build_gazetteer.py`
from census and GeoNames lists) holds the open classes: first names, surnames,
cities, states, countries, organisations, holidays. The classes here are small
and closed: street suffixes, unit designators, titles, company suffixes, the
words of spoken numbers, the cue phrases before and after names. The compiled
core loads both into one hash table at import.

Phrases are lower-case ASCII words joined by single spaces; an apostrophe or a
hyphen in the text separates words ("name's" is "name s").
"""
from __future__ import annotations

import bisect
import unicodedata

# USPS Publication 28, appendix C1: the street suffixes (primary names) and the common
# abbreviations USPS lists for them.
STREET_SUFFIXES = (
    "alley", "aly", "annex", "anx", "arcade", "arc", "avenue", "ave", "av", "bayou", "byu",
    "beach", "bch", "bend", "bnd", "bluff", "blf", "bluffs", "bottom", "btm", "boulevard", "blvd",
    "branch", "br", "bridge", "brg", "brook", "brk", "brooks", "burg", "bg", "burgs", "bypass",
    "byp", "camp", "cp", "canyon", "cyn", "cape", "cpe", "causeway", "cswy", "center", "ctr",
    "centre", "centers", "circle", "cir", "circles", "cliff", "clf", "cliffs", "club", "clb",
    "common", "commons", "corner", "cor", "corners", "cors", "course", "crse", "court", "ct",
    "courts", "cts", "cove", "cv", "coves", "creek", "crk", "crescent", "cres", "crest", "crst",
    "crossing", "xing", "crossroad", "xrd", "crossroads", "curve", "curv", "dale", "dl", "dam",
    "dm", "divide", "dv", "drive", "dr", "drives", "estate", "est", "estates", "ests",
    "expressway", "expy", "extension", "ext", "extensions", "fall", "falls", "fls", "ferry",
    "fry", "field", "fld", "fields", "flds", "flat", "flt", "flats", "ford", "frd", "fords",
    "forest", "frst", "forge", "frg", "forges", "fork", "frk", "forks", "fort", "ft", "freeway",
    "fwy", "garden", "gdn", "gardens", "gdns", "gateway", "gtwy", "glen", "gln", "glens", "green",
    "grn", "greens", "grove", "grv", "groves", "harbor", "hbr", "harbors", "haven", "hvn",
    "heights", "hts", "highway", "hwy", "hill", "hl", "hills", "hls", "hollow", "holw", "inlet",
    "island", "islands", "iss", "isle", "junction", "jct", "junctions", "key", "ky", "keys",
    "knoll", "knl", "knolls", "lake", "lk", "lakes", "lks", "land", "landing", "lndg", "lane",
    "ln", "light", "lgt", "lights", "loaf", "lf", "lock", "lck", "locks", "lodge", "ldg", "loop",
    "mall", "manor", "mnr", "manors", "meadow", "mdw", "meadows", "mdws", "mews", "mill", "ml",
    "mills", "mission", "msn", "motorway", "mtwy", "mount", "mt", "mountain", "mtn", "mountains",
    "neck", "nck", "orchard", "orch", "oval", "overpass", "opas", "park", "parks", "parkway",
    "pkwy", "parkways", "pass", "passage", "psge", "path", "pike", "pine", "pne", "pines",
    "pnes", "place", "pl", "plain", "pln", "plains", "plns", "plaza", "plz", "point", "pt",
    "points", "pts", "port", "prt", "ports", "prairie", "pr", "radial", "radl", "ramp", "ranch",
    "rnch", "rapid", "rpd", "rapids", "rpds", "rest", "rst", "ridge", "rdg", "ridges", "river",
    "riv", "road", "rd", "roads", "rds", "route", "rte", "row", "rue", "run", "shoal", "shl",
    "shoals", "shore", "shr", "shores", "skyway", "skwy", "spring", "spg", "springs", "spgs",
    "spur", "spurs", "square", "sq", "squares", "station", "sta", "stravenue", "stra", "stream",
    "strm", "street", "st", "streets", "sts", "summit", "smt", "terrace", "ter", "throughway",
    "trwy", "trace", "trce", "track", "trak", "trafficway", "trfy", "trail", "trl", "tunnel",
    "tunl", "turnpike", "tpke", "underpass", "upas", "union", "unions", "valley", "vly",
    "valleys", "via", "viaduct", "vdct", "view", "vw", "views", "village", "vlg", "villages",
    "ville", "vl", "vista", "vis", "walk", "walks", "wall", "way", "ways", "well", "wl", "wells",
    "close", "vale",
)
# Name suffixes that belong to a person's name ("Robert Brown Jr.").
NAME_SUFFIXES = ("jr", "sr", "ii", "iii", "iv")
# Places written as a prefix and a name ("Port Matthew", "North Angela", "Lake Jessica") or a
# name and a place-forming ending ("Jessicaton", "Angelaborough", "Smithville"): read as a
# city after a place word when no list has them.
CITY_PREFIXES = ("north", "south", "east", "west", "lake", "port", "new", "mount", "fort", "saint",
                 "st", "san", "santa", "los", "las", "el", "new")
CITY_ENDINGS = ("ton", "ville", "burg", "burgh", "borough", "bury", "ford", "port", "field", "land",
                "haven", "view", "mouth", "shire", "side", "chester", "stad", "furt", "town", "berg",
                "fort", "wood", "dale", "mont")
# Street types written before the name ("583 rue Principale", "12 Calle Mayor").
STREET_PREFIXES = ("rue", "chemin", "calle", "avenida", "via", "strada", "rua")
# Secondary unit designators (USPS appendix C2) and their abbreviations.
UNIT_WORDS = (
    "apt", "apartment", "suite", "ste", "unit", "floor", "fl", "room", "rm", "bldg",
    "building", "dept", "lot", "space", "spc", "trlr", "flat",
)
DIRECTIONALS = (
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest",
)
# Before a name: the title is not part of the name's span.
TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam",
          "mister", "rev", "capt", "sgt", "officer", "detective", "judge", "senator",
          # other languages': German, French, Spanish, Portuguese, Italian, Dutch, Polish
          "herr", "frau", "mme", "mlle", "monsieur", "madame", "sra", "srta", "senor", "senora",
          "senhor", "senhora", "sig", "signor", "signora", "dott", "dhr", "mevr", "pani")
# The last word of an organisation's name.
ORG_SUFFIXES = (
    "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
    "plc", "gmbh", "ag", "llp", "lp", "pllc", "pc", "group", "holdings", "bank", "bancorp",
    "partners", "associates", "foundation", "institute", "hospital", "clinic", "university",
    "college", "academy", "agency", "trust", "airlines", "airways", "insurance",
    "technologies", "solutions", "systems", "labs", "laboratories", "industries",
    "enterprises", "international", "services", "motors", "pharmaceuticals", "capital",
    "ventures", "consulting", "studios", "media", "communications", "logistics",
    "federal", "union", "society", "council", "church", "school", "museum", "department",
    "sons", "brothers", "bros", "center", "centre",
    # "& Söhne", "e Hijos", "et Fils", "& Zonen", "et Associés": sons, brothers and partners
    "sohne", "hijos", "hermanos", "fils", "figli", "filhos", "irmaos", "zonen", "associes",
    "asociados", "associati",
)
# The first word of "X of Y" organisations: "University of Michigan", "Bank of America".
ORG_HEADS = ("university", "bank", "college", "institute", "department", "ministry", "bureau",
             "museum", "academy", "church", "office", "board", "commission", "school",
             "hospital", "federal reserve bank", "royal bank", "state university")
# Lower-case words inside an organisation's name: "Smith, Jones and Brown", "Tejada e Hijos",
# "Saidi et Associés", "Hauge, Ruud og Helland" (and in English, Spanish, Catalan, Italian
# and Portuguese, French, German, Dutch, Danish and Norwegian, Swedish, Hungarian).
ORG_CONNECTORS = ("of", "and", "the", "for", "de", "y", "i", "e", "et", "und", "en", "og",
                  "och", "es")
# Before an organisation's name in no list ("works at Globalworth", "employed by ..."); and
# "from" after a capitalised word ("Vinicio F Arcuri from Globalworth"), in places.pyx.
# (Checked by hash, at most 32.)
ORG_CUES = ("works at", "work at", "worked at", "working at", "works for", "work for",
            "worked for", "working for", "employed at", "employed by", "employed with",
            "employee of", "employees of", "job at", "joined", "intern at", "hired by",
            "ceo of", "founder of", "cfo of", "cto of")

# Spoken numbers: the words and the digits they stand for.
NUMBER_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "twenty": "2_", "thirty": "3_", "forty": "4_", "fourty": "4_", "fifty": "5_",
    "sixty": "6_", "seventy": "7_", "eighty": "8_", "ninety": "9_",
    "double": "x2", "triple": "x3", "hundred": "00", "plus": "+",
}

# Phrases just before a name that make a lone first name (or a lower-case one) a name.
# Strong cues admit a first name that is also a common word ("my name is Will").
NAME_CUES_STRONG = ("name is", "name s", "names", "call me", "named", "called", "name was")
# Cues that admit a lower-case name (speech-to-text): "yeah this is kevin".
NAME_CUES_LOWER = NAME_CUES_STRONG + ("this is", "i am", "i m", "im", "speak to", "talk to",
                                      "speaking to", "talking to", "transfer me to")
NAME_CUES = NAME_CUES_STRONG + (
    "this is", "i am", "i m", "im", "it s", "dear", "hi", "hello", "hey", "thanks", "thank you",
    "ask for", "speak to", "speak with", "spoke to", "spoke with", "talk to", "talked to",
    "talking to", "speaking with", "transfer to", "transferred to", "regards", "sincerely",
    "cheers", "best", "attn", "attention", "signed", "customer", "patient", "caller",
    "cardholder", "holder", "contact", "manager", "nurse", "applicant", "name", "first name",
    "last name", "full name", "employee", "recipient", "sender", "tenant",
    "member", "guest", "passenger", "owner",
)
# Weaker cues: they raise a listed first name's score but admit no unlisted word.
NAME_CUES_WEAK = ("from", "cc", "by", "with", "to", "son", "daughter", "wife", "husband",
                  "mother", "father", "brother", "sister", "friend", "and", "or", "mr", "ms",
                  "agent")
# Words right after a lone first name that make it one: "Tom speaking", "Tom here".
NAME_CUES_AFTER = ("speaking", "here", "says", "said", "wrote", "called", "asked")
# Words right after a lone listed given name that make it one ("Jakobine is from Oslo",
# "Jennifer will call"), and after two capitalised words of no list ("Avtorhan Rushisvili
# from Acme is ..."). (Checked by hash, at most 32.)
NAME_VERBS_AFTER = ("is", "was", "has", "had", "will", "would", "can", "could", "said", "says",
                    "asked", "told", "lives", "lived", "works", "worked", "called", "wrote",
                    "went", "came", "sent", "wants", "needs", "joined", "from")
# Capitalised words that never start or continue a name, a place or an organisation.
STOP_WORDS = (
    "the", "a", "an", "i", "my", "our", "your", "his", "her", "their", "we", "you", "he",
    "she", "it", "they", "this", "that", "these", "those", "hi", "hello", "hey", "dear",
    "thanks", "thank", "please", "yes", "no", "ok", "okay", "sure", "and", "or", "but", "if",
    "at", "in", "on", "of", "for", "to", "from", "with", "by", "as", "is", "are", "was",
    "mr", "mrs", "ms", "dr", "re", "fwd", "fw", "subject", "date", "sent", "best",
    "regards", "sincerely", "cheers", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "customer", "agent", "caller",
    "name", "account", "card", "number", "phone", "email", "address", "street", "city",
    "state", "country", "order", "ticket", "error", "warning", "info", "debug",
    "user", "admin", "support", "team", "service", "manager", "yeah", "yep", "yup", "nope",
    "hmm", "um", "uh", "bye", "sorry", "well", "oh", "fine", "great", "cool", "alright",
)
# Lower-case words between a name's parts: "Emma De la Cruz", "Obinna van der Berg".
NAME_PARTICLES = ("de", "la", "del", "della", "van", "der", "den", "von", "da", "di", "du",
                  "le", "bin", "al", "el", "dos", "das", "ter", "ten", "st")
# Lower-case words that do not continue a lower-case name ("my name is sarah may i ...").
FUNCTION_WORDS = ("will", "may", "can", "could", "would", "should", "shall", "might", "must",
                  "do", "did", "does", "am", "be", "been", "have", "has", "had", "here",
                  "there", "and", "or", "but", "so", "then", "just", "also", "too", "please",
                  "thanks", "speaking", "from", "with", "calling", "again", "now", "ok", "okay",
                  "yes", "no", "like", "well", "long", "little", "young", "best", "good",
                  # verbs that start sentences before an organisation's name
                  "call", "contact", "ask", "visit", "email", "text", "tell", "pay", "join", "try",
                  "use", "welcome", "thank", "dear")
# Words before a place that make an ambiguous one ("Nice", "Mobile", "Reading") a place.
PLACE_CUES = ("in", "from", "to", "near", "at", "city", "town", "country", "state", "visit", "visiting", "via", "around",
              "outside", "toward", "towards", "across", "through", "leaving", "flying",
              "moved", "live", "lives", "based")

# Holidays on a fixed day: month * 100 + day. Others (Easter, Thanksgiving...) move.
HOLIDAY_DATES = {
    "christmas": 1225, "christmas day": 1225, "christmas eve": 1224, "xmas": 1225,
    "new year s day": 101, "new years day": 101, "new year s eve": 1231,
    "new years eve": 1231, "new year": 101, "halloween": 1031, "valentine s day": 214,
    "valentines day": 214, "independence day": 704, "fourth of july": 704,
    "veterans day": 1111, "juneteenth": 619, "st patrick s day": 317,
    "saint patrick s day": 317, "st patricks day": 317, "boxing day": 1226,
    "cinco de mayo": 505, "canada day": 701, "remembrance day": 1111,
    "bastille day": 714, "anzac day": 425, "australia day": 126, "groundhog day": 202,
    "earth day": 422,
}
# File extensions that are also top-level domains: "setup.py", "notes.md" are files
# unless a context word says domain.
FILE_EXTENSION_TLDS = ("py", "rs", "md", "sh", "pl", "so", "cc", "zip", "mov", "cs", "ps", "pm",
                       "rb", "gz", "ts", "tt", "sc", "ms", "mk", "log", "bin", "exe", "bat", "tmp",
                       "txt", "csv", "json", "xml", "yml", "yaml", "lock", "ini", "cfg", "conf")
# Top-level domains that are English words: "thanks.it", "home.in" are a missing space
# when the name before them is a common word.
WORD_TLDS = ("in", "do", "is", "it", "to", "me", "as", "at", "be", "by", "go", "my", "no",
             "us", "am", "so", "pm", "tv", "fm")


# ------------------------------------------------------------------ letters and word keys
# How the word-level detectors read a letter: one definition for the compiled core (its
# tables are built from these functions at import), the reference and the data builders.

# Latin letters NFKD does not fold to an ASCII letter, read as one ASCII letter.
FOLD_EXTRA = {"ß": "s", "ẞ": "S", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
              "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "þ": "t", "Þ": "T", "ð": "d",
              "Ð": "D", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ƒ": "f", "ſ": "s", "ŀ": "l",
              "Ŀ": "L", "ĸ": "k", "ŋ": "n", "Ŋ": "N", "ƀ": "b", "Ɓ": "B", "ɓ": "b", "Ɗ": "D",
              "ɗ": "d", "Ƙ": "K", "ƙ": "k", "Ƴ": "Y", "ƴ": "y", "ɛ": "e", "Ɛ": "E", "ɔ": "o",
              "Ɔ": "O", "ǝ": "e", "Ǝ": "E", "ƞ": "n", "Ʒ": "Z", "ʒ": "z", "ə": "e",
              "Ə": "E"}
LATIN_EXTENDED = ((0xC0, 0x25F), (0x1E00, 0x1EFF))  # Latin-1 letters to Latin Extended-B and IPA's first letters ("ə"); Additional

# Kinds of letter outside Latin (script_letter)
SCRIPT_UPPER = 1     # a capital of a cased script (Greek, Cyrillic, Armenian)
SCRIPT_LOWER = 2     # a small letter of a cased script
SCRIPT_NOCASE = 3    # a letter or vowel sign of a script without case, words split by spaces
SCRIPT_SPACELESS = 4  # Han, kana, Hangul: names written without a space ("王伟", "김민준")
SCRIPT_SKIP = 5      # a mark read as part of a word but not keyed (Arabic and Hebrew vowel points)
CASED_SCRIPTS = ((0x370, 0x3FF), (0x400, 0x52F), (0x531, 0x58F))
NOCASE_SCRIPTS = ((0x590, 0x5FF), (0x600, 0x6FF), (0x750, 0x77F), (0x900, 0xDFF),
                  (0xE00, 0xEFF), (0x1000, 0x109F), (0x10A0, 0x10FF), (0x1200, 0x137F))
SPACELESS_SCRIPTS = ((0x3041, 0x309F), (0x30A1, 0x30FA), (0x30FC, 0x30FF), (0x3400, 0x4DBF),
                     (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF))
SCRIPT_TABLE = (0x370, 0x1380)  # the range the core keeps in a table; the spaceless ones by range


def latin_fold(ch: str) -> str:
    """An ASCII or accented Latin letter's ASCII base letter (case kept), else ''."""
    c = ord(ch)
    if c < 128:
        return ch if ch.isalpha() else ""
    if ch in "×÷" or not any(a <= c <= b for a, b in LATIN_EXTENDED):
        return ""
    base = FOLD_EXTRA.get(ch, unicodedata.normalize("NFKD", ch)[:1])
    return base if base.isascii() and base.isalpha() else ""


def script_letter(ch: str) -> tuple[int, int]:
    """(kind, key code point) of a letter of another script than Latin; (0, 0) for
    anything else. A cased letter's key is its small letter (final sigma as sigma)."""
    c = ord(ch)
    i = bisect.bisect_right(_SCRIPT_STARTS, c) - 1
    if i < 0 or c > _SCRIPT_RANGES[i][1]:
        return (0, 0)
    group = _SCRIPT_RANGES[i][2]
    if group == SCRIPT_SPACELESS:
        return (SCRIPT_SPACELESS, c)
    cat = unicodedata.category(ch)
    if group == SCRIPT_UPPER:  # a cased script
        if cat in ("Lu", "Lt"):
            low = ch.lower()
            return (SCRIPT_UPPER, ord(low) if len(low) == 1 else c)
        if cat[0] == "L":
            return (SCRIPT_LOWER, 0x3C3 if c == 0x3C2 else c)
        return (0, 0)
    if cat[0] == "L":
        return (SCRIPT_NOCASE, c)
    if cat[0] == "M":
        return (SCRIPT_SKIP, 0) if c < 0x900 else (SCRIPT_NOCASE, c)
    return (0, 0)


# script_letter's ranges in order, each with its kind of script (the cased ones as SCRIPT_UPPER),
# looked up by bisection: the core builds its table from ~4,000 calls at import
_SCRIPT_RANGES = sorted([(a, b, SCRIPT_UPPER) for a, b in CASED_SCRIPTS]
                        + [(a, b, SCRIPT_NOCASE) for a, b in NOCASE_SCRIPTS]
                        + [(a, b, SCRIPT_SPACELESS) for a, b in SPACELESS_SCRIPTS])
_SCRIPT_STARTS = [a for a, _, _ in _SCRIPT_RANGES]


def word_key(word: str) -> str:
    """A word as the gazetteer keys it: Latin letters folded to lower-case ASCII, other
    scripts' letters as their small letters, marks that only point a word left out;
    '' when a character is no letter."""
    out = []
    for ch in word:
        folded = latin_fold(ch)
        if folded:
            out.append(folded.lower())
            continue
        kind, key = script_letter(ch)
        if not kind:
            return ""
        if kind != SCRIPT_SKIP:
            out.append(chr(key))
    return "".join(out)

# Strong phone cues. A phone-shaped number (7-15 digits) right after one of these is redacted
# even when no numbering plan validates it, at a lower score (core.detect.PHONE_CUE_SCORE):
# a leak costs more than an over-redaction. A cue is the last words before the number, with
# at most three of " :.#-=" between: a cue word after which up to two fillers may stand
# ("Mobile:", "Tel. no.", "phone number is"); "call me at", "reach me on" (a verb, "me",
# "at" or "on"); "my number is", "my Japanese number is" ("my", maybe one word that is not
# in PHONE_CUE_NOT_PHONE, "number"). Never after a phone veto word (core.entity_types), never
# for a date, a time or an amount (scan/numbers.pyx: reads_as_other).
PHONE_CUE_WORDS = ("mobile", "mob", "cell", "cellphone", "cellular", "fax", "tel", "telephone", "phone",
                   "whatsapp", "landline", "contact", "call", "dial", "ring")
PHONE_CUE_FILLERS = ("number", "no", "nr", "num", "is")
PHONE_CUE_VERBS = ("call", "reach", "text", "ring", "phone", "contact", "message", "whatsapp")
# Words naming other kinds of number: "my account number is ..." is no phone cue.
PHONE_CUE_NOT_PHONE = (
    "account", "acct", "card", "credit", "debit", "passport", "license", "licence", "social",
    "security", "ssn", "routing", "tax", "vat", "member", "membership", "customer", "policy",
    "claim", "booking", "student", "employee", "patient", "serial", "order", "invoice", "ticket",
    "tracking", "confirmation", "reference", "case", "id", "pin", "lucky", "favorite", "favourite",
    "room", "seat", "flight", "table", "house", "street", "zip", "postal", "badge", "registration",
    "insurance", "health", "bank", "iban", "sort", "transit", "lottery", "winning", "part", "model",
    "product", "item", "batch", "lot", "version", "build", "record", "file", "application",
)

# Card words: a card number of a broad or uncertain issuer range (scan/numbers.pyx:
# CARD_ISSUERS) counts only with one of these within 32 code points before it.
CARD_WORDS = ("card", "cards", "credit", "debit", "cc", "visa", "mastercard", "maestro", "amex",
              "discover", "jcb", "unionpay", "rupay", "mir", "elo", "verve", "troy", "uatp", "diners",
              "hipercard", "dankort", "cardholder", "pan")
