"""The kiosk's look: large type and touch targets of at least 48 px (here 56–72 px).

Applied as the kiosk window's own style sheet, so the desk UI's look stays as it is.
"""

from __future__ import annotations

TOUCH_TARGET = 56  # px; every tappable thing is at least this high (guidance: >= 48 px)
KEYPAD_KEY = 72  # the phone and PIN keypads
SMALL_KEYPAD_KEY = 60  # the TCO keypad beside the form

KIOSK_QSS = """
QWidget#kioskWindow { background: #f3f6f9; }
QWidget#kioskWindow QLabel { font-size: 15pt; color: #1f2d3d; }
QWidget#kioskWindow QPushButton {
    font-size: 15pt; min-height: 44px; padding: 6px 18px; border-radius: 10px;
    background: #ffffff; border: 2px solid #b8c4d2; color: #1f2d3d;
}
QWidget#kioskWindow QPushButton:pressed { background: #dbe7f5; }
QWidget#kioskWindow QPushButton:checked {
    background: #1565c0; border-color: #1565c0; color: #ffffff;
}
QWidget#kioskWindow QPushButton:disabled { color: #9aa5b1; border-color: #dde3ea; }
QWidget#kioskWindow QPushButton[role="primary"] {
    background: #2e7d32; border-color: #2e7d32; color: #ffffff; font-weight: bold;
}
QWidget#kioskWindow QPushButton[role="accent"] {
    background: #1565c0; border-color: #1565c0; color: #ffffff; font-weight: bold;
}
QWidget#kioskWindow QPushButton[role="key"] {
    font-size: 22pt; min-height: 0px; min-width: 80px; padding: 2px;
}
QWidget#kioskWindow QPushButton[role="quiet"] {
    background: transparent; border: none; color: #8a96a5; font-size: 12pt;
}
QWidget#kioskWindow QLineEdit {
    font-size: 18pt; min-height: 48px; padding: 2px 12px; border-radius: 8px;
    border: 2px solid #b8c4d2; background: #ffffff;
}
QWidget#kioskWindow QCheckBox { font-size: 15pt; min-height: 52px; spacing: 14px; }
QWidget#kioskWindow QCheckBox::indicator { width: 40px; height: 40px; }
QWidget#kioskWindow QFrame#kioskTopBar { background: #1f2d3d; }
QWidget#kioskWindow QFrame#kioskTopBar QLabel { color: #ffffff; font-size: 17pt; }
QWidget#kioskWindow QLabel#kioskTitle { font-size: 24pt; font-weight: bold; }
QWidget#kioskWindow QLabel#kioskProblem {
    font-size: 17pt; color: #ffffff; background: #b00020; border-radius: 8px; padding: 10px 14px;
}
QWidget#kioskWindow QLabel#kioskFieldProblem { font-size: 15pt; color: #b00020; font-weight: bold; }
QWidget#kioskWindow QFrame#kioskCard {
    background: #ffffff; border: 2px solid #dde3ea; border-radius: 12px;
}
QWidget#kioskWindow QTableWidget { font-size: 14pt; }
QWidget#kioskWindow QTabBar::tab { min-height: 44px; font-size: 14pt; padding: 4px 20px; }
QWidget#kioskWindow QGroupBox { font-size: 14pt; font-weight: bold; }
QWidget#kioskWindow QHeaderView::section { font-size: 14pt; padding: 6px; }
QWidget#kioskWindow QScrollBar:vertical { width: 28px; }
QWidget#kioskWindow QScrollBar:horizontal { height: 28px; }
"""
