"""Table-driven tests of addresses written in scripts without Latin letters (Arabic,
Persian, Hebrew, Thai, Bengali, Devanagari, Georgian, Armenian, Kazakh Cyrillic): street
lines with the house number before or after, house and unit words, postal codes by their
country's shape in ASCII or the script's own digits, divisions, towns and countries, on one
line and as blocks of lines; near misses that must stay unredacted (sentences with a
number, a street word alone, phone numbers, dates)."""
from __future__ import annotations

import pytest

from redactd import core
from redactd.core import _scan
from redactd.core.detect import Detection
from tests.reference import reference_scan


def addresses(text: str) -> list[str]:
    return [e.text for e in core.find_entities(text, Detection.create()) if e.type == "ADDRESS"]


# (country, text, the address it holds)
SCRIPT_ADDRESSES = [
    ("EG", "Send to: 15 شارع طلعت حرب, وسط البلد, القاهرة 11511", "15 شارع طلعت حرب, وسط البلد, القاهرة 11511"),
    ("EG", "26 شارع النيل\nالزمالك\nالقاهرة\n11211\nمصر", "26 شارع النيل\nالزمالك\nالقاهرة\n11211\nمصر"),
    ("EG", "العنوان: ١٢ شارع الجمهورية، المنصورة ٣٥٥١١", "١٢ شارع الجمهورية، المنصورة ٣٥٥١١"),
    ("SA", "طريق الملك فهد 3456, حي العليا, الرياض 12211", "طريق الملك فهد 3456, حي العليا, الرياض 12211"),
    ("SA", "Address: 7 ساحة الملك عبدالله\nجدة 21577\nSaudi Arabia", "7 ساحة الملك عبدالله\nجدة 21577\nSaudi Arabia"),
    ("AE", "12 شارع الشيخ زايد, دبي, United Arab Emirates", "12 شارع الشيخ زايد, دبي, United Arab Emirates"),
    ("AE", "Ship to:\n40 طريق الكورنيش\nأبوظبي\nUnited Arab Emirates", "40 طريق الكورنيش\nأبوظبي\nUnited Arab Emirates"),
    ("JO", "45 شارع الجاردنز, عمان 11181, Jordan", "45 شارع الجاردنز, عمان 11181, Jordan"),
    ("JO", "شارع الرينبو 8\nعمان 11183\nالأردن", "شارع الرينبو 8\nعمان 11183\nالأردن"),
    ("MA", "12 زنقة الحرية, 20250 الدار البيضاء", "12 زنقة الحرية, 20250 الدار البيضاء"),
    ("MA", "شارع محمد الخامس 33\n10000 الرباط\nMorocco", "شارع محمد الخامس 33\n10000 الرباط\nMorocco"),
    ("TN", "نهج الحبيب بورقيبة 15, 1001 تونس", "نهج الحبيب بورقيبة 15, 1001 تونس"),
    ("TN", "Deliver to 3 نهج جمال عبد الناصر\n3000 صفاقس please", "3 نهج جمال عبد الناصر\n3000 صفاقس"),
    ("IR", "استان تهران، تهران، خیابان ولیعصر، پلاک ۱۲", "استان تهران، تهران، خیابان ولیعصر، پلاک ۱۲"),
    ("IR", "Ship to:\nاستان اصفهان\nکاشان\nکوچه نرگس 7\n87159-88141",
     "استان اصفهان\nکاشان\nکوچه نرگس 7\n87159-88141"),
    ("IR", "بلوار کشاورز 210, 14167-53955, Iran", "بلوار کشاورز 210, 14167-53955, Iran"),
    ("IR", "آدرس: تهران، خیابان ولیعصر، کوچه نرگس، پلاک ۱۲، کدپستی ۱۴۳۴۸۶۳۱۱۱",
     "تهران، خیابان ولیعصر، کوچه نرگس، پلاک ۱۲، کدپستی ۱۴۳۴۸۶۳۱۱۱"),
    ("IR", "ایران، اصفهان، خیابان چهارباغ، پلاک 5", "ایران، اصفهان، خیابان چهارباغ، پلاک 5"),
    ("IL", "רחוב הרצל 12, תל אביב 6100000", "רחוב הרצל 12, תל אביב 6100000"),
    ("IL", "רח׳ ביאליק 3\nרמת גן 5252003\nישראל", "רח׳ ביאליק 3\nרמת גן 5252003\nישראל"),
    ("IL", "שדרות רוטשילד 20, תל-אביב 6688101, Israel", "שדרות רוטשילד 20, תל-אביב 6688101, Israel"),
    ("TH", "99/12 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110",
     "99/12 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110"),
    ("TH", "บ้านเลขที่ 5 หมู่ 3 ตำบลบ้านใหม่\nอำเภอเมือง\nจังหวัดเชียงใหม่ 50000",
     "บ้านเลขที่ 5 หมู่ 3 ตำบลบ้านใหม่\nอำเภอเมือง\nจังหวัดเชียงใหม่ 50000"),
    ("TH", "เลขที่ 7 ซ.รามคำแหง 24\nอำเภอเมือง\nจังหวัดขอนแก่น 40000", "เลขที่ 7 ซ.รามคำแหง 24\nอำเภอเมือง\nจังหวัดขอนแก่น 40000"),
    ("TH", "14 ซอยอารีย์ 5, พญาไท, กรุงเทพมหานคร ๑๐๔๐๐, Thailand",
     "14 ซอยอารีย์ 5, พญาไท, กรุงเทพมหานคร ๑๐๔๐๐, Thailand"),
    ("BD", "বাড়ি নং ১২, রোড নং ৫, ধানমন্ডি, ঢাকা - ১২০৫", "বাড়ি নং ১২, রোড নং ৫, ধানমন্ডি, ঢাকা - ১২০৫"),
    ("BD", "মিরপুর রোড 7\nঢাকা - 1207\nবাংলাদেশ", "মিরপুর রোড 7\nঢাকা - 1207\nবাংলাদেশ"),
    ("NP", "ठमेल मार्ग, काठमाडौं 44600, Nepal", "ठमेल मार्ग, काठमाडौं 44600, Nepal"),
    ("NP", "घर नं ४२, पुतली सडक\nकाठमाडौं ४४६००", "घर नं ४२, पुतली सडक\nकाठमाडौं ४४६००"),
    ("IN", "मकान नं 12, गांधी मार्ग, जयपुर 302001", "मकान नं 12, गांधी मार्ग, जयपुर 302001"),
    ("GE", "რუსთაველის გამზ. 12, 0108 თბილისი, Georgia", "რუსთაველის გამზ. 12, 0108 თბილისი, Georgia"),
    ("GE", "ჭავჭავაძის ქუჩა 5\n6000 ბათუმი\nსაქართველო", "ჭავჭავაძის ქუჩა 5\n6000 ბათუმი\nსაქართველო"),
    ("AM", "Աբովյան փող. 12, 0001 Երևան", "Աբովյան փող. 12, 0001 Երևան"),
    ("AM", "Տերյան 85\n0009\nԵրևան\nArmenia", "Տերյան 85\n0009\nԵրևան\nArmenia"),
    ("KZ", "Абай даңғылы 150, 050000 Алматы", "Абай даңғылы 150, 050000 Алматы"),
    ("KZ", "Алматы облысы, Қонаев қаласы, Наурыз көшесі 5", "Алматы облысы, Қонаев қаласы, Наурыз көшесі 5"),
    ("KZ", "010000\nАстана\nкөшесі Сарайшық 7\nKazakhstan", "010000\nАстана\nкөшесі Сарайшық 7\nKazakhstan"),
    ("KZ", "Мекенжай: Самал ықшамауданы 12, Алматы 050059", "Самал ықшамауданы 12, Алматы 050059"),
    ("KZ", "Астана қ., Қабанбай батыр даңғылы, 150 үй", "Астана қ., Қабанбай батыр даңғылы, 150 үй"),
    ("IL", "רחוב יפו 97, ירושלים, מיקוד 9434008", "רחוב יפו 97, ירושלים, מיקוד 9434008"),
]


