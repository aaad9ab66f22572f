"""Claims benchmarks: the Klaim tab's queries, a claim's detail, a step, the CLI's list and
the tab itself, on a regency of 1,000,000 workers and 100,000 claims.

Run by ``make bench`` through tests/bench/run.py (``--only claims`` for these alone). The
database is the demo bench's roster (copied when that bench ran first, generated
otherwise) with 100,000 claims added by tests.bench.claims_data. Every figure is measured
against a baseline run in the same process on the same database: the same SQL through the
bare driver for the list's queries, the bare reads of one claim's rows for the detail, a
bare one-row insert transaction for a step, an interpreter that does nothing for the CLI.
The issue's goals are in each line; nothing here asserts a time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.claims_data import BuiltClaims, build

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = 100_000
RUNS = 5  # the best of these runs is reported (a shared machine's others measure it)
STEPS = 20  # fresh claims, one step each; the mean is reported
WINDOW = 256  # the first page of the list's model (desktop.ui.claims.model.PAGE_SIZE)


def _best(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times), times


def _ms(times: list[float]) -> str:
    return ", ".join(f"{t * 1000:.1f}" for t in times) + " ms"


def bench_claims(workdir: Path, workers: int, claims: int = CLAIMS) -> list[Any]:
    """Build the database, then every claims figure."""
    from tests.bench.run import Result

    path = workdir / "claims.db"
    load = os.getloadavg()[0]
    built, _roster_s = build(path, workers=workers, claims=claims, demo=workdir / "demo.db")
    results: list[Result] = [_build_figure(workdir, path, built)]
    results[0].note += f"; the machine's load average when the claims bench began: {load:.1f}"
    results += bench_claim_service(path)
    results += bench_claims_cli(path)
    results += bench_claims_tab(path)
    return results


# ---- the database ----------------------------------------------------------------------------


def _raw_claim_copy(source: Path, target: Path) -> float:
    """Time executemany of every claim, event, heir and checklist row of *source* into a
    database with the same tables and indexes (no triggers, change log or audit)."""
    from tests.bench.run import _baseline_db

    read = sqlite3.connect(source)
    con = _baseline_db(target)
    # The baseline's workers, for the claims' foreign key (not timed).
    con.execute("PRAGMA foreign_keys=OFF")
    tables = ("claim", "claim_event", "heir", "claim_document")
    data = {}
    for table in tables:
        names = [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
        data[table] = (names, read.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall())
    read.close()
    started = time.perf_counter()
    con.execute("BEGIN")
    for table, (names, rows) in data.items():
        marks = ", ".join("?" for _ in names)
        con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    con.close()
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    return elapsed


def _build_figure(workdir: Path, path: Path, built: BuiltClaims) -> Any:
    from tests.bench.run import Result

    kinds = ", ".join(f"{kind} {count:,}" for kind, count in sorted(built.by_kind.items()))
    return Result(
        "claims:data",
        f"{built.claims:,} claims added to a roster of {built.workers:,} workers: the demo's "
        "claim generator (subjects, events, heirs, documents, derived columns by the domain "
        f"rules), written through the bulk unit of work ({built.events:,} events, "
        f"{built.heirs:,} heirs, {built.documents:,} checklist rows)",
        built.seconds,
        "executemany of the same claim, event, heir and checklist rows",
        _raw_claim_copy(path, workdir / "baseline-claims.db"),
        f"kinds: {kinds}; {built.checked} claims of every kind and state recomputed by "
        "ClaimService.recompute after the load: none changed",
    )


# ---- the service -----------------------------------------------------------------------------


def _raw(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.execute("PRAGMA cache_size=-131072")
    return con


def bench_claim_service(path: Path) -> list[Any]:
    """The list's queries, the clock counts, a claim's detail and a step, each against the
    bare driver doing the same reads (or one bare insert for the step)."""
    from sqlalchemy import func

    from desktop.services.app import AppServices
    from desktop.store import claims as store
    from tests.bench.run import Result

    services = AppServices.open(path)
    claims = services.claims
    actor = services.office.local_actor()
    raw = _raw(path)
    results: list[Result] = []
    total = int(raw.execute("SELECT count(*) FROM claim WHERE deleted = 0").fetchone()[0])

    def base_list(criteria: Any) -> Callable[[], list[int]]:
        with services.database.engine.connect() as conn:
            order = store._order("days_left", False)
            sql_ids, values_ids = store.list_sql(
                conn, criteria, store._select(criteria, store.ROWID).order_by(*order)
            )
            sql_count, values_count = store.list_sql(
                conn, criteria, store._select(criteria, func.count())
            )

        def run() -> list[int]:
            ids = [row[0] for row in raw.execute(sql_ids, values_ids)]
            raw.execute(sql_count, values_count).fetchone()
            return ids

        return run

    # The tab's first paint: ids in days-left order, the count, the first page of rows.
    shown: list[int] = []

    def first_paint() -> None:
        ids = claims.ids(actor, claims.criteria())
        claims.count(actor, claims.criteria())
        claims.rows(actor, ids[:WINDOW])
        shown[:] = [len(ids)]

    list_all = base_list(claims.criteria())

    def first_paint_base() -> None:
        ids = list_all()[:WINDOW]
        marks = ", ".join("?" for _ in ids)
        raw.execute(f"SELECT * FROM claim WHERE rowid IN ({marks})", ids).fetchall()

    seconds, times = _best(first_paint)
    base, _ = _best(first_paint_base)
    results.append(
        Result(
            "claims:first",
            f"Klaim list's first paint in the service: every id by days left, the count, the "
            f"first {WINDOW} rows ({shown[0]:,} claims; goal of the tab < 500 ms)",
            seconds,
            f"bare driver: the same ids and count, {WINDOW} claim rows by rowid",
            base,
            f"best of {RUNS}: {_ms(times)}",
        )
    )

    # Filters and searches: ids and count, as the tab reloads them.
    sample = raw.execute(
        "SELECT subject_name, subject_nik, village_code FROM claim WHERE deleted = 0 "
        "AND subject_name LIKE '% %' ORDER BY id LIMIT 1 OFFSET 4321"
    ).fetchone()
    name, nik, village = sample
    district = raw.execute(
        "SELECT substr(village_code, 1, 8) AS d FROM claim WHERE deleted = 0 GROUP BY d "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    family = name.split()[-1]
    cases: list[tuple[str, dict[str, Any]]] = [
        ("kind jkm", {"kinds": ("jkm",)}),
        ("state diverifikasi", {"statuses": ("diverifikasi",)}),
        ("kecamatan (the largest)", {"district_code": district}),
        ("desa", {"village_code": village}),
        ("overdue", {"overdue": True}),
        ("due within 7 days", {"due_within": 7}),
        ("perlu diperiksa (flagged)", {"flagged": True}),
        ("search by a family name", {"search": family}),
        ("search by a full name", {"search": name}),
        ("search by NIK, 8-digit prefix", {"search": nik[:8]}),
        ("search by NIK, all 16 digits", {"search": nik}),
        ("kecamatan and overdue", {"district_code": district, "overdue": True}),
    ]
    for label, options in cases:
        found: list[int] = []

        def ours(options: dict[str, Any] = options, found: list[int] = found) -> None:
            criteria = claims.criteria(**options)
            ids = claims.ids(actor, criteria)
            claims.count(actor, criteria)
            found[:] = [len(ids)]

        baseline = base_list(claims.criteria(**options))
        count = len(baseline())
        seconds, times = _best(ours)
        assert found[0] == count, (label, found, count)
        base, _ = _best(baseline)
        results.append(
            Result(
                f"claims:{label}",
                f"Klaim list, {label}: ids and count ({count:,} of {total:,} claims; "
                "goal < 100 ms)",
                seconds,
                "bare driver: the same SQL (ids and count)",
                base,
                f"best of {RUNS}: {_ms(times)}",
            )
        )

    # The status bar's counts.
    window = claims.window()
    counts = [
        base_list(store.ClaimCriteria(overdue_before=window.overdue_before)),
        base_list(
            store.ClaimCriteria(due_from=window.overdue_before, due_before=window.due_before)
        ),
    ]
    seconds, times = _best(lambda: claims.clock_counts(actor))
    base, _ = _best(lambda: [run() for run in counts])
    clock = claims.clock_counts(actor)
    results.append(
        Result(
            "claims:clock",
            f"status bar's clock counts ({clock.overdue:,} overdue, {clock.due_soon:,} due soon)",
            seconds,
            "bare driver: the same two lists' ids and counts",
            base,
            f"best of {RUNS}: {_ms(times)}",
        )
    )

    # One claim's detail: the longest file (most events, then heirs).
    claim_id = raw.execute(
        "SELECT c.id FROM claim c WHERE c.deleted = 0 AND c.worker_id IS NOT NULL ORDER BY "
        "(SELECT count(*) FROM claim_event e WHERE e.claim_id = c.id) DESC, "
        "(SELECT count(*) FROM heir h WHERE h.claim_id = c.id) DESC LIMIT 1"
    ).fetchone()[0]

    def detail_base() -> None:
        (worker_id,) = raw.execute(
            "SELECT worker_id FROM claim WHERE id = ?", (claim_id,)
        ).fetchone()
        raw.execute("SELECT * FROM claim WHERE id = ?", (claim_id,)).fetchall()
        raw.execute("SELECT * FROM worker WHERE id = ?", (worker_id,)).fetchall()
        for table in ("claim_event", "heir", "claim_document", "claim_flag_clearance"):
            raw.execute(f"SELECT * FROM {table} WHERE claim_id = ?", (claim_id,)).fetchall()

    detail = claims.detail(actor, claim_id)
    seconds, times = _best(lambda: claims.detail(actor, claim_id), runs=RUNS * 2)
    base, _ = _best(detail_base, runs=RUNS * 2)
    results.append(
        Result(
            "claims:detail",
            f"a claim's detail ({detail.kind.value}, {len(detail.timeline)} events, "
            f"{len(detail.heirs)} heirs, {len(detail.documents)} documents; goal < 50 ms)",
            seconds,
            "bare driver: the claim's, worker's, events', heirs', documents' and clearances' rows",
            base,
            f"best of {RUNS * 2}: {_ms(times)}",
        )
    )

    # A step: a recommended claim verified (the clock starts), a fresh claim each time.
    fresh = [
        str(row[0])
        for row in raw.execute(
            "SELECT id FROM claim WHERE deleted = 0 AND status = 'direkomendasikan' "
            "AND flags_open = 0 ORDER BY id LIMIT ?",
            (STEPS,),
        )
    ]
    steps = []
    for fresh_id in fresh:
        started = time.perf_counter()
        claims.step(actor, fresh_id, "diverifikasi")
        steps.append(time.perf_counter() - started)
    raw_steps = _raw_inserts(path, STEPS)
    results.append(
        Result(
            "claims:step",
            f"a step applied: a recommended claim verified by the regency (check, event, "
            f"change log, audit, derived columns; mean of {len(steps)} fresh claims; "
            "goal < 50 ms)",
            statistics.mean(steps),
            "bare driver: a one-row insert transaction (mean)",
            statistics.mean(raw_steps),
            f"min {min(steps) * 1000:.1f} ms, max {max(steps) * 1000:.1f} ms",
        )
    )
    raw.close()
    services.close()
    return results


def _raw_inserts(path: Path, count: int) -> list[float]:
    """One-row insert transactions of an event-sized row, through the bare driver in the
    same database (a scratch table like claim_event without its triggers), as Sigap opens
    it (WAL, synchronous NORMAL)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("DROP TABLE IF EXISTS bench_event")
    con.execute("CREATE TABLE bench_event AS SELECT * FROM claim_event WHERE 0")
    con.execute("CREATE INDEX ix_bench_event_claim ON bench_event (claim_id, at)")
    row = con.execute("SELECT * FROM claim_event LIMIT 1").fetchone()
    marks = ", ".join("?" for _ in row)
    times = []
    for n in range(count):
        values = (f"bench-{n}", *row[1:])
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(f"INSERT INTO bench_event VALUES ({marks})", values)
        con.execute("COMMIT")
        times.append(time.perf_counter() - started)
    con.execute("DROP TABLE bench_event")
    con.close()
    return times


