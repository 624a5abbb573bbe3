#!/usr/bin/env bash
# The one command for the speed benchmarks (tests/benchmarks/README.md):
#
#   bash scripts/bench.sh [--quick] [--only NAME] [--json FILE] [--markdown FILE] [--workdir DIR]
#
# Prints a table of subject vs baseline medians with their ratio and goal. Exit code 0 when all
# benchmarks ran (goals missed or not: it is a report), non-zero when one failed to run.
# Uses .venv/bin/python when the repository has a .venv, else $PYTHON, else python3.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [[ -x .venv/bin/python ]]; then
    python=.venv/bin/python
else
    python="${PYTHON:-python3}"
fi

export QT_QPA_PLATFORM=offscreen
exec "$python" -m tests.benchmarks.run "$@"
