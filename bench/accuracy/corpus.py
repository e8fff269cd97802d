"""A seeded, labelled corpus: sentences of several kinds with character-span labels.

Templates are written as people write (chat, call-centre turns, speech-to-text
transcripts, emails, SMS, log lines, JSON-ish records); placeholders in braces
are filled with fresh seeded values from `bench.accuracy.values`:

  labelled PII   {card} {ssn} {phone} {phonext} (with its extension) {email} {iban} {routing} {ip} {ipv4} {ipv6} {url} {date} {dob}
                 {acct} (only after account context: "checking account", "account_number")
                 names {name} {first} {last} {wfirst} {wname} (titles are filler, outside the span)
                 addresses {address} {usaddr} {pobox} {miladdr} {ukaddr} {caaddr} {maddr} {spaddr}
                 places {city} {state} {country} {place}; organisations {org} {bank}
                 {domain} {passport} {dl} {holiday}; said aloud: {sphone} {scard} {sssn}
  hard negatives {order} {amount} {version} {badcard} {time} {tracking} {ticket} {uuid}
                 {hash} {zip} {qty} {epoch} {isbn} {badssn} {digits} {short}
                 {filename} {product} {weekday} {month} {mrdot}
                 and literal ones written {-kind:text}, e.g. "{-capword:Will} you ..."
  filler         {title}

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
    "phonext": ("PHONE_NUMBER", V.phone_with_extension),
    "email": ("EMAIL_ADDRESS", V.email), "iban": ("IBAN", V.iban),
    "routing": ("US_BANK_ROUTING_NUMBER", V.routing), "ip": ("IP_ADDRESS", V.ip),
    "ipv4": ("IP_ADDRESS", V.ipv4), "ipv6": ("IP_ADDRESS", V.ipv6), "url": ("URL", V.url),
    "date": ("DATE", V.date), "dob": ("DATE_OF_BIRTH", V.dob),
    # types added with the name/place/ID detectors
    "acct": ("US_BANK_ACCOUNT_NUMBER", V.bank_account),
    "name": ("PERSON_NAME", V.person_name), "first": ("PERSON_NAME", V.first_name),
    "last": ("PERSON_NAME", V.surname), "wfirst": ("PERSON_NAME", V.wordy_first),
    "wname": ("PERSON_NAME", lambda rng: f"{V.wordy_first(rng)} {V.surname(rng)}"),
    "address": ("ADDRESS", V.address), "usaddr": ("ADDRESS", V.us_address),
    "pobox": ("ADDRESS", V.po_box), "miladdr": ("ADDRESS", V.military_address),
    "ukaddr": ("ADDRESS", V.uk_address), "caaddr": ("ADDRESS", V.ca_address),
    "maddr": ("ADDRESS", V.multiline_address), "spaddr": ("ADDRESS", V.spoken_address),
    "city": ("LOCATION", V.city), "state": ("LOCATION", V.state),
    "country": ("LOCATION", V.country), "place": ("LOCATION", V.location),
    "org": ("ORGANIZATION", V.organization), "bank": ("ORGANIZATION", V.bank),
    "domain": ("DOMAIN_NAME", V.domain), "passport": ("PASSPORT_NUMBER", V.passport),
    "dl": ("US_DRIVERS_LICENSE", V.drivers_license), "holiday": ("DATE", V.holiday),
    "sphone": ("PHONE_NUMBER", V.spoken_phone), "scard": ("CREDIT_CARD_NUMBER", V.spoken_card),
    "sssn": ("SSN", V.spoken_ssn),
}
# generated already as said aloud: rendered as they are in every kind
PRESPOKEN = frozenset({"sphone", "scard", "sssn", "spaddr"})
NEGATIVE = {
    "order": V.order_number, "amount": V.amount, "version": V.version, "badcard": V.bad_card,
    "time": V.time_of_day, "tracking": V.tracking_id, "ticket": V.ticket, "uuid": V.uuid,
    "hash": V.hex_hash, "zip": V.zip_code, "qty": V.quantity, "epoch": V.epoch, "isbn": V.isbn,
    "badssn": V.bad_ssn, "digits": V.digit_run, "short": V.short_code,
    "filename": V.filename, "product": V.product, "weekday": V.weekday, "month": V.month,
    "mrdot": V.mr_dot,
}
FILLER = {"title": V.title}

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
        "Best number is {phonext}, ask for {first}.",
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
        "my name is {first} and I never got the confirmation email",
        "Hi, this is {name}. I placed order {order} last week and nothing yet",
        "I live in {city} now, can you update my profile?",
        "We're moving to {state} next month, does my plan still work there?",
        "the package was shipped from {country} and it's been stuck in customs since {date}",
        "Please ship it to {address}.",
        "My new address is {address}, effective {date}.",
        "my son is deployed, send it to {miladdr} please",
        "I bank with {bank} and they say the transfer left on {date}",
        "I work at {org} and need the invoice in the company's name",
        "go to {domain} and click 'forgot password'",
        "is {domain} your real site or a phishing one??",
        "My passport number is {passport}, it expires next year.",
        "driver's license {dl}, issued in {state}",
        "my checking account is {acct} at {bank}",
        "We'll be away over {holiday}, can the delivery wait?",
        "can you deliver by {holiday}?",
        "we're closed {holiday} weekend, back {weekday}",
        "{first} here, my flight from {city} got cancelled, can I rebook?",
        "I'm {name} from {org}, we spoke on {date}.",
        "my name is {wfirst}, I called earlier about the refund",
        "ok so send it to my office: {usaddr}",
        "Is {org} still your payment processor? I got an email from {domain}",
        "Can you transfer me to {title} {last}? She handled my case.",
        "I used to live in {country} so my old number was {phone}",
        "passport no. {passport} — is that enough for the ID check?",
        "My DL# is {dl} and DOB {dob}.",
        "account number {acct}, routing {routing}, at {bank}",
        "we just moved from {city} to {city} lol",
        "Happy {holiday}! Any deals running?",
        "Mail it to {pobox}, I don't get packages at home",
        "{-capword:Will} you send me a copy of the receipt?",
        "{-capword:May} I ask why I was charged {amount}?",
        "{-capword:Mark} the box if you want paper statements.",
        "{-capword:Bill} me later please, I'm short this month.",
        "{-capword:Grant} access to the shared folder when you get a chance",
        "{-capword:Chase} the lead from yesterday's webinar, it looked promising",
        "{-capword:Apple} pie for the office party? I'll bring it {weekday}",
        "{-capword:Reading} is fun but not a forty-page manual",
        "{-capword:Hope} this helps! Let me know about order {order}.",
        "the parade goes down {-street:Main Street} every year, roads are closed",
        "my {product} keeps restarting since the update",
        "We stayed at a {-numword:5 Star Hotel} and the card still got declined",
        "I had {-numword:3 Main points} to raise, see {filename}",
        "just rewatched {-numword:12 Monkeys}, such a good movie",
        "pick something cheap, {-abbrev:e.g.} the blue one",
        "{mrdot}{last} said he'd call back after lunch",
        "our {month} statement looks wrong, can you check?",
        "run python {-filename:setup.py} install and it should work",
        "see {filename} for the steps, {-abbrev:i.e.} the second section",
        "the {-street:Oak Street} entrance is closed for repairs",
        "{-capword:Summer} sale ends {weekday}, grab the {product} while it's cheap",
        "{-capword:Frank} feedback: the {month} redesign is confusing",
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
        "Agent: Can I get your full name? Caller: It's {name}.",
        "Agent: Thank you for calling {org}, this is {first} speaking. How can I help?",
        "Caller: Hi, this is {first}, I'm calling about order {order}.",
        "Agent: And the address on the account? Caller: {address}.",
        "Agent: What city are you calling from? Caller: {city}.",
        "Caller: My number is {sphone}. Agent: Thank you.",
        "Caller: The card number is {scard}. Agent: And the expiry?",
        "Agent: Last thing, your social? Caller: It's {sssn}.",
        "Agent: Can I have your driver's license number? Caller: Sure, {dl}.",
        "Agent: And your passport number? Caller: {passport}.",
        "Caller: It's my checking account, number {acct}. Agent: One moment.",
        "Agent: We're closed on {holiday}, but we open again the day after.",
        "Agent: Is your mailing address still {address}? Caller: No, I moved to {state}.",
        "Caller: I bank with {bank}. Agent: Thanks, {title} {last}, one moment.",
        "Agent: Dr. {last}'s office faxed the referral on {date}.",
        "Caller: Yeah, my name is {wfirst}. Agent: Thanks, {wfirst}.",
        "Agent: Could you spell the website? Caller: It's {domain}.",
        "Caller: I'm traveling to {country} on {date}, will my card work there?",
        "Agent: This call may be recorded. Caller: Fine. My phone is {sphone}, by the way.",
        "Agent: {-capword:May} I place you on a brief hold? Caller: Sure.",
        "Caller: {-capword:Will} the refund show up by {weekday}?",
        "Agent: {-capword:Mark} it as resolved? Caller: Yes please.",
        "Caller: My {product} won't pair. Agent: Let me check, one moment.",
        "Agent: Is that on {-street:Main Street}? Caller: No, the other side of town.",
        "Agent: {-capword:Will} that be all today? Caller: Yes, thanks.",
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
        "yeah my name is {name}",
        "hi this is {first} speaking",
        "i live at {spaddr}",
        "i live in {city}",
        "we're moving to {state} in the spring",
        "my phone number is {sphone}",
        "okay the card number is {scard}",
        "social security number {sssn}",
        "i bank with {bank}",
        "my account number is {acct}",
        "passport number {passport}",
        "my driver's license is {dl}",
        "we'll be traveling over {holiday}",
        "just go to {domain}",
        "can i speak to {first} please",
        "i work at {org} so the address is {spaddr}",
        "my name is {wname}",
        "the callback number is {sphone} and my name is {name}",
        "uh it was shipped from {country} i think",
        "yeah so my number is {phone}",
        "{-capword:will} you be able to help me today",
        "{-capword:may} i ask who's calling",
        "{-capword:bill} me later is that an option",
        "it's on {-street:main street} near the bank",
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
        "Dear {title} {last},\nThank you for contacting {org} - your case number is {ticket}.",
        "Hi {first},\nYour order will ship to:\n{maddr}\nBest,\n{name}",
        "From: {name} <{email}>\nTo: {name} <{email}>\nSubject: Re: invoice {order}",
        "{name}\nAccount Manager, {org}\n{maddr}\nPhone: {phone}",
        "Please mail the signed form to {pobox}.",
        "Our office has moved to {address}, effective {date}.",
        "The applicant, {name}, holds passport number {passport} and driver's license {dl}.",
        "We will be closed for {holiday}; orders placed after {date} ship the following week.",
        "Your domain {domain} is due for renewal on {date}.",
        "Direct deposit: {bank}, routing {routing}, checking account {acct}.",
        "I'm writing on behalf of {org} in {city} about the overdue balance of {amount}.",
        "Dear {wname},\nWelcome to {org}!",
        "Return address: {ukaddr}",
        "Please send correspondence to {caaddr}.",
        "Hi {first} and {first},\nSee you both on {holiday}!",
        "Attached: {filename} and {filename}.",
        "Please review {filename} before our {weekday} meeting.",
        "{-capword:Will} you be joining us on {weekday}?",
        "The {month} newsletter is attached as {filename}.",
        "{-capword:Grant} access to the shared drive for the new hire, please.",
        "{-capword:May} we remind you that invoices are due on the first {weekday} of each month.",
        "Meeting notes are in {filename}; the {month} figures are final.",
        "The {-numword:3 Main points} from today: budget, hiring and travel.",
        "Your {product} order {order} has shipped and should arrive within {qty}.",
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
        "Card {card} charged {amount} at {org}",
        "Fraud alert: was {amount} at {time} you? Reply Y/N. Questions: {short}",
        "here's my IBAN {iban} for the rent",
        "Hi {first}, your {org} appointment is {date} at {time}.",
        "Driver is 5 min away. Pickup: {address}",
        "Your package shipped from {country}. Track at {domain}",
        "{first}: running late, stuck in traffic near {city}",
        "Happy {holiday}!! 🎉",
        "{bank} alert: debit of {amount} from checking account {acct}.",
        "Reminder from Dr. {last}'s office: appt {date} at {time}",
        "we land in {city} at {time}, {first} is picking us up",
        "Delivered to {address} at {time}",
        "{-capword:Bill} me later is now available at checkout!",
        "{month} promo: 20% off every {product}",
        "Meet at the {-street:Main Street} cafe?",
        "{-capword:Grant} applications close {weekday}, don't forget!",
        "Your {product} is ready for pickup, order {order}",
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
        "[{time}] INFO  dns lookup {domain} -> {ipv4}",
        "[{time}] WARN  tls cert for {domain} expires in {qty}",
        "{epoch} INFO  address updated user_id={digits} addr=\"{address}\"",
        "{epoch} INFO  geoip ip={ipv4} city=\"{city}\" country=\"{country}\"",
        "[{time}] AUDIT kyc passport={passport} dl={dl} result=verified",
        "[{time}] INFO  ach debit acct={acct} routing={routing}",
        "[{time}] INFO  customer name=\"{name}\" order={order}",
        "[{time}] INFO  org=\"{org}\" plan=enterprise seats={qty}",
        "[{time}] INFO  scheduler: no payouts on {holiday}, next run {date}",
        "{epoch} WARN  smtp relay {domain} rejected mail for {email}",
        "[{time}] DEBUG loaded {filename} in {qty}",
        "[{time}] INFO  batch {digits} committed",
        "{epoch} INFO  export {digits} written to {filename}",
        "[{time}] INFO  rendered {filename} ({qty})",
        "{epoch} INFO  user agent: {product} app {version}",
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
        '{{"first_name": "{first}", "last_name": "{last}", "email": "{email}"}}',
        '{{"name": "{name}", "address": "{address}"}}',
        '{{"city": "{city}", "state": "{state}", "country": "{country}"}}',
        '{{"employer": "{org}", "bank": "{bank}", "account_number": "{acct}"}}',
        '{{"passport_number": "{passport}", "nationality": "{country}", "expires": "{date}"}}',
        '{{"drivers_license": "{dl}", "issuing_state": "{state}"}}',
        '{{"website": "{domain}", "company": "{org}"}}',
        '{{"holiday": "{holiday}", "office_closed": true}}',
        '{{"shipping": {{"name": "{name}", "street": "{address}"}}}}',
        '{{"file": "{filename}", "size": "{qty}"}}',
        '{{"batch": "{digits}", "day": "{weekday}"}}',
        '{{"product": "{product}", "sku": "{order}", "release_month": "{month}"}}',
        '{{"status": "ok", "version": "{version}", "build": "{hash}", "artifact": "{filename}"}}',
    ],
}
KIND_WEIGHTS = {"chat": 22, "call": 16, "stt": 14, "email": 16, "sms": 12, "log": 12, "json": 8}

DIGIT_WORDS = V.DIGIT_WORDS
SPOKEN_TYPES = {"CREDIT_CARD_NUMBER", "SSN", "PHONE_NUMBER", "US_BANK_ROUTING_NUMBER",
                "US_BANK_ACCOUNT_NUMBER"}
# {key} is a generated value; {-kind:text} is literal text marked as a hard negative of that kind
PLACEHOLDER = re.compile(r"\{(\w+)\}|\{-(\w+):([^{}]+)\}")


@dataclass
class Sentence:
    kind: str
    text: str
    labels: list[tuple[str, int, int]] = field(default_factory=list)      # (type, start, end)
    negatives: list[tuple[str, int, int]] = field(default_factory=list)   # (kind, start, end)


def spoken(rng: random.Random, key: str, type_name: str, value: str) -> str:
    """How a speech-to-text engine might render a value."""
    if key in PRESPOKEN:
        return value
    if type_name in SPOKEN_TYPES:
        r = rng.random()
        if r < 0.2:      # digit by digit ("plus" kept, so an international number stays valid)
            return V.spell_number(rng, value, "digits")
        if r < 0.3:      # as words ("oh", "double", "triple"), or groups of digits and of words
            return V.spell_number(rng, value, rng.choice(["words", "words", "mixed"]))
    if type_name in ("EMAIL_ADDRESS", "DOMAIN_NAME") and rng.random() < 0.3:
        return value.lower().replace("@", " at ").replace(".", " dot ")
    if type_name in ("DATE", "DATE_OF_BIRTH") and key in ("date", "dob"):
        return V.format_date(rng, *_parse_ymd(type_name, rng), written=1.0).lower().replace(",", "")
    if type_name == "ADDRESS":
        return value.lower().replace(",", "").replace("\n", " ")
    return value.lower()


def _parse_ymd(type_name: str, rng: random.Random) -> tuple[int, int, int]:
    return V.ymd(rng, 1938, 2006) if type_name == "DATE_OF_BIRTH" else V.ymd(rng, 2015, 2027)


def render(rng: random.Random, kind: str, template: str) -> Sentence:
    out: list[str] = []
    pos = 0
    sent = Sentence(kind, "")
    made: list[str] = []   # every labelled or negative value, for the self-check below
    last = 0
    literal = template.replace("{{", "\x00").replace("}}", "\x01")
    for m in PLACEHOLDER.finditer(literal):
        lit = literal[last:m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(lit)
        pos += len(lit)
        key = m.group(1)
        if key is None:
            value = m.group(3)
            sent.negatives.append((m.group(2), pos, pos + len(value)))
        elif key in LABELLED:
            type_name, gen = LABELLED[key]
            value = gen(rng)
            if kind == "stt":
                value = spoken(rng, key, type_name, value)
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
        if key is None or key in LABELLED or key in NEGATIVE:
            made.append(value)
        out.append(value)
        pos += len(value)
        last = m.end()
    out.append(literal[last:].replace("\x00", "{").replace("\x01", "}"))
    sent.text = "".join(out)
    spans = sorted(sent.labels + sent.negatives, key=lambda s: s[1])
    if [sent.text[a:b] for _, a, b in spans] != made:
        raise AssertionError(f"span offsets do not match the generated values in {sent.text!r}")
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
