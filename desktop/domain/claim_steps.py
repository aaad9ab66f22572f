"""Who may take which step of a claim, and the check every step goes through.

Two tables, read by the service before it appends a step and by the derivation of a
claim's state (a step whose role may not take it is skipped on every copy alike):

- :data:`STEP_ROLES`: for each step (the status it leads to), the roles that may take it.
- :data:`ROLE_STATES`: for a role that may act only on some states, those states.

The kecamatan's operator proposes a claim (diusulkan, also the resubmission of a returned
one), recommends it and may withdraw it (dibatalkan), while the file is with the
kecamatan (desktop.domain.authority.WITH_KECAMATAN): exactly the steps and states the
authority table lets a kecamatan office write, so what the service allows is what the hub
accepts. The regency's admin takes every step: it returns, verifies, decides, pays, files
with BPJS and records BPJS's payment, cancels at any point before payment, and, as the
authority table lets the hub set everything, records a kecamatan's steps itself when that
kecamatan sends its file on paper (each event keeps who took it, so the timeline says so).
Petugas surat and pemantau take no step.

The transitions themselves (which status may follow which, per kind) are
desktop.domain.claims.TRANSITIONS_BY_KIND; the steps that need a reason are
desktop.domain.claims.REASON_REQUIRED; :data:`DOCUMENT_STEPS` need the complete file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from desktop.domain.authority import WITH_KECAMATAN
from desktop.domain.claims import ClaimKind, ClaimStatus, allowed_next
from desktop.domain.documents import DocumentItem, document_labels
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.roles import Role

_S = ClaimStatus
_ADMIN = Role.ADMIN_KABUPATEN
_OPERATOR = Role.OPERATOR_KECAMATAN

STEP_ROLES: Mapping[ClaimStatus, frozenset[Role]] = MappingProxyType(
    {
        _S.DIUSULKAN: frozenset({_OPERATOR, _ADMIN}),
        _S.DIKEMBALIKAN: frozenset({_ADMIN}),
        _S.DIREKOMENDASIKAN: frozenset({_OPERATOR, _ADMIN}),
        _S.DIVERIFIKASI: frozenset({_ADMIN}),
        _S.DISETUJUI: frozenset({_ADMIN}),
        _S.DITOLAK: frozenset({_ADMIN}),
        _S.DICAIRKAN: frozenset({_ADMIN}),
        _S.DIBATALKAN: frozenset({_OPERATOR, _ADMIN}),
        _S.DIAJUKAN_BPJS: frozenset({_ADMIN}),
        _S.DIBAYAR_BPJS: frozenset({_ADMIN}),
    }
)

# The states from which a role may act (None among them: a new claim). A role not listed
# acts from any state its steps allow.
ROLE_STATES: Mapping[Role, frozenset[ClaimStatus | None]] = MappingProxyType(
    {_OPERATOR: frozenset({None, *(ClaimStatus(s) for s in WITH_KECAMATAN)})}
)

# The steps that need every required document received: the kecamatan recommends and the
# regency verifies a complete file only.
DOCUMENT_STEPS: frozenset[ClaimStatus] = frozenset({_S.DIREKOMENDASIKAN, _S.DIVERIFIKASI})
# The steps that take a death claim towards payment need the heir it is paid to (with an
# account): recorded before it is recommended, and still there when it is decided and paid.
PAYEE_STEPS: frozenset[ClaimStatus] = DOCUMENT_STEPS | frozenset(
    {_S.DISETUJUI, _S.DIAJUKAN_BPJS, _S.DIBAYAR_BPJS, _S.DICAIRKAN}
)

# The order steps are offered in (buttons, messages): forward along the workflow first,
# then back, refuse and cancel.
STEP_ORDER: tuple[ClaimStatus, ...] = (
    _S.DIUSULKAN,
    _S.DIREKOMENDASIKAN,
    _S.DIVERIFIKASI,
    _S.DISETUJUI,
    _S.DIAJUKAN_BPJS,
    _S.DIBAYAR_BPJS,
    _S.DICAIRKAN,
    _S.DIKEMBALIKAN,
    _S.DITOLAK,
    _S.DIBATALKAN,
)

# What a button that takes the step says.
STEP_ACTIONS: Mapping[ClaimStatus, str] = MappingProxyType(
    {
        _S.DIUSULKAN: QT_TRANSLATE_NOOP("ClaimStep", "Usulkan"),
        _S.DIKEMBALIKAN: QT_TRANSLATE_NOOP("ClaimStep", "Kembalikan"),
        _S.DIREKOMENDASIKAN: QT_TRANSLATE_NOOP("ClaimStep", "Rekomendasikan"),
        _S.DIVERIFIKASI: QT_TRANSLATE_NOOP("ClaimStep", "Verifikasi"),
        _S.DISETUJUI: QT_TRANSLATE_NOOP("ClaimStep", "Setujui"),
        _S.DITOLAK: QT_TRANSLATE_NOOP("ClaimStep", "Tolak"),
        _S.DICAIRKAN: QT_TRANSLATE_NOOP("ClaimStep", "Catat pencairan"),
        _S.DIBATALKAN: QT_TRANSLATE_NOOP("ClaimStep", "Batalkan"),
        _S.DIAJUKAN_BPJS: QT_TRANSLATE_NOOP("ClaimStep", "Ajukan ke BPJS"),
        _S.DIBAYAR_BPJS: QT_TRANSLATE_NOOP("ClaimStep", "Catat pembayaran BPJS"),
    }
)


def _role(role: str) -> Role | None:
    try:
        return Role(role)
    except ValueError:
        return None


def role_may_take(role: str, current: ClaimStatus | None, new: ClaimStatus) -> bool:
    """True when *role* may take the step to *new* from *current* (None: a new claim), by
    the role tables alone (whether the transition exists is ``allowed_next``'s answer)."""
    known = _role(role)
    if known is None or known not in STEP_ROLES[ClaimStatus(new)]:
        return False
    states = ROLE_STATES.get(known)
    return states is None or (None if current is None else ClaimStatus(current)) in states


def allowed_steps(
    kind: ClaimKind, current: ClaimStatus | None, role: str
) -> tuple[ClaimStatus, ...]:
    """The steps *role* may take now on a claim of *kind* in *current*, in
    :data:`STEP_ORDER` (for the buttons; the reason and documents are checked on taking)."""
    possible = allowed_next(kind, current)
    return tuple(
        step for step in STEP_ORDER if step in possible and role_may_take(role, current, step)
    )


def _labels(steps: Iterable[ClaimStatus]) -> str:
    return ", ".join(step.label for step in steps)


def _role_label(role: str) -> str:
    known = _role(role)
    return known.label if known is not None else role


def check_step(
    kind: ClaimKind,
    current: ClaimStatus | None,
    new: ClaimStatus,
    role: str,
    reason: str | None = None,
    missing_documents: Iterable[DocumentItem] = (),
    *,
    payee_missing: bool = False,
) -> None:
    """Raise :class:`DomainError` unless *role* may take the step to *new* now.

    Checked in order: the step exists from *current* for this kind (``claim.step_state``),
    this role may take it (``claim.step_role``), a reason is given where one is needed
    (``claim.reason_required``), and, to recommend or verify, no required document is
    missing (``claim.documents_missing``, listing them) and, for a death claim, on every
    step towards payment (:data:`PAYEE_STEPS`), the heir it is paid to is recorded with an
    account (*payee_missing*: ``claim.payee_missing``).
    Messages name the current state and the steps this role may take.
    """
    kind = ClaimKind(kind)
    new = ClaimStatus(new)
    if current is None:
        if new not in allowed_next(kind, None):
            raise DomainError.of(
                "claim.first_status",
                QT_TRANSLATE_NOOP("Finding", "Klaim baru harus dimulai dengan status {new}."),
                new=ClaimStatus.DIUSULKAN.label,
            )
    else:
        current = ClaimStatus(current)
    mine = allowed_steps(kind, current, role)
    if current is not None and new not in allowed_next(kind, current):
        _refuse_state(kind, current, new, role, mine)
    if not role_may_take(role, current, new):
        _refuse_role(current, new, role, mine)
    if new.needs_reason and not (reason and reason.strip()):
        raise DomainError.of(
            "claim.reason_required",
            QT_TRANSLATE_NOOP("Finding", "Tuliskan alasan untuk status {new}."),
            new=new.label,
        )
    missing = tuple(missing_documents)
    if new in DOCUMENT_STEPS and missing:
        raise DomainError.of(
            "claim.documents_missing",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Klaim belum dapat menjadi {new}: dokumen wajib belum diterima: {items}. "
                "Tandai dokumen yang sudah diterima beserta tanggalnya, lalu coba lagi.",
            ),
            new=new.label,
            items=document_labels(missing),
        )
    if new in PAYEE_STEPS and payee_missing and ClaimKind(kind).is_death:
        raise DomainError.of(
            "claim.payee_missing",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Klaim belum dapat menjadi {new}: ahli waris penerima pembayaran belum "
                "dicatat. Tambahkan ahli waris, tandai sebagai penerima pembayaran dengan bank "
                "dan nomor rekeningnya, lalu coba lagi.",
            ),
            new=new.label,
        )