# ---- the CLI ---------------------------------------------------------------------------------


def bench_claims_cli(path: Path) -> list[Any]:
    """``sigap claims list --overdue`` in a process of its own, against an interpreter that
    starts and does nothing.

    Python's compiled modules are cached (in the bench's folder, warmed by a first run), as
    an installed Sigap has them; the same command without a cache is in the note (a shell
    with ``PYTHONDONTWRITEBYTECODE`` compiles every module of Sigap at each start)."""
    from tests.bench.run import Result

    if not (ROOT / "desktop" / "cli" / "claims.py").exists():
        return []
    command = [sys.executable, "-m", "desktop", "claims", "list", "--db", str(path), "--overdue"]
    bare = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    uncached = {**bare, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    env = {**bare, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(path.parent / "pyc")}
    lines: list[int] = []

    def cli(environment: dict[str, str] = env) -> None:
        done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, check=False)
        if done.returncode not in (0, 1):
            raise RuntimeError(done.stderr.decode(errors="replace")[-2000:])
        lines[:] = [done.stdout.count(b"\n")]

    def nothing() -> None:
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)

    phases: list[dict[str, float]] = []

    def parts() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.claims_bench", "--phases", str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=True,
        )
        phases.append(json.loads(done.stdout.decode().splitlines()[-1]))

    cli()  # compiles and caches the modules
    seconds, times = _best(cli, runs=3)
    base, _ = _best(nothing, runs=3)
    compiling, _ = _best(lambda: cli(uncached), runs=3)
    for _ in range(3):
        parts()
    fastest = {key: min(p[key] for p in phases) for key in phases[0]}
    return [
        Result(
            "claims:cli",
            f"`claims list --overdue` in its own process ({lines[0]:,} lines; goal < 1 s)",
            seconds,
            "`python -c pass` in its own process",
            base,
            f"best of 3: {_ms(times)}; without Python's compiled modules cached "
            f"{compiling * 1000:.0f} ms; its steps in a process of their own (best of 3): "
            f"imports {fastest['imports'] * 1000:.0f} ms (the CLI and the language's Qt "
            f"settings {fastest['cli'] * 1000:.0f} ms, the services "
            f"{(fastest['imports'] - fastest['cli']) * 1000:.0f} ms), opening and the ids "
            f"{fastest['ids'] * 1000:.0f} ms, the rows of {int(fastest['count']):,} claims "
            f"{fastest['rows'] * 1000:.0f} ms",
        )
    ]


