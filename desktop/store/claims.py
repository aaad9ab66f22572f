"""Claim queries: the windowed list, its counts, and what the rules need of other claims.

The list is built like the roster's: :func:`matching_rowids` gives the rowids of the
matching claims in display order (an ``array('q')``), :func:`rows_by_rowid` the rows of one
window of them. Every filter the tab offers is an index range on ``claim`` (kind, state,
kecamatan and desa, overdue, due soon, "perlu diperiksa", NIK); only a search by name reads
every name key.

The clock's filters take days, not rules: :func:`deadline_window` turns "overdue" and "due
within N days" (calendar or working days, with the holiday list) into two cut-off dates, so
that the list filters on ``deadline`` with plain comparisons.

The rules' inputs about *other* claims (desktop.domain.claim_rules, claim_flags) are read
through indexes too: the claims of one person (:func:`claims_of_person`, by worker or NIK,
across kecamatan) and the claims paid to one account (:func:`payee_accounts`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Connection,
    TextClause,
    and_,
    func,
    literal_column,
    select,
    text,
)

from desktop.domain.calendar import NO_HOLIDAYS, DayCount, Holiday, Holidays, add_days
from desktop.domain.claim_flags import FlagClearance, PayeeAccount
from desktop.domain.claim_rules import OtherClaim
from desktop.domain.claims import FINAL_STATUSES, ClaimKind, ClaimStatus
from desktop.domain.identifiers import normalize_number
from desktop.store import models
from desktop.store.unit_of_work import table_of

CLAIM = table_of(models.Claim)
EVENT = table_of(models.ClaimEvent)
HEIR = table_of(models.Heir)
DOCUMENT = table_of(models.ClaimDocument)
CLEARANCE = table_of(models.ClaimFlagClearance)
HOLIDAY = table_of(models.Holiday)
WORKER = table_of(models.Worker)
REGION = table_of(models.Region)
ROWID: ColumnElement[int] = literal_column("claim.rowid")
# The live condition exactly as the partial indexes spell it (models.LIVE_CLAIM).
LIVE = text("claim.deleted = 0")

# The statuses in which a claim's clock runs: not paid, rejected or cancelled, and (JKM/JKK)
# not yet filed with BPJS (desktop.domain.claim_state.clock_stops; a santunan never reaches
# diajukan_bpjs). A claim in any other status is never overdue nor due.
RUNNING_STATUSES: tuple[str, ...] = tuple(
    str(s) for s in ClaimStatus if s not in FINAL_STATUSES | {ClaimStatus.DIAJUKAN_BPJS}
)
# A cancelled claim is void: its payee account is no longer another claim's.
VOID_STATUSES: tuple[str, ...] = (str(ClaimStatus.DIBATALKAN),)

# The share of claims the planner is told a clock or flag filter keeps (SQLite's
# likelihood(): a hint, the result is the same).
SELDOM = "0.05"

# Days left first: running claims by deadline, then the rest (no deadline, or stopped); the
# text of the index ix_claim_live_clock, so the list is read from it in order.
_CLOCK_RANK: ColumnElement[int] = literal_column(models.CLAIM_CLOCK_RANK)

# Sort key → columns; a tuple (column, fixed) keeps that column ascending whichever way the
# list is sorted (the days-left bucket: running claims stay first).
SORT_COLUMNS: dict[str, tuple[Any, ...]] = {
    "days_left": ((_CLOCK_RANK, True), CLAIM.c.deadline),
    "deadline": (CLAIM.c.deadline,),
    "reported": (CLAIM.c.reported_date,),
    "event": (CLAIM.c.event_date,),
    "name": (CLAIM.c.subject_name_key,),
    "nik": (CLAIM.c.subject_nik,),
    "kind": (CLAIM.c.kind, CLAIM.c.subject_name_key),
    "status": (CLAIM.c.status, CLAIM.c.subject_name_key),
    "village": (CLAIM.c.village_code, CLAIM.c.subject_name_key),
    "flags": (CLAIM.c.flags_open, CLAIM.c.deadline),
}


@dataclass(frozen=True)
class DeadlineWindow:
    """The clock's cut-offs as of one day.

    A running claim is overdue when its deadline is before ``overdue_before``, and due
    within the window when ``overdue_before <= deadline < due_before``.
    """

    overdue_before: date
    due_before: date


def deadline_window(
    today: date,
    within: int,
    count: DayCount = DayCount.CALENDAR,
    holidays: Holidays = NO_HOLIDAYS,
) -> DeadlineWindow:
    """The cut-offs of "overdue" and "due within *within* days" on *today*, counted as the
    claim clock counts (desktop.domain.calendar.days_until): the same answers as
    ``claim_state.is_overdue`` and ``is_due_soon`` with ``due_soon_days = within``.

    In working days a deadline has passed once a working day has gone by after it, so the
    overdue cut-off is the last working day up to *today* (a Friday deadline is not overdue
    on the Saturday after); a deadline is due within *within* days when it falls before
    the (within + 1)th working day after *today*.
    """
    if DayCount(count) is DayCount.CALENDAR:
        return DeadlineWindow(today, today + timedelta(days=within + 1))
    last_working = today
    off = holidays.days
    for _ in range(366):
        if last_working.weekday() <= 4 and last_working not in off:
            break
        last_working -= timedelta(days=1)
    return DeadlineWindow(last_working, add_days(today, within + 1, count, holidays))


@dataclass(frozen=True)
class ClaimCriteria:
    """What the claim list shows: filters and a search text (already split into its parts).

    *kinds*, *statuses*: any of these (empty: all). *district_code* / *village_code*: the
    claim's village in that kecamatan / that village. *overdue_before*: running claims whose
    deadline is before that day; *due_from* .. *due_before*: running claims whose deadline
    is in [from, before) (see :func:`deadline_window`). *flagged*: claims with an open
    review flag ("perlu diperiksa"), *flag_code* one of them. *worker_id*: the claims of one
    roster worker. *nik_prefix* / *name_words*: the search, by the subject's NIK from its
    start or by words anywhere in the subject's name key (desktop.domain.names.name_key).
    """

    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    district_code: str | None = None
    village_code: str | None = None
    overdue_before: date | None = None
    due_from: date | None = None
    due_before: date | None = None
    flagged: bool = False
    flag_code: str | None = None
    worker_id: str | None = None
    nik_prefix: str | None = None
    name_words: tuple[str, ...] = ()


def _prefix_range(column: Any, prefix: str) -> ColumnElement[bool]:
    """*column* starts with *prefix*, as a range (it uses the column's index whatever the
    collation, where LIKE would not)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def _like_escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _seldom(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return func.likelihood(condition, literal_column(SELDOM))


def _where(criteria: ClaimCriteria) -> ColumnElement[bool]:
    clauses: list[ColumnElement[bool] | TextClause] = [LIVE]
    if criteria.kinds:
        clauses.append(CLAIM.c.kind.in_(criteria.kinds))
    if criteria.statuses:
        clauses.append(CLAIM.c.status.in_(criteria.statuses))
    if criteria.village_code:
        clauses.append(CLAIM.c.village_code == criteria.village_code)
    elif criteria.district_code:
        clauses.append(_prefix_range(CLAIM.c.village_code, criteria.district_code + "."))
    if criteria.overdue_before is not None or criteria.due_before is not None:
        clauses.append(CLAIM.c.status.in_(RUNNING_STATUSES))
    # Few claims are overdue, due soon or flagged; said so, or the planner may walk a sort
    # column's index over every claim rather than search the filter's index and sort the few.
    if criteria.overdue_before is not None:
        clauses.append(_seldom(CLAIM.c.deadline < criteria.overdue_before))
    if criteria.due_from is not None:
        clauses.append(_seldom(CLAIM.c.deadline >= criteria.due_from))
    if criteria.due_before is not None:
        clauses.append(_seldom(CLAIM.c.deadline < criteria.due_before))
    if criteria.flagged or criteria.flag_code:
        clauses.append(_seldom(CLAIM.c.flags_open > 0))
    if criteria.flag_code:
        code = _like_escaped(criteria.flag_code)
        clauses.append(CLAIM.c.flag_codes.like(f"%{code}%", escape="\\"))
    if criteria.worker_id:
        clauses.append(CLAIM.c.worker_id == criteria.worker_id)
    if criteria.nik_prefix:
        prefix = normalize_number(criteria.nik_prefix)
        if len(prefix) >= 16:
            clauses.append(CLAIM.c.subject_nik == prefix)
        elif prefix:
            clauses.append(_prefix_range(CLAIM.c.subject_nik, prefix))
    for word in criteria.name_words:
        clauses.append(CLAIM.c.subject_name_key.like(f"%{_like_escaped(word)}%", escape="\\"))
    return and_(*clauses)


def _name_scan(criteria: ClaimCriteria) -> bool:
    """True when a search by name is the only selective part of *criteria*: the name index
    is then read whole (it holds every name key: some ms for 100,000 claims). Asked to pick,
    SQLite takes the smallest live index for a scan and reads every claim's row from it."""
    return bool(criteria.name_words) and not (
        criteria.statuses
        or criteria.village_code
        or criteria.district_code
        or criteria.overdue_before is not None
        or criteria.due_before is not None
        or criteria.flagged
        or criteria.flag_code
        or criteria.worker_id
        or criteria.nik_prefix
    )


def _select(criteria: ClaimCriteria, *columns: Any) -> Any:
    return select(*columns).select_from(CLAIM).where(_where(criteria))


_FROM = re.compile(r"\bFROM claim(?=\s)")


def list_sql(conn: Connection, criteria: ClaimCriteria, statement: Any) -> tuple[str, list[Any]]:
    """A list query over :func:`_select` as the driver runs it, told to read the name index
    when a search by name is its only selective part (SQLAlchemy's SQLite dialect does not
    write SQLite's INDEXED BY)."""
    sql, values = driver_sql(conn, statement)
    if _name_scan(criteria):
        sql, found = _FROM.subn("FROM claim INDEXED BY ix_claim_live_name", sql)
        assert found == 1, sql
    return sql, values


def _order(sort: str, descending: bool) -> list[Any]:
    order = []
    for key in SORT_COLUMNS.get(sort, SORT_COLUMNS["days_left"]):
        column, fixed = key if isinstance(key, tuple) else (key, False)
        order.append(column.asc() if fixed or not descending else column.desc())
    order.append(ROWID.desc() if descending else ROWID.asc())
    return order


def _driver_value(value: Any) -> Any:
    # Dates as SQLite stores them (ISO text): the driver's own date adapter is deprecated.
    return value.isoformat() if isinstance(value, date) else value


def driver_sql(conn: Connection, statement: Any) -> tuple[str, list[Any]]:
    """*statement* as the driver runs it: its SQL (IN lists expanded) and its values."""
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    return str(compiled), [_driver_value(params[name]) for name in compiled.positiontup or []]


def matching_rowids(
    conn: Connection,
    criteria: ClaimCriteria,
    *,
    sort: str = "days_left",
    descending: bool = False,
) -> array[int]:
    """The rowids of the matching claims in display order (:data:`SORT_COLUMNS`; ties by
    rowid). "days_left" lists the running claims by deadline, the rest after them."""
    statement = _select(criteria, ROWID).order_by(*_order(sort, descending))
    sql, values = list_sql(conn, criteria, statement)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, values)
        ids: array[int] = array("q")
        while chunk := cursor.fetchmany(65_536):
            ids.extend(row[0] for row in chunk)
    finally:
        cursor.close()
    return ids


