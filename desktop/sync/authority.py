"""What a kecamatan's valid bundle may say, checked at the hub before anything is written.

The write scope (desktop.sync.merge.check_write_scope) says which rows a laptop may touch;
this module holds every new change of its bundle to the authority table of
desktop.domain.authority (which fields and values a kecamatan may set, in which claim
states), and to the facts a laptop cannot know better than the hub:

- a claim event is the sending device's, by a user of the sending office, and names the
  role it was taken in (``data.role``), one of a kecamatan's: the derivation of a claim's
  state lets a step count only when that role may take it (desktop.domain.claim_steps), so
  an event without a role, or in the regency admin's, would slip past that check;
- an audit entry names a user of the sending office, never in a regency role;
- a change follows only what the hub has sent that laptop (its version vector names no
  change of another device the hub never offered it);
- a change is not stamped far in the future (the stamp breaks ties between concurrent
  edits: a stamp from the year 2286 would win every one).

A change of a claim's file is judged by the claim's state as the laptop saw it when it
made it (desktop.sync.stale.Knowledge), not by the hub's state now: an edit made while the
file was with the kecamatan that arrives after the regency acted on the claim is honest,
only late. It is returned as a :class:`~desktop.sync.stale.StaleChange` for the merge to
hold for the admin (desktop.sync.stale.hold_stale), not refused. A change no kecamatan
could make in any state, or made knowing the file had left it, is refused.

Runs inside the merge's transaction over the staged bundle (``stage.fresh``, ``stage.audit``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

import orjson
from sqlalchemy import Connection

from desktop.domain.authority import (
    APPEND_ONLY_FOR_KECAMATAN,
    KECAMATAN,
    KECAMATAN_ROLES,
    refused_fields,
)
from desktop.domain.claims import ClaimKind
from desktop.store.claims import event_data
from desktop.store.columns import COLUMN_SPECS
from desktop.store.hlc import vv_loads
from desktop.sync.stale import CLAIM_FILE_TABLES, HOLD_ACTION, Knowledge, StaleChange

# A change stamped more than this ahead of the hub's clock is refused: a laptop clock a
# few hours off is common (flagged, accepted); a month ahead is either a wrong clock to fix
# before the laptop's work can be merged fairly, or an attempt to win every tie.
FAR_FUTURE_MS = 30 * 24 * 3600 * 1000
# The records of one claim a bundle may change late (each is a conflict or more for the
# admin): a claim's file is its row, a few heirs, a checklist of some ten documents and a
# few steps.
MAX_LATE_RECORDS = 100


class AuthorityRefused(Exception):
    """A change or audit entry the sending kecamatan may not make; the bundle is refused.

    *kind*: ``field`` (a field or value not the kecamatan's to set), ``event`` (a claim
    event in another device's or office's name, or an edited event), ``audit`` (an audit
    entry naming someone outside the office), ``vector`` (a change claiming to follow one
    the hub never sent), ``stamp`` (a clock stamp far in the future).
    """

    def __init__(self, kind: str, table_name: str, row_id: str, detail: str) -> None:
        super().__init__(f"{kind}: {table_name} {row_id[-8:]} ({detail})")
        self.kind = kind
        self.table_name = table_name
        self.row_id = row_id
        self.detail = detail


def _claim_states(conn: Connection) -> dict[str, str]:
    """The hub's current status of every claim the fresh changes concern."""
    rows = conn.exec_driver_sql(
        "SELECT c.id, c.status FROM claim c WHERE c.id IN ("
        " SELECT row_id FROM stage.fresh WHERE table_name = 'claim'"
        " UNION SELECT json_extract(fields, '$.claim_id[1]') FROM stage.fresh"
        "   WHERE table_name IN"
        "   ('claim_event', 'heir', 'claim_document', 'claim_flag_clearance', 'letter')"
        " UNION SELECT t.claim_id FROM stage.fresh f JOIN heir t ON t.id = f.row_id"
        " UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_document t ON t.id = f.row_id"
        " UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_flag_clearance t"
        "   ON t.id = f.row_id"
        " UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_event t ON t.id = f.row_id)"
    )
    return {str(claim): str(status) for claim, status in rows}


def _office_users(conn: Connection, district: str) -> set[str]:
    """The accounts of the sending office: at the hub, or created in this bundle."""
    users = {
        str(row[0])
        for row in conn.exec_driver_sql(
            "SELECT id FROM app_user WHERE office_region = ?", (district,)
        )
    }
    users.update(
        str(row[0])
        for row in conn.exec_driver_sql(
            "SELECT row_id FROM stage.fresh WHERE table_name = 'app_user' "
            "AND json_extract(fields, '$.office_region[1]') = ?",
            (district,),
        )
    )
    return users


