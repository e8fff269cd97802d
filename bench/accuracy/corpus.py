"""A seeded, labelled corpus: sentences of several kinds with character-span labels.

Templates are written as people write (chat, call-centre turns, speech-to-text
transcripts, emails, SMS, log lines, JSON-ish records); placeholders in braces
are filled with fresh seeded values from `bench.accuracy.values`:

  labelled PII   {card} {ssn} {phone} {email} {iban} {routing} {ip} {ipv4} {ipv6} {url} {date} {dob}
  hard negatives {order} {amount} {version} {badcard} {time} {tracking} {ticket} {uuid}
                 {hash} {zip} {qty} {epoch} {isbn} {badssn} {acct} {short}
  filler         {name} {first}

A sentence's labels are (type, start, end) in code points, and
text[start:end] is exactly the value that was generated.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from bench.accuracy import values as V

SEED = 20261124

LABELLED = {
    "card": ("CREDIT_CARD_NUMBER", V.card), "ssn": ("SSN", V.ssn), "phone": ("PHONE_NUMBER", V.phone),
    "email": ("EMAIL_ADDRESS", V.email), "iban": ("IBAN", V.iban),
    "routing": ("US_BANK_ROUTING_NUMBER", V.routing), "ip": ("IP_ADDRESS", V.ip),
    "ipv4": ("IP_ADDRESS", V.ipv4), "ipv6": ("IP_ADDRESS", V.ipv6), "url": ("URL", V.url),
    "date": ("DATE", V.date), "dob": ("DATE_OF_BIRTH", V.dob),
}
NEGATIVE = {
    "order": V.order_number, "amount": V.amount, "version": V.version, "badcard": V.bad_card,
    "time": V.time_of_day, "tracking": V.tracking_id, "ticket": V.ticket, "uuid": V.uuid,
    "hash": V.hex_hash, "zip": V.zip_code, "qty": V.quantity, "epoch": V.epoch, "isbn": V.isbn,
    "badssn": V.bad_ssn, "acct": V.account_number, "short": V.short_code,
}
FILLER = {"name": V.name, "first": lambda rng: rng.choice(V.FIRST).capitalize()}

TEMPLATES: dict[str, list[str]] = {
    "chat": [
        "hey, can you update my card to {card}? the old one expired",
        "My SSN is {ssn} if you need it for the credit check.",
        "you can reach me at {phone} after 5pm",
        "Sure, my email is {email} — please send the receipt there.",
        "I paid {amount} for order {order} but it still says pending",
        "lol the app crashed again on {version}, any fix?",
        "Born {dob}, so I should qualify for the senior discount right?",
        "The delivery was supposed to arrive on {date} but nothing yet. Tracking {tracking}.",
        "Card ending... actually here is the full number {card}, exp 08/27",
        "pls call {phone} or text {phone}, whichever works",
        "wire it to my IBAN {iban} thanks",
        "For the direct deposit: routing {routing}, account {acct}.",
        "I tried {badcard} but it keeps getting declined?",
        "check out {url} it explains the refund policy",
        "Meeting moved to {time} tomorrow, ok?",
        "ticket {ticket} has been open for {qty} now",
        "My date of birth is {dob} and my SSN {ssn}.",
        "i moved, new number is {phone} and email {email}",
        "is {email} still the best way to reach your billing team?",
        "Thanks {first}! Got the refund of {amount} today.",
        "the link {url} gives me a 404 :(",
        "Hi, I'm {name}. My DOB: {dob}. Need to reset my password.",
        "can u send it to {email}?? the other one is dead",
        "We're in zip {zip}, does the offer apply?",
        "my social security number is {ssn}",
        "it's {card} exp 11/26 cvv on the back",
        "so the charge from {date} was {amount}? weird",
        "I'm on version {version} of the app and it still logs me out",
        "no pii here, just wanted to say the new update is great",
        "got it, I'll wait until {time}.",
        "The docs are at {url}.",
        "(full details: {url})",
        "Best number is {phone} ext. 204, ask for {first}.",
        "Mi número es {phone}, gracias. Correo: {email}",
        "Meine IBAN lautet {iban}, bitte bis {date} überweisen.",
        "Mon numéro : {phone} — merci !",
        "DOB:{dob} / SSN:{ssn}",
        "Visa {card}, Amex {card}",
        "my bday is {dob} 🎉 party at {time}!",
        "Email: {email}; alt: {email}",
        "Still waiting since {date}... order {order}, {qty}",
        "it's {ssn}, that's my social",
        "{phone} is my cell, {email} my email",
    ],
    "call": [
        "Agent: Thank you for calling, can I have the card number please? Caller: Yes, it's {card}.",
        "Caller: My social is {ssn}. Agent: Thank you, and your date of birth? Caller: {dob}.",
        "Agent: What's the best callback number? Caller: {phone}.",
        "Agent: I see a payment of {amount} on {date}. Is that correct?",
        "Caller: The order number is {order}. Agent: Thanks, one moment please.",
        "Agent: Could you confirm the email on file? Caller: Sure, {email}.",
        "Caller: I was born on {dob}. Agent: Great, you're verified.",
        "Agent: The routing number for the transfer is {routing}, correct? Caller: Yes.",
        "Caller: I'd like to update my phone to {phone}, the old one was {phone}.",
        "Agent: Your reference is {ticket}; the technician arrives between {time} and {time}.",
        "Caller: The card {badcard} was rejected. Agent: Let me check that for you.",
        "Agent: For security, the last payment was {amount}, made on {date}?",
        "Caller: My IBAN is {iban}. Agent: Thank you, I'll set up the transfer.",
        "Agent: Please hold. Caller: Okay. Agent: Thanks for holding, {first}.",
        "Caller: SSN {ssn}, date of birth {dob}, and my zip is {zip}.",
        "Agent: The package with tracking number {tracking} shipped on {date}.",
    ],
    "stt": [
        "yeah my card number is {card} and the expiry is oh eight twenty seven",
        "my social is {ssn}",
        "you can call me back on {phone} any time",
        "my email is {email}",
        "i was born on {dob}",
        "date of birth {dob}",
        "um the payment was like {amount} i think",
        "the order number is {order}",
        "it was on {date} that they charged me",
        "my phone number is {phone} and my social security number is {ssn}",
        "uh huh yeah so the routing number is {routing}",
        "okay let me read it to you {card}",
        "so my date of birth is {dob} and the last four of my social are {zip}",
        "hold on a second i need to find the letter",
        "the appointment is at {time} on {date}",
        "my cell is {phone}",
        "its {ssn} thats my social",
        "the number on the card is {card} and the zip is {zip}",
    ],
    "email": [
        "Hi {first},\nPlease find attached the invoice for {amount}, due {date}.\nBest, {name}",
        "From: {name} <{email}>\nSubject: Order {order} delayed",
        "Dear customer, your statement dated {date} is available at {url}.",
        "Please wire the deposit to IBAN {iban} (BIC DEUTDEFF) before {date}.",
        "Our bank details: ABA routing number {routing}, account number {acct}.",
        "Contact me on {phone} or reply to {email}.",
        "Employee record: {name}, DOB {dob}, SSN {ssn}, start date {date}.",
        "You can reset your password here: {url}\nThis link expires in 24 hours.",
        "Reply-To: {email}\nCc: {email}",
        "The new build {version} was released on {date}; see {url} for notes.",
        "Thanks for your order! Tracking number: {tracking}. Order total: {amount}.",
        "Regards,\n{name}\nMobile: {phone}\nOffice: {phone}",
        "We charged {amount} to the card ending in {zip} on {date}.",
        "Please update the card on file ({card}) before the next billing cycle.",
        "The patient, born {dob}, was seen on {date} for a follow-up.",
        "Unsubscribe at {url} or write to {email}.",
        "Sent from my iPhone\n\nOn {date}, {name} <{email}> wrote:",
        "Name: {name}\nDate of birth: {dob}\nPhone: {phone}\nEmail: {email}",
        "Payroll change: new routing {routing} and account {acct}, effective {date}.",
        "ISBN {isbn} is back in stock; reserve it at {url}",
    ],
    "sms": [
        "Your code is {zip}. Don't share it. Call {phone} if this wasn't you.",
        "Reminder: appt {date} at {time}. Reply C to confirm.",
        "Txt me ur email pls. mine is {email}",
        "New number, save it: {phone}",
        "Your parcel {tracking} is out for delivery today",
        "Payment of {amount} received, ref {ticket}. Thx!",
        "call me {phone}",
        "bday is {dob} btw lol",
        "DOB {dob} SSN {ssn} for the form",
        "Verify at {url} within {qty}",
        "Card {card} charged {amount} at ACME STORE",
        "Fraud alert: was {amount} at {time} you? Reply Y/N. Questions: {short}",
        "here's my IBAN {iban} for the rent",
    ],
    "log": [
        "[{time}] INFO  request from {ip} GET /api/v1/orders/{order} 200 {qty}",
        "[{time}] WARN  login failed for user {email} from {ipv4}",
        "{epoch} ERROR payment declined card={card} amount={amount}",
        "{epoch} DEBUG session={uuid} client={ip} ua=Mozilla/5.0",
        "[{time}] INFO  deploying build {version} commit {hash}",
        "[{time}] ERROR upstream {ipv6} timed out after {qty}",
        "level=info msg=\"callback scheduled\" phone={phone} ts={epoch}",
        "level=warn msg=\"retrying\" url={url} attempt=3",
        "{epoch} INFO  user {email} updated date_of_birth={dob}",
        "[{time}] INFO  job {uuid} finished in {time}",
        "kernel: eth0: link up, address {ipv4}, gateway {ipv4}",
        "[{time}] AUDIT ssn lookup ssn={ssn} by agent {first}",
        "{epoch} INFO  refund {ticket} amount={amount} to iban={iban}",
        "[{time}] INFO  package {version} installed, checksum {hash}",
        "sshd[{zip}]: Accepted publickey for deploy from {ip} port 52144",
        "[{time}] ERROR connect to {ipv4}:8443 refused",
        "{epoch} WARN  redirect -> {url}",
        "{ipv4} - - \"POST /login HTTP/1.1\" 401 {zip}",
        "[{time}] DEBUG routing_number={routing} validated",
    ],
    "json": [
        '{{"name": "{name}", "email": "{email}", "phone": "{phone}"}}',
        '{{"order_id": "{order}", "total": "{amount}", "created": "{date}"}}',
        '{{"card": "{card}", "exp": "09/28", "holder": "{name}"}}',
        '{{"ssn": "{ssn}", "dob": "{dob}", "zip": "{zip}"}}',
        '{{"iban": "{iban}", "bic": "COBADEFFXXX", "amount": "{amount}"}}',
        '{{"routing_number": "{routing}", "account_number": "{acct}"}}',
        '{{"ip": "{ip}", "ts": {epoch}, "session": "{uuid}"}}',
        '{{"homepage": "{url}", "version": "{version}"}}',
        '{{"tracking": "{tracking}", "shipped": "{date}", "weight": "{qty}"}}',
        '{{"card_number": "{badcard}", "status": "declined"}}',
        "{{'date_of_birth': '{dob}', 'member_since': '{date}'}}",
        '{{"contact": {{"mobile": "{phone}", "work_email": "{email}"}}}}',
        '{{"isbn": "{isbn}", "price": "{amount}"}}',
    ],
}
KIND_WEIGHTS = {"chat": 22, "call": 16, "stt": 14, "email": 16, "sms": 12, "log": 12, "json": 8}

DIGIT_WORDS = "zero one two three four five six seven eight nine".split()
SPOKEN_TYPES = {"CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "US_BANK_ROUTING_NUMBER"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class Sentence:
    kind: str
    text: str
    labels: list[tuple[str, int, int]] = field(default_factory=list)      # (type, start, end)
    negatives: list[tuple[str, int, int]] = field(default_factory=list)   # (kind, start, end)


def spoken(rng: random.Random, type_name: str, value: str) -> str:
    """How a speech-to-text engine might render a value."""
    if type_name in SPOKEN_TYPES:
        r = rng.random()
        if r < 0.2:      # digit by digit
            return " ".join(c for c in value if c.isdigit())
        if r < 0.3:      # as words
            return " ".join(DIGIT_WORDS[int(c)] for c in value if c.isdigit())
    if type_name == "EMAIL_ADDRESS" and rng.random() < 0.3:
        return value.lower().replace("@", " at ").replace(".", " dot ")
    if type_name in ("DATE", "DATE_OF_BIRTH"):
        return V.format_date(rng, *_parse_ymd(type_name, rng), written=1.0).lower().replace(",", "")
    return value.lower()


def _parse_ymd(type_name: str, rng: random.Random) -> tuple[int, int, int]:
    return V.ymd(rng, 1938, 2006) if type_name == "DATE_OF_BIRTH" else V.ymd(rng, 2015, 2027)


def render(rng: random.Random, kind: str, template: str) -> Sentence:
    out: list[str] = []
    pos = 0
    sent = Sentence(kind, "")
    last = 0
    literal = template.replace("{{", "\x00").replace("}}", "\x01")
    for m in PLACEHOLDER.finditer(literal):
        lit = literal[last:m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(lit)
        pos += len(lit)
        key = m.group(1)
        if key in LABELLED:
            type_name, gen = LABELLED[key]
            value = gen(rng)
            if kind == "stt":
                value = spoken(rng, type_name, value)
            sent.labels.append((type_name, pos, pos + len(value)))
        elif key in NEGATIVE:
            value = NEGATIVE[key](rng)
            if kind == "stt":
                value = value.lower()
            sent.negatives.append((key, pos, pos + len(value)))
        else:
            value = FILLER[key](rng)
            if kind == "stt":
                value = value.lower()
        out.append(value)
        pos += len(value)
        last = m.end()
    out.append(literal[last:].replace("\x00", "{").replace("\x01", "}"))
    sent.text = "".join(out)
    return sent


def generate(n: int = 4000, seed: int = SEED) -> list[Sentence]:
    rng = random.Random(seed)
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    corpus = []
    for _ in range(n):
        kind = rng.choices(kinds, weights)[0]
        corpus.append(render(rng, kind, rng.choice(TEMPLATES[kind])))
    return corpus
