"""The consent wording a person agrees to when leaving their details, with its version.

Each lead stores the exact wording, the version and the time (PIPL Art. 13-17; GDPR Art. 7:
the controller must be able to show what was agreed). A new wording gets a new version.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_app.domain.text import Bilingual

CONSENT_VERSION = "2026-1"
PURPOSE_CONTACT = "contact_about_vehicles"
PURPOSES = (PURPOSE_CONTACT,)

CONSENT_TEXT = Bilingual(
    zh="我同意参展商为向我介绍车辆、提供报价和商谈购车事宜之目的，收集和使用我在此留下的姓名、"
    "单位和联系方式。信息保存至展会结束后 12 个月，不会提供给其他公司；我可以随时要求查阅、"
    "更正或删除我的信息。",
    en="I agree that the exhibitor collects and uses the name, company and contact details I "
    "leave here to tell me about its vehicles, send offers and discuss a purchase. They are kept "
    "for 12 months after the fair and not passed to other companies; I may ask at any time to "
    "see, correct or delete them.",
)


@dataclass(frozen=True)
class ConsentWording:
    version: str
    text: str
    purposes: tuple[str, ...]


def current_consent(lang: str) -> ConsentWording:
    """The wording shown to the person, in the language they read it in."""
    return ConsentWording(CONSENT_VERSION, CONSENT_TEXT.render(lang), PURPOSES)
