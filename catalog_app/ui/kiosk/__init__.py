"""Kiosk mode: a full-screen, touch-only catalog for buyers at the booth.

Browse, filter, compare, run the TCO calculator and leave one's interest; an attract loop when
nobody touches it, with everything typed wiped; leaving needs a staff PIN. ``KioskWindow`` is the
screen; ``launch`` starts it from the command line (``catalog-app --kiosk``) or from Settings.
"""
