"""Which import backups are kept: the newest N and the first of each month for a year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.backups import backups_to_keep

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def test_the_newest_are_kept_and_the_first_of_each_month_for_a_year() -> None:
    taken = {f"daily-{i}": NOW - timedelta(days=i) for i in range(400)}
    kept = backups_to_keep(taken, keep_last=10, now=NOW)
    newest = {f"daily-{i}" for i in range(10)}
    assert newest <= kept
    firsts = {k for k in kept - newest}
    # One per calendar month back to December 2025 (within 366 days), each its month's first.
    months = sorted((taken[k].year, taken[k].month) for k in firsts)
    assert len(months) == len(set(months))
    for key in firsts:
        when = taken[key]
        assert NOW - when <= timedelta(days=366)
        assert not any(  # the first of its month among the copies of the last year
            (t.year, t.month) == (when.year, when.month)
            and NOW - t <= timedelta(days=366)
            and t < when
            for t in taken.values()
        )
    assert len(kept) == 10 + 12  # the 10 newest, plus Nov 2025 … Nov 2026's first days
    assert "daily-399" not in kept  # older than a year, not among the newest


def test_a_handful_of_copies_are_all_kept() -> None:
    taken = {n: NOW - timedelta(hours=n) for n in range(5)}
    assert backups_to_keep(taken, keep_last=10, now=NOW) == set(taken)


def test_keep_last_one_still_keeps_this_months_first() -> None:
    taken = {n: NOW - timedelta(hours=n) for n in range(5)}
    assert backups_to_keep(taken, keep_last=1, now=NOW) == {0, 4}


@given(
    st.dictionaries(
        st.integers(0, 10_000),
        st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 12, 6, 9, 0)).map(
            lambda d: d.replace(tzinfo=UTC)
        ),
        max_size=60,
    ),
    st.integers(1, 20),
)
def test_kept_copies_are_bounded_and_include_the_newest(
    taken: dict[int, datetime], keep_last: int
) -> None:
    kept = backups_to_keep(taken, keep_last=keep_last, now=NOW)
    assert kept <= set(taken)
    assert len(kept) <= keep_last + 13
    if taken:
        assert max(taken, key=lambda k: (taken[k], k)) in kept or (
            sum(t == max(taken.values()) for t in taken.values()) > keep_last
        )
