"""Offices that sync: a hub with demo data and kecamatan laptops joined to it."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.services.app import AppServices
from desktop.services.permissions import Actor
from desktop.services.sync import ImportResult
from desktop.store.database import head_revision
from desktop.store.ids import new_id
from desktop.sync import bundle as bundles
from desktop.sync.changes import encode_audit, encode_change
from desktop.sync.keys import DeviceKeys

# A refused bundle noted in the bundle log: (bundle id, direction "rej", ...).
REFUSAL_NOTE = re.compile(r"""INSERT INTO "bundle_log" VALUES\('[^']*','rej',""")

# Columns that differ between offices by design: local bookkeeping, not synced data.
SYNCED_TABLES = (
    "region",
    "worker",
    "coverage_target",
    "claim",
    "claim_event",
    "heir",
    "claim_document",
    "letter",
    "app_user",
    "setting",
)


@dataclass
class Office:
    """One office: its services, its acting admin and its USB stick folder."""

    name: str
    app: AppServices
    stick: Path

    @property
    def actor(self) -> Actor:
        return self.app.office.local_actor()

    def export(self, peer: str | None = None) -> Path:
        """Write one bundle (for *peer*, or the only peer) and return its path."""
        results = self.app.sync.export(self.actor, self.stick, peer=peer)
        assert len(results) == 1
        return results[0].path

    def receive(self, bundle: Path) -> ImportResult:
        return self.app.sync.import_bundle(self.actor, bundle)

    def rows(self, table: str, *, scope: str | None = None) -> list[tuple[object, ...]]:
        """Every synced row of *table*, minus local timestamps, sorted (for comparisons)."""
        conn = sqlite3.connect(self.app.path)
        try:
            columns = [
                r[1]
                for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("created_at", "updated_at")
            ]
            sql = f"SELECT {', '.join(columns)} FROM {table}"
            if scope is not None and table == "worker":
                sql += f" WHERE district_code = '{scope}'"
            if scope is not None and table == "claim":
                sql += f" WHERE village_code LIKE '{scope}.%'"
            if scope is not None and table in ("claim_event", "heir", "claim_document"):
                sql += (
                    f" WHERE claim_id IN (SELECT id FROM claim WHERE village_code LIKE '{scope}.%')"
                )
            return sorted(conn.execute(sql).fetchall(), key=repr)
        finally:
            conn.close()

    def dump(self) -> str:
        """A hash of the whole database's content (to prove a refusal changed nothing), but
        for the note of the refusal itself (a bundle log row of direction "rej", which the
        Perangkat tab shows)."""
        conn = sqlite3.connect(self.app.path)
        try:
            digest = hashlib.sha256()
            for line in conn.iterdump():
                if not REFUSAL_NOTE.match(line):
                    digest.update(line.encode())
            return digest.hexdigest()
        finally:
            conn.close()

    def integrity(self) -> str:
        conn = sqlite3.connect(self.app.path)
        try:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()

    def close(self) -> None:
        self.app.close()


def make_hub(folder: Path, *, workers: int = 120) -> Office:
    folder.mkdir(parents=True, exist_ok=True)
    app = AppServices.open(folder / "hub.db")
    app.demo.generate(workers=workers, seed=7, year=2026)
    stick = folder / "stick-hub"
    stick.mkdir(exist_ok=True)
    return Office("hub", app, stick)


def districts_with_workers(hub: Office, count: int) -> list[str]:
    conn = sqlite3.connect(hub.app.path)
    try:
        # Districts with claims first, then with the most workers.
        rows = conn.execute(
            "SELECT w.district_code, count(DISTINCT c.id) AS claims, count(DISTINCT w.id) "
            "FROM worker w LEFT JOIN claim c ON c.worker_id = w.id "
            "GROUP BY w.district_code ORDER BY claims DESC, 3 DESC, 1"
        ).fetchall()
    finally:
        conn.close()
    return [str(r[0]) for r in rows[:count]]


def join_kecamatan(hub: Office, folder: Path, district: str, name: str) -> Office:
    """Enrol *district* on the hub, join a new laptop, and deliver its first bundle."""
    enrolment = hub.app.sync.enroll(
        hub.actor, district=district, out=hub.stick / f"enrol-{name}.sigap"
    )
    app = AppServices.open(folder / f"{name}.db")
    app.sync.join(enrolment.path, enrolment.code)
    stick = folder / f"stick-{name}"
    stick.mkdir(exist_ok=True)
    office = Office(name, app, stick)
    # The hub pins the laptop's keys from its first bundle.
    hub.receive(office.export())
    return office


