"""The kiosk's look: large type and touch targets of at least 48 px (here 56–72 px).

Applied as the kiosk window's own style sheet, so the desk UI's look stays as it is. The rules
reach only the kiosk's own parts (``mark_kiosk_part``); the catalog's model page and comparison,
reused here, bring their own touch sizes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

TOUCH_TARGET = 56  # px; every tappable thing is at least this high (guidance: >= 48 px)
KEYPAD_KEY = 72  # the phone and PIN keypads
SMALL_KEYPAD_KEY = 60  # the TCO keypad beside the form

KIOSK_QSS = """
QWidget#kioskWindow { background: #f3f6f9; }
QWidget#kioskWindow QStackedWidget { background: #f3f6f9; }
QWidget[kioskPart="true"] QLabel { font-size: 15pt; color: #1f2d3d; }
QWidget[kioskPart="true"] QPushButton {
    font-size: 15pt; min-height: 44px; padding: 6px 18px; border-radius: 10px;
    background: #ffffff; border: 2px solid #b8c4d2; color: #1f2d3d;
}
QWidget[kioskPart="true"] QPushButton:pressed { background: #dbe7f5; }
QWidget[kioskPart="true"] QPushButton:checked {
    background: #1565c0; border-color: #1565c0; color: #ffffff;
}
QWidget[kioskPart="true"] QPushButton:disabled { color: #9aa5b1; border-color: #dde3ea; }
QWidget[kioskPart="true"] QPushButton[role="primary"] {
    background: #2e7d32; border-color: #2e7d32; color: #ffffff; font-weight: bold;
}
QWidget[kioskPart="true"] QPushButton[role="accent"] {
    background: #1565c0; border-color: #1565c0; color: #ffffff; font-weight: bold;
}
QWidget[kioskPart="true"] QPushButton[role="key"] {
    font-size: 22pt; min-height: 0px; min-width: 80px; padding: 2px;
}
QWidget[kioskPart="true"] QPushButton[role="quiet"] {
    background: transparent; border: none; color: #8a96a5; font-size: 12pt;
}
QWidget[kioskPart="true"] QLineEdit {
    font-size: 18pt; min-height: 48px; padding: 2px 12px; border-radius: 8px;
    border: 2px solid #b8c4d2; background: #ffffff;
}
QWidget[kioskPart="true"] QCheckBox { font-size: 15pt; min-height: 52px; spacing: 14px; }
QWidget[kioskPart="true"] QCheckBox::indicator { width: 40px; height: 40px; }
QFrame#kioskTopBar { background: #1f2d3d; }
QFrame#kioskTopBar QLabel { color: #ffffff; font-size: 17pt; }
QWidget[kioskPart="true"] QLabel#kioskTitle { font-size: 24pt; font-weight: bold; }
QWidget[kioskPart="true"] QLabel#kioskProblem {
    font-size: 17pt; color: #ffffff; background: #b00020; border-radius: 8px; padding: 10px 14px;
}
QWidget[kioskPart="true"] QLabel#kioskFieldProblem {
    font-size: 15pt; color: #b00020; font-weight: bold;
}
QWidget[kioskPart="true"] QFrame#kioskCard {
    background: #ffffff; border: 2px solid #dde3ea; border-radius: 12px;
}
QWidget[kioskPart="true"] QTableWidget { font-size: 14pt; }
QWidget[kioskPart="true"] QTabBar::tab { min-height: 44px; font-size: 14pt; padding: 4px 20px; }
QWidget[kioskPart="true"] QGroupBox { font-size: 14pt; font-weight: bold; }
QWidget[kioskPart="true"] QHeaderView::section { font-size: 14pt; padding: 6px; }
QWidget[kioskPart="true"] QScrollBar:vertical { width: 28px; }
QWidget[kioskPart="true"] QScrollBar:horizontal { height: 28px; }
"""


def mark_kiosk_part(widget: QWidget) -> None:
    """Let the kiosk's style sheet reach ``widget`` and what it contains."""
    widget.setProperty("kioskPart", True)
