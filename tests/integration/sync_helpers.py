"""Offices that sync: a hub with demo data and kecamatan laptops joined to it."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.services.app import AppServices
from desktop.services.permissions import Actor
from desktop.services.sync import ImportResult

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
        """A hash of the whole database's content (to prove a refusal changed nothing)."""
        conn = sqlite3.connect(self.app.path)
        try:
            digest = hashlib.sha256()
            for line in conn.iterdump():
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