# ---- networks for property and adversarial tests (added; the helpers above are unchanged) ----

SCOPED_TABLES = ("worker", "claim", "claim_event", "heir", "claim_document")
SHARED_TABLES = ("region", "setting", "coverage_target")


def device_of(office: Office) -> str:
    """The office's device id (what ``export(peer=...)`` takes)."""
    return office.app.office.require_info().device_id


def district_of(office: Office) -> str:
    """The office's region code: the regency for the hub, the kecamatan for a laptop."""
    return office.app.office.require_info().region_code


def checkpoint(path: Path) -> None:
    """Fold the WAL into the database file, so that copying the file copies everything."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def clone_offices(source: Path, target: Path, names: Sequence[str]) -> list[Office]:
    """Open copies of closed offices (``<name>.db`` in *source*) in *target*.

    Building a network through the enrolment flow takes about a second; a copy of one built
    once takes a few milliseconds, and its offices are exactly as enrolment left them.
    """
    target.mkdir(parents=True, exist_ok=True)
    offices = []
    for name in names:
        checkpoint(source / f"{name}.db")
        shutil.copyfile(source / f"{name}.db", target / f"{name}.db")
        stick = target / f"stick-{name}"
        stick.mkdir(exist_ok=True)
        offices.append(Office(name, AppServices.open(target / f"{name}.db", create=False), stick))
    return offices


def exchange_rounds(hub: Office, laptops: Sequence[Office], rounds: int = 3) -> None:
    """Full rounds: every laptop sends to the hub, then the hub sends to every laptop."""
    for _ in range(rounds):
        for laptop in laptops:
            hub.receive(laptop.export())
        for laptop in laptops:
            laptop.receive(hub.export(peer=device_of(laptop)))


def scope_ids(hub: Office, district: str) -> dict[str, set[str]]:
    """Ids of the hub's rows that a kecamatan holds, by table (DESIGN.md, Sync).

    Its workers, the claims of its villages or of its workers, those claims' events, heirs
    and documents, and the workers those claims belong to (even when they live elsewhere).
    """
    conn = sqlite3.connect(hub.app.path)
    try:
        workers = {
            str(r[0])
            for r in conn.execute("SELECT id FROM worker WHERE district_code = ?", (district,))
        }
        claims: dict[str, str] = {
            str(r[0]): str(r[1])
            for r in conn.execute(
                "SELECT id, worker_id FROM claim WHERE village_code LIKE ? OR worker_id IN "
                "(SELECT id FROM worker WHERE district_code = ?)",
                (district + ".%", district),
            )
        }
        found = {"worker": workers | set(claims.values()), "claim": set(claims)}
        for table in ("claim_event", "heir", "claim_document"):
            found[table] = {
                str(r[0])
                for r in conn.execute(f"SELECT id, claim_id FROM {table}")
                if r[1] in claims
            }
        return found
    finally:
        conn.close()


def divergences(
    hub: Office, laptops: Sequence[Office], *, moved: Collection[str] = ()
) -> list[str]:
    """Where a laptop's synced rows differ from the hub's rows in its scope (empty: none).

    A laptop holds the rows of its scope and nothing else, except workers that moved out of
    it (ids in *moved*): it learnt that they left, and keeps them as they were then.
    """
    found = []
    for laptop in laptops:
        ids = scope_ids(hub, district_of(laptop))
        for table in (*SCOPED_TABLES, *SHARED_TABLES):
            mine, theirs = laptop.rows(table), hub.rows(table)
            if table in ids:
                strays = {row for row in mine if row[0] not in ids[table]}
                mine = [row for row in mine if row[0] in ids[table]]
                theirs = [row for row in theirs if row[0] in ids[table]]
                if {row[0] for row in strays} - (set(moved) if table == "worker" else set()):
                    found.append(f"{laptop.name}.{table}: rows out of its scope {strays}")
            if mine != theirs:
                extra = sorted(set(mine) - set(theirs), key=repr)[:3]
                missing = sorted(set(theirs) - set(mine), key=repr)[:3]
                found.append(
                    f"{laptop.name}.{table}: {len(mine)} rows vs hub {len(theirs)}; "
                    f"only on the laptop {extra}; only on the hub {missing}"
                )
    return found


def open_conflicts(office: Office) -> dict[tuple[str, str, str], list[tuple[object, ...]]]:
    """Open hard conflicts by (table, row, field): their winner and loser values and changes."""
    conn = sqlite3.connect(office.app.path)
    try:
        found: dict[tuple[str, str, str], list[tuple[object, ...]]] = {}
        for table, row, name, won, lost, winner, loser in conn.execute(
            "SELECT table_name, row_id, field, winner_value, loser_value, winner_change, "
            "loser_change FROM conflict WHERE resolved_at IS NULL ORDER BY 1, 2, 3, 6, 7"
        ):
            found.setdefault((table, row, name), []).append((won, lost, winner, loser))
        return found
    finally:
        conn.close()


def field_value(office: Office, table: str, row_id: str, name: str) -> tuple[bool, object]:
    """(True, the column's value) when the office holds the row, else (False, None)."""
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(f"SELECT {name} FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return (False, None) if row is None else (True, row[0])
    finally:
        conn.close()


def waiting_rows(office: Office) -> list[tuple[str, str]]:
    """(table, id) of rows the office has changes of but does not hold (insert not arrived)."""
    conn = sqlite3.connect(office.app.path)
    try:
        found: list[tuple[str, str]] = []
        for table in (*SCOPED_TABLES, *SHARED_TABLES, "letter", "app_user"):
            found.extend(
                (table, str(row[0]))
                for row in conn.execute(
                    f"SELECT DISTINCT row_id FROM change_log WHERE table_name = ? "
                    f"AND row_id NOT IN (SELECT id FROM {table})",
                    (table,),
                )
            )
        return found
    finally:
        conn.close()


# ---- an insider's bundles: the project's own writer, the laptop's own keys ----------------


def own_keys_of(office: Office) -> DeviceKeys:
    """The office's private keys, straight from its database (what an insider holds)."""
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(
            "SELECT private_keys FROM device_secret WHERE device_id = ?", (device_of(office),)
        ).fetchone()
    finally:
        conn.close()
    return DeviceKeys.from_private_bytes(bytes(row[0]))


def signed_bundle(
    sender: Office,
    receiver: Office,
    out: Path,
    *,
    changes: Sequence[tuple[object, ...]] = (),
    audits: Sequence[tuple[object, ...]] = (),
    bundle_id: str | None = None,
    have: dict[str, int] | None = None,
) -> Path:
    """A genuine bundle of *sender* for *receiver* (Sigap's writer, the sender's real keys)
    carrying exactly *changes* and *audits*, with its manifest claiming *have*."""
    keys = own_keys_of(sender)
    info = sender.app.office.require_info()
    bundle_id = bundle_id or new_id()
    path = out / f"insider-{bundle_id[-8:]}-{new_id()[-6:]}.sigap"
    bundles.write_bundle(
        path,
        bundle_id=bundle_id,
        sender_device=info.device_id,
        recipient_device=device_of(receiver),
        regency_code=info.regency_code,
        schema_version=head_revision(),
        sender_keys=keys,
        recipient_exchange_public=receiver.app.sync.keys().public.exchange,
        records=[
            *(encode_change(tuple(row)) for row in changes),
            *(encode_audit(tuple(row)) for row in audits),
        ],
        manifest={
            "base": {},
            "have": have or {},
            "sender_hlc": "",
            "scope": info.region_code,
            "changes": len(changes),
            "audits": len(audits),
            "per_table": {},
            "ranges": {},
            "extra": {"sender_public": keys.public.to_text()},
        },
    )
    return path


def enrolled_apart(office: Office, values: dict[str, object]) -> str:
    """Add a worker on *office* as an office that has not yet heard of the person's other
    record would: the form refuses an active NIK it already holds, so the shortcut of these
    tests (the hub holds both records) steps over that one rule; the rest is the service."""
    from unittest import mock

    from desktop.services.workers import WorkerService

    with mock.patch.object(WorkerService, "_check_one_active", lambda *_args: None):
        return office.app.workers.create(office.actor, values)
