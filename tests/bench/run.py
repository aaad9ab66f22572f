"""``make bench``: measure the heavy paths against a raw-driver baseline in the same process.

Each benchmark times Sigap's own path and a baseline doing the bare minimum with the same
rows (``sqlite3.executemany`` into the same schema, no change log, no audit), and reports the
ratio. Figures go to stdout as a table and to docs/benchmarks.md. Nothing here asserts a time:
the test suite never depends on the machine's speed.

    python -m tests.bench.run [--workers N] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlmodel import SQLModel

ROOT = Path(__file__).resolve().parents[2]
WILAYAH = ROOT.parent / "shared" / "data" / "wilayah"
DOC = ROOT / "docs" / "benchmarks.md"
# Every figure of the last runs, so that ``--only`` re-measures some and keeps the others.
FIGURES = ROOT / "docs" / "benchmarks.json"


@dataclass
class Result:
    """One line of the table."""

    name: str
    what: str
    seconds: float
    baseline: str
    baseline_seconds: float
    note: str = ""
    measured: str = ""  # when (UTC), filled in by main()

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds else float("nan")


def _baseline_db(path: Path) -> sqlite3.Connection:
    """A database with Sigap's tables and indexes but no triggers, opened like Sigap opens."""
    import desktop.store.models  # noqa: F401

    engine = create_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "cache_size=-131072",
        "temp_store=MEMORY",
        "foreign_keys=ON",
    ):
        con.execute(f"PRAGMA {pragma}")
    return con


def _raw_copy(source: Path, table: str, target: Path) -> float:
    """Time inserting every row of *table* from *source* into *target* with executemany."""
    rows = sqlite3.connect(source).execute(f"SELECT * FROM {table}").fetchall()
    con = _baseline_db(target)
    marks = ", ".join("?" for _ in rows[0])
    started = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def bench_demo(workdir: Path, workers: int) -> Result:
    """``demo`` of N workers, against raw executemany of the same worker rows."""
    from desktop.services.app import AppServices

    path = workdir / "demo.db"
    services = AppServices.open(path)
    started = time.perf_counter()
    result = services.demo.generate(workers=workers, seed=1, year=2026)
    elapsed = time.perf_counter() - started
    services.close()
    baseline = _raw_copy(path, "worker", workdir / "baseline-demo.db")
    size_mb = path.stat().st_size / 1e6
    return Result(
        "demo",
        f"`demo --workers {workers:,}` (regions, workers, change log, audit, "
        f"{result.claims} claims)",
        elapsed,
        f"executemany of the same {workers:,} worker rows",
        baseline,
        f"database {size_mb:,.0f} MB",
    )


def bench_regions(workdir: Path) -> Result | None:
    """``regions import`` of the full Indonesian list, against raw executemany."""
    source = WILAYAH / "indonesia.csv"
    if not source.exists():
        return None
    from desktop.services.app import AppServices
    from desktop.services.office import OfficeKind

    path = workdir / "regions.db"
    services = AppServices.open(path)
    services.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Bench")
    actor = services.office.local_actor()
    started = time.perf_counter()
    result = services.regions.import_file(source, actor=actor)
    elapsed = time.perf_counter() - started
    services.close()
    baseline = _raw_copy(path, "region", workdir / "baseline-regions.db")
    return Result(
        "regions",
        f"`regions import` of indonesia.csv ({result.added:,} regions: read, check, write)",
        elapsed,
        f"executemany of the same {result.added:,} region rows",
        baseline,
    )


def bench_roster(workdir: Path) -> list[Result]:
    """Roster queries on the demo database, against the same SQL run by the bare driver."""
    from sqlalchemy import select

    from desktop.services.app import AppServices
    from desktop.services.roster import RosterFilter, RosterSort, criteria_for
    from desktop.store import roster as store

    path = workdir / "demo.db"
    if not path.exists():
        return []
    services = AppServices.open(path)
    roster = services.roster
    first = roster.rows(roster.matching_ids(RosterFilter())[:1])[0]
    cases = [
        ("all workers, by name", RosterFilter(), RosterSort.NAME),
        ("NIK search (exact)", RosterFilter(text=first.nik), RosterSort.NAME),
        ("NIK search (8-digit prefix)", RosterFilter(text=first.nik[:8]), RosterSort.NAME),
        ("name search, two words", RosterFilter(text=first.name), RosterSort.NAME),
        ("kecamatan filter", RosterFilter(district_code=first.district_code), RosterSort.NAME),
        ("all workers, by NIK", RosterFilter(), RosterSort.NIK),
    ]
    raw = sqlite3.connect(path)
    results = []
    today = datetime.now(UTC).date()
    for label, flt, sort in cases:

        def ours(flt: RosterFilter = flt, sort: RosterSort = sort) -> int:
            return len(roster.matching_ids(flt, sort=sort, today=today))

        keys = store.SORT_COLUMNS[sort.value]
        statement = (
            select(store.ROWID)
            .select_from(store.WORKER)
            .where(store._where(criteria_for(flt), today))
            .order_by(*keys, store.ROWID)
        )
        compiled = statement.compile(dialect=services.database.engine.dialect)
        params = compiled.construct_params()
        values = [params[name] for name in compiled.positiontup or []]

        def baseline(sql: str = str(compiled), values: list[object] = values) -> int:
            return len(raw.execute(sql, values).fetchall())

        count = ours()
        assert count == baseline()
        seconds = min(_timed(ours) for _ in range(3))
        base = min(_timed(baseline) for _ in range(3))
        results.append(
            Result(
                f"roster:{label}",
                f"roster query: {label} ({count:,} rows)",
                seconds,
                "the same SQL through the bare driver",
                base,
            )
        )
    services.close()
    return results


