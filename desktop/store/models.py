"""SQLModel tables of a Sigap database.

Synced tables carry the sync columns of :class:`SyncedRow` and are written only through
:class:`desktop.store.unit_of_work.UnitOfWork`; database triggers (migration 0002) refuse any
other write. Money is integer rupiah, dates are ``date``, timestamps are aware UTC datetimes.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

# A worker the roster shows: not tombstoned, not merged into another record. Queries must
# spell the condition exactly so (literal, not bound parameters) to use the partial indexes.
LIVE_WORKER = text("deleted = 0 AND merged_into IS NULL")
# A claim the lists show: not tombstoned. The list's indexes are partial on exactly this
# condition (spelled so in queries), so that a filter or an order is read from the index
# alone, never row by row from the table.
LIVE_CLAIM = text("deleted = 0")
# The claim list's "days left" order: running claims with a deadline first (0), the rest
# after (1). desktop.store.claims orders by exactly this text, which the index
# ix_claim_live_clock holds; the statuses are those in which the clock runs (a test keeps
# them equal to desktop.store.claims.RUNNING_STATUSES).
CLAIM_CLOCK_RANK = (
    "CASE WHEN status IN ('diusulkan', 'dikembalikan', 'direkomendasikan', 'diverifikasi', "
    "'disetujui') AND deadline IS NOT NULL THEN 0 ELSE 1 END"
)


class SyncedRow(SQLModel):
    """Columns every synced row has: identity, timestamps and sync metadata."""

    id: str = Field(primary_key=True, max_length=36)
    created_at: datetime
    updated_at: datetime
    # Hybrid logical clock stamp of the last change (a label and a tie-breaker, not a truth).
    hlc: str = Field(max_length=24)
    # Device that made the last change.
    origin_device: str = Field(max_length=36)
    # Version vector of the row as JSON: {"device id": device sequence number}.
    vv: str = Field(default="{}")
    # Tombstone: synced rows are never deleted, only marked.
    deleted: bool = Field(default=False)


class Region(SyncedRow, table=True):
    """A Kemendagri region: province, regency, district (kecamatan) or village."""

    __tablename__ = "region"
    __table_args__ = (
        UniqueConstraint("code", name="uq_region_code"),
        Index("ix_region_parent", "parent_code", "name"),
        Index("ix_region_level_name", "level", "name"),
    )

    code: str = Field(max_length=13)
    name: str = Field(max_length=200)
    level: int
    parent_code: str | None = Field(default=None, max_length=13)


class Worker(SyncedRow, table=True):
    """A protected worker on the roster."""

    __tablename__ = "worker"
    __table_args__ = (
        # Every NIK, live or not: imports and duplicate checks look numbers up here.
        Index("ix_worker_nik", "nik"),
        # The roster shows live rows only. Partial indexes on exactly the roster's live
        # condition let SQLite walk an index in display order without reading the table
        # (a million ids in ~0.5 s instead of ~7 s); name_key alone pages on (name_key, rowid).
        Index("ix_worker_live_name", "name_key", sqlite_where=LIVE_WORKER),
        Index("ix_worker_live_nik", "nik", sqlite_where=LIVE_WORKER),
        Index("ix_worker_live_village", "village_code", "name_key", sqlite_where=LIVE_WORKER),
        Index("ix_worker_live_district", "district_code", "name_key", sqlite_where=LIVE_WORKER),
        Index("ix_worker_live_category", "category", "name_key", sqlite_where=LIVE_WORKER),
        Index("ix_worker_live_status", "status", "coverage_end", sqlite_where=LIVE_WORKER),
        CheckConstraint("sex IN ('L', 'P')", name="ck_worker_sex"),
        CheckConstraint("declared_income >= 0", name="ck_worker_income"),
    )

    nik: str = Field(max_length=16)
    kk: str | None = Field(default=None, max_length=16)
    name: str = Field(max_length=200)
    # Lower-cased, accent-free name for search and sorting.
    name_key: str = Field(max_length=200)
    sex: str = Field(max_length=1)
    birth_place: str | None = Field(default=None, max_length=100)
    birth_date: date
    address: str | None = Field(default=None, max_length=300)
    village_code: str = Field(max_length=13)
    district_code: str = Field(max_length=8)
    category: str = Field(max_length=32)
    subcategory: str | None = Field(default=None, max_length=32)
    position: str | None = Field(default=None, max_length=120)
    kpj: str | None = Field(default=None, max_length=11)
    # Comma-separated programmes: "JKK,JKM" or "JKK,JKM,JHT".
    programmes: str = Field(default="JKK,JKM", max_length=20)
    declared_income: int = Field(default=1_000_000)
    coverage_start: date | None = None
    coverage_end: date | None = None
    funding_source: str = Field(default="apbd", max_length=16)
    status: str = Field(default="aktif", max_length=16)
    status_reason: str | None = Field(default=None, max_length=300)
    death_date: date | None = None
    phone: str | None = Field(default=None, max_length=20)
    # Set when this record was merged into another (duplicate enrolment).
    merged_into: str | None = Field(default=None, max_length=36)


class CoverageTarget(SyncedRow, table=True):
    """How many workers of a category a region should protect in a year."""

    __tablename__ = "coverage_target"
    __table_args__ = (
        UniqueConstraint("region_code", "category", "year", name="uq_coverage_target"),
        CheckConstraint("target >= 0", name="ck_coverage_target"),
    )

    region_code: str = Field(max_length=13)
    category: str = Field(max_length=32)
    year: int
    target: int


class Claim(SyncedRow, table=True):
    """A benefit claim: JKM or JKK for a roster worker, or the regency's santunan kematian for
    any resident (in the roster or not).

    The person claimed for is the ``subject_*`` columns, filled from the worker for a claim
    that has one (so a list never joins the roster) and typed in for a resident outside it
    (``worker_id`` empty). ``reported_date`` is the day the village reported (filed) the
    claim: the "filed on" of the eligibility rules (JKK lapse, the santunan's window).

    ``status``, ``verified_on``, ``deadline``, ``completed_on``, ``flags_open`` and
    ``flag_codes`` are derived (from the claim's events, documents, heirs and flag
    clearances) and kept here by the service for fast lists.
    """

    __tablename__ = "claim"
    __table_args__ = (
        Index("ix_claim_worker", "worker_id"),
        # The list's filters and orders (migration 0007), on live claims only: state (and
        # the clock's overdue and due soon), kecamatan and desa, kind, "perlu diperiksa",
        # the subject's NIK (also the same person across kecamatan) and name, days left.
        # Each ends with the deadline where a filter is sorted by days left. No index on the
        # deadline alone: the planner would walk it to spare a sort rather than search a
        # filter's index.
        Index("ix_claim_live_status", "status", "deadline", sqlite_where=LIVE_CLAIM),
        Index(
            "ix_claim_live_village", "village_code", "status", "deadline", sqlite_where=LIVE_CLAIM
        ),
        Index("ix_claim_live_kind", "kind", "status", "deadline", sqlite_where=LIVE_CLAIM),
        Index("ix_claim_live_flags", "flags_open", "status", "deadline", sqlite_where=LIVE_CLAIM),
        Index("ix_claim_live_nik", "subject_nik", sqlite_where=LIVE_CLAIM),
        Index("ix_claim_live_name", "subject_name_key", sqlite_where=LIVE_CLAIM),
        Index("ix_claim_live_reported", "reported_date", sqlite_where=LIVE_CLAIM),
        Index("ix_claim_live_clock", text(CLAIM_CLOCK_RANK), "deadline", sqlite_where=LIVE_CLAIM),
    )

    # Empty for a santunan kematian of a resident who is not in the roster.
    worker_id: str | None = Field(default=None, foreign_key="worker.id", max_length=36)
    kind: str = Field(max_length=32)
    event_date: date
    # The day the claim was reported (filed) by the village.
    reported_date: date
    village_code: str = Field(max_length=13)
    proposer: str | None = Field(default=None, max_length=200)
    # The person claimed for (the deceased, or the injured worker).
    subject_nik: str | None = Field(default=None, max_length=16)
    subject_name: str | None = Field(default=None, max_length=200)
    # Lower-cased, accent-free subject name for search and sorting (desktop.domain.names).
    subject_name_key: str | None = Field(default=None, max_length=200)
    subject_birth_date: date | None = None
    subject_kk: str | None = Field(default=None, max_length=16)
    # Nomor akta kematian.
    death_certificate_no: str | None = Field(default=None, max_length=60)
    # DTSEN decile of the household (1 poorest .. 10); empty while not recorded.
    dtsen_decile: int | None = None
    # A JKK accident on the road: the police report is then a required document.
    accident_is_traffic: bool = False
    # Derived from the claim's events; kept here for fast lists.
    status: str = Field(default="diusulkan", max_length=20)
    verified_on: date | None = None
    deadline: date | None = None
    # Derived from the documents: the day the last required one was received.
    completed_on: date | None = None
    # Derived from the rules and the clearances: how many review flags are open, and their
    # codes (comma-separated, sorted), for the "perlu diperiksa" filter.
    flags_open: int = 0
    flag_codes: str | None = Field(default=None, max_length=400)
    amount_proposed: int = 0
    amount_approved: int = 0
    amount_paid: int = 0
    # An amount set by the regency's admin in place of the computed one, and why (who and
    # when are the change log's).
    amount_override: int | None = None
    amount_override_reason: str | None = Field(default=None, max_length=500)
    # The days the worker could not work after the accident (JKK STMB), which the benefit
    # pays; empty while not recorded.
    days_off: int | None = None
    decision_number: str | None = Field(default=None, max_length=120)
    transfer_reference: str | None = Field(default=None, max_length=120)
    paid_on: date | None = None
    note: str | None = Field(default=None, max_length=1000)


class ClaimEvent(SyncedRow, table=True):
    """One step of a claim's workflow (append-only; merged by union).

    ``data`` is a JSON object; besides a step's details it carries ``"on"``, the day the
    step took effect as the user recorded it (ISO date), and ``"role"``, the role of whoever
    took it (desktop.domain.claims.ClaimEventView): no column of their own.
    """

    __tablename__ = "claim_event"
    __table_args__ = (Index("ix_claim_event_claim", "claim_id", "at"),)

    claim_id: str = Field(foreign_key="claim.id", max_length=36)
    status: str = Field(max_length=20)
    at: datetime
    actor_user_id: str = Field(max_length=36)
    actor_name: str = Field(max_length=200)
    device_id: str = Field(max_length=36)
    reason: str | None = Field(default=None, max_length=1000)
    # JSON details of the step (amount, transfer reference, letter number ...).
    data: str = Field(default="{}")


class Heir(SyncedRow, table=True):
    """An heir (ahli waris) of a deceased worker, the payee of a death claim."""

    __tablename__ = "heir"
    __table_args__ = (
        Index("ix_heir_claim", "claim_id"),
        Index("ix_heir_nik", "nik"),
        # Payee accounts shared between claims (a review flag) are looked up by number.
        Index("ix_heir_account", "bank_account"),
    )

    claim_id: str = Field(foreign_key="claim.id", max_length=36)
    name: str = Field(max_length=200)
    nik: str | None = Field(default=None, max_length=16)
    relationship: str = Field(max_length=32)
    is_payee: bool = False
    bank_name: str | None = Field(default=None, max_length=100)
    # Digits only (as desktop.domain.identifiers.normalize_number leaves them): the shared
    # account check looks the number up as it is.
    bank_account: str | None = Field(default=None, max_length=30)
    account_holder: str | None = Field(default=None, max_length=200)
    # A child heir's school level (desktop.domain.benefits.SchoolLevel): the JKM scholarship
    # of the first two children in school, in the order they were recorded.
    school_level: str | None = Field(default=None, max_length=20)


class ClaimDocument(SyncedRow, table=True):
    """One item of a claim's document checklist."""

    __tablename__ = "claim_document"
    __table_args__ = (UniqueConstraint("claim_id", "item", name="uq_claim_document"),)

    claim_id: str = Field(foreign_key="claim.id", max_length=36)
    item: str = Field(max_length=40)
    received: bool = False
    received_on: date | None = None
    note: str | None = Field(default=None, max_length=500)


class ClaimFlagClearance(SyncedRow, table=True):
    """An admin's decision that a review flag of a claim needs no more attention, for the
    evidence it was raised on (desktop.domain.claim_flags.FlagClearance). Append-only, like
    the claim's events: clearances add up, merged by union, on every copy alike."""

    __tablename__ = "claim_flag_clearance"
    __table_args__ = (Index("ix_claim_flag_clearance_claim", "claim_id", "code"),)

    claim_id: str = Field(foreign_key="claim.id", max_length=36)
    # The flag's code, e.g. "flag.shared_account".
    code: str = Field(max_length=40)
    # JSON list of the evidence strings the clearance covers.
    evidence: str = Field(default="[]")
    at: datetime
    actor_user_id: str = Field(max_length=36)
    actor_name: str = Field(max_length=200)
    reason: str = Field(max_length=1000)


class Letter(SyncedRow, table=True):
    """An issued letter (recommendation, decision ...), numbered without gaps."""

    __tablename__ = "letter"
    __table_args__ = (
        UniqueConstraint("number", name="uq_letter_number"),
        Index("ix_letter_claim", "claim_id"),
        Index("ix_letter_series", "kind", "year", "sequence"),
    )

    number: str = Field(max_length=120)
    kind: str = Field(max_length=32)
    year: int
    sequence: int
    claim_id: str | None = Field(default=None, foreign_key="claim.id", max_length=36)
    # JSON list of claim ids for letters that cover many claims (a Keputusan's annex).
    claim_ids: str = Field(default="[]")
    issued_on: date
    signer_name: str = Field(max_length=200)
    signer_position: str = Field(max_length=200)
    signer_nip: str | None = Field(default=None, max_length=18)
    content_hash: str = Field(max_length=64)


class AppUser(SyncedRow, table=True):
    """A person who uses Sigap, with a role."""

    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("office_region", "username", name="uq_app_user_username"),)

    # The office the account belongs to (accounts sync, usernames are per office).
    office_region: str = Field(max_length=13)
    username: str = Field(max_length=64)
    full_name: str = Field(max_length=200)
    role: str = Field(max_length=32)
    # Argon2 hash; empty until the accounts screens set a password.
    password_hash: str = Field(default="")
    active: bool = True
    nip: str | None = Field(default=None, max_length=18)