def count_matching(conn: Connection, criteria: ClaimCriteria) -> int:
    """How many claims match."""
    sql, values = list_sql(conn, criteria, _select(criteria, func.count()))
    return int(conn.exec_driver_sql(sql, tuple(values)).scalar_one())


@dataclass(frozen=True)
class ClockCounts:
    """For the status bar: running claims past their deadline, and due within the window."""

    overdue: int
    due_soon: int


def clock_counts(
    conn: Connection, window: DeadlineWindow, *, district_code: str | None = None
) -> ClockCounts:
    """How many running claims are overdue and due soon (of one kecamatan's villages, with
    *district_code*), each counted on the (status, deadline) index."""
    overdue = count_matching(
        conn, ClaimCriteria(district_code=district_code, overdue_before=window.overdue_before)
    )
    due = count_matching(
        conn,
        ClaimCriteria(
            district_code=district_code,
            due_from=window.overdue_before,
            due_before=window.due_before,
        ),
    )
    return ClockCounts(overdue, due)


# What a line of the list needs of a claim (reading every column costs a window of rows
# twice as much).
LIST_COLUMNS = (
    "id", "kind", "status", "village_code", "event_date", "reported_date", "deadline",
    "flags_open", "flag_codes",
)  # fmt: skip


def _with_places_and_name(claim_columns: Sequence[str] | None = None) -> Any:
    """The claim's columns (every one, or *claim_columns*) with its desa's and kecamatan's
    names, and the name to show (the subject's, or its worker's for a claim that reached
    this office without one)."""
    village = REGION.alias("village")
    district = REGION.alias("district")
    shown = func.coalesce(CLAIM.c.subject_name, WORKER.c.name).label("shown_name")
    shown_nik = func.coalesce(CLAIM.c.subject_nik, WORKER.c.nik).label("shown_nik")
    columns = (
        ROWID.label("rowid"),
        *((CLAIM,) if claim_columns is None else (CLAIM.c[name] for name in claim_columns)),
        shown,
        shown_nik,
        village.c.name.label("village_name"),
        district.c.name.label("district_name"),
    )
    joined = (
        CLAIM.outerjoin(WORKER, WORKER.c.id == CLAIM.c.worker_id)
        .outerjoin(village, village.c.code == CLAIM.c.village_code)
        .outerjoin(district, district.c.code == func.substr(CLAIM.c.village_code, 1, 8))
    )
    return columns, joined