def bench_import(workdir: Path, rows: int = 120_000, repeats: int = 3) -> list[Result]:
    """``roster import`` of a 120,000-row CSV and XLSX (exported from demo data) into a
    regency with the same regions, end to end: read, validate, write with change log and
    audit. Baseline: executemany of the same worker rows.

    Each file is imported twice, into fresh databases: straight from the file as the CLI
    does (rows judged while earlier batches are written), and as the wizard does, a preview
    first (every row judged and shown) and then the preview written."""
    from desktop.services.app import AppServices
    from desktop.services.roster import RosterFilter
    from desktop.services.roster_import import RosterImportService

    source_db = workdir / "import-source.db"
    services = AppServices.open(source_db)
    services.demo.generate(workers=rows, seed=3, year=2026)
    actor = services.office.local_actor()
    files = []
    for suffix in ("csv", "xlsx"):
        path = workdir / f"peserta-{rows}.{suffix}"
        services.roster.export(RosterFilter(), path, actor=actor, full_numbers=True)
        files.append(path)
    services.close()
    results = []
    for path in files:
        kind = path.suffix[1:]
        timings: dict[str, tuple[list[float], Any]] = {}
        # Straight from the file: the best of three runs (a shared machine's other runs
        # measure the neighbours as much as the code); the wizard's way once.
        for way, runs in (("file", repeats), ("preview", 1)):
            times = []
            for _ in range(runs):
                target = workdir / f"import-{kind}-{way}.db"
                for leftover in workdir.glob(f"{target.name}*"):
                    leftover.unlink()
                app = AppServices.open(target)
                app.demo.generate(workers=1, seed=3, year=2026)  # the same synthetic regions
                importer = RosterImportService(app.database.engine)
                os.sync()  # the last run's writes reach the disk now, not during this run
                started = time.perf_counter()
                source = importer.preview(path) if way == "preview" else path
                result = importer.run(source, actor=app.office.local_actor())
                times.append(time.perf_counter() - started)
                app.close()
            timings[way] = (times, result)
        baseline = min(
            _raw_copy(target, "worker", workdir / f"baseline-import-{kind}-{n}.db")
            for n in range(repeats)
        )
        for leftover in [*workdir.glob("import-*.db*"), *workdir.glob("baseline-import-*")]:
            leftover.unlink()
        for way, label in (("file", ""), ("preview", ", preview then import")):
            times, result = timings[way]
            note = f"file {path.stat().st_size / 1e6:,.1f} MB"
            if len(times) > 1:
                note += f"; best of {len(times)}: " + ", ".join(f"{t:.1f}" for t in times) + " s"
            results.append(
                Result(
                    f"import:{path.suffix}" + ("" if way == "file" else ":preview"),
                    f"`roster import` of a {rows:,}-row {kind.upper()}{label} "
                    f"({result.imported:,} new, {len(result.rejected)} rejected)",
                    min(times),
                    f"executemany of the same {rows:,} worker rows",
                    baseline,
                    note,
                )
            )
    return results


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def bench_roster_tab(workdir: Path) -> list[Result]:
    """The Peserta tab on the demo database, offscreen: first rows, scrolling, searching.

    Each figure is the time until the rows are in the view (background query included);
    the baseline is the bare driver reading the same ids. Resident memory is read after.
    """
    path = workdir / "demo.db"
    if not path.exists():
        return []
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from desktop.services.app import AppServices
    from desktop.ui.roster.tab import RosterTab

    _app = QApplication.instance() or QApplication([])  # kept alive for the whole bench
    services = AppServices.open(path)
    raw = sqlite3.connect(path)

    def wait(predicate: Callable[[], bool], limit_ms: int = 60_000) -> float:
        timer = QElapsedTimer()
        timer.start()
        while not predicate():
            QCoreApplication.processEvents()
            if timer.elapsed() > limit_ms:
                raise TimeoutError("the roster did not answer")
            time.sleep(0.001)
        return timer.nsecsElapsed() / 1e9

    def base(sql: str, *args: object) -> float:
        started = time.perf_counter()
        raw.execute(sql, args).fetchall()
        return time.perf_counter() - started

    live = "deleted = 0 AND merged_into IS NULL"
    results: list[Result] = []
    loaded: list[int] = []
    rss_before = _rss_mb()
    started = time.perf_counter()
    tab = RosterTab(services)
    tab.idsLoaded.connect(loaded.append)
    tab.resize(1200, 800)
    tab.show()
    tab.reload()
    wait(lambda: bool(loaded) and tab.model.rowCount() > 0)
    first = time.perf_counter() - started
    results.append(
        Result(
            "tab:first",
            f"Peserta tab shown with its first rows ({tab.model.rowCount():,} workers)",
            first,
            "bare driver: every live id by name",
            base(f"SELECT rowid FROM worker WHERE {live} ORDER BY name_key"),
        )
    )
    started = time.perf_counter()
    tab.table.scrollToBottom()
    last = tab.model.index(tab.model.rowCount() - 1, 0)
    wait(lambda: bool(tab.model.data(last)))
    results.append(
        Result(
            "tab:scroll",
            "scroll to the last row",
            time.perf_counter() - started,
            "bare driver: the last 256 rows by rowid",
            base("SELECT * FROM worker ORDER BY rowid DESC LIMIT 256"),
        )
    )
    nik, name, district = raw.execute(
        "SELECT nik, name, district_code FROM worker WHERE name LIKE '% %' LIMIT 1"
    ).fetchone()

    def search(
        label: str, action: Callable[[], None], baseline: float, *, typed: bool = True
    ) -> None:
        loaded.clear()
        started = time.perf_counter()
        action()
        if typed:
            tab.reload()  # skip the typing pause: measure the query and the view
        wait(lambda: bool(loaded))
        results.append(
            Result(
                f"tab:{label}",
                f"{label} ({loaded[-1]:,} rows shown)",
                time.perf_counter() - started,
                "bare driver: the same ids",
                baseline,
            )
        )

    search(
        "NIK search",
        lambda: tab.search_edit.setText(nik),
        base(f"SELECT rowid FROM worker WHERE nik = ? AND {live}", nik),
    )
    words = name.lower().split()
    search(
        "name search",
        lambda: tab.search_edit.setText(name),
        base(
            f"SELECT rowid FROM worker WHERE name_key LIKE ? AND name_key LIKE ? AND {live} "
            "ORDER BY name_key",
            f"%{words[0]}%",
            f"%{words[-1]}%",
        ),
    )
    tab.search_edit.setText("")

    def pick_district() -> None:
        combo = tab.district_combo
        combo.setCurrentIndex(combo.findData(district))

    search(
        "kecamatan filter",
        pick_district,
        base(
            f"SELECT rowid FROM worker WHERE district_code = ? AND {live} ORDER BY name_key",
            district,
        ),
        typed=False,  # a combo reloads at once
    )
    rss = _rss_mb()
    for result in results:
        result.note = f"the tab adds {rss - rss_before:,.0f} MB resident (process {rss:,.0f} MB)"
    tab.close()
    tab.wait_for_queries()
    services.close()
    return results


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


