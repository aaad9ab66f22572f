"""Sync converges whatever happens to the sticks: a stateful proof over real bundles.

A hub and three kecamatan laptops (enrolled through the real flow, once; every test case
starts from a copy) edit, create and delete workers, sometimes the same worker on two
offices; bundles are exported to sticks and delivered in any order, some are lost, some are
delivered again; the hub settles conflicts. After every step each database is sound. At the
end, after full rounds of exchange, every laptop holds exactly the hub's rows of its scope and
every office that holds a row with an open conflict shows the same value.
"""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from unittest import mock

import orjson
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from desktop.domain.categories import Sex
from desktop.domain.nik import check_nik, make_nik
from desktop.services.workers import ActiveNikTaken
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork
from tests.integration.sync_helpers import (
    Office,
    clone_offices,
    device_of,
    district_of,
    districts_with_workers,
    divergences,
    exchange_rounds,
    field_value,
    join_kecamatan,
    make_hub,
    open_conflicts,
    scope_ids,
    waiting_rows,
)

NAMES = ("hub", "kec-a", "kec-b", "kec-c")
# More examples (and fresh randomness) on demand: SIGAP_SYNC_EXAMPLES=200 pytest this file.
EXAMPLES = int(os.environ.get("SIGAP_SYNC_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=EXAMPLES or 12,
    stateful_step_count=35,
    deadline=None,
    # The same examples on every run (and none saved) unless more are asked for.
    derandomize=not EXAMPLES,
    database=settings().database if EXAMPLES else None,
    suppress_health_check=[HealthCheck.too_slow],
)

PHONES = ("081200000001", "081200000002", "082300000003", None)
ADDRESSES = ("Jl. Merdeka 1", "Dusun II RT 03", "Lorong Damai 7", None)
POSITIONS = ("Kepala Dusun", "Ketua RT", "Marbot Masjid", None)
NOTES = ("Berkas lengkap", "Menunggu surat kematian", "Ahli waris pindah", None)
FIELDS = ("phone", "address", "position", "status")
# A laptop clock ten days fast: flagged and merged (a month ahead is refused, see
# tests/integration/test_sync_authority.py).
FUTURE_MS = int((datetime.now(UTC) + timedelta(days=10)).timestamp() * 1000)

OFFICE = st.integers(0, len(NAMES) - 1)
LAPTOP = st.integers(0, len(NAMES) - 2)
PICK = st.integers(0, 1_000)
CHOICE = st.integers(0, 3)
HOT_WORKERS = 4

F = TypeVar("F", bound=Callable[..., None])


def tracked(step: F) -> F:
    """Mark the machine unclean while a step runs: a step that fails leaves it so."""

    @functools.wraps(step)
    def run(self: SyncNetwork, *args: Any, **kwargs: Any) -> None:
        self.clean = False
        step(self, *args, **kwargs)
        self.clean = True

    return run  # type: ignore[return-value]


@dataclass
class Sent:
    """A bundle on a stick: who wrote it, for whom, where it is."""

    sender: Office
    receiver: Office
    path: Path

    def __repr__(self) -> str:
        return f"{self.sender.name}->{self.receiver.name}"


class SyncNetwork(RuleBasedStateMachine):
    """A hub and three laptops exchanging bundles through sticks that get lost and reused."""

    template: Path
    base: Path

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(dir=self.base))
        self.offices = clone_offices(self.template, self.folder, NAMES)
        self.hub, *self.laptops = self.offices
        self.pending: list[Sent] = []
        self.delivered: list[Sent] = []
        self.dirty: set[str] = set(NAMES)
        self.serial = 0
        self.created_niks: list[str] = []
        self.moved: set[str] = set()
        self.clean = True
        self.hub_districts = [district_of(laptop) for laptop in self.laptops]
        self.villages = {office.name: self._villages(office) for office in self.offices}
        # The workers the rules edit: a few per laptop (so that edits collide) and every
        # worker created during the run.
        self.hot = {
            worker
            for district in self.hub_districts
            for worker in self._query(
                self.hub,
                "SELECT id FROM worker WHERE district_code = ? ORDER BY id LIMIT ?",
                (district, HOT_WORKERS),
            )
        }

    # -- reading ---------------------------------------------------------------------------

    def _query(self, office: Office, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        conn = sqlite3.connect(office.app.path)
        try:
            return [row[0] for row in conn.execute(sql, params)]
        finally:
            conn.close()

    def _villages(self, office: Office) -> list[str]:
        if office is self.hub:
            # The laptops' kecamatan, and one that no laptop holds (must never reach them).
            others = self._query(
                office,
                "SELECT code FROM region WHERE level = 3 AND code NOT IN (?, ?, ?) "
                "ORDER BY code LIMIT 1",
                tuple(self.hub_districts),
            )
            districts = [*self.hub_districts, *others]
        else:
            districts = [district_of(office)]
        return [
            code
            for district in districts
            for code in self._query(
                office,
                "SELECT code FROM region WHERE level = 4 AND parent_code = ? ORDER BY code",
                (district,),
            )
        ]

    def _live_worker(self, office: Office, pick: int) -> str | None:
        """A live worker of the office among the few that every rule works on.

        A laptop works on the workers of its kecamatan only (it keeps those that moved away
        as they were when they left).
        """
        district = "%" if office is self.hub else district_of(office)
        ids = [
            worker
            for worker in self._query(
                office,
                "SELECT id FROM worker WHERE deleted = 0 AND merged_into IS NULL "
                "AND district_code LIKE ? ORDER BY id",
                (district,),
            )
            if worker in self.hot
        ]
        return ids[pick % len(ids)] if ids else None

    def _is_live(self, office: Office, worker: str) -> bool:
        return bool(
            self._query(office, "SELECT 1 FROM worker WHERE id = ? AND deleted = 0", (worker,))
        )

    # -- writing ---------------------------------------------------------------------------

    def _edit(self, office: Office, worker: str, name: str, choice: int) -> None:
        app, actor = office.app, office.actor
        if name == "phone":
            app.workers.update(actor, worker, {"phone": PHONES[choice]})
        elif name == "address":
            app.workers.update(actor, worker, {"address": ADDRESSES[choice]})
        elif name == "position":
            app.workers.update(actor, worker, {"position": POSITIONS[choice]})
        elif choice == 0:
            try:
                app.workers.set_status(actor, worker, "aktif")
            except ActiveNikTaken:
                return  # another active record of that NIK here: the form refuses it
        elif choice == 1:
            app.workers.set_status(actor, worker, "nonaktif", reason="Pindah domisili")
        elif choice == 2:
            app.workers.set_status(actor, worker, "meninggal", death_date=date(2026, 1, 10))
        else:
            app.workers.set_status(actor, worker, "nonaktif", reason="Tidak bekerja lagi")
        self.dirty.add(office.name)

    # -- rules -----------------------------------------------------------------------------

    @rule(office=OFFICE, pick=PICK, name=st.sampled_from(FIELDS), choice=CHOICE)
    @tracked
    def edit(self, office: int, pick: int, name: str, choice: int) -> None:
        place = self.offices[office]
        worker = self._live_worker(place, pick)
        if worker is not None:
            self._edit(place, worker, name, choice)

    @rule(
        laptop=LAPTOP,
        pick=PICK,
        name=st.sampled_from(FIELDS),
        first=CHOICE,
        second=CHOICE,
    )
    @tracked
    def edit_on_two_offices(
        self, laptop: int, pick: int, name: str, first: int, second: int
    ) -> None:
        place = self.laptops[laptop]
        worker = self._live_worker(place, pick)
        if worker is None:
            return
        self._edit(place, worker, name, first)
        if self._is_live(self.hub, worker):
            self._edit(self.hub, worker, name, second)

    @rule(laptop=LAPTOP, pick=PICK, name=st.sampled_from(FIELDS), choice=CHOICE)
    @tracked
    def edit_with_the_clock_ahead(self, laptop: int, pick: int, name: str, choice: int) -> None:
        place = self.laptops[laptop]
        worker = self._live_worker(place, pick)
        if worker is not None:
            with mock.patch("desktop.store.hlc.wall_clock_ms", return_value=FUTURE_MS):
                self._edit(place, worker, name, choice)

    @rule(office=OFFICE, pick=PICK, twin=st.booleans(), day=st.integers(1, 28))
    @tracked
    def create(self, office: int, pick: int, twin: bool, day: int) -> None:
        place = self.offices[office]
        villages = self.villages[place.name]
        village = villages[pick % len(villages)]
        self.serial += 1
        niks = self.created_niks + self._query(self.hub, "SELECT nik FROM worker ORDER BY id")
        if twin:
            # Someone already enrolled elsewhere (maybe on an office this one has not heard of).
            nik = niks[pick % len(niks)]
            info = check_nik(nik).info
            assert info is not None
            born, sex = info.birth_date, info.sex
        else:
            born = date(1970 + day, 1 + day % 12, day)
            sex = Sex.FEMALE if day % 2 else Sex.MALE
            nik = make_nik(village.rsplit(".", 1)[0], born, sex, 9000 + self.serial)
        try:
            worker = place.app.workers.create(
                place.actor,
                {
                    "nik": nik,
                    "name": f"Peserta Uji {self.serial}",
                    "sex": sex.value,
                    "birth_date": born,
                    "village_code": village,
                    "category": "rt_rw",
                    "position": "Ketua RT",
                },
            )
        except ActiveNikTaken:
            return  # this office holds that person already: its form says so (no twin)
        self.created_niks.append(nik)
        self.hot.add(worker)
        self.dirty.add(place.name)

    @rule(office=OFFICE, pick=PICK)
    @tracked
    def delete(self, office: int, pick: int) -> None:
        place = self.offices[office]
        worker = self._live_worker(place, pick)
        if worker is None:
            return
        with UnitOfWork(place.app.database.engine, place.actor, action="test.delete") as uow:
            uow.delete(models.Worker, worker)
        self.dirty.add(place.name)

    @rule(laptop=LAPTOP, to_hub=st.booleans())
    @tracked
    def export(self, laptop: int, to_hub: bool) -> None:
        place = self.laptops[laptop]
        if to_hub:
            self._export(place, self.hub)
        else:
            self._export(self.hub, place)

    @rule(laptop=LAPTOP, hub_first=st.booleans())
    @tracked
    def meet_the_hub(self, laptop: int, hub_first: bool) -> None:
        """A laptop and the hub swap bundles on the spot, one way and then the other."""
        place = self.laptops[laptop]
        pairs = [(self.hub, place), (place, self.hub)]
        for sender, receiver in pairs[:: 1 if hub_first else -1]:
            self._export(sender, receiver)
            self._deliver(len(self.pending) - 1)

    def _export(self, sender: Office, receiver: Office) -> None:
        path = sender.export(peer=device_of(receiver))
        self.dirty.add(sender.name)
        assert path not in {sent.path for sent in self.pending}, "a bundle was overwritten"
        self.pending.append(Sent(sender, receiver, path))

    @precondition(lambda self: self.pending)
    @rule(pick=PICK)
    @tracked
    def deliver(self, pick: int) -> None:
        self._deliver(pick % len(self.pending))

    def _deliver(self, index: int) -> None:
        sent = self.pending.pop(index)
        result = sent.receiver.receive(sent.path)
        assert result.applied and not result.replayed
        self.delivered.append(sent)
        self.dirty.add(sent.receiver.name)

    @precondition(lambda self: self.pending)
    @rule(pick=PICK)
    @tracked
    def lose_the_stick(self, pick: int) -> None:
        self.pending.pop(pick % len(self.pending)).path.unlink()

    @precondition(lambda self: self.delivered)
    @rule(pick=PICK)
    @tracked
    def deliver_again(self, pick: int) -> None:
        sent = self.delivered[pick % len(self.delivered)]
        before = sent.receiver.dump()
        result = sent.receiver.receive(sent.path)
        assert result.replayed and not result.applied
        assert sent.receiver.dump() == before

    @rule(pick=PICK, keep=st.sampled_from(("winner", "loser")))
    @tracked
    def settle_on_the_hub(self, pick: int, keep: str) -> None:
        conflicts = self.hub.app.sync.conflicts(self.hub.actor)
        if conflicts:
            chosen = conflicts[pick % len(conflicts)]
            self.hub.app.sync.settle(self.hub.actor, chosen.id, keep=keep)
            self.dirty.add(self.hub.name)

    @rule(pick=PICK, to=st.integers(0, len(NAMES) - 1))
    @tracked
    def move_to_another_kecamatan(self, pick: int, to: int) -> None:
        """The hub moves a worker to a village of another kecamatan (maybe no laptop's)."""
        worker = self._live_worker(self.hub, pick)
        villages = self.villages[self.hub.name]
        districts = sorted({village.rsplit(".", 1)[0] for village in villages})
        target = districts[to % len(districts)]
        if worker is None or self._query(
            self.hub, "SELECT 1 FROM worker WHERE id = ? AND district_code = ?", (worker, target)
        ):
            return
        village = next(v for v in villages if v.startswith(target + "."))
        self.hub.app.workers.update(self.hub.actor, worker, {"village_code": village})
        self.moved.add(worker)
        self.dirty.add(self.hub.name)

    @rule(office=OFFICE, pick=PICK, choice=CHOICE)
    @tracked
    def note_on_a_claim(self, office: int, pick: int, choice: int) -> None:
        place = self.offices[office]
        # A kecamatan writes on a claim only while its file is with the kecamatan (as its
        # claim service allows); the regency on any claim.
        with_kecamatan = "" if place is self.hub else (
            "AND c.status IN ('diusulkan', 'dikembalikan') "
        )
        claims = self._query(
            place,
            "SELECT c.id FROM claim c JOIN worker w ON w.id = c.worker_id "
            f"WHERE c.deleted = 0 AND w.district_code IN (?, ?, ?) {with_kecamatan}"
            "ORDER BY c.id LIMIT 8",
            tuple(self.hub_districts),
        )
        if not claims:
            return
        with UnitOfWork(place.app.database.engine, place.actor, action="test.claim") as uow:
            uow.update(models.Claim, claims[pick % len(claims)], {"note": NOTES[choice]})
        self.dirty.add(place.name)

    @rule(pick=PICK, keep_first=st.booleans(), distinct=st.booleans())
    @tracked
    def decide_a_duplicate_on_the_hub(self, pick: int, keep_first: bool, distinct: bool) -> None:
        pairs = self.hub.app.sync.duplicates(self.hub.actor)
        if not pairs:
            return
        pair = pairs[pick % len(pairs)]
        if distinct:
            self.hub.app.sync.mark_distinct(self.hub.actor, pair.id)
        else:
            keep = pair.first if keep_first else pair.second
            self.hub.app.sync.merge_duplicate(self.hub.actor, pair.id, keep=str(keep["id"]))
        self.dirty.add(self.hub.name)

    # -- invariants ------------------------------------------------------------------------

    @invariant()
    @tracked
    def every_database_is_sound(self) -> None:
        # Only the databases the step wrote to can have changed since the last check.
        for office in self.offices:
            if office.name in self.dirty:
                assert office.integrity() == "ok", office.name
                report = office.app.health.check()
                assert report.sound, (office.name, [p.code for p in report.problems])
        self.dirty.clear()

    # -- the end ---------------------------------------------------------------------------

    def quiesce(self) -> None:
        """Full rounds of exchange, with the sticks still lying around arriving late."""
        exchange_rounds(self.hub, self.laptops, rounds=1)
        for sent in self.pending:
            assert sent.receiver.receive(sent.path).applied
        self.pending.clear()
        exchange_rounds(self.hub, self.laptops, rounds=1)

    def check_convergence(self) -> None:
        found = divergences(self.hub, self.laptops, moved=self.moved)
        assert not found, found
        for office in self.offices:
            # Every change an office holds is of a row it holds: none waits for its insert.
            waiting = waiting_rows(office)
            assert not waiting, (office.name, waiting)
        for office in self.offices:
            assert office.integrity() == "ok", office.name
            report = office.app.health.check()
            assert report.sound, (office.name, [p.code for p in report.problems])
        scopes = {laptop.name: scope_ids(self.hub, district_of(laptop)) for laptop in self.laptops}

        def holds(office: Office, table: str, row: str) -> bool:
            # A laptop keeps a worker that moved away as it was: it no longer follows it.
            scope = scopes.get(office.name)
            return scope is None or table not in scope or row in scope[table]

        opened = {office.name: open_conflicts(office) for office in self.offices}
        for office in self.offices:
            for (table, row, name), sides in opened[office.name].items():
                held, applied = field_value(office, table, row, name)
                assert held, (office.name, table, row)
                # The value applied is the conflict's winner (a later change closes it).
                for won, _lost, _winner, _loser in sides:
                    assert _applied(name, applied) == won, (office.name, table, row, name)
                # Every office that follows the row shows the same value and the same open
                # conflicts on it.
                for other in self.offices:
                    other_held, other_value = field_value(other, table, row, name)
                    if other_held and holds(office, table, row) and holds(other, table, row):
                        assert other_value == applied, (office.name, other.name, table, name)
                        theirs = sorted(opened[other.name].get((table, row, name), []))
                        assert theirs == sorted(sides), (office.name, other.name, table, name)

    def teardown(self) -> None:
        try:
            if self.clean:
                self.quiesce()
                self.check_convergence()
        finally:
            for office in self.offices:
                office.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def _applied(name: str, value: Any) -> str | None:
    """A column's value as a conflict stores it (JSON of the change-log value)."""
    if value is None:
        return None
    if name == "deleted":
        value = bool(value)
    return orjson.dumps(value).decode()


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hub and three laptops joined through the real enrolment flow, closed, to copy."""
    folder = tmp_path_factory.mktemp("network")
    hub = make_hub(folder)
    offices = [hub]
    for district, name in zip(districts_with_workers(hub, 3), NAMES[1:], strict=True):
        offices.append(join_kecamatan(hub, folder, district, name))
    for office in offices:
        office.close()
    return folder


def test_offices_converge_whatever_happens_to_the_sticks(network: Path, tmp_path: Path) -> None:
    class Machine(SyncNetwork):
        template = network
        base = tmp_path

    run_state_machine_as_test(Machine, settings=SETTINGS)
