#!/usr/bin/env bash
# Set up (first time) and start the app on the bundled sample fair.
# Extra arguments go to the app, e.g. `bash scripts/run.sh --lang en`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/catalog-app demo --start "$@"
