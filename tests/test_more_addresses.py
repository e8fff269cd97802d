"""Table-driven tests of the addresses of more Latin-script countries: the street, road and
locality words of Vietnamese, Hungarian, Estonian, Indian English, Zulu, Xhosa, Afrikaans,
Filipino and Colombian Spanish (core/data/address_words.txt, its own section); street lines
without a street type anchored by the block's postal code across town and region lines;
streets that start with a preposition and end in a lower-case word ("Nad lomom 5"); near
misses that must stay unredacted, and phones and dates next to an address."""
from __future__ import annotations

import pytest

from redactd import core


def found(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in core.find_entities(text)]


def addresses(text: str) -> list[str]:
    return [t for kind, t in found(text) if kind == "ADDRESS"]


# (country, text, the address it holds)
MORE = [
    # Vietnamese street words before the name, letters of Latin Extended Additional
    ("VN", "Phố Hàng Bạc 25, Hà Nội 100000, Vietnam", "Phố Hàng Bạc 25, Hà Nội 100000, Vietnam"),
    ("VN", "Gửi: 25 Phố Hàng Bạc\nHà Nội 100000\nVietnam", "25 Phố Hàng Bạc\nHà Nội 100000\nVietnam"),
    ("VN", "Đường Lê Lợi 5, Huế 530000", "Đường Lê Lợi 5, Huế 530000"),
    # Vietnamese: an area and its number before the street ("Khu 3"), no street type, words
    # before the town ("thành phố", "TP."); names with accents are no English stop or common words
    ("VN", "18 Khu 3 Trần Hưng Đạo\nthành phố Nam Định\nNam Định 420000",
     "18 Khu 3 Trần Hưng Đạo\nthành phố Nam Định\nNam Định 420000"),
    ("VN", "52 Lê Văn Hưu\nTP. Hà Nội 100000\nVietnam", "52 Lê Văn Hưu\nTP. Hà Nội 100000\nVietnam"),
    # Estonian types after the name: tee, maantee (mnt), tänav
    ("EE", "Pärnu maantee 10, 10148 Tallinn, Estonia", "Pärnu maantee 10, 10148 Tallinn, Estonia"),
    ("EE", "Tartu mnt 2\n10145 Tallinn", "Tartu mnt 2\n10145 Tallinn"),
    ("EE", "Kalda tee 30, 10127 Tallinn", "Kalda tee 30, 10127 Tallinn"),
    # South Africa: Zulu and Xhosa road words, Afrikaans "rylaan"; a four-digit code alone
    ("ZA", "15 Nelson Mandela Indlela, Durban, 4001", "15 Nelson Mandela Indlela, Durban, 4001"),
    ("ZA", "27 Jorissen Rylaan\nBraamfontein\n2001\nSouth Africa",
     "27 Jorissen Rylaan\nBraamfontein\n2001\nSouth Africa"),
    ("ZA", "8 Pixley Umgwaqo, Soweto, 1804", "8 Pixley Umgwaqo, Soweto, 1804"),
    # Hungarian short types after the name: köz, sor
    ("HU", "Rózsa köz 3, 1074 Budapest", "Rózsa köz 3, 1074 Budapest"),
    ("HU", "Gyöngyvirág sor 12\n8000 Székesfehérvár", "Gyöngyvirág sor 12\n8000 Székesfehérvár"),
    # a lower-case word before a type written after the name ("fejedelem": prince)
    ("HU", "Árpád fejedelem útja 12, 1036 Budapest", "Árpád fejedelem útja 12, 1036 Budapest"),
    # India: Nagar, Marg, Chowk after a name; six-digit PINs after the town
    ("IN", "12 Gandhi Nagar, Jaipur 302015, Rajasthan", "12 Gandhi Nagar, Jaipur 302015, Rajasthan"),
    ("IN", "45 Tilak Marg\nNew Delhi 110001", "45 Tilak Marg\nNew Delhi 110001"),
    ("IN", "7 Chandni Chowk, Delhi 110006", "7 Chandni Chowk, Delhi 110006"),
    # streets that start with a preposition and end in a lower-case word, anchored by the code
    ("SK", "Nad lomom 5\n040 01 Košice\nSlovakia", "Nad lomom 5\n040 01 Košice\nSlovakia"),
    ("SI", "Ob potoku 14, 3000 Celje", "Ob potoku 14, 3000 Celje"),
    ("SI", "Knafljev prehod 58, SI-1000 Ljubljana", "Knafljev prehod 58, SI-1000 Ljubljana"),
    # no street type: the postal code after one or two town lines anchors the line
    ("BE", "14 Kloosterhof\n3500 Hasselt\nBelgium", "14 Kloosterhof\n3500 Hasselt\nBelgium"),
    ("IN", "Flat 3, Mohan Heights 21, Pune 411001", "Mohan Heights 21, Pune 411001"),
    ("NO", "Storgata 14, Tromsø, 9008", "Storgata 14, Tromsø, 9008"),
    # a town or region line right after the postal code, ending the block
    ("AR", "Av. Belgrano N° 1200\nC1093AAS Buenos Aires\nCiudad Autónoma",
     "Av. Belgrano N° 1200\nC1093AAS Buenos Aires\nCiudad Autónoma"),
    ("CL", "Avenida Prat 512, 1100000 Iquique, Tarapacá", "Avenida Prat 512, 1100000 Iquique, Tarapacá"),
    # the town before the street line (Hungarian order), a town no list has: the code anchors
    ("HU", "Szarvasgede\nPetőfi Sándor utca 7\n3051\nHungary", "Szarvasgede\nPetőfi Sándor utca 7\n3051\nHungary"),
    ("HU", "Tiszakécske, Kossuth köz 5, 6060", "Tiszakécske, Kossuth köz 5, 6060"),
    # Russian and Ukrainian: a type after the name, an apostrophe in a town, a word before a
    # town ("місто", "село"), a street's ordinal ("1-я"), an initial in the name
    ("UA", "вул. Бориспільське шосе 12\nКиїв\n02000\nUkraine", "вул. Бориспільське шосе 12\nКиїв\n02000\nUkraine"),
    ("UA", "вул. Шевченка 10, Кам'янець-Подільський, Хмельницька область, 32300",
     "вул. Шевченка 10, Кам'янець-Подільський, Хмельницька область, 32300"),
    ("UA", "вул. Миру 3, село Ракитне, Київська область, 09600", "вул. Миру 3, село Ракитне, Київська область, 09600"),
    ("RU", "ул. Парковая 2-я 15\nИжевск\n426000", "ул. Парковая 2-я 15\nИжевск\n426000"),
    ("RU", "ул. Горького А. 7, Казань, 420111", "ул. Горького А. 7, Казань, 420111"),
    # Colombia: a diagonal and its cross street; Filipino "kalye"
    ("CO", "Diagonal 46 # 5-1 Sur, Bogotá", "Diagonal 46 # 5-1 Sur, Bogotá"),
    ("PH", "Kalye Mabini 12, Manila 1000", "Kalye Mabini 12, Manila 1000"),
]