@pytest.mark.parametrize("country, text, address", SCRIPT_ADDRESSES,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(SCRIPT_ADDRESSES)])
def test_script_address(country, text, address):
    assert addresses(text) == [address]


# things that must not be read as an address
SCRIPT_NEAR_MISSES = [
    "قال إنه سيأتي غدا في الساعة 5",             # an Arabic sentence with a number
    "اشتريت 3 كتب من المكتبة",
    "ฉันมีแมว 3 ตัว และสุนัข 2 ตัว",               # Thai
    "יש לי 3 חתולים בבית",                        # Hebrew
    "۱۲ کتاب خریدم",                               # Persian
    "আমার ৩টি বই আছে",                             # Bengali
    "मेरे पास 5 किताबें हैं",                         # Hindi
    "მე ვცხოვრობ თბილისში 5 წელია",                # Georgian
    "Ես ունեմ 3 գիրք",                              # Armenian
    "Менің 3 кітабым бар",                          # Kazakh
    "شارع", "ถนน", "ქუჩა", "көшесі", "רחוב",       # a street word alone
    "شارع الحرية",                                  # a street's name alone
    "الرمز البريدي 12345",                          # a postal code alone
    "94531-26947",
    "اتصل بي على 0501234567",                       # phone numbers
    "טלפון 050-1234567",
    "Date: 12 مارس 2024",                           # dates
    "৭ ডিসেম্বর, ১৯৬৫",
    "Signed on 7 ডিসে, 1965",
    "Delivered 2 ม.ค. 1995 at the front desk",
    "Ленина 5, 101000",                             # Russian: not this part's to read
    "القاهرة، مدينة جميلة",                          # a town and words
    "وقال القاهرة، 5 أيام",                          # a town, a number next to a word
    "كتبت 12 رسالة، 4500",                           # a number next to a word, a number
    "في 3 أيام، 12000 دولار",
    "عام 2020، 5000 شخص",
    "ใน 3 วัน, 12000 บาท",
    "มกราคม 2567",                                  # a month and a year (Thai)
    "Ушла 1 мая, Москва",
    "محمد علي",                                     # a name
]


