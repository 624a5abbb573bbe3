"""The steps of ``catalog-app smoke-test`` (see ``smoke_commands``): each takes the run, does
one thing a booth laptop must do, and returns a line for the report (or raises).

They call the same services as the window and the CLI. A step whose feature this build does not
have raises ``Skip``; once the feature is there, a changed interface makes the step FAIL, which
is the point: the smoke test must follow the app.
"""

from __future__ import annotations

import importlib.util
import os
import time
import zipfile

from catalog_app.commands.smoke_commands import STARTED, Skip, SmokeRun

SMOKE_MANAGER = "冒烟测试经理"
SMOKE_MANAGER_PIN = "24680"


def open_sample_fair(run: SmokeRun) -> str:
    """Create the sample fair if the file is new (Alembic migrations from the shipped scripts),
    then open it."""
    from catalog_app.services.catalog import CatalogService
    from catalog_app.store.database import open_database

    created = not run.db_path.exists()
    if created:
        from catalog_app.services.demo import build_demo_database

        build_demo_database(run.db_path)
    run.database = open_database(str(run.db_path), backup_on_open=False)
    count = CatalogService(run.database).count_models()
    if count == 0:
        raise RuntimeError("the database holds no truck models")
    revision = run.database.schema_revision()
    made = "created with the sample fair" if created else "opened"
    return f"{made}: {count} models, schema {revision}"


def show_main_window(run: SmokeRun) -> str:
    """The real main window with the bundled font and translations; every page visited."""
    os.environ["QT_QPA_PLATFORM"] = run.platform
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFontInfo

    from catalog_app.ui.app import prepare_application
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.fonts import BUNDLED_FAMILY
    from catalog_app.ui.main_window import MainWindow

    app, languages = prepare_application(run.lang)
    if languages.problem:
        raise RuntimeError(languages.problem)
    window = MainWindow(AppState(run.database, languages))
    window.show()
    app.processEvents()
    shown = time.perf_counter() - STARTED
    print(f"SHOWN {shown:.6f}", flush=True)
    pages = window.navigation.count()
    for row in range(pages):
        window.navigation.setCurrentRow(row)
        app.processEvents()
    window.navigation.setCurrentRow(0)
    QTimer.singleShot(run.event_loop_ms, app.quit)
    app.exec()
    family = QFontInfo(window.font()).family()
    if family != BUNDLED_FAMILY:
        raise RuntimeError(f"the window draws with {family!r}, not the bundled {BUNDLED_FAMILY}")
    if run.screenshot is not None:
        run.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(run.screenshot)):
            raise RuntimeError(f"could not save the screenshot {run.screenshot}")
    window.close()
    title = window.windowTitle()
    return f"{title!r} shown after {shown:.2f} s on {app.platformName()}, {pages} pages, {family}"


def check_qt_locale_data(run: SmokeRun) -> str:
    """Qt's locale data (ICU on Linux, trimmed in the bundle) still sorts and names Chinese."""
    from PySide6.QtCore import QCollator, QLocale

    china = QLocale("zh_CN")
    collator = QCollator(china)
    places = ["上海", "北京", "安顺", "遵义"]
    ordered = sorted(places, key=collator.sortKey)
    if ordered != ["安顺", "北京", "上海", "遵义"]:
        raise RuntimeError(f"Chinese collation is wrong (ICU data missing?): {ordered}")
    day, money = china.dayName(1), china.toCurrencyString(1234.5)
    if day != "星期一" or "1,234.50" not in money:
        raise RuntimeError(f"Chinese locale names are wrong: {day!r}, {money!r}")
    return f"pinyin collation {''.join(ordered)}, {day}, {money}"


def print_to_pdf(run: SmokeRun) -> str:
    """Qt's print support (what the intents page prints with) writes Chinese to a PDF printer;
    the system's printers are listed through the bundled CUPS plugin where there is one."""
    _require("PySide6.QtPrintSupport", "Qt print support")
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    target = run.out_dir / "smoke-print.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the PDF printer could not be started")
    painter.drawText(QPointF(100, 200), "购车意向书（冒烟测试） Letter of intent")
    painter.end()
    summary = _pdf_summary(target.read_bytes())
    printers = len(QPrinterInfo.availablePrinterNames())
    return f"{target.name}: {summary}; {printers} system printer(s) listed"