class Setting(SyncedRow, table=True):
    """An office setting (letterhead, letter number patterns ...), synced from the hub."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("key", name="uq_setting_key"),)

    key: str = Field(max_length=100)
    value: str


class Holiday(SyncedRow, table=True):
    """A day off (a national holiday or cuti bersama) for deadlines counted in working days;
    the regency's admin keeps the list, which every laptop receives (like the settings)."""

    __tablename__ = "holiday"
    __table_args__ = (UniqueConstraint("day", name="uq_holiday_day"),)

    day: date
    name: str = Field(max_length=200)


# ---- local, not synced through the change log ------------------------------------------------


class LocalState(SQLModel, table=True):
    """This database's own identity and clocks (one row)."""

    __tablename__ = "local_state"
    __table_args__ = (CheckConstraint("singleton = 1", name="ck_local_state_singleton"),)

    singleton: int = Field(default=1, primary_key=True)
    device_id: str = Field(max_length=36)
    office_kind: str = Field(max_length=16)
    office_region: str = Field(max_length=13)
    office_name: str = Field(max_length=200)
    regency_code: str = Field(max_length=5)
    # Last device sequence number used by this device's change log.
    device_seq: int = 0
    # Last hybrid logical clock stamp issued or seen (physical ms, logical counter).
    hlc_ms: int = 0
    hlc_counter: int = 0
    created_at: datetime
    # The last change-log entry whose workers were searched for possible duplicates (see
    # desktop.sync.duplicates): the next search starts after it.
    duplicates_seq: int = 0


