"""The list of search results, as cards in a grid or as rows; cards share each row's width.

A plain ``QListView`` over ``ModelListModel`` painted by ``ModelCardDelegate`` (no widget per
model); in grid mode the card width follows the view's width so the row is always filled.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from catalog_app.ui.catalog.catalog_delegate import CardMode, ModelCardDelegate
from catalog_app.ui.catalog.catalog_model import ModelListModel


class ResultsView(QListView):
    def __init__(
        self,
        model: ModelListModel,
        delegate: ModelCardDelegate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogList")
        self.setModel(model)
        self.setItemDelegate(delegate)
        self._delegate = delegate
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)

    def mode(self) -> CardMode:
        return self._delegate.mode

    def set_mode(self, mode: CardMode) -> None:
        self._delegate.mode = mode
        grid = mode is CardMode.GRID
        self.setViewMode(QListView.ViewMode.IconMode if grid else QListView.ViewMode.ListMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(grid)
        self.setFlow(QListView.Flow.LeftToRight if grid else QListView.Flow.TopToBottom)
        self.setSpacing(0)
        # Always there in grid mode: a scroll bar that comes and goes would change the card
        # width, which changes the rows, which brings the scroll bar back.
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if grid else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.fit_cards()
        self.doItemsLayout()

    def fit_cards(self) -> None:
        """Cards share the row's width evenly, never narrower than the sizing's card width."""
        delegate = self._delegate
        if delegate.mode is not CardMode.GRID:
            self.setGridSize(QSize())
            return
        width = self.viewport().width() - 2
        smallest = delegate.sizing.card_width
        columns = max(1, width // smallest)
        size = QSize(max(smallest, width // columns), delegate.grid_card_height(self.font()))
        if size != delegate.card_size or self.gridSize() != size:
            delegate.card_size = size
            self.setGridSize(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_cards()
