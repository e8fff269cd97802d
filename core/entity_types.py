"""The entity-type table: one row per type the compiled core detects.

Everything about a type besides its matching code is declared here, once: its
name (ALL_CAPS, as in Symbl), the scanner family that finds it (the file
core/scan/<family>.pyx), its base score, the context words that raise the
score (or that the type requires) and how far around the candidate they are
looked for, and its Python hooks: how its value is normalised, how a policy
field of that type is read, and how a surrogate is faked.

The compiled core reads this table once at import. The order of rows is the
order of the core's type ids: the build generates the type-id enum from it
(setup.py writes core/scan/type_ids.pxd), so a new row goes at the end.
"""
from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Callable

from redactd.core import surrogate as fakes
from redactd.core import values

Normaliser = Callable[[str, int], str]   # (text as written, the scanner's aux) -> value
FieldReader = Callable[[str, str], str]  # (a whole policy field, stripped; region) -> value

# the scanner's detector families: core/scan/<family>.pyx
FAMILIES = ("numbers", "dates", "network", "banking", "names", "places", "addresses")


@dataclass(frozen=True, slots=True)
class EntityType:
    name: str
    score: float                 # base score of a validated match
    context: tuple[str, ...]     # lower-case words; a whole word must match
    _: KW_ONLY
    family: str                  # one of FAMILIES
    boost: float = 0.1           # added to the score when a context word is near
    before: int = 48             # code points of context looked at before the match
    after: int = 24              # code points of context looked at after the match
    numeric: bool = False        # masking counts digits only, so separators survive
    veto: tuple[str, ...] = ()   # lower-case words that, just before a candidate, rule it out
    veto_before: int = 12        # code points looked at before the candidate for a veto word
    normalise: Normaliser = values.as_written
    field: FieldReader | None = None  # None: the field normalised as a match would be
    fake: fakes.Faker = fakes.hash_only

    def read_field(self, text: str, region: str) -> str:
        """The normalised value of a whole policy field that holds one entity of this type."""
        text = text.strip()
        return self.field(text, region) if self.field else self.normalise(text, 0)


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("CREDIT_CARD_NUMBER", 0.95,
               ("card", "credit", "debit", "visa", "mastercard", "amex", "discover",
                "cc", "pan", "number"),
               family="numbers", normalise=values.digits, fake=fakes.card, boost=0.05, numeric=True),
    # Formatted 3-2-4 SSNs need no context; a bare 9-digit run needs one of these.
    EntityType("SSN", 0.85,
               ("ssn", "social", "security", "ss", "ssa", "taxpayer", "tin", "itin"),
               family="numbers", normalise=values.digits, fake=fakes.ssn,
               numeric=True),
    EntityType("PHONE_NUMBER", 0.75,
               ("phone", "call", "tel", "telephone", "mobile", "cell", "fax", "number",
                "text", "sms", "dial", "reach", "contact", "whatsapp"),
               family="numbers", field=values.phone_field, fake=fakes.phone, boost=0.15,
               numeric=True,
               # "order 7715577113" is an order number even when it parses as a phone
               veto=("order", "orders", "invoice", "ticket", "tracking", "confirmation", "reference",
                     "ref", "transaction", "receipt", "sku", "serial", "case", "shipment", "batch",
                     "job", "build", "id"),
               veto_before=20),
    EntityType("EMAIL_ADDRESS", 1.0, ("email", "mail"),
               family="network", normalise=values.email, fake=fakes.email, boost=0.0),
    EntityType("IBAN", 1.0, ("iban", "account", "bank"),
               family="banking", normalise=values.iban, fake=fakes.iban, boost=0.0),
    # Required: a valid ABA checksum alone is one 9-digit number in ten.
    EntityType("US_BANK_ROUTING_NUMBER", 0.85,
               ("routing", "aba", "rtn", "transit", "abartn"),
               family="banking", normalise=values.digits, fake=fakes.routing,
               numeric=True),
    EntityType("IP_ADDRESS", 0.85, ("ip", "ipv", "address", "host", "server",
                                    "client", "from"),
               family="network", normalise=values.ip, field=values.field_as_written, fake=fakes.ip, boost=0.1,
               # "version 4.18.14.13" is a version, not an IPv4 address
               veto=("version", "ver", "build", "release", "firmware", "kernel", "patch", "app",
                     "package", "pkg", "sdk", "plugin", "update", "upgrade", "install",
                     "installed", "updated", "android", "ios",
                     # "mobile: 79.56.12.29" is a phone number written with dots
                     "mobile", "phone", "tel", "telephone", "fax", "cell", "whatsapp")),
    EntityType("URL", 0.9, ("url", "link", "website", "site", "visit"),
               family="network", fake=fakes.url, boost=0.05),
    # Short forms ("on 11/20", "dated 22.04.", "since 05/2021", "DOB 20161016") need one of
    # these (or a birth word) within 16 code points before them; they and two-digit years
    # are versions (or phone numbers) after a veto word within 24 ("package 16.3.12", "the app
    # crashed on 11.6.13", "call me at 20.12.32").
    EntityType("DATE", 0.8, ("date", "on", "since", "until", "dated", "till", "due", "effective",
                             "issued", "starting", "started", "deadline"),
               family="dates", normalise=values.date, field=values.field_as_written, fake=fakes.date, boost=0.05,
               veto=("version", "ver", "build", "release", "firmware", "kernel", "patch", "sdk", "api",
                     "app", "package", "pkg", "chapter", "section", "article", "paragraph", "clause",
                     "call", "phone", "tel", "mobile", "cell", "fax", "number"),
               veto_before=24),
    # A DATE with one of these words before it becomes a DATE_OF_BIRTH.
    EntityType("DATE_OF_BIRTH", 0.9, ("born", "birth", "birthday", "dob", "birthdate",
                                      "bday"),
               family="dates", normalise=values.date, field=values.field_as_written, fake=fakes.date, boost=0.05, before=24, after=0),
    # Rows below were appended after the first ten; never reorder (the core's type ids).
    # Context required, before only: numeric MM/YY, MM-YY, MM/YYYY (2000-2099) and written
    # "Apr 27", "April 2027". Without context these are fractions, ratios or plain dates.
    # "thru" covers "valid thru" and "good thru".
    EntityType("CREDIT_CARD_EXPIRATION", 0.85,
               ("exp", "expires", "expiry", "expiration", "expiring", "expire", "thru"),
               family="numbers", normalise=values.year_month, field=values.field_as_written,
               boost=0.1, before=24, after=0),
    # Context required, close before: a lone 3-4 digit number. "security" stands for
    # "security code" (and "card verification" is covered by "verification").
    EntityType("CREDIT_CARD_CVV", 0.85,
               ("cvv", "cvc", "cvn", "cvd", "csc", "cid", "security", "verification"),
               family="numbers", normalise=values.digits,
               boost=0.1, before=24, after=0, numeric=True),
    # "42 years old", "42-year-old" need no context; a lone number 0-130 needs one of these
    # just before it ("age 42", "aged 42", "age: 42", "turned 42"; the word starts at most
    # 10 code points before the number).
    EntityType("AGE", 0.8, ("age", "aged", "turned"),
               family="numbers", normalise=values.number, field=values.field_as_written, boost=0.1, before=10, after=0),
    # Context raises the score; without it the code must hold a digit (see scan/banking.pyx).
    EntityType("SWIFT_CODE", 0.85, ("swift", "bic", "bank"),
               family="banking", normalise=values.upper, boost=0.1, before=32, after=16),
    # Context required, close before: a lone 4-6 digit number ("pin", "PIN code", "pin number").
    EntityType("CREDIT_CARD_PIN", 0.85, ("pin",),
               family="numbers", normalise=values.digits, boost=0.1, before=24, after=0, numeric=True),
    # Context required, before: a lone 6-17 digit run ("account number 000123456789").
    EntityType("US_BANK_ACCOUNT_NUMBER", 0.8,
               ("account", "acct", "checking", "savings", "acc"),
               family="banking", normalise=values.digits,
               boost=0.1, before=28, after=0, numeric=True),
    # Names come from the gazetteer (census lists) and the cue rules in scan/names.pyx; these
    # words only raise the score.
    EntityType("PERSON_NAME", 0.75,
               ("name", "named", "called", "dear", "hi", "hello", "hey", "thanks", "mr", "mrs",
                "ms", "dr", "agent", "speaking", "customer", "caller", "contact", "spoke",
                "sincerely", "regards", "from", "patient", "signed", "cardholder"),
               family="names", normalise=values.words,
               boost=0.1, before=32, after=16),
    EntityType("LOCATION", 0.75,
               ("in", "from", "to", "near", "at", "visit", "visiting", "live", "lives", "living",
                "moved", "based", "located", "city", "state", "country", "travel", "flight"),
               family="places", normalise=values.words,
               boost=0.1, before=16, after=0),
    EntityType("ORGANIZATION", 0.75,
               ("work", "works", "worked", "working", "company", "employer", "at", "with",
                "bank", "firm", "joined"),
               family="places", normalise=values.words,
               boost=0.1, before=24, after=0),
    EntityType("ADDRESS", 0.85,
               ("address", "live", "lives", "living", "ship", "shipping", "deliver", "delivery",
                "mail", "mailing", "billing", "reside", "located", "home", "street", "postcode",
                "postal", "zip", "send", "moved"),
               family="addresses", normalise=values.words,
               boost=0.1, before=40, after=0),
    EntityType("DOMAIN_NAME", 0.8,
               ("domain", "site", "website", "visit", "go", "dns", "host", "hostname",
                "resolve", "resolves", "registered", "web"),
               family="network", normalise=values.host,
               boost=0.1, before=24, after=0),
    # Context required, before: the word "passport" ("passport no. X1234567").
    EntityType("PASSPORT_NUMBER", 0.85, ("passport",),
               family="numbers", normalise=values.compact_upper, boost=0.1, before=28, after=0),
    # Context required, before: "driver's license", "DL", "licence number".
    EntityType("US_DRIVERS_LICENSE", 0.85,
               ("license", "licence", "dl", "driver", "drivers", "driving", "dln"),
               family="numbers", normalise=values.compact_upper,
               boost=0.1, before=32, after=0),
)

BY_NAME: dict[str, int] = {t.name: i for i, t in enumerate(ENTITY_TYPES)}
BY_TYPE: dict[str, EntityType] = {t.name: t for t in ENTITY_TYPES}
NUMERIC: frozenset[str] = frozenset(t.name for t in ENTITY_TYPES if t.numeric)