class Device(SQLModel, table=True):
    """An office's device: this one, the hub and (on the hub) every kecamatan laptop."""

    __tablename__ = "device"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=200)
    office_kind: str = Field(max_length=16)
    region_code: str = Field(max_length=13)
    signing_public_key: str | None = None
    exchange_public_key: str | None = None
    revoked_at: datetime | None = None
    last_bundle_at: datetime | None = None
    # Version vector this device last acknowledged (JSON): what it has, as it told us.
    acknowledged_vv: str = Field(default="{}")
    created_at: datetime
    # What we are sure to have received from this device: every change in our scope up to
    # this version vector (JSON). Moves only when a bundle leaves no gap behind.
    watermark_vv: str = Field(default="{}")
    # The sender's clock stamp of the newest bundle applied from this device (orders acks).
    last_bundle_hlc: str | None = Field(default=None, max_length=24)
    # Hub side: "ed25519:" and the public half of a key derived from the one-time enrolment
    # code; the laptop's first bundle carries a signature of its own public keys made with
    # the private half (which only the code gives). Cleared once the laptop's keys are
    # pinned, or when the enrolment is withdrawn. Laptop side: that signature ("proof"),
    # sent in its bundles. (A hex value is a hash kept by an earlier Sigap: void.)
    enrollment_verifier: str | None = Field(default=None, max_length=128)
    pinned_at: datetime | None = None


