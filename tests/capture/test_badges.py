"""Badge payloads as scanners deliver them at real fairs: every one fills the right fields, and
nothing a badge carried is lost — what is not understood goes to the notes, whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog_app.services.badge_data import BadgeKind
from catalog_app.services.badges import field_for_key, parse_badge, repair_mojibake

CRLF = "\r\n"

VCARD_30_CHINESE = CRLF.join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:张;三;;;",
        "FN:张三",
        "ORG:贵州示例物流有限公司;运输部",
        "TITLE:车队经理",
        "TEL;TYPE=CELL:138 0013 8000",
        "TEL;TYPE=WORK,VOICE:0851-8555 1234",
        "EMAIL;TYPE=INTERNET:zhang.san@example.cn",
        "URL:https://logistics.example.cn",
        "END:VCARD",
    ]
)

# vCard 2.1 from an older badge system: quoted-printable UTF-8 name, GB2312 company split by a
# soft line break, bare parameters.
VCARD_21_QP = "\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E;=E5=9B=9B;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E=E5=9B=9B",
        "ORG;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=B9=F3=D6=DD=CE=EF=C1=F7=",
        "=D3=D0=CF=DE=B9=AB=CB=BE",
        "TEL;CELL;VOICE:13900001234",
        "TEL;WORK;FAX:0851-85550000",
        "EMAIL;PREF;INTERNET:li.si@example.cn",
        "END:VCARD",
    ]
)

# vCard 4.0 with folded lines (a long company name folded mid-word), quoted parameter values,
# Apple-style groups, a WeChat IMPP and escaped text.
VCARD_40_FOLDED = CRLF.join(
    [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Anna Müller",
        "N:Müller;Anna;;Dr.;",
        "ORG:Example Fleet Leasing Gesellschaft mit beschränk",
        " ter Haftung",
        'item1.TEL;TYPE="voice,cell";VALUE=uri:tel:+49-151-23456789',
        "item1.X-ABLabel:_$!<Mobile>!$_",
        "IMPP:weixin:anna_mu88",
        "ADR;TYPE=work:;;Hauptstr. 1;Berlin;;10115;Germany",
        "NOTE:Fleet of 40\\, wants swap\\nCall after 5 pm",
        "PHOTO;MEDIATYPE=image/jpeg:data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==",
        "END:VCARD",
    ]
)


def test_a_chinese_vcard_3_fills_name_company_title_and_both_phones() -> None:
    badge = parse_badge(VCARD_30_CHINESE)
    assert badge.kind is BadgeKind.VCARD
    assert badge.contact_fields() == {
        "person_name": "张三",
        "company": "贵州示例物流有限公司",
        "title": "车队经理",
        "mobile": "138 0013 8000",
        "landline": "0851-8555 1234",
        "email": "zhang.san@example.cn",
    }
    notes = badge.notes_text("zh_CN")
    assert "部门：运输部" in notes and "网址：https://logistics.example.cn" in notes
    assert badge.raw == VCARD_30_CHINESE


def test_a_vcard_2_1_with_quoted_printable_in_utf8_and_gb2312_is_decoded() -> None:
    badge = parse_badge(VCARD_21_QP)
    assert badge.person_name == "李四"
    assert badge.company == "贵州物流有限公司"
    assert badge.mobile == "13900001234"
    assert badge.email == "li.si@example.cn"
    assert ("fax", "0851-85550000") in badge.extras
    assert "Fax: 0851-85550000" in badge.notes_text("en")


def test_a_folded_vcard_4_with_groups_escapes_and_a_wechat_id() -> None:
    badge = parse_badge(VCARD_40_FOLDED)
    assert badge.person_name == "Anna Müller"
    assert badge.company == "Example Fleet Leasing Gesellschaft mit beschränkter Haftung"
    assert badge.mobile == "+49-151-23456789"
    assert badge.wechat_id == "anna_mu88"
    assert ("address", "Hauptstr. 1, Berlin, 10115, Germany") in badge.extras
    assert ("note", "Fleet of 40, wants swap\nCall after 5 pm") in badge.extras
    assert "base64" not in badge.notes_text("en")  # the photo is not copied into the notes


def test_a_vcard_typed_without_line_breaks_is_still_read() -> None:
    payload = (
        "BEGIN:VCARDVERSION:3.0N:王;五;;;FN:王五ORG:黔西示例煤业TITLE:CEO"
        "TEL;TYPE=CELL:13900000102EMAIL:wang.wu@example.cnEND:VCARD"
    )
    badge = parse_badge(payload)
    assert badge.contact_fields() == {
        "person_name": "王五",
        "company": "黔西示例煤业",
        "title": "CEO",
        "mobile": "13900000102",
        "email": "wang.wu@example.cn",
    }


def test_a_vcard_with_only_n_builds_the_name_in_the_right_order() -> None:
    chinese = parse_badge("BEGIN:VCARD\nVERSION:3.0\nN:欧阳;娜娜;;;\nEND:VCARD")
    western = parse_badge("BEGIN:VCARD\nVERSION:3.0\nN:Smith;John;Q.;;\nEND:VCARD")
    assert chinese.person_name == "欧阳娜娜"
    assert western.person_name == "John Q. Smith"


def test_a_vcard_with_base64_name_and_unknown_properties_keeps_them() -> None:
    payload = "\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:2.1",
            "FN;CHARSET=UTF-8;ENCODING=BASE64:6LW15YWt",
            "X-BOOTH-INTEREST:electric mixers",
            "X-BADGE-ID:GZNEV26-0042",
            "END:VCARD",
        ]
    )
    badge = parse_badge(payload)
    assert badge.person_name == "赵六"
    assert badge.badge_code == "GZNEV26-0042"
    assert ("X-BOOTH-INTEREST", "electric mixers") in badge.extras


def test_mecard_with_escapes_and_chinese_name() -> None:
    badge = parse_badge(
        "MECARD:N:李,四;SOUND:li,si;TEL:+8613900001234;EMAIL:li\\;si@example.cn;"
        "NOTE:关注换电\\:282kWh\\, 10 台;ADR:贵州省贵阳市观山湖区;ORG:示例煤业;;"
    )
    assert badge.kind is BadgeKind.MECARD
    assert badge.person_name == "李四"
    assert badge.mobile == "+8613900001234"
    assert badge.email == "li;si@example.cn"
    assert badge.company == "示例煤业"
    assert ("note", "关注换电:282kWh, 10 台") in badge.extras
    assert ("reading", "li si") in badge.extras


def test_mecard_latin_name_is_given_then_family() -> None:
    assert parse_badge("MECARD:N:Owen,Sean;TEL:+12125551212;;").person_name == "Sean Owen"


def test_bizcard_fills_title_company_and_mobile() -> None:
    badge = parse_badge(
        "BIZCARD:N:Sean;X:Owen;T:Software Engineer;C:Example Inc.;A:76 9th Avenue;"
        "B:+12125551212;M:+8613800138000;E:sean@example.com;;"
    )
    assert badge.kind is BadgeKind.BIZCARD
    assert badge.person_name == "Sean Owen"
    assert badge.title == "Software Engineer"
    assert badge.company == "Example Inc."
    assert badge.mobile == "+8613800138000"
    assert badge.email == "sean@example.com"


@pytest.mark.parametrize(
    "payload",
    [
        "姓名：王五；公司：黔西示例煤业；手机：139 0000 0102；"
        "职务：采购主管；参会编号：GZ-2026-0042",
        "姓名:王五;公司:黔西示例煤业;手机:13900000102;职务:采购主管;参会编号:GZ-2026-0042;",
        "name: 王五\ncompany: 黔西示例煤业\nmobile: 13900000102\ntitle: 采购主管\n"
        "badge id: GZ-2026-0042",
        "Name=王五|Company=黔西示例煤业|Mobile=13900000102|Job Title=采购主管|Code=GZ-2026-0042",
        '{"name": "王五", "company": "黔西示例煤业", "contact": {"mobile": 13900000102},'
        ' "title": "采购主管", "badge_code": "GZ-2026-0042"}',
    ],
    ids=["full-width", "half-width", "lines", "bars-and-equals", "json"],
)
def test_key_value_text_in_chinese_or_english_fills_the_same_fields(payload: str) -> None:
    badge = parse_badge(payload)
    assert badge.person_name == "王五"
    assert badge.company == "黔西示例煤业"
    assert badge.mobile.replace(" ", "") == "13900000102"
    assert badge.title == "采购主管"
    assert badge.badge_code == "GZ-2026-0042"


def test_key_value_keeps_unknown_keys_and_values_that_run_on() -> None:
    badge = parse_badge("姓名:周七;单位:示例环卫;展区:A3 馆;备注:想看洗扫车;下午再来")
    assert badge.person_name == "周七" and badge.company == "示例环卫"
    assert ("展区", "A3 馆") in badge.extras
    assert ("备注", "想看洗扫车 下午再来") in badge.extras


@pytest.mark.parametrize(
    "payload, code",
    [
        ("GZNEV26-0007", "GZNEV26-0007"),
        ("  1234567890123\r\n", "1234567890123"),
        ("https://reg.example.cn/badge?code=GZNEV26-0012&from=qr", "GZNEV26-0012"),
    ],
)
def test_bare_codes_and_registration_links_give_a_badge_code(payload: str, code: str) -> None:
    badge = parse_badge(payload)
    assert badge.badge_code == code
    assert badge.understood


@pytest.mark.parametrize(
    "payload",
    [
        "欢迎参加 电动贵州·绿色黔行 供需对接会",
        "Hello, world! This is not a card.",
        "BEGIN:VCALENDAR\nSUMMARY:Fair day\nEND:VCALENDAR",
        "\x00\x01\x02 garbled ÿþ",
        "a:b;c:d",
    ],
)
def test_unknown_payloads_fill_nothing_and_go_whole_to_the_notes(payload: str) -> None:
    badge = parse_badge(payload)
    assert badge.kind is BadgeKind.UNKNOWN
    assert badge.contact_fields() == {}
    assert badge.raw == payload
    visible = payload.replace("\x00", "").replace("\x01", "").replace("\x02", "").strip()
    assert visible in badge.notes_text("en")
    assert "未能识别" in badge.notes_text("zh_CN")


def test_an_empty_scan_is_empty_not_unknown() -> None:
    badge = parse_badge(" \r\n ")
    assert badge.kind is BadgeKind.EMPTY and badge.notes_text("en") == ""


def test_utf8_read_as_latin1_by_the_scanner_is_repaired() -> None:
    garbled = "姓名:张三;手机:13800138000".encode().decode("latin-1")
    assert parse_badge(garbled).person_name == "张三"
    assert repair_mojibake("Müller") == "Müller"  # real Latin-1 text stays as it is


def test_a_very_long_unknown_payload_is_cut_in_the_notes_but_kept_raw() -> None:
    payload = "x " * 4000
    badge = parse_badge(payload)
    assert len(badge.notes_text("en")) < 3200
    assert badge.raw == payload


def test_a_second_mobile_and_email_are_kept_as_extras() -> None:
    badge = parse_badge(
        "BEGIN:VCARD\nVERSION:3.0\nFN:陈八\nTEL;TYPE=CELL:13800138000\nTEL;TYPE=CELL:13900139000"
        "\nEMAIL:a@example.cn\nEMAIL:b@example.cn\nEND:VCARD"
    )
    assert badge.mobile == "13800138000" and badge.email == "a@example.cn"
    assert ("phone", "13900139000") in badge.extras and ("email", "b@example.cn") in badge.extras


def test_column_and_key_names_are_recognised_in_both_languages() -> None:
    assert field_for_key("胸卡号") == "badge_code"
    assert field_for_key(" Badge Code ") == "badge_code"
    assert field_for_key("手机号码") == "mobile"
    assert field_for_key("E-mail") == "email"
    assert field_for_key("单位名称") == "company"
    assert field_for_key("favourite colour") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_crashes_and_the_raw_payload_is_kept(payload: str) -> None:
    badge = parse_badge(payload)
    assert badge.raw == payload
    if not badge.understood and badge.kind is BadgeKind.UNKNOWN:
        assert badge.notes_text("en")  # never silently dropped
    for value in badge.contact_fields().values():
        assert isinstance(value, str) and value


card_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() and "\\" not in s)


@settings(max_examples=150, deadline=None)
@given(card_values, card_values)
def test_any_escaped_vcard_name_and_company_come_back_as_written(name: str, company: str) -> None:
    def escape(text: str) -> str:
        return text.replace(",", "\\,").replace(";", "\\;")

    payload = CRLF.join(
        ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escape(name)}", f"ORG:{escape(company)}", "END:VCARD"]
    )
    badge = parse_badge(payload)
    assert badge.person_name == name.strip()
    assert badge.company == company.strip()
