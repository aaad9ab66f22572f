"""The claim list in SQL (desktop.store.claims): each filter, sort and window on a few
thousand generated claims, against the same question asked of the rows in Python; the main
filters walk an index, never the whole claim table; the rules' look-ups of other claims."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select

from desktop.domain.calendar import DayCount, Holidays, days_until
from desktop.domain.claim_state import ClockRules, is_due_soon, is_overdue
from desktop.domain.claims import ClaimStatus
from desktop.domain.names import name_key
from desktop.services.app import AppServices
from desktop.store import claims as store
from desktop.store import models
from desktop.store.claims import ClaimCriteria, deadline_window
from desktop.store.ids import new_id
from desktop.store.unit_of_work import UnitOfWork, table_of

TODAY = date(2026, 11, 18)  # a Wednesday
DISTRICTS = ("16.02.05", "16.02.06", "16.02.07")
KINDS = ("jkm", "jkk_meninggal", "jkk_stmb", "santunan_kematian")
STATUSES = tuple(str(s) for s in ClaimStatus)
FIRST = ("Siti", "Budi", "Ahmad", "Dewi", "Rina", "Joko", "Wati", "Agus")
LAST = ("Aminah", "Santoso", "Hidayat", "Lestari", "Saputra", "Rahmawati")
CLAIMS = 3_000


def _workers(count: int) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        district = DISTRICTS[n % len(DISTRICTS)]
        name = f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]} {n}"
        rows.append(
            {
                "id": new_id(),
                "nik": f"{district.replace('.', '')}{4_000_000_000 + n:010d}",
                "name": name,
                "name_key": name_key(name),
                "sex": "P" if n % 2 else "L",
                "birth_date": date(1970, 1, 1) + timedelta(days=n * 3),
                "village_code": f"{district}.{2001 + n % 4}",
                "district_code": district,
                "category": "rt_rw",
            }
        )
    return rows


def _claims(workers: list[dict[str, Any]], count: int, rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        status = STATUSES[rng.randrange(len(STATUSES))]
        deadline = TODAY + timedelta(days=rng.randrange(-20, 20)) if rng.random() < 0.7 else None
        flagged = rng.random() < 0.08
        if kind == "santunan_kematian" and n % 3 == 0:  # a resident outside the roster
            district = DISTRICTS[n % len(DISTRICTS)]
            name = f"{FIRST[n % 7]} Warga {n}"
            subject = {
                "worker_id": None,
                "village_code": f"{district}.{2001 + n % 4}",
                "subject_nik": f"{district.replace('.', '')}{5_000_000_000 + n:010d}",
                "subject_name": name,
                "subject_name_key": name_key(name),
                "dtsen_decile": 1 + n % 10,
            }
        else:
            worker = workers[n % len(workers)]
            subject = {
                "worker_id": worker["id"],
                "village_code": worker["village_code"],
                "subject_nik": worker["nik"],
                "subject_name": worker["name"],
                "subject_name_key": worker["name_key"],
            }
        rows.append(
            {
                "id": new_id(),
                "kind": kind,
                "event_date": TODAY - timedelta(days=60 + n % 200),
                "reported_date": TODAY - timedelta(days=50 + n % 200),
                "status": status,
                "deadline": deadline,
                "verified_on": deadline - timedelta(days=7) if deadline else None,
                "flags_open": (1 + n % 2) if flagged else 0,
                "flag_codes": ("flag.decile_above" if n % 2 else "flag.shared_account")
                if flagged
                else None,
                **subject,
            }
        )
    return rows


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppServices, list[dict]]]:
    """A hub with 300 workers and 3,000 claims of every kind and state, one deleted."""
    from desktop.services.office import OfficeKind

    app = AppServices.open(Path(tmp_path_factory.mktemp("claims")) / "sigap.db")
    app.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Dinas Sosial OKI")
    rng = random.Random(12)
    workers = _workers(300)
    rows = _claims(workers, CLAIMS, rng)
    with UnitOfWork(app.database.engine, app.office.local_actor(), action="test.claims") as uow:
        uow.bulk_insert(models.Worker, workers)
        uow.bulk_insert(models.Claim, rows)
        uow.delete(models.Claim, rows[5]["id"])
    rows[5]["deleted"] = True
    yield app, rows
    app.close()


def live(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if not r.get("deleted")]


def ids_of(app: AppServices, rowids: Any) -> list[str]:
    claim = table_of(models.Claim)
    with app.database.engine.connect() as conn:
        found = dict(
            conn.execute(select(store.ROWID, claim.c.id).where(store.ROWID.in_(list(rowids)))).all()
        )
    return [found[r] for r in rowids]


def matching(app: AppServices, criteria: ClaimCriteria, **kwargs: Any) -> list[str]:
    with app.database.engine.connect() as conn:
        return ids_of(app, store.matching_rowids(conn, criteria, **kwargs))


RUNNING = set(store.RUNNING_STATUSES)


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (ClaimCriteria(kinds=("jkm",)), lambda r: r["kind"] == "jkm"),
        (
            ClaimCriteria(kinds=("santunan_kematian",), statuses=("diusulkan", "dikembalikan")),
            lambda r: r["kind"] == "santunan_kematian"
            and r["status"] in ("diusulkan", "dikembalikan"),
        ),
        (
            ClaimCriteria(district_code="16.02.06"),
            lambda r: r["village_code"].startswith("16.02.06."),
        ),
        (
            ClaimCriteria(village_code="16.02.07.2003"),
            lambda r: r["village_code"] == "16.02.07.2003",
        ),
        (
            ClaimCriteria(overdue_before=TODAY),
            lambda r: r["status"] in RUNNING
            and r["deadline"] is not None
            and r["deadline"] < TODAY,
        ),
        (
            ClaimCriteria(due_from=TODAY, due_before=TODAY + timedelta(days=4)),
            lambda r: r["status"] in RUNNING
            and r["deadline"] is not None
            and TODAY <= r["deadline"] < TODAY + timedelta(days=4),
        ),
        (ClaimCriteria(flagged=True), lambda r: r["flags_open"] > 0),
        (
            ClaimCriteria(flag_code="flag.decile_above"),
            lambda r: r["flag_codes"] == "flag.decile_above",
        ),
        (ClaimCriteria(nik_prefix="160206"), lambda r: r["subject_nik"].startswith("160206")),
        (
            ClaimCriteria(name_words=("warga", "siti")),
            lambda r: "siti warga" in r["subject_name_key"],
        ),
        (
            ClaimCriteria(kinds=("jkm",), flagged=True, district_code="16.02.05"),
            lambda r: r["kind"] == "jkm"
            and r["flags_open"] > 0
            and r["village_code"].startswith("16.02.05."),
        ),
    ],
    ids=[
        "kind", "kind+states", "kecamatan", "desa", "overdue", "due-within", "flagged",
        "flag-code", "nik-prefix", "name", "kind+flagged+kecamatan",
    ],
)  # fmt: skip
def test_each_filter_lists_exactly_the_matching_claims(
    listed: tuple[AppServices, list[dict[str, Any]]], criteria: ClaimCriteria, expected: Any
) -> None:
    app, rows = listed
    wanted = {r["id"] for r in live(rows) if expected(r)}
    assert wanted, "the generated claims should hold some of each"
    found = matching(app, criteria, sort="reported")
    assert len(found) == len(set(found))
    assert set(found) == wanted
    with app.database.engine.connect() as conn:
        assert store.count_matching(conn, criteria) == len(wanted)


def test_a_deleted_claim_is_never_listed(listed: tuple[AppServices, list[dict[str, Any]]]) -> None:
    app, rows = listed
    assert rows[5]["id"] not in matching(app, ClaimCriteria())
    assert len(matching(app, ClaimCriteria())) == CLAIMS - 1


def test_days_left_lists_running_claims_by_deadline_then_the_rest(
    listed: tuple[AppServices, list[dict[str, Any]]],
) -> None:
    app, rows = listed
    by_id = {r["id"]: r for r in rows}
    found = [by_id[i] for i in matching(app, ClaimCriteria(), sort="days_left")]
    running = [r for r in found if r["status"] in RUNNING and r["deadline"] is not None]
    assert found[: len(running)] == running
    assert [r["deadline"] for r in running] == sorted(r["deadline"] for r in running)
    # Descending: the most days left first, and still the running claims before the rest.
    back = [by_id[i] for i in matching(app, ClaimCriteria(), sort="days_left", descending=True)]
    assert {r["id"] for r in back[: len(running)]} == {r["id"] for r in running}
    assert [r["deadline"] for r in back[: len(running)]] == sorted(
        (r["deadline"] for r in running), reverse=True
    )


@pytest.mark.parametrize("sort", ["name", "reported", "kind", "status", "village", "flags"])
def test_other_sorts_order_by_their_column(
    listed: tuple[AppServices, list[dict[str, Any]]], sort: str
) -> None:
    app, rows = listed
    by_id = {r["id"]: r for r in rows}
    column = {
        "name": "subject_name_key",
        "reported": "reported_date",
        "kind": "kind",
        "status": "status",
        "village": "village_code",
        "flags": "flags_open",
    }[sort]
    for descending in (False, True):
        values = [
            by_id[i][column]
            for i in matching(app, ClaimCriteria(), sort=sort, descending=descending)
        ]
        assert values == sorted(values, reverse=descending)


def test_a_window_of_rows_comes_in_the_order_asked_with_place_names(
    listed: tuple[AppServices, list[dict[str, Any]]],
) -> None:
    app, rows = listed
    with app.database.engine.connect() as conn:
        rowids = store.matching_rowids(conn, ClaimCriteria(kinds=("santunan_kematian",)))
        window = list(rowids[100:150])
        shown = store.rows_by_rowid(conn, window)
    assert [r["rowid"] for r in shown] == window
    by_id = {r["id"]: r for r in rows}
    for row in shown:
        assert row["shown_name"] == by_id[row["id"]]["subject_name"]
        assert row["kind"] == "santunan_kematian"
        assert row["village_name"] is None or isinstance(row["village_name"], str)
    residents = [r for r in shown if by_id[r["id"]]["worker_id"] is None]
    assert residents, "residents outside the roster are listed like the others"


def _plan(conn: Connection, criteria: ClaimCriteria, sort: str = "deadline") -> str:
    from sqlalchemy import func

    listed = store._select(criteria, store.ROWID).order_by(*store._order(sort, False))
    counted = store._select(criteria, func.count())
    lines = []
    for statement in (listed, counted):
        sql, values = store.list_sql(conn, criteria, statement)
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, tuple(values))
        lines += [str(row[-1]) for row in plan]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("criteria", "index"),
    [
        (ClaimCriteria(overdue_before=TODAY), "ix_claim_live_status"),
        (
            ClaimCriteria(due_from=TODAY, due_before=TODAY + timedelta(days=3)),
            "ix_claim_live_status",
        ),
        (ClaimCriteria(flagged=True), "ix_claim_live_flags"),
        (ClaimCriteria(kinds=("jkm",), statuses=("diusulkan",)), "ix_claim_live_kind"),
        (ClaimCriteria(kinds=("jkm",)), "ix_claim_live_kind"),
        (ClaimCriteria(statuses=("diverifikasi",)), "ix_claim_live_status"),
        (ClaimCriteria(district_code="16.02.05"), "ix_claim_live_village"),
        (ClaimCriteria(village_code="16.02.05.2001"), "ix_claim_live_village"),
        (ClaimCriteria(nik_prefix="16020540"), "ix_claim_live_nik"),
        (ClaimCriteria(worker_id="x"), "ix_claim_worker"),
        (ClaimCriteria(name_words=("siti",)), "ix_claim_live_name"),
        (ClaimCriteria(kinds=("jkm",), name_words=("siti",)), "ix_claim_live_name"),
    ],
    ids=[
        "overdue", "due", "flagged", "kind+state", "kind", "state", "kecamatan", "desa", "nik",
        "worker", "name", "kind+name",
    ],
)  # fmt: skip
def test_the_main_filters_search_an_index_never_scan_the_claims(
    listed: tuple[AppServices, list[dict[str, Any]]], criteria: ClaimCriteria, index: str
) -> None:
    """As Sigap runs (no statistics): each filter searches its index. With statistics (should
    a later version gather them) the clock's filters and "perlu diperiksa" still do; a
    broad filter may then walk the days-left index instead of sorting, never the table."""
    app, _ = listed
    with app.database.engine.connect() as conn:
        plans = [_plan(conn, criteria, sort) for sort in ("days_left", "deadline", "reported")]
        conn.exec_driver_sql("ANALYZE")
        learnt = [_plan(conn, criteria, sort) for sort in ("days_left", "deadline", "reported")]
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
        conn.exec_driver_sql("ANALYZE sqlite_schema")  # forget the statistics again
    for text in plans:
        if criteria.name_words:  # a search in names reads the name index whole, no rows
            assert f"SCAN claim USING INDEX {index}" in text, text
        else:
            assert "SCAN claim" not in text, text
        assert index in text, text
    strict = criteria.overdue_before or criteria.due_before or criteria.flagged
    for text in learnt:
        assert "SCAN claim\n" not in text + "\n", text
        if strict:
            assert "SCAN claim" not in text, text


def test_the_whole_list_is_read_in_days_left_order_from_its_index(
    listed: tuple[AppServices, list[dict[str, Any]]],
) -> None:
    app, _ = listed
    with app.database.engine.connect() as conn:
        plan = _plan(conn, ClaimCriteria(), "days_left")
        by_name = _plan(conn, ClaimCriteria(), "name")
    assert "ix_claim_live_clock" in plan and "TEMP B-TREE" not in plan, plan
    assert "ix_claim_live_name" in by_name and "TEMP B-TREE" not in by_name, by_name


def test_the_clock_rank_index_holds_the_running_statuses() -> None:
    """The days-left order's text (models.CLAIM_CLOCK_RANK, which the index holds) names
    exactly the statuses in which a claim's clock runs."""
    from desktop.domain.claim_state import clock_stops
    from desktop.domain.claims import ClaimKind

    stopped = set().union(*(clock_stops(kind) for kind in ClaimKind))
    running = {str(s) for s in ClaimStatus if s not in stopped}
    assert set(store.RUNNING_STATUSES) == running
    listed = models.CLAIM_CLOCK_RANK.split("IN (")[1].split(")")[0]
    assert {name.strip(" '") for name in listed.split(",")} == running


