"""Services layer: use cases called by both the GUI and the CLI (no Qt widgets)."""
