"""Roles, permissions and the one function every service calls before acting.

The roles and what they allow are domain data (desktop.domain.roles), re-exported here.
"""

from __future__ import annotations

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.roles import READ_ONLY_PERMISSIONS, ROLE_PERMISSIONS, Permission, Role, allows
from desktop.store.unit_of_work import Actor

__all__ = [
    "READ_ONLY_PERMISSIONS",
    "ROLE_PERMISSIONS",
    "Actor",
    "Permission",
    "PermissionDenied",
    "ReadOnlyDatabase",
    "Role",
    "allows",
    "can",
    "require",
]


class PermissionDenied(DomainError):
    """The acting user's role does not allow the requested action."""


class ReadOnlyDatabase(DomainError):
    """The action would write, and the open database can only be read."""


def can(actor: Actor, permission: Permission) -> bool:
    """True when *actor* may do it now: the role grants it and, for anything that writes,
    the database can be written."""
    if actor.read_only is not None and permission not in READ_ONLY_PERMISSIONS:
        return False
    return allows(actor.role, permission)


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless the actor's role grants *permission*, or
    :class:`ReadOnlyDatabase` (saying why and what to do) when it would write to a database
    that can only be read. Called before anything is read from a file or written."""
    if actor.read_only is not None and permission not in READ_ONLY_PERMISSIONS:
        raise ReadOnlyDatabase(actor.read_only)
    if not allows(actor.role, permission):
        raise PermissionDenied(
            Finding.error(
                "permission.denied",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Pengguna {user} ({role}) tidak berhak {action}. "
                    "Minta admin kabupaten untuk melakukannya.",
                ),
                user=actor.username,
                role=actor.role,
                action=permission.label,
            )
        )
