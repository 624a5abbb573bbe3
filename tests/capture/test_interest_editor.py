"""The models-of-interest table: rows added, removed (button and Delete key), cleared and reused.

Its rows are made once and reused after the form is cleared (a ``QSpinBox`` made and destroyed
per visitor left memory behind in Qt under the app's style sheet), so these tests check that a
reused row behaves exactly like a new one.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox, QToolButton
from pytestqt.qtbot import QtBot

from catalog_app.ui.capture.interest_editor import InterestEditor

A, B, C = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def make_editor(qtbot: QtBot) -> InterestEditor:
    editor = InterestEditor()
    editor._names.update({A: "A-model", B: "B-model", C: "C-model"})
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def shown_names(editor: InterestEditor) -> list[str]:
    table = editor.table
    return [
        table.item(row, 0).text() for row in range(table.rowCount()) if not table.isRowHidden(row)
    ]


def remove_button(editor: InterestEditor, row: int) -> QToolButton:
    button = editor.table.cellWidget(row, 2)
    assert isinstance(button, QToolButton)
    return button


def test_removing_a_row_by_its_button_moves_the_rest_up_with_their_quantities(
    qtbot: QtBot,
) -> None:
    editor = make_editor(qtbot)
    editor.add_model(A, 2)
    editor.add_model(B, 5)
    editor.add_model(C, 7)
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(remove_button(editor, 0), Qt.MouseButton.LeftButton)
    assert editor.interests() == [(B, 5), (C, 7)]
    assert shown_names(editor) == ["B-model", "C-model"]
    qtbot.mouseClick(remove_button(editor, 1), Qt.MouseButton.LeftButton)
    assert editor.interests() == [(B, 5)]


def test_delete_key_removes_the_current_row(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.add_model(A)
    editor.add_model(B, 3)
    editor.table.setFocus()
    editor.table.setCurrentCell(0, 0)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.interests() == [(B, 3)]
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.interests() == []
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)  # nothing left: no error
    assert shown_names(editor) == []


def test_after_clearing_the_rows_are_reused_and_behave_as_new(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.add_model(A, 4)
    editor.add_model(B, 9)
    widgets_before = len(QApplication.allWidgets())
    for _visitor in range(20):
        editor.clear()
        assert editor.interests() == [] and shown_names(editor) == []
        editor.add_model(C)
        editor.add_model(C, 2)  # the same model again adds to its quantity
        editor.add_model(A)
        assert editor.interests() == [(C, 3), (A, 1)]
    assert len(QApplication.allWidgets()) == widgets_before
    spin = editor.table.cellWidget(0, 1)
    assert isinstance(spin, QSpinBox)
    with qtbot.waitSignal(editor.changed):  # a reused quantity box still reports edits
        spin.setValue(6)
    assert editor.interests() == [(C, 6), (A, 1)]


def test_more_models_than_ever_before_add_rows(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.add_model(A)
    editor.clear()
    editor.set_interests([(B, 2), (C, 3), (A, 1)])
    assert editor.interests() == [(B, 2), (C, 3), (A, 1)]
    assert shown_names(editor) == ["B-model", "C-model", "A-model"]
