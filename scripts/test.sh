#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, unit, GUI (offscreen), integration on
# SQLite and on a real PostgreSQL server that the tests start. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
.venv/bin/ruff check catalog_app tests database scripts
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
