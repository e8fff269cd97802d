"""The entity-type table: one row per type the compiled core detects.

Everything a detector needs besides its matching code lives here: its type
name (ALL_CAPS, as in Symbl), its base score, the context words that raise
the score (or that the type requires), and how far around the candidate the
context is looked for. The compiled core reads this table once at import; the
order of rows is the order of the core's type ids.
"""
from __future__ import annotations

from typing import NamedTuple


class EntityType(NamedTuple):
    name: str
    score: float                 # base score of a validated match
    context: tuple[str, ...]     # lower-case words; a whole word must match
    boost: float = 0.1           # added to the score when a context word is near
    before: int = 48             # code points of context looked at before the match
    after: int = 24              # code points of context looked at after the match
    numeric: bool = False        # masking counts digits only, so separators survive
    veto: tuple[str, ...] = ()   # lower-case words that, just before a candidate, rule it out
    veto_before: int = 12        # code points looked at before the candidate for a veto word


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("CREDIT_CARD_NUMBER", 0.95,
               ("card", "credit", "debit", "visa", "mastercard", "amex", "discover",
                "cc", "pan", "number"), boost=0.05, numeric=True),
    # Formatted 3-2-4 SSNs need no context; a bare 9-digit run needs one of these.
    EntityType("SSN", 0.85,
               ("ssn", "social", "security", "ss", "ssa", "taxpayer", "tin", "itin"),
               numeric=True),
    EntityType("PHONE_NUMBER", 0.75,
               ("phone", "call", "tel", "telephone", "mobile", "cell", "fax", "number",
                "text", "sms", "dial", "reach", "contact", "whatsapp"), boost=0.15,
               numeric=True,
               # "order 7715577113" is an order number even when it parses as a phone
               veto=("order", "orders", "invoice", "ticket", "tracking", "confirmation", "reference",
                     "ref", "transaction", "receipt", "sku", "serial", "case", "shipment", "batch",
                     "job", "build", "id"),
               veto_before=20),
    EntityType("EMAIL_ADDRESS", 1.0, ("email", "mail"), boost=0.0),
    EntityType("IBAN", 1.0, ("iban", "account", "bank"), boost=0.0),
    # Required: a valid ABA checksum alone is one 9-digit number in ten.
    EntityType("US_BANK_ROUTING_NUMBER", 0.85,
               ("routing", "aba", "rtn", "transit", "abartn"),
               numeric=True),
    EntityType("IP_ADDRESS", 0.85, ("ip", "ipv", "address", "host", "server",
                                    "client", "from"), boost=0.1,
               # "version 4.18.14.13" is a version, not an IPv4 address
               veto=("version", "ver", "build", "release", "firmware", "kernel", "patch", "app",
                     "package", "pkg", "sdk", "plugin", "update", "upgrade", "install",
                     "installed", "updated", "android", "ios")),
    EntityType("URL", 0.9, ("url", "link", "website", "site", "visit"), boost=0.05),
    EntityType("DATE", 0.8, ("date", "on", "since", "until", "dated"), boost=0.05),
    # A DATE with one of these words before it becomes a DATE_OF_BIRTH.
    EntityType("DATE_OF_BIRTH", 0.9, ("born", "birth", "birthday", "dob", "birthdate",
                                      "bday"), boost=0.05, before=24, after=0),
    # Rows below were appended after the first ten; never reorder (the core's type ids).
    # Context required, before only: numeric MM/YY, MM-YY, MM/YYYY (2000-2099) and written
    # "Apr 27", "April 2027". Without context these are fractions, ratios or plain dates.
    # "thru" covers "valid thru" and "good thru".
    EntityType("CREDIT_CARD_EXPIRATION", 0.85,
               ("exp", "expires", "expiry", "expiration", "expiring", "expire", "thru"),
               boost=0.1, before=24, after=0),
    # Context required, close before: a lone 3-4 digit number. "security" stands for
    # "security code" (and "card verification" is covered by "verification").
    EntityType("CREDIT_CARD_CVV", 0.85,
               ("cvv", "cvc", "cvn", "cvd", "csc", "cid", "security", "verification"),
               boost=0.1, before=24, after=0, numeric=True),
    # "42 years old", "42-year-old" need no context; a lone number 0-130 needs one of these
    # just before it ("age 42", "aged 42", "age: 42", "turned 42"; the word starts at most
    # 10 code points before the number).
    EntityType("AGE", 0.8, ("age", "aged", "turned"), boost=0.1, before=10, after=0),
    # Context raises the score; without it the code must hold a digit (see _scan.pyx).
    EntityType("SWIFT_CODE", 0.85, ("swift", "bic", "bank"), boost=0.1, before=32, after=16),
    # Context required, close before: a lone 4-6 digit number ("pin", "PIN code", "pin number").
    EntityType("CREDIT_CARD_PIN", 0.85, ("pin",), boost=0.1, before=24, after=0, numeric=True),
    # Context required, before: a lone 6-17 digit run ("account number 000123456789").
    EntityType("US_BANK_ACCOUNT_NUMBER", 0.8,
               ("account", "acct", "checking", "savings", "acc"),
               boost=0.1, before=28, after=0, numeric=True),
    # Names come from the gazetteer (census lists) and the cue rules in _words.pxi; these
    # words only raise the score.
    EntityType("PERSON_NAME", 0.75,
               ("name", "named", "called", "dear", "hi", "hello", "hey", "thanks", "mr", "mrs",
                "ms", "dr", "agent", "speaking", "customer", "caller", "contact", "spoke",
                "sincerely", "regards", "from", "patient", "signed", "cardholder"),
               boost=0.1, before=32, after=16),
    EntityType("LOCATION", 0.75,
               ("in", "from", "to", "near", "at", "visit", "visiting", "live", "lives", "living",
                "moved", "based", "located", "city", "state", "country", "travel", "flight"),
               boost=0.1, before=16, after=0),
    EntityType("ORGANIZATION", 0.75,
               ("work", "works", "worked", "working", "company", "employer", "at", "with",
                "bank", "firm", "joined"),
               boost=0.1, before=24, after=0),
    EntityType("ADDRESS", 0.85,
               ("address", "live", "lives", "living", "ship", "shipping", "deliver", "delivery",
                "mail", "mailing", "billing", "reside", "located", "home", "street", "postcode",
                "postal", "zip", "send", "moved"),
               boost=0.1, before=40, after=0),
    EntityType("DOMAIN_NAME", 0.8,
               ("domain", "site", "website", "visit", "go", "dns", "host", "hostname",
                "resolve", "resolves", "registered", "web"),
               boost=0.1, before=24, after=0),
    # Context required, before: the word "passport" ("passport no. X1234567").
    EntityType("PASSPORT_NUMBER", 0.85, ("passport",), boost=0.1, before=28, after=0),
    # Context required, before: "driver's license", "DL", "licence number".
    EntityType("US_DRIVERS_LICENSE", 0.85,
               ("license", "licence", "dl", "driver", "drivers", "driving", "dln"),
               boost=0.1, before=32, after=0),
)

BY_NAME: dict[str, int] = {t.name: i for i, t in enumerate(ENTITY_TYPES)}
NUMERIC: frozenset[str] = frozenset(t.name for t in ENTITY_TYPES if t.numeric)
