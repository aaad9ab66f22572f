"""The holiday list the claim clock skips in working-day mode: read everywhere, kept by the
regency's admin at the hub (the table is the hub's alone, like the settings; every laptop
receives it by sync).

A change to the list moves the deadlines of running claims: each write takes the change
log's mark before it and recomputes, after it, the claims it touched (every running one,
desktop.services.claims.file.claims_changed_since), as a clock setting does.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from desktop.domain.authority import may_set
from desktop.domain.calendar import Holiday
from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.services.permissions import Permission, ReadOnlyDatabase, can, require
from desktop.store import claims as claim_store
from desktop.store import models, queries
from desktop.store.ids import stable_id
from desktop.store.unit_of_work import Actor, UnitOfWork

if TYPE_CHECKING:
    from desktop.services.claims.recompute import ClaimRecompute

NAME_MAX = 200
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


def _error(code: str, template: str, /, **params: object) -> DomainError:
    return DomainError(Finding.error(code, template, **params))


def _hub_only() -> Finding:
    return Finding.error(
        "holiday.hub_only",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Daftar hari libur ditetapkan oleh admin kantor kabupaten dan dikirim ke setiap "
            "laptop lewat sinkronisasi. Minta admin kabupaten mengubahnya.",
        ),
    )


def read_day(value: date | str) -> date:
    """A day as given: a date, or text as dd-mm-yyyy or yyyy-mm-dd; refused with a message
    when it cannot be read."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _error(
        "holiday.date",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Tanggal hari libur “{text}” tidak terbaca. Tulis sebagai hh-bb-tttt, misalnya "
            "17-08-2026.",
        ),
        text=text or "–",
    )


class HolidayService:
    """The list of holidays: read it, add a day, remove a day."""

    def __init__(
        self,
        engine: Engine,
        *,
        read_only: Finding | None = None,
        claims: ClaimRecompute | None = None,
    ) -> None:
        """*claims* recomputes the running claims' deadlines after the list changes."""
        self._engine = engine
        self._read_only = read_only
        self._claims = claims

    def list_holidays(self, actor: Actor) -> list[Holiday]:
        """Every holiday on the list, by day."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            return list(claim_store.holidays(conn).items)

    def edit_refusal(self, actor: Actor | None) -> Finding | None:
        """Why *actor* may not change the list here (a laptop, a role, a write-protected
        file), or None when they may: the dialog says it instead of greying in silence."""
        if actor is None:
            return _hub_only()
        if actor.read_only is not None:
            return actor.read_only
        if self._read_only is not None:
            return self._read_only
        if not can(actor, Permission.MANAGE_OFFICE) or not can(actor, Permission.DECIDE_CLAIMS):
            return _hub_only()
        if not self._at_hub():
            return _hub_only()
        return None

    def add_holiday(
        self, actor: Actor, day: date | str, name: str, *, recompute: bool = True
    ) -> str:
        """Put *day* on the list with its *name*; return the row's id. Refused for a day
        already listed, an empty or too long name, a date that cannot be read.

        With *recompute* False the running claims' deadlines are left for the caller, who
        took the claims' change mark before and recomputes after (the window does so off
        its thread: thousands of running claims take seconds)."""
        when = read_day(day)
        clean = " ".join((name or "").split())
        if not clean:
            raise _error(
                "holiday.name",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Nama hari libur {date} wajib diisi, misalnya “Hari Kemerdekaan” atau "
                    "“Cuti bersama Idulfitri”.",
                ),
                date=long_date(when),
            )
        if len(clean) > NAME_MAX:
            raise _error(
                "holiday.name_long",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Nama hari libur terlalu panjang ({length} huruf, paling banyak {max}).",
                ),
                length=len(clean),
                max=NAME_MAX,
            )
        self._check_may_edit(actor)
        mark = self._claims.change_mark() if self._claims is not None and recompute else None
        with UnitOfWork(
            self._engine,
            actor,
            action="holiday.add",
            summary=f"Hari libur {when.isoformat()} ditambahkan: {clean}",
        ) as uow:
            row = claim_store.holiday_row(uow.connection, when)
            if row is not None and not row["deleted"]:
                raise _error(
                    "holiday.duplicate",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Tanggal {date} sudah ada di daftar hari libur ({name}). Satu tanggal "
                        "satu hari libur: hapus yang lama dulu bila namanya perlu diganti.",
                    ),
                    date=long_date(when),
                    name=row["name"],
                )
            if row is not None:
                # A day removed and given again revives its row (the day is unique).
                row_id = str(row["id"])
                uow.update(models.Holiday, row_id, {"name": clean, "deleted": False})
            else:
                row_id = uow.insert(
                    models.Holiday,
                    {"id": stable_id("holiday", when.isoformat()), "day": when, "name": clean},
                )
        self._recompute(actor, mark)
        return row_id

    def remove_holiday(self, actor: Actor, day: date | str, *, recompute: bool = True) -> bool:
        """Take *day* off the list; refused when it is not on it. *recompute*: as for
        :meth:`add_holiday`."""
        when = read_day(day)
        self._check_may_edit(actor)
        mark = self._claims.change_mark() if self._claims is not None and recompute else None
        with UnitOfWork(
            self._engine,
            actor,
            action="holiday.remove",
            summary=f"Hari libur {when.isoformat()} dihapus",
        ) as uow:
            row = claim_store.holiday_row(uow.connection, when)
            if row is None or row["deleted"]:
                raise _error(
                    "holiday.not_listed",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Tanggal {date} tidak ada di daftar hari libur; mungkin sudah dihapus. "
                        "Muat ulang daftarnya.",
                    ),
                    date=long_date(when),
                )
            uow.summary = f"Hari libur {when.isoformat()} dihapus: {row['name']}"
            removed = uow.delete(models.Holiday, str(row["id"]))
        self._recompute(actor, mark)
        return removed

    # ---- helpers ---------------------------------------------------------------------------

    def _at_hub(self) -> bool:
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
        return state is not None and may_set(str(state["office_kind"]), "holiday", "day", None)

    def _check_may_edit(self, actor: Actor) -> None:
        if self._read_only is not None and actor.read_only is None:
            raise ReadOnlyDatabase(self._read_only)
        if actor.read_only is None and not self._at_hub():
            raise DomainError(_hub_only())  # a laptop: said before its role's refusal
        require(actor, Permission.MANAGE_OFFICE)
        require(actor, Permission.DECIDE_CLAIMS)

    def _recompute(self, actor: Actor, mark: int | None) -> None:
        """The running claims' deadlines follow the new list (working-day mode)."""
        if self._claims is not None and mark is not None:
            self._claims.recompute_since(actor, mark)
