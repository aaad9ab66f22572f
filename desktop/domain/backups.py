"""Which backup copies to keep: the newest few, and the first of each month for a year.

A sync import copies the whole database aside first (personal data in clear), so copies
must not pile up on a laptop; a month-old copy is still worth having when a bad bundle is
found late.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TypeVar

K = TypeVar("K")

MONTHLY_FOR = timedelta(days=366)


def backups_to_keep(taken: Mapping[K, datetime], *, keep_last: int, now: datetime) -> set[K]:
    """The copies to keep among *taken* (copy → when it was made): the *keep_last* newest,
    and the earliest of each calendar month of the last year."""
    newest_first = sorted(taken, key=lambda k: taken[k], reverse=True)
    kept = set(newest_first[: max(keep_last, 0)])
    first_of_month: dict[tuple[int, int], K] = {}
    for key in reversed(newest_first):  # oldest first: the first seen in a month stays
        when = taken[key]
        if now - when <= MONTHLY_FOR:
            first_of_month.setdefault((when.year, when.month), key)
    kept.update(first_of_month.values())
    return kept
