"""Setting up an office's database and knowing who acts on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from desktop.domain.authority import may_set
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.domain.settings import SETTINGS, IntSetting, parse_setting, setting_named
from desktop.services.permissions import Permission, Role, require
from desktop.store import models, queries
from desktop.store.ids import new_id, stable_id
from desktop.store.unit_of_work import Actor, UnitOfWork, utc_now

if TYPE_CHECKING:
    from desktop.services.claims.recompute import ClaimRecompute

BUILTIN_ADMIN = "admin"


class OfficeKind(StrEnum):
    """A regency hub (Dinas, the admins) or a kecamatan office (a laptop)."""

    HUB = "hub"
    KECAMATAN = "kecamatan"

    @property
    def label(self) -> str:
        """Indonesian name of the kind of office."""
        if self is OfficeKind.HUB:
            return QT_TRANSLATE_NOOP("OfficeKind", "Kantor kabupaten (pusat)")
        return QT_TRANSLATE_NOOP("OfficeKind", "Kantor kecamatan")


class OfficeNotReady(DomainError):
    """The database has not been set up for an office yet."""


class OfficeAlreadySetUp(DomainError):
    """init was asked for a database that already belongs to an office."""


@dataclass(frozen=True)
class OfficeInfo:
    """What the status bar and letters need to know about this office."""

    kind: OfficeKind
    region_code: str
    regency_code: str
    name: str
    device_id: str

    @property
    def device_short(self) -> str:
        """The last 8 characters of the device id (its random part), to tell devices apart."""
        return self.device_id[-8:]


def _not_ready() -> OfficeNotReady:
    return OfficeNotReady(
        Finding.error(
            "office.not_ready",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Basis data ini belum disiapkan untuk kantor mana pun. "
                "Jalankan perintah init atau pilih Siapkan Kantor.",
            ),
        )
    )


class OfficeService:
    """Office set-up and identity."""

    def __init__(
        self,
        engine: Engine,
        *,
        read_only: Finding | None = None,
        claims: ClaimRecompute | None = None,
    ) -> None:
        """*claims* recomputes the running claims' clocks after a clock setting changes."""
        self._engine = engine
        self._read_only = read_only
        self._claims = claims

    @property
    def read_only(self) -> Finding | None:
        """Why the open database can only be read (write-protected file or folder), or None."""
        return self._read_only

    def info(self) -> OfficeInfo | None:
        """Return this database's office, or None before set-up."""
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
        if state is None:
            return None
        return OfficeInfo(
            kind=OfficeKind(state["office_kind"]),
            region_code=state["office_region"],
            regency_code=state["regency_code"],
            name=state["office_name"],
            device_id=state["device_id"],
        )

    def require_info(self) -> OfficeInfo:
        """Return this database's office or raise :class:`OfficeNotReady`."""
        info = self.info()
        if info is None:
            raise _not_ready()
        return info

    def set_up(
        self,
        *,
        kind: OfficeKind,
        region: str,
        name: str,
        device_id: str | None = None,
        create_admin: bool = True,
    ) -> OfficeInfo:
        """Make this database the office's: device identity, admin account, settings.

        *device_id* is given when a laptop joins the hub, which chose it at enrolment. A
        joining laptop creates its admin account afterwards (:meth:`ensure_admin`): the
        kecamatan may have one already, made by the laptop it replaces.
        """
        code = RegionCode.parse(region)
        expected = RegionLevel.REGENCY if kind is OfficeKind.HUB else RegionLevel.DISTRICT
        if code.level is not expected:
            raise DomainError(
                Finding.error(
                    "office.region_level",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Kode wilayah {code} adalah {level}; kantor {kind} memerlukan kode "
                        "{expected} (contoh: {example}).",
                    ),
                    code=code.dotted,
                    level=code.level.label,
                    kind=kind.value,
                    expected=expected.label,
                    example="16.02" if kind is OfficeKind.HUB else "16.02.05",
                )
            )
        clean_name = " ".join(name.split())
        if not clean_name:
            raise DomainError(
                Finding.error(
                    "office.name_empty",
                    QT_TRANSLATE_NOOP("Finding", "Nama kantor wajib diisi."),
                )
            )
        if self._read_only is not None:
            raise DomainError(self._read_only)
        regency = code.regency
        assert regency is not None
        device_id = device_id or new_id()
        now = utc_now()
        with self._engine.begin() as conn:
            if queries.local_state(conn) is not None:
                raise OfficeAlreadySetUp(
                    Finding.error(
                        "office.exists",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "Basis data ini sudah disiapkan untuk sebuah kantor. "
                            "Pakai berkas basis data baru untuk kantor lain.",
                        ),
                    )
                )
            queries.create_local_state(
                conn,
                device_id=device_id,
                office_kind=kind.value,
                office_region=code.dotted,
                office_name=clean_name,
                regency_code=regency.dotted,
                now=now,
            )
        info = self.require_info()
        if create_admin:
            self.ensure_admin()
        return info

    def setup_actor(self) -> Actor:
        """The admin this office's set-up acts as (the account may not exist yet)."""
        info = self.require_info()
        role = Role.ADMIN_KABUPATEN if info.kind is OfficeKind.HUB else Role.OPERATOR_KECAMATAN
        admin_id = stable_id("user", info.device_id, BUILTIN_ADMIN)
        return Actor(admin_id, BUILTIN_ADMIN, role.value, info.device_id, self._read_only)

    def ensure_admin(self) -> Actor:
        """Create the office's built-in admin account unless the office has one (a laptop
        that replaces a lost one receives it from the hub); return the local actor."""
        info = self.require_info()
        with self._engine.connect() as conn:
            user = queries.user_by_username(conn, info.region_code, BUILTIN_ADMIN)
        if user is None:
            actor = self.setup_actor()
            with UnitOfWork(
                self._engine,
                actor,
                action="office.set_up",
                summary=f"Kantor disiapkan: {info.name}",
            ) as uow:
                uow.insert(
                    models.AppUser,
                    {
                        "id": actor.user_id,
                        "username": BUILTIN_ADMIN,
                        "full_name": "Administrator",
                        "role": actor.role,
                        "office_region": info.region_code,
                    },
                )
        return self.local_actor()

    def local_actor(self) -> Actor:
        """Return the built-in administrator of this office, who acts for the CLI and GUI."""
        info = self.require_info()
        with self._engine.connect() as conn:
            user = queries.user_by_username(conn, info.region_code, BUILTIN_ADMIN)
        if user is None:
            raise _not_ready()
        return Actor(user["id"], user["username"], user["role"], info.device_id, self._read_only)

    def known_settings(self, actor: Actor) -> list[tuple[IntSetting, int, bool]]:
        """Every setting Sigap knows with its value here and whether it is the default."""
        stored = self.settings(actor)
        return [(s, parse_setting(s, stored), s.key not in stored) for s in SETTINGS.values()]

    def set_setting(self, actor: Actor, key: str, text: str) -> int:
        """Set a setting (at the regency hub, which sends it to every laptop); return the
        value. The key must be known and the value within its limits."""
        setting = setting_named(key)
        value = setting.parse(text)
        require(actor, Permission.MANAGE_OFFICE)
        if not may_set(self.require_info().kind.value, "setting", "value", text):
            raise DomainError(
                Finding.error(
                    "setting.hub_only",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Pengaturan ditetapkan oleh kantor kabupaten dan dikirim ke setiap "
                        "laptop lewat sinkronisasi. Minta admin kabupaten mengubahnya.",
                    ),
                )
            )
        with self._engine.connect() as conn:
            row_id = queries.setting_id(conn, setting.key)
        mark = self._claims.change_mark() if self._claims is not None else None
        with UnitOfWork(
            self._engine,
            actor,
            action="setting.set",
            summary=f"Pengaturan {setting.key} = {value}",
        ) as uow:
            if row_id is None:
                uow.insert(
                    models.Setting,
                    {
                        "id": stable_id("setting", setting.key),
                        "key": setting.key,
                        "value": str(value),
                    },
                )
            else:
                uow.update(models.Setting, row_id, {"value": str(value), "deleted": False})
        if self._claims is not None and mark is not None:
            self._claims.recompute_since(actor, mark)  # a clock setting moves deadlines
        return value

    def settings(self, actor: Actor) -> dict[str, str]:
        """Return the office settings."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            return queries.settings(conn)
