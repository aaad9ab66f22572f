"""Roles and permissions: what a user is in the office and what that lets them do.

Pure data, read by the services (desktop.services.permissions, which re-exports these
names) and by the domain's claim step table (desktop.domain.claim_steps).
"""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.findings import QT_TRANSLATE_NOOP

__all__ = [
    "READ_ONLY_PERMISSIONS",
    "ROLE_PERMISSIONS",
    "Permission",
    "Role",
    "allows",
]


class Role(StrEnum):
    """What a user is in the office."""

    ADMIN_KABUPATEN = "admin_kabupaten"
    OPERATOR_KECAMATAN = "operator_kecamatan"
    CLERK = "petugas_surat"
    VIEWER = "pemantau"

    @property
    def label(self) -> str:
        """Indonesian name of the role."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.ADMIN_KABUPATEN: QT_TRANSLATE_NOOP("Role", "Admin kabupaten"),
    Role.OPERATOR_KECAMATAN: QT_TRANSLATE_NOOP("Role", "Operator kecamatan"),
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Petugas surat"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Role", "Pemantau"),
}


class Permission(StrEnum):
    """Something a service can be asked to do."""

    MANAGE_OFFICE = "manage_office"
    MANAGE_REGIONS = "manage_regions"
    MANAGE_USERS = "manage_users"
    EDIT_ROSTER = "edit_roster"
    VIEW_FULL_NUMBERS = "view_full_numbers"
    PROPOSE_CLAIMS = "propose_claims"
    RECOMMEND_CLAIMS = "recommend_claims"
    DECIDE_CLAIMS = "decide_claims"
    ISSUE_LETTERS = "issue_letters"
    SYNC = "sync"
    LOAD_DEMO_DATA = "load_demo_data"
    VIEW = "view"

    @property
    def label(self) -> str:
        """Indonesian description of what the permission allows."""
        return _PERMISSION_LABELS[self]


_PERMISSION_LABELS = {
    Permission.MANAGE_OFFICE: QT_TRANSLATE_NOOP("Permission", "mengatur kantor"),
    Permission.MANAGE_REGIONS: QT_TRANSLATE_NOOP("Permission", "mengubah data wilayah"),
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("Permission", "mengatur pengguna"),
    Permission.EDIT_ROSTER: QT_TRANSLATE_NOOP("Permission", "mengubah data peserta"),
    Permission.VIEW_FULL_NUMBERS: QT_TRANSLATE_NOOP(
        "Permission", "melihat nomor KPJ dan rekening lengkap"
    ),
    Permission.PROPOSE_CLAIMS: QT_TRANSLATE_NOOP("Permission", "mengusulkan klaim"),
    Permission.RECOMMEND_CLAIMS: QT_TRANSLATE_NOOP("Permission", "merekomendasikan klaim"),
    Permission.DECIDE_CLAIMS: QT_TRANSLATE_NOOP("Permission", "memutuskan klaim"),
    Permission.ISSUE_LETTERS: QT_TRANSLATE_NOOP("Permission", "menerbitkan surat"),
    Permission.SYNC: QT_TRANSLATE_NOOP("Permission", "menyinkronkan data"),
    Permission.LOAD_DEMO_DATA: QT_TRANSLATE_NOOP("Permission", "memuat data contoh"),
    Permission.VIEW: QT_TRANSLATE_NOOP("Permission", "melihat data"),
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN_KABUPATEN: frozenset(Permission),
    Role.OPERATOR_KECAMATAN: frozenset(
        {
            Permission.VIEW,
            Permission.EDIT_ROSTER,
            Permission.PROPOSE_CLAIMS,
            Permission.RECOMMEND_CLAIMS,
            Permission.ISSUE_LETTERS,
            Permission.SYNC,
            Permission.MANAGE_OFFICE,
            Permission.MANAGE_REGIONS,
            Permission.LOAD_DEMO_DATA,
        }
    ),
    Role.CLERK: frozenset({Permission.VIEW, Permission.ISSUE_LETTERS}),
    Role.VIEWER: frozenset({Permission.VIEW}),
}


# What a database that can only be read (a write-protected file or folder) still allows.
READ_ONLY_PERMISSIONS = frozenset({Permission.VIEW, Permission.VIEW_FULL_NUMBERS})


def allows(role: str, permission: Permission) -> bool:
    """Return True when *role* grants *permission* (unknown roles grant nothing)."""
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False
