"""Sync by USB bundles: enrolment, export, import, conflicts and duplicates.

The hub (regency office) and each kecamatan laptop exchange signed, encrypted bundles (see
:mod:`desktop.sync.bundle`). A bundle carries every change the receiver has not acknowledged
in the receiver's scope; the receiver checks it completely (size, signature, key pin,
receiver, regency, schema, then every record into a staging file) before it backs up the
database and merges it in one transaction (see :mod:`desktop.sync.merge`).

:class:`SyncService` is put together in :mod:`.service` from one part per use case:
:mod:`.enrolment`, :mod:`.export`, :mod:`.receiving` and :mod:`.applying` (import),
:mod:`.review` (status, devices, conflicts, duplicates) and :mod:`.backups`, on the shared
:mod:`.base`; what they return is in :mod:`.results`, why they refuse in :mod:`.refusals`,
the enrolment codes in :mod:`.codes`. The names below are re-exported from those modules:
to replace one in a test, patch it in the module that uses it, not here.
"""

from desktop.services.sync.applying import BIG_BUNDLE_CHANGES
from desktop.services.sync.base import CancelFn, ProgressFn
from desktop.services.sync.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    PROOF_PREFIX,
    new_code,
    normalise_code,
)
from desktop.services.sync.export import copy_free_space
from desktop.services.sync.receiving import MAX_BUNDLE_BYTES
from desktop.services.sync.refusals import SyncRefused
from desktop.services.sync.results import (
    BundleSummary,
    ChangeInfo,
    ConflictView,
    DeviceStatus,
    DuplicateView,
    Enrollment,
    ExportResult,
    ImportResult,
    ReceivedBundle,
    Refusal,
    SyncStatus,
)
from desktop.services.sync.review import MERGE_FILLS
from desktop.services.sync.service import SyncService
from desktop.services.sync_scratch import SCRATCH_IDLE_S, SCRATCH_MAX_AGE_S

__all__ = [
    "BIG_BUNDLE_CHANGES",
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "MAX_BUNDLE_BYTES",
    "MERGE_FILLS",
    "PROOF_PREFIX",
    "SCRATCH_IDLE_S",
    "SCRATCH_MAX_AGE_S",
    "BundleSummary",
    "CancelFn",
    "ChangeInfo",
    "ConflictView",
    "DeviceStatus",
    "DuplicateView",
    "Enrollment",
    "ExportResult",
    "ImportResult",
    "ProgressFn",
    "ReceivedBundle",
    "Refusal",
    "SyncRefused",
    "SyncService",
    "SyncStatus",
    "copy_free_space",
    "new_code",
    "normalise_code",
]
