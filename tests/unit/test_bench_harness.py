"""The benchmark report's rows in other units than seconds (memory in MiB), and the goal on an
increase (memory after a long run against memory before it)."""

from __future__ import annotations

from tests.benchmarks.harness import (
    MIB,
    OK,
    OVER_GOAL,
    Benchmark,
    Result,
    Stats,
    format_markdown,
    table_rows,
)


def result(row: Benchmark, subject: float, baseline: float) -> Result:
    return Result("suite", row, Stats.of([subject]), Stats.of([baseline]))


def test_a_memory_row_prints_and_judges_mebibytes() -> None:
    row = Benchmark("bundle size", unit=MIB, goal_seconds=120.0)
    assert row.goal_text == "<= 120.0 MiB"
    small, big = result(row, 118.25, 90.0), result(row, 144.6, 90.0)
    assert table_rows([small])[0][1:4] == ("118.2 MiB", "90.0 MiB", "1.31x")
    assert (small.verdict, big.verdict) == (OK, OVER_GOAL)


def test_a_goal_on_the_increase_compares_subject_and_baseline() -> None:
    row = Benchmark("RSS after the soak vs after warm-up", unit=MIB, goal_increase=24.0)
    assert row.goal_text == "<= +24.0 MiB"
    assert result(row, 310.0, 290.0).verdict == OK
    assert result(row, 320.0, 290.0).verdict == OVER_GOAL
    assert "| 320.0 MiB | 290.0 MiB | 1.10x | <= +24.0 MiB | over goal |" in format_markdown(
        [result(row, 320.0, 290.0)]
    )


def test_time_rows_are_unchanged() -> None:
    row = Benchmark("lead save", goal_ratio=3.0, goal_seconds=0.05)
    assert row.goal_text == "<= 3x, <= 50.00 ms"
    assert table_rows([result(row, 0.0014, 0.0004)])[0][1:] == (
        "1.40 ms",
        "400.0 us",
        "3.50x",
        "<= 3x, <= 50.00 ms",
        "over goal",
    )
