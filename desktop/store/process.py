"""Process-wide interpreter settings that long writes change for their duration.

Python's garbage collector and its thread switch interval belong to the whole process, but
several loads (an import on a worker thread, a demo on another) may want them changed at
once. A :class:`SharedSetting` counts who holds it: the first one in changes the setting,
the last one out restores what was there before.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

Saved = TypeVar("Saved")

QUICK_SWITCH_S = 0.0001


class SharedSetting(Generic[Saved]):
    """A setting changed by *change* (which returns what it replaced) while held."""

    def __init__(self, change: Callable[[], Saved], restore: Callable[[Saved], None]) -> None:
        self._change = change
        self._restore = restore
        self._lock = threading.Lock()
        self._holders = 0
        self._saved: Saved | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._holders == 0:
                self._saved = self._change()
            self._holders += 1
        try:
            yield
        finally:
            with self._lock:
                self._holders -= 1
                if self._holders == 0:
                    saved, self._saved = self._saved, None
                    self._restore(saved)  # type: ignore[arg-type]  # set by the first holder


def _pause_collector() -> bool:
    was_enabled = gc.isenabled()
    gc.disable()
    return was_enabled


def _resume_collector(was_enabled: bool) -> None:
    if was_enabled:
        gc.enable()


def _switch_quickly() -> float:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, QUICK_SWITCH_S))
    return interval


# Pause the cyclic garbage collector while a file is judged and written: every row
# allocates a few containers, and with a whole sheet's rows alive each of the collector's
# passes walks them all (~0.9 s of a 120,000-row import) for garbage that has no cycles.
COLLECTOR_PAUSED = SharedSetting(_pause_collector, _resume_collector)

# Let a thread waiting for the GIL have it within 0.1 ms instead of Python's 5 ms. A bulk
# load's writer thread releases the GIL for every statement SQLite runs and needs it back to
# bind the next rows while the loading thread keeps it busy preparing rows; at 5 ms a wait,
# that cost about 1.5 s of a 120,000-row import here. Switching sooner costs nothing
# measurable when only one thread runs Python.
QUICK_HANDOFF = SharedSetting(_switch_quickly, sys.setswitchinterval)
