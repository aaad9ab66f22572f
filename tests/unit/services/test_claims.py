"""The claim service's pure pieces: a claim's subject and events as the rules read them,
months of contributions, bank account numbers as stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.claims import ClaimStatus
from desktop.domain.documents import DocumentItem, DocumentState
from desktop.domain.findings import DomainError
from desktop.services.claims.file import (
    contribution_months,
    document_state,
    event_view,
    subject_of,
)
from desktop.services.claims.writing import account_digits, claim_kind, claim_status

CLAIM = {
    "id": "c1",
    "village_code": "16.02.05.2001",
    "subject_nik": None,
    "subject_name": None,
    "subject_birth_date": None,
    "subject_kk": None,
    "dtsen_decile": 3,
}
WORKER = {
    "id": "w1",
    "nik": "1602054107900003",
    "name": "Siti Rahma",
    "birth_date": date(1990, 7, 1),
    "kk": None,
    "coverage_start": date(2024, 1, 1),
    "coverage_end": date(2026, 6, 30),
    "programmes": "JKK,JKM",
    "status": "nonaktif",
}


def test_a_workers_subject_takes_the_worker_and_a_left_worker_exits_at_coverage_end() -> None:
    subject = subject_of(CLAIM, WORKER)
    assert (subject.nik, subject.name) == ("1602054107900003", "Siti Rahma")
    assert subject.worker_id == "w1"
    assert subject.exit_date == date(2026, 6, 30)
    assert subject.programmes == frozenset({"jkk", "jkm"})
    assert subject_of(CLAIM, {**WORKER, "status": "aktif"}).exit_date is None


def test_a_residents_subject_has_no_coverage() -> None:
    subject = subject_of({**CLAIM, "subject_nik": "1602064107550002", "subject_name": "W"}, None)
    assert subject.worker_id is None and subject.coverage_start is None
    assert subject.dtsen_decile == 3


def test_an_event_reads_its_day_and_role_from_its_data() -> None:
    row = {
        "id": "e1",
        "status": "diverifikasi",
        "at": datetime(2026, 11, 10, 1, 0),
        "data": '{"on": "2026-11-09", "role": "admin_kabupaten"}',
    }
    view = event_view(row)
    assert view.status is ClaimStatus.DIVERIFIKASI
    assert view.at.tzinfo is UTC and view.on == date(2026, 11, 9)
    assert view.role == "admin_kabupaten"
    unreadable = event_view({**row, "data": "not json"})
    assert (unreadable.on, unreadable.role) == (None, None)


def test_a_document_counts_as_received_only_with_its_day() -> None:
    row = {"item": "sktm", "received": True, "received_on": None, "note": None}
    assert document_state(row) == DocumentState(DocumentItem.SKTM, None)
    assert document_state({**row, "received_on": date(2026, 11, 1)}) == DocumentState(
        DocumentItem.SKTM, date(2026, 11, 1)
    )
    assert document_state({**row, "item": "surat_baru"}) is None


@pytest.mark.parametrize(
    ("start", "until", "months"),
    [
        (None, date(2026, 1, 1), 0),
        (date(2023, 1, 15), date(2026, 1, 14), 35),
        (date(2023, 1, 15), date(2026, 1, 15), 36),
        (date(2026, 2, 1), date(2026, 1, 1), 0),
    ],
)
def test_contribution_months(start: date | None, until: date, months: int) -> None:
    assert contribution_months(start, until) == months


def test_account_numbers_are_stored_as_digits() -> None:
    assert account_digits(" 123-456.789 0 ") == "1234567890"
    assert account_digits("  ") is None
    with pytest.raises(DomainError) as letters:
        account_digits("12AB34")
    assert letters.value.code == "heir.account_digits"


def test_unknown_kinds_and_states_are_refused_with_the_known_ones() -> None:
    with pytest.raises(DomainError) as kind:
        claim_kind("jkp")
    assert "santunan_kematian" in str(kind.value)
    with pytest.raises(DomainError) as status:
        claim_status("selesai")
    assert "dicairkan" in str(status.value)
