"""Hybrid logical clock stamps and version vectors: the labels of the change log.

Laptop clocks can be years off, so ordering between offices is decided by version vectors;
the HLC stamp only labels a change and breaks ties deterministically.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

import orjson

VersionVector = dict[str, int]
# The logical counter is written with six digits (see HlcStamp.encode).
MAX_COUNTER = 999_999


@dataclass(frozen=True, order=True)
class HlcStamp:
    """One stamp: physical milliseconds and a logical counter.

    Stamps of different devices can be equal; ties are broken by the device id, which the
    change log and every synced row keep beside the stamp.
    """

    ms: int
    counter: int

    def encode(self) -> str:
        """Return the sortable text form ``mmmmmmmmmmmmm.cccccc``."""
        return f"{self.ms:013d}.{self.counter:06d}"

    @classmethod
    def decode(cls, text: str) -> HlcStamp:
        """Parse the text form written by :meth:`encode`."""
        ms, counter = text.split(".", 1)
        return cls(int(ms), int(counter))


def wall_clock_ms() -> int:
    """Return the machine's clock in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


class HybridClock:
    """A hybrid logical clock for one device (Kulkarni et al.), never running backwards."""

    def __init__(
        self, ms: int = 0, counter: int = 0, wall: Callable[[], int] | None = None
    ) -> None:
        self.ms = ms
        self.counter = counter
        # Looked up at each tick, so a test can set a laptop's clock wrong.
        self._wall = wall or (lambda: wall_clock_ms())

    def now(self) -> HlcStamp:
        """Issue a stamp later than every stamp issued or observed so far."""
        physical = self._wall()
        if physical > self.ms:
            self.ms, self.counter = physical, 0
        elif self.counter < MAX_COUNTER:
            self.counter += 1
        else:  # the counter's six digits are used up: move on a millisecond
            self.ms, self.counter = self.ms + 1, 0
        return HlcStamp(self.ms, self.counter)

    def stamps(self, count: int) -> list[str]:
        """Issue *count* stamps, encoded, exactly as *count* calls of :meth:`now` in the
        same millisecond would (a bulk load stamps thousands of rows at once)."""
        if count <= 0:
            return []
        physical = self._wall()
        if physical > self.ms:
            self.ms, self.counter = physical, -1
        ms, counter = self.ms, self.counter
        out: list[str] = []
        append = out.append
        prefix = f"{ms:013d}."
        for _ in range(count):
            if counter < MAX_COUNTER:
                counter += 1
            else:
                ms, counter = ms + 1, 0
                prefix = f"{ms:013d}."
            append(f"{prefix}{counter:06d}")
        self.ms, self.counter = ms, counter
        return out

    def observe(self, remote: HlcStamp) -> None:
        """Move past a stamp received from another device."""
        physical = self._wall()
        top = max(physical, self.ms, remote.ms)
        if top == self.ms == remote.ms:
            self.counter = max(self.counter, remote.counter) + 1
        elif top == self.ms:
            self.counter += 1
        elif top == remote.ms:
            self.counter = remote.counter + 1
        else:
            self.counter = 0
        self.ms = top


class Order(Enum):
    """How two version vectors relate."""

    EQUAL = "equal"
    BEFORE = "before"
    AFTER = "after"
    CONCURRENT = "concurrent"


def vv_loads(text: str | None) -> VersionVector:
    """Parse a version vector stored as JSON."""
    if not text:
        return {}
    data = json.loads(text)
    return {str(k): int(v) for k, v in data.items()}


def vv_dumps(vector: Mapping[str, int]) -> str:
    """Serialise a version vector canonically (sorted keys, no spaces)."""
    return orjson.dumps(dict(vector), option=orjson.OPT_SORT_KEYS).decode()


def vv_merge(a: Mapping[str, int], b: Mapping[str, int]) -> VersionVector:
    """Return the element-wise maximum of two version vectors."""
    merged = dict(a)
    for device, seq in b.items():
        if seq > merged.get(device, 0):
            merged[device] = seq
    return merged


def vv_compare(a: Mapping[str, int], b: Mapping[str, int]) -> Order:
    """Compare *a* to *b*: equal, before (dominated), after (dominates) or concurrent."""
    a_ahead = any(seq > b.get(dev, 0) for dev, seq in a.items())
    b_ahead = any(seq > a.get(dev, 0) for dev, seq in b.items())
    if a_ahead and b_ahead:
        return Order.CONCURRENT
    if a_ahead:
        return Order.AFTER
    if b_ahead:
        return Order.BEFORE
    return Order.EQUAL
