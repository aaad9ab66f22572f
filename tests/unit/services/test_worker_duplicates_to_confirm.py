"""Possible duplicates are asked about when an edit makes the pair, not at every later edit
(issue 18, item 1: "every later edit asks again")."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.categories import Sex, WorkerStatus
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices

BORN = date(1990, 7, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    made = AppServices.open(path)
    made.demo.generate(workers=10, seed=11)
    made.close()
    return path


@pytest.fixture
def app(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


def values(app: AppServices, serial: int, name: str, born: date = BORN) -> dict[str, Any]:
    return {
        "nik": make_nik("16.02.05", born, Sex.FEMALE, serial),
        "name": name,
        "sex": "P",
        "birth_date": born,
        "village_code": app.regions.children("16.02.05")[0].code,
        "category": "pekerja_rentan",
    }


def ids(records: list[Any]) -> list[str]:
    return sorted(r.id for r in records)


def test_a_new_worker_is_asked_about_every_match(app: AppServices) -> None:
    admin = app.office.local_actor()
    first = app.workers.create(admin, values(app, 9001, "Siti Rahma"))
    second = app.workers.create(admin, values(app, 9002, "SITI  rahma"))
    again = values(app, 9003, "Siti Rahma")
    assert ids(app.workers.duplicates_to_confirm(again)) == sorted([first, second])


def test_an_edit_that_keeps_the_identity_asks_nothing(app: AppServices) -> None:
    admin = app.office.local_actor()
    first = app.workers.create(admin, values(app, 9001, "Siti Rahma"))
    twin = app.workers.create(admin, values(app, 9002, "Siti Rahma"))  # answered then
    edited = app.workers.get(first).values() | {"phone": "081234", "address": "Jl. Baru"}
    assert app.workers.find_duplicates(edited["nik"], edited["name"], BORN, exclude_id=first)
    assert app.workers.duplicates_to_confirm(edited, worker_id=first) == []
    assert app.workers.duplicates_to_confirm(app.workers.get(twin).values(), worker_id=twin) == []


def test_an_edit_is_asked_only_about_the_pair_it_makes(app: AppServices) -> None:
    admin = app.office.local_actor()
    first = app.workers.create(admin, values(app, 9001, "Siti Rahma"))
    app.workers.create(admin, values(app, 9002, "Siti Rahma"))  # the pair it already has
    other = app.workers.create(admin, values(app, 9003, "Dewi Lestari", date(1988, 2, 3)))
    edited = app.workers.get(first).values() | {
        "name": "Dewi Lestari",
        "birth_date": date(1988, 2, 3),
    }
    assert ids(app.workers.duplicates_to_confirm(edited, worker_id=first)) == [other]


def test_a_nik_shared_with_an_inactive_record_is_not_asked_again(app: AppServices) -> None:
    admin = app.office.local_actor()
    old = app.workers.create(admin, values(app, 9001, "Siti Rahma"))
    app.workers.set_status(admin, old, WorkerStatus.NONAKTIF, reason="pindah")
    new = values(app, 9001, "Siti Rahmawati", date(1990, 7, 1))
    assert ids(app.workers.duplicates_to_confirm(new)) == [old]  # asked when it is made
    current = app.workers.create(admin, new)
    later = app.workers.get(current).values() | {"phone": "0811"}
    assert app.workers.duplicates_to_confirm(later, worker_id=current) == []