class DeviceSecret(SQLModel, table=True):
    """This device's private keys (never exported, never in a bundle or a log)."""

    __tablename__ = "device_secret"

    device_id: str = Field(primary_key=True, max_length=36)
    # Raw Ed25519 signing key and X25519 exchange key, 32 bytes each.
    private_keys: bytes
    created_at: datetime


class BundleLog(SQLModel, table=True):
    """A bundle this device wrote or applied: a replay is the same id from the same device
    (with the same hash; another hash under a known id is refused)."""

    __tablename__ = "bundle_log"
    __table_args__ = (Index("ix_bundle_peer", "peer_device", "processed_at"),)

    bundle_id: str = Field(primary_key=True, max_length=36)
    # "out" for a bundle written here, "in" for one applied here, "rej" for one of a known
    # device refused here (its last refusal: when, and why in summary).
    direction: str = Field(primary_key=True, max_length=3)
    peer_device: str = Field(primary_key=True, max_length=36)
    created_at: datetime
    processed_at: datetime
    file_name: str = Field(max_length=300)
    size: int
    sha256: str = Field(max_length=64)
    change_count: int = 0
    # JSON summary of what applying did (new, changed, conflicts, duplicates ...).
    summary: str = Field(default="{}")


class DuplicatePair(SQLModel, table=True):
    """Two worker records that may be one person, waiting for the admin's decision."""

    __tablename__ = "duplicate_pair"
    __table_args__ = (
        UniqueConstraint("worker_a", "worker_b", name="uq_duplicate_pair"),
        Index("ix_duplicate_open", "resolved_at"),
    )

    id: str = Field(primary_key=True, max_length=36)
    # The two worker ids, worker_a < worker_b.
    worker_a: str = Field(max_length=36)
    worker_b: str = Field(max_length=36)
    # "nik" (same NIK) or "name_birth" (same name and birth date, different NIK).
    reason: str = Field(max_length=16)
    detected_at: datetime
    resolved_at: datetime | None = None
    # "merged" or "distinct".
    resolution: str | None = Field(default=None, max_length=16)
    resolved_by: str | None = Field(default=None, max_length=36)


