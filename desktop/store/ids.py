"""Row identifiers: time-ordered UUIDs (version 7 layout) and stable ids for natural keys."""

from __future__ import annotations

import os
import random
import time
import uuid

# Namespace for ids derived from natural keys, so two offices that import the same region
# list independently create the same rows (and sync them as one).
SIGAP_NAMESPACE = uuid.UUID("6f0c2a52-8d1e-4b7a-9a57-3c1d6a0f5e21")


def uuid7_from(ms: int, rand: int) -> str:
    """Build a UUIDv7 string from a millisecond timestamp and 74 random bits."""
    value = (ms & 0xFFFF_FFFF_FFFF) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & 0x3FFF_FFFF_FFFF_FFFF  # rand_b, 62 bits
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# One os.urandom call per id costs ~10 µs here (a system call each); a generator seeded
# from the OS gives the 74 random bits of a UUIDv7 without it. Reseeded in forked children
# so two processes never share a sequence.
_random = random.Random(os.urandom(32))
os.register_at_fork(after_in_child=lambda: _random.seed(os.urandom(32)))


def new_id() -> str:
    """Return a new time-ordered UUID: B-tree inserts stay local, ids still unique."""
    return uuid7_from(time.time_ns() // 1_000_000, _random.getrandbits(74))


def new_ids(count: int) -> list[str]:
    """Return *count* new time-ordered UUIDs of this millisecond (a bulk load's ids): the
    same layout as :func:`new_id`, with the time part formatted once."""
    head = f"{(time.time_ns() // 1_000_000) & 0xFFFF_FFFF_FFFF:012x}"
    prefix = f"{head[:8]}-{head[8:]}-7"
    bits = _random.getrandbits
    out: list[str] = []
    append = out.append
    for _ in range(count):
        rand = bits(74)
        tail = f"{(rand & 0x3FFF_FFFF_FFFF_FFFF) | (0b10 << 62):016x}"
        append(f"{prefix}{(rand >> 62) & 0xFFF:03x}-{tail[:4]}-{tail[4:]}")
    return out


def stable_id(kind: str, *key: str) -> str:
    """Return the same UUID for the same natural key on every device (UUID version 5)."""
    return str(uuid.uuid5(SIGAP_NAMESPACE, "\x1f".join((kind, *key))))
