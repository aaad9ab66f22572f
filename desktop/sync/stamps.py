"""Moments as the database stores them, and how plausible a received clock stamp is."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.store.hlc import HlcStamp

# Stamps outside these bounds come from a laptop whose clock is wrong: still merged (the
# stamp only breaks ties), but reported.
EARLIEST_PLAUSIBLE_MS = int(datetime(2020, 1, 1, tzinfo=UTC).timestamp() * 1000)
FUTURE_TOLERANCE_MS = 24 * 3600 * 1000


def db_time(moment: datetime) -> str:
    """A moment as SQLite columns of Sigap store it (UTC, no offset, microseconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def stamp_plausibility(hlc: str, now_ms: int) -> int:
    """-1 for a stamp from before 2020, 1 for one more than a day ahead, else 0."""
    try:
        ms = HlcStamp.decode(hlc).ms
    except ValueError:
        return 0
    if ms < EARLIEST_PLAUSIBLE_MS:
        return -1
    if ms > now_ms + FUTURE_TOLERANCE_MS:
        return 1
    return 0
