"""Store layer: engine and sessions, SQLite pragmas, migrations, backups, integrity checks."""
