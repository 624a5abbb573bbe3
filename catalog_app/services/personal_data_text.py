"""The readable copy of a person's data in one language: labels and values for the PDF.

Every field of the JSON appears here too, so that a person who cannot read JSON sees everything;
technical columns (ids, clock stamps, search keys derived from the name) are gathered under
"Record details".
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from typing import Any

from catalog_app.documents.personal_data_pdf import (
    DocumentSection,
    DocumentTable,
    PersonalDataDocument,
)
from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    FollowUp,
    LeadSource,
    Rating,
    Timeframe,
)
from catalog_app.domain.text import Bilingual
from catalog_app.services.consent import PURPOSE_CONTACT
from catalog_app.services.lead_labels import industry_label, label
from catalog_app.services.personal_data import PersonalData

B = Bilingual
PERSON_FIELDS: tuple[tuple[str, Bilingual], ...] = (
    ("person_name", B("姓名", "Name")),
    ("title", B("职务", "Title")),
    ("company", B("单位", "Company")),
    ("credit_code", B("统一社会信用代码", "Unified social credit code")),
    ("mobile", B("手机", "Mobile")),
    ("landline", B("座机", "Landline")),
    ("email", B("邮箱", "E-mail")),
    ("wechat_id", B("微信", "WeChat")),
    ("industry", B("行业", "Industry")),
    ("fleet_size", B("车队规模（辆）", "Fleet size (vehicles)")),
    ("rating", B("评级", "Rating")),
    ("follow_up", B("跟进状态", "Follow-up")),
    ("source", B("来源", "Source")),
    ("captured_at", B("登记时间", "Captured")),
    ("notes", B("备注", "Notes")),
    ("badge_payload", B("胸卡扫描原始内容", "Badge scan as read")),
    ("tco_inputs", B("TCO 计算输入", "TCO calculator inputs")),
    ("exported_at", B("最近导出时间", "Last exported")),
)
CONSENT_FIELDS: tuple[tuple[str, Bilingual], ...] = (
    ("consent_text", B("同意内容（原文）", "Consent wording (as agreed)")),
    ("consent_version", B("同意书版本", "Consent version")),
    ("consent_at", B("同意时间", "Consent given at")),
    ("consent_purposes", B("同意的用途", "Purposes agreed to")),
)
RECORD_FIELDS: tuple[tuple[str, Bilingual], ...] = (
    ("id", B("记录编号", "Record id")),
    ("created_at", B("创建时间", "Created")),
    ("updated_at", B("最后修改时间", "Last changed")),
    ("deleted_at", B("删除时间", "Deleted")),
    ("merged_into_id", B("已合并到", "Merged into")),
    ("staff_id", B("接待人员编号", "Staff id")),
    ("captured_on_device_id", B("登记设备", "Captured on device")),
    ("device_id", B("最后写入设备", "Last written on device")),
    ("hlc", B("时钟戳", "Clock stamp")),
    ("fair_id", B("展会编号", "Fair id")),
    ("exhibitor_id", B("参展商编号", "Exhibitor id")),
    ("mobile_e164", B("手机（标准格式，用于查重）", "Mobile (E.164, for duplicates)")),
    ("email_normalized", B("邮箱（小写，用于查重）", "E-mail (lower case, for duplicates)")),
    ("person_name_key", B("姓名检索键（由姓名生成）", "Name search key (from the name)")),
    ("company_key", B("单位检索键（由单位生成）", "Company search key (from the company)")),
)
PURPOSES = {PURPOSE_CONTACT: B("就车辆介绍、报价和购车事宜与我联系", "Contact me about vehicles")}
ENUMS: dict[str, type[StrEnum]] = {
    "rating": Rating,
    "follow_up": FollowUp,
    "source": LeadSource,
    "timeframe": Timeframe,
    "financing": Financing,
    "energy_preference": EnergyPreference,
}
TEXT = {
    "title": B("个人信息副本", "Copy of personal data"),
    "about": B("关于：{name}", "About: {name}"),
    "made": B("生成时间：{time}（应本人查阅请求）", "Made on {time} at the person's request"),
    "scope": B(
        "本文件列出本系统中与此人相关的全部记录；机器可读的完整数据见同名 JSON 文件。",
        "This lists every record this system keeps about the person; the same name's JSON file "
        "holds the complete data for machines.",
    ),
    "person": B("个人与单位信息", "Person and company"),
    "consent": B("同意记录", "Consent"),
    "interests": B("意向车型", "Models of interest"),
    "merged": B("已合并进来的重复记录", "Duplicate records merged into this one"),
    "links": B("疑似重复链接", "Possible-duplicate links"),
    "intents": B("购车意向书", "Purchase-intent forms"),
    "audit": B("操作日志中关于此人的记录", "Audit log entries about this person"),
    "record": B("记录信息", "Record details"),
    "none": B("无", "None"),
    "no_consent": B(
        "没有记录同意时间（例如从其他渠道导入的线索）。",
        "No time of consent is recorded (e.g. a lead imported from elsewhere).",
    ),
    "page": B("第 {page} 页", "Page {page}"),
}
INTEREST_HEADERS = B(
    "车型|数量|购买时间|付款方式|补能方式|备注", "Model|Qty|Timeframe|Payment|Energy|Notes"
)
AUDIT_HEADERS = B("时间|操作|人员|详情", "Time|Action|Staff|Details")
ACTIONS = {
    "export": B("导出线索", "Leads exported"),
    "personal_data_export": B("导出个人信息副本", "Copy of personal data made"),
    "merge_packages": B("合并设备数据", "Device data merged"),
    "merge_leads": B("合并重复线索", "Duplicate leads merged"),
    "delete_lead": B("删除线索", "Lead deleted"),
    "delete_person": B("删除个人信息", "Person deleted"),
    "import_leads": B("导入线索", "Leads imported"),
    "push": B("上传到服务器", "Pushed to the server"),
    "pull": B("从服务器下载", "Pulled from the server"),
}
INTENT_HEADERS = B(
    "编号|状态|买方单位|代表人|电话", "Reference|Status|Buyer company|Representative|Phone"
)
LINK_HEADERS = B("线索 A|线索 B|原因|状态", "Lead A|Lead B|Reason|Status")


def show(field: str, value: Any, lang: str) -> str:
    """One stored value as a person reads it."""
    if value is None or value == "" or value == []:
        return ""
    if field in ENUMS:
        try:
            return label(ENUMS[field](value), lang)
        except ValueError:
            return str(value)
    if field == "industry":
        return industry_label(str(value), lang)
    if field == "consent_purposes":
        return "；".join(PURPOSES[p].render(lang) if p in PURPOSES else str(p) for p in value)
    if (field == "at" or field.endswith("_at")) and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
        except ValueError:
            return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _rows(record: dict[str, Any], fields: tuple[tuple[str, Bilingual], ...], lang: str):  # type: ignore[no-untyped-def]
    return [(name.render(lang), show(key, record.get(key), lang)) for key, name in fields]


def _interest_table(interests: list[dict[str, Any]], lang: str) -> DocumentTable:
    rows = []
    for item in interests:
        name = item["model_name_zh"] if lang.startswith("zh") else item["model_name_en"]
        rows.append(
            [
                name or item["model_name_zh"] or item["model_code"],
                str(item["quantity"]),
                show("timeframe", item["timeframe"], lang),
                show("financing", item["financing"], lang),
                show("energy_preference", item["energy_preference"], lang),
                item["notes"] + (" ✕" if item["deleted_at"] else ""),
            ]
        )
    headers = INTEREST_HEADERS.render(lang).split("|")
    return DocumentTable(headers, rows, [0.32, 0.07, 0.14, 0.15, 0.12, 0.2])


def document_of(data: PersonalData, lang: str) -> PersonalDataDocument:
    """The readable document of ``data`` in ``lang``."""
    lead = data.lead
    name = lead.get("person_name") or lead.get("company") or str(data.lead_id)
    made = show("generated_at", data.generated_at.isoformat(), lang)
    sections = [
        DocumentSection(TEXT["person"].render(lang), _rows(lead, PERSON_FIELDS, lang)),
        DocumentSection(TEXT["consent"].render(lang), _rows(lead, CONSENT_FIELDS, lang)),
    ]
    if not lead.get("consent_at"):
        sections[-1].paragraphs.append(TEXT["no_consent"].render(lang))
    none = TEXT["none"].render(lang)
    interests = DocumentSection(TEXT["interests"].render(lang), empty_text=none)
    if data.interests:
        interests.tables.append(_interest_table(data.interests, lang))
    sections.append(interests)
    merged = DocumentSection(TEXT["merged"].render(lang), empty_text=none)
    for record in data.merged_leads:
        merged.paragraphs.append(f"— {record['id']}")
        merged.tables.append(
            DocumentTable(
                ["", ""],
                [list(row) for row in _rows(record, PERSON_FIELDS + CONSENT_FIELDS, lang)],
                [0.3, 0.7],
            )
        )
        if record.get("interests"):
            merged.tables.append(_interest_table(record["interests"], lang))
    sections.append(merged)
    links = DocumentSection(TEXT["links"].render(lang), empty_text=none)
    if data.duplicate_links:
        rows = [
            [link["lead_a_id"], link["lead_b_id"], link["reason"], link["status"]]
            for link in data.duplicate_links
        ]
        links.tables.append(
            DocumentTable(LINK_HEADERS.render(lang).split("|"), rows, [0.33, 0.33, 0.17, 0.17])
        )
    sections.append(links)
    intents = DocumentSection(TEXT["intents"].render(lang), empty_text=none)
    if data.intents:
        rows = [
            [
                form["reference"],
                form["status"],
                form["buyer_company"],
                form["buyer_representative"],
                form["buyer_phone"],
            ]
            for form in data.intents
        ]
        headers = INTENT_HEADERS.render(lang).split("|")
        intents.tables.append(DocumentTable(headers, rows, [0.2, 0.12, 0.3, 0.18, 0.2]))
    sections.append(intents)
    audit = DocumentSection(TEXT["audit"].render(lang), empty_text=none)
    if data.audit:
        rows = [
            [
                show("at", entry["at"], lang),
                ACTIONS[entry["action"]].render(lang)
                if entry["action"] in ACTIONS
                else entry["action"],
                entry["staff"],
                json.dumps(entry["detail"], ensure_ascii=False) if entry["detail"] else "",
            ]
            for entry in data.audit
        ]
        headers = AUDIT_HEADERS.render(lang).split("|")
        audit.tables.append(DocumentTable(headers, rows, [0.24, 0.2, 0.16, 0.4]))
    sections.append(audit)
    sections.append(DocumentSection(TEXT["record"].render(lang), _rows(lead, RECORD_FIELDS, lang)))
    return PersonalDataDocument(
        TEXT["title"].render(lang),
        [
            TEXT["about"].render(lang, name=name),
            TEXT["made"].render(lang, time=made),
            TEXT["scope"].render(lang),
        ],
        sections,
        TEXT["page"].render(lang, page="{page}"),
    )