def check_authority(
    conn: Connection,
    *,
    sender: str,
    district: str,
    sent: Mapping[str, int] | None,
    now_ms: int,
) -> list[StaleChange]:
    """Raise :class:`AuthorityRefused` for the first new change or audit entry of a
    kecamatan's bundle that the kecamatan may not make (see the module's notes); return the
    changes of claims' files that were allowed when the laptop made them but are not in the
    claim's state now (stale, to be held for the admin).

    *sent*: the greatest version vector the hub has offered this laptop in its bundles
    (None when it never exported one: what the hub holds is the bound then).
    """
    _check_stamps(conn, now_ms)
    _check_vectors(conn, sender, sent)
    states = _claim_states(conn)
    users = _office_users(conn, district)
    knowledge = Knowledge(conn, sender)
    stale: list[StaleChange] = []
    parents: dict[tuple[str, str], str] = {}
    for table in ("heir", "claim_document", "claim_event", "claim_flag_clearance", "letter"):
        for row_id, claim_id in conn.exec_driver_sql(
            f"SELECT t.id, t.claim_id FROM {table} t JOIN stage.fresh f ON f.row_id = t.id "
            f"AND f.table_name = '{table}'"
        ):
            parents[(table, str(row_id))] = str(claim_id)
    _check_events_new(conn)
    _check_parents(conn, parents)
    _check_change_audits(conn, sender)
    _check_regency_values(conn)
    rows = conn.exec_driver_sql(
        "SELECT table_name, row_id, op, fields, device_seq, vv, audit_id FROM stage.fresh "
        "WHERE table_name <> 'worker'"
    )
    for table, row_id, op, text, seq, vv, audit_id in rows:
        table, row_id = str(table), str(row_id)
        fields = orjson.loads(text)
        new = {name: pair[1] for name, pair in fields.items()}
        if op == "insert" and "deleted" not in new:
            # An insert makes its row alive (desktop.sync.fold): over a record the hub holds
            # deleted, it says "deleted: false", and is judged so.
            new["deleted"] = False
        claim = row_id if table == "claim" else new.get("claim_id") or parents.get((table, row_id))
        state = states.get(str(claim)) if claim else None
        refused = refused_fields(KECAMATAN, table, new, state)
        if refused:
            # Never the kecamatan's, in any state of the claim: refused.
            never = refused_fields(KECAMATAN, table, new, None)
            if never or table not in CLAIM_FILE_TABLES or not claim:
                raise AuthorityRefused("field", table, row_id, (never or refused)[0])
            # Allowed in the state the laptop saw when it made it: late, not forged. Made
            # knowing the file had left the kecamatan: refused.
            seen = knowledge.seen_state(str(claim), int(seq), vv_loads(str(vv)), str(audit_id))
            if seen is not None:
                late = refused_fields(KECAMATAN, table, new, str(seen))
                if late:
                    raise AuthorityRefused("field", table, row_id, late[0])
            stale.append(StaleChange(table, row_id, sender, int(seq), str(claim), new))
        if table in APPEND_ONLY_FOR_KECAMATAN and op != "insert":
            raise AuthorityRefused("event", table, row_id, "edited")
        if table in CLAIM_FILE_TABLES:
            _check_times(table, row_id, new, now_ms)
        if table == "claim" and "kind" in new and new["kind"] not in CLAIM_KINDS:
            # Every reader of the claim (its recompute after each import among them) takes
            # its kind for one of Sigap's: another failed them all, for good.
            raise AuthorityRefused("field", table, row_id, "kind")
        if table == "claim_event":
            if new.get("device_id") != sender:
                raise AuthorityRefused("event", table, row_id, "device_id")
            if new.get("actor_user_id") not in users:
                raise AuthorityRefused("event", table, row_id, "actor_user_id")
            if event_data(new).get("role") not in KECAMATAN_ROLES:
                raise AuthorityRefused("event", table, row_id, "role")
    _check_audits(conn, users)
    _check_late_records(stale)
    return stale


def _check_late_records(stale: list[StaleChange]) -> None:
    """A claim's file is a few dozen records (its row, its heirs, its checklist, its
    steps): a bundle holding late edits of more than :data:`MAX_LATE_RECORDS` of one claim's
    records is no late file but a flood of conflicts for the admin, refused."""
    records: dict[str, set[tuple[str, str]]] = {}
    for change in stale:
        found = records.setdefault(change.claim_id, set())
        found.add((change.table_name, change.row_id))
        if len(found) > MAX_LATE_RECORDS:
            raise AuthorityRefused("field", "claim", change.claim_id, change.table_name)


