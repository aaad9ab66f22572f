"""Fixtures of the integration tests that sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.sync_helpers import Office, districts_with_workers, join_kecamatan, make_hub


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    """A hub with demo data and one kecamatan laptop enrolled through the real flow."""
    hub = make_hub(tmp_path)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path, district, "kec-a")
    yield hub, laptop
    for office in (hub, laptop):
        office.close()


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Office, Office, Office]]:
    """A hub and two kecamatan laptops of different kecamatan, enrolled through the real flow."""
    hub = make_hub(tmp_path)
    first, second = districts_with_workers(hub, 2)
    a = join_kecamatan(hub, tmp_path, first, "kec-a")
    b = join_kecamatan(hub, tmp_path, second, "kec-b")
    yield hub, a, b
    for office in (hub, a, b):
        office.close()
