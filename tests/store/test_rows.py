"""Flattening analyses into rows: period bounds of SCHEMA.md date values."""

from __future__ import annotations

import datetime as dt

import pytest

from tealeaves.store.rows import period_bounds

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026", (D(2026, 1, 1), D(2026, 12, 31))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-02", (D(2025, 2, 1), D(2025, 2, 28))),
        ("2026-03-14", (D(2026, 3, 14), D(2026, 3, 14))),
        ("2026-03-21/2026-04-10", (D(2026, 3, 21), D(2026, 4, 10))),
        ("2026-01/2026-03", (D(2026, 1, 1), D(2026, 3, 31))),
        ("2026/2028", (D(2026, 1, 1), D(2028, 12, 31))),
        (None, (None, None)),
        ("", (None, None)),
        ("2026-13", (None, None)),
        ("2026-02-30", (None, None)),
        ("2027/2026", (None, None)),
        ("March 2026", (None, None)),
        ("2026/2027/2028", (None, None)),
    ],
)
def test_period_bounds_spans_whole_period(value: str | None, expected: tuple[D | None, D | None]) -> None:
    assert period_bounds(value) == expected
