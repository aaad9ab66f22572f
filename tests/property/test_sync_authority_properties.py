"""A laptop's bundles, honest and hostile in any order: nothing outside its authority changes
at the hub, and every honest change still arrives (issue 17).

One hub and one enrolled kecamatan laptop (built through the real enrolment flow once;
every example starts from a copy). Hypothesis draws a sequence of steps: the laptop's clerk
edits one of its workers (an honest bundle follows), or the laptop's insider sends a bundle
written with the project's own writer and the laptop's real keys that reaches beyond the
kecamatan's authority: another kecamatan's worker, a region or setting, a field the regency
decides, a claim step in the hub's name, a regency role, a change claiming to follow what
the hub never sent, a stamp far in the future. Each hostile bundle must be refused with the
hub unchanged; at the end the laptop's genuine bundle carries every honest edit.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services.sync import SyncRefused
from desktop.store.ids import new_id
from tests.integration.sync_helpers import (
    Office,
    clone_offices,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)
from tests.integration.test_sync_adversarial import forge, laptop_change

NAMES = ("hub", "kec-a")
PHONES = ("081200000001", "081200000002", "082300000003", "085700000004")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("authority-template")
    hub = make_hub(folder, workers=60)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, folder, district, "kec-a")
    for office in (hub, laptop):
        office.close()
    yield folder


def _one(office: Office, sql: str, params: tuple[Any, ...] = ()) -> Any:
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(sql, params).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def _hostile(hub: Office, a: Office, kind: str, pick: int) -> tuple[Any, ...]:
    """One change an insider of the laptop might send, of the drawn *kind*."""
    district = district_of(a)
    if kind == "other_worker":
        worker = _one(
            hub,
            "SELECT id FROM worker WHERE district_code <> ? ORDER BY id LIMIT 1 OFFSET ?",
            (district, pick % 20),
        )
        return laptop_change(a, hub, "worker", worker, "update", {"phone": [None, "0811"]})
    if kind == "region":
        region = _one(hub, "SELECT id FROM region ORDER BY id LIMIT 1 OFFSET ?", (pick % 50,))
        return laptop_change(a, hub, "region", region, "update", {"name": [None, "Wilayah X"]})
    if kind == "setting":
        return laptop_change(
            a, hub, "setting", new_id(), "insert",
            {"key": [None, "backup.keep_last"], "value": [None, "1"]},
        )  # fmt: skip
    if kind == "admin_role":
        return laptop_change(
            a, hub, "app_user", a.actor.user_id, "update",
            {"role": ["operator_kecamatan", "admin_kabupaten"]},
        )  # fmt: skip
    if kind == "claim_decision":
        claim = _one(
            hub,
            "SELECT id FROM claim WHERE village_code LIKE ? ORDER BY id LIMIT 1",
            (district + ".%",),
        )
        if claim is None:
            return _hostile(hub, a, "admin_role", pick)
        return laptop_change(
            a, hub, "claim", claim, "update",
            {"amount_approved": [0, 150_000_000 + pick], "decision_number": [None, "X/1"]},
        )  # fmt: skip
    if kind == "hub_event":
        claim = _one(
            hub,
            "SELECT id FROM claim WHERE village_code LIKE ? ORDER BY id LIMIT 1",
            (district + ".%",),
        )
        if claim is None:
            return _hostile(hub, a, "region", pick)
        return laptop_change(
            a, hub, "claim_event", new_id(), "insert",
            {
                "claim_id": [None, claim], "status": [None, "disetujui"],
                "at": [None, "2026-11-20 08:00:00.000000"],
                "actor_user_id": [None, hub.actor.user_id], "actor_name": [None, "Admin"],
                "device_id": [None, device_of(hub)], "data": [None, "{}"],
            },
        )  # fmt: skip
    worker = _one(
        hub,
        "SELECT id FROM worker WHERE district_code = ? ORDER BY id LIMIT 1 OFFSET ?",
        (district, pick % 5),
    )
    if kind == "unsent_vector":
        hub.app.workers.update(hub.actor, worker, {"address": f"Jl. Hub {pick}"})
        return laptop_change(a, hub, "worker", worker, "update", {"phone": [None, "0899"]})
    # A stamp from the year 2286 on an otherwise honest edit.
    change = laptop_change(a, a, "worker", worker, "update", {"phone": [None, "0899"]})
    return (*change[:7], "9999999999999.000001", *change[8:])


# What each kind of hostile bundle is refused as.
REFUSED_AS = {
    "other_worker": {"sync.scope"},
    "region": {"sync.scope"},
    "setting": {"sync.scope"},
    "admin_role": {"sync.authority"},
    "claim_decision": {"sync.authority"},
    "hub_event": {"sync.scope", "sync.authority", "sync.event"},
    "unsent_vector": {"sync.vector"},
    "far_stamp": {"sync.clock"},
}
HOSTILE = st.sampled_from(
    (
        "other_worker", "region", "setting", "admin_role", "claim_decision", "hub_event",
        "unsent_vector", "far_stamp",
    )
)  # fmt: skip
STEP = st.one_of(
    st.tuples(st.just("honest"), st.integers(0, 4), st.sampled_from(PHONES)),
    st.tuples(st.just("hostile"), HOSTILE, st.integers(0, 1000)),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_nothing_outside_the_laptops_authority_changes_and_honest_changes_arrive(
    template: Path, steps: list[tuple[str, Any, Any]]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        hub, a = clone_offices(template, Path(scratch), NAMES)
        try:
            _run(hub, a, steps, Path(scratch))
        finally:
            for office in (hub, a):
                office.close()


def _run(hub: Office, a: Office, steps: list[tuple[str, Any, Any]], out: Path) -> None:
    honest: dict[str, str] = {}
    district = district_of(a)
    workers = [
        str(w)
        for (w,) in sqlite3.connect(a.app.path).execute(
            "SELECT id FROM worker WHERE district_code = ? ORDER BY id LIMIT 5", (district,)
        )
    ]
    for step in steps:
        if step[0] == "honest":
            worker = workers[step[1] % len(workers)]
            a.app.workers.update(a.actor, worker, {"phone": step[2]})
            honest[worker] = step[2]
            continue
        change = _hostile(hub, a, step[1], step[2])
        before = hub.dump()
        with pytest.raises(SyncRefused) as refusal:
            hub.receive(forge(a, hub, [change], out))
        assert refusal.value.code in REFUSED_AS[step[1]], (step, refusal.value.code)
        assert hub.dump() == before, step
    # The genuine bundle, cumulative, carries every honest edit.
    hub.receive(a.export())
    for worker, phone in honest.items():
        assert _one(hub, "SELECT phone FROM worker WHERE id = ?", (worker,)) == phone
    assert hub.app.health.check().sound
