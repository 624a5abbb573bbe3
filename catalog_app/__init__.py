"""catalog_app: offline-first trade-fair catalog, lead desk and intent printer for NEV trucks."""

__version__ = "0.1.0"
