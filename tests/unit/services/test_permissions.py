"""Roles and the one permission check."""

from __future__ import annotations

import pytest

from desktop.services.app import AppServices
from desktop.services.permissions import Permission, PermissionDenied, Role, allows, require
from desktop.store.unit_of_work import Actor


def test_roles_grant_what_their_work_needs() -> None:
    assert all(allows(Role.ADMIN_KABUPATEN, p) for p in Permission)
    assert allows(Role.OPERATOR_KECAMATAN, Permission.EDIT_ROSTER)
    assert not allows(Role.OPERATOR_KECAMATAN, Permission.DECIDE_CLAIMS)
    assert allows(Role.CLERK, Permission.ISSUE_LETTERS)
    assert not allows(Role.CLERK, Permission.EDIT_ROSTER)
    assert not allows(Role.VIEWER, Permission.VIEW_FULL_NUMBERS)
    assert not allows("no-such-role", Permission.VIEW)


def test_require_names_the_user_and_the_action_in_indonesian() -> None:
    viewer = Actor("u1", "rina", Role.VIEWER.value, "dev")
    with pytest.raises(PermissionDenied) as raised:
        require(viewer, Permission.MANAGE_REGIONS)
    assert "rina" in str(raised.value)
    assert "mengubah data wilayah" in str(raised.value)
    require(viewer, Permission.VIEW)


def test_services_check_permissions_before_writing(services: AppServices, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.csv"
    path.write_text("kode,nama\n16,Sumatera Selatan\n", encoding="utf-8")
    admin = services.office.local_actor()
    viewer = Actor(admin.user_id, "tamu", Role.VIEWER.value, admin.device_id)
    with pytest.raises(PermissionDenied):
        services.regions.import_file(path, actor=viewer)
    assert services.health.counts()["region"] == 0
    assert services.regions.import_file(path, actor=admin).added == 1