def _check_events_new(conn: Connection) -> None:
    """A kecamatan's claim event is a new fact, written once: its id is no event the hub
    holds or has heard of (the regency's rejection "inserted" again as deleted, or its
    verification rewritten as a withdrawal, would change the regency's own step), and no
    other change of the bundle names it."""
    row = conn.exec_driver_sql(
        "SELECT f.row_id FROM stage.fresh f WHERE f.table_name = 'claim_event' AND ("
        " EXISTS (SELECT 1 FROM claim_event t WHERE t.id = f.row_id)"
        " OR EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = f.row_id)"
        " OR EXISTS (SELECT 1 FROM stage.fresh o WHERE o.row_id = f.row_id"
        "   AND o.rowid <> f.rowid)) LIMIT 1"
    ).first()
    if row is not None:
        raise AuthorityRefused("event", "claim_event", str(row[0]), "edited")


# The regency's decision and payment, which a kecamatan may only leave empty
# (desktop.domain.authority: a new claim carries them empty), and which no recompute
# derives again: an "empty" written over the regency's value would erase it.
REGENCY_DECISION_FIELDS: tuple[str, ...] = (
    "amount_override",
    "amount_override_reason",
    "amount_approved",
    "amount_paid",
    "decision_number",
    "transfer_reference",
    "paid_on",
)


def _check_regency_values(conn: Connection) -> None:
    """A kecamatan's "empty" is no value for a claim whose decision or payment the regency
    recorded: writing one there (a paid claim's decision number, amounts, transfer and day
    put back to nothing) is refused, in any state."""
    names = ", ".join(REGENCY_DECISION_FIELDS)
    current = {
        str(row[0]): row[1:]
        for row in conn.exec_driver_sql(
            f"SELECT id, {names} FROM claim WHERE id IN "
            "(SELECT row_id FROM stage.fresh WHERE table_name = 'claim')"
        )
    }
    if not current:
        return
    for row_id, text in conn.exec_driver_sql(
        "SELECT row_id, fields FROM stage.fresh WHERE table_name = 'claim'"
    ):
        held = current.get(str(row_id))
        if held is None:
            continue
        fields = orjson.loads(text)
        for name, kept in zip(REGENCY_DECISION_FIELDS, held, strict=True):
            if name in fields and kept not in (None, 0) and fields[name][1] != kept:
                raise AuthorityRefused("field", "claim", str(row_id), name)


_FILE_RECORDS = "('heir', 'claim_document', 'claim_event', 'claim_flag_clearance', 'letter')"


def _check_parents(conn: Connection, parents: Mapping[tuple[str, str], str]) -> None:
    """A record of a claim's file stays with its claim: a change naming another claim than
    the one the hub holds it under, or than an earlier change of the bundle named, would
    move it (an heir taken to a claim still with the kecamatan, edited there and brought
    back, would escape the judgement of the claim it is paid under). No Sigap moves one."""
    named: dict[tuple[str, str], str] = dict(parents)
    for table, row_id, claim in conn.exec_driver_sql(
        # The claims its changes the hub already holds named (one still waiting for its
        # insert, say), then the bundle's.
        "SELECT c.table_name, c.row_id, json_extract(c.fields, '$.claim_id[1]') "
        "FROM change_log c WHERE c.row_id IN (SELECT row_id FROM stage.fresh f "
        f"  WHERE f.table_name IN {_FILE_RECORDS}) "
        f"AND c.table_name IN {_FILE_RECORDS} AND json_extract(c.fields, '$.claim_id') IS NOT NULL "
        "UNION ALL SELECT table_name, row_id, json_extract(fields, '$.claim_id[1]') "
        f"FROM stage.fresh WHERE table_name IN {_FILE_RECORDS} "
        "AND json_extract(fields, '$.claim_id') IS NOT NULL"
    ):
        key = (str(table), str(row_id))
        before = named.setdefault(key, str(claim))
        if before != str(claim):
            raise AuthorityRefused("field", key[0], key[1], "claim_id")


def _check_change_audits(conn: Connection, sender: str) -> None:
    """A change's unit of work (audit entry) is one of the sender's: naming another
    office's (the hub's hold of a late edit, say) would lend it that office's name and
    make it pass for the hub's own in the admin's review."""
    # The bundle's own audit entries in another's name are refused with the bundle
    # (desktop.sync.merge, _check_fresh), unless the hub holds them: looked up here, by the
    # hub's key (the staged entries have no index: a big bundle is checked in linear time).
    row = conn.exec_driver_sql(
        "SELECT f.table_name, f.row_id FROM stage.fresh f WHERE "
        "EXISTS (SELECT 1 FROM audit_entry a WHERE a.id = f.audit_id AND a.device_id <> ?) "
        "LIMIT 1",
        (sender,),
    ).first()
    if row is not None:
        raise AuthorityRefused("audit", str(row[0]), str(row[1]), "audit_id")