@pytest.mark.parametrize("country,text,address", MORE, ids=[f"{c}-{k}" for k, (c, _, _) in enumerate(MORE)])
def test_more_addresses(country, text, address):
    assert addresses(text) == [address]


# texts with no address: a capitalised word and a number, a town and a year or a code
NEAR_MISSES = [
    "Level 2 of the game",
    "Na zdraví 5 lidí, Praha",
    "Vietnam 2024 was great",
    "Room 12",
    "Meeting at 5, Berlin, 2024",
    "I have 3 Kids, Berlin, 2024",
    "Chapter 12, London, 2019",
    "See page 4, Oxford, 1999",
    "the path 12, Jaipur",
    "Sector 5, Berlin",
    "Tee time 9, Golf",
    "Call me at 5, Paris, 75001",
    "We met in Durban, 2019",
    "Tallinn 10148 is a code",
    "ул. 1-я очередь",
    "52 Lê Văn Hưu",
    "Nguyễn Thị Lan, 1990",
    "18 Khu 3 Trần Hưng Đạo đẹp",
    "The red one utca 5",
    "Paris is nice 5 times",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_more_near_misses(text):
    assert addresses(text) == []


# lines that stay out of the block: an unlisted town without a postal code after the
# street, a signature line after the code
KEPT_OUT = [
    ("Szarvasgede\nPetőfi Sándor utca 7\nthanks", ["Petőfi Sándor utca 7"]),
    ("Berliner Straße 12\n10117 Berlin\nJohn Smith", ["Berliner Straße 12\n10117 Berlin"]),
    ("Szarvasgede, Petőfi Sándor utca 7", ["Petőfi Sándor utca 7"]),
]


@pytest.mark.parametrize("text,want", KEPT_OUT)
def test_lines_kept_out_of_the_block(text, want):
    assert addresses(text) == want


# an address next to a phone number or a date keeps to its own parts
NEIGHBOURS = [
    ("Tilak Marg 45, New Delhi 110001, tel. +91 11 2345 6789", "Tilak Marg 45, New Delhi 110001",
     ("PHONE_NUMBER", "+91 11 2345 6789")),
    ("Rózsa köz 3, 1074 Budapest, 2024-05-01", "Rózsa köz 3, 1074 Budapest", ("DATE", "2024-05-01")),
    ("Kalda tee 30, 10127 Tallinn, 15.03.2024", "Kalda tee 30, 10127 Tallinn", ("DATE", "15.03.2024")),
]


@pytest.mark.parametrize("text,address,other", NEIGHBOURS)
def test_address_next_to_phone_or_date(text, address, other):
    spans = found(text)
    assert ("ADDRESS", address) in spans
    assert other in spans