@pytest.mark.parametrize("text", SCRIPT_NEAR_MISSES)
def test_script_near_miss(text):
    assert addresses(text) == []


def test_phone_after_address_stays_a_phone():
    text = "12 شارع النصر, القاهرة 11511\nهاتف: +20 2 2345 6789"
    found = [(e.type, e.text) for e in core.find_entities(text, Detection.create())]
    assert ("ADDRESS", "12 شارع النصر, القاهرة 11511") in found
    assert ("PHONE_NUMBER", "+20 2 2345 6789") in found


def test_iranian_postcode_is_no_phone_inside_an_address():
    text = "استان فارس، شیراز، کوی نصر 1345، 71946-19395"
    found = [(e.type, e.text) for e in core.find_entities(text, Detection.create())]
    assert found == [("ADDRESS", text)]


def test_date_after_address_is_not_part_of_it():
    text = "12 شارع النصر، القاهرة 11511، 2024-05-01"
    assert addresses(text) == ["12 شارع النصر، القاهرة 11511"]


def test_joiners_inside_words():
    # ZWJ / ZWNJ inside a word do not split it, and no address starts after one
    assert addresses("श्रेष्\u200dठ गल्ली\nइलाम 43681") == ["श्रेष्\u200dठ गल्ली\nइलाम 43681"]
    assert addresses("کوچه سراب\u200cباغ 12") == ["کوچه سراب\u200cباغ 12"]


@pytest.mark.parametrize("text", [t for _, t, _ in SCRIPT_ADDRESSES] + SCRIPT_NEAR_MISSES)
def test_compiled_equals_reference(text):
    got = [s[:3] for s in _scan.scan(text)[0]]
    assert got == [s[:3] for s in reference_scan(text)]
