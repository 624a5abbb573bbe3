"""Domain layer: typed SQLAlchemy models, value types and pure functions (no Qt, no I/O)."""
