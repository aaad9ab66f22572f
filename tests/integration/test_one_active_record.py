"""One person, one active record (issue 18, item 1): a NIK already active is refused with
the record that has it; `check` reports active twins that sync brought."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.domain.categories import WorkerStatus
from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.services.workers import ActiveNikTaken
from tests.integration.sync_helpers import Office, enrolled_apart


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[AppServices]:
    app = AppServices.open(tmp_path / "oki.db")
    app.demo.generate(workers=30, seed=4, year=2026)
    yield app
    app.close()


def first_worker(app: AppServices) -> dict[str, object]:
    conn = sqlite3.connect(app.path)
    (worker_id,) = conn.execute(
        "SELECT id FROM worker WHERE status = 'aktif' ORDER BY id LIMIT 1"
    ).fetchone()
    conn.close()
    record = app.workers.get(str(worker_id)).values()
    return {"id": str(worker_id), **record}


def copy_of(record: dict[str, object]) -> dict[str, object]:
    keys = ("nik", "sex", "birth_date", "village_code", "category", "position")
    return {**{k: record[k] for k in keys}, "name": "Orang Yang Sama"}


def test_an_active_nik_is_refused_naming_the_record_that_has_it(demo: AppServices) -> None:
    record = first_worker(demo)
    actor = demo.office.local_actor()
    with pytest.raises(ActiveNikTaken) as taken:
        demo.workers.create(actor, copy_of(record))
    assert taken.value.other_id == record["id"]
    assert str(record["name"]) in str(taken.value)
    # Typing that NIK into another active record is refused the same way.
    other = next(
        w
        for w in demo.roster.rows(demo.roster.matching_ids(RosterFilter()))
        if w.id != record["id"]
    )
    with pytest.raises(ActiveNikTaken):
        demo.workers.update(actor, other.id, {"nik": record["nik"]})


def test_the_nik_of_an_inactive_record_may_be_enrolled_again(demo: AppServices) -> None:
    record = first_worker(demo)
    actor = demo.office.local_actor()
    demo.workers.set_status(actor, str(record["id"]), WorkerStatus.NONAKTIF, reason="pindah")
    assert demo.workers.create(actor, copy_of(record))


def test_check_reports_active_twins(demo: AppServices, tmp_path: Path) -> None:
    record = first_worker(demo)
    office = Office("hub", demo, tmp_path)
    enrolled_apart(office, copy_of(record))  # as two offices apart would, then sync
    out, err = io.StringIO(), io.StringIO()
    assert run(["check", "--db", str(demo.path)], out, err) == 1
    assert "lebih dari satu peserta aktif" in err.getvalue()
