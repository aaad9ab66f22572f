"""The claims benchmark's database: a demo regency of N workers with M claims.

The demo generator writes a few hundred claims at most (desktop.services.demo_claims); the
benchmark needs 100,000. This module runs the demo's own claim generator at that scale on
top of a demo roster, with three changes that only matter at scale:

- subjects are taken from pools sorted by the day the claim could start from, with a
  cursor past the used ones (the demo scans its pools from the start for every claim,
  fine for 500 claims, quadratic for 100,000);
- the resident's and the heirs' NIK serials wrap (a NIK's serial has four digits);
- more living workers are set aside for accident claims (the demo keeps 3,000).

When the roster's deceased workers run out, a JKM or JKK death claim falls back to a
resident's santunan, as the demo does; the kinds' shares are reported with the figures.
Everything is written by one bulk unit of work (the store's bulk write path: change log and
audit as any load), and a sample of claims is then recomputed by ``ClaimService.recompute``,
which must change nothing: the derived columns are what the service would have written.

    python -m tests.bench.claims_data OUT.db [--workers N] [--claims M] [--from DEMO.db]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

SEED = 7
YEAR = 2026  # the demo bench's reference year (tests.bench.run.bench_demo)
LIVING = 40_000  # active workers set aside for accident claims
CHECKED = 400  # claims recomputed by the service after the load


@dataclass
class BuiltClaims:
    """What the builder wrote (and how long it took)."""

    workers: int
    claims: int
    events: int
    heirs: int
    documents: int
    by_kind: dict[str, int]
    seconds: float
    checked: int


def _checkpointed_copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    shutil.copyfile(source, target)


def _generator_class() -> type[Any]:
    """The demo's claim generator, made to scale (imported late: the bench's other parts
    must not pay for the app's imports)."""
    from desktop.services.demo_claims import _Generator

    class ScaledGenerator(_Generator):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._cursor: dict[int, int] = {}

        def _take(
            self, pool: list[dict[str, Any]], latest: date, early: bool = False
        ) -> dict[str, Any] | None:
            start = self._cursor.get(id(pool), 0)
            while start < len(pool) and pool[start]["id"] in self.used:
                start += 1
            self._cursor[id(pool)] = start
            # The pool is sorted by the day a claim could start from: the first rows
            # unused are the ones to take, the scan stops at the first too late.
            for index in range(start, len(pool)):
                row = pool[index]
                if row["id"] in self.used:
                    continue
                day = row.get("death_date") or row["coverage_start"]
                if day > latest:
                    return None
                if early and not 0 <= (row["death_date"] - row["coverage_start"]).days < 30:
                    if index - start > 2_000:  # the demo's one early death: not worth more
                        return None
                    continue
                self.used.add(row["id"])
                return row
            return None

        def _resident(self, n: int, latest: date) -> dict[str, Any]:
            return super()._resident(n % 999, latest)

        def _heirs(self, n: int, *args: Any) -> list[dict[str, Any]]:
            found = super()._heirs(n % 999, *args)
            return found

    return ScaledGenerator


def _villages(conn: sqlite3.Connection, regency: str) -> list[Any]:
    from desktop.services.demo import _Village

    rows = conn.execute(
        "SELECT code, name FROM region WHERE level = 4 AND code LIKE ? ORDER BY code",
        (regency + ".%",),
    ).fetchall()
    villages = []
    for code, name in rows:
        district = code.rsplit(".", 1)[0]
        villages.append(_Village(code, district, district.replace(".", ""), name))
    return villages


def _pools(conn: Any, living: int) -> Any:
    """The deceased workers without a claim and some active ones, as the demo sets them
    aside (full rows), sorted by the day a claim could start from."""
    from sqlalchemy import select

    from desktop.services.demo import DemoPeople
    from desktop.store.claims import CLAIM, WORKER

    claimed = select(CLAIM.c.worker_id).where(CLAIM.c.worker_id.is_not(None))
    live = (WORKER.c.deleted.is_(False), WORKER.c.id.not_in(claimed))
    deceased = [
        dict(row)
        for row in conn.execute(
            select(WORKER).where(WORKER.c.status == "meninggal", *live)
        ).mappings()
    ]
    alive = [
        dict(row)
        for row in conn.execute(
            select(WORKER)
            .where(WORKER.c.status == "aktif", *live)
            .order_by(WORKER.c.id.desc())
            .limit(living)
        ).mappings()
    ]
    deceased.sort(key=lambda row: (row["death_date"], row["id"]))
    # The demo's generator reverses its living pool (it takes the roster's last first).
    alive.sort(key=lambda row: (row["coverage_start"], row["id"]), reverse=True)
    return DemoPeople(deceased=deceased, living=alive)


