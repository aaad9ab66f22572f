"""What the sync service returns (enrolments, exports, imports, status, conflicts,
duplicates) and the bundles it holds between steps."""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.findings import Finding
from desktop.services.office import OfficeInfo
from desktop.store.unit_of_work import utc_now
from desktop.sync.keys import PublicKeys
from desktop.sync.merge import MergeSummary, Staging


@dataclass(frozen=True)
class Enrollment:
    """An enrolment file for one kecamatan and the one-time code that opens it."""

    path: Path
    code: str
    device_id: str
    district: str
    changes: int
    # The hub refuses the laptop's first bundle after this moment (enrolment.valid_days).
    valid_until: datetime | None = None
    # Older enrolments of the kecamatan still waiting for their first bundle, withdrawn.
    withdrawn: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportResult:
    """A bundle written and verified on the target drive."""

    path: Path
    peer_device: str
    peer_name: str
    changes: int
    audits: int
    size: int
    per_table: dict[str, int]


@dataclass
class ImportResult:
    """What importing (or previewing) a bundle did."""

    bundle_id: str
    sender_device: str
    sender_name: str
    created_at: str
    summary: MergeSummary
    replayed: bool = False
    applied: bool = False
    backup: Path | None = None
    pinned: bool = False
    # With *pinned*: the fingerprint of the laptop keys just pinned, to compare with its screen.
    pinned_fingerprint: str | None = None

    @property
    def needs_review(self) -> bool:
        """True when conflicts or duplicates were queued for the admin."""
        return self.summary.conflicts > 0 or self.summary.duplicates > 0


@dataclass(frozen=True)
class BundleSummary:
    """What a bundle's cleartext header says, for listing the bundles on a stick."""

    path: Path
    bundle_id: str
    created_at: datetime
    sender_device: str
    sender_name: str
    for_this_office: bool
    already_imported: bool
    size: int


@dataclass(frozen=True)
class Refusal:
    """The newest bundle of a device that this office refused: when, which file, why."""

    at: datetime
    file_name: str
    finding: Finding


@dataclass(frozen=True)
class DeviceStatus:
    """One device as the devices list shows it."""

    device_id: str
    name: str
    office_kind: str
    region_code: str
    fingerprint: str | None
    enrolled_at: datetime
    pinned: bool
    revoked_at: datetime | None
    last_bundle_at: datetime | None
    # Changes this office holds that the device has not acknowledged yet.
    behind: int
    # When its keys were pinned (its first bundle imported here).
    pinned_at: datetime | None = None
    # A kecamatan still waiting for its first bundle: the hub refuses it after this moment.
    valid_until: datetime | None = None
    # The newest of its bundles refused here (None: none was).
    last_refusal: Refusal | None = None

    @property
    def expired(self) -> bool:
        """An enrolment still waiting for its first bundle, past its validity."""
        return self.valid_until is not None and self.valid_until < utc_now()


@dataclass(frozen=True)
class SyncStatus:
    """This office's sync state."""

    office: OfficeInfo
    fingerprint: str
    device_seq: int
    devices: list[DeviceStatus]
    open_conflicts: int
    open_duplicates: int
    last_export: datetime | None
    last_import: datetime | None


@dataclass(frozen=True)
class ChangeInfo:
    """Who made one side of a conflict, where and when."""

    ref: str
    device_id: str
    device_name: str
    username: str
    at: str
    value: Any


@dataclass(frozen=True)
class ConflictView:
    """One open (or settled) hard conflict."""

    id: str
    table_name: str
    row_id: str
    row_label: str
    field: str
    base: Any
    winner: ChangeInfo
    loser: ChangeInfo
    detected_at: datetime
    resolved_at: datetime | None
    # A kecamatan's edit of a claim's file made while the file was with it, arrived after
    # the regency acted on the claim: the winner is the regency's value, held for the admin
    # (desktop.sync.stale), the loser the kecamatan's.
    late_claim_edit: bool = False


@dataclass(frozen=True)
class DuplicateView:
    """Two worker records that may be one person."""

    id: str
    reason: str
    first: dict[str, Any]
    second: dict[str, Any]
    detected_at: datetime


@dataclass
class _Incoming:
    """A bundle checked and staged, ready to preview or apply."""

    header: Any
    manifest: dict[str, Any]
    staging: Staging
    sender: Mapping[str, Any]
    sender_public: PublicKeys
    pin: bool
    file_name: str
    size: int
    sha256: str
    replayed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class ReceivedBundle:
    """A bundle fetched, checked and staged by :meth:`SyncService.receive`.

    Holds its local copy and staging file until :meth:`close`; preview and import it with
    :meth:`SyncService.preview` and :meth:`SyncService.import_bundle`.
    """

    def __init__(self, incoming: _Incoming, stack: ExitStack) -> None:
        self._incoming = incoming
        self._stack = stack
        self._closed = False
        # Its files hold decrypted data: deleted when it is forgotten (a window closed
        # without Tutup) or when the program ends, if nobody closed it before.
        self._finalizer = weakref.finalize(self, stack.close)

    @property
    def incoming(self) -> _Incoming:
        """The checked, staged bundle (only while open)."""
        if self._closed:
            raise RuntimeError("this received bundle was closed; receive the file again")
        return self._incoming

    @property
    def file_name(self) -> str:
        """The bundle's file name as the user chose it."""
        return self._incoming.file_name

    def close(self) -> None:
        """Delete the local copy and the staging file (idempotent)."""
        self._closed = True
        self._finalizer()

    def __enter__(self) -> ReceivedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class _Written:
    path: Path
    name: str
    bundle_id: str
    created_at: datetime
    sha256: str
    changes: int
    audits: int
    per_table: dict[str, int]
    # The bundle's acknowledgement vector: every change up to it in the peer's scope went.
    sent: dict[str, int] = field(default_factory=dict)
