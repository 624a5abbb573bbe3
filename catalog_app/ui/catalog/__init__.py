"""The catalog screens: browse and filter models, a model's page, and the side-by-side comparison.

Public widgets (the kiosk reuses them with ``touch=True``):

- ``CatalogBrowser(state, basket, *, touch=False, show_compare_chips=True)``
- ``ModelPage(state, basket, *, touch=False, show_tco_action=True, show_capture_action=True,
  show_brochures=True, show_back=False)``
- ``CompareView(state, basket, *, touch=False, allow_pdf=True, show_back=True)``
- ``CompareTray(state, basket, *, touch=False)``

They share one ``CompareBasket`` (the models picked for comparison, up to four).
``CatalogPage(state)`` puts them together for the staff window.
"""

from catalog_app.ui.catalog.catalog_browser import CatalogBrowser
from catalog_app.ui.catalog.catalog_page import CatalogPage
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.compare_tray import CompareTray
from catalog_app.ui.catalog.compare_view import CompareView
from catalog_app.ui.catalog.model_page import ModelPage

__all__ = [
    "CatalogBrowser",
    "CatalogPage",
    "CompareBasket",
    "CompareTray",
    "CompareView",
    "ModelPage",
]
