"""Who may take which step: the tables, check_step's refusals and the buttons' steps."""

from __future__ import annotations

import pytest

from desktop.domain import authority
from desktop.domain.claim_steps import (
    DOCUMENT_STEPS,
    OPERATOR_STEPS,
    STEP_ACTIONS,
    STEP_ORDER,
    STEP_ROLES,
    allowed_steps,
    check_step,
    role_may_take,
)
from desktop.domain.claims import ClaimKind, ClaimStatus, allowed_next
from desktop.domain.documents import DocumentItem
from desktop.domain.findings import DomainError
from desktop.domain.roles import Role

S = ClaimStatus
K = ClaimKind
ADMIN = Role.ADMIN_KABUPATEN.value
OPERATOR = Role.OPERATOR_KECAMATAN.value
STATES: list[ClaimStatus | None] = [None, *ClaimStatus]


def refusal(*args: object, **kwargs: object) -> DomainError:
    with pytest.raises(DomainError) as raised:
        check_step(*args, **kwargs)  # type: ignore[arg-type]
    return raised.value


def test_the_tables_cover_every_step_in_order() -> None:
    assert set(STEP_ROLES) == set(ClaimStatus) == set(STEP_ORDER) == set(STEP_ACTIONS)
    assert len(STEP_ORDER) == len(ClaimStatus)
    assert {S.DIREKOMENDASIKAN, S.DIVERIFIKASI} == DOCUMENT_STEPS


def test_the_operators_steps_are_what_the_authority_lets_a_kecamatan_write() -> None:
    assert {S(s) for s in authority.KECAMATAN_CLAIM_STEPS} == OPERATOR_STEPS
    for kind in ClaimKind:
        for current in STATES:
            for new in allowed_next(kind, current):
                by_steps = role_may_take(OPERATOR, current, new)
                by_authority = authority.may_set(
                    authority.KECAMATAN, "claim_event", "status", new, current
                )
                assert by_steps == by_authority, (kind, current, new)


def test_the_regency_admin_takes_every_step_and_clerks_and_viewers_none() -> None:
    for kind in ClaimKind:
        for current in STATES:
            for new in allowed_next(kind, current):
                assert role_may_take(ADMIN, current, new)
                assert authority.may_set(authority.HUB, "claim_event", "status", new, current)
                for role in (Role.CLERK, Role.VIEWER, "tamu"):
                    assert not role_may_take(str(role), current, new)


def test_allowed_steps_for_the_buttons() -> None:
    assert allowed_steps(K.SANTUNAN, None, OPERATOR) == (S.DIUSULKAN,)
    assert allowed_steps(K.SANTUNAN, S.DIUSULKAN, OPERATOR) == (S.DIREKOMENDASIKAN, S.DIBATALKAN)
    assert allowed_steps(K.SANTUNAN, S.DIUSULKAN, ADMIN) == (
        S.DIREKOMENDASIKAN,
        S.DIKEMBALIKAN,
        S.DIBATALKAN,
    )
    assert allowed_steps(K.SANTUNAN, S.DIKEMBALIKAN, OPERATOR) == (S.DIUSULKAN, S.DIBATALKAN)
    assert allowed_steps(K.SANTUNAN, S.DIREKOMENDASIKAN, OPERATOR) == ()
    assert allowed_steps(K.SANTUNAN, S.DISETUJUI, ADMIN) == (S.DICAIRKAN, S.DIBATALKAN)
    assert allowed_steps(K.JKM, S.DISETUJUI, ADMIN) == (S.DIAJUKAN_BPJS, S.DIBATALKAN)
    assert allowed_steps(K.JKM, S.DIAJUKAN_BPJS, ADMIN) == (
        S.DIBAYAR_BPJS,
        S.DITOLAK,
        S.DIBATALKAN,
    )
    assert allowed_steps(K.JKM, S.DIBAYAR_BPJS, ADMIN) == ()
    assert allowed_steps(K.JKM, S.DIUSULKAN, Role.VIEWER) == ()
    assert STEP_ACTIONS[S.DIREKOMENDASIKAN] == "Rekomendasikan"


def test_allowed_steps_are_taken_without_complaint() -> None:
    for kind in ClaimKind:
        for current in STATES:
            for role in (ADMIN, OPERATOR):
                for new in allowed_steps(kind, current, role):
                    check_step(kind, current, new, role, reason="Alasan")


def test_a_step_not_allowed_from_the_state_names_the_state_and_the_allowed_steps() -> None:
    error = refusal(K.SANTUNAN, S.DIUSULKAN, S.DIVERIFIKASI, ADMIN)
    assert error.code == "claim.step_state"
    assert str(error) == (
        "Klaim berstatus Diusulkan, tidak dapat menjadi Diverifikasi. "
        "Langkah yang boleh: Direkomendasikan, Dikembalikan, Dibatalkan."
    )
    error = refusal(K.SANTUNAN, S.DISETUJUI, S.DIAJUKAN_BPJS, ADMIN)
    assert "Langkah yang boleh: Dicairkan, Dibatalkan." in str(error)