class AuditEntry(SQLModel, table=True):
    """Who did what, when, from which device: one entry per unit of work (append-only)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_at", "at"), Index("ix_audit_user", "user_id", "at"))

    id: str = Field(primary_key=True, max_length=36)
    at: datetime
    user_id: str = Field(max_length=36)
    username: str = Field(max_length=64)
    role: str = Field(max_length=32)
    device_id: str = Field(max_length=36)
    action: str = Field(max_length=64)
    # Plain-language summary without personal numbers in full.
    summary: str = Field(max_length=1000)
    change_count: int = 0


class ChangeLog(SQLModel, table=True):
    """One change to one synced row, in device order (append-only)."""

    __tablename__ = "change_log"
    __table_args__ = (
        UniqueConstraint("device_id", "device_seq", name="uq_change_device_seq"),
        Index("ix_change_row", "row_id", "hlc"),
        Index("ix_change_audit", "audit_id"),
    )

    local_seq: int | None = Field(default=None, primary_key=True)
    device_id: str = Field(max_length=36)
    device_seq: int
    table_name: str = Field(max_length=40)
    row_id: str = Field(max_length=36)
    # "insert", "update" or "delete" (a delete is a tombstone).
    op: str = Field(max_length=8)
    # JSON {"field": [old, new], ...}
    fields: str
    # The row's version vector after this change (JSON).
    vv: str
    hlc: str = Field(max_length=64)
    user_id: str = Field(max_length=36)
    audit_id: str = Field(max_length=36)
    recorded_at: datetime


class Conflict(SQLModel, table=True):
    """A hard conflict found while merging: the winner was applied, the loser is kept here."""

    __tablename__ = "conflict"
    __table_args__ = (
        Index("ix_conflict_open", "resolved_at", "table_name"),
        Index(
            "uq_conflict_changes", "row_id", "field", "winner_change", "loser_change", unique=True
        ),
    )

    id: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(max_length=40)
    row_id: str = Field(max_length=36)
    field: str | None = Field(default=None, max_length=64)
    base_value: str | None = None
    winner_value: str | None = None
    loser_value: str | None = None
    winner_change: str = Field(max_length=80)
    loser_change: str = Field(max_length=80)
    detected_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str | None = Field(default=None, max_length=36)


SYNCED_TABLES: tuple[type[SyncedRow], ...] = (
    Region,
    Worker,
    CoverageTarget,
    Claim,
    ClaimEvent,
    Heir,
    ClaimDocument,
    ClaimFlagClearance,
    Letter,
    AppUser,
    Setting,
    Holiday,
)
SYNCED_TABLE_NAMES: frozenset[str] = frozenset(str(t.__tablename__) for t in SYNCED_TABLES)
APPEND_ONLY_TABLE_NAMES: frozenset[str] = frozenset({"audit_entry", "change_log"})
SYNC_COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "updated_at",
    "hlc",
    "origin_device",
    "vv",
    "deleted",
)