def test_deadline_window_agrees_with_the_claim_clock() -> None:
    """Overdue and due-soon by the two cut-off dates are the clock's own answers, in
    calendar and in working days, over weekends and a holiday."""
    holidays = Holidays.of([(date(2026, 11, 20), "Libur"), (date(2026, 12, 25), "Natal")])
    start = date(2026, 11, 1)
    for count in DayCount:
        for within in (0, 2, 5):
            rules = ClockRules(count=count, holidays=holidays, due_soon_days=within)
            for t in range(40):
                today = start + timedelta(days=t)
                window = deadline_window(today, within, count, holidays)
                for d in range(-15, 25):
                    deadline = today + timedelta(days=d)
                    overdue = deadline < window.overdue_before
                    due = window.overdue_before <= deadline < window.due_before
                    assert overdue == is_overdue(deadline, today, rules), (count, today, deadline)
                    assert due == is_due_soon(deadline, today, rules), (count, today, deadline)
                    assert overdue == (days_until(deadline, today, count, holidays) < 0)


def test_clock_counts_count_the_running_claims(
    listed: tuple[AppServices, list[dict[str, Any]]],
) -> None:
    app, rows = listed
    window = deadline_window(TODAY, 3)
    running = [r for r in live(rows) if r["status"] in RUNNING and r["deadline"] is not None]
    with app.database.engine.connect() as conn:
        counts = store.clock_counts(conn, window)
        mine = store.clock_counts(conn, window, district_code="16.02.07")
    assert counts.overdue == sum(1 for r in running if r["deadline"] < TODAY)
    assert counts.due_soon == sum(
        1 for r in running if TODAY <= r["deadline"] <= TODAY + timedelta(days=3)
    )
    assert mine.overdue == sum(
        1 for r in running if r["deadline"] < TODAY and r["village_code"].startswith("16.02.07.")
    )
