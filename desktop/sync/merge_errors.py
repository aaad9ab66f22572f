"""Why a merge refuses a bundle as a whole, or stops: the exceptions of
:mod:`desktop.sync.merge`, :mod:`desktop.sync.staging` and :mod:`desktop.sync.scope`."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError


class MergeAlarm(Exception):
    """The bundle reuses a change id with different content: refused as a whole."""

    def __init__(self, device: str, seq: int) -> None:
        super().__init__(f"change {device[:8]}…:{seq} repeats with different content")
        self.device = device
        self.seq = seq


class MalformedChange(Exception):
    """A staged change whose fields or version vector is not the JSON a change log holds."""


class MergeCancelled(Exception):
    """The user cancelled; the transaction was rolled back."""


class UniqueClash(Exception):
    """A received row takes a unique key (a username, a letter number ...) that another row
    of this office holds: refused as a whole."""

    def __init__(self, table_name: str, columns: str) -> None:
        super().__init__(f"{table_name}: {columns} already taken")
        self.table_name = table_name
        self.columns = columns


def _integrity_error(table_name: str, error: IntegrityError) -> Exception:
    """The merge's own exception for a constraint the received rows break."""
    text = str(error.orig)
    if text.startswith("UNIQUE constraint failed:"):
        columns = ", ".join(
            part.strip().split(".")[-1] for part in text.split(":", 1)[1].split(",")
        )
        return UniqueClash(table_name, columns)
    return MalformedChange()


class ForeignAuthor(Exception):
    """A bundle carries new changes (or audit entries) in the name of a device other than
    its sender, where only the sender's own may be new: refused as a whole."""

    def __init__(self, device: str) -> None:
        super().__init__(f"new changes in the name of device …{device[-8:]}")
        self.device = device


class ScopeViolation(Exception):
    """A kecamatan's bundle changes a row that office never held: refused as a whole."""

    def __init__(self, table_name: str, row_id: str) -> None:
        super().__init__(f"{table_name} {row_id[-8:]} is outside the sender's kecamatan")
        self.table_name = table_name
        self.row_id = row_id


class MovedAway(ScopeViolation):
    """A kecamatan changed a worker after learning that the hub had moved it elsewhere."""