def _refuse_state(
    kind: ClaimKind,
    current: ClaimStatus,
    new: ClaimStatus,
    role: str,
    mine: tuple[ClaimStatus, ...],
) -> None:
    if not allowed_next(kind, current):
        raise DomainError.of(
            "claim.step_state",
            QT_TRANSLATE_NOOP(
                "Finding", "Klaim berstatus {current} dan sudah selesai: tidak ada langkah lagi."
            ),
            current=current.label,
        )
    if mine:
        raise DomainError.of(
            "claim.step_state",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Klaim berstatus {current}, tidak dapat menjadi {new}. Langkah yang boleh: "
                "{allowed}.",
            ),
            current=current.label,
            new=new.label,
            allowed=_labels(mine),
        )
    raise DomainError.of(
        "claim.step_state",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Klaim berstatus {current}, tidak dapat menjadi {new}. Tidak ada langkah yang "
            "boleh diambil oleh {role} pada status ini.",
        ),
        current=current.label,
        new=new.label,
        role=_role_label(role),
    )


def _refuse_role(
    current: ClaimStatus | None,
    new: ClaimStatus,
    role: str,
    mine: tuple[ClaimStatus, ...],
) -> None:
    takers = " / ".join(r.label for r in sorted(STEP_ROLES[new], key=list(Role).index))
    if current is None:
        raise DomainError.of(
            "claim.step_role",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Klaim baru hanya boleh dibuka oleh {roles}; {role} tidak dapat membuka klaim.",
            ),
            roles=takers,
            role=_role_label(role),
        )
    if mine:
        raise DomainError.of(
            "claim.step_role",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Klaim berstatus {current}. Langkah {new} hanya boleh diambil oleh {roles}. "
                "Langkah yang boleh bagi {role}: {allowed}.",
            ),
            current=current.label,
            new=new.label,
            roles=takers,
            role=_role_label(role),
            allowed=_labels(mine),
        )
    raise DomainError.of(
        "claim.step_role",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Klaim berstatus {current}. Langkah {new} hanya boleh diambil oleh {roles}; {role} "
            "tidak dapat mengambil langkah apa pun pada status ini.",
        ),
        current=current.label,
        new=new.label,
        roles=takers,
        role=_role_label(role),
    )


# The steps the kecamatan's operator may take: a test keeps them equal to the steps the
# authority table lets a kecamatan office write (authority.KECAMATAN_CLAIM_STEPS).
OPERATOR_STEPS: frozenset[ClaimStatus] = frozenset(
    step for step, roles in STEP_ROLES.items() if _OPERATOR in roles
)