def rows_by_rowid(conn: Connection, rowids: Sequence[int]) -> list[dict[str, Any]]:
    """The list lines of the claims with these rowids, in the order given: the columns of
    :data:`LIST_COLUMNS` and ``shown_name``, ``shown_nik``, ``village_name``,
    ``district_name``."""
    if not rowids:
        return []
    columns, joined = _with_places_and_name(LIST_COLUMNS)
    stmt = select(*columns).select_from(joined).where(ROWID.in_(list(rowids)))
    result = conn.execute(stmt)
    keys = list(result.keys())  # one mapping per row from plain tuples: the cheap way
    found = {row[0]: dict(zip(keys, row, strict=True)) for row in result}
    return [found[r] for r in rowids if r in found]


def ids_with_prefix(conn: Connection, prefix: str, limit: int) -> list[str]:
    """Up to *limit* ids of live claims that start with *prefix* (a range of the primary
    key, so a short prefix among 100,000 claims costs a lookup, not a scan)."""
    stmt = (
        select(CLAIM.c.id)
        .where(CLAIM.c.id >= prefix, CLAIM.c.id < prefix + "\uffff", CLAIM.c.deleted.is_(False))
        .order_by(CLAIM.c.id)
        .limit(limit)
    )
    return [str(claim_id) for (claim_id,) in conn.execute(stmt)]


