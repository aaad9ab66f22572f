"""A sync conflict names a worker's fields as the roster form does."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.sync.text import field_label


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("village_code", "Desa/kelurahan"),
        ("district_code", "Kecamatan"),
        ("subcategory", "Sub-kategori"),
        ("status", "Status"),
        ("name", "Nama"),
        ("nik", "NIK"),
    ],
)
def test_stored_columns_are_named_as_people_know_them(
    qapp: QApplication, field: str, label: str
) -> None:
    assert field_label("worker", field) == label


def test_an_unknown_column_keeps_its_name(qapp: QApplication) -> None:
    assert field_label("worker", "no_such_column") == "no_such_column"