BENCHES: dict[str, Callable[[Path, argparse.Namespace], Result | list[Result] | None]] = {
    "demo": lambda d, a: bench_demo(d, a.workers),
    "regions": lambda d, a: bench_regions(d),
    "roster": lambda d, a: bench_roster(d),
    "tab": lambda d, a: bench_roster_tab(d),
    "import": lambda d, a: bench_import(d),
    "sync": lambda d, a: _bench_sync(d, a),
    "claims": lambda d, a: _bench_claims(d, a),
}


def _bench_claims(workdir: Path, args: argparse.Namespace) -> list[Result]:
    from tests.bench.claims_bench import bench_claims

    results: list[Result] = bench_claims(workdir, args.workers)
    return results


def _bench_sync(workdir: Path, args: argparse.Namespace) -> list[Result]:
    from tests.bench.sync_bench import bench_sync, bench_sync_hostile, bench_sync_memory

    results: list[Result] = bench_sync(workdir, 120_000)
    results += bench_sync_hostile(workdir)
    if args.workers >= 1_000_000:
        results += bench_sync_memory(workdir, 1_000_000)
    return results


def _seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.1f} s"


def _previous() -> list[Result]:
    """The figures of the last runs (none when the file is missing or unreadable)."""
    try:
        rows = json.loads(FIGURES.read_text(encoding="utf-8"))
        return [Result(**row) for row in rows]
    except (OSError, ValueError, TypeError):
        return []