def claim_by_id(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    """One claim (tombstones included) as :func:`rows_by_rowid` gives it, or None."""
    columns, joined = _with_places_and_name()
    row = (
        conn.execute(select(*columns).select_from(joined).where(CLAIM.c.id == claim_id))
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None


# ---- a claim's file ------------------------------------------------------------------------


def events_of(conn: Connection, claim_id: str) -> list[dict[str, Any]]:
    """The claim's live events, by time (the derivation orders them itself)."""
    rows = conn.execute(
        select(EVENT)
        .where(EVENT.c.claim_id == claim_id, EVENT.c.deleted.is_(False))
        .order_by(EVENT.c.at, EVENT.c.id)
    ).mappings()
    return [dict(row) for row in rows]


def event_data(row: dict[str, Any]) -> dict[str, Any]:
    """The JSON details of an event row ({} when unreadable)."""
    try:
        value = orjson.loads(row.get("data") or "{}")
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def heirs_of(conn: Connection, claim_id: str) -> list[dict[str, Any]]:
    """The claim's live heirs, payee first, then by name."""
    rows = conn.execute(
        select(HEIR)
        .where(HEIR.c.claim_id == claim_id, HEIR.c.deleted.is_(False))
        .order_by(HEIR.c.is_payee.desc(), HEIR.c.name, HEIR.c.id)
    ).mappings()
    return [dict(row) for row in rows]


def documents_of(conn: Connection, claim_id: str) -> list[dict[str, Any]]:
    """The claim's live checklist rows (one per item)."""
    rows = conn.execute(
        select(DOCUMENT)
        .where(DOCUMENT.c.claim_id == claim_id, DOCUMENT.c.deleted.is_(False))
        .order_by(DOCUMENT.c.item)
    ).mappings()
    return [dict(row) for row in rows]


def clearance_rows(conn: Connection, claim_id: str) -> list[dict[str, Any]]:
    """The claim's live flag clearances, by time."""
    rows = conn.execute(
        select(CLEARANCE)
        .where(CLEARANCE.c.claim_id == claim_id, CLEARANCE.c.deleted.is_(False))
        .order_by(CLEARANCE.c.at, CLEARANCE.c.id)
    ).mappings()
    return [dict(row) for row in rows]


def clearances_of(conn: Connection, claim_id: str) -> list[FlagClearance]:
    """The claim's flag clearances as the rules take them (unreadable evidence: none)."""
    found = []
    for row in clearance_rows(conn, claim_id):
        try:
            evidence = orjson.loads(row["evidence"] or "[]")
        except orjson.JSONDecodeError:
            evidence = []
        pieces = frozenset(str(e) for e in evidence) if isinstance(evidence, list) else frozenset()
        found.append(
            FlagClearance(
                code=str(row["code"]),
                evidence=pieces,
                by=str(row["actor_name"]),
                at=row["at"],
                reason=str(row["reason"]),
            )
        )
    return found


# ---- other claims, for the rules -----------------------------------------------------------


def person_queries(*, worker_id: str | None, nik: str | None) -> list[Any]:
    """The queries of :func:`claims_of_person`, one per way of being the same person (not
    one OR: each then searches its own index, the live ones too)."""
    digits = normalize_number(nik or "")
    matches: list[ColumnElement[bool]] = []
    if worker_id:
        matches.append(CLAIM.c.worker_id == worker_id)
    if digits:
        matches.append(CLAIM.c.subject_nik == digits)
        same_nik = select(WORKER.c.id).where(WORKER.c.nik == digits).scalar_subquery()
        matches.append(CLAIM.c.worker_id.in_(same_nik))
    columns = (
        CLAIM.c.id,
        CLAIM.c.kind,
        CLAIM.c.status,
        CLAIM.c.worker_id,
        func.coalesce(CLAIM.c.subject_nik, WORKER.c.nik),
        CLAIM.c.event_date,
        CLAIM.c.reported_date,
    )
    joined = CLAIM.outerjoin(WORKER, WORKER.c.id == CLAIM.c.worker_id)
    return [select(*columns).select_from(joined).where(match, LIVE) for match in matches]


def claims_of_person(
    conn: Connection,
    *,
    worker_id: str | None,
    nik: str | None,
    exclude_id: str | None = None,
) -> list[OtherClaim]:
    """The live claims about one person, wherever they were filed: of the worker
    *worker_id*, or with *nik* as the subject's NIK (a resident's claim, or a claim of
    another roster record of the same NIK). Each by an index (claim's worker, claim's
    subject NIK, the roster's NIK)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for stmt in person_queries(worker_id=worker_id, nik=nik):
        for row in conn.execute(stmt):
            if row[0] != exclude_id:
                rows[str(row[0])] = tuple(row)
    found = []
    ordered = sorted(rows.values(), key=lambda row: (row[6], row[0]))
    for claim_id, kind, status, worker, subject_nik, event_date, _reported in ordered:
        try:
            known_kind, known_status = ClaimKind(kind), ClaimStatus(status)
        except ValueError:  # a kind or status of a newer Sigap: not this version's to judge
            continue
        found.append(
            OtherClaim(
                claim_id=str(claim_id),
                kind=known_kind,
                status=known_status,
                worker_id=None if worker is None else str(worker),
                nik=None if subject_nik is None else str(subject_nik),
                event_date=event_date,
            )
        )
    return found


def payee_accounts(
    conn: Connection,
    accounts: Iterable[str],
    *,
    exclude_statuses: Collection[str] = VOID_STATUSES,
) -> list[PayeeAccount]:
    """The live claims (but cancelled ones) whose payee heir has one of these account
    numbers (looked up as digits, as heirs store them), with each claim's subject.

    For the shared-account flag: the claim itself is among them, and the rules skip it.
    """
    wanted = sorted({d for d in (normalize_number(a) for a in accounts) if d})
    found: list[PayeeAccount] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        stmt = (
            select(
                HEIR.c.claim_id,
                HEIR.c.bank_account,
                func.coalesce(CLAIM.c.subject_name, WORKER.c.name),
                func.coalesce(CLAIM.c.subject_nik, WORKER.c.nik),
                func.coalesce(CLAIM.c.subject_kk, WORKER.c.kk),
            )
            .select_from(
                HEIR.join(CLAIM, CLAIM.c.id == HEIR.c.claim_id).outerjoin(
                    WORKER, WORKER.c.id == CLAIM.c.worker_id
                )
            )
            .where(
                HEIR.c.bank_account.in_(chunk),
                HEIR.c.is_payee.is_(True),
                HEIR.c.deleted.is_(False),
                LIVE,
            )
            .order_by(HEIR.c.bank_account, HEIR.c.claim_id)
        )
        if exclude_statuses:
            stmt = stmt.where(CLAIM.c.status.notin_(list(exclude_statuses)))
        found.extend(
            PayeeAccount(
                claim_id=str(claim_id),
                account=str(account),
                subject_name=str(name or ""),
                subject_nik=None if subject_nik is None else str(subject_nik),
                subject_kk=None if kk is None else str(kk),
            )
            for claim_id, account, name, subject_nik, kk in conn.execute(stmt)
        )
    return found


def claims_without_subject(conn: Connection, limit: int = 1_000) -> list[tuple[str, str]]:
    """(claim id, worker id) of live claims of a worker whose subject columns are empty: a
    claim that reached this office from one that had not filled them (one made before
    migration 0007 elsewhere). The service copies the worker in, as the migration did."""
    rows = conn.exec_driver_sql(
        "SELECT id, worker_id FROM claim WHERE deleted = 0 AND worker_id IS NOT NULL "
        "AND subject_name IS NULL ORDER BY id LIMIT ?",
        (limit,),
    )
    return [(str(row[0]), str(row[1])) for row in rows]


def misplaced_claims(conn: Connection, district: str) -> list[tuple[str, str]]:
    """(id, subject name) of live claims without a worker that this kecamatan office opened
    in a village of another kecamatan: the hub refuses every bundle that carries them (as
    desktop.store.queries.misplaced_workers for workers). Putting the village back into
    this kecamatan (and cancelling or removing the claim) lets the laptop's work through."""
    rows = conn.exec_driver_sql(
        "SELECT c.id, coalesce(c.subject_name, '') FROM claim c JOIN local_state s "
        "WHERE c.deleted = 0 AND c.worker_id IS NULL AND c.village_code NOT LIKE ? "
        "AND EXISTS (SELECT 1 FROM change_log l WHERE l.row_id = c.id "
        "  AND l.table_name = 'claim' AND l.op = 'insert' AND l.device_id = s.device_id) "
        "ORDER BY c.subject_name_key, c.id",
        (district + ".%",),
    )
    return [(str(row[0]), str(row[1])) for row in rows]


# ---- holidays ------------------------------------------------------------------------------


def holidays(conn: Connection) -> Holidays:
    """The office's live holiday list (a nameless row keeps its day, named by its date)."""
    rows = conn.execute(
        select(HOLIDAY.c.day, HOLIDAY.c.name)
        .where(HOLIDAY.c.deleted.is_(False))
        .order_by(HOLIDAY.c.day)
    )
    return Holidays.of(Holiday(day, (name or "").strip() or day.isoformat()) for day, name in rows)


def holiday_row(conn: Connection, day: date) -> dict[str, Any] | None:
    """The holiday row of *day*, tombstoned or not (a day removed and given again revives
    its row: the day is unique), or None."""
    row = conn.execute(select(HOLIDAY).where(HOLIDAY.c.day == day)).mappings().first()
    return dict(row) if row is not None else None