def test_a_step_from_a_final_state_says_the_claim_is_done() -> None:
    error = refusal(K.SANTUNAN, S.DICAIRKAN, S.DIBATALKAN, ADMIN, reason="x")
    assert error.code == "claim.step_state"
    assert str(error) == "Klaim berstatus Dicairkan dan sudah selesai: tidak ada langkah lagi."


def test_a_step_this_role_may_not_take_is_refused_naming_who_may() -> None:
    error = refusal(K.JKM, S.DIREKOMENDASIKAN, S.DIVERIFIKASI, OPERATOR)
    assert error.code == "claim.step_role"
    assert "Klaim berstatus Direkomendasikan." in str(error)
    assert "hanya boleh diambil oleh Admin kabupaten" in str(error)
    assert "Operator kecamatan tidak dapat mengambil langkah apa pun" in str(error)
    error = refusal(K.JKM, S.DIUSULKAN, S.DIKEMBALIKAN, OPERATOR, reason="Kurang KK")
    assert error.code == "claim.step_role"
    assert "Langkah yang boleh bagi Operator kecamatan: Direkomendasikan, Dibatalkan." in str(error)


def test_a_kecamatan_cannot_withdraw_a_claim_the_regency_holds() -> None:
    error = refusal(K.SANTUNAN, S.DIVERIFIKASI, S.DIBATALKAN, OPERATOR, reason="Salah input")
    assert error.code == "claim.step_role"
    check_step(K.SANTUNAN, S.DIKEMBALIKAN, S.DIBATALKAN, OPERATOR, reason="Salah input")


def test_a_viewer_cannot_open_a_claim() -> None:
    error = refusal(K.SANTUNAN, None, S.DIUSULKAN, Role.VIEWER)
    assert error.code == "claim.step_role"
    assert str(error) == (
        "Klaim baru hanya boleh dibuka oleh Admin kabupaten / Operator kecamatan; "
        "Pemantau tidak dapat membuka klaim."
    )
    assert refusal(K.SANTUNAN, None, S.DIREKOMENDASIKAN, ADMIN).code == "claim.first_status"


def test_returning_rejecting_and_cancelling_need_a_reason() -> None:
    for current, new in (
        (S.DIUSULKAN, S.DIKEMBALIKAN),
        (S.DIVERIFIKASI, S.DITOLAK),
        (S.DIUSULKAN, S.DIBATALKAN),
    ):
        for reason in (None, "", "  "):
            error = refusal(K.SANTUNAN, current, new, ADMIN, reason=reason)
            assert error.code == "claim.reason_required"
            assert str(error) == f"Tuliskan alasan untuk status {new.label}."
        check_step(K.SANTUNAN, current, new, ADMIN, reason="Akta kematian belum ada")


def test_recommending_or_verifying_with_missing_documents_is_refused_listing_them() -> None:
    missing = (DocumentItem.SKTM, DocumentItem.AKTA_KEMATIAN)
    for current, new, role in (
        (S.DIUSULKAN, S.DIREKOMENDASIKAN, OPERATOR),
        (S.DIREKOMENDASIKAN, S.DIVERIFIKASI, ADMIN),
    ):
        error = refusal(K.SANTUNAN, current, new, role, missing_documents=missing)
        assert error.code == "claim.documents_missing"
        assert (
            f"Klaim belum dapat menjadi {new.label}: dokumen wajib belum diterima: "
            "Surat keterangan tidak mampu (SKTM), Akta kematian." in str(error)
        )
    # Other steps go on with documents missing (a return asks for them).
    check_step(K.SANTUNAN, S.DIUSULKAN, S.DIKEMBALIKAN, ADMIN, "Lengkapi SKTM", missing)
    check_step(K.SANTUNAN, None, S.DIUSULKAN, OPERATOR, None, missing)


def test_roles_stay_importable_from_the_services() -> None:
    from desktop.services import permissions

    assert permissions.Role is Role
    assert permissions.allows("admin_kabupaten", permissions.Permission.DECIDE_CLAIMS)
    assert not permissions.allows("pemantau", permissions.Permission.PROPOSE_CLAIMS)


def test_a_death_claim_is_recommended_and_verified_only_with_its_payee() -> None:
    for kind in (K.JKM, K.JKK_DEATH, K.SANTUNAN):
        for current, new, role in (
            (S.DIUSULKAN, S.DIREKOMENDASIKAN, OPERATOR),
            (S.DIREKOMENDASIKAN, S.DIVERIFIKASI, ADMIN),
        ):
            error = refusal(kind, current, new, role, payee_missing=True)
            assert error.code == "claim.payee_missing"
            assert f"Klaim belum dapat menjadi {new.label}" in str(error)
    # The missing documents are said first; a return or a claim of the worker's own goes on.
    missing = (DocumentItem.AKTA_KEMATIAN,)
    assert refusal(
        K.JKM, S.DIUSULKAN, S.DIREKOMENDASIKAN, ADMIN, None, missing, payee_missing=True
    ).code == "claim.documents_missing"
    check_step(K.JKM, S.DIUSULKAN, S.DIKEMBALIKAN, ADMIN, "Ahli waris?", payee_missing=True)
    check_step(K.JKK_TEMPORARY, S.DIUSULKAN, S.DIREKOMENDASIKAN, ADMIN, payee_missing=True)
