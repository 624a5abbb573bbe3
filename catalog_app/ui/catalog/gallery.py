"""A model's pictures: one shown large with its caption, previous/next, and a strip of the rest.

Keys Left/Right (with the gallery focused) and a click on a thumbnail change the picture.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.catalog import MediaItem
from catalog_app.ui.catalog.sizing import DESK, Sizing
from catalog_app.ui.catalog.thumbnails import load_scaled

STRIP_ICON = QSize(72, 48)


class Gallery(QWidget):
    """Signals:
    current_changed(int): the picture shown (its position among the photos).
    """

    current_changed = Signal(int)

    def __init__(self, photo_size: QSize, sizing: Sizing = DESK, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gallery")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._photo_size = photo_size
        self._items: list[MediaItem] = []
        self._lang = "zh_CN"
        self._current = -1

        self.photo = QLabel()
        self.photo.setObjectName("modelPhoto")
        self.photo.setFixedSize(photo_size)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setObjectName("photoCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = QPushButton("←")
        self.previous_button.setObjectName("previousPhoto")
        self.next_button = QPushButton("→")
        self.next_button.setObjectName("nextPhoto")
        self.position = QLabel()
        self.position.setObjectName("photoPosition")
        for button in (self.previous_button, self.next_button):
            sizing.fit_target(button)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for label in (self.caption, self.position):
            sizing.apply_font(label)
        self.previous_button.clicked.connect(lambda: self.show_photo(self._current - 1))
        self.next_button.clicked.connect(lambda: self.show_photo(self._current + 1))

        self.strip_model = QStandardItemModel(self)
        self.strip = QListView()
        self.strip.setObjectName("photoStrip")
        self.strip.setModel(self.strip_model)
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(STRIP_ICON)
        self.strip.setFrameShape(QFrame.Shape.NoFrame)
        self.strip.setGridSize(STRIP_ICON + QSize(10, 10))
        self.strip.setFixedHeight(STRIP_ICON.height() + 14)
        self.strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.strip.clicked.connect(lambda index: self.show_photo(index.row()))

        controls = QHBoxLayout()  # one row: ← caption 1 / 2 →
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.caption, 1)
        controls.addWidget(self.position)
        controls.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.photo)
        layout.addLayout(controls)
        layout.addWidget(self.strip)
        self.setFixedWidth(photo_size.width())

    def set_photos(self, items: tuple[MediaItem, ...], lang: str) -> None:
        self._items = list(items)
        self._lang = lang
        self.strip_model.clear()
        for item in self._items:
            pixmap = load_scaled(item.path, STRIP_ICON)
            entry = QStandardItem(QIcon(pixmap) if pixmap is not None else QIcon(), "")
            entry.setToolTip(item.caption(lang))
            entry.setEditable(False)
            self.strip_model.appendRow(entry)
        several = len(self._items) > 1
        for widget in (self.previous_button, self.next_button, self.position, self.strip):
            widget.setVisible(several)
        self._current = -1
        self.show_photo(0)

    def count(self) -> int:
        return len(self._items)

    def current(self) -> int:
        return self._current

    def show_photo(self, position: int) -> None:
        """Show the picture at ``position`` (wrapping around at either end)."""
        if not self._items:
            self.photo.clear()
            self.photo.setText(self.tr("No photo"))
            self.photo.setProperty("empty", True)
            self.caption.clear()
            self.caption.hide()
            self._restyle()
            return
        position %= len(self._items)
        if position == self._current:
            return
        self._current = position
        item = self._items[position]
        pixmap = load_scaled(item.path, self._photo_size)
        if pixmap is None:
            self.photo.clear()
            self.photo.setText(self.tr("The picture could not be read"))
            self.photo.setProperty("empty", True)
        else:
            self.photo.setPixmap(pixmap)
            self.photo.setProperty("empty", False)
        self._restyle()
        caption = item.caption(self._lang)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.position.setText(f"{position + 1} / {len(self._items)}")
        self.strip.setCurrentIndex(self.strip_model.index(position, 0, QModelIndex()))
        self.current_changed.emit(position)

    def _restyle(self) -> None:
        self.photo.style().unpolish(self.photo)
        self.photo.style().polish(self.photo)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left and self.count() > 1:
            self.show_photo(self._current - 1)
        elif event.key() == Qt.Key.Key_Right and self.count() > 1:
            self.show_photo(self._current + 1)
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._items:
            self.photo.setText(self.tr("No photo"))
        super().changeEvent(event)
