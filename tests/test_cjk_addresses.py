"""Table-driven tests of addresses written in Chinese, Japanese and Korean: chunks of a
name and its unit, biggest first (province, city, district, road, number), with the
block's postal code (〒 maybe), country and house-number pieces, on one line and as
blocks of lines; near misses (ordinary sentences with numbers, dates, prices, names, a
lone number) that must stay unredacted."""
from __future__ import annotations

import pytest

from redactd import core
from redactd.core import _scan
from redactd.core.detect import Detection
from tests.reference import reference_scan


def found(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in core.find_entities(text, Detection.create())]


def addresses(text: str) -> list[str]:
    return [t for kind, t in found(text) if kind == "ADDRESS"]


# (country, text, the address it holds)
CJK = [
    # Japan: prefecture, city / ward / town, 丁目 番 号 or 1-2-3, 〒 code first
    ("JP", "東京都新宿区西新宿2丁目8番1号", "東京都新宿区西新宿2丁目8番1号"),
    ("JP", "住所: 〒160-0023\n東京都\n新宿区西新宿3丁目7番1号\nJapan",
     "〒160-0023\n東京都\n新宿区西新宿3丁目7番1号\nJapan"),
    ("JP", "〒530-0001, 大阪府, 大阪市北区梅田1丁目3番1号, Japan", "〒530-0001, 大阪府, 大阪市北区梅田1丁目3番1号, Japan"),
    ("JP", "送付先 北海道札幌市中央区北一条西2-1-1 まで", "北海道札幌市中央区北一条西2-1-1"),
    ("JP", "愛知県名古屋市中村区名駅1丁目1番地", "愛知県名古屋市中村区名駅1丁目1番地"),
    ("JP", "長野県北佐久郡軽井沢町大字軽井沢１２３番地", "長野県北佐久郡軽井沢町大字軽井沢１２３番地"),
    # China: 6-digit code, province, city, district, road and number
    ("CN", "100022\n北京市朝阳区\n建国路88号\nChina", "100022\n北京市朝阳区\n建国路88号\nChina"),
    ("CN", "地址：广东省深圳市南山区科技园路15号，邮编518057", "广东省深圳市南山区科技园路15号"),
    ("CN", "Ship to 310012, 浙江省杭州市, 西湖区文三路478号 please", "310012, 浙江省杭州市, 西湖区文三路478号"),
    ("CN", "四川省成都市武侯区人民南路四段12号3栋502室", "四川省成都市武侯区人民南路四段12号3栋502室"),
    ("CN", "内蒙古自治区呼和浩特市新城区", "内蒙古自治区呼和浩特市新城区"),  # a listed province and a city
    ("CN", "朝阳区建国路", None),  # named units without a number or a listed province
    ("CN", "呼和浩特市新城区, China", "呼和浩特市新城区, China"),
    # Taiwan: 3/5/6-digit code, county or city, township, road, lane, number, floor
    ("TW", "106\n臺北市大安區\n羅斯福路四段1號", "106\n臺北市大安區\n羅斯福路四段1號"),
    ("TW", "寄到 40341, 臺中市西區, 民生路100巷5弄3號2樓", "40341, 臺中市西區, 民生路100巷5弄3號2樓"),
    ("TW", "花蓮縣吉安鄉中山路三段8號, 台灣", "花蓮縣吉安鄉中山路三段8號, 台灣"),
    # glued to the sentence before it: from a listed province, or after a cue character
    ("CN", "我住在北京市朝阳区建国路88号。", "北京市朝阳区建国路88号"),
    ("CN", "他家在朝阳区建国路88号附近", "朝阳区建国路88号"),
    ("CN", "我家住在3号楼5单元502室", "3号楼5单元502室"),
    ("JP", "住所は新宿区西新宿2丁目8番1号です", "新宿区西新宿2丁目8番1号"),
    ("TW", "請寄到臺北市大安區羅斯福路四段1號", "臺北市大安區羅斯福路四段1號"),
    # Korea: metropolitan city / province, district, road and number, code last
    ("KR", "서울특별시 종로구\n세종대로 175\n03172", "서울특별시 종로구\n세종대로 175\n03172"),
    ("KR", "주소: 부산광역시 해운대구 해운대로 570, 48094", "부산광역시 해운대구 해운대로 570, 48094"),
    ("KR", "경기도 성남시 분당구 판교역로 235", "경기도 성남시 분당구 판교역로 235"),
    ("KR", "대구광역시 중구 동성로2가 12-3", "대구광역시 중구 동성로2가 12-3"),
    ("KR", "제주특별자치도 제주시 첨단로 242, 대한민국", "제주특별자치도 제주시 첨단로 242, 대한민국"),
    ("KR", "서울특별시 강남구 역삼동 823번지 5층", "서울특별시 강남구 역삼동 823번지 5층"),
    ("KR", "서울 강남구 테헤란로 152 (역삼동)", "서울 강남구 테헤란로 152 (역삼동)"),
    ("KR", "경기도 수원시 영통구 광교로 145 (이의동, 광교테크노밸리) 입니다",
     "경기도 수원시 영통구 광교로 145 (이의동, 광교테크노밸리)"),
    ("CN", "新疆乌鲁木齐市天山区解放南路16号", "新疆乌鲁木齐市天山区解放南路16号"),
]

NEAR_MISSES = [
    "我们去超市买了3个苹果，花了100元。",
    "2024年3月15日下午3点在北京见面。",
    "乘坐地铁10号线到人民路站下车。",
    "他住在城市的道路边上。",
    "今天是3月5号，天气很好。",
    "第3号文件已经发给你了。",
    "王伟先生是我的朋友。",
    "请拨打电话，邮编是123456。",
    "東京は2024年に人口が1400万人を超えた。",
    "会議は3階の会議室で10時から始まります。",
    "田中太郎さんに連絡してください。",
    "김민준 씨는 학교로 10 분 걸어갑니다.",
    "저도 친구를 만나러 다시 갔어요.",
    "오늘 3층에서 회의가 있습니다.",
    "1番目と2番目の問題を解いた。",
    "2号車の3番席に座ってください。",
    "가격은 15000원입니다.",
    "경기 시작 10 분 전입니다.",
    "서울에서 친구 (동생) 만났다.",
    "123456",
    "Order 342006, shipped",
    "他在城市郊区工作。",
]


@pytest.mark.parametrize("country,text,address", CJK)
def test_cjk_address(country, text, address):
    assert addresses(text) == ([address] if address else [])


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_cjk_near_miss(text):
    assert addresses(text) == []


def test_korean_neighbourhood_is_no_name():
    # "소담동" is a neighbourhood (동) inside the block, not a person's name
    assert found("세종특별자치시 소담동, 도움3로 105, 30151") == [
        ("ADDRESS", "세종특별자치시 소담동, 도움3로 105, 30151")]


def test_names_still_found():
    assert ("PERSON_NAME", "王伟") in found("联系人：王伟") or found("王伟") != []


@pytest.mark.parametrize("text", [x[1] for x in CJK] + NEAR_MISSES)
def test_cjk_compiled_equals_reference(text):
    got = [s[:3] for s in _scan.scan(text)[0]]
    assert got == [s[:3] for s in reference_scan(text)]