def _merged(previous: list[Result], fresh: list[Result]) -> list[Result]:
    """The previous figures with the fresh ones in their place (new ones at the end)."""
    by_name = {r.name: r for r in fresh}
    merged = [by_name.pop(r.name, r) for r in previous]
    return merged + [r for r in fresh if r.name in by_name]


def _table(results: list[Result]) -> str:
    lines = [
        "| what | figure | baseline | baseline figure | ratio | note | measured (UTC) |",
        "|---|---:|---|---:|---:|---|---|",
    ]
    for r in results:
        baseline = _seconds(r.baseline_seconds) if r.baseline_seconds else "—"
        ratio = f"{r.ratio:.1f}×" if r.baseline_seconds else "—"
        lines.append(
            f"| {r.what} | {_seconds(r.seconds)} | {r.baseline} | {baseline} | {ratio} "
            f"| {r.note} | {r.measured} |"
        )
    return "\n".join(lines)


# Sections of docs/benchmarks.md after the main table: (name prefix, heading, what it says).
SECTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "claims:",
        "Claims",
        "The Klaim tab, the claim service and `claims list` on a regency of 1,000,000 workers\n"
        "and 100,000 claims (tests/bench/claims_data.py: the demo's roster and its claim\n"
        "generator at scale; every kind and state, events, heirs, documents, overdue and\n"
        "flagged claims, residents' santunan without a worker). The issue's goals are in each\n"
        "line: the tab shown < 500 ms, a filter or search < 100 ms, a claim's detail < 50 ms,\n"
        "a step applied < 50 ms, `claims list --overdue` < 1 s. The service's lines are the\n"
        "use cases alone (what the tab's pool thread and the CLI call); the tab's are offscreen,\n"
        "until the list shows its first rows (the query on the pool thread included). The\n"
        "database has no `ANALYZE` statistics, as Sigap's never do. The CLI's note splits its\n"
        "time into its steps, each timed in a process of its own. Figures on a busy machine\n"
        "vary by a third from run to run; the first line's note gives the load it had.",
    ),
)


def _sections(results: list[Result]) -> str:
    """The main table, then each section's table with its heading and text."""
    rest = [r for r in results if not any(r.name.startswith(p) for p, _h, _t in SECTIONS)]
    parts = [_table(rest)]
    for prefix, heading, text in SECTIONS:
        rows = [r for r in results if r.name.startswith(prefix)]
        if rows:
            parts.append(f"## {heading}\n\n{text}\n\n{_table(rows)}")
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table and write docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=1_000_000)
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES), default=None)
    args = parser.parse_args(argv)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="sigap-bench-") as tmp:
        for name, bench in BENCHES.items():
            if args.only and name not in args.only:
                continue
            print(f"running {name} …", flush=True)
            outcome = bench(Path(tmp), args)
            found = outcome if isinstance(outcome, list) else [outcome] if outcome else []
            for result in found:
                results.append(result)
                print(
                    f"  {result.what}: {_seconds(result.seconds)} (baseline "
                    f"{_seconds(result.baseline_seconds)}, {result.ratio:.1f}×)",
                    flush=True,
                )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M}"
    for result in results:
        result.measured = stamp
    if args.only:
        results = _merged(_previous(), results)
    FIGURES.write_text(
        json.dumps([asdict(r) for r in results], indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    table = _sections(results)
    print(table)
    machine = (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(
        "# Benchmarks\n\n"
        "Written by `make bench` (`python -m tests.bench.run`); do not edit by hand.\n"
        "Each figure is measured against a baseline run in the same process on the same rows:\n"
        "the baseline is plain `sqlite3.executemany` into the same tables and indexes, without\n"
        "the change log, audit, triggers or validation that Sigap's path adds.\n\n"
        "Timed paths are the best of three runs where the note says so: the machine is\n"
        "shared, and the slower runs measure its neighbours as much as the code.\n\n"
        f"Last run {stamp} UTC on {machine}"
        + (f" (only: {', '.join(args.only)}; other rows from earlier runs)" if args.only else "")
        + f"; peak resident memory of that run {peak_mb:,.0f} MB.\n\n"
        f"{table}\n",
        encoding="utf-8",
    )
    print(f"written {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
