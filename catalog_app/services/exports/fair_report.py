"""The fair report: the dashboard's figures as a printable PDF, in the reader's language.

``write_fair_report(database, path, lang)`` computes the figures (``services/dashboard``), puts
every label and number in words (this module), and has ``documents/fair_report_pdf`` lay them
out. The file is written under a temporary name and renamed when complete. The report holds
counts and names of staff members, no buyer's personal data, so it is not limited to managers.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from catalog_app.documents.fair_report_charts import ChartKind, ChartSpec
from catalog_app.documents.fair_report_pdf import (
    ChartRow,
    FairReport,
    Kpi,
    ReportTable,
    Section,
    render_fair_report,
)
from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.spec_format import format_price
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.catalog import CatalogService
from catalog_app.services.dashboard import DashboardFigures, compute_figures
from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.moments import local_offset, offset_label
from catalog_app.store.database import Database

TOP_MODELS = 12
WRITE_FAILED = Bilingual(
    zh="无法写入报告 {path}：{reason}", en="Could not write the report {path}: {reason}"
)
T = {
    "title": Bilingual(zh="展会成果报告", en="Fair report"),
    "period": Bilingual(
        zh="线索采集时间：{first} 至 {last}", en="Leads captured {first} to {last}"
    ),
    "made": Bilingual(zh="生成时间：{at}（{zone}）", en="Made {at} ({zone})"),
    "no_leads": Bilingual(zh="尚无线索", en="No leads yet"),
    "page": Bilingual(zh="第 {page} 页，共 {pages} 页", en="Page {page} of {pages}"),
    "sample": Bilingual(zh="示例数据 — {notice}", en="SAMPLE DATA — {notice}"),
    "sample_short": Bilingual(zh="示例数据，非真实展会", en="SAMPLE DATA, not a real fair"),
    "k_leads": Bilingual(zh="线索", en="Leads"),
    "k_hot": Bilingual(zh="热线索", en="Hot leads"),
    "k_interest": Bilingual(zh="意向台数（线索）", en="Units of interest (leads)"),
    "k_models": Bilingual(zh="有意向的车型", en="Models with interest"),
    "k_forms": Bilingual(zh="购车意向书", en="Purchase intents"),
    "k_units": Bilingual(zh="意向书台数", en="Units in intents"),
    "k_value": Bilingual(zh="意向书金额", en="Value of intents"),
    "k_signed": Bilingual(zh="已签署金额", en="Value signed"),
    "s_leads": Bilingual(zh="线索", en="Leads"),
    "c_day": Bilingual(zh="按日期的线索", en="Leads by day"),
    "c_hour": Bilingual(zh="按时段的线索（{zone}）", en="Leads by hour of day ({zone})"),
    "c_rating": Bilingual(zh="按评级的线索", en="Leads by rating"),
    "c_source": Bilingual(zh="按来源的线索", en="Leads by source"),
    "c_industry": Bilingual(zh="按行业的线索", en="Leads by industry"),
    "c_models": Bilingual(zh="线索最多的车型", en="Models with the most leads"),
    "s_models": Bilingual(zh="车型", en="Models"),
    "t_models": Bilingual(zh="热门车型", en="Top models"),
    "t_models_top": Bilingual(zh="热门车型（前 {n} 名）", en="Top models (first {n})"),
    "s_intents": Bilingual(zh="购车意向书", en="Purchase intents"),
    "t_status": Bilingual(zh="按状态的意向书", en="Intents by status"),
    "t_intent_models": Bilingual(zh="按车型的意向书台数", en="Units in intents by model"),
    "h_units_counted": Bilingual(zh="台数（不含作废）", en="Units (not cancelled)"),
    "h_value_counted": Bilingual(zh="金额（不含作废）", en="Value (not cancelled)"),
    "intent_note": Bilingual(
        zh="每份意向书只计最新版本；已作废的意向书不计入合计。",
        en="Only the latest revision of each form counts; cancelled forms are not in the totals.",
    ),
    "s_staff": Bilingual(zh="员工", en="Staff"),
    "t_staff": Bilingual(zh="每位员工的成果", en="Results per staff member"),
    "h_model": Bilingual(zh="车型", en="Model"),
    "h_leads": Bilingual(zh="线索", en="Leads"),
    "h_units_interest": Bilingual(zh="意向台数", en="Units of interest"),
    "h_intent_units": Bilingual(zh="意向书台数", en="Intent units"),
    "h_intent_value": Bilingual(zh="意向书金额", en="Intent value"),
    "h_status": Bilingual(zh="状态", en="Status"),
    "h_forms": Bilingual(zh="份数", en="Forms"),
    "h_units": Bilingual(zh="台数", en="Units"),
    "h_value": Bilingual(zh="金额", en="Value"),
    "h_staff": Bilingual(zh="员工", en="Staff member"),
    "h_hot": Bilingual(zh="热线索", en="Hot"),
    "h_intents": Bilingual(zh="意向书", en="Intents"),
    "total": Bilingual(zh="合计（不含作废）", en="Total (without cancelled)"),
    "total_all": Bilingual(zh="合计", en="Total"),
    "none": Bilingual(zh="暂无数据。", en="Nothing yet."),
}


def t(key: str, lang: str, **params: object) -> str:
    return T[key].render(lang, **params)


def money_text(value: Decimal, lang: str) -> str:
    return format_price(float(value), lang) if value else "—"


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages_hint: int
    figures: DashboardFigures


def _leads_section(f: DashboardFigures, lang: str) -> Section:
    empty = t("none", lang)
    days = ChartSpec(
        t("c_day", lang),
        ChartKind.BARS,
        tuple(f"{d:%m-%d}" for d, _n in f.by_day),
        tuple(float(n) for _d, n in f.by_day),
        empty,
        label_every=max(1, len(f.by_day) // 10),
    )
    hours = ChartSpec(
        t("c_hour", lang, zone=offset_label(f.offset)),
        ChartKind.BARS,
        tuple(f"{h}" for h in range(24)),
        tuple(float(n) for n in f.by_hour),
        empty,
        label_every=2,
    )
    rating = ChartSpec(
        t("c_rating", lang),
        ChartKind.ROWS,
        tuple(
            vocab.label(vocab.RATINGS, k.key, lang) or vocab.UNRATED.render(lang)
            for k in f.by_rating
        ),
        tuple(float(k.count) for k in f.by_rating),
        empty,
    )
    source = ChartSpec(
        t("c_source", lang),
        ChartKind.ROWS,
        tuple(vocab.label(vocab.SOURCES, k.key, lang) for k in f.by_source),
        tuple(float(k.count) for k in f.by_source),
        empty,
    )
    industry = ChartSpec(
        t("c_industry", lang),
        ChartKind.ROWS,
        tuple(
            vocab.label(vocab.INDUSTRIES, k.key, lang) or vocab.NO_INDUSTRY.render(lang)
            for k in f.by_industry
        ),
        tuple(float(k.count) for k in f.by_industry),
        empty,
    )
    return Section(
        t("s_leads", lang),
        (
            ChartRow((days, hours)),
            ChartRow((rating, source), height=45 * _MM),
            ChartRow((industry,), height=max(45, 12 + 7 * len(f.by_industry)) * _MM),
        ),
    )


_MM = 72 / 25.4


def _models_section(f: DashboardFigures, lang: str) -> Section:
    top = f.by_model[:TOP_MODELS]
    intents = {row.model_id: row for row in f.intent_models if row.model_id is not None}
    chart = ChartSpec(
        t("c_models", lang),
        ChartKind.ROWS,
        tuple(m.name(lang) or m.code for m in top),
        tuple(float(m.leads) for m in top),
        t("none", lang),
    )
    rows = []
    for m in top:
        intent = intents.get(m.model_id)
        rows.append(
            (
                m.name(lang) or m.code,
                f"{m.leads:,}",
                f"{m.units:,}",
                f"{intent.counted_units:,}" if intent and intent.counted_units else "—",
                money_text(intent.counted_value, lang) if intent else "—",
            )
        )
    table = ReportTable(
        t("t_models_top", lang, n=TOP_MODELS)
        if len(f.by_model) > TOP_MODELS
        else t("t_models", lang),
        tuple(
            t(k, lang)
            for k in ("h_model", "h_leads", "h_units_interest", "h_intent_units", "h_intent_value")
        ),
        tuple(rows),
        (0.44, 0.11, 0.14, 0.14, 0.17),
        frozenset({1, 2, 3, 4}),
        empty_text=t("none", lang),
    )
    height = max(40, 14 + 7.5 * len(top)) * _MM
    return Section(t("s_models", lang), (ChartRow((chart,), height=height), table))


def _intents_section(f: DashboardFigures, lang: str) -> Section:
    status_rows = tuple(
        (
            vocab.label(vocab.INTENT_STATUSES, s.status, lang),
            f"{s.forms:,}",
            f"{s.units:,}",
            money_text(s.value, lang),
        )
        for s in f.intents_by_status
    )
    by_status = ReportTable(
        t("t_status", lang),
        tuple(t(k, lang) for k in ("h_status", "h_forms", "h_units", "h_value")),
        status_rows,
        (0.4, 0.18, 0.18, 0.24),
        frozenset({1, 2, 3}),
        total=(
            t("total", lang),
            f"{f.intent_forms:,}",
            f"{f.intent_units:,}",
            money_text(f.intent_value, lang),
        ),
        note=t("intent_note", lang),
    )
    shown = (IntentStatus.DRAFT, IntentStatus.PRINTED, IntentStatus.SIGNED, IntentStatus.CANCELLED)
    headers = (
        t("h_model", lang),
        *(vocab.label(vocab.INTENT_STATUSES, s, lang) for s in shown),
        t("h_units_counted", lang),
        t("h_value_counted", lang),
    )
    model_rows = tuple(
        (
            row.name(lang),
            *(f"{row.units[s]:,}" if row.units.get(s) else "—" for s in shown),
            f"{row.counted_units:,}" if row.counted_units else "—",
            money_text(row.counted_value, lang),
        )
        for row in f.intent_models
    )
    by_model = ReportTable(
        t("t_intent_models", lang),
        headers,
        model_rows,
        (0.32, 0.09, 0.09, 0.09, 0.09, 0.13, 0.19),
        frozenset({1, 2, 3, 4, 5, 6}),
        empty_text=t("none", lang),
    )
    return Section(t("s_intents", lang), (by_status, by_model))


def _staff_section(f: DashboardFigures, lang: str) -> Section:
    rows = tuple(
        (
            s.name or vocab.NO_STAFF.render(lang),
            f"{s.leads:,}",
            f"{s.hot:,}",
            f"{s.intents:,}",
            f"{s.units:,}",
            money_text(s.value, lang),
        )
        for s in f.by_staff
    )
    table = ReportTable(
        t("t_staff", lang),
        tuple(
            t(k, lang) for k in ("h_staff", "h_leads", "h_hot", "h_intents", "h_units", "h_value")
        ),
        rows,
        (0.32, 0.12, 0.12, 0.12, 0.12, 0.2),
        frozenset({1, 2, 3, 4, 5}),
        total=(
            t("total_all", lang),
            f"{sum(s.leads for s in f.by_staff):,}",
            f"{sum(s.hot for s in f.by_staff):,}",
            f"{sum(s.intents for s in f.by_staff):,}",
            f"{sum(s.units for s in f.by_staff):,}",
            money_text(sum((s.value for s in f.by_staff), Decimal("0.00")), lang),
        )
        if rows
        else None,
        empty_text=t("none", lang),
    )
    return Section(t("s_staff", lang), (table,))


def build_fair_report(database: Database, f: DashboardFigures, lang: str) -> FairReport:
    """The report's texts and numbers in ``lang`` (laid out by ``render_fair_report``)."""
    fair = CatalogService(database).current_fair()
    fair_name = fair.name(lang) if fair else ""
    facts = [fair_name] if fair_name else []
    if fair is not None:
        venue = fair.venue_zh if lang.startswith("zh") or not fair.venue_en else fair.venue_en
        if venue:
            facts.append(venue)
    zone = offset_label(f.offset)
    if f.first_capture is not None and f.last_capture is not None:
        first = (f.first_capture + f.offset).strftime("%Y-%m-%d %H:%M")
        last = (f.last_capture + f.offset).strftime("%Y-%m-%d %H:%M")
        facts.append(t("period", lang, first=first, last=last) + f" ({zone})")
    else:
        facts.append(t("no_leads", lang))
    facts.append(
        t("made", lang, at=(f.generated_at + f.offset).strftime("%Y-%m-%d %H:%M"), zone=zone)
    )
    kpis = (
        Kpi(t("k_leads", lang), f"{f.total_leads:,}"),
        Kpi(t("k_hot", lang), f"{f.hot_leads:,}"),
        Kpi(t("k_interest", lang), f"{f.units_of_interest:,}"),
        Kpi(t("k_models", lang), f"{len(f.by_model):,}"),
        Kpi(t("k_forms", lang), f"{f.intent_forms:,}"),
        Kpi(t("k_units", lang), f"{f.intent_units:,}"),
        Kpi(t("k_value", lang), money_text(f.intent_value, lang)),
        Kpi(t("k_signed", lang), money_text(f.signed_value, lang)),
    )
    notice = ""
    if fair is not None and fair.is_sample:
        notice = t("sample", lang, notice=fair.notice(lang) or "")
    title = t("title", lang)
    return FairReport(
        lang=lang,
        title=title,
        facts=tuple(facts),
        kpis=kpis,
        sections=(
            _leads_section(f, lang),
            _models_section(f, lang),
            _intents_section(f, lang),
            _staff_section(f, lang),
        ),
        running_title=f"{title} · {fair_name}" if fair_name else title,
        page_label=T["page"].render(lang, page="{page}", pages="{pages}"),
        notice=notice,
        footer_note=t("sample_short", lang) if notice else "",
        meta={"subject": fair_name},
    )


def write_fair_report(
    database: Database,
    path: Path,
    lang: str,
    *,
    offset: timedelta | None = None,
    figures: DashboardFigures | None = None,
) -> ReportResult:
    """Compute the figures (unless given) and write the PDF to ``path`` (replaced when done)."""
    target = Path(path).expanduser()
    f = figures or compute_figures(
        database, offset=offset if offset is not None else local_offset()
    )
    report = build_fair_report(database, f, lang)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        render_fair_report(report, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserFacingError(
            WRITE_FAILED, path=str(target), reason=exc.strerror or str(exc)
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return ReportResult(target, 0, f)
