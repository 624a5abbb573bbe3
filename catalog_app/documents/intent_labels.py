"""The fixed wording of the intent form's layout: title, headings, column heads, labels."""

from __future__ import annotations

from catalog_app.domain.text import Bilingual

TITLE = Bilingual(zh="购车意向书", en="Letter of Intent to Purchase Vehicles")
REFERENCE = Bilingual(zh="编号", en="Ref.")
REVISION = Bilingual(zh="第 {revision} 版", en="revision {revision}")
DATE = Bilingual(zh="日期", en="Date")
PLACE = Bilingual(zh="地点", en="Place")
CREDIT_CODE = Bilingual(zh="统一社会信用代码", en="Unified social credit code")
ADDRESS = Bilingual(zh="地址", en="Address")
REPRESENTATIVE = Bilingual(zh="法定代表人或授权代表", en="Legal or authorised representative")
PHONE = Bilingual(zh="电话", en="Phone")
NAME = Bilingual(zh="名称", en="Name")
SELLER = Bilingual(zh="卖方", en="Seller")
BUYER = Bilingual(zh="买方", en="Buyer")
PARTIES = Bilingual(zh="双方", en="The parties")
PREAMBLE = Bilingual(
    zh="经友好协商，买方有意向卖方采购下列车辆，双方就主要条件达成如下意向：",
    en="After friendly talks the buyer intends to purchase the vehicles below from the seller; "
    "the parties record the main terms as follows:",
)
VEHICLES = Bilingual(zh="意向车型及数量", en="Vehicles and quantities")

COL_NO = Bilingual(zh="序号", en="No.")
COL_MODEL = Bilingual(zh="车型 / 公告型号", en="Model / announcement no.")
COL_CONFIG = Bilingual(zh="配置", en="Configuration")
COL_QTY = Bilingual(zh="数量", en="Qty")
COL_UNIT = Bilingual(zh="参考单价（元）", en="Unit price (CNY)")
COL_SUBTOTAL = Bilingual(zh="小计（元）", en="Subtotal (CNY)")
ANNOUNCEMENT = Bilingual(zh="公告型号", en="Announcement no.")
BATTERY = Bilingual(zh="电池", en="Battery")
ENERGY = Bilingual(zh="补能", en="Energy")
COLOUR = Bilingual(zh="颜色", en="Colour")
TOTAL = Bilingual(zh="合计", en="Total")
TOTAL_FIGURES = Bilingual(zh="合计金额（小写）", en="Total (in figures)")
TOTAL_WORDS = Bilingual(zh="合计金额（大写）", en="Total in Chinese capital numerals")
INDICATIVE = Bilingual(
    zh="以上单价为参考价格，最终以正式合同为准。",
    en="Unit prices are indicative; the formal contract sets the final prices.",
)

SIGNATURES = Bilingual(zh="签署", en="Signatures")
SEAL = Bilingual(zh="（盖章）", en="(company seal)")
SIGNATURE = Bilingual(zh="授权代表（签字）", en="Authorised signature")
SIGN_DATE = Bilingual(zh="日期", en="Date")
SEAL_MARK = Bilingual(zh="公章", en="Seal")

PAGE_OF = Bilingual(zh="第 {page} 页 / 共 {pages} 页", en="Page {page} of {pages}")

CHINESE_NUMBERS = "一二三四五六七八九十"


def clause_number(index: int, language: str) -> str:
    """The heading number of the ``index``-th section (from 1): 一、 in Chinese, 1. in English."""
    if language == "en":
        return f"{index}."
    if index <= 10:
        return CHINESE_NUMBERS[index - 1] + "、"
    if index < 20:
        return "十" + CHINESE_NUMBERS[index - 11] + "、"
    return f"{index}."
