"""The catalog screens' own style rules (on top of resources/styles/app.qss).

Set on each public widget (``apply_catalog_style``), so the kiosk's copies look the same.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

CATALOG_QSS = """
QScrollArea#modelPage, QWidget#modelPageContent { background: #f6f8fa; }
QScrollArea#facetPanel, QWidget#facetContent { background: #ffffff; }
QScrollArea#facetPanel { border-right: 1px solid #dde3ea; }
QLabel#facetHeading { color: #1f2d3d; font-weight: bold; padding-top: 4px; }
QLabel#rangeSpan { color: #1565c0; }
QPushButton#gridMode:checked, QPushButton#listMode:checked, QPushButton#filtersToggle:checked {
    background: #dcebfb; border: 1px solid #1565c0; border-radius: 4px; color: #0d47a1;
}
QListView#photoStrip { background: transparent; border: none; }
QListView#photoStrip::item:selected { background: transparent; border: 2px solid #1565c0; }
QLabel#photoCaption, QLabel#photoPosition, QLabel#modelCodes, QLabel#modelFacts {
    color: #5f6b7a;
}
QLabel#configuredPrice { color: #b23c17; font-weight: bold; }
QLabel#brochureProblem { color: #b00020; }
QPushButton#compareAction:checked {
    background: #e3f2e6; color: #1b7a34; border: 1px solid #1b7a34; border-radius: 4px;
}
QPushButton#tcoAction, QPushButton#captureAction, QPushButton#openComparison {
    background: #1565c0; color: #ffffff; border: none; border-radius: 4px; padding: 6px 16px;
    font-weight: bold;
}
QPushButton#tcoAction:hover, QPushButton#captureAction:hover, QPushButton#openComparison:hover {
    background: #0d47a1;
}
QPushButton#openComparison:disabled { background: #9bb7d8; }
QFrame#compareTray { background: #ffffff; border-top: 1px solid #c9d4e0; }
QLabel#compareTrayCaption { color: #1f2d3d; font-weight: bold; }
QPushButton#compareChip {
    background: #eef4fb; border: 1px solid #b8cde6; border-radius: 12px; padding: 3px 10px;
    color: #1f2d3d;
}
QPushButton#compareChip:hover { border-color: #b00020; }
QLabel#compareLegend { color: #5f6b7a; }
QLabel#pdfSaved { color: #1b7a34; }
QTableView#compareTable { background: #ffffff; border: 1px solid #dde3ea; }
QLabel#compareEmpty, QLabel#catalogEmpty {
    color: #34495e; background: #ffffff; border: 1px dashed #b8c4d2; border-radius: 6px;
    padding: 24px;
}
QWidget#compareView { background: #f6f8fa; }

/* At the kiosk (touch="true"): the headline reads from a step away, boxes take a finger. */
QWidget[touch="true"] QLabel#modelName { font-size: 24pt; }
QWidget[touch="true"] QLabel#modelPrice { font-size: 21pt; }
QWidget[touch="true"] QLabel#priceCaption, QWidget[touch="true"] QLabel#modelExhibitor {
    font-size: 14pt;
}
QWidget[touch="true"] QLabel#specGroupHeading, QWidget[touch="true"] QLabel#sectionHeading {
    font-size: 15pt;
}
QWidget[touch="true"] QCheckBox::indicator { width: 30px; height: 30px; }
"""


def apply_catalog_style(widget: QWidget, touch: bool = False) -> None:
    widget.setProperty("touch", touch)
    widget.setStyleSheet(CATALOG_QSS)