def _phases(path: Path) -> dict[str, float]:
    """The steps of ``claims list --overdue`` timed one by one (in a fresh process: the
    imports are the first thing it does)."""
    started = time.perf_counter()
    import desktop.cli.main  # noqa: F401
    from desktop.cli.words import translate

    translate("Cli", "Tidak ada klaim yang cocok.")  # the language, from Qt's settings
    cli = time.perf_counter()
    from desktop.services.app import AppServices

    imported = time.perf_counter()
    services = AppServices.open(path)
    actor = services.office.local_actor()
    claims = services.claims
    ids = claims.ids(actor, claims.criteria(overdue=True))
    listed = time.perf_counter()
    for start in range(0, len(ids), 2_000):
        claims.rows(actor, ids[start : start + 2_000])
    read = time.perf_counter()
    services.close()
    return {
        "cli": cli - started,
        "imports": imported - started,
        "ids": listed - imported,
        "rows": read - listed,
        "count": float(len(ids)),
    }


# ---- the tab ---------------------------------------------------------------------------------


def bench_claims_tab(path: Path) -> list[Any]:
    """The Klaim tab offscreen: built until its first rows are shown, each filter and
    search until the list shows its answer (background query included), a claim chosen
    until its detail is shown. Baselines: the bare driver reading the same ids."""
    from tests.bench.run import Result, _rss_mb

    if not (ROOT / "desktop" / "ui" / "claims" / "tab.py").exists():
        return []
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from desktop.services.app import AppServices
    from desktop.store import claims as store
    from desktop.ui.claims.tab import ClaimsTab

    _app = QApplication.instance() or QApplication([])  # kept alive for the whole bench
    services = AppServices.open(path)
    claims = services.claims
    raw = _raw(path)

    def wait(predicate: Callable[[], bool], limit_ms: int = 60_000) -> None:
        timer = QElapsedTimer()
        timer.start()
        while not predicate():
            QCoreApplication.processEvents()
            if timer.elapsed() > limit_ms:
                raise TimeoutError("the claim list did not answer")
            time.sleep(0.001)

    def base(options: dict[str, Any]) -> float:
        """The bare driver reading the same ids (and the count the tab shows)."""
        criteria = claims.criteria(**options)
        with services.database.engine.connect() as conn:
            order = store._order("days_left", False)
            sql, values = store.list_sql(
                conn, criteria, store._select(criteria, store.ROWID).order_by(*order)
            )
        started = time.perf_counter()
        raw.execute(sql, values).fetchall()
        raw.execute("SELECT count(*) FROM claim WHERE deleted = 0").fetchone()
        return time.perf_counter() - started

    results: list[Result] = []
    loaded: list[int] = []
    rss_before = _rss_mb()

    def built() -> tuple[Any, float]:
        """A new tab, shown, until its first rows are in the view."""
        loaded.clear()
        started = time.perf_counter()
        made = ClaimsTab(services)
        made.idsLoaded.connect(loaded.append)
        made.resize(1366, 700)
        made.show()
        made.reload()
        wait(lambda: bool(loaded) and bool(made.model.data(made.model.index(0, 1))))
        return made, time.perf_counter() - started

    # Built three times: the first in the process pays one-off costs (Qt's first widgets,
    # the database's pages read for the first time since the bench wrote them).
    firsts = []
    for attempt in range(3):
        tab, seconds = built()
        firsts.append(seconds)
        if attempt < 2:
            tab.close()
            tab.wait_for_queries()
            tab.deleteLater()
            QCoreApplication.processEvents()
    results.append(
        Result(
            "claims:tab:first",
            f"Klaim tab built and shown with its first rows ({tab.model.rowCount():,} claims; "
            "goal < 500 ms)",
            min(firsts),
            "bare driver: every live id by days left",
            base({}),
            f"best of 3: {_ms(firsts)} (the first in a process is slower: Qt's first "
            "widgets, the database's pages read for the first time)",
        )
    )
    name, nik = raw.execute(
        "SELECT subject_name, subject_nik FROM claim WHERE deleted = 0 "
        "AND subject_name LIKE '% %' ORDER BY id LIMIT 1 OFFSET 1234"
    ).fetchone()

    def shown(action: Callable[[], None], reload: bool = False) -> tuple[float, float]:
        """Seconds until the list shows the answer, and of them the query's."""
        loaded.clear()
        started = time.perf_counter()
        action()
        if reload:
            tab.reload()  # skip the typing pause: measure the query and the view
        wait(
            lambda: bool(loaded)
            and (not loaded[-1] or bool(tab.model.data(tab.model.index(0, 1))))
        )
        return time.perf_counter() - started, tab.last_query_seconds

    filters = tab.filters
    kinds = filters.kind_combo
    search = filters.search_edit

    def typed(text: str) -> None:
        """The search typed, without the typing pause (the reload follows at once)."""
        blocked = search.blockSignals(True)
        search.setText(text)
        search.blockSignals(blocked)

    cases: list[tuple[str, Callable[[], None], Callable[[], None], dict[str, Any], bool]] = [
        (
            "kind jkm",
            lambda: kinds.setCurrentIndex(kinds.findData("jkm")),
            lambda: kinds.setCurrentIndex(0),
            {"kinds": ("jkm",)},
            False,
        ),
        (
            "overdue",
            lambda: filters.overdue_check.setChecked(True),
            lambda: filters.overdue_check.setChecked(False),
            {"overdue": True},
            False,
        ),
        (
            "perlu diperiksa",
            lambda: filters.flagged_check.setChecked(True),
            lambda: filters.flagged_check.setChecked(False),
            {"flagged": True},
            False,
        ),
        ("name search", lambda: typed(name), lambda: typed(""), {"search": name}, True),
        ("NIK search", lambda: typed(nik[:8]), lambda: typed(""), {"search": nik[:8]}, True),
    ]
    back: list[tuple[float, float]] = []
    for label, on, off, options, reload in cases:
        runs = []
        for _ in range(RUNS):
            runs.append(shown(on, reload))
            count = loaded[-1]
            back.append(shown(off, reload))
        best, query = min(runs)
        results.append(
            Result(
                f"claims:tab:{label}",
                f"Klaim tab, {label} ({count:,} claims shown; goal < 100 ms)",
                best,
                "bare driver: the same ids",
                base(options),
                f"of which the query on the pool thread {query * 1000:.0f} ms; best of "
                f"{RUNS}: " + _ms([r[0] for r in runs]),
            )
        )
    best, query = min(back)
    results.append(
        Result(
            "claims:tab:all again",
            f"Klaim tab, a filter or search taken off: every claim shown again "
            f"({tab.model.rowCount():,}; goal < 100 ms)",
            best,
            "bare driver: the same ids",
            base({}),
            f"of which the query on the pool thread {query * 1000:.0f} ms; best of "
            f"{len(back)}: " + _ms(sorted(r[0] for r in back)[:5]) + " …",
        )
    )

    # A claim chosen: its detail read and shown (on the GUI thread).
    row = 3
    claim = tab.model.claim(row)
    assert claim is not None
    times = []
    for attempt in range(RUNS):
        other = tab.model.index(row + 1 + attempt % 2, 0)
        tab.table.setCurrentIndex(other)
        QCoreApplication.processEvents()
        started = time.perf_counter()
        tab.table.setCurrentIndex(tab.model.index(row, 0))
        wait(lambda: tab.detail.detail is not None and tab.detail.detail.id == claim.id)
        times.append(time.perf_counter() - started)
    actor = services.office.local_actor()
    detail_s, _ = _best(lambda: claims.detail(actor, claim.id))
    results.append(
        Result(
            "claims:tab:detail",
            "Klaim tab, a claim chosen in the list: its detail read and shown (goal < 50 ms)",
            min(times),
            "ClaimService.detail of the same claim alone",
            detail_s,
            f"best of {RUNS}: {_ms(times)}",
        )
    )
    rss = _rss_mb()
    # After the build in the same process the resident size may shrink meanwhile: then
    # there is nothing to say of the tab's own share.
    note = f"the tab adds {rss - rss_before:,.0f} MB resident (process {rss:,.0f} MB)"
    for result in results:
        if rss > rss_before:
            result.note = f"{result.note}; {note}" if result.note else note
    tab.close()
    tab.wait_for_queries()
    raw.close()
    services.close()
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the figures on an existing claims database (a copy of it: a step writes), for
    working on them: ``python -m tests.bench.claims_bench DB [service|cli|tab ...]``."""
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("parts", nargs="*", default=["service", "cli", "tab"])
    parser.add_argument("--phases", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phases:  # bench_claims_cli's steps, in this process
        print(json.dumps(_phases(args.db)))
        return 0
    from tests.bench.run import _seconds  # not before the phases: it imports SQLAlchemy

    parts = {"service": bench_claim_service, "cli": bench_claims_cli, "tab": bench_claims_tab}
    with tempfile.TemporaryDirectory(prefix="sigap-claims-", dir=args.db.parent) as tmp:
        path = Path(tmp) / "claims.db"
        shutil.copyfile(args.db, path)
        for part in args.parts:
            for result in parts[part](path):
                print(
                    f"{result.what}: {_seconds(result.seconds)} (baseline "
                    f"{_seconds(result.baseline_seconds)}, {result.ratio:.1f}×) {result.note}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