def _plan(wanted: int) -> list[tuple[Any, tuple[Any, ...]]]:
    """The demo's plan of kinds and paths, at any size: every path of every kind once,
    then the kinds in their weights and the paths in turn."""
    from desktop.domain.claims import ClaimKind
    from desktop.services.demo_claims import BPJS_PATHS, CLAIM_KINDS, SANTUNAN_PATHS

    kinds = [kind for kind, weight in CLAIM_KINDS for _ in range(weight)]
    plan: list[tuple[Any, tuple[Any, ...]]] = []
    for kind, _weight in CLAIM_KINDS:
        paths = SANTUNAN_PATHS if kind is ClaimKind.SANTUNAN else BPJS_PATHS
        plan.extend((kind, path) for path in paths)
    turn: dict[Any, int] = {}
    for n in range(len(plan), wanted):
        kind = kinds[(n * 37) % len(kinds)]
        paths = SANTUNAN_PATHS if kind is ClaimKind.SANTUNAN else BPJS_PATHS
        index = turn.get(kind, 0)
        turn[kind] = index + 1
        plan.append((kind, paths[(index * 5 + 3) % len(paths)]))
    return plan


def _sample(conn: sqlite3.Connection, count: int) -> list[str]:
    """Claims of every kind and state (and every flagged one up to the count)."""
    rows = conn.execute(
        "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY kind, status, flags_open > 0 "
        "ORDER BY id) AS k FROM claim WHERE deleted = 0) WHERE k <= 6 ORDER BY id"
    ).fetchall()
    picked = [str(r[0]) for r in rows]
    spread = conn.execute(
        "SELECT id FROM claim WHERE deleted = 0 ORDER BY id LIMIT ?", (count * 10,)
    ).fetchall()
    picked += [str(r[0]) for r in spread[:: max(1, len(spread) // count)]]
    return list(dict.fromkeys(picked))[: count + len(rows)]


def add_claims(path: Path, claims: int, *, today: date | None = None) -> BuiltClaims:
    """Add *claims* demo claims to the demo database at *path*; check a sample."""
    from desktop.domain.claims import ClaimKind
    from desktop.services.app import AppServices
    from desktop.services.demo_claims import SANTUNAN_PATHS
    from desktop.store import models
    from desktop.store.unit_of_work import UnitOfWork

    day = today or date.today()
    started = time.perf_counter()
    services = AppServices.open(path)
    actor = services.office.local_actor()
    regency = services.office.require_info().regency_code
    with sqlite3.connect(path) as raw:
        villages = _villages(raw, regency)
        workers = int(raw.execute("SELECT count(*) FROM worker").fetchone()[0])
    services.database.engine.dispose()  # a rollback journal needs the file to itself
    generator_class = _generator_class()
    with UnitOfWork(
        services.database.engine, actor, action="bench.claims", rollback_journal=True
    ) as uow:
        people = _pools(uow.connection, LIVING)
        gen = generator_class(uow, random.Random(SEED), SEED, people, villages, YEAR, day)
        for n, (kind, steps) in enumerate(_plan(claims)):
            if not gen.claim(n, kind, steps):
                gen.claim(n, ClaimKind.SANTUNAN, SANTUNAN_PATHS[n % len(SANTUNAN_PATHS)])
        gen.share_an_account()
        gen.settle()
        rows = gen.rows
        for table, found in (
            (models.Claim, rows.claims),
            (models.ClaimEvent, rows.events),
            (models.Heir, rows.heirs),
            (models.ClaimDocument, rows.documents),
        ):
            uow.bulk_insert(table, found, total=len(found), defer_indexes=True)
    seconds = time.perf_counter() - started
    with sqlite3.connect(path) as raw:  # no ANALYZE: Sigap gathers no statistics
        sample = _sample(raw, CHECKED)
        by_kind = dict(raw.execute("SELECT kind, count(*) FROM claim GROUP BY kind").fetchall())
    changed = services.claims.recompute(actor, sample)
    services.close()
    if changed:
        raise AssertionError(f"{len(changed)} of {len(sample)} bench claims differ: {changed[:5]}")
    return BuiltClaims(
        workers=workers,
        claims=len(rows.claims),
        events=len(rows.events),
        heirs=len(rows.heirs),
        documents=len(rows.documents),
        by_kind=by_kind,
        seconds=seconds,
        checked=len(sample),
    )


def build(
    path: Path, *, workers: int, claims: int, demo: Path | None = None
) -> tuple[BuiltClaims, float]:
    """A demo database of *workers* workers (copied from *demo* when it has them) with
    *claims* more claims at *path*; returns what was written and the roster's seconds."""
    from desktop.services.app import AppServices

    started = time.perf_counter()
    if demo is not None and demo.exists():
        _checkpointed_copy(demo, path)
    else:
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        services = AppServices.open(path)
        services.demo.generate(workers=workers, seed=1, year=YEAR)
        services.close()
    roster = time.perf_counter() - started
    return add_claims(path, claims), roster


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--from", dest="demo", type=Path, default=None)
    args = parser.parse_args(argv)
    built, roster = build(args.out, workers=args.workers, claims=args.claims, demo=args.demo)
    print(f"roster {roster:.1f} s; {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