def save_lead(run: SmokeRun) -> str:
    """A lead with a Chinese name, a mobile number, consent and an interest, saved durably."""
    from catalog_app.domain.enums import LeadSource
    from catalog_app.services.catalog import CatalogService
    from catalog_app.services.consent import current_consent
    from catalog_app.services.lead_input import InterestInput, LeadInput
    from catalog_app.services.leads import LeadService

    model = CatalogService(run.database).list_models()[0]
    consent = current_consent(run.lang)
    typed = LeadInput(
        person_name="冒烟测试 王工",
        company="贵州示例冷链物流有限公司（样例）",
        mobile="+86 138 0013 8000",
        email="smoke.test@example.cn",
        consent_given=True,
        consent_text=consent.text,
        consent_version=consent.version,
        consent_purposes=list(consent.purposes),
        interests=[InterestInput(model.id, quantity=3)],
        notes="smoke test of the build",
    )
    leads = LeadService(run.database)
    run.lead_id = leads.save(typed, source=LeadSource.BOOTH)
    saved = leads.get(run.lead_id)
    if saved.data.person_name != typed.person_name or len(saved.data.interests) != 1:
        raise RuntimeError(f"the lead read back differs: {saved.data}")
    return f"lead {run.lead_id} saved and read back ({model.code} x3)"


def _require(module: str, feature: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise Skip(f"this build has no {feature} ({module})")


def _pdf_summary(data: bytes) -> str:
    """Size, pages and the Chinese font of a PDF; raises if it is cut short or lacks the font."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise RuntimeError("the PDF is not complete")
    if b"WenQuanYi" not in data:
        raise RuntimeError("the PDF does not embed the bundled Chinese font")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page")
    return f"{len(data):,} bytes, {pages or '?'} page(s), WenQuanYi embedded"


def render_intent_pdf(run: SmokeRun) -> str:
    """A purchase-intent form made from the saved lead, saved, and rendered as PDF."""
    _require("catalog_app.services.intent_render", "intent PDF rendering")
    if run.lead_id is None:
        raise Skip("no lead was saved, so no form can be made from one")
    from catalog_app.services.intent_prefill import IntentPrefill
    from catalog_app.services.intent_render import IntentRenderer, write_pdf
    from catalog_app.services.intents import IntentService

    prefill = IntentPrefill(run.database).from_lead(run.lead_id)
    record = IntentService(run.database).save(prefill.intent)
    data = IntentRenderer(run.database).render_record(record)
    path = write_pdf(data, run.out_dir / "smoke-intent.pdf")
    return f"intent {record.reference} -> {path.name}: {_pdf_summary(path.read_bytes())}"


def _manager(run: SmokeRun):  # -> StaffMember
    """The smoke-test manager, signed in with its PIN (scrypt through the bundled OpenSSL).

    Made on first use — by nobody when the file has no manager yet, else on behalf of the first
    manager there is — so ``catalog-app export --staff 冒烟测试经理`` can sign in as it too."""
    from catalog_app.domain.enums import StaffRole
    from catalog_app.services.accounts import AccountService

    accounts = AccountService(run.database)
    members = accounts.list_staff()
    smoke = next((m for m in members if m.display_name == SMOKE_MANAGER), None)
    if smoke is None:
        acting = next((m for m in members if m.is_manager), None)
        smoke = accounts.create_staff(
            SMOKE_MANAGER, StaffRole.MANAGER, SMOKE_MANAGER_PIN, actor=acting
        )
    return accounts.authenticate(smoke.id, SMOKE_MANAGER_PIN)


def export_xlsx(run: SmokeRun) -> str:
    """The leads exported to XLSX as a manager would, and the saved lead found in the file."""
    _require("catalog_app.services.exports", "lead exports")
    from catalog_app.services.exports import ExportFormat, ExportRequest, export_leads

    target = run.out_dir / "smoke-leads.xlsx"
    request = ExportRequest(ExportFormat.XLSX, target, mark_exported=False)
    result = export_leads(run.database, request, actor=_manager(run))
    with zipfile.ZipFile(result.path) as workbook:  # shared or inline strings: read all parts
        parts = [n for n in workbook.namelist() if n.startswith("xl/") and n.endswith(".xml")]
        text = "".join(workbook.read(name).decode("utf-8") for name in parts)
        sheets = [n for n in parts if n.startswith("xl/worksheets/sheet")]
    if run.lead_id is not None and "冒烟测试 王工" not in text:
        raise RuntimeError(f"the saved lead is not in {target.name}")
    return f"{result.rows} leads -> {target.name}: {len(sheets)} sheets, saved lead found"