CLAIM_KINDS: frozenset[str] = frozenset(kind.value for kind in ClaimKind)
# The earliest day a kecamatan may write in a claim's file (a deceased's birth date).
EARLIEST_DAY = date(1900, 1, 1)


def _check_times(table: str, row_id: str, new: Mapping[str, object], now_ms: int) -> None:
    """The days and times a kecamatan writes in a claim's file are days people live in: not
    before 1900, not over 30 days ahead of the hub's clock, and times in UTC as Sigap writes
    them. A step dated next year would come after every step the regency takes until then
    (the derivation orders steps by time, and would skip the regency's); a document
    received in 9999 (or a step in year 1 at +14:00) overflows the clock's arithmetic and
    leaves the claim, and every later import's recompute, failing."""
    specs = COLUMN_SPECS[table]
    latest = datetime.fromtimestamp((now_ms + FAR_FUTURE_MS) / 1000, UTC)
    for name, value in new.items():
        spec = specs.get(name)
        if spec is None or spec.kind not in ("date", "datetime") or not isinstance(value, str):
            continue
        _check_time(table, row_id, name, value, spec.kind, latest)
    if table == "claim_event":
        on = event_data({"data": new.get("data")}).get("on")
        if on is not None:
            if not isinstance(on, str):
                raise AuthorityRefused("field", table, row_id, "data")
            _check_time(table, row_id, "data", on, "date", latest)


def _check_time(
    table: str, row_id: str, name: str, value: str, kind: str, latest: datetime
) -> None:
    try:
        moment = (
            datetime.combine(date.fromisoformat(value), datetime.min.time(), UTC)
            if kind == "date"
            else datetime.fromisoformat(value)
        )
    except ValueError:
        raise AuthorityRefused("field", table, row_id, name) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    elif moment.utcoffset():
        raise AuthorityRefused("field", table, row_id, name)
    if moment.date() < EARLIEST_DAY:
        raise AuthorityRefused("field", table, row_id, name)
    if moment > latest:
        raise AuthorityRefused("stamp", table, row_id, str(int(moment.timestamp() * 1000)))




def _check_stamps(conn: Connection, now_ms: int) -> None:
    row = conn.exec_driver_sql(
        "SELECT table_name, row_id, hlc FROM stage.fresh WHERE CAST(hlc AS INTEGER) > ? LIMIT 1",
        (now_ms + FAR_FUTURE_MS,),
    ).first()
    if row is not None:
        raise AuthorityRefused("stamp", str(row[0]), str(row[1]), str(row[2]))


def _check_vectors(conn: Connection, sender: str, sent: Mapping[str, int] | None) -> None:
    """No new change names a change of another device beyond what the hub sent (or, with no
    bundle sent yet, beyond what the hub holds)."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage.sent_bound")
    conn.exec_driver_sql(
        "CREATE TABLE stage.sent_bound (device TEXT PRIMARY KEY, seq INTEGER) WITHOUT ROWID"
    )
    if sent is None:
        conn.exec_driver_sql(
            "INSERT INTO stage.sent_bound "
            "SELECT device_id, max(device_seq) FROM change_log GROUP BY device_id"
        )
    else:
        for device, seq in sent.items():
            conn.exec_driver_sql("INSERT INTO stage.sent_bound VALUES (?, ?)", (device, seq))
    row = conn.exec_driver_sql(
        "SELECT f.table_name, f.row_id, j.key FROM stage.fresh f, json_each(f.vv) j "
        "WHERE j.key <> ? AND j.value > coalesce("
        "(SELECT seq FROM stage.sent_bound s WHERE s.device = j.key), 0) LIMIT 1",
        (sender,),
    ).first()
    if row is not None:
        raise AuthorityRefused("vector", str(row[0]), str(row[1]), str(row[2]))


def _check_audits(conn: Connection, users: set[str]) -> None:
    rows = conn.exec_driver_sql(
        "SELECT a.id, a.user_id, a.role, a.action FROM stage.audit a "
        "WHERE NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.id = a.id)"
    )
    for audit_id, user_id, role, action in rows:
        # The hold of a late claim edit is the hub's alone (the admin's review trusts it).
        if str(user_id) not in users or str(role) not in KECAMATAN_ROLES or action == HOLD_ACTION:
            raise AuthorityRefused("audit", "audit_entry", str(audit_id), str(role))
