"""Speed benchmarks: each ``bench_*.py`` module measures a subject against a bare baseline.

Run them all with ``bash scripts/bench.sh`` (see ``tests/benchmarks/README.md``); they are reports,
not tests, and pytest does not collect them.
"""
