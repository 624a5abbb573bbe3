"""Which column of a lead file holds which field: zh/en header names, ``--map`` overrides.

Contact columns are recognised with the badge reader's alias table (``badges.field_for_key``:
姓名/name, 公司/单位/company, 手机/电话/mobile, 座机/landline, 邮箱/email, 职务/title, 微信/WeChat);
the lead-only columns (信用代码, 行业, 车队规模, 意向车型, 数量, 评级, 备注, 同意, 日期 …) with the
table below. A header is folded (width, case, spaces and punctuation ignored) before it is looked
up, so "手机号码", "Mobile No." and "MOBILE" all match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog_app.domain.text import Bilingual
from catalog_app.services.badges import field_for_key, fold_key
from catalog_app.services.import_problems import ImportProblem, Problems

IGNORE = "ignore"
CONTACT_FIELDS = ("person_name", "company", "title", "mobile", "landline", "email", "wechat_id")
LEAD_ALIASES: dict[str, tuple[str, ...]] = {
    "credit_code": (
        "creditcode",
        "uscc",
        "unifiedsocialcreditcode",
        "socialcreditcode",
        "统一社会信用代码",
        "社会信用代码",
        "信用代码",
        "税号",
    ),
    "industry": ("industry", "sector", "行业", "所属行业", "行业类别"),
    "fleet_size": (
        "fleetsize",
        "fleet",
        "vehicles",
        "vehiclecount",
        "车队规模",
        "车队数量",
        "车辆数",
        "车辆数量",
        "现有车辆",
    ),
    "models": (
        "model",
        "models",
        "modelofinterest",
        "modelsofinterest",
        "interestedmodel",
        "interestedmodels",
        "vehicle",
        "车型",
        "意向车型",
        "感兴趣车型",
        "关注车型",
        "意向产品",
    ),
    "quantity": ("quantity", "qty", "units", "数量", "意向数量", "采购数量", "台数"),
    "rating": ("rating", "grade", "leadrating", "评级", "客户评级", "意向等级", "等级"),
    "notes": ("notes", "note", "remark", "remarks", "comment", "comments", "备注", "说明", "留言"),
    "follow_up": ("followup", "followupstatus", "status", "跟进状态", "跟进", "状态"),
    "timeframe": ("timeframe", "purchasetime", "whentobuy", "购买时间", "采购时间", "计划购买时间"),
    "financing": ("financing", "payment", "paymentmethod", "付款方式", "融资方式", "融资"),
    "energy_preference": ("energy", "energypreference", "charging", "补能方式", "充换电"),
    "captured_at": (
        "date",
        "time",
        "datetime",
        "captured",
        "capturedat",
        "createdat",
        "registeredat",
        "日期",
        "时间",
        "登记时间",
        "登记日期",
        "采集时间",
        "录入时间",
    ),
    "consent": ("consent", "agreed", "optin", "同意", "是否同意", "授权", "同意联系", "已同意"),
    "consent_text": ("consenttext", "consentwording", "同意内容", "同意条款", "授权说明"),
    "consent_version": ("consentversion", "同意版本", "同意书版本"),
    "consent_at": ("consentat", "consentdate", "consenttime", "同意时间", "同意日期"),
}
IMPORT_FIELDS: tuple[str, ...] = (*CONTACT_FIELDS, *LEAD_ALIASES)
_BY_ALIAS = {alias: name for name, aliases in LEAD_ALIASES.items() for alias in aliases}

UNKNOWN_COLUMN = Bilingual(
    zh="文件中没有“{column}”这一列（表头为：{headers}）。",
    en="The file has no column “{column}” (the headers are: {headers}).",
)
UNKNOWN_FIELD = Bilingual(
    zh="“{field}”不是可对应的字段（可选：{allowed}）。",
    en="“{field}” is not a field a column can be mapped to (allowed: {allowed}).",
)
BAD_MAPPING = Bilingual(
    zh="对应关系“{text}”应写作 列名=字段。", en="The mapping “{text}” should read COLUMN=field."
)
TWO_COLUMNS = Bilingual(
    zh="“{first}”和“{second}”两列都对应“{field}”，请用 --map 指定其一（另一列=ignore）。",
    en="Both “{first}” and “{second}” map to “{field}”; choose one with --map (the other =ignore).",
)
NOTHING_KNOWN = Bilingual(
    zh="没有认出姓名或单位列，也没有联系方式列。表头为：{headers}。请用 --map 列名=字段 指定。",
    en="No name or company column and no contact column was recognised. The headers are: "
    "{headers}. Name them with --map COLUMN=field.",
)


def field_of_header(header: str) -> str | None:
    """The field a column header means, or None."""
    folded = fold_key(header)
    if folded in _BY_ALIAS:
        return _BY_ALIAS[folded]
    found = field_for_key(header)
    return found if found in CONTACT_FIELDS else None


def field_name(text: str) -> str | None:
    """A field named by a person in ``--map`` (our name, or any header alias), or None."""
    wanted = text.strip()
    if wanted in IMPORT_FIELDS or wanted == IGNORE:
        return wanted
    if fold_key(wanted) in ("ignore", "skip", "-", "忽略", "不导入"):
        return IGNORE
    return field_of_header(wanted)


def allowed_fields() -> str:
    return ", ".join((*IMPORT_FIELDS, IGNORE))


class MappingError(Exception):
    """A ``--map`` text or a header mapping has problems (listed, with row and column)."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(problems[0].text("en") if problems else "")
        self.problems = problems


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["联系人手机=mobile", "备用=ignore"]`` → column → field (checked)."""
    problems = Problems()
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, wanted = item.partition("=")
        if not sep or not column.strip() or not wanted.strip():
            problems.add("", "", BAD_MAPPING, text=item)
            continue
        name = field_name(wanted)
        if name is None:
            problems.add(
                "", column.strip(), UNKNOWN_FIELD, field=wanted.strip(), allowed=allowed_fields()
            )
            continue
        mapping[column.strip()] = name
    if problems:
        raise MappingError(problems.items)
    return mapping


@dataclass
class ColumnPlan:
    """Column index → field, what was recognised and what was not (for the preview)."""

    headers: list[str]
    fields: dict[int, str] = field(default_factory=dict)
    explicit: set[int] = field(default_factory=set)

    def header_of(self, name: str) -> str:
        for index, chosen in self.fields.items():
            if chosen == name:
                return self.headers[index]
        return ""

    @property
    def ignored(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if h.strip() and i not in self.fields]

    def used(self) -> dict[str, str]:
        return {self.headers[i]: name for i, name in sorted(self.fields.items())}


def plan_columns(headers: list[str], mapping: dict[str, str] | None = None) -> ColumnPlan:
    """Recognise the columns; ``mapping`` (column → field or "ignore") wins over the names.

    Raises MappingError: a mapped column that does not exist, two columns for one field, or
    nothing recognised that could make a lead."""
    problems = Problems()
    plan = ColumnPlan(list(headers))
    folded = {fold_key(h): i for i, h in enumerate(headers) if h.strip()}
    for column, name in (mapping or {}).items():
        index = headers.index(column) if column in headers else folded.get(fold_key(column))
        if index is None:
            problems.add("1", column, UNKNOWN_COLUMN, column=column, headers=", ".join(headers))
            continue
        plan.explicit.add(index)
        if name != IGNORE:
            plan.fields[index] = name
    taken = {name: index for index, name in plan.fields.items()}
    for index, header in enumerate(headers):
        if index in plan.explicit or not header.strip():
            continue
        name = field_of_header(header)
        if name is None:
            continue
        if name in taken:
            if taken[name] not in plan.explicit:
                first = headers[taken[name]]
                problems.add("1", header, TWO_COLUMNS, first=first, second=header, field=name)
            continue
        plan.fields[index] = name
        taken[name] = index
    chosen = set(plan.fields.values())
    if not problems and not (
        chosen & {"person_name", "company"} or chosen & {"mobile", "landline", "email"}
    ):
        problems.add("1", "", NOTHING_KNOWN, headers=", ".join(h for h in headers if h))
    if problems:
        raise MappingError(problems.items)
    return plan
