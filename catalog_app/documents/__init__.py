"""Documents layer: reportlab renderers (fonts, styles); never opens a session."""
