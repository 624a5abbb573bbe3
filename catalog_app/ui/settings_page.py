"""The Settings page: where the data lives, this device, the language, backups, the version."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app import __version__
from catalog_app.store.database import device_code
from catalog_app.ui.app_state import AppState
from catalog_app.ui.backup_scheduler import BackupScheduler
from catalog_app.ui.backups_panel import BackupsPanel
from catalog_app.ui.kiosk.settings_box import KioskSettingsBox

# Each language is named in itself, so anyone can find theirs whatever the current language.
LANGUAGE_CHOICES = (("zh_CN", "中文（简体）"), ("en", "English"))


def _value_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsPage(QScrollArea):
    """Settings and maintenance of this device's database."""

    def __init__(
        self, state: AppState, scheduler: BackupScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.setWidgetResizable(True)
        self._state = state

        self.title = QLabel()
        self.title.setObjectName("pageTitle")

        self.location = _value_label("databaseLocation")
        self.revision = _value_label("schemaRevision")
        self.device = _value_label("deviceId")
        self.version = _value_label("appVersion")
        self.database_box = QGroupBox()
        self.database_form = QFormLayout(self.database_box)
        self.database_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._form_labels = [QLabel() for _ in range(4)]
        for caption, value in zip(
            self._form_labels,
            (self.location, self.revision, self.device, self.version),
            strict=True,
        ):
            self.database_form.addRow(caption, value)

        self.language_box = QGroupBox()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setMinimumWidth(200)
        for code, name in LANGUAGE_CHOICES:
            self.language_combo.addItem(name, code)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.language_hint = QLabel()
        self.language_hint.setWordWrap(True)
        language_layout = QHBoxLayout(self.language_box)
        language_layout.addWidget(self.language_combo)
        language_layout.addWidget(self.language_hint, 1)

        self.backups = BackupsPanel(state, scheduler)

        content = QWidget()
        content.setObjectName("settingsContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.language_box)
        layout.addWidget(self.database_box)
        layout.addWidget(self.backups)
        self.kiosk = KioskSettingsBox(state)
        layout.addWidget(self.kiosk)
        layout.addStretch(1)
        content.setMaximumWidth(980)
        self.setWidget(content)

        state.database_changed.connect(lambda _db: self.refresh())
        state.languages.language_changed.connect(lambda _lang: self._sync_combo())
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self.language_hint.setText(self.tr("Applies at once; no restart needed."))
        self.database_box.setTitle(self.tr("Database and device"))
        captions = (
            self.tr("Database"),
            self.tr("Schema revision"),
            self.tr("This device"),
            self.tr("App version"),
        )
        for label, caption in zip(self._form_labels, captions, strict=True):
            label.setText(caption)
        self.refresh()

    def refresh(self) -> None:
        database = self._state.database
        if database.path is not None:
            self.location.setText(str(database.path))
        else:
            self.location.setText(self.tr("Server: %1").replace("%1", database.url))
        self.location.setToolTip(self.location.text())
        try:
            revision = database.schema_revision() or self.tr("none")
        except Exception as exc:  # noqa: BLE001 - shown, not fatal
            revision = self.tr("unknown (%1)").replace("%1", str(exc))
        self.revision.setText(revision)
        self.device.setText(
            self.tr("code %1 (id %2)")
            .replace("%1", device_code(database.device_id))
            .replace("%2", str(database.device_id))
        )
        self.version.setText(__version__)
        self._sync_combo()

    def _sync_combo(self) -> None:
        index = self.language_combo.findData(self._state.language)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)

    def _language_chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if isinstance(code, str):
            self._state.languages.set_language(code)
