"""The catalog screens: browse and filter models, a model's page, and the side-by-side comparison.

Public widgets (reused by the kiosk with ``touch=True``): ``CatalogBrowser``, ``ModelPage``,
``CompareView``; the compare selection they share is a ``CompareBasket``. ``CatalogPage`` puts
them together for the staff window.
"""
